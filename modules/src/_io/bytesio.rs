//! `_io.BytesIO`: a binary stream over an in-memory buffer. Mirrors
//! Modules/_io/bytesio.c (CPython 3.11).
//!
//! Differences from CPython: the buffer is a `Vec<u8>` rather than a bytes object, so
//! `getvalue()` copies instead of sharing an unchanged buffer, and `__sizeof__`
//! counts the buffer whenever there is one.

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::*;
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::boolobject::PyBool_FromLong;
use objects::bytesobject::{buffer_arg, PyBytes_FromSlice};
use objects::exceptions::PyExc_BufferError;
use objects::listobject::{PyList_Append, PyList_New};
use objects::longobject::{PyLongObject, PyLong_FromSsize_t};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::r#abstract::{PyIter_Next, PyObject_GetIter};
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::PyType_Type;

use super::bufferedio::PyBufferedIOBase_Type;
use super::docs;
use super::iobase::{self, IO_FLAGS};
use super::optional_ssize;

/// `bytesio`: the buffer (its length is CPython's allocated size), the logical size
/// and the position.
#[repr(C)]
pub struct PyBytesIOObject {
    pub ob_base: PyObject,
    /// The buffer; `None` once closed. Bytes past `string_size` are slack.
    buf: PyCell<Option<Vec<u8>>>,
    pos: Cell<usize>,
    string_size: Cell<usize>,
    pub dict: PyCell<Option<PyObjectRef>>,
    pub weakreflist: PyCell<Option<PyObjectRef>>,
    /// Buffer views handed out; resizing is refused while any exist.
    exports: Cell<isize>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyBytesIOObject {}

impl PyTypeInfo for PyBytesIOObject {
    fn type_object() -> &'static PyTypeObject {
        &PyBytesIO_Type
    }
}

fn as_bytesio(obj: &PyObject) -> &PyBytesIOObject {
    // SAFETY: the methods of `BytesIO` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const PyBytesIOObject) }
}

impl PyBytesIOObject {
    /// `CHECK_CLOSED`.
    fn check_closed(&self) -> PyResult<()> {
        // SAFETY: the borrow ends within the expression.
        if unsafe { self.buf.get_ref() }.is_none() {
            return Err(value_error("I/O operation on closed file."));
        }
        Ok(())
    }

    /// `CHECK_EXPORTS`.
    fn check_exports(&self) -> PyResult<()> {
        if self.exports.get() > 0 {
            return Err(PyErr_SetString(
                &PyExc_BufferError,
                "Existing exports of data: object cannot be re-sized",
            ));
        }
        Ok(())
    }

    /// Run `f` on the open buffer. `f` runs no Python code.
    fn with_buf<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> PyResult<R> {
        // SAFETY: no Python code runs while the buffer is borrowed.
        match unsafe { self.buf.get_mut() } {
            Some(b) => Ok(f(b)),
            None => Err(value_error("I/O operation on closed file.")),
        }
    }

    /// `resize_buffer`: CPython's allocation policy, so that the buffer's size (seen
    /// through `__sizeof__`) grows as it does there.
    fn resize_buffer(buf: &mut Vec<u8>, size: usize) -> PyResult<()> {
        let alloc = buf.len();
        let new_alloc = if size < alloc / 2 {
            // A major shrink: to the exact size.
            size + 1
        } else if size < alloc {
            return Ok(());
        } else if size as f64 <= alloc as f64 * 1.125 {
            size + (size >> 3) + if size < 9 { 3 } else { 6 }
        } else {
            size + 1
        };
        super::grow_zeroed(buf, new_alloc)
    }

    /// `write_bytes`: write at the position, zero-filling any gap past the end.
    fn write_bytes(&self, data: &[u8]) -> PyResult<usize> {
        let n = data.len();
        if n == 0 {
            return Ok(0);
        }
        let pos = self.pos.get();
        let size = self.string_size.get();
        let endpos = pos
            .checked_add(n)
            .ok_or_else(|| overflow_error("new buffer size too large"))?;
        self.with_buf(|buf| -> PyResult<()> {
            if endpos > buf.len() {
                Self::resize_buffer(buf, endpos)?;
            }
            if pos > size {
                buf[size..pos].fill(0);
            }
            buf[pos..endpos].copy_from_slice(data);
            Ok(())
        })??;
        self.pos.set(endpos);
        if endpos > size {
            self.string_size.set(endpos);
        }
        Ok(n)
    }

    /// `scan_eol`: the length of the next line (up to `limit`), 0 at the end.
    fn scan_eol(&self, limit: isize) -> PyResult<usize> {
        let pos = self.pos.get();
        let size = self.string_size.get();
        if pos >= size {
            return Ok(0);
        }
        let maxlen = size - pos;
        let len = if limit < 0 || limit as usize > maxlen {
            maxlen
        } else {
            limit as usize
        };
        if len == 0 {
            return Ok(0);
        }
        self.with_buf(|buf| {
            match buf
                .get(pos..pos + len)
                .unwrap_or(&[])
                .iter()
                .position(|&c| c == b'\n')
            {
                Some(i) => i + 1,
                None => len,
            }
        })
    }

    /// `read_bytes`: the next `n` bytes as a bytes object.
    fn read_bytes(&self, n: usize) -> PyResult {
        let pos = self.pos.get();
        let out = self.with_buf(|buf| PyBytes_FromSlice(buf.get(pos..pos + n).unwrap_or(&[])))?;
        self.pos.set(pos + n);
        Ok(out)
    }
}

// --- Construction ------------------------------------------------------------------------

fn bytesio_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    // SAFETY: `tp` is `BytesIO` or a subclass; the rest of a subclass instance is zeroed.
    let obj = unsafe {
        alloc_object(
            tp,
            PyBytesIOObject {
                ob_base: PyObject_HEAD_INIT,
                buf: PyCell::new(Some(Vec::new())),
                pos: Cell::new(0),
                string_size: Cell::new(0),
                dict: PyCell::new(None),
                weakreflist: PyCell::new(None),
                exports: Cell::new(0),
            },
        )
    };
    Ok(obj.into_object())
}

/// `BytesIO.__init__(initial_bytes=b'')`.
fn bytesio_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let a = objects::getargs::unpack_keywords(
        &objects::getargs::ArgSpec {
            fname: "BytesIO",
            names: &["initial_bytes"],
            posonly: 0,
            maxpos: 1,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let b = as_bytesio(obj);
    // In case `__init__` is called several times.
    b.check_exports()?;
    b.string_size.set(0);
    b.pos.set(0);
    b.buf.set(Some(Vec::new()));
    if let Some(init) = a[0].as_ref().filter(|v| !v.is(Py_None())) {
        let data = buffer_arg(init)?;
        b.write_bytes(&data)?;
        b.pos.set(0);
    }
    Ok(())
}

// --- Methods ---------------------------------------------------------------------------------

fn bytesio_true(obj: &PyObject) -> PyResult {
    as_bytesio(obj).check_closed()?;
    Ok(PyBool_FromLong(true))
}

fn bytesio_flush(obj: &PyObject) -> PyResult {
    as_bytesio(obj).check_closed()?;
    Ok(none())
}

fn bytesio_isatty(obj: &PyObject) -> PyResult {
    as_bytesio(obj).check_closed()?;
    Ok(PyBool_FromLong(false))
}

fn bytesio_tell(obj: &PyObject) -> PyResult {
    let b = as_bytesio(obj);
    b.check_closed()?;
    Ok(PyLong_FromSsize_t(b.pos.get() as isize))
}

/// `BytesIO.getbuffer()`: a writable memoryview of the contents. It goes through a
/// `_io._BytesIOBuffer` exporter, and while any view of it lives the stream refuses
/// to change size (`exports`), so the view's pointer stays valid.
fn bytesio_getbuffer(obj: &PyObject) -> PyResult {
    as_bytesio(obj).check_closed()?;
    // SAFETY: the layout is `BytesIOBufObject`'s.
    let buf = unsafe {
        alloc_object(
            &_PyBytesIOBuffer_Type,
            BytesIOBufObject {
                ob_base: PyObject_HEAD_INIT,
                source: obj.to_owned(),
            },
        )
    };
    objects::memoryobject::PyMemoryView_FromObject(buf.as_object())
}

/// `bytesiobuf`: the exporter behind `getbuffer()`'s memoryview.
#[repr(C)]
pub struct BytesIOBufObject {
    pub ob_base: PyObject,
    source: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for BytesIOBufObject {}

fn as_bytesiobuf(obj: &PyObject) -> &BytesIOBufObject {
    // SAFETY: only installed on `_io._BytesIOBuffer`.
    unsafe { &*(obj as *const PyObject as *const BytesIOBufObject) }
}

/// `bytesiobuf_getbuffer`: the stream's bytes, writable; counts the export.
fn bytesiobuf_getbuffer(
    obj: &PyObject,
    view: &mut objects::r#abstract::Py_buffer,
    flags: i32,
) -> PyResult<()> {
    let b = as_bytesio(&as_bytesiobuf(obj).source);
    let size = b.string_size.get();
    let ptr = b.with_buf(|v| v.as_mut_ptr())?;
    objects::r#abstract::PyBuffer_FillInfo(view, Some(obj), ptr, size as isize, false, flags)?;
    b.exports.set(b.exports.get() + 1);
    Ok(())
}

fn bytesiobuf_releasebuffer(obj: &PyObject, _view: &mut objects::r#abstract::Py_buffer) {
    let b = as_bytesio(&as_bytesiobuf(obj).source);
    b.exports.set(b.exports.get() - 1);
}

unsafe fn bytesiobuf_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead `_io._BytesIOBuffer`.
    unsafe { dealloc_object::<BytesIOBufObject>(op) }
}

fn bytesiobuf_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit(&as_bytesiobuf(obj).source);
}

/// `_io._BytesIOBuffer`.
pub static _PyBytesIOBuffer_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io._BytesIOBuffer",
    tp_basicsize: Cell::new(size_of::<BytesIOBufObject>()),
    tp_dealloc: slot(bytesiobuf_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_as_buffer: include::cpython::object::PyBufferProcs {
        bf_getbuffer: slot(bytesiobuf_getbuffer),
        bf_releasebuffer: slot(bytesiobuf_releasebuffer),
    },
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(bytesiobuf_traverse),
    ..PyTypeObject::DEFAULT
};

/// `BytesIO.getvalue()`.
fn bytesio_getvalue(obj: &PyObject) -> PyResult {
    let b = as_bytesio(obj);
    b.check_closed()?;
    let n = b.string_size.get();
    b.with_buf(|buf| PyBytes_FromSlice(buf.get(..n).unwrap_or(&[])))
}

/// `BytesIO.read(size=-1, /)` (also `read1`).
fn bytesio_read(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("read", args.len(), 0, 1)?;
    let size = optional_ssize(args.first().map(|a| &**a))?;
    let b = as_bytesio(obj);
    b.check_closed()?;
    let avail = b.string_size.get().saturating_sub(b.pos.get());
    let n = if size < 0 || size as usize > avail {
        avail
    } else {
        size as usize
    };
    b.read_bytes(n)
}

fn bytesio_read1(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("read1", args.len(), 0, 1)?;
    bytesio_read(obj, args)
}

/// `BytesIO.readline(size=-1, /)`.
fn bytesio_readline(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("readline", args.len(), 0, 1)?;
    let size = optional_ssize(args.first().map(|a| &**a))?;
    let b = as_bytesio(obj);
    b.check_closed()?;
    let n = b.scan_eol(size)?;
    b.read_bytes(n)
}

/// `BytesIO.readlines(size=None, /)`.
fn bytesio_readlines(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("readlines", args.len(), 0, 1)?;
    let maxsize = match args.first() {
        None => -1,
        Some(a) if a.is(Py_None()) => -1,
        Some(a) if PyLongObject::check(a) => objects::longobject::PyLong_AsSsize_t(a)?,
        Some(a) => {
            return Err(type_error(format!(
                "integer argument expected, got '{}'",
                a.ob_type().name()
            )))
        }
    };
    let b = as_bytesio(obj);
    b.check_closed()?;
    let result = PyList_New(Vec::new());
    let mut size = 0isize;
    loop {
        let n = b.scan_eol(-1)?;
        if n == 0 {
            break;
        }
        PyList_Append(&result, b.read_bytes(n)?)?;
        size += n as isize;
        if maxsize > 0 && size >= maxsize {
            break;
        }
    }
    Ok(result.into_object())
}

/// `BytesIO.readinto(buffer, /)`.
fn bytesio_readinto(obj: &PyObject, buffer: &PyObject) -> PyResult {
    let len = iobase::writable_buffer_len("readinto", buffer)?;
    let b = as_bytesio(obj);
    b.check_closed()?;
    let pos = b.pos.get();
    let n = len.min(b.string_size.get().saturating_sub(pos));
    let data = b.with_buf(|buf| buf.get(pos..pos + n).unwrap_or(&[]).to_vec())?;
    iobase::write_into_buffer(buffer, &data)?;
    b.pos.set(pos + n);
    Ok(PyLong_FromSsize_t(n as isize))
}

/// `BytesIO.truncate(size=None, /)`: the size defaults to the position.
fn bytesio_truncate(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("truncate", args.len(), 0, 1)?;
    let b = as_bytesio(obj);
    let size = match args.first().filter(|a| !a.is(Py_None())) {
        Some(a) => optional_ssize(Some(a))?,
        None => b.pos.get() as isize,
    };
    b.check_closed()?;
    b.check_exports()?;
    if size < 0 {
        return Err(value_error(format!("negative size value {size}")));
    }
    let size = size as usize;
    if size < b.string_size.get() {
        b.string_size.set(size);
        b.with_buf(|buf| PyBytesIOObject::resize_buffer(buf, size))??;
    }
    Ok(PyLong_FromSsize_t(size as isize))
}

/// `BytesIO.seek(pos, whence=0, /)`.
fn bytesio_seek(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("seek", args.len(), 1, 2)?;
    let mut pos = super::ssize_arg(&args[0])?;
    let whence = match args.get(1) {
        Some(w) => super::int_arg(w)?,
        None => 0,
    };
    let b = as_bytesio(obj);
    b.check_closed()?;
    if pos < 0 && whence == 0 {
        return Err(value_error(format!("negative seek value {pos}")));
    }
    match whence {
        0 => {}
        1 => {
            let cur = b.pos.get() as isize;
            if pos > isize::MAX - cur {
                return Err(overflow_error("new position too large"));
            }
            pos += cur;
        }
        2 => {
            let end = b.string_size.get() as isize;
            if pos > isize::MAX - end {
                return Err(overflow_error("new position too large"));
            }
            pos += end;
        }
        _ => {
            return Err(value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )))
        }
    }
    let pos = pos.max(0);
    b.pos.set(pos as usize);
    Ok(PyLong_FromSsize_t(pos))
}

/// `BytesIO.write(b, /)`.
fn bytesio_write(obj: &PyObject, arg: &PyObject) -> PyResult {
    let b = as_bytesio(obj);
    b.check_closed()?;
    b.check_exports()?;
    let data = buffer_arg(arg)?;
    let n = b.write_bytes(&data)?;
    Ok(PyLong_FromSsize_t(n as isize))
}

/// `BytesIO.writelines(lines, /)`.
fn bytesio_writelines(obj: &PyObject, lines: &PyObject) -> PyResult {
    let b = as_bytesio(obj);
    b.check_closed()?;
    let it = PyObject_GetIter(lines)?;
    while let Some(item) = PyIter_Next(&it)? {
        b.check_exports()?;
        let data = buffer_arg(&item)?;
        b.write_bytes(&data)?;
    }
    Ok(none())
}

/// `BytesIO.close()`: drop the buffer.
fn bytesio_close(obj: &PyObject) -> PyResult {
    let b = as_bytesio(obj);
    b.check_exports()?;
    b.buf.set(None);
    Ok(none())
}

/// `BytesIO.__getstate__()`: `(value, position, dict)`.
fn bytesio_getstate(obj: &PyObject) -> PyResult {
    let value = bytesio_getvalue(obj)?;
    let b = as_bytesio(obj);
    let dict = match b.dict.get() {
        Some(d) => objects::dictobject::PyDict_Copy(
            d.downcast_ref::<objects::dictobject::PyDictObject>()
                .ok_or_else(|| system_error("bad dict"))?,
        )?
        .into_object(),
        None => none(),
    };
    Ok(PyTuple_New(vec![value, PyLong_FromSsize_t(b.pos.get() as isize), dict]).into_object())
}

/// `BytesIO.__setstate__(state)`.
fn bytesio_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let b = as_bytesio(obj);
    let items = match state.downcast_ref::<PyTupleObject>() {
        Some(t) if t.len() >= 3 => t.as_slice().to_vec(),
        _ => {
            return Err(type_error(format!(
                "{}.__setstate__ argument should be 3-tuple, got {}",
                obj.ob_type().name(),
                state.ob_type().name()
            )))
        }
    };
    b.check_exports()?;
    b.string_size.set(0);
    b.pos.set(0);
    b.buf.set(Some(Vec::new()));
    let data = buffer_arg(&items[0])?;
    b.write_bytes(&data)?;
    if !PyLongObject::check(&items[1]) {
        return Err(type_error(format!(
            "second item of state must be an integer, not {}",
            items[1].ob_type().name()
        )));
    }
    let pos = objects::longobject::PyLong_AsSsize_t(&items[1])?;
    if pos < 0 {
        return Err(value_error("position value cannot be negative"));
    }
    b.pos.set(pos as usize);
    let dict = &items[2];
    if !dict.is(Py_None()) {
        let Some(d) = dict.downcast_ref::<objects::dictobject::PyDictObject>() else {
            return Err(type_error(format!(
                "third item of state should be a dict, got a {}",
                dict.ob_type().name()
            )));
        };
        match b.dict.get() {
            Some(own) => {
                objects::dictobject::PyDict_Update(
                    own.downcast_ref::<objects::dictobject::PyDictObject>()
                        .ok_or_else(|| system_error("instance dict is not a dict"))?,
                    d.as_object(),
                )?;
            }
            None => b
                .dict
                .set(Some(objects::dictobject::PyDict_Copy(d)?.into_object())),
        }
    }
    Ok(none())
}

fn bytesio_sizeof(obj: &PyObject) -> PyResult {
    let b = as_bytesio(obj);
    let mut res = obj.ob_type().tp_basicsize.get();
    // SAFETY: the borrow ends within the expression.
    if let Some(buf) = unsafe { b.buf.get_ref() } {
        if !buf.is_empty() {
            // What the buffer would cost as a bytes object.
            res += 33 + buf.len();
        }
    }
    Ok(PyLong_FromSsize_t(res as isize))
}

fn bytesio_get_closed(obj: &PyObject) -> PyResult {
    // SAFETY: the borrow ends within the expression.
    Ok(PyBool_FromLong(
        unsafe { as_bytesio(obj).buf.get_ref() }.is_none(),
    ))
}

/// `tp_iternext`: the next line.
fn bytesio_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let b = as_bytesio(obj);
    b.check_closed()?;
    let n = b.scan_eol(-1)?;
    if n == 0 {
        return Ok(None);
    }
    b.read_bytes(n).map(Some)
}

fn bytesio_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(d) = unsafe { as_bytesio(obj).dict.get_ref() } {
        visit(d);
    }
}

fn bytesio_clear(obj: &PyObject) {
    as_bytesio(obj).dict.set(None);
}

/// `bytesio_dealloc`: unlike the file classes, an in-memory stream is not closed
/// through `close()` when it dies (nothing needs flushing), as in CPython.
unsafe fn bytesio_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead BytesIO.
    unsafe {
        include::gc::gc_untrack(op);
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PyBytesIOObject>(op)
    }
}

static BYTESIO_METHODS: [PyMethodDef; 21] = [
    PyMethodDef::new(
        "readable",
        PyCFunction::NoArgs(bytesio_true),
        docs::BYTESIO_READABLE,
    ),
    PyMethodDef::new(
        "seekable",
        PyCFunction::NoArgs(bytesio_true),
        docs::BYTESIO_SEEKABLE,
    ),
    PyMethodDef::new(
        "writable",
        PyCFunction::NoArgs(bytesio_true),
        docs::BYTESIO_WRITABLE,
    ),
    PyMethodDef::new(
        "close",
        PyCFunction::NoArgs(bytesio_close),
        docs::BYTESIO_CLOSE,
    ),
    PyMethodDef::new(
        "flush",
        PyCFunction::NoArgs(bytesio_flush),
        docs::BYTESIO_FLUSH,
    ),
    PyMethodDef::new(
        "isatty",
        PyCFunction::NoArgs(bytesio_isatty),
        docs::BYTESIO_ISATTY,
    ),
    PyMethodDef::new(
        "tell",
        PyCFunction::NoArgs(bytesio_tell),
        docs::BYTESIO_TELL,
    ),
    PyMethodDef::new("write", PyCFunction::O(bytesio_write), docs::BYTESIO_WRITE),
    PyMethodDef::new(
        "writelines",
        PyCFunction::O(bytesio_writelines),
        docs::BYTESIO_WRITELINES,
    ),
    PyMethodDef::new(
        "read1",
        PyCFunction::Fast(bytesio_read1),
        docs::BYTESIO_READ1,
    ),
    PyMethodDef::new(
        "readinto",
        PyCFunction::O(bytesio_readinto),
        docs::BYTESIO_READINTO,
    ),
    PyMethodDef::new(
        "readline",
        PyCFunction::Fast(bytesio_readline),
        docs::BYTESIO_READLINE,
    ),
    PyMethodDef::new(
        "readlines",
        PyCFunction::Fast(bytesio_readlines),
        docs::BYTESIO_READLINES,
    ),
    PyMethodDef::new("read", PyCFunction::Fast(bytesio_read), docs::BYTESIO_READ),
    PyMethodDef::new(
        "getbuffer",
        PyCFunction::NoArgs(bytesio_getbuffer),
        docs::BYTESIO_GETBUFFER,
    ),
    PyMethodDef::new(
        "getvalue",
        PyCFunction::NoArgs(bytesio_getvalue),
        docs::BYTESIO_GETVALUE,
    ),
    PyMethodDef::new("seek", PyCFunction::Fast(bytesio_seek), docs::BYTESIO_SEEK),
    PyMethodDef::new(
        "truncate",
        PyCFunction::Fast(bytesio_truncate),
        docs::BYTESIO_TRUNCATE,
    ),
    PyMethodDef::new(
        "__getstate__",
        PyCFunction::NoArgs(bytesio_getstate),
        docs::BYTESIO_GETSTATE,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(bytesio_setstate),
        docs::BYTESIO_SETSTATE,
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(bytesio_sizeof),
        docs::BYTESIO_SIZEOF,
    ),
];

static BYTESIO_GETSET: [PyGetSetDef; 1] = [PyGetSetDef {
    name: "closed",
    get: Some(bytesio_get_closed),
    set: None,
    doc: Some("True if the file is closed."),
}];

/// `_io.BytesIO`.
pub static PyBytesIO_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io.BytesIO",
    tp_basicsize: Cell::new(size_of::<PyBytesIOObject>()),
    tp_dealloc: slot(bytesio_dealloc),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::BYTESIO_DOC),
    tp_traverse: slot(bytesio_traverse),
    tp_clear: slot(bytesio_clear),
    tp_weaklistoffset: Cell::new(offset_of!(PyBytesIOObject, weakreflist)),
    tp_iter: slot(objects::tupleobject::PyObject_SelfIter),
    tp_iternext: slot(bytesio_iternext),
    tp_methods: &BYTESIO_METHODS,
    tp_getset: &BYTESIO_GETSET,
    tp_base: objects::object::type_ptr(&PyBufferedIOBase_Type),
    tp_dictoffset: Cell::new(offset_of!(PyBytesIOObject, dict)),
    tp_init: slot(bytesio_init),
    tp_new: slot(bytesio_new),
    ..PyTypeObject::DEFAULT
};
