//! `_io._TextIOBase`, `_io.IncrementalNewlineDecoder` and `_io.TextIOWrapper`: text
//! streams over binary ones. Mirrors Modules/_io/textio.c (CPython 3.11).
//!
//! `TextIOWrapper` encodes what is written into `pending_bytes` (passed to the
//! buffer's `write()` in chunks of `_CHUNK_SIZE`), and decodes what is read a chunk
//! at a time into `decoded_chars`, of which `decoded_chars_used` characters have been
//! returned. `tell()` and `seek()` use CPython's opaque cookie: the byte position of a
//! point where the decoder was empty (a "snapshot"), the decoder flags there, and how
//! many bytes to feed and characters to skip from it; the integer packs the fields as
//! CPython's `cookie_type` does (`start_pos` in bits 0-63, `dec_flags` 64-95,
//! `bytes_to_feed` 96-127, `chars_to_skip` 128-159, `need_eof` 160-167), so cookies
//! have the same values as CPython's.
//!
//! Differences from CPython: the built-in codecs of `objects::codecs` are driven
//! incrementally here in Rust (with the states that Lib/encodings' incremental
//! decoders report from `getstate()`, so cookies agree), and universal newlines are
//! handled here too; for them the decoder and encoder are internal objects, not
//! Python ones. Any other encoding (`koi8-r`, `cp437`, ...) is looked up in the codec
//! registry, and its `IncrementalEncoder` and `IncrementalDecoder` objects are called
//! as CPython calls them.

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::boolobject::{PyBool_FromLong, Py_False};
use objects::bytesobject::{PyBytesObject, PyBytes_FromSlice, PyBytes_FromVec};
use objects::codecs::{ByteOrder, Codec, ErrorHandler};
use objects::exceptions::{PyExc_LookupError, PyExc_UnicodeError, PyExc_ValueError};
use objects::longobject::{PyLongObject, PyLong_FromLong, PyLong_FromSsize_t};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::{PyBaseObject_Type, PyType_Type};
use objects::unicodeobject::{
    as_str_lossy, unicode_substring, PyUnicodeObject, PyUnicode_FromCodePoints,
    PyUnicode_FromString, StrView,
};

use super::docs;
use super::iobase::{self, chain_errors, io_dealloc, PyIOBaseObject, PyIOBase_Type, IO_FLAGS};
use super::{bufferedio, call_method, fileio, unsupported};

// --- _TextIOBase -------------------------------------------------------------------------------

fn textiobase_detach(_obj: &PyObject) -> PyResult {
    Err(unsupported("detach"))
}

fn textiobase_read(_obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    Err(unsupported("read"))
}

fn textiobase_readline(_obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    Err(unsupported("readline"))
}

fn textiobase_write(_obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    Err(unsupported("write"))
}

fn textiobase_none(_obj: &PyObject) -> PyResult {
    Ok(none())
}

static TEXTIOBASE_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "detach",
        PyCFunction::NoArgs(textiobase_detach),
        docs::TEXTIOBASE_DETACH,
    ),
    PyMethodDef::new(
        "read",
        PyCFunction::Fast(textiobase_read),
        docs::TEXTIOBASE_READ,
    ),
    PyMethodDef::new(
        "readline",
        PyCFunction::Fast(textiobase_readline),
        docs::TEXTIOBASE_READLINE,
    ),
    PyMethodDef::new(
        "write",
        PyCFunction::Fast(textiobase_write),
        docs::TEXTIOBASE_WRITE,
    ),
];

static TEXTIOBASE_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef {
        name: "encoding",
        get: Some(textiobase_none),
        set: None,
        doc: Some(docs::TEXTIOBASE_ENCODING),
    },
    PyGetSetDef {
        name: "newlines",
        get: Some(textiobase_none),
        set: None,
        doc: Some(docs::TEXTIOBASE_NEWLINES),
    },
    PyGetSetDef {
        name: "errors",
        get: Some(textiobase_none),
        set: None,
        doc: Some(docs::TEXTIOBASE_ERRORS),
    },
];

/// `_io._TextIOBase`.
pub static PyTextIOBase_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io._TextIOBase",
    tp_basicsize: Cell::new(size_of::<PyIOBaseObject>()),
    tp_dealloc: slot(io_dealloc::<PyIOBaseObject>),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::TEXTIOBASE_DOC),
    tp_traverse: slot(iobase::iobase_traverse),
    tp_clear: slot(iobase::iobase_clear),
    tp_methods: &TEXTIOBASE_METHODS,
    tp_getset: &TEXTIOBASE_GETSET,
    tp_base: objects::object::type_ptr(&PyIOBase_Type),
    ..PyTypeObject::DEFAULT
};

// --- Newline handling shared with StringIO -----------------------------------------------------

pub const SEEN_CR: u8 = 1;
pub const SEEN_LF: u8 = 2;
pub const SEEN_CRLF: u8 = 4;
pub const SEEN_ALL: u8 = SEEN_CR | SEEN_LF | SEEN_CRLF;

const CR: u32 = '\r' as u32;
const LF: u32 = '\n' as u32;

/// The state of universal-newline decoding (`nldecoder_object` without the wrapped
/// decoder): a `\r` held back from the end of the last chunk (it may start a
/// `\r\n`), the kinds of newline seen, and whether to translate them to `\n`.
#[derive(Clone)]
pub struct NlState {
    pub pendingcr: bool,
    pub seennl: u8,
    pub translate: bool,
}

/// Scan `s` for newlines, recording their kinds; with `translate`, return the text
/// with `\r\n` and `\r` turned into `\n` if there was any `\r`.
fn scan_newlines<T: Copy + Into<u32>>(
    s: &[T],
    translate: bool,
    seennl: &mut u8,
) -> Option<Vec<u32>> {
    if s.is_empty() {
        return None;
    }
    // While newlines have only been \n so far, a quick look for \r decides.
    let only_lf = (*seennl == SEEN_LF || *seennl == 0) && !s.iter().any(|&c| c.into() == CR);
    if only_lf {
        if *seennl == 0 && s.iter().any(|&c| c.into() == LF) {
            *seennl |= SEEN_LF;
        }
        return None;
    }
    if !translate {
        if *seennl == SEEN_ALL {
            return None;
        }
        let mut i = 0;
        while i < s.len() {
            match s[i].into() {
                LF => *seennl |= SEEN_LF,
                CR => {
                    if i + 1 < s.len() && s[i + 1].into() == LF {
                        *seennl |= SEEN_CRLF;
                        i += 1;
                    } else {
                        *seennl |= SEEN_CR;
                    }
                }
                _ => {}
            }
            if *seennl == SEEN_ALL {
                break;
            }
            i += 1;
        }
        return None;
    }
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i].into();
        match c {
            LF => {
                *seennl |= SEEN_LF;
                out.push(LF);
            }
            CR => {
                if i + 1 < s.len() && s[i + 1].into() == LF {
                    *seennl |= SEEN_CRLF;
                    i += 1;
                } else {
                    *seennl |= SEEN_CR;
                }
                out.push(LF);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    Some(out)
}

impl NlState {
    pub fn new(translate: bool) -> NlState {
        NlState {
            pendingcr: false,
            seennl: 0,
            translate,
        }
    }

    /// Decode (translate and record) code points (`StringIO`'s writes).
    pub fn translate(&mut self, input: &[u32], final_: bool) -> Vec<u32> {
        let mut v = Vec::with_capacity(input.len() + 1);
        if self.pendingcr && (final_ || !input.is_empty()) {
            v.push(CR);
            self.pendingcr = false;
        }
        v.extend_from_slice(input);
        if !final_ && v.last() == Some(&CR) {
            v.pop();
            self.pendingcr = true;
        }
        let mut seen = self.seennl;
        let out = scan_newlines(&v, self.translate, &mut seen);
        self.seennl |= seen;
        out.unwrap_or(v)
    }

    /// The second half of `_PyIncrementalNewlineDecoder_decode`: process the output of
    /// the wrapped decoder (a str).
    pub fn process(&mut self, output: PyObjectRef, final_: bool) -> PyResult {
        let Some(u) = output.downcast_ref::<PyUnicodeObject>() else {
            return Err(type_error(format!(
                "decoder should return a string result, not '{}'",
                output.ob_type().name()
            )));
        };
        let len = u.len();
        let needs_prefix = self.pendingcr && (final_ || len > 0);
        let ends_cr = !final_
            && (if len > 0 {
                u.char_at(len - 1) == CR
            } else {
                needs_prefix
            });
        if needs_prefix || ends_cr {
            let mut v: Vec<u32> = Vec::with_capacity(len + 1);
            if needs_prefix {
                v.push(CR);
                self.pendingcr = false;
            }
            v.extend(u.iter());
            if !final_ && v.last() == Some(&CR) {
                v.pop();
                self.pendingcr = true;
            }
            let mut seen = self.seennl;
            let out = scan_newlines(&v, self.translate, &mut seen);
            self.seennl |= seen;
            return Ok(PyUnicode_FromCodePoints(&out.unwrap_or(v)));
        }
        let mut seen = self.seennl;
        let out = match u.view() {
            StrView::Latin1(s) => scan_newlines(s, self.translate, &mut seen),
            StrView::Ucs2(s) => scan_newlines(s, self.translate, &mut seen),
            StrView::Ucs4(s) => scan_newlines(s, self.translate, &mut seen),
        };
        self.seennl |= seen;
        Ok(match out {
            Some(v) => PyUnicode_FromCodePoints(&v),
            None => output,
        })
    }

    /// `newlines`: None, one kind as a str, or a tuple of the kinds seen.
    pub fn newlines(&self) -> PyObjectRef {
        let s = PyUnicode_FromString;
        let t = |items: Vec<PyObjectRef>| PyTuple_New(items).into_object();
        match self.seennl {
            SEEN_CR => s("\r"),
            SEEN_LF => s("\n"),
            SEEN_CRLF => s("\r\n"),
            x if x == SEEN_CR | SEEN_LF => t(vec![s("\r"), s("\n")]),
            x if x == SEEN_CR | SEEN_CRLF => t(vec![s("\r"), s("\r\n")]),
            x if x == SEEN_LF | SEEN_CRLF => t(vec![s("\n"), s("\r\n")]),
            SEEN_ALL => t(vec![s("\r"), s("\n"), s("\r\n")]),
            _ => none(),
        }
    }

    fn reset(&mut self) {
        self.seennl = 0;
        self.pendingcr = false;
    }
}

/// `_PyIO_find_line_ending`: the length of the first line of `s` including its
/// ending, or `None` with the number of characters that can be set aside (everything
/// but a possible start of a multi-character `readnl`).
pub fn find_line_ending<T: Copy + Into<u32>>(
    translated: bool,
    universal: bool,
    readnl: Option<&[u32]>,
    s: &[T],
) -> (Option<usize>, usize) {
    let len = s.len();
    if translated {
        // Newlines are already \n.
        return match s.iter().position(|&c| c.into() == LF) {
            Some(i) => (Some(i + 1), 0),
            None => (None, len),
        };
    }
    if universal {
        // Any of \r, \r\n, \n (the decoder never splits a \r\n).
        let mut i = 0;
        while i < len {
            let c = s[i].into();
            i += 1;
            if c == LF {
                return (Some(i), 0);
            }
            if c == CR {
                if i < len && s[i].into() == LF {
                    return (Some(i + 1), 0);
                }
                return (Some(i), 0);
            }
        }
        return (None, len);
    }
    let nl: &[u32] = match readnl {
        Some(nl) if !nl.is_empty() => nl,
        _ => &[LF],
    };
    if nl.len() == 1 {
        return match s.iter().position(|&c| c.into() == nl[0]) {
            Some(i) => (Some(i + 1), 0),
            None => (None, len),
        };
    }
    // A multi-character newline ("\r\n"): search for it, and keep back a trailing
    // first character that may start one.
    let e = len.saturating_sub(nl.len() - 1);
    let mut i = 0;
    while i < e {
        match s[i..].iter().position(|&c| c.into() == nl[0]) {
            Some(off) if i + off < e => {
                let p = i + off;
                if (1..nl.len()).all(|k| s[p + k].into() == nl[k]) {
                    return (Some(p + nl.len()), 0);
                }
                i = p + 1;
            }
            _ => break,
        }
    }
    match s[e..].iter().position(|&c| c.into() == nl[0]) {
        Some(off) => (None, e + off),
        None => (None, len),
    }
}

/// `find_line_ending` on a str object's characters from `start`.
fn find_line_ending_str(
    translated: bool,
    universal: bool,
    readnl: Option<&[u32]>,
    u: &PyUnicodeObject,
    start: usize,
) -> (Option<usize>, usize) {
    match u.view() {
        StrView::Latin1(s) => find_line_ending(translated, universal, readnl, &s[start..]),
        StrView::Ucs2(s) => find_line_ending(translated, universal, readnl, &s[start..]),
        StrView::Ucs4(s) => find_line_ending(translated, universal, readnl, &s[start..]),
    }
}

// --- The codecs, incrementally ------------------------------------------------------------------

/// Codecs that exist in CPython but are not text encodings (`_PyCodec_LookupTextEncoding`
/// refuses them).
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

/// The codec of a `TextIOWrapper`: a built-in one, or the `CodecInfo` the registry
/// gave for another encoding.
enum TextCodec {
    Builtin(Codec),
    Registry(PyObjectRef),
}

/// `_PyCodec_LookupTextEncoding(encoding, "codecs.open()")`: a built-in codec, else
/// the registry's.
fn lookup_text_encoding(encoding: &str) -> PyResult<TextCodec> {
    if let Some(c) = objects::codecs::lookup_builtin(encoding) {
        return Ok(TextCodec::Builtin(c));
    }
    let norm = objects::codecs::normalize_encoding(encoding);
    if NON_TEXT.contains(&norm.as_str()) {
        // Said before the registry is asked: some of these codecs' modules (bz2)
        // do not import under pyrs.
        return Err(PyErr_SetString(
            &PyExc_LookupError,
            format!(
                "'{encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs"
            ),
        ));
    }
    crate::_codecsmodule::_PyCodec_LookupTextEncoding(encoding, "codecs.open()")
        .map(TextCodec::Registry)
}

/// `codec_makeincrementalcodec`: `codec_info.<attrname>(errors)`.
fn make_incremental_codec(info: &PyObject, errors: &str, attrname: &str) -> PyResult {
    let inccodec = objects::object::PyObject_GetAttrString(info, attrname)?;
    objects::call::PyObject_CallOneArg(&inccodec, &PyUnicode_FromString(errors))
}

/// `check_decoded`: a decoder must return a str.
fn check_decoded(decoded: PyObjectRef) -> PyResult {
    if !PyUnicodeObject::check(&decoded) {
        return Err(type_error(format!(
            "decoder should return a string result, not '{:.200}'",
            decoded.ob_type().name()
        )));
    }
    Ok(decoded)
}

/// A decoder's `getstate()` result as `(buffer, flags)`, checked as
/// `textiowrapper_read_chunk` and `textiowrapper_tell` check it.
fn parse_decoder_state(state: &PyObject) -> PyResult<(Vec<u8>, i64)> {
    let Some(t) = state.downcast_ref::<PyTupleObject>() else {
        return Err(type_error("illegal decoder state"));
    };
    if t.len() != 2 {
        return Err(type_error("illegal decoder state"));
    }
    let (buf, flags) = (&t.as_slice()[0], &t.as_slice()[1]);
    let Some(b) = buf.downcast_ref::<PyBytesObject>() else {
        return Err(type_error(format!(
            "illegal decoder state: the first item should be a bytes object, not '{:.200}'",
            buf.ob_type().name()
        )));
    };
    let flags = objects::longobject::PyLong_AsLong(flags)?;
    Ok((b.as_bytes().to_vec(), flags))
}

const NATIVE_LE: bool = cfg!(target_endian = "little");

/// An incremental decoder for a built-in codec, with the state that the matching
/// `encodings.*.IncrementalDecoder` keeps: undecoded bytes, plus whether a UTF-8
/// signature is still expected or which byte order a UTF-16/32 stream has.
#[derive(Clone)]
struct TextDecoder {
    codec: Codec,
    errors: ErrorHandler,
    /// Bytes not decoded yet (a partial character).
    pending: Vec<u8>,
    /// utf-8-sig: the signature may still come.
    first: bool,
    /// utf-16/utf-32 with a byte order mark: the order once known (true: little).
    order: Option<bool>,
}

impl TextDecoder {
    fn new(codec: Codec, errors: ErrorHandler) -> TextDecoder {
        TextDecoder {
            codec,
            errors,
            pending: Vec::new(),
            first: true,
            order: None,
        }
    }

    /// `decoder.decode(input, final)`.
    fn decode(&mut self, input: &[u8], final_: bool) -> PyResult {
        let mut data = std::mem::take(&mut self.pending);
        data.extend_from_slice(input);
        let (codec, skip) = match self.codec {
            Codec::Ascii | Codec::Latin1 => {
                return Ok(objects::codecs::decode_with_codec(
                    self.codec,
                    &data,
                    &self.errors,
                    true,
                )?
                .0);
            }
            Codec::Utf8Sig => {
                let bom = [0xEFu8, 0xBB, 0xBF];
                let mut skip = 0;
                if self.first {
                    if data.len() < 3 {
                        if bom.starts_with(&data) {
                            // Not enough data to tell: try again with more.
                            self.pending = data;
                            return Ok(PyUnicode_FromString(""));
                        }
                        self.first = false;
                    } else {
                        self.first = false;
                        if data.starts_with(&bom) {
                            skip = 3;
                        }
                    }
                }
                (Codec::Utf8, skip)
            }
            Codec::Utf16(ByteOrder::Native) | Codec::Utf32(ByteOrder::Native) => {
                let wide = matches!(self.codec, Codec::Utf32(_));
                let unit = if wide { 4 } else { 2 };
                let mut skip = 0;
                let le = match self.order {
                    Some(le) => le,
                    None => {
                        if data.len() < unit && !final_ {
                            self.pending = data;
                            return Ok(PyUnicode_FromString(""));
                        }
                        let (le_bom, be_bom): (&[u8], &[u8]) = if wide {
                            (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF])
                        } else {
                            (&[0xFF, 0xFE], &[0xFE, 0xFF])
                        };
                        if data.starts_with(le_bom) {
                            skip = unit;
                            self.order = Some(true);
                            true
                        } else if data.starts_with(be_bom) {
                            skip = unit;
                            self.order = Some(false);
                            false
                        } else if data.len() >= unit {
                            return Err(PyErr_SetString(
                                &PyExc_UnicodeError,
                                if wide {
                                    "UTF-32 stream does not start with BOM"
                                } else {
                                    "UTF-16 stream does not start with BOM"
                                },
                            ));
                        } else {
                            NATIVE_LE
                        }
                    }
                };
                let order = if le {
                    ByteOrder::Little
                } else {
                    ByteOrder::Big
                };
                (
                    if wide {
                        Codec::Utf32(order)
                    } else {
                        Codec::Utf16(order)
                    },
                    skip,
                )
            }
            c => (c, 0),
        };
        let body = data.get(skip..).unwrap_or(&[]);
        let (s, consumed) = objects::codecs::decode_with_codec(codec, body, &self.errors, final_)?;
        self.pending = body.get(consumed..).unwrap_or(&[]).to_vec();
        Ok(s)
    }

    /// `decoder.getstate()`: `(buffered bytes, flags)`.
    fn getstate(&self) -> (Vec<u8>, i64) {
        match self.codec {
            Codec::Ascii | Codec::Latin1 => (Vec::new(), 0),
            Codec::Utf8Sig => (self.pending.clone(), self.first as i64),
            Codec::Utf16(ByteOrder::Native) | Codec::Utf32(ByteOrder::Native) => {
                let flag = match self.order {
                    None => 2,
                    Some(le) => (le != NATIVE_LE) as i64,
                };
                (self.pending.clone(), flag)
            }
            _ => (self.pending.clone(), 0),
        }
    }

    /// `decoder.setstate((buffer, flags))`.
    fn setstate(&mut self, buf: &[u8], flag: i64) {
        match self.codec {
            Codec::Ascii | Codec::Latin1 => {}
            Codec::Utf8Sig => {
                self.pending = buf.to_vec();
                self.first = flag != 0;
            }
            Codec::Utf16(ByteOrder::Native) | Codec::Utf32(ByteOrder::Native) => {
                self.pending = buf.to_vec();
                self.order = match flag {
                    0 => Some(NATIVE_LE),
                    1 => Some(!NATIVE_LE),
                    _ => None,
                };
            }
            _ => self.pending = buf.to_vec(),
        }
    }

    fn reset(&mut self) {
        self.pending.clear();
        self.first = true;
        self.order = None;
    }
}

/// A codec's incremental decoder: built in, or the registry codec's
/// `IncrementalDecoder` object.
#[derive(Clone)]
enum CodecDecoder {
    Builtin(TextDecoder),
    Registry(PyObjectRef),
}

impl CodecDecoder {
    fn decode(&mut self, input: &[u8], final_: bool) -> PyResult {
        match self {
            CodecDecoder::Builtin(d) => d.decode(input, final_),
            CodecDecoder::Registry(d) => check_decoded(call_method(
                d,
                objects::intern!("decode"),
                &[PyBytes_FromSlice(input), PyBool_FromLong(final_)],
            )?),
        }
    }

    fn getstate(&self) -> PyResult<(Vec<u8>, i64)> {
        match self {
            CodecDecoder::Builtin(d) => Ok(d.getstate()),
            CodecDecoder::Registry(d) => {
                let state = call_method(d, objects::intern!("getstate"), &[])?;
                parse_decoder_state(&state)
            }
        }
    }

    fn setstate(&mut self, buf: &[u8], flag: i64) -> PyResult<()> {
        match self {
            CodecDecoder::Builtin(d) => d.setstate(buf, flag),
            CodecDecoder::Registry(d) => {
                let state = PyTuple_New(vec![PyBytes_FromSlice(buf), PyLong_FromLong(flag)]);
                call_method(d, objects::intern!("setstate"), &[state.into_object()])?;
            }
        }
        Ok(())
    }

    fn reset(&mut self) -> PyResult<()> {
        match self {
            CodecDecoder::Builtin(d) => d.reset(),
            CodecDecoder::Registry(d) => {
                call_method(d, objects::intern!("reset"), &[])?;
            }
        }
        Ok(())
    }
}

/// The decoder of a `TextIOWrapper`: the codec's, wrapped in universal-newline
/// handling when reading with `newline=None` or `''`.
#[derive(Clone)]
struct Decoder {
    codec: CodecDecoder,
    nl: Option<NlState>,
}

impl Decoder {
    fn decode(&mut self, input: &[u8], final_: bool) -> PyResult {
        let out = self.codec.decode(input, final_)?;
        match &mut self.nl {
            Some(nl) => nl.process(out, final_),
            None => Ok(out),
        }
    }

    fn getstate(&self) -> PyResult<(Vec<u8>, i64)> {
        let (buf, flag) = self.codec.getstate()?;
        Ok(match &self.nl {
            Some(nl) => (buf, (flag << 1) | nl.pendingcr as i64),
            None => (buf, flag),
        })
    }

    fn setstate(&mut self, buf: &[u8], flag: i64) -> PyResult<()> {
        match &mut self.nl {
            Some(nl) => {
                nl.pendingcr = flag & 1 != 0;
                self.codec.setstate(buf, flag >> 1)
            }
            None => self.codec.setstate(buf, flag),
        }
    }

    fn reset(&mut self) -> PyResult<()> {
        if let Some(nl) = &mut self.nl {
            nl.reset();
        }
        self.codec.reset()
    }

    /// `_textiowrapper_decoder_setstate`: at the start of the stream the decoder is
    /// reset (so that utf-16 expects its BOM again), elsewhere given the flags.
    fn setstate_cookie(&mut self, c: &Cookie) -> PyResult<()> {
        if c.start_pos == 0 && c.dec_flags == 0 {
            self.reset()
        } else {
            self.setstate(&[], c.dec_flags as i64)
        }
    }
}

/// An incremental encoder: stateless but for the signature or byte order mark that
/// begins a stream in utf-8-sig, utf-16 and utf-32.
#[derive(Clone)]
struct TextEncoder {
    codec: Codec,
    errors: ErrorHandler,
    /// The next `encode` starts the stream (writes the BOM, if the codec has one).
    at_start: bool,
}

/// The encoder of a `TextIOWrapper`: built in, or the registry codec's
/// `IncrementalEncoder` object.
#[derive(Clone)]
enum Encoder {
    Builtin(TextEncoder),
    Registry(PyObjectRef),
}

impl Encoder {
    fn encode(&mut self, text: &PyObject) -> PyResult<Vec<u8>> {
        match self {
            Encoder::Builtin(e) => e.encode(text),
            Encoder::Registry(e) => {
                let b = call_method(e, objects::intern!("encode"), &[text.to_owned()])?;
                match b.downcast_ref::<PyBytesObject>() {
                    Some(b) => Ok(b.as_bytes().to_vec()),
                    None => Err(type_error(format!(
                        "encoder should return a bytes object, not '{:.200}'",
                        b.ob_type().name()
                    ))),
                }
            }
        }
    }
}

impl TextEncoder {
    fn encode(&mut self, text: &PyObject) -> PyResult<Vec<u8>> {
        let codec = if self.at_start {
            self.codec
        } else {
            match self.codec {
                Codec::Utf8Sig => Codec::Utf8,
                Codec::Utf16(ByteOrder::Native) => Codec::Utf16(if NATIVE_LE {
                    ByteOrder::Little
                } else {
                    ByteOrder::Big
                }),
                Codec::Utf32(ByteOrder::Native) => Codec::Utf32(if NATIVE_LE {
                    ByteOrder::Little
                } else {
                    ByteOrder::Big
                }),
                c => c,
            }
        };
        let out = objects::codecs::encode_with_codec(codec, text, &self.errors)?;
        self.at_start = false;
        Ok(out)
    }
}

// --- IncrementalNewlineDecoder ---------------------------------------------------------------

/// `nldecoder_object`: universal-newline decoding around another decoder (or None).
#[repr(C)]
pub struct PyIncrementalNewlineDecoderObject {
    pub ob_base: PyObject,
    decoder: PyCell<Option<PyObjectRef>>,
    /// `None` until `__init__` has run.
    errors: PyCell<Option<PyObjectRef>>,
    state: PyCell<NlState>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyIncrementalNewlineDecoderObject {}

fn as_nldecoder(obj: &PyObject) -> &PyIncrementalNewlineDecoderObject {
    // SAFETY: the methods are only called on instances.
    unsafe { &*(obj as *const PyObject as *const PyIncrementalNewlineDecoderObject) }
}

impl PyIncrementalNewlineDecoderObject {
    fn check(&self) -> PyResult<()> {
        // SAFETY: the borrow ends within the expression.
        if unsafe { self.errors.get_ref() }.is_none() {
            return Err(value_error(
                "IncrementalNewlineDecoder.__init__() not called",
            ));
        }
        Ok(())
    }

    fn state(&self) -> NlState {
        // SAFETY: the borrow ends within the expression.
        unsafe { self.state.get_ref() }.clone()
    }
}

fn nldecoder_new(
    tp: &PyTypeObject,
    _args: &[PyObjectRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    // SAFETY: `tp` is the decoder type or a subclass; the rest is zeroed.
    let obj = unsafe {
        alloc_object(
            tp,
            PyIncrementalNewlineDecoderObject {
                ob_base: PyObject_HEAD_INIT,
                decoder: PyCell::new(None),
                errors: PyCell::new(None),
                state: PyCell::new(NlState::new(false)),
            },
        )
    };
    Ok(obj.into_object())
}

/// `IncrementalNewlineDecoder(decoder, translate, errors='strict')`.
fn nldecoder_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let a = objects::getargs::unpack_keywords(
        &objects::getargs::ArgSpec {
            fname: "IncrementalNewlineDecoder",
            names: &["decoder", "translate", "errors"],
            posonly: 0,
            maxpos: 3,
            minpos: 2,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let translate = super::bool_int_arg(a[1].as_deref().unwrap_or(Py_False()))?;
    let d = as_nldecoder(obj);
    d.decoder.set(a[0].clone());
    d.errors.set(Some(
        a[2].clone()
            .unwrap_or_else(|| PyUnicode_FromString("strict")),
    ));
    d.state.set(NlState::new(translate));
    Ok(())
}

/// `_PyIncrementalNewlineDecoder_decode`.
fn nldecoder_decode_impl(
    d: &PyIncrementalNewlineDecoderObject,
    input: &PyObject,
    final_: bool,
) -> PyResult {
    d.check()?;
    let inner = d.decoder.get().filter(|x| !x.is(Py_None()));
    let output = match inner {
        Some(dec) => call_method(
            &dec,
            objects::intern!("decode"),
            &[input.to_owned(), PyBool_FromLong(final_)],
        )?,
        None => input.to_owned(),
    };
    let mut st = d.state();
    let r = st.process(output, final_)?;
    d.state.set(st);
    Ok(r)
}

/// `decode(input, final=False)`.
fn nldecoder_decode(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = objects::getargs::unpack_keywords(
        &objects::getargs::ArgSpec {
            fname: "decode",
            names: &["input", "final"],
            posonly: 0,
            maxpos: 2,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let final_ = match &a[1] {
        Some(f) => super::bool_int_arg(f)?,
        None => false,
    };
    nldecoder_decode_impl(
        as_nldecoder(obj),
        a[0].as_deref().unwrap_or(Py_None()),
        final_,
    )
}

fn nldecoder_getstate(obj: &PyObject) -> PyResult {
    let d = as_nldecoder(obj);
    d.check()?;
    let (buffer, mut flag) = match d.decoder.get().filter(|x| !x.is(Py_None())) {
        Some(dec) => {
            let state = call_method(&dec, objects::intern!("getstate"), &[])?;
            let Some(t) = state.downcast_ref::<PyTupleObject>() else {
                return Err(type_error("illegal decoder state"));
            };
            if t.len() != 2 || !PyLongObject::check(&t.as_slice()[1]) {
                return Err(type_error("illegal decoder state"));
            }
            let flag = ulonglong_mask(&t.as_slice()[1]);
            (t.as_slice()[0].clone(), flag)
        }
        None => (PyBytes_FromSlice(&[]), 0),
    };
    flag <<= 1;
    if d.state().pendingcr {
        flag |= 1;
    }
    Ok(PyTuple_New(vec![buffer, PyLong_FromLong(flag)]).into_object())
}

/// The `K` format of `PyArg_ParseTuple`: an int taken modulo 2**64.
fn ulonglong_mask(o: &PyObject) -> i64 {
    match o.downcast_ref::<PyLongObject>() {
        Some(l) => {
            let b = l.big();
            let m = b.as_ref() & num_bigint::BigInt::from(u64::MAX);
            num_traits::ToPrimitive::to_u64(&m).unwrap_or(0) as i64
        }
        None => 0,
    }
}

fn nldecoder_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let d = as_nldecoder(obj);
    d.check()?;
    let Some(t) = state.downcast_ref::<PyTupleObject>() else {
        return Err(type_error("state argument must be a tuple"));
    };
    if t.len() != 2 || !PyLongObject::check(&t.as_slice()[1]) {
        return Err(type_error("setstate(): illegal state argument"));
    }
    let buffer = t.as_slice()[0].clone();
    let flag = ulonglong_mask(&t.as_slice()[1]);
    let mut st = d.state();
    st.pendingcr = flag & 1 != 0;
    d.state.set(st);
    match d.decoder.get().filter(|x| !x.is(Py_None())) {
        Some(dec) => call_method(
            &dec,
            objects::intern!("setstate"),
            &[PyTuple_New(vec![buffer, PyLong_FromLong(flag >> 1)]).into_object()],
        ),
        None => Ok(none()),
    }
}

fn nldecoder_reset(obj: &PyObject) -> PyResult {
    let d = as_nldecoder(obj);
    d.check()?;
    let mut st = d.state();
    st.reset();
    d.state.set(st);
    match d.decoder.get().filter(|x| !x.is(Py_None())) {
        Some(dec) => call_method(&dec, objects::intern!("reset"), &[]),
        None => Ok(none()),
    }
}

fn nldecoder_get_newlines(obj: &PyObject) -> PyResult {
    let d = as_nldecoder(obj);
    d.check()?;
    Ok(d.state().newlines())
}

unsafe fn nldecoder_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead decoder (a non-GC type, like CPython's).
    unsafe { dealloc_object::<PyIncrementalNewlineDecoderObject>(op) }
}

static NLDECODER_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "decode",
        PyCFunction::FastKw(nldecoder_decode),
        docs::INCREMENTALNEWLINEDECODER_DECODE,
    ),
    PyMethodDef::new(
        "getstate",
        PyCFunction::NoArgs(nldecoder_getstate),
        docs::INCREMENTALNEWLINEDECODER_GETSTATE,
    ),
    PyMethodDef::new(
        "setstate",
        PyCFunction::O(nldecoder_setstate),
        docs::INCREMENTALNEWLINEDECODER_SETSTATE,
    ),
    PyMethodDef::new(
        "reset",
        PyCFunction::NoArgs(nldecoder_reset),
        docs::INCREMENTALNEWLINEDECODER_RESET,
    ),
];

static NLDECODER_GETSET: [PyGetSetDef; 1] =
    [PyGetSetDef::getter("newlines", nldecoder_get_newlines)];

/// `_io.IncrementalNewlineDecoder`.
pub static PyIncrementalNewlineDecoder_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io.IncrementalNewlineDecoder",
    tp_basicsize: Cell::new(size_of::<PyIncrementalNewlineDecoderObject>()),
    tp_dealloc: slot(nldecoder_dealloc),
    tp_flags: Cell::new(
        include::cpython::object::flags::Py_TPFLAGS_DEFAULT
            | include::cpython::object::flags::Py_TPFLAGS_BASETYPE
            | include::cpython::object::flags::Py_TPFLAGS_IMMUTABLETYPE,
    ),
    tp_doc: Some(docs::INCREMENTALNEWLINEDECODER_DOC),
    tp_methods: &NLDECODER_METHODS,
    tp_getset: &NLDECODER_GETSET,
    tp_base: objects::object::type_ptr(&PyBaseObject_Type),
    tp_init: slot(nldecoder_init),
    tp_new: slot(nldecoder_new),
    ..PyTypeObject::DEFAULT
};

// --- TextIOWrapper ------------------------------------------------------------------------------

/// The state `tell()` snapshots when a chunk is read: the decoder flags at a point
/// where its buffer was empty, and the bytes that follow that point.
#[derive(Clone)]
struct Snapshot {
    dec_flags: i64,
    next_input: Vec<u8>,
}

/// The fields of a `tell()` cookie (`cookie_type`).
#[derive(Default, Clone, Copy)]
struct Cookie {
    start_pos: i64,
    dec_flags: i32,
    bytes_to_feed: i32,
    chars_to_skip: i32,
    need_eof: u8,
}

/// The bytes of a cookie in the order CPython packs them (`COOKIE_BUF_LEN`, little
/// endian).
const COOKIE_BUF_LEN: usize = 8 + 3 * 4 + 1;

fn build_cookie(c: &Cookie) -> PyObjectRef {
    let mut buf = [0u8; COOKIE_BUF_LEN];
    buf[0..8].copy_from_slice(&c.start_pos.to_le_bytes());
    buf[8..12].copy_from_slice(&c.dec_flags.to_le_bytes());
    buf[12..16].copy_from_slice(&c.bytes_to_feed.to_le_bytes());
    buf[16..20].copy_from_slice(&c.chars_to_skip.to_le_bytes());
    buf[20] = c.need_eof;
    objects::longobject::_PyLong_FromByteArray(&buf, false, false)
}

fn parse_cookie(obj: &PyObject) -> PyResult<Cookie> {
    let l = objects::r#abstract::PyNumber_Long(obj)?;
    let Some(long) = l.downcast_ref::<PyLongObject>() else {
        return Err(type_error("an integer is required"));
    };
    let b = objects::longobject::_PyLong_AsByteArray(long, COOKIE_BUF_LEN, false, false)?;
    let i32_at = |o: usize| i32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
    let mut p = [0u8; 8];
    p.copy_from_slice(&b[0..8]);
    Ok(Cookie {
        start_pos: i64::from_le_bytes(p),
        dec_flags: i32_at(8),
        bytes_to_feed: i32_at(12),
        chars_to_skip: i32_at(16),
        need_eof: b[20],
    })
}

/// `textio`.
#[repr(C)]
pub struct PyTextIOWrapperObject {
    pub ob_base: PyObject,
    /// `__init__` has completed (`ok`).
    ok: Cell<bool>,
    detached: Cell<bool>,
    chunk_size: Cell<isize>,
    buffer: PyCell<Option<PyObjectRef>>,
    /// The encoding's name as given (a str).
    encoding: PyCell<Option<PyObjectRef>>,
    encoder: PyCell<Option<Encoder>>,
    decoder: PyCell<Option<Decoder>>,
    /// `newline` as given, if not None.
    readnl: PyCell<Option<Vec<u32>>>,
    /// The error handler name (a str).
    errors: PyCell<Option<PyObjectRef>>,
    /// What "\n" becomes on writing; `None` for "\n" itself.
    writenl: PyCell<Option<String>>,
    line_buffering: Cell<bool>,
    write_through: Cell<bool>,
    readuniversal: Cell<bool>,
    readtranslate: Cell<bool>,
    writetranslate: Cell<bool>,
    seekable: Cell<bool>,
    has_read1: Cell<bool>,
    /// `tell()` is possible (not while iterating).
    telling: Cell<bool>,
    finalizing: Cell<bool>,
    encoding_start_of_stream: Cell<bool>,
    /// Decoded text not yet returned, and how much of it has been.
    decoded_chars: PyCell<Option<PyObjectRef>>,
    decoded_chars_used: Cell<usize>,
    /// Encoded text waiting for the buffer (`None`: nothing written since the last
    /// flush).
    pending_bytes: PyCell<Option<Vec<u8>>>,
    snapshot: PyCell<Option<Snapshot>>,
    /// Bytes per character in the last chunk, for `tell()`'s first guess.
    b2cratio: Cell<f64>,
    /// The buffer's raw stream when it is an exact `FileIO` (fast `closed` checks).
    raw: PyCell<Option<PyObjectRef>>,
    pub weakreflist: PyCell<Option<PyObjectRef>>,
    pub dict: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyTextIOWrapperObject {}

impl PyTypeInfo for PyTextIOWrapperObject {
    fn type_object() -> &'static PyTypeObject {
        &PyTextIOWrapper_Type
    }
}

fn as_textio(obj: &PyObject) -> &PyTextIOWrapperObject {
    // SAFETY: the methods of `TextIOWrapper` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const PyTextIOWrapperObject) }
}

/// `newline` must be None, "", "\n", "\r" or "\r\n" (`validate_newline`).
fn validate_newline(newline: Option<&str>) -> PyResult<()> {
    if let Some(nl) = newline {
        if !matches!(nl, "" | "\n" | "\r" | "\r\n") {
            return Err(value_error(format!("illegal newline value: {nl}")));
        }
    }
    Ok(())
}

impl PyTextIOWrapperObject {
    /// `CHECK_INITIALIZED`.
    fn check_initialized(&self) -> PyResult<()> {
        if !self.ok.get() {
            return Err(value_error("I/O operation on uninitialized object"));
        }
        Ok(())
    }

    /// `CHECK_ATTACHED`.
    fn check_attached(&self) -> PyResult<()> {
        self.check_initialized()?;
        if self.detached.get() {
            return Err(value_error("underlying buffer has been detached"));
        }
        Ok(())
    }

    fn buffer(&self) -> PyResult<PyObjectRef> {
        match self.buffer.get() {
            Some(b) => Ok(b),
            None => Err(value_error("underlying buffer has been detached")),
        }
    }

    /// `CHECK_CLOSED`: the exact class asks the raw file or the buffer; a subclass
    /// goes through its own `closed`.
    fn check_closed(&self, obj: &PyObject) -> PyResult<()> {
        if obj.is_type(&PyTextIOWrapper_Type) {
            let closed = match self.raw.get().and_then(|r| fileio::fileio_closed(&r)) {
                Some(c) => c,
                None => super::attr_is_true(&*self.buffer()?, objects::intern!("closed"))?,
            };
            if closed {
                return Err(value_error("I/O operation on closed file."));
            }
            Ok(())
        } else {
            iobase::_PyIOBase_check_closed(obj)
        }
    }

    /// `set_newline`.
    fn set_newline(&self, newline: Option<&str>) {
        self.readnl
            .set(newline.map(|n| n.chars().map(|c| c as u32).collect()));
        self.readuniversal.set(newline.is_none_or(|n| n.is_empty()));
        self.readtranslate.set(newline.is_none());
        self.writetranslate
            .set(newline.is_none_or(|n| !n.is_empty()));
        self.writenl.set(match newline {
            Some(n) if !n.is_empty() && n != "\n" => Some(n.to_string()),
            // os.linesep is "\n": nothing to translate.
            _ => None,
        });
    }

    fn set_decoded_chars(&self, chars: Option<PyObjectRef>) {
        self.decoded_chars.set(chars);
        self.decoded_chars_used.set(0);
    }

    /// `textiowrapper_get_decoded_chars`: up to `n` (all for negative) unused chars.
    fn get_decoded_chars(&self, n: isize) -> PyObjectRef {
        let Some(chars) = self.decoded_chars.get() else {
            return PyUnicode_FromString("");
        };
        let Some(u) = chars.downcast_ref::<PyUnicodeObject>() else {
            return PyUnicode_FromString("");
        };
        let used = self.decoded_chars_used.get();
        let avail = u.len().saturating_sub(used);
        let n = if n < 0 || n as usize > avail {
            avail
        } else {
            n as usize
        };
        let out = if used > 0 || n < avail {
            unicode_substring(u, used, used + n)
        } else {
            chars.clone()
        };
        self.decoded_chars_used.set(used + n);
        out
    }

    fn decoded_len(&self) -> usize {
        // SAFETY: the borrow ends within the expression.
        match unsafe { self.decoded_chars.get_ref() } {
            Some(c) => c.downcast_ref::<PyUnicodeObject>().map_or(0, |u| u.len()),
            None => 0,
        }
    }

    fn has_decoder(&self) -> bool {
        // SAFETY: the borrow ends within the expression.
        unsafe { self.decoder.get_ref() }.is_some()
    }

    fn has_encoder(&self) -> bool {
        // SAFETY: the borrow ends within the expression.
        unsafe { self.encoder.get_ref() }.is_some()
    }

    /// Run `f` on a copy of the decoder, then keep the copy. `f` may run Python
    /// code (a registry codec, a custom error handler), so no borrow of the decoder
    /// is held meanwhile.
    fn with_decoder<R>(&self, f: impl FnOnce(&mut Decoder) -> PyResult<R>) -> PyResult<R> {
        // SAFETY: the borrow ends with the clone.
        let mut d = match unsafe { self.decoder.get_ref() } {
            Some(d) => d.clone(),
            None => return Err(unsupported("not readable")),
        };
        let r = f(&mut d);
        self.decoder.set(Some(d));
        r
    }

    /// Decode with the decoder.
    fn decode(&self, input: &[u8], final_: bool) -> PyResult {
        self.with_decoder(|d| d.decode(input, final_))
    }

    fn decoder_reset(&self) -> PyResult<()> {
        if self.has_decoder() {
            self.with_decoder(|d| d.reset())?;
        }
        Ok(())
    }

    /// `_textiowrapper_decoder_setstate`.
    fn decoder_setstate(&self, c: &Cookie) -> PyResult<()> {
        self.with_decoder(|d| d.setstate_cookie(c))
    }

    /// `_textiowrapper_encoder_reset`: a registry encoder is told with `reset()` or
    /// `setstate(0)`.
    fn encoder_reset(&self, start_of_stream: bool) -> PyResult<()> {
        // SAFETY: the borrow ends with the clone or the assignment; no Python code
        // runs meanwhile.
        let registry = match unsafe { self.encoder.get_mut() } {
            Some(Encoder::Builtin(e)) => {
                e.at_start = start_of_stream;
                None
            }
            Some(Encoder::Registry(e)) => Some(e.clone()),
            None => None,
        };
        if let Some(e) = registry {
            if start_of_stream {
                call_method(&e, objects::intern!("reset"), &[])?;
            } else {
                call_method(&e, objects::intern!("setstate"), &[PyLong_FromLong(0)])?;
            }
        }
        self.encoding_start_of_stream.set(start_of_stream);
        Ok(())
    }

    /// `_textiowrapper_encoder_setstate`.
    fn encoder_setstate(&self, c: &Cookie) -> PyResult<()> {
        self.encoder_reset(c.start_pos == 0 && c.dec_flags == 0)
    }

    /// The common case of encoding (CPython's `encodefunc` fast paths): text that
    /// UTF-8, or ASCII and Latin-1 for ASCII text, copy as it is. `None` when the
    /// general encoder must run.
    fn encode_fast(&self, text: &PyObject) -> Option<Vec<u8>> {
        // SAFETY: the borrow ends within the function; no Python code runs.
        let Some(Encoder::Builtin(enc)) = (unsafe { self.encoder.get_ref() }) else {
            return None;
        };
        let u = text.downcast_ref::<PyUnicodeObject>()?;
        match enc.codec {
            Codec::Utf8 => u.as_str().map(|s| s.as_bytes().to_vec()),
            Codec::Ascii | Codec::Latin1 if u.ascii => u.latin1().map(|b| b.to_vec()),
            _ => None,
        }
    }

    /// `_textiowrapper_writeflush`: pass the pending bytes to the buffer.
    fn writeflush(&self) -> PyResult<()> {
        let Some(pending) = self.pending_bytes.take() else {
            return Ok(());
        };
        let buffer = self.buffer()?;
        if bufferedio::is_buffered(&buffer) {
            return bufferedio::buffered_write_bytes(&buffer, &pending).map(|_| ());
        }
        let b = PyBytes_FromVec(pending);
        loop {
            match call_method(&buffer, objects::intern!("write"), std::slice::from_ref(&b)) {
                Ok(_) => return Ok(()),
                Err(e)
                    if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_InterruptedError) =>
                {
                    objects::pyhooks::check_signals()?;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// `textiowrapper_read_chunk`: read and decode one chunk; false at end of file.
    fn read_chunk(&self, size_hint: isize) -> PyResult<bool> {
        if !self.has_decoder() {
            return Err(unsupported("not readable"));
        }
        // For tell(): the decoder state at a point where its buffer is empty.
        let state = if self.telling.get() {
            Some(self.with_decoder(|d| d.getstate())?)
        } else {
            None
        };
        let mut hint = size_hint;
        if hint > 0 {
            hint = (self.b2cratio.get().max(1.0) * hint as f64) as isize;
        }
        let size = self.chunk_size.get().max(hint);
        let buffer = self.buffer()?;
        let sizeobj = PyLong_FromSsize_t(size);
        let input_chunk = if self.has_read1.get() {
            call_method(
                &buffer,
                objects::intern!("read1"),
                std::slice::from_ref(&sizeobj),
            )?
        } else {
            call_method(
                &buffer,
                objects::intern!("read"),
                std::slice::from_ref(&sizeobj),
            )?
        };
        let Some(input) = objects::bytesobject::bytes_like_cow(&input_chunk) else {
            return Err(type_error(format!(
                "underlying {}() should have returned a bytes-like object, not '{}'",
                if self.has_read1.get() {
                    "read1"
                } else {
                    "read"
                },
                input_chunk.ob_type().name()
            )));
        };
        let nbytes = input.len();
        let mut eof = nbytes == 0;
        let decoded = self.decode(&input, eof)?;
        let nchars = decoded
            .downcast_ref::<PyUnicodeObject>()
            .map_or(0, |u| u.len());
        self.set_decoded_chars(Some(decoded));
        self.b2cratio.set(if nchars > 0 {
            nbytes as f64 / nchars as f64
        } else {
            0.0
        });
        if nchars > 0 {
            eof = false;
        }
        if let Some((mut dec_buffer, dec_flags)) = state {
            // The snapshot point was len(dec_buffer) bytes before this chunk.
            dec_buffer.extend_from_slice(&input);
            self.snapshot.set(Some(Snapshot {
                dec_flags,
                next_input: dec_buffer,
            }));
        }
        Ok(!eof)
    }

    /// `_textiowrapper_readline`.
    fn readline(&self, obj: &PyObject, limit: isize) -> PyResult {
        self.check_closed(obj)?;
        self.writeflush()?;
        let mut chunks: Vec<PyObjectRef> = Vec::new();
        let mut chunked: isize = 0;
        let mut remaining: Option<PyObjectRef> = None;
        let mut line: Option<PyObjectRef> = None;
        let mut start: usize;
        let mut endpos: usize;
        let mut offset_to_buffer: usize;
        let readnl = self.readnl.get();
        loop {
            // First get some data, if needed.
            let mut res = true;
            while self.decoded_len() == 0 {
                res = self.read_chunk(0)?;
                if !res {
                    break;
                }
            }
            if !res {
                // End of file.
                self.set_decoded_chars(None);
                self.snapshot.set(None);
                start = 0;
                endpos = 0;
                offset_to_buffer = 0;
                break;
            }
            let decoded = self
                .decoded_chars
                .get()
                .unwrap_or_else(|| PyUnicode_FromString(""));
            let l = match remaining.take() {
                None => {
                    start = self.decoded_chars_used.get();
                    offset_to_buffer = 0;
                    decoded
                }
                Some(rem) => {
                    start = 0;
                    offset_to_buffer = rem.downcast_ref::<PyUnicodeObject>().map_or(0, |u| u.len());
                    objects::unicodeobject::PyUnicode_Concat(&rem, &decoded)?
                }
            };
            let Some(u) = l.downcast_ref::<PyUnicodeObject>() else {
                return Err(type_error("decoder should return a string result"));
            };
            let line_len = u.len();
            let (found, consumed) = find_line_ending_str(
                self.readtranslate.get(),
                self.readuniversal.get(),
                readnl.as_deref(),
                u,
                start,
            );
            if let Some(e) = found {
                endpos = start + e;
                if limit >= 0 && (endpos - start) as isize + chunked >= limit {
                    endpos = (start as isize + limit - chunked) as usize;
                }
                line = Some(l);
                break;
            }
            // Everything up to `consumed` can be set aside.
            endpos = consumed + start;
            if limit >= 0 && (endpos - start) as isize + chunked >= limit {
                // No line ending, but the length limit is reached.
                endpos = (start as isize + limit - chunked) as usize;
                line = Some(l);
                break;
            }
            if endpos > start {
                let s = unicode_substring(u, start, endpos);
                chunked += (endpos - start) as isize;
                chunks.push(s);
            }
            // What may begin a line ending is kept for the next round.
            if endpos < line_len {
                remaining = Some(unicode_substring(u, endpos, line_len));
            }
            self.set_decoded_chars(None);
        }
        let mut result_line: Option<PyObjectRef> = None;
        if let Some(l) = line {
            // The line ends in the current decoded text.
            self.decoded_chars_used.set(endpos - offset_to_buffer);
            let u = l.downcast_ref::<PyUnicodeObject>();
            let len = u.map_or(0, |u| u.len());
            result_line = Some(if start > 0 || endpos < len {
                match u {
                    Some(u) => unicode_substring(u, start, endpos),
                    None => l,
                }
            } else {
                l
            });
        }
        if let Some(rem) = remaining {
            chunks.push(rem);
        }
        if !chunks.is_empty() {
            if let Some(l) = result_line.take() {
                chunks.push(l);
            }
            let list = objects::listobject::PyList_New(chunks).into_object();
            return objects::unicodeobject::PyUnicode_Join(&PyUnicode_FromString(""), &list);
        }
        Ok(result_line.unwrap_or_else(|| PyUnicode_FromString("")))
    }

    /// `_textiowrapper_fix_encoder_state`: no BOM in the middle of a file.
    fn fix_encoder_state(&self) -> PyResult<()> {
        if !self.seekable.get() || !self.has_encoder() {
            return Ok(());
        }
        self.encoding_start_of_stream.set(true);
        let pos = call_method(&*self.buffer()?, objects::intern!("tell"), &[])?;
        let at_zero = PyObject_RichCompareBool(&pos, &PyLong_FromLong(0), CompareOp::Eq)?;
        if !at_zero {
            self.encoder_reset(false)?;
        }
        Ok(())
    }

    /// `_textiowrapper_set_decoder` and `_textiowrapper_set_encoder`: make the codec
    /// objects for a readable / writable buffer.
    fn set_codecs(&self, codec: &TextCodec, errors: &str) -> PyResult<()> {
        let buffer = self.buffer()?;
        let handler = ErrorHandler::from_name(errors);
        let r = call_method(&buffer, objects::intern!("readable"), &[])?;
        if PyObject_IsTrue(&r)? {
            let codec = match codec {
                TextCodec::Builtin(c) => {
                    CodecDecoder::Builtin(TextDecoder::new(*c, handler.clone()))
                }
                TextCodec::Registry(info) => CodecDecoder::Registry(make_incremental_codec(
                    info,
                    errors,
                    "incrementaldecoder",
                )?),
            };
            self.decoder.set(Some(Decoder {
                codec,
                nl: if self.readuniversal.get() {
                    Some(NlState::new(self.readtranslate.get()))
                } else {
                    None
                },
            }));
        }
        let w = call_method(&buffer, objects::intern!("writable"), &[])?;
        if PyObject_IsTrue(&w)? {
            self.encoder.set(Some(match codec {
                TextCodec::Builtin(c) => Encoder::Builtin(TextEncoder {
                    codec: *c,
                    errors: handler,
                    at_start: true,
                }),
                TextCodec::Registry(info) => {
                    Encoder::Registry(make_incremental_codec(info, errors, "incrementalencoder")?)
                }
            }));
        }
        Ok(())
    }
}

// --- Construction ---------------------------------------------------------------------------------

fn textiowrapper_alloc(tp: &PyTypeObject) -> PyObjectRef {
    // SAFETY: `tp` is `TextIOWrapper` or a subclass; the rest is zeroed.
    unsafe {
        alloc_object(
            tp,
            PyTextIOWrapperObject {
                ob_base: PyObject_HEAD_INIT,
                ok: Cell::new(false),
                detached: Cell::new(false),
                chunk_size: Cell::new(8192),
                buffer: PyCell::new(None),
                encoding: PyCell::new(None),
                encoder: PyCell::new(None),
                decoder: PyCell::new(None),
                readnl: PyCell::new(None),
                errors: PyCell::new(None),
                writenl: PyCell::new(None),
                line_buffering: Cell::new(false),
                write_through: Cell::new(false),
                readuniversal: Cell::new(false),
                readtranslate: Cell::new(false),
                writetranslate: Cell::new(false),
                seekable: Cell::new(false),
                has_read1: Cell::new(false),
                telling: Cell::new(false),
                finalizing: Cell::new(false),
                encoding_start_of_stream: Cell::new(false),
                decoded_chars: PyCell::new(None),
                decoded_chars_used: Cell::new(0),
                pending_bytes: PyCell::new(None),
                snapshot: PyCell::new(None),
                b2cratio: Cell::new(0.0),
                raw: PyCell::new(None),
                weakreflist: PyCell::new(None),
                dict: PyCell::new(None),
            },
        )
    }
    .into_object()
}

fn textiowrapper_tp_new(
    tp: &PyTypeObject,
    _args: &[PyObjectRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    Ok(textiowrapper_alloc(tp))
}

/// A new `TextIOWrapper` (for `open()` and the standard streams).
pub fn textiowrapper_new(
    tp: &'static PyTypeObject,
    buffer: PyObjectRef,
    encoding: Option<&str>,
    errors: Option<&str>,
    newline: Option<&str>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult {
    let obj = textiowrapper_alloc(tp);
    let errors = errors.map(PyUnicode_FromString);
    textiowrapper_init_impl(
        &obj,
        buffer,
        encoding,
        errors.as_deref(),
        newline,
        line_buffering,
        write_through,
    )?;
    Ok(obj)
}

/// `TextIOWrapper.__init__(buffer, encoding=None, errors=None, newline=None,
/// line_buffering=False, write_through=False)`.
fn textiowrapper_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let a = objects::getargs::unpack_keywords(
        &objects::getargs::ArgSpec {
            fname: "TextIOWrapper",
            names: &[
                "buffer",
                "encoding",
                "errors",
                "newline",
                "line_buffering",
                "write_through",
            ],
            posonly: 0,
            maxpos: 6,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let buffer = a[0].clone().unwrap_or_else(none);
    let encoding = super::optional_str_arg("TextIOWrapper", "encoding", a[1].as_ref())?;
    let newline = super::optional_str_arg("TextIOWrapper", "newline", a[3].as_ref())?;
    let line_buffering = match &a[4] {
        Some(v) => super::bool_int_arg(v)?,
        None => false,
    };
    let write_through = match &a[5] {
        Some(v) => super::bool_int_arg(v)?,
        None => false,
    };
    textiowrapper_init_impl(
        obj,
        buffer,
        encoding,
        a[2].as_deref(),
        newline,
        line_buffering,
        write_through,
    )
}

fn textiowrapper_init_impl(
    obj: &PyObject,
    buffer: PyObjectRef,
    encoding: Option<&str>,
    errors: Option<&PyObject>,
    newline: Option<&str>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<()> {
    let t = as_textio(obj);
    t.ok.set(false);
    t.detached.set(false);
    let errors: PyObjectRef = match errors {
        None => PyUnicode_FromString("strict"),
        Some(e) if e.is(Py_None()) => PyUnicode_FromString("strict"),
        Some(e) if !PyUnicodeObject::check(e) => {
            return Err(type_error(format!(
                "TextIOWrapper() argument 'errors' must be str or None, not {}",
                e.ob_type().name()
            )));
        }
        Some(e) => e.to_owned(),
    };
    validate_newline(newline)?;
    t.buffer.set(None);
    t.encoding.set(None);
    t.encoder.set(None);
    t.decoder.set(None);
    t.readnl.set(None);
    t.decoded_chars.set(None);
    t.pending_bytes.set(None);
    t.snapshot.set(None);
    t.errors.set(None);
    t.raw.set(None);
    t.decoded_chars_used.set(0);
    t.b2cratio.set(0.0);

    // No encoding, or "locale": the locale's (pyrs runs without UTF-8 mode).
    let enc_name = match encoding {
        None | Some("locale") => super::locale_encoding(),
        Some(e) => e.to_string(),
    };
    let codec = lookup_text_encoding(&enc_name)?;
    let encoding_obj = PyUnicode_FromString(&enc_name);
    let errors_str = objects::unicodeobject::as_str_strict(&errors)?.to_string();
    t.encoding.set(Some(encoding_obj));
    t.errors.set(Some(errors));
    t.chunk_size.set(8192);
    t.line_buffering.set(line_buffering);
    t.write_through.set(write_through);
    t.set_newline(newline);
    t.buffer.set(Some(buffer.clone()));
    t.set_codecs(&codec, &errors_str)?;

    // Keep the raw FileIO of an exact buffered object for fast `closed` checks.
    if bufferedio::is_buffered(&buffer) {
        if let Some(raw) = objects::object::_PyObject_LookupAttr(&buffer, objects::intern!("raw"))?
        {
            if raw.is_type(&fileio::PyFileIO_Type) {
                t.raw.set(Some(raw));
            }
        }
    }
    let r = call_method(&buffer, objects::intern!("seekable"), &[])?;
    let seekable = PyObject_IsTrue(&r)?;
    t.seekable.set(seekable);
    t.telling.set(seekable);
    t.has_read1
        .set(objects::object::_PyObject_LookupAttr(&buffer, objects::intern!("read1"))?.is_some());
    t.encoding_start_of_stream.set(false);
    t.fix_encoder_state()?;
    t.ok.set(true);
    Ok(())
}

// --- Methods ---------------------------------------------------------------------------------------

/// `detach()`: flush and hand over the buffer.
fn textiowrapper_detach(obj: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_attached()?;
    call_method(obj, objects::intern!("flush"), &[])?;
    let buffer = t.buffer.take().unwrap_or_else(none);
    t.detached.set(true);
    Ok(buffer)
}

/// `write(text, /)`.
fn textiowrapper_write(obj: &PyObject, text: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_attached()?;
    let Some(u) = text.downcast_ref::<PyUnicodeObject>() else {
        return Err(objects::longobject::_PyArg_BadArgument(
            "write", "argument", "str", text,
        ));
    };
    t.check_closed(obj)?;
    if !t.has_encoder() {
        return Err(unsupported("not writable"));
    }
    let textlen = u.len();
    let writenl = t.writenl.get();
    let has = |u: &PyUnicodeObject, c: u32| match u.view() {
        StrView::Latin1(s) => s.contains(&(c as u8)),
        StrView::Ucs2(s) => s.contains(&(c as u16)),
        StrView::Ucs4(s) => s.contains(&c),
    };
    let mut haslf = false;
    if (t.writetranslate.get() && writenl.is_some()) || t.line_buffering.get() {
        haslf = has(u, LF);
    }
    let mut text_owned: PyObjectRef = text.to_owned();
    if haslf && t.writetranslate.get() {
        if let Some(nl) = &writenl {
            let mut cps: Vec<u32> = Vec::with_capacity(textlen + 8);
            for c in u.iter() {
                if c == LF {
                    cps.extend(nl.chars().map(|c| c as u32));
                } else {
                    cps.push(c);
                }
            }
            text_owned = PyUnicode_FromCodePoints(&cps);
        }
    }
    let text_needflush = t.write_through.get();
    let needflush = t.line_buffering.get()
        && (haslf
            || text_owned
                .downcast_ref::<PyUnicodeObject>()
                .is_some_and(|u| has(u, CR)));

    let b = match t.encode_fast(&text_owned) {
        Some(b) => b,
        None => {
            // SAFETY: the encoder runs no Python code except a custom error handler,
            // which is given a copy of the encoder.
            let mut enc = match unsafe { t.encoder.get_ref() } {
                Some(e) => e.clone(),
                None => return Err(unsupported("not writable")),
            };
            let r = enc.encode(&text_owned);
            t.encoder.set(Some(enc));
            r?
        }
    };
    t.encoding_start_of_stream.set(false);
    let blen = b.len();
    let chunk = t.chunk_size.get().max(0) as usize;
    let pending_count = {
        // SAFETY: the borrow ends within the block.
        unsafe { t.pending_bytes.get_ref() }
            .as_ref()
            .map(|p| p.len())
    };
    match pending_count {
        Some(n) if n + blen > chunk => {
            // Do not grow the pending bytes past a chunk.
            t.writeflush()?;
            t.pending_bytes.set(Some(b));
        }
        Some(_) => {
            // SAFETY: no Python code runs while the pending bytes are borrowed.
            if let Some(p) = unsafe { t.pending_bytes.get_mut() } {
                p.extend_from_slice(&b);
            }
        }
        None => t.pending_bytes.set(Some(b)),
    }
    let count = {
        // SAFETY: the borrow ends within the block.
        unsafe { t.pending_bytes.get_ref() }
            .as_ref()
            .map_or(0, |p| p.len())
    };
    if count >= chunk || needflush || text_needflush {
        t.writeflush()?;
    }
    if needflush {
        let buffer = t.buffer()?;
        if bufferedio::is_buffered(&buffer) {
            bufferedio::buffered_flush_meth(&buffer)?;
        } else {
            call_method(&buffer, objects::intern!("flush"), &[])?;
        }
    }
    t.set_decoded_chars(None);
    t.snapshot.set(None);
    t.decoder_reset()?;
    Ok(PyLong_FromSsize_t(textlen as isize))
}

/// `read(size=-1, /)`.
fn textiowrapper_read(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("read", args.len(), 0, 1)?;
    let n = super::optional_ssize(args.first().map(|a| &**a))?;
    let t = as_textio(obj);
    t.check_attached()?;
    t.check_closed(obj)?;
    if !t.has_decoder() {
        return Err(unsupported("not readable"));
    }
    t.writeflush()?;
    if n < 0 {
        // Everything.
        let bytes = call_method(&*t.buffer()?, objects::intern!("read"), &[])?;
        let data = objects::bytesobject::bytes_like_cow(&bytes).ok_or_else(|| {
            type_error(format!(
                "underlying read() should have returned a bytes-like object, not '{}'",
                bytes.ob_type().name()
            ))
        })?;
        let decoded = t.decode(&data, true)?;
        let result = t.get_decoded_chars(-1);
        let result = objects::unicodeobject::PyUnicode_Concat(&result, &decoded)?;
        t.set_decoded_chars(None);
        t.snapshot.set(None);
        return Ok(result);
    }
    let mut result = t.get_decoded_chars(n);
    let mut remaining = n - result
        .downcast_ref::<PyUnicodeObject>()
        .map_or(0, |u| u.len()) as isize;
    let mut chunks: Vec<PyObjectRef> = Vec::new();
    let mut chunked = false;
    // Read chunks until there are n characters.
    while remaining > 0 {
        if !t.read_chunk(remaining)? {
            break;
        }
        chunked = true;
        if result
            .downcast_ref::<PyUnicodeObject>()
            .is_some_and(|u| !u.is_empty())
        {
            chunks.push(result);
        }
        result = t.get_decoded_chars(remaining);
        remaining -= result
            .downcast_ref::<PyUnicodeObject>()
            .map_or(0, |u| u.len()) as isize;
    }
    if chunked {
        chunks.push(result);
        let list = objects::listobject::PyList_New(chunks).into_object();
        return objects::unicodeobject::PyUnicode_Join(&PyUnicode_FromString(""), &list);
    }
    Ok(result)
}

/// `readline(size=-1, /)`.
fn textiowrapper_readline_meth(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("readline", args.len(), 0, 1)?;
    let size = match args.first() {
        Some(a) => super::ssize_arg(a)?,
        None => -1,
    };
    let t = as_textio(obj);
    t.check_attached()?;
    t.readline(obj, size)
}

/// `tp_iternext`: lines; `tell()` is disabled while iterating.
fn textiowrapper_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let t = as_textio(obj);
    t.check_attached()?;
    t.telling.set(false);
    let line = if obj.is_type(&PyTextIOWrapper_Type) {
        t.readline(obj, -1)?
    } else {
        let line = call_method(obj, objects::intern!("readline"), &[])?;
        if !PyUnicodeObject::check(&line) {
            return Err(os_error(format!(
                "readline() should have returned a str object, not '{}'",
                line.ob_type().name()
            )));
        }
        line
    };
    if line
        .downcast_ref::<PyUnicodeObject>()
        .is_some_and(|u| u.is_empty())
    {
        // End of file.
        t.snapshot.set(None);
        t.telling.set(t.seekable.get());
        return Ok(None);
    }
    Ok(Some(line))
}

/// `flush()`.
fn textiowrapper_flush(obj: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_attached()?;
    t.check_closed(obj)?;
    t.telling.set(t.seekable.get());
    t.writeflush()?;
    let buffer = t.buffer()?;
    if bufferedio::is_buffered(&buffer) {
        return bufferedio::buffered_flush_meth(&buffer);
    }
    call_method(&buffer, objects::intern!("flush"), &[])
}

/// `close()`: flush, then close the buffer; a flush error wins.
fn textiowrapper_close(obj: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_attached()?;
    let closed = textiowrapper_get_closed(obj)?;
    if PyObject_IsTrue(&closed)? {
        return Ok(none());
    }
    if t.finalizing.get() {
        if let Ok(buffer) = t.buffer() {
            let _ = call_method(
                &buffer,
                objects::intern!("_dealloc_warn"),
                &[obj.to_owned()],
            );
        }
    }
    let flushed = call_method(obj, objects::intern!("flush"), &[]);
    let res = call_method(&*t.buffer()?, objects::intern!("close"), &[]);
    match (flushed, res) {
        (Ok(_), r) => r,
        (Err(e), Ok(_)) => Err(e),
        (Err(e), Err(e2)) => Err(chain_errors(e2, e)),
    }
}

/// `buffer.<name>()` after `CHECK_ATTACHED`.
fn forward(obj: &PyObject, name: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_attached()?;
    call_method(&*t.buffer()?, name, &[])
}

fn textiowrapper_fileno(obj: &PyObject) -> PyResult {
    forward(obj, objects::intern!("fileno"))
}

fn textiowrapper_seekable(obj: &PyObject) -> PyResult {
    forward(obj, objects::intern!("seekable"))
}

fn textiowrapper_readable(obj: &PyObject) -> PyResult {
    forward(obj, objects::intern!("readable"))
}

fn textiowrapper_writable(obj: &PyObject) -> PyResult {
    forward(obj, objects::intern!("writable"))
}

fn textiowrapper_isatty(obj: &PyObject) -> PyResult {
    forward(obj, objects::intern!("isatty"))
}

/// `seek(cookie, whence=0, /)`.
fn textiowrapper_seek(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("seek", args.len(), 1, 2)?;
    let mut cookie_obj = args[0].clone();
    let whence = match args.get(1) {
        Some(w) => super::int_arg(w)?,
        None => 0,
    };
    let t = as_textio(obj);
    t.check_attached()?;
    t.check_closed(obj)?;
    if !t.seekable.get() {
        return Err(unsupported("underlying stream is not seekable"));
    }
    let zero = PyLong_FromLong(0);
    match whence {
        1 => {
            if !PyObject_RichCompareBool(&cookie_obj, &zero, CompareOp::Eq)? {
                return Err(unsupported("can't do nonzero cur-relative seeks"));
            }
            // Seeking to the current position syncs the buffer with it.
            cookie_obj = call_method(obj, objects::intern!("tell"), &[])?;
        }
        2 => {
            if !PyObject_RichCompareBool(&cookie_obj, &zero, CompareOp::Eq)? {
                return Err(unsupported("can't do nonzero end-relative seeks"));
            }
            call_method(obj, objects::intern!("flush"), &[])?;
            t.set_decoded_chars(None);
            t.snapshot.set(None);
            t.decoder_reset()?;
            let res = call_method(
                &*t.buffer()?,
                objects::intern!("seek"),
                &[zero.clone(), PyLong_FromLong(2)],
            )?;
            if t.has_encoder() {
                // At position 0 the stream starts (a BOM is due), else it does not.
                let at_start = PyObject_RichCompareBool(&res, &zero, CompareOp::Eq)?;
                t.encoder_reset(at_start)?;
            }
            return Ok(res);
        }
        0 => {}
        _ => {
            return Err(value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )))
        }
    }
    if PyObject_RichCompareBool(&cookie_obj, &zero, CompareOp::Lt)? {
        return Err(value_error(format!(
            "negative seek position {}",
            as_str_lossy(&*PyObject_Repr(&cookie_obj)?)
        )));
    }
    call_method(obj, objects::intern!("flush"), &[])?;
    // Go back to the safe start point and replay read(chars_to_skip) from there.
    let cookie = parse_cookie(&cookie_obj)?;
    call_method(
        &*t.buffer()?,
        objects::intern!("seek"),
        &[PyLong_FromLong(cookie.start_pos)],
    )?;
    t.set_decoded_chars(None);
    t.snapshot.set(None);
    if t.has_decoder() {
        t.decoder_setstate(&cookie)?;
    }
    if cookie.chars_to_skip != 0 {
        // As in read_chunk: feed the decoder and keep a snapshot.
        let input_chunk = call_method(
            &*t.buffer()?,
            objects::intern!("read"),
            &[PyLong_FromLong(cookie.bytes_to_feed as i64)],
        )?;
        let Some(input) = input_chunk.downcast_ref::<PyBytesObject>() else {
            return Err(type_error(format!(
                "underlying read() should have returned a bytes object, not '{}'",
                input_chunk.ob_type().name()
            )));
        };
        t.snapshot.set(Some(Snapshot {
            dec_flags: cookie.dec_flags as i64,
            next_input: input.as_bytes().to_vec(),
        }));
        let decoded = t.decode(input.as_bytes(), cookie.need_eof != 0)?;
        let n = decoded
            .downcast_ref::<PyUnicodeObject>()
            .map_or(0, |u| u.len());
        t.set_decoded_chars(Some(decoded));
        // Skip chars_to_skip of the decoded characters.
        if (n as i64) < cookie.chars_to_skip as i64 {
            return Err(os_error("can't restore logical file position"));
        }
        t.decoded_chars_used
            .set(cookie.chars_to_skip.max(0) as usize);
    } else {
        t.snapshot.set(Some(Snapshot {
            dec_flags: cookie.dec_flags as i64,
            next_input: Vec::new(),
        }));
    }
    // Finally reset the encoder (for the BOM).
    if t.has_encoder() {
        t.encoder_setstate(&cookie)?;
    }
    Ok(cookie_obj)
}

/// `tell()`: an opaque cookie for the logical position (see the module note).
fn textiowrapper_tell(obj: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_attached()?;
    t.check_closed(obj)?;
    if !t.seekable.get() {
        return Err(unsupported("underlying stream is not seekable"));
    }
    if !t.telling.get() {
        return Err(os_error("telling position disabled by next() call"));
    }
    t.writeflush()?;
    call_method(obj, objects::intern!("flush"), &[])?;
    let posobj = call_method(&*t.buffer()?, objects::intern!("tell"), &[])?;
    let snapshot = t.snapshot.get();
    let (true, Some(snap)) = (t.has_decoder(), snapshot) else {
        return Ok(posobj);
    };
    let mut cookie = Cookie {
        start_pos: super::off_arg(&posobj)?,
        dec_flags: snap.dec_flags as i32,
        ..Cookie::default()
    };
    // Back to the snapshot point.
    let next_input = snap.next_input;
    cookie.start_pos -= next_input.len() as i64;
    // Characters used since the snapshot.
    if t.decoded_chars_used.get() == 0 {
        return Ok(build_cookie(&cookie));
    }
    let chars_to_skip = t.decoded_chars_used.get() as i64;
    // The decoder is worked on a copy, and a registry decoder's own state is saved
    // with `getstate()`; both are put back whatever happens (CPython's `fail:`).
    // SAFETY: the borrow ends with the clone.
    let Some(saved) = (unsafe { t.decoder.get_ref() }).clone() else {
        return Err(unsupported("not readable"));
    };
    let saved_state = match &saved.codec {
        CodecDecoder::Registry(d) => Some((
            d.clone(),
            call_method(d, objects::intern!("getstate"), &[])?,
        )),
        CodecDecoder::Builtin(_) => None,
    };
    let mut dec = saved.clone();
    let r = tell_reconstruct(t, &mut dec, cookie, chars_to_skip, &next_input);
    t.decoder.set(Some(saved));
    if let Some((d, state)) = saved_state {
        call_method(&d, objects::intern!("setstate"), &[state])?;
    }
    Ok(build_cookie(&r?))
}

/// The search of `tell()`: from the snapshot point, the safe start point nearest the
/// position and what to feed and skip from there.
fn tell_reconstruct(
    t: &PyTextIOWrapperObject,
    dec: &mut Decoder,
    mut cookie: Cookie,
    mut chars_to_skip: i64,
    next_input: &[u8],
) -> PyResult<Cookie> {
    let nchars = |r: PyResult| -> PyResult<i64> {
        Ok(r?.downcast_ref::<PyUnicodeObject>().map_or(0, |u| u.len()) as i64)
    };
    // A quick search for a start point near the position.
    let mut skip_bytes = (t.b2cratio.get() * chars_to_skip as f64) as i64;
    let mut skip_back: i64 = 1;
    while skip_bytes > 0 {
        dec.setstate_cookie(&cookie)?;
        let upto = (skip_bytes as usize).min(next_input.len());
        let chars_decoded = nchars(dec.decode(&next_input[..upto], false))?;
        if chars_decoded <= chars_to_skip {
            let (dec_buffer, dec_flags) = dec.getstate()?;
            if dec_buffer.is_empty() {
                // Before the position and nothing buffered in the decoder: good.
                cookie.dec_flags = dec_flags as i32;
                chars_to_skip -= chars_decoded;
                break;
            }
            // Back off by what is buffered and restart the heuristic.
            skip_bytes -= dec_buffer.len() as i64;
            skip_back = 1;
        } else {
            // Too far ahead: back off a little more each time.
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if skip_bytes <= 0 {
        skip_bytes = 0;
        dec.setstate_cookie(&cookie)?;
    }
    cookie.start_pos += skip_bytes;
    cookie.chars_to_skip = chars_to_skip as i32;
    if chars_to_skip != 0 {
        // Close now: feed the decoder a byte at a time up to chars_to_skip, noting
        // the last point where it had nothing buffered (a safe start point).
        let mut chars_decoded: i64 = 0;
        let mut i = skip_bytes as usize;
        let end = next_input.len();
        while i < end {
            let n = nchars(dec.decode(&next_input[i..i + 1], false))?;
            chars_decoded += n;
            cookie.bytes_to_feed += 1;
            let (dec_buffer, dec_flags) = dec.getstate()?;
            if dec_buffer.is_empty() && chars_decoded <= chars_to_skip {
                cookie.start_pos += cookie.bytes_to_feed as i64;
                chars_to_skip -= chars_decoded;
                cookie.dec_flags = dec_flags as i32;
                cookie.bytes_to_feed = 0;
                chars_decoded = 0;
            }
            if chars_decoded >= chars_to_skip {
                break;
            }
            i += 1;
        }
        if i >= end {
            // Not enough decoded data: signal the end of input to get the rest.
            chars_decoded += nchars(dec.decode(&[], true))?;
            cookie.need_eof = 1;
            if chars_decoded < chars_to_skip {
                return Err(os_error("can't reconstruct logical file position"));
            }
        }
    }
    cookie.chars_to_skip = chars_to_skip as i32;
    Ok(cookie)
}

/// `truncate(pos=None, /)`: flush, then the buffer's truncate.
fn textiowrapper_truncate(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("truncate", args.len(), 0, 1)?;
    let pos = args.first().cloned().unwrap_or_else(none);
    let t = as_textio(obj);
    t.check_attached()?;
    call_method(obj, objects::intern!("flush"), &[])?;
    call_method(&*t.buffer()?, objects::intern!("truncate"), &[pos])
}

/// `reconfigure(*, encoding=None, errors=None, newline=None, line_buffering=None,
/// write_through=None)`.
fn textiowrapper_reconfigure(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = objects::getargs::unpack_keywords(
        &objects::getargs::ArgSpec {
            fname: "reconfigure",
            names: &[
                "encoding",
                "errors",
                "newline",
                "line_buffering",
                "write_through",
            ],
            posonly: 0,
            maxpos: 0,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let t = as_textio(obj);
    let is_none = |o: &Option<PyObjectRef>| o.as_ref().is_none_or(|x| x.is(Py_None()));
    let newline_given = a[2].is_some();
    // Nothing may change the decoding once text has been read.
    if t.decoded_chars.get().is_some() && (!is_none(&a[0]) || !is_none(&a[1]) || newline_given) {
        return Err(unsupported(
            "It is not possible to set the encoding or newline of stream after the first read",
        ));
    }
    let newline: Option<String> = match &a[2] {
        Some(n) if !n.is(Py_None()) => {
            let s = objects::unicodeobject::as_str_strict(n)?.to_string();
            validate_newline(Some(&s))?;
            Some(s)
        }
        _ => None,
    };
    let opt_bool = |o: &Option<PyObjectRef>, default: bool| -> PyResult<bool> {
        match o {
            Some(v) if !v.is(Py_None()) => PyObject_IsTrue(v),
            _ => Ok(default),
        }
    };
    let line_buffering = opt_bool(&a[3], t.line_buffering.get())?;
    let write_through = opt_bool(&a[4], t.write_through.get())?;
    call_method(obj, objects::intern!("flush"), &[])?;
    t.b2cratio.set(0.0);
    if newline_given {
        t.set_newline(newline.as_deref());
    }
    // textiowrapper_change_encoding.
    if !is_none(&a[0]) || !is_none(&a[1]) || newline_given {
        let (encoding, errors) = if is_none(&a[0]) {
            let enc = t
                .encoding
                .get()
                .unwrap_or_else(|| PyUnicode_FromString("utf-8"));
            let err = if is_none(&a[1]) {
                t.errors
                    .get()
                    .unwrap_or_else(|| PyUnicode_FromString("strict"))
            } else {
                a[1].clone().unwrap_or_else(none)
            };
            (enc, err)
        } else {
            let enc = a[0].clone().unwrap_or_else(none);
            let enc = if objects::unicodeobject::unicode_eq_str(&enc, "locale") {
                PyUnicode_FromString(&super::locale_encoding())
            } else {
                enc
            };
            let err = if is_none(&a[1]) {
                PyUnicode_FromString("strict")
            } else {
                a[1].clone().unwrap_or_else(none)
            };
            (enc, err)
        };
        let errors_s = objects::unicodeobject::as_str_strict(&errors)?.to_string();
        let enc_s = objects::unicodeobject::as_str_strict(&encoding)?.to_string();
        let codec = lookup_text_encoding(&enc_s)?;
        t.set_codecs(&codec, &errors_s)?;
        t.encoding.set(Some(encoding));
        t.errors.set(Some(errors));
        t.fix_encoder_state()?;
    }
    t.line_buffering.set(line_buffering);
    t.write_through.set(write_through);
    Ok(none())
}

/// `__repr__`: `<_io.TextIOWrapper name='f' mode='r' encoding='utf-8'>` (the class
/// name is written as `_io.TextIOWrapper` for subclasses too, as in CPython).
fn textiowrapper_repr(obj: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_initialized()?;
    let mut out = String::from("<_io.TextIOWrapper");
    if Py_ReprEnter(obj)? {
        return Err(runtime_error(format!(
            "reentrant call inside {}.__repr__",
            obj.ob_type().name()
        )));
    }
    let body = (|| -> PyResult<()> {
        let nameobj = match objects::object::_PyObject_LookupAttr(obj, objects::intern!("name")) {
            Ok(n) => n,
            // A detached buffer's name raises ValueError: leave it out.
            Err(e) if PyErr_ExceptionMatches(&e, &PyExc_ValueError) => None,
            Err(e) => return Err(e),
        };
        if let Some(n) = nameobj {
            out.push_str(" name=");
            out.push_str(&as_str_lossy(&*PyObject_Repr(&n)?));
        }
        if let Some(m) = objects::object::_PyObject_LookupAttr(obj, objects::intern!("mode"))? {
            out.push_str(" mode=");
            out.push_str(&as_str_lossy(&*PyObject_Repr(&m)?));
        }
        let enc = t.encoding.get().unwrap_or_else(none);
        out.push_str(" encoding=");
        out.push_str(&as_str_lossy(&*PyObject_Repr(&enc)?));
        out.push('>');
        Ok(())
    })();
    Py_ReprLeave(obj);
    body?;
    Ok(PyUnicode_FromString(&out))
}

fn textiowrapper_get_name(obj: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_attached()?;
    PyObject_GetAttr(&*t.buffer()?, objects::intern!("name"))
}

fn textiowrapper_get_closed(obj: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_attached()?;
    PyObject_GetAttr(&*t.buffer()?, objects::intern!("closed"))
}

fn textiowrapper_get_newlines(obj: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_attached()?;
    // SAFETY: the borrow ends within the expression.
    Ok(match unsafe { t.decoder.get_ref() } {
        Some(Decoder { nl: Some(nl), .. }) => nl.newlines(),
        _ => none(),
    })
}

fn textiowrapper_get_errors(obj: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_initialized()?;
    Ok(t.errors.get().unwrap_or_else(none))
}

fn textiowrapper_get_chunk_size(obj: &PyObject) -> PyResult {
    let t = as_textio(obj);
    t.check_initialized()?;
    Ok(PyLong_FromSsize_t(t.chunk_size.get()))
}

fn textiowrapper_set_chunk_size(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let t = as_textio(obj);
    t.check_initialized()?;
    let Some(v) = value else {
        return Err(attribute_error("cannot delete attribute"));
    };
    let n = objects::r#abstract::PyNumber_AsSsize_t(v, Some(&PyExc_ValueError))?;
    if n <= 0 {
        return Err(value_error("a strictly positive integer is required"));
    }
    t.chunk_size.set(n);
    Ok(())
}

fn textiowrapper_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let t = as_textio(obj);
    // SAFETY: traversal runs no Python code.
    unsafe {
        for c in [
            &t.buffer,
            &t.encoding,
            &t.errors,
            &t.decoded_chars,
            &t.raw,
            &t.dict,
        ] {
            if let Some(o) = c.get_ref() {
                visit(o);
            }
        }
    }
}

fn textiowrapper_clear(obj: &PyObject) {
    let t = as_textio(obj);
    t.ok.set(false);
    t.buffer.set(None);
    t.decoded_chars.set(None);
    t.raw.set(None);
    t.dict.set(None);
}

unsafe fn textiowrapper_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead TextIOWrapper; `close()` (run by the finalizer) knows it
    // is part of finalization.
    unsafe {
        as_textio(&*op).finalizing.set(true);
        if iobase::finalize_from_dealloc(op) {
            return;
        }
        as_textio(&*op).ok.set(false);
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PyTextIOWrapperObject>(op)
    }
}

static TEXTIOWRAPPER_METHODS: [PyMethodDef; 15] = [
    PyMethodDef::new(
        "detach",
        PyCFunction::NoArgs(textiowrapper_detach),
        docs::TEXTIOWRAPPER_DETACH,
    ),
    PyMethodDef::new(
        "reconfigure",
        PyCFunction::FastKw(textiowrapper_reconfigure),
        docs::TEXTIOWRAPPER_RECONFIGURE,
    ),
    PyMethodDef::new(
        "write",
        PyCFunction::O(textiowrapper_write),
        docs::TEXTIOWRAPPER_WRITE,
    ),
    PyMethodDef::new(
        "read",
        PyCFunction::Fast(textiowrapper_read),
        docs::TEXTIOWRAPPER_READ,
    ),
    PyMethodDef::new(
        "readline",
        PyCFunction::Fast(textiowrapper_readline_meth),
        docs::TEXTIOWRAPPER_READLINE,
    ),
    PyMethodDef::new(
        "flush",
        PyCFunction::NoArgs(textiowrapper_flush),
        docs::TEXTIOWRAPPER_FLUSH,
    ),
    PyMethodDef::new(
        "close",
        PyCFunction::NoArgs(textiowrapper_close),
        docs::TEXTIOWRAPPER_CLOSE,
    ),
    PyMethodDef::new(
        "fileno",
        PyCFunction::NoArgs(textiowrapper_fileno),
        docs::TEXTIOWRAPPER_FILENO,
    ),
    PyMethodDef::new(
        "seekable",
        PyCFunction::NoArgs(textiowrapper_seekable),
        docs::TEXTIOWRAPPER_SEEKABLE,
    ),
    PyMethodDef::new(
        "readable",
        PyCFunction::NoArgs(textiowrapper_readable),
        docs::TEXTIOWRAPPER_READABLE,
    ),
    PyMethodDef::new(
        "writable",
        PyCFunction::NoArgs(textiowrapper_writable),
        docs::TEXTIOWRAPPER_WRITABLE,
    ),
    PyMethodDef::new(
        "isatty",
        PyCFunction::NoArgs(textiowrapper_isatty),
        docs::TEXTIOWRAPPER_ISATTY,
    ),
    PyMethodDef::new(
        "seek",
        PyCFunction::Fast(textiowrapper_seek),
        docs::TEXTIOWRAPPER_SEEK,
    ),
    PyMethodDef::new(
        "tell",
        PyCFunction::NoArgs(textiowrapper_tell),
        docs::TEXTIOWRAPPER_TELL,
    ),
    PyMethodDef::new(
        "truncate",
        PyCFunction::Fast(textiowrapper_truncate),
        docs::TEXTIOWRAPPER_TRUNCATE,
    ),
];

static TEXTIOWRAPPER_MEMBERS: [PyMemberDef; 5] = [
    PyMemberDef::new(
        "encoding",
        MemberType::Object,
        offset_of!(PyTextIOWrapperObject, encoding),
        READONLY,
    ),
    PyMemberDef::new(
        "buffer",
        MemberType::Object,
        offset_of!(PyTextIOWrapperObject, buffer),
        READONLY,
    ),
    PyMemberDef::new(
        "line_buffering",
        MemberType::Bool,
        offset_of!(PyTextIOWrapperObject, line_buffering),
        READONLY,
    ),
    PyMemberDef::new(
        "write_through",
        MemberType::Bool,
        offset_of!(PyTextIOWrapperObject, write_through),
        READONLY,
    ),
    PyMemberDef::new(
        "_finalizing",
        MemberType::Bool,
        offset_of!(PyTextIOWrapperObject, finalizing),
        0,
    ),
];

static TEXTIOWRAPPER_GETSET: [PyGetSetDef; 5] = [
    PyGetSetDef::getter("name", textiowrapper_get_name),
    PyGetSetDef::getter("closed", textiowrapper_get_closed),
    PyGetSetDef::getter("newlines", textiowrapper_get_newlines),
    PyGetSetDef::getter("errors", textiowrapper_get_errors),
    PyGetSetDef::getset(
        "_CHUNK_SIZE",
        textiowrapper_get_chunk_size,
        textiowrapper_set_chunk_size,
    ),
];

/// `_io.TextIOWrapper`.
pub static PyTextIOWrapper_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io.TextIOWrapper",
    tp_basicsize: Cell::new(size_of::<PyTextIOWrapperObject>()),
    tp_dealloc: slot(textiowrapper_dealloc),
    tp_repr: slot(textiowrapper_repr),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::TEXTIOWRAPPER_DOC),
    tp_traverse: slot(textiowrapper_traverse),
    tp_clear: slot(textiowrapper_clear),
    tp_weaklistoffset: Cell::new(offset_of!(PyTextIOWrapperObject, weakreflist)),
    tp_iternext: slot(textiowrapper_iternext),
    tp_methods: &TEXTIOWRAPPER_METHODS,
    tp_members: &TEXTIOWRAPPER_MEMBERS,
    tp_getset: &TEXTIOWRAPPER_GETSET,
    tp_base: objects::object::type_ptr(&PyTextIOBase_Type),
    tp_dictoffset: Cell::new(offset_of!(PyTextIOWrapperObject, dict)),
    tp_init: slot(textiowrapper_init),
    tp_new: slot(textiowrapper_tp_new),
    ..PyTypeObject::DEFAULT
};

/// `TextIOWrapper.write` for callers in Rust (`print`, the interpreter's error
/// output): the same as the method.
pub fn textiowrapper_write_str(obj: &PyObject, text: &PyObject) -> PyResult {
    textiowrapper_write(obj, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn line_endings_in_each_mode() {
        // Translated: only \n.
        assert_eq!(
            find_line_ending(true, true, None, &cps("ab\r\ncd")),
            (Some(4), 0)
        );
        assert_eq!(find_line_ending(true, true, None, &cps("abc")), (None, 3));
        // Universal: \r, \r\n or \n, whichever comes first.
        assert_eq!(
            find_line_ending(false, true, None, &cps("ab\rcd")),
            (Some(3), 0)
        );
        assert_eq!(
            find_line_ending(false, true, None, &cps("ab\r\ncd")),
            (Some(4), 0)
        );
        assert_eq!(
            find_line_ending(false, true, None, &cps("ab\r")),
            (Some(3), 0)
        );
        // A given newline; a trailing "\r" that may start "\r\n" is kept back.
        let crlf = cps("\r\n");
        assert_eq!(
            find_line_ending(false, false, Some(&crlf), &cps("a\rb\r\nc")),
            (Some(5), 0)
        );
        assert_eq!(
            find_line_ending(false, false, Some(&crlf), &cps("ab\r")),
            (None, 2)
        );
        assert_eq!(
            find_line_ending(false, false, Some(&crlf), &cps("abc")),
            (None, 3)
        );
        let cr = cps("\r");
        assert_eq!(
            find_line_ending(false, false, Some(&cr), &cps("a\nb\rc")),
            (Some(4), 0)
        );
    }

    #[test]
    fn newline_state_holds_back_a_final_cr() {
        let mut nl = NlState::new(true);
        assert_eq!(nl.translate(&cps("a\r"), false), cps("a"));
        assert!(nl.pendingcr);
        assert_eq!(nl.translate(&cps("\nb\r"), false), cps("\nb"));
        assert_eq!(nl.translate(&[], true), cps("\n"));
        assert_eq!(nl.seennl, SEEN_CRLF | SEEN_CR);
        let mut keep = NlState::new(false);
        assert_eq!(keep.translate(&cps("x\r\ny\n"), true), cps("x\r\ny\n"));
        assert_eq!(keep.seennl, SEEN_CRLF | SEEN_LF);
    }
}
