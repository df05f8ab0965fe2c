//! How errors travel through the runtime. Mirrors Include/pyerrors.h (CPython 3.11).
//!
//! Differences from CPython: CPython signals an error by returning `NULL` (or -1) and
//! leaving the exception in the thread state (`PyErr_SetString`, `PyErr_Occurred`).
//! pyrs returns `Err(PyErr)` instead, and a `PyErr` always holds a real exception
//! instance (CPython 3.12 made the same choice: "normalized" exceptions only). The
//! functions that build exceptions (`PyErr_SetString` and friends) live in
//! `objects::pyerrors`, next to the exception types they instantiate.
//!
//! "No more items" is not an error: iteration slots return `Ok(None)` when exhausted,
//! as C's `tp_iternext` returns `NULL` without setting an exception.

use std::fmt;

use crate::object::PyObjectRef;

/// A raised Python exception: an instance of `BaseException` or a subclass.
#[derive(Clone)]
pub struct PyErr(PyObjectRef);

impl PyErr {
    /// Wrap an exception instance. The caller guarantees `exc` is a `BaseException`
    /// instance (use `objects::pyerrors` to build one from a type and message).
    pub fn from_instance(exc: PyObjectRef) -> PyErr {
        PyErr(exc)
    }

    /// The exception instance.
    pub fn value(&self) -> &PyObjectRef {
        &self.0
    }

    /// The exception instance, owned.
    pub fn into_value(self) -> PyObjectRef {
        self.0
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PyErr({:?})", self.0)
    }
}

/// The result of any operation that can raise: `Ok(value)` or `Err(exception)`.
pub type PyResult<T = PyObjectRef> = Result<T, PyErr>;
