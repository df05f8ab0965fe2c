# dict: construction, access, order, repr.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = {'b': 1, 'a': 2, 1: 'one', (1, 2): [3]}
print(d, len(d), d['a'], d[1], d[1, 2], 'a' in d, 'z' in d, 1.0 in d, True in d)
d['c'] = 3
d['b'] = 10
del d['a']
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(dict(), dict(a=1, b=2), dict([('x', 1), ['y', 2]]), dict({'p': 1}, q=2), dict(zip('ab', range(2))))
print(dict([(1, 2)], **{'k': 3}), dict(((i, i * i) for i in range(4))), {i: str(i) for i in range(3)})
attempt(lambda: d['zz'])
attempt(lambda: d[[1]])
attempt(lambda: d.__delitem__('zz'))
attempt(lambda: {}[()])
attempt(lambda: {}[(1, 2)])
attempt(lambda: {}[None])
attempt(lambda: dict(1))
attempt(lambda: dict([1]))
attempt(lambda: dict([(1, 2, 3)]))
attempt(lambda: dict(['ab', 'c']))
attempt(lambda: dict(1, 2))
attempt(lambda: dict({1: 2}, {3: 4}))
attempt(lambda: {[]: 1})
attempt(lambda: hash({}))
print(dict(['ab', 'cd']), {1: 1, 1.0: 2, True: 3})
e = {}
e[0] = 'zero'
e[False] = 'false'
e[0.0] = 'float'
print(e)
nested = {'a': {'b': {'c': [1, (2, {3: 4})]}}}
print(nested, nested['a']['b']['c'][1][1][3])
print(repr({'q': "it's", 'r': 'say "hi"'}), str({1: None}))
print(dict.__doc__.splitlines()[0], type({}).__name__, isinstance({}, dict))
print({}.__class__ is dict, bool({}), bool({0: 0}))
