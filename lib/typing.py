"""Support for type hints (PEP 484 and the PEPs that extend it).

pyrs's typing (CPython 3.11's Lib/typing.py), written for pyrs.

How the pieces fit together:

* Type parameters are TypeVar, ParamSpec and TypeVarTuple objects. Each knows how
  to take its place in a substitution (`__typing_subst__`, and for the variadic
  ones `__typing_prepare_subst__`, which reshapes the argument tuple first).
* A subscripted type (`List[int]`, `Union[int, str]`, `C[T]` for a user generic)
  is a `_GenericAlias`: `__origin__` is what was subscripted, `__args__` the
  arguments and `__parameters__` the type parameters still free in them.
  Subscripting an alias again substitutes those parameters
  (`_GenericAlias._determine_new_args`). The unsubscripted aliases of the
  collections (`typing.List`, `typing.Callable`, ...) are `_SpecialGenericAlias`
  objects that only check the argument count.
* Special forms (`Union`, `ClassVar`, `Literal`, `Never`, ...) are `_SpecialForm`
  objects wrapping the function that handles their subscription.
* `Generic` and `Protocol` are the user-facing bases; `__init_subclass__` computes
  a generic class's `__parameters__` from its `__orig_bases__`.
* Subscriptions are cached (`_tp_cache`); the caches' `cache_clear` functions are
  kept in `_cleanups` so that regression tests can empty them.
* NamedTuple and TypedDict are functions that also work as bases: their
  `__mro_entries__` substitutes a hidden class whose metaclass builds the result.

The `typing.io` and `typing.re` pseudo-submodules are classes registered in
sys.modules; using their members warns (they go away in 3.12).
"""

from abc import abstractmethod, ABCMeta
import collections
from collections import defaultdict
import collections.abc
import contextlib
import functools
import operator
import re as stdlib_re  # typing exports its own `re` below
import sys
import types
import warnings
from types import (WrapperDescriptorType, MethodWrapperType, MethodDescriptorType,
                   GenericAlias)

try:
    from _typing import _idfunc
except ImportError:
    # Without the accelerator a NewType is called through this function (it is
    # a method then, so it also receives the NewType).
    def _idfunc(_, x):
        return x


__all__ = [
    # The forms that make up the type language.
    'Annotated',
    'Any',
    'Callable',
    'ClassVar',
    'Concatenate',
    'Final',
    'ForwardRef',
    'Generic',
    'Literal',
    'Optional',
    'ParamSpec',
    'Protocol',
    'Tuple',
    'Type',
    'TypeVar',
    'TypeVarTuple',
    'Union',

    # Generic versions of the collections.abc ABCs.
    'AbstractSet',
    'ByteString',
    'Container',
    'ContextManager',
    'Hashable',
    'ItemsView',
    'Iterable',
    'Iterator',
    'KeysView',
    'Mapping',
    'MappingView',
    'MutableMapping',
    'MutableSequence',
    'MutableSet',
    'Sequence',
    'Sized',
    'ValuesView',
    'Awaitable',
    'AsyncIterator',
    'AsyncIterable',
    'Coroutine',
    'Collection',
    'AsyncGenerator',
    'AsyncContextManager',

    # Runtime-checkable protocols.
    'Reversible',
    'SupportsAbs',
    'SupportsBytes',
    'SupportsComplex',
    'SupportsFloat',
    'SupportsIndex',
    'SupportsInt',
    'SupportsRound',

    # Generic versions of concrete collections.
    'ChainMap',
    'Counter',
    'Deque',
    'Dict',
    'DefaultDict',
    'List',
    'OrderedDict',
    'Set',
    'FrozenSet',
    'NamedTuple',
    'TypedDict',
    'Generator',

    # Other concrete types.
    'BinaryIO',
    'IO',
    'Match',
    'Pattern',
    'TextIO',

    # Functions, decorators and the remaining special forms.
    'AnyStr',
    'assert_type',
    'assert_never',
    'cast',
    'clear_overloads',
    'dataclass_transform',
    'final',
    'get_args',
    'get_origin',
    'get_overloads',
    'get_type_hints',
    'is_typeddict',
    'LiteralString',
    'Never',
    'NewType',
    'no_type_check',
    'no_type_check_decorator',
    'NoReturn',
    'NotRequired',
    'overload',
    'ParamSpecArgs',
    'ParamSpecKwargs',
    'Required',
    'reveal_type',
    'runtime_checkable',
    'Self',
    'Text',
    'TYPE_CHECKING',
    'TypeAlias',
    'TypeGuard',
    'Unpack',
]
# `io` and `re` are public too, but left out of __all__: a star import must not
# replace the caller's own io and re modules.


# ---------------------------------------------------------------------------
# Checking and converting type arguments
# ---------------------------------------------------------------------------

def _type_convert(arg, module=None, *, allow_special_forms=False):
    """Turn None into NoneType and a string into a ForwardRef; return anything
    else unchanged."""
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg, module=module, is_class=allow_special_forms)
    return arg


def _type_check(arg, msg, is_argument=True, module=None, *, allow_special_forms=False):
    """Return `arg` (converted by _type_convert) if it may stand where a type is
    expected, else raise TypeError.

    `msg` starts the message used when `arg` is a tuple (the repr of the tuple,
    cut at 100 characters, is appended). Bare special forms are refused, and so
    are ClassVar[...] and Final[...] unless `allow_special_forms` says the place
    admits them (a class-level annotation); Final is also fine where
    `is_argument` is false (a variable annotation).
    """
    refused_origins = (Generic, Protocol)
    if not allow_special_forms:
        refused_origins += (ClassVar,)
        if is_argument:
            refused_origins += (Final,)

    arg = _type_convert(arg, module=module, allow_special_forms=allow_special_forms)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in refused_origins:
        raise TypeError(f"{arg} is not valid as type argument")
    if arg in (Any, LiteralString, NoReturn, Never, Self, TypeAlias):
        return arg
    if allow_special_forms and arg in (ClassVar, Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if type(arg) is tuple:
        raise TypeError(f"{msg} Got {arg!r:.100}.")
    return arg


def _is_param_expr(arg):
    # Whether `arg` can stand for a parameter list: `...`, a list or tuple of
    # types, a ParamSpec or a Concatenate[...].
    return arg is ... or isinstance(
        arg, (tuple, list, ParamSpec, _ConcatenateGenericAlias))


def _should_unflatten_callable_args(typ, args):
    """Whether `args`, the `__args__` of a collections.abc.Callable alias, hold
    the parameter types spread out before the result type.

    Rebuilding the alias from its arguments needs to know which shape they
    have (https://github.com/python/cpython/issues/86361)::

        >>> import collections.abc
        >>> P = ParamSpec('P')
        >>> collections.abc.Callable[[int, str], bool].__args__
        (<class 'int'>, <class 'str'>, <class 'bool'>)
        >>> collections.abc.Callable[P, bool].__args__
        (~P, <class 'bool'>)
    """
    return (typ.__origin__ is collections.abc.Callable
            and not (len(args) == 2 and _is_param_expr(args[0])))


def _type_repr(obj):
    """The repr typing uses for a type argument: 'module.qualname' for a class
    (just the qualname for a builtin), '...' for Ellipsis, the name of a
    function, and repr() for everything else."""
    if isinstance(obj, types.GenericAlias):
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    return repr(obj)


def _collect_parameters(args):
    """The type parameters (TypeVar, ParamSpec, TypeVarTuple, ...) free in
    `args`, each once, in order of first appearance::

        >>> T = TypeVar('T')
        >>> P = ParamSpec('P')
        >>> _collect_parameters((int, Callable[P, T], List[T]))
        (~P, ~T)
    """
    found = []

    def add(param):
        if param not in found:
            found.append(param)

    for arg in args:
        if isinstance(arg, type):
            # A plain class: its __parameters__ (a descriptor of Generic
            # subclasses) is not a parameter list of this alias.
            continue
        if isinstance(arg, tuple):
            # A ParamSpec substituted by a list of types, e.g. [T, int].
            for item in arg:
                for param in _collect_parameters([item]):
                    add(param)
        elif hasattr(arg, '__typing_subst__'):
            add(arg)
        else:
            for param in getattr(arg, '__parameters__', ()):
                add(param)
    return tuple(found)


def _check_generic(cls, parameters, elen):
    """Raise TypeError unless `parameters` has `elen` items."""
    if not elen:
        raise TypeError(f"{cls} is not a generic class")
    alen = len(parameters)
    if alen != elen:
        raise TypeError(f"Too {'many' if alen > elen else 'few'} arguments for {cls};"
                        f" actual {alen}, expected {elen}")


def _unpack_args(args):
    # Splice the items of each `*tuple[X, Y]` in `args` into the list (an
    # unbounded `*tuple[X, ...]` stays as it is).
    spliced = []
    for arg in args:
        items = getattr(arg, '__typing_unpacked_tuple_args__', None)
        if items is not None and not (items and items[-1] is ...):
            spliced.extend(items)
        else:
            spliced.append(arg)
    return spliced


def _deduplicate(params):
    # `params` without repeated items, the first of each kept in place.
    unseen = set(params)
    if len(unseen) == len(params):
        return params
    kept = []
    for p in params:
        if p in unseen:
            kept.append(p)
            unseen.remove(p)
    return kept


def _remove_dups_flatten(parameters):
    """The members of a Union: nested unions (typing's and `X | Y`) are opened
    up, then repeats removed."""
    params = []
    for p in parameters:
        if isinstance(p, (_UnionGenericAlias, types.UnionType)):
            params.extend(p.__args__)
        else:
            params.append(p)
    return tuple(_deduplicate(params))


def _flatten_literal_params(parameters):
    """The values of a Literal, nested Literal[...] opened up."""
    params = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            params.extend(p.__args__)
        else:
            params.append(p)
    return tuple(params)


# The cache_clear of every subscription cache (tests empty them between runs).
_cleanups = []


def _tp_cache(func=None, /, *, typed=False):
    """Cache the results of a subscription function.

    Arguments that cannot be hashed bypass the cache: the cached call raises
    TypeError, and the function is then called directly (so a real TypeError
    of the function is raised from that second call).
    """
    def decorator(func):
        cached = functools.lru_cache(typed=typed)(func)
        _cleanups.append(cached.cache_clear)

        @functools.wraps(func)
        def inner(*args, **kwds):
            try:
                return cached(*args, **kwds)
            except TypeError:
                pass
            return func(*args, **kwds)
        return inner

    if func is not None:
        return decorator(func)
    return decorator


def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    """Evaluate the forward references inside `t` in the given namespaces.

    `recursive_guard` holds the forward references being evaluated further up,
    so that a self-referring one stops instead of recursing forever.
    """
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard)
    if not isinstance(t, (_GenericAlias, GenericAlias, types.UnionType)):
        return t
    if isinstance(t, GenericAlias):
        # list['int'] keeps the string: rebuild the alias through typing's
        # subscription so that it becomes a ForwardRef.
        args = tuple(ForwardRef(a) if isinstance(a, str) else a
                     for a in t.__args__)
        unpacked = t.__unpacked__
        if _should_unflatten_callable_args(t, args):
            t = t.__origin__[(args[:-1], args[-1])]
        else:
            t = t.__origin__[args]
        if unpacked:
            t = Unpack[t]
    ev_args = tuple(_eval_type(a, globalns, localns, recursive_guard)
                    for a in t.__args__)
    if ev_args == t.__args__:
        return t
    if isinstance(t, GenericAlias):
        return GenericAlias(t.__origin__, ev_args)
    if isinstance(t, types.UnionType):
        return functools.reduce(operator.or_, ev_args)
    return t.copy_with(ev_args)


def _caller(depth=1, default='__main__'):
    # The `__name__` of the module whose code runs `depth` frames above the
    # function calling _caller (None if frames cannot be inspected).
    try:
        return sys._getframe(depth + 1).f_globals.get('__name__', default)
    except (AttributeError, ValueError):
        return None


def _is_dunder(attr):
    return attr.startswith('__') and attr.endswith('__')


# ---------------------------------------------------------------------------
# Mixins of the typing classes
# ---------------------------------------------------------------------------

class _Final:
    """Mixin that forbids subclassing outside this module (typing's own
    subclasses pass `_root=True`)."""

    __slots__ = ('__weakref__',)

    def __init_subclass__(cls, /, *args, **kwds):
        if '_root' not in kwds:
            raise TypeError("Cannot subclass special typing classes")


class _Immutable:
    """Mixin for objects that copy.copy and copy.deepcopy return unchanged."""

    __slots__ = ()

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class _NotIterable:
    """Mixin for objects iter() refuses.

    `__iter__ = None` blocks iteration without making the class look like a
    collections.abc.Iterable (an `__iter__` that raises would).
    """

    __slots__ = ()
    __iter__ = None


class _PickleUsingNameMixin:
    """Pickle an object as the module-level name it is bound to."""

    def __reduce__(self):
        return self.__name__


# ---------------------------------------------------------------------------
# Special forms
# ---------------------------------------------------------------------------

# A special form of the type language (Union, ClassVar, Never, ...). The
# decorated function handles `form[parameters]` and gives the form its name and
# docstring (hence no class docstring: `__doc__` is a slot).
class _SpecialForm(_Final, _NotIterable, _root=True):
    __slots__ = ('_name', '__doc__', '_getitem')

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in {'__name__', '__qualname__'}:
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    @_tp_cache
    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _LiteralSpecialForm(_SpecialForm, _root=True):
    # Literal: its function takes the values as separate arguments.

    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        return self._getitem(self, *parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """The type every type is compatible with, in both directions.

    A checker lets a value of type Any do anything and be passed anywhere.
    Any is a class so that it can be subclassed (to say that a class derives
    from something the checker does not know); Any itself cannot be
    instantiated, nor used with isinstance().
    """

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls, *args, **kwargs)


def _not_subscriptable(form):
    raise TypeError(f"{form} is not subscriptable")


def _single_type(form, parameters):
    """Form[X] for the forms that wrap exactly one type."""
    item = _type_check(parameters, f'{form} accepts only single type.')
    return _GenericAlias(form, (item,))


@_SpecialForm
def NoReturn(self, parameters):
    """The return type of a function that never returns (it always raises).

    Example::

        def fail(message: str) -> NoReturn:
            raise RuntimeError(message)

    Since Python 3.11 `Never` is the preferred spelling of the bottom type;
    checkers treat NoReturn and Never alike.
    """
    _not_subscriptable(self)


@_SpecialForm
def Never(self, parameters):
    """The bottom type: no value has this type.

    A parameter of type Never means the function must never be called; a
    variable narrowed to Never marks code a checker can prove unreachable::

        def handle(arg: int | str) -> None:
            if isinstance(arg, int):
                ...
            elif isinstance(arg, str):
                ...
            else:
                assert_never(arg)  # arg: Never here
    """
    _not_subscriptable(self)


@_SpecialForm
def Self(self, parameters):
    """The type of the instance a method is called on ("self").

    Example::

        class Node:
            def copy(self) -> Self:
                ...

    Handy for alternative constructors (classmethods) and for `__enter__`
    methods that return the object itself.
    """
    _not_subscriptable(self)


@_SpecialForm
def LiteralString(self, parameters):
    """The type of strings written literally in the program (or built only
    from such strings).

    Example::

        def execute(query: LiteralString) -> None: ...

        execute("SELECT * FROM users")            # OK
        execute("SELECT * FROM " + table_literal) # OK if table_literal is
                                                  # a LiteralString too
        execute(user_input)                       # checker error

    It lets an API refuse strings that could carry injected text.
    """
    _not_subscriptable(self)


@_SpecialForm
def ClassVar(self, parameters):
    """Marks an annotated attribute as a class variable.

    Example::

        class Counter:
            instances: ClassVar[int] = 0   # shared by the class
            count: int = 0                 # per instance

    ClassVar takes a single type and cannot be subscripted further. It is not
    a class: isinstance() and issubclass() refuse it.
    """
    return _single_type(self, parameters)


@_SpecialForm
def Final(self, parameters):
    """Marks a name that must not be reassigned or overridden.

    Example::

        LIMIT: Final = 100

        class Base:
            TIMEOUT: Final[int] = 10

        class Sub(Base):
            TIMEOUT = 5   # checker error

    Nothing is enforced at runtime.
    """
    return _single_type(self, parameters)


@_SpecialForm
def Union(self, parameters):
    """Union[X, Y] is the type of values that are an X or a Y (also written
    X | Y).

    - The arguments are types; there is at least one.
    - None stands for type(None).
    - Nested unions are flattened, repeated members dropped:
      Union[Union[int, str], float, int] == Union[int, str, float].
    - A union of one member is that member: Union[int] is int.
    - Member order does not matter for equality.
    - A union cannot be subclassed or instantiated.
    - Optional[X] is short for Union[X, None].
    """
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = "Union[arg, ...]: each arg must be a type."
    parameters = _remove_dups_flatten(tuple(_type_check(p, msg) for p in parameters))
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and type(None) in parameters:
        return _UnionGenericAlias(self, parameters, name="Optional")
    return _UnionGenericAlias(self, parameters)


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is Union[X, None]: an X or None."""
    arg = _type_check(parameters, f"{self} requires a single type.")
    return Union[arg, type(None)]


def _value_and_type_iter(parameters):
    return ((p, type(p)) for p in parameters)


@_LiteralSpecialForm
@_tp_cache(typed=True)
def Literal(self, *parameters):
    """The type of exactly the given values.

    Example::

        def open_file(path: str, mode: Literal['r', 'w']) -> None: ...

        open_file('a.txt', 'r')   # OK
        open_file('a.txt', 'x')   # checker error

    The arguments are values, not types, and are not checked at runtime.
    Nested Literals are flattened and repeated values (same value, same type)
    dropped. Literal[...] cannot be subclassed.
    """
    parameters = _flatten_literal_params(parameters)
    try:
        parameters = tuple(
            p for p, _ in _deduplicate(list(_value_and_type_iter(parameters))))
    except TypeError:
        # An unhashable value: keep the values as given.
        pass
    return _LiteralGenericAlias(self, parameters)


@_SpecialForm
def TypeAlias(self, parameters):
    """Marks an assignment as the definition of a type alias.

    Example::

        Handler: TypeAlias = Callable[[str], None]

    It is only meaningful as the annotation of such an assignment.
    """
    _not_subscriptable(self)


@_SpecialForm
def Concatenate(self, parameters):
    """With a ParamSpec, the parameter list of a callable that takes some
    leading arguments and then the ParamSpec's parameters.

    Example::

        def with_request(f: Callable[Concatenate[Request, P], R]
                         ) -> Callable[P, R]: ...

    See PEP 612.
    """
    if parameters == ():
        raise TypeError("Cannot take a Concatenate of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not (parameters[-1] is ... or isinstance(parameters[-1], ParamSpec)):
        raise TypeError("The last parameter to Concatenate should be a "
                        "ParamSpec variable or ellipsis.")
    msg = "Concatenate[arg, ...]: each arg must be a type."
    parameters = (*(_type_check(p, msg) for p in parameters[:-1]), parameters[-1])
    return _ConcatenateGenericAlias(self, parameters, _paramspec_tvars=True)


@_SpecialForm
def TypeGuard(self, parameters):
    """The return type of a function that tells whether its argument has a
    type: TypeGuard[X] means "returns a bool, and True means the first
    argument is an X".

    Example::

        def is_str_list(val: list[object]) -> TypeGuard[list[str]]:
            return all(isinstance(x, str) for x in val)

        def show(items: list[object]) -> None:
            if is_str_list(items):
                print(", ".join(items))   # items: list[str] here

    The narrowed type need not be a subtype of the argument's type; keeping
    the guard honest is the author's job. See PEP 647.
    """
    return _single_type(self, parameters)


@_SpecialForm
def Unpack(self, parameters):
    """The unpacking of a TypeVarTuple or a tuple type: `*Ts` and
    `*tuple[int, str]` in subscriptions are Unpack[Ts] and
    Unpack[tuple[int, str]].

    Example::

        Ts = TypeVarTuple('Ts')

        class Array(Generic[Unpack[Ts]]): ...   # also Generic[*Ts]

        Array[int]            # OK
        Array[int, str]       # OK

    Only some of the rules are checked at runtime. See PEP 646.
    """
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _UnpackGenericAlias(origin=self, args=(item,))


@_SpecialForm
def Required(self, parameters):
    """Marks a key of a TypedDict as required, even when the class was
    created with total=False.

    Example::

        class Movie(TypedDict, total=False):
            title: Required[str]
            year: int

    Nothing is checked at runtime.
    """
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def NotRequired(self, parameters):
    """Marks a key of a TypedDict as one that may be missing.

    Example::

        class Movie(TypedDict):
            title: str
            year: NotRequired[int]

    Nothing is checked at runtime.
    """
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


# ---------------------------------------------------------------------------
# Forward references
# ---------------------------------------------------------------------------

class ForwardRef(_Final, _root=True):
    """A type written as a string, evaluated later (by get_type_hints)."""

    __slots__ = ('__forward_arg__', '__forward_code__',
                 '__forward_evaluated__', '__forward_value__',
                 '__forward_is_argument__', '__forward_is_class__',
                 '__forward_module__')

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        # '*Ts' (from `*args: *Ts`) is not an expression by itself; unpack it
        # inside a tuple display and take the single item.
        source = f'({arg},)[0]' if arg[0] == '*' else arg
        try:
            code = compile(source, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError(f"Forward reference must be an expression -- got {arg!r}")

        self.__forward_arg__ = arg
        self.__forward_code__ = code
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard):
        if self.__forward_arg__ in recursive_guard:
            return self
        # The value is cached, but only reused when the namespaces are one
        # (a distinct local namespace may give the name another meaning).
        if self.__forward_evaluated__ and localns is globalns:
            return self.__forward_value__
        if globalns is None and localns is None:
            globalns = localns = {}
        elif globalns is None:
            globalns = localns
        elif localns is None:
            localns = globalns
        if self.__forward_module__ is not None:
            module = sys.modules.get(self.__forward_module__, None)
            globalns = getattr(module, '__dict__', globalns)
        value = _type_check(
            eval(self.__forward_code__, globalns, localns),
            "Forward references must evaluate to types.",
            is_argument=self.__forward_is_argument__,
            allow_special_forms=self.__forward_is_class__,
        )
        self.__forward_value__ = _eval_type(
            value, globalns, localns, recursive_guard | {self.__forward_arg__})
        self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        if self.__forward_evaluated__ and other.__forward_evaluated__:
            return (self.__forward_arg__ == other.__forward_arg__ and
                    self.__forward_value__ == other.__forward_value__)
        return (self.__forward_arg__ == other.__forward_arg__ and
                self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if self.__forward_module__ is None:
            module = ''
        else:
            module = f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{module})'


# ---------------------------------------------------------------------------
# Type parameters: TypeVar, TypeVarTuple, ParamSpec
# ---------------------------------------------------------------------------

def _is_unpacked_typevartuple(x: Any) -> bool:
    return ((not isinstance(x, type)) and
            getattr(x, '__typing_is_unpacked_typevartuple__', False))


def _is_typevar_like(x: Any) -> bool:
    return isinstance(x, (TypeVar, ParamSpec)) or _is_unpacked_typevartuple(x)


class _BoundVarianceMixin:
    """The bound and variance of TypeVar and ParamSpec, and their repr (a
    '+', '-' or '~' for covariant, contravariant or invariant, then the
    name)."""

    def __init__(self, bound, covariant, contravariant):
        """Set __bound__, __covariant__ and __contravariant__."""
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if bound:
            self.__bound__ = _type_check(bound, "Bound must be a type.")
        else:
            self.__bound__ = None

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__


def _set_module_to_caller(param):
    """Give a new type parameter the module of the code creating it (so that
    pickle finds it), unless that is typing itself. Called from __init__,
    hence the depth: the caller of the class call is two frames up."""
    module = _caller(2)
    if module != 'typing':
        param.__module__ = module


class TypeVar(_Final, _Immutable, _BoundVarianceMixin, _PickleUsingNameMixin,
              _root=True):
    """A type variable: a placeholder for one type.

    Usage::

        T = TypeVar('T')                # any type
        S = TypeVar('S', str, bytes)    # str or bytes, nothing else
        N = TypeVar('N', bound=float)   # float or a subtype

    Type variables parametrize generic classes (see Generic) and relate the
    types of a generic function's parameters and result::

        def first(items: Sequence[T]) -> T:
            return items[0]

    covariant=True or contravariant=True declares the variance a generic class
    has in the variable (by default it is invariant).

    The attributes __name__, __bound__, __constraints__, __covariant__ and
    __contravariant__ describe the variable. isinstance() and issubclass()
    refuse it. Only type variables bound to a module-level name can be
    pickled.
    """

    def __init__(self, name, *constraints, bound=None,
                 covariant=False, contravariant=False):
        self.__name__ = name
        super().__init__(bound, covariant, contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if constraints and len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        msg = "TypeVar(name, constraint, ...): constraints must be types."
        self.__constraints__ = tuple(_type_check(t, msg) for t in constraints)
        _set_module_to_caller(self)

    def __typing_subst__(self, arg):
        msg = "Parameters to generic types must be types."
        arg = _type_check(arg, msg, is_argument=True)
        if ((isinstance(arg, _GenericAlias) and arg.__origin__ is Unpack) or
                (isinstance(arg, GenericAlias) and getattr(arg, '__unpacked__', False))):
            raise TypeError(f"{arg} is not valid as type argument")
        return arg


class TypeVarTuple(_Final, _Immutable, _PickleUsingNameMixin, _root=True):
    """A variadic type variable: a placeholder for any number of types.

    Usage::

        Ts = TypeVarTuple('Ts')

        class Record(Generic[*Ts]): ...

        Record[int]          # OK
        Record[int, str]     # OK
        Record[()]           # OK, no types at all

    It is used unpacked (`*Ts`, or Unpack[Ts]). See PEP 646. Only variables
    bound to a module-level name can be pickled.
    """

    def __init__(self, name):
        self.__name__ = name
        _set_module_to_caller(self)

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        raise TypeError("Substitution of bare TypeVarTuple is not supported")

    def __typing_prepare_subst__(self, alias, args):
        """Group the arguments `*self` takes into one tuple, so that every
        parameter of `alias` then has exactly one argument."""
        params = alias.__parameters__
        index = params.index(self)
        for param in params[index + 1:]:
            if isinstance(param, TypeVarTuple):
                raise TypeError(f"More than one TypeVarTuple parameter in {alias}")

        alen = len(args)
        plen = len(params)
        # How many parameters stand before and after this one.
        left = index
        right = plen - index - 1
        # An argument *tuple[X, ...] can also fill fixed parameters, with X.
        unbounded_at = None
        fill = None
        for k, arg in enumerate(args):
            if isinstance(arg, type):
                continue
            items = getattr(arg, '__typing_unpacked_tuple_args__', None)
            if items and len(items) == 2 and items[-1] is ...:
                if unbounded_at is not None:
                    raise TypeError("More than one unpacked arbitrary-length tuple argument")
                unbounded_at = k
                fill = items[0]
        if unbounded_at is not None:
            left = min(left, unbounded_at)
            right = min(right, alen - unbounded_at - 1)
        elif left + right > alen:
            raise TypeError(f"Too few arguments for {alias};"
                            f" actual {alen}, expected at least {plen-1}")

        return (
            *args[:left],
            *([fill] * (index - left)),
            tuple(args[left: alen - right]),
            *([fill] * (plen - right - left - index - 1)),
            *args[alen - right:],
        )


class ParamSpecArgs(_Final, _Immutable, _root=True):
    """`P.args` of a ParamSpec P: the type of `*args` in a function whose
    parameters are P. `__origin__` is P. It means nothing more to checkers;
    it exists for runtime introspection.
    """

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__


class ParamSpecKwargs(_Final, _Immutable, _root=True):
    """`P.kwargs` of a ParamSpec P: the type of `**kwargs` in a function whose
    parameters are P. `__origin__` is P. It means nothing more to checkers;
    it exists for runtime introspection.
    """

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__


class ParamSpec(_Final, _Immutable, _BoundVarianceMixin, _PickleUsingNameMixin,
                _root=True):
    """A parameter specification variable: a placeholder for the whole
    parameter list of a callable.

    Usage::

        P = ParamSpec('P')
        R = TypeVar('R')

        def logged(f: Callable[P, R]) -> Callable[P, R]:
            def inner(*args: P.args, **kwargs: P.kwargs) -> R:
                print('calling', f.__name__)
                return f(*args, **kwargs)
            return inner

    A ParamSpec is valid as the first argument of Callable, as the last of
    Concatenate, and as a parameter of user generics. See PEP 612. Only
    variables bound to a module-level name can be pickled.
    """

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        super().__init__(bound, covariant, contravariant)
        _set_module_to_caller(self)

    def __typing_subst__(self, arg):
        if isinstance(arg, (list, tuple)):
            arg = tuple(_type_check(a, "Expected a type.") for a in arg)
        elif not _is_param_expr(arg):
            raise TypeError(f"Expected a list of types, an ellipsis, "
                            f"ParamSpec, or Concatenate. Got {arg}")
        return arg

    def __typing_prepare_subst__(self, alias, args):
        params = alias.__parameters__
        i = params.index(self)
        if i >= len(args):
            raise TypeError(f"Too few arguments for {alias}")
        if len(params) == 1 and not _is_param_expr(args[0]):
            # PEP 612: with P the only parameter, Z[int, str] means Z[[int, str]].
            args = (args,)
        elif isinstance(args[i], list):
            # A tuple is hashable, so the result can be cached.
            args = (*args[:i], tuple(args[i]), *args[i + 1:])
        return args


# ---------------------------------------------------------------------------
# Generic aliases
# ---------------------------------------------------------------------------

class _BaseGenericAlias(_Final, _root=True):
    """What the generic aliases share: `__origin__`, instantiation (which
    records the alias in the instance's `__orig_class__`), subclassing, and
    attributes read through to the origin.

    `inst=False` makes an alias refuse instantiation (typing.List and the
    others standing for builtins); `name` is the alias's own name in typing
    ('List'), None for an alias of a user class.
    """

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin
        self.__slots__ = None  # undocumented, but code in the wild reads it

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        entries = []
        if self.__origin__ not in bases:
            entries.append(self.__origin__)
        # Generic joins the bases unless a later base brings it.
        later = bases[bases.index(self) + 1:]
        if not any(isinstance(b, _BaseGenericAlias) or issubclass(b, Generic)
                   for b in later):
            entries.append(Generic)
        return tuple(entries)

    def __getattr__(self, attr):
        if attr in {'__name__', '__qualname__'}:
            return self._name or self.__origin__.__name__
        # Dunder names are not forwarded (copy and pickle probe for them),
        # nor is anything while the alias is half built.
        if '__origin__' in self.__dict__ and not _is_dunder(attr):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, val):
        if _is_dunder(attr) or attr in {'_name', '_inst', '_nparams',
                                        '_paramspec_tvars'}:
            super().__setattr__(attr, val)
        else:
            setattr(self.__origin__, attr, val)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with"
                        " class and instance checks")

    def __dir__(self):
        return list(set(super().__dir__()
                        + [a for a in dir(self.__origin__) if not _is_dunder(a)]))


class _GenericAlias(_BaseGenericAlias, _root=True):
    # A subscripted generic: List[int], C[T] for a user generic class C,
    # Callable[[int], str], ClassVar[int], ...
    #
    # (The builtin collections subscripted directly, list[int], are
    # types.GenericAlias instead.)

    def __init__(self, origin, args, *, inst=True, name=None,
                 _paramspec_tvars=False):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(args)
        self._paramspec_tvars = _paramspec_tvars
        if not name:
            self.__module__ = origin.__module__

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    @_tp_cache
    def __getitem__(self, args):
        # Substitution of the free parameters: with B = A[int, T],
        # B[str] is A[int, str].
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f"Cannot subscript already-subscripted {self}")
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        if not isinstance(args, tuple):
            args = (args,)
        args = _unpack_args(tuple(_type_convert(p) for p in args))
        return self.copy_with(self._determine_new_args(args))

    def _determine_new_args(self, args):
        """The `__args__` of self[args]."""
        params = self.__parameters__
        # Variadic parameters first reshape the arguments so that each
        # parameter gets exactly one.
        for param in params:
            prepare = getattr(param, '__typing_prepare_subst__', None)
            if prepare is not None:
                args = prepare(self, args)
        alen = len(args)
        plen = len(params)
        if alen != plen:
            raise TypeError(f"Too {'many' if alen > plen else 'few'} arguments for {self};"
                            f" actual {alen}, expected {plen}")
        new_arg_by_param = dict(zip(params, args))
        return tuple(self._make_substitution(self.__args__, new_arg_by_param))

    def _make_substitution(self, args, new_arg_by_param):
        """`args` with each parameter replaced by its new argument."""
        new_args = []
        for old_arg in args:
            if isinstance(old_arg, type):
                new_args.append(old_arg)
                continue

            substfunc = getattr(old_arg, '__typing_subst__', None)
            if substfunc:
                new_arg = substfunc(new_arg_by_param[old_arg])
            else:
                subparams = getattr(old_arg, '__parameters__', ())
                if not subparams:
                    new_arg = old_arg
                else:
                    subargs = []
                    for x in subparams:
                        if isinstance(x, TypeVarTuple):
                            subargs.extend(new_arg_by_param[x])
                        else:
                            subargs.append(new_arg_by_param[x])
                    new_arg = old_arg[tuple(subargs)]

            if self.__origin__ == collections.abc.Callable and isinstance(new_arg, tuple):
                # Callable's __args__ hold the parameter types spread out:
                # Callable[P, T][[int, str], float] has (int, str, float).
                new_args.extend(new_arg)
            elif _is_unpacked_typevartuple(old_arg):
                # *Ts took a tuple of types: splice them in.
                new_args.extend(new_arg)
            elif isinstance(old_arg, tuple):
                # A ParamSpec's argument given as a list, e.g. Base[[int, T]].
                new_args.append(
                    tuple(self._make_substitution(old_arg, new_arg_by_param)))
            else:
                new_args.append(new_arg)
        return new_args

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst,
                              _paramspec_tvars=self._paramspec_tvars)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ", ".join([_type_repr(a) for a in self.__args__])
        else:
            args = "()"  # Tuple[()]: keeps the repr a valid expression
        return f'{name}[{args}]'

    def __reduce__(self):
        if self._name:
            origin = globals()[self._name]
        else:
            origin = self.__origin__
        args = tuple(self.__args__)
        if len(args) == 1 and not isinstance(args[0], tuple):
            args, = args
        return operator.getitem, (origin, args)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f"Cannot subclass {self!r}")
        if self._name:
            # A generic ABC or builtin (typing.List[int], ...).
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            # Generic[T] contributes nothing when Protocol or a later generic
            # alias brings Generic anyway.
            if Protocol in bases:
                return ()
            for b in bases[bases.index(self) + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __iter__(self):
        yield Unpack[self]


class _SpecialGenericAlias(_NotIterable, _BaseGenericAlias, _root=True):
    # An unsubscripted alias of a collection (typing.List, typing.Mapping,
    # ...): subscripting checks for `nparams` types (-1 for a variable
    # number, handled by a subclass's own __getitem__).

    def __init__(self, origin, nparams, *, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        if origin.__module__ == 'builtins':
            self.__doc__ = f'A generic version of {origin.__qualname__}.'
        else:
            self.__doc__ = f'A generic version of {origin.__module__}.{origin.__qualname__}.'

    @_tp_cache
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        _check_generic(self, params, self._nparams)
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params,
                             name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __reduce__(self):
        return self._name

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _CallableGenericAlias(_NotIterable, _GenericAlias, _root=True):
    # Callable[[X, Y], R] and Callable[P, R]; `__args__` is (X, Y, R) or
    # (P, R).

    def __repr__(self):
        assert self._name == 'Callable'
        args = self.__args__
        if len(args) == 2 and _is_param_expr(args[0]):
            return super().__repr__()
        params = ", ".join([_type_repr(a) for a in args[:-1]])
        return f'typing.Callable[[{params}], {_type_repr(args[-1])}]'

    def __reduce__(self):
        args = self.__args__
        if not (len(args) == 2 and _is_param_expr(args[0])):
            args = list(args[:-1]), args[-1]
        return operator.getitem, (Callable, args)


class _CallableType(_SpecialGenericAlias, _root=True):
    # typing.Callable itself.

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params,
                                     name=self._name, inst=self._inst,
                                     _paramspec_tvars=True)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        # The parameter part is left loose on purpose (a ParamSpec, a
        # Concatenate, ...): checking it is the type checker's business. A
        # list becomes a tuple so that the subscription can be cached.
        if isinstance(args, list):
            params = (tuple(args), result)
        else:
            params = (args, result)
        return self.__getitem_inner__(params)

    @_tp_cache
    def __getitem_inner__(self, params):
        args, result = params
        msg = "Callable[args, result]: result must be a type."
        result = _type_check(result, msg)
        if args is Ellipsis:
            return self.copy_with((_TypingEllipsis, result))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(arg) for arg in args)
        return self.copy_with(args + (result,))


class _TupleType(_SpecialGenericAlias, _root=True):
    # typing.Tuple itself: any number of types, or `X, ...`.

    @_tp_cache
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with((*params, _TypingEllipsis))
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


class _UnionGenericAlias(_NotIterable, _GenericAlias, _root=True):
    # Union[X, Y, ...]; equal to other unions (and to `X | Y`) of the same
    # members in any order.

    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, types.UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
        return super().__repr__()

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True

    def __reduce__(self):
        func, (origin, args) = super().__reduce__()
        return func, (Union, args)


class _LiteralGenericAlias(_GenericAlias, _root=True):
    # Literal[...]: values compare with their types, so Literal[1] and
    # Literal[True] differ; the order of the values does not matter.

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return (set(_value_and_type_iter(self.__args__))
                == set(_value_and_type_iter(other.__args__)))

    def __hash__(self):
        return hash(frozenset(_value_and_type_iter(self.__args__)))


class _ConcatenateGenericAlias(_GenericAlias, _root=True):
    # Concatenate[X, ..., P]; substituting P by a parameter list gives the
    # joined list itself (a tuple), not a Concatenate.

    def copy_with(self, params):
        last = params[-1]
        if isinstance(last, (list, tuple)):
            return (*params[:-1], *last)
        if isinstance(last, _ConcatenateGenericAlias):
            params = (*params[:-1], *last.__args__)
        return super().copy_with(params)


class _UnpackGenericAlias(_GenericAlias, _root=True):
    # Unpack[X], shown as *X.

    def __repr__(self):
        return '*' + repr(self.__args__[0])

    def __getitem__(self, args):
        if self.__typing_is_unpacked_typevartuple__:
            return args
        return super().__getitem__(args)

    @property
    def __typing_unpacked_tuple_args__(self):
        assert self.__origin__ is Unpack
        assert len(self.__args__) == 1
        arg, = self.__args__
        if isinstance(arg, _GenericAlias):
            assert arg.__origin__ is tuple
            return arg.__args__
        return None

    @property
    def __typing_is_unpacked_typevartuple__(self):
        assert self.__origin__ is Unpack
        assert len(self.__args__) == 1
        return isinstance(self.__args__[0], TypeVarTuple)


class _TypingEllipsis:
    """Stands for `...` among arguments while an alias is built."""


# ---------------------------------------------------------------------------
# Generic and Protocol
# ---------------------------------------------------------------------------

class Generic:
    """The base of generic classes.

    A class becomes generic in some type variables by deriving from
    Generic[...] with them::

        class Registry(Generic[K, V]):
            def lookup(self, key: K) -> V:
                ...

    and is then subscripted with types::

        def names(registry: Registry[int, str]) -> list[str]:
            ...
    """

    __slots__ = ()
    _is_protocol = False

    @_tp_cache
    def __class_getitem__(cls, params):
        """Subscript a generic class: Foo[int], and Generic[T] or Protocol[T]
        themselves in a class statement's bases."""
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        if cls in (Generic, Protocol):
            # Only distinct type parameters may follow Generic and Protocol.
            if not params:
                raise TypeError(
                    f"Parameter list to {cls.__qualname__}[...] cannot be empty")
            if not all(_is_typevar_like(p) for p in params):
                raise TypeError(
                    f"Parameters to {cls.__name__}[...] must all be type variables "
                    f"or parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError(
                    f"Parameters to {cls.__name__}[...] must all be unique")
        else:
            for param in cls.__parameters__:
                prepare = getattr(param, '__typing_prepare_subst__', None)
                if prepare is not None:
                    params = prepare(cls, params)
            _check_generic(cls, params, len(cls.__parameters__))
            spread = []
            for param, new_arg in zip(cls.__parameters__, params):
                if isinstance(param, TypeVarTuple):
                    spread.extend(new_arg)
                else:
                    spread.append(new_arg)
            params = tuple(spread)
        return _GenericAlias(cls, params, _paramspec_tvars=True)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if '__orig_bases__' in cls.__dict__:
            error = Generic in cls.__orig_bases__
        else:
            error = (Generic in cls.__bases__ and
                     cls.__name__ != 'Protocol' and
                     type(cls) != _TypedDictMeta)
        if error:
            raise TypeError("Cannot inherit from plain Generic")
        tvars = []
        if '__orig_bases__' in cls.__dict__:
            # The parameters are those of the subscripted bases, and when one
            # base is Generic[...] exactly its (which must cover the others).
            tvars = _collect_parameters(cls.__orig_bases__)
            gvars = None
            for base in cls.__orig_bases__:
                if isinstance(base, _GenericAlias) and base.__origin__ is Generic:
                    if gvars is not None:
                        raise TypeError(
                            "Cannot inherit from Generic[...] multiple times.")
                    gvars = base.__parameters__
            if gvars is not None:
                tvarset = set(tvars)
                gvarset = set(gvars)
                if not tvarset <= gvarset:
                    s_vars = ', '.join(str(t) for t in tvars if t not in gvarset)
                    s_args = ', '.join(str(g) for g in gvars)
                    raise TypeError(f"Some type variables ({s_vars}) are"
                                    f" not listed in Generic[{s_args}]")
                tvars = gvars
        cls.__parameters__ = tuple(tvars)


# Names a protocol's members are never taken from.
_TYPING_INTERNALS = ['__parameters__', '__orig_bases__', '__orig_class__',
                     '_is_protocol', '_is_runtime_protocol', '__final__']

_SPECIAL_NAMES = ['__abstractmethods__', '__annotations__', '__dict__', '__doc__',
                  '__init__', '__module__', '__new__', '__slots__',
                  '__subclasshook__', '__weakref__', '__class_getitem__']

EXCLUDED_ATTRIBUTES = _TYPING_INTERNALS + _SPECIAL_NAMES + ['_MutableMapping__marker']


def _get_protocol_attrs(cls):
    """The members of protocol `cls`: the names defined or annotated in the
    classes of its MRO (except object, Protocol and Generic), leaving out
    bookkeeping names."""
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = getattr(base, '__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in EXCLUDED_ATTRIBUTES:
                attrs.add(attr)
    return attrs


def _is_callable_members_only(cls):
    # issubclass() against a protocol only works when every member is a
    # method (PEP 544).
    return all(callable(getattr(cls, attr, None)) for attr in _get_protocol_attrs(cls))


def _no_init_or_replace_init(self, *args, **kwargs):
    # The `__init__` of a protocol class.
    #
    # A protocol cannot be instantiated. A concrete class deriving from one
    # inherits this function; on first use it looks up the `__init__` the class
    # would have had (the first other `__init__` along the MRO), installs it on
    # the class for later calls, and calls it.
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    # The class already has its own __init__ (this one was reached through
    # super()): replacing it here could recurse forever (bpo-45121).
    if cls.__init__ is not _no_init_or_replace_init:
        return
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


def _allow_reckless_class_checks(depth=3):
    """Whether the isinstance()/issubclass() being answered comes from abc or
    functools, which test every class of an MRO (protocols included) and must
    not get an error for it."""
    return _caller(depth) in {'abc', 'functools', None}


# The bases from outside typing a protocol may have.
_PROTO_ALLOWLIST = {
    'collections.abc': [
        'Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable',
        'Hashable', 'Sized', 'Container', 'Collection', 'Reversible',
    ],
    'contextlib': ['AbstractContextManager', 'AbstractAsyncContextManager'],
}


class _ProtocolMeta(ABCMeta):
    # isinstance() against a protocol also accepts an object that gets the
    # members in __init__ (a class check cannot see those); there is no
    # __instancehook__, so this takes a metaclass.
    def __instancecheck__(cls, instance):
        if (
            getattr(cls, '_is_protocol', False) and
            not getattr(cls, '_is_runtime_protocol', False) and
            not _allow_reckless_class_checks(depth=2)
        ):
            raise TypeError("Instance and class checks can only be used with"
                            " @runtime_checkable protocols")
        if ((not getattr(cls, '_is_protocol', False) or
                _is_callable_members_only(cls)) and
                issubclass(instance.__class__, cls)):
            return True
        if cls._is_protocol:
            # Every member present; a method member set to None means "not
            # supported".
            if all(hasattr(instance, attr) and
                    (not callable(getattr(cls, attr, None)) or
                     getattr(instance, attr) is not None)
                    for attr in _get_protocol_attrs(cls)):
                return True
        return super().__instancecheck__(instance)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """The base of protocol classes, which describe an interface by its
    members (structural subtyping)::

        class SupportsClose(Protocol):
            def close(self) -> None:
                ...

    Any class with a matching `close` method satisfies SupportsClose for a
    type checker, without deriving from it. A protocol decorated with
    @typing.runtime_checkable can also be used with isinstance() and
    issubclass(), which then only check that the members exist. Protocols can
    be generic::

        class Source(Protocol[T]):
            def read(self) -> T:
                ...

    See PEP 544.
    """

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)

        # A class is a protocol when Protocol is among its direct bases;
        # others deriving from protocols are concrete implementations.
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)

        def _proto_hook(other):
            if not cls.__dict__.get('_is_protocol', False):
                return NotImplemented
            if not getattr(cls, '_is_runtime_protocol', False):
                if _allow_reckless_class_checks():
                    return NotImplemented
                raise TypeError("Instance and class checks can only be used with"
                                " @runtime_checkable protocols")
            if not _is_callable_members_only(cls):
                if _allow_reckless_class_checks():
                    return NotImplemented
                raise TypeError("Protocols with non-method members"
                                " don't support issubclass()")
            if not isinstance(other, type):
                # The message issubclass(1, int) gives.
                raise TypeError('issubclass() arg 1 must be a class')
            # Structural check: every member defined along other's MRO (set to
            # None means explicitly absent), or annotated in a protocol there.
            for attr in _get_protocol_attrs(cls):
                for base in other.__mro__:
                    if attr in base.__dict__:
                        if base.__dict__[attr] is None:
                            return NotImplemented
                        break
                    annotations = getattr(base, '__annotations__', {})
                    if (isinstance(annotations, collections.abc.Mapping) and
                            attr in annotations and
                            issubclass(other, Generic) and other._is_protocol):
                        break
                else:
                    return NotImplemented
            return True

        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook

        if not cls._is_protocol:
            return

        for base in cls.__bases__:
            if not (base in (object, Generic) or
                    base.__module__ in _PROTO_ALLOWLIST and
                    base.__name__ in _PROTO_ALLOWLIST[base.__module__] or
                    issubclass(base, Generic) and base._is_protocol):
                raise TypeError('Protocols can only inherit from other'
                                ' protocols, got %r' % base)
        if cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    """Class decorator: let isinstance() and issubclass() accept the protocol
    class `cls`.

    The checks only look for the protocol's members, as the one-method ABCs
    of collections.abc do (Iterable, ...), not at their signatures::

        @runtime_checkable
        class SupportsClose(Protocol):
            def close(self): ...

        isinstance(open('/dev/null'), SupportsClose)   # True

    TypeError is raised when `cls` is not a protocol class.
    """
    if not issubclass(cls, Generic) or not cls._is_protocol:
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


# ---------------------------------------------------------------------------
# Annotated
# ---------------------------------------------------------------------------

class _AnnotatedAlias(_NotIterable, _GenericAlias, _root=True):
    """Annotated[T, x, y]: the type T (the alias's __origin__) carrying the
    metadata (x, y) in __metadata__. It otherwise behaves as T's alias would:
    calling it instantiates T, subscripting substitutes in T."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin)
        self.__metadata__ = metadata

    def copy_with(self, params):
        assert len(params) == 1
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        metadata = ", ".join(repr(a) for a in self.__metadata__)
        return f"typing.Annotated[{_type_repr(self.__origin__)}, {metadata}]"

    def __reduce__(self):
        return operator.getitem, (Annotated, (self.__origin__,) + self.__metadata__)

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in {'__name__', '__qualname__'}:
            return 'Annotated'
        return super().__getattr__(attr)


class Annotated:
    """Attach metadata to a type: Annotated[T, x] is the type T, with x
    available to tools that look for it (in __metadata__); others treat it
    as T.

    Example::

        Distance = Annotated[float, Unit('m')]

    - The first argument must be a type; at least one metadata item follows.
    - Nested Annotated are flattened:
      Annotated[Annotated[T, x], y] == Annotated[T, x, y].
    - Calling the alias instantiates the type: Annotated[C, x](5) == C(5).
    - Type variables in the type can be substituted:
      Annotated[list[T], x][int] == Annotated[list[int], x].
    - An unpacked TypeVarTuple is refused as the type (Annotated[*Ts, x]).
    """

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return cls._class_getitem_inner(cls, *params)

    @_tp_cache(typed=True)
    def _class_getitem_inner(cls, *params):
        if len(params) < 2:
            raise TypeError("Annotated[...] should be used "
                            "with at least two arguments (a type and an "
                            "annotation).")
        if _is_unpacked_typevartuple(params[0]):
            raise TypeError("Annotated[...] should not be used with an "
                            "unpacked TypeVarTuple")
        msg = "Annotated[t, ...]: t must be a type."
        origin = _type_check(params[0], msg, allow_special_forms=True)
        return _AnnotatedAlias(origin, tuple(params[1:]))

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError(f"Cannot subclass {cls.__module__}.Annotated")


# ---------------------------------------------------------------------------
# Functions and decorators
# ---------------------------------------------------------------------------

def cast(typ, val):
    """Tell a type checker that `val` has type `typ`; return `val` unchanged
    (nothing is checked at runtime)."""
    return val


def assert_type(val, typ, /):
    """Ask a type checker to confirm that `val` has exactly the type `typ`
    (it reports an error otherwise)::

        def greet(name: str) -> None:
            assert_type(name, str)   # OK
            assert_type(name, int)   # checker error

    At runtime `val` is returned unchanged.
    """
    return val


# Objects get_type_hints accepts even without __annotations__.
_allowed_types = (types.FunctionType, types.BuiltinFunctionType,
                  types.MethodType, types.ModuleType,
                  WrapperDescriptorType, MethodWrapperType, MethodDescriptorType)


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return the type hints of a module, class, method or function as a dict.

    Compared with `obj.__annotations__`: string annotations (forward
    references) are evaluated, None becomes NoneType, a class's hints include
    those of its bases, and Annotated[T, ...] (and Required/NotRequired) are
    reduced to T unless include_extras is true.

    The namespaces work as for eval(): names are looked up in `localns`, then
    `globalns`.

    - Without them, the globals of `obj` are used (its module's for a class,
      `__globals__` of the unwrapped function otherwise), as both namespaces;
      for a class each base is evaluated in its own module's globals, with
      the class namespace behind them.
    - With one, it serves as both.
    - With two, they are the globals and locals.

    TypeError is raised for objects that cannot have annotations; an empty
    dict is returned for those that have none.
    """
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                base_globals = getattr(sys.modules.get(base.__module__, None),
                                       '__dict__', {})
            else:
                base_globals = globalns
            ann = base.__dict__.get('__annotations__', {})
            if isinstance(ann, types.GetSetDescriptorType):
                ann = {}
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                # Until 3.10 only the module globals were consulted; to keep
                # their precedence they are passed as the locals (looked up
                # first) and the class namespace as the globals.
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = type(None)
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False, is_class=True)
                hints[name] = _eval_type(value, base_globals, base_locals)
        if include_extras:
            return hints
        return {k: _strip_annotations(t) for k, t in hints.items()}

    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        if isinstance(obj, _allowed_types):
            return {}
        raise TypeError('{!r} is not a module, class, method, '
                        'or function.'.format(obj))
    hints = dict(hints)
    for name, value in hints.items():
        if value is None:
            value = type(None)
        if isinstance(value, str):
            # A module-level variable annotation, or a function's.
            value = ForwardRef(value,
                               is_argument=not isinstance(obj, types.ModuleType),
                               is_class=False)
        hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}


def _strip_annotations(t):
    """`t` without Annotated[...], Required[...] and NotRequired[...] wrappers,
    at any depth."""
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if hasattr(t, "__origin__") and t.__origin__ in (Required, NotRequired):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, (_GenericAlias, GenericAlias, types.UnionType)):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        if isinstance(t, _GenericAlias):
            return t.copy_with(stripped)
        if isinstance(t, GenericAlias):
            return GenericAlias(t.__origin__, stripped)
        return functools.reduce(operator.or_, stripped)
    return t


def get_origin(tp):
    """The unsubscripted form of a subscripted type, None for other objects.

    Examples::

        >>> P = ParamSpec('P')
        >>> get_origin(Literal[42])
        typing.Literal
        >>> get_origin(int) is None
        True
        >>> get_origin(ClassVar[int])
        typing.ClassVar
        >>> get_origin(Generic), get_origin(Generic[T])
        (<class 'typing.Generic'>, <class 'typing.Generic'>)
        >>> get_origin(Union[T, int])
        typing.Union
        >>> get_origin(List[Tuple[T, T]][int])
        <class 'list'>
        >>> get_origin(P.args) is P
        True
    """
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, GenericAlias,
                       ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, types.UnionType):
        return types.UnionType
    return None


def get_args(tp):
    """The arguments of a subscripted type, after substitution; () for other
    objects.

    Examples::

        >>> get_args(Dict[str, int])
        (<class 'str'>, <class 'int'>)
        >>> get_args(int)
        ()
        >>> get_args(Union[int, Union[T, int], str][int])
        (<class 'int'>, <class 'str'>)
        >>> get_args(Union[int, Tuple[T, int]][str])
        (<class 'int'>, typing.Tuple[str, int])
        >>> get_args(Callable[[], T][int])
        ([], <class 'int'>)
    """
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, GenericAlias)):
        res = tp.__args__
        if _should_unflatten_callable_args(tp, res):
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, types.UnionType):
        return tp.__args__
    return ()


def is_typeddict(tp):
    """Whether `tp` is a TypedDict class::

        >>> class Film(TypedDict):
        ...     title: str
        ...
        >>> is_typeddict(Film)
        True
        >>> is_typeddict(dict)
        False
    """
    return isinstance(tp, _TypedDictMeta)


_ASSERT_NEVER_REPR_MAX_LENGTH = 100


def assert_never(arg: Never, /) -> Never:
    """Mark a point the code can never reach: a type checker reports an error
    if it finds it reachable, and at runtime calling it raises
    AssertionError.

    Example::

        def describe(arg: int | str) -> str:
            if isinstance(arg, int):
                return 'int'
            elif isinstance(arg, str):
                return 'str'
            else:
                assert_never(arg)
    """
    value = repr(arg)
    if len(value) > _ASSERT_NEVER_REPR_MAX_LENGTH:
        value = value[:_ASSERT_NEVER_REPR_MAX_LENGTH] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def no_type_check(arg):
    """Decorator: the annotations of this class or function are not type hints.

    On a class it also marks the functions and classes defined directly in its
    body (not those inherited, and nested ones through their own class). The
    objects are changed in place (`__no_type_check__ = True`).
    """
    if isinstance(arg, type):
        for key in dir(arg):
            obj = getattr(arg, key)
            if (
                not hasattr(obj, '__qualname__')
                or obj.__qualname__ != f'{arg.__qualname__}.{obj.__name__}'
                or getattr(obj, '__module__', None) != arg.__module__
            ):
                # Defined elsewhere: not this class's to mark.
                continue
            if isinstance(obj, types.FunctionType):
                obj.__no_type_check__ = True
            if isinstance(obj, types.MethodType):
                obj.__func__.__no_type_check__ = True
            if isinstance(obj, type):
                no_type_check(obj)
    try:
        arg.__no_type_check__ = True
    except TypeError:
        # A builtin class.
        pass
    return arg


def no_type_check_decorator(decorator):
    """Give `decorator` the effect of @no_type_check: what it returns is
    passed through no_type_check."""

    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))

    return wrapped_decorator


def _overload_dummy(*args, **kwds):
    """What @overload returns: it raises when called."""
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


# module name -> qualname -> first line number -> the overload.
_overload_registry = defaultdict(functools.partial(defaultdict, dict))


def overload(func):
    """Decorator for the signatures of an overloaded function or method.

    Write each signature as a function decorated with @overload, then the
    implementation, undecorated::

        @overload
        def parse(data: bytes) -> int: ...
        @overload
        def parse(data: str) -> str: ...
        def parse(data):
            ...   # the real code

    (In a stub file the implementation is left out.) get_overloads() returns
    the signatures recorded for a function.
    """
    f = getattr(func, "__func__", func)  # through classmethod/staticmethod
    try:
        _overload_registry[f.__module__][f.__qualname__][f.__code__.co_firstlineno] = func
    except AttributeError:
        # Not a function we can register.
        pass
    return _overload_dummy


def get_overloads(func):
    """The @overload signatures recorded for `func`, in definition order."""
    f = getattr(func, "__func__", func)
    if f.__module__ not in _overload_registry:
        return []
    by_qualname = _overload_registry[f.__module__]
    if f.__qualname__ not in by_qualname:
        return []
    return list(by_qualname[f.__qualname__].values())


def clear_overloads():
    """Forget every recorded overload."""
    _overload_registry.clear()


def final(f):
    """Decorator for methods that must not be overridden and classes that must
    not be subclassed::

        class Base:
            @final
            def done(self) -> None: ...

        @final
        class Leaf: ...

    A type checker reports overriding or subclassing them. At runtime the
    decorator only sets `__final__ = True` on the object (when it can).
    """
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        # Read-only (slots, a property, a builtin class): skip silently.
        pass
    return f


# Type variables of typing's own generic aliases; not exported, except AnyStr.
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)

AnyStr = TypeVar('AnyStr', bytes, str)


# ---------------------------------------------------------------------------
# Generic aliases of the collections
# ---------------------------------------------------------------------------

_alias = _SpecialGenericAlias

Hashable = _alias(collections.abc.Hashable, 0)
Awaitable = _alias(collections.abc.Awaitable, 1)
Coroutine = _alias(collections.abc.Coroutine, 3)
AsyncIterable = _alias(collections.abc.AsyncIterable, 1)
AsyncIterator = _alias(collections.abc.AsyncIterator, 1)
Iterable = _alias(collections.abc.Iterable, 1)
Iterator = _alias(collections.abc.Iterator, 1)
Reversible = _alias(collections.abc.Reversible, 1)
Sized = _alias(collections.abc.Sized, 0)
Container = _alias(collections.abc.Container, 1)
Collection = _alias(collections.abc.Collection, 1)
Callable = _CallableType(collections.abc.Callable, 2)
Callable.__doc__ = """\
Deprecated alias of collections.abc.Callable.

    Callable[[int, str], bool] is the type of a function taking an int and a
    str and returning a bool. The subscription always has two parts: the
    parameters (a list of types, a ParamSpec, a Concatenate or ...) and the
    return type. Optional and keyword parameters cannot be expressed.
    """
AbstractSet = _alias(collections.abc.Set, 1, name='AbstractSet')
MutableSet = _alias(collections.abc.MutableSet, 1)
Mapping = _alias(collections.abc.Mapping, 2)
MutableMapping = _alias(collections.abc.MutableMapping, 2)
Sequence = _alias(collections.abc.Sequence, 1)
MutableSequence = _alias(collections.abc.MutableSequence, 1)
ByteString = _alias(collections.abc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
Tuple.__doc__ = """\
Deprecated alias of builtins.tuple.

    Tuple[int, str] is a pair of an int and a str; Tuple[int, ...] a tuple
    of any length whose items are ints; Tuple[()] the empty tuple.
    """
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(collections.deque, 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _alias(collections.abc.MappingView, 1)
KeysView = _alias(collections.abc.KeysView, 1)
ItemsView = _alias(collections.abc.ItemsView, 2)
ValuesView = _alias(collections.abc.ValuesView, 1)
ContextManager = _alias(contextlib.AbstractContextManager, 1, name='ContextManager')
AsyncContextManager = _alias(contextlib.AbstractAsyncContextManager, 1,
                             name='AsyncContextManager')
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(collections.abc.Generator, 3)
AsyncGenerator = _alias(collections.abc.AsyncGenerator, 2)
Type = _alias(type, 1, inst=False, name='Type')
Type.__doc__ = """\
Deprecated alias of builtins.type.

    Type[C] is the type of the class C and its subclasses (rather than of
    their instances)::

        def make(cls: Type[U]) -> U:
            return cls()
    """


# ---------------------------------------------------------------------------
# Protocols for the special methods
# ---------------------------------------------------------------------------

@runtime_checkable
class SupportsInt(Protocol):
    """A protocol for objects with __int__."""
    __slots__ = ()

    @abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """A protocol for objects with __float__."""
    __slots__ = ()

    @abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """A protocol for objects with __complex__."""
    __slots__ = ()

    @abstractmethod
    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """A protocol for objects with __bytes__."""
    __slots__ = ()

    @abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """A protocol for objects with __index__."""
    __slots__ = ()

    @abstractmethod
    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    """A protocol for objects with __abs__, covariant in its result."""
    __slots__ = ()

    @abstractmethod
    def __abs__(self) -> T_co:
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    """A protocol for objects with __round__, covariant in its result."""
    __slots__ = ()

    @abstractmethod
    def __round__(self, ndigits: int = 0) -> T_co:
        pass


# ---------------------------------------------------------------------------
# NamedTuple
# ---------------------------------------------------------------------------

def _make_nmtuple(name, types, module, defaults=()):
    fields = [n for n, t in types]
    types = {n: _type_check(t, f"field {n} annotation must be a type")
             for n, t in types}
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = nm_tpl.__new__.__annotations__ = types
    return nm_tpl


# Names a NamedTuple class body may not define.
_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults',
                         '_make', '_replace', '_asdict', '_source'})

# Names of the class body not copied onto the namedtuple.
_special = frozenset({'__module__', '__name__', '__annotations__'})


class NamedTupleMeta(type):
    # Builds `class X(NamedTuple): ...` as a collections.namedtuple.

    def __new__(cls, typename, bases, ns):
        assert _NamedTuple in bases
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError(
                    'can only inherit from a NamedTuple type and Generic')
        bases = tuple(tuple if base is _NamedTuple else base for base in bases)
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types.items(),
                               defaults=[ns[n] for n in default_names],
                               module=ns['__module__'])
        nm_tpl.__bases__ = bases
        if Generic in bases:
            class_getitem = Generic.__class_getitem__.__func__
            nm_tpl.__class_getitem__ = classmethod(class_getitem)
        # The rest of the class body, without replacing namedtuple's own.
        for key in ns:
            if key in _prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        if Generic in bases:
            nm_tpl.__init_subclass__()
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """The typed version of collections.namedtuple.

    As a base class::

        class Point(NamedTuple):
            x: int
            y: int = 0

    or called, with the fields as (name, type) pairs or keywords::

        Point = NamedTuple('Point', [('x', int), ('y', int)])
        Point = NamedTuple('Point', x=int, y=int)

    The result is a namedtuple class whose __annotations__ maps the field
    names (also in _fields) to their types.
    """
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords"
                        " can be provided to NamedTuple, not both")
    return _make_nmtuple(typename, fields, module=_caller())


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    assert NamedTuple in bases
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


# ---------------------------------------------------------------------------
# TypedDict
# ---------------------------------------------------------------------------

class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        """Build a TypedDict class: from a class statement deriving from
        TypedDict (or another TypedDict class), or from a TypedDict(...)
        call. Its instances are plain dicts."""
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')

        if any(issubclass(b, Generic) for b in bases):
            generic_base = (Generic,)
        else:
            generic_base = ()

        tp_dict = type.__new__(_TypedDictMeta, name, (*generic_base, dict), ns)

        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own_annotations = {
            n: _type_check(tp, msg, module=tp_dict.__module__)
            for n, tp in ns.get('__annotations__', {}).items()
        }

        annotations = {}
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            base_required = base.__dict__.get('__required_keys__', set())
            required_keys |= base_required
            optional_keys -= base_required
            base_optional = base.__dict__.get('__optional_keys__', set())
            required_keys -= base_optional
            optional_keys |= base_optional
        annotations.update(own_annotations)

        for key, annotation in own_annotations.items():
            origin = get_origin(annotation)
            if origin is Annotated:
                args = get_args(annotation)
                if args:
                    annotation = args[0]
                    origin = get_origin(annotation)
            if origin is Required:
                is_required = True
            elif origin is NotRequired:
                is_required = False
            else:
                is_required = total
            if is_required:
                required_keys.add(key)
                optional_keys.discard(key)
            else:
                optional_keys.add(key)
                required_keys.discard(key)

        assert required_keys.isdisjoint(optional_keys), (
            f"Required keys overlap with optional keys in {name}:"
            f" {required_keys=}, {optional_keys=}"
        )
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        if not hasattr(tp_dict, '__total__'):
            tp_dict.__total__ = total
        return tp_dict

    __call__ = dict  # calling a TypedDict class makes a dict

    def __subclasscheck__(cls, other):
        # TypedDicts only exist for static checking.
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict with a fixed set of string keys, each with its own value type.

    As a base class::

        class Point2D(TypedDict):
            x: int
            y: int
            label: str

        p: Point2D = {'x': 1, 'y': 2, 'label': 'origin'}   # OK
        q: Point2D = {'z': 3}                              # checker error

    or called::

        Point2D = TypedDict('Point2D', {'x': int, 'y': int, 'label': str})

    Nothing is checked at runtime: calling the class makes a plain dict::

        >>> class Point2D(TypedDict):
        ...     x: int
        ...     y: int
        ...
        >>> Point2D(x=1, y=2)
        {'x': 1, 'y': 2}
        >>> type(Point2D(x=1, y=2))
        <class 'dict'>

    The keys are in __annotations__, split between __required_keys__
    and __optional_keys__. With total=False the keys may all be missing;
    Required[...] and NotRequired[...] mark single keys either way.
    """
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments,"
                        " but not both")
    if kwargs:
        warnings.warn(
            "The kwargs-based syntax for TypedDict definitions is deprecated "
            "in Python 3.11, will be removed in Python 3.13, and may not be "
            "understood by third-party type checkers.",
            DeprecationWarning,
            stacklevel=2,
        )
    ns = {'__annotations__': dict(fields)}
    module = _caller()
    if module is not None:
        # Pickle finds the class through its module.
        ns['__module__'] = module
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


# ---------------------------------------------------------------------------
# NewType
# ---------------------------------------------------------------------------

class NewType:
    """A distinct type for the type checker that costs almost nothing at
    runtime: NewType(name, tp) is a subtype of tp for the checker, and at
    runtime a callable returning its argument unchanged.

    Usage::

        UserId = NewType('UserId', int)

        def lookup(user_id: UserId) -> str: ...

        lookup(UserId(42))   # OK
        lookup(42)           # checker error
    """

    __call__ = _idfunc

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        _set_module_to_caller(self)

    def __mro_entries__(self, bases):
        # Subclassing a NewType: fail, suggesting what was probably meant.
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(
                    f"Cannot subclass an instance of NewType. Perhaps you were looking for: "
                    f"`{subclass_name} = NewType({subclass_name!r}, {superclass_name})`"
                )

        return (Dummy,)

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


Text = str  # the Python 2 spelling of str

TYPE_CHECKING = False  # True only for static type checkers


# ---------------------------------------------------------------------------
# I/O types
# ---------------------------------------------------------------------------

class IO(Generic[AnyStr]):
    """The generic type of the file objects open() returns.

    TextIO and BinaryIO tell text from binary files; the other distinctions
    (read/write, buffering, ...) are not represented.
    """

    __slots__ = ()

    @property
    @abstractmethod
    def mode(self) -> str:
        pass

    @property
    @abstractmethod
    def name(self) -> str:
        pass

    @abstractmethod
    def close(self) -> None:
        pass

    @property
    @abstractmethod
    def closed(self) -> bool:
        pass

    @abstractmethod
    def fileno(self) -> int:
        pass

    @abstractmethod
    def flush(self) -> None:
        pass

    @abstractmethod
    def isatty(self) -> bool:
        pass

    @abstractmethod
    def read(self, n: int = -1) -> AnyStr:
        pass

    @abstractmethod
    def readable(self) -> bool:
        pass

    @abstractmethod
    def readline(self, limit: int = -1) -> AnyStr:
        pass

    @abstractmethod
    def readlines(self, hint: int = -1) -> List[AnyStr]:
        pass

    @abstractmethod
    def seek(self, offset: int, whence: int = 0) -> int:
        pass

    @abstractmethod
    def seekable(self) -> bool:
        pass

    @abstractmethod
    def tell(self) -> int:
        pass

    @abstractmethod
    def truncate(self, size: int = None) -> int:
        pass

    @abstractmethod
    def writable(self) -> bool:
        pass

    @abstractmethod
    def write(self, s: AnyStr) -> int:
        pass

    @abstractmethod
    def writelines(self, lines: List[AnyStr]) -> None:
        pass

    @abstractmethod
    def __enter__(self) -> 'IO[AnyStr]':
        pass

    @abstractmethod
    def __exit__(self, type, value, traceback) -> None:
        pass


class BinaryIO(IO[bytes]):
    """The type of binary files (open(..., 'rb'), ...)."""

    __slots__ = ()

    @abstractmethod
    def write(self, s: Union[bytes, bytearray]) -> int:
        pass

    @abstractmethod
    def __enter__(self) -> 'BinaryIO':
        pass


class TextIO(IO[str]):
    """The type of text files (open(..., 'r'), ...)."""

    __slots__ = ()

    @property
    @abstractmethod
    def buffer(self) -> BinaryIO:
        pass

    @property
    @abstractmethod
    def encoding(self) -> str:
        pass

    @property
    @abstractmethod
    def errors(self) -> Optional[str]:
        pass

    @property
    @abstractmethod
    def line_buffering(self) -> bool:
        pass

    @property
    @abstractmethod
    def newlines(self) -> Any:
        pass

    @abstractmethod
    def __enter__(self) -> 'TextIO':
        pass


# ---------------------------------------------------------------------------
# The typing.io and typing.re pseudo-submodules
# ---------------------------------------------------------------------------

class _DeprecatedType(type):
    # Metaclass of the pseudo-submodules: reading one of their members
    # warns.

    def __getattribute__(cls, name):
        if name not in ("__dict__", "__module__") and name in cls.__dict__:
            warnings.warn(
                f"{cls.__name__} is deprecated, import directly "
                f"from typing instead. {cls.__name__} will be removed "
                "in Python 3.12.",
                DeprecationWarning,
                stacklevel=2,
            )
        return super().__getattribute__(name)


class io(metaclass=_DeprecatedType):
    """Wrapper namespace for IO generic classes."""

    __all__ = ['IO', 'TextIO', 'BinaryIO']
    IO = IO
    TextIO = TextIO
    BinaryIO = BinaryIO


io.__name__ = __name__ + '.io'
sys.modules[io.__name__] = io

Pattern = _alias(stdlib_re.Pattern, 1)
Match = _alias(stdlib_re.Match, 1)


class re(metaclass=_DeprecatedType):
    """Wrapper namespace for re type aliases."""

    __all__ = ['Pattern', 'Match']
    Pattern = Pattern
    Match = Match


re.__name__ = __name__ + '.re'
sys.modules[re.__name__] = re


# ---------------------------------------------------------------------------
# Helpers for static checkers
# ---------------------------------------------------------------------------

def reveal_type(obj: T, /) -> T:
    """Ask a type checker to report the type it infers for `obj`.

    At runtime the type of `obj` is written to stderr and `obj` returned
    unchanged.
    """
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def dataclass_transform(
    *,
    eq_default: bool = True,
    order_default: bool = False,
    kw_only_default: bool = False,
    field_specifiers: tuple[type[Any] | Callable[..., Any], ...] = (),
    **kwargs: Any,
) -> Callable[[T], T]:
    """Decorator for a function, class or metaclass that makes classes
    behave like dataclasses (PEP 681)::

        @dataclass_transform()
        def model(cls: type[T]) -> type[T]:
            ...
            return cls

        @model
        class Customer:
            id: int
            name: str

    Type checkers then treat Customer as if made by @dataclasses.dataclass
    (an __init__ taking id and name, ...). The same works on a base class
    or on a metaclass.

    - eq_default, order_default, kw_only_default: the value assumed for the
      eq, order and kw_only parameters when the caller omits them.
    - field_specifiers: the classes or functions that describe fields, like
      dataclasses.field().
    - other keyword arguments are accepted for future extensions.

    At runtime the arguments are stored in the `__dataclass_transform__`
    attribute of the decorated object; nothing else happens.
    """
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator
