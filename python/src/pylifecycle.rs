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
    PyDict_SetItem(
        d,
        objects::intern!("__annotations__"),
        &PyDict_New().into_object(),
    )?;
    PyDict_SetItem(d, objects::intern!("__loader__"), Py_None())?;
    PyDict_SetItem(&modules, objects::intern!("__main__"), main.as_object())?;
    crate::signals::init_signals();
    crate::import::init_importlib()?;
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
    let unbuffered =
        !cfg.ignore_environment && std::env::var("PYTHONUNBUFFERED").is_ok_and(|v| !v.is_empty());
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
    let loc = var("LC_ALL")
        .or_else(|| var("LC_CTYPE"))
        .or_else(|| var("LANG"))
        .unwrap_or_default();
    match loc.as_str() {
        "" | "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8" => "surrogateescape",
        _ => "strict",
    }
}

/// `create_stdio`: `TextIOWrapper(open(fd, 'rb'/'wb', closefd=False), ...)` with the
/// raw file named `<stdin>` and so on; None for a descriptor that is not open.
fn create_stdio(
    io: &PyObject,
    fd: i32,
    write: bool,
    name: &str,
    errors: &str,
    buffered: bool,
) -> PyResult {
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
    objects::object::PyObject_SetAttr(
        &raw,
        objects::intern!("name"),
        Some(&s(&format!("<{name}>"))),
    )?;
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
    objects::object::PyObject_SetAttr(
        &stream,
        objects::intern!("mode"),
        Some(&s(if write { "w" } else { "r" })),
    )?;
    Ok(stream)
}

/// `Py_FinalizeEx`: shut the interpreter down. Flush the standard streams, then
/// tear the modules down so that the objects they hold are released (files flushed
/// and closed, `__del__` methods run) in CPython's order, then flush again. Returns
/// 120 if flushing failed, as CPython does (the exit status of a program whose output
/// could not be written).
///
/// Not yet done here: `atexit` callbacks and waiting for threads (there are neither
/// yet), and the cycle collector's passes, which `finalize_modules` emulates for
/// module namespaces (see there).
pub fn Py_FinalizeEx() -> i32 {
    let mut status = 0;
    if let Err(e) = crate::sysmodule::flush_std_files() {
        let stdout = crate::sysmodule::PySys_GetObject("stdout");
        crate::pythonrun::write_unraisable(e, stdout.as_deref());
        status = 120;
    }
    FINALIZING.store(true, Ordering::Relaxed);
    if let Err(e) = finalize_modules() {
        crate::pythonrun::write_unraisable(e, None);
    }
    if let Err(e) = crate::sysmodule::flush_std_files() {
        let stdout = crate::sysmodule::PySys_GetObject("stdout");
        crate::pythonrun::write_unraisable(e, stdout.as_deref());
        status = 120;
    }
    status
}

/// `finalize_modules_delete_special`: drop what `sys` holds for running programs and
/// put the original standard streams back.
fn finalize_modules_delete_special() -> PyResult<()> {
    let builtins = crate::bltinmodule::builtins_dict();
    PyDict_SetItem(&builtins, objects::intern!("_"), Py_None())?;
    for name in [
        "path",
        "argv",
        "ps1",
        "ps2",
        "last_type",
        "last_value",
        "last_traceback",
        "path_hooks",
        "path_importer_cache",
        "meta_path",
        "__interactivehook__",
    ] {
        crate::sysmodule::PySys_SetObject(name, Py_None())?;
    }
    for (name, orig) in [
        ("stdin", "__stdin__"),
        ("stdout", "__stdout__"),
        ("stderr", "__stderr__"),
    ] {
        let value = crate::sysmodule::PySys_GetObject(orig).unwrap_or_else(objects::object::none);
        crate::sysmodule::PySys_SetObject(name, &value)?;
    }
    Ok(())
}

/// `finalize_modules`: empty `sys.modules`, then clear the namespaces of the modules
/// that are still alive, the most recently imported first; `sys` and `builtins` last.
///
/// CPython keeps weak references to the modules: one that dies when `sys.modules`
/// lets go of it just frees its dict, whose cycles the collector then breaks. pyrs
/// holds the modules itself and treats one that nobody else holds the same way, by
/// releasing it and clearing what remains of its namespace; modules still held
/// elsewhere are then cleared in reverse import order, as CPython's
/// `finalize_modules_clear_weaklist` does.
fn finalize_modules() -> PyResult<()> {
    finalize_modules_delete_special()?;
    let modules = crate::import::modules_dict()?;
    // `finalize_remove_modules`: remember every module, replace it by None.
    let mut held: Vec<(PyObjectRef, PyRef<objects::moduleobject::PyModuleObject>)> = Vec::new();
    let mut pos = 0;
    while let Some((name, value)) = objects::dictobject::PyDict_Next(&modules, &mut pos) {
        if let Ok(m) =
            objects::PyObjectRefExt::downcast::<objects::moduleobject::PyModuleObject>(value)
        {
            held.push((name.clone(), m));
            PyDict_SetItem(&modules, &name, Py_None())?;
        }
    }
    // `finalize_clear_modules_dict`.
    objects::dictobject::PyDict_Clear(&modules);
    let sys = crate::sysmodule::sys_module().map(|m| m.as_object().to_owned());
    let builtins = crate::bltinmodule::builtins_module().map(|m| m.as_object().to_owned());
    let is_core = |m: &PyObject| {
        sys.as_ref().is_some_and(|s| s.is(m)) || builtins.as_ref().is_some_and(|b| b.is(m))
    };
    // Modules only `held` refers to would be dead in CPython: free them now.
    let mut alive = Vec::new();
    for (name, m) in held {
        if m.as_object().refcnt() == 1 && !is_core(m.as_object()) {
            let dict = m.md_dict.clone();
            drop(m);
            // SAFETY: `md_dict` is always a dict.
            let d = unsafe { dict.downcast_ref_unchecked::<objects::dictobject::PyDictObject>() };
            if dict.refcnt() > 1 {
                // Kept alive by a cycle through its own functions: the collector
                // would find it unreachable, run the finalizers of what it holds with
                // the namespace still intact, then clear it.
                // FIXME(pyrs): call the cycle collector here once it exists; this
                // reaches only the namespace's own values.
                let mut pos = 0;
                while let Some((_, v)) = objects::dictobject::PyDict_Next(d, &mut pos) {
                    objects::object::PyObject_CallFinalizer(&v);
                }
                objects::dictobject::PyDict_Clear(d);
            }
        } else {
            alive.push((name, m));
        }
    }
    // `finalize_modules_clear_weaklist`: the rest, newest first.
    for (_, m) in alive.iter().rev() {
        if !is_core(m.as_object()) {
            objects::moduleobject::_PyModule_Clear(m)?;
        }
    }
    drop(alive);
    // `finalize_clear_sys_builtins_dict`.
    if let Some(s) = crate::sysmodule::sys_module() {
        objects::dictobject::PyDict_Clear(s.dict());
    }
    if let Some(b) = crate::bltinmodule::builtins_module() {
        objects::dictobject::PyDict_Clear(b.dict());
    }
    Ok(())
}
