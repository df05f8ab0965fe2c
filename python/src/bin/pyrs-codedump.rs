//! `pyrs-codedump FILE [--mode exec|eval|single] [--optimize N]`: compile a file with
//! pyrs and print every code object in tests/compile/codedump.py's format (or the
//! SyntaxError, as `ERROR kind: msg (line, offset)`).

use python::compile::{compile_bytes, Mode};

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut mode, mut optimize, mut path) = (Mode::Exec, 0, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--mode" => {
                mode = match args.next().as_deref() {
                    Some("eval") => Mode::Eval,
                    Some("single") => Mode::Single,
                    _ => Mode::Exec,
                }
            }
            "--optimize" => optimize = args.next().and_then(|s| s.parse().ok()).unwrap_or(0),
            _ => path = Some(a),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: pyrs-codedump FILE [--mode exec|eval|single] [--optimize N]");
        std::process::exit(2);
    };
    let source = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    match compile_bytes(&source, &path, mode, optimize) {
        Ok(co) => {
            use std::io::Write;
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = std::io::stdout().write_all(python::codedump::dump(&co).as_bytes());
        }
        Err(e) => {
            println!("ERROR {:?}: {} ({}, {})", e.kind, e.msg, e.lineno, e.offset);
            std::process::exit(1);
        }
    }
}
