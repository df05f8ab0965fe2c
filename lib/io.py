# pyrs's `io` module. Mirrors Lib/io.py (CPython 3.11): the classes and functions of
# the native `_io` module, plus the abstract base classes IOBase, RawIOBase,
# BufferedIOBase and TextIOBase, with which the concrete classes are registered.
#
# Difference from CPython: while pyrs has no `abc` module, the abstract classes use a
# small metaclass of their own (`_IOBaseMeta`) that provides `register()` and the
# isinstance()/issubclass() checks ABCMeta would; `type(io.IOBase)` is then that
# metaclass instead of `abc.ABCMeta`. With `abc` available, ABCMeta is used.

import _io

from _io import (DEFAULT_BUFFER_SIZE, BlockingIOError, UnsupportedOperation,
                 open, open_code, FileIO, BytesIO, StringIO, BufferedReader,
                 BufferedWriter, BufferedRWPair, BufferedRandom,
                 IncrementalNewlineDecoder, text_encoding, TextIOWrapper)

__doc__ = _io.__doc__

__author__ = ("Guido van Rossum <guido@python.org>, "
              "Mike Verdone <mike.verdone@gmail.com>, "
              "Mark Russell <mark.russell@zen.co.uk>, "
              "Antoine Pitrou <solipsis@pitrou.net>, "
              "Amaury Forgeot d'Arc <amauryfa@gmail.com>, "
              "Benjamin Peterson <benjamin@python.org>")

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
           "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
           "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE", "text_encoding", "IncrementalNewlineDecoder"]


def __getattr__(name):
    # `io.OpenWrapper` was removed as an alias of open() after 3.9; 3.11 still
    # answers it (with a DeprecationWarning CPython emits and pyrs does not yet).
    if name == "OpenWrapper":
        global OpenWrapper
        OpenWrapper = open
        return OpenWrapper
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


UnsupportedOperation.__module__ = "io"

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

try:
    import abc as _abc
    _Meta = _abc.ABCMeta
except ImportError:
    _abc = None

    class _IOBaseMeta(type):
        """Enough of ABCMeta for the I/O classes: register() and the checks."""

        def __new__(mcls, name, bases, namespace, **kwargs):
            cls = super().__new__(mcls, name, bases, namespace, **kwargs)
            cls._io_registry = []
            return cls

        def register(cls, subclass):
            if not isinstance(subclass, type):
                raise TypeError("Can only register classes")
            if issubclass(subclass, cls):
                return subclass
            cls._io_registry.append(subclass)
            return subclass

        def __instancecheck__(cls, instance):
            return cls.__subclasscheck__(type(instance))

        def __subclasscheck__(cls, subclass):
            if not isinstance(subclass, type):
                raise TypeError('issubclass() arg 1 must be a class')
            if cls in getattr(subclass, '__mro__', ()):
                return True
            for reg in cls._io_registry:
                if issubclass(subclass, reg):
                    return True
            for sub in type.__subclasses__(cls):
                if issubclass(subclass, sub):
                    return True
            return False

    _Meta = _IOBaseMeta


class IOBase(_io._IOBase, metaclass=_Meta):
    __doc__ = _io._IOBase.__doc__

class RawIOBase(_io._RawIOBase, IOBase):
    __doc__ = _io._RawIOBase.__doc__

class BufferedIOBase(_io._BufferedIOBase, IOBase):
    __doc__ = _io._BufferedIOBase.__doc__

class TextIOBase(_io._TextIOBase, IOBase):
    __doc__ = _io._TextIOBase.__doc__

RawIOBase.register(FileIO)

for klass in (BytesIO, BufferedReader, BufferedWriter, BufferedRandom,
              BufferedRWPair):
    BufferedIOBase.register(klass)

for klass in (StringIO, TextIOWrapper):
    TextIOBase.register(klass)
del klass
