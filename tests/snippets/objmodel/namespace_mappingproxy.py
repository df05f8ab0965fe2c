# types.SimpleNamespace.__dict__ and pickling; mappingproxy's | and reversed().
import copy
import pickle
import types

ns = types.SimpleNamespace(a=1, b=2)
print(ns.__dict__, vars(ns))
ns.__dict__['c'] = 3
print(ns, ns.c)
try:
    ns.__dict__ = {}
except AttributeError as e:
    print("AttributeError", e)
print(ns.__reduce__())
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(ns, proto)) == ns)
print(copy.copy(ns), copy.deepcopy(ns))


class Sub(types.SimpleNamespace):
    pass


s = Sub(x=1)
print(s, s.__reduce__()[0].__name__, vars(s))

mp = types.MappingProxyType({'a': 1, 'b': 2})
print(list(reversed(mp)))
print(mp | {'c': 3}, {'z': 0} | mp, type(mp | mp).__name__)
try:
    mp |= {'d': 4}
except TypeError as e:
    print("TypeError", e)
try:
    mp | 1
except TypeError as e:
    print("TypeError", e)
print(types.MappingProxyType[int, str])
print(sorted(set(dir(mp)) - set(dir(object()))))
