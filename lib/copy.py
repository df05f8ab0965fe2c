"""Generic (shallow and deep) copying operations.

pyrs's copy (CPython 3.11's Lib/copy.py), written for pyrs.

copy(x) makes a shallow copy and deepcopy(x, memo) a deep one. A class controls
both through __copy__ / __deepcopy__(memo), or through the pickle protocol:
copyreg.dispatch_table, __reduce_ex__(4) or __reduce__, whose result is rebuilt by
_reconstruct. deepcopy's memo maps id(original) to its copy, so shared and
recursive structures are copied once; memo[id(memo)] keeps the originals alive.
"""

import types
import weakref
from copyreg import dispatch_table


class Error(Exception):
    pass
error = Error   # backward compatibility

__all__ = ["Error", "copy", "deepcopy"]


def _reduce(x, cls, kind):
    """The pickle-protocol description of `x`: a string, or a reduce tuple."""
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor:
        return reductor()
    raise Error("un(%s)copyable object of type %s" % (kind, cls))


# --- shallow copies -------------------------------------------------------------------

def _copy_immutable(x):
    return x

# Immutable objects are their own copy; the mutable builtins know how to copy.
_copy_dispatch = d = {}
for t in (type(None), int, float, bool, complex, str, tuple, bytes, frozenset,
          type, range, slice, property, types.BuiltinFunctionType, type(Ellipsis),
          type(NotImplemented), types.FunctionType, weakref.ref, types.CodeType):
    d[t] = _copy_immutable
for t in (list, dict, set, bytearray):
    d[t] = t.copy
del d, t


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        # Classes (metaclass instances) are shared, not copied.
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls, "shallow")
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


# --- deep copies ----------------------------------------------------------------------

def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y     # before the items, so a list containing itself works
    for a in x:
        y.append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A tuple reached again through its own items has been copied meanwhile.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = d = {}
for t in (type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex,
          bytes, str, types.CodeType, type, range, types.BuiltinFunctionType,
          types.FunctionType, weakref.ref, property):
    d[t] = _deepcopy_atomic
d[list] = _deepcopy_list
d[tuple] = _deepcopy_tuple
d[dict] = _deepcopy_dict
d[types.MethodType] = _deepcopy_method
del d, t


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls, "deep")
            y = x if isinstance(rv, str) else _reconstruct(x, memo, *rv)

    # An object that is its own copy is not memoized.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keep `x` alive as long as `memo`, so that its id is not reused meanwhile."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    """Rebuild an object from its reduce tuple; deeply when `memo` is given."""
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
