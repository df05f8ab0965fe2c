//! Starting and stopping the interpreter. Mirrors Python/pylifecycle.c (CPython 3.11):
//! ready every built-in type, make `builtins`, `sys` and `__main__`, install the
//! hooks the object layer calls up through; at the end, flush the standard streams.

use std::sync::atomic::{AtomicBool, Ordering};

use objects::dictobject::{PyDict_New, PyDict_SetItem};
use objects::moduleobject::PyModule_New;
use objects::object::Py_None;
use objects::prelude::*;
use objects::typeobject::PyType_Ready;

use crate::sysmodule::SysConfig;

static FINALIZING: AtomicBool = AtomicBool::new(false);

/// `sys.is_finalizing()`.
pub fn is_finalizing() -> bool {
    FINALIZING.load(Ordering::Relaxed)
}

/// The static types of the `python` crate.
fn static_types() -> Vec<&'static PyTypeObject> {
    let mut v = crate::traceback::static_types();
    v.extend(crate::bltinmodule::static_types());
    v
}

/// `Py_InitializeFromConfig`.
pub fn Py_InitializeFromConfig(cfg: &SysConfig) -> PyResult<()> {
    objects::init_types()?;
    for tp in static_types() {
        PyType_Ready(tp)?;
    }
    crate::ceval::install_hooks();
    objects::pyhooks::set_unraisable_hook(crate::pythonrun::write_unraisable);
    objects::pyhooks::set_signal_check(crate::signals::check_signals);
    let builtins = crate::bltinmodule::_PyBuiltin_Init()?;
    let sys = crate::sysmodule::_PySys_Create(cfg)?;
    let modules = crate::import::modules_dict()?;
    PyDict_SetItem(&modules, objects::intern!("builtins"), builtins.as_object())?;
    PyDict_SetItem(&modules, objects::intern!("sys"), sys.as_object())?;
    // `add_main_module`.
    let main = PyModule_New("__main__")?;
    let d = main.dict();
    PyDict_SetItem(d, objects::intern!("__builtins__"), builtins.as_object())?;
    PyDict_SetItem(d, objects::intern!("__annotations__"), &PyDict_New().into_object())?;
    PyDict_SetItem(d, objects::intern!("__loader__"), Py_None())?;
    PyDict_SetItem(&modules, objects::intern!("__main__"), main.as_object())?;
    crate::signals::init_signals();
    Ok(())
}

/// `Py_FinalizeEx`: flush `sys.stdout` and `sys.stderr`. Returns 120 if flushing
/// failed, as CPython does (the exit status of a program whose output could not be
/// written).
pub fn Py_FinalizeEx() -> i32 {
    FINALIZING.store(true, Ordering::Relaxed);
    match crate::sysmodule::flush_std_files() {
        Ok(()) => 0,
        Err(e) => {
            let stdout = crate::sysmodule::PySys_GetObject("stdout");
            crate::pythonrun::write_unraisable(e, stdout.as_deref());
            120
        }
    }
}
