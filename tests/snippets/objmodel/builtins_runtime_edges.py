# dir() of a traceback, vars() through a __dict__ property, len()'s sign check,
# input() with odd streams, a class __doc__ that cannot be UTF-8.
import io
import sys

try:
    1 / 0
except ZeroDivisionError as e:
    print(dir(e.__traceback__), e.__traceback__.__dir__.__doc__)


class C:
    def get_dict(self):
        return {'a': 2}
    __dict__ = property(get_dict)


print(vars(C()), type(C.__dict__['__dict__']).__name__)


class D:
    pass


print(type(D.__dict__['__dict__']).__name__, vars(D()))


class HugeNegativeLen:
    def __len__(self):
        return -sys.maxsize - 10


class HugeLen:
    def __len__(self):
        return sys.maxsize + 1


class IndexLen:
    def __len__(self):
        return True


for obj in (HugeNegativeLen(), HugeLen(), IndexLen()):
    try:
        print(len(obj))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)


class BitBucket:
    def write(self, line):
        pass


saved = sys.stdin, sys.stdout
try:
    sys.stdout = BitBucket()
    sys.stdin = io.StringIO("first\nsecond")
    a = input()
    b = input("prompt\n")
    try:
        input()
    except EOFError as e:
        c = ("EOFError", str(e))
    sys.stdin = io.BytesIO(b"raw\n")
    d = input()
    del sys.stdout
    try:
        input("x")
    except RuntimeError as e:
        f = str(e)
    sys.stdout = BitBucket()
    del sys.stdin
    try:
        input("x")
    except RuntimeError as e:
        g = str(e)
finally:
    sys.stdin, sys.stdout = saved
print(a, b, c, d, f, g)

for doc in ('x', '\xc4', 'x\x00y', b'x', 42, None):
    print(repr(type('A', (), {'__doc__': doc}).__doc__))
try:
    type('A', (), {'__doc__': 'x\udcdcy'})
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
A = type('A', (), {})
A.__doc__ = 'x\udcdcy'
print(ascii(A.__doc__))

# CPython's item sizes of the variable-sized built-in types.
import types


async def coro():
    pass


async def agen():
    yield


c = coro()
for t in (type, types.CodeType, types.FrameType, types.GeneratorType, type(c),
          type(agen()), memoryview, int, tuple, bytes, object, property):
    print(t.__name__, t.__itemsize__)
c.close()
try:
    class Meta(type):
        __slots__ = ('x',)
except TypeError as e:
    print("TypeError", e)


class Meta2(type):
    __slots__ = ()


print(Meta2.__itemsize__, Meta2.__basicsize__ == type.__basicsize__)

# copy.copy() returns a code object itself.
import copy


def f():
    pass


print(copy.copy(f.__code__) is f.__code__, copy.deepcopy(f.__code__) is f.__code__)
