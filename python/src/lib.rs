//! Mirrors CPython's Python/ directory: compiler, eval loop, import, builtins, sys.
//!
//! The compiler pipeline: `pegen_errors` (parse, CPython's parse errors) ->
//! `ast_opt` (constant folding) -> `symtable` -> `compile` (code generation into a
//! CFG) -> `flowgraph` (CFG optimisation) -> `assemble` (bytes, tables) -> a
//! `code_unit::CodeUnit`.

pub mod assemble;
pub mod ast_opt;
pub mod ast_unparse;
pub mod code_unit;
pub mod codedump;
pub mod compile;
pub mod flowgraph;
pub mod pegen_errors;
pub mod string_parser;
pub mod symtable;

pub use code_unit::{CodeUnit, Constant};
pub use compile::{compile, compile_bytes, CompileError, ErrorKind, Mode};
