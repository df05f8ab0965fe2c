# json API corners: encoder/decoder classes, argument errors, str subclasses and
# the encoder's string callback.
import json
from json import encoder, decoder, scanner

for f in (lambda: json.dumps([1], separators=(',',)), lambda: json.dumps({'a': 1}, indent=None, separators=(1, 2)),
          lambda: json.loads('{}', cls=json.JSONDecoder, bogus=1), lambda: json.dumps(1, cls=json.JSONEncoder, bogus=1),
          lambda: json.JSONDecoder().decode(b'[]'), lambda: json.JSONDecoder().raw_decode('[1]', -1),
          lambda: json.JSONDecoder().raw_decode('x[1]', 1), lambda: decoder.scanstring('"abc"', 1),
          lambda: decoder.py_scanstring('abc\\u00e9"', 0), lambda: encoder.encode_basestring('\x07"é'),
          lambda: encoder.py_encode_basestring_ascii('\x07"é\U00012345'), lambda: scanner.py_make_scanner(json.JSONDecoder())('[1, {"a": NaN}]', 0),
          lambda: json.dumps({'z': 1, 'a': {'y': 2, 'b': 3}}, sort_keys=True, separators=(',', ':')),
          lambda: json.dumps([1.0e100, -1e-100, 5e-324, 1.7976931348623157e308, 0.1 + 0.2]),
          lambda: json.dumps({1: 1, '1': 2}), lambda: json.loads('{"a": 1, "a": 2}', object_pairs_hook=list),
          lambda: json.loads('[1e400, -1e400, 1E-400]'), lambda: json.loads(' {"a" : [ 1 , 2 ] } '),
          lambda: json.dumps('\ud800'), lambda: json.dumps('\ud800', ensure_ascii=False) == '"\ud800"',
          lambda: json.loads('"\\ud800\\u0041"') == '\ud800A', lambda: json.dumps(True), lambda: json.dumps([[], {}, ()]),
          lambda: json.dumps({'k': [1, {'x': (2, 3)}]}, indent=3), lambda: json.dumps([1], indent=''),
          lambda: json.JSONEncoder(skipkeys=True).encode({object(): 1, 'a': 2})):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Enc(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        return iter(['"custom"'])
print(json.dumps(1, cls=Enc), Enc().encode([1]))
