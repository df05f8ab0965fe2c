"""Subset of importlib.abc used to reduce importlib.util imports.

pyrs's own version of CPython 3.11's Lib/importlib/_abc.py, written for pyrs: the
Loader ABC, kept apart from importlib.abc so that importlib.util can use it
without importing the whole of importlib.abc.
"""
from . import _bootstrap
import abc
import warnings


class Loader(metaclass=abc.ABCMeta):

    """Abstract base class for import loaders."""

    def create_module(self, spec):
        """Return a module to initialize and into which to load.

        This method should raise ImportError if anything prevents it
        from creating a new module.  It may return None to indicate
        that the spec should create the new module.
        """
        # None asks the import system for its default module creation.
        return None

    # There is no exec_module() here: the import system checks for it with
    # hasattr() to tell a loader of the old protocol from one of the new.

    def load_module(self, fullname):
        """Return the loaded module.

        The module must be added to sys.modules and have import-related
        attributes set properly.  The fullname is a str.

        ImportError is raised on failure.

        This method is deprecated in favor of loader.exec_module(). If
        exec_module() exists then it is used to provide a backwards-compatible
        functionality for this method.

        """
        if not hasattr(self, 'exec_module'):
            raise ImportError
        return _bootstrap._load_module_shim(self, fullname)

    def module_repr(self, module):
        """Return a module's repr.

        Used by the module type when the method does not raise
        NotImplementedError.

        This method is deprecated.

        """
        warnings.warn("importlib.abc.Loader.module_repr() is deprecated and "
                      "slated for removal in Python 3.12", DeprecationWarning)
        # NotImplementedError makes the module type's repr ignore this method.
        raise NotImplementedError
