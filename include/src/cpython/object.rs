//! The type object and its slots. Mirrors Include/cpython/object.h (CPython 3.11).
//!
//! A type is an object whose slots (`tp_repr`, `nb_add`, `sq_item`, ...) are function
//! pointers the runtime calls directly. Built-in types are `static` items filled with
//! Rust functions; a class statement builds a heap type whose slots point at generic
//! functions that look up and call the class's `__repr__`, `__add__`, ... (see
//! `objects::typeobject`).
//!
//! Differences from CPython:
//! - Slots are `Cell`s so that assigning `C.__add__ = f` can update a heap type's slot
//!   in place, as `update_slot` does in C.
//! - The number/sequence/mapping/async/buffer method tables are embedded by value rather than
//!   pointed to; an absent slot is `None`.
//! - Calls use one convention, vectorcall's: positional arguments then keyword values
//!   in one slice, plus a tuple of keyword names (`kwnames`) or `None`. So `tp_call`,
//!   `tp_new` and `tp_init` take `(args, kwnames)` where CPython takes `(tuple, dict)`.
//! - The fields of `PyHeapTypeObject` (`ht_name`, `ht_qualname`, `ht_slots`, ...) live
//!   in `PyTypeObject` itself; they are unused for static types.
//! - `tp_subclasses` is a list of raw pointers that a heap type removes itself from
//!   when it dies, instead of a dict of weak references.
//! - The fields holding references (`tp_dict`, `tp_mro`, ...) are `ManuallyDrop` so
//!   that static type definitions (`..PyTypeObject::DEFAULT`) have no destructor; a heap
//!   type's deallocator releases them with [`PyTypeObject::release_references`].

use std::cell::Cell;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use crate::descrobject::{PyGetSetDef, PyMemberDef};
use crate::methodobject::PyMethodDef;
use crate::object::{CompareOp, PyCell, PyObject, PyObjectRef, Py_hash_t, Py_ssize_t};
use crate::pyerrors::PyResult;

// Slot signatures, named as in CPython.
#[allow(non_camel_case_types)]
pub mod slots {
    use super::*;

    /// `tp_dealloc`: free an object whose count reached zero.
    pub type destructor = unsafe fn(*mut PyObject);
    /// `tp_free`: release an object's memory.
    pub type freefunc = unsafe fn(*mut PyObject);
    /// `tp_alloc`: allocate a zeroed object with its header set (count 1, type `tp`).
    pub type allocfunc = unsafe fn(tp: &PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject;
    pub type reprfunc = fn(&PyObject) -> PyResult;
    pub type unaryfunc = fn(&PyObject) -> PyResult;
    pub type binaryfunc = fn(&PyObject, &PyObject) -> PyResult;
    /// `nb_power`: the third operand is `None` for the two-argument form.
    pub type ternaryfunc = fn(&PyObject, &PyObject, &PyObject) -> PyResult;
    /// `nb_bool`.
    pub type inquiry = fn(&PyObject) -> PyResult<bool>;
    pub type lenfunc = fn(&PyObject) -> PyResult<Py_ssize_t>;
    pub type ssizeargfunc = fn(&PyObject, Py_ssize_t) -> PyResult;
    /// `sq_ass_item`: `None` value means delete.
    pub type ssizeobjargproc = fn(&PyObject, Py_ssize_t, Option<&PyObject>) -> PyResult<()>;
    /// `sq_contains`.
    pub type objobjproc = fn(&PyObject, &PyObject) -> PyResult<bool>;
    /// `mp_ass_subscript`: `None` value means delete.
    pub type objobjargproc = fn(&PyObject, &PyObject, Option<&PyObject>) -> PyResult<()>;
    pub type hashfunc = fn(&PyObject) -> PyResult<Py_hash_t>;
    /// `tp_richcompare`: returns `NotImplemented` when it cannot compare.
    pub type richcmpfunc = fn(&PyObject, &PyObject, CompareOp) -> PyResult;
    pub type getiterfunc = fn(&PyObject) -> PyResult;
    /// `tp_iternext`: `Ok(None)` means exhausted, with no exception (C's `NULL`).
    pub type iternextfunc = fn(&PyObject) -> PyResult<Option<PyObjectRef>>;
    /// `tp_getattro`: the name is a `str` object.
    pub type getattrofunc = fn(&PyObject, &PyObject) -> PyResult;
    /// `tp_setattro`: `None` value means delete.
    pub type setattrofunc = fn(&PyObject, &PyObject, Option<&PyObject>) -> PyResult<()>;
    /// `tp_descr_get(descr, instance or None, owner type or None)`.
    pub type descrgetfunc = fn(&PyObject, Option<&PyObject>, Option<&PyObject>) -> PyResult;
    /// `tp_descr_set(descr, instance, value or None for delete)`.
    pub type descrsetfunc = fn(&PyObject, &PyObject, Option<&PyObject>) -> PyResult<()>;
    /// The call convention of `tp_call` and `tp_vectorcall`: `args` holds the
    /// positional arguments followed by the keyword values; `kwnames` is a tuple of
    /// the keyword names or `None`.
    pub type vectorcallfunc = fn(&PyObject, &[PyObjectRef], Option<&PyObject>) -> PyResult;
    /// `tp_init(self, args, kwnames)`.
    pub type initproc = fn(&PyObject, &[PyObjectRef], Option<&PyObject>) -> PyResult<()>;
    /// `tp_new(subtype, args, kwnames)`.
    pub type newfunc = fn(&PyTypeObject, &[PyObjectRef], Option<&PyObject>) -> PyResult;
    /// `tp_traverse`: call `visit` on every object this one holds a reference to.
    pub type traverseproc = fn(&PyObject, &mut dyn FnMut(&PyObject));
    /// `tp_clear`: drop the references that could be part of a cycle.
    pub type clearproc = fn(&PyObject);
    /// `tp_finalize` (PEP 442).
    pub type finalizefunc = fn(&PyObject);
    /// `am_send`.
    pub type sendfunc = fn(&PyObject, &PyObject) -> PyResult<PySendResult>;
}
use slots::*;

/// The result of `am_send` / `PyIter_Send`.
#[derive(Debug)]
pub enum PySendResult {
    /// The sub-iterator returned (its `StopIteration` value).
    Return(PyObjectRef),
    /// The sub-iterator yielded a value.
    Next(PyObjectRef),
}

/// A slot holding `f`: `tp_repr: slot(list_repr)` in a static type definition.
pub const fn slot<F: Copy>(f: F) -> Cell<Option<F>> {
    Cell::new(Some(f))
}

/// An empty slot.
pub const fn no_slot<F: Copy>() -> Cell<Option<F>> {
    Cell::new(None)
}

/// `PyNumberMethods`.
#[repr(C)]
pub struct PyNumberMethods {
    pub nb_add: Cell<Option<binaryfunc>>,
    pub nb_subtract: Cell<Option<binaryfunc>>,
    pub nb_multiply: Cell<Option<binaryfunc>>,
    pub nb_remainder: Cell<Option<binaryfunc>>,
    pub nb_divmod: Cell<Option<binaryfunc>>,
    pub nb_power: Cell<Option<ternaryfunc>>,
    pub nb_negative: Cell<Option<unaryfunc>>,
    pub nb_positive: Cell<Option<unaryfunc>>,
    pub nb_absolute: Cell<Option<unaryfunc>>,
    pub nb_bool: Cell<Option<inquiry>>,
    pub nb_invert: Cell<Option<unaryfunc>>,
    pub nb_lshift: Cell<Option<binaryfunc>>,
    pub nb_rshift: Cell<Option<binaryfunc>>,
    pub nb_and: Cell<Option<binaryfunc>>,
    pub nb_xor: Cell<Option<binaryfunc>>,
    pub nb_or: Cell<Option<binaryfunc>>,
    pub nb_int: Cell<Option<unaryfunc>>,
    pub nb_float: Cell<Option<unaryfunc>>,
    pub nb_inplace_add: Cell<Option<binaryfunc>>,
    pub nb_inplace_subtract: Cell<Option<binaryfunc>>,
    pub nb_inplace_multiply: Cell<Option<binaryfunc>>,
    pub nb_inplace_remainder: Cell<Option<binaryfunc>>,
    pub nb_inplace_power: Cell<Option<ternaryfunc>>,
    pub nb_inplace_lshift: Cell<Option<binaryfunc>>,
    pub nb_inplace_rshift: Cell<Option<binaryfunc>>,
    pub nb_inplace_and: Cell<Option<binaryfunc>>,
    pub nb_inplace_xor: Cell<Option<binaryfunc>>,
    pub nb_inplace_or: Cell<Option<binaryfunc>>,
    pub nb_floor_divide: Cell<Option<binaryfunc>>,
    pub nb_true_divide: Cell<Option<binaryfunc>>,
    pub nb_inplace_floor_divide: Cell<Option<binaryfunc>>,
    pub nb_inplace_true_divide: Cell<Option<binaryfunc>>,
    pub nb_index: Cell<Option<unaryfunc>>,
    pub nb_matrix_multiply: Cell<Option<binaryfunc>>,
    pub nb_inplace_matrix_multiply: Cell<Option<binaryfunc>>,
}

impl PyNumberMethods {
    // A template for static type definitions: each copy gets its own `Cell` slots.
    #[allow(clippy::declare_interior_mutable_const)]
    pub const EMPTY: PyNumberMethods = PyNumberMethods {
        nb_add: no_slot(),
        nb_subtract: no_slot(),
        nb_multiply: no_slot(),
        nb_remainder: no_slot(),
        nb_divmod: no_slot(),
        nb_power: no_slot(),
        nb_negative: no_slot(),
        nb_positive: no_slot(),
        nb_absolute: no_slot(),
        nb_bool: no_slot(),
        nb_invert: no_slot(),
        nb_lshift: no_slot(),
        nb_rshift: no_slot(),
        nb_and: no_slot(),
        nb_xor: no_slot(),
        nb_or: no_slot(),
        nb_int: no_slot(),
        nb_float: no_slot(),
        nb_inplace_add: no_slot(),
        nb_inplace_subtract: no_slot(),
        nb_inplace_multiply: no_slot(),
        nb_inplace_remainder: no_slot(),
        nb_inplace_power: no_slot(),
        nb_inplace_lshift: no_slot(),
        nb_inplace_rshift: no_slot(),
        nb_inplace_and: no_slot(),
        nb_inplace_xor: no_slot(),
        nb_inplace_or: no_slot(),
        nb_floor_divide: no_slot(),
        nb_true_divide: no_slot(),
        nb_inplace_floor_divide: no_slot(),
        nb_inplace_true_divide: no_slot(),
        nb_index: no_slot(),
        nb_matrix_multiply: no_slot(),
        nb_inplace_matrix_multiply: no_slot(),
    };
}

/// `PySequenceMethods`.
#[repr(C)]
pub struct PySequenceMethods {
    pub sq_length: Cell<Option<lenfunc>>,
    pub sq_concat: Cell<Option<binaryfunc>>,
    /// `sq_repeat(seq, count)`.
    pub sq_repeat: Cell<Option<ssizeargfunc>>,
    pub sq_item: Cell<Option<ssizeargfunc>>,
    pub sq_ass_item: Cell<Option<ssizeobjargproc>>,
    pub sq_contains: Cell<Option<objobjproc>>,
    pub sq_inplace_concat: Cell<Option<binaryfunc>>,
    pub sq_inplace_repeat: Cell<Option<ssizeargfunc>>,
}

impl PySequenceMethods {
    // A template for static type definitions: each copy gets its own `Cell` slots.
    #[allow(clippy::declare_interior_mutable_const)]
    pub const EMPTY: PySequenceMethods = PySequenceMethods {
        sq_length: no_slot(),
        sq_concat: no_slot(),
        sq_repeat: no_slot(),
        sq_item: no_slot(),
        sq_ass_item: no_slot(),
        sq_contains: no_slot(),
        sq_inplace_concat: no_slot(),
        sq_inplace_repeat: no_slot(),
    };
}

/// `PyMappingMethods`.
#[repr(C)]
pub struct PyMappingMethods {
    pub mp_length: Cell<Option<lenfunc>>,
    pub mp_subscript: Cell<Option<binaryfunc>>,
    pub mp_ass_subscript: Cell<Option<objobjargproc>>,
}

impl PyMappingMethods {
    // A template for static type definitions: each copy gets its own `Cell` slots.
    #[allow(clippy::declare_interior_mutable_const)]
    pub const EMPTY: PyMappingMethods = PyMappingMethods {
        mp_length: no_slot(),
        mp_subscript: no_slot(),
        mp_ass_subscript: no_slot(),
    };
}

/// `PyAsyncMethods`.
#[repr(C)]
pub struct PyAsyncMethods {
    pub am_await: Cell<Option<unaryfunc>>,
    pub am_aiter: Cell<Option<unaryfunc>>,
    pub am_anext: Cell<Option<unaryfunc>>,
    pub am_send: Cell<Option<sendfunc>>,
}

impl PyAsyncMethods {
    // A template for static type definitions: each copy gets its own `Cell` slots.
    #[allow(clippy::declare_interior_mutable_const)]
    pub const EMPTY: PyAsyncMethods = PyAsyncMethods {
        am_await: no_slot(),
        am_aiter: no_slot(),
        am_anext: no_slot(),
        am_send: no_slot(),
    };
}

/// `PyBufferProcs`: how a type exports its memory (see `crate::pybuffer`).
#[repr(C)]
pub struct PyBufferProcs {
    pub bf_getbuffer: Cell<Option<crate::pybuffer::getbufferproc>>,
    pub bf_releasebuffer: Cell<Option<crate::pybuffer::releasebufferproc>>,
}

impl PyBufferProcs {
    // A template for static type definitions: each copy gets its own `Cell` slots.
    #[allow(clippy::declare_interior_mutable_const)]
    pub const EMPTY: PyBufferProcs = PyBufferProcs {
        bf_getbuffer: no_slot(),
        bf_releasebuffer: no_slot(),
    };
}

/// Type flags (`Py_TPFLAGS_*`), with CPython 3.11's values since `type.__flags__`
/// shows them.
pub mod flags {
    pub const Py_TPFLAGS_MANAGED_DICT: u64 = 1 << 4;
    pub const Py_TPFLAGS_SEQUENCE: u64 = 1 << 5;
    pub const Py_TPFLAGS_MAPPING: u64 = 1 << 6;
    pub const Py_TPFLAGS_DISALLOW_INSTANTIATION: u64 = 1 << 7;
    pub const Py_TPFLAGS_IMMUTABLETYPE: u64 = 1 << 8;
    pub const Py_TPFLAGS_HEAPTYPE: u64 = 1 << 9;
    pub const Py_TPFLAGS_BASETYPE: u64 = 1 << 10;
    pub const Py_TPFLAGS_HAVE_VECTORCALL: u64 = 1 << 11;
    pub const Py_TPFLAGS_READY: u64 = 1 << 12;
    pub const Py_TPFLAGS_READYING: u64 = 1 << 13;
    pub const Py_TPFLAGS_HAVE_GC: u64 = 1 << 14;
    pub const Py_TPFLAGS_METHOD_DESCRIPTOR: u64 = 1 << 17;
    pub const Py_TPFLAGS_HAVE_VERSION_TAG: u64 = 1 << 18;
    pub const Py_TPFLAGS_VALID_VERSION_TAG: u64 = 1 << 19;
    pub const Py_TPFLAGS_IS_ABSTRACT: u64 = 1 << 20;
    pub const Py_TPFLAGS_MATCH_SELF: u64 = 1 << 22;
    pub const Py_TPFLAGS_LONG_SUBCLASS: u64 = 1 << 24;
    pub const Py_TPFLAGS_LIST_SUBCLASS: u64 = 1 << 25;
    pub const Py_TPFLAGS_TUPLE_SUBCLASS: u64 = 1 << 26;
    pub const Py_TPFLAGS_BYTES_SUBCLASS: u64 = 1 << 27;
    pub const Py_TPFLAGS_UNICODE_SUBCLASS: u64 = 1 << 28;
    pub const Py_TPFLAGS_DICT_SUBCLASS: u64 = 1 << 29;
    pub const Py_TPFLAGS_BASE_EXC_SUBCLASS: u64 = 1 << 30;
    pub const Py_TPFLAGS_TYPE_SUBCLASS: u64 = 1 << 31;
    /// `Py_TPFLAGS_DEFAULT`: no bits since 3.10 (`Py_TPFLAGS_HAVE_VERSION_TAG` is
    /// obsolete; a type earns `Py_TPFLAGS_VALID_VERSION_TAG` on its first cached lookup).
    pub const Py_TPFLAGS_DEFAULT: u64 = 0;
}
use flags::*;

/// `PyTypeObject` (and the extra fields of `PyHeapTypeObject`).
#[repr(C)]
pub struct PyTypeObject {
    pub ob_base: PyObject,
    /// The name a static type was defined with, e.g. `"int"` or
    /// `"collections.OrderedDict"`. Heap types keep theirs in `ht_name_utf8`.
    pub tp_name: &'static str,
    /// Size of an instance in bytes (not counting the GC header).
    pub tp_basicsize: Cell<usize>,
    /// Size of each item of a variable-sized instance (0 if fixed-size).
    pub tp_itemsize: Cell<usize>,
    pub tp_dealloc: Cell<Option<destructor>>,
    pub tp_as_async: PyAsyncMethods,
    pub tp_repr: Cell<Option<reprfunc>>,
    pub tp_as_number: PyNumberMethods,
    pub tp_as_sequence: PySequenceMethods,
    pub tp_as_mapping: PyMappingMethods,
    pub tp_hash: Cell<Option<hashfunc>>,
    pub tp_call: Cell<Option<vectorcallfunc>>,
    pub tp_str: Cell<Option<reprfunc>>,
    pub tp_getattro: Cell<Option<getattrofunc>>,
    pub tp_setattro: Cell<Option<setattrofunc>>,
    pub tp_as_buffer: PyBufferProcs,
    pub tp_flags: Cell<u64>,
    pub tp_doc: Option<&'static str>,
    pub tp_traverse: Cell<Option<traverseproc>>,
    pub tp_clear: Cell<Option<clearproc>>,
    pub tp_richcompare: Cell<Option<richcmpfunc>>,
    /// Offset of the weak-reference list in instances (0: no weak references).
    pub tp_weaklistoffset: Cell<usize>,
    pub tp_iter: Cell<Option<getiterfunc>>,
    pub tp_iternext: Cell<Option<iternextfunc>>,
    pub tp_methods: &'static [PyMethodDef],
    pub tp_members: &'static [PyMemberDef],
    pub tp_getset: &'static [PyGetSetDef],
    /// The solid base (`__base__`). Static types point at static types; a heap type's
    /// bases are kept alive by `tp_bases`.
    pub tp_base: Cell<Option<NonNull<PyTypeObject>>>,
    /// The type's namespace (`__dict__`), a `dict`.
    pub tp_dict: ManuallyDrop<PyCell<Option<PyObjectRef>>>,
    pub tp_descr_get: Cell<Option<descrgetfunc>>,
    pub tp_descr_set: Cell<Option<descrsetfunc>>,
    /// Offset of the instance `__dict__` pointer (0: instances have no `__dict__`).
    pub tp_dictoffset: Cell<usize>,
    pub tp_init: Cell<Option<initproc>>,
    pub tp_alloc: Cell<Option<allocfunc>>,
    pub tp_new: Cell<Option<newfunc>>,
    pub tp_free: Cell<Option<freefunc>>,
    /// `__bases__`, a tuple of types.
    pub tp_bases: ManuallyDrop<PyCell<Option<PyObjectRef>>>,
    /// `__mro__`, a tuple of types.
    pub tp_mro: ManuallyDrop<PyCell<Option<PyObjectRef>>>,
    /// Direct subclasses, as raw pointers (see the module note).
    pub tp_subclasses: ManuallyDrop<PyCell<Vec<NonNull<PyTypeObject>>>>,
    /// Weak references to the type object itself.
    pub tp_weaklist: ManuallyDrop<PyCell<Option<PyObjectRef>>>,
    /// Changes whenever the type or a base changes; keys the attribute caches.
    pub tp_version_tag: Cell<u32>,
    pub tp_finalize: Cell<Option<finalizefunc>>,
    /// A faster way to call the type object itself (`int(x)`, `type(x)`), bypassing
    /// `type.__call__`.
    pub tp_vectorcall: Cell<Option<vectorcallfunc>>,

    // `PyHeapTypeObject` fields.
    /// `__name__` of a heap type (a `str`).
    pub ht_name: ManuallyDrop<PyCell<Option<PyObjectRef>>>,
    /// `__name__` of a heap type as Rust text, kept in step with `ht_name`.
    pub ht_name_utf8: ManuallyDrop<PyCell<Option<Box<str>>>>,
    /// `__qualname__` of a heap type (a `str`).
    pub ht_qualname: ManuallyDrop<PyCell<Option<PyObjectRef>>>,
    /// The names in `__slots__` (a tuple), if the class defined it.
    pub ht_slots: ManuallyDrop<PyCell<Option<PyObjectRef>>>,
    /// The module a type created by a native module belongs to.
    pub ht_module: ManuallyDrop<PyCell<Option<PyObjectRef>>>,
    /// Where the `__slots__` values this class adds start in its instances, and how
    /// many there are. CPython keeps a member table after the heap type
    /// (`PyHeapType_GET_MEMBERS`); pyrs lays a class's slots out contiguously, so an
    /// offset and a count describe them.
    pub ht_slotsoffset: Cell<usize>,
    pub ht_nslots: Cell<usize>,
    /// `ht_cached_keys`: the keys table shared by the instances of a class with
    /// `Py_TPFLAGS_MANAGED_DICT` (PEP 412), or null. It is a `PyDictKeysObject` of
    /// objects/src/dictobject.rs, which this crate cannot name; `type_dealloc` frees it
    /// with `_PyDictKeys_FreeCached`.
    pub ht_cached_keys: Cell<*mut std::ffi::c_void>,
}

// SAFETY: see `PyObject`: one thread runs Python code at a time.
unsafe impl Sync for PyTypeObject {}

impl PyTypeObject {
    /// The starting point for static type definitions: every slot empty, no flags.
    /// The header's type is left dangling; definitions set `ob_base` themselves.
    // A template: every static type is a copy with its own `Cell` fields.
    #[allow(clippy::declare_interior_mutable_const)]
    pub const DEFAULT: PyTypeObject = PyTypeObject {
        ob_base: PyObject {
            ob_refcnt: Cell::new(crate::object::IMMORTAL_REFCNT),
            ob_type: Cell::new(NonNull::dangling()),
        },
        tp_name: "",
        tp_basicsize: Cell::new(0),
        tp_itemsize: Cell::new(0),
        tp_dealloc: no_slot(),
        tp_as_async: PyAsyncMethods::EMPTY,
        tp_repr: no_slot(),
        tp_as_number: PyNumberMethods::EMPTY,
        tp_as_sequence: PySequenceMethods::EMPTY,
        tp_as_mapping: PyMappingMethods::EMPTY,
        tp_hash: no_slot(),
        tp_call: no_slot(),
        tp_str: no_slot(),
        tp_getattro: no_slot(),
        tp_setattro: no_slot(),
        tp_as_buffer: PyBufferProcs::EMPTY,
        tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
        tp_doc: None,
        tp_traverse: no_slot(),
        tp_clear: no_slot(),
        tp_richcompare: no_slot(),
        tp_weaklistoffset: Cell::new(0),
        tp_iter: no_slot(),
        tp_iternext: no_slot(),
        tp_methods: &[],
        tp_members: &[],
        tp_getset: &[],
        tp_base: Cell::new(None),
        tp_dict: ManuallyDrop::new(PyCell::new(None)),
        tp_descr_get: no_slot(),
        tp_descr_set: no_slot(),
        tp_dictoffset: Cell::new(0),
        tp_init: no_slot(),
        tp_alloc: no_slot(),
        tp_new: no_slot(),
        tp_free: no_slot(),
        tp_bases: ManuallyDrop::new(PyCell::new(None)),
        tp_mro: ManuallyDrop::new(PyCell::new(None)),
        tp_subclasses: ManuallyDrop::new(PyCell::new(Vec::new())),
        tp_weaklist: ManuallyDrop::new(PyCell::new(None)),
        tp_version_tag: Cell::new(0),
        tp_finalize: no_slot(),
        tp_vectorcall: no_slot(),
        ht_name: ManuallyDrop::new(PyCell::new(None)),
        ht_name_utf8: ManuallyDrop::new(PyCell::new(None)),
        ht_qualname: ManuallyDrop::new(PyCell::new(None)),
        ht_slots: ManuallyDrop::new(PyCell::new(None)),
        ht_module: ManuallyDrop::new(PyCell::new(None)),
        ht_slotsoffset: Cell::new(0),
        ht_nslots: Cell::new(0),
        ht_cached_keys: Cell::new(std::ptr::null_mut()),
    };

    /// The type's name as error messages print it (`tp_name`): the full dotted name
    /// for static types, `__name__` for classes.
    pub fn name(&self) -> &str {
        if self.is_heap_type() {
            // SAFETY: `ht_name_utf8` is only replaced by `type.__name__` assignment,
            // which does not run while a caller formats a message with this name.
            match unsafe { self.ht_name_utf8.get_ref() } {
                Some(name) => name,
                None => self.tp_name,
            }
        } else {
            self.tp_name
        }
    }

    /// `PyType_HasFeature`.
    #[inline(always)]
    pub fn has_feature(&self, flag: u64) -> bool {
        self.tp_flags.get() & flag != 0
    }

    #[inline(always)]
    pub fn is_heap_type(&self) -> bool {
        self.has_feature(Py_TPFLAGS_HEAPTYPE)
    }

    /// Instances carry a GC header and are tracked by the cycle collector.
    #[inline(always)]
    pub fn is_gc(&self) -> bool {
        self.has_feature(Py_TPFLAGS_HAVE_GC)
    }

    /// The type as an object.
    #[inline(always)]
    pub fn as_object(&self) -> &PyObject {
        &self.ob_base
    }

    /// The solid base type (`tp_base`).
    #[inline]
    pub fn base(&self) -> Option<&PyTypeObject> {
        // SAFETY: a type's base outlives it (see the field's note).
        self.tp_base.get().map(|p| unsafe { p.as_ref() })
    }

    /// Drop the references a heap type holds in its `ManuallyDrop` fields.
    ///
    /// # Safety
    /// Only for a heap type being deallocated; the fields must not be used afterwards.
    pub unsafe fn release_references(tp: *mut PyTypeObject) {
        // SAFETY: the caller guarantees exclusive access to a dying type object.
        unsafe {
            ManuallyDrop::drop(&mut (*tp).tp_dict);
            ManuallyDrop::drop(&mut (*tp).tp_bases);
            ManuallyDrop::drop(&mut (*tp).tp_mro);
            ManuallyDrop::drop(&mut (*tp).tp_subclasses);
            ManuallyDrop::drop(&mut (*tp).tp_weaklist);
            ManuallyDrop::drop(&mut (*tp).ht_name);
            ManuallyDrop::drop(&mut (*tp).ht_name_utf8);
            ManuallyDrop::drop(&mut (*tp).ht_qualname);
            ManuallyDrop::drop(&mut (*tp).ht_slots);
            ManuallyDrop::drop(&mut (*tp).ht_module);
        }
    }

    /// A new owned reference to the type object.
    #[inline]
    pub fn to_owned_type(&self) -> crate::object::PyRef<PyTypeObject> {
        crate::object::PyRef::from_borrowed(self)
    }
}

// SAFETY: `PyTypeObject` is `#[repr(C)]` with its header first.
unsafe impl crate::object::PyObjectLayout for PyTypeObject {}
