//! The import system. Mirrors Python/import.c and the algorithm of
//! Lib/importlib/_bootstrap.py and _bootstrap_external.py (CPython 3.11):
//! `__import__`, `sys.modules`, `sys.meta_path` (`_find_spec`), `sys.path_hooks` and
//! `sys.path_importer_cache` (PathFinder), FileFinder's directory search, module specs
//! and `_init_module_attrs`, loading (`_load_unlocked`), packages, namespace packages,
//! relative imports, `from ... import` with `__all__`, the `_imp` module, and the error
//! messages.
//!
//! As in CPython, the objects Python code sees (ModuleSpec, BuiltinImporter,
//! FrozenImporter, PathFinder, FileFinder, SourceFileLoader, ...) are Python classes,
//! in pyrs's lib/importlib/_bootstrap.py and _bootstrap_external.py, loaded at
//! start-up as `_frozen_importlib` and `_frozen_importlib_external`
//! ([`init_importlib`]). Unlike CPython, the algorithm is here in Rust, and those
//! classes' methods call into it through `_imp`. When `sys.meta_path` holds the
//! default finders, and a path entry's finder is a FileFinder, the Rust code runs them
//! directly instead of calling their methods; any other finder or loader (a Python
//! class of a program's own) is called through its methods, so the hooks work.
//!
//! The bytecode cache (PEP 3147, PEP 552) is CPython's: a module's code is kept in
//! `__pycache__/<name>.pyrs-311.pyc` (`sys.implementation.cache_tag`; or under
//! `sys.pycache_prefix`), a 16-byte header (magic number, flags, then the source's
//! mtime and size, or its SipHash) followed by the marshalled code, validated and
//! written as `SourceLoader.get_code` does ([`source_file_get_code`]), written
//! atomically (a temporary file renamed into place) unless `sys.dont_write_bytecode`
//! (`-B`, `PYTHONDONTWRITEBYTECODE`). The magic number is pyrs's own: python/build.rs
//! derives it from a hash of the compiler's sources, so a `.pyc` written by a pyrs
//! whose compiler differed in any way fails the magic check and is recompiled.
//!
//! Differences from CPython: no extension modules, no per-module import locks (pyrs
//! runs one thread), and FileFinder keeps no directory listing cache (each lookup asks
//! the file system). `_imp._fix_co_filename` is replaced by reading a cached module's
//! code with the source's path as its filename (`marshal::read_code_for_source`).
//! pyrs's own `lib/` is one `sys.path` entry whose files are embedded in the binary
//! (`frozen`), read from disk when the directory exists.

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
    v.push("_imp");
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

fn module_not_found(msg: String, name: &str) -> PyErr {
    let err = PyErr_SetString(&PyExc_ModuleNotFoundError, msg);
    let _ = PyObject_SetAttr(
        err.value(),
        objects::intern!("name"),
        Some(&PyUnicode_FromString(name)),
    );
    err
}

// --- small helpers ---------------------------------------------------------------------

fn s(text: &str) -> PyObjectRef {
    PyUnicode_FromString(text)
}

fn attr(obj: &PyObject, name: &str) -> PyResult {
    PyObject_GetAttr(
        obj,
        &objects::unicodeobject::PyUnicode_InternFromString(name),
    )
}

fn lookup(obj: &PyObject, name: &str) -> PyResult<Option<PyObjectRef>> {
    _PyObject_LookupAttr(
        obj,
        &objects::unicodeobject::PyUnicode_InternFromString(name),
    )
}

/// `getattr(obj, name, None)`, with None for None as well as for a missing attribute.
fn lookup_not_none(obj: &PyObject, name: &str) -> PyResult<Option<PyObjectRef>> {
    Ok(lookup(obj, name)?.filter(|v| !v.is(Py_None())))
}

fn set_attr(obj: &PyObject, name: &str, value: &PyObject) -> PyResult<()> {
    PyObject_SetAttr(
        obj,
        &objects::unicodeobject::PyUnicode_InternFromString(name),
        Some(value),
    )
}

/// `setattr` that ignores an AttributeError (a module whose attributes are read-only).
fn set_attr_lenient(obj: &PyObject, name: &str, value: &PyObject) -> PyResult<()> {
    match set_attr(obj, name, value) {
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_AttributeError) => Ok(()),
        r => r,
    }
}

fn str_of(obj: &PyObject) -> Option<String> {
    PyUnicodeObject::check(obj).then(|| as_str_lossy(obj).into_owned())
}

fn py_bool(v: bool) -> PyObjectRef {
    objects::boolobject::PyBool_FromLong(v)
}

fn import_error_with_name(msg: String, name: &str) -> PyErr {
    let err = PyErr_SetString(&PyExc_ImportError, msg);
    let _ = PyObject_SetAttr(err.value(), objects::intern!("name"), Some(&s(name)));
    err
}

// --- the bootstrap objects -------------------------------------------------------------

/// The Python-level objects of the import system that the Rust code creates or
/// recognises: the classes of lib/importlib/_bootstrap.py and _bootstrap_external.py
/// (CPython keeps the same in `interp->importlib`).
struct Bootstrap {
    module_spec: PyObjectRef,
    builtin_importer: PyObjectRef,
    path_finder: PyObjectRef,
    file_finder: PyObjectRef,
    source_file_loader: PyObjectRef,
    /// `_bootstrap_external.cache_from_source`, the one definition of a .pyc's path.
    cache_from_source: PyObjectRef,
    namespace_loader: PyObjectRef,
    namespace_spec: PyObjectRef,
}

static BOOTSTRAP: GlobalCell<Option<Bootstrap>> = GlobalCell::new(None);

fn bootstrap() -> PyResult<&'static Bootstrap> {
    // SAFETY: set once at start-up (`init_importlib`), never replaced afterwards.
    match unsafe { BOOTSTRAP.get_ref() } {
        Some(b) => Ok(b),
        None => Err(PyErr_SetString(
            &PyExc_ImportError,
            "the import system is not initialised",
        )),
    }
}

/// `_PyImport_GetImportlibLoader(interp, "BuiltinImporter")`: `__main__.__loader__`
/// until a script replaces it.
pub fn builtin_importer() -> PyResult<PyObjectRef> {
    Ok(bootstrap()?.builtin_importer.clone())
}

/// `_PyImport_GetImportlibExternalLoader(interp, "SourceFileLoader")`: the loader
/// class `set_main_loader` instantiates for a script.
pub fn source_file_loader() -> PyResult<PyObjectRef> {
    Ok(bootstrap()?.source_file_loader.clone())
}

/// Run one of the embedded bootstrap modules (`_frozen_importlib`,
/// `_frozen_importlib_external`) with the given modules injected into its namespace.
fn exec_bootstrap_module(
    name: &str,
    rel: &str,
    display: &str,
    inject: &[(&str, &PyObject)],
) -> PyResult<PyRef<PyModuleObject>> {
    let Some(source) = crate::frozen::source_for_path(&format!("{}/{rel}", crate::frozen::LIB_DIR))
    else {
        return Err(PyErr_SetString(
            &PyExc_ImportError,
            format!("the embedded library has no {rel}"),
        ));
    };
    let m = PyModule_New(name)?;
    let d = m.dict();
    if let Some(b) = crate::bltinmodule::builtins_module() {
        PyDict_SetItem(d, objects::intern!("__builtins__"), b.as_object())?;
    }
    for (k, v) in inject {
        PyDict_SetItem(d, &s(k), v)?;
    }
    let modules = modules_dict()?;
    PyDict_SetItem(&modules, &s(name), m.as_object())?;
    let code = crate::pythonrun::compile_source(source, display, crate::compile::Mode::Exec, -1)?;
    crate::ceval::PyEval_EvalCode(code, &m.md_dict, &m.md_dict)?;
    Ok(m)
}

/// Install the import machinery (`init_importlib` and `_install_external_importers`
/// of Python/import.c, `_setup` and `_install` of importlib/_bootstrap.py): load the
/// two bootstrap modules, fill `sys.meta_path` and `sys.path_hooks`, and give the
/// modules made so far their specs.
pub fn init_importlib() -> PyResult<()> {
    let modules = modules_dict()?;
    let imp = PyInit__imp()?;
    imp.md_builtin.set(true);
    PyDict_SetItem(&modules, objects::intern!("_imp"), imp.as_object())?;
    let sys = crate::sysmodule::sys_module()
        .map(|m| m.as_object().to_owned())
        .ok_or_else(|| runtime_error("lost sys"))?;
    let bootstrap_mod = exec_bootstrap_module(
        "_frozen_importlib",
        "importlib/_bootstrap.py",
        "<frozen importlib._bootstrap>",
        &[("sys", &sys), ("_imp", imp.as_object())],
    )?;
    let bm = bootstrap_mod.as_object();
    // _bootstrap_external imports the built-in modules it uses (`_imp`, `sys`,
    // `marshal`); with no finder yet, they must already be in sys.modules.
    PyDict_SetItem(&modules, &s("marshal"), &*create_builtin("marshal")?)?;
    let external = exec_bootstrap_module(
        "_frozen_importlib_external",
        "importlib/_bootstrap_external.py",
        "<frozen importlib._bootstrap_external>",
        &[],
    )?;
    let em = external.as_object();
    objects::call::PyObject_CallOneArg(&*attr(em, "_set_bootstrap_module")?, bm)?;
    set_attr(bm, "_bootstrap_external", em)?;
    let b = Bootstrap {
        module_spec: attr(bm, "ModuleSpec")?,
        builtin_importer: attr(bm, "BuiltinImporter")?,
        path_finder: attr(em, "PathFinder")?,
        file_finder: attr(em, "FileFinder")?,
        source_file_loader: attr(em, "SourceFileLoader")?,
        cache_from_source: attr(em, "cache_from_source")?,
        namespace_loader: attr(em, "NamespaceLoader")?,
        namespace_spec: attr(em, "_namespace_spec")?,
    };
    let meta_path = vec![
        b.builtin_importer.clone(),
        attr(bm, "FrozenImporter")?,
        b.path_finder.clone(),
    ];
    let get_loaders = attr(em, "_get_supported_file_loaders")?;
    let loaders = objects::call::PyObject_CallNoArgs(&get_loaders)?;
    let hook = objects::call::PyObject_Call(
        &*attr(&b.file_finder, "path_hook")?,
        &objects::tupleobject::PyTuple_New(objects::r#abstract::PySequence_Fast(&loaders, "")?)
            .into_object(),
        None,
    )?;
    // SAFETY: start-up, single-threaded; set once.
    unsafe { *BOOTSTRAP.get_mut() = Some(b) };
    crate::sysmodule::PySys_SetObject(
        "meta_path",
        &objects::listobject::PyList_New(meta_path).into_object(),
    )?;
    crate::sysmodule::PySys_SetObject(
        "path_hooks",
        &objects::listobject::PyList_New(vec![hook]).into_object(),
    )?;
    // The built-in modules made before the machinery existed get their specs.
    let b = bootstrap()?;
    for name in ["sys", "builtins", "_imp", "marshal"] {
        if let Some(m) = PyDict_GetItemWithError(&modules, &s(name))? {
            let spec = builtin_spec(name)?;
            init_module_attrs(&spec, &m, false)?;
        }
    }
    for m in [bm, em] {
        set_attr(m, "__loader__", &b.builtin_importer.clone())?;
    }
    Ok(())
}

// --- finding ---------------------------------------------------------------------------

fn is_builtin_name(name: &str) -> bool {
    matches!(name, "sys" | "builtins" | "_imp") || find_inittab(name).is_some()
}

/// `ModuleSpec(name, loader, origin=origin, is_package=is_package)`.
fn new_spec(
    name: &str,
    loader: &PyObject,
    origin: Option<&PyObject>,
    is_package: bool,
) -> PyResult {
    let b = bootstrap()?;
    let mut args = vec![s(name), loader.to_owned()];
    let mut kw = Vec::new();
    if let Some(o) = origin {
        args.push(o.to_owned());
        kw.push(s("origin"));
    }
    if is_package {
        args.push(py_bool(true));
        kw.push(s("is_package"));
    }
    let kwnames = objects::tupleobject::PyTuple_New(kw).into_object();
    objects::call::PyObject_Vectorcall(&b.module_spec, &args, Some(&kwnames))
}

fn builtin_spec(name: &str) -> PyResult {
    new_spec(
        name,
        &bootstrap()?.builtin_importer,
        Some(&s("built-in")),
        false,
    )
}

/// `BuiltinImporter.find_spec`: 3.11's ignores `path`.
fn builtin_find_spec(name: &str) -> PyResult<Option<PyObjectRef>> {
    if !is_builtin_name(name) {
        return Ok(None);
    }
    builtin_spec(name).map(Some)
}

/// `_find_spec`: ask each finder on `sys.meta_path` for the spec of `name`.
fn find_spec(
    name: &str,
    path: Option<&PyObject>,
    target: Option<&PyObject>,
) -> PyResult<Option<PyObjectRef>> {
    let b = bootstrap()?;
    let meta_path = match crate::sysmodule::PySys_GetObject("meta_path") {
        Some(m) if !m.is(Py_None()) => m,
        _ => {
            return Err(PyErr_SetString(
                &PyExc_ImportError,
                "sys.meta_path is None, Python is likely shutting down",
            ))
        }
    };
    let modules = modules_dict()?;
    let key = s(name);
    let is_reload = PyDict_GetItemWithError(&modules, &key)?.is_some();
    for finder in objects::r#abstract::PySequence_Fast(&meta_path, "")? {
        let spec = if finder.is(&b.builtin_importer) {
            builtin_find_spec(name)?
        } else if finder.is(&b.path_finder) {
            path_finder_find_spec(name, path, target)?
        } else {
            let Some(find) = lookup(&finder, "find_spec")? else {
                continue;
            };
            let r = objects::call::PyObject_Vectorcall(
                &find,
                &[
                    key.clone(),
                    path.map(|p| p.to_owned()).unwrap_or_else(none),
                    target.map(|t| t.to_owned()).unwrap_or_else(none),
                ],
                None,
            )?;
            (!r.is(Py_None())).then_some(r)
        };
        let Some(spec) = spec else { continue };
        // A module added to sys.modules by the finder (a circular import through a
        // custom finder) keeps its own spec.
        if !is_reload {
            if let Some(module) = PyDict_GetItemWithError(&modules, &key)? {
                return Ok(match lookup(&module, "__spec__")? {
                    Some(own) if !own.is(Py_None()) => Some(own),
                    _ => Some(spec),
                });
            }
        }
        return Ok(Some(spec));
    }
    Ok(None)
}

/// `PathFinder._path_hooks`: the first hook of `sys.path_hooks` that accepts `entry`.
fn path_hooks(entry: &PyObject) -> PyResult {
    let Some(hooks) = crate::sysmodule::PySys_GetObject("path_hooks").filter(|h| !h.is(Py_None()))
    else {
        return Ok(none());
    };
    for hook in objects::r#abstract::PySequence_Fast(&hooks, "")? {
        match objects::call::PyObject_CallOneArg(&hook, entry) {
            Ok(finder) => return Ok(finder),
            Err(e) if PyErr_ExceptionMatches(&e, &PyExc_ImportError) => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(none())
}

/// `PathFinder._path_importer_cache`: the finder for one `sys.path` entry, from
/// `sys.path_importer_cache` or made by a path hook (and cached).
fn path_importer_cache(entry: &PyObject) -> PyResult {
    let entry = if str_of(entry).is_some_and(|e| e.is_empty()) {
        match std::env::current_dir() {
            Ok(d) => s(&d.to_string_lossy()),
            // Don't cache the failure as the cwd can easily change to a valid
            // directory later on.
            Err(_) => return Ok(none()),
        }
    } else {
        entry.to_owned()
    };
    let Some(cache) = crate::sysmodule::PySys_GetObject("path_importer_cache") else {
        return path_hooks(&entry);
    };
    match objects::r#abstract::PyObject_GetItem(&cache, &entry) {
        Ok(f) => Ok(f),
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_KeyError) => {
            let finder = path_hooks(&entry)?;
            objects::r#abstract::PyObject_SetItem(&cache, &entry, &finder)?;
            Ok(finder)
        }
        Err(e) => Err(e),
    }
}

/// `PathFinder.find_spec`: search the entries of `path` (default `sys.path`) with
/// their path-entry finders; directories without `__init__` that match make a
/// namespace package (PEP 420) if nothing else is found.
fn path_finder_find_spec(
    fullname: &str,
    path: Option<&PyObject>,
    target: Option<&PyObject>,
) -> PyResult<Option<PyObjectRef>> {
    let b = bootstrap()?;
    let path = match path.filter(|p| !p.is(Py_None())) {
        Some(p) => p.to_owned(),
        None => match crate::sysmodule::PySys_GetObject("path") {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let name = s(fullname);
    let mut namespace_path: Vec<PyObjectRef> = Vec::new();
    let it = objects::r#abstract::PyObject_GetIter(&path)?;
    while let Some(entry) = objects::r#abstract::PyIter_Next(&it)? {
        if !PyUnicodeObject::check(&entry) && !objects::bytesobject::PyBytesObject::check(&entry) {
            continue;
        }
        let finder = path_importer_cache(&entry)?;
        if finder.is(Py_None()) {
            continue;
        }
        let spec = if finder.ob_type().as_object().is(&b.file_finder) {
            file_finder_find_spec(&finder, fullname)?
        } else {
            let Some(find) = lookup(&finder, "find_spec")? else {
                continue;
            };
            let r = objects::call::PyObject_Vectorcall(
                &find,
                &[
                    name.clone(),
                    target.map(|t| t.to_owned()).unwrap_or_else(none),
                ],
                None,
            )?;
            (!r.is(Py_None())).then_some(r)
        };
        let Some(spec) = spec else { continue };
        if lookup_not_none(&spec, "loader")?.is_some() {
            return Ok(Some(spec));
        }
        let Some(portions) = lookup_not_none(&spec, "submodule_search_locations")? else {
            return Err(PyErr_SetString(&PyExc_ImportError, "spec missing loader"));
        };
        namespace_path.extend(objects::r#abstract::PySequence_Fast(&portions, "")?);
    }
    if namespace_path.is_empty() {
        return Ok(None);
    }
    let list = objects::listobject::PyList_New(namespace_path).into_object();
    objects::call::PyObject_Vectorcall(&b.namespace_spec, &[name, list], None).map(Some)
}

/// `FileFinder.find_spec`: look in the finder's directory for package `tail/` (with
/// an `__init__` file a loader handles) or module file `tail<suffix>`.
fn file_finder_find_spec(finder: &PyObject, fullname: &str) -> PyResult<Option<PyObjectRef>> {
    let tail = fullname.rsplit('.').next().unwrap_or(fullname);
    let Some(dir) = str_of(&*attr(finder, "path")?) else {
        return Ok(None);
    };
    let loaders: Vec<(String, PyObjectRef)> =
        objects::r#abstract::PySequence_Fast(&*attr(finder, "_loaders")?, "")?
            .into_iter()
            .filter_map(|pair| {
                let items = objects::r#abstract::PySequence_Fast(&pair, "").ok()?;
                match items.as_slice() {
                    [suffix, loader] => Some((str_of(suffix)?, loader.clone())),
                    _ => None,
                }
            })
            .collect();
    let base_path = join_path(&dir, tail);
    let mut is_namespace = false;
    if path_kind(&base_path) == PathKind::Dir {
        for (suffix, loader) in &loaders {
            let init = join_path(&base_path, &format!("__init__{suffix}"));
            if path_kind(&init) == PathKind::File {
                let smsl = objects::listobject::PyList_New(vec![s(&base_path)]).into_object();
                return file_spec(fullname, loader, &init, Some(smsl)).map(Some);
            }
        }
        is_namespace = true;
    }
    for (suffix, loader) in &loaders {
        let full = join_path(&dir, &format!("{tail}{suffix}"));
        if path_kind(&full) == PathKind::File {
            return file_spec(fullname, loader, &full, None).map(Some);
        }
    }
    if is_namespace {
        let spec = new_spec(fullname, Py_None(), None, false)?;
        let smsl = objects::listobject::PyList_New(vec![s(&base_path)]).into_object();
        set_attr(&spec, "submodule_search_locations", &smsl)?;
        return Ok(Some(spec));
    }
    Ok(None)
}

/// `FileFinder._get_spec`: the loader made for the file, and a spec with a location.
fn file_spec(
    fullname: &str,
    loader_class: &PyObject,
    path: &str,
    smsl: Option<PyObjectRef>,
) -> PyResult {
    let loader = objects::call::PyObject_Vectorcall(loader_class, &[s(fullname), s(path)], None)?;
    let spec = new_spec(fullname, &loader, Some(&s(path)), false)?;
    set_attr(&spec, "_set_fileattr", objects::boolobject::Py_True())?;
    set_attr(
        &spec,
        "submodule_search_locations",
        &smsl.unwrap_or_else(none),
    )?;
    Ok(spec)
}

fn join_path(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{}/{name}", dir.trim_end_matches('/'))
    }
}

#[derive(PartialEq, Eq, Clone, Copy, Debug)]
enum PathKind {
    File,
    Dir,
    Missing,
}

/// What is at `path`: a file or directory on disk, or one of pyrs's embedded lib/.
fn path_kind(path: &str) -> PathKind {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return PathKind::Dir,
        Ok(_) => return PathKind::File,
        Err(_) => {}
    }
    if crate::frozen::source_for_path(path).is_some() {
        PathKind::File
    } else if crate::frozen::is_dir(path) {
        PathKind::Dir
    } else {
        PathKind::Missing
    }
}

/// The bytes of a file: from disk, or the embedded copy of a file of pyrs's lib/.
fn read_file_data(path: &str) -> PyResult<Vec<u8>> {
    match std::fs::read(path) {
        Ok(b) => Ok(b),
        Err(e) => match crate::frozen::source_for_path(path) {
            Some(src) => Ok(src.as_bytes().to_vec()),
            None => Err(objects::pyerrors::PyErr_SetFromErrnoWithFilename(
                e.raw_os_error().unwrap_or(libc_enoent()),
                s(path),
            )),
        },
    }
}

fn libc_enoent() -> i32 {
    2
}

/// Source bytes as text, as the tokenizer decodes them (a BOM, or the codec a PEP 263
/// cookie names, else UTF-8); source the tokenizer refuses is read as UTF-8 (a
/// Latin-1 cookie honoured) with invalid bytes replaced.
pub fn decode_source(bytes: &[u8]) -> String {
    if let Ok(decoded) = crate::tokenizer::decode_source(bytes) {
        return decoded.text;
    }
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

// --- loading ---------------------------------------------------------------------------

/// `_init_module_attrs`: set the import-related attributes of `module` from `spec`.
fn init_module_attrs(spec: &PyObject, module: &PyObject, override_: bool) -> PyResult<()> {
    let missing = |name: &str| -> PyResult<bool> {
        Ok(override_ || lookup_not_none(module, name)?.is_none())
    };
    if missing("__name__")? {
        set_attr_lenient(module, "__name__", &*attr(spec, "name")?)?;
    }
    if missing("__loader__")? {
        let mut loader = attr(spec, "loader")?;
        if loader.is(Py_None()) {
            if let Some(smsl) = lookup_not_none(spec, "submodule_search_locations")? {
                // A namespace package: its loader is a NamespaceLoader sharing the
                // spec's path.
                let nl = &bootstrap()?.namespace_loader;
                loader = objects::call::PyObject_CallMethod(
                    nl,
                    objects::intern!("__new__"),
                    std::slice::from_ref(nl),
                )?;
                set_attr(&loader, "_path", &smsl)?;
                set_attr(spec, "loader", &loader)?;
                set_attr_lenient(module, "__file__", Py_None())?;
            }
        }
        set_attr_lenient(module, "__loader__", &loader)?;
    }
    if missing("__package__")? {
        set_attr_lenient(module, "__package__", &*attr(spec, "parent")?)?;
    }
    set_attr_lenient(module, "__spec__", spec)?;
    if missing("__path__")? {
        if let Some(smsl) = lookup_not_none(spec, "submodule_search_locations")? {
            set_attr_lenient(module, "__path__", &smsl)?;
        }
    }
    if objects::object::PyObject_IsTrue(&*attr(spec, "has_location")?)? {
        if missing("__file__")? {
            set_attr_lenient(module, "__file__", &*attr(spec, "origin")?)?;
        }
        if missing("__cached__")? {
            // pyrs keeps no bytecode cache, so this is None (CPython leaves the
            // attribute unset when `spec.cached` is None; pyrs sets it, as every
            // module from a file has one in CPython).
            set_attr_lenient(module, "__cached__", &*attr(spec, "cached")?)?;
        }
    }
    Ok(())
}

/// Make a native module of the inittab (`create_builtin`).
fn create_builtin(name: &str) -> PyResult {
    let modules = modules_dict()?;
    if matches!(name, "sys" | "builtins" | "_imp") {
        if let Some(m) = PyDict_GetItemWithError(&modules, &s(name))? {
            return Ok(m);
        }
    }
    let init = match name {
        "_imp" => PyInit__imp as InitFunc,
        _ => match find_inittab(name) {
            Some(f) => f,
            None => {
                return Err(import_error_with_name(
                    format!("no built-in module named {name}"),
                    name,
                ))
            }
        },
    };
    let m = init()?;
    m.md_builtin.set(true);
    Ok(m.into_object())
}

/// `module_from_spec`: the loader's `create_module`, or a plain module; then the
/// import attributes.
fn module_from_spec(spec: &PyObject) -> PyResult {
    let b = bootstrap()?;
    let loader = attr(spec, "loader")?;
    let name_obj = attr(spec, "name")?;
    let name = str_of(&name_obj).unwrap_or_default();
    let mut module = None;
    if loader.is(&b.builtin_importer) {
        // `BuiltinImporter.create_module`.
        if !is_builtin_name(&name) {
            return Err(import_error_with_name(
                format!("'{name}' is not a built-in module"),
                &name,
            ));
        }
        module = Some(create_builtin(&name)?);
    } else if !loader.is(Py_None()) {
        if let Some(create) = lookup(&loader, "create_module")? {
            let m = objects::call::PyObject_CallOneArg(&create, spec)?;
            if !m.is(Py_None()) {
                module = Some(m);
            }
        } else if lookup(&loader, "exec_module")?.is_some() {
            return Err(PyErr_SetString(
                &PyExc_ImportError,
                "loaders that define exec_module() must also define create_module()",
            ));
        }
    }
    let module = match module {
        Some(m) => m,
        None => PyModule_New(&name)?.into_object(),
    };
    init_module_attrs(spec, &module, false)?;
    Ok(module)
}

/// What `exec(code, module.__dict__)` in `_LoaderBasics.exec_module` does before
/// running the code (`builtin_exec_impl`): a namespace without `__builtins__` gets
/// the builtins of the running frame, for an import the `builtins` module's dict.
/// So an imported module's `__builtins__` is that dict, as in CPython.
fn set_module_builtins(dict: &PyObject) -> PyResult<()> {
    let (Some(d), Some(b)) = (
        dict.downcast_ref::<PyDictObject>(),
        crate::bltinmodule::builtins_module(),
    ) else {
        return Ok(());
    };
    if PyDict_GetItemWithError(d, objects::intern!("__builtins__"))?.is_none() {
        PyDict_SetItem(d, objects::intern!("__builtins__"), b.dict().as_object())?;
    }
    Ok(())
}

/// Get the code of a source file, from the bytecode cache or by compiling it, and run
/// it in `module`'s namespace (`SourceLoader.get_code` + `_LoaderBasics.exec_module`).
fn exec_source_file(fullname: &str, path: &str, module: &PyObject) -> PyResult<()> {
    let code = source_file_get_code(fullname, path)?;
    let dict = attr(module, "__dict__")?;
    set_module_builtins(&dict)?;
    crate::ceval::PyEval_EvalCode(code, &dict, &dict)?;
    Ok(())
}

/// `SourceFileLoader.exec_module`: fast for the loader itself, through `get_code`
/// for a subclass (which may override how the code is found).
fn exec_source(loader: &PyObject, module: &PyObject) -> PyResult<()> {
    let b = bootstrap()?;
    if loader.ob_type().as_object().is(&b.source_file_loader) {
        if let (Some(path), Some(name)) = (
            str_of(&*attr(loader, "path")?),
            str_of(&*attr(loader, "name")?),
        ) {
            return exec_source_file(&name, &path, module);
        }
    }
    let name = attr(module, "__name__")?;
    let code =
        objects::call::PyObject_CallMethodOneArg(loader, objects::intern!("get_code"), &name)?;
    if code.is(Py_None()) {
        return Err(PyErr_SetString(
            &PyExc_ImportError,
            format!(
                "cannot load module {} when get_code() returns None",
                as_str_lossy(&*PyObject_Repr(&name)?)
            ),
        ));
    }
    let Ok(code) = objects::PyObjectRefExt::downcast::<include::code::PyCodeObject>(code) else {
        return Err(type_error("get_code() must return a code object"));
    };
    let dict = attr(module, "__dict__")?;
    set_module_builtins(&dict)?;
    crate::ceval::PyEval_EvalCode(code, &dict, &dict)?;
    Ok(())
}

/// `_load_unlocked`: make the module for `spec`, put it in `sys.modules` and run it.
fn load_unlocked(spec: &PyObject) -> PyResult {
    let b = bootstrap()?;
    let name_obj = attr(spec, "name")?;
    let name = str_of(&name_obj).unwrap_or_default();
    let loader = attr(spec, "loader")?;
    let modules = modules_dict()?;
    if !loader.is(Py_None()) && lookup(&loader, "exec_module")?.is_none() {
        // A legacy loader (`_load_backward_compatible`).
        objects::call::PyObject_CallMethodOneArg(
            &loader,
            objects::intern!("load_module"),
            &name_obj,
        )?;
        let Some(module) = PyDict_GetItemWithError(&modules, &name_obj)? else {
            return Err(PyErr_SetString(&PyExc_KeyError, format!("'{name}'")));
        };
        PyDict_DelItem(&modules, &name_obj)?;
        PyDict_SetItem(&modules, &name_obj, &module)?;
        for (attr_name, value) in [
            ("__loader__", loader.clone()),
            ("__spec__", spec.to_owned()),
        ] {
            if lookup_not_none(&module, attr_name)?.is_none() {
                set_attr_lenient(&module, attr_name, &value)?;
            }
        }
        if lookup_not_none(&module, "__package__")?.is_none() {
            set_attr_lenient(&module, "__package__", &*attr(spec, "parent")?)?;
        }
        return Ok(module);
    }
    let module = module_from_spec(spec)?;
    set_attr(spec, "_initializing", objects::boolobject::Py_True())?;
    PyDict_SetItem(&modules, &name_obj, &module)?;
    let result = if loader.is(Py_None()) {
        if lookup_not_none(spec, "submodule_search_locations")?.is_none() {
            Err(import_error_with_name("missing loader".into(), &name))
        } else {
            Ok(())
        }
    } else if loader.is(&b.builtin_importer) {
        Ok(())
    } else if loader.ob_type().as_object().is(&b.source_file_loader) {
        exec_source(&loader, &module)
    } else {
        objects::call::PyObject_CallMethodOneArg(&loader, objects::intern!("exec_module"), &module)
            .map(|_| ())
    };
    let finish = set_attr(spec, "_initializing", objects::boolobject::Py_False());
    if let Err(e) = result {
        match PyDict_DelItem(&modules, &name_obj) {
            Err(e2) if !PyErr_ExceptionMatches(&e2, &PyExc_KeyError) => return Err(e2),
            _ => {}
        }
        return Err(e);
    }
    finish?;
    // The module may have replaced itself in sys.modules; move it to the end.
    let Some(module) = PyDict_GetItemWithError(&modules, &name_obj)? else {
        return Err(PyErr_SetString(
            &PyExc_ImportError,
            format!("Loaded module {name} not found in sys.modules"),
        ));
    };
    PyDict_DelItem(&modules, &name_obj)?;
    PyDict_SetItem(&modules, &name_obj, &module)?;
    Ok(module)
}

/// Whether `module.__spec__._initializing` is true (`_PyModuleSpec_IsInitializing`):
/// its code is running right now, so a circular import sees it half-made.
fn module_is_initializing(module: &PyObject) -> bool {
    match lookup(module, "__spec__") {
        Ok(Some(spec)) if !spec.is(Py_None()) => match lookup(&spec, "_initializing") {
            Ok(Some(v)) => objects::object::PyObject_IsTrue(&v).unwrap_or(false),
            _ => false,
        },
        _ => false,
    }
}

/// `_find_and_load`: import `name` (absolute, dotted) into `sys.modules`.
fn find_and_load(name: &str) -> PyResult {
    let modules = modules_dict()?;
    let key = s(name);
    if let Some(m) = PyDict_GetItemWithError(&modules, &key)? {
        if m.is(Py_None()) {
            return Err(module_not_found(
                format!("import of {name} halted; None in sys.modules"),
                name,
            ));
        }
        return Ok(m);
    }
    let (parent, last) = match name.rsplit_once('.') {
        Some((p, l)) => (Some(p), l),
        None => (None, name),
    };
    let mut path = None;
    let mut parent_module = None;
    if let Some(p) = parent {
        let pm = match PyDict_GetItemWithError(&modules, &s(p))? {
            Some(m) => m,
            None => find_and_load(p)?,
        };
        // The parent's import may have imported us as a side effect.
        if let Some(m) = PyDict_GetItemWithError(&modules, &key)? {
            return Ok(m);
        }
        match _PyObject_LookupAttr(&pm, objects::intern!("__path__"))? {
            Some(pp) => path = Some(pp),
            None => {
                return Err(module_not_found(
                    format!("No module named '{name}'; '{p}' is not a package"),
                    name,
                ))
            }
        }
        parent_module = Some(pm);
    }
    let Some(spec) = find_spec(name, path.as_deref(), None)? else {
        return Err(module_not_found(format!("No module named '{name}'"), name));
    };
    let module = load_unlocked(&spec)?;
    if let (Some(p), Some(_)) = (parent, parent_module) {
        if let Some(pm) = PyDict_GetItemWithError(&modules, &s(p))? {
            // Binding the submodule on its package; a failure is not fatal (CPython
            // warns).
            let _ = PyObject_SetAttr(&pm, &s(last), Some(&module));
        }
    }
    Ok(module)
}

/// `resolve_name`: the absolute name of a relative import.
fn resolve_name(name: &str, globals: Option<&PyObject>, level: i64) -> PyResult<String> {
    let Some(g) = globals.and_then(|g| g.downcast_ref::<PyDictObject>()) else {
        return Err(PyErr_SetString(
            &PyExc_KeyError,
            "'__name__' not in globals",
        ));
    };
    let package =
        PyDict_GetItemWithError(g, objects::intern!("__package__"))?.filter(|p| !p.is(Py_None()));
    let spec =
        PyDict_GetItemWithError(g, objects::intern!("__spec__"))?.filter(|p| !p.is(Py_None()));
    let package = match (package, spec) {
        (Some(p), spec) => {
            if !PyUnicodeObject::check(&p) {
                return Err(type_error("package must be a string"));
            }
            if let Some(spec) = spec {
                let parent = PyObject_GetAttr(&spec, objects::intern!("parent"))?;
                if !objects::object::PyObject_RichCompareBool(&p, &parent, CompareOp::Eq)? {
                    objects::pyhooks::PyErr_WarnEx(
                        &PyExc_ImportWarning,
                        "__package__ != __spec__.parent",
                        1,
                    )?;
                }
            }
            as_str_lossy(&p).into_owned()
        }
        (None, Some(spec)) => {
            let p = PyObject_GetAttr(&spec, objects::intern!("parent"))?;
            if !PyUnicodeObject::check(&p) {
                return Err(type_error("__spec__.parent must be a string"));
            }
            as_str_lossy(&p).into_owned()
        }
        (None, None) => {
            objects::pyhooks::PyErr_WarnEx(
                &PyExc_ImportWarning,
                "can't resolve package from __spec__ or __package__, \
                 falling back on __name__ and __path__",
                1,
            )?;
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
    if let Some(v) = _PyObject_LookupAttr(module, name)? {
        return Ok(v);
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
    let msg = if module_is_initializing(module) {
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

/// What `-m` runs (`runpy._get_module_details`): the spec and code of module
/// `name`, or of `name.__main__` for a package. `Ok(Err(message))` is runpy's
/// `_Error`, which `-m` reports as "<executable>: <message>" with exit status 1;
/// any other exception (one raised by a parent package's code) propagates.
pub fn find_main_module(
    mod_name: &str,
) -> PyResult<Result<(PyObjectRef, PyRef<include::code::PyCodeObject>), String>> {
    if mod_name.starts_with('.') {
        return Ok(Err("Relative module names not supported".into()));
    }
    let repr = |n: &str| -> PyResult<String> {
        Ok(as_str_lossy(&*objects::object::PyObject_Repr(&s(n))?).into_owned())
    };
    if let Some((pkg_name, _)) = mod_name.rsplit_once('.') {
        // Import the parent first, so that its own errors are not taken for a
        // missing module; a missing parent (or ancestor) is left to find_spec.
        if let Err(e) = find_and_load(pkg_name) {
            if !PyErr_ExceptionMatches(&e, &PyExc_ImportError) {
                return Err(e);
            }
            let missing = lookup_not_none(e.value(), "name")?.and_then(|n| str_of(&n));
            match missing {
                Some(n) if n == pkg_name || pkg_name.starts_with(&format!("{n}.")) => {}
                _ => return Err(e),
            }
        }
        let modules = modules_dict()?;
        if let Some(existing) = PyDict_GetItemWithError(&modules, &s(mod_name))? {
            if !existing.is(Py_None()) && lookup(&existing, "__path__")?.is_none() {
                let msg = format!(
                    "{} found in sys.modules after import of package {}, but prior to \
                     execution of {}; this may result in unpredictable behaviour",
                    repr(mod_name)?,
                    repr(pkg_name)?,
                    repr(mod_name)?
                );
                objects::pyhooks::PyErr_WarnEx(&PyExc_RuntimeWarning, &msg, 1)?;
            }
        }
    }
    let util = PyImport_ImportModule("importlib.util")?;
    let spec = match objects::call::PyObject_CallOneArg(&*attr(&util, "find_spec")?, &s(mod_name)) {
        Ok(spec) => spec,
        Err(e)
            if [
                &PyExc_ImportError,
                &objects::exceptions::PyExc_AttributeError,
                &objects::exceptions::PyExc_TypeError,
                &objects::exceptions::PyExc_ValueError,
            ]
            .iter()
            .any(|t| PyErr_ExceptionMatches(&e, t)) =>
        {
            let why = as_str_lossy(&*objects::object::PyObject_Str(e.value())?).into_owned();
            let mut msg = format!(
                "Error while finding module specification for {} ({}: {})",
                repr(mod_name)?,
                e.value().ob_type().name(),
                why
            );
            if let Some(stem) = mod_name.strip_suffix(".py") {
                msg.push_str(&format!(
                    ". Try using '{stem}' instead of '{mod_name}' as the module name."
                ));
            }
            return Ok(Err(msg));
        }
        Err(e) => return Err(e),
    };
    if spec.is(Py_None()) {
        return Ok(Err(format!("No module named {mod_name}")));
    }
    if lookup_not_none(&spec, "submodule_search_locations")?.is_some() {
        if mod_name == "__main__" || mod_name.ends_with(".__main__") {
            return Ok(Err("Cannot use package as __main__ module".into()));
        }
        return match find_main_module(&format!("{mod_name}.__main__"))? {
            Ok(found) => Ok(Ok(found)),
            Err(msg) => {
                if PyDict_GetItemWithError(&*modules_dict()?, &s(mod_name))?.is_none() {
                    // No module loaded; being a package is irrelevant.
                    return Ok(Err(msg));
                }
                Ok(Err(format!(
                    "{msg}; {} is a package and cannot be directly executed",
                    repr(mod_name)?
                )))
            }
        };
    }
    let loader = attr(&spec, "loader")?;
    if loader.is(Py_None()) {
        return Ok(Err(format!(
            "{} is a namespace package and cannot be executed",
            repr(mod_name)?
        )));
    }
    let code = if loader
        .ob_type()
        .as_object()
        .is(&bootstrap()?.source_file_loader)
    {
        let path = str_of(&*attr(&loader, "path")?).unwrap_or_default();
        source_file_get_code(mod_name, &path)
    } else {
        objects::call::PyObject_CallMethodOneArg(
            &loader,
            objects::intern!("get_code"),
            &s(mod_name),
        )
        .and_then(|code| {
            if code.is(Py_None()) {
                return Ok(None);
            }
            objects::PyObjectRefExt::downcast::<include::code::PyCodeObject>(code)
                .map(Some)
                .map_err(|_| type_error("get_code() must return a code object"))
        })
        .and_then(|c| {
            c.ok_or_else(|| {
                PyErr_SetString(
                    &PyExc_ImportError,
                    format!("No code object available for {mod_name}"),
                )
            })
        })
    };
    match code {
        Ok(code) => Ok(Ok((spec, code))),
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_ImportError) => Ok(Err(as_str_lossy(
            &*objects::object::PyObject_Str(e.value())?,
        )
        .into_owned())),
        Err(e) => Err(e),
    }
}

/// Give `__main__` the attributes of the module `-m` runs (`runpy._run_module_code`):
/// `__spec__`, `__file__`, `__cached__`, `__loader__`, `__package__`.
pub fn set_main_attrs(main: &PyObject, spec: &PyObject) -> PyResult<()> {
    let d = main;
    let set = |k: &str, v: &PyObject| objects::r#abstract::PyObject_SetItem(d, &s(k), v);
    set("__spec__", spec)?;
    set("__loader__", &*attr(spec, "loader")?)?;
    set("__package__", &*attr(spec, "parent")?)?;
    let has_location = objects::object::PyObject_IsTrue(&*attr(spec, "has_location")?)?;
    if has_location {
        set("__file__", &*attr(spec, "origin")?)?;
        set("__cached__", &*attr(spec, "cached")?)?;
    }
    Ok(())
}

// --- the bytecode cache (PEP 3147, PEP 552) ---------------------------------------------

include!(concat!(env!("OUT_DIR"), "/pyc_magic.rs"));

/// `MAGIC_NUMBER` of importlib._bootstrap_external, the first four bytes of every
/// `.pyc`: pyrs's magic number (see python/build.rs), little-endian, then `\r\n`.
pub const MAGIC_NUMBER: [u8; 4] = [
    PYC_MAGIC_NUMBER as u8,
    (PYC_MAGIC_NUMBER >> 8) as u8,
    b'\r',
    b'\n',
];

/// `_Py_CheckHashBasedPycsMode`: `--check-hash-based-pycs`, whether hash-based .pyc
/// files are checked against their source: "default" (as each file's own flag says),
/// "always" or "never". It is the initial value of `_imp.check_hash_based_pycs`, which
/// the loaders read (tests change it).
static CHECK_HASH_BASED_PYCS_MODE: GlobalCell<&'static str> = GlobalCell::new("default");

/// Set `_Py_CheckHashBasedPycsMode` (the command line does, before start-up).
pub fn set_check_hash_based_pycs_mode(mode: &'static str) {
    // SAFETY: called before start-up, on the interpreter's thread.
    unsafe { *CHECK_HASH_BASED_PYCS_MODE.get_mut() = mode };
}

/// The current `_imp.check_hash_based_pycs`.
fn check_hash_based_pycs() -> PyResult<String> {
    let modules = modules_dict()?;
    if let Some(imp) = PyDict_GetItemWithError(&modules, &s("_imp"))? {
        if let Some(mode) = str_of(&*attr(&imp, "check_hash_based_pycs")?) {
            return Ok(mode);
        }
    }
    // SAFETY: only written before start-up.
    Ok(unsafe { *CHECK_HASH_BASED_PYCS_MODE.get_ref() }.to_string())
}

fn unpack_uint32(data: &[u8]) -> u32 {
    u32::from_le_bytes([data[0], data[1], data[2], data[3]])
}

/// `_imp.source_hash(_RAW_MAGIC_NUMBER, source)`: the SipHash-1-3 of a source file
/// that a hash-based .pyc records, keyed with the magic number.
fn source_hash(key: u64, source: &[u8]) -> [u8; 8] {
    objects::pyhash::_Py_KeyedHash(key, source).to_ne_bytes()
}

fn raw_magic_number() -> u64 {
    u64::from(u32::from_le_bytes(MAGIC_NUMBER))
}

/// `cache_from_source(path)`, or None when `sys.implementation.cache_tag` is None.
fn cache_from_source(source_path: &str) -> PyResult<Option<String>> {
    let b = bootstrap()?;
    match objects::call::PyObject_CallOneArg(&b.cache_from_source, &s(source_path)) {
        Ok(p) => Ok(str_of(&p)),
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_NotImplementedError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `SourceFileLoader.path_stats`: the source's modification time (a float, as
/// `st_mtime`) and size, or None when it is not on disk (a file of pyrs's lib/ served
/// from the embedded copy, which has no cache).
fn source_stats(path: &str) -> Option<(f64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let md = std::fs::metadata(path).ok()?;
    Some((md.mtime() as f64 + md.mtime_nsec() as f64 * 1e-9, md.len()))
}

/// `sys.dont_write_bytecode`.
fn dont_write_bytecode() -> PyResult<bool> {
    match crate::sysmodule::PySys_GetObject("dont_write_bytecode") {
        Some(v) => objects::object::PyObject_IsTrue(&v),
        None => Err(runtime_error("lost sys.dont_write_bytecode")),
    }
}

/// `_compile_bytecode`: the code object marshalled in `data` (a .pyc after its
/// header), with `source_path` as its filename when given.
fn compile_bytecode(
    data: &[u8],
    name: &PyObject,
    bytecode_path: &PyObject,
    source_path: Option<&PyObject>,
) -> PyResult<PyRef<include::code::PyCodeObject>> {
    let code = crate::marshal::read_code_for_source(data, source_path)?;
    match objects::PyObjectRefExt::downcast::<include::code::PyCodeObject>(code) {
        Ok(c) => Ok(c),
        Err(_) => {
            let err = PyErr_SetString(
                &PyExc_ImportError,
                format!(
                    "Non-code object in {}",
                    as_str_lossy(&*PyObject_Repr(bytecode_path)?)
                ),
            );
            set_attr(err.value(), "name", name)?;
            set_attr(err.value(), "path", bytecode_path)?;
            Err(err)
        }
    }
}

/// `SourceLoader.get_code` for a SourceFileLoader: the code of the module `fullname`
/// whose source is `source_path`, from its .pyc when that is valid for the source,
/// otherwise compiled from the source (and then written to the cache). The steps and
/// their order are those of the Python version in lib/importlib/_bootstrap_external.py:
/// a .pyc with the wrong magic number, unknown flags, a short header, or a recorded
/// mtime and size (or source hash) that differ from the source's is ignored; a .pyc
/// that passes those checks but holds bad marshal data is an error, as in CPython.
fn source_file_get_code(
    fullname: &str,
    source_path: &str,
) -> PyResult<PyRef<include::code::PyCodeObject>> {
    let mut source_bytes: Option<Vec<u8>> = None;
    let mut hash: Option<[u8; 8]> = None;
    let mut hash_based = false;
    let mut check_source = true;
    let bytecode_path = cache_from_source(source_path)?;
    let mut source_mtime = None;
    if let Some(bc) = &bytecode_path {
        if let Some((mtime, size)) = source_stats(source_path) {
            // `int(st['mtime'])`, then kept to 32 bits as the header does.
            let mtime = mtime.trunc() as i64;
            source_mtime = Some(mtime);
            if let Ok(data) = std::fs::read(bc) {
                // `_classify_pyc`.
                let flags = if data.len() >= 16 && data[..4] == MAGIC_NUMBER {
                    Some(unpack_uint32(&data[4..8])).filter(|f| f & !0b11 == 0)
                } else {
                    None
                };
                let valid = match flags {
                    None => false,
                    Some(flags) => {
                        hash_based = flags & 0b1 != 0;
                        if hash_based {
                            check_source = flags & 0b10 != 0;
                            let mode = check_hash_based_pycs()?;
                            if mode != "never" && (check_source || mode == "always") {
                                let bytes = read_file_data(source_path)?;
                                let h = source_hash(raw_magic_number(), &bytes);
                                source_bytes = Some(bytes);
                                hash = Some(h);
                                data[8..16] == h
                            } else {
                                true
                            }
                        } else {
                            unpack_uint32(&data[8..12]) == mtime as u32
                                && unpack_uint32(&data[12..16]) == size as u32
                        }
                    }
                };
                if valid {
                    return compile_bytecode(
                        &data[16..],
                        &s(fullname),
                        &s(bc),
                        Some(&s(source_path)),
                    );
                }
            }
        }
    }
    let source_bytes = match source_bytes {
        Some(b) => b,
        None => read_file_data(source_path)?,
    };
    // `source_to_code`: compile() of the bytes, which the tokenizer decodes.
    let code = crate::pythonrun::compile_source_bytes(
        &source_bytes,
        source_path,
        crate::compile::Mode::Exec,
        -1,
    )?;
    if let (Some(bc), Some(mtime)) = (&bytecode_path, source_mtime) {
        if !dont_write_bytecode()? {
            let mut data = MAGIC_NUMBER.to_vec();
            if hash_based {
                let h = hash.unwrap_or_else(|| source_hash(raw_magic_number(), &source_bytes));
                data.extend((0b1 | (check_source as u32) << 1).to_le_bytes());
                data.extend(h);
            } else {
                data.extend(0u32.to_le_bytes());
                data.extend((mtime as u32).to_le_bytes());
                data.extend((source_bytes.len() as u32).to_le_bytes());
            }
            data.extend(crate::marshal::PyMarshal_WriteObjectToVec(
                code.as_object(),
                crate::marshal::Py_MARSHAL_VERSION,
            )?);
            set_data(bc, &data, calc_mode(source_path));
        }
    }
    Ok(code)
}

/// `_calc_mode`: the permissions of a .pyc, those of its source file (0o666 if it
/// cannot be read) plus the owner's write bit, so that it can be replaced later.
fn calc_mode(source_path: &str) -> u32 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(source_path)
        .map(|m| m.mode())
        .unwrap_or(0o666)
        | 0o200
}

/// The error of a failed file-system call on `path`, as `os` raises it.
fn os_error_at(e: &std::io::Error, path: &str) -> PyErr {
    match e.raw_os_error() {
        Some(n) => objects::pyerrors::PyErr_SetFromErrnoWithFilename(n, s(path)),
        None => objects::pyerrors::os_error_from_io(e),
    }
}

/// `_write_atomic`: write `data` to `path` through a new temporary file beside it
/// that is then renamed over `path`, so that a reader (another process importing the
/// module at the same time) sees the old file or the whole new one, never part of
/// it. The temporary name is `path` plus a number unique in this process (CPython
/// uses the id of the path string); the file is created exclusively.
fn write_atomic(path: &str, data: &[u8], mode: u32) -> PyResult<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path_tmp = format!("{path}.{}{n}", std::process::id());
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode & 0o666)
        .open(&path_tmp)
        .map_err(|e| os_error_at(&e, &path_tmp))?;
    let result = file
        .write_all(data)
        .and_then(|()| {
            drop(file);
            std::fs::rename(&path_tmp, path)
        })
        .map_err(|e| os_error_at(&e, &path_tmp));
    if result.is_err() {
        let _ = std::fs::remove_file(&path_tmp);
    }
    result
}

/// `SourceFileLoader.set_data`: make the missing directories of `path` (its
/// `__pycache__`), then write it atomically. Failing is not an error: a read-only
/// directory just has no cache (under `-v` CPython says so; pyrs's Rust import path
/// prints nothing under `-v`).
fn set_data(path: &str, data: &[u8], mode: u32) {
    let split = |p: &str| -> (String, String) {
        match p.rfind('/') {
            Some(i) => (p[..i].to_string(), p[i + 1..].to_string()),
            None => (String::new(), p.to_string()),
        }
    };
    let (mut parent, _) = split(path);
    let mut path_parts = Vec::new();
    while !parent.is_empty() && !std::path::Path::new(&parent).is_dir() {
        let (p, part) = split(&parent);
        parent = p;
        path_parts.push(part);
    }
    for part in path_parts.iter().rev() {
        parent = join_path(&parent, part);
        match std::fs::create_dir(&parent) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(_) => return,
        }
    }
    let _ = write_atomic(path, data, mode);
}

// --- the _imp module ---------------------------------------------------------------------

use include::methodobject::{PyCFunction, PyMethodDef};

static IMPORT_LOCK_COUNT: GlobalCell<usize> = GlobalCell::new(0);

fn arg_str(fname: &str, what: &str, v: &PyObject) -> PyResult<String> {
    match str_of(v) {
        Some(t) => Ok(t),
        None => Err(type_error(format!(
            "{fname}() argument {what} must be str, not {}",
            v.ob_type().name()
        ))),
    }
}

fn _imp_acquire_lock(_m: &PyObject) -> PyResult {
    // SAFETY: single-threaded; not borrowed across calls.
    unsafe { *IMPORT_LOCK_COUNT.get_mut() += 1 };
    Ok(none())
}

fn _imp_release_lock(_m: &PyObject) -> PyResult {
    // SAFETY: as above.
    let count = unsafe { IMPORT_LOCK_COUNT.get_mut() };
    if *count == 0 {
        return Err(runtime_error("not holding the import lock"));
    }
    *count -= 1;
    Ok(none())
}

fn _imp_lock_held(_m: &PyObject) -> PyResult {
    // SAFETY: as above.
    Ok(py_bool(unsafe { *IMPORT_LOCK_COUNT.get_ref() } > 0))
}

fn _imp_is_builtin(_m: &PyObject, name: &PyObject) -> PyResult {
    let n = arg_str("is_builtin", "", name)?;
    // -1 for the modules that cannot be initialised twice, as CPython.
    let v = match n.as_str() {
        "sys" | "builtins" => -1,
        _ if is_builtin_name(&n) => 1,
        _ => 0,
    };
    Ok(objects::longobject::PyLong_FromLong(v))
}

fn _imp_create_builtin(_m: &PyObject, spec: &PyObject) -> PyResult {
    let name = attr(spec, "name")?;
    let Some(n) = str_of(&name) else {
        return Err(type_error(format!(
            "name must be string, not {}",
            name.ob_type().name()
        )));
    };
    let modules = modules_dict()?;
    if let Some(m) = PyDict_GetItemWithError(&modules, &name)? {
        if matches!(n.as_str(), "sys" | "builtins" | "_imp") {
            return Ok(m);
        }
    }
    create_builtin(&n)
}

fn _imp_exec_builtin(_m: &PyObject, _module: &PyObject) -> PyResult {
    // Single-phase initialisation: the module was complete when created.
    Ok(objects::longobject::PyLong_FromLong(0))
}

fn _imp_is_frozen(_m: &PyObject, name: &PyObject) -> PyResult {
    arg_str("is_frozen", "", name)?;
    // pyrs freezes no modules (see FrozenImporter).
    Ok(py_bool(false))
}

fn _imp_find_frozen(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = objects::getargs::parse_args("find_frozen", args, kwnames, &["", "withdata"], 1)?;
    arg_str("find_frozen", "1", a[0].as_deref().unwrap_or(Py_None()))?;
    Ok(none())
}

/// `interp->override_frozen_modules`: kept for `_imp._override_frozen_modules_for_tests`.
/// pyrs has no frozen modules (its own `lib/` is found by the path finder), so the
/// setting changes nothing, as CPython's would with no frozen modules configured.
static OVERRIDE_FROZEN_MODULES: GlobalCell<std::cell::Cell<i32>> =
    GlobalCell::new(std::cell::Cell::new(0));

/// `_imp._override_frozen_modules_for_tests(override, /)`.
fn _imp__override_frozen_modules_for_tests(_m: &PyObject, arg: &PyObject) -> PyResult {
    let v = objects::longobject::PyLong_AsLong(&*objects::r#abstract::PyNumber_Index(arg)?)?;
    // SAFETY: a Cell used by the interpreter's thread only.
    unsafe { OVERRIDE_FROZEN_MODULES.get_ref() }
        .set(v.clamp(i32::MIN as i64, i32::MAX as i64) as i32);
    Ok(none())
}

/// `_imp._frozen_module_names()`: the names of the frozen modules (none in pyrs).
fn _imp__frozen_module_names(_m: &PyObject) -> PyResult {
    Ok(objects::tupleobject::PyTuple_New(Vec::new()).into_object())
}

fn _imp_extension_suffixes(_m: &PyObject) -> PyResult {
    // pyrs cannot load extension modules.
    Ok(objects::listobject::PyList_New(vec![]).into_object())
}

/// The bytes of a bytes-like argument (bytes, bytearray, memoryview).
fn buffer_bytes(data: &PyObject) -> PyResult<Vec<u8>> {
    use objects::r#abstract::{
        PyBuffer_Release, PyBuffer_ToContiguous, PyObject_CheckBuffer, PyObject_GetBuffer,
    };
    if let Some(b) = data.downcast_ref::<objects::bytesobject::PyBytesObject>() {
        return Ok(b.as_bytes().to_vec());
    }
    if !PyObject_CheckBuffer(data) {
        return Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            data.ob_type().name()
        )));
    }
    let mut view = include::pybuffer::Py_buffer::new();
    PyObject_GetBuffer(data, &mut view, include::pybuffer::PyBUF_SIMPLE)?;
    let bytes = PyBuffer_ToContiguous(&view, 'C');
    PyBuffer_Release(&mut view);
    Ok(bytes)
}

/// `_imp.source_hash(key, source)`.
fn _imp_source_hash(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = objects::getargs::parse_args("source_hash", args, kwnames, &["key", "source"], 2)?;
    let (Some(key), Some(source)) = (a[0].as_deref(), a[1].as_deref()) else {
        return Err(runtime_error("source_hash: missing arguments"));
    };
    let key = objects::longobject::PyLong_AsLong(key)?;
    let source = buffer_bytes(source)?;
    // `(uint64_t)key`: a negative key wraps, as the C cast does.
    Ok(objects::bytesobject::PyBytes_FromVec(
        source_hash(key as u64, &source).to_vec(),
    ))
}

/// `_imp._compile_bytecode(data, name, bytecode_path, source_path)`: pyrs's
/// `_compile_bytecode` (`marshal.loads` and `_imp._fix_co_filename` of CPython).
fn _imp__compile_bytecode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("_compile_bytecode", args.len(), 4, 4)?;
    let data = buffer_bytes(&args[0])?;
    let source_path = Some(&*args[3]).filter(|p| !p.is(Py_None()));
    if let Some(p) = source_path {
        arg_str("_compile_bytecode", "4", p)?;
    }
    Ok(compile_bytecode(&data, &args[1], &args[2], source_path)?.into_object())
}

/// `_imp._write_atomic(path, data, mode)`: `_write_atomic` of _bootstrap_external.
fn _imp__write_atomic(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("_write_atomic", args.len(), 3, 3)?;
    let path = arg_str("_write_atomic", "1", &*_imp__fspath(_m, &args[0])?)?;
    let data = buffer_bytes(&args[1])?;
    let mode = objects::longobject::PyLong_AsLong(&args[2])?;
    write_atomic(&path, &data, mode as u32)?;
    Ok(none())
}

/// `_imp._set_data(path, data, mode)`: `SourceFileLoader.set_data`.
fn _imp__set_data(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("_set_data", args.len(), 3, 3)?;
    let path = arg_str("set_data", "1", &args[0])?;
    let data = buffer_bytes(&args[1])?;
    let mode = objects::longobject::PyLong_AsLong(&args[2])?;
    set_data(&path, &data, mode as u32);
    Ok(none())
}

/// `_imp._calc_mode(path)`: `_calc_mode` of _bootstrap_external.
fn _imp__calc_mode(_m: &PyObject, path: &PyObject) -> PyResult {
    let p = arg_str("_calc_mode", "", path)?;
    Ok(objects::longobject::PyLong_FromLong(i64::from(calc_mode(
        &p,
    ))))
}

fn _imp__path_kind(_m: &PyObject, path: &PyObject) -> PyResult {
    let p = arg_str("_path_kind", "", path)?;
    Ok(match path_kind(&p) {
        PathKind::File => s("file"),
        PathKind::Dir => s("dir"),
        PathKind::Missing => none(),
    })
}

fn _imp__path_stats(_m: &PyObject, path: &PyObject) -> PyResult {
    let p = arg_str("_path_stats", "", path)?;
    let (mtime, size) = match source_stats(&p) {
        Some((mtime, size)) => (mtime, size as i64),
        None => match crate::frozen::source_for_path(&p) {
            Some(src) => (0.0, src.len() as i64),
            None => {
                let errno = match std::fs::metadata(&p) {
                    Err(e) => e.raw_os_error().unwrap_or(libc_enoent()),
                    Ok(_) => libc_enoent(),
                };
                return Err(objects::pyerrors::PyErr_SetFromErrnoWithFilename(
                    errno,
                    path.to_owned(),
                ));
            }
        },
    };
    let d = PyDict_New();
    PyDict_SetItem(
        &d,
        &s("mtime"),
        &objects::floatobject::PyFloat_FromDouble(mtime),
    )?;
    PyDict_SetItem(&d, &s("size"), &objects::longobject::PyLong_FromLong(size))?;
    Ok(d.into_object())
}

fn _imp__getcwd(_m: &PyObject) -> PyResult {
    match std::env::current_dir() {
        Ok(d) => Ok(s(&d.to_string_lossy())),
        Err(e) => Err(objects::pyerrors::os_error_from_io(&e)),
    }
}

fn _imp__fspath(_m: &PyObject, path: &PyObject) -> PyResult {
    PyOS_FSPath(path)
}

/// `PyOS_FSPath` (Modules/posixmodule.c): str and bytes pass, other objects must have
/// `__fspath__` returning one of them.
pub fn PyOS_FSPath(path: &PyObject) -> PyResult {
    if PyUnicodeObject::check(path) || objects::bytesobject::PyBytesObject::check(path) {
        return Ok(path.to_owned());
    }
    let Some(f) =
        objects::typeobject::_PyObject_LookupSpecial(path, objects::intern!("__fspath__"))?
    else {
        return Err(type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            path.ob_type().name()
        )));
    };
    let r = objects::call::PyObject_CallNoArgs(&f)?;
    if PyUnicodeObject::check(&r) || objects::bytesobject::PyBytesObject::check(&r) {
        return Ok(r);
    }
    Err(type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        path.ob_type().name(),
        r.ob_type().name()
    )))
}

fn _imp__decode_source(_m: &PyObject, data: &PyObject) -> PyResult {
    let Some(b) = data.downcast_ref::<objects::bytesobject::PyBytesObject>() else {
        return Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            data.ob_type().name()
        )));
    };
    let text = decode_source(b.as_bytes());
    // Universal newlines, as io.IncrementalNewlineDecoder(None, True).
    Ok(s(&text.replace("\r\n", "\n").replace('\r', "\n")))
}

fn _imp__get_data(_m: &PyObject, path: &PyObject) -> PyResult {
    let p = arg_str("get_data", "", path)?;
    Ok(objects::bytesobject::PyBytes_FromVec(read_file_data(&p)?))
}

fn _imp__exec_source(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("_exec_source", args.len(), 2, 2)?;
    exec_source(&args[0], &args[1])?;
    Ok(none())
}

fn _imp__init_module_attrs(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("_init_module_attrs", args.len(), 2, 3)?;
    let override_ = match args.get(2) {
        Some(v) => objects::object::PyObject_IsTrue(v)?,
        None => false,
    };
    init_module_attrs(&args[0], &args[1], override_)?;
    Ok(args[1].clone())
}

fn _imp__module_from_spec(_m: &PyObject, spec: &PyObject) -> PyResult {
    module_from_spec(spec)
}

fn _imp__load_unlocked(_m: &PyObject, spec: &PyObject) -> PyResult {
    load_unlocked(spec)
}

fn opt(v: Option<&PyObjectRef>) -> Option<&PyObject> {
    v.map(|v| &**v).filter(|v| !v.is(Py_None()))
}

fn _imp__find_spec(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("_find_spec", args.len(), 1, 3)?;
    let name = arg_str("_find_spec", "1", &args[0])?;
    Ok(find_spec(&name, opt(args.get(1)), opt(args.get(2)))?.unwrap_or_else(none))
}

fn _imp__find_and_load(_m: &PyObject, name: &PyObject) -> PyResult {
    let n = arg_str("_find_and_load", "", name)?;
    find_and_load(&n)
}

fn _imp__import(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("_import", args.len(), 1, 5)?;
    let empty = objects::tupleobject::PyTuple_New(vec![]).into_object();
    let level = match args.get(4) {
        Some(l) => objects::longobject::PyLong_AsLong(l)?,
        None => 0,
    };
    PyImport_ImportModuleLevelObject(
        &args[0],
        opt(args.get(1)),
        args.get(3).map(|f| &**f).unwrap_or(&empty),
        level,
    )
}

fn _imp__path_hooks(_m: &PyObject, path: &PyObject) -> PyResult {
    path_hooks(path)
}

fn _imp__path_importer_cache(_m: &PyObject, path: &PyObject) -> PyResult {
    path_importer_cache(path)
}

fn _imp__path_finder_find_spec(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("_path_finder_find_spec", args.len(), 1, 3)?;
    let name = arg_str("find_spec", "1", &args[0])?;
    Ok(path_finder_find_spec(&name, opt(args.get(1)), opt(args.get(2)))?.unwrap_or_else(none))
}

fn _imp__file_finder_find_spec(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("_file_finder_find_spec", args.len(), 2, 3)?;
    let name = arg_str("find_spec", "1", &args[1])?;
    Ok(file_finder_find_spec(&args[0], &name)?.unwrap_or_else(none))
}

static IMP_METHODS: [PyMethodDef; 33] = [
    PyMethodDef::new("_override_frozen_modules_for_tests", PyCFunction::O(_imp__override_frozen_modules_for_tests), "_override_frozen_modules_for_tests($module, override, /)\n--\n\n(internal-only) Override PyConfig.use_frozen_modules.\n\n(-1: \"off\", 1: \"on\", 0: no override)\nSee frozen_modules() in Lib/test/support/import_helper.py."),
    PyMethodDef::new("_frozen_module_names", PyCFunction::NoArgs(_imp__frozen_module_names), "_frozen_module_names($module, /)\n--\n\nReturns the list of available frozen modules."),
    PyMethodDef::new("acquire_lock", PyCFunction::NoArgs(_imp_acquire_lock), "acquire_lock($module, /)\n--\n\nAcquires the interpreter's import lock for the current thread.\n\nThis lock should be used by import hooks to ensure thread-safety when importing\nmodules. On platforms without threads, this function does nothing."),
    PyMethodDef::new("release_lock", PyCFunction::NoArgs(_imp_release_lock), "release_lock($module, /)\n--\n\nRelease the interpreter's import lock.\n\nOn platforms without threads, this function does nothing."),
    PyMethodDef::new("lock_held", PyCFunction::NoArgs(_imp_lock_held), "lock_held($module, /)\n--\n\nReturn True if the import lock is currently held, else False.\n\nOn platforms without threads, return False."),
    PyMethodDef::new("is_builtin", PyCFunction::O(_imp_is_builtin), "is_builtin($module, name, /)\n--\n\nReturns True if the module name corresponds to a built-in module."),
    PyMethodDef::new("create_builtin", PyCFunction::O(_imp_create_builtin), "create_builtin($module, spec, /)\n--\n\nCreate an extension module."),
    PyMethodDef::new("exec_builtin", PyCFunction::O(_imp_exec_builtin), "exec_builtin($module, mod, /)\n--\n\nInitialize a built-in module."),
    PyMethodDef::new("is_frozen", PyCFunction::O(_imp_is_frozen), "is_frozen($module, name, /)\n--\n\nReturns True if the module name corresponds to a frozen module."),
    PyMethodDef::new("find_frozen", PyCFunction::FastKw(_imp_find_frozen), "find_frozen($module, name, /, *, withdata=False)\n--\n\nReturn info about the corresponding frozen module (if there is one) or None."),
    PyMethodDef::new("extension_suffixes", PyCFunction::NoArgs(_imp_extension_suffixes), "extension_suffixes($module, /)\n--\n\nReturns the list of file suffixes used to identify extension modules."),
    PyMethodDef::new("source_hash", PyCFunction::FastKw(_imp_source_hash), "source_hash($module, /, key, source)\n--\n\n"),
    PyMethodDef::new("_compile_bytecode", PyCFunction::Fast(_imp__compile_bytecode), "_compile_bytecode($module, data, name, bytecode_path, source_path, /)\n--\n\npyrs: the code object of a .pyc's marshalled data, with source_path (if not None) as its filename."),
    PyMethodDef::new("_write_atomic", PyCFunction::Fast(_imp__write_atomic), "_write_atomic($module, path, data, mode, /)\n--\n\npyrs: write data to path through a temporary file renamed into place."),
    PyMethodDef::new("_set_data", PyCFunction::Fast(_imp__set_data), "_set_data($module, path, data, mode, /)\n--\n\npyrs: SourceFileLoader.set_data (make missing directories, write atomically, ignore failure)."),
    PyMethodDef::new("_calc_mode", PyCFunction::O(_imp__calc_mode), "_calc_mode($module, path, /)\n--\n\npyrs: the mode of the .pyc of the source file at path."),
    PyMethodDef::new("_path_kind", PyCFunction::O(_imp__path_kind), "_path_kind($module, path, /)\n--\n\npyrs: 'file', 'dir' or None for what is at path (pyrs's embedded lib/ included)."),
    PyMethodDef::new("_path_stats", PyCFunction::O(_imp__path_stats), "_path_stats($module, path, /)\n--\n\npyrs: {'mtime': ..., 'size': ...} of a source file."),
    PyMethodDef::new("_getcwd", PyCFunction::NoArgs(_imp__getcwd), "_getcwd($module, /)\n--\n\npyrs: the current working directory."),
    PyMethodDef::new("_fspath", PyCFunction::O(_imp__fspath), "_fspath($module, path, /)\n--\n\npyrs: os.fspath(path)."),
    PyMethodDef::new("_decode_source", PyCFunction::O(_imp__decode_source), "_decode_source($module, source_bytes, /)\n--\n\npyrs: decode source bytes (PEP 263) with universal newlines."),
    PyMethodDef::new("_get_data", PyCFunction::O(_imp__get_data), "_get_data($module, path, /)\n--\n\npyrs: the bytes of a file, or of the embedded copy of a file of pyrs's lib/."),
    PyMethodDef::new("_exec_source", PyCFunction::Fast(_imp__exec_source), "_exec_source($module, loader, module, /)\n--\n\npyrs: SourceFileLoader.exec_module."),
    PyMethodDef::new("_init_module_attrs", PyCFunction::Fast(_imp__init_module_attrs), "_init_module_attrs($module, spec, module, override=False, /)\n--\n\npyrs: set a module's import attributes from its spec."),
    PyMethodDef::new("_module_from_spec", PyCFunction::O(_imp__module_from_spec), "_module_from_spec($module, spec, /)\n--\n\npyrs: importlib.util.module_from_spec."),
    PyMethodDef::new("_load_unlocked", PyCFunction::O(_imp__load_unlocked), "_load_unlocked($module, spec, /)\n--\n\npyrs: create, register and execute the module of a spec."),
    PyMethodDef::new("_find_spec", PyCFunction::Fast(_imp__find_spec), "_find_spec($module, name, path=None, target=None, /)\n--\n\npyrs: ask the finders of sys.meta_path for a spec."),
    PyMethodDef::new("_find_and_load", PyCFunction::O(_imp__find_and_load), "_find_and_load($module, name, /)\n--\n\npyrs: import a module by its absolute name."),
    PyMethodDef::new("_import", PyCFunction::Fast(_imp__import), "_import($module, name, globals=None, locals=None, fromlist=(), level=0, /)\n--\n\npyrs: __import__."),
    PyMethodDef::new("_path_hooks", PyCFunction::O(_imp__path_hooks), "_path_hooks($module, path, /)\n--\n\npyrs: PathFinder._path_hooks."),
    PyMethodDef::new("_path_importer_cache", PyCFunction::O(_imp__path_importer_cache), "_path_importer_cache($module, path, /)\n--\n\npyrs: PathFinder._path_importer_cache."),
    PyMethodDef::new("_path_finder_find_spec", PyCFunction::Fast(_imp__path_finder_find_spec), "_path_finder_find_spec($module, fullname, path=None, target=None, /)\n--\n\npyrs: PathFinder.find_spec."),
    PyMethodDef::new("_file_finder_find_spec", PyCFunction::Fast(_imp__file_finder_find_spec), "_file_finder_find_spec($module, finder, fullname, target=None, /)\n--\n\npyrs: FileFinder.find_spec."),
];

/// The `_imp` module (`PyInit__imp`): the import system's hooks for importlib.
pub fn PyInit__imp() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_imp")?;
    objects::moduleobject::PyModule_AddFunctions(&m, &IMP_METHODS)?;
    objects::moduleobject::PyModule_AddObject(
        &m,
        "check_hash_based_pycs",
        // SAFETY: only written before start-up.
        &s(unsafe { CHECK_HASH_BASED_PYCS_MODE.get_ref() }),
    )?;
    // CPython 3.14's name for the magic number as a 4-byte little-endian integer; 3.11
    // writes the number into _bootstrap_external.py, pyrs's comes from its build.
    objects::moduleobject::PyModule_AddObject(
        &m,
        "pyc_magic_number_token",
        &objects::longobject::PyLong_FromLong(raw_magic_number() as i64),
    )?;
    objects::moduleobject::PyModule_AddObject(
        &m,
        "__doc__",
        &s("(Extremely) low-level import machinery bits as used by importlib."),
    )?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_number_is_pyrs_own() {
        // Two bytes from the build's hash, clear of CPython 3's numbers, then "\r\n".
        assert_eq!(&MAGIC_NUMBER[2..], b"\r\n");
        assert!(PYC_MAGIC_NUMBER >= 4096);
        assert_eq!(raw_magic_number() & 0xffff, u64::from(PYC_MAGIC_NUMBER));
    }

    #[test]
    fn source_hash_matches_cpython() {
        // `_imp.source_hash(3495, b'abc')` under CPython 3.11.
        assert_eq!(
            source_hash(3495, b"abc"),
            [0xf4, 0x6c, 0x9d, 0x83, 0xf8, 0xaa, 0xba, 0x8b]
        );
    }
}
