//! The interpreter's configuration as a dict. Mirrors `_PyConfig_AsDict` of
//! Python/initconfig.c (CPython 3.11), which `_testinternalcapi.get_config()` returns.
//!
//! Differences from CPython: pyrs keeps its configuration in
//! [`SysConfig`](crate::sysmodule::SysConfig), filled by the command line in
//! modules/src/main.rs, instead of a `PyConfig` struct with its own reading of the
//! environment. The dict has CPython's 62 keys; where pyrs has no such setting the value
//! is what pyrs does: `code_debug_ranges` is 1 (every code object carries column
//! positions, there is no `-X no_debug_ranges`), `import_time`, `tracemalloc`,
//! `show_ref_count`, `dump_refs`, `malloc_stats` and `parser_debug` are 0 (pyrs has none
//! of them), `pythonpath_env` is `PYRSPATH` (pyrs's `PYTHONPATH`) and `stdlib_dir` is
//! pyrs's own `lib/` directory.

use objects::dictobject::{PyDict_New, PyDict_SetItemString};
use objects::listobject::PyList_New;
use objects::longobject::PyLong_FromLong;
use objects::object::Py_None;
use objects::prelude::*;
use objects::unicodeobject::PyUnicode_FromString;

use crate::sysmodule::SysConfig;

fn str_list<'a>(items: impl Iterator<Item = &'a str>) -> PyObjectRef {
    PyList_New(items.map(PyUnicode_FromString).collect()).into_object()
}

fn opt_str(v: Option<&str>) -> PyObjectRef {
    v.map(PyUnicode_FromString)
        .unwrap_or_else(|| Py_None().to_owned())
}

/// `config->use_hash_seed` and `config->hash_seed` from `PYTHONHASHSEED`, read as
/// objects/src/pyhash.rs reads it to key the string hash (an unset, empty or "random"
/// variable means a random key).
fn config_init_hash_seed() -> (bool, i64) {
    match std::env::var("PYTHONHASHSEED") {
        Ok(v) if v != "random" && !v.is_empty() => (true, v.trim().parse().unwrap_or(0)),
        _ => (false, 0),
    }
}

/// `_PyConfig_AsDict`: every field of the configuration under its `PyConfig` name.
pub fn _PyConfig_AsDict(cfg: &SysConfig) -> PyResult {
    let dict = PyDict_New();
    let set = |key: &str, v: PyObjectRef| PyDict_SetItemString(&dict, key, &v);
    let int = |key: &str, v: i64| set(key, PyLong_FromLong(v));
    let s = |key: &str, v: &str| set(key, PyUnicode_FromString(v));
    let env = |k: &str| {
        if cfg.ignore_environment {
            None
        } else {
            std::env::var(k).ok().filter(|v| !v.is_empty())
        }
    };
    let prefix = crate::sysmodule::config_prefix(cfg);
    let (use_hash_seed, hash_seed) = config_init_hash_seed();

    // `_PyConfig_INIT_PYTHON`: the configuration of a regular Python program.
    int("_config_init", 2)?;
    int("isolated", cfg.isolated as i64)?;
    int("use_environment", !cfg.ignore_environment as i64)?;
    int("dev_mode", cfg.dev_mode as i64)?;
    int("install_signal_handlers", 1)?;
    int("use_hash_seed", use_hash_seed as i64)?;
    int("hash_seed", hash_seed)?;
    int("faulthandler", cfg.faulthandler as i64)?;
    int("tracemalloc", 0)?;
    int("import_time", 0)?;
    int("code_debug_ranges", 1)?;
    int("show_ref_count", 0)?;
    int("dump_refs", 0)?;
    int("malloc_stats", 0)?;
    s("filesystem_encoding", "utf-8")?;
    s("filesystem_errors", "surrogateescape")?;
    set("pycache_prefix", opt_str(cfg.pycache_prefix.as_deref()))?;
    // The command line has been parsed (`parse_argv` 2 after `config_read_cmdline`).
    int("parse_argv", 2)?;
    set(
        "orig_argv",
        str_list(cfg.orig_argv.iter().map(String::as_str)),
    )?;
    set("argv", str_list(cfg.argv.iter().map(String::as_str)))?;
    let xoptions = cfg.xoptions.iter().map(|(k, v)| match v {
        Some(v) => format!("{k}={v}"),
        None => k.clone(),
    });
    set(
        "xoptions",
        PyList_New(xoptions.map(|o| PyUnicode_FromString(&o)).collect()).into_object(),
    )?;
    set(
        "warnoptions",
        str_list(cfg.warnoptions.iter().map(String::as_str)),
    )?;
    int("site_import", !cfg.no_site as i64)?;
    int("bytes_warning", cfg.bytes_warning)?;
    int("warn_default_encoding", 0)?;
    int("inspect", cfg.inspect as i64)?;
    int("interactive", cfg.interactive as i64)?;
    int("optimization_level", cfg.optimize)?;
    int("parser_debug", 0)?;
    int("write_bytecode", !cfg.dont_write_bytecode as i64)?;
    int("verbose", cfg.verbose)?;
    int("quiet", cfg.quiet as i64)?;
    int("user_site_directory", !cfg.no_user_site as i64)?;
    int("configure_c_stdio", 1)?;
    int("buffered_stdio", !cfg.unbuffered as i64)?;
    s("stdio_encoding", "utf-8")?;
    s("stdio_errors", crate::pylifecycle::stdio_errors())?;
    s("check_hash_pycs_mode", &cfg.check_hash_pycs_mode)?;
    int("use_frozen_modules", 1)?;
    int("safe_path", cfg.safe_path as i64)?;
    int("pathconfig_warnings", 1)?;
    set(
        "program_name",
        opt_str(cfg.orig_argv.first().map(String::as_str)),
    )?;
    set("pythonpath_env", opt_str(env("PYRSPATH").as_deref()))?;
    set("home", opt_str(None))?;
    s("platlibdir", "lib")?;
    int("module_search_paths_set", 1)?;
    set(
        "module_search_paths",
        str_list(cfg.path.iter().map(String::as_str)),
    )?;
    s("stdlib_dir", crate::frozen::LIB_DIR)?;
    s("executable", &cfg.executable)?;
    s("base_executable", &cfg.executable)?;
    for key in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        s(key, &prefix)?;
    }
    int("skip_source_first_line", cfg.skip_source_first_line as i64)?;
    set("run_command", opt_str(cfg.run_command.as_deref()))?;
    set("run_module", opt_str(cfg.run_module.as_deref()))?;
    set("run_filename", opt_str(cfg.run_filename.as_deref()))?;
    int("_install_importlib", 1)?;
    int("_init_main", 1)?;
    int("_isolated_interpreter", 0)?;
    int("_is_python_build", 0)?;
    Ok(dict.into_object())
}
