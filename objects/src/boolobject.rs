//! The `bool` type and its two instances. Mirrors Objects/boolobject.c (CPython 3.11).
//!
//! `bool` subclasses `int`: `True` and `False` are int objects with the values 1 and
//! 0 whose type is `bool`, so every int operation works on them unchanged. Only
//! `repr` and the bitwise operators (which keep the bool type when both operands are
//! bools) are bool's own.
//!
//! Differences from CPython: none in behaviour. `True` and `False` are `static`
//! `PyLongObject`s holding `LongValue::Small`, which needs no allocation.

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::PyNumberMethods;

use crate::longobject::{LongValue, PyLongObject, PyLong_Type};
use crate::object::*;
use crate::prelude::*;
use crate::typeobject::PyType_Type;

/// `_Py_FalseStruct`: `False`.
pub static _Py_FalseStruct: PyLongObject = PyLongObject {
    ob_base: PyObject::new_static(&PyBool_Type),
    value: LongValue::Small(0),
};

/// `_Py_TrueStruct`: `True`.
pub static _Py_TrueStruct: PyLongObject = PyLongObject {
    ob_base: PyObject::new_static(&PyBool_Type),
    value: LongValue::Small(1),
};

/// `Py_True`, borrowed.
#[inline(always)]
pub fn Py_True() -> &'static PyObject {
    _Py_TrueStruct.as_object()
}

/// `Py_False`, borrowed.
#[inline(always)]
pub fn Py_False() -> &'static PyObject {
    _Py_FalseStruct.as_object()
}

/// `PyBool_FromLong`: a new reference to `True` or `False`.
#[inline(always)]
pub fn PyBool_FromLong(v: bool) -> PyObjectRef {
    if v {
        Py_True().to_owned()
    } else {
        Py_False().to_owned()
    }
}

/// `PyBool_Check`. `bool` cannot be subclassed, so this is an exact type check.
#[inline(always)]
pub fn PyBoolObject_Check(obj: &PyObject) -> bool {
    obj.is_type(&PyBool_Type)
}

fn bool_repr(obj: &PyObject) -> PyResult {
    Ok(if obj.is(Py_True()) {
        crate::intern!("True").to_owned()
    } else {
        crate::intern!("False").to_owned()
    })
}

fn bool_new(_tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    crate::getargs::check_no_kwargs("bool", kwnames)?;
    crate::getargs::check_positional("bool", args.len(), 0, 1)?;
    match args.first() {
        Some(x) => Ok(PyBool_FromLong(PyObject_IsTrue(x)?)),
        None => Ok(PyBool_FromLong(false)),
    }
}

/// `bool_vectorcall`: `bool(x)` without building an argument tuple.
fn bool_vectorcall(tp: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let _ = tp;
    bool_new(&PyBool_Type, args, kwnames)
}

/// The int slot for a bitwise operator, for when an operand is not a bool.
fn int_slot(
    f: Option<include::cpython::object::slots::binaryfunc>,
    a: &PyObject,
    b: &PyObject,
) -> PyResult {
    match f {
        Some(f) => f(a, b),
        None => Ok(not_implemented()),
    }
}

fn bool_and(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyBoolObject_Check(a) || !PyBoolObject_Check(b) {
        return int_slot(PyLong_Type.tp_as_number.nb_and.get(), a, b);
    }
    Ok(PyBool_FromLong(a.is(Py_True()) & b.is(Py_True())))
}

fn bool_or(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyBoolObject_Check(a) || !PyBoolObject_Check(b) {
        return int_slot(PyLong_Type.tp_as_number.nb_or.get(), a, b);
    }
    Ok(PyBool_FromLong(a.is(Py_True()) | b.is(Py_True())))
}

fn bool_xor(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyBoolObject_Check(a) || !PyBoolObject_Check(b) {
        return int_slot(PyLong_Type.tp_as_number.nb_xor.get(), a, b);
    }
    Ok(PyBool_FromLong(a.is(Py_True()) ^ b.is(Py_True())))
}

unsafe fn bool_dealloc(_op: *mut PyObject) {
    // True and False are static and immortal: their counts never reach zero.
}

/// `bool`.
pub static PyBool_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "bool",
    tp_basicsize: Cell::new(size_of::<PyLongObject>()),
    tp_dealloc: slot(bool_dealloc),
    tp_repr: slot(bool_repr),
    tp_as_number: PyNumberMethods {
        nb_and: slot(bool_and),
        nb_xor: slot(bool_xor),
        nb_or: slot(bool_or),
        ..PyNumberMethods::EMPTY
    },
    tp_doc: Some("bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed."),
    tp_base: type_ptr(&PyLong_Type),
    tp_new: slot(bool_new),
    tp_vectorcall: slot(bool_vectorcall),
    ..PyTypeObject::DEFAULT
};

/// The static types defined here, for start-up.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyBool_Type]
}
