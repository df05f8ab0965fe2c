"""
Define names for built-in types that aren't directly accessible as a builtin.

pyrs's types (CPython 3.11's Lib/types.py), written for pyrs. Each type is the type
of a sample object, so the names are exactly pyrs's own types.
"""
import sys as _sys


def _samples():
    """Make one object of each type that has no builtin name; return their types."""
    def function(): pass

    def cell_owner():
        captured = None
        def inner():
            return captured
        return inner.__closure__[0]

    def generator():
        yield

    async def coroutine_function():
        pass

    async def async_generator():
        yield

    class Klass:
        __slots__ = ('slot',)

        def method(self): pass

    coro = coroutine_function()
    coro.close()  # never awaited: close it so no warning is raised
    try:
        raise TypeError
    except TypeError as exc:
        tb = exc.__traceback__
    return {
        'FunctionType': type(function),
        'LambdaType': type(lambda: None),
        'CodeType': type(function.__code__),
        'MappingProxyType': type(type.__dict__),
        'SimpleNamespace': type(_sys.implementation),
        'CellType': type(cell_owner()),
        'GeneratorType': type(generator()),
        'CoroutineType': type(coro),
        'AsyncGeneratorType': type(async_generator()),
        'MethodType': type(Klass().method),
        'BuiltinFunctionType': type(len),
        'BuiltinMethodType': type([].append),
        'WrapperDescriptorType': type(object.__init__),
        'MethodWrapperType': type(object().__str__),
        'MethodDescriptorType': type(str.join),
        'ClassMethodDescriptorType': type(dict.__dict__['fromkeys']),
        'ModuleType': type(_sys),
        'TracebackType': type(tb),
        'FrameType': type(tb.tb_frame),
        'GetSetDescriptorType': type(type(function).__dict__['__code__']),
        'MemberDescriptorType': type(Klass.__dict__['slot']),
        'GenericAlias': type(list[int]),
        'UnionType': type(int | str),
        'EllipsisType': type(Ellipsis),
        'NoneType': type(None),
        'NotImplementedType': type(NotImplemented),
    }


globals().update(_samples())
del _samples


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)


def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    result = []
    changed = False
    for base in bases:
        if not isinstance(base, type) and hasattr(base, '__mro_entries__'):
            entries = base.__mro_entries__(bases)
            changed = True
            if not isinstance(entries, tuple):
                raise TypeError("__mro_entries__ must return a tuple")
            result.extend(entries)
        else:
            result.append(base)
    return tuple(result) if changed else bases


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass.

    Returns (metaclass, namespace, kwds) as a 3-tuple

    *metaclass* is the appropriate metaclass
    *namespace* is the prepared class namespace
    *kwds* is an updated copy of the passed in kwds argument with any
    'metaclass' entry removed. If no kwds argument is passed in, this will
    be an empty dict.
    """
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        # A type as metaclass: the most derived metaclass among the bases' wins.
        meta = _calculate_meta(meta, bases)
    prepare = getattr(meta, '__prepare__', None)
    ns = {} if prepare is None else prepare(name, bases, **kwds)
    return meta, ns, kwds


def _calculate_meta(meta, bases):
    """Calculate the most derived metaclass."""
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


class DynamicClassAttribute:
    """Route attribute access on a class to __getattr__.

    This is a descriptor, used to define attributes that act differently when
    accessed through an instance and through a class.  Instance access remains
    normal, but access to an attribute through a class will be routed to the
    class's __getattr__ method; this is done by raising AttributeError.

    This allows one to have properties active on an instance, and have virtual
    attributes on the class with the same name.  (Enum used this between Python
    versions 3.4 - 3.9 .)

    Subclass from this to use a different method of accessing virtual attributes
    and still be treated properly by the inspect module. (Enum uses this since
    Python 3.10 .)

    """
    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        # Like property: the docstring defaults to the getter's.
        self.__doc__ = doc or fget.__doc__
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        if self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        return self.fdel(instance)

    def _copy_with(self, fget, fset, fdel, doc):
        result = type(self)(fget, fset, fdel, doc)
        result.overwrite_doc = self.overwrite_doc
        return result

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        return self._copy_with(fget, self.fset, self.fdel, fdoc or self.__doc__)

    def setter(self, fset):
        return self._copy_with(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return self._copy_with(self.fget, self.fset, fdel, self.__doc__)


class _GeneratorWrapper:
    """What types.coroutine returns for a generator-like object: an awaitable that
    delegates to it (send, throw, close, iteration) and exposes both the gi_* and
    cr_* attributes."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__isgen = gen.__class__ is GeneratorType
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_frame(self):
        return self.__wrapped.gi_frame

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    @property
    def gi_yieldfrom(self):
        return self.__wrapped.gi_yieldfrom

    cr_code = gi_code
    cr_frame = gi_frame
    cr_running = gi_running
    cr_await = gi_yieldfrom

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        # A real generator is its own iterator: hand it out directly.
        if self.__isgen:
            return self.__wrapped
        return self

    __await__ = __iter__


# The code flags types.coroutine looks at (Include/cpython/code.h).
_CO_GENERATOR = 0x20
_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


def coroutine(func):
    """Convert regular generator function to a coroutine."""

    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')

    if (func.__class__ is FunctionType and
            getattr(func, '__code__', None).__class__ is CodeType):
        co = func.__code__
        # Already a coroutine function (native or iterable): nothing to do.
        if co.co_flags & (_CO_COROUTINE | _CO_ITERABLE_COROUTINE):
            return func
        # A generator function becomes an iterable coroutine in place: its
        # generators may then be awaited.
        if co.co_flags & _CO_GENERATOR:
            func.__code__ = co.replace(co_flags=co.co_flags | _CO_ITERABLE_COROUTINE)
            return func

    # Any other callable (one returning generator-like objects, say) is wrapped:
    # what it returns is passed through if it is already awaitable, wrapped if it is
    # a generator.
    import functools
    import _collections_abc

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if (coro.__class__ is CoroutineType or
                coro.__class__ is GeneratorType and
                coro.gi_code.co_flags & _CO_ITERABLE_COROUTINE):
            return coro
        if (isinstance(coro, _collections_abc.Generator) and
                not isinstance(coro, _collections_abc.Coroutine)):
            return _GeneratorWrapper(coro)
        return coro

    return wrapped


__all__ = [n for n in globals() if n[:1] != '_']
