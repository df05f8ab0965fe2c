//! Mirrors CPython's Include/ directory: the object header, the type object and its
//! slots, the opcode table, and the code, frame and thread-state layouts that every
//! other crate shares. Nothing here knows about a particular built-in type.

pub mod code;
pub mod cpython;
pub mod descrobject;
pub mod frame;
pub mod gc;
pub mod methodobject;
pub mod object;
pub mod opcode;
pub mod pybuffer;
pub mod pyerrors;
pub mod pystate;

pub use cpython::object::{slot, PyTypeObject};
pub use object::{
    CompareOp, PyCell, PyObject, PyObjectLayout, PyObjectRef, PyRef, Py_hash_t, Py_ssize_t,
};
pub use pyerrors::{PyErr, PyResult};
