# json: decoding errors (messages, positions, lines and columns) and encoding errors.
import json

BAD = ['', ' ', '[', '[1,', '[1 2]', '{', '{"a"', '{"a":', '{"a" 1}', '{"a":1,}', '{1: 2}',
       '{"a":1 "b":2}', '"abc', '"\\x"', '"\\u12"', '"\\u12g4"', '"a\nb"', '"\x00"', '[1,]',
       'tru', 'nul', '01', '-', '1.', '.5', '1e', '[1] x', '{"a": [}', '\ufeff[]', 'nan',
       '[\n  1,\n  2\n  3]', '{"a":\n\n}', '"\\', '"\\ud834\\u', '[-]', '-Infinityx', '{"a" : 1 , }']
for doc in BAD:
    try:
        print(repr(doc), 'ok', json.loads(doc))
    except json.JSONDecodeError as e:
        print(repr(doc), type(e).__name__, e, '|', e.msg, e.pos, e.lineno, e.colno)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError('m', 'ab\ncd', 4).colno)
try:
    json.loads(42)
except TypeError as e:
    print('TypeError', e)

a = []
a.append(a)
d = {}
d['self'] = d
for obj in (a, d, [[a]]):
    try:
        json.dumps(obj)
    except ValueError as e:
        print('ValueError', e)

class Loop:
    pass

try:
    json.dumps(Loop(), default=lambda o: o)
except ValueError as e:
    print('ValueError', e)
for obj, kw in ((object(), {}), ({(1,): 2}, {}), ({1j: 2}, {}), (float('nan'), {'allow_nan': False}),
                ([float('inf')], {'allow_nan': False}), ({'k': b'x'}, {}), ([1, {2: set()}], {'indent': 1})):
    try:
        print(json.dumps(obj, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    json.dumps({'b': 1, 2: 'a'}, sort_keys=True)
except TypeError as e:
    print('TypeError', e)
deep = []
for _ in range(50):
    deep = [deep]
print(len(json.dumps(deep)), json.loads('[' * 50 + ']' * 50) == deep)
