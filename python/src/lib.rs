//! Mirrors CPython's Python/ directory: the compiler, the eval loop, imports, the
//! `builtins` and `sys` modules, and interpreter start-up.
//!
//! The compiler pipeline: `pegen_errors` (parse, CPython's parse errors) ->
//! `ast_opt` (constant folding) -> `symtable` -> `compile` (code generation into a
//! CFG) -> `flowgraph` (CFG optimisation) -> `assemble` (bytes, tables) -> a
//! `code_unit::CodeUnit` -> `makecode` (a runtime code object).
//!
//! The runtime: `pylifecycle` (start-up), `pythonrun` (running programs, reporting
//! errors), `ceval` (the eval loop) with `call_setup` and `ceval_support`, `import`,
//! `bltinmodule`, `sysmodule`, `traceback`, `suggestions`, `signals`, `frozen`.

pub mod _warnings;
pub mod assemble;
pub mod ast_opt;
pub mod ast_unparse;
pub mod ast_validate;
pub mod bltinmodule;
pub mod call_setup;
pub mod ceval;
pub mod ceval_gil;
pub mod ceval_support;
pub mod ceval_trace;
pub mod code_unit;
pub mod codedump;
pub mod compile;
pub mod context;
pub mod flowgraph;
pub mod frozen;
pub mod import;
pub mod initconfig;
pub mod invalid_rules;
pub mod makecode;
pub mod marshal;
pub mod pegen;
pub mod pegen_errors;
pub mod pylifecycle;
pub mod python_ast;
pub mod python_ast_gen;
pub mod python_ast_obj2ast;
pub mod pythonrun;
pub mod signals;
pub mod specialize;
pub mod stdlib_module_names;
pub mod string_parser;
pub mod suggestions;
pub mod symtable;
pub mod sysmodule;
pub mod thread;
pub mod tokenizer;
pub mod traceback;

pub use code_unit::{CodeUnit, Constant};
pub use compile::{compile, compile_bytes, CompileError, ErrorKind, Mode};
