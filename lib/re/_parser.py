"""Internal support module for sre: regular expression source to parse tree.

Written for pyrs after the behaviour of CPython 3.11's Lib/re/_parser.py: the same
parse tree (a SubPattern of (opcode, argument) pairs), the same error messages and
positions, and the same template parser for sub() and expand().
"""

from ._constants import *

SPECIAL_CHARS = ".\\[{()*+?^$|"
REPEAT_CHARS = "*+?{"

DIGITS = frozenset("0123456789")
OCTDIGITS = frozenset("01234567")
HEXDIGITS = frozenset("0123456789abcdefABCDEF")
ASCIILETTERS = frozenset("abcdefghijklmnopqrstuvwxyz"
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
WHITESPACE = frozenset(" \t\n\r\v\f")

_REPEATCODES = frozenset({MIN_REPEAT, MAX_REPEAT, POSSESSIVE_REPEAT})
_UNITCODES = frozenset({ANY, RANGE, IN, LITERAL, NOT_LITERAL, CATEGORY})

ESCAPES = {
    r"\a": (LITERAL, ord("\a")),
    r"\b": (LITERAL, ord("\b")),
    r"\f": (LITERAL, ord("\f")),
    r"\n": (LITERAL, ord("\n")),
    r"\r": (LITERAL, ord("\r")),
    r"\t": (LITERAL, ord("\t")),
    r"\v": (LITERAL, ord("\v")),
    r"\\": (LITERAL, ord("\\")),
}

CATEGORIES = {
    r"\A": (AT, AT_BEGINNING_STRING),
    r"\b": (AT, AT_BOUNDARY),
    r"\B": (AT, AT_NON_BOUNDARY),
    r"\d": (IN, [(CATEGORY, CATEGORY_DIGIT)]),
    r"\D": (IN, [(CATEGORY, CATEGORY_NOT_DIGIT)]),
    r"\s": (IN, [(CATEGORY, CATEGORY_SPACE)]),
    r"\S": (IN, [(CATEGORY, CATEGORY_NOT_SPACE)]),
    r"\w": (IN, [(CATEGORY, CATEGORY_WORD)]),
    r"\W": (IN, [(CATEGORY, CATEGORY_NOT_WORD)]),
    r"\Z": (AT, AT_END_STRING),
}

FLAGS = {
    "i": SRE_FLAG_IGNORECASE,
    "L": SRE_FLAG_LOCALE,
    "m": SRE_FLAG_MULTILINE,
    "s": SRE_FLAG_DOTALL,
    "x": SRE_FLAG_VERBOSE,
    "a": SRE_FLAG_ASCII,
    "t": SRE_FLAG_TEMPLATE,
    "u": SRE_FLAG_UNICODE,
}

# The largest value SubPattern.getwidth() returns: above MAXREPEAT, MAXCODE and
# sys.maxsize.
MAXWIDTH = 1 << 64

TYPE_FLAGS = SRE_FLAG_ASCII | SRE_FLAG_LOCALE | SRE_FLAG_UNICODE
GLOBAL_FLAGS = SRE_FLAG_DEBUG | SRE_FLAG_TEMPLATE


def _warn(message, category, stacklevel):
    # pyrs may run without a warnings module; then the warning is not shown.
    try:
        import warnings
    except ImportError:
        return
    warnings.warn(message, category, stacklevel=stacklevel + 1)


class State:
    """What the parser knows about the whole pattern: flags and groups."""

    def __init__(self):
        self.flags = 0
        self.groupdict = {}
        self.groupwidths = [None]   # group 0
        self.lookbehindgroups = None
        self.grouprefpos = {}

    @property
    def groups(self):
        return len(self.groupwidths)

    def opengroup(self, name=None):
        gid = self.groups
        self.groupwidths.append(None)
        if self.groups > MAXGROUPS:
            raise error("too many groups")
        if name is not None:
            previous = self.groupdict.get(name, None)
            if previous is not None:
                raise error("redefinition of group name %r as group %d; "
                            "was group %d" % (name, gid, previous))
            self.groupdict[name] = gid
        return gid

    def closegroup(self, gid, p):
        self.groupwidths[gid] = p.getwidth()

    def checkgroup(self, gid):
        return gid < self.groups and self.groupwidths[gid] is not None

    def checklookbehindgroup(self, gid, source):
        if self.lookbehindgroups is None:
            return
        if not self.checkgroup(gid):
            raise source.error('cannot refer to an open group')
        if gid >= self.lookbehindgroups:
            raise source.error('cannot refer to group defined in the same '
                               'lookbehind subpattern')


class SubPattern:
    """A sequence of (opcode, argument) pairs: one level of the parse tree."""

    def __init__(self, state, data=None):
        self.state = state
        self.data = [] if data is None else data
        self.width = None

    def dump(self, level=0):
        indent = "  " * level
        newline_done = True
        for op, av in self.data:
            print(indent + str(op), end='')
            if op is IN:
                print()
                for op2, a in av:
                    print("  " * (level + 1) + str(op2), a)
            elif op is BRANCH:
                print()
                for i, a in enumerate(av[1]):
                    if i:
                        print(indent + "OR")
                    a.dump(level + 1)
            elif op is GROUPREF_EXISTS:
                condgroup, item_yes, item_no = av
                print('', condgroup)
                item_yes.dump(level + 1)
                if item_no:
                    print(indent + "ELSE")
                    item_no.dump(level + 1)
            elif isinstance(av, SubPattern):
                print()
                av.dump(level + 1)
            elif isinstance(av, (tuple, list)):
                newline_done = False
                for a in av:
                    if isinstance(a, SubPattern):
                        if not newline_done:
                            print()
                        a.dump(level + 1)
                        newline_done = True
                    else:
                        if not newline_done:
                            print(' ', end='')
                        print(a, end='')
                        newline_done = False
                if not newline_done:
                    print()
            else:
                print('', av)

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data)

    def __delitem__(self, index):
        del self.data[index]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return SubPattern(self.state, self.data[index])
        return self.data[index]

    def __setitem__(self, index, code):
        self.data[index] = code

    def insert(self, index, code):
        self.data.insert(index, code)

    def append(self, code):
        self.data.append(code)

    def getwidth(self):
        """The (min, max) number of characters this subpattern can match."""
        if self.width is not None:
            return self.width
        lo = hi = 0
        for op, av in self.data:
            if op is BRANCH:
                bl = MAXWIDTH
                bh = 0
                for alt in av[1]:
                    l, h = alt.getwidth()
                    bl = min(bl, l)
                    bh = max(bh, h)
                lo += bl
                hi += bh
            elif op is ATOMIC_GROUP:
                l, h = av.getwidth()
                lo += l
                hi += h
            elif op is SUBPATTERN:
                l, h = av[-1].getwidth()
                lo += l
                hi += h
            elif op in _REPEATCODES:
                l, h = av[2].getwidth()
                lo += l * av[0]
                if av[1] == MAXREPEAT and h:
                    hi = MAXWIDTH
                else:
                    hi += h * av[1]
            elif op in _UNITCODES:
                lo += 1
                hi += 1
            elif op is GROUPREF:
                l, h = self.state.groupwidths[av]
                lo += l
                hi += h
            elif op is GROUPREF_EXISTS:
                l, h = av[1].getwidth()
                if av[2] is not None:
                    l2, h2 = av[2].getwidth()
                    l = min(l, l2)
                    h = max(h, h2)
                else:
                    l = 0
                lo += l
                hi += h
            elif op is SUCCESS:
                break
        self.width = min(lo, MAXWIDTH), min(hi, MAXWIDTH)
        return self.width


class Tokenizer:
    """Reads a pattern one token at a time; an escape is one two-character token."""

    def __init__(self, string):
        self.istext = isinstance(string, str)
        self.string = string
        if not self.istext:
            string = str(string, 'latin1')
        self.decoded_string = string
        self.index = 0
        self.next = None
        self.__next()

    def __next(self):
        index = self.index
        s = self.decoded_string
        if index >= len(s):
            self.next = None
            return
        char = s[index]
        if char == "\\":
            index += 1
            if index >= len(s):
                raise error("bad escape (end of pattern)",
                            self.string, len(self.string) - 1)
            char += s[index]
        self.index = index + 1
        self.next = char

    def match(self, char):
        if char == self.next:
            self.__next()
            return True
        return False

    def get(self):
        this = self.next
        self.__next()
        return this

    def getwhile(self, n, charset):
        result = ''
        for _ in range(n):
            c = self.next
            if c not in charset:
                break
            result += c
            self.__next()
        return result

    def getuntil(self, terminator, name):
        result = ''
        while True:
            c = self.next
            self.__next()
            if c is None:
                if not result:
                    raise self.error("missing " + name)
                raise self.error("missing %s, unterminated name" % terminator,
                                 len(result))
            if c == terminator:
                if not result:
                    raise self.error("missing " + name, 1)
                return result
            result += c

    @property
    def pos(self):
        return self.index - len(self.next or '')

    def tell(self):
        return self.index - len(self.next or '')

    def seek(self, index):
        self.index = index
        self.__next()

    def error(self, msg, offset=0):
        if not self.istext:
            msg = msg.encode('ascii', 'backslashreplace').decode('ascii')
        return error(msg, self.string, self.tell() - offset)

    def checkgroupname(self, name, offset, nested):
        if not name.isidentifier():
            raise self.error("bad character in group name %r" % name,
                             len(name) + offset)
        if not (self.istext or name.isascii()):
            _warn("bad character in group name %a at position %d" %
                  (name, self.tell() - len(name) - offset),
                  DeprecationWarning, nested + 7)


def _named_char(source):
    # \N{NAME}
    import unicodedata
    if not source.match('{'):
        raise source.error("missing {")
    charname = source.getuntil('}', 'character name')
    try:
        return ord(unicodedata.lookup(charname))
    except (KeyError, TypeError):
        raise source.error("undefined character name %r" % charname,
                           len(charname) + len(r'\N{}')) from None


def _fixed_hex(source, escape, ndigits):
    # \xhh, \uhhhh, \Uhhhhhhhh: exactly ndigits digits.
    escape += source.getwhile(ndigits, HEXDIGITS)
    if len(escape) != ndigits + 2:
        raise source.error("incomplete escape %s" % escape, len(escape))
    return escape, int(escape[2:], 16)


def _class_escape(source, escape):
    """An escape inside a character class."""
    code = ESCAPES.get(escape)
    if code:
        return code
    code = CATEGORIES.get(escape)
    if code and code[0] is IN:
        return code
    c = escape[1:2]
    if c == "x":
        return LITERAL, _fixed_hex(source, escape, 2)[1]
    if c == "u" and source.istext:
        return LITERAL, _fixed_hex(source, escape, 4)[1]
    if c == "U" and source.istext:
        escape, value = _fixed_hex(source, escape, 8)
        if value > 0x10ffff:
            raise source.error("bad escape %s" % escape, len(escape))
        return LITERAL, value
    if c == "N" and source.istext:
        return LITERAL, _named_char(source)
    if c in OCTDIGITS:
        escape += source.getwhile(2, OCTDIGITS)
        value = int(escape[1:], 8)
        if value > 0o377:
            raise source.error('octal escape value %s outside of '
                               'range 0-0o377' % escape, len(escape))
        return LITERAL, value
    if c in DIGITS:
        raise source.error("bad escape %s" % escape, len(escape))
    if len(escape) == 2:
        if c in ASCIILETTERS:
            raise source.error('bad escape %s' % escape, len(escape))
        return LITERAL, ord(escape[1])
    raise source.error("bad escape %s" % escape, len(escape))


def _escape(source, escape, state):
    """An escape outside a character class."""
    code = CATEGORIES.get(escape)
    if code:
        return code
    code = ESCAPES.get(escape)
    if code:
        return code
    c = escape[1:2]
    if c == "x":
        return LITERAL, _fixed_hex(source, escape, 2)[1]
    if c == "u" and source.istext:
        return LITERAL, _fixed_hex(source, escape, 4)[1]
    if c == "U" and source.istext:
        escape, value = _fixed_hex(source, escape, 8)
        if value > 0x10ffff:
            raise source.error("bad escape %s" % escape, len(escape))
        return LITERAL, value
    if c == "N" and source.istext:
        return LITERAL, _named_char(source)
    if c == "0":
        escape += source.getwhile(2, OCTDIGITS)
        return LITERAL, int(escape[1:], 8)
    if c in DIGITS:
        # An octal escape or a group reference.
        if source.next in DIGITS:
            escape += source.get()
            if (escape[1] in OCTDIGITS and escape[2] in OCTDIGITS and
                    source.next in OCTDIGITS):
                escape += source.get()
                value = int(escape[1:], 8)
                if value > 0o377:
                    raise source.error('octal escape value %s outside of '
                                       'range 0-0o377' % escape, len(escape))
                return LITERAL, value
        group = int(escape[1:])
        if group < state.groups:
            if not state.checkgroup(group):
                raise source.error("cannot refer to an open group",
                                   len(escape))
            state.checklookbehindgroup(group, source)
            return GROUPREF, group
        raise source.error("invalid group reference %d" % group,
                           len(escape) - 1)
    if len(escape) == 2:
        if c in ASCIILETTERS:
            raise source.error("bad escape %s" % escape, len(escape))
        return LITERAL, ord(escape[1])
    raise source.error("bad escape %s" % escape, len(escape))


def _uniq(items):
    return list(dict.fromkeys(items))


def _parse_sub(source, state, verbose, nested):
    """An alternation a|b|c."""
    items = []
    while True:
        items.append(_parse(source, state, verbose, nested + 1,
                            not nested and not items))
        if not source.match("|"):
            break
        if not nested:
            verbose = state.flags & SRE_FLAG_VERBOSE

    if len(items) == 1:
        return items[0]

    subpattern = SubPattern(state)

    # Move a prefix common to every alternative out of the branch.
    while True:
        prefix = None
        common = True
        for item in items:
            if not item:
                common = False
                break
            if prefix is None:
                prefix = item[0]
            elif item[0] != prefix:
                common = False
                break
        if not common:
            break
        for item in items:
            del item[0]
        subpattern.append(prefix)

    # Alternatives that are single characters or sets become one set.
    chars = []
    for item in items:
        if len(item) != 1:
            break
        op, av = item[0]
        if op is LITERAL:
            chars.append((op, av))
        elif op is IN and av[0][0] is not NEGATE:
            chars.extend(av)
        else:
            break
    else:
        subpattern.append((IN, _uniq(chars)))
        return subpattern

    subpattern.append((BRANCH, (None, items)))
    return subpattern


def _parse_set(source, subpattern, nested):
    """A character class; the opening '[' has been read."""
    here = source.tell() - 1
    items = []
    if source.next == '[':
        _warn('Possible nested set at position %d' % source.tell(),
              FutureWarning, nested + 7)
    negate = source.match("^")
    while True:
        this = source.get()
        if this is None:
            raise source.error("unterminated character set",
                               source.tell() - here)
        if this == "]" and items:
            break
        if this[0] == "\\":
            code1 = _class_escape(source, this)
        else:
            if items and this in '-&~|' and source.next == this:
                kind = {'-': 'difference', '&': 'intersection',
                        '~': 'symmetric difference'}.get(this, 'union')
                _warn('Possible set %s at position %d' %
                      (kind, source.tell() - 1), FutureWarning, nested + 7)
            code1 = LITERAL, ord(this)
        if source.match("-"):
            that = source.get()
            if that is None:
                raise source.error("unterminated character set",
                                   source.tell() - here)
            if that == "]":
                if code1[0] is IN:
                    code1 = code1[1][0]
                items.append(code1)
                items.append((LITERAL, ord("-")))
                break
            if that[0] == "\\":
                code2 = _class_escape(source, that)
            else:
                if that == '-':
                    _warn('Possible set difference at position %d' %
                          (source.tell() - 2), FutureWarning, nested + 7)
                code2 = LITERAL, ord(that)
            if code1[0] != LITERAL or code2[0] != LITERAL or code2[1] < code1[1]:
                raise source.error("bad character range %s-%s" % (this, that),
                                   len(this) + 1 + len(that))
            items.append((RANGE, (code1[1], code2[1])))
        else:
            if code1[0] is IN:
                code1 = code1[1][0]
            items.append(code1)

    items = _uniq(items)
    if len(items) == 1 and items[0][0] is LITERAL:
        if negate:
            subpattern.append((NOT_LITERAL, items[0][1]))
        else:
            subpattern.append(items[0])
    else:
        if negate:
            items.insert(0, (NEGATE, None))
        subpattern.append((IN, items))


def _parse_repeat(source, subpattern, this):
    """A quantifier after the last item; returns False if '{' was a literal."""
    here = source.tell()
    if this == "?":
        lo, hi = 0, 1
    elif this == "*":
        lo, hi = 0, MAXREPEAT
    elif this == "+":
        lo, hi = 1, MAXREPEAT
    else:
        if source.next == "}":
            subpattern.append((LITERAL, ord(this)))
            return
        lo, hi = 0, MAXREPEAT
        lo_text = hi_text = ""
        while source.next in DIGITS:
            lo_text += source.get()
        if source.match(","):
            while source.next in DIGITS:
                hi_text += source.get()
        else:
            hi_text = lo_text
        if not source.match("}"):
            subpattern.append((LITERAL, ord(this)))
            source.seek(here)
            return
        if lo_text:
            lo = int(lo_text)
            if lo >= MAXREPEAT:
                raise OverflowError("the repetition number is too large")
        if hi_text:
            hi = int(hi_text)
            if hi >= MAXREPEAT:
                raise OverflowError("the repetition number is too large")
            if hi < lo:
                raise source.error("min repeat greater than max repeat",
                                   source.tell() - here)
    item = subpattern[-1:] if subpattern else None
    if not item or item[0][0] is AT:
        raise source.error("nothing to repeat",
                           source.tell() - here + len(this))
    if item[0][0] in _REPEATCODES:
        raise source.error("multiple repeat",
                           source.tell() - here + len(this))
    if item[0][0] is SUBPATTERN:
        group, add_flags, del_flags, p = item[0][1]
        if group is None and not add_flags and not del_flags:
            item = p
    if source.match("?"):
        subpattern[-1] = (MIN_REPEAT, (lo, hi, item))
    elif source.match("+"):
        subpattern[-1] = (POSSESSIVE_REPEAT, (lo, hi, item))
    else:
        subpattern[-1] = (MAX_REPEAT, (lo, hi, item))


def _parse_conditional(source, state, verbose, nested, start):
    """(?(id/name)yes|no); '(?(' has been read. Returns the parse tree item."""
    condname = source.getuntil(")", "group name")
    if condname.isidentifier():
        source.checkgroupname(condname, 1, nested)
        condgroup = state.groupdict.get(condname)
        if condgroup is None:
            raise source.error("unknown group name %r" % condname,
                               len(condname) + 1)
    else:
        try:
            condgroup = int(condname)
            if condgroup < 0:
                raise ValueError
        except ValueError:
            raise source.error("bad character in group name %r" % condname,
                               len(condname) + 1) from None
        if not condgroup:
            raise source.error("bad group number", len(condname) + 1)
        if condgroup >= MAXGROUPS:
            raise source.error("invalid group reference %d" % condgroup,
                               len(condname) + 1)
        if condgroup not in state.grouprefpos:
            state.grouprefpos[condgroup] = source.tell() - len(condname) - 1
        if not (condname.isdecimal() and condname.isascii()):
            _warn("bad character in group name %s at position %d" %
                  (repr(condname) if source.istext else ascii(condname),
                   source.tell() - len(condname) - 1),
                  DeprecationWarning, nested + 7)
    state.checklookbehindgroup(condgroup, source)
    item_yes = _parse(source, state, verbose, nested + 1)
    if source.match("|"):
        item_no = _parse(source, state, verbose, nested + 1)
        if source.next == "|":
            raise source.error("conditional backref with more than two branches")
    else:
        item_no = None
    if not source.match(")"):
        raise source.error("missing ), unterminated subpattern",
                           source.tell() - start)
    return GROUPREF_EXISTS, (condgroup, item_yes, item_no)


def _parse(source, state, verbose, nested, first=False):
    """A sequence of items up to '|', ')' or the end."""
    subpattern = SubPattern(state)

    while True:
        this = source.next
        if this is None or this in "|)":
            break
        source.get()

        if verbose:
            if this in WHITESPACE:
                continue
            if this == "#":
                while True:
                    this = source.get()
                    if this is None or this == "\n":
                        break
                continue

        if this[0] == "\\":
            subpattern.append(_escape(source, this, state))
        elif this not in SPECIAL_CHARS:
            subpattern.append((LITERAL, ord(this)))
        elif this == "[":
            _parse_set(source, subpattern, nested)
        elif this in REPEAT_CHARS:
            _parse_repeat(source, subpattern, this)
        elif this == ".":
            subpattern.append((ANY, None))
        elif this == "(":
            start = source.tell() - 1
            capture = True
            atomic = False
            name = None
            add_flags = 0
            del_flags = 0
            if source.match("?"):
                char = source.get()
                if char is None:
                    raise source.error("unexpected end of pattern")
                if char == "P":
                    if source.match("<"):
                        # (?P<name>...)
                        name = source.getuntil(">", "group name")
                        source.checkgroupname(name, 1, nested)
                    elif source.match("="):
                        # (?P=name)
                        name = source.getuntil(")", "group name")
                        source.checkgroupname(name, 1, nested)
                        gid = state.groupdict.get(name)
                        if gid is None:
                            raise source.error("unknown group name %r" % name,
                                               len(name) + 1)
                        if not state.checkgroup(gid):
                            raise source.error("cannot refer to an open group",
                                               len(name) + 1)
                        state.checklookbehindgroup(gid, source)
                        subpattern.append((GROUPREF, gid))
                        continue
                    else:
                        char = source.get()
                        if char is None:
                            raise source.error("unexpected end of pattern")
                        raise source.error("unknown extension ?P" + char,
                                           len(char) + 2)
                elif char == ":":
                    capture = False
                elif char == "#":
                    # A comment.
                    while True:
                        if source.next is None:
                            raise source.error("missing ), unterminated comment",
                                               source.tell() - start)
                        if source.get() == ")":
                            break
                    continue
                elif char in "=!<":
                    # Lookahead and lookbehind assertions.
                    direction = 1
                    if char == "<":
                        char = source.get()
                        if char is None:
                            raise source.error("unexpected end of pattern")
                        if char not in "=!":
                            raise source.error("unknown extension ?<" + char,
                                               len(char) + 2)
                        direction = -1
                        outer = state.lookbehindgroups
                        if outer is None:
                            state.lookbehindgroups = state.groups
                    p = _parse_sub(source, state, verbose, nested + 1)
                    if direction < 0 and outer is None:
                        state.lookbehindgroups = None
                    if not source.match(")"):
                        raise source.error("missing ), unterminated subpattern",
                                           source.tell() - start)
                    op = ASSERT if char == "=" else ASSERT_NOT
                    subpattern.append((op, (direction, p)))
                    continue
                elif char == "(":
                    subpattern.append(
                        _parse_conditional(source, state, verbose, nested, start))
                    continue
                elif char == ">":
                    capture = False
                    atomic = True
                elif char in FLAGS or char == "-":
                    flags = _parse_flags(source, state, char)
                    if flags is None:
                        # Global flags (?aiLmsux).
                        if not first or subpattern:
                            raise source.error('global flags not at the start '
                                               'of the expression',
                                               source.tell() - start)
                        verbose = state.flags & SRE_FLAG_VERBOSE
                        continue
                    add_flags, del_flags = flags
                    capture = False
                else:
                    raise source.error("unknown extension ?" + char,
                                       len(char) + 1)

            if capture:
                try:
                    group = state.opengroup(name)
                except error as err:
                    raise source.error(err.msg, len(name) + 1) from None
            else:
                group = None
            sub_verbose = ((verbose or (add_flags & SRE_FLAG_VERBOSE)) and
                           not (del_flags & SRE_FLAG_VERBOSE))
            p = _parse_sub(source, state, sub_verbose, nested + 1)
            if not source.match(")"):
                raise source.error("missing ), unterminated subpattern",
                                   source.tell() - start)
            if group is not None:
                state.closegroup(group, p)
            if atomic:
                subpattern.append((ATOMIC_GROUP, p))
            else:
                subpattern.append((SUBPATTERN, (group, add_flags, del_flags, p)))
        elif this == "^":
            subpattern.append((AT, AT_BEGINNING))
        elif this == "$":
            subpattern.append((AT, AT_END))
        else:
            raise AssertionError("unsupported special character %r" % (this,))

    # Inline the contents of plain non-capturing groups.
    for i in range(len(subpattern) - 1, -1, -1):
        op, av = subpattern[i]
        if op is SUBPATTERN:
            group, add_flags, del_flags, p = av
            if group is None and not add_flags and not del_flags:
                subpattern[i: i + 1] = p

    return subpattern


def _parse_flags(source, state, char):
    """Inline flags after '(?'; None for global flags, else (add, delete)."""
    add_flags = 0
    del_flags = 0
    if char != "-":
        while True:
            flag = FLAGS[char]
            if source.istext:
                if char == 'L':
                    raise source.error("bad inline flags: cannot use 'L' flag "
                                       "with a str pattern")
            elif char == 'u':
                raise source.error("bad inline flags: cannot use 'u' flag "
                                   "with a bytes pattern")
            add_flags |= flag
            if (flag & TYPE_FLAGS) and (add_flags & TYPE_FLAGS) != flag:
                raise source.error("bad inline flags: flags 'a', 'u' and 'L' "
                                   "are incompatible")
            char = source.get()
            if char is None:
                raise source.error("missing -, : or )")
            if char in ")-:":
                break
            if char not in FLAGS:
                msg = "unknown flag" if char.isalpha() else "missing -, : or )"
                raise source.error(msg, len(char))
    if char == ")":
        state.flags |= add_flags
        return None
    if add_flags & GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn on global flag", 1)
    if char == "-":
        char = source.get()
        if char is None:
            raise source.error("missing flag")
        if char not in FLAGS:
            msg = "unknown flag" if char.isalpha() else "missing flag"
            raise source.error(msg, len(char))
        while True:
            flag = FLAGS[char]
            if flag & TYPE_FLAGS:
                raise source.error("bad inline flags: cannot turn off flags "
                                   "'a', 'u' and 'L'")
            del_flags |= flag
            char = source.get()
            if char is None:
                raise source.error("missing :")
            if char == ":":
                break
            if char not in FLAGS:
                msg = "unknown flag" if char.isalpha() else "missing :"
                raise source.error(msg, len(char))
    if del_flags & GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn off global flag", 1)
    if add_flags & del_flags:
        raise source.error("bad inline flags: flag turned on and off", 1)
    return add_flags, del_flags


def fix_flags(src, flags):
    """Check the flags against the pattern's type; str patterns get UNICODE."""
    if isinstance(src, str):
        if flags & SRE_FLAG_LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if not flags & SRE_FLAG_ASCII:
            flags |= SRE_FLAG_UNICODE
        elif flags & SRE_FLAG_UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if flags & SRE_FLAG_UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & SRE_FLAG_LOCALE and flags & SRE_FLAG_ASCII:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    return flags


def parse(str, flags=0, state=None):
    """Parse a pattern into a SubPattern."""
    source = Tokenizer(str)
    if state is None:
        state = State()
    state.flags = flags
    state.str = str

    p = _parse_sub(source, state, flags & SRE_FLAG_VERBOSE, 0)
    p.state.flags = fix_flags(str, p.state.flags)

    if source.next is not None:
        raise source.error("unbalanced parenthesis")

    for g in p.state.grouprefpos:
        if g >= p.state.groups:
            raise error("invalid group reference %d" % g, str,
                        p.state.grouprefpos[g])

    if flags & SRE_FLAG_DEBUG:
        p.dump()
    return p


def parse_template(source, state):
    """Parse a replacement template into (groups, literals): literals is a list of
    strings with None where group number groups[i][1] goes (at index groups[i][0]).
    `state` is the compiled pattern."""
    s = Tokenizer(source)
    groups = []
    literals = []
    literal = []

    def addgroup(index, pos):
        if index > state.groups:
            raise s.error("invalid group reference %d" % index, pos)
        if literal:
            literals.append(''.join(literal))
            del literal[:]
        groups.append((len(literals), index))
        literals.append(None)

    groupindex = state.groupindex
    while True:
        this = s.get()
        if this is None:
            break
        if this[0] != "\\":
            literal.append(this)
            continue
        c = this[1]
        if c == "g":
            if not s.match("<"):
                raise s.error("missing <")
            name = s.getuntil(">", "group name")
            if name.isidentifier():
                s.checkgroupname(name, 1, -1)
                try:
                    index = groupindex[name]
                except KeyError:
                    raise IndexError("unknown group name %r" % name) from None
            else:
                try:
                    index = int(name)
                    if index < 0:
                        raise ValueError
                except ValueError:
                    raise s.error("bad character in group name %r" % name,
                                  len(name) + 1) from None
                if index >= MAXGROUPS:
                    raise s.error("invalid group reference %d" % index,
                                  len(name) + 1)
                if not (name.isdecimal() and name.isascii()):
                    _warn("bad character in group name %s at position %d" %
                          (repr(name) if s.istext else ascii(name),
                           s.tell() - len(name) - 1),
                          DeprecationWarning, 5)
            addgroup(index, len(name) + 1)
        elif c == "0":
            if s.next in OCTDIGITS:
                this += s.get()
                if s.next in OCTDIGITS:
                    this += s.get()
            literal.append(chr(int(this[1:], 8) & 0xff))
        elif c in DIGITS:
            isoctal = False
            if s.next in DIGITS:
                this += s.get()
                if (c in OCTDIGITS and this[2] in OCTDIGITS and
                        s.next in OCTDIGITS):
                    this += s.get()
                    isoctal = True
                    value = int(this[1:], 8)
                    if value > 0o377:
                        raise s.error('octal escape value %s outside of '
                                      'range 0-0o377' % this, len(this))
                    literal.append(chr(value))
            if not isoctal:
                addgroup(int(this[1:]), len(this) - 1)
        else:
            code = ESCAPES.get(this)
            if code is not None:
                this = chr(code[1])
            elif c in ASCIILETTERS:
                raise s.error('bad escape %s' % this, len(this))
            literal.append(this)
    if literal:
        literals.append(''.join(literal))
    if not isinstance(source, str):
        # The tokenizer read bytes as Latin-1: encode the literals back.
        literals = [None if lit is None else lit.encode('latin-1')
                    for lit in literals]
    return groups, literals


def expand_template(template, match):
    """Fill a parsed template with the groups of a match."""
    g = match.group
    empty = match.string[:0]
    groups, literals = template
    literals = literals[:]
    try:
        for index, group in groups:
            literals[index] = g(group) or empty
    except IndexError:
        raise error("invalid group reference %d" % index) from None
    return empty.join(literals)
