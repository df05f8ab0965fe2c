//! Embeds pyrs's own `lib/` (the Python-written standard library modules) into the
//! binary: generates a table of every `.py` file under it for `frozen.rs`.

use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "__pycache__") {
                continue;
            }
            collect(&p, base, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            let rel = p
                .strip_prefix(base)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, p));
        }
    }
}

/// `python3 -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])"`, if
/// `python3` is a 3.11 (the version pyrs mirrors).
fn host_stdlib() -> Option<String> {
    println!("cargo:rerun-if-env-changed=PATH");
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, sysconfig; print(sysconfig.get_paths()['stdlib'] if sys.version_info[:2] == (3, 11) else '')",
        ])
        .output()
        .ok()?;
    let dir = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!dir.is_empty() && Path::new(&dir).join("os.py").is_file()).then_some(dir)
}

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let lib = manifest
        .parent()
        .map(|p| p.join("lib"))
        .unwrap_or_else(|| PathBuf::from("lib"));
    let lib = lib.canonicalize().unwrap_or(lib);
    println!("cargo:rerun-if-changed={}", lib.display());
    let mut files = Vec::new();
    collect(&lib, &lib, &mut files);
    let mut code = String::new();
    code.push_str(&format!(
        "pub const LIB_DIR: &str = {:?};\n",
        lib.to_string_lossy()
    ));
    code.push_str("pub static FROZEN: &[(&str, &str)] = &[\n");
    for (rel, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            rel,
            path.to_string_lossy()
        ));
    }
    code.push_str("];\n");
    code.push_str(&format!(
        "/// The host CPython's standard library directory, asked of `python3` at build\n\
         /// time (modules/src/getpath.rs checks at run time that it still exists).\n\
         pub const HOST_STDLIB_AT_BUILD: Option<&str> = {:?};\n",
        host_stdlib()
    ));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()))
        .join("frozen_lib.rs");
    if let Err(e) = fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}
