//! Descriptions of computed attributes and struct members. Mirrors
//! Include/descrobject.h and Include/structmember.h (CPython 3.11).

use crate::object::PyObject;
use crate::pyerrors::PyResult;

/// `getter`: compute the attribute for this object.
pub type getter = fn(&PyObject) -> PyResult;
/// `setter`: set (`Some`) or delete (`None`) the attribute.
pub type setter = fn(&PyObject, Option<&PyObject>) -> PyResult<()>;

/// `PyGetSetDef`: an attribute computed by Rust functions (a `getset_descriptor`).
pub struct PyGetSetDef {
    pub name: &'static str,
    pub get: Option<getter>,
    pub set: Option<setter>,
    pub doc: Option<&'static str>,
}

impl PyGetSetDef {
    pub const fn getter(name: &'static str, get: getter) -> PyGetSetDef {
        PyGetSetDef {
            name,
            get: Some(get),
            set: None,
            doc: None,
        }
    }

    pub const fn getset(name: &'static str, get: getter, set: setter) -> PyGetSetDef {
        PyGetSetDef {
            name,
            get: Some(get),
            set: Some(set),
            doc: None,
        }
    }
}

/// What a struct member holds (`T_*` in structmember.h).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberType {
    /// `T_OBJECT`: an `Option<PyObjectRef>`; reads `None` as Python `None`.
    Object,
    /// `T_OBJECT_EX`: an `Option<PyObjectRef>`; reading an empty one raises
    /// `AttributeError` (how `__slots__` members behave).
    ObjectEx,
    /// `T_INT`: an `i32`.
    Int,
    /// `T_PYSSIZET`: an `isize`.
    PySsizeT,
    /// `T_BOOL`: a `bool`.
    Bool,
    /// `T_DOUBLE`: an `f64` (a `Cell<f64>` if the member is writable).
    Double,
}

/// `READONLY`.
pub const READONLY: u32 = 1;

/// `PyMemberDef`: an attribute stored at a fixed offset in the instance (a
/// `member_descriptor`). Offsets come from `std::mem::offset_of!`.
pub struct PyMemberDef {
    pub name: &'static str,
    pub type_code: MemberType,
    pub offset: usize,
    pub flags: u32,
    pub doc: Option<&'static str>,
}

impl PyMemberDef {
    pub const fn new(
        name: &'static str,
        type_code: MemberType,
        offset: usize,
        flags: u32,
    ) -> PyMemberDef {
        PyMemberDef {
            name,
            type_code,
            offset,
            flags,
            doc: None,
        }
    }
}
