//! The `_json` module: the accelerated scanner and encoder `Lib/json` uses when it is
//! there. Mirrors Modules/_json.c (CPython 3.11).
//!
//! Differences from CPython: strings are read through `PyUnicodeObject::char_at`
//! rather than `PyUnicode_READ` on a kind, and the encoder builds its output in a
//! Rust `String` (the output of `json` is text, so every piece is valid UTF-8 except
//! lone surrogates, which go through `_PyUnicodeWriter` code points instead).

use std::cell::Cell;
use std::mem::size_of;

use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::dictobject::{PyDictObject, PyDict_New, PyDict_SetDefault, PyDict_SetItem};
use objects::exceptions::PyExc_StopIteration;
use objects::floatobject::PyFloatObject;
use objects::getargs::{unpack_keywords, ArgSpec};
use objects::listobject::{PyListObject, PyList_Append, PyList_New};
use objects::longobject::{PyLongObject, PyLong_FromSsize_t};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, PyObject_IsTrue, Py_EnterRecursiveCall, Py_None};
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::{_PyUnicodeWriter, PyUnicodeObject, PyUnicode_FromString};

// --- Errors ------------------------------------------------------------------------------

/// `raise_errmsg`: `json.decoder.JSONDecodeError(msg, doc, pos)`.
fn raise_errmsg(msg: &str, s: &PyObject, end: usize) -> PyErr {
    let err = (|| -> PyResult<PyErr> {
        let m = python::import::PyImport_ImportModule("json.decoder")?;
        let cls = objects::object::PyObject_GetAttrString(&m, "JSONDecodeError")?;
        let exc = objects::call::PyObject_Vectorcall(
            &cls,
            &[
                PyUnicode_FromString(msg),
                s.to_owned(),
                PyLong_FromSsize_t(end as isize),
            ],
            None,
        )?;
        Ok(objects::pyerrors::PyErr_SetObject(
            exc.ob_type(),
            exc.clone(),
        ))
    })();
    match err {
        Ok(e) | Err(e) => e,
    }
}

/// `raise_stop_iteration`: "no JSON value starts at `idx`".
fn raise_stop_iteration(idx: usize) -> PyErr {
    objects::pyerrors::PyErr_FromArgs(&PyExc_StopIteration, &[PyLong_FromSsize_t(idx as isize)])
}

fn as_unicode<'a>(obj: &'a PyObject, what: &str) -> PyResult<&'a PyUnicodeObject> {
    obj.downcast_ref::<PyUnicodeObject>().ok_or_else(|| {
        let _ = what;
        type_error(format!(
            "first argument must be a string, not {:.80}",
            obj.ob_type().name()
        ))
    })
}

// --- scanstring ---------------------------------------------------------------------------

fn hex_value(c: u32) -> Option<u32> {
    char::from_u32(c).and_then(|c| c.to_digit(16))
}

/// `scanstring_unicode`: decode the JSON string whose opening quote is just before
/// `end`; returns the string and the index after the closing quote.
fn scanstring_unicode(
    pystr: &PyObject,
    end: usize,
    strict: bool,
) -> PyResult<(PyObjectRef, usize)> {
    let u = as_unicode(pystr, "scanstring")?;
    let len = u.len();
    let begin = end.wrapping_sub(1);
    if end > len {
        return Err(value_error("end is out of bounds"));
    }
    let mut end = end;
    let mut out = _PyUnicodeWriter::new();
    loop {
        // Find the end of the string or the next escape.
        let mut next = end;
        let mut c = 0u32;
        while next < len {
            c = u.char_at(next);
            if c == '"' as u32 || c == '\\' as u32 {
                break;
            }
            if c <= 0x1f && strict {
                return Err(raise_errmsg("Invalid control character at", pystr, next));
            }
            next += 1;
        }
        if next >= len || !(c == '"' as u32 || c == '\\' as u32) {
            return Err(raise_errmsg(
                "Unterminated string starting at",
                pystr,
                begin,
            ));
        }
        if next != end {
            out.push_substring(u, end, next);
        }
        next += 1;
        if c == '"' as u32 {
            end = next;
            break;
        }
        if next == len {
            return Err(raise_errmsg(
                "Unterminated string starting at",
                pystr,
                begin,
            ));
        }
        let e = u.char_at(next);
        let ch = if e != 'u' as u32 {
            // A one-character escape.
            end = next + 1;
            match char::from_u32(e) {
                Some('"') => '"' as u32,
                Some('\\') => '\\' as u32,
                Some('/') => '/' as u32,
                Some('b') => 8,
                Some('f') => 12,
                Some('n') => 10,
                Some('r') => 13,
                Some('t') => 9,
                _ => return Err(raise_errmsg("Invalid \\escape", pystr, end - 2)),
            }
        } else {
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(raise_errmsg("Invalid \\uXXXX escape", pystr, next - 1));
            }
            let mut ch = 0u32;
            while next < end {
                match hex_value(u.char_at(next)) {
                    Some(d) => ch = (ch << 4) | d,
                    None => return Err(raise_errmsg("Invalid \\uXXXX escape", pystr, end - 5)),
                }
                next += 1;
            }
            // A high surrogate followed by an escaped low one makes one character.
            if (0xd800..=0xdbff).contains(&ch) && end + 6 < len {
                let b1 = u.char_at(next) == '\\' as u32;
                next += 1;
                if b1 {
                    let b2 = u.char_at(next) == 'u' as u32;
                    next += 1;
                    if b2 {
                        let mut c2 = 0u32;
                        end += 6;
                        while next < end {
                            match hex_value(u.char_at(next)) {
                                Some(d) => c2 = (c2 << 4) | d,
                                None => {
                                    return Err(raise_errmsg(
                                        "Invalid \\uXXXX escape",
                                        pystr,
                                        end - 5,
                                    ))
                                }
                            }
                            next += 1;
                        }
                        if (0xdc00..=0xdfff).contains(&c2) {
                            ch = 0x10000 + (((ch - 0xd800) << 10) | (c2 - 0xdc00));
                        } else {
                            end -= 6;
                        }
                    }
                }
            }
            ch
        };
        out.push_char(ch);
    }
    Ok((out.finish(), end))
}

fn rval_index_tuple(rval: PyObjectRef, idx: usize) -> PyObjectRef {
    PyTuple_New(vec![rval, PyLong_FromSsize_t(idx as isize)]).into_object()
}

/// `_json.scanstring(string, end, strict=True, /)`.
fn py_scanstring(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("scanstring", args.len(), 2, 3)?;
    let end = objects::r#abstract::PyNumber_AsSsize_t(
        &*objects::r#abstract::PyNumber_Index(&args[1])?,
        Some(&objects::exceptions::PyExc_OverflowError),
    )?;
    let strict = match args.get(2) {
        Some(s) => PyObject_IsTrue(s)?,
        None => true,
    };
    as_unicode(&args[0], "scanstring")?;
    if end < 0 {
        return Err(value_error("end is out of bounds"));
    }
    let (s, next) = scanstring_unicode(&args[0], end as usize, strict)?;
    Ok(rval_index_tuple(s, next))
}

// --- encode_basestring -------------------------------------------------------------------

fn push_u_escape(out: &mut String, c: u32) {
    out.push_str(&format!("\\u{c:04x}"));
}

/// `ascii_escape_unicode`: a JSON string literal in pure ASCII.
fn ascii_escape_unicode(u: &PyUnicodeObject) -> PyObjectRef {
    let mut out = String::with_capacity(u.len() + 2);
    out.push('"');
    for c in u.iter() {
        match c {
            0x5c => out.push_str("\\\\"),
            0x22 => out.push_str("\\\""),
            0x20..=0x7e => out.push(c as u8 as char),
            8 => out.push_str("\\b"),
            12 => out.push_str("\\f"),
            10 => out.push_str("\\n"),
            13 => out.push_str("\\r"),
            9 => out.push_str("\\t"),
            c if c >= 0x10000 => {
                let v = c - 0x10000;
                push_u_escape(&mut out, 0xd800 | ((v >> 10) & 0x3ff));
                push_u_escape(&mut out, 0xdc00 | (v & 0x3ff));
            }
            c => push_u_escape(&mut out, c),
        }
    }
    out.push('"');
    PyUnicode_FromString(&out)
}

/// `escape_unicode`: a JSON string literal keeping non-ASCII characters.
fn escape_unicode(u: &PyUnicodeObject) -> PyObjectRef {
    let mut out = _PyUnicodeWriter::with_capacity(u.len() + 2);
    out.push_char('"' as u32);
    for c in u.iter() {
        match c {
            0x5c => out.push_str("\\\\"),
            0x22 => out.push_str("\\\""),
            8 => out.push_str("\\b"),
            12 => out.push_str("\\f"),
            10 => out.push_str("\\n"),
            13 => out.push_str("\\r"),
            9 => out.push_str("\\t"),
            c if c < 0x20 => out.push_str(&format!("\\u{c:04x}")),
            c => out.push_char(c),
        }
    }
    out.push_char('"' as u32);
    out.finish()
}

/// `_json.encode_basestring_ascii(s, /)`.
fn py_encode_basestring_ascii(_m: &PyObject, s: &PyObject) -> PyResult {
    Ok(ascii_escape_unicode(as_unicode(
        s,
        "encode_basestring_ascii",
    )?))
}

/// `_json.encode_basestring(s, /)`.
fn py_encode_basestring(_m: &PyObject, s: &PyObject) -> PyResult {
    Ok(escape_unicode(as_unicode(s, "encode_basestring")?))
}

// --- Scanner -----------------------------------------------------------------------------

/// `PyScannerObject`: `make_scanner(context)`.
#[repr(C)]
pub struct PyScannerObject {
    pub ob_base: PyObject,
    strict: bool,
    object_hook: PyObjectRef,
    object_pairs_hook: PyObjectRef,
    parse_float: PyObjectRef,
    parse_int: PyObjectRef,
    parse_constant: PyObjectRef,
    memo: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyScannerObject {}

fn as_scanner(obj: &PyObject) -> &PyScannerObject {
    // SAFETY: the slots of `_json.Scanner` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const PyScannerObject) }
}

fn is_ws(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0a | 0x0d)
}

impl PyScannerObject {
    /// `scan_once_unicode`: the value starting at `idx` and the index after it.
    fn scan_once(
        &self,
        pystr: &PyObject,
        u: &PyUnicodeObject,
        idx: usize,
    ) -> PyResult<(PyObjectRef, usize)> {
        let length = u.len();
        if idx >= length {
            return Err(raise_stop_iteration(idx));
        }
        let at = |i: usize, s: &str| {
            s.chars()
                .enumerate()
                .all(|(k, ch)| i + k < length && u.char_at(i + k) == ch as u32)
        };
        match char::from_u32(u.char_at(idx)) {
            Some('"') => return scanstring_unicode(pystr, idx + 1, self.strict),
            Some('{') => {
                let _guard =
                    Py_EnterRecursiveCall(" while decoding a JSON object from a unicode string")?;
                return self.parse_object(pystr, u, idx + 1);
            }
            Some('[') => {
                let _guard =
                    Py_EnterRecursiveCall(" while decoding a JSON array from a unicode string")?;
                return self.parse_array(pystr, u, idx + 1);
            }
            Some('n') if at(idx, "null") => return Ok((none(), idx + 4)),
            Some('t') if at(idx, "true") => {
                return Ok((objects::boolobject::PyBool_FromLong(true), idx + 4))
            }
            Some('f') if at(idx, "false") => {
                return Ok((objects::boolobject::PyBool_FromLong(false), idx + 5))
            }
            Some('N') if at(idx, "NaN") => return self.parse_constant("NaN", idx),
            Some('I') if at(idx, "Infinity") => return self.parse_constant("Infinity", idx),
            Some('-') if at(idx, "-Infinity") => return self.parse_constant("-Infinity", idx),
            _ => {}
        }
        self.match_number(u, idx)
    }

    /// `_parse_constant`.
    fn parse_constant(&self, constant: &str, idx: usize) -> PyResult<(PyObjectRef, usize)> {
        let cstr = objects::unicodeobject::PyUnicode_InternFromString(constant);
        let rval = objects::call::PyObject_CallOneArg(&self.parse_constant, &cstr)?;
        Ok((rval, idx + constant.len()))
    }

    /// `_match_number_unicode`.
    fn match_number(&self, u: &PyUnicodeObject, start: usize) -> PyResult<(PyObjectRef, usize)> {
        let length = u.len();
        let end_idx = length - 1;
        let digit = |i: usize| i < length && (0x30..=0x39).contains(&u.char_at(i));
        let mut idx = start;
        let mut is_float = false;
        if u.char_at(idx) == '-' as u32 {
            idx += 1;
            if idx > end_idx {
                return Err(raise_stop_iteration(start));
            }
        }
        let c = u.char_at(idx);
        if ('1' as u32..='9' as u32).contains(&c) {
            idx += 1;
            while idx <= end_idx && digit(idx) {
                idx += 1;
            }
        } else if c == '0' as u32 {
            idx += 1;
        } else {
            return Err(raise_stop_iteration(start));
        }
        if idx < end_idx && u.char_at(idx) == '.' as u32 && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while idx <= end_idx && digit(idx) {
                idx += 1;
            }
        }
        if idx < end_idx && (u.char_at(idx) == 'e' as u32 || u.char_at(idx) == 'E' as u32) {
            let e_start = idx;
            idx += 1;
            if idx < end_idx && (u.char_at(idx) == '-' as u32 || u.char_at(idx) == '+' as u32) {
                idx += 1;
            }
            while idx <= end_idx && digit(idx) {
                idx += 1;
            }
            if digit(idx - 1) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let text: String = (start..idx)
            .map(|i| char::from_u32(u.char_at(i)).unwrap_or('?'))
            .collect();
        let float_type = objects::floatobject::PyFloat_Type.as_object();
        let long_type = objects::longobject::PyLong_Type.as_object();
        let custom = if is_float && !self.parse_float.is(float_type) {
            Some(&self.parse_float)
        } else if !is_float && !self.parse_int.is(long_type) {
            Some(&self.parse_int)
        } else {
            None
        };
        let numstr = PyUnicode_FromString(&text);
        let rval = match custom {
            Some(f) => objects::call::PyObject_CallOneArg(f, &numstr)?,
            None if is_float => objects::floatobject::PyFloat_FromString(&numstr)?,
            None => objects::longobject::_PyLong_FromBytes(text.as_bytes(), 10)?,
        };
        Ok((rval, idx))
    }

    fn skip_ws(u: &PyUnicodeObject, mut idx: usize) -> usize {
        let len = u.len();
        while idx < len && is_ws(u.char_at(idx)) {
            idx += 1;
        }
        idx
    }

    /// `_parse_object_unicode`.
    fn parse_object(
        &self,
        pystr: &PyObject,
        u: &PyUnicodeObject,
        idx: usize,
    ) -> PyResult<(PyObjectRef, usize)> {
        let len = u.len();
        let has_pairs_hook = !self.object_pairs_hook.is(Py_None());
        let pairs = PyList_New(Vec::new());
        let dict = PyDict_New();
        let memo = self
            .memo
            .downcast_ref::<PyDictObject>()
            .ok_or_else(|| system_error("memo is not a dict"))?;
        let mut idx = Self::skip_ws(u, idx);
        if idx >= len || u.char_at(idx) != '}' as u32 {
            loop {
                if idx >= len || u.char_at(idx) != '"' as u32 {
                    return Err(raise_errmsg(
                        "Expecting property name enclosed in double quotes",
                        pystr,
                        idx,
                    ));
                }
                let (key, next) = scanstring_unicode(pystr, idx + 1, self.strict)?;
                let key = PyDict_SetDefault(memo, &key, &key)?;
                idx = Self::skip_ws(u, next);
                if idx >= len || u.char_at(idx) != ':' as u32 {
                    return Err(raise_errmsg("Expecting ':' delimiter", pystr, idx));
                }
                idx = Self::skip_ws(u, idx + 1);
                let (val, next) = self.scan_once(pystr, u, idx)?;
                if has_pairs_hook {
                    PyList_Append(&pairs, PyTuple_New(vec![key, val]).into_object())?;
                } else {
                    PyDict_SetItem(&dict, &key, &val)?;
                }
                idx = Self::skip_ws(u, next);
                if idx < len && u.char_at(idx) == '}' as u32 {
                    break;
                }
                if idx >= len || u.char_at(idx) != ',' as u32 {
                    return Err(raise_errmsg("Expecting ',' delimiter", pystr, idx));
                }
                idx = Self::skip_ws(u, idx + 1);
            }
        }
        let next = idx + 1;
        if has_pairs_hook {
            let val =
                objects::call::PyObject_CallOneArg(&self.object_pairs_hook, pairs.as_object())?;
            return Ok((val, next));
        }
        if !self.object_hook.is(Py_None()) {
            let val = objects::call::PyObject_CallOneArg(&self.object_hook, dict.as_object())?;
            return Ok((val, next));
        }
        Ok((dict.into_object(), next))
    }

    /// `_parse_array_unicode`.
    fn parse_array(
        &self,
        pystr: &PyObject,
        u: &PyUnicodeObject,
        idx: usize,
    ) -> PyResult<(PyObjectRef, usize)> {
        let len = u.len();
        let rval = PyList_New(Vec::new());
        let mut idx = Self::skip_ws(u, idx);
        if idx >= len || u.char_at(idx) != ']' as u32 {
            loop {
                let (val, next) = self.scan_once(pystr, u, idx)?;
                PyList_Append(&rval, val)?;
                idx = Self::skip_ws(u, next);
                if idx < len && u.char_at(idx) == ']' as u32 {
                    break;
                }
                if idx >= len || u.char_at(idx) != ',' as u32 {
                    return Err(raise_errmsg("Expecting ',' delimiter", pystr, idx));
                }
                idx = Self::skip_ws(u, idx + 1);
            }
        }
        Ok((rval.into_object(), idx + 1))
    }
}

/// `scanner_call`: `scan_once(string, idx)`.
fn scanner_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "scan_once",
            names: &["string", "idx"],
            posonly: 0,
            maxpos: 2,
            minpos: 2,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let pystr = a[0].clone().unwrap_or_else(none);
    let idx = objects::r#abstract::PyNumber_AsSsize_t(
        &*objects::r#abstract::PyNumber_Index(a[1].as_deref().unwrap_or(Py_None()))?,
        Some(&objects::exceptions::PyExc_OverflowError),
    )?;
    let u = as_unicode(&pystr, "scan_once")?;
    if idx < 0 {
        return Err(value_error("idx cannot be negative"));
    }
    let s = as_scanner(obj);
    let result = s.scan_once(&pystr, u, idx as usize);
    if let Some(memo) = s.memo.downcast_ref::<PyDictObject>() {
        objects::dictobject::PyDict_Clear(memo);
    }
    let (rval, next) = result?;
    Ok(rval_index_tuple(rval, next))
}

/// `scanner_new`: `make_scanner(context)`.
fn scanner_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "make_scanner",
            names: &["context"],
            posonly: 0,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let ctx = a[0].clone().unwrap_or_else(none);
    let get = |name: &str| objects::object::PyObject_GetAttrString(&ctx, name);
    let strict = PyObject_IsTrue(&*get("strict")?)?;
    let value = PyScannerObject {
        ob_base: PyObject_HEAD_INIT,
        strict,
        object_hook: get("object_hook")?,
        object_pairs_hook: get("object_pairs_hook")?,
        parse_float: get("parse_float")?,
        parse_int: get("parse_int")?,
        parse_constant: get("parse_constant")?,
        memo: PyDict_New().into_object(),
    };
    // SAFETY: `tp` is `_json.Scanner` (which is not subclassable).
    Ok(unsafe { alloc_object(tp, value) }.into_object())
}

fn scanner_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let s = as_scanner(obj);
    for o in [
        &s.object_hook,
        &s.object_pairs_hook,
        &s.parse_float,
        &s.parse_int,
        &s.parse_constant,
        &s.memo,
    ] {
        visit(o);
    }
}

unsafe fn scanner_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead scanner.
    unsafe { dealloc_object::<PyScannerObject>(op) }
}

fn scanner_get_strict(obj: &PyObject) -> PyResult {
    Ok(objects::boolobject::PyBool_FromLong(as_scanner(obj).strict))
}
fn scanner_get_object_hook(obj: &PyObject) -> PyResult {
    Ok(as_scanner(obj).object_hook.clone())
}
fn scanner_get_object_pairs_hook(obj: &PyObject) -> PyResult {
    Ok(as_scanner(obj).object_pairs_hook.clone())
}
fn scanner_get_parse_float(obj: &PyObject) -> PyResult {
    Ok(as_scanner(obj).parse_float.clone())
}
fn scanner_get_parse_int(obj: &PyObject) -> PyResult {
    Ok(as_scanner(obj).parse_int.clone())
}
fn scanner_get_parse_constant(obj: &PyObject) -> PyResult {
    Ok(as_scanner(obj).parse_constant.clone())
}

static SCANNER_GETSET: [PyGetSetDef; 6] = [
    PyGetSetDef::getter("strict", scanner_get_strict),
    PyGetSetDef::getter("object_hook", scanner_get_object_hook),
    PyGetSetDef::getter("object_pairs_hook", scanner_get_object_pairs_hook),
    PyGetSetDef::getter("parse_float", scanner_get_parse_float),
    PyGetSetDef::getter("parse_int", scanner_get_parse_int),
    PyGetSetDef::getter("parse_constant", scanner_get_parse_constant),
];

/// `_json.Scanner` (`make_scanner`).
pub static PyScannerType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_json.Scanner",
    tp_basicsize: Cell::new(size_of::<PyScannerObject>()),
    tp_dealloc: slot(scanner_dealloc),
    tp_call: slot(scanner_call),
    tp_flags: Cell::new(
        include::cpython::object::flags::Py_TPFLAGS_DEFAULT
            | include::cpython::object::flags::Py_TPFLAGS_HAVE_GC,
    ),
    tp_doc: Some("JSON scanner object"),
    tp_traverse: slot(scanner_traverse),
    tp_getset: &SCANNER_GETSET,
    tp_new: slot(scanner_new),
    ..PyTypeObject::DEFAULT
};

// --- Encoder -----------------------------------------------------------------------------

/// `PyEncoderObject`: `make_encoder(markers, default, encoder, indent,
/// key_separator, item_separator, sort_keys, skipkeys, allow_nan)`.
#[repr(C)]
pub struct PyEncoderObject {
    pub ob_base: PyObject,
    markers: PyObjectRef,
    defaultfn: PyObjectRef,
    encoder: PyObjectRef,
    indent: PyObjectRef,
    key_separator: PyObjectRef,
    item_separator: PyObjectRef,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    /// The encoder is one of this module's functions: call it directly.
    fast_encode: Option<fn(&PyUnicodeObject) -> PyObjectRef>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyEncoderObject {}

fn as_encoder(obj: &PyObject) -> &PyEncoderObject {
    // SAFETY: the slots of `_json.Encoder` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const PyEncoderObject) }
}

/// The `id()` of an object, the key of the circular-reference markers.
fn ident(obj: &PyObject) -> PyObjectRef {
    objects::longobject::PyLong_FromU64(obj as *const PyObject as usize as u64)
}

impl PyEncoderObject {
    fn markers(&self) -> Option<&PyDictObject> {
        self.markers.downcast_ref::<PyDictObject>()
    }

    /// Record `obj` as being encoded; `Some(key)` to remove afterwards.
    fn enter(&self, obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
        let Some(markers) = self.markers() else {
            return Ok(None);
        };
        let id = ident(obj);
        if objects::dictobject::PyDict_Contains(markers, &id)? {
            return Err(value_error("Circular reference detected"));
        }
        PyDict_SetItem(markers, &id, obj)?;
        Ok(Some(id))
    }

    fn leave(&self, id: Option<PyObjectRef>) -> PyResult<()> {
        if let (Some(id), Some(markers)) = (id, self.markers()) {
            objects::dictobject::PyDict_DelItem(markers, &id)?;
        }
        Ok(())
    }

    /// `encoder_encode_float`.
    fn encode_float(&self, obj: &PyObject) -> PyResult<PyObjectRef> {
        let v = objects::floatobject::PyFloat_AsDouble(obj)?;
        if !v.is_finite() {
            if !self.allow_nan {
                return Err(value_error(
                    "Out of range float values are not JSON compliant",
                ));
            }
            let text = if v > 0.0 {
                "Infinity"
            } else if v < 0.0 {
                "-Infinity"
            } else {
                "NaN"
            };
            return Ok(PyUnicode_FromString(text));
        }
        Ok(PyUnicode_FromString(
            &objects::floatobject::float_repr_string(v),
        ))
    }

    /// `encoder_encode_string`.
    fn encode_string(&self, obj: &PyObject) -> PyResult<PyObjectRef> {
        if let (Some(f), Some(u)) = (self.fast_encode, obj.downcast_ref::<PyUnicodeObject>()) {
            return Ok(f(u));
        }
        let encoded = objects::call::PyObject_CallOneArg(&self.encoder, obj)?;
        if encoded.downcast_ref::<PyUnicodeObject>().is_none() {
            return Err(type_error(format!(
                "encoder() must return a string, not {:.80}",
                encoded.ob_type().name()
            )));
        }
        Ok(encoded)
    }

    /// `encoder_listencode_obj`.
    fn listencode_obj(
        &self,
        w: &mut _PyUnicodeWriter,
        obj: &PyObject,
        indent_level: isize,
    ) -> PyResult<()> {
        if obj.is(Py_None()) {
            w.push_str("null");
        } else if obj.is(objects::boolobject::Py_True()) {
            w.push_str("true");
        } else if obj.is(objects::boolobject::Py_False()) {
            w.push_str("false");
        } else if obj.downcast_ref::<PyUnicodeObject>().is_some() {
            let s = self.encode_string(obj)?;
            w.push_unicode(s.downcast_ref::<PyUnicodeObject>().expect("str"));
        } else if obj.downcast_ref::<PyLongObject>().is_some() {
            w.push_str(&objects::longobject::_PyLong_Format(obj, 10)?);
        } else if obj.downcast_ref::<PyFloatObject>().is_some() {
            let s = self.encode_float(obj)?;
            w.push_unicode(s.downcast_ref::<PyUnicodeObject>().expect("str"));
        } else if obj
            .downcast_ref::<objects::listobject::PyListObject>()
            .is_some()
            || obj.downcast_ref::<PyTupleObject>().is_some()
        {
            let _guard = Py_EnterRecursiveCall(" while encoding a JSON object")?;
            self.listencode_list(w, obj, indent_level)?;
        } else if obj.downcast_ref::<PyDictObject>().is_some() {
            let _guard = Py_EnterRecursiveCall(" while encoding a JSON object")?;
            self.listencode_dict(w, obj, indent_level)?;
        } else {
            let id = self.enter(obj)?;
            let newobj = objects::call::PyObject_CallOneArg(&self.defaultfn, obj)?;
            {
                let _guard = Py_EnterRecursiveCall(" while encoding a JSON object")?;
                self.listencode_obj(w, &newobj, indent_level)?;
            }
            self.leave(id)?;
        }
        Ok(())
    }

    /// `encoder_listencode_dict`.
    fn listencode_dict(
        &self,
        w: &mut _PyUnicodeWriter,
        dct: &PyObject,
        indent_level: isize,
    ) -> PyResult<()> {
        let d = dct.downcast_ref::<PyDictObject>().expect("dict");
        if objects::dictobject::PyDict_Size(d) == 0 {
            w.push_str("{}");
            return Ok(());
        }
        let id = self.enter(dct)?;
        w.push_char('{' as u32);
        let _ = indent_level;
        let items: Vec<PyObjectRef> =
            if std::ptr::eq(dct.ob_type(), &objects::dictobject::PyDict_Type) {
                objects::dictobject::PyDict_Items(d).to_vec()
            } else {
                let it = objects::call::PyObject_CallMethodNoArgs(dct, objects::intern!("items"))?;
                objects::r#abstract::PySequence_Fast(&it, "items must return 2-tuples")?
            };
        let items = PyList_New(items);
        if self.sort_keys {
            objects::listobject::PyList_Sort(&items)?;
        }
        let key_sep = self
            .key_separator
            .downcast_ref::<PyUnicodeObject>()
            .expect("str");
        let item_sep = self
            .item_separator
            .downcast_ref::<PyUnicodeObject>()
            .expect("str");
        let mut first = true;
        for item in items.to_vec() {
            let pair = match item.downcast_ref::<PyTupleObject>() {
                Some(t) if t.len() == 2 => t.as_slice().to_vec(),
                _ => return Err(value_error("items must return 2-tuples")),
            };
            let key = &pair[0];
            let kstr = if key.downcast_ref::<PyUnicodeObject>().is_some() {
                key.clone()
            } else if key.downcast_ref::<PyFloatObject>().is_some() {
                self.encode_float(key)?
            } else if key.is(objects::boolobject::Py_True()) {
                PyUnicode_FromString("true")
            } else if key.is(objects::boolobject::Py_False()) {
                PyUnicode_FromString("false")
            } else if key.is(Py_None()) {
                PyUnicode_FromString("null")
            } else if key.downcast_ref::<PyLongObject>().is_some() {
                PyUnicode_FromString(&objects::longobject::_PyLong_Format(key, 10)?)
            } else if self.skipkeys {
                continue;
            } else {
                return Err(type_error(format!(
                    "keys must be str, int, float, bool or None, not {:.100}",
                    key.ob_type().name()
                )));
            };
            if !first {
                w.push_unicode(item_sep);
            }
            first = false;
            let encoded = self.encode_string(&kstr)?;
            w.push_unicode(encoded.downcast_ref::<PyUnicodeObject>().expect("str"));
            w.push_unicode(key_sep);
            self.listencode_obj(w, &pair[1], indent_level)?;
        }
        self.leave(id)?;
        w.push_char('}' as u32);
        Ok(())
    }

    /// `encoder_listencode_list`.
    fn listencode_list(
        &self,
        w: &mut _PyUnicodeWriter,
        seq: &PyObject,
        indent_level: isize,
    ) -> PyResult<()> {
        // A list is read live, its length checked before each item as CPython's
        // `PySequence_Fast_GET_SIZE` loop does: a `default` hook that shrinks the
        // list shortens the output instead of reading freed items.
        let live = seq.downcast_ref::<PyListObject>();
        let items = match live {
            Some(_) => Vec::new(),
            None => objects::r#abstract::PySequence_Fast(seq, "_iterencode_list needs a sequence")?,
        };
        let len = |items: &Vec<PyObjectRef>| live.map_or(items.len(), |l| l.len());
        if len(&items) == 0 {
            w.push_str("[]");
            return Ok(());
        }
        let id = self.enter(seq)?;
        w.push_char('[' as u32);
        let item_sep = self
            .item_separator
            .downcast_ref::<PyUnicodeObject>()
            .expect("str");
        let mut i = 0;
        while i < len(&items) {
            let obj = match live {
                Some(l) => match l.get(i) {
                    Some(o) => o,
                    None => break,
                },
                None => items[i].clone(),
            };
            if i > 0 {
                w.push_unicode(item_sep);
            }
            self.listencode_obj(w, &obj, indent_level)?;
            i += 1;
        }
        self.leave(id)?;
        w.push_char(']' as u32);
        Ok(())
    }
}

/// `encoder_call`: `_iterencode(obj, _current_indent_level)`.
fn encoder_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "_iterencode",
            names: &["obj", "_current_indent_level"],
            posonly: 0,
            maxpos: 2,
            minpos: 2,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let value = a[0].clone().unwrap_or_else(none);
    let level = objects::r#abstract::PyNumber_AsSsize_t(
        &*objects::r#abstract::PyNumber_Index(a[1].as_deref().unwrap_or(Py_None()))?,
        Some(&objects::exceptions::PyExc_OverflowError),
    )?;
    let mut w = _PyUnicodeWriter::new();
    as_encoder(obj).listencode_obj(&mut w, &value, level)?;
    Ok(PyList_New(vec![w.finish()]).into_object())
}

/// `encoder_new`.
fn encoder_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "make_encoder",
            names: &[
                "markers",
                "default",
                "encoder",
                "indent",
                "key_separator",
                "item_separator",
                "sort_keys",
                "skipkeys",
                "allow_nan",
            ],
            posonly: 0,
            maxpos: 9,
            minpos: 9,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let arg = |i: usize| a[i].clone().unwrap_or_else(none);
    let markers = arg(0);
    if !markers.is(Py_None()) && markers.downcast_ref::<PyDictObject>().is_none() {
        return Err(type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {:.200}",
            markers.ob_type().name()
        )));
    }
    for i in [4, 5] {
        let s = arg(i);
        if s.downcast_ref::<PyUnicodeObject>().is_none() {
            return Err(type_error(format!(
                "make_encoder() argument {} must be str, not {}",
                i + 1,
                s.ob_type().name()
            )));
        }
    }
    let encoder = arg(2);
    let fast_encode = native_function_name(&encoder).and_then(|n| match n {
        "encode_basestring_ascii" => {
            Some(ascii_escape_unicode as fn(&PyUnicodeObject) -> PyObjectRef)
        }
        "encode_basestring" => Some(escape_unicode as fn(&PyUnicodeObject) -> PyObjectRef),
        _ => None,
    });
    let value = PyEncoderObject {
        ob_base: PyObject_HEAD_INIT,
        markers,
        defaultfn: arg(1),
        encoder,
        indent: arg(3),
        key_separator: arg(4),
        item_separator: arg(5),
        sort_keys: PyObject_IsTrue(&arg(6))?,
        skipkeys: PyObject_IsTrue(&arg(7))?,
        allow_nan: PyObject_IsTrue(&arg(8))?,
        fast_encode,
    };
    // SAFETY: `tp` is `_json.Encoder` (which is not subclassable).
    Ok(unsafe { alloc_object(tp, value) }.into_object())
}

/// The name of `f` if it is one of this module's functions (CPython compares the
/// C function pointer with `py_encode_basestring_ascii`).
fn native_function_name(f: &PyObject) -> Option<&'static str> {
    let cf = f.downcast_ref::<objects::methodobject::PyCFunctionObject>()?;
    let def = cf.m_ml;
    for d in JSON_METHODS.iter() {
        if std::ptr::eq(def, d) {
            return Some(d.ml_name);
        }
    }
    None
}

fn encoder_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let e = as_encoder(obj);
    for o in [
        &e.markers,
        &e.defaultfn,
        &e.encoder,
        &e.indent,
        &e.key_separator,
        &e.item_separator,
    ] {
        visit(o);
    }
}

unsafe fn encoder_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead encoder.
    unsafe { dealloc_object::<PyEncoderObject>(op) }
}

fn encoder_get_markers(obj: &PyObject) -> PyResult {
    Ok(as_encoder(obj).markers.clone())
}
fn encoder_get_default(obj: &PyObject) -> PyResult {
    Ok(as_encoder(obj).defaultfn.clone())
}
fn encoder_get_encoder(obj: &PyObject) -> PyResult {
    Ok(as_encoder(obj).encoder.clone())
}
fn encoder_get_indent(obj: &PyObject) -> PyResult {
    Ok(as_encoder(obj).indent.clone())
}
fn encoder_get_key_separator(obj: &PyObject) -> PyResult {
    Ok(as_encoder(obj).key_separator.clone())
}
fn encoder_get_item_separator(obj: &PyObject) -> PyResult {
    Ok(as_encoder(obj).item_separator.clone())
}
fn encoder_get_sort_keys(obj: &PyObject) -> PyResult {
    Ok(objects::boolobject::PyBool_FromLong(
        as_encoder(obj).sort_keys,
    ))
}
fn encoder_get_skipkeys(obj: &PyObject) -> PyResult {
    Ok(objects::boolobject::PyBool_FromLong(
        as_encoder(obj).skipkeys,
    ))
}

static ENCODER_GETSET: [PyGetSetDef; 8] = [
    PyGetSetDef::getter("markers", encoder_get_markers),
    PyGetSetDef::getter("default", encoder_get_default),
    PyGetSetDef::getter("encoder", encoder_get_encoder),
    PyGetSetDef::getter("indent", encoder_get_indent),
    PyGetSetDef::getter("key_separator", encoder_get_key_separator),
    PyGetSetDef::getter("item_separator", encoder_get_item_separator),
    PyGetSetDef::getter("sort_keys", encoder_get_sort_keys),
    PyGetSetDef::getter("skipkeys", encoder_get_skipkeys),
];

/// `_json.Encoder` (`make_encoder`).
pub static PyEncoderType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_json.Encoder",
    tp_basicsize: Cell::new(size_of::<PyEncoderObject>()),
    tp_dealloc: slot(encoder_dealloc),
    tp_call: slot(encoder_call),
    tp_flags: Cell::new(
        include::cpython::object::flags::Py_TPFLAGS_DEFAULT
            | include::cpython::object::flags::Py_TPFLAGS_HAVE_GC,
    ),
    tp_doc: Some("_iterencode(obj, _current_indent_level) -> iterable"),
    tp_traverse: slot(encoder_traverse),
    tp_getset: &ENCODER_GETSET,
    tp_new: slot(encoder_new),
    ..PyTypeObject::DEFAULT
};

// --- The module ----------------------------------------------------------------------------

static JSON_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "encode_basestring_ascii",
        PyCFunction::O(py_encode_basestring_ascii),
        "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string",
    ),
    PyMethodDef::new(
        "encode_basestring",
        PyCFunction::O(py_encode_basestring),
        "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string",
    ),
    PyMethodDef::new(
        "scanstring",
        PyCFunction::Fast(py_scanstring),
        "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string. End is the index of the\ncharacter in s after the quote that started the JSON string.\nUnescapes all valid JSON string escape sequences and raises ValueError\non attempt to decode an invalid string. If strict is False then literal\ncontrol characters are allowed in the string.\n\nReturns a tuple of the decoded string and the index of the character in s\nafter the end quote.",
    ),
];

/// Make the `_json` module (`PyInit__json`).
pub fn PyInit__json() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&PyScannerType)?;
    PyType_Ready(&PyEncoderType)?;
    let m = PyModule_New("_json")?;
    PyModule_AddFunctions(&m, &JSON_METHODS)?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString("json speedups\n"))?;
    PyModule_AddObject(&m, "make_scanner", PyScannerType.as_object())?;
    PyModule_AddObject(&m, "make_encoder", PyEncoderType.as_object())?;
    Ok(m)
}
