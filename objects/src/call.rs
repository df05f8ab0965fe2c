//! Calling objects. Mirrors Objects/call.c (CPython 3.11).
//!
//! pyrs has one calling convention, vectorcall's: a slice holding the positional
//! arguments followed by the keyword values, and `kwnames`, a tuple naming those
//! keyword values (or `None`). `tp_call` takes exactly that, so calling a built-in or
//! a Python function from Rust never packs a tuple and a dict.

use crate::dictobject::{PyDictObject, PyDict_New, PyDict_SetItem};
use crate::object::*;
use crate::prelude::*;
use crate::tupleobject::{PyTupleObject, PyTuple_New};

/// The number of keyword arguments named by `kwnames` (a tuple).
#[inline]
pub fn kwnames_len(kwnames: &PyObject) -> usize {
    match kwnames.downcast_ref_exact::<PyTupleObject>() {
        Some(t) => t.len(),
        None => 0,
    }
}

/// The keyword names as a slice of str objects.
#[inline]
pub fn kwnames_slice(kwnames: Option<&PyObject>) -> &[PyObjectRef] {
    match kwnames.and_then(|k| k.downcast_ref_exact::<PyTupleObject>()) {
        Some(t) => t.as_slice(),
        None => &[],
    }
}

/// `PyObject_Vectorcall`: call `callable(*args[:n], **dict(zip(kwnames, args[n:])))`.
#[inline]
pub fn PyObject_Vectorcall(callable: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    match callable.ob_type().tp_call.get() {
        Some(call) => {
            let _guard = Py_EnterRecursiveCall(" while calling a Python object")?;
            call(callable, args, kwnames)
        }
        None => Err(type_error(format!(
            "'{}' object is not callable",
            callable.ob_type().name()
        ))),
    }
}

/// `PyObject_Call(callable, args, kwargs)` with a tuple and an optional dict.
pub fn PyObject_Call(callable: &PyObject, args: &PyObject, kwargs: Option<&PyObject>) -> PyResult {
    let Some(t) = args.downcast_ref::<PyTupleObject>() else {
        return Err(type_error("argument list must be a tuple"));
    };
    match kwargs {
        None => PyObject_Vectorcall(callable, t.as_slice(), None),
        Some(kw) => {
            let (stack, kwnames) = _PyStack_UnpackDict(t.as_slice(), kw)?;
            PyObject_Vectorcall(callable, &stack, kwnames.as_deref())
        }
    }
}

/// `PyObject_CallNoArgs`.
pub fn PyObject_CallNoArgs(callable: &PyObject) -> PyResult {
    PyObject_Vectorcall(callable, &[], None)
}

/// `PyObject_CallOneArg`.
pub fn PyObject_CallOneArg(callable: &PyObject, arg: &PyObject) -> PyResult {
    PyObject_Vectorcall(callable, &[arg.to_owned()], None)
}

/// `PyObject_VectorcallMethod`: `obj.name(*args)`.
pub fn PyObject_CallMethod(obj: &PyObject, name: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let (meth, unbound) = _PyObject_GetMethod(obj, name)?;
    if unbound {
        let mut stack = Vec::with_capacity(args.len() + 1);
        stack.push(obj.to_owned());
        stack.extend_from_slice(args);
        PyObject_Vectorcall(&meth, &stack, None)
    } else {
        PyObject_Vectorcall(&meth, args, None)
    }
}

/// `PyObject_CallMethodNoArgs`.
pub fn PyObject_CallMethodNoArgs(obj: &PyObject, name: &PyObject) -> PyResult {
    PyObject_CallMethod(obj, name, &[])
}

/// `PyObject_CallMethodOneArg`.
pub fn PyObject_CallMethodOneArg(obj: &PyObject, name: &PyObject, arg: &PyObject) -> PyResult {
    PyObject_CallMethod(obj, name, &[arg.to_owned()])
}

/// `_PyStack_AsDict`: the keyword part of a vectorcall as a new dict.
pub fn _PyStack_AsDict(values: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<PyRef<PyDictObject>> {
    let d = PyDict_New();
    for (k, v) in kwnames_slice(kwnames).iter().zip(values) {
        PyDict_SetItem(&d, k, v)?;
    }
    Ok(d)
}

/// Split a vectorcall into positional arguments and a dict of keyword arguments
/// (`None` when there are none).
pub fn split_kwargs<'a>(
    args: &'a [PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<(&'a [PyObjectRef], Option<PyRef<PyDictObject>>)> {
    let nkw = kwnames.map_or(0, kwnames_len);
    let npos = args.len() - nkw;
    if nkw == 0 {
        return Ok((args, None));
    }
    Ok((&args[..npos], Some(_PyStack_AsDict(&args[npos..], kwnames)?)))
}

/// `_PyStack_UnpackDict`: positional arguments plus a mapping of keyword arguments,
/// turned into a vectorcall (keyword names must be strings).
pub fn _PyStack_UnpackDict(args: &[PyObjectRef], kwargs: &PyObject) -> PyResult<(Vec<PyObjectRef>, Option<PyObjectRef>)> {
    let Some(d) = kwargs.downcast_ref::<PyDictObject>() else {
        return Err(type_error("keyword arguments must be a dict"));
    };
    let items = crate::dictobject::PyDict_Items_vec(d);
    if items.is_empty() {
        return Ok((args.to_vec(), None));
    }
    let mut stack = Vec::with_capacity(args.len() + items.len());
    stack.extend_from_slice(args);
    let mut names = Vec::with_capacity(items.len());
    for (k, v) in items {
        if !crate::unicodeobject::PyUnicodeObject::check(&k) {
            return Err(type_error("keywords must be strings"));
        }
        names.push(k);
        stack.push(v);
    }
    Ok((stack, Some(PyTuple_New(names).into_object())))
}
