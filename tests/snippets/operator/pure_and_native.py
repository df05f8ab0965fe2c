# operator: the pure-Python definitions (with _operator blocked) and the native ones
# give the same results and errors.
import sys
import operator  # noqa: F401

import operator as native_operator

saved = sys.modules.pop("operator")
sys.modules["_operator"] = None
import operator as pure_operator
del sys.modules["_operator"]
sys.modules["operator"] = saved

print(pure_operator is not native_operator, pure_operator.add is not native_operator.add)
print(type(pure_operator.add).__name__, type(native_operator.add).__name__)
print(pure_operator.__doc__ == native_operator.__doc__)


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10


class Hint:
    def __init__(self, v):
        self.v = v

    def __length_hint__(self):
        if isinstance(self.v, Exception):
            raise self.v
        return self.v


class O:
    class a:
        class b:
            c = 5

    def meth(self, *args, **kw):
        return args, kw


def run(op):
    out = []

    def t(f, *args):
        try:
            out.append(repr(f(*args)))
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")

    t(op.add, 1, 2); t(op.sub, 1, 2); t(op.mul, "a", 3); t(op.truediv, 1, 0)
    t(op.floordiv, 7, 2); t(op.mod, 7, 3); t(op.pow, 2, 10); t(op.lshift, 1, 4)
    t(op.rshift, 16, 2); t(op.and_, 6, 3); t(op.or_, 6, 3); t(op.xor, 6, 3)
    t(op.neg, 3); t(op.pos, -3); t(op.abs, -3); t(op.inv, 5); t(op.invert, 5)
    t(op.not_, 0); t(op.truth, []); t(op.is_, None, None); t(op.is_not, 1, None)
    t(op.index, 5); t(op.index, 5.0)
    t(op.lt, 1, 2); t(op.le, 2, 2); t(op.eq, 1, 1.0); t(op.ne, 1, 2); t(op.ge, 1, 2)
    t(op.gt, 3, 2); t(op.lt, 1, "a")
    t(op.concat, [1], [2]); t(op.concat, 1, 2); t(op.iconcat, [1], (2,)); t(op.iconcat, 1, 2)
    t(op.contains, [1, 2], 2); t(op.countOf, [1, 2, 1, 1.0], 1); t(op.indexOf, [4, 5], 5)
    t(op.indexOf, [4, 5], 6); t(op.countOf, Seq(), 10); t(op.indexOf, Seq(), 20)
    t(op.getitem, [1, 2], 1); t(op.getitem, {}, 1)
    d = {1: 2}
    t(op.setitem, d, 3, 4); t(op.delitem, d, 1); out.append(repr(d))
    t(op.length_hint, [1, 2]); t(op.length_hint, Hint(4)); t(op.length_hint, Hint(-1))
    t(op.length_hint, Hint("x")); t(op.length_hint, Hint(NotImplemented), 7)
    t(op.length_hint, Hint(TypeError("t")), 9); t(op.length_hint, 5, "x")
    t(op.length_hint, object(), 3)
    l = [1]
    t(op.iadd, l, [2]); t(op.isub, 5, 2); t(op.imul, [1], 2); t(op.ifloordiv, 7, 2)
    t(op.itruediv, 7, 2); t(op.imod, 7, 2); t(op.ipow, 2, 3); t(op.ilshift, 1, 2)
    t(op.irshift, 8, 2); t(op.iand, 6, 3); t(op.ior, 6, 3); t(op.ixor, 6, 3)
    t(op.imatmul, 1, 2); t(op.matmul, 1, 2)
    t(lambda: op.call(max, 1, 5, key=lambda x: -x))
    t(op.attrgetter("a.b.c"), O); t(op.attrgetter("a", "a.b.c"), O)
    t(op.attrgetter, 1); t(op.attrgetter("zz"), O)
    t(op.itemgetter(1), [5, 6]); t(op.itemgetter(0, 1), "ab"); t(op.itemgetter(5), [])
    t(op.methodcaller("meth", 1, k=2), O()); t(op.methodcaller, 1)
    t(op.methodcaller("upper"), "x")
    t(lambda: repr(op.methodcaller("meth", 1, k=2)))
    t(lambda: repr(op.itemgetter(1, "a"))); t(lambda: repr(op.attrgetter("x", "y.z")))
    t(lambda: op.itemgetter(1).__reduce__()[1]); t(lambda: op.attrgetter("x.y").__reduce__()[1])
    t(lambda: op.methodcaller("m", 1).__reduce__()[1])
    t(lambda: op.__lt__ is op.lt and op.__iadd__ is op.iadd and op.__invert__ is op.invert)
    return out


pure, native = run(pure_operator), run(native_operator)
for a, b in zip(pure, native):
    print(a if a == b else f"DIFF pure={a} native={b}")
