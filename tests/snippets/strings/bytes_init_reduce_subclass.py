# bytes() keeps what __bytes__ returns (a subclass too), bytearray() appends an
# iterator's bytes as they arrive, bytearray pickles its __getstate__ (slots too),
# and subclasses of sequence types with __getitem__ are reversible.
import pickle


class BS(bytes):
    pass


class W:
    def __bytes__(self):
        return BS(b"abc")


class Bad:
    def __bytes__(self):
        return "x"


print(type(bytes(W())).__name__, type(BS(W())).__name__, bytes(W()))
try:
    bytes(Bad())
except TypeError as e:
    print("TypeError", e)

b = bytearray(b"old")


def g():
    for i in range(1, 6):
        yield i
        print("seen", list(b), b.__alloc__())


b.__init__(g())
print(b, b.__alloc__())


def bad_gen():
    yield 1
    yield 300


c = bytearray()
try:
    c.__init__(bad_gen())
except ValueError as e:
    print("ValueError", e, c)
try:
    bytearray(5.0)
except TypeError as e:
    print("TypeError", e)


class S(bytearray):
    __slots__ = ("x", "y", "__dict__")


s = S(b"ab")
s.x = 1
s.z = 2
print(s.__reduce_ex__(3))
print(s.__reduce_ex__(2))
t = pickle.loads(pickle.dumps(s))
print(type(t).__name__, t, t.x, t.z)
print(bytearray(b"x").__reduce_ex__(2), bytearray(b"x").__reduce__(), bytearray().__reduce_ex__(4))


class BA(bytearray):
    pass


class T(tuple):
    pass


class Str(str):
    pass


print(list(reversed(BA(b"ab"))), list(reversed(T((1, 2)))), list(reversed(Str("xy"))))
try:
    reversed(type("D", (dict,), {})())
except TypeError as e:
    print("TypeError", e)
