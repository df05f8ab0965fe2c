//! The interpreter's command line. Mirrors Modules/main.c (CPython 3.11).

/// Mirrors `Py_BytesMain`: parse the command line, run, return the exit status.
pub fn py_main() -> i32 {
    eprintln!("pyrs: the runtime is not built yet");
    2
}
