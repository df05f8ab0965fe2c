"""Start-up customisation, imported automatically unless pyrs runs with -S.

Written for pyrs after the behaviour of CPython 3.11's Lib/site.py: it makes the
entries of sys.path absolute and unique, gives modules imported so far absolute
__file__ paths, adds exit, quit, copyright, credits, license and help to builtins,
installs sys.__interactivehook__, and imports sitecustomize if one is on the path.

Differences from CPython: pyrs adds no site-packages directories to sys.path (they
hold packages built for CPython, often with C extensions), so ENABLE_USER_SITE is
False and the .pth machinery is not run at start-up; addsitedir() still works when
called by hand. CPython imports os from frozen bytecode; pyrs compiles its modules
at start-up, so site imports os only when it has work for it (a relative or
repeated sys.path entry, the license text, the helpers below).
"""

import sys
import builtins

PREFIXES = [sys.prefix, sys.exec_prefix]
ENABLE_USER_SITE = False
USER_SITE = None
USER_BASE = None


def makepath(*paths):
    """Join the parts and return (absolute path, its case-normalised form)."""
    import os
    dir = os.path.join(*paths)
    try:
        dir = os.path.abspath(dir)
    except OSError:
        pass
    return dir, os.path.normcase(dir)


def abs_paths():
    """Give every module imported so far an absolute __file__ and __cached__."""
    import os
    for m in set(sys.modules.values()):
        loader_module = None
        try:
            loader_module = m.__loader__.__module__
        except AttributeError:
            try:
                loader_module = m.__spec__.loader.__module__
            except AttributeError:
                pass
        if loader_module not in {"_frozen_importlib", "_frozen_importlib_external"}:
            continue
        for attr in ("__file__", "__cached__"):
            try:
                value = getattr(m, attr)
            except AttributeError:
                continue
            if isinstance(value, str):
                try:
                    setattr(m, attr, os.path.abspath(value))
                except (AttributeError, OSError, TypeError):
                    pass


def removeduppaths():
    """Make sys.path entries absolute and drop repeats; return the set seen."""
    result = []
    seen = set()
    for entry in sys.path:
        dir, dircase = makepath(entry)
        if dircase not in seen:
            result.append(dir)
            seen.add(dircase)
    sys.path[:] = result
    return seen


def _init_pathinfo():
    """The case-normalised directories on sys.path."""
    import os
    d = set()
    for item in sys.path:
        try:
            if os.path.exists(item):
                d.add(makepath(item)[1])
        except TypeError:
            continue
    return d


def addpackage(sitedir, name, known_paths):
    """Process one .pth file: add its directories, run its import lines."""
    import os
    reset = known_paths is None
    if reset:
        known_paths = _init_pathinfo()
    fullname = os.path.join(sitedir, name)
    try:
        f = open(fullname, encoding="locale")
    except OSError:
        return None
    with f:
        for n, line in enumerate(f):
            if line.startswith("#"):
                continue
            if line.strip() == "":
                continue
            try:
                if line.startswith(("import ", "import\t")):
                    exec(line)
                    continue
                line = line.rstrip()
                dir, dircase = makepath(sitedir, line)
                if dircase not in known_paths and os.path.exists(dir):
                    sys.path.append(dir)
                    known_paths.add(dircase)
            except Exception:
                print("Error processing line {:d} of {}:\n".format(n + 1, fullname),
                      file=sys.stderr)
                import traceback
                for record in traceback.format_exception(*sys.exc_info()):
                    for line in record.splitlines():
                        print("  " + line, file=sys.stderr)
                print("\nRemainder of file ignored", file=sys.stderr)
                break
    if reset:
        known_paths = None
    return known_paths


def addsitedir(sitedir, known_paths=None):
    """Add a directory to sys.path and process the .pth files in it."""
    import os
    reset = known_paths is None
    if reset:
        known_paths = _init_pathinfo()
    sitedir, sitedircase = makepath(sitedir)
    if sitedircase not in known_paths:
        sys.path.append(sitedir)
        known_paths.add(sitedircase)
    try:
        names = os.listdir(sitedir)
    except OSError:
        return None
    for name in sorted(n for n in names if n.endswith(".pth") and not n.startswith(".")):
        addpackage(sitedir, name, known_paths)
    if reset:
        known_paths = None
    return known_paths


def getsitepackages(prefixes=None):
    """The site-packages directories CPython would use for these prefixes (pyrs
    does not add them to sys.path itself)."""
    import os
    sitepackages = []
    seen = set()
    if prefixes is None:
        prefixes = PREFIXES
    for prefix in prefixes:
        if not prefix or prefix in seen:
            continue
        seen.add(prefix)
        libdirs = [sys.platlibdir]
        if sys.platlibdir != "lib":
            libdirs.append("lib")
        for libdir in libdirs:
            path = os.path.join(prefix, libdir,
                                "python%d.%d" % sys.version_info[:2], "site-packages")
            sitepackages.append(path)
    return sitepackages


def getuserbase():
    """The user base directory (~/.local), as CPython computes it on POSIX."""
    import os
    global USER_BASE
    if USER_BASE is None:
        env_base = os.environ.get("PYTHONUSERBASE", None)
        USER_BASE = env_base if env_base else os.path.expanduser("~/.local")
    return USER_BASE


def getusersitepackages():
    """The user site-packages directory (not put on sys.path by pyrs)."""
    global USER_SITE
    if USER_SITE is None:
        version = sys.version_info
        USER_SITE = "%s/lib/python%d.%d/site-packages" % (getuserbase(), version[0], version[1])
    return USER_SITE


def setquit():
    """exit() and quit(), with the end-of-file key of the platform."""
    eof = "Ctrl-D (i.e. EOF)"
    builtins.quit = _sitebuiltins.Quitter("quit", eof)
    builtins.exit = _sitebuiltins.Quitter("exit", eof)


def setcopyright():
    """copyright, credits and license."""
    builtins.copyright = _sitebuiltins._Printer("copyright", sys.copyright)
    builtins.credits = _sitebuiltins._Printer("credits", """\
    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands
    for supporting Python development.  See www.python.org for more information.""")
    def license_dirs():
        # Beside the os module in use, as CPython looks beside its Lib/os.py.
        import os
        here = getattr(os, "__file__", None)
        if not here:
            return []
        here = os.path.dirname(here)
        return [os.path.join(here, os.pardir), here, os.curdir]
    builtins.license = _sitebuiltins._Printer(
        "license",
        "See https://www.python.org/psf/license/",
        ["LICENSE.txt", "LICENSE"], license_dirs)


def sethelper():
    builtins.help = _sitebuiltins._Helper()


def enablerlcompleter():
    """Install sys.__interactivehook__, which sets up readline completion and
    history when the readline module exists."""
    def register_readline():
        import atexit
        import os
        try:
            import readline
            import rlcompleter
        except ImportError:
            return
        readline_doc = getattr(readline, "__doc__", "")
        if readline_doc is not None and "libedit" in readline_doc:
            readline.parse_and_bind("bind ^I rl_complete")
        else:
            readline.parse_and_bind("tab: complete")
        try:
            readline.read_init_file()
        except OSError:
            pass
        if readline.get_current_history_length() == 0:
            history = os.path.join(os.path.expanduser("~"), ".python_history")
            try:
                readline.read_history_file(history)
            except OSError:
                pass

            def write_history():
                try:
                    readline.write_history_file(history)
                except OSError:
                    pass

            atexit.register(write_history)

    sys.__interactivehook__ = register_readline


def execsitecustomize():
    """Import sitecustomize, if one is on the path."""
    try:
        try:
            import sitecustomize
        except ImportError as exc:
            if exc.name == "sitecustomize":
                pass
            else:
                raise
    except Exception as err:
        if sys.flags.verbose:
            sys.excepthook(*sys.exc_info())
        else:
            sys.stderr.write(
                "Error in sitecustomize; set PYTHONVERBOSE for traceback:\n"
                "%s: %s\n" % (err.__class__.__name__, err))


def main():
    """Run at start-up (unless -S was given)."""
    orig_path = sys.path[:]
    # pyrs builds sys.path from absolute, distinct directories; only entries added
    # by the environment can need the clean-up (and os).
    if (any(not p.startswith("/") for p in sys.path)
            or len(set(sys.path)) != len(sys.path)):
        removeduppaths()
    if orig_path != sys.path:
        abs_paths()
    setquit()
    setcopyright()
    sethelper()
    if not sys.flags.isolated:
        enablerlcompleter()
    execsitecustomize()


import _sitebuiltins

if not sys.flags.no_site:
    main()
