//! Code generation: from the AST to a CFG of instructions per code object, then
//! through `assemble`. Mirrors Python/compile.c (CPython 3.11): one function per AST
//! node kind (`compiler_visit_stmt`, `compiler_if`, `compiler_call`, ...), the same
//! frame-block stack for unwinding (`compiler_unwind_fblock`), the same source
//! locations on every instruction, and the same SyntaxError messages.
//!
//! Differences from CPython:
//! - The AST comes from rustpython-parser; `pegen_errors.rs` maps its errors to
//!   CPython's messages and rejects the few things it accepts that 3.11 does not.
//! - The CFG passes and the assembler, inside compile.c in 3.11, live in
//!   `flowgraph.rs` and `assemble.rs`.
//! - Output is a `CodeUnit` (plain data), not a runtime code object.
//! - Every recursive walk is depth-bounded; compilation runs on a thread with a
//!   large stack so that dropping a deep AST cannot overflow the native stack.

use crate::assemble::{assemble, AssemblyInput};
use crate::code_unit::{flags::*, CodeUnit, Constant};
use crate::flowgraph::{BlockId, Cfg, Instr, Location, Op, NO_LOCATION};
use crate::symtable::{self, mangle, node_key, BlockType, Scope, ScopeId, SymbolTable};
use hashbrown::HashMap;
use include::opcode::{nb, Opcode, Opcode::*};
use num_bigint::BigInt;
use rustpython_parser::ast::{self, Ranged};

/// What kind of code `compile` produces (the `mode` argument of `compile()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// `PyCF_MASK`: the `CO_FUTURE_*` flags `compile()` takes and a code object inherits
/// (Include/cpython/compile.h).
pub const PyCF_MASK: u32 = 0x0002_0000
    | 0x0004_0000
    | 0x0008_0000
    | 0x0010_0000
    | 0x0020_0000
    | 0x0040_0000
    | 0x0080_0000
    | 0x0100_0000;
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`: `await`, `async for` and `async with` at the top
/// level, compiled to a code object flagged `CO_COROUTINE`.
pub const PyCF_ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;

/// `PyCompilerFlags` (Include/cpython/compile.h): the `CO_FUTURE_*` features and
/// `PyCF_*` bits a compilation starts with (from `compile()`'s `flags`, or
/// inherited from the calling code).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PyCompilerFlags {
    pub cf_flags: u32,
}

/// The exception class a compile error maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// CPython raises RecursionError for ASTs nested too deeply to compile.
    RecursionError,
    /// CPython's parser raises MemoryError when its own stack overflows.
    MemoryError,
}

/// A compile error with CPython's conventions: the six fields of the SyntaxError
/// (`lineno`, `offset`, `text`, `end_lineno`, `end_offset`) as CPython fills them:
/// 1-based lines and 1-based columns (character offsets for parser errors, UTF-8
/// byte offsets for errors raised by the symbol table and the code generator), 0 or
/// -1 where CPython leaves a position unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub lineno: i32,
    pub offset: i32,
    pub end_lineno: i32,
    pub end_offset: i32,
    pub text: Option<String>,
    /// The text is line `lineno` of the file named by the filename, read when the
    /// error is raised (`PyErr_ProgramTextObject`), or None if there is no such
    /// file: how the compiler, the symbol table and the future-import check fill
    /// it. Parser errors compute their text themselves (`pegen_errors.rs`).
    pub program_text: bool,
}

impl CompileError {
    /// A SyntaxError raised after parsing (symbol table, code generator): its text
    /// is read from the file when the error is raised.
    pub fn syntax(
        msg: String,
        lineno: u32,
        offset: u32,
        end_lineno: u32,
        end_offset: u32,
    ) -> CompileError {
        CompileError {
            kind: ErrorKind::SyntaxError,
            msg,
            lineno: lineno as i32,
            offset: offset as i32,
            end_lineno: end_lineno as i32,
            end_offset: end_offset as i32,
            text: None,
            program_text: true,
        }
    }

    /// An error without a location (RecursionError, MemoryError, ...).
    pub fn without_location(kind: ErrorKind, msg: &str) -> CompileError {
        CompileError {
            kind,
            msg: msg.to_string(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
            program_text: false,
        }
    }

    pub fn recursion() -> CompileError {
        CompileError::without_location(
            ErrorKind::RecursionError,
            "maximum recursion depth exceeded during compilation",
        )
    }
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?}: {} (line {}, offset {})",
            self.kind, self.msg, self.lineno, self.offset
        )
    }
}

impl std::error::Error for CompileError {}

/// Maps byte offsets in the source to (line, column) pairs.
pub struct LineIndex {
    starts: Vec<usize>,
    source: String,
    /// For an AST made from `ast` node objects (`PyAST_obj2mod`), which has no
    /// source: the (line, column) each offset stands for. Offset 0 is (1, 0), as
    /// in source; the others are the nodes' positions in increasing order, so
    /// that offsets compare as the positions do.
    points: Vec<(i32, i32)>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            source: source.to_string(),
            points: Vec::new(),
        }
    }

    /// The index of an AST without source: offset `i` stands for `points[i]`.
    pub fn from_points(points: Vec<(i32, i32)>) -> LineIndex {
        LineIndex {
            starts: vec![0],
            source: String::new(),
            points,
        }
    }

    /// The (line, column) an offset stands for in an AST without source.
    fn point(&self, offset: usize) -> (i32, i32) {
        self.points.get(offset).copied().unwrap_or((1, 0))
    }

    /// 1-based line and 0-based UTF-8 byte column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        if !self.points.is_empty() {
            let (l, c) = self.point(offset);
            return (l as u32, c as u32);
        }
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        ((line + 1) as u32, (offset - self.starts[line]) as u32)
    }

    /// 0-based character column of a byte offset (for parser errors).
    pub fn char_col(&self, offset: usize) -> u32 {
        let (line, _) = self.line_col(offset);
        let start = self.starts[line as usize - 1];
        let end = offset.min(self.source.len());
        self.source
            .get(start..end)
            .map_or(0, |s| s.chars().count() as u32)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> Option<String> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).copied().unwrap_or(self.source.len());
        Some(self.source.get(start..end)?.to_string())
    }

    pub fn location(&self, range: ast::text_size::TextRange) -> Location {
        if !self.points.is_empty() {
            let (lineno, col_offset) = self.point(range.start().to_usize());
            let (end_lineno, end_col_offset) = self.point(range.end().to_usize());
            return Location {
                lineno,
                end_lineno,
                col_offset,
                end_col_offset,
            };
        }
        let (l, c) = self.line_col(range.start().to_usize());
        let (el, ec) = self.line_col(range.end().to_usize());
        Location {
            lineno: l as i32,
            end_lineno: el as i32,
            col_offset: c as i32,
            end_col_offset: ec as i32,
        }
    }
}

/// How deep the code generator may recurse over expressions and statements.
const MAX_DEPTH: usize = 3000;
/// `STACK_USE_GUIDELINE`: beyond this many stack items, build collections and calls
/// incrementally instead of all at once.
const STACK_USE_GUIDELINE: usize = 30;

/// Compiles Python 3.11 source to a code object, as `compile(source, filename, mode,
/// dont_inherit=True, optimize=optimize)` does. Mirrors `Py_CompileStringObject`.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: i32,
) -> Result<CodeUnit, CompileError> {
    compile_flags(source, filename, mode, PyCompilerFlags::default(), optimize)
}

/// `compile` with `compile()`'s flags (`Py_CompileStringObject` with `flags`).
pub fn compile_flags(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: PyCompilerFlags,
    optimize: i32,
) -> Result<CodeUnit, CompileError> {
    compile_with_encoding(
        source,
        filename,
        mode,
        flags,
        optimize,
        Some("utf-8"),
        false,
    )
}

/// A warning issued while compiling: the compiler's SyntaxWarnings
/// (`compiler_warn`) and the string parser's DeprecationWarnings
/// (`warn_invalid_escape_sequence`). The compiler runs on a worker thread, away from
/// the interpreter, so warnings are collected there and issued in order by
/// [`compile_with_encoding`] once it returns; a warning that a filter turns into an
/// exception becomes `error`, the SyntaxError CPython raises in its place.
#[derive(Clone, Debug)]
pub struct CompileWarning {
    /// DeprecationWarning, else SyntaxWarning.
    pub deprecation: bool,
    pub msg: String,
    pub lineno: i32,
    pub error: CompileError,
}

thread_local! {
    static COMPILE_WARNINGS: std::cell::RefCell<Vec<CompileWarning>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Record a warning of the compilation running on this thread.
pub fn push_warning(w: CompileWarning) {
    COMPILE_WARNINGS.with(|v| v.borrow_mut().push(w));
}

/// Take the warnings recorded on this thread.
pub fn take_warnings() -> Vec<CompileWarning> {
    COMPILE_WARNINGS.with(|v| std::mem::take(&mut *v.borrow_mut()))
}

/// Issue the collected warnings (`PyErr_WarnExplicitObject` with no module and no
/// registry, so the module filters see is the file name without ".py"). The first
/// one a filter turns into its exception stops the compilation with its
/// SyntaxError, as CPython's `compiler_warn` does.
pub fn issue_warnings(warnings: Vec<CompileWarning>, filename: &str) -> Result<(), CompileError> {
    if warnings.is_empty() || !objects::pyhooks::warnings_ready() {
        return Ok(());
    }
    let fname = objects::unicodeobject::PyUnicode_FromString(filename);
    for w in warnings {
        let category = if w.deprecation {
            &objects::exceptions::PyExc_DeprecationWarning
        } else {
            &objects::exceptions::PyExc_SyntaxWarning
        };
        let msg = objects::unicodeobject::PyUnicode_FromString(&w.msg);
        if let Err(e) = objects::pyhooks::PyErr_WarnExplicitObject(
            category,
            &msg,
            &fname,
            w.lineno as i64,
            None,
            None,
        ) {
            if objects::pyerrors::PyErr_ExceptionMatches(&e, category) {
                return Err(w.error);
            }
            // FIXME(pyrs): another exception raised by a warning filter (a
            // failing `match`) cannot travel through `CompileError`; it is dropped.
        }
    }
    Ok(())
}

/// Compiles source given as bytes, decoding it as CPython does (a UTF-8 BOM or a
/// PEP 263 coding cookie, else UTF-8). This is what `compile()` does with bytes and
/// what running a file does.
pub fn compile_bytes(
    source: &[u8],
    filename: &str,
    mode: Mode,
    optimize: i32,
) -> Result<CodeUnit, CompileError> {
    compile_bytes_flags(source, filename, mode, PyCompilerFlags::default(), optimize)
}

/// `compile_bytes` with `compile()`'s flags.
pub fn compile_bytes_flags(
    source: &[u8],
    filename: &str,
    mode: Mode,
    flags: PyCompilerFlags,
    optimize: i32,
) -> Result<CodeUnit, CompileError> {
    let decoded = crate::tokenizer::decode_source(source)?;
    compile_with_encoding(
        &decoded.text,
        filename,
        mode,
        flags,
        optimize,
        decoded.encoding.as_deref(),
        false,
    )
}

/// Compiles a file's contents as running it does (`_PyParser_ASTFromFile`): as
/// `compile_bytes`, with the tokenizer reading the input line by line
/// (`tok_underflow_file`), which shows in the columns of errors at the end of
/// the input.
pub fn compile_file(
    source: &[u8],
    filename: &str,
    optimize: i32,
) -> Result<CodeUnit, CompileError> {
    let decoded = crate::tokenizer::decode_source(source)?;
    compile_with_encoding(
        &decoded.text,
        filename,
        Mode::Exec,
        PyCompilerFlags::default(),
        optimize,
        decoded.encoding.as_deref(),
        true,
    )
}

/// `compile` for source whose tokenizer encoding (`tok->encoding`) is `encoding`:
/// "utf-8" for `str` source, the BOM's or the coding cookie's for bytes, None for
/// bytes without either (then parser error columns stay byte offsets, as in
/// CPython). `from_file`: the source is a file being run.
pub fn compile_with_encoding(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: PyCompilerFlags,
    optimize: i32,
    encoding: Option<&str>,
    from_file: bool,
) -> Result<CodeUnit, CompileError> {
    let filename_for_warnings = filename;
    let source = source.to_string();
    let filename = filename.to_string();
    let encoding = encoding.map(str::to_string);
    // A deep AST is dropped recursively; a thread with a big stack keeps that (and
    // the depth-bounded walks) far from the native stack's limit. The memory is
    // only reserved, not touched.
    let worker = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            let result = compile_on_this_thread(
                &source,
                &filename,
                mode,
                flags,
                optimize,
                encoding.as_deref(),
                from_file,
            )
            .map_err(|e| with_program_text(e, &filename));
            let warnings: Vec<CompileWarning> = take_warnings()
                .into_iter()
                .map(|mut w| {
                    w.error = with_program_text(w.error, &filename);
                    w
                })
                .collect();
            (result, warnings)
        });
    match worker {
        Ok(handle) => match handle.join() {
            Ok((result, warnings)) => {
                issue_warnings(warnings, filename_for_warnings)?;
                result
            }
            Err(_) => Err(CompileError::recursion()),
        },
        Err(_) => Err(CompileError::without_location(ErrorKind::MemoryError, "")),
    }
}

/// The text of an error raised after parsing: line `lineno` of the file named
/// `filename`, if there is one (`PyErr_ProgramTextObject`).
fn with_program_text(mut e: CompileError, filename: &str) -> CompileError {
    if e.program_text {
        e.text = crate::pegen_errors::program_text(filename, e.lineno, None);
        e.program_text = false;
    }
    e
}

fn compile_on_this_thread(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: PyCompilerFlags,
    optimize: i32,
    encoding: Option<&str>,
    from_file: bool,
) -> Result<CodeUnit, CompileError> {
    if source.contains('\0') {
        // 3.11 reports this before tokenizing, without a location.
        return Err(CompileError::without_location(
            ErrorKind::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    let lines = LineIndex::new(source);
    let rule = match mode {
        Mode::Exec => crate::pegen::StartRule::File,
        Mode::Eval => crate::pegen::StartRule::Eval,
        Mode::Single => crate::pegen::StartRule::Single,
    };
    let parsed = crate::pegen::run_parser_from_string(source, filename, rule, encoding, from_file)?;
    compile_parsed(
        parsed,
        Some(source),
        &lines,
        filename,
        mode,
        flags,
        optimize,
    )
}

/// Compiles an AST made from `ast` node objects (`compile(tree, ...)`): as
/// `_PyAST_Compile` after `PyAST_obj2mod` and `_PyAST_Validate`. `lines` maps
/// the AST's offsets to the nodes' positions (`LineIndex::from_points`); `remap`
/// turns the AST's provisional ranges into those offsets. It runs on a worker
/// thread, as `compile_with_encoding` does, so that deep ASTs cannot exhaust the
/// stack.
pub fn compile_ast<F>(
    parsed: crate::pegen::Parsed,
    remap: F,
    filename: &str,
    mode: Mode,
    flags: PyCompilerFlags,
    optimize: i32,
) -> Result<CodeUnit, CompileError>
where
    F: FnOnce(crate::pegen::Parsed) -> (crate::pegen::Parsed, LineIndex) + Send + 'static,
{
    let filename_for_warnings = filename;
    let filename = filename.to_string();
    let worker = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            let (parsed, lines) = remap(parsed);
            let result = compile_parsed(parsed, None, &lines, &filename, mode, flags, optimize)
                .map_err(|e| with_program_text(e, &filename));
            let warnings: Vec<CompileWarning> = take_warnings()
                .into_iter()
                .map(|mut w| {
                    w.error = with_program_text(w.error, &filename);
                    w
                })
                .collect();
            (result, warnings)
        });
    match worker {
        Ok(handle) => match handle.join() {
            Ok((result, warnings)) => {
                issue_warnings(warnings, filename_for_warnings)?;
                result
            }
            Err(_) => Err(CompileError::recursion()),
        },
        Err(_) => Err(CompileError::without_location(ErrorKind::MemoryError, "")),
    }
}

/// The part of `_PyAST_Compile` after parsing: fold constants, build the symbol
/// table, generate code. `source` is None for an AST made from node objects.
/// The features of the module's future imports and those of `flags` are merged
/// (`compiler_setup`): both reach the optimiser, the symbol table and every code
/// object's flags.
fn compile_parsed(
    parsed: crate::pegen::Parsed,
    source: Option<&str>,
    lines: &LineIndex,
    filename: &str,
    mode: Mode,
    flags: PyCompilerFlags,
    optimize: i32,
) -> Result<CodeUnit, CompileError> {
    match parsed {
        crate::pegen::Parsed::Expression(mut body) => {
            let merged = flags.cf_flags;
            let future_annotations = merged & CO_FUTURE_ANNOTATIONS != 0;
            crate::ast_opt::optimize_expr(source, &mut body, optimize, future_annotations)?;
            let key = node_key(&body);
            let st = symtable::build_expr(&body, key, lines)?;
            let mut c = Compiler::new(st, lines, filename, optimize, false, merged);
            c.compiler_mod_expr(&body, key)
        }
        crate::pegen::Parsed::Module(mut body) => {
            let future = future_parse(&body, lines)?;
            let merged = future.features | flags.cf_flags;
            let future_annotations = merged & CO_FUTURE_ANNOTATIONS != 0;
            crate::ast_opt::optimize_module(source, &mut body, optimize, future_annotations)?;
            let key = node_key(&body);
            let st = symtable::build(&body, key, lines, future_annotations)?;
            let mut c = Compiler::new(st, lines, filename, optimize, mode == Mode::Single, merged);
            c.future_lineno = future.lineno;
            c.compiler_mod(&body, key)
        }
    }
}

/// What `from __future__ import ...` statements turned on. Mirrors `PyFutureFeatures`.
struct Future {
    features: u32,
    /// Line of the last future import (`ff_lineno`), -1 if none.
    lineno: i32,
}

/// Mirrors `future_parse` (Python/future.c).
fn future_parse(body: &[ast::Stmt], lines: &LineIndex) -> Result<Future, CompileError> {
    let mut ff = Future {
        features: 0,
        lineno: -1,
    };
    let mut done = false;
    let mut prev_line = 0;
    let start = if get_docstring(body).is_some() { 1 } else { 0 };
    for s in body.iter().skip(start) {
        let (line, col) = lines.line_col(s.range().start().to_usize());
        if done && line > prev_line {
            break;
        }
        prev_line = line;
        match s {
            ast::Stmt::ImportFrom(i) if i.module.as_deref() == Some("__future__") => {
                if done {
                    return Err(CompileError::syntax(
                        "from __future__ imports must occur at the beginning of the file".into(),
                        line,
                        col,
                        line,
                        col,
                    ));
                }
                for alias in &i.names {
                    match &*alias.name {
                        "nested_scopes" | "generators" | "division" | "absolute_import"
                        | "with_statement" | "print_function" | "unicode_literals"
                        | "generator_stop" => {}
                        "barry_as_FLUFL" => ff.features |= CO_FUTURE_BARRY_AS_BDFL,
                        "annotations" => ff.features |= CO_FUTURE_ANNOTATIONS,
                        "braces" => {
                            return Err(CompileError::syntax(
                                "not a chance".into(),
                                line,
                                col + 1,
                                line,
                                col + 1,
                            ))
                        }
                        other => {
                            return Err(CompileError::syntax(
                                format!("future feature {other} is not defined"),
                                line,
                                col + 1,
                                line,
                                col + 1,
                            ))
                        }
                    }
                }
                ff.lineno = line as i32;
            }
            _ => done = true,
        }
    }
    Ok(ff)
}

/// Mirrors `_PyAST_GetDocString`: the first statement, if it is a string literal.
pub fn get_docstring(body: &[ast::Stmt]) -> Option<&str> {
    match body.first() {
        Some(ast::Stmt::Expr(e)) => match &*e.value {
            ast::Expr::Constant(c) if c.kind.as_deref() != Some(crate::ast_opt::FROZENSET_KIND) => {
                match &c.value {
                    ast::Constant::Str(s) => Some(s.as_str()),
                    _ => None,
                }
            }
            _ => None,
        },
        _ => None,
    }
}

/// The kinds of code object being compiled (`COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// The kinds of frame block (`enum fblocktype`): what must be undone when a
/// `return`, `break` or `continue` leaves it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FBlockType {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone)]
enum FBlockDatum<'a> {
    None,
    FinalBody(&'a [ast::Stmt]),
    WithLoc(Location),
    Name(Option<String>),
}

/// Mirrors `struct fblockinfo`.
#[derive(Clone)]
struct FBlock<'a> {
    typ: FBlockType,
    block: Option<BlockId>,
    exit: Option<BlockId>,
    datum: FBlockDatum<'a>,
}

/// An insertion-ordered set of names (CPython uses a dict name -> index).
#[derive(Default, Clone)]
struct NameSet {
    names: Vec<String>,
    index: HashMap<String, usize>,
}

impl NameSet {
    fn from_vec(names: Vec<String>) -> NameSet {
        let mut s = NameSet::default();
        for n in names {
            s.add(&n);
        }
        s
    }

    /// Mirrors `compiler_add_o`: the index of the name, adding it if new.
    fn add(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), self.names.len() - 1);
        self.names.len() - 1
    }

    fn get(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    fn len(&self) -> usize {
        self.names.len()
    }
}

/// Mirrors `struct compiler_unit`: the state of one code object being compiled.
struct Unit<'a> {
    ste: ScopeId,
    scope_type: ScopeType,
    name: String,
    qualname: Option<String>,
    private: Option<String>,
    cfg: Cfg,
    curblock: BlockId,
    consts: Vec<Constant>,
    const_index: HashMap<String, Vec<usize>>,
    names: NameSet,
    varnames: NameSet,
    cellvars: NameSet,
    freevars: NameSet,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    firstlineno: i32,
    loc: Location,
    fblocks: Vec<FBlock<'a>>,
}

/// Mirrors `struct compiler`.
struct Compiler<'a> {
    st: SymbolTable,
    lines: &'a LineIndex,
    filename: String,
    optimize: i32,
    interactive: bool,
    /// `c_flags->cf_flags`: the `PyCF_*` bits, and the `CO_FUTURE_*` features of
    /// the flags merged with those of the future imports (`c_future->ff_features`
    /// holds the same merge).
    future_features: u32,
    future_lineno: i32,
    nestlevel: usize,
    stack: Vec<Unit<'a>>,
    u: Option<Unit<'a>>,
    depth: usize,
}

type CResult<T = ()> = Result<T, CompileError>;

/// Whether an expression is a constant (`Constant_kind`).
fn is_const(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Constant(_))
}

/// Converts an AST constant to a code constant.
pub fn const_from_ast(value: &ast::Constant, kind: Option<&str>) -> Constant {
    match value {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Str(s) => str_constant(s),
        ast::Constant::Bytes(b) => Constant::Bytes(b.clone()),
        ast::Constant::Int(i) => Constant::Int(i.clone()),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex { real, imag } => Constant::Complex {
            real: *real,
            imag: *imag,
        },
        ast::Constant::Ellipsis => Constant::Ellipsis,
        ast::Constant::Tuple(items) => {
            let items = items.iter().map(|c| const_from_ast(c, None)).collect();
            if kind == Some(crate::ast_opt::FROZENSET_KIND) {
                Constant::frozenset(items)
            } else {
                Constant::Tuple(items)
            }
        }
    }
}

/// A str constant from an AST string, which may carry marked surrogates (see
/// `string_parser`).
pub fn str_constant(s: &str) -> Constant {
    match crate::string_parser::decode_marked(s) {
        Some(cps) => Constant::SurrogateStr(cps),
        None => Constant::Str(s.to_string()),
    }
}

fn expr_const(e: &ast::ExprConstant) -> Constant {
    const_from_ast(&e.value, e.kind.as_deref())
}

/// The comparison opcode and argument for an operator (`compiler_addcompare`).
fn compare_op(op: &ast::CmpOp) -> (Opcode, i32) {
    use ast::CmpOp::*;
    match op {
        Lt => (COMPARE_OP, 0),
        LtE => (COMPARE_OP, 1),
        Eq => (COMPARE_OP, 2),
        NotEq => (COMPARE_OP, 3),
        Gt => (COMPARE_OP, 4),
        GtE => (COMPARE_OP, 5),
        Is => (IS_OP, 0),
        IsNot => (IS_OP, 1),
        In => (CONTAINS_OP, 0),
        NotIn => (CONTAINS_OP, 1),
    }
}

/// The `BINARY_OP` argument for an operator (`binop`).
fn binop_arg(op: &ast::Operator) -> u32 {
    use ast::Operator::*;
    match op {
        Add => nb::ADD,
        Sub => nb::SUBTRACT,
        Mult => nb::MULTIPLY,
        MatMult => nb::MATRIX_MULTIPLY,
        Div => nb::TRUE_DIVIDE,
        Mod => nb::REMAINDER,
        Pow => nb::POWER,
        LShift => nb::LSHIFT,
        RShift => nb::RSHIFT,
        BitOr => nb::OR,
        BitXor => nb::XOR,
        BitAnd => nb::AND,
        FloorDiv => nb::FLOOR_DIVIDE,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

fn ctx_of(c: &ast::ExprContext) -> Ctx {
    match c {
        ast::ExprContext::Load => Ctx::Load,
        ast::ExprContext::Store => Ctx::Store,
        ast::ExprContext::Del => Ctx::Del,
    }
}

impl<'a> Compiler<'a> {
    fn new(
        st: SymbolTable,
        lines: &'a LineIndex,
        filename: &str,
        optimize: i32,
        interactive: bool,
        future_features: u32,
    ) -> Compiler<'a> {
        Compiler {
            st,
            lines,
            filename: filename.to_string(),
            optimize,
            interactive,
            future_features,
            future_lineno: -1,
            nestlevel: 0,
            stack: Vec::new(),
            u: None,
            depth: 0,
        }
    }

    fn u(&mut self) -> &mut Unit<'a> {
        // The unit exists from `enter_scope` until `exit_scope`; code is only
        // emitted in between.
        self.u.as_mut().expect("no compiler unit")
    }

    fn ur(&self) -> &Unit<'a> {
        self.u.as_ref().expect("no compiler unit")
    }

    fn ste(&self) -> &symtable::SymtableEntry {
        &self.st.entries[self.ur().ste]
    }

    // ---- Errors ----

    /// Mirrors `compiler_error`: a SyntaxError at the current location.
    fn error(&self, msg: &str) -> CompileError {
        let loc = self.u.as_ref().map_or(NO_LOCATION, |u| u.loc);
        CompileError::syntax(
            msg.to_string(),
            loc.lineno.max(0) as u32,
            (loc.col_offset + 1).max(0) as u32,
            loc.end_lineno.max(0) as u32,
            (loc.end_col_offset + 1).max(0) as u32,
        )
    }

    /// Mirrors `compiler_warn`: a SyntaxWarning at the current location (issued
    /// when the compilation ends; see [`CompileWarning`]).
    fn warn(&self, msg: String) {
        let loc = self.u.as_ref().map_or(NO_LOCATION, |u| u.loc);
        push_warning(CompileWarning {
            deprecation: false,
            lineno: loc.lineno,
            error: self.error(&msg),
            msg,
        });
    }

    // ---- Locations ----

    fn set_loc(&mut self, range: ast::text_size::TextRange) {
        let loc = self.lines.location(range);
        self.u().loc = loc;
    }

    /// `UNSET_LOC`: following instructions are artificial (line -1) until the next
    /// `SET_LOC`; the other fields are left as they were, as in 3.11.
    fn unset_loc(&mut self) {
        self.u().loc.lineno = -1;
    }

    // ---- Blocks and instructions ----

    fn new_block(&mut self) -> BlockId {
        self.u().cfg.new_block()
    }

    /// Mirrors `compiler_use_next_block`.
    fn use_next_block(&mut self, block: BlockId) {
        let u = self.u();
        u.cfg.blocks[u.curblock].next = Some(block);
        u.curblock = block;
    }

    /// Mirrors `compiler_next_block` (`NEXT_BLOCK`).
    fn next_block(&mut self) {
        let b = self.new_block();
        self.use_next_block(b);
    }

    /// Mirrors `compiler_use_new_implicit_block_if_needed`: after a jump or an exit,
    /// instructions go to a new block.
    fn implicit_block_if_needed(&mut self) {
        let u = self.ur();
        let needs = u.cfg.blocks[u.curblock]
            .instrs
            .last()
            .is_some_and(|i| i.op.is_terminator());
        if needs {
            self.next_block();
        }
    }

    fn emit(&mut self, op: Op, oparg: i32, target: Option<BlockId>, loc: Location) {
        self.implicit_block_if_needed();
        let u = self.u();
        let mut instr = Instr::new(op, oparg, loc);
        instr.target = target;
        u.cfg.blocks[u.curblock].instrs.push(instr);
    }

    fn addop(&mut self, op: Opcode) {
        let loc = self.ur().loc;
        self.emit(Op::Real(op), 0, None, loc);
    }

    fn addop_i(&mut self, op: Opcode, oparg: i32) {
        let loc = self.ur().loc;
        self.emit(Op::Real(op), oparg, None, loc);
    }

    /// `ADDOP_NOLINE`.
    fn addop_noline(&mut self, op: Op) {
        self.emit(op, 0, None, NO_LOCATION);
    }

    /// A pseudo-instruction without a target (`POP_BLOCK`).
    fn addop_pseudo(&mut self, op: Op) {
        let loc = self.ur().loc;
        self.emit(op, 0, None, loc);
    }

    /// `ADDOP_JUMP`.
    fn addop_j(&mut self, op: Op, target: BlockId) {
        let loc = self.ur().loc;
        self.emit(op, 0, Some(target), loc);
    }

    /// `ADDOP_JUMP_NOLINE`.
    fn addop_j_noline(&mut self, op: Op, target: BlockId) {
        self.emit(op, 0, Some(target), NO_LOCATION);
    }

    /// Mirrors `compiler_add_const`: the slot of an equal constant, or a new one.
    fn add_const(&mut self, c: Constant) -> i32 {
        let u = self.u();
        let key = c.key_string();
        if let Some(cands) = u.const_index.get(&key) {
            for &i in cands {
                if u.consts[i].same_key(&c) {
                    return i as i32;
                }
            }
        }
        u.consts.push(c);
        let i = u.consts.len() - 1;
        u.const_index.entry(key).or_default().push(i);
        i as i32
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.addop_i(LOAD_CONST, i);
    }

    fn load_none(&mut self) {
        self.load_const(Constant::None);
    }

    /// Mirrors `compiler_addop_name`: the name is mangled first.
    fn addop_name(&mut self, op: Opcode, name: &str) {
        let mangled = mangle(self.ur().private.as_deref(), name);
        let i = self.u().names.add(&mangled) as i32;
        self.addop_i(op, i);
    }

    /// `ADDOP_N` on `co_names`: no mangling.
    fn addop_name_raw(&mut self, op: Opcode, name: &str) {
        let i = self.u().names.add(name) as i32;
        self.addop_i(op, i);
    }

    // ---- Scopes ----

    /// Mirrors `compiler_enter_scope`.
    fn enter_scope(
        &mut self,
        name: &str,
        scope_type: ScopeType,
        key: usize,
        lineno: i32,
    ) -> CResult {
        let ste = self
            .st
            .lookup(key)
            .ok_or_else(|| self.error("unknown scope"))?;
        let entry = &self.st.entries[ste];
        let varnames = NameSet::from_vec(entry.varnames.clone());
        let mut cellvars = NameSet::from_vec(entry.names_by_type(Scope::Cell, 0));
        if entry.needs_class_closure {
            cellvars.add("__class__");
        }
        let freevars =
            NameSet::from_vec(entry.names_by_type(Scope::Free, symtable::DEF_FREE_CLASS));
        let private = self.u.as_ref().and_then(|u| u.private.clone());
        let mut cfg = Cfg::default();
        let entry_block = cfg.new_block();
        let unit = Unit {
            ste,
            scope_type,
            name: name.to_string(),
            qualname: None,
            private,
            cfg,
            curblock: entry_block,
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: NameSet::default(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno: lineno,
            loc: Location {
                lineno,
                end_lineno: lineno,
                col_offset: 0,
                end_col_offset: 0,
            },
            fblocks: Vec::new(),
        };
        if let Some(old) = self.u.take() {
            self.stack.push(old);
        }
        self.u = Some(unit);
        self.nestlevel += 1;
        if scope_type == ScopeType::Module {
            self.u().loc.lineno = 0;
        } else {
            self.set_qualname();
        }
        self.addop_i(RESUME, 0);
        if scope_type == ScopeType::Module {
            self.u().loc.lineno = -1;
        }
        Ok(())
    }

    fn exit_scope(&mut self) -> Unit<'a> {
        self.nestlevel -= 1;
        let u = self.u.take().expect("no compiler unit");
        self.u = self.stack.pop();
        u
    }

    /// Mirrors `compiler_set_qualname`.
    fn set_qualname(&mut self) {
        let u = self.ur();
        let mut base: Option<String> = None;
        if let Some(parent) = self.stack.last() {
            if self.stack.len() > 1 || parent.scope_type != ScopeType::Module {
                let mut force_global = false;
                if matches!(
                    u.scope_type,
                    ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
                ) {
                    let mangled = mangle(parent.private.as_deref(), &u.name);
                    if self.st.entries[parent.ste].scope(&mangled) == Scope::GlobalExplicit {
                        force_global = true;
                    }
                }
                if !force_global {
                    let pq = parent
                        .qualname
                        .clone()
                        .unwrap_or_else(|| parent.name.clone());
                    base = Some(
                        if matches!(
                            parent.scope_type,
                            ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
                        ) {
                            format!("{pq}.<locals>")
                        } else {
                            pq
                        },
                    );
                }
            }
        }
        let name = match base {
            Some(b) => format!("{b}.{}", u.name),
            None => u.name.clone(),
        };
        self.u().qualname = Some(name);
    }

    /// Mirrors `compute_code_flags`.
    fn compute_code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut flags = 0;
        if ste.typ == BlockType::Function {
            flags |= CO_NEWLOCALS | CO_OPTIMIZED;
            if ste.nested {
                flags |= CO_NESTED;
            }
            if ste.generator && !ste.coroutine {
                flags |= CO_GENERATOR;
            }
            if !ste.generator && ste.coroutine {
                flags |= CO_COROUTINE;
            }
            if ste.generator && ste.coroutine {
                flags |= CO_ASYNC_GENERATOR;
            }
            if ste.varargs {
                flags |= CO_VARARGS;
            }
            if ste.varkeywords {
                flags |= CO_VARKEYWORDS;
            }
        }
        if self.is_top_level_await() && ste.coroutine && !ste.generator {
            flags |= CO_COROUTINE;
        }
        // Only the flags of PyCF_MASK are inherited.
        flags | (self.future_features & PyCF_MASK)
    }

    /// `IS_TOP_LEVEL_AWAIT`: `compile()` was given `PyCF_ALLOW_TOP_LEVEL_AWAIT` and
    /// the code being generated is the module's.
    fn is_top_level_await(&self) -> bool {
        self.future_features & PyCF_ALLOW_TOP_LEVEL_AWAIT != 0
            && self.ste().typ == BlockType::Module
    }

    /// The first half of `assemble`: the implicit `return None`, then hand the unit
    /// to the assembler.
    fn assemble_unit(&mut self, add_none: bool) -> CResult<CodeUnit> {
        let returns = {
            let u = self.ur();
            u.cfg.blocks[u.curblock]
                .instrs
                .last()
                .is_some_and(|i| i.op == Op::Real(RETURN_VALUE))
        };
        if !returns {
            self.unset_loc();
            if add_none {
                self.load_none();
            }
            self.addop(RETURN_VALUE);
        }
        let flags = self.compute_code_flags();
        let filename = self.filename.clone();
        let u = self.u();
        let input = AssemblyInput {
            cfg: std::mem::take(&mut u.cfg),
            consts: std::mem::take(&mut u.consts),
            names: std::mem::take(&mut u.names.names),
            varnames: u.varnames.names.clone(),
            cellvars: u.cellvars.names.clone(),
            freevars: u.freevars.names.clone(),
            argcount: u.argcount + u.posonlyargcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags,
            firstlineno: u.firstlineno,
            filename,
            name: u.name.clone(),
            qualname: u.qualname.clone().unwrap_or_else(|| u.name.clone()),
        };
        assemble(input).map_err(|m| self.error(&m))
    }

    /// Mirrors `get_ref_type`.
    fn get_ref_type(&self, name: &str) -> Scope {
        if self.ur().scope_type == ScopeType::Class && name == "__class__" {
            return Scope::Cell;
        }
        self.ste().scope(name)
    }

    /// Mirrors `compiler_make_closure`: push the function object for a code object,
    /// with its closure cells when it has free variables.
    fn make_closure(&mut self, co: CodeUnit, mut flags: i32) -> CResult {
        let frees = co
            .co_freevars()
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>();
        if !frees.is_empty() {
            for name in &frees {
                let arg = if self.get_ref_type(name) == Scope::Cell {
                    self.ur().cellvars.get(name)
                } else {
                    self.ur()
                        .freevars
                        .get(name)
                        .map(|i| i + self.ur().cellvars.len())
                };
                let arg = arg.ok_or_else(|| {
                    self.error(&format!("compiler_make_closure: lookup {name:?} failed"))
                })?;
                self.addop_i(LOAD_CLOSURE, arg as i32);
            }
            flags |= 0x08;
            self.addop_i(BUILD_TUPLE, frees.len() as i32);
        }
        self.load_const(Constant::Code(Box::new(co)));
        self.addop_i(MAKE_FUNCTION, flags);
        Ok(())
    }

    fn enter_recursion(&mut self) -> CResult {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::recursion());
        }
        Ok(())
    }

    // ---- Modules ----

    /// Mirrors `compiler_mod` for `exec` and `single` modes.
    fn compiler_mod(&mut self, body: &'a [ast::Stmt], key: usize) -> CResult<CodeUnit> {
        self.enter_scope("<module>", ScopeType::Module, key, 1)?;
        if self.interactive {
            if find_ann(body) {
                self.addop(SETUP_ANNOTATIONS);
            }
            for s in body {
                self.visit_stmt(s)?;
            }
        } else {
            self.compiler_body(body)?;
        }
        let co = self.assemble_unit(true)?;
        self.exit_scope();
        Ok(co)
    }

    /// Mirrors `compiler_mod` for `eval` mode.
    fn compiler_mod_expr(&mut self, body: &'a ast::Expr, key: usize) -> CResult<CodeUnit> {
        self.enter_scope("<module>", ScopeType::Module, key, 1)?;
        self.visit_expr(body)?;
        let co = self.assemble_unit(false)?;
        self.exit_scope();
        Ok(co)
    }

    /// Mirrors `compiler_body`: module and class bodies, with their docstring stored
    /// in `__doc__` and `SETUP_ANNOTATIONS` when something is annotated.
    fn compiler_body(&mut self, stmts: &'a [ast::Stmt]) -> CResult {
        if self.ur().scope_type == ScopeType::Module {
            if let Some(first) = stmts.first() {
                self.set_loc(first.range());
            }
        }
        if find_ann(stmts) {
            self.addop(SETUP_ANNOTATIONS);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut i = 0;
        if self.optimize < 2 {
            if let Some(doc) = get_docstring(stmts) {
                i = 1;
                if let ast::Stmt::Expr(e) = &stmts[0] {
                    self.set_loc(e.value.range());
                    self.load_const(str_constant(doc));
                }
                self.unset_loc();
                self.nameop("__doc__", Ctx::Store)?;
            }
        }
        for s in &stmts[i..] {
            self.visit_stmt(s)?;
        }
        Ok(())
    }
}

/// Mirrors `find_ann`: whether a body (not counting nested scopes) annotates a name.
/// Like 3.11, it does not look inside `match` statements.
fn find_ann(stmts: &[ast::Stmt]) -> bool {
    use ast::Stmt::*;
    stmts.iter().any(|s| match s {
        AnnAssign(_) => true,
        For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        AsyncFor(f) => find_ann(&f.body) || find_ann(&f.orelse),
        While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        If(i) => find_ann(&i.body) || find_ann(&i.orelse),
        With(w) => find_ann(&w.body),
        AsyncWith(w) => find_ann(&w.body),
        Try(t) => {
            t.handlers.iter().any(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                find_ann(&h.body)
            }) || find_ann(&t.body)
                || find_ann(&t.finalbody)
                || find_ann(&t.orelse)
        }
        TryStar(t) => {
            t.handlers.iter().any(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                find_ann(&h.body)
            }) || find_ann(&t.body)
                || find_ann(&t.finalbody)
                || find_ann(&t.orelse)
        }
        _ => false,
    })
}

// ---- Statements ----

impl<'a> Compiler<'a> {
    fn visit_stmts(&mut self, stmts: &'a [ast::Stmt]) -> CResult {
        for s in stmts {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    /// Mirrors `compiler_visit_stmt`.
    fn visit_stmt(&mut self, s: &'a ast::Stmt) -> CResult {
        self.enter_recursion()?;
        let r = self.visit_stmt1(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt1(&mut self, s: &'a ast::Stmt) -> CResult {
        use ast::Stmt::*;
        self.set_loc(s.range());
        match s {
            FunctionDef(f) => self.compiler_function(
                s,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                false,
                node_key(f),
            ),
            AsyncFunctionDef(f) => self.compiler_function(
                s,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                true,
                node_key(f),
            ),
            ClassDef(c) => self.compiler_class(s, c),
            Return(r) => self.compiler_return(s, r),
            Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.addop_i(COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            AugAssign(a) => self.compiler_augassign(a),
            AnnAssign(a) => self.compiler_annassign(a),
            For(f) => self.compiler_for(f),
            AsyncFor(f) => self.compiler_async_for(f),
            While(w) => self.compiler_while(s, w),
            If(i) => self.compiler_if(i),
            Match(m) => self.compiler_match(m),
            Raise(r) => {
                let mut n = 0;
                if let Some(exc) = &r.exc {
                    self.visit_expr(exc)?;
                    n += 1;
                    if let Some(cause) = &r.cause {
                        self.visit_expr(cause)?;
                        n += 1;
                    }
                }
                self.addop_i(RAISE_VARARGS, n);
                self.next_block();
                Ok(())
            }
            Try(t) => {
                if !t.finalbody.is_empty() {
                    self.compiler_try_finally(&t.body, &t.handlers, &t.orelse, &t.finalbody, false)
                } else {
                    self.compiler_try_except(&t.body, &t.handlers, &t.orelse)
                }
            }
            TryStar(t) => {
                if !t.finalbody.is_empty() {
                    self.compiler_try_finally(&t.body, &t.handlers, &t.orelse, &t.finalbody, true)
                } else {
                    self.compiler_try_star_except(&t.body, &t.handlers, &t.orelse)
                }
            }
            Assert(a) => self.compiler_assert(a),
            Import(i) => self.compiler_import(i),
            ImportFrom(i) => self.compiler_from_import(s, i),
            Global(_) | Nonlocal(_) => Ok(()),
            Expr(e) => self.compiler_visit_stmt_expr(&e.value),
            Pass(_) => {
                self.addop(NOP);
                Ok(())
            }
            Break(_) => self.compiler_break(),
            Continue(_) => self.compiler_continue(),
            With(w) => self.compiler_with(s, &w.items, &w.body, 0),
            AsyncWith(w) => self.compiler_async_with(s, &w.items, &w.body, 0),
            TypeAlias(_) => Err(self.error("invalid syntax")),
        }
    }

    /// Mirrors `compiler_visit_stmt_expr`.
    fn compiler_visit_stmt_expr(&mut self, value: &'a ast::Expr) -> CResult {
        if self.interactive && self.nestlevel <= 1 {
            self.visit_expr(value)?;
            self.addop(PRINT_EXPR);
            return Ok(());
        }
        if is_const(value) {
            // A constant statement does nothing, but keeps its line.
            self.addop(NOP);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.unset_loc();
        self.addop(POP_TOP);
        Ok(())
    }

    // ---- Functions and classes ----

    /// Mirrors `compiler_decorators`.
    fn compiler_decorators(&mut self, decos: &'a [ast::Expr]) -> CResult {
        for d in decos {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    /// Mirrors `compiler_apply_decorators`: innermost decorator first.
    fn compiler_apply_decorators(&mut self, decos: &'a [ast::Expr]) {
        let saved = self.ur().loc;
        for d in decos.iter().rev() {
            self.set_loc(d.range());
            self.addop_i(PRECALL, 0);
            self.addop_i(CALL, 0);
        }
        self.u().loc = saved;
    }

    /// Mirrors `compiler_check_debug_args`.
    fn compiler_check_debug_args(&mut self, args: &'a ast::Arguments) -> CResult {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .map(|a| &a.def);
        for a in all
            .chain(args.vararg.as_deref())
            .chain(args.kwarg.as_deref())
        {
            if &*a.arg == "__debug__" {
                // Reported at the definition, as 3.11's forbidden_name does.
                return Err(self.error("cannot assign to __debug__"));
            }
        }
        Ok(())
    }

    /// Mirrors `compiler_default_arguments`: push the defaults tuple and the
    /// keyword-only defaults dict; returns the `MAKE_FUNCTION` flags for them.
    fn compiler_default_arguments(&mut self, args: &'a ast::Arguments) -> CResult<i32> {
        let mut flags = 0;
        let defaults: Vec<&'a ast::Expr> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.visit_expr(d)?;
            }
            self.addop_i(BUILD_TUPLE, defaults.len() as i32);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                keys.push(Constant::Str(mangle(
                    self.ur().private.as_deref(),
                    &a.def.arg,
                )));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as i32;
            self.load_const(Constant::Tuple(keys));
            self.addop_i(BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    /// Mirrors `compiler_visit_argannotation`.
    fn compiler_visit_argannotation(
        &mut self,
        id: &str,
        ann: Option<&'a ast::Expr>,
        len: &mut i32,
    ) -> CResult {
        let Some(ann) = ann else { return Ok(()) };
        let mangled = mangle(self.ur().private.as_deref(), id);
        self.load_const(Constant::Str(mangled));
        if self.future_features & CO_FUTURE_ANNOTATIONS != 0 {
            self.visit_annexpr(ann)?;
        } else if let ast::Expr::Starred(st) = ann {
            // `*args: *Ts` (PEP 646): the annotation is the one item of Ts.
            self.visit_expr(&st.value)?;
            self.addop_i(UNPACK_SEQUENCE, 1);
        } else {
            self.visit_expr(ann)?;
        }
        *len += 2;
        Ok(())
    }

    /// Mirrors `compiler_visit_annotations`; returns whether a tuple was pushed.
    fn compiler_visit_annotations(
        &mut self,
        args: &'a ast::Arguments,
        returns: Option<&'a ast::Expr>,
    ) -> CResult<bool> {
        let mut len = 0;
        for a in &args.args {
            self.compiler_visit_argannotation(&a.def.arg, a.def.annotation.as_deref(), &mut len)?;
        }
        for a in &args.posonlyargs {
            self.compiler_visit_argannotation(&a.def.arg, a.def.annotation.as_deref(), &mut len)?;
        }
        if let Some(v) = &args.vararg {
            self.compiler_visit_argannotation(&v.arg, v.annotation.as_deref(), &mut len)?;
        }
        for a in &args.kwonlyargs {
            self.compiler_visit_argannotation(&a.def.arg, a.def.annotation.as_deref(), &mut len)?;
        }
        if let Some(v) = &args.kwarg {
            self.compiler_visit_argannotation(&v.arg, v.annotation.as_deref(), &mut len)?;
        }
        self.compiler_visit_argannotation("return", returns, &mut len)?;
        if len > 0 {
            self.addop_i(BUILD_TUPLE, len);
            return Ok(true);
        }
        Ok(false)
    }

    /// `VISIT(c, annexpr, e)`: under `from __future__ import annotations`, push the
    /// annotation's source text as CPython's unparser prints it.
    fn visit_annexpr(&mut self, e: &'a ast::Expr) -> CResult {
        let text =
            crate::ast_unparse::unparse_annotation(e).map_err(|_| CompileError::recursion())?;
        self.load_const(Constant::Str(text));
        Ok(())
    }

    /// Mirrors `compiler_function`.
    #[allow(clippy::too_many_arguments)]
    fn compiler_function(
        &mut self,
        s: &'a ast::Stmt,
        name: &str,
        args: &'a ast::Arguments,
        body: &'a [ast::Stmt],
        decos: &'a [ast::Expr],
        returns: Option<&'a ast::Expr>,
        is_async: bool,
        key: usize,
    ) -> CResult {
        self.compiler_check_debug_args(args)?;
        self.set_loc(s.range());
        self.compiler_decorators(decos)?;
        let mut firstlineno = self.lines.location(s.range()).lineno;
        if let Some(d) = decos.first() {
            firstlineno = self.lines.location(d.range()).lineno;
        }
        let mut funcflags = self.compiler_default_arguments(args)?;
        if self.compiler_visit_annotations(args, returns)? {
            funcflags |= 0x04;
        }
        let scope_type = if is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(name, scope_type, key, firstlineno)?;
        let docstring = if self.optimize < 2 {
            get_docstring(body)
        } else {
            None
        };
        self.add_const(match docstring {
            Some(d) => str_constant(d),
            None => Constant::None,
        });
        {
            let u = self.u();
            u.argcount = args.args.len() as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
        }
        let start = if docstring.is_some() { 1 } else { 0 };
        for st in &body[start..] {
            self.visit_stmt(st)?;
        }
        let co = self.assemble_unit(true)?;
        self.exit_scope();
        self.make_closure(co, funcflags)?;
        self.compiler_apply_decorators(decos);
        self.nameop(name, Ctx::Store)
    }

    /// Mirrors `compiler_class`.
    fn compiler_class(&mut self, s: &'a ast::Stmt, c: &'a ast::StmtClassDef) -> CResult {
        self.compiler_decorators(&c.decorator_list)?;
        let mut firstlineno = self.lines.location(s.range()).lineno;
        if let Some(d) = c.decorator_list.first() {
            firstlineno = self.lines.location(d.range()).lineno;
        }
        self.enter_scope(&c.name, ScopeType::Class, node_key(c), firstlineno)?;
        self.u().private = Some(c.name.to_string());
        self.nameop("__name__", Ctx::Load)?;
        self.nameop("__module__", Ctx::Store)?;
        let qualname = self.ur().qualname.clone().unwrap_or_default();
        self.load_const(Constant::Str(qualname));
        self.nameop("__qualname__", Ctx::Store)?;
        self.compiler_body(&c.body)?;
        self.unset_loc();
        if self.ste().needs_class_closure {
            let i = self.ur().cellvars.get("__class__").unwrap_or(0) as i32;
            self.addop_i(LOAD_CLOSURE, i);
            self.addop_i(COPY, 1);
            self.nameop("__classcell__", Ctx::Store)?;
        } else {
            self.load_none();
        }
        self.addop(RETURN_VALUE);
        let co = self.assemble_unit(true)?;
        self.exit_scope();
        self.addop(PUSH_NULL);
        self.addop(LOAD_BUILD_CLASS);
        self.make_closure(co, 0)?;
        self.load_const(Constant::Str(c.name.to_string()));
        self.compiler_call_helper(2, &c.bases, &c.keywords)?;
        self.compiler_apply_decorators(&c.decorator_list);
        self.nameop(&c.name, Ctx::Store)
    }

    // ---- Control flow ----

    /// Mirrors `compiler_if`.
    fn compiler_if(&mut self, s: &'a ast::StmtIf) -> CResult {
        let end = self.new_block();
        let next = if !s.orelse.is_empty() {
            self.new_block()
        } else {
            end
        };
        self.compiler_jump_if(&s.test, next, false)?;
        self.visit_stmts(&s.body)?;
        if !s.orelse.is_empty() {
            self.addop_j_noline(Op::Jump, end);
            self.use_next_block(next);
            self.visit_stmts(&s.orelse)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// Mirrors `compiler_for`.
    fn compiler_for(&mut self, s: &'a ast::StmtFor) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(
            FBlockType::ForLoop,
            Some(start),
            Some(end),
            FBlockDatum::None,
        )?;
        self.visit_expr(&s.iter)?;
        self.addop(GET_ITER);
        self.use_next_block(start);
        self.addop_j(Op::Real(FOR_ITER), cleanup);
        self.use_next_block(body);
        self.visit_expr(&s.target)?;
        self.visit_stmts(&s.body)?;
        self.unset_loc();
        self.addop_j(Op::Jump, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.visit_stmts(&s.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// Mirrors `compiler_async_for`.
    fn compiler_async_for(&mut self, s: &'a ast::StmtAsyncFor) -> CResult {
        if self.is_top_level_await() {
            let ste = self.ur().ste;
            self.st.entries[ste].coroutine = true;
        } else if self.ur().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function"));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(&s.iter)?;
        self.addop(GET_AITER);
        self.use_next_block(start);
        self.push_fblock(
            FBlockType::ForLoop,
            Some(start),
            Some(end),
            FBlockDatum::None,
        )?;
        self.addop_j(Op::SetupFinally, except);
        self.addop(GET_ANEXT);
        self.load_none();
        self.compiler_add_yield_from(true);
        self.addop_pseudo(Op::PopBlock);
        self.visit_expr(&s.target)?;
        self.visit_stmts(&s.body)?;
        self.unset_loc();
        self.addop_j(Op::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.set_loc(s.iter.range());
        self.addop(END_ASYNC_FOR);
        self.visit_stmts(&s.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// Mirrors `compiler_while`: the test is compiled twice, before the loop and at
    /// its bottom, so the loop needs one jump per iteration.
    fn compiler_while(&mut self, s: &'a ast::Stmt, w: &'a ast::StmtWhile) -> CResult {
        let loop_ = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(loop_);
        self.push_fblock(
            FBlockType::WhileLoop,
            Some(loop_),
            Some(end),
            FBlockDatum::None,
        )?;
        self.compiler_jump_if(&w.test, anchor, false)?;
        self.use_next_block(body);
        self.visit_stmts(&w.body)?;
        self.set_loc(s.range());
        self.compiler_jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.visit_stmts(&w.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    /// Mirrors `compiler_return`.
    fn compiler_return(&mut self, s: &'a ast::Stmt, r: &'a ast::StmtReturn) -> CResult {
        let preserve_tos = r.value.as_deref().is_some_and(|v| !is_const(v));
        if self.ste().typ != BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        if r.value.is_some() && self.ste().coroutine && self.ste().generator {
            return Err(self.error("'return' with value in async generator"));
        }
        if preserve_tos {
            if let Some(v) = &r.value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = &r.value {
            self.set_loc(v.range());
            self.addop(NOP);
        }
        let sline = self.lines.location(s.range()).lineno;
        if r.value
            .as_deref()
            .map(|v| self.lines.location(v.range()).lineno)
            != Some(sline)
        {
            self.set_loc(s.range());
            self.addop(NOP);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match r.value.as_deref() {
            None => self.load_none(),
            Some(ast::Expr::Constant(c)) => self.load_const(expr_const(c)),
            Some(_) => {}
        }
        // No new block here: a function ending in `return` needs no implicit
        // `return None` (nor its constant).
        self.addop(RETURN_VALUE);
        Ok(())
    }

    /// Mirrors `compiler_break`.
    fn compiler_break(&mut self) -> CResult {
        let loc = self.u().loc;
        self.addop(NOP);
        let Some(loop_) = self.unwind_fblock_stack(false, true)? else {
            // Unwinding a `with` block unset the location: the error is at the
            // statement.
            self.u().loc = loc;
            return Err(self.error("'break' outside loop"));
        };
        self.unwind_fblock(&loop_, false)?;
        self.addop_j(Op::Jump, loop_.exit.unwrap_or(0));
        self.next_block();
        Ok(())
    }

    /// Mirrors `compiler_continue`.
    fn compiler_continue(&mut self) -> CResult {
        let loc = self.u().loc;
        self.addop(NOP);
        let Some(loop_) = self.unwind_fblock_stack(false, true)? else {
            // Unwinding a `with` block unset the location: the error is at the
            // statement.
            self.u().loc = loc;
            return Err(self.error("'continue' not properly in loop"));
        };
        self.addop_j(Op::Jump, loop_.block.unwrap_or(0));
        self.next_block();
        Ok(())
    }

    // ---- Frame blocks ----

    fn push_fblock(
        &mut self,
        typ: FBlockType,
        block: Option<BlockId>,
        exit: Option<BlockId>,
        datum: FBlockDatum<'a>,
    ) -> CResult {
        if self.ur().fblocks.len() >= 20 {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u().fblocks.push(FBlock {
            typ,
            block,
            exit,
            datum,
        });
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    /// Mirrors `compiler_unwind_fblock`: emit what leaving this block early needs.
    fn unwind_fblock(&mut self, info: &FBlock<'a>, preserve_tos: bool) -> CResult {
        use FBlockType::*;
        match info.typ {
            WhileLoop | ExceptionHandler | ExceptionGroupHandler | AsyncComprehensionGenerator => {}
            ForLoop => {
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop(POP_TOP);
            }
            TryExcept => self.addop_pseudo(Op::PopBlock),
            FinallyTry => {
                self.addop_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.push_fblock(PopValue, None, None, FBlockDatum::None)?;
                }
                if let FBlockDatum::FinalBody(body) = info.datum {
                    self.visit_stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FinallyEnd => {
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop(POP_TOP);
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop_pseudo(Op::PopBlock);
                self.addop(POP_EXCEPT);
            }
            With | AsyncWith => {
                if let FBlockDatum::WithLoc(loc) = info.datum {
                    self.u().loc = loc;
                }
                self.addop_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.compiler_call_exit_with_nones();
                if info.typ == AsyncWith {
                    self.addop_i(GET_AWAITABLE, 2);
                    self.load_none();
                    self.compiler_add_yield_from(true);
                }
                self.addop(POP_TOP);
                self.unset_loc();
            }
            HandlerCleanup => {
                let name = match &info.datum {
                    FBlockDatum::Name(n) => n.clone(),
                    _ => None,
                };
                if name.is_some() {
                    self.addop_pseudo(Op::PopBlock);
                }
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop_pseudo(Op::PopBlock);
                self.addop(POP_EXCEPT);
                if let Some(n) = name {
                    self.load_none();
                    self.nameop(&n, Ctx::Store)?;
                    self.nameop(&n, Ctx::Del)?;
                }
            }
            PopValue => {
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop(POP_TOP);
            }
        }
        Ok(())
    }

    /// Mirrors `compiler_unwind_fblock_stack`: unwind every block (or, when
    /// `want_loop`, up to the innermost loop, which is returned).
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().cloned() else {
            return Ok(None);
        };
        if top.typ == FBlockType::ExceptionGroupHandler {
            return Err(
                self.error("'break', 'continue' and 'return' cannot appear in an except* block")
            );
        }
        if want_loop && matches!(top.typ, FBlockType::WhileLoop | FBlockType::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, want_loop)?;
        self.u().fblocks.push(top);
        Ok(r)
    }

    // ---- try / except / finally ----

    /// `POP_EXCEPT_AND_RERAISE`.
    fn pop_except_and_reraise(&mut self) {
        self.addop_i(COPY, 3);
        self.addop(POP_EXCEPT);
        self.addop_i(RERAISE, 1);
    }

    /// Mirrors `compiler_try_finally` (and `compiler_try_star_finally`).
    fn compiler_try_finally(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
        finalbody: &'a [ast::Stmt],
        star: bool,
    ) -> CResult {
        let body_b = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.addop_j(Op::SetupFinally, end);
        self.use_next_block(body_b);
        self.push_fblock(
            FBlockType::FinallyTry,
            Some(body_b),
            Some(end),
            FBlockDatum::FinalBody(finalbody),
        )?;
        if !handlers.is_empty() {
            if star {
                self.compiler_try_star_except(body, handlers, orelse)?;
            } else {
                self.compiler_try_except(body, handlers, orelse)?;
            }
        } else {
            self.visit_stmts(body)?;
        }
        self.addop_noline(Op::PopBlock);
        self.pop_fblock();
        self.visit_stmts(finalbody)?;
        self.addop_j_noline(Op::Jump, exit);
        self.use_next_block(end);
        self.unset_loc();
        self.addop_j(Op::SetupCleanup, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.push_fblock(FBlockType::FinallyEnd, Some(end), None, FBlockDatum::None)?;
        self.visit_stmts(finalbody)?;
        self.pop_fblock();
        self.addop_i(RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    /// Mirrors `compiler_try_except`.
    fn compiler_try_except(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
    ) -> CResult {
        let body_b = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.addop_j(Op::SetupFinally, except);
        self.use_next_block(body_b);
        self.push_fblock(FBlockType::TryExcept, Some(body_b), None, FBlockDatum::None)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.addop_noline(Op::PopBlock);
        self.visit_stmts(orelse)?;
        self.addop_j_noline(Op::Jump, end);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.addop_j(Op::SetupCleanup, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.push_fblock(FBlockType::ExceptionHandler, None, None, FBlockDatum::None)?;
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.addop(CHECK_EXC_MATCH);
                self.addop_j(Op::PopJumpIfFalse, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, Ctx::Store)?;
                self.addop_j(Op::SetupCleanup, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockType::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    FBlockDatum::Name(Some(name.to_string())),
                )?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.addop_pseudo(Op::PopBlock);
                self.addop_pseudo(Op::PopBlock);
                self.addop(POP_EXCEPT);
                self.load_none();
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
                self.addop_j(Op::Jump, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_none();
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
                self.addop_i(RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.addop(POP_TOP);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockType::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    FBlockDatum::Name(None),
                )?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.addop_pseudo(Op::PopBlock);
                self.addop(POP_EXCEPT);
                self.addop_j(Op::Jump, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.addop_i(RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    /// Mirrors `compiler_try_star_except`.
    fn compiler_try_star_except(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
    ) -> CResult {
        let body_b = self.new_block();
        let mut except = self.new_block();
        let orelse_b = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.addop_j(Op::SetupFinally, except);
        self.use_next_block(body_b);
        self.push_fblock(FBlockType::TryExcept, Some(body_b), None, FBlockDatum::None)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.addop_noline(Op::PopBlock);
        self.addop_j_noline(Op::Jump, orelse_b);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.addop_j(Op::SetupCleanup, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.push_fblock(
            FBlockType::ExceptionGroupHandler,
            None,
            None,
            FBlockDatum::None,
        )?;
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                // Keep the original group below an empty list of raised exceptions.
                self.addop_i(COPY, 1);
                self.addop_i(BUILD_LIST, 0);
                self.addop_i(SWAP, 2);
            }
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.addop(CHECK_EG_MATCH);
                self.addop_i(COPY, 1);
                self.addop_j(Op::PopJumpIfNone, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, Ctx::Store)?,
                None => self.addop(POP_TOP),
            }
            self.addop_j(Op::SetupCleanup, cleanup_end);
            self.use_next_block(cleanup_body);
            self.push_fblock(
                FBlockType::HandlerCleanup,
                Some(cleanup_body),
                None,
                FBlockDatum::Name(h.name.as_ref().map(|n| n.to_string())),
            )?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.addop_pseudo(Op::PopBlock);
            if let Some(name) = &h.name {
                self.load_none();
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
            }
            self.addop_j(Op::Jump, except);
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_none();
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
            }
            self.addop_i(LIST_APPEND, 3);
            self.addop(POP_TOP);
            self.addop_j(Op::Jump, except_with_error);
            self.use_next_block(except);
            self.addop(NOP);
            self.addop_j(Op::Jump, except_with_error);
            self.use_next_block(no_match);
            self.addop(POP_TOP);
            self.use_next_block(except_with_error);
            if i + 1 == n {
                self.addop_i(LIST_APPEND, 1);
                self.addop_j(Op::Jump, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_next_block(reraise_star);
        self.addop(PREP_RERAISE_STAR);
        self.addop_i(COPY, 1);
        self.addop_j(Op::PopJumpIfNotNone, reraise);
        self.next_block();
        self.addop(POP_TOP);
        self.addop_pseudo(Op::PopBlock);
        self.addop(POP_EXCEPT);
        self.addop_j(Op::Jump, end);
        self.use_next_block(reraise);
        self.addop_pseudo(Op::PopBlock);
        self.addop_i(SWAP, 2);
        self.addop(POP_EXCEPT);
        self.addop_i(RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(orelse_b);
        self.visit_stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    // ---- with ----

    /// Mirrors `compiler_call_exit_with_nones`.
    fn compiler_call_exit_with_nones(&mut self) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.addop_i(PRECALL, 2);
        self.addop_i(CALL, 2);
    }

    /// Mirrors `compiler_with_except_finish`.
    fn compiler_with_except_finish(&mut self, cleanup: BlockId) {
        self.unset_loc();
        let exit = self.new_block();
        self.addop_j(Op::PopJumpIfTrue, exit);
        self.next_block();
        self.addop_i(RERAISE, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.addop(POP_TOP);
        self.addop_pseudo(Op::PopBlock);
        self.addop(POP_EXCEPT);
        self.addop(POP_TOP);
        self.addop(POP_TOP);
    }

    /// Mirrors `compiler_with`: one nested with-block per item.
    fn compiler_with(
        &mut self,
        s: &'a ast::Stmt,
        items: &'a [ast::WithItem],
        body: &'a [ast::Stmt],
        pos: usize,
    ) -> CResult {
        let item = &items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.addop(BEFORE_WITH);
        self.addop_j(Op::SetupWith, final_);
        self.use_next_block(block);
        let sloc = self.lines.location(s.range());
        self.push_fblock(
            FBlockType::With,
            Some(block),
            Some(final_),
            FBlockDatum::WithLoc(sloc),
        )?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(POP_TOP),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.compiler_with(s, items, body, pos + 1)?;
        }
        self.unset_loc();
        self.addop_pseudo(Op::PopBlock);
        self.pop_fblock();
        self.set_loc(s.range());
        self.compiler_call_exit_with_nones();
        self.addop(POP_TOP);
        self.addop_j(Op::Jump, exit);
        self.use_next_block(final_);
        self.addop_j(Op::SetupCleanup, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.addop(WITH_EXCEPT_START);
        self.compiler_with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    /// Mirrors `compiler_async_with`.
    fn compiler_async_with(
        &mut self,
        s: &'a ast::Stmt,
        items: &'a [ast::WithItem],
        body: &'a [ast::Stmt],
        pos: usize,
    ) -> CResult {
        if self.is_top_level_await() {
            let ste = self.ur().ste;
            self.st.entries[ste].coroutine = true;
        } else if self.ur().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async with' outside async function"));
        }
        let item = &items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.addop(BEFORE_ASYNC_WITH);
        self.addop_i(GET_AWAITABLE, 1);
        self.load_none();
        self.compiler_add_yield_from(true);
        self.addop_j(Op::SetupWith, final_);
        self.use_next_block(block);
        let sloc = self.lines.location(s.range());
        self.push_fblock(
            FBlockType::AsyncWith,
            Some(block),
            Some(final_),
            FBlockDatum::WithLoc(sloc),
        )?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(POP_TOP),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.compiler_async_with(s, items, body, pos + 1)?;
        }
        self.pop_fblock();
        self.addop_pseudo(Op::PopBlock);
        self.set_loc(s.range());
        self.compiler_call_exit_with_nones();
        self.addop_i(GET_AWAITABLE, 2);
        self.load_none();
        self.compiler_add_yield_from(true);
        self.addop(POP_TOP);
        self.addop_j(Op::Jump, exit);
        self.use_next_block(final_);
        self.addop_j(Op::SetupCleanup, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.addop(WITH_EXCEPT_START);
        self.addop_i(GET_AWAITABLE, 2);
        self.load_none();
        self.compiler_add_yield_from(true);
        self.compiler_with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    // ---- Assignment forms ----

    /// Mirrors `compiler_augassign`.
    fn compiler_augassign(&mut self, s: &'a ast::StmtAugAssign) -> CResult {
        let e = &*s.target;
        let saved = self.ur().loc;
        self.set_loc(e.range());
        match e {
            ast::Expr::Attribute(a) => {
                self.visit_expr(&a.value)?;
                self.addop_i(COPY, 1);
                self.update_start_location_to_match_attr(a);
                self.addop_name(LOAD_ATTR, &a.attr);
            }
            ast::Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                self.visit_expr(&sub.slice)?;
                self.addop_i(COPY, 2);
                self.addop_i(COPY, 2);
                self.addop(BINARY_SUBSCR);
            }
            ast::Expr::Name(n) => self.nameop(&n.id, Ctx::Load)?,
            _ => return Err(self.error("invalid node type for augmented assignment")),
        }
        self.u().loc = saved;
        self.visit_expr(&s.value)?;
        self.addop_i(BINARY_OP, (binop_arg(&s.op) + nb::INPLACE_OFFSET) as i32);
        self.set_loc(e.range());
        match e {
            ast::Expr::Attribute(a) => {
                self.update_start_location_to_match_attr(a);
                self.addop_i(SWAP, 2);
                self.addop_name(STORE_ATTR, &a.attr);
            }
            ast::Expr::Subscript(_) => {
                self.addop_i(SWAP, 3);
                self.addop_i(SWAP, 2);
                self.addop(STORE_SUBSCR);
            }
            ast::Expr::Name(n) => self.nameop(&n.id, Ctx::Store)?,
            _ => {}
        }
        Ok(())
    }

    /// Mirrors `check_ann_expr`: evaluate and discard.
    fn check_ann_expr(&mut self, e: &'a ast::Expr) -> CResult {
        self.visit_expr(e)?;
        self.addop(POP_TOP);
        Ok(())
    }

    /// Mirrors `check_ann_subscr`.
    fn check_ann_subscr(&mut self, e: &'a ast::Expr) -> CResult {
        match e {
            ast::Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.check_ann_expr(x)?;
                }
                Ok(())
            }
            ast::Expr::Tuple(t) => {
                for x in &t.elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    /// Mirrors `compiler_annassign`.
    fn compiler_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        let targ = &*a.target;
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_expr(targ)?;
        }
        let future = self.future_features & CO_FUTURE_ANNOTATIONS != 0;
        let simple = a.simple;
        match targ {
            ast::Expr::Name(n) => {
                self.forbidden_name(&n.id, Ctx::Store)?;
                if simple && matches!(self.ur().scope_type, ScopeType::Module | ScopeType::Class) {
                    if future {
                        self.visit_annexpr(&a.annotation)?;
                    } else {
                        self.visit_expr(&a.annotation)?;
                    }
                    self.addop_name(LOAD_NAME, "__annotations__");
                    let mangled = mangle(self.ur().private.as_deref(), &n.id);
                    self.load_const(Constant::Str(mangled));
                    self.addop(STORE_SUBSCR);
                }
            }
            ast::Expr::Attribute(at) => {
                self.forbidden_name(&at.attr, Ctx::Store)?;
                if a.value.is_none() {
                    self.check_ann_expr(&at.value)?;
                }
            }
            ast::Expr::Subscript(sub) => {
                if a.value.is_none() {
                    self.check_ann_expr(&sub.value)?;
                    self.check_ann_subscr(&sub.slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment")),
        }
        if !simple
            && !future
            && matches!(self.ur().scope_type, ScopeType::Module | ScopeType::Class)
        {
            self.check_ann_expr(&a.annotation)?;
        }
        Ok(())
    }

    /// Mirrors `compiler_assert`.
    fn compiler_assert(&mut self, a: &'a ast::StmtAssert) -> CResult {
        // A non-empty tuple is always true, whatever the optimisation level.
        let always_true = match &*a.test {
            ast::Expr::Tuple(t) => !t.elts.is_empty(),
            ast::Expr::Constant(c) => matches!(&c.value, ast::Constant::Tuple(t) if !t.is_empty()),
            _ => false,
        };
        if always_true {
            self.warn("assertion is always true, perhaps remove parentheses?".into());
        }
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_block();
        self.compiler_jump_if(&a.test, end, true)?;
        self.addop(LOAD_ASSERTION_ERROR);
        if let Some(m) = &a.msg {
            self.visit_expr(m)?;
            self.addop_i(PRECALL, 0);
            self.addop_i(CALL, 0);
        }
        self.addop_i(RAISE_VARARGS, 1);
        self.use_next_block(end);
        Ok(())
    }

    // ---- Imports ----

    /// Mirrors `compiler_import_as`.
    fn compiler_import_as(&mut self, name: &str, asname: &str) -> CResult {
        let parts: Vec<&str> = name.split('.').collect();
        if parts.len() > 1 {
            for (i, attr) in parts[1..].iter().enumerate() {
                self.addop_name_raw(IMPORT_FROM, attr);
                if i + 2 == parts.len() {
                    break;
                }
                self.addop_i(SWAP, 2);
                self.addop(POP_TOP);
            }
            self.nameop(asname, Ctx::Store)?;
            self.addop(POP_TOP);
            return Ok(());
        }
        self.nameop(asname, Ctx::Store)
    }

    /// Mirrors `compiler_import`.
    fn compiler_import(&mut self, s: &'a ast::StmtImport) -> CResult {
        for alias in &s.names {
            self.load_const(Constant::Int(BigInt::from(0)));
            self.load_none();
            self.addop_name(IMPORT_NAME, &alias.name);
            match &alias.asname {
                Some(asname) => self.compiler_import_as(&alias.name, asname)?,
                None => {
                    let first = alias.name.split('.').next().unwrap_or("");
                    self.nameop(first, Ctx::Store)?;
                }
            }
        }
        Ok(())
    }

    /// Mirrors `compiler_from_import`.
    fn compiler_from_import(&mut self, s: &'a ast::Stmt, i: &'a ast::StmtImportFrom) -> CResult {
        let level = i.level.map_or(0, |l| l.to_u32());
        self.load_const(Constant::Int(BigInt::from(level)));
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(a.name.to_string()))
            .collect();
        let line = self.lines.location(s.range()).lineno;
        if line > self.future_lineno && i.module.as_deref() == Some("__future__") {
            return Err(
                self.error("from __future__ imports must occur at the beginning of the file")
            );
        }
        self.load_const(Constant::Tuple(names));
        self.addop_name(IMPORT_NAME, i.module.as_deref().unwrap_or(""));
        for (k, alias) in i.names.iter().enumerate() {
            if k == 0 && alias.name.starts_with('*') {
                self.addop(IMPORT_STAR);
                return Ok(());
            }
            self.addop_name(IMPORT_FROM, &alias.name);
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.nameop(store, Ctx::Store)?;
        }
        self.addop(POP_TOP);
        Ok(())
    }
}

// ---- Expressions ----

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompType {
    GenExp,
    ListComp,
    SetComp,
    DictComp,
}

impl<'a> Compiler<'a> {
    /// Mirrors `forbidden_name`.
    fn forbidden_name(&self, name: &str, ctx: Ctx) -> CResult {
        if name == "__debug__" {
            match ctx {
                Ctx::Store => return Err(self.error("cannot assign to __debug__")),
                Ctx::Del => return Err(self.error("cannot delete __debug__")),
                Ctx::Load => {}
            }
        }
        Ok(())
    }

    /// Mirrors `compiler_nameop`: pick FAST, DEREF, GLOBAL or NAME access for a
    /// name from its scope.
    fn nameop(&mut self, name: &str, ctx: Ctx) -> CResult {
        self.forbidden_name(name, ctx)?;
        let mangled = mangle(self.ur().private.as_deref(), name);
        let scope = self.ste().scope(&mangled);
        let is_function = self.ste().typ == BlockType::Function;
        let is_class = self.ste().typ == BlockType::Class;
        enum Kind {
            Fast,
            Global,
            Deref(bool),
            Name,
        }
        let kind = match scope {
            Scope::Free => Kind::Deref(true),
            Scope::Cell => Kind::Deref(false),
            Scope::Local if is_function => Kind::Fast,
            Scope::GlobalImplicit if is_function => Kind::Global,
            Scope::GlobalExplicit => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Fast => {
                let op = match ctx {
                    Ctx::Load => LOAD_FAST,
                    Ctx::Store => STORE_FAST,
                    Ctx::Del => DELETE_FAST,
                };
                let arg = self.u().varnames.add(&mangled) as i32;
                self.addop_i(op, arg);
            }
            Kind::Deref(free) => {
                let op = match ctx {
                    Ctx::Load if is_class => LOAD_CLASSDEREF,
                    Ctx::Load => LOAD_DEREF,
                    Ctx::Store => STORE_DEREF,
                    Ctx::Del => DELETE_DEREF,
                };
                let u = self.u();
                let arg = if free {
                    let ncells = u.cellvars.len();
                    match u.freevars.get(&mangled) {
                        Some(i) => i + ncells,
                        None => u.freevars.add(&mangled) + ncells,
                    }
                } else {
                    u.cellvars.add(&mangled)
                };
                self.addop_i(op, arg as i32);
            }
            Kind::Global => {
                let op = match ctx {
                    Ctx::Load => LOAD_GLOBAL,
                    Ctx::Store => STORE_GLOBAL,
                    Ctx::Del => DELETE_GLOBAL,
                };
                let mut arg = self.u().names.add(&mangled) as i32;
                if op == LOAD_GLOBAL {
                    arg <<= 1;
                }
                self.addop_i(op, arg);
            }
            Kind::Name => {
                let op = match ctx {
                    Ctx::Load => LOAD_NAME,
                    Ctx::Store => STORE_NAME,
                    Ctx::Del => DELETE_NAME,
                };
                let arg = self.u().names.add(&mangled) as i32;
                self.addop_i(op, arg);
            }
        }
        Ok(())
    }

    /// Mirrors `compiler_visit_expr`: the location is the expression's while it is
    /// compiled, then back to the enclosing one.
    fn visit_expr(&mut self, e: &'a ast::Expr) -> CResult {
        self.enter_recursion()?;
        let saved = self.ur().loc;
        self.set_loc(e.range());
        let r = self.visit_expr1(e);
        self.u().loc = saved;
        self.depth -= 1;
        r
    }

    /// Mirrors `compiler_visit_expr1`.
    fn visit_expr1(&mut self, e: &'a ast::Expr) -> CResult {
        use ast::Expr::*;
        match e {
            NamedExpr(n) => {
                self.visit_expr(&n.value)?;
                self.addop_i(COPY, 1);
                self.visit_expr(&n.target)?;
            }
            BoolOp(b) => self.compiler_boolop(b)?,
            BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.addop_i(BINARY_OP, binop_arg(&b.op) as i32);
            }
            UnaryOp(u) => {
                self.visit_expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => UNARY_INVERT,
                    ast::UnaryOp::Not => UNARY_NOT,
                    ast::UnaryOp::UAdd => UNARY_POSITIVE,
                    ast::UnaryOp::USub => UNARY_NEGATIVE,
                };
                self.addop(op);
            }
            Lambda(l) => self.compiler_lambda(e, l)?,
            IfExp(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.compiler_jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.addop_j_noline(Op::Jump, end);
                self.use_next_block(next);
                self.visit_expr(&i.orelse)?;
                self.use_next_block(end);
            }
            Dict(d) => self.compiler_dict(d)?,
            Set(s) => self.starunpack_helper(&s.elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false)?,
            GeneratorExp(g) => self.compiler_comprehension(
                e,
                node_key(g),
                CompType::GenExp,
                "<genexpr>",
                &g.generators,
                &g.elt,
                None,
            )?,
            ListComp(g) => self.compiler_comprehension(
                e,
                node_key(g),
                CompType::ListComp,
                "<listcomp>",
                &g.generators,
                &g.elt,
                None,
            )?,
            SetComp(g) => self.compiler_comprehension(
                e,
                node_key(g),
                CompType::SetComp,
                "<setcomp>",
                &g.generators,
                &g.elt,
                None,
            )?,
            DictComp(g) => self.compiler_comprehension(
                e,
                node_key(g),
                CompType::DictComp,
                "<dictcomp>",
                &g.generators,
                &g.key,
                Some(&g.value),
            )?,
            Yield(y) => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_none(),
                }
                self.addop_yield();
            }
            YieldFrom(y) => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                if self.ur().scope_type == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.visit_expr(&y.value)?;
                self.addop(GET_YIELD_FROM_ITER);
                self.load_none();
                self.compiler_add_yield_from(false);
            }
            Await(a) => {
                if !self.is_top_level_await() {
                    if self.ste().typ != BlockType::Function {
                        return Err(self.error("'await' outside function"));
                    }
                    if !matches!(
                        self.ur().scope_type,
                        ScopeType::AsyncFunction | ScopeType::Comprehension
                    ) {
                        return Err(self.error("'await' outside async function"));
                    }
                }
                self.visit_expr(&a.value)?;
                self.addop_i(GET_AWAITABLE, 0);
                self.load_none();
                self.compiler_add_yield_from(true);
            }
            Compare(c) => self.compiler_compare(c)?,
            Call(c) => self.compiler_call(c)?,
            Constant(c) => self.load_const(expr_const(c)),
            JoinedStr(j) => self.compiler_joined_str(j)?,
            FormattedValue(f) => self.compiler_formatted_value(f)?,
            Attribute(a) => {
                self.visit_expr(&a.value)?;
                self.update_start_location_to_match_attr(a);
                match ctx_of(&a.ctx) {
                    Ctx::Load => self.addop_name(LOAD_ATTR, &a.attr),
                    Ctx::Store => {
                        self.forbidden_name(&a.attr, Ctx::Store)?;
                        self.addop_name(STORE_ATTR, &a.attr);
                    }
                    Ctx::Del => self.addop_name(DELETE_ATTR, &a.attr),
                }
            }
            Subscript(s) => {
                if matches!(ctx_of(&s.ctx), Ctx::Load) {
                    self.check_subscript(&s.value, &s.slice);
                }
                let op = match ctx_of(&s.ctx) {
                    Ctx::Load => BINARY_SUBSCR,
                    Ctx::Store => STORE_SUBSCR,
                    Ctx::Del => DELETE_SUBSCR,
                };
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
                self.addop(op);
            }
            Starred(s) => {
                return Err(match ctx_of(&s.ctx) {
                    Ctx::Store => {
                        self.error("starred assignment target must be in a list or tuple")
                    }
                    _ => self.error("can't use starred expression here"),
                })
            }
            Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_none(),
                }
                match &s.upper {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_none(),
                }
                if let Some(x) = &s.step {
                    n += 1;
                    self.visit_expr(x)?;
                }
                self.addop_i(BUILD_SLICE, n);
            }
            Name(n) => self.nameop(&n.id, ctx_of(&n.ctx))?,
            List(l) => match ctx_of(&l.ctx) {
                Ctx::Store => self.assignment_helper(&l.elts)?,
                Ctx::Load => {
                    self.starunpack_helper(&l.elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false)?
                }
                Ctx::Del => {
                    for x in &l.elts {
                        self.visit_expr(x)?;
                    }
                }
            },
            Tuple(t) => match ctx_of(&t.ctx) {
                Ctx::Store => self.assignment_helper(&t.elts)?,
                Ctx::Load => {
                    self.starunpack_helper(&t.elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)?
                }
                Ctx::Del => {
                    for x in &t.elts {
                        self.visit_expr(x)?;
                    }
                }
            },
        }
        Ok(())
    }

    /// Mirrors `update_start_location_to_match_attr`: an attribute on a later line
    /// than its object is reported from the attribute name.
    fn update_start_location_to_match_attr(&mut self, a: &ast::ExprAttribute) {
        let end = self.lines.location(a.range);
        let len = a.attr.chars().count() as i32;
        let u = self.u();
        if u.loc.lineno != end.end_lineno {
            u.loc.lineno = end.end_lineno;
            if len <= end.end_col_offset {
                u.loc.col_offset = end.end_col_offset - len;
            } else {
                // Somebody's compiling weird ASTs (gh-94694): drop the columns.
                u.loc.col_offset = -1;
                u.loc.end_col_offset = -1;
            }
            // The end still follows the start, even for weird ASTs.
            u.loc.end_lineno = u.loc.end_lineno.max(u.loc.lineno);
            if u.loc.lineno == u.loc.end_lineno {
                u.loc.end_col_offset = u.loc.end_col_offset.max(u.loc.col_offset);
            }
        }
    }

    /// `ADDOP_YIELD`.
    fn addop_yield(&mut self) {
        let ste = self.ste();
        if ste.coroutine && ste.generator {
            self.addop(ASYNC_GEN_WRAP);
        }
        self.addop(YIELD_VALUE);
        self.addop_i(RESUME, 1);
    }

    /// Mirrors `compiler_add_yield_from`: the SEND loop of `yield from` and `await`.
    fn compiler_add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.addop_j(Op::Real(SEND), exit);
        self.use_next_block(resume);
        self.addop_i(YIELD_VALUE, 0);
        self.addop_i(RESUME, if is_await { 3 } else { 2 });
        self.addop_j(Op::JumpNoInterrupt, start);
        self.use_next_block(exit);
    }

    /// Mirrors `compiler_boolop`.
    fn compiler_boolop(&mut self, b: &'a ast::ExprBoolOp) -> CResult {
        let jumpi = match b.op {
            ast::BoolOp::And => JUMP_IF_FALSE_OR_POP,
            ast::BoolOp::Or => JUMP_IF_TRUE_OR_POP,
        };
        let end = self.new_block();
        let n = b.values.len() - 1;
        for v in &b.values[..n] {
            self.visit_expr(v)?;
            self.addop_j(Op::Real(jumpi), end);
            let next = self.new_block();
            self.use_next_block(next);
        }
        self.visit_expr(&b.values[n])?;
        self.use_next_block(end);
        Ok(())
    }

    /// Mirrors `compiler_jump_if`: jump to `next` if the test's truth equals `cond`,
    /// with short cuts for `not`, `and`/`or`, conditional and chained comparisons.
    fn compiler_jump_if(&mut self, e: &'a ast::Expr, next: BlockId, cond: bool) -> CResult {
        self.enter_recursion()?;
        let r = self.compiler_jump_if1(e, next, cond);
        self.depth -= 1;
        r
    }

    fn compiler_jump_if1(&mut self, e: &'a ast::Expr, next: BlockId, cond: bool) -> CResult {
        match e {
            ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => {
                return self.compiler_jump_if(&u.operand, next, !cond);
            }
            ast::Expr::BoolOp(b) => {
                let n = b.values.len() - 1;
                let cond2 = matches!(b.op, ast::BoolOp::Or);
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                for v in &b.values[..n] {
                    self.compiler_jump_if(v, next2, cond2)?;
                }
                self.compiler_jump_if(&b.values[n], next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            ast::Expr::IfExp(i) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.compiler_jump_if(&i.test, next2, false)?;
                self.compiler_jump_if(&i.body, next, cond)?;
                self.addop_j_noline(Op::Jump, end);
                self.use_next_block(next2);
                self.compiler_jump_if(&i.orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            ast::Expr::Compare(c) => {
                // 3.11 gives the jump (and what follows, until the next SET_LOC) the
                // comparison's location.
                self.set_loc(e.range());
                if c.ops.len() == 1 {
                    self.visit_expr(e)?;
                    self.addop_j(
                        if cond {
                            Op::PopJumpIfTrue
                        } else {
                            Op::PopJumpIfFalse
                        },
                        next,
                    );
                    self.next_block();
                    return Ok(());
                }
                self.check_compare(c);
                let n = c.ops.len() - 1;
                let cleanup = self.new_block();
                self.visit_expr(&c.left)?;
                for i in 0..n {
                    self.visit_expr(&c.comparators[i])?;
                    self.addop_i(SWAP, 2);
                    self.addop_i(COPY, 2);
                    let (op, arg) = compare_op(&c.ops[i]);
                    self.addop_i(op, arg);
                    self.addop_j(Op::PopJumpIfFalse, cleanup);
                    self.next_block();
                }
                self.visit_expr(&c.comparators[n])?;
                let (op, arg) = compare_op(&c.ops[n]);
                self.addop_i(op, arg);
                self.addop_j(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    next,
                );
                self.next_block();
                let end = self.new_block();
                self.addop_j_noline(Op::Jump, end);
                self.use_next_block(cleanup);
                self.addop(POP_TOP);
                if !cond {
                    self.addop_j_noline(Op::Jump, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        self.addop_j(
            if cond {
                Op::PopJumpIfTrue
            } else {
                Op::PopJumpIfFalse
            },
            next,
        );
        self.next_block();
        Ok(())
    }

    /// Mirrors `compiler_compare`.
    /// Mirrors `check_compare`: `is` or `is not` with a literal operand (other
    /// than None, True, False and ...) is a SyntaxWarning.
    fn check_compare(&self, c: &ast::ExprCompare) {
        fn is_arg(e: &ast::Expr) -> bool {
            match e {
                ast::Expr::Constant(k) => matches!(
                    k.value,
                    ast::Constant::None | ast::Constant::Bool(_) | ast::Constant::Ellipsis
                ),
                _ => true,
            }
        }
        let mut left = is_arg(&c.left);
        for (op, right_expr) in c.ops.iter().zip(&c.comparators) {
            let right = is_arg(right_expr);
            if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && (!right || !left) {
                let msg = if matches!(op, ast::CmpOp::Is) {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.into());
                return;
            }
            left = right;
        }
    }

    /// Mirrors `check_caller`: calling a display, a comprehension or a literal.
    fn check_caller(&self, e: &ast::Expr) {
        let callable_never = matches!(
            e,
            ast::Expr::Constant(_)
                | ast::Expr::Tuple(_)
                | ast::Expr::List(_)
                | ast::Expr::ListComp(_)
                | ast::Expr::Dict(_)
                | ast::Expr::DictComp(_)
                | ast::Expr::Set(_)
                | ast::Expr::SetComp(_)
                | ast::Expr::GeneratorExp(_)
                | ast::Expr::JoinedStr(_)
                | ast::Expr::FormattedValue(_)
        );
        if callable_never {
            if let Some(t) = infer_type(e) {
                self.warn(format!(
                    "'{t}' object is not callable; perhaps you missed a comma?"
                ));
            }
        }
    }

    /// Mirrors `check_subscripter` and `check_index` for a loaded subscript.
    fn check_subscript(&self, value: &ast::Expr, slice: &ast::Expr) {
        let not_subscriptable = match value {
            ast::Expr::Constant(k) => matches!(
                k.value,
                ast::Constant::None
                    | ast::Constant::Ellipsis
                    | ast::Constant::Int(_)
                    | ast::Constant::Bool(_)
                    | ast::Constant::Float(_)
                    | ast::Constant::Complex { .. }
            ),
            ast::Expr::Set(_)
            | ast::Expr::SetComp(_)
            | ast::Expr::GeneratorExp(_)
            | ast::Expr::Lambda(_) => true,
            _ => false,
        };
        if not_subscriptable {
            if let Some(t) = infer_type(value) {
                self.warn(format!(
                    "'{t}' object is not subscriptable; perhaps you missed a comma?"
                ));
            }
            return;
        }
        let Some(index_type) = infer_type(slice) else {
            return;
        };
        if index_type == "int" || index_type == "bool" {
            return;
        }
        let warn = match value {
            ast::Expr::Constant(k) => matches!(
                k.value,
                ast::Constant::Str(_) | ast::Constant::Bytes(_) | ast::Constant::Tuple(_)
            ),
            ast::Expr::Tuple(_)
            | ast::Expr::List(_)
            | ast::Expr::ListComp(_)
            | ast::Expr::JoinedStr(_)
            | ast::Expr::FormattedValue(_) => true,
            _ => false,
        };
        if warn {
            if let Some(t) = infer_type(value) {
                self.warn(format!(
                    "{t} indices must be integers or slices, not {index_type}; \
                     perhaps you missed a comma?"
                ));
            }
        }
    }

    fn compiler_compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.check_compare(c);
        self.visit_expr(&c.left)?;
        let n = c.ops.len() - 1;
        if n == 0 {
            self.visit_expr(&c.comparators[0])?;
            let (op, arg) = compare_op(&c.ops[0]);
            self.addop_i(op, arg);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            self.visit_expr(&c.comparators[i])?;
            self.addop_i(SWAP, 2);
            self.addop_i(COPY, 2);
            let (op, arg) = compare_op(&c.ops[i]);
            self.addop_i(op, arg);
            self.addop_j(Op::Real(JUMP_IF_FALSE_OR_POP), cleanup);
        }
        self.visit_expr(&c.comparators[n])?;
        let (op, arg) = compare_op(&c.ops[n]);
        self.addop_i(op, arg);
        let end = self.new_block();
        self.addop_j_noline(Op::Jump, end);
        self.use_next_block(cleanup);
        self.addop_i(SWAP, 2);
        self.addop(POP_TOP);
        self.use_next_block(end);
        Ok(())
    }

    /// Mirrors `starunpack_helper`: build a list, tuple or set from items, some of
    /// which may be starred.
    fn starunpack_helper(
        &mut self,
        elts: &'a [ast::Expr],
        pushed: i32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const) {
            let items: Vec<Constant> = elts
                .iter()
                .map(|e| match e {
                    ast::Expr::Constant(c) => expr_const(c),
                    _ => Constant::None,
                })
                .collect();
            if tuple && pushed == 0 {
                self.load_const(Constant::Tuple(items));
            } else {
                let folded = if add == SET_ADD {
                    Constant::frozenset(items)
                } else {
                    Constant::Tuple(items)
                };
                self.addop_i(build, pushed);
                self.load_const(folded);
                self.addop_i(extend, 1);
                if tuple {
                    self.addop(LIST_TO_TUPLE);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, ast::Expr::Starred(_)));
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            self.addop_i(if tuple { BUILD_TUPLE } else { build }, n as i32 + pushed);
            return Ok(());
        }
        let mut sequence_built = false;
        if big {
            self.addop_i(build, pushed);
            sequence_built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ast::Expr::Starred(s) = e {
                if !sequence_built {
                    self.addop_i(build, i as i32 + pushed);
                    sequence_built = true;
                }
                self.visit_expr(&s.value)?;
                self.addop_i(extend, 1);
            } else {
                self.visit_expr(e)?;
                if sequence_built {
                    self.addop_i(add, 1);
                }
            }
        }
        if tuple {
            self.addop(LIST_TO_TUPLE);
        }
        Ok(())
    }

    /// Mirrors `unpack_helper`.
    fn unpack_helper(&mut self, elts: &'a [ast::Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if let ast::Expr::Starred(_) = e {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= (1 << 8) || (n - i - 1) >= (i32::MAX as usize >> 8) {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.addop_i(UNPACK_EX, (i + ((n - i - 1) << 8)) as i32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.addop_i(UNPACK_SEQUENCE, n as i32);
        }
        Ok(())
    }

    /// Mirrors `assignment_helper`.
    fn assignment_helper(&mut self, elts: &'a [ast::Expr]) -> CResult {
        self.unpack_helper(elts)?;
        for e in elts {
            match e {
                ast::Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    /// Mirrors `compiler_subdict`.
    fn compiler_subdict(&mut self, d: &'a ast::ExprDict, begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let keys_const = d.keys[begin..end]
            .iter()
            .all(|k| k.as_ref().is_some_and(is_const));
        if n > 1 && !big && keys_const {
            for v in &d.values[begin..end] {
                self.visit_expr(v)?;
            }
            let keys: Vec<Constant> = d.keys[begin..end]
                .iter()
                .map(|k| match k {
                    Some(ast::Expr::Constant(c)) => expr_const(c),
                    _ => Constant::None,
                })
                .collect();
            self.load_const(Constant::Tuple(keys));
            self.addop_i(BUILD_CONST_KEY_MAP, n as i32);
            return Ok(());
        }
        if big {
            self.addop_i(BUILD_MAP, 0);
        }
        for i in begin..end {
            if let Some(k) = &d.keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&d.values[i])?;
            if big {
                self.addop_i(MAP_ADD, 1);
            }
        }
        if !big {
            self.addop_i(BUILD_MAP, n as i32);
        }
        Ok(())
    }

    /// Mirrors `compiler_dict`.
    fn compiler_dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        let n = d.values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if d.keys[i].is_none() {
                if elements > 0 {
                    self.compiler_subdict(d, i - elements, i)?;
                    if have_dict {
                        self.addop_i(DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.addop_i(BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&d.values[i])?;
                self.addop_i(DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compiler_subdict(d, i - elements, i + 1)?;
                if have_dict {
                    self.addop_i(DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compiler_subdict(d, n - elements, n)?;
            if have_dict {
                self.addop_i(DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.addop_i(BUILD_MAP, 0);
        }
        Ok(())
    }

    /// Mirrors `compiler_joined_str`. The parser gives each piece CPython's location
    /// (the whole string for literal pieces and formatted values, the spec's own token
    /// for a format spec), so every piece is visited at its own location.
    fn compiler_joined_str(&mut self, j: &'a ast::ExprJoinedStr) -> CResult {
        if j.values.len() > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str(String::new()));
            self.addop_name(LOAD_METHOD, "join");
            self.addop_i(BUILD_LIST, 0);
            for v in &j.values {
                self.fstring_piece(v)?;
                self.addop_i(LIST_APPEND, 1);
            }
            self.addop_i(PRECALL, 1);
            self.addop_i(CALL, 1);
        } else {
            for v in &j.values {
                self.fstring_piece(v)?;
            }
            if j.values.len() != 1 {
                self.addop_i(BUILD_STRING, j.values.len() as i32);
            }
        }
        Ok(())
    }

    /// One value (or format spec) of an f-string. A literal made by the `%`-format
    /// fold has no location (ast_opt.c makes it with lineno -1), so it gets none.
    fn fstring_piece(&mut self, v: &'a ast::Expr) -> CResult {
        match v {
            ast::Expr::Constant(c) if c.range.is_empty() && c.range.start().to_usize() == 0 => {
                let saved = self.ur().loc;
                self.u().loc = NO_LOCATION;
                self.load_const(expr_const(c));
                self.u().loc = saved;
                Ok(())
            }
            _ => self.visit_expr(v),
        }
    }

    /// Mirrors `compiler_formatted_value`: the argument has the conversion in its
    /// low two bits and 0x04 when a format spec is on the stack.
    fn compiler_formatted_value(&mut self, f: &'a ast::ExprFormattedValue) -> CResult {
        self.visit_expr(&f.value)?;
        let mut oparg = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        if let Some(spec) = &f.format_spec {
            self.fstring_piece(spec)?;
            oparg |= 0x04;
        }
        self.addop_i(FORMAT_VALUE, oparg);
        Ok(())
    }

    // ---- Calls ----

    /// Mirrors `is_import_originated`.
    fn is_import_originated(&self, e: &ast::Expr) -> bool {
        match e {
            ast::Expr::Name(n) => self.st.entries[0].flags(&n.id) & symtable::DEF_IMPORT != 0,
            _ => false,
        }
    }

    /// Mirrors `compiler_call`.
    fn compiler_call(&mut self, c: &'a ast::ExprCall) -> CResult {
        if self.maybe_optimize_method_call(c)? {
            return Ok(());
        }
        self.check_caller(&c.func);
        let saved = self.ur().loc;
        self.set_loc(c.func.range());
        self.addop(PUSH_NULL);
        self.u().loc = saved;
        self.visit_expr(&c.func)?;
        self.compiler_call_helper(0, &c.args, &c.keywords)
    }

    /// Mirrors `maybe_optimize_method_call`: `obj.meth(args)` becomes
    /// `LOAD_METHOD` + `PRECALL` + `CALL` when there is no unpacking.
    fn maybe_optimize_method_call(&mut self, c: &'a ast::ExprCall) -> CResult<bool> {
        let ast::Expr::Attribute(meth) = &*c.func else {
            return Ok(false);
        };
        if !matches!(meth.ctx, ast::ExprContext::Load) || self.is_import_originated(&meth.value) {
            return Ok(false);
        }
        let argsl = c.args.len();
        let kwdsl = c.keywords.len();
        if argsl + kwdsl + (kwdsl != 0) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.visit_expr(&meth.value)?;
        // LOAD_METHOD and a KW_NAMES carry the attribute's location, the call
        // instructions the call's.
        let call_loc = self.ur().loc;
        self.set_loc(meth.range);
        self.update_start_location_to_match_attr(meth);
        self.addop_name(LOAD_METHOD, &meth.attr);
        for a in &c.args {
            self.visit_expr(a)?;
        }
        if kwdsl > 0 {
            self.validate_keywords(&c.keywords)?;
            for k in &c.keywords {
                self.visit_expr(&k.value)?;
            }
            self.compiler_call_simple_kw_helper(&c.keywords);
        }
        self.u().loc = call_loc;
        self.update_start_location_to_match_attr(meth);
        self.addop_i(PRECALL, (argsl + kwdsl) as i32);
        self.addop_i(CALL, (argsl + kwdsl) as i32);
        Ok(true)
    }

    /// Mirrors `validate_keywords`.
    fn validate_keywords(&mut self, keywords: &'a [ast::Keyword]) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            self.forbidden_name(name, Ctx::Store)?;
            for other in &keywords[i + 1..] {
                if other.arg.as_ref() == Some(name) {
                    self.set_loc(other.range);
                    return Err(self.error(&format!("keyword argument repeated: {name}")));
                }
            }
        }
        Ok(())
    }

    /// Mirrors `compiler_call_simple_kw_helper`: the `KW_NAMES` tuple.
    fn compiler_call_simple_kw_helper(&mut self, keywords: &'a [ast::Keyword]) {
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Constant::Str(k.arg.as_deref().unwrap_or("").to_string()))
            .collect();
        let i = self.add_const(Constant::Tuple(names));
        self.addop_i(KW_NAMES, i);
    }

    /// Mirrors `compiler_subkwargs`.
    fn compiler_subkwargs(
        &mut self,
        keywords: &'a [ast::Keyword],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.visit_expr(&k.value)?;
            }
            let keys: Vec<Constant> = keywords[begin..end]
                .iter()
                .map(|k| Constant::Str(k.arg.as_deref().unwrap_or("").to_string()))
                .collect();
            self.load_const(Constant::Tuple(keys));
            self.addop_i(BUILD_CONST_KEY_MAP, n as i32);
            return Ok(());
        }
        if big {
            self.emit(Op::Real(BUILD_MAP), 0, None, NO_LOCATION);
        }
        for k in &keywords[begin..end] {
            self.load_const(Constant::Str(k.arg.as_deref().unwrap_or("").to_string()));
            self.visit_expr(&k.value)?;
            if big {
                self.emit(Op::Real(MAP_ADD), 1, None, NO_LOCATION);
            }
        }
        if !big {
            self.addop_i(BUILD_MAP, n as i32);
        }
        Ok(())
    }

    /// Mirrors `compiler_call_helper`: `n` arguments are already on the stack.
    fn compiler_call_helper(
        &mut self,
        n: usize,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkwelts = keywords.len();
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
            || args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.compiler_call_simple_kw_helper(keywords);
            }
            self.addop_i(PRECALL, (n + nelts + nkwelts) as i32);
            self.addop_i(CALL, (n + nelts + nkwelts) as i32);
            return Ok(());
        }
        match args {
            [ast::Expr::Starred(s)] if n == 0 => self.visit_expr(&s.value)?,
            _ => {
                self.starunpack_helper(args, n as i32, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)?
            }
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.compiler_subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.addop_i(DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.addop_i(BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.addop_i(DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.compiler_subkwargs(keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.addop_i(DICT_MERGE, 1);
                }
            }
        }
        self.addop_i(CALL_FUNCTION_EX, (nkwelts > 0) as i32);
        Ok(())
    }

    // ---- Lambdas and comprehensions ----

    /// Mirrors `compiler_lambda`.
    fn compiler_lambda(&mut self, e: &'a ast::Expr, l: &'a ast::ExprLambda) -> CResult {
        self.compiler_check_debug_args(&l.args)?;
        let funcflags = self.compiler_default_arguments(&l.args)?;
        let lineno = self.lines.location(e.range()).lineno;
        self.enter_scope("<lambda>", ScopeType::Lambda, node_key(l), lineno)?;
        // None first, so that a lambda never has a docstring.
        self.add_const(Constant::None);
        {
            let u = self.u();
            u.argcount = l.args.args.len() as u32;
            u.posonlyargcount = l.args.posonlyargs.len() as u32;
            u.kwonlyargcount = l.args.kwonlyargs.len() as u32;
        }
        self.visit_expr(&l.body)?;
        let co = if self.ste().generator {
            self.assemble_unit(false)?
        } else {
            self.addop(RETURN_VALUE);
            self.assemble_unit(true)?
        };
        self.exit_scope();
        self.make_closure(co, funcflags)
    }

    /// Mirrors `compiler_comprehension`: the comprehension is a nested function
    /// called with the outermost iterator.
    #[allow(clippy::too_many_arguments)]
    fn compiler_comprehension(
        &mut self,
        e: &'a ast::Expr,
        key: usize,
        typ: CompType,
        name: &str,
        generators: &'a [ast::Comprehension],
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
    ) -> CResult {
        let outermost = &generators[0];
        let scope_type = self.ur().scope_type;
        let is_top_level_await = self.is_top_level_await();
        let lineno = self.lines.location(e.range()).lineno;
        self.enter_scope(name, ScopeType::Comprehension, key, lineno)?;
        self.set_loc(e.range());
        let is_async_generator = self.ste().coroutine;
        if is_async_generator
            && typ != CompType::GenExp
            && scope_type != ScopeType::AsyncFunction
            && scope_type != ScopeType::Comprehension
            && !is_top_level_await
        {
            return Err(
                self.error("asynchronous comprehension outside of an asynchronous function")
            );
        }
        if typ != CompType::GenExp {
            let op = match typ {
                CompType::ListComp => BUILD_LIST,
                CompType::SetComp => BUILD_SET,
                _ => BUILD_MAP,
            };
            self.addop_i(op, 0);
        }
        self.compiler_comprehension_generator(generators, 0, 0, elt, val, typ)?;
        if typ != CompType::GenExp {
            self.addop(RETURN_VALUE);
        }
        let co = self.assemble_unit(true)?;
        self.exit_scope();
        if is_top_level_await && is_async_generator {
            let ste = self.ur().ste;
            self.st.entries[ste].coroutine = true;
        }
        self.make_closure(co, 0)?;
        self.visit_expr(&outermost.iter)?;
        self.addop(if outermost.is_async {
            GET_AITER
        } else {
            GET_ITER
        });
        self.addop_i(PRECALL, 0);
        self.addop_i(CALL, 0);
        if is_async_generator && typ != CompType::GenExp {
            self.addop_i(GET_AWAITABLE, 0);
            self.load_none();
            self.compiler_add_yield_from(true);
        }
        Ok(())
    }

    fn compiler_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        depth: i32,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        typ: CompType,
    ) -> CResult {
        self.enter_recursion()?;
        let r = if generators[gen_index].is_async {
            self.compiler_async_comprehension_generator(generators, gen_index, depth, elt, val, typ)
        } else {
            self.compiler_sync_comprehension_generator(generators, gen_index, depth, elt, val, typ)
        };
        self.depth -= 1;
        r
    }

    /// The innermost part of a comprehension: add the element to the result.
    fn comprehension_element(
        &mut self,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        typ: CompType,
        depth: i32,
    ) -> CResult {
        match typ {
            CompType::GenExp => {
                self.visit_expr(elt)?;
                self.addop_yield();
                self.addop(POP_TOP);
            }
            CompType::ListComp => {
                self.visit_expr(elt)?;
                self.addop_i(LIST_APPEND, depth + 1);
            }
            CompType::SetComp => {
                self.visit_expr(elt)?;
                self.addop_i(SET_ADD, depth + 1);
            }
            CompType::DictComp => {
                self.visit_expr(elt)?;
                if let Some(v) = val {
                    self.visit_expr(v)?;
                }
                self.addop_i(MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    /// Mirrors `compiler_sync_comprehension_generator`.
    fn compiler_sync_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: i32,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        typ: CompType,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.u().argcount = 1;
            self.addop_i(LOAD_FAST, 0);
        } else {
            // `for y in [f(x)]` binds y without building a sequence.
            let elts = match &gen.iter {
                ast::Expr::List(l) => Some(&l.elts),
                ast::Expr::Tuple(t) => Some(&t.elts),
                _ => None,
            };
            if let Some([single]) = elts.map(|v| v.as_slice()) {
                if !matches!(single, ast::Expr::Starred(_)) {
                    self.visit_expr(single)?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_expr(&gen.iter)?;
                self.addop(GET_ITER);
            }
        }
        if let Some(st) = start {
            depth += 1;
            self.use_next_block(st);
            self.addop_j(Op::Real(FOR_ITER), anchor);
        }
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.compiler_jump_if(cond, if_cleanup, false)?;
        }
        if gen_index + 1 < generators.len() {
            self.compiler_comprehension_generator(generators, gen_index + 1, depth, elt, val, typ)?;
        } else {
            self.comprehension_element(elt, val, typ, depth)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(st) = start {
            self.addop_j(Op::Jump, st);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    /// Mirrors `compiler_async_comprehension_generator`.
    fn compiler_async_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: i32,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        typ: CompType,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.u().argcount = 1;
            self.addop_i(LOAD_FAST, 0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.addop(GET_AITER);
        }
        self.use_next_block(start);
        self.push_fblock(
            FBlockType::AsyncComprehensionGenerator,
            Some(start),
            None,
            FBlockDatum::None,
        )?;
        self.addop_j(Op::SetupFinally, except);
        self.addop(GET_ANEXT);
        self.load_none();
        self.compiler_add_yield_from(true);
        self.addop_pseudo(Op::PopBlock);
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.compiler_jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if gen_index + 1 < generators.len() {
            self.compiler_comprehension_generator(generators, gen_index + 1, depth, elt, val, typ)?;
        } else {
            self.comprehension_element(elt, val, typ, depth)?;
        }
        self.use_next_block(if_cleanup);
        self.addop_j(Op::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.addop(END_ASYNC_FOR);
        Ok(())
    }
}

// ---- match ----

/// Mirrors `pattern_context`: the state of compiling one pattern.
struct PatternContext {
    /// Names captured so far, in the order they sit on the stack.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[i]` pops `i` items and falls through to `fail_pop[i - 1]`.
    fail_pop: Vec<BlockId>,
    /// Items on top of the stack that must stay there (captures go beneath).
    on_top: usize,
}

/// `WILDCARD_CHECK`: `_`.
fn wildcard_check(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchAs(a) if a.name.is_none())
}

/// `WILDCARD_STAR_CHECK`: `*_`.
fn wildcard_star_check(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchStar(s) if s.name.is_none())
}

fn repr_name(n: &str) -> String {
    format!("'{n}'")
}

impl<'a> Compiler<'a> {
    /// Mirrors `compiler_match`.
    fn compiler_match(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.visit_expr(&m.subject)?;
        let end = self.new_block();
        let cases = m.cases.len();
        let last = &m.cases[cases - 1];
        let has_default = wildcard_check(&last.pattern) && cases > 1;
        let mut pc = PatternContext {
            stores: Vec::new(),
            allow_irrefutable: false,
            fail_pop: Vec::new(),
            on_top: 0,
        };
        for (i, case) in m
            .cases
            .iter()
            .enumerate()
            .take(cases - has_default as usize)
        {
            self.set_loc(case.pattern.range());
            let not_last = i != cases - has_default as usize - 1;
            if not_last {
                self.addop_i(COPY, 1);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = case.guard.is_some() || i == cases - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.compiler_pattern(&case.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(&name, Ctx::Store)?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.compiler_jump_if(g, pc.fail_pop[0], false)?;
            }
            if not_last {
                self.addop(POP_TOP);
            }
            self.visit_stmts(&case.body)?;
            // The jump out of a case has no location of its own (it takes the last
            // instruction's when line numbers are propagated).
            self.addop_j_noline(Op::Jump, end);
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            if cases == 1 {
                self.addop(POP_TOP);
            } else {
                self.addop(NOP);
            }
            if let Some(g) = &last.guard {
                self.compiler_jump_if(g, end, false)?;
            }
            self.visit_stmts(&last.body)?;
            // What follows a trailing `case _` body is artificial until the next
            // statement (3.11: a `finally` re-raise after it has no location).
            self.unset_loc();
        }
        self.use_next_block(end);
        Ok(())
    }

    /// Mirrors `ensure_fail_pop`.
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    /// Mirrors `jump_to_fail_pop`.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.addop_j(op, pc.fail_pop[pops]);
        self.next_block();
    }

    /// Mirrors `emit_and_reset_fail_pop`.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            self.next_block();
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.use_next_block(pc.fail_pop[k]);
            self.addop(POP_TOP);
        }
        self.use_next_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// Mirrors `pattern_helper_rotate`.
    fn pattern_helper_rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.addop_i(SWAP, count as i32);
            count -= 1;
        }
    }

    /// Mirrors `pattern_helper_store_name`.
    fn pattern_helper_store_name(
        &mut self,
        name: Option<&str>,
        pc: &mut PatternContext,
    ) -> CResult {
        let Some(n) = name else {
            self.addop(POP_TOP);
            return Ok(());
        };
        self.forbidden_name(n, Ctx::Store)?;
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(&format!(
                "multiple assignments to name {} in pattern",
                repr_name(n)
            )));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_helper_rotate(rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    /// Mirrors `pattern_unpack_helper`.
    fn pattern_unpack_helper(&mut self, elts: &'a [ast::Pattern]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if let ast::Pattern::MatchStar(_) = e {
                if seen_star {
                    return Err(self.error("multiple starred expressions in sequence pattern"));
                }
                if i >= (1 << 8) {
                    return Err(
                        self.error("too many expressions in star-unpacking sequence pattern")
                    );
                }
                self.addop_i(UNPACK_EX, (i + ((n - i - 1) << 8)) as i32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.addop_i(UNPACK_SEQUENCE, n as i32);
        }
        Ok(())
    }

    /// Mirrors `pattern_helper_sequence_unpack`.
    fn pattern_helper_sequence_unpack(
        &mut self,
        patterns: &'a [ast::Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        self.pattern_unpack_helper(patterns)?;
        pc.on_top += patterns.len();
        for p in patterns {
            pc.on_top -= 1;
            self.compiler_pattern_subpattern(p, pc)?;
        }
        Ok(())
    }

    /// Mirrors `pattern_helper_sequence_subscr`: with a `*_` in the pattern, index
    /// the subject instead of unpacking it.
    fn pattern_helper_sequence_subscr(
        &mut self,
        patterns: &'a [ast::Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> CResult {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if wildcard_check(p) || i == star {
                continue;
            }
            self.addop_i(COPY, 1);
            if i < star {
                self.load_const(Constant::Int(BigInt::from(i)));
            } else {
                self.addop(GET_LEN);
                self.load_const(Constant::Int(BigInt::from(size - i)));
                self.addop_i(BINARY_OP, nb::SUBTRACT as i32);
            }
            self.addop(BINARY_SUBSCR);
            self.compiler_pattern_subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.addop(POP_TOP);
        Ok(())
    }

    /// Mirrors `compiler_pattern_subpattern`.
    fn compiler_pattern_subpattern(
        &mut self,
        p: &'a ast::Pattern,
        pc: &mut PatternContext,
    ) -> CResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.compiler_pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    /// Mirrors `compiler_pattern`.
    fn compiler_pattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternContext) -> CResult {
        self.enter_recursion()?;
        self.set_loc(p.range());
        let r = match p {
            ast::Pattern::MatchValue(v) => self.compiler_pattern_value(v, pc),
            ast::Pattern::MatchSingleton(s) => {
                self.load_const(const_from_ast(&s.value, None));
                self.addop_i(IS_OP, 0);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
                Ok(())
            }
            ast::Pattern::MatchSequence(s) => self.compiler_pattern_sequence(&s.patterns, pc),
            ast::Pattern::MatchMapping(m) => self.compiler_pattern_mapping(m, pc),
            ast::Pattern::MatchClass(c) => self.compiler_pattern_class(p, c, pc),
            ast::Pattern::MatchStar(s) => self.pattern_helper_store_name(s.name.as_deref(), pc),
            ast::Pattern::MatchAs(a) => self.compiler_pattern_as(a, pc),
            ast::Pattern::MatchOr(o) => self.compiler_pattern_or(o, pc),
        };
        self.depth -= 1;
        r
    }

    /// Mirrors `compiler_pattern_value`.
    fn compiler_pattern_value(
        &mut self,
        v: &'a ast::PatternMatchValue,
        pc: &mut PatternContext,
    ) -> CResult {
        if !matches!(&*v.value, ast::Expr::Constant(_) | ast::Expr::Attribute(_)) {
            return Err(self.error("patterns may only match literals and attribute lookups"));
        }
        self.visit_expr(&v.value)?;
        self.addop_i(COMPARE_OP, 2);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        Ok(())
    }

    /// Mirrors `compiler_pattern_as`.
    fn compiler_pattern_as(
        &mut self,
        a: &'a ast::PatternMatchAs,
        pc: &mut PatternContext,
    ) -> CResult {
        let Some(pattern) = &a.pattern else {
            if !pc.allow_irrefutable {
                if let Some(n) = &a.name {
                    return Err(self.error(&format!(
                        "name capture {} makes remaining patterns unreachable",
                        repr_name(n)
                    )));
                }
                return Err(self.error("wildcard makes remaining patterns unreachable"));
            }
            return self.pattern_helper_store_name(a.name.as_deref(), pc);
        };
        pc.on_top += 1;
        self.addop_i(COPY, 1);
        self.compiler_pattern(pattern, pc)?;
        pc.on_top -= 1;
        self.pattern_helper_store_name(a.name.as_deref(), pc)
    }

    /// Mirrors `compiler_pattern_sequence`.
    fn compiler_pattern_sequence(
        &mut self,
        patterns: &'a [ast::Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let ast::Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = wildcard_star_check(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= wildcard_check(p);
        }
        pc.on_top += 1;
        self.addop(MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        match star {
            None => {
                self.addop(GET_LEN);
                self.load_const(Constant::Int(BigInt::from(size)));
                self.addop_i(COMPARE_OP, 2);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.addop(GET_LEN);
                self.load_const(Constant::Int(BigInt::from(size - 1)));
                self.addop_i(COMPARE_OP, 5);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.addop(POP_TOP);
        } else if star_wildcard {
            self.pattern_helper_sequence_subscr(patterns, star.unwrap_or(0), pc)?;
        } else {
            self.pattern_helper_sequence_unpack(patterns, pc)?;
        }
        Ok(())
    }

    /// Mirrors `compiler_pattern_mapping`.
    fn compiler_pattern_mapping(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = m.keys.len();
        pc.on_top += 1;
        self.addop(MATCH_MAPPING);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.addop(POP_TOP);
            return Ok(());
        }
        if size > 0 {
            self.addop(GET_LEN);
            self.load_const(Constant::Int(BigInt::from(size)));
            self.addop_i(COMPARE_OP, 5);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in &m.keys {
            match key {
                ast::Expr::Constant(c) => {
                    let v = expr_const(c);
                    if seen.iter().any(|s| const_equal(s, &v)) {
                        return Err(self.error(&format!(
                            "mapping pattern checks duplicate key ({})",
                            crate::ast_unparse::constant_repr(&c.value)
                        )));
                    }
                    seen.push(v);
                }
                ast::Expr::Attribute(_) => {}
                _ => {
                    return Err(self.error(
                        "mapping pattern keys may only match literals and attribute lookups",
                    ))
                }
            }
            self.visit_expr(key)?;
        }
        self.addop_i(BUILD_TUPLE, size as i32);
        self.addop(MATCH_KEYS);
        pc.on_top += 2;
        self.addop_i(COPY, 1);
        self.load_none();
        self.addop_i(IS_OP, 1);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.addop_i(UNPACK_SEQUENCE, size as i32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.compiler_pattern_subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            self.addop_i(BUILD_MAP, 0);
            self.addop_i(SWAP, 3);
            self.addop_i(DICT_UPDATE, 2);
            self.addop_i(UNPACK_SEQUENCE, size as i32);
            let mut n = size;
            while n > 0 {
                self.addop_i(COPY, 1 + n as i32);
                n -= 1;
                self.addop_i(SWAP, 2);
                self.addop(DELETE_SUBSCR);
            }
            self.pattern_helper_store_name(Some(rest), pc)?;
        } else {
            self.addop(POP_TOP);
            self.addop(POP_TOP);
        }
        Ok(())
    }

    /// Mirrors `compiler_pattern_class`.
    fn compiler_pattern_class(
        &mut self,
        p: &'a ast::Pattern,
        c: &'a ast::PatternMatchClass,
        pc: &mut PatternContext,
    ) -> CResult {
        let nargs = c.patterns.len();
        let nattrs = c.kwd_attrs.len();
        if nattrs > 0 {
            for (i, attr) in c.kwd_attrs.iter().enumerate() {
                self.set_loc(c.kwd_patterns[i].range());
                self.forbidden_name(attr, Ctx::Store)?;
                for (j, other) in c.kwd_attrs.iter().enumerate().skip(i + 1) {
                    if other == attr {
                        self.set_loc(c.kwd_patterns[j].range());
                        return Err(self
                            .error(&format!("attribute name repeated in class pattern: {attr}")));
                    }
                }
            }
            self.set_loc(p.range());
        }
        self.visit_expr(&c.cls)?;
        let names: Vec<Constant> = c
            .kwd_attrs
            .iter()
            .map(|a| Constant::Str(a.to_string()))
            .collect();
        self.load_const(Constant::Tuple(names));
        self.addop_i(MATCH_CLASS, nargs as i32);
        self.addop_i(COPY, 1);
        self.load_none();
        self.addop_i(IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.addop_i(UNPACK_SEQUENCE, (nargs + nattrs) as i32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for sub in c.patterns.iter().chain(&c.kwd_patterns) {
            pc.on_top -= 1;
            if wildcard_check(sub) {
                self.addop(POP_TOP);
                continue;
            }
            self.compiler_pattern_subpattern(sub, pc)?;
        }
        Ok(())
    }

    /// Mirrors `compiler_pattern_or`.
    fn compiler_pattern_or(
        &mut self,
        o: &'a ast::PatternMatchOr,
        pc: &mut PatternContext,
    ) -> CResult {
        let end = self.new_block();
        let size = o.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.addop_i(COPY, 1);
            self.compiler_pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self.error("alternative patterns bind different names"))
                }
                Some(ctl) if nstores > 0 => {
                    let ctl = ctl.clone();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.pattern_helper_rotate(icontrol + 1);
                            }
                        }
                    }
                }
                Some(_) => {}
            }
            self.addop_j(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        self.addop(POP_TOP);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_helper_rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(&format!(
                    "multiple assignments to name {} in pattern",
                    repr_name(&name)
                )));
            }
            pc.stores.push(name);
        }
        self.addop(POP_TOP);
        Ok(())
    }
}

/// Equality of constants as Python's `==` sees it, for duplicate mapping keys.
fn const_equal(a: &Constant, b: &Constant) -> bool {
    use num_traits::ToPrimitive;
    let num = |c: &Constant| -> Option<(f64, f64, Option<BigInt>)> {
        match c {
            Constant::Bool(x) => Some((*x as u8 as f64, 0.0, Some(BigInt::from(*x as u8)))),
            Constant::Int(i) => Some((i.to_f64().unwrap_or(f64::NAN), 0.0, Some(i.clone()))),
            Constant::Float(f) => Some((*f, 0.0, None)),
            Constant::Complex { real, imag } => Some((*real, *imag, None)),
            _ => None,
        }
    };
    match (num(a), num(b)) {
        (Some((_, _, Some(x))), Some((_, _, Some(y)))) => x == y,
        (Some((ar, ai, _)), Some((br, bi, _))) => ar == br && ai == bi,
        _ => match (a, b) {
            (Constant::Str(x), Constant::Str(y)) => x == y,
            (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
            (Constant::None, Constant::None) => true,
            _ => a.same_key(b),
        },
    }
}

/// Mirrors `infer_type`: the type name of what an expression evaluates to, when
/// its kind alone tells.
fn infer_type(e: &ast::Expr) -> Option<&'static str> {
    Some(match e {
        ast::Expr::Tuple(_) => "tuple",
        ast::Expr::List(_) | ast::Expr::ListComp(_) => "list",
        ast::Expr::Dict(_) | ast::Expr::DictComp(_) => "dict",
        ast::Expr::Set(_) | ast::Expr::SetComp(_) => "set",
        ast::Expr::GeneratorExp(_) => "generator",
        ast::Expr::Lambda(_) => "function",
        ast::Expr::JoinedStr(_) | ast::Expr::FormattedValue(_) => "str",
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::None => "NoneType",
            ast::Constant::Bool(_) => "bool",
            ast::Constant::Str(_) => "str",
            ast::Constant::Bytes(_) => "bytes",
            ast::Constant::Int(_) => "int",
            ast::Constant::Tuple(_) => "tuple",
            ast::Constant::Float(_) => "float",
            ast::Constant::Complex { .. } => "complex",
            ast::Constant::Ellipsis => "ellipsis",
        },
        _ => return None,
    })
}
