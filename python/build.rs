//! Embeds pyrs's own `lib/` (the Python-written standard library modules) into the
//! binary: generates a table of every `.py` file under it for `frozen.rs`. Also derives
//! the bytecode cache's magic number from the compiler's sources (`pyc_magic.rs`, see
//! [`pyc_magic`]).
//!
//! Only the `.py` files are watched (`rerun-if-changed`), not lib/'s directories: cargo
//! scans a watched directory recursively, so every `.pyc` that pyrs writes into
//! lib/__pycache__ would rerun this script and rebuild the crate. A new file under lib/
//! is read from disk at once (frozen.rs prefers the disk), and is embedded the next time
//! this script runs (any lib/ file edited, or `touch python/build.rs`).

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
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let out = out_dir.join("frozen_lib.rs");
    if let Err(e) = fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
    let root = manifest.parent().map(Path::to_path_buf).unwrap_or_default();
    let (magic, digest) = pyc_magic(&root);
    let code = format!(
        "/// The bytecode cache's magic number (the first two bytes of a `.pyc`, followed\n\
         /// by `\\r\\n`), derived by python/build.rs from the compiler's sources.\n\
         pub const PYC_MAGIC_NUMBER: u16 = {magic};\n\
         /// The FNV-1a digest of those sources that the magic number was taken from.\n\
         pub const PYC_SOURCE_DIGEST: u64 = {digest:#018x};\n"
    );
    let out = out_dir.join("pyc_magic.rs");
    if let Err(e) = fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}

/// The files whose contents decide what code object a source file compiles to, and
/// how it is written to a `.pyc`, outside python/src: the opcode table, the code
/// object, and Cargo.lock, which pins the parser's version.
const COMPILER_SOURCES: &[&str] = &[
    "Cargo.lock",
    "include/src/code.rs",
    "include/src/opcode.rs",
    "objects/src/codeobject.rs",
];

/// The files of python/src that take part, by the start of their names, so that a
/// file split off one of them (`compile_expr.rs`, a `compile/` directory) is counted
/// without being listed: source decoding (import.rs, pythonrun.rs) and the
/// tokenizer, the parser's error rules (a file that now fails to compile must not
/// load from an old cache), the AST optimiser, the symbol table, code generation,
/// the CFG passes, the assembler, the code object's making, and marshal.
const COMPILER_SOURCE_PREFIXES: &[&str] = &[
    "assemble",
    "ast_opt",
    "code_unit",
    "compile",
    "flowgraph",
    "import",
    "invalid_rules",
    "makecode",
    "marshal",
    "pegen",
    "pythonrun",
    "string_parser",
    "symtable",
    "tokenizer",
];

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The magic number of pyrs's `.pyc` files, and the digest it comes from.
///
/// CPython bumps `MAGIC_NUMBER` by hand whenever its bytecode changes (3495 for 3.11).
/// pyrs's compiler changes far more often, and a `.pyc` written by an older build must
/// never be loaded by a newer one, so the number is derived from a 64-bit FNV-1a hash
/// of [`COMPILER_SOURCES`] and the files of python/src named by
/// [`COMPILER_SOURCE_PREFIXES`]: any edit to them gives a new number, and every cached
/// file of the old build then fails the magic check and is recompiled (and rewritten).
/// The number is kept in 4096..=65535, clear of CPython 3's magic numbers (all below 4096),
/// so a pyrs `.pyc` is never mistaken for CPython's; two different compilers share a
/// number with probability 1/61440. (A change elsewhere that alters compiled code, such
/// as the number formatting that constant folding uses, is not seen: remove the
/// `*.pyrs-311.pyc` files after such a change.)
fn pyc_magic(root: &Path) -> (u16, u64) {
    let mut files: Vec<PathBuf> = COMPILER_SOURCES.iter().map(|r| root.join(r)).collect();
    let src = root.join("python").join("src");
    // New files there may belong to the compiler.
    println!("cargo:rerun-if-changed={}", src.display());
    let Ok(entries) = fs::read_dir(&src) else {
        panic!("cannot read {}", src.display());
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
        if !name.is_some_and(|n| COMPILER_SOURCE_PREFIXES.iter().any(|x| n.starts_with(x))) {
            continue;
        }
        if p.is_dir() {
            rust_files(&p, &mut files);
        } else if p.extension().is_some_and(|x| x == "rs") {
            files.push(p);
        }
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let Ok(data) = fs::read(path) else {
            panic!(
                "{} is listed in python/build.rs's COMPILER_SOURCES but cannot be read",
                path.display()
            );
        };
        // The name goes in too, so that moving text between two files still counts.
        let rel = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
        for &b in rel.as_bytes().iter().chain([0u8].iter()).chain(data.iter()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    let folded = (h ^ (h >> 16) ^ (h >> 32) ^ (h >> 48)) & 0xffff;
    ((4096 + folded % 61440) as u16, h)
}
