"""pyrs's struct module: the native _struct, re-exported as CPython's Lib/struct.py
does."""

__all__ = [
    # Functions
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack',

    # Classes
    'Struct',

    # Exceptions
    'error'
]

from _struct import *
from _struct import _clearcache
from _struct import __doc__
