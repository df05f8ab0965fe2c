# The module and type: attributes, sizes, subclasses, weak references, repr,
# registration as a MutableSequence, generic aliases.
import array
import collections.abc
import sys
import weakref


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(sorted(n for n in dir(array) if not n.startswith("__")))
print(array.__name__, array.__doc__)
print(array.array.__doc__.splitlines()[0])
print(issubclass(array.array, collections.abc.MutableSequence), isinstance(array.array("b"), collections.abc.Sequence))
print(array.array.__flags__ & (1 << 5) != 0, array.array.__flags__ & (1 << 10) != 0)
t("class_getitem", lambda: array.array[int])
for code in array.typecodes:
    print(code, sys.getsizeof(array.array(code)), sys.getsizeof(array.array(code, "a" if code == "u" else [1])))
a = array.array("i")
sizes = []
for i in range(40):
    a.append(i)
    sizes.append(a.__sizeof__())
print(sizes)
while a:
    a.pop()
    sizes.append(a.__sizeof__())
print(sizes[40:])
print(sys.getsizeof(array.array("i", range(10))), sys.getsizeof(array.array("i", list(range(10)))))
print(sys.getsizeof(array.array("b", b"abc")), sys.getsizeof(array.array("u", "abc")))
b = array.array("b", range(5))
b *= 4
print(b.__sizeof__())
b.extend(b)
print(b.__sizeof__())
del b[:30]
print(b.__sizeof__())


class Sub(array.array):
    def __repr__(self):
        return "Sub:" + super().__repr__()


class Plain(array.array):
    pass


class Slotted(array.array):
    __slots__ = ()


print(repr(Sub("i", [1])), repr(Plain("u", "xy")), repr(Plain("d")), str(array.array("i", [1, 2])))
print(sys.getsizeof(Slotted("b")) == sys.getsizeof(array.array("b")))
p = Plain("b", [1])
p.x = 1
print(p.__dict__)
t("no dict", lambda: array.array("b").__dict__)

r = weakref.ref(p)
print(r() is p)
del p
print(r())
w = array.array("b")
wr = weakref.ref(w)
print(wr() is w)

print(repr(array.array("d", [1.0, 0.1, -0.0, 1e100])))
print(repr(array.array("f", [0.1])))
print(repr(array.array("u", "it's \"q\"\n")))
print(repr(array.array("b", [-1, 0, 1])))
match array.array("i", [1, 2]):
    case [x, y]:
        print("matched sequence", x, y)
