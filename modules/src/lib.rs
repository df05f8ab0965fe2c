//! Mirrors CPython's Modules/ directory: the native modules, their registration table
//! (`config.rs`), and the interpreter's command line (`main.rs`).

pub mod _opcode;
pub mod config;
pub mod main;
