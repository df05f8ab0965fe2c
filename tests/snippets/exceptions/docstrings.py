# Docstrings of the exception types and of their methods and attributes.
import builtins

names = sorted(
    n for n in dir(builtins)
    if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException)
)
for n in names:
    print(n, repr(getattr(builtins, n).__doc__))
print(repr(BaseException.with_traceback.__doc__))
print(repr(BaseException.add_note.__doc__))
print(repr(BaseException.__dict__['__context__'].__doc__))
print(repr(BaseException.__dict__['__cause__'].__doc__))
