//! `types.UnionType`, the object `int | str` makes (PEP 604). Mirrors
//! Objects/unionobject.c (CPython 3.11).
//!
//! A union holds a tuple of distinct arguments: classes (`None` becomes `NoneType`),
//! generic aliases and other unions flattened into it. `isinstance(x, int | str)`
//! checks each argument in turn, exactly like a tuple of classes (abstract.c hands a
//! union's arguments to its tuple path).
//!
//! Differences from CPython: `hash()` and `==` work on the arguments as a set without
//! building a `frozenset`; the hash is computed with `frozenset`'s formula, so equal
//! unions hash alike whatever the order of their arguments.

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::*;
use include::cpython::object::{PyMappingMethods, PyNumberMethods};
use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef, READONLY};

use crate::genericaliasobject::{
    _Py_make_parameters, _Py_subs_parameters, is_generic_alias, repr_item,
};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::{PyTupleObject, PyTuple_New, ReprWriter};
use crate::typeobject::{as_type, PyType_Type};
use crate::unicodeobject::PyUnicodeObject;

/// `unionobject`: the instance layout of `types.UnionType`.
#[repr(C)]
pub struct unionobject {
    pub ob_base: PyObject,
    /// `__args__`, a tuple of at least two distinct arguments.
    pub args: PyCell<Option<PyObjectRef>>,
    /// `__parameters__`, computed on first use.
    pub parameters: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the object header first.
unsafe impl PyObjectLayout for unionobject {}

impl PyTypeInfo for unionobject {
    fn type_object() -> &'static PyTypeObject {
        &_PyUnion_Type
    }
    /// `_PyUnion_Check`: the type cannot be subclassed, so this is an exact test.
    #[inline(always)]
    fn check(obj: &PyObject) -> bool {
        obj.is_type(&_PyUnion_Type)
    }
}

#[inline(always)]
fn as_union(obj: &PyObject) -> &unionobject {
    // SAFETY: the slots below are installed on `types.UnionType` only.
    unsafe { &*(obj as *const PyObject as *const unionobject) }
}

impl unionobject {
    fn args_tuple(&self) -> PyRef<PyTupleObject> {
        match self.args.get() {
            // SAFETY: `args` only ever holds a tuple (see `make_union`).
            Some(a) => unsafe { a.downcast_unchecked::<PyTupleObject>() },
            None => PyTuple_New(Vec::new()),
        }
    }
}

/// `_PyUnion_Check`.
#[inline]
pub fn is_union(obj: &PyObject) -> bool {
    unionobject::check(obj)
}

/// `_Py_union_args`: the union's arguments.
pub fn _Py_union_args(obj: &PyObject) -> PyRef<PyTupleObject> {
    as_union(obj).args_tuple()
}

/// `make_union`: a union of `args` (a tuple).
fn make_union(args: PyObjectRef) -> PyObjectRef {
    // SAFETY: the struct is complete.
    unsafe {
        alloc_object(
            &_PyUnion_Type,
            unionobject {
                ob_base: PyObject_HEAD_INIT,
                args: PyCell::new(Some(args)),
                parameters: PyCell::new(None),
            },
        )
    }
    .into_object()
}

// --- `|` ----------------------------------------------------------------------------------

/// Can `obj` take part in `|` (`is_unionable`)?
fn is_unionable(obj: &PyObject) -> bool {
    obj.is(Py_None()) || as_type(obj).is_some() || is_generic_alias(obj) || is_union(obj)
}

/// `is_same`: aliases are duplicates when equal, anything else when identical.
fn is_same(left: &PyObject, right: &PyObject) -> PyResult<bool> {
    if is_generic_alias(left) && is_generic_alias(right) {
        PyObject_RichCompareBool(left, right, CompareOp::Eq)
    } else {
        Ok(left.is(right))
    }
}

/// The arguments an operand of `|` contributes (`get_types`): a union's own, or the
/// operand itself, with `None` standing for `NoneType`.
fn get_types(obj: &PyObject) -> Vec<PyObjectRef> {
    if obj.is(Py_None()) {
        return vec![_PyNone_Type.as_object().to_owned()];
    }
    if is_union(obj) {
        return as_union(obj).args_tuple().as_slice().to_vec();
    }
    vec![obj.to_owned()]
}

/// `_Py_union_type_or`: `a | b` for classes, `None`, aliases and unions, flattening
/// and removing duplicates; `NotImplemented` for other operands so that `|` falls back
/// to the other operand (`typing.TypeVar.__ror__`, ...). `int | int` is `int`.
pub fn _Py_union_type_or(a: &PyObject, b: &PyObject) -> PyResult {
    if !is_unionable(a) || !is_unionable(b) {
        return Ok(not_implemented());
    }
    let items1 = get_types(a);
    let items2 = get_types(b);
    let mut merged = items1.clone();
    let mut added = false;
    for arg in items2 {
        let mut duplicate = false;
        for x in &items1 {
            if is_same(x, &arg)? {
                duplicate = true;
                break;
            }
        }
        if !duplicate {
            merged.push(arg);
            added = true;
        }
    }
    if !added {
        // Nothing new on the right: the left operand is the answer (with `None`
        // already turned into `NoneType`, as CPython's `get_types` does).
        return Ok(if a.is(Py_None()) {
            _PyNone_Type.as_object().to_owned()
        } else {
            a.to_owned()
        });
    }
    Ok(make_union(PyTuple_New(merged).into_object()))
}

// --- isinstance, issubclass -------------------------------------------------------------------

/// `isinstance(inst, union)`: true if `inst` is an instance of any argument, checked
/// in order as for a tuple (so `isinstance(1, int | list[int])` is true, and a
/// parameterized generic reached later raises).
pub fn union_instancecheck(inst: &PyObject, cls: &PyObject) -> PyResult<bool> {
    let args = as_union(cls).args_tuple();
    let _guard = Py_EnterRecursiveCall(" in __instancecheck__")?;
    for item in args.as_slice() {
        if crate::r#abstract::PyObject_IsInstance(inst, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `issubclass(derived, union)`, as for a tuple of its arguments.
pub fn union_subclasscheck(derived: &PyObject, cls: &PyObject) -> PyResult<bool> {
    let args = as_union(cls).args_tuple();
    let _guard = Py_EnterRecursiveCall(" in __subclasscheck__")?;
    for item in args.as_slice() {
        if crate::r#abstract::PyObject_IsSubclass(derived, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// --- repr, hash, comparison ------------------------------------------------------------------

/// `int | str`, with `None` for `NoneType`.
fn union_repr(obj: &PyObject) -> PyResult {
    let args = as_union(obj).args_tuple();
    let mut w = ReprWriter::new();
    for (i, p) in args.as_slice().iter().enumerate() {
        if i > 0 {
            w.push_str(" | ");
        }
        if p.is(_PyNone_Type.as_object()) {
            w.push_str("None");
        } else {
            repr_item(&mut w, p)?;
        }
    }
    Ok(w.finish())
}

/// The arguments with their hashes, keeping one of any that are equal (what putting
/// them in a set would keep).
fn distinct_hashed(items: &[PyObjectRef]) -> PyResult<Vec<(Py_hash_t, PyObjectRef)>> {
    let mut out: Vec<(Py_hash_t, PyObjectRef)> = Vec::with_capacity(items.len());
    for item in items {
        let h = PyObject_Hash(item)?;
        let mut found = false;
        for (h2, o) in &out {
            if *h2 == h && PyObject_RichCompareBool(o, item, CompareOp::Eq)? {
                found = true;
                break;
            }
        }
        if !found {
            out.push((h, item.clone()));
        }
    }
    Ok(out)
}

/// `frozenset`'s bit shuffle of one entry's hash.
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// `hash(frozenset(args))`, by `frozenset_hash`'s formula over the distinct items.
fn union_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    let items = distinct_hashed(as_union(obj).args_tuple().as_slice())?;
    let mut hash: u64 = 0;
    for (h, _) in &items {
        hash ^= shuffle_bits(*h as u64);
    }
    hash ^= (items.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    Ok(hash as Py_hash_t)
}

/// `a == b`: the same arguments in any order (`set(a.__args__) == set(b.__args__)`).
fn union_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !is_union(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let sa = distinct_hashed(as_union(a).args_tuple().as_slice())?;
    let sb = distinct_hashed(as_union(b).args_tuple().as_slice())?;
    let mut equal = sa.len() == sb.len();
    if equal {
        'outer: for (h, x) in &sa {
            for (h2, y) in &sb {
                if h == h2 && PyObject_RichCompareBool(x, y, CompareOp::Eq)? {
                    continue 'outer;
                }
            }
            equal = false;
            break;
        }
    }
    Ok(crate::boolobject::PyBool_FromLong(if op == CompareOp::Eq {
        equal
    } else {
        !equal
    }))
}

// --- Attributes, subscription -------------------------------------------------------------------

/// `__parameters__`, computed once.
fn union_parameters(obj: &PyObject) -> PyResult {
    let u = as_union(obj);
    if let Some(p) = u.parameters.get() {
        return Ok(p);
    }
    let _guard = Py_EnterRecursiveCall(" while getting __parameters__")?;
    let p = _Py_make_parameters(u.args_tuple().as_object())?;
    u.parameters.set(Some(p.clone()));
    Ok(p)
}

/// `(int | list[T])[str]` is `int | list[str]`: substitute, then rebuild with `|`.
fn union_getitem(obj: &PyObject, item: &PyObject) -> PyResult {
    let params = union_parameters(obj)?;
    let args = as_union(obj).args_tuple();
    let newargs = _Py_subs_parameters(obj, args.as_object(), &params, item)?;
    // SAFETY: `_Py_subs_parameters` returns a tuple.
    let items = unsafe { newargs.downcast_ref_unchecked::<PyTupleObject>() }.as_slice();
    let Some((first, rest)) = items.split_first() else {
        return Ok(make_union(newargs.clone()));
    };
    let mut res = first.clone();
    for arg in rest {
        res = crate::r#abstract::PyNumber_BinaryOp(&res, arg, include::opcode::nb::OR)?;
    }
    Ok(res)
}

/// `__module__` is the type's (`types`), for the typing module's sake; every other
/// attribute is looked up normally.
fn union_getattro(obj: &PyObject, name: &PyObject) -> PyResult {
    if name
        .downcast_ref::<PyUnicodeObject>()
        .is_some_and(|u| u.as_str() == Some("__module__"))
    {
        return PyObject_GetAttr(obj.ob_type().as_object(), name);
    }
    PyObject_GenericGetAttr(obj, name)
}

unsafe fn union_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead union.
    unsafe { dealloc_object::<unionobject>(op) }
}

fn union_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let u = as_union(obj);
    for c in [&u.args, &u.parameters] {
        // SAFETY: traversal runs no Python code.
        if let Some(o) = unsafe { c.get_ref() } {
            visit(o);
        }
    }
}

fn union_clear(obj: &PyObject) {
    let u = as_union(obj);
    u.args.set(None);
    u.parameters.set(None);
}

static UNION_MEMBERS: [PyMemberDef; 1] = [PyMemberDef::new(
    "__args__",
    MemberType::Object,
    offset_of!(unionobject, args),
    READONLY,
)];

static UNION_GETSET: [PyGetSetDef; 1] = [PyGetSetDef {
    name: "__parameters__",
    get: Some(union_parameters),
    set: None,
    doc: Some("Type variables in the types.UnionType."),
}];

/// `types.UnionType` (`_PyUnion_Type`).
pub static _PyUnion_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "types.UnionType",
    tp_basicsize: Cell::new(size_of::<unionobject>()),
    tp_dealloc: slot(union_dealloc),
    tp_repr: slot(union_repr),
    tp_as_number: PyNumberMethods {
        nb_or: slot(_Py_union_type_or),
        ..PyNumberMethods::EMPTY
    },
    tp_as_mapping: PyMappingMethods {
        mp_subscript: slot(union_getitem),
        ..PyMappingMethods::EMPTY
    },
    tp_hash: slot(union_hash),
    tp_getattro: slot(union_getattro),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_doc: Some("Represent a PEP 604 union type\n\nE.g. for int | str"),
    tp_traverse: slot(union_traverse),
    tp_clear: slot(union_clear),
    tp_richcompare: slot(union_richcompare),
    tp_members: &UNION_MEMBERS,
    tp_getset: &UNION_GETSET,
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&_PyUnion_Type]
}
