//! Descriptions of native functions and methods. Mirrors Include/methodobject.h
//! (CPython 3.11).
//!
//! A `PyMethodDef` names a Rust function and says how it wants its arguments. The
//! calling conventions are CPython's `METH_*` ones; the flags that are not calling
//! conventions (`METH_CLASS`, `METH_STATIC`, `METH_COEXIST`) stay flags.
//!
//! Differences from CPython: the convention is an enum carrying a correctly typed
//! function pointer rather than a flag plus a cast; `METH_VARARGS` is not offered (the
//! fast-call forms cover it).

use crate::object::{PyObject, PyObjectRef};
use crate::pyerrors::PyResult;

/// The function and its calling convention. The first argument is `self` for methods
/// and the module (or `None`) for module-level functions.
#[derive(Clone, Copy)]
pub enum PyCFunction {
    /// `METH_NOARGS`: `f(self)`.
    NoArgs(fn(&PyObject) -> PyResult),
    /// `METH_O`: `f(self, arg)`.
    O(fn(&PyObject, &PyObject) -> PyResult),
    /// `METH_FASTCALL`: `f(self, args)` with positional arguments only.
    Fast(fn(&PyObject, &[PyObjectRef]) -> PyResult),
    /// `METH_FASTCALL | METH_KEYWORDS`: `f(self, args, kwnames)` in the vectorcall
    /// layout (positional arguments, then keyword values named by `kwnames`).
    FastKw(fn(&PyObject, &[PyObjectRef], Option<&PyObject>) -> PyResult),
}

/// `METH_CLASS`: the method receives the type instead of an instance.
pub const METH_CLASS: u32 = 0x0010;
/// `METH_STATIC`: the method receives no `self`.
pub const METH_STATIC: u32 = 0x0020;
/// `METH_COEXIST`: the method replaces a slot wrapper of the same name.
pub const METH_COEXIST: u32 = 0x0040;

/// `PyMethodDef`.
pub struct PyMethodDef {
    pub ml_name: &'static str,
    pub ml_meth: PyCFunction,
    pub ml_flags: u32,
    /// The docstring, starting with the signature line as Argument Clinic writes it
    /// (`"append($self, object, /)\n--\n\n..."`) when there is one.
    pub ml_doc: &'static str,
}

impl PyMethodDef {
    pub const fn new(name: &'static str, meth: PyCFunction, doc: &'static str) -> PyMethodDef {
        PyMethodDef {
            ml_name: name,
            ml_meth: meth,
            ml_flags: 0,
            ml_doc: doc,
        }
    }

    pub const fn with_flags(mut self, flags: u32) -> PyMethodDef {
        self.ml_flags = flags;
        self
    }
}
