//! The warnings machinery written in Rust, and the `_warnings` module. Mirrors
//! Python/_warnings.c (CPython 3.11).
//!
//! The filters, the once-registry and the default action live in a per-interpreter
//! `WarningsState`; when the Python `warnings` module is imported, its `filters`,
//! `onceregistry` and `defaultaction` are read first (so that code that rebinds them
//! is obeyed) and its `_showwarnmsg` prints; without it the warning is printed here
//! as "file:line: Category: message" and the source line.
//!
//! Differences from CPython: the state is made on first use rather than in
//! `pycore_init`; `objects` reaches `PyErr_WarnEx` and friends through
//! `objects::pyhooks` (installed by [`install_hooks`]).

use std::cell::RefCell;

use include::frame::{_PyInterpreterFrame, FRAME_OWNED_BY_THREAD};
use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;
use include::pystate::_PyThreadState_GET;
use objects::call::{PyObject_CallMethodNoArgs, PyObject_CallOneArg, PyObject_Vectorcall};
use objects::dictobject::*;
use objects::exceptions::*;
use objects::listobject::PyListObject;
use objects::longobject::{PyLongObject, PyLong_AsLong, PyLong_FromLong};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::prelude::*;
use objects::r#abstract::*;
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

/// `WarningsState`: what `_warnings` keeps per interpreter.
struct WarningsState {
    /// `filters`: the list of 5-tuples `(action, message, category, module, lineno)`.
    filters: Option<PyObjectRef>,
    /// `once_registry`: where the "once" action records what it has shown.
    once_registry: Option<PyObjectRef>,
    /// `default_action`: the action when no filter matches.
    default_action: Option<PyObjectRef>,
    /// `filters_version`: bumped by `_filters_mutated()`; a registry made under an
    /// older version is cleared before use.
    filters_version: i64,
}

static STATE: GlobalCell<RefCell<WarningsState>> = GlobalCell::new(RefCell::new(WarningsState {
    filters: None,
    once_registry: None,
    default_action: None,
    filters_version: 0,
}));

fn state() -> &'static RefCell<WarningsState> {
    // SAFETY: the interpreter is single-threaded; borrows are short and never held
    // across calls into Python code.
    let st = unsafe { STATE.get_ref() };
    if st.borrow().filters.is_none() {
        let filters = init_filters();
        let mut s = st.borrow_mut();
        s.filters = Some(filters);
        s.once_registry = Some(PyDict_New().into_object());
        s.default_action = Some(objects::intern!("default").to_owned());
    }
    st
}

/// `create_filter`: `(action, None, category, modname, 0)`.
fn create_filter(category: &PyTypeObject, action: &str, modname: Option<&str>) -> PyObjectRef {
    let modname = match modname {
        Some(m) => PyUnicode_FromString(m),
        None => none(),
    };
    PyTuple_New(vec![
        objects::unicodeobject::PyUnicode_InternFromString(action),
        none(),
        category.as_object().to_owned(),
        modname,
        PyLong_FromLong(0),
    ])
    .into_object()
}

/// `init_filters`: the filters of a release build, which hide deprecation, import
/// and resource warnings except deprecations raised by `__main__`.
fn init_filters() -> PyObjectRef {
    objects::listobject::PyList_New(vec![
        create_filter(&PyExc_DeprecationWarning, "default", Some("__main__")),
        create_filter(&PyExc_DeprecationWarning, "ignore", None),
        create_filter(&PyExc_PendingDeprecationWarning, "ignore", None),
        create_filter(&PyExc_ImportWarning, "ignore", None),
        create_filter(&PyExc_ResourceWarning, "ignore", None),
    ])
    .into_object()
}

/// `get_warnings_attr`: `warnings.<attr>`, importing `warnings` first when
/// `try_import` (and not finalizing), else only if it is already in `sys.modules`.
/// `Ok(None)` when the module or the attribute is missing.
fn get_warnings_attr(attr: &PyObject, try_import: bool) -> PyResult<Option<PyObjectRef>> {
    let module = if try_import && !crate::pylifecycle::is_finalizing() {
        match crate::import::PyImport_ImportModule("warnings") {
            Ok(m) => m,
            // Fall back to the Rust implementation.
            Err(e) if PyErr_ExceptionMatches(&e, &PyExc_ImportError) => return Ok(None),
            Err(e) => return Err(e),
        }
    } else {
        let Ok(modules) = crate::import::modules_dict() else {
            return Ok(None);
        };
        match PyDict_GetItemWithError(&modules, objects::intern!("warnings"))? {
            Some(m) => m,
            None => return Ok(None),
        }
    };
    _PyObject_LookupAttr(&module, attr)
}

/// `get_once_registry`.
fn get_once_registry() -> PyResult<PyObjectRef> {
    let st = state();
    let Some(registry) = get_warnings_attr(objects::intern!("onceregistry"), false)? else {
        return Ok(st.borrow().once_registry.clone().unwrap_or_else(none));
    };
    if registry.downcast_ref::<PyDictObject>().is_none() {
        return Err(type_error(format!(
            "_warnings.onceregistry must be a dict, not '{}'",
            registry.ob_type().name()
        )));
    }
    st.borrow_mut().once_registry = Some(registry.clone());
    Ok(registry)
}

/// `get_default_action`.
fn get_default_action() -> PyResult<PyObjectRef> {
    let st = state();
    let Some(action) = get_warnings_attr(objects::intern!("defaultaction"), false)? else {
        return Ok(st.borrow().default_action.clone().unwrap_or_else(none));
    };
    if action.downcast_ref::<PyUnicodeObject>().is_none() {
        return Err(type_error(format!(
            "_warnings.defaultaction must be a string, not '{}'",
            action.ob_type().name()
        )));
    }
    st.borrow_mut().default_action = Some(action.clone());
    Ok(action)
}

/// `check_matched`: does the filter's message or module pattern `obj` match `arg`?
/// None always matches, a plain `str` must be equal, anything else is a compiled
/// regular expression whose `match` is called.
fn check_matched(obj: &PyObject, arg: &PyObject) -> PyResult<bool> {
    if obj.is(Py_None()) {
        return Ok(true);
    }
    if std::ptr::eq(obj.ob_type(), &objects::unicodeobject::PyUnicode_Type) {
        if arg.downcast_ref::<PyUnicodeObject>().is_none() {
            return Err(type_error(format!(
                "Can't compare {} and {}",
                obj.ob_type().name(),
                arg.ob_type().name()
            )));
        }
        return PyObject_RichCompareBool(obj, arg, CompareOp::Eq);
    }
    let result = objects::call::PyObject_CallMethodOneArg(obj, objects::intern!("match"), arg)?;
    PyObject_IsTrue(&result)
}

/// `get_filter`: the action of the first filter matching the warning, with the
/// filter itself (None for the default action).
fn get_filter(
    category: &PyObject,
    text: &PyObject,
    lineno: i64,
    module: &PyObject,
) -> PyResult<(PyObjectRef, PyObjectRef)> {
    let st = state();
    if let Some(f) = get_warnings_attr(objects::intern!("filters"), false)? {
        st.borrow_mut().filters = Some(f);
    }
    let filters = st.borrow().filters.clone().unwrap_or_else(none);
    let Some(list) = filters.downcast_ref::<PyListObject>() else {
        return Err(value_error("_warnings.filters must be a list"));
    };
    // The list may change while the filters' `match` methods run.
    let mut i = 0;
    while let Some(item) = list.get(i) {
        let tuple = match item.downcast_ref::<PyTupleObject>() {
            Some(t) if t.len() == 5 => t,
            _ => {
                return Err(value_error(format!(
                    "_warnings.filters item {i} isn't a 5-tuple"
                )))
            }
        };
        let f = tuple.as_slice();
        let (action, msg, cat, module_re, ln_obj) = (&f[0], &f[1], &f[2], &f[3], &f[4]);
        if action.downcast_ref::<PyUnicodeObject>().is_none() {
            return Err(type_error(format!(
                "action must be a string, not '{}'",
                action.ob_type().name()
            )));
        }
        let good_msg = check_matched(msg, text)?;
        let good_mod = check_matched(module_re, module)?;
        let is_subclass = PyObject_IsSubclass(category, cat)?;
        let ln = objects::longobject::PyLong_AsSsize_t(ln_obj)? as i64;
        if good_msg && is_subclass && good_mod && (ln == 0 || lineno == ln) {
            return Ok((action.clone(), item.clone()));
        }
        i += 1;
    }
    Ok((get_default_action()?, none()))
}

/// `already_warned`: has `key` been warned about under the current filters? A
/// registry made under other filters (its "version" differs) is emptied first. With
/// `should_set`, record `key`.
fn already_warned(registry: &PyDictObject, key: &PyObject, should_set: bool) -> PyResult<bool> {
    let version = state().borrow().filters_version;
    let version_key = objects::intern!("version");
    let current = PyDict_GetItemWithError(registry, version_key)?;
    let same_version = current.as_ref().is_some_and(|v| {
        std::ptr::eq(v.ob_type(), &objects::longobject::PyLong_Type)
            && v.downcast_ref::<PyLongObject>().and_then(|l| l.as_i64()) == Some(version)
    });
    if !same_version {
        PyDict_Clear(registry);
        PyDict_SetItem(registry, version_key, &PyLong_FromLong(version))?;
    } else if let Some(warned) = PyDict_GetItemWithError(registry, key)? {
        if PyObject_IsTrue(&warned)? {
            return Ok(true);
        }
    }
    if should_set {
        PyDict_SetItem(registry, key, objects::boolobject::Py_True())?;
    }
    Ok(false)
}

/// `update_registry`: record `(text, category)` (with a 0 for the "module"
/// action) in the registry; true if it was there already.
fn update_registry(
    registry: &PyObject,
    text: &PyObject,
    category: &PyObject,
    add_zero: bool,
) -> PyResult<bool> {
    let mut items = vec![text.to_owned(), category.to_owned()];
    if add_zero {
        items.push(PyLong_FromLong(0));
    }
    let altkey = PyTuple_New(items).into_object();
    match registry.downcast_ref::<PyDictObject>() {
        Some(d) => already_warned(d, &altkey, true),
        None => Err(type_error("'registry' must be a dict or None")),
    }
}

/// `normalize_module`: the module name a filter sees for a file: "<unknown>" for
/// an empty name, the name without ".py", or the name itself.
fn normalize_module(filename: &PyObject) -> PyResult {
    let Some(u) = filename.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "bad argument type for built-in operation: {}",
            filename.ob_type().name()
        )));
    };
    let len = u.len();
    if len == 0 {
        return Ok(PyUnicode_FromString("<unknown>"));
    }
    if len >= 3
        && u.char_at(len - 3) == '.' as u32
        && u.char_at(len - 2) == 'p' as u32
        && u.char_at(len - 1) == 'y' as u32
    {
        return Ok(objects::unicodeobject::unicode_substring(u, 0, len - 3));
    }
    Ok(filename.to_owned())
}

/// `show_warning`: print the warning on `sys.stderr` without the `warnings` module:
/// "filename:lineno: Category: text", then the source line read from the file,
/// without its indentation. Errors while printing are ignored.
fn show_warning(
    filename: &PyObject,
    lineno: i64,
    text: &PyObject,
    category: &PyObject,
    sourceline: Option<&PyObject>,
) {
    let _ = show_warning_inner(filename, lineno, text, category, sourceline);
}

fn show_warning_inner(
    filename: &PyObject,
    lineno: i64,
    text: &PyObject,
    category: &PyObject,
    sourceline: Option<&PyObject>,
) -> PyResult<()> {
    let name = PyObject_GetAttr(category, objects::intern!("__name__"))?;
    let Some(f_stderr) = crate::sysmodule::PySys_GetObject("stderr") else {
        eprintln!("lost sys.stderr");
        return Ok(());
    };
    let raw = |o: &PyObject| -> PyResult<String> {
        Ok(objects::unicodeobject::as_str_lossy(&*PyObject_Str(o)?).into_owned())
    };
    // Written piece by piece, as `PyFile_WriteObject` calls do: a failure stops
    // the output where it happens.
    let write = |s: &str| crate::bltinmodule::file_write_string(&f_stderr, s);
    write(&raw(filename)?)?;
    write(&format!(":{lineno}: "))?;
    write(&raw(&name)?)?;
    write(": ")?;
    write(&raw(text)?)?;
    write("\n")?;
    let trim = |s: &str| s.trim_start_matches([' ', '\t', '\x0c']).to_string();
    match sourceline {
        // CPython 3.11 means to print the given line without its indentation, but
        // its check `PyUnicode_READY(sourceline) < 1` holds for every ready string
        // and jumps to the end: a line from `module_globals` is never printed.
        Some(_) => Ok(()),
        None => {
            // `_Py_DisplaySourceLine(f_stderr, filename, lineno, 2, ...)`.
            let fname = raw(filename)?;
            match crate::traceback::source_line(&fname, lineno as i32) {
                Some(line) => write(&format!("  {}\n", trim(&line))),
                None => Ok(()),
            }
        }
    }
}

/// `call_show_warning`: print through `warnings._showwarnmsg` when the `warnings`
/// module is imported (imported for a warning with a source object), else through
/// [`show_warning`].
#[allow(clippy::too_many_arguments)]
fn call_show_warning(
    category: &PyObject,
    text: &PyObject,
    message: &PyObject,
    filename: &PyObject,
    lineno: i64,
    lineno_obj: &PyObject,
    sourceline: Option<&PyObject>,
    source: Option<&PyObject>,
) -> PyResult<()> {
    let Some(show_fn) = get_warnings_attr(objects::intern!("_showwarnmsg"), source.is_some())?
    else {
        show_warning(filename, lineno, text, category, sourceline);
        return Ok(());
    };
    if show_fn.ob_type().tp_call.get().is_none() {
        return Err(type_error(
            "warnings._showwarnmsg() must be set to a callable",
        ));
    }
    let Some(warnmsg_cls) = get_warnings_attr(objects::intern!("WarningMessage"), false)? else {
        return Err(runtime_error("unable to get warnings.WarningMessage"));
    };
    let mut args = vec![
        message.to_owned(),
        category.to_owned(),
        filename.to_owned(),
        lineno_obj.to_owned(),
        none(),
        none(),
    ];
    if let Some(s) = source {
        args.push(s.to_owned());
    }
    let msg = PyObject_Vectorcall(&warnmsg_cls, &args, None)?;
    PyObject_CallOneArg(&show_fn, &msg)?;
    Ok(())
}

/// `warn_explicit`: the heart of the machinery. Find the action for the warning,
/// consult and update the registry, then raise, ignore or show it.
#[allow(clippy::too_many_arguments)]
fn warn_explicit(
    category: &PyObject,
    message: &PyObject,
    filename: &PyObject,
    lineno: i64,
    module: Option<&PyObject>,
    registry: Option<&PyObject>,
    sourceline: Option<&PyObject>,
    source: Option<&PyObject>,
) -> PyResult<()> {
    let registry = registry.filter(|r| !r.is(Py_None()));
    let registry_dict = match registry {
        Some(r) => match r.downcast_ref::<PyDictObject>() {
            Some(d) => Some(d),
            None => return Err(type_error("'registry' must be a dict or None")),
        },
        None => None,
    };
    let module = match module {
        Some(m) => m.to_owned(),
        None => normalize_module(filename)?,
    };
    // Normalise the message: a Warning instance gives the text and the category.
    let (text, category, message) = if PyObject_IsInstance(message, PyExc_Warning.as_object())? {
        (
            PyObject_Str(message)?,
            message.ob_type().as_object().to_owned(),
            message.to_owned(),
        )
    } else {
        (
            message.to_owned(),
            category.to_owned(),
            PyObject_CallOneArg(category, message)?,
        )
    };
    let lineno_obj = PyLong_FromLong(lineno);
    let key = PyTuple_New(vec![text.clone(), category.clone(), lineno_obj.clone()]).into_object();
    if let Some(reg) = registry_dict {
        if already_warned(reg, &key, false)? {
            return Ok(());
        }
    }
    let (action, item) = get_filter(&category, &text, lineno, &module)?;
    let action_str = objects::unicodeobject::as_str_lossy(&action).into_owned();
    if action_str == "error" {
        if objects::pyerrors::PyExceptionInstance_Check(&message) {
            return Err(PyErr::from_instance(message));
        }
        return Err(match objects::typeobject::as_type(&category) {
            Some(tp) => PyErr_SetObject(tp, message),
            None => type_error("exceptions must derive from BaseException"),
        });
    }
    if action_str == "ignore" {
        return Ok(());
    }
    // Record in the registry that this warning was shown, except for "always".
    let mut already = false;
    if action_str != "always" {
        if let Some(reg) = registry_dict {
            PyDict_SetItem(reg, &key, objects::boolobject::Py_True())?;
        }
        match action_str.as_str() {
            "once" => {
                let reg = match registry {
                    Some(r) => r.to_owned(),
                    None => get_once_registry()?,
                };
                already = update_registry(&reg, &text, &category, false)?;
            }
            "module" => {
                if let Some(reg) = registry {
                    already = update_registry(reg, &text, &category, true)?;
                }
            }
            "default" => {}
            _ => {
                return Err(runtime_error(format!(
                    "Unrecognized action ({}) in warnings.filters:\n {}",
                    objects::unicodeobject::as_str_lossy(&*PyObject_Repr(&action)?),
                    objects::unicodeobject::as_str_lossy(&*PyObject_Repr(&item)?)
                )));
            }
        }
    }
    if already {
        return Ok(());
    }
    call_show_warning(
        &category,
        &text,
        &message,
        filename,
        lineno,
        &lineno_obj,
        sourceline,
        source,
    )
}

/// `_PyFrame_IsIncomplete`, negated: a frame that has started running.
///
/// # Safety
/// `frame` is a live frame.
pub(crate) unsafe fn frame_is_complete(frame: *mut _PyInterpreterFrame) -> bool {
    // SAFETY: the caller passes a live frame.
    unsafe { (*frame).owner != FRAME_OWNED_BY_THREAD || (*frame).lasti() >= 0 }
}

/// `PyFrame_GetBack` on the frame chain: the previous started frame, or null.
///
/// # Safety
/// `frame` is a live frame.
unsafe fn frame_back(frame: *mut _PyInterpreterFrame) -> *mut _PyInterpreterFrame {
    // SAFETY: the caller passes a live frame; `previous` links live frames.
    unsafe {
        let mut prev = (*frame).previous;
        while !prev.is_null() && !frame_is_complete(prev) {
            prev = (*prev).previous;
        }
        prev
    }
}

/// `is_internal_frame`: a frame of the import machinery (a file whose name holds
/// both "importlib" and "_bootstrap"), which `stacklevel` skips.
///
/// # Safety
/// `frame` is null or a live frame.
unsafe fn is_internal_frame(frame: *mut _PyInterpreterFrame) -> bool {
    if frame.is_null() {
        return false;
    }
    // SAFETY: the caller passes a live frame.
    let code = unsafe { &(*frame).f_code };
    let filename = objects::unicodeobject::as_str_lossy(&code.co_filename).into_owned();
    filename.contains("importlib") && filename.contains("_bootstrap")
}

/// `next_external_frame`.
///
/// # Safety
/// `frame` is a live frame.
unsafe fn next_external_frame(mut frame: *mut _PyInterpreterFrame) -> *mut _PyInterpreterFrame {
    // SAFETY: the caller passes a live frame; `frame_back` returns live frames.
    unsafe {
        loop {
            frame = frame_back(frame);
            if frame.is_null() || !is_internal_frame(frame) {
                return frame;
            }
        }
    }
}

/// The warning's context, from the frame `stack_level` levels up
/// (`setup_context`): filename, line, module name and the registry in the frame's
/// globals (`__warningregistry__`, made if missing). No frame at that level gives
/// the `sys` module's namespace, file "sys", line 1.
fn setup_context(mut stack_level: isize) -> PyResult<(PyObjectRef, i64, PyObjectRef, PyObjectRef)> {
    let ts = _PyThreadState_GET();
    let mut f = ts.current_frame.get();
    // SAFETY: the thread's frame chain links live frames.
    unsafe {
        while !f.is_null() && !frame_is_complete(f) {
            f = (*f).previous;
        }
        if stack_level <= 0 || is_internal_frame(f) {
            loop {
                stack_level -= 1;
                if stack_level <= 0 || f.is_null() {
                    break;
                }
                f = frame_back(f);
            }
        } else {
            loop {
                stack_level -= 1;
                if stack_level <= 0 || f.is_null() {
                    break;
                }
                f = next_external_frame(f);
            }
        }
    }
    let (globals, filename, lineno) = if f.is_null() {
        let sysdict = match crate::sysmodule::sys_module() {
            Some(m) => m.dict().as_object().to_owned(),
            None => PyDict_New().into_object(),
        };
        (sysdict, PyUnicode_FromString("sys"), 1)
    } else {
        // SAFETY: `f` is a live frame; its globals are kept alive by its function.
        unsafe {
            let frame = &*f;
            (
                frame.f_globals.as_ref().to_owned(),
                frame.f_code.co_filename.clone(),
                objects::frameobject::frame_lineno(frame) as i64,
            )
        }
    };
    let Some(globals) = globals.downcast_ref::<PyDictObject>() else {
        return Err(system_error("frame globals are not a dict"));
    };
    let registry = match PyDict_GetItemWithError(globals, objects::intern!("__warningregistry__"))?
    {
        Some(r) => r,
        None => {
            let r = PyDict_New().into_object();
            PyDict_SetItem(globals, objects::intern!("__warningregistry__"), &r)?;
            r
        }
    };
    let module = match PyDict_GetItemWithError(globals, objects::intern!("__name__"))? {
        Some(m) if m.is(Py_None()) || m.downcast_ref::<PyUnicodeObject>().is_some() => m,
        _ => PyUnicode_FromString("<string>"),
    };
    Ok((filename, lineno, module, registry))
}

/// `get_category`: a Warning instance's own class, else `category` (UserWarning
/// when None), which must be a Warning subclass.
fn get_category(message: &PyObject, category: Option<&PyObject>) -> PyResult {
    let category = if PyObject_IsInstance(message, PyExc_Warning.as_object())? {
        message.ob_type().as_object().to_owned()
    } else {
        match category {
            Some(c) if !c.is(Py_None()) => c.to_owned(),
            _ => PyExc_UserWarning.as_object().to_owned(),
        }
    };
    match PyObject_IsSubclass(&category, PyExc_Warning.as_object()) {
        Ok(true) => Ok(category),
        _ => Err(type_error(format!(
            "category must be a Warning subclass, not '{}'",
            category.ob_type().name()
        ))),
    }
}

/// `do_warn`.
fn do_warn(
    message: &PyObject,
    category: &PyObject,
    stack_level: isize,
    source: Option<&PyObject>,
) -> PyResult<()> {
    let (filename, lineno, module, registry) = setup_context(stack_level)?;
    warn_explicit(
        category,
        message,
        &filename,
        lineno,
        Some(&module),
        Some(&registry),
        None,
        source,
    )
}

/// `get_source_line`: line `lineno` of the module's source, from its
/// `__loader__.get_source(__name__)`; `Ok(None)` when that is not available.
fn get_source_line(module_globals: &PyDictObject, lineno: i64) -> PyResult<Option<PyObjectRef>> {
    let Some(loader) = PyDict_GetItemWithError(module_globals, objects::intern!("__loader__"))?
    else {
        return Ok(None);
    };
    let Some(module_name) = PyDict_GetItemWithError(module_globals, objects::intern!("__name__"))?
    else {
        return Ok(None);
    };
    let Some(get_source) = _PyObject_LookupAttr(&loader, objects::intern!("get_source"))? else {
        return Ok(None);
    };
    let source = PyObject_CallOneArg(&get_source, &module_name)?;
    if source.is(Py_None()) {
        return Ok(None);
    }
    let lines = PyObject_CallMethodNoArgs(&source, objects::intern!("splitlines"))?;
    let Some(list) = lines.downcast_ref::<PyListObject>() else {
        return Ok(None);
    };
    if lineno < 1 {
        return Err(index_error("list index out of range"));
    }
    match list.get((lineno - 1) as usize) {
        Some(l) => Ok(Some(l)),
        None => Err(index_error("list index out of range")),
    }
}

// --- the C API (Include/warnings.h) ----------------------------------------------------

/// `PyErr_WarnEx`: issue a warning of `category` with `text`, attributed to the
/// frame `stack_level` levels up. Raises when a filter turns it into an error.
pub fn PyErr_WarnEx(category: &PyTypeObject, text: &str, stack_level: isize) -> PyResult<()> {
    let message = PyUnicode_FromString(text);
    do_warn(&message, category.as_object(), stack_level, None)
}

/// `PyErr_ResourceWarning`: a ResourceWarning about `source` (passed on to
/// `warnings._showwarnmsg`, which imports the `warnings` module).
pub fn PyErr_ResourceWarning(source: &PyObject, stack_level: isize, text: &str) -> PyResult<()> {
    let message = PyUnicode_FromString(text);
    do_warn(
        &message,
        PyExc_ResourceWarning.as_object(),
        stack_level,
        Some(source),
    )
}

/// `PyErr_WarnExplicitObject`: a warning with its location given (the compiler's
/// SyntaxWarnings, the string parser's DeprecationWarnings).
pub fn PyErr_WarnExplicitObject(
    category: &PyTypeObject,
    message: &PyObject,
    filename: &PyObject,
    lineno: i64,
    module: Option<&PyObject>,
    registry: Option<&PyObject>,
) -> PyResult<()> {
    warn_explicit(
        category.as_object(),
        message,
        filename,
        lineno,
        module,
        registry,
        None,
        None,
    )
}

/// `_PyErr_WarnUnawaitedCoroutine`: "coroutine '...' was never awaited", through
/// `warnings._warn_unawaited_coroutine` when the `warnings` module imports (it can
/// show where the coroutine was made), else directly. Errors are unraisable.
pub fn _PyErr_WarnUnawaitedCoroutine(coro: &PyObject) {
    if crate::pylifecycle::is_finalizing() {
        return;
    }
    let mut warned = false;
    match get_warnings_attr(objects::intern!("_warn_unawaited_coroutine"), true) {
        Ok(Some(f)) => match PyObject_CallOneArg(&f, coro) {
            Ok(_) => warned = true,
            Err(e) => {
                if PyErr_ExceptionMatches(&e, &PyExc_RuntimeWarning) {
                    warned = true;
                }
                objects::pyhooks::write_unraisable(e, Some(coro));
            }
        },
        Ok(None) => {}
        Err(e) => objects::pyhooks::write_unraisable(e, Some(coro)),
    }
    if !warned {
        let qualname = PyObject_GetAttr(coro, objects::intern!("__qualname__"))
            .and_then(|q| PyObject_Str(&q))
            .map(|q| objects::unicodeobject::as_str_lossy(&q).into_owned())
            .unwrap_or_default();
        let message = PyUnicode_FromString(&format!("coroutine '{qualname}' was never awaited"));
        if let Err(e) = do_warn(&message, PyExc_RuntimeWarning.as_object(), 1, Some(coro)) {
            objects::pyhooks::write_unraisable(e, Some(coro));
        }
    }
}

fn hook_warn_ex(category: &PyTypeObject, text: &str, stack_level: isize) -> PyResult<()> {
    PyErr_WarnEx(category, text, stack_level)
}

fn hook_resource_warning(source: &PyObject, stack_level: isize, text: &str) -> PyResult<()> {
    PyErr_ResourceWarning(source, stack_level, text)
}

/// Let `objects` issue warnings (`objects::pyhooks::PyErr_WarnEx` and friends).
pub fn install_hooks() {
    objects::pyhooks::set_warning_hooks(objects::pyhooks::WarningHooks {
        warn_ex: hook_warn_ex,
        warn_explicit: PyErr_WarnExplicitObject,
        resource_warning: hook_resource_warning,
        unawaited_coroutine: _PyErr_WarnUnawaitedCoroutine,
    });
}

// --- the _warnings module --------------------------------------------------------------

/// `_warnings.warn(message, category=None, stacklevel=1, source=None)`.
fn warnings_warn(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = objects::getargs::parse_args(
        "warn",
        args,
        kwnames,
        &["message", "category", "stacklevel", "source"],
        1,
    )?;
    let message = a[0].clone().unwrap_or_else(none);
    let stacklevel = match &a[2] {
        Some(s) => PyNumber_AsSsize_t(s, Some(&PyExc_OverflowError))?,
        None => 1,
    };
    let category = get_category(&message, a[1].as_deref())?;
    let source = a[3].as_deref().filter(|s| !s.is(Py_None()));
    do_warn(&message, &category, stacklevel, source)?;
    Ok(none())
}

/// The `i` format unit of `PyArg_Parse*`: a C int.
fn c_int_arg(obj: &PyObject) -> PyResult<i64> {
    match PyLong_AsLong(obj) {
        Ok(v) if v > i32::MAX as i64 => {
            Err(overflow_error("signed integer is greater than maximum"))
        }
        Ok(v) if v < i32::MIN as i64 => Err(overflow_error("signed integer is less than minimum")),
        Ok(v) => Ok(v),
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_OverflowError) => {
            let idx = PyNumber_Index(obj)?;
            let negative = idx
                .downcast_ref::<PyLongObject>()
                .is_some_and(|l| l.is_negative());
            Err(overflow_error(if negative {
                "signed integer is less than minimum"
            } else {
                "signed integer is greater than maximum"
            }))
        }
        Err(e) => Err(e),
    }
}

/// `_warnings.warn_explicit(message, category, filename, lineno, module=None,
/// registry=None, module_globals=None, source=None)`.
fn warnings_warn_explicit(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = objects::getargs::parse_args(
        "warn_explicit",
        args,
        kwnames,
        &[
            "message",
            "category",
            "filename",
            "lineno",
            "module",
            "registry",
            "module_globals",
            "source",
        ],
        4,
    )?;
    let arg = |i: usize| a[i].clone().unwrap_or_else(none);
    let (message, category, filename) = (arg(0), arg(1), arg(2));
    if filename.downcast_ref::<PyUnicodeObject>().is_none() {
        return Err(type_error(format!(
            "warn_explicit() argument 3 must be str, not {}",
            objects::pyerrors::type_name(&filename)
        )));
    }
    let lineno = c_int_arg(&arg(3))?;
    let module = a[4].as_deref();
    let registry = a[5].as_deref();
    let source = a[7].as_deref().filter(|s| !s.is(Py_None()));
    let mut source_line = None;
    if let Some(g) = a[6].as_deref().filter(|g| !g.is(Py_None())) {
        let Some(globals) = g.downcast_ref::<PyDictObject>() else {
            return Err(type_error(format!(
                "module_globals must be a dict, not '{}'",
                g.ob_type().name()
            )));
        };
        source_line = get_source_line(globals, lineno)?;
    }
    warn_explicit(
        &category,
        &message,
        &filename,
        lineno,
        module,
        registry,
        source_line.as_deref(),
        source,
    )?;
    Ok(none())
}

/// `_warnings._filters_mutated()`: the filters changed; registries made before
/// are stale.
fn warnings_filters_mutated(_m: &PyObject) -> PyResult {
    state().borrow_mut().filters_version += 1;
    Ok(none())
}

static warnings_functions: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "warn",
        PyCFunction::FastKw(warnings_warn),
        "warn($module, /, message, category=None, stacklevel=1, source=None)\n--\n\nIssue a warning, or maybe ignore it or raise an exception.",
    ),
    PyMethodDef::new(
        "warn_explicit",
        PyCFunction::FastKw(warnings_warn_explicit),
        "Low-level interface to warnings functionality.",
    ),
    PyMethodDef::new(
        "_filters_mutated",
        PyCFunction::NoArgs(warnings_filters_mutated),
        "",
    ),
];

/// Make the `_warnings` module (`_PyWarnings_Init`): the functions, and the state's
/// own `filters`, `_onceregistry` and `_defaultaction` objects.
pub fn PyInit__warnings() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_warnings")?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString(
            "_warnings provides basic warning filtering support.\n\
             It is a helper module to speed up interpreter start-up.",
        ),
    )?;
    PyModule_AddFunctions(&m, &warnings_functions)?;
    let (filters, once, action) = {
        let st = state().borrow();
        (
            st.filters.clone().unwrap_or_else(none),
            st.once_registry.clone().unwrap_or_else(none),
            st.default_action.clone().unwrap_or_else(none),
        )
    };
    PyModule_AddObject(&m, "filters", &filters)?;
    PyModule_AddObject(&m, "_onceregistry", &once)?;
    PyModule_AddObject(&m, "_defaultaction", &action)?;
    Ok(m)
}
