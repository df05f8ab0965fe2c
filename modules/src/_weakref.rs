//! The `_weakref` module: the weak-reference types and the functions `weakref.py`
//! builds on. Mirrors Modules/_weakref.c (CPython 3.11); the types themselves are
//! `objects::weakrefobject` (Objects/weakrefobject.c).

use include::methodobject::{PyCFunction, PyMethodDef};

use objects::dictobject::{PyDictObject, PyDict_DelItem, PyDict_GetItemWithError};
use objects::getargs::check_positional;
use objects::listobject::PyList_New;
use objects::longobject::PyLong_FromSsize_t;
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::none;
use objects::prelude::*;
use objects::weakrefobject::*;

/// `_weakref.getweakrefcount(object, /)`: how many weak references and proxies
/// refer to `object`.
fn _weakref_getweakrefcount(_m: &PyObject, object: &PyObject) -> PyResult {
    if !_PyType_SUPPORTS_WEAKREFS(object.ob_type()) {
        return Ok(PyLong_FromSsize_t(0));
    }
    // SAFETY: the type supports weak references; the list word is read once.
    let head = unsafe { *weakrefs_listptr(object) };
    Ok(PyLong_FromSsize_t(_PyWeakref_GetWeakrefCount(head) as isize))
}

/// `_weakref.getweakrefs(object, /)`: the weak references and proxies to `object`,
/// in list order.
fn _weakref_getweakrefs(_m: &PyObject, object: &PyObject) -> PyResult {
    let mut items = Vec::new();
    if _PyType_SUPPORTS_WEAKREFS(object.ob_type()) {
        // SAFETY: the type supports weak references; members of the list are live
        // weak references, and taking references to them runs no Python code.
        unsafe {
            let mut current = *weakrefs_listptr(object);
            while !current.is_null() {
                items.push((*current).ob_base.to_owned());
                current = (*current).wr_next.get();
            }
        }
    }
    Ok(PyList_New(items).into_object())
}

/// `_weakref._remove_dead_weakref(dct, key, /)`: delete `dct[key]` if it is a dead
/// weak reference; a missing key is fine (another path may have removed it).
fn _weakref__remove_dead_weakref(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("_remove_dead_weakref", args.len(), 2, 2)?;
    let Some(dct) = args[0].downcast_ref::<PyDictObject>() else {
        return Err(type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            args[0].ob_type().name()
        )));
    };
    let key = &args[1];
    let Some(value) = PyDict_GetItemWithError(dct, key)? else {
        return Ok(none());
    };
    if !PyWeakref_Check(&value) {
        return Err(type_error("not a weakref"));
    }
    // SAFETY: `PyWeakref_Check` says the layout is `PyWeakReference`.
    let wr = unsafe { &*(value.as_ptr() as *const PyWeakReference) };
    if wr.object().is_none() {
        match PyDict_DelItem(dct, key) {
            Ok(()) => {}
            Err(e) if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_KeyError) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(none())
}

/// `_weakref.proxy(object, callback=None, /)`.
fn weakref_proxy(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("proxy", args.len(), 1, 2)?;
    PyWeakref_NewProxy(&args[0], args.get(1).map(|c| &**c))
}

static WEAKREF_FUNCTIONS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "getweakrefcount",
        PyCFunction::O(_weakref_getweakrefcount),
        "getweakrefcount($module, object, /)\n--\n\nReturn the number of weak references to 'object'.",
    ),
    PyMethodDef::new(
        "_remove_dead_weakref",
        PyCFunction::Fast(_weakref__remove_dead_weakref),
        "_remove_dead_weakref($module, dct, key, /)\n--\n\nAtomically remove key from dict if it points to a dead weakref.",
    ),
    PyMethodDef::new(
        "getweakrefs",
        PyCFunction::O(_weakref_getweakrefs),
        "getweakrefs($module, object, /)\n--\n\nReturn a list of all weak reference objects pointing to 'object'.",
    ),
    PyMethodDef::new(
        "proxy",
        PyCFunction::Fast(weakref_proxy),
        "proxy($module, object, callback=None, /)\n--\n\nCreate a proxy object that weakly references 'object'.\n\n'callback', if given, is called with a reference to the\nproxy when 'object' is about to be finalized.",
    ),
];

/// Make the `_weakref` module (`PyInit__weakref`).
pub fn PyInit__weakref() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_weakref")?;
    PyModule_AddFunctions(&m, &WEAKREF_FUNCTIONS)?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &objects::unicodeobject::PyUnicode_FromString("Weak-reference support module."),
    )?;
    PyModule_AddObject(&m, "ref", _PyWeakref_RefType.as_object())?;
    PyModule_AddObject(&m, "ReferenceType", _PyWeakref_RefType.as_object())?;
    PyModule_AddObject(&m, "ProxyType", _PyWeakref_ProxyType.as_object())?;
    PyModule_AddObject(
        &m,
        "CallableProxyType",
        _PyWeakref_CallableProxyType.as_object(),
    )?;
    Ok(m)
}
