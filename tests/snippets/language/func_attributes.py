"""Function objects: __name__, __qualname__, __doc__, __module__, __annotations__, __code__ fields, __kwdefaults__."""
def f(a: int, b: "str" = "x", *args, c: float = 1.0, **kw) -> bool:
    """Docstring of f."""
    local = a
    return True
print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__annotations__)
print(f.__defaults__, f.__kwdefaults__)
co = f.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_varnames, co.co_nlocals, co.co_flags & 0xC)
class K:
    def method(self):
        def inner():
            pass
        return inner
print(K.method.__qualname__, K().method().__qualname__, (lambda: 0).__qualname__)
def no_doc():
    pass
print(no_doc.__doc__, no_doc.__annotations__, no_doc.__defaults__, no_doc.__kwdefaults__, no_doc.__closure__)
f.__name__ = "renamed"
print(f.__name__, f.__qualname__)
try:
    f.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
f.custom = [1]
print(f.custom, "custom" in f.__dict__)
print(type(f).__name__, callable(f), f.__globals__ is globals())
x: int = 5
y: list
print(__annotations__)
