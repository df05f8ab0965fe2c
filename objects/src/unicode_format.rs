//! String formatting: the `%` operator of `str` (`PyUnicode_Format` in
//! Objects/unicodeobject.c) and `str.format` / `str.format_map` with the `_string`
//! helpers (Objects/stringlib/unicode_format.h), CPython 3.11.
//!
//! The numeric conversions shared with `bytes % args` (Objects/bytesobject.c) live
//! here too: [`format_long`] (`_PyUnicode_FormatLong`), [`double_to_string`]
//! (`PyOS_double_to_string` of Python/pystrtod.c) and the padding logic.
//!
//! Differences from CPython:
//! - The `%` parser walks the format with one index rather than CPython's paired
//!   position/count variables; the accepted language and the errors are the same.
//! - `formatter_parser` and `formatter_field_name_split` return their items eagerly
//!   (a `Vec`) instead of lazy iterator objects, so a malformed format string raises
//!   when the helper is called rather than when iteration reaches the bad field.

use crate::call::kwnames_slice;
use crate::object::{PyObject_ASCII, PyObject_Repr, PyObject_Str, Py_None};
use crate::prelude::*;
use crate::r#abstract::{
    PyMapping_Check, PyNumber_Check, PyNumber_Index, PyNumber_Long, PyObject_GetItem,
    PySequence_Check, PySequence_GetItem,
};
use crate::tupleobject::PyTupleObject;
use crate::unicodectype as uc;
use crate::unicodeobject::{
    _PyUnicodeWriter, PyUnicodeObject, PyUnicode_FromCodePoints, PyUnicode_Type, StrView,
};
use num_bigint::BigInt;
use num_traits::Signed;

// --- Numbers (shared with bytes % args) -------------------------------------------------

/// The `%` flags (`F_LJUST` ... `F_ZERO`).
#[derive(Clone, Copy, Default, Debug)]
pub struct FormatFlags {
    pub ljust: bool,
    pub sign: bool,
    pub blank: bool,
    pub alt: bool,
    pub zero: bool,
}

/// `PyOS_double_to_string(val, code, prec, flags)` for the codes `e E f F g G` and
/// `r` (repr; `prec` ignored): the digits with a leading '-' for negative values, no
/// '+' (callers add signs). Infinities and NaN print as `inf`/`nan` (upper case for
/// the upper-case codes). `alt` is `Py_DTSF_ALT`: keep the point and, for `g`,
/// trailing zeros.
pub fn double_to_string(val: f64, code: u8, prec: usize, alt: bool) -> String {
    let upper = code.is_ascii_uppercase();
    if !val.is_finite() {
        let s = if val.is_nan() {
            "nan"
        } else if val < 0.0 {
            "-inf"
        } else {
            "inf"
        };
        return if upper {
            s.to_ascii_uppercase()
        } else {
            s.to_string()
        };
    }
    let mut out = match code.to_ascii_lowercase() {
        b'f' => fixed(val, prec, alt),
        b'e' => exponent(val, prec, alt),
        b'g' => general(val, if prec == 0 { 1 } else { prec }, alt),
        _ => repr_float(val),
    };
    if upper {
        out = out.to_ascii_uppercase();
    }
    out
}

/// The most fractional digits a finite double can have (2**-1074 has 1074); any
/// further digits are zeros.
const MAX_FRACTION_DIGITS: usize = 1100;
/// The most significant digits the exact value of a finite double can have (767).
const MAX_SIGNIFICANT_DIGITS: usize = 800;

/// `format!("{val:.prec$}")` for any `prec`: Rust's formatter rejects precisions
/// above 65535, but the digits past [`MAX_FRACTION_DIGITS`] are zeros anyway.
pub fn format_fixed_exact(val: f64, prec: usize) -> String {
    let exact = prec.min(MAX_FRACTION_DIGITS);
    let mut s = format!("{val:.exact$}");
    if prec > exact && val.is_finite() {
        s.extend(std::iter::repeat_n('0', prec - exact));
    }
    s
}

/// `format!("{val:.prec$e}")` for any `prec` (see [`format_fixed_exact`]).
pub fn format_exp_exact(val: f64, prec: usize) -> String {
    let exact = prec.min(MAX_SIGNIFICANT_DIGITS);
    let mut s = format!("{val:.exact$e}");
    if prec > exact && val.is_finite() {
        if let Some(i) = s.find('e') {
            s.insert_str(i, &"0".repeat(prec - exact));
        }
    }
    s
}

/// `'%.{prec}f'`: Rust's fixed formatting is exact (correctly rounded, half to
/// even on exact ties), as David Gay's `dtoa` mode 3 is.
fn fixed(val: f64, prec: usize, alt: bool) -> String {
    let mut s = format_fixed_exact(val, prec);
    if alt && prec == 0 {
        s.push('.');
    }
    s
}

/// Rust's `{:e}` writes `1.5e3`; Python writes at least two exponent digits and
/// always a sign: `1.5e+03`.
fn fix_exponent(s: &str) -> String {
    match s.find('e') {
        Some(i) => {
            let (mant, exp) = (&s[..i], &s[i + 1..]);
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            format!("{mant}e{sign}{digits:0>2}")
        }
        None => s.to_string(),
    }
}

fn exponent(val: f64, prec: usize, alt: bool) -> String {
    let s = format_exp_exact(val, prec);
    let mut s = fix_exponent(&s);
    if alt && prec == 0 {
        if let Some(i) = s.find('e') {
            s.insert(i, '.');
        }
    }
    s
}

/// `'%.{prec}g'`: exponent notation when the decimal exponent after rounding to
/// `prec` significant digits is below -4 or at least `prec`, fixed otherwise;
/// trailing zeros (and a bare point) are removed unless `alt`.
fn general(val: f64, prec: usize, alt: bool) -> String {
    let e_form = format_exp_exact(val, prec - 1);
    let exp: i64 = e_form
        .rsplit('e')
        .next()
        .and_then(|e| e.parse().ok())
        .unwrap_or(0);
    let mut s = if exp < -4 || exp >= prec as i64 {
        fix_exponent(&e_form)
    } else {
        let digits = (prec as i64 - 1 - exp).max(0) as usize;
        format_fixed_exact(val, digits)
    };
    if alt {
        if !s.contains('.') {
            match s.find('e') {
                Some(i) => s.insert(i, '.'),
                None => s.push('.'),
            }
        }
    } else {
        // Strip zeros after the point, in the mantissa only.
        let (mant, rest) = match s.find('e') {
            Some(i) => (s[..i].to_string(), s[i..].to_string()),
            None => (s.clone(), String::new()),
        };
        let mant = if mant.contains('.') {
            mant.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            mant
        };
        s = mant + &rest;
    }
    s
}

/// `repr(float)`: the shortest string that round-trips, in exponent notation when
/// the exponent is below -4 or at least 16 (`float_repr_style = 'short'`).
pub fn repr_float(val: f64) -> String {
    if !val.is_finite() {
        return double_to_string(val, b'r', 0, false);
    }
    if val == 0.0 {
        return if val.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Rust's `{:e}` is the shortest round-trip form: "d.ddde±x".
    let e_form = format!("{val:e}");
    let (mant, exp) = match e_form.split_once('e') {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (e_form.as_str(), 0),
    };
    let (neg, mant) = match mant.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mant),
    };
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        let nd = digits.len() as i64;
        if exp >= 0 {
            let int_len = exp + 1;
            if nd <= int_len {
                out.push_str(&digits);
                out.extend(std::iter::repeat_n('0', (int_len - nd) as usize));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len as usize]);
                out.push('.');
                out.push_str(&digits[int_len as usize..]);
            }
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!(
            "e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        ));
    }
    out
}

/// `_PyUnicode_FormatLong(val, alt, prec, type)`: an int in base 10, 8 or 16 for the
/// `%d %o %x %X` conversions, with '-' for negatives, the `0o`/`0x`/`0X` prefix when
/// `alt`, and zeros up to `prec` digits.
pub fn format_long(val: &BigInt, conv: u8, alt: bool, prec: isize) -> String {
    let (radix, prefix) = match conv {
        b'o' => (8, "0o"),
        b'x' => (16, "0x"),
        b'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = val.abs().to_str_radix(radix);
    if conv == b'X' {
        digits.make_ascii_uppercase();
    }
    let mut out = String::with_capacity(digits.len() + 4);
    if val.is_negative() {
        out.push('-');
    }
    if alt {
        out.push_str(prefix);
    }
    if prec > digits.len() as isize {
        out.extend(std::iter::repeat_n('0', prec as usize - digits.len()));
    }
    out.push_str(&digits);
    out
}

/// The limit of `sys.set_int_max_str_digits` on decimal conversions.
fn check_str_digits(n: &BigInt) -> PyResult<()> {
    // SAFETY: a Cell in a global, read only.
    let limit = unsafe { crate::longobject::INT_MAX_STR_DIGITS.get_ref() }.get();
    if limit == 0 || n.bits() < 64 {
        return Ok(());
    }
    // |n| has at least (bits - 1) * log10(2) + 1 digits and at most
    // bits * log10(2) + 1; only the doubtful middle needs the exact count.
    let bits = n.bits() as f64;
    let lower = (bits - 1.0) * std::f64::consts::LOG10_2 + 1.0;
    let upper = bits * std::f64::consts::LOG10_2 + 1.0;
    let too_long = if lower.floor() > limit as f64 {
        true
    } else if upper.floor() <= limit as f64 {
        false
    } else {
        n.abs().to_str_radix(10).len() > limit
    };
    if too_long {
        return Err(value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(())
}

/// The integer a `%d`-family conversion formats (`mainformatlong`): ints as they
/// are, other numbers through `__int__` (`%d %i %u`) or `__index__` (`%o %x %X`).
/// `Ok(None)` means "wrong type", for the caller's message.
pub fn formatlong_value(v: &PyObject, conv: u8) -> PyResult<Option<BigInt>> {
    if let Some(l) = v.downcast_ref::<crate::longobject::PyLongObject>() {
        return Ok(Some(l.to_bigint()));
    }
    if !PyNumber_Check(v) {
        return Ok(None);
    }
    let res = if matches!(conv, b'o' | b'x' | b'X') {
        PyNumber_Index(v)
    } else {
        PyNumber_Long(v)
    };
    match res {
        Ok(i) => Ok(Some(crate::longobject::long_to_bigint(&i))),
        Err(e) if PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The `TypeError` for a `%d`-family conversion given the wrong type.
pub fn formatlong_type_error(conv: u8, v: &PyObject) -> PyErr {
    match conv {
        b'o' | b'x' | b'X' => type_error(format!(
            "%{} format: an integer is required, not {}",
            conv as char,
            v.ob_type().name()
        )),
        _ => type_error(format!(
            "%{} format: a real number is required, not {}",
            conv as char,
            v.ob_type().name()
        )),
    }
}

/// `PyFloat_AsDouble` for `%e %f %g`: floats, then `__float__`, then `__index__`.
pub fn float_arg(v: &PyObject) -> PyResult<f64> {
    crate::floatobject::PyFloat_AsDouble(v)
}

/// Format one number conversion (`%d %i %u %o %x %X %e %E %f %F %g %G`) of `v` into
/// `(sign, prefix, body)` pieces that [`pad_number`] assembles. Errors as CPython.
pub fn format_number(v: &PyObject, conv: u8, flags: FormatFlags, prec: isize) -> PyResult<String> {
    // A huge precision means a huge result: make sure the memory is there first
    // (a failed allocation must raise MemoryError, not abort).
    if prec > 1 << 20 {
        String::new()
            .try_reserve(prec as usize + 400)
            .map_err(|_| PyErr_NoMemory())?;
    }
    match conv {
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => {
            let Some(n) = formatlong_value(v, conv)? else {
                return Err(formatlong_type_error(conv, v));
            };
            if prec > i32::MAX as isize - 3 {
                return Err(overflow_error("precision too large"));
            }
            if matches!(conv, b'd' | b'i' | b'u') {
                check_str_digits(&n)?;
            }
            let conv = if matches!(conv, b'i' | b'u') {
                b'd'
            } else {
                conv
            };
            Ok(format_long(&n, conv, flags.alt, prec))
        }
        _ => {
            let x = float_arg(v)?;
            let prec = if prec < 0 { 6 } else { prec as usize };
            Ok(double_to_string(x, conv, prec, flags.alt))
        }
    }
}

/// Assemble a formatted number with sign, `0x`-style prefix, zero or space padding
/// to `width` (`unicode_format_arg_output` for numbers). `text` is what
/// [`format_number`] produced, possibly starting with '-' and a prefix.
pub fn pad_number(
    text: &str,
    conv: u8,
    flags: FormatFlags,
    width: isize,
    out: &mut String,
) -> PyResult<()> {
    let (mut sign, mut body) = match text.as_bytes().first() {
        Some(b'-') => (Some('-'), &text[1..]),
        Some(b'+') => (Some('+'), &text[1..]),
        _ => (None, text),
    };
    if sign.is_none() {
        if flags.sign {
            sign = Some('+');
        } else if flags.blank {
            sign = Some(' ');
        }
    }
    let mut prefix = "";
    if flags.alt && matches!(conv, b'o' | b'x' | b'X') && body.len() >= 2 {
        prefix = &body[..2];
        body = &body[2..];
    }
    let len = sign.map_or(0, |_| 1) + prefix.len() + body.len();
    let pad = if width > len as isize {
        width as usize - len
    } else {
        0
    };
    out.try_reserve(len + pad).map_err(|_| PyErr_NoMemory())?;
    if flags.ljust {
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', pad));
    } else if flags.zero {
        out.extend(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    Ok(())
}

// --- The % parser, shared by str and bytes -------------------------------------------------

/// One parsed conversion specifier: `%(key)flags width .prec conv`.
pub struct PercentSpec {
    pub key: Option<std::ops::Range<usize>>,
    pub flags: FormatFlags,
    /// -1 if not given.
    pub width: isize,
    /// -1 if not given.
    pub prec: isize,
    /// The conversion character (a code point for str, a byte for bytes).
    pub conv: u32,
    /// Index of the conversion character (for "unsupported format character").
    pub conv_pos: usize,
}

/// Where `%` takes its values from (`struct unicode_formatter_t`'s args fields).
pub struct PercentArgs<'a> {
    /// The right operand (a tuple, a mapping or a single value).
    args: &'a PyObject,
    /// The tuple's items, when the operand is a tuple.
    tuple: Option<&'a [PyObjectRef]>,
    /// The operand itself when it is a mapping (`%(key)s` uses it).
    pub dict: Option<&'a PyObject>,
    /// The value fetched for the last `%(key)`, which replaces `args`.
    keyed: Option<PyObjectRef>,
    /// Index of the next tuple item; with a non-tuple, -2 before the value is
    /// used and -1 after (CPython's encoding, kept so the "not all arguments
    /// converted" check reads the same).
    pub argidx: isize,
    pub arglen: isize,
}

impl<'a> PercentArgs<'a> {
    /// `for_bytes`: `bytes % args` does not take bytes-like operands as mappings
    /// (`str % args` does, apart from str itself).
    pub fn new(args: &'a PyObject, for_bytes: bool) -> PercentArgs<'a> {
        let tuple = args.downcast_ref::<PyTupleObject>().map(|t| t.as_slice());
        let (arglen, argidx) = match tuple {
            Some(t) => (t.len() as isize, 0),
            None => (-1, -2),
        };
        let bytes_like = for_bytes
            && (PyUnicodeObject::check(args)
                || crate::bytesobject::PyBytesObject::check(args)
                || crate::bytearrayobject::PyByteArrayObject::check(args));
        let dict = if PyMapping_Check(args)
            && tuple.is_none()
            && !PyUnicodeObject::check(args)
            && !bytes_like
        {
            Some(args)
        } else {
            None
        };
        PercentArgs {
            args,
            tuple,
            dict,
            keyed: None,
            argidx,
            arglen,
        }
    }

    /// `unicode_format_getnextarg`.
    pub fn next_arg(&mut self) -> PyResult<PyObjectRef> {
        let i = self.argidx;
        if i < self.arglen {
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(match &self.keyed {
                    Some(k) => k.clone(),
                    None => self.args.to_owned(),
                });
            }
            if let Some(t) = self.tuple {
                if let Some(v) = t.get(i as usize) {
                    return Ok(v.clone());
                }
            }
        }
        Err(type_error("not enough arguments for format string"))
    }

    /// Switch to the value of `%(key)`.
    pub fn set_keyed(&mut self, v: PyObjectRef) {
        self.keyed = Some(v);
        self.tuple = None;
        self.arglen = -1;
        self.argidx = -2;
    }

    /// True when arguments are left over (the "not all arguments converted" test).
    pub fn unused(&self) -> bool {
        self.argidx < self.arglen && self.dict.is_none()
    }
}

/// Parse the specifier after a '%' at `fmt[pos - 1]`; returns it and the index after
/// the conversion character. `*` widths and precisions are taken from `args`.
/// The caller has already handled "%%".
pub fn parse_percent_spec<T: Copy + Into<u32>>(
    fmt: &[T],
    mut pos: usize,
    args: &mut PercentArgs,
    make_key: impl Fn(&[T]) -> PyObjectRef,
) -> PyResult<(PercentSpec, usize)> {
    let at = |i: usize| -> Option<u32> { fmt.get(i).map(|&c| c.into()) };
    let mut spec = PercentSpec {
        key: None,
        flags: FormatFlags::default(),
        width: -1,
        prec: -1,
        conv: 0,
        conv_pos: 0,
    };
    if at(pos) == Some('(' as u32) {
        if args.dict.is_none() {
            return Err(type_error("format requires a mapping"));
        }
        pos += 1;
        let start = pos;
        let mut depth = 1;
        while depth > 0 && pos < fmt.len() {
            match at(pos) {
                Some(0x29) => depth -= 1,
                Some(0x28) => depth += 1,
                _ => {}
            }
            pos += 1;
        }
        if depth > 0 {
            return Err(value_error("incomplete format key"));
        }
        spec.key = Some(start..pos - 1);
        // The value for the key replaces the arguments from here on.
        let key = make_key(&fmt[start..pos - 1]);
        if let Some(d) = args.dict.map(|d| d.to_owned()) {
            let v = PyObject_GetItem(&d, &key)?;
            args.set_keyed(v);
        }
    }
    // Flags.
    loop {
        match at(pos) {
            Some(0x2D) => spec.flags.ljust = true,
            Some(0x2B) => spec.flags.sign = true,
            Some(0x20) => spec.flags.blank = true,
            Some(0x23) => spec.flags.alt = true,
            Some(0x30) => spec.flags.zero = true,
            _ => break,
        }
        pos += 1;
    }
    // Width.
    if at(pos) == Some('*' as u32) {
        pos += 1;
        let v = args.next_arg()?;
        let Some(l) = v.downcast_ref::<crate::longobject::PyLongObject>() else {
            return Err(type_error("* wants int"));
        };
        let w = crate::longobject::PyLong_AsSsize_t(l.as_object())?;
        if w < 0 {
            spec.flags.ljust = true;
            spec.width = w.checked_neg().unwrap_or(isize::MAX);
        } else {
            spec.width = w;
        }
    } else if let Some(d) = at(pos).filter(|c| (0x30..=0x39).contains(c)) {
        let mut w: isize = (d - 0x30) as isize;
        pos += 1;
        while let Some(d) = at(pos).filter(|c| (0x30..=0x39).contains(c)) {
            w = w
                .checked_mul(10)
                .and_then(|w| w.checked_add((d - 0x30) as isize))
                .ok_or_else(|| value_error("width too big"))?;
            pos += 1;
        }
        spec.width = w;
    }
    // Precision.
    if at(pos) == Some('.' as u32) {
        pos += 1;
        spec.prec = 0;
        if at(pos) == Some('*' as u32) {
            pos += 1;
            let v = args.next_arg()?;
            let Some(l) = v.downcast_ref::<crate::longobject::PyLongObject>() else {
                return Err(type_error("* wants int"));
            };
            let p = match l.as_i64() {
                Some(p) if p >= i32::MIN as i64 && p <= i32::MAX as i64 => p,
                _ => return Err(overflow_error("Python int too large to convert to C int")),
            };
            spec.prec = p.max(0) as isize;
        } else if let Some(d) = at(pos).filter(|c| (0x30..=0x39).contains(c)) {
            let mut p: isize = (d - 0x30) as isize;
            pos += 1;
            while let Some(d) = at(pos).filter(|c| (0x30..=0x39).contains(c)) {
                p = p * 10 + (d - 0x30) as isize;
                if p > i32::MAX as isize {
                    return Err(value_error("precision too big"));
                }
                pos += 1;
            }
            spec.prec = p;
        }
    }
    // A length modifier ("%ld") is accepted and ignored.
    if matches!(at(pos), Some(0x68) | Some(0x6C) | Some(0x4C)) {
        pos += 1;
    }
    let Some(c) = at(pos) else {
        return Err(value_error("incomplete format"));
    };
    spec.conv = c;
    spec.conv_pos = pos;
    Ok((spec, pos + 1))
}

/// "unsupported format character 'y' (0x79) at index 1".
pub fn unsupported_format_char(c: u32, pos: usize) -> PyErr {
    let shown = if (31..=126).contains(&c) {
        char::from_u32(c).unwrap_or('?')
    } else {
        '?'
    };
    value_error(format!(
        "unsupported format character '{shown}' (0x{c:x}) at index {pos}"
    ))
}

// --- str % args ----------------------------------------------------------------------------

/// `formatchar`: the code point for `%c` from a one-character str or an int.
fn formatchar(v: &PyObject) -> PyResult<u32> {
    if let Some(u) = v.downcast_ref::<PyUnicodeObject>() {
        if u.len() == 1 {
            return Ok(u.char_at(0));
        }
        return Err(type_error("%c requires int or char"));
    }
    let n = match PyNumber_Index(v) {
        Ok(n) => n,
        Err(e) if PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError) => {
            return Err(type_error("%c requires int or char"));
        }
        Err(e) => return Err(e),
    };
    match crate::longobject::PyLong_AsSsize_t_opt(&n) {
        Some(x) if (0..=0x10FFFF).contains(&x) => Ok(x as u32),
        _ => Err(overflow_error("%c arg not in range(0x110000)")),
    }
}

/// `PyUnicode_Format`: `format % args` for a str `format`.
pub fn PyUnicode_Format(format: &PyObject, args: &PyObject) -> PyResult {
    let Some(fu) = format.downcast_ref::<PyUnicodeObject>() else {
        return Err(system_error("bad argument to internal function"));
    };
    // The format is immutable and kept alive by the caller, so its array can be
    // read in place while the arguments' `__str__` and friends run.
    match fu.view() {
        StrView::Latin1(d) => unicode_format_impl(
            format,
            d,
            args,
            |w, s| w.push_latin1(s),
            crate::unicodeobject::PyUnicode_FromLatin1,
        ),
        StrView::Ucs2(d) => unicode_format_impl(
            format,
            d,
            args,
            |w, s| w.push_ucs2(s),
            |k| crate::unicodeobject::PyUnicode_FromUCS2(k.to_vec()),
        ),
        StrView::Ucs4(d) => unicode_format_impl(
            format,
            d,
            args,
            |w, s| w.push_code_points(s),
            PyUnicode_FromCodePoints,
        ),
    }
}

fn unicode_format_impl<T: Copy + Into<u32>>(
    format: &PyObject,
    fmt: &[T],
    args_obj: &PyObject,
    push_literal: impl Fn(&mut _PyUnicodeWriter, &[T]),
    make_key: impl Fn(&[T]) -> PyObjectRef,
) -> PyResult {
    let mut args = PercentArgs::new(args_obj, false);
    let mut w = _PyUnicodeWriter::with_capacity(fmt.len() + 16);
    let n = fmt.len();
    let pct = |c: T| c.into() == '%' as u32;
    let mut saw_percent = false;
    let mut pos = 0;
    while pos < n {
        // Literal text up to the next '%'.
        let start = pos;
        while pos < n && !pct(fmt[pos]) {
            pos += 1;
        }
        if pos > start {
            push_literal(&mut w, &fmt[start..pos]);
        }
        if pos >= n {
            break;
        }
        saw_percent = true;
        pos += 1;
        if fmt.get(pos).is_some_and(|&c| pct(c)) {
            w.push_char('%' as u32);
            pos += 1;
            continue;
        }
        let (spec, next) = parse_percent_spec(fmt, pos, &mut args, &make_key)?;
        pos = next;
        format_one_unicode(&spec, &mut args, &mut w)?;
        if args.dict.is_some() && args.argidx < args.arglen {
            return Err(type_error(
                "not all arguments converted during string formatting",
            ));
        }
    }
    if args.unused() {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    if !saw_percent {
        // Nothing to format: like CPython's writer, hand back the format itself.
        return Ok(format.to_owned());
    }
    Ok(w.finish())
}

fn format_one_unicode(
    spec: &PercentSpec,
    args: &mut PercentArgs,
    w: &mut _PyUnicodeWriter,
) -> PyResult<()> {
    let v = args.next_arg()?;
    let conv = spec.conv;
    match char::from_u32(conv).unwrap_or('\0') {
        's' | 'r' | 'a' => {
            let s = match conv as u8 {
                b's' => {
                    if v.is_type(&PyUnicode_Type) {
                        v
                    } else {
                        PyObject_Str(&v)?
                    }
                }
                b'r' => PyObject_Repr(&v)?,
                _ => PyObject_ASCII(&v)?,
            };
            // `PyObject_Str` and friends check that the result is a str.
            let Some(u) = s.downcast_ref::<PyUnicodeObject>() else {
                return Err(type_error("expected str"));
            };
            let mut len = u.len();
            if spec.prec >= 0 && (spec.prec as usize) < len {
                len = spec.prec as usize;
            }
            pad_text(w, spec, len, |w| w.push_substring(u, 0, len))?;
        }
        'c' => {
            let c = formatchar(&v)?;
            pad_text(w, spec, 1, |w| w.push_char(c))?;
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            // Fast path: a plain "%d" of an exact int.
            if matches!(conv as u8, b'd' | b'i' | b'u')
                && spec.width < 0
                && spec.prec < 0
                && !spec.flags.sign
                && !spec.flags.blank
                && v.is_type(&crate::longobject::PyLong_Type)
            {
                if let Some(n) = v
                    .downcast_ref::<crate::longobject::PyLongObject>()
                    .and_then(|l| l.as_i64())
                {
                    w.push_str(&n.to_string());
                    return Ok(());
                }
            }
            let text = format_number(&v, conv as u8, spec.flags, spec.prec)?;
            let mut out = String::with_capacity(text.len() + 8);
            let mut flags = spec.flags;
            flags.zero = flags.zero && !flags.ljust;
            pad_number(&text, conv as u8, flags, spec.width, &mut out)?;
            w.push_str(&out);
        }
        _ => return Err(unsupported_format_char(conv, spec.conv_pos)),
    }
    Ok(())
}

/// Pad a text conversion (`%s %r %a %c`) to the width: spaces on the left, or on
/// the right with '-'. The zero flag does not apply to text.
fn pad_text(
    w: &mut _PyUnicodeWriter,
    spec: &PercentSpec,
    len: usize,
    body: impl FnOnce(&mut _PyUnicodeWriter),
) -> PyResult<()> {
    let pad = if spec.width > len as isize {
        spec.width as usize - len
    } else {
        0
    };
    if pad > 0 && !spec.flags.ljust {
        w.push_repeat(' ' as u32, pad)?;
    }
    body(w);
    if pad > 0 && spec.flags.ljust {
        w.push_repeat(' ' as u32, pad)?;
    }
    Ok(())
}

// --- str.format ------------------------------------------------------------------------------

/// Automatic field numbering state (`AutoNumber`): `{}` and `{0}` may not be mixed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoNumberState {
    Init,
    Auto,
    Manual,
}

struct AutoNumber {
    state: AutoNumberState,
    next: usize,
}

/// One piece of a format string from the markup iterator (`MarkupIterator_next`).
struct Markup {
    /// Literal text (with "{{"/"}}" already reduced to one brace).
    literal: std::ops::Range<usize>,
    /// `Some` when a replacement field follows the literal.
    field: Option<Field>,
}

struct Field {
    name: std::ops::Range<usize>,
    /// `None` when the field has no ':' part (as opposed to an empty spec).
    spec: Option<std::ops::Range<usize>>,
    conversion: Option<u32>,
    spec_needs_expanding: bool,
}

/// Walks a format string: `MarkupIterator`.
struct MarkupIterator<'a> {
    s: &'a [u32],
    pos: usize,
}

impl<'a> MarkupIterator<'a> {
    fn next(&mut self) -> PyResult<Option<Markup>> {
        let s = self.s;
        let end = s.len();
        if self.pos >= end {
            return Ok(None);
        }
        let start = self.pos;
        let mut c = 0u32;
        let mut markup_follows = false;
        while self.pos < end {
            c = s[self.pos];
            self.pos += 1;
            if c == '{' as u32 || c == '}' as u32 {
                markup_follows = true;
                break;
            }
        }
        let at_end = self.pos >= end;
        let mut len = self.pos - start;
        if c == '}' as u32 && markup_follows && (at_end || s[self.pos] != c) {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' as u32 && markup_follows {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if !at_end && markup_follows {
            if s[self.pos] == c {
                // "{{" or "}}": the literal keeps one brace.
                self.pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        let literal = start..start + len;
        if !markup_follows {
            return Ok(Some(Markup {
                literal,
                field: None,
            }));
        }
        let field = self.parse_field()?;
        Ok(Some(Markup {
            literal,
            field: Some(field),
        }))
    }

    /// `parse_field`: the field name, conversion and spec after a '{'.
    fn parse_field(&mut self) -> PyResult<Field> {
        let s = self.s;
        let end = s.len();
        let name_start = self.pos;
        let mut c = 0u32;
        while self.pos < end {
            c = s[self.pos];
            self.pos += 1;
            match char::from_u32(c) {
                Some('{') => return Err(value_error("unexpected '{' in field name")),
                Some('[') => {
                    while self.pos < end && s[self.pos] != ']' as u32 {
                        self.pos += 1;
                    }
                    continue;
                }
                Some('}') | Some(':') | Some('!') => break,
                _ => continue,
            }
        }
        let name = name_start..self.pos.saturating_sub(1).max(name_start);
        let mut field = Field {
            name,
            spec: None,
            conversion: None,
            spec_needs_expanding: false,
        };
        if c == '!' as u32 || c == ':' as u32 {
            if c == '!' as u32 {
                if self.pos >= end {
                    return Err(value_error(
                        "end of string while looking for conversion specifier",
                    ));
                }
                field.conversion = Some(s[self.pos]);
                self.pos += 1;
                if self.pos < end {
                    let c2 = s[self.pos];
                    self.pos += 1;
                    if c2 == '}' as u32 {
                        return Ok(field);
                    }
                    if c2 != ':' as u32 {
                        return Err(value_error("expected ':' after conversion specifier"));
                    }
                }
            }
            let spec_start = self.pos;
            let mut count = 1;
            while self.pos < end {
                let c = s[self.pos];
                self.pos += 1;
                if c == '{' as u32 {
                    field.spec_needs_expanding = true;
                    count += 1;
                } else if c == '}' as u32 {
                    count -= 1;
                    if count == 0 {
                        field.spec = Some(spec_start..self.pos - 1);
                        return Ok(field);
                    }
                }
            }
            return Err(value_error("unmatched '{' in format spec"));
        } else if c != '}' as u32 {
            return Err(value_error("expected '}' before end of string"));
        }
        Ok(field)
    }
}

/// `get_integer`: a field name made only of decimal digits (any script) as an
/// index, `None` otherwise.
fn get_integer(s: &[u32]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = uc::decimal_value(c) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

/// The first part of a field name: a key or a positional index.
enum FirstName {
    Index(usize),
    Key(std::ops::Range<usize>),
}

/// One `.attr` or `[key]` step after the first part (`FieldNameIterator_next`).
enum NameStep {
    Attr(std::ops::Range<usize>),
    Index(usize),
    Key(std::ops::Range<usize>),
}

/// `field_name_split`: the first part of a field name (`0` or `name` in
/// `0.a[1][x]`) and where the `.attr`/`[key]` steps begin, for `field_name_next`.
/// `auto` is `None` for `formatter_field_name_split`, which does no numbering.
fn field_name_split(
    s: &[u32],
    range: std::ops::Range<usize>,
    auto: Option<&mut AutoNumber>,
) -> PyResult<(FirstName, usize)> {
    let (start, end) = (range.start, range.end);
    let mut i = start;
    while i < end && s[i] != '.' as u32 && s[i] != '[' as u32 {
        i += 1;
    }
    let first = start..i;
    let idx = get_integer(&s[first.clone()])?;
    let empty = first.is_empty();
    let using_numeric = empty || idx.is_some();
    let mut first_name = match idx {
        Some(n) => FirstName::Index(n),
        None => FirstName::Key(first),
    };
    if let Some(auto) = auto {
        if auto.state == AutoNumberState::Init && using_numeric {
            auto.state = if empty {
                AutoNumberState::Auto
            } else {
                AutoNumberState::Manual
            };
        }
        if using_numeric {
            if auto.state == AutoNumberState::Manual {
                if empty {
                    return Err(value_error(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
            } else if !empty {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
        }
        if empty {
            first_name = FirstName::Index(auto.next);
            auto.next += 1;
        }
    }
    Ok((first_name, i))
}

/// `FieldNameIterator_next`: the `.name` or `[key]` step at `*p` (advancing past
/// it), or `None` at `end`. The steps are parsed one at a time, as they are used,
/// so `"{0.}".format()` fails on the missing argument before the empty attribute.
fn field_name_next(s: &[u32], p: &mut usize, end: usize) -> PyResult<Option<NameStep>> {
    if *p >= end {
        return Ok(None);
    }
    let c = s[*p];
    *p += 1;
    let step = if c == '.' as u32 {
        let ns = *p;
        while *p < end && s[*p] != '.' as u32 && s[*p] != '[' as u32 {
            *p += 1;
        }
        if ns == *p {
            return Err(value_error("Empty attribute in format string"));
        }
        NameStep::Attr(ns..*p)
    } else if c == '[' as u32 {
        let ns = *p;
        while *p < end && s[*p] != ']' as u32 {
            *p += 1;
        }
        if *p >= end {
            return Err(value_error("Missing ']' in format string"));
        }
        let ne = *p;
        *p += 1;
        if ns == ne {
            return Err(value_error("Empty attribute in format string"));
        }
        match get_integer(&s[ns..ne])? {
            Some(n) => NameStep::Index(n),
            None => NameStep::Key(ns..ne),
        }
    } else {
        return Err(value_error(
            "Only '.' or '[' may follow ']' in format field specifier",
        ));
    };
    Ok(Some(step))
}

/// Where `str.format` finds its fields: positional arguments and keyword
/// arguments (`format`), or one mapping (`format_map`).
enum FieldSource<'a> {
    Args {
        args: &'a [PyObjectRef],
        kwnames: &'a [PyObjectRef],
        kwvalues: &'a [PyObjectRef],
    },
    Mapping(&'a PyObject),
}

impl FieldSource<'_> {
    fn positional(&self, i: usize) -> PyResult<PyObjectRef> {
        match self {
            FieldSource::Args { args, .. } => args.get(i).cloned().ok_or_else(|| {
                index_error(format!(
                    "Replacement index {i} out of range for positional args tuple"
                ))
            }),
            FieldSource::Mapping(_) => Err(value_error("Format string contains positional fields")),
        }
    }

    fn keyword(&self, key: &[u32]) -> PyResult<PyObjectRef> {
        match self {
            FieldSource::Args {
                kwnames, kwvalues, ..
            } => {
                for (k, v) in kwnames.iter().zip(kwvalues.iter()) {
                    if let Some(ku) = k.downcast_ref::<PyUnicodeObject>() {
                        if ku.eq_code_points(key) {
                            return Ok(v.clone());
                        }
                    }
                }
                Err(key_error(&PyUnicode_FromCodePoints(key)))
            }
            FieldSource::Mapping(m) => PyObject_GetItem(m, &PyUnicode_FromCodePoints(key)),
        }
    }
}

/// `get_field_object`: resolve a field name to the object it designates.
fn get_field_object(
    s: &[u32],
    name: std::ops::Range<usize>,
    src: &FieldSource,
    auto: &mut AutoNumber,
) -> PyResult<PyObjectRef> {
    let end = name.end;
    let (first, mut p) = field_name_split(s, name, Some(auto))?;
    let mut obj = match first {
        FirstName::Index(i) => src.positional(i)?,
        FirstName::Key(r) => src.keyword(&s[r])?,
    };
    while let Some(step) = field_name_next(s, &mut p, end)? {
        obj = match step {
            NameStep::Attr(r) => {
                crate::object::PyObject_GetAttr(&obj, &PyUnicode_FromCodePoints(&s[r]))?
            }
            NameStep::Key(r) => PyObject_GetItem(&obj, &PyUnicode_FromCodePoints(&s[r]))?,
            NameStep::Index(i) => {
                if PySequence_Check(&obj) {
                    PySequence_GetItem(&obj, i as isize)?
                } else {
                    PyObject_GetItem(&obj, &crate::longobject::PyLong_FromSsize_t(i as isize))?
                }
            }
        };
    }
    Ok(obj)
}

/// `do_conversion`: apply `!r`, `!s` or `!a`.
fn do_conversion(obj: &PyObject, conv: u32) -> PyResult {
    match char::from_u32(conv) {
        Some('r') => PyObject_Repr(obj),
        Some('s') => PyObject_Str(obj),
        Some('a') => PyObject_ASCII(obj),
        _ => Err(if conv > 32 && conv < 127 {
            value_error(format!(
                "Unknown conversion specifier {}",
                conv as u8 as char
            ))
        } else {
            value_error(format!("Unknown conversion specifier \\x{conv:x}"))
        }),
    }
}

/// `build_string`: format `s` into `w`. `depth` counts down through nested
/// replacement fields in format specs.
fn build_string(
    s: &[u32],
    src: &FieldSource,
    depth: i32,
    auto: &mut AutoNumber,
    w: &mut _PyUnicodeWriter,
) -> PyResult<()> {
    if depth <= 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let mut it = MarkupIterator { s, pos: 0 };
    while let Some(m) = it.next()? {
        if !m.literal.is_empty() {
            w.push_code_points(&s[m.literal.clone()]);
        }
        let Some(f) = m.field else { continue };
        let mut obj = get_field_object(s, f.name.clone(), src, auto)?;
        if let Some(c) = f.conversion {
            obj = do_conversion(&obj, c)?;
        }
        let spec_range = f.spec.clone().unwrap_or(0..0);
        if f.spec_needs_expanding {
            let mut inner = _PyUnicodeWriter::with_capacity(spec_range.len());
            build_string(&s[spec_range], src, depth - 1, auto, &mut inner)?;
            let spec = inner.finish();
            render_field(&obj, Some(&spec), w)?;
        } else if spec_range.is_empty() {
            render_field(&obj, None, w)?;
        } else {
            let spec = PyUnicode_FromCodePoints(&s[spec_range]);
            render_field(&obj, Some(&spec), w)?;
        }
    }
    Ok(())
}

/// `render_field`: `format(obj, spec)` appended to the output.
fn render_field(obj: &PyObject, spec: Option<&PyObject>, w: &mut _PyUnicodeWriter) -> PyResult<()> {
    let spec_empty = match spec {
        None => true,
        Some(s) => s
            .downcast_ref::<PyUnicodeObject>()
            .is_some_and(|u| u.is_empty()),
    };
    if spec_empty && obj.is_type(&PyUnicode_Type) {
        if let Some(u) = obj.downcast_ref::<PyUnicodeObject>() {
            w.push_unicode(u);
            return Ok(());
        }
    }
    let r = crate::r#abstract::PyObject_Format(obj, spec)?;
    match r.downcast_ref::<PyUnicodeObject>() {
        Some(u) => w.push_unicode(u),
        None => return Err(type_error("__format__ must return a str")),
    }
    Ok(())
}

/// `str.format(*args, **kwargs)` (`do_string_format`).
pub fn do_string_format(
    format: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let Some(fu) = format.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error("descriptor 'format' requires a 'str' object"));
    };
    let kwn = kwnames_slice(kwnames);
    let npos = args.len() - kwn.len();
    let src = FieldSource::Args {
        args: &args[..npos],
        kwnames: kwn,
        kwvalues: &args[npos..],
    };
    if !fu.iter().any(|c| c == '{' as u32 || c == '}' as u32) {
        // No fields and no escaped braces: CPython's writer returns the format
        // string itself (even a str subclass instance).
        return Ok(format.to_owned());
    }
    let s = fu.code_points_cow();
    let mut auto = AutoNumber {
        state: AutoNumberState::Init,
        next: 0,
    };
    let mut w = _PyUnicodeWriter::with_capacity(s.len() + 16);
    build_string(&s, &src, 2, &mut auto, &mut w)?;
    Ok(w.finish())
}

/// `str.format_map(mapping)` (`do_string_format_map`).
pub fn do_string_format_map(format: &PyObject, mapping: &PyObject) -> PyResult {
    let Some(fu) = format.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(
            "descriptor 'format_map' requires a 'str' object",
        ));
    };
    if !fu.iter().any(|c| c == '{' as u32 || c == '}' as u32) {
        // No fields and no escaped braces: CPython's writer returns the format
        // string itself (even a str subclass instance).
        return Ok(format.to_owned());
    }
    let s = fu.code_points_cow();
    let mut auto = AutoNumber {
        state: AutoNumberState::Init,
        next: 0,
    };
    let mut w = _PyUnicodeWriter::with_capacity(s.len() + 16);
    build_string(&s, &FieldSource::Mapping(mapping), 2, &mut auto, &mut w)?;
    Ok(w.finish())
}

/// `_string.formatter_parser(s)`: the `(literal, field_name, format_spec,
/// conversion)` tuples of a format string, with `None` where CPython yields it.
pub fn formatter_parser(s: &PyObject) -> PyResult<Vec<[PyObjectRef; 4]>> {
    let Some(fu) = s.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "expected str, got {}",
            s.ob_type().name()
        )));
    };
    let cps = fu.code_points_cow();
    let mut it = MarkupIterator { s: &cps, pos: 0 };
    let none = || Py_None().to_owned();
    let mut out = Vec::new();
    while let Some(m) = it.next()? {
        let literal = PyUnicode_FromCodePoints(&cps[m.literal.clone()]);
        let item = match m.field {
            None => [literal, none(), none(), none()],
            Some(f) => [
                literal,
                PyUnicode_FromCodePoints(&cps[f.name.clone()]),
                PyUnicode_FromCodePoints(f.spec.clone().map_or(&[][..], |r| &cps[r])),
                match f.conversion {
                    Some(c) => PyUnicode_FromCodePoints(&[c]),
                    None => none(),
                },
            ],
        };
        out.push(item);
    }
    Ok(out)
}

/// `_string.formatter_field_name_split(s)`: the first part of a field name (an int
/// or a str) and the `(is_attribute, key)` pairs that follow.
pub fn formatter_field_name_split(
    s: &PyObject,
) -> PyResult<(PyObjectRef, Vec<(bool, PyObjectRef)>)> {
    let Some(fu) = s.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "expected str, got {}",
            s.ob_type().name()
        )));
    };
    let cps = fu.code_points_cow();
    let (first, mut p) = field_name_split(&cps, 0..cps.len(), None)?;
    let first = match first {
        FirstName::Index(i) => crate::longobject::PyLong_FromSsize_t(i as isize),
        FirstName::Key(r) => PyUnicode_FromCodePoints(&cps[r]),
    };
    let mut steps = Vec::new();
    while let Some(step) = field_name_next(&cps, &mut p, cps.len())? {
        steps.push(match step {
            NameStep::Attr(r) => (true, PyUnicode_FromCodePoints(&cps[r])),
            NameStep::Key(r) => (false, PyUnicode_FromCodePoints(&cps[r])),
            NameStep::Index(i) => (false, crate::longobject::PyLong_FromSsize_t(i as isize)),
        });
    }
    Ok((first, steps))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_format_like_cpython() {
        assert_eq!(double_to_string(12345.678, b'e', 2, false), "1.23e+04");
        assert_eq!(double_to_string(1.0, b'g', 6, true), "1.00000");
        assert_eq!(double_to_string(1e-5, b'g', 6, false), "1e-05");
        assert_eq!(double_to_string(123456789.0, b'g', 6, false), "1.23457e+08");
        assert_eq!(double_to_string(2.0, b'f', 0, true), "2.");
        assert_eq!(double_to_string(2.0, b'e', 0, true), "2.e+00");
        assert_eq!(double_to_string(f64::INFINITY, b'F', 6, false), "INF");
        assert_eq!(
            double_to_string(0.1, b'f', 20, false),
            "0.10000000000000000555"
        );
        assert_eq!(double_to_string(100.0, b'g', 3, false), "100");
        assert_eq!(double_to_string(1000.0, b'g', 3, false), "1e+03");
        assert_eq!(double_to_string(0.0001, b'g', 6, false), "0.0001");
        assert_eq!(repr_float(1e16), "1e+16");
        assert_eq!(repr_float(1.5e-5), "1.5e-05");
        assert_eq!(repr_float(123.0), "123.0");
        assert_eq!(repr_float(0.001), "0.001");
        assert_eq!(repr_float(1234567890123456.0), "1234567890123456.0");
    }

    #[test]
    fn longs_format_like_cpython() {
        let n = BigInt::from(-255);
        assert_eq!(format_long(&n, b'x', true, -1), "-0xff");
        assert_eq!(format_long(&BigInt::from(255), b'X', true, 5), "0X000FF");
        assert_eq!(format_long(&BigInt::from(8), b'o', true, -1), "0o10");
        let mut out = String::new();
        pad_number(
            "0xff",
            b'x',
            FormatFlags {
                alt: true,
                zero: true,
                ..Default::default()
            },
            8,
            &mut out,
        )
        .unwrap();
        assert_eq!(out, "0x0000ff");
        out.clear();
        pad_number(
            "-4",
            b'd',
            FormatFlags {
                zero: true,
                ..Default::default()
            },
            5,
            &mut out,
        )
        .unwrap();
        assert_eq!(out, "-0004");
    }
}
