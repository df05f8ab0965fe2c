# __subclasses__() of the built-in exception classes (built-in subclasses only).
import builtins

def builtin_subs(cls):
    return [c.__name__ for c in cls.__subclasses__() if c.__module__ == 'builtins']

for cls in [BaseException, Exception, ArithmeticError, LookupError, OSError, ConnectionError,
            ValueError, UnicodeError, RuntimeError, ImportError, SyntaxError, IndentationError,
            NameError, Warning, BaseExceptionGroup]:
    print(cls.__name__, builtin_subs(cls))
