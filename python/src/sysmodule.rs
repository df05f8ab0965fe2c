//! The `sys` module. Mirrors Python/sysmodule.c (CPython 3.11).
//!
//! Differences from CPython: `sys.implementation.name` is `'pyrs'` and there is no
//! bytecode cache (`cache_tag` is None, `dont_write_bytecode` True); the standard
//! streams are `objects::fileobject` printers until the `_io` module provides
//! `TextIOWrapper`s.

use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;
use include::pystate::_PyThreadState_GET;

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
    let ts = _PyThreadState_GET();
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

fn sys_exc_info(_m: &PyObject) -> PyResult {
    Ok(match topmost_exception() {
        Some(v) => {
            let tp = v.ob_type().as_object().to_owned();
            let tb = exc_traceback(&v).unwrap_or_else(none);
            PyTuple_New(vec![tp, v, tb]).into_object()
        }
        None => PyTuple_New(vec![none(), none(), none()]).into_object(),
    })
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

fn sys_getswitchinterval(_m: &PyObject) -> PyResult {
    Ok(objects::floatobject::PyFloat_FromDouble(0.005))
}

fn sys_getallocatedblocks(_m: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(0))
}

static SYS_METHODS: [PyMethodDef; 22] = [
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
    pub warnoptions: Vec<String>,
    pub xoptions: Vec<(String, Option<String>)>,
}

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

thread_local! {
    /// The `-O` level the interpreter was started with (`config->optimization_level`).
    static OPTIMIZATION_LEVEL: std::cell::Cell<i32> = const { std::cell::Cell::new(0) };
}

/// The interpreter's optimisation level, which `compile(..., optimize=-1)` and the
/// main program use (`_Py_GetConfig()->optimization_level`).
pub fn optimization_level() -> i32 {
    OPTIMIZATION_LEVEL.with(|l| l.get())
}

/// Make the `sys` module (`_PySys_Create`).
pub fn _PySys_Create(cfg: &SysConfig) -> PyResult<PyRef<PyModuleObject>> {
    OPTIMIZATION_LEVEL.with(|l| l.set(cfg.optimize.clamp(0, i32::MAX as i64) as i32));
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
    let prefix = std::path::Path::new(&cfg.executable)
        .parent()
        .and_then(|p| p.parent())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
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
    add("dont_write_bytecode", PyBool_FromLong(true))?;
    add("pycache_prefix", none())?;
    let names: Vec<PyObjectRef> = crate::import::builtin_module_names()
        .iter()
        .map(|n| s(n))
        .collect();
    add("builtin_module_names", PyTuple_New(names).into_object())?;

    let i = |v: i64| PyLong_FromLong(v);
    let flags = structseq(
        &FLAGS_DESC,
        vec![
            i(0),
            i(cfg.inspect as i64),
            i(cfg.interactive as i64),
            i(cfg.optimize),
            i(1),
            i(0),
            i(cfg.no_site as i64),
            i(cfg.ignore_environment as i64),
            i(cfg.verbose),
            i(0),
            i(cfg.quiet as i64),
            i(objects::pyhash::hash_randomization_enabled() as i64),
            i(0),
            PyBool_FromLong(false),
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
    PyDict_SetItem(&imp, &s("cache_tag"), Py_None())?;
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
