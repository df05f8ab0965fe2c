//! Text encodings: the codec registry and error handlers of Python/codecs.c, and the
//! built-in codecs of Objects/unicodeobject.c (CPython 3.11): UTF-8 (and UTF-8 with
//! signature), UTF-16 and UTF-32 (native with a BOM, or little/big endian), ASCII,
//! Latin-1, `unicode_escape`, `raw_unicode_escape` and UTF-7.
//!
//! Every standard error handler works with every built-in codec, with CPython's
//! error ranges and messages: `strict`, `ignore`, `replace`, `backslashreplace`,
//! `xmlcharrefreplace`, `namereplace`, `surrogateescape` and `surrogatepass`; handlers
//! registered with [`PyCodec_RegisterError`] are called like CPython calls them
//! (`handler(exc) -> (replacement, newpos)`).
//!
//! Encoding names are normalised as `encodings.normalize_encoding` does and resolved
//! through the aliases of `encodings.aliases` that lead to the built-in codecs
//! (`UTF8`, `latin1`, `iso-8859-1`, `us-ascii`, `u16`...).
//!
//! Differences from CPython: there is no Python-level codec registry here. Other
//! encodings (`cp1252`, `utf-7`, `idna`...) go through [`set_codec_fallback`], which
//! the interpreter can point at the `encodings` package; without it they raise
//! `LookupError: unknown encoding`. `namereplace` and `\N{...}` take character names
//! from `crate::ucnhash`, the tables of the `unicodedata` module.

use std::cell::Cell;

use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use crate::bytesobject::{bytes_like_cow, PyBytesObject, PyBytes_FromVec};
use crate::exceptions::{
    PyExc_UnicodeDecodeError, PyExc_UnicodeEncodeError, PyExc_UnicodeTranslateError,
    PyUnicodeDecodeError_Create, PyUnicodeEncodeError_Create, PyUnicodeError_GetEncoding,
    PyUnicodeError_GetEnd, PyUnicodeError_GetObject, PyUnicodeError_GetStart,
};
use crate::prelude::*;
use crate::typeobject::PyType_IsSubtype;
use crate::unicodeobject::{_PyUnicodeWriter, as_str_lossy, PyUnicodeObject, PyUnicode_FromString};

// --- Codec names -------------------------------------------------------------------------

/// Byte order of a UTF-16/32 codec: native with a byte order mark (`utf-16`), or
/// fixed without one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ByteOrder {
    /// `utf-16`/`utf-32`: encoding writes a BOM and native order; decoding honours
    /// a BOM and otherwise assumes native order.
    Native,
    Little,
    Big,
}

/// A built-in codec.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    /// `utf-8-sig`: UTF-8 with a leading byte order mark.
    Utf8Sig,
    Utf16(ByteOrder),
    Utf32(ByteOrder),
    Ascii,
    Latin1,
    /// `unicode_escape`: Python string-literal escapes over Latin-1.
    UnicodeEscape,
    /// `raw_unicode_escape`: only `\uXXXX` and `\UXXXXXXXX` escapes.
    RawUnicodeEscape,
    /// `utf-7` (RFC 2152), reached through `_codecs.utf_7_encode`/`utf_7_decode`:
    /// like CPython, `str.encode('utf-7')` goes through the `encodings` package.
    Utf7,
}

const LITTLE_ENDIAN: bool = cfg!(target_endian = "little");

impl Codec {
    /// The codec's name as error messages give it for encoding.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 | Codec::Utf8Sig => "utf-8",
            Codec::Utf16(ByteOrder::Native) => "utf-16",
            Codec::Utf16(ByteOrder::Little) => "utf-16-le",
            Codec::Utf16(ByteOrder::Big) => "utf-16-be",
            Codec::Utf32(ByteOrder::Native) => "utf-32",
            Codec::Utf32(ByteOrder::Little) => "utf-32-le",
            Codec::Utf32(ByteOrder::Big) => "utf-32-be",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::UnicodeEscape => "unicodeescape",
            Codec::RawUnicodeEscape => "rawunicodeescape",
            Codec::Utf7 => "utf7",
        }
    }
}

/// `encodings.normalize_encoding` (and `_Py_normalize_encoding`): runs of characters
/// other than ASCII letters, digits and '.' become one '_', leading and trailing
/// ones are dropped, letters are lowered.
pub fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// The aliases of `encodings.aliases` that lead to built-in codecs, and the codecs'
/// module names.
const ALIASES: &[(&str, &str)] = &[
    ("646", "ascii"),
    ("8859", "latin_1"),
    ("ansi_x3.4_1968", "ascii"),
    ("ansi_x3.4_1986", "ascii"),
    ("ansi_x3_4_1968", "ascii"),
    ("cp367", "ascii"),
    ("cp65001", "utf_8"),
    ("cp819", "latin_1"),
    ("csascii", "ascii"),
    ("csisolatin1", "latin_1"),
    ("ibm367", "ascii"),
    ("ibm819", "latin_1"),
    ("iso646_us", "ascii"),
    ("iso8859", "latin_1"),
    ("iso8859_1", "latin_1"),
    ("iso_646.irv_1991", "ascii"),
    ("iso_8859_1", "latin_1"),
    ("iso_8859_1_1987", "latin_1"),
    ("iso_ir_100", "latin_1"),
    ("iso_ir_6", "ascii"),
    ("l1", "latin_1"),
    ("latin", "latin_1"),
    ("latin1", "latin_1"),
    ("u16", "utf_16"),
    ("u32", "utf_32"),
    ("u8", "utf_8"),
    ("unicodebigunmarked", "utf_16_be"),
    ("unicodelittleunmarked", "utf_16_le"),
    ("us", "ascii"),
    ("us_ascii", "ascii"),
    ("utf", "utf_8"),
    ("utf16", "utf_16"),
    ("utf32", "utf_32"),
    ("utf8", "utf_8"),
    ("utf8_ucs2", "utf_8"),
    ("utf8_ucs4", "utf_8"),
    ("utf_16be", "utf_16_be"),
    ("utf_16le", "utf_16_le"),
    ("utf_32be", "utf_32_be"),
    ("utf_32le", "utf_32_le"),
];

/// Codecs of the standard library that are not text encodings (bytes-to-bytes or
/// str-to-str): `str.encode` and `bytes.decode` refuse them by name.
const NON_TEXT: &[&str] = &[
    "base64_codec",
    "base64",
    "base_64",
    "bz2_codec",
    "bz2",
    "hex_codec",
    "hex",
    "quopri_codec",
    "quopri",
    "quoted_printable",
    "quotedprintable",
    "uu_codec",
    "uu",
    "zlib_codec",
    "zip",
    "zlib",
    "rot_13",
    "rot13",
];

fn codec_from_module(module: &str) -> Option<Codec> {
    Some(match module {
        "utf_8" => Codec::Utf8,
        "utf_8_sig" => Codec::Utf8Sig,
        "utf_16" => Codec::Utf16(ByteOrder::Native),
        "utf_16_le" => Codec::Utf16(ByteOrder::Little),
        "utf_16_be" => Codec::Utf16(ByteOrder::Big),
        "utf_32" => Codec::Utf32(ByteOrder::Native),
        "utf_32_le" => Codec::Utf32(ByteOrder::Little),
        "utf_32_be" => Codec::Utf32(ByteOrder::Big),
        "ascii" => Codec::Ascii,
        "latin_1" => Codec::Latin1,
        "unicode_escape" => Codec::UnicodeEscape,
        "raw_unicode_escape" => Codec::RawUnicodeEscape,
        _ => return None,
    })
}

/// The built-in codec for an encoding name, if there is one (`_PyCodec_Lookup`
/// restricted to the built-in codecs).
pub fn lookup_builtin(name: &str) -> Option<Codec> {
    // The common spellings first, without allocating.
    match name {
        "utf-8" | "utf8" | "UTF-8" | "utf_8" => return Some(Codec::Utf8),
        "ascii" => return Some(Codec::Ascii),
        "latin-1" | "latin1" | "iso-8859-1" => return Some(Codec::Latin1),
        _ => {}
    }
    let norm = normalize_encoding(name);
    let alias = |n: &str| ALIASES.iter().find(|(a, _)| *a == n).map(|(_, m)| *m);
    let module = alias(&norm)
        .or_else(|| alias(&norm.replace('.', "_")))
        .unwrap_or(&norm);
    codec_from_module(module)
}

/// Encoders and decoders for encodings that are not built in, supplied by the
/// interpreter (through the `encodings` package): `(object, encoding, errors,
/// encode?)` -> the result, or `None` for an unknown encoding.
pub type CodecFallback =
    fn(&PyObject, &str, Option<&PyObject>, bool) -> PyResult<Option<PyObjectRef>>;

static FALLBACK: GlobalCell<Cell<Option<CodecFallback>>> = GlobalCell::new(Cell::new(None));

/// Install the codec fallback (called once at start-up by the interpreter).
pub fn set_codec_fallback(f: CodecFallback) {
    // SAFETY: a Cell in a global, single-threaded.
    unsafe { FALLBACK.get_ref() }.set(Some(f));
}

fn fallback() -> Option<CodecFallback> {
    // SAFETY: a Cell in a global, single-threaded.
    unsafe { FALLBACK.get_ref() }.get()
}

/// `config->dev_mode` (`-X dev`, `PYTHONDEVMODE`): set at start-up.
pub static DEV_MODE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `_PyCodec_Lookup` (in Modules/_codecsmodule.rs, a crate above this one): fails
/// with `LookupError` for an unknown encoding.
pub type CodecLookup = fn(&str) -> PyResult<()>;

static CODEC_LOOKUP: GlobalCell<Cell<Option<CodecLookup>>> = GlobalCell::new(Cell::new(None));

/// Install the codec registry's lookup (called once at start-up by the interpreter).
pub fn set_codec_lookup(f: CodecLookup) {
    // SAFETY: a Cell in a global, single-threaded.
    unsafe { CODEC_LOOKUP.get_ref() }.set(Some(f));
}

/// `unicode_check_encoding_errors`: in development mode only, look the encoding
/// and the error handler up even when the data does not need them, so that a
/// misspelt name fails at once. Nothing is checked before the codec registry is
/// installed.
pub fn unicode_check_encoding_errors(encoding: Option<&str>, errors: Option<&str>) -> PyResult<()> {
    if encoding.is_none() && errors.is_none() {
        return Ok(());
    }
    if !DEV_MODE.load(std::sync::atomic::Ordering::Relaxed) {
        return Ok(());
    }
    // SAFETY: a Cell in a global, single-threaded.
    let Some(lookup) = unsafe { CODEC_LOOKUP.get_ref() }.get() else {
        return Ok(());
    };
    if let Some(e) = encoding {
        lookup(e)?;
    }
    if let Some(e) = errors {
        PyCodec_LookupError(e)?;
    }
    Ok(())
}

/// The `errors` argument as a name (None counts as not given).
fn errors_name(errors: Option<&PyObject>) -> PyResult<Option<&str>> {
    match errors {
        Some(e) if !e.is(crate::object::Py_None()) => {
            Ok(Some(crate::unicodeobject::as_str_strict(e)?))
        }
        _ => Ok(None),
    }
}

/// The `LookupError` for an encoding nobody knows, or the refusal of a known
/// non-text codec.
fn unknown_encoding(name: &str, encode: bool) -> PyErr {
    let norm = normalize_encoding(name);
    if NON_TEXT.contains(&norm.as_str()) {
        let f = if encode { "encode" } else { "decode" };
        return crate::pyerrors::PyErr_SetString(
            &crate::exceptions::PyExc_LookupError,
            format!("'{name}' is not a text encoding; use codecs.{f}() to handle arbitrary codecs"),
        );
    }
    crate::pyerrors::PyErr_SetString(
        &crate::exceptions::PyExc_LookupError,
        format!("unknown encoding: {name}"),
    )
}

// --- Error handlers ----------------------------------------------------------------------

/// An error handler, by name (`_Py_error_handler`); the standard ones are handled
/// without calling through Python.
#[derive(Clone)]
pub enum ErrorHandler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    /// Any other name: looked up in the registry when an error occurs.
    Other(String),
}

impl ErrorHandler {
    /// `get_error_handler_wide`.
    pub fn from_name(name: &str) -> ErrorHandler {
        match name {
            "strict" => ErrorHandler::Strict,
            "ignore" => ErrorHandler::Ignore,
            "replace" => ErrorHandler::Replace,
            "backslashreplace" => ErrorHandler::BackslashReplace,
            "xmlcharrefreplace" => ErrorHandler::XmlCharRefReplace,
            "namereplace" => ErrorHandler::NameReplace,
            "surrogateescape" => ErrorHandler::SurrogateEscape,
            "surrogatepass" => ErrorHandler::SurrogatePass,
            other => ErrorHandler::Other(other.to_string()),
        }
    }

    fn from_arg(errors: Option<&PyObject>) -> PyResult<ErrorHandler> {
        match errors {
            None => Ok(ErrorHandler::Strict),
            Some(e) if e.is(crate::object::Py_None()) => Ok(ErrorHandler::Strict),
            Some(e) => Ok(ErrorHandler::from_name(
                crate::unicodeobject::as_str_strict(e)?,
            )),
        }
    }
}

/// Handlers registered by `codecs.register_error` (`interp->codec_error_registry`).
static ERROR_REGISTRY: GlobalCell<Vec<(String, PyObjectRef)>> = GlobalCell::new(Vec::new());

/// `PyCodec_RegisterError`: register `handler` under `name`.
pub fn PyCodec_RegisterError(name: &str, handler: PyObjectRef) -> PyResult<()> {
    if handler.ob_type().tp_call.get().is_none() {
        return Err(type_error("handler must be callable"));
    }
    // SAFETY: single-threaded; no Python code runs while the registry is borrowed.
    let reg = unsafe { ERROR_REGISTRY.get_mut() };
    match reg.iter_mut().find(|(n, _)| n == name) {
        Some(e) => e.1 = handler,
        None => reg.push((name.to_string(), handler)),
    }
    Ok(())
}

/// `PyCodec_LookupError`: the handler registered under `name` (the standard ones
/// are always there).
pub fn PyCodec_LookupError(name: &str) -> PyResult<PyObjectRef> {
    // SAFETY: single-threaded; the borrow ends before anything else runs.
    let found = unsafe { ERROR_REGISTRY.get_ref() }
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, h)| h.clone());
    if let Some(h) = found {
        return Ok(h);
    }
    if let Some(def) = BUILTIN_HANDLERS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, d)| d)
    {
        let f = crate::methodobject::PyCFunction_New(def, None);
        PyCodec_RegisterError(name, f.clone())?;
        return Ok(f);
    }
    Err(crate::pyerrors::PyErr_SetString(
        &crate::exceptions::PyExc_LookupError,
        format!("unknown error handler name '{name}'"),
    ))
}

fn is_instance_of(exc: &PyObject, tp: &PyTypeObject) -> bool {
    std::ptr::eq(exc.ob_type(), tp) || PyType_IsSubtype(exc.ob_type(), tp)
}

/// Call a handler object on an exception and check its `(replacement, newpos)`
/// result (`unicode_encode_call_errorhandler` / `..._decode_...`), with `newpos`
/// normalised against `len`.
fn call_handler(
    handler: &PyObject,
    exc: &PyObject,
    len: usize,
    encode: bool,
) -> PyResult<(PyObjectRef, usize)> {
    let res = crate::call::PyObject_CallOneArg(handler, exc)?;
    let bad = || {
        type_error(if encode {
            "encoding error handler must return (str/bytes, int) tuple"
        } else {
            "decoding error handler must return (str, int) tuple"
        })
    };
    let Some(t) = res.downcast_ref::<crate::tupleobject::PyTupleObject>() else {
        return Err(bad());
    };
    let items = t.as_slice();
    if items.len() != 2 {
        return Err(bad());
    }
    let rep = items[0].clone();
    let ok_type = PyUnicodeObject::check(&rep) || (encode && PyBytesObject::check(&rep));
    if !ok_type || !crate::longobject::PyLongObject::check(&items[1]) {
        return Err(bad());
    }
    let mut pos = crate::longobject::PyLong_AsSsize_t(&items[1])?;
    if pos < 0 {
        pos += len as isize;
    }
    if pos < 0 || pos as usize > len {
        return Err(index_error(format!(
            "position {pos} from error handler out of bounds"
        )));
    }
    Ok((rep, pos as usize))
}

// --- The standard handlers as Python functions (codecs.c's PyCodec_*Errors) -------------

fn wrong_exception(exc: &PyObject) -> PyErr {
    type_error(format!(
        "don't know how to handle {} in error callback",
        exc.ob_type().name()
    ))
}

/// The exception's object as code points (encode and translate errors).
fn exc_text(exc: &PyObject) -> PyResult<Vec<u32>> {
    let obj = PyUnicodeError_GetObject(exc)?;
    match obj.downcast_ref::<PyUnicodeObject>() {
        Some(u) => Ok(u.code_points()),
        None => Err(type_error("object attribute must be unicode")),
    }
}

fn exc_bytes(exc: &PyObject) -> PyResult<Vec<u8>> {
    let obj = PyUnicodeError_GetObject(exc)?;
    bytes_like_cow(&obj)
        .map(|c| c.into_owned())
        .ok_or_else(|| type_error("object attribute must be bytes"))
}

fn exc_range(exc: &PyObject) -> PyResult<(usize, usize)> {
    let s = PyUnicodeError_GetStart(exc)?.max(0) as usize;
    let e = PyUnicodeError_GetEnd(exc)?.max(0) as usize;
    Ok((s, e))
}

fn raise_exc(exc: &PyObject) -> PyErr {
    PyErr::from_instance(exc.to_owned())
}

fn pair(rep: PyObjectRef, pos: usize) -> PyObjectRef {
    crate::tupleobject::PyTuple_New(vec![
        rep,
        crate::longobject::PyLong_FromSsize_t(pos as isize),
    ])
    .into_object()
}

fn strict_errors(_m: &PyObject, exc: &PyObject) -> PyResult {
    if crate::pyerrors::PyExceptionInstance_Check(exc) {
        return Err(raise_exc(exc));
    }
    Err(type_error("codec must pass exception instance"))
}

fn ignore_errors(_m: &PyObject, exc: &PyObject) -> PyResult {
    if !is_unicode_error(exc) {
        return Err(wrong_exception(exc));
    }
    let (_, end) = exc_range(exc)?;
    Ok(pair(PyUnicode_FromString(""), end))
}

fn is_unicode_error(exc: &PyObject) -> bool {
    is_instance_of(exc, &PyExc_UnicodeEncodeError)
        || is_instance_of(exc, &PyExc_UnicodeDecodeError)
        || is_instance_of(exc, &PyExc_UnicodeTranslateError)
}

fn replace_errors(_m: &PyObject, exc: &PyObject) -> PyResult {
    let (start, end) = exc_range(exc)?;
    let n = end.saturating_sub(start);
    if is_instance_of(exc, &PyExc_UnicodeEncodeError) {
        Ok(pair(PyUnicode_FromString(&"?".repeat(n)), end))
    } else if is_instance_of(exc, &PyExc_UnicodeDecodeError) {
        Ok(pair(PyUnicode_FromString("\u{FFFD}"), end))
    } else if is_instance_of(exc, &PyExc_UnicodeTranslateError) {
        Ok(pair(PyUnicode_FromString(&"\u{FFFD}".repeat(n)), end))
    } else {
        Err(wrong_exception(exc))
    }
}

fn push_backslash_escape(out: &mut String, c: u32) {
    if c < 0x100 {
        out.push_str(&format!("\\x{c:02x}"));
    } else if c < 0x10000 {
        out.push_str(&format!("\\u{c:04x}"));
    } else {
        out.push_str(&format!("\\U{c:08x}"));
    }
}

fn xmlcharrefreplace_errors(_m: &PyObject, exc: &PyObject) -> PyResult {
    if !is_instance_of(exc, &PyExc_UnicodeEncodeError) {
        return Err(wrong_exception(exc));
    }
    let (start, end) = exc_range(exc)?;
    let text = exc_text(exc)?;
    let mut out = String::new();
    for &c in text.get(start..end.min(text.len())).unwrap_or(&[]) {
        out.push_str(&format!("&#{c};"));
    }
    Ok(pair(PyUnicode_FromString(&out), end))
}

fn backslashreplace_errors(_m: &PyObject, exc: &PyObject) -> PyResult {
    let (start, end) = exc_range(exc)?;
    let mut out = String::new();
    if is_instance_of(exc, &PyExc_UnicodeDecodeError) {
        let b = exc_bytes(exc)?;
        for &c in b.get(start..end.min(b.len())).unwrap_or(&[]) {
            push_backslash_escape(&mut out, c as u32);
        }
    } else if is_instance_of(exc, &PyExc_UnicodeEncodeError)
        || is_instance_of(exc, &PyExc_UnicodeTranslateError)
    {
        let text = exc_text(exc)?;
        for &c in text.get(start..end.min(text.len())).unwrap_or(&[]) {
            push_backslash_escape(&mut out, c);
        }
    } else {
        return Err(wrong_exception(exc));
    }
    Ok(pair(PyUnicode_FromString(&out), end))
}

/// The Unicode name of a character, as `unicodedata.name` gives it (the
/// `getname` of `_PyUnicode_Name_CAPI`).
pub fn unicode_name(c: u32) -> Option<String> {
    crate::ucnhash::_getucname(false, c)
}

fn namereplace_errors(_m: &PyObject, exc: &PyObject) -> PyResult {
    if !is_instance_of(exc, &PyExc_UnicodeEncodeError) {
        return Err(wrong_exception(exc));
    }
    let (start, end) = exc_range(exc)?;
    let text = exc_text(exc)?;
    let mut out = String::new();
    for &c in text.get(start..end.min(text.len())).unwrap_or(&[]) {
        match unicode_name(c) {
            Some(n) => {
                out.push_str("\\N{");
                out.push_str(&n);
                out.push('}');
            }
            None => push_backslash_escape(&mut out, c),
        }
    }
    Ok(pair(PyUnicode_FromString(&out), end))
}

/// The codec behind an exception's `encoding`, for `surrogatepass`
/// (`get_standard_encoding`): the unit size and byte order.
fn standard_encoding(name: &str) -> Option<(usize, ByteOrder)> {
    match lookup_builtin(name)? {
        Codec::Utf8 | Codec::Utf8Sig => Some((3, ByteOrder::Native)),
        Codec::Utf16(o) => Some((2, o)),
        Codec::Utf32(o) => Some((4, o)),
        _ => None,
    }
}

fn little(o: ByteOrder) -> bool {
    match o {
        ByteOrder::Native => LITTLE_ENDIAN,
        ByteOrder::Little => true,
        ByteOrder::Big => false,
    }
}

/// Encode one surrogate for `surrogatepass`.
fn surrogatepass_bytes(c: u32, unit: usize, order: ByteOrder, out: &mut Vec<u8>) {
    match unit {
        3 => out.extend_from_slice(&[
            0xE0 | (c >> 12) as u8,
            0x80 | ((c >> 6) & 0x3F) as u8,
            0x80 | (c & 0x3F) as u8,
        ]),
        2 => {
            let b = c as u16;
            out.extend_from_slice(&if little(order) {
                b.to_le_bytes()
            } else {
                b.to_be_bytes()
            })
        }
        _ => out.extend_from_slice(&if little(order) {
            c.to_le_bytes()
        } else {
            c.to_be_bytes()
        }),
    }
}

/// Decode one surrogate at `p` for `surrogatepass`, if one is there.
fn surrogatepass_decode(p: &[u8], unit: usize, order: ByteOrder) -> Option<u32> {
    if p.len() < unit {
        return None;
    }
    let c = match unit {
        3 => {
            if p[0] & 0xF0 == 0xE0 && p[1] & 0xC0 == 0x80 && p[2] & 0xC0 == 0x80 {
                ((p[0] as u32 & 0x0F) << 12) | ((p[1] as u32 & 0x3F) << 6) | (p[2] as u32 & 0x3F)
            } else {
                return None;
            }
        }
        2 => {
            let a = [p[0], p[1]];
            (if little(order) {
                u16::from_le_bytes(a)
            } else {
                u16::from_be_bytes(a)
            }) as u32
        }
        _ => {
            let a = [p[0], p[1], p[2], p[3]];
            if little(order) {
                u32::from_le_bytes(a)
            } else {
                u32::from_be_bytes(a)
            }
        }
    };
    (0xD800..0xE000).contains(&c).then_some(c)
}

fn surrogatepass_errors(_m: &PyObject, exc: &PyObject) -> PyResult {
    let (start, end) = exc_range(exc)?;
    let enc = PyUnicodeError_GetEncoding(exc)?;
    let enc = as_str_lossy(&enc).into_owned();
    let code = standard_encoding(&enc);
    if is_instance_of(exc, &PyExc_UnicodeEncodeError) {
        let Some((unit, order)) = code else {
            return Err(raise_exc(exc));
        };
        let text = exc_text(exc)?;
        let mut out = Vec::new();
        for &c in text.get(start..end.min(text.len())).unwrap_or(&[]) {
            if !(0xD800..0xE000).contains(&c) {
                return Err(raise_exc(exc));
            }
            surrogatepass_bytes(c, unit, order, &mut out);
        }
        return Ok(pair(PyBytes_FromVec(out), end));
    }
    if is_instance_of(exc, &PyExc_UnicodeDecodeError) {
        let Some((unit, order)) = code else {
            return Err(raise_exc(exc));
        };
        let b = exc_bytes(exc)?;
        match b
            .get(start..)
            .and_then(|p| surrogatepass_decode(p, unit, order))
        {
            Some(c) => Ok(pair(
                crate::unicodeobject::PyUnicode_FromCodePoints(&[c]),
                start + unit,
            )),
            None => Err(raise_exc(exc)),
        }
    } else {
        Err(wrong_exception(exc))
    }
}

fn surrogateescape_errors(_m: &PyObject, exc: &PyObject) -> PyResult {
    let (start, end) = exc_range(exc)?;
    if is_instance_of(exc, &PyExc_UnicodeEncodeError) {
        let text = exc_text(exc)?;
        let mut out = Vec::new();
        for &c in text.get(start..end.min(text.len())).unwrap_or(&[]) {
            if !(0xDC80..=0xDCFF).contains(&c) {
                return Err(raise_exc(exc));
            }
            out.push((c - 0xDC00) as u8);
        }
        return Ok(pair(PyBytes_FromVec(out), end));
    }
    if is_instance_of(exc, &PyExc_UnicodeDecodeError) {
        let b = exc_bytes(exc)?;
        // Up to four bytes are escaped per call, stopping at an ASCII byte, which
        // cannot be escaped (the codec complained about it).
        let mut out = Vec::new();
        for k in 0..4.min(end.saturating_sub(start)) {
            match b.get(start + k) {
                Some(&c) if c >= 128 => out.push(0xDC00 + c as u32),
                _ => break,
            }
        }
        if out.is_empty() {
            return Err(raise_exc(exc));
        }
        let consumed = out.len();
        return Ok(pair(
            crate::unicodeobject::PyUnicode_FromCodePoints(&out),
            start + consumed,
        ));
    }
    Err(wrong_exception(exc))
}

static BUILTIN_HANDLERS: [(&str, PyMethodDef); 8] = [
    ("strict", PyMethodDef::new("strict_errors", PyCFunction::O(strict_errors), "Implements the 'strict' error handling, which raises a UnicodeError on coding errors.")),
    ("ignore", PyMethodDef::new("ignore_errors", PyCFunction::O(ignore_errors), "Implements the 'ignore' error handling, which ignores malformed data and continues.")),
    ("replace", PyMethodDef::new("replace_errors", PyCFunction::O(replace_errors), "Implements the 'replace' error handling, which replaces malformed data with a replacement marker.")),
    ("xmlcharrefreplace", PyMethodDef::new("xmlcharrefreplace_errors", PyCFunction::O(xmlcharrefreplace_errors), "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character with the appropriate XML character reference.")),
    ("backslashreplace", PyMethodDef::new("backslashreplace_errors", PyCFunction::O(backslashreplace_errors), "Implements the 'backslashreplace' error handling, which replaces malformed data with a backslashed escape sequence.")),
    ("namereplace", PyMethodDef::new("namereplace_errors", PyCFunction::O(namereplace_errors), "Implements the 'namereplace' error handling, which replaces an unencodable character with a \\N{...} escape sequence.")),
    ("surrogateescape", PyMethodDef::new("surrogateescape", PyCFunction::O(surrogateescape_errors), "")),
    ("surrogatepass", PyMethodDef::new("surrogatepass", PyCFunction::O(surrogatepass_errors), "")),
];

/// A `UnicodeEncodeError` for `object[start:end]` (for callers outside this file
/// that encode by themselves, such as the text file writer).
pub fn encode_error(
    encoding: &str,
    object: &PyObject,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    PyUnicodeEncodeError_Create(encoding, object, start as isize, end as isize, reason)
}

/// A `UnicodeDecodeError` for `object[start:end]`.
pub fn decode_error(
    encoding: &str,
    object: &PyObject,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    PyUnicodeDecodeError_Create(encoding, object, start as isize, end as isize, reason)
}

// --- Encoding ---------------------------------------------------------------------------

/// One encoding call: the text, the codec, the handler and the output so far.
struct Encoder<'a> {
    codec: Codec,
    u: &'a PyUnicodeObject,
    obj: &'a PyObject,
    errors: ErrorHandler,
    /// A looked-up handler object, for `ErrorHandler::Other`.
    handler: Option<PyObjectRef>,
    out: Vec<u8>,
}

impl Encoder<'_> {
    fn reason(&self) -> &'static str {
        match self.codec {
            Codec::Ascii => "ordinal not in range(128)",
            Codec::Latin1 => "ordinal not in range(256)",
            _ => "surrogates not allowed",
        }
    }

    #[inline]
    fn encodable(&self, c: u32) -> bool {
        match self.codec {
            Codec::Ascii => c < 0x80,
            Codec::Latin1 => c < 0x100,
            _ => !(0xD800..0xE000).contains(&c),
        }
    }

    /// Append an encodable code point.
    #[inline]
    fn emit(&mut self, c: u32) {
        match self.codec {
            // UTF-7 encodes every character (`encode_utf7`), so it never gets here.
            Codec::Ascii
            | Codec::Latin1
            | Codec::UnicodeEscape
            | Codec::RawUnicodeEscape
            | Codec::Utf7 => self.out.push(c as u8),
            Codec::Utf8 | Codec::Utf8Sig => {
                if c < 0x80 {
                    self.out.push(c as u8);
                } else if c < 0x800 {
                    self.out
                        .extend_from_slice(&[0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8]);
                } else if c < 0x10000 {
                    self.out.extend_from_slice(&[
                        0xE0 | (c >> 12) as u8,
                        0x80 | ((c >> 6) & 0x3F) as u8,
                        0x80 | (c & 0x3F) as u8,
                    ]);
                } else {
                    self.out.extend_from_slice(&[
                        0xF0 | (c >> 18) as u8,
                        0x80 | ((c >> 12) & 0x3F) as u8,
                        0x80 | ((c >> 6) & 0x3F) as u8,
                        0x80 | (c & 0x3F) as u8,
                    ]);
                }
            }
            Codec::Utf16(o) => {
                let le = little(o);
                let mut put = |unit: u16| {
                    self.out.extend_from_slice(&if le {
                        unit.to_le_bytes()
                    } else {
                        unit.to_be_bytes()
                    });
                };
                if c >= 0x10000 {
                    let v = c - 0x10000;
                    put(0xD800 | (v >> 10) as u16);
                    put(0xDC00 | (v & 0x3FF) as u16);
                } else {
                    put(c as u16);
                }
            }
            Codec::Utf32(o) => {
                self.out.extend_from_slice(&if little(o) {
                    c.to_le_bytes()
                } else {
                    c.to_be_bytes()
                });
            }
        }
    }

    fn emit_ascii(&mut self, s: &str) {
        for b in s.bytes() {
            self.emit(b as u32);
        }
    }

    fn exc(&self, start: usize, end: usize) -> PyErr {
        encode_error(self.codec.name(), self.obj, start, end, self.reason())
    }

    /// Deal with the unencodable characters `[start, end)`; returns where to go on.
    fn handle(&mut self, start: usize, end: usize) -> PyResult<usize> {
        let n = self.u.len();
        match self.errors.clone() {
            ErrorHandler::Strict => Err(self.exc(start, end)),
            ErrorHandler::Ignore => Ok(end),
            ErrorHandler::Replace => {
                for _ in start..end {
                    self.emit('?' as u32);
                }
                Ok(end)
            }
            ErrorHandler::BackslashReplace => {
                let mut s = String::new();
                for k in start..end {
                    push_backslash_escape(&mut s, self.u.char_at(k));
                }
                self.emit_ascii(&s);
                Ok(end)
            }
            ErrorHandler::XmlCharRefReplace => {
                let mut s = String::new();
                for k in start..end {
                    s.push_str(&format!("&#{};", self.u.char_at(k)));
                }
                self.emit_ascii(&s);
                Ok(end)
            }
            ErrorHandler::NameReplace => {
                let mut s = String::new();
                for k in start..end {
                    let c = self.u.char_at(k);
                    match unicode_name(c) {
                        Some(name) => {
                            s.push_str("\\N{");
                            s.push_str(&name);
                            s.push('}');
                        }
                        None => push_backslash_escape(&mut s, c),
                    }
                }
                self.emit_ascii(&s);
                Ok(end)
            }
            ErrorHandler::SurrogateEscape => {
                if matches!(self.codec, Codec::Utf16(_) | Codec::Utf32(_)) {
                    // The escaped bytes are never a whole number of code units.
                    return Err(self.exc(start, end));
                }
                let mut k = start;
                while k < end {
                    let c = self.u.char_at(k);
                    if !(0xDC80..=0xDCFF).contains(&c) {
                        // Not an escaped byte: the standard handler fails on the
                        // rest of the run.
                        return Err(self.exc(k, end));
                    }
                    self.out.push((c - 0xDC00) as u8);
                    k += 1;
                }
                Ok(end)
            }
            ErrorHandler::SurrogatePass => {
                let (unit, order) = match self.codec {
                    Codec::Utf8 | Codec::Utf8Sig => (3, ByteOrder::Native),
                    Codec::Utf16(o) => (2, o),
                    Codec::Utf32(o) => (4, o),
                    _ => return Err(self.exc(start, end)),
                };
                for k in start..end {
                    let c = self.u.char_at(k);
                    if !(0xD800..0xE000).contains(&c) {
                        return Err(self.exc(start, end));
                    }
                    surrogatepass_bytes(c, unit, order, &mut self.out);
                }
                Ok(end)
            }
            ErrorHandler::Other(name) => {
                let h = match &self.handler {
                    Some(h) => h.clone(),
                    None => {
                        let h = PyCodec_LookupError(&name)?;
                        self.handler = Some(h.clone());
                        h
                    }
                };
                let exc = self.exc(start, end).into_value();
                let (rep, pos) = call_handler(&h, &exc, n, true)?;
                if let Some(b) = rep.downcast_ref::<PyBytesObject>() {
                    let unit = match self.codec {
                        Codec::Utf16(_) => 2,
                        Codec::Utf32(_) => 4,
                        _ => 1,
                    };
                    if b.len() % unit != 0 {
                        return Err(self.exc(start, end));
                    }
                    self.out.extend_from_slice(b.as_bytes());
                } else if let Some(r) = rep.downcast_ref::<PyUnicodeObject>() {
                    let limit = if self.codec == Codec::Latin1 {
                        0x100
                    } else {
                        0x80
                    };
                    if r.iter().any(|c| c >= limit) {
                        return Err(self.exc(start, end));
                    }
                    for c in r.iter() {
                        self.emit(c);
                    }
                }
                Ok(pos)
            }
        }
    }

    fn run(&mut self) -> PyResult<()> {
        let n = self.u.len();
        // Runs of unencodable characters are reported together, except by the
        // UTF-16 and UTF-32 encoders, which report them one at a time.
        let runs = !matches!(self.codec, Codec::Utf16(_) | Codec::Utf32(_));
        let mut i = 0;
        while i < n {
            let c = self.u.char_at(i);
            if self.encodable(c) {
                self.emit(c);
                i += 1;
                continue;
            }
            let mut end = i + 1;
            if runs {
                while end < n && !self.encodable(self.u.char_at(end)) {
                    end += 1;
                }
            }
            i = self.handle(i, end)?;
        }
        Ok(())
    }
}

// --- UTF-7 (RFC 2152) -------------------------------------------------------------------

/// `utf7_category`: how each ASCII character is written: 0 directly (set D), 1
/// directly unless set O is to be encoded (set O), 2 directly unless white space is
/// to be encoded, 3 always in base 64.
#[rustfmt::skip]
static UTF7_CATEGORY: [u8; 128] = [
    3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 2, 3, 3, // NUL .. SI: tab, LF and CR are white
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, // DLE .. US
    2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 3, 0, 0, 0, 0, // space ! " # $ % & ' ( ) * + , - . /
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, // 0 .. 9 : ; < = > ?
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // @ A .. O
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1, 1, 1, // P .. Z [ \ ] ^ _
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // ` a .. o
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 3, 3, // p .. z { | } ~ DEL
];

/// `IS_BASE64`: a character of the modified base 64 alphabet.
fn is_base64(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'+' || c == b'/'
}

/// `FROM_BASE64`.
fn from_base64(c: u8) -> u8 {
    match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    }
}

/// `TO_BASE64`: the character for the low six bits of `n`.
fn to_base64(n: u64) -> u8 {
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(n & 0x3F) as usize]
}

/// `DECODE_DIRECT`: a byte that decodes as itself outside a shift sequence.
fn decode_direct(c: u8) -> bool {
    c <= 127 && c != b'+'
}

/// `ENCODE_DIRECT`: is `c` written as itself?
fn encode_direct(c: u32, direct_o: bool, direct_ws: bool) -> bool {
    c < 128
        && c > 0
        && match UTF7_CATEGORY[c as usize] {
            0 => true,
            1 => direct_o,
            2 => direct_ws,
            _ => false,
        }
}

/// `_PyUnicode_EncodeUTF7`: every character can be encoded, lone surrogates
/// included, so there are no errors. The codec passes `false` for both flags (set O
/// and white space are written directly).
pub fn encode_utf7(u: &PyUnicodeObject, base64_set_o: bool, base64_white_space: bool) -> Vec<u8> {
    let (direct_o, direct_ws) = (!base64_set_o, !base64_white_space);
    let mut out = Vec::with_capacity(u.len());
    let mut in_shift = false;
    let mut base64bits = 0u32;
    let mut base64buffer = 0u64;
    // Append one UTF-16 code unit to the base-64 bits, writing every whole sextet.
    fn push_unit(out: &mut Vec<u8>, bits: &mut u32, buffer: &mut u64, unit: u32) {
        *bits += 16;
        *buffer = (*buffer << 16) | u64::from(unit);
        while *bits >= 6 {
            out.push(to_base64(*buffer >> (*bits - 6)));
            *bits -= 6;
        }
        *buffer &= (1 << *bits) - 1;
    }
    for ch in u.iter() {
        if in_shift {
            if encode_direct(ch, direct_o, direct_ws) {
                // Shifting out: flush the remaining bits.
                if base64bits != 0 {
                    out.push(to_base64(base64buffer << (6 - base64bits)));
                    base64buffer = 0;
                    base64bits = 0;
                }
                in_shift = false;
                // A character outside the base-64 set ends the sequence by itself;
                // one inside it, or '-', needs an explicit '-'.
                if is_base64(ch as u8) || ch == '-' as u32 {
                    out.push(b'-');
                }
                out.push(ch as u8);
                continue;
            }
        } else if ch == '+' as u32 {
            out.extend_from_slice(b"+-");
            continue;
        } else if encode_direct(ch, direct_o, direct_ws) {
            out.push(ch as u8);
            continue;
        } else {
            out.push(b'+');
            in_shift = true;
        }
        // Encode `ch` in base 64, as one or two UTF-16 code units.
        if ch >= 0x10000 {
            let v = ch - 0x10000;
            push_unit(
                &mut out,
                &mut base64bits,
                &mut base64buffer,
                0xD800 | (v >> 10),
            );
            push_unit(
                &mut out,
                &mut base64bits,
                &mut base64buffer,
                0xDC00 | (v & 0x3FF),
            );
        } else {
            push_unit(&mut out, &mut base64bits, &mut base64buffer, ch);
        }
    }
    if base64bits != 0 {
        out.push(to_base64(base64buffer << (6 - base64bits)));
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

/// Encode a str with a built-in codec (`PyUnicode_AsUTF8String`,
/// `_PyUnicode_AsASCIIString`, `_PyUnicode_EncodeUTF16`, ...).
pub fn encode_with_codec(codec: Codec, s: &PyObject, errors: &ErrorHandler) -> PyResult<Vec<u8>> {
    let Some(u) = s.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "utf_8_encode() argument 1 must be str, not {}",
            s.ob_type().name()
        )));
    };
    // Fast paths: text that every byte-oriented codec copies as it is.
    match codec {
        Codec::Utf8 | Codec::Ascii | Codec::Latin1 if u.ascii => {
            return Ok(u.latin1().unwrap_or(&[]).to_vec())
        }
        Codec::Latin1 => {
            if let Some(d) = u.latin1() {
                return Ok(d.to_vec());
            }
        }
        Codec::Utf8 => {
            if let Some(s) = u.as_str() {
                return Ok(s.as_bytes().to_vec());
            }
        }
        _ => {}
    }
    match codec {
        Codec::UnicodeEscape => return Ok(unicode_escape_encode(u, false)),
        Codec::RawUnicodeEscape => return Ok(unicode_escape_encode(u, true)),
        Codec::Utf7 => return Ok(encode_utf7(u, false, false)),
        _ => {}
    }
    let mut enc = Encoder {
        codec,
        u,
        obj: s,
        errors: errors.clone(),
        handler: None,
        out: Vec::with_capacity(u.len() + 4),
    };
    match codec {
        Codec::Utf8Sig => enc.out.extend_from_slice(&[0xEF, 0xBB, 0xBF]),
        Codec::Utf16(ByteOrder::Native) => enc.emit(0xFEFF),
        Codec::Utf32(ByteOrder::Native) => enc.emit(0xFEFF),
        _ => {}
    }
    enc.run()?;
    Ok(enc.out)
}

/// `str.encode(encoding, errors)` (`PyUnicode_AsEncodedString`): a bytes object.
pub fn encode_str(
    s: &PyObject,
    encoding: Option<&PyObject>,
    errors: Option<&PyObject>,
) -> PyResult {
    let name = match encoding {
        Some(e) => crate::unicodeobject::as_str_strict(e)?,
        None => "utf-8",
    };
    unicode_check_encoding_errors(Some(name), errors_name(errors)?)?;
    let handler = ErrorHandler::from_arg(errors)?;
    match lookup_builtin(name) {
        Some(codec) => Ok(PyBytes_FromVec(encode_with_codec(codec, s, &handler)?)),
        None => {
            if let Some(f) = fallback() {
                if let Some(r) = f(s, name, errors, true)? {
                    if !PyBytesObject::check(&r)
                        && !crate::bytearrayobject::PyByteArrayObject::check(&r)
                    {
                        return Err(type_error(format!(
                            "'{name}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                            r.ob_type().name()
                        )));
                    }
                    return Ok(r);
                }
            }
            Err(unknown_encoding(name, true))
        }
    }
}

// --- Decoding ---------------------------------------------------------------------------

/// One decoding call.
/// The DeprecationWarning of `_PyUnicode_DecodeUnicodeEscapeStateful` and
/// `PyBytes_DecodeEscape` for the first invalid escape; `rest` starts just after its
/// backslash.
pub fn warn_invalid_escape(rest: &[u8]) -> PyResult<()> {
    let Some(&c) = rest.first() else {
        return Ok(());
    };
    let msg = if (b'4'..=b'7').contains(&c) {
        let digits = &rest[..rest.len().min(3)];
        format!(
            "invalid octal escape sequence '\\{}'",
            String::from_utf8_lossy(digits)
        )
    } else {
        format!("invalid escape sequence '\\{}'", c as char)
    };
    crate::pyhooks::PyErr_WarnEx(&crate::exceptions::PyExc_DeprecationWarning, &msg, 1)
}

struct Decoder<'a> {
    codec: Codec,
    /// The name the codec reports in errors (UTF-16/32 name the byte order found).
    name: &'static str,
    data: std::borrow::Cow<'a, [u8]>,
    /// The input as a bytes object, made for the first error.
    input: Option<PyObjectRef>,
    errors: ErrorHandler,
    handler: Option<PyObjectRef>,
    w: _PyUnicodeWriter,
    /// `unicode_escape`: where the first invalid escape starts (just after its
    /// backslash), for the DeprecationWarning given once decoding is done.
    first_invalid_escape: Option<usize>,
}

impl Decoder<'_> {
    fn input_obj(&mut self) -> PyObjectRef {
        if self.input.is_none() {
            self.input = Some(PyBytes_FromVec(self.data.to_vec()));
        }
        self.input
            .clone()
            .unwrap_or_else(|| PyBytes_FromVec(Vec::new()))
    }

    fn exc(&mut self, start: usize, end: usize, reason: &str) -> PyErr {
        let input = self.input_obj();
        decode_error(self.name, &input, start, end, reason)
    }

    /// Deal with the undecodable bytes `[start, end)`; returns where to go on.
    fn handle(&mut self, start: usize, end: usize, reason: &str) -> PyResult<usize> {
        match self.errors.clone() {
            ErrorHandler::Strict => Err(self.exc(start, end, reason)),
            ErrorHandler::Ignore => Ok(end),
            ErrorHandler::Replace => {
                self.w.push_char(0xFFFD);
                Ok(end)
            }
            ErrorHandler::BackslashReplace => {
                let mut s = String::new();
                for k in start..end.min(self.data.len()) {
                    push_backslash_escape(&mut s, self.data[k] as u32);
                }
                self.w.push_str(&s);
                Ok(end)
            }
            ErrorHandler::SurrogateEscape => {
                // UTF-8 and ASCII escape the whole range themselves; other codecs go
                // through the standard handler, which takes up to four bytes.
                let inline = matches!(self.codec, Codec::Utf8 | Codec::Utf8Sig | Codec::Ascii);
                let mut k = start;
                while k < end
                    && k < self.data.len()
                    && self.data[k] >= 128
                    && (inline || k - start < 4)
                {
                    self.w.push_char(0xDC00 + self.data[k] as u32);
                    k += 1;
                }
                if k == start {
                    return Err(self.exc(start, end, reason));
                }
                Ok(k)
            }
            ErrorHandler::SurrogatePass => {
                let (unit, order) = match self.codec {
                    Codec::Utf8 | Codec::Utf8Sig => (3, ByteOrder::Native),
                    Codec::Utf16(_) => (
                        2,
                        if self.name.ends_with("le") {
                            ByteOrder::Little
                        } else {
                            ByteOrder::Big
                        },
                    ),
                    Codec::Utf32(_) => (
                        4,
                        if self.name.ends_with("le") {
                            ByteOrder::Little
                        } else {
                            ByteOrder::Big
                        },
                    ),
                    _ => return Err(self.exc(start, end, reason)),
                };
                match self
                    .data
                    .get(start..)
                    .and_then(|p| surrogatepass_decode(p, unit, order))
                {
                    Some(c) => {
                        self.w.push_char(c);
                        Ok(start + unit)
                    }
                    None => Err(self.exc(start, end, reason)),
                }
            }
            ErrorHandler::XmlCharRefReplace | ErrorHandler::NameReplace => Err(type_error(
                "don't know how to handle UnicodeDecodeError in error callback",
            )),
            ErrorHandler::Other(name) => {
                let h = match &self.handler {
                    Some(h) => h.clone(),
                    None => {
                        let h = PyCodec_LookupError(&name)?;
                        self.handler = Some(h.clone());
                        h
                    }
                };
                let exc = self.exc(start, end, reason).into_value();
                let (rep, pos) = call_handler(&h, &exc, self.data.len(), false)?;
                // The handler may have replaced the input (`exc.object = ...`).
                let obj = PyUnicodeError_GetObject(&exc)?;
                if let Some(b) = bytes_like_cow(&obj) {
                    if *b != *self.data {
                        self.data = std::borrow::Cow::Owned(b.into_owned());
                        self.input = Some(obj.clone());
                    }
                }
                if pos > self.data.len() {
                    return Err(index_error(format!(
                        "position {pos} from error handler out of bounds"
                    )));
                }
                if let Some(r) = rep.downcast_ref::<PyUnicodeObject>() {
                    self.w.push_unicode(r);
                }
                Ok(pos)
            }
        }
    }

    /// UTF-7 (`PyUnicode_DecodeUTF7Stateful`); returns the number of bytes consumed.
    /// The only state kept between calls is the read position, so when the data
    /// ends inside a shift sequence that is not final, the sequence is given back:
    /// nothing of it is consumed or output.
    fn utf7(&mut self, final_: bool) -> PyResult<usize> {
        let mut s = 0;
        let mut in_shift = false;
        let mut shift_out_start = 0;
        let mut startinpos = 0;
        let mut base64bits = 0u32;
        let mut base64buffer = 0u64;
        let mut surrogate = 0u32;
        loop {
            while s < self.data.len() {
                let ch = self.data[s];
                let errmsg;
                if in_shift {
                    if is_base64(ch) {
                        // One more base-64 character.
                        base64buffer = (base64buffer << 6) | u64::from(from_base64(ch));
                        base64bits += 6;
                        s += 1;
                        if base64bits >= 16 {
                            // Enough bits for a UTF-16 code unit.
                            let out_ch = (base64buffer >> (base64bits - 16)) as u32;
                            base64bits -= 16;
                            base64buffer &= (1 << base64bits) - 1;
                            if surrogate != 0 {
                                if (0xDC00..0xE000).contains(&out_ch) {
                                    let joined =
                                        0x10000 + (((surrogate & 0x3FF) << 10) | (out_ch & 0x3FF));
                                    self.w.push_char(joined);
                                    surrogate = 0;
                                    continue;
                                }
                                self.w.push_char(surrogate);
                                surrogate = 0;
                            }
                            if (0xD800..0xDC00).contains(&out_ch) {
                                surrogate = out_ch;
                            } else {
                                self.w.push_char(out_ch);
                            }
                        }
                        continue;
                    }
                    // Leaving the base-64 section.
                    in_shift = false;
                    if base64bits >= 6 {
                        // A whole base-64 character was seen, but not a whole unit.
                        s += 1;
                        errmsg = "partial character in shift sequence";
                    } else if base64bits > 0 && base64buffer != 0 {
                        s += 1;
                        errmsg = "non-zero padding bits in shift sequence";
                    } else {
                        if surrogate != 0 && decode_direct(ch) {
                            self.w.push_char(surrogate);
                        }
                        surrogate = 0;
                        // '-' is absorbed; other terminating characters stay.
                        if ch == b'-' {
                            s += 1;
                        }
                        continue;
                    }
                } else if ch == b'+' {
                    startinpos = s;
                    s += 1;
                    match self.data.get(s) {
                        Some(b'-') => {
                            // "+-" encodes '+'.
                            s += 1;
                            self.w.push_char('+' as u32);
                            continue;
                        }
                        Some(&c) if !is_base64(c) => {
                            s += 1;
                            errmsg = "ill-formed sequence";
                        }
                        _ => {
                            // A base-64 section begins.
                            in_shift = true;
                            surrogate = 0;
                            shift_out_start = self.w.len();
                            base64bits = 0;
                            base64buffer = 0;
                            continue;
                        }
                    }
                } else if decode_direct(ch) {
                    s += 1;
                    self.w.push_char(u32::from(ch));
                    continue;
                } else {
                    startinpos = s;
                    s += 1;
                    errmsg = "unexpected special character";
                }
                s = self.handle(startinpos, s, errmsg)?;
            }
            // The end of the data, inside a shift sequence that nothing will follow.
            if in_shift && final_ {
                in_shift = false;
                if surrogate != 0 || base64bits >= 6 || (base64bits > 0 && base64buffer != 0) {
                    let end = self.data.len();
                    s = self.handle(startinpos, end, "unterminated shift sequence")?;
                    if s < self.data.len() {
                        continue;
                    }
                }
            }
            break;
        }
        if !final_ && in_shift {
            // Give back the unfinished shift sequence.
            self.w.truncate(shift_out_start);
            return Ok(startinpos);
        }
        Ok(s)
    }

    /// UTF-8, from `pos`; returns the number of bytes consumed.
    fn utf8(&mut self, mut pos: usize, final_: bool) -> PyResult<usize> {
        loop {
            // The valid prefix goes straight into the writer; the data and the
            // writer are separate fields, so both can be borrowed at once.
            let (start, error_len) = match std::str::from_utf8(&self.data[pos..]) {
                Ok(s) => {
                    self.w.push_str(s);
                    return Ok(self.data.len());
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    // SAFETY: `valid_up_to` bytes were just validated as UTF-8.
                    self.w.push_str(unsafe {
                        std::str::from_utf8_unchecked(&self.data[pos..pos + good])
                    });
                    (pos + good, e.error_len())
                }
            };
            match error_len {
                None => {
                    if !final_ {
                        return Ok(start);
                    }
                    let end = self.data.len();
                    pos = self.handle(start, end, "unexpected end of data")?;
                }
                Some(n) => {
                    let b = self.data[start];
                    // A stateful decoder waits on the first two bytes of a surrogate
                    // (ED A0..BF) at the very end: `surrogatepass` may take it
                    // whole once the third byte comes.
                    let rest = &self.data[start..];
                    if !final_ && rest.len() == 2 && b == 0xED && (0xA0..=0xBF).contains(&rest[1]) {
                        return Ok(start);
                    }
                    let invalid_start = (0x80..0xC2).contains(&b) || b >= 0xF5;
                    let reason = if n == 1 && invalid_start {
                        "invalid start byte"
                    } else {
                        "invalid continuation byte"
                    };
                    pos = self.handle(start, start + n, reason)?;
                }
            }
            if pos >= self.data.len() {
                return Ok(self.data.len());
            }
        }
    }

    /// `unicode_escape` (`_PyUnicode_DecodeUnicodeEscapeInternal`); returns the bytes
    /// consumed (an incomplete escape at the end waits when not `final_`).
    fn unicode_escape(&mut self, final_: bool) -> PyResult<usize> {
        let mut s = 0;
        'chars: while s < self.data.len() {
            let c = self.data[s];
            s += 1;
            if c != b'\\' {
                self.w.push_char(c as u32);
                continue 'chars;
            }
            let start = s - 1;
            let n = self.data.len();
            // (message, position where the bad escape ends, incomplete?)
            let failure: (&str, usize, bool) = 'escape: {
                if s >= n {
                    break 'escape ("\\ at end of string", s, true);
                }
                let c = self.data[s];
                s += 1;
                let simple = match c {
                    b'\n' => Some(None),
                    b'\\' | b'\'' | b'"' => Some(Some(c as u32)),
                    b'b' => Some(Some(0x08)),
                    b'f' => Some(Some(0x0C)),
                    b't' => Some(Some(0x09)),
                    b'n' => Some(Some(0x0A)),
                    b'r' => Some(Some(0x0D)),
                    b'v' => Some(Some(0x0B)),
                    b'a' => Some(Some(0x07)),
                    _ => None,
                };
                if let Some(out) = simple {
                    if let Some(ch) = out {
                        self.w.push_char(ch);
                    }
                    continue 'chars;
                }
                match c {
                    b'0'..=b'7' => {
                        let mut ch = (c - b'0') as u32;
                        for _ in 0..2 {
                            match self.data.get(s) {
                                Some(&d) if (b'0'..=b'7').contains(&d) => {
                                    ch = (ch << 3) + (d - b'0') as u32;
                                    s += 1;
                                }
                                _ => break,
                            }
                        }
                        if ch > 0o377 && self.first_invalid_escape.is_none() {
                            self.first_invalid_escape = Some(start + 1);
                        }
                        self.w.push_char(ch);
                        continue 'chars;
                    }
                    b'x' | b'u' | b'U' => {
                        let (count, message) = match c {
                            b'x' => (2, "truncated \\xXX escape"),
                            b'u' => (4, "truncated \\uXXXX escape"),
                            _ => (8, "truncated \\UXXXXXXXX escape"),
                        };
                        let mut ch: u32 = 0;
                        for _ in 0..count {
                            let Some(&d) = self.data.get(s) else {
                                break 'escape (message, s, true);
                            };
                            let Some(v) = (d as char).to_digit(16) else {
                                break 'escape (message, s, false);
                            };
                            ch = (ch << 4) | v;
                            s += 1;
                        }
                        if ch > 0x10FFFF {
                            break 'escape ("illegal Unicode character", s, false);
                        }
                        self.w.push_char(ch);
                        continue 'chars;
                    }
                    b'N' => {
                        let message = "malformed \\N character escape";
                        match self.data.get(s) {
                            None => break 'escape (message, s, true),
                            Some(&b'{') => {}
                            Some(_) => break 'escape (message, s, false),
                        }
                        s += 1;
                        let name_start = s;
                        while s < n && self.data[s] != b'}' {
                            s += 1;
                        }
                        if s >= n {
                            break 'escape (message, s, true);
                        }
                        if s == name_start {
                            break 'escape (message, s, false);
                        }
                        let name = String::from_utf8_lossy(&self.data[name_start..s]).into_owned();
                        s += 1;
                        match lookup_unicode_name(&name) {
                            Some(ch) => {
                                self.w.push_char(ch);
                                continue 'chars;
                            }
                            None => break 'escape ("unknown Unicode character name", s, false),
                        }
                    }
                    _ => {
                        // An unknown escape stays as it is, with a warning.
                        if self.first_invalid_escape.is_none() {
                            self.first_invalid_escape = Some(start + 1);
                        }
                        self.w.push_char('\\' as u32);
                        self.w.push_char(c as u32);
                        continue 'chars;
                    }
                }
            };
            let (message, end, incomplete) = failure;
            if incomplete && !final_ {
                return Ok(start);
            }
            s = self.handle(start, end, message)?;
        }
        Ok(self.data.len())
    }

    /// `raw_unicode_escape` (`_PyUnicode_DecodeRawUnicodeEscapeStateful`).
    fn raw_unicode_escape(&mut self, final_: bool) -> PyResult<usize> {
        let mut s = 0;
        while s < self.data.len() {
            let c = self.data[s];
            s += 1;
            let n = self.data.len();
            if c != b'\\' || (s >= n && final_) {
                self.w.push_char(c as u32);
                continue;
            }
            let start = s - 1;
            if s >= n {
                return Ok(start);
            }
            let c = self.data[s];
            let (count, message) = match c {
                b'u' => (4, "truncated \\uXXXX escape"),
                b'U' => (8, "truncated \\UXXXXXXXX escape"),
                _ => {
                    // Backslash pairs (and other escapes) stay as written, so
                    // only an odd number of backslashes starts an escape.
                    self.w.push_char('\\' as u32);
                    self.w.push_char(c as u32);
                    s += 1;
                    continue;
                }
            };
            s += 1;
            let mut ch: u32 = 0;
            let mut failure = None;
            for _ in 0..count {
                let Some(&d) = self.data.get(s) else {
                    failure = Some((message, true));
                    break;
                };
                let Some(v) = (d as char).to_digit(16) else {
                    failure = Some((message, false));
                    break;
                };
                ch = (ch << 4) | v;
                s += 1;
            }
            if failure.is_none() && ch > 0x10FFFF {
                failure = Some(("\\Uxxxxxxxx out of range", false));
            }
            match failure {
                None => self.w.push_char(ch),
                Some((message, incomplete)) => {
                    if incomplete && !final_ {
                        return Ok(start);
                    }
                    s = self.handle(start, s, message)?;
                }
            }
        }
        Ok(self.data.len())
    }

    fn ascii(&mut self) -> PyResult<()> {
        let mut i = 0;
        while i < self.data.len() {
            let run = self.data[i..]
                .iter()
                .position(|&b| b >= 0x80)
                .unwrap_or(self.data.len() - i);
            let chunk = self.data[i..i + run].to_vec();
            self.w.push_latin1(&chunk);
            i += run;
            if i < self.data.len() {
                i = self.handle(i, i + 1, "ordinal not in range(128)")?;
            }
        }
        Ok(())
    }

    /// UTF-16 in byte order `le`, from `pos`; returns the bytes consumed.
    fn utf16(&mut self, mut pos: usize, le: bool, final_: bool) -> PyResult<usize> {
        let unit = |d: &[u8], i: usize| -> u32 {
            let a = [d[i], d[i + 1]];
            (if le {
                u16::from_le_bytes(a)
            } else {
                u16::from_be_bytes(a)
            }) as u32
        };
        loop {
            let n = self.data.len();
            if pos >= n {
                return Ok(n);
            }
            if n - pos < 2 {
                if !final_ {
                    return Ok(pos);
                }
                pos = self.handle(pos, n, "truncated data")?;
                continue;
            }
            let c = unit(&self.data, pos);
            if !(0xD800..0xE000).contains(&c) {
                self.w.push_char(c);
                pos += 2;
                continue;
            }
            if c >= 0xDC00 {
                pos = self.handle(pos, pos + 2, "illegal encoding")?;
                continue;
            }
            if n - pos < 4 {
                if !final_ {
                    return Ok(pos);
                }
                pos = self.handle(pos, n, "unexpected end of data")?;
                continue;
            }
            let c2 = unit(&self.data, pos + 2);
            if (0xDC00..0xE000).contains(&c2) {
                self.w
                    .push_char(0x10000 + (((c - 0xD800) << 10) | (c2 - 0xDC00)));
                pos += 4;
            } else {
                pos = self.handle(pos, pos + 2, "illegal UTF-16 surrogate")?;
            }
        }
    }

    /// UTF-32 in byte order `le`, from `pos`; returns the bytes consumed.
    fn utf32(&mut self, mut pos: usize, le: bool, final_: bool) -> PyResult<usize> {
        loop {
            let n = self.data.len();
            if pos >= n {
                return Ok(n);
            }
            if n - pos < 4 {
                if !final_ {
                    return Ok(pos);
                }
                pos = self.handle(pos, n, "truncated data")?;
                continue;
            }
            let a = [
                self.data[pos],
                self.data[pos + 1],
                self.data[pos + 2],
                self.data[pos + 3],
            ];
            let c = if le {
                u32::from_le_bytes(a)
            } else {
                u32::from_be_bytes(a)
            };
            if c >= 0x110000 {
                pos = self.handle(pos, pos + 4, "code point not in range(0x110000)")?;
            } else if (0xD800..0xE000).contains(&c) {
                pos = self.handle(
                    pos,
                    pos + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)",
                )?;
            } else {
                self.w.push_char(c);
                pos += 4;
            }
        }
    }
}

/// Decode bytes with a built-in codec. With `final_` false, an incomplete sequence
/// at the end is left undecoded (incremental decoding); the second result is the
/// number of bytes consumed.
pub fn decode_with_codec(
    codec: Codec,
    data: &[u8],
    errors: &ErrorHandler,
    final_: bool,
) -> PyResult<(PyObjectRef, usize)> {
    // Fast paths for valid input.
    match codec {
        Codec::Latin1 => return Ok((crate::unicodeobject::PyUnicode_FromLatin1(data), data.len())),
        Codec::Ascii | Codec::Utf8 if data.is_ascii() => {
            return Ok((crate::unicodeobject::PyUnicode_FromLatin1(data), data.len()))
        }
        Codec::Utf8 => {
            if let Ok(s) = std::str::from_utf8(data) {
                return Ok((PyUnicode_FromString(s), data.len()));
            }
        }
        _ => {}
    }
    let mut d = Decoder {
        codec,
        name: codec.name(),
        data: std::borrow::Cow::Borrowed(data),
        input: None,
        errors: errors.clone(),
        handler: None,
        w: _PyUnicodeWriter::with_capacity(data.len()),
        first_invalid_escape: None,
    };
    let consumed = match codec {
        Codec::Latin1 => {
            let data = d.data.to_vec();
            d.w.push_latin1(&data);
            data.len()
        }
        Codec::Ascii => {
            d.ascii()?;
            d.data.len()
        }
        Codec::UnicodeEscape => {
            let consumed = d.unicode_escape(final_)?;
            if let Some(at) = d.first_invalid_escape {
                warn_invalid_escape(&d.data[at..])?;
            }
            consumed
        }
        Codec::RawUnicodeEscape => d.raw_unicode_escape(final_)?,
        Codec::Utf7 => d.utf7(final_)?,
        Codec::Utf8 => d.utf8(0, final_)?,
        Codec::Utf8Sig => {
            let bom = [0xEFu8, 0xBB, 0xBF];
            if data.len() < 3 && bom.starts_with(data) && !final_ {
                0
            } else {
                let start = if data.starts_with(&bom) { 3 } else { 0 };
                d.utf8(start, final_)?
            }
        }
        Codec::Utf16(order) => {
            let (le, start) = match order {
                ByteOrder::Little => (true, 0),
                ByteOrder::Big => (false, 0),
                ByteOrder::Native => match data {
                    [0xFF, 0xFE, ..] => (true, 2),
                    [0xFE, 0xFF, ..] => (false, 2),
                    _ => (LITTLE_ENDIAN, 0),
                },
            };
            d.name = if le { "utf-16-le" } else { "utf-16-be" };
            d.utf16(start, le, final_)?
        }
        Codec::Utf32(order) => {
            let (le, start) = match order {
                ByteOrder::Little => (true, 0),
                ByteOrder::Big => (false, 0),
                ByteOrder::Native => match data {
                    [0xFF, 0xFE, 0, 0, ..] => (true, 4),
                    [0, 0, 0xFE, 0xFF, ..] => (false, 4),
                    _ => (LITTLE_ENDIAN, 0),
                },
            };
            d.name = if le { "utf-32-le" } else { "utf-32-be" };
            d.utf32(start, le, final_)?
        }
    };
    Ok((d.w.finish(), consumed))
}

/// `unicode_escape` and `raw_unicode_escape` encoding
/// (`PyUnicode_AsUnicodeEscapeString`, `PyUnicode_AsRawUnicodeEscapeString`): never
/// fails. The raw form writes Latin-1 characters as they are.
fn unicode_escape_encode(u: &PyUnicodeObject, raw: bool) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(u.len() + 8);
    let hex = |out: &mut Vec<u8>, tag: u8, c: u32, digits: u32| {
        out.push(b'\\');
        out.push(tag);
        for k in (0..digits).rev() {
            out.push(HEX[((c >> (4 * k)) & 0xF) as usize]);
        }
    };
    for c in u.iter() {
        if c < 0x100 {
            if raw {
                out.push(c as u8);
            } else if c == b'\\' as u32 {
                out.extend_from_slice(b"\\\\");
            } else if (0x20..0x7F).contains(&c) {
                out.push(c as u8);
            } else {
                match c {
                    0x09 => out.extend_from_slice(b"\\t"),
                    0x0A => out.extend_from_slice(b"\\n"),
                    0x0D => out.extend_from_slice(b"\\r"),
                    _ => hex(&mut out, b'x', c, 2),
                }
            }
        } else if c < 0x10000 {
            hex(&mut out, b'u', c, 4);
        } else {
            hex(&mut out, b'U', c, 8);
        }
    }
    out
}

/// The character a `\N{...}` escape names (the `getcode` of `_PyUnicode_Name_CAPI`):
/// names are matched without regard to case, aliases count, named sequences do not.
pub fn lookup_unicode_name(name: &str) -> Option<u32> {
    match crate::ucnhash::_getcode(false, name.as_bytes(), false)? {
        crate::ucnhash::NamedCode::Char(c) => Some(c),
        crate::ucnhash::NamedCode::Sequence(_) => None,
    }
}

/// `PyUnicode_Decode`: decode `data` with the named encoding.
pub fn PyUnicode_Decode(
    data: &[u8],
    obj: Option<&PyObject>,
    encoding: &str,
    errors: Option<&PyObject>,
) -> PyResult {
    unicode_check_encoding_errors(Some(encoding), errors_name(errors)?)?;
    let handler = ErrorHandler::from_arg(errors)?;
    match lookup_builtin(encoding) {
        Some(codec) => Ok(decode_with_codec(codec, data, &handler, true)?.0),
        None => {
            if let Some(f) = fallback() {
                let owned;
                let o = match obj {
                    Some(o) => o,
                    None => {
                        owned = PyBytes_FromVec(data.to_vec());
                        &owned
                    }
                };
                if let Some(r) = f(o, encoding, errors, false)? {
                    if !PyUnicodeObject::check(&r) {
                        return Err(type_error(format!(
                            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                            r.ob_type().name()
                        )));
                    }
                    return Ok(r);
                }
            }
            Err(unknown_encoding(encoding, false))
        }
    }
}

/// `str(obj, encoding, errors)` and `bytes.decode` (`PyUnicode_FromEncodedObject`):
/// decode a bytes-like object.
pub fn decode_object(
    obj: &PyObject,
    encoding: Option<&PyObject>,
    errors: Option<&PyObject>,
) -> PyResult {
    if PyUnicodeObject::check(obj) {
        return Err(type_error("decoding str is not supported"));
    }
    let Some(data) = bytes_like_cow(obj) else {
        return Err(type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            obj.ob_type().name()
        )));
    };
    // An empty buffer decodes to '' without looking the encoding up.
    if data.is_empty() {
        let name = encoding
            .map(crate::unicodeobject::as_str_strict)
            .transpose()?;
        unicode_check_encoding_errors(name, errors_name(errors)?)?;
        return Ok(crate::unicodeobject::unicode_empty());
    }
    let name = match encoding {
        Some(e) => crate::unicodeobject::as_str_strict(e)?,
        None => "utf-8",
    };
    PyUnicode_Decode(&data, Some(obj), name, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_to_builtin_codecs() {
        assert_eq!(normalize_encoding(" UTF-8 "), "utf_8");
        assert_eq!(normalize_encoding("utf 8"), "utf_8");
        assert_eq!(lookup_builtin("UTF8"), Some(Codec::Utf8));
        assert_eq!(lookup_builtin("U8"), Some(Codec::Utf8));
        assert_eq!(lookup_builtin("ISO-8859-1"), Some(Codec::Latin1));
        assert_eq!(lookup_builtin("latin"), Some(Codec::Latin1));
        assert_eq!(lookup_builtin("646"), Some(Codec::Ascii));
        assert_eq!(lookup_builtin("us-ascii"), Some(Codec::Ascii));
        assert_eq!(
            lookup_builtin("utf-16be"),
            Some(Codec::Utf16(ByteOrder::Big))
        );
        assert_eq!(
            lookup_builtin("UTF-32-LE"),
            Some(Codec::Utf32(ByteOrder::Little))
        );
        assert_eq!(lookup_builtin("utf-8-sig"), Some(Codec::Utf8Sig));
        assert_eq!(lookup_builtin("cp1252"), None);
    }

    fn decoded(codec: Codec, data: &[u8], errors: &str) -> Vec<u32> {
        let (s, n) = match decode_with_codec(codec, data, &ErrorHandler::from_name(errors), true) {
            Ok(r) => r,
            Err(_) => return vec![u32::MAX],
        };
        assert_eq!(n, data.len());
        s.downcast_ref::<PyUnicodeObject>()
            .map(|u| u.code_points())
            .unwrap_or_default()
    }

    fn encoded(codec: Codec, cps: &[u32], errors: &str) -> Vec<u8> {
        let s = crate::unicodeobject::PyUnicode_FromCodePoints(cps);
        encode_with_codec(codec, &s, &ErrorHandler::from_name(errors))
            .unwrap_or_else(|_| b"<error>".to_vec())
    }

    #[test]
    fn utf8_error_ranges_follow_cpython() {
        // One U+FFFD per maximal invalid subsequence, as CPython's decoder reports.
        assert_eq!(
            decoded(Codec::Utf8, b"a\xe2\x82b", "replace"),
            [0x61, 0xFFFD, 0x62]
        );
        assert_eq!(
            decoded(Codec::Utf8, b"\xed\xa0\x80", "replace"),
            [0xFFFD, 0xFFFD, 0xFFFD]
        );
        assert_eq!(decoded(Codec::Utf8, b"\xf0\x90\x80", "replace"), [0xFFFD]);
        assert_eq!(
            decoded(Codec::Utf8, b"\xff\x41", "surrogateescape"),
            [0xDCFF, 0x41]
        );
        assert_eq!(
            decoded(Codec::Utf8, b"\xed\xa0\x80x", "surrogatepass"),
            [0xD800, 0x78]
        );
        assert_eq!(decoded(Codec::Utf8, b"\xc3\xa9\xff", "ignore"), [0xE9]);
        let bs: Vec<u32> = "\\xff".chars().map(|c| c as u32).collect();
        assert_eq!(decoded(Codec::Utf8, b"\xff", "backslashreplace"), bs);
    }

    #[test]
    fn utf16_and_utf32() {
        assert_eq!(
            decoded(Codec::Utf16(ByteOrder::Native), b"\xfe\xff\x00a", "strict"),
            [0x61]
        );
        assert_eq!(
            decoded(Codec::Utf16(ByteOrder::Little), b"=\xd8\x00\xde", "strict"),
            [0x1F600]
        );
        assert_eq!(
            decoded(Codec::Utf16(ByteOrder::Little), b"\xff\xff\xff", "replace"),
            [0xFFFF, 0xFFFD]
        );
        assert_eq!(
            decoded(Codec::Utf32(ByteOrder::Big), b"\x00\x01\xf6\x00", "strict"),
            [0x1F600]
        );
        assert_eq!(
            encoded(Codec::Utf16(ByteOrder::Big), &[0x1F600], "strict"),
            b"\xd8\x3d\xde\x00"
        );
        assert_eq!(
            encoded(Codec::Utf32(ByteOrder::Native), &[0x61], "strict"),
            b"\xff\xfe\x00\x00a\x00\x00\x00"
        );
        assert_eq!(
            encoded(Codec::Utf16(ByteOrder::Little), &[0xD800], "surrogatepass"),
            b"\x00\xd8"
        );
    }

    #[test]
    fn encoders_apply_handlers_to_runs() {
        assert_eq!(
            encoded(Codec::Ascii, &[0x61, 0xE9, 0x20AC, 0x62], "replace"),
            b"a??b"
        );
        assert_eq!(
            encoded(Codec::Latin1, &[0xE9, 0x20AC], "backslashreplace"),
            b"\xe9\\u20ac"
        );
        assert_eq!(
            encoded(Codec::Ascii, &[0x20AC], "xmlcharrefreplace"),
            b"&#8364;"
        );
        assert_eq!(
            encoded(Codec::Ascii, &[0xE9], "namereplace"),
            b"\\N{LATIN SMALL LETTER E WITH ACUTE}"
        );
        assert_eq!(
            encoded(Codec::Utf8, &[0xDC80, 0x41], "surrogateescape"),
            b"\x80A"
        );
        assert_eq!(
            encoded(Codec::Utf8, &[0xD800], "surrogatepass"),
            b"\xed\xa0\x80"
        );
        assert_eq!(encoded(Codec::Utf8Sig, &[0x61], "strict"), b"\xef\xbb\xbfa");
    }

    #[test]
    fn surrogatepass_round_trip() {
        let mut v = Vec::new();
        surrogatepass_bytes(0xD800, 3, ByteOrder::Native, &mut v);
        assert_eq!(v, [0xED, 0xA0, 0x80]);
        assert_eq!(surrogatepass_decode(&v, 3, ByteOrder::Native), Some(0xD800));
        assert_eq!(
            surrogatepass_decode(&[0x00, 0xD8], 2, ByteOrder::Little),
            Some(0xD800)
        );
        assert_eq!(
            surrogatepass_decode(&[0x41, 0x00], 2, ByteOrder::Little),
            None
        );
    }
}
