//! `_io.FileIO`: raw, unbuffered I/O on an operating-system file descriptor. Mirrors
//! Modules/_io/fileio.c (CPython 3.11).
//!

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef};
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::boolobject::PyBool_FromLong;
use objects::bytesobject::{PyBytesObject, PyBytes_FromVec};
use objects::getargs::{unpack_keywords, ArgSpec};
use objects::longobject::{PyLongObject, PyLong_FromLong};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::typeobject::PyType_Type;
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

use super::docs;
use super::iobase::{self, chain_errors, io_dealloc, PyRawIOBase_Type, IO_FLAGS};
use super::{optional_ssize, unsupported, DEFAULT_BUFFER_SIZE};

/// The most `read()` asks the system for at once (`_PY_READ_MAX`).
const PY_READ_MAX: usize = isize::MAX as usize;
/// The first chunk `readall()` reads when the file size is unknown (`SMALLCHUNK`).
const SMALLCHUNK: usize = 8192;
/// Past this, `readall()` grows its buffer by an eighth instead of doubling it
/// (`LARGE_BUFFER_CUTOFF_SIZE`).
const LARGE_BUFFER_CUTOFF_SIZE: usize = 65536;

/// `fileio`: the descriptor and the mode it was opened with.
#[repr(C)]
pub struct PyFileIOObject {
    pub ob_base: PyObject,
    /// The descriptor, or -1 once closed.
    pub fd: Cell<i32>,
    pub created: Cell<bool>,
    pub readable: Cell<bool>,
    pub writable: Cell<bool>,
    pub appending: Cell<bool>,
    /// 1 seekable, 0 not, -1 not known yet.
    pub seekable: Cell<i8>,
    pub closefd: Cell<bool>,
    /// Set while the object is being finalized (`_finalizing`).
    pub finalizing: Cell<bool>,
    /// The file system's preferred block size (`_blksize`).
    pub blksize: Cell<isize>,
    pub weakreflist: PyCell<Option<PyObjectRef>>,
    pub dict: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyFileIOObject {}

impl PyTypeInfo for PyFileIOObject {
    fn type_object() -> &'static PyTypeObject {
        &PyFileIO_Type
    }
}

fn as_fileio(obj: &PyObject) -> &PyFileIOObject {
    // SAFETY: the methods of `FileIO` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const PyFileIOObject) }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// "I/O operation on closed file" (`err_closed`; no full stop, unlike `_IOBase`'s).
fn err_closed() -> PyErr {
    value_error("I/O operation on closed file")
}

/// `err_mode`: "File not open for reading" and the like.
fn err_mode(action: &str) -> PyErr {
    unsupported(&format!("File not open for {action}"))
}

// --- Low-level system calls, retried on EINTR (Python/fileutils.c) -------------------------

/// `_Py_read`: read into `buf`; `Ok(None)` when the descriptor is non-blocking and
/// has no data (EAGAIN).
pub fn _Py_read(fd: i32, buf: &mut [u8]) -> PyResult<Option<usize>> {
    let len = buf.len().min(PY_READ_MAX);
    loop {
        let ptr = buf.as_mut_ptr() as *mut libc::c_void;
        // The GIL is released around the call (`Py_BEGIN_ALLOW_THREADS`); `buf` is
        // plain memory that no other thread can reach.
        // SAFETY: `buf` is valid for `len` bytes of writing.
        let n = python::ceval_gil::allow_threads(|| unsafe { libc::read(fd, ptr, len) });
        if n >= 0 {
            return Ok(Some(n as usize));
        }
        let err = last_errno();
        if err == libc::EINTR {
            objects::pyhooks::check_signals()?;
            continue;
        }
        if err == libc::EAGAIN {
            return Ok(None);
        }
        return Err(PyErr_SetFromErrno(err));
    }
}

/// `_Py_write`: write from `buf`; `Ok(None)` on EAGAIN.
pub fn _Py_write(fd: i32, buf: &[u8]) -> PyResult<Option<usize>> {
    let len = buf.len().min(PY_READ_MAX);
    loop {
        let ptr = buf.as_ptr() as *const libc::c_void;
        // The GIL is released around the call; `buf` is either plain memory or the
        // contents of an immutable object that the caller keeps alive.
        // SAFETY: `buf` is valid for `len` bytes of reading.
        let n = python::ceval_gil::allow_threads(|| unsafe { libc::write(fd, ptr, len) });
        if n >= 0 {
            return Ok(Some(n as usize));
        }
        let err = last_errno();
        if err == libc::EINTR {
            objects::pyhooks::check_signals()?;
            continue;
        }
        if err == libc::EAGAIN {
            return Ok(None);
        }
        return Err(PyErr_SetFromErrno(err));
    }
}

/// `fstat` the descriptor.
fn fstat(fd: i32) -> Option<libc::stat> {
    // SAFETY: `st` is plain data that `fstat` fills in.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        if libc::fstat(fd, &mut st) == 0 {
            Some(st)
        } else {
            None
        }
    }
}

// --- Construction -----------------------------------------------------------------------------

fn fileio_alloc(tp: &PyTypeObject) -> PyObjectRef {
    // SAFETY: `tp` is `FileIO` or a subclass; the rest of a subclass instance is zeroed.
    unsafe {
        alloc_object(
            tp,
            PyFileIOObject {
                ob_base: PyObject_HEAD_INIT,
                fd: Cell::new(-1),
                created: Cell::new(false),
                readable: Cell::new(false),
                writable: Cell::new(false),
                appending: Cell::new(false),
                seekable: Cell::new(-1),
                closefd: Cell::new(true),
                finalizing: Cell::new(false),
                blksize: Cell::new(0),
                weakreflist: PyCell::new(None),
                dict: PyCell::new(None),
            },
        )
    }
    .into_object()
}

/// `FileIO.__new__`: a closed file object; `__init__` opens it.
fn fileio_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    Ok(fileio_alloc(tp))
}

/// `FileIO(file, mode, closefd, opener)` for `open()`.
pub fn fileio_new_for_open(
    file: &PyObject,
    mode: &str,
    closefd: bool,
    opener: Option<PyObjectRef>,
) -> PyResult {
    // `open()` resolves path-like objects itself, so the raw file's name is the path.
    let path_or_fd = if PyUnicodeObject::check(file)
        || PyBytesObject::check(file)
        || objects::r#abstract::PyNumber_Check(file)
    {
        file.to_owned()
    } else {
        super::fspath(file)?
    };
    let obj = fileio_alloc(&PyFileIO_Type);
    fileio_init_impl(&obj, &path_or_fd, mode, closefd, opener.as_deref())?;
    Ok(obj)
}

/// `FileIO.__init__(file, mode='r', closefd=True, opener=None)`.
fn fileio_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let spec = ArgSpec {
        fname: "FileIO",
        names: &["file", "mode", "closefd", "opener"],
        posonly: 0,
        maxpos: 4,
        minpos: 1,
        required_kwonly: &[],
    };
    let a = unpack_keywords(&spec, args, kwnames)?;
    let file = a[0].clone().unwrap_or_else(none);
    let mode = match &a[1] {
        Some(m) => super::str_arg("FileIO", "mode", m)?,
        None => "r",
    };
    let closefd = match &a[2] {
        Some(c) => super::bool_int_arg(c)?,
        None => true,
    };
    let opener = a[3].clone().filter(|o| !o.is(Py_None()));
    fileio_init_impl(obj, &file, mode, closefd, opener.as_deref())
}

/// `PyUnicode_FSConverter`: a path as bytes for the system (UTF-8 with
/// `surrogateescape` for str), without NUL bytes.
pub(crate) fn fs_converter(nameobj: &PyObject) -> PyResult<Vec<u8>> {
    let path = super::fspath(nameobj)?;
    let bytes = if let Some(b) = path.downcast_ref::<PyBytesObject>() {
        b.as_bytes().to_vec()
    } else {
        objects::codecs::encode_with_codec(
            objects::codecs::Codec::Utf8,
            &path,
            &objects::codecs::ErrorHandler::SurrogateEscape,
        )?
    };
    if bytes.contains(&0) {
        return Err(value_error("embedded null byte"));
    }
    Ok(bytes)
}

/// The body of `FileIO.__init__` (`_io_FileIO___init___impl`).
fn fileio_init_impl(
    obj: &PyObject,
    nameobj: &PyObject,
    mode: &str,
    closefd: bool,
    opener: Option<&PyObject>,
) -> PyResult<()> {
    let f = as_fileio(obj);
    if f.fd.get() >= 0 {
        // Re-initialising an open object: close the old descriptor first.
        if f.closefd.get() {
            internal_close(f)?;
        } else {
            f.fd.set(-1);
        }
    }
    // An integer is a descriptor; anything else must be a path.
    let mut fd: i32 = -1;
    let is_int = objects::r#abstract::PyIndex_Check(nameobj);
    if is_int {
        match super::int_arg(nameobj) {
            Ok(v) if v < 0 => return Err(value_error("negative file descriptor")),
            Ok(v) => fd = v,
            Err(_) => {}
        }
    }
    let path = if fd < 0 {
        Some(fs_converter(nameobj)?)
    } else {
        None
    };

    let bad_mode = || {
        value_error("Must have exactly one of create/read/write/append mode and at most one plus")
    };
    let (mut rwa, mut plus) = (false, false);
    let mut flags: i32 = 0;
    for c in mode.chars() {
        match c {
            'x' => {
                if rwa {
                    return Err(bad_mode());
                }
                rwa = true;
                f.created.set(true);
                f.writable.set(true);
                flags |= libc::O_EXCL | libc::O_CREAT;
            }
            'r' => {
                if rwa {
                    return Err(bad_mode());
                }
                rwa = true;
                f.readable.set(true);
            }
            'w' => {
                if rwa {
                    return Err(bad_mode());
                }
                rwa = true;
                f.writable.set(true);
                flags |= libc::O_CREAT | libc::O_TRUNC;
            }
            'a' => {
                if rwa {
                    return Err(bad_mode());
                }
                rwa = true;
                f.writable.set(true);
                f.appending.set(true);
                flags |= libc::O_APPEND | libc::O_CREAT;
            }
            'b' => {}
            '+' => {
                if plus {
                    return Err(bad_mode());
                }
                f.readable.set(true);
                f.writable.set(true);
                plus = true;
            }
            _ => return Err(value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad_mode());
    }
    flags |= if f.readable.get() && f.writable.get() {
        libc::O_RDWR
    } else if f.readable.get() {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    flags |= libc::O_CLOEXEC;

    let mut fd_is_own = false;
    if fd >= 0 {
        f.fd.set(fd);
        f.closefd.set(closefd);
    } else {
        f.closefd.set(true);
        if !closefd {
            return Err(value_error("Cannot use closefd=False with file name"));
        }
        match opener {
            None => {
                let mut cpath = path.unwrap_or_default();
                cpath.push(0);
                loop {
                    // SAFETY: `cpath` is NUL-terminated and has no other NUL.
                    let r = unsafe {
                        libc::open(
                            cpath.as_ptr() as *const libc::c_char,
                            flags,
                            0o666 as libc::c_uint,
                        )
                    };
                    if r < 0 && last_errno() == libc::EINTR {
                        objects::pyhooks::check_signals()?;
                        continue;
                    }
                    if r < 0 {
                        return Err(PyErr_SetFromErrnoWithFilename(
                            last_errno(),
                            nameobj.to_owned(),
                        ));
                    }
                    f.fd.set(r);
                    break;
                }
            }
            Some(op) => {
                let fdobj = objects::call::PyObject_Vectorcall(
                    op,
                    &[nameobj.to_owned(), PyLong_FromLong(flags as i64)],
                    None,
                )?;
                if !PyLongObject::check(&fdobj) {
                    return Err(type_error("expected integer from opener"));
                }
                let v = super::int_arg(&fdobj)?;
                if v < 0 {
                    return Err(value_error(format!("opener returned {v}")));
                }
                f.fd.set(v);
            }
        }
        fd_is_own = true;
    }
    let result = (|| -> PyResult<()> {
        f.blksize.set(DEFAULT_BUFFER_SIZE as isize);
        match fstat(f.fd.get()) {
            None => {
                let err = last_errno();
                if err == libc::EBADF {
                    return Err(PyErr_SetFromErrno(err));
                }
            }
            Some(st) => {
                if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
                    return Err(PyErr_SetFromErrnoWithFilename(
                        libc::EISDIR,
                        nameobj.to_owned(),
                    ));
                }
                if st.st_blksize > 1 {
                    f.blksize.set(st.st_blksize as isize);
                }
            }
        }
        PyObject_SetAttr(obj, objects::intern!("name"), Some(nameobj))?;
        if f.appending.get() {
            // Seek to the end now, so that tell() is right before the first write.
            portable_lseek(f, None, libc::SEEK_END, true)?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        if !fd_is_own {
            f.fd.set(-1);
        }
        if f.fd.get() >= 0 {
            let _ = internal_close(f);
        }
        return Err(e);
    }
    Ok(())
}

/// `internal_close`: close the descriptor (once).
fn internal_close(f: &PyFileIOObject) -> PyResult<()> {
    let fd = f.fd.replace(-1);
    if fd >= 0 {
        // SAFETY: closing a descriptor this object owns.
        if unsafe { libc::close(fd) } < 0 {
            return Err(PyErr_SetFromErrno(last_errno()));
        }
    }
    Ok(())
}

/// `portable_lseek`: seek and return the new position as an int. With
/// `suppress_pipe_error`, a pipe (ESPIPE) reports position 0.
fn portable_lseek(
    f: &PyFileIOObject,
    posobj: Option<&PyObject>,
    whence: i32,
    suppress_pipe_error: bool,
) -> PyResult {
    let pos = match posobj {
        None => 0,
        Some(p) => super::off_arg(p)?,
    };
    // SAFETY: `lseek` only inspects the descriptor.
    let mut res = unsafe { libc::lseek(f.fd.get(), pos as libc::off_t, whence) };
    let err = last_errno();
    if f.seekable.get() < 0 {
        f.seekable.set((res >= 0) as i8);
    }
    if res < 0 {
        if suppress_pipe_error && err == libc::ESPIPE {
            res = 0;
        } else {
            return Err(PyErr_SetFromErrno(err));
        }
    }
    Ok(PyLong_FromLong(res as i64))
}

// --- Methods -------------------------------------------------------------------------------

/// `FileIO.read(size=-1, /)`.
fn fileio_read(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("read", args.len(), 0, 1)?;
    let size = optional_ssize(args.first().map(|a| &**a))?;
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    if !f.readable.get() {
        return Err(err_mode("reading"));
    }
    if size < 0 {
        return fileio_readall(obj);
    }
    // A bytes object of that size could not exist (`PyBytes_FromStringAndSize`).
    if size as usize > isize::MAX as usize - 33 {
        return Err(overflow_error("byte string is too large"));
    }
    let mut buf = super::try_zeroed(size as usize)?;
    match _Py_read(f.fd.get(), &mut buf)? {
        None => Ok(none()),
        Some(n) => {
            buf.truncate(n);
            Ok(PyBytes_FromVec(buf))
        }
    }
}

/// The next buffer size for `readall()` (`new_buffersize`).
fn new_buffersize(currentsize: usize) -> usize {
    let addend = if currentsize > LARGE_BUFFER_CUTOFF_SIZE {
        currentsize >> 3
    } else {
        256 + currentsize
    };
    currentsize + addend.max(SMALLCHUNK)
}

/// Read everything up to end of file from `fd` (`_io_FileIO_readall_impl`), sizing the
/// buffer from the file's size when it is known. `Ok(None)` when nothing could be read
/// without blocking.
pub fn readall_fd(fd: i32) -> PyResult<Option<Vec<u8>>> {
    let end = fstat(fd).map(|st| st.st_size).unwrap_or(-1);
    // SAFETY: `lseek` only inspects the descriptor.
    let pos = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) } as i64;
    let mut bufsize = if end > 0 && end >= pos && pos >= 0 && end - pos < isize::MAX as i64 {
        // Read one byte more than the size, to see the end of the file in one call.
        (end - pos + 1) as usize
    } else {
        SMALLCHUNK
    };
    let mut result: Vec<u8> = Vec::new();
    let mut bytes_read = 0usize;
    loop {
        if bytes_read >= bufsize {
            bufsize = new_buffersize(bytes_read);
        }
        if result.len() < bufsize {
            result.resize(bufsize, 0);
        }
        match _Py_read(fd, &mut result[bytes_read..bufsize])? {
            Some(0) => break,
            Some(n) => bytes_read += n,
            None => {
                if bytes_read > 0 {
                    break;
                }
                return Ok(None);
            }
        }
    }
    result.truncate(bytes_read);
    Ok(Some(result))
}

/// `FileIO.readall()`.
fn fileio_readall(obj: &PyObject) -> PyResult {
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    match readall_fd(f.fd.get())? {
        Some(v) => Ok(PyBytes_FromVec(v)),
        None => Ok(none()),
    }
}

/// `FileIO.readinto(buffer, /)`.
fn fileio_readinto(obj: &PyObject, buffer: &PyObject) -> PyResult {
    let len = iobase::writable_buffer_len("readinto", buffer)?;
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    if !f.readable.get() {
        return Err(err_mode("reading"));
    }
    let mut tmp = super::try_zeroed(len)?;
    match _Py_read(f.fd.get(), &mut tmp)? {
        None => Ok(none()),
        Some(n) => {
            iobase::write_into_buffer(buffer, &tmp[..n])?;
            Ok(PyLong_FromLong(n as i64))
        }
    }
}

/// `FileIO.write(b, /)`.
fn fileio_write(obj: &PyObject, b: &PyObject) -> PyResult {
    let data = objects::bytesobject::buffer_arg(b)?;
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    if !f.writable.get() {
        return Err(err_mode("writing"));
    }
    match _Py_write(f.fd.get(), &data)? {
        None => Ok(none()),
        Some(n) => Ok(PyLong_FromLong(n as i64)),
    }
}

/// `FileIO.seek(pos, whence=0, /)`.
fn fileio_seek(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("seek", args.len(), 1, 2)?;
    let whence = match args.get(1) {
        Some(w) => super::int_arg(w)?,
        None => 0,
    };
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    portable_lseek(f, Some(&args[0]), whence, false)
}

/// `FileIO.tell()`.
fn fileio_tell(obj: &PyObject) -> PyResult {
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    portable_lseek(f, None, libc::SEEK_CUR, false)
}

/// `FileIO.truncate(size=None, /)`.
fn fileio_truncate(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("truncate", args.len(), 0, 1)?;
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    if !f.writable.get() {
        return Err(err_mode("writing"));
    }
    let posobj = match args.first().filter(|a| !a.is(Py_None())) {
        Some(p) => p.clone(),
        None => portable_lseek(f, None, libc::SEEK_CUR, false)?,
    };
    let pos = super::off_arg(&posobj)?;
    // SAFETY: `ftruncate` only acts on the descriptor.
    if unsafe { libc::ftruncate(f.fd.get(), pos as libc::off_t) } != 0 {
        return Err(PyErr_SetFromErrno(last_errno()));
    }
    Ok(posobj)
}

/// `FileIO.close()`: `_RawIOBase.close` (flush, mark closed), then close the
/// descriptor if this object owns it.
fn fileio_close(obj: &PyObject) -> PyResult {
    let res = objects::call::PyObject_Vectorcall(
        &*objects::object::PyObject_GetAttr(
            PyRawIOBase_Type.as_object(),
            objects::intern!("close"),
        )?,
        &[obj.to_owned()],
        None,
    );
    let f = as_fileio(obj);
    if !f.closefd.get() {
        f.fd.set(-1);
        return res;
    }
    if f.finalizing.get() {
        let _ = fileio_dealloc_warn(obj, obj);
    }
    let rc = internal_close(f);
    match (res, rc) {
        (Ok(r), Ok(())) => Ok(r),
        (Err(e), Ok(())) => Err(e),
        (Ok(_), Err(e)) => Err(e),
        (Err(e1), Err(e2)) => Err(chain_errors(e2, e1)),
    }
}

fn fileio_seekable(obj: &PyObject) -> PyResult {
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    if f.seekable.get() < 0 {
        // The test seek records the answer; a failure just means "not seekable".
        let _ = portable_lseek(f, None, libc::SEEK_CUR, false);
    }
    Ok(PyBool_FromLong(f.seekable.get() > 0))
}

fn fileio_readable(obj: &PyObject) -> PyResult {
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    Ok(PyBool_FromLong(f.readable.get()))
}

fn fileio_writable(obj: &PyObject) -> PyResult {
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    Ok(PyBool_FromLong(f.writable.get()))
}

fn fileio_fileno(obj: &PyObject) -> PyResult {
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    Ok(PyLong_FromLong(f.fd.get() as i64))
}

fn fileio_isatty(obj: &PyObject) -> PyResult {
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Err(err_closed());
    }
    // SAFETY: `isatty` only inspects the descriptor.
    Ok(PyBool_FromLong(unsafe { libc::isatty(f.fd.get()) } == 1))
}

/// `FileIO._dealloc_warn(source, /)`: the ResourceWarning "unclosed file ..." about
/// `source` (the outermost object: the text or buffered wrapper), for a file that
/// is still open and owns its descriptor. A warning made into an error cannot be
/// raised from a finalizer; it is reported as unraisable.
fn fileio_dealloc_warn(obj: &PyObject, source: &PyObject) -> PyResult {
    let f = as_fileio(obj);
    if f.fd.get() >= 0 && f.closefd.get() {
        let text = PyObject_Repr(source)
            .map(|r| objects::unicodeobject::as_str_lossy(&r).into_owned())
            .unwrap_or_default();
        if let Err(e) =
            objects::pyhooks::PyErr_ResourceWarning(source, 1, &format!("unclosed file {text}"))
        {
            if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_Warning) {
                objects::pyhooks::write_unraisable(e, Some(obj));
            }
        }
    }
    Ok(none())
}

/// The mode as `mode` reports it (`mode_string`).
fn mode_string(f: &PyFileIOObject) -> &'static str {
    if f.created.get() {
        if f.readable.get() {
            "xb+"
        } else {
            "xb"
        }
    } else if f.appending.get() {
        if f.readable.get() {
            "ab+"
        } else {
            "ab"
        }
    } else if f.readable.get() {
        if f.writable.get() {
            "rb+"
        } else {
            "rb"
        }
    } else {
        "wb"
    }
}

/// `FileIO.__repr__`. CPython writes the class name as `_io.FileIO` even for
/// subclasses.
fn fileio_repr(obj: &PyObject) -> PyResult {
    let f = as_fileio(obj);
    if f.fd.get() < 0 {
        return Ok(PyUnicode_FromString("<_io.FileIO [closed]>"));
    }
    let closefd = if f.closefd.get() { "True" } else { "False" };
    let Some(name) = objects::object::_PyObject_LookupAttr(obj, objects::intern!("name"))? else {
        return Ok(PyUnicode_FromString(&format!(
            "<_io.FileIO fd={} mode='{}' closefd={closefd}>",
            f.fd.get(),
            mode_string(f)
        )));
    };
    if !Py_ReprEnter(obj)? {
        let r = PyObject_Repr(&name);
        Py_ReprLeave(obj);
        let r = r?;
        return Ok(PyUnicode_FromString(&format!(
            "<_io.FileIO name={} mode='{}' closefd={closefd}>",
            objects::unicodeobject::as_str_lossy(&r),
            mode_string(f)
        )));
    }
    Err(runtime_error(format!(
        "reentrant call inside {}.__repr__",
        obj.ob_type().name()
    )))
}

fn fileio_get_closed(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_fileio(obj).fd.get() < 0))
}

fn fileio_get_closefd(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_fileio(obj).closefd.get()))
}

fn fileio_get_mode(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(mode_string(as_fileio(obj))))
}

fn fileio_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(d) = unsafe { as_fileio(obj).dict.get_ref() } {
        visit(d);
    }
}

fn fileio_clear(obj: &PyObject) {
    as_fileio(obj).dict.set(None);
}

unsafe fn fileio_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead FileIO; `close()` (run by the finalizer) knows it is
    // part of finalization.
    unsafe {
        as_fileio(&*op).finalizing.set(true);
        io_dealloc::<PyFileIOObject>(op)
    }
}

/// The descriptor of an exact `FileIO` (the buffered classes' fast paths).
pub fn fileio_fd(obj: &PyObject) -> Option<i32> {
    obj.downcast_ref_exact::<PyFileIOObject>()
        .map(|f| f.fd.get())
}

/// `FileIO.closed` without a method call, for exact `FileIO` objects
/// (`_PyFileIO_closed`).
pub fn fileio_closed(obj: &PyObject) -> Option<bool> {
    fileio_fd(obj).map(|fd| fd < 0)
}

/// `readinto` and `write` of an exact, open, readable/writable `FileIO`, called
/// directly by the buffered classes (same checks as the methods).
pub fn fileio_raw_read(obj: &PyObject, buf: &mut [u8]) -> Option<PyResult<Option<usize>>> {
    let f = obj.downcast_ref_exact::<PyFileIOObject>()?;
    if f.fd.get() < 0 {
        return Some(Err(err_closed()));
    }
    if !f.readable.get() {
        return Some(Err(err_mode("reading")));
    }
    Some(_Py_read(f.fd.get(), buf))
}

/// See [`fileio_raw_read`].
pub fn fileio_raw_write(obj: &PyObject, buf: &[u8]) -> Option<PyResult<Option<usize>>> {
    let f = obj.downcast_ref_exact::<PyFileIOObject>()?;
    if f.fd.get() < 0 {
        return Some(Err(err_closed()));
    }
    if !f.writable.get() {
        return Some(Err(err_mode("writing")));
    }
    Some(_Py_write(f.fd.get(), buf))
}

/// `raw.seek(pos, whence)` of an exact `FileIO`, without a method call.
pub fn fileio_raw_seek(obj: &PyObject, pos: i64, whence: i32) -> Option<PyResult<i64>> {
    let f = obj.downcast_ref_exact::<PyFileIOObject>()?;
    if f.fd.get() < 0 {
        return Some(Err(err_closed()));
    }
    // SAFETY: `lseek` only inspects the descriptor.
    let res = unsafe { libc::lseek(f.fd.get(), pos as libc::off_t, whence) };
    if f.seekable.get() < 0 {
        f.seekable.set((res >= 0) as i8);
    }
    if res < 0 {
        return Some(Err(PyErr_SetFromErrno(last_errno())));
    }
    Some(Ok(res as i64))
}

static FILEIO_METHODS: [PyMethodDef; 14] = [
    PyMethodDef::new("read", PyCFunction::Fast(fileio_read), docs::FILEIO_READ),
    PyMethodDef::new(
        "readall",
        PyCFunction::NoArgs(fileio_readall),
        docs::FILEIO_READALL,
    ),
    PyMethodDef::new(
        "readinto",
        PyCFunction::O(fileio_readinto),
        docs::FILEIO_READINTO,
    ),
    PyMethodDef::new("write", PyCFunction::O(fileio_write), docs::FILEIO_WRITE),
    PyMethodDef::new("seek", PyCFunction::Fast(fileio_seek), docs::FILEIO_SEEK),
    PyMethodDef::new("tell", PyCFunction::NoArgs(fileio_tell), docs::FILEIO_TELL),
    PyMethodDef::new(
        "truncate",
        PyCFunction::Fast(fileio_truncate),
        docs::FILEIO_TRUNCATE,
    ),
    PyMethodDef::new(
        "close",
        PyCFunction::NoArgs(fileio_close),
        docs::FILEIO_CLOSE,
    ),
    PyMethodDef::new(
        "seekable",
        PyCFunction::NoArgs(fileio_seekable),
        docs::FILEIO_SEEKABLE,
    ),
    PyMethodDef::new(
        "readable",
        PyCFunction::NoArgs(fileio_readable),
        docs::FILEIO_READABLE,
    ),
    PyMethodDef::new(
        "writable",
        PyCFunction::NoArgs(fileio_writable),
        docs::FILEIO_WRITABLE,
    ),
    PyMethodDef::new(
        "fileno",
        PyCFunction::NoArgs(fileio_fileno),
        docs::FILEIO_FILENO,
    ),
    PyMethodDef::new(
        "isatty",
        PyCFunction::NoArgs(fileio_isatty),
        docs::FILEIO_ISATTY,
    ),
    PyMethodDef::new(
        "_dealloc_warn",
        PyCFunction::O(fileio_dealloc_warn),
        docs::FILEIO_DEALLOC_WARN,
    ),
];

static FILEIO_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef {
        name: "closed",
        get: Some(fileio_get_closed),
        set: None,
        doc: Some("True if the file is closed"),
    },
    PyGetSetDef {
        name: "closefd",
        get: Some(fileio_get_closefd),
        set: None,
        doc: Some("True if the file descriptor will be closed by close()."),
    },
    PyGetSetDef {
        name: "mode",
        get: Some(fileio_get_mode),
        set: None,
        doc: Some("String giving the file mode"),
    },
];

static FILEIO_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef::new(
        "_blksize",
        MemberType::PySsizeT,
        offset_of!(PyFileIOObject, blksize),
        0,
    ),
    PyMemberDef::new(
        "_finalizing",
        MemberType::Bool,
        offset_of!(PyFileIOObject, finalizing),
        0,
    ),
];

/// `_io.FileIO`.
pub static PyFileIO_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io.FileIO",
    tp_basicsize: Cell::new(size_of::<PyFileIOObject>()),
    tp_dealloc: slot(fileio_dealloc),
    tp_repr: slot(fileio_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::FILEIO_DOC),
    tp_traverse: slot(fileio_traverse),
    tp_clear: slot(fileio_clear),
    tp_weaklistoffset: Cell::new(offset_of!(PyFileIOObject, weakreflist)),
    tp_methods: &FILEIO_METHODS,
    tp_members: &FILEIO_MEMBERS,
    tp_getset: &FILEIO_GETSET,
    tp_base: objects::object::type_ptr(&PyRawIOBase_Type),
    tp_dictoffset: Cell::new(offset_of!(PyFileIOObject, dict)),
    tp_init: slot(fileio_init),
    tp_new: slot(fileio_new),
    ..PyTypeObject::DEFAULT
};
