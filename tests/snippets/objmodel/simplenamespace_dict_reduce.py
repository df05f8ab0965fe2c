# types.SimpleNamespace's read-only __dict__ member and its __reduce__, through which
# copy and pickle rebuild a namespace (and a subclass of one).
import copy
import pickle
import types


class Sub(types.SimpleNamespace):
    pass


ns = types.SimpleNamespace(a=1, b=[2])
print(ns.__dict__, ns.__dict__ is vars(ns), ns.__reduce__())
ns.__dict__["c"] = 3
print(ns, type(types.SimpleNamespace.__dict__["__dict__"]).__name__)
try:
    ns.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
shallow = copy.copy(ns)
deep = copy.deepcopy(ns)
print(shallow, shallow.b is ns.b, deep, deep.b is ns.b, deep == ns)
print(pickle.loads(pickle.dumps(ns)), pickle.loads(pickle.dumps(ns, 0)) == ns)
s = Sub(x=1)
print(s.__reduce__()[0].__name__, copy.copy(s), type(copy.deepcopy(s)).__name__)
print(types.SimpleNamespace.__reduce__.__doc__)
