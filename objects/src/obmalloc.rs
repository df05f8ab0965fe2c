//! Object memory: allocating and freeing objects. Mirrors Objects/obmalloc.c and the
//! allocation half of Objects/typeobject.c (`PyType_GenericAlloc`) and
//! Modules/gcmodule.c (`_PyObject_GC_New`, `PyObject_GC_Del`) (CPython 3.11).
//!
//! An object is `tp_basicsize` bytes (plus `tp_itemsize` per item for variable-sized
//! types), preceded by a `PyGC_Head` for types with `Py_TPFLAGS_HAVE_GC`. Memory comes
//! from Rust's global allocator; the layout is recomputed from the object's type when
//! it is freed, as it cannot change while the object lives (`__class__` assignment
//! requires the same layout).
//!
//! Differences from CPython: there is no small-object arena allocator (pymalloc); the
//! system allocator plays that part.

use std::alloc::{alloc_zeroed, dealloc, handle_alloc_error, Layout};
use std::ptr::NonNull;

use include::gc::{self, GC_HEAD_SIZE};
use include::object::PyObject;
use include::{PyObjectLayout, PyRef, PyTypeObject, Py_ssize_t};

/// Every object is aligned to 16 bytes, like CPython's allocator guarantees.
const OBJECT_ALIGN: usize = 16;

fn object_layout(tp: &PyTypeObject, nitems: usize) -> Layout {
    let mut size = tp.tp_basicsize.get() + tp.tp_itemsize.get() * nitems;
    if tp.is_gc() {
        size += GC_HEAD_SIZE;
    }
    // A zero-sized request is impossible for objects (the header alone is 16 bytes).
    match Layout::from_size_align(size.max(16), OBJECT_ALIGN) {
        Ok(layout) => layout,
        // Sizes come from types' basic sizes; an overflow here means a corrupt type.
        Err(_) => handle_alloc_error(Layout::new::<PyObject>()),
    }
}

/// `PyType_GenericAlloc`: zeroed memory for an instance of `tp` with room for
/// `nitems` items, its header set (one reference, type `tp`, which gains a reference
/// if it is a heap type). GC objects are *not* tracked yet: the caller tracks them
/// once every field is initialised.
///
/// # Safety
/// The caller must initialise the object's fields (beyond the header) before the
/// object can be reached, and `tp` must be ready.
pub unsafe fn PyType_GenericAlloc(tp: &PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    let layout = object_layout(tp, nitems.max(0) as usize);
    // SAFETY: the layout has non-zero size.
    let mem = unsafe { alloc_zeroed(layout) };
    if mem.is_null() {
        handle_alloc_error(layout);
    }
    let obj = if tp.is_gc() {
        gc::gc_note_allocation();
        // SAFETY: the allocation has room for the GC header in front.
        unsafe { mem.add(GC_HEAD_SIZE) as *mut PyObject }
    } else {
        mem as *mut PyObject
    };
    if tp.is_heap_type() {
        tp.as_object().incref();
    }
    // SAFETY: `obj` points to zeroed, suitably aligned memory for the header.
    unsafe { obj.write(PyObject::new_header(tp)) };
    obj
}

/// `PyObject_Free` / `PyObject_GC_Del`: release an object's memory. The object must
/// already be untracked and its fields dropped. Used as every type's `tp_free`.
///
/// # Safety
/// `op` must have been allocated by [`PyType_GenericAlloc`] for its current type and
/// must not be used afterwards.
pub unsafe fn PyObject_Free(op: *mut PyObject) {
    // SAFETY: the type outlives its instances; the header is still intact.
    let tp = unsafe { (*op).ob_type() };
    // Variable-sized objects record their item count in their own struct; the types
    // that use `tp_itemsize` free themselves with `PyObject_FreeVar`.
    let layout = object_layout(tp, 0);
    // SAFETY: recompute the start of the allocation made above.
    unsafe {
        let mem = if tp.is_gc() {
            gc::gc_note_deallocation();
            (op as *mut u8).sub(GC_HEAD_SIZE)
        } else {
            op as *mut u8
        };
        dealloc(mem, layout);
    }
}

/// Allocate an object of type `tp` and move `value` (a complete struct whose header is
/// a placeholder) into it, setting the real header. Returns the new reference.
/// GC objects are tracked before returning.
///
/// This is the usual way built-in types make instances:
/// `alloc_object(&PyList_Type, PyListObject { ob_base: PyObject_HEAD_INIT, .. })`.
///
/// # Safety
/// `T` must be the layout of `tp`'s instances (or of a base of `tp`, with the rest of
/// `tp`'s instance zero-initialisable), and `tp` must be ready.
pub unsafe fn alloc_object<T: PyObjectLayout>(tp: &PyTypeObject, value: T) -> PyRef<T> {
    debug_assert!(tp.tp_basicsize.get() >= std::mem::size_of::<T>());
    // SAFETY: see the function's contract.
    unsafe {
        let obj = PyType_GenericAlloc(tp, 0);
        let header = std::ptr::read(obj);
        let p = obj as *mut T;
        p.write(value);
        // Restore the header that `PyType_GenericAlloc` set (the placeholder in
        // `value` is discarded without running any destructor: headers have none).
        std::ptr::write(obj, header);
        if tp.is_gc() {
            gc::gc_track(obj);
        }
        PyRef::from_raw(NonNull::new_unchecked(p))
    }
}

/// A placeholder header for struct literals passed to [`alloc_object`]; the real
/// header is written by the allocator.
pub const PyObject_HEAD_INIT: PyObject = PyObject {
    ob_refcnt: std::cell::Cell::new(0),
    ob_type: std::cell::Cell::new(NonNull::dangling()),
};

/// The common tail of every `tp_dealloc`: untrack, drop the fields of a `T`, free the
/// memory with the type's `tp_free`, and release the reference a heap type's
/// instances hold on their type.
///
/// # Safety
/// `op` must be a dead object whose layout starts with `T`.
pub unsafe fn dealloc_object<T: PyObjectLayout>(op: *mut PyObject) {
    // SAFETY: see the function's contract.
    unsafe {
        let tp = (*op).ob_type();
        if tp.is_gc() {
            gc::gc_untrack(op);
        }
        std::ptr::drop_in_place(op as *mut T);
        free_and_release_type(op);
    }
}

/// Free an object's memory with its type's `tp_free` and drop the reference a heap
/// type's instance holds on the type.
///
/// # Safety
/// `op` must be a dead, untracked object whose fields have been dropped.
pub unsafe fn free_and_release_type(op: *mut PyObject) {
    // SAFETY: see the function's contract.
    unsafe {
        let tp_ptr = (*op).ob_type.get();
        let tp = tp_ptr.as_ref();
        let free = tp.tp_free.get().unwrap_or(PyObject_Free);
        let heap = tp.is_heap_type();
        free(op);
        if heap {
            include::object::Py_DECREF(tp_ptr.cast());
        }
    }
}
