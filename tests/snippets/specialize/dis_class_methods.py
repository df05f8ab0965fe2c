"""LOAD_METHOD_CLASS, LOAD_METHOD_WITH_DICT, `__class__` read as LOAD_ATTR_SLOT, plain
BINARY_OP for operators without specialisations, and list/tuple subscripts by any int:
dis.dis(adaptive=True) after warm-up shows what CPython 3.11 shows, and the specialised
instructions give the right results when their guards fail afterwards."""
import dis


class Meta(type):
    def hidden(cls):
        return "meta"


class C:
    LIMIT = 7

    class Inner:
        def __init__(self, v):
            self.v = v

    def twice(x):
        return 2 * x

    @staticmethod
    def st(x):
        return x + 1

    def meth(self):
        return "meth"

    def kind(self):
        return self.__class__.__name__


class D(C):
    pass


class M(metaclass=Meta):
    def hidden(self):
        return "class"


def class_calls(n):
    a = C.twice(n)
    b = C.Inner(n).v
    c = C.st(n)
    d = str.join(",", ["x", "y"])
    e = M.hidden(M())
    return a, b, c, d, e


def values_calls(obj):
    return obj.meth(), obj.kind()


def dict_calls(obj):
    return obj.meth(), obj.kind()


def ops(a, b, lst, tup):
    return a % b, a // b, a / b, a ** 2, lst[-1], tup[-2], lst[0] + tup[0]


plain = C()
with_dict = C()
vars(with_dict)["extra"] = 1
for i in range(200):
    class_calls(i)
    values_calls(plain)
    dict_calls(with_dict)
    ops(i + 7, 3, [1, 2, 3], (4, 5, 6))
for fn in (class_calls, values_calls, dict_calls, C.kind, ops):
    dis.dis(fn, adaptive=True)
print(class_calls(5), values_calls(plain), dict_calls(with_dict), ops(10, 4, [1, 2], (3, 4)))

# The guards: a changed class, a shadowing instance attribute, another __class__.
C.twice = lambda x: 3 * x
print(class_calls(5))
with_dict.meth = lambda: "instance attribute"
print(dict_calls(with_dict))
with_dict.__class__ = D
print(dict_calls(with_dict))
del with_dict.meth
print(dict_calls(with_dict), values_calls(plain))
print(class_calls(2), ops(7, 2, [9], (8, 7)))
