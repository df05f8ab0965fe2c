//! The standard streams before (and until) the `io` module provides them. Mirrors
//! `PyStdPrinter_Type` of Objects/fileobject.c (CPython 3.11), grown into a small
//! buffered text stream over a file descriptor.
//!
//! Differences from CPython: CPython replaces its start-up printer with
//! `io.TextIOWrapper` objects once `io` is imported; pyrs keeps these streams for
//! `sys.stdin`, `sys.stdout` and `sys.stderr` until its `_io` module arrives. They
//! buffer like CPython's: stdout is block-buffered (8 KiB) unless it is a terminal,
//! in which case it is line-buffered; stderr is line-buffered; stdout and stdin use
//! the `surrogateescape` error handler and stderr `backslashreplace`, as CPython does
//! in the UTF-8 locale.

use std::cell::{Cell, RefCell};
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::boolobject::PyBool_FromLong;
use crate::longobject::PyLong_FromSsize_t;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

/// How unencodable characters are written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ErrorHandler {
    /// Lone surrogates U+DC80..U+DCFF become the bytes 0x80..0xFF.
    SurrogateEscape,
    /// Lone surrogates are written as `\udXXX`.
    BackslashReplace,
}

/// A text stream over a file descriptor.
#[repr(C)]
pub struct PyStdPrinterObject {
    pub ob_base: PyObject,
    pub fd: i32,
    pub name: &'static str,
    pub mode: &'static str,
    pub errors: ErrorHandler,
    /// Flush at every newline (stderr, or a terminal).
    pub line_buffering: bool,
    pub closed: Cell<bool>,
    /// Bytes written but not yet passed to the OS.
    pub buffer: RefCell<Vec<u8>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyStdPrinterObject {}

impl PyTypeInfo for PyStdPrinterObject {
    fn type_object() -> &'static PyTypeObject {
        &PyStdPrinter_Type
    }
}

const BUFFER_SIZE: usize = 8192;

/// A stream for `fd`: stdin (0), stdout (1) or stderr (2).
pub fn PyFile_NewStdPrinter(fd: i32) -> PyObjectRef {
    // SAFETY: `isatty` only inspects the descriptor.
    let tty = unsafe { libc::isatty(fd) } == 1;
    let (name, mode, errors, line_buffering) = match fd {
        0 => ("<stdin>", "r", ErrorHandler::SurrogateEscape, tty),
        1 => ("<stdout>", "w", ErrorHandler::SurrogateEscape, tty),
        _ => ("<stderr>", "w", ErrorHandler::BackslashReplace, true),
    };
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyStdPrinter_Type,
            PyStdPrinterObject {
                ob_base: PyObject_HEAD_INIT,
                fd,
                name,
                mode,
                errors,
                line_buffering,
                closed: Cell::new(false),
                buffer: RefCell::new(Vec::new()),
            },
        )
    }
    .into_object()
}

fn as_printer(obj: &PyObject) -> &PyStdPrinterObject {
    // SAFETY: only installed on the printer type.
    unsafe { &*(obj as *const PyObject as *const PyStdPrinterObject) }
}

/// Write all of `data` to `fd`, retrying on interruption.
fn write_all_fd(fd: i32, mut data: &[u8]) -> PyResult<()> {
    while !data.is_empty() {
        // SAFETY: writing from a valid buffer of the given length.
        let n = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if n < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(crate::pyerrors::os_error_from_io(&err));
        }
        data = &data[n as usize..];
    }
    Ok(())
}

impl PyStdPrinterObject {
    /// Pass buffered bytes to the OS.
    pub fn flush(&self) -> PyResult<()> {
        let data = std::mem::take(&mut *self.buffer.borrow_mut());
        write_all_fd(self.fd, &data)
    }

    /// Encode `s` (UTF-8 with this stream's error handler) and buffer it.
    pub fn write_str(&self, s: &PyUnicodeObject) -> PyResult<()> {
        if self.closed.get() {
            return Err(value_error("I/O operation on closed file."));
        }
        let mut bytes: Vec<u8> = Vec::with_capacity(s.len());
        match s.as_str() {
            Some(text) => bytes.extend_from_slice(text.as_bytes()),
            None => {
                for (i, cp) in s.iter().enumerate() {
                    match char::from_u32(cp) {
                        Some(c) => {
                            let mut b = [0u8; 4];
                            bytes.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
                        }
                        None => match self.errors {
                            ErrorHandler::SurrogateEscape if (0xDC80..=0xDCFF).contains(&cp) => {
                                bytes.push((cp - 0xDC00) as u8);
                            }
                            ErrorHandler::BackslashReplace => {
                                bytes.extend_from_slice(format!("\\u{cp:04x}").as_bytes());
                            }
                            _ => {
                                return Err(crate::codecs::encode_error(
                                    "utf-8",
                                    s.as_object(),
                                    i,
                                    i + 1,
                                    "surrogates not allowed",
                                ));
                            }
                        },
                    }
                }
            }
        }
        let mut buf = self.buffer.borrow_mut();
        buf.extend_from_slice(&bytes);
        let flush = buf.len() >= BUFFER_SIZE || (self.line_buffering && bytes.contains(&b'\n'));
        drop(buf);
        if flush {
            self.flush()?;
        }
        Ok(())
    }

    /// Read one line (up to and including `\n`), or everything left with `None`.
    pub fn read_line(&self) -> PyResult<Vec<u8>> {
        let mut out = Vec::new();
        let mut byte = [0u8; 1];
        loop {
            // SAFETY: reading into a valid one-byte buffer.
            let n = unsafe { libc::read(self.fd, byte.as_mut_ptr() as *mut libc::c_void, 1) };
            if n < 0 {
                let err = std::io::Error::last_os_error();
                if err.kind() == std::io::ErrorKind::Interrupted {
                    crate::pyhooks::check_signals()?;
                    continue;
                }
                return Err(crate::pyerrors::os_error_from_io(&err));
            }
            if n == 0 {
                break;
            }
            out.push(byte[0]);
            if byte[0] == b'\n' {
                break;
            }
        }
        Ok(out)
    }
}

/// Decode bytes read from a stream (UTF-8, `surrogateescape`).
pub fn decode_surrogateescape(bytes: &[u8]) -> PyObjectRef {
    match std::str::from_utf8(bytes) {
        Ok(s) => PyUnicode_FromString(s),
        Err(_) => {
            let mut cps: Vec<u32> = Vec::with_capacity(bytes.len());
            let mut rest = bytes;
            while !rest.is_empty() {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        cps.extend(s.chars().map(|c| c as u32));
                        break;
                    }
                    Err(e) => {
                        let (good, bad) = rest.split_at(e.valid_up_to());
                        // SAFETY: `valid_up_to` bytes are valid UTF-8.
                        cps.extend(
                            unsafe { std::str::from_utf8_unchecked(good) }
                                .chars()
                                .map(|c| c as u32),
                        );
                        let skip = e.error_len().unwrap_or(bad.len()).max(1);
                        for &b in &bad[..skip] {
                            cps.push(0xDC00 + b as u32);
                        }
                        rest = &bad[skip..];
                    }
                }
            }
            crate::unicodeobject::PyUnicode_FromCodePoints(&cps)
        }
    }
}

fn printer_write(obj: &PyObject, arg: &PyObject) -> PyResult {
    let p = as_printer(obj);
    let Some(s) = arg.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            arg.ob_type().name()
        )));
    };
    p.write_str(s)?;
    Ok(PyLong_FromSsize_t(s.len() as isize))
}

fn printer_flush(obj: &PyObject) -> PyResult {
    as_printer(obj).flush()?;
    Ok(none())
}

fn printer_readline(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("readline", args.len(), 0, 1)?;
    let line = as_printer(obj).read_line()?;
    Ok(decode_surrogateescape(&line))
}

fn printer_read(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("read", args.len(), 0, 1)?;
    let p = as_printer(obj);
    let mut all = Vec::new();
    loop {
        let line = p.read_line()?;
        if line.is_empty() {
            break;
        }
        all.extend_from_slice(&line);
    }
    Ok(decode_surrogateescape(&all))
}

fn printer_fileno(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromSsize_t(as_printer(obj).fd as isize))
}

fn printer_isatty(obj: &PyObject) -> PyResult {
    // SAFETY: `isatty` only inspects the descriptor.
    let tty = unsafe { libc::isatty(as_printer(obj).fd) } == 1;
    Ok(PyBool_FromLong(tty))
}

fn printer_writable(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_printer(obj).fd != 0))
}

fn printer_readable(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_printer(obj).fd == 0))
}

fn printer_close(obj: &PyObject) -> PyResult {
    let p = as_printer(obj);
    p.flush()?;
    p.closed.set(true);
    Ok(none())
}

fn printer_repr(obj: &PyObject) -> PyResult {
    let p = as_printer(obj);
    Ok(PyUnicode_FromString(&format!(
        "<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>",
        p.name, p.mode
    )))
}

fn printer_get_closed(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_printer(obj).closed.get()))
}

fn printer_get_encoding(_obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("utf-8"))
}

fn printer_get_errors(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(match as_printer(obj).errors {
        ErrorHandler::SurrogateEscape => "surrogateescape",
        ErrorHandler::BackslashReplace => "backslashreplace",
    }))
}

fn printer_get_name(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(as_printer(obj).name))
}

fn printer_get_mode(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(as_printer(obj).mode))
}

fn printer_get_line_buffering(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_printer(obj).line_buffering))
}

static PRINTER_METHODS: [PyMethodDef; 10] = [
    PyMethodDef::new("write", PyCFunction::O(printer_write), "write($self, text, /)\n--\n\nWrite string to stream.\nReturns the number of characters written (which is always equal to\nthe length of the string)."),
    PyMethodDef::new("flush", PyCFunction::NoArgs(printer_flush), "flush($self, /)\n--\n\n"),
    PyMethodDef::new("readline", PyCFunction::Fast(printer_readline), "readline($self, size=-1, /)\n--\n\n"),
    PyMethodDef::new("read", PyCFunction::Fast(printer_read), "read($self, size=-1, /)\n--\n\n"),
    PyMethodDef::new("fileno", PyCFunction::NoArgs(printer_fileno), "fileno($self, /)\n--\n\n"),
    PyMethodDef::new("isatty", PyCFunction::NoArgs(printer_isatty), "isatty($self, /)\n--\n\n"),
    PyMethodDef::new("writable", PyCFunction::NoArgs(printer_writable), "writable($self, /)\n--\n\n"),
    PyMethodDef::new("readable", PyCFunction::NoArgs(printer_readable), "readable($self, /)\n--\n\n"),
    PyMethodDef::new("close", PyCFunction::NoArgs(printer_close), "close($self, /)\n--\n\n"),
    PyMethodDef::new("seekable", PyCFunction::NoArgs(printer_readable_false), "seekable($self, /)\n--\n\n"),
];

fn printer_readable_false(_obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(false))
}

static PRINTER_GETSET: [PyGetSetDef; 6] = [
    PyGetSetDef::getter("closed", printer_get_closed),
    PyGetSetDef::getter("encoding", printer_get_encoding),
    PyGetSetDef::getter("errors", printer_get_errors),
    PyGetSetDef::getter("name", printer_get_name),
    PyGetSetDef::getter("mode", printer_get_mode),
    PyGetSetDef::getter("line_buffering", printer_get_line_buffering),
];

unsafe fn printer_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead printer; buffered output is flushed before it goes.
    unsafe {
        let p = &*(op as *const PyStdPrinterObject);
        let data = std::mem::take(&mut *p.buffer.borrow_mut());
        if !data.is_empty() {
            let _ = write_all_fd(p.fd, &data);
        }
        dealloc_object::<PyStdPrinterObject>(op)
    }
}

/// The standard streams' type.
pub static PyStdPrinter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "stderrprinter",
    tp_basicsize: Cell::new(size_of::<PyStdPrinterObject>()),
    tp_dealloc: slot(printer_dealloc),
    tp_repr: slot(printer_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
    tp_methods: &PRINTER_METHODS,
    tp_getset: &PRINTER_GETSET,
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyStdPrinter_Type]
}
