# json: dumps/loads round trips and the encoder's options.
import json

data = {"name": "pyrs", "version": [3, 11], "ok": True, "none": None, "pi": 3.14159,
        "big": 2 ** 70, "neg": -0.0, "tiny": 1e-300, "exp": 1e22, "nested": {"a": [1, {"b": []}], "c": {}},
        "text": "tab\there \"quoted\" \\ back/slash\n\u00e9\u4e2d\U0001F600\x00\x1f\x7f"}
s = json.dumps(data)
print(s)
print(json.loads(s) == data, json.loads(s))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, [3]], {}], indent='\t'))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(',', ':')), json.dumps([1, 2], indent=0))
print(json.dumps({3: 'x', 1.5: 'y', True: 't', None: 'n', False: 'f'}))
print(json.dumps({(1, 2): 'x', 'k': 1}, skipkeys=True), json.dumps((1, 2)), json.dumps('x'), json.dumps(None))
print(json.dumps([float('nan'), float('inf'), -float('inf'), 1.0, 0.1, 1e16, 123456789.123]))
print(json.dumps(set([1]), default=sorted), json.dumps(b'ab'.decode()))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        return super().default(o)

print(json.dumps([Point(1, 2)], cls=PointEncoder), PointEncoder(indent=1).encode({'p': Point(0, 0)}))
print(list(json.JSONEncoder().iterencode({'a': [1, 2]})), list(json.JSONEncoder(indent=1).iterencode([1])))

class MyInt(int):
    def __repr__(self):
        return 'MyInt!'

class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'

class MyStr(str):
    pass

print(json.dumps([MyInt(5), MyFloat(2.5), MyStr('s'), True, False]))
print(json.loads('[1, 2.5, "x", true, false, null, -0, -0.0, 1E3, 1e-2, 12345678901234567890]'))
print(json.loads('{"a": {"b": [1, {"c": "d"}]}, "a": 2}'), json.loads(' \n[ ] '), json.loads('""'))
print(json.loads('"\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/\\b\\f\\r"'), json.loads('"\\ud800x"') == '\ud800x')
print(json.loads('NaN'), json.loads('Infinity'), json.loads('-Infinity'), json.loads('[-Infinity]'))
print(json.loads('[1.5, 2]', parse_float=lambda s: 'F' + s, parse_int=lambda s: 'I' + s))
print(json.loads('[NaN]', parse_constant=lambda s: s.lower()))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda p: p), json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)))
print(json.loads(b'{"k": "\xc3\xa9"}'), json.loads('[1]'.encode('utf-16')), json.loads('[2]'.encode('utf-16-le')), json.loads('[3]'.encode('utf-32')))
print(json.loads(bytearray(b'[true]')), json.loads('"a\tb"', strict=False))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'), dec.raw_decode('  [1]', 2), dec.decode('  "x"  '))
keys = json.loads('[{"same": 1}, {"same": 2}]')
print(keys, list(keys[0])[0] is list(keys[1])[0])

import io
buf = io.StringIO()
json.dump({'x': [1, 2, {'y': None}]}, buf, indent=1)
print(buf.getvalue())
print(json.load(io.StringIO('{"loaded": [true]}')))
print(json.__all__, json.__version__)
