//! The `_string` module: the format-string parser that `string.Formatter` builds on.
//! Mirrors the `_string` part of Objects/unicodeobject.c and the iterators of
//! Objects/stringlib/unicode_format.h (CPython 3.11); the parser itself is
//! `objects::unicode_format`, shared with `str.format`.
//!
//! Differences from CPython: the parser returns all items at once, so these functions
//! return iterators over lists (`list_iterator`, not `formatteriterator` and
//! `fieldnameiterator`), and a malformed format string raises when the function is
//! called rather than when iteration reaches the bad field.

use include::methodobject::{PyCFunction, PyMethodDef};

use objects::boolobject::PyBool_FromLong;
use objects::listobject::PyList_New;
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::prelude::*;
use objects::r#abstract::PyObject_GetIter;
use objects::tupleobject::PyTuple_New;
use objects::unicode_format::{formatter_field_name_split, formatter_parser};

/// `formatter_parser(str, /)`: an iterator of `(literal, field_name, format_spec,
/// conversion)` tuples.
fn _string_formatter_parser(_m: &PyObject, s: &PyObject) -> PyResult {
    let items = formatter_parser(s)?
        .into_iter()
        .map(|t| PyTuple_New(t.to_vec()).into_object())
        .collect();
    PyObject_GetIter(&PyList_New(items).into_object())
}

/// `formatter_field_name_split(str, /)`: `(first, rest)`, where `rest` iterates over
/// `(is_attribute, key)` pairs.
fn _string_formatter_field_name_split(_m: &PyObject, s: &PyObject) -> PyResult {
    let (first, steps) = formatter_field_name_split(s)?;
    let rest: Vec<PyObjectRef> = steps
        .into_iter()
        .map(|(is_attr, key)| PyTuple_New(vec![PyBool_FromLong(is_attr), key]).into_object())
        .collect();
    let it = PyObject_GetIter(&PyList_New(rest).into_object())?;
    Ok(PyTuple_New(vec![first, it]).into_object())
}

static STRING_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "formatter_field_name_split",
        PyCFunction::O(_string_formatter_field_name_split),
        "split the argument as a field name",
    ),
    PyMethodDef::new(
        "formatter_parser",
        PyCFunction::O(_string_formatter_parser),
        "parse the argument as a format string",
    ),
];

/// `PyInit__string`.
pub fn PyInit__string() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_string")?;
    PyModule_AddFunctions(&m, &STRING_METHODS)?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &objects::unicodeobject::PyUnicode_FromString("string helper module"),
    )?;
    Ok(m)
}
