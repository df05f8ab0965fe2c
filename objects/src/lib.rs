//! Mirrors CPython's Objects/ directory: the built-in types, one file per C file
//! (`listobject.rs` is Objects/listobject.c, `abstract.rs` is Objects/abstract.c, ...).
//!
//! This crate sits on `include` and below `python`: where a type must run the
//! interpreter (calling a Python function, a user `__eq__`), it goes through slots and
//! through the hooks in [`pyhooks`], which the `python` crate fills in at start-up.

pub mod r#abstract;
pub mod boolobject;
pub mod bytearrayobject;
pub mod bytesobject;
pub mod call;
pub mod cellobject;
pub mod classobject;
pub mod codecs;
pub mod codeobject;
pub mod complexobject;
pub mod descrobject;
pub mod dictobject;
pub mod enumobject;
pub mod exceptions;
pub mod fileobject;
pub mod floatobject;
pub mod formatter_unicode;
pub mod frameobject;
pub mod funcobject;
pub mod genericaliasobject;
pub mod genobject;
pub mod getargs;
pub mod iterobject;
pub mod listobject;
pub mod longobject;
pub mod memoryobject;
pub mod methodobject;
pub mod moduleobject;
pub mod namespaceobject;
pub mod object;
pub mod obmalloc;
pub mod pyerrors;
pub mod pyhash;
pub mod pyhooks;
pub mod rangeobject;
pub mod setobject;
pub mod sliceobject;
pub mod structseq;
pub mod tupleobject;
pub mod typeobject;
pub mod typeslots;
pub mod ucnhash;
pub mod unicode_format;
pub mod unicodectype;
#[rustfmt::skip]
pub mod unicodedata_db;
#[rustfmt::skip]
pub mod unicodename_db;
pub mod unicodeobject;
#[rustfmt::skip]
pub mod unicodetype_db;
pub mod unionobject;
pub mod weakrefobject;
pub use include::{
    slot, CompareOp, PyCell, PyErr, PyObject, PyObjectLayout, PyObjectRef, PyRef, PyResult,
    PyTypeObject, Py_hash_t, Py_ssize_t,
};

/// A Rust struct that is the instance layout of a particular type object, so that a
/// `&PyObject` can be checked and viewed as `&Self` (`PyList_Check` and a cast).
pub trait PyTypeInfo: PyObjectLayout + Sized {
    /// The type whose instances (and subclass instances) have this layout.
    fn type_object() -> &'static PyTypeObject;

    /// `Py*_Check`: is `obj` an instance of this type or a subtype?
    #[inline]
    fn check(obj: &PyObject) -> bool {
        let tp = Self::type_object();
        obj.is_type(tp) || typeobject::PyType_IsSubtype(obj.ob_type(), tp)
    }

    /// `Py*_CheckExact`: is `obj`'s type exactly this type?
    #[inline(always)]
    fn check_exact(obj: &PyObject) -> bool {
        obj.is_type(Self::type_object())
    }
}

/// Checked views of an object as a concrete layout.
pub trait PyObjectExt {
    /// Borrow as `&T` if the object is a `T` (or subtype instance).
    fn downcast_ref<T: PyTypeInfo>(&self) -> Option<&T>;
    /// Borrow as `&T` if the object's type is exactly `T`'s.
    fn downcast_ref_exact<T: PyTypeInfo>(&self) -> Option<&T>;
}

impl PyObjectExt for PyObject {
    #[inline]
    fn downcast_ref<T: PyTypeInfo>(&self) -> Option<&T> {
        if T::check(self) {
            // SAFETY: the type check guarantees the layout starts with `T`.
            Some(unsafe { &*(self as *const PyObject as *const T) })
        } else {
            None
        }
    }

    #[inline]
    fn downcast_ref_exact<T: PyTypeInfo>(&self) -> Option<&T> {
        if T::check_exact(self) {
            // SAFETY: as above.
            Some(unsafe { &*(self as *const PyObject as *const T) })
        } else {
            None
        }
    }
}

/// Owned checked downcasts.
pub trait PyObjectRefExt: Sized {
    /// Convert to `PyRef<T>` if the object is a `T`, else give the reference back.
    fn downcast<T: PyTypeInfo>(self) -> Result<PyRef<T>, Self>;
}

impl PyObjectRefExt for PyObjectRef {
    #[inline]
    fn downcast<T: PyTypeInfo>(self) -> Result<PyRef<T>, PyObjectRef> {
        if T::check(&self) {
            // SAFETY: the type check guarantees the layout.
            Ok(unsafe { self.downcast_unchecked::<T>() })
        } else {
            Err(self)
        }
    }
}

/// What most files need.
pub mod prelude {
    pub use crate::pyerrors::*;
    pub use crate::{PyObjectExt, PyObjectRefExt, PyTypeInfo};
    pub use include::cpython::object::{no_slot, slot, PyTypeObject};
    pub use include::{
        CompareOp, PyCell, PyErr, PyObject, PyObjectLayout, PyObjectRef, PyRef, PyResult,
    };
    pub use include::{Py_hash_t, Py_ssize_t};
}

/// Every static type of this crate, bases before subclasses, for start-up.
/// A new built-in type is added here (CPython: `_PyTypes_InitTypes` in
/// Objects/object.c and the `static_types` array).
pub fn static_types() -> Vec<&'static PyTypeObject> {
    let mut v: Vec<&'static PyTypeObject> = vec![
        &typeobject::PyBaseObject_Type,
        &typeobject::PyType_Type,
        &typeobject::PySuper_Type,
        &object::_PyNone_Type,
        &object::_PyNotImplemented_Type,
        &unicodeobject::PyUnicode_Type,
        &longobject::PyLong_Type,
        &methodobject::PyCFunction_Type,
        &descrobject::PyMethodDescr_Type,
        &descrobject::PyClassMethodDescr_Type,
        &descrobject::PyWrapperDescr_Type,
        &descrobject::_PyMethodWrapper_Type,
        &descrobject::PyGetSetDescr_Type,
        &descrobject::PyMemberDescr_Type,
        &descrobject::PyDictProxy_Type,
        &descrobject::PyProperty_Type,
    ];
    v.extend(unicodeobject::static_types());
    v.extend(boolobject::static_types());
    v.extend(floatobject::static_types());
    v.extend(complexobject::static_types());
    v.extend(bytesobject::static_types());
    v.extend(bytearrayobject::static_types());
    v.extend(memoryobject::static_types());
    v.extend(tupleobject::static_types());
    v.extend(listobject::static_types());
    v.extend(dictobject::static_types());
    v.extend(setobject::static_types());
    v.extend(rangeobject::static_types());
    v.extend(sliceobject::static_types());
    v.extend(iterobject::static_types());
    v.extend(enumobject::static_types());
    v.extend(funcobject::static_types());
    v.extend(classobject::static_types());
    v.extend(cellobject::static_types());
    v.extend(codeobject::static_types());
    v.extend(moduleobject::static_types());
    v.extend(frameobject::static_types());
    v.extend(genobject::static_types());
    v.extend(weakrefobject::static_types());
    v.extend(fileobject::static_types());
    v.extend(namespaceobject::static_types());
    v.extend(structseq::static_types());
    v.extend(unionobject::static_types());
    v.extend(genericaliasobject::static_types());
    v.extend(exceptions::static_types());
    v
}

/// Ready every static type and make the shared singletons (small ints). Called once
/// by the interpreter's start-up (`pycore_init_types`) before anything else.
pub fn init_types() -> PyResult<()> {
    longobject::_PyLong_Init();
    for tp in static_types() {
        typeobject::PyType_Ready(tp)?;
    }
    Ok(())
}
