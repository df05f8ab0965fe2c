//! The `sys` module. Mirrors Python/sysmodule.c (CPython 3.11).
//!
//! Differences from CPython: `sys.implementation.name` is `'pyrs'` and its
//! `cache_tag` is `'pyrs-311'` (the bytecode cache's files are
//! `__pycache__/<module>.pyrs-311.pyc`, never CPython's); the standard
//! streams are `objects::fileobject` printers until the `_io` module provides
//! `TextIOWrapper`s.

use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;
use include::pystate::{_PyThreadState_GET, PyThreadState};

use objects::boolobject::PyBool_FromLong;
use objects::dictobject::*;
use objects::exceptions::*;
use objects::fileobject::PyFile_NewStdPrinter;
use objects::longobject::{PyLong_FromLong, PyLong_FromSsize_t, PyLong_FromU64};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::prelude::*;
use objects::structseq::{
    disallow_instantiation, PyStructSequence_Desc, PyStructSequence_New, PyStructSequence_NewType,
};
use objects::tupleobject::PyTuple_New;
use objects::unicodeobject::{as_str_lossy, PyUnicode_FromString};

/// The version pyrs reports (`PY_VERSION`).
pub const PY_VERSION: &str = "3.11.7";
/// `PY_VERSION_HEX` for 3.11.7 final.
pub const PY_VERSION_HEX: u64 = 0x030B07F0;
/// pyrs's own version.
pub const PYRS_VERSION: &str = env!("CARGO_PKG_VERSION");

static SYS_MODULE: GlobalCell<Option<PyRef<PyModuleObject>>> = GlobalCell::new(None);

/// The `sys` module.
pub fn sys_module() -> Option<&'static PyModuleObject> {
    // SAFETY: set once at start-up and never replaced.
    unsafe { SYS_MODULE.get_ref() }.as_deref()
}

/// `PySys_GetObject`: `sys.<name>`, if set.
pub fn PySys_GetObject(name: &str) -> Option<PyObjectRef> {
    let m = sys_module()?;
    PyDict_GetItemWithError(
        m.dict(),
        &objects::unicodeobject::PyUnicode_InternFromString(name),
    )
    .ok()
    .flatten()
}

/// `PySys_SetObject`.
pub fn PySys_SetObject(name: &str, value: &PyObject) -> PyResult<()> {
    match sys_module() {
        Some(m) => PyModule_AddObject(m, name, value),
        None => Err(system_error("sys module is not initialised")),
    }
}

/// `sys.tracebacklimit`, if set to an int.
pub fn traceback_limit() -> Option<i64> {
    let v = PySys_GetObject("tracebacklimit")?;
    let l = v.downcast_ref::<objects::longobject::PyLongObject>()?;
    Some(
        l.as_i64()
            .unwrap_or(if l.is_negative() { i64::MIN } else { i64::MAX }),
    )
}

/// Write text to `sys.stdout` (or `sys.stderr`) through its `write` method
/// (`PyFile_WriteString`).
pub fn write_to(stream_name: &str, text: &str) -> PyResult<()> {
    let Some(stream) = PySys_GetObject(stream_name).filter(|s| !s.is(Py_None())) else {
        return Err(runtime_error(format!("lost sys.{stream_name}")));
    };
    crate::bltinmodule::file_write_string(&stream, text)
}

/// Write to `sys.stderr`, falling back to the process's stderr if it is unusable.
pub fn write_stderr(text: &str) {
    if write_to("stderr", text).is_err() {
        eprint!("{text}");
    }
}

/// `file_is_closed`: `bool(f.closed)`, false if that cannot be told.
fn file_is_closed(f: &PyObject) -> bool {
    match objects::object::PyObject_GetAttr(f, objects::intern!("closed")) {
        Ok(v) => objects::object::PyObject_IsTrue(&v).unwrap_or(false),
        Err(_) => false,
    }
}

/// Flush `sys.stdout` and `sys.stderr` (at exit and before an uncaught exception is
/// printed), ignoring errors as CPython's `flush_std_files` reports them only once.
pub fn flush_std_files() -> PyResult<()> {
    let mut result = Ok(());
    for name in ["stdout", "stderr"] {
        // A closed stream is left alone (`file_is_closed`).
        if let Some(s) = PySys_GetObject(name).filter(|s| !s.is(Py_None()) && !file_is_closed(s)) {
            if let Ok(Some(flush)) = _PyObject_LookupAttr(&s, objects::intern!("flush")) {
                if let Err(e) = objects::call::PyObject_CallNoArgs(&flush) {
                    if result.is_ok() {
                        result = Err(e);
                    }
                }
            }
        }
    }
    result
}

// --- functions ---------------------------------------------------------------------------

fn sys_exit(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("exit", args.len(), 0, 1)?;
    match args.first() {
        Some(code) => Err(PyErr_SetObject(&PyExc_SystemExit, code.clone())),
        None => Err(PyErr_FromArgs(&PyExc_SystemExit, &[])),
    }
}

fn sys_getrecursionlimit(_m: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(
        _PyThreadState_GET().recursion_limit.get() as i64
    ))
}

fn sys_setrecursionlimit(_m: &PyObject, arg: &PyObject) -> PyResult {
    if objects::floatobject::PyFloatObject::check(arg) {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let new = objects::longobject::PyLong_AsLong(arg)?;
    if new < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let new = new.min(i32::MAX as i64) as i32;
    let ts = _PyThreadState_GET();
    let old = ts.recursion_limit.get();
    let depth = old - ts.recursion_remaining.get();
    if depth >= new {
        return Err(recursion_error(format!(
            "cannot set the recursion limit to {new} at the recursion depth {depth}: the limit is too low"
        )));
    }
    ts.recursion_limit.set(new);
    ts.recursion_remaining.set(new - depth);
    Ok(none())
}

fn sys_getrefcount(_m: &PyObject, arg: &PyObject) -> PyResult {
    Ok(PyLong_FromSsize_t(arg.refcnt()))
}

fn sys_getsizeof(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = objects::getargs::parse_args("getsizeof", args, kwnames, &["object", "default"], 1)?;
    let obj = a[0].clone().unwrap_or_else(none);
    let res =
        match objects::typeobject::_PyObject_LookupSpecial(&obj, objects::intern!("__sizeof__"))? {
            Some(m) => objects::call::PyObject_CallNoArgs(&m),
            None => Err(type_error(format!(
                "Type {} doesn't define __sizeof__",
                obj.ob_type().name()
            ))),
        };
    let res = match (res, &a[1]) {
        (Ok(r), _) => r,
        (Err(e), Some(default)) if PyErr_ExceptionMatches(&e, &PyExc_TypeError) => {
            return Ok(default.clone())
        }
        (Err(e), _) => return Err(e),
    };
    let size = objects::r#abstract::PyNumber_AsSsize_t(&res, Some(&PyExc_OverflowError))?;
    if size < 0 {
        return Err(value_error("__sizeof__() should return >= 0"));
    }
    // GC objects carry a 16-byte header in front, counted as CPython counts it.
    let extra = if obj.ob_type().is_gc() {
        include::gc::GC_HEAD_SIZE as isize
    } else {
        0
    };
    Ok(PyLong_FromSsize_t(size + extra))
}

fn sys_intern(_m: &PyObject, arg: &PyObject) -> PyResult {
    if !arg.is_type(&objects::unicodeobject::PyUnicode_Type) {
        return Err(type_error(format!(
            "intern() argument must be str, not {}",
            arg.ob_type().name()
        )));
    }
    Ok(objects::unicodeobject::PyUnicode_InternInPlace(
        arg.to_owned(),
    ))
}

fn sys_getframe(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("_getframe", args.len(), 0, 1)?;
    let mut depth = match args.first() {
        Some(d) => objects::r#abstract::PyNumber_AsSsize_t(d, Some(&PyExc_OverflowError))?,
        None => 0,
    };
    let mut frame = _PyThreadState_GET().current_frame.get();
    // SAFETY: the frame chain links live frames.
    unsafe {
        while depth > 0 && !frame.is_null() {
            frame = (*frame).previous;
            depth -= 1;
        }
        if frame.is_null() {
            return Err(value_error("call stack is not deep enough"));
        }
        Ok(objects::frameobject::_PyFrame_GetFrameObject(frame))
    }
}

/// The exception being handled, walking down the handled-exception stack
/// (`_PyErr_GetTopmostException`).
pub fn topmost_exception() -> Option<PyObjectRef> {
    thread_topmost_exception(_PyThreadState_GET())
}

/// `_PyErr_GetTopmostException` for thread state `ts`, which may be another thread's
/// (that thread waits for the GIL, which we hold, so its stack does not change).
fn thread_topmost_exception(ts: &PyThreadState) -> Option<PyObjectRef> {
    let mut item = ts.exc_info.get();
    // SAFETY: the stack items are live while linked.
    unsafe {
        while !item.is_null() {
            if let Some(v) = (*item).exc_value.get() {
                if !v.is(Py_None()) {
                    return Some(v);
                }
            }
            item = (*item).previous_item.get();
        }
    }
    ts.exc_state.exc_value.get().filter(|v| !v.is(Py_None()))
}

/// `_PyErr_StackItemToExcInfoTuple`: `(type, value, traceback)` of `exc`, or three Nones.
fn exc_info_tuple(exc: Option<PyObjectRef>) -> PyObjectRef {
    match exc {
        Some(v) => {
            let tp = v.ob_type().as_object().to_owned();
            let tb = exc_traceback(&v).unwrap_or_else(none);
            PyTuple_New(vec![tp, v, tb]).into_object()
        }
        None => PyTuple_New(vec![none(), none(), none()]).into_object(),
    }
}

fn sys_exc_info(_m: &PyObject) -> PyResult {
    Ok(exc_info_tuple(topmost_exception()))
}

fn sys_exception(_m: &PyObject) -> PyResult {
    Ok(topmost_exception().unwrap_or_else(none))
}

/// `sys.displayhook`: print `repr(value)` and keep it in `builtins._`.
fn sys_displayhook(_m: &PyObject, value: &PyObject) -> PyResult {
    if value.is(Py_None()) {
        return Ok(none());
    }
    let builtins = crate::bltinmodule::builtins_dict();
    PyDict_SetItem(&builtins, objects::intern!("_"), Py_None())?;
    let r = PyObject_Repr(value)?;
    write_to("stdout", &as_str_lossy(&r))?;
    write_to("stdout", "\n")?;
    PyDict_SetItem(&builtins, objects::intern!("_"), value)?;
    Ok(none())
}

/// Call `sys.displayhook(value)` (`PRINT_EXPR`).
pub fn call_displayhook(value: &PyObject) -> PyResult<()> {
    let Some(hook) = PySys_GetObject("displayhook") else {
        return Err(runtime_error("lost sys.displayhook"));
    };
    objects::call::PyObject_CallOneArg(&hook, value)?;
    Ok(())
}

fn sys_excepthook(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("excepthook", args.len(), 3, 3)?;
    let mut out = String::new();
    crate::pythonrun::PyErr_Display(&args[1], &mut out);
    write_to("stderr", &out)?;
    Ok(none())
}

fn sys_getdefaultencoding(_m: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("utf-8"))
}

fn sys_getfilesystemencoding(_m: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("utf-8"))
}

fn sys_getfilesystemencodeerrors(_m: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("surrogateescape"))
}

fn sys_get_int_max_str_digits(_m: &PyObject) -> PyResult {
    // SAFETY: a Cell in a global, read only.
    let v = unsafe { objects::longobject::INT_MAX_STR_DIGITS.get_ref() }.get();
    Ok(PyLong_FromSsize_t(v as isize))
}

fn sys_set_int_max_str_digits(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a =
        objects::getargs::parse_args("set_int_max_str_digits", args, kwnames, &["maxdigits"], 1)?;
    let n = objects::longobject::PyLong_AsLong(&a[0].clone().unwrap_or_else(none))?;
    if n != 0 && n < 640 {
        return Err(value_error("maxdigits must be 0 or larger than 640"));
    }
    // SAFETY: a Cell in a global.
    unsafe { objects::longobject::INT_MAX_STR_DIGITS.get_ref() }.set(n as usize);
    Ok(none())
}

fn sys_is_finalizing(_m: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(crate::pylifecycle::is_finalizing()))
}

fn sys_unraisablehook(_m: &PyObject, arg: &PyObject) -> PyResult {
    let get = |n: &str| {
        PyObject_GetAttr(arg, &objects::unicodeobject::PyUnicode_InternFromString(n))
            .unwrap_or_else(|_| none())
    };
    let (exc_type, exc_value, exc_tb) = (get("exc_type"), get("exc_value"), get("exc_traceback"));
    let (err_msg, obj) = (get("err_msg"), get("object"));
    let mut out = String::new();
    crate::pythonrun::format_unraisable(
        Some(&exc_type),
        Some(&exc_value),
        Some(&exc_tb),
        Some(&err_msg),
        Some(&obj),
        &mut out,
    );
    write_to("stderr", &out)?;
    Ok(none())
}

fn sys_getallocatedblocks(_m: &PyObject) -> PyResult {
    Ok(PyLong_FromSsize_t(
        objects::obmalloc::_Py_GetAllocatedBlocks(),
    ))
}

// --- Hooks and interpreter settings ----------------------------------------------------------

/// The audit hooks (`runtime->audit_hook_head` for Rust hooks and
/// `interp->audit_hooks` for Python ones; pyrs has only the latter).
static AUDIT_HOOKS: GlobalCell<Vec<PyObjectRef>> = GlobalCell::new(Vec::new());

/// `PySys_Audit`: call every audit hook with `(event, args)`; an exception from a
/// hook aborts the operation being audited.
pub fn PySys_Audit(event: &str, args: Vec<PyObjectRef>) -> PyResult<()> {
    // SAFETY: the list is only changed by `sys.addaudithook`, and the copy taken here
    // keeps the hooks alive while they run.
    let hooks = unsafe { AUDIT_HOOKS.get_ref() }.clone();
    if hooks.is_empty() {
        return Ok(());
    }
    let event = PyUnicode_FromString(event);
    let args = PyTuple_New(args).into_object();
    for hook in hooks {
        objects::call::PyObject_Vectorcall(&hook, &[event.clone(), args.clone()], None)?;
    }
    Ok(())
}

/// `sys.addaudithook(hook)`: the "sys.addaudithook" event goes to the existing hooks
/// first; a RuntimeError from one of them silently refuses the new hook.
fn sys_addaudithook(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = objects::getargs::parse_args("addaudithook", args, kwnames, &["hook"], 1)?;
    let hook = a[0].clone().unwrap_or_else(none);
    if let Err(e) = PySys_Audit("sys.addaudithook", Vec::new()) {
        if PyErr_ExceptionMatches(&e, &PyExc_RuntimeError) {
            return Ok(none());
        }
        return Err(e);
    }
    // SAFETY: no borrow of the list is live.
    unsafe { AUDIT_HOOKS.get_mut() }.push(hook);
    Ok(none())
}

/// `sys.audit(event, *args)`.
fn sys_audit(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let Some(event) = args.first() else {
        return Err(type_error(
            "audit() missing 1 required positional argument: 'event'",
        ));
    };
    let Some(name) = event.downcast_ref::<objects::unicodeobject::PyUnicodeObject>() else {
        return Err(type_error(format!(
            "expected str for argument 'event', not {}",
            event.ob_type().name()
        )));
    };
    // SAFETY: as in `PySys_Audit`.
    if unsafe { AUDIT_HOOKS.get_ref() }.is_empty() {
        return Ok(none());
    }
    PySys_Audit(&as_str_lossy(name.as_object()), args[1..].to_vec())?;
    Ok(none())
}

/// `sys.breakpointhook(*args, **kws)`: import and call `$PYTHONBREAKPOINT`
/// (`pdb.set_trace` by default; `0` disables breakpoints).
fn sys_breakpointhook(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let env = if ignore_environment() {
        None
    } else {
        std::env::var("PYTHONBREAKPOINT").ok()
    };
    let hookname = match env.as_deref() {
        None | Some("") => "pdb.set_trace".to_string(),
        Some("0") => return Ok(none()),
        Some(v) => v.to_string(),
    };
    let (module, attr) = match hookname.rfind('.') {
        None => ("builtins", hookname.as_str()),
        Some(0) => return breakpoint_warn(&hookname),
        Some(i) => (&hookname[..i], &hookname[i + 1..]),
    };
    let m = match crate::import::PyImport_ImportModule(module) {
        Ok(m) => m,
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_ImportError) => {
            return breakpoint_warn(&hookname)
        }
        Err(e) => return Err(e),
    };
    let hook = match PyObject_GetAttr(&m, &PyUnicode_FromString(attr)) {
        Ok(h) => h,
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_AttributeError) => {
            return breakpoint_warn(&hookname)
        }
        Err(e) => return Err(e),
    };
    objects::call::PyObject_Vectorcall(&hook, args, kwnames)
}

/// The RuntimeWarning for a `$PYTHONBREAKPOINT` that cannot be imported.
fn breakpoint_warn(hookname: &str) -> PyResult {
    let warnings = crate::import::PyImport_ImportModule("warnings")?;
    let warn = PyObject_GetAttr(&warnings, objects::intern!("warn"))?;
    let msg = PyUnicode_FromString(&format!(
        "Ignoring unimportable $PYTHONBREAKPOINT: \"{hookname}\""
    ));
    objects::call::PyObject_Vectorcall(
        &warn,
        &[msg, PyExc_RuntimeWarning.as_object().to_owned()],
        None,
    )?;
    Ok(none())
}

/// Whether `-E` (or `-I`) was given: `sys.flags.ignore_environment`.
fn ignore_environment() -> bool {
    PySys_GetObject("flags")
        .and_then(|f| PyObject_GetAttr(&f, objects::intern!("ignore_environment")).ok())
        .is_some_and(|v| PyObject_IsTrue(&v).unwrap_or(false))
}

fn sys_getswitchinterval(_m: &PyObject) -> PyResult {
    let us = crate::ceval_gil::_PyEval_GetSwitchInterval();
    Ok(objects::floatobject::PyFloat_FromDouble(1e-6 * us as f64))
}

fn sys_setswitchinterval(_m: &PyObject, arg: &PyObject) -> PyResult {
    let interval = objects::floatobject::PyFloat_AsDouble(arg)?;
    if interval <= 0.0 {
        return Err(value_error("switch interval must be strictly positive"));
    }
    crate::ceval_gil::_PyEval_SetSwitchInterval((1e6 * interval) as u64);
    Ok(none())
}

/// `sys._clear_type_cache()`.
fn sys_clear_type_cache(_m: &PyObject) -> PyResult {
    objects::typeobject::PyType_ClearCache();
    Ok(none())
}

/// The flags `dlopen()` would get (`interp->dlopenflags`); pyrs loads no extension
/// modules, so the value is only kept and reported.
static DLOPEN_FLAGS: GlobalCell<std::cell::Cell<i64>> =
    GlobalCell::new(std::cell::Cell::new(libc::RTLD_NOW as i64));

fn sys_getdlopenflags(_m: &PyObject) -> PyResult {
    // SAFETY: a Cell used by the interpreter's thread only.
    Ok(PyLong_FromLong(unsafe { DLOPEN_FLAGS.get_ref() }.get()))
}

fn sys_setdlopenflags(_m: &PyObject, arg: &PyObject) -> PyResult {
    let v = objects::longobject::PyLong_AsLong(&*objects::r#abstract::PyNumber_Index(arg)?)?;
    let v = i32::try_from(v).map_err(|_| {
        objects::pyerrors::PyErr_SetString(
            &PyExc_OverflowError,
            if v < 0 {
                "signed integer is less than minimum"
            } else {
                "signed integer is greater than maximum"
            },
        )
    })?;
    // SAFETY: as above.
    unsafe { DLOPEN_FLAGS.get_ref() }.set(v as i64);
    Ok(none())
}

/// The thread identifier `threading.get_ident()` reports (`PyThread_get_thread_ident`).
/// The live thread states with the OS thread ident each is bound to (states not
/// yet bound to a thread are left out).
fn bound_thread_states() -> Vec<(&'static PyThreadState, u64)> {
    include::pystate::interp_threads()
        .into_iter()
        .filter_map(|ts| {
            // SAFETY: listed states are live while we hold the GIL (a state leaves
            // the list, under the GIL, before it is freed).
            let ts: &'static PyThreadState = unsafe { &*ts };
            let id = ts.thread_id.get();
            (id != 0).then_some((ts, id))
        })
        .collect()
}

/// `sys._current_frames()` (`_PyThread_CurrentFrames`): each thread's innermost
/// started frame, by thread ident.
fn sys_current_frames(_m: &PyObject) -> PyResult {
    let d = PyDict_New();
    for (ts, id) in bound_thread_states() {
        let mut frame = ts.current_frame.get();
        // SAFETY: a thread's frame chain is live and does not change while we hold
        // the GIL.
        unsafe {
            while !frame.is_null() && !crate::_warnings::frame_is_complete(frame) {
                frame = (*frame).previous;
            }
            if frame.is_null() {
                continue;
            }
            let f = objects::frameobject::_PyFrame_GetFrameObject(frame);
            PyDict_SetItem(&d, &PyLong_FromU64(id), &f)?;
        }
    }
    Ok(d.into_object())
}

/// `sys._current_exceptions()` (`_PyThread_CurrentExceptions`): the `exc_info()`
/// triple of the exception each thread is handling, by thread ident.
fn sys_current_exceptions(_m: &PyObject) -> PyResult {
    let d = PyDict_New();
    for (ts, id) in bound_thread_states() {
        PyDict_SetItem(
            &d,
            &PyLong_FromU64(id),
            &exc_info_tuple(thread_topmost_exception(ts)),
        )?;
    }
    Ok(d.into_object())
}

static THREAD_INFO_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "sys.thread_info",
    doc: "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
    fields: &["name", "lock", "version"],
    n_in_sequence: 3,
};

/// `sys.thread_info` (`PyThread_GetInfo`): POSIX threads with semaphore locks, and the
/// C library's name for its thread implementation.
fn thread_info() -> PyResult {
    let mut buf = [0u8; 64];
    // SAFETY: confstr writes at most `buf.len()` bytes, NUL-terminated.
    let n = unsafe {
        libc::confstr(
            libc::_CS_GNU_LIBPTHREAD_VERSION,
            buf.as_mut_ptr() as *mut libc::c_char,
            buf.len(),
        )
    };
    let version = if n > 1 && n <= buf.len() {
        PyUnicode_FromString(&String::from_utf8_lossy(&buf[..n - 1]))
    } else {
        none()
    };
    structseq(
        &THREAD_INFO_DESC,
        vec![
            PyUnicode_FromString("pthread"),
            PyUnicode_FromString("semaphore"),
            version,
        ],
        true,
    )
}

static ASYNCGEN_HOOKS_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "asyncgen_hooks",
    doc: "",
    fields: &["firstiter", "finalizer"],
    n_in_sequence: 2,
};

static ASYNCGEN_HOOKS_TYPE: GlobalCell<Option<&'static PyTypeObject>> = GlobalCell::new(None);

/// `sys.get_asyncgen_hooks()`.
fn sys_get_asyncgen_hooks(_m: &PyObject) -> PyResult {
    // SAFETY: set once on first use by the interpreter's thread.
    let tp = match unsafe { ASYNCGEN_HOOKS_TYPE.get_ref() } {
        Some(tp) => *tp,
        None => {
            let tp = PyStructSequence_NewType(&ASYNCGEN_HOOKS_DESC)?;
            // SAFETY: as above; no borrow is live.
            unsafe { *ASYNCGEN_HOOKS_TYPE.get_mut() = Some(tp) };
            tp
        }
    };
    let (first, fin) = objects::genobject::get_async_gen_hooks();
    PyStructSequence_New(
        tp,
        vec![first.unwrap_or_else(none), fin.unwrap_or_else(none)],
    )
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: a hook not given keeps
/// its value; `None` unsets it.
fn sys_set_asyncgen_hooks(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = objects::getargs::parse_args(
        "set_asyncgen_hooks",
        args,
        kwnames,
        &["firstiter", "finalizer"],
        0,
    )?;
    let (mut first, mut fin) = objects::genobject::get_async_gen_hooks();
    let check = |v: &PyObject, what: &str| -> PyResult<Option<PyObjectRef>> {
        if v.is(Py_None()) {
            return Ok(None);
        }
        if v.ob_type().tp_call.get().is_none() {
            return Err(type_error(format!(
                "callable {what} expected, got {}",
                v.ob_type().name()
            )));
        }
        Ok(Some(v.to_owned()))
    };
    // CPython checks the finalizer first.
    if let Some(v) = &a[1] {
        fin = check(v, "finalizer")?;
    }
    if let Some(v) = &a[0] {
        first = check(v, "firstiter")?;
    }
    objects::genobject::set_async_gen_hooks(first, fin);
    Ok(none())
}

fn sys_get_coroutine_origin_tracking_depth(_m: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(
        objects::genobject::coroutine_origin_tracking_depth() as i64,
    ))
}

fn sys_set_coroutine_origin_tracking_depth(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = objects::getargs::parse_args(
        "set_coroutine_origin_tracking_depth",
        args,
        kwnames,
        &["depth"],
        1,
    )?;
    let v = a[0].clone().unwrap_or_else(none);
    if objects::floatobject::PyFloatObject::check(&v) {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let depth = objects::longobject::PyLong_AsLong(&*objects::r#abstract::PyNumber_Index(&v)?)?;
    if depth < 0 {
        return Err(value_error("depth must be >= 0"));
    }
    let depth = i32::try_from(depth).map_err(|_| {
        objects::pyerrors::PyErr_SetString(
            &PyExc_OverflowError,
            "Python int too large to convert to C int",
        )
    })?;
    objects::genobject::set_coroutine_origin_tracking_depth(depth);
    Ok(none())
}

/// The event names a trace function receives (`whatstrings`).
const WHATSTRINGS: [&str; 8] = [
    "call",
    "exception",
    "line",
    "return",
    "c_call",
    "c_exception",
    "c_return",
    "opcode",
];

/// Call a Python trace or profile function as `callback(frame, event, arg)`
/// (`call_trampoline`).
fn call_trampoline(
    callback: &PyObject,
    frame: &PyObject,
    what: i32,
    arg: Option<&PyObject>,
) -> PyResult {
    let event = objects::unicodeobject::PyUnicode_InternFromString(WHATSTRINGS[what as usize]);
    let args = [
        frame.to_owned(),
        event,
        arg.map_or_else(none, |a| a.to_owned()),
    ];
    objects::call::PyObject_Vectorcall(callback, &args, None)
}

/// The `Py_tracefunc` of `sys.settrace` (`trace_trampoline`): the global function
/// for `call` events, the frame's `f_trace` for the others. What it returns becomes
/// the frame's local trace function (None leaves it as it was); if it raises,
/// tracing is turned off.
fn trace_trampoline(
    self_: &PyObject,
    frame: &PyObject,
    what: i32,
    arg: Option<&PyObject>,
) -> PyResult<()> {
    let Some(f) = frame.downcast_ref::<objects::frameobject::PyFrameObject>() else {
        return Ok(());
    };
    let callback = if what == include::pystate::PyTrace_CALL {
        Some(self_.to_owned())
    } else {
        f.f_trace.get()
    };
    let Some(callback) = callback else {
        return Ok(());
    };
    match call_trampoline(&callback, frame, what, arg) {
        Err(e) => {
            let _ = crate::ceval_trace::_PyEval_SetTrace(_PyThreadState_GET(), None, None);
            let old = f.f_trace.take();
            drop(old);
            Err(e)
        }
        Ok(result) => {
            if !result.is(Py_None()) {
                let old = f.f_trace.replace(Some(result));
                drop(old);
            }
            Ok(())
        }
    }
}

/// The `Py_tracefunc` of `sys.setprofile` (`profile_trampoline`); if the function
/// raises, profiling is turned off.
fn profile_trampoline(
    self_: &PyObject,
    frame: &PyObject,
    what: i32,
    arg: Option<&PyObject>,
) -> PyResult<()> {
    match call_trampoline(self_, frame, what, arg) {
        Ok(_) => Ok(()),
        Err(e) => {
            let _ = crate::ceval_trace::_PyEval_SetProfile(_PyThreadState_GET(), None, None);
            Err(e)
        }
    }
}

fn sys_settrace(_m: &PyObject, function: &PyObject) -> PyResult {
    let tstate = _PyThreadState_GET();
    if function.is(Py_None()) {
        crate::ceval_trace::_PyEval_SetTrace(tstate, None, None)?;
    } else {
        crate::ceval_trace::_PyEval_SetTrace(
            tstate,
            Some(trace_trampoline),
            Some(function.to_owned()),
        )?;
    }
    Ok(none())
}

fn sys_gettrace(_m: &PyObject) -> PyResult {
    Ok(_PyThreadState_GET().c_traceobj.get().unwrap_or_else(none))
}

fn sys_setprofile(_m: &PyObject, function: &PyObject) -> PyResult {
    let tstate = _PyThreadState_GET();
    if function.is(Py_None()) {
        crate::ceval_trace::_PyEval_SetProfile(tstate, None, None)?;
    } else {
        crate::ceval_trace::_PyEval_SetProfile(
            tstate,
            Some(profile_trampoline),
            Some(function.to_owned()),
        )?;
    }
    Ok(none())
}

fn sys_getprofile(_m: &PyObject) -> PyResult {
    Ok(_PyThreadState_GET().c_profileobj.get().unwrap_or_else(none))
}

/// `sys.call_tracing(func, args)`: `func(*args)` with tracing on again.
fn sys_call_tracing(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("call_tracing", args.len(), 2, 2)?;
    if !objects::tupleobject::PyTupleObject::check(&args[1]) {
        return Err(type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}",
            args[1].ob_type().name()
        )));
    }
    crate::ceval_trace::_PyEval_CallTracing(&args[0], &args[1])
}

static SYS_METHODS: [PyMethodDef; 41] = [
    PyMethodDef::new("settrace", PyCFunction::O(sys_settrace), "settrace(function)\n\nSet the global debug tracing function.  It will be called on each\nfunction call.  See the debugger chapter in the library manual."),
    PyMethodDef::new("gettrace", PyCFunction::NoArgs(sys_gettrace), "gettrace($module, /)\n--\n\nReturn the global debug tracing function set with sys.settrace.\n\nSee the debugger chapter in the library manual."),
    PyMethodDef::new("setprofile", PyCFunction::O(sys_setprofile), "setprofile(function)\n\nSet the profiling function.  It will be called on each function call\nand return.  See the profiler chapter in the library manual."),
    PyMethodDef::new("getprofile", PyCFunction::NoArgs(sys_getprofile), "getprofile($module, /)\n--\n\nReturn the profiling function set with sys.setprofile.\n\nSee the profiler chapter in the library manual."),
    PyMethodDef::new("call_tracing", PyCFunction::Fast(sys_call_tracing), "call_tracing($module, func, args, /)\n--\n\nCall func(*args), while tracing is enabled.\n\nThe tracing state is saved, and restored afterwards.  This is intended\nto be called from a debugger from a checkpoint, to recursively debug\nsome other code."),
    PyMethodDef::new("exit", PyCFunction::Fast(sys_exit), "exit($module, status=None, /)\n--\n\nExit the interpreter by raising SystemExit(status).\n\nIf the status is omitted or None, it defaults to zero (i.e., success).\nIf the status is an integer, it will be used as the system exit status.\nIf it is another kind of object, it will be printed and the system\nexit status will be one (i.e., failure)."),
    PyMethodDef::new("getrecursionlimit", PyCFunction::NoArgs(sys_getrecursionlimit), "getrecursionlimit($module, /)\n--\n\nReturn the current value of the recursion limit.\n\nThe recursion limit is the maximum depth of the Python interpreter\nstack.  This limit prevents infinite recursion from causing an overflow\nof the C stack and crashing Python."),
    PyMethodDef::new("setrecursionlimit", PyCFunction::O(sys_setrecursionlimit), "setrecursionlimit($module, limit, /)\n--\n\nSet the maximum depth of the Python interpreter stack to n.\n\nThis limit prevents infinite recursion from causing an overflow of the C\nstack and crashing Python.  The highest possible limit is platform-\ndependent."),
    PyMethodDef::new("getrefcount", PyCFunction::O(sys_getrefcount), "getrefcount($module, object, /)\n--\n\nReturn the reference count of object.\n\nThe count returned is generally one higher than you might expect,\nbecause it includes the (temporary) reference as an argument to\ngetrefcount()."),
    PyMethodDef::new("getsizeof", PyCFunction::FastKw(sys_getsizeof), "getsizeof(object [, default]) -> int\n\nReturn the size of object in bytes."),
    PyMethodDef::new("intern", PyCFunction::O(sys_intern), "intern($module, string, /)\n--\n\n``Intern'' the given string.\n\nThis enters the string in the (global) table of interned strings whose\npurpose is to speed up dictionary lookups. Return the string itself or\nthe previously interned string object with the same value."),
    PyMethodDef::new("_getframe", PyCFunction::Fast(sys_getframe), "_getframe($module, depth=0, /)\n--\n\nReturn a frame object from the call stack.\n\nIf optional integer depth is given, return the frame object that many\ncalls below the top of the stack.  If that is deeper than the call\nstack, ValueError is raised.  The default for depth is zero, returning\nthe frame at the top of the call stack.\n\nThis function should be used for internal and specialized purposes\nonly."),
    PyMethodDef::new("exc_info", PyCFunction::NoArgs(sys_exc_info), "exc_info($module, /)\n--\n\nReturn current exception information: (type, value, traceback).\n\nReturn information about the most recent exception caught by an except\nclause in the current stack frame or in an older stack frame."),
    PyMethodDef::new("exception", PyCFunction::NoArgs(sys_exception), "exception($module, /)\n--\n\nReturn the current exception.\n\nReturn the most recent exception caught by an except clause\nin the current stack frame or in an older stack frame, or None\nif no such exception exists."),
    PyMethodDef::new("displayhook", PyCFunction::O(sys_displayhook), "displayhook($module, object, /)\n--\n\nPrint an object to sys.stdout and also save it in builtins._"),
    PyMethodDef::new("excepthook", PyCFunction::Fast(sys_excepthook), "excepthook($module, exctype, value, traceback, /)\n--\n\nHandle an exception by displaying it with a traceback on sys.stderr."),
    PyMethodDef::new("getdefaultencoding", PyCFunction::NoArgs(sys_getdefaultencoding), "getdefaultencoding($module, /)\n--\n\nReturn the current default encoding used by the Unicode implementation."),
    PyMethodDef::new("getfilesystemencoding", PyCFunction::NoArgs(sys_getfilesystemencoding), "getfilesystemencoding($module, /)\n--\n\nReturn the encoding used to convert Unicode filenames to OS filenames."),
    PyMethodDef::new("getfilesystemencodeerrors", PyCFunction::NoArgs(sys_getfilesystemencodeerrors), "getfilesystemencodeerrors($module, /)\n--\n\nReturn the error mode used Unicode to OS filename conversion."),
    PyMethodDef::new("get_int_max_str_digits", PyCFunction::NoArgs(sys_get_int_max_str_digits), "get_int_max_str_digits($module, /)\n--\n\nReturn the maximum string digits limit for non-binary int<->str conversions."),
    PyMethodDef::new("set_int_max_str_digits", PyCFunction::FastKw(sys_set_int_max_str_digits), "set_int_max_str_digits($module, /, maxdigits)\n--\n\nSet the maximum string digits limit for non-binary int<->str conversions."),
    PyMethodDef::new("is_finalizing", PyCFunction::NoArgs(sys_is_finalizing), "is_finalizing($module, /)\n--\n\nReturn True if Python is exiting."),
    PyMethodDef::new("unraisablehook", PyCFunction::O(sys_unraisablehook), "unraisablehook($module, unraisable, /)\n--\n\nHandle an unraisable exception."),
    PyMethodDef::new("getswitchinterval", PyCFunction::NoArgs(sys_getswitchinterval), "getswitchinterval($module, /)\n--\n\nReturn the current thread switch interval; see sys.setswitchinterval()."),
    PyMethodDef::new("setswitchinterval", PyCFunction::O(sys_setswitchinterval), "setswitchinterval($module, interval, /)\n--\n\nSet the ideal thread switching delay inside the Python interpreter.\n\nThe actual frequency of switching threads can be lower if the\ninterpreter executes long sequences of uninterruptible code\n(this is implementation-specific and workload-dependent).\n\nThe parameter must represent the desired switching delay in seconds\nA typical value is 0.005 (5 milliseconds)."),
    PyMethodDef::new("addaudithook", PyCFunction::FastKw(sys_addaudithook), "addaudithook($module, /, hook)\n--\n\nAdds a new audit hook callback."),
    PyMethodDef::new("audit", PyCFunction::Fast(sys_audit), "audit(event, *args)\n\nPasses the event to any audit hooks that are attached."),
    PyMethodDef::new("breakpointhook", PyCFunction::FastKw(sys_breakpointhook), "breakpointhook(*args, **kws)\n\nThis hook function is called by built-in breakpoint().\n"),
    PyMethodDef::new("__breakpointhook__", PyCFunction::FastKw(sys_breakpointhook), "breakpointhook(*args, **kws)\n\nThis hook function is called by built-in breakpoint().\n"),
    PyMethodDef::new("_clear_type_cache", PyCFunction::NoArgs(sys_clear_type_cache), "_clear_type_cache($module, /)\n--\n\nClear the internal type lookup cache."),
    PyMethodDef::new("getdlopenflags", PyCFunction::NoArgs(sys_getdlopenflags), "getdlopenflags($module, /)\n--\n\nReturn the current value of the flags that are used for dlopen calls.\n\nThe flag constants are defined in the os module."),
    PyMethodDef::new("setdlopenflags", PyCFunction::O(sys_setdlopenflags), "setdlopenflags($module, flags, /)\n--\n\nSet the flags used by the interpreter for dlopen calls."),
    PyMethodDef::new("_current_frames", PyCFunction::NoArgs(sys_current_frames), "_current_frames($module, /)\n--\n\nReturn a dict mapping each thread's thread id to its current stack frame.\n\nThis function should be used for specialized purposes only."),
    PyMethodDef::new("_current_exceptions", PyCFunction::NoArgs(sys_current_exceptions), "_current_exceptions($module, /)\n--\n\nReturn a dict mapping each thread's identifier to its current raised exception.\n\nThis function should be used for specialized purposes only."),
    PyMethodDef::new("get_asyncgen_hooks", PyCFunction::NoArgs(sys_get_asyncgen_hooks), "get_asyncgen_hooks($module, /)\n--\n\nReturn the installed asynchronous generators hooks.\n\nThis returns a namedtuple of the form (firstiter, finalizer)."),
    PyMethodDef::new("set_asyncgen_hooks", PyCFunction::FastKw(sys_set_asyncgen_hooks), "set_asyncgen_hooks(* [, firstiter] [, finalizer])\n\nSet a finalizer for async generators objects."),
    PyMethodDef::new("get_coroutine_origin_tracking_depth", PyCFunction::NoArgs(sys_get_coroutine_origin_tracking_depth), "get_coroutine_origin_tracking_depth($module, /)\n--\n\nCheck status of origin tracking for coroutine objects in this thread."),
    PyMethodDef::new("set_coroutine_origin_tracking_depth", PyCFunction::FastKw(sys_set_coroutine_origin_tracking_depth), "set_coroutine_origin_tracking_depth($module, /, depth)\n--\n\nEnable or disable origin tracking for coroutine objects in this thread.\n\nCoroutine objects will track 'depth' frames of traceback information\nabout where they came from, available in their cr_origin attribute.\n\nSet a depth of 0 to disable."),
    PyMethodDef::new("getallocatedblocks", PyCFunction::NoArgs(sys_getallocatedblocks), "getallocatedblocks($module, /)\n--\n\nReturn the number of memory blocks currently allocated."),
    PyMethodDef::new("__displayhook__", PyCFunction::O(sys_displayhook), "displayhook($module, object, /)\n--\n\nPrint an object to sys.stdout and also save it in builtins._"),
    PyMethodDef::new("__excepthook__", PyCFunction::Fast(sys_excepthook), "excepthook($module, exctype, value, traceback, /)\n--\n\nHandle an exception by displaying it with a traceback on sys.stderr."),
];

static VERSION_INFO_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "sys.version_info",
    doc: "sys.version_info\n\nVersion information as a named tuple.",
    fields: &["major", "minor", "micro", "releaselevel", "serial"],
    n_in_sequence: 5,
};

static FLAGS_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "sys.flags",
    doc: "sys.flags\n\nFlags provided through command line arguments or environment vars.",
    fields: &[
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ],
    n_in_sequence: 18,
};

static FLOAT_INFO_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "sys.float_info",
    doc: "sys.float_info\n\nA named tuple holding information about the float type.",
    fields: &[
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ],
    n_in_sequence: 11,
};

static INT_INFO_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "sys.int_info",
    doc: "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.",
    fields: &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
    n_in_sequence: 4,
};

static HASH_INFO_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "sys.hash_info",
    doc: "hash_info\n\nA named tuple providing parameters used for computing\nhashes. The attributes are read only.",
    fields: &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
    n_in_sequence: 9,
};

/// Command-line settings that `sys` reports (`PyConfig` in CPython).
#[derive(Clone, Debug, Default)]
pub struct SysConfig {
    pub argv: Vec<String>,
    pub orig_argv: Vec<String>,
    pub executable: String,
    pub path: Vec<String>,
    pub inspect: bool,
    pub interactive: bool,
    pub optimize: i64,
    pub quiet: bool,
    pub verbose: i64,
    pub no_site: bool,
    pub ignore_environment: bool,
    pub safe_path: bool,
    /// `-X dev` or `PYTHONDEVMODE`.
    pub dev_mode: bool,
    pub warnoptions: Vec<String>,
    pub xoptions: Vec<(String, Option<String>)>,
    /// `-B` or `PYTHONDONTWRITEBYTECODE` (`config->write_bytecode` inverted).
    pub dont_write_bytecode: bool,
    /// `-X pycache_prefix=PATH` or `PYTHONPYCACHEPREFIX`.
    pub pycache_prefix: Option<String>,
    /// `-I` (`config->isolated`).
    pub isolated: bool,
    /// `-s` or `PYTHONNOUSERSITE` (`config->user_site_directory` inverted).
    pub no_user_site: bool,
    /// `-u` or `PYTHONUNBUFFERED` (`config->buffered_stdio` inverted).
    pub unbuffered: bool,
    /// `-b` given once or twice (`config->bytes_warning`).
    pub bytes_warning: i64,
    /// `-x` (`config->skip_source_first_line`).
    pub skip_source_first_line: bool,
    /// `--check-hash-based-pycs` (`config->check_hash_pycs_mode`).
    pub check_hash_pycs_mode: String,
    /// `-X faulthandler`, `PYTHONFAULTHANDLER` or development mode.
    pub faulthandler: bool,
    /// `-c CMD` (`config->run_command`, CPython adds a newline).
    pub run_command: Option<String>,
    /// `-m MOD` (`config->run_module`).
    pub run_module: Option<String>,
    /// The script (`config->run_filename`).
    pub run_filename: Option<String>,
}

static CONFIG: GlobalCell<Option<SysConfig>> = GlobalCell::new(None);

/// The configuration the interpreter was started with (`_Py_GetConfig`); `None`
/// only before `_PySys_Create`.
pub fn _Py_GetConfig() -> Option<&'static SysConfig> {
    // SAFETY: set once at start-up, before any Python code runs, and never replaced.
    unsafe { CONFIG.get_ref() }.as_ref()
}

/// `sys.implementation.cache_tag` (PEP 3147): the tag in the names of the bytecode
/// cache's files. CPython 3.11's is `cpython-311`; pyrs's own keeps its files apart.
pub const CACHE_TAG: &str = "pyrs-311";

fn str_list(items: &[String]) -> PyObjectRef {
    objects::listobject::PyList_New(items.iter().map(|s| PyUnicode_FromString(s)).collect())
        .into_object()
}

/// A struct sequence value of a new type; `sys.version_info` and `sys.flags` forbid
/// making more instances, the others (`float_info`, `int_info`, ...) do not.
fn structseq(
    desc: &'static PyStructSequence_Desc,
    items: Vec<PyObjectRef>,
    disallow: bool,
) -> PyResult {
    let tp = PyStructSequence_NewType(desc)?;
    let v = PyStructSequence_New(tp, items)?;
    if disallow {
        disallow_instantiation(tp);
    }
    Ok(v)
}

/// The `-O` level the interpreter was started with (`config->optimization_level`).
static OPTIMIZATION_LEVEL: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

/// The interpreter's optimisation level, which `compile(..., optimize=-1)` and the
/// main program use (`_Py_GetConfig()->optimization_level`).
pub fn optimization_level() -> i32 {
    OPTIMIZATION_LEVEL.load(std::sync::atomic::Ordering::Relaxed)
}

/// `sys.prefix` (and the other three prefixes): the directory above the one holding
/// the executable, as getpath computes it for an installed CPython.
pub fn config_prefix(cfg: &SysConfig) -> String {
    std::path::Path::new(&cfg.executable)
        .parent()
        .and_then(|p| p.parent())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Make the `sys` module (`_PySys_Create`).
pub fn _PySys_Create(cfg: &SysConfig) -> PyResult<PyRef<PyModuleObject>> {
    OPTIMIZATION_LEVEL.store(
        cfg.optimize.clamp(0, i32::MAX as i64) as i32,
        std::sync::atomic::Ordering::Relaxed,
    );
    // SAFETY: start-up, single-threaded; set once, before anything reads it.
    unsafe { *CONFIG.get_mut() = Some(cfg.clone()) };
    let m = PyModule_New("sys")?;
    m.md_builtin.set(true);
    PyModule_AddFunctions(&m, &SYS_METHODS)?;
    let add = |name: &str, v: PyObjectRef| PyModule_AddObject(&m, name, &v);
    let s = |t: &str| PyUnicode_FromString(t);

    let version = format!("{PY_VERSION} (pyrs {PYRS_VERSION})");
    add("version", s(&version))?;
    let vi = structseq(
        &VERSION_INFO_DESC,
        vec![
            PyLong_FromLong(3),
            PyLong_FromLong(11),
            PyLong_FromLong(7),
            s("final"),
            PyLong_FromLong(0),
        ],
        true,
    )?;
    add("version_info", vi.clone())?;
    add("hexversion", PyLong_FromU64(PY_VERSION_HEX))?;
    add("api_version", PyLong_FromLong(1013))?;
    add("copyright", s("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved."))?;
    add("platform", s("linux"))?;
    let names: Vec<PyObjectRef> = crate::stdlib_module_names::STDLIB_MODULE_NAMES
        .iter()
        .map(|n| s(n))
        .collect();
    let names = objects::listobject::PyList_New(names).into_object();
    add(
        "stdlib_module_names",
        objects::setobject::PyFrozenSet_New(Some(&names))?,
    )?;
    add("thread_info", thread_info()?)?;
    add(
        "_git",
        PyTuple_New(vec![s("pyrs"), s(""), s("")]).into_object(),
    )?;
    add("_framework", s(""))?;
    add(
        "byteorder",
        s(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    )?;
    add("maxsize", PyLong_FromSsize_t(isize::MAX))?;
    add("maxunicode", PyLong_FromLong(0x10FFFF))?;
    add("float_repr_style", s("short"))?;
    add("abiflags", s(""))?;
    add("platlibdir", s("lib"))?;
    add("executable", s(&cfg.executable))?;
    add("_base_executable", s(&cfg.executable))?;
    let prefix = config_prefix(cfg);
    for n in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        add(n, s(&prefix))?;
    }
    add("argv", str_list(&cfg.argv))?;
    add("orig_argv", str_list(&cfg.orig_argv))?;
    add("path", str_list(&cfg.path))?;
    add("modules", PyDict_New().into_object())?;
    add(
        "meta_path",
        objects::listobject::PyList_New(vec![]).into_object(),
    )?;
    add(
        "path_hooks",
        objects::listobject::PyList_New(vec![]).into_object(),
    )?;
    add("path_importer_cache", PyDict_New().into_object())?;
    add("warnoptions", str_list(&cfg.warnoptions))?;
    let xopts = PyDict_New();
    for (k, v) in &cfg.xoptions {
        let val = match v {
            Some(v) => s(v),
            None => PyBool_FromLong(true),
        };
        PyDict_SetItem(&xopts, &s(k), &val)?;
    }
    add("_xoptions", xopts.into_object())?;
    add(
        "dont_write_bytecode",
        PyBool_FromLong(cfg.dont_write_bytecode),
    )?;
    add(
        "pycache_prefix",
        cfg.pycache_prefix.as_deref().map(s).unwrap_or_else(none),
    )?;
    let names: Vec<PyObjectRef> = crate::import::builtin_module_names()
        .iter()
        .map(|n| s(n))
        .collect();
    add("builtin_module_names", PyTuple_New(names).into_object())?;

    let i = |v: i64| PyLong_FromLong(v);
    let bytes_warning =
        objects::bytesobject::Py_BytesWarningFlag.load(std::sync::atomic::Ordering::Relaxed);
    let flags = structseq(
        &FLAGS_DESC,
        vec![
            i(0),
            i(cfg.inspect as i64),
            i(cfg.interactive as i64),
            i(cfg.optimize),
            i(cfg.dont_write_bytecode as i64),
            i(cfg.no_user_site as i64),
            i(cfg.no_site as i64),
            i(cfg.ignore_environment as i64),
            i(cfg.verbose),
            i(bytes_warning as i64),
            i(cfg.quiet as i64),
            i(objects::pyhash::hash_randomization_enabled() as i64),
            i(cfg.isolated as i64),
            PyBool_FromLong(cfg.dev_mode),
            i(0),
            i(0),
            PyBool_FromLong(cfg.safe_path),
            i(-1),
        ],
        true,
    )?;
    add("flags", flags)?;
    let f = objects::floatobject::PyFloat_FromDouble;
    let float_info = structseq(
        &FLOAT_INFO_DESC,
        vec![
            f(f64::MAX),
            i(f64::MAX_EXP as i64),
            i(f64::MAX_10_EXP as i64),
            f(f64::MIN_POSITIVE),
            i(f64::MIN_EXP as i64),
            i(f64::MIN_10_EXP as i64),
            i(f64::DIGITS as i64),
            i(f64::MANTISSA_DIGITS as i64),
            f(f64::EPSILON),
            i(f64::RADIX as i64),
            i(1),
        ],
        false,
    )?;
    add("float_info", float_info)?;
    let int_info = structseq(&INT_INFO_DESC, vec![i(30), i(4), i(4300), i(640)], false)?;
    add("int_info", int_info)?;
    let hash_info = structseq(
        &HASH_INFO_DESC,
        vec![
            i(64),
            PyLong_FromU64(objects::pyhash::PyHASH_MODULUS),
            i(objects::pyhash::PyHASH_INF as i64),
            i(0),
            i(objects::pyhash::PyHASH_IMAG as i64),
            s("siphash13"),
            i(64),
            i(128),
            i(0),
        ],
        false,
    )?;
    add("hash_info", hash_info)?;
    let imp = PyDict_New();
    PyDict_SetItem(&imp, &s("name"), &s("pyrs"))?;
    PyDict_SetItem(&imp, &s("cache_tag"), &s(CACHE_TAG))?;
    PyDict_SetItem(&imp, &s("version"), &vi)?;
    PyDict_SetItem(&imp, &s("hexversion"), &PyLong_FromU64(PY_VERSION_HEX))?;
    PyDict_SetItem(&imp, &s("_multiarch"), &s("x86_64-linux-gnu"))?;
    add(
        "implementation",
        objects::namespaceobject::_PyNamespace_New(Some(&imp))?,
    )?;

    let stdin = PyFile_NewStdPrinter(0);
    let stdout = PyFile_NewStdPrinter(1);
    let stderr = PyFile_NewStdPrinter(2);
    add("stdin", stdin.clone())?;
    add("stdout", stdout.clone())?;
    add("stderr", stderr.clone())?;
    add("__stdin__", stdin)?;
    add("__stdout__", stdout)?;
    add("__stderr__", stderr)?;
    for (alias, name) in [("__unraisablehook__", "unraisablehook")] {
        if let Some(v) = PyDict_GetItemWithError(m.dict(), &s(name))? {
            add(alias, v)?;
        }
    }
    // SAFETY: start-up, single-threaded; set once.
    unsafe { *SYS_MODULE.get_mut() = Some(m.clone()) };
    Ok(m)
}

/// Whether `sys` has been made (errors before that go to the process's stderr).
pub fn sys_ready() -> bool {
    sys_module().is_some()
}
