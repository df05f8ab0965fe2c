//! The `cmath` module: mathematical functions of complex numbers. Mirrors
//! Modules/cmathmodule.c (CPython 3.11).
//!
//! Each function follows C99 Annex G: an infinite or NaN part is answered from a
//! 7x7 table of special values indexed by the kinds of the real and imaginary parts
//! (the tables here hold the values CPython 3.11 returns, read off it); finite
//! arguments are computed with CPython's formulas, including its rescaling to avoid
//! spurious overflow and underflow. A result flagged "invalid" or "divide by zero"
//! raises ValueError("math domain error"), an overflow OverflowError("math range
//! error").
//!
//! Differences from CPython: `errno` is a value returned with each result.

use include::methodobject::{PyCFunction, PyMethodDef};

use objects::boolobject::PyBool_FromLong;
use objects::complexobject::{
    _Py_c_abs, _Py_c_diff, _Py_c_quot, PyComplex_AsCComplex, PyComplex_FromCComplex, Py_complex,
};
use objects::floatobject::{PyFloat_AsDouble, PyFloat_FromDouble};
use objects::getargs::{check_positional, unpack_keywords, ArgSpec};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::prelude::*;
use objects::tupleobject::PyTuple_New;
use objects::unicodeobject::PyUnicode_FromString;

use crate::mathmodule::libm;
use crate::mathmodule::m_log1p;

const P: f64 = std::f64::consts::PI;
const P14: f64 = 0.25 * std::f64::consts::PI;
const P12: f64 = 0.5 * std::f64::consts::PI;
const P34: f64 = 0.75 * std::f64::consts::PI;
const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
const M_LN2: f64 = std::f64::consts::LN_2;
const M_LN10: f64 = std::f64::consts::LN_10;
const DBL_MANT_DIG: i32 = 53;
/// Multiplying by 2**CM_SCALE_UP turns a subnormal into a normal number.
const CM_SCALE_UP: i32 = 2 * (DBL_MANT_DIG / 2) + 1;
const CM_SCALE_DOWN: i32 = -(CM_SCALE_UP + 1) / 2;

/// `CM_LARGE_DOUBLE`: above this, the formulas would overflow spuriously.
fn cm_large_double() -> f64 {
    f64::MAX / 4.0
}

fn cm_sqrt_large_double() -> f64 {
    cm_large_double().sqrt()
}

fn cm_log_large_double() -> f64 {
    libm::log(cm_large_double())
}

fn cm_sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

/// `errno` after a computation: none, `EDOM` or `ERANGE` (C's names kept).
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    Ok,
    EDOM,
    ERANGE,
}

/// `special_type`: which of the seven kinds a double is.
fn special_type(d: f64) -> usize {
    if d.is_finite() {
        let positive = 1.0f64.copysign(d) == 1.0;
        if d != 0.0 {
            if positive {
                4
            } else {
                1
            }
        } else if positive {
            3
        } else {
            2
        }
    } else if d.is_nan() {
        6
    } else if 1.0f64.copysign(d) == 1.0 {
        5
    } else {
        0
    }
}

fn c(re: f64, im: f64) -> Py_complex {
    Py_complex { re, im }
}

/// `SPECIAL_VALUE`: the table's answer when a part is infinite or NaN.
fn special_value(z: Py_complex, table: &[[(f64, f64); 7]; 7]) -> Option<(Py_complex, Errno)> {
    if !z.re.is_finite() || !z.im.is_finite() {
        let (re, im) = table[special_type(z.re)][special_type(z.im)];
        return Some((c(re, im), Errno::Ok));
    }
    None
}

/// `acos_special_values`, rows by the real part's kind, columns by the imaginary part's
/// (-inf, negative, -0, +0, positive, +inf, nan).
static ACOS_SPECIAL_VALUES: [[(f64, f64); 7]; 7] = [
    [
        (P34, INF),
        (P, INF),
        (P, INF),
        (P, -INF),
        (P, -INF),
        (P34, -INF),
        (N, INF),
    ],
    [
        (P12, INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (P12, -INF),
        (N, N),
    ],
    [
        (P12, INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (P12, -INF),
        (P12, N),
    ],
    [
        (P12, INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (P12, -INF),
        (P12, N),
    ],
    [
        (P12, INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (P12, -INF),
        (N, N),
    ],
    [
        (P14, INF),
        (0.0, INF),
        (0.0, INF),
        (0.0, -INF),
        (0.0, -INF),
        (P14, -INF),
        (N, INF),
    ],
    [(N, INF), (N, N), (N, N), (N, N), (N, N), (N, -INF), (N, N)],
];

/// `acosh_special_values`, rows by the real part's kind, columns by the imaginary part's
/// (-inf, negative, -0, +0, positive, +inf, nan).
static ACOSH_SPECIAL_VALUES: [[(f64, f64); 7]; 7] = [
    [
        (INF, -P34),
        (INF, -P),
        (INF, -P),
        (INF, P),
        (INF, P),
        (INF, P34),
        (INF, N),
    ],
    [
        (INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P14),
        (INF, -0.0),
        (INF, -0.0),
        (INF, 0.0),
        (INF, 0.0),
        (INF, P14),
        (INF, N),
    ],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];

/// `asinh_special_values`, rows by the real part's kind, columns by the imaginary part's
/// (-inf, negative, -0, +0, positive, +inf, nan).
static ASINH_SPECIAL_VALUES: [[(f64, f64); 7]; 7] = [
    [
        (-INF, -P14),
        (-INF, -0.0),
        (-INF, -0.0),
        (-INF, 0.0),
        (-INF, 0.0),
        (-INF, P14),
        (-INF, N),
    ],
    [
        (-INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (-INF, P12),
        (N, N),
    ],
    [
        (-INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (-INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P14),
        (INF, -0.0),
        (INF, -0.0),
        (INF, 0.0),
        (INF, 0.0),
        (INF, P14),
        (INF, N),
    ],
    [
        (INF, N),
        (N, N),
        (N, -0.0),
        (N, 0.0),
        (N, N),
        (INF, N),
        (N, N),
    ],
];

/// `atanh_special_values`, rows by the real part's kind, columns by the imaginary part's
/// (-inf, negative, -0, +0, positive, +inf, nan).
static ATANH_SPECIAL_VALUES: [[(f64, f64); 7]; 7] = [
    [
        (-0.0, -P12),
        (-0.0, -P12),
        (-0.0, -P12),
        (-0.0, P12),
        (-0.0, P12),
        (-0.0, P12),
        (-0.0, N),
    ],
    [
        (-0.0, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (-0.0, P12),
        (N, N),
    ],
    [
        (-0.0, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (-0.0, P12),
        (-0.0, N),
    ],
    [
        (0.0, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0.0, P12),
        (0.0, N),
    ],
    [
        (0.0, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0.0, P12),
        (N, N),
    ],
    [
        (0.0, -P12),
        (0.0, -P12),
        (0.0, -P12),
        (0.0, P12),
        (0.0, P12),
        (0.0, P12),
        (0.0, N),
    ],
    [
        (0.0, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0.0, P12),
        (N, N),
    ],
];

/// `cosh_special_values`, rows by the real part's kind, columns by the imaginary part's
/// (-inf, negative, -0, +0, positive, +inf, nan).
static COSH_SPECIAL_VALUES: [[(f64, f64); 7]; 7] = [
    [
        (N, N),
        (-INF, INF),
        (INF, 0.0),
        (INF, -0.0),
        (-INF, -INF),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, 0.0)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, 0.0)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (N, N),
        (-INF, -INF),
        (INF, -0.0),
        (INF, 0.0),
        (-INF, INF),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, 0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];

/// `exp_special_values`, rows by the real part's kind, columns by the imaginary part's
/// (-inf, negative, -0, +0, positive, +inf, nan).
static EXP_SPECIAL_VALUES: [[(f64, f64); 7]; 7] = [
    [
        (0.0, 0.0),
        (-0.0, -0.0),
        (0.0, -0.0),
        (0.0, 0.0),
        (-0.0, 0.0),
        (0.0, 0.0),
        (0.0, 0.0),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (N, N),
        (-INF, -INF),
        (INF, -0.0),
        (INF, 0.0),
        (-INF, INF),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];

/// `log_special_values`, rows by the real part's kind, columns by the imaginary part's
/// (-inf, negative, -0, +0, positive, +inf, nan).
static LOG_SPECIAL_VALUES: [[(f64, f64); 7]; 7] = [
    [
        (INF, -P34),
        (INF, -P),
        (INF, -P),
        (INF, P),
        (INF, P),
        (INF, P34),
        (INF, N),
    ],
    [
        (INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P14),
        (INF, -0.0),
        (INF, -0.0),
        (INF, 0.0),
        (INF, 0.0),
        (INF, P14),
        (INF, N),
    ],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];

/// `sinh_special_values`, rows by the real part's kind, columns by the imaginary part's
/// (-inf, negative, -0, +0, positive, +inf, nan).
static SINH_SPECIAL_VALUES: [[(f64, f64); 7]; 7] = [
    [
        (N, N),
        (INF, -INF),
        (-INF, -0.0),
        (-INF, 0.0),
        (INF, INF),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (0.0, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (0.0, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (N, N),
        (-INF, -INF),
        (INF, -0.0),
        (INF, 0.0),
        (-INF, INF),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];

/// `sqrt_special_values`, rows by the real part's kind, columns by the imaginary part's
/// (-inf, negative, -0, +0, positive, +inf, nan).
static SQRT_SPECIAL_VALUES: [[(f64, f64); 7]; 7] = [
    [
        (INF, -INF),
        (0.0, -INF),
        (0.0, -INF),
        (0.0, INF),
        (0.0, INF),
        (INF, INF),
        (N, INF),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (INF, -0.0),
        (INF, -0.0),
        (INF, 0.0),
        (INF, 0.0),
        (INF, INF),
        (INF, N),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
];

/// `tanh_special_values`, rows by the real part's kind, columns by the imaginary part's
/// (-inf, negative, -0, +0, positive, +inf, nan).
static TANH_SPECIAL_VALUES: [[(f64, f64); 7]; 7] = [
    [
        (-1.0, 0.0),
        (-1.0, 0.0),
        (-1.0, -0.0),
        (-1.0, 0.0),
        (-1.0, -0.0),
        (-1.0, 0.0),
        (-1.0, 0.0),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (1.0, 0.0),
        (1.0, 0.0),
        (1.0, -0.0),
        (1.0, 0.0),
        (1.0, -0.0),
        (1.0, 0.0),
        (1.0, 0.0),
    ],
    [(N, N), (N, N), (N, -0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];

/// `rect_special_values`, rows by the real part's kind, columns by the imaginary part's
/// (-inf, negative, -0, +0, positive, +inf, nan).
static RECT_SPECIAL_VALUES: [[(f64, f64); 7]; 7] = [
    [
        (N, N),
        (INF, INF),
        (-INF, 0.0),
        (-INF, -0.0),
        (INF, -INF),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (0.0, 0.0),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0.0, 0.0),
        (0.0, 0.0),
    ],
    [
        (0.0, 0.0),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0.0, 0.0),
        (0.0, 0.0),
    ],
    [(N, N), (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)],
    [
        (N, N),
        (-INF, -INF),
        (INF, -0.0),
        (INF, 0.0),
        (-INF, INF),
        (N, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, 0.0), (N, 0.0), (N, N), (N, N), (N, N)],
];

/// `cmath_acos_impl`.
fn c_acos(z: Py_complex) -> (Py_complex, Errno) {
    if let Some(r) = special_value(z, &ACOS_SPECIAL_VALUES) {
        return r;
    }
    let r = if z.re.abs() > cm_large_double() || z.im.abs() > cm_large_double() {
        // Avoid spurious overflow for large arguments.
        c(
            libm::atan2(z.im.abs(), z.re),
            -(libm::log(libm::hypot(z.re / 2.0, z.im / 2.0)) + M_LN2 * 2.0).copysign(z.im),
        )
    } else {
        let s1 = c_sqrt(c(1.0 - z.re, -z.im)).0;
        let s2 = c_sqrt(c(1.0 + z.re, z.im)).0;
        c(
            2.0 * libm::atan2(s1.re, s2.re),
            libm::asinh(s2.re * s1.im - s2.im * s1.re),
        )
    };
    (r, Errno::Ok)
}

/// `cmath_acosh_impl`.
fn c_acosh(z: Py_complex) -> (Py_complex, Errno) {
    if let Some(r) = special_value(z, &ACOSH_SPECIAL_VALUES) {
        return r;
    }
    let r = if z.re.abs() > cm_large_double() || z.im.abs() > cm_large_double() {
        c(
            libm::log(libm::hypot(z.re / 2.0, z.im / 2.0)) + M_LN2 * 2.0,
            libm::atan2(z.im, z.re),
        )
    } else {
        let s1 = c_sqrt(c(z.re - 1.0, z.im)).0;
        let s2 = c_sqrt(c(z.re + 1.0, z.im)).0;
        c(
            libm::asinh(s1.re * s2.re + s1.im * s2.im),
            2.0 * libm::atan2(s1.im, s2.re),
        )
    };
    (r, Errno::Ok)
}

/// `cmath_asin_impl`: asin(z) = -i asinh(iz).
fn c_asin(z: Py_complex) -> (Py_complex, Errno) {
    let (s, e) = c_asinh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

/// `cmath_asinh_impl`.
fn c_asinh(z: Py_complex) -> (Py_complex, Errno) {
    if let Some(r) = special_value(z, &ASINH_SPECIAL_VALUES) {
        return r;
    }
    let r = if z.re.abs() > cm_large_double() || z.im.abs() > cm_large_double() {
        let l = libm::log(libm::hypot(z.re / 2.0, z.im / 2.0)) + M_LN2 * 2.0;
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        c(re, libm::atan2(z.im, z.re.abs()))
    } else {
        let s1 = c_sqrt(c(1.0 + z.im, -z.re)).0;
        let s2 = c_sqrt(c(1.0 - z.im, z.re)).0;
        c(
            libm::asinh(s1.re * s2.im - s2.re * s1.im),
            libm::atan2(z.im, s1.re * s2.re - s1.im * s2.im),
        )
    };
    (r, Errno::Ok)
}

/// `cmath_atan_impl`: atan(z) = -i atanh(iz).
fn c_atan(z: Py_complex) -> (Py_complex, Errno) {
    let (s, e) = c_atanh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

/// `cmath_atanh_impl`.
fn c_atanh(z: Py_complex) -> (Py_complex, Errno) {
    if let Some(r) = special_value(z, &ATANH_SPECIAL_VALUES) {
        return r;
    }
    // Reduce to z.re >= 0 with atanh(z) = -atanh(-z).
    if z.re < 0.0 {
        let (r, e) = c_atanh(c(-z.re, -z.im));
        return (c(-r.re, -r.im), e);
    }
    let ay = z.im.abs();
    if z.re > cm_sqrt_large_double() || ay > cm_sqrt_large_double() {
        // atanh(z) is about 1/z +/- i*pi/2 for large |z|.
        let h = libm::hypot(z.re / 2.0, z.im / 2.0);
        return (c(z.re / 4.0 / h / h, (P / 2.0).copysign(z.im)), Errno::Ok);
    }
    if z.re == 1.0 && ay < cm_sqrt_dbl_min() {
        // C99: atanh(1 +/- 0i) is inf +/- 0i, a divide-by-zero.
        if ay == 0.0 {
            return (c(INF, z.im), Errno::EDOM);
        }
        return (
            c(
                -libm::log(ay.sqrt() / libm::hypot(ay, 2.0).sqrt()),
                (libm::atan2(2.0, -ay) / 2.0).copysign(z.im),
            ),
            Errno::Ok,
        );
    }
    (
        c(
            m_log1p(4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)) / 4.0,
            -libm::atan2(-2.0 * z.im, (1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0,
        ),
        Errno::Ok,
    )
}

/// `cmath_cos_impl`: cos(z) = cosh(iz).
fn c_cos(z: Py_complex) -> (Py_complex, Errno) {
    c_cosh(c(-z.im, z.re))
}

/// `cmath_cosh_impl`.
fn c_cosh(z: Py_complex) -> (Py_complex, Errno) {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(libm::cos(z.im)), INF.copysign(libm::sin(z.im)))
            } else {
                c(
                    INF.copysign(libm::cos(z.im)),
                    -INF.copysign(libm::sin(z.im)),
                )
            }
        } else {
            let (re, im) = COSH_SPECIAL_VALUES[special_type(z.re)][special_type(z.im)];
            c(re, im)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() {
            Errno::EDOM
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re.abs() > cm_log_large_double() {
        // cosh(z.re) overflows where cosh(z) may not.
        let x_minus_one = z.re - 1.0f64.copysign(z.re);
        c(
            libm::cos(z.im) * libm::cosh(x_minus_one) * std::f64::consts::E,
            libm::sin(z.im) * libm::sinh(x_minus_one) * std::f64::consts::E,
        )
    } else {
        c(
            libm::cos(z.im) * libm::cosh(z.re),
            libm::sin(z.im) * libm::sinh(z.re),
        )
    };
    (r, overflow_errno(r))
}

/// ERANGE when a part of the result overflowed.
fn overflow_errno(r: Py_complex) -> Errno {
    if r.re.is_infinite() || r.im.is_infinite() {
        Errno::ERANGE
    } else {
        Errno::Ok
    }
}

/// `cmath_exp_impl`.
fn c_exp(z: Py_complex) -> (Py_complex, Errno) {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(libm::cos(z.im)), INF.copysign(libm::sin(z.im)))
            } else {
                c(
                    0.0f64.copysign(libm::cos(z.im)),
                    0.0f64.copysign(libm::sin(z.im)),
                )
            }
        } else {
            let (re, im) = EXP_SPECIAL_VALUES[special_type(z.re)][special_type(z.im)];
            c(re, im)
        };
        let e = if z.im.is_infinite() && (z.re.is_finite() || (z.re.is_infinite() && z.re > 0.0)) {
            Errno::EDOM
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re > cm_log_large_double() {
        let l = libm::exp(z.re - 1.0);
        c(
            l * libm::cos(z.im) * std::f64::consts::E,
            l * libm::sin(z.im) * std::f64::consts::E,
        )
    } else {
        let l = libm::exp(z.re);
        c(l * libm::cos(z.im), l * libm::sin(z.im))
    };
    (r, overflow_errno(r))
}

/// `c_log`: log with rescaling near the ends of the float range and log1p near 1.
fn c_log(z: Py_complex) -> (Py_complex, Errno) {
    if let Some(r) = special_value(z, &LOG_SPECIAL_VALUES) {
        return r;
    }
    let ax = z.re.abs();
    let ay = z.im.abs();
    let re = if ax > cm_large_double() || ay > cm_large_double() {
        libm::log(libm::hypot(ax / 2.0, ay / 2.0)) + M_LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // hypot(ax, ay) would be subnormal: scale up first.
            libm::log(libm::hypot(
                libm::ldexp(ax, DBL_MANT_DIG),
                libm::ldexp(ay, DBL_MANT_DIG),
            )) - f64::from(DBL_MANT_DIG) * M_LN2
        } else {
            // log(+/-0 +/- 0i).
            return (c(-INF, libm::atan2(z.im, z.re)), Errno::EDOM);
        }
    } else {
        let h = libm::hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let am = if ax > ay { ax } else { ay };
            let an = if ax > ay { ay } else { ax };
            m_log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            libm::log(h)
        }
    };
    (c(re, libm::atan2(z.im, z.re)), Errno::Ok)
}

/// `cmath_log10_impl`.
fn c_log10(z: Py_complex) -> (Py_complex, Errno) {
    let (r, e) = c_log(z);
    (c(r.re / M_LN10, r.im / M_LN10), e)
}

/// `cmath_sin_impl`: sin(z) = -i sinh(iz).
fn c_sin(z: Py_complex) -> (Py_complex, Errno) {
    let (s, e) = c_sinh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

/// `cmath_sinh_impl`.
fn c_sinh(z: Py_complex) -> (Py_complex, Errno) {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(libm::cos(z.im)), INF.copysign(libm::sin(z.im)))
            } else {
                c(
                    -INF.copysign(libm::cos(z.im)),
                    INF.copysign(libm::sin(z.im)),
                )
            }
        } else {
            let (re, im) = SINH_SPECIAL_VALUES[special_type(z.re)][special_type(z.im)];
            c(re, im)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() {
            Errno::EDOM
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re.abs() > cm_log_large_double() {
        let x_minus_one = z.re - 1.0f64.copysign(z.re);
        c(
            libm::cos(z.im) * libm::sinh(x_minus_one) * std::f64::consts::E,
            libm::sin(z.im) * libm::cosh(x_minus_one) * std::f64::consts::E,
        )
    } else {
        c(
            libm::cos(z.im) * libm::sinh(z.re),
            libm::sin(z.im) * libm::cosh(z.re),
        )
    };
    (r, overflow_errno(r))
}

/// `cmath_sqrt_impl`: s = sqrt((x + hypot(x, y))/2), computed as
/// 2*sqrt(x/8 + hypot(x/8, y/8)) to avoid overflow, with subnormal arguments scaled
/// up first.
fn c_sqrt(z: Py_complex) -> (Py_complex, Errno) {
    if let Some(r) = special_value(z, &SQRT_SPECIAL_VALUES) {
        return r;
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), Errno::Ok);
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = libm::ldexp(ax, CM_SCALE_UP);
        libm::ldexp(
            (ax + libm::hypot(ax, libm::ldexp(ay, CM_SCALE_UP))).sqrt(),
            CM_SCALE_DOWN,
        )
    } else {
        ax /= 8.0;
        2.0 * (ax + libm::hypot(ax, ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 {
        c(s, d.copysign(z.im))
    } else {
        c(d, s.copysign(z.im))
    };
    (r, Errno::Ok)
}

/// `cmath_tan_impl`: tan(z) = -i tanh(iz).
fn c_tan(z: Py_complex) -> (Py_complex, Errno) {
    let (s, e) = c_tanh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

/// `cmath_tanh_impl`: (tanh(x)(1+tan(y)^2) + i tan(y)(1-tanh(x)^2)) /
/// (1 + tan(y)^2 tanh(x)^2), with 1-tanh(x)^2 as 1/cosh(x)^2.
fn c_tanh(z: Py_complex) -> (Py_complex, Errno) {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0.0f64.copysign(2.0 * libm::sin(z.im) * libm::cos(z.im));
            if z.re > 0.0 {
                c(1.0, im)
            } else {
                c(-1.0, im)
            }
        } else {
            let (re, im) = TANH_SPECIAL_VALUES[special_type(z.re)][special_type(z.im)];
            c(re, im)
        };
        let e = if z.im.is_infinite() && z.re.is_finite() {
            Errno::EDOM
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re.abs() > cm_log_large_double() {
        c(
            1.0f64.copysign(z.re),
            4.0 * libm::sin(z.im) * libm::cos(z.im) * libm::exp(-2.0 * z.re.abs()),
        )
    } else {
        let tx = libm::tanh(z.re);
        let ty = libm::tan(z.im);
        let cx = 1.0 / libm::cosh(z.re);
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

/// `math_error`.
fn math_error(e: Errno) -> PyErr {
    if e == Errno::EDOM {
        value_error("math domain error")
    } else {
        overflow_error("math range error")
    }
}

/// The `Py_complex_protected` wrapper of the one-argument functions.
fn cmath_1(arg: &PyObject, f: fn(Py_complex) -> (Py_complex, Errno)) -> PyResult {
    let z = PyComplex_AsCComplex(arg)?;
    let (r, e) = f(z);
    if e != Errno::Ok {
        return Err(math_error(e));
    }
    Ok(PyComplex_FromCComplex(r))
}

macro_rules! CMATH_FUNC1 {
    ($name:ident, $func:ident) => {
        fn $name(_m: &PyObject, arg: &PyObject) -> PyResult {
            cmath_1(arg, $func)
        }
    };
}

CMATH_FUNC1!(cmath_acos, c_acos);
CMATH_FUNC1!(cmath_acosh, c_acosh);
CMATH_FUNC1!(cmath_asin, c_asin);
CMATH_FUNC1!(cmath_asinh, c_asinh);
CMATH_FUNC1!(cmath_atan, c_atan);
CMATH_FUNC1!(cmath_atanh, c_atanh);
CMATH_FUNC1!(cmath_cos, c_cos);
CMATH_FUNC1!(cmath_cosh, c_cosh);
CMATH_FUNC1!(cmath_exp, c_exp);
CMATH_FUNC1!(cmath_log10, c_log10);
CMATH_FUNC1!(cmath_sin, c_sin);
CMATH_FUNC1!(cmath_sinh, c_sinh);
CMATH_FUNC1!(cmath_sqrt, c_sqrt);
CMATH_FUNC1!(cmath_tan, c_tan);
CMATH_FUNC1!(cmath_tanh, c_tanh);

/// `cmath.log(z[, base])`. As in C, `errno` is whatever the last step left: the
/// log of the base resets it, and only a zero divisor sets it again.
fn cmath_log(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("log", args.len(), 1, 2)?;
    let z = PyComplex_AsCComplex(&args[0])?;
    let (mut x, mut errno) = c_log(z);
    if let Some(base) = args.get(1) {
        let y = PyComplex_AsCComplex(base)?;
        let (y, e) = c_log(y);
        errno = e;
        let (q, err) = _Py_c_quot(x, y);
        x = q;
        if err.is_some() {
            errno = Errno::EDOM;
        }
    }
    if errno != Errno::Ok {
        return Err(math_error(errno));
    }
    Ok(PyComplex_FromCComplex(x))
}

/// `cmath.phase(z, /)`. glibc's `atan2` reports an underflow to zero (a nonzero
/// `y` over a finite `x`) as ERANGE, which CPython turns into OverflowError.
fn cmath_phase(_m: &PyObject, arg: &PyObject) -> PyResult {
    let z = PyComplex_AsCComplex(arg)?;
    let phi = libm::atan2(z.im, z.re);
    if phi == 0.0 && z.im != 0.0 && z.re.is_finite() {
        return Err(math_error(Errno::ERANGE));
    }
    Ok(PyFloat_FromDouble(phi))
}

/// `cmath.polar(z, /)`: (abs(z), phase(z)).
fn cmath_polar(_m: &PyObject, arg: &PyObject) -> PyResult {
    let z = PyComplex_AsCComplex(arg)?;
    let phi = libm::atan2(z.im, z.re);
    let (r, err) = _Py_c_abs(z);
    if err.is_some() {
        return Err(math_error(Errno::ERANGE));
    }
    Ok(PyTuple_New(vec![PyFloat_FromDouble(r), PyFloat_FromDouble(phi)]).into_object())
}

/// `cmath.rect(r, phi, /)`: r * (cos(phi) + i sin(phi)), special values in the
/// spirit of C99 (rect(x, t) behaves as exp(log(x) + it)).
fn cmath_rect(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("rect", args.len(), 2, 2)?;
    let r = PyFloat_AsDouble(&args[0])?;
    let phi = PyFloat_AsDouble(&args[1])?;
    let mut errno = Errno::Ok;
    let z = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            if r > 0.0 {
                c(INF.copysign(libm::cos(phi)), INF.copysign(libm::sin(phi)))
            } else {
                c(-INF.copysign(libm::cos(phi)), -INF.copysign(libm::sin(phi)))
            }
        } else {
            let (re, im) = RECT_SPECIAL_VALUES[special_type(r)][special_type(phi)];
            c(re, im)
        };
        if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            errno = Errno::EDOM;
        }
        z
    } else if phi == 0.0 {
        // Keep the sign of a zero phi in the imaginary part.
        c(r, r * phi)
    } else {
        c(r * libm::cos(phi), r * libm::sin(phi))
    };
    if errno != Errno::Ok {
        return Err(math_error(errno));
    }
    Ok(PyComplex_FromCComplex(z))
}

/// `cmath.isfinite(z, /)`.
fn cmath_isfinite(_m: &PyObject, arg: &PyObject) -> PyResult {
    let z = PyComplex_AsCComplex(arg)?;
    Ok(PyBool_FromLong(z.re.is_finite() && z.im.is_finite()))
}

/// `cmath.isnan(z, /)`.
fn cmath_isnan(_m: &PyObject, arg: &PyObject) -> PyResult {
    let z = PyComplex_AsCComplex(arg)?;
    Ok(PyBool_FromLong(z.re.is_nan() || z.im.is_nan()))
}

/// `cmath.isinf(z, /)`.
fn cmath_isinf(_m: &PyObject, arg: &PyObject) -> PyResult {
    let z = PyComplex_AsCComplex(arg)?;
    Ok(PyBool_FromLong(z.re.is_infinite() || z.im.is_infinite()))
}

/// `cmath.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn cmath_isclose(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
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
    let za = PyComplex_AsCComplex(a[0].as_ref().unwrap_or(&args[0]))?;
    let zb = PyComplex_AsCComplex(a[1].as_ref().unwrap_or(&args[0]))?;
    let double = |o: &Option<PyObjectRef>, default: f64| -> PyResult<f64> {
        match o {
            Some(o) => PyFloat_AsDouble(o),
            None => Ok(default),
        }
    };
    let rel_tol = double(&a[2], 1e-09)?;
    let abs_tol = double(&a[3], 0.0)?;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if za.re == zb.re && za.im == zb.im {
        return Ok(PyBool_FromLong(true));
    }
    if za.re.is_infinite() || za.im.is_infinite() || zb.re.is_infinite() || zb.im.is_infinite() {
        return Ok(PyBool_FromLong(false));
    }
    let diff = _Py_c_abs(_Py_c_diff(za, zb)).0;
    Ok(PyBool_FromLong(
        diff <= rel_tol * _Py_c_abs(zb).0 || diff <= rel_tol * _Py_c_abs(za).0 || diff <= abs_tol,
    ))
}

static CMATH_METHODS: [PyMethodDef; 23] = [
    PyMethodDef::new(
        "acos",
        PyCFunction::O(cmath_acos),
        "acos($module, z, /)\n--\n\nReturn the arc cosine of z.",
    ),
    PyMethodDef::new(
        "acosh",
        PyCFunction::O(cmath_acosh),
        "acosh($module, z, /)\n--\n\nReturn the inverse hyperbolic cosine of z.",
    ),
    PyMethodDef::new(
        "asin",
        PyCFunction::O(cmath_asin),
        "asin($module, z, /)\n--\n\nReturn the arc sine of z.",
    ),
    PyMethodDef::new(
        "asinh",
        PyCFunction::O(cmath_asinh),
        "asinh($module, z, /)\n--\n\nReturn the inverse hyperbolic sine of z.",
    ),
    PyMethodDef::new(
        "atan",
        PyCFunction::O(cmath_atan),
        "atan($module, z, /)\n--\n\nReturn the arc tangent of z.",
    ),
    PyMethodDef::new(
        "atanh",
        PyCFunction::O(cmath_atanh),
        "atanh($module, z, /)\n--\n\nReturn the inverse hyperbolic tangent of z.",
    ),
    PyMethodDef::new(
        "cos",
        PyCFunction::O(cmath_cos),
        "cos($module, z, /)\n--\n\nReturn the cosine of z.",
    ),
    PyMethodDef::new(
        "cosh",
        PyCFunction::O(cmath_cosh),
        "cosh($module, z, /)\n--\n\nReturn the hyperbolic cosine of z.",
    ),
    PyMethodDef::new(
        "exp",
        PyCFunction::O(cmath_exp),
        "exp($module, z, /)\n--\n\nReturn the exponential value e**z.",
    ),
    PyMethodDef::new(
        "isclose",
        PyCFunction::FastKw(cmath_isclose),
        "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\nDetermine whether two complex numbers are close in value.\n\n  rel_tol\n    maximum difference for being considered \"close\", relative to the\n    magnitude of the input values\n  abs_tol\n    maximum difference for being considered \"close\", regardless of the\n    magnitude of the input values\n\nReturn True if a is close in value to b, and False otherwise.\n\nFor the values to be considered close, the difference between them must be\nsmaller than at least one of the tolerances.\n\n-inf, inf and NaN behave similarly to the IEEE 754 Standard. That is, NaN is\nnot close to anything, even itself. inf and -inf are only close to themselves.",
    ),
    PyMethodDef::new(
        "isfinite",
        PyCFunction::O(cmath_isfinite),
        "isfinite($module, z, /)\n--\n\nReturn True if both the real and imaginary parts of z are finite, else False.",
    ),
    PyMethodDef::new(
        "isinf",
        PyCFunction::O(cmath_isinf),
        "isinf($module, z, /)\n--\n\nChecks if the real or imaginary part of z is infinite.",
    ),
    PyMethodDef::new(
        "isnan",
        PyCFunction::O(cmath_isnan),
        "isnan($module, z, /)\n--\n\nChecks if the real or imaginary part of z not a number (NaN).",
    ),
    PyMethodDef::new(
        "log",
        PyCFunction::Fast(cmath_log),
        "log($module, z, base=<unrepresentable>, /)\n--\n\nlog(z[, base]) -> the logarithm of z to the given base.\n\nIf the base is not specified, returns the natural logarithm (base e) of z.",
    ),
    PyMethodDef::new(
        "log10",
        PyCFunction::O(cmath_log10),
        "log10($module, z, /)\n--\n\nReturn the base-10 logarithm of z.",
    ),
    PyMethodDef::new(
        "phase",
        PyCFunction::O(cmath_phase),
        "phase($module, z, /)\n--\n\nReturn argument, also known as the phase angle, of a complex.",
    ),
    PyMethodDef::new(
        "polar",
        PyCFunction::O(cmath_polar),
        "polar($module, z, /)\n--\n\nConvert a complex from rectangular coordinates to polar coordinates.\n\nr is the distance from 0 and phi the phase angle.",
    ),
    PyMethodDef::new(
        "rect",
        PyCFunction::Fast(cmath_rect),
        "rect($module, r, phi, /)\n--\n\nConvert from polar coordinates to rectangular coordinates.",
    ),
    PyMethodDef::new(
        "sin",
        PyCFunction::O(cmath_sin),
        "sin($module, z, /)\n--\n\nReturn the sine of z.",
    ),
    PyMethodDef::new(
        "sinh",
        PyCFunction::O(cmath_sinh),
        "sinh($module, z, /)\n--\n\nReturn the hyperbolic sine of z.",
    ),
    PyMethodDef::new(
        "sqrt",
        PyCFunction::O(cmath_sqrt),
        "sqrt($module, z, /)\n--\n\nReturn the square root of z.",
    ),
    PyMethodDef::new(
        "tan",
        PyCFunction::O(cmath_tan),
        "tan($module, z, /)\n--\n\nReturn the tangent of z.",
    ),
    PyMethodDef::new(
        "tanh",
        PyCFunction::O(cmath_tanh),
        "tanh($module, z, /)\n--\n\nReturn the hyperbolic tangent of z.",
    ),
];

/// Make the `cmath` module (`PyInit_cmath`).
pub fn PyInit_cmath() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("cmath")?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString(
            "This module provides access to mathematical functions for complex\nnumbers.",
        ),
    )?;
    PyModule_AddFunctions(&m, &CMATH_METHODS)?;
    PyModule_AddObject(&m, "pi", &PyFloat_FromDouble(P))?;
    PyModule_AddObject(&m, "e", &PyFloat_FromDouble(std::f64::consts::E))?;
    PyModule_AddObject(&m, "tau", &PyFloat_FromDouble(std::f64::consts::TAU))?;
    PyModule_AddObject(&m, "inf", &PyFloat_FromDouble(INF))?;
    PyModule_AddObject(&m, "infj", &PyComplex_FromCComplex(c(0.0, INF)))?;
    PyModule_AddObject(&m, "nan", &PyFloat_FromDouble(N))?;
    PyModule_AddObject(&m, "nanj", &PyComplex_FromCComplex(c(0.0, N)))?;
    Ok(m)
}
