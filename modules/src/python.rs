//! The `pyrs` program. Mirrors Programs/python.c (CPython 3.11).

fn main() {
    std::process::exit(modules::main::py_main());
}
