//! The abstract object protocols. Mirrors Objects/abstract.c (CPython 3.11): numbers
//! (`PyNumber_Add` and friends, with the binary-operator dispatch rules), sequences,
//! mappings, iteration, `len()`, `isinstance()` and `issubclass()`.

use include::cpython::object::flags::*;
use include::cpython::object::slots::*;
use include::opcode::nb;

use crate::exceptions::*;
use crate::listobject::{PyListObject, PyList_New};
use crate::longobject::{PyLongObject, PyLong_FromSsize_t};
use crate::object::*;
use crate::prelude::*;
use crate::tupleobject::{PyTupleObject, PyTuple_New};
use crate::typeobject::{as_type, PyType_IsSubtype};

// --- Sizes and items -----------------------------------------------------------------------

/// `PyObject_Size`: `len(obj)`.
pub fn PyObject_Size(obj: &PyObject) -> PyResult<Py_ssize_t> {
    let tp = obj.ob_type();
    if let Some(f) = tp.tp_as_sequence.sq_length.get() {
        return f(obj);
    }
    if let Some(f) = tp.tp_as_mapping.mp_length.get() {
        return f(obj);
    }
    Err(type_error(format!(
        "object of type '{}' has no len()",
        tp.name()
    )))
}

/// `PyObject_LengthHint`: `len(obj)`, else `__length_hint__()`, else `default`.
pub fn PyObject_LengthHint(obj: &PyObject, default: Py_ssize_t) -> PyResult<Py_ssize_t> {
    let tp = obj.ob_type();
    if tp.tp_as_sequence.sq_length.get().is_some() || tp.tp_as_mapping.mp_length.get().is_some() {
        match PyObject_Size(obj) {
            Ok(n) => return Ok(n),
            Err(e) if PyErr_ExceptionMatches(&e, &PyExc_TypeError) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = crate::typeobject::_PyType_Lookup(tp, crate::intern!("__length_hint__"))
    else {
        return Ok(default);
    };
    let res = match crate::descrobject::descr_get(&hint, Some(obj), Some(tp.as_object()))
        .and_then(|m| crate::call::PyObject_CallNoArgs(&m))
    {
        Ok(r) => r,
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_TypeError) => return Ok(default),
        Err(e) => return Err(e),
    };
    if res.is(Py_NotImplemented()) {
        return Ok(default);
    }
    if !PyLongObject::check(&res) {
        return Err(type_error(format!(
            "__length_hint__ must be an integer, not {}",
            res.ob_type().name()
        )));
    }
    let n = PyNumber_AsSsize_t(&res, Some(&PyExc_OverflowError))?;
    if n < 0 {
        return Err(value_error("__length_hint__() should return >= 0"));
    }
    Ok(n)
}

/// `PyObject_GetItem`: `obj[key]`.
pub fn PyObject_GetItem(obj: &PyObject, key: &PyObject) -> PyResult {
    let tp = obj.ob_type();
    if let Some(f) = tp.tp_as_mapping.mp_subscript.get() {
        return f(obj, key);
    }
    if let Some(f) = tp.tp_as_sequence.sq_item.get() {
        if PyIndex_Check(key) {
            let i = PyNumber_AsSsize_t(key, Some(&PyExc_IndexError))?;
            return PySequence_GetItem_with(obj, i, f);
        }
        return Err(type_error(format!(
            "sequence index must be integer, not '{}'",
            key.ob_type().name()
        )));
    }
    if let Some(t) = as_type(obj) {
        // `type[int]` is special-cased so that `type` itself need not define
        // `__class_getitem__` (which every class would inherit: `str[int]` must fail).
        if std::ptr::eq(t, &crate::typeobject::PyType_Type) {
            return Ok(crate::genericaliasobject::Py_GenericAlias(obj, key));
        }
        // `list[int]` and friends.
        if let Some(meth) =
            _PyObject_LookupAttr(t.as_object(), crate::intern!("__class_getitem__"))?
        {
            if !meth.is(Py_None()) {
                return crate::call::PyObject_CallOneArg(&meth, key);
            }
        }
        return Err(type_error(format!(
            "type '{}' is not subscriptable",
            t.name()
        )));
    }
    Err(type_error(format!(
        "'{}' object is not subscriptable",
        tp.name()
    )))
}

/// `PyObject_SetItem`: `obj[key] = value`.
pub fn PyObject_SetItem(obj: &PyObject, key: &PyObject, value: &PyObject) -> PyResult<()> {
    let tp = obj.ob_type();
    if let Some(f) = tp.tp_as_mapping.mp_ass_subscript.get() {
        return f(obj, key, Some(value));
    }
    if let Some(f) = tp.tp_as_sequence.sq_ass_item.get() {
        if PyIndex_Check(key) {
            let mut i = PyNumber_AsSsize_t(key, Some(&PyExc_IndexError))?;
            if i < 0 {
                if let Some(len) = tp.tp_as_sequence.sq_length.get() {
                    i += len(obj)?;
                }
            }
            return f(obj, i, Some(value));
        }
        return Err(type_error(format!(
            "sequence index must be integer, not '{}'",
            key.ob_type().name()
        )));
    }
    Err(type_error(format!(
        "'{}' object does not support item assignment",
        tp.name()
    )))
}

/// `PyObject_DelItem`: `del obj[key]`.
pub fn PyObject_DelItem(obj: &PyObject, key: &PyObject) -> PyResult<()> {
    let tp = obj.ob_type();
    if let Some(f) = tp.tp_as_mapping.mp_ass_subscript.get() {
        return f(obj, key, None);
    }
    if let Some(f) = tp.tp_as_sequence.sq_ass_item.get() {
        if PyIndex_Check(key) {
            let mut i = PyNumber_AsSsize_t(key, Some(&PyExc_IndexError))?;
            if i < 0 {
                if let Some(len) = tp.tp_as_sequence.sq_length.get() {
                    i += len(obj)?;
                }
            }
            return f(obj, i, None);
        }
        return Err(type_error(format!(
            "sequence index must be integer, not '{}'",
            key.ob_type().name()
        )));
    }
    Err(type_error(format!(
        "'{}' object doesn't support item deletion",
        tp.name()
    )))
}

fn PySequence_GetItem_with(obj: &PyObject, mut i: Py_ssize_t, f: ssizeargfunc) -> PyResult {
    if i < 0 {
        if let Some(len) = obj.ob_type().tp_as_sequence.sq_length.get() {
            i += len(obj)?;
        }
    }
    f(obj, i)
}

/// `PySequence_GetItem`: `seq[i]` with negative indexes counted from the end.
pub fn PySequence_GetItem(obj: &PyObject, i: Py_ssize_t) -> PyResult {
    match obj.ob_type().tp_as_sequence.sq_item.get() {
        Some(f) => PySequence_GetItem_with(obj, i, f),
        None => {
            if obj.ob_type().tp_as_mapping.mp_subscript.get().is_some() {
                return Err(type_error(format!(
                    "{} is not a sequence",
                    obj.ob_type().name()
                )));
            }
            Err(type_error(format!(
                "'{}' object does not support indexing",
                obj.ob_type().name()
            )))
        }
    }
}

// --- Numbers ---------------------------------------------------------------------------------

/// `PyIndex_Check`: does the object have `__index__`?
#[inline]
pub fn PyIndex_Check(obj: &PyObject) -> bool {
    obj.ob_type().tp_as_number.nb_index.get().is_some()
}

/// `PyNumber_Check`.
pub fn PyNumber_Check(obj: &PyObject) -> bool {
    let nb = &obj.ob_type().tp_as_number;
    nb.nb_index.get().is_some()
        || nb.nb_int.get().is_some()
        || nb.nb_float.get().is_some()
        || crate::complexobject::PyComplexObject::check(obj)
}

/// `PyNumber_Index`: `operator.index(obj)`, always an exact int or int subclass.
pub fn PyNumber_Index(obj: &PyObject) -> PyResult {
    let res = _PyNumber_Index(obj)?;
    // Since 3.10 the result is always an exact int: `operator.index(True)` is 1.
    crate::longobject::long_long(&res)
}

/// `_PyNumber_Index`: like `PyNumber_Index`, but an int subclass (a bool) comes back
/// as it is.
pub fn _PyNumber_Index(obj: &PyObject) -> PyResult {
    if PyLongObject::check(obj) {
        return Ok(obj.to_owned());
    }
    let Some(f) = obj.ob_type().tp_as_number.nb_index.get() else {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            obj.ob_type().name()
        )));
    };
    let res = f(obj)?;
    if res.is_type(&crate::longobject::PyLong_Type) {
        return Ok(res);
    }
    if !PyLongObject::check(&res) {
        return Err(type_error(format!(
            "__index__ returned non-int (type {})",
            res.ob_type().name()
        )));
    }
    // Issue #17576: an int subclass is accepted, with a warning.
    crate::pyhooks::PyErr_WarnEx(
        &crate::exceptions::PyExc_DeprecationWarning,
        &format!(
            "__index__ returned non-int (type {}).  \
             The ability to return an instance of a strict subclass of int \
             is deprecated, and may be removed in a future version of Python.",
            res.ob_type().name()
        ),
        1,
    )?;
    Ok(res)
}

/// `PyNumber_AsSsize_t`: an index as `isize`. Out of range raises `exc` (with
/// CPython's "cannot fit 'int' into an index-sized integer") or, with `None`, clamps.
pub fn PyNumber_AsSsize_t(obj: &PyObject, exc: Option<&PyTypeObject>) -> PyResult<Py_ssize_t> {
    if let Some(l) = obj.downcast_ref::<PyLongObject>() {
        if let Some(v) = l.as_i64() {
            return Ok(v as Py_ssize_t);
        }
    }
    let v = PyNumber_Index(obj)?;
    match crate::longobject::PyLong_AsSsize_t_opt(&v) {
        Some(n) => Ok(n),
        None => match exc {
            Some(e) => Err(PyErr_SetString(
                e,
                format!(
                    "cannot fit '{}' into an index-sized integer",
                    obj.ob_type().name()
                ),
            )),
            None => Ok(if crate::longobject::long_sign(&v) < 0 {
                isize::MIN
            } else {
                isize::MAX
            }),
        },
    }
}

/// `PyNumber_Long`: `int(obj)` for one argument.
pub fn PyNumber_Long(obj: &PyObject) -> PyResult {
    if obj.is_type(&crate::longobject::PyLong_Type) {
        return Ok(obj.to_owned());
    }
    let tp = obj.ob_type();
    if let Some(f) = tp.tp_as_number.nb_int.get() {
        let res = f(obj)?;
        if res.is_type(&crate::longobject::PyLong_Type) {
            return Ok(res);
        }
        if !PyLongObject::check(&res) {
            return Err(type_error(format!(
                "__int__ returned non-int (type {})",
                res.ob_type().name()
            )));
        }
        // Issue #17576: an int subclass is accepted, with a warning.
        crate::pyhooks::PyErr_WarnEx(
            &crate::exceptions::PyExc_DeprecationWarning,
            &format!(
                "__int__ returned non-int (type {}).  \
                 The ability to return an instance of a strict subclass of int \
                 is deprecated, and may be removed in a future version of Python.",
                res.ob_type().name()
            ),
            1,
        )?;
        return crate::longobject::long_long(&res);
    }
    if tp.tp_as_number.nb_index.get().is_some() {
        let idx = PyNumber_Index(obj)?;
        return crate::longobject::long_long(&idx);
    }
    if let Some(trunc) = crate::typeobject::_PyType_Lookup(tp, crate::intern!("__trunc__")) {
        crate::pyhooks::PyErr_WarnEx(
            &crate::exceptions::PyExc_DeprecationWarning,
            "The delegation of int() to __trunc__ is deprecated.",
            1,
        )?;
        let res = crate::descrobject::descr_get(&trunc, Some(obj), Some(tp.as_object()))
            .and_then(|m| crate::call::PyObject_CallNoArgs(&m))?;
        if PyLongObject::check(&res) {
            return crate::longobject::long_long(&res);
        }
        if !PyIndex_Check(&res) {
            return Err(type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                res.ob_type().name()
            )));
        }
        let idx = PyNumber_Index(&res)?;
        return crate::longobject::long_long(&idx);
    }
    if crate::unicodeobject::PyUnicodeObject::check(obj) {
        return crate::longobject::long_from_unicode(obj, 10);
    }
    if let Some(bytes) = crate::bytesobject::bytes_like_cow(obj) {
        return crate::longobject::_PyLong_FromBytes(&bytes, 10);
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        tp.name()
    )))
}

/// `PyNumber_Float`: `float(obj)` for one argument.
pub fn PyNumber_Float(obj: &PyObject) -> PyResult {
    crate::floatobject::PyNumber_Float(obj)
}

/// The `nb_*` slot for a `BINARY_OP` argument (`NB_ADD` ...), in-place forms
/// included.
pub fn binary_slot(tp: &PyTypeObject, op: u32) -> Option<binaryfunc> {
    let n = &tp.tp_as_number;
    let s = match op {
        nb::ADD => &n.nb_add,
        nb::AND => &n.nb_and,
        nb::FLOOR_DIVIDE => &n.nb_floor_divide,
        nb::LSHIFT => &n.nb_lshift,
        nb::MATRIX_MULTIPLY => &n.nb_matrix_multiply,
        nb::MULTIPLY => &n.nb_multiply,
        nb::REMAINDER => &n.nb_remainder,
        nb::OR => &n.nb_or,
        nb::RSHIFT => &n.nb_rshift,
        nb::SUBTRACT => &n.nb_subtract,
        nb::TRUE_DIVIDE => &n.nb_true_divide,
        nb::XOR => &n.nb_xor,
        14 => &n.nb_inplace_and,
        15 => &n.nb_inplace_floor_divide,
        16 => &n.nb_inplace_lshift,
        17 => &n.nb_inplace_matrix_multiply,
        18 => &n.nb_inplace_multiply,
        19 => &n.nb_inplace_remainder,
        20 => &n.nb_inplace_or,
        22 => &n.nb_inplace_rshift,
        23 => &n.nb_inplace_subtract,
        24 => &n.nb_inplace_true_divide,
        25 => &n.nb_inplace_xor,
        13 => &n.nb_inplace_add,
        _ => return None,
    };
    s.get()
}

/// `binary_op1`: try `v`'s slot and `w`'s slot in the right order. `Ok(None)` means
/// both returned `NotImplemented`.
pub fn binary_op1(v: &PyObject, w: &PyObject, op: u32) -> PyResult<Option<PyObjectRef>> {
    let vt = v.ob_type();
    let wt = w.ob_type();
    let slotv = binary_slot(vt, op);
    let mut slotw = if std::ptr::eq(vt, wt) {
        None
    } else {
        binary_slot(wt, op)
    };
    if let (Some(a), Some(b)) = (slotv, slotw) {
        if a as usize == b as usize {
            slotw = None;
        }
    }
    if let Some(sv) = slotv {
        if let Some(sw) = slotw {
            if PyType_IsSubtype(wt, vt) {
                let x = sw(v, w)?;
                if !x.is(Py_NotImplemented()) {
                    return Ok(Some(x));
                }
                slotw = None;
            }
        }
        let x = sv(v, w)?;
        if !x.is(Py_NotImplemented()) {
            return Ok(Some(x));
        }
    }
    if let Some(sw) = slotw {
        let x = sw(v, w)?;
        if !x.is(Py_NotImplemented()) {
            return Ok(Some(x));
        }
    }
    Ok(None)
}

fn binop_type_error(v: &PyObject, w: &PyObject, symbol: &str) -> PyErr {
    type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        symbol,
        v.ob_type().name(),
        w.ob_type().name()
    ))
}

/// A binary operator: `v op w` for `op` one of the non-in-place `NB_*` values
/// (`PyNumber_Add`, `PyNumber_Subtract`, ...), with the sequence fallbacks of `+`
/// and `*`.
pub fn PyNumber_BinaryOp(v: &PyObject, w: &PyObject, op: u32) -> PyResult {
    if op == nb::POWER {
        return PyNumber_Power(v, w, Py_None());
    }
    if let Some(r) = binary_op1(v, w, op)? {
        return Ok(r);
    }
    match op {
        nb::ADD => {
            if let Some(f) = v.ob_type().tp_as_sequence.sq_concat.get() {
                return f(v, w);
            }
        }
        nb::MULTIPLY => {
            if let Some(r) = sequence_repeat_fallback(v, w)? {
                return Ok(r);
            }
        }
        _ => {}
    }
    let symbol = include::opcode::NB_OPS[op as usize].1;
    if op == nb::RSHIFT && v.is_type(&crate::methodobject::PyCFunction_Type) {
        // `print >> f` gets a hint in CPython.
        if let Some(f) = v.downcast_ref::<crate::methodobject::PyCFunctionObject>() {
            if f.m_ml.ml_name == "print" {
                return Err(type_error(format!(
                    "unsupported operand type(s) for >>: '{}' and '{}'. Did you mean \"print(<message>, file=<output_stream>)\"?",
                    v.ob_type().name(),
                    w.ob_type().name()
                )));
            }
        }
    }
    Err(binop_type_error(v, w, symbol))
}

fn sequence_repeat_fallback(v: &PyObject, w: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let repeat = |seq: &PyObject, n: &PyObject, f: ssizeargfunc| -> PyResult {
        if !PyIndex_Check(n) {
            return Err(type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                n.ob_type().name()
            )));
        }
        let count = PyNumber_AsSsize_t(n, Some(&PyExc_OverflowError))?;
        f(seq, count)
    };
    if let Some(f) = v.ob_type().tp_as_sequence.sq_repeat.get() {
        return repeat(v, w, f).map(Some);
    }
    if let Some(f) = w.ob_type().tp_as_sequence.sq_repeat.get() {
        return repeat(w, v, f).map(Some);
    }
    Ok(None)
}

/// An in-place operator: `v op= w` (`PyNumber_InPlaceAdd` ...). `op` is the in-place
/// `NB_INPLACE_*` value.
pub fn PyNumber_InPlaceOp(v: &PyObject, w: &PyObject, op: u32) -> PyResult {
    let base = op - nb::INPLACE_OFFSET;
    if base == nb::POWER {
        if let Some(f) = v.ob_type().tp_as_number.nb_inplace_power.get() {
            let r = f(v, w, Py_None())?;
            if !r.is(Py_NotImplemented()) {
                return Ok(r);
            }
        }
        return ternary_op(v, w, Py_None(), "**=");
    }
    if let Some(f) = binary_slot(v.ob_type(), op) {
        let r = f(v, w)?;
        if !r.is(Py_NotImplemented()) {
            return Ok(r);
        }
    }
    if let Some(r) = binary_op1(v, w, base)? {
        return Ok(r);
    }
    let seq = &v.ob_type().tp_as_sequence;
    match base {
        nb::ADD => {
            if let Some(f) = seq.sq_inplace_concat.get().or(seq.sq_concat.get()) {
                return f(v, w);
            }
        }
        nb::MULTIPLY => {
            if let Some(f) = seq.sq_inplace_repeat.get().or(seq.sq_repeat.get()) {
                if !PyIndex_Check(w) {
                    return Err(type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        w.ob_type().name()
                    )));
                }
                let n = PyNumber_AsSsize_t(w, Some(&PyExc_OverflowError))?;
                return f(v, n);
            }
            if let Some(r) = sequence_repeat_fallback(v, w)? {
                return Ok(r);
            }
        }
        _ => {}
    }
    Err(binop_type_error(
        v,
        w,
        include::opcode::NB_OPS[op as usize].1,
    ))
}

fn ternary_op(v: &PyObject, w: &PyObject, z: &PyObject, symbol: &str) -> PyResult {
    let vt = v.ob_type();
    let wt = w.ob_type();
    let slotv = vt.tp_as_number.nb_power.get();
    let mut slotw = if std::ptr::eq(vt, wt) {
        None
    } else {
        wt.tp_as_number.nb_power.get()
    };
    if let (Some(a), Some(b)) = (slotv, slotw) {
        if a as usize == b as usize {
            slotw = None;
        }
    }
    if let Some(sv) = slotv {
        if let Some(sw) = slotw {
            if PyType_IsSubtype(wt, vt) {
                let x = sw(v, w, z)?;
                if !x.is(Py_NotImplemented()) {
                    return Ok(x);
                }
                slotw = None;
            }
        }
        let x = sv(v, w, z)?;
        if !x.is(Py_NotImplemented()) {
            return Ok(x);
        }
    }
    if let Some(sw) = slotw {
        let x = sw(v, w, z)?;
        if !x.is(Py_NotImplemented()) {
            return Ok(x);
        }
    }
    if !z.is(Py_None()) {
        if let Some(sz) = z.ob_type().tp_as_number.nb_power.get() {
            let zt = z.ob_type();
            let same = slotv.is_some_and(|f| f as usize == sz as usize)
                || slotw.is_some_and(|f| f as usize == sz as usize);
            if !same && !std::ptr::eq(zt, vt) {
                let x = sz(v, w, z)?;
                if !x.is(Py_NotImplemented()) {
                    return Ok(x);
                }
            }
        }
        return Err(type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            vt.name(),
            wt.name(),
            z.ob_type().name()
        )));
    }
    let sym = if symbol == "**" {
        "** or pow()"
    } else {
        symbol
    };
    Err(type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        sym,
        vt.name(),
        wt.name()
    )))
}

/// `PyNumber_Power`: `pow(v, w, z)` (`z` is `None` for `v ** w`).
pub fn PyNumber_Power(v: &PyObject, w: &PyObject, z: &PyObject) -> PyResult {
    ternary_op(v, w, z, "**")
}

macro_rules! unary_op {
    ($name:ident, $slot:ident, $symbol:literal) => {
        #[doc = concat!("`", $symbol, "obj`.")]
        pub fn $name(obj: &PyObject) -> PyResult {
            match obj.ob_type().tp_as_number.$slot.get() {
                Some(f) => f(obj),
                None => Err(type_error(format!(
                    "bad operand type for unary {}: '{}'",
                    $symbol,
                    obj.ob_type().name()
                ))),
            }
        }
    };
}

unary_op!(PyNumber_Negative, nb_negative, "-");
unary_op!(PyNumber_Positive, nb_positive, "+");
unary_op!(PyNumber_Invert, nb_invert, "~");

/// `abs(obj)`.
pub fn PyNumber_Absolute(obj: &PyObject) -> PyResult {
    match obj.ob_type().tp_as_number.nb_absolute.get() {
        Some(f) => f(obj),
        None => Err(type_error(format!(
            "bad operand type for abs(): '{}'",
            obj.ob_type().name()
        ))),
    }
}

// --- Sequences ---------------------------------------------------------------------------------

/// `PySequence_Check`.
pub fn PySequence_Check(obj: &PyObject) -> bool {
    if obj.ob_type().has_feature(Py_TPFLAGS_DICT_SUBCLASS) {
        return false;
    }
    obj.ob_type().tp_as_sequence.sq_item.get().is_some()
}

/// `PyMapping_Check`.
pub fn PyMapping_Check(obj: &PyObject) -> bool {
    obj.ob_type().tp_as_mapping.mp_subscript.get().is_some()
}

/// The items of any iterable as a Vec (`PySequence_Fast`); `msg` is the `TypeError`
/// text for a non-iterable (empty: CPython's generic message).
pub fn PySequence_Fast(obj: &PyObject, msg: &str) -> PyResult<Vec<PyObjectRef>> {
    // Exact types only: a subclass may override `__iter__`.
    if let Some(t) = obj.downcast_ref_exact::<PyTupleObject>() {
        return Ok(t.as_slice().to_vec());
    }
    if let Some(l) = obj.downcast_ref_exact::<PyListObject>() {
        return Ok(l.to_vec());
    }
    let it = match PyObject_GetIter(obj) {
        Ok(it) => it,
        Err(e) if !msg.is_empty() && PyErr_ExceptionMatches(&e, &PyExc_TypeError) => {
            return Err(type_error(msg));
        }
        Err(e) => return Err(e),
    };
    iterate_to_vec(&it)
}

/// The items of any iterable (for `list(x)`, unpacking, `sorted`...).
pub fn PySequence_List_items(obj: &PyObject) -> PyResult<Vec<PyObjectRef>> {
    PySequence_Fast(obj, "")
}

/// `PySequence_List`: `list(obj)`.
pub fn PySequence_List(obj: &PyObject) -> PyResult<PyRef<PyListObject>> {
    Ok(PyList_New(PySequence_List_items(obj)?))
}

/// `PySequence_Tuple`: `tuple(obj)`.
pub fn PySequence_Tuple(obj: &PyObject) -> PyResult {
    if obj.is_type(&crate::tupleobject::PyTuple_Type) {
        return Ok(obj.to_owned());
    }
    Ok(PyTuple_New(PySequence_List_items(obj)?).into_object())
}

/// Drain an iterator into a Vec.
pub fn iterate_to_vec(it: &PyObject) -> PyResult<Vec<PyObjectRef>> {
    let mut out = Vec::new();
    while let Some(v) = PyIter_Next(it)? {
        out.push(v);
    }
    Ok(out)
}

/// `PySequence_Contains`: `value in seq`.
pub fn PySequence_Contains(seq: &PyObject, value: &PyObject) -> PyResult<bool> {
    if let Some(f) = seq.ob_type().tp_as_sequence.sq_contains.get() {
        return f(seq, value);
    }
    _PySequence_IterSearch_Contains(seq, value)
}

/// `_PySequence_IterSearch(seq, value, PY_ITERSEARCH_CONTAINS)`: `in` by iteration.
pub fn _PySequence_IterSearch_Contains(seq: &PyObject, value: &PyObject) -> PyResult<bool> {
    let it = match PyObject_GetIter(seq) {
        Ok(it) => it,
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_TypeError) => {
            return Err(type_error(format!(
                "argument of type '{}' is not iterable",
                seq.ob_type().name()
            )))
        }
        Err(e) => return Err(e),
    };
    while let Some(item) = PyIter_Next(&it)? {
        if PyObject_RichCompareBool(&item, value, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// --- Iteration -------------------------------------------------------------------------------

/// `PyObject_GetIter`: `iter(obj)`.
pub fn PyObject_GetIter(obj: &PyObject) -> PyResult {
    let tp = obj.ob_type();
    match tp.tp_iter.get() {
        Some(f) => {
            let it = f(obj)?;
            if it.ob_type().tp_iternext.get().is_none() {
                return Err(type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    it.ob_type().name()
                )));
            }
            Ok(it)
        }
        None => {
            if PySequence_Check(obj) {
                return Ok(crate::iterobject::PySeqIter_New(obj.to_owned()));
            }
            Err(type_error(format!(
                "'{}' object is not iterable",
                tp.name()
            )))
        }
    }
}

/// `PyIter_Check`.
pub fn PyIter_Check(obj: &PyObject) -> bool {
    obj.ob_type().tp_iternext.get().is_some()
}

/// `PyIter_Next`: the next item, `Ok(None)` when exhausted (a `StopIteration` raised
/// by a Python `__next__` counts as exhaustion).
#[inline]
pub fn PyIter_Next(it: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let Some(f) = it.ob_type().tp_iternext.get() else {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            it.ob_type().name()
        )));
    };
    match f(it) {
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_StopIteration) => Ok(None),
        r => r,
    }
}

// --- isinstance / issubclass ---------------------------------------------------------------

/// `abstract_get_bases`: `cls.__bases__` if it is a tuple.
fn abstract_get_bases(cls: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let bases = _PyObject_LookupAttr(cls, crate::intern!("__bases__"))?;
    Ok(bases.filter(|b| PyTupleObject::check(b)))
}

/// `abstract_issubclass`: walk `__bases__` (for classes that are not types).
fn abstract_issubclass(derived: &PyObject, cls: &PyObject) -> PyResult<bool> {
    let mut d = derived.to_owned();
    loop {
        if d.is(cls) {
            return Ok(true);
        }
        let Some(bases) = abstract_get_bases(&d)? else {
            return Ok(false);
        };
        // SAFETY: checked to be a tuple above.
        let bases = unsafe { bases.downcast_ref_unchecked::<PyTupleObject>() }
            .as_slice()
            .to_vec();
        match bases.len() {
            0 => return Ok(false),
            1 => d = bases[0].clone(),
            _ => {
                let _g = Py_EnterRecursiveCall(" in __issubclass__")?;
                for b in &bases {
                    if abstract_issubclass(b, cls)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
    }
}

fn check_class(cls: &PyObject, msg: &str) -> PyResult<()> {
    if as_type(cls).is_some() || abstract_get_bases(cls)?.is_some() {
        Ok(())
    } else {
        Err(type_error(msg))
    }
}

/// `object_isinstance`: `isinstance` without `__instancecheck__`.
pub fn _PyObject_RealIsInstance(inst: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if let Some(t) = as_type(cls) {
        if crate::typeobject::PyObject_TypeCheck(inst, t) {
            return Ok(true);
        }
        let c = _PyObject_LookupAttr(inst, crate::intern!("__class__"))?;
        if let Some(c) = c {
            if !c.is(inst.ob_type().as_object()) {
                if let Some(ct) = as_type(&c) {
                    return Ok(PyType_IsSubtype(ct, t));
                }
            }
        }
        return Ok(false);
    }
    check_class(
        cls,
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    )?;
    match _PyObject_LookupAttr(inst, crate::intern!("__class__"))? {
        Some(c) => abstract_issubclass(&c, cls),
        None => Ok(false),
    }
}

/// `PyObject_IsInstance`: `isinstance(inst, cls)`.
pub fn PyObject_IsInstance(inst: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if inst.ob_type().as_object().is(cls) {
        return Ok(true);
    }
    if cls.is_type(&crate::typeobject::PyType_Type) {
        // SAFETY: checked to be exactly `type`'s instance.
        let t = unsafe { &*(cls as *const PyObject as *const PyTypeObject) };
        return _PyObject_RealIsInstance(inst, t.as_object());
    }
    if crate::unionobject::is_union(cls) {
        return crate::unionobject::union_instancecheck(inst, cls);
    }
    if let Some(t) = cls.downcast_ref::<PyTupleObject>() {
        let _g = Py_EnterRecursiveCall(" in __instancecheck__")?;
        for item in t.as_slice() {
            if PyObject_IsInstance(inst, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(checker) =
        crate::typeobject::_PyObject_LookupSpecial(cls, crate::intern!("__instancecheck__"))?
    {
        let _g = Py_EnterRecursiveCall(" in __instancecheck__")?;
        let res = crate::call::PyObject_CallOneArg(&checker, inst)?;
        return PyObject_IsTrue(&res);
    }
    _PyObject_RealIsInstance(inst, cls)
}

/// `recursive_issubclass`: `issubclass` without `__subclasscheck__`.
pub fn _PyObject_RealIsSubclass(derived: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if let (Some(a), Some(b)) = (as_type(derived), as_type(cls)) {
        return Ok(PyType_IsSubtype(a, b));
    }
    check_class(derived, "issubclass() arg 1 must be a class")?;
    if !crate::unionobject::is_union(cls) {
        check_class(
            cls,
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        )?;
    }
    abstract_issubclass(derived, cls)
}

/// `PyObject_IsSubclass`: `issubclass(derived, cls)`.
pub fn PyObject_IsSubclass(derived: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if cls.is_type(&crate::typeobject::PyType_Type) {
        if derived.is(cls) {
            return Ok(true);
        }
        return _PyObject_RealIsSubclass(derived, cls);
    }
    if crate::unionobject::is_union(cls) {
        return crate::unionobject::union_subclasscheck(derived, cls);
    }
    if let Some(t) = cls.downcast_ref::<PyTupleObject>() {
        let _g = Py_EnterRecursiveCall(" in __subclasscheck__")?;
        for item in t.as_slice() {
            if PyObject_IsSubclass(derived, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(checker) =
        crate::typeobject::_PyObject_LookupSpecial(cls, crate::intern!("__subclasscheck__"))?
    {
        let _g = Py_EnterRecursiveCall(" in __subclasscheck__")?;
        let res = crate::call::PyObject_CallOneArg(&checker, derived)?;
        return PyObject_IsTrue(&res);
    }
    _PyObject_RealIsSubclass(derived, cls)
}

// --- format ------------------------------------------------------------------------------------

/// `PyObject_Format`: `format(obj, spec)`.
pub fn PyObject_Format(obj: &PyObject, spec: Option<&PyObject>) -> PyResult {
    let empty = spec.is_none_or(|s| {
        s.downcast_ref::<crate::unicodeobject::PyUnicodeObject>()
            .is_some_and(|u| u.is_empty())
    });
    // Fast paths for the common f-string case.
    if empty {
        if obj.is_type(&crate::unicodeobject::PyUnicode_Type) {
            return Ok(obj.to_owned());
        }
        if obj.is_type(&crate::longobject::PyLong_Type) {
            return PyObject_Str(obj);
        }
    }
    let spec_obj = match spec {
        Some(s) => s.to_owned(),
        None => crate::unicodeobject::PyUnicode_FromString(""),
    };
    let Some(meth) = crate::typeobject::_PyObject_LookupSpecial(obj, crate::intern!("__format__"))?
    else {
        return Err(type_error(format!(
            "Type {} doesn't define __format__",
            obj.ob_type().name()
        )));
    };
    let res = crate::call::PyObject_CallOneArg(&meth, &spec_obj)?;
    if !crate::unicodeobject::PyUnicodeObject::check(&res) {
        return Err(type_error(format!(
            "__format__ must return a str, not {}",
            res.ob_type().name()
        )));
    }
    Ok(res)
}

/// `len()` as a Python int.
pub fn builtin_len(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromSsize_t(PyObject_Size(obj)?))
}

// --- The buffer protocol ---------------------------------------------------------------

pub use include::pybuffer::*;

/// `PyObject_CheckBuffer`: does the object's type export a buffer?
#[inline]
pub fn PyObject_CheckBuffer(obj: &PyObject) -> bool {
    obj.ob_type().tp_as_buffer.bf_getbuffer.get().is_some()
}

/// `PyObject_GetBuffer`: ask the exporter for a view of its memory. The view holds a
/// reference to the exporter until [`PyBuffer_Release`].
pub fn PyObject_GetBuffer(obj: &PyObject, view: &mut Py_buffer, flags: i32) -> PyResult<()> {
    match obj.ob_type().tp_as_buffer.bf_getbuffer.get() {
        Some(f) => f(obj, view, flags),
        None => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            obj.ob_type().name()
        ))),
    }
}

/// `PyBuffer_Release`: give a view back to its exporter and drop the reference.
pub fn PyBuffer_Release(view: &mut Py_buffer) {
    if let Some(obj) = view.obj.take() {
        if let Some(f) = obj.ob_type().tp_as_buffer.bf_releasebuffer.get() {
            f(&obj, view);
        }
    }
}

/// `PyBuffer_FillInfo`: fill a one-dimensional view of bytes for an exporter whose
/// memory is contiguous, refusing a writable request on read-only memory.
pub fn PyBuffer_FillInfo(
    view: &mut Py_buffer,
    obj: Option<&PyObject>,
    buf: *mut u8,
    len: Py_ssize_t,
    readonly: bool,
    flags: i32,
) -> PyResult<()> {
    if flags & PyBUF_WRITABLE == PyBUF_WRITABLE && readonly {
        return Err(PyErr_SetString(
            &PyExc_BufferError,
            "Object is not writable.",
        ));
    }
    view.obj = obj.map(|o| o.to_owned());
    view.buf = buf;
    view.len = len;
    view.readonly = readonly;
    view.itemsize = 1;
    view.format = if flags & PyBUF_FORMAT == PyBUF_FORMAT {
        Some("B")
    } else {
        None
    };
    view.ndim = 1;
    view.shape = vec![len];
    view.strides = vec![1];
    view.internal = 0;
    Ok(())
}

/// `PyBuffer_IsContiguous`: is the view laid out in C order (`'C'`), Fortran order
/// (`'F'`) or either (`'A'`)?
pub fn PyBuffer_IsContiguous(view: &Py_buffer, order: char) -> bool {
    let c = || is_c_contiguous(view);
    let f = || is_f_contiguous(view);
    match order {
        'C' => c(),
        'F' => f(),
        'A' => c() || f(),
        _ => false,
    }
}

/// C order: the last index varies fastest, with no gaps.
fn is_c_contiguous(view: &Py_buffer) -> bool {
    if view.len == 0 {
        return true;
    }
    let mut sd = view.itemsize;
    for i in (0..view.ndim).rev() {
        let dim = view.shape[i];
        if dim > 1 && view.strides[i] != sd {
            return false;
        }
        sd *= dim;
    }
    true
}

/// Fortran order: the first index varies fastest, with no gaps.
fn is_f_contiguous(view: &Py_buffer) -> bool {
    if view.len == 0 {
        return true;
    }
    let mut sd = view.itemsize;
    for i in 0..view.ndim {
        let dim = view.shape[i];
        if dim > 1 && view.strides[i] != sd {
            return false;
        }
        sd *= dim;
    }
    true
}

/// Visit the byte offset of every item of a view, in C order (`order == 'C'`) or
/// Fortran order (`'F'`).
pub fn buffer_for_each_offset(view: &Py_buffer, order: char, mut f: impl FnMut(isize)) {
    let ndim = view.ndim;
    if ndim == 0 {
        f(0);
        return;
    }
    if view.shape.contains(&0) {
        return;
    }
    let mut index = vec![0isize; ndim];
    loop {
        f(index.iter().zip(&view.strides).map(|(i, s)| i * s).sum());
        // Advance the odometer: the last dimension fastest in C order.
        let mut d = 0;
        loop {
            if d == ndim {
                return;
            }
            let k = if order == 'F' { d } else { ndim - 1 - d };
            index[k] += 1;
            if index[k] < view.shape[k] {
                break;
            }
            index[k] = 0;
            d += 1;
        }
    }
}

/// `PyBuffer_ToContiguous`: the view's bytes in C (`'C'`, or `'A'`) or Fortran
/// (`'F'`) order, gathered through its strides.
pub fn PyBuffer_ToContiguous(view: &Py_buffer, order: char) -> Vec<u8> {
    let len = view.len.max(0) as usize;
    let as_is = match order {
        'C' => is_c_contiguous(view),
        'F' => is_f_contiguous(view),
        _ => is_c_contiguous(view) || is_f_contiguous(view),
    };
    if as_is {
        if len == 0 {
            return Vec::new();
        }
        // SAFETY: a contiguous view's `len` bytes from `buf` belong to the exporter,
        // which the view keeps alive.
        return unsafe { std::slice::from_raw_parts(view.buf, len) }.to_vec();
    }
    let itemsize = view.itemsize as usize;
    let mut out = Vec::with_capacity(len);
    buffer_for_each_offset(view, if order == 'F' { 'F' } else { 'C' }, |off| {
        // SAFETY: every offset the view's shape and strides produce lies inside the
        // exporter's memory (exporters and memoryview slicing guarantee it).
        let item = unsafe { std::slice::from_raw_parts(view.buf.offset(off), itemsize) };
        out.extend_from_slice(item);
    });
    out
}

/// The contents of a bytes-like object asked for as `PyBUF_SIMPLE` (one contiguous
/// run of bytes), as Argument Clinic's `Py_buffer` converter and hashlib.h's
/// `GET_BUFFER_VIEW_OR_ERROUT` ask: a non-contiguous exporter raises its
/// `BufferError`.
pub fn buffer_simple_to_vec(obj: &PyObject) -> PyResult<Vec<u8>> {
    let mut view = Py_buffer::new();
    PyObject_GetBuffer(obj, &mut view, PyBUF_SIMPLE)?;
    let v = if view.len > 0 {
        // SAFETY: a simple view is `len` contiguous bytes at `buf`, alive until the
        // view is released.
        unsafe { std::slice::from_raw_parts(view.buf, view.len as usize) }.to_vec()
    } else {
        Vec::new()
    };
    PyBuffer_Release(&mut view);
    Ok(v)
}

/// The contents of any bytes-like object as one contiguous copy (C order), or
/// `None` if it does not export a buffer.
pub fn buffer_to_vec(obj: &PyObject) -> PyResult<Option<Vec<u8>>> {
    if !PyObject_CheckBuffer(obj) {
        return Ok(None);
    }
    let mut view = Py_buffer::new();
    PyObject_GetBuffer(obj, &mut view, PyBUF_FULL_RO)?;
    let v = PyBuffer_ToContiguous(&view, 'C');
    PyBuffer_Release(&mut view);
    Ok(Some(v))
}
