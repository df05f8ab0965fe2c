# __bases__, __base__, identity of aliases and a few issubclass facts.
import builtins

names = sorted(
    n for n in dir(builtins)
    if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException)
)
for n in names:
    cls = getattr(builtins, n)
    print(n, cls.__name__, cls.__qualname__, cls.__module__, [b.__name__ for b in cls.__bases__], cls.__base__.__name__)
print(EnvironmentError is OSError, IOError is OSError)
print(issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
print(issubclass(BaseExceptionGroup, Exception), issubclass(KeyboardInterrupt, Exception))
print(issubclass(UnicodeDecodeError, ValueError), issubclass(ModuleNotFoundError, ImportError))
print(issubclass(TabError, SyntaxError), issubclass(BrokenPipeError, OSError))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(EncodingWarning, Warning), issubclass(Warning, Exception))
