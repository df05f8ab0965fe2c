//! The `_typing` module: accelerators for `typing`. Mirrors Modules/_typingmodule.c
//! (CPython 3.11), which holds a single function, `_idfunc`; typing.py uses it as
//! `NewType.__call__`, so calling a NewType returns its argument without a Python
//! frame (a built-in function does not bind as a method, so it receives only the
//! argument).

use include::methodobject::{PyCFunction, PyMethodDef};

use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::prelude::*;
use objects::unicodeobject::PyUnicode_FromString;

/// `_idfunc(x, /)`: returns `x` itself (`_typing__idfunc`).
fn _typing__idfunc(_module: &PyObject, x: &PyObject) -> PyResult {
    Ok(x.to_owned())
}

static TYPING_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "_idfunc",
    PyCFunction::O(_typing__idfunc),
    "_idfunc($module, x, /)\n--\n\n",
)];

/// `PyInit__typing`.
pub fn PyInit__typing() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_typing")?;
    PyModule_AddFunctions(&m, &TYPING_METHODS)?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("Accelerators for the typing module.\n"),
    )?;
    Ok(m)
}
