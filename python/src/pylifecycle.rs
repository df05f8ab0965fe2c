//! Starting and stopping the interpreter. Mirrors Python/pylifecycle.c (CPython 3.11):
//! ready every built-in type, make `builtins`, `sys` and `__main__`, install the
//! hooks the object layer calls up through; at the end, flush the standard streams
//! and tear the modules down (`finalize_modules`, with the cycle collector's help).
//!
//! At exit, `threading._shutdown()` waits for the non-daemon threads first
//! (`wait_for_thread_shutdown`), then the atexit callbacks run, then the finalizing
//! thread is recorded (python/src/ceval_gil.rs), after which no other thread runs
//! Python code again: daemon threads stop for good when they next take the GIL.
//!
//! Differences from CPython: no dump of the collector's statistics.

use std::sync::atomic::{AtomicBool, Ordering};

use include::object::GlobalCell;

use objects::dictobject::{PyDict_New, PyDict_SetItem};
use objects::moduleobject::PyModule_New;
use objects::object::Py_None;
use objects::prelude::*;
use objects::typeobject::PyType_Ready;

use crate::sysmodule::SysConfig;

static FINALIZING: AtomicBool = AtomicBool::new(false);

/// `interp->builtins_copy`: the `builtins` namespace as start-up made it, before
/// `open` and anything a program adds. `finalize_restore_builtins` puts it back at
/// exit, so that user values stored in `builtins` are released with the modules.
static BUILTINS_COPY: GlobalCell<Option<PyRef<objects::dictobject::PyDictObject>>> =
    GlobalCell::new(None);

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
    init_locale();
    // The main thread's state belongs to this thread (`_PyThreadState_Bind`).
    include::pystate::_PyThreadState_GET()
        .thread_id
        .set(crate::thread::PyThread_get_thread_ident());
    objects::init_types()?;
    for tp in static_types() {
        PyType_Ready(tp)?;
    }
    crate::ceval::install_hooks();
    crate::_warnings::install_hooks();
    objects::pyhooks::set_unraisable_hook(crate::pythonrun::write_unraisable);
    objects::pyhooks::set_signal_check(crate::signals::check_signals);
    let builtins = crate::bltinmodule::_PyBuiltin_Init()?;
    let copy = objects::dictobject::PyDict_Copy(builtins.dict())?;
    // SAFETY: set once here, before any Python code runs; read only at exit.
    unsafe { *BUILTINS_COPY.get_mut() = Some(copy) };
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
    // `add_main_module` records the loader of `__main__` once importlib exists.
    PyDict_SetItem(
        d,
        objects::intern!("__loader__"),
        &*crate::import::builtin_importer()?,
    )?;
    init_io(&builtins, cfg)?;
    init_warnings(cfg);
    if !cfg.no_site {
        init_import_site();
    }
    Ok(())
}

/// `_Py_SetLocaleFromEnv(LC_CTYPE)` of `_PyPreConfig_Write`: the LC_CTYPE locale is
/// the user's from start-up on. A legacy one ("C" or "POSIX", with LC_ALL unset) is
/// coerced to a UTF-8 locale, exported as `LC_CTYPE` for child processes
/// (`_Py_CoerceLegacyLocale`, PEP 538), unless PYTHONCOERCECLOCALE is "0".
fn init_locale() {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    // SAFETY: start-up, before any other thread exists; the strings `setlocale`
    // returns are read at once.
    unsafe {
        let cur = libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
        let legacy =
            cur.is_null() || matches!(std::ffi::CStr::from_ptr(cur).to_bytes(), b"C" | b"POSIX");
        if !legacy || var("LC_ALL").is_some() || var("PYTHONCOERCECLOCALE").as_deref() == Some("0")
        {
            return;
        }
        for target in [c"C.UTF-8", c"C.utf8", c"UTF-8"] {
            if !libc::setlocale(libc::LC_CTYPE, target.as_ptr()).is_null() {
                std::env::set_var("LC_CTYPE", target.to_str().unwrap_or("C.UTF-8"));
                return;
            }
        }
        // No UTF-8 locale: stay in the user's.
        libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
    }
}

/// The "Initialize warnings" step of `init_interp_main`: with `-W` options (or
/// `PYTHONWARNINGS`, `-X dev`, `-b`), import `warnings`, which turns
/// `sys.warnoptions` into filters.
fn init_warnings(cfg: &SysConfig) {
    if cfg.warnoptions.is_empty() {
        return;
    }
    if let Err(e) = crate::import::PyImport_ImportModule("warnings") {
        let mut out = String::from("'import warnings' failed; traceback:\n");
        crate::pythonrun::PyErr_Display(&e.into_value(), &mut out);
        crate::sysmodule::write_stderr(&out);
    }
}

/// `init_import_site`: import `site` (unless `-S`), which adds `exit`, `quit`,
/// `help`, `copyright`, `credits` and `license` to builtins and tidies `sys.path`.
/// Failing to import it is fatal, as in CPython (which then aborts; pyrs exits 1).
fn init_import_site() {
    if let Err(e) = crate::import::PyImport_ImportModule("site") {
        let mut out = String::from(
            "Fatal Python error: init_import_site: Failed to import the site module\n\
             Python runtime state: initialized\n",
        );
        crate::pythonrun::PyErr_Display(&e.into_value(), &mut out);
        crate::sysmodule::write_stderr(&out);
        std::process::exit(1);
    }
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
    let unbuffered = cfg.unbuffered;
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
pub fn stdio_errors() -> &'static str {
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
pub fn Py_FinalizeEx() -> i32 {
    let mut status = 0;
    wait_for_thread_shutdown();
    // `_PyAtExit_Call`: the atexit callbacks run first, with the interpreter whole.
    // They live in the `atexit` module (modules/src/atexitmodule.rs, a crate above
    // this one), so they are reached through the module, if it was imported.
    if let Ok(modules) = crate::import::modules_dict() {
        if let Ok(Some(m)) =
            objects::dictobject::PyDict_GetItemWithError(&modules, objects::intern!("atexit"))
        {
            match objects::object::PyObject_GetAttr(&m, objects::intern!("_run_exitfuncs")) {
                Ok(f) => {
                    if let Err(e) = objects::call::PyObject_CallNoArgs(&f) {
                        crate::pythonrun::write_unraisable(e, None);
                    }
                }
                Err(e) => crate::pythonrun::write_unraisable(e, None),
            }
        }
    }
    if let Err(e) = crate::sysmodule::flush_std_files() {
        let stdout = crate::sysmodule::PySys_GetObject("stdout");
        crate::pythonrun::write_unraisable(e, stdout.as_deref());
        status = 120;
    }
    FINALIZING.store(true, Ordering::Relaxed);
    crate::ceval_gil::_PyRuntimeState_SetFinalizing();
    // Collect garbage while the modules are still whole, so that finalizers see them
    // (only if collection is enabled; `gc.callbacks` are told).
    include::gc::PyGC_Collect();
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

/// `wait_for_thread_shutdown`: if `threading` was imported, call its `_shutdown()`,
/// which joins every non-daemon thread.
fn wait_for_thread_shutdown() {
    let Ok(modules) = crate::import::modules_dict() else {
        return;
    };
    let Ok(Some(threading)) =
        objects::dictobject::PyDict_GetItemWithError(&modules, objects::intern!("threading"))
    else {
        return;
    };
    let result = objects::object::PyObject_GetAttr(&threading, objects::intern!("_shutdown"))
        .and_then(|f| objects::call::PyObject_CallNoArgs(&f));
    if let Err(e) = result {
        crate::pythonrun::write_unraisable(e, Some(&threading));
    }
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

/// `finalize_modules`: empty `sys.modules` and let the modules die.
///
/// Every module is remembered through a weak reference, then `sys.modules` lets go of
/// them and `builtins` gets its start-up namespace back. A module nobody else holds dies at once and releases its namespace; a
/// namespace that its own functions and classes keep alive (their `__globals__`) is a
/// cycle, which the full collection that follows finds: the finalizers (`__del__`) of
/// what it holds run with the namespace still intact, then the cycle is cleared. The
/// modules still alive after that (held by something else) have their namespaces
/// cleared, the most recently imported first; `sys` and `builtins` last; and a last
/// collection frees what clearing them released.
fn finalize_modules() -> PyResult<()> {
    finalize_modules_delete_special()?;
    let modules = crate::import::modules_dict()?;
    let weaklist = finalize_remove_modules(&modules)?;
    // `finalize_clear_modules_dict`.
    objects::dictobject::PyDict_Clear(&modules);
    finalize_restore_builtins()?;
    include::gc::_PyGC_CollectNoFail();
    finalize_modules_clear_weaklist(&weaklist)?;
    drop(weaklist);
    // `finalize_clear_sys_builtins_dict`.
    if let Some(s) = crate::sysmodule::sys_module() {
        objects::dictobject::PyDict_Clear(s.dict());
    }
    if let Some(b) = crate::bltinmodule::builtins_module() {
        objects::dictobject::PyDict_Clear(b.dict());
    }
    include::gc::_PyGC_CollectNoFail();
    Ok(())
}

/// `finalize_restore_builtins`: `builtins` as start-up left it (see `BUILTINS_COPY`).
/// The values it loses are released after the namespace is whole again.
fn finalize_restore_builtins() -> PyResult<()> {
    // SAFETY: written once at start-up.
    let Some(copy) = (unsafe { BUILTINS_COPY.get_ref() }) else {
        return Ok(());
    };
    let builtins = crate::bltinmodule::builtins_dict();
    let old = objects::dictobject::PyDict_Copy(&builtins)?;
    objects::dictobject::PyDict_Clear(&builtins);
    objects::dictobject::PyDict_Update(&builtins, copy.as_object())?;
    drop(old);
    Ok(())
}

/// `finalize_remove_modules`: a weak reference to every module of `sys.modules`, in
/// its order, with the module's name; the module is replaced by None there.
fn finalize_remove_modules(
    modules: &objects::dictobject::PyDictObject,
) -> PyResult<Vec<(PyObjectRef, PyObjectRef)>> {
    let mut weaklist = Vec::new();
    let mut pos = 0;
    while let Some((name, value)) = objects::dictobject::PyDict_Next(modules, &mut pos) {
        if <objects::moduleobject::PyModuleObject as objects::PyTypeInfo>::check(&value) {
            let wr = objects::weakrefobject::PyWeakref_NewRef(&value, None)?;
            weaklist.push((name.clone(), wr));
            drop(value);
            PyDict_SetItem(modules, &name, Py_None())?;
        }
    }
    Ok(weaklist)
}

/// `finalize_modules_clear_weaklist`: clear the namespace of every module that is
/// still alive, newest first, except `sys` and `builtins`.
fn finalize_modules_clear_weaklist(weaklist: &[(PyObjectRef, PyObjectRef)]) -> PyResult<()> {
    let sys = crate::sysmodule::sys_module().map(|m| m.as_object() as *const PyObject);
    let builtins = crate::bltinmodule::builtins_module().map(|m| m.as_object() as *const PyObject);
    for (_, wr) in weaklist.iter().rev() {
        let m = objects::weakrefobject::PyWeakref_GetObject(wr)?;
        if m.is(Py_None()) {
            continue;
        }
        let p = m.as_object() as *const PyObject;
        if Some(p) == sys || Some(p) == builtins {
            continue;
        }
        if let Ok(m) = objects::PyObjectRefExt::downcast::<objects::moduleobject::PyModuleObject>(m)
        {
            objects::moduleobject::_PyModule_Clear(&m)?;
        }
    }
    Ok(())
}
