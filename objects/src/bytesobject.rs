//! The `bytes` type. Mirrors Objects/bytesobject.c (CPython 3.11), together with the
//! methods it shares with `bytearray` (Objects/bytes_methods.c), `bytes.hex`
//! (Python/pystrhex.c) and `bytes % args` (`_PyBytes_FormatEx`).
//!
//! The shared methods are written once, over a [`BytesKind`] that says how to read
//! `self` and how to build a result of the right type; `bytearrayobject.rs` wraps the
//! same functions. Searching, splitting and replacing use the generic algorithms of
//! [`crate::unicodeobject::stringlib`] (SIMD `memchr`/`memmem` for bytes).
//!
//! Differences from CPython: the byte array is a separate allocation rather than
//! trailing the object; `__sizeof__` is defined on `bytes` itself (CPython inherits
//! `object.__sizeof__`, which reads its C layout) so that `sys.getsizeof` reports
//! CPython's figures (33 + len). Functions that take "a bytes-like object" read
//! `bytes` and `bytearray` directly ([`bytes_like_cow`], [`with_bytes_like`]) and go
//! through the buffer protocol for other exporters.

use std::borrow::Cow;
use std::cell::Cell;
use std::mem::size_of;
use std::ops::Range;

use include::cpython::object::flags::*;
use include::cpython::object::{PyMappingMethods, PyNumberMethods, PySequenceMethods};
use include::methodobject::{PyCFunction, PyMethodDef, METH_CLASS, METH_STATIC};
use include::object::GlobalCell;

use crate::getargs::check_positional;
use crate::longobject::{PyLong_FromLong, PyLong_FromSsize_t};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::stringlib;
use crate::unicodeobject::CompactBytes;
use crate::unicodeobject::{
    check_old_style_args, clinic_type_name, int_arg, parse_start_end_raw, ssize_arg,
    PyUnicodeObject,
};

/// `PyBytesObject`: an immutable array of bytes.
#[repr(C)]
pub struct PyBytesObject {
    pub ob_base: PyObject,
    /// The cached hash, -1 until computed (`ob_shash`).
    pub ob_shash: Cell<Py_hash_t>,
    /// The bytes (`ob_sval`), inline when short.
    pub ob_sval: CompactBytes,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyBytesObject {}

impl PyTypeInfo for PyBytesObject {
    fn type_object() -> &'static PyTypeObject {
        &PyBytes_Type
    }
    #[inline]
    fn check(obj: &PyObject) -> bool {
        obj.ob_type().has_feature(Py_TPFLAGS_BYTES_SUBCLASS)
    }
}

impl PyBytesObject {
    /// The contents (`PyBytes_AS_STRING` with `PyBytes_GET_SIZE`).
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.ob_sval
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.ob_sval.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.ob_sval.is_empty()
    }

    /// `hash(self)`, cached: the same function as `str`'s, over the bytes.
    #[inline]
    pub fn hash_value(&self) -> Py_hash_t {
        let h = self.ob_shash.get();
        if h != -1 {
            return h;
        }
        let h = crate::pyhash::_Py_HashBytes(&self.ob_sval);
        self.ob_shash.set(h);
        h
    }
}

#[inline(always)]
fn as_bytes_obj(obj: &PyObject) -> &PyBytesObject {
    debug_assert!(PyBytesObject::check(obj));
    // SAFETY: only called from slots and methods of bytes, whose self is a bytes.
    unsafe { &*(obj as *const PyObject as *const PyBytesObject) }
}

// --- Creation ----------------------------------------------------------------------

fn new_bytes(tp: &PyTypeObject, v: CompactBytes) -> PyObjectRef {
    // SAFETY: `tp` is bytes or a subclass, whose instances start with this layout.
    unsafe {
        alloc_object(
            tp,
            PyBytesObject {
                ob_base: PyObject_HEAD_INIT,
                ob_shash: Cell::new(-1),
                ob_sval: v,
            },
        )
    }
    .into_object()
}

/// The empty bytes object and the 256 one-byte objects are shared, as CPython's
/// `characters` array and empty singleton are (index 256 is `b''`).
static CHARACTERS: GlobalCell<Vec<Option<PyObjectRef>>> = GlobalCell::new(Vec::new());

fn shared_bytes(b: Option<u8>) -> PyObjectRef {
    let idx = b.map_or(256, |b| b as usize);
    // SAFETY: single-threaded; the table is not borrowed across calls.
    let table = unsafe { CHARACTERS.get_mut() };
    if let Some(Some(o)) = table.get(idx) {
        return o.clone();
    }
    if table.is_empty() {
        table.resize(257, None);
    }
    let o = new_bytes(&PyBytes_Type, CompactBytes::new(b.as_slice()));
    table[idx] = Some(o.clone());
    o
}

/// `PyBytes_FromStringAndSize`: a bytes object holding a copy of `b`.
pub fn PyBytes_FromSlice(b: &[u8]) -> PyObjectRef {
    if b.len() <= 1 {
        return shared_bytes(b.first().copied());
    }
    new_bytes(&PyBytes_Type, b.into())
}

/// A bytes object taking ownership of `v`.
pub fn PyBytes_FromVec(v: Vec<u8>) -> PyObjectRef {
    if v.len() <= 1 {
        return shared_bytes(v.first().copied());
    }
    new_bytes(&PyBytes_Type, v.into())
}

/// `PyBytes_FromStringAndSize(NULL, n)` then filled in: unlike [`PyBytes_FromVec`],
/// a one-byte result is an object of its own, not the shared one (CPython shares
/// one-byte bytes only when made from a string). The compiler's tables and
/// `marshal.loads` make bytes this way, which `marshal`'s back-references show.
pub fn PyBytes_FromVecUnshared(v: Vec<u8>) -> PyObjectRef {
    if v.is_empty() {
        return shared_bytes(None);
    }
    new_bytes(&PyBytes_Type, v.into())
}

/// The contents of a bytes-like object (the buffer protocol's simple case):
/// `bytes`, `bytearray` and their subclasses. A copy; see [`with_bytes_like`] for a
/// borrow.
pub fn bytes_like_data(obj: &PyObject) -> Option<Vec<u8>> {
    bytes_like_cow(obj).map(Cow::into_owned)
}

/// The contents of a bytes-like object: borrowed for `bytes` (immutable), copied for
/// mutable buffers, whose contents Python code could change while the caller works.
pub fn bytes_like_cow(obj: &PyObject) -> Option<Cow<'_, [u8]>> {
    if let Some(b) = obj.downcast_ref::<PyBytesObject>() {
        return Some(Cow::Borrowed(b.as_bytes()));
    }
    if let Some(b) = obj.downcast_ref::<crate::bytearrayobject::PyByteArrayObject>() {
        return Some(Cow::Owned(b.to_vec()));
    }
    buffer_from_providers(obj).map(Cow::Owned)
}

/// Other exporters of the buffer protocol (`memoryview`, `array.array`, ...): their
/// bytes in C order, copied. An exporter's error (a released `memoryview`) reads as
/// "not bytes-like" here; [`buffer_arg`] reports it.
fn buffer_from_providers(obj: &PyObject) -> Option<Vec<u8>> {
    crate::r#abstract::buffer_to_vec(obj).ok().flatten()
}

/// Run `f` on the contents of a bytes-like object without copying. `f` must not run
/// Python code (the contents of a `bytearray` could change under it).
pub fn with_bytes_like<R>(obj: &PyObject, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    if let Some(b) = obj.downcast_ref::<PyBytesObject>() {
        return Some(f(b.as_bytes()));
    }
    if let Some(b) = obj.downcast_ref::<crate::bytearrayobject::PyByteArrayObject>() {
        // SAFETY: `f` runs no Python code, so nothing can resize the array while
        // it is borrowed.
        return Some(f(unsafe { b.as_slice_unchecked() }));
    }
    buffer_from_providers(obj).map(|v| f(&v))
}

pub use crate::r#abstract::PyObject_CheckBuffer;

/// "a bytes-like object is required, not 'str'" (`PyObject_GetBuffer`'s error).
pub fn buffer_error(obj: &PyObject) -> PyErr {
    type_error(format!(
        "a bytes-like object is required, not '{}'",
        obj.ob_type().name()
    ))
}

/// The contents of a bytes-like argument, or the buffer error (or the exporter's own
/// error, such as a released `memoryview`'s).
pub fn buffer_arg(obj: &PyObject) -> PyResult<Cow<'_, [u8]>> {
    if let Some(b) = obj.downcast_ref::<PyBytesObject>() {
        return Ok(Cow::Borrowed(b.as_bytes()));
    }
    if let Some(b) = obj.downcast_ref::<crate::bytearrayobject::PyByteArrayObject>() {
        return Ok(Cow::Owned(b.to_vec()));
    }
    if !crate::r#abstract::PyObject_CheckBuffer(obj) {
        return Err(buffer_error(obj));
    }
    // "y*" asks for a simple buffer, which a non-contiguous memoryview refuses
    // with `BufferError`, as in CPython.
    crate::r#abstract::buffer_simple_to_vec(obj).map(Cow::Owned)
}

// --- The shared method layer (Objects/bytes_methods.c) ---------------------------------

/// How the shared byte methods see one concrete type: `bytes` or `bytearray`.
pub struct BytesKind {
    /// The type's name in messages ("bytes", "bytearray").
    pub name: &'static str,
    /// `self`'s contents. Valid until Python code runs; methods take it after
    /// converting their arguments.
    pub data: fn(&PyObject) -> &[u8],
    /// A new object of the type (exact type) holding these bytes.
    pub from_vec: fn(Vec<u8>) -> PyObjectRef,
    /// The same from a slice (without an intermediate `Vec` for short bytes).
    pub from_slice: fn(&[u8]) -> PyObjectRef,
    /// Whether the type is immutable, so that an unchanged result may be `self`.
    pub immutable: bool,
}

impl BytesKind {
    fn make_from_slice(&self, b: &[u8]) -> PyObjectRef {
        (self.from_slice)(b)
    }

    /// The result for "nothing changed": `self` for an exact immutable object, a
    /// copy otherwise.
    fn unchanged(&self, obj: &PyObject) -> PyObjectRef {
        if self.immutable && obj.is_type(&PyBytes_Type) {
            return obj.to_owned();
        }
        self.make_from_slice((self.data)(obj))
    }

    /// `self[range]`, reusing `self` when the range is everything.
    fn sub(&self, obj: &PyObject, r: Range<usize>) -> PyObjectRef {
        let d = (self.data)(obj);
        if r.start == 0 && r.end == d.len() {
            return self.unchanged(obj);
        }
        self.make_from_slice(&d[r])
    }
}

/// `Py_ISSPACE` for bytes: space, \t, \n, \v, \f, \r.
#[inline]
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

#[inline]
fn py_bool(b: bool) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(b))
}

/// `_getbytevalue`: an int in `range(256)`.
pub fn getbytevalue(obj: &PyObject) -> PyResult<u8> {
    let v = crate::r#abstract::PyNumber_AsSsize_t(obj, None)?;
    if !(0..256).contains(&v) {
        return Err(value_error("byte must be in range(0, 256)"));
    }
    Ok(v as u8)
}

/// The `sub` argument of `find`/`count`/`index` and `in`: an int byte value or a
/// bytes-like object (`parse_args_finds_byte`).
fn find_sub_arg(obj: &PyObject) -> PyResult<Cow<'_, [u8]>> {
    if let Some(b) = bytes_like_cow(obj) {
        return Ok(b);
    }
    if !crate::r#abstract::PyIndex_Check(obj) {
        return Err(type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            obj.ob_type().name()
        )));
    }
    let v = crate::r#abstract::PyNumber_AsSsize_t(obj, None)?;
    if !(0..256).contains(&v) {
        return Err(value_error("byte must be in range(0, 256)"));
    }
    Ok(Cow::Owned(vec![v as u8]))
}

fn find_internal(
    k: &BytesKind,
    obj: &PyObject,
    args: &[PyObjectRef],
    fname: &str,
    right: bool,
) -> PyResult<Option<usize>> {
    check_old_style_args(fname, args.len(), 1, 3)?;
    let (start, end) = parse_start_end_raw(args)?;
    let sub = find_sub_arg(&args[0])?;
    let d = (k.data)(obj);
    let (start, end) = stringlib::adjust_indices(start, end, d.len());
    if start > d.len() {
        return Ok(None);
    }
    Ok(if right {
        stringlib::rfind(d, &sub, start, end)
    } else {
        stringlib::find(d, &sub, start, end)
    })
}

pub fn _Py_bytes_find(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    Ok(match find_internal(k, obj, args, "find", false)? {
        Some(i) => PyLong_FromSsize_t(i as isize),
        None => PyLong_FromLong(-1),
    })
}

pub fn _Py_bytes_rfind(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    Ok(match find_internal(k, obj, args, "rfind", true)? {
        Some(i) => PyLong_FromSsize_t(i as isize),
        None => PyLong_FromLong(-1),
    })
}

pub fn _Py_bytes_index(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    match find_internal(k, obj, args, "index", false)? {
        Some(i) => Ok(PyLong_FromSsize_t(i as isize)),
        None => Err(value_error("subsection not found")),
    }
}

pub fn _Py_bytes_rindex(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    match find_internal(k, obj, args, "rindex", true)? {
        Some(i) => Ok(PyLong_FromSsize_t(i as isize)),
        None => Err(value_error("subsection not found")),
    }
}

pub fn _Py_bytes_count(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_old_style_args("count", args.len(), 1, 3)?;
    let (start, end) = parse_start_end_raw(args)?;
    let sub = find_sub_arg(&args[0])?;
    let d = (k.data)(obj);
    let (start, end) = stringlib::adjust_indices(start, end, d.len());
    if start > d.len() || end < start {
        return Ok(PyLong_FromLong(0));
    }
    Ok(PyLong_FromSsize_t(
        stringlib::count(&d[start..end], &sub, usize::MAX) as isize,
    ))
}

/// `bytes.__contains__` / `_Py_bytes_contains`: an int or a bytes-like needle.
pub fn _Py_bytes_contains(data: &[u8], arg: &PyObject) -> PyResult<bool> {
    if crate::r#abstract::PyIndex_Check(arg) {
        let v = crate::r#abstract::PyNumber_AsSsize_t(arg, None)?;
        if !(0..256).contains(&v) {
            return Err(value_error("byte must be in range(0, 256)"));
        }
        return Ok(memchr::memchr(v as u8, data).is_some());
    }
    let sub = buffer_arg(arg)?;
    Ok(stringlib::find(data, &sub, 0, data.len()).is_some())
}

fn starts_or_ends(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef], at_end: bool) -> PyResult {
    let fname = if at_end { "endswith" } else { "startswith" };
    check_old_style_args(fname, args.len(), 1, 3)?;
    let (start, end) = parse_start_end_raw(args)?;
    let matches = |d: &[u8], n: &[u8]| -> bool {
        let (start, end) = stringlib::adjust_indices(start, end, d.len());
        if n.is_empty() {
            return start <= d.len() && start <= end.min(d.len());
        }
        stringlib::tailmatch(d, n, start, end, at_end)
    };
    if let Some(t) = args[0].downcast_ref::<crate::tupleobject::PyTupleObject>() {
        for item in t.as_slice() {
            let Some(n) = bytes_like_cow(item) else {
                return Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    item.ob_type().name()
                )));
            };
            if matches((k.data)(obj), &n) {
                return py_bool(true);
            }
        }
        return py_bool(false);
    }
    let Some(n) = bytes_like_cow(&args[0]) else {
        return Err(type_error(format!(
            "{fname} first arg must be bytes or a tuple of bytes, not {}",
            args[0].ob_type().name()
        )));
    };
    py_bool(matches((k.data)(obj), &n))
}

pub fn _Py_bytes_startswith(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    starts_or_ends(k, obj, args, false)
}

pub fn _Py_bytes_endswith(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    starts_or_ends(k, obj, args, true)
}

// Predicates (ASCII only, as CPython's bytes methods).

pub fn _Py_bytes_isspace(k: &BytesKind, obj: &PyObject) -> PyResult {
    let d = (k.data)(obj);
    py_bool(!d.is_empty() && d.iter().all(|&b| is_ascii_space(b)))
}
pub fn _Py_bytes_isalpha(k: &BytesKind, obj: &PyObject) -> PyResult {
    let d = (k.data)(obj);
    py_bool(!d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))
}
pub fn _Py_bytes_isalnum(k: &BytesKind, obj: &PyObject) -> PyResult {
    let d = (k.data)(obj);
    py_bool(!d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))
}
pub fn _Py_bytes_isascii(k: &BytesKind, obj: &PyObject) -> PyResult {
    py_bool((k.data)(obj).is_ascii())
}
pub fn _Py_bytes_isdigit(k: &BytesKind, obj: &PyObject) -> PyResult {
    let d = (k.data)(obj);
    py_bool(!d.is_empty() && d.iter().all(u8::is_ascii_digit))
}
pub fn _Py_bytes_islower(k: &BytesKind, obj: &PyObject) -> PyResult {
    let d = (k.data)(obj);
    py_bool(d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase))
}
pub fn _Py_bytes_isupper(k: &BytesKind, obj: &PyObject) -> PyResult {
    let d = (k.data)(obj);
    py_bool(d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase))
}
pub fn _Py_bytes_istitle(k: &BytesKind, obj: &PyObject) -> PyResult {
    let d = (k.data)(obj);
    let mut cased = false;
    let mut prev_cased = false;
    for &b in d {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return py_bool(false);
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return py_bool(false);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    py_bool(cased)
}

// Case mapping (ASCII only).

pub fn _Py_bytes_lower(k: &BytesKind, obj: &PyObject) -> PyResult {
    Ok((k.from_vec)((k.data)(obj).to_ascii_lowercase()))
}
pub fn _Py_bytes_upper(k: &BytesKind, obj: &PyObject) -> PyResult {
    Ok((k.from_vec)((k.data)(obj).to_ascii_uppercase()))
}
pub fn _Py_bytes_swapcase(k: &BytesKind, obj: &PyObject) -> PyResult {
    let v = (k.data)(obj)
        .iter()
        .map(|&b| {
            if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            }
        })
        .collect();
    Ok((k.from_vec)(v))
}
pub fn _Py_bytes_capitalize(k: &BytesKind, obj: &PyObject) -> PyResult {
    let mut v = (k.data)(obj).to_ascii_lowercase();
    if let Some(b) = v.first_mut() {
        *b = b.to_ascii_uppercase();
    }
    Ok((k.from_vec)(v))
}
pub fn _Py_bytes_title(k: &BytesKind, obj: &PyObject) -> PyResult {
    let mut prev_cased = false;
    let v = (k.data)(obj)
        .iter()
        .map(|&b| {
            let r = if prev_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect();
    Ok((k.from_vec)(v))
}

// split / rsplit / splitlines / partition / strip

fn ranges_to_list(k: &BytesKind, obj: &PyObject, ranges: Vec<Range<usize>>) -> PyResult {
    let items: Vec<PyObjectRef> = ranges.into_iter().map(|r| k.sub(obj, r)).collect();
    Ok(crate::listobject::PyList_New(items).into_object())
}

fn split_impl(
    k: &BytesKind,
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    right: bool,
) -> PyResult {
    let fname = if right { "rsplit" } else { "split" };
    let a = crate::getargs::parse_args(fname, args, kwnames, &["sep", "maxsplit"], 0)?;
    let maxsplit = match &a[1] {
        Some(m) => ssize_arg(m)?,
        None => -1,
    };
    let sep = match a[0].as_ref().filter(|s| !s.is(Py_None())) {
        None => None,
        Some(s) => {
            let sep = buffer_arg(s)?.into_owned();
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(sep)
        }
    };
    let d = (k.data)(obj);
    let ranges = match &sep {
        None if right => stringlib::rsplit_whitespace(d, is_ascii_space, maxsplit),
        None => stringlib::split_whitespace(d, is_ascii_space, maxsplit),
        Some(s) if right => stringlib::rsplit(d, s, maxsplit),
        Some(s) => stringlib::split(d, s, maxsplit),
    };
    ranges_to_list(k, obj, ranges)
}

pub fn _Py_bytes_split(
    k: &BytesKind,
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    split_impl(k, obj, args, kwnames, false)
}

pub fn _Py_bytes_rsplit(
    k: &BytesKind,
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    split_impl(k, obj, args, kwnames, true)
}

pub fn _Py_bytes_splitlines(
    k: &BytesKind,
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = crate::getargs::parse_args("splitlines", args, kwnames, &["keepends"], 0)?;
    let keep = match &a[0] {
        Some(v) => int_arg(v)? != 0,
        None => false,
    };
    let d = (k.data)(obj);
    let ranges = stringlib::splitlines(d, |b| b == b'\n' || b == b'\r', keep);
    ranges_to_list(k, obj, ranges)
}

fn partition_impl(k: &BytesKind, obj: &PyObject, sep: &PyObject, right: bool) -> PyResult {
    let s = buffer_arg(sep)?;
    if s.is_empty() {
        return Err(value_error("empty separator"));
    }
    let d = (k.data)(obj);
    let found = if right {
        stringlib::rfind(d, &s, 0, d.len())
    } else {
        stringlib::find(d, &s, 0, d.len())
    };
    let empty = || (k.from_vec)(Vec::new());
    let parts = match found {
        Some(i) => {
            // The separator is returned as given when it is an exact bytes object.
            let sep_obj = if k.immutable && sep.is_type(&PyBytes_Type) {
                sep.to_owned()
            } else {
                k.make_from_slice(&s)
            };
            vec![
                k.make_from_slice(&d[..i]),
                sep_obj,
                k.make_from_slice(&d[i + s.len()..]),
            ]
        }
        None if right => vec![empty(), empty(), k.unchanged(obj)],
        None => vec![k.unchanged(obj), empty(), empty()],
    };
    Ok(crate::tupleobject::PyTuple_New(parts).into_object())
}

pub fn _Py_bytes_partition(k: &BytesKind, obj: &PyObject, sep: &PyObject) -> PyResult {
    partition_impl(k, obj, sep, false)
}

pub fn _Py_bytes_rpartition(k: &BytesKind, obj: &PyObject, sep: &PyObject) -> PyResult {
    partition_impl(k, obj, sep, true)
}

fn strip_impl(
    k: &BytesKind,
    obj: &PyObject,
    args: &[PyObjectRef],
    fname: &str,
    left: bool,
    right: bool,
) -> PyResult {
    check_positional(fname, args.len(), 0, 1)?;
    let mut table = [false; 256];
    match args.first().filter(|a| !a.is(Py_None())) {
        None => {
            for b in [b' ', b'\t', b'\n', 0x0B, 0x0C, b'\r'] {
                table[b as usize] = true;
            }
        }
        Some(a) => {
            for &b in buffer_arg(a)?.iter() {
                table[b as usize] = true;
            }
        }
    }
    let d = (k.data)(obj);
    let (mut i, mut j) = (0, d.len());
    if left {
        while i < j && table[d[i] as usize] {
            i += 1;
        }
    }
    if right {
        while j > i && table[d[j - 1] as usize] {
            j -= 1;
        }
    }
    Ok(k.sub(obj, i..j))
}

pub fn _Py_bytes_strip(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    strip_impl(k, obj, args, "strip", true, true)
}
pub fn _Py_bytes_lstrip(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    strip_impl(k, obj, args, "lstrip", true, false)
}
pub fn _Py_bytes_rstrip(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    strip_impl(k, obj, args, "rstrip", false, true)
}

pub fn _Py_bytes_removeprefix(k: &BytesKind, obj: &PyObject, prefix: &PyObject) -> PyResult {
    let p = buffer_arg(prefix)?;
    let d = (k.data)(obj);
    if !p.is_empty() && d.starts_with(&p) {
        return Ok(k.make_from_slice(&d[p.len()..]));
    }
    Ok(k.unchanged(obj))
}

pub fn _Py_bytes_removesuffix(k: &BytesKind, obj: &PyObject, suffix: &PyObject) -> PyResult {
    let s = buffer_arg(suffix)?;
    let d = (k.data)(obj);
    if !s.is_empty() && d.ends_with(&s) {
        return Ok(k.make_from_slice(&d[..d.len() - s.len()]));
    }
    Ok(k.unchanged(obj))
}

pub fn _Py_bytes_replace(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("replace", args.len(), 2, 3)?;
    let old = buffer_arg(&args[0])?;
    let new = buffer_arg(&args[1])?;
    let count = match args.get(2) {
        Some(c) => ssize_arg(c)?,
        None => -1,
    };
    let d = (k.data)(obj);
    Ok(match stringlib::replace(d, &old, &new, count) {
        Some(v) => (k.from_vec)(v),
        None => k.unchanged(obj),
    })
}

// Padding

fn fillbyte_arg(fname: &str, f: &PyObject) -> PyResult<u8> {
    match f.downcast_ref::<PyBytesObject>() {
        Some(b) if b.len() == 1 => Ok(b.as_bytes()[0]),
        _ => match f.downcast_ref::<crate::bytearrayobject::PyByteArrayObject>() {
            Some(b) if b.len() == 1 => Ok(b.to_vec()[0]),
            _ => Err(type_error(format!(
                "{fname}() argument 2 must be a byte string of length 1, not {}",
                clinic_type_name(f)
            ))),
        },
    }
}

fn pad(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef], fname: &str, how: char) -> PyResult {
    check_positional(fname, args.len(), 1, 2)?;
    let width = ssize_arg(&args[0])?;
    let fill = match args.get(1) {
        Some(f) => fillbyte_arg(fname, f)?,
        None => b' ',
    };
    let d = (k.data)(obj);
    let len = d.len() as isize;
    if width <= len {
        return Ok(k.unchanged(obj));
    }
    let marg = (width - len) as usize;
    let (l, r) = match how {
        'l' => (0, marg),
        'r' => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    let mut v = Vec::new();
    v.try_reserve_exact(width as usize)
        .map_err(|_| PyErr_NoMemory())?;
    v.resize(l, fill);
    v.extend_from_slice(d);
    v.resize(l + d.len() + r, fill);
    Ok((k.from_vec)(v))
}

pub fn _Py_bytes_ljust(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    pad(k, obj, args, "ljust", 'l')
}
pub fn _Py_bytes_rjust(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    pad(k, obj, args, "rjust", 'r')
}
pub fn _Py_bytes_center(k: &BytesKind, obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    pad(k, obj, args, "center", 'c')
}

pub fn _Py_bytes_zfill(k: &BytesKind, obj: &PyObject, width: &PyObject) -> PyResult {
    let width = ssize_arg(width)?;
    let d = (k.data)(obj);
    let len = d.len() as isize;
    if width <= len {
        return Ok(k.unchanged(obj));
    }
    let fill = (width - len) as usize;
    let mut v = Vec::new();
    v.try_reserve_exact(width as usize)
        .map_err(|_| PyErr_NoMemory())?;
    let sign = matches!(d.first(), Some(b'+') | Some(b'-'));
    if sign {
        v.push(d[0]);
    }
    v.resize(v.len() + fill, b'0');
    v.extend_from_slice(&d[sign as usize..]);
    Ok((k.from_vec)(v))
}

pub fn _Py_bytes_expandtabs(
    k: &BytesKind,
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = crate::getargs::parse_args("expandtabs", args, kwnames, &["tabsize"], 0)?;
    let tabsize = match &a[0] {
        Some(t) => int_arg(t)? as isize,
        None => 8,
    };
    let d = (k.data)(obj);
    let v =
        stringlib::expandtabs(d, tabsize, b' ').ok_or_else(|| overflow_error("result too long"))?;
    Ok((k.from_vec)(v))
}

/// `join(iterable_of_bytes)` (`stringlib_bytes_join`).
pub fn _Py_bytes_join(k: &BytesKind, obj: &PyObject, iterable: &PyObject) -> PyResult {
    let items = crate::r#abstract::PySequence_Fast(iterable, "can only join an iterable")?;
    let mut parts: Vec<Cow<[u8]>> = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        match bytes_like_cow(it) {
            Some(b) => parts.push(b),
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    it.ob_type().name()
                )))
            }
        }
    }
    if k.immutable && items.len() == 1 && items[0].is_type(&PyBytes_Type) {
        return Ok(items[0].clone());
    }
    let sep = (k.data)(obj).to_vec();
    let total =
        parts.iter().map(|p| p.len()).sum::<usize>() + sep.len() * items.len().saturating_sub(1);
    let mut v = Vec::new();
    v.try_reserve_exact(total).map_err(|_| PyErr_NoMemory())?;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            v.extend_from_slice(&sep);
        }
        v.extend_from_slice(p);
    }
    Ok((k.from_vec)(v))
}

/// `translate(table, /, delete=b'')`.
pub fn _Py_bytes_translate(
    k: &BytesKind,
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let spec = crate::getargs::ArgSpec {
        fname: "translate",
        names: &["", "delete"],
        posonly: 1,
        maxpos: 2,
        minpos: 1,
        required_kwonly: &[],
    };
    let a = crate::getargs::unpack_keywords(&spec, args, kwnames)?;
    let table = match a[0].as_ref().filter(|t| !t.is(Py_None())) {
        None => None,
        Some(t) => {
            let t = buffer_arg(t)?.into_owned();
            if t.len() != 256 {
                return Err(value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let mut del = [false; 256];
    if let Some(dl) = &a[1] {
        for &b in buffer_arg(dl)?.iter() {
            del[b as usize] = true;
        }
    }
    let d = (k.data)(obj);
    let mut changed = false;
    let mut v = Vec::with_capacity(d.len());
    for &b in d {
        if del[b as usize] {
            changed = true;
            continue;
        }
        let m = table.as_ref().map_or(b, |t| t[b as usize]);
        changed |= m != b;
        v.push(m);
    }
    if !changed {
        return Ok(k.unchanged(obj));
    }
    Ok((k.from_vec)(v))
}

/// `bytes.maketrans(frm, to)` (static, shared with bytearray): always bytes.
pub fn _Py_bytes_maketrans(_: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("maketrans", args.len(), 2, 2)?;
    let frm = buffer_arg(&args[0])?;
    let to = buffer_arg(&args[1])?;
    if frm.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (&a, &b) in frm.iter().zip(to.iter()) {
        t[a as usize] = b;
    }
    Ok(PyBytes_FromVec(t))
}

/// `decode(encoding='utf-8', errors='strict')`.
pub fn _Py_bytes_decode(
    _k: &BytesKind,
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let (enc, err) = crate::unicodeobject::parse_encoding_args("decode", args, kwnames)?;
    crate::codecs::decode_object(obj, enc.as_deref(), err.as_deref())
}

/// `hex(sep=<unrepresentable>, bytes_per_sep=1)` (`_Py_strhex_with_sep`).
pub fn _Py_bytes_hex(
    k: &BytesKind,
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = crate::getargs::parse_args("hex", args, kwnames, &["sep", "bytes_per_sep"], 0)?;
    let per = match &a[1] {
        Some(v) => int_arg(v)?,
        None => 1,
    };
    let s = _Py_strhex(a[0].as_deref(), per, (k.data)(obj), false)?;
    Ok(crate::unicodeobject::PyUnicode_FromLatin1(&s))
}

/// `_Py_strhex_impl`: the hexadecimal digits of `data`, with `sep` between groups of
/// `bytes_per_sep` bytes counted from the right (positive) or the left (negative).
/// `return_bytes` relaxes the ASCII check of the separator.
pub fn _Py_strhex(
    sep: Option<&PyObject>,
    bytes_per_sep: i32,
    data: &[u8],
    return_bytes: bool,
) -> PyResult<Vec<u8>> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let sep_char = match sep {
        None => None,
        Some(s) => {
            let n = crate::r#abstract::PyObject_Size(s)?;
            if n != 1 {
                return Err(value_error("sep must be length 1."));
            }
            let c = if let Some(u) = s.downcast_ref::<PyUnicodeObject>() {
                if u.kind() != 1 {
                    return Err(value_error("sep must be ASCII."));
                }
                u.char_at(0)
            } else if let Some(b) = s.downcast_ref::<PyBytesObject>() {
                b.as_bytes()[0] as u32
            } else {
                return Err(type_error("sep must be str or bytes."));
            };
            if c > 127 && !return_bytes {
                return Err(value_error("sep must be ASCII."));
            }
            Some(c as u8)
        }
    };
    let group = if sep_char.is_some() {
        bytes_per_sep.unsigned_abs() as usize
    } else {
        0
    };
    let n = data.len();
    let mut out = Vec::with_capacity(n * 3);
    for (i, &b) in data.iter().enumerate() {
        if let (Some(c), true) = (sep_char, group > 0 && i > 0) {
            let boundary = if bytes_per_sep < 0 {
                i % group == 0
            } else {
                (n - i).is_multiple_of(group)
            };
            if boundary {
                out.push(c);
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    Ok(out)
}

/// `fromhex(string)` (`_PyBytes_FromHex`): the bytes of a string of hexadecimal
/// pairs, with whitespace allowed between pairs.
pub fn _PyBytes_FromHex(string: &PyObject) -> PyResult<Vec<u8>> {
    let Some(u) = string.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            clinic_type_name(string)
        )));
    };
    let bad = |pos: usize| {
        value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    if !u.ascii {
        let pos = u.iter().position(|c| c >= 128).unwrap_or(0);
        return Err(bad(pos));
    }
    let s = u.latin1().unwrap_or(&[]);
    let digit = |i: usize| -> Option<u8> {
        s.get(i)
            .and_then(|&c| (c as char).to_digit(16))
            .map(|d| d as u8)
    };
    let mut out = Vec::with_capacity(s.len() / 2);
    let mut i = 0;
    while i < s.len() {
        if is_ascii_space(s[i]) {
            while i < s.len() && is_ascii_space(s[i]) {
                i += 1;
            }
            if i >= s.len() {
                break;
            }
        }
        let Some(top) = digit(i) else {
            return Err(bad(i));
        };
        let Some(bot) = digit(i + 1) else {
            return Err(bad(i + 1));
        };
        out.push(top << 4 | bot);
        i += 2;
    }
    Ok(out)
}

/// `fromhex` as a class method: `cls.fromhex(s)`; a subclass is called with the
/// bytes, as CPython does.
pub fn fromhex_for(
    cls: &PyObject,
    string: &PyObject,
    exact: &'static PyTypeObject,
    make: fn(Vec<u8>) -> PyObjectRef,
) -> PyResult {
    let v = _PyBytes_FromHex(string)?;
    let obj = make(v);
    if cls.is(exact.as_object()) {
        return Ok(obj);
    }
    crate::call::PyObject_CallOneArg(cls, &obj)
}

/// `repr()` of a byte string (`PyBytes_Repr` with smart quotes): single quotes unless
/// the data has single quotes and no double quotes.
pub fn bytes_repr_into(out: &mut String, d: &[u8]) {
    repr_with_quotes(out, d, false)
}

/// The `b'...'` part of `bytearray`'s repr: the same quote choice, but single quotes
/// are escaped even inside double quotes (`bytearray_repr` does so).
pub fn bytearray_repr_into(out: &mut String, d: &[u8]) {
    repr_with_quotes(out, d, true)
}

fn repr_with_quotes(out: &mut String, d: &[u8], always_escape_single: bool) {
    let quote = if memchr::memchr(b'\'', d).is_some() && memchr::memchr(b'"', d).is_none() {
        b'"'
    } else {
        b'\''
    };
    out.push('b');
    out.push(quote as char);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for &c in d {
        match c {
            _ if c == quote || c == b'\\' || (always_escape_single && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if !(b' '..0x7F).contains(&c) => {
                out.push_str("\\x");
                out.push(HEX[(c >> 4) as usize] as char);
                out.push(HEX[(c & 15) as usize] as char);
            }
            _ => out.push(c as char),
        }
    }
    out.push(quote as char);
}

// --- bytes % args (`_PyBytes_FormatEx`) -------------------------------------------------

/// `format_obj` for `%b`/`%s`: a bytes-like object or one with `__bytes__`.
fn format_obj_bytes(v: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like_data(v) {
        return Ok(b);
    }
    if let Some(f) = crate::typeobject::_PyObject_LookupSpecial(v, crate::intern!("__bytes__"))? {
        let r = crate::call::PyObject_CallNoArgs(&f)?;
        return match r.downcast_ref::<PyBytesObject>() {
            Some(b) => Ok(b.as_bytes().to_vec()),
            None => Err(type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                r.ob_type().name()
            ))),
        };
    }
    Err(type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.ob_type().name()
    )))
}

/// `byte_converter` for `%c`: an int in range(256) or a single byte.
fn format_char_byte(v: &PyObject) -> PyResult<u8> {
    let one = with_bytes_like(v, |d| if d.len() == 1 { Some(d[0]) } else { None }).flatten();
    if let Some(b) = one {
        return Ok(b);
    }
    let n = match crate::r#abstract::PyNumber_Index(v) {
        Ok(n) => n,
        Err(e) if PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError) => {
            return Err(type_error(
                "%c requires an integer in range(256) or a single byte",
            ));
        }
        Err(e) => return Err(e),
    };
    match crate::longobject::PyLong_AsSsize_t_opt(&n) {
        Some(x) if (0..256).contains(&x) => Ok(x as u8),
        _ => Err(overflow_error("%c arg not in range(256)")),
    }
}

/// Make room for `n` more bytes, or raise `MemoryError`.
fn reserve_bytes(v: &mut Vec<u8>, n: usize) -> PyResult<()> {
    v.try_reserve(n).map_err(|_| PyErr_NoMemory())
}

/// `bytes % args`: the formatted bytes, for `bytes` and `bytearray`.
pub fn _PyBytes_Format(fmt: &[u8], args_obj: &PyObject) -> PyResult<Vec<u8>> {
    use crate::unicode_format::{
        format_number, pad_number, parse_percent_spec, unsupported_format_char, PercentArgs,
    };
    let mut args = PercentArgs::new(args_obj, true);
    let mut out: Vec<u8> = Vec::with_capacity(fmt.len() + 16);
    let n = fmt.len();
    let mut pos = 0;
    let not_all = || type_error("not all arguments converted during bytes formatting");
    while pos < n {
        match memchr::memchr(b'%', &fmt[pos..]) {
            None => {
                out.extend_from_slice(&fmt[pos..]);
                break;
            }
            Some(i) => {
                out.extend_from_slice(&fmt[pos..pos + i]);
                pos += i + 1;
            }
        }
        if fmt.get(pos) == Some(&b'%') {
            out.push(b'%');
            pos += 1;
            continue;
        }
        let (spec, next) = parse_percent_spec(fmt, pos, &mut args, PyBytes_FromSlice)?;
        pos = next;
        let v = args.next_arg()?;
        let conv = spec.conv;
        let pad_text = |out: &mut Vec<u8>, body: &[u8]| -> PyResult<()> {
            let len = if spec.prec >= 0 {
                body.len().min(spec.prec as usize)
            } else {
                body.len()
            };
            let padn = if spec.width > len as isize {
                spec.width as usize - len
            } else {
                0
            };
            reserve_bytes(out, padn + len)?;
            if !spec.flags.ljust {
                out.resize(out.len() + padn, b' ');
            }
            out.extend_from_slice(&body[..len]);
            if spec.flags.ljust {
                out.resize(out.len() + padn, b' ');
            }
            Ok(())
        };
        match conv {
            0x62 | 0x73 => {
                // %b, %s
                let b = format_obj_bytes(&v)?;
                pad_text(&mut out, &b)?;
            }
            0x72 | 0x61 => {
                // %r, %a: ascii() of the object
                let r = PyObject_ASCII(&v)?;
                let text = crate::unicodeobject::as_str_lossy(&r).into_owned();
                pad_text(&mut out, text.as_bytes())?;
            }
            0x63 => {
                let c = format_char_byte(&v)?;
                let padn = if spec.width > 1 {
                    spec.width as usize - 1
                } else {
                    0
                };
                if !spec.flags.ljust {
                    reserve_bytes(&mut out, padn)?;
                    out.resize(out.len() + padn, b' ');
                }
                out.push(c);
                if spec.flags.ljust {
                    reserve_bytes(&mut out, padn)?;
                    out.resize(out.len() + padn, b' ');
                }
            }
            0x64 | 0x69 | 0x75 | 0x6F | 0x78 | 0x58 | 0x65 | 0x45 | 0x66 | 0x46 | 0x67 | 0x47 => {
                let is_float = matches!(conv, 0x65 | 0x45 | 0x66 | 0x46 | 0x67 | 0x47);
                let text = match format_number(&v, conv as u8, spec.flags, spec.prec) {
                    Err(e)
                        if is_float
                            && PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError) =>
                    {
                        // bytes' `formatfloat` words its error differently from str's.
                        return Err(type_error(format!(
                            "float argument required, not {}",
                            v.ob_type().name()
                        )));
                    }
                    r => r?,
                };
                let mut s = String::with_capacity(text.len() + 8);
                let mut flags = spec.flags;
                flags.zero = flags.zero && !flags.ljust;
                pad_number(&text, conv as u8, flags, spec.width, &mut s)?;
                out.extend_from_slice(s.as_bytes());
            }
            _ => return Err(unsupported_format_char(conv, spec.conv_pos)),
        }
        if args.dict.is_some() && args.argidx < args.arglen {
            return Err(not_all());
        }
    }
    if args.unused() {
        return Err(not_all());
    }
    Ok(out)
}

// --- Slots ---------------------------------------------------------------------------

fn bytes_repr(obj: &PyObject) -> PyResult {
    let d = as_bytes_obj(obj).as_bytes();
    let mut s = String::with_capacity(d.len() + 3);
    bytes_repr_into(&mut s, d);
    Ok(crate::unicodeobject::PyUnicode_FromString(&s))
}

fn bytes_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    Ok(as_bytes_obj(obj).hash_value())
}

/// `Py_BytesWarningFlag` (`config->bytes_warning`): `-b` sets it to 1, `-bb` to 2
/// (the difference is the "default" or "error" BytesWarning filter they add).
/// While it is set, `str()` of bytes and comparisons of bytes with str or int
/// issue a BytesWarning.
pub static Py_BytesWarningFlag: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

/// Whether BytesWarnings are issued (`_Py_GetConfig()->bytes_warning`).
pub fn bytes_warning_enabled() -> bool {
    Py_BytesWarningFlag.load(std::sync::atomic::Ordering::Relaxed) > 0
}

/// `bytes_str`: `str(b)` is `repr(b)`, with a BytesWarning under `-b`.
fn bytes_str(obj: &PyObject) -> PyResult {
    if bytes_warning_enabled() {
        crate::pyhooks::PyErr_WarnEx(
            &crate::exceptions::PyExc_BytesWarning,
            "str() on a bytes instance",
            1,
        )?;
    }
    bytes_repr(obj)
}

fn bytes_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (
        a.downcast_ref::<PyBytesObject>(),
        b.downcast_ref::<PyBytesObject>(),
    ) else {
        if bytes_warning_enabled() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
            let is = |o: &PyObject, tp: &PyTypeObject| {
                crate::typeobject::PyType_IsSubtype(o.ob_type(), tp)
            };
            let msg = if is(a, &crate::unicodeobject::PyUnicode_Type)
                || is(b, &crate::unicodeobject::PyUnicode_Type)
            {
                Some("Comparison between bytes and string")
            } else if is(a, &crate::longobject::PyLong_Type)
                || is(b, &crate::longobject::PyLong_Type)
            {
                Some("Comparison between bytes and int")
            } else {
                None
            };
            if let Some(msg) = msg {
                crate::pyhooks::PyErr_WarnEx(&crate::exceptions::PyExc_BytesWarning, msg, 1)?;
            }
        }
        return Ok(not_implemented());
    };
    let res = match op {
        CompareOp::Eq => a.is(b) || x.as_bytes() == y.as_bytes(),
        CompareOp::Ne => !(a.is(b) || x.as_bytes() == y.as_bytes()),
        _ => op.from_ordering(x.as_bytes().cmp(y.as_bytes())),
    };
    py_bool(res)
}

fn bytes_length(obj: &PyObject) -> PyResult<Py_ssize_t> {
    Ok(as_bytes_obj(obj).len() as Py_ssize_t)
}

/// `bytes + other` (`bytes_concat`): any bytes-like right operand.
fn bytes_concat(a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(y)) = (bytes_like_cow(a), bytes_like_cow(b)) else {
        return Err(type_error(format!(
            "can't concat {} to {}",
            b.ob_type().name(),
            a.ob_type().name()
        )));
    };
    if y.is_empty() && a.is_type(&PyBytes_Type) {
        return Ok(a.to_owned());
    }
    if x.is_empty() && b.is_type(&PyBytes_Type) {
        return Ok(b.to_owned());
    }
    let mut v = Vec::new();
    v.try_reserve_exact(x.len() + y.len())
        .map_err(|_| PyErr_NoMemory())?;
    v.extend_from_slice(&x);
    v.extend_from_slice(&y);
    Ok(PyBytes_FromVec(v))
}

/// `data * n` with CPython's errors, for bytes and bytearray.
pub fn repeat_bytes(d: &[u8], n: Py_ssize_t, what: &str) -> PyResult<Vec<u8>> {
    if n <= 0 || d.is_empty() {
        return Ok(Vec::new());
    }
    let total = d
        .len()
        .checked_mul(n as usize)
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(|| PyErr_NoMemory_or_overflow(what))?;
    let mut v = Vec::new();
    v.try_reserve_exact(total).map_err(|_| PyErr_NoMemory())?;
    if d.len() == 1 {
        v.resize(total, d[0]);
    } else {
        for _ in 0..n {
            v.extend_from_slice(d);
        }
    }
    Ok(v)
}

#[allow(non_snake_case)]
fn PyErr_NoMemory_or_overflow(what: &str) -> PyErr {
    if what == "bytes" {
        overflow_error("repeated bytes are too long")
    } else {
        PyErr_NoMemory()
    }
}

fn bytes_repeat(obj: &PyObject, n: Py_ssize_t) -> PyResult {
    let d = as_bytes_obj(obj).as_bytes();
    if n == 1 && obj.is_type(&PyBytes_Type) {
        return Ok(obj.to_owned());
    }
    Ok(PyBytes_FromVec(repeat_bytes(d, n, "bytes")?))
}

fn bytes_item(obj: &PyObject, i: Py_ssize_t) -> PyResult {
    let d = as_bytes_obj(obj).as_bytes();
    if i < 0 || i as usize >= d.len() {
        return Err(index_error("index out of range"));
    }
    Ok(PyLong_FromLong(d[i as usize] as i64))
}

fn bytes_contains(obj: &PyObject, arg: &PyObject) -> PyResult<bool> {
    _Py_bytes_contains(as_bytes_obj(obj).as_bytes(), arg)
}

/// `self[key]` for a byte sequence: an int for an index, a new object from `make`
/// for a slice. `what` names the type in the error ("byte", "bytearray").
pub fn bytes_subscript_impl(
    d: &[u8],
    key: &PyObject,
    err_name: &str,
    make: impl FnOnce(Vec<u8>) -> PyObjectRef,
) -> PyResult {
    if crate::r#abstract::PyIndex_Check(key) {
        let mut i =
            crate::r#abstract::PyNumber_AsSsize_t(key, Some(&crate::exceptions::PyExc_IndexError))?;
        if i < 0 {
            i += d.len() as isize;
        }
        if i < 0 || i as usize >= d.len() {
            return Err(index_error(if err_name == "byte" {
                "index out of range"
            } else {
                "bytearray index out of range"
            }));
        }
        return Ok(PyLong_FromLong(d[i as usize] as i64));
    }
    if let Some(s) = key.downcast_ref::<crate::sliceobject::PySliceObject>() {
        let (start, _stop, step, n) = s.adjust_indices(d.len() as Py_ssize_t)?;
        if n <= 0 {
            return Ok(make(Vec::new()));
        }
        if step == 1 {
            return Ok(make(d[start as usize..(start + n) as usize].to_vec()));
        }
        return Ok(make(
            (0..n).map(|k| d[(start + k * step) as usize]).collect(),
        ));
    }
    Err(type_error(format!(
        "{err_name} indices must be integers or slices, not {}",
        key.ob_type().name()
    )))
}

fn bytes_subscript(obj: &PyObject, key: &PyObject) -> PyResult {
    let b = as_bytes_obj(obj);
    if let Some(s) = key.downcast_ref::<crate::sliceobject::PySliceObject>() {
        let (start, _stop, step, n) = s.adjust_indices(b.len() as Py_ssize_t)?;
        if step == 1 && start == 0 && n as usize == b.len() && obj.is_type(&PyBytes_Type) {
            return Ok(obj.to_owned());
        }
    }
    bytes_subscript_impl(b.as_bytes(), key, "byte", PyBytes_FromVec)
}

fn bytes_mod(a: &PyObject, b: &PyObject) -> PyResult {
    let Some(x) = a.downcast_ref::<PyBytesObject>() else {
        return Ok(not_implemented());
    };
    Ok(PyBytes_FromVec(_PyBytes_Format(x.as_bytes(), b)?))
}

/// The items of an iterable of ints as bytes (`_PyBytes_FromList`,
/// `_PyBytes_FromTuple`, `_PyBytes_FromIterator`).
pub fn bytes_from_iterable(x: &PyObject) -> PyResult<Vec<u8>> {
    let conv = |item: &PyObject| -> PyResult<u8> {
        let v = crate::r#abstract::PyNumber_AsSsize_t(item, None)?;
        if !(0..256).contains(&v) {
            return Err(value_error("bytes must be in range(0, 256)"));
        }
        Ok(v as u8)
    };
    if let Some(t) = x.downcast_ref_exact::<crate::tupleobject::PyTupleObject>() {
        return t.as_slice().iter().map(|i| conv(i)).collect();
    }
    if let Some(l) = x.downcast_ref_exact::<crate::listobject::PyListObject>() {
        // Re-read the list on every step: converting an item can run code that
        // changes it.
        let mut out = Vec::new();
        let mut i = 0;
        loop {
            let items = l.to_vec();
            let Some(item) = items.get(i).cloned() else {
                break;
            };
            drop(items);
            out.push(conv(&item)?);
            i += 1;
        }
        return Ok(out);
    }
    let it = match crate::r#abstract::PyObject_GetIter(x) {
        Ok(it) => it,
        Err(e) if PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError) => {
            return Err(type_error(format!(
                "cannot convert '{}' object to bytes",
                x.ob_type().name()
            )));
        }
        Err(e) => return Err(e),
    };
    let hint = crate::r#abstract::PyObject_LengthHint(x, 64)
        .unwrap_or(64)
        .max(0) as usize;
    let mut out = Vec::with_capacity(hint.min(1 << 20));
    while let Some(item) = crate::r#abstract::PyIter_Next(&it)? {
        out.push(conv(&item)?);
    }
    Ok(out)
}

/// `bytes(x)` for one argument without encoding (`PyBytes_FromObject` and the
/// integer case of `bytes_new`).
fn bytes_from_object(x: &PyObject) -> PyResult<Vec<u8>> {
    if PyUnicodeObject::check(x) {
        return Err(type_error("string argument without an encoding"));
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
                let mut v = Vec::new();
                v.try_reserve_exact(n as usize)
                    .map_err(|_| PyErr_NoMemory())?;
                v.resize(n as usize, 0);
                return Ok(v);
            }
            Err(e) if !PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError) => {
                return Err(e)
            }
            Err(_) => {}
        }
    }
    if let Some(b) = bytes_like_data(x) {
        return Ok(b);
    }
    bytes_from_iterable(x)
}

/// `bytes(x=b'', encoding=..., errors=...)` (`bytes_new`).
fn bytes_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a =
        crate::getargs::parse_args("bytes", args, kwnames, &["source", "encoding", "errors"], 0)?;
    for (i, name) in [(1, "encoding"), (2, "errors")] {
        if let Some(v) = &a[i] {
            if !PyUnicodeObject::check(v) {
                return Err(type_error(format!(
                    "bytes() argument '{name}' must be str, not {}",
                    clinic_type_name(v)
                )));
            }
        }
    }
    let obj = match (&a[0], &a[1], &a[2]) {
        (None, None, None) => shared_bytes(None),
        (None, enc, _) => {
            return Err(type_error(if enc.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }))
        }
        (Some(x), Some(enc), err) => {
            if !PyUnicodeObject::check(x) {
                return Err(type_error("encoding without a string argument"));
            }
            crate::codecs::encode_str(x, Some(enc), err.as_deref())?
        }
        (Some(x), None, Some(_)) => {
            return Err(type_error(if PyUnicodeObject::check(x) {
                "string argument without an encoding"
            } else {
                "errors without a string argument"
            }))
        }
        (Some(x), None, None) => {
            if x.is_type(&PyBytes_Type) {
                x.clone()
            } else if let Some(f) =
                crate::typeobject::_PyObject_LookupSpecial(x, crate::intern!("__bytes__"))?
            {
                // What `__bytes__` returns is kept as it is (a bytes subclass
                // included) when the type asked for is bytes itself.
                let r = crate::call::PyObject_CallNoArgs(&f)?;
                if !PyBytesObject::check(&r) {
                    return Err(type_error(format!(
                        "__bytes__ returned non-bytes (type {})",
                        r.ob_type().name()
                    )));
                }
                r
            } else {
                PyBytes_FromVec(bytes_from_object(x)?)
            }
        }
    };
    if std::ptr::eq(tp, &PyBytes_Type) {
        return Ok(obj);
    }
    let d = match obj.downcast_ref::<PyBytesObject>() {
        Some(b) => CompactBytes::new(b.as_bytes()),
        None => CompactBytes::default(),
    };
    Ok(new_bytes(tp, d))
}

unsafe fn bytes_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead bytes object.
    unsafe { dealloc_object::<PyBytesObject>(op) }
}

// --- The iterator ----------------------------------------------------------------------

/// `striterobject`: the iterator of a bytes object, yielding ints.
#[repr(C)]
pub struct PyBytesIterObject {
    pub ob_base: PyObject,
    it_index: Cell<usize>,
    it_seq: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyBytesIterObject {}

fn as_bytes_iter(obj: &PyObject) -> &PyBytesIterObject {
    // SAFETY: only installed on `bytes_iterator`, whose layout this is.
    unsafe { &*(obj as *const PyObject as *const PyBytesIterObject) }
}

fn bytes_iter(obj: &PyObject) -> PyResult {
    // SAFETY: the layout is `bytes_iterator`'s.
    let it = unsafe {
        alloc_object(
            &PyBytesIter_Type,
            PyBytesIterObject {
                ob_base: PyObject_HEAD_INIT,
                it_index: Cell::new(0),
                it_seq: PyCell::new(Some(obj.to_owned())),
            },
        )
    };
    Ok(it.into_object())
}

fn bytesiter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_bytes_iter(obj);
    // SAFETY: the borrow ends before anything can replace the field.
    let Some(seq) = (unsafe { it.it_seq.get_ref() }) else {
        return Ok(None);
    };
    let d = as_bytes_obj(seq).as_bytes();
    let i = it.it_index.get();
    if i < d.len() {
        it.it_index.set(i + 1);
        return Ok(Some(PyLong_FromLong(d[i] as i64)));
    }
    it.it_seq.set(None);
    Ok(None)
}

fn bytesiter_iter(obj: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

fn bytesiter_len(obj: &PyObject) -> PyResult {
    let it = as_bytes_iter(obj);
    // SAFETY: the borrow ends before anything can replace the field.
    let n = match unsafe { it.it_seq.get_ref() } {
        Some(seq) => as_bytes_obj(seq).len().saturating_sub(it.it_index.get()),
        None => 0,
    };
    Ok(PyLong_FromSsize_t(n as isize))
}

fn bytesiter_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let it = as_bytes_iter(obj);
    let index = crate::listobject::setstate_index(state)?;
    // SAFETY: the borrow ends before anything can replace the field.
    if let Some(seq) = unsafe { it.it_seq.get_ref() } {
        let len = as_bytes_obj(seq).len() as isize;
        it.it_index.set(index.clamp(0, len) as usize);
    }
    Ok(none())
}

/// `__reduce__`: `(iter, (seq,), index)`, or `(iter, ((),))` once exhausted.
fn bytesiter_reduce(obj: &PyObject) -> PyResult {
    let it = as_bytes_iter(obj);
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
fn striter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: only installed on iterator types with this layout.
    let it = unsafe { &*(obj as *const PyObject as *const PyBytesIterObject) };
    // SAFETY: traversal runs no Python code.
    if let Some(seq) = unsafe { it.it_seq.get_ref() } {
        visit(seq);
    }
}

unsafe fn bytesiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead iterator.
    unsafe { dealloc_object::<PyBytesIterObject>(op) }
}

static BYTESITER_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(bytesiter_reduce),
        "Return state information for pickling.",
    ),
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(bytesiter_len),
        "Private method returning an estimate of len(list(it)).",
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(bytesiter_setstate),
        "Set state information for unpickling.",
    ),
];

/// `bytes_iterator`.
pub static PyBytesIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "bytes_iterator",
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_traverse: slot(striter_traverse),
    tp_basicsize: Cell::new(size_of::<PyBytesIterObject>()),
    tp_dealloc: slot(bytesiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_iter: slot(bytesiter_iter),
    tp_iternext: slot(bytesiter_next),
    tp_methods: &BYTESITER_METHODS,
    ..PyTypeObject::DEFAULT
};

// --- Methods ---------------------------------------------------------------------------

fn bytes_data(obj: &PyObject) -> &[u8] {
    as_bytes_obj(obj).as_bytes()
}

/// How the shared methods see `bytes`.
pub static BYTES_KIND: BytesKind = BytesKind {
    name: "bytes",
    data: bytes_data,
    from_vec: PyBytes_FromVec,
    from_slice: PyBytes_FromSlice,
    immutable: true,
};

/// Define thin wrappers `b_<name>` around the shared byte methods for one
/// [`BytesKind`], with the calling convention each method has in CPython.
macro_rules! shared_byte_methods {
    ($kind:path) => {
        fn b_capitalize(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_capitalize(&$kind, o)
        }
        fn b_center(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_center(&$kind, o, a)
        }
        fn b_count(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_count(&$kind, o, a)
        }
        fn b_decode(o: &PyObject, a: &[PyObjectRef], k: Option<&PyObject>) -> PyResult {
            $crate::bytesobject::_Py_bytes_decode(&$kind, o, a, k)
        }
        fn b_endswith(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_endswith(&$kind, o, a)
        }
        fn b_expandtabs(o: &PyObject, a: &[PyObjectRef], k: Option<&PyObject>) -> PyResult {
            $crate::bytesobject::_Py_bytes_expandtabs(&$kind, o, a, k)
        }
        fn b_find(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_find(&$kind, o, a)
        }
        fn b_hex(o: &PyObject, a: &[PyObjectRef], k: Option<&PyObject>) -> PyResult {
            $crate::bytesobject::_Py_bytes_hex(&$kind, o, a, k)
        }
        fn b_index(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_index(&$kind, o, a)
        }
        fn b_isalnum(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_isalnum(&$kind, o)
        }
        fn b_isalpha(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_isalpha(&$kind, o)
        }
        fn b_isascii(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_isascii(&$kind, o)
        }
        fn b_isdigit(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_isdigit(&$kind, o)
        }
        fn b_islower(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_islower(&$kind, o)
        }
        fn b_isspace(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_isspace(&$kind, o)
        }
        fn b_istitle(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_istitle(&$kind, o)
        }
        fn b_isupper(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_isupper(&$kind, o)
        }
        fn b_join(o: &PyObject, a: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_join(&$kind, o, a)
        }
        fn b_ljust(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_ljust(&$kind, o, a)
        }
        fn b_lower(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_lower(&$kind, o)
        }
        fn b_lstrip(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_lstrip(&$kind, o, a)
        }
        fn b_partition(o: &PyObject, a: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_partition(&$kind, o, a)
        }
        fn b_replace(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_replace(&$kind, o, a)
        }
        fn b_removeprefix(o: &PyObject, a: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_removeprefix(&$kind, o, a)
        }
        fn b_removesuffix(o: &PyObject, a: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_removesuffix(&$kind, o, a)
        }
        fn b_rfind(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_rfind(&$kind, o, a)
        }
        fn b_rindex(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_rindex(&$kind, o, a)
        }
        fn b_rjust(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_rjust(&$kind, o, a)
        }
        fn b_rpartition(o: &PyObject, a: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_rpartition(&$kind, o, a)
        }
        fn b_rsplit(o: &PyObject, a: &[PyObjectRef], k: Option<&PyObject>) -> PyResult {
            $crate::bytesobject::_Py_bytes_rsplit(&$kind, o, a, k)
        }
        fn b_rstrip(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_rstrip(&$kind, o, a)
        }
        fn b_split(o: &PyObject, a: &[PyObjectRef], k: Option<&PyObject>) -> PyResult {
            $crate::bytesobject::_Py_bytes_split(&$kind, o, a, k)
        }
        fn b_splitlines(o: &PyObject, a: &[PyObjectRef], k: Option<&PyObject>) -> PyResult {
            $crate::bytesobject::_Py_bytes_splitlines(&$kind, o, a, k)
        }
        fn b_startswith(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_startswith(&$kind, o, a)
        }
        fn b_strip(o: &PyObject, a: &[PyObjectRef]) -> PyResult {
            $crate::bytesobject::_Py_bytes_strip(&$kind, o, a)
        }
        fn b_swapcase(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_swapcase(&$kind, o)
        }
        fn b_title(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_title(&$kind, o)
        }
        fn b_translate(o: &PyObject, a: &[PyObjectRef], k: Option<&PyObject>) -> PyResult {
            $crate::bytesobject::_Py_bytes_translate(&$kind, o, a, k)
        }
        fn b_upper(o: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_upper(&$kind, o)
        }
        fn b_zfill(o: &PyObject, a: &PyObject) -> PyResult {
            $crate::bytesobject::_Py_bytes_zfill(&$kind, o, a)
        }
    };
}
pub(crate) use shared_byte_methods;

shared_byte_methods!(BYTES_KIND);

fn bytes_fromhex(cls: &PyObject, string: &PyObject) -> PyResult {
    fromhex_for(cls, string, &PyBytes_Type, PyBytes_FromVec)
}

/// `__bytes__`: an exact bytes copy (self for an exact bytes).
fn bytes___bytes__(obj: &PyObject) -> PyResult {
    if obj.is_type(&PyBytes_Type) {
        return Ok(obj.to_owned());
    }
    Ok(PyBytes_FromSlice(bytes_data(obj)))
}

fn bytes_getnewargs(obj: &PyObject) -> PyResult {
    let copy = PyBytes_FromSlice(bytes_data(obj));
    Ok(crate::tupleobject::PyTuple_New(vec![copy]).into_object())
}

fn bytes_sizeof(obj: &PyObject) -> PyResult {
    // CPython: `PyBytesObject` is 33 bytes before the data (header, size, hash,
    // and the trailing NUL counted in the base size).
    Ok(PyLong_FromSsize_t(33 + as_bytes_obj(obj).len() as isize))
}

static BYTES_METHODS: [PyMethodDef; 45] = [
    PyMethodDef::new(
        "__getnewargs__",
        PyCFunction::NoArgs(bytes_getnewargs),
        doc::DUNDER_GETNEWARGS,
    ),
    PyMethodDef::new(
        "__bytes__",
        PyCFunction::NoArgs(bytes___bytes__),
        doc::DUNDER_BYTES,
    ),
    PyMethodDef::new(
        "capitalize",
        PyCFunction::NoArgs(b_capitalize),
        doc::CAPITALIZE,
    ),
    PyMethodDef::new("center", PyCFunction::Fast(b_center), doc::CENTER),
    PyMethodDef::new("count", PyCFunction::Fast(b_count), doc::COUNT),
    PyMethodDef::new("decode", PyCFunction::FastKw(b_decode), doc::DECODE),
    PyMethodDef::new("endswith", PyCFunction::Fast(b_endswith), doc::ENDSWITH),
    PyMethodDef::new(
        "expandtabs",
        PyCFunction::FastKw(b_expandtabs),
        doc::EXPANDTABS,
    ),
    PyMethodDef::new("find", PyCFunction::Fast(b_find), doc::FIND),
    PyMethodDef::new("fromhex", PyCFunction::O(bytes_fromhex), doc::FROMHEX).with_flags(METH_CLASS),
    PyMethodDef::new("hex", PyCFunction::FastKw(b_hex), doc::HEX),
    PyMethodDef::new("index", PyCFunction::Fast(b_index), doc::INDEX),
    PyMethodDef::new("isalnum", PyCFunction::NoArgs(b_isalnum), doc::ISALNUM),
    PyMethodDef::new("isalpha", PyCFunction::NoArgs(b_isalpha), doc::ISALPHA),
    PyMethodDef::new("isascii", PyCFunction::NoArgs(b_isascii), doc::ISASCII),
    PyMethodDef::new("isdigit", PyCFunction::NoArgs(b_isdigit), doc::ISDIGIT),
    PyMethodDef::new("islower", PyCFunction::NoArgs(b_islower), doc::ISLOWER),
    PyMethodDef::new("isspace", PyCFunction::NoArgs(b_isspace), doc::ISSPACE),
    PyMethodDef::new("istitle", PyCFunction::NoArgs(b_istitle), doc::ISTITLE),
    PyMethodDef::new("isupper", PyCFunction::NoArgs(b_isupper), doc::ISUPPER),
    PyMethodDef::new("join", PyCFunction::O(b_join), doc::JOIN),
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
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(bytes_sizeof),
        "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes.",
    ),
];

/// `bytes`.
/// `bytes_buffer_getbuffer`: a read-only view of the bytes.
fn bytes_buffer_getbuffer(
    obj: &PyObject,
    view: &mut crate::r#abstract::Py_buffer,
    flags: i32,
) -> PyResult<()> {
    let data = as_bytes_obj(obj).as_bytes();
    crate::r#abstract::PyBuffer_FillInfo(
        view,
        Some(obj),
        data.as_ptr() as *mut u8,
        data.len() as Py_ssize_t,
        true,
        flags,
    )
}

pub static PyBytes_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "bytes",
    tp_basicsize: Cell::new(size_of::<PyBytesObject>()),
    // One byte per item, as in CPython: pyrs stores the bytes in `ob_sval` at a fixed
    // offset, but the item size decides what subclasses may add (`type_new`).
    tp_itemsize: Cell::new(1),
    tp_dealloc: slot(bytes_dealloc),
    tp_repr: slot(bytes_repr),
    tp_as_number: PyNumberMethods {
        nb_remainder: slot(bytes_mod),
        ..PyNumberMethods::EMPTY
    },
    tp_as_sequence: PySequenceMethods {
        sq_length: slot(bytes_length),
        sq_concat: slot(bytes_concat),
        sq_repeat: slot(bytes_repeat),
        sq_item: slot(bytes_item),
        sq_contains: slot(bytes_contains),
        ..PySequenceMethods::EMPTY
    },
    tp_as_mapping: PyMappingMethods {
        mp_length: slot(bytes_length),
        mp_subscript: slot(bytes_subscript),
        mp_ass_subscript: include::cpython::object::no_slot(),
    },
    tp_hash: slot(bytes_hash),
    tp_str: slot(bytes_str),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_as_buffer: include::cpython::object::PyBufferProcs {
        bf_getbuffer: slot(bytes_buffer_getbuffer),
        bf_releasebuffer: include::cpython::object::no_slot(),
    },
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS | Py_TPFLAGS_MATCH_SELF),
    tp_doc: Some("bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - any object implementing the buffer API.\n  - an integer"),
    tp_richcompare: slot(bytes_richcompare),
    tp_iter: slot(bytes_iter),
    tp_methods: &BYTES_METHODS,
    tp_new: slot(bytes_new),
    ..PyTypeObject::DEFAULT
};

/// The types of this file, for start-up.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyBytes_Type, &PyBytesIter_Type]
}

/// Docstrings of the methods, as CPython 3.11 gives them (`__doc__` and
/// `__text_signature__`).
mod doc {
    pub const DUNDER_GETNEWARGS: &str = "";
    pub const DUNDER_BYTES: &str =
        "__bytes__($self, /)\n--\n\nConvert this value to exact type bytes.";
    pub const CAPITALIZE: &str = "B.capitalize() -> copy of B\n\nReturn a copy of B with only its first character capitalized (ASCII)\nand the rest lower-cased.";
    pub const CENTER: &str = "center($self, width, fillchar=b' ', /)\n--\n\nReturn a centered string of length width.\n\nPadding is done using the specified fill character.";
    pub const COUNT: &str = "B.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of subsection sub in\nbytes B[start:end].  Optional arguments start and end are interpreted\nas in slice notation.";
    pub const DECODE: &str = "decode($self, /, encoding='utf-8', errors='strict')\n--\n\nDecode the bytes using the codec registered for encoding.\n\n  encoding\n    The encoding with which to decode the bytes.\n  errors\n    The error handling scheme to use for the handling of decoding errors.\n    The default is 'strict' meaning that decoding errors raise a\n    UnicodeDecodeError. Other possible values are 'ignore' and 'replace'\n    as well as any other name registered with codecs.register_error that\n    can handle UnicodeDecodeErrors.";
    pub const ENDSWITH: &str = "B.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if B ends with the specified suffix, False otherwise.\nWith optional start, test B beginning at that position.\nWith optional end, stop comparing B at that position.\nsuffix can also be a tuple of bytes to try.";
    pub const EXPANDTABS: &str = "expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces.\n\nIf tabsize is not given, a tab size of 8 characters is assumed.";
    pub const FIND: &str = "B.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure.";
    pub const FROMHEX: &str = "fromhex($type, string, /)\n--\n\nCreate a bytes object from a string of hexadecimal numbers.\n\nSpaces between two numbers are accepted.\nExample: bytes.fromhex('B9 01EF') -> b'\\\\xb9\\\\x01\\\\xef'.";
    pub const HEX: &str = "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nCreate a string of hexadecimal numbers from a bytes object.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nExample:\n>>> value = b'\\xb9\\x01\\xef'\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n>>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'";
    pub const INDEX: &str = "B.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the subsection is not found.";
    pub const ISALNUM: &str = "B.isalnum() -> bool\n\nReturn True if all characters in B are alphanumeric\nand there is at least one character in B, False otherwise.";
    pub const ISALPHA: &str = "B.isalpha() -> bool\n\nReturn True if all characters in B are alphabetic\nand there is at least one character in B, False otherwise.";
    pub const ISASCII: &str = "B.isascii() -> bool\n\nReturn True if B is empty or all characters in B are ASCII,\nFalse otherwise.";
    pub const ISDIGIT: &str = "B.isdigit() -> bool\n\nReturn True if all characters in B are digits\nand there is at least one character in B, False otherwise.";
    pub const ISLOWER: &str = "B.islower() -> bool\n\nReturn True if all cased characters in B are lowercase and there is\nat least one cased character in B, False otherwise.";
    pub const ISSPACE: &str = "B.isspace() -> bool\n\nReturn True if all characters in B are whitespace\nand there is at least one character in B, False otherwise.";
    pub const ISTITLE: &str = "B.istitle() -> bool\n\nReturn True if B is a titlecased string and there is at least one\ncharacter in B, i.e. uppercase characters may only follow uncased\ncharacters and lowercase characters only cased ones. Return False\notherwise.";
    pub const ISUPPER: &str = "B.isupper() -> bool\n\nReturn True if all cased characters in B are uppercase and there is\nat least one cased character in B, False otherwise.";
    pub const JOIN: &str = "join($self, iterable_of_bytes, /)\n--\n\nConcatenate any number of bytes objects.\n\nThe bytes whose method is called is inserted in between each pair.\n\nThe result is returned as a new bytes object.\n\nExample: b'.'.join([b'ab', b'pq', b'rs']) -> b'ab.pq.rs'.";
    pub const LJUST: &str = "ljust($self, width, fillchar=b' ', /)\n--\n\nReturn a left-justified string of length width.\n\nPadding is done using the specified fill character.";
    pub const LOWER: &str = "B.lower() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to lowercase.";
    pub const LSTRIP: &str = "lstrip($self, bytes=None, /)\n--\n\nStrip leading bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading  ASCII whitespace.";
    pub const MAKETRANS: &str = "maketrans(frm, to, /)\n--\n\nReturn a translation table useable for the bytes or bytearray translate method.\n\nThe returned table will be one where each byte in frm is mapped to the byte at\nthe same position in to.\n\nThe bytes objects frm and to must be of the same length.";
    pub const PARTITION: &str = "partition($self, sep, /)\n--\n\nPartition the bytes into three parts using the given separator.\n\nThis will search for the separator sep in the bytes. If the separator is found,\nreturns a 3-tuple containing the part before the separator, the separator\nitself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing the original bytes\nobject and two empty bytes objects.";
    pub const REPLACE: &str = "replace($self, old, new, count=-1, /)\n--\n\nReturn a copy with all occurrences of substring old replaced by new.\n\n  count\n    Maximum number of occurrences to replace.\n    -1 (the default value) means replace all occurrences.\n\nIf the optional argument count is given, only the first count occurrences are\nreplaced.";
    pub const REMOVEPREFIX: &str = "removeprefix($self, prefix, /)\n--\n\nReturn a bytes object with the given prefix string removed if present.\n\nIf the bytes starts with the prefix string, return bytes[len(prefix):].\nOtherwise, return a copy of the original bytes.";
    pub const REMOVESUFFIX: &str = "removesuffix($self, suffix, /)\n--\n\nReturn a bytes object with the given suffix string removed if present.\n\nIf the bytes ends with the suffix string and that suffix is not empty,\nreturn bytes[:-len(prefix)].  Otherwise, return a copy of the original\nbytes.";
    pub const RFIND: &str = "B.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure.";
    pub const RINDEX: &str = "B.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in B where subsection sub is found,\nsuch that sub is contained within B[start,end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaise ValueError when the subsection is not found.";
    pub const RJUST: &str = "rjust($self, width, fillchar=b' ', /)\n--\n\nReturn a right-justified string of length width.\n\nPadding is done using the specified fill character.";
    pub const RPARTITION: &str = "rpartition($self, sep, /)\n--\n\nPartition the bytes into three parts using the given separator.\n\nThis will search for the separator sep in the bytes, starting at the end. If\nthe separator is found, returns a 3-tuple containing the part before the\nseparator, the separator itself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing two empty bytes\nobjects and the original bytes object.";
    pub const RSPLIT: &str = "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytes, using sep as the delimiter.\n\n  sep\n    The delimiter according which to split the bytes.\n    None (the default value) means split on ASCII whitespace characters\n    (space, tab, return, newline, formfeed, vertical tab).\n  maxsplit\n    Maximum number of splits to do.\n    -1 (the default value) means no limit.\n\nSplitting is done starting at the end of the bytes and working to the front.";
    pub const RSTRIP: &str = "rstrip($self, bytes=None, /)\n--\n\nStrip trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip trailing ASCII whitespace.";
    pub const SPLIT: &str = "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the sections in the bytes, using sep as the delimiter.\n\n  sep\n    The delimiter according which to split the bytes.\n    None (the default value) means split on ASCII whitespace characters\n    (space, tab, return, newline, formfeed, vertical tab).\n  maxsplit\n    Maximum number of splits to do.\n    -1 (the default value) means no limit.";
    pub const SPLITLINES: &str = "splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the bytes, breaking at line boundaries.\n\nLine breaks are not included in the resulting list unless keepends is given and\ntrue.";
    pub const STARTSWITH: &str = "B.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if B starts with the specified prefix, False otherwise.\nWith optional start, test B beginning at that position.\nWith optional end, stop comparing B at that position.\nprefix can also be a tuple of bytes to try.";
    pub const STRIP: &str = "strip($self, bytes=None, /)\n--\n\nStrip leading and trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading and trailing ASCII whitespace.";
    pub const SWAPCASE: &str = "B.swapcase() -> copy of B\n\nReturn a copy of B with uppercase ASCII characters converted\nto lowercase ASCII and vice versa.";
    pub const TITLE: &str = "B.title() -> copy of B\n\nReturn a titlecased version of B, i.e. ASCII words start with uppercase\ncharacters, all remaining cased characters have lowercase.";
    pub const TRANSLATE: &str = "translate($self, table, /, delete=b'')\n--\n\nReturn a copy with each character mapped by the given translation table.\n\n  table\n    Translation table, which must be a bytes object of length 256.\n\nAll characters occurring in the optional argument delete are removed.\nThe remaining characters are mapped through the given translation table.";
    pub const UPPER: &str = "B.upper() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to uppercase.";
    pub const ZFILL: &str = "zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width.\n\nThe original string is never truncated.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strhex_groups() {
        let sep = crate::unicodeobject::PyUnicode_FromString(":");
        let hex = |per: i32| -> String {
            let v = _Py_strhex(Some(&sep), per, b"abcdef", false).unwrap_or_default();
            String::from_utf8(v).unwrap_or_default()
        };
        assert_eq!(hex(-4), "61626364:6566");
        assert_eq!(hex(4), "6162:63646566");
        assert_eq!(hex(1), "61:62:63:64:65:66");
        assert_eq!(hex(100), "616263646566");
        let plain = _Py_strhex(None, 0, b"\x00\xff", false).unwrap_or_default();
        assert_eq!(plain, b"00ff");
    }

    #[test]
    fn space_is_ascii_whitespace() {
        assert!(is_ascii_space(0x0B) && is_ascii_space(b' ') && !is_ascii_space(0x1C));
    }
}
