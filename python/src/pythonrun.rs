//! Running programs and reporting their uncaught exceptions. Mirrors Python/pythonrun.c
//! (CPython 3.11): compiling and running a file, a `-c` string or a `-m` module in
//! `__main__`, `PyErr_Print` (with `SystemExit` handling and `sys.excepthook`) and
//! `PyErr_Display` (chained exceptions, the `SyntaxError` layout, suggestions, notes).

use include::code::PyCodeObject;

use objects::dictobject::*;
use objects::exceptions::*;
use objects::object::*;
use objects::prelude::*;
use objects::tupleobject::PyTuple_New;
use objects::unicodeobject::{as_str_lossy, PyUnicodeObject, PyUnicode_FromString};

use crate::compile::{CompileError, ErrorKind, Mode};

/// The `SyntaxError` (or `IndentationError`, `TabError`...) for a compile error.
pub fn compile_error_to_exception(e: &CompileError, filename: &str) -> PyErr {
    let tp: &PyTypeObject = match e.kind {
        ErrorKind::SyntaxError => &PyExc_SyntaxError,
        ErrorKind::IndentationError => &PyExc_IndentationError,
        ErrorKind::TabError => &PyExc_TabError,
        ErrorKind::MemoryError => return PyErr_NoMemory(),
        ErrorKind::RecursionError => &PyExc_RecursionError,
    };
    if !objects::typeobject::PyType_IsSubtype(tp, &PyExc_SyntaxError) {
        return PyErr_SetString(tp, &e.msg);
    }
    let opt_int = |v: i32| objects::longobject::PyLong_FromLong(v as i64);
    let text = match &e.text {
        Some(t) => PyUnicode_FromString(t),
        None => none(),
    };
    let details = PyTuple_New(vec![
        PyUnicode_FromString(filename),
        opt_int(e.lineno),
        opt_int(e.offset),
        text,
        opt_int(e.end_lineno),
        opt_int(e.end_offset),
    ])
    .into_object();
    PyErr_FromArgs(tp, &[PyUnicode_FromString(&e.msg), details])
}

/// Compile source text to a code object (`Py_CompileStringObject`).
pub fn compile_source(
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: i32,
) -> PyResult<PyRef<PyCodeObject>> {
    compile_source_flags(source, filename, mode, Default::default(), optimize)
}

/// `compile_source` with `compile()`'s flags.
pub fn compile_source_flags(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: crate::compile::PyCompilerFlags,
    optimize: i32,
) -> PyResult<PyRef<PyCodeObject>> {
    // -1 means "the interpreter's own level", resolved before the AST optimiser
    // folds `__debug__` and the compiler drops asserts (`compiler_setup`).
    let optimize = if optimize < 0 {
        crate::sysmodule::optimization_level()
    } else {
        optimize
    };
    match crate::compile::compile_flags(source, filename, mode, flags, optimize) {
        Ok(unit) => crate::makecode::make_code(&unit),
        Err(e) => Err(compile_error_to_exception(&e, filename)),
    }
}

/// The `__main__` module's namespace, made at start-up (`add_main_module`).
pub fn main_dict() -> PyResult<PyRef<PyDictObject>> {
    let modules = crate::import::modules_dict()?;
    match PyDict_GetItemWithError(&modules, objects::intern!("__main__"))? {
        Some(m) => match m.downcast_ref::<objects::moduleobject::PyModuleObject>() {
            Some(m) => Ok(PyRef::from_borrowed(m.dict())),
            None => Err(runtime_error("__main__ is not a module")),
        },
        None => Err(runtime_error("can't find __main__ module")),
    }
}

/// The start of `_PyRun_SimpleFileObject`: `__main__.__file__` (unless already set)
/// and `__cached__`, then `__loader__`, a `SourceFileLoader` for the file
/// (`set_main_loader`), except when the program comes from stdin.
fn set_main_file(d: &PyDictObject, filename: &str) -> PyResult<()> {
    if !PyDict_Contains(d, objects::intern!("__file__"))? {
        PyDict_SetItem(
            d,
            objects::intern!("__file__"),
            &PyUnicode_FromString(filename),
        )?;
        PyDict_SetItem(d, objects::intern!("__cached__"), Py_None())?;
    }
    if filename != "<stdin>" {
        let loader_type = crate::import::source_file_loader()?;
        let loader = objects::call::PyObject_Vectorcall(
            &loader_type,
            &[
                PyUnicode_FromString("__main__"),
                PyUnicode_FromString(filename),
            ],
            None,
        )?;
        PyDict_SetItem(d, objects::intern!("__loader__"), &loader)?;
    }
    Ok(())
}

/// The end of `_PyRun_SimpleFileObject`, once an uncaught exception has been
/// reported: `__main__.__file__` and `__cached__` are removed again, so `atexit`
/// handlers and `-i` no longer see them.
pub fn forget_main_file() {
    if let Ok(d) = main_dict() {
        for k in ["__file__", "__cached__"] {
            // A key already gone is no error here, as in CPython.
            let _ = PyDict_DelItem(&d, &PyUnicode_FromString(k));
        }
    }
}

/// Run `source` as the `__main__` module from `filename` (`pyrun_file`).
pub fn run_main_source(source: &str, filename: &str, set_file: bool) -> PyResult {
    let d = main_dict()?;
    if set_file {
        set_main_file(&d, filename)?;
    }
    let code = compile_source(source, filename, Mode::Exec, -1)?;
    crate::ceval::PyEval_EvalCode(code, d.as_object(), d.as_object())
}

/// Run a file as `__main__` (`_PyRun_SimpleFileObject`).
pub fn run_file(path: &str) -> PyResult {
    let bytes = std::fs::read(path).map_err(|e| {
        let err = objects::pyerrors::os_error_from_io(&e);
        let _ = PyObject_SetAttr(
            err.value(),
            objects::intern!("filename"),
            Some(&PyUnicode_FromString(path)),
        );
        err
    })?;
    let abs = std::fs::canonicalize(path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.to_string());
    let result = run_main_file(&bytes, &abs);
    flush_io();
    result
}

/// Run a file's contents as the `__main__` module (`pyrun_file`): compiled as a
/// file (`_PyParser_ASTFromFile`).
fn run_main_file(source: &[u8], filename: &str) -> PyResult {
    let d = main_dict()?;
    set_main_file(&d, filename)?;
    let optimize = crate::sysmodule::optimization_level();
    let code = match crate::compile::compile_file(source, filename, optimize) {
        Ok(unit) => crate::makecode::make_code(&unit)?,
        Err(e) => return Err(compile_error_to_exception(&e, filename)),
    };
    crate::ceval::PyEval_EvalCode(code, d.as_object(), d.as_object())
}

/// Compile source given as bytes to a code object (`Py_CompileStringObject` with
/// bytes: the tokenizer decodes it, from a BOM or a coding cookie).
pub fn compile_source_bytes(
    source: &[u8],
    filename: &str,
    mode: Mode,
    optimize: i32,
) -> PyResult<PyRef<PyCodeObject>> {
    compile_source_bytes_flags(source, filename, mode, Default::default(), optimize)
}

/// `compile_source_bytes` with `compile()`'s flags.
pub fn compile_source_bytes_flags(
    source: &[u8],
    filename: &str,
    mode: Mode,
    flags: crate::compile::PyCompilerFlags,
    optimize: i32,
) -> PyResult<PyRef<PyCodeObject>> {
    let optimize = if optimize < 0 {
        crate::sysmodule::optimization_level()
    } else {
        optimize
    };
    match crate::compile::compile_bytes_flags(source, filename, mode, flags, optimize) {
        Ok(unit) => crate::makecode::make_code(&unit),
        Err(e) => Err(compile_error_to_exception(&e, filename)),
    }
}

/// `flush_io`: flush `sys.stderr` and `sys.stdout` after a script ran (a file or
/// stdin, not `-c` or `-m`), so that its buffered output comes before the traceback
/// of an uncaught exception, as in CPython. Errors are ignored.
pub fn flush_io() {
    for name in ["stderr", "stdout"] {
        if let Some(f) = crate::sysmodule::PySys_GetObject(name).filter(|f| !f.is(Py_None())) {
            let _ = objects::call::PyObject_CallMethod(&f, objects::intern!("flush"), &[]);
        }
    }
}

/// Run `-c` code (`PyRun_SimpleStringFlags`).
pub fn run_command(command: &str) -> PyResult {
    run_main_source(command, "<string>", false)
}

/// Run `-m module` (`runpy._run_module_as_main`).
pub fn run_module(name: &str) -> PyResult {
    let (spec, code) = match crate::import::find_main_module(name)? {
        Ok(found) => found,
        Err(msg) => {
            // `_run_module_as_main`: `sys.exit("%s: %s" % (sys.executable, exc))`.
            let exe = crate::sysmodule::PySys_GetObject("executable")
                .and_then(|e| PyObject_Str(&e).ok())
                .map(|e| as_str_lossy(&e).into_owned())
                .unwrap_or_default();
            return Err(objects::pyerrors::PyErr_FromArgs(
                &objects::exceptions::PyExc_SystemExit,
                &[objects::unicodeobject::PyUnicode_FromString(&format!(
                    "{exe}: {msg}"
                ))],
            ));
        }
    };
    let origin = PyObject_GetAttr(&spec, objects::intern!("origin"))?;
    if let Some(argv) = crate::sysmodule::PySys_GetObject("argv") {
        objects::r#abstract::PyObject_SetItem(
            &argv,
            &objects::longobject::PyLong_FromLong(0),
            &origin,
        )?;
    }
    let d = main_dict()?;
    crate::import::set_main_attrs(d.as_object(), &spec)?;
    crate::ceval::PyEval_EvalCode(code, d.as_object(), d.as_object())
}

// --- Reporting -------------------------------------------------------------------------

/// The exit status for an uncaught `SystemExit` (`_Py_HandleSystemExit`), printing
/// a non-integer code to stderr as CPython does.
pub fn handle_system_exit(value: &PyObject) -> i32 {
    let code = match _PyObject_LookupAttr(value, objects::intern!("code")) {
        Ok(Some(c)) => c,
        _ => value.to_owned(),
    };
    if code.is(Py_None()) {
        return 0;
    }
    if let Some(l) = code.downcast_ref::<objects::longobject::PyLongObject>() {
        return match l.as_i64() {
            Some(v) => v as i32,
            None => -1,
        };
    }
    let text = match PyObject_Str(&code) {
        Ok(s) => as_str_lossy(&s).into_owned(),
        Err(_) => String::new(),
    };
    let _ = crate::sysmodule::flush_std_files();
    crate::sysmodule::write_stderr(&format!("{text}\n"));
    1
}

/// `PyErr_Print` for an uncaught exception. Returns the process exit status.
pub fn PyErr_Print(err: PyErr) -> i32 {
    let value = err.into_value();
    if PyErr_GivenExceptionMatches(&value, PyExc_SystemExit.as_object()) {
        return handle_system_exit(&value);
    }
    let tp = value.ob_type().as_object().to_owned();
    let tb = exc_traceback(&value).unwrap_or_else(none);
    let _ = crate::sysmodule::PySys_SetObject("last_type", &tp);
    let _ = crate::sysmodule::PySys_SetObject("last_value", &value);
    let _ = crate::sysmodule::PySys_SetObject("last_traceback", &tb);
    match crate::sysmodule::PySys_GetObject("excepthook") {
        Some(hook) if !hook.is(Py_None()) => {
            if let Err(e) =
                objects::call::PyObject_Vectorcall(&hook, &[tp, value.clone(), tb], None)
            {
                let hv = e.into_value();
                if PyErr_GivenExceptionMatches(&hv, PyExc_SystemExit.as_object()) {
                    return handle_system_exit(&hv);
                }
                let mut out = String::from("Error in sys.excepthook:\n");
                PyErr_Display(&hv, &mut out);
                out.push_str("\nOriginal exception was:\n");
                PyErr_Display(&value, &mut out);
                crate::sysmodule::write_stderr(&out);
            }
        }
        _ => {
            let mut out = String::from("sys.excepthook is missing\n");
            PyErr_Display(&value, &mut out);
            crate::sysmodule::write_stderr(&out);
        }
    }
    1
}

/// The exception's type name as printed: `module.Qualname` unless the module is
/// `builtins` or `__main__`.
fn exception_type_name(value: &PyObject) -> String {
    let tp = value.ob_type();
    let qualname = objects::typeobject::type_qualname(tp).unwrap_or_else(|_| tp.name().to_string());
    match objects::typeobject::type_module_name(tp) {
        Ok(Some(m)) if m != "builtins" && m != "__main__" => format!("{m}.{qualname}"),
        Ok(Some(_)) => qualname,
        _ => format!("<unknown>{qualname}"),
    }
}

/// `print_error_text`: a `SyntaxError`'s source line and caret line.
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let caret_repetitions = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut t = text;
    while let Some(rest) = t.strip_prefix([' ', '\t', '\x0c']) {
        t = rest;
        offset -= 1;
    }
    let mut len = t.len() as i64;
    if t.ends_with('\n') {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    // Skip past embedded newlines before the offset.
    while let Some(nl) = t.find('\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        t = &t[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(t);
    if !t.ends_with('\n') {
        out.push('\n');
    }
    let _ = len;
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    for _ in 0..offset {
        out.push(' ');
    }
    for _ in 0..caret_repetitions {
        out.push('^');
    }
    out.push('\n');
}

fn attr_int(obj: &PyObject, name: &PyObject) -> Option<i64> {
    let v = _PyObject_LookupAttr(obj, name).ok().flatten()?;
    v.downcast_ref::<objects::longobject::PyLongObject>()?
        .as_i64()
}

/// How far an exception group display may go before it is cut short
/// (`max_group_width`, `max_group_depth` of `exception_print_context`).
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// `struct exception_print_context`: the state of one `PyErr_Display`, shared by the
/// recursion through chained exceptions and exception groups.
struct PrintContext {
    /// The exceptions already shown, so that a cycle of causes or contexts ends.
    seen: Vec<usize>,
    /// How many exception groups enclose the exception being printed; each level
    /// indents the display by two columns and draws a `| ` margin.
    exception_group_depth: usize,
    /// Whether the last sub-exception of a group still owes the closing rule.
    need_close: bool,
}

impl PrintContext {
    /// `EXC_MARGIN`.
    fn margin(&self) -> &'static str {
        if self.exception_group_depth > 0 {
            "| "
        } else {
            ""
        }
    }

    /// `EXC_INDENT`.
    fn indent(&self) -> usize {
        2 * self.exception_group_depth
    }

    /// `write_indented_margin`.
    fn write_margin(&self, out: &mut String) {
        push_indent(out, self.indent());
        out.push_str(self.margin());
    }
}

fn push_indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// `print_exception`: one exception with its traceback, message and notes.
fn print_exception(ctx: &mut PrintContext, value: &PyObject, out: &mut String) {
    if let Some(tb) = exc_traceback(value) {
        let is_group = is_exception_group(value);
        let header = if is_group {
            "Exception Group Traceback (most recent call last):\n"
        } else {
            "Traceback (most recent call last):\n"
        };
        // The outermost group's header opens the frame that its sub-exceptions hang
        // from.
        let header_margin = if is_group && ctx.exception_group_depth == 1 {
            "+ "
        } else {
            ctx.margin()
        };
        crate::traceback::PyTraceBack_Print_Indented(
            &tb,
            ctx.indent(),
            ctx.margin(),
            header_margin,
            header,
            out,
        );
    }
    let mut message: Option<PyObjectRef> = None;
    let is_syntax = _PyObject_LookupAttr(value, objects::intern!("print_file_and_line"))
        .ok()
        .flatten()
        .is_some();
    if is_syntax {
        let filename = _PyObject_LookupAttr(value, objects::intern!("filename"))
            .ok()
            .flatten()
            .filter(|f| !f.is(Py_None()))
            // Any filename prints as its str(): b'x' for bytes.
            .map(|f| match objects::object::PyObject_Str(&f) {
                Ok(s) => as_str_lossy(&s).into_owned(),
                Err(_) => as_str_lossy(&f).into_owned(),
            })
            .unwrap_or_else(|| "<string>".into());
        let lineno = attr_int(value, objects::intern!("lineno")).unwrap_or(0);
        ctx.write_margin(out);
        out.push_str(&format!("  File \"{filename}\", line {lineno}\n"));
        let text = _PyObject_LookupAttr(value, objects::intern!("text"))
            .ok()
            .flatten();
        if let Some(text) = text.filter(|t| PyUnicodeObject::check(t)) {
            let text = as_str_lossy(&text).into_owned();
            let offset = attr_int(value, objects::intern!("offset")).unwrap_or(-1);
            // `parse_syntax_error` reads the end position only from an exact
            // SyntaxError: subclasses (IndentationError, TabError, user classes)
            // get a single caret.
            let exact = std::ptr::eq(value.ob_type(), &PyExc_SyntaxError);
            let (end_lineno, mut end_offset) = if exact {
                (
                    attr_int(value, objects::intern!("end_lineno")).unwrap_or(lineno),
                    attr_int(value, objects::intern!("end_offset")).unwrap_or(-1),
                )
            } else {
                (lineno, -1)
            };
            let line_size = text.len() as i64;
            if end_lineno > lineno {
                end_offset = line_size;
            }
            if end_offset > line_size + 1 {
                end_offset = line_size + 1;
            }
            // CPython writes the source and caret lines without the group margin.
            print_error_text(out, offset, end_offset, &text);
        }
        message = _PyObject_LookupAttr(value, objects::intern!("msg"))
            .ok()
            .flatten();
    }
    ctx.write_margin(out);
    out.push_str(&exception_type_name(value));
    let shown = message.unwrap_or_else(|| value.to_owned());
    if !shown.is(Py_None()) {
        match PyObject_Str(&shown) {
            Ok(s) => {
                let s = as_str_lossy(&s).into_owned();
                if !s.is_empty() {
                    out.push_str(": ");
                    out.push_str(&s);
                }
            }
            Err(_) => out.push_str(": <exception str() failed>"),
        }
    }
    if let Some(s) = crate::suggestions::_Py_Offer_Suggestions(value) {
        out.push_str(". Did you mean: '");
        out.push_str(&as_str_lossy(&s));
        out.push_str("'?");
    }
    out.push('\n');
    print_exception_notes(ctx, value, out);
}

/// `print_exception_notes`: PEP 678 notes, one margin per line of each note.
fn print_exception_notes(ctx: &PrintContext, value: &PyObject, out: &mut String) {
    let Ok(Some(notes)) = _PyObject_LookupAttr(value, objects::intern!("__notes__")) else {
        return;
    };
    match objects::r#abstract::PySequence_Fast(&notes, "") {
        Ok(items) if !PyUnicodeObject::check(&notes) => {
            for n in items {
                let s = if PyUnicodeObject::check(&n) {
                    PyObject_Str(&n)
                } else {
                    PyObject_Repr(&n)
                };
                match s {
                    Ok(s) => {
                        for line in splitlines_keepends(&as_str_lossy(&s)) {
                            ctx.write_margin(out);
                            out.push_str(line);
                        }
                    }
                    Err(_) => out.push_str("<note str() failed>"),
                }
                out.push('\n');
            }
        }
        _ => {
            ctx.write_margin(out);
            match PyObject_Repr(&notes) {
                Ok(r) => out.push_str(&as_str_lossy(&r)),
                Err(_) => out.push_str("<__notes__ repr() failed>"),
            }
            out.push('\n');
        }
    }
}

/// `str.splitlines(keepends=True)`: the pieces of `s`, split after each of the line
/// boundaries `str.splitlines` knows.
fn splitlines_keepends(s: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\r' => match chars.peek() {
                Some(&(j, '\n')) => {
                    chars.next();
                    j + 1
                }
                _ => i + 1,
            },
            '\n' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}'
            | '\u{2029}' => i + c.len_utf8(),
            _ => continue,
        };
        lines.push(&s[start..end]);
        start = end;
    }
    if start < s.len() {
        lines.push(&s[start..]);
    }
    lines
}

fn is_exception_group(value: &PyObject) -> bool {
    objects::typeobject::PyObject_TypeCheck(value, &PyExc_BaseExceptionGroup)
}

/// `print_chained`: an earlier exception of the chain, then the sentence that links
/// it to the next one.
fn print_chained(ctx: &mut PrintContext, value: &PyObject, message: &str, out: &mut String) {
    let need_close = ctx.need_close;
    print_exception_recursive(ctx, value, out);
    ctx.need_close = need_close;
    ctx.write_margin(out);
    out.push('\n');
    ctx.write_margin(out);
    out.push_str(message);
    ctx.write_margin(out);
    out.push('\n');
}

/// `print_exception_recursive`: the chain of causes and contexts, then the exception.
fn print_exception_recursive(ctx: &mut PrintContext, value: &PyObject, out: &mut String) {
    // Causes, contexts and groups are user-built object graphs: a deep one raises
    // RecursionError in CPython, and here it stops the display instead of
    // exhausting the native stack.
    let Ok(_guard) = objects::object::Py_EnterRecursiveCall(" in print_exception_recursive") else {
        return;
    };
    ctx.seen.push(value.as_ptr() as usize);
    let cause = exc_cause(value);
    let context = exc_context(value);
    if let Some(c) = cause.filter(|c| !c.is(Py_None())) {
        if !ctx.seen.contains(&(c.as_ptr() as usize)) {
            print_chained(
                ctx,
                &c,
                "The above exception was the direct cause of the following exception:\n",
                out,
            );
        }
    } else if let Some(c) = context.filter(|c| !c.is(Py_None())) {
        if !exc_suppress_context(value) && !ctx.seen.contains(&(c.as_ptr() as usize)) {
            print_chained(
                ctx,
                &c,
                "During handling of the above exception, another exception occurred:\n",
                out,
            );
        }
    }
    if is_exception_group(value) {
        print_exception_group(ctx, value, out);
    } else {
        print_exception(ctx, value, out);
    }
}

/// `print_exception_group`: the group itself, then each sub-exception in a frame of
/// `+---- n ----` rules, nested groups one level further in.
fn print_exception_group(ctx: &mut PrintContext, value: &PyObject, out: &mut String) {
    if ctx.exception_group_depth > MAX_GROUP_DEPTH {
        ctx.write_margin(out);
        out.push_str(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
        return;
    }
    if ctx.exception_group_depth == 0 {
        ctx.exception_group_depth += 1;
    }
    print_exception(ctx, value, out);
    let excs = match _PyObject_LookupAttr(value, objects::intern!("exceptions")) {
        Ok(Some(e)) => objects::r#abstract::PySequence_Fast(&e, "").unwrap_or_default(),
        _ => Vec::new(),
    };
    let num_excs = excs.len();
    let n = if num_excs <= MAX_GROUP_WIDTH {
        num_excs
    } else {
        MAX_GROUP_WIDTH + 1
    };
    ctx.need_close = false;
    for (i, exc) in excs.iter().take(n).enumerate() {
        let last_exc = i == n - 1;
        if last_exc {
            // A nested group printed below may draw the closing rule itself.
            ctx.need_close = true;
        }
        push_indent(out, ctx.indent());
        let opener = if i == 0 { "+-" } else { "  " };
        let truncated = i >= MAX_GROUP_WIDTH;
        if truncated {
            out.push_str(&format!("{opener}+---------------- ... ----------------\n"));
        } else {
            out.push_str(&format!(
                "{opener}+---------------- {} ----------------\n",
                i + 1
            ));
        }
        ctx.exception_group_depth += 1;
        if truncated {
            let remaining = num_excs - MAX_GROUP_WIDTH;
            ctx.write_margin(out);
            out.push_str(&format!(
                "and {remaining} more exception{}\n",
                if remaining > 1 { "s" } else { "" }
            ));
        } else {
            print_exception_recursive(ctx, exc, out);
        }
        if last_exc && ctx.need_close {
            push_indent(out, ctx.indent());
            out.push_str("+------------------------------------\n");
            ctx.need_close = false;
        }
        ctx.exception_group_depth -= 1;
    }
    if ctx.exception_group_depth == 1 {
        ctx.exception_group_depth -= 1;
    }
}

/// `PyErr_Display`: append the report of an exception (and its chain) to `out`.
pub fn PyErr_Display(value: &PyObject, out: &mut String) {
    if !PyExceptionInstance_Check(value) {
        out.push_str("TypeError: print_exception(): Exception expected for value, ");
        out.push_str(value.ob_type().name());
        out.push_str(" found\n");
        return;
    }
    let mut ctx = PrintContext {
        seen: Vec::new(),
        exception_group_depth: 0,
        need_close: false,
    };
    print_exception_recursive(&mut ctx, value, out);
}

/// `write_unraisable_exc_file`: the report of `sys.unraisablehook`. Unlike an
/// uncaught exception's, it shows neither chained exceptions nor notes: the
/// "Exception ignored in" line, the traceback, then `Type: str(value)`.
pub fn format_unraisable(
    exc_type: Option<&PyObject>,
    exc_value: Option<&PyObject>,
    exc_tb: Option<&PyObject>,
    err_msg: Option<&PyObject>,
    obj: Option<&PyObject>,
    out: &mut String,
) {
    let text = |o: &PyObject| PyObject_Str(o).map(|s| as_str_lossy(&s).into_owned());
    let err_msg = err_msg.filter(|m| !m.is(Py_None()));
    match obj.filter(|o| !o.is(Py_None())) {
        Some(o) => {
            match err_msg.map(text) {
                Some(Ok(m)) => {
                    out.push_str(&m);
                    out.push_str(": ");
                }
                _ => out.push_str("Exception ignored in: "),
            }
            match PyObject_Repr(o) {
                Ok(r) => out.push_str(&as_str_lossy(&r)),
                Err(_) => out.push_str("<object repr() failed>"),
            }
            out.push('\n');
        }
        None => {
            if let Some(Ok(m)) = err_msg.map(text) {
                out.push_str(&m);
                out.push_str(":\n");
            }
        }
    }
    if let Some(tb) = exc_tb.filter(|t| !t.is(Py_None())) {
        crate::traceback::PyTraceBack_Print(tb, out);
    }
    let Some(tp) = exc_type
        .filter(|t| !t.is(Py_None()))
        .and_then(objects::typeobject::as_type)
    else {
        return;
    };
    let qualname = objects::typeobject::type_qualname(tp).unwrap_or_else(|_| tp.name().to_string());
    match objects::typeobject::type_module_name(tp) {
        Ok(Some(m)) if m != "builtins" && m != "__main__" => {
            out.push_str(&m);
            out.push('.');
        }
        Ok(Some(_)) => {}
        _ => out.push_str("<unknown>"),
    }
    out.push_str(&qualname);
    if let Some(v) = exc_value.filter(|v| !v.is(Py_None())) {
        out.push_str(": ");
        match text(v) {
            Ok(t) => out.push_str(&t),
            Err(_) => out.push_str("<exception str() failed>"),
        }
    }
    out.push('\n');
}

static UNRAISABLE_HOOK_ARGS_DESC: objects::structseq::PyStructSequence_Desc =
    objects::structseq::PyStructSequence_Desc {
        name: "UnraisableHookArgs",
        doc: "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
        fields: &[
            "exc_type",
            "exc_value",
            "exc_traceback",
            "err_msg",
            "object",
        ],
        n_in_sequence: 5,
    };

static UNRAISABLE_HOOK_ARGS_TYPE: include::object::GlobalCell<Option<&'static PyTypeObject>> =
    include::object::GlobalCell::new(None);

/// `make_unraisable_hook_args`: the `UnraisableHookArgs` passed to
/// `sys.unraisablehook` (None for a missing field).
fn make_unraisable_hook_args(
    exc_type: &PyObject,
    exc_value: &PyObject,
    exc_tb: Option<&PyObject>,
    err_msg: Option<&PyObject>,
    obj: Option<&PyObject>,
) -> PyResult {
    // SAFETY: set once on first use by the interpreter's thread.
    let tp = match unsafe { UNRAISABLE_HOOK_ARGS_TYPE.get_ref() } {
        Some(tp) => *tp,
        None => {
            let tp = objects::structseq::PyStructSequence_NewType(&UNRAISABLE_HOOK_ARGS_DESC)?;
            // SAFETY: as above; no borrow is live.
            unsafe { *UNRAISABLE_HOOK_ARGS_TYPE.get_mut() = Some(tp) };
            tp
        }
    };
    let or_none = |o: Option<&PyObject>| o.map_or_else(none, |o| o.to_owned());
    objects::structseq::PyStructSequence_New(
        tp,
        vec![
            exc_type.to_owned(),
            exc_value.to_owned(),
            or_none(exc_tb),
            or_none(err_msg),
            or_none(obj),
        ],
    )
}

/// `write_unraisable_exc`: the default hook's output, on `sys.stderr` (nothing if
/// it is None or missing).
fn write_unraisable_exc(
    value: &PyObject,
    tb: Option<&PyObject>,
    err_msg: Option<&PyObject>,
    obj: Option<&PyObject>,
) {
    let mut out = String::new();
    format_unraisable(
        Some(value.ob_type().as_object()),
        Some(value),
        tb,
        err_msg,
        obj,
        &mut out,
    );
    let _ = crate::sysmodule::write_to("stderr", &out);
}

/// Report an exception nobody can catch (`PyErr_WriteUnraisable`): see
/// [`write_unraisable_msg`].
pub fn write_unraisable(err: PyErr, obj: Option<&PyObject>) {
    write_unraisable_msg(err, None, obj);
}

/// `_PyErr_WriteUnraisableMsg`: pass an exception nobody can catch to
/// `sys.unraisablehook` with the message "Exception ignored <err_msg>"; if the hook
/// is missing or None, or fails, the default report is written (for a failing hook,
/// the hook's own exception, as "Exception ignored in sys.unraisablehook"). An
/// exception that never passed through a frame is given a traceback of the frame
/// running now, as CPython does.
pub fn write_unraisable_msg(err: PyErr, err_msg: Option<&str>, obj: Option<&PyObject>) {
    let value = err.into_value();
    if exc_traceback(&value).is_none() {
        if let Some(tb) = crate::traceback::traceback_from_current_frame() {
            objects::exceptions::exc_set_traceback(&value, Some(tb));
        }
    }
    let tb = exc_traceback(&value);
    let mut err_msg = err_msg.map(|m| PyUnicode_FromString(&format!("Exception ignored {m}")));
    let mut obj: Option<PyObjectRef> = obj.map(|o| o.to_owned());
    let (value, tb) = 'report: {
        let hook_args = match make_unraisable_hook_args(
            value.ob_type().as_object(),
            &value,
            tb.as_deref(),
            err_msg.as_deref(),
            obj.as_deref(),
        ) {
            Ok(a) => a,
            Err(e) => {
                err_msg = Some(PyUnicode_FromString(
                    "Exception ignored on building sys.unraisablehook arguments",
                ));
                obj = None;
                break 'report (e.into_value(), None);
            }
        };
        let Some(hook) = crate::sysmodule::PySys_GetObject("unraisablehook") else {
            break 'report (value, tb);
        };
        if let Err(e) = crate::sysmodule::PySys_Audit(
            "sys.unraisablehook",
            vec![hook.clone(), hook_args.clone()],
        ) {
            err_msg = Some(PyUnicode_FromString("Exception ignored in audit hook"));
            obj = None;
            break 'report (e.into_value(), None);
        }
        if hook.is(Py_None()) {
            break 'report (value, tb);
        }
        match objects::call::PyObject_CallOneArg(&hook, &hook_args) {
            Ok(_) => return,
            Err(e) => {
                err_msg = Some(PyUnicode_FromString(
                    "Exception ignored in sys.unraisablehook",
                ));
                obj = Some(hook);
                (e.into_value(), None)
            }
        }
    };
    let tb = tb.or_else(|| exc_traceback(&value));
    write_unraisable_exc(&value, tb.as_deref(), err_msg.as_deref(), obj.as_deref());
}
