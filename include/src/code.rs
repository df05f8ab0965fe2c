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
    /// Countdown to quickening (`co_warmup`).
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
