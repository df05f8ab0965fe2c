# Warnings CPython issues from its C code, printed to stderr with the default
# filters (DeprecationWarning is shown for code in __main__).
import warnings


class MyInt(int):
    pass


class MyFloat(float):
    pass


class MyComplex(complex):
    pass


class I:
    def __int__(self):
        return MyInt(5)


class X:
    def __index__(self):
        return MyInt(6)


class F:
    def __float__(self):
        return MyFloat(1.5)


class C:
    def __complex__(self):
        return MyComplex(1, 2)


class T:
    def __trunc__(self):
        return 7


print(int(I()), type(int(I())).__name__)
print(int(X()), [1, 2, 3, 4, 5, 6, 7][X()])
print(float(F()), type(float(F())).__name__)
print(complex(C()), type(complex(C())).__name__)
print(int(T()))
print(bool(NotImplemented), not NotImplemented)
import math
print(math.floor(F()))


def f():
    warnings.warn("from f", stacklevel=2)


f()
warnings.warn("user warning")
warnings.warn("runtime", RuntimeWarning)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        int(I())
    except DeprecationWarning as e:
        print("error:", e)
    try:
        bool(NotImplemented)
    except DeprecationWarning as e:
        print("error:", e)
print("done")
