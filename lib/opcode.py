"""The CPython 3.11 instruction set as Python data. Mirrors Lib/opcode.py (CPython 3.11).

Everything here is derived from one table, `_OPCODE_TABLE`, which lists each
opcode's number, name and the kind of argument it takes. The numbers, names,
cache layouts and specialisation families are facts read off the host
CPython 3.11.7; tests/dis/check_opcode.py compares every public name with it.

Differences from CPython: the `has*` lists and `opmap` are built from a table
instead of a run of `def_op(...)` calls, and `stack_effect` comes from the
native `_opcode` module only when the interpreter provides one.
"""

__all__ = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs"]

# The stack-effect calculator lives in the compiler, written natively; dis and
# other callers reach it through `_opcode`. A young pyrs may not have it yet,
# and nothing else in this module depends on it.
try:
    from _opcode import stack_effect
    __all__.append("stack_effect")
except ImportError:
    pass

# Operator names for COMPARE_OP, indexed by its argument.
cmp_op = ("<", "<=", "==", "!=", ">", ">=")

# Opcodes numbered at or above this carry an argument in their second byte.
HAVE_ARGUMENT = 90

# Argument kinds used in the table below; each maps to one `has*` list.
#   ""        plain number (or no argument)
#   "const"   index into co_consts                       -> hasconst
#   "name"    index into co_names                        -> hasname
#   "jrel"    jump relative to the next instruction      -> hasjrel
#   "local"   index into the fast locals                 -> haslocal
#   "compare" index into cmp_op                          -> hascompare
#   "free"    index into cell and free variables         -> hasfree
# CPython 3.11 has no absolute jumps, so `hasjabs` stays empty.
_OPCODE_TABLE = [
    (0, "CACHE", ""),
    (1, "POP_TOP", ""),
    (2, "PUSH_NULL", ""),
    (9, "NOP", ""),
    (10, "UNARY_POSITIVE", ""),
    (11, "UNARY_NEGATIVE", ""),
    (12, "UNARY_NOT", ""),
    (15, "UNARY_INVERT", ""),
    (25, "BINARY_SUBSCR", ""),
    (30, "GET_LEN", ""),
    (31, "MATCH_MAPPING", ""),
    (32, "MATCH_SEQUENCE", ""),
    (33, "MATCH_KEYS", ""),
    (35, "PUSH_EXC_INFO", ""),
    (36, "CHECK_EXC_MATCH", ""),
    (37, "CHECK_EG_MATCH", ""),
    (49, "WITH_EXCEPT_START", ""),
    (50, "GET_AITER", ""),
    (51, "GET_ANEXT", ""),
    (52, "BEFORE_ASYNC_WITH", ""),
    (53, "BEFORE_WITH", ""),
    (54, "END_ASYNC_FOR", ""),
    (60, "STORE_SUBSCR", ""),
    (61, "DELETE_SUBSCR", ""),
    (68, "GET_ITER", ""),
    (69, "GET_YIELD_FROM_ITER", ""),
    (70, "PRINT_EXPR", ""),
    (71, "LOAD_BUILD_CLASS", ""),
    (74, "LOAD_ASSERTION_ERROR", ""),
    (75, "RETURN_GENERATOR", ""),
    (82, "LIST_TO_TUPLE", ""),
    (83, "RETURN_VALUE", ""),
    (84, "IMPORT_STAR", ""),
    (85, "SETUP_ANNOTATIONS", ""),
    (86, "YIELD_VALUE", ""),
    (87, "ASYNC_GEN_WRAP", ""),
    (88, "PREP_RERAISE_STAR", ""),
    (89, "POP_EXCEPT", ""),
    # From here on (HAVE_ARGUMENT) every opcode takes an argument.
    (90, "STORE_NAME", "name"),
    (91, "DELETE_NAME", "name"),
    (92, "UNPACK_SEQUENCE", ""),
    (93, "FOR_ITER", "jrel"),
    (94, "UNPACK_EX", ""),
    (95, "STORE_ATTR", "name"),
    (96, "DELETE_ATTR", "name"),
    (97, "STORE_GLOBAL", "name"),
    (98, "DELETE_GLOBAL", "name"),
    (99, "SWAP", ""),
    (100, "LOAD_CONST", "const"),
    (101, "LOAD_NAME", "name"),
    (102, "BUILD_TUPLE", ""),
    (103, "BUILD_LIST", ""),
    (104, "BUILD_SET", ""),
    (105, "BUILD_MAP", ""),
    (106, "LOAD_ATTR", "name"),
    (107, "COMPARE_OP", "compare"),
    (108, "IMPORT_NAME", "name"),
    (109, "IMPORT_FROM", "name"),
    (110, "JUMP_FORWARD", "jrel"),
    (111, "JUMP_IF_FALSE_OR_POP", "jrel"),
    (112, "JUMP_IF_TRUE_OR_POP", "jrel"),
    (114, "POP_JUMP_FORWARD_IF_FALSE", "jrel"),
    (115, "POP_JUMP_FORWARD_IF_TRUE", "jrel"),
    (116, "LOAD_GLOBAL", "name"),
    (117, "IS_OP", ""),
    (118, "CONTAINS_OP", ""),
    (119, "RERAISE", ""),
    (120, "COPY", ""),
    (122, "BINARY_OP", ""),
    (123, "SEND", "jrel"),
    (124, "LOAD_FAST", "local"),
    (125, "STORE_FAST", "local"),
    (126, "DELETE_FAST", "local"),
    (128, "POP_JUMP_FORWARD_IF_NOT_NONE", "jrel"),
    (129, "POP_JUMP_FORWARD_IF_NONE", "jrel"),
    (130, "RAISE_VARARGS", ""),
    (131, "GET_AWAITABLE", ""),
    (132, "MAKE_FUNCTION", ""),
    (133, "BUILD_SLICE", ""),
    (134, "JUMP_BACKWARD_NO_INTERRUPT", "jrel"),
    (135, "MAKE_CELL", "free"),
    (136, "LOAD_CLOSURE", "free"),
    (137, "LOAD_DEREF", "free"),
    (138, "STORE_DEREF", "free"),
    (139, "DELETE_DEREF", "free"),
    (140, "JUMP_BACKWARD", "jrel"),
    (142, "CALL_FUNCTION_EX", ""),
    (144, "EXTENDED_ARG", ""),
    (145, "LIST_APPEND", ""),
    (146, "SET_ADD", ""),
    (147, "MAP_ADD", ""),
    (148, "LOAD_CLASSDEREF", "free"),
    (149, "COPY_FREE_VARS", ""),
    (151, "RESUME", ""),
    (152, "MATCH_CLASS", ""),
    (155, "FORMAT_VALUE", ""),
    (156, "BUILD_CONST_KEY_MAP", ""),
    (157, "BUILD_STRING", ""),
    (160, "LOAD_METHOD", "name"),
    (162, "LIST_EXTEND", ""),
    (163, "SET_UPDATE", ""),
    (164, "DICT_MERGE", ""),
    (165, "DICT_UPDATE", ""),
    (166, "PRECALL", ""),
    (171, "CALL", ""),
    # KW_NAMES points into co_consts (a tuple of keyword names).
    (172, "KW_NAMES", "const"),
    (173, "POP_JUMP_BACKWARD_IF_NOT_NONE", "jrel"),
    (174, "POP_JUMP_BACKWARD_IF_NONE", "jrel"),
    (175, "POP_JUMP_BACKWARD_IF_FALSE", "jrel"),
    (176, "POP_JUMP_BACKWARD_IF_TRUE", "jrel"),
]

# Unused numbers read as "<N>", which is how dis shows unknown opcodes.
opname = []
for _op in range(256):
    opname.append("<" + repr(_op) + ">")
opmap = {}

hasconst = []
hasname = []
hasjrel = []
hasjabs = []
haslocal = []
hascompare = []
hasfree = []
hasnargs = []   # kept for compatibility; no 3.11 opcode belongs here

_KIND_LISTS = {
    "const": hasconst,
    "name": hasname,
    "jrel": hasjrel,
    "local": haslocal,
    "compare": hascompare,
    "free": hasfree,
}

# The table is in numeric order, so every `has*` list comes out sorted, as on
# the host.
for _op, _name, _kind in _OPCODE_TABLE:
    opname[_op] = _name
    opmap[_name] = _op
    if _kind:
        _KIND_LISTS[_kind].append(_op)

EXTENDED_ARG = opmap["EXTENDED_ARG"]

# BINARY_OP's argument indexes this list: (C-level name, operator as written).
_nb_ops = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
    ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="),
    ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
]

# PEP 659 families: each base instruction and the specialised forms the
# adaptive interpreter may rewrite it into. Keys and members are in the
# host's order, because the free opcode numbers are handed out in this order
# (see dis._all_opname).
_specializations = {
    "BINARY_OP": [
        "BINARY_OP_ADAPTIVE",
        "BINARY_OP_ADD_FLOAT",
        "BINARY_OP_ADD_INT",
        "BINARY_OP_ADD_UNICODE",
        "BINARY_OP_INPLACE_ADD_UNICODE",
        "BINARY_OP_MULTIPLY_FLOAT",
        "BINARY_OP_MULTIPLY_INT",
        "BINARY_OP_SUBTRACT_FLOAT",
        "BINARY_OP_SUBTRACT_INT",
    ],
    "BINARY_SUBSCR": [
        "BINARY_SUBSCR_ADAPTIVE",
        "BINARY_SUBSCR_DICT",
        "BINARY_SUBSCR_GETITEM",
        "BINARY_SUBSCR_LIST_INT",
        "BINARY_SUBSCR_TUPLE_INT",
    ],
    "CALL": [
        "CALL_ADAPTIVE",
        "CALL_PY_EXACT_ARGS",
        "CALL_PY_WITH_DEFAULTS",
    ],
    "COMPARE_OP": [
        "COMPARE_OP_ADAPTIVE",
        "COMPARE_OP_FLOAT_JUMP",
        "COMPARE_OP_INT_JUMP",
        "COMPARE_OP_STR_JUMP",
    ],
    "EXTENDED_ARG": [
        "EXTENDED_ARG_QUICK",
    ],
    "JUMP_BACKWARD": [
        "JUMP_BACKWARD_QUICK",
    ],
    "LOAD_ATTR": [
        "LOAD_ATTR_ADAPTIVE",
        "LOAD_ATTR_INSTANCE_VALUE",
        "LOAD_ATTR_MODULE",
        "LOAD_ATTR_SLOT",
        "LOAD_ATTR_WITH_HINT",
    ],
    "LOAD_CONST": [
        "LOAD_CONST__LOAD_FAST",
    ],
    "LOAD_FAST": [
        "LOAD_FAST__LOAD_CONST",
        "LOAD_FAST__LOAD_FAST",
    ],
    "LOAD_GLOBAL": [
        "LOAD_GLOBAL_ADAPTIVE",
        "LOAD_GLOBAL_BUILTIN",
        "LOAD_GLOBAL_MODULE",
    ],
    "LOAD_METHOD": [
        "LOAD_METHOD_ADAPTIVE",
        "LOAD_METHOD_CLASS",
        "LOAD_METHOD_MODULE",
        "LOAD_METHOD_NO_DICT",
        "LOAD_METHOD_WITH_DICT",
        "LOAD_METHOD_WITH_VALUES",
    ],
    "PRECALL": [
        "PRECALL_ADAPTIVE",
        "PRECALL_BOUND_METHOD",
        "PRECALL_BUILTIN_CLASS",
        "PRECALL_BUILTIN_FAST_WITH_KEYWORDS",
        "PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS",
        "PRECALL_NO_KW_BUILTIN_FAST",
        "PRECALL_NO_KW_BUILTIN_O",
        "PRECALL_NO_KW_ISINSTANCE",
        "PRECALL_NO_KW_LEN",
        "PRECALL_NO_KW_LIST_APPEND",
        "PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST",
        "PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS",
        "PRECALL_NO_KW_METHOD_DESCRIPTOR_O",
        "PRECALL_NO_KW_STR_1",
        "PRECALL_NO_KW_TUPLE_1",
        "PRECALL_NO_KW_TYPE_1",
        "PRECALL_PYFUNC",
    ],
    "RESUME": [
        "RESUME_QUICK",
    ],
    "STORE_ATTR": [
        "STORE_ATTR_ADAPTIVE",
        "STORE_ATTR_INSTANCE_VALUE",
        "STORE_ATTR_SLOT",
        "STORE_ATTR_WITH_HINT",
    ],
    "STORE_FAST": [
        "STORE_FAST__LOAD_FAST",
        "STORE_FAST__STORE_FAST",
    ],
    "STORE_SUBSCR": [
        "STORE_SUBSCR_ADAPTIVE",
        "STORE_SUBSCR_DICT",
        "STORE_SUBSCR_LIST_INT",
    ],
    "UNPACK_SEQUENCE": [
        "UNPACK_SEQUENCE_ADAPTIVE",
        "UNPACK_SEQUENCE_LIST",
        "UNPACK_SEQUENCE_TUPLE",
        "UNPACK_SEQUENCE_TWO_TUPLE",
    ],
}

_specialized_instructions = []
for _family in _specializations.values():
    for _name in _family:
        _specialized_instructions.append(_name)

# Counters kept per specialisation family when statistics are compiled in.
_specialization_stats = [
    "success",
    "failure",
    "hit",
    "deferred",
    "miss",
    "deopt",
]

# Layout of the inline CACHE units that follow each specialisable instruction:
# field name -> size in 16-bit code units, in the order they sit in the code.
# dis walks these in order to label CACHE entries, so the order matters.
_cache_format = {
    "LOAD_GLOBAL": {
        "counter": 1,
        "index": 1,
        "module_keys_version": 2,
        "builtin_keys_version": 1,
    },
    "BINARY_OP": {
        "counter": 1,
    },
    "UNPACK_SEQUENCE": {
        "counter": 1,
    },
    "COMPARE_OP": {
        "counter": 1,
        "mask": 1,
    },
    "BINARY_SUBSCR": {
        "counter": 1,
        "type_version": 2,
        "func_version": 1,
    },
    "LOAD_ATTR": {
        "counter": 1,
        "version": 2,
        "index": 1,
    },
    "STORE_ATTR": {
        "counter": 1,
        "version": 2,
        "index": 1,
    },
    "LOAD_METHOD": {
        "counter": 1,
        "type_version": 2,
        "dict_offset": 1,
        "keys_version": 2,
        "descr": 4,
    },
    "CALL": {
        "counter": 1,
        "func_version": 2,
        "min_args": 1,
    },
    "PRECALL": {
        "counter": 1,
    },
    "STORE_SUBSCR": {
        "counter": 1,
    },
}

# How many CACHE units follow each opcode: the sum of its cache fields.
_inline_cache_entries = []
for _op in range(256):
    _inline_cache_entries.append(0)
for _name, _fields in _cache_format.items():
    _total = 0
    for _size in _fields.values():
        _total += _size
    _inline_cache_entries[opmap[_name]] = _total

# Leave only the public and CPython-compatible names behind.
del _op, _name, _kind, _family, _fields, _size, _total, _KIND_LISTS
