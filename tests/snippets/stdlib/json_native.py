# The _json accelerator: its types, argument errors, string escaping and recursion limits.
import _json, json
e=_json.make_encoder(None, str, _json.encode_basestring, None, ':', ',', False, False, True)
print([a for a in dir(e) if not a.startswith('__')], type(e), _json.make_encoder, _json.make_scanner)
s=_json.make_scanner(json.JSONDecoder())
print([a for a in dir(s) if not a.startswith('__')], type(s))
print(e([1,'a',{'b':2.5}], 0), _json.__doc__, [x for x in dir(_json) if not x.startswith('__')])
for f in (lambda: _json.make_encoder([], str, str, None, ':', ',', False, False, True),
          lambda: _json.make_encoder(None, str, str, None, 1, ',', False, False, True),
          lambda: s(1, 0), lambda: s('x', -1), lambda: _json.scanstring(b'x', 0), lambda: _json.scanstring('x', 5),
          lambda: _json.encode_basestring_ascii(1), lambda: e([1], 'x')):
    try: f()
    except Exception as x: print(type(x), x)
print(_json.scanstring('ab\"c', 1), _json.encode_basestring_ascii('é\U0001F600\x01\"'), ascii(_json.encode_basestring('é\x01\ud800')))
x=[]
for i in range(2000): x=[x]
try: json.dumps(x)
except RecursionError as r: print(r)
try: json.loads('['*2000+']'*2000)
except RecursionError as r: print(r)
print(json.scanner.make_scanner, json.decoder.scanstring, json.encoder.c_make_encoder)
