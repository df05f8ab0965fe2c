//! Mirrors CPython's Include/ directory: the layouts and tables shared by every crate.

pub mod opcode;
