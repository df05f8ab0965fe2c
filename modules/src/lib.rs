//! Mirrors CPython's Modules/ directory: native modules and the interpreter entry point.

pub mod main;
