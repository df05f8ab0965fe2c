//! The `float` type. Mirrors Objects/floatobject.c (CPython 3.11), together with the
//! parts of Python/pystrtod.c and Python/dtoa.c that turn doubles into text and back
//! (`PyOS_double_to_string`, `format_float_short`, `_Py_dg_dtoa`, `_Py_dg_strtod`,
//! `_Py_parse_inf_or_nan`) and `_Py_string_to_number_with_underscores` from
//! Objects/abstract.c.
//!
//! Differences from CPython:
//! - pyrs has no copy of David Gay's dtoa.c. Its two jobs are done by Rust's standard
//!   library, which is also correctly rounded: `{:e}` gives the shortest digit string
//!   that round-trips (dtoa's mode 0), `{:.N e}` and `{:.N}` give correctly rounded
//!   digits (modes 2 and 3, ties to even on exact decimal halves as dtoa does), and
//!   `str::parse::<f64>` is a correctly rounded `strtod`. [`dg_dtoa`] adapts their
//!   output to dtoa's interface (a digit string and a decimal-point position), and
//!   [`format_float_short`] then lays the digits out by CPython's rules, so `repr`,
//!   `str`, `format` and `%` give CPython's text exactly.
//! - The pystrtod/dtoa functions live here rather than in a `python`-crate file
//!   because `float`'s own methods need them and `objects` sits below `python`.
//! - The free list holds raw pointers to dead float objects, like CPython's
//!   `float_state.free_list` but as a fixed array.

use std::cell::Cell;
use std::cmp::Ordering;
use std::mem::size_of;
use std::ptr::NonNull;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

use include::cpython::object::flags::*;
use include::cpython::object::PyNumberMethods;
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef, METH_CLASS};
use include::object::GlobalCell;

use crate::boolobject::PyBool_FromLong;
use crate::exceptions::*;
use crate::longobject::{
    LongValue, PyLongObject, PyLong_AsDouble, PyLong_FromBigInt, PyLong_FromDouble,
};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

/// `PyFloatObject`: a boxed C double.
#[repr(C)]
pub struct PyFloatObject {
    pub ob_base: PyObject,
    pub ob_fval: f64,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyFloatObject {}

impl PyTypeInfo for PyFloatObject {
    fn type_object() -> &'static PyTypeObject {
        &PyFloat_Type
    }
}

/// `PyFloat_AS_DOUBLE` for an object known to be a float (or subclass instance).
#[inline(always)]
fn as_float(obj: &PyObject) -> f64 {
    // SAFETY: only called from float's own slots and methods, whose first argument is
    // a float, or after a `PyFloatObject::check`.
    unsafe { (*(obj as *const PyObject as *const PyFloatObject)).ob_fval }
}

/// The value of `obj` if it is a float or a float subclass instance.
#[inline(always)]
fn float_value(obj: &PyObject) -> Option<f64> {
    if obj.is_type(&PyFloat_Type) || PyFloatObject::check(obj) {
        Some(as_float(obj))
    } else {
        None
    }
}

// --- allocation and the free list ------------------------------------------------------

/// How many dead floats are kept for reuse (`PyFloat_MAXFREELIST`).
const PyFloat_MAXFREELIST: usize = 100;

/// Memory of dead exact floats, reused by `PyFloat_FromDouble`. Numeric loops create
/// and drop a float per operation; recycling skips the allocator both ways.
struct FloatFreeList {
    items: [*mut PyFloatObject; PyFloat_MAXFREELIST],
    numfree: usize,
}

static FLOAT_FREELIST: GlobalCell<FloatFreeList> = GlobalCell::new(FloatFreeList {
    items: [std::ptr::null_mut(); PyFloat_MAXFREELIST],
    numfree: 0,
});

/// `PyFloat_FromDouble`: a new float object.
#[inline]
pub fn PyFloat_FromDouble(v: f64) -> PyObjectRef {
    // SAFETY: single-threaded; the borrow ends within this function and nothing in
    // it can reach the free list again.
    let fl = unsafe { FLOAT_FREELIST.get_mut() };
    if fl.numfree > 0 {
        fl.numfree -= 1;
        let op = fl.items[fl.numfree];
        // SAFETY: every pointer on the free list is the memory of a dead exact float
        // (see `float_dealloc`), allocated with float's layout; writing a complete
        // struct revives it with one reference.
        unsafe {
            op.write(PyFloatObject {
                ob_base: PyObject::new_header(&PyFloat_Type),
                ob_fval: v,
            });
            return PyObjectRef::from_raw(NonNull::new_unchecked(op as *mut PyObject));
        }
    }
    // SAFETY: the struct is the complete layout of float.
    unsafe {
        alloc_object(
            &PyFloat_Type,
            PyFloatObject {
                ob_base: PyObject_HEAD_INIT,
                ob_fval: v,
            },
        )
    }
    .into_object()
}

/// A float (or float subclass instance of type `tp`) holding `v`.
fn float_subtype_from_double(tp: &PyTypeObject, v: f64) -> PyObjectRef {
    if std::ptr::eq(tp, &PyFloat_Type) {
        return PyFloat_FromDouble(v);
    }
    // SAFETY: `tp` is a subtype of float, whose instances start with this layout.
    unsafe {
        alloc_object(
            tp,
            PyFloatObject {
                ob_base: PyObject_HEAD_INIT,
                ob_fval: v,
            },
        )
    }
    .into_object()
}

/// `_PyFloat_ClearFreeList`: give the kept floats back to the allocator (a full
/// collection does this, as `clear_freelists` in Modules/gcmodule.c).
pub fn _PyFloat_ClearFreeList() {
    loop {
        // SAFETY: single-threaded; the borrow ends before the memory is freed.
        let op = unsafe {
            let fl = FLOAT_FREELIST.get_mut();
            if fl.numfree == 0 {
                return;
            }
            fl.numfree -= 1;
            fl.items[fl.numfree]
        };
        // SAFETY: the memory of a dead exact float whose header still names `float`.
        unsafe { PyObject_Free(op as *mut PyObject) };
    }
}

/// `_PyFloat_ExactDealloc`: free a dead float directly (the eval loop's float
/// instructions use it in place of `_Py_Dealloc`; a float holds no references, so it
/// needs no trashcan).
///
/// # Safety
/// `op` must be a float whose reference count reached zero.
pub unsafe fn _PyFloat_ExactDealloc(op: *mut PyObject) {
    // SAFETY: forwarded from the caller.
    unsafe { float_dealloc(op) }
}

unsafe fn float_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead float; its header is intact.
    unsafe {
        if (*op).is_type(&PyFloat_Type) {
            let fl = FLOAT_FREELIST.get_mut();
            if fl.numfree < PyFloat_MAXFREELIST {
                fl.items[fl.numfree] = op as *mut PyFloatObject;
                fl.numfree += 1;
                return;
            }
        }
        dealloc_object::<PyFloatObject>(op)
    }
}

// --- conversions ---------------------------------------------------------------------------

/// `PyFloat_AsDouble`: the value of a float, or of an object with `__float__` or
/// `__index__`, as CPython converts it.
pub fn PyFloat_AsDouble(obj: &PyObject) -> PyResult<f64> {
    if let Some(v) = float_value(obj) {
        return Ok(v);
    }
    let nb = &obj.ob_type().tp_as_number;
    let Some(f) = nb.nb_float.get() else {
        if nb.nb_index.get().is_some() {
            let res = crate::r#abstract::PyNumber_Index(obj)?;
            return PyLong_AsDouble(&res);
        }
        return Err(type_error(format!(
            "must be real number, not {}",
            obj.ob_type().name()
        )));
    };
    let res = f(obj)?;
    match float_value(&res) {
        Some(v) => {
            warn_float_subclass(obj, &res)?;
            Ok(v)
        }
        None => Err(type_error(format!(
            "{}.__float__ returned non-float (type {})",
            obj.ob_type().name(),
            res.ob_type().name()
        ))),
    }
}

/// The DeprecationWarning of `PyFloat_AsDouble` and `PyNumber_Float` when
/// `__float__` returned an instance of a strict float subclass.
fn warn_float_subclass(obj: &PyObject, res: &PyObject) -> PyResult<()> {
    if res.is_type(&PyFloat_Type) {
        return Ok(());
    }
    crate::pyhooks::PyErr_WarnEx(
        &crate::exceptions::PyExc_DeprecationWarning,
        &format!(
            "{:.50}.__float__ returned non-float (type {:.50}).  \
             The ability to return an instance of a strict subclass of float \
             is deprecated, and may be removed in a future version of Python.",
            obj.ob_type().name(),
            res.ob_type().name()
        ),
        1,
    )
}

/// `PyNumber_Float`: `float(obj)` for one argument.
pub fn PyNumber_Float(obj: &PyObject) -> PyResult {
    if obj.is_type(&PyFloat_Type) {
        return Ok(obj.to_owned());
    }
    let nb = &obj.ob_type().tp_as_number;
    if let Some(f) = nb.nb_float.get() {
        let res = f(obj)?;
        if res.is_type(&PyFloat_Type) {
            return Ok(res);
        }
        return match float_value(&res) {
            Some(v) => {
                warn_float_subclass(obj, &res)?;
                Ok(PyFloat_FromDouble(v))
            }
            None => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                obj.ob_type().name(),
                res.ob_type().name()
            ))),
        };
    }
    if nb.nb_index.get().is_some() {
        let res = crate::r#abstract::PyNumber_Index(obj)?;
        return Ok(PyFloat_FromDouble(PyLong_AsDouble(&res)?));
    }
    // A float subclass whose class removed `__float__`.
    if let Some(v) = float_value(obj) {
        return Ok(PyFloat_FromDouble(v));
    }
    PyFloat_FromString(obj)
}

/// `PyFloat_FromString`: `float(s)` for a str, bytes, bytearray or other buffer.
pub fn PyFloat_FromString(obj: &PyObject) -> PyResult {
    let text: Vec<u8> = if let Some(u) = obj.downcast_ref::<PyUnicodeObject>() {
        _PyUnicode_TransformDecimalAndSpaceToASCII(u)
    } else if let Some(b) = crate::bytesobject::bytes_like_data(obj) {
        b
    } else {
        return Err(type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            obj.ob_type().name()
        )));
    };
    let cleaned = _Py_string_to_number_with_underscores(&text);
    match cleaned.as_deref().and_then(float_from_string_inner) {
        Some(v) => Ok(PyFloat_FromDouble(v)),
        None => Err(could_not_convert(obj)),
    }
}

fn could_not_convert(obj: &PyObject) -> PyErr {
    crate::longobject::value_error_with_repr("could not convert string to float: ", obj, None)
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode white space becomes a
/// space, Unicode decimal digits become ASCII digits; the first other non-ASCII
/// character becomes `?` and ends the text (it cannot be part of a number anyway).
pub fn _PyUnicode_TransformDecimalAndSpaceToASCII(u: &PyUnicodeObject) -> Vec<u8> {
    let mut out = Vec::with_capacity(u.len());
    for c in u.iter() {
        if c < 127 {
            out.push(c as u8);
        } else if crate::unicodectype::is_space(c) {
            out.push(b' ');
        } else if let Some(d) = crate::unicodectype::decimal_value(c) {
            out.push(b'0' + d);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// `_Py_string_to_number_with_underscores`: drop the underscores of a numeric
/// literal, which are allowed only between two digits. `None` means the text is
/// malformed (or holds a NUL, which C strings cannot).
pub fn _Py_string_to_number_with_underscores(s: &[u8]) -> Option<std::borrow::Cow<'_, [u8]>> {
    if s.contains(&0) {
        return None;
    }
    if !s.contains(&b'_') {
        return Some(std::borrow::Cow::Borrowed(s));
    }
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &c in s {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        return None;
    }
    Some(std::borrow::Cow::Owned(out))
}

/// `Py_ISSPACE`: the C locale's white space.
#[inline]
fn py_isspace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `float_from_string_inner`: strip surrounding white space, then the rest must be
/// one float literal.
fn float_from_string_inner(s: &[u8]) -> Option<f64> {
    let start = s.iter().position(|&c| !py_isspace(c))?;
    let end = s
        .iter()
        .rposition(|&c| !py_isspace(c))
        .map_or(start, |i| i + 1);
    PyOS_string_to_double(&s[start..end])
}

/// `_Py_parse_inf_or_nan`: an optional sign, then `inf`, `infinity` or `nan` in any
/// case, at the start of `s`. Returns the value and how many bytes it took.
pub fn _Py_parse_inf_or_nan(s: &[u8]) -> Option<(f64, usize)> {
    let (negate, mut i) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let rest = &s[i..];
    let starts = |word: &[u8], at: &[u8]| {
        at.len() >= word.len() && at[..word.len()].eq_ignore_ascii_case(word)
    };
    let v = if starts(b"inf", rest) {
        i += 3;
        if starts(b"inity", &s[i..]) {
            i += 5;
        }
        f64::INFINITY
    } else if starts(b"nan", rest) {
        i += 3;
        f64::NAN
    } else {
        return None;
    };
    Some((if negate { -v } else { v }, i))
}

/// `_PyOS_ascii_strtod`: the longest float literal at the start of `s`, with the
/// syntax of `_Py_dg_strtod` (sign, digits with an optional point, an exponent only
/// if digits follow the `e`) or, failing that, an infinity or NaN. Returns the value
/// and the number of bytes used. Overflow gives an infinity and underflow a zero.
pub fn _PyOS_ascii_strtod(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let int_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut ndigits = i - int_start;
    if i < s.len() && s[i] == b'.' {
        let frac_start = i + 1;
        let mut j = frac_start;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        ndigits += j - frac_start;
        if ndigits > 0 {
            i = j;
        }
    }
    if ndigits == 0 {
        return _Py_parse_inf_or_nan(s);
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    // The prefix is now a literal Rust's correctly rounded parser accepts.
    let v = std::str::from_utf8(&s[..i]).ok()?.parse::<f64>().ok()?;
    Some((v, i))
}

/// `PyOS_string_to_double` requiring the whole of `s` to be one float literal.
pub fn PyOS_string_to_double(s: &[u8]) -> Option<f64> {
    match _PyOS_ascii_strtod(s) {
        Some((v, n)) if n == s.len() => Some(v),
        _ => None,
    }
}

// --- double to text (Python/pystrtod.c, Python/dtoa.c) ---------------------------------------

/// `Py_DTSF_SIGN`: always give a sign.
pub const Py_DTSF_SIGN: u32 = 0x01;
/// `Py_DTSF_ADD_DOT_0`: an integral value gets `.0` when not in exponent form.
pub const Py_DTSF_ADD_DOT_0: u32 = 0x02;
/// `Py_DTSF_ALT`: `#` formatting: keep the point and trailing zeros.
pub const Py_DTSF_ALT: u32 = 0x04;
/// `Py_DTSF_NO_NEG_0`: `z` formatting: a negative zero (after rounding) loses its sign.
pub const Py_DTSF_NO_NEG_0: u32 = 0x08;

/// What `PyOS_double_to_string` formatted (`Py_DTST_FINITE`, `_INFINITE`, `_NAN`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DoubleType {
    Finite,
    Infinite,
    Nan,
}

/// How `dg_dtoa` picks digits: the `mode` argument of `_Py_dg_dtoa`.
#[derive(Clone, Copy, Debug)]
enum DtoaMode {
    /// Mode 0: the shortest string that reads back as the same double.
    Shortest,
    /// Mode 2: this many significant digits (at least 1), correctly rounded.
    Significant(usize),
    /// Mode 3: this many digits after the decimal point, correctly rounded.
    Fixed(usize),
}

/// `_Py_dg_dtoa` for a finite, non-negative `a`: decimal digits (no point, no
/// leading zeros, no trailing zeros) and `decpt`, the position of the decimal point
/// relative to the start of the digits, so that `a ~= 0.DIGITS * 10**decpt`. Zero is
/// `("0", 1)`. In fixed mode a value that rounds to zero gives no digits and
/// `decpt = -ndigits`, as dtoa does.
fn dg_dtoa(a: f64, mode: DtoaMode) -> (Vec<u8>, i64) {
    if a == 0.0 {
        return (b"0".to_vec(), 1);
    }
    match mode {
        DtoaMode::Shortest => {
            let shortest = scientific_digits(&format!("{a:e}"));
            // When two candidates of that length are equally close to the exact
            // value, Rust's algorithm takes the upper one and dtoa the even one
            // (1144161928153289.25 is 1144161928153289.2 in CPython). The correctly
            // rounded digits of the same length break the tie to even; they are used
            // if they also read back as `a`. A tie needs the digit step to be below
            // one ulp, so only 16- and 17-digit results are checked, and only when the
            // exact value is short enough to lie halfway (see `tie_possible`).
            let n = shortest.0.len();
            if n >= 16 && tie_possible(a) {
                let text = format!("{:.*e}", n - 1, a);
                if text.parse::<f64>().ok() == Some(a) {
                    return scientific_digits(&text);
                }
            }
            shortest
        }
        DtoaMode::Significant(n) => {
            scientific_digits(&crate::unicode_format::format_exp_exact(a, n.max(1) - 1))
        }
        DtoaMode::Fixed(n) => {
            let s = crate::unicode_format::format_fixed_exact(a, n);
            let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
            let mut digits: Vec<u8> = Vec::with_capacity(int_part.len() + frac_part.len());
            digits.extend_from_slice(int_part.as_bytes());
            digits.extend_from_slice(frac_part.as_bytes());
            let mut decpt = int_part.len() as i64;
            let lead = digits.iter().take_while(|&&c| c == b'0').count();
            digits.drain(..lead);
            decpt -= lead as i64;
            while digits.last() == Some(&b'0') {
                digits.pop();
            }
            if digits.is_empty() {
                decpt = -(n as i64);
            }
            (digits, decpt)
        }
    }
}

/// Could the exact value of `a` lie halfway between two 16- or 17-digit decimals?
/// Only if it has at most 18 significant digits: `a = m * 2**-k` (m odd) has the
/// exact expansion `m * 5**k / 10**k`, so that needs `m * 5**k < 10**18`. Most
/// computed doubles have k near 52 and are ruled out at once. Integers (k <= 0) are
/// left to the exact check.
fn tie_possible(a: f64) -> bool {
    let (m, e) = decompose(a);
    if m == 0 {
        return false;
    }
    let tz = m.trailing_zeros() as i32;
    let k = -e - tz;
    if k <= 0 {
        return true;
    }
    if k > 26 {
        return false;
    }
    u128::from(m >> tz) * 5u128.pow(k as u32) < 10u128.pow(18)
}

/// Digits and decimal-point position from Rust's `d.ddde-x` notation.
fn scientific_digits(s: &str) -> (Vec<u8>, i64) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, exp + 1)
}

/// `format_float_short`: lay out the digits of `d` for format code `e`, `f`, `g` or
/// `r` (lower case; `upper` selects `E`/`INF`/`NAN`), following CPython's rules for
/// where the point goes, when to switch to exponent form, zero padding and the
/// flags above.
#[allow(clippy::too_many_arguments)]
fn format_float_short(
    d: f64,
    format_code: u8,
    mode: DtoaMode,
    precision: i64,
    always_add_sign: bool,
    add_dot_0_if_integer: bool,
    use_alt_formatting: bool,
    no_negative_zero: bool,
    upper: bool,
) -> (String, DoubleType) {
    let mut out = String::new();
    if !d.is_finite() {
        let nan = d.is_nan();
        // The sign of a NaN is never shown.
        if d.is_sign_negative() && !nan {
            out.push('-');
        } else if always_add_sign {
            out.push('+');
        }
        out.push_str(match (nan, upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return (
            out,
            if nan {
                DoubleType::Nan
            } else {
                DoubleType::Infinite
            },
        );
    }
    let (digits, mut decpt) = dg_dtoa(d.abs(), mode);
    let digits_len = digits.len() as i64;
    let mut sign = d.is_sign_negative();
    if no_negative_zero && sign && (digits.is_empty() || digits == b"0") {
        sign = false;
    }

    // The output is a slice vdigits[vdigits_start..vdigits_end] of the digits padded
    // with zeros on both sides, with the decimal point somewhere inside it.
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match format_code {
        b'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        b'f' => vdigits_end = decpt + precision,
        b'g' => {
            let limit = if add_dot_0_if_integer {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if use_alt_formatting {
                vdigits_end = precision;
            }
        }
        _ => {
            // 'r': exponent form from 1e16 on; 16-digit values would otherwise be
            // shown padded with misleading zeros.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && add_dot_0_if_integer {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };

    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let digits_str = std::str::from_utf8(&digits).unwrap_or("");
    if sign {
        out.push('-');
    } else if always_add_sign {
        out.push('+');
    }
    // Zeros left of the digits, with the point among them if it comes first.
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    // The digits, with the point among them if it falls there.
    if 0 < decpt && decpt <= digits_len {
        let k = decpt as usize;
        out.push_str(&digits_str[..k]);
        out.push('.');
        out.push_str(&digits_str[k..]);
    } else {
        out.push_str(digits_str);
    }
    // Zeros right of the digits, with the point among them if it comes last.
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !use_alt_formatting {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        // "%+.02d": a sign and at least two digits.
        out.push_str(&format!("{exp:+03}"));
    }
    (out, DoubleType::Finite)
}

/// `PyOS_double_to_string`: format `val` with code `e`, `E`, `f`, `F`, `g`, `G` or
/// `r` (repr), `precision` and `Py_DTSF_*` flags. An unknown code is treated as `r`
/// (CPython raises `SystemError` for that internal misuse).
pub fn PyOS_double_to_string(
    val: f64,
    format_code: char,
    precision: i32,
    flags: u32,
) -> (String, DoubleType) {
    let precision = i64::from(precision.max(0));
    let upper = format_code.is_ascii_uppercase();
    let (code, mode, precision) = match format_code.to_ascii_lowercase() {
        // Exponent form: one digit before the point plus `precision` after it.
        'e' => (
            b'e',
            DtoaMode::Significant(precision as usize + 1),
            precision + 1,
        ),
        'f' => (b'f', DtoaMode::Fixed(precision as usize), precision),
        'g' => {
            // Precision 0 makes no sense for 'g'; it means 1.
            let p = precision.max(1);
            (b'g', DtoaMode::Significant(p as usize), p)
        }
        _ => (b'r', DtoaMode::Shortest, 0),
    };
    format_float_short(
        val,
        code,
        mode,
        precision,
        flags & Py_DTSF_SIGN != 0,
        flags & Py_DTSF_ADD_DOT_0 != 0,
        flags & Py_DTSF_ALT != 0,
        flags & Py_DTSF_NO_NEG_0 != 0,
        upper && code != b'r',
    )
}

/// `float_repr`'s text: the shortest string that reads back as `v`, in CPython's
/// layout (`1e+16`, `0.1`, `1e-05`, `-0.0`, `inf`, `nan`, `100.0`).
pub fn float_repr_string(v: f64) -> String {
    PyOS_double_to_string(v, 'r', 0, Py_DTSF_ADD_DOT_0).0
}

// --- repr, hash, comparison ------------------------------------------------------------------

fn float_repr(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(&float_repr_string(as_float(obj))))
}

fn float_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    Ok(crate::pyhash::_Py_HashDouble(
        as_float(obj),
        obj.as_ptr() as usize,
    ))
}

#[inline]
fn compare_doubles(i: f64, j: f64, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => i < j,
        CompareOp::Le => i <= j,
        CompareOp::Eq => i == j,
        CompareOp::Ne => i != j,
        CompareOp::Gt => i > j,
        CompareOp::Ge => i >= j,
    }
}

/// `float < int` and friends, exactly, however large the int (the int side of
/// `float_richcompare`). A float beyond 2**53 is an integer, so it can be compared
/// with an int exactly as an int; a smaller one is compared through its floor.
pub fn float_long_compare(i: f64, w: &PyLongObject, op: CompareOp) -> bool {
    if !i.is_finite() {
        // A NaN is unordered; an infinity exceeds every int, so any int will do.
        return compare_doubles(i, 0.0, op);
    }
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    let ord = match &w.value {
        LongValue::Small(n) => {
            if n.unsigned_abs() <= 1 << 53 {
                return compare_doubles(i, *n as f64, op);
            }
            if i >= TWO_63 {
                Ordering::Greater
            } else if i < -TWO_63 {
                Ordering::Less
            } else {
                // -2**63 <= floor(i) < 2**63: exact in an i64.
                let fl = i.floor();
                match (fl as i64).cmp(n) {
                    Ordering::Equal if fl != i => Ordering::Greater,
                    o => o,
                }
            }
        }
        LongValue::Big(b) => {
            // |b| >= 2**63.
            if i.abs() < TWO_63 {
                if b.is_negative() {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            } else {
                // |i| >= 2**63 is an integer.
                match BigInt::from_f64(i) {
                    Some(iv) => iv.cmp(b),
                    None => Ordering::Equal,
                }
            }
        }
    };
    op.from_ordering(ord)
}

fn float_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    let i = as_float(v);
    // Exact floats and ints first: both are cheap to recognise, unlike a subclass.
    let r = if w.is_type(&PyFloat_Type) {
        compare_doubles(i, as_float(w), op)
    } else if let Some(l) = w.downcast_ref::<PyLongObject>() {
        float_long_compare(i, l, op)
    } else if let Some(j) = float_value(w) {
        compare_doubles(i, j, op)
    } else {
        return Ok(not_implemented());
    };
    Ok(PyBool_FromLong(r))
}

// --- arithmetic ------------------------------------------------------------------------------

/// `CONVERT_TO_DOUBLE`: the operand as a double if it is a float or an int (an int
/// too large raises `OverflowError`), `None` for anything else.
#[inline(always)]
fn convert_to_double(obj: &PyObject) -> PyResult<Option<f64>> {
    if obj.is_type(&PyFloat_Type) {
        return Ok(Some(as_float(obj)));
    }
    if let Some(l) = obj.downcast_ref::<PyLongObject>() {
        return match l.as_i64() {
            Some(v) => Ok(Some(v as f64)),
            None => PyLong_AsDouble(obj).map(Some),
        };
    }
    Ok(float_value(obj))
}

macro_rules! convert_to_double {
    ($obj:expr) => {
        match convert_to_double($obj)? {
            Some(v) => v,
            None => return Ok(not_implemented()),
        }
    };
}

fn float_add(v: &PyObject, w: &PyObject) -> PyResult {
    let a = convert_to_double!(v);
    let b = convert_to_double!(w);
    Ok(PyFloat_FromDouble(a + b))
}

fn float_sub(v: &PyObject, w: &PyObject) -> PyResult {
    let a = convert_to_double!(v);
    let b = convert_to_double!(w);
    Ok(PyFloat_FromDouble(a - b))
}

fn float_mul(v: &PyObject, w: &PyObject) -> PyResult {
    let a = convert_to_double!(v);
    let b = convert_to_double!(w);
    Ok(PyFloat_FromDouble(a * b))
}

fn float_div(v: &PyObject, w: &PyObject) -> PyResult {
    let a = convert_to_double!(v);
    let b = convert_to_double!(w);
    if b == 0.0 {
        return Err(zero_division_error("float division by zero"));
    }
    Ok(PyFloat_FromDouble(a / b))
}

/// `vx % wx` with the sign of `wx` (Python's rule), as `float_rem` computes it.
pub fn float_mod_value(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m + wx
        } else {
            m
        }
    } else {
        // A zero remainder takes the sign of the divisor.
        0.0f64.copysign(wx)
    }
}

/// `_float_div_mod`: floor quotient and remainder, the quotient snapped to the
/// nearest integer (fmod is exact, the division that recovers the quotient is not).
pub fn float_divmod_values(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn float_rem(v: &PyObject, w: &PyObject) -> PyResult {
    let a = convert_to_double!(v);
    let b = convert_to_double!(w);
    if b == 0.0 {
        return Err(zero_division_error("float modulo"));
    }
    Ok(PyFloat_FromDouble(float_mod_value(a, b)))
}

fn float_divmod(v: &PyObject, w: &PyObject) -> PyResult {
    let a = convert_to_double!(v);
    let b = convert_to_double!(w);
    if b == 0.0 {
        return Err(zero_division_error("float divmod()"));
    }
    let (q, r) = float_divmod_values(a, b);
    Ok(
        crate::tupleobject::PyTuple_New(vec![PyFloat_FromDouble(q), PyFloat_FromDouble(r)])
            .into_object(),
    )
}

fn float_floor_div(v: &PyObject, w: &PyObject) -> PyResult {
    let a = convert_to_double!(v);
    let b = convert_to_double!(w);
    if b == 0.0 {
        return Err(zero_division_error("float floor division by zero"));
    }
    Ok(PyFloat_FromDouble(float_divmod_values(a, b).0))
}

/// `DOUBLE_IS_ODD_INTEGER`.
#[inline]
fn double_is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// The error `PyErr_SetFromErrno(OverflowError)` makes for `ERANGE`.
fn erange_overflow() -> PyErr {
    crate::pyerrors::PyErr_FromArgs(
        &PyExc_OverflowError,
        &[
            crate::longobject::PyLong_FromLong(34),
            PyUnicode_FromString("Numerical result out of range"),
        ],
    )
}

/// What `v ** w` is for two doubles: a double, or a complex result (a negative
/// base with a fractional exponent), or an error.
pub enum FloatPowResult {
    Real(f64),
    Complex,
}

/// The special cases of `float_pow`, then the platform `pow`.
pub fn float_pow_values(iv: f64, iw: f64) -> PyResult<FloatPowResult> {
    use FloatPowResult::Real;
    if iw == 0.0 {
        return Ok(Real(1.0));
    }
    if iv.is_nan() {
        return Ok(Real(iv));
    }
    if iw.is_nan() {
        return Ok(Real(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        // |v| < 1: v**inf is 0 and v**-inf is inf; |v| > 1 the other way round.
        let av = iv.abs();
        if av == 1.0 {
            return Ok(Real(1.0));
        }
        return Ok(Real(if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = double_is_odd_integer(iw);
        return Ok(Real(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        let odd = double_is_odd_integer(iw);
        if iw < 0.0 {
            return Err(zero_division_error(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Real(if odd { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate_result = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Ok(FloatPowResult::Complex);
        }
        base = -iv;
        negate_result = double_is_odd_integer(iw);
    }
    if base == 1.0 {
        // Also (-1) ** huge_integer, which some libms get wrong.
        return Ok(Real(if negate_result { -1.0 } else { 1.0 }));
    }
    let ix = base.powf(iw);
    if ix.is_infinite() {
        return Err(erange_overflow());
    }
    Ok(Real(if negate_result { -ix } else { ix }))
}

fn float_pow(v: &PyObject, w: &PyObject, z: &PyObject) -> PyResult {
    if !z.is(Py_None()) {
        return Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    let iv = convert_to_double!(v);
    let iw = convert_to_double!(w);
    match float_pow_values(iv, iw)? {
        FloatPowResult::Real(x) => Ok(PyFloat_FromDouble(x)),
        FloatPowResult::Complex => crate::complexobject::complex_pow_values(iv, 0.0, iw, 0.0),
    }
}

fn float_neg(v: &PyObject) -> PyResult {
    Ok(PyFloat_FromDouble(-as_float(v)))
}

fn float_abs(v: &PyObject) -> PyResult {
    Ok(PyFloat_FromDouble(as_float(v).abs()))
}

fn float_bool(v: &PyObject) -> PyResult<bool> {
    Ok(as_float(v) != 0.0)
}

/// `float_float`: `+x` and `float(x)`: the same object for an exact float, a new exact
/// float for a subclass instance.
fn float_float(v: &PyObject) -> PyResult {
    if v.is_type(&PyFloat_Type) {
        return Ok(v.to_owned());
    }
    Ok(PyFloat_FromDouble(as_float(v)))
}

/// `float.__trunc__` and `int(x)`: the integer part.
fn float_trunc(v: &PyObject) -> PyResult {
    PyLong_FromDouble(as_float(v))
}

// --- methods ---------------------------------------------------------------------------------

fn float_conjugate(v: &PyObject) -> PyResult {
    float_float(v)
}

fn float_floor(v: &PyObject) -> PyResult {
    PyLong_FromDouble(as_float(v).floor())
}

fn float_ceil(v: &PyObject) -> PyResult {
    PyLong_FromDouble(as_float(v).ceil())
}

/// Above this many decimals every double rounds to itself; below the negative
/// bound, to zero (`NDIGITS_MAX` and `NDIGITS_MIN`: 0.30103 bounds log10(2)). The
/// literal is CPython's; it is deliberately not `LOG10_2`.
#[allow(clippy::approx_constant)]
const NDIGITS_MAX: isize = ((53 + 1021) as f64 * 0.30103) as isize;
#[allow(clippy::approx_constant)]
const NDIGITS_MIN: isize = -(((1024 + 1) as f64 * 0.30103) as isize);

/// Round half to even on an integer quotient `q` with remainder `r` of `n / d`.
fn round_half_even(q: BigInt, r: &BigInt, d: &BigInt) -> BigInt {
    let twice: BigInt = r * 2u32;
    match twice.cmp(d) {
        Ordering::Greater => q + 1u32,
        Ordering::Equal if q.is_odd() => q + 1u32,
        _ => q,
    }
}

/// `double_round`: `round(x, ndigits)` for finite `x`, correctly rounded: round the
/// exact value to `ndigits` decimals (half to even), then read that decimal back
/// as a double.
pub fn double_round(x: f64, ndigits: i32) -> PyResult<f64> {
    let text = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x)
    } else {
        // Rounding to a multiple of 10**k: exact integer arithmetic on x = m * 2**e.
        let k = ndigits.unsigned_abs();
        let (m, e) = decompose(x.abs());
        let pow10 = num_traits::pow(BigInt::from(10u32), k as usize);
        let (num, den) = if e >= 0 {
            (BigInt::from(m) << e as usize, pow10)
        } else {
            (BigInt::from(m), pow10 << (-e) as usize)
        };
        let (q, r) = num.div_rem(&den);
        let q = round_half_even(q, &r, &den);
        format!("{}{}e{}", if x.is_sign_negative() { "-" } else { "" }, q, k)
    };
    let rounded: f64 = text.parse().unwrap_or(f64::NAN);
    if rounded.is_infinite() {
        return Err(overflow_error("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// A finite non-negative double as `m * 2**e` with an integer `m`.
fn decompose(a: f64) -> (u64, i32) {
    let bits = a.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp_field == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_field - 1075)
    }
}

/// `round(x)`: the nearest integer, halves to even, as a double.
pub fn round_half_even_f64(x: f64) -> f64 {
    let rounded = x.round();
    if (x - rounded).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        rounded
    }
}

fn float_round(v: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("__round__", args.len(), 0, 1)?;
    let x = as_float(v);
    let ndigits = match args.first() {
        None => return PyLong_FromDouble(round_half_even_f64(x)),
        Some(o) if o.is(Py_None()) => return PyLong_FromDouble(round_half_even_f64(x)),
        Some(o) => crate::r#abstract::PyNumber_AsSsize_t(o, None)?,
    };
    if !x.is_finite() {
        return Ok(PyFloat_FromDouble(x));
    }
    if ndigits > NDIGITS_MAX {
        return Ok(PyFloat_FromDouble(x));
    }
    if ndigits < NDIGITS_MIN {
        return Ok(PyFloat_FromDouble(0.0 * x));
    }
    Ok(PyFloat_FromDouble(double_round(x, ndigits as i32)?))
}

fn float_is_integer(v: &PyObject) -> PyResult {
    let x = as_float(v);
    Ok(PyBool_FromLong(x.is_finite() && x.floor() == x))
}

/// `float.as_integer_ratio` for a double: numerator and a power-of-two denominator
/// in lowest terms.
pub fn double_as_integer_ratio(x: f64) -> PyResult<(BigInt, BigInt)> {
    if x.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    let (mut m, mut e) = decompose(x.abs());
    if m == 0 {
        return Ok((BigInt::zero(), BigInt::from(1u32)));
    }
    if e < 0 {
        let tz = (m.trailing_zeros() as i32).min(-e);
        m >>= tz;
        e += tz;
    }
    let mut num = BigInt::from(m);
    let mut den = BigInt::from(1u32);
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if x < 0.0 {
        num = -num;
    }
    Ok((num, den))
}

fn float_as_integer_ratio(v: &PyObject) -> PyResult {
    let (n, d) = double_as_integer_ratio(as_float(v))?;
    Ok(
        crate::tupleobject::PyTuple_New(vec![PyLong_FromBigInt(n), PyLong_FromBigInt(d)])
            .into_object(),
    )
}

/// `float.hex`'s text.
pub fn float_hex_string(x: f64) -> String {
    if !x.is_finite() {
        return float_repr_string(x);
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0x0.0p+0".into()
        } else {
            "0x0.0p+0".into()
        };
    }
    // 53 bits: a leading digit (1, or 0 for subnormals) and 13 hex digits.
    let (m, e) = decompose(x.abs());
    let (lead, frac, exp) = if m >> 52 == 1 {
        (1, m & ((1u64 << 52) - 1), e + 52)
    } else {
        (0, m, -1022)
    };
    let sign = if x < 0.0 { "-" } else { "" };
    format!("{sign}0x{lead}.{frac:013x}p{exp:+}")
}

fn float_hex(v: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(&float_hex_string(as_float(v))))
}

/// Why `float.fromhex` refused its argument.
#[derive(Debug, PartialEq, Eq)]
pub enum FromHexError {
    Invalid,
    Overflow,
}

fn hex_value(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// `2**e` for `-1074 <= e <= 1023`, exactly.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// `m * 2**e` for `m > 0`, correctly rounded (half to even) to a double; `None` on
/// overflow. This is the rounding `float.fromhex` performs digit by digit in C.
fn ldexp_bigint(m: &BigInt, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    // The value lies in [2**(top-1), 2**top).
    let top = e.saturating_add(m.bits() as i64);
    if top > 1024 {
        return None;
    }
    if top < -1074 {
        // Below half the smallest subnormal.
        return Some(0.0);
    }
    // The exponent of the last bit kept: 53 bits, fewer for subnormals.
    let lsb = top.max(-1021) - 53;
    let (q, exp) = if e >= lsb {
        (m.to_u64()?, e)
    } else {
        let shift = (lsb - e) as u64;
        let q = (m >> shift).to_u64()?;
        let rem: BigInt = m - (BigInt::from(q) << shift);
        let half = BigInt::from(1u32) << (shift - 1);
        let up = match rem.cmp(&half) {
            Ordering::Greater => true,
            Ordering::Equal => q & 1 == 1,
            Ordering::Less => false,
        };
        (q + u64::from(up), lsb)
    };
    // q has at most 54 bits and exp lies in [-1074, 1023]; the product is exact
    // unless it overflows.
    let v = q as f64 * pow2(exp);
    if v.is_infinite() {
        None
    } else {
        Some(v)
    }
}

/// `float.fromhex`'s parser: `[ws] [sign] (inf|infinity|nan | [0x] hexdigits [. hexdigits]
/// [p [sign] digits]) [ws]`.
pub fn float_from_hex(s: &str) -> Result<f64, FromHexError> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && py_isspace(b[i]) {
        i += 1;
    }
    let x;
    if let Some((v, n)) = _Py_parse_inf_or_nan(&b[i..]) {
        x = v;
        i += n;
    } else {
        let mut negate = false;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            negate = b[i] == b'-';
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'0' && (b[i + 1] == b'x' || b[i + 1] == b'X') {
            i += 2;
        }
        // The hex digits before and after the point, converted in one go below.
        let mut hexdigits: Vec<u8> = Vec::new();
        let mut fdigits: i64 = 0;
        while i < b.len() && hex_value(b[i]).is_some() {
            hexdigits.push(b[i]);
            i += 1;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            while i < b.len() && hex_value(b[i]).is_some() {
                hexdigits.push(b[i]);
                fdigits += 1;
                i += 1;
            }
        }
        if hexdigits.is_empty() {
            return Err(FromHexError::Invalid);
        }
        let mant = BigInt::parse_bytes(&hexdigits, 16).unwrap_or_default();
        let mut exp: i64 = 0;
        if i < b.len() && (b[i] == b'p' || b[i] == b'P') {
            i += 1;
            let mut eneg = false;
            if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
                eneg = b[i] == b'-';
                i += 1;
            }
            if i >= b.len() || !b[i].is_ascii_digit() {
                return Err(FromHexError::Invalid);
            }
            // strtol saturates; so does this.
            while i < b.len() && b[i].is_ascii_digit() {
                exp = exp
                    .saturating_mul(10)
                    .saturating_add(i64::from(b[i] - b'0'));
                i += 1;
            }
            if eneg {
                exp = -exp;
            }
        }
        let value = if mant.is_zero() || exp < i64::MIN / 2 {
            0.0
        } else if exp > i64::MAX / 2 {
            return Err(FromHexError::Overflow);
        } else {
            match ldexp_bigint(&mant, exp - 4 * fdigits) {
                Some(v) => v,
                None => return Err(FromHexError::Overflow),
            }
        };
        x = if negate { -value } else { value };
    }
    while i < b.len() && py_isspace(b[i]) {
        i += 1;
    }
    if i != b.len() {
        return Err(FromHexError::Invalid);
    }
    Ok(x)
}

fn float_fromhex(tp: &PyObject, string: &PyObject) -> PyResult {
    let Some(u) = string.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error("bad argument type for built-in operation"));
    };
    let s = crate::unicodeobject::as_str_strict(u.as_object())?;
    let x = match float_from_hex(s) {
        Ok(x) => x,
        Err(FromHexError::Invalid) => {
            return Err(value_error("invalid hexadecimal floating-point string"))
        }
        Err(FromHexError::Overflow) => {
            return Err(overflow_error(
                "hexadecimal value too large to represent as a float",
            ))
        }
    };
    let result = PyFloat_FromDouble(x);
    if tp.is(PyFloat_Type.as_object()) {
        return Ok(result);
    }
    crate::call::PyObject_CallOneArg(tp, &result)
}

fn float_getnewargs(v: &PyObject) -> PyResult {
    Ok(crate::tupleobject::PyTuple_New(vec![PyFloat_FromDouble(as_float(v))]).into_object())
}

fn float_getformat(_tp: &PyObject, typestr: &PyObject) -> PyResult {
    let Some(u) = typestr.downcast_ref::<PyUnicodeObject>() else {
        return Err(crate::longobject::_PyArg_BadArgument(
            "__getformat__",
            "argument",
            "str",
            typestr,
        ));
    };
    match u.as_str() {
        Some("double") | Some("float") => {
            Ok(PyUnicode_FromString(if cfg!(target_endian = "little") {
                "IEEE, little-endian"
            } else {
                "IEEE, big-endian"
            }))
        }
        Some(s) if s.contains('\0') => Err(value_error("embedded null character")),
        _ => Err(value_error(
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
    }
}

fn float_format(v: &PyObject, spec: &PyObject) -> PyResult {
    if !PyUnicodeObject::check(spec) {
        return Err(crate::longobject::_PyArg_BadArgument(
            "__format__",
            "argument",
            "str",
            spec,
        ));
    }
    crate::formatter_unicode::_PyFloat_FormatAdvanced(v, spec)
}

fn float_get_real(v: &PyObject) -> PyResult {
    float_float(v)
}

fn float_get_imag(_v: &PyObject) -> PyResult {
    Ok(PyFloat_FromDouble(0.0))
}

// --- construction ----------------------------------------------------------------------------

/// `float_new_impl`.
fn float_new_impl(tp: &PyTypeObject, x: Option<&PyObject>) -> PyResult {
    if !std::ptr::eq(tp, &PyFloat_Type) {
        let zero;
        let x = match x {
            Some(x) => x,
            None => {
                zero = crate::longobject::PyLong_FromLong(0);
                &zero
            }
        };
        let tmp = float_new_impl(&PyFloat_Type, Some(x))?;
        return Ok(float_subtype_from_double(tp, as_float(&tmp)));
    }
    match x {
        None => Ok(PyFloat_FromDouble(0.0)),
        Some(x) if x.is_type(&crate::unicodeobject::PyUnicode_Type) => PyFloat_FromString(x),
        Some(x) => PyNumber_Float(x),
    }
}

fn same_init(
    a: Option<include::cpython::object::slots::initproc>,
    b: Option<include::cpython::object::slots::initproc>,
) -> bool {
    a.map(|f| f as usize) == b.map(|f| f as usize)
}

fn float_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let nkw = kwnames.map_or(0, crate::call::kwnames_len);
    if std::ptr::eq(tp, &PyFloat_Type) || same_init(tp.tp_init.get(), PyFloat_Type.tp_init.get()) {
        crate::getargs::check_no_kwargs("float", kwnames)?;
    }
    let nargs = args.len() - nkw;
    crate::getargs::check_positional("float", nargs, 0, 1)?;
    float_new_impl(tp, args[..nargs].first().map(|a| &**a))
}

/// `float_vectorcall`: `float(x)` without building an argument tuple.
fn float_vectorcall(tp: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    crate::getargs::check_no_kwargs("float", kwnames)?;
    crate::getargs::check_positional("float", args.len(), 0, 1)?;
    let tp = crate::typeobject::as_type(tp).unwrap_or(&PyFloat_Type);
    float_new_impl(tp, args.first().map(|a| &**a))
}

// --- the type object -------------------------------------------------------------------------

static FLOAT_METHODS: [PyMethodDef; 12] = [
    PyMethodDef::new(
        "conjugate",
        PyCFunction::NoArgs(float_conjugate),
        "conjugate($self, /)\n--\n\nReturn self, the complex conjugate of any float.",
    ),
    PyMethodDef::new(
        "__trunc__",
        PyCFunction::NoArgs(float_trunc),
        "__trunc__($self, /)\n--\n\nReturn the Integral closest to x between 0 and x.",
    ),
    PyMethodDef::new(
        "__floor__",
        PyCFunction::NoArgs(float_floor),
        "__floor__($self, /)\n--\n\nReturn the floor as an Integral.",
    ),
    PyMethodDef::new(
        "__ceil__",
        PyCFunction::NoArgs(float_ceil),
        "__ceil__($self, /)\n--\n\nReturn the ceiling as an Integral.",
    ),
    PyMethodDef::new(
        "__round__",
        PyCFunction::Fast(float_round),
        "__round__($self, ndigits=None, /)\n--\n\nReturn the Integral closest to x, rounding half toward even.\n\nWhen an argument is passed, work like built-in round(x, ndigits).",
    ),
    PyMethodDef::new(
        "as_integer_ratio",
        PyCFunction::NoArgs(float_as_integer_ratio),
        "as_integer_ratio($self, /)\n--\n\nReturn integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original float\nand with a positive denominator.\n\nRaise OverflowError on infinities and a ValueError on NaNs.\n\n>>> (10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n>>> (-.25).as_integer_ratio()\n(-1, 4)",
    ),
    PyMethodDef::new(
        "fromhex",
        PyCFunction::O(float_fromhex),
        "fromhex($type, string, /)\n--\n\nCreate a floating-point number from a hexadecimal string.\n\n>>> float.fromhex('0x1.ffffp10')\n2047.984375\n>>> float.fromhex('-0x1p-1074')\n-5e-324",
    )
    .with_flags(METH_CLASS),
    PyMethodDef::new(
        "hex",
        PyCFunction::NoArgs(float_hex),
        "hex($self, /)\n--\n\nReturn a hexadecimal representation of a floating-point number.\n\n>>> (-0.1).hex()\n'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n'0x1.921f9f01b866ep+1'",
    ),
    PyMethodDef::new(
        "is_integer",
        PyCFunction::NoArgs(float_is_integer),
        "is_integer($self, /)\n--\n\nReturn True if the float is an integer.",
    ),
    PyMethodDef::new(
        "__getnewargs__",
        PyCFunction::NoArgs(float_getnewargs),
        "__getnewargs__($self, /)\n--\n\n",
    ),
    PyMethodDef::new(
        "__getformat__",
        PyCFunction::O(float_getformat),
        "__getformat__($type, typestr, /)\n--\n\nYou probably don't want to use this function.\n\n  typestr\n    Must be 'double' or 'float'.\n\nIt exists mainly to be used in Python's test suite.\n\nThis function returns whichever of 'unknown', 'IEEE, big-endian' or 'IEEE,\nlittle-endian' best describes the format of floating point numbers used by the\nC type named by typestr.",
    )
    .with_flags(METH_CLASS),
    PyMethodDef::new(
        "__format__",
        PyCFunction::O(float_format),
        "__format__($self, format_spec, /)\n--\n\nFormats the float according to format_spec.",
    ),
];

static FLOAT_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: "real",
        get: Some(float_get_real),
        set: None,
        doc: Some("the real part of a complex number"),
    },
    PyGetSetDef {
        name: "imag",
        get: Some(float_get_imag),
        set: None,
        doc: Some("the imaginary part of a complex number"),
    },
];

/// `float`.
pub static PyFloat_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "float",
    tp_basicsize: Cell::new(size_of::<PyFloatObject>()),
    tp_dealloc: slot(float_dealloc),
    tp_repr: slot(float_repr),
    tp_as_number: PyNumberMethods {
        nb_add: slot(float_add),
        nb_subtract: slot(float_sub),
        nb_multiply: slot(float_mul),
        nb_remainder: slot(float_rem),
        nb_divmod: slot(float_divmod),
        nb_power: slot(float_pow),
        nb_negative: slot(float_neg),
        nb_positive: slot(float_float),
        nb_absolute: slot(float_abs),
        nb_bool: slot(float_bool),
        nb_int: slot(float_trunc),
        nb_float: slot(float_float),
        nb_floor_divide: slot(float_floor_div),
        nb_true_divide: slot(float_div),
        ..PyNumberMethods::EMPTY
    },
    tp_hash: slot(float_hash),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MATCH_SELF),
    tp_doc: Some(
        "float(x=0, /)\n--\n\nConvert a string or number to a floating point number, if possible.",
    ),
    tp_richcompare: slot(float_richcompare),
    tp_methods: &FLOAT_METHODS,
    tp_getset: &FLOAT_GETSET,
    tp_new: slot(float_new),
    tp_vectorcall: slot(float_vectorcall),
    ..PyTypeObject::DEFAULT
};

/// The static types defined here, for start-up.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyFloat_Type]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(v: f64, code: char, prec: i32, flags: u32) -> String {
        PyOS_double_to_string(v, code, prec, flags).0
    }

    #[test]
    fn float_repr_matches_cpython() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (0.00012345, "0.00012345"),
            (1.5e-7, "1.5e-07"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (2.0f64.powi(100), "1.2676506002282294e+30"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0 / 3.0, "0.6666666666666666"),
            (100.0, "100.0"),
            (1e100, "1e+100"),
            (-2.5e-300, "-2.5e-300"),
            (0.30000000000000004, "0.30000000000000004"),
            // Two shortest candidates equally close: dtoa takes the even one.
            (1144161928153289.25, "1144161928153289.2"),
            (894048597157646.25, "894048597157646.2"),
            (80486767443148.625, "80486767443148.62"),
        ];
        for (v, want) in cases {
            assert_eq!(float_repr_string(*v), *want, "repr of {v:e}");
        }
    }

    #[test]
    fn float_formatting_codes() {
        assert_eq!(fmt(0.125, 'f', 2, 0), "0.12");
        assert_eq!(fmt(0.375, 'f', 2, 0), "0.38");
        assert_eq!(fmt(2.5, 'f', 0, 0), "2");
        assert_eq!(fmt(2.5, 'f', 0, Py_DTSF_ALT), "2.");
        assert_eq!(fmt(0.001, 'f', 1, 0), "0.0");
        assert_eq!(fmt(-0.001, 'f', 1, 0), "-0.0");
        assert_eq!(fmt(-0.001, 'f', 1, Py_DTSF_NO_NEG_0), "0.0");
        assert_eq!(fmt(1234.5678, 'e', 3, 0), "1.235e+03");
        assert_eq!(fmt(1234.5678, 'E', 3, 0), "1.235E+03");
        assert_eq!(fmt(0.0, 'e', 2, 0), "0.00e+00");
        assert_eq!(fmt(1e300, 'e', 0, 0), "1e+300");
        assert_eq!(fmt(1e300, 'e', 0, Py_DTSF_ALT), "1.e+300");
        assert_eq!(fmt(1234567.0, 'g', 6, 0), "1.23457e+06");
        assert_eq!(fmt(123456.0, 'g', 6, 0), "123456");
        assert_eq!(fmt(0.0001, 'g', 6, 0), "0.0001");
        assert_eq!(fmt(0.00001, 'g', 6, 0), "1e-05");
        assert_eq!(fmt(1.0, 'g', 6, Py_DTSF_ALT), "1.00000");
        assert_eq!(fmt(1.0, 'g', 3, Py_DTSF_ADD_DOT_0), "1.0");
        assert_eq!(fmt(123.0, 'g', 3, Py_DTSF_ADD_DOT_0), "1.23e+02");
        assert_eq!(fmt(f64::INFINITY, 'F', 2, 0), "INF");
        assert_eq!(fmt(f64::NAN, 'g', 2, Py_DTSF_SIGN), "+nan");
        assert_eq!(fmt(1.5, 'r', 0, Py_DTSF_SIGN), "+1.5");
        assert_eq!(fmt(1e22, 'f', 0, 0), "10000000000000000000000");
        assert_eq!(fmt(0.5, 'g', 0, 0), "0.5");
    }

    #[test]
    fn float_parsing() {
        let p = |s: &str| PyOS_string_to_double(s.as_bytes());
        assert_eq!(p("1.5"), Some(1.5));
        assert_eq!(p("+.5"), Some(0.5));
        assert_eq!(p("5."), Some(5.0));
        assert_eq!(p("-1e-3"), Some(-0.001));
        assert_eq!(p("1E+3"), Some(1000.0));
        assert_eq!(p("1e"), None);
        assert_eq!(p("."), None);
        assert_eq!(p("e5"), None);
        assert_eq!(p("0x10"), None);
        assert_eq!(p("-iNfInItY"), Some(f64::NEG_INFINITY));
        assert_eq!(p("infinit"), None);
        assert!(p("nan").is_some_and(|v| v.is_nan()));
        assert_eq!(p("1e999999999999999999999"), Some(f64::INFINITY));
        assert_eq!(p("1e-999999999999999999999"), Some(0.0));
        let u =
            |s: &str| _Py_string_to_number_with_underscores(s.as_bytes()).map(|c| c.into_owned());
        assert_eq!(u("1_0.5e1_0"), Some(b"10.5e10".to_vec()));
        assert_eq!(u("1__0"), None);
        assert_eq!(u("1_"), None);
        assert_eq!(u("_1"), None);
        assert_eq!(u("1_.5"), None);
        assert_eq!(u("1._5"), None);
    }

    #[test]
    fn float_hex_round_trip() {
        assert_eq!(float_hex_string(-0.1), "-0x1.999999999999ap-4");
        assert_eq!(float_hex_string(3.14159), "0x1.921f9f01b866ep+1");
        assert_eq!(float_hex_string(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex_string(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex_string(-0.0), "-0x0.0p+0");
        assert_eq!(float_from_hex("0x1.ffffp10"), Ok(2047.984375));
        assert_eq!(float_from_hex("-0x1p-1074"), Ok(-5e-324));
        assert_eq!(float_from_hex("0x1p-1075"), Ok(0.0));
        assert_eq!(float_from_hex("0x1.8p-1074"), Ok(1e-323));
        assert_eq!(float_from_hex("  1.8p1 "), Ok(3.0));
        assert_eq!(float_from_hex("0x.8"), Ok(0.5));
        assert_eq!(float_from_hex("0x1p1024"), Err(FromHexError::Overflow));
        assert_eq!(
            float_from_hex("0x1.fffffffffffff8p1023"),
            Err(FromHexError::Overflow)
        );
        assert_eq!(float_from_hex("0x1.fffffffffffff7p1023"), Ok(f64::MAX));
        assert_eq!(float_from_hex("0x"), Err(FromHexError::Invalid));
        assert_eq!(float_from_hex("0x1p"), Err(FromHexError::Invalid));
        assert_eq!(float_from_hex("-Infinity"), Ok(f64::NEG_INFINITY));
        for v in [
            0.1,
            1e300,
            5e-324,
            2.2250738585072014e-308,
            123.456,
            f64::MAX,
        ] {
            assert_eq!(float_from_hex(&float_hex_string(v)), Ok(v));
        }
    }

    #[test]
    fn float_rounding() {
        assert_eq!(double_round(2.675, 2).ok(), Some(2.67));
        assert_eq!(double_round(0.5, 0).ok(), Some(0.0));
        assert_eq!(double_round(1.5, 0).ok(), Some(2.0));
        assert_eq!(double_round(12345.0, -2).ok(), Some(12300.0));
        assert_eq!(double_round(12350.0, -2).ok(), Some(12400.0));
        assert_eq!(double_round(12250.0, -2).ok(), Some(12200.0));
        assert_eq!(double_round(-12250.0, -2).ok(), Some(-12200.0));
        assert_eq!(double_round(1e300, -300).ok(), Some(1e300));
        assert_eq!(round_half_even_f64(2.5), 2.0);
        assert_eq!(round_half_even_f64(-3.5), -4.0);
        assert_eq!(NDIGITS_MAX, 323);
        assert_eq!(NDIGITS_MIN, -308);
    }

    #[test]
    fn float_divmod_signs() {
        assert_eq!(float_divmod_values(7.0, -2.0), (-4.0, -1.0));
        assert_eq!(float_divmod_values(-7.0, 2.0), (-4.0, 1.0));
        assert_eq!(float_mod_value(-0.0, 5.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(float_mod_value(0.0, -5.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(float_divmod_values(1.0, 0.1).0, 9.0);
    }
}
