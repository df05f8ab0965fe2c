//! The `bytearray` type. Mirrors Objects/bytearrayobject.c (CPython 3.11).
//!
//! A bytearray is a growable array of bytes. The methods it shares with `bytes` live
//! in `bytesobject.rs` (CPython's Objects/bytes_methods.c) and are reached through
//! [`BYTEARRAY_KIND`]; this file holds construction, the mutating operations and the
//! slots.
//!
//! CPython over-allocates the buffer (`ob_alloc`) and can drop bytes from the front
//! by moving a start pointer (`ob_start`), and both show through `__alloc__()` and
//! `sys.getsizeof`. pyrs keeps its bytes in a `Vec` and *models* those two numbers
//! with CPython's exact rules (`PyByteArray_Resize`), so the figures match.
//!
//! Differences from CPython: the storage is a `Vec<u8>` whose real capacity is
//! Rust's business; `ob_exports` counts buffer exports for `memoryview`, which can
//! then forbid resizing with CPython's `BufferError`.

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::cpython::object::{PyMappingMethods, PySequenceMethods};
use include::methodobject::{PyCFunction, PyMethodDef, METH_CLASS, METH_STATIC};

use crate::bytesobject::{
    _PyBytes_Format, _Py_bytes_contains, _Py_bytes_maketrans, bytearray_repr_into, bytes_like_cow,
    fromhex_for, getbytevalue, repeat_bytes, shared_byte_methods, BytesKind,
};
use crate::longobject::{PyLong_FromLong, PyLong_FromSsize_t};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{ssize_arg, PyUnicodeObject};

/// `PyByteArrayObject`.
#[repr(C)]
pub struct PyByteArrayObject {
    pub ob_base: PyObject,
    /// The bytes (`ob_bytes` from `ob_start`, `Py_SIZE` of them).
    ob_bytes: PyCell<Vec<u8>>,
    /// CPython's allocated size, modelled (`ob_alloc`).
    ob_alloc: Cell<usize>,
    /// CPython's logical offset of the data in its buffer, modelled
    /// (`ob_start - ob_bytes`).
    ob_start: Cell<usize>,
    /// How many buffer views are exported (`ob_exports`); resizing is refused while
    /// any are.
    pub ob_exports: Cell<isize>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyByteArrayObject {}

impl PyTypeInfo for PyByteArrayObject {
    fn type_object() -> &'static PyTypeObject {
        &PyByteArray_Type
    }
}

impl PyByteArrayObject {
    /// The number of bytes.
    #[inline]
    pub fn len(&self) -> usize {
        // SAFETY: the borrow ends within the expression.
        unsafe { self.ob_bytes.get_ref() }.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A copy of the contents.
    pub fn to_vec(&self) -> Vec<u8> {
        // SAFETY: the borrow ends within the expression.
        unsafe { self.ob_bytes.get_ref() }.clone()
    }

    /// Borrow the contents.
    ///
    /// # Safety
    /// No Python code may run while the borrow lives (it could resize the array).
    #[inline]
    pub unsafe fn as_slice_unchecked(&self) -> &[u8] {
        // SAFETY: upheld by the caller.
        unsafe { self.ob_bytes.get_ref() }
    }

    /// Borrow the contents mutably.
    ///
    /// # Safety
    /// As for [`PyByteArrayObject::as_slice_unchecked`], and no other borrow may be
    /// live.
    #[inline]
    #[allow(clippy::mut_from_ref)]
    unsafe fn vec_mut(&self) -> &mut Vec<u8> {
        // SAFETY: upheld by the caller.
        unsafe { self.ob_bytes.get_mut() }
    }

    /// `_canresize`: buffer views pin the size.
    fn can_resize(&self) -> PyResult<()> {
        if self.ob_exports.get() > 0 {
            return Err(crate::pyerrors::PyErr_SetString(
                &crate::exceptions::PyExc_BufferError,
                "Existing exports of data: object cannot be re-sized",
            ));
        }
        Ok(())
    }

    /// The allocation arithmetic of `PyByteArray_Resize` for a new size (the `Vec`
    /// itself is resized by the caller).
    fn model_resize(&self, size: usize) {
        if size == self.len() {
            return;
        }
        let alloc = self.ob_alloc.get();
        let offset = self.ob_start.get();
        let new_alloc = if size + offset < alloc {
            if size < alloc / 2 {
                size + 1
            } else {
                // A minor shrink keeps the buffer as it is.
                return;
            }
        } else if (size as f64) <= alloc as f64 * 1.125 {
            size + (size >> 3) + if size < 9 { 3 } else { 6 }
        } else {
            size + 1
        };
        self.ob_alloc.set(new_alloc);
        self.ob_start.set(0);
    }

    /// `PyByteArray_Resize`: new size, zero-filled when growing.
    fn resize(&self, size: usize) -> PyResult<()> {
        if size == self.len() {
            return Ok(());
        }
        self.can_resize()?;
        self.model_resize(size);
        // SAFETY: no Python code runs while the vector is borrowed.
        let v = unsafe { self.vec_mut() };
        if size > v.len() {
            v.try_reserve(size - v.len())
                .map_err(|_| PyErr_NoMemory())?;
        }
        v.resize(size, 0);
        Ok(())
    }
}

#[inline(always)]
fn as_ba(obj: &PyObject) -> &PyByteArrayObject {
    debug_assert!(PyByteArrayObject::check(obj));
    // SAFETY: only called from slots and methods of bytearray, whose self is one.
    unsafe { &*(obj as *const PyObject as *const PyByteArrayObject) }
}

/// The contents of a bytearray `self`, borrowed (see [`BytesKind::data`]).
fn ba_data(obj: &PyObject) -> &[u8] {
    // SAFETY: the shared methods read the data after converting their arguments
    // and run no Python code while they use it.
    unsafe { as_ba(obj).as_slice_unchecked() }
}

// --- Creation ----------------------------------------------------------------------

fn new_bytearray(tp: &PyTypeObject, v: Vec<u8>) -> PyObjectRef {
    // `PyByteArray_FromStringAndSize` allocates exactly size + 1 (nothing for empty).
    let alloc = if v.is_empty() { 0 } else { v.len() + 1 };
    // SAFETY: `tp` is bytearray or a subclass, whose instances start with this layout.
    unsafe {
        alloc_object(
            tp,
            PyByteArrayObject {
                ob_base: PyObject_HEAD_INIT,
                ob_bytes: PyCell::new(v),
                ob_alloc: Cell::new(alloc),
                ob_start: Cell::new(0),
                ob_exports: Cell::new(0),
            },
        )
    }
    .into_object()
}

/// A new bytearray holding `v` (`PyByteArray_FromStringAndSize`).
pub fn PyByteArray_FromVec(v: Vec<u8>) -> PyObjectRef {
    new_bytearray(&PyByteArray_Type, v)
}

/// A new bytearray with a copy of `b`.
pub fn PyByteArray_FromSlice(b: &[u8]) -> PyObjectRef {
    new_bytearray(&PyByteArray_Type, b.to_vec())
}

/// The contents of a bytearray (`PyByteArray_AS_STRING`), copied.
pub fn PyByteArray_AsVec(obj: &PyObject) -> Option<Vec<u8>> {
    obj.downcast_ref::<PyByteArrayObject>().map(|b| b.to_vec())
}

/// How the shared methods see `bytearray`.
pub static BYTEARRAY_KIND: BytesKind = BytesKind {
    name: "bytearray",
    data: ba_data,
    from_vec: PyByteArray_FromVec,
    from_slice: PyByteArray_FromSlice,
    immutable: false,
};

// --- Slots ---------------------------------------------------------------------------

fn bytearray_repr(obj: &PyObject) -> PyResult {
    let name = obj
        .ob_type()
        .name()
        .rsplit('.')
        .next()
        .unwrap_or("bytearray")
        .to_string();
    let d = as_ba(obj).to_vec();
    let mut s = String::with_capacity(d.len() + name.len() + 5);
    s.push_str(&name);
    s.push('(');
    bytearray_repr_into(&mut s, &d);
    s.push(')');
    Ok(crate::unicodeobject::PyUnicode_FromString(&s))
}

/// `bytearray_str`: `str(b)` is `repr(b)`, with a BytesWarning under `-b`.
fn bytearray_str(obj: &PyObject) -> PyResult {
    if crate::bytesobject::bytes_warning_enabled() {
        crate::pyhooks::PyErr_WarnEx(
            &crate::exceptions::PyExc_BytesWarning,
            "str() on a bytearray instance",
            1,
        )?;
    }
    bytearray_repr(obj)
}

fn bytearray_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (bytes_like_cow(a), bytes_like_cow(b)) else {
        let is_str = |o: &PyObject| {
            crate::typeobject::PyType_IsSubtype(o.ob_type(), &crate::unicodeobject::PyUnicode_Type)
        };
        if (is_str(a) || is_str(b))
            && crate::bytesobject::bytes_warning_enabled()
            && matches!(op, CompareOp::Eq | CompareOp::Ne)
        {
            crate::pyhooks::PyErr_WarnEx(
                &crate::exceptions::PyExc_BytesWarning,
                "Comparison between bytearray and string",
                1,
            )?;
        }
        return Ok(not_implemented());
    };
    let res = match op {
        CompareOp::Eq => x == y,
        CompareOp::Ne => x != y,
        _ => op.from_ordering(x.as_ref().cmp(y.as_ref())),
    };
    Ok(crate::boolobject::PyBool_FromLong(res))
}

fn bytearray_length(obj: &PyObject) -> PyResult<Py_ssize_t> {
    Ok(as_ba(obj).len() as Py_ssize_t)
}

/// `PyByteArray_Concat`: `bytearray + other`.
fn bytearray_concat(a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(y)) = (bytes_like_cow(a), bytes_like_cow(b)) else {
        return Err(type_error(format!(
            "can't concat {} to {}",
            b.ob_type().name(),
            a.ob_type().name()
        )));
    };
    let mut v = Vec::new();
    v.try_reserve_exact(x.len() + y.len())
        .map_err(|_| PyErr_NoMemory())?;
    v.extend_from_slice(&x);
    v.extend_from_slice(&y);
    Ok(PyByteArray_FromVec(v))
}

/// `bytearray += other` (`bytearray_iconcat`).
fn bytearray_iconcat(obj: &PyObject, other: &PyObject) -> PyResult {
    let Some(y) = bytes_like_cow(other) else {
        return Err(type_error(format!(
            "can't concat {} to {}",
            other.ob_type().name(),
            obj.ob_type().name()
        )));
    };
    let b = as_ba(obj);
    let n = b.len();
    b.resize(n + y.len())?;
    // SAFETY: no Python code runs while the vector is borrowed.
    (unsafe { b.vec_mut() })[n..].copy_from_slice(&y);
    Ok(obj.to_owned())
}

fn bytearray_repeat(obj: &PyObject, n: Py_ssize_t) -> PyResult {
    let d = as_ba(obj).to_vec();
    Ok(PyByteArray_FromVec(repeat_bytes(&d, n, "bytearray")?))
}

fn bytearray_irepeat(obj: &PyObject, n: Py_ssize_t) -> PyResult {
    let b = as_ba(obj);
    let d = b.to_vec();
    let v = repeat_bytes(&d, n, "bytearray")?;
    b.resize(v.len())?;
    // SAFETY: no Python code runs while the vector is borrowed.
    unsafe { b.vec_mut() }.copy_from_slice(&v);
    Ok(obj.to_owned())
}

fn bytearray_item(obj: &PyObject, i: Py_ssize_t) -> PyResult {
    let b = as_ba(obj);
    if i < 0 || i as usize >= b.len() {
        return Err(index_error("bytearray index out of range"));
    }
    Ok(PyLong_FromLong(ba_data(obj)[i as usize] as i64))
}

fn bytearray_contains(obj: &PyObject, arg: &PyObject) -> PyResult<bool> {
    // Converting the argument may run Python code; copy the data afterwards.
    if crate::r#abstract::PyIndex_Check(arg) {
        let v = crate::r#abstract::PyNumber_AsSsize_t(arg, None)?;
        if !(0..256).contains(&v) {
            return Err(value_error("byte must be in range(0, 256)"));
        }
        return Ok(memchr::memchr(v as u8, ba_data(obj)).is_some());
    }
    let d = as_ba(obj).to_vec();
    _Py_bytes_contains(&d, arg)
}

fn bytearray_subscript(obj: &PyObject, key: &PyObject) -> PyResult {
    if crate::r#abstract::PyIndex_Check(key) {
        let mut i =
            crate::r#abstract::PyNumber_AsSsize_t(key, Some(&crate::exceptions::PyExc_IndexError))?;
        let b = as_ba(obj);
        if i < 0 {
            i += b.len() as isize;
        }
        return bytearray_item(obj, i);
    }
    if let Some(s) = key.downcast_ref::<crate::sliceobject::PySliceObject>() {
        let (start, _stop, step, n) = slice_indices(s, as_ba(obj))?;
        let d = ba_data(obj);
        if n <= 0 {
            return Ok(PyByteArray_FromVec(Vec::new()));
        }
        let v: Vec<u8> = if step == 1 {
            d[start as usize..(start + n) as usize].to_vec()
        } else {
            (0..n).map(|k| d[(start + k * step) as usize]).collect()
        };
        return Ok(PyByteArray_FromVec(v));
    }
    Err(type_error(format!(
        "bytearray indices must be integers or slices, not {}",
        key.ob_type().name()
    )))
}

/// `PySlice_Unpack` then `PySlice_AdjustIndices`, the length read after the slice's
/// `__index__` methods ran: they may resize the bytearray.
fn slice_indices(
    s: &crate::sliceobject::PySliceObject,
    b: &PyByteArrayObject,
) -> PyResult<(Py_ssize_t, Py_ssize_t, Py_ssize_t, Py_ssize_t)> {
    let (mut start, mut stop, step) = crate::sliceobject::PySlice_Unpack(s)?;
    let n = crate::sliceobject::PySlice_AdjustIndices(
        b.len() as Py_ssize_t,
        &mut start,
        &mut stop,
        step,
    );
    Ok((start, stop, step, n))
}

/// `bytearray_setslice_linear`: replace `[lo, hi)` with `bytes`.
fn setslice_linear(b: &PyByteArrayObject, lo: usize, hi: usize, bytes: &[u8]) -> PyResult<()> {
    let hi = hi.max(lo);
    let avail = hi - lo;
    let n = b.len();
    if bytes.len() < avail {
        b.can_resize()?;
        let shrink = avail - bytes.len();
        if lo == 0 {
            // CPython drops leading bytes by advancing its start pointer.
            b.ob_start.set(b.ob_start.get() + shrink);
        }
        b.model_resize(n - shrink);
    } else if bytes.len() > avail {
        b.can_resize()?;
        b.model_resize(n + bytes.len() - avail);
    }
    // SAFETY: no Python code runs while the vector is borrowed.
    let v = unsafe { b.vec_mut() };
    if bytes.len() > avail {
        v.try_reserve(bytes.len() - avail)
            .map_err(|_| PyErr_NoMemory())?;
    }
    v.splice(lo..hi, bytes.iter().copied());
    Ok(())
}

/// `bytearray_ass_subscript`: `self[index] = values` and `del self[index]`.
fn bytearray_ass_subscript(
    obj: &PyObject,
    index: &PyObject,
    values: Option<&PyObject>,
) -> PyResult<()> {
    let b = as_ba(obj);
    let (start, stop, step, slicelen);
    let bytes: Vec<u8>;
    if crate::r#abstract::PyIndex_Check(index) {
        let mut i = crate::r#abstract::PyNumber_AsSsize_t(
            index,
            Some(&crate::exceptions::PyExc_IndexError),
        )?;
        // Convert the value before the size check: its __index__ could resize us.
        let ival = match values {
            Some(v) => Some(getbytevalue(v)?),
            None => None,
        };
        if i < 0 {
            i += b.len() as isize;
        }
        if i < 0 || i as usize >= b.len() {
            return Err(index_error("bytearray index out of range"));
        }
        match ival {
            Some(v) => {
                // SAFETY: no Python code runs while the vector is borrowed.
                (unsafe { b.vec_mut() })[i as usize] = v;
                return Ok(());
            }
            None => {
                start = i;
                stop = i + 1;
                step = 1;
                slicelen = 1;
                bytes = Vec::new();
            }
        }
    } else if let Some(s) = index.downcast_ref::<crate::sliceobject::PySliceObject>() {
        // The new contents first (converting them may run Python code that resizes
        // the bytearray), then the slice against the current length, as CPython's
        // recursive call on the converted copy does.
        bytes = match values {
            None => Vec::new(),
            Some(v) => {
                if let (false, Some(src)) = (v.is(obj), v.downcast_ref::<PyByteArrayObject>()) {
                    src.to_vec()
                } else {
                    if crate::r#abstract::PyNumber_Check(v) || PyUnicodeObject::check(v) {
                        return Err(type_error(
                            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                        ));
                    }
                    bytearray_from_object(v)?
                }
            }
        };
        let (a, z, st, n) = slice_indices(s, b)?;
        start = a;
        stop = z;
        step = st;
        slicelen = n;
    } else {
        return Err(type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            index.ob_type().name()
        )));
    }
    let mut stop = stop;
    if (step < 0 && start < stop) || (step > 0 && start > stop) {
        stop = start;
    }
    if step == 1 {
        return setslice_linear(b, start as usize, stop as usize, &bytes);
    }
    if bytes.is_empty() {
        // Assigning nothing to an extended slice deletes it, as `del` does.
        if slicelen <= 0 {
            return Ok(());
        }
        // Delete an extended slice.
        b.can_resize()?;
        let n = b.len();
        let mut drop = vec![false; n];
        for k in 0..slicelen {
            drop[(start + k * step) as usize] = true;
        }
        b.model_resize(n - slicelen as usize);
        // SAFETY: no Python code runs while the vector is borrowed.
        let v = unsafe { b.vec_mut() };
        let mut idx = 0;
        v.retain(|_| {
            let keep = !drop[idx];
            idx += 1;
            keep
        });
        return Ok(());
    }
    if bytes.len() as isize != slicelen {
        return Err(value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {slicelen}",
            bytes.len()
        )));
    }
    // SAFETY: no Python code runs while the vector is borrowed.
    let v = unsafe { b.vec_mut() };
    for (k, &byte) in bytes.iter().enumerate() {
        v[(start + k as isize * step) as usize] = byte;
    }
    Ok(())
}

/// `bytearray_setitem` (`sq_ass_item`).
fn bytearray_setitem(obj: &PyObject, i: Py_ssize_t, value: Option<&PyObject>) -> PyResult<()> {
    let b = as_ba(obj);
    let i = if i < 0 { i + b.len() as isize } else { i };
    if i < 0 || i as usize >= b.len() {
        return Err(index_error("bytearray index out of range"));
    }
    match value {
        None => setslice_linear(b, i as usize, i as usize + 1, &[]),
        Some(v) => {
            let byte = getbytevalue(v)?;
            let b = as_ba(obj);
            if (i as usize) < b.len() {
                // SAFETY: no Python code runs while the vector is borrowed.
                (unsafe { b.vec_mut() })[i as usize] = byte;
            }
            Ok(())
        }
    }
}

fn bytearray_mod(a: &PyObject, b: &PyObject) -> PyResult {
    let Some(x) = a.downcast_ref::<PyByteArrayObject>() else {
        return Ok(not_implemented());
    };
    let fmt = x.to_vec();
    Ok(PyByteArray_FromVec(_PyBytes_Format(&fmt, b)?))
}

/// The bytes of a `bytearray(x)` argument that is neither str nor int: a buffer, a
/// list or tuple of ints, or any iterable of ints (`bytearray_init`'s tail).
fn bytearray_from_object(x: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like_cow(x) {
        return Ok(b.into_owned());
    }
    let items: Option<Vec<PyObjectRef>> =
        if let Some(t) = x.downcast_ref_exact::<crate::tupleobject::PyTupleObject>() {
            Some(t.as_slice().to_vec())
        } else {
            x.downcast_ref_exact::<crate::listobject::PyListObject>()
                .map(|l| l.to_vec())
        };
    if let Some(items) = items {
        return items.iter().map(|i| getbytevalue(i)).collect();
    }
    let it = match crate::r#abstract::PyObject_GetIter(x) {
        Ok(it) => it,
        Err(e) if PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError) => {
            return Err(type_error(format!(
                "cannot convert '{}' object to bytearray",
                x.ob_type().name()
            )));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = crate::r#abstract::PyIter_Next(&it)? {
        out.push(getbytevalue(&item)?);
    }
    Ok(out)
}

/// `bytearray.__init__(source=b'', encoding=..., errors=...)`.
fn bytearray_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let a = crate::getargs::parse_args(
        "bytearray",
        args,
        kwnames,
        &["source", "encoding", "errors"],
        0,
    )?;
    for (i, name) in [(1, "encoding"), (2, "errors")] {
        if let Some(v) = &a[i] {
            if !PyUnicodeObject::check(v) {
                return Err(type_error(format!(
                    "bytearray() argument '{name}' must be str, not {}",
                    crate::unicodeobject::clinic_type_name(v)
                )));
            }
        }
    }
    let b = as_ba(obj);
    // Empty previous contents first, as CPython does.
    if !b.is_empty() {
        b.resize(0)?;
    }
    let without = |enc: &Option<PyObjectRef>| {
        type_error(if enc.is_some() {
            "encoding without a string argument"
        } else {
            "errors without a string argument"
        })
    };
    let Some(x) = &a[0] else {
        if a[1].is_some() || a[2].is_some() {
            return Err(without(&a[1]));
        }
        return Ok(());
    };
    if PyUnicodeObject::check(x) {
        let Some(enc) = &a[1] else {
            return Err(type_error("string argument without an encoding"));
        };
        let encoded = crate::codecs::encode_str(x, Some(enc), a[2].as_deref())?;
        let data = crate::bytesobject::bytes_like_data(&encoded).unwrap_or_default();
        let b = as_ba(obj);
        b.resize(data.len())?;
        // SAFETY: no Python code runs while the vector is borrowed.
        unsafe { b.vec_mut() }.copy_from_slice(&data);
        return Ok(());
    }
    if a[1].is_some() || a[2].is_some() {
        return Err(without(&a[1]));
    }
    if crate::r#abstract::PyIndex_Check(x) {
        match crate::r#abstract::PyNumber_AsSsize_t(
            x,
            Some(&crate::exceptions::PyExc_OverflowError),
        ) {
            Ok(n) => {
                if n < 0 {
                    return Err(value_error("negative count"));
                }
                return as_ba(obj).resize(n as usize);
            }
            Err(e) if !PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError) => {
                return Err(e)
            }
            Err(_) => {}
        }
    }
    let simple = bytes_like_cow(x).is_some()
        || x.downcast_ref_exact::<crate::tupleobject::PyTupleObject>()
            .is_some()
        || x.downcast_ref_exact::<crate::listobject::PyListObject>()
            .is_some();
    if !simple {
        return bytearray_init_from_iter(obj, x);
    }
    let data = bytearray_from_object(x)?;
    let b = as_ba(obj);
    b.resize(data.len())?;
    // SAFETY: no Python code runs while the vector is borrowed.
    let v = unsafe { b.vec_mut() };
    v.clear();
    v.extend_from_slice(&data);
    Ok(())
}

/// The iterator case of `bytearray_init`: each byte is appended as it arrives, as
/// CPython does (the iterator sees the bytearray grow, and this decides the
/// allocation `__alloc__` reports).
fn bytearray_init_from_iter(obj: &PyObject, x: &PyObject) -> PyResult<()> {
    let it = match crate::r#abstract::PyObject_GetIter(x) {
        Ok(it) => it,
        Err(e) if PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError) => {
            return Err(type_error(format!(
                "cannot convert '{}' object to bytearray",
                x.ob_type().name()
            )));
        }
        Err(e) => return Err(e),
    };
    while let Some(item) = crate::r#abstract::PyIter_Next(&it)? {
        let value = getbytevalue(&item)?;
        let b = as_ba(obj);
        let n = b.len();
        if n + 1 < b.ob_alloc.get() {
            b.can_resize()?;
            // SAFETY: no Python code runs while the vector is borrowed.
            unsafe { b.vec_mut() }.push(value);
        } else {
            b.resize(n + 1)?;
            // SAFETY: as above.
            (unsafe { b.vec_mut() })[n] = value;
        }
    }
    Ok(())
}

fn bytearray_new(
    tp: &PyTypeObject,
    _args: &[PyObjectRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    Ok(new_bytearray(tp, Vec::new()))
}

unsafe fn bytearray_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead bytearray.
    unsafe { dealloc_object::<PyByteArrayObject>(op) }
}

// --- The iterator ----------------------------------------------------------------------

/// `bytearrayiterobject`.
#[repr(C)]
pub struct PyByteArrayIterObject {
    pub ob_base: PyObject,
    it_index: Cell<usize>,
    it_seq: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyByteArrayIterObject {}

fn as_ba_iter(obj: &PyObject) -> &PyByteArrayIterObject {
    // SAFETY: only installed on `bytearray_iterator`, whose layout this is.
    unsafe { &*(obj as *const PyObject as *const PyByteArrayIterObject) }
}

fn bytearray_iter(obj: &PyObject) -> PyResult {
    // SAFETY: the layout is `bytearray_iterator`'s.
    let it = unsafe {
        alloc_object(
            &PyByteArrayIter_Type,
            PyByteArrayIterObject {
                ob_base: PyObject_HEAD_INIT,
                it_index: Cell::new(0),
                it_seq: PyCell::new(Some(obj.to_owned())),
            },
        )
    };
    Ok(it.into_object())
}

fn bytearrayiter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_ba_iter(obj);
    // SAFETY: the borrow ends before anything can replace the field.
    let Some(seq) = (unsafe { it.it_seq.get_ref() }) else {
        return Ok(None);
    };
    let d = ba_data(seq);
    let i = it.it_index.get();
    if i < d.len() {
        it.it_index.set(i + 1);
        return Ok(Some(PyLong_FromLong(d[i] as i64)));
    }
    it.it_seq.set(None);
    Ok(None)
}

fn bytearrayiter_iter(obj: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

fn bytearrayiter_len(obj: &PyObject) -> PyResult {
    let it = as_ba_iter(obj);
    // SAFETY: the borrow ends before anything can replace the field.
    let n = match unsafe { it.it_seq.get_ref() } {
        Some(seq) => as_ba(seq).len().saturating_sub(it.it_index.get()),
        None => 0,
    };
    Ok(PyLong_FromSsize_t(n as isize))
}

fn bytearrayiter_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let it = as_ba_iter(obj);
    let index = crate::listobject::setstate_index(state)?;
    // SAFETY: the borrow ends before anything can replace the field.
    if let Some(seq) = unsafe { it.it_seq.get_ref() } {
        let len = as_ba(seq).len() as isize;
        it.it_index.set(index.clamp(0, len) as usize);
    }
    Ok(none())
}

/// `__reduce__`: `(iter, (seq,), index)`, or `(iter, ((),))` once exhausted.
fn bytearrayiter_reduce(obj: &PyObject) -> PyResult {
    let it = as_ba_iter(obj);
    let iter = crate::iterobject::_PyEval_GetBuiltin(crate::intern!("iter"))?;
    let t = match it.it_seq.get() {
        Some(seq) => vec![
            iter,
            crate::tupleobject::PyTuple_New(vec![seq]).into_object(),
            PyLong_FromSsize_t(it.it_index.get() as isize),
        ],
        None => {
            let empty = crate::tupleobject::PyTuple_New(Vec::new()).into_object();
            vec![
                iter,
                crate::tupleobject::PyTuple_New(vec![empty]).into_object(),
            ]
        }
    };
    Ok(crate::tupleobject::PyTuple_New(t).into_object())
}

/// The iterator references the sequence until it is exhausted.
fn bytearrayiter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: only installed on iterator types with this layout.
    let it = unsafe { &*(obj as *const PyObject as *const PyByteArrayIterObject) };
    // SAFETY: traversal runs no Python code.
    if let Some(seq) = unsafe { it.it_seq.get_ref() } {
        visit(seq);
    }
}

unsafe fn bytearrayiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead iterator.
    unsafe { dealloc_object::<PyByteArrayIterObject>(op) }
}

static BYTEARRAYITER_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(bytearrayiter_reduce),
        "__reduce__($self, /)\n--\n\nReturn state information for pickling.",
    ),
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(bytearrayiter_len),
        "Private method returning an estimate of len(list(it)).",
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(bytearrayiter_setstate),
        "Set state information for unpickling.",
    ),
];

/// `bytearray_iterator`.
pub static PyByteArrayIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "bytearray_iterator",
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_traverse: slot(bytearrayiter_traverse),
    tp_basicsize: Cell::new(size_of::<PyByteArrayIterObject>()),
    tp_dealloc: slot(bytearrayiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_iter: slot(bytearrayiter_iter),
    tp_iternext: slot(bytearrayiter_next),
    tp_methods: &BYTEARRAYITER_METHODS,
    ..PyTypeObject::DEFAULT
};

// --- Methods ---------------------------------------------------------------------------

shared_byte_methods!(BYTEARRAY_KIND);

/// `bytearray_join`: `self` counts as exported while the iterable runs, so that an
/// iterator that clears or resizes the separator gets `BufferError` (gh-112625).
fn bytearray_join(obj: &PyObject, iterable: &PyObject) -> PyResult {
    let b = as_ba(obj);
    b.ob_exports.set(b.ob_exports.get() + 1);
    let r = b_join(obj, iterable);
    b.ob_exports.set(b.ob_exports.get() - 1);
    r
}

fn bytearray_fromhex(cls: &PyObject, string: &PyObject) -> PyResult {
    fromhex_for(cls, string, &PyByteArray_Type, PyByteArray_FromVec)
}

fn bytearray_append(obj: &PyObject, item: &PyObject) -> PyResult {
    let v = getbytevalue(item)?;
    let b = as_ba(obj);
    let n = b.len();
    b.resize(n + 1)?;
    // SAFETY: no Python code runs while the vector is borrowed.
    (unsafe { b.vec_mut() })[n] = v;
    Ok(none())
}

fn bytearray_extend(obj: &PyObject, iterable: &PyObject) -> PyResult {
    let data: Vec<u8> = if let Some(d) = bytes_like_cow(iterable) {
        d.into_owned()
    } else {
        let it = match crate::r#abstract::PyObject_GetIter(iterable) {
            Ok(it) => it,
            Err(e) if PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError) => {
                return Err(type_error(format!(
                    "can't extend bytearray with {}",
                    iterable.ob_type().name()
                )));
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        while let Some(item) = crate::r#abstract::PyIter_Next(&it)? {
            out.push(getbytevalue(&item)?);
        }
        out
    };
    let b = as_ba(obj);
    let n = b.len();
    setslice_linear(b, n, n, &data)?;
    Ok(none())
}

fn bytearray_insert(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("insert", args.len(), 2, 2)?;
    let mut index = ssize_arg(&args[0])?;
    let v = getbytevalue(&args[1])?;
    let b = as_ba(obj);
    let n = b.len() as isize;
    if index < 0 {
        index = (index + n).max(0);
    }
    if index > n {
        index = n;
    }
    b.can_resize()?;
    b.model_resize(n as usize + 1);
    // SAFETY: no Python code runs while the vector is borrowed.
    unsafe { b.vec_mut() }.insert(index as usize, v);
    Ok(none())
}

fn bytearray_pop(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("pop", args.len(), 0, 1)?;
    let index = match args.first() {
        Some(i) => ssize_arg(i)?,
        None => -1,
    };
    let b = as_ba(obj);
    let n = b.len() as isize;
    if n == 0 {
        return Err(index_error("pop from empty bytearray"));
    }
    let i = if index < 0 { index + n } else { index };
    if i < 0 || i >= n {
        return Err(index_error("pop index out of range"));
    }
    b.can_resize()?;
    b.model_resize(n as usize - 1);
    // SAFETY: no Python code runs while the vector is borrowed.
    let v = unsafe { b.vec_mut() }.remove(i as usize);
    Ok(PyLong_FromLong(v as i64))
}

fn bytearray_remove(obj: &PyObject, value: &PyObject) -> PyResult {
    let v = getbytevalue(value)?;
    let b = as_ba(obj);
    let Some(i) = memchr::memchr(v, ba_data(obj)) else {
        return Err(value_error("value not found in bytearray"));
    };
    b.can_resize()?;
    b.model_resize(b.len() - 1);
    // SAFETY: no Python code runs while the vector is borrowed.
    unsafe { b.vec_mut() }.remove(i);
    Ok(none())
}

fn bytearray_reverse(obj: &PyObject) -> PyResult {
    // SAFETY: no Python code runs while the vector is borrowed.
    unsafe { as_ba(obj).vec_mut() }.reverse();
    Ok(none())
}

fn bytearray_clear(obj: &PyObject) -> PyResult {
    as_ba(obj).resize(0)?;
    Ok(none())
}

fn bytearray_copy(obj: &PyObject) -> PyResult {
    Ok(PyByteArray_FromVec(as_ba(obj).to_vec()))
}

fn bytearray_alloc(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromSsize_t(as_ba(obj).ob_alloc.get() as isize))
}

fn bytearray_sizeof(obj: &PyObject) -> PyResult {
    // CPython: `sizeof(PyByteArrayObject)` is 56, plus the allocation.
    Ok(PyLong_FromSsize_t(56 + as_ba(obj).ob_alloc.get() as isize))
}

/// `_common_reduce`: `(type(self), (data...), state)`, the state being what
/// `__getstate__` gives (`_PyObject_GetState`: the `__dict__`, with the slots).
fn common_reduce(obj: &PyObject, proto: i32) -> PyResult {
    let dict = crate::call::PyObject_CallMethodNoArgs(obj, crate::intern!("__getstate__"))?;
    let tp = obj.ob_type().as_object().to_owned();
    let d = as_ba(obj).to_vec();
    let args = if proto < 3 {
        vec![
            crate::unicodeobject::PyUnicode_FromLatin1(&d),
            crate::unicodeobject::PyUnicode_FromString("latin-1"),
        ]
    } else if d.is_empty() {
        vec![]
    } else {
        vec![crate::bytesobject::PyBytes_FromVec(d)]
    };
    let args = crate::tupleobject::PyTuple_New(args).into_object();
    Ok(crate::tupleobject::PyTuple_New(vec![tp, args, dict]).into_object())
}

fn bytearray_reduce(obj: &PyObject) -> PyResult {
    common_reduce(obj, 2)
}

fn bytearray_reduce_ex(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("__reduce_ex__", args.len(), 0, 1)?;
    let proto = match args.first() {
        Some(p) => crate::unicodeobject::int_arg(p)?,
        None => 0,
    };
    common_reduce(obj, proto)
}

static BYTEARRAY_METHODS: [PyMethodDef; 54] = [
    PyMethodDef::new(
        "__alloc__",
        PyCFunction::NoArgs(bytearray_alloc),
        doc::DUNDER_ALLOC,
    ),
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(bytearray_reduce),
        doc::DUNDER_REDUCE,
    ),
    PyMethodDef::new(
        "__reduce_ex__",
        PyCFunction::Fast(bytearray_reduce_ex),
        doc::DUNDER_REDUCE_EX,
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(bytearray_sizeof),
        doc::DUNDER_SIZEOF,
    ),
    PyMethodDef::new("append", PyCFunction::O(bytearray_append), doc::APPEND),
    PyMethodDef::new(
        "capitalize",
        PyCFunction::NoArgs(b_capitalize),
        doc::CAPITALIZE,
    ),
    PyMethodDef::new("center", PyCFunction::Fast(b_center), doc::CENTER),
    PyMethodDef::new("clear", PyCFunction::NoArgs(bytearray_clear), doc::CLEAR),
    PyMethodDef::new("copy", PyCFunction::NoArgs(bytearray_copy), doc::COPY),
    PyMethodDef::new("count", PyCFunction::Fast(b_count), doc::COUNT),
    PyMethodDef::new("decode", PyCFunction::FastKw(b_decode), doc::DECODE),
    PyMethodDef::new("endswith", PyCFunction::Fast(b_endswith), doc::ENDSWITH),
    PyMethodDef::new(
        "expandtabs",
        PyCFunction::FastKw(b_expandtabs),
        doc::EXPANDTABS,
    ),
    PyMethodDef::new("extend", PyCFunction::O(bytearray_extend), doc::EXTEND),
    PyMethodDef::new("find", PyCFunction::Fast(b_find), doc::FIND),
    PyMethodDef::new("fromhex", PyCFunction::O(bytearray_fromhex), doc::FROMHEX)
        .with_flags(METH_CLASS),
    PyMethodDef::new("hex", PyCFunction::FastKw(b_hex), doc::HEX),
    PyMethodDef::new("index", PyCFunction::Fast(b_index), doc::INDEX),
    PyMethodDef::new("insert", PyCFunction::Fast(bytearray_insert), doc::INSERT),
    PyMethodDef::new("isalnum", PyCFunction::NoArgs(b_isalnum), doc::ISALNUM),
    PyMethodDef::new("isalpha", PyCFunction::NoArgs(b_isalpha), doc::ISALPHA),
    PyMethodDef::new("isascii", PyCFunction::NoArgs(b_isascii), doc::ISASCII),
    PyMethodDef::new("isdigit", PyCFunction::NoArgs(b_isdigit), doc::ISDIGIT),
    PyMethodDef::new("islower", PyCFunction::NoArgs(b_islower), doc::ISLOWER),
    PyMethodDef::new("isspace", PyCFunction::NoArgs(b_isspace), doc::ISSPACE),
    PyMethodDef::new("istitle", PyCFunction::NoArgs(b_istitle), doc::ISTITLE),
    PyMethodDef::new("isupper", PyCFunction::NoArgs(b_isupper), doc::ISUPPER),
    PyMethodDef::new("join", PyCFunction::O(bytearray_join), doc::JOIN),
    PyMethodDef::new("ljust", PyCFunction::Fast(b_ljust), doc::LJUST),
    PyMethodDef::new("lower", PyCFunction::NoArgs(b_lower), doc::LOWER),
    PyMethodDef::new("lstrip", PyCFunction::Fast(b_lstrip), doc::LSTRIP),
    PyMethodDef::new(
        "maketrans",
        PyCFunction::Fast(_Py_bytes_maketrans),
        doc::MAKETRANS,
    )
    .with_flags(METH_STATIC),
    PyMethodDef::new("partition", PyCFunction::O(b_partition), doc::PARTITION),
    PyMethodDef::new("pop", PyCFunction::Fast(bytearray_pop), doc::POP),
    PyMethodDef::new("remove", PyCFunction::O(bytearray_remove), doc::REMOVE),
    PyMethodDef::new("replace", PyCFunction::Fast(b_replace), doc::REPLACE),
    PyMethodDef::new(
        "removeprefix",
        PyCFunction::O(b_removeprefix),
        doc::REMOVEPREFIX,
    ),
    PyMethodDef::new(
        "removesuffix",
        PyCFunction::O(b_removesuffix),
        doc::REMOVESUFFIX,
    ),
    PyMethodDef::new(
        "reverse",
        PyCFunction::NoArgs(bytearray_reverse),
        doc::REVERSE,
    ),
    PyMethodDef::new("rfind", PyCFunction::Fast(b_rfind), doc::RFIND),
    PyMethodDef::new("rindex", PyCFunction::Fast(b_rindex), doc::RINDEX),
    PyMethodDef::new("rjust", PyCFunction::Fast(b_rjust), doc::RJUST),
    PyMethodDef::new("rpartition", PyCFunction::O(b_rpartition), doc::RPARTITION),
    PyMethodDef::new("rsplit", PyCFunction::FastKw(b_rsplit), doc::RSPLIT),
    PyMethodDef::new("rstrip", PyCFunction::Fast(b_rstrip), doc::RSTRIP),
    PyMethodDef::new("split", PyCFunction::FastKw(b_split), doc::SPLIT),
    PyMethodDef::new(
        "splitlines",
        PyCFunction::FastKw(b_splitlines),
        doc::SPLITLINES,
    ),
    PyMethodDef::new(
        "startswith",
        PyCFunction::Fast(b_startswith),
        doc::STARTSWITH,
    ),
    PyMethodDef::new("strip", PyCFunction::Fast(b_strip), doc::STRIP),
    PyMethodDef::new("swapcase", PyCFunction::NoArgs(b_swapcase), doc::SWAPCASE),
    PyMethodDef::new("title", PyCFunction::NoArgs(b_title), doc::TITLE),
    PyMethodDef::new(
        "translate",
        PyCFunction::FastKw(b_translate),
        doc::TRANSLATE,
    ),
    PyMethodDef::new("upper", PyCFunction::NoArgs(b_upper), doc::UPPER),
    PyMethodDef::new("zfill", PyCFunction::O(b_zfill), doc::ZFILL),
];

/// `bytearray`.
/// `bytearray_getbuffer`: a writable view of the bytes. While any view is exported
/// the array refuses to change size, so the view's pointer stays valid.
fn bytearray_getbuffer(
    obj: &PyObject,
    view: &mut crate::r#abstract::Py_buffer,
    flags: i32,
) -> PyResult<()> {
    let b = as_ba(obj);
    // SAFETY: only the pointer and length are taken; no borrow outlives this call.
    let v = unsafe { b.vec_mut() };
    crate::r#abstract::PyBuffer_FillInfo(
        view,
        Some(obj),
        v.as_mut_ptr(),
        v.len() as Py_ssize_t,
        false,
        flags,
    )?;
    b.ob_exports.set(b.ob_exports.get() + 1);
    Ok(())
}

/// `bytearray_releasebuffer`.
fn bytearray_releasebuffer(obj: &PyObject, _view: &mut crate::r#abstract::Py_buffer) {
    let b = as_ba(obj);
    b.ob_exports.set(b.ob_exports.get() - 1);
}

pub static PyByteArray_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "bytearray",
    tp_basicsize: Cell::new(size_of::<PyByteArrayObject>()),
    tp_dealloc: slot(bytearray_dealloc),
    tp_repr: slot(bytearray_repr),
    tp_as_number: include::cpython::object::PyNumberMethods {
        nb_remainder: slot(bytearray_mod),
        ..include::cpython::object::PyNumberMethods::EMPTY
    },
    tp_as_sequence: PySequenceMethods {
        sq_length: slot(bytearray_length),
        sq_concat: slot(bytearray_concat),
        sq_repeat: slot(bytearray_repeat),
        sq_item: slot(bytearray_item),
        sq_ass_item: slot(bytearray_setitem),
        sq_contains: slot(bytearray_contains),
        sq_inplace_concat: slot(bytearray_iconcat),
        sq_inplace_repeat: slot(bytearray_irepeat),
    },
    tp_as_mapping: PyMappingMethods {
        mp_length: slot(bytearray_length),
        mp_subscript: slot(bytearray_subscript),
        mp_ass_subscript: slot(bytearray_ass_subscript),
    },
    tp_str: slot(bytearray_str),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_as_buffer: include::cpython::object::PyBufferProcs {
        bf_getbuffer: slot(bytearray_getbuffer),
        bf_releasebuffer: slot(bytearray_releasebuffer),
    },
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MATCH_SELF),
    tp_doc: Some("bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer"),
    tp_richcompare: slot(bytearray_richcompare),
    tp_iter: slot(bytearray_iter),
    tp_methods: &BYTEARRAY_METHODS,
    tp_init: slot(bytearray_init),
    tp_new: slot(bytearray_new),
    ..PyTypeObject::DEFAULT
};

/// The types of this file, for start-up.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyByteArray_Type, &PyByteArrayIter_Type]
}

/// Docstrings of the methods, as CPython 3.11 gives them (`__doc__` and
/// `__text_signature__`).
mod doc {
    pub const DUNDER_ALLOC: &str =
        "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated.";
    pub const DUNDER_REDUCE: &str =
        "__reduce__($self, /)\n--\n\nReturn state information for pickling.";
    pub const DUNDER_REDUCE_EX: &str =
        "__reduce_ex__($self, proto=0, /)\n--\n\nReturn state information for pickling.";
    pub const DUNDER_SIZEOF: &str =
        "__sizeof__($self, /)\n--\n\nReturns the size of the bytearray object in memory, in bytes.";
    pub const APPEND: &str = "append($self, item, /)\n--\n\nAppend a single item to the end of the bytearray.\n\n  item\n    The item to be appended.";
    pub const CAPITALIZE: &str = "B.capitalize() -> copy of B\n\nReturn a copy of B with only its first character capitalized (ASCII)\nand the rest lower-cased.";
    pub const CENTER: &str = "center($self, width, fillchar=b' ', /)\n--\n\nReturn a centered string of length width.\n\nPadding is done using the specified fill character.";
    pub const CLEAR: &str = "clear($self, /)\n--\n\nRemove all items from the bytearray.";
    pub const COPY: &str = "copy($self, /)\n--\n\nReturn a copy of B.";
    pub const COUNT: &str = "B.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of subsection sub in\nbytes B[start:end].  Optional arguments start and end are interpreted\nas in slice notation.";
    pub const DECODE: &str = "decode($self, /, encoding='utf-8', errors='strict')\n--\n\nDecode the bytearray using the codec registered for encoding.\n\n  encoding\n    The encoding with which to decode the bytearray.\n  errors\n    The error handling scheme to use for the handling of decoding errors.\n    The default is 'strict' meaning that decoding errors raise a\n    UnicodeDecodeError. Other possible values are 'ignore' and 'replace'\n    as well as any other name registered with codecs.register_error that\n    can handle UnicodeDecodeErrors.";
    pub const ENDSWITH: &str = "B.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if B ends with the specified suffix, False otherwise.\nWith optional start, test B beginning at that position.\nWith optional end, stop comparing B at that position.\nsuffix can also be a tuple of bytes to try.";
    pub const EXPANDTABS: &str = "expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces.\n\nIf tabsize is not given, a tab size of 8 characters is assumed.";
    pub const EXTEND: &str = "extend($self, iterable_of_ints, /)\n--\n\nAppend all the items from the iterator or sequence to the end of the bytearray.\n\n  iterable_of_ints\n    The iterable of items to append.";
    pub const FIND: &str = "B.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure.";
    pub const FROMHEX: &str = "fromhex($type, string, /)\n--\n\nCreate a bytearray object from a string of hexadecimal numbers.\n\nSpaces between two numbers are accepted.\nExample: bytearray.fromhex('B9 01EF') -> bytearray(b'\\\\xb9\\\\x01\\\\xef')";
    pub const HEX: &str = "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nCreate a string of hexadecimal numbers from a bytearray object.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = bytearray([0xb9, 0x01, 0xef])\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n>>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'";
    pub const INDEX: &str = "B.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the subsection is not found.";
    pub const INSERT: &str = "insert($self, index, item, /)\n--\n\nInsert a single item into the bytearray before the given index.\n\n  index\n    The index where the value is to be inserted.\n  item\n    The item to be inserted.";
    pub const ISALNUM: &str = "B.isalnum() -> bool\n\nReturn True if all characters in B are alphanumeric\nand there is at least one character in B, False otherwise.";
    pub const ISALPHA: &str = "B.isalpha() -> bool\n\nReturn True if all characters in B are alphabetic\nand there is at least one character in B, False otherwise.";
    pub const ISASCII: &str = "B.isascii() -> bool\n\nReturn True if B is empty or all characters in B are ASCII,\nFalse otherwise.";
    pub const ISDIGIT: &str = "B.isdigit() -> bool\n\nReturn True if all characters in B are digits\nand there is at least one character in B, False otherwise.";
    pub const ISLOWER: &str = "B.islower() -> bool\n\nReturn True if all cased characters in B are lowercase and there is\nat least one cased character in B, False otherwise.";
    pub const ISSPACE: &str = "B.isspace() -> bool\n\nReturn True if all characters in B are whitespace\nand there is at least one character in B, False otherwise.";
    pub const ISTITLE: &str = "B.istitle() -> bool\n\nReturn True if B is a titlecased string and there is at least one\ncharacter in B, i.e. uppercase characters may only follow uncased\ncharacters and lowercase characters only cased ones. Return False\notherwise.";
    pub const ISUPPER: &str = "B.isupper() -> bool\n\nReturn True if all cased characters in B are uppercase and there is\nat least one cased character in B, False otherwise.";
    pub const JOIN: &str = "join($self, iterable_of_bytes, /)\n--\n\nConcatenate any number of bytes/bytearray objects.\n\nThe bytearray whose method is called is inserted in between each pair.\n\nThe result is returned as a new bytearray object.";
    pub const LJUST: &str = "ljust($self, width, fillchar=b' ', /)\n--\n\nReturn a left-justified string of length width.\n\nPadding is done using the specified fill character.";
    pub const LOWER: &str = "B.lower() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to lowercase.";
    pub const LSTRIP: &str = "lstrip($self, bytes=None, /)\n--\n\nStrip leading bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading ASCII whitespace.";
    pub const MAKETRANS: &str = "maketrans(frm, to, /)\n--\n\nReturn a translation table useable for the bytes or bytearray translate method.\n\nThe returned table will be one where each byte in frm is mapped to the byte at\nthe same position in to.\n\nThe bytes objects frm and to must be of the same length.";
    pub const PARTITION: &str = "partition($self, sep, /)\n--\n\nPartition the bytearray into three parts using the given separator.\n\nThis will search for the separator sep in the bytearray. If the separator is\nfound, returns a 3-tuple containing the part before the separator, the\nseparator itself, and the part after it as new bytearray objects.\n\nIf the separator is not found, returns a 3-tuple containing the copy of the\noriginal bytearray object and two empty bytearray objects.";
    pub const POP: &str = "pop($self, index=-1, /)\n--\n\nRemove and return a single item from B.\n\n  index\n    The index from where to remove the item.\n    -1 (the default value) means remove the last item.\n\nIf no index argument is given, will pop the last item.";
    pub const REMOVE: &str = "remove($self, value, /)\n--\n\nRemove the first occurrence of a value in the bytearray.\n\n  value\n    The value to remove.";
    pub const REPLACE: &str = "replace($self, old, new, count=-1, /)\n--\n\nReturn a copy with all occurrences of substring old replaced by new.\n\n  count\n    Maximum number of occurrences to replace.\n    -1 (the default value) means replace all occurrences.\n\nIf the optional argument count is given, only the first count occurrences are\nreplaced.";
    pub const REMOVEPREFIX: &str = "removeprefix($self, prefix, /)\n--\n\nReturn a bytearray with the given prefix string removed if present.\n\nIf the bytearray starts with the prefix string, return\nbytearray[len(prefix):].  Otherwise, return a copy of the original\nbytearray.";
    pub const REMOVESUFFIX: &str = "removesuffix($self, suffix, /)\n--\n\nReturn a bytearray with the given suffix string removed if present.\n\nIf the bytearray ends with the suffix string and that suffix is not\nempty, return bytearray[:-len(suffix)].  Otherwise, return a copy of\nthe original bytearray.";
    pub const REVERSE: &str =
        "reverse($self, /)\n--\n\nReverse the order of the values in B in place.";
    pub const RFIND: &str = "B.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure.";
    pub const RINDEX: &str = "B.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaise ValueError when the subsection is not found.";
    pub const RJUST: &str = "rjust($self, width, fillchar=b' ', /)\n--\n\nReturn a right-justified string of length width.\n\nPadding is done using the specified fill character.";
    pub const RPARTITION: &str = "rpartition($self, sep, /)\n--\n\nPartition the bytearray into three parts using the given separator.\n\nThis will search for the separator sep in the bytearray, starting at the end.\nIf the separator is found, returns a 3-tuple containing the part before the\nseparator, the separator itself, and the part after it as new bytearray\nobjects.\n\nIf the separator is not found, returns a 3-tuple containing two empty bytearray\nobjects and the copy of the original bytearray object.";
    pub const RSPLIT: &str = "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytearray, using sep as the delimiter.\n\n  sep\n    The delimiter according which to split the bytearray.\n    None (the default value) means split on ASCII whitespace characters\n    (space, tab, return, newline, formfeed, vertical tab).\n  maxsplit\n    Maximum number of splits to do.\n    -1 (the default value) means no limit.\n\nSplitting is done starting at the end of the bytearray and working to the front.";
    pub const RSTRIP: &str = "rstrip($self, bytes=None, /)\n--\n\nStrip trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip trailing ASCII whitespace.";
    pub const SPLIT: &str = "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytearray, using sep as the delimiter.\n\n  sep\n    The delimiter according which to split the bytearray.\n    None (the default value) means split on ASCII whitespace characters\n    (space, tab, return, newline, formfeed, vertical tab).\n  maxsplit\n    Maximum number of splits to do.\n    -1 (the default value) means no limit.";
    pub const SPLITLINES: &str = "splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the bytearray, breaking at line boundaries.\n\nLine breaks are not included in the resulting list unless keepends is given and\ntrue.";
    pub const STARTSWITH: &str = "B.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if B starts with the specified prefix, False otherwise.\nWith optional start, test B beginning at that position.\nWith optional end, stop comparing B at that position.\nprefix can also be a tuple of bytes to try.";
    pub const STRIP: &str = "strip($self, bytes=None, /)\n--\n\nStrip leading and trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading and trailing ASCII whitespace.";
    pub const SWAPCASE: &str = "B.swapcase() -> copy of B\n\nReturn a copy of B with uppercase ASCII characters converted\nto lowercase ASCII and vice versa.";
    pub const TITLE: &str = "B.title() -> copy of B\n\nReturn a titlecased version of B, i.e. ASCII words start with uppercase\ncharacters, all remaining cased characters have lowercase.";
    pub const TRANSLATE: &str = "translate($self, table, /, delete=b'')\n--\n\nReturn a copy with each character mapped by the given translation table.\n\n  table\n    Translation table, which must be a bytes object of length 256.\n\nAll characters occurring in the optional argument delete are removed.\nThe remaining characters are mapped through the given translation table.";
    pub const UPPER: &str = "B.upper() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to uppercase.";
    pub const ZFILL: &str = "zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width.\n\nThe original string is never truncated.";
}
