//! Built-in functions and bound built-in methods (`builtin_function_or_method`).
//! Mirrors Objects/methodobject.c (CPython 3.11).

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::call::kwnames_len;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::{as_type, PyType_Type};
use crate::unicodeobject::{as_str_lossy, PyUnicode_FromString};

/// `PyCFunctionObject`.
#[repr(C)]
pub struct PyCFunctionObject {
    pub ob_base: PyObject,
    /// What to call and how.
    pub m_ml: &'static PyMethodDef,
    /// The bound object: the instance for a method, the module for a module
    /// function, or `None`.
    pub m_self: PyCell<Option<PyObjectRef>>,
    /// `__module__`.
    pub m_module: PyCell<Option<PyObjectRef>>,
    /// The weak-reference list (see `weakrefobject`).
    pub m_weakreflist: PyCell<Option<PyObjectRef>>,
    /// The class a bound method descriptor came from (for `__qualname__`).
    pub m_class: Option<PyRef<PyTypeObject>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyCFunctionObject {}

impl PyTypeInfo for PyCFunctionObject {
    fn type_object() -> &'static PyTypeObject {
        &PyCFunction_Type
    }
}

/// `PyCFunction_New`: a function object for `def`, bound to `self_`.
pub fn PyCFunction_New(def: &'static PyMethodDef, self_: Option<PyObjectRef>) -> PyObjectRef {
    PyCFunction_NewEx(def, self_, None)
}

/// `PyCMethod_New`: also records the defining class.
pub fn PyCFunction_NewEx(
    def: &'static PyMethodDef,
    self_: Option<PyObjectRef>,
    class: Option<PyRef<PyTypeObject>>,
) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyCFunction_Type,
            PyCFunctionObject {
                ob_base: PyObject_HEAD_INIT,
                m_ml: def,
                m_self: PyCell::new(self_),
                m_module: PyCell::new(None),
                m_weakreflist: PyCell::new(None),
                m_class: class,
            },
        )
    }
    .into_object()
}

/// A module-level function: bound to the module, `__module__` set to its name.
pub fn PyCFunction_NewModule(
    def: &'static PyMethodDef,
    module: &PyObject,
    module_name: PyObjectRef,
) -> PyObjectRef {
    let f = PyCFunction_New(def, Some(module.to_owned()));
    // SAFETY: just made as a PyCFunctionObject.
    let fo = unsafe { &*(f.as_ptr() as *const PyCFunctionObject) };
    fo.m_module.set(Some(module_name));
    f
}

fn as_cfunc(obj: &PyObject) -> &PyCFunctionObject {
    // SAFETY: only installed on `builtin_function_or_method`.
    unsafe { &*(obj as *const PyObject as *const PyCFunctionObject) }
}

/// Call a method definition with the calling-convention checks and CPython's messages.
/// `qualname` computes the name used in messages only when one is needed.
pub fn call_method_def(
    def: &PyMethodDef,
    self_: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    qualname: &dyn Fn() -> PyResult<String>,
) -> PyResult {
    let nkw = kwnames.map_or(0, kwnames_len);
    let nargs = args.len() - nkw;
    match def.ml_meth {
        PyCFunction::FastKw(f) => f(self_, args, if nkw == 0 { None } else { kwnames }),
        PyCFunction::Fast(f) => {
            if nkw != 0 {
                return Err(type_error(format!(
                    "{}() takes no keyword arguments",
                    qualname()?
                )));
            }
            f(self_, args)
        }
        PyCFunction::NoArgs(f) => {
            if nkw != 0 {
                return Err(type_error(format!(
                    "{}() takes no keyword arguments",
                    qualname()?
                )));
            }
            if nargs != 0 {
                return Err(type_error(format!(
                    "{}() takes no arguments ({} given)",
                    qualname()?,
                    nargs
                )));
            }
            f(self_)
        }
        PyCFunction::O(f) => {
            if nkw != 0 {
                return Err(type_error(format!(
                    "{}() takes no keyword arguments",
                    qualname()?
                )));
            }
            if nargs != 1 {
                return Err(type_error(format!(
                    "{}() takes exactly one argument ({} given)",
                    qualname()?,
                    nargs
                )));
            }
            f(self_, &args[0])
        }
    }
}

/// The name used in call errors (`_PyObject_FunctionStr` without the parentheses).
fn cfunction_qualname(f: &PyCFunctionObject) -> PyResult<String> {
    let name = f.m_ml.ml_name;
    let self_ = f.m_self.get();
    match self_ {
        Some(s) if !s.is_type(&crate::moduleobject::PyModule_Type) && !s.is(Py_None()) => {
            let tp = match as_type(&s) {
                Some(t) if f.m_class.is_none() => t,
                _ => s.ob_type(),
            };
            let tp = f.m_class.as_deref().unwrap_or(tp);
            Ok(format!(
                "{}.{}",
                crate::typeobject::type_qualname(tp)?,
                name
            ))
        }
        _ => {
            let module = f.m_module.get();
            match module {
                Some(m)
                    if crate::unicodeobject::PyUnicodeObject::check(&m)
                        && !crate::unicodeobject::unicode_eq_str(&m, "builtins") =>
                {
                    Ok(format!("{}.{}", as_str_lossy(&m), name))
                }
                _ => Ok(name.to_string()),
            }
        }
    }
}

fn cfunction_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let f = as_cfunc(obj);
    let self_ = f.m_self.get().unwrap_or_else(none);
    call_method_def(f.m_ml, &self_, args, kwnames, &|| cfunction_qualname(f))
}

fn meth_repr(obj: &PyObject) -> PyResult {
    let f = as_cfunc(obj);
    let text = match f.m_self.get() {
        None => format!("<built-in function {}>", f.m_ml.ml_name),
        Some(s) if s.is_type(&crate::moduleobject::PyModule_Type) => {
            format!("<built-in function {}>", f.m_ml.ml_name)
        }
        Some(s) => format!(
            "<built-in method {} of {} object at {:p}>",
            f.m_ml.ml_name,
            s.ob_type().name(),
            s.as_ptr()
        ),
    };
    Ok(PyUnicode_FromString(&text))
}

fn meth_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !b.is_type(&PyCFunction_Type) {
        return Ok(not_implemented());
    }
    let (fa, fb) = (as_cfunc(a), as_cfunc(b));
    let same_self = match (fa.m_self.get(), fb.m_self.get()) {
        (Some(x), Some(y)) => x.is(&y),
        (None, None) => true,
        _ => false,
    };
    let eq = std::ptr::eq(fa.m_ml, fb.m_ml) && same_self;
    Ok(crate::boolobject::PyBool_FromLong(if op == CompareOp::Eq {
        eq
    } else {
        !eq
    }))
}

fn meth_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    let f = as_cfunc(obj);
    let x = match f.m_self.get() {
        Some(s) => crate::pyhash::_Py_HashPointer(s.as_ptr() as usize),
        None => 0,
    };
    let y = crate::pyhash::_Py_HashPointer(f.m_ml as *const PyMethodDef as usize);
    let h = x ^ y;
    Ok(if h == -1 { -2 } else { h })
}

unsafe fn meth_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead builtin function; weak references go before the fields.
    unsafe {
        include::gc::gc_untrack(op);
        crate::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PyCFunctionObject>(op)
    }
}

fn meth_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let f = as_cfunc(obj);
    for c in [&f.m_self, &f.m_module] {
        // SAFETY: traversal runs no Python code.
        if let Some(o) = unsafe { c.get_ref() } {
            visit(o);
        }
    }
    if let Some(c) = &f.m_class {
        visit(c.as_object());
    }
}

fn meth_get_name(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(as_cfunc(obj).m_ml.ml_name))
}

fn meth_get_qualname(obj: &PyObject) -> PyResult {
    let f = as_cfunc(obj);
    match f.m_self.get() {
        Some(s) if !s.is_type(&crate::moduleobject::PyModule_Type) && !s.is(Py_None()) => {
            let tp = match as_type(&s) {
                Some(t) => t,
                None => s.ob_type(),
            };
            Ok(PyUnicode_FromString(&format!(
                "{}.{}",
                crate::typeobject::type_qualname(tp)?,
                f.m_ml.ml_name
            )))
        }
        _ => Ok(PyUnicode_FromString(f.m_ml.ml_name)),
    }
}

fn meth_get_self(obj: &PyObject) -> PyResult {
    Ok(as_cfunc(obj).m_self.get().unwrap_or_else(none))
}

fn meth_get_doc(obj: &PyObject) -> PyResult {
    // As for method descriptors: no text after the signature reads as None.
    let body = crate::typeobject::doc_body(as_cfunc(obj).m_ml.ml_doc);
    if body.is_empty() {
        return Ok(none());
    }
    Ok(PyUnicode_FromString(body))
}

fn meth_get_text_signature(obj: &PyObject) -> PyResult {
    let def = as_cfunc(obj).m_ml;
    match crate::typeobject::doc_signature(def.ml_name, def.ml_doc) {
        Some(sig) => Ok(PyUnicode_FromString(&sig)),
        None => Ok(none()),
    }
}

fn meth_get_module(obj: &PyObject) -> PyResult {
    Ok(as_cfunc(obj).m_module.get().unwrap_or_else(none))
}

fn meth_set_module(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    as_cfunc(obj).m_module.set(value.map(|v| v.to_owned()));
    Ok(())
}

static METH_GETSET: [PyGetSetDef; 6] = [
    PyGetSetDef::getter("__doc__", meth_get_doc),
    PyGetSetDef::getter("__name__", meth_get_name),
    PyGetSetDef::getter("__qualname__", meth_get_qualname),
    PyGetSetDef::getter("__self__", meth_get_self),
    PyGetSetDef::getter("__text_signature__", meth_get_text_signature),
    PyGetSetDef::getset("__module__", meth_get_module, meth_set_module),
];

/// `meth_reduce`: a module function pickles by name (so `pickle` saves it as a
/// global), a bound method as `getattr(self, name)`.
fn meth_reduce(obj: &PyObject) -> PyResult {
    let m = as_cfunc(obj);
    let name = PyUnicode_FromString(m.m_ml.ml_name);
    match m.m_self.get() {
        Some(s) if !s.is(Py_None()) && !crate::moduleobject::PyModuleObject::check(&s) => {
            let getattr = crate::iterobject::_PyEval_GetBuiltin(crate::intern!("getattr"))?;
            let args = crate::tupleobject::PyTuple_New(vec![s, name]).into_object();
            Ok(crate::tupleobject::PyTuple_New(vec![getattr, args]).into_object())
        }
        _ => Ok(name),
    }
}

static METH_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(meth_reduce),
    "",
)];

/// `builtin_function_or_method`.
pub static PyCFunction_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "builtin_function_or_method",
    tp_basicsize: Cell::new(size_of::<PyCFunctionObject>()),
    tp_dealloc: slot(meth_dealloc),
    tp_repr: slot(meth_repr),
    tp_hash: slot(meth_hash),
    tp_call: slot(cfunction_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL),
    tp_traverse: slot(meth_traverse),
    tp_richcompare: slot(meth_richcompare),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyCFunctionObject, m_weakreflist)),
    tp_methods: &METH_METHODS,
    tp_getset: &METH_GETSET,
    ..PyTypeObject::DEFAULT
};
