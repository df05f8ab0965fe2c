# typing's module-level API: __all__, the typing.io/typing.re pseudo-submodules
# (deprecated), pickling and copying of typing objects, _cleanups and the module
# built without the _typing accelerator.
import copy
import pickle
import sys
import typing
import warnings

print(len(typing.__all__), sorted(typing.__all__)[:8])
print(all(hasattr(typing, name) for name in typing.__all__))
print(sys.modules['typing.io'].__name__, sys.modules['typing.re'].__name__)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    from typing.re import Pattern
    from typing.io import TextIO
print(Pattern, TextIO, [str(x.message) for x in w])
T = typing.TypeVar('T')
for obj in (typing.List[int], typing.Union[int, str], typing.Optional[str], typing.Any,
            typing.Callable[[int], str], typing.Callable[..., int], typing.Literal[1],
            typing.Annotated[int, 'x'], typing.Tuple[()], typing.ClassVar[int],
            typing.Dict, typing.Never):
    print(repr(obj), pickle.loads(pickle.dumps(obj)) == obj, copy.deepcopy(obj) == obj)
print(copy.copy(T) is T, copy.deepcopy(typing.AnyStr) is typing.AnyStr)
print(pickle.loads(pickle.dumps(typing.AnyStr)) is typing.AnyStr)
print(len(typing._cleanups) > 5, [f() for f in typing._cleanups][:1])
print(typing.NoReturn.__name__, typing.Union.__qualname__, typing.Union.__doc__ is not None)
print(typing.List.__doc__, typing.Tuple.__module__, typing.List[int].__module__)
print(type(typing.List[int]).__name__, type(typing.Union[int, str]).__name__,
      type(typing.Union).__name__, type(typing.Callable[[int], int]).__name__)
print(typing.TypeVar.__module__, typing.Generic.__module__, typing.NewType('N', int).__module__)
try:
    class X(typing.TypeVar): pass
except TypeError as e:
    print('TypeError:', e)

saved = {k: sys.modules.pop(k) for k in ('typing', 'typing.io', 'typing.re')}
sys.modules['_typing'] = None
try:
    import typing as py_typing
    N = py_typing.NewType('N', int)
    print(py_typing is not saved['typing'], N(7), type(py_typing.NewType.__call__).__name__)
finally:
    del sys.modules['_typing']
    sys.modules.update(saved)
print(type(typing.NewType.__call__).__name__, typing.NewType('M', int)(8))
