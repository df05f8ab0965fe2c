//! The `math` module. Mirrors Modules/mathmodule.c (CPython 3.11).
//!
//! The one-argument functions go through [`math_1`] (CPython's `math_1`): a NaN from
//! a non-NaN argument is a "math domain error", an infinity from a finite argument an
//! overflow ("math range error") or a singularity (domain error). The libm functions
//! are the C library's own (declared in [`libm`]), so results equal CPython's on the
//! same machine; `gamma` and `lgamma` are CPython's Lanczos approximations, `hypot`
//! and `dist` its `vector_norm`, `fsum` its exact partial sums.
//!
//! Differences from CPython: libm does not report through `errno` here; every case
//! CPython detects through `errno` is detected from the arguments and the result
//! instead (the functions that can report, `m_tgamma`, `m_lgamma`, `pow`, `ldexp`,
//! return their `errno` with the result). `factorial`, `comb` and `perm` compute with
//! `num-bigint` using CPython's divide-and-conquer shapes.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use include::methodobject::{PyCFunction, PyMethodDef};
use include::opcode::nb;

use objects::boolobject::PyBool_FromLong;
use objects::call::PyObject_CallNoArgs;
use objects::floatobject::{PyFloat_AsDouble, PyFloat_FromDouble, PyFloat_Type};
use objects::getargs::{check_positional, unpack_keywords, ArgSpec};
use objects::longobject::{
    bigint_to_f64, PyLongObject, PyLong_AsDouble, PyLong_FromBigInt, PyLong_FromDouble,
    PyLong_FromLong, PyLong_Type,
};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::Py_None;
use objects::prelude::*;
use objects::r#abstract::{
    PyIter_Next, PyNumber_Absolute, PyNumber_BinaryOp, PyNumber_Index, PyObject_GetIter,
    PySequence_Tuple,
};
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::_PyObject_LookupSpecial;
use objects::unicodeobject::{PyUnicode_FromString, PyUnicode_InternFromString};

/// The C library's math functions, called directly so that results equal those of
/// CPython built against the same libm (Rust's own `acosh`, `asinh` and `atanh` are
/// computed differently).
pub(crate) mod libm {
    use std::ffi::c_int;

    mod ffi {
        use std::ffi::c_int;
        extern "C" {
            pub fn acos(x: f64) -> f64;
            pub fn acosh(x: f64) -> f64;
            pub fn asin(x: f64) -> f64;
            pub fn asinh(x: f64) -> f64;
            pub fn atan(x: f64) -> f64;
            pub fn atan2(y: f64, x: f64) -> f64;
            pub fn atanh(x: f64) -> f64;
            pub fn cos(x: f64) -> f64;
            pub fn cosh(x: f64) -> f64;
            pub fn erf(x: f64) -> f64;
            pub fn erfc(x: f64) -> f64;
            pub fn exp(x: f64) -> f64;
            pub fn exp2(x: f64) -> f64;
            pub fn expm1(x: f64) -> f64;
            pub fn fmod(x: f64, y: f64) -> f64;
            pub fn hypot(x: f64, y: f64) -> f64;
            pub fn frexp(x: f64, e: *mut c_int) -> f64;
            pub fn ldexp(x: f64, e: c_int) -> f64;
            pub fn log(x: f64) -> f64;
            pub fn log10(x: f64) -> f64;
            pub fn log1p(x: f64) -> f64;
            pub fn log2(x: f64) -> f64;
            pub fn nextafter(x: f64, y: f64) -> f64;
            pub fn pow(x: f64, y: f64) -> f64;
            pub fn sin(x: f64) -> f64;
            pub fn sinh(x: f64) -> f64;
            pub fn tan(x: f64) -> f64;
            pub fn tanh(x: f64) -> f64;
        }
    }

    macro_rules! libm_fn {
        ($($name:ident($($arg:ident),*)),* $(,)?) => {
            $(
                #[inline]
                pub fn $name($($arg: f64),*) -> f64 {
                    // SAFETY: a pure C function of doubles, defined for every input.
                    unsafe { ffi::$name($($arg),*) }
                }
            )*
        };
    }

    libm_fn!(
        acos(x),
        acosh(x),
        asin(x),
        asinh(x),
        atan(x),
        atan2(y, x),
        atanh(x),
        cos(x),
        cosh(x),
        erf(x),
        erfc(x),
        exp(x),
        exp2(x),
        expm1(x),
        fmod(x, y),
        hypot(x, y),
        log(x),
        log10(x),
        log1p(x),
        log2(x),
        nextafter(x, y),
        pow(x, y),
        sin(x),
        sinh(x),
        tan(x),
        tanh(x),
    );

    /// `cbrt`, from the C library itself. Rust's runtime (compiler-builtins) defines
    /// a `cbrt` symbol of its own that the linker prefers to glibc's, and the two
    /// differ in the last bit (glibc's `cbrt(-27.0)` is `-3.0000000000000004`, as
    /// in CPython), so glibc's is found through `dlsym`, once.
    pub fn cbrt(x: f64) -> f64 {
        type CbrtFn = unsafe extern "C" fn(f64) -> f64;
        static LIBM_CBRT: std::sync::OnceLock<Option<CbrtFn>> = std::sync::OnceLock::new();
        let f = LIBM_CBRT.get_or_init(|| {
            // SAFETY: dlopen/dlsym with NUL-terminated names; a found `cbrt` has the
            // C signature `double cbrt(double)`.
            unsafe {
                let handle = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_LAZY);
                if handle.is_null() {
                    return None;
                }
                let sym = libc::dlsym(handle, c"cbrt".as_ptr());
                if sym.is_null() {
                    None
                } else {
                    Some(std::mem::transmute::<*mut libc::c_void, CbrtFn>(sym))
                }
            }
        });
        match f {
            // SAFETY: glibc's cbrt, a pure function of a double.
            Some(f) => unsafe { f(x) },
            None => x.cbrt(),
        }
    }

    /// `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1` (or `x` itself and 0 for zero,
    /// infinities and NaN).
    pub fn frexp(x: f64) -> (f64, i32) {
        let mut e: c_int = 0;
        // SAFETY: `e` is a valid place for the exponent.
        let m = unsafe { ffi::frexp(x, &mut e) };
        (m, e)
    }

    /// `ldexp`: `x * 2**e`.
    pub fn ldexp(x: f64, e: i32) -> f64 {
        // SAFETY: a pure C function.
        unsafe { ffi::ldexp(x, e) }
    }
}

/// `errno` as CPython's helpers report it: nothing, a domain error or a range error
/// (C's names kept).
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    Ok,
    EDOM,
    ERANGE,
}

const PI: f64 = std::f64::consts::PI;
const LOGPI: f64 = 1.144_729_885_849_400_2;

/// `is_error`: turn a reported `errno` into an exception, or `None` when a range error
/// is an underflow (a result below 1.5 in magnitude is not an overflow).
fn is_error(x: f64, errno: Errno) -> Option<PyErr> {
    match errno {
        Errno::Ok => None,
        Errno::EDOM => Some(value_error("math domain error")),
        Errno::ERANGE => {
            if x.abs() < 1.5 {
                None
            } else {
                Some(overflow_error("math range error"))
            }
        }
    }
}

/// `ASSIGN_DOUBLE`: a float argument, with fast paths for exact floats and ints.
fn assign_double(obj: &PyObject) -> PyResult<f64> {
    if obj.is_type(&PyFloat_Type) {
        return PyFloat_AsDouble(obj);
    }
    if obj.is_type(&PyLong_Type) {
        return PyLong_AsDouble(obj);
    }
    PyFloat_AsDouble(obj)
}

/// `m_sinpi`: `sin(pi * x)`, accurate for all finite `x` (the reflection formula of
/// the gamma function needs it exact at integers).
fn m_sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        // -sin(pi * (y - 1)) would give -0.0 at y == 1.
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

// The Lanczos approximation (N = 13, g = 6.024680040776729583740234375, Boost's
// parameters), written as a rational function as CPython does. The coefficients are
// written as the doubles CPython's longer decimal literals round to.
const LANCZOS_N: usize = 13;
const LANCZOS_G: f64 = 6.02468004077673;
const LANCZOS_G_MINUS_HALF: f64 = 5.52468004077673;
const LANCZOS_NUM_COEFFS: [f64; LANCZOS_N] = [
    23531376880.41076,
    42919803642.6491,
    35711959237.35567,
    17921034426.03721,
    6039542586.352028,
    1439720407.3117216,
    248874557.86205417,
    31426415.585400194,
    2876370.6289353725,
    186056.26539522348,
    8071.672002365816,
    210.82427775157936,
    2.5066282746310002,
];
/// The denominator is x * (x+1) * ... * (x+LANCZOS_N-2).
const LANCZOS_DEN_COEFFS: [f64; LANCZOS_N] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];
/// Gamma at 1 through 23, exactly.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// `lanczos_sum`: the Lanczos sum for positive `x`. Above 5 the rational function is
/// evaluated in 1/x, which cannot overflow and is more accurate there.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

/// `m_tgamma`: the gamma function, special cases as C99 Annex F.
fn m_tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::Ok);
        }
        return (f64::NAN, Errno::EDOM);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::EDOM);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::EDOM);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::Ok);
        }
    }
    let absx = x.abs();
    // Tiny arguments: gamma(x) is about 1/x.
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (
            r,
            if r.is_infinite() {
                Errno::ERANGE
            } else {
                Errno::Ok
            },
        );
    }
    // Beyond 200 the result overflows (or underflows to a signed zero).
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / m_sinpi(x), Errno::Ok);
        }
        return (f64::INFINITY, Errno::ERANGE);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, to correct pow(y, ...) / exp(y) with.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / m_sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (
        r,
        if r.is_infinite() {
            Errno::ERANGE
        } else {
            Errno::Ok
        },
    )
}

/// `m_lgamma`: the log of the absolute value of the gamma function.
fn m_lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Errno::Ok);
        }
        return (f64::INFINITY, Errno::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::EDOM);
        }
        return (0.0, Errno::Ok);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-libm::log(absx), Errno::Ok);
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        // The reflection formula.
        r = LOGPI - libm::log(m_sinpi(absx).abs()) - libm::log(absx) - r;
    }
    (
        r,
        if r.is_infinite() {
            Errno::ERANGE
        } else {
            Errno::Ok
        },
    )
}

/// `m_atan2`: C99's special cases handled here, the rest by libm.
fn m_atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            if 1.0f64.copysign(x) == 1.0 {
                return (0.25 * PI).copysign(y);
            }
            return (0.75 * PI).copysign(y);
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        if 1.0f64.copysign(x) == 1.0 {
            return 0.0f64.copysign(y);
        }
        return PI.copysign(y);
    }
    libm::atan2(y, x)
}

/// `m_remainder`: IEEE 754 remainder, `x - n*y` with `n` the nearest integer to x/y
/// (ties to even). The result is always exact.
fn m_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = libm::fmod(absx, absy);
        // Compare m with absy - m rather than with absy / 2, which may be inexact.
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Halfway: choose the even multiple. fmod(0.5 * (absx - m), absy) is m
            // when the quotient is odd, 0 when it is even; every step is exact.
            m - 2.0 * libm::fmod(0.5 * (absx - m), absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// `m_log`: log with the special values handled here.
fn m_log(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            return libm::log(x);
        }
        if x == 0.0 {
            return f64::NEG_INFINITY;
        }
        return f64::NAN;
    }
    if x.is_nan() || x > 0.0 {
        return x;
    }
    f64::NAN
}

/// `m_log2`.
fn m_log2(x: f64) -> f64 {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return x;
        }
        return f64::NAN;
    }
    if x > 0.0 {
        libm::log2(x)
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

/// `m_log10`.
fn m_log10(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            return libm::log10(x);
        }
        if x == 0.0 {
            return f64::NEG_INFINITY;
        }
        return f64::NAN;
    }
    if x.is_nan() || x > 0.0 {
        return x;
    }
    f64::NAN
}

/// `m_log1p`: log1p keeping the sign of a zero argument.
pub(crate) fn m_log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        libm::log1p(x)
    }
}

/// `math_1`: apply a libm function to a float argument and report a domain error or
/// an overflow as CPython does.
fn math_1(arg: &PyObject, func: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = PyFloat_AsDouble(arg)?;
    let r = func(x);
    if r.is_nan() && !x.is_nan() {
        return Err(value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            overflow_error("math range error")
        } else {
            value_error("math domain error")
        });
    }
    Ok(PyFloat_FromDouble(r))
}

/// `math_1a`: for functions that report errors through `errno` only.
fn math_1a(arg: &PyObject, func: fn(f64) -> (f64, Errno)) -> PyResult {
    let x = PyFloat_AsDouble(arg)?;
    let (r, errno) = func(x);
    if let Some(e) = is_error(r, errno) {
        return Err(e);
    }
    Ok(PyFloat_FromDouble(r))
}

/// `math_2`: a two-argument libm function.
fn math_2(args: &[PyObjectRef], func: fn(f64, f64) -> f64, funcname: &str) -> PyResult {
    check_positional(funcname, args.len(), 2, 2)?;
    let x = PyFloat_AsDouble(&args[0])?;
    let y = PyFloat_AsDouble(&args[1])?;
    let r = func(x, y);
    let errno = if r.is_nan() {
        if !x.is_nan() && !y.is_nan() {
            Errno::EDOM
        } else {
            Errno::Ok
        }
    } else if r.is_infinite() {
        if x.is_finite() && y.is_finite() {
            Errno::ERANGE
        } else {
            Errno::Ok
        }
    } else {
        Errno::Ok
    };
    if let Some(e) = is_error(r, errno) {
        return Err(e);
    }
    Ok(PyFloat_FromDouble(r))
}

macro_rules! FUNC1 {
    ($name:ident, $func:expr, $can_overflow:expr) => {
        fn $name(_m: &PyObject, arg: &PyObject) -> PyResult {
            math_1(arg, $func, $can_overflow)
        }
    };
}

macro_rules! FUNC1A {
    ($name:ident, $func:expr) => {
        fn $name(_m: &PyObject, arg: &PyObject) -> PyResult {
            math_1a(arg, $func)
        }
    };
}

FUNC1!(math_acos, libm::acos, false);
FUNC1!(math_acosh, libm::acosh, false);
FUNC1!(math_asin, libm::asin, false);
FUNC1!(math_asinh, libm::asinh, false);
FUNC1!(math_atan, libm::atan, false);
FUNC1!(math_atanh, libm::atanh, false);
FUNC1!(math_cbrt, libm::cbrt, false);
FUNC1!(math_cos, libm::cos, false);
FUNC1!(math_cosh, libm::cosh, true);
FUNC1A!(math_erf, |x| (libm::erf(x), Errno::Ok));
FUNC1A!(math_erfc, |x| (libm::erfc(x), Errno::Ok));
FUNC1!(math_exp, libm::exp, true);
FUNC1!(math_exp2, libm::exp2, true);
FUNC1!(math_expm1, libm::expm1, true);
FUNC1!(math_fabs, f64::abs, false);
FUNC1A!(math_gamma, m_tgamma);
FUNC1A!(math_lgamma, m_lgamma);
FUNC1!(math_log1p, m_log1p, false);
FUNC1!(math_sin, libm::sin, false);
FUNC1!(math_sinh, libm::sinh, true);
FUNC1!(math_sqrt, f64::sqrt, false);
FUNC1!(math_tan, libm::tan, false);
FUNC1!(math_tanh, libm::tanh, false);

/// `math.atan2(y, x, /)`.
fn math_atan2(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    math_2(args, m_atan2, "atan2")
}

/// `math.copysign(x, y, /)`.
fn math_copysign(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    math_2(args, f64::copysign, "copysign")
}

/// `math.remainder(x, y, /)`.
fn math_remainder(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    math_2(args, m_remainder, "remainder")
}

/// Call `number.<name>()` if its type defines the special method.
fn call_special(number: &PyObject, name: &str) -> PyResult<Option<PyObjectRef>> {
    let name = PyUnicode_InternFromString(name);
    match _PyObject_LookupSpecial(number, &name)? {
        Some(method) => PyObject_CallNoArgs(&method).map(Some),
        None => Ok(None),
    }
}

/// `math.ceil(x, /)`: `x.__ceil__()` if defined, else the ceiling of `float(x)`.
fn math_ceil(_m: &PyObject, number: &PyObject) -> PyResult {
    if !number.is_type(&PyFloat_Type) {
        if let Some(r) = call_special(number, "__ceil__")? {
            return Ok(r);
        }
    }
    let x = PyFloat_AsDouble(number)?;
    PyLong_FromDouble(x.ceil())
}

/// `math.floor(x, /)`: `x.__floor__()` if defined, else the floor of `float(x)`.
fn math_floor(_m: &PyObject, number: &PyObject) -> PyResult {
    if !number.is_type(&PyFloat_Type) {
        if let Some(r) = call_special(number, "__floor__")? {
            return Ok(r);
        }
    }
    let x = PyFloat_AsDouble(number)?;
    PyLong_FromDouble(x.floor())
}

/// `math.trunc(x, /)`: `x.__trunc__()`.
fn math_trunc(_m: &PyObject, x: &PyObject) -> PyResult {
    if x.is_type(&PyFloat_Type) {
        return PyLong_FromDouble(PyFloat_AsDouble(x)?.trunc());
    }
    match call_special(x, "__trunc__")? {
        Some(r) => Ok(r),
        None => Err(type_error(format!(
            "type {} doesn't define __trunc__ method",
            x.ob_type().name()
        ))),
    }
}

/// `math.fsum(seq, /)`: the correctly rounded sum, kept exact as a list of
/// non-overlapping partial sums (Shewchuk's algorithm, as `msum` in CPython's
/// comments), with special values summed separately.
fn math_fsum(_m: &PyObject, seq: &PyObject) -> PyResult {
    let iter = PyObject_GetIter(seq)?;
    // Sorted by magnitude, non-overlapping, non-zero partial sums.
    let mut p: Vec<f64> = Vec::with_capacity(32);
    let mut special_sum = 0.0;
    let mut inf_sum = 0.0;
    while let Some(item) = PyIter_Next(&iter)? {
        let mut x = PyFloat_AsDouble(&item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // An intermediate overflow, or an infinity or NaN among the items.
                if xsave.is_finite() {
                    return Err(overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(PyFloat_FromDouble(special_sum));
    }
    let mut hi = 0.0;
    if let Some(&top) = p.last() {
        let mut n = p.len() - 1;
        hi = top;
        let mut lo = 0.0;
        // Add the partials from the top down while the sum stays exact.
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half to even across partials: if the rest has the sign of lo, the
        // true sum is past the halfway point and hi + 2*lo is the right neighbour.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(PyFloat_FromDouble(hi))
}

/// The value of an int object (after `PyNumber_Index`).
fn big_of(obj: &PyObject) -> BigInt {
    match obj.downcast_ref::<PyLongObject>() {
        Some(l) => l.to_bigint(),
        None => BigInt::zero(),
    }
}

/// `bit_length` of a machine word.
fn bit_length(n: u64) -> u32 {
    64 - n.leading_zeros()
}

/// `factorial_partial_product`: the product of the odd numbers in
/// `range(start, stop, 2)`, split in halves until a half's product fits a word.
/// `max_bits` bounds the bit length of `stop - 2`.
fn factorial_partial_product(start: u64, stop: u64, max_bits: u32) -> BigUint {
    let num_operands = (stop - start) / 2;
    if num_operands <= 64 && num_operands * u64::from(max_bits) <= 64 {
        let mut total = start;
        let mut j = start + 2;
        while j < stop {
            total *= j;
            j += 2;
        }
        return BigUint::from(total);
    }
    let midpoint = (start + num_operands) | 1;
    let left = factorial_partial_product(start, midpoint, bit_length(midpoint - 2));
    let right = factorial_partial_product(midpoint, stop, max_bits);
    left * right
}

/// `factorial_odd_part`: the largest odd divisor of `n!`, as the product over `i` of
/// the odd numbers up to `n >> i`.
fn factorial_odd_part(n: u64) -> BigUint {
    let mut inner = BigUint::one();
    let mut outer = BigUint::one();
    let mut upper: u64 = 3;
    for i in (0..=i64::from(bit_length(n)) - 2).rev() {
        let v = n >> i;
        if v <= 2 {
            continue;
        }
        let lower = upper;
        // The least odd number above n / 2**i.
        upper = (v + 1) | 1;
        inner *= factorial_partial_product(lower, upper, bit_length(upper - 2));
        outer *= &inner;
    }
    outer
}

/// `factorial(n)` for a machine-word `n`: the odd part shifted by the two-valuation
/// `n - popcount(n)`.
fn factorial_value(n: u64) -> BigUint {
    if n < 21 {
        return BigUint::from((1..=n).product::<u64>());
    }
    factorial_odd_part(n) << (n - u64::from(n.count_ones()))
}

/// `math.factorial(n, /)`.
fn math_factorial(_m: &PyObject, arg: &PyObject) -> PyResult {
    let n = PyNumber_Index(arg)?;
    let v = big_of(&n);
    if v.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let Some(x) = v.to_i64() else {
        return Err(overflow_error(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    Ok(PyLong_FromBigInt(BigInt::from(factorial_value(x as u64))))
}

/// `math.gcd(*integers)`.
fn math_gcd(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let Some(first) = args.first() else {
        return Ok(PyLong_FromLong(0));
    };
    let res = PyNumber_Index(first)?;
    if args.len() == 1 {
        return PyNumber_Absolute(&res);
    }
    let mut g = big_of(&res).abs();
    for a in &args[1..] {
        let x = PyNumber_Index(a)?;
        // Once the gcd is 1 the remaining arguments are only checked.
        if !g.is_one() {
            g = g.gcd(&big_of(&x));
        }
    }
    Ok(PyLong_FromBigInt(g))
}

/// `math.lcm(*integers)`.
fn math_lcm(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let Some(first) = args.first() else {
        return Ok(PyLong_FromLong(1));
    };
    let res = PyNumber_Index(first)?;
    if args.len() == 1 {
        return PyNumber_Absolute(&res);
    }
    let mut l = big_of(&res);
    for a in &args[1..] {
        let x = PyNumber_Index(a)?;
        // Once the lcm is 0 the remaining arguments are only checked.
        if !l.is_zero() {
            let b = big_of(&x);
            l = if b.is_zero() {
                BigInt::zero()
            } else {
                let g = l.gcd(&b);
                (l.div_floor(&g) * b).abs()
            };
        }
    }
    Ok(PyLong_FromBigInt(l))
}

/// `math.isqrt(n, /)`: the integer square root.
fn math_isqrt(_m: &PyObject, n: &PyObject) -> PyResult {
    let n = PyNumber_Index(n)?;
    let v = big_of(&n);
    if v.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(PyLong_FromBigInt(num_integer::Roots::sqrt(&v)))
}

/// `perm_comb`: `perm(n, k)` (or `comb(n, k)` when `iscomb`), splitting `k` in halves:
/// perm(n, k) = perm(n, j) * perm(n - j, k - j) and
/// comb(n, k) = comb(n, j) * comb(n - j, k - j) / comb(k, j).
fn perm_comb(n: &BigUint, k: u64, iscomb: bool) -> BigUint {
    if k == 0 {
        return BigUint::one();
    }
    if k == 1 {
        return n.clone();
    }
    if let Some(small) = n.to_u64() {
        if k <= 20 || small < 64 {
            // Small enough to multiply one factor at a time.
            let mut r = BigUint::one();
            for i in 0..k {
                r *= small - i;
                if iscomb {
                    r /= i + 1;
                }
            }
            return r;
        }
    }
    let j = k / 2;
    let a = perm_comb(n, j, iscomb);
    let b = perm_comb(&(n - j), k - j, iscomb);
    let r = a * b;
    if iscomb {
        r / perm_comb(&BigUint::from(k), j, true)
    } else {
        r
    }
}

/// `math.comb(n, k, /)`: the number of ways to choose `k` items from `n`.
fn math_comb(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("comb", args.len(), 2, 2)?;
    let n = big_of(&*PyNumber_Index(&args[0])?);
    let k = big_of(&*PyNumber_Index(&args[1])?);
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    let rest = &n - &k;
    if rest.is_negative() {
        return Ok(PyLong_FromLong(0));
    }
    let k = if rest < k { rest } else { k };
    let Some(ki) = k.to_i64() else {
        return Err(overflow_error(format!(
            "min(n - k, k) must not exceed {}",
            i64::MAX
        )));
    };
    let n = n.magnitude();
    Ok(PyLong_FromBigInt(BigInt::from(perm_comb(
        n, ki as u64, true,
    ))))
}

/// `math.perm(n, k=None, /)`: the number of ordered ways to choose `k` items from `n`.
fn math_perm(m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("perm", args.len(), 1, 2)?;
    if args.len() == 1 || args[1].is(Py_None()) {
        return math_factorial(m, &args[0]);
    }
    let n = big_of(&*PyNumber_Index(&args[0])?);
    let k = big_of(&*PyNumber_Index(&args[1])?);
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(PyLong_FromLong(0));
    }
    if k.to_i64().is_none() {
        return Err(overflow_error(format!("k must not exceed {}", i64::MAX)));
    }
    let ki = k.to_u64().unwrap_or(0);
    Ok(PyLong_FromBigInt(BigInt::from(perm_comb(
        n.magnitude(),
        ki,
        false,
    ))))
}

/// `math.frexp(x, /)`: the mantissa and exponent of `x`.
fn math_frexp(_m: &PyObject, arg: &PyObject) -> PyResult {
    let x = PyFloat_AsDouble(arg)?;
    let (m, e) = if x.is_nan() || x.is_infinite() || x == 0.0 {
        (x, 0)
    } else {
        libm::frexp(x)
    };
    Ok(PyTuple_New(vec![PyFloat_FromDouble(m), PyLong_FromLong(i64::from(e))]).into_object())
}

/// `math.ldexp(x, i, /)`: `x * 2**i`, any int `i`.
fn math_ldexp(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("ldexp", args.len(), 2, 2)?;
    let x = PyFloat_AsDouble(&args[0])?;
    let Some(i) = args[1].downcast_ref::<PyLongObject>() else {
        return Err(type_error("Expected an int as second argument to ldexp."));
    };
    // PyLong_AsLongAndOverflow: clamp an overflowing exponent.
    let exp = i
        .as_i64()
        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    let (r, errno) = if x == 0.0 || !x.is_finite() {
        (x, Errno::Ok)
    } else if exp > i64::from(i32::MAX) {
        (f64::INFINITY.copysign(x), Errno::ERANGE)
    } else if exp < i64::from(i32::MIN) {
        (0.0f64.copysign(x), Errno::Ok)
    } else {
        let r = libm::ldexp(x, exp as i32);
        (
            r,
            if r.is_infinite() {
                Errno::ERANGE
            } else {
                Errno::Ok
            },
        )
    };
    if let Some(e) = is_error(r, errno) {
        return Err(e);
    }
    Ok(PyFloat_FromDouble(r))
}

/// `math.modf(x, /)`: the fractional and integer parts of `x`, both with its sign.
fn math_modf(_m: &PyObject, arg: &PyObject) -> PyResult {
    let x = PyFloat_AsDouble(arg)?;
    let (frac, ip) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let ip = x.trunc();
        ((x - ip).copysign(x), ip)
    };
    Ok(PyTuple_New(vec![PyFloat_FromDouble(frac), PyFloat_FromDouble(ip)]).into_object())
}

/// `loghelper`: a logarithm of any int (a huge one as `log(m) + log(2) * e` from
/// its mantissa and exponent) or of a float.
fn loghelper(arg: &PyObject, func: fn(f64) -> f64) -> PyResult {
    if let Some(l) = arg.downcast_ref::<PyLongObject>() {
        if l.is_negative() || l.is_zero() {
            return Err(value_error("math domain error"));
        }
        let v = l.big();
        let result = match bigint_to_f64(&v) {
            Ok(x) => func(x),
            Err(_) => {
                // `_PyLong_Frexp`: the top 64 bits, with every lower bit folded into
                // the last as a sticky bit, round correctly to 53.
                let mag = v.magnitude();
                let shift = mag.bits() - 64;
                let mut top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
                if mag.trailing_zeros().unwrap_or(0) < shift {
                    top |= 1;
                }
                let (x, e) = libm::frexp(top as f64);
                let e = i64::from(e) + shift as i64;
                func(x) + func(2.0) * e as f64
            }
        };
        return Ok(PyFloat_FromDouble(result));
    }
    math_1(arg, func, false)
}

/// `math.log(x[, base])`.
fn math_log(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    if args.is_empty() || args.len() > 2 {
        return Err(type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(&args[0], m_log)?;
    let Some(base) = args.get(1) else {
        return Ok(num);
    };
    let den = loghelper(base, m_log)?;
    PyNumber_BinaryOp(&num, &den, nb::TRUE_DIVIDE)
}

/// `math.log2(x, /)`.
fn math_log2(_m: &PyObject, x: &PyObject) -> PyResult {
    loghelper(x, m_log2)
}

/// `math.log10(x, /)`.
fn math_log10(_m: &PyObject, x: &PyObject) -> PyResult {
    loghelper(x, m_log10)
}

/// `math.fmod(x, y, /)`: the C remainder, with the sign of `x`.
fn math_fmod(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("fmod", args.len(), 2, 2)?;
    let x = PyFloat_AsDouble(&args[0])?;
    let y = PyFloat_AsDouble(&args[1])?;
    if y.is_infinite() && x.is_finite() {
        return Ok(PyFloat_FromDouble(x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(value_error("math domain error"));
    }
    Ok(PyFloat_FromDouble(r))
}

/// `dl_fast_sum`: `a + b` as a rounded sum and its exact error, for `|a| >= |b|`.
fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    let y = b - z;
    (x, y)
}

/// `dl_mul`: `x * y` as a rounded product and its exact error (through a fused
/// multiply-add).
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    let zz = x.mul_add(y, -z);
    (z, zz)
}

/// `vector_norm`: `sqrt(sum(x ** 2 for x in vec))` for non-negative finite `vec`
/// with maximum `max`, computed almost always correctly rounded: the values are
/// scaled by a power of two, squared exactly, summed with compensation (starting
/// from 1.0 so that the running sum always dominates), and the square root gets one
/// differential correction.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: make the subnormals normal first.
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = libm::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0, 0.0, 0.0);
    for &v in vec.iter() {
        let x = v * scale;
        let (hi, lo) = dl_mul(x, x);
        let (s, e) = dl_fast_sum(csum, hi);
        csum = s;
        frac1 += lo;
        frac2 += e;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dl_mul(-h, h);
    let (s, e) = dl_fast_sum(csum, hi);
    csum = s;
    frac1 += lo;
    frac2 += e;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `math.dist(p, q, /)`: the Euclidean distance between two points.
fn math_dist(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("dist", args.len(), 2, 2)?;
    let as_tuple = |o: &PyObject| -> PyResult {
        if o.downcast_ref::<PyTupleObject>().is_some() {
            Ok(o.to_owned())
        } else {
            PySequence_Tuple(o)
        }
    };
    let p = as_tuple(&args[0])?;
    let q = as_tuple(&args[1])?;
    let (Some(pt), Some(qt)) = (
        p.downcast_ref::<PyTupleObject>(),
        q.downcast_ref::<PyTupleObject>(),
    ) else {
        return Err(type_error("dist() arguments must be sequences"));
    };
    let (ps, qs) = (pt.as_slice(), qt.as_slice());
    if ps.len() != qs.len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(ps.len());
    let mut max = 0.0;
    let mut found_nan = false;
    for (a, b) in ps.iter().zip(qs) {
        let px = assign_double(a)?;
        let qx = assign_double(b)?;
        let x = (px - qx).abs();
        diffs.push(x);
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    Ok(PyFloat_FromDouble(vector_norm(&mut diffs, max, found_nan)))
}

/// `math.hypot(*coordinates)`: the Euclidean norm.
fn math_hypot(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let mut coords = Vec::with_capacity(args.len());
    let mut max = 0.0;
    let mut found_nan = false;
    for a in args {
        let x = assign_double(a)?.abs();
        coords.push(x);
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    Ok(PyFloat_FromDouble(vector_norm(&mut coords, max, found_nan)))
}

/// `math.pow(x, y, /)`: C99's pow, its special values decided here.
fn math_pow(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("pow", args.len(), 2, 2)?;
    let x = PyFloat_AsDouble(&args[0])?;
    let y = PyFloat_AsDouble(&args[1])?;
    let mut errno = Errno::Ok;
    let r;
    if !x.is_finite() || !y.is_finite() {
        r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && libm::fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
    } else {
        r = libm::pow(x, y);
        if r.is_nan() {
            errno = Errno::EDOM;
        } else if r.is_infinite() {
            errno = if x == 0.0 { Errno::EDOM } else { Errno::ERANGE };
        }
    }
    if let Some(e) = is_error(r, errno) {
        return Err(e);
    }
    Ok(PyFloat_FromDouble(r))
}

/// `math.degrees(x, /)`.
fn math_degrees(_m: &PyObject, arg: &PyObject) -> PyResult {
    let x = PyFloat_AsDouble(arg)?;
    Ok(PyFloat_FromDouble(x * (180.0 / PI)))
}

/// `math.radians(x, /)`.
fn math_radians(_m: &PyObject, arg: &PyObject) -> PyResult {
    let x = PyFloat_AsDouble(arg)?;
    Ok(PyFloat_FromDouble(x * (PI / 180.0)))
}

/// `math.isfinite(x, /)`.
fn math_isfinite(_m: &PyObject, arg: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(PyFloat_AsDouble(arg)?.is_finite()))
}

/// `math.isnan(x, /)`.
fn math_isnan(_m: &PyObject, arg: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(PyFloat_AsDouble(arg)?.is_nan()))
}

/// `math.isinf(x, /)`.
fn math_isinf(_m: &PyObject, arg: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(PyFloat_AsDouble(arg)?.is_infinite()))
}

/// `math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn math_isclose(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "isclose",
            names: &["a", "b", "rel_tol", "abs_tol"],
            posonly: 0,
            maxpos: 2,
            minpos: 2,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let double = |o: &Option<PyObjectRef>, default: f64| -> PyResult<f64> {
        match o {
            Some(o) => PyFloat_AsDouble(o),
            None => Ok(default),
        }
    };
    let x = double(&a[0], 0.0)?;
    let y = double(&a[1], 0.0)?;
    let rel_tol = double(&a[2], 1e-09)?;
    let abs_tol = double(&a[3], 0.0)?;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(PyBool_FromLong(true));
    }
    // Two infinities of the same sign were caught above; any other infinity is far
    // from everything.
    if x.is_infinite() || y.is_infinite() {
        return Ok(PyBool_FromLong(false));
    }
    let diff = (y - x).abs();
    Ok(PyBool_FromLong(
        diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol,
    ))
}

/// `math.prod(iterable, /, *, start=1)`: `start` times every item, in order.
fn math_prod(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "prod",
            names: &["", "start"],
            posonly: 1,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let iter = PyObject_GetIter(a[0].as_ref().unwrap_or(&args[0]))?;
    let mut result = match &a[1] {
        Some(s) => s.clone(),
        None => PyLong_FromLong(1),
    };
    while let Some(item) = PyIter_Next(&iter)? {
        result = PyNumber_BinaryOp(&result, &item, nb::MULTIPLY)?;
    }
    Ok(result)
}

/// `math.nextafter(x, y, /)`: the next float after `x` towards `y`.
fn math_nextafter(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("nextafter", args.len(), 2, 2)?;
    let x = PyFloat_AsDouble(&args[0])?;
    let y = PyFloat_AsDouble(&args[1])?;
    Ok(PyFloat_FromDouble(libm::nextafter(x, y)))
}

/// `math.ulp(x, /)`: the value of the least significant bit of `x`.
fn math_ulp(_m: &PyObject, arg: &PyObject) -> PyResult {
    let x = PyFloat_AsDouble(arg)?;
    if x.is_nan() {
        return Ok(PyFloat_FromDouble(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(PyFloat_FromDouble(x));
    }
    let x2 = libm::nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        // x is the largest finite float: use the gap below it.
        let x2 = libm::nextafter(x, f64::NEG_INFINITY);
        return Ok(PyFloat_FromDouble(x - x2));
    }
    Ok(PyFloat_FromDouble(x2 - x))
}

static MATH_METHODS: [PyMethodDef; 55] = [
    PyMethodDef::new(
        "acos",
        PyCFunction::O(math_acos),
        "acos($module, x, /)\n--\n\nReturn the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi.",
    ),
    PyMethodDef::new(
        "acosh",
        PyCFunction::O(math_acosh),
        "acosh($module, x, /)\n--\n\nReturn the inverse hyperbolic cosine of x.",
    ),
    PyMethodDef::new(
        "asin",
        PyCFunction::O(math_asin),
        "asin($module, x, /)\n--\n\nReturn the arc sine (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2.",
    ),
    PyMethodDef::new(
        "asinh",
        PyCFunction::O(math_asinh),
        "asinh($module, x, /)\n--\n\nReturn the inverse hyperbolic sine of x.",
    ),
    PyMethodDef::new(
        "atan",
        PyCFunction::O(math_atan),
        "atan($module, x, /)\n--\n\nReturn the arc tangent (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2.",
    ),
    PyMethodDef::new(
        "atan2",
        PyCFunction::Fast(math_atan2),
        "atan2($module, y, x, /)\n--\n\nReturn the arc tangent (measured in radians) of y/x.\n\nUnlike atan(y/x), the signs of both x and y are considered.",
    ),
    PyMethodDef::new(
        "atanh",
        PyCFunction::O(math_atanh),
        "atanh($module, x, /)\n--\n\nReturn the inverse hyperbolic tangent of x.",
    ),
    PyMethodDef::new(
        "cbrt",
        PyCFunction::O(math_cbrt),
        "cbrt($module, x, /)\n--\n\nReturn the cube root of x.",
    ),
    PyMethodDef::new(
        "ceil",
        PyCFunction::O(math_ceil),
        "ceil($module, x, /)\n--\n\nReturn the ceiling of x as an Integral.\n\nThis is the smallest integer >= x.",
    ),
    PyMethodDef::new(
        "comb",
        PyCFunction::Fast(math_comb),
        "comb($module, n, k, /)\n--\n\nNumber of ways to choose k items from n items without repetition and without order.\n\nEvaluates to n! / (k! * (n - k)!) when k <= n and evaluates\nto zero when k > n.\n\nAlso called the binomial coefficient because it is equivalent\nto the coefficient of k-th term in polynomial expansion of the\nexpression (1 + x)**n.\n\nRaises TypeError if either of the arguments are not integers.\nRaises ValueError if either of the arguments are negative.",
    ),
    PyMethodDef::new(
        "copysign",
        PyCFunction::Fast(math_copysign),
        "copysign($module, x, y, /)\n--\n\nReturn a float with the magnitude (absolute value) of x but the sign of y.\n\nOn platforms that support signed zeros, copysign(1.0, -0.0)\nreturns -1.0.\n",
    ),
    PyMethodDef::new(
        "cos",
        PyCFunction::O(math_cos),
        "cos($module, x, /)\n--\n\nReturn the cosine of x (measured in radians).",
    ),
    PyMethodDef::new(
        "cosh",
        PyCFunction::O(math_cosh),
        "cosh($module, x, /)\n--\n\nReturn the hyperbolic cosine of x.",
    ),
    PyMethodDef::new(
        "degrees",
        PyCFunction::O(math_degrees),
        "degrees($module, x, /)\n--\n\nConvert angle x from radians to degrees.",
    ),
    PyMethodDef::new(
        "dist",
        PyCFunction::Fast(math_dist),
        "dist($module, p, q, /)\n--\n\nReturn the Euclidean distance between two points p and q.\n\nThe points should be specified as sequences (or iterables) of\ncoordinates.  Both inputs must have the same dimension.\n\nRoughly equivalent to:\n    sqrt(sum((px - qx) ** 2.0 for px, qx in zip(p, q)))",
    ),
    PyMethodDef::new(
        "erf",
        PyCFunction::O(math_erf),
        "erf($module, x, /)\n--\n\nError function at x.",
    ),
    PyMethodDef::new(
        "erfc",
        PyCFunction::O(math_erfc),
        "erfc($module, x, /)\n--\n\nComplementary error function at x.",
    ),
    PyMethodDef::new(
        "exp",
        PyCFunction::O(math_exp),
        "exp($module, x, /)\n--\n\nReturn e raised to the power of x.",
    ),
    PyMethodDef::new(
        "exp2",
        PyCFunction::O(math_exp2),
        "exp2($module, x, /)\n--\n\nReturn 2 raised to the power of x.",
    ),
    PyMethodDef::new(
        "expm1",
        PyCFunction::O(math_expm1),
        "expm1($module, x, /)\n--\n\nReturn exp(x)-1.\n\nThis function avoids the loss of precision involved in the direct evaluation of exp(x)-1 for small x.",
    ),
    PyMethodDef::new(
        "fabs",
        PyCFunction::O(math_fabs),
        "fabs($module, x, /)\n--\n\nReturn the absolute value of the float x.",
    ),
    PyMethodDef::new(
        "factorial",
        PyCFunction::O(math_factorial),
        "factorial($module, n, /)\n--\n\nFind n!.\n\nRaise a ValueError if x is negative or non-integral.",
    ),
    PyMethodDef::new(
        "floor",
        PyCFunction::O(math_floor),
        "floor($module, x, /)\n--\n\nReturn the floor of x as an Integral.\n\nThis is the largest integer <= x.",
    ),
    PyMethodDef::new(
        "fmod",
        PyCFunction::Fast(math_fmod),
        "fmod($module, x, y, /)\n--\n\nReturn fmod(x, y), according to platform C.\n\nx % y may differ.",
    ),
    PyMethodDef::new(
        "frexp",
        PyCFunction::O(math_frexp),
        "frexp($module, x, /)\n--\n\nReturn the mantissa and exponent of x, as pair (m, e).\n\nm is a float and e is an int, such that x = m * 2.**e.\nIf x is 0, m and e are both 0.  Else 0.5 <= abs(m) < 1.0.",
    ),
    PyMethodDef::new(
        "fsum",
        PyCFunction::O(math_fsum),
        "fsum($module, seq, /)\n--\n\nReturn an accurate floating point sum of values in the iterable seq.\n\nAssumes IEEE-754 floating point arithmetic.",
    ),
    PyMethodDef::new(
        "gamma",
        PyCFunction::O(math_gamma),
        "gamma($module, x, /)\n--\n\nGamma function at x.",
    ),
    PyMethodDef::new(
        "gcd",
        PyCFunction::Fast(math_gcd),
        "gcd($module, *integers)\n--\n\nGreatest Common Divisor.",
    ),
    PyMethodDef::new(
        "hypot",
        PyCFunction::Fast(math_hypot),
        "hypot(*coordinates) -> value\n\nMultidimensional Euclidean distance from the origin to a point.\n\nRoughly equivalent to:\n    sqrt(sum(x**2 for x in coordinates))\n\nFor a two dimensional point (x, y), gives the hypotenuse\nusing the Pythagorean theorem:  sqrt(x*x + y*y).\n\nFor example, the hypotenuse of a 3/4/5 right triangle is:\n\n    >>> hypot(3.0, 4.0)\n    5.0\n",
    ),
    PyMethodDef::new(
        "isclose",
        PyCFunction::FastKw(math_isclose),
        "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\nDetermine whether two floating point numbers are close in value.\n\n  rel_tol\n    maximum difference for being considered \"close\", relative to the\n    magnitude of the input values\n  abs_tol\n    maximum difference for being considered \"close\", regardless of the\n    magnitude of the input values\n\nReturn True if a is close in value to b, and False otherwise.\n\nFor the values to be considered close, the difference between them\nmust be smaller than at least one of the tolerances.\n\n-inf, inf and NaN behave similarly to the IEEE 754 Standard.  That\nis, NaN is not close to anything, even itself.  inf and -inf are\nonly close to themselves.",
    ),
    PyMethodDef::new(
        "isfinite",
        PyCFunction::O(math_isfinite),
        "isfinite($module, x, /)\n--\n\nReturn True if x is neither an infinity nor a NaN, and False otherwise.",
    ),
    PyMethodDef::new(
        "isinf",
        PyCFunction::O(math_isinf),
        "isinf($module, x, /)\n--\n\nReturn True if x is a positive or negative infinity, and False otherwise.",
    ),
    PyMethodDef::new(
        "isnan",
        PyCFunction::O(math_isnan),
        "isnan($module, x, /)\n--\n\nReturn True if x is a NaN (not a number), and False otherwise.",
    ),
    PyMethodDef::new(
        "isqrt",
        PyCFunction::O(math_isqrt),
        "isqrt($module, n, /)\n--\n\nReturn the integer part of the square root of the input.",
    ),
    PyMethodDef::new(
        "lcm",
        PyCFunction::Fast(math_lcm),
        "lcm($module, *integers)\n--\n\nLeast Common Multiple.",
    ),
    PyMethodDef::new(
        "ldexp",
        PyCFunction::Fast(math_ldexp),
        "ldexp($module, x, i, /)\n--\n\nReturn x * (2**i).\n\nThis is essentially the inverse of frexp().",
    ),
    PyMethodDef::new(
        "lgamma",
        PyCFunction::O(math_lgamma),
        "lgamma($module, x, /)\n--\n\nNatural logarithm of absolute value of Gamma function at x.",
    ),
    PyMethodDef::new(
        "log",
        PyCFunction::Fast(math_log),
        "log(x, [base=math.e])\nReturn the logarithm of x to the given base.\n\nIf the base not specified, returns the natural logarithm (base e) of x.",
    ),
    PyMethodDef::new(
        "log10",
        PyCFunction::O(math_log10),
        "log10($module, x, /)\n--\n\nReturn the base 10 logarithm of x.",
    ),
    PyMethodDef::new(
        "log1p",
        PyCFunction::O(math_log1p),
        "log1p($module, x, /)\n--\n\nReturn the natural logarithm of 1+x (base e).\n\nThe result is computed in a way which is accurate for x near zero.",
    ),
    PyMethodDef::new(
        "log2",
        PyCFunction::O(math_log2),
        "log2($module, x, /)\n--\n\nReturn the base 2 logarithm of x.",
    ),
    PyMethodDef::new(
        "modf",
        PyCFunction::O(math_modf),
        "modf($module, x, /)\n--\n\nReturn the fractional and integer parts of x.\n\nBoth results carry the sign of x and are floats.",
    ),
    PyMethodDef::new(
        "nextafter",
        PyCFunction::Fast(math_nextafter),
        "nextafter($module, x, y, /)\n--\n\nReturn the next floating-point value after x towards y.",
    ),
    PyMethodDef::new(
        "perm",
        PyCFunction::Fast(math_perm),
        "perm($module, n, k=None, /)\n--\n\nNumber of ways to choose k items from n items without repetition and with order.\n\nEvaluates to n! / (n - k)! when k <= n and evaluates\nto zero when k > n.\n\nIf k is not specified or is None, then k defaults to n\nand the function returns n!.\n\nRaises TypeError if either of the arguments are not integers.\nRaises ValueError if either of the arguments are negative.",
    ),
    PyMethodDef::new(
        "pow",
        PyCFunction::Fast(math_pow),
        "pow($module, x, y, /)\n--\n\nReturn x**y (x to the power of y).",
    ),
    PyMethodDef::new(
        "prod",
        PyCFunction::FastKw(math_prod),
        "prod($module, iterable, /, *, start=1)\n--\n\nCalculate the product of all the elements in the input iterable.\n\nThe default start value for the product is 1.\n\nWhen the iterable is empty, return the start value.  This function is\nintended specifically for use with numeric values and may reject\nnon-numeric types.",
    ),
    PyMethodDef::new(
        "radians",
        PyCFunction::O(math_radians),
        "radians($module, x, /)\n--\n\nConvert angle x from degrees to radians.",
    ),
    PyMethodDef::new(
        "remainder",
        PyCFunction::Fast(math_remainder),
        "remainder($module, x, y, /)\n--\n\nDifference between x and the closest integer multiple of y.\n\nReturn x - n*y where n*y is the closest integer multiple of y.\nIn the case where x is exactly halfway between two multiples of\ny, the nearest even value of n is used. The result is always exact.",
    ),
    PyMethodDef::new(
        "sin",
        PyCFunction::O(math_sin),
        "sin($module, x, /)\n--\n\nReturn the sine of x (measured in radians).",
    ),
    PyMethodDef::new(
        "sinh",
        PyCFunction::O(math_sinh),
        "sinh($module, x, /)\n--\n\nReturn the hyperbolic sine of x.",
    ),
    PyMethodDef::new(
        "sqrt",
        PyCFunction::O(math_sqrt),
        "sqrt($module, x, /)\n--\n\nReturn the square root of x.",
    ),
    PyMethodDef::new(
        "tan",
        PyCFunction::O(math_tan),
        "tan($module, x, /)\n--\n\nReturn the tangent of x (measured in radians).",
    ),
    PyMethodDef::new(
        "tanh",
        PyCFunction::O(math_tanh),
        "tanh($module, x, /)\n--\n\nReturn the hyperbolic tangent of x.",
    ),
    PyMethodDef::new(
        "trunc",
        PyCFunction::O(math_trunc),
        "trunc($module, x, /)\n--\n\nTruncates the Real x to the nearest Integral toward 0.\n\nUses the __trunc__ magic method.",
    ),
    PyMethodDef::new(
        "ulp",
        PyCFunction::O(math_ulp),
        "ulp($module, x, /)\n--\n\nReturn the value of the least significant bit of the float x.",
    ),
];

/// Make the `math` module (`PyInit_math`, `math_exec`).
pub fn PyInit_math() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("math")?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString(
            "This module provides access to the mathematical functions\ndefined by the C standard.",
        ),
    )?;
    PyModule_AddFunctions(&m, &MATH_METHODS)?;
    PyModule_AddObject(&m, "pi", &PyFloat_FromDouble(PI))?;
    PyModule_AddObject(&m, "e", &PyFloat_FromDouble(std::f64::consts::E))?;
    PyModule_AddObject(&m, "tau", &PyFloat_FromDouble(std::f64::consts::TAU))?;
    PyModule_AddObject(&m, "inf", &PyFloat_FromDouble(f64::INFINITY))?;
    PyModule_AddObject(&m, "nan", &PyFloat_FromDouble(f64::NAN))?;
    Ok(m)
}
