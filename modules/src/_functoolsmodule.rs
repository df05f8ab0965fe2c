//! The `_functools` module: `partial`, `reduce`, `cmp_to_key` and the native half of
//! `lru_cache`. Mirrors Modules/_functoolsmodule.c (CPython 3.11).
//!
//! Differences from CPython:
//! - `partial` has no separate `vectorcall` function and no `__vectorcalloffset__`:
//!   pyrs's `tp_call` already takes the vectorcall layout, so `partial_call` is the
//!   vectorcall path (it prepends the stored arguments to the argument array, or falls
//!   back to a merged keyword dict when the partial holds keywords, as CPython's
//!   `partial_vectorcall_fallback` does).
//! - The recency list of the bounded cache holds one reference to each of its links,
//!   as CPython's does, and a link out of the list has null `prev`/`next`: extracting
//!   a link that is not in the list (one being moved by a re-entrant call, or orphaned)
//!   does nothing, where CPython would follow its stale neighbours.
//! - The keyword marker of cache keys (CPython's `kwd_mark` in the module state) is
//!   one process-wide `object()`, made on first use.

use std::cell::Cell;
use std::mem::{offset_of, size_of};
use std::ptr::NonNull;

use include::cpython::object::flags::*;
use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef, METH_CLASS};
use include::object::GlobalCell;

use objects::call::{kwnames_slice, PyObject_Call, PyObject_CallNoArgs, PyObject_Vectorcall};
use objects::dictobject::{
    _PyDict_Pop_KnownHash, _PyDict_SetItem_KnownHash, _Py_dict_lookup, PyDictObject, PyDict_Clear,
    PyDict_Copy, PyDict_New, PyDict_Next, PyDict_SetItem, PyDict_Size,
};
use objects::exceptions::*;
use objects::getargs::{check_no_kwargs, check_positional, parse_args};
use objects::longobject::{PyLongObject, PyLong_FromLong, PyLong_FromSsize_t};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::pyerrors::PyErr_ExceptionMatches;
use objects::r#abstract::{PyIter_Next, PyNumber_AsSsize_t, PyObject_GetIter, PySequence_Tuple};
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::{PyBaseObject_Type, PyType_IsSubtype, PyType_Ready, PyType_Type};
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

fn tuple(items: Vec<PyObjectRef>) -> PyObjectRef {
    PyTuple_New(items).into_object()
}

/// The positional part of a vectorcall argument array.
fn positional<'a>(args: &'a [PyObjectRef], kwnames: Option<&PyObject>) -> &'a [PyObjectRef] {
    &args[..args.len() - kwnames_slice(kwnames).len()]
}

fn tuple_items(obj: &PyObject) -> &[PyObjectRef] {
    match obj.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice(),
        None => &[],
    }
}

fn as_dict(obj: &PyObject) -> Option<&PyDictObject> {
    obj.downcast_ref::<PyDictObject>()
}

fn callable(obj: &PyObject) -> bool {
    obj.ob_type().tp_call.get().is_some()
}

/// `PyObject_GenericGetDict` for the types here with a `__dict__` slot.
fn generic_get_dict(obj: &PyObject) -> PyResult {
    _PyObject_GetOrCreateDict(obj).ok_or_else(|| attribute_error("This object has no __dict__"))
}

/// `PyObject_GenericSetDict`.
fn generic_set_dict(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(slot) = _PyObject_GetDictPtr(obj) else {
        return Err(attribute_error("This object has no __dict__"));
    };
    let Some(value) = value else {
        return Err(type_error("cannot delete __dict__"));
    };
    if as_dict(value).is_none() {
        return Err(type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            value.ob_type().name()
        )));
    }
    slot.set(Some(value.to_owned()));
    Ok(())
}

fn class_getitem(cls: &PyObject, arg: &PyObject) -> PyResult {
    Ok(objects::genericaliasobject::Py_GenericAlias(cls, arg))
}

// --- partial --------------------------------------------------------------------------------

/// `partialobject`.
#[repr(C)]
pub struct partialobject {
    pub ob_base: PyObject,
    /// `fn`: the function called (the member `func`).
    fn_: PyCell<Option<PyObjectRef>>,
    /// The leading positional arguments: always a tuple.
    args: PyCell<Option<PyObjectRef>>,
    /// The keyword arguments (`kw`, the member `keywords`): always a dict.
    kw: PyCell<Option<PyObjectRef>>,
    dict: PyCell<Option<PyObjectRef>>,
    weakreflist: PyCell<Option<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for partialobject {}

impl PyTypeInfo for partialobject {
    fn type_object() -> &'static PyTypeObject {
        &partial_type
    }
}

fn as_partial(obj: &PyObject) -> &partialobject {
    obj.downcast_ref::<partialobject>()
        .expect("partial slots are only installed on partial and its subclasses")
}

fn field(cell: &PyCell<Option<PyObjectRef>>) -> PyObjectRef {
    cell.get().unwrap_or_else(none)
}

/// `partial_new`.
fn partial_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let pos = positional(args, kwnames);
    let Some(first) = pos.first() else {
        return Err(type_error("type 'partial' takes at least one argument"));
    };
    let mut func = first.clone();
    let mut pargs: Option<PyObjectRef> = None;
    let mut pkw: Option<PyObjectRef> = None;
    // A partial (of any subclass that keeps partial's constructor) without an
    // instance dict is flattened into the new one.
    if PyType_IsSubtype(func.ob_type(), &partial_type)
        && func.ob_type().tp_new.get().is_some_and(|f| {
            std::ptr::fn_addr_eq(f, partial_new as include::cpython::object::slots::newfunc)
        })
    {
        let part = as_partial(&func);
        // SAFETY: the borrow ends at once.
        if unsafe { part.dict.get_ref() }.is_none() {
            pargs = part.args.get();
            pkw = part.kw.get();
            func = field(&part.fn_);
        }
    }
    if !callable(&func) {
        return Err(type_error("the first argument must be callable"));
    }
    let mut items: Vec<PyObjectRef> = match &pargs {
        Some(p) => tuple_items(p).to_vec(),
        None => Vec::new(),
    };
    items.extend_from_slice(&pos[1..]);
    let kw = match pkw.as_deref().and_then(as_dict) {
        Some(d) if PyDict_Size(d) > 0 => PyDict_Copy(d)?,
        _ => PyDict_New(),
    };
    for (k, v) in kwnames_slice(kwnames).iter().zip(&args[pos.len()..]) {
        PyDict_SetItem(&kw, k, v)?;
    }
    // SAFETY: `tp` is partial or a subclass; the struct is complete.
    let pto = unsafe {
        alloc_object(
            tp,
            partialobject {
                ob_base: PyObject_HEAD_INIT,
                fn_: PyCell::new(Some(func)),
                args: PyCell::new(Some(tuple(items))),
                kw: PyCell::new(Some(kw.into_object())),
                dict: PyCell::new(None),
                weakreflist: PyCell::new(None),
            },
        )
    };
    Ok(pto.into_object())
}

fn partial_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let p = as_partial(obj);
    for cell in [&p.fn_, &p.args, &p.kw, &p.dict] {
        // SAFETY: traversal runs no Python code.
        if let Some(o) = unsafe { cell.get_ref() } {
            visit(o);
        }
    }
}

fn partial_clear(obj: &PyObject) {
    let p = as_partial(obj);
    p.fn_.set(None);
    p.args.set(None);
    p.kw.set(None);
    p.dict.set(None);
}

unsafe fn partial_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead partial.
    unsafe {
        include::gc::gc_untrack(op);
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<partialobject>(op)
    }
}

/// `partial_vectorcall`: `fn(*args, *call_args, **kw, **call_kw)`.
fn partial_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let p = as_partial(obj);
    let func = field(&p.fn_);
    let pargs = field(&p.args);
    let kw = p.kw.get();
    // `kw` is mutable (`p.keywords[...] = ...`), so it is looked at on every call.
    match kw
        .as_deref()
        .and_then(as_dict)
        .filter(|d| PyDict_Size(d) > 0)
    {
        None => {
            let stored = tuple_items(&pargs);
            if stored.is_empty() {
                return PyObject_Vectorcall(&func, args, kwnames);
            }
            let mut stack = Vec::with_capacity(stored.len() + args.len());
            stack.extend_from_slice(stored);
            stack.extend_from_slice(args);
            PyObject_Vectorcall(&func, &stack, kwnames)
        }
        Some(d) => {
            // `partial_vectorcall_fallback`: the stored keywords, overridden by
            // the call's.
            let kwargs = PyDict_Copy(d)?;
            let pos = positional(args, kwnames);
            for (k, v) in kwnames_slice(kwnames).iter().zip(&args[pos.len()..]) {
                PyDict_SetItem(&kwargs, k, v)?;
            }
            let mut items = tuple_items(&pargs).to_vec();
            items.extend_from_slice(pos);
            PyObject_Call(&func, &tuple(items), Some(kwargs.as_object()))
        }
    }
}

fn repr_string(obj: &PyObject) -> PyResult<String> {
    let r = PyObject_Repr(obj)?;
    Ok(objects::unicodeobject::as_str_lossy(&r).into_owned())
}

/// `partial_repr`: `tp_name(func, *args, key=value...)`, `...` when recursive.
fn partial_repr(obj: &PyObject) -> PyResult {
    if Py_ReprEnter(obj)? {
        return Ok(PyUnicode_FromString("..."));
    }
    let r = partial_repr_body(obj);
    Py_ReprLeave(obj);
    Ok(PyUnicode_FromString(&format!(
        "{}({})",
        obj.ob_type().name(),
        r?
    )))
}

fn partial_repr_body(obj: &PyObject) -> PyResult<String> {
    let p = as_partial(obj);
    let mut out = repr_string(&field(&p.fn_))?;
    let pargs = field(&p.args);
    for a in tuple_items(&pargs) {
        out.push_str(", ");
        out.push_str(&repr_string(a)?);
    }
    // The repr of a value may change the dict: walk it by position, holding each
    // key and value.
    if let Some(kw) = p.kw.get() {
        if let Some(d) = as_dict(&kw) {
            let mut pos = 0;
            while let Some((k, v)) = PyDict_Next(d, &mut pos) {
                let key = PyObject_Str(&k)?;
                out.push_str(", ");
                out.push_str(&objects::unicodeobject::as_str_lossy(&key));
                out.push('=');
                out.push_str(&repr_string(&v)?);
            }
        }
    }
    Ok(out)
}

/// `partial_reduce`: `(type, (func,), (func, args, kwds, dict or None))`.
fn partial_reduce(obj: &PyObject) -> PyResult {
    let p = as_partial(obj);
    let func = field(&p.fn_);
    Ok(tuple(vec![
        obj.ob_type().as_object().to_owned(),
        tuple(vec![func.clone()]),
        tuple(vec![
            func,
            field(&p.args),
            field(&p.kw),
            p.dict.get().unwrap_or_else(none),
        ]),
    ]))
}

/// `partial_setstate`.
fn partial_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let invalid = || type_error("invalid partial state");
    let Some(t) = state.downcast_ref::<PyTupleObject>() else {
        return Err(invalid());
    };
    let [func, fnargs, kw, dict] = t.as_slice() else {
        return Err(invalid());
    };
    if !callable(func)
        || fnargs.downcast_ref::<PyTupleObject>().is_none()
        || (!kw.is(Py_None()) && as_dict(kw).is_none())
    {
        return Err(invalid());
    }
    let fnargs = if PyTupleObject::check_exact(fnargs) {
        fnargs.clone()
    } else {
        PySequence_Tuple(fnargs)?
    };
    let kw = if kw.is(Py_None()) {
        PyDict_New().into_object()
    } else if PyDictObject::check_exact(kw) {
        kw.clone()
    } else {
        PyDict_Copy(as_dict(kw).expect("checked above"))?.into_object()
    };
    let dict = if dict.is(Py_None()) {
        None
    } else {
        Some(dict.clone())
    };
    let p = as_partial(obj);
    p.fn_.set(Some(func.clone()));
    p.args.set(Some(fnargs));
    p.kw.set(Some(kw));
    p.dict.set(dict);
    Ok(none())
}

static PARTIAL_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(partial_reduce), ""),
    PyMethodDef::new("__setstate__", PyCFunction::O(partial_setstate), ""),
    PyMethodDef::new(
        "__class_getitem__",
        PyCFunction::O(class_getitem),
        "See PEP 585",
    )
    .with_flags(METH_CLASS),
];

static PARTIAL_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef {
        doc: Some("function object to use in future partial calls"),
        ..PyMemberDef::new(
            "func",
            MemberType::Object,
            offset_of!(partialobject, fn_),
            READONLY,
        )
    },
    PyMemberDef {
        doc: Some("tuple of arguments to future partial calls"),
        ..PyMemberDef::new(
            "args",
            MemberType::Object,
            offset_of!(partialobject, args),
            READONLY,
        )
    },
    PyMemberDef {
        doc: Some("dictionary of keyword arguments to future partial calls"),
        ..PyMemberDef::new(
            "keywords",
            MemberType::Object,
            offset_of!(partialobject, kw),
            READONLY,
        )
    },
];

static PARTIAL_GETSET: [PyGetSetDef; 1] = [PyGetSetDef::getset(
    "__dict__",
    generic_get_dict,
    generic_set_dict,
)];

/// `functools.partial`.
pub static partial_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "functools.partial",
    tp_basicsize: Cell::new(size_of::<partialobject>()),
    tp_dealloc: slot(partial_dealloc),
    tp_repr: slot(partial_repr),
    tp_call: slot(partial_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n"),
    tp_traverse: slot(partial_traverse),
    tp_clear: slot(partial_clear),
    tp_weaklistoffset: Cell::new(offset_of!(partialobject, weakreflist)),
    tp_methods: &PARTIAL_METHODS,
    tp_members: &PARTIAL_MEMBERS,
    tp_getset: &PARTIAL_GETSET,
    tp_dictoffset: Cell::new(offset_of!(partialobject, dict)),
    tp_new: slot(partial_new),
    ..PyTypeObject::DEFAULT
};

// --- cmp_to_key -----------------------------------------------------------------------------

/// `keyobject`: `cmp_to_key(mycmp)` is one with no object; calling it wraps one.
#[repr(C)]
pub struct keyobject {
    pub ob_base: PyObject,
    cmp: PyCell<Option<PyObjectRef>>,
    /// `object` (the member `obj`, writable as in CPython).
    object: PyCell<Option<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for keyobject {}

impl PyTypeInfo for keyobject {
    fn type_object() -> &'static PyTypeObject {
        &keyobject_type
    }
}

fn as_key(obj: &PyObject) -> &keyobject {
    obj.downcast_ref::<keyobject>()
        .expect("KeyWrapper slots are only installed on KeyWrapper")
}

fn new_keyobject(cmp: PyObjectRef, object: Option<PyObjectRef>) -> PyObjectRef {
    // SAFETY: the struct is complete.
    unsafe {
        alloc_object(
            &keyobject_type,
            keyobject {
                ob_base: PyObject_HEAD_INIT,
                cmp: PyCell::new(Some(cmp)),
                object: PyCell::new(object),
            },
        )
    }
    .into_object()
}

fn keyobject_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let k = as_key(obj);
    for cell in [&k.cmp, &k.object] {
        // SAFETY: traversal runs no Python code.
        if let Some(o) = unsafe { cell.get_ref() } {
            visit(o);
        }
    }
}

fn keyobject_clear(obj: &PyObject) {
    let k = as_key(obj);
    k.cmp.set(None);
    k.object.set(None);
}

unsafe fn keyobject_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead KeyWrapper.
    unsafe { dealloc_object::<keyobject>(op) }
}

/// `keyobject_call`: `K(obj)` wraps `obj` with the same comparison function.
fn keyobject_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = parse_args("K", args, kwnames, &["obj"], 1)?;
    let object = a[0].clone();
    Ok(new_keyobject(field(&as_key(obj).cmp), object))
}

/// `keyobject_richcompare`: `cmp(a, b) <op> 0`.
fn keyobject_richcompare(obj: &PyObject, other: &PyObject, op: CompareOp) -> PyResult {
    if !std::ptr::eq(other.ob_type(), obj.ob_type()) {
        return Err(type_error("other argument must be K instance"));
    }
    let ko = as_key(obj);
    let compare = field(&ko.cmp);
    let (Some(x), Some(y)) = (ko.object.get(), as_key(other).object.get()) else {
        return Err(attribute_error("object"));
    };
    let res = PyObject_Vectorcall(&compare, &[x, y], None)?;
    PyObject_RichCompare(&res, &PyLong_FromLong(0), op)
}

static KEYOBJECT_MEMBERS: [PyMemberDef; 1] = [PyMemberDef {
    doc: Some("Value wrapped by a key function."),
    ..PyMemberDef::new("obj", MemberType::Object, offset_of!(keyobject, object), 0)
}];

/// `functools.KeyWrapper`.
pub static keyobject_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "functools.KeyWrapper",
    tp_basicsize: Cell::new(size_of::<keyobject>()),
    tp_dealloc: slot(keyobject_dealloc),
    tp_call: slot(keyobject_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_traverse: slot(keyobject_traverse),
    tp_clear: slot(keyobject_clear),
    tp_richcompare: slot(keyobject_richcompare),
    tp_members: &KEYOBJECT_MEMBERS,
    ..PyTypeObject::DEFAULT
};

/// `_functools_cmp_to_key_impl`.
fn _functools_cmp_to_key(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = parse_args("cmp_to_key", args, kwnames, &["mycmp"], 1)?;
    let mycmp = a[0].clone().expect("required argument");
    Ok(new_keyobject(mycmp, None))
}

// --- reduce ---------------------------------------------------------------------------------

/// `functools_reduce`.
fn functools_reduce(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("reduce", args.len(), 2, 3)?;
    let func = &args[0];
    let it = PyObject_GetIter(&args[1]).map_err(|e| {
        if PyErr_ExceptionMatches(&e, &PyExc_TypeError) {
            type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut result = args.get(2).cloned();
    while let Some(op2) = PyIter_Next(&it)? {
        result = Some(match result {
            None => op2,
            Some(r) => PyObject_Vectorcall(func, &[r, op2], None)?,
        });
    }
    result.ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))
}

fn functools_reduce_kw(m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    check_no_kwargs("reduce", kwnames)?;
    functools_reduce(m, args)
}

// --- lru_cache ------------------------------------------------------------------------------

/// `lru_list_elem`: one entry of the bounded cache, the value stored in the cache dict
/// under its key, and a link of the recency list.
#[repr(C)]
pub struct lru_list_elem {
    pub ob_base: PyObject,
    /// The neighbours in the recency list; null while the link is out of it.
    prev: Cell<*const lru_list_elem>,
    next: Cell<*const lru_list_elem>,
    hash: Cell<Py_hash_t>,
    key: PyCell<Option<PyObjectRef>>,
    result: PyCell<Option<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for lru_list_elem {}

impl PyTypeInfo for lru_list_elem {
    fn type_object() -> &'static PyTypeObject {
        &lru_list_elem_type
    }
}

impl lru_list_elem {
    /// The list's root sentinel, embedded in its wrapper (never used as an object).
    const fn root() -> lru_list_elem {
        lru_list_elem {
            ob_base: PyObject_HEAD_INIT,
            prev: Cell::new(std::ptr::null()),
            next: Cell::new(std::ptr::null()),
            hash: Cell::new(0),
            key: PyCell::new(None),
            result: PyCell::new(None),
        }
    }
}

unsafe fn lru_list_elem_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead link.
    unsafe { dealloc_object::<lru_list_elem>(op) }
}

/// `functools._lru_list_elem`: not collected (its wrapper traverses its key and
/// result), as in CPython.
pub static lru_list_elem_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "functools._lru_list_elem",
    tp_basicsize: Cell::new(size_of::<lru_list_elem>()),
    tp_dealloc: slot(lru_list_elem_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION),
    ..PyTypeObject::DEFAULT
};

/// Which of CPython's three wrapper functions a cache uses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LruKind {
    /// `uncached_lru_cache_wrapper` (maxsize 0).
    Uncached,
    /// `infinite_lru_cache_wrapper` (maxsize None).
    Infinite,
    /// `bounded_lru_cache_wrapper`.
    Bounded,
}

/// `lru_cache_object`.
#[repr(C)]
pub struct lru_cache_object {
    pub ob_base: PyObject,
    /// The sentinel of the circular recency list: `root.next` is the least
    /// recently used link, `root.prev` the most recent. The list holds one reference
    /// to each link in it.
    root: lru_list_elem,
    wrapper: LruKind,
    typed: bool,
    cache: PyRef<PyDictObject>,
    func: PyCell<Option<PyObjectRef>>,
    /// -1 for an unbounded cache.
    maxsize: Py_ssize_t,
    misses: Cell<Py_ssize_t>,
    hits: Cell<Py_ssize_t>,
    kwd_mark: PyObjectRef,
    cache_info_type: PyCell<Option<PyObjectRef>>,
    dict: PyCell<Option<PyObjectRef>>,
    weakreflist: PyCell<Option<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for lru_cache_object {}

impl PyTypeInfo for lru_cache_object {
    fn type_object() -> &'static PyTypeObject {
        &lru_cache_type
    }
}

fn as_lru(obj: &PyObject) -> &lru_cache_object {
    obj.downcast_ref::<lru_cache_object>()
        .expect("_lru_cache_wrapper slots are only installed on _lru_cache_wrapper")
}

fn as_link(obj: &PyObject) -> &lru_list_elem {
    obj.downcast_ref::<lru_list_elem>()
        .expect("the bounded cache dict holds only links")
}

/// `lru_cache_extract_link`: take `link` out of the list and return the list's
/// reference to it; `None` if it was not in the list.
fn lru_cache_extract_link(link: &lru_list_elem) -> Option<PyObjectRef> {
    let (prev, next) = (link.prev.get(), link.next.get());
    if prev.is_null() || next.is_null() {
        return None;
    }
    // SAFETY: the neighbours of a linked link are linked too (or the root), and
    // every linked link is kept alive by the list's reference to it.
    unsafe {
        (*prev).next.set(next);
        (*next).prev.set(prev);
    }
    link.prev.set(std::ptr::null());
    link.next.set(std::ptr::null());
    let ptr = NonNull::from(&link.ob_base);
    // SAFETY: the list held one reference to the link (see `lru_cache_append_link`).
    Some(unsafe { PyObjectRef::from_raw(ptr) })
}

/// `lru_cache_append_link`: put the link (a reference the list keeps) at the most
/// recently used end.
fn lru_cache_append_link(lru: &lru_cache_object, link: PyObjectRef) {
    let root: *const lru_list_elem = &lru.root;
    let l: *const lru_list_elem = as_link(&link);
    let last = lru.root.prev.get();
    // SAFETY: `last` is the root or a linked link (alive); `l` stays alive through the
    // reference handed to the list below.
    unsafe {
        (*last).next.set(l);
        (*l).prev.set(last);
        (*l).next.set(root);
    }
    lru.root.prev.set(l);
    let _ = link.into_raw();
}

/// `lru_cache_unlink_list` and `lru_cache_clear_list`: empty the list (the root
/// points at itself again) and return the list's references to its links.
fn lru_cache_unlink_list(lru: &lru_cache_object) -> Vec<PyObjectRef> {
    let root: *const lru_list_elem = &lru.root;
    let mut links = Vec::new();
    let mut link = lru.root.next.get();
    while !link.is_null() && link != root {
        // SAFETY: every linked link is alive (held by the list).
        let l = unsafe { &*link };
        let next = l.next.get();
        l.prev.set(std::ptr::null());
        l.next.set(std::ptr::null());
        // SAFETY: the list's reference to this link, taken over here.
        links.push(unsafe { PyObjectRef::from_raw(NonNull::from(&l.ob_base)) });
        link = next;
    }
    lru.root.next.set(root);
    lru.root.prev.set(root);
    links
}

/// The process-wide keyword marker of cache keys (CPython's `kwd_mark`).
static KWD_MARK: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);

fn kwd_mark() -> PyResult<PyObjectRef> {
    // SAFETY: single-threaded; the borrow ends before any Python code runs.
    if let Some(m) = unsafe { KWD_MARK.get_ref() } {
        return Ok(m.clone());
    }
    let m = PyObject_CallNoArgs(PyBaseObject_Type.as_object())?;
    // SAFETY: as above.
    unsafe { *KWD_MARK.get_mut() = Some(m.clone()) };
    Ok(m)
}

/// `lru_cache_make_key`: `args`, then (with keywords) the marker and the keyword
/// items, then (typed) the types of the positional and keyword values. Untyped,
/// without keywords, the key is the args tuple, or its single item when that is an
/// exact int or str.
fn lru_cache_make_key(
    kwd_mark: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    typed: bool,
) -> PyObjectRef {
    let names = kwnames_slice(kwnames);
    let pos = &args[..args.len() - names.len()];
    let values = &args[pos.len()..];
    if !typed && names.is_empty() {
        if let [only] = pos {
            if PyUnicodeObject::check_exact(only) || PyLongObject::check_exact(only) {
                return only.clone();
            }
        }
        return tuple(pos.to_vec());
    }
    let mut key = Vec::with_capacity(pos.len() * 2 + names.len() * 3 + 1);
    key.extend_from_slice(pos);
    if !names.is_empty() {
        key.push(kwd_mark.to_owned());
        for (k, v) in names.iter().zip(values) {
            key.push(k.clone());
            key.push(v.clone());
        }
    }
    if typed {
        key.extend(pos.iter().map(|a| a.ob_type().as_object().to_owned()));
        key.extend(values.iter().map(|v| v.ob_type().as_object().to_owned()));
    }
    tuple(key)
}

fn lru_func(lru: &lru_cache_object) -> PyObjectRef {
    field(&lru.func)
}

/// `uncached_lru_cache_wrapper`.
fn uncached_lru_cache_wrapper(
    lru: &lru_cache_object,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    lru.misses.set(lru.misses.get() + 1);
    PyObject_Vectorcall(&lru_func(lru), args, kwnames)
}

/// `infinite_lru_cache_wrapper`.
fn infinite_lru_cache_wrapper(
    lru: &lru_cache_object,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let key = lru_cache_make_key(&lru.kwd_mark, args, kwnames, lru.typed);
    let hash = PyObject_Hash(&key)?;
    if let (_, Some(result)) = _Py_dict_lookup(&lru.cache, &key, hash)? {
        lru.hits.set(lru.hits.get() + 1);
        return Ok(result);
    }
    lru.misses.set(lru.misses.get() + 1);
    let result = PyObject_Vectorcall(&lru_func(lru), args, kwnames)?;
    _PyDict_SetItem_KnownHash(&lru.cache, &key, &result, hash)?;
    Ok(result)
}

/// `bounded_lru_cache_wrapper`. The user function (and the keys' `__eq__`) may call
/// this cache again, clear it, or raise: every step re-checks the cache rather
/// than trusting what it saw before.
fn bounded_lru_cache_wrapper(
    lru: &lru_cache_object,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let key = lru_cache_make_key(&lru.kwd_mark, args, kwnames, lru.typed);
    let hash = PyObject_Hash(&key)?;
    if let (_, Some(linkobj)) = _Py_dict_lookup(&lru.cache, &key, hash)? {
        let link = as_link(&linkobj);
        if let Some(r) = lru_cache_extract_link(link) {
            lru_cache_append_link(lru, r);
        }
        lru.hits.set(lru.hits.get() + 1);
        return Ok(field(&link.result));
    }
    lru.misses.set(lru.misses.get() + 1);
    let result = PyObject_Vectorcall(&lru_func(lru), args, kwnames)?;
    if _Py_dict_lookup(&lru.cache, &key, hash)?.1.is_some() {
        // The call stored this key itself (recursively): the link is up to date,
        // only the result is returned.
        return Ok(result);
    }
    let root: *const lru_list_elem = &lru.root;
    if (PyDict_Size(&lru.cache) as Py_ssize_t) < lru.maxsize || lru.root.next.get() == root {
        // Not full: a new link.
        // SAFETY: the struct is complete.
        let link = unsafe {
            alloc_object(
                &lru_list_elem_type,
                lru_list_elem {
                    ob_base: PyObject_HEAD_INIT,
                    prev: Cell::new(std::ptr::null()),
                    next: Cell::new(std::ptr::null()),
                    hash: Cell::new(hash),
                    key: PyCell::new(Some(key.clone())),
                    result: PyCell::new(Some(result.clone())),
                },
            )
        }
        .into_object();
        _PyDict_SetItem_KnownHash(&lru.cache, &key, &link, hash)?;
        lru_cache_append_link(lru, link);
        return Ok(result);
    }
    // Full: the oldest link is reused for the new key and result and moved to the
    // most recent end, rather than freeing one link and making another.
    // SAFETY: the list is not empty (checked above), so `root.next` is a live link.
    let oldlink = unsafe { &*lru.root.next.get() };
    let Some(oldref) = lru_cache_extract_link(oldlink) else {
        return Ok(result);
    };
    let oldkey = field(&oldlink.key);
    let popresult =
        _PyDict_Pop_KnownHash(&lru.cache, &oldkey, oldlink.hash.get(), Some(Py_None()))?;
    if popresult.is(Py_None()) {
        // The user function (or a key's __eq__) already removed the old key: the
        // link is an orphan now, and is dropped rather than put back.
        return Ok(result);
    }
    // Keep the old key and result alive until the link is consistent again: their
    // destructors may run Python code.
    let oldkey = oldlink.key.replace(Some(key.clone()));
    let oldresult = oldlink.result.replace(Some(result.clone()));
    oldlink.hash.set(hash);
    // The link goes into the dict before the list, so that a re-entrant `__eq__`
    // during the insertion cannot reach it through the list.
    _PyDict_SetItem_KnownHash(&lru.cache, &key, &oldref, hash)?;
    lru_cache_append_link(lru, oldref);
    drop(popresult);
    drop(oldkey);
    drop(oldresult);
    Ok(result)
}

/// `lru_cache_new`: `_lru_cache_wrapper(user_function, maxsize, typed,
/// cache_info_type)`.
fn lru_cache_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = parse_args(
        "lru_cache",
        args,
        kwnames,
        &["user_function", "maxsize", "typed", "cache_info_type"],
        4,
    )?;
    let [Some(func), Some(maxsize_o), Some(typed), Some(cache_info_type)] = &a[..] else {
        return Err(system_error("lru_cache: missing argument"));
    };
    let typed = PyObject_IsTrue(typed)?;
    if !callable(func) {
        return Err(type_error("the first argument must be callable"));
    }
    let (wrapper, maxsize) = if maxsize_o.is(Py_None()) {
        (LruKind::Infinite, -1)
    } else if maxsize_o.ob_type().tp_as_number.nb_index.get().is_some() {
        let n = PyNumber_AsSsize_t(maxsize_o, Some(&PyExc_OverflowError))?.max(0);
        (
            if n == 0 {
                LruKind::Uncached
            } else {
                LruKind::Bounded
            },
            n,
        )
    } else {
        return Err(type_error("maxsize should be integer or None"));
    };
    let kwd_mark = kwd_mark()?;
    // SAFETY: `tp` is the wrapper type; the struct is complete.
    let obj = unsafe {
        alloc_object(
            tp,
            lru_cache_object {
                ob_base: PyObject_HEAD_INIT,
                root: lru_list_elem::root(),
                wrapper,
                typed,
                cache: PyDict_New(),
                func: PyCell::new(Some(func.clone())),
                maxsize,
                misses: Cell::new(0),
                hits: Cell::new(0),
                kwd_mark,
                cache_info_type: PyCell::new(Some(cache_info_type.clone())),
                dict: PyCell::new(None),
                weakreflist: PyCell::new(None),
            },
        )
    };
    // The root points at itself: an empty list (its address is fixed now).
    let root: *const lru_list_elem = &obj.root;
    obj.root.prev.set(root);
    obj.root.next.set(root);
    Ok(obj.into_object())
}

/// `lru_cache_call`.
fn lru_cache_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let lru = as_lru(obj);
    match lru.wrapper {
        LruKind::Uncached => uncached_lru_cache_wrapper(lru, args, kwnames),
        LruKind::Infinite => infinite_lru_cache_wrapper(lru, args, kwnames),
        LruKind::Bounded => bounded_lru_cache_wrapper(lru, args, kwnames),
    }
}

/// `lru_cache_descr_get`: a method when looked up on an instance.
fn lru_cache_descr_get(
    obj: &PyObject,
    inst: Option<&PyObject>,
    _tp: Option<&PyObject>,
) -> PyResult {
    match inst {
        Some(i) if !i.is(Py_None()) => Ok(objects::classobject::PyMethod_New(
            obj.to_owned(),
            i.to_owned(),
        )),
        _ => Ok(obj.to_owned()),
    }
}

/// `_functools__lru_cache_wrapper_cache_info_impl`.
fn lru_cache_cache_info(obj: &PyObject) -> PyResult {
    let lru = as_lru(obj);
    let maxsize = if lru.maxsize == -1 {
        none()
    } else {
        PyLong_FromSsize_t(lru.maxsize)
    };
    let info_type = field(&lru.cache_info_type);
    PyObject_Vectorcall(
        &info_type,
        &[
            PyLong_FromSsize_t(lru.hits.get()),
            PyLong_FromSsize_t(lru.misses.get()),
            maxsize,
            PyLong_FromSsize_t(PyDict_Size(&lru.cache) as Py_ssize_t),
        ],
        None,
    )
}

/// `_functools__lru_cache_wrapper_cache_clear_impl`: the list is emptied first, then
/// the dict, then the links are released (their keys' destructors may call back).
fn lru_cache_cache_clear(obj: &PyObject) -> PyResult {
    let lru = as_lru(obj);
    let links = lru_cache_unlink_list(lru);
    lru.hits.set(0);
    lru.misses.set(0);
    PyDict_Clear(&lru.cache);
    drop(links);
    Ok(none())
}

/// `lru_cache_reduce`: pickled by its qualified name.
fn lru_cache_reduce(obj: &PyObject) -> PyResult {
    PyObject_GetAttrString(obj, "__qualname__")
}

fn lru_cache_copy(obj: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

fn lru_cache_deepcopy(obj: &PyObject, _memo: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

fn lru_cache_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let lru = as_lru(obj);
    let root: *const lru_list_elem = &lru.root;
    let mut link = lru.root.next.get();
    while !link.is_null() && link != root {
        // SAFETY: linked links are alive; traversal runs no Python code.
        let l = unsafe { &*link };
        for cell in [&l.key, &l.result] {
            // SAFETY: as above.
            if let Some(o) = unsafe { cell.get_ref() } {
                visit(o);
            }
        }
        link = l.next.get();
    }
    visit(lru.cache.as_object());
    visit(&lru.kwd_mark);
    for cell in [&lru.func, &lru.cache_info_type, &lru.dict] {
        // SAFETY: traversal runs no Python code.
        if let Some(o) = unsafe { cell.get_ref() } {
            visit(o);
        }
    }
}

fn lru_cache_tp_clear(obj: &PyObject) {
    let lru = as_lru(obj);
    let links = lru_cache_unlink_list(lru);
    PyDict_Clear(&lru.cache);
    lru.func.set(None);
    lru.cache_info_type.set(None);
    lru.dict.set(None);
    drop(links);
}

unsafe fn lru_cache_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead wrapper.
    unsafe {
        include::gc::gc_untrack(op);
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        drop(lru_cache_unlink_list(as_lru(&*op)));
        dealloc_object::<lru_cache_object>(op)
    }
}

static LRU_CACHE_METHODS: [PyMethodDef; 5] = [
    PyMethodDef::new(
        "cache_info",
        PyCFunction::NoArgs(lru_cache_cache_info),
        "cache_info($self, /)\n--\n\nReport cache statistics",
    ),
    PyMethodDef::new(
        "cache_clear",
        PyCFunction::NoArgs(lru_cache_cache_clear),
        "cache_clear($self, /)\n--\n\nClear the cache and cache statistics",
    ),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(lru_cache_reduce), ""),
    PyMethodDef::new("__copy__", PyCFunction::NoArgs(lru_cache_copy), ""),
    PyMethodDef::new("__deepcopy__", PyCFunction::O(lru_cache_deepcopy), ""),
];

static LRU_CACHE_GETSET: [PyGetSetDef; 1] = [PyGetSetDef::getset(
    "__dict__",
    generic_get_dict,
    generic_set_dict,
)];

/// `functools._lru_cache_wrapper`.
pub static lru_cache_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "functools._lru_cache_wrapper",
    tp_basicsize: Cell::new(size_of::<lru_cache_object>()),
    tp_dealloc: slot(lru_cache_dealloc),
    tp_call: slot(lru_cache_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
    ),
    tp_doc: Some("Create a cached callable that wraps another function.\n\nuser_function:      the function being cached\n\nmaxsize:  0         for no caching\n          None      for unlimited cache size\n          n         for a bounded cache\n\ntyped:    False     cache f(3) and f(3.0) as identical calls\n          True      cache f(3) and f(3.0) as distinct calls\n\ncache_info_type:    namedtuple class with the fields:\n                        hits misses currsize maxsize\n"),
    tp_traverse: slot(lru_cache_traverse),
    tp_clear: slot(lru_cache_tp_clear),
    tp_weaklistoffset: Cell::new(offset_of!(lru_cache_object, weakreflist)),
    tp_methods: &LRU_CACHE_METHODS,
    tp_getset: &LRU_CACHE_GETSET,
    tp_descr_get: slot(lru_cache_descr_get),
    tp_dictoffset: Cell::new(offset_of!(lru_cache_object, dict)),
    tp_new: slot(lru_cache_new),
    ..PyTypeObject::DEFAULT
};

// --- the module -----------------------------------------------------------------------------

static FUNCTOOLS_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "reduce",
        PyCFunction::FastKw(functools_reduce_kw),
        "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments cumulatively to the items of a sequence\nor iterable, from left to right, so as to reduce the iterable to a single\nvalue.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]) calculates\n((((1+2)+3)+4)+5).  If initial is present, it is placed before the items\nof the iterable in the calculation, and serves as a default when the\niterable is empty.",
    ),
    PyMethodDef::new(
        "cmp_to_key",
        PyCFunction::FastKw(_functools_cmp_to_key),
        "cmp_to_key($module, /, mycmp)\n--\n\nConvert a cmp= function into a key= function.",
    ),
];

/// Make the `_functools` module (`PyInit__functools`).
pub fn PyInit__functools() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_functools")?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("Tools that operate on functions."),
    )?;
    PyModule_AddFunctions(&m, &FUNCTOOLS_METHODS)?;
    PyType_Ready(&lru_list_elem_type)?;
    PyType_Ready(&keyobject_type)?;
    for (name, tp) in [
        ("partial", &partial_type),
        ("_lru_cache_wrapper", &lru_cache_type),
    ] {
        PyType_Ready(tp)?;
        PyModule_AddObject(&m, name, tp.as_object())?;
    }
    Ok(m)
}
