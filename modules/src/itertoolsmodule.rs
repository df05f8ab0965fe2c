//! The `itertools` module: iterator building blocks. Mirrors Modules/itertoolsmodule.c
//! (CPython 3.11).
//!
//! Every type keeps CPython's state, so `__reduce__` and `__setstate__` give the same
//! tuples as CPython's, and the same messages for bad arguments.
//!
//! Differences from CPython: the combinatoric iterators (`product`, `combinations`,
//! `combinations_with_replacement`, `permutations`) make a new result tuple for every
//! step instead of reusing the previous one when nobody else holds it; only `id()` of
//! the results can tell. Their `__sizeof__` reports CPython's sizes. `_grouper`
//! remembers its `groupby` by identity (CPython keeps a borrowed pointer for the same
//! purpose).

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::methodobject::{PyCFunction, PyMethodDef, METH_CLASS};

use objects::boolobject::{PyBool_FromLong, PyBool_Type};
use objects::call::{
    kwnames_slice, PyObject_Call, PyObject_CallNoArgs, PyObject_CallOneArg, PyObject_Vectorcall,
};
use objects::exceptions::*;
use objects::getargs::{
    check_no_kwargs, check_positional, positional_args as positional, takes_no_kwargs,
    unpack_keywords, ArgSpec,
};
use objects::listobject::{PyListObject, PyList_Append, PyList_New};
use objects::longobject::{PyLongObject, PyLong_AsSsize_t, PyLong_FromSsize_t};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::r#abstract::{
    PyIter_Check, PyIter_Next, PyNumber_BinaryOp, PyNumber_Check, PyNumber_Index, PyObject_GetIter,
    PySequence_Tuple,
};
use objects::tupleobject::{tuple_get_empty, PyObject_SelfIter, PyTupleObject, PyTuple_New};
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::{unicode_eq_str, PyUnicode_FromString};

const REDUCE_DOC: &str = "Return state information for pickling.";
const SETSTATE_DOC: &str = "Set state information for unpickling.";
const SIZEOF_DOC: &str = "Returns size in memory, in bytes.";

/// The flags of the iterator types that may be subclassed.
const ITER_FLAGS: u64 = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE;

/// A view of `obj` as the layout `T` (the slots of a type are only installed on it).
macro_rules! view {
    ($fn_name:ident, $t:ty) => {
        fn $fn_name(obj: &PyObject) -> &$t {
            // SAFETY: the slots and methods using this view are installed on the one
            // type whose layout is `$t` (and on its subclasses).
            unsafe { &*(obj as *const PyObject as *const $t) }
        }
    };
}

/// `tp_dealloc` for a layout: untrack, drop the fields, free.
macro_rules! dealloc {
    ($fn_name:ident, $t:ty) => {
        unsafe fn $fn_name(op: *mut PyObject) {
            // SAFETY: `op` is a dead object of this layout.
            unsafe { dealloc_object::<$t>(op) }
        }
    };
}

/// Visit an optional reference held in a `PyCell`. Traversal runs no Python code.
fn visit_opt(cell: &PyCell<Option<PyObjectRef>>, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code, so the cell is not replaced meanwhile.
    if let Some(o) = unsafe { cell.get_ref() } {
        visit(o);
    }
}

/// `_PyArg_NoKeywords` for the exact type, then `_PyArg_CheckPositional`.
fn fixed_positional<'a>(
    tp: &PyTypeObject,
    base: &PyTypeObject,
    name: &str,
    args: &'a [PyObjectRef],
    kwnames: Option<&PyObject>,
    min: usize,
    max: usize,
) -> PyResult<&'a [PyObjectRef]> {
    if takes_no_kwargs(tp, base) {
        check_no_kwargs(name, kwnames)?;
    }
    let pos = positional(args, kwnames);
    check_positional(name, pos.len(), min, max)?;
    Ok(pos)
}

/// Argument Clinic's parsing of `name(a, b, ...)` with keywords allowed.
fn clinic<'a>(
    name: &'a str,
    names: &'a [&'a str],
    posonly: usize,
    maxpos: usize,
    minpos: usize,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<Vec<Option<PyObjectRef>>> {
    unpack_keywords(
        &ArgSpec {
            fname: name,
            names,
            posonly,
            maxpos,
            minpos,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )
}

/// The `n` format unit: an index-able object as `Py_ssize_t`.
fn ssize_arg(obj: &PyObject) -> PyResult<Py_ssize_t> {
    let v = PyNumber_Index(obj)?;
    PyLong_AsSsize_t(&v)
}

/// The `i` format unit (a C `int`).
fn int_arg(obj: &PyObject) -> PyResult<i32> {
    let v = PyNumber_Index(obj)?;
    let n = PyLong_AsSsize_t(&v)
        .map_err(|_| overflow_error("signed integer is greater than maximum"))?;
    if n > i32::MAX as isize {
        return Err(overflow_error("signed integer is greater than maximum"));
    }
    if n < i32::MIN as isize {
        return Err(overflow_error("signed integer is less than minimum"));
    }
    Ok(n as i32)
}

fn type_of(obj: &PyObject) -> PyObjectRef {
    obj.ob_type().as_object().to_owned()
}

fn tuple(items: Vec<PyObjectRef>) -> PyObjectRef {
    PyTuple_New(items).into_object()
}

fn as_tuple(obj: &PyObject) -> &PyTupleObject {
    // SAFETY: callers pass objects they made with `PySequence_Tuple`/`PyTuple_New`
    // or checked with `PyTupleObject::check`.
    unsafe { &*(obj as *const PyObject as *const PyTupleObject) }
}

/// `state is not a tuple` check of the `__setstate__` methods.
fn state_tuple(state: &PyObject) -> PyResult<&PyTupleObject> {
    state
        .downcast_ref::<PyTupleObject>()
        .ok_or_else(|| type_error("state is not a tuple"))
}

/// `PyArg_ParseTuple(state, "OOO")`-style arity check, with its message.
fn state_arity(t: &PyTupleObject, min: usize, max: usize) -> PyResult<()> {
    let n = t.len();
    if n < min || n > max {
        let how = if min == max {
            "exactly"
        } else if n < min {
            "at least"
        } else {
            "at most"
        };
        let want = if n < min { min } else { max };
        return Err(type_error(format!(
            "function takes {how} {want} argument{} ({n} given)",
            if want == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// The next item of an iterator, `None` at the end (a `StopIteration` counts as the end).
fn next(it: &PyObject) -> PyResult<Option<PyObjectRef>> {
    PyIter_Next(it)
}

// --- groupby ------------------------------------------------------------------------------

/// `groupbyobject`.
#[repr(C)]
pub struct groupbyobject {
    pub ob_base: PyObject,
    it: PyObjectRef,
    keyfunc: PyObjectRef,
    tgtkey: PyCell<Option<PyObjectRef>>,
    currkey: PyCell<Option<PyObjectRef>>,
    currvalue: PyCell<Option<PyObjectRef>>,
    /// The grouper handed out last (`currgrouper`), by address only: CPython keeps a
    /// borrowed pointer and compares it.
    currgrouper: Cell<usize>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for groupbyobject {}
view!(as_groupby, groupbyobject);
dealloc!(groupby_dealloc, groupbyobject);

fn groupby_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = clinic("groupby", &["iterable", "key"], 0, 2, 1, args, kwnames)?;
    let it = PyObject_GetIter(a[0].as_ref().expect("required"))?;
    let keyfunc = a[1].clone().unwrap_or_else(none);
    // SAFETY: `tp` is `groupby` or a subtype; the struct is complete.
    let gbo = unsafe {
        alloc_object(
            tp,
            groupbyobject {
                ob_base: PyObject_HEAD_INIT,
                it,
                keyfunc,
                tgtkey: PyCell::new(None),
                currkey: PyCell::new(None),
                currvalue: PyCell::new(None),
                currgrouper: Cell::new(0),
            },
        )
    };
    Ok(gbo.into_object())
}

fn groupby_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let g = as_groupby(obj);
    visit(&g.it);
    visit(&g.keyfunc);
    visit_opt(&g.tgtkey, visit);
    visit_opt(&g.currkey, visit);
    visit_opt(&g.currvalue, visit);
}

/// `groupby_step`: advance the underlying iterator; `false` at its end.
fn groupby_step(g: &groupbyobject) -> PyResult<bool> {
    let Some(newvalue) = next(&g.it)? else {
        return Ok(false);
    };
    let newkey = if g.keyfunc.is(Py_None()) {
        newvalue.clone()
    } else {
        PyObject_CallOneArg(&g.keyfunc, &newvalue)?
    };
    g.currvalue.set(Some(newvalue));
    g.currkey.set(Some(newkey));
    Ok(true)
}

fn groupby_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let g = as_groupby(obj);
    g.currgrouper.set(0);
    // Skip to the next group. The key that ends the loop is the one used, even if
    // a reentrant `__eq__` moved the iterator meanwhile.
    let currkey = loop {
        if let Some(currkey) = g.currkey.get() {
            let Some(tgtkey) = g.tgtkey.get() else {
                break currkey;
            };
            if !PyObject_RichCompareBool(&tgtkey, &currkey, CompareOp::Eq)? {
                break currkey;
            }
        }
        if !groupby_step(g)? {
            return Ok(None);
        }
    };
    g.tgtkey.set(Some(currkey.clone()));
    let grouper = _grouper_create(obj, currkey.clone())?;
    Ok(Some(tuple(vec![currkey, grouper])))
}

fn groupby_reduce(obj: &PyObject) -> PyResult {
    let g = as_groupby(obj);
    let tp = type_of(obj);
    let args = tuple(vec![g.it.clone(), g.keyfunc.clone()]);
    if let (Some(t), Some(k), Some(v)) = (g.tgtkey.get(), g.currkey.get(), g.currvalue.get()) {
        return Ok(tuple(vec![tp, args, tuple(vec![k, v, t])]));
    }
    Ok(tuple(vec![tp, args]))
}

fn groupby_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let g = as_groupby(obj);
    let t = state_tuple(state)?;
    state_arity(t, 3, 3)?;
    let s = t.as_slice();
    g.currkey.set(Some(s[0].clone()));
    g.currvalue.set(Some(s[1].clone()));
    g.tgtkey.set(Some(s[2].clone()));
    Ok(none())
}

static GROUPBY_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(groupby_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(groupby_setstate),
        SETSTATE_DOC,
    ),
];

/// `itertools.groupby`.
pub static groupby_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.groupby",
    tp_basicsize: Cell::new(size_of::<groupbyobject>()),
    tp_dealloc: slot(groupby_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("groupby(iterable, key=None)\n--\n\nmake an iterator that returns consecutive keys and groups from the iterable\n\n  iterable\n    Elements to divide into groups according to the key function.\n  key\n    A function for computing the group category for each element.\n    If the key function is not specified or is None, the element itself\n    is used for grouping."),
    tp_traverse: slot(groupby_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(groupby_next),
    tp_methods: &GROUPBY_METHODS,
    tp_new: slot(groupby_new),
    ..PyTypeObject::DEFAULT
};

// --- _grouper -----------------------------------------------------------------------------

/// `_grouperobject`.
#[repr(C)]
pub struct _grouperobject {
    pub ob_base: PyObject,
    parent: PyObjectRef,
    tgtkey: PyObjectRef,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for _grouperobject {}
view!(as_grouper, _grouperobject);
dealloc!(_grouper_dealloc, _grouperobject);

fn _grouper_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let pos = fixed_positional(tp, &_grouper_type, "_grouper", args, kwnames, 2, 2)?;
    if !pos[0].is_type(&groupby_type)
        && !objects::typeobject::PyType_IsSubtype(pos[0].ob_type(), &groupby_type)
    {
        return Err(type_error(format!(
            "_grouper() argument 1 must be itertools.groupby, not {}",
            pos[0].ob_type().name()
        )));
    }
    _grouper_create_type(tp, &pos[0], pos[1].clone())
}

fn _grouper_create(parent: &PyObject, tgtkey: PyObjectRef) -> PyResult {
    _grouper_create_type(&_grouper_type, parent, tgtkey)
}

fn _grouper_create_type(tp: &PyTypeObject, parent: &PyObject, tgtkey: PyObjectRef) -> PyResult {
    // SAFETY: `tp` is `_grouper`; the struct is complete.
    let igo = unsafe {
        alloc_object(
            tp,
            _grouperobject {
                ob_base: PyObject_HEAD_INIT,
                parent: parent.to_owned(),
                tgtkey,
            },
        )
    };
    as_groupby(parent)
        .currgrouper
        .set(igo.as_object() as *const PyObject as usize);
    Ok(igo.into_object())
}

fn _grouper_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let igo = as_grouper(obj);
    visit(&igo.parent);
    visit(&igo.tgtkey);
}

fn _grouper_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let igo = as_grouper(obj);
    let g = as_groupby(&igo.parent);
    if g.currgrouper.get() != obj as *const PyObject as usize {
        return Ok(None);
    }
    if g.currvalue.get().is_none() && !groupby_step(g)? {
        return Ok(None);
    }
    let Some(currkey) = g.currkey.get() else {
        return Ok(None);
    };
    if !PyObject_RichCompareBool(&igo.tgtkey, &currkey, CompareOp::Eq)? {
        return Ok(None);
    }
    let r = g.currvalue.take();
    g.currkey.set(None);
    Ok(r)
}

fn _grouper_reduce(obj: &PyObject) -> PyResult {
    let igo = as_grouper(obj);
    if as_groupby(&igo.parent).currgrouper.get() != obj as *const PyObject as usize {
        let iter = objects::iterobject::_PyEval_GetBuiltin(objects::intern!("iter"))?;
        return Ok(tuple(vec![
            iter,
            tuple(vec![tuple_get_empty().into_object()]),
        ]));
    }
    Ok(tuple(vec![
        type_of(obj),
        tuple(vec![igo.parent.clone(), igo.tgtkey.clone()]),
    ]))
}

static GROUPER_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(_grouper_reduce),
    REDUCE_DOC,
)];

/// `itertools._grouper`.
pub static _grouper_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools._grouper",
    tp_basicsize: Cell::new(size_of::<_grouperobject>()),
    tp_dealloc: slot(_grouper_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(_grouper_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(_grouper_next),
    tp_methods: &GROUPER_METHODS,
    tp_new: slot(_grouper_new),
    ..PyTypeObject::DEFAULT
};

// --- tee ----------------------------------------------------------------------------------

/// How many values one `teedataobject` holds before it links to the next (CPython's
/// `LINKCELLS`, chosen so that the object fills a 512-byte block on 64-bit builds).
const LINKCELLS: usize = 57;

/// `teedataobject`: a block of values read from the shared iterator.
#[repr(C)]
pub struct teedataobject {
    pub ob_base: PyObject,
    it: PyCell<Option<PyObjectRef>>,
    numread: Cell<usize>,
    running: Cell<bool>,
    nextlink: PyCell<Option<PyObjectRef>>,
    values: PyCell<Vec<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for teedataobject {}
view!(as_tdo, teedataobject);

fn teedataobject_newinternal(it: PyObjectRef) -> PyRef<teedataobject> {
    // SAFETY: the type is `_tee_dataobject`; the struct is complete.
    unsafe {
        alloc_object(
            &teedataobject_type,
            teedataobject {
                ob_base: PyObject_HEAD_INIT,
                it: PyCell::new(Some(it)),
                numread: Cell::new(0),
                running: Cell::new(false),
                nextlink: PyCell::new(None),
                values: PyCell::new(Vec::new()),
            },
        )
    }
}

/// `teedataobject_jumplink`: the next block, made on first use.
fn teedataobject_jumplink(tdo: &teedataobject) -> PyResult {
    if let Some(n) = tdo.nextlink.get() {
        return Ok(n);
    }
    let it = tdo.it.get().unwrap_or_else(none);
    let link = teedataobject_newinternal(it).into_object();
    tdo.nextlink.set(Some(link.clone()));
    Ok(link)
}

/// `teedataobject_getitem`: value `i` of the block, reading it from the iterator if
/// this is the lead `tee`.
fn teedataobject_getitem(tdo: &teedataobject, i: usize) -> PyResult<Option<PyObjectRef>> {
    if i < tdo.numread.get() {
        // SAFETY: the borrow ends at once.
        return Ok(unsafe { tdo.values.get_ref() }.get(i).cloned());
    }
    if tdo.running.get() {
        return Err(runtime_error("cannot re-enter the tee iterator"));
    }
    let Some(it) = tdo.it.get() else {
        return Ok(None);
    };
    tdo.running.set(true);
    let value = next(&it);
    tdo.running.set(false);
    let Some(value) = value? else {
        return Ok(None);
    };
    tdo.numread.set(tdo.numread.get() + 1);
    // SAFETY: pushing runs no Python code.
    unsafe { tdo.values.get_mut() }.push(value.clone());
    Ok(Some(value))
}

fn teedataobject_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let tdo = as_tdo(obj);
    visit_opt(&tdo.it, visit);
    // SAFETY: traversal runs no Python code.
    for v in unsafe { tdo.values.get_ref() } {
        visit(v);
    }
    visit_opt(&tdo.nextlink, visit);
}

fn teedataobject_clear(obj: &PyObject) {
    let tdo = as_tdo(obj);
    let it = tdo.it.take();
    let values = tdo.values.take();
    tdo.numread.set(0);
    let next = tdo.nextlink.take();
    drop((it, values, next));
}

unsafe fn teedataobject_dealloc(op: *mut PyObject) {
    // A long chain of blocks is released one block at a time here, rather than by
    // recursive deallocation (`teedataobject_safe_decref`).
    // SAFETY: `op` is a dead `_tee_dataobject`.
    unsafe {
        let tdo = &*(op as *const teedataobject);
        let mut next = tdo.nextlink.take();
        while let Some(link) = next {
            if link.refcnt() != 1 || !link.is_type(&teedataobject_type) {
                drop(link);
                break;
            }
            next = as_tdo(&link).nextlink.take();
            drop(link);
        }
        dealloc_object::<teedataobject>(op)
    }
}

fn teedataobject_reduce(obj: &PyObject) -> PyResult {
    let tdo = as_tdo(obj);
    // SAFETY: the borrow ends at once.
    let values = unsafe { tdo.values.get_ref() }[..tdo.numread.get()].to_vec();
    Ok(tuple(vec![
        type_of(obj),
        tuple(vec![
            tdo.it.get().unwrap_or_else(none),
            PyList_New(values).into_object(),
            tdo.nextlink.get().unwrap_or_else(none),
        ]),
    ]))
}

fn teedataobject_new(
    tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let pos = fixed_positional(
        tp,
        &teedataobject_type,
        "teedataobject",
        args,
        kwnames,
        3,
        3,
    )?;
    let Some(values) = pos[1].downcast_ref::<PyListObject>() else {
        return Err(type_error(format!(
            "teedataobject() argument 2 must be list, not {}",
            pos[1].ob_type().name()
        )));
    };
    let it = PyObject_GetIter(&pos[0])?;
    let tdo = teedataobject_newinternal(it);
    let values = values.to_vec();
    let invalid = || value_error("Invalid arguments");
    if values.len() > LINKCELLS {
        return Err(invalid());
    }
    tdo.numread.set(values.len());
    let full = values.len() == LINKCELLS;
    tdo.values.set(values);
    let next = &pos[2];
    if !next.is(Py_None()) {
        if !full || !next.is_type(&teedataobject_type) {
            return Err(invalid());
        }
        tdo.nextlink.set(Some(next.clone()));
    }
    Ok(tdo.into_object())
}

static TEEDATAOBJECT_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(teedataobject_reduce),
    REDUCE_DOC,
)];

/// `itertools._tee_dataobject`.
pub static teedataobject_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools._tee_dataobject",
    tp_basicsize: Cell::new(size_of::<teedataobject>()),
    tp_dealloc: slot(teedataobject_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects."),
    tp_traverse: slot(teedataobject_traverse),
    tp_clear: slot(teedataobject_clear),
    tp_methods: &TEEDATAOBJECT_METHODS,
    tp_new: slot(teedataobject_new),
    ..PyTypeObject::DEFAULT
};

/// `teeobject`: one of the iterators `tee()` returns.
#[repr(C)]
pub struct teeobject {
    pub ob_base: PyObject,
    dataobj: PyCell<Option<PyObjectRef>>,
    index: Cell<usize>,
    weakreflist: PyCell<Option<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for teeobject {}
view!(as_tee, teeobject);

fn new_tee(dataobj: PyObjectRef, index: usize) -> PyObjectRef {
    // SAFETY: the type is `_tee`; the struct is complete.
    unsafe {
        alloc_object(
            &tee_type,
            teeobject {
                ob_base: PyObject_HEAD_INIT,
                dataobj: PyCell::new(Some(dataobj)),
                index: Cell::new(index),
                weakreflist: PyCell::new(None),
            },
        )
    }
    .into_object()
}

fn tee_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let to = as_tee(obj);
    let Some(mut data) = to.dataobj.get() else {
        return Ok(None);
    };
    if to.index.get() >= LINKCELLS {
        data = teedataobject_jumplink(as_tdo(&data))?;
        to.dataobj.set(Some(data.clone()));
        to.index.set(0);
    }
    let value = teedataobject_getitem(as_tdo(&data), to.index.get())?;
    if value.is_some() {
        to.index.set(to.index.get() + 1);
    }
    Ok(value)
}

fn tee_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit_opt(&as_tee(obj).dataobj, visit);
}

fn tee_clear(obj: &PyObject) {
    let to = as_tee(obj);
    if to.weakreflist.get().is_some() {
        objects::weakrefobject::PyObject_ClearWeakRefs(obj);
    }
    drop(to.dataobj.take());
}

unsafe fn tee_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead `_tee`; clearing its weak references runs before its
    // fields are dropped, as `tee_dealloc` does in CPython.
    unsafe {
        include::gc::gc_untrack(op);
        tee_clear(&*op);
        dealloc_object::<teeobject>(op)
    }
}

fn tee_copy(obj: &PyObject) -> PyResult {
    let to = as_tee(obj);
    Ok(new_tee(
        to.dataobj.get().unwrap_or_else(none),
        to.index.get(),
    ))
}

/// `tee_fromiterable`: a `_tee` over `iterable`, or a copy if its iterator is one.
fn tee_fromiterable(iterable: &PyObject) -> PyResult {
    let it = PyObject_GetIter(iterable)?;
    if it.is_type(&tee_type) {
        return tee_copy(&it);
    }
    let data = teedataobject_newinternal(it).into_object();
    Ok(new_tee(data, 0))
}

fn tee_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let pos = fixed_positional(tp, &tee_type, "_tee", args, kwnames, 1, 1)?;
    tee_fromiterable(&pos[0])
}

fn tee_reduce(obj: &PyObject) -> PyResult {
    let to = as_tee(obj);
    Ok(tuple(vec![
        type_of(obj),
        tuple(vec![tuple_get_empty().into_object()]),
        tuple(vec![
            to.dataobj.get().unwrap_or_else(none),
            PyLong_FromSsize_t(to.index.get() as isize),
        ]),
    ]))
}

fn tee_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let to = as_tee(obj);
    let t = state_tuple(state)?;
    state_arity(t, 2, 2)?;
    let s = t.as_slice();
    if !s[0].is_type(&teedataobject_type) {
        return Err(type_error(format!(
            "argument 1 must be itertools._tee_dataobject, not {}",
            s[0].ob_type().name()
        )));
    }
    let index = int_arg(&s[1])?;
    if index < 0 || index as usize > LINKCELLS {
        return Err(value_error("Index out of range"));
    }
    to.dataobj.set(Some(s[0].clone()));
    to.index.set(index as usize);
    Ok(none())
}

static TEE_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__copy__",
        PyCFunction::NoArgs(tee_copy),
        "Returns an independent iterator.",
    ),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(tee_reduce), REDUCE_DOC),
    PyMethodDef::new("__setstate__", PyCFunction::O(tee_setstate), SETSTATE_DOC),
];

/// `itertools._tee`.
pub static tee_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools._tee",
    tp_basicsize: Cell::new(size_of::<teeobject>()),
    tp_dealloc: slot(tee_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("_tee(iterable, /)\n--\n\nIterator wrapped to make it copyable."),
    tp_traverse: slot(tee_traverse),
    tp_clear: slot(tee_clear),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(teeobject, weakreflist)),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(tee_next),
    tp_methods: &TEE_METHODS,
    tp_new: slot(tee_new),
    ..PyTypeObject::DEFAULT
};

/// `itertools.tee(iterable, n=2, /)`.
fn itertools_tee(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("tee", args.len(), 1, 2)?;
    let n = match args.get(1) {
        Some(n) => ssize_arg(n)?,
        None => 2,
    };
    if n < 0 {
        return Err(value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(tuple_get_empty().into_object());
    }
    let it = PyObject_GetIter(&args[0])?;
    let (copyable, copyfunc) = match _PyObject_LookupAttr(&it, objects::intern!("__copy__"))? {
        Some(copyfunc) => (it, copyfunc),
        None => {
            let copyable = tee_fromiterable(&it)?;
            let copyfunc = PyObject_GetAttr(&copyable, objects::intern!("__copy__"))?;
            (copyable, copyfunc)
        }
    };
    let mut result = vec![copyable];
    for _ in 1..n {
        result.push(PyObject_CallNoArgs(&copyfunc)?);
    }
    Ok(tuple(result))
}

// --- cycle --------------------------------------------------------------------------------

/// `cycleobject`.
#[repr(C)]
pub struct cycleobject {
    pub ob_base: PyObject,
    it: PyCell<Option<PyObjectRef>>,
    saved: PyCell<PyObjectRef>,
    index: Cell<usize>,
    firstpass: Cell<bool>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for cycleobject {}
view!(as_cycle, cycleobject);
dealloc!(cycle_dealloc, cycleobject);

fn cycle_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let pos = fixed_positional(tp, &cycle_type, "cycle", args, kwnames, 1, 1)?;
    let it = PyObject_GetIter(&pos[0])?;
    // SAFETY: `tp` is `cycle` or a subtype; the struct is complete.
    let lz = unsafe {
        alloc_object(
            tp,
            cycleobject {
                ob_base: PyObject_HEAD_INIT,
                it: PyCell::new(Some(it)),
                saved: PyCell::new(PyList_New(Vec::new()).into_object()),
                index: Cell::new(0),
                firstpass: Cell::new(false),
            },
        )
    };
    Ok(lz.into_object())
}

fn cycle_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let lz = as_cycle(obj);
    visit_opt(&lz.it, visit);
    // SAFETY: traversal runs no Python code.
    visit(unsafe { lz.saved.get_ref() });
}

fn saved_list(lz: &cycleobject) -> PyObjectRef {
    lz.saved.get()
}

fn cycle_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_cycle(obj);
    if let Some(it) = lz.it.get() {
        if let Some(item) = next(&it)? {
            if !lz.firstpass.get() {
                let saved = saved_list(lz);
                PyList_Append(
                    saved.downcast_ref::<PyListObject>().expect("a list"),
                    item.clone(),
                )?;
            }
            return Ok(Some(item));
        }
        lz.it.set(None);
    }
    let saved = saved_list(lz);
    let list = saved.downcast_ref::<PyListObject>().expect("a list");
    let n = list.len();
    if n == 0 {
        return Ok(None);
    }
    let index = lz.index.get().min(n - 1);
    let item = list.get(index);
    lz.index.set(if index + 1 >= n { 0 } else { index + 1 });
    Ok(item)
}

fn cycle_reduce(obj: &PyObject) -> PyResult {
    let lz = as_cycle(obj);
    let saved = saved_list(lz);
    match lz.it.get() {
        None => {
            let it = PyObject_GetIter(&saved)?;
            if lz.index.get() != 0 {
                objects::call::PyObject_CallMethod(
                    &it,
                    objects::intern!("__setstate__"),
                    &[PyLong_FromSsize_t(lz.index.get() as isize)],
                )?;
            }
            Ok(tuple(vec![
                type_of(obj),
                tuple(vec![it]),
                tuple(vec![saved, PyBool_FromLong(true)]),
            ]))
        }
        Some(it) => Ok(tuple(vec![
            type_of(obj),
            tuple(vec![it]),
            tuple(vec![saved, PyBool_FromLong(lz.firstpass.get())]),
        ])),
    }
}

fn cycle_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let lz = as_cycle(obj);
    let t = state_tuple(state)?;
    state_arity(t, 2, 2)?;
    let s = t.as_slice();
    if !PyListObject::check(&s[0]) {
        return Err(type_error(format!(
            "argument 1 must be list, not {}",
            s[0].ob_type().name()
        )));
    }
    let firstpass = int_arg(&s[1])?;
    lz.saved.set(s[0].clone());
    lz.firstpass.set(firstpass != 0);
    lz.index.set(0);
    Ok(none())
}

static CYCLE_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(cycle_reduce), REDUCE_DOC),
    PyMethodDef::new("__setstate__", PyCFunction::O(cycle_setstate), SETSTATE_DOC),
];

/// `itertools.cycle`.
pub static cycle_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.cycle",
    tp_basicsize: Cell::new(size_of::<cycleobject>()),
    tp_dealloc: slot(cycle_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("cycle(iterable, /)\n--\n\nReturn elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."),
    tp_traverse: slot(cycle_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(cycle_next),
    tp_methods: &CYCLE_METHODS,
    tp_new: slot(cycle_new),
    ..PyTypeObject::DEFAULT
};

// --- dropwhile and takewhile -----------------------------------------------------------------

/// `dropwhileobject` and `takewhileobject`: a predicate, an iterator and a flag
/// (`start` for dropwhile, `stop` for takewhile).
#[repr(C)]
pub struct dropwhileobject {
    pub ob_base: PyObject,
    func: PyObjectRef,
    it: PyObjectRef,
    start: Cell<bool>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for dropwhileobject {}
view!(as_dropwhile, dropwhileobject);
dealloc!(dropwhile_dealloc, dropwhileobject);

fn predicate_new(
    tp: &PyTypeObject,
    base: &PyTypeObject,
    name: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let pos = fixed_positional(tp, base, name, args, kwnames, 2, 2)?;
    let it = PyObject_GetIter(&pos[1])?;
    // SAFETY: `tp` is the type or a subtype; the struct is complete.
    let lz = unsafe {
        alloc_object(
            tp,
            dropwhileobject {
                ob_base: PyObject_HEAD_INIT,
                func: pos[0].clone(),
                it,
                start: Cell::new(false),
            },
        )
    };
    Ok(lz.into_object())
}

fn dropwhile_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    predicate_new(tp, &dropwhile_type, "dropwhile", args, kwnames)
}

fn takewhile_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    predicate_new(tp, &takewhile_type, "takewhile", args, kwnames)
}

fn dropwhile_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let lz = as_dropwhile(obj);
    visit(&lz.func);
    visit(&lz.it);
}

fn dropwhile_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_dropwhile(obj);
    loop {
        let Some(item) = next(&lz.it)? else {
            return Ok(None);
        };
        if lz.start.get() {
            return Ok(Some(item));
        }
        let good = PyObject_CallOneArg(&lz.func, &item)?;
        if !PyObject_IsTrue(&good)? {
            lz.start.set(true);
            return Ok(Some(item));
        }
    }
}

fn takewhile_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_dropwhile(obj);
    if lz.start.get() {
        return Ok(None);
    }
    let Some(item) = next(&lz.it)? else {
        return Ok(None);
    };
    let good = PyObject_CallOneArg(&lz.func, &item)?;
    if PyObject_IsTrue(&good)? {
        return Ok(Some(item));
    }
    lz.start.set(true);
    Ok(None)
}

fn dropwhile_reduce(obj: &PyObject) -> PyResult {
    let lz = as_dropwhile(obj);
    Ok(tuple(vec![
        type_of(obj),
        tuple(vec![lz.func.clone(), lz.it.clone()]),
        PyLong_FromSsize_t(lz.start.get() as isize),
    ]))
}

fn dropwhile_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let start = PyObject_IsTrue(state)?;
    as_dropwhile(obj).start.set(start);
    Ok(none())
}

static DROPWHILE_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(dropwhile_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(dropwhile_setstate),
        SETSTATE_DOC,
    ),
];

/// `itertools.dropwhile`.
pub static dropwhile_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.dropwhile",
    tp_basicsize: Cell::new(size_of::<dropwhileobject>()),
    tp_dealloc: slot(dropwhile_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("dropwhile(predicate, iterable, /)\n--\n\nDrop items from the iterable while predicate(item) is true.\n\nAfterwards, return every element until the iterable is exhausted."),
    tp_traverse: slot(dropwhile_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(dropwhile_next),
    tp_methods: &DROPWHILE_METHODS,
    tp_new: slot(dropwhile_new),
    ..PyTypeObject::DEFAULT
};

/// `itertools.takewhile`.
pub static takewhile_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.takewhile",
    tp_basicsize: Cell::new(size_of::<dropwhileobject>()),
    tp_dealloc: slot(dropwhile_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("takewhile(predicate, iterable, /)\n--\n\nReturn successive entries from an iterable as long as the predicate evaluates to true for each entry."),
    tp_traverse: slot(dropwhile_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(takewhile_next),
    tp_methods: &DROPWHILE_METHODS,
    tp_new: slot(takewhile_new),
    ..PyTypeObject::DEFAULT
};

// --- islice -------------------------------------------------------------------------------

/// `isliceobject`.
#[repr(C)]
pub struct isliceobject {
    pub ob_base: PyObject,
    it: PyCell<Option<PyObjectRef>>,
    next: Cell<Py_ssize_t>,
    /// -1 for "no stop".
    stop: Cell<Py_ssize_t>,
    step: Cell<Py_ssize_t>,
    cnt: Cell<Py_ssize_t>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for isliceobject {}
view!(as_islice, isliceobject);
dealloc!(islice_dealloc, isliceobject);

const ISLICE_STOP_MSG: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// An islice index: `None` keeps `default`; anything that is not an index in range
/// gives -1 (CPython clears the error and lets the range check report it).
fn islice_index(obj: &PyObject, default: Py_ssize_t) -> Py_ssize_t {
    if obj.is(Py_None()) {
        return default;
    }
    objects::r#abstract::PyNumber_AsSsize_t(obj, Some(&PyExc_OverflowError)).unwrap_or(-1)
}

fn islice_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let pos = fixed_positional(tp, &islice_type, "islice", args, kwnames, 2, 4)?;
    let mut start = 0;
    let stop;
    let mut step = 1;
    if pos.len() == 2 {
        stop = islice_index(&pos[1], -1);
        if stop == -1 && !pos[1].is(Py_None()) {
            return Err(value_error(ISLICE_STOP_MSG));
        }
    } else {
        start = islice_index(&pos[1], 0);
        stop = islice_index(&pos[2], -1);
        if stop == -1 && !pos[2].is(Py_None()) {
            return Err(value_error(ISLICE_STOP_MSG));
        }
    }
    if start < 0 || stop < -1 {
        return Err(value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if let Some(a3) = pos.get(3) {
        step = islice_index(a3, 1);
    }
    if step < 1 {
        return Err(value_error(
            "Step for islice() must be a positive integer or None.",
        ));
    }
    let it = PyObject_GetIter(&pos[0])?;
    // SAFETY: `tp` is `islice` or a subtype; the struct is complete.
    let lz = unsafe {
        alloc_object(
            tp,
            isliceobject {
                ob_base: PyObject_HEAD_INIT,
                it: PyCell::new(Some(it)),
                next: Cell::new(start),
                stop: Cell::new(stop),
                step: Cell::new(step),
                cnt: Cell::new(0),
            },
        )
    };
    Ok(lz.into_object())
}

fn islice_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit_opt(&as_islice(obj).it, visit);
}

fn islice_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_islice(obj);
    let Some(it) = lz.it.get() else {
        return Ok(None);
    };
    let stop = lz.stop.get();
    let result = (|| -> PyResult<Option<PyObjectRef>> {
        while lz.cnt.get() < lz.next.get() {
            if next(&it)?.is_none() {
                return Ok(None);
            }
            lz.cnt.set(lz.cnt.get() + 1);
        }
        if stop != -1 && lz.cnt.get() >= stop {
            return Ok(None);
        }
        let Some(item) = next(&it)? else {
            return Ok(None);
        };
        lz.cnt.set(lz.cnt.get() + 1);
        let oldnext = lz.next.get();
        let (n, overflow) = oldnext.overflowing_add(lz.step.get());
        lz.next.set(if overflow || (stop != -1 && n > stop) {
            stop
        } else {
            n
        });
        Ok(Some(item))
    })();
    match result {
        Ok(Some(item)) => Ok(Some(item)),
        other => {
            lz.it.set(None);
            other
        }
    }
}

fn islice_reduce(obj: &PyObject) -> PyResult {
    let lz = as_islice(obj);
    let tp = type_of(obj);
    let Some(it) = lz.it.get() else {
        let empty_it = PyObject_GetIter(&PyList_New(Vec::new()).into_object())?;
        return Ok(tuple(vec![
            tp,
            tuple(vec![empty_it, PyLong_FromSsize_t(0)]),
            PyLong_FromSsize_t(0),
        ]));
    };
    let stop = if lz.stop.get() == -1 {
        none()
    } else {
        PyLong_FromSsize_t(lz.stop.get())
    };
    let mut args = vec![it, PyLong_FromSsize_t(lz.next.get()), stop];
    if lz.step.get() != 1 {
        args.push(PyLong_FromSsize_t(lz.step.get()));
    }
    Ok(tuple(vec![
        tp,
        tuple(args),
        PyLong_FromSsize_t(lz.cnt.get()),
    ]))
}

fn islice_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    if !PyLongObject::check(state) {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            state.ob_type().name()
        )));
    }
    let cnt = PyLong_AsSsize_t(state)?;
    as_islice(obj).cnt.set(cnt);
    Ok(none())
}

static ISLICE_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(islice_reduce), REDUCE_DOC),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(islice_setstate),
        SETSTATE_DOC,
    ),
];

/// `itertools.islice`.
pub static islice_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.islice",
    tp_basicsize: Cell::new(size_of::<isliceobject>()),
    tp_dealloc: slot(islice_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\nReturn an iterator whose next() method returns selected values from an\niterable.  If start is specified, will skip all preceding elements;\notherwise, start defaults to zero.  Step defaults to one.  If\nspecified as another value, step determines how many values are\nskipped between successive calls.  Works like a slice() on a list\nbut returns an iterator."),
    tp_traverse: slot(islice_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(islice_next),
    tp_methods: &ISLICE_METHODS,
    tp_new: slot(islice_new),
    ..PyTypeObject::DEFAULT
};

// --- starmap ------------------------------------------------------------------------------

/// `starmapobject`.
#[repr(C)]
pub struct starmapobject {
    pub ob_base: PyObject,
    func: PyObjectRef,
    it: PyObjectRef,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for starmapobject {}
view!(as_starmap, starmapobject);
dealloc!(starmap_dealloc, starmapobject);

fn starmap_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let pos = fixed_positional(tp, &starmap_type, "starmap", args, kwnames, 2, 2)?;
    let it = PyObject_GetIter(&pos[1])?;
    // SAFETY: `tp` is `starmap` or a subtype; the struct is complete.
    let lz = unsafe {
        alloc_object(
            tp,
            starmapobject {
                ob_base: PyObject_HEAD_INIT,
                func: pos[0].clone(),
                it,
            },
        )
    };
    Ok(lz.into_object())
}

fn starmap_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let lz = as_starmap(obj);
    visit(&lz.func);
    visit(&lz.it);
}

fn starmap_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_starmap(obj);
    let Some(args) = next(&lz.it)? else {
        return Ok(None);
    };
    let args = if args.is_type(&objects::tupleobject::PyTuple_Type) {
        args
    } else {
        PySequence_Tuple(&args)?
    };
    Ok(Some(PyObject_Call(&lz.func, &args, None)?))
}

fn starmap_reduce(obj: &PyObject) -> PyResult {
    let lz = as_starmap(obj);
    Ok(tuple(vec![
        type_of(obj),
        tuple(vec![lz.func.clone(), lz.it.clone()]),
    ]))
}

static STARMAP_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(starmap_reduce),
    REDUCE_DOC,
)];

/// `itertools.starmap`.
pub static starmap_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.starmap",
    tp_basicsize: Cell::new(size_of::<starmapobject>()),
    tp_dealloc: slot(starmap_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("starmap(function, iterable, /)\n--\n\nReturn an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."),
    tp_traverse: slot(starmap_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(starmap_next),
    tp_methods: &STARMAP_METHODS,
    tp_new: slot(starmap_new),
    ..PyTypeObject::DEFAULT
};

// --- chain --------------------------------------------------------------------------------

/// `chainobject`.
#[repr(C)]
pub struct chainobject {
    pub ob_base: PyObject,
    /// The iterator over the iterables; `None` once exhausted.
    source: PyCell<Option<PyObjectRef>>,
    /// The iterator being drained.
    active: PyCell<Option<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for chainobject {}
view!(as_chain, chainobject);
dealloc!(chain_dealloc, chainobject);

fn chain_new_internal(tp: &PyTypeObject, source: PyObjectRef) -> PyObjectRef {
    // SAFETY: `tp` is `chain` or a subtype; the struct is complete.
    unsafe {
        alloc_object(
            tp,
            chainobject {
                ob_base: PyObject_HEAD_INIT,
                source: PyCell::new(Some(source)),
                active: PyCell::new(None),
            },
        )
    }
    .into_object()
}

fn chain_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    if takes_no_kwargs(tp, &chain_type) {
        check_no_kwargs("chain", kwnames)?;
    }
    let pos = positional(args, kwnames);
    let source = PyObject_GetIter(&tuple(pos.to_vec()))?;
    Ok(chain_new_internal(tp, source))
}

/// `chain.from_iterable(iterable, /)`, a class method.
fn chain_new_from_iterable(tp: &PyObject, arg: &PyObject) -> PyResult {
    let source = PyObject_GetIter(arg)?;
    let tp = objects::typeobject::as_type(tp).unwrap_or(&chain_type);
    Ok(chain_new_internal(tp, source))
}

fn chain_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let lz = as_chain(obj);
    visit_opt(&lz.source, visit);
    visit_opt(&lz.active, visit);
}

fn chain_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_chain(obj);
    while let Some(source) = lz.source.get() {
        let active = match lz.active.get() {
            Some(a) => a,
            None => {
                let iterable = match next(&source) {
                    Ok(Some(i)) => i,
                    other => {
                        lz.source.set(None);
                        return other;
                    }
                };
                let active = match PyObject_GetIter(&iterable) {
                    Ok(a) => a,
                    Err(e) => {
                        lz.source.set(None);
                        return Err(e);
                    }
                };
                lz.active.set(Some(active.clone()));
                active
            }
        };
        if let Some(item) = next(&active)? {
            return Ok(Some(item));
        }
        lz.active.set(None);
    }
    Ok(None)
}

fn chain_reduce(obj: &PyObject) -> PyResult {
    let lz = as_chain(obj);
    let tp = type_of(obj);
    let empty = tuple_get_empty().into_object();
    match (lz.source.get(), lz.active.get()) {
        (Some(s), Some(a)) => Ok(tuple(vec![tp, empty, tuple(vec![s, a])])),
        (Some(s), None) => Ok(tuple(vec![tp, empty, tuple(vec![s])])),
        (None, _) => Ok(tuple(vec![tp, empty])),
    }
}

fn chain_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let lz = as_chain(obj);
    let t = state_tuple(state)?;
    state_arity(t, 1, 2)?;
    let s = t.as_slice();
    if !PyIter_Check(&s[0]) || s.get(1).is_some_and(|a| !PyIter_Check(a)) {
        return Err(type_error("Arguments must be iterators."));
    }
    lz.source.set(Some(s[0].clone()));
    lz.active.set(s.get(1).cloned());
    Ok(none())
}

static CHAIN_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "from_iterable",
        PyCFunction::O(chain_new_from_iterable),
        "from_iterable($type, iterable, /)\n--\n\nAlternative chain() constructor taking a single iterable argument that evaluates lazily.",
    )
    .with_flags(METH_CLASS),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(chain_reduce), REDUCE_DOC),
    PyMethodDef::new("__setstate__", PyCFunction::O(chain_setstate), SETSTATE_DOC),
    objects::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
];

/// `itertools.chain`.
pub static chain_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.chain",
    tp_basicsize: Cell::new(size_of::<chainobject>()),
    tp_dealloc: slot(chain_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted."),
    tp_traverse: slot(chain_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(chain_next),
    tp_methods: &CHAIN_METHODS,
    tp_new: slot(chain_new),
    ..PyTypeObject::DEFAULT
};

// --- product ------------------------------------------------------------------------------

/// `productobject`.
#[repr(C)]
pub struct productobject {
    pub ob_base: PyObject,
    /// A tuple of tuples, one per pool (repeated `repeat` times).
    pools: PyObjectRef,
    indices: PyCell<Vec<Py_ssize_t>>,
    result: PyCell<Option<PyObjectRef>>,
    stopped: Cell<bool>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for productobject {}
view!(as_product, productobject);
dealloc!(product_dealloc, productobject);

/// CPython's `sizeof(productobject)`, reported by `__sizeof__`.
const CPYTHON_PRODUCT_BASICSIZE: usize = 48;

fn product_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let kw = kwnames_slice(kwnames);
    let pos = positional(args, kwnames);
    let mut repeat: Py_ssize_t = 1;
    if !kw.is_empty() {
        for (k, v) in kw.iter().zip(&args[pos.len()..]) {
            if !unicode_eq_str(k, "repeat") {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for product()",
                    objects::unicodeobject::as_str_lossy(k)
                )));
            }
            repeat = ssize_arg(v)?;
        }
        if repeat < 0 {
            return Err(value_error("repeat argument cannot be negative"));
        }
    }
    // With repeat=0 the arguments are not even converted (CPython sets nargs to 0).
    let pos = if repeat == 0 { &pos[..0] } else { pos };
    let npools = if pos.is_empty() {
        0
    } else {
        (repeat as usize)
            .checked_mul(pos.len())
            .filter(|n| *n <= isize::MAX as usize / size_of::<Py_ssize_t>())
            .ok_or_else(|| overflow_error("repeat argument too large"))?
    };
    let mut pools = Vec::with_capacity(npools);
    for a in pos {
        pools.push(PySequence_Tuple(a)?);
    }
    let nargs = pools.len();
    for i in nargs..npools {
        pools.push(pools[i - nargs].clone());
    }
    // SAFETY: `tp` is `product` or a subtype; the struct is complete.
    let lz = unsafe {
        alloc_object(
            tp,
            productobject {
                ob_base: PyObject_HEAD_INIT,
                pools: tuple(pools),
                indices: PyCell::new(vec![0; npools]),
                result: PyCell::new(None),
                stopped: Cell::new(false),
            },
        )
    };
    Ok(lz.into_object())
}

fn product_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let lz = as_product(obj);
    visit(&lz.pools);
    visit_opt(&lz.result, visit);
}

fn product_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_product(obj);
    if lz.stopped.get() {
        return Ok(None);
    }
    let pools = as_tuple(&lz.pools).as_slice();
    let result = match lz.result.get() {
        None => {
            let mut items = Vec::with_capacity(pools.len());
            for pool in pools {
                match as_tuple(pool).get(0) {
                    Some(e) => items.push(e.clone()),
                    None => {
                        lz.stopped.set(true);
                        return Ok(None);
                    }
                }
            }
            items
        }
        Some(prev) => {
            let mut items = as_tuple(&prev).as_slice().to_vec();
            // SAFETY: no Python code runs while the indices are borrowed.
            let indices = unsafe { lz.indices.get_mut() };
            // Advance the indices right to left; a pool that rolls over carries into
            // the one on its left.
            let mut done = true;
            for i in (0..pools.len()).rev() {
                let pool = as_tuple(&pools[i]);
                indices[i] += 1;
                if indices[i] as usize == pool.len() {
                    indices[i] = 0;
                    items[i] = pool.as_slice()[0].clone();
                } else {
                    items[i] = pool.as_slice()[indices[i] as usize].clone();
                    done = false;
                    break;
                }
            }
            if done {
                lz.stopped.set(true);
                return Ok(None);
            }
            items
        }
    };
    let result = tuple(result);
    lz.result.set(Some(result.clone()));
    Ok(Some(result))
}

fn indices_tuple(v: &[Py_ssize_t]) -> PyObjectRef {
    tuple(v.iter().map(|i| PyLong_FromSsize_t(*i)).collect())
}

fn product_reduce(obj: &PyObject) -> PyResult {
    let lz = as_product(obj);
    let tp = type_of(obj);
    if lz.stopped.get() {
        return Ok(tuple(vec![
            tp,
            tuple(vec![tuple_get_empty().into_object()]),
        ]));
    }
    if lz.result.get().is_none() {
        return Ok(tuple(vec![tp, lz.pools.clone()]));
    }
    // SAFETY: the borrow ends at once.
    let indices = indices_tuple(unsafe { lz.indices.get_ref() });
    Ok(tuple(vec![tp, lz.pools.clone(), indices]))
}

/// The index at position `i` of a `__setstate__` tuple.
fn state_index(state: &PyTupleObject, i: usize) -> PyResult<Py_ssize_t> {
    let o = &state.as_slice()[i];
    if !PyLongObject::check(o) {
        return Err(type_error("an integer is required"));
    }
    PyLong_AsSsize_t(o)
}

fn product_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let lz = as_product(obj);
    let pools = as_tuple(&lz.pools).as_slice();
    let n = pools.len();
    let Some(st) = state
        .downcast_ref::<PyTupleObject>()
        .filter(|t| t.len() == n)
    else {
        return Err(value_error("invalid arguments"));
    };
    let mut indices = vec![0; n];
    for i in 0..n {
        let index = state_index(st, i)?;
        let poolsize = as_tuple(&pools[i]).len() as Py_ssize_t;
        if poolsize == 0 {
            lz.stopped.set(true);
            return Ok(none());
        }
        indices[i] = index.clamp(0, poolsize - 1);
    }
    let result = (0..n)
        .map(|i| as_tuple(&pools[i]).as_slice()[indices[i] as usize].clone())
        .collect();
    lz.indices.set(indices);
    lz.result.set(Some(tuple(result)));
    Ok(none())
}

fn product_sizeof(obj: &PyObject) -> PyResult {
    let lz = as_product(obj);
    let n = as_tuple(&lz.pools).len();
    Ok(PyLong_FromSsize_t(
        (CPYTHON_PRODUCT_BASICSIZE + n * size_of::<Py_ssize_t>()) as isize,
    ))
}

static PRODUCT_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(product_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(product_setstate),
        SETSTATE_DOC,
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(product_sizeof),
        SIZEOF_DOC,
    ),
];

/// `itertools.product`.
pub static product_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.product",
    tp_basicsize: Cell::new(size_of::<productobject>()),
    tp_dealloc: slot(product_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables.  Equivalent to nested for-loops.\n\nFor example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).\nThe leftmost iterators are in the outermost for-loop, so the output tuples\ncycle in a manner similar to an odometer (with the rightmost element changing\non every iteration).\n\nTo compute the product of an iterable with itself, specify the number\nof repetitions with the optional repeat keyword argument. For example,\nproduct(A, repeat=4) means the same as product(A, A, A, A).\n\nproduct('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)\nproduct((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ..."),
    tp_traverse: slot(product_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(product_next),
    tp_methods: &PRODUCT_METHODS,
    tp_new: slot(product_new),
    ..PyTypeObject::DEFAULT
};

// --- combinations, combinations_with_replacement, permutations -------------------------------

/// `combinationsobject`, also the layout of `cwrobject` and (with `cycles`)
/// `permutationsobject`.
#[repr(C)]
pub struct combinationsobject {
    pub ob_base: PyObject,
    /// The input as a tuple.
    pool: PyObjectRef,
    indices: PyCell<Vec<Py_ssize_t>>,
    /// Only used by permutations.
    cycles: PyCell<Vec<Py_ssize_t>>,
    result: PyCell<Option<PyObjectRef>>,
    r: Py_ssize_t,
    stopped: Cell<bool>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for combinationsobject {}
view!(as_comb, combinationsobject);
dealloc!(combinations_dealloc, combinationsobject);

/// CPython's `sizeof(combinationsobject)` and `sizeof(cwrobject)`.
const CPYTHON_COMBINATIONS_BASICSIZE: usize = 56;
/// CPython's `sizeof(permutationsobject)`.
const CPYTHON_PERMUTATIONS_BASICSIZE: usize = 64;

fn comb_alloc(
    tp: &PyTypeObject,
    pool: PyObjectRef,
    indices: Vec<Py_ssize_t>,
    cycles: Vec<Py_ssize_t>,
    r: Py_ssize_t,
    stopped: bool,
) -> PyObjectRef {
    // SAFETY: `tp` is one of the three types or a subtype; the struct is complete.
    unsafe {
        alloc_object(
            tp,
            combinationsobject {
                ob_base: PyObject_HEAD_INIT,
                pool,
                indices: PyCell::new(indices),
                cycles: PyCell::new(cycles),
                result: PyCell::new(None),
                r,
                stopped: Cell::new(stopped),
            },
        )
    }
    .into_object()
}

fn comb_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let co = as_comb(obj);
    visit(&co.pool);
    visit_opt(&co.result, visit);
}

/// Parse `(iterable, r)` for combinations and cwr.
fn comb_args(
    name: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<(PyObjectRef, Py_ssize_t)> {
    let a = clinic(name, &["iterable", "r"], 0, 2, 2, args, kwnames)?;
    let r = ssize_arg(a[1].as_ref().expect("required"))?;
    let pool = PySequence_Tuple(a[0].as_ref().expect("required"))?;
    if r < 0 {
        return Err(value_error("r must be non-negative"));
    }
    Ok((pool, r))
}

fn combinations_new(
    tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let (pool, r) = comb_args("combinations", args, kwnames)?;
    let n = as_tuple(&pool).len() as Py_ssize_t;
    let indices = (0..r).collect();
    Ok(comb_alloc(tp, pool, indices, Vec::new(), r, r > n))
}

fn cwr_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let (pool, r) = comb_args("combinations_with_replacement", args, kwnames)?;
    let n = as_tuple(&pool).len();
    Ok(comb_alloc(
        tp,
        pool,
        vec![0; r as usize],
        Vec::new(),
        r,
        n == 0 && r > 0,
    ))
}

fn permutations_new(
    tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = clinic("permutations", &["iterable", "r"], 0, 2, 1, args, kwnames)?;
    let pool = PySequence_Tuple(a[0].as_ref().expect("required"))?;
    let n = as_tuple(&pool).len() as Py_ssize_t;
    let mut r = n;
    if let Some(robj) = a[1].as_ref().filter(|o| !o.is(Py_None())) {
        if !PyLongObject::check(robj) {
            return Err(type_error("Expected int as r"));
        }
        r = PyLong_AsSsize_t(robj)?;
    }
    if r < 0 {
        return Err(value_error("r must be non-negative"));
    }
    let indices = (0..n).collect();
    let cycles = (0..r.min(n)).map(|i| n - i).collect();
    Ok(comb_alloc(tp, pool, indices, cycles, r, r > n))
}

/// The result tuple for the current indices (the first `r` of them).
fn comb_result(co: &combinationsobject) -> PyObjectRef {
    let pool = as_tuple(&co.pool).as_slice();
    // SAFETY: the borrow ends within the expression.
    let indices = unsafe { co.indices.get_ref() };
    tuple(
        indices[..co.r as usize]
            .iter()
            .map(|i| pool[*i as usize].clone())
            .collect(),
    )
}

/// Record `result` as the last result and return it.
fn comb_yield(co: &combinationsobject, result: PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    co.result.set(Some(result.clone()));
    Ok(Some(result))
}

fn combinations_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let co = as_comb(obj);
    if co.stopped.get() {
        return Ok(None);
    }
    if co.result.get().is_none() {
        return comb_yield(co, comb_result(co));
    }
    let n = as_tuple(&co.pool).len() as Py_ssize_t;
    let r = co.r;
    {
        // SAFETY: no Python code runs while the indices are borrowed.
        let indices = unsafe { co.indices.get_mut() };
        // The rightmost index that is not at its maximum (i + n - r).
        let mut i = r - 1;
        while i >= 0 && indices[i as usize] == i + n - r {
            i -= 1;
        }
        if i < 0 {
            co.stopped.set(true);
            return Ok(None);
        }
        let i = i as usize;
        indices[i] += 1;
        for j in i + 1..r as usize {
            indices[j] = indices[j - 1] + 1;
        }
    }
    comb_yield(co, comb_result(co))
}

fn cwr_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let co = as_comb(obj);
    if co.stopped.get() {
        return Ok(None);
    }
    if co.result.get().is_none() {
        return comb_yield(co, comb_result(co));
    }
    let n = as_tuple(&co.pool).len() as Py_ssize_t;
    {
        // SAFETY: no Python code runs while the indices are borrowed.
        let indices = unsafe { co.indices.get_mut() };
        // The rightmost index that is not at its maximum (n - 1).
        let mut i = co.r - 1;
        while i >= 0 && indices[i as usize] == n - 1 {
            i -= 1;
        }
        if i < 0 {
            co.stopped.set(true);
            return Ok(None);
        }
        let index = indices[i as usize] + 1;
        for x in &mut indices[i as usize..] {
            *x = index;
        }
    }
    comb_yield(co, comb_result(co))
}

fn permutations_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let po = as_comb(obj);
    if po.stopped.get() {
        return Ok(None);
    }
    if po.result.get().is_none() {
        return comb_yield(po, comb_result(po));
    }
    let n = as_tuple(&po.pool).len();
    if n == 0 {
        po.stopped.set(true);
        return Ok(None);
    }
    let r = po.r as usize;
    {
        // SAFETY: no Python code runs while the indices and cycles are borrowed.
        let indices = unsafe { po.indices.get_mut() };
        // SAFETY: as above; a different cell.
        let cycles = unsafe { po.cycles.get_mut() };
        // Decrement the rightmost cycle, moving left when one rolls over to zero.
        let mut advanced = false;
        for i in (0..r).rev() {
            cycles[i] -= 1;
            if cycles[i] == 0 {
                // indices[i:] = indices[i+1:] + indices[i:i+1]
                indices[i..n].rotate_left(1);
                cycles[i] = (n - i) as Py_ssize_t;
            } else {
                let j = cycles[i] as usize;
                indices.swap(i, n - j);
                advanced = true;
                break;
            }
        }
        if !advanced {
            po.stopped.set(true);
            return Ok(None);
        }
    }
    comb_yield(po, comb_result(po))
}

fn comb_reduce_common(
    obj: &PyObject,
    extra: impl FnOnce(&combinationsobject) -> PyObjectRef,
) -> PyResult {
    let co = as_comb(obj);
    let tp = type_of(obj);
    let r = PyLong_FromSsize_t(co.r);
    if co.result.get().is_none() {
        return Ok(tuple(vec![tp, tuple(vec![co.pool.clone(), r])]));
    }
    if co.stopped.get() {
        return Ok(tuple(vec![
            tp,
            tuple(vec![tuple_get_empty().into_object(), r]),
        ]));
    }
    Ok(tuple(vec![tp, tuple(vec![co.pool.clone(), r]), extra(co)]))
}

fn combinations_reduce(obj: &PyObject) -> PyResult {
    comb_reduce_common(obj, |co| {
        // SAFETY: the borrow ends at once.
        indices_tuple(unsafe { co.indices.get_ref() })
    })
}

fn permutations_reduce(obj: &PyObject) -> PyResult {
    comb_reduce_common(obj, |co| {
        // SAFETY: the borrows end at once.
        let (indices, cycles) = unsafe { (co.indices.get_ref(), co.cycles.get_ref()) };
        tuple(vec![indices_tuple(indices), indices_tuple(cycles)])
    })
}

/// Set the indices from a `__setstate__` tuple of `r` ints, each clamped by `clamp`,
/// then rebuild the result.
fn comb_setstate_indices(
    co: &combinationsobject,
    state: &PyObject,
    clamp: impl Fn(usize, Py_ssize_t) -> Py_ssize_t,
) -> PyResult {
    let r = co.r as usize;
    let Some(st) = state
        .downcast_ref::<PyTupleObject>()
        .filter(|t| t.len() == r)
    else {
        return Err(value_error("invalid arguments"));
    };
    let mut indices = vec![0; r];
    for (i, x) in indices.iter_mut().enumerate() {
        *x = clamp(i, state_index(st, i)?);
    }
    let n = as_tuple(&co.pool).len() as Py_ssize_t;
    if indices.iter().any(|i| *i >= n) {
        // Only possible for an exhausted (or never started) object over a pool
        // smaller than r; CPython reads past the pool here.
        co.stopped.set(true);
        return Ok(none());
    }
    co.indices.set(indices);
    co.result.set(Some(comb_result(co)));
    Ok(none())
}

fn combinations_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let co = as_comb(obj);
    let n = as_tuple(&co.pool).len() as Py_ssize_t;
    let r = co.r;
    comb_setstate_indices(co, state, |i, index| {
        let max = i as Py_ssize_t + n - r;
        let index = if index > max { max } else { index };
        index.max(0)
    })
}

fn cwr_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let co = as_comb(obj);
    let n = as_tuple(&co.pool).len() as Py_ssize_t;
    comb_setstate_indices(co, state, |_, index| {
        if index < 0 {
            0
        } else if index > n - 1 {
            n - 1
        } else {
            index
        }
    })
}

fn permutations_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let po = as_comb(obj);
    let t = state_tuple(state)?;
    state_arity(t, 2, 2)?;
    let s = t.as_slice();
    for (k, o) in s.iter().enumerate() {
        if !PyTupleObject::check(o) {
            return Err(type_error(format!(
                "argument {} must be tuple, not {}",
                k + 1,
                o.ob_type().name()
            )));
        }
    }
    let (ind, cyc) = (as_tuple(&s[0]), as_tuple(&s[1]));
    let n = as_tuple(&po.pool).len();
    let r = po.r as usize;
    if ind.len() != n || cyc.len() != r {
        return Err(value_error("invalid arguments"));
    }
    let mut indices = vec![0; n];
    for (i, x) in indices.iter_mut().enumerate() {
        let index = state_index(ind, i)?;
        *x = index.clamp(0, (n as Py_ssize_t - 1).max(0));
    }
    let mut cycles = vec![0; r];
    for (i, x) in cycles.iter_mut().enumerate() {
        let index = state_index(cyc, i)?;
        let hi = n as Py_ssize_t - i as Py_ssize_t;
        *x = if index < 1 {
            1
        } else if index > hi {
            hi
        } else {
            index
        };
    }
    po.indices.set(indices);
    po.cycles.set(cycles);
    if r > n {
        po.stopped.set(true);
        return Ok(none());
    }
    po.result.set(Some(comb_result(po)));
    Ok(none())
}

fn combinations_sizeof(obj: &PyObject) -> PyResult {
    let co = as_comb(obj);
    Ok(PyLong_FromSsize_t(
        (CPYTHON_COMBINATIONS_BASICSIZE + co.r as usize * size_of::<Py_ssize_t>()) as isize,
    ))
}

fn permutations_sizeof(obj: &PyObject) -> PyResult {
    let po = as_comb(obj);
    let n = as_tuple(&po.pool).len();
    Ok(PyLong_FromSsize_t(
        (CPYTHON_PERMUTATIONS_BASICSIZE + (n + po.r as usize) * size_of::<Py_ssize_t>()) as isize,
    ))
}

static COMBINATIONS_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(combinations_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(combinations_setstate),
        SETSTATE_DOC,
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(combinations_sizeof),
        SIZEOF_DOC,
    ),
];

static CWR_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(combinations_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new("__setstate__", PyCFunction::O(cwr_setstate), SETSTATE_DOC),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(combinations_sizeof),
        SIZEOF_DOC,
    ),
];

static PERMUTATIONS_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(permutations_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(permutations_setstate),
        SETSTATE_DOC,
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(permutations_sizeof),
        SIZEOF_DOC,
    ),
];

/// `itertools.combinations`.
pub static combinations_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.combinations",
    tp_basicsize: Cell::new(size_of::<combinationsobject>()),
    tp_dealloc: slot(combinations_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("combinations(iterable, r)\n--\n\nReturn successive r-length combinations of elements in the iterable.\n\ncombinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)"),
    tp_traverse: slot(comb_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(combinations_next),
    tp_methods: &COMBINATIONS_METHODS,
    tp_new: slot(combinations_new),
    ..PyTypeObject::DEFAULT
};

/// `itertools.combinations_with_replacement`.
pub static cwr_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.combinations_with_replacement",
    tp_basicsize: Cell::new(size_of::<combinationsobject>()),
    tp_dealloc: slot(combinations_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("combinations_with_replacement(iterable, r)\n--\n\nReturn successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\ncombinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')"),
    tp_traverse: slot(comb_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(cwr_next),
    tp_methods: &CWR_METHODS,
    tp_new: slot(cwr_new),
    ..PyTypeObject::DEFAULT
};

/// `itertools.permutations`.
pub static permutations_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.permutations",
    tp_basicsize: Cell::new(size_of::<combinationsobject>()),
    tp_dealloc: slot(combinations_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("permutations(iterable, r=None)\n--\n\nReturn successive r-length permutations of elements in the iterable.\n\npermutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)"),
    tp_traverse: slot(comb_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(permutations_next),
    tp_methods: &PERMUTATIONS_METHODS,
    tp_new: slot(permutations_new),
    ..PyTypeObject::DEFAULT
};

// --- accumulate ---------------------------------------------------------------------------

/// `accumulateobject`.
#[repr(C)]
pub struct accumulateobject {
    pub ob_base: PyObject,
    total: PyCell<Option<PyObjectRef>>,
    it: PyObjectRef,
    binop: Option<PyObjectRef>,
    /// `None` once used (or never given).
    initial: PyCell<PyObjectRef>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for accumulateobject {}
view!(as_accumulate, accumulateobject);
dealloc!(accumulate_dealloc, accumulateobject);

fn accumulate_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = clinic(
        "accumulate",
        &["iterable", "func", "initial"],
        0,
        2,
        1,
        args,
        kwnames,
    )?;
    let it = PyObject_GetIter(a[0].as_ref().expect("required"))?;
    let binop = a[1].clone().filter(|f| !f.is(Py_None()));
    let initial = a[2].clone().unwrap_or_else(none);
    // SAFETY: `tp` is `accumulate` or a subtype; the struct is complete.
    let lz = unsafe {
        alloc_object(
            tp,
            accumulateobject {
                ob_base: PyObject_HEAD_INIT,
                total: PyCell::new(None),
                it,
                binop,
                initial: PyCell::new(initial),
            },
        )
    };
    Ok(lz.into_object())
}

fn accumulate_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let lz = as_accumulate(obj);
    if let Some(b) = &lz.binop {
        visit(b);
    }
    visit(&lz.it);
    visit_opt(&lz.total, visit);
    // SAFETY: traversal runs no Python code.
    visit(unsafe { lz.initial.get_ref() });
}

fn accumulate_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_accumulate(obj);
    let initial = lz.initial.get();
    if !initial.is(Py_None()) {
        lz.total.set(Some(initial.clone()));
        lz.initial.set(none());
        return Ok(Some(initial));
    }
    let Some(val) = next(&lz.it)? else {
        return Ok(None);
    };
    let Some(total) = lz.total.get() else {
        lz.total.set(Some(val.clone()));
        return Ok(Some(val));
    };
    let newtotal = match &lz.binop {
        None => PyNumber_BinaryOp(&total, &val, include::opcode::nb::ADD)?,
        Some(f) => PyObject_Vectorcall(f, &[total, val], None)?,
    };
    lz.total.set(Some(newtotal.clone()));
    Ok(Some(newtotal))
}

fn accumulate_reduce(obj: &PyObject) -> PyResult {
    let lz = as_accumulate(obj);
    let tp = type_of(obj);
    let binop = lz.binop.clone().unwrap_or_else(none);
    let initial = lz.initial.get();
    let chain = |first: PyObjectRef| {
        PyObject_Vectorcall(
            chain_type.as_object(),
            &[tuple(vec![first]), lz.it.clone()],
            None,
        )
    };
    if !initial.is(Py_None()) {
        let it = chain(initial)?;
        return Ok(tuple(vec![tp, tuple(vec![it, binop]), none()]));
    }
    let total = lz.total.get();
    if let Some(t) = total.as_ref().filter(|t| t.is(Py_None())) {
        let it = chain(t.clone())?;
        let it = PyObject_Vectorcall(&tp, &[it, binop], None)?;
        return Ok(tuple(vec![
            islice_type.as_object().to_owned(),
            tuple(vec![it, PyLong_FromSsize_t(1), none()]),
        ]));
    }
    Ok(tuple(vec![
        tp,
        tuple(vec![lz.it.clone(), binop]),
        total.unwrap_or_else(none),
    ]))
}

fn accumulate_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    as_accumulate(obj).total.set(Some(state.to_owned()));
    Ok(none())
}

static ACCUMULATE_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(accumulate_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(accumulate_setstate),
        SETSTATE_DOC,
    ),
];

/// `itertools.accumulate`.
pub static accumulate_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.accumulate",
    tp_basicsize: Cell::new(size_of::<accumulateobject>()),
    tp_dealloc: slot(accumulate_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("accumulate(iterable, func=None, *, initial=None)\n--\n\nReturn series of accumulated sums (or other binary function results)."),
    tp_traverse: slot(accumulate_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(accumulate_next),
    tp_methods: &ACCUMULATE_METHODS,
    tp_new: slot(accumulate_new),
    ..PyTypeObject::DEFAULT
};

// --- compress -----------------------------------------------------------------------------

/// `compressobject`.
#[repr(C)]
pub struct compressobject {
    pub ob_base: PyObject,
    data: PyObjectRef,
    selectors: PyObjectRef,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for compressobject {}
view!(as_compress, compressobject);
dealloc!(compress_dealloc, compressobject);

fn compress_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = clinic("compress", &["data", "selectors"], 0, 2, 2, args, kwnames)?;
    let data = PyObject_GetIter(a[0].as_ref().expect("required"))?;
    let selectors = PyObject_GetIter(a[1].as_ref().expect("required"))?;
    // SAFETY: `tp` is `compress` or a subtype; the struct is complete.
    let lz = unsafe {
        alloc_object(
            tp,
            compressobject {
                ob_base: PyObject_HEAD_INIT,
                data,
                selectors,
            },
        )
    };
    Ok(lz.into_object())
}

fn compress_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let lz = as_compress(obj);
    visit(&lz.data);
    visit(&lz.selectors);
}

fn compress_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_compress(obj);
    loop {
        let Some(datum) = next(&lz.data)? else {
            return Ok(None);
        };
        let Some(selector) = next(&lz.selectors)? else {
            return Ok(None);
        };
        if PyObject_IsTrue(&selector)? {
            return Ok(Some(datum));
        }
    }
}

fn compress_reduce(obj: &PyObject) -> PyResult {
    let lz = as_compress(obj);
    Ok(tuple(vec![
        type_of(obj),
        tuple(vec![lz.data.clone(), lz.selectors.clone()]),
    ]))
}

static COMPRESS_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(compress_reduce),
    REDUCE_DOC,
)];

/// `itertools.compress`.
pub static compress_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.compress",
    tp_basicsize: Cell::new(size_of::<compressobject>()),
    tp_dealloc: slot(compress_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("compress(data, selectors)\n--\n\nReturn data elements corresponding to true selector elements.\n\nForms a shorter iterator from selected data elements using the selectors to\nchoose the data elements."),
    tp_traverse: slot(compress_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(compress_next),
    tp_methods: &COMPRESS_METHODS,
    tp_new: slot(compress_new),
    ..PyTypeObject::DEFAULT
};

// --- filterfalse --------------------------------------------------------------------------

fn filterfalse_new(
    tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let pos = fixed_positional(tp, &filterfalse_type, "filterfalse", args, kwnames, 2, 2)?;
    let it = PyObject_GetIter(&pos[1])?;
    // SAFETY: `tp` is `filterfalse` or a subtype; the layout is starmap's (a function
    // and an iterator).
    let lz = unsafe {
        alloc_object(
            tp,
            starmapobject {
                ob_base: PyObject_HEAD_INIT,
                func: pos[0].clone(),
                it,
            },
        )
    };
    Ok(lz.into_object())
}

fn filterfalse_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_starmap(obj);
    loop {
        let Some(item) = next(&lz.it)? else {
            return Ok(None);
        };
        let ok = if lz.func.is(Py_None()) || lz.func.is(PyBool_Type.as_object()) {
            PyObject_IsTrue(&item)?
        } else {
            let good = PyObject_CallOneArg(&lz.func, &item)?;
            PyObject_IsTrue(&good)?
        };
        if !ok {
            return Ok(Some(item));
        }
    }
}

/// `itertools.filterfalse`.
pub static filterfalse_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.filterfalse",
    tp_basicsize: Cell::new(size_of::<starmapobject>()),
    tp_dealloc: slot(starmap_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("filterfalse(function, iterable, /)\n--\n\nReturn those items of iterable for which function(item) is false.\n\nIf function is None, return the items that are false."),
    tp_traverse: slot(starmap_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(filterfalse_next),
    tp_methods: &STARMAP_METHODS,
    tp_new: slot(filterfalse_new),
    ..PyTypeObject::DEFAULT
};

// --- count --------------------------------------------------------------------------------

/// `countobject`. While the count fits a machine word and the step is the int 1,
/// `cnt` counts ("fast mode"); otherwise `cnt` is `Py_ssize_t::MAX` and `long_cnt`
/// holds the count.
#[repr(C)]
pub struct countobject {
    pub ob_base: PyObject,
    cnt: Cell<Py_ssize_t>,
    long_cnt: PyCell<Option<PyObjectRef>>,
    long_step: PyObjectRef,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for countobject {}
view!(as_count, countobject);
dealloc!(count_dealloc, countobject);

fn count_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = clinic("count", &["start", "step"], 0, 2, 0, args, kwnames)?;
    let (long_cnt, long_step) = (a[0].clone(), a[1].clone());
    if long_cnt.as_ref().is_some_and(|c| !PyNumber_Check(c))
        || long_step.as_ref().is_some_and(|s| !PyNumber_Check(s))
    {
        return Err(type_error("a number is required"));
    }
    let mut fast_mode = long_cnt.as_ref().is_none_or(|c| PyLongObject::check(c))
        && long_step.as_ref().is_none_or(|s| PyLongObject::check(s));
    let mut cnt: Py_ssize_t = 0;
    if let Some(c) = &long_cnt {
        if fast_mode {
            match objects::longobject::PyLong_AsSsize_t_opt(c) {
                Some(v) => cnt = v,
                None => fast_mode = false,
            }
        }
    }
    let long_cnt = long_cnt.unwrap_or_else(|| PyLong_FromSsize_t(0));
    let long_step = long_step.unwrap_or_else(|| PyLong_FromSsize_t(1));
    if fast_mode && objects::longobject::PyLong_AsSsize_t_opt(&long_step) != Some(1) {
        fast_mode = false;
    }
    let (cnt, long_cnt) = if fast_mode {
        (cnt, None)
    } else {
        (Py_ssize_t::MAX, Some(long_cnt))
    };
    // SAFETY: `tp` is `count` or a subtype; the struct is complete.
    let lz = unsafe {
        alloc_object(
            tp,
            countobject {
                ob_base: PyObject_HEAD_INIT,
                cnt: Cell::new(cnt),
                long_cnt: PyCell::new(long_cnt),
                long_step,
            },
        )
    };
    Ok(lz.into_object())
}

fn count_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let lz = as_count(obj);
    visit_opt(&lz.long_cnt, visit);
    visit(&lz.long_step);
}

fn count_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_count(obj);
    let cnt = lz.cnt.get();
    if cnt != Py_ssize_t::MAX {
        lz.cnt.set(cnt + 1);
        return Ok(Some(PyLong_FromSsize_t(cnt)));
    }
    // `count_nextlong`: the slow path, switching from fast mode at `sys.maxsize`.
    let long_cnt = lz
        .long_cnt
        .get()
        .unwrap_or_else(|| PyLong_FromSsize_t(Py_ssize_t::MAX));
    let stepped_up = PyNumber_BinaryOp(&long_cnt, &lz.long_step, include::opcode::nb::ADD)?;
    lz.long_cnt.set(Some(stepped_up));
    Ok(Some(long_cnt))
}

fn count_repr(obj: &PyObject) -> PyResult {
    let lz = as_count(obj);
    let name = _PyType_Name(obj.ob_type());
    if lz.cnt.get() != Py_ssize_t::MAX {
        return Ok(PyUnicode_FromString(&format!("{name}({})", lz.cnt.get())));
    }
    let long_cnt = lz
        .long_cnt
        .get()
        .unwrap_or_else(|| PyLong_FromSsize_t(Py_ssize_t::MAX));
    let cnt_repr = repr_string(&long_cnt)?;
    if PyLongObject::check(&lz.long_step)
        && objects::longobject::PyLong_AsSsize_t_opt(&lz.long_step) == Some(1)
    {
        return Ok(PyUnicode_FromString(&format!("{name}({cnt_repr})")));
    }
    let step_repr = repr_string(&lz.long_step)?;
    Ok(PyUnicode_FromString(&format!(
        "{name}({cnt_repr}, {step_repr})"
    )))
}

/// `_PyType_Name`: the part of a static type's name after the last dot.
fn _PyType_Name(tp: &PyTypeObject) -> &str {
    let name = tp.name();
    if tp.is_heap_type() {
        return name;
    }
    match name.rfind('.') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// `repr(obj)` as Rust text.
fn repr_string(obj: &PyObject) -> PyResult<String> {
    let r = PyObject_Repr(obj)?;
    Ok(objects::unicodeobject::as_str_lossy(&r).into_owned())
}

fn count_reduce(obj: &PyObject) -> PyResult {
    let lz = as_count(obj);
    let tp = type_of(obj);
    if lz.cnt.get() == Py_ssize_t::MAX {
        let long_cnt = lz
            .long_cnt
            .get()
            .unwrap_or_else(|| PyLong_FromSsize_t(Py_ssize_t::MAX));
        return Ok(tuple(vec![tp, tuple(vec![long_cnt, lz.long_step.clone()])]));
    }
    Ok(tuple(vec![
        tp,
        tuple(vec![PyLong_FromSsize_t(lz.cnt.get())]),
    ]))
}

static COUNT_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(count_reduce),
    REDUCE_DOC,
)];

/// `itertools.count`.
pub static count_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.count",
    tp_basicsize: Cell::new(size_of::<countobject>()),
    tp_dealloc: slot(count_dealloc),
    tp_repr: slot(count_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("count(start=0, step=1)\n--\n\nReturn a count object whose .__next__() method returns consecutive values.\n\nEquivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n        while 1:\n            yield x\n            x += step"),
    tp_traverse: slot(count_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(count_next),
    tp_methods: &COUNT_METHODS,
    tp_new: slot(count_new),
    ..PyTypeObject::DEFAULT
};

// --- repeat -------------------------------------------------------------------------------

/// `repeatobject`: `cnt` is -1 for "forever".
#[repr(C)]
pub struct repeatobject {
    pub ob_base: PyObject,
    element: PyObjectRef,
    cnt: Cell<Py_ssize_t>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for repeatobject {}
view!(as_repeat, repeatobject);
dealloc!(repeat_dealloc, repeatobject);

fn repeat_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let n_args = args.len();
    if n_args > 2 {
        return Err(type_error(format!(
            "repeat() takes at most 2 arguments ({n_args} given)"
        )));
    }
    let a = clinic("repeat", &["object", "times"], 0, 2, 1, args, kwnames)?;
    let element = a[0].clone().expect("required");
    let mut cnt = match &a[1] {
        Some(t) => ssize_arg(t)?,
        None => -1,
    };
    if n_args == 2 && cnt < 0 {
        cnt = 0;
    }
    // SAFETY: `tp` is `repeat` or a subtype; the struct is complete.
    let ro = unsafe {
        alloc_object(
            tp,
            repeatobject {
                ob_base: PyObject_HEAD_INIT,
                element,
                cnt: Cell::new(cnt),
            },
        )
    };
    Ok(ro.into_object())
}

fn repeat_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit(&as_repeat(obj).element);
}

fn repeat_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let ro = as_repeat(obj);
    match ro.cnt.get() {
        0 => Ok(None),
        n => {
            if n > 0 {
                ro.cnt.set(n - 1);
            }
            Ok(Some(ro.element.clone()))
        }
    }
}

fn repeat_repr(obj: &PyObject) -> PyResult {
    let ro = as_repeat(obj);
    let name = _PyType_Name(obj.ob_type());
    let elem = repr_string(&ro.element)?;
    Ok(PyUnicode_FromString(&if ro.cnt.get() < 0 {
        format!("{name}({elem})")
    } else {
        format!("{name}({elem}, {})", ro.cnt.get())
    }))
}

fn repeat_len(obj: &PyObject) -> PyResult {
    let ro = as_repeat(obj);
    if ro.cnt.get() == -1 {
        return Err(type_error("len() of unsized object"));
    }
    Ok(PyLong_FromSsize_t(ro.cnt.get()))
}

fn repeat_reduce(obj: &PyObject) -> PyResult {
    let ro = as_repeat(obj);
    let tp = type_of(obj);
    if ro.cnt.get() >= 0 {
        return Ok(tuple(vec![
            tp,
            tuple(vec![ro.element.clone(), PyLong_FromSsize_t(ro.cnt.get())]),
        ]));
    }
    Ok(tuple(vec![tp, tuple(vec![ro.element.clone()])]))
}

static REPEAT_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(repeat_len),
        "Private method returning an estimate of len(list(it)).",
    ),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(repeat_reduce), REDUCE_DOC),
];

/// `itertools.repeat`.
pub static repeat_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.repeat",
    tp_basicsize: Cell::new(size_of::<repeatobject>()),
    tp_dealloc: slot(repeat_dealloc),
    tp_repr: slot(repeat_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly."),
    tp_traverse: slot(repeat_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(repeat_next),
    tp_methods: &REPEAT_METHODS,
    tp_new: slot(repeat_new),
    ..PyTypeObject::DEFAULT
};

// --- zip_longest --------------------------------------------------------------------------

/// `ziplongestobject`: the iterators (`None` where one is exhausted), how many are
/// still active, and the fill value.
#[repr(C)]
pub struct ziplongestobject {
    pub ob_base: PyObject,
    ittuple: PyCell<Vec<Option<PyObjectRef>>>,
    numactive: Cell<usize>,
    fillvalue: PyCell<PyObjectRef>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for ziplongestobject {}
view!(as_ziplongest, ziplongestobject);
dealloc!(zip_longest_dealloc, ziplongestobject);

fn zip_longest_new(
    tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let kw = kwnames_slice(kwnames);
    let pos = positional(args, kwnames);
    let mut fillvalue = none();
    if !kw.is_empty() {
        if kw.len() != 1 || !unicode_eq_str(&kw[0], "fillvalue") {
            return Err(type_error(
                "zip_longest() got an unexpected keyword argument",
            ));
        }
        fillvalue = args[pos.len()].clone();
    }
    let mut its = Vec::with_capacity(pos.len());
    for a in pos {
        its.push(Some(PyObject_GetIter(a)?));
    }
    let n = its.len();
    // SAFETY: `tp` is `zip_longest` or a subtype; the struct is complete.
    let lz = unsafe {
        alloc_object(
            tp,
            ziplongestobject {
                ob_base: PyObject_HEAD_INIT,
                ittuple: PyCell::new(its),
                numactive: Cell::new(n),
                fillvalue: PyCell::new(fillvalue),
            },
        )
    };
    Ok(lz.into_object())
}

fn zip_longest_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let lz = as_ziplongest(obj);
    // SAFETY: traversal runs no Python code.
    for it in unsafe { lz.ittuple.get_ref() }.iter().flatten() {
        visit(it);
    }
    // SAFETY: as above.
    visit(unsafe { lz.fillvalue.get_ref() });
}

fn zip_longest_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let lz = as_ziplongest(obj);
    // SAFETY: the borrow ends at once.
    let tuplesize = unsafe { lz.ittuple.get_ref() }.len();
    if tuplesize == 0 || lz.numactive.get() == 0 {
        return Ok(None);
    }
    let mut result = Vec::with_capacity(tuplesize);
    for i in 0..tuplesize {
        // SAFETY: the borrow ends at once.
        let it = unsafe { lz.ittuple.get_ref() }.get(i).cloned().flatten();
        let item = match it {
            None => lz.fillvalue.get(),
            Some(it) => match next(&it) {
                Ok(Some(item)) => item,
                Ok(None) => {
                    lz.numactive.set(lz.numactive.get() - 1);
                    if lz.numactive.get() == 0 {
                        return Ok(None);
                    }
                    // SAFETY: the borrow ends at once.
                    if let Some(slot) = unsafe { lz.ittuple.get_mut() }.get_mut(i) {
                        let old = slot.take();
                        drop(old);
                    }
                    lz.fillvalue.get()
                }
                Err(e) => {
                    lz.numactive.set(0);
                    return Err(e);
                }
            },
        };
        result.push(item);
    }
    Ok(Some(tuple(result)))
}

fn zip_longest_reduce(obj: &PyObject) -> PyResult {
    let lz = as_ziplongest(obj);
    // SAFETY: the borrow ends at once.
    let its: Vec<PyObjectRef> = unsafe { lz.ittuple.get_ref() }
        .iter()
        .map(|it| {
            it.clone()
                .unwrap_or_else(|| tuple_get_empty().into_object())
        })
        .collect();
    Ok(tuple(vec![type_of(obj), tuple(its), lz.fillvalue.get()]))
}

fn zip_longest_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    as_ziplongest(obj).fillvalue.set(state.to_owned());
    Ok(none())
}

static ZIP_LONGEST_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(zip_longest_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(zip_longest_setstate),
        SETSTATE_DOC,
    ),
];

/// `itertools.zip_longest`.
pub static ziplongest_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.zip_longest",
    tp_basicsize: Cell::new(size_of::<ziplongestobject>()),
    tp_dealloc: slot(zip_longest_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\nReturn a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.  The .__next__()\nmethod continues until the longest iterable in the argument sequence\nis exhausted and then it raises StopIteration.  When the shorter iterables\nare exhausted, the fillvalue is substituted in their place.  The fillvalue\ndefaults to None or can be specified by a keyword argument.\n"),
    tp_traverse: slot(zip_longest_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(zip_longest_next),
    tp_methods: &ZIP_LONGEST_METHODS,
    tp_new: slot(zip_longest_new),
    ..PyTypeObject::DEFAULT
};

// --- pairwise -----------------------------------------------------------------------------

/// `pairwiseobject`.
#[repr(C)]
pub struct pairwiseobject {
    pub ob_base: PyObject,
    it: PyCell<Option<PyObjectRef>>,
    old: PyCell<Option<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for pairwiseobject {}
view!(as_pairwise, pairwiseobject);
dealloc!(pairwise_dealloc, pairwiseobject);

fn pairwise_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let pos = fixed_positional(tp, &pairwise_type, "pairwise", args, kwnames, 1, 1)?;
    let it = PyObject_GetIter(&pos[0])?;
    // SAFETY: `tp` is `pairwise` or a subtype; the struct is complete.
    let po = unsafe {
        alloc_object(
            tp,
            pairwiseobject {
                ob_base: PyObject_HEAD_INIT,
                it: PyCell::new(Some(it)),
                old: PyCell::new(None),
            },
        )
    };
    Ok(po.into_object())
}

fn pairwise_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let po = as_pairwise(obj);
    visit_opt(&po.it, visit);
    visit_opt(&po.old, visit);
}

fn pairwise_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let po = as_pairwise(obj);
    let Some(it) = po.it.get() else {
        return Ok(None);
    };
    let old = match po.old.get() {
        Some(o) => o,
        None => match next(&it) {
            Ok(Some(o)) => {
                po.old.set(Some(o.clone()));
                o
            }
            other => {
                po.it.set(None);
                return other;
            }
        },
    };
    let new = match next(&it) {
        Ok(Some(n)) => n,
        other => {
            po.it.set(None);
            po.old.set(None);
            return other;
        }
    };
    po.old.set(Some(new.clone()));
    Ok(Some(tuple(vec![old, new])))
}

/// `itertools.pairwise`.
pub static pairwise_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "itertools.pairwise",
    tp_basicsize: Cell::new(size_of::<pairwiseobject>()),
    tp_dealloc: slot(pairwise_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(ITER_FLAGS),
    tp_doc: Some("pairwise(iterable, /)\n--\n\nReturn an iterator of overlapping pairs taken from the input iterator.\n\n    s -> (s0,s1), (s1,s2), (s2, s3), ..."),
    tp_traverse: slot(pairwise_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(pairwise_next),
    tp_new: slot(pairwise_new),
    ..PyTypeObject::DEFAULT
};

// --- the module ---------------------------------------------------------------------------

static ITERTOOLS_FUNCTIONS: [PyMethodDef; 1] = [PyMethodDef::new(
    "tee",
    PyCFunction::Fast(itertools_tee),
    "tee($module, iterable, n=2, /)\n--\n\nReturns a tuple of n independent iterators.",
)];

const MODULE_DOC: &str = "Functional tools for creating and using iterators.\n\nInfinite iterators:\ncount(start=0, step=1) --> start, start+step, start+2*step, ...\ncycle(p) --> p0, p1, ... plast, p0, p1, ...\nrepeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n\nIterators terminating on the shortest input sequence:\naccumulate(p[, func]) --> p0, p0+p1, p0+p1+p2\nchain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...\nchain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...\ncompress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...\ndropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails\ngroupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)\nfilterfalse(pred, seq) --> elements of seq where pred(elem) is False\nislice(seq, [start,] stop [, step]) --> elements from\n       seq[start:stop:step]\npairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...\nstarmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...\ntee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n\ntakewhile(pred, seq) --> seq[0], seq[1], until pred fails\nzip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...\n\nCombinatoric generators:\nproduct(p, q, ... [repeat=1]) --> cartesian product\npermutations(p[, r])\ncombinations(p, r)\ncombinations_with_replacement(p, r)\n";

/// The module's types, in CPython's order of registration.
fn itertools_types() -> [&'static PyTypeObject; 21] {
    [
        &accumulate_type,
        &combinations_type,
        &cwr_type,
        &cycle_type,
        &dropwhile_type,
        &takewhile_type,
        &islice_type,
        &starmap_type,
        &chain_type,
        &compress_type,
        &filterfalse_type,
        &count_type,
        &ziplongest_type,
        &pairwise_type,
        &permutations_type,
        &product_type,
        &repeat_type,
        &groupby_type,
        &_grouper_type,
        &tee_type,
        &teedataobject_type,
    ]
}

/// Make the `itertools` module (`PyInit_itertools`).
pub fn PyInit_itertools() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("itertools")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(MODULE_DOC))?;
    PyModule_AddFunctions(&m, &ITERTOOLS_FUNCTIONS)?;
    for tp in itertools_types() {
        PyType_Ready(tp)?;
        let name = _PyType_Name(tp);
        PyModule_AddObject(&m, name, tp.as_object())?;
    }
    Ok(m)
}
