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
pub fn PyObject_Vectorcall(
    callable: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    match callable.ob_type().tp_call.get() {
        Some(call) => {
            if counts_against_recursion_limit(callable) {
                let _guard = Py_EnterRecursiveCall(" while calling a Python object")?;
                call(callable, args, kwnames)
            } else {
                call(callable, args, kwnames)
            }
        }
        None => Err(type_error(format!(
            "'{}' object is not callable",
            callable.ob_type().name()
        ))),
    }
}

/// `_PyErr_CreateException`: instantiate an exception type for an error raised by the
/// runtime. CPython creates such instances lazily, when the error is normalised
/// (usually after the stack has unwound, often never when C code clears it), so the
/// call does not count against the recursion limit here: counting it would turn an
/// error raised at the limit into a RecursionError.
pub fn _PyErr_CreateException(tp: &PyTypeObject, args: &[PyObjectRef]) -> PyResult {
    match tp.as_object().ob_type().tp_call.get() {
        Some(call) => call(tp.as_object(), args, None),
        None => Err(type_error(format!(
            "'{}' object is not callable",
            tp.as_object().ob_type().name()
        ))),
    }
}

/// Does CPython count a call of `callable` as one level of recursion before the
/// callee runs?
///
/// Functions and bound methods do not: the frame they push is counted when the eval
/// loop starts it. Built-in functions and method descriptors are counted by their
/// vectorcall (`cfunction_enter_call`), and objects without a vectorcall by
/// `_PyObject_MakeTpCall`. Calling a class counts through `_PyObject_MakeTpCall`
/// unless the class has its own vectorcall, which in 3.11 only some built-in types
/// have. The depth at which a RecursionError is raised, and so the "[Previous line
/// repeated N more times]" of its traceback, depends on this.
// FIXME(pyrs): map, filter and zip (python/src/bltinmodule.rs) also have a
// vectorcall in CPython 3.11; calling them is counted here.
fn counts_against_recursion_limit(callable: &PyObject) -> bool {
    let tp = callable.ob_type();
    if std::ptr::eq(tp, &crate::funcobject::PyFunction_Type)
        || std::ptr::eq(tp, &crate::classobject::PyMethod_Type)
    {
        return false;
    }
    if let Some(t) = callable.downcast_ref::<PyTypeObject>() {
        let vectorcall_types: [&PyTypeObject; 11] = [
            &crate::typeobject::PyType_Type,
            &crate::boolobject::PyBool_Type,
            &crate::floatobject::PyFloat_Type,
            &crate::listobject::PyList_Type,
            &crate::tupleobject::PyTuple_Type,
            &crate::dictobject::PyDict_Type,
            &crate::setobject::PySet_Type,
            &crate::setobject::PyFrozenSet_Type,
            &crate::rangeobject::PyRange_Type,
            &crate::enumobject::PyEnum_Type,
            &crate::enumobject::PyReversed_Type,
        ];
        return !vectorcall_types.iter().any(|v| std::ptr::eq(t, *v));
    }
    true
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

/// `_PY_FASTCALL_SMALL_STACK`: calls with up to this many arguments build their argument
/// array on the Rust stack instead of allocating one.
const _PY_FASTCALL_SMALL_STACK: usize = 5;

/// `_PyObject_Call_Prepend` in vectorcall form: `callable(obj, *args)`. The argument
/// array of a small call lives on the Rust stack (CPython's `small_stack`), so calling
/// a special method or `__init__` from a slot allocates nothing.
pub fn _PyObject_VectorcallPrepend(
    callable: &PyObject,
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let n = args.len() + 1;
    if n > _PY_FASTCALL_SMALL_STACK {
        let mut stack = Vec::with_capacity(n);
        stack.push(obj.to_owned());
        stack.extend_from_slice(args);
        return PyObject_Vectorcall(callable, &stack, kwnames);
    }
    /// The initialised prefix of a small stack, released when the call is done.
    struct SmallStack {
        items: [std::mem::MaybeUninit<PyObjectRef>; _PY_FASTCALL_SMALL_STACK],
        len: usize,
    }
    impl Drop for SmallStack {
        fn drop(&mut self) {
            for item in &mut self.items[..self.len] {
                // SAFETY: the first `len` items were written and are dropped once.
                unsafe { item.assume_init_drop() };
            }
        }
    }
    let mut stack = SmallStack {
        items: [const { std::mem::MaybeUninit::uninit() }; _PY_FASTCALL_SMALL_STACK],
        len: 0,
    };
    stack.items[0].write(obj.to_owned());
    stack.len = 1;
    for a in args {
        stack.items[stack.len].write(a.clone());
        stack.len += 1;
    }
    // SAFETY: the first `n` items are initialised, and `MaybeUninit<T>` has `T`'s layout.
    let slice =
        unsafe { std::slice::from_raw_parts(stack.items.as_ptr() as *const PyObjectRef, n) };
    PyObject_Vectorcall(callable, slice, kwnames)
}

/// `PyObject_CallOneArg`.
pub fn PyObject_CallOneArg(callable: &PyObject, arg: &PyObject) -> PyResult {
    PyObject_Vectorcall(callable, &[arg.to_owned()], None)
}

/// `PyObject_VectorcallMethod`: `obj.name(*args)`.
pub fn PyObject_CallMethod(obj: &PyObject, name: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let (meth, unbound) = _PyObject_GetMethod(obj, name)?;
    if unbound {
        _PyObject_VectorcallPrepend(&meth, obj, args, None)
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
pub fn _PyStack_AsDict(
    values: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<PyRef<PyDictObject>> {
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
    Ok((
        &args[..npos],
        Some(_PyStack_AsDict(&args[npos..], kwnames)?),
    ))
}

/// `_PyStack_UnpackDict`: positional arguments plus a mapping of keyword arguments,
/// turned into a vectorcall (keyword names must be strings).
pub fn _PyStack_UnpackDict(
    args: &[PyObjectRef],
    kwargs: &PyObject,
) -> PyResult<(Vec<PyObjectRef>, Option<PyObjectRef>)> {
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
