//! `type`, `object` and `super`. Mirrors Objects/typeobject.c (CPython 3.11), except
//! for the slot table (`slotdefs`), the slot wrappers and the generic slot functions
//! of classes, which are in `typeslots.rs`.
//!
//! The main entry points:
//! - [`PyType_Ready`] finishes a type: `__dict__` filled from its slots, methods,
//!   members and getsets; `__mro__` computed; slots inherited from the bases.
//! - [`type_new`] is `type(name, bases, dict)`: the class statement.
//! - [`_PyType_Lookup`] finds an attribute along the MRO.
//! - [`PyBaseObject_Type`]'s slots give every object its default behaviour.
//!
//! Differences from CPython: no per-type attribute cache yet (`_PyType_Lookup` walks
//! the MRO dicts); instance layouts of classes are built the same way (base struct,
//! then `__slots__`, then `__dict__`, then `__weakref__`), except that a class with a
//! managed dict (`Py_TPFLAGS_MANAGED_DICT`) keeps its dict and values pointers in two
//! words at `tp_dictoffset` inside the object, where CPython keeps them in a pre-header
//! in front of it.

use std::cell::Cell;
use std::mem::{offset_of, size_of};
use std::ptr::NonNull;

use include::cpython::object::flags::*;
use include::cpython::object::slots::*;
use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef};
use include::gc;
use include::methodobject::{PyCFunction, PyMethodDef, METH_CLASS, METH_STATIC};

use crate::call::PyObject_Vectorcall;
use crate::descrobject::*;
use crate::dictobject::*;
use crate::exceptions::PyExc_AttributeError;
use crate::getargs::{check_no_kwargs, check_positional};
use crate::listobject::PyList_New;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::{PyTupleObject, PyTuple_New};
use crate::typeslots;
use crate::unicodeobject::{
    as_str_lossy, PyUnicodeObject, PyUnicode_FromString, PyUnicode_InternFromString,
};

// --- Checks ----------------------------------------------------------------------------

/// `PyType_Check`: view `obj` as a type object if it is one.
#[inline]
pub fn as_type(obj: &PyObject) -> Option<&PyTypeObject> {
    if obj.ob_type().has_feature(Py_TPFLAGS_TYPE_SUBCLASS) {
        // SAFETY: instances of `type` and its subclasses have the type layout.
        Some(unsafe { &*(obj as *const PyObject as *const PyTypeObject) })
    } else {
        None
    }
}

impl crate::PyTypeInfo for PyTypeObject {
    fn type_object() -> &'static PyTypeObject {
        &PyType_Type
    }
}

/// `PyType_IsSubtype`: is `a` the same as `b` or derived from it?
pub fn PyType_IsSubtype(a: &PyTypeObject, b: &PyTypeObject) -> bool {
    // With an MRO, only the MRO answers (as CPython's): a custom `mro()` that leaves
    // the class out of its own MRO makes it no subtype of itself. The class is
    // normally the MRO's first item, so identity is still found at once.
    // SAFETY: the MRO tuple is only replaced by `type.__bases__` assignment, which
    // cannot run during this loop.
    match unsafe { a.tp_mro.get_ref() } {
        Some(mro) => {
            // SAFETY: `tp_mro` always holds a tuple.
            let mro = unsafe { mro.downcast_ref_unchecked::<PyTupleObject>() };
            mro.as_slice()
                .iter()
                .any(|t| std::ptr::eq(t.as_ptr() as *const PyTypeObject, b))
        }
        None => {
            // Not ready yet: follow the base chain (`type_is_subtype_base_chain`).
            if std::ptr::eq(a, b) {
                return true;
            }
            let mut t = a.base();
            while let Some(tt) = t {
                if std::ptr::eq(tt, b) {
                    return true;
                }
                t = tt.base();
            }
            std::ptr::eq(b, &PyBaseObject_Type)
        }
    }
}

/// `PyObject_TypeCheck`.
#[inline]
pub fn PyObject_TypeCheck(obj: &PyObject, tp: &PyTypeObject) -> bool {
    obj.is_type(tp) || PyType_IsSubtype(obj.ob_type(), tp)
}

/// The MRO tuple's items (empty before the type is ready).
pub fn mro_of(tp: &PyTypeObject) -> Vec<PyObjectRef> {
    match tp.tp_mro.get() {
        // SAFETY: `tp_mro` always holds a tuple.
        Some(m) => unsafe { m.downcast_ref_unchecked::<PyTupleObject>() }
            .as_slice()
            .to_vec(),
        None => Vec::new(),
    }
}

/// The type's `__dict__` (every ready type has one).
pub fn type_dict(tp: &PyTypeObject) -> PyRef<PyDictObject> {
    match tp.tp_dict.get() {
        // SAFETY: `tp_dict` always holds a dict.
        Some(d) => unsafe { d.downcast_unchecked::<PyDictObject>() },
        None => {
            let d = PyDict_New();
            tp.tp_dict.set(Some(d.clone().into_object()));
            d
        }
    }
}

// --- Lookup -----------------------------------------------------------------------------

// --- The method cache (`struct type_cache`) ---------------------------------------------
//
// `_PyType_Lookup` runs for nearly every attribute access, so its answers are cached,
// keyed on (type version tag, name identity). A type gets a version tag on its first
// cached lookup (`assign_version_tag`); any change to the dict of the type or of one
// of its bases clears the tags of the type and all its subclasses (`PyType_Modified`),
// so a stale entry can never match again.

/// log2 of the number of entries (`MCACHE_SIZE_EXP`).
const MCACHE_SIZE_EXP: u32 = 12;
/// Longer names are not cached (`MCACHE_MAX_ATTR_SIZE`).
const MCACHE_MAX_ATTR_SIZE: usize = 100;

struct TypeCacheEntry {
    version: Cell<u32>,
    /// A strong reference: entries match on the name's identity, so the name must
    /// stay alive for its address not to be reused by another string.
    name: Cell<*mut PyObject>,
    /// Borrowed: only read while `version` still matches, which guarantees the
    /// value is still in the dict it was found in.
    value: Cell<*mut PyObject>,
}

static TYPE_CACHE: include::object::GlobalCell<[TypeCacheEntry; 1 << MCACHE_SIZE_EXP]> =
    include::object::GlobalCell::new(
        [const {
            TypeCacheEntry {
                version: Cell::new(0),
                name: Cell::new(std::ptr::null_mut()),
                value: Cell::new(std::ptr::null_mut()),
            }
        }; 1 << MCACHE_SIZE_EXP],
    );

/// The next version tag to hand out (0 means "none").
static NEXT_VERSION_TAG: include::object::GlobalCell<Cell<u32>> =
    include::object::GlobalCell::new(Cell::new(1));

#[inline(always)]
fn mcache_entry(version: u32, name: &PyObject) -> &'static TypeCacheEntry {
    let h = (version ^ ((name.as_ptr() as usize >> 3) as u32)) & ((1 << MCACHE_SIZE_EXP) - 1);
    // SAFETY: the cache is only touched by the thread running Python code; the index
    // is masked into range.
    unsafe { TYPE_CACHE.get_ref().get_unchecked(h as usize) }
}

#[inline(always)]
fn mcache_cacheable_name(name: &PyObject) -> bool {
    PyUnicodeObject::check_exact(name)
        && name
            .downcast_ref::<PyUnicodeObject>()
            .is_some_and(|s| s.len() <= MCACHE_MAX_ATTR_SIZE)
}

/// Give the type (and, first, its bases) a valid version tag (`assign_version_tag`).
/// False when it cannot have one: not ready, tags exhausted, or an MRO with a class
/// that is not an ancestor (a metaclass `mro()`), whose changes would not reach it.
fn assign_version_tag(tp: &PyTypeObject) -> bool {
    if tp.has_feature(Py_TPFLAGS_VALID_VERSION_TAG) {
        return true;
    }
    if !tp.has_feature(Py_TPFLAGS_READY) {
        return false;
    }
    // SAFETY: a Cell in a global, used by the interpreter's thread only.
    let next = unsafe { NEXT_VERSION_TAG.get_ref() };
    if next.get() == 0 {
        return false;
    }
    tp.tp_version_tag.set(next.get());
    next.set(next.get().wrapping_add(1));
    let bases = tp.tp_bases.get();
    let bases: &[PyObjectRef] = match &bases {
        Some(b) => b
            .downcast_ref::<PyTupleObject>()
            .map_or(&[], |t| t.as_slice()),
        None => &[],
    };
    for b in bases {
        match as_type(b) {
            Some(b) if assign_version_tag(b) => {}
            _ => return false,
        }
    }
    if !mro_is_ancestors(tp, bases) {
        return false;
    }
    tp.tp_flags
        .set(tp.tp_flags.get() | Py_TPFLAGS_VALID_VERSION_TAG);
    true
}

/// Whether every class on the type's MRO is the type itself or an ancestor through
/// `__bases__` (always so for C3; a custom `mro()` may list strangers).
fn mro_is_ancestors(tp: &PyTypeObject, bases: &[PyObjectRef]) -> bool {
    let mro = mro_of(tp);
    mro.iter().all(|entry| {
        entry.is(tp.as_object())
            || bases.iter().any(|b| {
                b.is(entry) || as_type(b).is_some_and(|bt| mro_of(bt).iter().any(|e| e.is(entry)))
            })
    })
}

/// `PyType_Modified`: the type's dict (or a base's) changed. Drop the version tags of
/// the type and its subclasses, so no cached lookup of them can match any more.
pub fn PyType_Modified(tp: &PyTypeObject) {
    if !tp.has_feature(Py_TPFLAGS_VALID_VERSION_TAG) {
        // No tag: nothing cached, and no subclass can hold a tag either.
        return;
    }
    // SAFETY: the subclass list is copied before recursing.
    for sub in unsafe { tp.tp_subclasses.get_ref() }.clone() {
        // SAFETY: subclasses remove themselves before they die.
        PyType_Modified(unsafe { sub.as_ref() });
    }
    tp.tp_flags
        .set(tp.tp_flags.get() & !Py_TPFLAGS_VALID_VERSION_TAG);
    tp.tp_version_tag.set(0);
}

/// `_PyType_Lookup`: the first definition of `name` along the type's MRO, without
/// calling descriptors. `name` must be a `str`. Answers come from the method cache
/// when the type has a valid version tag.
pub fn _PyType_Lookup(tp: &PyTypeObject, name: &PyObject) -> Option<PyObjectRef> {
    let cacheable = mcache_cacheable_name(name);
    if cacheable && tp.has_feature(Py_TPFLAGS_VALID_VERSION_TAG) {
        let entry = mcache_entry(tp.tp_version_tag.get(), name);
        if entry.version.get() == tp.tp_version_tag.get()
            && std::ptr::eq(entry.name.get(), name.as_ptr())
        {
            let v = entry.value.get();
            // SAFETY: the version still matches, so the value found for it is still
            // held by the dict it was found in (see the section comment).
            return NonNull::new(v).map(|v| unsafe { v.as_ref() }.to_owned());
        }
    }
    let res = find_name_in_mro(tp, name);
    if cacheable && assign_version_tag(tp) {
        let entry = mcache_entry(tp.tp_version_tag.get(), name);
        entry.version.set(tp.tp_version_tag.get());
        entry
            .value
            .set(res.as_ref().map_or(std::ptr::null_mut(), |v| v.as_ptr()));
        let old = entry.name.replace(name.to_owned().into_raw().as_ptr());
        if let Some(old) = NonNull::new(old) {
            // SAFETY: the entry owned this reference.
            drop(unsafe { PyObjectRef::from_raw(old) });
        }
    }
    res
}

/// `PyType_ClearCache` (`sys._clear_type_cache()`): empty the method cache and
/// invalidate every version tag; returns the last tag handed out.
pub fn PyType_ClearCache() -> u32 {
    // SAFETY: the cache is only touched by the thread running Python code, and no
    // entry is borrowed while it is emptied.
    for entry in unsafe { TYPE_CACHE.get_ref() }.iter() {
        entry.version.set(0);
        entry.value.set(std::ptr::null_mut());
        let old = entry.name.replace(std::ptr::null_mut());
        if let Some(old) = NonNull::new(old) {
            // SAFETY: the entry owned this reference.
            drop(unsafe { PyObjectRef::from_raw(old) });
        }
    }
    PyType_Modified(&PyBaseObject_Type);
    // SAFETY: a Cell in a global, used by the interpreter's thread only.
    unsafe { NEXT_VERSION_TAG.get_ref() }.get().wrapping_sub(1)
}

/// `find_name_in_mro`: walk the MRO's dicts for `name` (a `str`).
fn find_name_in_mro(tp: &PyTypeObject, name: &PyObject) -> Option<PyObjectRef> {
    // A strong reference, as CPython holds (bpo-14199): a lookup that ran Python code
    // could assign `__bases__` and replace the MRO: a dict that holds a key which is
    // not an exact `str` calls that key's `__eq__`.
    let Some(mro) = tp.tp_mro.get() else {
        // Not ready: look in the type's own dict only.
        let d = tp.tp_dict.get()?;
        // SAFETY: `tp_dict` always holds a dict.
        let d = unsafe { d.downcast_ref_unchecked::<PyDictObject>() };
        return PyDict_GetItemWithError(d, name).ok().flatten();
    };
    // SAFETY: `tp_mro` always holds a tuple of types.
    let mro = unsafe { mro.downcast_ref_unchecked::<PyTupleObject>() };
    let hash = crate::unicodeobject::unicode_hash(name)?;
    for base in mro.as_slice() {
        // SAFETY: MRO entries are types.
        let base = unsafe { &*(base.as_ptr() as *const PyTypeObject) };
        // SAFETY: a ready type's dict is a dict and is never replaced; the MRO held
        // above keeps `base` alive.
        if let Some(d) = unsafe { base.tp_dict.get_ref() } {
            let d = unsafe { d.downcast_ref_unchecked::<PyDictObject>() };
            // CPython's `_PyType_Lookup` clears an error raised by a key's `__eq__`
            // and reports the name as missing.
            match _PyDict_GetItem_KnownHash(d, name, hash) {
                Ok(Some(v)) => return Some(v),
                Ok(None) => {}
                Err(_) => return None,
            }
        }
    }
    None
}

/// Look up a special method on the object's type (`_PyObject_LookupSpecial`), binding
/// it to `obj`.
pub fn _PyObject_LookupSpecial(obj: &PyObject, name: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let Some(res) = _PyType_Lookup(obj.ob_type(), name) else {
        return Ok(None);
    };
    if res.ob_type().tp_descr_get.get().is_some() {
        return descr_get(&res, Some(obj), Some(obj.ob_type().as_object())).map(Some);
    }
    Ok(Some(res))
}

/// Call the special method `name` of `obj`'s type with `obj` prepended to `args`
/// (`vectorcall_method`). `Ok(None)` if the type does not define it.
pub fn call_special_method(
    obj: &PyObject,
    name: &PyObject,
    args: &[PyObjectRef],
) -> PyResult<Option<PyObjectRef>> {
    let Some(func) = _PyType_Lookup(obj.ob_type(), name) else {
        return Ok(None);
    };
    if func.ob_type().has_feature(Py_TPFLAGS_METHOD_DESCRIPTOR) {
        return crate::call::_PyObject_VectorcallPrepend(&func, obj, args, None).map(Some);
    }
    let bound = if func.ob_type().tp_descr_get.get().is_some() {
        descr_get(&func, Some(obj), Some(obj.ob_type().as_object()))?
    } else {
        func
    };
    PyObject_Vectorcall(&bound, args, None).map(Some)
}

// --- Names ------------------------------------------------------------------------------

/// `type.__qualname__` as Rust text.
pub fn type_qualname(tp: &PyTypeObject) -> PyResult<String> {
    if tp.is_heap_type() {
        if let Some(q) = tp.ht_qualname.get() {
            return Ok(as_str_lossy(&q).into_owned());
        }
        return Ok(tp.name().to_string());
    }
    Ok(match tp.tp_name.rfind('.') {
        Some(i) => tp.tp_name[i + 1..].to_string(),
        None => tp.tp_name.to_string(),
    })
}

/// `type.__module__` as Rust text (`None` if it is not a string).
pub fn type_module_name(tp: &PyTypeObject) -> PyResult<Option<String>> {
    if tp.is_heap_type() {
        let key = crate::intern!("__module__");
        let d = type_dict(tp);
        return Ok(match PyDict_GetItemWithError(&d, key)? {
            Some(m) if PyUnicodeObject::check(&m) => Some(as_str_lossy(&m).into_owned()),
            _ => None,
        });
    }
    Ok(Some(match tp.tp_name.rfind('.') {
        Some(i) => tp.tp_name[..i].to_string(),
        None => "builtins".to_string(),
    }))
}

// --- PyType_Ready -------------------------------------------------------------------------

/// `PyType_Ready`: finish a type so it can be used. Safe to call more than once.
pub fn PyType_Ready(tp: &PyTypeObject) -> PyResult<()> {
    if tp.has_feature(Py_TPFLAGS_READY) {
        return Ok(());
    }
    tp.tp_flags.set(tp.tp_flags.get() | Py_TPFLAGS_READYING);
    let res = type_ready(tp);
    tp.tp_flags.set(tp.tp_flags.get() & !Py_TPFLAGS_READYING);
    if res.is_ok() {
        tp.tp_flags.set(tp.tp_flags.get() | Py_TPFLAGS_READY);
    }
    res
}

fn type_ready(tp: &PyTypeObject) -> PyResult<()> {
    // Historically all static types are immutable (bpo-43908).
    if !tp.is_heap_type() {
        tp.tp_flags
            .set(tp.tp_flags.get() | Py_TPFLAGS_IMMUTABLETYPE);
    }
    let is_object = std::ptr::eq(tp, &PyBaseObject_Type);
    // The solid base defaults to `object`.
    if tp.tp_base.get().is_none() && !is_object {
        tp.tp_base.set(type_ptr(&PyBaseObject_Type).get());
    }
    // A base being readied further up the stack (a custom `mro()` creating a
    // subclass) is not readied again (CPython's `_PyType_IsReady`).
    if let Some(base) = tp.base() {
        if !base.has_feature(Py_TPFLAGS_READYING) {
            PyType_Ready(base)?;
        }
    }
    if tp.tp_bases.get().is_none() {
        let bases: Vec<PyObjectRef> = tp
            .base()
            .map(|b| b.as_object().to_owned())
            .into_iter()
            .collect();
        tp.tp_bases.set(Some(PyTuple_New(bases).into_object()));
    }
    if tp.tp_dict.get().is_none() {
        tp.tp_dict.set(Some(PyDict_New().into_object()));
    }
    type_ready_fill_dict(tp)?;
    type_ready_set_new(tp);
    if let Some(base) = tp.base() {
        inherit_special(tp, base);
    }
    let mro = mro_internal(tp)?;
    tp.tp_mro.set(Some(mro.into_object()));
    // Inherit slots from every base along the MRO (the type itself first, skipped).
    for b in mro_of(tp).iter().skip(1) {
        // SAFETY: MRO entries are types.
        let b = unsafe { &*(b.as_ptr() as *const PyTypeObject) };
        inherit_slots(tp, b);
        inherit_patma_flags(tp, b);
    }
    // `__hash__ = None` in the dict means unhashable; an `__eq__` without `__hash__`
    // on a static type does not inherit the base's hash (`type_ready_set_hash`).
    let d = type_dict(tp);
    let hash_key = crate::intern!("__hash__");
    if tp.tp_hash.get().is_none() && PyDict_GetItemWithError(&d, hash_key)?.is_none() {
        PyDict_SetItem(&d, hash_key, Py_None())?;
        tp.tp_hash
            .set(Some(typeslots::PyObject_HashNotImplemented_slot));
    }
    let doc_key = crate::intern!("__doc__");
    if PyDict_GetItemWithError(&d, doc_key)?.is_none() {
        match tp.tp_doc {
            Some(doc) => PyDict_SetItem(&d, doc_key, &PyUnicode_FromString(doc_body(doc)))?,
            None => PyDict_SetItem(&d, doc_key, Py_None())?,
        }
    }
    if let Some(base) = tp.base() {
        add_subclass(base, tp);
    }
    // A type with more than one base (a class, or the static `ExceptionGroup`)
    // registers with each of them (`type_ready_add_subclasses`); `add_subclass`
    // ignores the solid base added above.
    if let Some(bases) = tp.tp_bases.get() {
        // SAFETY: `tp_bases` is a tuple of types.
        let bases = unsafe { bases.downcast_ref_unchecked::<PyTupleObject>() };
        for b in bases.as_slice() {
            // SAFETY: as above.
            add_subclass(unsafe { &*(b.as_ptr() as *const PyTypeObject) }, tp);
        }
    }
    Ok(())
}

/// `type_ready_set_new`: a type without `tp_new` takes its solid base's, except a
/// static type deriving directly from `object`, which cannot be instantiated from
/// Python at all (`Py_TPFLAGS_DISALLOW_INSTANTIATION`). Runs after the dict is
/// filled, so only a type's own `tp_new` gets a `__new__` entry.
fn type_ready_set_new(tp: &PyTypeObject) {
    let Some(base) = tp.base() else { return };
    if tp.tp_new.get().is_none() && std::ptr::eq(base, &PyBaseObject_Type) && !tp.is_heap_type() {
        tp.tp_flags
            .set(tp.tp_flags.get() | Py_TPFLAGS_DISALLOW_INSTANTIATION);
    }
    if tp.has_feature(Py_TPFLAGS_DISALLOW_INSTANTIATION) {
        tp.tp_new.set(None);
    } else if tp.tp_new.get().is_none() {
        tp.tp_new.set(base.tp_new.get());
    }
}

/// The docstring without the Argument Clinic signature header (`"f(x)\n--\n\n"`).
pub fn doc_body(doc: &str) -> &str {
    match doc.find("\n--\n\n") {
        Some(i) => &doc[i + 5..],
        None => doc,
    }
}

/// The `__text_signature__` part of a docstring, if it has one.
pub fn doc_signature(name: &str, doc: &str) -> Option<String> {
    let i = doc.find("\n--\n\n")?;
    let head = &doc[..i];
    // A dotted type name (`_io.FileIO`) is matched by its last part, as `find_signature`
    // does.
    let name = name.rsplit('.').next().unwrap_or(name);
    let rest = head.strip_prefix(name)?;
    if rest.starts_with('(') {
        Some(rest.to_string())
    } else {
        None
    }
}

fn add_subclass(base: &PyTypeObject, tp: &PyTypeObject) {
    // SAFETY: the vector is not borrowed elsewhere during this call.
    let subs = unsafe { base.tp_subclasses.get_mut() };
    let p = NonNull::from(tp);
    if !subs.contains(&p) {
        subs.push(p);
    }
}

fn remove_subclass(base: &PyTypeObject, tp: &PyTypeObject) {
    // SAFETY: the vector is not borrowed elsewhere during this call.
    let subs = unsafe { base.tp_subclasses.get_mut() };
    let p = NonNull::from(tp);
    subs.retain(|q| *q != p);
}

/// Fill a type's dict from its slots (wrappers), methods, members and getsets
/// (`type_ready_fill_dict`).
fn type_ready_fill_dict(tp: &PyTypeObject) -> PyResult<()> {
    let d = type_dict(tp);
    typeslots::add_operators(tp, &d)?;
    for m in tp.tp_methods {
        add_method(tp, &d, m)?;
    }
    for m in tp.tp_members {
        let key = PyUnicode_InternFromString(m.name);
        if PyDict_GetItemWithError(&d, &key)?.is_none() {
            let descr = PyDescr_NewMember(tp, MemberSpec::from_def(m));
            PyDict_SetItem(&d, &key, &descr)?;
        }
    }
    for g in tp.tp_getset {
        let key = PyUnicode_InternFromString(g.name);
        if PyDict_GetItemWithError(&d, &key)?.is_none() {
            let descr = PyDescr_NewGetSet(tp, g);
            PyDict_SetItem(&d, &key, &descr)?;
        }
    }
    Ok(())
}

fn add_method(tp: &PyTypeObject, d: &PyDictObject, m: &'static PyMethodDef) -> PyResult<()> {
    let key = PyUnicode_InternFromString(m.ml_name);
    if PyDict_GetItemWithError(d, &key)?.is_some()
        && m.ml_flags & include::methodobject::METH_COEXIST == 0
    {
        return Ok(());
    }
    let descr = if m.ml_flags & METH_CLASS != 0 {
        PyDescr_NewClassMethod(tp, m)
    } else if m.ml_flags & METH_STATIC != 0 {
        let f = crate::methodobject::PyCFunction_New(m, None);
        crate::funcobject::PyStaticMethod_New(f)
    } else {
        PyDescr_NewMethod(tp, m)
    };
    PyDict_SetItem(d, &key, &descr)
}

/// Copy layout facts and flags from the solid base (`inherit_special`).
fn inherit_special(tp: &PyTypeObject, base: &PyTypeObject) {
    if tp.tp_basicsize.get() == 0 {
        tp.tp_basicsize.set(base.tp_basicsize.get());
    }
    if tp.tp_itemsize.get() == 0 {
        tp.tp_itemsize.set(base.tp_itemsize.get());
    }
    if tp.tp_dictoffset.get() == 0 {
        tp.tp_dictoffset.set(base.tp_dictoffset.get());
    }
    if tp.tp_weaklistoffset.get() == 0 {
        tp.tp_weaklistoffset.set(base.tp_weaklistoffset.get());
    }
    // Instances of a GC base need the GC header whatever the subtype says.
    let mut flags = tp.tp_flags.get();
    if base.is_gc() && tp.tp_traverse.get().is_none() && tp.tp_clear.get().is_none() {
        flags |= Py_TPFLAGS_HAVE_GC;
        if tp.tp_traverse.get().is_none() {
            tp.tp_traverse.set(base.tp_traverse.get());
        }
        if tp.tp_clear.get().is_none() {
            tp.tp_clear.set(base.tp_clear.get());
        }
    }
    // The "fast subclass" flags are inherited.
    let fast = Py_TPFLAGS_LONG_SUBCLASS
        | Py_TPFLAGS_LIST_SUBCLASS
        | Py_TPFLAGS_TUPLE_SUBCLASS
        | Py_TPFLAGS_BYTES_SUBCLASS
        | Py_TPFLAGS_UNICODE_SUBCLASS
        | Py_TPFLAGS_DICT_SUBCLASS
        | Py_TPFLAGS_BASE_EXC_SUBCLASS
        | Py_TPFLAGS_TYPE_SUBCLASS;
    flags |= base.tp_flags.get() & (fast | Py_TPFLAGS_MATCH_SELF);
    tp.tp_flags.set(flags);
}

/// `inherit_patma_flags`: a type with neither collection flag takes those of a
/// base; called along the MRO, so the first base in MRO order that has one wins
/// (`class M(C, UserDict, Sequence)` is a mapping).
fn inherit_patma_flags(tp: &PyTypeObject, base: &PyTypeObject) {
    let collection = Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING;
    if tp.tp_flags.get() & collection == 0 {
        tp.tp_flags
            .set(tp.tp_flags.get() | (base.tp_flags.get() & collection));
    }
}

macro_rules! inherit {
    ($tp:ident, $base:ident, $($field:ident).+) => {
        if $tp.$($field).+.get().is_none() {
            $tp.$($field).+.set($base.$($field).+.get());
        }
    };
}

/// Copy every slot the type leaves empty from `base` (`inherit_slots`).
fn inherit_slots(tp: &PyTypeObject, base: &PyTypeObject) {
    // Number methods.
    inherit!(tp, base, tp_as_number.nb_add);
    inherit!(tp, base, tp_as_number.nb_subtract);
    inherit!(tp, base, tp_as_number.nb_multiply);
    inherit!(tp, base, tp_as_number.nb_remainder);
    inherit!(tp, base, tp_as_number.nb_divmod);
    inherit!(tp, base, tp_as_number.nb_power);
    inherit!(tp, base, tp_as_number.nb_negative);
    inherit!(tp, base, tp_as_number.nb_positive);
    inherit!(tp, base, tp_as_number.nb_absolute);
    inherit!(tp, base, tp_as_number.nb_bool);
    inherit!(tp, base, tp_as_number.nb_invert);
    inherit!(tp, base, tp_as_number.nb_lshift);
    inherit!(tp, base, tp_as_number.nb_rshift);
    inherit!(tp, base, tp_as_number.nb_and);
    inherit!(tp, base, tp_as_number.nb_xor);
    inherit!(tp, base, tp_as_number.nb_or);
    inherit!(tp, base, tp_as_number.nb_int);
    inherit!(tp, base, tp_as_number.nb_float);
    inherit!(tp, base, tp_as_number.nb_inplace_add);
    inherit!(tp, base, tp_as_number.nb_inplace_subtract);
    inherit!(tp, base, tp_as_number.nb_inplace_multiply);
    inherit!(tp, base, tp_as_number.nb_inplace_remainder);
    inherit!(tp, base, tp_as_number.nb_inplace_power);
    inherit!(tp, base, tp_as_number.nb_inplace_lshift);
    inherit!(tp, base, tp_as_number.nb_inplace_rshift);
    inherit!(tp, base, tp_as_number.nb_inplace_and);
    inherit!(tp, base, tp_as_number.nb_inplace_xor);
    inherit!(tp, base, tp_as_number.nb_inplace_or);
    inherit!(tp, base, tp_as_number.nb_floor_divide);
    inherit!(tp, base, tp_as_number.nb_true_divide);
    inherit!(tp, base, tp_as_number.nb_inplace_floor_divide);
    inherit!(tp, base, tp_as_number.nb_inplace_true_divide);
    inherit!(tp, base, tp_as_number.nb_index);
    inherit!(tp, base, tp_as_number.nb_matrix_multiply);
    inherit!(tp, base, tp_as_number.nb_inplace_matrix_multiply);
    // Async methods.
    inherit!(tp, base, tp_as_async.am_await);
    inherit!(tp, base, tp_as_async.am_aiter);
    inherit!(tp, base, tp_as_async.am_anext);
    inherit!(tp, base, tp_as_async.am_send);
    // Sequence methods.
    inherit!(tp, base, tp_as_sequence.sq_length);
    inherit!(tp, base, tp_as_sequence.sq_concat);
    inherit!(tp, base, tp_as_sequence.sq_repeat);
    inherit!(tp, base, tp_as_sequence.sq_item);
    inherit!(tp, base, tp_as_sequence.sq_ass_item);
    inherit!(tp, base, tp_as_sequence.sq_contains);
    inherit!(tp, base, tp_as_sequence.sq_inplace_concat);
    inherit!(tp, base, tp_as_sequence.sq_inplace_repeat);
    // Mapping methods.
    inherit!(tp, base, tp_as_mapping.mp_length);
    inherit!(tp, base, tp_as_mapping.mp_subscript);
    inherit!(tp, base, tp_as_mapping.mp_ass_subscript);
    // Buffer methods.
    inherit!(tp, base, tp_as_buffer.bf_getbuffer);
    inherit!(tp, base, tp_as_buffer.bf_releasebuffer);

    inherit!(tp, base, tp_dealloc);
    inherit!(tp, base, tp_repr);
    inherit!(tp, base, tp_call);
    inherit!(tp, base, tp_str);
    inherit!(tp, base, tp_getattro);
    inherit!(tp, base, tp_setattro);
    // Comparison and hashing are inherited together: a type that defines one of them
    // (or `__eq__`/`__hash__` in its dict) keeps its own meaning of both.
    if tp.tp_richcompare.get().is_none() && tp.tp_hash.get().is_none() {
        let d = type_dict(tp);
        let has_eq = PyDict_GetItemWithError(&d, crate::intern!("__eq__"))
            .ok()
            .flatten()
            .is_some();
        let has_hash = PyDict_GetItemWithError(&d, crate::intern!("__hash__"))
            .ok()
            .flatten()
            .is_some();
        if !has_eq && !has_hash {
            tp.tp_richcompare.set(base.tp_richcompare.get());
            tp.tp_hash.set(base.tp_hash.get());
        }
    }
    inherit!(tp, base, tp_iter);
    inherit!(tp, base, tp_iternext);
    inherit!(tp, base, tp_descr_get);
    inherit!(tp, base, tp_descr_set);
    inherit!(tp, base, tp_init);
    inherit!(tp, base, tp_alloc);
    inherit!(tp, base, tp_free);
    inherit!(tp, base, tp_finalize);
    inherit!(tp, base, tp_traverse);
    inherit!(tp, base, tp_clear);
    if base.has_feature(Py_TPFLAGS_METHOD_DESCRIPTOR)
        && tp.tp_call.get().map(|f| f as usize) == base.tp_call.get().map(|f| f as usize)
    {
        tp.tp_flags
            .set(tp.tp_flags.get() | Py_TPFLAGS_METHOD_DESCRIPTOR);
    }
}

// --- MRO ----------------------------------------------------------------------------------

/// Compute `__mro__`: `mro()` of a metaclass that overrides it, else C3 linearisation.
fn mro_internal(tp: &PyTypeObject) -> PyResult<PyRef<PyTupleObject>> {
    let meta = tp.as_object().ob_type();
    if !std::ptr::eq(meta, &PyType_Type) {
        let name = crate::intern!("mro");
        if let Some(f) = _PyType_Lookup(meta, name) {
            let is_default = f
                .downcast_ref::<PyMethodDescrObject>()
                .is_some_and(|m| std::ptr::eq(m.d_method, &TYPE_METHODS[0]));
            if !is_default {
                let res = crate::call::PyObject_CallMethodNoArgs(tp.as_object(), name)?;
                let items = crate::r#abstract::PySequence_Tuple(&res)?;
                let items = items
                    .downcast_ref::<PyTupleObject>()
                    .map(|t| t.as_slice().to_vec())
                    .unwrap_or_default();
                mro_check(tp, &items)?;
                return Ok(PyTuple_New(items));
            }
        }
    }
    Ok(PyTuple_New(mro_implementation(tp)?))
}

/// `mro_check`: a custom `mro()` may only name classes whose instance layout the
/// new type's instances have; anything else would let methods of those classes
/// read memory the instance does not own.
fn mro_check(tp: &PyTypeObject, mro: &[PyObjectRef]) -> PyResult<()> {
    let solid = solid_base(tp);
    for obj in mro {
        let Some(base) = as_type(obj) else {
            return Err(type_error(format!(
                "mro() returned a non-class ('{}')",
                obj.ob_type().name()
            )));
        };
        if !PyType_IsSubtype(solid, solid_base(base)) {
            return Err(type_error(format!(
                "mro() returned base with unsuitable layout ('{}')",
                base.name()
            )));
        }
    }
    Ok(())
}

/// C3 linearisation of the type's bases (`mro_implementation`).
pub fn mro_implementation(tp: &PyTypeObject) -> PyResult<Vec<PyObjectRef>> {
    let bases: Vec<PyObjectRef> = match tp.tp_bases.get() {
        // SAFETY: `tp_bases` is a tuple.
        Some(b) => unsafe { b.downcast_ref_unchecked::<PyTupleObject>() }
            .as_slice()
            .to_vec(),
        None => Vec::new(),
    };
    // Every base must already have its MRO.
    let mut to_merge: Vec<Vec<PyObjectRef>> = Vec::with_capacity(bases.len() + 1);
    for b in &bases {
        let Some(bt) = as_type(b) else {
            return Err(type_error("bases must be types"));
        };
        let m = mro_of(bt);
        if m.is_empty() {
            return Err(type_error(format!(
                "Cannot extend an incomplete type '{}'",
                bt.name()
            )));
        }
        to_merge.push(m);
    }
    // Duplicate bases are an error of their own.
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| o.is(b)) {
            let name = as_type(b).map(|t| t.name().to_string()).unwrap_or_default();
            return Err(type_error(format!("duplicate base class {name}")));
        }
    }
    to_merge.push(bases.clone());
    let mut result = vec![tp.as_object().to_owned()];
    let mut heads = vec![0usize; to_merge.len()];
    loop {
        let mut candidate: Option<PyObjectRef> = None;
        let mut any_left = false;
        for (i, seq) in to_merge.iter().enumerate() {
            if heads[i] >= seq.len() {
                continue;
            }
            any_left = true;
            let c = &seq[heads[i]];
            // A good head appears in no other list's tail.
            let in_tail = to_merge
                .iter()
                .enumerate()
                .any(|(j, other)| other.iter().skip(heads[j] + 1).any(|o| o.is(c)));
            if !in_tail {
                candidate = Some(c.clone());
                break;
            }
        }
        if !any_left {
            break;
        }
        let Some(c) = candidate else {
            return Err(mro_error(&to_merge, &heads));
        };
        result.push(c.clone());
        for (i, seq) in to_merge.iter().enumerate() {
            if heads[i] < seq.len() && seq[heads[i]].is(&c) {
                heads[i] += 1;
            }
        }
    }
    Ok(result)
}

fn mro_error(to_merge: &[Vec<PyObjectRef>], heads: &[usize]) -> PyErr {
    // The message lists the remaining heads, in order, without repeats.
    let mut names: Vec<String> = Vec::new();
    let mut seen: Vec<*mut PyObject> = Vec::new();
    for (i, seq) in to_merge.iter().enumerate() {
        if heads[i] < seq.len() {
            let c = &seq[heads[i]];
            if !seen.contains(&c.as_ptr()) {
                seen.push(c.as_ptr());
                names.push(as_type(c).map(|t| t.name().to_string()).unwrap_or_default());
            }
        }
    }
    type_error(format!(
        "Cannot create a consistent method resolution\norder (MRO) for bases {}",
        names.join(", ")
    ))
}

// --- type: the metatype -----------------------------------------------------------------

fn type_repr(obj: &PyObject) -> PyResult {
    // SAFETY: `type_repr` is only installed on type objects.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    let qualname = type_qualname(tp)?;
    let text = match type_module_name(tp)? {
        Some(m) if m != "builtins" => format!("<class '{m}.{qualname}'>"),
        _ => format!("<class '{qualname}'>"),
    };
    Ok(PyUnicode_FromString(&text))
}

/// `type.__call__`: `cls(*args, **kwargs)` creates and initialises an instance.
pub fn type_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    // SAFETY: `type_call` is only installed on type objects.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    // `type(x)` is special.
    if std::ptr::eq(tp, &PyType_Type) && args.len() == 1 && kwnames.is_none() {
        return Ok(args[0].ob_type().as_object().to_owned());
    }
    let Some(new) = tp.tp_new.get() else {
        return Err(type_error(format!(
            "cannot create '{}' instances",
            tp.name()
        )));
    };
    let obj = new(tp, args, kwnames)?;
    if !PyObject_TypeCheck(&obj, tp) {
        return Ok(obj);
    }
    if let Some(init) = obj.ob_type().tp_init.get() {
        init(&obj, args, kwnames)?;
    }
    Ok(obj)
}

fn type_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    // SAFETY: installed on type objects only.
    let _ = obj;
    let nargs = args.len() - kwnames.map_or(0, crate::call::kwnames_len);
    if kwnames.is_some() && nargs == 1 {
        return Err(type_error("type.__init__() takes no keyword arguments"));
    }
    if nargs != 1 && nargs != 3 {
        return Err(type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

/// `type.__getattribute__`: meta-attributes with data descriptors first, then the
/// type's own MRO (calling `__get__` with no instance), then non-data meta-attributes.
pub fn type_getattro(obj: &PyObject, name: &PyObject) -> PyResult {
    // SAFETY: installed on type objects only.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    if !crate::unicodeobject::PyUnicodeObject::check(name) {
        return Err(type_error(format!(
            "attribute name must be string, not '{:.200}'",
            name.ob_type().name()
        )));
    }
    let meta = obj.ob_type();
    let meta_attr = _PyType_Lookup(meta, name);
    if let Some(m) = &meta_attr {
        if m.ob_type().tp_descr_get.get().is_some() && is_data_descriptor(m) {
            return descr_get(m, Some(obj), Some(meta.as_object()));
        }
    }
    if let Some(attr) = _PyType_Lookup(tp, name) {
        if attr.ob_type().tp_descr_get.get().is_some() {
            return descr_get(&attr, None, Some(obj));
        }
        return Ok(attr);
    }
    if let Some(m) = meta_attr {
        if m.ob_type().tp_descr_get.get().is_some() {
            return descr_get(&m, Some(obj), Some(meta.as_object()));
        }
        return Ok(m);
    }
    let err = attribute_error(format!(
        "type object '{}' has no attribute '{}'",
        tp.name(),
        as_str_lossy(name)
    ));
    crate::exceptions::set_attribute_error_context(&err, obj, name);
    Err(err)
}

/// `type.__setattr__`: built-in types are immutable; setting a special method on a
/// class updates the matching slot of the class and its subclasses.
fn type_setattro(obj: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    // SAFETY: installed on type objects only.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    if !tp.is_heap_type() || tp.has_feature(Py_TPFLAGS_IMMUTABLETYPE) {
        return Err(type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            as_str_lossy(name),
            tp.name()
        )));
    }
    let meta = obj.ob_type();
    if let Some(d) = _PyType_Lookup(meta, name) {
        if d.ob_type().tp_descr_set.get().is_some() {
            return descr_set(&d, obj, value);
        }
    }
    let name = crate::unicodeobject::PyUnicode_InternInPlace(name.to_owned());
    let d = type_dict(tp);
    // Before the dict changes: releasing the old value may run Python code that
    // looks the name up again.
    PyType_Modified(tp);
    match value {
        Some(v) => PyDict_SetItem(&d, &name, v)?,
        None => match PyDict_DelItem(&d, &name) {
            Ok(()) => {}
            Err(e) if PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_KeyError) => {
                return Err(attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    tp.name(),
                    as_str_lossy(&name)
                )));
            }
            Err(e) => return Err(e),
        },
    }
    let text = as_str_lossy(&name);
    if text.starts_with("__") && text.ends_with("__") {
        typeslots::update_slot(tp, &text);
    }
    PyType_Modified(tp);
    Ok(())
}

/// `tp_dealloc` of type objects (only heap types are ever freed).
unsafe fn type_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead heap type object.
    unsafe {
        let tp = &*(op as *const PyTypeObject);
        gc::gc_untrack(op);
        // Before `release_references`: the weak-reference list word holds no
        // reference, and clearing it leaves it empty.
        crate::weakrefobject::PyObject_ClearWeakRefs(&*op);
        if let Some(bases) = tp.tp_bases.get() {
            let bases = bases.downcast_ref_unchecked::<PyTupleObject>();
            for b in bases.as_slice() {
                remove_subclass(&*(b.as_ptr() as *const PyTypeObject), tp);
            }
        }
        PyTypeObject::release_references(op as *mut PyTypeObject);
        crate::dictobject::_PyDictKeys_FreeCached(tp.ht_cached_keys.replace(std::ptr::null_mut()));
        dealloc_object::<PyTypeObject>(op);
    }
}

fn type_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: installed on type objects only.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    if !tp.is_heap_type() {
        return;
    }
    for cell in [&tp.tp_dict, &tp.tp_bases, &tp.tp_mro, &tp.ht_module] {
        // SAFETY: traversal runs no Python code.
        if let Some(o) = unsafe { cell.get_ref() } {
            visit(o);
        }
    }
    // Not the metatype: a class's reference to a heap metatype is visited by the
    // metatype's own `subtype_traverse`, which runs before this (as in CPython).
}

fn type_clear(obj: &PyObject) {
    // SAFETY: installed on type objects only.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    PyType_Modified(tp);
    if let Some(d) = tp.tp_dict.get() {
        // SAFETY: `tp_dict` holds a dict.
        PyDict_Clear(unsafe { d.downcast_ref_unchecked::<PyDictObject>() });
    }
    tp.tp_mro.set(None);
}

fn type_name_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`: `obj` is a type.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    if tp.is_heap_type() {
        if let Some(n) = tp.ht_name.get() {
            return Ok(n);
        }
    }
    let name = match tp.tp_name.rfind('.') {
        Some(i) => &tp.tp_name[i + 1..],
        None => tp.tp_name,
    };
    Ok(PyUnicode_FromString(name))
}

fn check_set_special_type_attr(
    tp: &PyTypeObject,
    value: Option<&PyObject>,
    name: &str,
) -> PyResult<()> {
    if !tp.is_heap_type() || tp.has_feature(Py_TPFLAGS_IMMUTABLETYPE) {
        return Err(type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            tp.name()
        )));
    }
    if value.is_none() {
        return Err(type_error(format!(
            "cannot delete '{name}' attribute of immutable type '{}'",
            tp.name()
        )));
    }
    Ok(())
}

fn type_name_set(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    check_set_special_type_attr(tp, value, "__name__")?;
    let Some(v) = value else { return Ok(()) };
    if !PyUnicodeObject::check(v) {
        return Err(type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            tp.name(),
            v.ob_type().name()
        )));
    }
    let text = crate::unicodeobject::as_str_strict(v)?;
    if text.contains('\0') {
        return Err(value_error("type name must not contain null characters"));
    }
    tp.ht_name_utf8.set(Some(text.into()));
    tp.ht_name.set(Some(v.to_owned()));
    Ok(())
}

fn type_qualname_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    if tp.is_heap_type() {
        if let Some(q) = tp.ht_qualname.get() {
            return Ok(q);
        }
    }
    type_name_get(obj)
}

fn type_qualname_set(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    check_set_special_type_attr(tp, value, "__qualname__")?;
    let Some(v) = value else { return Ok(()) };
    if !PyUnicodeObject::check(v) {
        return Err(type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            tp.name(),
            v.ob_type().name()
        )));
    }
    tp.ht_qualname.set(Some(v.to_owned()));
    Ok(())
}

fn type_module_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    if tp.is_heap_type() {
        let d = type_dict(tp);
        return match PyDict_GetItemWithError(&d, crate::intern!("__module__"))? {
            Some(m) => Ok(m),
            None => Err(attribute_error("__module__")),
        };
    }
    Ok(match tp.tp_name.rfind('.') {
        Some(i) => PyUnicode_FromString(&tp.tp_name[..i]),
        None => crate::intern!("builtins").to_owned(),
    })
}

fn type_module_set(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    check_set_special_type_attr(tp, value, "__module__")?;
    let Some(v) = value else { return Ok(()) };
    PyType_Modified(tp);
    PyDict_SetItem(&type_dict(tp), crate::intern!("__module__"), v)?;
    PyType_Modified(tp);
    Ok(())
}

fn type_bases_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    Ok(tp
        .tp_bases
        .get()
        .unwrap_or_else(|| PyTuple_New(vec![]).into_object()))
}

/// `type_is_subtype_base_chain`: is `b` on `a`'s `tp_base` chain?
fn type_is_subtype_base_chain(a: &PyTypeObject, b: &PyTypeObject) -> bool {
    let mut t = Some(a);
    while let Some(tt) = t {
        if std::ptr::eq(tt, b) {
            return true;
        }
        t = tt.base();
    }
    std::ptr::eq(b, &PyBaseObject_Type)
}

/// `type.__bases__ = new_bases` (`type_set_bases`): check the new bases, then
/// recompute the MRO of the type and of every subclass (`mro_hierarchy`), putting
/// the old ones back if one fails, and move the type between the bases' subclass
/// lists and refresh its slots.
fn type_set_bases(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    check_set_special_type_attr(tp, value, "__bases__")?;
    let Some(new_bases) = value else {
        return Ok(());
    };
    let Some(tuple) = new_bases.downcast_ref::<PyTupleObject>() else {
        return Err(type_error(format!(
            "can only assign tuple to {}.__bases__, not {}",
            tp.name(),
            new_bases.ob_type().name()
        )));
    };
    let items = tuple.as_slice().to_vec();
    if items.is_empty() {
        return Err(type_error(format!(
            "can only assign non-empty tuple to {}.__bases__, not ()",
            tp.name()
        )));
    }
    for ob in &items {
        let Some(base) = as_type(ob) else {
            return Err(type_error(format!(
                "{}.__bases__ must be tuple of classes, not '{}'",
                tp.name(),
                ob.ob_type().name()
            )));
        };
        // A custom `mro()` re-entering here has already set `tp_base` of a type
        // whose `tp_mro` is not updated yet: the base chain catches that cycle.
        if PyType_IsSubtype(base, tp)
            || (base.tp_mro.get().is_some() && type_is_subtype_base_chain(base, tp))
        {
            return Err(type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let new_base = best_base(&items)?;
    let Some(old_base) = tp.base() else {
        return Err(type_error(
            "a new-style class can't have only classic bases",
        ));
    };
    compatible_for_assignment(old_base, new_base, "__bases__")?;

    let new_bases = new_bases.to_owned();
    let old_bases = tp.tp_bases.replace(Some(new_bases.clone()));
    let old_base_ptr = tp.tp_base.replace(Some(NonNull::from(new_base)));
    // Keeps the old base alive while `tp_base` may point back at it.
    let _old_bases_ref = old_bases.clone();

    let mut temp: Vec<MroUndo> = Vec::new();
    if let Err(e) = mro_hierarchy(tp, &mut temp) {
        // Undo: put back the old MROs, unless a class got a newer one meanwhile.
        for (cls, new_mro, old_mro) in temp.into_iter().rev() {
            if cls.tp_mro.get().is_some_and(|m| m.is(&new_mro)) {
                cls.tp_mro.set(old_mro);
            }
        }
        if tp.tp_bases.get().is_some_and(|b| b.is(&new_bases)) {
            tp.tp_bases.set(old_bases);
            tp.tp_base.set(old_base_ptr);
        }
        return Err(e);
    }
    // No further action when re-entrance through a custom `mro()` replaced
    // `tp_bases` again.
    if tp.tp_bases.get().is_some_and(|b| b.is(&new_bases)) {
        if let Some(old) = &old_bases {
            // SAFETY: `tp_bases` is a tuple of types.
            for b in unsafe { old.downcast_ref_unchecked::<PyTupleObject>() }.as_slice() {
                if let Some(b) = as_type(b) {
                    remove_subclass(b, tp);
                }
            }
        }
        for b in &items {
            if let Some(b) = as_type(b) {
                add_subclass(b, tp);
            }
        }
        PyType_Modified(tp);
        typeslots::update_all_slots(tp);
    }
    Ok(())
}

/// One entry of `mro_hierarchy`'s undo list: a class, its new MRO and its old one.
type MroUndo = (PyRef<PyTypeObject>, PyObjectRef, Option<PyObjectRef>);

/// `mro_hierarchy`: recompute the MRO of `tp` and of its subclasses, recording
/// `(class, new MRO, old MRO)` in `temp` for the caller to undo on error.
fn mro_hierarchy(tp: &PyTypeObject, temp: &mut Vec<MroUndo>) -> PyResult<()> {
    let old_mro = tp.tp_mro.get();
    let new_mro = mro_internal(tp)?;
    // A custom `mro()` that re-entered and set the MRO itself wins (`reent`).
    let reent = match (&old_mro, tp.tp_mro.get()) {
        (Some(a), Some(b)) => !a.is(&b),
        (None, None) => false,
        _ => true,
    };
    if reent {
        return Ok(());
    }
    let new_mro = new_mro.into_object();
    tp.tp_mro.set(Some(new_mro.clone()));
    PyType_Modified(tp);
    temp.push((tp.to_owned_type(), new_mro, old_mro));
    // SAFETY: the subclass list is copied before any Python code can run: a custom
    // `mro()` may change it.
    let subs: Vec<PyRef<PyTypeObject>> = unsafe { tp.tp_subclasses.get_ref() }
        .iter()
        // SAFETY: subclasses remove themselves before they die.
        .map(|p| unsafe { p.as_ref() }.to_owned_type())
        .collect();
    for sub in subs {
        mro_hierarchy(&sub, temp)?;
    }
    Ok(())
}

fn type_base_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    Ok(match tp.base() {
        Some(b) => b.as_object().to_owned(),
        None => none(),
    })
}

fn type_mro_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    Ok(tp.tp_mro.get().unwrap_or_else(none))
}

fn type_dict_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    Ok(crate::descrobject::PyDictProxy_New(
        type_dict(tp).into_object(),
    ))
}

fn type_doc_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    let d = type_dict(tp);
    let doc = PyDict_GetItemWithError(&d, crate::intern!("__doc__"))?;
    match doc {
        Some(doc) if doc.ob_type().tp_descr_get.get().is_some() => descr_get(&doc, None, Some(obj)),
        Some(doc) => Ok(doc),
        None => Ok(none()),
    }
}

fn type_doc_set(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    check_set_special_type_attr(tp, value, "__doc__")?;
    let Some(v) = value else { return Ok(()) };
    PyType_Modified(tp);
    PyDict_SetItem(&type_dict(tp), crate::intern!("__doc__"), v)?;
    PyType_Modified(tp);
    Ok(())
}

fn type_flags_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    Ok(crate::longobject::PyLong_FromLong(tp.tp_flags.get() as i64))
}

fn type_basicsize_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    Ok(crate::longobject::PyLong_FromLong(
        tp.tp_basicsize.get() as i64
    ))
}

fn type_itemsize_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    Ok(crate::longobject::PyLong_FromLong(
        tp.tp_itemsize.get() as i64
    ))
}

fn type_dictoffset_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    Ok(crate::longobject::PyLong_FromLong(
        tp.tp_dictoffset.get() as i64
    ))
}

fn type_weaklistoffset_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    Ok(crate::longobject::PyLong_FromLong(
        tp.tp_weaklistoffset.get() as i64,
    ))
}

fn type_abstractmethods_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    // `type` itself has the descriptor but no such attribute.
    if !std::ptr::eq(tp, &PyType_Type) {
        let d = type_dict(tp);
        if let Some(v) = PyDict_GetItemWithError(&d, crate::intern!("__abstractmethods__"))? {
            return Ok(v);
        }
    }
    Err(attribute_error("__abstractmethods__"))
}

fn type_abstractmethods_set(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    let key = crate::intern!("__abstractmethods__");
    let d = type_dict(tp);
    PyType_Modified(tp);
    let abstract_ = match value {
        Some(v) => {
            let truth = PyObject_IsTrue(v)?;
            PyDict_SetItem(&d, key, v)?;
            truth
        }
        None => {
            if PyDict_DelItem(&d, key).is_err() {
                return Err(attribute_error("__abstractmethods__"));
            }
            false
        }
    };
    let flags = tp.tp_flags.get();
    tp.tp_flags.set(if abstract_ {
        flags | Py_TPFLAGS_IS_ABSTRACT
    } else {
        flags & !Py_TPFLAGS_IS_ABSTRACT
    });
    PyType_Modified(tp);
    Ok(())
}

fn type_annotations_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    if !tp.is_heap_type() {
        return Err(attribute_error(format!(
            "type object '{}' has no attribute '__annotations__'",
            tp.name()
        )));
    }
    let d = type_dict(tp);
    let key = crate::intern!("__annotations__");
    if let Some(a) = PyDict_GetItemWithError(&d, key)? {
        if a.ob_type().tp_descr_get.get().is_some() {
            return descr_get(&a, None, Some(obj));
        }
        return Ok(a);
    }
    let a = PyDict_New().into_object();
    PyDict_SetItem(&d, key, &a)?;
    PyType_Modified(tp);
    Ok(a)
}

fn type_annotations_set(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    if !tp.is_heap_type() || tp.has_feature(Py_TPFLAGS_IMMUTABLETYPE) {
        return Err(type_error(format!(
            "cannot set '__annotations__' attribute of immutable type '{}'",
            tp.name()
        )));
    }
    let d = type_dict(tp);
    let key = crate::intern!("__annotations__");
    PyType_Modified(tp);
    match value {
        Some(v) => PyDict_SetItem(&d, key, v)?,
        None => {
            if PyDict_DelItem(&d, key).is_err() {
                return Err(attribute_error("__annotations__"));
            }
        }
    }
    PyType_Modified(tp);
    Ok(())
}

fn type_text_signature_get(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    match tp.tp_doc.and_then(|d| doc_signature(tp.tp_name, d)) {
        Some(sig) => Ok(PyUnicode_FromString(&sig)),
        None => Ok(none()),
    }
}

static TYPE_GETSET: [PyGetSetDef; 16] = [
    PyGetSetDef::getset("__name__", type_name_get, type_name_set),
    PyGetSetDef::getset("__qualname__", type_qualname_get, type_qualname_set),
    PyGetSetDef::getset("__bases__", type_bases_get, type_set_bases),
    PyGetSetDef::getter("__mro__", type_mro_get),
    PyGetSetDef::getset("__module__", type_module_get, type_module_set),
    PyGetSetDef::getset(
        "__abstractmethods__",
        type_abstractmethods_get,
        type_abstractmethods_set,
    ),
    PyGetSetDef::getter("__dict__", type_dict_get),
    PyGetSetDef::getset("__doc__", type_doc_get, type_doc_set),
    PyGetSetDef::getter("__text_signature__", type_text_signature_get),
    PyGetSetDef::getset(
        "__annotations__",
        type_annotations_get,
        type_annotations_set,
    ),
    PyGetSetDef::getter("__base__", type_base_get),
    PyGetSetDef::getter("__flags__", type_flags_get),
    PyGetSetDef::getter("__basicsize__", type_basicsize_get),
    PyGetSetDef::getter("__itemsize__", type_itemsize_get),
    PyGetSetDef::getter("__dictoffset__", type_dictoffset_get),
    PyGetSetDef::getter("__weakrefoffset__", type_weaklistoffset_get),
];

fn type_mro_method(obj: &PyObject) -> PyResult {
    // SAFETY: method of `type`: `obj` is a type.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    Ok(PyList_New(mro_implementation(tp)?).into_object())
}

fn type_subclasses(obj: &PyObject) -> PyResult {
    // SAFETY: method of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    // SAFETY: the subclass list is copied before any Python code can run.
    let subs: Vec<PyObjectRef> = unsafe { tp.tp_subclasses.get_ref() }
        .iter()
        // SAFETY: subclasses remove themselves before they die.
        .map(|p| unsafe { p.as_ref() }.as_object().to_owned())
        .collect();
    Ok(PyList_New(subs).into_object())
}

fn type_instancecheck(obj: &PyObject, inst: &PyObject) -> PyResult {
    let res = crate::r#abstract::_PyObject_RealIsInstance(inst, obj)?;
    Ok(crate::boolobject::PyBool_FromLong(res))
}

fn type_subclasscheck(obj: &PyObject, sub: &PyObject) -> PyResult {
    let res = crate::r#abstract::_PyObject_RealIsSubclass(sub, obj)?;
    Ok(crate::boolobject::PyBool_FromLong(res))
}

fn type_prepare(_cls: &PyObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    Ok(PyDict_New().into_object())
}

fn type_sizeof(obj: &PyObject) -> PyResult {
    // SAFETY: method of `type`.
    let tp = unsafe { &*(obj as *const PyObject as *const PyTypeObject) };
    let size = if tp.is_heap_type() {
        size_of::<PyTypeObject>() + 16 * size_of::<usize>()
    } else {
        size_of::<PyTypeObject>()
    };
    Ok(crate::longobject::PyLong_FromLong(size as i64))
}

fn type_dir(obj: &PyObject) -> PyResult {
    // Names from the class and all its bases.
    let result = PyDict_New();
    merge_class_dict(&result, obj)?;
    let keys = PyDict_Keys(&result);
    Ok(keys.into_object())
}

/// Add the keys of `cls.__dict__` and of every base's dict to `dict` (`merge_class_dict`).
pub fn merge_class_dict(dict: &PyDictObject, cls: &PyObject) -> PyResult<()> {
    let d_name = crate::intern!("__dict__");
    if let Some(cd) = _PyObject_LookupAttr(cls, d_name)? {
        crate::dictobject::PyDict_Update(dict, &cd)?;
    }
    let b_name = crate::intern!("__bases__");
    if let Some(bases) = _PyObject_LookupAttr(cls, b_name)? {
        for b in crate::r#abstract::PySequence_Fast(&bases, "")? {
            merge_class_dict(dict, &b)?;
        }
    }
    Ok(())
}

pub static TYPE_METHODS: [PyMethodDef; 7] = [
    PyMethodDef::new(
        "mro",
        PyCFunction::NoArgs(type_mro_method),
        "mro($self, /)\n--\n\nReturn a type's method resolution order.",
    ),
    PyMethodDef::new(
        "__subclasses__",
        PyCFunction::NoArgs(type_subclasses),
        "__subclasses__($self, /)\n--\n\nReturn a list of immediate subclasses.",
    ),
    PyMethodDef::new(
        "__prepare__",
        PyCFunction::FastKw(type_prepare),
        "__prepare__() -> dict\nused to create the namespace for the class statement",
    )
    .with_flags(METH_CLASS),
    PyMethodDef::new(
        "__instancecheck__",
        PyCFunction::O(type_instancecheck),
        "__instancecheck__($self, instance, /)\n--\n\nCheck if an object is an instance.",
    ),
    PyMethodDef::new(
        "__subclasscheck__",
        PyCFunction::O(type_subclasscheck),
        "__subclasscheck__($self, subclass, /)\n--\n\nCheck if a class is a subclass.",
    ),
    PyMethodDef::new(
        "__dir__",
        PyCFunction::NoArgs(type_dir),
        "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for types.",
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(type_sizeof),
        "__sizeof__($self, /)\n--\n\nReturn memory consumption of the type object.",
    ),
];

/// `type`.
pub static PyType_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "type",
    tp_basicsize: Cell::new(size_of::<PyTypeObject>()),
    // CPython's `sizeof(PyMemberDef)`: a heap type's slot members follow it there.
    // pyrs keeps them elsewhere, but the figure shows (`type.__itemsize__`) and
    // refuses nonempty `__slots__` on subclasses of `type`, as CPython does.
    tp_itemsize: Cell::new(40),
    tp_dealloc: slot(type_dealloc),
    tp_repr: slot(type_repr),
    tp_call: slot(type_call),
    tp_getattro: slot(type_getattro),
    tp_setattro: slot(type_setattro),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT
            | Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_BASETYPE
            | Py_TPFLAGS_TYPE_SUBCLASS
            | Py_TPFLAGS_HAVE_VECTORCALL,
    ),
    tp_doc: Some(
        "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    ),
    tp_traverse: slot(type_traverse),
    tp_clear: slot(type_clear),
    tp_methods: &TYPE_METHODS,
    tp_members: &[],
    tp_getset: &TYPE_GETSET,
    tp_base: type_ptr(&PyBaseObject_Type),
    tp_weaklistoffset: Cell::new(offset_of!(PyTypeObject, tp_weaklist)),
    // A type's namespace is its instance dict, as in CPython: so a metaclass (a
    // subclass of `type`) does not get a second `__dict__` slot of its own.
    tp_dictoffset: Cell::new(offset_of!(PyTypeObject, tp_dict)),
    tp_init: slot(type_init),
    tp_new: slot(type_new),
    tp_as_number: include::cpython::object::PyNumberMethods {
        nb_or: slot(type_or_slot),
        ..include::cpython::object::PyNumberMethods::EMPTY
    },
    ..PyTypeObject::DEFAULT
};

/// `type.__or__`: `int | str` makes a `types.UnionType`.
fn type_or_slot(a: &PyObject, b: &PyObject) -> PyResult {
    crate::unionobject::_Py_union_type_or(a, b)
}

// --- type(name, bases, dict): class creation ---------------------------------------------

/// `_PyType_CalculateMetaclass`: the most derived metaclass of `meta` and the bases'.
pub fn _PyType_CalculateMetaclass(
    meta: &PyTypeObject,
    bases: &[PyObjectRef],
) -> PyResult<PyRef<PyTypeObject>> {
    let mut winner = meta;
    for b in bases {
        let t = b.ob_type();
        if PyType_IsSubtype(winner, t) {
            continue;
        }
        if PyType_IsSubtype(t, winner) {
            winner = t;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner.to_owned_type())
}

/// Does `tp` add instance variables to `base`'s layout (`extra_ivars`)?
fn extra_ivars(tp: &PyTypeObject, base: &PyTypeObject) -> bool {
    let t_size = tp.tp_basicsize.get();
    let b_size = base.tp_basicsize.get();
    if tp.tp_itemsize.get() != 0 || base.tp_itemsize.get() != 0 {
        return t_size != b_size || tp.tp_itemsize.get() != base.tp_itemsize.get();
    }
    let mut extra = t_size;
    if tp.tp_weaklistoffset.get() != 0
        && base.tp_weaklistoffset.get() == 0
        && tp.tp_weaklistoffset.get() + 8 == extra
    {
        extra -= 8;
    }
    // A managed dict takes two words: the dict slot and the values pointer.
    let dict_words = if tp.has_feature(Py_TPFLAGS_MANAGED_DICT) {
        16
    } else {
        8
    };
    if tp.tp_dictoffset.get() != 0
        && base.tp_dictoffset.get() == 0
        && tp.tp_dictoffset.get() + dict_words == extra
    {
        extra -= dict_words;
    }
    extra != b_size
}

/// The most derived base that adds instance variables (`solid_base`).
fn solid_base(tp: &PyTypeObject) -> &PyTypeObject {
    let base = match tp.base() {
        Some(b) => solid_base(b),
        None => &PyBaseObject_Type,
    };
    if extra_ivars(tp, base) {
        tp
    } else {
        base
    }
}

/// Choose the base whose layout the new class extends (`best_base`).
fn best_base(bases: &[PyObjectRef]) -> PyResult<&PyTypeObject> {
    let mut winner: Option<&PyTypeObject> = None;
    let mut base: Option<&PyTypeObject> = None;
    for b in bases {
        let Some(bt) = as_type(b) else {
            return Err(type_error("bases must be types"));
        };
        // A base still being readied (a custom `mro()` extending its own class) is
        // left alone: its missing MRO is reported by `mro_implementation`.
        if !bt.has_feature(Py_TPFLAGS_READYING) {
            PyType_Ready(bt)?;
        }
        if !bt.has_feature(Py_TPFLAGS_BASETYPE) {
            return Err(type_error(format!(
                "type '{}' is not an acceptable base type",
                bt.name()
            )));
        }
        let candidate = solid_base(bt);
        match winner {
            None => {
                winner = Some(candidate);
                base = Some(bt);
            }
            Some(w) if PyType_IsSubtype(w, candidate) => {}
            Some(w) if PyType_IsSubtype(candidate, w) => {
                winner = Some(candidate);
                base = Some(bt);
            }
            Some(_) => return Err(type_error("multiple bases have instance lay-out conflict")),
        }
    }
    base.ok_or_else(|| type_error("a new-style class can't have only classic bases"))
}

/// `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
pub fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

fn is_identifier(s: &str) -> bool {
    crate::unicodeobject::is_identifier_str(s)
}

/// `type.__new__(metatype, name, bases, dict, **kwds)`.
pub fn type_new(
    metatype: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let nkw = kwnames.map_or(0, crate::call::kwnames_len);
    let nargs = args.len() - nkw;
    // `type(x)` through `type.__new__`.
    if std::ptr::eq(metatype, &PyType_Type) && nargs == 1 && nkw == 0 {
        return Ok(args[0].ob_type().as_object().to_owned());
    }
    if nargs != 3 {
        if nargs == 1 && nkw != 0 && std::ptr::eq(metatype, &PyType_Type) {
            return Err(type_error("type() takes 1 or 3 arguments"));
        }
        return Err(type_error(if std::ptr::eq(metatype, &PyType_Type) {
            "type() takes 1 or 3 arguments".to_string()
        } else {
            format!("type.__new__() takes exactly 3 arguments ({nargs} given)")
        }));
    }
    let (name, bases, orig_dict) = (&args[0], &args[1], &args[2]);
    if !PyUnicodeObject::check(name) {
        return Err(type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            name.ob_type().name()
        )));
    }
    let Some(bases_t) = bases.downcast_ref::<PyTupleObject>() else {
        return Err(type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            bases.ob_type().name()
        )));
    };
    let Some(orig_dict) = orig_dict.downcast_ref::<PyDictObject>() else {
        return Err(type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            orig_dict.ob_type().name()
        )));
    };
    let kwargs = &args[3..];
    let bases_v: Vec<PyObjectRef> = bases_t.as_slice().to_vec();

    // A more derived metaclass among the bases takes over.
    let winner = _PyType_CalculateMetaclass(metatype, &bases_v)?;
    let winner: &PyTypeObject = &winner;
    if !std::ptr::eq(winner, metatype) {
        if let Some(new) = winner.tp_new.get() {
            if new as usize != type_new as newfunc as usize {
                return new(winner, args, kwnames);
            }
        }
    }
    let metatype = winner;

    // Bases default to (object,). A non-type base with __mro_entries__ must be
    // resolved by the caller (`__build_class__`).
    let bases_v = if bases_v.is_empty() {
        vec![PyBaseObject_Type.as_object().to_owned()]
    } else {
        for b in &bases_v {
            if as_type(b).is_none() {
                let me = crate::intern!("__mro_entries__");
                if _PyObject_LookupAttr(b, me)?.is_some() {
                    return Err(type_error(
                        "type() doesn't support MRO entry resolution; use types.new_class()",
                    ));
                }
            }
        }
        bases_v
    };
    let base = best_base(&bases_v)?;

    let dict = PyDict_Copy(orig_dict)?;
    let name_text = crate::unicodeobject::as_str_strict(name)?.to_string();
    if name_text.contains('\0') {
        return Err(value_error("type name must not contain null characters"));
    }

    // __slots__.
    let slots_key = crate::intern!("__slots__");
    let slots = PyDict_GetItemWithError(&dict, slots_key)?;
    let mut add_dict = base.tp_dictoffset.get() == 0;
    let mut add_weak = base.tp_weaklistoffset.get() == 0 && base.tp_itemsize.get() == 0;
    let mut slot_names: Vec<String> = Vec::new();
    if let Some(slots) = &slots {
        let items: Vec<PyObjectRef> = if PyUnicodeObject::check(slots) {
            vec![slots.clone()]
        } else {
            crate::r#abstract::PySequence_List_items(slots)?
        };
        // Checked before the names, and counting `__dict__` and `__weakref__`
        // (`type_new_slots_impl`).
        if !items.is_empty() && base.tp_itemsize.get() != 0 {
            return Err(type_error(format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                base.name()
            )));
        }
        let mut want_dict = false;
        let mut want_weak = false;
        for item in &items {
            if !PyUnicodeObject::check(item) {
                return Err(type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    item.ob_type().name()
                )));
            }
            let s = crate::unicodeobject::as_str_strict(item)?.to_string();
            if !is_identifier(&s) {
                return Err(type_error("__slots__ must be identifiers"));
            }
            if s == "__dict__" {
                if !add_dict || want_dict {
                    return Err(type_error("__dict__ slot disallowed: we already got one"));
                }
                want_dict = true;
                continue;
            }
            if s == "__weakref__" {
                if !add_weak || want_weak {
                    return Err(type_error("__weakref__ slot disallowed: either we already got one, or the base type has non-zero __itemsize__"));
                }
                want_weak = true;
                continue;
            }
            // A name given twice is accepted, as by CPython (the later member
            // descriptor replaces the earlier one in the class dict).
            let mangled = mangle(&name_text, &s);
            let key = PyUnicode_FromString(&mangled);
            // `__qualname__` and `__classcell__` are taken out of the namespace
            // before the slots are made, so they do not conflict.
            if mangled != "__qualname__"
                && mangled != "__classcell__"
                && PyDict_GetItemWithError(&dict, &key)?.is_some()
            {
                return Err(value_error(format!(
                    "'{mangled}' in __slots__ conflicts with class variable"
                )));
            }
            slot_names.push(mangled);
        }
        slot_names.sort();
        // Secondary bases may provide the dict or the weakref list: then this class
        // adds them too, even with `__slots__` naming neither (`type_new_slots_impl`).
        let (may_add_dict, may_add_weak) = (add_dict, add_weak);
        if bases_v.len() > 1 && (may_add_dict && !want_dict || may_add_weak && !want_weak) {
            for other in &bases_v {
                if other.is(base.as_object()) {
                    continue;
                }
                let Some(other) = as_type(other) else {
                    continue;
                };
                if may_add_dict && !want_dict && other.tp_dictoffset.get() != 0 {
                    want_dict = true;
                }
                if may_add_weak && !want_weak && other.tp_weaklistoffset.get() != 0 {
                    want_weak = true;
                }
                if (!may_add_dict || want_dict) && (!may_add_weak || want_weak) {
                    break;
                }
            }
        }
        add_dict = want_dict;
        add_weak = want_weak;
    }

    // The new type's layout: the base's, then slots, then __dict__, then __weakref__.
    let mut basicsize = base.tp_basicsize.get();
    let slot_offset = basicsize;
    basicsize += slot_names.len() * size_of::<usize>();
    // A class that adds a `__dict__` to a base without variable-size items manages it
    // (`Py_TPFLAGS_MANAGED_DICT`): its instances keep their attributes in a values
    // block laid out by the class's shared keys until the dict is asked for. pyrs keeps
    // the block pointer in the word after the dict slot (CPython: the pre-header; see
    // `_PyObject_ValuesPointer`).
    let managed_dict = add_dict && base.tp_itemsize.get() == 0;
    let dictoffset = if add_dict {
        let off = basicsize;
        basicsize += size_of::<usize>();
        if managed_dict {
            basicsize += size_of::<usize>();
        }
        off
    } else {
        base.tp_dictoffset.get()
    };
    let weaklistoffset = if add_weak {
        let off = basicsize;
        basicsize += size_of::<usize>();
        off
    } else {
        base.tp_weaklistoffset.get()
    };

    let flags = Py_TPFLAGS_DEFAULT
        | Py_TPFLAGS_HEAPTYPE
        | Py_TPFLAGS_BASETYPE
        | Py_TPFLAGS_HAVE_GC
        | (base.tp_flags.get() & Py_TPFLAGS_MANAGED_DICT)
        | if managed_dict {
            Py_TPFLAGS_MANAGED_DICT
        } else {
            0
        };

    // SAFETY: the metatype's instances have `PyTypeObject`'s layout (it derives from
    // `type`), and every field is written here.
    let tp_ref: PyRef<PyTypeObject> = unsafe {
        alloc_object(
            metatype,
            PyTypeObject {
                ob_base: PyObject_HEAD_INIT,
                tp_name: "",
                tp_basicsize: Cell::new(basicsize),
                tp_itemsize: Cell::new(base.tp_itemsize.get()),
                tp_flags: Cell::new(flags),
                tp_dictoffset: Cell::new(dictoffset),
                tp_weaklistoffset: Cell::new(weaklistoffset),
                tp_base: Cell::new(Some(NonNull::from(base))),
                ..PyTypeObject::DEFAULT
            },
        )
    };
    let tp: &PyTypeObject = &tp_ref;
    tp.tp_bases
        .set(Some(PyTuple_New(bases_v.clone()).into_object()));
    tp.ht_name.set(Some(name.clone()));
    tp.ht_name_utf8
        .set(Some(name_text.clone().into_boxed_str()));
    tp.ht_slotsoffset.set(slot_offset);
    tp.ht_nslots.set(slot_names.len());
    if tp.has_feature(Py_TPFLAGS_MANAGED_DICT) {
        tp.ht_cached_keys
            .set(crate::dictobject::_PyDict_NewKeysForClass());
    }
    tp.tp_dealloc.set(Some(subtype_dealloc));
    tp.tp_traverse.set(Some(subtype_traverse));
    tp.tp_clear.set(Some(subtype_clear));
    if slots.is_some() {
        // The mangled names, sorted, without `__dict__` and `__weakref__`: what
        // `__class__` assignment compares (`same_slots_added`).
        let items: Vec<PyObjectRef> = slot_names.iter().map(|s| PyUnicode_FromString(s)).collect();
        tp.ht_slots.set(Some(PyTuple_New(items).into_object()));
    }

    // __module__ from the caller's globals, if the namespace does not say.
    let module_key = crate::intern!("__module__");
    if PyDict_GetItemWithError(&dict, module_key)?.is_none() {
        if let Some(globals) = current_globals() {
            // SAFETY: frame globals are dicts.
            let g = unsafe { globals.downcast_ref_unchecked::<PyDictObject>() };
            if let Some(m) = PyDict_GetItemWithError(g, crate::intern!("__name__"))? {
                PyDict_SetItem(&dict, module_key, &m)?;
            }
        }
    }
    // __qualname__ from the namespace (and removed from it), else the name.
    let qualname_key = crate::intern!("__qualname__");
    match PyDict_GetItemWithError(&dict, qualname_key)? {
        Some(q) => {
            if !PyUnicodeObject::check(&q) {
                return Err(type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    q.ob_type().name()
                )));
            }
            tp.ht_qualname.set(Some(q));
            PyDict_DelItem(&dict, qualname_key)?;
        }
        None => tp.ht_qualname.set(Some(name.clone())),
    }
    // __doc__ defaults to None in the class namespace; a str one must encode to
    // UTF-8, as CPython keeps it as `tp_doc` (`type_new_set_doc`).
    let doc_key = crate::intern!("__doc__");
    match PyDict_GetItemWithError(&dict, doc_key)? {
        None => {
            PyDict_SetItem(&dict, doc_key, Py_None())?;
        }
        Some(doc) if PyUnicodeObject::check(&doc) => {
            crate::unicodeobject::as_str_strict(&doc)?;
        }
        Some(_) => {}
    }
    // __new__ is a static method, __init_subclass__ and __class_getitem__ class
    // methods, even when defined as plain functions.
    let new_key = crate::intern!("__new__");
    if let Some(f) = PyDict_GetItemWithError(&dict, new_key)? {
        if crate::funcobject::PyFunctionObject::check(&f) {
            PyDict_SetItem(&dict, new_key, &crate::funcobject::PyStaticMethod_New(f))?;
        }
    }
    for key in ["__init_subclass__", "__class_getitem__"] {
        let k = PyUnicode_InternFromString(key);
        if let Some(f) = PyDict_GetItemWithError(&dict, &k)? {
            if crate::funcobject::PyFunctionObject::check(&f) {
                PyDict_SetItem(&dict, &k, &crate::funcobject::PyClassMethod_New(f))?;
            }
        }
    }
    // __classcell__ receives the class, and leaves the namespace before the slots'
    // member descriptors go in (CPython adds those in `PyType_Ready`, after
    // `type_new_set_classcell`), so `__slots__` may name it.
    let cell_key = crate::intern!("__classcell__");
    let classcell = PyDict_GetItemWithError(&dict, cell_key)?;
    if let Some(cell) = &classcell {
        PyDict_DelItem(&dict, cell_key)?;
        match cell.downcast_ref::<crate::cellobject::PyCellObject>() {
            Some(c) => c.set(Some(tp.as_object().to_owned())),
            None => {
                // CPython formats the cell's type with %R: "<class 'int'>".
                let tp_repr = PyObject_Repr(cell.ob_type().as_object())?;
                return Err(type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    crate::unicodeobject::as_str_lossy(&tp_repr)
                )));
            }
        }
    }
    // Member descriptors for the slots.
    for (i, s) in slot_names.iter().enumerate() {
        let descr = PyDescr_NewMember(
            tp,
            MemberSpec {
                name: s.clone(),
                type_code: MemberType::ObjectEx,
                offset: slot_offset + i * size_of::<usize>(),
                readonly: false,
                doc: None,
            },
        );
        PyDict_SetItem(&dict, &PyUnicode_InternFromString(s), &descr)?;
    }
    // __dict__ and __weakref__ getsets when this class adds them, unless the class
    // body defines those names itself (CPython's `add_getset` uses
    // `PyDict_SetDefault`): a `__dict__` property stays what `vars()` reads.
    if add_dict && base.tp_dictoffset.get() == 0 {
        crate::dictobject::PyDict_SetDefault(
            &dict,
            crate::intern!("__dict__"),
            &PyDescr_NewGetSet(tp, &SUBTYPE_DICT_GETSET),
        )?;
    }
    if add_weak && base.tp_weaklistoffset.get() == 0 {
        crate::dictobject::PyDict_SetDefault(
            &dict,
            crate::intern!("__weakref__"),
            &PyDescr_NewGetSet(tp, &SUBTYPE_WEAKREF_GETSET),
        )?;
    }
    tp.tp_dict.set(Some(dict.clone().into_object()));

    PyType_Ready(tp)?;
    typeslots::fixup_slot_dispatchers(tp);
    // An abstract base's `__abstractmethods__` is computed by abc, not here.

    // __set_name__ on every attribute that defines it.
    let set_name = crate::intern!("__set_name__");
    for (key, value) in PyDict_Items_vec(&dict) {
        if let Some(f) = _PyType_Lookup(value.ob_type(), set_name) {
            let bound = if f.ob_type().tp_descr_get.get().is_some() {
                descr_get(&f, Some(&value), Some(value.ob_type().as_object()))?
            } else {
                f
            };
            if let Err(e) =
                PyObject_Vectorcall(&bound, &[tp.as_object().to_owned(), key.clone()], None)
            {
                let err = runtime_error(format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    value.ob_type().name(),
                    PyObject_Repr(&key)
                        .map(|r| as_str_lossy(&r).into_owned())
                        .unwrap_or_default(),
                    name_text
                ));
                // `_PyErr_FormatFromCause`: the error is both the cause and the
                // context of the new one.
                let cause = e.into_value();
                crate::exceptions::exc_set_context(err.value(), Some(cause.clone()));
                crate::exceptions::set_cause(&err, Some(cause));
                return Err(err);
            }
        }
    }
    // __init_subclass__ of the parent, with the class keywords.
    init_subclass(tp, kwargs, kwnames)?;
    Ok(tp_ref.into_object())
}

/// Call `super(tp, tp).__init_subclass__(**kwargs)`.
fn init_subclass(
    tp: &PyTypeObject,
    kwvalues: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let sup = crate::call::PyObject_Vectorcall(
        PySuper_Type.as_object(),
        &[tp.as_object().to_owned(), tp.as_object().to_owned()],
        None,
    )?;
    let func = PyObject_GetAttr(&sup, crate::intern!("__init_subclass__"))?;
    PyObject_Vectorcall(&func, kwvalues, kwnames)?;
    Ok(())
}

/// The globals of the innermost running Python frame, if any.
pub fn current_globals() -> Option<PyObjectRef> {
    let ts = include::pystate::_PyThreadState_GET();
    let f = ts.current_frame.get();
    if f.is_null() {
        return None;
    }
    // SAFETY: the current frame is live while it is the current frame.
    Some(unsafe { (*f).f_globals.as_ref() }.to_owned())
}

/// `get_builtin_base_with_dict`: the first built-in type up the `tp_base` chain
/// whose instances have a dict of their own (`type`, `module`, a function...).
fn get_builtin_base_with_dict(tp: &PyTypeObject) -> Option<&PyTypeObject> {
    let mut t = tp;
    while let Some(base) = t.base() {
        if t.tp_dictoffset.get() != 0 && !t.is_heap_type() {
            return Some(t);
        }
        t = base;
    }
    None
}

/// `raise_dict_descr_error`.
fn raise_dict_descr_error(obj: &PyObject) -> PyErr {
    type_error(format!(
        "this __dict__ descriptor does not support '{:.200}' objects",
        obj.ob_type().name()
    ))
}

/// `subtype_dict`: a class that also derives from a built-in type with a dict
/// (`class Meta(type, Base)`) reaches that dict through the built-in's own
/// `__dict__` descriptor, never through the generic slot.
fn subtype_dict_get(obj: &PyObject) -> PyResult {
    if let Some(base) = get_builtin_base_with_dict(obj.ob_type()) {
        let Some(descr) = _PyType_Lookup(base, crate::intern!("__dict__")) else {
            return Err(raise_dict_descr_error(obj));
        };
        let Some(get) = descr.ob_type().tp_descr_get.get() else {
            return Err(raise_dict_descr_error(obj));
        };
        return get(&descr, Some(obj), Some(obj.ob_type().as_object()));
    }
    match _PyObject_GetOrCreateDict(obj) {
        Some(d) => Ok(d),
        None => Err(attribute_error("This object has no __dict__")),
    }
}

/// `subtype_setdict`: as `subtype_dict`, a built-in base's dict is set through its
/// own descriptor (which refuses, for `type` and `module`).
fn subtype_dict_set(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    if let Some(base) = get_builtin_base_with_dict(obj.ob_type()) {
        let Some(descr) = _PyType_Lookup(base, crate::intern!("__dict__")) else {
            return Err(raise_dict_descr_error(obj));
        };
        let Some(set) = descr.ob_type().tp_descr_set.get() else {
            return Err(raise_dict_descr_error(obj));
        };
        return set(&descr, obj, value);
    }
    let Some(slot) = _PyObject_GetDictPtr(obj) else {
        return Err(attribute_error("This object has no __dict__"));
    };
    match value {
        Some(v) if PyDictObject::check(v) => {
            slot.set(Some(v.to_owned()));
            Ok(())
        }
        Some(v) => Err(type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.ob_type().name()
        ))),
        None => {
            slot.set(None);
            Ok(())
        }
    }
}

fn subtype_weakref_get(obj: &PyObject) -> PyResult {
    let off = obj.ob_type().tp_weaklistoffset.get();
    if off == 0 {
        return Err(attribute_error("This object has no __weakref__"));
    }
    // SAFETY: the weak-list slot at `tp_weaklistoffset` is an `Option<PyObjectRef>`.
    let slot =
        unsafe { &*((obj.as_ptr() as *const u8).add(off) as *const PyCell<Option<PyObjectRef>>) };
    Ok(crate::weakrefobject::first_weakref(slot).unwrap_or_else(none))
}

static SUBTYPE_DICT_GETSET: PyGetSetDef = PyGetSetDef {
    name: "__dict__",
    get: Some(subtype_dict_get),
    set: Some(subtype_dict_set),
    doc: Some("dictionary for instance variables (if defined)"),
};

static SUBTYPE_WEAKREF_GETSET: PyGetSetDef = PyGetSetDef {
    name: "__weakref__",
    get: Some(subtype_weakref_get),
    set: None,
    doc: Some("list of weak references to the object (if defined)"),
};

/// The first non-heap type along the base chain: its deallocator frees the memory.
fn static_base(tp: &PyTypeObject) -> &PyTypeObject {
    let mut t = tp;
    while t.is_heap_type() {
        match t.base() {
            Some(b) => t = b,
            None => break,
        }
    }
    t
}

/// `tp_traverse` of class instances: the `__dict__`, the slots, the type, then the
/// static base's own references.
fn subtype_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let tp = obj.ob_type();
    let mut t = tp;
    while t.is_heap_type() {
        for slot in heap_slots(t, obj) {
            // SAFETY: traversal runs no Python code.
            if let Some(o) = unsafe { slot.get_ref() } {
                visit(o);
            }
        }
        match t.base() {
            Some(b) => t = b,
            None => break,
        }
    }
    // A static base with a `__dict__` slot of its own (exceptions, `property`,
    // modules) visits it in its own `tp_traverse`; visiting it here as well would
    // count the reference twice (CPython: `type->tp_dictoffset != base->tp_dictoffset`).
    if tp.has_feature(Py_TPFLAGS_MANAGED_DICT) {
        crate::dictobject::_PyObject_VisitInstanceAttributes(obj, visit);
    }
    if static_base(tp).tp_dictoffset.get() == 0 {
        if let Some(slot) = _PyObject_DictPointer(obj) {
            // SAFETY: traversal runs no Python code.
            if let Some(d) = unsafe { slot.get_ref() } {
                visit(d);
            }
        }
    }
    visit(tp.as_object());
    if let Some(f) = static_base(tp).tp_traverse.get() {
        f(obj, visit);
    }
}

fn subtype_clear(obj: &PyObject) {
    let tp = obj.ob_type();
    let mut t = tp;
    while t.is_heap_type() {
        for slot in heap_slots(t, obj) {
            slot.set(None);
        }
        match t.base() {
            Some(b) => t = b,
            None => break,
        }
    }
    if tp.has_feature(Py_TPFLAGS_MANAGED_DICT) {
        crate::dictobject::_PyObject_ClearInstanceAttributes(obj);
    }
    if static_base(tp).tp_dictoffset.get() == 0 {
        if let Some(slot) = _PyObject_DictPointer(obj) {
            slot.set(None);
        }
    }
    if let Some(f) = static_base(tp).tp_clear.get() {
        f(obj);
    }
}

/// The `__slots__` values a class itself adds to its instances (`PyHeapType_GET_MEMBERS`).
fn heap_slots<'a>(tp: &PyTypeObject, obj: &'a PyObject) -> &'a [PyCell<Option<PyObjectRef>>] {
    // SAFETY: a heap type's instances hold `ht_nslots` slot cells from
    // `ht_slotsoffset` (laid out by `type_new`).
    unsafe {
        let first = (obj.as_ptr() as *const u8).add(tp.ht_slotsoffset.get())
            as *const PyCell<Option<PyObjectRef>>;
        std::slice::from_raw_parts(first, tp.ht_nslots.get())
    }
}

/// `tp_dealloc` of class instances (`subtype_dealloc`): run `__del__` (it may
/// resurrect the object), clear weak references, slots and `__dict__`, then let the
/// static base free the memory.
unsafe fn subtype_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead instance of a heap type.
    unsafe {
        let obj = &*op;
        let tp = obj.ob_type();
        gc::gc_untrack(op);
        if let Some(fin) = tp.tp_finalize.get() {
            if !gc::gc_finalized(op) {
                // Resurrect temporarily so the finalizer can use the object.
                obj.ob_refcnt.set(1);
                gc::gc_set_finalized(op);
                fin(obj);
                let n = obj.ob_refcnt.get() - 1;
                obj.ob_refcnt.set(n);
                if n > 0 {
                    // `__del__` stored a new reference somewhere: the object lives on.
                    gc::gc_track(op);
                    return;
                }
            }
        }
        if tp.tp_weaklistoffset.get() != 0 {
            crate::weakrefobject::PyObject_ClearWeakRefs(obj);
        }
        // Clear the slots of every heap type in the chain, and the dict.
        let mut t = tp;
        while t.is_heap_type() {
            for slot in heap_slots(t, obj) {
                slot.set(None);
            }
            match t.base() {
                Some(b) => t = b,
                None => break,
            }
        }
        let base = static_base(tp);
        if tp.has_feature(Py_TPFLAGS_MANAGED_DICT) {
            crate::dictobject::_PyObject_FreeInstanceAttributes(obj);
        }
        if base.tp_dictoffset.get() == 0 {
            if let Some(slot) = _PyObject_DictPointer(obj) {
                slot.set(None);
            }
        }
        match base.tp_dealloc.get() {
            Some(d) => d(op),
            None => free_and_release_type(op),
        }
    }
}

// --- object: the root of every type -------------------------------------------------------

fn excess_args(args: &[PyObjectRef], kwnames: Option<&PyObject>) -> bool {
    !args.is_empty() || kwnames.is_some_and(|k| crate::call::kwnames_len(k) > 0)
}

fn object_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    if excess_args(args, kwnames) {
        let tp = obj.ob_type();
        if !tp
            .tp_init
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, object_init as initproc))
        {
            return Err(type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if tp
            .tp_new
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, object_new as newfunc))
        {
            return Err(type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                tp.name()
            )));
        }
    }
    Ok(())
}

/// `object.__new__`.
pub fn object_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    if excess_args(args, kwnames) {
        if !tp
            .tp_new
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, object_new as newfunc))
        {
            return Err(type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if tp
            .tp_init
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, object_init as initproc))
        {
            return Err(type_error(format!("{}() takes no arguments", tp.name())));
        }
    }
    if tp.has_feature(Py_TPFLAGS_IS_ABSTRACT) {
        return Err(abstract_instantiation_error(tp));
    }
    // SAFETY: a plain object's layout is its header; class instances' extra words
    // (slots, dict, weak list) are valid when zeroed (all `None`).
    let obj = unsafe {
        let op = PyType_GenericAlloc(tp, 0);
        if tp.is_gc() {
            gc::gc_track(op);
        }
        PyObjectRef::from_raw(NonNull::new_unchecked(op))
    };
    crate::dictobject::_PyObject_InitializeDict(&obj)?;
    Ok(obj)
}

fn abstract_instantiation_error(tp: &PyTypeObject) -> PyErr {
    let d = type_dict(tp);
    let methods = PyDict_GetItemWithError(&d, crate::intern!("__abstractmethods__"))
        .ok()
        .flatten();
    let mut names: Vec<String> = match methods {
        Some(m) => crate::r#abstract::PySequence_List_items(&m)
            .unwrap_or_default()
            .iter()
            .map(|n| as_str_lossy(n).into_owned())
            .collect(),
        None => Vec::new(),
    };
    names.sort();
    let joined = names.join(", ");
    type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        tp.name(),
        if names.len() > 1 { "s" } else { "" },
        joined
    ))
}

unsafe fn object_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead object; only its header (and zero or more class words
    // already cleared by `subtype_dealloc`) remain.
    unsafe { free_and_release_type(op) }
}

fn object_repr(obj: &PyObject) -> PyResult {
    object_default_repr(obj)
}

fn object_str(obj: &PyObject) -> PyResult {
    match obj.ob_type().tp_repr.get() {
        Some(f) => f(obj),
        None => object_default_repr(obj),
    }
}

fn object_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    Ok(crate::pyhash::_Py_HashPointer(obj.as_ptr() as usize))
}

/// `object.__eq__` and friends: identity for `==`; `!=` inverts `__eq__`.
fn object_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    match op {
        CompareOp::Eq => Ok(if a.is(b) {
            crate::boolobject::PyBool_FromLong(true)
        } else {
            not_implemented()
        }),
        CompareOp::Ne => {
            // By default `!=` is the inverse of `==`, unless `==` is not implemented.
            let Some(eq) = a.ob_type().tp_richcompare.get() else {
                return Ok(not_implemented());
            };
            let res = eq(a, b, CompareOp::Eq)?;
            if res.is(Py_NotImplemented()) {
                return Ok(res);
            }
            Ok(crate::boolobject::PyBool_FromLong(!PyObject_IsTrue(&res)?))
        }
        _ => Ok(not_implemented()),
    }
}

fn object_get_class(obj: &PyObject) -> PyResult {
    Ok(obj.ob_type().as_object().to_owned())
}

/// `compatible_with_tp_base`: do instances of `child` have exactly its base's
/// layout (nothing added, same deallocation)?
fn compatible_with_tp_base(child: &PyTypeObject) -> bool {
    let Some(parent) = child.base() else {
        return false;
    };
    child.tp_basicsize.get() == parent.tp_basicsize.get()
        && child.tp_itemsize.get() == parent.tp_itemsize.get()
        && child.tp_dictoffset.get() == parent.tp_dictoffset.get()
        && child.tp_weaklistoffset.get() == parent.tp_weaklistoffset.get()
        && child.is_gc() == parent.is_gc()
        && (child.tp_dealloc.get().map(|f| f as usize)
            == Some(subtype_dealloc as *const () as usize)
            || child.tp_dealloc.get().map(|f| f as usize)
                == parent.tp_dealloc.get().map(|f| f as usize))
}

/// `same_slots_added`: do `a` and `b` (with the same `tp_base`) add the same words
/// to it? pyrs lays out the `__slots__` first, then `__dict__` (two words when
/// managed), then `__weakref__`, and checks them in that order.
fn same_slots_added(a: &PyTypeObject, b: &PyTypeObject) -> bool {
    let Some(base) = a.base() else {
        return false;
    };
    if !a.is_heap_type() || !b.is_heap_type() {
        return false;
    }
    let mut size = base.tp_basicsize.get();
    if let (Some(slots_a), Some(slots_b)) = (a.ht_slots.get(), b.ht_slots.get()) {
        if !PyObject_RichCompareBool(&slots_a, &slots_b, CompareOp::Eq).unwrap_or(false) {
            return false;
        }
        // SAFETY: `ht_slots` is a tuple.
        let n = unsafe { slots_a.downcast_ref_unchecked::<PyTupleObject>() }.len();
        size += n * size_of::<usize>();
    }
    if a.tp_dictoffset.get() == size && b.tp_dictoffset.get() == size {
        size += size_of::<usize>();
        if a.has_feature(Py_TPFLAGS_MANAGED_DICT) {
            size += size_of::<usize>();
        }
    }
    if a.tp_weaklistoffset.get() == size && b.tp_weaklistoffset.get() == size {
        size += size_of::<usize>();
    }
    size == a.tp_basicsize.get() && size == b.tp_basicsize.get()
}

/// Can instances of `oldto` become instances of `newto`? Checked for `__class__` and
/// `__bases__` assignment (`attr` names which in the message). pyrs frees every
/// object with the same function, so the deallocator CPython compares (`PyObject_Del`
/// or `PyObject_GC_Del`) is told apart by the GC flag.
fn compatible_for_assignment(
    oldto: &PyTypeObject,
    newto: &PyTypeObject,
    attr: &str,
) -> PyResult<()> {
    if newto.tp_free.get().map(|f| f as usize) != oldto.tp_free.get().map(|f| f as usize)
        || newto.is_gc() != oldto.is_gc()
    {
        return Err(type_error(format!(
            "{attr} assignment: '{}' deallocator differs from '{}'",
            newto.name(),
            oldto.name()
        )));
    }
    let mut newbase = newto;
    while compatible_with_tp_base(newbase) {
        newbase = newbase.base().unwrap_or(newbase);
    }
    let mut oldbase = oldto;
    while compatible_with_tp_base(oldbase) {
        oldbase = oldbase.base().unwrap_or(oldbase);
    }
    let same_base = match (newbase.base(), oldbase.base()) {
        (Some(x), Some(y)) => std::ptr::eq(x, y),
        (None, None) => true,
        _ => false,
    };
    let differs =
        !std::ptr::eq(newbase, oldbase) && (!same_base || !same_slots_added(newbase, oldbase));
    if !differs
        && newto.has_feature(Py_TPFLAGS_MANAGED_DICT) == oldto.has_feature(Py_TPFLAGS_MANAGED_DICT)
    {
        return Ok(());
    }
    Err(type_error(format!(
        "{attr} assignment: '{}' object layout differs from '{}'",
        newto.name(),
        oldto.name()
    )))
}

fn object_set_class(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(type_error("can't delete __class__ attribute"));
    };
    let Some(newto) = as_type(value) else {
        return Err(type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            value.ob_type().name()
        )));
    };
    let oldto = obj.ob_type();
    // Instances of immutable (static) types may be shared or interned, so their
    // class is fixed; modules are the exception, both ways.
    let module = &crate::moduleobject::PyModule_Type;
    let immutable = |t: &PyTypeObject| !t.is_heap_type() || t.has_feature(Py_TPFLAGS_IMMUTABLETYPE);
    if !(PyType_IsSubtype(newto, module) && PyType_IsSubtype(oldto, module))
        && (immutable(newto) || immutable(oldto))
    {
        return Err(type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    compatible_for_assignment(oldto, newto, "__class__")?;
    // The values block is laid out by the old class's shared keys: changing the class
    // changes the keys, so the `__dict__` is materialised first.
    if oldto.has_feature(Py_TPFLAGS_MANAGED_DICT) {
        _PyObject_GetDictPtr(obj);
        if crate::object::instance_values(obj).is_some() {
            return Err(crate::pyerrors::PyErr_NoMemory());
        }
    }
    // An instance owns a reference to its type only when that type is a heap type.
    if newto.is_heap_type() {
        newto.as_object().incref();
    }
    let old_is_heap = oldto.is_heap_type();
    let old = obj.ob_type.replace(NonNull::from(newto));
    if old_is_heap {
        // SAFETY: the instance held a reference to its old (heap) type.
        unsafe { include::object::Py_DECREF(old.cast()) };
    }
    Ok(())
}

fn object_format(obj: &PyObject, spec: &PyObject) -> PyResult {
    let Some(s) = spec.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            spec.ob_type().name()
        )));
    };
    if !s.is_empty() {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            obj.ob_type().name()
        )));
    }
    PyObject_Str(obj)
}

fn object_sizeof(obj: &PyObject) -> PyResult {
    let tp = obj.ob_type();
    let mut size = tp.tp_basicsize.get();
    if tp.tp_itemsize.get() != 0 {
        size += tp.tp_itemsize.get()
            * crate::r#abstract::PyObject_Size(obj).unwrap_or(0).max(0) as usize;
    }
    Ok(crate::longobject::PyLong_FromLong(size as i64))
}

fn object_dir(obj: &PyObject) -> PyResult {
    let result = PyDict_New();
    if let Some(d) = _PyObject_LookupAttr(obj, crate::intern!("__dict__"))? {
        if PyDictObject::check(&d) {
            crate::dictobject::PyDict_Update(&result, &d)?;
        }
    }
    if let Some(cls) = _PyObject_LookupAttr(obj, crate::intern!("__class__"))? {
        merge_class_dict(&result, &cls)?;
    }
    Ok(PyDict_Keys(&result).into_object())
}

fn object_init_subclass(
    cls: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    // The default accepts no arguments; keywords given to a class statement end up
    // here when no base consumes them.
    if kwnames.is_some_and(|k| crate::call::kwnames_len(k) > 0) {
        return Err(type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            _cls_name(cls)
        )));
    }
    if !args.is_empty() {
        return Err(type_error(format!(
            "{}.__init_subclass__() takes no arguments ({} given)",
            _cls_name(cls),
            args.len()
        )));
    }
    Ok(none())
}

fn _cls_name(cls: &PyObject) -> String {
    as_type(cls)
        .map(|t| t.name().to_string())
        .unwrap_or_else(|| "object".into())
}

fn object_subclasshook(
    _cls: &PyObject,
    _args: &[PyObjectRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    Ok(not_implemented())
}

// --- Pickling support: __reduce__, __reduce_ex__, __getstate__ --------------------

/// The `copyreg` module, from `sys.modules` or imported (`import_copyreg`).
fn import_copyreg() -> PyResult {
    crate::pyhooks::import_module("copyreg")
}

/// `_PyType_GetSlotNames`: `cls.__slotnames__`, computed by `copyreg._slotnames`
/// (which caches it on the class) when the class does not have it yet.
fn _PyType_GetSlotNames(cls: &PyTypeObject) -> PyResult {
    if let Some(names) = PyDict_GetItemWithError(&type_dict(cls), crate::intern!("__slotnames__"))?
    {
        if !names.is(Py_None()) && !crate::listobject::PyListObject::check(&names) {
            return Err(type_error(format!(
                "{:.200}.__slotnames__ should be a list or None, not {:.200}",
                cls.tp_name,
                names.ob_type().name()
            )));
        }
        return Ok(names);
    }
    let copyreg = import_copyreg()?;
    let names = crate::call::PyObject_CallMethodOneArg(
        &copyreg,
        crate::intern!("_slotnames"),
        cls.as_object(),
    )?;
    if !names.is(Py_None()) && !crate::listobject::PyListObject::check(&names) {
        return Err(type_error(
            "copyreg._slotnames didn't return a list or None",
        ));
    }
    Ok(names)
}

/// `object_getstate_default`: the instance `__dict__` (or `None`), paired with a
/// dict of slot values when any are set. With `required`, refuse objects whose
/// layout holds C-level state that this cannot capture.
fn object_getstate_default(obj: &PyObject, required: bool) -> PyResult {
    let tp = obj.ob_type();
    if required && tp.tp_itemsize.get() != 0 {
        return Err(type_error(format!(
            "cannot pickle {:.200} objects",
            tp.tp_name
        )));
    }
    let mut state = match _PyObject_GetDictPtr(obj).and_then(|d| d.get()) {
        Some(d)
            if d.downcast_ref::<PyDictObject>()
                .is_some_and(|d| PyDict_Size(d) > 0) =>
        {
            d
        }
        _ => none(),
    };
    let slotnames = _PyType_GetSlotNames(tp)?;
    let slotnames = slotnames.downcast_ref::<crate::listobject::PyListObject>();
    if required {
        let word = size_of::<usize>();
        let mut basicsize = PyBaseObject_Type.tp_basicsize.get();
        if tp.tp_dictoffset.get() != 0 {
            // pyrs keeps a managed dict's two words (dict and values pointers) inside
            // the object, where CPython keeps them in front of it, uncounted.
            basicsize += if tp.has_feature(Py_TPFLAGS_MANAGED_DICT) {
                2 * word
            } else {
                word
            };
        }
        if tp.tp_weaklistoffset.get() != 0 {
            basicsize += word;
        }
        if let Some(names) = slotnames {
            basicsize += word * names.len();
        }
        if tp.tp_basicsize.get() > basicsize {
            return Err(type_error(format!(
                "cannot pickle '{:.200}' object",
                tp.tp_name
            )));
        }
    }
    if let Some(names) = slotnames.filter(|n| !n.is_empty()) {
        let slots = PyDict_New();
        let size = names.len();
        let mut i = 0;
        while let Some(name) = names.get(i) {
            if let Some(value) = _PyObject_LookupAttr(obj, &name)? {
                PyDict_SetItem(&slots, &name, &value)?;
            }
            // The list lives on the class, so a property could change it meanwhile.
            if names.len() != size {
                return Err(PyErr_SetString(
                    &crate::exceptions::PyExc_RuntimeError,
                    "__slotsname__ changed size during iteration",
                ));
            }
            i += 1;
        }
        if PyDict_Size(&slots) > 0 {
            state = PyTuple_New(vec![state, slots.into_object()]).into_object();
        }
    }
    Ok(state)
}

/// `object_getstate`: call the object's `__getstate__`, short-cutting the default one.
fn object_getstate(obj: &PyObject, required: bool) -> PyResult {
    let getstate = PyObject_GetAttr(obj, crate::intern!("__getstate__"))?;
    if let Some(f) = getstate.downcast_ref::<crate::methodobject::PyCFunctionObject>() {
        let is_default = matches!(f.m_ml.ml_meth,
            PyCFunction::NoArgs(m) if std::ptr::fn_addr_eq(m, object___getstate__ as fn(&PyObject) -> PyResult));
        if is_default && f.m_self.get().is_some_and(|s| s.is(obj)) {
            return object_getstate_default(obj, required);
        }
    }
    crate::call::PyObject_CallNoArgs(&getstate)
}

/// `_PyObject_GetState`: the state `__reduce__` of a C type pickles (`__dict__`, and
/// the slot values when there are any), through an overriding `__getstate__`.
pub fn _PyObject_GetState(obj: &PyObject) -> PyResult {
    object_getstate(obj, false)
}

/// `object.__getstate__()`.
fn object___getstate__(obj: &PyObject) -> PyResult {
    object_getstate(obj, false)
}

/// `_PyObject_GetNewArguments`: `(args, kwargs)` from `__getnewargs_ex__` or
/// `__getnewargs__`, either absent when the object has neither.
fn _PyObject_GetNewArguments(
    obj: &PyObject,
) -> PyResult<(Option<PyObjectRef>, Option<PyObjectRef>)> {
    if let Some(f) = _PyObject_LookupSpecial(obj, crate::intern!("__getnewargs_ex__"))? {
        let newargs = crate::call::PyObject_CallNoArgs(&f)?;
        let Some(t) = newargs.downcast_ref::<PyTupleObject>() else {
            return Err(type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{:.200}'",
                newargs.ob_type().name()
            )));
        };
        let [args, kwargs] = t.as_slice() else {
            return Err(PyErr_SetString(
                &crate::exceptions::PyExc_ValueError,
                format!(
                    "__getnewargs_ex__ should return a tuple of length 2, not {}",
                    t.len()
                ),
            ));
        };
        if !PyTupleObject::check(args) {
            return Err(type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{:.200}'",
                args.ob_type().name()
            )));
        }
        if !PyDictObject::check(kwargs) {
            return Err(type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{:.200}'",
                kwargs.ob_type().name()
            )));
        }
        return Ok((Some(args.clone()), Some(kwargs.clone())));
    }
    if let Some(f) = _PyObject_LookupSpecial(obj, crate::intern!("__getnewargs__"))? {
        let args = crate::call::PyObject_CallNoArgs(&f)?;
        if !PyTupleObject::check(&args) {
            return Err(type_error(format!(
                "__getnewargs__ should return a tuple, not '{:.200}'",
                args.ob_type().name()
            )));
        }
        return Ok((Some(args), None));
    }
    Ok((None, None))
}

/// `_PyObject_GetItemsIter`: iterators over a list's items and a dict's pairs, for
/// the fourth and fifth items of a reduce tuple (`None` for other objects).
fn _PyObject_GetItemsIter(obj: &PyObject) -> PyResult<(PyObjectRef, PyObjectRef)> {
    let listitems = if crate::listobject::PyListObject::check(obj) {
        crate::r#abstract::PyObject_GetIter(obj)?
    } else {
        none()
    };
    let dictitems = if PyDictObject::check(obj) {
        let items = crate::call::PyObject_CallMethodNoArgs(obj, crate::intern!("items"))?;
        crate::r#abstract::PyObject_GetIter(&items)?
    } else {
        none()
    };
    Ok((listitems, dictitems))
}

/// `reduce_newobj`: the protocol 2+ reduction, `copyreg.__newobj__(cls, *args)` or
/// `copyreg.__newobj_ex__(cls, args, kwargs)`, then the state and item iterators.
fn reduce_newobj(obj: &PyObject) -> PyResult {
    let tp = obj.ob_type();
    if tp.tp_new.get().is_none() {
        return Err(type_error(format!(
            "cannot pickle '{:.200}' object",
            tp.tp_name
        )));
    }
    let (args, kwargs) = _PyObject_GetNewArguments(obj)?;
    let copyreg = import_copyreg()?;
    let hasargs = args.is_some();
    let (newobj, newargs) = match (&args, &kwargs) {
        (_, Some(kw))
            if kw
                .downcast_ref::<PyDictObject>()
                .is_some_and(|d| PyDict_Size(d) > 0) =>
        {
            let newobj = PyObject_GetAttr(&copyreg, crate::intern!("__newobj_ex__"))?;
            let args = args
                .clone()
                .unwrap_or_else(|| PyTuple_New(Vec::new()).into_object());
            (
                newobj,
                PyTuple_New(vec![tp.as_object().to_owned(), args, kw.clone()]),
            )
        }
        _ => {
            let newobj = PyObject_GetAttr(&copyreg, crate::intern!("__newobj__"))?;
            let mut items = vec![tp.as_object().to_owned()];
            if let Some(a) = args
                .as_ref()
                .and_then(|a| a.downcast_ref::<PyTupleObject>())
            {
                items.extend_from_slice(a.as_slice());
            }
            (newobj, PyTuple_New(items))
        }
    };
    let required =
        !(hasargs || crate::listobject::PyListObject::check(obj) || PyDictObject::check(obj));
    let state = object_getstate(obj, required)?;
    let (listitems, dictitems) = _PyObject_GetItemsIter(obj)?;
    Ok(PyTuple_New(vec![
        newobj,
        newargs.into_object(),
        state,
        listitems,
        dictitems,
    ])
    .into_object())
}

/// `_common_reduce`: protocol 2 and up reduce here; 0 and 1 in `copyreg._reduce_ex`.
fn _common_reduce(obj: &PyObject, proto: i32) -> PyResult {
    if proto >= 2 {
        return reduce_newobj(obj);
    }
    let copyreg = import_copyreg()?;
    crate::call::PyObject_CallMethod(
        &copyreg,
        crate::intern!("_reduce_ex"),
        &[
            obj.to_owned(),
            crate::longobject::PyLong_FromLong(proto as i64),
        ],
    )
}

/// `object.__reduce__()`.
fn object___reduce__(obj: &PyObject) -> PyResult {
    _common_reduce(obj, 0)
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` wins over the
/// protocol-specific default.
fn object___reduce_ex__(obj: &PyObject, protocol: &PyObject) -> PyResult {
    let protocol = crate::listobject::int_converter(protocol)?;
    if let Some(reduce) = _PyObject_LookupAttr(obj, crate::intern!("__reduce__"))? {
        let objreduce =
            PyDict_GetItemWithError(&type_dict(&PyBaseObject_Type), crate::intern!("__reduce__"))?;
        let clsreduce = PyObject_GetAttr(obj.ob_type().as_object(), crate::intern!("__reduce__"))?;
        if !objreduce.is_some_and(|o| o.is(&clsreduce)) {
            return crate::call::PyObject_CallNoArgs(&reduce);
        }
    }
    _common_reduce(obj, protocol)
}

static OBJECT_GETSET: [PyGetSetDef; 1] = [PyGetSetDef {
    name: "__class__",
    get: Some(object_get_class),
    set: Some(object_set_class),
    doc: Some("the object's class"),
}];

static OBJECT_METHODS: [PyMethodDef; 8] = [
    PyMethodDef::new(
        "__reduce_ex__",
        PyCFunction::O(object___reduce_ex__),
        "__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle.",
    ),
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(object___reduce__),
        "__reduce__($self, /)\n--\n\nHelper for pickle.",
    ),
    PyMethodDef::new(
        "__getstate__",
        PyCFunction::NoArgs(object___getstate__),
        "__getstate__($self, /)\n--\n\nHelper for pickle.",
    ),
    PyMethodDef::new(
        "__subclasshook__",
        PyCFunction::FastKw(object_subclasshook),
        "Abstract classes can override this to customize issubclass().\n\nThis is invoked early on by abc.ABCMeta.__subclasscheck__().\nIt should return True, False or NotImplemented.  If it returns\nNotImplemented, the normal algorithm is used.  Otherwise, it\noverrides the normal algorithm (and the outcome is cached).\n",
    )
    .with_flags(METH_CLASS),
    PyMethodDef::new(
        "__init_subclass__",
        PyCFunction::FastKw(object_init_subclass),
        "This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may be\noverridden to extend subclasses.\n",
    )
    .with_flags(METH_CLASS),
    PyMethodDef::new(
        "__format__",
        PyCFunction::O(object_format),
        "__format__($self, format_spec, /)\n--\n\nDefault object formatter.",
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(object_sizeof),
        "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes.",
    ),
    PyMethodDef::new(
        "__dir__",
        PyCFunction::NoArgs(object_dir),
        "__dir__($self, /)\n--\n\nDefault dir() implementation.",
    ),
];

/// `object`.
pub static PyBaseObject_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "object",
    tp_basicsize: Cell::new(size_of::<PyObject>()),
    tp_dealloc: slot(object_dealloc),
    tp_repr: slot(object_repr),
    tp_hash: slot(object_hash),
    tp_str: slot(object_str),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("object()\n--\n\nThe base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"),
    tp_richcompare: slot(object_richcompare),
    tp_methods: &OBJECT_METHODS,
    tp_getset: &OBJECT_GETSET,
    tp_init: slot(object_init),
    tp_alloc: slot(PyType_GenericAlloc),
    tp_new: slot(object_new),
    tp_free: slot(PyObject_Free),
    ..PyTypeObject::DEFAULT
};

// --- super ----------------------------------------------------------------------------

/// `superobject`.
#[repr(C)]
pub struct PySuperObject {
    pub ob_base: PyObject,
    /// The class invoking super() (`type`).
    pub type_: PyCell<Option<PyObjectRef>>,
    /// The instance or class it is bound to (`obj`).
    pub obj: PyCell<Option<PyObjectRef>>,
    /// The type whose MRO is searched (`obj_type`).
    pub obj_type: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PySuperObject {}

impl PyTypeInfo for PySuperObject {
    fn type_object() -> &'static PyTypeObject {
        &PySuper_Type
    }
}

fn super_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    // SAFETY: `tp` is `super` or a subclass; fields are written here.
    let obj = unsafe {
        alloc_object(
            tp,
            PySuperObject {
                ob_base: PyObject_HEAD_INIT,
                type_: PyCell::new(None),
                obj: PyCell::new(None),
                obj_type: PyCell::new(None),
            },
        )
    };
    Ok(obj.into_object())
}

/// `supercheck`: the type whose MRO `super(type, obj)` searches.
fn supercheck(tp: &PyTypeObject, obj: &PyObject) -> PyResult<PyObjectRef> {
    // obj can be a class, or an instance of one.
    if let Some(ot) = as_type(obj) {
        if PyType_IsSubtype(ot, tp) {
            return Ok(obj.to_owned());
        }
    }
    if PyType_IsSubtype(obj.ob_type(), tp) {
        return Ok(obj.ob_type().as_object().to_owned());
    }
    // A proxy may claim another class through __class__.
    if let Ok(Some(cls)) = _PyObject_LookupAttr(obj, crate::intern!("__class__")) {
        if let Some(ct) = as_type(&cls) {
            if !std::ptr::eq(ct, obj.ob_type()) && PyType_IsSubtype(ct, tp) {
                return Ok(cls);
            }
        }
    }
    Err(type_error(
        "super(type, obj): obj must be an instance or subtype of type",
    ))
}

fn super_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    check_no_kwargs("super", kwnames)?;
    check_positional("super", args.len(), 0, 2)?;
    // SAFETY: `super_init` is installed on `super` only.
    let su = unsafe { &*(obj as *const PyObject as *const PySuperObject) };
    let (tp_obj, target) = match args.len() {
        0 => super_init_without_args()?,
        1 => (args[0].clone(), None),
        _ => (
            args[0].clone(),
            Some(args[1].clone()).filter(|o| !o.is(Py_None())),
        ),
    };
    let Some(tp) = as_type(&tp_obj) else {
        return Err(type_error(format!(
            "super() argument 1 must be a type, not {}",
            tp_obj.ob_type().name()
        )));
    };
    let obj_type = match &target {
        Some(o) => Some(supercheck(tp, o)?),
        None => None,
    };
    su.type_.set(Some(tp_obj.clone()));
    su.obj.set(target);
    su.obj_type.set(obj_type);
    Ok(())
}

/// Zero-argument `super()`: the `__class__` cell and the first argument of the
/// calling function's frame.
fn super_init_without_args() -> PyResult<(PyObjectRef, Option<PyObjectRef>)> {
    let ts = include::pystate::_PyThreadState_GET();
    let frame = ts.current_frame.get();
    if frame.is_null() {
        return Err(runtime_error("super(): no current frame"));
    }
    // SAFETY: the current frame is live; its code describes its local slots.
    unsafe {
        let f = &*frame;
        let co = &*f.f_code;
        if co.co_argcount == 0 {
            return Err(runtime_error("super(): no arguments"));
        }
        let slots = f.localsplus();
        let kinds = crate::codeobject::localspluskinds(co);
        let mut first = (*slots).clone();
        // If the first argument was moved into a cell, read through it.
        if kinds
            .first()
            .is_some_and(|k| k & include::code::CO_FAST_CELL != 0)
        {
            if let Some(c) = &first {
                if let Some(cell) = c.downcast_ref::<crate::cellobject::PyCellObject>() {
                    first = cell.get();
                }
            }
        }
        let Some(first) = first else {
            return Err(runtime_error("super(): arg[0] deleted"));
        };
        let names = crate::codeobject::localsplusnames(co);
        for (i, name) in names.iter().enumerate() {
            if kinds[i] & include::code::CO_FAST_FREE != 0 && name == "__class__" {
                let cell = (*slots.add(i)).clone();
                let Some(cell) = cell else { break };
                let Some(cell) = cell.downcast_ref::<crate::cellobject::PyCellObject>() else {
                    return Err(runtime_error("super(): bad __class__ cell"));
                };
                let Some(cls) = cell.get() else {
                    return Err(runtime_error("super(): empty __class__ cell"));
                };
                if as_type(&cls).is_none() {
                    return Err(runtime_error(format!(
                        "super(): __class__ is not a type ({})",
                        cls.ob_type().name()
                    )));
                }
                return Ok((cls, Some(first)));
            }
        }
        Err(runtime_error("super(): __class__ cell not found"))
    }
}

fn super_getattro(obj: &PyObject, name: &PyObject) -> PyResult {
    // SAFETY: installed on `super` only.
    let su = unsafe { &*(obj as *const PyObject as *const PySuperObject) };
    let starttype = su.obj_type.get();
    // `super().__class__` is the super object's class.
    let skip = starttype.is_none() || crate::unicodeobject::unicode_eq_str(name, "__class__");
    if !skip {
        if let (Some(start), Some(tp)) = (starttype, su.type_.get()) {
            let start_t = as_type(&start).ok_or_else(|| system_error("super: bad obj_type"))?;
            let mro = mro_of(start_t);
            // Search the MRO after `type`.
            if let Some(i) = mro.iter().position(|t| t.is(&tp)) {
                for base in &mro[i + 1..] {
                    let bt = as_type(base).ok_or_else(|| system_error("super: bad MRO"))?;
                    let d = type_dict(bt);
                    if let Some(res) = PyDict_GetItemWithError(&d, name)? {
                        if res.ob_type().tp_descr_get.get().is_some() {
                            let target = su.obj.get();
                            // An unbound super's instance is the class itself.
                            let inst = match &target {
                                Some(o) if o.is(&start) => None,
                                other => other.clone(),
                            };
                            return descr_get(&res, inst.as_deref(), Some(&start));
                        }
                        return Ok(res);
                    }
                }
            }
        }
    }
    PyObject_GenericGetAttr(obj, name)
}

fn super_repr(obj: &PyObject) -> PyResult {
    // SAFETY: installed on `super` only.
    let su = unsafe { &*(obj as *const PyObject as *const PySuperObject) };
    let tname = su
        .type_
        .get()
        .and_then(|t| as_type(&t).map(|t| t.name().to_string()));
    let tname = tname.unwrap_or_else(|| "NULL".into());
    let text = match su.obj_type.get() {
        Some(ot) => format!(
            "<super: <class '{}'>, <{} object>>",
            tname,
            as_type(&ot)
                .map(|t| t.name().to_string())
                .unwrap_or_default()
        ),
        None => format!("<super: <class '{tname}'>, NULL>"),
    };
    Ok(PyUnicode_FromString(&text))
}

fn super_descr_get(obj: &PyObject, inst: Option<&PyObject>, _owner: Option<&PyObject>) -> PyResult {
    // SAFETY: installed on `super` only.
    let su = unsafe { &*(obj as *const PyObject as *const PySuperObject) };
    match inst {
        None => Ok(obj.to_owned()),
        Some(i) if i.is(Py_None()) => Ok(obj.to_owned()),
        Some(_) if su.obj.get().is_some() => Ok(obj.to_owned()),
        Some(i) => {
            let tp = su.type_.get().unwrap_or_else(none);
            PyObject_Vectorcall(obj.ob_type().as_object(), &[tp, i.to_owned()], None)
        }
    }
}

unsafe fn super_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead super object.
    unsafe { dealloc_object::<PySuperObject>(op) }
}

fn super_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: installed on `super` only.
    let su = unsafe { &*(obj as *const PyObject as *const PySuperObject) };
    for c in [&su.obj, &su.type_, &su.obj_type] {
        // SAFETY: traversal runs no Python code.
        if let Some(o) = unsafe { c.get_ref() } {
            visit(o);
        }
    }
}

fn super_thisclass(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `super`.
    let su = unsafe { &*(obj as *const PyObject as *const PySuperObject) };
    Ok(su.type_.get().unwrap_or_else(none))
}

fn super_self(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `super`.
    let su = unsafe { &*(obj as *const PyObject as *const PySuperObject) };
    Ok(su.obj.get().unwrap_or_else(none))
}

fn super_self_class(obj: &PyObject) -> PyResult {
    // SAFETY: getset of `super`.
    let su = unsafe { &*(obj as *const PyObject as *const PySuperObject) };
    Ok(su.obj_type.get().unwrap_or_else(none))
}

static SUPER_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef::getter("__thisclass__", super_thisclass),
    PyGetSetDef::getter("__self__", super_self),
    PyGetSetDef::getter("__self_class__", super_self_class),
];

/// `super`.
pub static PySuper_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "super",
    tp_basicsize: Cell::new(size_of::<PySuperObject>()),
    tp_dealloc: slot(super_dealloc),
    tp_repr: slot(super_repr),
    tp_getattro: slot(super_getattro),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)\nTypical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, arg):\n        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n    def cmeth(cls, arg):\n        super().cmeth(arg)\n"),
    tp_traverse: slot(super_traverse),
    tp_getset: &SUPER_GETSET,
    tp_descr_get: slot(super_descr_get),
    tp_init: slot(super_init),
    tp_new: slot(super_new),
    ..PyTypeObject::DEFAULT
};

/// The `PyMemberDef`-like description a member descriptor carries (owned, since the
/// members of `__slots__` are made at run time).
pub use crate::descrobject::MemberSpec;

impl MemberSpec {
    pub fn from_def(m: &PyMemberDef) -> MemberSpec {
        MemberSpec {
            name: m.name.to_string(),
            type_code: m.type_code,
            offset: m.offset,
            readonly: m.flags & include::descrobject::READONLY != 0,
            doc: m.doc,
        }
    }
}

/// Errors from attribute access on missing names use this exception type.
pub fn is_attribute_error(err: &PyErr) -> bool {
    PyErr_ExceptionMatches(err, &PyExc_AttributeError)
}
