"""Disassembler for CPython 3.11 bytecode. Mirrors Lib/dis.py (CPython 3.11).

The output is meant to be byte-for-byte what CPython 3.11.7's `dis` prints for
the same code object; tests/dis/check_dis.py holds it to that.

Differences from CPython, all because this module must run on a young pyrs:
- It imports only `sys` and `opcode`. Code objects, functions, methods,
  generators and classes are recognised by their attributes (duck typing), not
  through the `types` module.
- Nothing here is a generator. Functions that CPython writes as generators
  build a list and return `iter(list)`, so callers see an iterator either way.
- `Instruction`, `Positions` and `_ExceptionTableEntry` are small classes
  that behave like CPython's named tuples (fields, iteration, indexing,
  equality with tuples, `_replace`, `_asdict`) rather than `namedtuple`s.
- The local-variable names behind LOAD_FAST and friends are computed from
  co_varnames, co_cellvars and co_freevars instead of calling the private
  `code._varname_from_oparg`.
- `python -m dis` parses its command line by hand instead of with argparse,
  printing argparse's usage and error messages for the cases it handles.
"""

import sys
import opcode

# dis re-exports the opcode module's public names, as CPython's does.
cmp_op = opcode.cmp_op
hasconst = opcode.hasconst
hasname = opcode.hasname
hasjrel = opcode.hasjrel
hasjabs = opcode.hasjabs
haslocal = opcode.haslocal
hascompare = opcode.hascompare
hasfree = opcode.hasfree
hasnargs = opcode.hasnargs
opname = opcode.opname
opmap = opcode.opmap
HAVE_ARGUMENT = opcode.HAVE_ARGUMENT
EXTENDED_ARG = opcode.EXTENDED_ARG
if hasattr(opcode, "stack_effect"):
    stack_effect = opcode.stack_effect
_cache_format = opcode._cache_format
_inline_cache_entries = opcode._inline_cache_entries
_nb_ops = opcode._nb_ops
_specializations = opcode._specializations
_specialized_instructions = opcode._specialized_instructions

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode"] + opcode.__all__

FORMAT_VALUE = opmap["FORMAT_VALUE"]
# FORMAT_VALUE's low two bits pick the conversion (none, !s, !r, !a); bit 2
# says a format spec is on the stack.
FORMAT_VALUE_CONVERTERS = (
    (None, ""),
    (str, "str"),
    (repr, "repr"),
    (ascii, "ascii"),
)
MAKE_FUNCTION = opmap["MAKE_FUNCTION"]
# MAKE_FUNCTION's argument bits, lowest first: what the stack holds besides
# the code object.
MAKE_FUNCTION_FLAGS = ("defaults", "kwdefaults", "annotations", "closure")

LOAD_CONST = opmap["LOAD_CONST"]
LOAD_GLOBAL = opmap["LOAD_GLOBAL"]
BINARY_OP = opmap["BINARY_OP"]
JUMP_BACKWARD = opmap["JUMP_BACKWARD"]
CACHE = opmap["CACHE"]


def _build_full_tables():
    """Give each specialised instruction a name and number.

    The opcode module names only the base instructions. The adaptive
    interpreter writes specialised forms into unused opcode numbers, handed
    out in order to the free slots ("<N>" names) in the order of
    opcode._specialized_instructions. dis needs those names to show
    `adaptive=True` code.
    """
    names = list(opname)
    numbers = dict(opmap)
    for number, name in zip(_empty_slot, _specialized_instructions):
        names[number] = name
        numbers[name] = number
    return names, numbers


# Opcode numbers the base instruction set leaves unused.
_empty_slot = []
for _number, _name in enumerate(opname):
    if _name.startswith("<"):
        _empty_slot.append(_number)
del _number, _name

_all_opname, _all_opmap = _build_full_tables()

# Specialised instruction name -> the base instruction it stands in for.
deoptmap = {}
for _base, _family in _specializations.items():
    for _specialised in _family:
        deoptmap[_specialised] = _base
del _base, _family, _specialised


def _deoptop(op):
    """The base opcode behind a possibly specialised one."""
    name = _all_opname[op]
    if name in deoptmap:
        return _all_opmap[deoptmap[name]]
    return op


# Column widths of the disassembly listing.
_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5

# The interpreter keeps an oparg in a C int: EXTENDED_ARG prefixes that push it
# past 31 bits wrap around to negative numbers, and dis shows the same.
_INT_BITS = 32
_INT_OVERFLOW = 2 ** (_INT_BITS - 1)


class _Unknown:
    """Stands for an argument value dis cannot work out (e.g. no co_consts)."""

    def __repr__(self):
        return "<unknown>"


UNKNOWN = _Unknown()


class _Record:
    """A tiny stand-in for collections.namedtuple.

    Subclasses list their field names in `_fields` and set one attribute per
    field in __init__. Records iterate, index and compare like the tuple of
    their fields, so code written against CPython's named tuples keeps working.
    """

    _fields = ()

    def _astuple(self):
        values = []
        for name in self._fields:
            values.append(getattr(self, name))
        return tuple(values)

    def __iter__(self):
        return iter(self._astuple())

    def __len__(self):
        return len(self._fields)

    def __getitem__(self, index):
        return self._astuple()[index]

    def __eq__(self, other):
        if isinstance(other, _Record):
            other = other._astuple()
        if isinstance(other, tuple):
            return self._astuple() == other
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __hash__(self):
        return hash(self._astuple())

    def __repr__(self):
        parts = []
        for name in self._fields:
            parts.append(name + "=" + repr(getattr(self, name)))
        return self.__class__.__name__ + "(" + ", ".join(parts) + ")"

    def _asdict(self):
        result = {}
        for name in self._fields:
            result[name] = getattr(self, name)
        return result

    def _replace(self, **changes):
        values = []
        for name in self._fields:
            if name in changes:
                values.append(changes.pop(name))
            else:
                values.append(getattr(self, name))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return self.__class__(*values)


class Positions(_Record):
    """The span of source an instruction came from (any field may be None)."""

    _fields = ("lineno", "end_lineno", "col_offset", "end_col_offset")

    def __init__(self, lineno=None, end_lineno=None, col_offset=None,
                 end_col_offset=None):
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.col_offset = col_offset
        self.end_col_offset = end_col_offset


class _ExceptionTableEntry(_Record):
    """One row of co_exceptiontable, in byte offsets.

    Instructions in [start, end) that raise jump to `target` with the value
    stack cut to `depth` items; `lasti` says the raising offset is pushed too.
    """

    _fields = ("start", "end", "target", "depth", "lasti")

    def __init__(self, start, end, target, depth, lasti):
        self.start = start
        self.end = end
        self.target = target
        self.depth = depth
        self.lasti = lasti


class _Instruction(_Record):
    """The fields of an Instruction (CPython's named-tuple base class).

       opname - human readable name for operation
       opcode - numeric code for operation
       arg - numeric argument to operation (if any), otherwise None
       argval - resolved arg value (if known), otherwise same as arg
       argrepr - human readable description of operation argument
       offset - start index of operation within bytecode sequence
       starts_line - line started by this opcode (if any), otherwise None
       is_jump_target - True if other code jumps to here, otherwise False
       positions - a dis.Positions with the source span of this instruction
    """

    _fields = ("opname", "opcode", "arg", "argval", "argrepr", "offset",
               "starts_line", "is_jump_target", "positions")

    def __init__(self, opname, opcode, arg, argval, argrepr, offset,
                 starts_line, is_jump_target, positions=None):
        self.opname = opname
        self.opcode = opcode
        self.arg = arg
        self.argval = argval
        self.argrepr = argrepr
        self.offset = offset
        self.starts_line = starts_line
        self.is_jump_target = is_jump_target
        self.positions = positions


class Instruction(_Instruction):
    """Details for a bytecode operation; see _Instruction for the fields."""

    def _disassemble(self, lineno_width=3, mark_as_current=False,
                     offset_width=4):
        """Format this instruction as one line of a disassembly listing.

        lineno_width is the width of the line-number column (0 leaves the
        column out), mark_as_current puts a '-->' arrow on the line, and
        offset_width is the width of the offset column.
        """
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append(str(self.starts_line).rjust(lineno_width))
            else:
                fields.append(" " * lineno_width)
        if mark_as_current:
            fields.append("-->")
        else:
            fields.append("   ")
        if self.is_jump_target:
            fields.append(">>")
        else:
            fields.append("  ")
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append("(" + self.argrepr + ")")
        # Instructions without an argument leave trailing padding; drop it.
        return " ".join(fields).rstrip()


class _StringWriter:
    """Collects what print() writes, for Bytecode.dis() (no io module here)."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def getvalue(self):
        return "".join(self.parts)


# Flag bits of co_flags, by name. pretty_flags uses it; inspect reads it to
# build its CO_* constants.
COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    cleared = False
    for bit in range(32):
        flag = 1 << bit
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, f"{flag:#x}"))
            flags ^= flag
            if not flags:
                cleared = True
                break
    # Whatever is left (bits above 31, or a zero flags word) is shown in hex.
    if not cleared:
        names.append(f"{flags:#x}")
    return ", ".join(names)


def _try_compile(source, name):
    """Compile source as an expression if it is one, else as statements."""
    try:
        return compile(source, name, "eval")
    except SyntaxError:
        pass
    return compile(source, name, "exec")


def _unwrap(x):
    """Reach the code-carrying object inside methods, functions, generators.

    A bound method or classmethod/staticmethod wraps a function in
    `__func__`; a function holds its code in `__code__`; generators,
    async generators and coroutines in `gi_code`, `ag_code` and `cr_code`.
    """
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    elif hasattr(x, "ag_code"):
        x = x.ag_code
    elif hasattr(x, "cr_code"):
        x = x.cr_code
    return x


def _is_code(x):
    return hasattr(x, "co_code")


def _has_code(x):
    """Whether dis() on a class or module should disassemble member x.

    CPython accepts methods, functions, code objects, classmethods,
    staticmethods and classes; all but classes are recognised by the
    attribute holding their code or function.
    """
    if isinstance(x, type):
        return True
    return hasattr(x, "__func__") or hasattr(x, "__code__") or _is_code(x)


def _type_error(x):
    return TypeError(
        f"don't know how to disassemble {type(x).__name__} objects")


def _get_code_object(x):
    """Turn methods, functions, generators, code or source into a code object."""
    x = _unwrap(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if _is_code(x):
        return x
    raise _type_error(x)


def _get_code_array(co, adaptive):
    # _co_code_adaptive is the live, possibly specialised bytecode; co_code
    # is the same code with every instruction turned back to its base form.
    if adaptive:
        return co._co_code_adaptive
    return co.co_code


def _varname_from_oparg(co):
    """A function mapping a local/cell/free oparg to its variable name.

    In 3.11 these opargs index "fast locals plus": the plain locals, then the
    cell variables that are not also arguments (a cell argument keeps its
    argument slot), then the free variables.
    """
    varnames = list(co.co_varnames)
    names = list(varnames)
    for name in co.co_cellvars:
        if name not in varnames:
            names.append(name)
    for name in co.co_freevars:
        names.append(name)

    def lookup(index):
        return names[index]

    return lookup


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, and other compiled objects.

    With no argument, disassemble the last traceback. Generators, async
    generators and coroutines are disassembled through their code object.
    Classes and modules have each of their code-carrying members shown in
    name order.
    """
    if x is None:
        distb(file=file, show_caches=show_caches, adaptive=adaptive)
        return
    x = _unwrap(x)
    if hasattr(x, "__dict__"):
        # A class or module: walk its members in name order.
        for name, member in sorted(x.__dict__.items()):
            if _has_code(member):
                print(f"Disassembly of {name}:", file=file)
                try:
                    dis(member, file=file, depth=depth,
                        show_caches=show_caches, adaptive=adaptive)
                except TypeError as exc:
                    print("Sorry:", exc, file=file)
                print(file=file)
    elif _is_code(x):
        _disassemble_recursive(x, file=file, depth=depth,
                               show_caches=show_caches, adaptive=adaptive)
    elif isinstance(x, (bytes, bytearray)):
        _disassemble_bytes(x, file=file, show_caches=show_caches)
    elif isinstance(x, str):
        _disassemble_str(x, file=file, depth=depth,
                         show_caches=show_caches, adaptive=adaptive)
    else:
        raise _type_error(x)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file,
                show_caches=show_caches, adaptive=adaptive)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = [
        f"Name:              {co.co_name}",
        f"Filename:          {co.co_filename}",
        f"Argument count:    {co.co_argcount}",
        f"Positional-only arguments: {co.co_posonlyargcount}",
        f"Kw-only arguments: {co.co_kwonlyargcount}",
        f"Number of locals:  {co.co_nlocals}",
        f"Stack size:        {co.co_stacksize}",
        f"Flags:             {pretty_flags(co.co_flags)}",
    ]
    if co.co_consts:
        lines.append("Constants:")
        for index, value in enumerate(co.co_consts):
            lines.append(f"{index:4d}: {value!r}")
    # Names are shown with str(), constants with repr().
    sections = [
        ("Names:", co.co_names),
        ("Variable names:", co.co_varnames),
        ("Free variables:", co.co_freevars),
        ("Cell variables:", co.co_cellvars),
    ]
    for title, names in sections:
        if names:
            lines.append(title)
            for index, name in enumerate(names):
                lines.append(f"{index:4d}: {name}")
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*.

    If *file* is not provided, the output is printed on stdout.
    """
    print(code_info(co), file=file)


def _parse_varint(table, pos):
    """Read one exception-table varint starting at table[pos].

    Each byte carries 6 bits of value, most significant group first; bit 6
    (64) says another byte follows, and bit 7 marks the start of an entry,
    which the value ignores. Returns (value, next_pos), or (None, pos) if the
    table ends first.
    """
    if pos >= len(table):
        return None, pos
    byte = table[pos]
    pos += 1
    value = byte & 63
    while byte & 64:
        if pos >= len(table):
            return None, pos
        byte = table[pos]
        pos += 1
        value = (value << 6) | (byte & 63)
    return value, pos


def _parse_exception_table(code):
    """Decode co_exceptiontable into _ExceptionTableEntry rows.

    Each entry is four varints: start and length in code units, the handler
    in code units, and depth*2 + lasti. A truncated final entry is dropped.
    """
    table = code.co_exceptiontable
    entries = []
    pos = 0
    while True:
        fields = []
        for _ in range(4):
            value, pos = _parse_varint(table, pos)
            if value is None:
                return entries
            fields.append(value)
        start = fields[0] * 2
        end = start + fields[1] * 2
        target = fields[2] * 2
        depth = fields[3] >> 1
        lasti = bool(fields[3] & 1)
        entries.append(_ExceptionTableEntry(start, end, target, depth, lasti))


def _is_backward_jump(op):
    # JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT and POP_JUMP_BACKWARD_IF_*
    # count their argument backwards from the next instruction.
    return "JUMP_BACKWARD" in opname[op]


def _unpack_opargs(code):
    """List (offset, opcode, arg) for each instruction in a bytecode string.

    EXTENDED_ARG prefixes are folded into the following argument (and also
    listed themselves); inline CACHE units are skipped. arg is None for
    opcodes below HAVE_ARGUMENT.
    """
    result = []
    extended_arg = 0
    caches = 0
    for i in range(0, len(code), 2):
        if caches:
            caches -= 1
            continue
        op = code[i]
        deop = _deoptop(op)
        caches = _inline_cache_entries[deop]
        if deop >= HAVE_ARGUMENT:
            arg = code[i + 1] | extended_arg
            if deop == EXTENDED_ARG:
                extended_arg = arg << 8
            else:
                extended_arg = 0
            if extended_arg >= _INT_OVERFLOW:
                extended_arg -= 2 * _INT_OVERFLOW
        else:
            arg = None
            extended_arg = 0
        result.append((i, op, arg))
    return result


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets.

    Return the list of offsets.
    """
    # CPython tests the opcode as found, not its base form, so a specialised
    # jump (JUMP_BACKWARD_QUICK in adaptive code) marks no label; we match it.
    labels = []
    for offset, op, arg in _unpack_opargs(code):
        if arg is None:
            continue
        if op in hasjrel:
            if _is_backward_jump(op):
                arg = -arg
            label = offset + 2 + arg * 2
        elif op in hasjabs:
            label = arg * 2
        else:
            continue
        if label not in labels:
            labels.append(label)
    return labels


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source.

    Return an iterator of (offset, lineno) pairs.
    """
    pairs = []
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            pairs.append((start, line))
    return iter(pairs)


def _get_const_value(op, arg, co_consts):
    """The constant an instruction refers to, or UNKNOWN.

    Only LOAD_CONST is resolved; KW_NAMES is in hasconst too but CPython 3.11
    leaves its value unknown, and so do we.
    """
    if op == LOAD_CONST and co_consts is not None:
        return co_consts[arg]
    return UNKNOWN


def _get_const_info(op, arg, co_consts):
    argval = _get_const_value(op, arg, co_consts)
    if argval is UNKNOWN:
        return argval, ""
    return argval, repr(argval)


def _get_name_info(name_index, get_name):
    """(value, repr) for a name operand, or (UNKNOWN, '') with no lookup."""
    if get_name is None:
        return UNKNOWN, ""
    name = get_name(name_index)
    return name, name


class _PositionStream:
    """Hands out co_positions() entries one code unit at a time.

    Once the source runs dry every further unit gets an all-None Positions.
    """

    def __init__(self, source):
        self.items = [] if source is None else list(source)
        self.index = 0

    def take(self):
        if self.index >= len(self.items):
            return Positions()
        lineno, end_lineno, col, end_col = self.items[self.index]
        self.index += 1
        return Positions(lineno, end_lineno, col, end_col)


def _describe_arg(deop, arg, offset, get_name, varname_from_oparg, co_consts):
    """Resolve an instruction's argument: returns (argval, argrepr).

    deop is the base form of the opcode, so specialised instructions read
    their argument exactly as the instruction they stand in for.
    """
    if deop in hasconst:
        return _get_const_info(deop, arg, co_consts)
    if deop in hasname:
        if deop == LOAD_GLOBAL:
            # The low bit asks LOAD_GLOBAL to push NULL before the global,
            # ready for a call; the name index is in the other bits.
            argval, argrepr = _get_name_info(arg // 2, get_name)
            if (arg & 1) and argrepr:
                argrepr = "NULL + " + argrepr
            return argval, argrepr
        return _get_name_info(arg, get_name)
    if deop in hasjabs:
        argval = arg * 2
        return argval, "to " + repr(argval)
    if deop in hasjrel:
        # Relative jumps count code units from the next instruction.
        if _is_backward_jump(deop):
            argval = offset + 2 - arg * 2
        else:
            argval = offset + 2 + arg * 2
        return argval, "to " + repr(argval)
    if deop in haslocal or deop in hasfree:
        return _get_name_info(arg, varname_from_oparg)
    if deop in hascompare:
        return cmp_op[arg], cmp_op[arg]
    if deop == FORMAT_VALUE:
        converter, argrepr = FORMAT_VALUE_CONVERTERS[arg & 0x3]
        has_spec = bool(arg & 0x4)
        if has_spec:
            if argrepr:
                argrepr += ", "
            argrepr += "with format"
        return (converter, has_spec), argrepr
    if deop == MAKE_FUNCTION:
        present = []
        for bit, flag_name in enumerate(MAKE_FUNCTION_FLAGS):
            if arg & (1 << bit):
                present.append(flag_name)
        return arg, ", ".join(present)
    if deop == BINARY_OP:
        return arg, _nb_ops[arg][1]
    return arg, ""


def _instruction_list(code, varname_from_oparg=None, names=None,
                      co_consts=None, linestarts=None, line_offset=0,
                      exception_entries=(), co_positions=None,
                      show_caches=False):
    """The work behind _get_instructions_bytes, as a list of Instructions."""
    get_name = None
    if names is not None:
        def get_name(index):
            return names[index]
    labels = set(findlabels(code))
    # Exception handlers count as jump targets in listings.
    for start, end, target, _depth, _lasti in exception_entries:
        if end > start:
            labels.add(target)
    positions = _PositionStream(co_positions)
    result = []
    starts_line = None
    for offset, op, arg in _unpack_opargs(code):
        if linestarts is not None:
            starts_line = linestarts.get(offset, None)
            if starts_line is not None:
                starts_line += line_offset
        deop = _deoptop(op)
        argval = None
        argrepr = ""
        if arg is not None:
            argval, argrepr = _describe_arg(deop, arg, offset, get_name,
                                            varname_from_oparg, co_consts)
        result.append(Instruction(_all_opname[op], op, arg, argval, argrepr,
                                  offset, starts_line, offset in labels,
                                  positions.take()))
        caches = _inline_cache_entries[deop]
        if not caches:
            continue
        if not show_caches:
            # Cache units still have positions; skip past them.
            for _ in range(caches):
                positions.take()
            continue
        for field_name, size in _cache_format[opname[deop]].items():
            for i in range(size):
                offset += 2
                # Name the field and show its value on its first unit, but
                # only once the instruction is specialised: before that the
                # caches hold nothing meaningful.
                if i == 0 and op != deop:
                    data = code[offset:offset + 2 * size]
                    value = int.from_bytes(data, sys.byteorder)
                    cache_repr = f"{field_name}: {value}"
                else:
                    cache_repr = ""
                result.append(Instruction("CACHE", CACHE, 0, None, cache_repr,
                                          offset, None, False,
                                          positions.take()))
    return result


def _get_instructions_bytes(code, varname_from_oparg=None, names=None,
                            co_consts=None, linestarts=None, line_offset=0,
                            exception_entries=(), co_positions=None,
                            show_caches=False):
    """Iterate over the instructions in a bytecode string.

    Gives an Instruction for each operation. Names, constants, line starts,
    exception-table entries and source positions of the surrounding code
    object may be passed to resolve arguments and mark lines and targets.
    """
    return iter(_instruction_list(code, varname_from_oparg, names, co_consts,
                                  linestarts, line_offset, exception_entries,
                                  co_positions, show_caches))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code

    Gives an Instruction for each operation in the code. If first_line is
    not None, line numbers are shifted so the code's first line reads as
    first_line. Exception handlers are not marked as jump targets here,
    exactly as in CPython 3.11 (Bytecode iteration does mark them).
    """
    co = _get_code_object(x)
    linestarts = dict(findlinestarts(co))
    if first_line is not None:
        line_offset = first_line - co.co_firstlineno
    else:
        line_offset = 0
    return _get_instructions_bytes(_get_code_array(co, adaptive),
                                   _varname_from_oparg(co),
                                   co.co_names, co.co_consts,
                                   linestarts, line_offset,
                                   co_positions=co.co_positions(),
                                   show_caches=show_caches)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    linestarts = dict(findlinestarts(co))
    exception_entries = _parse_exception_table(co)
    _disassemble_bytes(_get_code_array(co, adaptive), lasti,
                       _varname_from_oparg(co), co.co_names, co.co_consts,
                       linestarts, file=file,
                       exception_entries=exception_entries,
                       co_positions=co.co_positions(),
                       show_caches=show_caches)


# Kept for backwards compatibility, as in CPython.
disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None, show_caches=False,
                           adaptive=False):
    disassemble(co, file=file, show_caches=show_caches, adaptive=adaptive)
    # depth None means no limit; otherwise each level of nesting uses one.
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for const in co.co_consts:
            if _is_code(const):
                print(file=file)
                print(f"Disassembly of {const!r}:", file=file)
                _disassemble_recursive(const, file=file, depth=depth,
                                       show_caches=show_caches,
                                       adaptive=adaptive)


def _disassemble_bytes(code, lasti=-1, varname_from_oparg=None, names=None,
                       co_consts=None, linestarts=None, *, file=None,
                       line_offset=0, exception_entries=(), co_positions=None,
                       show_caches=False):
    # Leave out the line-number column when there is no line information.
    show_lineno = bool(linestarts)
    lineno_width = 0
    if show_lineno:
        maxlineno = max(linestarts.values()) + line_offset
        # Three columns unless a line number needs more.
        lineno_width = 3
        if maxlineno >= 1000:
            lineno_width = len(str(maxlineno))
    maxoffset = len(code) - 2
    offset_width = 4
    if maxoffset >= 10000:
        offset_width = len(str(maxoffset))
    for instr in _instruction_list(code, varname_from_oparg, names, co_consts,
                                   linestarts, line_offset, exception_entries,
                                   co_positions, show_caches):
        # A blank line separates source lines (but never opens the listing).
        if show_lineno and instr.starts_line is not None and instr.offset > 0:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti,
                                 offset_width), file=file)
    if exception_entries:
        print("ExceptionTable:", file=file)
        for entry in exception_entries:
            lasti_note = " lasti" if entry.lasti else ""
            # Shown inclusive: the last covered instruction, not one past it.
            print(f"  {entry.start} to {entry.end - 2} -> {entry.target} "
                  f"[{entry.depth}]{lasti_note}", file=file)


def _disassemble_str(source, **kwargs):
    """Compile the source string, then disassemble the code object."""
    _disassemble_recursive(_try_compile(source, "<dis>"), **kwargs)


def _find_imports(co):
    """Find import statements in the code.

    Return an iterator of (name, level, fromlist) triples, the arguments each
    IMPORT_NAME passes to __import__ (used by modulefinder).
    """
    import_name = opmap["IMPORT_NAME"]
    consts = co.co_consts
    names = co.co_names
    opargs = []
    for _offset, op, arg in _unpack_opargs(co.co_code):
        if op != EXTENDED_ARG:
            opargs.append((op, arg))
    found = []
    for i, (op, oparg) in enumerate(opargs):
        if op == import_name and i >= 2:
            from_op = opargs[i - 1]
            level_op = opargs[i - 2]
            if from_op[0] in hasconst and level_op[0] in hasconst:
                level = _get_const_value(level_op[0], level_op[1], consts)
                fromlist = _get_const_value(from_op[0], from_op[1], consts)
                found.append((names[oparg], level, fromlist))
    return iter(found)


def _find_store_names(co):
    """Return an iterator of the names STORE_NAME and STORE_GLOBAL write."""
    store_ops = {opmap["STORE_NAME"], opmap["STORE_GLOBAL"]}
    names = co.co_names
    found = []
    for _offset, op, arg in _unpack_opargs(co.co_code):
        if op in store_ops:
            found.append(names[arg])
    return iter(found)


class Bytecode:
    """The bytecode operations of a piece of code

    Instantiate this with a function, method, other compiled object, string of
    code, or a code object (as returned by compile()).

    Iterating over this gives the bytecode operations as Instruction instances.
    """

    def __init__(self, x, *, first_line=None, current_offset=None,
                 show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset
        self.exception_entries = _parse_exception_table(co)
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        co = self.codeobj
        return _get_instructions_bytes(_get_code_array(co, self.adaptive),
                                       _varname_from_oparg(co),
                                       co.co_names, co.co_consts,
                                       self._linestarts,
                                       line_offset=self._line_offset,
                                       exception_entries=self.exception_entries,
                                       co_positions=co.co_positions(),
                                       show_caches=self.show_caches)

    def __repr__(self):
        return f"{self.__class__.__name__}({self._original_object!r})"

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """Construct a Bytecode from the given traceback."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti,
                   show_caches=show_caches, adaptive=adaptive)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        co = self.codeobj
        offset = -1
        if self.current_offset is not None:
            offset = self.current_offset
        output = _StringWriter()
        _disassemble_bytes(_get_code_array(co, self.adaptive),
                           varname_from_oparg=_varname_from_oparg(co),
                           names=co.co_names, co_consts=co.co_consts,
                           linestarts=self._linestarts,
                           line_offset=self._line_offset,
                           file=output,
                           lasti=offset,
                           exception_entries=self.exception_entries,
                           co_positions=co.co_positions(),
                           show_caches=self.show_caches)
        return output.getvalue()


def _usage_error(prog, message):
    """Report a command-line error the way argparse does, and exit 2."""
    sys.stderr.write(f"usage: {prog} [-h] [infile]\n")
    sys.stderr.write(f"{prog}: error: {message}\n")
    sys.exit(2)


def _read_source(prog, path):
    """Read the source to disassemble as bytes; return (bytes, filename).

    Bytes, not text, so compile() honours a coding cookie as CPython does.
    "-" (the default) means standard input, which compile() calls <stdin>.
    """
    if path == "-":
        stdin = sys.stdin
        if hasattr(stdin, "buffer"):
            return stdin.buffer.read(), "<stdin>"
        return stdin.read(), "<stdin>"
    try:
        infile = open(path, "rb")
    except OSError as exc:
        _usage_error(prog, f"argument infile: can't open '{path}': {exc}")
    try:
        source = infile.read()
    finally:
        infile.close()
    return source, path


def main():
    """`python -m dis [infile]`: disassemble a source file, or stdin."""
    prog = "dis.py"
    if sys.argv and sys.argv[0]:
        prog = sys.argv[0].split("/")[-1]
    args = sys.argv[1:]
    if "-h" in args or "--help" in args:
        sys.stdout.write(f"usage: {prog} [-h] [infile]\n"
                         "\n"
                         "positional arguments:\n"
                         "  infile\n"
                         "\n"
                         "options:\n"
                         "  -h, --help  show this help message and exit\n")
        sys.exit(0)
    # One optional positional argument; anything else is unrecognised.
    path = "-"
    have_path = False
    extras = []
    for arg in args:
        if not have_path and (arg == "-" or not arg.startswith("-")):
            path = arg
            have_path = True
        else:
            extras.append(arg)
    source, filename = _read_source(prog, path)
    if extras:
        _usage_error(prog, "unrecognized arguments: " + " ".join(extras))
    dis(compile(source, filename, "exec"))


if __name__ == "__main__":
    main()
