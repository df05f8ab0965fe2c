//! Generic object operations. Mirrors Objects/object.c (CPython 3.11): `repr()`,
//! `str()`, rich comparison, hashing, truth, generic attribute lookup, `None` and
//! `NotImplemented`, and the recursion guards.

use std::cell::Cell;
use std::ptr::NonNull;

use include::cpython::object::flags::*;
use include::object::GlobalCell;
use include::pystate::_PyThreadState_GET;

use crate::descrobject::{descr_get, descr_set, is_data_descriptor};
use crate::dictobject::{
    _PyObject_GetInstanceAttribute, _PyObject_MakeDictFromInstanceAttributes,
    _PyObject_StoreInstanceAttribute, _PyObject_ValuesPointer, PyDictObject, PyDictValues,
    PyDict_DelItem, PyDict_GetItemWithError, PyDict_New, PyDict_SetItem,
};
use crate::exceptions::PyExc_AttributeError;
use crate::prelude::*;
use crate::typeobject::{_PyType_Lookup, PyType_Type};
use crate::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

// --- None and NotImplemented -------------------------------------------------------

fn none_repr(_: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("None"))
}

fn none_bool(_: &PyObject) -> PyResult<bool> {
    Ok(false)
}

fn none_new(_: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    if !args.is_empty() || kwnames.is_some() {
        return Err(type_error("NoneType takes no arguments"));
    }
    Ok(Py_None().to_owned())
}

fn none_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    Ok(crate::pyhash::_Py_HashPointer(obj.as_ptr() as usize))
}

/// The type of `None` (`_PyNone_Type`).
pub static _PyNone_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "NoneType",
    tp_basicsize: Cell::new(std::mem::size_of::<PyObject>()),
    tp_repr: slot(none_repr),
    tp_hash: slot(none_hash),
    tp_new: slot(none_new),
    tp_as_number: include::cpython::object::PyNumberMethods {
        nb_bool: slot(none_bool),
        ..include::cpython::object::PyNumberMethods::EMPTY
    },
    ..PyTypeObject::DEFAULT
};

/// `None` (`_Py_NoneStruct`).
pub static _Py_NoneStruct: PyObject = PyObject::new_static(&_PyNone_Type);

/// `Py_None`, borrowed.
#[inline(always)]
pub fn Py_None() -> &'static PyObject {
    &_Py_NoneStruct
}

/// A new reference to `None` (`Py_RETURN_NONE`).
#[inline(always)]
pub fn none() -> PyObjectRef {
    _Py_NoneStruct.to_owned()
}

fn notimplemented_repr(_: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("NotImplemented"))
}

fn notimplemented_bool(_: &PyObject) -> PyResult<bool> {
    crate::pyhooks::PyErr_WarnEx(
        &crate::exceptions::PyExc_DeprecationWarning,
        "NotImplemented should not be used in a boolean context",
        1,
    )?;
    Ok(true)
}

fn notimplemented_new(
    _: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if !args.is_empty() || kwnames.is_some() {
        return Err(type_error("NotImplementedType takes no arguments"));
    }
    Ok(Py_NotImplemented().to_owned())
}

/// The type of `NotImplemented` (`_PyNotImplemented_Type`).
pub static _PyNotImplemented_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "NotImplementedType",
    tp_basicsize: Cell::new(std::mem::size_of::<PyObject>()),
    tp_repr: slot(notimplemented_repr),
    tp_new: slot(notimplemented_new),
    tp_as_number: include::cpython::object::PyNumberMethods {
        nb_bool: slot(notimplemented_bool),
        ..include::cpython::object::PyNumberMethods::EMPTY
    },
    ..PyTypeObject::DEFAULT
};

/// `NotImplemented` (`_Py_NotImplementedStruct`).
pub static _Py_NotImplementedStruct: PyObject = PyObject::new_static(&_PyNotImplemented_Type);

/// `Py_NotImplemented`, borrowed.
#[inline(always)]
pub fn Py_NotImplemented() -> &'static PyObject {
    &_Py_NotImplementedStruct
}

/// A new reference to `NotImplemented` (`Py_RETURN_NOTIMPLEMENTED`).
#[inline(always)]
pub fn not_implemented() -> PyObjectRef {
    _Py_NotImplementedStruct.to_owned()
}

// --- Recursion guards --------------------------------------------------------------

/// Bytes of Rust stack kept in reserve below the guard: enough to build and raise the
/// `RecursionError` and unwind.
pub const NATIVE_STACK_MARGIN: usize = 256 * 1024;

/// `Py_EnterRecursiveCall(where)`: count one level of Rust-side recursion (repr of a
/// nested container, a comparison calling `__eq__`, a nested eval loop) against the
/// recursion limit, and refuse if the native stack is nearly exhausted. The returned
/// guard leaves the level when dropped (`Py_LeaveRecursiveCall`).
#[inline]
pub fn Py_EnterRecursiveCall(where_: &str) -> PyResult<RecursionGuard> {
    let ts = _PyThreadState_GET();
    let remaining = ts.recursion_remaining.get();
    ts.recursion_remaining.set(remaining - 1);
    if remaining <= 0 || ts.native_stack_exhausted() {
        if let Err(e) = _Py_CheckRecursiveCall(where_) {
            ts.recursion_remaining.set(ts.recursion_remaining.get() + 1);
            return Err(e);
        }
    }
    Ok(RecursionGuard(()))
}

/// Leaves one level of recursion when dropped.
pub struct RecursionGuard(());

impl Drop for RecursionGuard {
    #[inline]
    fn drop(&mut self) {
        let ts = _PyThreadState_GET();
        ts.recursion_remaining.set(ts.recursion_remaining.get() + 1);
    }
}

/// `_Py_CheckRecursiveCall`: the slow path once the budget is used up. While a
/// `RecursionError` is being raised (headroom), a little extra depth is granted so the
/// exception can be created; the native stack is never allowed to run out.
#[cold]
pub fn _Py_CheckRecursiveCall(where_: &str) -> PyResult<()> {
    let ts = _PyThreadState_GET();
    if ts.native_stack_exhausted() {
        if ts.recursion_headroom.get() > 0 {
            // Raising the RecursionError itself ran out of stack: give up on it with
            // the preallocated-free error path (MemoryError has no arguments to build).
            return Err(PyErr::from_instance(
                crate::exceptions::memory_error_instance(),
            ));
        }
        ts.recursion_headroom.set(ts.recursion_headroom.get() + 1);
        let err = recursion_error(format!("maximum recursion depth exceeded{where_}"));
        ts.recursion_headroom.set(ts.recursion_headroom.get() - 1);
        return Err(err);
    }
    if ts.recursion_headroom.get() > 0 {
        if ts.recursion_remaining.get() < -50 {
            return Err(PyErr::from_instance(
                crate::exceptions::memory_error_instance(),
            ));
        }
        return Ok(());
    }
    if ts.recursion_remaining.get() < 0 {
        ts.recursion_headroom.set(ts.recursion_headroom.get() + 1);
        let err = recursion_error(format!("maximum recursion depth exceeded{where_}"));
        ts.recursion_headroom.set(ts.recursion_headroom.get() - 1);
        return Err(err);
    }
    Ok(())
}

/// `Py_ReprEnter`: detect a container reached again while computing its own repr.
/// Returns `Ok(false)` the first time (the caller must `Py_ReprLeave` afterwards) and
/// `Ok(true)` on re-entry (the caller prints `[...]` or `{...}`).
pub fn Py_ReprEnter(obj: &PyObject) -> PyResult<bool> {
    // SAFETY: single-threaded; the vector is not borrowed across calls.
    let list = unsafe { REPR_STACK.get_mut() };
    let p = obj.as_ptr() as usize;
    if list.contains(&p) {
        return Ok(true);
    }
    list.push(p);
    Ok(false)
}

/// `Py_ReprLeave`.
pub fn Py_ReprLeave(obj: &PyObject) {
    // SAFETY: single-threaded; the vector is not borrowed across calls.
    let list = unsafe { REPR_STACK.get_mut() };
    let p = obj.as_ptr() as usize;
    if let Some(i) = list.iter().rposition(|&q| q == p) {
        list.remove(i);
    }
}

static REPR_STACK: GlobalCell<Vec<usize>> = GlobalCell::new(Vec::new());

// --- repr, str ---------------------------------------------------------------------

/// `PyObject_Repr`: `repr(obj)`.
pub fn PyObject_Repr(obj: &PyObject) -> PyResult {
    let tp = obj.ob_type();
    let Some(f) = tp.tp_repr.get() else {
        return object_default_repr(obj);
    };
    let _guard = Py_EnterRecursiveCall(" while getting the repr of an object")?;
    let res = f(obj)?;
    if !PyUnicodeObject::check(&res) {
        return Err(type_error(format!(
            "__repr__ returned non-string (type {})",
            res.ob_type().name()
        )));
    }
    Ok(res)
}

/// `<module.Name object at 0x...>`, the repr of objects without one of their own.
pub fn object_default_repr(obj: &PyObject) -> PyResult {
    let tp = obj.ob_type();
    let module = crate::typeobject::type_module_name(tp)?;
    let qualname = crate::typeobject::type_qualname(tp)?;
    let text = match module {
        Some(m) if m != "builtins" => format!("<{m}.{qualname} object at {:p}>", obj.as_ptr()),
        _ => format!("<{qualname} object at {:p}>", obj.as_ptr()),
    };
    Ok(PyUnicode_FromString(&text))
}

/// `PyObject_Str`: `str(obj)`.
pub fn PyObject_Str(obj: &PyObject) -> PyResult {
    if PyUnicodeObject::check_exact(obj) {
        return Ok(obj.to_owned());
    }
    let tp = obj.ob_type();
    let Some(f) = tp.tp_str.get() else {
        return PyObject_Repr(obj);
    };
    let _guard = Py_EnterRecursiveCall(" while getting the str of an object")?;
    let res = f(obj)?;
    if !PyUnicodeObject::check(&res) {
        return Err(type_error(format!(
            "__str__ returned non-string (type {})",
            res.ob_type().name()
        )));
    }
    Ok(res)
}

/// `PyObject_ASCII`: `ascii(obj)`, the repr with non-ASCII characters escaped.
pub fn PyObject_ASCII(obj: &PyObject) -> PyResult {
    let repr = PyObject_Repr(obj)?;
    crate::unicodeobject::ascii_escape(&repr)
}

// --- comparison ----------------------------------------------------------------------

/// `PyObject_RichCompare`: `v op w`, trying the reflected operation of `w` first when
/// `w`'s type is a proper subclass of `v`'s that overrides the comparison, falling back
/// to identity for `==` and `!=`.
pub fn PyObject_RichCompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    let _guard = Py_EnterRecursiveCall(" in comparison")?;
    do_richcompare(v, w, op)
}

fn do_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    let vt = v.ob_type();
    let wt = w.ob_type();
    let mut checked_reverse = false;
    if !std::ptr::eq(vt, wt) && crate::typeobject::PyType_IsSubtype(wt, vt) {
        if let Some(f) = wt.tp_richcompare.get() {
            checked_reverse = true;
            let res = f(w, v, op.swapped())?;
            if !res.is(Py_NotImplemented()) {
                return Ok(res);
            }
        }
    }
    if let Some(f) = vt.tp_richcompare.get() {
        let res = f(v, w, op)?;
        if !res.is(Py_NotImplemented()) {
            return Ok(res);
        }
    }
    if !checked_reverse {
        if let Some(f) = wt.tp_richcompare.get() {
            let res = f(w, v, op.swapped())?;
            if !res.is(Py_NotImplemented()) {
                return Ok(res);
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(crate::boolobject::PyBool_FromLong(v.is(w))),
        CompareOp::Ne => Ok(crate::boolobject::PyBool_FromLong(!v.is(w))),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            vt.name(),
            wt.name()
        ))),
    }
}

/// `PyObject_RichCompareBool`: like `PyObject_RichCompare` but returns the truth of the
/// result; identity implies equality for `==` and `!=`, as containers rely on.
#[inline]
pub fn PyObject_RichCompareBool(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult<bool> {
    if v.is(w) {
        match op {
            CompareOp::Eq => return Ok(true),
            CompareOp::Ne => return Ok(false),
            _ => {}
        }
    }
    let res = PyObject_RichCompare(v, w, op)?;
    PyObject_IsTrue(&res)
}

// --- hashing and truth ---------------------------------------------------------------

/// `PyObject_Hash`: `hash(obj)`.
#[inline]
pub fn PyObject_Hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    match obj.ob_type().tp_hash.get() {
        Some(f) => f(obj),
        None => Err(PyObject_HashNotImplemented(obj)),
    }
}

/// `PyObject_HashNotImplemented`: the error for unhashable objects.
pub fn PyObject_HashNotImplemented(obj: &PyObject) -> PyErr {
    type_error(format!("unhashable type: '{}'", obj.ob_type().name()))
}

/// `PyObject_IsTrue`: `bool(obj)`.
#[inline]
pub fn PyObject_IsTrue(obj: &PyObject) -> PyResult<bool> {
    if obj.is(crate::boolobject::Py_True()) {
        return Ok(true);
    }
    if obj.is(crate::boolobject::Py_False()) || obj.is(Py_None()) {
        return Ok(false);
    }
    let tp = obj.ob_type();
    if let Some(f) = tp.tp_as_number.nb_bool.get() {
        return f(obj);
    }
    if let Some(f) = tp.tp_as_mapping.mp_length.get() {
        return Ok(f(obj)? != 0);
    }
    if let Some(f) = tp.tp_as_sequence.sq_length.get() {
        return Ok(f(obj)? != 0);
    }
    Ok(true)
}

/// `PyObject_Not`: `not obj`.
pub fn PyObject_Not(obj: &PyObject) -> PyResult<bool> {
    Ok(!PyObject_IsTrue(obj)?)
}

// --- attributes ------------------------------------------------------------------------

fn check_attr_name(name: &PyObject) -> PyResult<()> {
    if PyUnicodeObject::check(name) {
        Ok(())
    } else {
        Err(type_error(format!(
            "attribute name must be string, not '{}'",
            name.ob_type().name()
        )))
    }
}

/// `PyObject_GetAttr`: `getattr(obj, name)`.
#[inline]
pub fn PyObject_GetAttr(obj: &PyObject, name: &PyObject) -> PyResult {
    check_attr_name(name)?;
    match obj.ob_type().tp_getattro.get() {
        Some(f) => f(obj, name).inspect_err(|e| {
            // An AttributeError raised by a `__getattr__` or a descriptor gets the
            // object and name too, for the "Did you mean" suggestion.
            crate::exceptions::set_attribute_error_context(e, obj, name);
        }),
        None => Err(no_attribute_error(obj, name)),
    }
}

/// `PyObject_GetAttrString`.
pub fn PyObject_GetAttrString(obj: &PyObject, name: &str) -> PyResult {
    let name = crate::unicodeobject::PyUnicode_InternFromString(name);
    PyObject_GetAttr(obj, &name)
}

/// `_PyObject_LookupAttr`: `getattr(obj, name)` that answers `Ok(None)` instead of
/// raising `AttributeError`.
pub fn _PyObject_LookupAttr(obj: &PyObject, name: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let tp = obj.ob_type();
    if tp.tp_getattro.get().is_some_and(|f| {
        std::ptr::fn_addr_eq(
            f,
            PyObject_GenericGetAttr as include::cpython::object::slots::getattrofunc,
        )
    }) {
        return _PyObject_GenericGetAttrWithDict(obj, name, None, true);
    }
    match PyObject_GetAttr(obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `PyObject_HasAttr` with errors other than `AttributeError` propagated.
pub fn PyObject_HasAttrWithError(obj: &PyObject, name: &PyObject) -> PyResult<bool> {
    Ok(_PyObject_LookupAttr(obj, name)?.is_some())
}

/// `PyObject_SetAttr`: `setattr(obj, name, value)`, or `delattr` when `value` is `None`.
pub fn PyObject_SetAttr(obj: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    check_attr_name(name)?;
    let tp = obj.ob_type();
    // Attribute names are interned, so later lookups compare by identity.
    let name = crate::unicodeobject::PyUnicode_InternInPlace(name.to_owned());
    match tp.tp_setattro.get() {
        Some(f) => f(obj, &name, value),
        None => {
            let has_getattr = tp.tp_getattro.get().is_some();
            let what = if value.is_some() {
                "assign to"
            } else {
                "delete"
            };
            let msg = if has_getattr {
                format!(
                    "'{}' object has only read-only attributes ({} .{})",
                    tp.name(),
                    what,
                    crate::unicodeobject::as_str_lossy(&name)
                )
            } else {
                format!(
                    "'{}' object has no attributes ({} .{})",
                    tp.name(),
                    what,
                    crate::unicodeobject::as_str_lossy(&name)
                )
            };
            Err(type_error(msg))
        }
    }
}

/// The standard `AttributeError` for a missing attribute, with `name` and `obj` set
/// so that `NameError`/`AttributeError` suggestions can be computed.
pub fn no_attribute_error(obj: &PyObject, name: &PyObject) -> PyErr {
    let err = attribute_error(format!(
        "'{}' object has no attribute '{}'",
        obj.ob_type().name(),
        crate::unicodeobject::as_str_lossy(name)
    ));
    crate::exceptions::set_attribute_error_context(&err, obj, name);
    err
}

/// The address of the instance `__dict__` slot (`_PyObject_DictPointer`), if the type
/// has one, as it is: an instance of a class with shared keys may still keep its
/// attributes in a values block (see [`_PyObject_GetDictPtr`]).
#[inline]
pub fn _PyObject_DictPointer(obj: &PyObject) -> Option<&PyCell<Option<PyObjectRef>>> {
    let offset = obj.ob_type().tp_dictoffset.get();
    if offset == 0 {
        return None;
    }
    // SAFETY: `tp_dictoffset` is the offset of a `PyCell<Option<PyObjectRef>>` inside
    // every instance of the type (set by the type's definition or by `type_new`).
    Some(unsafe {
        &*((obj.as_ptr() as *const u8).add(offset) as *const PyCell<Option<PyObjectRef>>)
    })
}

/// The address of the instance `__dict__` slot (`_PyObject_GetDictPtr`), if the type
/// has one. Like CPython's, it first materialises the `__dict__` of an instance whose
/// attributes are still in a values block (`Py_TPFLAGS_MANAGED_DICT`), since the
/// caller may read or replace the dict; `None` if that fails for lack of memory.
#[inline]
pub fn _PyObject_GetDictPtr(obj: &PyObject) -> Option<&PyCell<Option<PyObjectRef>>> {
    let slot = _PyObject_DictPointer(obj)?;
    if obj.ob_type().has_feature(Py_TPFLAGS_MANAGED_DICT) {
        // SAFETY: the type is managed.
        if unsafe { _PyObject_ValuesPointer(obj) }.get().is_some() {
            _PyObject_MakeDictFromInstanceAttributes(obj).ok()?;
        }
    }
    Some(slot)
}

/// The instance's values block, if its class shares keys and its `__dict__` has not
/// been materialised.
#[inline(always)]
pub fn instance_values(obj: &PyObject) -> Option<NonNull<PyDictValues>> {
    if obj.ob_type().has_feature(Py_TPFLAGS_MANAGED_DICT) {
        // SAFETY: the type is managed.
        unsafe { _PyObject_ValuesPointer(obj) }.get()
    } else {
        None
    }
}

/// The instance `__dict__`, created on first use (`PyObject_GenericGetDict`'s core).
pub fn _PyObject_GetOrCreateDict(obj: &PyObject) -> Option<PyObjectRef> {
    let slot = _PyObject_GetDictPtr(obj)?;
    if let Some(d) = slot.get() {
        return Some(d);
    }
    let d = PyDict_New().into_object();
    slot.set(Some(d.clone()));
    Some(d)
}

/// `PyObject_GenericGetAttr`: data descriptors on the type, then the instance
/// `__dict__`, then other descriptors and plain class attributes.
pub fn PyObject_GenericGetAttr(obj: &PyObject, name: &PyObject) -> PyResult {
    match _PyObject_GenericGetAttrWithDict(obj, name, None, false)? {
        Some(v) => Ok(v),
        None => Err(no_attribute_error(obj, name)),
    }
}

/// `_PyObject_GenericGetAttrWithDict`. With `suppress`, a missing attribute gives
/// `Ok(None)` rather than an error (used by `_PyObject_LookupAttr`).
pub fn _PyObject_GenericGetAttrWithDict(
    obj: &PyObject,
    name: &PyObject,
    dict: Option<&PyObject>,
    suppress: bool,
) -> PyResult<Option<PyObjectRef>> {
    let tp = obj.ob_type();
    let descr = _PyType_Lookup(tp, name);
    if let Some(d) = &descr {
        // A data descriptor wins over the instance dict only if it has `__get__`.
        if d.ob_type().tp_descr_get.get().is_some() && is_data_descriptor(d) {
            return suppress_attribute_error(
                descr_get(d, Some(obj), Some(tp.as_object())),
                suppress,
            );
        }
    }
    let own_dict = match dict {
        Some(d) => Some(d.to_owned()),
        None => match instance_values(obj) {
            Some(values) if name.is_type(&crate::unicodeobject::PyUnicode_Type) => {
                if let Some(v) = _PyObject_GetInstanceAttribute(obj, values, name) {
                    return Ok(Some(v));
                }
                None
            }
            _ => _PyObject_GetDictPtr(obj).and_then(|slot| slot.get()),
        },
    };
    if let Some(d) = own_dict {
        // SAFETY: instance dict slots only ever hold dicts (checked on assignment).
        let d = unsafe { d.downcast_ref_unchecked::<PyDictObject>() };
        if let Some(v) = PyDict_GetItemWithError(d, name)? {
            return Ok(Some(v));
        }
    }
    if let Some(d) = descr {
        if d.ob_type().tp_descr_get.get().is_some() {
            return suppress_attribute_error(
                descr_get(&d, Some(obj), Some(tp.as_object())),
                suppress,
            );
        }
        return Ok(Some(d));
    }
    if suppress {
        Ok(None)
    } else {
        Err(no_attribute_error(obj, name))
    }
}

/// With `suppress`, an `AttributeError` raised by a descriptor's `__get__` also
/// means "no such attribute", as in `_PyObject_GenericGetAttrWithDict`.
fn suppress_attribute_error(r: PyResult, suppress: bool) -> PyResult<Option<PyObjectRef>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if suppress && PyErr_ExceptionMatches(&e, &PyExc_AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `PyObject_GenericSetAttr`: data descriptors on the type, else the instance
/// `__dict__`.
pub fn PyObject_GenericSetAttr(
    obj: &PyObject,
    name: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let tp = obj.ob_type();
    let descr = _PyType_Lookup(tp, name);
    if let Some(d) = &descr {
        if d.ob_type().tp_descr_set.get().is_some() {
            return descr_set(d, obj, value);
        }
    }
    if let Some(values) = instance_values(obj) {
        return _PyObject_StoreInstanceAttribute(obj, values, name, value);
    }
    let Some(slot) = _PyObject_GetDictPtr(obj) else {
        return Err(match descr {
            Some(_) => attribute_error(format!(
                "'{}' object attribute '{}' is read-only",
                tp.name(),
                crate::unicodeobject::as_str_lossy(name)
            )),
            None => no_attribute_error(obj, name),
        });
    };
    match value {
        Some(v) => {
            let d = match slot.get() {
                Some(d) => d,
                None => {
                    let d = PyDict_New().into_object();
                    slot.set(Some(d.clone()));
                    d
                }
            };
            // SAFETY: instance dict slots only ever hold dicts.
            let d = unsafe { d.downcast_ref_unchecked::<PyDictObject>() };
            PyDict_SetItem(d, name, v)
        }
        None => {
            let Some(d) = slot.get() else {
                return Err(no_attribute_error(obj, name));
            };
            // SAFETY: as above.
            let d = unsafe { d.downcast_ref_unchecked::<PyDictObject>() };
            match PyDict_DelItem(d, name) {
                Ok(()) => Ok(()),
                Err(e) if PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_KeyError) => {
                    Err(no_attribute_error(obj, name))
                }
                Err(e) => Err(e),
            }
        }
    }
}

/// `_PyObject_GetMethod`, the lookup behind `LOAD_METHOD`: find `name` on `obj` without
/// creating a bound method when it is a plain function (or method descriptor) found on
/// the type. Returns `(callable, true)` for such an unbound method, which the caller
/// calls with `obj` as first argument, or `(attribute, false)` otherwise.
pub fn _PyObject_GetMethod(obj: &PyObject, name: &PyObject) -> PyResult<(PyObjectRef, bool)> {
    let tp = obj.ob_type();
    if !tp.tp_getattro.get().is_some_and(|f| {
        std::ptr::fn_addr_eq(
            f,
            PyObject_GenericGetAttr as include::cpython::object::slots::getattrofunc,
        )
    }) || !PyUnicodeObject::check(name)
    {
        return Ok((PyObject_GetAttr(obj, name)?, false));
    }
    let descr = _PyType_Lookup(tp, name);
    let mut meth_found = false;
    if let Some(d) = &descr {
        if d.ob_type().has_feature(Py_TPFLAGS_METHOD_DESCRIPTOR) {
            meth_found = true;
        } else if d.ob_type().tp_descr_get.get().is_some() && is_data_descriptor(d) {
            return Ok((descr_get(d, Some(obj), Some(tp.as_object()))?, false));
        }
    }
    if let Some(values) = instance_values(obj) {
        if let Some(v) = _PyObject_GetInstanceAttribute(obj, values, name) {
            return Ok((v, false));
        }
    } else if let Some(d) = _PyObject_DictPointer(obj).and_then(|slot| slot.get()) {
        // SAFETY: instance dict slots only ever hold dicts.
        let d = unsafe { d.downcast_ref_unchecked::<PyDictObject>() };
        if let Some(v) = PyDict_GetItemWithError(d, name)? {
            return Ok((v, false));
        }
    }
    if meth_found {
        // `descr` is Some when meth_found.
        if let Some(d) = descr {
            return Ok((d, true));
        }
    }
    if let Some(d) = descr {
        if d.ob_type().tp_descr_get.get().is_some() {
            return Ok((descr_get(&d, Some(obj), Some(tp.as_object()))?, false));
        }
        return Ok((d, false));
    }
    Err(no_attribute_error(obj, name))
}

/// `id(obj)`.
pub fn object_id(obj: &PyObject) -> usize {
    obj.as_ptr() as usize
}

/// A raw pointer to a static type, for `tp_base` fields of static type definitions.
pub const fn type_ptr(tp: &'static PyTypeObject) -> Cell<Option<NonNull<PyTypeObject>>> {
    // SAFETY: a reference is never null.
    Cell::new(Some(unsafe {
        NonNull::new_unchecked(tp as *const PyTypeObject as *mut PyTypeObject)
    }))
}

/// `PyObject_CallFinalizer`: run the object's `tp_finalize` (`__del__`) unless it has
/// run already (PEP 442: at most once per object), marking it as run.
pub fn PyObject_CallFinalizer(obj: &PyObject) {
    let tp = obj.ob_type();
    let Some(finalize) = tp.tp_finalize.get() else {
        return;
    };
    if tp.is_gc() {
        // SAFETY: objects of GC types carry a GC header.
        unsafe {
            if include::gc::gc_finalized(obj) {
                return;
            }
            include::gc::gc_set_finalized(obj);
        }
    }
    finalize(obj);
}
