//! Raising exceptions from Rust. Mirrors the parts of Python/errors.c (CPython 3.11)
//! that build and match exceptions.
//!
//! Differences from CPython: the functions *return* the exception as a [`PyErr`] (to be
//! used as `return Err(PyErr_SetString(&PyExc_TypeError, "..."))`) instead of storing it
//! in the thread state. They live in `objects` rather than `python` because every
//! built-in type raises. The short helpers (`type_error`, `value_error`, ...) are pyrs
//! conveniences over `PyErr_SetString`.

use crate::exceptions::*;
use crate::object::Py_None;
use crate::tupleobject::PyTupleObject;
use crate::typeobject::PyType_IsSubtype;
use crate::unicodeobject::PyUnicode_FromString;
use crate::{PyObjectExt, PyTypeInfo};
use include::{PyErr, PyObject, PyObjectRef, PyTypeObject};

/// Instantiate the exception type `tp` with `args` and return it as an error
/// (`_PyErr_CreateException` + `PyErr_SetObject`). If instantiating fails, that
/// failure is the error instead, as in CPython.
pub fn PyErr_FromArgs(tp: &PyTypeObject, args: &[PyObjectRef]) -> PyErr {
    match crate::call::_PyErr_CreateException(tp, args) {
        Ok(exc) if PyExceptionInstance_Check(&exc) => PyErr::from_instance(exc),
        Ok(exc) => PyErr_SetString(
            &PyExc_TypeError,
            format!(
                "calling {} should have returned an instance of BaseException, not {}",
                tp.name(),
                exc.ob_type().name()
            ),
        ),
        Err(err) => err,
    }
}

/// `PyErr_SetString`: raise `tp(msg)`.
pub fn PyErr_SetString(tp: &PyTypeObject, msg: impl AsRef<str>) -> PyErr {
    let msg = PyUnicode_FromString(msg.as_ref());
    PyErr_FromArgs(tp, &[msg])
}

/// `PyErr_SetObject`: raise `tp` with `value` as in `raise tp(value)`, except that a
/// `value` already of type `tp` is raised as is and a tuple supplies several args.
pub fn PyErr_SetObject(tp: &PyTypeObject, value: PyObjectRef) -> PyErr {
    if PyExceptionInstance_Check(&value) && PyType_IsSubtype(value.ob_type(), tp) {
        return PyErr::from_instance(value);
    }
    if value.is(Py_None()) {
        return PyErr_FromArgs(tp, &[]);
    }
    if let Some(t) = value.downcast_ref::<PyTupleObject>() {
        return PyErr_FromArgs(tp, t.as_slice());
    }
    PyErr_FromArgs(tp, &[value])
}

/// `PyErr_NoMemory`.
pub fn PyErr_NoMemory() -> PyErr {
    PyErr_FromArgs(&PyExc_MemoryError, &[])
}

/// `PyErr_GivenExceptionMatches`: does the exception (an instance or a class) match
/// `spec`, a class or a tuple of classes (searched recursively)?
pub fn PyErr_GivenExceptionMatches(exc: &PyObject, spec: &PyObject) -> bool {
    if let Some(t) = spec.downcast_ref::<PyTupleObject>() {
        return t
            .as_slice()
            .iter()
            .any(|s| PyErr_GivenExceptionMatches(exc, s));
    }
    let exc_type: &PyTypeObject = if PyExceptionInstance_Check(exc) {
        exc.ob_type()
    } else {
        match crate::typeobject::as_type(exc) {
            Some(t) => t,
            None => return exc.is(spec),
        }
    };
    match crate::typeobject::as_type(spec) {
        Some(spec_type) if PyExceptionClass_Check(spec) => PyType_IsSubtype(exc_type, spec_type),
        _ => exc_type.as_object().is(spec),
    }
}

/// `PyErr_ExceptionMatches` for an error in hand: is it an instance of `tp`?
#[inline]
pub fn PyErr_ExceptionMatches(err: &PyErr, tp: &PyTypeObject) -> bool {
    let t = err.value().ob_type();
    std::ptr::eq(t, tp) || PyType_IsSubtype(t, tp)
}

/// `PyExceptionInstance_Check`.
#[inline]
pub fn PyExceptionInstance_Check(obj: &PyObject) -> bool {
    PyBaseExceptionObject::check(obj)
}

/// `PyExceptionClass_Check`: a type that derives from `BaseException`.
pub fn PyExceptionClass_Check(obj: &PyObject) -> bool {
    match crate::typeobject::as_type(obj) {
        Some(t) => t.has_feature(include::cpython::object::flags::Py_TPFLAGS_BASE_EXC_SUBCLASS),
        None => false,
    }
}

// The usual exceptions, for brevity at the many places that raise them.

pub fn type_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_TypeError, msg)
}
pub fn value_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_ValueError, msg)
}
pub fn index_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_IndexError, msg)
}
pub fn attribute_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_AttributeError, msg)
}
pub fn overflow_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_OverflowError, msg)
}
pub fn zero_division_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_ZeroDivisionError, msg)
}
pub fn runtime_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_RuntimeError, msg)
}
pub fn system_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_SystemError, msg)
}
pub fn name_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_NameError, msg)
}
pub fn not_implemented_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_NotImplementedError, msg)
}
pub fn recursion_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_RecursionError, msg)
}
pub fn unicode_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_UnicodeError, msg)
}
pub fn os_error(msg: impl AsRef<str>) -> PyErr {
    PyErr_SetString(&PyExc_OSError, msg)
}

/// `KeyError(key)`: the key itself is the argument (so `str()` shows its repr).
pub fn key_error(key: &PyObject) -> PyErr {
    PyErr_FromArgs(&PyExc_KeyError, &[key.to_owned()])
}

/// `StopIteration(value)`, or a bare `StopIteration` for `None`.
pub fn stop_iteration(value: Option<PyObjectRef>) -> PyErr {
    match value {
        Some(v) if !v.is(Py_None()) => PyErr_FromArgs(&PyExc_StopIteration, &[v]),
        _ => PyErr_FromArgs(&PyExc_StopIteration, &[]),
    }
}

/// "'NoneType' object is not callable"-style messages name an object's type.
pub fn type_name(obj: &PyObject) -> &str {
    obj.ob_type().name()
}

/// The text of an OS error number (`strerror`).
pub fn strerror(errno: i32) -> String {
    // SAFETY: `strerror` returns a pointer to a NUL-terminated static or thread-local
    // message; it is copied out at once.
    unsafe {
        let p = libc::strerror(errno);
        if p.is_null() {
            return format!("Unknown error {errno}");
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// `PyErr_SetFromErrno`: `OSError(errno, strerror(errno))`, which the OSError
/// constructor turns into the matching subclass (`FileNotFoundError`, ...).
pub fn PyErr_SetFromErrno(errno: i32) -> PyErr {
    let msg = PyUnicode_FromString(&strerror(errno));
    PyErr_FromArgs(
        &PyExc_OSError,
        &[crate::longobject::PyLong_FromLong(errno as i64), msg],
    )
}

/// `PyErr_SetFromErrnoWithFilenameObject`: as above, with the file name.
pub fn PyErr_SetFromErrnoWithFilename(errno: i32, filename: PyObjectRef) -> PyErr {
    let msg = PyUnicode_FromString(&strerror(errno));
    PyErr_FromArgs(
        &PyExc_OSError,
        &[
            crate::longobject::PyLong_FromLong(errno as i64),
            msg,
            filename,
        ],
    )
}

/// An `OSError` for a Rust I/O error.
pub fn os_error_from_io(e: &std::io::Error) -> PyErr {
    match e.raw_os_error() {
        Some(n) => PyErr_SetFromErrno(n),
        None => os_error(e.to_string()),
    }
}

/// `PyErr_NewException`: a new exception class. `name` is "module.Class" (the part
/// before the last dot becomes `__module__`); `bases` are the bases, `Exception`
/// when empty.
pub fn PyErr_NewException(name: &str, bases: &[&PyTypeObject]) -> include::PyResult {
    let (module, class) = name.rsplit_once('.').ok_or_else(|| {
        PyErr_SetString(
            &PyExc_SystemError,
            "PyErr_NewException: name must be module.class",
        )
    })?;
    let dict = crate::dictobject::PyDict_New();
    crate::dictobject::PyDict_SetItem(
        &dict,
        crate::intern!("__module__"),
        &PyUnicode_FromString(module),
    )?;
    let bases: Vec<PyObjectRef> = if bases.is_empty() {
        vec![PyExc_Exception.as_object().to_owned()]
    } else {
        bases.iter().map(|b| b.as_object().to_owned()).collect()
    };
    crate::call::PyObject_Vectorcall(
        crate::typeobject::PyType_Type.as_object(),
        &[
            PyUnicode_FromString(class),
            crate::tupleobject::PyTuple_New(bases).into_object(),
            dict.into_object(),
        ],
        None,
    )
}

/// A module's exception class, made by `PyErr_NewException` on first use and kept
/// in `cell` for the rest of the process (a C module's static `PyObject *Error`).
pub fn cached_exception_type(
    cell: &'static include::object::GlobalCell<Option<PyObjectRef>>,
    name: &str,
    bases: &[&PyTypeObject],
) -> include::PyResult<&'static PyTypeObject> {
    // SAFETY: single-threaded; the borrow ends before any Python code runs.
    if let Some(tp) = unsafe { cell.get_ref() }
        .as_ref()
        .and_then(|t| crate::typeobject::as_type(t))
    {
        // SAFETY: the class is kept alive by `cell` for the rest of the process.
        return Ok(unsafe { &*(tp as *const PyTypeObject) });
    }
    let tp = PyErr_NewException(name, bases)?;
    // SAFETY: single-threaded; nothing borrows the cell now.
    unsafe { *cell.get_mut() = Some(tp) };
    cached_exception_type(cell, name, bases)
}

/// `_PyErr_TrySetFromCause`: replace `err` with a new exception of the same type whose
/// message is `"{prefix} ({type name}: {str(err)})"` and whose `__cause__` is `err`,
/// when that loses nothing: the type must be built by `BaseException`'s own
/// `__new__`/`__init__` with no extra C-level state (at most a weakref list more),
/// the instance must have no attributes, and its args must be empty or one `str`.
/// Otherwise `err` comes back unchanged. Codecs use it to name the failing codec.
pub fn _PyErr_TrySetFromCause(err: PyErr, prefix: &str) -> PyErr {
    let val = err.value();
    let tp = val.ob_type();
    let base_size = PyExc_BaseException.tp_basicsize.get();
    let size = tp.tp_basicsize.get();
    let same_basic_size = size == base_size
        || (crate::weakrefobject::_PyType_SUPPORTS_WEAKREFS(tp)
            && size == base_size + std::mem::size_of::<usize>());
    let same_fn = |a: Option<usize>, b: usize| a == Some(b);
    if !same_fn(
        tp.tp_init.get().map(|f| f as usize),
        BaseException_init as include::cpython::object::slots::initproc as usize,
    ) || !same_fn(
        tp.tp_new.get().map(|f| f as usize),
        BaseException_new as include::cpython::object::slots::newfunc as usize,
    ) || !same_basic_size
        || tp.tp_itemsize.get() != PyExc_BaseException.tp_itemsize.get()
    {
        return err;
    }
    let args = exc_args(val);
    let args = match args.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice().to_vec(),
        None => return err,
    };
    if args.len() > 1
        || (args.len() == 1 && !args[0].is_type(&crate::unicodeobject::PyUnicode_Type))
    {
        return err;
    }
    // An instance with attributes of its own is left alone: copying them over is
    // more than this promises.
    if let Some(e) = val.downcast_ref::<PyBaseExceptionObject>() {
        if let Some(d) = e.dict.get() {
            if d.downcast_ref::<crate::dictobject::PyDictObject>()
                .is_none_or(|d| !d.is_empty())
            {
                return err;
            }
        }
    }
    let text = match crate::object::PyObject_Str(val) {
        Ok(s) => crate::unicodeobject::as_str_lossy(&s).into_owned(),
        Err(e) => return e,
    };
    let msg = format!("{prefix} ({}: {text})", tp.name());
    let new = PyErr_SetString(tp, msg);
    exc_set_cause(new.value(), Some(val.clone()));
    new
}
