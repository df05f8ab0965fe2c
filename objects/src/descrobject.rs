//! Descriptors of built-in types and `property`. Mirrors Objects/descrobject.c
//! (CPython 3.11): `method_descriptor`, `classmethod_descriptor`, `wrapper_descriptor`
//! and its bound form `method-wrapper`, `getset_descriptor`, `member_descriptor`,
//! `mappingproxy` and `property`.
//!
//! Differences from CPython: a member descriptor carries an owned [`MemberSpec`]
//! (so `__slots__` members made at run time need no static table); a wrapper
//! descriptor names its row of `typeslots::SLOTDEFS` and reads the wrapped function
//! from its type's slot when called.

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef, READONLY};
use include::methodobject::PyMethodDef;

use crate::call::{kwnames_len, PyObject_Vectorcall};
use crate::methodobject::call_method_def;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::{as_type, PyObject_TypeCheck, PyType_IsSubtype, PyType_Type};
use crate::typeslots::{call_wrapper, slotdef};
use crate::unicodeobject::{as_str_lossy, PyUnicode_FromString};

// --- Generic descriptor protocol ------------------------------------------------------

/// Call `descr.__get__(obj, owner)` through the slot.
#[inline]
pub fn descr_get(descr: &PyObject, obj: Option<&PyObject>, owner: Option<&PyObject>) -> PyResult {
    match descr.ob_type().tp_descr_get.get() {
        Some(f) => f(descr, obj, owner),
        None => Ok(descr.to_owned()),
    }
}

/// Call `descr.__set__(obj, value)` (or `__delete__` for `None`) through the slot.
#[inline]
pub fn descr_set(descr: &PyObject, obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match descr.ob_type().tp_descr_set.get() {
        Some(f) => f(descr, obj, value),
        None => Err(attribute_error("__set__")),
    }
}

/// `PyDescr_IsData`: does the descriptor define `__set__` (or `__delete__`)?
#[inline]
pub fn is_data_descriptor(descr: &PyObject) -> bool {
    descr.ob_type().tp_descr_set.get().is_some()
}

/// The fields every descriptor of a built-in type shares (`PyDescr_COMMON`).
#[repr(C)]
pub struct PyDescrObject {
    pub ob_base: PyObject,
    /// The type the descriptor belongs to (kept alive by the descriptor).
    pub d_type: PyRef<PyTypeObject>,
    /// The attribute name, a str.
    pub d_name: PyObjectRef,
    pub d_qualname: PyCell<Option<PyObjectRef>>,
}

impl PyDescrObject {
    fn new(tp: &PyTypeObject, name: &str) -> PyDescrObject {
        PyDescrObject {
            ob_base: PyObject_HEAD_INIT,
            d_type: tp.to_owned_type(),
            d_name: crate::unicodeobject::PyUnicode_InternFromString(name),
            d_qualname: PyCell::new(None),
        }
    }
}

fn descr_name(d: &PyDescrObject) -> String {
    as_str_lossy(&d.d_name).into_owned()
}

/// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object".
fn descr_check(d: &PyDescrObject, obj: &PyObject) -> PyResult<()> {
    if !PyObject_TypeCheck(obj, &d.d_type) {
        return Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            descr_name(d),
            d.d_type.name(),
            obj.ob_type().name()
        )));
    }
    Ok(())
}

fn descr_repr(d: &PyDescrObject, kind: &str) -> PyResult {
    Ok(PyUnicode_FromString(&format!(
        "<{} '{}' of '{}' objects>",
        kind,
        descr_name(d),
        d.d_type.name()
    )))
}

fn descr_traverse(d: &PyDescrObject, visit: &mut dyn FnMut(&PyObject)) {
    visit(d.d_type.as_object());
}

fn common_qualname(d: &PyDescrObject) -> PyResult {
    if let Some(q) = d.d_qualname.get() {
        return Ok(q);
    }
    let tq = crate::typeobject::type_qualname(&d.d_type)?;
    let q = PyUnicode_FromString(&format!("{}.{}", tq, descr_name(d)));
    d.d_qualname.set(Some(q.clone()));
    Ok(q)
}

// --- method_descriptor and classmethod_descriptor ---------------------------------------

/// `PyMethodDescrObject`: a method of a built-in type (`list.append`).
#[repr(C)]
pub struct PyMethodDescrObject {
    pub common: PyDescrObject,
    pub d_method: &'static PyMethodDef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyMethodDescrObject {}

impl PyTypeInfo for PyMethodDescrObject {
    fn type_object() -> &'static PyTypeObject {
        &PyMethodDescr_Type
    }
}

/// `PyDescr_NewMethod`.
pub fn PyDescr_NewMethod(tp: &PyTypeObject, def: &'static PyMethodDef) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyMethodDescr_Type,
            PyMethodDescrObject {
                common: PyDescrObject::new(tp, def.ml_name),
                d_method: def,
            },
        )
    }
    .into_object()
}

/// `PyDescr_NewClassMethod`.
pub fn PyDescr_NewClassMethod(tp: &PyTypeObject, def: &'static PyMethodDef) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyClassMethodDescr_Type,
            PyMethodDescrObject {
                common: PyDescrObject::new(tp, def.ml_name),
                d_method: def,
            },
        )
    }
    .into_object()
}

fn as_method_descr(obj: &PyObject) -> &PyMethodDescrObject {
    // SAFETY: only installed on (classmethod) method descriptor types.
    unsafe { &*(obj as *const PyObject as *const PyMethodDescrObject) }
}

/// Calling an unbound method: `list.append(l, 1)`, or `l.append(1)` through
/// `LOAD_METHOD`, which passes `l` as the first argument (`method_vectorcall_*`).
fn method_descr_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let d = as_method_descr(obj);
    let nargs = args.len() - kwnames.map_or(0, kwnames_len);
    if nargs < 1 {
        return Err(type_error(format!(
            "unbound method {}() needs an argument",
            as_str_lossy(&*common_qualname(&d.common)?)
        )));
    }
    let self_ = &args[0];
    descr_check(&d.common, self_)?;
    call_method_def(d.d_method, self_, &args[1..], kwnames, &|| {
        common_qualname(&d.common).map(|q| as_str_lossy(&q).into_owned())
    })
}

fn method_descr_get(
    obj: &PyObject,
    inst: Option<&PyObject>,
    _owner: Option<&PyObject>,
) -> PyResult {
    let d = as_method_descr(obj);
    match inst {
        None => Ok(obj.to_owned()),
        Some(i) => {
            descr_check(&d.common, i)?;
            Ok(crate::methodobject::PyCFunction_NewEx(
                d.d_method,
                Some(i.to_owned()),
                Some(d.common.d_type.clone()),
            ))
        }
    }
}

fn classmethod_descr_get(
    obj: &PyObject,
    inst: Option<&PyObject>,
    owner: Option<&PyObject>,
) -> PyResult {
    let d = as_method_descr(obj);
    let owner = match owner {
        Some(o) => o.to_owned(),
        None => match inst {
            Some(i) => i.ob_type().as_object().to_owned(),
            None => {
                return Err(type_error(format!(
                    "descriptor '{}' for type '{}' needs either an object or a type",
                    descr_name(&d.common),
                    d.common.d_type.name()
                )))
            }
        },
    };
    let Some(ot) = as_type(&owner) else {
        return Err(type_error(format!(
            "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2",
            descr_name(&d.common),
            d.common.d_type.name(),
            owner.ob_type().name()
        )));
    };
    if !PyType_IsSubtype(ot, &d.common.d_type) {
        return Err(type_error(format!(
            "descriptor '{}' requires a subtype of '{}' but received '{}'",
            descr_name(&d.common),
            d.common.d_type.name(),
            ot.name()
        )));
    }
    Ok(crate::methodobject::PyCFunction_NewEx(
        d.d_method,
        Some(owner),
        None,
    ))
}

fn classmethod_descr_call(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let d = as_method_descr(obj);
    let nargs = args.len() - kwnames.map_or(0, kwnames_len);
    if nargs < 1 {
        return Err(type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            descr_name(&d.common),
            d.common.d_type.name()
        )));
    }
    let bound = classmethod_descr_get(obj, None, Some(&args[0]))?;
    PyObject_Vectorcall(&bound, &args[1..], kwnames)
}

fn method_descr_repr(obj: &PyObject) -> PyResult {
    descr_repr(&as_method_descr(obj).common, "method")
}

fn classmethod_descr_repr(obj: &PyObject) -> PyResult {
    descr_repr(&as_method_descr(obj).common, "method")
}

unsafe fn method_descr_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead method descriptor.
    unsafe { dealloc_object::<PyMethodDescrObject>(op) }
}

fn method_descr_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    descr_traverse(&as_method_descr(obj).common, visit);
}

fn method_descr_doc(obj: &PyObject) -> PyResult {
    let d = as_method_descr(obj);
    doc_from_def(d.d_method.ml_doc)
}

fn method_descr_text_signature(obj: &PyObject) -> PyResult {
    let d = as_method_descr(obj);
    text_signature_from_def(d.d_method.ml_name, d.d_method.ml_doc)
}

fn doc_from_def(doc: &str) -> PyResult {
    // An empty docstring, or a signature with nothing after it, reads as None
    // (`_PyType_GetDocFromInternalDoc`).
    let body = crate::typeobject::doc_body(doc);
    if body.is_empty() {
        return Ok(none());
    }
    Ok(PyUnicode_FromString(body))
}

fn text_signature_from_def(name: &str, doc: &str) -> PyResult {
    match crate::typeobject::doc_signature(name, doc) {
        Some(sig) => Ok(PyUnicode_FromString(&sig)),
        None => Ok(none()),
    }
}

fn descr_get_objclass(obj: &PyObject) -> PyResult {
    // SAFETY: every descriptor type here starts with `PyDescrObject`.
    let d = unsafe { &*(obj as *const PyObject as *const PyDescrObject) };
    Ok(d.d_type.as_object().to_owned())
}

fn descr_get_name(obj: &PyObject) -> PyResult {
    // SAFETY: as above.
    let d = unsafe { &*(obj as *const PyObject as *const PyDescrObject) };
    Ok(d.d_name.clone())
}

fn descr_get_qualname(obj: &PyObject) -> PyResult {
    // SAFETY: as above.
    let d = unsafe { &*(obj as *const PyObject as *const PyDescrObject) };
    common_qualname(d)
}

static METHOD_DESCR_GETSET: [PyGetSetDef; 5] = [
    PyGetSetDef::getter("__doc__", method_descr_doc),
    PyGetSetDef::getter("__qualname__", descr_get_qualname),
    PyGetSetDef::getter("__text_signature__", method_descr_text_signature),
    PyGetSetDef::getter("__objclass__", descr_get_objclass),
    PyGetSetDef::getter("__name__", descr_get_name),
];

/// `method_descriptor`.
pub static PyMethodDescr_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "method_descriptor",
    tp_basicsize: Cell::new(size_of::<PyMethodDescrObject>()),
    tp_dealloc: slot(method_descr_dealloc),
    tp_repr: slot(method_descr_repr),
    tp_call: slot(method_descr_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT
            | Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_METHOD_DESCRIPTOR
            | Py_TPFLAGS_HAVE_VECTORCALL,
    ),
    tp_traverse: slot(method_descr_traverse),
    tp_getset: &METHOD_DESCR_GETSET,
    tp_descr_get: slot(method_descr_get),
    ..PyTypeObject::DEFAULT
};

/// `classmethod_descriptor`.
pub static PyClassMethodDescr_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "classmethod_descriptor",
    tp_basicsize: Cell::new(size_of::<PyMethodDescrObject>()),
    tp_dealloc: slot(method_descr_dealloc),
    tp_repr: slot(classmethod_descr_repr),
    tp_call: slot(classmethod_descr_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(method_descr_traverse),
    tp_getset: &METHOD_DESCR_GETSET,
    tp_descr_get: slot(classmethod_descr_get),
    ..PyTypeObject::DEFAULT
};

// --- wrapper_descriptor and method-wrapper -------------------------------------------------

/// `PyWrapperDescrObject`: a slot exposed as a method (`int.__add__`).
#[repr(C)]
pub struct PyWrapperDescrObject {
    pub common: PyDescrObject,
    /// Index of the row in `typeslots::SLOTDEFS` (`d_base`).
    pub d_slotdef: usize,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyWrapperDescrObject {}

impl PyTypeInfo for PyWrapperDescrObject {
    fn type_object() -> &'static PyTypeObject {
        &PyWrapperDescr_Type
    }
}

impl PyWrapperDescrObject {
    /// The type whose slot this wraps.
    pub fn d_type(&self) -> &PyTypeObject {
        &self.common.d_type
    }
}

/// `PyDescr_NewWrapper`.
pub fn PyDescr_NewWrapper(tp: &PyTypeObject, slotdef_index: usize) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyWrapperDescr_Type,
            PyWrapperDescrObject {
                common: PyDescrObject::new(tp, slotdef(slotdef_index).name),
                d_slotdef: slotdef_index,
            },
        )
    }
    .into_object()
}

fn as_wrapper_descr(obj: &PyObject) -> &PyWrapperDescrObject {
    // SAFETY: only installed on wrapper descriptor types.
    unsafe { &*(obj as *const PyObject as *const PyWrapperDescrObject) }
}

fn wrapperdescr_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let d = as_wrapper_descr(obj);
    let nargs = args.len() - kwnames.map_or(0, kwnames_len);
    if nargs < 1 {
        return Err(type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            descr_name(&d.common),
            d.common.d_type.name()
        )));
    }
    let self_ = &args[0];
    if !PyObject_TypeCheck(self_, &d.common.d_type) {
        return Err(type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            descr_name(&d.common),
            d.common.d_type.name(),
            self_.ob_type().name()
        )));
    }
    call_wrapper(d, self_, &args[1..], kwnames)
}

fn wrapperdescr_get(
    obj: &PyObject,
    inst: Option<&PyObject>,
    _owner: Option<&PyObject>,
) -> PyResult {
    let d = as_wrapper_descr(obj);
    match inst {
        None => Ok(obj.to_owned()),
        Some(i) => {
            descr_check(&d.common, i)?;
            Ok(PyWrapper_New(obj, i))
        }
    }
}

fn wrapperdescr_repr(obj: &PyObject) -> PyResult {
    descr_repr(&as_wrapper_descr(obj).common, "slot wrapper")
}

unsafe fn wrapperdescr_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead wrapper descriptor.
    unsafe { dealloc_object::<PyWrapperDescrObject>(op) }
}

fn wrapperdescr_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    descr_traverse(&as_wrapper_descr(obj).common, visit);
}

fn wrapperdescr_doc(obj: &PyObject) -> PyResult {
    doc_from_def(slotdef(as_wrapper_descr(obj).d_slotdef).doc)
}

fn wrapperdescr_text_signature(obj: &PyObject) -> PyResult {
    let def = slotdef(as_wrapper_descr(obj).d_slotdef);
    text_signature_from_def(def.name, def.doc)
}

static WRAPPERDESCR_GETSET: [PyGetSetDef; 5] = [
    PyGetSetDef::getter("__doc__", wrapperdescr_doc),
    PyGetSetDef::getter("__qualname__", descr_get_qualname),
    PyGetSetDef::getter("__text_signature__", wrapperdescr_text_signature),
    PyGetSetDef::getter("__objclass__", descr_get_objclass),
    PyGetSetDef::getter("__name__", descr_get_name),
];

/// `wrapper_descriptor`.
pub static PyWrapperDescr_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "wrapper_descriptor",
    tp_basicsize: Cell::new(size_of::<PyWrapperDescrObject>()),
    tp_dealloc: slot(wrapperdescr_dealloc),
    tp_repr: slot(wrapperdescr_repr),
    tp_call: slot(wrapperdescr_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR),
    tp_traverse: slot(wrapperdescr_traverse),
    tp_getset: &WRAPPERDESCR_GETSET,
    tp_descr_get: slot(wrapperdescr_get),
    ..PyTypeObject::DEFAULT
};

/// `wrapperobject` (`method-wrapper`): a slot wrapper bound to an instance,
/// `(1).__add__`.
#[repr(C)]
pub struct PyWrapperObject {
    pub ob_base: PyObject,
    pub descr: PyObjectRef,
    pub self_: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyWrapperObject {}

/// `PyWrapper_New`.
pub fn PyWrapper_New(descr: &PyObject, self_: &PyObject) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &_PyMethodWrapper_Type,
            PyWrapperObject {
                ob_base: PyObject_HEAD_INIT,
                descr: descr.to_owned(),
                self_: self_.to_owned(),
            },
        )
    }
    .into_object()
}

fn as_wrapper(obj: &PyObject) -> &PyWrapperObject {
    // SAFETY: only installed on `method-wrapper`.
    unsafe { &*(obj as *const PyObject as *const PyWrapperObject) }
}

fn wrapper_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let w = as_wrapper(obj);
    call_wrapper(as_wrapper_descr(&w.descr), &w.self_, args, kwnames)
}

fn wrapper_repr(obj: &PyObject) -> PyResult {
    let w = as_wrapper(obj);
    let d = as_wrapper_descr(&w.descr);
    Ok(PyUnicode_FromString(&format!(
        "<method-wrapper '{}' of {} object at {:p}>",
        descr_name(&d.common),
        w.self_.ob_type().name(),
        w.self_.as_ptr()
    )))
}

fn wrapper_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !b.is_type(&_PyMethodWrapper_Type) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let (wa, wb) = (as_wrapper(a), as_wrapper(b));
    let eq = wa.descr.is(&wb.descr) && wa.self_.is(&wb.self_);
    Ok(crate::boolobject::PyBool_FromLong(if op == CompareOp::Eq {
        eq
    } else {
        !eq
    }))
}

fn wrapper_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    let w = as_wrapper(obj);
    let x = crate::pyhash::_Py_HashPointer(w.self_.as_ptr() as usize);
    let y = crate::pyhash::_Py_HashPointer(w.descr.as_ptr() as usize);
    let h = x ^ y;
    Ok(if h == -1 { -2 } else { h })
}

unsafe fn wrapper_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead method-wrapper.
    unsafe { dealloc_object::<PyWrapperObject>(op) }
}

fn wrapper_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let w = as_wrapper(obj);
    visit(&w.descr);
    visit(&w.self_);
}

fn wrapper_self(obj: &PyObject) -> PyResult {
    Ok(as_wrapper(obj).self_.clone())
}

fn wrapper_name(obj: &PyObject) -> PyResult {
    Ok(as_wrapper_descr(&as_wrapper(obj).descr)
        .common
        .d_name
        .clone())
}

fn wrapper_doc(obj: &PyObject) -> PyResult {
    wrapperdescr_doc(&as_wrapper(obj).descr)
}

fn wrapper_objclass(obj: &PyObject) -> PyResult {
    descr_get_objclass(&as_wrapper(obj).descr)
}

fn wrapper_qualname(obj: &PyObject) -> PyResult {
    descr_get_qualname(&as_wrapper(obj).descr)
}

fn wrapper_text_signature(obj: &PyObject) -> PyResult {
    wrapperdescr_text_signature(&as_wrapper(obj).descr)
}

static WRAPPER_GETSET: [PyGetSetDef; 6] = [
    PyGetSetDef::getter("__objclass__", wrapper_objclass),
    PyGetSetDef::getter("__name__", wrapper_name),
    PyGetSetDef::getter("__qualname__", wrapper_qualname),
    PyGetSetDef::getter("__doc__", wrapper_doc),
    PyGetSetDef::getter("__text_signature__", wrapper_text_signature),
    PyGetSetDef::getter("__self__", wrapper_self),
];

/// `method-wrapper`.
pub static _PyMethodWrapper_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "method-wrapper",
    tp_basicsize: Cell::new(size_of::<PyWrapperObject>()),
    tp_dealloc: slot(wrapper_dealloc),
    tp_repr: slot(wrapper_repr),
    tp_hash: slot(wrapper_hash),
    tp_call: slot(wrapper_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(wrapper_traverse),
    tp_richcompare: slot(wrapper_richcompare),
    tp_getset: &WRAPPER_GETSET,
    ..PyTypeObject::DEFAULT
};

// --- getset_descriptor -------------------------------------------------------------------

/// `PyGetSetDescrObject`.
#[repr(C)]
pub struct PyGetSetDescrObject {
    pub common: PyDescrObject,
    pub d_getset: &'static PyGetSetDef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyGetSetDescrObject {}

/// `PyDescr_NewGetSet`.
pub fn PyDescr_NewGetSet(tp: &PyTypeObject, def: &'static PyGetSetDef) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyGetSetDescr_Type,
            PyGetSetDescrObject {
                common: PyDescrObject::new(tp, def.name),
                d_getset: def,
            },
        )
    }
    .into_object()
}

fn as_getset(obj: &PyObject) -> &PyGetSetDescrObject {
    // SAFETY: only installed on `getset_descriptor`.
    unsafe { &*(obj as *const PyObject as *const PyGetSetDescrObject) }
}

fn getset_get(obj: &PyObject, inst: Option<&PyObject>, _owner: Option<&PyObject>) -> PyResult {
    let d = as_getset(obj);
    let Some(inst) = inst else {
        return Ok(obj.to_owned());
    };
    descr_check(&d.common, inst)?;
    match d.d_getset.get {
        Some(f) => f(inst),
        None => Err(attribute_error(format!(
            "attribute '{}' of '{}' objects is not readable",
            descr_name(&d.common),
            d.common.d_type.name()
        ))),
    }
}

fn getset_set(obj: &PyObject, inst: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let d = as_getset(obj);
    descr_check(&d.common, inst)?;
    match d.d_getset.set {
        Some(f) => f(inst, value),
        None => Err(attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            descr_name(&d.common),
            d.common.d_type.name()
        ))),
    }
}

fn getset_repr(obj: &PyObject) -> PyResult {
    descr_repr(&as_getset(obj).common, "attribute")
}

unsafe fn getset_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead getset descriptor.
    unsafe { dealloc_object::<PyGetSetDescrObject>(op) }
}

fn getset_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    descr_traverse(&as_getset(obj).common, visit);
}

fn getset_doc(obj: &PyObject) -> PyResult {
    match as_getset(obj).d_getset.doc {
        Some(doc) => Ok(PyUnicode_FromString(doc)),
        None => Ok(none()),
    }
}

static GETSET_GETSET: [PyGetSetDef; 4] = [
    PyGetSetDef::getter("__doc__", getset_doc),
    PyGetSetDef::getter("__qualname__", descr_get_qualname),
    PyGetSetDef::getter("__objclass__", descr_get_objclass),
    PyGetSetDef::getter("__name__", descr_get_name),
];

/// `getset_descriptor`.
pub static PyGetSetDescr_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "getset_descriptor",
    tp_basicsize: Cell::new(size_of::<PyGetSetDescrObject>()),
    tp_dealloc: slot(getset_dealloc),
    tp_repr: slot(getset_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(getset_traverse),
    tp_getset: &GETSET_GETSET,
    tp_descr_get: slot(getset_get),
    tp_descr_set: slot(getset_set),
    ..PyTypeObject::DEFAULT
};

// --- member_descriptor ----------------------------------------------------------------------

/// What a member descriptor reads and writes.
#[derive(Clone, Debug)]
pub struct MemberSpec {
    pub name: String,
    pub type_code: MemberType,
    pub offset: usize,
    pub readonly: bool,
    pub doc: Option<&'static str>,
}

/// `PyMemberDescrObject`.
#[repr(C)]
pub struct PyMemberDescrObject {
    pub common: PyDescrObject,
    pub spec: MemberSpec,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyMemberDescrObject {}

impl PyTypeInfo for PyMemberDescrObject {
    fn type_object() -> &'static PyTypeObject {
        &PyMemberDescr_Type
    }
}

impl PyMemberDescrObject {
    pub fn d_type(&self) -> &PyTypeObject {
        &self.common.d_type
    }
}

/// `PyDescr_NewMember`.
pub fn PyDescr_NewMember(tp: &PyTypeObject, spec: MemberSpec) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyMemberDescr_Type,
            PyMemberDescrObject {
                common: PyDescrObject::new(tp, &spec.name),
                spec,
            },
        )
    }
    .into_object()
}

fn as_member(obj: &PyObject) -> &PyMemberDescrObject {
    // SAFETY: only installed on `member_descriptor`.
    unsafe { &*(obj as *const PyObject as *const PyMemberDescrObject) }
}

/// `PyMember_GetOne`.
fn member_get_one(inst: &PyObject, spec: &MemberSpec) -> PyResult {
    // SAFETY: the descriptor check guarantees `inst` has the layout the offset is for.
    let addr = unsafe { (inst.as_ptr() as *const u8).add(spec.offset) };
    // SAFETY: the member's type code says what is stored at `addr`.
    unsafe {
        match spec.type_code {
            MemberType::Object | MemberType::ObjectEx => {
                let cell = &*(addr as *const PyCell<Option<PyObjectRef>>);
                match cell.get() {
                    Some(v) => Ok(v),
                    None if spec.type_code == MemberType::Object => Ok(none()),
                    None => {
                        let err = attribute_error(format!(
                            "'{}' object has no attribute '{}'",
                            inst.ob_type().name(),
                            spec.name
                        ));
                        Err(err)
                    }
                }
            }
            MemberType::Int => Ok(crate::longobject::PyLong_FromLong(
                *(addr as *const i32) as i64,
            )),
            MemberType::PySsizeT => Ok(crate::longobject::PyLong_FromSsize_t(
                *(addr as *const isize),
            )),
            MemberType::Bool => Ok(crate::boolobject::PyBool_FromLong(*(addr as *const bool))),
            MemberType::Double => Ok(crate::floatobject::PyFloat_FromDouble(
                *(addr as *const f64),
            )),
        }
    }
}

/// `PyMember_SetOne`.
fn member_set_one(inst: &PyObject, spec: &MemberSpec, value: Option<&PyObject>) -> PyResult<()> {
    if spec.readonly {
        return Err(attribute_error("readonly attribute"));
    }
    // SAFETY: as in `member_get_one`.
    let addr = unsafe { (inst.as_ptr() as *const u8).add(spec.offset) };
    match spec.type_code {
        MemberType::Object | MemberType::ObjectEx => {
            // SAFETY: object members are `PyCell<Option<PyObjectRef>>`.
            let cell = unsafe { &*(addr as *const PyCell<Option<PyObjectRef>>) };
            if value.is_none() && spec.type_code == MemberType::ObjectEx && cell.get().is_none() {
                return Err(attribute_error(spec.name.clone()));
            }
            cell.set(value.map(|v| v.to_owned()));
            Ok(())
        }
        _ => {
            let Some(v) = value else {
                return Err(type_error("can't delete numeric/char attribute"));
            };
            match spec.type_code {
                MemberType::Bool => {
                    if !crate::boolobject::PyBoolObject_Check(v) {
                        return Err(type_error("attribute value type must be bool"));
                    }
                    // SAFETY: bool members are `Cell<bool>`.
                    unsafe {
                        (*(addr as *const Cell<bool>)).set(v.is(crate::boolobject::Py_True()))
                    };
                }
                MemberType::Double => {
                    let d = crate::floatobject::PyFloat_AsDouble(v)?;
                    // SAFETY: writable double members are `Cell<f64>`.
                    unsafe { (*(addr as *const Cell<f64>)).set(d) };
                }
                MemberType::Int => {
                    let n = crate::r#abstract::PyNumber_AsSsize_t(
                        v,
                        Some(&crate::exceptions::PyExc_OverflowError),
                    )?;
                    // SAFETY: int members are `Cell<i32>`.
                    unsafe { (*(addr as *const Cell<i32>)).set(n as i32) };
                }
                _ => {
                    // `PyLong_AsSsize_t`: an int (no `__index__`), in range.
                    if !crate::longobject::PyLongObject::check(v) {
                        return Err(type_error("an integer is required"));
                    }
                    let Some(n) = crate::longobject::PyLong_AsSsize_t_opt(v) else {
                        return Err(overflow_error(
                            "Python int too large to convert to C ssize_t",
                        ));
                    };
                    // SAFETY: Py_ssize_t members are `Cell<isize>`.
                    unsafe { (*(addr as *const Cell<isize>)).set(n) };
                }
            }
            Ok(())
        }
    }
}

fn member_get(obj: &PyObject, inst: Option<&PyObject>, _owner: Option<&PyObject>) -> PyResult {
    let d = as_member(obj);
    let Some(inst) = inst else {
        return Ok(obj.to_owned());
    };
    descr_check(&d.common, inst)?;
    member_get_one(inst, &d.spec)
}

fn member_set(obj: &PyObject, inst: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let d = as_member(obj);
    descr_check(&d.common, inst)?;
    member_set_one(inst, &d.spec, value)
}

fn member_repr(obj: &PyObject) -> PyResult {
    descr_repr(&as_member(obj).common, "member")
}

unsafe fn member_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead member descriptor.
    unsafe { dealloc_object::<PyMemberDescrObject>(op) }
}

fn member_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    descr_traverse(&as_member(obj).common, visit);
}

fn member_doc(obj: &PyObject) -> PyResult {
    Ok(match as_member(obj).spec.doc {
        Some(d) => PyUnicode_FromString(d),
        None => none(),
    })
}

static MEMBER_GETSET: [PyGetSetDef; 4] = [
    PyGetSetDef::getter("__doc__", member_doc),
    PyGetSetDef::getter("__qualname__", descr_get_qualname),
    PyGetSetDef::getter("__objclass__", descr_get_objclass),
    PyGetSetDef::getter("__name__", descr_get_name),
];

/// `member_descriptor`.
pub static PyMemberDescr_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "member_descriptor",
    tp_basicsize: Cell::new(size_of::<PyMemberDescrObject>()),
    tp_dealloc: slot(member_dealloc),
    tp_repr: slot(member_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(member_traverse),
    tp_getset: &MEMBER_GETSET,
    tp_descr_get: slot(member_get),
    tp_descr_set: slot(member_set),
    ..PyTypeObject::DEFAULT
};

// --- mappingproxy ---------------------------------------------------------------------------

/// `mappingproxyobject`: a read-only view of a mapping (`type.__dict__`).
#[repr(C)]
pub struct PyMappingProxyObject {
    pub ob_base: PyObject,
    pub mapping: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyMappingProxyObject {}

impl PyTypeInfo for PyMappingProxyObject {
    fn type_object() -> &'static PyTypeObject {
        &PyDictProxy_Type
    }
}

/// `PyDictProxy_New`.
pub fn PyDictProxy_New(mapping: PyObjectRef) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyDictProxy_Type,
            PyMappingProxyObject {
                ob_base: PyObject_HEAD_INIT,
                mapping,
            },
        )
    }
    .into_object()
}

fn as_proxy(obj: &PyObject) -> &PyMappingProxyObject {
    // SAFETY: only installed on `mappingproxy`.
    unsafe { &*(obj as *const PyObject as *const PyMappingProxyObject) }
}

fn mappingproxy_getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    crate::r#abstract::PyObject_GetItem(&as_proxy(obj).mapping, key)
}

fn mappingproxy_len(obj: &PyObject) -> PyResult<Py_ssize_t> {
    crate::r#abstract::PyObject_Size(&as_proxy(obj).mapping)
}

fn mappingproxy_contains(obj: &PyObject, key: &PyObject) -> PyResult<bool> {
    crate::r#abstract::PySequence_Contains(&as_proxy(obj).mapping, key)
}

fn mappingproxy_iter(obj: &PyObject) -> PyResult {
    crate::r#abstract::PyObject_GetIter(&as_proxy(obj).mapping)
}

fn mappingproxy_repr(obj: &PyObject) -> PyResult {
    let inner = PyObject_Repr(&as_proxy(obj).mapping)?;
    Ok(PyUnicode_FromString(&format!(
        "mappingproxy({})",
        as_str_lossy(&inner)
    )))
}

fn mappingproxy_str(obj: &PyObject) -> PyResult {
    PyObject_Str(&as_proxy(obj).mapping)
}

fn mappingproxy_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    PyObject_RichCompare(&as_proxy(a).mapping, b, op)
}

unsafe fn mappingproxy_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead mappingproxy.
    unsafe { dealloc_object::<PyMappingProxyObject>(op) }
}

fn mappingproxy_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit(&as_proxy(obj).mapping);
}

fn mappingproxy_method(obj: &PyObject, name: &str, args: &[PyObjectRef]) -> PyResult {
    let m = PyObject_GetAttr(
        &as_proxy(obj).mapping,
        &crate::unicodeobject::PyUnicode_InternFromString(name),
    )?;
    PyObject_Vectorcall(&m, args, None)
}

fn mappingproxy_keys(obj: &PyObject) -> PyResult {
    mappingproxy_method(obj, "keys", &[])
}

fn mappingproxy_values(obj: &PyObject) -> PyResult {
    mappingproxy_method(obj, "values", &[])
}

fn mappingproxy_items(obj: &PyObject) -> PyResult {
    mappingproxy_method(obj, "items", &[])
}

fn mappingproxy_copy(obj: &PyObject) -> PyResult {
    mappingproxy_method(obj, "copy", &[])
}

fn mappingproxy_get(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("get", args.len(), 1, 2)?;
    mappingproxy_method(obj, "get", args)
}

/// `mappingproxy_reversed`: the mapping's own `__reversed__()`.
fn mappingproxy_reversed(obj: &PyObject) -> PyResult {
    mappingproxy_method(obj, "__reversed__", &[])
}

/// `mappingproxy_or`: `proxy | other` is the underlying mappings' `|`.
fn mappingproxy_or(a: &PyObject, b: &PyObject) -> PyResult {
    let unwrap = |o: &PyObject| match o.downcast_ref::<PyMappingProxyObject>() {
        Some(p) => p.mapping.clone(),
        None => o.to_owned(),
    };
    crate::r#abstract::PyNumber_BinaryOp(&unwrap(a), &unwrap(b), include::opcode::nb::OR)
}

/// `mappingproxy_ior`: a proxy is read-only.
fn mappingproxy_ior(a: &PyObject, _b: &PyObject) -> PyResult {
    Err(type_error(format!(
        "'|=' is not supported by {}; use '|' instead",
        a.ob_type().name()
    )))
}

static MAPPINGPROXY_METHODS: [PyMethodDef; 7] = [
    PyMethodDef::new(
        "get",
        include::methodobject::PyCFunction::Fast(mappingproxy_get),
        "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None.",
    ),
    PyMethodDef::new(
        "keys",
        include::methodobject::PyCFunction::NoArgs(mappingproxy_keys),
        "D.keys() -> a set-like object providing a view on D's keys",
    ),
    PyMethodDef::new(
        "values",
        include::methodobject::PyCFunction::NoArgs(mappingproxy_values),
        "D.values() -> an object providing a view on D's values",
    ),
    PyMethodDef::new(
        "items",
        include::methodobject::PyCFunction::NoArgs(mappingproxy_items),
        "D.items() -> a set-like object providing a view on D's items",
    ),
    PyMethodDef::new(
        "copy",
        include::methodobject::PyCFunction::NoArgs(mappingproxy_copy),
        "D.copy() -> a shallow copy of D",
    ),
    crate::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
    PyMethodDef::new(
        "__reversed__",
        include::methodobject::PyCFunction::NoArgs(mappingproxy_reversed),
        "D.__reversed__() -> reverse iterator",
    ),
];

fn mappingproxy_new(
    _tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let args = crate::getargs::parse_args("mappingproxy", args, kwnames, &["mapping"], 1)?;
    let mapping = args[0].clone().unwrap_or_else(none);
    let tp = mapping.ob_type();
    if tp.tp_as_mapping.mp_subscript.get().is_none()
        || crate::listobject::PyListObject::check(&mapping)
        || crate::tupleobject::PyTupleObject::check(&mapping)
    {
        return Err(type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            tp.name()
        )));
    }
    Ok(PyDictProxy_New(mapping))
}

/// `mappingproxy`.
pub static PyDictProxy_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "mappingproxy",
    tp_basicsize: Cell::new(size_of::<PyMappingProxyObject>()),
    tp_dealloc: slot(mappingproxy_dealloc),
    tp_repr: slot(mappingproxy_repr),
    tp_str: slot(mappingproxy_str),
    tp_as_number: include::cpython::object::PyNumberMethods {
        nb_or: slot(mappingproxy_or),
        nb_inplace_or: slot(mappingproxy_ior),
        ..include::cpython::object::PyNumberMethods::EMPTY
    },
    tp_as_mapping: include::cpython::object::PyMappingMethods {
        mp_length: slot(mappingproxy_len),
        mp_subscript: slot(mappingproxy_getitem),
        mp_ass_subscript: include::cpython::object::no_slot(),
    },
    tp_as_sequence: include::cpython::object::PySequenceMethods {
        sq_contains: slot(mappingproxy_contains),
        ..include::cpython::object::PySequenceMethods::EMPTY
    },
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING),
    tp_traverse: slot(mappingproxy_traverse),
    tp_richcompare: slot(mappingproxy_richcompare),
    tp_iter: slot(mappingproxy_iter),
    tp_methods: &MAPPINGPROXY_METHODS,
    tp_new: slot(mappingproxy_new),
    ..PyTypeObject::DEFAULT
};

// --- property ------------------------------------------------------------------------------

/// `propertyobject`.
#[repr(C)]
pub struct PyPropertyObject {
    pub ob_base: PyObject,
    pub prop_get: PyCell<Option<PyObjectRef>>,
    pub prop_set: PyCell<Option<PyObjectRef>>,
    pub prop_del: PyCell<Option<PyObjectRef>>,
    pub prop_doc: PyCell<Option<PyObjectRef>>,
    pub prop_name: PyCell<Option<PyObjectRef>>,
    pub getter_doc: Cell<bool>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyPropertyObject {}

impl PyTypeInfo for PyPropertyObject {
    fn type_object() -> &'static PyTypeObject {
        &PyProperty_Type
    }
}

fn as_property(obj: &PyObject) -> &PyPropertyObject {
    // SAFETY: only installed on `property` and subclasses.
    unsafe { &*(obj as *const PyObject as *const PyPropertyObject) }
}

fn property_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    // SAFETY: `tp` is property or a subclass; the fields are complete.
    let p = unsafe {
        alloc_object(
            tp,
            PyPropertyObject {
                ob_base: PyObject_HEAD_INIT,
                prop_get: PyCell::new(None),
                prop_set: PyCell::new(None),
                prop_del: PyCell::new(None),
                prop_doc: PyCell::new(None),
                prop_name: PyCell::new(None),
                getter_doc: Cell::new(false),
            },
        )
    };
    Ok(p.into_object())
}

fn property_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let p = as_property(obj);
    let a = crate::getargs::parse_args(
        "property",
        args,
        kwnames,
        &["fget", "fset", "fdel", "doc"],
        0,
    )?;
    let norm = |v: &Option<PyObjectRef>| v.clone().filter(|o| !o.is(Py_None()));
    p.prop_get.set(norm(&a[0]));
    p.prop_set.set(norm(&a[1]));
    p.prop_del.set(norm(&a[2]));
    let doc = norm(&a[3]);
    p.getter_doc.set(false);
    p.prop_doc.set(doc.clone());
    // If no docstring is given and the getter has one, use the getter's. A
    // subclass stores it on the instance (its dict or a slot), where it shadows the
    // class's own `__doc__`; with no room for it, setting it fails.
    if doc.is_none() {
        if let Some(g) = p.prop_get.get() {
            if let Some(gd) = _PyObject_LookupAttr(&g, crate::intern!("__doc__"))? {
                if !gd.is(Py_None()) {
                    if obj.is_type(&PyProperty_Type) {
                        p.prop_doc.set(Some(gd));
                    } else {
                        PyObject_SetAttr(obj, crate::intern!("__doc__"), Some(&gd))?;
                    }
                    p.getter_doc.set(true);
                }
            }
        }
    }
    Ok(())
}

fn property_descr_get(
    obj: &PyObject,
    inst: Option<&PyObject>,
    _owner: Option<&PyObject>,
) -> PyResult {
    let Some(inst) = inst.filter(|i| !i.is(Py_None())) else {
        return Ok(obj.to_owned());
    };
    let p = as_property(obj);
    match p.prop_get.get() {
        Some(g) => PyObject_Vectorcall(&g, &[inst.to_owned()], None),
        None => Err(property_error(obj, inst, "getter")),
    }
}

fn property_error(obj: &PyObject, inst: &PyObject, what: &str) -> PyErr {
    let p = as_property(obj);
    let qual = crate::typeobject::type_qualname(inst.ob_type()).unwrap_or_default();
    match p.prop_name.get() {
        Some(n) => attribute_error(format!(
            "property '{}' of '{}' object has no {}",
            as_str_lossy(&n),
            qual,
            what
        )),
        None => attribute_error(format!("property of '{qual}' object has no {what}")),
    }
}

fn property_descr_set(obj: &PyObject, inst: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let p = as_property(obj);
    match value {
        Some(v) => match p.prop_set.get() {
            Some(f) => PyObject_Vectorcall(&f, &[inst.to_owned(), v.to_owned()], None).map(|_| ()),
            None => Err(property_error(obj, inst, "setter")),
        },
        None => match p.prop_del.get() {
            Some(f) => PyObject_Vectorcall(&f, &[inst.to_owned()], None).map(|_| ()),
            None => Err(property_error(obj, inst, "deleter")),
        },
    }
}

/// `property.getter/setter/deleter`: a copy of the property with one function replaced
/// (`property_copy`).
fn property_copy(
    obj: &PyObject,
    get: Option<PyObjectRef>,
    set: Option<PyObjectRef>,
    del: Option<PyObjectRef>,
) -> PyResult {
    let p = as_property(obj);
    let get = get.or_else(|| p.prop_get.get()).unwrap_or_else(none);
    let set = set.or_else(|| p.prop_set.get()).unwrap_or_else(none);
    let del = del.or_else(|| p.prop_del.get()).unwrap_or_else(none);
    // A doc copied from the old getter follows the new getter.
    let doc = if p.getter_doc.get() {
        none()
    } else {
        p.prop_doc.get().unwrap_or_else(none)
    };
    let new = PyObject_Vectorcall(obj.ob_type().as_object(), &[get, set, del, doc], None)?;
    if let Some(np) = new.downcast_ref::<PyPropertyObject>() {
        np.prop_name.set(p.prop_name.get());
    }
    Ok(new)
}

fn property_getter(obj: &PyObject, f: &PyObject) -> PyResult {
    property_copy(obj, Some(f.to_owned()), None, None)
}

fn property_setter(obj: &PyObject, f: &PyObject) -> PyResult {
    property_copy(obj, None, Some(f.to_owned()), None)
}

fn property_deleter(obj: &PyObject, f: &PyObject) -> PyResult {
    property_copy(obj, None, None, Some(f.to_owned()))
}

fn property_set_name(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    if args.len() != 2 {
        return Err(type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            args.len()
        )));
    }
    as_property(obj).prop_name.set(Some(args[1].clone()));
    Ok(none())
}

fn property_doc_get(obj: &PyObject) -> PyResult {
    Ok(as_property(obj).prop_doc.get().unwrap_or_else(none))
}

fn property_doc_set(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    as_property(obj).prop_doc.set(value.map(|v| v.to_owned()));
    Ok(())
}

fn property_isabstract(obj: &PyObject) -> PyResult {
    let p = as_property(obj);
    let key = crate::intern!("__isabstractmethod__");
    for f in [p.prop_get.get(), p.prop_set.get(), p.prop_del.get()]
        .into_iter()
        .flatten()
    {
        if let Some(v) = _PyObject_LookupAttr(&f, key)? {
            if PyObject_IsTrue(&v)? {
                return Ok(crate::boolobject::PyBool_FromLong(true));
            }
        }
    }
    Ok(crate::boolobject::PyBool_FromLong(false))
}

unsafe fn property_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead property.
    unsafe { dealloc_object::<PyPropertyObject>(op) }
}

fn property_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let p = as_property(obj);
    for c in [
        &p.prop_get,
        &p.prop_set,
        &p.prop_del,
        &p.prop_doc,
        &p.prop_name,
    ] {
        // SAFETY: traversal runs no Python code.
        if let Some(o) = unsafe { c.get_ref() } {
            visit(o);
        }
    }
}

fn property_clear(obj: &PyObject) {
    let p = as_property(obj);
    for c in [
        &p.prop_get,
        &p.prop_set,
        &p.prop_del,
        &p.prop_doc,
        &p.prop_name,
    ] {
        c.set(None);
    }
}

static PROPERTY_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "getter",
        include::methodobject::PyCFunction::O(property_getter),
        "Descriptor to obtain a copy of the property with a different getter.",
    ),
    PyMethodDef::new(
        "setter",
        include::methodobject::PyCFunction::O(property_setter),
        "Descriptor to obtain a copy of the property with a different setter.",
    ),
    PyMethodDef::new(
        "deleter",
        include::methodobject::PyCFunction::O(property_deleter),
        "Descriptor to obtain a copy of the property with a different deleter.",
    ),
    PyMethodDef::new(
        "__set_name__",
        include::methodobject::PyCFunction::Fast(property_set_name),
        "Method to set name of a property.",
    ),
];

// `property_members`: the three functions are read-only T_OBJECT members, so that
// assigning one says "readonly attribute" as CPython's does.
static PROPERTY_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef::new(
        "fget",
        MemberType::Object,
        std::mem::offset_of!(PyPropertyObject, prop_get),
        READONLY,
    ),
    PyMemberDef::new(
        "fset",
        MemberType::Object,
        std::mem::offset_of!(PyPropertyObject, prop_set),
        READONLY,
    ),
    PyMemberDef::new(
        "fdel",
        MemberType::Object,
        std::mem::offset_of!(PyPropertyObject, prop_del),
        READONLY,
    ),
];

static PROPERTY_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef::getset("__doc__", property_doc_get, property_doc_set),
    PyGetSetDef::getter("__isabstractmethod__", property_isabstract),
];

/// `property`.
pub static PyProperty_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "property",
    tp_basicsize: Cell::new(size_of::<PyPropertyObject>()),
    tp_dealloc: slot(property_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("Property attribute.\n\n  fget\n    function to be used for getting an attribute value\n  fset\n    function to be used for setting an attribute value\n  fdel\n    function to be used for del'ing an attribute\n  doc\n    docstring\n\nTypical use is to define a managed attribute x:\n\nclass C(object):\n    def getx(self): return self._x\n    def setx(self, value): self._x = value\n    def delx(self): del self._x\n    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\nDecorators make defining new properties or modifying existing ones easy:\n\nclass C(object):\n    @property\n    def x(self):\n        \"I am the 'x' property.\"\n        return self._x\n    @x.setter\n    def x(self, value):\n        self._x = value\n    @x.deleter\n    def x(self):\n        del self._x"),
    tp_traverse: slot(property_traverse),
    tp_clear: slot(property_clear),
    tp_methods: &PROPERTY_METHODS,
    tp_members: &PROPERTY_MEMBERS,
    tp_getset: &PROPERTY_GETSET,
    tp_descr_get: slot(property_descr_get),
    tp_descr_set: slot(property_descr_set),
    tp_init: slot(property_init),
    tp_new: slot(property_new),
    ..PyTypeObject::DEFAULT
};
