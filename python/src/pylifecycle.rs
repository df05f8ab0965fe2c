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
    init_io(&builtins, cfg)?;
    Ok(())
}

/// `init_set_builtins_open` and `init_sys_streams`: `builtins.open` and
/// `sys.stdin/stdout/stderr` from the `_io` module, when the binary has it (CPython
/// imports `io`; pyrs imports only the native `_io`, so that start-up does not compile
/// Python code). Without `_io`, the start-up printers of `objects::fileobject` stay.
fn init_io(builtins: &objects::moduleobject::PyModuleObject, cfg: &SysConfig) -> PyResult<()> {
    if !crate::import::builtin_module_names().contains(&"_io") {
        return Ok(());
    }
    let io = crate::import::PyImport_ImportModule("_io")?;
    let open = objects::object::PyObject_GetAttr(&io, objects::intern!("open"))?;
    objects::moduleobject::PyModule_AddObject(builtins, "open", &open)?;
    // `config->buffered_stdio`: -u and PYTHONUNBUFFERED turn buffering off.
    let unbuffered = !cfg.ignore_environment && std::env::var("PYTHONUNBUFFERED").is_ok_and(|v| !v.is_empty());
    let errors = stdio_errors();
    for (fd, name, write, errs) in [
        (0, "stdin", false, errors),
        (1, "stdout", true, errors),
        (2, "stderr", true, "backslashreplace"),
    ] {
        let stream = create_stdio(&io, fd, write, name, errs, !unbuffered)?;
        crate::sysmodule::PySys_SetObject(&format!("__{name}__"), &stream)?;
        crate::sysmodule::PySys_SetObject(name, &stream)?;
    }
    Ok(())
}

/// `config_get_stdio_errors`: `surrogateescape` in the C and POSIX locales and in the
/// UTF-8 locales CPython coerces them to, `strict` elsewhere.
fn stdio_errors() -> &'static str {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let loc = var("LC_ALL").or_else(|| var("LC_CTYPE")).or_else(|| var("LANG")).unwrap_or_default();
    match loc.as_str() {
        "" | "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8" => "surrogateescape",
        _ => "strict",
    }
}

/// `create_stdio`: `TextIOWrapper(open(fd, 'rb'/'wb', closefd=False), ...)` with the
/// raw file named `<stdin>` and so on; None for a descriptor that is not open.
fn create_stdio(io: &PyObject, fd: i32, write: bool, name: &str, errors: &str, buffered: bool) -> PyResult {
    use objects::call::PyObject_CallMethod;
    use objects::unicodeobject::PyUnicode_FromString as s;
    // SAFETY: `fcntl(F_GETFD)` only inspects the descriptor.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        return Ok(objects::object::none());
    }
    // stdin is always buffered: TextIOWrapper needs read1().
    let buffering = if !buffered && write { 0 } else { -1 };
    let n = objects::longobject::PyLong_FromLong;
    let buf = PyObject_CallMethod(
        io,
        objects::intern!("open"),
        &[
            n(fd as i64),
            s(if write { "wb" } else { "rb" }),
            n(buffering),
            objects::object::none(),
            objects::object::none(),
            objects::object::none(),
            objects::boolobject::PyBool_FromLong(false),
        ],
    )?;
    let raw = if buffering != 0 {
        objects::object::PyObject_GetAttr(&buf, objects::intern!("raw"))?
    } else {
        buf.clone()
    };
    objects::object::PyObject_SetAttr(&raw, objects::intern!("name"), Some(&s(&format!("<{name}>"))))?;
    let tty = PyObject_CallMethod(&raw, objects::intern!("isatty"), &[])?;
    let isatty = objects::object::PyObject_IsTrue(&tty)?;
    let write_through = !buffered;
    let line_buffering = buffered && (isatty || fd == 2);
    let stream = PyObject_CallMethod(
        io,
        objects::intern!("TextIOWrapper"),
        &[
            buf,
            s("utf-8"),
            s(errors),
            s("\n"),
            objects::boolobject::PyBool_FromLong(line_buffering),
            objects::boolobject::PyBool_FromLong(write_through),
        ],
    )?;
    objects::object::PyObject_SetAttr(&stream, objects::intern!("mode"), Some(&s(if write { "w" } else { "r" })))?;
    Ok(stream)
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
