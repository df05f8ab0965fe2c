"""Internal support module for sre: parse tree to code words.

Written for pyrs after the behaviour of CPython 3.11's Lib/re/_compiler.py; the code
it produces is word for word CPython's (tests/snippets/stdlib/re_compiler_code.py
compares `_code()` with the host python3's), so the engine in modules/src/_sre runs
the same program CPython's does.
"""

import _sre
from . import _parser
from ._constants import *
from ._casefix import _EXTRA_CASES

assert _sre.MAGIC == MAGIC, "SRE module mismatch"

_LITERAL_CODES = {LITERAL, NOT_LITERAL}
_SUCCESS_CODES = {SUCCESS, FAILURE}
_ASSERT_CODES = {ASSERT, ASSERT_NOT}
_UNIT_CODES = _LITERAL_CODES | {ANY, IN}

# For each repeat of the parse tree: the general operator, the one that closes it,
# and the operator for a single-character item.
_REPEATING_CODES = {
    MIN_REPEAT: (REPEAT, MIN_UNTIL, MIN_REPEAT_ONE),
    MAX_REPEAT: (REPEAT, MAX_UNTIL, REPEAT_ONE),
    POSSESSIVE_REPEAT: (POSSESSIVE_REPEAT, SUCCESS, POSSESSIVE_REPEAT_ONE),
}


def _combine_flags(flags, add_flags, del_flags,
                   TYPE_FLAGS=_parser.TYPE_FLAGS):
    if add_flags & TYPE_FLAGS:
        flags &= ~TYPE_FLAGS
    return (flags | add_flags) & ~del_flags


def _case_functions(flags):
    """(iscased, tolower, fixes) for case-insensitive matching, or Nones."""
    if flags & SRE_FLAG_IGNORECASE and not flags & SRE_FLAG_LOCALE:
        if flags & SRE_FLAG_UNICODE:
            return _sre.unicode_iscased, _sre.unicode_tolower, _EXTRA_CASES
        return _sre.ascii_iscased, _sre.ascii_tolower, None
    return None, None, None


def _compile_literal(code, op, av, flags, iscased, tolower, fixes):
    if not flags & SRE_FLAG_IGNORECASE:
        code += [op, av]
    elif flags & SRE_FLAG_LOCALE:
        code += [OP_LOCALE_IGNORE[op], av]
    elif not iscased(av):
        code += [op, av]
    else:
        lo = tolower(av)
        if not fixes:
            code += [OP_IGNORE[op], lo]
        elif lo not in fixes:
            code += [OP_UNICODE_IGNORE[op], lo]
        else:
            # The character has case-insensitive equivalents that lower() does not
            # reach: match any of them.
            code.append(IN_UNI_IGNORE)
            skip = len(code)
            code.append(0)
            if op is NOT_LITERAL:
                code.append(NEGATE)
            for k in (lo,) + fixes[lo]:
                code += [LITERAL, k]
            code.append(FAILURE)
            code[skip] = len(code) - skip


def _compile(code, pattern, flags):
    """Append the code of a (sub)pattern's items to `code`."""
    iscased, tolower, fixes = _case_functions(flags)
    for op, av in pattern:
        if op in _LITERAL_CODES:
            _compile_literal(code, op, av, flags, iscased, tolower, fixes)
        elif op is IN:
            charset, hascased = _optimize_charset(av, iscased, tolower, fixes)
            if flags & SRE_FLAG_IGNORECASE and flags & SRE_FLAG_LOCALE:
                code.append(IN_LOC_IGNORE)
            elif not hascased:
                code.append(IN)
            elif not fixes:
                code.append(IN_IGNORE)
            else:
                code.append(IN_UNI_IGNORE)
            skip = len(code)
            code.append(0)
            _compile_charset(charset, flags, code)
            code[skip] = len(code) - skip
        elif op is ANY:
            code.append(ANY_ALL if flags & SRE_FLAG_DOTALL else ANY)
        elif op in _REPEATING_CODES:
            if flags & SRE_FLAG_TEMPLATE:
                raise error("internal: unsupported template operator %r" % (op,))
            general, until, single = _REPEATING_CODES[op]
            lo, hi, item = av
            if _simple(item):
                code.append(single)
                skip = len(code)
                code += [0, lo, hi]
                _compile(code, item, flags)
                code.append(SUCCESS)
                code[skip] = len(code) - skip
            else:
                code.append(general)
                skip = len(code)
                code += [0, lo, hi]
                _compile(code, item, flags)
                code[skip] = len(code) - skip
                code.append(until)
        elif op is SUBPATTERN:
            group, add_flags, del_flags, p = av
            if group:
                code += [MARK, (group - 1) * 2]
            _compile(code, p, _combine_flags(flags, add_flags, del_flags))
            if group:
                code += [MARK, (group - 1) * 2 + 1]
        elif op is ATOMIC_GROUP:
            # The SUCCESS at the end stops the group's repeats from backtracking
            # into it from outside.
            code.append(ATOMIC_GROUP)
            skip = len(code)
            code.append(0)
            _compile(code, av, flags)
            code.append(SUCCESS)
            code[skip] = len(code) - skip
        elif op in _SUCCESS_CODES:
            code.append(op)
        elif op in _ASSERT_CODES:
            code.append(op)
            skip = len(code)
            code.append(0)
            direction, p = av
            if direction >= 0:
                code.append(0)          # lookahead
            else:
                lo, hi = p.getwidth()
                if lo != hi:
                    raise error("look-behind requires fixed-width pattern")
                if lo > MAXCODE:
                    raise error("looks too much behind")
                code.append(lo)         # lookbehind: how far back to start
            _compile(code, p, flags)
            code.append(SUCCESS)
            code[skip] = len(code) - skip
        elif op is AT:
            if flags & SRE_FLAG_MULTILINE:
                av = AT_MULTILINE.get(av, av)
            if flags & SRE_FLAG_LOCALE:
                av = AT_LOCALE.get(av, av)
            elif flags & SRE_FLAG_UNICODE:
                av = AT_UNICODE.get(av, av)
            code += [op, av]
        elif op is BRANCH:
            code.append(op)
            jumps = []
            for alternative in av[1]:
                skip = len(code)
                code.append(0)
                _compile(code, alternative, flags)
                code.append(JUMP)
                jumps.append(len(code))
                code.append(0)
                code[skip] = len(code) - skip
            code.append(FAILURE)        # end of the branch
            for j in jumps:
                code[j] = len(code) - j
        elif op is CATEGORY:
            if flags & SRE_FLAG_LOCALE:
                av = CH_LOCALE[av]
            elif flags & SRE_FLAG_UNICODE:
                av = CH_UNICODE[av]
            code += [op, av]
        elif op is GROUPREF:
            if not flags & SRE_FLAG_IGNORECASE:
                code.append(op)
            elif flags & SRE_FLAG_LOCALE:
                code.append(GROUPREF_LOC_IGNORE)
            elif not fixes:
                code.append(GROUPREF_IGNORE)
            else:
                code.append(GROUPREF_UNI_IGNORE)
            code.append(av - 1)
        elif op is GROUPREF_EXISTS:
            condgroup, item_yes, item_no = av
            code += [op, condgroup - 1]
            skipyes = len(code)
            code.append(0)
            _compile(code, item_yes, flags)
            if item_no:
                code.append(JUMP)
                skipno = len(code)
                code.append(0)
                code[skipyes] = len(code) - skipyes + 1
                _compile(code, item_no, flags)
                code[skipno] = len(code) - skipno
            else:
                code[skipyes] = len(code) - skipyes + 1
        else:
            raise error("internal: unsupported operand type %r" % (op,))


def _compile_charset(charset, flags, code):
    """Append the code of a set's members, ending with FAILURE."""
    for op, av in charset:
        code.append(op)
        if op is NEGATE:
            pass
        elif op is LITERAL:
            code.append(av)
        elif op is RANGE or op is RANGE_UNI_IGNORE:
            code += [av[0], av[1]]
        elif op is CHARSET or op is BIGCHARSET:
            code.extend(av)
        elif op is CATEGORY:
            if flags & SRE_FLAG_LOCALE:
                code.append(CH_LOCALE[av])
            elif flags & SRE_FLAG_UNICODE:
                code.append(CH_UNICODE[av])
            else:
                code.append(av)
        else:
            raise error("internal: unsupported set operator %r" % (op,))
    code.append(FAILURE)


def _mark(charmap, ch, fixes):
    charmap[ch] = 1
    if fixes and ch in fixes:
        for k in fixes[ch]:
            charmap[k] = 1


def _optimize_charset(charset, iscased=None, fixup=None, fixes=None):
    """Rewrite a set's members as literals/ranges, a bitmap or a big bitmap;
    returns (members, hascased)."""
    out = []
    tail = []
    charmap = bytearray(256)
    hascased = False
    for op, av in charset:
        while True:
            try:
                if op is LITERAL:
                    if fixup:
                        _mark(charmap, fixup(av), fixes)
                        if not hascased and iscased(av):
                            hascased = True
                    else:
                        charmap[av] = 1
                elif op is RANGE:
                    r = range(av[0], av[1] + 1)
                    if fixup:
                        for c in r:
                            _mark(charmap, fixup(c), fixes)
                        if not hascased:
                            hascased = any(map(iscased, r))
                    else:
                        for c in r:
                            charmap[c] = 1
                elif op is NEGATE:
                    out.append((op, av))
                else:
                    tail.append((op, av))
            except IndexError:
                if len(charmap) == 256:
                    # A character beyond Latin-1: widen the map to the BMP and
                    # start this member again.
                    charmap += bytes(0xff00)
                    continue
                # A character beyond the BMP; the BMP part of a range is marked.
                if fixup:
                    hascased = True
                    # Outside the BMP, lower() and lower().upper() are single
                    # characters, so LITERAL and RANGE_UNI_IGNORE match every
                    # case variant.
                    if op is RANGE:
                        op = RANGE_UNI_IGNORE
                tail.append((op, av))
            break

    # At most two runs of set characters: literals and ranges.
    runs = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))
            break
        runs.append((p, q))
    if runs is not None:
        for p, q in runs:
            if q - p == 1:
                out.append((LITERAL, p))
            else:
                out.append((RANGE, (p, q - 1)))
        out += tail
        if hascased or len(out) < len(charset):
            return out, hascased
        return charset, hascased

    if len(charmap) == 256:
        out.append((CHARSET, _mk_bitmap(charmap)))
        out += tail
        return out, hascased

    # A big set: the BMP bitmap cut into 256-character chunks, identical chunks
    # shared. The code holds the number of distinct chunks, 256 chunk numbers (a
    # byte each, packed into 64 words) and the chunks' bitmaps (8 words each).
    charmap = bytes(charmap)
    chunk_numbers = {}
    mapping = bytearray(256)
    data = bytearray()
    for i in range(0, 65536, 256):
        chunk = charmap[i: i + 256]
        number = chunk_numbers.get(chunk)
        if number is None:
            number = chunk_numbers[chunk] = len(chunk_numbers)
            data += chunk
        mapping[i // 256] = number
    words = _mk_bitmap(data)
    words[0:0] = [len(chunk_numbers)] + _bytes_to_codes(mapping)
    out.append((BIGCHARSET, words))
    out += tail
    return out, hascased


_CODEBITS = _sre.CODESIZE * 8
MAXCODE = (1 << _CODEBITS) - 1


def _mk_bitmap(bits, _CODEBITS=_CODEBITS):
    """Pack a sequence of 0/1 bytes into code words, least significant bit first."""
    words = []
    for base in range(0, len(bits), _CODEBITS):
        word = 0
        chunk = bits[base: base + _CODEBITS]
        for i in range(len(chunk) - 1, -1, -1):
            word = (word << 1) | (1 if chunk[i] else 0)
        words.append(word)
    return words


def _bytes_to_codes(b):
    """Bytes to native-endian code words (pyrs's engine reads them back as
    little-endian, the byte order of the machines it runs on)."""
    size = _sre.CODESIZE
    return [int.from_bytes(b[i: i + size], 'little')
            for i in range(0, len(b), size)]


def _simple(p):
    """Is this subpattern a single-character item?"""
    if len(p) != 1:
        return False
    op, av = p[0]
    if op is SUBPATTERN:
        return av[0] is None and _simple(av[-1])
    return op in _UNIT_CODES


def _generate_overlap_table(prefix):
    """The Knuth-Morris-Pratt failure table of the prefix: overlap[i] is the length
    of the longest proper prefix of prefix[:i+1] that is also its suffix."""
    table = [0] * len(prefix)
    for i in range(1, len(prefix)):
        idx = table[i - 1]
        while prefix[i] != prefix[idx]:
            if idx == 0:
                table[i] = 0
                break
            idx = table[idx - 1]
        else:
            table[i] = idx + 1
    return table


def _get_iscased(flags):
    if not flags & SRE_FLAG_IGNORECASE:
        return None
    if flags & SRE_FLAG_UNICODE:
        return _sre.unicode_iscased
    return _sre.ascii_iscased


def _get_literal_prefix(pattern, flags):
    """(prefix, prefix_skip, got_all): the literal characters every match starts
    with."""
    prefix = []
    prefix_skip = None
    iscased = _get_iscased(flags)
    for op, av in pattern.data:
        if op is LITERAL:
            if iscased and iscased(av):
                break
            prefix.append(av)
        elif op is SUBPATTERN:
            group, add_flags, del_flags, p = av
            flags1 = _combine_flags(flags, add_flags, del_flags)
            if flags1 & SRE_FLAG_IGNORECASE and flags1 & SRE_FLAG_LOCALE:
                break
            prefix1, prefix_skip1, got_all = _get_literal_prefix(p, flags1)
            if prefix_skip is None:
                if group is not None:
                    prefix_skip = len(prefix)
                elif prefix_skip1 is not None:
                    prefix_skip = len(prefix) + prefix_skip1
            prefix.extend(prefix1)
            if not got_all:
                break
        else:
            break
    else:
        return prefix, prefix_skip, True
    return prefix, prefix_skip, False


def _get_charset_prefix(pattern, flags):
    """The set of characters every match starts with, or None."""
    while True:
        if not pattern.data:
            return None
        op, av = pattern.data[0]
        if op is not SUBPATTERN:
            break
        group, add_flags, del_flags, pattern = av
        flags = _combine_flags(flags, add_flags, del_flags)
        if flags & SRE_FLAG_IGNORECASE and flags & SRE_FLAG_LOCALE:
            return None

    iscased = _get_iscased(flags)
    if op is LITERAL:
        if iscased and iscased(av):
            return None
        return [(op, av)]
    if op is BRANCH:
        charset = []
        for p in av[1]:
            if not p:
                return None
            op1, av1 = p[0]
            if op1 is LITERAL and not (iscased and iscased(av1)):
                charset.append((op1, av1))
            else:
                return None
        return charset
    if op is IN:
        if iscased:
            for op1, av1 in av:
                if op1 is LITERAL:
                    if iscased(av1):
                        return None
                elif op1 is RANGE:
                    if av1[1] > 0xffff:
                        return None
                    if any(map(iscased, range(av1[0], av1[1] + 1))):
                        return None
        return av
    return None


def _compile_info(code, pattern, flags):
    """The INFO block: the width bounds and a literal prefix or a first-character
    set, which let the search skip ahead."""
    lo, hi = pattern.getwidth()
    if hi > MAXCODE:
        hi = MAXCODE
    if lo == 0:
        code.extend([INFO, 4, 0, lo, hi])
        return
    prefix = []
    prefix_skip = 0
    charset = []
    if not (flags & SRE_FLAG_IGNORECASE and flags & SRE_FLAG_LOCALE):
        prefix, prefix_skip, got_all = _get_literal_prefix(pattern, flags)
        if not prefix:
            charset = _get_charset_prefix(pattern, flags)
    code.append(INFO)
    skip = len(code)
    code.append(0)
    mask = 0
    if prefix:
        mask = SRE_INFO_PREFIX
        if prefix_skip is None and got_all:
            mask |= SRE_INFO_LITERAL
    elif charset:
        mask |= SRE_INFO_CHARSET
    code.append(mask)
    if lo < MAXCODE:
        code.append(lo)
    else:
        code.append(MAXCODE)
        prefix = prefix[:MAXCODE]
    code.append(hi)
    if prefix:
        code.append(len(prefix))
        if prefix_skip is None:
            prefix_skip = len(prefix)
        code.append(prefix_skip)
        code.extend(prefix)
        code.extend(_generate_overlap_table(prefix))
    elif charset:
        charset, hascased = _optimize_charset(charset)
        _compile_charset(charset, flags, code)
    code[skip] = len(code) - skip


def isstring(obj):
    return isinstance(obj, (str, bytes))


def _code(p, flags):
    flags = p.state.flags | flags
    code = []
    _compile_info(code, p, flags)
    _compile(code, p.data, flags)
    code.append(SUCCESS)
    return code


def _hex_code(code):
    return '[%s]' % ', '.join('%#0*x' % (_sre.CODESIZE * 2 + 2, x) for x in code)


def dis(code):
    """Print the code as re.DEBUG shows it."""
    labels = set()
    level = 0
    offset_width = len(str(len(code) - 1))

    def dis_(start, end):
        nonlocal level

        def print_(*args, to=None):
            if to is not None:
                labels.add(to)
                args += ('(to %d)' % (to,),)
            print('%*d%s ' % (offset_width, start, ':' if start in labels else '.'),
                  end='  ' * (level - 1))
            print(*args)

        def print_2(*args):
            print(end=' ' * (offset_width + 2 * level))
            print(*args)

        level += 1
        i = start
        while i < end:
            start = i
            op = OPCODES[code[i]]
            i += 1
            if op in (SUCCESS, FAILURE, ANY, ANY_ALL, MAX_UNTIL, MIN_UNTIL, NEGATE):
                print_(op)
            elif op in (LITERAL, NOT_LITERAL, LITERAL_IGNORE, NOT_LITERAL_IGNORE,
                        LITERAL_UNI_IGNORE, NOT_LITERAL_UNI_IGNORE,
                        LITERAL_LOC_IGNORE, NOT_LITERAL_LOC_IGNORE):
                arg = code[i]
                i += 1
                print_(op, '%#02x (%r)' % (arg, chr(arg)))
            elif op is AT:
                arg = str(ATCODES[code[i]])
                i += 1
                print_(op, arg[3:])
            elif op is CATEGORY:
                arg = str(CHCODES[code[i]])
                i += 1
                print_(op, arg[9:])
            elif op in (IN, IN_IGNORE, IN_UNI_IGNORE, IN_LOC_IGNORE):
                skip = code[i]
                print_(op, skip, to=i + skip)
                dis_(i + 1, i + skip)
                i += skip
            elif op in (RANGE, RANGE_UNI_IGNORE):
                lo, hi = code[i: i + 2]
                i += 2
                print_(op, '%#02x %#02x (%r-%r)' % (lo, hi, chr(lo), chr(hi)))
            elif op is CHARSET:
                print_(op, _hex_code(code[i: i + 256 // _CODEBITS]))
                i += 256 // _CODEBITS
            elif op is BIGCHARSET:
                arg = code[i]
                i += 1
                mapping = []
                for word in code[i: i + 256 // _sre.CODESIZE]:
                    mapping += list(word.to_bytes(_sre.CODESIZE, 'little'))
                print_(op, arg, mapping)
                i += 256 // _sre.CODESIZE
                level += 1
                for _ in range(arg):
                    print_2(_hex_code(code[i: i + 256 // _CODEBITS]))
                    i += 256 // _CODEBITS
                level -= 1
            elif op in (MARK, GROUPREF, GROUPREF_IGNORE, GROUPREF_UNI_IGNORE,
                        GROUPREF_LOC_IGNORE):
                arg = code[i]
                i += 1
                print_(op, arg)
            elif op is JUMP:
                skip = code[i]
                print_(op, skip, to=i + skip)
                i += 1
            elif op is BRANCH:
                skip = code[i]
                print_(op, skip, to=i + skip)
                while skip:
                    dis_(i + 1, i + skip)
                    i += skip
                    start = i
                    skip = code[i]
                    if skip:
                        print_('branch', skip, to=i + skip)
                    else:
                        print_(FAILURE)
                i += 1
            elif op in (REPEAT, REPEAT_ONE, MIN_REPEAT_ONE,
                        POSSESSIVE_REPEAT, POSSESSIVE_REPEAT_ONE):
                skip, lo, hi = code[i: i + 3]
                if hi == MAXREPEAT:
                    hi = 'MAXREPEAT'
                print_(op, skip, lo, hi, to=i + skip)
                dis_(i + 3, i + skip)
                i += skip
            elif op is GROUPREF_EXISTS:
                arg, skip = code[i: i + 2]
                print_(op, arg, skip, to=i + skip)
                i += 2
            elif op in (ASSERT, ASSERT_NOT):
                skip, arg = code[i: i + 2]
                print_(op, skip, arg, to=i + skip)
                dis_(i + 2, i + skip)
                i += skip
            elif op is ATOMIC_GROUP:
                skip = code[i]
                print_(op, skip, to=i + skip)
                dis_(i + 1, i + skip)
                i += skip
            elif op is INFO:
                skip, flags, lo, hi = code[i: i + 4]
                if hi == MAXREPEAT:
                    hi = 'MAXREPEAT'
                print_(op, skip, bin(flags), lo, hi, to=i + skip)
                start = i + 4
                if flags & SRE_INFO_PREFIX:
                    prefix_len, prefix_skip = code[i + 4: i + 6]
                    print_2('  prefix_skip', prefix_skip)
                    start = i + 6
                    prefix = code[start: start + prefix_len]
                    print_2('  prefix',
                            '[%s]' % ', '.join('%#02x' % x for x in prefix),
                            '(%r)' % ''.join(map(chr, prefix)))
                    start += prefix_len
                    print_2('  overlap', code[start: start + prefix_len])
                    start += prefix_len
                if flags & SRE_INFO_CHARSET:
                    level += 1
                    print_2('in')
                    dis_(start, i + skip)
                    level -= 1
                i += skip
            else:
                raise ValueError(op)
        level -= 1

    dis_(0, len(code))


def compile(p, flags=0):
    """Compile a pattern (source or parse tree) into an re.Pattern."""
    if isstring(p):
        pattern = p
        p = _parser.parse(p, flags)
    else:
        pattern = None

    code = _code(p, flags)

    if flags & SRE_FLAG_DEBUG:
        print()
        dis(code)

    groupindex = p.state.groupdict
    indexgroup = [None] * p.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name

    return _sre.compile(
        pattern, flags | p.state.flags, code,
        p.state.groups - 1,
        groupindex, tuple(indexgroup))
