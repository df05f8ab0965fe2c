//! The import system. Mirrors Python/import.c and the behaviour of
//! Lib/importlib/_bootstrap.py (CPython 3.11): `__import__`, `sys.modules`, packages,
//! relative imports, `from ... import` with `__all__`, and the error messages.
//!
//! Modules are found, in order: built into the binary (the `inittab`, CPython's
//! Modules/config.c), then along `sys.path` (a directory holding `name.py` or a
//! package `name/__init__.py`). pyrs's own `lib/` is one `sys.path` entry whose files
//! are embedded in the binary (`frozen`), read from disk when the directory exists.
//!
//! Differences from CPython: the finders and loaders are Rust, not importlib objects:
//! `sys.meta_path` and `sys.path_hooks` are not consulted, and modules get `__spec__`
//! and `__loader__` set to None.

use include::object::GlobalCell;

use objects::dictobject::*;
use objects::exceptions::*;
use objects::moduleobject::{PyModuleObject, PyModule_New};
use objects::object::*;
use objects::prelude::*;
use objects::unicodeobject::{as_str_lossy, PyUnicodeObject, PyUnicode_FromString};

/// A module implemented in Rust: its name and the function that makes it.
pub type InitFunc = fn() -> PyResult<PyRef<PyModuleObject>>;

static INITTAB: GlobalCell<Vec<(&'static str, InitFunc)>> = GlobalCell::new(Vec::new());

/// `PyImport_AppendInittab`: register a native module (before start-up completes).
pub fn PyImport_AppendInittab(name: &'static str, init: InitFunc) {
    // SAFETY: start-up, single-threaded.
    unsafe { INITTAB.get_mut() }.push((name, init));
}

/// Names of the native modules (`sys.builtin_module_names`), sorted.
pub fn builtin_module_names() -> Vec<&'static str> {
    // SAFETY: the table is only appended to at start-up.
    let mut v: Vec<&'static str> = unsafe { INITTAB.get_ref() }
        .iter()
        .map(|(n, _)| *n)
        .collect();
    v.push("builtins");
    v.push("sys");
    v.sort_unstable();
    v
}

fn find_inittab(name: &str) -> Option<InitFunc> {
    // SAFETY: the table is only appended to at start-up.
    unsafe { INITTAB.get_ref() }
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
}

/// `sys.modules`.
pub fn modules_dict() -> PyResult<PyRef<PyDictObject>> {
    match crate::sysmodule::PySys_GetObject("modules") {
        Some(m) => match objects::PyObjectRefExt::downcast::<PyDictObject>(m) {
            Ok(d) => Ok(d),
            Err(_) => Err(runtime_error("sys.modules is not a dict")),
        },
        None => Err(runtime_error("lost sys.modules")),
    }
}

/// Names of modules whose code is running right now (a circular import sees them
/// half-made).
static INITIALIZING: GlobalCell<Vec<String>> = GlobalCell::new(Vec::new());

fn is_initializing(name: &str) -> bool {
    // SAFETY: single-threaded; not borrowed across calls.
    unsafe { INITIALIZING.get_ref() }.iter().any(|n| n == name)
}

fn module_not_found(msg: String, name: &str) -> PyErr {
    let err = PyErr_SetString(&PyExc_ModuleNotFoundError, msg);
    let _ = PyObject_SetAttr(
        err.value(),
        objects::intern!("name"),
        Some(&PyUnicode_FromString(name)),
    );
    err
}

/// What a search of a path entry found.
enum Found {
    /// A source file; for a package, its `__init__.py` and the package directory.
    Source {
        file: String,
        source: String,
        package_dir: Option<String>,
    },
}

/// Look for `last` (the final component of a dotted name) in one directory.
fn find_in_dir(dir: &str, last: &str) -> Option<Found> {
    let base = if dir.is_empty() {
        ".".to_string()
    } else {
        dir.to_string()
    };
    if let Some(found) = crate::frozen::find(&base, last) {
        return Some(found.into_found());
    }
    let pkg_dir = format!("{base}/{last}");
    let init = format!("{pkg_dir}/__init__.py");
    if let Ok(src) = std::fs::read(&init) {
        return Some(Found::Source {
            file: display_path(dir, &format!("{last}/__init__.py")),
            source: decode_source(&src),
            package_dir: Some(display_path(dir, last)),
        });
    }
    let file = format!("{base}/{last}.py");
    if let Ok(src) = std::fs::read(&file) {
        return Some(Found::Source {
            file: display_path(dir, &format!("{last}.py")),
            source: decode_source(&src),
            package_dir: None,
        });
    }
    None
}

impl crate::frozen::FrozenFound {
    fn into_found(self) -> Found {
        Found::Source {
            file: self.file,
            source: self.source.to_string(),
            package_dir: self.package_dir,
        }
    }
}

/// The path a module's `__file__` shows: CPython makes it absolute.
fn display_path(dir: &str, rel: &str) -> String {
    let joined = if dir.is_empty() {
        rel.to_string()
    } else {
        format!("{dir}/{rel}")
    };
    match std::path::Path::new(&joined).canonicalize() {
        Ok(p) if !dir.is_empty() && !std::path::Path::new(dir).is_absolute() => {
            p.to_string_lossy().into_owned()
        }
        _ if dir.is_empty() => std::env::current_dir()
            .map(|d| d.join(rel).to_string_lossy().into_owned())
            .unwrap_or(joined),
        _ => joined,
    }
}

/// Source bytes as text: UTF-8 (a BOM is dropped), or Latin-1 when a coding cookie
/// says so (PEP 263).
pub fn decode_source(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let head: Vec<&[u8]> = bytes.splitn(3, |&b| b == b'\n').take(2).collect();
    for line in head {
        let l = String::from_utf8_lossy(line).to_lowercase();
        if l.trim_start().starts_with('#')
            && l.contains("coding")
            && (l.contains("latin-1") || l.contains("iso-8859-1") || l.contains("latin1"))
        {
            return bytes.iter().map(|&b| b as char).collect();
        }
    }
    String::from_utf8_lossy(bytes).into_owned()
}

fn path_entries(path: &PyObject) -> PyResult<Vec<String>> {
    let items = objects::r#abstract::PySequence_Fast(path, "")?;
    Ok(items
        .iter()
        .filter(|p| PyUnicodeObject::check(p))
        .map(|p| as_str_lossy(p).into_owned())
        .collect())
}

/// Run a module's source in a fresh module object registered in `sys.modules`
/// (`_load_unlocked`).
fn exec_source_module(name: &str, file: &str, source: &str, package_dir: Option<&str>) -> PyResult {
    let m = PyModule_New(name)?;
    let d = m.dict();
    PyDict_SetItem(d, objects::intern!("__file__"), &PyUnicode_FromString(file))?;
    PyDict_SetItem(d, objects::intern!("__cached__"), Py_None())?;
    let package = match package_dir {
        Some(dir) => {
            let path =
                objects::listobject::PyList_New(vec![PyUnicode_FromString(dir)]).into_object();
            PyDict_SetItem(d, objects::intern!("__path__"), &path)?;
            name.to_string()
        }
        None => name
            .rsplit_once('.')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default(),
    };
    PyDict_SetItem(
        d,
        objects::intern!("__package__"),
        &PyUnicode_FromString(&package),
    )?;
    if let Some(b) = crate::bltinmodule::builtins_module() {
        PyDict_SetItem(d, objects::intern!("__builtins__"), b.as_object())?;
    }
    let modules = modules_dict()?;
    let key = PyUnicode_FromString(name);
    PyDict_SetItem(&modules, &key, m.as_object())?;
    // SAFETY: single-threaded; not borrowed across calls.
    unsafe { INITIALIZING.get_mut() }.push(name.to_string());
    let result = crate::pythonrun::compile_source(source, file, crate::compile::Mode::Exec, -1)
        .and_then(|code| crate::ceval::PyEval_EvalCode(code, &m.md_dict, &m.md_dict));
    // SAFETY: as above.
    let init = unsafe { INITIALIZING.get_mut() };
    if let Some(i) = init.iter().rposition(|n| n == name) {
        init.remove(i);
    }
    if let Err(e) = result {
        let _ = PyDict_DelItem(&modules, &key);
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    match PyDict_GetItemWithError(&modules, &key)? {
        Some(v) => Ok(v),
        None => Err(PyErr_SetString(
            &PyExc_ImportError,
            format!("Loaded module {name} not found in sys.modules"),
        )),
    }
}

/// Make a native module and register it.
fn load_builtin(name: &str, init: InitFunc) -> PyResult {
    let m = init()?;
    m.md_builtin.set(true);
    let modules = modules_dict()?;
    PyDict_SetItem(&modules, &PyUnicode_FromString(name), m.as_object())?;
    Ok(m.into_object())
}

/// `_find_and_load`: import `name` (absolute, dotted) into `sys.modules`.
fn find_and_load(name: &str) -> PyResult {
    let modules = modules_dict()?;
    let key = PyUnicode_FromString(name);
    if let Some(m) = PyDict_GetItemWithError(&modules, &key)? {
        return Ok(m);
    }
    let (parent, last) = match name.rsplit_once('.') {
        Some((p, l)) => (Some(p), l),
        None => (None, name),
    };
    let search: Vec<String> = match parent {
        Some(p) => {
            let parent_module = match PyDict_GetItemWithError(&modules, &PyUnicode_FromString(p))? {
                Some(m) => m,
                None => import_absolute(p)?,
            };
            // The parent's import may have imported us as a side effect.
            if let Some(m) = PyDict_GetItemWithError(&modules, &key)? {
                return Ok(m);
            }
            match _PyObject_LookupAttr(&parent_module, objects::intern!("__path__"))? {
                Some(path) => path_entries(&path)?,
                None => {
                    return Err(module_not_found(
                        format!("No module named '{name}'; '{p}' is not a package"),
                        name,
                    ))
                }
            }
        }
        None => {
            if let Some(init) = find_inittab(name) {
                return load_builtin(name, init);
            }
            match crate::sysmodule::PySys_GetObject("path") {
                Some(p) => path_entries(&p)?,
                None => {
                    return Err(PyErr_SetString(
                        &PyExc_ImportError,
                        "sys.path must be a list of directory names",
                    ))
                }
            }
        }
    };
    for dir in &search {
        if let Some(Found::Source {
            file,
            source,
            package_dir,
        }) = find_in_dir(dir, last)
        {
            let module = exec_source_module(name, &file, &source, package_dir.as_deref())?;
            if let Some(p) = parent {
                if let Some(pm) = PyDict_GetItemWithError(&modules, &PyUnicode_FromString(p))? {
                    // Binding the submodule on its package; a failure here is not fatal
                    // in CPython either (it warns).
                    let _ = PyObject_SetAttr(&pm, &PyUnicode_FromString(last), Some(&module));
                }
            }
            return Ok(module);
        }
    }
    Err(module_not_found(format!("No module named '{name}'"), name))
}

fn import_absolute(name: &str) -> PyResult {
    find_and_load(name)
}

/// `resolve_name`: the absolute name of a relative import.
fn resolve_name(name: &str, globals: Option<&PyObject>, level: i64) -> PyResult<String> {
    let Some(g) = globals.and_then(|g| g.downcast_ref::<PyDictObject>()) else {
        return Err(PyErr_SetString(
            &PyExc_KeyError,
            "'__name__' not in globals",
        ));
    };
    let package = match PyDict_GetItemWithError(g, objects::intern!("__package__"))? {
        Some(p) if !p.is(Py_None()) => {
            if !PyUnicodeObject::check(&p) {
                return Err(type_error("package must be a string"));
            }
            as_str_lossy(&p).into_owned()
        }
        _ => {
            let Some(n) = PyDict_GetItemWithError(g, objects::intern!("__name__"))? else {
                return Err(PyErr_SetString(
                    &PyExc_KeyError,
                    "'__name__' not in globals",
                ));
            };
            if !PyUnicodeObject::check(&n) {
                return Err(type_error("__name__ must be a string"));
            }
            let n = as_str_lossy(&n).into_owned();
            if PyDict_GetItemWithError(g, objects::intern!("__path__"))?.is_some() {
                n
            } else {
                n.rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        return Err(PyErr_SetString(
            &PyExc_ImportError,
            "attempted relative import with no known parent package",
        ));
    }
    let parts: Vec<&str> = package.split('.').collect();
    if (level as usize) > parts.len() {
        return Err(PyErr_SetString(
            &PyExc_ImportError,
            "attempted relative import beyond top-level package",
        ));
    }
    let base = parts[..parts.len() - (level as usize - 1)].join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

/// `PyImport_ImportModuleLevelObject`: what `__import__` and `IMPORT_NAME` do.
pub fn PyImport_ImportModuleLevelObject(
    name: &PyObject,
    globals: Option<&PyObject>,
    fromlist: &PyObject,
    level: i64,
) -> PyResult {
    let Some(n) = name.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "module name must be str, not {}",
            name.ob_type().name()
        )));
    };
    if level < 0 {
        return Err(value_error("level must be >= 0"));
    }
    let name_s = n.to_string_lossy().into_owned();
    if level == 0 && name_s.is_empty() {
        return Err(value_error("Empty module name"));
    }
    let abs_name = if level > 0 {
        resolve_name(&name_s, globals, level)?
    } else {
        name_s.clone()
    };
    let module = find_and_load(&abs_name)?;
    let has_from = !fromlist.is(Py_None()) && objects::object::PyObject_IsTrue(fromlist)?;
    if !has_from {
        if level == 0 || !name_s.is_empty() {
            let front = name_s.split('.').next().unwrap_or("");
            if level == 0 {
                return find_and_load(front);
            }
            let cut = name_s.len() - front.len();
            let target = &abs_name[..abs_name.len() - cut];
            let modules = modules_dict()?;
            return match PyDict_GetItemWithError(&modules, &PyUnicode_FromString(target))? {
                Some(m) => Ok(m),
                None => Err(PyErr_SetString(
                    &PyExc_KeyError,
                    format!("{target:?} not in sys.modules as expected"),
                )),
            };
        }
        return Ok(module);
    }
    if _PyObject_LookupAttr(&module, objects::intern!("__path__"))?.is_some() {
        handle_fromlist(&module, &abs_name, fromlist, false)?;
    }
    Ok(module)
}

/// `_handle_fromlist`: import the submodules a `from package import a, b` names.
fn handle_fromlist(
    module: &PyObject,
    module_name: &str,
    fromlist: &PyObject,
    recursive: bool,
) -> PyResult<()> {
    for x in objects::r#abstract::PySequence_Fast(fromlist, "")? {
        if !PyUnicodeObject::check(&x) {
            let what = if recursive {
                "``from list''"
            } else {
                "Item in ``from list''"
            };
            return Err(type_error(format!(
                "{} must be str, not {}",
                what,
                x.ob_type().name()
            )));
        }
        if objects::unicodeobject::unicode_eq_str(&x, "*") {
            if !recursive {
                if let Some(all) = _PyObject_LookupAttr(module, objects::intern!("__all__"))? {
                    handle_fromlist(module, module_name, &all, true)?;
                }
            }
            continue;
        }
        if _PyObject_LookupAttr(module, &x)?.is_none() {
            let sub = format!("{}.{}", module_name, as_str_lossy(&x));
            match find_and_load(&sub) {
                Ok(_) => {}
                Err(e) if PyErr_ExceptionMatches(&e, &PyExc_ModuleNotFoundError) => {
                    let ename = _PyObject_LookupAttr(e.value(), objects::intern!("name"))?;
                    if !ename.is_some_and(|n| objects::unicodeobject::unicode_eq_str(&n, &sub)) {
                        return Err(e);
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// `IMPORT_NAME`: call `builtins.__import__` (or the import machinery directly when it
/// has not been replaced).
///
/// # Safety
/// `frame` must be the live current frame.
pub unsafe fn import_name(
    frame: *mut include::frame::_PyInterpreterFrame,
    name: &PyObject,
    fromlist: &PyObject,
    level: &PyObject,
) -> PyResult {
    // SAFETY: the caller guarantees the frame is live.
    let (globals, builtins, locals) = unsafe {
        (
            (*frame).f_globals.as_ref().to_owned(),
            (*frame).f_builtins.as_ref().to_owned(),
            (*frame).f_locals.clone().unwrap_or_else(none),
        )
    };
    let import_func = match builtins.downcast_ref::<PyDictObject>() {
        Some(b) => PyDict_GetItemWithError(b, objects::intern!("__import__"))?,
        None => {
            objects::r#abstract::PyObject_GetItem(&builtins, objects::intern!("__import__")).ok()
        }
    };
    let Some(import_func) = import_func else {
        return Err(PyErr_SetString(&PyExc_ImportError, "__import__ not found"));
    };
    let lvl = objects::longobject::PyLong_AsLong(level)?;
    let is_builtin = import_func
        .downcast_ref::<objects::methodobject::PyCFunctionObject>()
        .is_some_and(|f| f.m_ml.ml_name == "__import__");
    if is_builtin {
        return PyImport_ImportModuleLevelObject(name, Some(&globals), fromlist, lvl);
    }
    objects::call::PyObject_Vectorcall(
        &import_func,
        &[
            name.to_owned(),
            globals,
            locals,
            fromlist.to_owned(),
            level.to_owned(),
        ],
        None,
    )
}

/// `IMPORT_FROM`: `from module import name`, falling back to a submodule in
/// `sys.modules`.
pub fn import_from(module: &PyObject, name: &PyObject) -> PyResult {
    match _PyObject_LookupAttr(module, name)? {
        Some(v) => return Ok(v),
        None => {}
    }
    let pkgname = _PyObject_LookupAttr(module, objects::intern!("__name__"))?;
    let pkgname_s = pkgname
        .as_ref()
        .filter(|p| PyUnicodeObject::check(p))
        .map(|p| as_str_lossy(p).into_owned());
    if let Some(pkg) = &pkgname_s {
        let full = format!("{}.{}", pkg, as_str_lossy(name));
        if let Some(m) = PyDict_GetItemWithError(&*modules_dict()?, &PyUnicode_FromString(&full))? {
            return Ok(m);
        }
    }
    let pkg_display = pkgname_s
        .clone()
        .unwrap_or_else(|| "<unknown module name>".to_string());
    let path = _PyObject_LookupAttr(module, objects::intern!("__file__"))?
        .filter(|p| PyUnicodeObject::check(p))
        .map(|p| as_str_lossy(&p).into_owned());
    let msg = if pkgname_s.as_deref().is_some_and(is_initializing) {
        format!(
            "cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import) ({})",
            as_str_lossy(name),
            pkg_display,
            path.clone().unwrap_or_else(|| "unknown location".into())
        )
    } else {
        format!(
            "cannot import name '{}' from '{}' ({})",
            as_str_lossy(name),
            pkg_display,
            path.clone().unwrap_or_else(|| "unknown location".into())
        )
    };
    let err = PyErr_SetString(&PyExc_ImportError, msg);
    let _ = PyObject_SetAttr(
        err.value(),
        objects::intern!("name"),
        Some(&pkgname.unwrap_or_else(none)),
    );
    let _ = PyObject_SetAttr(
        err.value(),
        objects::intern!("path"),
        Some(&path.map(|p| PyUnicode_FromString(&p)).unwrap_or_else(none)),
    );
    Err(err)
}

/// `IMPORT_STAR`: bind the public names of `module` in the frame's locals.
///
/// # Safety
/// `frame` must be the live current frame.
pub unsafe fn import_all_from(
    frame: *mut include::frame::_PyInterpreterFrame,
    module: &PyObject,
) -> PyResult<()> {
    // SAFETY: the caller guarantees the frame is live.
    let locals = unsafe { (*frame).f_locals.clone() };
    let Some(locals) = locals else {
        return Err(system_error("no locals found during 'import *'"));
    };
    let modname = || {
        _PyObject_LookupAttr(module, objects::intern!("__name__"))
            .ok()
            .flatten()
            .map(|n| as_str_lossy(&n).into_owned())
            .unwrap_or_default()
    };
    let (names, from_all) = match _PyObject_LookupAttr(module, objects::intern!("__all__"))? {
        Some(all) => (objects::r#abstract::PySequence_Fast(&all, "")?, true),
        None => {
            let Some(d) = _PyObject_LookupAttr(module, objects::intern!("__dict__"))? else {
                return Err(PyErr_SetString(
                    &PyExc_ImportError,
                    "from-import-* object has no __dict__ and no __all__",
                ));
            };
            let keys = objects::call::PyObject_CallMethod(&d, objects::intern!("keys"), &[])?;
            (objects::r#abstract::PySequence_Fast(&keys, "")?, false)
        }
    };
    for name in names {
        if !PyUnicodeObject::check(&name) {
            let what = if from_all {
                format!("{}.__all__", modname())
            } else {
                format!("{}.__dict__", modname())
            };
            let kind = if from_all { "Item" } else { "Key" };
            return Err(type_error(format!(
                "{} in {} must be str, not {}",
                kind,
                what,
                name.ob_type().name()
            )));
        }
        if !from_all && as_str_lossy(&name).starts_with('_') {
            continue;
        }
        let value = PyObject_GetAttr(module, &name)?;
        objects::r#abstract::PyObject_SetItem(&locals, &name, &value)?;
    }
    Ok(())
}

/// Import a module by name from Rust (`PyImport_ImportModule`).
pub fn PyImport_ImportModule(name: &str) -> PyResult {
    find_and_load(name)
}

/// Where `-m name` finds its code: the file and source of the module (or of a
/// package's `__main__`), after importing the parent packages (`runpy`'s
/// `_get_module_details`).
pub fn find_main_module(name: &str) -> PyResult<(String, String, Option<String>)> {
    let (parent, last) = match name.rsplit_once('.') {
        Some((p, l)) => (Some(p), l),
        None => (None, name),
    };
    let search = match parent {
        Some(p) => {
            let pm = find_and_load(p)?;
            match _PyObject_LookupAttr(&pm, objects::intern!("__path__"))? {
                Some(path) => path_entries(&path)?,
                None => return Err(module_not_found(format!("No module named '{name}'"), name)),
            }
        }
        None => match crate::sysmodule::PySys_GetObject("path") {
            Some(p) => path_entries(&p)?,
            None => Vec::new(),
        },
    };
    for dir in &search {
        if let Some(Found::Source {
            file,
            source,
            package_dir,
        }) = find_in_dir(dir, last)
        {
            if let Some(pkg) = package_dir {
                // A package: run its __main__ submodule.
                find_and_load(name)?;
                let main_name = format!("{name}.__main__");
                if let Some(Found::Source { file, source, .. }) = find_in_dir(&pkg, "__main__") {
                    return Ok((file, source, Some(main_name)));
                }
                return Err(PyErr_SetString(
                    &PyExc_ImportError,
                    format!("No module named {name}.__main__; '{name}' is a package and cannot be directly executed"),
                ));
            }
            return Ok((file, source, None));
        }
    }
    Err(module_not_found(format!("No module named {name}"), name))
}
