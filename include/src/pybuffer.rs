//! The buffer protocol. Mirrors Include/pybuffer.h (CPython 3.11).
//!
//! An exporter (`bytes`, `bytearray`, `memoryview`, `array.array`, ...) fills a
//! [`Py_buffer`] describing a block of memory it owns: where it is, how long, the
//! struct-module format of its items, and its shape and strides. The consumer keeps
//! the exporter alive through `view.obj` and hands the view back with
//! `PyBuffer_Release` (objects/src/abstract.rs), which calls the exporter's
//! `bf_releasebuffer` so that, for example, a `bytearray` may be resized again.
//!
//! Differences from CPython: `shape` and `strides` are owned `Vec`s that exporters
//! always fill (CPython leaves them NULL when the request flags don't ask for them);
//! `format` is a `&'static str` (every format pyrs exports is a fixed string); there
//! are no `suboffsets` (no pyrs exporter uses PIL-style indirect arrays); `internal`
//! is a plain word the exporter may use.

use crate::object::{PyObjectRef, Py_ssize_t};

/// `Py_buffer`: one consumer's view of an exporter's memory.
pub struct Py_buffer {
    /// Start of the memory (for a strided view, of the first item).
    pub buf: *mut u8,
    /// The exporter, kept alive while the view lives (`None` for a bare fill).
    pub obj: Option<PyObjectRef>,
    /// Length in bytes: `product(shape) * itemsize`.
    pub len: Py_ssize_t,
    pub itemsize: Py_ssize_t,
    pub readonly: bool,
    /// Number of dimensions (0 for a scalar view).
    pub ndim: usize,
    /// The item format in struct-module syntax; `None` means `"B"`.
    pub format: Option<&'static str>,
    /// Items along each dimension (`ndim` entries).
    pub shape: Vec<Py_ssize_t>,
    /// Bytes to step along each dimension (`ndim` entries; may be negative).
    pub strides: Vec<Py_ssize_t>,
    /// The exporter's own bookkeeping.
    pub internal: usize,
}

impl Py_buffer {
    /// An empty view, to be filled by `PyObject_GetBuffer`.
    pub const fn new() -> Py_buffer {
        Py_buffer {
            buf: std::ptr::null_mut(),
            obj: None,
            len: 0,
            itemsize: 1,
            readonly: true,
            ndim: 1,
            format: None,
            shape: Vec::new(),
            strides: Vec::new(),
            internal: 0,
        }
    }

    /// The same layout (memory, sizes, format, shape, strides) without the reference
    /// to the exporter: a description of the memory, not an export of it.
    pub fn clone_layout(&self) -> Py_buffer {
        Py_buffer {
            buf: self.buf,
            obj: None,
            len: self.len,
            itemsize: self.itemsize,
            readonly: self.readonly,
            ndim: self.ndim,
            format: self.format,
            shape: self.shape.clone(),
            strides: self.strides.clone(),
            internal: self.internal,
        }
    }

    /// The format, `"B"` when none was given.
    pub fn format_str(&self) -> &'static str {
        self.format.unwrap_or("B")
    }
}

impl Default for Py_buffer {
    fn default() -> Self {
        Py_buffer::new()
    }
}

/// `getbufferproc`: fill `view` for the request `flags`, or raise `BufferError`.
pub type getbufferproc = fn(
    exporter: &crate::object::PyObject,
    view: &mut Py_buffer,
    flags: i32,
) -> crate::pyerrors::PyResult<()>;
/// `releasebufferproc`: a view obtained from `bf_getbuffer` is given back.
pub type releasebufferproc = fn(exporter: &crate::object::PyObject, view: &mut Py_buffer);

/// Maximum number of dimensions (`PyBUF_MAX_NDIM`).
pub const PyBUF_MAX_NDIM: usize = 64;

// Request flags, with CPython's values.
pub const PyBUF_SIMPLE: i32 = 0;
pub const PyBUF_WRITABLE: i32 = 0x0001;
pub const PyBUF_FORMAT: i32 = 0x0004;
pub const PyBUF_ND: i32 = 0x0008;
pub const PyBUF_STRIDES: i32 = 0x0010 | PyBUF_ND;
pub const PyBUF_C_CONTIGUOUS: i32 = 0x0020 | PyBUF_STRIDES;
pub const PyBUF_F_CONTIGUOUS: i32 = 0x0040 | PyBUF_STRIDES;
pub const PyBUF_ANY_CONTIGUOUS: i32 = 0x0080 | PyBUF_STRIDES;
pub const PyBUF_INDIRECT: i32 = 0x0100 | PyBUF_STRIDES;
pub const PyBUF_CONTIG: i32 = PyBUF_ND | PyBUF_WRITABLE;
pub const PyBUF_CONTIG_RO: i32 = PyBUF_ND;
pub const PyBUF_STRIDED: i32 = PyBUF_STRIDES | PyBUF_WRITABLE;
pub const PyBUF_STRIDED_RO: i32 = PyBUF_STRIDES;
pub const PyBUF_RECORDS: i32 = PyBUF_STRIDES | PyBUF_WRITABLE | PyBUF_FORMAT;
pub const PyBUF_RECORDS_RO: i32 = PyBUF_STRIDES | PyBUF_FORMAT;
pub const PyBUF_FULL: i32 = PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT;
pub const PyBUF_FULL_RO: i32 = PyBUF_INDIRECT | PyBUF_FORMAT;
pub const PyBUF_READ: i32 = 0x100;
pub const PyBUF_WRITE: i32 = 0x200;
