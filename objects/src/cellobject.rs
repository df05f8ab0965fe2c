//! Cells: the boxes that closures share variables through. Mirrors
//! Objects/cellobject.c (CPython 3.11).

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::descrobject::PyGetSetDef;

use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::PyUnicode_FromString;

/// `PyCellObject`.
#[repr(C)]
pub struct PyCellObject {
    pub ob_base: PyObject,
    /// The contents (`ob_ref`); `None` when the variable is unbound.
    pub ob_ref: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyCellObject {}

impl PyTypeInfo for PyCellObject {
    fn type_object() -> &'static PyTypeObject {
        &PyCell_Type
    }
}

impl PyCellObject {
    /// `PyCell_GET`.
    #[inline]
    pub fn get(&self) -> Option<PyObjectRef> {
        self.ob_ref.get()
    }

    /// `PyCell_SET`.
    #[inline]
    pub fn set(&self, value: Option<PyObjectRef>) {
        self.ob_ref.set(value)
    }
}

/// `PyCell_New`.
pub fn PyCell_New(value: Option<PyObjectRef>) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyCell_Type,
            PyCellObject {
                ob_base: PyObject_HEAD_INIT,
                ob_ref: PyCell::new(value),
            },
        )
    }
    .into_object()
}

fn as_cell(obj: &PyObject) -> &PyCellObject {
    // SAFETY: only installed on `cell`.
    unsafe { &*(obj as *const PyObject as *const PyCellObject) }
}

fn cell_repr(obj: &PyObject) -> PyResult {
    let text = match as_cell(obj).get() {
        None => format!("<cell at {:p}: empty>", obj.as_ptr()),
        Some(v) => format!(
            "<cell at {:p}: {} object at {:p}>",
            obj.as_ptr(),
            v.ob_type().name(),
            v.as_ptr()
        ),
    };
    Ok(PyUnicode_FromString(&text))
}

/// Cells compare by contents, an empty cell being smaller than a full one.
fn cell_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !b.is_type(&PyCell_Type) {
        return Ok(not_implemented());
    }
    match (as_cell(a).get(), as_cell(b).get()) {
        (Some(x), Some(y)) => PyObject_RichCompare(&x, &y, op),
        (x, y) => {
            let ord = (x.is_some() as u8).cmp(&(y.is_some() as u8));
            Ok(crate::boolobject::PyBool_FromLong(op.from_ordering(ord)))
        }
    }
}

fn cell_get_contents(obj: &PyObject) -> PyResult {
    as_cell(obj)
        .get()
        .ok_or_else(|| value_error("Cell is empty"))
}

fn cell_set_contents(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    as_cell(obj).set(value.map(|v| v.to_owned()));
    Ok(())
}

static CELL_GETSET: [PyGetSetDef; 1] = [PyGetSetDef::getset(
    "cell_contents",
    cell_get_contents,
    cell_set_contents,
)];

unsafe fn cell_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead cell.
    unsafe { dealloc_object::<PyCellObject>(op) }
}

fn cell_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(v) = unsafe { as_cell(obj).ob_ref.get_ref() } {
        visit(v);
    }
}

fn cell_clear(obj: &PyObject) {
    as_cell(obj).set(None);
}

fn cell_new(_tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    crate::getargs::check_no_kwargs("cell", kwnames)?;
    crate::getargs::check_positional("cell", args.len(), 0, 1)?;
    Ok(PyCell_New(args.first().cloned()))
}

/// `cell`.
pub static PyCell_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "cell",
    tp_basicsize: Cell::new(size_of::<PyCellObject>()),
    tp_dealloc: slot(cell_dealloc),
    tp_repr: slot(cell_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("cell([contents])\n--\n\nCreate a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a ValueError."),
    tp_traverse: slot(cell_traverse),
    tp_clear: slot(cell_clear),
    tp_richcompare: slot(cell_richcompare),
    tp_getset: &CELL_GETSET,
    tp_new: slot(cell_new),
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyCell_Type]
}
