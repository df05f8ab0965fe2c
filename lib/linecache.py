"""Cache lines from Python source files.

pyrs's linecache (CPython 3.11's Lib/linecache.py), written for pyrs.

The cache maps a file name to one of two shapes of entry:

    (size, mtime, lines, fullname)   lines read from the file fullname; mtime is
                                     None when they came from a module's loader
                                     (nothing on disk to compare against)
    (get_lines,)                     a lazy entry made by lazycache(): calling
                                     get_lines() asks the loader for the source

Tracebacks, pdb and inspect read source lines through it.
"""

import functools
import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]


# filename -> entry (see the module docstring)
cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Discard cache entries that are out of date.
    (This is not checked upon each call!)"""
    if filename is None:
        names = list(cache)
    elif filename in cache:
        names = [filename]
    else:
        return
    for name in names:
        entry = cache[name]
        if len(entry) == 1:
            # A lazy entry: nothing has been read yet.
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            # Lines from a loader: there is no file to compare with.
            continue
        try:
            st = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if size != st.st_size or mtime != st.st_mtime:
            cache.pop(name, None)


def _is_pseudo_name(filename):
    # '<string>', '<stdin>', '<frozen ...>': names that are not files.
    return not filename or (filename.startswith('<') and filename.endswith('>'))


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines.
    If something's wrong, print a message, discard the cache entry,
    and return an empty list."""
    if filename in cache and len(cache[filename]) != 1:
        cache.pop(filename, None)
    if _is_pseudo_name(filename):
        return []

    fullname = filename
    try:
        st = os.stat(fullname)
    except OSError:
        # Not a file on its own: perhaps a module's loader knows the source.
        if lazycache(filename, module_globals):
            try:
                data = cache[filename][0]()
            except (ImportError, OSError):
                pass
            else:
                if data is None:
                    # The loader has no source for it.
                    return []
                cache[filename] = (
                    len(data),
                    None,
                    [line + '\n' for line in data.splitlines()],
                    fullname,
                )
                return cache[filename][2]
        # A relative name: look for it along sys.path (but not an absolute one).
        if os.path.isabs(filename):
            return []
        for dirname in sys.path:
            try:
                fullname = os.path.join(dirname, filename)
            except (TypeError, AttributeError):
                # sys.path may hold things that are not strings.
                continue
            try:
                st = os.stat(fullname)
                break
            except OSError:
                pass
        else:
            return []
    try:
        with _open_source(fullname) as fp:
            lines = fp.readlines()
    except (OSError, UnicodeDecodeError, SyntaxError):
        return []
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = st.st_size, st.st_mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals.

    The module loader will be asked for the source only when getlines is
    called, not immediately.

    If there is an entry in the cache already, it is not altered.

    :return: True if a lazy load is registered in the cache,
        otherwise False. To register such a load a module loader with a
        get_source method must be found, the filename must be a cacheable
        filename, and the filename must not be already cached.
    """
    if filename in cache:
        return len(cache[filename]) == 1
    if _is_pseudo_name(filename):
        return False
    if module_globals and '__name__' in module_globals:
        name = module_globals['__name__']
        loader = module_globals.get('__loader__')
        if loader is None:
            spec = module_globals.get('__spec__')
            if spec:
                try:
                    loader = spec.loader
                except AttributeError:
                    pass
        get_source = getattr(loader, 'get_source', None)
        if name and get_source:
            cache[filename] = (functools.partial(get_source, name),)
            return True
    return False


# -- reading a source file in its declared encoding (PEP 263) ---------------------
#
# CPython's linecache opens files with tokenize.open(); pyrs reads the encoding
# declaration itself so that linecache needs no tokenizer module.

_BOM_UTF8 = b'\xef\xbb\xbf'


_cookie_re = None


def _cookie_of(line):
    """The encoding named by a '# -*- coding: NAME -*-' comment line, or None."""
    global _cookie_re
    if _cookie_re is None:
        import re
        _cookie_re = re.compile(r'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)', re.ASCII)
    try:
        text = line.decode('utf-8')
    except UnicodeDecodeError:
        raise SyntaxError("invalid or missing encoding declaration")
    match = _cookie_re.match(text)
    return match.group(1) if match else None


def _is_blank_or_comment(line):
    stripped = line.lstrip(b' \t\f')
    return not stripped or stripped[:1] in (b'#', b'\r', b'\n')


def _normalised_encoding(name):
    # Mirrors tokenize's _get_normal_name: the spellings of UTF-8 and Latin-1.
    enc = name[:12].lower().replace('_', '-')
    if enc == 'utf-8' or enc.startswith('utf-8-'):
        return 'utf-8'
    if enc in ('latin-1', 'iso-8859-1', 'iso-latin-1') or \
            enc.startswith(('latin-1-', 'iso-8859-1-', 'iso-latin-1-')):
        return 'iso-8859-1'
    return name


def _detect_encoding(fp):
    """The source encoding of a binary file (a BOM, then a coding cookie on one of
    the first two lines, else UTF-8)."""
    first = fp.readline()
    bom = first.startswith(_BOM_UTF8)
    if bom:
        first = first[3:]
    encoding = None
    if first:
        encoding = _cookie_of(first)
        if encoding is None and _is_blank_or_comment(first):
            second = fp.readline()
            if second:
                encoding = _cookie_of(second)
    if encoding is None:
        return 'utf-8-sig' if bom else 'utf-8'
    encoding = _normalised_encoding(encoding)
    import codecs
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise SyntaxError("unknown encoding: " + encoding)
    if bom:
        if encoding != 'utf-8':
            raise SyntaxError('encoding problem: utf-8')
        return 'utf-8-sig'
    return encoding


def _open_source(fullname):
    with open(fullname, 'rb') as fp:
        encoding = _detect_encoding(fp)
    return open(fullname, 'r', encoding=encoding)
