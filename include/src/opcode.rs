//! The CPython 3.11 instruction set, defined once. Mirrors Include/opcode.h and
//! Lib/opcode.py (CPython 3.11), whose numbers are generated from the same table there.
//!
//! Every fact about an opcode (name, number, inline cache size, what kind of argument
//! it takes, how it jumps) lives in the single `opcodes!` table below; the `Opcode`
//! enum, the `OPNAME` list used by `dis`, the cache-size and de-specialisation tables
//! are all derived from it. `tests::matches_host_opcode_module` checks the table
//! against the host python3's `opcode` module, so a typo cannot survive.
//!
//! Stack pictures in the descriptions read `(inputs -- outputs)`, top of stack last.
//! Stack *effects* (as numbers) are computed by the compiler, as in CPython
//! (`stack_effect` in Python/compile.c), because they depend on the argument.

/// Opcodes with a number at or above this take an argument (Include/opcode.h).
pub const HAVE_ARGUMENT: u8 = 90;
/// Size in bytes of one code unit: an opcode byte followed by an argument byte.
pub const CODEUNIT_SIZE: usize = 2;

/// How an instruction uses its argument, as Lib/opcode.py's `has*` lists say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No argument, or a plain number (counts, flags).
    None,
    /// Index into `co_consts` (`hasconst`).
    Const,
    /// Index into `co_names` (`hasname`).
    Name,
    /// Index into the fast locals (`haslocal`).
    Local,
    /// Index into cell and free variables (`hasfree`).
    Free,
    /// A rich-comparison operator (`hascompare`).
    Compare,
    /// A forward jump, relative to the instruction after the caches (`hasjrel`).
    JumpForward,
    /// A backward jump, relative to the instruction after the caches (`hasjrel`).
    JumpBackward,
}

macro_rules! opcodes {
    (
        $( $name:ident = $num:literal, cache $cache:literal, $kind:ident, $doc:literal; )*
        @specialized
        $( $sname:ident = $snum:literal => $family:ident; )*
    ) => {
        /// One CPython 3.11 opcode: the 110 base instructions and the 71 specialised
        /// forms the adaptive interpreter rewrites them into (PEP 659).
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( #[doc = $doc] $name = $num, )*
            $( #[doc = concat!("Specialised form of `", stringify!($family), "`.")] $sname = $snum, )*
        }

        impl Opcode {
            /// The opcode with this number, if the number is one (unused numbers are not).
            #[inline(always)]
            pub const fn from_u8(byte: u8) -> Option<Opcode> {
                match byte {
                    $( $num => Some(Opcode::$name), )*
                    $( $snum => Some(Opcode::$sname), )*
                    _ => None,
                }
            }

            /// The opcode's name, as `dis` prints it.
            pub const fn name(self) -> &'static str {
                match self {
                    $( Opcode::$name => stringify!($name), )*
                    $( Opcode::$sname => stringify!($sname), )*
                }
            }

            /// The base instruction this one specialises (itself for a base instruction).
            /// Mirrors `_PyOpcode_Deopt` (Include/internal/pycore_opcode.h).
            #[inline(always)]
            pub const fn deopt(self) -> Opcode {
                match self {
                    $( Opcode::$name => Opcode::$name, )*
                    $( Opcode::$sname => Opcode::$family, )*
                }
            }

            /// How many inline `CACHE` code units follow the instruction.
            /// Mirrors `_PyOpcode_Caches`.
            #[inline(always)]
            pub const fn cache_entries(self) -> usize {
                match self.deopt() {
                    $( Opcode::$name => $cache, )*
                    _ => 0,
                }
            }

            /// How the argument is used (const index, name index, jump, ...).
            pub const fn arg_kind(self) -> ArgKind {
                match self.deopt() {
                    $( Opcode::$name => ArgKind::$kind, )*
                    _ => ArgKind::None,
                }
            }

            /// A one-line description with the stack picture.
            pub const fn description(self) -> &'static str {
                match self.deopt() {
                    $( Opcode::$name => $doc, )*
                    _ => "",
                }
            }

            /// Whether this is one of the specialised forms rather than a base opcode.
            pub const fn is_specialized(self) -> bool {
                !matches!(self, $( Opcode::$name )|*)
            }
        }

        /// The opcode numbers as `u8` constants, so that the eval loop can `match` on the
        /// raw byte of a code unit (one jump table, like CPython's `switch`).
        pub mod op {
            $( pub const $name: u8 = $num; )*
            $( pub const $sname: u8 = $snum; )*
        }

        /// Every base opcode, in numeric order (the entries of Lib/opcode.py's `opmap`).
        pub const BASE_OPCODES: &[Opcode] = &[ $( Opcode::$name, )* ];
        /// Every specialised opcode, in numeric order (`_specialized_instructions`).
        pub const SPECIALIZED_OPCODES: &[Opcode] = &[ $( Opcode::$sname, )* ];
    };
}

opcodes! {
    CACHE = 0, cache 0, None, "Inline cache entry; never executed.";
    POP_TOP = 1, cache 0, None, "(value --) Discard the top of the stack.";
    PUSH_NULL = 2, cache 0, None, "(-- NULL) Push a NULL, the marker below a callable that is not a method.";
    NOP = 9, cache 0, None, "(--) Do nothing; keeps a line number alive.";
    UNARY_POSITIVE = 10, cache 0, None, "(value -- res) res = +value.";
    UNARY_NEGATIVE = 11, cache 0, None, "(value -- res) res = -value.";
    UNARY_NOT = 12, cache 0, None, "(value -- res) res = not value.";
    UNARY_INVERT = 15, cache 0, None, "(value -- res) res = ~value.";
    BINARY_SUBSCR = 25, cache 4, None, "(container, sub -- res) res = container[sub].";
    GET_LEN = 30, cache 0, None, "(obj -- obj, len) Push len(obj); used by match.";
    MATCH_MAPPING = 31, cache 0, None, "(subject -- subject, res) res = subject is a mapping.";
    MATCH_SEQUENCE = 32, cache 0, None, "(subject -- subject, res) res = subject is a sequence.";
    MATCH_KEYS = 33, cache 0, None, "(subject, keys -- subject, keys, values_or_none) Look up keys in a mapping subject.";
    PUSH_EXC_INFO = 35, cache 0, None, "(exc -- prev_exc, exc) Make exc the handled exception, saving the previous one.";
    CHECK_EXC_MATCH = 36, cache 0, None, "(exc, type -- exc, res) res = isinstance(exc, type) for an except clause.";
    CHECK_EG_MATCH = 37, cache 0, None, "(eg, type -- rest, match) Split an exception group for except*.";
    WITH_EXCEPT_START = 49, cache 0, None, "(exit, lasti, prev_exc, exc -- ..., res) Call __exit__(type, exc, tb).";
    GET_AITER = 50, cache 0, None, "(obj -- iter) iter = obj.__aiter__().";
    GET_ANEXT = 51, cache 0, None, "(aiter -- aiter, awaitable) awaitable = aiter.__anext__().";
    BEFORE_ASYNC_WITH = 52, cache 0, None, "(mgr -- exit, res) Look up __aexit__, call __aenter__.";
    BEFORE_WITH = 53, cache 0, None, "(mgr -- exit, res) Look up __exit__, call __enter__.";
    END_ASYNC_FOR = 54, cache 0, None, "(aiter, exc --) End an async for loop on StopAsyncIteration, else re-raise.";
    STORE_SUBSCR = 60, cache 1, None, "(value, container, sub --) container[sub] = value.";
    DELETE_SUBSCR = 61, cache 0, None, "(container, sub --) del container[sub].";
    GET_ITER = 68, cache 0, None, "(iterable -- iter) iter = iter(iterable).";
    GET_YIELD_FROM_ITER = 69, cache 0, None, "(iterable -- iter) The iterator for yield from (coroutines pass through).";
    PRINT_EXPR = 70, cache 0, None, "(value --) Call sys.displayhook(value) in interactive mode.";
    LOAD_BUILD_CLASS = 71, cache 0, None, "(-- func) Push builtins.__build_class__.";
    LOAD_ASSERTION_ERROR = 74, cache 0, None, "(-- AssertionError) Push AssertionError for an assert statement.";
    RETURN_GENERATOR = 75, cache 0, None, "(--) Create the generator/coroutine for this frame and return it.";
    LIST_TO_TUPLE = 82, cache 0, None, "(list -- tuple) tuple = tuple(list).";
    RETURN_VALUE = 83, cache 0, None, "(retval --) Return retval to the caller.";
    IMPORT_STAR = 84, cache 0, None, "(module --) from module import *.";
    SETUP_ANNOTATIONS = 85, cache 0, None, "(--) Create __annotations__ in the local namespace if missing.";
    YIELD_VALUE = 86, cache 0, None, "(value -- sent) Yield value; the value sent in replaces it on resume.";
    ASYNC_GEN_WRAP = 87, cache 0, None, "(value -- wrapped) Mark a value yielded by an async generator.";
    PREP_RERAISE_STAR = 88, cache 0, None, "(orig, excs -- exc) Combine the exceptions raised in except* clauses.";
    POP_EXCEPT = 89, cache 0, None, "(prev_exc --) Restore the previously handled exception.";
    STORE_NAME = 90, cache 0, Name, "(value --) name = value in the local namespace.";
    DELETE_NAME = 91, cache 0, Name, "(--) del name in the local namespace.";
    UNPACK_SEQUENCE = 92, cache 1, None, "(seq -- values[oparg]) Unpack exactly oparg items, last item lowest.";
    FOR_ITER = 93, cache 0, JumpForward, "(iter -- iter, next) Push next(iter); jump and pop iter when exhausted.";
    UNPACK_EX = 94, cache 0, None, "(seq -- values) Unpack with a starred target: low byte before, high byte after.";
    STORE_ATTR = 95, cache 4, Name, "(value, owner --) owner.name = value.";
    DELETE_ATTR = 96, cache 0, Name, "(owner --) del owner.name.";
    STORE_GLOBAL = 97, cache 0, Name, "(value --) Global name = value.";
    DELETE_GLOBAL = 98, cache 0, Name, "(--) del global name.";
    SWAP = 99, cache 0, None, "(bottom, ..., top -- top, ..., bottom) Swap the top with the oparg-th item.";
    LOAD_CONST = 100, cache 0, Const, "(-- value) Push co_consts[oparg].";
    LOAD_NAME = 101, cache 0, Name, "(-- value) Look name up in locals, globals, then builtins.";
    BUILD_TUPLE = 102, cache 0, None, "(values[oparg] -- tuple) Build a tuple of oparg items.";
    BUILD_LIST = 103, cache 0, None, "(values[oparg] -- list) Build a list of oparg items.";
    BUILD_SET = 104, cache 0, None, "(values[oparg] -- set) Build a set of oparg items.";
    BUILD_MAP = 105, cache 0, None, "(key/value pairs[2*oparg] -- dict) Build a dict of oparg items.";
    LOAD_ATTR = 106, cache 4, Name, "(owner -- value) value = owner.name.";
    COMPARE_OP = 107, cache 2, Compare, "(left, right -- res) Rich comparison cmp_op[oparg].";
    IMPORT_NAME = 108, cache 0, Name, "(level, fromlist -- module) __import__(name, ..., fromlist, level).";
    IMPORT_FROM = 109, cache 0, Name, "(module -- module, value) value = module.name, for from-imports.";
    JUMP_FORWARD = 110, cache 0, JumpForward, "(--) Jump forward oparg code units.";
    JUMP_IF_FALSE_OR_POP = 111, cache 0, JumpForward, "(cond -- cond or nothing) Jump keeping cond if false, else pop it.";
    JUMP_IF_TRUE_OR_POP = 112, cache 0, JumpForward, "(cond -- cond or nothing) Jump keeping cond if true, else pop it.";
    POP_JUMP_FORWARD_IF_FALSE = 114, cache 0, JumpForward, "(cond --) Jump forward if cond is false.";
    POP_JUMP_FORWARD_IF_TRUE = 115, cache 0, JumpForward, "(cond --) Jump forward if cond is true.";
    LOAD_GLOBAL = 116, cache 5, Name, "(-- [NULL], value) Push global co_names[oparg>>1]; push NULL first if oparg&1.";
    IS_OP = 117, cache 0, None, "(left, right -- res) res = left is right (is not when oparg is 1).";
    CONTAINS_OP = 118, cache 0, None, "(left, right -- res) res = left in right (not in when oparg is 1).";
    RERAISE = 119, cache 0, None, "(values..., exc -- ) Re-raise exc; with oparg set, restore f_lasti first.";
    COPY = 120, cache 0, None, "(item, ... -- item, ..., item) Push a copy of the oparg-th item.";
    BINARY_OP = 122, cache 1, None, "(lhs, rhs -- res) Binary or in-place operator number oparg (NB_*).";
    SEND = 123, cache 0, JumpForward, "(receiver, value -- receiver, retval) Send value into a sub-generator.";
    LOAD_FAST = 124, cache 0, Local, "(-- value) Push local variable oparg.";
    STORE_FAST = 125, cache 0, Local, "(value --) Local variable oparg = value.";
    DELETE_FAST = 126, cache 0, Local, "(--) del local variable oparg.";
    POP_JUMP_FORWARD_IF_NOT_NONE = 128, cache 0, JumpForward, "(value --) Jump forward if value is not None.";
    POP_JUMP_FORWARD_IF_NONE = 129, cache 0, JumpForward, "(value --) Jump forward if value is None.";
    RAISE_VARARGS = 130, cache 0, None, "(args[oparg] --) raise; raise exc; raise exc from cause.";
    GET_AWAITABLE = 131, cache 0, None, "(iterable -- iter) The iterator of an awaitable for await.";
    MAKE_FUNCTION = 132, cache 0, None, "(defaults..., code -- func) Build a function; oparg flags say which extras are below.";
    BUILD_SLICE = 133, cache 0, None, "(start, stop[, step] -- slice) Build a slice of oparg parts.";
    JUMP_BACKWARD_NO_INTERRUPT = 134, cache 0, JumpBackward, "(--) Jump backward without checking for interrupts.";
    MAKE_CELL = 135, cache 0, Free, "(--) Wrap local oparg in a new cell.";
    LOAD_CLOSURE = 136, cache 0, Free, "(-- cell) Push the cell in slot oparg.";
    LOAD_DEREF = 137, cache 0, Free, "(-- value) Push the contents of the cell in slot oparg.";
    STORE_DEREF = 138, cache 0, Free, "(value --) Store into the cell in slot oparg.";
    DELETE_DEREF = 139, cache 0, Free, "(--) Empty the cell in slot oparg.";
    JUMP_BACKWARD = 140, cache 0, JumpBackward, "(--) Jump backward oparg code units (checks for interrupts).";
    CALL_FUNCTION_EX = 142, cache 0, None, "(func, self_or_null, args[, kwargs] -- res) Call with *args (and **kwargs if oparg&1).";
    EXTENDED_ARG = 144, cache 0, None, "(--) Prefix the next instruction's argument with 8 more bits.";
    LIST_APPEND = 145, cache 0, None, "(list, ..., value -- list, ...) list.append(value), list oparg deep.";
    SET_ADD = 146, cache 0, None, "(set, ..., value -- set, ...) set.add(value), set oparg deep.";
    MAP_ADD = 147, cache 0, None, "(dict, ..., key, value -- dict, ...) dict[key] = value, dict oparg deep.";
    LOAD_CLASSDEREF = 148, cache 0, Free, "(-- value) Class body: look in locals, then the cell in slot oparg.";
    COPY_FREE_VARS = 149, cache 0, None, "(--) Copy oparg free variables from the closure into the frame.";
    RESUME = 151, cache 0, None, "(--) Start or resume a frame; oparg says how (0 start, 1 yield, 2 yield from, 3 await).";
    MATCH_CLASS = 152, cache 0, None, "(subject, type, names -- attrs_or_none) Match a class pattern with oparg positionals.";
    FORMAT_VALUE = 155, cache 0, None, "(value[, spec] -- str) Format a value for an f-string; oparg has conversion and spec flag.";
    BUILD_CONST_KEY_MAP = 156, cache 0, None, "(values[oparg], keys -- dict) Build a dict from values and a tuple of keys.";
    BUILD_STRING = 157, cache 0, None, "(pieces[oparg] -- str) Concatenate oparg strings.";
    LOAD_METHOD = 160, cache 10, Name, "(owner -- method_or_NULL, self_or_callable) Load a method for a call without binding it.";
    LIST_EXTEND = 162, cache 0, None, "(list, ..., iterable -- list, ...) list.extend(iterable), list oparg deep.";
    SET_UPDATE = 163, cache 0, None, "(set, ..., iterable -- set, ...) set.update(iterable), set oparg deep.";
    DICT_MERGE = 164, cache 0, None, "(dict, ..., update -- dict, ...) Merge **update, rejecting duplicate keys.";
    DICT_UPDATE = 165, cache 0, None, "(dict, ..., update -- dict, ...) dict.update(update), dict oparg deep.";
    PRECALL = 166, cache 1, None, "(method_or_NULL, callable, args[oparg] -- same) Prepare a call (binds methods).";
    CALL = 171, cache 4, None, "(method_or_NULL, callable, args[oparg] -- res) Call with oparg arguments.";
    KW_NAMES = 172, cache 0, Const, "(--) Name the keyword arguments of the next CALL: co_consts[oparg].";
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173, cache 0, JumpBackward, "(value --) Jump backward if value is not None.";
    POP_JUMP_BACKWARD_IF_NONE = 174, cache 0, JumpBackward, "(value --) Jump backward if value is None.";
    POP_JUMP_BACKWARD_IF_FALSE = 175, cache 0, JumpBackward, "(cond --) Jump backward if cond is false.";
    POP_JUMP_BACKWARD_IF_TRUE = 176, cache 0, JumpBackward, "(cond --) Jump backward if cond is true.";
    @specialized
    BINARY_OP_ADAPTIVE = 3 => BINARY_OP;
    BINARY_OP_ADD_FLOAT = 4 => BINARY_OP;
    BINARY_OP_ADD_INT = 5 => BINARY_OP;
    BINARY_OP_ADD_UNICODE = 6 => BINARY_OP;
    BINARY_OP_INPLACE_ADD_UNICODE = 7 => BINARY_OP;
    BINARY_OP_MULTIPLY_FLOAT = 8 => BINARY_OP;
    BINARY_OP_MULTIPLY_INT = 13 => BINARY_OP;
    BINARY_OP_SUBTRACT_FLOAT = 14 => BINARY_OP;
    BINARY_OP_SUBTRACT_INT = 16 => BINARY_OP;
    BINARY_SUBSCR_ADAPTIVE = 17 => BINARY_SUBSCR;
    BINARY_SUBSCR_DICT = 18 => BINARY_SUBSCR;
    BINARY_SUBSCR_GETITEM = 19 => BINARY_SUBSCR;
    BINARY_SUBSCR_LIST_INT = 20 => BINARY_SUBSCR;
    BINARY_SUBSCR_TUPLE_INT = 21 => BINARY_SUBSCR;
    CALL_ADAPTIVE = 22 => CALL;
    CALL_PY_EXACT_ARGS = 23 => CALL;
    CALL_PY_WITH_DEFAULTS = 24 => CALL;
    COMPARE_OP_ADAPTIVE = 26 => COMPARE_OP;
    COMPARE_OP_FLOAT_JUMP = 27 => COMPARE_OP;
    COMPARE_OP_INT_JUMP = 28 => COMPARE_OP;
    COMPARE_OP_STR_JUMP = 29 => COMPARE_OP;
    EXTENDED_ARG_QUICK = 34 => EXTENDED_ARG;
    JUMP_BACKWARD_QUICK = 38 => JUMP_BACKWARD;
    LOAD_ATTR_ADAPTIVE = 39 => LOAD_ATTR;
    LOAD_ATTR_INSTANCE_VALUE = 40 => LOAD_ATTR;
    LOAD_ATTR_MODULE = 41 => LOAD_ATTR;
    LOAD_ATTR_SLOT = 42 => LOAD_ATTR;
    LOAD_ATTR_WITH_HINT = 43 => LOAD_ATTR;
    LOAD_CONST__LOAD_FAST = 44 => LOAD_CONST;
    LOAD_FAST__LOAD_CONST = 45 => LOAD_FAST;
    LOAD_FAST__LOAD_FAST = 46 => LOAD_FAST;
    LOAD_GLOBAL_ADAPTIVE = 47 => LOAD_GLOBAL;
    LOAD_GLOBAL_BUILTIN = 48 => LOAD_GLOBAL;
    LOAD_GLOBAL_MODULE = 55 => LOAD_GLOBAL;
    LOAD_METHOD_ADAPTIVE = 56 => LOAD_METHOD;
    LOAD_METHOD_CLASS = 57 => LOAD_METHOD;
    LOAD_METHOD_MODULE = 58 => LOAD_METHOD;
    LOAD_METHOD_NO_DICT = 59 => LOAD_METHOD;
    LOAD_METHOD_WITH_DICT = 62 => LOAD_METHOD;
    LOAD_METHOD_WITH_VALUES = 63 => LOAD_METHOD;
    PRECALL_ADAPTIVE = 64 => PRECALL;
    PRECALL_BOUND_METHOD = 65 => PRECALL;
    PRECALL_BUILTIN_CLASS = 66 => PRECALL;
    PRECALL_BUILTIN_FAST_WITH_KEYWORDS = 67 => PRECALL;
    PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS = 72 => PRECALL;
    PRECALL_NO_KW_BUILTIN_FAST = 73 => PRECALL;
    PRECALL_NO_KW_BUILTIN_O = 76 => PRECALL;
    PRECALL_NO_KW_ISINSTANCE = 77 => PRECALL;
    PRECALL_NO_KW_LEN = 78 => PRECALL;
    PRECALL_NO_KW_LIST_APPEND = 79 => PRECALL;
    PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST = 80 => PRECALL;
    PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS = 81 => PRECALL;
    PRECALL_NO_KW_METHOD_DESCRIPTOR_O = 113 => PRECALL;
    PRECALL_NO_KW_STR_1 = 121 => PRECALL;
    PRECALL_NO_KW_TUPLE_1 = 127 => PRECALL;
    PRECALL_NO_KW_TYPE_1 = 141 => PRECALL;
    PRECALL_PYFUNC = 143 => PRECALL;
    RESUME_QUICK = 150 => RESUME;
    STORE_ATTR_ADAPTIVE = 153 => STORE_ATTR;
    STORE_ATTR_INSTANCE_VALUE = 154 => STORE_ATTR;
    STORE_ATTR_SLOT = 158 => STORE_ATTR;
    STORE_ATTR_WITH_HINT = 159 => STORE_ATTR;
    STORE_FAST__LOAD_FAST = 161 => STORE_FAST;
    STORE_FAST__STORE_FAST = 167 => STORE_FAST;
    STORE_SUBSCR_ADAPTIVE = 168 => STORE_SUBSCR;
    STORE_SUBSCR_DICT = 169 => STORE_SUBSCR;
    STORE_SUBSCR_LIST_INT = 170 => STORE_SUBSCR;
    UNPACK_SEQUENCE_ADAPTIVE = 177 => UNPACK_SEQUENCE;
    UNPACK_SEQUENCE_LIST = 178 => UNPACK_SEQUENCE;
    UNPACK_SEQUENCE_TUPLE = 179 => UNPACK_SEQUENCE;
    UNPACK_SEQUENCE_TWO_TUPLE = 180 => UNPACK_SEQUENCE;
}

impl Opcode {
    /// Whether the instruction uses its argument byte (`HAVE_ARGUMENT` rule, applied
    /// to the base instruction).
    pub const fn has_arg(self) -> bool {
        self.deopt() as u8 >= HAVE_ARGUMENT
    }

    /// Whether the instruction is a relative jump (either direction).
    pub const fn is_jump(self) -> bool {
        matches!(
            self.arg_kind(),
            ArgKind::JumpForward | ArgKind::JumpBackward
        )
    }
}

/// The name of every number 0..=255, `"<n>"` where no opcode has it: the list that
/// Lib/opcode.py calls `opname` (base opcodes only, as there).
pub fn opname(byte: u8) -> String {
    match Opcode::from_u8(byte) {
        Some(op) if !op.is_specialized() => op.name().to_string(),
        _ => format!("<{byte}>"),
    }
}

/// The rich-comparison operators, indexed by `COMPARE_OP`'s argument (`cmp_op`).
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `BINARY_OP` arguments with the operator each prints as (`_nb_ops`, Include/opcode.h's
/// `NB_*` constants).
pub const NB_OPS: [(&str, &str); 26] = [
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
];

/// `BINARY_OP` argument values (Include/opcode.h `NB_*`).
pub mod nb {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATRIX_MULTIPLY: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    /// Added to a binary operator's number to get its in-place form.
    pub const INPLACE_OFFSET: u32 = 13;
    pub const INPLACE_ADD: u32 = ADD + INPLACE_OFFSET;
    pub const INPLACE_MULTIPLY: u32 = MULTIPLY + INPLACE_OFFSET;
    pub const INPLACE_SUBTRACT: u32 = SUBTRACT + INPLACE_OFFSET;
}

impl Opcode {
    /// The adaptive form a base instruction takes when its code is quickened
    /// (`_PyOpcode_Adaptive`), for the eleven families that have one.
    pub const fn adaptive(self) -> Option<Opcode> {
        Some(match self {
            Opcode::BINARY_OP => Opcode::BINARY_OP_ADAPTIVE,
            Opcode::BINARY_SUBSCR => Opcode::BINARY_SUBSCR_ADAPTIVE,
            Opcode::CALL => Opcode::CALL_ADAPTIVE,
            Opcode::COMPARE_OP => Opcode::COMPARE_OP_ADAPTIVE,
            Opcode::LOAD_ATTR => Opcode::LOAD_ATTR_ADAPTIVE,
            Opcode::LOAD_GLOBAL => Opcode::LOAD_GLOBAL_ADAPTIVE,
            Opcode::LOAD_METHOD => Opcode::LOAD_METHOD_ADAPTIVE,
            Opcode::PRECALL => Opcode::PRECALL_ADAPTIVE,
            Opcode::STORE_ATTR => Opcode::STORE_ATTR_ADAPTIVE,
            Opcode::STORE_SUBSCR => Opcode::STORE_SUBSCR_ADAPTIVE,
            Opcode::UNPACK_SEQUENCE => Opcode::UNPACK_SEQUENCE_ADAPTIVE,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// The host python3 is the oracle: its `opcode` module must agree with the table
    /// on every name, number, cache size and argument kind.
    #[test]
    fn matches_host_opcode_module() {
        let script = r#"
import opcode, dis
for name, num in sorted(opcode.opmap.items(), key=lambda x: x[1]):
    kind = 'None'
    if num in opcode.hasjrel:
        kind = 'JumpBackward' if 'BACKWARD' in name else 'JumpForward'
    for attr, k in (('hasconst','Const'),('hasname','Name'),('haslocal','Local'),
                    ('hasfree','Free'),('hascompare','Compare')):
        if num in getattr(opcode, attr): kind = k
    print('B', name, num, opcode._inline_cache_entries[num], kind)
for name in opcode._specialized_instructions:
    fam = [f for f, v in opcode._specializations.items() if name in v][0]
    print('S', name, dis._all_opmap[name], fam)
print('H', opcode.HAVE_ARGUMENT, opcode.EXTENDED_ARG)
print('C', ' '.join(opcode.cmp_op))
print('N', ' '.join(a + ':' + b for a, b in opcode._nb_ops))
"#;
        let out = match Command::new("python3").arg("-c").arg(script).output() {
            Ok(out) if out.status.success() => String::from_utf8(out.stdout).unwrap(),
            _ => {
                eprintln!("python3 not available: skipping the opcode oracle check");
                return;
            }
        };
        let mut mine = String::new();
        for op in BASE_OPCODES {
            mine += &format!(
                "B {} {} {} {:?}\n",
                op.name(),
                *op as u8,
                op.cache_entries(),
                op.arg_kind()
            );
        }
        for op in SPECIALIZED_OPCODES {
            mine += &format!("S {} {} {}\n", op.name(), *op as u8, op.deopt().name());
        }
        mine += &format!("H {} {}\n", HAVE_ARGUMENT, Opcode::EXTENDED_ARG as u8);
        mine += &format!("C {}\n", CMP_OP.join(" "));
        let nb: Vec<String> = NB_OPS.iter().map(|(a, b)| format!("{a}:{b}")).collect();
        mine += &format!("N {}\n", nb.join(" "));
        assert_eq!(mine, out);
    }

    #[test]
    fn from_u8_round_trips() {
        for b in 0..=255u8 {
            if let Some(op) = Opcode::from_u8(b) {
                assert_eq!(op as u8, b);
            }
        }
        assert_eq!(BASE_OPCODES.len() + SPECIALIZED_OPCODES.len(), 110 + 71);
        assert_eq!(opname(4), "<4>");
        assert_eq!(opname(100), "LOAD_CONST");
    }
}
