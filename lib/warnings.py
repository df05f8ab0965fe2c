"""Python part of the warnings subsystem."""

# pyrs's warnings module (Lib/warnings.py of CPython 3.11, written for pyrs).
#
# The filtering itself is done by the native `_warnings` module
# (python/src/_warnings.rs), which reads this module's `filters`, `defaultaction`
# and `onceregistry` and prints through `_showwarnmsg`. What lives here is the
# Python-level interface: installing filters, formatting and showing warnings,
# `catch_warnings`, the -W option parser, and a pure-Python `warn`/`warn_explicit`
# used when `_warnings` cannot be imported (CPython's tests block it on purpose).

import sys

__all__ = ["warn", "warn_explicit", "showwarning",
           "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


# --- showing and formatting ------------------------------------------------------------

def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno,
                                     file, line))


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    return _formatwarnmsg_impl(WarningMessage(message, category, filename,
                                              lineno, None, line))


def _showwarnmsg_impl(msg):
    stream = msg.file
    if stream is None:
        stream = sys.stderr
        if stream is None:
            # No stderr at all (a windowed program): the warning is lost.
            return
    text = _formatwarnmsg(msg)
    try:
        stream.write(text)
    except OSError:
        # An unusable stream loses the warning rather than raising.
        pass


def _source_line(filename, lineno):
    try:
        import linecache
        return linecache.getline(filename, lineno), linecache
    except Exception:
        # At shutdown the import machinery may be gone.
        return None, None


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    text = f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"
    linecache = None
    if msg.line is None:
        line, linecache = _source_line(msg.filename, msg.lineno)
    else:
        line = msg.line
    if line:
        text += "  %s\n" % line.strip()

    if msg.source is not None:
        try:
            import tracemalloc
        except Exception:
            # Without tracemalloc, do not suggest enabling it.
            tracing = True
            tb = None
        else:
            tracing = tracemalloc.is_tracing()
            try:
                tb = tracemalloc.get_object_traceback(msg.source)
            except Exception:
                tb = None
        if tb is not None:
            text += 'Object allocated at (most recent call last):\n'
            for frame in tb:
                text += '  File "%s", lineno %s\n' % (frame.filename,
                                                      frame.lineno)
                try:
                    if linecache is None:
                        import linecache
                    source = linecache.getline(frame.filename, frame.lineno)
                except Exception:
                    source = None
                if source:
                    text += '    %s\n' % source.strip()
        elif not tracing:
            text += (f'{category}: Enable tracemalloc to get the object '
                     f'allocation traceback\n')
    return text


# The original hooks, to tell whether a program replaced them.
_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _showwarnmsg(msg):
    """Hook to write a warning to a file; replace if you like."""
    try:
        hook = showwarning
    except NameError:
        pass
    else:
        if hook is not _showwarning_orig:
            if not callable(hook):
                raise TypeError("warnings.showwarning() must be set to a "
                                "function or method")
            hook(msg.message, msg.category, msg.filename, msg.lineno,
                 msg.file, msg.line)
            return
    _showwarnmsg_impl(msg)


def _formatwarnmsg(msg):
    """Function to format a warning the standard way."""
    try:
        hook = formatwarning
    except NameError:
        pass
    else:
        if hook is not _formatwarning_orig:
            return hook(msg.message, msg.category, msg.filename, msg.lineno,
                        msg.line)
    return _formatwarnmsg_impl(msg)


# --- the filters -------------------------------------------------------------------------

def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Insert an entry into the list of warnings filters (at the front).

    'action' -- one of "error", "ignore", "always", "default", "module",
                or "once"
    'message' -- a regex that the warning message must match
    'category' -- a class that the warning must be a subclass of
    'module' -- a regex that the module name must match
    'lineno' -- an integer line number, 0 matches all warnings
    'append' -- if true, append to the list of filters
    """
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, \
        "lineno must be an int >= 0"
    if message or module:
        import re
    message = re.compile(message, re.I) if message else None
    module = re.compile(module) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front).

    A simple filter matches all modules and messages.
    'action' -- one of "error", "ignore", "always", "default", "module",
                or "once"
    'category' -- a class that the warning must be a subclass of
    'lineno' -- an integer line number, 0 matches all warnings
    'append' -- if true, append to the list of filters
    """
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, \
        "lineno must be an int >= 0"
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    # A filter already in the list moves to the front (or, when appending,
    # stays where it is).
    if append:
        if item not in filters:
            filters.append(item)
    else:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    _filters_mutated()


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


# --- -W options ----------------------------------------------------------------------------

class _OptionError(Exception):
    """Exception used by option processing helpers."""
    pass


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


def _setoption(arg):
    # action:message:category:module:lineno, trailing fields optional.
    parts = arg.split(':')
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    parts += [''] * (5 - len(parts))
    action, message, category, module, lineno = [p.strip() for p in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if message or module:
        import re
    if message:
        message = re.escape(message)
    if module:
        module = re.escape(module) + r'\Z'
    if not lineno:
        lineno = 0
    else:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    filterwarnings(action, message, category, module, lineno)


def _getaction(action):
    if not action:
        return "default"
    if action == "all":
        return "always"
    for name in ('default', 'always', 'ignore', 'module', 'once', 'error'):
        if name.startswith(action):
            return name
    raise _OptionError("invalid action: %r" % (action,))


def _getcategory(category):
    if not category:
        return Warning
    if '.' in category:
        modname, _, klass = category.rpartition('.')
        try:
            namespace = __import__(modname, None, None, [klass])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (modname,)) from None
    else:
        import builtins as namespace
        klass = category
    try:
        cat = getattr(namespace, klass)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (category,)) from None
    if not issubclass(cat, Warning):
        raise _OptionError("invalid warning category: %r" % (category,))
    return cat


# --- the pure-Python warn (used only without _warnings) ---------------------------------

def _is_internal_frame(frame):
    """Signal whether the frame is an internal CPython implementation detail."""
    filename = frame.f_code.co_filename
    return 'importlib' in filename and '_bootstrap' in filename


def _next_external_frame(frame):
    """Find the next frame that doesn't involve CPython internals."""
    frame = frame.f_back
    while frame is not None and _is_internal_frame(frame):
        frame = frame.f_back
    return frame


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, "
                        "not '{:s}'".format(type(category).__name__))
    try:
        if stacklevel <= 1 or _is_internal_frame(sys._getframe(1)):
            # Nothing to skip: count plain frames.
            frame = sys._getframe(stacklevel)
        else:
            # Count only frames outside the import machinery.
            frame = sys._getframe(1)
            for _ in range(stacklevel - 1):
                frame = _next_external_frame(frame)
                if frame is None:
                    raise ValueError
    except ValueError:
        globals = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals['__name__'] if '__name__' in globals else "<string>"
    registry = globals.setdefault("__warningregistry__", {})
    warn_explicit(message, category, filename, lineno, module, registry,
                  globals, source)


def warn_explicit(message, category, filename, lineno,
                  module=None, registry=None, module_globals=None,
                  source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if ((msg is None or msg.match(text)) and
                issubclass(category, cat) and
                (mod is None or mod.match(module)) and
                (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == "ignore":
        return

    # Load the source now, in case the "file" is only known to a loader.
    import linecache
    linecache.getlines(filename, module_globals)

    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    elif action != "always":
        raise RuntimeError(
            "Unrecognized action (%r) in warnings.filters:\n %s" %
            (action, item))
    # As in CPython 3.11, `source` lands in WarningMessage's `file` slot.
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source))


# --- WarningMessage and catch_warnings ----------------------------------------------------

class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


class catch_warnings(object):

    """A context manager that copies and restores the warnings filter upon
    exiting the context.

    The 'record' argument specifies whether warnings should be captured by a
    custom implementation of warnings.showwarning() and be appended to a list
    returned by the context manager. Otherwise None is returned by the context
    manager. The objects appended to the list are arguments whose attributes
    mirror the arguments to showwarning().

    The 'module' argument is to specify an alternative module to the module
    named 'warnings' and imported under that name. This argument is only useful
    when testing the warnings module itself.

    If the 'action' argument is not None, the remaining arguments are passed
    to warnings.simplefilter() as if it were called immediately on entering the
    context.
    """

    def __init__(self, *, record=False, module=None,
                 action=None, category=Warning, lineno=0, append=False):
        """Specify whether to record warnings and if an alternative module
        should be used other than sys.modules['warnings'].

        For compatibility with Python 3.0, please consider all arguments to be
        keyword-only.

        """
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules['warnings']:
            args.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        module = self._module
        self._filters = module.filters
        module.filters = self._filters[:]
        module._filters_mutated()
        self._showwarning = module.showwarning
        self._showwarnmsg_impl = module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if not self._record:
            return None
        log = []
        module._showwarnmsg_impl = log.append
        # _showwarnmsg() must reach _showwarnmsg_impl(), so the default
        # showwarning() is put back for the duration.
        module.showwarning = module._showwarning_orig
        return log

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        module = self._module
        module.filters = self._filters
        module._filters_mutated()
        module.showwarning = self._showwarning
        module._showwarnmsg_impl = self._showwarnmsg_impl


_DEPRECATED_MSG = "{name!r} is deprecated and slated for removal in Python {remove}"


def _deprecated(name, message=_DEPRECATED_MSG, *, remove, _version=sys.version_info):
    """Warn that *name* is deprecated or should be removed.

    RuntimeError is raised if *remove* specifies a major/minor tuple older than
    the current Python version or the same version but past the alpha.

    The *message* argument is formatted with *name* and *remove* as a Python
    version (e.g. "3.11").

    """
    remove_formatted = f"{remove[0]}.{remove[1]}"
    past = _version[:2] > remove or (_version[:2] == remove
                                      and _version[3] != "alpha")
    if past:
        raise RuntimeError(f"{name!r} was slated for removal after Python "
                           f"{remove_formatted} alpha")
    warn(message.format(name=name, remove=remove_formatted),
         DeprecationWarning, stacklevel=3)


def _warn_unawaited_coroutine(coro):
    # Called by _PyErr_WarnUnawaitedCoroutine, with the place the coroutine was
    # made when sys.set_coroutine_origin_tracking_depth() asked for it.
    lines = [f"coroutine '{coro.__qualname__}' was never awaited\n"]
    if coro.cr_origin is not None:
        import linecache, traceback

        def extract():
            for filename, lineno, funcname in reversed(coro.cr_origin):
                line = linecache.getline(filename, lineno)
                yield (filename, lineno, funcname, line)

        lines.append("Coroutine created at (most recent call last)\n")
        lines += traceback.format_list(list(extract()))
    msg = "".join(lines).rstrip("\n")
    # With source=, tracemalloc (when tracing) adds where the coroutine was
    # allocated.
    warn(msg, category=RuntimeWarning, stacklevel=2, source=coro)


# filters holds the filter 5-tuples, first match wins:
#   (action, message regex or None, category, module regex or None, lineno or 0)
try:
    from _warnings import (filters, _defaultaction, _onceregistry,
                           warn, warn_explicit, _filters_mutated)
    defaultaction = _defaultaction
    onceregistry = _onceregistry
    _warnings_defaults = True
except ImportError:
    filters = []
    defaultaction = "default"
    onceregistry = {}

    _filters_version = 1

    def _filters_mutated():
        global _filters_version
        _filters_version += 1

    _warnings_defaults = False


_processoptions(sys.warnoptions)
if not _warnings_defaults:
    # The filters _warnings would have made: release builds hide these.
    if not hasattr(sys, 'gettotalrefcount'):
        filterwarnings("default", category=DeprecationWarning,
                       module="__main__", append=1)
        simplefilter("ignore", category=DeprecationWarning, append=1)
        simplefilter("ignore", category=PendingDeprecationWarning, append=1)
        simplefilter("ignore", category=ImportWarning, append=1)
        simplefilter("ignore", category=ResourceWarning, append=1)

del _warnings_defaults
