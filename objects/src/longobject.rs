//! The `int` type. Mirrors Objects/longobject.c (CPython 3.11).
//!
//! An int holds an `i64` when the value fits (the machine-word fast path every
//! arithmetic operation tries first) and a heap `BigInt` otherwise; the two forms are
//! kept canonical, so a value that fits in an `i64` is never stored big. The ints -5
//! to 256 are preallocated and shared, as in CPython (`_PY_NSMALLNEGINTS`,
//! `_PY_NSMALLPOSINTS`).
//!
//! Differences from CPython: digits are `num-bigint`'s, not 30-bit digits inline in
//! the object (`__sizeof__` still reports CPython's figure: 24 bytes plus 4 per 30-bit
//! digit, at least one); `PyNumber_ToBase` (Objects/abstract.c) lives here beside
//! `_PyLong_Format`, which does its work. Big-int arithmetic borrows the operands'
//! `BigInt`s ([`PyLongObject::big`]) instead of copying them.

use std::borrow::Cow;
use std::cell::Cell;
use std::cmp::Ordering;
use std::mem::size_of;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use include::cpython::object::flags::*;
use include::cpython::object::PyNumberMethods;
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef, METH_CLASS};
use include::object::GlobalCell;

use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::pyhash::PyHASH_MODULUS;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

/// The value of an int.
pub enum LongValue {
    /// Fits in a machine word.
    Small(i64),
    /// Does not fit in an `i64` (never holds a value that would).
    Big(Box<BigInt>),
}

/// `PyLongObject`.
#[repr(C)]
pub struct PyLongObject {
    pub ob_base: PyObject,
    pub value: LongValue,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyLongObject {}

impl PyTypeInfo for PyLongObject {
    fn type_object() -> &'static PyTypeObject {
        &PyLong_Type
    }
    #[inline]
    fn check(obj: &PyObject) -> bool {
        obj.ob_type().has_feature(Py_TPFLAGS_LONG_SUBCLASS)
    }
}

impl PyLongObject {
    /// The value as an `i64`, if it fits.
    #[inline(always)]
    pub fn as_i64(&self) -> Option<i64> {
        match &self.value {
            LongValue::Small(v) => Some(*v),
            LongValue::Big(_) => None,
        }
    }

    /// The value as a `BigInt` of its own (a copy: prefer [`PyLongObject::big`]).
    pub fn to_bigint(&self) -> BigInt {
        match &self.value {
            LongValue::Small(v) => BigInt::from(*v),
            LongValue::Big(b) => (**b).clone(),
        }
    }

    /// The value as a `BigInt`: borrowed when the int is big, a small temporary when
    /// it is a machine word. The big-number paths use this so that `a * b` does not
    /// copy `a` and `b` first.
    #[inline]
    pub fn big(&self) -> Cow<'_, BigInt> {
        match &self.value {
            LongValue::Small(v) => Cow::Owned(BigInt::from(*v)),
            LongValue::Big(b) => Cow::Borrowed(b),
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self.value, LongValue::Small(0))
    }

    pub fn is_negative(&self) -> bool {
        match &self.value {
            LongValue::Small(v) => *v < 0,
            LongValue::Big(b) => b.is_negative(),
        }
    }

    /// The number of bits of `abs(self)` (`_PyLong_NumBits`).
    pub fn num_bits(&self) -> u64 {
        match &self.value {
            LongValue::Small(v) => 64 - u64::from(v.unsigned_abs().leading_zeros()),
            LongValue::Big(b) => b.bits(),
        }
    }

    /// Is the value odd?
    fn is_odd(&self) -> bool {
        match &self.value {
            LongValue::Small(v) => v & 1 == 1,
            LongValue::Big(b) => b.is_odd(),
        }
    }
}

/// The shared small ints (-5..=256).
const NSMALLNEG: i64 = 5;
const NSMALLPOS: i64 = 257;

static SMALL_INTS: GlobalCell<Vec<PyObjectRef>> = GlobalCell::new(Vec::new());

/// Make the small-int cache (`_PyLong_InitGlobalObjects`). Called once at start-up.
pub fn _PyLong_Init() {
    // SAFETY: start-up, single-threaded.
    let table = unsafe { SMALL_INTS.get_mut() };
    if !table.is_empty() {
        return;
    }
    for v in -NSMALLNEG..NSMALLPOS {
        table.push(new_long_object(&PyLong_Type, LongValue::Small(v)));
    }
}

/// How many dead exact ints are kept for reuse.
const LONG_MAXFREELIST: usize = 100;

/// Memory of dead exact ints, reused by `new_long_object`. CPython relies on its
/// small-object allocator (pymalloc) to make the int churn of arithmetic loops
/// cheap; pyrs allocates from the system allocator, so it recycles instead, as
/// `float` does with its free list.
struct LongFreeList {
    items: [*mut PyLongObject; LONG_MAXFREELIST],
    numfree: usize,
}

static LONG_FREELIST: GlobalCell<LongFreeList> = GlobalCell::new(LongFreeList {
    items: [std::ptr::null_mut(); LONG_MAXFREELIST],
    numfree: 0,
});

#[inline]
fn new_long_object(tp: &PyTypeObject, value: LongValue) -> PyObjectRef {
    if std::ptr::eq(tp, &PyLong_Type) {
        // SAFETY: single-threaded; the borrow ends within this block and nothing in
        // it can reach the free list again.
        let fl = unsafe { LONG_FREELIST.get_mut() };
        if fl.numfree > 0 {
            fl.numfree -= 1;
            let op = fl.items[fl.numfree];
            // SAFETY: every pointer on the free list is the memory of a dead exact
            // int whose fields were dropped (see `long_dealloc`), allocated with
            // int's layout; writing a complete struct revives it with one reference.
            unsafe {
                op.write(PyLongObject {
                    ob_base: PyObject::new_header(&PyLong_Type),
                    value,
                });
                return PyObjectRef::from_raw(std::ptr::NonNull::new_unchecked(
                    op as *mut PyObject,
                ));
            }
        }
    }
    // SAFETY: `tp` is int or a subclass; the fields are complete.
    unsafe {
        alloc_object(
            tp,
            PyLongObject {
                ob_base: PyObject_HEAD_INIT,
                value,
            },
        )
    }
    .into_object()
}

/// `PyLong_FromLong`.
#[inline]
pub fn PyLong_FromLong(v: i64) -> PyObjectRef {
    if (-NSMALLNEG..NSMALLPOS).contains(&v) {
        // SAFETY: the table is filled at start-up and never changes afterwards.
        let table = unsafe { SMALL_INTS.get_ref() };
        if let Some(o) = table.get((v + NSMALLNEG) as usize) {
            return o.clone();
        }
    }
    new_long_object(&PyLong_Type, LongValue::Small(v))
}

/// `PyLong_FromSsize_t`.
#[inline]
pub fn PyLong_FromSsize_t(v: isize) -> PyObjectRef {
    PyLong_FromLong(v as i64)
}

/// `PyLong_FromUnsignedLongLong` and friends.
pub fn PyLong_FromU64(v: u64) -> PyObjectRef {
    match i64::try_from(v) {
        Ok(v) => PyLong_FromLong(v),
        Err(_) => new_long_object(&PyLong_Type, LongValue::Big(Box::new(BigInt::from(v)))),
    }
}

/// An int from a `BigInt`, in canonical form.
pub fn PyLong_FromBigInt(v: BigInt) -> PyObjectRef {
    match v.to_i64() {
        Some(s) => PyLong_FromLong(s),
        None => new_long_object(&PyLong_Type, LongValue::Big(Box::new(v))),
    }
}

/// `PyLong_FromDouble`: the integer part of a double (truncation toward zero).
pub fn PyLong_FromDouble(v: f64) -> PyResult {
    // Every double in (-2**63, 2**63) truncates to an i64.
    const INT_MAX: f64 = 9_223_372_036_854_775_808.0;
    if -INT_MAX < v && v < INT_MAX {
        return Ok(PyLong_FromLong(v as i64));
    }
    if v.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    if v.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    // |v| >= 2**63 is an integer, which BigInt takes exactly.
    match BigInt::from_f64(v) {
        Some(b) => Ok(PyLong_FromBigInt(b)),
        None => Err(value_error("cannot convert float NaN to integer")),
    }
}

fn long_value_of(v: BigInt) -> LongValue {
    match v.to_i64() {
        Some(s) => LongValue::Small(s),
        None => LongValue::Big(Box::new(v)),
    }
}

#[inline(always)]
fn as_long(obj: &PyObject) -> &PyLongObject {
    // SAFETY: only called on int instances (slots of int, or after a check).
    unsafe { &*(obj as *const PyObject as *const PyLongObject) }
}

/// The value of an int object as `BigInt` (the object must be an int).
pub fn long_to_bigint(obj: &PyObject) -> BigInt {
    as_long(obj).to_bigint()
}

/// `PyLong_AsLong`: an int (or `__index__`-able object) as `i64`.
pub fn PyLong_AsLong(obj: &PyObject) -> PyResult<i64> {
    if let Some(l) = obj.downcast_ref::<PyLongObject>() {
        if let Some(v) = l.as_i64() {
            return Ok(v);
        }
    }
    let idx = crate::r#abstract::PyNumber_Index(obj)?;
    match as_long(&idx).as_i64() {
        Some(v) => Ok(v),
        None => Err(overflow_error("Python int too large to convert to C long")),
    }
}

/// `PyLong_AsSsize_t` for an int object.
pub fn PyLong_AsSsize_t(obj: &PyObject) -> PyResult<isize> {
    match PyLong_AsSsize_t_opt(obj) {
        Some(v) => Ok(v),
        None => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// The value of an int object as `isize`, if it fits.
#[inline]
pub fn PyLong_AsSsize_t_opt(obj: &PyObject) -> Option<isize> {
    as_long(obj).as_i64().and_then(|v| isize::try_from(v).ok())
}

/// `PyLong_AsDouble`.
pub fn PyLong_AsDouble(obj: &PyObject) -> PyResult<f64> {
    let l = as_long(obj);
    match &l.value {
        LongValue::Small(v) => Ok(*v as f64),
        LongValue::Big(b) => bigint_to_f64(b),
    }
}

/// Correctly rounded conversion to float (half to even, as CPython's
/// `PyLong_AsDouble`), `OverflowError` past the float range.
///
/// num-bigint's own `to_f64` rounds only its top 64 bits, losing the bits below
/// (`(2**53 + 1) * 2**9 + 1` would round down), so pyrs keeps the top 64 bits
/// itself and folds every lower bit into the last one as a "sticky" bit: 64 bits
/// leave 11 below the 53 kept, so the hardware's u64 -> f64 rounding then sees
/// whether the discarded part was below, at or above one half.
pub fn bigint_to_f64(b: &BigInt) -> PyResult<f64> {
    let too_large = || overflow_error("int too large to convert to float");
    let mag = b.magnitude();
    let nbits = mag.bits();
    let v = if nbits <= 64 {
        mag.to_u64().unwrap_or(0) as f64
    } else {
        if nbits > 1024 {
            return Err(too_large());
        }
        let shift = nbits - 64;
        let mut top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
        if mag.trailing_zeros().unwrap_or(0) < shift {
            top |= 1;
        }
        // top < 2**64 rounds to at most 2**64; the scaling by 2**shift is exact
        // unless it overflows (shift <= 960).
        (top as f64) * f64::from_bits((shift + 1023) << 52)
    };
    if v.is_infinite() {
        return Err(too_large());
    }
    Ok(if b.is_negative() { -v } else { v })
}

/// `_PyLong_NumBits`: bits in `abs(obj)` (the object must be an int).
pub fn _PyLong_NumBits(obj: &PyObject) -> u64 {
    as_long(obj).num_bits()
}

/// The sign of an int as CPython's `_PyLong_Sign`: -1, 0 or 1.
pub fn long_sign(obj: &PyObject) -> i32 {
    let x = as_long(obj);
    match &x.value {
        LongValue::Small(v) => v.signum() as i32,
        LongValue::Big(b) => match b.sign() {
            Sign::Minus => -1,
            Sign::NoSign => 0,
            Sign::Plus => 1,
        },
    }
}

/// `_PyArg_BadArgument`: "f() argument 'x' must be str, not int", naming `None` as
/// such rather than by its type.
pub fn _PyArg_BadArgument(fname: &str, displayname: &str, expected: &str, arg: &PyObject) -> PyErr {
    let got = if arg.is(Py_None()) {
        "None"
    } else {
        arg.ob_type().name()
    };
    type_error(format!(
        "{fname}() {displayname} must be {expected}, not {got}"
    ))
}

// --- conversion to text ---------------------------------------------------------------------

/// The limit on int <-> str conversion in bases other than powers of two
/// (`sys.set_int_max_str_digits`; 0 means no limit).
pub static INT_MAX_STR_DIGITS: GlobalCell<Cell<usize>> = GlobalCell::new(Cell::new(4300));

fn max_str_digits() -> usize {
    // SAFETY: a Cell in a global, read only.
    unsafe { INT_MAX_STR_DIGITS.get_ref() }.get()
}

/// `_MAX_STR_DIGITS_ERROR_FMT_TO_STR`.
fn too_many_digits_to_str(limit: usize) -> PyErr {
    value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `long_to_decimal_string`: the decimal text of an int, refusing more digits than
/// the limit allows.
fn long_to_decimal_string(l: &PyLongObject) -> PyResult<String> {
    match &l.value {
        LongValue::Small(v) => Ok(v.to_string()),
        LongValue::Big(b) => {
            let limit = max_str_digits();
            // A cheap bound before converting: more than bits * log10(2) + 1 digits
            // are impossible, so this only refuses numbers certainly too long.
            if limit > 0 && (b.bits() as f64 - 1.0) * std::f64::consts::LOG10_2 > limit as f64 {
                return Err(too_many_digits_to_str(limit));
            }
            let s = b.to_string();
            let digits = s.len() - usize::from(b.is_negative());
            if limit > 0 && digits > limit {
                return Err(too_many_digits_to_str(limit));
            }
            Ok(s)
        }
    }
}

/// `_PyLong_Format`: the text of an int in base 2, 8, 10 or 16, with the `0b`, `0o`
/// or `0x` prefix for the non-decimal bases and the sign in front (`-0x1f`).
pub fn _PyLong_Format(obj: &PyObject, base: u32) -> PyResult<String> {
    let l = as_long(obj);
    let (prefix, radix) = match base {
        2 => ("0b", 2),
        8 => ("0o", 8),
        16 => ("0x", 16),
        _ => return long_to_decimal_string(l),
    };
    let (neg, digits) = match &l.value {
        LongValue::Small(v) => {
            let m = v.unsigned_abs();
            let d = match radix {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                _ => format!("{m:x}"),
            };
            (*v < 0, d)
        }
        LongValue::Big(b) => (b.is_negative(), b.magnitude().to_str_radix(radix)),
    };
    Ok(format!("{}{prefix}{digits}", if neg { "-" } else { "" }))
}

/// `PyNumber_ToBase`: `bin()`, `oct()` and `hex()`.
pub fn PyNumber_ToBase(obj: &PyObject, base: u32) -> PyResult {
    let index = crate::r#abstract::PyNumber_Index(obj)?;
    Ok(PyUnicode_FromString(&_PyLong_Format(&index, base)?))
}

fn long_repr(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(&long_to_decimal_string(as_long(obj))?))
}

// --- hash ------------------------------------------------------------------------------------

/// `long_hash`: the value modulo 2**61 - 1, keeping the sign; -1 becomes -2.
pub fn long_hash_value(l: &PyLongObject) -> Py_hash_t {
    let (neg, r) = match &l.value {
        LongValue::Small(v) => (*v < 0, v.unsigned_abs() % PyHASH_MODULUS),
        LongValue::Big(b) => {
            let r = (b.magnitude() % PyHASH_MODULUS).to_u64().unwrap_or(0);
            (b.is_negative(), r)
        }
    };
    let h = if neg { -(r as i64) } else { r as i64 };
    if h == -1 {
        -2
    } else {
        h as Py_hash_t
    }
}

fn long_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    Ok(long_hash_value(as_long(obj)))
}

// --- comparison ------------------------------------------------------------------------------

/// Compare two ints (`long_compare`).
pub fn long_compare(a: &PyLongObject, b: &PyLongObject) -> Ordering {
    match (&a.value, &b.value) {
        (LongValue::Small(x), LongValue::Small(y)) => x.cmp(y),
        (LongValue::Big(x), LongValue::Big(y)) => (**x).cmp(&**y),
        // A big value lies outside the i64 range, so its sign decides.
        (LongValue::Small(_), LongValue::Big(y)) => {
            if y.is_negative() {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (LongValue::Big(x), LongValue::Small(_)) => {
            if x.is_negative() {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
    }
}

fn long_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !PyLongObject::check(b) {
        return Ok(not_implemented());
    }
    let ord = long_compare(as_long(a), as_long(b));
    Ok(crate::boolobject::PyBool_FromLong(op.from_ordering(ord)))
}

// --- arithmetic ------------------------------------------------------------------------------

/// Both operands as ints, or `NotImplemented` (`CHECK_BINOP`).
macro_rules! check_binop {
    ($a:expr, $b:expr) => {
        if !PyLongObject::check($a) || !PyLongObject::check($b) {
            return Ok(not_implemented());
        }
    };
}

/// `a + b` without copying a big operand.
fn big_add(a: &PyLongObject, b: &PyLongObject) -> BigInt {
    match (&a.value, &b.value) {
        (LongValue::Big(x), LongValue::Big(y)) => &**x + &**y,
        (LongValue::Big(x), LongValue::Small(y)) => &**x + *y,
        (LongValue::Small(x), LongValue::Big(y)) => &**y + *x,
        (LongValue::Small(x), LongValue::Small(y)) => BigInt::from(*x) + *y,
    }
}

/// `a - b` without copying a big operand.
fn big_sub(a: &PyLongObject, b: &PyLongObject) -> BigInt {
    match (&a.value, &b.value) {
        (LongValue::Big(x), LongValue::Big(y)) => &**x - &**y,
        (LongValue::Big(x), LongValue::Small(y)) => &**x - *y,
        (LongValue::Small(x), LongValue::Big(y)) => -(&**y - *x),
        (LongValue::Small(x), LongValue::Small(y)) => BigInt::from(*x) - *y,
    }
}

/// `a * b` without copying a big operand.
fn big_mul(a: &PyLongObject, b: &PyLongObject) -> BigInt {
    match (&a.value, &b.value) {
        (LongValue::Big(x), LongValue::Big(y)) => &**x * &**y,
        (LongValue::Big(x), LongValue::Small(y)) => &**x * *y,
        (LongValue::Small(x), LongValue::Big(y)) => &**y * *x,
        (LongValue::Small(x), LongValue::Small(y)) => BigInt::from(*x) * *y,
    }
}

/// `a + b` for two ints.
#[inline]
pub fn long_add_values(a: &PyLongObject, b: &PyLongObject) -> PyObjectRef {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        if let Some(r) = x.checked_add(y) {
            return PyLong_FromLong(r);
        }
    }
    PyLong_FromBigInt(big_add(a, b))
}

/// `a - b` for two ints.
#[inline]
pub fn long_sub_values(a: &PyLongObject, b: &PyLongObject) -> PyObjectRef {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        if let Some(r) = x.checked_sub(y) {
            return PyLong_FromLong(r);
        }
    }
    PyLong_FromBigInt(big_sub(a, b))
}

/// `a * b` for two ints.
#[inline]
pub fn long_mul_values(a: &PyLongObject, b: &PyLongObject) -> PyObjectRef {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        if let Some(r) = x.checked_mul(y) {
            return PyLong_FromLong(r);
        }
    }
    PyLong_FromBigInt(big_mul(a, b))
}

fn long_add(a: &PyObject, b: &PyObject) -> PyResult {
    check_binop!(a, b);
    Ok(long_add_values(as_long(a), as_long(b)))
}

fn long_sub(a: &PyObject, b: &PyObject) -> PyResult {
    check_binop!(a, b);
    Ok(long_sub_values(as_long(a), as_long(b)))
}

fn long_mul(a: &PyObject, b: &PyObject) -> PyResult {
    check_binop!(a, b);
    Ok(long_mul_values(as_long(a), as_long(b)))
}

fn integer_division_by_zero() -> PyErr {
    zero_division_error("integer division or modulo by zero")
}

/// Floor division and modulo with Python's signs (`l_divmod`): the remainder takes
/// the sign of the divisor.
pub fn long_divmod_values(
    a: &PyLongObject,
    b: &PyLongObject,
) -> PyResult<(PyObjectRef, PyObjectRef)> {
    if b.is_zero() {
        return Err(integer_division_by_zero());
    }
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        if !(x == i64::MIN && y == -1) {
            let (q, r) = x.div_mod_floor(&y);
            return Ok((PyLong_FromLong(q), PyLong_FromLong(r)));
        }
    }
    let (q, r) = a.big().div_mod_floor(&b.big());
    Ok((PyLong_FromBigInt(q), PyLong_FromBigInt(r)))
}

/// `a // b` for two ints.
pub fn long_floordiv_values(x: &PyLongObject, y: &PyLongObject) -> PyResult {
    if y.is_zero() {
        return Err(integer_division_by_zero());
    }
    if let (Some(p), Some(q)) = (x.as_i64(), y.as_i64()) {
        if !(p == i64::MIN && q == -1) {
            return Ok(PyLong_FromLong(Integer::div_floor(&p, &q)));
        }
    }
    Ok(PyLong_FromBigInt(x.big().div_floor(&y.big())))
}

/// `a % b` for two ints.
pub fn long_mod_values(x: &PyLongObject, y: &PyLongObject) -> PyResult {
    if y.is_zero() {
        // 3.11's `l_mod` has its own message; `//` and `divmod` share the other.
        return Err(zero_division_error("integer modulo by zero"));
    }
    if let (Some(p), Some(q)) = (x.as_i64(), y.as_i64()) {
        if q == -1 {
            return Ok(PyLong_FromLong(0));
        }
        return Ok(PyLong_FromLong(p.mod_floor(&q)));
    }
    Ok(PyLong_FromBigInt(x.big().mod_floor(&y.big())))
}

fn long_floordiv(a: &PyObject, b: &PyObject) -> PyResult {
    check_binop!(a, b);
    long_floordiv_values(as_long(a), as_long(b))
}

fn long_mod(a: &PyObject, b: &PyObject) -> PyResult {
    check_binop!(a, b);
    long_mod_values(as_long(a), as_long(b))
}

fn long_divmod(a: &PyObject, b: &PyObject) -> PyResult {
    check_binop!(a, b);
    let (q, r) = long_divmod_values(as_long(a), as_long(b))?;
    Ok(crate::tupleobject::PyTuple_New(vec![q, r]).into_object())
}

/// `a / b`: correctly rounded true division of two ints (`long_true_divide`).
pub fn long_true_divide_values(x: &PyLongObject, y: &PyLongObject) -> PyResult<f64> {
    if y.is_zero() {
        return Err(zero_division_error("division by zero"));
    }
    // Both exactly representable as floats: one IEEE division is correctly rounded.
    const EXACT: i64 = 1 << 53;
    if let (Some(p), Some(q)) = (x.as_i64(), y.as_i64()) {
        if p.unsigned_abs() <= EXACT as u64 && q.unsigned_abs() <= EXACT as u64 {
            return Ok(p as f64 / q as f64);
        }
    }
    true_divide_big(&x.big(), &y.big())
}

fn long_true_divide(a: &PyObject, b: &PyObject) -> PyResult {
    check_binop!(a, b);
    Ok(crate::floatobject::PyFloat_FromDouble(
        long_true_divide_values(as_long(a), as_long(b))?,
    ))
}

/// Correctly rounded `a / b` for big ints (`long_true_divide`): divide with enough
/// extra bits that the quotient has at least 55 significant bits, then round it to
/// 53 bits (fewer in the subnormal range) half-to-even, the remainder acting as a
/// sticky bit.
pub fn true_divide_big(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    let negative = a.is_negative() != b.is_negative();
    let signed = |v: f64| if negative { -v } else { v };
    if a.is_zero() {
        return Ok(signed(0.0));
    }
    let (a, b) = (a.magnitude(), b.magnitude());
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > 1025 {
        return Err(overflow_error(
            "integer division result too large for a float",
        ));
    }
    if diff < -1076 {
        // Below half the smallest subnormal.
        return Ok(signed(0.0));
    }
    let shift = 55 - diff;
    let (q, r) = if shift >= 0 {
        (a << shift as usize).div_rem(b)
    } else {
        a.div_rem(&(b << (-shift) as usize))
    };
    // q has 55 or 56 bits, so it fits in a u64.
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    let qbits = 64 - q.leading_zeros() as i64;
    let mut excess = qbits - 53;
    // The value is q * 2**-shift; keep the last bit at or above 2**-1074.
    let lsb_exp = -shift + excess;
    if lsb_exp < -1074 {
        excess += -1074 - lsb_exp;
    }
    if excess > 0 {
        if excess >= 64 {
            return Ok(signed(0.0));
        }
        let half = 1u64 << (excess - 1);
        let low = q & ((1u64 << excess) - 1);
        q >>= excess;
        if low > half || (low == half && (!r.is_zero() || q & 1 == 1)) {
            q += 1;
        }
    }
    let exp = (-shift + excess) as i32;
    // Scale in two steps so neither step overflows or underflows on its own.
    let v = (q as f64) * 2f64.powi(exp / 2) * 2f64.powi(exp - exp / 2);
    if v.is_infinite() {
        return Err(overflow_error(
            "integer division result too large for a float",
        ));
    }
    Ok(signed(v))
}

/// Results larger than this many bits (2 GiB) are refused with `MemoryError` rather
/// than attempted: CPython would try, and fail or take forever, and a failed
/// allocation aborts a Rust program instead of raising.
const MAX_RESULT_BITS: u64 = 1 << 34;

fn long_pow(a: &PyObject, b: &PyObject, c: &PyObject) -> PyResult {
    check_binop!(a, b);
    let (x, y) = (as_long(a), as_long(b));
    let modulus = if c.is(Py_None()) {
        None
    } else if PyLongObject::check(c) {
        Some(as_long(c))
    } else {
        return Ok(not_implemented());
    };
    let Some(m) = modulus else {
        if y.is_negative() {
            // A negative exponent without modulus gives a float: float's pow does it.
            return match crate::floatobject::PyFloat_Type.tp_as_number.nb_power.get() {
                Some(f) => f(a, b, c),
                None => Ok(not_implemented()),
            };
        }
        return long_pow_values(x, y);
    };
    long_pow_mod(x, y, m)
}

/// `x ** y` for a non-negative `y`.
fn long_pow_values(x: &PyLongObject, y: &PyLongObject) -> PyResult {
    let Some(e) = y.as_i64().and_then(|e| u64::try_from(e).ok()) else {
        // Only 0, 1 and -1 can be raised to such a power without running out of memory.
        return match x.as_i64() {
            Some(0) | Some(1) => Ok(PyLong_FromLong(x.as_i64().unwrap_or(0))),
            Some(-1) => Ok(PyLong_FromLong(if y.is_odd() { -1 } else { 1 })),
            _ => Err(crate::pyerrors::PyErr_NoMemory()),
        };
    };
    if let Some(base) = x.as_i64() {
        if let Ok(e32) = u32::try_from(e) {
            if let Some(r) = base.checked_pow(e32) {
                return Ok(PyLong_FromLong(r));
            }
        }
        match base {
            0 | 1 => return Ok(PyLong_FromLong(base)),
            -1 => return Ok(PyLong_FromLong(if e % 2 == 1 { -1 } else { 1 })),
            _ => {}
        }
    }
    if x.num_bits().saturating_mul(e) > MAX_RESULT_BITS {
        return Err(crate::pyerrors::PyErr_NoMemory());
    }
    Ok(PyLong_FromBigInt(num_traits::pow::Pow::pow(&*x.big(), e)))
}

/// `pow(x, y, m)`: the result has the sign of the modulus; a negative exponent uses
/// the modular inverse of the base.
fn long_pow_mod(x: &PyLongObject, y: &PyLongObject, m: &PyLongObject) -> PyResult {
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = m.big();
    let negative_output = modulus.is_negative();
    let mabs: BigInt = modulus.abs();
    if mabs.is_one() {
        return Ok(PyLong_FromLong(0));
    }
    let mut base: BigInt = x.big().mod_floor(&mabs);
    let mut exp: BigInt = y.big().into_owned();
    if exp.is_negative() {
        base = mod_inverse(&base, &mabs)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &mabs);
    if negative_output && !r.is_zero() {
        r -= &mabs;
    }
    Ok(PyLong_FromBigInt(r))
}

/// The inverse of `a` modulo `m > 1` (`long_invmod`), if `a` and `m` are coprime.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.mod_floor(m).extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

fn long_neg(a: &PyObject) -> PyResult {
    let x = as_long(a);
    if let Some(v) = x.as_i64() {
        if let Some(r) = v.checked_neg() {
            return Ok(PyLong_FromLong(r));
        }
    }
    Ok(PyLong_FromBigInt(-x.big().into_owned()))
}

/// `+x` and `int(x)` on an int: the same value, as an exact int.
pub fn long_long(a: &PyObject) -> PyResult {
    if a.is_type(&PyLong_Type) {
        return Ok(a.to_owned());
    }
    let x = as_long(a);
    Ok(match &x.value {
        LongValue::Small(v) => PyLong_FromLong(*v),
        LongValue::Big(b) => new_long_object(&PyLong_Type, LongValue::Big(b.clone())),
    })
}

fn long_abs(a: &PyObject) -> PyResult {
    if as_long(a).is_negative() {
        long_neg(a)
    } else {
        long_long(a)
    }
}

fn long_bool(a: &PyObject) -> PyResult<bool> {
    Ok(!as_long(a).is_zero())
}

fn long_invert(a: &PyObject) -> PyResult {
    let x = as_long(a);
    match x.as_i64() {
        Some(v) => Ok(PyLong_FromLong(!v)),
        None => Ok(PyLong_FromBigInt(-x.big().into_owned() - 1)),
    }
}

/// The shift count, or `None` when it does not fit in a `u64`.
fn shift_count(b: &PyLongObject) -> PyResult<Option<u64>> {
    if b.is_negative() {
        return Err(value_error("negative shift count"));
    }
    Ok(match &b.value {
        LongValue::Small(v) => Some(*v as u64),
        LongValue::Big(_) => None,
    })
}

fn long_lshift(a: &PyObject, b: &PyObject) -> PyResult {
    check_binop!(a, b);
    let (x, y) = (as_long(a), as_long(b));
    let n = shift_count(y)?;
    if x.is_zero() {
        return Ok(PyLong_FromLong(0));
    }
    let Some(n) = n else {
        return Err(crate::pyerrors::PyErr_NoMemory());
    };
    if let Some(v) = x.as_i64() {
        if n < 63 {
            let r = v << n;
            if r >> n == v {
                return Ok(PyLong_FromLong(r));
            }
        }
    }
    if n > MAX_RESULT_BITS {
        return Err(crate::pyerrors::PyErr_NoMemory());
    }
    Ok(PyLong_FromBigInt(&*x.big() << n as usize))
}

fn long_rshift(a: &PyObject, b: &PyObject) -> PyResult {
    check_binop!(a, b);
    let (x, y) = (as_long(a), as_long(b));
    let n = shift_count(y)?;
    let all_shifted_out = || PyLong_FromLong(if x.is_negative() { -1 } else { 0 });
    match (&x.value, n) {
        (LongValue::Small(v), Some(n)) => {
            Ok(PyLong_FromLong(if n >= 64 { v >> 63 } else { v >> n }))
        }
        (_, None) => Ok(all_shifted_out()),
        (LongValue::Big(big), Some(n)) => {
            if n > big.bits() {
                return Ok(all_shifted_out());
            }
            // BigInt's shift of a negative value rounds toward negative infinity,
            // as Python's does.
            Ok(PyLong_FromBigInt(&**big >> n as usize))
        }
    }
}

macro_rules! bitwise {
    ($name:ident, $op:tt) => {
        fn $name(a: &PyObject, b: &PyObject) -> PyResult {
            check_binop!(a, b);
            let (x, y) = (as_long(a), as_long(b));
            if let (Some(p), Some(q)) = (x.as_i64(), y.as_i64()) {
                return Ok(PyLong_FromLong(p $op q));
            }
            Ok(PyLong_FromBigInt(&*x.big() $op &*y.big()))
        }
    };
}

bitwise!(long_and, &);
bitwise!(long_or, |);
bitwise!(long_xor, ^);

fn long_float(a: &PyObject) -> PyResult {
    Ok(crate::floatobject::PyFloat_FromDouble(PyLong_AsDouble(a)?))
}

// --- construction from text ------------------------------------------------------------------

/// Why `PyLong_FromString` refused its text.
#[derive(Debug, PartialEq, Eq)]
pub enum LongParseError {
    /// Not an int literal in the base.
    Invalid,
    /// More decimal digits than `sys.get_int_max_str_digits()` allows.
    TooManyDigits { limit: usize, digits: usize },
}

/// `_PyLong_DigitValue`: the value of an ASCII digit or letter (37 for others).
#[inline]
fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 37,
    }
}

/// `PyLong_FromString` over ASCII text: white space around, a sign, a base prefix
/// (required to match `base`, or choosing it when `base` is 0), digits with single
/// underscores between them. Text after a NUL is never part of the number, as with
/// C strings. Base 0 refuses a decimal literal with leading zeros unless its value is
/// zero (`"010"`, but not `"00"`).
pub fn PyLong_FromString(s: &[u8], base: u32) -> Result<BigInt, LongParseError> {
    long_from_ascii(s, base, max_str_digits())
}

/// [`PyLong_FromString`] with an explicit digit limit (0: none).
fn long_from_ascii(s: &[u8], base: u32, limit: usize) -> Result<BigInt, LongParseError> {
    let had_nul = s.contains(&0);
    let s = match s.iter().position(|&c| c == 0) {
        Some(n) => &s[..n],
        None => s,
    };
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    // A C-style octal literal, now invalid unless it is zero.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0'
        && ((base == 16 && matches!(at(i + 1), b'x' | b'X'))
            || (base == 8 && matches!(at(i + 1), b'o' | b'O'))
            || (base == 2 && matches!(at(i + 1), b'b' | b'B')))
    {
        i += 2;
        // One underscore may follow the prefix.
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(LongParseError::Invalid);
    }
    let start = i;
    let mut digits: Vec<u8> = Vec::new();
    let mut prev = 0u8;
    while digit_value(at(i)) < base || at(i) == b'_' {
        let c = at(i);
        if c == b'_' {
            if prev == b'_' {
                return Err(LongParseError::Invalid);
            }
        } else {
            digits.push(c);
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' {
        return Err(LongParseError::Invalid);
    }
    // Power-of-two bases convert in linear time and are not limited.
    if base & (base - 1) != 0 && limit > 0 && digits.len() > limit {
        return Err(LongParseError::TooManyDigits {
            limit,
            digits: digits.len(),
        });
    }
    if i == start {
        return Err(LongParseError::Invalid);
    }
    let mut value = if digits.len() <= 18 && base <= 10 || digits.len() <= 12 {
        let mut v: i64 = 0;
        for &c in &digits {
            v = v * base as i64 + digit_value(c) as i64;
        }
        BigInt::from(v)
    } else {
        BigInt::parse_bytes(&digits, base).ok_or(LongParseError::Invalid)?
    };
    if error_if_nonzero && !value.is_zero() {
        return Err(LongParseError::Invalid);
    }
    while is_space(at(i)) {
        i += 1;
    }
    if i != s.len() || had_nul {
        return Err(LongParseError::Invalid);
    }
    if negative {
        value = -value;
    }
    Ok(value)
}

/// Parse an int literal in `base` (0 means "as in source code"), with underscores
/// and surrounding white space allowed as `int()` does; `None` if malformed. The
/// digit limit is not applied.
pub fn long_from_string(text: &str, base: u32) -> Option<BigInt> {
    let ascii = transform_decimal_and_space(text.chars().map(|c| c as u32));
    long_from_ascii(&ascii, base, 0).ok()
}

/// `int(text, 0)`: as [`long_from_string`] with base 0.
pub fn long_from_string_base0(text: &str) -> Option<BigInt> {
    long_from_string(text, 0)
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII` over code points.
fn transform_decimal_and_space(cps: impl Iterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    for c in cps {
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

/// `ValueError(prefix + repr(obj))`, the repr cut to `limit` characters when given
/// (`%.200R`). The message is built as a Python string, so a lone surrogate in the
/// repr survives as it does in CPython.
pub fn value_error_with_repr(prefix: &str, obj: &PyObject, limit: Option<usize>) -> PyErr {
    let r = match PyObject_Repr(obj) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let r = match (limit, r.downcast_ref::<PyUnicodeObject>()) {
        (Some(n), Some(u)) if u.len() > n => crate::unicodeobject::unicode_substring(u, 0, n),
        _ => r,
    };
    match crate::unicodeobject::PyUnicode_Concat(&PyUnicode_FromString(prefix), &r) {
        Ok(msg) => crate::pyerrors::PyErr_SetObject(&crate::exceptions::PyExc_ValueError, msg),
        Err(e) => e,
    }
}

fn invalid_literal(base: u32, shown: &PyObject) -> PyErr {
    value_error_with_repr(
        &format!("invalid literal for int() with base {base}: "),
        shown,
        Some(200),
    )
}

fn parse_error(err: LongParseError, base: u32, shown: &PyObject) -> PyErr {
    match err {
        LongParseError::Invalid => invalid_literal(base, shown),
        LongParseError::TooManyDigits { limit, digits } => value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )),
    }
}

/// `PyLong_FromUnicodeObject`: `int(s, base)` for a str.
pub fn long_from_unicode(text: &PyObject, base: u32) -> PyResult<PyObjectRef> {
    let Some(u) = text.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(
            "int() can't convert non-string with explicit base",
        ));
    };
    let ascii = transform_decimal_and_space(u.iter());
    match PyLong_FromString(&ascii, base) {
        Ok(v) => Ok(PyLong_FromBigInt(v)),
        Err(e) => Err(parse_error(e, base, text)),
    }
}

/// `_PyLong_FromBytes`: `int(b, base)` for the contents of a bytes-like object; the
/// message shows at most the first 200 bytes.
pub fn _PyLong_FromBytes(data: &[u8], base: u32) -> PyResult<PyObjectRef> {
    match PyLong_FromString(data, base) {
        Ok(v) => Ok(PyLong_FromBigInt(v)),
        Err(e) => {
            let shown = crate::bytesobject::PyBytes_FromSlice(&data[..data.len().min(200)]);
            Err(parse_error(e, base, &shown))
        }
    }
}

/// `long_new_impl` for exact ints.
fn long_new_impl(x: Option<&PyObject>, obase: Option<&PyObject>) -> PyResult {
    let Some(x) = x else {
        if obase.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(PyLong_FromLong(0));
    };
    let Some(obase) = obase else {
        return crate::r#abstract::PyNumber_Long(x);
    };
    let base = crate::r#abstract::PyNumber_AsSsize_t(obase, None)?;
    if (base != 0 && base < 2) || base > 36 {
        return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let base = base as u32;
    if PyUnicodeObject::check(x) {
        return long_from_unicode(x, base);
    }
    let is_bytes = crate::bytesobject::PyBytesObject::check(x)
        || crate::bytearrayobject::PyByteArrayObject::check(x);
    if is_bytes {
        if let Some(data) = crate::bytesobject::bytes_like_cow(x) {
            return _PyLong_FromBytes(&data, base);
        }
    }
    Err(type_error(
        "int() can't convert non-string with explicit base",
    ))
}

fn long_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let spec = crate::getargs::ArgSpec {
        fname: "int",
        names: &["", "base"],
        posonly: 1,
        maxpos: 2,
        minpos: 0,
        required_kwonly: &[],
    };
    let a = crate::getargs::unpack_keywords(&spec, args, kwnames)?;
    let value = long_new_impl(a[0].as_deref(), a[1].as_deref())?;
    if std::ptr::eq(tp, &PyLong_Type) {
        return Ok(value);
    }
    // A subclass: copy the value into an instance of it (`long_subtype_new`).
    let v = as_long(&value);
    let copy = match &v.value {
        LongValue::Small(s) => LongValue::Small(*s),
        LongValue::Big(b) => LongValue::Big(b.clone()),
    };
    Ok(new_long_object(tp, copy))
}

/// An int subclass instance or exact int with value `v` of type `tp`.
pub fn long_subtype_new(tp: &PyTypeObject, v: BigInt) -> PyObjectRef {
    if std::ptr::eq(tp, &PyLong_Type) {
        return PyLong_FromBigInt(v);
    }
    new_long_object(tp, long_value_of(v))
}

/// `_PyLong_ExactDealloc`: free a dead int directly (the eval loop's int instructions
/// use it in place of `_Py_Dealloc`, as CPython's `_Py_DECREF_SPECIALIZED` does; an
/// int holds no references, so it needs no trashcan).
///
/// # Safety
/// `op` must be an int whose reference count reached zero.
pub unsafe fn _PyLong_ExactDealloc(op: *mut PyObject) {
    // SAFETY: forwarded from the caller.
    unsafe { long_dealloc(op) }
}

unsafe fn long_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead int; its header is intact.
    unsafe {
        if (*op).is_type(&PyLong_Type) {
            let fl = LONG_FREELIST.get_mut();
            if fl.numfree < LONG_MAXFREELIST {
                // Drop the value (a big int's digits) but keep the memory.
                std::ptr::drop_in_place(std::ptr::addr_of_mut!((*(op as *mut PyLongObject)).value));
                fl.items[fl.numfree] = op as *mut PyLongObject;
                fl.numfree += 1;
                return;
            }
        }
        dealloc_object::<PyLongObject>(op)
    }
}

// --- bytes ------------------------------------------------------------------------------------

/// `_PyLong_AsByteArray`: the two's-complement (`signed`) or unsigned bytes of an
/// int, exactly `n` of them, little-endian unless `big_endian`.
pub fn _PyLong_AsByteArray(
    l: &PyLongObject,
    n: usize,
    big_endian: bool,
    signed: bool,
) -> PyResult<Vec<u8>> {
    let negative = l.is_negative();
    if negative && !signed {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes: Vec<u8> = if l.is_zero() {
        Vec::new()
    } else if signed {
        l.big().to_signed_bytes_le()
    } else {
        l.big().magnitude().to_bytes_le()
    };
    if bytes.len() > n {
        return Err(overflow_error("int too big to convert"));
    }
    bytes.resize(n, if negative { 0xff } else { 0 });
    if big_endian {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `_PyLong_FromByteArray`.
pub fn _PyLong_FromByteArray(bytes: &[u8], big_endian: bool, signed: bool) -> PyObjectRef {
    let v = match (big_endian, signed) {
        (true, true) => BigInt::from_signed_bytes_be(bytes),
        (false, true) => BigInt::from_signed_bytes_le(bytes),
        (true, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
        (false, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
    };
    PyLong_FromBigInt(v)
}

/// The `byteorder` argument of `to_bytes`/`from_bytes`: true for big-endian.
fn byteorder_arg(fname: &str, obj: Option<&PyObject>) -> PyResult<bool> {
    let Some(obj) = obj else { return Ok(true) };
    let Some(u) = obj.downcast_ref::<PyUnicodeObject>() else {
        return Err(crate::longobject::_PyArg_BadArgument(
            fname,
            "argument 'byteorder'",
            "str",
            obj,
        ));
    };
    match u.as_str() {
        Some("big") => Ok(true),
        Some("little") => Ok(false),
        _ => Err(value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// `PyObject_Bytes` as `int.from_bytes` uses it: a bytes-like object, `__bytes__`,
/// or an iterable of ints in `range(256)`.
fn object_bytes(obj: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::bytesobject::bytes_like_cow(obj) {
        return Ok(b.into_owned());
    }
    if let Some(f) = crate::typeobject::_PyObject_LookupSpecial(obj, crate::intern!("__bytes__"))? {
        let res = crate::call::PyObject_CallNoArgs(&f)?;
        return match res.downcast_ref::<crate::bytesobject::PyBytesObject>() {
            Some(b) => Ok(b.as_bytes().to_vec()),
            None => Err(type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                res.ob_type().name()
            ))),
        };
    }
    let cannot = || {
        type_error(format!(
            "cannot convert '{}' object to bytes",
            obj.ob_type().name()
        ))
    };
    if PyUnicodeObject::check(obj) {
        return Err(cannot());
    }
    let it = match crate::r#abstract::PyObject_GetIter(obj) {
        Ok(it) => it,
        Err(e)
            if crate::pyerrors::PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError) =>
        {
            return Err(cannot())
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = crate::r#abstract::PyIter_Next(&it)? {
        let v = crate::r#abstract::PyNumber_AsSsize_t(&item, None)?;
        if !(0..256).contains(&v) {
            return Err(value_error("bytes must be in range(0, 256)"));
        }
        out.push(v as u8);
    }
    Ok(out)
}

fn int_to_bytes(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let spec = crate::getargs::ArgSpec {
        fname: "to_bytes",
        names: &["length", "byteorder", "signed"],
        posonly: 0,
        maxpos: 2,
        minpos: 0,
        required_kwonly: &[],
    };
    let a = crate::getargs::unpack_keywords(&spec, args, kwnames)?;
    let length = match &a[0] {
        Some(l) => {
            let idx = crate::r#abstract::PyNumber_Index(l)?;
            PyLong_AsSsize_t(&idx)?
        }
        None => 1,
    };
    if let Some(b) = &a[1] {
        if !PyUnicodeObject::check(b) {
            return Err(crate::longobject::_PyArg_BadArgument(
                "to_bytes",
                "argument 'byteorder'",
                "str",
                b,
            ));
        }
    }
    let signed = match &a[2] {
        Some(s) => PyObject_IsTrue(s)?,
        None => false,
    };
    let big_endian = byteorder_arg("to_bytes", a[1].as_deref())?;
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    if length as u64 > MAX_RESULT_BITS / 8 {
        return Err(crate::pyerrors::PyErr_NoMemory());
    }
    let bytes = _PyLong_AsByteArray(as_long(obj), length as usize, big_endian, signed)?;
    Ok(crate::bytesobject::PyBytes_FromVec(bytes))
}

fn int_from_bytes(tp: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let spec = crate::getargs::ArgSpec {
        fname: "from_bytes",
        names: &["bytes", "byteorder", "signed"],
        posonly: 0,
        maxpos: 2,
        minpos: 1,
        required_kwonly: &[],
    };
    let a = crate::getargs::unpack_keywords(&spec, args, kwnames)?;
    if let Some(b) = &a[1] {
        if !PyUnicodeObject::check(b) {
            return Err(crate::longobject::_PyArg_BadArgument(
                "from_bytes",
                "argument 'byteorder'",
                "str",
                b,
            ));
        }
    }
    let signed = match &a[2] {
        Some(s) => PyObject_IsTrue(s)?,
        None => false,
    };
    let big_endian = byteorder_arg("from_bytes", a[1].as_deref())?;
    let Some(bytes_obj) = &a[0] else {
        return Err(type_error(
            "from_bytes() missing required argument 'bytes' (pos 1)",
        ));
    };
    let data = object_bytes(bytes_obj)?;
    let result = _PyLong_FromByteArray(&data, big_endian, signed);
    if tp.is(PyLong_Type.as_object()) {
        return Ok(result);
    }
    crate::call::PyObject_CallOneArg(tp, &result)
}

// --- methods ---------------------------------------------------------------------------------

fn int_bit_length(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromU64(as_long(obj).num_bits()))
}

fn int_bit_count(obj: &PyObject) -> PyResult {
    let x = as_long(obj);
    let n = match &x.value {
        LongValue::Small(v) => u64::from(v.unsigned_abs().count_ones()),
        LongValue::Big(b) => b.magnitude().count_ones(),
    };
    Ok(PyLong_FromU64(n))
}

fn int_get_imag(_obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(0))
}

fn int_get_denominator(_obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(1))
}

fn int_as_integer_ratio(obj: &PyObject) -> PyResult {
    Ok(crate::tupleobject::PyTuple_New(vec![long_long(obj)?, PyLong_FromLong(1)]).into_object())
}

fn int_getnewargs(obj: &PyObject) -> PyResult {
    Ok(crate::tupleobject::PyTuple_New(vec![long_long(obj)?]).into_object())
}

fn int_sizeof(obj: &PyObject) -> PyResult {
    // CPython: a 24-byte header plus 4 bytes per 30-bit digit, at least one digit.
    let digits = as_long(obj).num_bits().div_ceil(30).max(1);
    Ok(PyLong_FromU64(24 + 4 * digits))
}

/// `_PyLong_DivmodNear` for a positive divisor: the quotient rounded to the nearest
/// integer (ties to even) and the matching remainder `a - q * b`.
fn divmod_near(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let (mut q, mut r) = a.div_mod_floor(b);
    let twice: BigInt = &r << 1usize;
    let cmp = twice.cmp(b);
    if cmp == Ordering::Greater || (cmp == Ordering::Equal && q.is_odd()) {
        q += 1;
        r -= b;
    }
    (q, r)
}

/// `int.__round__`: with a negative `ndigits`, round to a multiple of
/// `10**-ndigits`, halves to even.
fn int_round(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("__round__", args.len(), 0, 1)?;
    let Some(nd) = args.first() else {
        return long_long(obj);
    };
    let nd = crate::r#abstract::PyNumber_Index(nd)?;
    let nd = as_long(&nd);
    if !nd.is_negative() {
        return long_long(obj);
    }
    let x = as_long(obj);
    // 10**k exceeds twice |x| once k passes x's decimal length: the result is 0.
    let k = match nd.as_i64() {
        Some(v) => v.unsigned_abs(),
        None => u64::MAX,
    };
    if k > x.num_bits() / 3 + 2 {
        return Ok(PyLong_FromLong(0));
    }
    let pow10 = num_traits::pow(BigInt::from(10u32), k as usize);
    let xv = x.big();
    let (_, r) = divmod_near(&xv, &pow10);
    Ok(PyLong_FromBigInt(&*xv - r))
}

fn int_format(obj: &PyObject, spec: &PyObject) -> PyResult {
    if !PyUnicodeObject::check(spec) {
        return Err(crate::longobject::_PyArg_BadArgument(
            "__format__",
            "argument",
            "str",
            spec,
        ));
    }
    crate::formatter_unicode::_PyLong_FormatAdvanced(obj, spec)
}

static LONG_GETSET: [PyGetSetDef; 4] = [
    PyGetSetDef {
        name: "real",
        get: Some(long_long),
        set: None,
        doc: Some("the real part of a complex number"),
    },
    PyGetSetDef {
        name: "imag",
        get: Some(int_get_imag),
        set: None,
        doc: Some("the imaginary part of a complex number"),
    },
    PyGetSetDef {
        name: "numerator",
        get: Some(long_long),
        set: None,
        doc: Some("the numerator of a rational number in lowest terms"),
    },
    PyGetSetDef {
        name: "denominator",
        get: Some(int_get_denominator),
        set: None,
        doc: Some("the denominator of a rational number in lowest terms"),
    },
];

/// `int`'s methods, in CPython's order.
static LONG_METHODS: [PyMethodDef; 13] = [
    PyMethodDef::new("conjugate", PyCFunction::NoArgs(long_long), "Returns self, the complex conjugate of any int."),
    PyMethodDef::new("bit_length", PyCFunction::NoArgs(int_bit_length), "bit_length($self, /)\n--\n\nNumber of bits necessary to represent self in binary.\n\n>>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"),
    PyMethodDef::new("bit_count", PyCFunction::NoArgs(int_bit_count), "bit_count($self, /)\n--\n\nNumber of ones in the binary representation of the absolute value of self.\n\nAlso known as the population count.\n\n>>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3"),
    PyMethodDef::new("to_bytes", PyCFunction::FastKw(int_to_bytes), "to_bytes($self, /, length=1, byteorder='big', *, signed=False)\n--\n\nReturn an array of bytes representing an integer.\n\n  length\n    Length of bytes object to use.  An OverflowError is raised if the\n    integer is not representable with the given number of bytes.  Default\n    is length 1.\n  byteorder\n    The byte order used to represent the integer.  If byteorder is 'big',\n    the most significant byte is at the beginning of the byte array.  If\n    byteorder is 'little', the most significant byte is at the end of the\n    byte array.  To request the native byte order of the host system, use\n    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n  signed\n    Determines whether two's complement is used to represent the integer.\n    If signed is False and a negative integer is given, an OverflowError\n    is raised."),
    PyMethodDef::new("from_bytes", PyCFunction::FastKw(int_from_bytes), "from_bytes($type, /, bytes, byteorder='big', *, signed=False)\n--\n\nReturn the integer represented by the given array of bytes.\n\n  bytes\n    Holds the array of bytes to convert.  The argument must either\n    support the buffer protocol or be an iterable object producing bytes.\n    Bytes and bytearray are examples of built-in objects that support the\n    buffer protocol.\n  byteorder\n    The byte order used to represent the integer.  If byteorder is 'big',\n    the most significant byte is at the beginning of the byte array.  If\n    byteorder is 'little', the most significant byte is at the end of the\n    byte array.  To request the native byte order of the host system, use\n    `sys.byteorder' as the byte order value.  Default is to use 'big'.\n  signed\n    Indicates whether two's complement is used to represent the integer.").with_flags(METH_CLASS),
    PyMethodDef::new("as_integer_ratio", PyCFunction::NoArgs(int_as_integer_ratio), "as_integer_ratio($self, /)\n--\n\nReturn integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original int\nand with a positive denominator.\n\n>>> (10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n(-10, 1)\n>>> (0).as_integer_ratio()\n(0, 1)"),
    PyMethodDef::new("__trunc__", PyCFunction::NoArgs(long_long), "Truncating an Integral returns itself."),
    PyMethodDef::new("__floor__", PyCFunction::NoArgs(long_long), "Flooring an Integral returns itself."),
    PyMethodDef::new("__ceil__", PyCFunction::NoArgs(long_long), "Ceiling of an Integral returns itself."),
    PyMethodDef::new("__round__", PyCFunction::Fast(int_round), "__round__($self, ndigits=<unrepresentable>, /)\n--\n\nRounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."),
    PyMethodDef::new("__getnewargs__", PyCFunction::NoArgs(int_getnewargs), "__getnewargs__($self, /)\n--\n\n"),
    PyMethodDef::new("__format__", PyCFunction::O(int_format), "__format__($self, format_spec, /)\n--\n\n"),
    PyMethodDef::new("__sizeof__", PyCFunction::NoArgs(int_sizeof), "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."),
];

/// `int`.
pub static PyLong_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "int",
    tp_basicsize: Cell::new(size_of::<PyLongObject>()),
    // CPython's `sizeof(digit)`: pyrs keeps the digits out of line, but the item size
    // still tells `type_new` that subclasses get no `__weakref__`, no nonempty
    // `__slots__` and an unmanaged `__dict__`, and is what `int.__itemsize__` shows.
    tp_itemsize: Cell::new(4),
    tp_dealloc: slot(long_dealloc),
    tp_repr: slot(long_repr),
    tp_as_number: PyNumberMethods {
        nb_add: slot(long_add),
        nb_subtract: slot(long_sub),
        nb_multiply: slot(long_mul),
        nb_remainder: slot(long_mod),
        nb_divmod: slot(long_divmod),
        nb_power: slot(long_pow),
        nb_negative: slot(long_neg),
        nb_positive: slot(long_long),
        nb_absolute: slot(long_abs),
        nb_bool: slot(long_bool),
        nb_invert: slot(long_invert),
        nb_lshift: slot(long_lshift),
        nb_rshift: slot(long_rshift),
        nb_and: slot(long_and),
        nb_xor: slot(long_xor),
        nb_or: slot(long_or),
        nb_int: slot(long_long),
        nb_float: slot(long_float),
        nb_floor_divide: slot(long_floordiv),
        nb_true_divide: slot(long_true_divide),
        nb_index: slot(long_long),
        ..PyNumberMethods::EMPTY
    },
    tp_hash: slot(long_hash),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_MATCH_SELF),
    tp_doc: Some("int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4"),
    tp_richcompare: slot(long_richcompare),
    tp_methods: &LONG_METHODS,
    tp_getset: &LONG_GETSET,
    tp_new: slot(long_new),
    ..PyTypeObject::DEFAULT
};

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str, base: u32) -> Option<i64> {
        PyLong_FromString(s.as_bytes(), base)
            .ok()
            .and_then(|v| v.to_i64())
    }

    #[test]
    fn long_parsing_forms() {
        assert_eq!(parse(" 0x_1f", 0), Some(31));
        assert_eq!(parse("0_7", 0), None);
        assert_eq!(parse("0_0", 0), Some(0));
        assert_eq!(parse("00", 0), Some(0));
        assert_eq!(parse("010", 0), None);
        assert_eq!(parse("0x", 16), None);
        assert_eq!(parse("_1", 10), None);
        assert_eq!(parse("1__2", 10), None);
        assert_eq!(parse("1_", 10), None);
        assert_eq!(parse("1_2", 10), Some(12));
        assert_eq!(parse("-0b101", 0), Some(-5));
        assert_eq!(parse("0b1", 16), Some(0xb1));
        assert_eq!(parse("z", 36), Some(35));
        assert_eq!(parse("Z", 0), None);
        assert_eq!(parse("+ 1", 10), None);
        assert_eq!(parse("", 10), None);
        assert_eq!(parse("  ", 10), None);
        assert_eq!(parse("12\0", 10), None);
        assert_eq!(parse("\t-12 \n", 10), Some(-12));
        assert_eq!(parse("9223372036854775807", 10), Some(i64::MAX));
        assert_eq!(
            PyLong_FromString(b"123456789012345678901234567890", 10)
                .ok()
                .map(|v| v.to_string()),
            Some("123456789012345678901234567890".to_string())
        );
    }

    #[test]
    fn long_divmod_near_ties_to_even() {
        let d = |a: i64, b: i64| {
            let (q, r) = divmod_near(&BigInt::from(a), &BigInt::from(b));
            (q.to_i64().unwrap_or(0), r.to_i64().unwrap_or(0))
        };
        assert_eq!(d(25, 10), (2, 5));
        assert_eq!(d(35, 10), (4, -5));
        assert_eq!(d(-25, 10), (-2, -5));
        assert_eq!(d(14, 10), (1, 4));
        assert_eq!(d(16, 10), (2, -4));
    }

    #[test]
    fn long_to_float_uses_every_bit() {
        // (2**53 + 1) * 2**9 is halfway between two doubles; the +1 far below
        // decides the rounding.
        let halfway = (BigInt::from((1u64 << 53) + 1)) << 9usize;
        let f = |b: &BigInt| bigint_to_f64(b).ok();
        assert_eq!(f(&halfway), Some(((1u64 << 53) as f64) * 512.0));
        assert_eq!(
            f(&(&halfway + 1)),
            Some(((1u64 << 53) as f64 + 2.0) * 512.0)
        );
        assert_eq!(
            f(&-(&halfway + 1u32)),
            Some(-((1u64 << 53) as f64 + 2.0) * 512.0)
        );
        let max = (BigInt::from(1) << 1024usize) - (BigInt::from(1) << 970usize);
        assert!(f(&max).is_none());
        assert_eq!(f(&(max - 1)), Some(f64::MAX));
    }

    #[test]
    fn long_true_division_rounds_correctly() {
        let big = |s: &str| BigInt::parse_bytes(s.as_bytes(), 10).unwrap_or_default();
        assert_eq!(true_divide_big(&big("1"), &big("3")).ok(), Some(1.0 / 3.0));
        assert_eq!(
            true_divide_big(
                &(BigInt::from(1) << 2000usize),
                &(BigInt::from(1) << 1999usize)
            )
            .ok(),
            Some(2.0)
        );
        assert_eq!(
            true_divide_big(&BigInt::from(1), &(BigInt::from(1) << 1074usize)).ok(),
            Some(5e-324)
        );
        assert_eq!(
            true_divide_big(&BigInt::from(1), &(BigInt::from(1) << 1075usize)).ok(),
            Some(0.0)
        );
    }
}
