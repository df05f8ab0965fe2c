//! The `_csv` module: the CSV parser and writer under `Lib/csv.py`. Mirrors
//! Modules/_csv.c (CPython 3.11).
//!
//! Differences from CPython: the module state (the dialect registry, the field size
//! limit, the `Error` class) lives in process-wide cells rather than a per-module
//! state struct; a field being parsed is a `Vec<u32>` of code points rather than a
//! `Py_UCS4` buffer grown by hand; `NOT_SET` characters are `None`.

use objects::pyerrors::cached_exception_type;
use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::boolobject::PyBool_FromLong;
use objects::call::{kwnames_slice, PyObject_CallOneArg, PyObject_Vectorcall};
use objects::dictobject::{
    PyDictObject, PyDict_DelItem, PyDict_GetItemWithError, PyDict_Keys, PyDict_New, PyDict_SetItem,
};
use objects::getargs::{unpack_keywords, ArgSpec};
use objects::listobject::PyList_New;
use objects::longobject::{PyLongObject, PyLong_AsLong, PyLong_FromSsize_t};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, PyObject_IsTrue, PyObject_Str, Py_None};
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::r#abstract::{PyIter_Next, PyNumber_Check, PyNumber_Float, PyObject_GetIter};
use objects::tupleobject::PyObject_SelfIter;
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::{_PyUnicodeWriter, PyUnicodeObject, PyUnicode_FromString};

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

// --- Module state ---------------------------------------------------------------------------

static DIALECTS: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);
static ERROR_OBJ: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);
static FIELD_LIMIT: GlobalCell<i64> = GlobalCell::new(128 * 1024);

fn field_limit() -> i64 {
    // SAFETY: single-threaded; a copy is read.
    unsafe { *FIELD_LIMIT.get_ref() }
}

/// The dialect registry (`module_state->dialects`).
fn dialects() -> PyObjectRef {
    // SAFETY: single-threaded; the borrow ends before any Python code runs.
    if let Some(d) = unsafe { DIALECTS.get_ref() }.as_ref() {
        return d.clone();
    }
    let d = PyDict_New().into_object();
    // SAFETY: single-threaded; set once.
    unsafe { *DIALECTS.get_mut() = Some(d.clone()) };
    d
}

fn dialects_dict(d: &PyObject) -> &PyDictObject {
    d.downcast_ref::<PyDictObject>()
        .expect("the registry is a dict")
}

/// `_csv.Error`, made once.
fn error_type() -> PyResult<&'static PyTypeObject> {
    cached_exception_type(&ERROR_OBJ, "_csv.Error", &[])
}

/// Raise `_csv.Error(msg)`.
fn csv_error(msg: impl AsRef<str>) -> PyErr {
    match error_type() {
        Ok(tp) => PyErr_SetString(tp, msg),
        Err(e) => e,
    }
}

fn char_str(c: u32) -> PyObjectRef {
    let mut w = _PyUnicodeWriter::new();
    w.push_char(c);
    w.finish()
}

/// `PyArg_UnpackTuple(args, "", min, max, ...)`: the positional arguments.
fn unpack_positional(
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    min: usize,
    max: usize,
) -> PyResult<usize> {
    let nargs = args.len() - kwnames_slice(kwnames).len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if nargs < min {
        return Err(type_error(format!(
            " expected {}{} argument{}, got {}",
            if min == max { "" } else { "at least " },
            min,
            plural(min),
            nargs
        )));
    }
    if nargs > max {
        return Err(type_error(format!(
            " expected {}{} argument{}, got {}",
            if min == max { "" } else { "at most " },
            max,
            plural(max),
            nargs
        )));
    }
    Ok(nargs)
}

// --- Dialect ------------------------------------------------------------------------------

/// `DialectObj`.
#[repr(C)]
pub struct DialectObj {
    pub ob_base: PyObject,
    doublequote: bool,
    skipinitialspace: bool,
    strict: bool,
    quoting: i64,
    delimiter: u32,
    quotechar: Option<u32>,
    escapechar: Option<u32>,
    lineterminator: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for DialectObj {}

fn as_dialect(obj: &PyObject) -> &DialectObj {
    // SAFETY: the slots of `_csv.Dialect` are only called on its instances (and
    // `dialect` fields of readers and writers always hold one).
    unsafe { &*(obj as *const PyObject as *const DialectObj) }
}

/// `_set_bool`.
fn _set_bool(src: Option<&PyObject>, dflt: bool) -> PyResult<bool> {
    match src {
        None => Ok(dflt),
        Some(s) => PyObject_IsTrue(s),
    }
}

/// `_set_int`.
fn _set_int(name: &str, src: Option<&PyObject>, dflt: i64) -> PyResult<i64> {
    let Some(src) = src else { return Ok(dflt) };
    if src.downcast_ref_exact::<PyLongObject>().is_none() {
        return Err(type_error(format!("\"{name}\" must be an integer")));
    }
    let v = PyLong_AsLong(src).map_err(|e| {
        if objects::pyerrors::PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_OverflowError)
        {
            PyErr_SetString(
                &objects::exceptions::PyExc_OverflowError,
                "Python int too large to convert to C int",
            )
        } else {
            e
        }
    })?;
    if v > i32::MAX as i64 || v < i32::MIN as i64 {
        return Err(PyErr_SetString(
            &objects::exceptions::PyExc_OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    Ok(v)
}

/// `_set_char_or_none`.
fn _set_char_or_none(
    name: &str,
    src: Option<&PyObject>,
    dflt: Option<u32>,
) -> PyResult<Option<u32>> {
    let Some(src) = src else { return Ok(dflt) };
    if src.is(Py_None()) {
        return Ok(None);
    }
    let Some(u) = src.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "\"{name}\" must be string or None, not {:.200}",
            src.ob_type().name()
        )));
    };
    if u.len() != 1 {
        return Err(type_error(format!(
            "\"{name}\" must be a 1-character string"
        )));
    }
    Ok(Some(u.char_at(0)))
}

/// `_set_char`.
fn _set_char(name: &str, src: Option<&PyObject>, dflt: u32) -> PyResult<u32> {
    let Some(src) = src else { return Ok(dflt) };
    let Some(u) = src.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "\"{name}\" must be string, not {:.200}",
            src.ob_type().name()
        )));
    };
    if u.len() != 1 {
        return Err(type_error(format!(
            "\"{name}\" must be a 1-character string"
        )));
    }
    Ok(u.char_at(0))
}

/// `_set_str`: `None` for `None` (then "lineterminator must be set").
fn _set_str(name: &str, src: Option<&PyObject>, dflt: &str) -> PyResult<Option<PyObjectRef>> {
    let Some(src) = src else {
        return Ok(Some(PyUnicode_FromString(dflt)));
    };
    if src.is(Py_None()) {
        return Ok(None);
    }
    if src.downcast_ref::<PyUnicodeObject>().is_none() {
        return Err(type_error(format!("\"{name}\" must be a string")));
    }
    Ok(Some(src.to_owned()))
}

/// `get_dialect_from_registry`.
fn get_dialect_from_registry(name: &PyObject) -> PyResult {
    let d = dialects();
    match PyDict_GetItemWithError(dialects_dict(&d), name)? {
        Some(v) => Ok(v),
        None => Err(csv_error("unknown dialect")),
    }
}

const DIALECT_KWS: [&str; 9] = [
    "dialect",
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

/// `PyArg_ParseTupleAndKeywords(args, kwargs, "|OOOOOOOOO", dialect_kws, ...)`: the
/// format names no function, so the messages say "function".
fn parse_dialect_args(
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<Vec<Option<PyObjectRef>>> {
    let kwn = kwnames_slice(kwnames);
    let nargs = args.len() - kwn.len();
    let max = DIALECT_KWS.len();
    if args.len() > max {
        return Err(type_error(format!(
            "function takes at most {max} {}arguments ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            args.len()
        )));
    }
    let mut a: Vec<Option<PyObjectRef>> = vec![None; max];
    for (slot, v) in a.iter_mut().zip(&args[..nargs]) {
        *slot = Some(v.clone());
    }
    for (key, v) in kwn.iter().zip(&args[nargs..]) {
        match DIALECT_KWS
            .iter()
            .position(|n| objects::unicodeobject::unicode_eq_str(key, n))
        {
            Some(i) if i < nargs => {
                return Err(type_error(format!(
                    "argument for function given by name ('{}') and position ({})",
                    DIALECT_KWS[i],
                    i + 1
                )))
            }
            Some(i) => a[i] = Some(v.clone()),
            None => {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for this function",
                    objects::unicodeobject::as_str_lossy(key)
                )))
            }
        }
    }
    Ok(a)
}

/// `dialect_new`.
fn dialect_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let mut a = parse_dialect_args(args, kwnames)?;
    let mut dialect = a[0].clone();
    if let Some(d) = dialect.clone() {
        if d.downcast_ref::<PyUnicodeObject>().is_some() {
            dialect = Some(get_dialect_from_registry(&d)?);
        }
        let d = dialect.clone().expect("set");
        // Can we reuse this instance?
        if std::ptr::eq(d.ob_type(), &Dialect_Type) && a[1..].iter().all(|x| x.is_none()) {
            return Ok(d);
        }
    }
    if let Some(d) = &dialect {
        for (i, name) in DIALECT_KWS.iter().enumerate().skip(1) {
            if a[i].is_none() {
                // DIALECT_GETATTR: a missing attribute is as if not given.
                a[i] = objects::object::PyObject_GetAttrString(d, name).ok();
            }
        }
    }
    let arg = |i: usize| a[i].as_deref();
    let delimiter = _set_char("delimiter", arg(1), ',' as u32)?;
    let doublequote = _set_bool(arg(2), true)?;
    let escapechar = _set_char_or_none("escapechar", arg(3), None)?;
    let lineterminator = _set_str("lineterminator", arg(4), "\r\n")?;
    let quotechar = _set_char_or_none("quotechar", arg(5), Some('"' as u32))?;
    let mut quoting = _set_int("quoting", arg(6), QUOTE_MINIMAL)?;
    let skipinitialspace = _set_bool(arg(7), false)?;
    let strict = _set_bool(arg(8), false)?;

    // validate options
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting) {
        return Err(type_error("bad \"quoting\" value"));
    }
    if arg(5).is_some_and(|q| q.is(Py_None())) && arg(6).is_none() {
        quoting = QUOTE_NONE;
    }
    if quoting != QUOTE_NONE && quotechar.is_none() {
        return Err(type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator) = lineterminator else {
        return Err(type_error("lineterminator must be set"));
    };
    let value = DialectObj {
        ob_base: PyObject_HEAD_INIT,
        doublequote,
        skipinitialspace,
        strict,
        quoting,
        delimiter,
        quotechar,
        escapechar,
        lineterminator,
    };
    // SAFETY: `tp` is `_csv.Dialect` or a subtype; the struct is complete.
    Ok(unsafe { alloc_object(tp, value) }.into_object())
}

fn dialect_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit(&as_dialect(obj).lineterminator);
}

unsafe fn dialect_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead dialect.
    unsafe { dealloc_object::<DialectObj>(op) }
}

fn get_nullchar_as_None(c: Option<u32>) -> PyObjectRef {
    match c {
        None => none(),
        Some(c) => char_str(c),
    }
}

fn Dialect_get_lineterminator(obj: &PyObject) -> PyResult {
    Ok(as_dialect(obj).lineterminator.clone())
}
fn Dialect_get_delimiter(obj: &PyObject) -> PyResult {
    Ok(char_str(as_dialect(obj).delimiter))
}
fn Dialect_get_escapechar(obj: &PyObject) -> PyResult {
    Ok(get_nullchar_as_None(as_dialect(obj).escapechar))
}
fn Dialect_get_quotechar(obj: &PyObject) -> PyResult {
    Ok(get_nullchar_as_None(as_dialect(obj).quotechar))
}
fn Dialect_get_quoting(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromSsize_t(as_dialect(obj).quoting as isize))
}
fn Dialect_get_doublequote(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_dialect(obj).doublequote))
}
fn Dialect_get_skipinitialspace(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_dialect(obj).skipinitialspace))
}
fn Dialect_get_strict(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_dialect(obj).strict))
}

/// `Dialect_reduce`: dialects refuse to be pickled (or copied).
fn Dialect_reduce(obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    let name = obj.ob_type().name();
    let short = name.rsplit('.').next().unwrap_or(name);
    Err(type_error(format!(
        "cannot pickle '{short:.100}' instances"
    )))
}

static DIALECT_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new("__reduce__", PyCFunction::Fast(Dialect_reduce), ""),
    PyMethodDef::new("__reduce_ex__", PyCFunction::Fast(Dialect_reduce), ""),
];

static DIALECT_GETSETLIST: [PyGetSetDef; 8] = [
    PyGetSetDef::getter("delimiter", Dialect_get_delimiter),
    PyGetSetDef::getter("doublequote", Dialect_get_doublequote),
    PyGetSetDef::getter("escapechar", Dialect_get_escapechar),
    PyGetSetDef::getter("lineterminator", Dialect_get_lineterminator),
    PyGetSetDef::getter("quotechar", Dialect_get_quotechar),
    PyGetSetDef::getter("quoting", Dialect_get_quoting),
    PyGetSetDef::getter("skipinitialspace", Dialect_get_skipinitialspace),
    PyGetSetDef::getter("strict", Dialect_get_strict),
];

/// `_csv.Dialect`.
pub static Dialect_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_csv.Dialect",
    tp_basicsize: Cell::new(size_of::<DialectObj>()),
    tp_dealloc: slot(dialect_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n"),
    tp_traverse: slot(dialect_traverse),
    tp_methods: &DIALECT_METHODS,
    tp_getset: &DIALECT_GETSETLIST,
    tp_new: slot(dialect_new),
    ..PyTypeObject::DEFAULT
};

/// `_call_dialect`: `Dialect(dialect_inst, **kwargs)` in the vectorcall layout.
fn _call_dialect(
    dialect_inst: Option<&PyObjectRef>,
    kwargs: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let mut v: Vec<PyObjectRef> = Vec::with_capacity(kwargs.len() + 1);
    if let Some(d) = dialect_inst {
        v.push(d.clone());
    }
    v.extend(kwargs.iter().cloned());
    PyObject_Vectorcall(Dialect_Type.as_object(), &v, kwnames)
}

// --- Reader -------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum ParserState {
    START_RECORD,
    START_FIELD,
    ESCAPED_CHAR,
    IN_FIELD,
    IN_QUOTED_FIELD,
    ESCAPE_IN_QUOTED_FIELD,
    QUOTE_IN_QUOTED_FIELD,
    EAT_CRNL,
    AFTER_ESCAPED_CRNL,
}
use ParserState::*;

/// The end-of-line pseudo character (`EOL`).
const EOL: u32 = u32::MAX - 1;

/// The parser's mutable state (`fields`, `field`, `state`, `numeric_field`).
struct ParseState {
    fields: Vec<PyObjectRef>,
    field: Vec<u32>,
    state: ParserState,
    numeric_field: bool,
}

/// `ReaderObj`.
#[repr(C)]
pub struct ReaderObj {
    pub ob_base: PyObject,
    input_iter: PyObjectRef,
    dialect: PyObjectRef,
    parse: PyCell<ParseState>,
    line_num: Cell<u64>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for ReaderObj {}

fn as_reader(obj: &PyObject) -> &ReaderObj {
    // SAFETY: the slots of `_csv.reader` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const ReaderObj) }
}

impl ParseState {
    /// `parse_save_field`.
    fn save_field(&mut self) -> PyResult<()> {
        let mut w = _PyUnicodeWriter::new();
        for &c in &self.field {
            w.push_char(c);
        }
        self.field.clear();
        let mut field = w.finish();
        if self.numeric_field {
            self.numeric_field = false;
            field = PyNumber_Float(&field)?;
        }
        self.fields.push(field);
        Ok(())
    }

    /// `parse_add_char`.
    fn add_char(&mut self, c: u32) -> PyResult<()> {
        let limit = field_limit();
        if self.field.len() as i64 >= limit {
            return Err(csv_error(format!(
                "field larger than field limit ({limit})"
            )));
        }
        self.field.push(c);
        Ok(())
    }

    /// `parse_process_char`.
    fn process_char(&mut self, dialect: &DialectObj, mut c: u32) -> PyResult<()> {
        let is_crlf = |c: u32| c == '\n' as u32 || c == '\r' as u32;
        let end_state = |c: u32| if c == EOL { START_RECORD } else { EAT_CRNL };
        let quote_on = dialect.quoting != QUOTE_NONE;
        let is_quote = |c: u32| dialect.quotechar == Some(c);
        let is_escape = |c: u32| dialect.escapechar == Some(c);
        let mut state = self.state;
        if state == START_RECORD {
            // start of record
            if c == EOL {
                // empty line - return []
                return Ok(());
            } else if is_crlf(c) {
                self.state = EAT_CRNL;
                return Ok(());
            }
            // normal character - handle as START_FIELD
            self.state = START_FIELD;
            state = START_FIELD;
        }
        if state == AFTER_ESCAPED_CRNL {
            if c == EOL {
                return Ok(());
            }
            state = IN_FIELD;
        }
        match state {
            START_FIELD => {
                // expecting field
                if is_crlf(c) || c == EOL {
                    // save empty field - return [fields]
                    self.save_field()?;
                    self.state = end_state(c);
                } else if is_quote(c) && quote_on {
                    // start quoted field
                    self.state = IN_QUOTED_FIELD;
                } else if is_escape(c) {
                    // possible escaped character
                    self.state = ESCAPED_CHAR;
                } else if c == ' ' as u32 && dialect.skipinitialspace {
                    // ignore spaces at start of field
                } else if c == dialect.delimiter {
                    // save empty field
                    self.save_field()?;
                } else {
                    // begin new unquoted field
                    if dialect.quoting == QUOTE_NONNUMERIC {
                        self.numeric_field = true;
                    }
                    self.add_char(c)?;
                    self.state = IN_FIELD;
                }
            }
            ESCAPED_CHAR => {
                if is_crlf(c) {
                    self.add_char(c)?;
                    self.state = AFTER_ESCAPED_CRNL;
                    return Ok(());
                }
                if c == EOL {
                    c = '\n' as u32;
                }
                self.add_char(c)?;
                self.state = IN_FIELD;
            }
            IN_FIELD => {
                // in unquoted field
                if is_crlf(c) || c == EOL {
                    // end of line - return [fields]
                    self.save_field()?;
                    self.state = end_state(c);
                } else if is_escape(c) {
                    // possible escaped character
                    self.state = ESCAPED_CHAR;
                } else if c == dialect.delimiter {
                    // save field - wait for new field
                    self.save_field()?;
                    self.state = START_FIELD;
                } else {
                    // normal character - save in field
                    self.add_char(c)?;
                }
            }
            IN_QUOTED_FIELD => {
                // in quoted field
                if c == EOL {
                } else if is_escape(c) {
                    // Possible escape character
                    self.state = ESCAPE_IN_QUOTED_FIELD;
                } else if is_quote(c) && quote_on {
                    if dialect.doublequote {
                        // doublequote; " represented by ""
                        self.state = QUOTE_IN_QUOTED_FIELD;
                    } else {
                        // end of quote part of field
                        self.state = IN_FIELD;
                    }
                } else {
                    // normal character - save in field
                    self.add_char(c)?;
                }
            }
            ESCAPE_IN_QUOTED_FIELD => {
                if c == EOL {
                    c = '\n' as u32;
                }
                self.add_char(c)?;
                self.state = IN_QUOTED_FIELD;
            }
            QUOTE_IN_QUOTED_FIELD => {
                // doublequote - seen a quote in a quoted field
                if quote_on && is_quote(c) {
                    // save "" as "
                    self.add_char(c)?;
                    self.state = IN_QUOTED_FIELD;
                } else if c == dialect.delimiter {
                    // save field - wait for new field
                    self.save_field()?;
                    self.state = START_FIELD;
                } else if is_crlf(c) || c == EOL {
                    // end of line - return [fields]
                    self.save_field()?;
                    self.state = end_state(c);
                } else if !dialect.strict {
                    self.add_char(c)?;
                    self.state = IN_FIELD;
                } else {
                    // illegal
                    let delim = char::from_u32(dialect.delimiter).unwrap_or('\u{fffd}');
                    let quote = dialect
                        .quotechar
                        .and_then(char::from_u32)
                        .unwrap_or('\u{fffd}');
                    return Err(csv_error(format!("'{delim}' expected after '{quote}'")));
                }
            }
            EAT_CRNL => {
                if is_crlf(c) {
                } else if c == EOL {
                    self.state = START_RECORD;
                } else {
                    return Err(csv_error("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?"));
                }
            }
            START_RECORD | AFTER_ESCAPED_CRNL => unreachable!("handled above"),
        }
        Ok(())
    }
}

/// `Reader_iternext`.
fn Reader_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let r = as_reader(obj);
    let dialect = as_dialect(&r.dialect);
    // parse_reset: the parse state is taken out of the object while Python code (the
    // input iterator, float()) may run, and put back afterwards.
    let mut ps = ParseState {
        fields: Vec::new(),
        field: Vec::new(),
        state: START_RECORD,
        numeric_field: false,
    };
    let result = (|| -> PyResult<Option<PyObjectRef>> {
        loop {
            let Some(lineobj) = PyIter_Next(&r.input_iter)? else {
                // End of input
                if !ps.field.is_empty() || ps.state == IN_QUOTED_FIELD {
                    if dialect.strict {
                        return Err(csv_error("unexpected end of data"));
                    }
                    ps.save_field()?;
                    break;
                }
                return Ok(None);
            };
            let Some(line) = lineobj.downcast_ref::<PyUnicodeObject>() else {
                return Err(csv_error(format!(
                    "iterator should return strings, not {:.200} (the file should be opened in text mode)",
                    lineobj.ob_type().name()
                )));
            };
            r.line_num.set(r.line_num.get() + 1);
            for pos in 0..line.len() {
                ps.process_char(dialect, line.char_at(pos))?;
            }
            ps.process_char(dialect, EOL)?;
            if ps.state == START_RECORD {
                break;
            }
        }
        Ok(Some(
            PyList_New(std::mem::take(&mut ps.fields)).into_object(),
        ))
    })();
    r.parse.set(ps);
    result
}

fn Reader_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let r = as_reader(obj);
    visit(&r.input_iter);
    visit(&r.dialect);
    // SAFETY: traversal runs no Python code.
    for f in unsafe { r.parse.get_ref() }.fields.iter() {
        visit(f);
    }
}

unsafe fn Reader_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead reader.
    unsafe { dealloc_object::<ReaderObj>(op) }
}

fn Reader_get_dialect(obj: &PyObject) -> PyResult {
    Ok(as_reader(obj).dialect.clone())
}
fn Reader_get_line_num(obj: &PyObject) -> PyResult {
    Ok(objects::longobject::PyLong_FromU64(
        as_reader(obj).line_num.get(),
    ))
}

static READER_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef::getter("dialect", Reader_get_dialect),
    PyGetSetDef::getter("line_num", Reader_get_line_num),
];

/// `_csv.reader`.
pub static Reader_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_csv.reader",
    tp_basicsize: Cell::new(size_of::<ReaderObj>()),
    tp_dealloc: slot(Reader_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("CSV reader\n\nReader objects are responsible for reading and parsing tabular data\nin CSV format.\n"),
    tp_traverse: slot(Reader_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(Reader_iternext),
    tp_getset: &READER_GETSET,
    ..PyTypeObject::DEFAULT
};

/// `csv_reader`: `reader(iterable, dialect='excel', **fmtparams)`.
fn csv_reader(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let nargs = unpack_positional(args, kwnames, 1, 2)?;
    let input_iter = PyObject_GetIter(&args[0])?;
    let dialect = _call_dialect(args[1..nargs].first(), &args[nargs..], kwnames)?;
    let value = ReaderObj {
        ob_base: PyObject_HEAD_INIT,
        input_iter,
        dialect,
        parse: PyCell::new(ParseState {
            fields: Vec::new(),
            field: Vec::new(),
            state: START_RECORD,
            numeric_field: false,
        }),
        line_num: Cell::new(0),
    };
    // SAFETY: the type is `_csv.reader`, whose layout is `ReaderObj`.
    Ok(unsafe { alloc_object(&Reader_Type, value) }.into_object())
}

// --- Writer -------------------------------------------------------------------------------

/// `WriterObj`.
#[repr(C)]
pub struct WriterObj {
    pub ob_base: PyObject,
    write: PyObjectRef,
    dialect: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for WriterObj {}

fn as_writer(obj: &PyObject) -> &WriterObj {
    // SAFETY: the slots of `_csv.writer` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const WriterObj) }
}

/// The record being built (`rec`, `num_fields`).
struct Record {
    rec: Vec<u32>,
    num_fields: usize,
}

impl Record {
    /// `join_append_data`: one pass over a field; the first pass (`copy_phase` false)
    /// only decides whether the field is quoted and checks the escapes.
    fn append_data(
        &mut self,
        dialect: &DialectObj,
        field: Option<&PyUnicodeObject>,
        quoted: &mut bool,
        copy_phase: bool,
    ) -> PyResult<()> {
        let lt = dialect
            .lineterminator
            .downcast_ref::<PyUnicodeObject>()
            .expect("lineterminator is a str");
        let mut out: Vec<u32> = Vec::new();
        // If this is not the first field we need a field separator
        if self.num_fields > 0 {
            out.push(dialect.delimiter);
        }
        // Handle preceding quote
        if copy_phase && *quoted {
            out.extend(dialect.quotechar);
        }
        if let Some(f) = field {
            for i in 0..f.len() {
                let c = f.char_at(i);
                let mut want_escape = false;
                if c == dialect.delimiter
                    || dialect.escapechar == Some(c)
                    || dialect.quotechar == Some(c)
                    || (0..lt.len()).any(|j| lt.char_at(j) == c)
                {
                    if dialect.quoting == QUOTE_NONE {
                        want_escape = true;
                    } else {
                        if dialect.quotechar == Some(c) {
                            if dialect.doublequote {
                                out.push(c);
                            } else {
                                want_escape = true;
                            }
                        } else if dialect.escapechar == Some(c) {
                            want_escape = true;
                        }
                        if !want_escape {
                            *quoted = true;
                        }
                    }
                    if want_escape {
                        let Some(e) = dialect.escapechar else {
                            return Err(csv_error("need to escape, but no escapechar set"));
                        };
                        out.push(e);
                    }
                }
                // Copy field character into record buffer.
                out.push(c);
            }
        }
        if *quoted && copy_phase {
            out.extend(dialect.quotechar);
        }
        if copy_phase {
            self.rec.extend(out);
        }
        Ok(())
    }

    /// `join_append`.
    fn append(
        &mut self,
        dialect: &DialectObj,
        field: Option<&PyUnicodeObject>,
        mut quoted: bool,
    ) -> PyResult<()> {
        self.append_data(dialect, field, &mut quoted, false)?;
        self.append_data(dialect, field, &mut quoted, true)?;
        self.num_fields += 1;
        Ok(())
    }
}

/// `csv_writerow`.
fn csv_writerow(obj: &PyObject, seq: &PyObject) -> PyResult {
    let w = as_writer(obj);
    let dialect = as_dialect(&w.dialect);
    let iter = match PyObject_GetIter(seq) {
        Ok(it) => it,
        Err(e) => {
            if objects::pyerrors::PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_TypeError)
            {
                return Err(csv_error(format!(
                    "iterable expected, not {:.200}",
                    seq.ob_type().name()
                )));
            }
            return Err(e);
        }
    };
    let mut rec = Record {
        rec: Vec::new(),
        num_fields: 0,
    };
    while let Some(field) = PyIter_Next(&iter)? {
        let quoted = match dialect.quoting {
            QUOTE_NONNUMERIC => !PyNumber_Check(&field),
            QUOTE_ALL => true,
            _ => false,
        };
        if field.downcast_ref::<PyUnicodeObject>().is_some() {
            rec.append(dialect, field.downcast_ref::<PyUnicodeObject>(), quoted)?;
        } else if field.is(Py_None()) {
            rec.append(dialect, None, quoted)?;
        } else {
            let s = PyObject_Str(&field)?;
            rec.append(dialect, s.downcast_ref::<PyUnicodeObject>(), quoted)?;
        }
    }
    if rec.num_fields > 0 && rec.rec.is_empty() {
        if dialect.quoting == QUOTE_NONE {
            return Err(csv_error("single empty field record must be quoted"));
        }
        rec.num_fields -= 1;
        rec.append(dialect, None, true)?;
    }
    // Add line terminator.
    let mut out = _PyUnicodeWriter::new();
    for c in rec.rec {
        out.push_char(c);
    }
    out.push_unicode(
        dialect
            .lineterminator
            .downcast_ref::<PyUnicodeObject>()
            .expect("lineterminator is a str"),
    );
    PyObject_CallOneArg(&w.write, &out.finish())
}

/// `csv_writerows`.
fn csv_writerows(obj: &PyObject, seqseq: &PyObject) -> PyResult {
    let row_iter = PyObject_GetIter(seqseq)?;
    while let Some(row) = PyIter_Next(&row_iter)? {
        csv_writerow(obj, &row)?;
    }
    Ok(none())
}

fn Writer_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let w = as_writer(obj);
    visit(&w.write);
    visit(&w.dialect);
}

unsafe fn Writer_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead writer.
    unsafe { dealloc_object::<WriterObj>(op) }
}

fn Writer_get_dialect(obj: &PyObject) -> PyResult {
    Ok(as_writer(obj).dialect.clone())
}

static WRITER_GETSET: [PyGetSetDef; 1] = [PyGetSetDef::getter("dialect", Writer_get_dialect)];

static WRITER_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "writerow",
        PyCFunction::O(csv_writerow),
        "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\nelements will be converted to string.",
    ),
    PyMethodDef::new(
        "writerows",
        PyCFunction::O(csv_writerows),
        "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  Non-string\nelements will be converted to string.",
    ),
];

/// `_csv.writer`.
pub static Writer_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_csv.writer",
    tp_basicsize: Cell::new(size_of::<WriterObj>()),
    tp_dealloc: slot(Writer_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("CSV writer\n\nWriter objects are responsible for generating tabular data\nin CSV format from sequence input.\n"),
    tp_traverse: slot(Writer_traverse),
    tp_methods: &WRITER_METHODS,
    tp_getset: &WRITER_GETSET,
    ..PyTypeObject::DEFAULT
};

/// `csv_writer`: `writer(fileobj, dialect='excel', **fmtparams)`.
fn csv_writer(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let nargs = unpack_positional(args, kwnames, 1, 2)?;
    let write = objects::object::_PyObject_LookupAttr(&args[0], objects::intern!("write"))?;
    let write = match write {
        Some(w) if w.ob_type().tp_call.get().is_some() => w,
        _ => return Err(type_error("argument 1 must have a \"write\" method")),
    };
    let dialect = _call_dialect(args[1..nargs].first(), &args[nargs..], kwnames)?;
    let value = WriterObj {
        ob_base: PyObject_HEAD_INIT,
        write,
        dialect,
    };
    // SAFETY: the type is `_csv.writer`, whose layout is `WriterObj`.
    Ok(unsafe { alloc_object(&Writer_Type, value) }.into_object())
}

// --- The module ----------------------------------------------------------------------------

/// `csv_list_dialects`.
fn csv_list_dialects(_m: &PyObject) -> PyResult {
    let d = dialects();
    Ok(PyDict_Keys(dialects_dict(&d)).into_object())
}

/// `csv_register_dialect`.
fn csv_register_dialect(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let nargs = unpack_positional(args, kwnames, 1, 2)?;
    let name_obj = &args[0];
    if name_obj.downcast_ref::<PyUnicodeObject>().is_none() {
        return Err(type_error("dialect name must be a string"));
    }
    let dialect = _call_dialect(args[1..nargs].first(), &args[nargs..], kwnames)?;
    let d = dialects();
    PyDict_SetItem(dialects_dict(&d), name_obj, &dialect)?;
    Ok(none())
}

/// `_csv_unregister_dialect_impl`.
fn csv_unregister_dialect(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "unregister_dialect",
            names: &["name"],
            posonly: 0,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let name = a[0].clone().expect("required");
    let d = dialects();
    let dd = dialects_dict(&d);
    if PyDict_GetItemWithError(dd, &name)?.is_none() {
        return Err(csv_error("unknown dialect"));
    }
    PyDict_DelItem(dd, &name)?;
    Ok(none())
}

/// `_csv_get_dialect_impl`.
fn csv_get_dialect(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "get_dialect",
            names: &["name"],
            posonly: 0,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    get_dialect_from_registry(a[0].as_deref().expect("required"))
}

/// `_csv_field_size_limit_impl`.
fn csv_field_size_limit(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "field_size_limit",
            names: &["new_limit"],
            posonly: 0,
            maxpos: 1,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let old_limit = field_limit();
    if let Some(new_limit) = &a[0] {
        if new_limit.downcast_ref_exact::<PyLongObject>().is_none() {
            return Err(type_error("limit must be an integer"));
        }
        let v = PyLong_AsLong(new_limit)?;
        // SAFETY: single-threaded; no other borrow.
        unsafe { *FIELD_LIMIT.get_mut() = v };
    }
    Ok(PyLong_FromSsize_t(old_limit as isize))
}

static CSV_METHODS: [PyMethodDef; 7] = [
    PyMethodDef::new(
        "reader",
        PyCFunction::FastKw(csv_reader),
        "    csv_reader = reader(iterable [, dialect='excel']\n                        [optional keyword args])\n    for row in csv_reader:\n        process(row)\n\nThe \"iterable\" argument can be any object that returns a line\nof input for each iteration, such as a file object or a list.  The\noptional \"dialect\" parameter is discussed below.  The function\nalso accepts optional keyword arguments which override settings\nprovided by the dialect.\n\nThe returned object is an iterator.  Each iteration returns a row\nof the CSV file (which can span multiple input lines).\n",
    ),
    PyMethodDef::new(
        "writer",
        PyCFunction::FastKw(csv_writer),
        "    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n    for row in sequence:\n        csv_writer.writerow(row)\n\n    [or]\n\n    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n    csv_writer.writerows(rows)\n\nThe \"fileobj\" argument can be any object that supports the file API.\n",
    ),
    PyMethodDef::new(
        "list_dialects",
        PyCFunction::NoArgs(csv_list_dialects),
        "list_dialects($module, /)\n--\n\nReturn a list of all know dialect names.\n\n    names = csv.list_dialects()",
    ),
    PyMethodDef::new(
        "register_dialect",
        PyCFunction::FastKw(csv_register_dialect),
        "Create a mapping from a string name to a dialect class.\n    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])",
    ),
    PyMethodDef::new(
        "unregister_dialect",
        PyCFunction::FastKw(csv_unregister_dialect),
        "unregister_dialect($module, /, name)\n--\n\nDelete the name/dialect mapping associated with a string name.\n\n    csv.unregister_dialect(name)",
    ),
    PyMethodDef::new(
        "get_dialect",
        PyCFunction::FastKw(csv_get_dialect),
        "get_dialect($module, /, name)\n--\n\nReturn the dialect instance associated with name.\n\n    dialect = csv.get_dialect(name)",
    ),
    PyMethodDef::new(
        "field_size_limit",
        PyCFunction::FastKw(csv_field_size_limit),
        "field_size_limit($module, /, new_limit=<unrepresentable>)\n--\n\nSets an upper limit on parsed fields.\n\n    csv.field_size_limit([limit])\n\nReturns old limit. If limit is not given, no new limit is set and\nthe old limit is returned",
    ),
];

const CSV_MODULE_DOC: &str = "CSV parsing and writing.\n\nThis module provides classes that assist in the reading and writing\nof Comma Separated Value (CSV) files, and implements the interface\ndescribed by PEP 305.  Although many CSV files are simple to parse,\nthe format is not formally defined by a stable specification and\nis subtle enough that parsing lines of a CSV file with something\nlike line.split(\",\") is bound to fail.  The module supports three\nbasic APIs: reading, writing, and registration of dialects.\n";

/// Make the `_csv` module (`PyInit__csv`).
pub fn PyInit__csv() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&Dialect_Type)?;
    PyType_Ready(&Reader_Type)?;
    PyType_Ready(&Writer_Type)?;
    let m = PyModule_New("_csv")?;
    PyModule_AddFunctions(&m, &CSV_METHODS)?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(CSV_MODULE_DOC))?;
    PyModule_AddObject(&m, "__version__", &PyUnicode_FromString("1.0"))?;
    PyModule_AddObject(&m, "Dialect", Dialect_Type.as_object())?;
    PyModule_AddObject(&m, "Reader", Reader_Type.as_object())?;
    PyModule_AddObject(&m, "Writer", Writer_Type.as_object())?;
    for (name, v) in [
        ("QUOTE_MINIMAL", QUOTE_MINIMAL),
        ("QUOTE_ALL", QUOTE_ALL),
        ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC),
        ("QUOTE_NONE", QUOTE_NONE),
    ] {
        PyModule_AddObject(&m, name, &PyLong_FromSsize_t(v as isize))?;
    }
    PyModule_AddObject(&m, "_dialects", &dialects())?;
    PyModule_AddObject(&m, "Error", error_type()?.as_object())?;
    Ok(m)
}
