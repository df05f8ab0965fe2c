//! The `_operator` module: the operators as functions, and `itemgetter`, `attrgetter`
//! and `methodcaller`. Mirrors Modules/_operator.c (CPython 3.11).
//!
//! Differences from CPython: `_compare_digest` compares the bytes in one pass over
//! both operands rather than with CPython's hand-written constant-time loop (`_tscmp`);
//! it still looks at every byte of `b` whatever the contents. `itemgetter` has no
//! fast path for an int index into an exact tuple or list (`index_ok`).

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::opcode::nb;
use include::pybuffer::{PyBUF_SIMPLE, Py_buffer};

use objects::boolobject::PyBool_FromLong;
use objects::call::{kwnames_slice, PyObject_Call, PyObject_Vectorcall};
use objects::dictobject::{PyDictObject, PyDict_New, PyDict_Next, PyDict_SetItem, PyDict_Size};
use objects::exceptions::*;
use objects::getargs::{check_no_kwargs, check_positional};
use objects::longobject::PyLong_FromSsize_t;
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::pyerrors::{PyErr_ExceptionMatches, PyErr_SetString};
use objects::r#abstract::{
    binary_op1, PyBuffer_Release, PyBuffer_ToContiguous, PyIter_Next, PyNumber_Absolute,
    PyNumber_AsSsize_t, PyNumber_BinaryOp, PyNumber_InPlaceOp, PyNumber_Index, PyNumber_Invert,
    PyNumber_Negative, PyNumber_Positive, PyNumber_Power, PyObject_CheckBuffer, PyObject_DelItem,
    PyObject_GetBuffer, PyObject_GetItem, PyObject_GetIter, PyObject_LengthHint, PyObject_SetItem,
    PySequence_Check, PySequence_Contains,
};
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::{
    PyUnicodeObject, PyUnicode_FromCodePoints, PyUnicode_FromString, PyUnicode_InternInPlace,
    PyUnicode_Join,
};

/// A view of `obj` as the layout `T` (the slots of a type are only installed on it).
macro_rules! view {
    ($fn_name:ident, $t:ty) => {
        fn $fn_name(obj: &PyObject) -> &$t {
            // SAFETY: the slots and methods using this view are installed on the one
            // type whose layout is `$t` (none of the three types can be subclassed).
            unsafe { &*(obj as *const PyObject as *const $t) }
        }
    };
}

/// `tp_dealloc` for a layout: untrack, drop the fields, free.
macro_rules! dealloc {
    ($fn_name:ident, $t:ty) => {
        unsafe fn $fn_name(op: *mut PyObject) {
            // SAFETY: `op` is a dead object of this layout.
            unsafe { dealloc_object::<$t>(op) }
        }
    };
}

fn tuple(items: Vec<PyObjectRef>) -> PyObjectRef {
    PyTuple_New(items).into_object()
}

/// The positional part of a vectorcall argument array.
fn positional<'a>(args: &'a [PyObjectRef], kwnames: Option<&PyObject>) -> &'a [PyObjectRef] {
    &args[..args.len() - kwnames_slice(kwnames).len()]
}

/// Argument Clinic's `_PyArg_CheckPositional` for a function of exactly `n` arguments.
fn exact<'a>(name: &str, args: &'a [PyObjectRef], n: usize) -> PyResult<&'a [PyObjectRef]> {
    check_positional(name, args.len(), n, n)?;
    Ok(args)
}

// --- The operator functions ----------------------------------------------------------------

/// A two-argument function applying a binary number operator.
macro_rules! binop {
    ($fn_name:ident, $name:literal, $op:expr) => {
        fn $fn_name(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
            let a = exact($name, args, 2)?;
            PyNumber_BinaryOp(&a[0], &a[1], $op)
        }
    };
}

/// A two-argument function applying an in-place number operator.
macro_rules! inplace {
    ($fn_name:ident, $name:literal, $op:expr) => {
        fn $fn_name(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
            let a = exact($name, args, 2)?;
            PyNumber_InPlaceOp(&a[0], &a[1], $op + nb::INPLACE_OFFSET)
        }
    };
}

/// A two-argument rich comparison.
macro_rules! richcmp {
    ($fn_name:ident, $name:literal, $op:expr) => {
        fn $fn_name(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
            let a = exact($name, args, 2)?;
            PyObject_RichCompare(&a[0], &a[1], $op)
        }
    };
}

binop!(_operator_add, "add", nb::ADD);
binop!(_operator_sub, "sub", nb::SUBTRACT);
binop!(_operator_mul, "mul", nb::MULTIPLY);
binop!(_operator_matmul, "matmul", nb::MATRIX_MULTIPLY);
binop!(_operator_floordiv, "floordiv", nb::FLOOR_DIVIDE);
binop!(_operator_truediv, "truediv", nb::TRUE_DIVIDE);
binop!(_operator_mod, "mod", nb::REMAINDER);
binop!(_operator_lshift, "lshift", nb::LSHIFT);
binop!(_operator_rshift, "rshift", nb::RSHIFT);
binop!(_operator_and_, "and_", nb::AND);
binop!(_operator_xor, "xor", nb::XOR);
binop!(_operator_or_, "or_", nb::OR);

inplace!(_operator_iadd, "iadd", nb::ADD);
inplace!(_operator_isub, "isub", nb::SUBTRACT);
inplace!(_operator_imul, "imul", nb::MULTIPLY);
inplace!(_operator_imatmul, "imatmul", nb::MATRIX_MULTIPLY);
inplace!(_operator_ifloordiv, "ifloordiv", nb::FLOOR_DIVIDE);
inplace!(_operator_itruediv, "itruediv", nb::TRUE_DIVIDE);
inplace!(_operator_imod, "imod", nb::REMAINDER);
inplace!(_operator_ilshift, "ilshift", nb::LSHIFT);
inplace!(_operator_irshift, "irshift", nb::RSHIFT);
inplace!(_operator_iand, "iand", nb::AND);
inplace!(_operator_ixor, "ixor", nb::XOR);
inplace!(_operator_ior, "ior", nb::OR);
inplace!(_operator_ipow, "ipow", nb::POWER);

richcmp!(_operator_lt, "lt", CompareOp::Lt);
richcmp!(_operator_le, "le", CompareOp::Le);
richcmp!(_operator_eq, "eq", CompareOp::Eq);
richcmp!(_operator_ne, "ne", CompareOp::Ne);
richcmp!(_operator_gt, "gt", CompareOp::Gt);
richcmp!(_operator_ge, "ge", CompareOp::Ge);

fn _operator_pow(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("pow", args, 2)?;
    PyNumber_Power(&a[0], &a[1], Py_None())
}

fn _operator_truth(_m: &PyObject, a: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(PyObject_IsTrue(a)?))
}

fn _operator_not_(_m: &PyObject, a: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(PyObject_Not(a)?))
}

fn _operator_neg(_m: &PyObject, a: &PyObject) -> PyResult {
    PyNumber_Negative(a)
}

fn _operator_pos(_m: &PyObject, a: &PyObject) -> PyResult {
    PyNumber_Positive(a)
}

fn _operator_abs(_m: &PyObject, a: &PyObject) -> PyResult {
    PyNumber_Absolute(a)
}

fn _operator_inv(_m: &PyObject, a: &PyObject) -> PyResult {
    PyNumber_Invert(a)
}

fn _operator_index(_m: &PyObject, a: &PyObject) -> PyResult {
    PyNumber_Index(a)
}

fn _operator_is_(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("is_", args, 2)?;
    Ok(PyBool_FromLong(a[0].is(&a[1])))
}

fn _operator_is_not(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("is_not", args, 2)?;
    Ok(PyBool_FromLong(!a[0].is(&a[1])))
}

fn _operator_contains(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("contains", args, 2)?;
    Ok(PyBool_FromLong(PySequence_Contains(&a[0], &a[1])?))
}

/// The iterator of `_PySequence_IterSearch` (Objects/abstract.c), which words the
/// `TypeError` of a non-iterable its own way.
fn iter_search(seq: &PyObject) -> PyResult {
    PyObject_GetIter(seq).map_err(|e| {
        if PyErr_ExceptionMatches(&e, &PyExc_TypeError) {
            type_error(format!(
                "argument of type '{}' is not iterable",
                seq.ob_type().name()
            ))
        } else {
            e
        }
    })
}

/// `PySequence_Count` (`_PySequence_IterSearch` with `PY_ITERSEARCH_COUNT`).
fn _operator_countOf(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("countOf", args, 2)?;
    let it = iter_search(&a[0])?;
    let mut cnt: isize = 0;
    while let Some(item) = PyIter_Next(&it)? {
        if item.is(&a[1]) || PyObject_RichCompareBool(&item, &a[1], CompareOp::Eq)? {
            cnt += 1;
        }
    }
    Ok(PyLong_FromSsize_t(cnt))
}

/// `PySequence_Index` (`_PySequence_IterSearch` with `PY_ITERSEARCH_INDEX`).
fn _operator_indexOf(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("indexOf", args, 2)?;
    let it = iter_search(&a[0])?;
    let mut n: isize = 0;
    while let Some(item) = PyIter_Next(&it)? {
        if PyObject_RichCompareBool(&item, &a[1], CompareOp::Eq)? {
            return Ok(PyLong_FromSsize_t(n));
        }
        n += 1;
    }
    Err(value_error("sequence.index(x): x not in sequence"))
}

fn _operator_getitem(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("getitem", args, 2)?;
    PyObject_GetItem(&a[0], &a[1])
}

fn _operator_setitem(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("setitem", args, 3)?;
    PyObject_SetItem(&a[0], &a[1], &a[2])?;
    Ok(none())
}

fn _operator_delitem(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("delitem", args, 2)?;
    PyObject_DelItem(&a[0], &a[1])?;
    Ok(none())
}

fn cant_concat(s: &PyObject) -> PyErr {
    type_error(format!(
        "'{}' object can't be concatenated",
        s.ob_type().name()
    ))
}

/// `PySequence_Concat` (Objects/abstract.c).
fn _operator_concat(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("concat", args, 2)?;
    let (s, o) = (&a[0], &a[1]);
    if let Some(f) = s.ob_type().tp_as_sequence.sq_concat.get() {
        return f(s, o);
    }
    // Instances of user classes defining `__add__` may be sequences too.
    if PySequence_Check(s) && PySequence_Check(o) {
        if let Some(r) = binary_op1(s, o, nb::ADD)? {
            return Ok(r);
        }
    }
    Err(cant_concat(s))
}

/// `PySequence_InPlaceConcat` (Objects/abstract.c).
fn _operator_iconcat(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("iconcat", args, 2)?;
    let (s, o) = (&a[0], &a[1]);
    let sq = &s.ob_type().tp_as_sequence;
    if let Some(f) = sq.sq_inplace_concat.get() {
        return f(s, o);
    }
    if let Some(f) = sq.sq_concat.get() {
        return f(s, o);
    }
    if PySequence_Check(s) && PySequence_Check(o) {
        // `binary_iop1`: the in-place slot of `s`, then the plain `+`.
        if let Some(f) = s.ob_type().tp_as_number.nb_inplace_add.get() {
            let r = f(s, o)?;
            if !r.is(Py_NotImplemented()) {
                return Ok(r);
            }
        }
        if let Some(r) = binary_op1(s, o, nb::ADD)? {
            return Ok(r);
        }
    }
    Err(cant_concat(s))
}

fn _operator_length_hint(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("length_hint", args.len(), 1, 2)?;
    let default = match args.get(1) {
        Some(d) => {
            let d = PyNumber_Index(d)?;
            PyNumber_AsSsize_t(&d, Some(&PyExc_OverflowError))?
        }
        None => 0,
    };
    Ok(PyLong_FromSsize_t(PyObject_LengthHint(&args[0], default)?))
}

fn _operator_call(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let nargs = positional(args, kwnames).len();
    check_positional("call", nargs, 1, usize::MAX)?;
    PyObject_Vectorcall(&args[0], &args[1..], kwnames)
}

/// `_operator__compare_digest_impl`: `a == b` for two ASCII strs or two bytes-like
/// objects.
fn _operator__compare_digest(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let a = exact("_compare_digest", args, 2)?;
    let (a, b) = (&a[0], &a[1]);
    let ua = a.downcast_ref::<PyUnicodeObject>();
    let ub = b.downcast_ref::<PyUnicodeObject>();
    if let (Some(ua), Some(ub)) = (ua, ub) {
        let (Some(sa), Some(sb)) = (ua.as_str(), ub.as_str()) else {
            return Err(type_error(
                "comparing strings with non-ASCII characters is not supported",
            ));
        };
        if !sa.is_ascii() || !sb.is_ascii() {
            return Err(type_error(
                "comparing strings with non-ASCII characters is not supported",
            ));
        }
        return Ok(PyBool_FromLong(tscmp(sa.as_bytes(), sb.as_bytes())));
    }
    if !PyObject_CheckBuffer(a) && !PyObject_CheckBuffer(b) {
        return Err(type_error(format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            a.ob_type().name(),
            b.ob_type().name()
        )));
    }
    let va = simple_buffer(a)?;
    let vb = simple_buffer(b)?;
    Ok(PyBool_FromLong(tscmp(&va, &vb)))
}

/// The bytes of `PyObject_GetBuffer(obj, PyBUF_SIMPLE)`, refusing a buffer of more
/// than one dimension as CPython does.
fn simple_buffer(obj: &PyObject) -> PyResult<Vec<u8>> {
    let mut view = Py_buffer::new();
    PyObject_GetBuffer(obj, &mut view, PyBUF_SIMPLE)?;
    if view.ndim > 1 {
        PyBuffer_Release(&mut view);
        return Err(PyErr_SetString(
            &PyExc_BufferError,
            "Buffer must be single dimension",
        ));
    }
    let bytes = PyBuffer_ToContiguous(&view, 'C');
    PyBuffer_Release(&mut view);
    Ok(bytes)
}

/// `_tscmp`: the time taken depends on the length of `b` only.
fn tscmp(a: &[u8], b: &[u8]) -> bool {
    let mut result = u8::from(a.len() != b.len());
    // Compare `b` against itself when the lengths differ, as CPython does.
    let left = if a.len() == b.len() { a } else { b };
    for (x, y) in left.iter().zip(b) {
        result |= x ^ y;
    }
    result == 0
}

// --- itemgetter -----------------------------------------------------------------------------

/// `itemgetterobject`.
#[repr(C)]
pub struct itemgetterobject {
    pub ob_base: PyObject,
    /// The items; one item is called with directly, several make a tuple.
    item: Vec<PyObjectRef>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for itemgetterobject {}
view!(as_itemgetter, itemgetterobject);
dealloc!(itemgetter_dealloc, itemgetterobject);

fn itemgetter_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    check_no_kwargs("itemgetter", kwnames)?;
    let items = positional(args, kwnames);
    if items.len() <= 1 {
        check_positional("itemgetter", items.len(), 1, 1)?;
    }
    // SAFETY: `tp` is `itemgetter`; the struct is complete.
    let ig = unsafe {
        alloc_object(
            tp,
            itemgetterobject {
                ob_base: PyObject_HEAD_INIT,
                item: items.to_vec(),
            },
        )
    };
    Ok(ig.into_object())
}

fn itemgetter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    for o in &as_itemgetter(obj).item {
        visit(o);
    }
}

/// `itemgetter_vectorcall`.
fn itemgetter_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    check_no_kwargs("itemgetter", kwnames)?;
    let args = positional(args, kwnames);
    check_positional("itemgetter", args.len(), 1, 1)?;
    let ig = as_itemgetter(obj);
    let o = &args[0];
    if ig.item.len() == 1 {
        return PyObject_GetItem(o, &ig.item[0]);
    }
    let mut result = Vec::with_capacity(ig.item.len());
    for item in &ig.item {
        result.push(PyObject_GetItem(o, item)?);
    }
    Ok(tuple(result))
}

/// The repr of the arguments `name(a, b, ...)`, guarded against recursion as
/// CPython's `Py_ReprEnter` does (`name(...)`).
fn repr_call(obj: &PyObject, body: impl FnOnce() -> PyResult<String>) -> PyResult {
    let name = obj.ob_type().tp_name;
    if Py_ReprEnter(obj)? {
        return Ok(PyUnicode_FromString(&format!("{name}(...)")));
    }
    let r = body();
    Py_ReprLeave(obj);
    Ok(PyUnicode_FromString(&format!("{name}({})", r?)))
}

fn repr_str(obj: &PyObject) -> PyResult<String> {
    let r = PyObject_Repr(obj)?;
    Ok(objects::unicodeobject::as_str_lossy(&r).into_owned())
}

fn itemgetter_repr(obj: &PyObject) -> PyResult {
    let ig = as_itemgetter(obj);
    repr_call(obj, || {
        let parts: PyResult<Vec<String>> = ig.item.iter().map(|o| repr_str(o)).collect();
        Ok(parts?.join(", "))
    })
}

fn itemgetter_reduce(obj: &PyObject) -> PyResult {
    let ig = as_itemgetter(obj);
    let tp = obj.ob_type().as_object().to_owned();
    Ok(tuple(vec![tp, tuple(ig.item.clone())]))
}

const REDUCE_DOC: &str = "Return state information for pickling";

static ITEMGETTER_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(itemgetter_reduce),
    REDUCE_DOC,
)];

/// `operator.itemgetter`.
pub static itemgetter_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "operator.itemgetter",
    tp_basicsize: Cell::new(size_of::<itemgetterobject>()),
    tp_dealloc: slot(itemgetter_dealloc),
    tp_repr: slot(itemgetter_repr),
    tp_call: slot(itemgetter_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])"),
    tp_traverse: slot(itemgetter_traverse),
    tp_methods: &ITEMGETTER_METHODS,
    tp_new: slot(itemgetter_new),
    ..PyTypeObject::DEFAULT
};

// --- attrgetter -----------------------------------------------------------------------------

/// `attrgetterobject`.
#[repr(C)]
pub struct attrgetterobject {
    pub ob_base: PyObject,
    /// One entry per attribute: its dotted name split at the dots, each part interned
    /// (CPython keeps a plain name as itself and a dotted one as a tuple of parts).
    attr: Vec<Vec<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for attrgetterobject {}
view!(as_attrgetter, attrgetterobject);
dealloc!(attrgetter_dealloc, attrgetterobject);

fn attrgetter_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    check_no_kwargs("attrgetter", kwnames)?;
    let names = positional(args, kwnames);
    if names.len() <= 1 {
        check_positional("attrgetter", names.len(), 1, 1)?;
    }
    let mut attr = Vec::with_capacity(names.len());
    for item in names {
        let Some(u) = item.downcast_ref::<PyUnicodeObject>() else {
            return Err(type_error("attribute name must be a string"));
        };
        let cps = u.code_points();
        let parts = cps
            .split(|&c| c == u32::from(b'.'))
            .map(|p| PyUnicode_InternInPlace(PyUnicode_FromCodePoints(p)))
            .collect();
        attr.push(parts);
    }
    // SAFETY: `tp` is `attrgetter`; the struct is complete.
    let ag = unsafe {
        alloc_object(
            tp,
            attrgetterobject {
                ob_base: PyObject_HEAD_INIT,
                attr,
            },
        )
    };
    Ok(ag.into_object())
}

fn attrgetter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    for parts in &as_attrgetter(obj).attr {
        for o in parts {
            visit(o);
        }
    }
}

/// `dotted_getattr`.
fn dotted_getattr(obj: &PyObject, parts: &[PyObjectRef]) -> PyResult {
    let mut newobj = obj.to_owned();
    for name in parts {
        newobj = PyObject_GetAttr(&newobj, name)?;
    }
    Ok(newobj)
}

/// `attrgetter_vectorcall`.
fn attrgetter_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    check_no_kwargs("attrgetter", kwnames)?;
    let args = positional(args, kwnames);
    check_positional("attrgetter", args.len(), 1, 1)?;
    let ag = as_attrgetter(obj);
    if ag.attr.len() == 1 {
        return dotted_getattr(&args[0], &ag.attr[0]);
    }
    let mut result = Vec::with_capacity(ag.attr.len());
    for parts in &ag.attr {
        result.push(dotted_getattr(&args[0], parts)?);
    }
    Ok(tuple(result))
}

/// `attrgetter_args`: the names as given, the parts joined again with dots.
fn attrgetter_args(ag: &attrgetterobject) -> PyResult<Vec<PyObjectRef>> {
    let dot = PyUnicode_FromString(".");
    ag.attr
        .iter()
        .map(|parts| {
            if parts.len() == 1 {
                Ok(parts[0].clone())
            } else {
                PyUnicode_Join(&dot, &tuple(parts.clone()))
            }
        })
        .collect()
}

fn attrgetter_repr(obj: &PyObject) -> PyResult {
    let ag = as_attrgetter(obj);
    repr_call(obj, || {
        let parts: PyResult<Vec<String>> =
            attrgetter_args(ag)?.iter().map(|o| repr_str(o)).collect();
        Ok(parts?.join(", "))
    })
}

fn attrgetter_reduce(obj: &PyObject) -> PyResult {
    let ag = as_attrgetter(obj);
    let tp = obj.ob_type().as_object().to_owned();
    Ok(tuple(vec![tp, tuple(attrgetter_args(ag)?)]))
}

static ATTRGETTER_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(attrgetter_reduce),
    REDUCE_DOC,
)];

/// `operator.attrgetter`.
pub static attrgetter_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "operator.attrgetter",
    tp_basicsize: Cell::new(size_of::<attrgetterobject>()),
    tp_dealloc: slot(attrgetter_dealloc),
    tp_repr: slot(attrgetter_repr),
    tp_call: slot(attrgetter_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last)."),
    tp_traverse: slot(attrgetter_traverse),
    tp_methods: &ATTRGETTER_METHODS,
    tp_new: slot(attrgetter_new),
    ..PyTypeObject::DEFAULT
};

// --- methodcaller ---------------------------------------------------------------------------

/// `methodcallerobject`.
#[repr(C)]
pub struct methodcallerobject {
    pub ob_base: PyObject,
    name: PyObjectRef,
    args: PyObjectRef,
    kwds: PyObjectRef,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for methodcallerobject {}
view!(as_methodcaller, methodcallerobject);
dealloc!(methodcaller_dealloc, methodcallerobject);

fn as_dict(obj: &PyObject) -> &PyDictObject {
    // SAFETY: `kwds` is always the exact dict made by `methodcaller_new`.
    unsafe { &*(obj as *const PyObject as *const PyDictObject) }
}

fn methodcaller_new(
    tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let pos = positional(args, kwnames);
    if pos.is_empty() {
        return Err(type_error(
            "methodcaller needs at least one argument, the method name",
        ));
    }
    if pos[0].downcast_ref::<PyUnicodeObject>().is_none() {
        return Err(type_error("method name must be a string"));
    }
    let name = PyUnicode_InternInPlace(pos[0].clone());
    let kwds = PyDict_New();
    let names = kwnames_slice(kwnames);
    for (k, v) in names.iter().zip(&args[pos.len()..]) {
        PyDict_SetItem(&kwds, k, v)?;
    }
    // SAFETY: `tp` is `methodcaller`; the struct is complete.
    let mc = unsafe {
        alloc_object(
            tp,
            methodcallerobject {
                ob_base: PyObject_HEAD_INIT,
                name,
                args: tuple(pos[1..].to_vec()),
                kwds: kwds.into_object(),
            },
        )
    };
    Ok(mc.into_object())
}

fn methodcaller_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let mc = as_methodcaller(obj);
    visit(&mc.name);
    visit(&mc.args);
    visit(&mc.kwds);
}

fn methodcaller_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    check_no_kwargs("methodcaller", kwnames)?;
    let args = positional(args, kwnames);
    check_positional("methodcaller", args.len(), 1, 1)?;
    let mc = as_methodcaller(obj);
    let method = PyObject_GetAttr(&args[0], &mc.name)?;
    PyObject_Call(&method, &mc.args, Some(&mc.kwds))
}

fn methodcaller_repr(obj: &PyObject) -> PyResult {
    let mc = as_methodcaller(obj);
    repr_call(obj, || {
        let mut parts = vec![repr_str(&mc.name)?];
        let args = mc.args.downcast_ref::<PyTupleObject>().expect("a tuple");
        for a in args.as_slice() {
            parts.push(repr_str(a)?);
        }
        let mut pos = 0;
        while let Some((k, v)) = PyDict_Next(as_dict(&mc.kwds), &mut pos) {
            let key = objects::unicodeobject::as_str_lossy(&k).into_owned();
            parts.push(format!("{key}={}", repr_str(&v)?));
        }
        Ok(parts.join(", "))
    })
}

/// `methodcaller_reduce`: without keyword arguments `(type, (name, *args))`; with them
/// `(functools.partial(type, name, **kwds), args)`, as `__new__` cannot take them
/// from a pickle.
fn methodcaller_reduce(obj: &PyObject) -> PyResult {
    let mc = as_methodcaller(obj);
    let tp = obj.ob_type().as_object().to_owned();
    let args = mc.args.downcast_ref::<PyTupleObject>().expect("a tuple");
    if PyDict_Size(as_dict(&mc.kwds)) == 0 {
        let mut newargs = vec![mc.name.clone()];
        newargs.extend(args.as_slice().iter().cloned());
        return Ok(tuple(vec![tp, tuple(newargs)]));
    }
    let functools = objects::pyhooks::import_module("functools")?;
    let partial = PyObject_GetAttr(&functools, &PyUnicode_FromString("partial"))?;
    let constructor = PyObject_Call(&partial, &tuple(vec![tp, mc.name.clone()]), Some(&mc.kwds))?;
    Ok(tuple(vec![constructor, mc.args.clone()]))
}

static METHODCALLER_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(methodcaller_reduce),
    REDUCE_DOC,
)];

/// `operator.methodcaller`.
pub static methodcaller_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "operator.methodcaller",
    tp_basicsize: Cell::new(size_of::<methodcallerobject>()),
    tp_dealloc: slot(methodcaller_dealloc),
    tp_repr: slot(methodcaller_repr),
    tp_call: slot(methodcaller_call),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given method on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1)."),
    tp_traverse: slot(methodcaller_traverse),
    tp_methods: &METHODCALLER_METHODS,
    tp_new: slot(methodcaller_new),
    ..PyTypeObject::DEFAULT
};

// --- the module -----------------------------------------------------------------------------

macro_rules! fast {
    ($name:literal, $f:ident, $sig:literal, $doc:literal) => {
        PyMethodDef::new(
            $name,
            PyCFunction::Fast($f),
            concat!($name, $sig, "\n--\n\n", $doc),
        )
    };
}

macro_rules! meth_o {
    ($name:literal, $f:ident, $doc:literal) => {
        PyMethodDef::new(
            $name,
            PyCFunction::O($f),
            concat!($name, "($module, a, /)\n--\n\n", $doc),
        )
    };
}

/// `operator_methods`, in CPython's order.
static OPERATOR_METHODS: [PyMethodDef; 53] = [
    meth_o!("truth", _operator_truth, "Return True if a is true, False otherwise."),
    fast!("contains", _operator_contains, "($module, a, b, /)", "Same as b in a (note reversed operands)."),
    fast!("indexOf", _operator_indexOf, "($module, a, b, /)", "Return the first index of b in a."),
    fast!("countOf", _operator_countOf, "($module, a, b, /)", "Return the number of items in a which are, or which equal, b."),
    fast!("is_", _operator_is_, "($module, a, b, /)", "Same as a is b."),
    fast!("is_not", _operator_is_not, "($module, a, b, /)", "Same as a is not b."),
    meth_o!("index", _operator_index, "Same as a.__index__()"),
    fast!("add", _operator_add, "($module, a, b, /)", "Same as a + b."),
    fast!("sub", _operator_sub, "($module, a, b, /)", "Same as a - b."),
    fast!("mul", _operator_mul, "($module, a, b, /)", "Same as a * b."),
    fast!("matmul", _operator_matmul, "($module, a, b, /)", "Same as a @ b."),
    fast!("floordiv", _operator_floordiv, "($module, a, b, /)", "Same as a // b."),
    fast!("truediv", _operator_truediv, "($module, a, b, /)", "Same as a / b."),
    fast!("mod", _operator_mod, "($module, a, b, /)", "Same as a % b."),
    meth_o!("neg", _operator_neg, "Same as -a."),
    meth_o!("pos", _operator_pos, "Same as +a."),
    meth_o!("abs", _operator_abs, "Same as abs(a)."),
    meth_o!("inv", _operator_inv, "Same as ~a."),
    meth_o!("invert", _operator_inv, "Same as ~a."),
    fast!("lshift", _operator_lshift, "($module, a, b, /)", "Same as a << b."),
    fast!("rshift", _operator_rshift, "($module, a, b, /)", "Same as a >> b."),
    meth_o!("not_", _operator_not_, "Same as not a."),
    fast!("and_", _operator_and_, "($module, a, b, /)", "Same as a & b."),
    fast!("xor", _operator_xor, "($module, a, b, /)", "Same as a ^ b."),
    fast!("or_", _operator_or_, "($module, a, b, /)", "Same as a | b."),
    fast!("iadd", _operator_iadd, "($module, a, b, /)", "Same as a += b."),
    fast!("isub", _operator_isub, "($module, a, b, /)", "Same as a -= b."),
    fast!("imul", _operator_imul, "($module, a, b, /)", "Same as a *= b."),
    fast!("imatmul", _operator_imatmul, "($module, a, b, /)", "Same as a @= b."),
    fast!("ifloordiv", _operator_ifloordiv, "($module, a, b, /)", "Same as a //= b."),
    fast!("itruediv", _operator_itruediv, "($module, a, b, /)", "Same as a /= b."),
    fast!("imod", _operator_imod, "($module, a, b, /)", "Same as a %= b."),
    fast!("ilshift", _operator_ilshift, "($module, a, b, /)", "Same as a <<= b."),
    fast!("irshift", _operator_irshift, "($module, a, b, /)", "Same as a >>= b."),
    fast!("iand", _operator_iand, "($module, a, b, /)", "Same as a &= b."),
    fast!("ixor", _operator_ixor, "($module, a, b, /)", "Same as a ^= b."),
    fast!("ior", _operator_ior, "($module, a, b, /)", "Same as a |= b."),
    fast!("concat", _operator_concat, "($module, a, b, /)", "Same as a + b, for a and b sequences."),
    fast!("iconcat", _operator_iconcat, "($module, a, b, /)", "Same as a += b, for a and b sequences."),
    fast!("getitem", _operator_getitem, "($module, a, b, /)", "Same as a[b]."),
    fast!("setitem", _operator_setitem, "($module, a, b, c, /)", "Same as a[b] = c."),
    fast!("delitem", _operator_delitem, "($module, a, b, /)", "Same as del a[b]."),
    fast!("pow", _operator_pow, "($module, a, b, /)", "Same as a ** b."),
    fast!("ipow", _operator_ipow, "($module, a, b, /)", "Same as a **= b."),
    fast!("eq", _operator_eq, "($module, a, b, /)", "Same as a == b."),
    fast!("ne", _operator_ne, "($module, a, b, /)", "Same as a != b."),
    fast!("lt", _operator_lt, "($module, a, b, /)", "Same as a < b."),
    fast!("le", _operator_le, "($module, a, b, /)", "Same as a <= b."),
    fast!("gt", _operator_gt, "($module, a, b, /)", "Same as a > b."),
    fast!("ge", _operator_ge, "($module, a, b, /)", "Same as a >= b."),
    fast!("_compare_digest", _operator__compare_digest, "($module, a, b, /)", "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, making it appropriate for cryptography.\n\na and b must both be of the same type: either str (ASCII only),\nor any bytes-like object.\n\nNote: If a and b are of different lengths, or if an error occurs,\na timing attack could theoretically reveal information about the\ntypes and lengths of a and b--but not their values."),
    fast!("length_hint", _operator_length_hint, "($module, obj, default=0, /)", "Return an estimate of the number of items in obj.\n\nThis is useful for presizing containers when building from an iterable.\n\nIf the object supports len(), the result will be exact.\nOtherwise, it may over- or under-estimate by an arbitrary amount.\nThe result will be an integer >= 0."),
    PyMethodDef::new(
        "call",
        PyCFunction::FastKw(_operator_call),
        "call($module, obj, /, *args, **kwargs)\n--\n\nSame as obj(*args, **kwargs).",
    ),
];

const MODULE_DOC: &str = "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.";

/// Make the `_operator` module (`PyInit__operator`).
pub fn PyInit__operator() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_operator")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(MODULE_DOC))?;
    PyModule_AddFunctions(&m, &OPERATOR_METHODS)?;
    for (name, tp) in [
        ("itemgetter", &itemgetter_type),
        ("attrgetter", &attrgetter_type),
        ("methodcaller", &methodcaller_type),
    ] {
        PyType_Ready(tp)?;
        PyModule_AddObject(&m, name, tp.as_object())?;
    }
    Ok(m)
}
