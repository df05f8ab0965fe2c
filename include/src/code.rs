//! The code object's layout and flags. Mirrors Include/cpython/code.h (CPython 3.11);
//! the `code` type's behaviour is `objects::codeobject` (Objects/codeobject.c).
//!
//! Differences from CPython: the adaptive bytecode (`co_code_adaptive`) is a separate
//! boxed slice rather than trailing the struct.

use std::cell::{Cell, UnsafeCell};

use crate::object::{PyCell, PyObject, PyObjectLayout, PyObjectRef};

/// One 16-bit code unit: opcode in the low byte, argument in the high byte (the byte
/// order of `co_code` on a little-endian machine).
#[allow(non_camel_case_types)]
pub type _Py_CODEUNIT = u16;

/// The opcode of a code unit (`_Py_OPCODE`).
#[inline(always)]
pub const fn _Py_OPCODE(word: _Py_CODEUNIT) -> u8 {
    (word & 0xff) as u8
}

/// The argument of a code unit (`_Py_OPARG`).
#[inline(always)]
pub const fn _Py_OPARG(word: _Py_CODEUNIT) -> u32 {
    (word >> 8) as u32
}

/// A code unit from an opcode and an argument byte (`_Py_MAKECODEUNIT`).
#[inline(always)]
pub const fn _Py_MAKECODEUNIT(opcode: u8, oparg: u8) -> _Py_CODEUNIT {
    opcode as u16 | ((oparg as u16) << 8)
}

// `co_flags` bits.
pub const CO_OPTIMIZED: i32 = 0x0001;
pub const CO_NEWLOCALS: i32 = 0x0002;
pub const CO_VARARGS: i32 = 0x0004;
pub const CO_VARKEYWORDS: i32 = 0x0008;
pub const CO_NESTED: i32 = 0x0010;
pub const CO_GENERATOR: i32 = 0x0020;
pub const CO_NOFREE: i32 = 0x0040;
pub const CO_COROUTINE: i32 = 0x0080;
pub const CO_ITERABLE_COROUTINE: i32 = 0x0100;
pub const CO_ASYNC_GENERATOR: i32 = 0x0200;
pub const CO_FUTURE_DIVISION: i32 = 0x20000;
pub const CO_FUTURE_ABSOLUTE_IMPORT: i32 = 0x40000;
pub const CO_FUTURE_WITH_STATEMENT: i32 = 0x80000;
pub const CO_FUTURE_PRINT_FUNCTION: i32 = 0x100000;
pub const CO_FUTURE_UNICODE_LITERALS: i32 = 0x200000;
pub const CO_FUTURE_BARRY_AS_BDFL: i32 = 0x400000;
pub const CO_FUTURE_GENERATOR_STOP: i32 = 0x800000;
pub const CO_FUTURE_ANNOTATIONS: i32 = 0x1000000;

// Kinds of `co_localsplusnames` entries (`co_localspluskinds`), pycore_code.h.
pub const CO_FAST_LOCAL: u8 = 0x20;
pub const CO_FAST_CELL: u8 = 0x40;
pub const CO_FAST_FREE: u8 = 0x80;

/// `PyCodeObject`: compiled bytecode with everything needed to run it.
#[repr(C)]
pub struct PyCodeObject {
    pub ob_base: PyObject,
    /// Constants, a tuple.
    pub co_consts: PyObjectRef,
    /// Names used by `*_NAME`, `*_GLOBAL`, `*_ATTR` and `LOAD_METHOD`, a tuple of str.
    pub co_names: PyObjectRef,
    /// The exception table, bytes in the 3.11 varint format.
    pub co_exceptiontable: PyObjectRef,
    pub co_flags: i32,
    /// Counts up from `QUICKENING_INITIAL_WARMUP_VALUE`; quickened at 0 (`co_warmup`).
    pub co_warmup: Cell<i16>,
    pub co_argcount: i32,
    pub co_posonlyargcount: i32,
    pub co_kwonlyargcount: i32,
    pub co_stacksize: i32,
    pub co_firstlineno: i32,
    /// Locals, cells and free variables together (`co_nlocalsplus`).
    pub co_nlocalsplus: i32,
    pub co_nlocals: i32,
    /// Cell variables that are not also arguments.
    pub co_nplaincellvars: i32,
    pub co_ncellvars: i32,
    pub co_nfreevars: i32,
    /// Names of locals, cells and frees, a tuple of str.
    pub co_localsplusnames: PyObjectRef,
    /// `CO_FAST_*` kind of each name, bytes.
    pub co_localspluskinds: PyObjectRef,
    pub co_filename: PyObjectRef,
    pub co_name: PyObjectRef,
    pub co_qualname: PyObjectRef,
    /// The location table, bytes in the 3.11 (PEP 626/657) format.
    pub co_linetable: PyObjectRef,
    pub co_weakreflist: PyCell<Option<PyObjectRef>>,
    /// `co_code` as bytes, made on first request (`_co_code`).
    pub _co_code: PyCell<Option<PyObjectRef>>,
    /// Index of the first instruction a tracer would see (after the prologue).
    pub _co_firsttraceable: i32,
    /// The line of every code unit, made the first time the code is traced
    /// (`_co_linearray`; CPython stores 2- or 4-byte entries, pyrs `i32`s).
    pub _co_linearray: PyCell<Option<Box<[i32]>>>,
    /// Slots a frame running this code needs: `co_nlocalsplus + co_stacksize`.
    pub co_framesize: i32,
    /// The bytecode the interpreter runs; the specialising interpreter rewrites
    /// instructions and their inline caches here.
    pub co_code_adaptive: UnsafeCell<Box<[_Py_CODEUNIT]>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyCodeObject {}

impl PyCodeObject {
    /// The first code unit (`_PyCode_CODE`).
    #[inline(always)]
    pub fn code_ptr(&self) -> *mut _Py_CODEUNIT {
        // SAFETY: the box is never replaced after construction, only its contents
        // rewritten, so the pointer stays valid as long as the code object lives.
        unsafe { (*self.co_code_adaptive.get()).as_mut_ptr() }
    }

    /// The number of code units.
    #[inline(always)]
    pub fn code_len(&self) -> usize {
        // SAFETY: see `code_ptr`.
        unsafe { (&*self.co_code_adaptive.get()).len() }
    }

    /// The code unit at `index` (`index < code_len()`).
    #[inline(always)]
    pub fn code_unit(&self, index: usize) -> _Py_CODEUNIT {
        // SAFETY: see `code_ptr`; the read is a plain copy.
        unsafe { (&*self.co_code_adaptive.get())[index] }
    }
}

// --- The specialising interpreter's counters (Include/internal/pycore_code.h) -----------
//
// Every adaptive family keeps a 16-bit counter in its first inline cache entry. While
// the instruction is in its adaptive form the counter holds a 12-bit countdown and, in
// its low 4 bits, a backoff exponent: each failed attempt to specialise doubles the
// wait before the next (1, 3, 7, ... 4095 executions). Once specialised, the counter
// counts the misses the specialised form may take (53) before it reverts.

/// Code objects are quickened after this many calls or loop iterations
/// (`QUICKENING_WARMUP_DELAY`); `co_warmup` starts at its negation and counts up.
pub const QUICKENING_WARMUP_DELAY: i16 = 8;
/// `QUICKENING_INITIAL_WARMUP_VALUE`.
pub const QUICKENING_INITIAL_WARMUP_VALUE: i16 = -QUICKENING_WARMUP_DELAY;

/// `ADAPTIVE_BACKOFF_BITS`: the low bits of a counter hold the backoff exponent.
pub const ADAPTIVE_BACKOFF_BITS: u32 = 4;
/// `ADAPTIVE_BACKOFF_START`: the first wait is 2**5 - 1 = 31 executions.
pub const ADAPTIVE_BACKOFF_START: u32 = 5;
/// `MAX_BACKOFF_VALUE`: the countdown has 12 bits.
pub const MAX_BACKOFF_VALUE: u32 = 16 - ADAPTIVE_BACKOFF_BITS;

/// `adaptive_counter_bits`.
#[inline(always)]
pub const fn adaptive_counter_bits(value: u32, backoff: u32) -> u16 {
    ((value << ADAPTIVE_BACKOFF_BITS) | (backoff & ((1 << ADAPTIVE_BACKOFF_BITS) - 1))) as u16
}

/// `adaptive_counter_start`: the counter of a freshly de-specialised instruction.
#[inline(always)]
pub const fn adaptive_counter_start() -> u16 {
    adaptive_counter_bits((1 << ADAPTIVE_BACKOFF_START) - 1, ADAPTIVE_BACKOFF_START)
}

/// `adaptive_counter_backoff`: the counter after a failed attempt to specialise.
#[inline(always)]
pub const fn adaptive_counter_backoff(counter: u16) -> u16 {
    let mut backoff = (counter as u32 & ((1 << ADAPTIVE_BACKOFF_BITS) - 1)) + 1;
    if backoff > MAX_BACKOFF_VALUE {
        backoff = MAX_BACKOFF_VALUE;
    }
    adaptive_counter_bits((1 << backoff) - 1, backoff)
}

/// `ADAPTIVE_COUNTER_IS_ZERO`: time to try specialising again.
#[inline(always)]
pub const fn adaptive_counter_is_zero(counter: u16) -> bool {
    counter < (1 << ADAPTIVE_BACKOFF_BITS)
}

/// `DECREMENT_ADAPTIVE_COUNTER`.
#[inline(always)]
pub const fn adaptive_counter_decrement(counter: u16) -> u16 {
    counter.wrapping_sub(1 << ADAPTIVE_BACKOFF_BITS)
}

/// `miss_counter_start`: misses a specialised instruction takes before it reverts to
/// its adaptive form.
#[inline(always)]
pub const fn miss_counter_start() -> u16 {
    53
}

/// `read_u32`: a 32-bit value kept in two cache entries, low half first.
///
/// # Safety
/// `p` must point at two readable code units.
#[inline(always)]
pub unsafe fn read_u32(p: *const _Py_CODEUNIT) -> u32 {
    // SAFETY: upheld by the caller.
    unsafe { *p as u32 | ((*p.add(1) as u32) << 16) }
}

/// `write_u32`.
///
/// # Safety
/// `p` must point at two writable code units.
#[inline(always)]
pub unsafe fn write_u32(p: *mut _Py_CODEUNIT, v: u32) {
    // SAFETY: upheld by the caller.
    unsafe {
        *p = v as u16;
        *p.add(1) = (v >> 16) as u16;
    }
}

/// `read_u64` / `read_obj`: a 64-bit value (a pointer) in four cache entries.
///
/// # Safety
/// `p` must point at four readable code units.
#[inline(always)]
pub unsafe fn read_u64(p: *const _Py_CODEUNIT) -> u64 {
    // SAFETY: upheld by the caller.
    unsafe { read_u32(p) as u64 | ((read_u32(p.add(2)) as u64) << 32) }
}

/// `write_u64` / `write_obj`.
///
/// # Safety
/// `p` must point at four writable code units.
#[inline(always)]
pub unsafe fn write_u64(p: *mut _Py_CODEUNIT, v: u64) {
    // SAFETY: upheld by the caller.
    unsafe {
        write_u32(p, v as u32);
        write_u32(p.add(2), (v >> 32) as u32);
    }
}
