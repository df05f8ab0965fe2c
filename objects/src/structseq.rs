//! Struct sequences: tuples whose items also have names (`sys.version_info`,
//! `sys.flags`, `os.stat_result`, `time.struct_time`). Mirrors Objects/structseq.c
//! (CPython 3.11).
//!
//! A struct sequence type is made at run time from a [`PyStructSequence_Desc`]: a
//! subclass of `tuple` whose named fields are descriptors reading tuple items. As in
//! CPython, fields past `n_in_sequence` are not part of the tuple; pyrs keeps them in
//! the instance `__dict__`.
//!
//! Differences from CPython: the type object is allocated and leaked once per type
//! (these types live as long as the interpreter), rather than being static.

use std::cell::Cell;
use std::mem::size_of;
use std::ptr::NonNull;

use include::cpython::object::flags::*;

use crate::dictobject::{PyDictObject, PyDict_GetItemWithError, PyDict_SetItem};
use crate::longobject::PyLong_FromSsize_t;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::{PyTupleObject, PyTuple_Type};
use crate::typeobject::{type_dict, PyType_Ready, PyType_Type};
use crate::unicodeobject::{as_str_lossy, PyUnicode_FromString, PyUnicode_InternFromString};

/// `PyStructSequence_UnnamedField`: the name of a tuple item that has no attribute
/// (`os.stat_result`'s integer times); it is left out of `__match_args__` and the repr
/// names the items after it by the named fields, as CPython's `tp_members` does.
pub const PyStructSequence_UnnamedField: &str = "unnamed field";

/// `PyStructSequence_Desc`.
pub struct PyStructSequence_Desc {
    /// The dotted name (`"sys.version_info"`).
    pub name: &'static str,
    pub doc: &'static str,
    pub fields: &'static [&'static str],
    /// How many of the fields are tuple items.
    pub n_in_sequence: usize,
}

/// A descriptor reading one field of a struct sequence.
#[repr(C)]
struct StructSeqField {
    ob_base: PyObject,
    index: usize,
    name: &'static str,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for StructSeqField {}

fn field_get(obj: &PyObject, inst: Option<&PyObject>, _owner: Option<&PyObject>) -> PyResult {
    // SAFETY: installed on the field descriptor type only.
    let f = unsafe { &*(obj as *const PyObject as *const StructSeqField) };
    let Some(inst) = inst else {
        return Ok(obj.to_owned());
    };
    let Some(t) = inst.downcast_ref::<PyTupleObject>() else {
        return Err(type_error("descriptor needs a struct sequence"));
    };
    if let Some(v) = t.as_slice().get(f.index) {
        return Ok(v.clone());
    }
    // A field past the sequence part: in the instance dict.
    if let Some(d) = _PyObject_GetDictPtr(inst).and_then(|s| s.get()) {
        // SAFETY: instance dict slots hold dicts.
        let d = unsafe { d.downcast_ref_unchecked::<PyDictObject>() };
        if let Some(v) = PyDict_GetItemWithError(d, &PyUnicode_InternFromString(f.name))? {
            return Ok(v);
        }
    }
    Ok(none())
}

unsafe fn field_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead field descriptor.
    unsafe { dealloc_object::<StructSeqField>(op) }
}

static StructSeqField_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "structseq_field",
    tp_basicsize: Cell::new(size_of::<StructSeqField>()),
    tp_dealloc: slot(field_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
    tp_descr_get: slot(field_get),
    ..PyTypeObject::DEFAULT
};

fn field_count(tp: &PyTypeObject, name: &PyObject) -> usize {
    let d = type_dict(tp);
    PyDict_GetItemWithError(&d, name)
        .ok()
        .flatten()
        .and_then(|v| crate::longobject::PyLong_AsSsize_t_opt(&v))
        .unwrap_or(0) as usize
}

fn structseq_repr(obj: &PyObject) -> PyResult {
    let tp = obj.ob_type();
    let Some(t) = obj.downcast_ref::<PyTupleObject>() else {
        return Err(type_error("struct sequence expected"));
    };
    let d = type_dict(tp);
    // CPython names item i after the i-th *named* field (`tp_members[i]`), so the
    // items after unnamed ones take the names of hidden fields (`st_atime=...`).
    let fields = PyDict_GetItemWithError(&d, crate::intern!("_pyrs_fields"))?;
    let names: Vec<PyObjectRef> = match fields
        .as_ref()
        .and_then(|f| f.downcast_ref::<PyTupleObject>())
    {
        Some(f) => f
            .as_slice()
            .iter()
            .filter(|n| as_str_lossy(n) != PyStructSequence_UnnamedField)
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    let mut parts = Vec::with_capacity(t.len());
    for (i, v) in t.as_slice().iter().enumerate() {
        let r = PyObject_Repr(v)?;
        let n = names
            .get(i)
            .map(|n| as_str_lossy(n).into_owned())
            .unwrap_or_default();
        parts.push(format!("{}={}", n, as_str_lossy(&r)));
    }
    Ok(PyUnicode_FromString(&format!(
        "{}({})",
        tp.tp_name,
        parts.join(", ")
    )))
}

fn structseq_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = crate::getargs::parse_args(tp.tp_name, args, kwnames, &["sequence", "dict"], 1)?;
    let seq = a[0].clone().unwrap_or_else(none);
    let items = crate::r#abstract::PySequence_Fast(&seq, "constructor requires a sequence")?;
    let n_seq = field_count(tp, crate::intern!("n_sequence_fields"));
    let n_fields = field_count(tp, crate::intern!("n_fields"));
    if items.len() < n_seq {
        return Err(type_error(format!(
            "{}() takes an at least {}-sequence ({}-sequence given)",
            tp.tp_name,
            n_seq,
            items.len()
        )));
    }
    if items.len() > n_fields {
        return Err(type_error(format!(
            "{}() takes an at most {}-sequence ({}-sequence given)",
            tp.tp_name,
            n_fields,
            items.len()
        )));
    }
    PyStructSequence_New(tp, items)
}

/// `PyStructSequence_New` + filling: an instance of the struct sequence type `tp`.
pub fn PyStructSequence_New(tp: &PyTypeObject, mut items: Vec<PyObjectRef>) -> PyResult {
    let n_seq = field_count(tp, crate::intern!("n_sequence_fields"));
    let extra = if items.len() > n_seq {
        items.split_off(n_seq)
    } else {
        Vec::new()
    };
    let Some(new) = PyTuple_Type.tp_new.get() else {
        return Err(system_error("tuple has no constructor"));
    };
    let list = crate::listobject::PyList_New(items).into_object();
    let obj = new(tp, &[list], None)?;
    if !extra.is_empty() {
        let d = type_dict(tp);
        if let Some(names) = PyDict_GetItemWithError(&d, crate::intern!("_pyrs_fields"))? {
            if let Some(names) = names.downcast_ref::<PyTupleObject>() {
                for (name, v) in names.as_slice().iter().skip(n_seq).zip(extra) {
                    PyObject_GenericSetAttr(&obj, name, Some(&v))?;
                }
            }
        }
    }
    Ok(obj)
}

/// `tp_dealloc` of struct sequences with fields outside the tuple: release the
/// instance dict holding them, then free as a tuple.
unsafe fn structseq_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead struct sequence whose type has a dict slot.
    unsafe {
        if let Some(slot) = _PyObject_GetDictPtr(&*op) {
            slot.set(None);
        }
        if let Some(d) = PyTuple_Type.tp_dealloc.get() {
            d(op);
        }
    }
}

/// `PyStructSequence_NewType`: make the type described by `desc`.
pub fn PyStructSequence_NewType(
    desc: &'static PyStructSequence_Desc,
) -> PyResult<&'static PyTypeObject> {
    let has_hidden = desc.fields.len() > desc.n_in_sequence;
    let tp: &'static PyTypeObject = Box::leak(Box::new(PyTypeObject {
        ob_base: PyObject::new_static(&PyType_Type),
        tp_name: desc.name,
        tp_basicsize: Cell::new(
            PyTuple_Type.tp_basicsize.get() + if has_hidden { size_of::<usize>() } else { 0 },
        ),
        tp_repr: slot(structseq_repr),
        tp_new: slot(structseq_new),
        tp_dealloc: if has_hidden {
            slot(structseq_dealloc)
        } else {
            no_slot()
        },
        tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_TUPLE_SUBCLASS),
        tp_doc: Some(desc.doc),
        tp_base: Cell::new(Some(NonNull::from(&PyTuple_Type))),
        tp_dictoffset: Cell::new(if has_hidden {
            PyTuple_Type.tp_basicsize.get()
        } else {
            0
        }),
        ..PyTypeObject::DEFAULT
    }));
    PyType_Ready(tp)?;
    let d = type_dict(tp);
    let mut visible = Vec::new();
    let mut all = Vec::new();
    let mut n_unnamed = 0;
    for (i, &name) in desc.fields.iter().enumerate() {
        if name == PyStructSequence_UnnamedField {
            n_unnamed += 1;
            all.push(PyUnicode_InternFromString(name));
            continue;
        }
        // SAFETY: the fields are complete.
        let field = unsafe {
            alloc_object(
                &StructSeqField_Type,
                StructSeqField {
                    ob_base: PyObject_HEAD_INIT,
                    index: i,
                    name,
                },
            )
        };
        let key = PyUnicode_InternFromString(name);
        PyDict_SetItem(&d, &key, field.as_object())?;
        if i < desc.n_in_sequence {
            visible.push(key.clone());
        }
        all.push(key);
    }
    PyDict_SetItem(
        &d,
        crate::intern!("n_sequence_fields"),
        &PyLong_FromSsize_t(desc.n_in_sequence as isize),
    )?;
    PyDict_SetItem(
        &d,
        crate::intern!("n_fields"),
        &PyLong_FromSsize_t(desc.fields.len() as isize),
    )?;
    PyDict_SetItem(
        &d,
        crate::intern!("n_unnamed_fields"),
        &PyLong_FromSsize_t(n_unnamed),
    )?;
    PyDict_SetItem(
        &d,
        crate::intern!("__match_args__"),
        &crate::tupleobject::PyTuple_New(visible).into_object(),
    )?;
    PyDict_SetItem(
        &d,
        crate::intern!("_pyrs_fields"),
        &crate::tupleobject::PyTuple_New(all).into_object(),
    )?;
    Ok(tp)
}

/// Forbid creating instances of a struct sequence type from Python (`sys.flags`).
pub fn disallow_instantiation(tp: &PyTypeObject) {
    tp.tp_new.set(None);
    tp.tp_flags
        .set(tp.tp_flags.get() | Py_TPFLAGS_DISALLOW_INSTANTIATION);
}

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&StructSeqField_Type]
}
