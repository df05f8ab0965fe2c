//! Where the standard library is. Mirrors the part of Modules/getpath.c and
//! Modules/getpath.py (CPython 3.11) that finds the stdlib directory for `sys.path`.
//!
//! Differences from CPython: pyrs's own library (`lib/`) is embedded in the binary
//! and always on `sys.path`. For the rest of the standard library pyrs uses the
//! `Lib/` directory of an installed CPython 3.11 (the "host Lib"), put on `sys.path`
//! after its own `lib/`. Never the host's `site-packages` or `lib-dynload`: pyrs can
//! load neither third-party installs nor C extensions. The host Lib is found, in
//! order:
//!
//! 1. `-X hostlib=DIR` on the command line (`-X hostlib=none` for no host Lib);
//! 2. `PYRSPATH`: if one of its entries is a standard library (it has `os.py`), that
//!    entry already serves (it comes before pyrs's `lib/`) and nothing is added;
//! 3. the directory `python3` reported when pyrs was built, if it still exists;
//! 4. a cache file, `$XDG_CACHE_HOME/pyrs/hostlib` (default `~/.cache/pyrs/hostlib`),
//!    holding the answer of an earlier run, if that directory still exists;
//! 5. asking `python3 -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])"`
//!    (once: the answer goes to the cache file, so start-up does not pay the ~20 ms
//!    of starting python3 again).
//!
//! A directory counts as a host Lib only if it holds `os.py`.

use std::path::{Path, PathBuf};

/// Whether `dir` looks like a CPython standard library directory.
fn is_stdlib(dir: &str) -> bool {
    !dir.is_empty() && Path::new(dir).join("os.py").is_file()
}

fn cache_file() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".cache"),
    };
    Some(base.join("pyrs").join("hostlib"))
}

/// Ask the host `python3` where its standard library is (3.11 only).
fn ask_python3() -> Option<String> {
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, sysconfig; print(sysconfig.get_paths()['stdlib'] if sys.version_info[:2] == (3, 11) else '')",
        ])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let dir = String::from_utf8(out.stdout).ok()?.trim().to_string();
    is_stdlib(&dir).then_some(dir)
}

/// The host Lib directory to append to `sys.path`, if any. `xoption` is the value
/// of `-X hostlib`, `pyrspath` the entries of `PYRSPATH` (empty under `-E`).
pub fn host_stdlib(xoption: Option<&str>, pyrspath: &[String]) -> Option<String> {
    if let Some(dir) = xoption {
        if dir.is_empty() || dir == "none" {
            return None;
        }
        return Some(dir.to_string());
    }
    if pyrspath.iter().any(|p| is_stdlib(p)) {
        return None;
    }
    if let Some(dir) = python::frozen::HOST_STDLIB_AT_BUILD {
        if is_stdlib(dir) {
            return Some(dir.to_string());
        }
    }
    let cache = cache_file();
    if let Some(c) = &cache {
        if let Ok(text) = std::fs::read_to_string(c) {
            let dir = text.trim();
            if is_stdlib(dir) {
                return Some(dir.to_string());
            }
        }
    }
    let dir = ask_python3()?;
    if let Some(c) = &cache {
        // The cache is only a speed-up: failing to write it is not an error.
        if let Some(parent) = c.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(c, format!("{dir}\n"));
    }
    Some(dir)
}
