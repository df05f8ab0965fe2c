//! Bound methods (`method`). Mirrors Objects/classobject.c (CPython 3.11).
//!
//! `obj.f` where `f` is a function found on the class makes a bound method pairing
//! the function with `obj`; calling it calls the function with `obj` first. The eval
//! loop avoids making one for `obj.f(...)` (`LOAD_METHOD`).

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::descrobject::PyGetSetDef;

use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::{_PyType_Lookup, PyType_Type};
use crate::unicodeobject::{as_str_lossy, PyUnicode_FromString};

/// `PyMethodObject`.
#[repr(C)]
pub struct PyMethodObject {
    pub ob_base: PyObject,
    /// The function (`__func__`).
    pub im_func: PyObjectRef,
    /// The instance it is bound to (`__self__`).
    pub im_self: PyObjectRef,
    pub im_weakreflist: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyMethodObject {}

impl PyTypeInfo for PyMethodObject {
    fn type_object() -> &'static PyTypeObject {
        &PyMethod_Type
    }
}

/// `PyMethod_New`.
pub fn PyMethod_New(func: PyObjectRef, self_: PyObjectRef) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyMethod_Type,
            PyMethodObject {
                ob_base: PyObject_HEAD_INIT,
                im_func: func,
                im_self: self_,
                im_weakreflist: PyCell::new(None),
            },
        )
    }
    .into_object()
}

fn as_method(obj: &PyObject) -> &PyMethodObject {
    // SAFETY: only installed on `method`.
    unsafe { &*(obj as *const PyObject as *const PyMethodObject) }
}

/// Calling a bound method: the function with `self` prepended (`method_vectorcall`).
fn method_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let m = as_method(obj);
    crate::call::_PyObject_VectorcallPrepend(&m.im_func, &m.im_self, args, kwnames)
}

fn method_repr(obj: &PyObject) -> PyResult {
    let m = as_method(obj);
    let name = match _PyObject_LookupAttr(&m.im_func, crate::intern!("__qualname__"))? {
        Some(n) if crate::unicodeobject::PyUnicodeObject::check(&n) => {
            as_str_lossy(&n).into_owned()
        }
        _ => match _PyObject_LookupAttr(&m.im_func, crate::intern!("__name__"))? {
            Some(n) if crate::unicodeobject::PyUnicodeObject::check(&n) => {
                as_str_lossy(&n).into_owned()
            }
            _ => "?".into(),
        },
    };
    let self_repr = PyObject_Repr(&m.im_self)?;
    Ok(PyUnicode_FromString(&format!(
        "<bound method {} of {}>",
        name,
        as_str_lossy(&self_repr)
    )))
}

fn method_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !b.is_type(&PyMethod_Type) {
        return Ok(not_implemented());
    }
    let (ma, mb) = (as_method(a), as_method(b));
    // 3.8+: methods are equal when their functions are equal and selves identical.
    let eq = PyObject_RichCompareBool(&ma.im_func, &mb.im_func, CompareOp::Eq)?
        && ma.im_self.is(&mb.im_self);
    Ok(crate::boolobject::PyBool_FromLong(if op == CompareOp::Eq {
        eq
    } else {
        !eq
    }))
}

fn method_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    let m = as_method(obj);
    let x = crate::pyhash::_Py_HashPointer(m.im_self.as_ptr() as usize);
    let y = PyObject_Hash(&m.im_func)?;
    let h = x ^ y;
    Ok(if h == -1 { -2 } else { h })
}

/// Attributes come from the method type first, then from the function
/// (`method_getattro`).
fn method_getattro(obj: &PyObject, name: &PyObject) -> PyResult {
    let tp = obj.ob_type();
    if let Some(d) = _PyType_Lookup(tp, name) {
        if d.ob_type().tp_descr_get.get().is_some() {
            return crate::descrobject::descr_get(&d, Some(obj), Some(tp.as_object()));
        }
        return Ok(d);
    }
    PyObject_GetAttr(&as_method(obj).im_func, name)
}

fn method_descr_get(
    obj: &PyObject,
    _inst: Option<&PyObject>,
    _owner: Option<&PyObject>,
) -> PyResult {
    Ok(obj.to_owned())
}

unsafe fn method_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead bound method.
    unsafe {
        include::gc::gc_untrack(op);
        crate::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PyMethodObject>(op)
    }
}

fn method_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let m = as_method(obj);
    visit(&m.im_func);
    visit(&m.im_self);
}

fn method_get_func(obj: &PyObject) -> PyResult {
    Ok(as_method(obj).im_func.clone())
}

fn method_get_self(obj: &PyObject) -> PyResult {
    Ok(as_method(obj).im_self.clone())
}

fn method_get_doc(obj: &PyObject) -> PyResult {
    PyObject_GetAttr(&as_method(obj).im_func, crate::intern!("__doc__"))
}

static METHOD_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef::getter("__func__", method_get_func),
    PyGetSetDef::getter("__self__", method_get_self),
    PyGetSetDef::getter("__doc__", method_get_doc),
];

fn method_new(_tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    crate::getargs::check_no_kwargs("method", kwnames)?;
    crate::getargs::check_positional("method", args.len(), 2, 2)?;
    if args[0].ob_type().tp_call.get().is_none() {
        return Err(type_error("first argument must be callable"));
    }
    if args[1].is(Py_None()) {
        return Err(type_error("instance must not be None"));
    }
    Ok(PyMethod_New(args[0].clone(), args[1].clone()))
}

/// `method`.
pub static PyMethod_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "method",
    tp_basicsize: Cell::new(size_of::<PyMethodObject>()),
    tp_dealloc: slot(method_dealloc),
    tp_repr: slot(method_repr),
    tp_hash: slot(method_hash),
    tp_call: slot(method_call),
    tp_getattro: slot(method_getattro),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL),
    tp_doc: Some("Create a bound instance method object."),
    tp_traverse: slot(method_traverse),
    tp_richcompare: slot(method_richcompare),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyMethodObject, im_weakreflist)),
    tp_getset: &METHOD_GETSET,
    tp_descr_get: slot(method_descr_get),
    tp_new: slot(method_new),
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyMethod_Type]
}
