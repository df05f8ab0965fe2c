"""Dump every code object python3 compiles from a source file, in a stable text form.

Usage: python3 codedump.py FILE [--mode exec|eval|single] [--optimize N]

The Rust twin is `python/src/bin/pyrs-codedump.rs`; tests/compile_parity.rs runs both
and requires identical output.  Code objects are printed depth-first in co_consts order.
Besides the raw bytes (co_code, co_linetable, co_exceptiontable as hex), the dump lists
each instruction with its decoded position and each exception-table entry, so that a
mismatch reads like a `dis` diff.  Floats are printed as their IEEE-754 bits; strings
are JSON with ensure_ascii; frozenset members are sorted by their printed form because
their iteration order is a runtime detail.
"""
import json
import opcode
import struct
import sys


def fbits(x):
    return "0x%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def const_repr(c):
    if c is None:
        return "None"
    if c is Ellipsis:
        return "Ellipsis"
    t = type(c)
    if t is bool:
        return "True" if c else "False"
    if t is int:
        return "int %d" % c
    if t is float:
        return "float " + fbits(c)
    if t is complex:
        return "complex %s %s" % (fbits(c.real), fbits(c.imag))
    if t is str:
        return "str " + json.dumps(c, ensure_ascii=True)
    if t is bytes:
        return "bytes " + c.hex()
    if t is tuple:
        return "tuple(" + ", ".join(const_repr(x) for x in c) + ")"
    if t is frozenset:
        return "frozenset(" + ", ".join(sorted(const_repr(x) for x in c)) + ")"
    if hasattr(c, "co_code"):
        return "code " + c.co_qualname
    raise TypeError(t)


def js(x):
    return json.dumps(x, ensure_ascii=True)


def instructions(co):
    code = co.co_code
    positions = list(co.co_positions())
    out = []
    ext = 0
    for i in range(0, len(code), 2):
        op, arg = code[i], code[i + 1]
        name = opcode.opname[op]
        pos = positions[i // 2]
        full = ext << 8 | arg
        ext = full if op == opcode.EXTENDED_ARG else 0
        shown = str(full) if op >= opcode.HAVE_ARGUMENT else ""
        out.append("    %4d %-26s %-6s %s" % (i, name, shown, fmt_pos(pos)))
    return out


def fmt_pos(p):
    return "(" + ",".join("-" if v is None else str(v) for v in p) + ")"


def parse_varint(it):
    b = next(it)
    val = b & 63
    while b & 64:
        val <<= 6
        b = next(it)
        val |= b & 63
    return val


def exception_entries(co):
    it = iter(co.co_exceptiontable)
    out = []
    try:
        while True:
            start = parse_varint(it) * 2
            length = parse_varint(it) * 2
            target = parse_varint(it) * 2
            dl = parse_varint(it)
            out.append("    %d to %d -> %d [%d]%s" % (start, start + length, target, dl >> 1,
                                                 " lasti" if dl & 1 else ""))
    except StopIteration:
        pass
    return out


def dump(co, out):
    out.append("code " + co.co_qualname)
    out.append("  argcount %d posonlyargcount %d kwonlyargcount %d" % (
        co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount))
    out.append("  stacksize %d" % co.co_stacksize)
    out.append("  flags 0x%08x" % co.co_flags)
    out.append("  firstlineno %d" % co.co_firstlineno)
    out.append("  filename " + js(co.co_filename))
    out.append("  name " + js(co.co_name))
    out.append("  qualname " + js(co.co_qualname))
    out.append("  names " + js(list(co.co_names)))
    out.append("  localsplusnames " + js(localsplus_names(co)))
    out.append("  localspluskinds " + localsplus_kinds(co))
    out.append("  consts:")
    for i, c in enumerate(co.co_consts):
        out.append("    %d: %s" % (i, const_repr(c)))
    out.append("  code " + co.co_code.hex())
    out.append("  linetable " + co.co_linetable.hex())
    out.append("  exceptiontable " + co.co_exceptiontable.hex())
    out.append("  instructions:")
    out.extend(instructions(co))
    out.append("  exception entries:")
    out.extend(exception_entries(co))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            dump(c, out)


def localsplus_names(co):
    # co_varnames, co_cellvars and co_freevars are views of co_localsplusnames; a
    # cell that is also an argument appears in both co_varnames and co_cellvars, so
    # rebuild the real order from the private attribute when present.
    return list(co._co_localsplusnames) if hasattr(co, "_co_localsplusnames") else \
        list(co.co_varnames) + [n for n in co.co_cellvars if n not in co.co_varnames] + \
        list(co.co_freevars)


def localsplus_kinds(co):
    if hasattr(co, "_co_localspluskinds"):
        return bytes(co._co_localspluskinds).hex()
    kinds = []
    for n in co.co_varnames:
        k = 0x20
        if n in co.co_cellvars:
            k |= 0x40
        kinds.append(k)
    for n in co.co_cellvars:
        if n not in co.co_varnames:
            kinds.append(0x40)
    for n in co.co_freevars:
        kinds.append(0x80)
    return bytes(kinds).hex()


def main():
    args = sys.argv[1:]
    mode, optimize, path = "exec", 0, None
    while args:
        a = args.pop(0)
        if a == "--mode":
            mode = args.pop(0)
        elif a == "--optimize":
            optimize = int(args.pop(0))
        else:
            path = a
    with open(path, "rb") as f:
        source = f.read()
    co = compile(source, path, mode, dont_inherit=True, optimize=optimize)
    out = []
    dump(co, out)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
