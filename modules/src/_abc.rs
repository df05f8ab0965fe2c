//! The `_abc` module: the machinery behind `abc.ABCMeta`. Mirrors Modules/_abc.c
//! (CPython 3.11).
//!
//! Each abstract class keeps an `_abc_data` object in `_abc_impl`: a registry of
//! virtual subclasses, a cache of known subclasses and a negative cache, all sets of
//! weak references whose callbacks remove the dead entries. Registering a class bumps
//! a global invalidation counter (`get_cache_token()`), which empties every negative
//! cache on its next use.

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::call::{PyObject_CallMethod, PyObject_CallMethodOneArg};
use objects::getargs::check_positional;
use objects::listobject::PyListObject;
use objects::longobject::{PyLong_AsLong, PyLong_FromSsize_t, PyLong_Type};
use objects::methodobject::PyCFunction_New;
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::r#abstract::{iterate_to_vec, PyObject_GetIter, PyObject_IsSubclass};
use objects::setobject::{
    PyFrozenSet_New, PySet_Add, PySet_Clear, PySet_Contains, PySet_Discard, PySet_New,
};
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::{as_type, PyType_Ready, PyType_Type};
use objects::unicodeobject::PyUnicode_FromString;
use objects::weakrefobject::PyWeakref_NewRef;

/// The collection flags an ABC passes on to the classes registered with it.
const COLLECTION_FLAGS: u64 = Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING;

/// `abc_invalidation_counter`: bumped by every registration (interpreter-wide, as
/// the module state is).
static ABC_INVALIDATION_COUNTER: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(0);

fn invalidation_counter() -> u64 {
    ABC_INVALIDATION_COUNTER.load(std::sync::atomic::Ordering::Relaxed)
}

// --- _abc_data ----------------------------------------------------------------------------

/// `_abc_data`: the per-class state.
#[repr(C)]
pub struct _abc_data {
    pub ob_base: PyObject,
    _abc_registry: PyCell<Option<PyObjectRef>>,
    _abc_cache: PyCell<Option<PyObjectRef>>,
    _abc_negative_cache: PyCell<Option<PyObjectRef>>,
    _abc_negative_cache_version: Cell<u64>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for _abc_data {}

impl PyTypeInfo for _abc_data {
    fn type_object() -> &'static PyTypeObject {
        &_abc_data_type
    }
}

fn abc_data_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    // SAFETY: `tp` is `_abc_data`; the struct is complete.
    let d = unsafe {
        alloc_object(
            tp,
            _abc_data {
                ob_base: PyObject_HEAD_INIT,
                _abc_registry: PyCell::new(None),
                _abc_cache: PyCell::new(None),
                _abc_negative_cache: PyCell::new(None),
                _abc_negative_cache_version: Cell::new(invalidation_counter()),
            },
        )
    };
    Ok(d.into_object())
}

fn visit_opt(cell: &PyCell<Option<PyObjectRef>>, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(o) = unsafe { cell.get_ref() } {
        visit(o);
    }
}

fn abc_data_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let d = as_data(obj);
    visit_opt(&d._abc_registry, visit);
    visit_opt(&d._abc_cache, visit);
    visit_opt(&d._abc_negative_cache, visit);
}

fn abc_data_clear(obj: &PyObject) {
    let d = as_data(obj);
    let old = (
        d._abc_registry.take(),
        d._abc_cache.take(),
        d._abc_negative_cache.take(),
    );
    drop(old);
}

unsafe fn abc_data_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead `_abc_data`.
    unsafe { dealloc_object::<_abc_data>(op) }
}

fn as_data(obj: &PyObject) -> &_abc_data {
    // SAFETY: installed on `_abc_data` only; callers check with `_get_impl`.
    unsafe { &*(obj as *const PyObject as *const _abc_data) }
}

/// `_abc._abc_data`.
pub static _abc_data_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_abc._abc_data",
    tp_basicsize: Cell::new(size_of::<_abc_data>()),
    tp_dealloc: slot(abc_data_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("Internal state held by ABC machinery."),
    tp_traverse: slot(abc_data_traverse),
    tp_clear: slot(abc_data_clear),
    tp_new: slot(abc_data_new),
    ..PyTypeObject::DEFAULT
};

/// `_get_impl`: `self._abc_impl`, checked.
fn _get_impl(self_: &PyObject) -> PyResult<PyObjectRef> {
    let impl_ = PyObject_GetAttr(self_, objects::intern!("_abc_impl"))?;
    if !impl_.is_type(&_abc_data_type) {
        return Err(type_error("_abc_impl is set to a wrong type"));
    }
    Ok(impl_)
}

// --- weak sets ----------------------------------------------------------------------------

/// `_in_weak_set`: is `obj` in the set of weak references? An object that cannot be
/// weakly referenced is in none.
fn _in_weak_set(set: &PyCell<Option<PyObjectRef>>, obj: &PyObject) -> PyResult<bool> {
    let Some(set) = set.get() else {
        return Ok(false);
    };
    if objects::setobject::PySet_Size(&set) == 0 {
        return Ok(false);
    }
    let r = match PyWeakref_NewRef(obj, None) {
        Ok(r) => r,
        Err(e) if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_TypeError) => {
            return Ok(false)
        }
        Err(e) => return Err(e),
    };
    PySet_Contains(&set, &r)
}

/// `_destroy(setweakref, objweakref)`: the callback of the weak references in a
/// weak set, bound to a weak reference to the set.
fn _destroy(setweakref: &PyObject, objweakref: &PyObject) -> PyResult {
    let set = objects::weakrefobject::PyWeakref_GetObject(setweakref)?;
    if set.is(Py_None()) {
        return Ok(none());
    }
    PySet_Discard(&set, objweakref)?;
    Ok(none())
}

static DESTROY_DEF: PyMethodDef = PyMethodDef::new("_destroy", PyCFunction::O(_destroy), "");

/// `_add_to_weak_set`: make the set on first use, then add a weak reference to `obj`
/// whose callback removes it again.
fn _add_to_weak_set(cell: &PyCell<Option<PyObjectRef>>, obj: &PyObject) -> PyResult<()> {
    let set = match cell.get() {
        Some(s) => s,
        None => {
            let s = PySet_New(None)?;
            cell.set(Some(s.clone()));
            s
        }
    };
    let wr = PyWeakref_NewRef(&set, None)?;
    let destroy_cb = PyCFunction_New(&DESTROY_DEF, Some(wr));
    let r = PyWeakref_NewRef(obj, Some(&destroy_cb))?;
    PySet_Add(&set, &r)
}

// --- the functions ------------------------------------------------------------------------

/// `_PyObject_IsAbstract`: `getattr(obj, '__isabstractmethod__', False)` is true.
fn _PyObject_IsAbstract(obj: &PyObject) -> PyResult<bool> {
    match _PyObject_LookupAttr(obj, objects::intern!("__isabstractmethod__"))? {
        Some(v) => PyObject_IsTrue(&v),
        None => Ok(false),
    }
}

/// `compute_abstract_methods`: set `self.__abstractmethods__`.
fn compute_abstract_methods(self_: &PyObject) -> PyResult<()> {
    let abstracts = PySet_New(None)?;
    // Stage 1: the abstract methods defined in the class itself. The items are
    // listed first because evaluating `__isabstractmethod__` may change the dict.
    let ns = PyObject_GetAttr(self_, objects::intern!("__dict__"))?;
    let items = objects::call::PyObject_CallMethodNoArgs(&ns, objects::intern!("items"))?;
    for item in iterate_to_vec(&*PyObject_GetIter(&items)?)? {
        let pair = objects::r#abstract::PySequence_Fast(
            &item,
            "items() returned item which is not a tuple",
        )?;
        if pair.len() != 2 {
            return Err(type_error("items() returned item which size is not 2"));
        }
        if _PyObject_IsAbstract(&pair[1])? {
            PySet_Add(&abstracts, &pair[0])?;
        }
    }
    // Stage 2: inherited abstract methods not overridden by a concrete one.
    let bases = PyObject_GetAttr(self_, objects::intern!("__bases__"))?;
    let Some(bases) = bases.downcast_ref::<PyTupleObject>() else {
        return Err(type_error("__bases__ is not tuple"));
    };
    for base in bases.as_slice() {
        let Some(base_abstracts) =
            _PyObject_LookupAttr(base, objects::intern!("__abstractmethods__"))?
        else {
            continue;
        };
        for key in iterate_to_vec(&*PyObject_GetIter(&base_abstracts)?)? {
            let Some(value) = _PyObject_LookupAttr(self_, &key)? else {
                continue;
            };
            if _PyObject_IsAbstract(&value)? {
                PySet_Add(&abstracts, &key)?;
            }
        }
    }
    let frozen = PyFrozenSet_New(Some(&abstracts))?;
    PyObject_SetAttr(
        self_,
        objects::intern!("__abstractmethods__"),
        Some(&frozen),
    )
}

/// `_abc_init(self, /)`.
fn _abc__abc_init(_m: &PyObject, self_: &PyObject) -> PyResult {
    compute_abstract_methods(self_)?;
    let data = abc_data_new(&_abc_data_type, &[], None)?;
    PyObject_SetAttr(self_, objects::intern!("_abc_impl"), Some(&data))?;
    if let Some(cls) = as_type(self_) {
        // SAFETY: the type's dict is read and changed without running Python code
        // besides the key's (a str) hashing.
        let dict = cls.tp_dict.get();
        if let Some(dict) = dict
            .as_ref()
            .and_then(|d| d.downcast_ref::<objects::dictobject::PyDictObject>())
        {
            let key = objects::intern!("__abc_tpflags__");
            if let Some(flags) = objects::dictobject::PyDict_GetItemWithError(dict, key)? {
                if flags.is_type(&PyLong_Type) {
                    let val = PyLong_AsLong(&flags)? as u64;
                    if val & COLLECTION_FLAGS == COLLECTION_FLAGS {
                        return Err(type_error(
                            "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING",
                        ));
                    }
                    cls.tp_flags
                        .set(cls.tp_flags.get() | (val & COLLECTION_FLAGS));
                }
                objects::typeobject::PyType_Modified(cls);
                objects::dictobject::PyDict_DelItem(dict, key)?;
            }
        }
    }
    Ok(none())
}

/// `set_collection_flag_recursive`: give `child` and its subclasses `flag`, unless
/// immutable or already marked.
fn set_collection_flag_recursive(child: &PyTypeObject, flag: u64) {
    let flags = child.tp_flags.get();
    if flags & Py_TPFLAGS_IMMUTABLETYPE != 0 || flags & COLLECTION_FLAGS == flag {
        return;
    }
    child.tp_flags.set((flags & !COLLECTION_FLAGS) | flag);
    // SAFETY: the list of subclasses is copied before recursing (no Python code runs
    // here, but the copy keeps the borrow short).
    let subs = unsafe { child.tp_subclasses.get_ref() }.clone();
    for sub in subs {
        // SAFETY: a type removes itself from its bases' lists when it dies, so the
        // pointers in the list are live types.
        set_collection_flag_recursive(unsafe { sub.as_ref() }, flag);
    }
}

/// `_abc_register(self, subclass, /)`.
fn _abc__abc_register(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("_abc_register", args.len(), 2, 2)?;
    let (self_, subclass) = (&args[0], &args[1]);
    let Some(subtype) = as_type(subclass) else {
        return Err(type_error("Can only register classes"));
    };
    if PyObject_IsSubclass(subclass, self_)? {
        // Already a subclass.
        return Ok(subclass.clone());
    }
    // Test for cycles after "already a subclass", so that X.register(X) is a no-op.
    if PyObject_IsSubclass(self_, subclass)? {
        return Err(runtime_error("Refusing to create an inheritance cycle"));
    }
    let impl_ = _get_impl(self_)?;
    _add_to_weak_set(&as_data(&impl_)._abc_registry, subclass)?;
    // Invalidate the negative caches.
    ABC_INVALIDATION_COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if let Some(cls) = as_type(self_) {
        let collection_flag = cls.tp_flags.get() & COLLECTION_FLAGS;
        if collection_flag != 0 {
            set_collection_flag_recursive(subtype, collection_flag);
        }
    }
    Ok(subclass.clone())
}

/// `_abc_instancecheck(self, instance, /)`.
fn _abc__abc_instancecheck(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("_abc_instancecheck", args.len(), 2, 2)?;
    let (self_, instance) = (&args[0], &args[1]);
    let impl_ = _get_impl(self_)?;
    let data = as_data(&impl_);
    let subclass = PyObject_GetAttr(instance, objects::intern!("__class__"))?;
    // Inline the cache checking.
    if _in_weak_set(&data._abc_cache, &subclass)? {
        return Ok(objects::boolobject::PyBool_FromLong(true));
    }
    let subtype = instance.ob_type().as_object().to_owned();
    let subclasscheck = objects::intern!("__subclasscheck__");
    if subtype.is(&subclass) {
        if data._abc_negative_cache_version.get() == invalidation_counter()
            && _in_weak_set(&data._abc_negative_cache, &subclass)?
        {
            return Ok(objects::boolobject::PyBool_FromLong(false));
        }
        // Fall back to the subclass check.
        return PyObject_CallMethodOneArg(self_, subclasscheck, &subclass);
    }
    let result = PyObject_CallMethodOneArg(self_, subclasscheck, &subclass)?;
    if PyObject_IsTrue(&result)? {
        return Ok(result);
    }
    PyObject_CallMethodOneArg(self_, subclasscheck, &subtype)
}

/// `subclasscheck_check_registry`: is `subclass` a subclass of a registered class?
fn subclasscheck_check_registry(data: &_abc_data, subclass: &PyObject) -> PyResult<Option<bool>> {
    // Fast path: the class itself is registered.
    if _in_weak_set(&data._abc_registry, subclass)? {
        return Ok(Some(true));
    }
    let Some(registry) = data._abc_registry.get() else {
        return Ok(None);
    };
    // Weak reference callbacks may change the set: iterate over a snapshot.
    let copy = iterate_to_vec(&*PyObject_GetIter(&registry)?)?;
    for weakref in copy {
        let rkey = objects::weakrefobject::PyWeakref_GetObject(&weakref)?;
        if rkey.is(Py_None()) {
            continue;
        }
        if PyObject_IsSubclass(subclass, &rkey)? {
            _add_to_weak_set(&data._abc_cache, subclass)?;
            return Ok(Some(true));
        }
    }
    Ok(None)
}

/// `_abc_subclasscheck(self, subclass, /)`.
fn _abc__abc_subclasscheck(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("_abc_subclasscheck", args.len(), 2, 2)?;
    let (self_, subclass) = (&args[0], &args[1]);
    let Some(subtype) = as_type(subclass) else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    let impl_ = _get_impl(self_)?;
    let data = as_data(&impl_);
    let yes = || Ok(objects::boolobject::PyBool_FromLong(true));
    let no = || Ok(objects::boolobject::PyBool_FromLong(false));
    // 1. The positive cache.
    if _in_weak_set(&data._abc_cache, subclass)? {
        return yes();
    }
    // 2. The negative cache, emptied if a registration happened since it was filled.
    if data._abc_negative_cache_version.get() < invalidation_counter() {
        if let Some(neg) = data._abc_negative_cache.get() {
            PySet_Clear(&neg)?;
        }
        data._abc_negative_cache_version.set(invalidation_counter());
    } else if _in_weak_set(&data._abc_negative_cache, subclass)? {
        return no();
    }
    // 3. The subclass hook.
    let ok = PyObject_CallMethodOneArg(self_, objects::intern!("__subclasshook__"), subclass)?;
    if ok.is(objects::boolobject::Py_True()) {
        _add_to_weak_set(&data._abc_cache, subclass)?;
        return yes();
    }
    if ok.is(objects::boolobject::Py_False()) {
        _add_to_weak_set(&data._abc_negative_cache, subclass)?;
        return no();
    }
    if !ok.is(Py_NotImplemented()) {
        return Err(PyErr_SetString(
            &objects::exceptions::PyExc_AssertionError,
            "__subclasshook__ must return either False, True, or NotImplemented",
        ));
    }
    // 4. A direct subclass.
    if let Some(mro) = subtype.tp_mro.get() {
        if let Some(mro) = mro.downcast_ref::<PyTupleObject>() {
            if mro.as_slice().iter().any(|c| c.is(self_)) {
                _add_to_weak_set(&data._abc_cache, subclass)?;
                return yes();
            }
        }
    }
    // 5. A subclass of a registered class (recursively).
    if let Some(r) = subclasscheck_check_registry(data, subclass)? {
        return Ok(objects::boolobject::PyBool_FromLong(r));
    }
    // 6. A subclass of a subclass (recursively).
    let subclasses = PyObject_CallMethod(self_, objects::intern!("__subclasses__"), &[])?;
    let Some(list) = subclasses.downcast_ref::<PyListObject>() else {
        return Err(type_error("__subclasses__() must return a list"));
    };
    for scls in list.to_vec() {
        if PyObject_IsSubclass(subclass, &scls)? {
            _add_to_weak_set(&data._abc_cache, subclass)?;
            return yes();
        }
    }
    // No dice: remember the answer.
    _add_to_weak_set(&data._abc_negative_cache, subclass)?;
    no()
}

/// `_get_dump(self, /)`: copies of the registry and the caches, and the negative
/// cache's version (for debugging and tests).
fn _abc__get_dump(_m: &PyObject, self_: &PyObject) -> PyResult {
    let impl_ = _get_impl(self_)?;
    let data = as_data(&impl_);
    let copy = |cell: &PyCell<Option<PyObjectRef>>| PySet_New(cell.get().as_deref());
    Ok(PyTuple_New(vec![
        copy(&data._abc_registry)?,
        copy(&data._abc_cache)?,
        copy(&data._abc_negative_cache)?,
        PyLong_FromSsize_t(data._abc_negative_cache_version.get() as isize),
    ])
    .into_object())
}

/// `_reset_registry(self, /)`.
fn _abc__reset_registry(_m: &PyObject, self_: &PyObject) -> PyResult {
    let impl_ = _get_impl(self_)?;
    if let Some(r) = as_data(&impl_)._abc_registry.get() {
        PySet_Clear(&r)?;
    }
    Ok(none())
}

/// `_reset_caches(self, /)`.
fn _abc__reset_caches(_m: &PyObject, self_: &PyObject) -> PyResult {
    let impl_ = _get_impl(self_)?;
    let data = as_data(&impl_);
    if let Some(c) = data._abc_cache.get() {
        PySet_Clear(&c)?;
    }
    // The negative cache may still be stale; clearing it is always correct.
    if let Some(c) = data._abc_negative_cache.get() {
        PySet_Clear(&c)?;
    }
    Ok(none())
}

/// `get_cache_token()`.
fn _abc_get_cache_token(_m: &PyObject) -> PyResult {
    Ok(PyLong_FromSsize_t(invalidation_counter() as isize))
}

static ABC_FUNCTIONS: [PyMethodDef; 8] = [
    PyMethodDef::new(
        "get_cache_token",
        PyCFunction::NoArgs(_abc_get_cache_token),
        "get_cache_token($module, /)\n--\n\nReturns the current ABC cache token.\n\nThe token is an opaque object (supporting equality testing) identifying the\ncurrent version of the ABC cache for virtual subclasses. The token changes\nwith every call to register() on any ABC.",
    ),
    PyMethodDef::new(
        "_abc_init",
        PyCFunction::O(_abc__abc_init),
        "_abc_init($module, self, /)\n--\n\nInternal ABC helper for class set-up. Should be never used outside abc module.",
    ),
    PyMethodDef::new(
        "_reset_registry",
        PyCFunction::O(_abc__reset_registry),
        "_reset_registry($module, self, /)\n--\n\nInternal ABC helper to reset registry of a given class.\n\nShould be only used by refleak.py",
    ),
    PyMethodDef::new(
        "_reset_caches",
        PyCFunction::O(_abc__reset_caches),
        "_reset_caches($module, self, /)\n--\n\nInternal ABC helper to reset both caches of a given class.\n\nShould be only used by refleak.py",
    ),
    PyMethodDef::new(
        "_get_dump",
        PyCFunction::O(_abc__get_dump),
        "_get_dump($module, self, /)\n--\n\nInternal ABC helper for cache and registry debugging.\n\nReturn shallow copies of registry, of both caches, and\nnegative cache version. Don't call this function directly,\ninstead use ABC._dump_registry() for a nice repr.",
    ),
    PyMethodDef::new(
        "_abc_register",
        PyCFunction::Fast(_abc__abc_register),
        "_abc_register($module, self, subclass, /)\n--\n\nInternal ABC helper for subclasss registration. Should be never used outside abc module.",
    ),
    PyMethodDef::new(
        "_abc_instancecheck",
        PyCFunction::Fast(_abc__abc_instancecheck),
        "_abc_instancecheck($module, self, instance, /)\n--\n\nInternal ABC helper for instance checks. Should be never used outside abc module.",
    ),
    PyMethodDef::new(
        "_abc_subclasscheck",
        PyCFunction::Fast(_abc__abc_subclasscheck),
        "_abc_subclasscheck($module, self, subclass, /)\n--\n\nInternal ABC helper for subclasss checks. Should be never used outside abc module.",
    ),
];

/// Make the `_abc` module (`PyInit__abc`).
pub fn PyInit__abc() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&_abc_data_type)?;
    let m = PyModule_New("_abc")?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("Module contains faster C implementation of abc.ABCMeta"),
    )?;
    PyModule_AddFunctions(&m, &ABC_FUNCTIONS)?;
    PyModule_AddObject(&m, "_abc_data", _abc_data_type.as_object())?;
    Ok(m)
}
