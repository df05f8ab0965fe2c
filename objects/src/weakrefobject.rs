//! Weak references. Mirrors Objects/weakrefobject.c (CPython 3.11).
//!
//! FIXME(pyrs): the `weakref` types themselves (`ref`, `proxy`) arrive with the
//! memory-management work; until then no weak reference can be created, so every
//! weak-reference list is empty and clearing one has nothing to do. The functions here
//! are the hooks that object deallocators already call, so that nothing else changes
//! when the types land.

use include::{PyCell, PyObject, PyObjectRef, PyTypeObject};

/// The first weak reference in an object's weak-reference list (`__weakref__`).
pub fn first_weakref(slot: &PyCell<Option<PyObjectRef>>) -> Option<PyObjectRef> {
    slot.get()
}

/// `PyObject_ClearWeakRefs`: called when `obj` is being freed; clears the references
/// in its weak-reference list and calls their callbacks.
pub fn PyObject_ClearWeakRefs(obj: &PyObject) {
    let offset = obj.ob_type().tp_weaklistoffset.get();
    if offset == 0 {
        return;
    }
    // SAFETY: `tp_weaklistoffset` is the offset of a `PyCell<Option<PyObjectRef>>`
    // inside every instance of the type.
    let slot = unsafe { &*((obj.as_ptr() as *const u8).add(offset) as *const PyCell<Option<PyObjectRef>>) };
    slot.set(None);
}

/// This file's static types (none yet; see the module note).
pub fn static_types() -> Vec<&'static PyTypeObject> {
    Vec::new()
}
