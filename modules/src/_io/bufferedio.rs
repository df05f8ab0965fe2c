//! `_io._BufferedIOBase` and the buffered classes `BufferedReader`, `BufferedWriter`,
//! `BufferedRandom` and `BufferedRWPair`. Mirrors Modules/_io/bufferedio.c
//! (CPython 3.11).
//!
//! One structure serves the three single-stream classes, as in C: a buffer of
//! `buffer_size` bytes, the logical position `pos` in it, where the raw stream is
//! (`raw_pos`), the end of valid read-ahead (`read_end`, -1 when the buffer holds no
//! data to read) and the range of bytes waiting to be written (`write_pos` to
//! `write_end`, the latter -1 when nothing is waiting). See the comment block on the
//! positions in bufferedio.c; the macros `READAHEAD`, `RAW_OFFSET`, ... are methods
//! here with the same names.
//!
//! Differences from CPython:
//! - The raw stream is called with a `bytearray` (`readinto`) or a `bytes` object
//!   (`write`) where CPython passes a `memoryview` of its buffer (pyrs has no
//!   `memoryview` yet). An exact `FileIO` raw stream is read and written directly,
//!   without a method call; the effects are the same.
//! - The lock is a flag with its owner's thread ident, changed under the GIL. Found
//!   busy by its own thread, it is a reentrant call (from a signal handler, a
//!   `__del__` or the raw stream's own methods), which raises `RuntimeError` as
//!   CPython does; found busy by another thread (whose raw call released the GIL),
//!   the caller waits with the GIL released until it is free. Unlike CPython, the
//!   read fast paths also take it, so that a reentrant call can never see the buffer
//!   in the middle of an update.

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::bytearrayobject::PyByteArray_FromVec;
use objects::bytesobject::{PyBytesObject, PyBytes_FromSlice, PyBytes_FromVec};
use objects::exceptions::{PyExc_BlockingIOError, PyExc_InterruptedError, PyExc_ValueError};
use objects::longobject::{PyLong_FromLong, PyLong_FromSsize_t};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::r#abstract::PyNumber_AsSsize_t;
use objects::typeobject::PyType_Type;
use objects::unicodeobject::{as_str_lossy, PyUnicode_FromString};

use super::docs;
use super::fileio::{self, PyFileIO_Type};
use super::iobase::{self, chain_errors, io_dealloc, PyIOBaseObject, PyIOBase_Type, IO_FLAGS};
use super::{call_method, optional_ssize, ssize_arg, unsupported, DEFAULT_BUFFER_SIZE};

// --- _BufferedIOBase -----------------------------------------------------------------------

fn bufferediobase_unsupported_read(_obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    Err(unsupported("read"))
}

fn bufferediobase_unsupported_read1(_obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    Err(unsupported("read1"))
}

fn bufferediobase_unsupported_write(_obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    Err(unsupported("write"))
}

fn bufferediobase_detach(_obj: &PyObject) -> PyResult {
    Err(unsupported("detach"))
}

/// `_bufferediobase_readinto_generic`: `self.read(len(b))` (or `read1`) copied into `b`.
fn bufferediobase_readinto_generic(obj: &PyObject, buffer: &PyObject, readinto1: bool) -> PyResult {
    let len =
        iobase::writable_buffer_len(if readinto1 { "readinto1" } else { "readinto" }, buffer)?;
    let name = if readinto1 {
        objects::intern!("read1")
    } else {
        objects::intern!("read")
    };
    let data = call_method(obj, name, &[PyLong_FromSsize_t(len as isize)])?;
    let Some(b) = data.downcast_ref::<PyBytesObject>() else {
        return Err(type_error("read() should return bytes"));
    };
    let n = b.len();
    if n > len {
        return Err(value_error(format!(
            "read() returned too much data: {len} bytes requested, {n} returned"
        )));
    }
    iobase::write_into_buffer(buffer, b.as_bytes())?;
    Ok(PyLong_FromSsize_t(n as isize))
}

fn bufferediobase_readinto(obj: &PyObject, buffer: &PyObject) -> PyResult {
    bufferediobase_readinto_generic(obj, buffer, false)
}

fn bufferediobase_readinto1(obj: &PyObject, buffer: &PyObject) -> PyResult {
    bufferediobase_readinto_generic(obj, buffer, true)
}

static BUFFEREDIOBASE_METHODS: [PyMethodDef; 6] = [
    PyMethodDef::new(
        "detach",
        PyCFunction::NoArgs(bufferediobase_detach),
        docs::BUFFEREDIOBASE_DETACH,
    ),
    PyMethodDef::new(
        "read",
        PyCFunction::Fast(bufferediobase_unsupported_read),
        docs::BUFFEREDIOBASE_READ,
    ),
    PyMethodDef::new(
        "read1",
        PyCFunction::Fast(bufferediobase_unsupported_read1),
        docs::BUFFEREDIOBASE_READ1,
    ),
    PyMethodDef::new(
        "readinto",
        PyCFunction::O(bufferediobase_readinto),
        docs::BUFFEREDIOBASE_READINTO,
    ),
    PyMethodDef::new(
        "readinto1",
        PyCFunction::O(bufferediobase_readinto1),
        docs::BUFFEREDIOBASE_READINTO1,
    ),
    PyMethodDef::new(
        "write",
        PyCFunction::Fast(bufferediobase_unsupported_write),
        docs::BUFFEREDIOBASE_WRITE,
    ),
];

/// `_io._BufferedIOBase`.
pub static PyBufferedIOBase_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io._BufferedIOBase",
    tp_basicsize: Cell::new(size_of::<PyIOBaseObject>()),
    tp_dealloc: slot(io_dealloc::<PyIOBaseObject>),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::BUFFEREDIOBASE_DOC),
    tp_traverse: slot(iobase::iobase_traverse),
    tp_clear: slot(iobase::iobase_clear),
    tp_methods: &BUFFEREDIOBASE_METHODS,
    tp_base: objects::object::type_ptr(&PyIOBase_Type),
    ..PyTypeObject::DEFAULT
};

// --- The buffered object -------------------------------------------------------------------

/// `buffered`: the state shared by `BufferedReader`, `BufferedWriter` and
/// `BufferedRandom`.
#[repr(C)]
pub struct PyBufferedObject {
    pub ob_base: PyObject,
    /// The raw stream (`raw`); empty once detached.
    raw: PyCell<Option<PyObjectRef>>,
    /// `__init__` has completed (`ok`).
    ok: Cell<bool>,
    detached: Cell<bool>,
    readable: Cell<bool>,
    writable: Cell<bool>,
    /// Set while the object is being finalized (`_finalizing`).
    finalizing: Cell<bool>,
    /// An exact class over an exact `FileIO`: `closed` is read from the `FileIO`
    /// directly.
    fast_closed_checks: Cell<bool>,
    /// The raw stream's absolute position, -1 if unknown.
    abs_pos: Cell<i64>,
    /// The buffer (`buffer_size` bytes); `None` once closed.
    buffer: PyCell<Option<Vec<u8>>>,
    /// The logical position in the buffer.
    pos: Cell<i64>,
    /// Where the raw stream is, relative to the buffer's start (-1: unknown).
    raw_pos: Cell<i64>,
    /// Just after the last buffered byte, or -1 if the buffer holds nothing to read.
    read_end: Cell<i64>,
    /// Just after the last byte actually written.
    write_pos: Cell<i64>,
    /// Just after the last byte waiting to be written, or -1 if nothing waits.
    write_end: Cell<i64>,
    /// An operation is in progress (the lock is held).
    busy: Cell<bool>,
    /// The thread holding the lock (`owner`).
    owner: Cell<u64>,
    buffer_size: Cell<i64>,
    /// `buffer_size - 1` when the size is a power of two, else 0.
    buffer_mask: Cell<i64>,
    pub dict: PyCell<Option<PyObjectRef>>,
    pub weakreflist: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyBufferedObject {}

fn as_buffered(obj: &PyObject) -> &PyBufferedObject {
    // SAFETY: the methods of the buffered classes are only called on their instances.
    unsafe { &*(obj as *const PyObject as *const PyBufferedObject) }
}

/// Holds the object busy (`ENTER_BUFFERED` .. `LEAVE_BUFFERED`).
struct Busy<'a>(&'a PyBufferedObject);

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        self.0.busy.set(false);
    }
}

/// Where a raw read ended.
enum RawRead {
    /// `n` bytes were read (0 at end of file).
    Data(Vec<u8>),
    /// A non-blocking stream had nothing (`-2` in C).
    Blocked,
}

/// A `BlockingIOError(EAGAIN, msg, written)` (`_set_BlockingIOError`).
fn blocking_io_error(msg: &str, written: i64) -> PyErr {
    PyErr_FromArgs(
        &PyExc_BlockingIOError,
        &[
            PyLong_FromLong(libc::EAGAIN as i64),
            PyUnicode_FromString(msg),
            PyLong_FromLong(written),
        ],
    )
}

/// `_PyIO_trap_eintr`: an `OSError` with errno EINTR is retried.
fn is_eintr(e: &PyErr) -> bool {
    PyErr_ExceptionMatches(e, &PyExc_InterruptedError)
}

impl PyBufferedObject {
    /// `CHECK_INITIALIZED`.
    fn check_initialized(&self) -> PyResult<()> {
        if !self.ok.get() {
            if self.detached.get() {
                return Err(value_error("raw stream has been detached"));
            }
            return Err(value_error("I/O operation on uninitialized object"));
        }
        Ok(())
    }

    fn raw(&self) -> PyResult<PyObjectRef> {
        match self.raw.get() {
            Some(r) => Ok(r),
            None => Err(value_error("raw stream has been detached")),
        }
    }

    /// `ENTER_BUFFERED`.
    fn enter<'a>(&'a self, obj: &PyObject) -> PyResult<Busy<'a>> {
        let me = python::thread::PyThread_get_thread_ident();
        // Another thread's operation is in progress (its raw call released the GIL):
        // wait for it to finish, letting it run.
        let start = std::time::Instant::now();
        while self.busy.get() && self.owner.get() != me {
            // At exit a daemon thread may hold the lock for ever (it stopped when it
            // next took the GIL): give up after a second, as `_enter_buffered_busy`.
            if python::pylifecycle::is_finalizing() && start.elapsed().as_secs() >= 1 {
                let r = objects::object::PyObject_ASCII(obj)
                    .map(|r| as_str_lossy(&r).into_owned())
                    .unwrap_or_else(|_| "<ascii(self) failed>".to_owned());
                eprintln!(
                    "Fatal Python error: _enter_buffered_busy: could not acquire lock for {r} at interpreter shutdown, possibly due to daemon threads"
                );
                std::process::abort();
            }
            python::ceval_gil::allow_threads(|| {
                std::thread::sleep(std::time::Duration::from_micros(50))
            });
        }
        if self.busy.get() {
            let r = PyObject_Repr(obj)
                .map(|r| as_str_lossy(&r).into_owned())
                .unwrap_or_else(|_| format!("<{} object>", obj.ob_type().name()));
            return Err(runtime_error(format!("reentrant call inside {r}")));
        }
        self.busy.set(true);
        self.owner.set(me);
        Ok(Busy(self))
    }

    fn valid_read_buffer(&self) -> bool {
        self.readable.get() && self.read_end.get() != -1
    }

    fn valid_write_buffer(&self) -> bool {
        self.writable.get() && self.write_end.get() != -1
    }

    /// `ADJUST_POSITION`.
    fn adjust_position(&self, new_pos: i64) {
        self.pos.set(new_pos);
        if self.valid_read_buffer() && self.read_end.get() < new_pos {
            self.read_end.set(new_pos);
        }
    }

    /// `READAHEAD`: bytes buffered and not yet read.
    fn readahead(&self) -> i64 {
        if self.readable.get() && self.valid_read_buffer() {
            self.read_end.get() - self.pos.get()
        } else {
            0
        }
    }

    /// `RAW_OFFSET`: how far the raw stream is ahead of the logical position.
    fn raw_offset(&self) -> i64 {
        if (self.valid_read_buffer() || self.valid_write_buffer()) && self.raw_pos.get() >= 0 {
            self.raw_pos.get() - self.pos.get()
        } else {
            0
        }
    }

    /// `MINUS_LAST_BLOCK`: `size` rounded down to whole buffers.
    fn minus_last_block(&self, size: i64) -> i64 {
        let mask = self.buffer_mask.get();
        if mask != 0 {
            size & !mask
        } else {
            let bs = self.buffer_size.get();
            bs * (size / bs)
        }
    }

    fn reader_reset_buf(&self) {
        self.read_end.set(-1);
    }

    fn writer_reset_buf(&self) {
        self.write_pos.set(0);
        self.write_end.set(-1);
    }

    /// Copy `len` buffered bytes from `start` out. Runs no Python code.
    fn buf_slice(&self, start: i64, len: i64) -> PyResult<Vec<u8>> {
        // SAFETY: no Python code runs while the buffer is borrowed.
        let buf = unsafe { self.buffer.get_ref() };
        let (s, e) = (start.max(0) as usize, (start + len).max(0) as usize);
        match buf.as_ref().and_then(|b| b.get(s..e)) {
            Some(sl) => Ok(sl.to_vec()),
            None => Err(value_error("I/O operation on closed file.")),
        }
    }

    /// `PyBytes_FromStringAndSize(self->buffer + start, len)`.
    fn buf_bytes(&self, start: i64, len: i64) -> PyResult {
        // SAFETY: no Python code runs while the buffer is borrowed.
        let buf = unsafe { self.buffer.get_ref() };
        let (s, e) = (start.max(0) as usize, (start + len).max(0) as usize);
        match buf.as_ref().and_then(|b| b.get(s..e)) {
            Some(sl) => Ok(PyBytes_FromSlice(sl)),
            None => Err(value_error("I/O operation on closed file.")),
        }
    }

    /// Copy `data` into the buffer at `at`. Runs no Python code.
    fn buf_store(&self, at: i64, data: &[u8]) -> PyResult<()> {
        // SAFETY: no Python code runs while the buffer is borrowed.
        let buf = unsafe { self.buffer.get_mut() };
        let s = at.max(0) as usize;
        match buf.as_mut().and_then(|b| b.get_mut(s..s + data.len())) {
            Some(dst) => {
                dst.copy_from_slice(data);
                Ok(())
            }
            None => Err(value_error("I/O operation on closed file.")),
        }
    }

    /// `buffered_closed`: `raw.closed`.
    fn raw_closed(&self) -> PyResult<bool> {
        self.check_initialized()?;
        let raw = self.raw()?;
        super::attr_is_true(&raw, objects::intern!("closed"))
    }

    /// `IS_CLOSED`.
    fn is_closed(&self) -> PyResult<bool> {
        // SAFETY: the borrow ends within the expression.
        if unsafe { self.buffer.get_ref() }.is_none() {
            return Ok(true);
        }
        if self.fast_closed_checks.get() {
            if let Some(raw) = self.raw.get() {
                if let Some(c) = fileio::fileio_closed(&raw) {
                    return Ok(c);
                }
            }
        }
        self.raw_closed()
    }

    /// `CHECK_CLOSED`: closed and nothing left in the buffer.
    fn check_closed(&self, msg: &str) -> PyResult<()> {
        if self.is_closed()? && self.readahead() == 0 {
            return Err(value_error(msg));
        }
        Ok(())
    }

    /// `_buffered_raw_tell`.
    fn raw_tell(&self) -> PyResult<i64> {
        let raw = self.raw()?;
        let n = match fileio::fileio_raw_seek(&raw, 0, libc::SEEK_CUR) {
            Some(r) => r?,
            None => {
                let res = call_method(&raw, objects::intern!("tell"), &[])?;
                PyNumber_AsSsize_t(&res, Some(&PyExc_ValueError))? as i64
            }
        };
        if n < 0 {
            return Err(os_error(format!(
                "Raw stream returned invalid position {n}"
            )));
        }
        self.abs_pos.set(n);
        Ok(n)
    }

    /// `RAW_TELL`.
    fn raw_tell_cached(&self) -> PyResult<i64> {
        if self.abs_pos.get() != -1 {
            Ok(self.abs_pos.get())
        } else {
            self.raw_tell()
        }
    }

    /// `_buffered_raw_seek`.
    fn raw_seek(&self, target: i64, whence: i32) -> PyResult<i64> {
        let raw = self.raw()?;
        let n = match fileio::fileio_raw_seek(&raw, target, whence) {
            Some(r) => r?,
            None => {
                let res = call_method(
                    &raw,
                    objects::intern!("seek"),
                    &[PyLong_FromLong(target), PyLong_FromLong(whence as i64)],
                )?;
                PyNumber_AsSsize_t(&res, Some(&PyExc_ValueError))? as i64
            }
        };
        if n < 0 {
            return Err(os_error(format!(
                "Raw stream returned invalid position {n}"
            )));
        }
        self.abs_pos.set(n);
        Ok(n)
    }

    /// `_bufferedreader_raw_read`: one `raw.readinto()` of up to `len` bytes.
    fn raw_read(&self, len: usize) -> PyResult<RawRead> {
        let raw = self.raw()?;
        let mut tmp = super::try_zeroed(len)?;
        let data = match fileio::fileio_raw_read(&raw, &mut tmp) {
            // An exact FileIO is read without the method call.
            Some(r) => match r? {
                Some(n) => {
                    tmp.truncate(n);
                    tmp
                }
                None => return Ok(RawRead::Blocked),
            },
            None => {
                let b = PyByteArray_FromVec(tmp);
                let res = loop {
                    match call_method(&raw, objects::intern!("readinto"), std::slice::from_ref(&b))
                    {
                        Ok(r) => break r,
                        Err(e) if is_eintr(&e) => objects::pyhooks::check_signals()?,
                        Err(e) => return Err(e),
                    }
                };
                if res.is(Py_None()) {
                    return Ok(RawRead::Blocked);
                }
                let n = match PyNumber_AsSsize_t(&res, Some(&PyExc_ValueError)) {
                    Ok(n) => n,
                    Err(e) => {
                        let err = os_error("raw readinto() failed");
                        objects::exceptions::set_cause(&err, Some(e.into_value()));
                        return Err(err);
                    }
                };
                let mut v = objects::bytearrayobject::PyByteArray_AsVec(&b).unwrap_or_default();
                // The raw stream may also have shrunk the array it was given.
                if n < 0 || n as usize > len || n as usize > v.len() {
                    return Err(os_error(format!(
                        "raw readinto() returned invalid length {n} (should have been between 0 and {len})"
                    )));
                }
                v.truncate(n as usize);
                v
            }
        };
        if !data.is_empty() && self.abs_pos.get() != -1 {
            self.abs_pos.set(self.abs_pos.get() + data.len() as i64);
        }
        Ok(RawRead::Data(data))
    }

    /// `_bufferedreader_fill_buffer`: read into the free end of the buffer. Returns the
    /// count, or `None` for a blocked read.
    fn fill_buffer(&self) -> PyResult<Option<i64>> {
        let start = if self.valid_read_buffer() {
            self.read_end.get()
        } else {
            0
        };
        let len = (self.buffer_size.get() - start).max(0) as usize;
        match self.raw_read(len)? {
            RawRead::Blocked => Ok(None),
            RawRead::Data(d) => {
                let n = d.len() as i64;
                if n == 0 {
                    return Ok(Some(0));
                }
                self.buf_store(start, &d)?;
                self.read_end.set(start + n);
                self.raw_pos.set(start + n);
                Ok(Some(n))
            }
        }
    }

    /// `_bufferedwriter_raw_write`: one `raw.write()`. `None` when it would block.
    fn raw_write(&self, data: &[u8]) -> PyResult<Option<i64>> {
        let raw = self.raw()?;
        let n = loop {
            if let Some(r) = fileio::fileio_raw_write(&raw, data) {
                match r? {
                    Some(n) => break n as i64,
                    None => return Ok(None),
                }
            }
            let res = match call_method(&raw, objects::intern!("write"), &[PyBytes_FromSlice(data)])
            {
                Ok(r) => r,
                Err(e) if is_eintr(&e) => {
                    objects::pyhooks::check_signals()?;
                    continue;
                }
                Err(e) => return Err(e),
            };
            if res.is(Py_None()) {
                return Ok(None);
            }
            let n = PyNumber_AsSsize_t(&res, Some(&PyExc_ValueError))? as i64;
            if n < 0 || n > data.len() as i64 {
                return Err(os_error(format!(
                    "raw write() returned invalid length {n} (should have been between 0 and {})",
                    data.len()
                )));
            }
            break n;
        };
        if n > 0 && self.abs_pos.get() != -1 {
            self.abs_pos.set(self.abs_pos.get() + n);
        }
        Ok(Some(n))
    }

    /// `_bufferedwriter_flush_unlocked`: write out the pending bytes.
    fn writer_flush_unlocked(&self) -> PyResult<()> {
        if self.valid_write_buffer() && self.write_pos.get() != self.write_end.get() {
            // First put the raw stream where the pending bytes start.
            let rewind = self.raw_offset() + (self.pos.get() - self.write_pos.get());
            if rewind != 0 {
                self.raw_seek(-rewind, 1)?;
                self.raw_pos.set(self.raw_pos.get() - rewind);
            }
            while self.write_pos.get() < self.write_end.get() {
                let data = self.buf_slice(
                    self.write_pos.get(),
                    self.write_end.get() - self.write_pos.get(),
                )?;
                let n = match self.raw_write(&data)? {
                    Some(n) => n,
                    None => {
                        return Err(blocking_io_error(
                            "write could not complete without blocking",
                            0,
                        ))
                    }
                };
                self.write_pos.set(self.write_pos.get() + n);
                self.raw_pos.set(self.write_pos.get());
                // A partial write may mean a signal arrived: run its handlers before
                // blocking again.
                objects::pyhooks::check_signals()?;
            }
        }
        // Afterwards `VALID_WRITE_BUFFER` is false, so that `RAW_OFFSET` is 0 when
        // the read buffer is not valid either (bpo-32228).
        self.writer_reset_buf();
        Ok(())
    }

    /// `buffered_flush_and_rewind_unlocked`.
    fn flush_and_rewind_unlocked(&self) -> PyResult<()> {
        self.writer_flush_unlocked()?;
        if self.readable.get() {
            // Move the raw stream back to the logical position.
            let r = self.raw_seek(-self.raw_offset(), 1);
            self.reader_reset_buf();
            r?;
        }
        Ok(())
    }

    /// `_bufferedreader_read_fast`: `n` bytes if they are all buffered.
    fn read_fast(&self, n: i64) -> PyResult<Option<PyObjectRef>> {
        if n <= self.readahead() {
            let res = self.buf_bytes(self.pos.get(), n)?;
            self.pos.set(self.pos.get() + n);
            return Ok(Some(res));
        }
        Ok(None)
    }

    /// `_bufferedreader_read_generic`: read `n` bytes, stopping early at end of file
    /// or when the raw stream would block.
    fn read_generic(&self, n: i64) -> PyResult {
        let current_size = self.readahead();
        if n <= current_size {
            return self.read_fast(n).map(|r| r.unwrap_or_else(none));
        }
        let mut out: Vec<u8> = Vec::new();
        if out.try_reserve_exact(n.max(0) as usize).is_err() {
            return Err(PyErr_NoMemory());
        }
        let mut remaining = n;
        if current_size > 0 {
            out.extend_from_slice(&self.buf_slice(self.pos.get(), current_size)?);
            remaining -= current_size;
            self.pos.set(self.pos.get() + current_size);
        }
        if self.writable.get() {
            self.flush_and_rewind_unlocked()?;
        }
        self.reader_reset_buf();
        while remaining > 0 {
            // Whole blocks go straight to the result; the tail goes through the buffer.
            let r = self.minus_last_block(remaining);
            if r == 0 {
                break;
            }
            match self.raw_read(r as usize)? {
                RawRead::Data(d) if !d.is_empty() => {
                    remaining -= d.len() as i64;
                    out.extend_from_slice(&d);
                }
                RawRead::Data(_) => return Ok(PyBytes_FromVec(out)),
                RawRead::Blocked => {
                    return Ok(if out.is_empty() {
                        none()
                    } else {
                        PyBytes_FromVec(out)
                    });
                }
            }
        }
        self.pos.set(0);
        self.raw_pos.set(0);
        self.read_end.set(0);
        // Once the request is satisfied, no further read is made (it could block).
        while remaining > 0 && self.read_end.get() < self.buffer_size.get() {
            let r = match self.fill_buffer()? {
                Some(0) => return Ok(PyBytes_FromVec(out)),
                Some(r) => r,
                None => {
                    return Ok(if out.is_empty() {
                        none()
                    } else {
                        PyBytes_FromVec(out)
                    })
                }
            };
            let take = remaining.min(r);
            out.extend_from_slice(&self.buf_slice(self.pos.get(), take)?);
            self.pos.set(self.pos.get() + take);
            remaining -= take;
        }
        Ok(PyBytes_FromVec(out))
    }

    /// `_bufferedreader_read_all`: everything to the end of the stream.
    fn read_all(&self) -> PyResult {
        let current_size = self.readahead();
        let mut data: Option<Vec<u8>> = None;
        if current_size > 0 {
            data = Some(self.buf_slice(self.pos.get(), current_size)?);
            self.pos.set(self.pos.get() + current_size);
        }
        if self.writable.get() {
            self.flush_and_rewind_unlocked()?;
        }
        self.reader_reset_buf();
        let raw = self.raw()?;
        if let Some(fd) = fileio::fileio_fd(&raw) {
            // `FileIO.readall()` without the method call.
            if fd < 0 {
                return Err(value_error("I/O operation on closed file"));
            }
            let tmp = fileio::readall_fd(fd)?;
            return Ok(match (data, tmp) {
                (None, None) => none(),
                (None, Some(t)) => PyBytes_FromVec(t),
                (Some(d), None) => PyBytes_FromVec(d),
                (Some(mut d), Some(t)) => {
                    d.extend_from_slice(&t);
                    PyBytes_FromVec(d)
                }
            });
        }
        if let Some(readall) =
            objects::object::_PyObject_LookupAttr(&raw, objects::intern!("readall"))?
        {
            let tmp = objects::call::PyObject_CallNoArgs(&readall)?;
            if !tmp.is(Py_None()) && !PyBytesObject::check(&tmp) {
                return Err(type_error("readall() should return bytes"));
            }
            return Ok(match data {
                None => tmp,
                Some(mut d) => {
                    if let Some(b) = tmp.downcast_ref::<PyBytesObject>() {
                        d.extend_from_slice(b.as_bytes());
                    }
                    PyBytes_FromVec(d)
                }
            });
        }
        let mut chunks: Vec<u8> = data.unwrap_or_default();
        let mut total = current_size;
        loop {
            let d = call_method(&raw, objects::intern!("read"), &[])?;
            if !d.is(Py_None()) && !PyBytesObject::check(&d) {
                return Err(type_error("read() should return bytes"));
            }
            let b = d.downcast_ref::<PyBytesObject>();
            if b.is_none_or(|b| b.is_empty()) {
                if total == 0 {
                    return Ok(d);
                }
                return Ok(PyBytes_FromVec(chunks));
            }
            let b = b.map(|b| b.as_bytes()).unwrap_or(&[]);
            chunks.extend_from_slice(b);
            total += b.len() as i64;
            if self.abs_pos.get() != -1 {
                self.abs_pos.set(self.abs_pos.get() + b.len() as i64);
            }
        }
    }

    /// `_bufferedreader_peek_unlocked`: the buffered bytes, or a freshly filled
    /// buffer.
    fn peek_unlocked(&self) -> PyResult {
        let have = self.readahead();
        if have > 0 {
            return self.buf_bytes(self.pos.get(), have);
        }
        self.reader_reset_buf();
        let r = self.fill_buffer()?.unwrap_or(0);
        self.pos.set(0);
        self.buf_bytes(0, r)
    }

    /// `_buffered_readline`.
    fn readline(&self, obj: &PyObject, mut limit: i64) -> PyResult {
        self.check_closed("readline of closed file")?;
        let _busy = self.enter(obj)?;
        // A line already in the buffer.
        let mut n = self.readahead();
        if limit >= 0 && n > limit {
            n = limit;
        }
        let start = self.pos.get();
        let avail = self.buf_slice(start, n)?;
        if let Some(i) = avail.iter().position(|&c| c == b'\n') {
            self.pos.set(start + i as i64 + 1);
            return Ok(PyBytes_FromSlice(&avail[..=i]));
        }
        if n == limit {
            self.pos.set(start + n);
            return Ok(PyBytes_FromVec(avail));
        }
        // Now read more from the raw stream.
        let mut chunks: Vec<u8> = Vec::new();
        if n > 0 {
            chunks.extend_from_slice(&avail);
            self.pos.set(start + n);
            if limit >= 0 {
                limit -= n;
            }
        }
        if self.writable.get() {
            self.flush_and_rewind_unlocked()?;
        }
        loop {
            self.reader_reset_buf();
            let n = match self.fill_buffer()? {
                Some(n) if n > 0 => n,
                _ => break,
            };
            let n = if limit >= 0 && n > limit { limit } else { n };
            let data = self.buf_slice(0, n)?;
            if let Some(i) = data.iter().position(|&c| c == b'\n') {
                chunks.extend_from_slice(&data[..=i]);
                self.pos.set(i as i64 + 1);
                break;
            }
            chunks.extend_from_slice(&data);
            if n == limit {
                self.pos.set(n);
                break;
            }
            if limit >= 0 {
                limit -= n;
            }
        }
        Ok(PyBytes_FromVec(chunks))
    }

    /// `_io_BufferedWriter_write_impl`.
    fn write(&self, obj: &PyObject, data: &[u8]) -> PyResult<i64> {
        self.check_initialized()?;
        let _busy = self.enter(obj)?;
        if self.is_closed()? {
            return Err(value_error("write to closed file"));
        }
        let len = data.len() as i64;
        // Fast path: the data fits in the buffer.
        if !self.valid_read_buffer() && !self.valid_write_buffer() {
            self.pos.set(0);
            self.raw_pos.set(0);
        }
        let avail = self.buffer_size.get() - self.pos.get();
        if len <= avail {
            self.buf_store(self.pos.get(), data)?;
            if !self.valid_write_buffer() || self.write_pos.get() > self.pos.get() {
                self.write_pos.set(self.pos.get());
            }
            self.adjust_position(self.pos.get() + len);
            if self.pos.get() > self.write_end.get() {
                self.write_end.set(self.pos.get());
            }
            return Ok(len);
        }
        // First write out the current buffer.
        if let Err(e) = self.writer_flush_unlocked() {
            if !PyErr_ExceptionMatches(&e, &PyExc_BlockingIOError) {
                return Err(e);
            }
            if self.readable.get() {
                self.reader_reset_buf();
            }
            // Make room by shifting the pending bytes to the front.
            let (wp, we) = (self.write_pos.get(), self.write_end.get());
            let pending = self.buf_slice(wp, we - wp)?;
            self.buf_store(0, &pending)?;
            self.write_end.set(we - wp);
            self.raw_pos.set(self.raw_pos.get() - wp);
            self.pos.set(self.pos.get() - wp);
            self.write_pos.set(0);
            let avail = self.buffer_size.get() - self.write_end.get();
            if len <= avail {
                // Everything can be buffered.
                self.buf_store(self.write_end.get(), data)?;
                self.write_end.set(self.write_end.get() + len);
                self.pos.set(self.pos.get() + len);
                return Ok(len);
            }
            // Buffer as much as possible.
            self.buf_store(self.write_end.get(), &data[..avail.max(0) as usize])?;
            self.write_end.set(self.write_end.get() + avail);
            self.pos.set(self.pos.get() + avail);
            return Err(blocking_io_error(
                "write could not complete without blocking",
                avail,
            ));
        }
        // If the read buffer was filled but not changed, the raw stream is ahead of
        // the logical position: move it back (read-ahead is kept).
        let offset = self.raw_offset();
        if offset != 0 {
            self.raw_seek(-offset, 1)?;
            self.raw_pos.set(self.raw_pos.get() - offset);
        }
        // Then write the data itself; the buffer is empty now.
        let mut remaining = len;
        let mut written: i64 = 0;
        let bs = self.buffer_size.get();
        while remaining > bs {
            match self.raw_write(&data[written as usize..])? {
                Some(n) => {
                    written += n;
                    remaining -= n;
                    objects::pyhooks::check_signals()?;
                }
                None => {
                    // The raw stream is non-blocking: buffer what fits and report.
                    self.buf_store(0, &data[written as usize..(written + bs) as usize])?;
                    self.raw_pos.set(0);
                    self.adjust_position(bs);
                    self.write_end.set(bs);
                    written += bs;
                    return Err(blocking_io_error(
                        "write could not complete without blocking",
                        written,
                    ));
                }
            }
        }
        if self.readable.get() {
            self.reader_reset_buf();
        }
        if remaining > 0 {
            self.buf_store(0, &data[written as usize..])?;
            written += remaining;
        }
        self.write_pos.set(0);
        self.write_end.set(remaining);
        self.adjust_position(remaining);
        self.raw_pos.set(0);
        Ok(written)
    }
}

// --- Construction ---------------------------------------------------------------------------

fn buffered_alloc(tp: &PyTypeObject) -> PyObjectRef {
    // SAFETY: `tp` is a buffered class or a subclass; the rest of a subclass instance
    // is zeroed.
    unsafe {
        alloc_object(
            tp,
            PyBufferedObject {
                ob_base: PyObject_HEAD_INIT,
                raw: PyCell::new(None),
                ok: Cell::new(false),
                detached: Cell::new(false),
                readable: Cell::new(false),
                writable: Cell::new(false),
                finalizing: Cell::new(false),
                fast_closed_checks: Cell::new(false),
                abs_pos: Cell::new(-1),
                buffer: PyCell::new(None),
                pos: Cell::new(0),
                raw_pos: Cell::new(0),
                read_end: Cell::new(-1),
                write_pos: Cell::new(0),
                write_end: Cell::new(-1),
                busy: Cell::new(false),
                owner: Cell::new(0),
                buffer_size: Cell::new(0),
                buffer_mask: Cell::new(0),
                dict: PyCell::new(None),
                weakreflist: PyCell::new(None),
            },
        )
    }
    .into_object()
}

fn buffered_tp_new(
    tp: &PyTypeObject,
    _args: &[PyObjectRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    Ok(buffered_alloc(tp))
}

/// `cls(raw, buffer_size)` for a buffered class (as `open()` makes them).
pub fn buffered_new(tp: &'static PyTypeObject, raw: PyObjectRef, size: PyObjectRef) -> PyResult {
    objects::call::PyObject_Vectorcall(tp.as_object(), &[raw, size], None)
}

/// `_buffered_init`: allocate the buffer and learn the raw position.
fn buffered_init_common(b: &PyBufferedObject, buffer_size: isize) -> PyResult<()> {
    if buffer_size <= 0 {
        return Err(value_error("buffer size must be strictly positive"));
    }
    b.buffer_size.set(buffer_size as i64);
    b.buffer.set(Some(super::try_zeroed(buffer_size as usize)?));
    b.busy.set(false);
    // A power of two can be masked instead of divided.
    let bs = buffer_size as i64;
    b.buffer_mask
        .set(if bs & (bs - 1) == 0 { bs - 1 } else { 0 });
    // The raw stream may not know its position; that is not an error.
    let _ = b.raw_tell();
    Ok(())
}

/// The arguments of the three constructors: `(raw, buffer_size=DEFAULT_BUFFER_SIZE)`.
fn parse_init_args(
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<(PyObjectRef, isize)> {
    let a = objects::getargs::unpack_keywords(
        &objects::getargs::ArgSpec {
            fname,
            names: &["raw", "buffer_size"],
            posonly: 0,
            maxpos: 2,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let raw = a[0].clone().unwrap_or_else(none);
    let size = match &a[1] {
        Some(s) => ssize_arg(s)?,
        None => DEFAULT_BUFFER_SIZE as isize,
    };
    Ok((raw, size))
}

/// `BufferedReader.__init__(raw, buffer_size=DEFAULT_BUFFER_SIZE)`.
fn bufferedreader_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let (raw, size) = parse_init_args("BufferedReader", args, kwnames)?;
    let b = as_buffered(obj);
    b.ok.set(false);
    b.detached.set(false);
    iobase::_PyIOBase_check_readable(&raw)?;
    b.raw.set(Some(raw.clone()));
    b.readable.set(true);
    b.writable.set(false);
    buffered_init_common(b, size)?;
    b.reader_reset_buf();
    b.fast_closed_checks
        .set(obj.is_type(&PyBufferedReader_Type) && raw.is_type(&PyFileIO_Type));
    b.ok.set(true);
    Ok(())
}

/// `BufferedWriter.__init__(raw, buffer_size=DEFAULT_BUFFER_SIZE)`.
fn bufferedwriter_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let (raw, size) = parse_init_args("BufferedWriter", args, kwnames)?;
    let b = as_buffered(obj);
    b.ok.set(false);
    b.detached.set(false);
    iobase::_PyIOBase_check_writable(&raw)?;
    b.raw.set(Some(raw.clone()));
    b.readable.set(false);
    b.writable.set(true);
    buffered_init_common(b, size)?;
    b.writer_reset_buf();
    b.pos.set(0);
    b.fast_closed_checks
        .set(obj.is_type(&PyBufferedWriter_Type) && raw.is_type(&PyFileIO_Type));
    b.ok.set(true);
    Ok(())
}

/// `BufferedRandom.__init__(raw, buffer_size=DEFAULT_BUFFER_SIZE)`.
fn bufferedrandom_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let (raw, size) = parse_init_args("BufferedRandom", args, kwnames)?;
    let b = as_buffered(obj);
    b.ok.set(false);
    b.detached.set(false);
    iobase::_PyIOBase_check_seekable(&raw)?;
    iobase::_PyIOBase_check_readable(&raw)?;
    iobase::_PyIOBase_check_writable(&raw)?;
    b.raw.set(Some(raw.clone()));
    b.readable.set(true);
    b.writable.set(true);
    buffered_init_common(b, size)?;
    b.reader_reset_buf();
    b.writer_reset_buf();
    b.pos.set(0);
    b.fast_closed_checks
        .set(obj.is_type(&PyBufferedRandom_Type) && raw.is_type(&PyFileIO_Type));
    b.ok.set(true);
    Ok(())
}

// --- Methods ---------------------------------------------------------------------------------

/// `raw.<name>()` after `CHECK_INITIALIZED`.
fn forward_to_raw(obj: &PyObject, name: &PyObject) -> PyResult {
    let b = as_buffered(obj);
    b.check_initialized()?;
    call_method(&*b.raw()?, name, &[])
}

/// `BufferedReader.flush()`: `raw.flush()` (`buffered_simple_flush`).
fn buffered_simple_flush(obj: &PyObject) -> PyResult {
    forward_to_raw(obj, objects::intern!("flush"))
}

fn buffered_seekable(obj: &PyObject) -> PyResult {
    forward_to_raw(obj, objects::intern!("seekable"))
}

fn buffered_readable(obj: &PyObject) -> PyResult {
    forward_to_raw(obj, objects::intern!("readable"))
}

fn buffered_writable(obj: &PyObject) -> PyResult {
    forward_to_raw(obj, objects::intern!("writable"))
}

fn buffered_fileno(obj: &PyObject) -> PyResult {
    forward_to_raw(obj, objects::intern!("fileno"))
}

fn buffered_isatty(obj: &PyObject) -> PyResult {
    forward_to_raw(obj, objects::intern!("isatty"))
}

fn buffered_get_closed(obj: &PyObject) -> PyResult {
    let b = as_buffered(obj);
    b.check_initialized()?;
    PyObject_GetAttr(&*b.raw()?, objects::intern!("closed"))
}

fn buffered_get_name(obj: &PyObject) -> PyResult {
    let b = as_buffered(obj);
    b.check_initialized()?;
    PyObject_GetAttr(&*b.raw()?, objects::intern!("name"))
}

fn buffered_get_mode(obj: &PyObject) -> PyResult {
    let b = as_buffered(obj);
    b.check_initialized()?;
    PyObject_GetAttr(&*b.raw()?, objects::intern!("mode"))
}

/// `_dealloc_warn(source, /)`: passed on to the raw stream, errors ignored.
fn buffered_dealloc_warn(obj: &PyObject, source: &PyObject) -> PyResult {
    let b = as_buffered(obj);
    if b.ok.get() {
        if let Some(raw) = b.raw.get() {
            let _ = call_method(
                &raw,
                objects::intern!("_dealloc_warn"),
                &[source.to_owned()],
            );
        }
    }
    Ok(none())
}

/// `close()`: flush, close the raw stream, free the buffer. A flush error is
/// raised after the raw stream is closed, with the close error as its context.
fn buffered_close(obj: &PyObject) -> PyResult {
    let b = as_buffered(obj);
    b.check_initialized()?;
    {
        let _busy = b.enter(obj)?;
        if b.raw_closed()? {
            return Ok(none());
        }
    }
    if b.finalizing.get() {
        let _ = buffered_dealloc_warn(obj, obj);
    }
    // flush() takes the lock itself.
    let flushed = call_method(obj, objects::intern!("flush"), &[]);
    let _busy = b.enter(obj)?;
    let res = call_method(&*b.raw()?, objects::intern!("close"), &[]);
    b.buffer.set(None);
    b.read_end.set(0);
    b.pos.set(0);
    match (flushed, res) {
        (Ok(_), r) => r,
        (Err(e), Ok(_)) => Err(e),
        (Err(e), Err(e2)) => Err(chain_errors(e2, e)),
    }
}

/// `detach()`: flush and hand over the raw stream.
fn buffered_detach(obj: &PyObject) -> PyResult {
    let b = as_buffered(obj);
    b.check_initialized()?;
    call_method(obj, objects::intern!("flush"), &[])?;
    let raw = b.raw.take().unwrap_or_else(none);
    b.detached.set(true);
    b.ok.set(false);
    Ok(raw)
}

/// `flush()` of the writing classes.
fn buffered_flush(obj: &PyObject) -> PyResult {
    let b = as_buffered(obj);
    b.check_initialized()?;
    b.check_closed("flush of closed file")?;
    let _busy = b.enter(obj)?;
    b.flush_and_rewind_unlocked()?;
    Ok(none())
}

/// `peek(size=0, /)`.
fn buffered_peek(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("peek", args.len(), 0, 1)?;
    if let Some(a) = args.first() {
        ssize_arg(a)?;
    }
    let b = as_buffered(obj);
    b.check_initialized()?;
    b.check_closed("peek of closed file")?;
    let _busy = b.enter(obj)?;
    if b.writable.get() {
        b.flush_and_rewind_unlocked()?;
    }
    b.peek_unlocked()
}

/// `read(size=-1, /)`.
fn buffered_read(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("read", args.len(), 0, 1)?;
    let n = optional_ssize(args.first().map(|a| &**a))? as i64;
    let b = as_buffered(obj);
    b.check_initialized()?;
    if n < -1 {
        return Err(value_error("read length must be non-negative or -1"));
    }
    b.check_closed("read of closed file")?;
    let _busy = b.enter(obj)?;
    if n == -1 {
        return b.read_all();
    }
    if let Some(r) = b.read_fast(n)? {
        return Ok(r);
    }
    b.read_generic(n)
}

/// `read1(size=-1, /)`: at most one raw read.
fn buffered_read1(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("read1", args.len(), 0, 1)?;
    let mut n = match args.first() {
        Some(a) => ssize_arg(a)? as i64,
        None => -1,
    };
    let b = as_buffered(obj);
    b.check_initialized()?;
    if n < 0 {
        n = b.buffer_size.get();
    }
    b.check_closed("read of closed file")?;
    if n == 0 {
        return Ok(PyBytes_FromSlice(&[]));
    }
    let _busy = b.enter(obj)?;
    // Buffered bytes only, if there are any; else one raw read.
    let have = b.readahead();
    if have > 0 {
        return b.read_fast(n.min(have)).map(|r| r.unwrap_or_else(none));
    }
    if b.writable.get() {
        b.flush_and_rewind_unlocked()?;
    }
    b.reader_reset_buf();
    match b.raw_read(n as usize)? {
        RawRead::Data(d) => Ok(PyBytes_FromVec(d)),
        RawRead::Blocked => Ok(PyBytes_FromSlice(&[])),
    }
}

/// `_buffered_readinto_generic`.
fn buffered_readinto_generic(obj: &PyObject, buffer: &PyObject, readinto1: bool) -> PyResult {
    let len = iobase::writable_buffer_len(if readinto1 { "readinto1" } else { "readinto" }, buffer)?
        as i64;
    let b = as_buffered(obj);
    b.check_initialized()?;
    b.check_closed("readinto of closed file")?;
    let mut out: Vec<u8> = Vec::with_capacity(len as usize);
    let result = {
        let _busy = b.enter(obj)?;
        (|| -> PyResult<Option<()>> {
            let n = b.readahead();
            if n > 0 {
                if n >= len {
                    out.extend_from_slice(&b.buf_slice(b.pos.get(), len)?);
                    b.pos.set(b.pos.get() + len);
                    return Ok(Some(()));
                }
                out.extend_from_slice(&b.buf_slice(b.pos.get(), n)?);
                b.pos.set(b.pos.get() + n);
            }
            if b.writable.get() {
                b.flush_and_rewind_unlocked()?;
            }
            b.reader_reset_buf();
            b.pos.set(0);
            let bs = b.buffer_size.get();
            loop {
                let written = out.len() as i64;
                let remaining = len - written;
                if remaining <= 0 {
                    break;
                }
                let n: Option<i64>;
                if remaining > bs {
                    // A large request goes straight to the caller's buffer.
                    n = match b.raw_read(remaining as usize)? {
                        RawRead::Data(d) => {
                            let k = d.len() as i64;
                            out.extend_from_slice(&d);
                            Some(k)
                        }
                        RawRead::Blocked => None,
                    };
                } else if !(readinto1 && written > 0) {
                    // In readinto1 mode the buffer is filled only if nothing was read.
                    match b.fill_buffer()? {
                        Some(k) if k > 0 => {
                            let k = k.min(remaining);
                            out.extend_from_slice(&b.buf_slice(b.pos.get(), k)?);
                            b.pos.set(b.pos.get() + k);
                            continue;
                        }
                        other => n = other,
                    }
                } else {
                    n = Some(0);
                }
                match n {
                    Some(0) => break,
                    None if written > 0 => break,
                    None => return Ok(None),
                    Some(_) => {}
                }
                // At most one read in readinto1 mode.
                if readinto1 {
                    break;
                }
            }
            Ok(Some(()))
        })()
    };
    // The bytes read so far are delivered even when a later read failed, as the C
    // code copies them into the caller's buffer as it goes.
    iobase::write_into_buffer(buffer, &out)?;
    match result? {
        None => Ok(none()),
        Some(()) => Ok(PyLong_FromSsize_t(out.len() as isize)),
    }
}

fn buffered_readinto(obj: &PyObject, buffer: &PyObject) -> PyResult {
    buffered_readinto_generic(obj, buffer, false)
}

fn buffered_readinto1(obj: &PyObject, buffer: &PyObject) -> PyResult {
    buffered_readinto_generic(obj, buffer, true)
}

/// `readline(size=-1, /)`.
fn buffered_readline_meth(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("readline", args.len(), 0, 1)?;
    let size = optional_ssize(args.first().map(|a| &**a))?;
    let b = as_buffered(obj);
    b.check_initialized()?;
    b.readline(obj, size as i64)
}

/// `tell()`: the raw position minus what is buffered ahead of it.
fn buffered_tell(obj: &PyObject) -> PyResult {
    let b = as_buffered(obj);
    b.check_initialized()?;
    let mut pos = b.raw_tell()?;
    pos -= b.raw_offset();
    if pos < 0 {
        pos = 0;
    }
    Ok(PyLong_FromLong(pos))
}

/// `seek(target, whence=0, /)`: inside the buffer when possible.
fn buffered_seek(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("seek", args.len(), 1, 2)?;
    let targetobj = &args[0];
    let whence = match args.get(1) {
        Some(w) => super::int_arg(w)?,
        None => 0,
    };
    let b = as_buffered(obj);
    b.check_initialized()?;
    if !(0..=2).contains(&whence) && whence != libc::SEEK_DATA && whence != libc::SEEK_HOLE {
        return Err(value_error(format!("whence value {whence} unsupported")));
    }
    b.check_closed("seek of closed file")?;
    iobase::_PyIOBase_check_seekable(&*b.raw()?)?;
    let mut target = PyNumber_AsSsize_t(targetobj, Some(&PyExc_ValueError))? as i64;
    // SEEK_SET and SEEK_CUR may land inside the buffer.
    if (whence == 0 || whence == 1) && b.readable.get() {
        let current = b.raw_tell_cached()?;
        let avail = b.readahead();
        if avail > 0 {
            let offset = if whence == 0 {
                target - (current - b.raw_offset())
            } else {
                target
            };
            if offset >= -b.pos.get() && offset <= avail {
                b.pos.set(b.pos.get() + offset);
                return Ok(PyLong_FromLong(current - avail + offset));
            }
        }
    }
    let _busy = b.enter(obj)?;
    // Otherwise: seek the raw stream and drop the buffer.
    if b.writable.get() {
        b.writer_flush_unlocked()?;
    }
    if whence == 1 {
        target -= b.raw_offset();
    }
    let n = b.raw_seek(target, whence)?;
    b.raw_pos.set(-1);
    if b.readable.get() {
        b.reader_reset_buf();
    }
    Ok(PyLong_FromLong(n))
}

/// `truncate(pos=None, /)`.
fn buffered_truncate(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("truncate", args.len(), 0, 1)?;
    let pos = args.first().cloned().unwrap_or_else(none);
    let b = as_buffered(obj);
    b.check_initialized()?;
    b.check_closed("truncate of closed file")?;
    if !b.writable.get() {
        return Err(unsupported("truncate"));
    }
    let _busy = b.enter(obj)?;
    b.flush_and_rewind_unlocked()?;
    let res = call_method(&*b.raw()?, objects::intern!("truncate"), &[pos])?;
    // The raw position may have changed.
    let _ = b.raw_tell();
    Ok(res)
}

/// `write(buffer, /)`.
fn buffered_write(obj: &PyObject, arg: &PyObject) -> PyResult {
    let data = objects::bytesobject::buffer_arg(arg)?;
    let b = as_buffered(obj);
    let n = b.write(obj, &data)?;
    Ok(PyLong_FromLong(n))
}

/// `tp_iternext`: the next line; subclasses' `readline` is honoured.
fn buffered_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let b = as_buffered(obj);
    b.check_initialized()?;
    let line = if obj.is_type(&PyBufferedReader_Type) || obj.is_type(&PyBufferedRandom_Type) {
        b.readline(obj, -1)?
    } else {
        let line = call_method(obj, objects::intern!("readline"), &[])?;
        if !PyBytesObject::check(&line) {
            return Err(os_error(format!(
                "readline() should have returned a bytes object, not '{}'",
                line.ob_type().name()
            )));
        }
        line
    };
    match line.downcast_ref::<PyBytesObject>() {
        Some(l) if l.is_empty() => Ok(None),
        _ => Ok(Some(line)),
    }
}

/// `__repr__`: `<_io.BufferedReader name='file'>`.
fn buffered_repr(obj: &PyObject) -> PyResult {
    let tpname = obj.ob_type().name();
    let nameobj = match objects::object::_PyObject_LookupAttr(obj, objects::intern!("name")) {
        Ok(n) => n,
        // A detached object's name raises ValueError: leave the name out.
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_ValueError) => None,
        Err(e) => return Err(e),
    };
    let Some(name) = nameobj else {
        return Ok(PyUnicode_FromString(&format!("<{tpname}>")));
    };
    if Py_ReprEnter(obj)? {
        return Err(runtime_error(format!(
            "reentrant call inside {tpname}.__repr__"
        )));
    }
    let r = PyObject_Repr(&name);
    Py_ReprLeave(obj);
    let r = r?;
    Ok(PyUnicode_FromString(&format!(
        "<{tpname} name={}>",
        as_str_lossy(&r)
    )))
}

fn buffered_sizeof(obj: &PyObject) -> PyResult {
    let b = as_buffered(obj);
    let mut res = obj.ob_type().tp_basicsize.get() as i64;
    // SAFETY: the borrow ends within the expression.
    if unsafe { b.buffer.get_ref() }.is_some() {
        res += b.buffer_size.get();
    }
    Ok(PyLong_FromLong(res))
}

fn buffered_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let b = as_buffered(obj);
    // SAFETY: traversal runs no Python code.
    unsafe {
        if let Some(r) = b.raw.get_ref() {
            visit(r);
        }
        if let Some(d) = b.dict.get_ref() {
            visit(d);
        }
    }
}

fn buffered_clear(obj: &PyObject) {
    let b = as_buffered(obj);
    b.ok.set(false);
    b.raw.set(None);
    b.dict.set(None);
}

unsafe fn buffered_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead buffered object; `close()` (run by the finalizer) knows
    // it is part of finalization.
    unsafe {
        as_buffered(&*op).finalizing.set(true);
        if iobase::finalize_from_dealloc(op) {
            return;
        }
        as_buffered(&*op).ok.set(false);
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PyBufferedObject>(op)
    }
}

/// `write(data)` of an exact buffered writer, without the method call (for
/// `TextIOWrapper`).
pub fn buffered_write_bytes(obj: &PyObject, data: &[u8]) -> PyResult<i64> {
    as_buffered(obj).write(obj, data)
}

/// `flush()` of an exact buffered object, without the method call.
pub fn buffered_flush_meth(obj: &PyObject) -> PyResult {
    if obj.is_type(&PyBufferedReader_Type) {
        return buffered_simple_flush(obj);
    }
    buffered_flush(obj)
}

/// Whether `obj` is exactly one of the three buffered classes (whose methods may be
/// called directly).
pub fn is_buffered(obj: &PyObject) -> bool {
    obj.is_type(&PyBufferedReader_Type)
        || obj.is_type(&PyBufferedWriter_Type)
        || obj.is_type(&PyBufferedRandom_Type)
}

static BUFFERED_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef::new(
        "raw",
        MemberType::Object,
        offset_of!(PyBufferedObject, raw),
        READONLY,
    ),
    PyMemberDef::new(
        "_finalizing",
        MemberType::Bool,
        offset_of!(PyBufferedObject, finalizing),
        0,
    ),
];

static BUFFERED_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef::getter("closed", buffered_get_closed),
    PyGetSetDef::getter("name", buffered_get_name),
    PyGetSetDef::getter("mode", buffered_get_mode),
];

static BUFFEREDREADER_METHODS: [PyMethodDef; 18] = [
    PyMethodDef::new(
        "detach",
        PyCFunction::NoArgs(buffered_detach),
        docs::BUFFEREDREADER_DETACH,
    ),
    PyMethodDef::new(
        "flush",
        PyCFunction::NoArgs(buffered_simple_flush),
        docs::BUFFEREDREADER_FLUSH,
    ),
    PyMethodDef::new(
        "close",
        PyCFunction::NoArgs(buffered_close),
        docs::BUFFEREDREADER_CLOSE,
    ),
    PyMethodDef::new(
        "seekable",
        PyCFunction::NoArgs(buffered_seekable),
        docs::BUFFEREDREADER_SEEKABLE,
    ),
    PyMethodDef::new(
        "readable",
        PyCFunction::NoArgs(buffered_readable),
        docs::BUFFEREDREADER_READABLE,
    ),
    PyMethodDef::new(
        "fileno",
        PyCFunction::NoArgs(buffered_fileno),
        docs::BUFFEREDREADER_FILENO,
    ),
    PyMethodDef::new(
        "isatty",
        PyCFunction::NoArgs(buffered_isatty),
        docs::BUFFEREDREADER_ISATTY,
    ),
    PyMethodDef::new(
        "_dealloc_warn",
        PyCFunction::O(buffered_dealloc_warn),
        docs::BUFFEREDREADER_DEALLOC_WARN,
    ),
    PyMethodDef::new(
        "read",
        PyCFunction::Fast(buffered_read),
        docs::BUFFEREDREADER_READ,
    ),
    PyMethodDef::new(
        "peek",
        PyCFunction::Fast(buffered_peek),
        docs::BUFFEREDREADER_PEEK,
    ),
    PyMethodDef::new(
        "read1",
        PyCFunction::Fast(buffered_read1),
        docs::BUFFEREDREADER_READ1,
    ),
    PyMethodDef::new(
        "readinto",
        PyCFunction::O(buffered_readinto),
        docs::BUFFEREDREADER_READINTO,
    ),
    PyMethodDef::new(
        "readinto1",
        PyCFunction::O(buffered_readinto1),
        docs::BUFFEREDREADER_READINTO1,
    ),
    PyMethodDef::new(
        "readline",
        PyCFunction::Fast(buffered_readline_meth),
        docs::BUFFEREDREADER_READLINE,
    ),
    PyMethodDef::new(
        "seek",
        PyCFunction::Fast(buffered_seek),
        docs::BUFFEREDREADER_SEEK,
    ),
    PyMethodDef::new(
        "tell",
        PyCFunction::NoArgs(buffered_tell),
        docs::BUFFEREDREADER_TELL,
    ),
    PyMethodDef::new(
        "truncate",
        PyCFunction::Fast(buffered_truncate),
        docs::BUFFEREDREADER_TRUNCATE,
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(buffered_sizeof),
        docs::BUFFEREDREADER_SIZEOF,
    ),
];

static BUFFEREDWRITER_METHODS: [PyMethodDef; 13] = [
    PyMethodDef::new(
        "close",
        PyCFunction::NoArgs(buffered_close),
        docs::BUFFEREDWRITER_CLOSE,
    ),
    PyMethodDef::new(
        "detach",
        PyCFunction::NoArgs(buffered_detach),
        docs::BUFFEREDWRITER_DETACH,
    ),
    PyMethodDef::new(
        "seekable",
        PyCFunction::NoArgs(buffered_seekable),
        docs::BUFFEREDWRITER_SEEKABLE,
    ),
    PyMethodDef::new(
        "writable",
        PyCFunction::NoArgs(buffered_writable),
        docs::BUFFEREDWRITER_WRITABLE,
    ),
    PyMethodDef::new(
        "fileno",
        PyCFunction::NoArgs(buffered_fileno),
        docs::BUFFEREDWRITER_FILENO,
    ),
    PyMethodDef::new(
        "isatty",
        PyCFunction::NoArgs(buffered_isatty),
        docs::BUFFEREDWRITER_ISATTY,
    ),
    PyMethodDef::new(
        "_dealloc_warn",
        PyCFunction::O(buffered_dealloc_warn),
        docs::BUFFEREDWRITER_DEALLOC_WARN,
    ),
    PyMethodDef::new(
        "write",
        PyCFunction::O(buffered_write),
        docs::BUFFEREDWRITER_WRITE,
    ),
    PyMethodDef::new(
        "truncate",
        PyCFunction::Fast(buffered_truncate),
        docs::BUFFEREDWRITER_TRUNCATE,
    ),
    PyMethodDef::new(
        "flush",
        PyCFunction::NoArgs(buffered_flush),
        docs::BUFFEREDWRITER_FLUSH,
    ),
    PyMethodDef::new(
        "seek",
        PyCFunction::Fast(buffered_seek),
        docs::BUFFEREDWRITER_SEEK,
    ),
    PyMethodDef::new(
        "tell",
        PyCFunction::NoArgs(buffered_tell),
        docs::BUFFEREDWRITER_TELL,
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(buffered_sizeof),
        docs::BUFFEREDWRITER_SIZEOF,
    ),
];

static BUFFEREDRANDOM_METHODS: [PyMethodDef; 20] = [
    PyMethodDef::new(
        "close",
        PyCFunction::NoArgs(buffered_close),
        docs::BUFFEREDRANDOM_CLOSE,
    ),
    PyMethodDef::new(
        "detach",
        PyCFunction::NoArgs(buffered_detach),
        docs::BUFFEREDRANDOM_DETACH,
    ),
    PyMethodDef::new(
        "seekable",
        PyCFunction::NoArgs(buffered_seekable),
        docs::BUFFEREDRANDOM_SEEKABLE,
    ),
    PyMethodDef::new(
        "readable",
        PyCFunction::NoArgs(buffered_readable),
        docs::BUFFEREDRANDOM_READABLE,
    ),
    PyMethodDef::new(
        "writable",
        PyCFunction::NoArgs(buffered_writable),
        docs::BUFFEREDRANDOM_WRITABLE,
    ),
    PyMethodDef::new(
        "fileno",
        PyCFunction::NoArgs(buffered_fileno),
        docs::BUFFEREDRANDOM_FILENO,
    ),
    PyMethodDef::new(
        "isatty",
        PyCFunction::NoArgs(buffered_isatty),
        docs::BUFFEREDRANDOM_ISATTY,
    ),
    PyMethodDef::new(
        "_dealloc_warn",
        PyCFunction::O(buffered_dealloc_warn),
        docs::BUFFEREDRANDOM_DEALLOC_WARN,
    ),
    PyMethodDef::new(
        "flush",
        PyCFunction::NoArgs(buffered_flush),
        docs::BUFFEREDRANDOM_FLUSH,
    ),
    PyMethodDef::new(
        "seek",
        PyCFunction::Fast(buffered_seek),
        docs::BUFFEREDRANDOM_SEEK,
    ),
    PyMethodDef::new(
        "tell",
        PyCFunction::NoArgs(buffered_tell),
        docs::BUFFEREDRANDOM_TELL,
    ),
    PyMethodDef::new(
        "truncate",
        PyCFunction::Fast(buffered_truncate),
        docs::BUFFEREDRANDOM_TRUNCATE,
    ),
    PyMethodDef::new(
        "read",
        PyCFunction::Fast(buffered_read),
        docs::BUFFEREDRANDOM_READ,
    ),
    PyMethodDef::new(
        "read1",
        PyCFunction::Fast(buffered_read1),
        docs::BUFFEREDRANDOM_READ1,
    ),
    PyMethodDef::new(
        "readinto",
        PyCFunction::O(buffered_readinto),
        docs::BUFFEREDRANDOM_READINTO,
    ),
    PyMethodDef::new(
        "readinto1",
        PyCFunction::O(buffered_readinto1),
        docs::BUFFEREDRANDOM_READINTO1,
    ),
    PyMethodDef::new(
        "readline",
        PyCFunction::Fast(buffered_readline_meth),
        docs::BUFFEREDRANDOM_READLINE,
    ),
    PyMethodDef::new(
        "peek",
        PyCFunction::Fast(buffered_peek),
        docs::BUFFEREDRANDOM_PEEK,
    ),
    PyMethodDef::new(
        "write",
        PyCFunction::O(buffered_write),
        docs::BUFFEREDRANDOM_WRITE,
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(buffered_sizeof),
        docs::BUFFEREDRANDOM_SIZEOF,
    ),
];

/// `_io.BufferedReader`.
pub static PyBufferedReader_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io.BufferedReader",
    tp_basicsize: Cell::new(size_of::<PyBufferedObject>()),
    tp_dealloc: slot(buffered_dealloc),
    tp_repr: slot(buffered_repr),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::BUFFEREDREADER_DOC),
    tp_traverse: slot(buffered_traverse),
    tp_clear: slot(buffered_clear),
    tp_weaklistoffset: Cell::new(offset_of!(PyBufferedObject, weakreflist)),
    tp_iternext: slot(buffered_iternext),
    tp_methods: &BUFFEREDREADER_METHODS,
    tp_members: &BUFFERED_MEMBERS,
    tp_getset: &BUFFERED_GETSET,
    tp_base: objects::object::type_ptr(&PyBufferedIOBase_Type),
    tp_dictoffset: Cell::new(offset_of!(PyBufferedObject, dict)),
    tp_init: slot(bufferedreader_init),
    tp_new: slot(buffered_tp_new),
    ..PyTypeObject::DEFAULT
};

/// `_io.BufferedWriter`.
pub static PyBufferedWriter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io.BufferedWriter",
    tp_basicsize: Cell::new(size_of::<PyBufferedObject>()),
    tp_dealloc: slot(buffered_dealloc),
    tp_repr: slot(buffered_repr),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::BUFFEREDWRITER_DOC),
    tp_traverse: slot(buffered_traverse),
    tp_clear: slot(buffered_clear),
    tp_weaklistoffset: Cell::new(offset_of!(PyBufferedObject, weakreflist)),
    tp_methods: &BUFFEREDWRITER_METHODS,
    tp_members: &BUFFERED_MEMBERS,
    tp_getset: &BUFFERED_GETSET,
    tp_base: objects::object::type_ptr(&PyBufferedIOBase_Type),
    tp_dictoffset: Cell::new(offset_of!(PyBufferedObject, dict)),
    tp_init: slot(bufferedwriter_init),
    tp_new: slot(buffered_tp_new),
    ..PyTypeObject::DEFAULT
};

/// `_io.BufferedRandom`.
pub static PyBufferedRandom_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io.BufferedRandom",
    tp_basicsize: Cell::new(size_of::<PyBufferedObject>()),
    tp_dealloc: slot(buffered_dealloc),
    tp_repr: slot(buffered_repr),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::BUFFEREDRANDOM_DOC),
    tp_traverse: slot(buffered_traverse),
    tp_clear: slot(buffered_clear),
    tp_weaklistoffset: Cell::new(offset_of!(PyBufferedObject, weakreflist)),
    tp_iternext: slot(buffered_iternext),
    tp_methods: &BUFFEREDRANDOM_METHODS,
    tp_members: &BUFFERED_MEMBERS,
    tp_getset: &BUFFERED_GETSET,
    tp_base: objects::object::type_ptr(&PyBufferedIOBase_Type),
    tp_dictoffset: Cell::new(offset_of!(PyBufferedObject, dict)),
    tp_init: slot(bufferedrandom_init),
    tp_new: slot(buffered_tp_new),
    ..PyTypeObject::DEFAULT
};

// --- BufferedRWPair ---------------------------------------------------------------------------

/// `rwpair`: a `BufferedReader` and a `BufferedWriter` over two raw streams.
#[repr(C)]
pub struct PyBufferedRWPairObject {
    pub ob_base: PyObject,
    reader: PyCell<Option<PyObjectRef>>,
    writer: PyCell<Option<PyObjectRef>>,
    pub dict: PyCell<Option<PyObjectRef>>,
    pub weakreflist: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyBufferedRWPairObject {}

fn as_rwpair(obj: &PyObject) -> &PyBufferedRWPairObject {
    // SAFETY: the methods of `BufferedRWPair` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const PyBufferedRWPairObject) }
}

fn rwpair_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    // SAFETY: `tp` is `BufferedRWPair` or a subclass; the rest is zeroed.
    let obj = unsafe {
        alloc_object(
            tp,
            PyBufferedRWPairObject {
                ob_base: PyObject_HEAD_INIT,
                reader: PyCell::new(None),
                writer: PyCell::new(None),
                dict: PyCell::new(None),
                weakreflist: PyCell::new(None),
            },
        )
    };
    Ok(obj.into_object())
}

/// `BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE, /)`.
fn rwpair_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    objects::getargs::check_no_kwargs("BufferedRWPair", kwnames)?;
    objects::getargs::check_positional("BufferedRWPair", args.len(), 2, 3)?;
    let size = match args.get(2) {
        Some(s) => ssize_arg(s)?,
        None => DEFAULT_BUFFER_SIZE as isize,
    };
    iobase::_PyIOBase_check_readable(&args[0])?;
    iobase::_PyIOBase_check_writable(&args[1])?;
    let p = as_rwpair(obj);
    let sz = PyLong_FromSsize_t(size);
    let reader = buffered_new(&PyBufferedReader_Type, args[0].clone(), sz.clone())?;
    p.reader.set(Some(reader));
    match buffered_new(&PyBufferedWriter_Type, args[1].clone(), sz) {
        Ok(w) => p.writer.set(Some(w)),
        Err(e) => {
            p.reader.set(None);
            return Err(e);
        }
    }
    Ok(())
}

/// `_forward_call`: `getattr(target, name)(*args)`.
fn forward_call(target: Option<PyObjectRef>, name: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let Some(t) = target else {
        return Err(value_error("I/O operation on uninitialized object"));
    };
    let func = match PyObject_GetAttr(&t, name) {
        Ok(f) => f,
        Err(_) => return Err(attribute_error(as_str_lossy(name))),
    };
    objects::call::PyObject_Vectorcall(&func, args, None)
}

fn rwpair_read(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    forward_call(as_rwpair(obj).reader.get(), objects::intern!("read"), args)
}

fn rwpair_peek(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    forward_call(as_rwpair(obj).reader.get(), objects::intern!("peek"), args)
}

fn rwpair_read1(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    forward_call(as_rwpair(obj).reader.get(), objects::intern!("read1"), args)
}

fn rwpair_readinto(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    forward_call(
        as_rwpair(obj).reader.get(),
        objects::intern!("readinto"),
        args,
    )
}

fn rwpair_readinto1(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    forward_call(
        as_rwpair(obj).reader.get(),
        objects::intern!("readinto1"),
        args,
    )
}

fn rwpair_write(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    forward_call(as_rwpair(obj).writer.get(), objects::intern!("write"), args)
}

fn rwpair_flush(obj: &PyObject) -> PyResult {
    forward_call(as_rwpair(obj).writer.get(), objects::intern!("flush"), &[])
}

fn rwpair_readable(obj: &PyObject) -> PyResult {
    forward_call(
        as_rwpair(obj).reader.get(),
        objects::intern!("readable"),
        &[],
    )
}

fn rwpair_writable(obj: &PyObject) -> PyResult {
    forward_call(
        as_rwpair(obj).writer.get(),
        objects::intern!("writable"),
        &[],
    )
}

/// `close()`: the writer, then the reader; the writer's error wins.
fn rwpair_close(obj: &PyObject) -> PyResult {
    let p = as_rwpair(obj);
    let first = forward_call(p.writer.get(), objects::intern!("close"), &[]);
    let second = forward_call(p.reader.get(), objects::intern!("close"), &[]);
    match (first, second) {
        (Ok(_), r) => r,
        (Err(e), Ok(_)) => Err(e),
        (Err(e), Err(e2)) => Err(chain_errors(e2, e)),
    }
}

fn rwpair_isatty(obj: &PyObject) -> PyResult {
    let p = as_rwpair(obj);
    let r = forward_call(p.writer.get(), objects::intern!("isatty"), &[])?;
    if !r.is(objects::boolobject::Py_False()) {
        return Ok(r);
    }
    forward_call(p.reader.get(), objects::intern!("isatty"), &[])
}

fn rwpair_get_closed(obj: &PyObject) -> PyResult {
    match as_rwpair(obj).writer.get() {
        Some(w) => PyObject_GetAttr(&w, objects::intern!("closed")),
        None => Err(runtime_error(
            "the BufferedRWPair object is being garbage-collected",
        )),
    }
}

fn rwpair_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(d) = unsafe { as_rwpair(obj).dict.get_ref() } {
        visit(d);
    }
}

fn rwpair_clear(obj: &PyObject) {
    let p = as_rwpair(obj);
    p.reader.set(None);
    p.writer.set(None);
    p.dict.set(None);
}

unsafe fn rwpair_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead pair. Like CPython's, it has no finalizer of its own:
    // the reader and writer close themselves when they die.
    unsafe {
        include::gc::gc_untrack(op);
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PyBufferedRWPairObject>(op)
    }
}

static RWPAIR_METHODS: [PyMethodDef; 11] = [
    PyMethodDef::new(
        "read",
        PyCFunction::Fast(rwpair_read),
        docs::BUFFEREDRWPAIR_READ,
    ),
    PyMethodDef::new(
        "peek",
        PyCFunction::Fast(rwpair_peek),
        docs::BUFFEREDRWPAIR_PEEK,
    ),
    PyMethodDef::new(
        "read1",
        PyCFunction::Fast(rwpair_read1),
        docs::BUFFEREDRWPAIR_READ1,
    ),
    PyMethodDef::new(
        "readinto",
        PyCFunction::Fast(rwpair_readinto),
        docs::BUFFEREDRWPAIR_READINTO,
    ),
    PyMethodDef::new(
        "readinto1",
        PyCFunction::Fast(rwpair_readinto1),
        docs::BUFFEREDRWPAIR_READINTO1,
    ),
    PyMethodDef::new(
        "write",
        PyCFunction::Fast(rwpair_write),
        docs::BUFFEREDRWPAIR_WRITE,
    ),
    PyMethodDef::new(
        "flush",
        PyCFunction::NoArgs(rwpair_flush),
        docs::BUFFEREDRWPAIR_FLUSH,
    ),
    PyMethodDef::new(
        "readable",
        PyCFunction::NoArgs(rwpair_readable),
        docs::BUFFEREDRWPAIR_READABLE,
    ),
    PyMethodDef::new(
        "writable",
        PyCFunction::NoArgs(rwpair_writable),
        docs::BUFFEREDRWPAIR_WRITABLE,
    ),
    PyMethodDef::new(
        "close",
        PyCFunction::NoArgs(rwpair_close),
        docs::BUFFEREDRWPAIR_CLOSE,
    ),
    PyMethodDef::new(
        "isatty",
        PyCFunction::NoArgs(rwpair_isatty),
        docs::BUFFEREDRWPAIR_ISATTY,
    ),
];

static RWPAIR_GETSET: [PyGetSetDef; 1] = [PyGetSetDef::getter("closed", rwpair_get_closed)];

/// `_io.BufferedRWPair`.
pub static PyBufferedRWPair_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io.BufferedRWPair",
    tp_basicsize: Cell::new(size_of::<PyBufferedRWPairObject>()),
    tp_dealloc: slot(rwpair_dealloc),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::BUFFEREDRWPAIR_DOC),
    tp_traverse: slot(rwpair_traverse),
    tp_clear: slot(rwpair_clear),
    tp_weaklistoffset: Cell::new(offset_of!(PyBufferedRWPairObject, weakreflist)),
    tp_methods: &RWPAIR_METHODS,
    tp_getset: &RWPAIR_GETSET,
    tp_base: objects::object::type_ptr(&PyBufferedIOBase_Type),
    tp_dictoffset: Cell::new(offset_of!(PyBufferedRWPairObject, dict)),
    tp_init: slot(rwpair_init),
    tp_new: slot(rwpair_new),
    ..PyTypeObject::DEFAULT
};
