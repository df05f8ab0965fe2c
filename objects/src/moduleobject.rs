//! Module objects. Mirrors Objects/moduleobject.c (CPython 3.11).

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::descrobject::{MemberType, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::dictobject::{PyDictObject, PyDict_GetItemWithError, PyDict_New, PyDict_SetItem};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{as_str_lossy, PyUnicodeObject, PyUnicode_FromString};

/// `PyModuleObject`.
#[repr(C)]
pub struct PyModuleObject {
    pub ob_base: PyObject,
    /// The module's namespace (`__dict__`); never replaced.
    pub md_dict: PyObjectRef,
    pub md_weaklist: PyCell<Option<PyObjectRef>>,
    /// The module is implemented in Rust (its repr says "(built-in)").
    pub md_builtin: Cell<bool>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyModuleObject {}

impl PyTypeInfo for PyModuleObject {
    fn type_object() -> &'static PyTypeObject {
        &PyModule_Type
    }
}

impl PyModuleObject {
    /// The namespace dict.
    pub fn dict(&self) -> &PyDictObject {
        // SAFETY: `md_dict` is always a dict.
        unsafe { self.md_dict.downcast_ref_unchecked::<PyDictObject>() }
    }
}

fn module_init_dict(d: &PyDictObject, name: &PyObject, doc: &PyObject) -> PyResult<()> {
    PyDict_SetItem(d, crate::intern!("__name__"), name)?;
    PyDict_SetItem(d, crate::intern!("__doc__"), doc)?;
    PyDict_SetItem(d, crate::intern!("__package__"), Py_None())?;
    PyDict_SetItem(d, crate::intern!("__loader__"), Py_None())?;
    PyDict_SetItem(d, crate::intern!("__spec__"), Py_None())?;
    Ok(())
}

fn module_alloc(tp: &PyTypeObject) -> PyRef<PyModuleObject> {
    // SAFETY: `tp` is module or a subclass; the fields are complete.
    unsafe {
        alloc_object(
            tp,
            PyModuleObject {
                ob_base: PyObject_HEAD_INIT,
                md_dict: PyDict_New().into_object(),
                md_weaklist: PyCell::new(None),
                md_builtin: Cell::new(false),
            },
        )
    }
}

/// `_PyModule_ClearDict`: empty a module namespace at shutdown, in CPython's order so
/// that destructors of globals run predictably: first every name starting with a
/// single underscore, then all the others except `__builtins__`. Values are replaced
/// by `None` rather than deleted, so code run by a destructor finds the names.
pub fn _PyModule_ClearDict(d: &PyDictObject) -> PyResult<()> {
    // The code point at `i`, or 0 past the end (C's terminating NUL).
    let key_char =
        |k: &PyObject, i: usize| match k.downcast_ref::<crate::unicodeobject::PyUnicodeObject>() {
            Some(u) if i < u.len() => Some(u.char_at(i)),
            Some(_) => Some(0),
            None => None,
        };
    let mut pos = 0;
    while let Some((k, v)) = crate::dictobject::PyDict_Next(d, &mut pos) {
        if !v.is(Py_None())
            && key_char(&k, 0) == Some(u32::from(b'_'))
            && key_char(&k, 1) != Some(u32::from(b'_'))
        {
            PyDict_SetItem(d, &k, Py_None())?;
        }
    }
    let mut pos = 0;
    while let Some((k, v)) = crate::dictobject::PyDict_Next(d, &mut pos) {
        let is_str = crate::unicodeobject::PyUnicodeObject::check(&k);
        if !v.is(Py_None()) && is_str && crate::unicodeobject::as_str_lossy(&k) != "__builtins__" {
            PyDict_SetItem(d, &k, Py_None())?;
        }
    }
    Ok(())
}

/// `_PyModule_Clear`: clear a module's namespace (see [`_PyModule_ClearDict`]).
pub fn _PyModule_Clear(m: &PyModuleObject) -> PyResult<()> {
    _PyModule_ClearDict(m.dict())
}

/// `PyModule_New`: an empty module named `name`.
pub fn PyModule_New(name: &str) -> PyResult<PyRef<PyModuleObject>> {
    let m = module_alloc(&PyModule_Type);
    module_init_dict(
        m.dict(),
        &crate::unicodeobject::PyUnicode_InternFromString(name),
        Py_None(),
    )?;
    Ok(m)
}

/// Add `value` to a module's namespace as `name` (`PyModule_AddObjectRef`).
pub fn PyModule_AddObject(m: &PyModuleObject, name: &str, value: &PyObject) -> PyResult<()> {
    PyDict_SetItem(
        m.dict(),
        &crate::unicodeobject::PyUnicode_InternFromString(name),
        value,
    )
}

/// Add the functions of a method table, bound to the module (`PyModule_AddFunctions`).
pub fn PyModule_AddFunctions(m: &PyModuleObject, defs: &'static [PyMethodDef]) -> PyResult<()> {
    let name = PyDict_GetItemWithError(m.dict(), crate::intern!("__name__"))?.unwrap_or_else(none);
    for def in defs {
        let f = crate::methodobject::PyCFunction_NewModule(def, m.as_object(), name.clone());
        PyModule_AddObject(m, def.ml_name, &f)?;
    }
    Ok(())
}

/// `PyModule_GetNameObject`.
pub fn PyModule_GetName(m: &PyModuleObject) -> PyResult<PyObjectRef> {
    match PyDict_GetItemWithError(m.dict(), crate::intern!("__name__"))? {
        Some(n) if PyUnicodeObject::check(&n) => Ok(n),
        _ => Err(system_error("nameless module")),
    }
}

fn as_module(obj: &PyObject) -> &PyModuleObject {
    // SAFETY: only installed on `module` and subclasses.
    unsafe { &*(obj as *const PyObject as *const PyModuleObject) }
}

fn module_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    Ok(module_alloc(tp).into_object())
}

fn module_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let a = crate::getargs::parse_args("module", args, kwnames, &["name", "doc"], 1)?;
    let name = a[0].clone().unwrap_or_else(none);
    if !PyUnicodeObject::check(&name) {
        return Err(type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            name.ob_type().name()
        )));
    }
    let doc = a[1].clone().unwrap_or_else(none);
    module_init_dict(as_module(obj).dict(), &name, &doc)
}

/// Module attribute lookup with PEP 562's module-level `__getattr__`
/// (`module_getattro`).
fn module_getattro(obj: &PyObject, name: &PyObject) -> PyResult {
    if let Some(v) = _PyObject_GenericGetAttrWithDict(obj, name, None, true)? {
        return Ok(v);
    }
    let d = as_module(obj).dict();
    if let Some(getattr) = PyDict_GetItemWithError(d, crate::intern!("__getattr__"))? {
        return crate::call::PyObject_CallOneArg(&getattr, name);
    }
    let err = match PyDict_GetItemWithError(d, crate::intern!("__name__"))? {
        Some(mn) if PyUnicodeObject::check(&mn) => attribute_error(format!(
            "module '{}' has no attribute '{}'",
            as_str_lossy(&mn),
            as_str_lossy(name)
        )),
        _ => attribute_error(format!("module has no attribute '{}'", as_str_lossy(name))),
    };
    crate::exceptions::set_attribute_error_context(&err, obj, name);
    Err(err)
}

fn module_repr(obj: &PyObject) -> PyResult {
    let m = as_module(obj);
    let d = m.dict();
    let name = match PyDict_GetItemWithError(d, crate::intern!("__name__"))? {
        Some(n) if PyUnicodeObject::check(&n) => {
            PyObject_Repr(&n).map(|r| as_str_lossy(&r).into_owned())?
        }
        _ => "'?'".into(),
    };
    if let Some(f) = PyDict_GetItemWithError(d, crate::intern!("__file__"))? {
        if PyUnicodeObject::check(&f) {
            return Ok(PyUnicode_FromString(&format!(
                "<module {} from {}>",
                name,
                as_str_lossy(&*PyObject_Repr(&f)?)
            )));
        }
    }
    if m.md_builtin.get() {
        return Ok(PyUnicode_FromString(&format!("<module {name} (built-in)>")));
    }
    Ok(PyUnicode_FromString(&format!("<module {name}>")))
}

/// `module_dir`: the names in `self.__dict__`, looked up as an attribute so that a
/// subclass's `__dict__` property is honoured (and must give a dict).
fn module_dir(obj: &PyObject) -> PyResult {
    let dict = crate::object::PyObject_GetAttr(obj, crate::intern!("__dict__"))?;
    let Some(d) = dict.downcast_ref::<PyDictObject>() else {
        return Err(type_error("<module>.__dict__ is not a dictionary"));
    };
    if let Some(f) = PyDict_GetItemWithError(d, crate::intern!("__dir__"))? {
        return crate::call::PyObject_CallNoArgs(&f);
    }
    Ok(crate::dictobject::PyDict_Keys(d).into_object())
}

unsafe fn module_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead module.
    unsafe {
        include::gc::gc_untrack(op);
        crate::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PyModuleObject>(op)
    }
}

fn module_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit(&as_module(obj).md_dict);
}

fn module_clear(obj: &PyObject) {
    crate::dictobject::PyDict_Clear(as_module(obj).dict());
}

static MODULE_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__dir__",
    PyCFunction::NoArgs(module_dir),
    "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for modules.",
)];

static MODULE_MEMBERS: [PyMemberDef; 1] = [PyMemberDef::new(
    "__dict__",
    MemberType::Object,
    std::mem::offset_of!(PyModuleObject, md_dict),
    READONLY,
)];

/// `module`.
pub static PyModule_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "module",
    tp_basicsize: Cell::new(size_of::<PyModuleObject>()),
    tp_dealloc: slot(module_dealloc),
    tp_repr: slot(module_repr),
    tp_getattro: slot(module_getattro),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("module(name, doc=None)\n--\n\nCreate a module object.\n\nThe name must be a string; the optional doc argument can have any type."),
    tp_traverse: slot(module_traverse),
    tp_clear: slot(module_clear),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyModuleObject, md_weaklist)),
    tp_methods: &MODULE_METHODS,
    tp_members: &MODULE_MEMBERS,
    tp_dictoffset: Cell::new(std::mem::offset_of!(PyModuleObject, md_dict)),
    tp_init: slot(module_init),
    tp_new: slot(module_new),
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyModule_Type]
}
