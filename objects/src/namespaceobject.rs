//! `types.SimpleNamespace`. Mirrors Objects/namespaceobject.c (CPython 3.11).

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::descrobject::{MemberType, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::dictobject::{PyDictObject, PyDict_New, PyDict_SetItem};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::PyTuple_New;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{as_str_lossy, PyUnicodeObject, PyUnicode_FromString};

/// `_PyNamespaceObject`.
#[repr(C)]
pub struct PyNamespaceObject {
    pub ob_base: PyObject,
    pub ns_dict: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyNamespaceObject {}

impl PyTypeInfo for PyNamespaceObject {
    fn type_object() -> &'static PyTypeObject {
        &_PyNamespace_Type
    }
}

/// `_PyNamespace_New`: a namespace with the items of `kwds` (a dict) as attributes.
pub fn _PyNamespace_New(kwds: Option<&PyDictObject>) -> PyResult {
    let ns = namespace_alloc(&_PyNamespace_Type);
    if let Some(k) = kwds {
        let d =
            _PyObject_GetOrCreateDict(&ns).ok_or_else(|| system_error("namespace without dict"))?;
        // SAFETY: the namespace's dict slot holds a dict.
        crate::dictobject::PyDict_Update(
            unsafe { d.downcast_ref_unchecked::<PyDictObject>() },
            k.as_object(),
        )?;
    }
    Ok(ns)
}

fn namespace_alloc(tp: &PyTypeObject) -> PyObjectRef {
    // SAFETY: `tp` is SimpleNamespace or a subclass; the fields are complete.
    unsafe {
        alloc_object(
            tp,
            PyNamespaceObject {
                ob_base: PyObject_HEAD_INIT,
                ns_dict: PyCell::new(Some(PyDict_New().into_object())),
            },
        )
    }
    .into_object()
}

fn namespace_new(
    tp: &PyTypeObject,
    _args: &[PyObjectRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    Ok(namespace_alloc(tp))
}

fn namespace_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let nkw = kwnames.map_or(0, crate::call::kwnames_len);
    let npos = args.len() - nkw;
    if npos > 0 {
        return Err(type_error("no positional arguments expected"));
    }
    let d = _PyObject_GetOrCreateDict(obj).ok_or_else(|| system_error("namespace without dict"))?;
    // SAFETY: the namespace's dict slot holds a dict.
    let d = unsafe { d.downcast_ref_unchecked::<PyDictObject>() };
    for (k, v) in crate::call::kwnames_slice(kwnames)
        .iter()
        .zip(&args[npos..])
    {
        PyDict_SetItem(d, k, v)?;
    }
    Ok(())
}

fn namespace_repr(obj: &PyObject) -> PyResult {
    let name = if obj.is_type(&_PyNamespace_Type) {
        "namespace".to_string()
    } else {
        obj.ob_type().name().to_string()
    };
    if Py_ReprEnter(obj)? {
        return Ok(PyUnicode_FromString(&format!("{name}(...)")));
    }
    let res = (|| -> PyResult<String> {
        let mut parts = Vec::new();
        if let Some(d) = _PyObject_GetDictPtr(obj).and_then(|s| s.get()) {
            // SAFETY: the namespace's dict slot holds a dict.
            let d = unsafe { d.downcast_ref_unchecked::<PyDictObject>() };
            for (k, v) in crate::dictobject::PyDict_Items_vec(d) {
                if PyUnicodeObject::check(&k) {
                    let r = PyObject_Repr(&v)?;
                    parts.push(format!("{}={}", as_str_lossy(&k), as_str_lossy(&r)));
                }
            }
        }
        Ok(format!("{}({})", name, parts.join(", ")))
    })();
    Py_ReprLeave(obj);
    Ok(PyUnicode_FromString(&res?))
}

fn namespace_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !PyNamespaceObject::check(a)
        || !PyNamespaceObject::check(b)
        || !matches!(op, CompareOp::Eq | CompareOp::Ne)
    {
        return Ok(not_implemented());
    }
    let da = _PyObject_GetOrCreateDict(a).unwrap_or_else(none);
    let db = _PyObject_GetOrCreateDict(b).unwrap_or_else(none);
    PyObject_RichCompare(&da, &db, op)
}

unsafe fn namespace_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead namespace.
    unsafe { dealloc_object::<PyNamespaceObject>(op) }
}

fn namespace_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: installed on namespaces; traversal runs no Python code.
    let ns = unsafe { &*(obj as *const PyObject as *const PyNamespaceObject) };
    if let Some(d) = unsafe { ns.ns_dict.get_ref() } {
        visit(d);
    }
}

/// `__reduce__`: `(type(ns), (), ns.__dict__)`, so that copy and pickle rebuild
/// the namespace through its dict (`namespace_reduce`).
fn namespace_reduce(obj: &PyObject) -> PyResult {
    let d = _PyObject_GetOrCreateDict(obj).unwrap_or_else(none);
    Ok(PyTuple_New(vec![
        obj.ob_type().as_object().to_owned(),
        PyTuple_New(vec![]).into_object(),
        d,
    ])
    .into_object())
}

static NAMESPACE_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(namespace_reduce),
    "Return state information for pickling",
)];

static NAMESPACE_MEMBERS: [PyMemberDef; 1] = [PyMemberDef::new(
    "__dict__",
    MemberType::Object,
    std::mem::offset_of!(PyNamespaceObject, ns_dict),
    READONLY,
)];

/// `types.SimpleNamespace`.
pub static _PyNamespace_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "types.SimpleNamespace",
    tp_basicsize: Cell::new(size_of::<PyNamespaceObject>()),
    tp_dealloc: slot(namespace_dealloc),
    tp_repr: slot(namespace_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)"),
    tp_traverse: slot(namespace_traverse),
    tp_richcompare: slot(namespace_richcompare),
    tp_methods: &NAMESPACE_METHODS,
    tp_members: &NAMESPACE_MEMBERS,
    tp_dictoffset: Cell::new(std::mem::offset_of!(PyNamespaceObject, ns_dict)),
    tp_init: slot(namespace_init),
    tp_new: slot(namespace_new),
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&_PyNamespace_Type]
}
