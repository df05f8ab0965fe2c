# Hand-made code given to _sre.compile: malformed code is refused with
# RuntimeError (CPython's _validate), never run.
import _sre
import re
from re import _compiler, _parser

S = _sre.MAXREPEAT
CASES = [
    [],                                   # no SUCCESS
    [15, 0, 1],                           # JUMP 0
    [17, 0xffffffff, 1],                  # MARK beyond the groups
    [13, 100, 1],                         # IN whose skip leaves the code
    [13, 2, 16, 1],                       # IN without FAILURE
    [24, 6, 0, S, 24, 6, 0, S, 16, 97, 1, 1, 1],   # REPEAT_ONE of a REPEAT_ONE
    [11, 3, 1],                           # GROUPREF to a missing group
    [7, 0, 1],                            # BRANCH without alternatives' target
    [18, 1],                              # MAX_UNTIL alone
    [99, 1],                              # unknown opcode
    [6, 42, 1],                           # AT with a bad position code
    [14, 4, 7, 1, 1, 1],                  # INFO with PREFIX and CHARSET
]
for code in CASES:
    try:
        p = _sre.compile('x', 0, code, 0, {}, ())
        print(code, 'accepted', p.match('aaa'))
    except RuntimeError as e:
        print(code, 'RuntimeError', e)
for code in ([1 << 32, 1], [-1, 1], [1 << 64, 1], ['x', 1], [1.5, 1]):
    try:
        _sre.compile('x', 0, code, 0, {}, ())
    except (OverflowError, RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
# Every pattern the compiler makes is accepted.
for pattern in ('a|b(c)', r'(a)?(?(1)a|b)', r'(a)(?(1)x|y)', r'(?<=ab)c', '[^a-z\u0100]', r'(?>a*)+?'):
    code = _compiler._code(_parser.parse(pattern), 0)
    print(pattern, _sre.compile(pattern, 32, code, re.compile(pattern).groups, {}, ()) is not None)
