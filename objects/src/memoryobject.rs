//! `memoryview` and the managed buffer behind it. Mirrors Objects/memoryobject.c
//! (CPython 3.11).
//!
//! `memoryview(obj)` asks `obj` for a buffer once (`PyObject_GetBuffer` with
//! `PyBUF_FULL_RO`) and keeps it in a *managed buffer* (`_PyManagedBufferObject`).
//! Every view made from it (slices, casts, `toreadonly()`, `memoryview(view)`)
//! registers with the same managed buffer and keeps its own copy of the layout
//! (`view`: pointer, shape, strides, format). When the last registered view is
//! released, explicitly or by dying, the managed buffer gives the buffer back to the
//! exporter, so a `bytearray` can be resized again.
//!
//! Items are packed and unpacked for the native single-character struct formats
//! (`'B'`, `'i'`, `'d'`, `'?'`, `'c'`, ...), as CPython's fast paths do.
//!
//! Differences from CPython: the shape and strides live in `Vec`s rather than in an
//! array after the object (`__sizeof__` reports CPython's figure); formats other than the native single characters (which
//! CPython hands to the `struct` module) raise `NotImplementedError("memoryview:
//! unsupported format ...")`, as CPython does where `struct` cannot help; no pyrs
//! exporter produces such formats. No PIL-style `suboffsets`.

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::*;
use include::cpython::object::{PyBufferProcs, PyMappingMethods, PySequenceMethods};
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::boolobject::PyBool_FromLong;
use crate::bytesobject::{_Py_strhex, PyBytesObject, PyBytes_FromSlice, PyBytes_FromVec};
use crate::exceptions::*;
use crate::floatobject::{PyFloat_AsDouble, PyFloat_FromDouble};
use crate::listobject::PyList_New;
use crate::longobject::{long_to_bigint, PyLong_FromLong, PyLong_FromU64};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::r#abstract::*;
use crate::sliceobject::{PySliceObject, PySlice_AdjustIndices, PySlice_Unpack, Py_Ellipsis};
use crate::tupleobject::{PyTupleObject, PyTuple_New};
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{as_str_lossy, PyUnicodeObject, PyUnicode_FromString};

// --- The managed buffer --------------------------------------------------------------------

/// `_PyManagedBufferObject`: the exporter's buffer, shared by the views made from it.
#[repr(C)]
pub struct PyManagedBufferObject {
    pub ob_base: PyObject,
    /// `_Py_MANAGED_BUFFER_RELEASED` once the buffer went back to the exporter.
    released: Cell<bool>,
    /// How many memoryviews are registered with this buffer.
    exports: Cell<isize>,
    /// The view the exporter filled (`master`).
    master: PyCell<Py_buffer>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyManagedBufferObject {}

fn as_mbuf(obj: &PyObject) -> &PyManagedBufferObject {
    debug_assert!(obj.is_type(&_PyManagedBuffer_Type));
    // SAFETY: only called on managed buffers (memoryviews hold nothing else in `mbuf`).
    unsafe { &*(obj as *const PyObject as *const PyManagedBufferObject) }
}

impl PyManagedBufferObject {
    fn master(&self) -> &Py_buffer {
        // SAFETY: the master view is only replaced by `mbuf_release`, which runs no
        // Python code while no reader holds this borrow.
        unsafe { self.master.get_ref() }
    }
}

/// `_PyManagedBuffer_FromObject`: get `obj`'s buffer into a new managed buffer.
fn mbuf_from_object(obj: &PyObject) -> PyResult<PyObjectRef> {
    let mut view = Py_buffer::new();
    PyObject_GetBuffer(obj, &mut view, PyBUF_FULL_RO)?;
    // SAFETY: the layout is `PyManagedBufferObject`'s.
    let m = unsafe {
        alloc_object(
            &_PyManagedBuffer_Type,
            PyManagedBufferObject {
                ob_base: PyObject_HEAD_INIT,
                released: Cell::new(false),
                exports: Cell::new(0),
                master: PyCell::new(view),
            },
        )
    };
    Ok(m.into_object())
}

/// `mbuf_release`: give the buffer back to its exporter (once).
fn mbuf_release(mbuf: &PyManagedBufferObject) {
    if mbuf.released.replace(true) {
        return;
    }
    // SAFETY: no other borrow of the master view is live while it is released.
    let master = unsafe { mbuf.master.get_mut() };
    PyBuffer_Release(master);
}

unsafe fn mbuf_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead managed buffer; untrack before releasing the buffer,
    // which may run the exporter's code.
    unsafe {
        include::gc::gc_untrack(op);
        mbuf_release(as_mbuf(&*op));
        dealloc_object::<PyManagedBufferObject>(op);
    }
}

fn mbuf_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(o) = &as_mbuf(obj).master().obj {
        visit(o);
    }
}

fn mbuf_clear(obj: &PyObject) {
    mbuf_release(as_mbuf(obj));
}

/// `_PyManagedBuffer_Type`.
pub static _PyManagedBuffer_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "managedbuffer",
    tp_basicsize: Cell::new(size_of::<PyManagedBufferObject>()),
    tp_dealloc: slot(mbuf_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(mbuf_traverse),
    tp_clear: slot(mbuf_clear),
    ..PyTypeObject::DEFAULT
};

// --- The memoryview object --------------------------------------------------------------------

const _Py_MEMORYVIEW_RELEASED: u32 = 0x001;
const _Py_MEMORYVIEW_C: u32 = 0x002;
const _Py_MEMORYVIEW_FORTRAN: u32 = 0x004;
const _Py_MEMORYVIEW_SCALAR: u32 = 0x008;

/// `PyMemoryViewObject`.
#[repr(C)]
pub struct PyMemoryViewObject {
    pub ob_base: PyObject,
    /// The managed buffer this view is registered with.
    mbuf: PyCell<Option<PyObjectRef>>,
    /// Cached hash (-1: not computed).
    hash: Cell<Py_hash_t>,
    /// `_Py_MEMORYVIEW_*` bits.
    flags: Cell<u32>,
    /// Buffers this memoryview exported in turn.
    exports: Cell<isize>,
    /// This view's layout. `obj` stays `None`: the exporter is `mbuf`'s.
    view: PyCell<Py_buffer>,
    weakreflist: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyMemoryViewObject {}

impl PyTypeInfo for PyMemoryViewObject {
    fn type_object() -> &'static PyTypeObject {
        &PyMemoryView_Type
    }
    /// `PyMemoryView_Check`: `memoryview` cannot be subclassed.
    #[inline(always)]
    fn check(obj: &PyObject) -> bool {
        obj.is_type(&PyMemoryView_Type)
    }
}

fn as_mv(obj: &PyObject) -> &PyMemoryViewObject {
    debug_assert!(PyMemoryViewObject::check(obj));
    // SAFETY: only called from memoryview's slots and methods.
    unsafe { &*(obj as *const PyObject as *const PyMemoryViewObject) }
}

impl PyMemoryViewObject {
    fn view(&self) -> &Py_buffer {
        // SAFETY: a view's layout is only changed while it is being built (before
        // anyone else sees it); readers run no Python code while they hold it.
        unsafe { self.view.get_ref() }
    }

    fn mbuf(&self) -> Option<&PyManagedBufferObject> {
        // SAFETY: `mbuf` is set at creation and cleared only at deallocation.
        unsafe { self.mbuf.get_ref() }.as_deref().map(as_mbuf)
    }

    /// `BASE_INACCESSIBLE`: this view or its managed buffer was released.
    fn inaccessible(&self) -> bool {
        self.flags.get() & _Py_MEMORYVIEW_RELEASED != 0
            || self.mbuf().is_none_or(|m| m.released.get())
    }

    /// `CHECK_RELEASED`.
    fn check_released(&self) -> PyResult<()> {
        if self.inaccessible() {
            return Err(value_error(
                "operation forbidden on released memoryview object",
            ));
        }
        Ok(())
    }
}

/// `init_flags`: contiguity of a view's layout.
fn init_flags(mv: &PyMemoryViewObject) {
    let view = mv.view();
    let mut flags = 0;
    match view.ndim {
        0 => flags |= _Py_MEMORYVIEW_SCALAR | _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN,
        1 => {
            if view.shape[0] == 1 || view.strides[0] == view.itemsize {
                flags |= _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN;
            }
        }
        _ => {
            if PyBuffer_IsContiguous(view, 'C') {
                flags |= _Py_MEMORYVIEW_C;
            }
            if PyBuffer_IsContiguous(view, 'F') {
                flags |= _Py_MEMORYVIEW_FORTRAN;
            }
        }
    }
    mv.flags.set(flags);
}

/// `init_strides_from_shape`: C-order strides for a view's shape.
fn init_strides_from_shape(view: &mut Py_buffer) {
    let ndim = view.ndim;
    view.strides = vec![0; ndim];
    if ndim == 0 {
        return;
    }
    view.strides[ndim - 1] = view.itemsize;
    for i in (0..ndim - 1).rev() {
        view.strides[i] = view.strides[i + 1] * view.shape[i + 1];
    }
}

/// `mbuf_add_view`: a new memoryview registered with `mbuf`, laid out as `src` (the
/// master view when `None`).
fn mbuf_add_view(
    mbuf: &PyObjectRef,
    src: Option<&Py_buffer>,
) -> PyResult<PyRef<PyMemoryViewObject>> {
    let m = as_mbuf(mbuf);
    let src = src.unwrap_or_else(|| m.master());
    if src.ndim > PyBUF_MAX_NDIM {
        return Err(value_error(
            "memoryview: number of dimensions must not exceed 64",
        ));
    }
    let mut view = Py_buffer {
        buf: src.buf,
        obj: None,
        len: src.len,
        itemsize: src.itemsize,
        readonly: src.readonly,
        ndim: src.ndim,
        format: Some(src.format_str()),
        shape: Vec::new(),
        strides: Vec::new(),
        internal: src.internal,
    };
    // `init_shape_strides`.
    match src.ndim {
        0 => {}
        1 => {
            let shape0 = src
                .shape
                .first()
                .copied()
                .unwrap_or(src.len / src.itemsize.max(1));
            let stride0 = src.strides.first().copied().unwrap_or(src.itemsize);
            view.shape = vec![shape0];
            view.strides = vec![stride0];
        }
        _ => {
            view.shape = src.shape.clone();
            if src.strides.len() == src.ndim {
                view.strides = src.strides.clone();
            } else {
                init_strides_from_shape(&mut view);
            }
        }
    }
    Ok(memory_alloc(mbuf, view))
}

/// Allocate a memoryview over `view`, registered with `mbuf`.
fn memory_alloc(mbuf: &PyObjectRef, view: Py_buffer) -> PyRef<PyMemoryViewObject> {
    let m = as_mbuf(mbuf);
    m.exports.set(m.exports.get() + 1);
    // SAFETY: the layout is `PyMemoryViewObject`'s.
    let mv = unsafe {
        alloc_object(
            &PyMemoryView_Type,
            PyMemoryViewObject {
                ob_base: PyObject_HEAD_INIT,
                mbuf: PyCell::new(Some(mbuf.clone())),
                hash: Cell::new(-1),
                flags: Cell::new(0),
                exports: Cell::new(0),
                view: PyCell::new(view),
                weakreflist: PyCell::new(None),
            },
        )
    };
    init_flags(&mv);
    mv
}

/// `PyMemoryView_FromObject`.
pub fn PyMemoryView_FromObject(v: &PyObject) -> PyResult {
    if PyMemoryViewObject::check(v) {
        let mv = as_mv(v);
        mv.check_released()?;
        // SAFETY: `mbuf` is set while the view is not released.
        let mbuf = unsafe { mv.mbuf.get_ref() }
            .clone()
            .expect("an unreleased view has its buffer");
        return Ok(mbuf_add_view(&mbuf, Some(mv.view()))?.into_object());
    }
    if PyObject_CheckBuffer(v) {
        let mbuf = mbuf_from_object(v)?;
        return Ok(mbuf_add_view(&mbuf, None)?.into_object());
    }
    Err(type_error(format!(
        "memoryview: a bytes-like object is required, not '{}'",
        v.ob_type().name()
    )))
}

/// `memoryview(object)`.
fn memory_new(_tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = crate::getargs::parse_args("memoryview", args, kwnames, &["object"], 1)?;
    let obj = a[0].as_ref().expect("a required argument is present");
    PyMemoryView_FromObject(obj)
}

/// `_memory_release`: unregister from the managed buffer, which gives the buffer back
/// when no view is left.
fn memory_release_inner(mv: &PyMemoryViewObject) -> PyResult<()> {
    if mv.flags.get() & _Py_MEMORYVIEW_RELEASED != 0 {
        return Ok(());
    }
    let n = mv.exports.get();
    if n == 0 {
        mv.flags.set(mv.flags.get() | _Py_MEMORYVIEW_RELEASED);
        if let Some(m) = mv.mbuf() {
            m.exports.set(m.exports.get() - 1);
            if m.exports.get() == 0 {
                mbuf_release(m);
            }
        }
        return Ok(());
    }
    Err(PyErr_SetString(
        &PyExc_BufferError,
        format!(
            "memoryview has {n} exported buffer{}",
            if n == 1 { "" } else { "s" }
        ),
    ))
}

fn memory_release(obj: &PyObject) -> PyResult {
    memory_release_inner(as_mv(obj))?;
    Ok(none())
}

fn memory_enter(obj: &PyObject) -> PyResult {
    as_mv(obj).check_released()?;
    Ok(obj.to_owned())
}

fn memory_exit(obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    memory_release(obj)
}

unsafe fn memory_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead memoryview: untrack, clear weak references, release
    // (it exports nothing: an export holds a reference), then free.
    unsafe {
        include::gc::gc_untrack(op);
        let mv = as_mv(&*op);
        let _ = memory_release_inner(mv);
        if mv.weakreflist.get_ref().is_some() {
            crate::weakrefobject::PyObject_ClearWeakRefs(&*op);
        }
        dealloc_object::<PyMemoryViewObject>(op);
    }
}

fn memory_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(m) = unsafe { as_mv(obj).mbuf.get_ref() } {
        visit(m);
    }
}

fn memory_clear(obj: &PyObject) {
    let mv = as_mv(obj);
    if memory_release_inner(mv).is_ok() {
        mv.mbuf.set(None);
    }
}

// --- The buffer this view exports ----------------------------------------------------------

/// `memory_getbuf`: a consumer's view of this memoryview.
fn memory_getbuf(obj: &PyObject, view: &mut Py_buffer, flags: i32) -> PyResult<()> {
    let mv = as_mv(obj);
    mv.check_released()?;
    let base = mv.view();
    let bflags = mv.flags.get();
    if flags & PyBUF_WRITABLE == PyBUF_WRITABLE && base.readonly {
        return Err(PyErr_SetString(
            &PyExc_BufferError,
            "memoryview: underlying buffer is not writable",
        ));
    }
    let not = |what: &str| {
        Err(PyErr_SetString(
            &PyExc_BufferError,
            format!("memoryview: underlying buffer is not {what}"),
        ))
    };
    if flags & PyBUF_C_CONTIGUOUS == PyBUF_C_CONTIGUOUS && bflags & _Py_MEMORYVIEW_C == 0 {
        return not("C-contiguous");
    }
    if flags & PyBUF_F_CONTIGUOUS == PyBUF_F_CONTIGUOUS && bflags & _Py_MEMORYVIEW_FORTRAN == 0 {
        return not("Fortran contiguous");
    }
    if flags & PyBUF_ANY_CONTIGUOUS == PyBUF_ANY_CONTIGUOUS
        && bflags & (_Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN) == 0
    {
        return not("contiguous");
    }
    if flags & PyBUF_STRIDES != PyBUF_STRIDES && bflags & _Py_MEMORYVIEW_C == 0 {
        return not("C-contiguous");
    }
    let want_format = flags & PyBUF_FORMAT == PyBUF_FORMAT;
    if flags & PyBUF_ND != PyBUF_ND && want_format {
        return Err(PyErr_SetString(
            &PyExc_BufferError,
            "memoryview: cannot cast to unsigned bytes if the format flag is present",
        ));
    }
    *view = base.clone_layout();
    view.obj = Some(obj.to_owned());
    if !want_format {
        view.format = None;
    }
    if flags & PyBUF_ND != PyBUF_ND {
        // PyBUF_SIMPLE or PyBUF_WRITABLE: the consumer sees `len` contiguous bytes
        // (CPython leaves `shape` NULL and `ndim` 1).
        view.ndim = 1;
        view.itemsize = 1;
        view.shape = vec![base.len];
        view.strides = vec![1];
    }
    mv.exports.set(mv.exports.get() + 1);
    Ok(())
}

fn memory_releasebuf(obj: &PyObject, _view: &mut Py_buffer) {
    let mv = as_mv(obj);
    mv.exports.set(mv.exports.get() - 1);
}

// --- Items ---------------------------------------------------------------------------------

/// `get_native_fmtchar`: the item size of a native single-character format
/// (optionally prefixed with `'@'`), and the character.
fn get_native_fmtchar(fmt: &str) -> Option<(u8, usize)> {
    let b = fmt.strip_prefix('@').unwrap_or(fmt).as_bytes();
    if b.len() != 1 {
        return None;
    }
    let size = match b[0] {
        b'c' | b'b' | b'B' | b'?' => 1,
        b'h' | b'H' => size_of::<i16>(),
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    };
    Some((b[0], size))
}

/// `get_native_fmtstr`: the static form of a cast's format string.
fn get_native_fmtstr(fmt: &str) -> Option<&'static str> {
    const PLAIN: &[&str] = &[
        "c", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "?", "P",
    ];
    const AT: &[&str] = &[
        "@c", "@b", "@B", "@h", "@H", "@i", "@I", "@l", "@L", "@q", "@Q", "@n", "@N", "@f", "@d",
        "@?", "@P",
    ];
    PLAIN.iter().chain(AT).find(|s| **s == fmt).copied()
}

fn is_byte_format(c: u8) -> bool {
    matches!(c, b'b' | b'B' | b'c')
}

/// The format character of a view, or `NotImplementedError` for formats the native
/// code does not handle (CPython's `adjust_fmt` then the struct-module fallback).
///
/// A single character that is not a native format (the `'w'` that `array('u')`
/// exports) passes, as in CPython: reading or writing an item then fails with
/// "memoryview: format w not supported" (`unpack_single`, `pack_single`).
fn adjust_fmt(view: &Py_buffer) -> PyResult<u8> {
    let fmt = view.format_str();
    let unsupported = || not_implemented_error(format!("memoryview: unsupported format {fmt}"));
    match get_native_fmtchar(fmt) {
        Some((c, size)) if size as isize == view.itemsize => Ok(c),
        Some(_) => Err(unsupported()),
        None => match fmt.strip_prefix('@').unwrap_or(fmt).as_bytes() {
            [c] => Ok(*c),
            _ => Err(unsupported()),
        },
    }
}

/// `unpack_single`: the item at `ptr` as a Python object.
///
/// # Safety
/// `ptr` must point at an item of the view's format inside the exporter's memory.
unsafe fn unpack_single(ptr: *const u8, fmt: u8) -> PyResult {
    // SAFETY: see the function's contract; reads are unaligned as items may be.
    unsafe {
        macro_rules! rd {
            ($t:ty) => {
                std::ptr::read_unaligned(ptr as *const $t)
            };
        }
        Ok(match fmt {
            b'B' => PyLong_FromLong(rd!(u8) as i64),
            b'b' => PyLong_FromLong(rd!(i8) as i64),
            b'h' => PyLong_FromLong(rd!(i16) as i64),
            b'H' => PyLong_FromLong(rd!(u16) as i64),
            b'i' => PyLong_FromLong(rd!(i32) as i64),
            b'I' => PyLong_FromLong(rd!(u32) as i64),
            b'l' | b'q' | b'n' => PyLong_FromLong(rd!(i64)),
            b'L' | b'Q' | b'N' | b'P' => PyLong_FromU64(rd!(u64)),
            b'f' => PyFloat_FromDouble(rd!(f32) as f64),
            b'd' => PyFloat_FromDouble(rd!(f64)),
            b'?' => PyBool_FromLong(rd!(u8) != 0),
            b'c' => PyBytes_FromSlice(&[rd!(u8)]),
            _ => {
                return Err(not_implemented_error(format!(
                    "memoryview: format {} not supported",
                    fmt as char
                )))
            }
        })
    }
}

/// `pack_single`: store `item` at `ptr` in the format `fmt`, with CPython's errors
/// ("memoryview: invalid type/value for format 'B'").
///
/// The conversions (`__index__`, `__float__`, `__bool__`) may run Python code that
/// releases `mv` and then resizes the exporter, so the view is checked again just
/// before the write (CPython's `CHECK_RELEASED_AGAIN`).
///
/// # Safety
/// `ptr` must point at a writable item of `mv`'s format inside the exporter's memory.
unsafe fn pack_single(
    mv: &PyMemoryViewObject,
    ptr: *mut u8,
    item: &PyObject,
    fmt_str: &str,
    fmt: u8,
) -> PyResult<()> {
    let invalid_type = || type_error(format!("memoryview: invalid type for format '{fmt_str}'"));
    let invalid_value = || value_error(format!("memoryview: invalid value for format '{fmt_str}'"));
    macro_rules! wr {
        ($v:expr, $t:ty) => {{
            mv.check_released()?;
            // SAFETY: see the function's contract; the view (so the export that
            // keeps the memory in place) is still there.
            unsafe { std::ptr::write_unaligned(ptr as *mut $t, $v as $t) }
        }};
    }
    match fmt {
        b'B' | b'b' | b'h' | b'H' | b'i' | b'I' | b'l' | b'L' | b'q' | b'Q' | b'n' | b'N'
        | b'P' => {
            let index = match PyNumber_Index(item) {
                Ok(i) => i,
                Err(e) if PyErr_ExceptionMatches(&e, &PyExc_TypeError) => {
                    return Err(invalid_type())
                }
                Err(e) => return Err(e),
            };
            let v = long_to_bigint(&index);
            let v: i128 = match i128::try_from(&v) {
                Ok(v) => v,
                Err(_) => return Err(invalid_value()),
            };
            let (lo, hi): (i128, i128) = match fmt {
                b'B' => (0, u8::MAX as i128),
                b'b' => (i8::MIN as i128, i8::MAX as i128),
                b'h' => (i16::MIN as i128, i16::MAX as i128),
                b'H' => (0, u16::MAX as i128),
                b'i' => (i32::MIN as i128, i32::MAX as i128),
                b'I' => (0, u32::MAX as i128),
                b'l' | b'q' | b'n' => (i64::MIN as i128, i64::MAX as i128),
                _ => (0, u64::MAX as i128),
            };
            if v < lo || v > hi {
                return Err(invalid_value());
            }
            match fmt {
                b'B' => wr!(v, u8),
                b'b' => wr!(v, i8),
                b'h' => wr!(v, i16),
                b'H' => wr!(v, u16),
                b'i' => wr!(v, i32),
                b'I' => wr!(v, u32),
                b'l' | b'q' | b'n' => wr!(v, i64),
                _ => wr!(v, u64),
            }
        }
        b'f' | b'd' => {
            let d = match PyFloat_AsDouble(item) {
                Ok(d) => d,
                Err(e) if PyErr_ExceptionMatches(&e, &PyExc_TypeError) => {
                    return Err(invalid_type())
                }
                Err(e) => return Err(e),
            };
            if fmt == b'f' {
                wr!(d, f32);
            } else {
                wr!(d, f64);
            }
        }
        b'?' => {
            let b = PyObject_IsTrue(item)?;
            wr!(b as u8, u8);
        }
        b'c' => {
            let Some(b) = item.downcast_ref::<PyBytesObject>() else {
                return Err(invalid_type());
            };
            let &[c] = b.as_bytes() else {
                return Err(invalid_value());
            };
            wr!(c, u8);
        }
        _ => {
            return Err(not_implemented_error(format!(
                "memoryview: format {fmt_str} not supported"
            )))
        }
    }
    Ok(())
}

/// `lookup_dimension`: the address of item `index` along dimension `dim`.
fn lookup_dimension(view: &Py_buffer, ptr: *mut u8, dim: usize, index: isize) -> PyResult<*mut u8> {
    let nitems = view.shape[dim];
    let index = if index < 0 { index + nitems } else { index };
    if index < 0 || index >= nitems {
        return Err(index_error(format!(
            "index out of bounds on dimension {}",
            dim + 1
        )));
    }
    Ok(ptr.wrapping_offset(view.strides[dim] * index))
}

/// `ptr_from_tuple`: the address of the item a tuple of indices names.
fn ptr_from_tuple(view: &Py_buffer, tup: &PyTupleObject) -> PyResult<*mut u8> {
    let nindices = tup.len();
    if nindices > view.ndim {
        return Err(type_error(format!(
            "cannot index {}-dimension view with {}-element tuple",
            view.ndim, nindices
        )));
    }
    let mut ptr = view.buf;
    for (dim, key) in tup.as_slice().iter().enumerate() {
        let index = PyNumber_AsSsize_t(key, Some(&PyExc_IndexError))?;
        ptr = lookup_dimension(view, ptr, dim, index)?;
    }
    Ok(ptr)
}

fn is_multiindex(key: &PyObject) -> Option<&PyTupleObject> {
    let t = key.downcast_ref::<PyTupleObject>()?;
    t.as_slice().iter().all(|k| PyIndex_Check(k)).then_some(t)
}

fn is_multislice(key: &PyObject) -> bool {
    key.downcast_ref::<PyTupleObject>()
        .is_some_and(|t| t.as_slice().iter().all(|k| PySliceObject::check(k)))
}

/// `init_slice`: narrow dimension `dim` of `view` to a slice.
fn init_slice(view: &mut Py_buffer, key: &PySliceObject, dim: usize) -> PyResult<()> {
    let (mut start, mut stop, step) = PySlice_Unpack(key)?;
    let n = PySlice_AdjustIndices(view.shape[dim], &mut start, &mut stop, step);
    view.buf = view.buf.wrapping_offset(view.strides[dim] * start);
    view.shape[dim] = n;
    view.strides[dim] *= step;
    Ok(())
}

/// `init_len`: `len = product(shape) * itemsize`.
fn init_len(view: &mut Py_buffer) {
    view.len = view.shape.iter().product::<isize>() * view.itemsize;
}

/// `memory_item`: `view[index]` for a one-dimensional view.
fn memory_item(obj: &PyObject, index: Py_ssize_t) -> PyResult {
    let mv = as_mv(obj);
    mv.check_released()?;
    let view = mv.view();
    let fmt = adjust_fmt(view)?;
    match view.ndim {
        0 => Err(type_error("invalid indexing of 0-dim memory")),
        1 => {
            let ptr = lookup_dimension(view, view.buf, 0, index)?;
            // SAFETY: `ptr` is an item of the view, inside the exporter's memory.
            unsafe { unpack_single(ptr, fmt) }
        }
        _ => Err(not_implemented_error(
            "multi-dimensional sub-views are not implemented",
        )),
    }
}

/// `memory_subscript`: `view[key]`.
fn memory_subscript(obj: &PyObject, key: &PyObject) -> PyResult {
    let mv = as_mv(obj);
    mv.check_released()?;
    let view = mv.view();
    if view.ndim == 0 {
        if key
            .downcast_ref::<PyTupleObject>()
            .is_some_and(|t| t.is_empty())
        {
            let fmt = adjust_fmt(view)?;
            // SAFETY: a scalar view's item is at `buf`.
            return unsafe { unpack_single(view.buf, fmt) };
        }
        if key.is(Py_Ellipsis()) {
            return Ok(obj.to_owned());
        }
        return Err(type_error("invalid indexing of 0-dim memory"));
    }
    if PyIndex_Check(key) {
        let index = PyNumber_AsSsize_t(key, Some(&PyExc_IndexError))?;
        return memory_item(obj, index);
    }
    if let Some(s) = key.downcast_ref::<PySliceObject>() {
        // SAFETY: `mbuf` is set while the view is not released.
        let mbuf = unsafe { mv.mbuf.get_ref() }
            .clone()
            .expect("an unreleased view has its buffer");
        let sliced = mbuf_add_view(&mbuf, Some(view))?;
        {
            // SAFETY: `sliced` is new; nobody else sees its layout yet.
            let sv = unsafe { sliced.view.get_mut() };
            init_slice(sv, s, 0)?;
            init_len(sv);
        }
        init_flags(&sliced);
        return Ok(sliced.into_object());
    }
    if let Some(t) = is_multiindex(key) {
        if t.len() < view.ndim {
            return Err(not_implemented_error("sub-views are not implemented"));
        }
        let fmt = adjust_fmt(view)?;
        let ptr = ptr_from_tuple(view, t)?;
        // The indices' `__index__` may have released the view.
        mv.check_released()?;
        // SAFETY: `ptr` is an item of the view, which is still exported.
        return unsafe { unpack_single(ptr, fmt) };
    }
    if is_multislice(key) {
        return Err(not_implemented_error(
            "multi-dimensional slicing is not implemented",
        ));
    }
    Err(type_error("memoryview: invalid slice key"))
}

/// `equiv_format` and `equiv_shape`: may `src` be copied into `dest` item by item?
fn equiv_structure(dest: &Py_buffer, src: &Py_buffer) -> bool {
    let strip = |f: &'static str| f.strip_prefix('@').unwrap_or(f);
    strip(dest.format_str()) == strip(src.format_str())
        && dest.itemsize == src.itemsize
        && dest.ndim == src.ndim
        && dest.shape == src.shape
}

/// `memory_ass_sub`: `view[key] = value` (deletion is refused).
fn memory_ass_sub(obj: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let mv = as_mv(obj);
    mv.check_released()?;
    let view = mv.view();
    if view.readonly {
        return Err(type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(type_error("cannot delete memory"));
    };
    let fmt_str = view.format_str();
    let fmt = adjust_fmt(view)?;
    if view.ndim == 0 {
        if key.is(Py_Ellipsis())
            || key
                .downcast_ref::<PyTupleObject>()
                .is_some_and(|t| t.is_empty())
        {
            // SAFETY: a scalar view's item is at `buf`, writable (not read-only).
            return unsafe { pack_single(mv, view.buf, value, fmt_str, fmt) };
        }
        return Err(type_error("invalid indexing of 0-dim memory"));
    }
    if PyIndex_Check(key) {
        if view.ndim > 1 {
            return Err(not_implemented_error("sub-views are not implemented"));
        }
        let index = PyNumber_AsSsize_t(key, Some(&PyExc_IndexError))?;
        let ptr = lookup_dimension(view, view.buf, 0, index)?;
        // SAFETY: `ptr` is a writable item of the view.
        return unsafe { pack_single(mv, ptr, value, fmt_str, fmt) };
    }
    if let (Some(s), 1) = (key.downcast_ref::<PySliceObject>(), view.ndim) {
        let mut src = Py_buffer::new();
        PyObject_GetBuffer(value, &mut src, PyBUF_FULL_RO)?;
        let mut dest = view.clone_layout();
        let result = init_slice(&mut dest, s, 0).and_then(|()| {
            // The slice's `__index__` may have released the view.
            mv.check_released()?;
            init_len(&mut dest);
            if !equiv_structure(&dest, &src) {
                return Err(value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            // Gather first: source and destination may overlap.
            let data = PyBuffer_ToContiguous(&src, 'C');
            let itemsize = dest.itemsize as usize;
            let mut i = 0;
            buffer_for_each_offset(&dest, 'C', |off| {
                // SAFETY: `off` is an item of the destination view inside the
                // exporter's writable memory; `data` holds exactly its items.
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        data.as_ptr().add(i),
                        dest.buf.offset(off),
                        itemsize,
                    );
                }
                i += itemsize;
            });
            Ok(())
        });
        PyBuffer_Release(&mut src);
        return result;
    }
    if let Some(t) = is_multiindex(key) {
        if t.len() < view.ndim {
            return Err(not_implemented_error("sub-views are not implemented"));
        }
        let ptr = ptr_from_tuple(view, t)?;
        // SAFETY: `ptr` is a writable item of the view.
        return unsafe { pack_single(mv, ptr, value, fmt_str, fmt) };
    }
    if PySliceObject::check(key) || is_multislice(key) {
        return Err(not_implemented_error(
            "memoryview slice assignments are currently restricted to ndim = 1",
        ));
    }
    Err(type_error("memoryview: invalid slice key"))
}

fn memory_length(obj: &PyObject) -> PyResult<Py_ssize_t> {
    let mv = as_mv(obj);
    mv.check_released()?;
    let view = mv.view();
    Ok(if view.ndim == 0 { 1 } else { view.shape[0] })
}

fn memory_sq_item(obj: &PyObject, index: Py_ssize_t) -> PyResult {
    memory_item(obj, index)
}

// --- Conversions ---------------------------------------------------------------------------------

/// `tolist_rec`: nested lists of the items of dimensions `dim..`.
fn tolist_rec(view: &Py_buffer, ptr: *mut u8, dim: usize, fmt: u8) -> PyResult {
    let mut items = Vec::with_capacity(view.shape[dim].max(0) as usize);
    for i in 0..view.shape[dim] {
        let p = ptr.wrapping_offset(view.strides[dim] * i);
        items.push(if dim + 1 == view.ndim {
            // SAFETY: `p` is an item of the view, inside the exporter's memory.
            unsafe { unpack_single(p, fmt)? }
        } else {
            tolist_rec(view, p, dim + 1, fmt)?
        });
    }
    Ok(PyList_New(items).into_object())
}

/// `memoryview.tolist()`.
fn memory_tolist(obj: &PyObject) -> PyResult {
    let mv = as_mv(obj);
    mv.check_released()?;
    let view = mv.view();
    let fmt = adjust_fmt(view)?;
    if view.ndim == 0 {
        // SAFETY: a scalar view's item is at `buf`.
        return unsafe { unpack_single(view.buf, fmt) };
    }
    tolist_rec(view, view.buf, 0, fmt)
}

/// `memoryview.tobytes(order='C')`.
fn memory_tobytes(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = crate::getargs::parse_args("tobytes", args, kwnames, &["order"], 0)?;
    let mv = as_mv(obj);
    mv.check_released()?;
    let order = match &a[0] {
        None => 'C',
        Some(o) if o.is(Py_None()) => 'C',
        Some(o) => {
            let Some(s) = o.downcast_ref::<PyUnicodeObject>() else {
                return Err(type_error(format!(
                    "tobytes() argument 'order' must be str or None, not {}",
                    o.ob_type().name()
                )));
            };
            match &*as_str_lossy(s.as_object()) {
                "C" => 'C',
                "F" => 'F',
                "A" => 'A',
                _ => return Err(value_error("order must be 'C', 'F' or 'A'")),
            }
        }
    };
    Ok(PyBytes_FromVec(PyBuffer_ToContiguous(mv.view(), order)))
}

/// `memoryview.hex(sep=..., bytes_per_sep=1)`.
fn memory_hex(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = crate::getargs::parse_args("hex", args, kwnames, &["sep", "bytes_per_sep"], 0)?;
    let mv = as_mv(obj);
    mv.check_released()?;
    let per = match &a[1] {
        Some(v) => crate::unicodeobject::int_arg(v)?,
        None => 1,
    };
    let data = PyBuffer_ToContiguous(mv.view(), 'C');
    let s = _Py_strhex(a[0].as_deref(), per, &data, false)?;
    Ok(crate::unicodeobject::PyUnicode_FromLatin1(&s))
}

/// `memoryview.toreadonly()`.
fn memory_toreadonly(obj: &PyObject) -> PyResult {
    let mv = as_mv(obj);
    mv.check_released()?;
    // SAFETY: `mbuf` is set while the view is not released.
    let mbuf = unsafe { mv.mbuf.get_ref() }
        .clone()
        .expect("an unreleased view has its buffer");
    let new = mbuf_add_view(&mbuf, Some(mv.view()))?;
    // SAFETY: `new` is not shared yet.
    unsafe { new.view.get_mut() }.readonly = true;
    Ok(new.into_object())
}

/// `memoryview.cast(format, shape=<the same>)`.
fn memory_cast(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = crate::getargs::parse_args("cast", args, kwnames, &["format", "shape"], 1)?;
    let format = a[0].as_ref().expect("a required argument is present");
    let Some(format) = format.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "cast() argument 'format' must be str, not {}",
            format.ob_type().name()
        )));
    };
    let shape = a[1].as_deref();
    let mv = as_mv(obj);
    mv.check_released()?;
    let view = mv.view();
    if mv.flags.get() & _Py_MEMORYVIEW_C == 0 {
        return Err(type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let zeros = view.shape.contains(&0) || view.strides.contains(&0);
    if (shape.is_some() || view.ndim != 1) && zeros {
        return Err(type_error(
            "memoryview: cannot cast view with zeros in shape or strides",
        ));
    }
    let mut new_shape = None;
    if let Some(shape) = shape {
        let items: Vec<PyObjectRef> = if let Some(t) = shape.downcast_ref::<PyTupleObject>() {
            t.as_slice().to_vec()
        } else if let Some(l) = shape.downcast_ref::<crate::listobject::PyListObject>() {
            l.to_vec()
        } else {
            return Err(type_error("shape must be a list or a tuple"));
        };
        if items.len() > PyBUF_MAX_NDIM {
            return Err(value_error(
                "memoryview: number of dimensions must not exceed 64",
            ));
        }
        if view.ndim != 1 && items.len() != 1 {
            return Err(type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
        new_shape = Some(items);
    }
    // `cast_to_1D`.
    let fmt_text = as_str_lossy(format.as_object());
    let bad_format = || {
        value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        )
    };
    let (dest, itemsize) = get_native_fmtchar(&fmt_text).ok_or_else(bad_format)?;
    let new_format = get_native_fmtstr(&fmt_text).ok_or_else(bad_format)?;
    let src_is_byte = get_native_fmtchar(view.format_str()).is_some_and(|(c, _)| is_byte_format(c));
    if !src_is_byte && !is_byte_format(dest) {
        return Err(type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    if view.len % itemsize as isize != 0 {
        return Err(type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    let mut nv = Py_buffer {
        buf: view.buf,
        obj: None,
        len: view.len,
        itemsize: itemsize as isize,
        readonly: view.readonly,
        ndim: 1,
        format: Some(new_format),
        shape: vec![view.len / itemsize as isize],
        strides: vec![itemsize as isize],
        internal: view.internal,
    };
    // `cast_to_ND`.
    if let Some(items) = new_shape {
        nv.ndim = items.len();
        let len = if nv.ndim == 0 {
            nv.shape = Vec::new();
            nv.strides = Vec::new();
            nv.itemsize
        } else {
            let mut len = nv.itemsize;
            let mut dims = Vec::with_capacity(items.len());
            for it in &items {
                let Some(x) = (if crate::longobject::PyLongObject::check(it) {
                    Some(crate::longobject::PyLong_AsSsize_t(it)?)
                } else {
                    None
                }) else {
                    return Err(type_error("an integer is required"));
                };
                if x <= 0 {
                    return Err(value_error(
                        "memoryview.cast(): elements of shape must be integers > 0",
                    ));
                }
                if x > isize::MAX / len {
                    return Err(value_error("memoryview.cast(): product(shape) > SSIZE_MAX"));
                }
                len *= x;
                dims.push(x);
            }
            nv.shape = dims;
            init_strides_from_shape(&mut nv);
            len
        };
        if view.len != len {
            return Err(type_error(
                "memoryview: product(shape) * itemsize != buffer size",
            ));
        }
    }
    // SAFETY: `mbuf` is set while the view is not released.
    let mbuf = unsafe { mv.mbuf.get_ref() }
        .clone()
        .expect("an unreleased view has its buffer");
    Ok(memory_alloc(&mbuf, nv).into_object())
}

// --- Comparison and hashing --------------------------------------------------------------------

/// Unpack every item of a view in C order.
fn unpack_all(view: &Py_buffer, fmt: u8) -> PyResult<Vec<PyObjectRef>> {
    let mut out = Vec::new();
    let mut err = None;
    buffer_for_each_offset(view, 'C', |off| {
        if err.is_some() {
            return;
        }
        // SAFETY: `off` is an item of the view inside the exporter's memory.
        match unsafe { unpack_single(view.buf.offset(off), fmt) } {
            Ok(v) => out.push(v),
            Err(e) => err = Some(e),
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// `memory_richcompare`: equal when the shapes agree and the unpacked items are
/// equal one by one (so `nan` items make views unequal, as in CPython).
fn memory_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let result = |equal: bool| Ok(PyBool_FromLong(equal == (op == CompareOp::Eq)));
    let mut held: Vec<Py_buffer> = Vec::new();
    let mut layouts: Vec<Option<Py_buffer>> = Vec::new();
    for o in [v, w] {
        if PyMemoryViewObject::check(o) {
            let mv = as_mv(o);
            if mv.inaccessible() {
                return result(v.is(w));
            }
            layouts.push(Some(mv.view().clone_layout()));
        } else {
            let mut b = Py_buffer::new();
            if PyObject_GetBuffer(o, &mut b, PyBUF_FULL_RO).is_err() {
                for mut h in held {
                    PyBuffer_Release(&mut h);
                }
                return Ok(not_implemented());
            }
            held.push(b);
            layouts.push(None);
        }
    }
    let mut hi = held.iter();
    let views: Vec<&Py_buffer> = layouts
        .iter()
        .map(|l| match l {
            Some(b) => b,
            None => hi
                .next()
                .expect("one held buffer per non-memoryview operand"),
        })
        .collect();
    let (vv, ww) = (views[0], views[1]);
    let outcome = (|| -> PyResult<bool> {
        if vv.ndim != ww.ndim || vv.shape != ww.shape {
            return Ok(false);
        }
        let vf = adjust_fmt(vv)?;
        let wf = adjust_fmt(ww)?;
        // The same byte formats compare as raw bytes.
        if vf == wf && is_byte_format(vf) {
            return Ok(PyBuffer_ToContiguous(vv, 'C') == PyBuffer_ToContiguous(ww, 'C'));
        }
        let a = unpack_all(vv, vf)?;
        let b = unpack_all(ww, wf)?;
        for (x, y) in a.iter().zip(&b) {
            if !PyObject_RichCompareBool(x, y, CompareOp::Eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    })();
    drop(views);
    for mut h in held {
        PyBuffer_Release(&mut h);
    }
    // A format neither the native code nor `struct` can unpack makes the views
    // unequal (CPython's `fix_struct_error_int`).
    let outcome = match outcome {
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_NotImplementedError) => Ok(false),
        o => o,
    };
    result(outcome?)
}

/// `memory_hash`: only read-only views of byte formats are hashable, with the hash
/// of their bytes (so equal to the hash of the equal `bytes`).
fn memory_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    let mv = as_mv(obj);
    if mv.hash.get() != -1 {
        return Ok(mv.hash.get());
    }
    mv.check_released()?;
    let view = mv.view();
    if !view.readonly {
        return Err(value_error("cannot hash writable memoryview object"));
    }
    let byte = get_native_fmtchar(view.format_str()).is_some_and(|(c, _)| is_byte_format(c));
    if !byte {
        return Err(value_error(
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        ));
    }
    if let Some(exporter) = mv.mbuf().and_then(|m| m.master().obj.clone()) {
        PyObject_Hash(&exporter)?;
    }
    let h = crate::pyhash::_Py_HashBytes(&PyBuffer_ToContiguous(view, 'C'));
    mv.hash.set(h);
    Ok(h)
}

fn memory_repr(obj: &PyObject) -> PyResult {
    let mv = as_mv(obj);
    Ok(PyUnicode_FromString(
        &if mv.flags.get() & _Py_MEMORYVIEW_RELEASED != 0 {
            format!("<released memory at {:p}>", obj.as_ptr())
        } else {
            format!("<memory at {:p}>", obj.as_ptr())
        },
    ))
}

// --- Attributes ---------------------------------------------------------------------------------

fn view_of(obj: &PyObject) -> PyResult<&Py_buffer> {
    let mv = as_mv(obj);
    mv.check_released()?;
    Ok(mv.view())
}

fn ssize_tuple(v: &[isize]) -> PyObjectRef {
    PyTuple_New(v.iter().map(|&x| PyLong_FromLong(x as i64)).collect()).into_object()
}

fn memory_obj_get(obj: &PyObject) -> PyResult {
    let mv = as_mv(obj);
    mv.check_released()?;
    Ok(mv
        .mbuf()
        .and_then(|m| m.master().obj.clone())
        .unwrap_or_else(none))
}

fn memory_nbytes_get(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(view_of(obj)?.len as i64))
}

fn memory_readonly_get(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(view_of(obj)?.readonly))
}

fn memory_itemsize_get(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(view_of(obj)?.itemsize as i64))
}

fn memory_format_get(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(view_of(obj)?.format_str()))
}

fn memory_ndim_get(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(view_of(obj)?.ndim as i64))
}

fn memory_shape_get(obj: &PyObject) -> PyResult {
    Ok(ssize_tuple(&view_of(obj)?.shape))
}

fn memory_strides_get(obj: &PyObject) -> PyResult {
    Ok(ssize_tuple(&view_of(obj)?.strides))
}

fn memory_suboffsets_get(obj: &PyObject) -> PyResult {
    view_of(obj)?;
    Ok(PyTuple_New(Vec::new()).into_object())
}

fn contiguity(obj: &PyObject, bits: u32) -> PyResult {
    let mv = as_mv(obj);
    mv.check_released()?;
    Ok(PyBool_FromLong(mv.flags.get() & bits != 0))
}

fn memory_c_contiguous(obj: &PyObject) -> PyResult {
    contiguity(obj, _Py_MEMORYVIEW_C)
}

fn memory_f_contiguous(obj: &PyObject) -> PyResult {
    contiguity(obj, _Py_MEMORYVIEW_FORTRAN)
}

fn memory_contiguous(obj: &PyObject) -> PyResult {
    contiguity(obj, _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN)
}

// --- Iteration ------------------------------------------------------------------------------------

/// `memory_iterator`: the items of a one-dimensional view.
#[repr(C)]
pub struct memoryiterobject {
    pub ob_base: PyObject,
    it_index: Cell<Py_ssize_t>,
    it_seq: PyCell<Option<PyObjectRef>>,
    it_length: Py_ssize_t,
    it_fmt: u8,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for memoryiterobject {}

fn as_memiter(obj: &PyObject) -> &memoryiterobject {
    // SAFETY: only installed on `memory_iterator`.
    unsafe { &*(obj as *const PyObject as *const memoryiterobject) }
}

fn memory_iter(obj: &PyObject) -> PyResult {
    let mv = as_mv(obj);
    mv.check_released()?;
    let view = mv.view();
    if view.ndim == 0 {
        return Err(type_error("invalid indexing of 0-dim memory"));
    }
    if view.ndim != 1 {
        return Err(not_implemented_error(
            "multi-dimensional sub-views are not implemented",
        ));
    }
    let fmt = adjust_fmt(view)?;
    // SAFETY: the layout is `memoryiterobject`'s.
    let it = unsafe {
        alloc_object(
            &_PyMemoryIter_Type,
            memoryiterobject {
                ob_base: PyObject_HEAD_INIT,
                it_index: Cell::new(0),
                it_seq: PyCell::new(Some(obj.to_owned())),
                it_length: view.shape[0],
                it_fmt: fmt,
            },
        )
    };
    Ok(it.into_object())
}

fn memoryiter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_memiter(obj);
    // SAFETY: the borrow ends before any Python code runs.
    let Some(seq) = (unsafe { it.it_seq.get_ref() }).clone() else {
        return Ok(None);
    };
    let mv = as_mv(&seq);
    let i = it.it_index.get();
    if i >= it.it_length {
        it.it_seq.set(None);
        return Ok(None);
    }
    mv.check_released()?;
    it.it_index.set(i + 1);
    let view = mv.view();
    let ptr = lookup_dimension(view, view.buf, 0, i)?;
    // SAFETY: `ptr` is an item of the view.
    unsafe { unpack_single(ptr, it.it_fmt) }.map(Some)
}

unsafe fn memoryiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead iterator.
    unsafe { dealloc_object::<memoryiterobject>(op) }
}

fn memoryiter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(s) = unsafe { as_memiter(obj).it_seq.get_ref() } {
        visit(s);
    }
}

/// `_PyMemoryIter_Type`.
pub static _PyMemoryIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "memory_iterator",
    tp_basicsize: Cell::new(size_of::<memoryiterobject>()),
    tp_dealloc: slot(memoryiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(memoryiter_traverse),
    tp_iter: slot(crate::tupleobject::PyObject_SelfIter),
    tp_iternext: slot(memoryiter_next),
    ..PyTypeObject::DEFAULT
};

/// The types of this file, for start-up.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![
        &_PyManagedBuffer_Type,
        &PyMemoryView_Type,
        &_PyMemoryIter_Type,
    ]
}

// --- The type ------------------------------------------------------------------------------------

/// `memoryview.__sizeof__()`: CPython's figure, a 144-byte object followed by shape,
/// strides and suboffsets arrays of one word per dimension (at least one).
fn memory_sizeof(obj: &PyObject) -> PyResult {
    let ndim = as_mv(obj).view().ndim.max(1);
    Ok(PyLong_FromLong(144 + 3 * 8 * ndim as i64))
}

static MEMORY_METHODS: [PyMethodDef; 9] = [
    PyMethodDef::new(
        "release",
        PyCFunction::NoArgs(memory_release),
        "release($self, /)\n--\n\nRelease the underlying buffer exposed by the memoryview object.",
    ),
    PyMethodDef::new(
        "tobytes",
        PyCFunction::FastKw(memory_tobytes),
        "tobytes($self, /, order='C')\n--\n\nReturn the data in the buffer as a byte string.\n\nOrder can be {'C', 'F', 'A'}. When order is 'C' or 'F', the data of the\noriginal array is converted to C or Fortran order. For contiguous views,\n'A' returns an exact copy of the physical memory. In particular, in-memory\nFortran order is preserved. For non-contiguous views, the data is converted\nto C first. order=None is the same as order='C'.",
    ),
    PyMethodDef::new(
        "hex",
        PyCFunction::FastKw(memory_hex),
        "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nReturn the data in the buffer as a str of hexadecimal numbers.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = memoryview(b'\\xb9\\x01\\xef')\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n>>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'",
    ),
    PyMethodDef::new(
        "tolist",
        PyCFunction::NoArgs(memory_tolist),
        "tolist($self, /)\n--\n\nReturn the data in the buffer as a list of elements.",
    ),
    PyMethodDef::new(
        "cast",
        PyCFunction::FastKw(memory_cast),
        "cast($self, /, format, shape=<unrepresentable>)\n--\n\nCast a memoryview to a new format or shape.",
    ),
    PyMethodDef::new(
        "toreadonly",
        PyCFunction::NoArgs(memory_toreadonly),
        "toreadonly($self, /)\n--\n\nReturn a readonly version of the memoryview.",
    ),
    PyMethodDef::new("__enter__", PyCFunction::NoArgs(memory_enter), ""),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(memory_sizeof),
        "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes.",
    ),
    PyMethodDef::new("__exit__", PyCFunction::Fast(memory_exit), ""),
];

static MEMORY_GETSET: [PyGetSetDef; 12] = [
    PyGetSetDef {
        name: "obj",
        get: Some(memory_obj_get),
        set: None,
        doc: Some("The underlying object of the memoryview."),
    },
    PyGetSetDef {
        name: "nbytes",
        get: Some(memory_nbytes_get),
        set: None,
        doc: Some("The amount of space in bytes that the array would use in\n a contiguous representation."),
    },
    PyGetSetDef {
        name: "readonly",
        get: Some(memory_readonly_get),
        set: None,
        doc: Some("A bool indicating whether the memory is read only."),
    },
    PyGetSetDef {
        name: "itemsize",
        get: Some(memory_itemsize_get),
        set: None,
        doc: Some("The size in bytes of each element of the memoryview."),
    },
    PyGetSetDef {
        name: "format",
        get: Some(memory_format_get),
        set: None,
        doc: Some("A string containing the format (in struct module style)\n for each element in the view."),
    },
    PyGetSetDef {
        name: "ndim",
        get: Some(memory_ndim_get),
        set: None,
        doc: Some("An integer indicating how many dimensions of a multi-dimensional\n array the memory represents."),
    },
    PyGetSetDef {
        name: "shape",
        get: Some(memory_shape_get),
        set: None,
        doc: Some("A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array."),
    },
    PyGetSetDef {
        name: "strides",
        get: Some(memory_strides_get),
        set: None,
        doc: Some("A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array."),
    },
    PyGetSetDef {
        name: "suboffsets",
        get: Some(memory_suboffsets_get),
        set: None,
        doc: Some("A tuple of integers used internally for PIL-style arrays."),
    },
    PyGetSetDef {
        name: "c_contiguous",
        get: Some(memory_c_contiguous),
        set: None,
        doc: Some("A bool indicating whether the memory is C contiguous."),
    },
    PyGetSetDef {
        name: "f_contiguous",
        get: Some(memory_f_contiguous),
        set: None,
        doc: Some("A bool indicating whether the memory is Fortran contiguous."),
    },
    PyGetSetDef {
        name: "contiguous",
        get: Some(memory_contiguous),
        set: None,
        doc: Some("A bool indicating whether the memory is contiguous."),
    },
];

/// `memoryview` (`PyMemoryView_Type`).
pub static PyMemoryView_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "memoryview",
    tp_basicsize: Cell::new(size_of::<PyMemoryViewObject>()),
    // CPython's `__itemsize__`; pyrs keeps the variable part out of line.
    tp_itemsize: Cell::new(8),
    tp_dealloc: slot(memory_dealloc),
    tp_repr: slot(memory_repr),
    tp_as_sequence: PySequenceMethods {
        sq_length: slot(memory_length),
        sq_item: slot(memory_sq_item),
        ..PySequenceMethods::EMPTY
    },
    tp_as_mapping: PyMappingMethods {
        mp_length: slot(memory_length),
        mp_subscript: slot(memory_subscript),
        mp_ass_subscript: slot(memory_ass_sub),
    },
    tp_hash: slot(memory_hash),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_as_buffer: PyBufferProcs {
        bf_getbuffer: slot(memory_getbuf),
        bf_releasebuffer: slot(memory_releasebuf),
    },
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE),
    tp_doc: Some("Create a new memoryview object which references the given object."),
    tp_traverse: slot(memory_traverse),
    tp_clear: slot(memory_clear),
    tp_richcompare: slot(memory_richcompare),
    tp_weaklistoffset: Cell::new(offset_of!(PyMemoryViewObject, weakreflist)),
    tp_iter: slot(memory_iter),
    tp_methods: &MEMORY_METHODS,
    tp_getset: &MEMORY_GETSET,
    tp_new: slot(memory_new),
    ..PyTypeObject::DEFAULT
};
