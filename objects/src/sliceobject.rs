//! `slice` objects and the `Ellipsis` singleton. Mirrors Objects/sliceobject.c
//! (CPython 3.11).
//!
//! A slice is three arbitrary objects; sequences turn it into concrete indices with
//! [`PySlice_Unpack`] (objects to clamped `Py_ssize_t`s) followed by
//! [`PySlice_AdjustIndices`] (bounds against a length), exactly as CPython splits the
//! work, and `slice.indices()` does the same computation with unbounded ints.
//!
//! As in CPython, one dead slice is kept for reuse (`interp->slice_cache`): a
//! subscript such as `a[i:j]` builds and drops a slice every time.

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

use include::cpython::object::flags::*;
use include::descrobject::{MemberType, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::longobject::{long_to_bigint, PyLong_FromBigInt};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::PyTuple_New;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::PyUnicode_FromString;

/// `PySliceObject`.
#[repr(C)]
pub struct PySliceObject {
    pub ob_base: PyObject,
    /// `None` when not given.
    pub start: PyObjectRef,
    pub stop: PyObjectRef,
    pub step: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PySliceObject {}

impl PyTypeInfo for PySliceObject {
    fn type_object() -> &'static PyTypeObject {
        &PySlice_Type
    }
    /// `PySlice_Check`: `slice` cannot be subclassed.
    #[inline(always)]
    fn check(obj: &PyObject) -> bool {
        obj.is_type(&PySlice_Type)
    }
}

impl PySliceObject {
    /// `PySlice_Unpack` then `PySlice_AdjustIndices`: `(start, stop, step,
    /// slicelength)` for a sequence of length `len`. A zero step raises
    /// `ValueError("slice step cannot be zero")`.
    #[inline]
    pub fn adjust_indices(
        &self,
        len: Py_ssize_t,
    ) -> PyResult<(Py_ssize_t, Py_ssize_t, Py_ssize_t, Py_ssize_t)> {
        let (mut start, mut stop, step) = self.unpack()?;
        let n = PySlice_AdjustIndices(len, &mut start, &mut stop, step);
        Ok((start, stop, step, n))
    }

    /// `PySlice_Unpack`: the three fields as `Py_ssize_t`, big values clamped, `None`
    /// replaced by the defaults for the direction of the step.
    #[inline]
    pub fn unpack(&self) -> PyResult<(Py_ssize_t, Py_ssize_t, Py_ssize_t)> {
        PySlice_Unpack(self)
    }
}

#[inline(always)]
fn as_slice(obj: &PyObject) -> &PySliceObject {
    // SAFETY: the slice slots are only installed on `slice`.
    unsafe { &*(obj as *const PyObject as *const PySliceObject) }
}

/// The memory of one dead slice (`interp->slice_cache`), untracked, with its GC
/// header in place and its fields already released; null when empty.
static SLICE_CACHE: include::object::GlobalCell<Cell<*mut PySliceObject>> =
    include::object::GlobalCell::new(Cell::new(std::ptr::null_mut()));

/// `PySlice_New`: a slice of the given parts (`None` for a missing part).
pub fn PySlice_New(
    start: Option<PyObjectRef>,
    stop: Option<PyObjectRef>,
    step: Option<PyObjectRef>,
) -> PyObjectRef {
    let value = PySliceObject {
        ob_base: PyObject_HEAD_INIT,
        start: start.unwrap_or_else(none),
        stop: stop.unwrap_or_else(none),
        step: step.unwrap_or_else(none),
    };
    // SAFETY: single-threaded; the cell is only touched here, in `slice_dealloc` and
    // in `_PySlice_ClearCache`.
    let cache = unsafe { SLICE_CACHE.get_ref() };
    let op = cache.replace(std::ptr::null_mut());
    if !op.is_null() {
        // SAFETY: the cached memory is a dead slice's (see `slice_dealloc`); writing
        // a complete struct with a fresh header revives it with one reference, and it
        // is tracked as a new slice is.
        unsafe {
            op.write(PySliceObject {
                ob_base: PyObject::new_header(&PySlice_Type),
                ..value
            });
            include::gc::gc_track(op as *mut PyObject);
            return PyObjectRef::from_raw(std::ptr::NonNull::new_unchecked(op as *mut PyObject));
        }
    }
    // SAFETY: the struct is complete.
    unsafe { alloc_object(&PySlice_Type, value) }.into_object()
}

/// `_PySlice_Fini`: give the cached slice back to the allocator (a full collection,
/// and so finalisation, does this with the other free lists).
pub fn _PySlice_ClearCache() {
    // SAFETY: single-threaded, as in `PySlice_New`.
    let op = unsafe { SLICE_CACHE.get_ref() }.replace(std::ptr::null_mut());
    if !op.is_null() {
        // SAFETY: the memory of a dead slice whose header still names `slice`.
        unsafe { PyObject_Free(op as *mut PyObject) };
    }
}

/// `_PySlice_FromIndices`: `slice(istart, istop)`.
pub fn _PySlice_FromIndices(istart: Py_ssize_t, istop: Py_ssize_t) -> PyObjectRef {
    PySlice_New(
        Some(crate::longobject::PyLong_FromSsize_t(istart)),
        Some(crate::longobject::PyLong_FromSsize_t(istop)),
        None,
    )
}

/// `_PyEval_SliceIndex` for a part that is not `None`: an index as `Py_ssize_t`,
/// clamped to its range (so `a[:10**100]` works), or `TypeError` for objects without
/// `__index__`. Callers handle `None` themselves.
pub fn _PyEval_SliceIndex(obj: &PyObject) -> PyResult<Py_ssize_t> {
    if crate::r#abstract::PyIndex_Check(obj) {
        crate::r#abstract::PyNumber_AsSsize_t(obj, None)
    } else {
        Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        ))
    }
}

/// `PySlice_Unpack`.
pub fn PySlice_Unpack(r: &PySliceObject) -> PyResult<(Py_ssize_t, Py_ssize_t, Py_ssize_t)> {
    let step = if r.step.is(Py_None()) {
        1
    } else {
        let step = _PyEval_SliceIndex(&r.step)?;
        if step == 0 {
            return Err(value_error("slice step cannot be zero"));
        }
        // Keep `-step` representable for the code that reverses slices.
        step.max(-Py_ssize_t::MAX)
    };
    let start = if r.start.is(Py_None()) {
        if step < 0 {
            Py_ssize_t::MAX
        } else {
            0
        }
    } else {
        _PyEval_SliceIndex(&r.start)?
    };
    let stop = if r.stop.is(Py_None()) {
        if step < 0 {
            Py_ssize_t::MIN
        } else {
            Py_ssize_t::MAX
        }
    } else {
        _PyEval_SliceIndex(&r.stop)?
    };
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: clamp `start` and `stop` to a sequence of `length` items
/// and return how many items the slice selects. `step` must not be zero.
#[inline]
pub fn PySlice_AdjustIndices(
    length: Py_ssize_t,
    start: &mut Py_ssize_t,
    stop: &mut Py_ssize_t,
    step: Py_ssize_t,
) -> Py_ssize_t {
    debug_assert!(step != 0);
    let clamp = |v: &mut Py_ssize_t| {
        if *v < 0 {
            *v += length;
            if *v < 0 {
                *v = if step < 0 { -1 } else { 0 };
            }
        } else if *v >= length {
            *v = if step < 0 { length - 1 } else { length };
        }
    };
    clamp(start);
    clamp(stop);
    if step < 0 {
        if *stop < *start {
            return (*start - *stop - 1) / (-step) + 1;
        }
    } else if *start < *stop {
        return (*stop - *start - 1) / step + 1;
    }
    0
}

// --- slice type -----------------------------------------------------------------------------

unsafe fn slice_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead slice (slice has no subclasses). Its fields are dropped
    // before it is cached; releasing them may run code that fills the cache first.
    unsafe {
        include::gc::gc_untrack(op);
        std::ptr::drop_in_place(op as *mut PySliceObject);
        let cache = SLICE_CACHE.get_ref();
        if cache.get().is_null() {
            cache.set(op as *mut PySliceObject);
        } else {
            PyObject_Free(op);
        }
    }
}

fn slice_repr(obj: &PyObject) -> PyResult {
    let s = as_slice(obj);
    let mut w = crate::tupleobject::ReprWriter::new();
    w.push_str("slice(");
    w.push_obj(&*PyObject_Repr(&s.start)?);
    w.push_str(", ");
    w.push_obj(&*PyObject_Repr(&s.stop)?);
    w.push_str(", ");
    w.push_obj(&*PyObject_Repr(&s.step)?);
    w.push_str(")");
    Ok(w.finish())
}

fn slice_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let s = as_slice(obj);
    visit(&s.start);
    visit(&s.stop);
    visit(&s.step);
}

fn slice_new(_tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    crate::getargs::check_no_kwargs("slice", kwnames)?;
    let nargs = args.len() - kwnames.map_or(0, crate::call::kwnames_len);
    crate::getargs::check_positional("slice", nargs, 1, 3)?;
    let args = &args[..nargs];
    Ok(match args {
        [stop] => PySlice_New(None, Some(stop.clone()), None),
        [start, stop] => PySlice_New(Some(start.clone()), Some(stop.clone()), None),
        [start, stop, step] => {
            PySlice_New(Some(start.clone()), Some(stop.clone()), Some(step.clone()))
        }
        _ => return Err(system_error("bad argument to internal function")),
    })
}

fn slice_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    if !PySliceObject::check(v) || !PySliceObject::check(w) {
        return Ok(not_implemented());
    }
    if v.is(w) {
        let res = matches!(op, CompareOp::Eq | CompareOp::Le | CompareOp::Ge);
        return Ok(crate::boolobject::PyBool_FromLong(res));
    }
    let (a, b) = (as_slice(v), as_slice(w));
    let t1 = PyTuple_New(vec![a.start.clone(), a.stop.clone(), a.step.clone()]);
    let t2 = PyTuple_New(vec![b.start.clone(), b.stop.clone(), b.step.clone()]);
    PyObject_RichCompare(t1.as_object(), t2.as_object(), op)
}

/// `evaluate_slice_index`: a slice part as an int object.
fn evaluate_slice_index(v: &PyObject) -> PyResult {
    if crate::r#abstract::PyIndex_Check(v) {
        crate::r#abstract::PyNumber_Index(v)
    } else {
        Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        ))
    }
}

/// `_PySlice_GetLongIndices`: `slice.indices(length)` with unbounded ints.
pub fn _PySlice_GetLongIndices(
    s: &PySliceObject,
    length: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let (step, step_is_negative) = if s.step.is(Py_None()) {
        (BigInt::one(), false)
    } else {
        let step = long_to_bigint(&*evaluate_slice_index(&s.step)?);
        if step.is_zero() {
            return Err(value_error("slice step cannot be zero"));
        }
        let neg = step.is_negative();
        (step, neg)
    };
    let (lower, upper) = if step_is_negative {
        (BigInt::from(-1), length - 1)
    } else {
        (BigInt::zero(), length.clone())
    };
    let bound = |part: &PyObject, default: &BigInt| -> PyResult<BigInt> {
        if part.is(Py_None()) {
            return Ok(default.clone());
        }
        let mut v = long_to_bigint(&*evaluate_slice_index(part)?);
        if v.is_negative() {
            v += length;
            if v < lower {
                v = lower.clone();
            }
        } else if v > upper {
            v = upper.clone();
        }
        Ok(v)
    };
    let start = bound(&s.start, if step_is_negative { &upper } else { &lower })?;
    let stop = bound(&s.stop, if step_is_negative { &lower } else { &upper })?;
    Ok((start, stop, step))
}

fn slice_indices(obj: &PyObject, len: &PyObject) -> PyResult {
    let length = long_to_bigint(&*crate::r#abstract::PyNumber_Index(len)?);
    if length.is_negative() {
        return Err(value_error("length should not be negative"));
    }
    let (start, stop, step) = _PySlice_GetLongIndices(as_slice(obj), &length)?;
    Ok(PyTuple_New(vec![
        PyLong_FromBigInt(start),
        PyLong_FromBigInt(stop),
        PyLong_FromBigInt(step),
    ])
    .into_object())
}

fn slice_reduce(obj: &PyObject) -> PyResult {
    let s = as_slice(obj);
    Ok(PyTuple_New(vec![
        PySlice_Type.as_object().to_owned(),
        PyTuple_New(vec![s.start.clone(), s.stop.clone(), s.step.clone()]).into_object(),
    ])
    .into_object())
}

static SLICE_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "indices",
        PyCFunction::O(slice_indices),
        "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate the start and stop\nindices, and the stride length of the extended slice described by\nS. Out of bounds indices are clipped in a manner consistent with the\nhandling of normal slices.",
    ),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(slice_reduce), "Return state information for pickling."),
];

// The parts are plain `PyObjectRef` fields, which have the layout of the
// `Option<PyObjectRef>` a T_OBJECT member reads; the members are read-only.
static SLICE_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef::new(
        "start",
        MemberType::Object,
        offset_of!(PySliceObject, start),
        READONLY,
    ),
    PyMemberDef::new(
        "stop",
        MemberType::Object,
        offset_of!(PySliceObject, stop),
        READONLY,
    ),
    PyMemberDef::new(
        "step",
        MemberType::Object,
        offset_of!(PySliceObject, step),
        READONLY,
    ),
];

/// `slice`.
pub static PySlice_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "slice",
    tp_basicsize: Cell::new(size_of::<PySliceObject>()),
    tp_dealloc: slot(slice_dealloc),
    tp_repr: slot(slice_repr),
    tp_hash: slot(crate::typeslots::PyObject_HashNotImplemented_slot),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2])."),
    tp_traverse: slot(slice_traverse),
    tp_richcompare: slot(slice_richcompare),
    tp_methods: &SLICE_METHODS,
    tp_members: &SLICE_MEMBERS,
    tp_new: slot(slice_new),
    ..PyTypeObject::DEFAULT
};

// --- Ellipsis -------------------------------------------------------------------------------

fn ellipsis_new(_tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    if !args.is_empty() || kwnames.is_some_and(|k| crate::call::kwnames_len(k) > 0) {
        return Err(type_error("EllipsisType takes no arguments"));
    }
    Ok(Py_Ellipsis().to_owned())
}

fn ellipsis_repr(_obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("Ellipsis"))
}

fn ellipsis_reduce(_obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("Ellipsis"))
}

static ELLIPSIS_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(ellipsis_reduce),
    "",
)];

/// The type of `...` (`PyEllipsis_Type`, named `ellipsis`).
pub static PyEllipsis_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "ellipsis",
    tp_basicsize: Cell::new(size_of::<PyObject>()),
    tp_repr: slot(ellipsis_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
    tp_methods: &ELLIPSIS_METHODS,
    tp_new: slot(ellipsis_new),
    ..PyTypeObject::DEFAULT
};

/// `Ellipsis` (`_Py_EllipsisObject`).
pub static _Py_EllipsisObject: PyObject = PyObject::new_static(&PyEllipsis_Type);

/// `Py_Ellipsis`, borrowed.
#[inline(always)]
pub fn Py_Ellipsis() -> &'static PyObject {
    &_Py_EllipsisObject
}

/// The static types of this file.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PySlice_Type, &PyEllipsis_Type]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adjust(len: isize, mut start: isize, mut stop: isize, step: isize) -> (isize, isize, isize) {
        let n = PySlice_AdjustIndices(len, &mut start, &mut stop, step);
        (start, stop, n)
    }

    #[test]
    fn adjust_indices_like_cpython() {
        // [1, 2, 3][::-2]
        assert_eq!(adjust(3, isize::MAX, isize::MIN, -2), (2, -1, 2));
        // [1, 2, 3][10:-10:-1]
        assert_eq!(adjust(3, 10, -10, -1), (2, -1, 3));
        // a[1:100]
        assert_eq!(adjust(5, 1, 100, 1), (1, 5, 4));
        // a[-100:2]
        assert_eq!(adjust(5, -100, 2, 1), (0, 2, 2));
        // an empty slice
        assert_eq!(adjust(5, 4, 1, 1), (4, 1, 0));
        // a huge step
        assert_eq!(adjust(5, 0, isize::MAX, isize::MAX), (0, 5, 1));
    }
}
