//! The format-specification mini-language: `format(value, spec)` for `int`, `float`,
//! `complex` and `str`. Mirrors Python/formatter_unicode.c (CPython 3.11), with the
//! grouping helper of Objects/stringlib/localeutil.h
//! (`_PyUnicode_InsertThousandsGrouping`).
//!
//! A spec reads `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
//! [`parse_internal_render_format_spec`] turns it into an [`InternalFormatSpec`];
//! numbers are then laid out as
//! `<lpadding><sign><prefix><spadding><grouped digits><decimal point><remainder><rpadding>`
//! ([`calc_number_widths`], [`fill_number`]), strings as padding around a possibly
//! truncated text.
//!
//! Differences from CPython:
//! - pyrs keeps this file in `objects`, not `python`, because the `__format__` methods
//!   of `int`, `float`, `complex` and `str`, which live in `objects`, need it.
//! - Output is built as a vector of code points (fill characters and `'c'`-formatted
//!   ints may be any code point, lone surrogates included) rather than through a
//!   `_PyUnicodeWriter`; the common fast paths build a `str` directly from ASCII.
//! - The `n` type uses the C locale (pyrs does not call `setlocale`): no grouping and a
//!   `.` decimal point.

use crate::floatobject::{
    PyFloat_AsDouble, PyNumber_Float, PyOS_double_to_string, Py_DTSF_ADD_DOT_0, Py_DTSF_ALT,
    Py_DTSF_NO_NEG_0,
};
use crate::longobject::{_PyLong_Format, PyLongObject, PyLong_AsLong, PyLong_Type};
use crate::object::PyObject_Str;
use crate::prelude::*;
use crate::unicodeobject::{PyUnicodeObject, PyUnicode_FromCodePoints, PyUnicode_FromString};

/// Outputs longer than this many characters raise `MemoryError` up front (CPython
/// fails the allocation; pyrs must not abort on it).
const MAX_OUTPUT: isize = 1 << 32;

/// Float precisions above this raise `MemoryError` up front, for the same reason:
/// the digits are built in one string.
const MAX_PRECISION: isize = 1 << 28;

/// Which separators and grouping to use (`LocaleType`).
// The variants keep CPython's names (LT_NO_LOCALE, LT_DEFAULT_LOCALE, ...).
#[allow(clippy::enum_variant_names)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LocaleType {
    /// No grouping.
    NoLocale,
    /// `,`: a comma every three digits.
    DefaultLocale,
    /// `_`: an underscore every three digits.
    UnderscoreLocale,
    /// `_` with `b`, `o`, `x`, `X`: an underscore every four digits.
    UnderFourLocale,
    /// `n`: the current locale (always the C locale in pyrs).
    CurrentLocale,
}

/// `InternalFormatSpec`: a parsed format spec.
#[derive(Clone, Debug)]
pub struct InternalFormatSpec {
    fill_char: u32,
    align: u8,
    alternate: bool,
    no_neg_0: bool,
    /// `0`, `+`, `-` or ` `.
    sign: u8,
    /// -1 when not given.
    width: isize,
    thousands_separators: LocaleType,
    /// -1 when not given.
    precision: isize,
    /// The presentation type as a code point; 0 when not given.
    type_: u32,
}

/// `LocaleInfo`: the decimal point, the thousands separator and the grouping (group
/// sizes from the right; the last one repeats; empty means no grouping).
struct LocaleInfo {
    decimal_point: &'static str,
    thousands_sep: &'static str,
    grouping: &'static [u8],
}

/// `get_locale_info`.
fn get_locale_info(kind: LocaleType) -> LocaleInfo {
    match kind {
        LocaleType::DefaultLocale => LocaleInfo {
            decimal_point: ".",
            thousands_sep: ",",
            grouping: &[3],
        },
        LocaleType::UnderscoreLocale => LocaleInfo {
            decimal_point: ".",
            thousands_sep: "_",
            grouping: &[3],
        },
        LocaleType::UnderFourLocale => LocaleInfo {
            decimal_point: ".",
            thousands_sep: "_",
            grouping: &[4],
        },
        // The C locale: localeconv() gives "." and no grouping.
        LocaleType::NoLocale | LocaleType::CurrentLocale => LocaleInfo {
            decimal_point: ".",
            thousands_sep: "",
            grouping: &[],
        },
    }
}

fn is_alignment_token(c: u32) -> bool {
    matches!(c, 0x3c | 0x3e | 0x3d | 0x5e) // < > = ^
}

fn is_sign_element(c: u32) -> bool {
    matches!(c, 0x20 | 0x2b | 0x2d) // ' ' + -
}

/// `get_integer`: read decimal digits (any Unicode decimal digit) at `*pos`. Returns
/// how many were read and their value.
fn get_integer(spec: &[u32], pos: &mut usize) -> PyResult<(usize, isize)> {
    let mut accumulator: isize = 0;
    let mut numdigits = 0;
    while *pos < spec.len() {
        let Some(d) = crate::unicodectype::decimal_value(spec[*pos]) else {
            break;
        };
        let d = d as isize;
        if accumulator > (isize::MAX - d) / 10 {
            return Err(value_error("Too many decimal digits in format string"));
        }
        accumulator = accumulator * 10 + d;
        *pos += 1;
        numdigits += 1;
    }
    Ok((numdigits, accumulator))
}

/// The character of a presentation type for messages: `'x'` or `'\x20ac'`.
fn type_for_message(c: u32) -> String {
    if c > 32 && c < 128 {
        format!("'{}'", c as u8 as char)
    } else {
        format!("'\\x{c:x}'")
    }
}

/// `unknown_presentation_type`.
fn unknown_presentation_type(c: u32, type_name: &str) -> PyErr {
    value_error(format!(
        "Unknown format code {} for object of type '{type_name}'",
        type_for_message(c)
    ))
}

/// `invalid_thousands_separator_type`.
fn invalid_thousands_separator_type(specifier: char, c: u32) -> PyErr {
    value_error(format!(
        "Cannot specify '{specifier}' with {}.",
        type_for_message(c)
    ))
}

fn invalid_comma_and_underscore() -> PyErr {
    value_error("Cannot specify both ',' and '_'.")
}

/// `parse_internal_render_format_spec`: parse `spec` with the given defaults for the
/// type and the alignment; `obj` names the type in messages.
pub fn parse_internal_render_format_spec(
    obj: &PyObject,
    spec: &[u32],
    default_type: u8,
    default_align: u8,
) -> PyResult<InternalFormatSpec> {
    let end = spec.len();
    let mut pos = 0;
    let mut format = InternalFormatSpec {
        fill_char: ' ' as u32,
        align: default_align,
        alternate: false,
        no_neg_0: false,
        sign: 0,
        width: -1,
        thousands_separators: LocaleType::NoLocale,
        precision: -1,
        type_: default_type as u32,
    };
    let mut align_specified = false;
    let mut fill_char_specified = false;

    // A fill character only counts when an alignment follows it.
    if end - pos >= 2 && is_alignment_token(spec[pos + 1]) {
        format.align = spec[pos + 1] as u8;
        format.fill_char = spec[pos];
        fill_char_specified = true;
        align_specified = true;
        pos += 2;
    } else if end - pos >= 1 && is_alignment_token(spec[pos]) {
        format.align = spec[pos] as u8;
        align_specified = true;
        pos += 1;
    }
    if pos < end && is_sign_element(spec[pos]) {
        format.sign = spec[pos] as u8;
        pos += 1;
    }
    if pos < end && spec[pos] == 'z' as u32 {
        format.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && spec[pos] == '#' as u32 {
        format.alternate = true;
        pos += 1;
    }
    // A leading zero means zero padding (between sign and digits for numbers).
    if !fill_char_specified && pos < end && spec[pos] == '0' as u32 {
        format.fill_char = '0' as u32;
        if !align_specified && default_align == b'>' {
            format.align = b'=';
        }
        pos += 1;
    }
    let (consumed, width) = get_integer(spec, &mut pos)?;
    if consumed > 0 {
        format.width = width;
    }
    if pos < end && spec[pos] == ',' as u32 {
        format.thousands_separators = LocaleType::DefaultLocale;
        pos += 1;
    }
    if pos < end && spec[pos] == '_' as u32 {
        if format.thousands_separators != LocaleType::NoLocale {
            return Err(invalid_comma_and_underscore());
        }
        format.thousands_separators = LocaleType::UnderscoreLocale;
        pos += 1;
    }
    if pos < end
        && spec[pos] == ',' as u32
        && format.thousands_separators == LocaleType::UnderscoreLocale
    {
        return Err(invalid_comma_and_underscore());
    }
    if pos < end && spec[pos] == '.' as u32 {
        pos += 1;
        let (consumed, precision) = get_integer(spec, &mut pos)?;
        if consumed == 0 {
            return Err(value_error("Format specifier missing precision"));
        }
        format.precision = precision;
    }
    if end - pos > 1 {
        let text: String = spec
            .iter()
            .map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
            .collect();
        return Err(value_error(format!(
            "Invalid format specifier '{text}' for object of type '{}'",
            obj.ob_type().name()
        )));
    }
    if end - pos == 1 {
        format.type_ = spec[pos];
    }

    if format.thousands_separators != LocaleType::NoLocale {
        let sep = if format.thousands_separators == LocaleType::DefaultLocale {
            ','
        } else {
            '_'
        };
        match char::from_u32(format.type_) {
            Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0') => {}
            Some('b' | 'o' | 'x' | 'X')
                if format.thousands_separators == LocaleType::UnderscoreLocale =>
            {
                // PEP 515: in binary, octal and hex, underscores every four digits.
                format.thousands_separators = LocaleType::UnderFourLocale;
            }
            _ => return Err(invalid_thousands_separator_type(sep, format.type_)),
        }
    }
    Ok(format)
}

/// The spec's code points, or `TypeError` if it is not a str.
fn spec_code_points(spec: &PyObject) -> PyResult<Vec<u32>> {
    match spec.downcast_ref::<PyUnicodeObject>() {
        Some(u) => Ok(u.iter().collect()),
        None => Err(type_error(format!(
            "format spec must be a str, not {}",
            spec.ob_type().name()
        ))),
    }
}

/// `format_obj`: the empty spec means `str(obj)`.
fn format_obj(obj: &PyObject) -> PyResult {
    PyObject_Str(obj)
}

fn push_fill(out: &mut Vec<u32>, c: u32, n: isize) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

fn push_str(out: &mut Vec<u32>, s: &str) {
    out.extend(s.chars().map(|c| c as u32));
}

/// `calc_padding`: left and right padding to centre, left- or right-justify `nchars`
/// in `width`.
fn calc_padding(nchars: isize, width: isize, align: u8) -> (isize, isize) {
    let total = if width >= 0 {
        nchars.max(width)
    } else {
        nchars
    };
    let lpad = match align {
        b'>' => total - nchars,
        b'^' => (total - nchars) / 2,
        _ => 0,
    };
    (lpad, total - nchars - lpad)
}

// --- strings ---------------------------------------------------------------------------------

/// `format_string_internal`.
fn format_string_internal(value: &PyUnicodeObject, format: &InternalFormatSpec) -> PyResult {
    if format.sign != 0 {
        return Err(value_error(if format.sign == b' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }));
    }
    if format.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if format.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if format.align == b'=' {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut len = value.len() as isize;
    if (format.width == -1 || format.width <= len)
        && (format.precision == -1 || format.precision >= len)
    {
        if value
            .as_object()
            .is_type(&crate::unicodeobject::PyUnicode_Type)
        {
            return Ok(value.as_object().to_owned());
        }
        return Ok(PyUnicode_FromCodePoints(&value.code_points()));
    }
    if format.precision >= 0 && len >= format.precision {
        len = format.precision;
    }
    let (lpad, rpad) = calc_padding(len, format.width, format.align);
    if lpad + len + rpad > MAX_OUTPUT {
        return Err(crate::pyerrors::PyErr_NoMemory());
    }
    let mut out = Vec::with_capacity((lpad + len + rpad) as usize);
    push_fill(&mut out, format.fill_char, lpad);
    out.extend(value.iter().take(len as usize));
    push_fill(&mut out, format.fill_char, rpad);
    Ok(PyUnicode_FromCodePoints(&out))
}

/// `_PyUnicode_FormatAdvancedWriter`: `str.__format__`.
pub fn _PyUnicode_FormatAdvanced(obj: &PyObject, spec: &PyObject) -> PyResult {
    let Some(value) = obj.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "descriptor '__format__' requires a 'str' object but received a '{}'",
            obj.ob_type().name()
        )));
    };
    let spec = spec_code_points(spec)?;
    if spec.is_empty() {
        if obj.is_type(&crate::unicodeobject::PyUnicode_Type) {
            return Ok(obj.to_owned());
        }
        return format_obj(obj);
    }
    let format = parse_internal_render_format_spec(obj, &spec, b's', b'<')?;
    match format.type_ {
        0x73 => format_string_internal(value, &format), // 's'
        t => Err(unknown_presentation_type(t, obj.ob_type().name())),
    }
}

// --- numbers ---------------------------------------------------------------------------------

/// `NumberFieldWidths`: the pieces of a formatted number.
struct NumberFieldWidths {
    n_lpadding: isize,
    n_prefix: isize,
    n_spadding: isize,
    n_rpadding: isize,
    sign: u32,
    n_sign: isize,
    /// The digits before the point with separators and any zero padding inserted
    /// (CPython stores only their count, `n_grouped_digits`).
    grouped_digits: Vec<u32>,
    n_decimal: isize,
    n_remainder: isize,
    /// Digits before the decimal point or exponent.
    n_digits: isize,
}

/// `_PyUnicode_InsertThousandsGrouping`: separate `digits` into groups from the
/// right, padding with zeros on the left until the result is at least `min_width`
/// characters (separators included), as `0`-filled, `=`-aligned numbers need.
fn insert_thousands_grouping(digits: &[u32], min_width: isize, locale: &LocaleInfo) -> Vec<u32> {
    let sep: Vec<u32> = locale.thousands_sep.chars().map(|c| c as u32).collect();
    let sep_len = sep.len() as isize;
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as isize;
    let mut digits_pos = digits.len();
    // Built right to left, then reversed.
    let mut rev: Vec<u32> =
        Vec::with_capacity(digits.len() + digits.len() / 3 + min_width as usize);
    let mut use_separator = false;
    let mut fill = |rev: &mut Vec<u32>, n_chars: isize, n_zeros: isize, use_separator: bool| {
        if use_separator {
            rev.extend(sep.iter().rev());
        }
        let n = n_chars.max(0) as usize;
        rev.extend(digits[digits_pos - n..digits_pos].iter().rev());
        digits_pos -= n;
        push_fill(rev, '0' as u32, n_zeros);
    };
    let mut groups = locale.grouping.iter();
    let mut previous: isize = 0;
    let mut loop_broken = false;
    loop {
        // The last group size repeats; an empty grouping means a single group.
        let l = match groups.next() {
            Some(&g) => {
                previous = g as isize;
                previous
            }
            None => previous,
        };
        if l <= 0 {
            break;
        }
        let l = l.min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        fill(&mut rev, n_chars, n_zeros, use_separator);
        use_separator = true;
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            loop_broken = true;
            break;
        }
        min_width -= sep_len;
    }
    if !loop_broken {
        let l = remaining.max(min_width).max(1);
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        fill(&mut rev, n_chars, n_zeros, use_separator);
    }
    rev.reverse();
    rev
}

/// `calc_number_widths`: split the number `digits` (sign already removed) into
/// digits, decimal point and remainder, and work out the padding for `format`.
#[allow(clippy::too_many_arguments)]
fn calc_number_widths(
    n_prefix: isize,
    sign_char: u32,
    digits: &[u32],
    n_remainder: isize,
    has_decimal: bool,
    locale: &LocaleInfo,
    format: &InternalFormatSpec,
) -> PyResult<NumberFieldWidths> {
    let n_decimal = if has_decimal {
        locale.decimal_point.chars().count() as isize
    } else {
        0
    };
    let n_digits = digits.len() as isize - n_remainder - isize::from(has_decimal);
    let (n_sign, sign) = match format.sign {
        b'+' => (1, if sign_char == '-' as u32 { '-' } else { '+' } as u32),
        b' ' => (1, if sign_char == '-' as u32 { '-' } else { ' ' } as u32),
        _ if sign_char == '-' as u32 => (1, '-' as u32),
        _ => (0, 0),
    };
    let n_non_digit_non_padding = n_sign + n_prefix + n_decimal + n_remainder;
    let n_min_width = if format.fill_char == '0' as u32 && format.align == b'=' {
        format.width - n_non_digit_non_padding
    } else {
        0
    };
    if n_min_width > MAX_OUTPUT {
        return Err(crate::pyerrors::PyErr_NoMemory());
    }
    let grouped_digits = if n_digits <= 0 {
        // Only for 'c', which has no digits; grouping wants at least one.
        Vec::new()
    } else {
        insert_thousands_grouping(&digits[..n_digits as usize], n_min_width, locale)
    };
    let mut spec = NumberFieldWidths {
        n_lpadding: 0,
        n_prefix,
        n_spadding: 0,
        n_rpadding: 0,
        sign,
        n_sign,
        n_decimal,
        n_remainder,
        n_digits: n_digits.max(0),
        grouped_digits,
    };
    let n_padding = format.width - (n_non_digit_non_padding + spec.grouped_digits.len() as isize);
    if n_padding > MAX_OUTPUT {
        return Err(crate::pyerrors::PyErr_NoMemory());
    }
    if n_padding > 0 {
        match format.align {
            b'<' => spec.n_rpadding = n_padding,
            b'^' => {
                spec.n_lpadding = n_padding / 2;
                spec.n_rpadding = n_padding - spec.n_lpadding;
            }
            b'=' => spec.n_spadding = n_padding,
            _ => spec.n_lpadding = n_padding,
        }
    }
    Ok(spec)
}

/// `fill_number`: write the pieces computed by `calc_number_widths`. `digits` is the
/// number without its sign; `prefix` the `0x`-style prefix to show.
fn fill_number(
    out: &mut Vec<u32>,
    spec: &NumberFieldWidths,
    digits: &[u32],
    prefix: &[u32],
    fill_char: u32,
    locale: &LocaleInfo,
    toupper: bool,
) {
    let upper = |c: u32| {
        if (b'a' as u32..=b'z' as u32).contains(&c) {
            c - 32
        } else {
            c
        }
    };
    push_fill(out, fill_char, spec.n_lpadding);
    if spec.n_sign == 1 {
        out.push(spec.sign);
    }
    for &c in prefix.iter().take(spec.n_prefix as usize) {
        out.push(if toupper { upper(c) } else { c });
    }
    push_fill(out, fill_char, spec.n_spadding);
    for &c in &spec.grouped_digits {
        out.push(if toupper { upper(c) } else { c });
    }
    let mut d_pos = spec.n_digits as usize;
    if spec.n_decimal > 0 {
        push_str(out, locale.decimal_point);
        d_pos += 1;
    }
    if spec.n_remainder > 0 {
        let end = (d_pos + spec.n_remainder as usize).min(digits.len());
        out.extend_from_slice(&digits[d_pos.min(end)..end]);
    }
    push_fill(out, fill_char, spec.n_rpadding);
}

fn ascii_code_points(s: &str) -> Vec<u32> {
    s.bytes().map(u32::from).collect()
}

/// `format_long_internal`: an int with type `b`, `c`, `d`, `o`, `x`, `X` or `n`.
fn format_long_internal(value: &PyObject, format: &InternalFormatSpec) -> PyResult {
    if format.precision != -1 {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if format.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let type_ = char::from_u32(format.type_).unwrap_or('d');
    let tmp: Vec<u32>;
    let mut sign_char = 0u32;
    let mut n_prefix = 0isize;
    let n_remainder;
    let mut digits_start = 0usize;
    let mut prefix_start = 0usize;
    if type_ == 'c' {
        if format.sign != 0 {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if format.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = PyLong_AsLong(value)?;
        if !(0..=0x10ffff).contains(&x) {
            return Err(overflow_error("%c arg not in range(0x110000)"));
        }
        tmp = vec![x as u32];
        // The character is treated as a "remainder": copied, never grouped.
        n_remainder = 1;
    } else {
        let (base, mut leading_chars_to_skip) = match type_ {
            'b' => (2, 2),
            'o' => (8, 2),
            'x' | 'X' => (16, 2),
            _ => (10, 0),
        };
        if format.sign != b'+'
            && format.sign != b' '
            && format.width == -1
            && type_ != 'X'
            && type_ != 'n'
            && format.thousands_separators == LocaleType::NoLocale
            && value.is_type(&PyLong_Type)
        {
            // Fast path: the plain text of the number.
            let s = _PyLong_Format(value, base)?;
            let s = if format.alternate || base == 10 {
                s
            } else {
                // `_PyLong_FormatWriter` without the alternate form drops the prefix.
                match s.strip_prefix('-') {
                    Some(rest) => format!("-{}", &rest[2..]),
                    None => s[2..].to_string(),
                }
            };
            return Ok(PyUnicode_FromString(&s));
        }
        if format.alternate {
            n_prefix = leading_chars_to_skip as isize;
        }
        let s = _PyLong_Format(value, base)?;
        tmp = ascii_code_points(&s);
        if tmp.first() == Some(&('-' as u32)) {
            sign_char = '-' as u32;
            prefix_start = 1;
            leading_chars_to_skip += 1;
        }
        digits_start = leading_chars_to_skip;
        n_remainder = 0;
    }
    let locale = get_locale_info(if type_ == 'n' {
        LocaleType::CurrentLocale
    } else {
        format.thousands_separators
    });
    let digits = &tmp[digits_start.min(tmp.len())..];
    let spec = calc_number_widths(
        n_prefix,
        sign_char,
        digits,
        n_remainder,
        false,
        &locale,
        format,
    )?;
    let mut out = Vec::new();
    let prefix = &tmp[prefix_start.min(tmp.len())..];
    fill_number(
        &mut out,
        &spec,
        digits,
        prefix,
        format.fill_char,
        &locale,
        type_ == 'X',
    );
    Ok(PyUnicode_FromCodePoints(&out))
}

/// `parse_number`: where the digits before the point end. Returns the length of the
/// remainder (after the point, or from the exponent or `%`) and whether a point is
/// there.
fn parse_number(s: &[u32]) -> (isize, bool) {
    let pos = s
        .iter()
        .take_while(|&&c| (b'0' as u32..=b'9' as u32).contains(&c))
        .count();
    let has_decimal = s.get(pos) == Some(&('.' as u32));
    let remainder_start = pos + usize::from(has_decimal);
    ((s.len() - remainder_start) as isize, has_decimal)
}

/// The `float.__format__` spec translated to `PyOS_double_to_string`'s terms: the
/// type code, the precision and the flags.
fn float_format_params(format: &InternalFormatSpec) -> PyResult<(char, i32, u32, bool)> {
    if format.precision > i32::MAX as isize {
        return Err(value_error("precision too big"));
    }
    if format.precision > MAX_PRECISION {
        return Err(crate::pyerrors::PyErr_NoMemory());
    }
    let mut precision = format.precision as i32;
    let mut default_precision = 6;
    let mut flags = 0;
    if format.alternate {
        flags |= Py_DTSF_ALT;
    }
    if format.no_neg_0 {
        flags |= Py_DTSF_NO_NEG_0;
    }
    let mut type_ = char::from_u32(format.type_).unwrap_or('\0');
    if type_ == '\0' {
        // No type: like repr, or like 'g' with at least one digit after the point
        // when a precision is given.
        flags |= Py_DTSF_ADD_DOT_0;
        type_ = 'r';
        default_precision = 0;
    }
    if type_ == 'n' {
        type_ = 'g';
    }
    let mut add_pct = false;
    if type_ == '%' {
        type_ = 'f';
        add_pct = true;
    }
    if precision < 0 {
        precision = default_precision;
    } else if type_ == 'r' {
        type_ = 'g';
    }
    Ok((type_, precision, flags, add_pct))
}

/// `format_float_internal`.
fn format_float_internal(value: &PyObject, format: &InternalFormatSpec) -> PyResult {
    let (type_, precision, flags, add_pct) = float_format_params(format)?;
    let mut val = PyFloat_AsDouble(value)?;
    if add_pct {
        val *= 100.0;
    }
    let (mut buf, _) = PyOS_double_to_string(val, type_, precision, flags);
    if add_pct {
        buf.push('%');
    }
    if format.sign != b'+'
        && format.sign != b' '
        && format.width == -1
        && format.type_ != 'n' as u32
        && format.thousands_separators == LocaleType::NoLocale
    {
        return Ok(PyUnicode_FromString(&buf));
    }
    let tmp = ascii_code_points(&buf);
    let (sign_char, digits) = match tmp.split_first() {
        Some((&c, rest)) if c == '-' as u32 => (c, rest),
        _ => (0, &tmp[..]),
    };
    let (n_remainder, has_decimal) = parse_number(digits);
    let locale = get_locale_info(if format.type_ == 'n' as u32 {
        LocaleType::CurrentLocale
    } else {
        format.thousands_separators
    });
    let spec = calc_number_widths(
        0,
        sign_char,
        digits,
        n_remainder,
        has_decimal,
        &locale,
        format,
    )?;
    let mut out = Vec::new();
    fill_number(
        &mut out,
        &spec,
        digits,
        &[],
        format.fill_char,
        &locale,
        false,
    );
    Ok(PyUnicode_FromCodePoints(&out))
}

/// `format_complex_internal`.
fn format_complex_internal(value: &PyObject, format: &InternalFormatSpec) -> PyResult {
    if format.precision > i32::MAX as isize {
        return Err(value_error("precision too big"));
    }
    if format.precision > MAX_PRECISION {
        return Err(crate::pyerrors::PyErr_NoMemory());
    }
    if format.fill_char == '0' as u32 {
        return Err(value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if format.align == b'=' {
        return Err(value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let re = crate::complexobject::PyComplex_RealAsDouble(value)?;
    let im = crate::complexobject::PyComplex_ImagAsDouble(value)?;
    let mut flags = 0;
    if format.alternate {
        flags |= Py_DTSF_ALT;
    }
    if format.no_neg_0 {
        flags |= Py_DTSF_NO_NEG_0;
    }
    let mut precision = format.precision as i32;
    let mut default_precision = 6;
    let mut type_ = char::from_u32(format.type_).unwrap_or('\0');
    let mut skip_re = false;
    let mut add_parens = false;
    if type_ == '\0' {
        // No type: like str(), parentheses unless the real part is +0.
        type_ = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    if type_ == 'n' {
        type_ = 'g';
    }
    if precision < 0 {
        precision = default_precision;
    } else if type_ == 'r' {
        type_ = 'g';
    }
    let re_buf = ascii_code_points(&PyOS_double_to_string(re, type_, precision, flags).0);
    let im_buf = ascii_code_points(&PyOS_double_to_string(im, type_, precision, flags).0);
    let split_sign = |buf: &[u32]| -> (u32, Vec<u32>) {
        match buf.split_first() {
            Some((&c, rest)) if c == '-' as u32 => (c, rest.to_vec()),
            _ => (0, buf.to_vec()),
        }
    };
    let (re_sign, re_digits) = split_sign(&re_buf);
    let (im_sign, im_digits) = split_sign(&im_buf);
    let (re_rem, re_dec) = parse_number(&re_digits);
    let (im_rem, im_dec) = parse_number(&im_digits);
    let locale = get_locale_info(if format.type_ == 'n' as u32 {
        LocaleType::CurrentLocale
    } else {
        format.thousands_separators
    });
    // The parts are laid out unpadded; the padding goes around the whole.
    let mut tmp_format = format.clone();
    tmp_format.fill_char = 0;
    tmp_format.align = b'<';
    tmp_format.width = -1;
    let re_spec = calc_number_widths(0, re_sign, &re_digits, re_rem, re_dec, &locale, &tmp_format)?;
    // The imaginary part always shows its sign, unless it stands alone.
    if !skip_re {
        tmp_format.sign = b'+';
    }
    let im_spec = calc_number_widths(0, im_sign, &im_digits, im_rem, im_dec, &locale, &tmp_format)?;
    let mut body = Vec::new();
    if add_parens {
        body.push('(' as u32);
    }
    if !skip_re {
        fill_number(&mut body, &re_spec, &re_digits, &[], 0, &locale, false);
    }
    fill_number(&mut body, &im_spec, &im_digits, &[], 0, &locale, false);
    body.push('j' as u32);
    if add_parens {
        body.push(')' as u32);
    }
    let (lpad, rpad) = calc_padding(body.len() as isize, format.width, format.align);
    if lpad + rpad > MAX_OUTPUT {
        return Err(crate::pyerrors::PyErr_NoMemory());
    }
    let mut out = Vec::with_capacity(body.len() + (lpad + rpad) as usize);
    push_fill(&mut out, format.fill_char, lpad);
    out.extend_from_slice(&body);
    push_fill(&mut out, format.fill_char, rpad);
    Ok(PyUnicode_FromCodePoints(&out))
}

/// `_PyLong_FormatAdvancedWriter`: `int.__format__` (and `bool.__format__`).
pub fn _PyLong_FormatAdvanced(obj: &PyObject, spec: &PyObject) -> PyResult {
    let spec = spec_code_points(spec)?;
    if spec.is_empty() {
        if obj.is_type(&PyLong_Type) {
            return Ok(PyUnicode_FromString(&_PyLong_Format(obj, 10)?));
        }
        return format_obj(obj);
    }
    let format = parse_internal_render_format_spec(obj, &spec, b'd', b'>')?;
    match char::from_u32(format.type_) {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_long_internal(obj, &format),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let tmp = PyNumber_Float(obj)?;
            format_float_internal(&tmp, &format)
        }
        _ => Err(unknown_presentation_type(
            format.type_,
            obj.ob_type().name(),
        )),
    }
}

/// `_PyFloat_FormatAdvancedWriter`: `float.__format__`.
pub fn _PyFloat_FormatAdvanced(obj: &PyObject, spec: &PyObject) -> PyResult {
    let spec = spec_code_points(spec)?;
    if spec.is_empty() {
        return format_obj(obj);
    }
    let format = parse_internal_render_format_spec(obj, &spec, 0, b'>')?;
    match char::from_u32(format.type_) {
        Some('\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_internal(obj, &format)
        }
        _ => Err(unknown_presentation_type(
            format.type_,
            obj.ob_type().name(),
        )),
    }
}

/// `_PyComplex_FormatAdvancedWriter`: `complex.__format__`.
pub fn _PyComplex_FormatAdvanced(obj: &PyObject, spec: &PyObject) -> PyResult {
    let spec = spec_code_points(spec)?;
    if spec.is_empty() {
        return format_obj(obj);
    }
    let format = parse_internal_render_format_spec(obj, &spec, 0, b'>')?;
    match char::from_u32(format.type_) {
        Some('\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {
            format_complex_internal(obj, &format)
        }
        _ => Err(unknown_presentation_type(
            format.type_,
            obj.ob_type().name(),
        )),
    }
}

/// Is `obj` an int (for callers that dispatch on the type before formatting)?
pub fn is_long(obj: &PyObject) -> bool {
    PyLongObject::check(obj)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(digits: &str, min_width: isize, kind: LocaleType) -> String {
        let d: Vec<u32> = digits.chars().map(|c| c as u32).collect();
        insert_thousands_grouping(&d, min_width, &get_locale_info(kind))
            .into_iter()
            .filter_map(char::from_u32)
            .collect()
    }

    #[test]
    fn float_format_grouping() {
        assert_eq!(group("1234567", 0, LocaleType::DefaultLocale), "1,234,567");
        assert_eq!(group("123", 0, LocaleType::DefaultLocale), "123");
        assert_eq!(group("1234", 9, LocaleType::DefaultLocale), "0,001,234");
        assert_eq!(group("1234", 10, LocaleType::DefaultLocale), "00,001,234");
        assert_eq!(group("ffffff", 0, LocaleType::UnderFourLocale), "ff_ffff");
        assert_eq!(group("12", 5, LocaleType::NoLocale), "00012");
        assert_eq!(group("1", 0, LocaleType::NoLocale), "1");
    }

    #[test]
    fn float_format_padding() {
        assert_eq!(calc_padding(3, 7, b'^'), (2, 2));
        assert_eq!(calc_padding(3, 8, b'^'), (2, 3));
        assert_eq!(calc_padding(3, 2, b'>'), (0, 0));
        assert_eq!(calc_padding(3, -1, b'<'), (0, 0));
        assert_eq!(type_for_message('x' as u32), "'x'");
        assert_eq!(type_for_message(0x20ac), "'\\x20ac'");
    }
}
