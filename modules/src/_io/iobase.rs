//! `_io._IOBase` and `_io._RawIOBase`: the abstract bases whose methods are written
//! in terms of the methods a subclass provides. Mirrors Modules/_io/iobase.c
//! (CPython 3.11).
//!
//! Every method goes through attribute lookups on `self` (`self.readline()`,
//! `self.closed`, `self.flush()`), so Python subclasses that override a method see
//! their override used, exactly as in C. An `_IOBase` that is not one of the concrete
//! types records that it was closed in its instance dict, under `__IOBase_closed`.
//!
//! This file also holds what every I/O type shares: the finalizer that closes a file
//! left open when its object dies, and the generic deallocator built on it.

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::*;
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::boolobject::{PyBool_FromLong, Py_True};
use objects::bytearrayobject::{PyByteArrayObject, PyByteArray_FromVec};
use objects::bytesobject::{PyBytesObject, PyBytes_FromVec};
use objects::exceptions::{PyExc_InterruptedError, PyExc_NotImplementedError, PyExc_ValueError};
use objects::listobject::{PyList_Append, PyList_New};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::r#abstract::{PyIter_Next, PyNumber_AsSsize_t, PyObject_GetIter, PyObject_Size};
use objects::typeobject::{PyBaseObject_Type, PyType_Type};

use super::docs;
use super::{call_method, err_closed_iobase, optional_ssize, unsupported, DEFAULT_BUFFER_SIZE};

/// The instance layout of the abstract bases (`iobase` in iobase.c): the instance
/// `__dict__` and the weak-reference list.
#[repr(C)]
pub struct PyIOBaseObject {
    pub ob_base: PyObject,
    pub dict: PyCell<Option<PyObjectRef>>,
    pub weakreflist: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyIOBaseObject {}

impl PyTypeInfo for PyIOBaseObject {
    fn type_object() -> &'static PyTypeObject {
        &PyIOBase_Type
    }
}

// --- What every I/O type shares -------------------------------------------------------------

/// Run the object's `tp_finalize` from its deallocator, at most once
/// (`_PyIOBase_finalize` / `PyObject_CallFinalizerFromDealloc`). Returns true when the
/// finalizer resurrected the object, which must then not be freed.
///
/// # Safety
/// `op` must be a dead object of a GC type (reference count zero, in its deallocator).
pub unsafe fn finalize_from_dealloc(op: *mut PyObject) -> bool {
    // SAFETY: the caller guarantees `op` is a dead GC object; it is given one
    // reference for the duration of the finalizer, as CPython does.
    unsafe {
        include::gc::gc_untrack(op);
        if include::gc::gc_finalized(op) {
            return false;
        }
        let obj = &*op;
        let Some(fin) = obj.ob_type().tp_finalize.get() else {
            return false;
        };
        obj.ob_refcnt.set(1);
        include::gc::gc_set_finalized(op);
        fin(obj);
        let n = obj.ob_refcnt.get() - 1;
        obj.ob_refcnt.set(n);
        if n > 0 {
            // The finalizer stored a new reference: the object lives on.
            include::gc::gc_track(op);
            return true;
        }
        false
    }
}

/// The deallocator of every `_io` type whose layout is `T`: close the file if it is
/// still open (the finalizer), clear weak references, drop the fields, free.
///
/// # Safety
/// `op` must be a dead object whose layout starts with `T`.
pub unsafe fn io_dealloc<T: PyObjectLayout>(op: *mut PyObject) {
    // SAFETY: see the function's contract.
    unsafe {
        if finalize_from_dealloc(op) {
            return;
        }
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<T>(op)
    }
}

/// `iobase_finalize` (`tp_finalize` of `_IOBase`, inherited by every I/O class): if
/// the object is not closed, mark it as finalizing and call `close()`, ignoring errors
/// (CPython reports them only in development mode).
pub fn iobase_finalize(obj: &PyObject) {
    // An object whose `closed` cannot be read or judged is probably unusable: leave it.
    let closed = match objects::object::_PyObject_LookupAttr(obj, objects::intern!("closed")) {
        Ok(Some(v)) => PyObject_IsTrue(&v).ok(),
        _ => None,
    };
    if closed == Some(false) {
        // Tell close() it runs as part of finalization (the concrete classes skip
        // their ResourceWarning on that flag).
        let _ = PyObject_SetAttr(obj, objects::intern!("_finalizing"), Some(Py_True()));
        let _ = call_method(obj, objects::intern!("close"), &[]);
    }
}

/// `tp_traverse` of the abstract bases: the instance dict.
pub fn iobase_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let b = as_iobase(obj);
    // SAFETY: traversal runs no Python code.
    if let Some(d) = unsafe { b.dict.get_ref() } {
        visit(d);
    }
}

/// `tp_clear` of the abstract bases.
pub fn iobase_clear(obj: &PyObject) {
    as_iobase(obj).dict.set(None);
}

fn as_iobase(obj: &PyObject) -> &PyIOBaseObject {
    // SAFETY: installed only on types whose layout starts with `PyIOBaseObject`.
    unsafe { &*(obj as *const PyObject as *const PyIOBaseObject) }
}

/// `tp_new` of the abstract bases (`PyType_GenericNew`): an instance with an empty
/// state; arguments are left to `__init__`.
pub fn iobase_new(
    tp: &PyTypeObject,
    _args: &[PyObjectRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    // SAFETY: `tp` derives from an abstract base whose layout is `PyIOBaseObject`;
    // the rest of a subclass instance is zero-initialised.
    let obj = unsafe {
        alloc_object(
            tp,
            PyIOBaseObject {
                ob_base: PyObject_HEAD_INIT,
                dict: PyCell::new(None),
                weakreflist: PyCell::new(None),
            },
        )
    };
    Ok(obj.into_object())
}

// --- Helpers the other files use -------------------------------------------------------------

/// Whether an `_IOBase` was closed through `_IOBase.close` (`iobase_is_closed`): the
/// `__IOBase_closed` attribute exists.
pub fn iobase_is_closed(obj: &PyObject) -> PyResult<bool> {
    Ok(objects::object::_PyObject_LookupAttr(obj, objects::intern!("__IOBase_closed"))?.is_some())
}

/// `_PyIOBase_check_closed`: raise `ValueError` if `self.closed` is true.
pub fn _PyIOBase_check_closed(obj: &PyObject) -> PyResult<()> {
    if super::attr_is_true(obj, objects::intern!("closed"))? {
        return Err(err_closed_iobase());
    }
    Ok(())
}

/// The result of `self.<what>able()` must be exactly True (`_PyIOBase_check_*`).
fn check_able(obj: &PyObject, meth: &PyObject, msg: &str) -> PyResult<()> {
    let r = call_method(obj, meth, &[])?;
    if !r.is(Py_True()) {
        return Err(unsupported(msg));
    }
    Ok(())
}

/// `_PyIOBase_check_seekable`.
pub fn _PyIOBase_check_seekable(obj: &PyObject) -> PyResult<()> {
    check_able(
        obj,
        objects::intern!("seekable"),
        "File or stream is not seekable.",
    )
}

/// `_PyIOBase_check_readable`.
pub fn _PyIOBase_check_readable(obj: &PyObject) -> PyResult<()> {
    check_able(
        obj,
        objects::intern!("readable"),
        "File or stream is not readable.",
    )
}

/// `_PyIOBase_check_writable`.
pub fn _PyIOBase_check_writable(obj: &PyObject) -> PyResult<()> {
    check_able(
        obj,
        objects::intern!("writable"),
        "File or stream is not writable.",
    )
}

/// Chain `later` onto `first` as its context (`_PyErr_ChainExceptions`): the first
/// error wins and remembers the second.
pub fn chain_errors(first: PyErr, later: PyErr) -> PyErr {
    let ctx = later.into_value();
    let cur = first.value();
    if objects::exceptions::exc_context(cur).is_none() && !cur.is(&ctx) {
        objects::exceptions::exc_set_context(cur, Some(ctx));
    }
    first
}

/// The contents of a writable buffer argument (`readinto(b)`): a `bytearray`, or any
/// object whose slices can be assigned bytes. Returns its length.
pub fn writable_buffer_len(fname: &str, b: &PyObject) -> PyResult<usize> {
    if let Some(ba) = b.downcast_ref::<PyByteArrayObject>() {
        return Ok(ba.len());
    }
    if PyBytesObject::check(b) || !objects::bytesobject::PyObject_CheckBuffer(b) {
        return Err(objects::longobject::_PyArg_BadArgument(
            fname,
            "argument",
            "read-write bytes-like object",
            b,
        ));
    }
    Ok(PyObject_Size(b)? as usize)
}

/// Copy `data` into the start of the writable buffer `b` (`memcpy` into a
/// `Py_buffer`): `b[0:len(data)] = data`.
pub fn write_into_buffer(b: &PyObject, data: &[u8]) -> PyResult<()> {
    if data.is_empty() {
        return Ok(());
    }
    let slice = objects::sliceobject::PySlice_New(
        Some(objects::longobject::PyLong_FromLong(0)),
        Some(objects::longobject::PyLong_FromLong(data.len() as i64)),
        None,
    );
    objects::r#abstract::PyObject_SetItem(b, &slice, &objects::bytesobject::PyBytes_FromSlice(data))
}

// --- _IOBase methods -----------------------------------------------------------------------

fn iobase_seek(_obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    Err(unsupported("seek"))
}

fn iobase_tell(obj: &PyObject) -> PyResult {
    call_method(
        obj,
        objects::intern!("seek"),
        &[
            objects::longobject::PyLong_FromLong(0),
            objects::longobject::PyLong_FromLong(1),
        ],
    )
}

fn iobase_truncate(_obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    Err(unsupported("truncate"))
}

fn iobase_flush(obj: &PyObject) -> PyResult {
    if iobase_is_closed(obj)? {
        return Err(err_closed_iobase());
    }
    Ok(none())
}

/// `_IOBase.close`: flush, then mark closed even if flushing failed.
fn iobase_close(obj: &PyObject) -> PyResult {
    if iobase_is_closed(obj)? {
        return Ok(none());
    }
    let res = call_method(obj, objects::intern!("flush"), &[]);
    let rc = PyObject_SetAttr(obj, objects::intern!("__IOBase_closed"), Some(Py_True()));
    match (res, rc) {
        (Ok(_), Ok(())) => Ok(none()),
        (Err(e), Ok(())) => Err(e),
        (Ok(_), Err(e)) => Err(e),
        (Err(e1), Err(e2)) => Err(chain_errors(e2, e1)),
    }
}

fn iobase_false(_obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(false))
}

fn iobase_check_closed_meth(obj: &PyObject) -> PyResult {
    _PyIOBase_check_closed(obj)?;
    Ok(none())
}

fn iobase_check_seekable_meth(obj: &PyObject) -> PyResult {
    _PyIOBase_check_seekable(obj)?;
    Ok(none())
}

fn iobase_check_readable_meth(obj: &PyObject) -> PyResult {
    _PyIOBase_check_readable(obj)?;
    Ok(none())
}

fn iobase_check_writable_meth(obj: &PyObject) -> PyResult {
    _PyIOBase_check_writable(obj)?;
    Ok(none())
}

fn iobase_fileno(_obj: &PyObject) -> PyResult {
    Err(unsupported("fileno"))
}

fn iobase_isatty(obj: &PyObject) -> PyResult {
    _PyIOBase_check_closed(obj)?;
    Ok(PyBool_FromLong(false))
}

fn iobase_enter(obj: &PyObject) -> PyResult {
    _PyIOBase_check_closed(obj)?;
    Ok(obj.to_owned())
}

fn iobase_exit(obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    call_method(obj, objects::intern!("close"), &[])
}

/// `tp_iter`: the object itself, if open.
pub fn iobase_iter(obj: &PyObject) -> PyResult {
    _PyIOBase_check_closed(obj)?;
    Ok(obj.to_owned())
}

/// `tp_iternext`: `self.readline()` until it returns an empty line.
pub fn iobase_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let line = call_method(obj, objects::intern!("readline"), &[])?;
    if PyObject_Size(&line)? <= 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

/// `_IOBase.readline(size=-1, /)`: read with `peek()` when the object has it (so as
/// not to read past the newline), else one byte at a time.
fn iobase_readline(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("readline", args.len(), 0, 1)?;
    let limit = optional_ssize(args.first().map(|a| &**a))?;
    let peek = objects::object::_PyObject_LookupAttr(obj, objects::intern!("peek"))?;
    let mut buffer: Vec<u8> = Vec::new();
    while limit < 0 || (buffer.len() as isize) < limit {
        let mut nreadahead: isize = 1;
        if let Some(peek) = &peek {
            let readahead =
                objects::call::PyObject_CallOneArg(peek, &objects::longobject::PyLong_FromLong(1))?;
            let Some(ra) = readahead.downcast_ref::<PyBytesObject>() else {
                return Err(os_error(format!(
                    "peek() should have returned a bytes object, not '{}'",
                    readahead.ob_type().name()
                )));
            };
            let data = ra.as_bytes();
            if !data.is_empty() {
                let mut n = 0usize;
                let cap = if limit >= 0 {
                    (limit as usize - buffer.len()).min(data.len())
                } else {
                    data.len()
                };
                while n < cap {
                    let c = data[n];
                    n += 1;
                    if c == b'\n' {
                        break;
                    }
                }
                nreadahead = n as isize;
            }
        }
        let b = call_method(
            obj,
            objects::intern!("read"),
            &[objects::longobject::PyLong_FromSsize_t(nreadahead)],
        )?;
        let Some(bb) = b.downcast_ref::<PyBytesObject>() else {
            return Err(os_error(format!(
                "read() should have returned a bytes object, not '{}'",
                b.ob_type().name()
            )));
        };
        if bb.is_empty() {
            break;
        }
        buffer.extend_from_slice(bb.as_bytes());
        if buffer.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(PyBytes_FromVec(buffer))
}

/// `_IOBase.readlines(hint=-1, /)`.
fn iobase_readlines(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("readlines", args.len(), 0, 1)?;
    let hint = optional_ssize(args.first().map(|a| &**a))?;
    let result = PyList_New(Vec::new());
    if hint <= 0 {
        // `list.extend(self)`: iterating checks that the file is open.
        objects::listobject::_PyList_Extend(&result, obj)?;
        return Ok(result.into_object());
    }
    let it = PyObject_GetIter(obj)?;
    let mut length: isize = 0;
    while let Some(line) = PyIter_Next(&it)? {
        let n = PyObject_Size(&line)?;
        PyList_Append(&result, line)?;
        length += n;
        if length > hint {
            break;
        }
    }
    Ok(result.into_object())
}

/// `_IOBase.writelines(lines, /)`: `self.write(line)` for each line.
fn iobase_writelines(obj: &PyObject, lines: &PyObject) -> PyResult {
    _PyIOBase_check_closed(obj)?;
    let it = PyObject_GetIter(lines)?;
    while let Some(line) = PyIter_Next(&it)? {
        loop {
            match call_method(obj, objects::intern!("write"), std::slice::from_ref(&line)) {
                Ok(_) => break,
                Err(e) if PyErr_ExceptionMatches(&e, &PyExc_InterruptedError) => {
                    objects::pyhooks::check_signals()?;
                    continue;
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(none())
}

fn iobase_get_closed(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(iobase_is_closed(obj)?))
}

/// `__dict__` (`PyObject_GenericGetDict`).
pub fn iobase_get_dict(obj: &PyObject) -> PyResult {
    match objects::object::_PyObject_GetOrCreateDict(obj) {
        Some(d) => Ok(d),
        None => Err(attribute_error("This object has no __dict__")),
    }
}

static IOBASE_METHODS: [PyMethodDef; 19] = [
    PyMethodDef::new("seek", PyCFunction::Fast(iobase_seek), docs::IOBASE_SEEK),
    PyMethodDef::new("tell", PyCFunction::NoArgs(iobase_tell), docs::IOBASE_TELL),
    PyMethodDef::new(
        "truncate",
        PyCFunction::Fast(iobase_truncate),
        docs::IOBASE_TRUNCATE,
    ),
    PyMethodDef::new(
        "flush",
        PyCFunction::NoArgs(iobase_flush),
        docs::IOBASE_FLUSH,
    ),
    PyMethodDef::new(
        "close",
        PyCFunction::NoArgs(iobase_close),
        docs::IOBASE_CLOSE,
    ),
    PyMethodDef::new(
        "seekable",
        PyCFunction::NoArgs(iobase_false),
        docs::IOBASE_SEEKABLE,
    ),
    PyMethodDef::new(
        "readable",
        PyCFunction::NoArgs(iobase_false),
        docs::IOBASE_READABLE,
    ),
    PyMethodDef::new(
        "writable",
        PyCFunction::NoArgs(iobase_false),
        docs::IOBASE_WRITABLE,
    ),
    PyMethodDef::new(
        "_checkClosed",
        PyCFunction::NoArgs(iobase_check_closed_meth),
        docs::IOBASE_CHECKCLOSED,
    ),
    PyMethodDef::new(
        "_checkSeekable",
        PyCFunction::NoArgs(iobase_check_seekable_meth),
        docs::IOBASE_CHECKSEEKABLE,
    ),
    PyMethodDef::new(
        "_checkReadable",
        PyCFunction::NoArgs(iobase_check_readable_meth),
        docs::IOBASE_CHECKREADABLE,
    ),
    PyMethodDef::new(
        "_checkWritable",
        PyCFunction::NoArgs(iobase_check_writable_meth),
        docs::IOBASE_CHECKWRITABLE,
    ),
    PyMethodDef::new(
        "fileno",
        PyCFunction::NoArgs(iobase_fileno),
        docs::IOBASE_FILENO,
    ),
    PyMethodDef::new(
        "isatty",
        PyCFunction::NoArgs(iobase_isatty),
        docs::IOBASE_ISATTY,
    ),
    PyMethodDef::new(
        "__enter__",
        PyCFunction::NoArgs(iobase_enter),
        docs::IOBASE_ENTER,
    ),
    PyMethodDef::new(
        "__exit__",
        PyCFunction::Fast(iobase_exit),
        docs::IOBASE_EXIT,
    ),
    PyMethodDef::new(
        "readline",
        PyCFunction::Fast(iobase_readline),
        docs::IOBASE_READLINE,
    ),
    PyMethodDef::new(
        "readlines",
        PyCFunction::Fast(iobase_readlines),
        docs::IOBASE_READLINES,
    ),
    PyMethodDef::new(
        "writelines",
        PyCFunction::O(iobase_writelines),
        docs::IOBASE_WRITELINES,
    ),
];

static IOBASE_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef::getter("__dict__", iobase_get_dict),
    PyGetSetDef::getter("closed", iobase_get_closed),
];

/// The flags of every `_io` class but `IncrementalNewlineDecoder`.
pub const IO_FLAGS: u64 =
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE;

/// `_io._IOBase`.
pub static PyIOBase_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io._IOBase",
    tp_basicsize: Cell::new(size_of::<PyIOBaseObject>()),
    tp_dealloc: slot(io_dealloc::<PyIOBaseObject>),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::IOBASE_DOC),
    tp_traverse: slot(iobase_traverse),
    tp_clear: slot(iobase_clear),
    tp_weaklistoffset: Cell::new(offset_of!(PyIOBaseObject, weakreflist)),
    tp_iter: slot(iobase_iter),
    tp_iternext: slot(iobase_iternext),
    tp_methods: &IOBASE_METHODS,
    tp_getset: &IOBASE_GETSET,
    tp_base: objects::object::type_ptr(&PyBaseObject_Type),
    tp_dictoffset: Cell::new(offset_of!(PyIOBaseObject, dict)),
    tp_new: slot(iobase_new),
    tp_finalize: slot(iobase_finalize),
    ..PyTypeObject::DEFAULT
};

// --- _RawIOBase ------------------------------------------------------------------------------

/// `_RawIOBase.read(size=-1, /)`: `readall()` for a negative size, else `readinto`
/// a fresh buffer.
fn rawiobase_read(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("read", args.len(), 0, 1)?;
    let n = match args.first() {
        Some(a) => super::ssize_arg(a)?,
        None => -1,
    };
    if n < 0 {
        return call_method(obj, objects::intern!("readall"), &[]);
    }
    let b = PyByteArray_FromVec(super::try_zeroed(n as usize)?);
    let res = call_method(obj, objects::intern!("readinto"), std::slice::from_ref(&b))?;
    if res.is(Py_None()) {
        return Ok(res);
    }
    let got = PyNumber_AsSsize_t(&res, Some(&PyExc_ValueError))?;
    if got < 0 || got > n {
        return Err(value_error(format!(
            "readinto returned {got} outside buffer size {n}"
        )));
    }
    let data = objects::bytearrayobject::PyByteArray_AsVec(&b).unwrap_or_default();
    Ok(objects::bytesobject::PyBytes_FromSlice(
        &data[..(got as usize).min(data.len())],
    ))
}

/// `_RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` until EOF.
fn rawiobase_readall(obj: &PyObject) -> PyResult {
    let mut chunks: Vec<u8> = Vec::new();
    let mut any = false;
    let size = objects::longobject::PyLong_FromLong(DEFAULT_BUFFER_SIZE as i64);
    loop {
        let data = match call_method(obj, objects::intern!("read"), std::slice::from_ref(&size)) {
            Ok(d) => d,
            Err(e) if PyErr_ExceptionMatches(&e, &PyExc_InterruptedError) => {
                objects::pyhooks::check_signals()?;
                continue;
            }
            Err(e) => return Err(e),
        };
        if data.is(Py_None()) {
            if !any {
                return Ok(data);
            }
            break;
        }
        let Some(b) = data.downcast_ref::<PyBytesObject>() else {
            return Err(type_error("read() should return bytes"));
        };
        if b.is_empty() {
            break;
        }
        any = true;
        chunks.extend_from_slice(b.as_bytes());
    }
    Ok(PyBytes_FromVec(chunks))
}

fn rawiobase_not_implemented(_obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    Err(PyErr_FromArgs(&PyExc_NotImplementedError, &[]))
}

static RAWIOBASE_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "read",
        PyCFunction::Fast(rawiobase_read),
        docs::RAWIOBASE_READ,
    ),
    PyMethodDef::new(
        "readall",
        PyCFunction::NoArgs(rawiobase_readall),
        docs::RAWIOBASE_READALL,
    ),
    PyMethodDef::new(
        "readinto",
        PyCFunction::Fast(rawiobase_not_implemented),
        docs::RAWIOBASE_READINTO,
    ),
    PyMethodDef::new(
        "write",
        PyCFunction::Fast(rawiobase_not_implemented),
        docs::RAWIOBASE_WRITE,
    ),
];

/// `_io._RawIOBase`.
pub static PyRawIOBase_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io._RawIOBase",
    tp_basicsize: Cell::new(size_of::<PyIOBaseObject>()),
    tp_dealloc: slot(io_dealloc::<PyIOBaseObject>),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::RAWIOBASE_DOC),
    tp_traverse: slot(iobase_traverse),
    tp_clear: slot(iobase_clear),
    tp_methods: &RAWIOBASE_METHODS,
    tp_base: objects::object::type_ptr(&PyIOBase_Type),
    ..PyTypeObject::DEFAULT
};
