"""Support for regular expressions (RE).

This module provides regular expression matching operations similar to
those found in Perl.  It supports both 8-bit and Unicode strings; both
the pattern and the strings being processed can contain null bytes and
characters outside the US ASCII range.

Written for pyrs after the behaviour of CPython 3.11's Lib/re/__init__.py. The
matching itself is done by the `_sre` module (modules/src/_sre). Where CPython
builds RegexFlag with enum and caches templates with functools.lru_cache, pyrs
writes both out here, so that re needs neither module.
"""

from . import _compiler, _parser

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"


# --------------------------------------------------------------------
# flags


class _RegexFlagType(type):
    """The class of RegexFlag: iteration, length and item access over the
    members, as an enum.IntFlag class has them."""

    def __iter__(cls):
        return iter(cls._members_)

    def __len__(cls):
        return len(cls._members_)

    def __getitem__(cls, name):
        return cls._names_[name]

    def __contains__(cls, member):
        return isinstance(member, cls) and member._value_ in cls._by_value_

    def __repr__(cls):
        return "<flag %r>" % cls.__name__


class RegexFlag(int, metaclass=_RegexFlagType):
    """An int whose repr names its flags: re.IGNORECASE|re.MULTILINE."""

    _members_ = []      # the canonical members, in definition order
    _names_ = {}        # every name (aliases included) to its member
    _by_value_ = {}     # value to the member with that value

    def __new__(cls, value=0):
        if isinstance(value, cls):
            return value
        value = int.__index__(value) if not isinstance(value, int) else int(value)
        member = cls._by_value_.get(value)
        if member is not None:
            return member
        if value < 0:
            # A negative value stands for its complement (enum's Flag with the
            # KEEP boundary): within the flags' bits when it fits there, else
            # within the next power of two, so unknown bits are kept.
            all_bits = cls._all_bits_()
            if value < ~all_bits:
                value += max(all_bits + 1, 2 ** value.bit_length())
            else:
                value += all_bits + 1
            member = cls._by_value_.get(value)
            if member is not None:
                return member
        self = int.__new__(cls, value)
        self._name_ = None
        return self

    @classmethod
    def _define(cls, name, value, *aliases):
        member = int.__new__(cls, value)
        member._name_ = name
        if value:
            cls._members_.append(member)
        cls._by_value_[value] = member
        cls._names_[name] = member
        for alias in aliases:
            cls._names_[alias] = member
        return member

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        if self._name_ is not None:
            return self._name_
        names = [m._name_ for m in type(self)._members_ if int(m) & int(self)]
        return '|'.join(names) if names else None

    def _decompose(self):
        value = int(self)
        names = []
        for m in type(self)._members_:
            if int(m) & value:
                names.append('re.' + m._name_)
                value &= ~int(m)
        return names, value

    def __repr__(self):
        if self._name_ is not None:
            return 're.' + self._name_
        names, rest = self._decompose()
        if rest:
            names.append(hex(rest))
        return '|'.join(names) if names else 're.NOFLAG'

    __str__ = __repr__

    def __format__(self, spec):
        return format(str(self), spec)

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, type(self).__qualname__))
        return int(other) & int(self) == int(other)

    def __iter__(self):
        return iter([m for m in type(self)._members_ if int(m) & int(self)])

    def __len__(self):
        return bin(int(self)).count('1')

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return type(self)(int(self) | int(other))

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return type(self)(int(self) & int(other))

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return type(self)(int(self) ^ int(other))

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    @classmethod
    def _all_bits_(cls):
        # Every bit up to the highest flag's (enum's `_all_bits_`).
        flag_mask = 0
        for m in cls._members_:
            flag_mask |= int(m)
        return 2 ** flag_mask.bit_length() - 1

    def __invert__(self):
        return type(self)(~int(self))

    def __reduce_ex__(self, proto):
        return type(self), (int(self),)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


NOFLAG = RegexFlag._define('NOFLAG', 0)
A = ASCII = RegexFlag._define('ASCII', _compiler.SRE_FLAG_ASCII, 'A')
I = IGNORECASE = RegexFlag._define('IGNORECASE', _compiler.SRE_FLAG_IGNORECASE, 'I')
L = LOCALE = RegexFlag._define('LOCALE', _compiler.SRE_FLAG_LOCALE, 'L')
U = UNICODE = RegexFlag._define('UNICODE', _compiler.SRE_FLAG_UNICODE, 'U')
M = MULTILINE = RegexFlag._define('MULTILINE', _compiler.SRE_FLAG_MULTILINE, 'M')
S = DOTALL = RegexFlag._define('DOTALL', _compiler.SRE_FLAG_DOTALL, 'S')
X = VERBOSE = RegexFlag._define('VERBOSE', _compiler.SRE_FLAG_VERBOSE, 'X')
# sre extensions (experimental, don't rely on these)
T = TEMPLATE = RegexFlag._define('TEMPLATE', _compiler.SRE_FLAG_TEMPLATE, 'T')
DEBUG = RegexFlag._define('DEBUG', _compiler.SRE_FLAG_DEBUG)

# sre exception
error = _compiler.error


def _warn(message, category):
    # pyrs may run without a warnings module; then the warning is not shown.
    try:
        import warnings
    except ImportError:
        return
    warnings.warn(message, category, stacklevel=3)


# --------------------------------------------------------------------
# public interface

def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl.  repl can be either a string or a callable;
    if a string, backslash escapes in it are processed.  If it is
    a callable, it's passed the Match object and must return
    a replacement string to be used."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number).
    new_string is the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in the source
    string by the replacement repl.  number is the number of
    substitutions that were made. repl can be either a string or a
    callable; if a string, backslash escapes in it are processed.
    If it is a callable, it's passed the Match object and must
    return a replacement string to be used."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings.  If
    capturing parentheses are used in pattern, then the text of all
    groups in the pattern are also returned as part of the resulting
    list.  If maxsplit is nonzero, at most maxsplit splits occur,
    and the remainder of the string is returned as the final element
    of the list."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string.

    If one or more capturing groups are present in the pattern, return
    a list of groups; this will be a list of tuples if the pattern
    has more than one group.

    Empty matches are included in the result."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object.

    Empty matches are included in the result."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def purge():
    "Clear the regular expression caches"
    _cache.clear()
    _repl_cache.clear()


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object, deprecated"
    _warn("The re.template() function is deprecated "
          "as it is an undocumented function "
          "without an obvious purpose. "
          "Use re.compile() instead.",
          DeprecationWarning)
    return _compile(pattern, flags | T, _warn_template=False)


# Characters escape() puts a backslash before: the special characters, the
# closing brackets, '-' (ranges), '&' and '~' (possible future set operations),
# '#' and whitespace (verbose mode).
_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """
    Escape special characters in a string.
    """
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_special_chars_map).encode('latin1')


Pattern = type(_compiler.compile('', 0))
Match = type(_compiler.compile('', 0).match(''))


# --------------------------------------------------------------------
# internals

# Compiled patterns by (type, source, flags), oldest first.
_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags, _warn_template=True):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    if not _compiler.isstring(pattern):
        raise TypeError("first argument must be string or compiled pattern")
    if flags & T and _warn_template:
        _warn("The re.TEMPLATE/re.T flag is deprecated "
              "as it is an undocumented flag "
              "without an obvious purpose. "
              "Don't use it.",
              DeprecationWarning)
    p = _compiler.compile(pattern, flags)
    if not (flags & DEBUG):
        if len(_cache) >= _MAXCACHE:
            # Drop the oldest entry.
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[type(pattern), pattern, flags] = p
    return p


# Parsed replacement templates by (template, pattern), least recently used
# first (CPython uses functools.lru_cache for this).
_repl_cache = {}


def _compile_repl(repl, pattern):
    key = (repl, pattern)
    try:
        result = _repl_cache.pop(key)
    except KeyError:
        result = _parser.parse_template(repl, pattern)
        if len(_repl_cache) >= _MAXCACHE:
            try:
                del _repl_cache[next(iter(_repl_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
    _repl_cache[key] = result
    return result


def _expand(pattern, match, template):
    # Match.expand(): called by _sre.
    template = _parser.parse_template(template, pattern)
    return _parser.expand_template(template, match)


def _subx(pattern, template):
    # Pattern.sub() with a template that has backslashes: called by _sre. A
    # template without group references is returned as its literal.
    template = _compile_repl(template, pattern)
    if not template[0] and len(template[1]) == 1:
        return template[1][0]

    def filter(match, template=template):
        return _parser.expand_template(template, match)
    return filter


# Patterns pickle as a call to _compile.

import copyreg


def _pickle(p):
    return _compile, (p.pattern, p.flags)


copyreg.pickle(Pattern, _pickle, _compile)


# --------------------------------------------------------------------
# experimental stuff

class Scanner:
    def __init__(self, lexicon, flags=0):
        from ._constants import BRANCH, SUBPATTERN
        if isinstance(flags, RegexFlag):
            flags = flags.value
        self.lexicon = lexicon
        # One pattern: an alternation of the phrases, each in its own group.
        alternatives = []
        s = _parser.State()
        s.flags = flags
        for phrase, action in lexicon:
            gid = s.opengroup()
            alternatives.append(_parser.SubPattern(s, [
                (SUBPATTERN, (gid, 0, 0, _parser.parse(phrase, flags))),
            ]))
            s.closegroup(gid, alternatives[-1])
        p = _parser.SubPattern(s, [(BRANCH, (None, alternatives))])
        self.scanner = _compiler.compile(p)

    def scan(self, string):
        result = []
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]
