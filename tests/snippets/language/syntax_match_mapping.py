# Mapping patterns: complex literals as keys must be real +/- imaginary, and
# `**_` is not a capture target.
def tryit(src):
    try:
        compile(src, "f", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

for pattern in ["{**_}", "{1: a, **_}", "{1: a, ** _ }", "{0+0: _}", "{0j+0: _}", "{0j+0j: _}",
                "{1: 0+0, 0j+0: _}", "{-1+2j: _, **rest}", "{1: 2+3, 4: _}", "0+0", "{'**': _}"]:
    tryit(f"match x:\n    case {pattern}:\n        pass\n")
