# array.array construction: every type code, every kind of initializer, and
# CPython's errors for bad type codes and initializers.
import array


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(array.typecodes)
print(array.ArrayType is array.array, array.array.__module__, array.array.__name__)
for c in array.typecodes:
    a = array.array(c)
    print(c, repr(a), a.typecode, a.itemsize, len(a))

for c in "bBhHiIlLqQ":
    t(c + " list", lambda: array.array(c, [0, 1, 2, 100]))
    t(c + " tuple", lambda: array.array(c, (3, 4)))
    t(c + " range", lambda: array.array(c, range(5)))
    t(c + " gen", lambda: array.array(c, (i * 2 for i in range(3))))
    t(c + " bytes", lambda: array.array(c, bytes(array.array(c, [7, 8]))))
for c in "fd":
    t(c + " floats", lambda: array.array(c, [0.5, 1, -2.25, 1e10]))
    t(c + " ints", lambda: array.array(c, [1, 2, True]))
t("f rounding", lambda: array.array("f", [0.1]).tolist())
t("f huge", lambda: array.array("f", [1e300]))
t("d nan", lambda: repr(array.array("d", [float("nan"), float("-inf")])))
t("u str", lambda: array.array("u", "h\u00e9\u20ac\U0001f600"))
t("u list", lambda: array.array("u", ["a", "b"]))
t("u iter", lambda: array.array("u", iter("xyz")))
t("u from u", lambda: array.array("u", array.array("u", "qq")))
t("b from bytes", lambda: array.array("b", b"\x01\xff\x80"))
t("B from bytearray", lambda: array.array("B", bytearray(b"\x01\xff")))
t("h from memoryview", lambda: array.array("h", memoryview(b"\x01\xff")))
t("h from h", lambda: array.array("h", array.array("h", [5, -5])))
t("h from b", lambda: array.array("h", array.array("b", [5, -5])))
t("d from b", lambda: array.array("d", array.array("b", [5])))
t("b from dict", lambda: array.array("b", {1: 2, 3: 4}))
t("B bool", lambda: array.array("B", [True, False]))

# Errors.
t("no args", lambda: array.array())
t("too many", lambda: array.array("b", [1], 3))
t("keyword", lambda: array.array("b", initializer=[1]))
t("bad code", lambda: array.array("x"))
t("bad code iter", lambda: array.array("x", [1]))
t("bad code int", lambda: array.array("x", 5))
t("long code", lambda: array.array("bb"))
t("int code", lambda: array.array(1))
t("None code", lambda: array.array(None))
t("str for b", lambda: array.array("b", "abc"))
t("str for d", lambda: array.array("d", ""))
t("u array for b", lambda: array.array("b", array.array("u", "ab")))
t("int init", lambda: array.array("b", 5))
t("bytes len", lambda: array.array("h", b"abc"))
t("u int", lambda: array.array("u", [1]))
t("u long str", lambda: array.array("u", ["ab"]))
t("u empty str", lambda: array.array("u", [""]))
t("i float", lambda: array.array("i", [1.5]))
t("i str", lambda: array.array("i", ["1"]))
t("I float", lambda: array.array("I", [1.5]))
t("Q str", lambda: array.array("Q", ["a"]))
t("d str", lambda: array.array("d", ["a"]))
t("d None", lambda: array.array("d", [None]))
t("d bigint", lambda: array.array("d", [1 << 2000]))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Flt:
    def __float__(self):
        return 2.5


t("index obj", lambda: array.array("i", [Idx(7)]))
t("index obj I", lambda: array.array("I", [Idx(7)]))
t("index obj Q", lambda: array.array("Q", [Idx(2**64 - 1)]))
t("float obj", lambda: array.array("d", [Flt()]))


class Sub(array.array):
    pass


class WithInit(array.array):
    def __init__(self, typecode, init=None, extra=0):
        self.extra = extra


s = Sub("i", [1, 2])
print(repr(s), type(s).__name__, isinstance(s, array.array))
t("sub kw", lambda: Sub("i", [1], x=1))
w = WithInit("i", [1, 2], extra=5)
print(repr(w), w.extra)
