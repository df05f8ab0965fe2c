//! pyrs's own standard library, embedded in the binary. Mirrors Python/frozen.c
//! (CPython 3.11), which embeds the import machinery and a few stdlib modules.
//!
//! The build script embeds every `.py` file of the repository's `lib/`. They are
//! served for the `sys.path` entry [`LIB_DIR`] (the directory they came from), so that
//! `__file__` and tracebacks look as if they were read from disk, and pyrs needs
//! nothing but its binary.

include!(concat!(env!("OUT_DIR"), "/frozen_lib.rs"));

/// A module found among the embedded files.
pub struct FrozenFound {
    pub file: String,
    pub source: &'static str,
    pub package_dir: Option<String>,
}

fn lookup(rel: &str) -> Option<&'static str> {
    FROZEN.iter().find(|(r, _)| *r == rel).map(|(_, s)| *s)
}

/// Find `last` in the embedded directory `dir` (which must be `LIB_DIR` or below it).
pub fn find(dir: &str, last: &str) -> Option<FrozenFound> {
    let rest = dir.strip_prefix(LIB_DIR)?;
    let rest = rest.trim_start_matches('/');
    let prefix = if rest.is_empty() {
        String::new()
    } else {
        format!("{rest}/")
    };
    let init = format!("{prefix}{last}/__init__.py");
    if let Some(src) = lookup(&init) {
        return Some(FrozenFound {
            file: format!("{LIB_DIR}/{init}"),
            source: src,
            package_dir: Some(format!("{LIB_DIR}/{prefix}{last}")),
        });
    }
    let file = format!("{prefix}{last}.py");
    lookup(&file).map(|src| FrozenFound {
        file: format!("{LIB_DIR}/{file}"),
        source: src,
        package_dir: None,
    })
}

/// The embedded source of a file path, for tracebacks when the file is not on disk.
pub fn source_for_path(path: &str) -> Option<&'static str> {
    let rel = path.strip_prefix(LIB_DIR)?.trim_start_matches('/');
    lookup(rel)
}

/// Whether `path` is a directory of the embedded files (`LIB_DIR` itself or a
/// package directory below it).
pub fn is_dir(path: &str) -> bool {
    let Some(rest) = path.strip_prefix(LIB_DIR) else {
        return false;
    };
    if rest.is_empty() || rest == "/" {
        return true;
    }
    let Some(rel) = rest.strip_prefix('/') else {
        return false;
    };
    let prefix = format!("{}/", rel.trim_end_matches('/'));
    FROZEN.iter().any(|(r, _)| r.starts_with(&prefix))
}
