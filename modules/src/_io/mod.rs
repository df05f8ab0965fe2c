//! The `_io` module: `open()`, the I/O class hierarchy and the helpers its files
//! share. Mirrors Modules/_io/_iomodule.c (CPython 3.11); the classes live in the
//! sibling files, one per C file:
//!
//! | pyrs                 | CPython                      | classes                          |
//! |----------------------|------------------------------|----------------------------------|
//! | `iobase.rs`          | Modules/_io/iobase.c         | `_IOBase`, `_RawIOBase`          |
//! | `fileio.rs`          | Modules/_io/fileio.c         | `FileIO`                         |
//! | `bufferedio.rs`      | Modules/_io/bufferedio.c     | `_BufferedIOBase`, `Buffered*`   |
//! | `bytesio.rs`         | Modules/_io/bytesio.c        | `BytesIO`                        |
//! | `textio.rs`          | Modules/_io/textio.c         | `_TextIOBase`, `TextIOWrapper`, `IncrementalNewlineDecoder` |
//! | `stringio.rs`        | Modules/_io/stringio.c       | `StringIO`                       |
//! | `docs.rs`            | Modules/_io/clinic/*.h       | the docstrings                   |
//!
//! Differences from CPython:
//! - Text encodings are the built-in codecs of `objects::codecs` (UTF-8, UTF-8-SIG,
//!   UTF-16/32, ASCII, Latin-1 and their aliases), decoded incrementally in Rust; other
//!   encodings raise `LookupError: unknown encoding` in `TextIOWrapper`.
//! - `open(..., buffering=1)` in binary mode does not emit its `RuntimeWarning` (pyrs
//!   has no `warnings` module yet), and no `ResourceWarning` is emitted for files
//!   freed while open; `EncodingWarning` (`-X warn_default_encoding`) is not emitted.
//! - Objects are thread-unsafe in the same way the rest of pyrs is: there is one
//!   interpreter thread, so the buffered objects carry no lock.

pub mod bufferedio;
pub mod bytesio;
pub mod docs;
pub mod fileio;
pub mod iobase;
pub mod stringio;
pub mod textio;

use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::exceptions::PyExc_OverflowError;
use objects::getargs::{unpack_keywords, ArgSpec};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, Py_None};
use objects::prelude::*;
use objects::r#abstract::{PyIndex_Check, PyNumber_AsSsize_t, PyNumber_Index};
use objects::typeobject::PyType_Ready;
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

/// `DEFAULT_BUFFER_SIZE`: the buffer size used when the file system does not suggest
/// one (8 KiB).
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

// --- Module state -------------------------------------------------------------------------

/// `io.UnsupportedOperation`, made once (a class deriving from `OSError` and
/// `ValueError`, created by calling `type` as `_iomodule.c` does).
static UNSUPPORTED_OPERATION: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);

/// `io.UnsupportedOperation` as a type, creating it on first use.
pub fn unsupported_operation_type() -> PyResult<&'static PyTypeObject> {
    // CPython sets `__module__` to 'io' from Lib/io.py ("pretend this exception was
    // created here"); naming it io.UnsupportedOperation gives the same result.
    objects::pyerrors::cached_exception_type(
        &UNSUPPORTED_OPERATION,
        "io.UnsupportedOperation",
        &[
            &objects::exceptions::PyExc_OSError,
            &objects::exceptions::PyExc_ValueError,
        ],
    )
}

/// Raise `io.UnsupportedOperation(msg)`.
pub fn unsupported(msg: &str) -> PyErr {
    match unsupported_operation_type() {
        Ok(tp) => PyErr_SetString(tp, msg),
        Err(e) => e,
    }
}

// --- Argument helpers shared by the classes -----------------------------------------------

/// `_Py_convert_optional_to_ssize_t`: a size argument that may be None (-1) or any
/// integer-like object.
pub fn optional_ssize(arg: Option<&PyObject>) -> PyResult<isize> {
    match arg {
        None => Ok(-1),
        Some(o) if o.is(Py_None()) => Ok(-1),
        Some(o) if PyIndex_Check(o) => PyNumber_AsSsize_t(o, Some(&PyExc_OverflowError)),
        Some(o) => Err(type_error(format!(
            "argument should be integer or None, not '{}'",
            o.ob_type().name()
        ))),
    }
}

/// Argument Clinic's `Py_ssize_t` converter (no None): `PyNumber_AsSsize_t` with
/// `OverflowError`.
pub fn ssize_arg(o: &PyObject) -> PyResult<isize> {
    PyNumber_AsSsize_t(o, Some(&PyExc_OverflowError))
}

/// `_PyLong_AsInt` as Argument Clinic's `int` converter uses it.
pub fn int_arg(o: &PyObject) -> PyResult<i32> {
    let v = PyNumber_Index(o)?;
    objects::longobject::PyLong_AsSsize_t_opt(&v)
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| overflow_error("Python int too large to convert to C int"))
}

/// `PyNumber_AsOff_t`: a file offset (`off_t`, 64 bits here).
pub fn off_arg(o: &PyObject) -> PyResult<i64> {
    let v = PyNumber_Index(o)?;
    match objects::longobject::PyLong_AsSsize_t_opt(&v) {
        Some(n) => Ok(n as i64),
        None => Err(overflow_error("Python int too large to convert to C long")),
    }
}

/// Argument Clinic's `str(accept={str, NoneType})` converter: `None` for absent or
/// None, the text otherwise (refusing embedded NULs, as a C string would).
pub fn optional_str_arg<'a>(
    fname: &str,
    argname: &str,
    o: Option<&'a PyObjectRef>,
) -> PyResult<Option<&'a str>> {
    match o {
        None => Ok(None),
        Some(o) if o.is(Py_None()) => Ok(None),
        Some(o) => {
            if !PyUnicodeObject::check(o) {
                return Err(type_error(format!(
                    "{fname}() argument '{argname}' must be str or None, not {}",
                    o.ob_type().name()
                )));
            }
            let s = objects::unicodeobject::as_str_strict(o)?;
            if s.contains('\0') {
                return Err(value_error("embedded null character"));
            }
            Ok(Some(s))
        }
    }
}

/// Argument Clinic's `str` converter.
pub fn str_arg<'a>(fname: &str, argname: &str, o: &'a PyObject) -> PyResult<&'a str> {
    if !PyUnicodeObject::check(o) {
        return Err(objects::longobject::_PyArg_BadArgument(
            fname,
            &format!("argument '{argname}'"),
            "str",
            o,
        ));
    }
    let s = objects::unicodeobject::as_str_strict(o)?;
    if s.contains('\0') {
        return Err(value_error("embedded null character"));
    }
    Ok(s)
}

/// Argument Clinic's `bool(accept={int})` converter (`_PyLong_AsInt(x) != 0`).
pub fn bool_int_arg(o: &PyObject) -> PyResult<bool> {
    Ok(int_arg(o)? != 0)
}

/// Resize `buf` to `n` elements, new ones zero; `MemoryError` instead of aborting
/// when the memory cannot be had (a seek far past the end, then a write).
pub fn grow_zeroed<T: Copy + Default>(buf: &mut Vec<T>, n: usize) -> PyResult<()> {
    if n > buf.len() {
        let extra = n - buf.len();
        if n.checked_mul(std::mem::size_of::<T>())
            .is_none_or(|b| b > isize::MAX as usize)
            || buf.try_reserve_exact(extra).is_err()
        {
            return Err(PyErr_NoMemory());
        }
    }
    buf.resize(n, T::default());
    Ok(())
}

/// `n` zero bytes, or `MemoryError` when they cannot be had (sizes come from the
/// program: `read(2**62)`, `BufferedReader(raw, 2**62)`).
pub fn try_zeroed(n: usize) -> PyResult<Vec<u8>> {
    let mut v: Vec<u8> = Vec::new();
    grow_zeroed(&mut v, n)?;
    Ok(v)
}

/// `obj.name(*args)`.
#[inline]
pub fn call_method(obj: &PyObject, name: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::call::PyObject_CallMethod(obj, name, args)
}

/// `bool(obj.name)` where the attribute is a property such as `closed`.
pub fn attr_is_true(obj: &PyObject, name: &PyObject) -> PyResult<bool> {
    let v = objects::object::PyObject_GetAttr(obj, name)?;
    objects::object::PyObject_IsTrue(&v)
}

/// `os.fspath(obj)` (`PyOS_FSPath`): str and bytes pass, other objects must have
/// `__fspath__` returning one of them.
pub fn fspath(obj: &PyObject) -> PyResult {
    if PyUnicodeObject::check(obj) || objects::bytesobject::PyBytesObject::check(obj) {
        return Ok(obj.to_owned());
    }
    let Some(func) =
        objects::typeobject::_PyObject_LookupSpecial(obj, objects::intern!("__fspath__"))?
    else {
        return Err(type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            obj.ob_type().name()
        )));
    };
    let path = objects::call::PyObject_CallNoArgs(&func)?;
    if !(PyUnicodeObject::check(&path) || objects::bytesobject::PyBytesObject::check(&path)) {
        return Err(type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            obj.ob_type().name(),
            path.ob_type().name()
        )));
    }
    Ok(path)
}

/// The error for an operation on a closed file that `_IOBase` checks
/// (`_PyIOBase_check_closed`).
pub fn err_closed_iobase() -> PyErr {
    value_error("I/O operation on closed file.")
}

/// The locale's encoding (`_Py_GetLocaleEncoding`): `nl_langinfo(CODESET)` for the
/// locale the environment selects. CPython coerces the C and POSIX locales to UTF-8
/// at start-up (PEP 538), so they give "UTF-8" too.
pub fn locale_encoding() -> String {
    static CACHE: GlobalCell<Option<String>> = GlobalCell::new(None);
    // SAFETY: single-threaded; the borrow ends before anything else runs.
    if let Some(s) = unsafe { CACHE.get_ref() } {
        return s.clone();
    }
    let enc = query_locale_codeset();
    // SAFETY: as above.
    unsafe { *CACHE.get_mut() = Some(enc.clone()) };
    enc
}

fn query_locale_codeset() -> String {
    // SAFETY: `setlocale` and `nl_langinfo` are called on the interpreter thread
    // while no other code uses the locale; the previous LC_CTYPE is restored, and
    // the strings they return are copied before the next call.
    unsafe {
        let old = libc::setlocale(libc::LC_CTYPE, std::ptr::null());
        let saved = if old.is_null() {
            None
        } else {
            Some(std::ffi::CStr::from_ptr(old).to_owned())
        };
        let set = libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
        let codeset = if set.is_null() {
            String::new()
        } else {
            let p = libc::nl_langinfo(libc::CODESET);
            if p.is_null() {
                String::new()
            } else {
                std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
            }
        };
        if let Some(s) = saved {
            libc::setlocale(libc::LC_CTYPE, s.as_ptr());
        }
        // The C locale's codeset is ASCII, which CPython's locale coercion replaces.
        if codeset.is_empty() || codeset == "ANSI_X3.4-1968" || codeset == "ASCII" {
            "UTF-8".to_string()
        } else {
            codeset
        }
    }
}

// --- open() --------------------------------------------------------------------------------

/// The parsed `mode` of `open()`.
#[derive(Default, Clone, Copy)]
struct OpenMode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

/// `_io.open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)` (`_io_open_impl`).
fn io_open(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let spec = ArgSpec {
        fname: "open",
        names: &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        posonly: 0,
        maxpos: 8,
        minpos: 1,
        required_kwonly: &[],
    };
    let a = unpack_keywords(&spec, args, kwnames)?;
    let file = a[0].clone().unwrap_or_else(none);
    let mode = match &a[1] {
        Some(m) => str_arg("open", "mode", m)?,
        None => "r",
    };
    let buffering = match &a[2] {
        Some(b) => int_arg(b)?,
        None => -1,
    };
    let encoding = optional_str_arg("open", "encoding", a[3].as_ref())?;
    let errors = optional_str_arg("open", "errors", a[4].as_ref())?;
    let newline = optional_str_arg("open", "newline", a[5].as_ref())?;
    let closefd = match &a[6] {
        Some(c) => bool_int_arg(c)?,
        None => true,
    };
    let opener = a[7].clone().filter(|o| !o.is(Py_None()));
    _io_open_impl(
        &file, mode, buffering, encoding, errors, newline, closefd, opener,
    )
}

/// The body of `open()`, also used to make the standard streams.
#[allow(clippy::too_many_arguments)]
pub fn _io_open_impl(
    file: &PyObject,
    mode: &str,
    buffering: i32,
    encoding: Option<&str>,
    errors: Option<&str>,
    newline: Option<&str>,
    closefd: bool,
    opener: Option<PyObjectRef>,
) -> PyResult {
    let mut m = OpenMode::default();
    let bytes = mode.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        let flag = match c {
            b'x' => &mut m.creating,
            b'r' => &mut m.reading,
            b'w' => &mut m.writing,
            b'a' => &mut m.appending,
            b'+' => &mut m.updating,
            b't' => &mut m.text,
            b'b' => &mut m.binary,
            _ => return Err(value_error(format!("invalid mode: '{mode}'"))),
        };
        *flag = true;
        // A letter may appear only once.
        if bytes[i + 1..].contains(&c) {
            return Err(value_error(format!("invalid mode: '{mode}'")));
        }
    }
    let mut rawmode = String::with_capacity(5);
    if m.creating {
        rawmode.push('x');
    }
    if m.reading {
        rawmode.push('r');
    }
    if m.writing {
        rawmode.push('w');
    }
    if m.appending {
        rawmode.push('a');
    }
    if m.updating {
        rawmode.push('+');
    }
    if m.text && m.binary {
        return Err(value_error("can't have text and binary mode at once"));
    }
    if (m.creating as u8 + m.reading as u8 + m.writing as u8 + m.appending as u8) > 1 {
        return Err(value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if m.binary && encoding.is_some() {
        return Err(value_error("binary mode doesn't take an encoding argument"));
    }
    if m.binary && errors.is_some() {
        return Err(value_error("binary mode doesn't take an errors argument"));
    }
    if m.binary && newline.is_some() {
        return Err(value_error("binary mode doesn't take a newline argument"));
    }
    if m.binary && buffering == 1 {
        objects::pyhooks::PyErr_WarnEx(
            &objects::exceptions::PyExc_RuntimeWarning,
            "line buffering (buffering=1) isn't supported in binary mode, \
             the default buffer size will be used",
            1,
        )?;
    }

    // The raw file.
    let raw = fileio::fileio_new_for_open(file, &rawmode, closefd, opener)?;
    let result = (|| -> PyResult {
        let mut buffering = buffering;
        let mut line_buffering = false;
        let isatty = if buffering < 0 {
            let r = call_method(&raw, objects::intern!("isatty"), &[])?;
            objects::object::PyObject_IsTrue(&r)?
        } else {
            false
        };
        if buffering == 1 || isatty {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            let blk = objects::object::PyObject_GetAttr(&raw, objects::intern!("_blksize"))?;
            let b = objects::longobject::PyLong_AsLong(&blk)?;
            buffering = i32::try_from(b)
                .map_err(|_| overflow_error("Python int too large to convert to C int"))?;
        }
        if buffering < 0 {
            return Err(value_error("invalid buffering size"));
        }
        if buffering == 0 {
            if !m.binary {
                return Err(value_error("can't have unbuffered text I/O"));
            }
            return Ok(raw.clone());
        }
        let size = objects::longobject::PyLong_FromLong(buffering as i64);
        let buffer = if m.updating {
            bufferedio::buffered_new(&bufferedio::PyBufferedRandom_Type, raw.clone(), size)?
        } else if m.creating || m.writing || m.appending {
            bufferedio::buffered_new(&bufferedio::PyBufferedWriter_Type, raw.clone(), size)?
        } else if m.reading {
            bufferedio::buffered_new(&bufferedio::PyBufferedReader_Type, raw.clone(), size)?
        } else {
            return Err(value_error(format!("unknown mode: '{mode}'")));
        };
        if m.binary {
            return Ok(buffer);
        }
        let wrapper = textio::textiowrapper_new(
            &textio::PyTextIOWrapper_Type,
            buffer,
            encoding,
            errors,
            newline,
            line_buffering,
            false,
        )?;
        objects::object::PyObject_SetAttr(
            &wrapper,
            objects::intern!("mode"),
            Some(&PyUnicode_FromString(mode)),
        )?;
        Ok(wrapper)
    })();
    match result {
        Ok(r) => Ok(r),
        Err(e) => {
            // Close the raw file on failure, keeping the first error.
            let _ = call_method(&raw, objects::intern!("close"), &[]);
            Err(e)
        }
    }
}

/// `_io.text_encoding(encoding, stacklevel=2, /)`: "locale" for None (pyrs runs
/// without UTF-8 mode, like CPython in a UTF-8 locale), the argument otherwise.
fn io_text_encoding(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("text_encoding", args.len(), 1, 2)?;
    if let Some(level) = args.get(1) {
        int_arg(level)?;
    }
    if args[0].is(Py_None()) {
        return Ok(PyUnicode_FromString("locale"));
    }
    Ok(args[0].clone())
}

/// `_io.open_code(path)`: `open(path, 'rb')`, with no hook installed.
fn io_open_code(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let spec = ArgSpec {
        fname: "open_code",
        names: &["path"],
        posonly: 0,
        maxpos: 1,
        minpos: 1,
        required_kwonly: &[],
    };
    let a = unpack_keywords(&spec, args, kwnames)?;
    let path = a[0].clone().unwrap_or_else(none);
    if !PyUnicodeObject::check(&path) {
        return Err(objects::longobject::_PyArg_BadArgument(
            "open_code",
            "argument 'path'",
            "str",
            &path,
        ));
    }
    _io_open_impl(&path, "rb", -1, None, None, None, true, None)
}

static IO_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new("open", PyCFunction::FastKw(io_open), docs::MOD_OPEN),
    PyMethodDef::new(
        "open_code",
        PyCFunction::FastKw(io_open_code),
        docs::MOD_OPEN_CODE,
    ),
    PyMethodDef::new(
        "text_encoding",
        PyCFunction::Fast(io_text_encoding),
        docs::MOD_TEXT_ENCODING,
    ),
];

/// Every static type of the module, bases first.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![
        &iobase::PyIOBase_Type,
        &iobase::PyRawIOBase_Type,
        &bufferedio::PyBufferedIOBase_Type,
        &textio::PyTextIOBase_Type,
        &fileio::PyFileIO_Type,
        &bytesio::PyBytesIO_Type,
        &bytesio::_PyBytesIOBuffer_Type,
        &stringio::PyStringIO_Type,
        &bufferedio::PyBufferedReader_Type,
        &bufferedio::PyBufferedWriter_Type,
        &bufferedio::PyBufferedRandom_Type,
        &bufferedio::PyBufferedRWPair_Type,
        &textio::PyTextIOWrapper_Type,
        &textio::PyIncrementalNewlineDecoder_Type,
    ]
}

/// Make the `_io` module (`PyInit__io`).
pub fn PyInit__io() -> PyResult<PyRef<PyModuleObject>> {
    for tp in static_types() {
        PyType_Ready(tp)?;
    }
    // The abstract bases inherit `_IOBase.__new__`, as static types with a base
    // other than `object` do in CPython (`type_ready_set_new`); set after readying, so
    // that their dicts get no `__new__` of their own.
    for tp in [
        &iobase::PyRawIOBase_Type,
        &bufferedio::PyBufferedIOBase_Type,
        &textio::PyTextIOBase_Type,
    ] {
        tp.tp_new.set(Some(iobase::iobase_new));
    }
    // CPython's module definition is named "io" (so `_io.__name__` is 'io').
    let m = PyModule_New("io")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(docs::MODULE_DOC))?;
    PyModule_AddFunctions(&m, &IO_METHODS)?;
    PyModule_AddObject(
        &m,
        "DEFAULT_BUFFER_SIZE",
        &objects::longobject::PyLong_FromLong(DEFAULT_BUFFER_SIZE as i64),
    )?;
    PyModule_AddObject(
        &m,
        "UnsupportedOperation",
        unsupported_operation_type()?.as_object(),
    )?;
    PyModule_AddObject(
        &m,
        "BlockingIOError",
        objects::exceptions::PyExc_BlockingIOError.as_object(),
    )?;
    for tp in static_types() {
        let name = tp.tp_name.rsplit('.').next().unwrap_or(tp.tp_name);
        PyModule_AddObject(&m, name, tp.as_object())?;
    }
    Ok(m)
}
