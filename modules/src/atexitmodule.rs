//! The `atexit` module: functions to call when the interpreter exits. Mirrors
//! Modules/atexitmodule.c (CPython 3.11).
//!
//! `Py_FinalizeEx` (python/src/pylifecycle.rs) runs the callbacks first, before the
//! standard streams are flushed and the modules torn down, as CPython's
//! `_PyAtExit_Call` does.
//!
//! Differences from CPython: the callbacks live in this module's global state rather
//! than the interpreter's, and `Py_FinalizeEx` reaches them through the imported
//! module's `_run_exitfuncs` (the `python` crate sits below `modules`); a program
//! that never imported `atexit` has no callbacks, so nothing is lost.

use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::call::{kwnames_slice, PyObject_Call};
use objects::dictobject::{PyDict_New, PyDict_SetItem};
use objects::longobject::PyLong_FromLong;
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, PyObject_RichCompareBool};
use objects::prelude::*;
use objects::tupleobject::PyTuple_New;
use objects::unicodeobject::PyUnicode_FromString;

/// `atexit_callback`: the function, its positional arguments (a tuple) and keyword
/// arguments (a dict, or none).
struct AtexitCallback {
    func: PyObjectRef,
    args: PyObjectRef,
    kwargs: Option<PyObjectRef>,
}

/// `struct atexit_state`: the registered callbacks; an unregistered one leaves an
/// empty slot, which `_ncallbacks()` still counts (as CPython's does).
static CALLBACKS: GlobalCell<Vec<Option<AtexitCallback>>> = GlobalCell::new(Vec::new());

fn callbacks() -> &'static mut Vec<Option<AtexitCallback>> {
    // SAFETY: single-threaded; callers never hold the borrow across Python code
    // (they take what they need out first).
    unsafe { CALLBACKS.get_mut() }
}

/// `atexit_cleanup`: forget every callback. The callbacks are released after the
/// list is empty, so a destructor that registers again finds a consistent list.
fn atexit_cleanup() {
    let old = std::mem::take(callbacks());
    drop(old);
}

/// `atexit_callfuncs`: call the callbacks, the last registered first; an exception
/// is reported as unraisable ("Exception ignored in atexit callback") and the rest
/// still run.
fn atexit_callfuncs() {
    let mut i = callbacks().len();
    while i > 0 {
        i -= 1;
        let Some(Some(cb)) = callbacks().get(i) else {
            continue;
        };
        // A callback may unregister itself (bpo-46025): keep our own references.
        let (func, args, kwargs) = (cb.func.clone(), cb.args.clone(), cb.kwargs.clone());
        if let Err(e) = PyObject_Call(&func, &args, kwargs.as_deref()) {
            python::pythonrun::write_unraisable_msg(e, Some("in atexit callback"), Some(&func));
        }
    }
    atexit_cleanup();
}

/// `atexit.register(func, *args, **kwargs)`.
fn atexit_register(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let kwn = kwnames_slice(kwnames);
    let nargs = args.len() - kwn.len();
    if nargs == 0 {
        return Err(type_error("register() takes at least 1 argument (0 given)"));
    }
    let func = &args[0];
    if func.ob_type().tp_call.get().is_none() {
        return Err(type_error("the first argument must be callable"));
    }
    let kwargs = if kwn.is_empty() {
        None
    } else {
        let d = PyDict_New();
        for (k, v) in kwn.iter().zip(&args[nargs..]) {
            PyDict_SetItem(&d, k, v)?;
        }
        Some(d.into_object())
    };
    callbacks().push(Some(AtexitCallback {
        func: func.clone(),
        args: PyTuple_New(args[1..nargs].to_vec()).into_object(),
        kwargs,
    }));
    Ok(func.clone())
}

/// `atexit.unregister(func)`: forget every registration of a function equal to
/// `func`.
fn atexit_unregister(_m: &PyObject, func: &PyObject) -> PyResult {
    let mut i = 0;
    while i < callbacks().len() {
        let Some(Some(cb)) = callbacks().get(i) else {
            i += 1;
            continue;
        };
        let f = cb.func.clone();
        if PyObject_RichCompareBool(&f, func, CompareOp::Eq)? {
            // Take the slot out before the callback is released.
            let old = callbacks().get_mut(i).and_then(Option::take);
            drop(old);
        }
        i += 1;
    }
    Ok(none())
}

/// `atexit._run_exitfuncs()`.
fn atexit_run_exitfuncs(_m: &PyObject) -> PyResult {
    atexit_callfuncs();
    Ok(none())
}

/// `atexit._clear()`.
fn atexit_clear(_m: &PyObject) -> PyResult {
    atexit_cleanup();
    Ok(none())
}

/// `atexit._ncallbacks()`.
fn atexit_ncallbacks(_m: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(callbacks().len() as i64))
}

static ATEXIT_METHODS: [PyMethodDef; 5] = [
    PyMethodDef::new(
        "register",
        PyCFunction::FastKw(atexit_register),
        "register(func, *args, **kwargs) -> func\n\nRegister a function to be executed upon normal program termination\n\n    func - function to be called at exit\n    args - optional arguments to pass to func\n    kwargs - optional keyword arguments to pass to func\n\n    func is returned to facilitate usage as a decorator.",
    ),
    PyMethodDef::new(
        "_clear",
        PyCFunction::NoArgs(atexit_clear),
        "_clear() -> None\n\nClear the list of previously registered exit functions.",
    ),
    PyMethodDef::new(
        "unregister",
        PyCFunction::O(atexit_unregister),
        "unregister(func) -> None\n\nUnregister an exit function which was previously registered using\natexit.register\n\n    func - function to be unregistered",
    ),
    PyMethodDef::new(
        "_run_exitfuncs",
        PyCFunction::NoArgs(atexit_run_exitfuncs),
        "_run_exitfuncs() -> None\n\nRun all registered exit functions.\n\nIf a callback raises an exception, it is logged with sys.unraisablehook.",
    ),
    PyMethodDef::new(
        "_ncallbacks",
        PyCFunction::NoArgs(atexit_ncallbacks),
        "_ncallbacks() -> int\n\nReturn the number of registered exit functions.",
    ),
];

const ATEXIT_DOC: &str = "allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n";

/// Make the `atexit` module (`PyInit_atexit`).
pub fn PyInit_atexit() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("atexit")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(ATEXIT_DOC))?;
    PyModule_AddFunctions(&m, &ATEXIT_METHODS)?;
    Ok(m)
}
