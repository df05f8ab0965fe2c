//! The `_codecs` module: the Python-level codec registry of Python/codecs.c
//! (`register`, `lookup`, `encode`, `decode`, the error-handler registry) and the
//! codec functions the `encodings` package wraps. Mirrors Modules/_codecsmodule.c
//! (CPython 3.11).
//!
//! The codecs themselves live in objects/src/codecs.rs; this module adds the
//! argument handling, the charmap codec (`charmap_encode`/`charmap_decode`/
//! `charmap_build`), `escape_encode`/`escape_decode` and `readbuffer_encode`, and
//! installs [`codec_fallback`] so that `str.encode` and `bytes.decode` with an
//! encoding that is not built in go through the registry (`_PyCodec_Lookup`).
//!
//! Differences from CPython: the registry imports the `encodings` package on first
//! use rather than at start-up (`_PyCodecRegistry_Init`); `EncodingMap` keeps a hash
//! map instead of CPython's three-level table.

use std::cell::Cell;
use std::collections::HashMap;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::bytesobject::{buffer_arg, PyBytesObject, PyBytes_FromVec};
use objects::codecs::{
    decode_error, decode_with_codec, encode_error, encode_with_codec, ByteOrder, Codec,
    ErrorHandler, PyCodec_LookupError, PyCodec_RegisterError,
};
use objects::dictobject::{
    PyDictObject, PyDict_DelItem, PyDict_GetItemWithError, PyDict_New, PyDict_SetItem,
};
use objects::exceptions::PyExc_LookupError;
use objects::longobject::{PyLongObject, PyLong_AsLong, PyLong_FromSsize_t};
use objects::moduleobject::{PyModuleObject, PyModule_AddFunctions, PyModule_New};
use objects::object::{PyObject_GenericGetAttr, Py_None};
use objects::obmalloc::*;
use objects::prelude::*;
use objects::pyerrors::{PyErr_ExceptionMatches, PyErr_SetString};
use objects::r#abstract::{PyNumber_Index, PyObject_GetItem};
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::{_PyUnicodeWriter, PyUnicodeObject, PyUnicode_FromString};

// --- The registry (Python/codecs.c) -----------------------------------------------------

/// `interp->codec_search_path`, `interp->codec_search_cache`, and whether the
/// `encodings` package has been imported (0 no, 1 importing, 2 done).
struct Registry {
    search_path: Vec<PyObjectRef>,
    cache: Option<PyRef<PyDictObject>>,
}

static REGISTRY: GlobalCell<Registry> = GlobalCell::new(Registry {
    search_path: Vec::new(),
    cache: None,
});
static INIT_STATE: GlobalCell<Cell<u8>> = GlobalCell::new(Cell::new(0));

/// `_PyCodecRegistry_Init`: import `encodings`, whose import registers its search
/// function. Re-entrant calls during that import return at once.
fn registry_init() -> PyResult<()> {
    // SAFETY: a Cell in a global, single-threaded.
    let state = unsafe { INIT_STATE.get_ref() };
    if state.get() != 0 {
        return Ok(());
    }
    state.set(1);
    match python::import::PyImport_ImportModule("encodings") {
        Ok(_) => {
            state.set(2);
            Ok(())
        }
        Err(e) => {
            state.set(0);
            Err(e)
        }
    }
}

fn cache() -> PyRef<PyDictObject> {
    // SAFETY: single-threaded; the borrow ends before any Python code runs.
    let reg = unsafe { REGISTRY.get_mut() };
    reg.cache.get_or_insert_with(PyDict_New).clone()
}

fn search_path() -> Vec<PyObjectRef> {
    // SAFETY: single-threaded; the clone is taken before any Python code runs.
    unsafe { REGISTRY.get_ref() }.search_path.clone()
}

fn check_callable(obj: &PyObject, msg: &str) -> PyResult<()> {
    if obj.ob_type().tp_call.get().is_none() {
        return Err(type_error(msg));
    }
    Ok(())
}

/// `PyCodec_Register`.
fn PyCodec_Register(search_function: &PyObject) -> PyResult<()> {
    registry_init()?;
    check_callable(search_function, "argument must be callable")?;
    // SAFETY: single-threaded; no Python code runs while the registry is borrowed.
    unsafe { REGISTRY.get_mut() }
        .search_path
        .push(search_function.to_owned());
    Ok(())
}

/// `PyCodec_Unregister`: remove the search function and clear the cache.
fn PyCodec_Unregister(search_function: &PyObject) -> PyResult<()> {
    // SAFETY: single-threaded; no Python code runs while the registry is borrowed.
    let reg = unsafe { REGISTRY.get_mut() };
    if let Some(i) = reg.search_path.iter().position(|f| f.is(search_function)) {
        let removed = reg.search_path.remove(i);
        let old = reg.cache.take();
        drop(removed);
        drop(old);
    }
    Ok(())
}

/// `normalizestring`: `_Py_normalize_encoding`'s form of an encoding name.
fn normalizestring(encoding: &str) -> String {
    objects::codecs::normalize_encoding(encoding)
}

/// `_PyCodec_Lookup`: the `CodecInfo` (a 4-tuple or subclass) for an encoding.
pub fn _PyCodec_Lookup(encoding: &str) -> PyResult {
    if encoding.contains('\0') {
        return Err(value_error("embedded null character"));
    }
    registry_init()?;
    let v = PyUnicode_FromString(&normalizestring(encoding));
    let cache = cache();
    if let Some(r) = PyDict_GetItemWithError(&cache, &v)? {
        return Ok(r);
    }
    for func in search_path() {
        let result = objects::call::PyObject_CallOneArg(&func, &v)?;
        if result.is(Py_None()) {
            continue;
        }
        let ok = result
            .downcast_ref::<PyTupleObject>()
            .is_some_and(|t| t.as_slice().len() == 4);
        if !ok {
            return Err(type_error("codec search functions must return 4-tuples"));
        }
        PyDict_SetItem(&cache, &v, &result)?;
        return Ok(result);
    }
    Err(PyErr_SetString(
        &PyExc_LookupError,
        format!("unknown encoding: {encoding}"),
    ))
}

/// Item `i` of a codec info tuple (`codec_getitem`).
fn codec_getitem(info: &PyObject, i: usize) -> PyObjectRef {
    info.downcast_ref::<PyTupleObject>()
        .map(|t| t.as_slice()[i].clone())
        .unwrap_or_else(|| Py_None().to_owned())
}

/// `_PyCodec_LookupTextEncoding`: refuse codecs marked `_is_text_encoding = False`.
pub fn _PyCodec_LookupTextEncoding(encoding: &str, alternate: &str) -> PyResult {
    let info = _PyCodec_Lookup(encoding)?;
    if !std::ptr::eq(info.ob_type(), &objects::tupleobject::PyTuple_Type) {
        match objects::object::PyObject_GetAttrString(&info, "_is_text_encoding") {
            Ok(flag) => {
                if !objects::object::PyObject_IsTrue(&flag)? {
                    return Err(PyErr_SetString(
                        &PyExc_LookupError,
                        format!(
                            "'{encoding}' is not a text encoding; use {alternate} to handle arbitrary codecs"
                        ),
                    ));
                }
            }
            Err(e) if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_AttributeError) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(info)
}

/// Call an encoder or decoder and take the first item of its `(object, length)`
/// result (`_PyCodec_EncodeInternal` / `_PyCodec_DecodeInternal`).
fn call_codec(
    func: &PyObject,
    obj: &PyObject,
    encoding: &str,
    errors: Option<&PyObject>,
    encode: bool,
) -> PyResult {
    let mut args = vec![obj.to_owned()];
    if let Some(e) = errors {
        args.push(e.to_owned());
    }
    // `wrap_codec_error`: a plain failure of the codec function is re-raised naming
    // the codec, with the original as its cause.
    let result = objects::call::PyObject_Vectorcall(func, &args, None).map_err(|e| {
        let operation = if encode { "encoding" } else { "decoding" };
        objects::pyerrors::_PyErr_TrySetFromCause(
            e,
            &format!("{operation} with '{encoding}' codec failed"),
        )
    })?;
    match result.downcast_ref::<PyTupleObject>() {
        Some(t) if t.as_slice().len() == 2 => Ok(t.as_slice()[0].clone()),
        _ => Err(type_error(if encode {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        })),
    }
}

/// `PyCodec_Encode` / `PyCodec_Decode`.
fn codec_call(obj: &PyObject, encoding: &str, errors: Option<&PyObject>, encode: bool) -> PyResult {
    let info = _PyCodec_Lookup(encoding)?;
    let func = codec_getitem(&info, if encode { 0 } else { 1 });
    call_codec(&func, obj, encoding, errors, encode)
}

/// The hook `str.encode` and `bytes.decode` use for encodings that are not built
/// in (`_PyCodec_EncodeText` / `_PyCodec_DecodeText`).
pub fn codec_fallback(
    obj: &PyObject,
    encoding: &str,
    errors: Option<&PyObject>,
    encode: bool,
) -> PyResult<Option<PyObjectRef>> {
    let alternate = if encode {
        "codecs.encode()"
    } else {
        "codecs.decode()"
    };
    // An unknown name goes back to the caller, which also knows the standard
    // library's non-text codecs whose modules pyrs cannot import (`zlib_codec`).
    let info = match _PyCodec_LookupTextEncoding(encoding, alternate) {
        Ok(info) => info,
        Err(e)
            if PyErr_ExceptionMatches(&e, &PyExc_LookupError)
                && e.value().ob_type().name() == "LookupError" =>
        {
            return Ok(None)
        }
        Err(e) => return Err(e),
    };
    let func = codec_getitem(&info, if encode { 0 } else { 1 });
    let errors = errors.filter(|e| !e.is(Py_None()));
    if encode {
        return call_codec(&func, obj, encoding, errors, encode).map(Some);
    }
    // `PyUnicode_Decode` hands the decoder a read-only memoryview of the data.
    let data = if PyBytesObject::check(obj) {
        obj.to_owned()
    } else {
        PyBytes_FromVec(buffer_arg(obj)?.into_owned())
    };
    let view = objects::memoryobject::PyMemoryView_FromObject(&data)?;
    call_codec(&func, &view, encoding, errors, encode).map(Some)
}

// --- Argument helpers -----------------------------------------------------------------

fn nth(args: &[PyObjectRef], i: usize) -> Option<&PyObject> {
    args.get(i).map(|a| &**a)
}

/// A `str` argument (`unicode` in Argument Clinic).
fn str_arg<'a>(fname: &str, argno: usize, obj: &'a PyObject) -> PyResult<&'a PyUnicodeObject> {
    obj.downcast_ref::<PyUnicodeObject>().ok_or_else(|| {
        type_error(format!(
            "{fname}() argument {argno} must be str, not {}",
            obj.ob_type().name()
        ))
    })
}

/// The `errors` argument: `str(accept={str, NoneType})`.
fn errors_arg<'a>(
    fname: &str,
    argno: usize,
    obj: Option<&'a PyObject>,
) -> PyResult<Option<&'a PyObject>> {
    match obj {
        None => Ok(None),
        Some(o) if o.is(Py_None()) => Ok(None),
        Some(o) if PyUnicodeObject::check(o) => {
            objects::unicodeobject::as_str_strict(o)?;
            Ok(Some(o))
        }
        Some(o) => Err(type_error(format!(
            "{fname}() argument {argno} must be str or None, not {}",
            o.ob_type().name()
        ))),
    }
}

fn handler_of(errors: Option<&PyObject>) -> PyResult<ErrorHandler> {
    match errors {
        None => Ok(ErrorHandler::Strict),
        Some(e) => Ok(ErrorHandler::from_name(
            objects::unicodeobject::as_str_strict(e)?,
        )),
    }
}

/// An `int` argument (`final`, `byteorder`).
fn int_arg(obj: Option<&PyObject>, default: i64) -> PyResult<i64> {
    match obj {
        None => Ok(default),
        Some(o) => PyLong_AsLong(&*PyNumber_Index(o)?),
    }
}

/// A `Py_buffer(accept={str, buffer})` argument: a str is taken as its UTF-8 bytes.
fn str_or_buffer(obj: &PyObject) -> PyResult<Vec<u8>> {
    if PyUnicodeObject::check(obj) {
        return Ok(objects::unicodeobject::as_str_strict(obj)?
            .as_bytes()
            .to_vec());
    }
    Ok(buffer_arg(obj)?.into_owned())
}

fn pair(a: PyObjectRef, n: usize) -> PyResult {
    Ok(PyTuple_New(vec![a, PyLong_FromSsize_t(n as isize)]).into_object())
}

// --- Registry functions ---------------------------------------------------------------

fn _codecs_register(_m: &PyObject, search_function: &PyObject) -> PyResult {
    PyCodec_Register(search_function)?;
    Ok(Py_None().to_owned())
}

fn _codecs_unregister(_m: &PyObject, search_function: &PyObject) -> PyResult {
    PyCodec_Unregister(search_function)?;
    Ok(Py_None().to_owned())
}

fn _codecs_lookup(_m: &PyObject, encoding: &PyObject) -> PyResult {
    if !PyUnicodeObject::check(encoding) {
        return Err(type_error(format!(
            "lookup() argument must be str, not {}",
            encoding.ob_type().name()
        )));
    }
    _PyCodec_Lookup(objects::unicodeobject::as_str_strict(encoding)?)
}

/// Shared by `encode` and `decode`: `(obj, encoding='utf-8', errors='strict')`.
fn encode_decode(
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    encode: bool,
) -> PyResult {
    let a = objects::getargs::parse_args(fname, args, kwnames, &["obj", "encoding", "errors"], 1)?;
    let obj = a[0].clone().unwrap_or_else(|| Py_None().to_owned());
    let encoding = match &a[1] {
        None => "utf-8".to_string(),
        Some(e) => str_arg(fname, 2, e)
            .and_then(|_| objects::unicodeobject::as_str_strict(e).map(str::to_string))?,
    };
    if let Some(e) = &a[2] {
        str_arg(fname, 3, e)?;
    }
    codec_call(&obj, &encoding, a[2].as_deref(), encode)
}

fn _codecs_encode(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    encode_decode("encode", args, kwnames, true)
}

fn _codecs_decode(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    encode_decode("decode", args, kwnames, false)
}

fn _codecs__forget_codec(_m: &PyObject, encoding: &PyObject) -> PyResult {
    let name =
        objects::unicodeobject::as_str_strict(str_arg("_forget_codec", 1, encoding)?.as_object())?;
    let key = PyUnicode_FromString(&normalizestring(name));
    let cache = cache();
    match PyDict_DelItem(&cache, &key) {
        Ok(()) => {}
        Err(e) if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_KeyError) => {}
        Err(e) => return Err(e),
    }
    Ok(Py_None().to_owned())
}

fn _codecs_register_error(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("register_error", args.len(), 2, 2)?;
    let name =
        objects::unicodeobject::as_str_strict(str_arg("register_error", 1, &args[0])?.as_object())?;
    PyCodec_RegisterError(name, args[1].clone())?;
    Ok(Py_None().to_owned())
}

fn _codecs_lookup_error(_m: &PyObject, name: &PyObject) -> PyResult {
    if !PyUnicodeObject::check(name) {
        return Err(type_error(format!(
            "lookup_error() argument must be str, not {}",
            name.ob_type().name()
        )));
    }
    PyCodec_LookupError(objects::unicodeobject::as_str_strict(name)?)
}

// --- The built-in codecs --------------------------------------------------------------

/// `xxx_encode(str, errors=None, /)` for a built-in codec.
fn encode_builtin(
    fname: &str,
    codec: Codec,
    args: &[PyObjectRef],
    max: usize,
) -> PyResult<(PyObjectRef, usize)> {
    objects::getargs::check_positional(fname, args.len(), 1, max)?;
    let s = str_arg(fname, 1, &args[0])?;
    let errors = errors_arg(fname, 2, nth(args, 1))?;
    let out = encode_with_codec(codec, &args[0], &handler_of(errors)?)?;
    Ok((PyBytes_FromVec(out), s.len()))
}

/// `xxx_decode(data, errors=None, final=False, /)` for a built-in codec.
fn decode_builtin(
    fname: &str,
    codec: Codec,
    args: &[PyObjectRef],
    with_final: bool,
    final_default: bool,
) -> PyResult {
    let max = if with_final { 3 } else { 2 };
    objects::getargs::check_positional(fname, args.len(), 1, max)?;
    let data = if matches!(codec, Codec::UnicodeEscape | Codec::RawUnicodeEscape) {
        str_or_buffer(&args[0])?
    } else {
        buffer_arg(&args[0])?.into_owned()
    };
    let errors = errors_arg(fname, 2, nth(args, 1))?;
    let final_ = int_arg(nth(args, 2), final_default as i64)? != 0;
    let (s, consumed) = decode_with_codec(codec, &data, &handler_of(errors)?, final_)?;
    pair(s, consumed)
}

macro_rules! codec_fns {
    ($enc:ident, $dec:ident, $ename:literal, $dname:literal, $codec:expr, $final:expr, $fdef:expr) => {
        fn $enc(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
            let (b, n) = encode_builtin($ename, $codec, args, 2)?;
            pair(b, n)
        }
        fn $dec(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
            decode_builtin($dname, $codec, args, $final, $fdef)
        }
    };
}

codec_fns!(
    _codecs_utf_8_encode,
    _codecs_utf_8_decode,
    "utf_8_encode",
    "utf_8_decode",
    Codec::Utf8,
    true,
    false
);
codec_fns!(
    _codecs_utf_16_le_encode,
    _codecs_utf_16_le_decode,
    "utf_16_le_encode",
    "utf_16_le_decode",
    Codec::Utf16(ByteOrder::Little),
    true,
    false
);
codec_fns!(
    _codecs_utf_16_be_encode,
    _codecs_utf_16_be_decode,
    "utf_16_be_encode",
    "utf_16_be_decode",
    Codec::Utf16(ByteOrder::Big),
    true,
    false
);
codec_fns!(
    _codecs_utf_32_le_encode,
    _codecs_utf_32_le_decode,
    "utf_32_le_encode",
    "utf_32_le_decode",
    Codec::Utf32(ByteOrder::Little),
    true,
    false
);
codec_fns!(
    _codecs_utf_32_be_encode,
    _codecs_utf_32_be_decode,
    "utf_32_be_encode",
    "utf_32_be_decode",
    Codec::Utf32(ByteOrder::Big),
    true,
    false
);
codec_fns!(
    _codecs_latin_1_encode,
    _codecs_latin_1_decode,
    "latin_1_encode",
    "latin_1_decode",
    Codec::Latin1,
    false,
    false
);
codec_fns!(
    _codecs_ascii_encode,
    _codecs_ascii_decode,
    "ascii_encode",
    "ascii_decode",
    Codec::Ascii,
    false,
    false
);
codec_fns!(
    _codecs_unicode_escape_encode,
    _codecs_unicode_escape_decode,
    "unicode_escape_encode",
    "unicode_escape_decode",
    Codec::UnicodeEscape,
    true,
    true
);
codec_fns!(
    _codecs_raw_unicode_escape_encode,
    _codecs_raw_unicode_escape_decode,
    "raw_unicode_escape_encode",
    "raw_unicode_escape_decode",
    Codec::RawUnicodeEscape,
    true,
    true
);

codec_fns!(
    _codecs_utf_7_encode,
    _codecs_utf_7_decode,
    "utf_7_encode",
    "utf_7_decode",
    Codec::Utf7,
    true,
    false
);

/// The codec for a `byteorder` argument: 0 native with a BOM, -1 little, 1 big.
fn order_of(byteorder: i64) -> ByteOrder {
    match byteorder.signum() {
        0 => ByteOrder::Native,
        -1 => ByteOrder::Little,
        _ => ByteOrder::Big,
    }
}

/// `utf_16_encode(str, errors=None, byteorder=0, /)` and its UTF-32 twin.
fn utf_n_encode(fname: &str, wide: bool, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional(fname, args.len(), 1, 3)?;
    let order = order_of(int_arg(nth(args, 2), 0)?);
    let codec = if wide {
        Codec::Utf32(order)
    } else {
        Codec::Utf16(order)
    };
    let (b, n) = encode_builtin(fname, codec, &args[..args.len().min(2)], 2)?;
    pair(b, n)
}

fn _codecs_utf_16_encode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    utf_n_encode("utf_16_encode", false, args)
}

fn _codecs_utf_32_encode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    utf_n_encode("utf_32_encode", true, args)
}

fn _codecs_utf_16_decode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    decode_builtin(
        "utf_16_decode",
        Codec::Utf16(ByteOrder::Native),
        args,
        true,
        false,
    )
}

fn _codecs_utf_32_decode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    decode_builtin(
        "utf_32_decode",
        Codec::Utf32(ByteOrder::Native),
        args,
        true,
        false,
    )
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False, /)`: also returns
/// the byte order found (-1, 1, or 0 when there was no byte order mark).
fn utf_n_ex_decode(fname: &str, wide: bool, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional(fname, args.len(), 1, 4)?;
    let data = buffer_arg(&args[0])?.into_owned();
    let errors = errors_arg(fname, 2, nth(args, 1))?;
    let byteorder = int_arg(nth(args, 2), 0)?;
    let final_ = int_arg(nth(args, 3), 0)? != 0;
    let order = order_of(byteorder);
    let codec = if wide {
        Codec::Utf32(order)
    } else {
        Codec::Utf16(order)
    };
    let found = if order == ByteOrder::Native {
        let (le, be): (&[u8], &[u8]) = if wide {
            (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF])
        } else {
            (&[0xFF, 0xFE], &[0xFE, 0xFF])
        };
        if data.starts_with(le) {
            -1
        } else if data.starts_with(be) {
            1
        } else {
            0
        }
    } else {
        byteorder
    };
    let (s, consumed) = decode_with_codec(codec, &data, &handler_of(errors)?, final_)?;
    Ok(PyTuple_New(vec![
        s,
        PyLong_FromSsize_t(consumed as isize),
        PyLong_FromSsize_t(found as isize),
    ])
    .into_object())
}

fn _codecs_utf_16_ex_decode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    utf_n_ex_decode("utf_16_ex_decode", false, args)
}

fn _codecs_utf_32_ex_decode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    utf_n_ex_decode("utf_32_ex_decode", true, args)
}

/// `readbuffer_encode(data, errors=None, /)`: the bytes of a buffer or str.
fn _codecs_readbuffer_encode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("readbuffer_encode", args.len(), 1, 2)?;
    let data = str_or_buffer(&args[0])?;
    errors_arg("readbuffer_encode", 2, nth(args, 1))?;
    let n = data.len();
    pair(PyBytes_FromVec(data), n)
}

/// `escape_encode(data: bytes, errors=None, /)`: the body of a bytes repr
/// (`PyBytes_Repr` without the quotes, every quote escaped).
fn _codecs_escape_encode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("escape_encode", args.len(), 1, 2)?;
    let Some(b) = args[0].downcast_ref::<PyBytesObject>() else {
        return Err(type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            args[0].ob_type().name()
        )));
    };
    errors_arg("escape_encode", 2, nth(args, 1))?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let data = b.as_bytes();
    let mut out = Vec::with_capacity(data.len());
    for &c in data {
        match c {
            b'\'' | b'\\' => out.extend_from_slice(&[b'\\', c]),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            c if !(b' '..0x7f).contains(&c) => out.extend_from_slice(&[
                b'\\',
                b'x',
                HEX[(c >> 4) as usize],
                HEX[(c & 15) as usize],
            ]),
            c => out.push(c),
        }
    }
    pair(PyBytes_FromVec(out), data.len())
}

/// `escape_decode(data, errors=None, /)`: bytes-literal escapes
/// (`_PyBytes_DecodeEscape`).
fn _codecs_escape_decode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("escape_decode", args.len(), 1, 2)?;
    let data = str_or_buffer(&args[0])?;
    let errors = errors_arg("escape_decode", 2, nth(args, 1))?;
    let errors = match errors {
        None => "strict".to_string(),
        Some(e) => objects::unicodeobject::as_str_strict(e)?.to_string(),
    };
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    let hexval = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    // Where the first invalid escape starts (after its backslash), for the warning.
    let mut first_invalid_escape: Option<usize> = None;
    while i < data.len() {
        let c = data[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = data.get(i) else {
            return Err(value_error("Trailing \\ in string"));
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 && first_invalid_escape.is_none() {
                    first_invalid_escape = Some(i - 3);
                }
                out.push(v as u8);
            }
            b'x' => {
                let h = data.get(i).and_then(|&c| hexval(c));
                let l = data.get(i + 1).and_then(|&c| hexval(c));
                if let (Some(h), Some(l)) = (h, l) {
                    out.push(h * 16 + l);
                    i += 2;
                    continue;
                }
                match errors.as_str() {
                    "strict" => {
                        return Err(value_error(format!(
                            "invalid \\x escape at position {}",
                            i - 2
                        )))
                    }
                    "replace" => out.push(b'?'),
                    "ignore" => {}
                    other => {
                        return Err(value_error(format!(
                            "decoding error; unknown error handling code: {other}"
                        )))
                    }
                }
                // Skip the hex digits that were there.
                if h.is_some() {
                    i += 1;
                }
            }
            _ => {
                if first_invalid_escape.is_none() {
                    first_invalid_escape = Some(i - 1);
                }
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    if let Some(at) = first_invalid_escape {
        objects::codecs::warn_invalid_escape(&data[at..])?;
    }
    pair(PyBytes_FromVec(out), data.len())
}

// --- The charmap codec ------------------------------------------------------------------

/// `EncodingMap`: the reverse of a 256-character decoding table, built by
/// `charmap_build` for fast encoding.
#[repr(C)]
pub struct EncodingMapObject {
    pub ob_base: PyObject,
    map: HashMap<u32, u8>,
    /// What CPython's `size()` reports for the same map.
    size: usize,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for EncodingMapObject {}

unsafe fn encoding_map_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead EncodingMap.
    unsafe { dealloc_object::<EncodingMapObject>(op) }
}

fn as_encoding_map(obj: &PyObject) -> Option<&EncodingMapObject> {
    if std::ptr::eq(obj.ob_type(), &EncodingMapType) {
        // SAFETY: the object's type is EncodingMap, whose layout this is.
        Some(unsafe { &*(obj as *const PyObject as *const EncodingMapObject) })
    } else {
        None
    }
}

fn encoding_map_size(obj: &PyObject) -> PyResult {
    let n = as_encoding_map(obj).map_or(0, |m| m.size);
    Ok(PyLong_FromSsize_t(n as isize))
}

static ENCODING_MAP_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "size",
    PyCFunction::NoArgs(encoding_map_size),
    "Return the size (in bytes) of this object",
)];

pub static EncodingMapType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "EncodingMap",
    tp_basicsize: Cell::new(size_of::<EncodingMapObject>()),
    tp_dealloc: slot(encoding_map_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
    tp_methods: &ENCODING_MAP_METHODS,
    ..PyTypeObject::DEFAULT
};

/// `charmap_build(map, /)` (`PyUnicode_BuildEncodingMap`).
fn _codecs_charmap_build(_m: &PyObject, map: &PyObject) -> PyResult {
    let Some(u) = map.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "charmap_build() argument must be str, not {}",
            map.ob_type().name()
        )));
    };
    // CPython's table covers a one-to-one mapping of NUL to NUL and BMP characters
    // that fit its three levels; any other map becomes a dict.
    let cps = u.code_points();
    let mut need_dict = cps.first().is_some_and(|&c| c != 0);
    let (mut level1, mut level2) = ([false; 32], [false; 512]);
    let (mut count2, mut count3) = (0usize, 0usize);
    let mut m = HashMap::new();
    for (i, &ch) in cps.iter().enumerate().skip(1) {
        if ch == 0 || ch > 0xFFFF {
            need_dict = true;
            break;
        }
        if ch == 0xFFFE {
            continue;
        }
        if !level1[(ch >> 11) as usize] {
            level1[(ch >> 11) as usize] = true;
            count2 += 1;
        }
        if !level2[(ch >> 7) as usize] {
            level2[(ch >> 7) as usize] = true;
            count3 += 1;
        }
        m.insert(ch, i as u8);
    }
    if count2 >= 0xFF || count3 >= 0xFF || cps.len() > 256 {
        need_dict = true;
    }
    if need_dict {
        let d = PyDict_New();
        for (i, &ch) in cps.iter().enumerate() {
            PyDict_SetItem(
                &d,
                &PyLong_FromSsize_t(ch as isize),
                &PyLong_FromSsize_t(i as isize),
            )?;
        }
        return Ok(d.into_object());
    }
    m.insert(0, 0);
    // The size of CPython's `struct encoding_map` with its level-2 and level-3 blocks.
    let size = 63 + 16 * count2 + 128 * count3;
    // SAFETY: the type is ready (module init); the struct is complete.
    let obj = unsafe {
        alloc_object(
            &EncodingMapType,
            EncodingMapObject {
                ob_base: PyObject_HEAD_INIT,
                map: m,
                size,
            },
        )
    };
    Ok(obj.into_object())
}

/// Is `e` a `LookupError` (the mapping has no entry)?
fn is_lookup_error(e: &PyErr) -> bool {
    PyErr_ExceptionMatches(e, &PyExc_LookupError)
}

/// One character through an encoding mapping (`charmapencode_lookup`): `None` when
/// it is unmapped.
fn charmap_encode_lookup(c: u32, mapping: &PyObject) -> PyResult<Option<Vec<u8>>> {
    if let Some(m) = as_encoding_map(mapping) {
        return Ok(m.map.get(&c).map(|&b| vec![b]));
    }
    let key = PyLong_FromSsize_t(c as isize);
    let x = match PyObject_GetItem(mapping, &key) {
        Ok(x) => x,
        Err(e) if is_lookup_error(&e) => return Ok(None),
        Err(e) => return Err(e),
    };
    if x.is(Py_None()) {
        return Ok(None);
    }
    if PyLongObject::check(&x) {
        let v = PyLong_AsLong(&x)?;
        if !(0..256).contains(&v) {
            return Err(type_error("character mapping must be in range(256)"));
        }
        return Ok(Some(vec![v as u8]));
    }
    if let Some(b) = x.downcast_ref::<PyBytesObject>() {
        return Ok(Some(b.as_bytes().to_vec()));
    }
    Err(type_error(format!(
        "character mapping must return integer, bytes or None, not {}",
        x.ob_type().name()
    )))
}

/// Call an error handler by name with a fresh exception; returns `(replacement,
/// new position)` (`unicode_*_call_errorhandler`).
fn call_errorhandler(
    errors: Option<&PyObject>,
    exc: PyErr,
    len: usize,
    encode: bool,
) -> PyResult<(PyObjectRef, usize)> {
    let name = match errors {
        None => "strict",
        Some(e) => objects::unicodeobject::as_str_strict(e)?,
    };
    let handler = PyCodec_LookupError(name)?;
    let exc = exc.into_value();
    let res = objects::call::PyObject_CallOneArg(&handler, &exc)?;
    let msg = if encode {
        "encoding error handler must return (str/bytes, int) tuple"
    } else {
        "decoding error handler must return (str, int) tuple"
    };
    let Some(t) = res.downcast_ref::<PyTupleObject>() else {
        return Err(type_error(msg));
    };
    let items = t.as_slice();
    let rep_ok = items.len() == 2
        && (PyUnicodeObject::check(&items[0]) || (encode && PyBytesObject::check(&items[0])))
        && PyLongObject::check(&items[1]);
    if !rep_ok {
        return Err(type_error(msg));
    }
    let mut pos = PyLong_AsLong(&items[1])?;
    if pos < 0 {
        pos += len as i64;
    }
    if pos < 0 || pos as usize > len {
        return Err(index_error(format!(
            "position {pos} from error handler out of bounds"
        )));
    }
    Ok((items[0].clone(), pos as usize))
}

/// `charmap_encode(str, errors=None, mapping=None, /)` (`_PyUnicode_EncodeCharmap`).
fn _codecs_charmap_encode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("charmap_encode", args.len(), 1, 3)?;
    let u = str_arg("charmap_encode", 1, &args[0])?;
    let errors = errors_arg("charmap_encode", 2, nth(args, 1))?;
    let mapping = nth(args, 2).filter(|m| !m.is(Py_None()));
    let Some(mapping) = mapping else {
        let (b, n) = encode_builtin(
            "charmap_encode",
            Codec::Latin1,
            &args[..args.len().min(2)],
            2,
        )?;
        return pair(b, n);
    };
    let cps = u.code_points();
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        if let Some(b) = charmap_encode_lookup(cps[i], mapping)? {
            out.extend_from_slice(&b);
            i += 1;
            continue;
        }
        // A run of unencodable characters goes to the handler at once.
        let mut end = i + 1;
        while end < cps.len() && charmap_encode_lookup(cps[end], mapping)?.is_none() {
            end += 1;
        }
        let exc = encode_error("charmap", &args[0], i, end, "character maps to <undefined>");
        let (rep, pos) = call_errorhandler(errors, exc, cps.len(), true)?;
        if let Some(b) = rep.downcast_ref::<PyBytesObject>() {
            out.extend_from_slice(b.as_bytes());
        } else if let Some(r) = rep.downcast_ref::<PyUnicodeObject>() {
            for c in r.code_points() {
                match charmap_encode_lookup(c, mapping)? {
                    Some(b) => out.extend_from_slice(&b),
                    None => {
                        return Err(encode_error(
                            "charmap",
                            &args[0],
                            i,
                            end,
                            "character maps to <undefined>",
                        ))
                    }
                }
            }
        }
        i = pos;
    }
    pair(PyBytes_FromVec(out), cps.len())
}

/// `charmap_decode(data, errors=None, mapping=None, /)` (`PyUnicode_DecodeCharmap`).
fn _codecs_charmap_decode(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("charmap_decode", args.len(), 1, 3)?;
    let data = buffer_arg(&args[0])?.into_owned();
    let errors = errors_arg("charmap_decode", 2, nth(args, 1))?;
    let mapping = nth(args, 2).filter(|m| !m.is(Py_None()));
    let Some(mapping) = mapping else {
        let (s, n) = decode_with_codec(Codec::Latin1, &data, &handler_of(errors)?, true)?;
        return pair(s, n);
    };
    let table = mapping
        .downcast_ref::<PyUnicodeObject>()
        .map(|u| u.code_points());
    let mut w = _PyUnicodeWriter::with_capacity(data.len());
    let mut input: Option<PyObjectRef> = None;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        let mapped: bool = match &table {
            Some(t) => match t.get(b as usize) {
                Some(&c) if c != 0xFFFE => {
                    w.push_char(c);
                    true
                }
                _ => false,
            },
            None => {
                let key = PyLong_FromSsize_t(b as isize);
                match PyObject_GetItem(mapping, &key) {
                    Ok(x) if x.is(Py_None()) => false,
                    Ok(x) if PyLongObject::check(&x) => {
                        let v = PyLong_AsLong(&x)?;
                        if !(0..0x110000).contains(&v) {
                            return Err(type_error("character mapping must be in range(0x110000)"));
                        }
                        if v == 0xFFFE {
                            false
                        } else {
                            w.push_char(v as u32);
                            true
                        }
                    }
                    Ok(x) => match x.downcast_ref::<PyUnicodeObject>() {
                        Some(s) => {
                            if s.len() == 1 && s.char_at(0) == 0xFFFE {
                                false
                            } else {
                                w.push_unicode(s);
                                true
                            }
                        }
                        None => {
                            return Err(type_error(
                                "character mapping must return integer, None or str",
                            ))
                        }
                    },
                    Err(e) if is_lookup_error(&e) => false,
                    Err(e) => return Err(e),
                }
            }
        };
        if mapped {
            i += 1;
            continue;
        }
        let obj = input
            .get_or_insert_with(|| PyBytes_FromVec(data.clone()))
            .clone();
        let exc = decode_error("charmap", &obj, i, i + 1, "character maps to <undefined>");
        let (rep, pos) = call_errorhandler(errors, exc, data.len(), false)?;
        if let Some(r) = rep.downcast_ref::<PyUnicodeObject>() {
            w.push_unicode(r);
        }
        i = pos;
    }
    pair(w.finish(), data.len())
}

// --- The module ---------------------------------------------------------------------------

macro_rules! fast {
    ($name:literal, $f:ident, $sig:literal) => {
        PyMethodDef::new(
            $name,
            PyCFunction::Fast($f),
            concat!($name, $sig, "\n--\n\n"),
        )
    };
}

static CODECS_METHODS: [PyMethodDef; 40] = [
    PyMethodDef::new("register", PyCFunction::O(_codecs_register), "register($module, search_function, /)\n--\n\nRegister a codec search function.\n\nSearch functions are expected to take one argument, the encoding name in\nall lower case letters, and either return None, or a tuple of functions\n(encoder, decoder, stream_reader, stream_writer) (or a CodecInfo object)."),
    PyMethodDef::new("unregister", PyCFunction::O(_codecs_unregister), "unregister($module, search_function, /)\n--\n\nUnregister a codec search function and clear the registry's cache.\n\nIf the search function is not registered, do nothing."),
    PyMethodDef::new("lookup", PyCFunction::O(_codecs_lookup), "lookup($module, encoding, /)\n--\n\nLooks up a codec tuple in the Python codec registry and returns a CodecInfo object."),
    PyMethodDef::new("encode", PyCFunction::FastKw(_codecs_encode), "encode($module, /, obj, encoding='utf-8', errors='strict')\n--\n\nEncodes obj using the codec registered for encoding.\n\nThe default encoding is 'utf-8'.  errors may be given to set a\ndifferent error handling scheme.  Default is 'strict' meaning that encoding\nerrors raise a ValueError.  Other possible values are 'ignore', 'replace'\nand 'backslashreplace' as well as any other name registered with\ncodecs.register_error that can handle ValueErrors."),
    PyMethodDef::new("decode", PyCFunction::FastKw(_codecs_decode), "decode($module, /, obj, encoding='utf-8', errors='strict')\n--\n\nDecodes obj using the codec registered for encoding.\n\nDefault encoding is 'utf-8'.  errors may be given to set a\ndifferent error handling scheme.  Default is 'strict' meaning that encoding\nerrors raise a ValueError.  Other possible values are 'ignore', 'replace'\nand 'backslashreplace' as well as any other name registered with\ncodecs.register_error that can handle ValueErrors."),
    PyMethodDef::new("_forget_codec", PyCFunction::O(_codecs__forget_codec), "_forget_codec($module, encoding, /)\n--\n\nPurge the named codec from the internal codec lookup cache"),
    fast!("escape_encode", _codecs_escape_encode, "($module, data, errors=None, /)"),
    fast!("escape_decode", _codecs_escape_decode, "($module, data, errors=None, /)"),
    fast!("utf_7_encode", _codecs_utf_7_encode, "($module, str, errors=None, /)"),
    fast!("utf_7_decode", _codecs_utf_7_decode, "($module, data, errors=None, final=False, /)"),
    fast!("utf_8_encode", _codecs_utf_8_encode, "($module, str, errors=None, /)"),
    fast!("utf_8_decode", _codecs_utf_8_decode, "($module, data, errors=None, final=False, /)"),
    fast!("utf_16_encode", _codecs_utf_16_encode, "($module, str, errors=None, byteorder=0, /)"),
    fast!("utf_16_decode", _codecs_utf_16_decode, "($module, data, errors=None, final=False, /)"),
    fast!("utf_16_le_encode", _codecs_utf_16_le_encode, "($module, str, errors=None, /)"),
    fast!("utf_16_le_decode", _codecs_utf_16_le_decode, "($module, data, errors=None, final=False, /)"),
    fast!("utf_16_be_encode", _codecs_utf_16_be_encode, "($module, str, errors=None, /)"),
    fast!("utf_16_be_decode", _codecs_utf_16_be_decode, "($module, data, errors=None, final=False, /)"),
    fast!("utf_16_ex_decode", _codecs_utf_16_ex_decode, "($module, data, errors=None, byteorder=0, final=False, /)"),
    fast!("utf_32_encode", _codecs_utf_32_encode, "($module, str, errors=None, byteorder=0, /)"),
    fast!("utf_32_decode", _codecs_utf_32_decode, "($module, data, errors=None, final=False, /)"),
    fast!("utf_32_le_encode", _codecs_utf_32_le_encode, "($module, str, errors=None, /)"),
    fast!("utf_32_le_decode", _codecs_utf_32_le_decode, "($module, data, errors=None, final=False, /)"),
    fast!("utf_32_be_encode", _codecs_utf_32_be_encode, "($module, str, errors=None, /)"),
    fast!("utf_32_be_decode", _codecs_utf_32_be_decode, "($module, data, errors=None, final=False, /)"),
    fast!("utf_32_ex_decode", _codecs_utf_32_ex_decode, "($module, data, errors=None, byteorder=0, final=False, /)"),
    fast!("unicode_escape_encode", _codecs_unicode_escape_encode, "($module, str, errors=None, /)"),
    fast!("unicode_escape_decode", _codecs_unicode_escape_decode, "($module, data, errors=None, final=True, /)"),
    fast!("raw_unicode_escape_encode", _codecs_raw_unicode_escape_encode, "($module, str, errors=None, /)"),
    fast!("raw_unicode_escape_decode", _codecs_raw_unicode_escape_decode, "($module, data, errors=None, final=True, /)"),
    fast!("latin_1_encode", _codecs_latin_1_encode, "($module, str, errors=None, /)"),
    fast!("latin_1_decode", _codecs_latin_1_decode, "($module, data, errors=None, /)"),
    fast!("ascii_encode", _codecs_ascii_encode, "($module, str, errors=None, /)"),
    fast!("ascii_decode", _codecs_ascii_decode, "($module, data, errors=None, /)"),
    fast!("charmap_encode", _codecs_charmap_encode, "($module, str, errors=None, mapping=None, /)"),
    fast!("charmap_decode", _codecs_charmap_decode, "($module, data, errors=None, mapping=None, /)"),
    PyMethodDef::new("charmap_build", PyCFunction::O(_codecs_charmap_build), "charmap_build($module, map, /)\n--\n\n"),
    fast!("readbuffer_encode", _codecs_readbuffer_encode, "($module, data, errors=None, /)"),
    PyMethodDef::new("register_error", PyCFunction::Fast(_codecs_register_error), "register_error($module, errors, handler, /)\n--\n\nRegister the specified error handler under the name errors.\n\nhandler must be a callable object, that will be called with an exception\ninstance containing information about the location of the encoding/decoding\nerror and must return a (replacement, new position) tuple."),
    PyMethodDef::new("lookup_error", PyCFunction::O(_codecs_lookup_error), "lookup_error($module, name, /)\n--\n\nlookup_error(errors) -> handler\n\nReturn the error handler for the specified error handling name or raise a\nLookupError, if no handler exists under this name."),
];

/// Make the `_codecs` module (`PyInit__codecs`).
pub fn PyInit__codecs() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&EncodingMapType)?;
    let m = PyModule_New("_codecs")?;
    PyModule_AddFunctions(&m, &CODECS_METHODS)?;
    Ok(m)
}
