//! `enumerate` and `reversed`. Mirrors Objects/enumobject.c (CPython 3.11).
//!
//! `enumerate` counts in a machine word and switches to an int once the count reaches
//! `sys.maxsize`, so it never overflows. `reversed(seq)` calls `seq.__reversed__()`
//! when the type defines it (`__reversed__ = None` means "not reversible"), and
//! otherwise walks a sequence backwards with `__len__` and `__getitem__`.
//!
//! Differences from CPython: `enumerate` does not recycle its result tuple (CPython
//! reuses it when nobody else holds it); the type still reports CPython's instance
//! size.

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::exceptions::*;
use crate::longobject::{PyLong_FromLong, PyLong_FromSsize_t};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::{
    tuple_get_empty, PyObject_SelfIter, PyTuple_New, LENGTH_HINT_DOC, REDUCE_DOC, SETSTATE_DOC,
};
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{as_str_lossy, unicode_eq_str};

// --- enumerate --------------------------------------------------------------------------------

/// `enumobject`.
#[repr(C)]
pub struct PyEnumObject {
    pub ob_base: PyObject,
    /// The next count while it fits (`en_index`); `Py_ssize_t::MAX` once counting has
    /// moved to `en_longindex`.
    en_index: Cell<Py_ssize_t>,
    /// The iterator over the argument (`en_sit`).
    en_sit: PyObjectRef,
    /// The next count as an int, once it no longer fits (`en_longindex`).
    en_longindex: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyEnumObject {}

/// CPython's `sizeof(enumobject)`: pyrs's struct is smaller (no cached tuple, no cached
/// 1), and the type reports CPython's size for `__basicsize__` and `sys.getsizeof`.
const CPYTHON_ENUM_BASICSIZE: usize = 56;

const fn max(a: usize, b: usize) -> usize {
    if a > b {
        a
    } else {
        b
    }
}

fn as_enum(obj: &PyObject) -> &PyEnumObject {
    // SAFETY: installed on `enumerate` and its subclasses only.
    unsafe { &*(obj as *const PyObject as *const PyEnumObject) }
}

/// `enum_new_impl`: the start is converted before the iterable is iterated, as in
/// CPython (so its errors come first).
fn enum_new_impl(tp: &PyTypeObject, iterable: &PyObject, start: Option<&PyObject>) -> PyResult {
    let (index, longindex) = match start {
        None => (0, None),
        Some(s) => {
            let s = crate::r#abstract::PyNumber_Index(s)?;
            match crate::longobject::PyLong_AsSsize_t_opt(&s) {
                Some(i) => (i, None),
                None => (Py_ssize_t::MAX, Some(s)),
            }
        }
    };
    let sit = crate::r#abstract::PyObject_GetIter(iterable)?;
    // SAFETY: `tp` is `enumerate` or a subtype; the struct is complete.
    let en = unsafe {
        alloc_object(
            tp,
            PyEnumObject {
                ob_base: PyObject_HEAD_INIT,
                en_index: Cell::new(index),
                en_sit: sit,
                en_longindex: PyCell::new(longindex),
            },
        )
    };
    Ok(en.into_object())
}

/// `enum_new` (Argument Clinic: `enumerate(iterable, start=0)`), used for subclasses.
fn enum_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    // `enumerate(...)` itself is parsed (and worded) by the vectorcall path, whichever
    // way the interpreter calls the type.
    if std::ptr::eq(tp, &PyEnum_Type) {
        return enum_vectorcall(tp.as_object(), args, kwnames);
    }
    // Argument Clinic reports a missing `iterable` before an unknown keyword.
    let kw = crate::call::kwnames_slice(kwnames);
    if args.len() == kw.len() && !kw.iter().any(|k| unicode_eq_str(k, "iterable")) {
        return Err(type_error(
            "enumerate() missing required argument 'iterable' (pos 1)",
        ));
    }
    let a = crate::getargs::unpack_keywords(
        &crate::getargs::ArgSpec {
            fname: "enumerate",
            names: &["iterable", "start"],
            posonly: 0,
            maxpos: 2,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let Some(iterable) = &a[0] else {
        return Err(type_error(
            "enumerate() missing required argument 'iterable'",
        ));
    };
    enum_new_impl(tp, iterable, a[1].as_deref())
}

/// `check_keyword`.
fn check_keyword(kwnames: &[PyObjectRef], index: usize, name: &str) -> PyResult<()> {
    match kwnames.get(index) {
        Some(kw) if unicode_eq_str(kw, name) => Ok(()),
        Some(kw) => Err(type_error(format!(
            "'{}' is an invalid keyword argument for enumerate()",
            as_str_lossy(kw)
        ))),
        None => Err(system_error("bad argument to internal function")),
    }
}

/// `enum_vectorcall`: `enumerate(iterable, start=...)` parsed by hand, with CPython's
/// messages.
fn enum_vectorcall(tp: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let tp = crate::typeobject::as_type(tp).unwrap_or(&PyEnum_Type);
    let kw = crate::call::kwnames_slice(kwnames);
    let nkwargs = kw.len();
    let nargs = args.len() - nkwargs;
    if nargs + nkwargs == 2 {
        if nkwargs == 1 {
            check_keyword(kw, 0, "start")?;
        } else if nkwargs == 2 {
            if unicode_eq_str(&kw[0], "start") {
                check_keyword(kw, 1, "iterable")?;
                return enum_new_impl(tp, &args[1], Some(&args[0]));
            }
            check_keyword(kw, 0, "iterable")?;
            check_keyword(kw, 1, "start")?;
        }
        return enum_new_impl(tp, &args[0], Some(&args[1]));
    }
    if nargs + nkwargs == 1 {
        if nkwargs == 1 {
            check_keyword(kw, 0, "iterable")?;
        }
        return enum_new_impl(tp, &args[0], None);
    }
    if nargs == 0 {
        return Err(type_error(
            "enumerate() missing required argument 'iterable'",
        ));
    }
    Err(type_error(format!(
        "enumerate() takes at most 2 arguments ({} given)",
        nargs + nkwargs
    )))
}

unsafe fn enum_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead enumerate object.
    unsafe { dealloc_object::<PyEnumObject>(op) }
}

fn enum_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let en = as_enum(obj);
    visit(&en.en_sit);
    // SAFETY: traversal runs no Python code.
    if let Some(l) = unsafe { en.en_longindex.get_ref() } {
        visit(l);
    }
}

/// `enum_next_long`: the count no longer fits in a machine word.
fn enum_next_long(en: &PyEnumObject, next_item: PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let next_index = match en.en_longindex.get() {
        Some(i) => i,
        None => PyLong_FromSsize_t(Py_ssize_t::MAX),
    };
    let stepped = crate::r#abstract::PyNumber_BinaryOp(
        &next_index,
        &PyLong_FromLong(1),
        include::opcode::nb::ADD,
    )?;
    en.en_longindex.set(Some(stepped));
    Ok(Some(PyTuple_New(vec![next_index, next_item]).into_object()))
}

fn enum_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let en = as_enum(obj);
    let it = &en.en_sit;
    let Some(next) = it.ob_type().tp_iternext.get() else {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            it.ob_type().name()
        )));
    };
    let Some(next_item) = next(it)? else {
        return Ok(None);
    };
    let index = en.en_index.get();
    if index == Py_ssize_t::MAX {
        return enum_next_long(en, next_item);
    }
    en.en_index.set(index + 1);
    Ok(Some(
        PyTuple_New(vec![PyLong_FromSsize_t(index), next_item]).into_object(),
    ))
}

fn enum_reduce(obj: &PyObject) -> PyResult {
    let en = as_enum(obj);
    let index = match en.en_longindex.get() {
        Some(l) => l,
        None => PyLong_FromSsize_t(en.en_index.get()),
    };
    Ok(PyTuple_New(vec![
        obj.ob_type().as_object().to_owned(),
        PyTuple_New(vec![en.en_sit.clone(), index]).into_object(),
    ])
    .into_object())
}

static ENUM_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(enum_reduce), REDUCE_DOC),
    crate::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
];

/// `enumerate` (`PyEnum_Type`).
pub static PyEnum_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "enumerate",
    tp_basicsize: Cell::new(max(size_of::<PyEnumObject>(), CPYTHON_ENUM_BASICSIZE)),
    tp_dealloc: slot(enum_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("enumerate(iterable, start=0)\n--\n\nReturn an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable argument.\n\nenumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ..."),
    tp_traverse: slot(enum_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(enum_next),
    tp_methods: &ENUM_METHODS,
    tp_new: slot(enum_new),
    tp_vectorcall: slot(enum_vectorcall),
    ..PyTypeObject::DEFAULT
};

// --- reversed ---------------------------------------------------------------------------------

/// `reversedobject`.
#[repr(C)]
pub struct PyReversedObject {
    pub ob_base: PyObject,
    /// The next index to fetch; -1 once exhausted.
    index: Cell<Py_ssize_t>,
    /// `None` once exhausted.
    seq: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyReversedObject {}

fn as_reversed(obj: &PyObject) -> &PyReversedObject {
    // SAFETY: installed on `reversed` and its subclasses only.
    unsafe { &*(obj as *const PyObject as *const PyReversedObject) }
}

fn not_reversible(seq: &PyObject) -> PyErr {
    type_error(format!(
        "'{}' object is not reversible",
        seq.ob_type().name()
    ))
}

/// `reversed_new_impl`.
fn reversed_new_impl(tp: &PyTypeObject, seq: &PyObject) -> PyResult {
    if let Some(meth) =
        crate::typeobject::_PyObject_LookupSpecial(seq, crate::intern!("__reversed__"))?
    {
        if meth.is(Py_None()) {
            return Err(not_reversible(seq));
        }
        return crate::call::PyObject_CallNoArgs(&meth);
    }
    if !crate::r#abstract::PySequence_Check(seq) {
        return Err(not_reversible(seq));
    }
    let n = crate::r#abstract::PyObject_Size(seq)?;
    // SAFETY: `tp` is `reversed` or a subtype; the struct is complete.
    let ro = unsafe {
        alloc_object(
            tp,
            PyReversedObject {
                ob_base: PyObject_HEAD_INIT,
                index: Cell::new(n - 1),
                seq: PyCell::new(Some(seq.to_owned())),
            },
        )
    };
    Ok(ro.into_object())
}

fn reversed_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    if std::ptr::eq(tp, &PyReversed_Type)
        || tp.tp_init.get().map(|f| f as usize) == PyReversed_Type.tp_init.get().map(|f| f as usize)
    {
        crate::getargs::check_no_kwargs("reversed", kwnames)?;
    }
    let nargs = args.len() - kwnames.map_or(0, crate::call::kwnames_len);
    crate::getargs::check_positional("reversed", nargs, 1, 1)?;
    reversed_new_impl(tp, &args[0])
}

fn reversed_vectorcall(
    tp: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::getargs::check_no_kwargs("reversed", kwnames)?;
    crate::getargs::check_positional("reversed", args.len(), 1, 1)?;
    let tp = crate::typeobject::as_type(tp).unwrap_or(&PyReversed_Type);
    reversed_new_impl(tp, &args[0])
}

unsafe fn reversed_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead reversed object.
    unsafe { dealloc_object::<PyReversedObject>(op) }
}

fn reversed_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(s) = unsafe { as_reversed(obj).seq.get_ref() } {
        visit(s);
    }
}

fn reversed_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let ro = as_reversed(obj);
    let index = ro.index.get();
    if index >= 0 {
        if let Some(seq) = ro.seq.get() {
            match crate::r#abstract::PySequence_GetItem(&seq, index) {
                Ok(item) => {
                    ro.index.set(index - 1);
                    return Ok(Some(item));
                }
                Err(e)
                    if PyErr_ExceptionMatches(&e, &PyExc_IndexError)
                        || PyErr_ExceptionMatches(&e, &PyExc_StopIteration) => {}
                Err(e) => return Err(e),
            }
        }
    }
    ro.index.set(-1);
    ro.seq.set(None);
    Ok(None)
}

fn reversed_len(obj: &PyObject) -> PyResult {
    let ro = as_reversed(obj);
    let Some(seq) = ro.seq.get() else {
        return Ok(PyLong_FromLong(0));
    };
    let seqsize = crate::r#abstract::PyObject_Size(&seq)?;
    let position = ro.index.get() + 1;
    Ok(PyLong_FromSsize_t(if seqsize < position {
        0
    } else {
        position
    }))
}

fn reversed_reduce(obj: &PyObject) -> PyResult {
    let ro = as_reversed(obj);
    let tp = obj.ob_type().as_object().to_owned();
    match ro.seq.get() {
        Some(seq) => Ok(PyTuple_New(vec![
            tp,
            PyTuple_New(vec![seq]).into_object(),
            PyLong_FromSsize_t(ro.index.get()),
        ])
        .into_object()),
        None => Ok(PyTuple_New(vec![
            tp,
            PyTuple_New(vec![tuple_get_empty().into_object()]).into_object(),
        ])
        .into_object()),
    }
}

fn reversed_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let ro = as_reversed(obj);
    let index = crate::listobject::setstate_index(state)?;
    if let Some(seq) = ro.seq.get() {
        let n = crate::r#abstract::PyObject_Size(&seq)?;
        ro.index.set(if index < -1 {
            -1
        } else if index > n - 1 {
            n - 1
        } else {
            index
        });
    }
    Ok(none())
}

static REVERSED_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(reversed_len),
        LENGTH_HINT_DOC,
    ),
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(reversed_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(reversed_setstate),
        SETSTATE_DOC,
    ),
];

/// `reversed` (`PyReversed_Type`).
pub static PyReversed_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "reversed",
    tp_basicsize: Cell::new(size_of::<PyReversedObject>()),
    tp_dealloc: slot(reversed_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("reversed(sequence, /)\n--\n\nReturn a reverse iterator over the values of the given sequence."),
    tp_traverse: slot(reversed_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(reversed_next),
    tp_methods: &REVERSED_METHODS,
    tp_new: slot(reversed_new),
    tp_vectorcall: slot(reversed_vectorcall),
    ..PyTypeObject::DEFAULT
};

/// The static types of this file.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyEnum_Type, &PyReversed_Type]
}
