//! Weak references: `weakref.ref` (`ReferenceType`), `weakref.ProxyType` and
//! `weakref.CallableProxyType`. Mirrors Objects/weakrefobject.c (CPython 3.11).
//!
//! An object that can be weakly referenced has a *weak-reference list*: a word at
//! `tp_weaklistoffset` in its instances that points at the first of a doubly linked
//! list of the weak references to it (`wr_prev`/`wr_next`). The list holds no
//! references: a weak reference unlinks itself when it dies, and when the referent
//! dies [`PyObject_ClearWeakRefs`] unlinks every weak reference, points it at nothing
//! and calls the callbacks. The cycle collector clears the weak references to the
//! garbage it found before freeing anything (`handle_weakrefs` in `gcmodule`).
//!
//! The list keeps CPython's order: first the callback-less exact `ref` (shared by
//! every `ref(obj)` call), then the callback-less proxy, then the others, newest
//! first. Callbacks therefore run newest first.
//!
//! Differences from CPython:
//! - The weak-reference list word is declared as `PyCell<Option<PyObjectRef>>` in the
//!   structs of the types that have one, but it holds a *borrowed* pointer; only this
//!   file reads or writes it, through [`weakrefs_listptr`]. Every deallocator calls
//!   [`PyObject_ClearWeakRefs`] before its fields are dropped, which leaves the word
//!   empty, so dropping the field never releases a reference it does not own.
//! - `wr_object` is `None` for a dead reference where CPython stores `Py_None`.
//! - The instance's `vectorcall` word is kept (so `__basicsize__` is CPython's 64) but
//!   calls go through the type's `tp_call`, as everywhere in pyrs.

use std::cell::Cell;
use std::mem::size_of;
use std::ptr::{self, NonNull};

use include::cpython::object::flags::*;
use include::cpython::object::{PyMappingMethods, PyNumberMethods, PySequenceMethods};
use include::descrobject::{MemberType, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef};
use include::opcode::nb;

use crate::call::{PyObject_CallMethodNoArgs, PyObject_CallOneArg, PyObject_Vectorcall};
use crate::exceptions::PyExc_ReferenceError;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::r#abstract::*;
use crate::typeobject::{_PyObject_LookupSpecial, PyType_IsSubtype, PyType_Type};
use crate::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

/// `PyWeakReference`: the instance layout of `ref`, its subclasses and both proxy
/// types.
#[repr(C)]
pub struct PyWeakReference {
    pub ob_base: PyObject,
    /// The referent (borrowed: a weak reference does not keep it alive), `None` once
    /// it has died or the reference was cleared.
    pub wr_object: Cell<Option<NonNull<PyObject>>>,
    /// The callback (strong), called with this reference when the referent dies.
    pub wr_callback: PyCell<Option<PyObjectRef>>,
    /// The referent's hash, computed on the first `hash()` and kept after it dies;
    /// -1 until then.
    pub hash: Cell<Py_hash_t>,
    /// Neighbours in the referent's weak-reference list (borrowed).
    pub wr_prev: Cell<*mut PyWeakReference>,
    pub wr_next: Cell<*mut PyWeakReference>,
    /// CPython's per-instance `vectorcall` pointer; unused (see the module note).
    _vectorcall: usize,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyWeakReference {}

impl PyTypeInfo for PyWeakReference {
    fn type_object() -> &'static PyTypeObject {
        &_PyWeakref_RefType
    }
}

// The weak-reference list word is read and written as a raw pointer (see the module
// note); this holds as long as `Option<PyObjectRef>` is a nullable pointer.
const _: () =
    assert!(size_of::<PyCell<Option<PyObjectRef>>>() == size_of::<*mut PyWeakReference>());
const _: () = assert!(size_of::<PyWeakReference>() == 64);

impl PyWeakReference {
    /// The referent, if it is alive (`PyWeakref_GET_OBJECT`, which gives `None` for a
    /// dead reference). Borrowed: take a reference before running Python code.
    /// A referent whose reference count has dropped to zero counts as dead: its
    /// deallocation may be deferred (a long chain of deallocations is unwound
    /// iteratively, as CPython's trashcan) with its weak references not yet
    /// cleared, and handing it out would resurrect it and free it twice
    /// (CPython's `Py_REFCNT(obj) > 0` check, gh-60806).
    #[inline]
    pub fn object(&self) -> Option<&PyObject> {
        // SAFETY: a referent stays allocated while `wr_object` points at it: it
        // clears the pointer (`PyObject_ClearWeakRefs`) before it is freed.
        let ob = self.wr_object.get().map(|p| unsafe { &*p.as_ptr() })?;
        (ob.refcnt() > 0).then_some(ob)
    }

    /// A new reference to the referent, or `None` if it is dead.
    #[inline]
    pub fn get_object(&self) -> Option<PyObjectRef> {
        self.object().map(|o| o.to_owned())
    }

    fn as_ptr(&self) -> *mut PyWeakReference {
        self as *const PyWeakReference as *mut PyWeakReference
    }
}

fn as_wr(obj: &PyObject) -> &PyWeakReference {
    // SAFETY: only installed on `ref`, its subclasses and the proxy types, whose
    // instances all have `PyWeakReference`'s layout.
    unsafe { &*(obj as *const PyObject as *const PyWeakReference) }
}

// --- type checks --------------------------------------------------------------------------

/// `PyWeakref_CheckRef`: a `ref` or an instance of a subclass of it.
#[inline]
pub fn PyWeakref_CheckRef(obj: &PyObject) -> bool {
    obj.is_type(&_PyWeakref_RefType) || PyType_IsSubtype(obj.ob_type(), &_PyWeakref_RefType)
}

/// `PyWeakref_CheckRefExact`.
#[inline]
pub fn PyWeakref_CheckRefExact(obj: &PyObject) -> bool {
    obj.is_type(&_PyWeakref_RefType)
}

/// `PyWeakref_CheckProxy`: either proxy type (they cannot be subclassed).
#[inline]
pub fn PyWeakref_CheckProxy(obj: &PyObject) -> bool {
    obj.is_type(&_PyWeakref_ProxyType) || obj.is_type(&_PyWeakref_CallableProxyType)
}

/// `PyWeakref_Check`: any weak reference.
#[inline]
pub fn PyWeakref_Check(obj: &PyObject) -> bool {
    PyWeakref_CheckRef(obj) || PyWeakref_CheckProxy(obj)
}

/// `_PyType_SUPPORTS_WEAKREFS`: do the type's instances have a weak-reference list?
#[inline]
pub fn _PyType_SUPPORTS_WEAKREFS(tp: &PyTypeObject) -> bool {
    tp.tp_weaklistoffset.get() > 0
}

/// `_PyObject_GET_WEAKREFS_LISTPTR`: the address of the object's weak-reference list
/// word.
///
/// # Safety
/// The object's type must support weak references.
#[inline]
pub unsafe fn weakrefs_listptr(obj: &PyObject) -> *mut *mut PyWeakReference {
    // SAFETY: `tp_weaklistoffset` is the offset of the list word inside every
    // instance of the type (the caller checked that there is one).
    unsafe {
        (obj.as_ptr() as *mut u8).add(obj.ob_type().tp_weaklistoffset.get())
            as *mut *mut PyWeakReference
    }
}

/// The first weak reference in an object's weak-reference list, as a new reference:
/// what the `__weakref__` attribute shows. `slot` is the list word.
pub fn first_weakref(slot: &PyCell<Option<PyObjectRef>>) -> Option<PyObjectRef> {
    // SAFETY: the word holds a borrowed pointer to a live weak reference, or null
    // (see the module note); a reference in the list is alive.
    unsafe {
        let head = *(slot.as_ptr() as *const *mut PyWeakReference);
        if head.is_null() {
            None
        } else {
            Some((*head).ob_base.to_owned())
        }
    }
}

// --- the list -----------------------------------------------------------------------------

/// `_PyWeakref_GetWeakrefCount`: the length of the list starting at `head`.
///
/// # Safety
/// `head` must be null or the first member of an object's weak reference list.
pub unsafe fn _PyWeakref_GetWeakrefCount(mut head: *mut PyWeakReference) -> usize {
    let mut count = 0;
    while !head.is_null() {
        count += 1;
        // SAFETY: list members are live weak references (function contract).
        head = unsafe { (*head).wr_next.get() };
    }
    count
}

/// `clear_weakref`: unlink the reference from its referent's list, point it at
/// nothing and drop its callback.
fn clear_weakref(wr: &PyWeakReference) {
    // The pointer itself, not `object()`: a referent being deallocated (refcount
    // zero) still has `wr` in its list.
    if let Some(obj) = wr.wr_object.get() {
        // SAFETY: the referent is allocated and supports weak references (it has a
        // list that `wr` is in); the neighbours are live weak references.
        unsafe {
            let obj = &*obj.as_ptr();
            let list = weakrefs_listptr(obj);
            if *list == wr.as_ptr() {
                *list = wr.wr_next.get();
            }
            wr.wr_object.set(None);
            let prev = wr.wr_prev.get();
            let next = wr.wr_next.get();
            if !prev.is_null() {
                (*prev).wr_next.set(next);
            }
            if !next.is_null() {
                (*next).wr_prev.set(prev);
            }
            wr.wr_prev.set(ptr::null_mut());
            wr.wr_next.set(ptr::null_mut());
        }
    }
    // Dropped last: releasing the callback can run Python code (its `__del__`).
    drop(wr.wr_callback.take());
}

/// `_PyWeakref_ClearRef`: clear the reference but keep its callback. The cycle
/// collector uses it on references to garbage, so that the callbacks it decides to
/// call can still be called.
pub fn _PyWeakref_ClearRef(wr: &PyWeakReference) {
    let callback = wr.wr_callback.take();
    clear_weakref(wr);
    wr.wr_callback.set(callback);
}

/// `get_basic_refs`: the callback-less exact `ref` and the callback-less proxy at the
/// head of the list, if there are any. Only these are shared by later requests.
fn get_basic_refs(mut head: *mut PyWeakReference) -> (*mut PyWeakReference, *mut PyWeakReference) {
    let mut refp = ptr::null_mut();
    let mut proxyp = ptr::null_mut();
    // SAFETY: list members are live weak references.
    unsafe {
        if !head.is_null() && (*head).wr_callback.get_ref().is_none() {
            // Subclasses of `ref` are never shared, hence the exact check.
            if PyWeakref_CheckRefExact(&(*head).ob_base) {
                refp = head;
                head = (*head).wr_next.get();
            }
            if !head.is_null()
                && (*head).wr_callback.get_ref().is_none()
                && PyWeakref_CheckProxy(&(*head).ob_base)
            {
                proxyp = head;
            }
        }
    }
    (refp, proxyp)
}

/// `insert_after`: link `newref` into the list just after `prev`.
fn insert_after(newref: &PyWeakReference, prev: *mut PyWeakReference) {
    // SAFETY: `prev` is a live member of the list `newref` joins.
    unsafe {
        newref.wr_prev.set(prev);
        newref.wr_next.set((*prev).wr_next.get());
        let next = (*prev).wr_next.get();
        if !next.is_null() {
            (*next).wr_prev.set(newref.as_ptr());
        }
        (*prev).wr_next.set(newref.as_ptr());
    }
}

/// `insert_head`: make `newref` the first member of the list at `list`.
///
/// # Safety
/// `list` must be a live object's weak-reference list word.
unsafe fn insert_head(newref: &PyWeakReference, list: *mut *mut PyWeakReference) {
    // SAFETY: see the contract; members are live weak references.
    unsafe {
        let next = *list;
        newref.wr_prev.set(ptr::null_mut());
        newref.wr_next.set(next);
        if !next.is_null() {
            (*next).wr_prev.set(newref.as_ptr());
        }
        *list = newref.as_ptr();
    }
}

/// `new_weakref` / `init_weakref`: a new, unlinked weak reference of type `tp` (a
/// `ref` subclass, `ref` or a proxy type) to `ob`.
fn new_weakref(
    tp: &PyTypeObject,
    ob: &PyObject,
    callback: Option<&PyObject>,
) -> PyRef<PyWeakReference> {
    // SAFETY: `tp`'s instances start with `PyWeakReference` (a subclass adds only
    // zero-initialisable words after it); the struct is complete.
    unsafe {
        alloc_object(
            tp,
            PyWeakReference {
                ob_base: PyObject_HEAD_INIT,
                wr_object: Cell::new(Some(NonNull::from(ob))),
                wr_callback: PyCell::new(callback.map(|c| c.to_owned())),
                hash: Cell::new(-1),
                wr_prev: Cell::new(ptr::null_mut()),
                wr_next: Cell::new(ptr::null_mut()),
                _vectorcall: 0,
            },
        )
    }
}

fn cannot_weakref(ob: &PyObject) -> PyErr {
    type_error(format!(
        "cannot create weak reference to '{}' object",
        ob.ob_type().name()
    ))
}

/// `PyWeakref_NewRef`: a weak reference to `ob`; the shared callback-less one when
/// there is no callback.
pub fn PyWeakref_NewRef(ob: &PyObject, callback: Option<&PyObject>) -> PyResult {
    if !_PyType_SUPPORTS_WEAKREFS(ob.ob_type()) {
        return Err(cannot_weakref(ob));
    }
    let callback = callback.filter(|c| !c.is(Py_None()));
    // SAFETY: the type supports weak references.
    let list = unsafe { weakrefs_listptr(ob) };
    // SAFETY: `list` is the live object's list word.
    let (r, _) = get_basic_refs(unsafe { *list });
    if callback.is_none() && !r.is_null() {
        // SAFETY: list members are live.
        return Ok(unsafe { (*r).ob_base.to_owned() });
    }
    let result = new_weakref(&_PyWeakref_RefType, ob, callback);
    // The allocation may have changed the list (CPython's can run the collector), so
    // the basic references are looked up again.
    // SAFETY: as above.
    let (r, proxy) = get_basic_refs(unsafe { *list });
    if callback.is_none() {
        if r.is_null() {
            // SAFETY: as above.
            unsafe { insert_head(&result, list) };
        } else {
            // SAFETY: list members are live.
            return Ok(unsafe { (*r).ob_base.to_owned() });
        }
    } else {
        let prev = if proxy.is_null() { r } else { proxy };
        if prev.is_null() {
            // SAFETY: as above.
            unsafe { insert_head(&result, list) };
        } else {
            insert_after(&result, prev);
        }
    }
    Ok(result.into_object())
}

/// `PyWeakref_NewProxy`: a proxy for `ob` (a callable proxy if `ob` is callable); the
/// shared callback-less one when there is no callback.
pub fn PyWeakref_NewProxy(ob: &PyObject, callback: Option<&PyObject>) -> PyResult {
    if !_PyType_SUPPORTS_WEAKREFS(ob.ob_type()) {
        return Err(cannot_weakref(ob));
    }
    let callback = callback.filter(|c| !c.is(Py_None()));
    // SAFETY: the type supports weak references.
    let list = unsafe { weakrefs_listptr(ob) };
    // SAFETY: `list` is the live object's list word.
    let (_, proxy) = get_basic_refs(unsafe { *list });
    if callback.is_none() && !proxy.is_null() {
        // SAFETY: list members are live.
        return Ok(unsafe { (*proxy).ob_base.to_owned() });
    }
    let tp = if ob.ob_type().tp_call.get().is_some() {
        &_PyWeakref_CallableProxyType
    } else {
        &_PyWeakref_ProxyType
    };
    let result = new_weakref(tp, ob, callback);
    // SAFETY: as above.
    let (r, proxy) = get_basic_refs(unsafe { *list });
    let prev = if callback.is_none() {
        if !proxy.is_null() {
            // SAFETY: list members are live.
            return Ok(unsafe { (*proxy).ob_base.to_owned() });
        }
        r
    } else if proxy.is_null() {
        r
    } else {
        proxy
    };
    if prev.is_null() {
        // SAFETY: as above.
        unsafe { insert_head(&result, list) };
    } else {
        insert_after(&result, prev);
    }
    Ok(result.into_object())
}

/// `PyWeakref_GetObject`: the referent, or `None` if it is dead.
pub fn PyWeakref_GetObject(r: &PyObject) -> PyResult {
    if !PyWeakref_Check(r) {
        return Err(system_error("bad argument to internal function"));
    }
    Ok(as_wr(r).get_object().unwrap_or_else(none))
}

/// `handle_callback`: call `callback(wr)`; an error is reported as unraisable.
pub fn handle_callback(wr: &PyObject, callback: &PyObject) {
    if let Err(e) = PyObject_CallOneArg(callback, wr) {
        crate::pyhooks::write_unraisable(e, Some(callback));
    }
}

/// `PyObject_ClearWeakRefs`: called by the deallocator of an object that supports
/// weak references, once its count is zero and before its fields are released. Every
/// weak reference to it is cleared, then the callbacks of those that are still alive
/// are called in list order.
pub fn PyObject_ClearWeakRefs(object: &PyObject) {
    if !_PyType_SUPPORTS_WEAKREFS(object.ob_type()) {
        return;
    }
    // SAFETY: the type supports weak references.
    let list = unsafe { weakrefs_listptr(object) };
    // SAFETY (for the reads of `*list` below): `list` is the dying object's list word
    // and its members are weak references that have not been freed (a reference
    // unlinks itself before it is freed).
    unsafe {
        // The callback-less basic ref and proxy need no callback: clear them first.
        if !(*list).is_null() && (**list).wr_callback.get_ref().is_none() {
            clear_weakref(&**list);
            if !(*list).is_null() && (**list).wr_callback.get_ref().is_none() {
                clear_weakref(&**list);
            }
        }
        if (*list).is_null() {
            return;
        }
        // Clear them all before calling any callback, so that no callback can reach
        // the dying object through another weak reference. A reference whose own
        // count is zero is dying too (its deallocation was deferred): it is cleared
        // but its callback is not called, as in CPython.
        // Nothing released in this loop runs code: the callbacks of dying references
        // are dropped only after it, as dropping one can run Python code that frees
        // other references in the list.
        let mut pending: Vec<(PyObjectRef, PyObjectRef)> = Vec::new();
        let mut unused: Vec<PyObjectRef> = Vec::new();
        let mut current = *list;
        while !current.is_null() {
            let wr = &*current;
            let next = wr.wr_next.get();
            let callback = wr.wr_callback.take();
            let keep = if wr.ob_base.refcnt() > 0 {
                Some(wr.ob_base.to_owned())
            } else {
                None
            };
            clear_weakref(wr);
            match (keep, callback) {
                (Some(w), Some(cb)) => pending.push((w, cb)),
                (_, Some(cb)) => unused.push(cb),
                (_, None) => {}
            }
            current = next;
        }
        drop(unused);
        for (wr, callback) in pending {
            handle_callback(&wr, &callback);
        }
    }
}

// --- ref ----------------------------------------------------------------------------------

/// The positional arguments and keyword names of a `tp_new`/`tp_init` call
/// (`parse_weakref_init_args`): `(object[, callback])`, no keywords.
fn parse_weakref_init_args<'a>(
    funcname: &str,
    args: &'a [PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<(&'a PyObject, Option<&'a PyObject>)> {
    // Keyword arguments are ignored here (a subclass's `__init__` may take some);
    // `ref.__init__` refuses them.
    let args = crate::getargs::positional_args(args, kwnames);
    crate::getargs::check_positional(funcname, args.len(), 1, 2)?;
    Ok((&args[0], args.get(1).map(|c| &**c)))
}

/// `weakref___new__`: `ref(object[, callback])`.
fn weakref___new__(
    tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let (ob, callback) = parse_weakref_init_args("__new__", args, kwnames)?;
    if !_PyType_SUPPORTS_WEAKREFS(ob.ob_type()) {
        return Err(cannot_weakref(ob));
    }
    let callback = callback.filter(|c| !c.is(Py_None()));
    let exact = ptr::eq(tp, &_PyWeakref_RefType);
    // SAFETY: the type supports weak references.
    let list = unsafe { weakrefs_listptr(ob) };
    if callback.is_none() && exact {
        // SAFETY: `list` is the live object's list word.
        let (r, _) = get_basic_refs(unsafe { *list });
        if !r.is_null() {
            // Re-use the shared reference.
            // SAFETY: list members are live.
            return Ok(unsafe { (*r).ob_base.to_owned() });
        }
    }
    let result = new_weakref(tp, ob, callback);
    if callback.is_none() && exact {
        // SAFETY: as above.
        unsafe { insert_head(&result, list) };
    } else {
        // SAFETY: as above.
        let (r, proxy) = get_basic_refs(unsafe { *list });
        let prev = if proxy.is_null() { r } else { proxy };
        if prev.is_null() {
            // SAFETY: as above.
            unsafe { insert_head(&result, list) };
        } else {
            insert_after(&result, prev);
        }
    }
    Ok(result.into_object())
}

/// `weakref___init__`: only checks the arguments (`__new__` did the work).
fn weakref___init__(
    _obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    crate::getargs::check_no_kwargs("ref", kwnames)?;
    parse_weakref_init_args("__init__", args, kwnames).map(|_| ())
}

/// `weakref_vectorcall`: `r()` is the referent, or `None` once it has died.
fn weakref_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    crate::getargs::check_no_kwargs("weakref", kwnames)?;
    crate::getargs::check_positional("weakref", args.len(), 0, 0)?;
    Ok(as_wr(obj).get_object().unwrap_or_else(none))
}

/// `weakref_hash`: the referent's hash, computed once (and so still known after it
/// dies); a reference that died before being hashed cannot be hashed.
fn weakref_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    let wr = as_wr(obj);
    if wr.hash.get() != -1 {
        return Ok(wr.hash.get());
    }
    let Some(target) = wr.get_object() else {
        return Err(type_error("weak object has gone away"));
    };
    let h = PyObject_Hash(&target)?;
    wr.hash.set(h);
    Ok(h)
}

/// `weakref_repr`: `<weakref at 0x..; to 'type' at 0x.. (name)>`, or `dead`.
fn weakref_repr(obj: &PyObject) -> PyResult {
    let wr = as_wr(obj);
    let Some(target) = wr.get_object() else {
        return Ok(PyUnicode_FromString(&format!(
            "<weakref at {:p}; dead>",
            obj.as_ptr()
        )));
    };
    let name = _PyObject_LookupSpecial(&target, crate::intern!("__name__"))?;
    let text = match name.filter(|n| PyUnicodeObject::check(n)) {
        Some(n) => format!(
            "<weakref at {:p}; to '{}' at {:p} ({})>",
            obj.as_ptr(),
            target.ob_type().name(),
            target.as_ptr(),
            crate::unicodeobject::as_str_lossy(&n)
        ),
        None => format!(
            "<weakref at {:p}; to '{}' at {:p}>",
            obj.as_ptr(),
            target.ob_type().name(),
            target.as_ptr()
        ),
    };
    Ok(PyUnicode_FromString(&text))
}

/// `weakref_richcompare`: two live references compare like their referents; if either
/// is dead, they are equal only if they are the same reference.
fn weakref_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if (op != CompareOp::Eq && op != CompareOp::Ne) || !PyWeakref_Check(a) || !PyWeakref_Check(b) {
        return Ok(not_implemented());
    }
    match (as_wr(a).get_object(), as_wr(b).get_object()) {
        (Some(x), Some(y)) => PyObject_RichCompare(&x, &y, op),
        _ => {
            let same = a.is(b);
            Ok(crate::boolobject::PyBool_FromLong(if op == CompareOp::Eq {
                same
            } else {
                !same
            }))
        }
    }
}

/// `gc_traverse`: a weak reference owns only its callback.
fn gc_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(cb) = unsafe { as_wr(obj).wr_callback.get_ref() } {
        visit(cb);
    }
}

/// `gc_clear`.
fn gc_clear(obj: &PyObject) {
    clear_weakref(as_wr(obj));
}

/// `weakref_dealloc` (and `proxy_dealloc`): unlink, drop the callback, free.
unsafe fn weakref_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead weak reference.
    unsafe {
        include::gc::gc_untrack(op);
        clear_weakref(as_wr(&*op));
        dealloc_object::<PyWeakReference>(op)
    }
}

static WEAKREF_MEMBERS: [PyMemberDef; 1] = [PyMemberDef::new(
    "__callback__",
    MemberType::Object,
    std::mem::offset_of!(PyWeakReference, wr_callback),
    READONLY,
)];

static WEAKREF_METHODS: [PyMethodDef; 1] = [crate::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM];

/// `weakref.ReferenceType` (`_PyWeakref_RefType`), exported as `weakref.ref`.
pub static _PyWeakref_RefType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "weakref.ReferenceType",
    tp_basicsize: Cell::new(size_of::<PyWeakReference>()),
    tp_dealloc: slot(weakref_dealloc),
    tp_repr: slot(weakref_repr),
    tp_hash: slot(weakref_hash),
    tp_call: slot(weakref_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_VECTORCALL,
    ),
    tp_traverse: slot(gc_traverse),
    tp_clear: slot(gc_clear),
    tp_richcompare: slot(weakref_richcompare),
    tp_methods: &WEAKREF_METHODS,
    tp_members: &WEAKREF_MEMBERS,
    tp_init: slot(weakref___init__),
    tp_new: slot(weakref___new__),
    ..PyTypeObject::DEFAULT
};

// --- proxies ------------------------------------------------------------------------------

/// `proxy_checkref`: the referent of a live proxy, or `ReferenceError`.
fn proxy_checkref(proxy: &PyObject) -> PyResult<PyObjectRef> {
    as_wr(proxy).get_object().ok_or_else(|| {
        PyErr_SetString(
            &PyExc_ReferenceError,
            "weakly-referenced object no longer exists",
        )
    })
}

/// `UNWRAP`: a proxy stands for its referent in every operation.
fn unwrap(o: &PyObject) -> PyResult<PyObjectRef> {
    if PyWeakref_CheckProxy(o) {
        proxy_checkref(o)
    } else {
        Ok(o.to_owned())
    }
}

macro_rules! wrap_binary {
    ($($name:ident => $op:expr;)*) => {$(
        fn $name(x: &PyObject, y: &PyObject) -> PyResult {
            let x = unwrap(x)?;
            let y = unwrap(y)?;
            $op(&*x, &*y)
        }
    )*};
}

wrap_binary! {
    proxy_add => |x, y| PyNumber_BinaryOp(x, y, nb::ADD);
    proxy_sub => |x, y| PyNumber_BinaryOp(x, y, nb::SUBTRACT);
    proxy_mul => |x, y| PyNumber_BinaryOp(x, y, nb::MULTIPLY);
    proxy_floor_div => |x, y| PyNumber_BinaryOp(x, y, nb::FLOOR_DIVIDE);
    proxy_true_div => |x, y| PyNumber_BinaryOp(x, y, nb::TRUE_DIVIDE);
    proxy_mod => |x, y| PyNumber_BinaryOp(x, y, nb::REMAINDER);
    proxy_divmod => number_divmod;
    proxy_lshift => |x, y| PyNumber_BinaryOp(x, y, nb::LSHIFT);
    proxy_rshift => |x, y| PyNumber_BinaryOp(x, y, nb::RSHIFT);
    proxy_and => |x, y| PyNumber_BinaryOp(x, y, nb::AND);
    proxy_xor => |x, y| PyNumber_BinaryOp(x, y, nb::XOR);
    proxy_or => |x, y| PyNumber_BinaryOp(x, y, nb::OR);
    proxy_matmul => |x, y| PyNumber_BinaryOp(x, y, nb::MATRIX_MULTIPLY);
    proxy_iadd => |x, y| PyNumber_InPlaceOp(x, y, nb::ADD + nb::INPLACE_OFFSET);
    proxy_isub => |x, y| PyNumber_InPlaceOp(x, y, nb::SUBTRACT + nb::INPLACE_OFFSET);
    proxy_imul => |x, y| PyNumber_InPlaceOp(x, y, nb::MULTIPLY + nb::INPLACE_OFFSET);
    proxy_ifloor_div => |x, y| PyNumber_InPlaceOp(x, y, nb::FLOOR_DIVIDE + nb::INPLACE_OFFSET);
    proxy_itrue_div => |x, y| PyNumber_InPlaceOp(x, y, nb::TRUE_DIVIDE + nb::INPLACE_OFFSET);
    proxy_imod => |x, y| PyNumber_InPlaceOp(x, y, nb::REMAINDER + nb::INPLACE_OFFSET);
    proxy_ilshift => |x, y| PyNumber_InPlaceOp(x, y, nb::LSHIFT + nb::INPLACE_OFFSET);
    proxy_irshift => |x, y| PyNumber_InPlaceOp(x, y, nb::RSHIFT + nb::INPLACE_OFFSET);
    proxy_iand => |x, y| PyNumber_InPlaceOp(x, y, nb::AND + nb::INPLACE_OFFSET);
    proxy_ixor => |x, y| PyNumber_InPlaceOp(x, y, nb::XOR + nb::INPLACE_OFFSET);
    proxy_ior => |x, y| PyNumber_InPlaceOp(x, y, nb::OR + nb::INPLACE_OFFSET);
    proxy_imatmul => |x, y| PyNumber_InPlaceOp(x, y, nb::MATRIX_MULTIPLY + nb::INPLACE_OFFSET);
}

/// `PyNumber_Divmod` (the `divmod()` built-in lives in the `python` crate): the
/// operands' `nb_divmod` slots in `binary_op1`'s order.
fn number_divmod(v: &PyObject, w: &PyObject) -> PyResult {
    let sv = v.ob_type().tp_as_number.nb_divmod.get();
    let mut sw = if ptr::eq(v.ob_type(), w.ob_type()) {
        None
    } else {
        w.ob_type().tp_as_number.nb_divmod.get()
    };
    if let (Some(a), Some(b)) = (sv, sw) {
        if a as usize == b as usize {
            sw = None;
        }
    }
    if let Some(f) = sv {
        if let Some(g) = sw {
            if PyType_IsSubtype(w.ob_type(), v.ob_type()) {
                let r = g(v, w)?;
                if !r.is(Py_NotImplemented()) {
                    return Ok(r);
                }
                sw = None;
            }
        }
        let r = f(v, w)?;
        if !r.is(Py_NotImplemented()) {
            return Ok(r);
        }
    }
    if let Some(g) = sw {
        let r = g(v, w)?;
        if !r.is(Py_NotImplemented()) {
            return Ok(r);
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        v.ob_type().name(),
        w.ob_type().name()
    )))
}

fn proxy_pow(x: &PyObject, y: &PyObject, z: &PyObject) -> PyResult {
    let (x, y, z) = (unwrap(x)?, unwrap(y)?, unwrap(z)?);
    PyNumber_Power(&x, &y, &z)
}

fn proxy_ipow(x: &PyObject, y: &PyObject, z: &PyObject) -> PyResult {
    let (x, y, z) = (unwrap(x)?, unwrap(y)?, unwrap(z)?);
    if !z.is(Py_None()) {
        return PyNumber_Power(&x, &y, &z);
    }
    PyNumber_InPlaceOp(&x, &y, nb::POWER + nb::INPLACE_OFFSET)
}

macro_rules! wrap_unary {
    ($($name:ident => $f:expr;)*) => {$(
        fn $name(proxy: &PyObject) -> PyResult {
            let o = proxy_checkref(proxy)?;
            $f(&*o)
        }
    )*};
}

wrap_unary! {
    proxy_neg => PyNumber_Negative;
    proxy_pos => PyNumber_Positive;
    proxy_abs => PyNumber_Absolute;
    proxy_invert => PyNumber_Invert;
    proxy_int => PyNumber_Long;
    proxy_float => PyNumber_Float;
    proxy_index => PyNumber_Index;
    proxy_str => PyObject_Str;
    proxy_iter => PyObject_GetIter;
    proxy_bytes => |o: &PyObject| PyObject_CallMethodNoArgs(o, crate::intern!("__bytes__"));
    proxy_reversed => |o: &PyObject| PyObject_CallMethodNoArgs(o, crate::intern!("__reversed__"));
}

fn proxy_bool(proxy: &PyObject) -> PyResult<bool> {
    PyObject_IsTrue(&*proxy_checkref(proxy)?)
}

fn proxy_length(proxy: &PyObject) -> PyResult<Py_ssize_t> {
    PyObject_Size(&*proxy_checkref(proxy)?)
}

fn proxy_contains(proxy: &PyObject, value: &PyObject) -> PyResult<bool> {
    PySequence_Contains(&*proxy_checkref(proxy)?, value)
}

fn proxy_getitem(proxy: &PyObject, key: &PyObject) -> PyResult {
    PyObject_GetItem(&*proxy_checkref(proxy)?, key)
}

fn proxy_setitem(proxy: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let o = proxy_checkref(proxy)?;
    match value {
        Some(v) => PyObject_SetItem(&o, key, v),
        None => PyObject_DelItem(&o, key),
    }
}

fn proxy_getattr(proxy: &PyObject, name: &PyObject) -> PyResult {
    PyObject_GetAttr(&*unwrap(proxy)?, name)
}

fn proxy_setattr(proxy: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    PyObject_SetAttr(&*unwrap(proxy)?, name, value)
}

fn proxy_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let a = unwrap(a)?;
    let b = unwrap(b)?;
    PyObject_RichCompare(&a, &b, op)
}

fn proxy_iternext(proxy: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let o = proxy_checkref(proxy)?;
    if !PyIter_Check(&o) {
        return Err(type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            o.ob_type().name()
        )));
    }
    PyIter_Next(&o)
}

fn proxy_call(proxy: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    PyObject_Vectorcall(&*proxy_checkref(proxy)?, args, kwnames)
}

/// `proxy_repr`: `<weakproxy at 0x.. to type at 0x..>` (a dead proxy shows `NoneType`
/// and `None`'s address, as CPython's, whose dead proxies point at `None`).
fn proxy_repr(proxy: &PyObject) -> PyResult {
    let target = as_wr(proxy).get_object().unwrap_or_else(none);
    Ok(PyUnicode_FromString(&format!(
        "<weakproxy at {:p} to {} at {:p}>",
        proxy.as_ptr(),
        target.ob_type().name(),
        target.as_ptr()
    )))
}

/// Proxies are not hashable: they would change hash when the referent dies.
fn proxy_hash(proxy: &PyObject) -> PyResult<Py_hash_t> {
    Err(PyObject_HashNotImplemented(proxy))
}

static PROXY_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new("__bytes__", PyCFunction::NoArgs(proxy_bytes), ""),
    PyMethodDef::new("__reversed__", PyCFunction::NoArgs(proxy_reversed), ""),
];

// A template: both proxy types get their own copy (of `Cell` slots) from it.
#[allow(clippy::declare_interior_mutable_const)]
const PROXY_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_add: slot(proxy_add),
    nb_subtract: slot(proxy_sub),
    nb_multiply: slot(proxy_mul),
    nb_remainder: slot(proxy_mod),
    nb_divmod: slot(proxy_divmod),
    nb_power: slot(proxy_pow),
    nb_negative: slot(proxy_neg),
    nb_positive: slot(proxy_pos),
    nb_absolute: slot(proxy_abs),
    nb_bool: slot(proxy_bool),
    nb_invert: slot(proxy_invert),
    nb_lshift: slot(proxy_lshift),
    nb_rshift: slot(proxy_rshift),
    nb_and: slot(proxy_and),
    nb_xor: slot(proxy_xor),
    nb_or: slot(proxy_or),
    nb_int: slot(proxy_int),
    nb_float: slot(proxy_float),
    nb_inplace_add: slot(proxy_iadd),
    nb_inplace_subtract: slot(proxy_isub),
    nb_inplace_multiply: slot(proxy_imul),
    nb_inplace_remainder: slot(proxy_imod),
    nb_inplace_power: slot(proxy_ipow),
    nb_inplace_lshift: slot(proxy_ilshift),
    nb_inplace_rshift: slot(proxy_irshift),
    nb_inplace_and: slot(proxy_iand),
    nb_inplace_xor: slot(proxy_ixor),
    nb_inplace_or: slot(proxy_ior),
    nb_floor_divide: slot(proxy_floor_div),
    nb_true_divide: slot(proxy_true_div),
    nb_inplace_floor_divide: slot(proxy_ifloor_div),
    nb_inplace_true_divide: slot(proxy_itrue_div),
    nb_index: slot(proxy_index),
    nb_matrix_multiply: slot(proxy_matmul),
    nb_inplace_matrix_multiply: slot(proxy_imatmul),
};

// A template: both proxy types get their own copy (of `Cell` slots) from it.
#[allow(clippy::declare_interior_mutable_const)]
const PROXY_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: slot(proxy_length),
    sq_contains: slot(proxy_contains),
    ..PySequenceMethods::EMPTY
};

// A template: both proxy types get their own copy (of `Cell` slots) from it.
#[allow(clippy::declare_interior_mutable_const)]
const PROXY_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: slot(proxy_length),
    mp_subscript: slot(proxy_getitem),
    mp_ass_subscript: slot(proxy_setitem),
};

/// `weakref.ProxyType` (`_PyWeakref_ProxyType`).
pub static _PyWeakref_ProxyType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "weakref.ProxyType",
    tp_basicsize: Cell::new(size_of::<PyWeakReference>()),
    tp_dealloc: slot(weakref_dealloc),
    tp_repr: slot(proxy_repr),
    tp_as_number: PROXY_AS_NUMBER,
    tp_as_sequence: PROXY_AS_SEQUENCE,
    tp_as_mapping: PROXY_AS_MAPPING,
    tp_hash: slot(proxy_hash),
    tp_str: slot(proxy_str),
    tp_getattro: slot(proxy_getattr),
    tp_setattro: slot(proxy_setattr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(gc_traverse),
    tp_clear: slot(gc_clear),
    tp_richcompare: slot(proxy_richcompare),
    tp_iter: slot(proxy_iter),
    tp_iternext: slot(proxy_iternext),
    tp_methods: &PROXY_METHODS,
    ..PyTypeObject::DEFAULT
};

/// `weakref.CallableProxyType` (`_PyWeakref_CallableProxyType`): a proxy for a
/// callable object, itself callable.
pub static _PyWeakref_CallableProxyType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "weakref.CallableProxyType",
    tp_basicsize: Cell::new(size_of::<PyWeakReference>()),
    tp_dealloc: slot(weakref_dealloc),
    tp_repr: slot(proxy_repr),
    tp_as_number: PROXY_AS_NUMBER,
    tp_as_sequence: PROXY_AS_SEQUENCE,
    tp_as_mapping: PROXY_AS_MAPPING,
    tp_hash: slot(proxy_hash),
    tp_call: slot(proxy_call),
    tp_str: slot(proxy_str),
    tp_getattro: slot(proxy_getattr),
    tp_setattro: slot(proxy_setattr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(gc_traverse),
    tp_clear: slot(gc_clear),
    tp_richcompare: slot(proxy_richcompare),
    tp_iter: slot(proxy_iter),
    tp_iternext: slot(proxy_iternext),
    tp_methods: &PROXY_METHODS,
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![
        &_PyWeakref_RefType,
        &_PyWeakref_ProxyType,
        &_PyWeakref_CallableProxyType,
    ]
}
