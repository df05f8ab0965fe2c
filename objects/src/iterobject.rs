//! The generic iterators. Mirrors Objects/iterobject.c (CPython 3.11):
//! - `iterator` (`seqiterobject`): iterates any object with `__getitem__` by
//!   calling it with 0, 1, 2, ... until `IndexError` (or `StopIteration`);
//! - `callable_iterator` (`calliterobject`): `iter(callable, sentinel)` calls
//!   `callable()` until it returns something equal to `sentinel`.
//!
//! It also holds `_PyEval_GetBuiltin`, which the iterators' `__reduce__` methods use
//! to name `iter` and `reversed`.
//!
//! Differences from CPython: the `anext_awaitable` type of this file is not here yet
//! (FIXME(pyrs): it belongs with the async machinery).

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::dictobject::{PyDictObject, PyDict_GetItemWithError};
use crate::exceptions::*;
use crate::longobject::PyLong_FromSsize_t;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::{
    tuple_get_empty, PyObject_SelfIter, PyTuple_New, LENGTH_HINT_DOC, REDUCE_DOC, SETSTATE_DOC,
};
use crate::typeobject::PyType_Type;

/// `_PyEval_GetBuiltin`: a builtin by name, from the builtins of the running frame
/// (`AttributeError` if there is none by that name).
///
/// FIXME(pyrs): this belongs in Python/ceval.c's twin; it lives here until `objects`
/// has a hook to reach the interpreter's builtins module.
pub fn _PyEval_GetBuiltin(name: &PyObject) -> PyResult {
    let ts = include::pystate::_PyThreadState_GET();
    let f = ts.current_frame.get();
    if !f.is_null() {
        // SAFETY: the current frame is live while it is current; its builtins are
        // kept alive by its function.
        let builtins = unsafe { (*f).f_builtins.as_ref() }.to_owned();
        if let Some(d) = builtins.downcast_ref::<PyDictObject>() {
            if let Some(v) = PyDict_GetItemWithError(d, name)? {
                return Ok(v);
            }
        }
    }
    Err(PyErr_FromArgs(&PyExc_AttributeError, &[name.to_owned()]))
}

// --- iterator (seqiterobject) --------------------------------------------------------------

/// `seqiterobject`.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct seqiterobject {
    pub ob_base: PyObject,
    it_index: Cell<Py_ssize_t>,
    /// `None` once exhausted.
    it_seq: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for seqiterobject {}

impl PyTypeInfo for seqiterobject {
    fn type_object() -> &'static PyTypeObject {
        &PySeqIter_Type
    }
}

fn as_seqiter(obj: &PyObject) -> &seqiterobject {
    // SAFETY: installed on `iterator` only.
    unsafe { &*(obj as *const PyObject as *const seqiterobject) }
}

/// `PySeqIter_New`: an iterator over a sequence through `__getitem__`.
pub fn PySeqIter_New(seq: PyObjectRef) -> PyObjectRef {
    // SAFETY: the struct is complete.
    unsafe {
        alloc_object(
            &PySeqIter_Type,
            seqiterobject {
                ob_base: PyObject_HEAD_INIT,
                it_index: Cell::new(0),
                it_seq: PyCell::new(Some(seq)),
            },
        )
    }
    .into_object()
}

unsafe fn iter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead iterator.
    unsafe { dealloc_object::<seqiterobject>(op) }
}

fn iter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(s) = unsafe { as_seqiter(obj).it_seq.get_ref() } {
        visit(s);
    }
}

fn iter_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_seqiter(obj);
    let Some(seq) = it.it_seq.get() else {
        return Ok(None);
    };
    let index = it.it_index.get();
    if index == Py_ssize_t::MAX {
        return Err(overflow_error("iter index too large"));
    }
    match crate::r#abstract::PySequence_GetItem(&seq, index) {
        Ok(item) => {
            it.it_index.set(index + 1);
            Ok(Some(item))
        }
        Err(e)
            if PyErr_ExceptionMatches(&e, &PyExc_IndexError)
                || PyErr_ExceptionMatches(&e, &PyExc_StopIteration) =>
        {
            it.it_seq.set(None);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Does the object have a length (`_PyObject_HasLen`)?
fn has_len(obj: &PyObject) -> bool {
    let tp = obj.ob_type();
    tp.tp_as_sequence.sq_length.get().is_some() || tp.tp_as_mapping.mp_length.get().is_some()
}

fn iter_len(obj: &PyObject) -> PyResult {
    let it = as_seqiter(obj);
    if let Some(seq) = it.it_seq.get() {
        if !has_len(&seq) {
            return Ok(not_implemented());
        }
        let seqsize = crate::r#abstract::PyObject_Size(&seq)?;
        let len = seqsize - it.it_index.get();
        if len >= 0 {
            return Ok(PyLong_FromSsize_t(len));
        }
    }
    Ok(PyLong_FromSsize_t(0))
}

fn iter_reduce(obj: &PyObject) -> PyResult {
    let it = as_seqiter(obj);
    let iter = _PyEval_GetBuiltin(crate::intern!("iter"))?;
    match it.it_seq.get() {
        Some(seq) => Ok(PyTuple_New(vec![
            iter,
            PyTuple_New(vec![seq]).into_object(),
            PyLong_FromSsize_t(it.it_index.get()),
        ])
        .into_object()),
        None => Ok(PyTuple_New(vec![
            iter,
            PyTuple_New(vec![tuple_get_empty().into_object()]).into_object(),
        ])
        .into_object()),
    }
}

fn iter_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let it = as_seqiter(obj);
    let index = crate::listobject::setstate_index(state)?;
    // SAFETY: the borrow ends at once.
    if unsafe { it.it_seq.get_ref() }.is_some() {
        it.it_index.set(index.max(0));
    }
    Ok(none())
}

static SEQITER_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(iter_len),
        LENGTH_HINT_DOC,
    ),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(iter_reduce), REDUCE_DOC),
    PyMethodDef::new("__setstate__", PyCFunction::O(iter_setstate), SETSTATE_DOC),
];

/// `iterator` (`PySeqIter_Type`).
pub static PySeqIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "iterator",
    tp_basicsize: Cell::new(size_of::<seqiterobject>()),
    tp_dealloc: slot(iter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(iter_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(iter_iternext),
    tp_methods: &SEQITER_METHODS,
    ..PyTypeObject::DEFAULT
};

// --- callable_iterator (calliterobject) ------------------------------------------------------

/// `calliterobject`. Both fields are cleared when the iteration ends.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct calliterobject {
    pub ob_base: PyObject,
    it_callable: PyCell<Option<PyObjectRef>>,
    it_sentinel: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for calliterobject {}

fn as_calliter(obj: &PyObject) -> &calliterobject {
    // SAFETY: installed on `callable_iterator` only.
    unsafe { &*(obj as *const PyObject as *const calliterobject) }
}

/// `PyCallIter_New`: `iter(callable, sentinel)`.
pub fn PyCallIter_New(callable: PyObjectRef, sentinel: PyObjectRef) -> PyObjectRef {
    // SAFETY: the struct is complete.
    unsafe {
        alloc_object(
            &PyCallIter_Type,
            calliterobject {
                ob_base: PyObject_HEAD_INIT,
                it_callable: PyCell::new(Some(callable)),
                it_sentinel: PyCell::new(Some(sentinel)),
            },
        )
    }
    .into_object()
}

unsafe fn calliter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead iterator.
    unsafe { dealloc_object::<calliterobject>(op) }
}

fn calliter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let it = as_calliter(obj);
    // SAFETY: traversal runs no Python code.
    unsafe {
        if let Some(c) = it.it_callable.get_ref() {
            visit(c);
        }
        if let Some(s) = it.it_sentinel.get_ref() {
            visit(s);
        }
    }
}

fn calliter_clear(it: &calliterobject) {
    let c = it.it_callable.take();
    let s = it.it_sentinel.take();
    drop(c);
    drop(s);
}

fn calliter_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_calliter(obj);
    let Some(callable) = it.it_callable.get() else {
        return Ok(None);
    };
    match crate::call::PyObject_CallNoArgs(&callable) {
        Ok(result) => {
            // The call may have exhausted this very iterator (re-entrantly): then
            // it stays exhausted and the result is dropped (gh-101892).
            let Some(sentinel) = it.it_sentinel.get() else {
                return Ok(None);
            };
            if !PyObject_RichCompareBool(&sentinel, &result, CompareOp::Eq)? {
                return Ok(Some(result));
            }
            calliter_clear(it);
            Ok(None)
        }
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_StopIteration) => {
            calliter_clear(it);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn calliter_reduce(obj: &PyObject) -> PyResult {
    let it = as_calliter(obj);
    let iter = _PyEval_GetBuiltin(crate::intern!("iter"))?;
    match (it.it_callable.get(), it.it_sentinel.get()) {
        (Some(c), Some(s)) => {
            Ok(PyTuple_New(vec![iter, PyTuple_New(vec![c, s]).into_object()]).into_object())
        }
        _ => Ok(PyTuple_New(vec![
            iter,
            PyTuple_New(vec![tuple_get_empty().into_object()]).into_object(),
        ])
        .into_object()),
    }
}

static CALLITER_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(calliter_reduce),
    REDUCE_DOC,
)];

/// `callable_iterator` (`PyCallIter_Type`).
pub static PyCallIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "callable_iterator",
    tp_basicsize: Cell::new(size_of::<calliterobject>()),
    tp_dealloc: slot(calliter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(calliter_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(calliter_iternext),
    tp_methods: &CALLITER_METHODS,
    ..PyTypeObject::DEFAULT
};

/// The static types of this file.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PySeqIter_Type, &PyCallIter_Type]
}
