//! Python functions, `staticmethod` and `classmethod`. Mirrors Objects/funcobject.c
//! (CPython 3.11).
//!
//! Calling a function runs its code in a new frame; that is the interpreter's job, so
//! `tp_call` goes through `pyhooks::hooks().function_call` (the eval loop itself calls
//! functions without this indirection, pushing frames on its own stack).

use std::cell::Cell;
use std::mem::size_of;

use include::code::PyCodeObject;
use include::cpython::object::flags::*;
use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef, READONLY};

use crate::call::PyObject_Vectorcall;
use crate::dictobject::{PyDictObject, PyDict_GetItemWithError, PyDict_New};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::PyTupleObject;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{as_str_lossy, PyUnicodeObject, PyUnicode_FromString};

/// `PyFunctionObject`.
#[repr(C)]
pub struct PyFunctionObject {
    pub ob_base: PyObject,
    /// `__globals__`, a dict.
    pub func_globals: PyObjectRef,
    /// The builtins namespace the code sees (a dict).
    pub func_builtins: PyObjectRef,
    pub func_name: PyCell<PyObjectRef>,
    pub func_qualname: PyCell<PyObjectRef>,
    pub func_code: PyCell<PyRef<PyCodeObject>>,
    /// `__defaults__`: a tuple or `None`.
    pub func_defaults: PyCell<Option<PyObjectRef>>,
    /// `__kwdefaults__`: a dict or `None`.
    pub func_kwdefaults: PyCell<Option<PyObjectRef>>,
    /// `__closure__`: a tuple of cells or `None`.
    pub func_closure: PyCell<Option<PyObjectRef>>,
    pub func_doc: PyCell<PyObjectRef>,
    pub func_dict: PyCell<Option<PyObjectRef>>,
    pub func_weakreflist: PyCell<Option<PyObjectRef>>,
    pub func_module: PyCell<PyObjectRef>,
    /// `__annotations__`: a dict, or a tuple of name/value pairs from the compiler
    /// until first read.
    pub func_annotations: PyCell<Option<PyObjectRef>>,
    /// Changes when `__code__`, `__defaults__` or `__kwdefaults__` change; keys the
    /// interpreter's call specialisations.
    pub func_version: Cell<u32>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyFunctionObject {}

impl PyTypeInfo for PyFunctionObject {
    fn type_object() -> &'static PyTypeObject {
        &PyFunction_Type
    }
}

impl PyFunctionObject {
    /// The code object (a new reference, since `__code__` can be reassigned).
    #[inline]
    pub fn code(&self) -> PyRef<PyCodeObject> {
        self.func_code.get()
    }
}

static NEXT_FUNC_VERSION: include::object::GlobalCell<Cell<u32>> =
    include::object::GlobalCell::new(Cell::new(1));

fn next_version() -> u32 {
    // SAFETY: a Cell in a global.
    let c = unsafe { NEXT_FUNC_VERSION.get_ref() };
    let v = c.get();
    c.set(v.wrapping_add(1).max(1));
    v
}

/// The builtins dict for code run with `globals` (`_PyEval_BuiltinsFromGlobals`):
/// `globals['__builtins__']` (a module's dict if it is a module), else `default`.
pub fn builtins_from_globals(globals: &PyDictObject, default: &PyObject) -> PyResult<PyObjectRef> {
    match PyDict_GetItemWithError(globals, crate::intern!("__builtins__"))? {
        Some(b) => {
            if let Some(m) = b.downcast_ref::<crate::moduleobject::PyModuleObject>() {
                return Ok(m.md_dict.clone());
            }
            Ok(b)
        }
        None => Ok(default.to_owned()),
    }
}

/// `PyFunction_NewWithQualName`: a function for `code` in `globals` (what
/// `MAKE_FUNCTION` does before attaching defaults, closure and annotations).
pub fn PyFunction_New(
    code: PyRef<PyCodeObject>,
    globals: PyObjectRef,
    builtins: PyObjectRef,
) -> PyResult<PyRef<PyFunctionObject>> {
    let name = code.co_name.clone();
    let qualname = code.co_qualname.clone();
    // The docstring is the first constant when it is a str (3.11's rule).
    // SAFETY: `co_consts` is always a tuple.
    let consts = unsafe { code.co_consts.downcast_ref_unchecked::<PyTupleObject>() };
    let doc = match consts.as_slice().first() {
        Some(d) if PyUnicodeObject::check(d) => d.clone(),
        _ => none(),
    };
    let module = match globals.downcast_ref::<PyDictObject>() {
        Some(g) => PyDict_GetItemWithError(g, crate::intern!("__name__"))?.unwrap_or_else(none),
        None => none(),
    };
    // SAFETY: the fields are complete.
    let f = unsafe {
        alloc_object(
            &PyFunction_Type,
            PyFunctionObject {
                ob_base: PyObject_HEAD_INIT,
                func_globals: globals,
                func_builtins: builtins,
                func_name: PyCell::new(name),
                func_qualname: PyCell::new(qualname),
                func_code: PyCell::new(code),
                func_defaults: PyCell::new(None),
                func_kwdefaults: PyCell::new(None),
                func_closure: PyCell::new(None),
                func_doc: PyCell::new(doc),
                func_dict: PyCell::new(None),
                func_weakreflist: PyCell::new(None),
                func_module: PyCell::new(module),
                func_annotations: PyCell::new(None),
                func_version: Cell::new(next_version()),
            },
        )
    };
    Ok(f)
}

fn as_func(obj: &PyObject) -> &PyFunctionObject {
    // SAFETY: only installed on `function`.
    unsafe { &*(obj as *const PyObject as *const PyFunctionObject) }
}

fn func_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    match crate::pyhooks::hooks().function_call.get() {
        Some(call) => call(obj, args, kwnames),
        None => Err(system_error("the interpreter is not initialised")),
    }
}

/// `func.__get__`: binding to an instance makes a bound method.
fn func_descr_get(obj: &PyObject, inst: Option<&PyObject>, _owner: Option<&PyObject>) -> PyResult {
    match inst {
        None => Ok(obj.to_owned()),
        Some(i) if i.is(Py_None()) => Ok(obj.to_owned()),
        Some(i) => Ok(crate::classobject::PyMethod_New(
            obj.to_owned(),
            i.to_owned(),
        )),
    }
}

fn func_repr(obj: &PyObject) -> PyResult {
    let f = as_func(obj);
    Ok(PyUnicode_FromString(&format!(
        "<function {} at {:p}>",
        as_str_lossy(&f.func_qualname.get()),
        obj.as_ptr()
    )))
}

unsafe fn func_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead function.
    unsafe {
        include::gc::gc_untrack(op);
        crate::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PyFunctionObject>(op)
    }
}

fn func_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let f = as_func(obj);
    // SAFETY: traversal runs no Python code. CPython's order (it shows in
    // `gc.get_referents`).
    unsafe {
        visit(f.func_code.get_ref().as_object());
        visit(&f.func_globals);
        visit(&f.func_builtins);
        visit(f.func_module.get_ref());
        for c in [&f.func_defaults, &f.func_kwdefaults] {
            if let Some(o) = c.get_ref() {
                visit(o);
            }
        }
        visit(f.func_doc.get_ref());
        visit(f.func_name.get_ref());
        for c in [&f.func_dict, &f.func_closure, &f.func_annotations] {
            if let Some(o) = c.get_ref() {
                visit(o);
            }
        }
        visit(f.func_qualname.get_ref());
    }
}

fn func_clear(obj: &PyObject) {
    let f = as_func(obj);
    for c in [
        &f.func_defaults,
        &f.func_kwdefaults,
        &f.func_closure,
        &f.func_dict,
        &f.func_annotations,
    ] {
        c.set(None);
    }
    f.func_doc.set(none());
    f.func_module.set(none());
    f.func_version.set(0);
    // A finalizer may still reach the function through a weak reference made after
    // the weak references were cleared (gh-91636): it sees an empty name.
    f.func_name.set(PyUnicode_FromString(""));
    f.func_qualname.set(PyUnicode_FromString(""));
}

fn func_get_code(obj: &PyObject) -> PyResult {
    Ok(as_func(obj).code().into_object())
}

fn func_set_code(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let f = as_func(obj);
    let Some(v) = value else {
        return Err(type_error("__code__ must be set to a code object"));
    };
    let Some(code) = v.downcast_ref::<PyCodeObject>() else {
        return Err(type_error("__code__ must be set to a code object"));
    };
    let nfree = code.co_nfreevars as usize;
    let nclosure = match f.func_closure.get() {
        // SAFETY: closures are tuples.
        Some(c) => unsafe { c.downcast_ref_unchecked::<PyTupleObject>() }.len(),
        None => 0,
    };
    if nclosure != nfree {
        return Err(value_error(format!(
            "{}() requires a code object with {} free vars, not {}",
            as_str_lossy(&f.func_name.get()),
            nclosure,
            nfree
        )));
    }
    f.func_version.set(next_version());
    f.func_code.set(PyRef::from_borrowed(code));
    Ok(())
}

fn func_get_defaults(obj: &PyObject) -> PyResult {
    Ok(as_func(obj).func_defaults.get().unwrap_or_else(none))
}

fn func_set_defaults(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let f = as_func(obj);
    let v = match value {
        None => None,
        Some(v) if v.is(Py_None()) => None,
        Some(v) if PyTupleObject::check(v) => Some(v.to_owned()),
        Some(_) => return Err(type_error("__defaults__ must be set to a tuple object")),
    };
    f.func_version.set(next_version());
    f.func_defaults.set(v);
    Ok(())
}

fn func_get_kwdefaults(obj: &PyObject) -> PyResult {
    Ok(as_func(obj).func_kwdefaults.get().unwrap_or_else(none))
}

fn func_set_kwdefaults(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let f = as_func(obj);
    let v = match value {
        None => None,
        Some(v) if v.is(Py_None()) => None,
        Some(v) if PyDictObject::check(v) => Some(v.to_owned()),
        Some(_) => return Err(type_error("__kwdefaults__ must be set to a dict object")),
    };
    f.func_version.set(next_version());
    f.func_kwdefaults.set(v);
    Ok(())
}

fn func_get_annotations(obj: &PyObject) -> PyResult {
    let f = as_func(obj);
    let ann = f.func_annotations.get();
    let d = match ann {
        None => PyDict_New().into_object(),
        // The compiler hands annotations over as a flat tuple (name, value, ...).
        Some(t) if PyTupleObject::check(&t) => {
            // SAFETY: checked to be a tuple.
            let items = unsafe { t.downcast_ref_unchecked::<PyTupleObject>() }
                .as_slice()
                .to_vec();
            let d = PyDict_New();
            for pair in items.chunks(2) {
                if let [k, v] = pair {
                    crate::dictobject::PyDict_SetItem(&d, k, v)?;
                }
            }
            d.into_object()
        }
        Some(d) => d,
    };
    f.func_annotations.set(Some(d.clone()));
    Ok(d)
}

fn func_set_annotations(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let f = as_func(obj);
    let v = match value {
        None => None,
        Some(v) if v.is(Py_None()) => None,
        Some(v) if PyDictObject::check(v) => Some(v.to_owned()),
        Some(_) => return Err(type_error("__annotations__ must be set to a dict object")),
    };
    f.func_annotations.set(v);
    Ok(())
}

fn func_get_dict(obj: &PyObject) -> PyResult {
    match _PyObject_GetOrCreateDict(obj) {
        Some(d) => Ok(d),
        None => Err(attribute_error("__dict__")),
    }
}

fn func_set_dict(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(v) if PyDictObject::check(v) => {
            as_func(obj).func_dict.set(Some(v.to_owned()));
            Ok(())
        }
        Some(_) => Err(type_error("__dict__ must be set to a dictionary")),
        None => Err(type_error("cannot delete __dict__")),
    }
}

fn func_get_name(obj: &PyObject) -> PyResult {
    Ok(as_func(obj).func_name.get())
}

fn func_set_name(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(v) if PyUnicodeObject::check(v) => {
            as_func(obj).func_name.set(v.to_owned());
            Ok(())
        }
        _ => Err(type_error("__name__ must be set to a string object")),
    }
}

fn func_get_qualname(obj: &PyObject) -> PyResult {
    Ok(as_func(obj).func_qualname.get())
}

fn func_set_qualname(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(v) if PyUnicodeObject::check(v) => {
            as_func(obj).func_qualname.set(v.to_owned());
            Ok(())
        }
        _ => Err(type_error("__qualname__ must be set to a string object")),
    }
}

fn func_get_globals(obj: &PyObject) -> PyResult {
    Ok(as_func(obj).func_globals.clone())
}

fn func_get_builtins(obj: &PyObject) -> PyResult {
    Ok(as_func(obj).func_builtins.clone())
}

fn func_get_closure(obj: &PyObject) -> PyResult {
    Ok(as_func(obj).func_closure.get().unwrap_or_else(none))
}

fn func_get_doc(obj: &PyObject) -> PyResult {
    Ok(as_func(obj).func_doc.get())
}

fn func_set_doc(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    as_func(obj)
        .func_doc
        .set(value.map(|v| v.to_owned()).unwrap_or_else(none));
    Ok(())
}

fn func_get_module(obj: &PyObject) -> PyResult {
    Ok(as_func(obj).func_module.get())
}

fn func_set_module(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    as_func(obj)
        .func_module
        .set(value.map(|v| v.to_owned()).unwrap_or_else(none));
    Ok(())
}

static FUNC_GETSET: [PyGetSetDef; 12] = [
    PyGetSetDef::getset("__code__", func_get_code, func_set_code),
    PyGetSetDef::getset("__defaults__", func_get_defaults, func_set_defaults),
    PyGetSetDef::getset("__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults),
    PyGetSetDef::getset(
        "__annotations__",
        func_get_annotations,
        func_set_annotations,
    ),
    PyGetSetDef::getset("__dict__", func_get_dict, func_set_dict),
    PyGetSetDef::getset("__name__", func_get_name, func_set_name),
    PyGetSetDef::getset("__qualname__", func_get_qualname, func_set_qualname),
    PyGetSetDef::getter("__globals__", func_get_globals),
    PyGetSetDef::getter("__builtins__", func_get_builtins),
    PyGetSetDef::getter("__closure__", func_get_closure),
    PyGetSetDef::getset("__doc__", func_get_doc, func_set_doc),
    PyGetSetDef::getset("__module__", func_get_module, func_set_module),
];

fn func_new(_tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = crate::getargs::parse_args(
        "function",
        args,
        kwnames,
        &["code", "globals", "name", "argdefs", "closure"],
        2,
    )?;
    let code = a[0].clone().unwrap_or_else(none);
    let Ok(code) = crate::PyObjectRefExt::downcast::<PyCodeObject>(code) else {
        return Err(type_error("function() argument 'code' must be code"));
    };
    let globals = a[1].clone().unwrap_or_else(none);
    let Some(g) = globals.downcast_ref::<PyDictObject>() else {
        return Err(type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            globals.ob_type().name()
        )));
    };
    let builtins = builtins_from_globals(g, PyDict_New().as_object())?;
    let f = PyFunction_New(code, globals.clone(), builtins)?;
    if let Some(n) = a[2].clone().filter(|n| !n.is(Py_None())) {
        func_set_name(f.as_object(), Some(&n))?;
    }
    if let Some(d) = a[3].clone() {
        func_set_defaults(f.as_object(), Some(&d))?;
    }
    if let Some(c) = a[4].clone().filter(|c| !c.is(Py_None())) {
        f.func_closure.set(Some(c));
    }
    Ok(f.into_object())
}

/// `function`.
pub static PyFunction_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "function",
    tp_basicsize: Cell::new(size_of::<PyFunctionObject>()),
    tp_dealloc: slot(func_dealloc),
    tp_repr: slot(func_repr),
    tp_call: slot(func_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR | Py_TPFLAGS_HAVE_VECTORCALL),
    tp_doc: Some("Create a function object.\n\n  code\n    a code object\n  globals\n    the globals dictionary\n  name\n    a string that overrides the name from the code object\n  argdefs\n    a tuple that specifies the default argument values\n  closure\n    a tuple that supplies the bindings for free variables"),
    tp_traverse: slot(func_traverse),
    tp_clear: slot(func_clear),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyFunctionObject, func_weakreflist)),
    tp_getset: &FUNC_GETSET,
    tp_descr_get: slot(func_descr_get),
    tp_dictoffset: Cell::new(std::mem::offset_of!(PyFunctionObject, func_dict)),
    tp_new: slot(func_new),
    ..PyTypeObject::DEFAULT
};

// --- staticmethod and classmethod -----------------------------------------------------------

/// `staticmethod` and `classmethod` objects (`staticmethod`/`classmethod` structs).
#[repr(C)]
pub struct PyWrapperMethodObject {
    pub ob_base: PyObject,
    /// The wrapped callable (`sm_callable`/`cm_callable`).
    pub callable: PyCell<Option<PyObjectRef>>,
    /// Attributes copied from the callable (`__name__`, `__doc__`, ...).
    pub dict: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyWrapperMethodObject {}

fn as_wm(obj: &PyObject) -> &PyWrapperMethodObject {
    // SAFETY: only installed on staticmethod and classmethod (and subclasses).
    unsafe { &*(obj as *const PyObject as *const PyWrapperMethodObject) }
}

fn wm_alloc(tp: &PyTypeObject, callable: Option<PyObjectRef>) -> PyObjectRef {
    // SAFETY: `tp` is staticmethod/classmethod or a subclass; fields are complete.
    unsafe {
        alloc_object(
            tp,
            PyWrapperMethodObject {
                ob_base: PyObject_HEAD_INIT,
                callable: PyCell::new(callable),
                dict: PyCell::new(None),
            },
        )
    }
    .into_object()
}

/// Copy `__module__`, `__name__`, `__qualname__`, `__doc__` and `__annotations__`
/// from the callable into the wrapper's `__dict__` (`functools_wraps`, 3.10+).
/// `__wrapped__` is a member reading the callable itself.
fn wm_copy_attributes(obj: &PyObject, callable: &PyObject) -> PyResult<()> {
    for name in [
        "__module__",
        "__name__",
        "__qualname__",
        "__doc__",
        "__annotations__",
    ] {
        let key = crate::unicodeobject::PyUnicode_InternFromString(name);
        if let Some(v) = _PyObject_LookupAttr(callable, &key)? {
            PyObject_GenericSetAttr(obj, &key, Some(&v))?;
        }
    }
    Ok(())
}

/// `PyStaticMethod_New`.
pub fn PyStaticMethod_New(callable: PyObjectRef) -> PyObjectRef {
    let sm = wm_alloc(&PyStaticMethod_Type, Some(callable.clone()));
    // Copying attributes only fails for exotic callables; the object is usable anyway.
    let _ = wm_copy_attributes(&sm, &callable);
    sm
}

/// `PyClassMethod_New`.
pub fn PyClassMethod_New(callable: PyObjectRef) -> PyObjectRef {
    let cm = wm_alloc(&PyClassMethod_Type, Some(callable.clone()));
    let _ = wm_copy_attributes(&cm, &callable);
    cm
}

fn wm_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    Ok(wm_alloc(tp, None))
}

fn sm_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    crate::getargs::check_no_kwargs("staticmethod", kwnames)?;
    crate::getargs::check_positional("staticmethod", args.len(), 1, 1)?;
    as_wm(obj).callable.set(Some(args[0].clone()));
    wm_copy_attributes(obj, &args[0])
}

fn cm_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    crate::getargs::check_no_kwargs("classmethod", kwnames)?;
    crate::getargs::check_positional("classmethod", args.len(), 1, 1)?;
    as_wm(obj).callable.set(Some(args[0].clone()));
    wm_copy_attributes(obj, &args[0])
}

fn wm_callable(obj: &PyObject, kind: &str) -> PyResult<PyObjectRef> {
    as_wm(obj)
        .callable
        .get()
        .ok_or_else(|| runtime_error(format!("uninitialized {kind} object")))
}

fn sm_descr_get(obj: &PyObject, _inst: Option<&PyObject>, _owner: Option<&PyObject>) -> PyResult {
    wm_callable(obj, "staticmethod")
}

fn cm_descr_get(obj: &PyObject, inst: Option<&PyObject>, owner: Option<&PyObject>) -> PyResult {
    let f = wm_callable(obj, "classmethod")?;
    let owner = match owner {
        Some(o) => o.to_owned(),
        None => match inst {
            Some(i) => i.ob_type().as_object().to_owned(),
            None => return Err(type_error("classmethod.__get__(None, None) is invalid")),
        },
    };
    // 3.9-3.12: a wrapped descriptor is bound to the class through its own __get__.
    if f.ob_type().tp_descr_get.get().is_some() && !PyFunctionObject::check(&f) {
        return crate::descrobject::descr_get(&f, Some(&owner), Some(owner.ob_type().as_object()));
    }
    Ok(crate::classobject::PyMethod_New(f, owner))
}

fn sm_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let f = wm_callable(obj, "staticmethod")?;
    PyObject_Vectorcall(&f, args, kwnames)
}

fn wm_repr(obj: &PyObject, kind: &str) -> PyResult {
    let inner = match as_wm(obj).callable.get() {
        Some(c) => as_str_lossy(&*PyObject_Repr(&c)?).into_owned(),
        None => "NULL".into(),
    };
    Ok(PyUnicode_FromString(&format!("<{kind}({inner})>")))
}

fn sm_repr(obj: &PyObject) -> PyResult {
    wm_repr(obj, "staticmethod")
}

fn cm_repr(obj: &PyObject) -> PyResult {
    wm_repr(obj, "classmethod")
}

fn wm_get_isabstract(obj: &PyObject) -> PyResult {
    if let Some(c) = as_wm(obj).callable.get() {
        if let Some(v) = _PyObject_LookupAttr(&c, crate::intern!("__isabstractmethod__"))? {
            return Ok(crate::boolobject::PyBool_FromLong(PyObject_IsTrue(&v)?));
        }
    }
    Ok(crate::boolobject::PyBool_FromLong(false))
}

fn wm_get_dict(obj: &PyObject) -> PyResult {
    match _PyObject_GetOrCreateDict(obj) {
        Some(d) => Ok(d),
        None => Err(attribute_error("__dict__")),
    }
}

unsafe fn wm_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead staticmethod/classmethod.
    unsafe { dealloc_object::<PyWrapperMethodObject>(op) }
}

fn wm_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let w = as_wm(obj);
    for c in [&w.callable, &w.dict] {
        // SAFETY: traversal runs no Python code.
        if let Some(o) = unsafe { c.get_ref() } {
            visit(o);
        }
    }
}

fn wm_clear(obj: &PyObject) {
    let w = as_wm(obj);
    w.callable.set(None);
    w.dict.set(None);
}

// `__func__` and `__wrapped__` are both the callable (`cm_memberlist`); the field is an
// `Option<PyObjectRef>` in a `PyCell`, the layout a T_OBJECT member reads.
static WM_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef::new(
        "__func__",
        MemberType::Object,
        std::mem::offset_of!(PyWrapperMethodObject, callable),
        READONLY,
    ),
    PyMemberDef::new(
        "__wrapped__",
        MemberType::Object,
        std::mem::offset_of!(PyWrapperMethodObject, callable),
        READONLY,
    ),
];

static WM_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef::getter("__isabstractmethod__", wm_get_isabstract),
    PyGetSetDef::getter("__dict__", wm_get_dict),
];

/// `staticmethod`.
pub static PyStaticMethod_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "staticmethod",
    tp_basicsize: Cell::new(size_of::<PyWrapperMethodObject>()),
    tp_dealloc: slot(wm_dealloc),
    tp_repr: slot(sm_repr),
    tp_call: slot(sm_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("staticmethod(function) -> method\n\nConvert a function to be a static method.\n\nA static method does not receive an implicit first argument.\nTo declare a static method, use this idiom:\n\n     class C:\n         @staticmethod\n         def f(arg1, arg2, argN):\n             ...\n\nIt can be called either on the class (e.g. C.f()) or on an instance\n(e.g. C().f()). Both the class and the instance are ignored, and\nneither is passed implicitly as the first argument to the method.\n\nStatic methods in Python are similar to those found in Java or C++.\nFor a more advanced concept, see the classmethod builtin."),
    tp_traverse: slot(wm_traverse),
    tp_clear: slot(wm_clear),
    tp_members: &WM_MEMBERS,
    tp_getset: &WM_GETSET,
    tp_descr_get: slot(sm_descr_get),
    tp_dictoffset: Cell::new(std::mem::offset_of!(PyWrapperMethodObject, dict)),
    tp_init: slot(sm_init),
    tp_new: slot(wm_new),
    ..PyTypeObject::DEFAULT
};

/// `classmethod`.
pub static PyClassMethod_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "classmethod",
    tp_basicsize: Cell::new(size_of::<PyWrapperMethodObject>()),
    tp_dealloc: slot(wm_dealloc),
    tp_repr: slot(cm_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("classmethod(function) -> method\n\nConvert a function to be a class method.\n\nA class method receives the class as implicit first argument,\njust like an instance method receives the instance.\nTo declare a class method, use this idiom:\n\n  class C:\n      @classmethod\n      def f(cls, arg1, arg2, argN):\n          ...\n\nIt can be called either on the class (e.g. C.f()) or on an instance\n(e.g. C().f()).  The instance is ignored except for its class.\nIf a class method is called for a derived class, the derived class\nobject is passed as the implied first argument.\n\nClass methods are different than C++ or Java static methods.\nIf you want those, see the staticmethod builtin."),
    tp_traverse: slot(wm_traverse),
    tp_clear: slot(wm_clear),
    tp_members: &WM_MEMBERS,
    tp_getset: &WM_GETSET,
    tp_descr_get: slot(cm_descr_get),
    tp_dictoffset: Cell::new(std::mem::offset_of!(PyWrapperMethodObject, dict)),
    tp_init: slot(cm_init),
    tp_new: slot(wm_new),
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyFunction_Type, &PyStaticMethod_Type, &PyClassMethod_Type]
}
