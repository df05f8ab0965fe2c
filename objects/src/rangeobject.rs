//! `range` and its iterators. Mirrors Objects/rangeobject.c (CPython 3.11).
//!
//! A range keeps `start`, `stop`, `step` and its length as Python ints, so any size
//! works (`range(10**30)`); indexing, `in`, `index()` and `count()` are arithmetic,
//! never a scan, for int arguments. Iteration uses a `range_iterator` of machine words
//! when start, stop, step and length all fit (the usual case), else a
//! `longrange_iterator` of ints, choosing between them by CPython's exact rules so
//! `type(iter(r))` agrees with python3.
//!
//! Differences from CPython: arithmetic on the stored ints is done with `i128` when the
//! values fit in an `i64`, else with `BigInt`, rather than through `PyNumber_*` calls
//! (the results are ints either way and no Python code can run).

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use include::cpython::object::flags::*;
use include::cpython::object::{PyMappingMethods, PyNumberMethods, PySequenceMethods};
use include::descrobject::{MemberType, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::exceptions::*;
use crate::longobject::{
    long_to_bigint, PyLongObject, PyLong_FromBigInt, PyLong_FromLong, PyLong_FromSsize_t,
    PyLong_Type,
};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::r#abstract::{PyIndex_Check, PyNumber_Index};
use crate::sliceobject::{_PySlice_GetLongIndices, PySliceObject};
use crate::tupleobject::{
    tuplehash_items, PyObject_SelfIter, PyTuple_New, ReprWriter, LENGTH_HINT_DOC, REDUCE_DOC,
    SETSTATE_DOC,
};
use crate::typeobject::PyType_Type;

/// `rangeobject`.
#[repr(C)]
pub struct PyRangeObject {
    pub ob_base: PyObject,
    pub start: PyObjectRef,
    pub stop: PyObjectRef,
    pub step: PyObjectRef,
    /// `len(r)` as an int (it may not fit a `Py_ssize_t`).
    pub length: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyRangeObject {}

impl PyTypeInfo for PyRangeObject {
    fn type_object() -> &'static PyTypeObject {
        &PyRange_Type
    }
    /// `PyRange_Check`: `range` cannot be subclassed.
    #[inline(always)]
    fn check(obj: &PyObject) -> bool {
        obj.is_type(&PyRange_Type)
    }
}

#[inline(always)]
fn as_range(obj: &PyObject) -> &PyRangeObject {
    // SAFETY: the range slots are installed on `range` only.
    unsafe { &*(obj as *const PyObject as *const PyRangeObject) }
}

/// The value of an int object as `i64`, if it fits.
#[inline(always)]
fn small(obj: &PyObject) -> Option<i64> {
    obj.downcast_ref::<PyLongObject>().and_then(|l| l.as_i64())
}

/// The value of an int object.
#[inline]
fn big(obj: &PyObject) -> BigInt {
    long_to_bigint(obj)
}

/// An int from an `i128` that is known to fit comfortably (or a big one).
fn long_from_i128(v: i128) -> PyObjectRef {
    match i64::try_from(v) {
        Ok(v) => PyLong_FromLong(v),
        Err(_) => PyLong_FromBigInt(BigInt::from(v)),
    }
}

/// `compute_range_length`: the number of items of `range(start, stop, step)`.
fn compute_range_length(start: &PyObject, stop: &PyObject, step: &PyObject) -> PyObjectRef {
    if let (Some(a), Some(b), Some(s)) = (small(start), small(stop), small(step)) {
        let (lo, hi, st) = if s > 0 {
            (a as i128, b as i128, s as i128)
        } else {
            (b as i128, a as i128, -(s as i128))
        };
        if lo >= hi {
            return PyLong_FromLong(0);
        }
        return long_from_i128((hi - lo - 1) / st + 1);
    }
    let (a, b, s) = (big(start), big(stop), big(step));
    let (lo, hi, st) = if s.is_positive() {
        (a, b, s)
    } else {
        (b, a, -s)
    };
    if lo >= hi {
        return PyLong_FromLong(0);
    }
    PyLong_FromBigInt((hi - lo - BigInt::one()) / st + BigInt::one())
}

/// `make_range_object`: the parts must be ints (already passed through `__index__`).
fn make_range_object(
    start: PyObjectRef,
    stop: PyObjectRef,
    step: PyObjectRef,
) -> PyRef<PyRangeObject> {
    let length = compute_range_length(&start, &stop, &step);
    // SAFETY: the struct is complete.
    unsafe {
        alloc_object(
            &PyRange_Type,
            PyRangeObject {
                ob_base: PyObject_HEAD_INIT,
                start,
                stop,
                step,
                length,
            },
        )
    }
}

/// `validate_step`: the step as an int, never zero.
fn validate_step(step: Option<&PyObject>) -> PyResult {
    let Some(step) = step else {
        return Ok(PyLong_FromLong(1));
    };
    let step = PyNumber_Index(step)?;
    if long_is_zero(&step) {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(step)
}

fn long_is_zero(obj: &PyObject) -> bool {
    obj.downcast_ref::<PyLongObject>()
        .is_some_and(|l| l.is_zero())
}

/// `range_from_array`: `range(stop)` or `range(start, stop[, step])`.
fn range_from_array(args: &[PyObjectRef]) -> PyResult {
    match args {
        [] => Err(type_error("range expected at least 1 argument, got 0")),
        [stop] => {
            let stop = PyNumber_Index(stop)?;
            Ok(make_range_object(PyLong_FromLong(0), stop, PyLong_FromLong(1)).into_object())
        }
        [start, stop] | [start, stop, _] => {
            let start = PyNumber_Index(start)?;
            let stop = PyNumber_Index(stop)?;
            let step = validate_step(args.get(2).map(|s| &**s))?;
            Ok(make_range_object(start, stop, step).into_object())
        }
        _ => Err(type_error(format!(
            "range expected at most 3 arguments, got {}",
            args.len()
        ))),
    }
}

fn range_new(_tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    crate::getargs::check_no_kwargs("range", kwnames)?;
    let nargs = args.len() - kwnames.map_or(0, crate::call::kwnames_len);
    range_from_array(&args[..nargs])
}

fn range_vectorcall(_tp: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    crate::getargs::check_no_kwargs("range", kwnames)?;
    range_from_array(args)
}

unsafe fn range_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead range.
    unsafe { dealloc_object::<PyRangeObject>(op) }
}

fn range_repr(obj: &PyObject) -> PyResult {
    let r = as_range(obj);
    let mut w = ReprWriter::new();
    w.push_str("range(");
    w.push_obj(&*PyObject_Repr(&r.start)?);
    w.push_str(", ");
    w.push_obj(&*PyObject_Repr(&r.stop)?);
    if small(&r.step) != Some(1) {
        w.push_str(", ");
        w.push_obj(&*PyObject_Repr(&r.step)?);
    }
    w.push_str(")");
    Ok(w.finish())
}

/// `range_length`: `len(r)`, which must fit a `Py_ssize_t`.
fn range_length(obj: &PyObject) -> PyResult<Py_ssize_t> {
    crate::longobject::PyLong_AsSsize_t(&as_range(obj).length)
}

fn range_bool(obj: &PyObject) -> PyResult<bool> {
    Ok(!long_is_zero(&as_range(obj).length))
}

/// `compute_item`: `start + i * step` for an int `i`.
fn compute_item(r: &PyRangeObject, i: &PyObject) -> PyObjectRef {
    if let (Some(s), Some(i), Some(st)) = (small(&r.start), small(i), small(&r.step)) {
        return long_from_i128(s as i128 + (i as i128) * (st as i128));
    }
    PyLong_FromBigInt(big(&r.start) + big(i) * big(&r.step))
}

/// `compute_range_item`: `r[i]` for an int `i`, negative counting from the end.
fn compute_range_item(r: &PyRangeObject, arg: &PyObject) -> PyResult {
    let out_of_range = || index_error("range object index out of range");
    if let (Some(i), Some(len)) = (small(arg), small(&r.length)) {
        let i = if i < 0 {
            i as i128 + len as i128
        } else {
            i as i128
        };
        if i < 0 || i >= len as i128 {
            return Err(out_of_range());
        }
        return Ok(compute_item(r, &long_from_i128(i)));
    }
    let len = big(&r.length);
    let mut i = big(arg);
    if i.is_negative() {
        i += &len;
    }
    if i.is_negative() || i >= len {
        return Err(out_of_range());
    }
    Ok(compute_item(r, &PyLong_FromBigInt(i)))
}

fn range_item(obj: &PyObject, i: Py_ssize_t) -> PyResult {
    compute_range_item(as_range(obj), &PyLong_FromSsize_t(i))
}

/// `compute_slice`: `r[a:b:c]` is another range.
fn compute_slice(r: &PyRangeObject, s: &PySliceObject) -> PyResult {
    let length = big(&r.length);
    let (start, stop, step) = _PySlice_GetLongIndices(s, &length)?;
    let substart = compute_item(r, &PyLong_FromBigInt(start));
    let substop = compute_item(r, &PyLong_FromBigInt(stop));
    let substep = PyLong_FromBigInt(step * big(&r.step));
    Ok(make_range_object(substart, substop, substep).into_object())
}

fn range_subscript(obj: &PyObject, item: &PyObject) -> PyResult {
    let r = as_range(obj);
    if PyIndex_Check(item) {
        let i = PyNumber_Index(item)?;
        return compute_range_item(r, &i);
    }
    if let Some(s) = item.downcast_ref::<PySliceObject>() {
        return compute_slice(r, s);
    }
    Err(type_error(format!(
        "range indices must be integers or slices, not {}",
        item.ob_type().name()
    )))
}

/// `range_contains_long`: `ob in r` for an int (or bool) `ob`, by arithmetic.
fn range_contains_long(r: &PyRangeObject, ob: &PyObject) -> bool {
    if let (Some(start), Some(stop), Some(step), Some(v)) =
        (small(&r.start), small(&r.stop), small(&r.step), small(ob))
    {
        let inside = if step > 0 {
            start <= v && v < stop
        } else {
            v <= start && stop < v
        };
        return inside && ((v as i128 - start as i128) % step as i128) == 0;
    }
    let (start, stop, step, v) = (big(&r.start), big(&r.stop), big(&r.step), big(ob));
    let inside = if step.is_positive() {
        start <= v && v < stop
    } else {
        v <= start && stop < v
    };
    inside && (v - start).mod_floor(&step).is_zero()
}

/// Is `ob` an exact int or a bool (the arithmetic fast paths apply)?
fn is_int_or_bool(ob: &PyObject) -> bool {
    ob.is_type(&PyLong_Type) || ob.is_type(&crate::boolobject::PyBool_Type)
}

fn range_contains(obj: &PyObject, ob: &PyObject) -> PyResult<bool> {
    let r = as_range(obj);
    if is_int_or_bool(ob) {
        return Ok(range_contains_long(r, ob));
    }
    crate::r#abstract::_PySequence_IterSearch_Contains(obj, ob)
}

/// `_PySequence_IterSearch(seq, obj, PY_ITERSEARCH_INDEX)`.
fn iter_search_index(seq: &PyObject, obj: &PyObject) -> PyResult<Py_ssize_t> {
    let it = crate::r#abstract::PyObject_GetIter(seq)?;
    let mut n: Py_ssize_t = 0;
    while let Some(item) = crate::r#abstract::PyIter_Next(&it)? {
        if PyObject_RichCompareBool(&item, obj, CompareOp::Eq)? {
            return Ok(n);
        }
        n = match n.checked_add(1) {
            Some(n) => n,
            None => return Err(overflow_error("index exceeds C integer size")),
        };
    }
    Err(value_error("sequence.index(x): x not in sequence"))
}

/// `_PySequence_IterSearch(seq, obj, PY_ITERSEARCH_COUNT)`.
fn iter_search_count(seq: &PyObject, obj: &PyObject) -> PyResult<Py_ssize_t> {
    let it = crate::r#abstract::PyObject_GetIter(seq)?;
    let mut n: Py_ssize_t = 0;
    while let Some(item) = crate::r#abstract::PyIter_Next(&it)? {
        if PyObject_RichCompareBool(&item, obj, CompareOp::Eq)? {
            n = match n.checked_add(1) {
                Some(n) => n,
                None => return Err(overflow_error("count exceeds C integer size")),
            };
        }
    }
    Ok(n)
}

fn range_count(obj: &PyObject, ob: &PyObject) -> PyResult {
    if is_int_or_bool(ob) {
        return Ok(PyLong_FromLong(
            range_contains_long(as_range(obj), ob) as i64
        ));
    }
    Ok(PyLong_FromSsize_t(iter_search_count(obj, ob)?))
}

fn range_index(obj: &PyObject, ob: &PyObject) -> PyResult {
    let r = as_range(obj);
    if !is_int_or_bool(ob) {
        return Ok(PyLong_FromSsize_t(iter_search_index(obj, ob)?));
    }
    if range_contains_long(r, ob) {
        // (ob - start) // step
        if let (Some(start), Some(step), Some(v)) = (small(&r.start), small(&r.step), small(ob)) {
            return Ok(long_from_i128(
                (v as i128 - start as i128).div_euclid(step as i128),
            ));
        }
        return Ok(PyLong_FromBigInt(
            (big(ob) - big(&r.start)).div_floor(&big(&r.step)),
        ));
    }
    let mut w = ReprWriter::new();
    w.push_obj(&*PyObject_Repr(ob)?);
    w.push_str(" is not in range");
    Err(crate::pyerrors::PyErr_FromArgs(
        &PyExc_ValueError,
        &[w.finish()],
    ))
}

/// `range_equals`: equal as sequences (same length, and the same start and step when
/// those matter).
fn range_equals(r0: &PyRangeObject, r1: &PyRangeObject) -> bool {
    if std::ptr::eq(r0, r1) {
        return true;
    }
    let eq = |a: &PyObject, b: &PyObject| big(a) == big(b);
    if !eq(&r0.length, &r1.length) {
        return false;
    }
    if long_is_zero(&r0.length) {
        return true;
    }
    if !eq(&r0.start, &r1.start) {
        return false;
    }
    if small(&r0.length) == Some(1) {
        return true;
    }
    eq(&r0.step, &r1.step)
}

fn range_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    if !PyRangeObject::check(w) {
        return Ok(not_implemented());
    }
    match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = range_equals(as_range(v), as_range(w));
            Ok(crate::boolobject::PyBool_FromLong(
                eq == (op == CompareOp::Eq),
            ))
        }
        _ => Ok(not_implemented()),
    }
}

/// `range_hash`: `hash((len, start, step))` with `start` and `step` replaced by `None`
/// when they do not matter, so equal ranges hash equal.
fn range_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    let r = as_range(obj);
    let items = if long_is_zero(&r.length) {
        [r.length.clone(), none(), none()]
    } else if small(&r.length) == Some(1) {
        [r.length.clone(), r.start.clone(), none()]
    } else {
        [r.length.clone(), r.start.clone(), r.step.clone()]
    };
    tuplehash_items(&items)
}

fn range_reduce(obj: &PyObject) -> PyResult {
    let r = as_range(obj);
    Ok(PyTuple_New(vec![
        PyRange_Type.as_object().to_owned(),
        PyTuple_New(vec![r.start.clone(), r.stop.clone(), r.step.clone()]).into_object(),
    ])
    .into_object())
}

// --- Iterators --------------------------------------------------------------------------------

/// `get_len_of_range`: the length of a range of machine words, as unsigned.
fn get_len_of_range(lo: i64, hi: i64, step: i64) -> u64 {
    if step > 0 && lo < hi {
        1 + (hi as u64).wrapping_sub(1).wrapping_sub(lo as u64) / step as u64
    } else if step < 0 && lo > hi {
        1 + (lo as u64).wrapping_sub(1).wrapping_sub(hi as u64) / (step as u64).wrapping_neg()
    } else {
        0
    }
}

/// `fast_range_iter`.
fn fast_range_iter(start: i64, step: i64, len: i64) -> PyObjectRef {
    // SAFETY: the struct is complete.
    unsafe {
        alloc_object(
            &PyRangeIter_Type,
            rangeiterobject {
                ob_base: PyObject_HEAD_INIT,
                index: Cell::new(0),
                start,
                step,
                len,
            },
        )
    }
    .into_object()
}

fn long_range_iter(start: PyObjectRef, step: PyObjectRef, len: PyObjectRef) -> PyObjectRef {
    // SAFETY: the struct is complete.
    unsafe {
        alloc_object(
            &PyLongRangeIter_Type,
            longrangeiterobject {
                ob_base: PyObject_HEAD_INIT,
                index: PyCell::new(PyLong_FromLong(0)),
                start,
                step,
                len,
            },
        )
    }
    .into_object()
}

/// `range_iter`: machine words when start, stop, step and the length fit and the
/// last value cannot overflow; otherwise ints.
fn range_iter(obj: &PyObject) -> PyResult {
    let r = as_range(obj);
    if let (Some(lstart), Some(lstop), Some(lstep)) =
        (small(&r.start), small(&r.stop), small(&r.step))
    {
        let ulen = get_len_of_range(lstart, lstop, lstep);
        let fits = ulen <= i64::MAX as u64
            && (ulen == 0
                || if lstep > 0 {
                    lstop <= i64::MAX - (lstep - 1)
                } else {
                    lstop >= i64::MIN + (-1 - lstep)
                });
        if fits {
            return Ok(fast_range_iter(lstart, lstep, ulen as i64));
        }
    }
    Ok(long_range_iter(
        r.start.clone(),
        r.step.clone(),
        r.length.clone(),
    ))
}

/// `range.__reversed__`: `range(start + (n-1)*step, start - step, -step)`.
fn range_reverse(obj: &PyObject) -> PyResult {
    let r = as_range(obj);
    if let (Some(lstart), Some(lstop), Some(lstep)) =
        (small(&r.start), small(&r.stop), small(&r.step))
    {
        // Stay with machine words when -step and start - step cannot overflow.
        let fast = lstep != i64::MIN
            && if lstep > 0 {
                (lstart as u64).wrapping_sub(i64::MIN as u64) >= lstep as u64
            } else {
                (i64::MAX as u64).wrapping_sub(lstart as u64) >= (lstep as u64).wrapping_neg()
            };
        if fast {
            let ulen = get_len_of_range(lstart, lstop, lstep);
            if ulen <= i64::MAX as u64 {
                let new_stop = lstart.wrapping_sub(lstep);
                let new_start =
                    (new_stop as u64).wrapping_add(ulen.wrapping_mul(lstep as u64)) as i64;
                return Ok(fast_range_iter(
                    new_start,
                    lstep.wrapping_neg(),
                    ulen as i64,
                ));
            }
        }
    }
    // start + (len - 1) * step, stepping by -step.
    let len = big(&r.length);
    let start = big(&r.start) + (&len - BigInt::one()) * big(&r.step);
    Ok(long_range_iter(
        PyLong_FromBigInt(start),
        PyLong_FromBigInt(-big(&r.step)),
        r.length.clone(),
    ))
}

static RANGE_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new("__reversed__", PyCFunction::NoArgs(range_reverse), "Return a reverse iterator."),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(range_reduce), ""),
    PyMethodDef::new(
        "count",
        PyCFunction::O(range_count),
        "rangeobject.count(value) -> integer -- return number of occurrences of value",
    ),
    PyMethodDef::new(
        "index",
        PyCFunction::O(range_index),
        "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present.",
    ),
];

// The parts are plain `PyObjectRef` fields, with the layout of the `Option<PyObjectRef>`
// that a T_OBJECT member reads; the members are read-only.
static RANGE_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef::new(
        "start",
        MemberType::Object,
        offset_of!(PyRangeObject, start),
        READONLY,
    ),
    PyMemberDef::new(
        "stop",
        MemberType::Object,
        offset_of!(PyRangeObject, stop),
        READONLY,
    ),
    PyMemberDef::new(
        "step",
        MemberType::Object,
        offset_of!(PyRangeObject, step),
        READONLY,
    ),
];

/// `range`.
pub static PyRange_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "range",
    tp_basicsize: Cell::new(size_of::<PyRangeObject>()),
    tp_dealloc: slot(range_dealloc),
    tp_repr: slot(range_repr),
    tp_as_number: PyNumberMethods {
        nb_bool: slot(range_bool),
        ..PyNumberMethods::EMPTY
    },
    tp_as_sequence: PySequenceMethods {
        sq_length: slot(range_length),
        sq_item: slot(range_item),
        sq_contains: slot(range_contains),
        ..PySequenceMethods::EMPTY
    },
    tp_as_mapping: PyMappingMethods {
        mp_length: slot(range_length),
        mp_subscript: slot(range_subscript),
        mp_ass_subscript: no_slot(),
    },
    tp_hash: slot(range_hash),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE),
    tp_doc: Some("range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement)."),
    tp_richcompare: slot(range_richcompare),
    tp_iter: slot(range_iter),
    tp_methods: &RANGE_METHODS,
    tp_members: &RANGE_MEMBERS,
    tp_new: slot(range_new),
    tp_vectorcall: slot(range_vectorcall),
    ..PyTypeObject::DEFAULT
};

/// `rangeiterobject`: iteration over machine words.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct rangeiterobject {
    pub ob_base: PyObject,
    index: Cell<i64>,
    start: i64,
    step: i64,
    len: i64,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for rangeiterobject {}

fn as_rangeiter(obj: &PyObject) -> &rangeiterobject {
    // SAFETY: installed on `range_iterator` only.
    unsafe { &*(obj as *const PyObject as *const rangeiterobject) }
}

unsafe fn rangeiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead range iterator.
    unsafe { dealloc_object::<rangeiterobject>(op) }
}

#[inline]
fn rangeiter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let r = as_rangeiter(obj);
    let i = r.index.get();
    if i < r.len {
        r.index.set(i + 1);
        // Unsigned arithmetic: the intermediate product may not fit, the result does.
        let v = (r.start as u64).wrapping_add((i as u64).wrapping_mul(r.step as u64)) as i64;
        return Ok(Some(PyLong_FromLong(v)));
    }
    Ok(None)
}

fn rangeiter_len(obj: &PyObject) -> PyResult {
    let r = as_rangeiter(obj);
    Ok(PyLong_FromLong(r.len - r.index.get()))
}

fn rangeiter_reduce(obj: &PyObject) -> PyResult {
    let r = as_rangeiter(obj);
    let start = PyLong_FromLong(r.start);
    let stop = long_from_i128(r.start as i128 + r.len as i128 * r.step as i128);
    let step = PyLong_FromLong(r.step);
    let range = make_range_object(start, stop, step).into_object();
    let iter = crate::iterobject::_PyEval_GetBuiltin(crate::intern!("iter"))?;
    Ok(PyTuple_New(vec![
        iter,
        PyTuple_New(vec![range]).into_object(),
        PyLong_FromLong(r.index.get()),
    ])
    .into_object())
}

fn rangeiter_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let r = as_rangeiter(obj);
    let index = crate::longobject::PyLong_AsLong(state)?;
    r.index.set(index.clamp(0, r.len));
    Ok(none())
}

static RANGEITER_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(rangeiter_len),
        LENGTH_HINT_DOC,
    ),
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(rangeiter_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(rangeiter_setstate),
        SETSTATE_DOC,
    ),
];

/// `range_iterator`.
pub static PyRangeIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "range_iterator",
    tp_basicsize: Cell::new(size_of::<rangeiterobject>()),
    tp_dealloc: slot(rangeiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(rangeiter_next),
    tp_methods: &RANGEITER_METHODS,
    ..PyTypeObject::DEFAULT
};

/// `longrangeiterobject`: iteration over ints of any size.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct longrangeiterobject {
    pub ob_base: PyObject,
    index: PyCell<PyObjectRef>,
    start: PyObjectRef,
    step: PyObjectRef,
    len: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for longrangeiterobject {}

fn as_longrangeiter(obj: &PyObject) -> &longrangeiterobject {
    // SAFETY: installed on `longrange_iterator` only.
    unsafe { &*(obj as *const PyObject as *const longrangeiterobject) }
}

unsafe fn longrangeiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead iterator.
    unsafe { dealloc_object::<longrangeiterobject>(op) }
}

fn longrangeiter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let r = as_longrangeiter(obj);
    let index = big(&r.index.get());
    if index >= big(&r.len) {
        return Ok(None);
    }
    let value = big(&r.start) + &index * big(&r.step);
    r.index.set(PyLong_FromBigInt(index + BigInt::one()));
    Ok(Some(PyLong_FromBigInt(value)))
}

fn longrangeiter_len(obj: &PyObject) -> PyResult {
    let r = as_longrangeiter(obj);
    Ok(PyLong_FromBigInt(big(&r.len) - big(&r.index.get())))
}

fn longrangeiter_reduce(obj: &PyObject) -> PyResult {
    let r = as_longrangeiter(obj);
    let stop = PyLong_FromBigInt(big(&r.start) + big(&r.len) * big(&r.step));
    let range = make_range_object(r.start.clone(), stop, r.step.clone()).into_object();
    let iter = crate::iterobject::_PyEval_GetBuiltin(crate::intern!("iter"))?;
    Ok(PyTuple_New(vec![
        iter,
        PyTuple_New(vec![range]).into_object(),
        r.index.get(),
    ])
    .into_object())
}

fn longrangeiter_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let r = as_longrangeiter(obj);
    // Clip to [0, len].
    let zero = PyLong_FromLong(0);
    let state = if PyObject_RichCompareBool(state, &zero, CompareOp::Lt)? {
        zero
    } else if PyObject_RichCompareBool(&r.len, state, CompareOp::Lt)? {
        r.len.clone()
    } else {
        state.to_owned()
    };
    if !PyLongObject::check(&state) {
        return Err(type_error("an integer is required"));
    }
    r.index.set(state);
    Ok(none())
}

static LONGRANGEITER_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(longrangeiter_len),
        LENGTH_HINT_DOC,
    ),
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(longrangeiter_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(longrangeiter_setstate),
        SETSTATE_DOC,
    ),
];

/// `longrange_iterator`.
pub static PyLongRangeIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "longrange_iterator",
    tp_basicsize: Cell::new(size_of::<longrangeiterobject>()),
    tp_dealloc: slot(longrangeiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(longrangeiter_next),
    tp_methods: &LONGRANGEITER_METHODS,
    ..PyTypeObject::DEFAULT
};

/// The static types of this file.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyRange_Type, &PyRangeIter_Type, &PyLongRangeIter_Type]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn len_of_range() {
        assert_eq!(get_len_of_range(0, 10, 3), 4);
        assert_eq!(get_len_of_range(10, 0, -3), 4);
        assert_eq!(get_len_of_range(0, 0, 1), 0);
        assert_eq!(get_len_of_range(i64::MIN, i64::MAX, 1), u64::MAX);
    }

    #[test]
    fn bigint_floor_semantics() {
        // (ob - start) % step for negative steps uses floor semantics, as Python's %.
        let v = BigInt::from(-7);
        assert!(v.mod_floor(&BigInt::from(-7)).is_zero());
        assert_eq!(
            BigInt::from(5).mod_floor(&BigInt::from(-3)),
            BigInt::from(-1)
        );
    }
}
