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
use include::methodobject::{PyCFunction, PyMethodDef};

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

fn new_traceback(
    next: Option<PyObjectRef>,
    frame: PyObjectRef,
    lasti: i32,
    lineno: i32,
) -> PyObjectRef {
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

/// `_PyTraceBack_FromFrame(NULL, frame)` for the frame running now, if any: a
/// one-entry traceback at its current instruction.
pub fn traceback_from_current_frame() -> Option<PyObjectRef> {
    let frame = include::pystate::_PyThreadState_GET().current_frame.get();
    if frame.is_null() {
        return None;
    }
    // SAFETY: the thread's current frame is live while this runs on that thread.
    unsafe {
        let fobj = objects::frameobject::_PyFrame_GetFrameObject(frame);
        let lasti = (*frame).lasti();
        Some(new_traceback(None, fobj, (lasti.max(0) * 2) as i32, -1))
    }
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

/// `tb_dir`: only the four attributes, not `object`'s.
fn tb_dir(_obj: &PyObject) -> PyResult {
    let names = ["tb_frame", "tb_next", "tb_lasti", "tb_lineno"];
    Ok(objects::listobject::PyList_New(
        names
            .iter()
            .map(|n| objects::unicodeobject::PyUnicode_FromString(n))
            .collect(),
    )
    .into_object())
}

static TB_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__dir__",
    PyCFunction::NoArgs(tb_dir),
    // CPython gives this method no docstring.
    "",
)];

fn tb_new(_tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = objects::getargs::parse_args(
        "traceback",
        args,
        kwnames,
        &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"],
        4,
    )?;
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
    let lasti =
        objects::r#abstract::PyNumber_AsSsize_t(&a[2].clone().unwrap_or_else(none), None)? as i32;
    let lineno =
        objects::r#abstract::PyNumber_AsSsize_t(&a[3].clone().unwrap_or_else(none), None)? as i32;
    Ok(new_traceback(
        if next.is(Py_None()) { None } else { Some(next) },
        frame,
        lasti,
        lineno,
    ))
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
    tp_methods: &TB_METHODS,
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
    let parsed =
        rustpython_parser::parse(segment, rustpython_parser::Mode::Module, "<anchors>").ok()?;
    let ast::Mod::Module(m) = parsed else {
        return None;
    };
    if m.body.len() != 1 {
        return None;
    }
    let ast::Stmt::Expr(e) = &m.body[0] else {
        return None;
    };
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
fn display_line(
    out: &mut String,
    filename: &str,
    lineno: i32,
    name: &str,
    frame: &PyFrameObject,
    lasti: i32,
) {
    out.push_str(&format!(
        "  File \"{filename}\", line {lineno}, in {name}\n"
    ));
    let Some(line) = source_line(filename, lineno) else {
        return;
    };
    let indent = line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len();
    let stripped = &line[indent..];
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    // Position markers.
    let code = &frame.iframe().f_code;
    let (start_line, end_line, start_col, end_col) =
        PyCode_Addr2Location(code, (lasti.max(0) / 2) as usize);
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
        let seg: String = line
            .chars()
            .skip(start as usize)
            .take((end - start).max(0) as usize)
            .collect();
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
    // Each character is given as many markers as the columns it takes on a
    // terminal: East Asian wide characters take two (`_display_width`).
    let chars: Vec<char> = line.chars().collect();
    let width = |p: i32| -> usize {
        match usize::try_from(p).ok().and_then(|i| chars.get(i)) {
            Some(&c) if is_wide_char(c) => 2,
            _ => 1,
        }
    };
    let mut marks = String::new();
    for p in truncation..start {
        marks.extend(std::iter::repeat_n(' ', width(p)));
    }
    for p in start..end {
        let mark = if has_secondary && !(left_end <= p && p < right_start) {
            primary
        } else {
            secondary
        };
        marks.extend(std::iter::repeat_n(mark, width(p)));
    }
    out.push_str(&marks);
    out.push('\n');
}

/// Whether `c` is East Asian Wide or Fullwidth, so that a terminal shows it two
/// columns wide (`unicodedata.east_asian_width(c) in "WF"`).
fn is_wide_char(c: char) -> bool {
    let c = c as u32;
    if c < 0x300 {
        return false;
    }
    WIDE_CHARS
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

// Generated by tools/gen_wide_chars.py from the host python3's unicodedata.
// Unicode 14.0.0: 710 ranges.
static WIDE_CHARS: [(u32, u32); 710] = [
    (0x378, 0x379),
    (0x380, 0x383),
    (0x38B, 0x38B),
    (0x38D, 0x38D),
    (0x3A2, 0x3A2),
    (0x530, 0x530),
    (0x557, 0x558),
    (0x58B, 0x58C),
    (0x590, 0x590),
    (0x5C8, 0x5CF),
    (0x5EB, 0x5EE),
    (0x5F5, 0x5FF),
    (0x70E, 0x70E),
    (0x74B, 0x74C),
    (0x7B2, 0x7BF),
    (0x7FB, 0x7FC),
    (0x82E, 0x82F),
    (0x83F, 0x83F),
    (0x85C, 0x85D),
    (0x85F, 0x85F),
    (0x86B, 0x86F),
    (0x88F, 0x88F),
    (0x892, 0x897),
    (0x984, 0x984),
    (0x98D, 0x98E),
    (0x991, 0x992),
    (0x9A9, 0x9A9),
    (0x9B1, 0x9B1),
    (0x9B3, 0x9B5),
    (0x9BA, 0x9BB),
    (0x9C5, 0x9C6),
    (0x9C9, 0x9CA),
    (0x9CF, 0x9D6),
    (0x9D8, 0x9DB),
    (0x9DE, 0x9DE),
    (0x9E4, 0x9E5),
    (0x9FF, 0xA00),
    (0xA04, 0xA04),
    (0xA0B, 0xA0E),
    (0xA11, 0xA12),
    (0xA29, 0xA29),
    (0xA31, 0xA31),
    (0xA34, 0xA34),
    (0xA37, 0xA37),
    (0xA3A, 0xA3B),
    (0xA3D, 0xA3D),
    (0xA43, 0xA46),
    (0xA49, 0xA4A),
    (0xA4E, 0xA50),
    (0xA52, 0xA58),
    (0xA5D, 0xA5D),
    (0xA5F, 0xA65),
    (0xA77, 0xA80),
    (0xA84, 0xA84),
    (0xA8E, 0xA8E),
    (0xA92, 0xA92),
    (0xAA9, 0xAA9),
    (0xAB1, 0xAB1),
    (0xAB4, 0xAB4),
    (0xABA, 0xABB),
    (0xAC6, 0xAC6),
    (0xACA, 0xACA),
    (0xACE, 0xACF),
    (0xAD1, 0xADF),
    (0xAE4, 0xAE5),
    (0xAF2, 0xAF8),
    (0xB00, 0xB00),
    (0xB04, 0xB04),
    (0xB0D, 0xB0E),
    (0xB11, 0xB12),
    (0xB29, 0xB29),
    (0xB31, 0xB31),
    (0xB34, 0xB34),
    (0xB3A, 0xB3B),
    (0xB45, 0xB46),
    (0xB49, 0xB4A),
    (0xB4E, 0xB54),
    (0xB58, 0xB5B),
    (0xB5E, 0xB5E),
    (0xB64, 0xB65),
    (0xB78, 0xB81),
    (0xB84, 0xB84),
    (0xB8B, 0xB8D),
    (0xB91, 0xB91),
    (0xB96, 0xB98),
    (0xB9B, 0xB9B),
    (0xB9D, 0xB9D),
    (0xBA0, 0xBA2),
    (0xBA5, 0xBA7),
    (0xBAB, 0xBAD),
    (0xBBA, 0xBBD),
    (0xBC3, 0xBC5),
    (0xBC9, 0xBC9),
    (0xBCE, 0xBCF),
    (0xBD1, 0xBD6),
    (0xBD8, 0xBE5),
    (0xBFB, 0xBFF),
    (0xC0D, 0xC0D),
    (0xC11, 0xC11),
    (0xC29, 0xC29),
    (0xC3A, 0xC3B),
    (0xC45, 0xC45),
    (0xC49, 0xC49),
    (0xC4E, 0xC54),
    (0xC57, 0xC57),
    (0xC5B, 0xC5C),
    (0xC5E, 0xC5F),
    (0xC64, 0xC65),
    (0xC70, 0xC76),
    (0xC8D, 0xC8D),
    (0xC91, 0xC91),
    (0xCA9, 0xCA9),
    (0xCB4, 0xCB4),
    (0xCBA, 0xCBB),
    (0xCC5, 0xCC5),
    (0xCC9, 0xCC9),
    (0xCCE, 0xCD4),
    (0xCD7, 0xCDC),
    (0xCDF, 0xCDF),
    (0xCE4, 0xCE5),
    (0xCF0, 0xCF0),
    (0xCF3, 0xCFF),
    (0xD0D, 0xD0D),
    (0xD11, 0xD11),
    (0xD45, 0xD45),
    (0xD49, 0xD49),
    (0xD50, 0xD53),
    (0xD64, 0xD65),
    (0xD80, 0xD80),
    (0xD84, 0xD84),
    (0xD97, 0xD99),
    (0xDB2, 0xDB2),
    (0xDBC, 0xDBC),
    (0xDBE, 0xDBF),
    (0xDC7, 0xDC9),
    (0xDCB, 0xDCE),
    (0xDD5, 0xDD5),
    (0xDD7, 0xDD7),
    (0xDE0, 0xDE5),
    (0xDF0, 0xDF1),
    (0xDF5, 0xE00),
    (0xE3B, 0xE3E),
    (0xE5C, 0xE80),
    (0xE83, 0xE83),
    (0xE85, 0xE85),
    (0xE8B, 0xE8B),
    (0xEA4, 0xEA4),
    (0xEA6, 0xEA6),
    (0xEBE, 0xEBF),
    (0xEC5, 0xEC5),
    (0xEC7, 0xEC7),
    (0xECE, 0xECF),
    (0xEDA, 0xEDB),
    (0xEE0, 0xEFF),
    (0xF48, 0xF48),
    (0xF6D, 0xF70),
    (0xF98, 0xF98),
    (0xFBD, 0xFBD),
    (0xFCD, 0xFCD),
    (0xFDB, 0xFFF),
    (0x10C6, 0x10C6),
    (0x10C8, 0x10CC),
    (0x10CE, 0x10CF),
    (0x1100, 0x115F),
    (0x1249, 0x1249),
    (0x124E, 0x124F),
    (0x1257, 0x1257),
    (0x1259, 0x1259),
    (0x125E, 0x125F),
    (0x1289, 0x1289),
    (0x128E, 0x128F),
    (0x12B1, 0x12B1),
    (0x12B6, 0x12B7),
    (0x12BF, 0x12BF),
    (0x12C1, 0x12C1),
    (0x12C6, 0x12C7),
    (0x12D7, 0x12D7),
    (0x1311, 0x1311),
    (0x1316, 0x1317),
    (0x135B, 0x135C),
    (0x137D, 0x137F),
    (0x139A, 0x139F),
    (0x13F6, 0x13F7),
    (0x13FE, 0x13FF),
    (0x169D, 0x169F),
    (0x16F9, 0x16FF),
    (0x1716, 0x171E),
    (0x1737, 0x173F),
    (0x1754, 0x175F),
    (0x176D, 0x176D),
    (0x1771, 0x1771),
    (0x1774, 0x177F),
    (0x17DE, 0x17DF),
    (0x17EA, 0x17EF),
    (0x17FA, 0x17FF),
    (0x181A, 0x181F),
    (0x1879, 0x187F),
    (0x18AB, 0x18AF),
    (0x18F6, 0x18FF),
    (0x191F, 0x191F),
    (0x192C, 0x192F),
    (0x193C, 0x193F),
    (0x1941, 0x1943),
    (0x196E, 0x196F),
    (0x1975, 0x197F),
    (0x19AC, 0x19AF),
    (0x19CA, 0x19CF),
    (0x19DB, 0x19DD),
    (0x1A1C, 0x1A1D),
    (0x1A5F, 0x1A5F),
    (0x1A7D, 0x1A7E),
    (0x1A8A, 0x1A8F),
    (0x1A9A, 0x1A9F),
    (0x1AAE, 0x1AAF),
    (0x1ACF, 0x1AFF),
    (0x1B4D, 0x1B4F),
    (0x1B7F, 0x1B7F),
    (0x1BF4, 0x1BFB),
    (0x1C38, 0x1C3A),
    (0x1C4A, 0x1C4C),
    (0x1C89, 0x1C8F),
    (0x1CBB, 0x1CBC),
    (0x1CC8, 0x1CCF),
    (0x1CFB, 0x1CFF),
    (0x1F16, 0x1F17),
    (0x1F1E, 0x1F1F),
    (0x1F46, 0x1F47),
    (0x1F4E, 0x1F4F),
    (0x1F58, 0x1F58),
    (0x1F5A, 0x1F5A),
    (0x1F5C, 0x1F5C),
    (0x1F5E, 0x1F5E),
    (0x1F7E, 0x1F7F),
    (0x1FB5, 0x1FB5),
    (0x1FC5, 0x1FC5),
    (0x1FD4, 0x1FD5),
    (0x1FDC, 0x1FDC),
    (0x1FF0, 0x1FF1),
    (0x1FF5, 0x1FF5),
    (0x1FFF, 0x1FFF),
    (0x2065, 0x2065),
    (0x2072, 0x2073),
    (0x208F, 0x208F),
    (0x209D, 0x209F),
    (0x20C1, 0x20CF),
    (0x20F1, 0x20FF),
    (0x218C, 0x218F),
    (0x231A, 0x231B),
    (0x2329, 0x232A),
    (0x23E9, 0x23EC),
    (0x23F0, 0x23F0),
    (0x23F3, 0x23F3),
    (0x2427, 0x243F),
    (0x244B, 0x245F),
    (0x25FD, 0x25FE),
    (0x2614, 0x2615),
    (0x2648, 0x2653),
    (0x267F, 0x267F),
    (0x2693, 0x2693),
    (0x26A1, 0x26A1),
    (0x26AA, 0x26AB),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26CE, 0x26CE),
    (0x26D4, 0x26D4),
    (0x26EA, 0x26EA),
    (0x26F2, 0x26F3),
    (0x26F5, 0x26F5),
    (0x26FA, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2705, 0x2705),
    (0x270A, 0x270B),
    (0x2728, 0x2728),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x2B74, 0x2B75),
    (0x2B96, 0x2B96),
    (0x2CF4, 0x2CF8),
    (0x2D26, 0x2D26),
    (0x2D28, 0x2D2C),
    (0x2D2E, 0x2D2F),
    (0x2D68, 0x2D6E),
    (0x2D71, 0x2D7E),
    (0x2D97, 0x2D9F),
    (0x2DA7, 0x2DA7),
    (0x2DAF, 0x2DAF),
    (0x2DB7, 0x2DB7),
    (0x2DBF, 0x2DBF),
    (0x2DC7, 0x2DC7),
    (0x2DCF, 0x2DCF),
    (0x2DD7, 0x2DD7),
    (0x2DDF, 0x2DDF),
    (0x2E5E, 0x303E),
    (0x3040, 0x3247),
    (0x3250, 0x4DBF),
    (0x4E00, 0xA4CF),
    (0xA62C, 0xA63F),
    (0xA6F8, 0xA6FF),
    (0xA7CB, 0xA7CF),
    (0xA7D2, 0xA7D2),
    (0xA7D4, 0xA7D4),
    (0xA7DA, 0xA7F1),
    (0xA82D, 0xA82F),
    (0xA83A, 0xA83F),
    (0xA878, 0xA87F),
    (0xA8C6, 0xA8CD),
    (0xA8DA, 0xA8DF),
    (0xA954, 0xA95E),
    (0xA960, 0xA97F),
    (0xA9CE, 0xA9CE),
    (0xA9DA, 0xA9DD),
    (0xA9FF, 0xA9FF),
    (0xAA37, 0xAA3F),
    (0xAA4E, 0xAA4F),
    (0xAA5A, 0xAA5B),
    (0xAAC3, 0xAADA),
    (0xAAF7, 0xAB00),
    (0xAB07, 0xAB08),
    (0xAB0F, 0xAB10),
    (0xAB17, 0xAB1F),
    (0xAB27, 0xAB27),
    (0xAB2F, 0xAB2F),
    (0xAB6C, 0xAB6F),
    (0xABEE, 0xABEF),
    (0xABFA, 0xD7AF),
    (0xD7C7, 0xD7CA),
    (0xD7FC, 0xD7FF),
    (0xF900, 0xFAFF),
    (0xFB07, 0xFB12),
    (0xFB18, 0xFB1C),
    (0xFB37, 0xFB37),
    (0xFB3D, 0xFB3D),
    (0xFB3F, 0xFB3F),
    (0xFB42, 0xFB42),
    (0xFB45, 0xFB45),
    (0xFBC3, 0xFBD2),
    (0xFD90, 0xFD91),
    (0xFDC8, 0xFDCE),
    (0xFDD0, 0xFDEF),
    (0xFE10, 0xFE1F),
    (0xFE30, 0xFE6F),
    (0xFE75, 0xFE75),
    (0xFEFD, 0xFEFE),
    (0xFF00, 0xFF60),
    (0xFFBF, 0xFFC1),
    (0xFFC8, 0xFFC9),
    (0xFFD0, 0xFFD1),
    (0xFFD8, 0xFFD9),
    (0xFFDD, 0xFFE7),
    (0xFFEF, 0xFFF8),
    (0xFFFE, 0xFFFF),
    (0x1000C, 0x1000C),
    (0x10027, 0x10027),
    (0x1003B, 0x1003B),
    (0x1003E, 0x1003E),
    (0x1004E, 0x1004F),
    (0x1005E, 0x1007F),
    (0x100FB, 0x100FF),
    (0x10103, 0x10106),
    (0x10134, 0x10136),
    (0x1018F, 0x1018F),
    (0x1019D, 0x1019F),
    (0x101A1, 0x101CF),
    (0x101FE, 0x1027F),
    (0x1029D, 0x1029F),
    (0x102D1, 0x102DF),
    (0x102FC, 0x102FF),
    (0x10324, 0x1032C),
    (0x1034B, 0x1034F),
    (0x1037B, 0x1037F),
    (0x1039E, 0x1039E),
    (0x103C4, 0x103C7),
    (0x103D6, 0x103FF),
    (0x1049E, 0x1049F),
    (0x104AA, 0x104AF),
    (0x104D4, 0x104D7),
    (0x104FC, 0x104FF),
    (0x10528, 0x1052F),
    (0x10564, 0x1056E),
    (0x1057B, 0x1057B),
    (0x1058B, 0x1058B),
    (0x10593, 0x10593),
    (0x10596, 0x10596),
    (0x105A2, 0x105A2),
    (0x105B2, 0x105B2),
    (0x105BA, 0x105BA),
    (0x105BD, 0x105FF),
    (0x10737, 0x1073F),
    (0x10756, 0x1075F),
    (0x10768, 0x1077F),
    (0x10786, 0x10786),
    (0x107B1, 0x107B1),
    (0x107BB, 0x107FF),
    (0x10806, 0x10807),
    (0x10809, 0x10809),
    (0x10836, 0x10836),
    (0x10839, 0x1083B),
    (0x1083D, 0x1083E),
    (0x10856, 0x10856),
    (0x1089F, 0x108A6),
    (0x108B0, 0x108DF),
    (0x108F3, 0x108F3),
    (0x108F6, 0x108FA),
    (0x1091C, 0x1091E),
    (0x1093A, 0x1093E),
    (0x10940, 0x1097F),
    (0x109B8, 0x109BB),
    (0x109D0, 0x109D1),
    (0x10A04, 0x10A04),
    (0x10A07, 0x10A0B),
    (0x10A14, 0x10A14),
    (0x10A18, 0x10A18),
    (0x10A36, 0x10A37),
    (0x10A3B, 0x10A3E),
    (0x10A49, 0x10A4F),
    (0x10A59, 0x10A5F),
    (0x10AA0, 0x10ABF),
    (0x10AE7, 0x10AEA),
    (0x10AF7, 0x10AFF),
    (0x10B36, 0x10B38),
    (0x10B56, 0x10B57),
    (0x10B73, 0x10B77),
    (0x10B92, 0x10B98),
    (0x10B9D, 0x10BA8),
    (0x10BB0, 0x10BFF),
    (0x10C49, 0x10C7F),
    (0x10CB3, 0x10CBF),
    (0x10CF3, 0x10CF9),
    (0x10D28, 0x10D2F),
    (0x10D3A, 0x10E5F),
    (0x10E7F, 0x10E7F),
    (0x10EAA, 0x10EAA),
    (0x10EAE, 0x10EAF),
    (0x10EB2, 0x10EFF),
    (0x10F28, 0x10F2F),
    (0x10F5A, 0x10F6F),
    (0x10F8A, 0x10FAF),
    (0x10FCC, 0x10FDF),
    (0x10FF7, 0x10FFF),
    (0x1104E, 0x11051),
    (0x11076, 0x1107E),
    (0x110C3, 0x110CC),
    (0x110CE, 0x110CF),
    (0x110E9, 0x110EF),
    (0x110FA, 0x110FF),
    (0x11135, 0x11135),
    (0x11148, 0x1114F),
    (0x11177, 0x1117F),
    (0x111E0, 0x111E0),
    (0x111F5, 0x111FF),
    (0x11212, 0x11212),
    (0x1123F, 0x1127F),
    (0x11287, 0x11287),
    (0x11289, 0x11289),
    (0x1128E, 0x1128E),
    (0x1129E, 0x1129E),
    (0x112AA, 0x112AF),
    (0x112EB, 0x112EF),
    (0x112FA, 0x112FF),
    (0x11304, 0x11304),
    (0x1130D, 0x1130E),
    (0x11311, 0x11312),
    (0x11329, 0x11329),
    (0x11331, 0x11331),
    (0x11334, 0x11334),
    (0x1133A, 0x1133A),
    (0x11345, 0x11346),
    (0x11349, 0x1134A),
    (0x1134E, 0x1134F),
    (0x11351, 0x11356),
    (0x11358, 0x1135C),
    (0x11364, 0x11365),
    (0x1136D, 0x1136F),
    (0x11375, 0x113FF),
    (0x1145C, 0x1145C),
    (0x11462, 0x1147F),
    (0x114C8, 0x114CF),
    (0x114DA, 0x1157F),
    (0x115B6, 0x115B7),
    (0x115DE, 0x115FF),
    (0x11645, 0x1164F),
    (0x1165A, 0x1165F),
    (0x1166D, 0x1167F),
    (0x116BA, 0x116BF),
    (0x116CA, 0x116FF),
    (0x1171B, 0x1171C),
    (0x1172C, 0x1172F),
    (0x11747, 0x117FF),
    (0x1183C, 0x1189F),
    (0x118F3, 0x118FE),
    (0x11907, 0x11908),
    (0x1190A, 0x1190B),
    (0x11914, 0x11914),
    (0x11917, 0x11917),
    (0x11936, 0x11936),
    (0x11939, 0x1193A),
    (0x11947, 0x1194F),
    (0x1195A, 0x1199F),
    (0x119A8, 0x119A9),
    (0x119D8, 0x119D9),
    (0x119E5, 0x119FF),
    (0x11A48, 0x11A4F),
    (0x11AA3, 0x11AAF),
    (0x11AF9, 0x11BFF),
    (0x11C09, 0x11C09),
    (0x11C37, 0x11C37),
    (0x11C46, 0x11C4F),
    (0x11C6D, 0x11C6F),
    (0x11C90, 0x11C91),
    (0x11CA8, 0x11CA8),
    (0x11CB7, 0x11CFF),
    (0x11D07, 0x11D07),
    (0x11D0A, 0x11D0A),
    (0x11D37, 0x11D39),
    (0x11D3B, 0x11D3B),
    (0x11D3E, 0x11D3E),
    (0x11D48, 0x11D4F),
    (0x11D5A, 0x11D5F),
    (0x11D66, 0x11D66),
    (0x11D69, 0x11D69),
    (0x11D8F, 0x11D8F),
    (0x11D92, 0x11D92),
    (0x11D99, 0x11D9F),
    (0x11DAA, 0x11EDF),
    (0x11EF9, 0x11FAF),
    (0x11FB1, 0x11FBF),
    (0x11FF2, 0x11FFE),
    (0x1239A, 0x123FF),
    (0x1246F, 0x1246F),
    (0x12475, 0x1247F),
    (0x12544, 0x12F8F),
    (0x12FF3, 0x12FFF),
    (0x1342F, 0x1342F),
    (0x13439, 0x143FF),
    (0x14647, 0x167FF),
    (0x16A39, 0x16A3F),
    (0x16A5F, 0x16A5F),
    (0x16A6A, 0x16A6D),
    (0x16ABF, 0x16ABF),
    (0x16ACA, 0x16ACF),
    (0x16AEE, 0x16AEF),
    (0x16AF6, 0x16AFF),
    (0x16B46, 0x16B4F),
    (0x16B5A, 0x16B5A),
    (0x16B62, 0x16B62),
    (0x16B78, 0x16B7C),
    (0x16B90, 0x16E3F),
    (0x16E9B, 0x16EFF),
    (0x16F4B, 0x16F4E),
    (0x16F88, 0x16F8E),
    (0x16FA0, 0x1BBFF),
    (0x1BC6B, 0x1BC6F),
    (0x1BC7D, 0x1BC7F),
    (0x1BC89, 0x1BC8F),
    (0x1BC9A, 0x1BC9B),
    (0x1BCA4, 0x1CEFF),
    (0x1CF2E, 0x1CF2F),
    (0x1CF47, 0x1CF4F),
    (0x1CFC4, 0x1CFFF),
    (0x1D0F6, 0x1D0FF),
    (0x1D127, 0x1D128),
    (0x1D1EB, 0x1D1FF),
    (0x1D246, 0x1D2DF),
    (0x1D2F4, 0x1D2FF),
    (0x1D357, 0x1D35F),
    (0x1D379, 0x1D3FF),
    (0x1D455, 0x1D455),
    (0x1D49D, 0x1D49D),
    (0x1D4A0, 0x1D4A1),
    (0x1D4A3, 0x1D4A4),
    (0x1D4A7, 0x1D4A8),
    (0x1D4AD, 0x1D4AD),
    (0x1D4BA, 0x1D4BA),
    (0x1D4BC, 0x1D4BC),
    (0x1D4C4, 0x1D4C4),
    (0x1D506, 0x1D506),
    (0x1D50B, 0x1D50C),
    (0x1D515, 0x1D515),
    (0x1D51D, 0x1D51D),
    (0x1D53A, 0x1D53A),
    (0x1D53F, 0x1D53F),
    (0x1D545, 0x1D545),
    (0x1D547, 0x1D549),
    (0x1D551, 0x1D551),
    (0x1D6A6, 0x1D6A7),
    (0x1D7CC, 0x1D7CD),
    (0x1DA8C, 0x1DA9A),
    (0x1DAA0, 0x1DAA0),
    (0x1DAB0, 0x1DEFF),
    (0x1DF1F, 0x1DFFF),
    (0x1E007, 0x1E007),
    (0x1E019, 0x1E01A),
    (0x1E022, 0x1E022),
    (0x1E025, 0x1E025),
    (0x1E02B, 0x1E0FF),
    (0x1E12D, 0x1E12F),
    (0x1E13E, 0x1E13F),
    (0x1E14A, 0x1E14D),
    (0x1E150, 0x1E28F),
    (0x1E2AF, 0x1E2BF),
    (0x1E2FA, 0x1E2FE),
    (0x1E300, 0x1E7DF),
    (0x1E7E7, 0x1E7E7),
    (0x1E7EC, 0x1E7EC),
    (0x1E7EF, 0x1E7EF),
    (0x1E7FF, 0x1E7FF),
    (0x1E8C5, 0x1E8C6),
    (0x1E8D7, 0x1E8FF),
    (0x1E94C, 0x1E94F),
    (0x1E95A, 0x1E95D),
    (0x1E960, 0x1EC70),
    (0x1ECB5, 0x1ED00),
    (0x1ED3E, 0x1EDFF),
    (0x1EE04, 0x1EE04),
    (0x1EE20, 0x1EE20),
    (0x1EE23, 0x1EE23),
    (0x1EE25, 0x1EE26),
    (0x1EE28, 0x1EE28),
    (0x1EE33, 0x1EE33),
    (0x1EE38, 0x1EE38),
    (0x1EE3A, 0x1EE3A),
    (0x1EE3C, 0x1EE41),
    (0x1EE43, 0x1EE46),
    (0x1EE48, 0x1EE48),
    (0x1EE4A, 0x1EE4A),
    (0x1EE4C, 0x1EE4C),
    (0x1EE50, 0x1EE50),
    (0x1EE53, 0x1EE53),
    (0x1EE55, 0x1EE56),
    (0x1EE58, 0x1EE58),
    (0x1EE5A, 0x1EE5A),
    (0x1EE5C, 0x1EE5C),
    (0x1EE5E, 0x1EE5E),
    (0x1EE60, 0x1EE60),
    (0x1EE63, 0x1EE63),
    (0x1EE65, 0x1EE66),
    (0x1EE6B, 0x1EE6B),
    (0x1EE73, 0x1EE73),
    (0x1EE78, 0x1EE78),
    (0x1EE7D, 0x1EE7D),
    (0x1EE7F, 0x1EE7F),
    (0x1EE8A, 0x1EE8A),
    (0x1EE9C, 0x1EEA0),
    (0x1EEA4, 0x1EEA4),
    (0x1EEAA, 0x1EEAA),
    (0x1EEBC, 0x1EEEF),
    (0x1EEF2, 0x1EFFF),
    (0x1F004, 0x1F004),
    (0x1F02C, 0x1F02F),
    (0x1F094, 0x1F09F),
    (0x1F0AF, 0x1F0B0),
    (0x1F0C0, 0x1F0C0),
    (0x1F0CF, 0x1F0D0),
    (0x1F0F6, 0x1F0FF),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F1AE, 0x1F1E5),
    (0x1F200, 0x1F320),
    (0x1F32D, 0x1F335),
    (0x1F337, 0x1F37C),
    (0x1F37E, 0x1F393),
    (0x1F3A0, 0x1F3CA),
    (0x1F3CF, 0x1F3D3),
    (0x1F3E0, 0x1F3F0),
    (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F43E),
    (0x1F440, 0x1F440),
    (0x1F442, 0x1F4FC),
    (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F57A, 0x1F57A),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4),
    (0x1F5FB, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2),
    (0x1F6D5, 0x1F6DF),
    (0x1F6EB, 0x1F6EF),
    (0x1F6F4, 0x1F6FF),
    (0x1F774, 0x1F77F),
    (0x1F7D9, 0x1F7FF),
    (0x1F80C, 0x1F80F),
    (0x1F848, 0x1F84F),
    (0x1F85A, 0x1F85F),
    (0x1F888, 0x1F88F),
    (0x1F8AE, 0x1F8AF),
    (0x1F8B2, 0x1F8FF),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA54, 0x1FA5F),
    (0x1FA6E, 0x1FAFF),
    (0x1FB93, 0x1FB93),
    (0x1FBCB, 0x1FBEF),
    (0x1FBFA, 0xE0000),
    (0xE0002, 0xE001F),
    (0xE0080, 0xE00FF),
    (0xE01F0, 0xEFFFF),
    (0xFFFFE, 0xFFFFF),
    (0x10FFFE, 0x10FFFF),
];

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
        let Some(frame) = t.tb_frame.downcast_ref::<PyFrameObject>() else {
            continue;
        };
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
