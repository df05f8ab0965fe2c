//! The `binascii` module: conversions between binary data and ASCII encodings
//! (base64, hexadecimal, uuencode, quoted-printable) and the CRC-32 and CRC-CCITT
//! checksums. Mirrors Modules/binascii.c (CPython 3.11).
//!
//! Differences from CPython: none known; the CRC-32 table is computed at first use
//! from the reflected polynomial 0xEDB88320 rather than written out.

use objects::pyerrors::cached_exception_type;
use std::sync::OnceLock;

use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::bytesobject::{buffer_arg, PyBytes_FromSlice};
use objects::getargs::{check_positional, unpack_keywords, ArgSpec};
use objects::longobject::{PyLongObject, PyLong_AsLong, PyLong_FromLong, PyLong_FromU64};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::PyObject_IsTrue;
use objects::prelude::*;
use objects::r#abstract::{PyNumber_Index, PyObject_CheckBuffer};
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

static ERROR: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);
static INCOMPLETE: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);

fn error_type() -> PyResult<&'static PyTypeObject> {
    cached_exception_type(
        &ERROR,
        "binascii.Error",
        &[&objects::exceptions::PyExc_ValueError],
    )
}

fn incomplete_type() -> PyResult<&'static PyTypeObject> {
    cached_exception_type(&INCOMPLETE, "binascii.Incomplete", &[])
}

/// Raise `binascii.Error(msg)`.
fn binascii_error(msg: impl AsRef<str>) -> PyErr {
    match error_type() {
        Ok(tp) => PyErr_SetString(tp, msg),
        Err(e) => e,
    }
}

/// `ascii_buffer_converter`: the a2b functions take bytes-like objects or ASCII str.
fn ascii_buffer(arg: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(u) = arg.downcast_ref::<PyUnicodeObject>() {
        let s = objects::unicodeobject::as_str_lossy(u.as_object());
        if u.max_char() > 0x7f {
            return Err(value_error(
                "string argument should contain only ASCII characters",
            ));
        }
        return Ok(s.as_bytes().to_vec());
    }
    if !PyObject_CheckBuffer(arg) {
        return Err(type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            arg.ob_type().name()
        )));
    }
    Ok(buffer_arg(arg)?.into_owned())
}

/// The `Py_buffer` ("y*") argument of the b2a functions and the checksums.
fn bin_buffer(arg: &PyObject) -> PyResult<Vec<u8>> {
    Ok(buffer_arg(arg)?.into_owned())
}

/// The boolean value of an optional keyword argument.
fn flag(arg: &Option<PyObjectRef>, default: bool) -> PyResult<bool> {
    match arg {
        Some(v) => PyObject_IsTrue(v),
        None => Ok(default),
    }
}

const BASE64_PAD: u8 = b'=';
const TABLE_B2A_BASE64: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `table_a2b_base64`: the value of a base64 character, or 64 and up for others.
fn a2b_base64_value(c: u8) -> u8 {
    match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => 255,
    }
}

/// `binascii.a2b_uu(data, /)`: decode a line of uuencoded data.
fn binascii_a2b_uu(_m: &PyObject, arg: &PyObject) -> PyResult {
    let data = ascii_buffer(arg)?;
    // The first character holds the length; an empty line reads C's terminating
    // NUL there, which gives 32 zero bytes.
    let mut bin_len = usize::from(data.first().copied().unwrap_or(0).wrapping_sub(b' ') & 0o77);
    let mut pos = 1;
    let mut out = Vec::with_capacity(bin_len);
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    while bin_len > 0 {
        let this = data.get(pos).copied();
        pos += 1;
        let v = match this {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) => {
                // '@' + 32 is accepted too: some encoders write '`' for zero.
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(binascii_error("Illegal char"));
                }
                u32::from((c - b' ') & 0o77)
            }
        };
        leftchar = (leftchar << 6) | v;
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push((leftchar >> leftbits) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    // Anything left on the line must be whitespace (or '`' padding).
    while pos < data.len() {
        let c = data[pos];
        pos += 1;
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(binascii_error("Trailing garbage"));
        }
    }
    Ok(PyBytes_FromSlice(&out))
}

/// `binascii.b2a_uu(data, /, *, backtick=False)`: uuencode at most 45 bytes.
fn binascii_b2a_uu(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "b2a_uu",
            names: &["", "backtick"],
            posonly: 1,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let data = bin_buffer(a[0].as_ref().unwrap_or(&args[0]))?;
    let backtick = flag(&a[1], false)?;
    if data.len() > 45 {
        return Err(binascii_error("At most 45 bytes at once"));
    }
    let enc = |v: u32| -> u8 {
        if backtick && v == 0 {
            b'`'
        } else {
            b' ' + v as u8
        }
    };
    let mut out = vec![enc(data.len() as u32 & 0o77)];
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    let mut i = 0;
    while i < data.len() || leftbits != 0 {
        // Shift in the data, or zero padding after its end.
        leftchar = (leftchar << 8) | u32::from(data.get(i).copied().unwrap_or(0));
        i += 1;
        leftbits += 8;
        while leftbits >= 6 {
            let v = (leftchar >> (leftbits - 6)) & 0x3f;
            leftbits -= 6;
            out.push(enc(v));
        }
        leftchar &= (1 << leftbits) - 1;
    }
    out.push(b'\n');
    Ok(PyBytes_FromSlice(&out))
}

/// `binascii.a2b_base64(data, /, *, strict_mode=False)`.
fn binascii_a2b_base64(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "a2b_base64",
            names: &["", "strict_mode"],
            posonly: 1,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let data = ascii_buffer(a[0].as_ref().unwrap_or(&args[0]))?;
    let strict_mode = flag(&a[1], false)?;
    if strict_mode && data.first() == Some(&BASE64_PAD) {
        return Err(binascii_error("Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let mut quad_pos = 0;
    let mut pads = 0;
    let mut leftchar: u8 = 0;
    let mut padding_started = false;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == BASE64_PAD {
            padding_started = true;
            pads += 1;
            if quad_pos >= 2 && quad_pos + pads >= 4 {
                // A complete pad sequence ends the data.
                if strict_mode && i + 1 < data.len() {
                    return Err(binascii_error("Excess data after padding"));
                }
                return Ok(PyBytes_FromSlice(&out));
            }
            i += 1;
            continue;
        }
        let v = a2b_base64_value(c);
        if v >= 64 {
            if strict_mode {
                return Err(binascii_error("Only base64 data is allowed"));
            }
            i += 1;
            continue;
        }
        if strict_mode && padding_started {
            return Err(binascii_error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                leftchar = v;
            }
            1 => {
                quad_pos = 2;
                out.push((leftchar << 2) | (v >> 4));
                leftchar = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((leftchar << 4) | (v >> 2));
                leftchar = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((leftchar << 6) | v);
                leftchar = 0;
            }
        }
        i += 1;
    }
    if quad_pos != 0 {
        if quad_pos == 1 {
            // One data character past a multiple of four cannot be base64.
            return Err(binascii_error(format!(
                "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
                out.len() / 3 * 4 + 1
            )));
        }
        return Err(binascii_error("Incorrect padding"));
    }
    Ok(PyBytes_FromSlice(&out))
}

/// `binascii.b2a_base64(data, /, *, newline=True)`.
fn binascii_b2a_base64(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "b2a_base64",
            names: &["", "newline"],
            posonly: 1,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let data = bin_buffer(a[0].as_ref().unwrap_or(&args[0]))?;
    let newline = flag(&a[1], true)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(TABLE_B2A_BASE64[(n >> 18) as usize & 0x3f]);
        out.push(TABLE_B2A_BASE64[(n >> 12) as usize & 0x3f]);
        out.push(if chunk.len() > 1 {
            TABLE_B2A_BASE64[(n >> 6) as usize & 0x3f]
        } else {
            BASE64_PAD
        });
        out.push(if chunk.len() > 2 {
            TABLE_B2A_BASE64[n as usize & 0x3f]
        } else {
            BASE64_PAD
        });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(PyBytes_FromSlice(&out))
}

/// The CRC-CCITT table (polynomial 0x1021), as `crctab_hqx`.
fn crctab_hqx() -> &'static [u16; 256] {
    static TABLE: OnceLock<[u16; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u16; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut crc = (i as u16) << 8;
            for _ in 0..8 {
                crc = if crc & 0x8000 != 0 {
                    (crc << 1) ^ 0x1021
                } else {
                    crc << 1
                };
            }
            *slot = crc;
        }
        t
    })
}

/// The CRC-32 table (reflected polynomial 0xEDB88320), as zlib's.
fn crc_32_tab() -> &'static [u32; 256] {
    static TABLE: OnceLock<[u32; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    })
}

/// The `unsigned_int(bitwise=True)` converter: the low 32 bits of an int.
fn unsigned_int_bitwise(arg: &PyObject) -> PyResult<u32> {
    let Some(l) = arg.downcast_ref::<PyLongObject>() else {
        if arg
            .downcast_ref::<objects::floatobject::PyFloatObject>()
            .is_some()
        {
            return Err(type_error(
                "'float' object cannot be interpreted as an integer",
            ));
        }
        let i = PyNumber_Index(arg)?;
        return unsigned_int_bitwise(&i);
    };
    let b = l.to_bigint();
    let low = b & num_bigint::BigInt::from(u32::MAX);
    Ok(num_traits::ToPrimitive::to_u32(&low).unwrap_or(0))
}

/// `binascii.crc_hqx(data, crc, /)`: CRC-CCITT, as in binhex4.
fn binascii_crc_hqx(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("crc_hqx", args.len(), 2, 2)?;
    let data = bin_buffer(&args[0])?;
    let mut crc = (unsigned_int_bitwise(&args[1])? & 0xffff) as u16;
    let tab = crctab_hqx();
    for &b in &data {
        crc = (crc << 8) ^ tab[usize::from((crc >> 8) as u8 ^ b)];
    }
    Ok(PyLong_FromLong(i64::from(crc)))
}

/// `binascii.crc32(data, crc=0, /)`.
fn binascii_crc32(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("crc32", args.len(), 1, 2)?;
    let data = bin_buffer(&args[0])?;
    let crc = match args.get(1) {
        Some(c) => unsigned_int_bitwise(c)?,
        None => 0,
    };
    let tab = crc_32_tab();
    let mut c = !crc;
    for &b in &data {
        c = tab[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
    }
    Ok(PyLong_FromU64(u64::from(!c)))
}

/// `binascii.b2a_hex(data, sep=<unrepresentable>, bytes_per_sep=1)` and `hexlify`.
fn hex_common(fname: &str, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname,
            names: &["data", "sep", "bytes_per_sep"],
            posonly: 0,
            maxpos: 3,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let data = bin_buffer(a[0].as_ref().unwrap_or(&args[0]))?;
    let per = match &a[2] {
        Some(v) => {
            let n = PyLong_AsLong(v)?;
            i32::try_from(n)
                .map_err(|_| overflow_error("Python int too large to convert to C int"))?
        }
        None => 1,
    };
    let hex = objects::bytesobject::_Py_strhex(a[1].as_deref(), per, &data, true)?;
    Ok(PyBytes_FromSlice(&hex))
}

fn binascii_b2a_hex(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    hex_common("b2a_hex", args, kwnames)
}

fn binascii_hexlify(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    hex_common("hexlify", args, kwnames)
}

/// `binascii.a2b_hex(hexstr, /)` and `unhexlify`.
fn binascii_a2b_hex(_m: &PyObject, arg: &PyObject) -> PyResult {
    let data = ascii_buffer(arg)?;
    if data.len() % 2 != 0 {
        return Err(binascii_error("Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(hi), Some(lo)) => out.push((hi * 16 + lo) as u8),
            _ => return Err(binascii_error("Non-hexadecimal digit found")),
        }
    }
    Ok(PyBytes_FromSlice(&out))
}

/// `binascii.a2b_qp(data, header=False)`: decode quoted-printable data.
fn binascii_a2b_qp(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "a2b_qp",
            names: &["data", "header"],
            posonly: 0,
            maxpos: 2,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let data = ascii_buffer(a[0].as_ref().unwrap_or(&args[0]))?;
    let header = flag(&a[1], false)?;
    let hexval = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i] == b'=' {
            i += 1;
            if i >= data.len() {
                break;
            }
            if data[i] == b'\n' || data[i] == b'\r' {
                // A soft line break: drop up to and including the newline.
                if data[i] != b'\n' {
                    while i < data.len() && data[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < data.len() {
                    i += 1;
                }
            } else if data[i] == b'=' {
                // "==", from a broken encoder.
                out.push(b'=');
                i += 1;
            } else if i + 1 < data.len()
                && hexval(data[i]).is_some()
                && hexval(data[i + 1]).is_some()
            {
                let hi = hexval(data[i]).unwrap_or(0);
                let lo = hexval(data[i + 1]).unwrap_or(0);
                out.push((hi * 16 + lo) as u8);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && data[i] == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    Ok(PyBytes_FromSlice(&out))
}

const MAXLINESIZE: usize = 76;

/// `binascii.b2a_qp(data, quotetabs=False, istext=True, header=False)`.
fn binascii_b2a_qp(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "b2a_qp",
            names: &["data", "quotetabs", "istext", "header"],
            posonly: 0,
            maxpos: 4,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let data = bin_buffer(a[0].as_ref().unwrap_or(&args[0]))?;
    let quotetabs = flag(&a[1], false)?;
    let istext = flag(&a[2], true)?;
    let header = flag(&a[3], false)?;
    // Line ends are written as the first one in the data is: CRLF or LF.
    let crlf = match data.iter().position(|&c| c == b'\n') {
        Some(p) => p > 0 && data[p - 1] == b'\r',
        None => false,
    };
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out: Vec<u8> = Vec::with_capacity(data.len() * 2);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let n = data.len();
    let mut i = 0;
    let mut linelen = 0;
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let needs_quoting = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.'
                && linelen == 0
                && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == n)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if needs_quoting {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            out.push(HEX[usize::from(c >> 4)]);
            out.push(HEX[usize::from(c & 15)]);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (i + 1 < n && c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Whitespace at the end of a line is quoted.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.push(b'=');
                    out.push(HEX[usize::from(last >> 4)]);
                    out.push(HEX[usize::from(last & 15)]);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != n && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            if header && c == b' ' {
                out.push(b'_');
            } else {
                out.push(c);
            }
            i += 1;
        }
    }
    Ok(PyBytes_FromSlice(&out))
}

static BINASCII_METHODS: [PyMethodDef; 12] = [
    PyMethodDef::new(
        "a2b_uu",
        PyCFunction::O(binascii_a2b_uu),
        "a2b_uu($module, data, /)\n--\n\nDecode a line of uuencoded data.",
    ),
    PyMethodDef::new(
        "b2a_uu",
        PyCFunction::FastKw(binascii_b2a_uu),
        "b2a_uu($module, data, /, *, backtick=False)\n--\n\nUuencode line of data.",
    ),
    PyMethodDef::new(
        "a2b_base64",
        PyCFunction::FastKw(binascii_a2b_base64),
        "a2b_base64($module, data, /, *, strict_mode=False)\n--\n\nDecode a line of base64 data.\n\n  strict_mode\n    When set to True, bytes that are not part of the base64 standard are not allowed.\n    The same applies to excess data after padding (= / ==).",
    ),
    PyMethodDef::new(
        "b2a_base64",
        PyCFunction::FastKw(binascii_b2a_base64),
        "b2a_base64($module, data, /, *, newline=True)\n--\n\nBase64-code line of data.",
    ),
    PyMethodDef::new(
        "a2b_hex",
        PyCFunction::O(binascii_a2b_hex),
        "a2b_hex($module, hexstr, /)\n--\n\nBinary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case).\nThis function is also available as \"unhexlify()\".",
    ),
    PyMethodDef::new(
        "b2a_hex",
        PyCFunction::FastKw(binascii_b2a_hex),
        "b2a_hex($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nHexadecimal representation of binary data.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nThe return value is a bytes object.  This function is also\navailable as \"hexlify()\".\n\nExample:\n>>> binascii.b2a_hex(b'\\xb9\\x01\\xef')\nb'b901ef'\n>>> binascii.hexlify(b'\\xb9\\x01\\xef', ':')\nb'b9:01:ef'\n>>> binascii.b2a_hex(b'\\xb9\\x01\\xef', b'_', 2)\nb'b9_01ef'",
    ),
    PyMethodDef::new(
        "hexlify",
        PyCFunction::FastKw(binascii_hexlify),
        "hexlify($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\nHexadecimal representation of binary data.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nThe return value is a bytes object.  This function is also\navailable as \"b2a_hex()\".",
    ),
    PyMethodDef::new(
        "unhexlify",
        PyCFunction::O(binascii_a2b_hex),
        "unhexlify($module, hexstr, /)\n--\n\nBinary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case).",
    ),
    PyMethodDef::new(
        "crc_hqx",
        PyCFunction::Fast(binascii_crc_hqx),
        "crc_hqx($module, data, crc, /)\n--\n\nCompute CRC-CCITT incrementally.",
    ),
    PyMethodDef::new(
        "crc32",
        PyCFunction::Fast(binascii_crc32),
        "crc32($module, data, crc=0, /)\n--\n\nCompute CRC-32 incrementally.",
    ),
    PyMethodDef::new(
        "a2b_qp",
        PyCFunction::FastKw(binascii_a2b_qp),
        "a2b_qp($module, /, data, header=False)\n--\n\nDecode a string of qp-encoded data.",
    ),
    PyMethodDef::new(
        "b2a_qp",
        PyCFunction::FastKw(binascii_b2a_qp),
        "b2a_qp($module, /, data, quotetabs=False, istext=True, header=False)\n--\n\nEncode a string using quoted-printable encoding.\n\nOn encoding, when istext is set, newlines are not encoded, and white\nspace at end of lines is.  When istext is not set, \\r and \\n (CR/LF)\nare both encoded.  When quotetabs is set, space and tabs are encoded.",
    ),
];

/// Make the `binascii` module (`PyInit_binascii`).
pub fn PyInit_binascii() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("binascii")?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("Conversion between binary data and ASCII"),
    )?;
    PyModule_AddFunctions(&m, &BINASCII_METHODS)?;
    PyModule_AddObject(&m, "Error", error_type()?.as_object())?;
    PyModule_AddObject(&m, "Incomplete", incomplete_type()?.as_object())?;
    Ok(m)
}
