"""Private name mangling: __attr in classes, access from subclasses, getattr with mangled names."""
class A:
    def __init__(self):
        self.__secret = "A secret"
        self._protected = "prot"
    def reveal(self):
        return self.__secret
    def __private_method(self):
        return "private method"
    def call_private(self):
        return self.__private_method()
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = "B secret"
    def b_reveal(self):
        return self.__secret
b = B()
print(b.reveal(), b.b_reveal(), b.call_private(), sorted(vars(b)))
try:
    b.__secret
except AttributeError as e:
    print(type(e).__name__, e)
print(b._A__secret, getattr(b, "_B__secret"), b._A__private_method())
class C:
    __dunder__ = "not mangled"
    __x = 1
    def get(self):
        return __class__.__x
print(C.__dunder__, C._C__x, C().get(), "__x" in C.__dict__)
class _Under:
    __y = 2
print(_Under._Under__y)
