//! The `complex` type. Mirrors Objects/complexobject.c (CPython 3.11).
//!
//! Differences from CPython: `Py_complex`'s fields are `re` and `im` (CPython's
//! `real` and `imag`); C's `errno`, which the arithmetic helpers use to report
//! division by zero and overflow, is an explicit [`CError`] result.

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::cpython::object::PyNumberMethods;
use include::descrobject::{MemberType, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::boolobject::PyBool_FromLong;
use crate::floatobject::{
    _PyOS_ascii_strtod, _PyUnicode_TransformDecimalAndSpaceToASCII,
    _Py_string_to_number_with_underscores, PyFloatObject, PyFloat_AsDouble, PyFloat_FromDouble,
    PyNumber_Float, PyOS_double_to_string, Py_DTSF_SIGN,
};
use crate::longobject::{PyLongObject, PyLong_AsDouble};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::pyhash::{_Py_HashDouble, PyHASH_IMAG};
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

/// `Py_complex`: a pair of doubles.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
#[repr(C)]
pub struct Py_complex {
    /// The real part (`real` in CPython).
    pub re: f64,
    /// The imaginary part (`imag` in CPython).
    pub im: f64,
}

/// `PyComplexObject`.
#[repr(C)]
pub struct PyComplexObject {
    pub ob_base: PyObject,
    pub cval: Py_complex,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyComplexObject {}

impl PyTypeInfo for PyComplexObject {
    fn type_object() -> &'static PyTypeObject {
        &PyComplex_Type
    }
}

#[inline(always)]
fn as_complex(obj: &PyObject) -> Py_complex {
    // SAFETY: only called from complex's own slots and methods, whose first argument
    // is a complex, or after a `PyComplexObject::check`.
    unsafe { (*(obj as *const PyObject as *const PyComplexObject)).cval }
}

/// What C's `errno` reports after a complex operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CError {
    /// `EDOM`: division by zero.
    Domain,
    /// `ERANGE`: the result overflowed.
    Range,
}

const C_1: Py_complex = Py_complex { re: 1.0, im: 0.0 };

/// `_Py_c_sum`.
pub fn _Py_c_sum(a: Py_complex, b: Py_complex) -> Py_complex {
    Py_complex {
        re: a.re + b.re,
        im: a.im + b.im,
    }
}

/// `_Py_c_diff`.
pub fn _Py_c_diff(a: Py_complex, b: Py_complex) -> Py_complex {
    Py_complex {
        re: a.re - b.re,
        im: a.im - b.im,
    }
}

/// `_Py_c_neg`.
pub fn _Py_c_neg(a: Py_complex) -> Py_complex {
    Py_complex {
        re: -a.re,
        im: -a.im,
    }
}

/// `_Py_c_prod`.
pub fn _Py_c_prod(a: Py_complex, b: Py_complex) -> Py_complex {
    Py_complex {
        re: a.re * b.re - a.im * b.im,
        im: a.re * b.im + a.im * b.re,
    }
}

/// `_Py_c_quot`: Smith's algorithm (CACM Algorithm 116): divide through by whichever
/// part of the divisor is larger in magnitude, which avoids most spurious overflow.
/// Division by zero is reported as `EDOM` with a zero result.
pub fn _Py_c_quot(a: Py_complex, b: Py_complex) -> (Py_complex, Option<CError>) {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return (Py_complex { re: 0.0, im: 0.0 }, Some(CError::Domain));
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        (
            Py_complex {
                re: (a.re + a.im * ratio) / denom,
                im: (a.im - a.re * ratio) / denom,
            },
            None,
        )
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        (
            Py_complex {
                re: (a.re * ratio + a.im) / denom,
                im: (a.im * ratio - a.re) / denom,
            },
            None,
        )
    } else {
        // At least one part of the divisor is a NaN.
        (
            Py_complex {
                re: f64::NAN,
                im: f64::NAN,
            },
            None,
        )
    }
}

/// `_Py_c_pow`: through polar form. `0 ** b` is `EDOM` unless `b` is real and
/// non-negative.
pub fn _Py_c_pow(a: Py_complex, b: Py_complex) -> (Py_complex, Option<CError>) {
    if b.re == 0.0 && b.im == 0.0 {
        return (C_1, None);
    }
    if a.re == 0.0 && a.im == 0.0 {
        let err = if b.im != 0.0 || b.re < 0.0 {
            Some(CError::Domain)
        } else {
            None
        };
        return (Py_complex { re: 0.0, im: 0.0 }, err);
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    // C's cos() and sin() of an infinity set errno to EDOM, which complex_pow
    // reports as a ZeroDivisionError; the other libm calls here can only set
    // ERANGE, which matters only when the result is infinite (checked by the caller).
    let err = if phase.is_infinite() {
        Some(CError::Domain)
    } else {
        None
    };
    (
        Py_complex {
            re: len * phase.cos(),
            im: len * phase.sin(),
        },
        err,
    )
}

/// `c_powu`: `x ** n` for `n >= 1` by repeated squaring.
fn c_powu(x: Py_complex, n: i64) -> Py_complex {
    let mut r = C_1;
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = _Py_c_prod(r, p);
        }
        mask <<= 1;
        p = _Py_c_prod(p, p);
    }
    r
}

/// `c_powi`: `x ** n` for a small integer `n`.
fn c_powi(x: Py_complex, n: i64) -> (Py_complex, Option<CError>) {
    if n > 0 {
        (c_powu(x, n), None)
    } else {
        _Py_c_quot(C_1, c_powu(x, -n))
    }
}

/// `_Py_c_abs`: `hypot`, with C99's rule that an infinite part makes the result
/// infinite even beside a NaN.
pub fn _Py_c_abs(z: Py_complex) -> (f64, Option<CError>) {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() {
            return (z.re.abs(), None);
        }
        if z.im.is_infinite() {
            return (z.im.abs(), None);
        }
        return (f64::NAN, None);
    }
    let r = z.re.hypot(z.im);
    (
        r,
        if r.is_finite() {
            None
        } else {
            Some(CError::Range)
        },
    )
}

// --- creation ----------------------------------------------------------------------------------

/// `PyComplex_FromDoubles`.
pub fn PyComplex_FromDoubles(re: f64, im: f64) -> PyObjectRef {
    PyComplex_FromCComplex(Py_complex { re, im })
}

/// `PyComplex_FromCComplex`.
pub fn PyComplex_FromCComplex(cval: Py_complex) -> PyObjectRef {
    complex_subtype_from_c_complex(&PyComplex_Type, cval)
}

fn complex_subtype_from_c_complex(tp: &PyTypeObject, cval: Py_complex) -> PyObjectRef {
    // SAFETY: `tp` is complex or a subtype, whose instances start with this layout.
    unsafe {
        alloc_object(
            tp,
            PyComplexObject {
                ob_base: PyObject_HEAD_INIT,
                cval,
            },
        )
    }
    .into_object()
}

unsafe fn complex_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead complex.
    unsafe { dealloc_object::<PyComplexObject>(op) }
}

/// `PyComplex_RealAsDouble`.
pub fn PyComplex_RealAsDouble(obj: &PyObject) -> PyResult<f64> {
    if PyComplexObject::check(obj) {
        return Ok(as_complex(obj).re);
    }
    PyFloat_AsDouble(obj)
}

/// `PyComplex_ImagAsDouble`.
pub fn PyComplex_ImagAsDouble(obj: &PyObject) -> PyResult<f64> {
    if PyComplexObject::check(obj) {
        return Ok(as_complex(obj).im);
    }
    Ok(0.0)
}

/// `try_complex_special_method`: the result of `obj.__complex__()` if the type has
/// one.
fn try_complex_special_method(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let Some(f) = crate::typeobject::_PyObject_LookupSpecial(obj, crate::intern!("__complex__"))?
    else {
        return Ok(None);
    };
    let res = crate::call::PyObject_CallNoArgs(&f)?;
    if !PyComplexObject::check(&res) {
        return Err(type_error(format!(
            "__complex__ returned non-complex (type {})",
            res.ob_type().name()
        )));
    }
    if !res.is_type(&PyComplex_Type) {
        // Issue #29894: a complex subclass is accepted, with a warning.
        crate::pyhooks::PyErr_WarnEx(
            &crate::exceptions::PyExc_DeprecationWarning,
            &format!(
                "__complex__ returned non-complex (type {}).  \
                 The ability to return an instance of a strict subclass of complex \
                 is deprecated, and may be removed in a future version of Python.",
                res.ob_type().name()
            ),
            1,
        )?;
    }
    Ok(Some(res))
}

/// `PyComplex_AsCComplex`: a complex, or an object with `__complex__`, `__float__` or
/// `__index__`, as a C complex.
pub fn PyComplex_AsCComplex(obj: &PyObject) -> PyResult<Py_complex> {
    if PyComplexObject::check(obj) {
        return Ok(as_complex(obj));
    }
    if let Some(c) = try_complex_special_method(obj)? {
        return Ok(as_complex(&c));
    }
    Ok(Py_complex {
        re: PyFloat_AsDouble(obj)?,
        im: 0.0,
    })
}

// --- repr and hash -----------------------------------------------------------------------------

/// `complex_repr`'s text: `(1+2j)`, `2j` when the real part is +0.0, `(-0-0j)`.
pub fn complex_repr_string(c: Py_complex) -> String {
    if c.re == 0.0 && c.re.is_sign_positive() {
        let im = PyOS_double_to_string(c.im, 'r', 0, 0).0;
        format!("{im}j")
    } else {
        let re = PyOS_double_to_string(c.re, 'r', 0, 0).0;
        let im = PyOS_double_to_string(c.im, 'r', 0, Py_DTSF_SIGN).0;
        format!("({re}{im}j)")
    }
}

fn complex_repr(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(&complex_repr_string(as_complex(obj))))
}

fn complex_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    let c = as_complex(obj);
    let addr = obj.as_ptr() as usize;
    let hashreal = _Py_HashDouble(c.re, addr) as u64;
    let hashimag = _Py_HashDouble(c.im, addr) as u64;
    // With a zero imaginary part this is the real part's hash, as equality with
    // floats and ints requires.
    let combined = hashreal.wrapping_add((PyHASH_IMAG as u64).wrapping_mul(hashimag)) as i64;
    Ok(if combined == -1 { -2 } else { combined } as Py_hash_t)
}

// --- arithmetic --------------------------------------------------------------------------------

/// `TO_COMPLEX`: a complex, int or float operand as a C complex; `None` for other
/// types (the operation then returns `NotImplemented`).
#[inline]
fn to_complex(obj: &PyObject) -> PyResult<Option<Py_complex>> {
    if obj.is_type(&PyComplex_Type) {
        return Ok(Some(as_complex(obj)));
    }
    if obj.is_type(&crate::floatobject::PyFloat_Type) {
        return Ok(Some(Py_complex {
            re: PyFloat_AsDouble(obj)?,
            im: 0.0,
        }));
    }
    if PyComplexObject::check(obj) {
        return Ok(Some(as_complex(obj)));
    }
    if PyLongObject::check(obj) {
        return Ok(Some(Py_complex {
            re: PyLong_AsDouble(obj)?,
            im: 0.0,
        }));
    }
    if PyFloatObject::check(obj) {
        return Ok(Some(Py_complex {
            re: PyFloat_AsDouble(obj)?,
            im: 0.0,
        }));
    }
    Ok(None)
}

macro_rules! to_complex {
    ($obj:expr) => {
        match to_complex($obj)? {
            Some(c) => c,
            None => return Ok(not_implemented()),
        }
    };
}

fn complex_add(v: &PyObject, w: &PyObject) -> PyResult {
    let a = to_complex!(v);
    let b = to_complex!(w);
    Ok(PyComplex_FromCComplex(_Py_c_sum(a, b)))
}

fn complex_sub(v: &PyObject, w: &PyObject) -> PyResult {
    let a = to_complex!(v);
    let b = to_complex!(w);
    Ok(PyComplex_FromCComplex(_Py_c_diff(a, b)))
}

fn complex_mul(v: &PyObject, w: &PyObject) -> PyResult {
    let a = to_complex!(v);
    let b = to_complex!(w);
    Ok(PyComplex_FromCComplex(_Py_c_prod(a, b)))
}

fn complex_div(v: &PyObject, w: &PyObject) -> PyResult {
    let a = to_complex!(v);
    let b = to_complex!(w);
    match _Py_c_quot(a, b) {
        (_, Some(CError::Domain)) => Err(zero_division_error("complex division by zero")),
        (q, _) => Ok(PyComplex_FromCComplex(q)),
    }
}

/// `complex_pow` on two complex values: integral exponents up to 100 in magnitude by
/// repeated multiplication (faster and more accurate), others through polar form.
pub fn complex_pow_c(a: Py_complex, b: Py_complex) -> PyResult {
    let (p, mut err) = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        c_powi(a, b.re as i64)
    } else {
        _Py_c_pow(a, b)
    };
    // `_Py_ADJUST_ERANGE2`: an infinite part means overflow.
    if err.is_none() && (p.re.is_infinite() || p.im.is_infinite()) {
        err = Some(CError::Range);
    }
    match err {
        Some(CError::Domain) => Err(zero_division_error("0.0 to a negative or complex power")),
        Some(CError::Range) => Err(overflow_error("complex exponentiation")),
        None => Ok(PyComplex_FromCComplex(p)),
    }
}

/// `(ar+ai j) ** (br+bi j)`, for `float.__pow__`'s negative-base case.
pub fn complex_pow_values(ar: f64, ai: f64, br: f64, bi: f64) -> PyResult {
    complex_pow_c(Py_complex { re: ar, im: ai }, Py_complex { re: br, im: bi })
}

fn complex_pow(v: &PyObject, w: &PyObject, z: &PyObject) -> PyResult {
    let a = to_complex!(v);
    let b = to_complex!(w);
    if !z.is(Py_None()) {
        return Err(value_error("complex modulo"));
    }
    complex_pow_c(a, b)
}

fn complex_neg(v: &PyObject) -> PyResult {
    Ok(PyComplex_FromCComplex(_Py_c_neg(as_complex(v))))
}

fn complex_pos(v: &PyObject) -> PyResult {
    if v.is_type(&PyComplex_Type) {
        return Ok(v.to_owned());
    }
    Ok(PyComplex_FromCComplex(as_complex(v)))
}

fn complex_abs(v: &PyObject) -> PyResult {
    match _Py_c_abs(as_complex(v)) {
        (_, Some(_)) => Err(overflow_error("absolute value too large")),
        (r, None) => Ok(PyFloat_FromDouble(r)),
    }
}

fn complex_bool(v: &PyObject) -> PyResult<bool> {
    let c = as_complex(v);
    Ok(c.re != 0.0 || c.im != 0.0)
}

fn complex_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(not_implemented());
    }
    let i = as_complex(v);
    let equal = if PyLongObject::check(w) {
        // With no imaginary part, compare the real part exactly with the int.
        if i.im == 0.0 {
            let j = PyFloat_FromDouble(i.re);
            return PyObject_RichCompare(&j, w, op);
        }
        false
    } else if PyFloatObject::check(w) {
        i.re == PyFloat_AsDouble(w)? && i.im == 0.0
    } else if PyComplexObject::check(w) {
        let j = as_complex(w);
        i.re == j.re && i.im == j.im
    } else {
        return Ok(not_implemented());
    };
    Ok(PyBool_FromLong(if op == CompareOp::Eq {
        equal
    } else {
        !equal
    }))
}

// --- methods -----------------------------------------------------------------------------------

fn complex_conjugate(v: &PyObject) -> PyResult {
    let c = as_complex(v);
    Ok(PyComplex_FromDoubles(c.re, -c.im))
}

fn complex_getnewargs(v: &PyObject) -> PyResult {
    let c = as_complex(v);
    Ok(
        crate::tupleobject::PyTuple_New(vec![PyFloat_FromDouble(c.re), PyFloat_FromDouble(c.im)])
            .into_object(),
    )
}

fn complex_format(v: &PyObject, spec: &PyObject) -> PyResult {
    if !PyUnicodeObject::check(spec) {
        return Err(crate::longobject::_PyArg_BadArgument(
            "__format__",
            "argument",
            "str",
            spec,
        ));
    }
    crate::formatter_unicode::_PyComplex_FormatAdvanced(v, spec)
}

fn complex_complex(v: &PyObject) -> PyResult {
    complex_pos(v)
}

// --- construction ------------------------------------------------------------------------------

fn malformed() -> PyErr {
    value_error("complex() arg is a malformed string")
}

/// `complex_from_string_inner`: `<float>`, `<float>j`, `<float><signed-float>j`, and
/// the older `<float><sign>j`, `<sign>j` and `j`, optionally in parentheses, with
/// white space around.
fn complex_from_string_inner(s: &[u8]) -> PyResult<Py_complex> {
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let mut got_bracket = false;
    if at(i) == b'(' {
        got_bracket = true;
        i += 1;
        while is_space(at(i)) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    if let Some((z, n)) = _PyOS_ascii_strtod(&s[i..]) {
        i += n;
        if at(i) == b'+' || at(i) == b'-' {
            x = z;
            if let Some((w, n)) = _PyOS_ascii_strtod(&s[i..]) {
                y = w;
                i += n;
            } else {
                y = if at(i) == b'+' { 1.0 } else { -1.0 };
                i += 1;
            }
            if !(at(i) == b'j' || at(i) == b'J') {
                return Err(malformed());
            }
            i += 1;
        } else if at(i) == b'j' || at(i) == b'J' {
            i += 1;
            y = z;
        } else {
            x = z;
        }
    } else {
        if at(i) == b'+' || at(i) == b'-' {
            y = if at(i) == b'+' { 1.0 } else { -1.0 };
            i += 1;
        } else {
            y = 1.0;
        }
        if !(at(i) == b'j' || at(i) == b'J') {
            return Err(malformed());
        }
        i += 1;
    }
    while is_space(at(i)) {
        i += 1;
    }
    if got_bracket {
        if at(i) != b')' {
            return Err(malformed());
        }
        i += 1;
        while is_space(at(i)) {
            i += 1;
        }
    }
    if i != s.len() {
        return Err(malformed());
    }
    Ok(Py_complex { re: x, im: y })
}

/// `complex_subtype_from_string`.
fn complex_subtype_from_string(tp: &PyTypeObject, v: &PyUnicodeObject) -> PyResult {
    let text = _PyUnicode_TransformDecimalAndSpaceToASCII(v);
    let Some(clean) = _Py_string_to_number_with_underscores(&text) else {
        return Err(crate::longobject::value_error_with_repr(
            "could not convert string to complex: ",
            v.as_object(),
            None,
        ));
    };
    let c = complex_from_string_inner(&clean)?;
    Ok(complex_subtype_from_c_complex(tp, c))
}

fn is_number_like(obj: &PyObject) -> bool {
    let nb = &obj.ob_type().tp_as_number;
    nb.nb_float.get().is_some() || nb.nb_index.get().is_some() || PyComplexObject::check(obj)
}

/// `complex_new_impl`.
fn complex_new_impl(tp: &PyTypeObject, r: Option<&PyObject>, i: Option<&PyObject>) -> PyResult {
    let zero;
    let r = match r {
        Some(r) => r,
        None => {
            zero = crate::longobject::PyLong_FromLong(0);
            &zero
        }
    };
    if r.is_type(&PyComplex_Type) && i.is_none() && std::ptr::eq(tp, &PyComplex_Type) {
        return Ok(r.to_owned());
    }
    if let Some(u) = r.downcast_ref::<PyUnicodeObject>() {
        if i.is_some() {
            return Err(type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        return complex_subtype_from_string(tp, u);
    }
    if i.is_some_and(PyUnicodeObject::check) {
        return Err(type_error("complex() second arg can't be a string"));
    }
    let special = try_complex_special_method(r)?;
    let r: &PyObject = special.as_deref().unwrap_or(r);
    if !is_number_like(r) {
        return Err(type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            r.ob_type().name()
        )));
    }
    if let Some(i) = i {
        if !is_number_like(i) {
            return Err(type_error(format!(
                "complex() second argument must be a number, not '{}'",
                i.ob_type().name()
            )));
        }
    }
    // Either part may itself be complex: the result is r + i*1j in any case.
    let (mut cr, cr_is_complex) = if PyComplexObject::check(r) {
        (as_complex(r), true)
    } else {
        let f = PyNumber_Float(r)?;
        (
            Py_complex {
                re: PyFloat_AsDouble(&f)?,
                im: 0.0,
            },
            false,
        )
    };
    let mut ci_is_complex = false;
    let mut ci = Py_complex::default();
    match i {
        None => ci.re = cr.im,
        Some(i) if PyComplexObject::check(i) => {
            ci = as_complex(i);
            ci_is_complex = true;
        }
        Some(i) => {
            let f = PyNumber_Float(i)?;
            ci.re = PyFloat_AsDouble(&f)?;
        }
    }
    if ci_is_complex {
        cr.re -= ci.im;
    }
    if cr_is_complex && i.is_some() {
        ci.re += cr.im;
    }
    Ok(complex_subtype_from_c_complex(
        tp,
        Py_complex {
            re: cr.re,
            im: ci.re,
        },
    ))
}

fn complex_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = crate::getargs::parse_args("complex", args, kwnames, &["real", "imag"], 0)?;
    complex_new_impl(tp, a[0].as_deref(), a[1].as_deref())
}

// --- the type object ---------------------------------------------------------------------------

static COMPLEX_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "conjugate",
        PyCFunction::NoArgs(complex_conjugate),
        "conjugate($self, /)\n--\n\nReturn the complex conjugate of its argument. (3-4j).conjugate() == 3+4j.",
    ),
    PyMethodDef::new(
        "__getnewargs__",
        PyCFunction::NoArgs(complex_getnewargs),
        "__getnewargs__($self, /)\n--\n\n",
    ),
    PyMethodDef::new(
        "__format__",
        PyCFunction::O(complex_format),
        "__format__($self, format_spec, /)\n--\n\nConvert to a string according to format_spec.",
    ),
    PyMethodDef::new(
        "__complex__",
        PyCFunction::NoArgs(complex_complex),
        "__complex__($self, /)\n--\n\nConvert this value to exact type complex.",
    ),
];

static COMPLEX_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef {
        name: "real",
        type_code: MemberType::Double,
        offset: std::mem::offset_of!(PyComplexObject, cval) + std::mem::offset_of!(Py_complex, re),
        flags: READONLY,
        doc: Some("the real part of a complex number"),
    },
    PyMemberDef {
        name: "imag",
        type_code: MemberType::Double,
        offset: std::mem::offset_of!(PyComplexObject, cval) + std::mem::offset_of!(Py_complex, im),
        flags: READONLY,
        doc: Some("the imaginary part of a complex number"),
    },
];

/// `complex`.
pub static PyComplex_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "complex",
    tp_basicsize: Cell::new(size_of::<PyComplexObject>()),
    tp_dealloc: slot(complex_dealloc),
    tp_repr: slot(complex_repr),
    tp_as_number: PyNumberMethods {
        nb_add: slot(complex_add),
        nb_subtract: slot(complex_sub),
        nb_multiply: slot(complex_mul),
        nb_power: slot(complex_pow),
        nb_negative: slot(complex_neg),
        nb_positive: slot(complex_pos),
        nb_absolute: slot(complex_abs),
        nb_bool: slot(complex_bool),
        nb_true_divide: slot(complex_div),
        ..PyNumberMethods::EMPTY
    },
    tp_hash: slot(complex_hash),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("complex(real=0, imag=0)\n--\n\nCreate a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0."),
    tp_richcompare: slot(complex_richcompare),
    tp_methods: &COMPLEX_METHODS,
    tp_members: &COMPLEX_MEMBERS,
    tp_new: slot(complex_new),
    ..PyTypeObject::DEFAULT
};

/// The static types defined here, for start-up.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyComplex_Type]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(re: f64, im: f64) -> Py_complex {
        Py_complex { re, im }
    }

    #[test]
    fn complex_repr_forms() {
        assert_eq!(complex_repr_string(c(1.0, 2.0)), "(1+2j)");
        assert_eq!(complex_repr_string(c(0.0, 2.0)), "2j");
        assert_eq!(complex_repr_string(c(0.0, -0.0)), "-0j");
        assert_eq!(complex_repr_string(c(-0.0, 0.0)), "(-0+0j)");
        assert_eq!(
            complex_repr_string(c(f64::NAN, f64::INFINITY)),
            "(nan+infj)"
        );
        assert_eq!(complex_repr_string(c(1e16, -1.5)), "(1e+16-1.5j)");
    }

    #[test]
    fn complex_string_forms() {
        let p = |s: &str| complex_from_string_inner(s.as_bytes()).ok();
        assert_eq!(p("1+2j"), Some(c(1.0, 2.0)));
        assert_eq!(p(" ( 1-2J ) "), Some(c(1.0, -2.0)));
        assert_eq!(p("j"), Some(c(0.0, 1.0)));
        assert_eq!(p("-j"), Some(c(0.0, -1.0)));
        assert_eq!(p("3+j"), Some(c(3.0, 1.0)));
        assert_eq!(p("1e5J"), Some(c(0.0, 1e5)));
        assert_eq!(p("1.5"), Some(c(1.5, 0.0)));
        assert_eq!(p("1ej"), None);
        assert_eq!(p("1 + 2j"), None);
        assert_eq!(p("(1+2j"), None);
        assert_eq!(p(""), None);
    }

    #[test]
    fn complex_division() {
        assert_eq!(_Py_c_quot(c(1.0, 0.0), c(0.0, 0.0)).1, Some(CError::Domain));
        assert_eq!(_Py_c_quot(c(1.0, 2.0), c(3.0, 4.0)).0, c(0.44, 0.08));
        assert_eq!(c_powi(c(0.0, 1.0), 2).0, c(-1.0, 0.0));
    }
}
