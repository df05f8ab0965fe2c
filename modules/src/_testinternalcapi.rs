//! The `_testinternalcapi` module: a window on interpreter internals for CPython's
//! test suite. Mirrors Modules/_testinternalcapi.c (CPython 3.11).
//!
//! Differences from CPython: only what pyrs can answer truthfully is here:
//! `get_config()` (the start-up configuration, python/src/initconfig.rs),
//! `get_recursion_depth()`, `SIZEOF_PYGC_HEAD`, and `EncodeLocaleEx`/`DecodeLocaleEx`
//! over the locale conversions of Python/fileutils.c (`encode_current_locale`,
//! `decode_current_locale`, written here since nothing else in pyrs needs them; pyrs
//! has no UTF-8 mode, so they always use the C library's LC_CTYPE conversion).
//! CPython's tests of its own C helpers (`test_bswap`, `test_popcount`,
//! `test_bit_length`, `test_hashtable`, `test_atomic_funcs`, `test_edit_cost`,
//! `test_bytes_find`) check C code that pyrs does not have, and `get_configs`,
//! `set_config`, `reset_path_config`, `normalize_path`, `get_getpath_codeobject` and the
//! `set_eval_frame_*` hooks need machinery pyrs lacks (the pre-configuration, a
//! reconfigurable runtime, getpath.py, PEP 523 frame evaluators); they are left out.

use include::methodobject::{PyCFunction, PyMethodDef};
use include::pystate::_PyThreadState_GET;
use objects::longobject::PyLong_FromLong;
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::prelude::*;
use objects::unicodeobject::PyUnicodeObject;

/// `get_configs`'s `config` part: the interpreter's configuration as a dict.
fn test_get_config(_m: &PyObject) -> PyResult {
    let cfg = python::sysmodule::_Py_GetConfig()
        .ok_or_else(|| objects::pyerrors::runtime_error("the interpreter is not configured"))?;
    python::initconfig::_PyConfig_AsDict(cfg)
}

/// `get_recursion_depth`: how deep the caller is (1 at the top level of `__main__`),
/// counted as `RecursionError` counts it. The call of this function itself took one
/// level (`cfunction_enter_call`), which is not the caller's.
fn get_recursion_depth(_m: &PyObject) -> PyResult {
    let ts = _PyThreadState_GET();
    Ok(PyLong_FromLong(
        (ts.recursion_limit.get() - ts.recursion_remaining.get() - 1) as i64,
    ))
}

extern "C" {
    fn mbrtowc(
        pwc: *mut libc::wchar_t,
        s: *const std::ffi::c_char,
        n: usize,
        ps: *mut libc::mbstate_t,
    ) -> usize;
    fn wcstombs(dest: *mut std::ffi::c_char, src: *const libc::wchar_t, n: usize) -> usize;
}

/// How a locale conversion failed (the negative returns of `_Py_EncodeLocaleEx`).
enum LocaleError {
    /// -2: the text cannot be converted; the position and the reason.
    Convert(usize, &'static str),
    /// -3: an error handler other than strict and surrogateescape.
    UnsupportedHandler,
}

/// `get_surrogateescape`: the two error handlers the locale conversions know.
fn get_surrogateescape(errors: Option<&str>) -> Result<bool, LocaleError> {
    match errors {
        None | Some("strict") => Ok(false),
        Some("surrogateescape") => Ok(true),
        Some(_) => Err(LocaleError::UnsupportedHandler),
    }
}

fn is_surrogate(c: u32) -> bool {
    (0xd800..=0xdfff).contains(&c)
}

/// `encode_current_locale` (Python/fileutils.c): each character through `wcstombs` in
/// the LC_CTYPE locale; with surrogateescape, U+DC80..U+DCFF become the bytes they
/// escape.
fn encode_current_locale(text: &[u32], errors: Option<&str>) -> Result<Vec<u8>, LocaleError> {
    let surrogateescape = get_surrogateescape(errors)?;
    let mut out = Vec::with_capacity(text.len());
    for (i, &c) in text.iter().enumerate() {
        if (0xdc80..=0xdcff).contains(&c) {
            if !surrogateescape {
                return Err(LocaleError::Convert(i, "encoding error"));
            }
            out.push((c - 0xdc00) as u8);
            continue;
        }
        let buf = [c as libc::wchar_t, 0];
        let mut bytes = [0u8; 16];
        // SAFETY: `buf` is a NUL-terminated wide string of one character and `bytes`
        // has room for `bytes.len()` bytes, more than any locale's MB_CUR_MAX (16).
        let n = unsafe { wcstombs(bytes.as_mut_ptr().cast(), buf.as_ptr(), bytes.len()) };
        if n == usize::MAX {
            return Err(LocaleError::Convert(i, "encoding error"));
        }
        out.extend_from_slice(&bytes[..n]);
    }
    Ok(out)
}

/// `decode_current_locale` (Python/fileutils.c): `mbrtowc` byte by byte; with
/// surrogateescape an undecodable byte, or the bytes of a decoded surrogate, become
/// U+DC80..U+DCFF. The string stops at its first NUL byte, as a C string does.
fn decode_current_locale(arg: &[u8], errors: Option<&str>) -> Result<Vec<u32>, LocaleError> {
    let surrogateescape = get_surrogateescape(errors)?;
    // The C string with its terminating NUL, which `mbrtowc` also sees: a lead byte
    // at the end is then undecodable rather than incomplete.
    let mut arg = match arg.iter().position(|&b| b == 0) {
        Some(end) => arg[..end].to_vec(),
        None => arg.to_vec(),
    };
    arg.push(0);
    let mut out = Vec::with_capacity(arg.len());
    let mut pos = 0;
    // SAFETY: an all-zero `mbstate_t` is the initial conversion state.
    let mut mbs: libc::mbstate_t = unsafe { std::mem::zeroed() };
    while pos < arg.len() {
        let mut wc: libc::wchar_t = 0;
        // SAFETY: `arg[pos..]` holds `arg.len() - pos` readable bytes, `wc` and `mbs`
        // are valid for writing.
        let converted = unsafe {
            mbrtowc(
                &mut wc,
                arg[pos..].as_ptr().cast(),
                arg.len() - pos,
                &mut mbs,
            )
        };
        if converted == 0 {
            // The terminating NUL.
            break;
        }
        if converted == usize::MAX - 1 {
            // Incomplete, which the NUL at the end rules out unless the C library
            // misbehaves.
            return Err(LocaleError::Convert(pos, "decoding error"));
        }
        if converted == usize::MAX {
            if !surrogateescape {
                return Err(LocaleError::Convert(pos, "decoding error"));
            }
            out.push(0xdc00 + arg[pos] as u32);
            pos += 1;
            // SAFETY: as above, back to the initial state.
            mbs = unsafe { std::mem::zeroed() };
            continue;
        }
        if is_surrogate(wc as u32) {
            if !surrogateescape {
                return Err(LocaleError::Convert(pos, "decoding error"));
            }
            out.extend(arg[pos..pos + converted].iter().map(|&b| 0xdc00 + b as u32));
        } else {
            out.push(wc as u32);
        }
        pos += converted;
    }
    Ok(out)
}

/// The type name in `PyArg_ParseTuple`'s "must be X, not Y" (`converterr`): None is
/// spelt "None".
fn converter_type_name(obj: &PyObject) -> String {
    if obj.is(objects::object::Py_None()) {
        "None".to_string()
    } else {
        obj.ob_type().name().to_string()
    }
}

/// `PyArg_ParseTuple`'s count check for a format of `min` to 3 arguments.
fn check_arg_count(nargs: usize, min: usize) -> PyResult<()> {
    if nargs < min {
        return Err(type_error(format!(
            "function takes at least {min} argument{} ({nargs} given)",
            if min == 1 { "" } else { "s" }
        )));
    }
    if nargs > 3 {
        return Err(type_error(format!(
            "function takes at most 3 arguments ({nargs} given)"
        )));
    }
    Ok(())
}

/// The optional `i` and `s` arguments shared by both functions: `current_locale`
/// (pyrs always converts in the current LC_CTYPE locale, so it is only checked) and
/// `errors`.
fn locale_options(args: &[PyObjectRef]) -> PyResult<Option<&str>> {
    if let Some(current_locale) = args.get(1) {
        objects::longobject::PyLong_AsLong(current_locale)?;
    }
    match args.get(2) {
        None => Ok(None),
        Some(e) => match e.downcast_ref::<PyUnicodeObject>() {
            Some(_) => {
                let s = objects::unicodeobject::as_str_strict(e)?;
                if s.contains('\0') {
                    return Err(value_error("embedded null character"));
                }
                Ok(Some(s))
            }
            None => Err(type_error(format!(
                "argument 3 must be str, not {}",
                converter_type_name(e)
            ))),
        },
    }
}

/// `EncodeLocaleEx(text, current_locale=0, errors=None)`: `_Py_EncodeLocaleEx`.
fn encode_locale_ex(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_arg_count(args.len(), 1)?;
    let Some(text) = args[0].downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "argument 1 must be str, not {}",
            converter_type_name(&args[0])
        )));
    };
    let errors = locale_options(args)?;
    let wide = text.code_points();
    if wide.contains(&0) {
        return Err(value_error("embedded null character"));
    }
    match encode_current_locale(&wide, errors) {
        Ok(bytes) => Ok(objects::bytesobject::PyBytes_FromSlice(&bytes)),
        Err(LocaleError::Convert(pos, reason)) => Err(objects::pyerrors::runtime_error(format!(
            "encode error: pos={pos}, reason={reason}"
        ))),
        Err(LocaleError::UnsupportedHandler) => Err(value_error("unsupported error handler")),
    }
}

/// `DecodeLocaleEx(data, current_locale=0, errors=None)`: `_Py_DecodeLocaleEx`.
fn decode_locale_ex(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_arg_count(args.len(), 1)?;
    let Some(data) = args[0].downcast_ref::<objects::bytesobject::PyBytesObject>() else {
        return Err(type_error(
            if args[0].is_type(&objects::bytearrayobject::PyByteArray_Type) {
                "argument 1 must be read-only bytes-like object, not bytearray".to_string()
            } else {
                format!(
                    "a bytes-like object is required, not '{}'",
                    args[0].ob_type().name()
                )
            },
        ));
    };
    let errors = locale_options(args)?;
    if data.as_bytes().contains(&0) {
        return Err(value_error("embedded null byte"));
    }
    match decode_current_locale(data.as_bytes(), errors) {
        Ok(cps) => Ok(objects::unicodeobject::PyUnicode_FromCodePoints(&cps)),
        Err(LocaleError::Convert(pos, reason)) => Err(objects::pyerrors::runtime_error(format!(
            "decode error: pos={pos}, reason={reason}"
        ))),
        Err(LocaleError::UnsupportedHandler) => Err(value_error("unsupported error handler")),
    }
}

static TEST_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "get_recursion_depth",
        PyCFunction::NoArgs(get_recursion_depth),
        "",
    ),
    PyMethodDef::new("get_config", PyCFunction::NoArgs(test_get_config), ""),
    PyMethodDef::new("EncodeLocaleEx", PyCFunction::Fast(encode_locale_ex), ""),
    PyMethodDef::new("DecodeLocaleEx", PyCFunction::Fast(decode_locale_ex), ""),
];

/// Make the `_testinternalcapi` module (`PyInit__testinternalcapi`).
pub fn PyInit__testinternalcapi() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_testinternalcapi")?;
    PyModule_AddFunctions(&m, &TEST_METHODS)?;
    PyModule_AddObject(
        &m,
        "SIZEOF_PYGC_HEAD",
        &PyLong_FromLong(include::gc::GC_HEAD_SIZE as i64),
    )?;
    Ok(m)
}
