//! Traceback objects and their printing. Mirrors Python/traceback.c (CPython 3.11).
//!
//! Each frame an exception passes through adds a traceback entry (`PyTraceBack_Here`)
//! recording the frame and the instruction; the line number is computed on demand.
//! [`PyTraceBack_Print`] writes the 3.11 format, with the `^^^^` position markers under
//! the failing expression (and `~~~^~~~` for binary operators and subscripts), found
//! from the code's location table and, for the anchors, by parsing the source segment.

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::descrobject::PyGetSetDef;

use objects::codeobject::{PyCode_Addr2Line, PyCode_Addr2Location};
use objects::frameobject::PyFrameObject;
use objects::longobject::PyLong_FromLong;
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::typeobject::PyType_Type;
use objects::unicodeobject::as_str_lossy;

/// `PyTracebackObject`.
#[repr(C)]
pub struct PyTracebackObject {
    pub ob_base: PyObject,
    pub tb_next: PyCell<Option<PyObjectRef>>,
    /// The frame object.
    pub tb_frame: PyObjectRef,
    /// The instruction's byte offset.
    pub tb_lasti: i32,
    /// The line, or -1 until first asked.
    pub tb_lineno: Cell<i32>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyTracebackObject {}

impl PyTypeInfo for PyTracebackObject {
    fn type_object() -> &'static PyTypeObject {
        &PyTraceBack_Type
    }
}

/// Is `obj` a traceback?
pub fn is_traceback(obj: &PyObject) -> bool {
    obj.is_type(&PyTraceBack_Type)
}

/// The next entry of a traceback.
pub fn tb_next(tb: &PyObject) -> Option<PyObjectRef> {
    tb.downcast_ref::<PyTracebackObject>()?.tb_next.get()
}

/// The frame of a traceback entry.
pub fn tb_frame(tb: &PyObject) -> Option<PyObjectRef> {
    Some(tb.downcast_ref::<PyTracebackObject>()?.tb_frame.clone())
}

fn new_traceback(next: Option<PyObjectRef>, frame: PyObjectRef, lasti: i32, lineno: i32) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyTraceBack_Type,
            PyTracebackObject {
                ob_base: PyObject_HEAD_INIT,
                tb_next: PyCell::new(next),
                tb_frame: frame,
                tb_lasti: lasti,
                tb_lineno: Cell::new(lineno),
            },
        )
    }
    .into_object()
}

/// `PyTraceBack_Here`: prepend an entry for `frame` (a frame object) at byte offset
/// `lasti` to the exception's traceback.
pub fn PyTraceBack_Here(exc: &PyObject, frame: PyObjectRef, lasti: i32) {
    let next = objects::exceptions::exc_traceback(exc);
    let tb = new_traceback(next, frame, lasti, -1);
    objects::exceptions::exc_set_traceback(exc, Some(tb));
}

fn as_tb(obj: &PyObject) -> &PyTracebackObject {
    // SAFETY: only installed on `traceback`.
    unsafe { &*(obj as *const PyObject as *const PyTracebackObject) }
}

/// The line of a traceback entry (`tb_lineno`, computed lazily in 3.11).
pub fn tb_lineno(tb: &PyTracebackObject) -> i32 {
    let l = tb.tb_lineno.get();
    if l != -1 {
        return l;
    }
    let line = match tb.tb_frame.downcast_ref::<PyFrameObject>() {
        Some(f) => PyCode_Addr2Line(&f.iframe().f_code, tb.tb_lasti),
        None => -1,
    };
    tb.tb_lineno.set(line);
    line
}

fn tb_get_next(obj: &PyObject) -> PyResult {
    Ok(as_tb(obj).tb_next.get().unwrap_or_else(none))
}

fn tb_set_next(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(type_error("can't delete tb_next attribute"));
    };
    let new = if v.is(Py_None()) {
        None
    } else if is_traceback(v) {
        // Refuse loops.
        let mut cursor = Some(v.to_owned());
        while let Some(c) = cursor {
            if c.is(obj) {
                return Err(value_error("traceback loop detected"));
            }
            cursor = tb_next(&c);
        }
        Some(v.to_owned())
    } else {
        return Err(type_error(format!(
            "expected traceback object or None, got '{}'",
            v.ob_type().name()
        )));
    };
    as_tb(obj).tb_next.set(new);
    Ok(())
}

fn tb_get_frame(obj: &PyObject) -> PyResult {
    Ok(as_tb(obj).tb_frame.clone())
}

fn tb_get_lasti(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(as_tb(obj).tb_lasti as i64))
}

fn tb_get_lineno(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(tb_lineno(as_tb(obj)) as i64))
}

static TB_GETSET: [PyGetSetDef; 4] = [
    PyGetSetDef::getset("tb_next", tb_get_next, tb_set_next),
    PyGetSetDef::getter("tb_frame", tb_get_frame),
    PyGetSetDef::getter("tb_lasti", tb_get_lasti),
    PyGetSetDef::getter("tb_lineno", tb_get_lineno),
];

fn tb_new(_tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = objects::getargs::parse_args("traceback", args, kwnames, &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"], 4)?;
    let next = a[0].clone().unwrap_or_else(none);
    let frame = a[1].clone().unwrap_or_else(none);
    if !next.is(Py_None()) && !is_traceback(&next) {
        return Err(type_error(format!(
            "expected traceback object or None, got '{}'",
            next.ob_type().name()
        )));
    }
    if !PyFrameObject::check(&frame) {
        return Err(type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            frame.ob_type().name()
        )));
    }
    let lasti = objects::r#abstract::PyNumber_AsSsize_t(&a[2].clone().unwrap_or_else(none), None)? as i32;
    let lineno = objects::r#abstract::PyNumber_AsSsize_t(&a[3].clone().unwrap_or_else(none), None)? as i32;
    Ok(new_traceback(if next.is(Py_None()) { None } else { Some(next) }, frame, lasti, lineno))
}

unsafe fn tb_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead traceback.
    unsafe { dealloc_object::<PyTracebackObject>(op) }
}

fn tb_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let tb = as_tb(obj);
    // SAFETY: traversal runs no Python code.
    if let Some(n) = unsafe { tb.tb_next.get_ref() } {
        visit(n);
    }
    visit(&tb.tb_frame);
}

fn tb_clear(obj: &PyObject) {
    as_tb(obj).tb_next.set(None);
}

/// `traceback`.
pub static PyTraceBack_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "traceback",
    tp_basicsize: Cell::new(size_of::<PyTracebackObject>()),
    tp_dealloc: slot(tb_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)\n--\n\nCreate a new traceback object."),
    tp_traverse: slot(tb_traverse),
    tp_clear: slot(tb_clear),
    tp_getset: &TB_GETSET,
    tp_new: slot(tb_new),
    ..PyTypeObject::DEFAULT
};

// --- Printing --------------------------------------------------------------------------

/// The default depth limit of printed tracebacks (`PyTraceBack_LIMIT`).
pub const PYTRACEBACK_LIMIT: i64 = 1000;
/// Repeats of the same line printed before "[Previous line repeated N more times]".
const TB_RECURSIVE_CUTOFF: usize = 3;

/// A source line (1-based) of a file, without its line ending, as the traceback
/// shows it; `None` if the file cannot be read (like `linecache`).
pub fn source_line(filename: &str, lineno: i32) -> Option<String> {
    if lineno < 1 {
        return None;
    }
    let text = match std::fs::read(filename) {
        Ok(data) => crate::import::decode_source(&data),
        Err(_) => crate::frozen::source_for_path(filename)?.to_string(),
    };
    // Universal newlines, as linecache reads files.
    text.split_inclusive('\n')
        .nth((lineno - 1) as usize)
        .map(|l| l.trim_end_matches(['\n', '\r']).to_string())
}

/// Character offset of UTF-8 byte offset `byte` in `line`
/// (`_PyPegen_byte_offset_to_character_offset`).
fn byte_to_char_offset(line: &str, byte: i32) -> i32 {
    let bytes = line.as_bytes();
    let b = (byte.max(0) as usize).min(bytes.len() + 1);
    let clipped = &bytes[..b.min(bytes.len())];
    let n = String::from_utf8_lossy(clipped).chars().count();
    n as i32 + if b > bytes.len() { 1 } else { 0 }
}

/// The anchors of a binary operation or subscript inside the failing segment
/// (`extract_anchors_from_line`): `(left_end, right_start, primary, secondary)`, as
/// character offsets into the segment.
fn extract_anchors(segment: &str) -> Option<(i32, i32, char, char)> {
    use rustpython_parser::ast;
    let parsed = rustpython_parser::parse(segment, rustpython_parser::Mode::Module, "<anchors>").ok()?;
    let ast::Mod::Module(m) = parsed else { return None };
    if m.body.len() != 1 {
        return None;
    }
    let ast::Stmt::Expr(e) = &m.body[0] else { return None };
    let seg = segment.as_bytes();
    let is_ws = |c: u8| c == b' ' || c == b'\t' || c == b'\x0c' || c == b'\n' || c == b'\r';
    let char_of = |b: usize| segment[..b.min(segment.len())].chars().count() as i32;
    match &*e.value {
        ast::Expr::BinOp(b) => {
            let left_end = usize::from(ast::Ranged::range(&*b.left).end());
            let right_start = usize::from(ast::Ranged::range(&*b.right).start());
            let mut i = left_end;
            while i < right_start {
                if is_ws(seg[i]) {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < right_start && !is_ws(seg[i + 1]) {
                    right += 1;
                }
                return Some((char_of(i), char_of(right), '~', '^'));
            }
            None
        }
        ast::Expr::Subscript(s) => {
            let mut left = usize::from(ast::Ranged::range(&*s.value).end());
            let mut right = usize::from(ast::Ranged::range(&*s.slice).end()) + 1;
            let len = seg.len();
            while left < len && (is_ws(seg[left]) || seg[left] != b'[') {
                left += 1;
            }
            while right < len && (is_ws(seg[right]) || seg[right] != b']') {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            Some((char_of(left), char_of(right), '~', '^'))
        }
        _ => None,
    }
}

/// Write one entry: the `File ..., line ..., in ...` line, the source line, and the
/// position markers (`tb_displayline`).
fn display_line(out: &mut String, filename: &str, lineno: i32, name: &str, frame: &PyFrameObject, lasti: i32) {
    out.push_str(&format!("  File \"{filename}\", line {lineno}, in {name}\n"));
    let Some(line) = source_line(filename, lineno) else { return };
    let indent = line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len();
    let stripped = &line[indent..];
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    // Position markers.
    let code = &frame.iframe().f_code;
    let (start_line, end_line, start_col, end_col) = PyCode_Addr2Location(code, (lasti.max(0) / 2) as usize);
    if start_line < 0 || end_line < 0 || start_col < 0 || end_col < 0 {
        return;
    }
    let line_chars = line.chars().count() as i32;
    let start = byte_to_char_offset(&line, start_col);
    let mut end = byte_to_char_offset(&line, end_col);
    let mut left_end = -1;
    let mut right_start = -1;
    let mut primary = '^';
    let mut secondary = '^';
    if start_line == end_line {
        let seg: String = line.chars().skip(start as usize).take((end - start).max(0) as usize).collect();
        if let Some((l, r, p, s)) = extract_anchors(&seg) {
            left_end = l + start;
            right_start = r + start;
            primary = p;
            secondary = s;
        }
    } else {
        // A multi-line expression: mark up to the last non-blank character.
        let trimmed = line.trim_end_matches([' ', '\t', '\x0c']);
        end = trimmed.chars().count() as i32;
    }
    let truncation = indent as i32 - 4;
    let stripped_len = line_chars - indent as i32;
    let has_secondary = left_end != -1 || right_start != -1;
    if end - start == stripped_len && !has_secondary {
        return;
    }
    // Character `p` of the source line is shown at column `p - truncation`. The
    // operator (between the anchors) gets the secondary character, the operands the
    // primary one; without anchors every marked character is `^`.
    let mut marks = String::new();
    for _ in truncation..start {
        marks.push(' ');
    }
    for p in start..end {
        if has_secondary && !(left_end <= p && p < right_start) {
            marks.push(primary);
        } else {
            marks.push(secondary);
        }
    }
    out.push_str(&marks);
    out.push('\n');
}

/// `tb_print_internal`: the entries of a traceback, oldest first, with runs of the
/// same line collapsed.
fn tb_print_internal(tb: &PyObject, limit: i64, out: &mut String) {
    let mut entries: Vec<PyObjectRef> = Vec::new();
    let mut cursor = Some(tb.to_owned());
    while let Some(c) = cursor {
        cursor = tb_next(&c);
        entries.push(c);
    }
    let depth = entries.len() as i64;
    let skip = (depth - limit).max(0) as usize;
    let mut last: Option<(String, i32, String)> = None;
    let mut cnt = 0usize;
    for e in entries.iter().skip(skip) {
        let t = as_tb(e);
        let Some(frame) = t.tb_frame.downcast_ref::<PyFrameObject>() else { continue };
        let code = &frame.iframe().f_code;
        let filename = as_str_lossy(&code.co_filename).into_owned();
        let name = as_str_lossy(&code.co_name).into_owned();
        let lineno = tb_lineno(t);
        let key = (filename.clone(), lineno, name.clone());
        if last.as_ref() != Some(&key) {
            if cnt > TB_RECURSIVE_CUTOFF {
                write_repeated(out, cnt - TB_RECURSIVE_CUTOFF);
            }
            last = Some(key);
            cnt = 0;
        }
        cnt += 1;
        if cnt > TB_RECURSIVE_CUTOFF {
            continue;
        }
        display_line(out, &filename, lineno, &name, frame, t.tb_lasti);
    }
    if cnt > TB_RECURSIVE_CUTOFF {
        write_repeated(out, cnt - TB_RECURSIVE_CUTOFF);
    }
}

fn write_repeated(out: &mut String, n: usize) {
    out.push_str(&format!(
        "  [Previous line repeated {} more time{}]\n",
        n,
        if n > 1 { "s" } else { "" }
    ));
}

/// `PyTraceBack_Print`: "Traceback (most recent call last):" and the entries, honouring
/// `sys.tracebacklimit`.
pub fn PyTraceBack_Print(tb: &PyObject, out: &mut String) {
    PyTraceBack_Print_Indented(tb, 0, "", "", "Traceback (most recent call last):\n", out);
}

/// `_PyTraceBack_Print_Indented`: the traceback of an exception shown inside an
/// exception group. Every line is prefixed with `indent` spaces and `margin`, the
/// header with `header_margin`.
pub fn PyTraceBack_Print_Indented(
    tb: &PyObject,
    indent: usize,
    margin: &str,
    header_margin: &str,
    header: &str,
    out: &mut String,
) {
    if !is_traceback(tb) {
        return;
    }
    let limit = crate::sysmodule::traceback_limit().unwrap_or(PYTRACEBACK_LIMIT);
    if limit <= 0 {
        return;
    }
    let pad = " ".repeat(indent);
    out.push_str(&pad);
    out.push_str(header_margin);
    out.push_str(header);
    let mut body = String::new();
    tb_print_internal(tb, limit, &mut body);
    for line in body.split_inclusive('\n') {
        out.push_str(&pad);
        out.push_str(margin);
        out.push_str(line);
    }
}

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyTraceBack_Type]
}
