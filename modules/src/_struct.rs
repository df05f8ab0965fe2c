//! The `_struct` module: packing Python values into C structs and back. Mirrors
//! Modules/_struct.c (CPython 3.11); `lib/struct.py` re-exports it.
//!
//! A format compiles into a list of codes (`prepare_s`), each with its offset, so
//! packing and unpacking walk the codes once. The three tables of CPython (native
//! with alignment, little-endian and big-endian standard sizes) are [`Table`]; the
//! per-character packers follow CPython's messages and range checks, including its
//! quirks (`'h'` says "short format requires ...", 8-byte integers say "argument out
//! of range", an int too large for a float format says "int too large to convert").
//!
//! Differences from CPython: `iter_unpack` copies the buffer instead of holding a
//! view of it, so a bytearray can be resized while an iterator over it is alive.

use objects::pyerrors::cached_exception_type;
use std::cell::Cell;
use std::mem::{offset_of, size_of};

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use include::cpython::object::flags::Py_TPFLAGS_BASETYPE;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;
use include::pybuffer::{PyBUF_WRITABLE, Py_buffer};

use objects::boolobject::PyBool_FromLong;
use objects::bytearrayobject::PyByteArrayObject;
use objects::bytesobject::{buffer_arg, PyBytesObject, PyBytes_FromSlice};
use objects::dictobject::{
    PyDict_Clear, PyDict_GetItemWithError, PyDict_New, PyDict_SetItem, PyDict_Size,
};
use objects::floatobject::{PyFloat_AsDouble, PyFloat_FromDouble};
use objects::getargs::{check_positional, unpack_keywords, ArgSpec};
use objects::longobject::{PyLongObject, PyLong_FromLong, PyLong_FromU64};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, PyObject_IsTrue};
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::r#abstract::{
    PyBuffer_Release, PyNumber_AsSsize_t, PyNumber_Index, PyObject_GetBuffer,
};
use objects::tupleobject::PyTuple_New;
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

/// Which `formatdef` table a format uses: its first character decides.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Table {
    /// `@` (or nothing): native sizes, alignment and byte order.
    Native,
    /// `<` and `=`: standard sizes, little-endian (`=` is native order, which is
    /// little-endian on every platform pyrs builds for).
    Little,
    /// `>` and `!`: standard sizes, big-endian.
    Big,
}

/// `formatcode`: one compiled item of a format.
#[derive(Clone, Copy)]
struct FormatCode {
    table: Table,
    format: u8,
    offset: usize,
    /// The item size (for `s` and `p`, the whole field).
    size: usize,
    /// How many items (always 1 for `s` and `p`).
    repeat: usize,
}

/// `getentry`: the size and alignment of a format character in a table, or `None`
/// for "bad char in struct format".
fn getentry(table: Table, c: u8) -> Option<(usize, usize)> {
    let native = table == Table::Native;
    Some(match c {
        b'x' | b'c' | b's' | b'p' => (1, 0),
        b'b' | b'B' | b'?' => (1, 1),
        b'h' | b'H' | b'e' => (2, 2),
        b'i' | b'I' | b'f' => (4, 4),
        b'l' | b'L' => {
            if native {
                (size_of::<libc::c_long>(), size_of::<libc::c_long>())
            } else {
                (4, 4)
            }
        }
        b'q' | b'Q' | b'd' => (8, 8),
        b'n' | b'N' | b'P' if native => (size_of::<usize>(), size_of::<usize>()),
        _ => return None,
    })
    .map(|(size, align)| (size, if native { align } else { 0 }))
}

static STRUCT_ERROR: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);

/// `struct.error`, made once.
fn struct_error_type() -> PyResult<&'static PyTypeObject> {
    cached_exception_type(&STRUCT_ERROR, "struct.error", &[])
}

/// Raise `struct.error(msg)`.
fn struct_error(msg: impl AsRef<str>) -> PyErr {
    match struct_error_type() {
        Ok(tp) => PyErr_SetString(tp, msg),
        Err(e) => e,
    }
}

/// `prepare_s`: compile a format into codes; the total size and the number of
/// values it packs.
fn prepare_s(fmt: &[u8]) -> PyResult<(Vec<FormatCode>, usize, usize)> {
    if fmt.contains(&0) {
        return Err(struct_error("embedded null character"));
    }
    let (table, body) = match fmt.first() {
        Some(b'<') | Some(b'=') => (Table::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Table::Big, &fmt[1..]),
        Some(b'@') => (Table::Native, &fmt[1..]),
        _ => (Table::Native, fmt),
    };
    let overflow = || struct_error("total struct size too long");
    let mut codes = Vec::new();
    let mut size: usize = 0;
    let mut len: usize = 0;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() || c == 0x0b {
            continue;
        }
        let num = if c.is_ascii_digit() {
            let mut num = (c - b'0') as usize;
            loop {
                match body.get(i) {
                    Some(&d) if d.is_ascii_digit() => {
                        num = num
                            .checked_mul(10)
                            .and_then(|n| n.checked_add((d - b'0') as usize))
                            .filter(|&n| n <= isize::MAX as usize)
                            .ok_or_else(overflow)?;
                        i += 1;
                    }
                    Some(&d) => {
                        c = d;
                        i += 1;
                        break;
                    }
                    None => {
                        return Err(struct_error("repeat count given without format specifier"));
                    }
                }
            }
            num
        } else {
            1
        };
        let Some((itemsize, align)) = getentry(table, c) else {
            return Err(struct_error("bad char in struct format"));
        };
        if align > 0 && size > 0 {
            let extra = (align - 1) - (size - 1) % align;
            size = size.checked_add(extra).ok_or_else(overflow)?;
        }
        match c {
            b's' | b'p' => {
                len += 1;
                codes.push(FormatCode {
                    table,
                    format: c,
                    offset: size,
                    size: num,
                    repeat: 1,
                });
            }
            b'x' => {}
            _ => {
                len += num;
                if num > 0 {
                    codes.push(FormatCode {
                        table,
                        format: c,
                        offset: size,
                        size: itemsize,
                        repeat: num,
                    });
                }
            }
        }
        if num > (isize::MAX as usize - size) / itemsize {
            return Err(overflow());
        }
        size += num * itemsize;
    }
    Ok((codes, size, len))
}

/// `get_pylong`: an int argument (through `__index__`).
fn get_pylong(v: &PyObject) -> PyResult<BigInt> {
    if let Some(l) = v.downcast_ref::<PyLongObject>() {
        return Ok(l.to_bigint());
    }
    if v.ob_type().tp_as_number.nb_index.get().is_none() {
        return Err(struct_error("required argument is not an integer"));
    }
    let i = PyNumber_Index(v)?;
    Ok(i.downcast_ref::<PyLongObject>()
        .map(|l| l.to_bigint())
        .unwrap_or_default())
}

/// `get_long`: a signed 64-bit value.
fn get_long(v: &PyObject) -> PyResult<i64> {
    get_pylong(v)?
        .to_i64()
        .ok_or_else(|| struct_error("argument out of range"))
}

/// `get_ulong`: an unsigned 64-bit value.
fn get_ulong(v: &PyObject) -> PyResult<u64> {
    get_pylong(v)?
        .to_u64()
        .ok_or_else(|| struct_error("argument out of range"))
}

/// `_range_error`: "'i' format requires -2147483648 <= number <= 2147483647".
fn range_error(c: u8, size: usize, is_unsigned: bool) -> PyErr {
    let ulargest: u64 = u64::MAX >> ((8 - size) * 8);
    if is_unsigned {
        struct_error(format!(
            "'{}' format requires 0 <= number <= {ulargest}",
            c as char
        ))
    } else {
        let largest = (ulargest >> 1) as i64;
        struct_error(format!(
            "'{}' format requires {} <= number <= {largest}",
            c as char, !largest
        ))
    }
}

/// Write the low `out.len()` bytes of `v` in the code's byte order.
fn put_bytes(table: Table, out: &mut [u8], v: u64) {
    let n = out.len();
    match table {
        Table::Big => out.copy_from_slice(&v.to_be_bytes()[8 - n..]),
        Table::Little | Table::Native => out.copy_from_slice(&v.to_le_bytes()[..n]),
    }
}

/// Read `data` as an unsigned number in the code's byte order.
fn get_bytes(table: Table, data: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = data.len();
    match table {
        Table::Big => {
            b[8 - n..].copy_from_slice(data);
            u64::from_be_bytes(b)
        }
        Table::Little | Table::Native => {
            b[..n].copy_from_slice(data);
            u64::from_le_bytes(b)
        }
    }
}

/// A float argument (`PyFloat_AsDouble`), any failure reported as struct.error.
fn get_double(v: &PyObject) -> PyResult<f64> {
    PyFloat_AsDouble(v).map_err(|_| struct_error("required argument is not a float"))
}

/// `PyFloat_Pack2`: IEEE 754 binary16, rounded half to even.
fn pack_half(x: f64) -> PyResult<u16> {
    let too_large = || overflow_error("float too large to pack with e format");
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        // A quiet NaN keeping the sign (CPython's choice of payload).
        return Ok(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Ok(sign);
    }
    // frexp: a == f * 2**e with 0.5 <= f < 1.
    let (mut f, mut e) = crate::mathmodule::libm::frexp(a);
    if !(0.5..1.0).contains(&f) {
        return Err(too_large());
    }
    // Normalize f to [1.0, 2.0).
    f *= 2.0;
    e -= 1;
    let bits: u32;
    if e >= 16 {
        return Err(too_large());
    } else if e < -25 {
        // |x| < 2**-25: rounds to zero.
        bits = 0;
        return Ok(sign | bits as u16);
    } else if e < -14 {
        // Subnormal.
        f = crate::mathmodule::libm::ldexp(f, 14 + e);
        e = 0;
        let _ = e;
        let mut m = (f * 1024.0) as u32;
        let frac = f * 1024.0 - f64::from(m);
        if frac > 0.5 || (frac == 0.5 && m % 2 == 1) {
            m += 1;
        }
        return Ok(sign | m as u16);
    } else {
        let mut ebits = (e + 15) as u32;
        f -= 1.0;
        let mut m = (f * 1024.0) as u32;
        let frac = f * 1024.0 - f64::from(m);
        if frac > 0.5 || (frac == 0.5 && m % 2 == 1) {
            m += 1;
            if m == 1024 {
                m = 0;
                ebits += 1;
                if ebits == 31 {
                    return Err(too_large());
                }
            }
        }
        bits = (ebits << 10) | m;
    }
    Ok(sign | bits as u16)
}

/// `PyFloat_Unpack2`.
fn unpack_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1f);
    let m = f64::from(h & 0x3ff);
    if e == 0x1f {
        if m == 0.0 {
            return sign * f64::INFINITY;
        }
        return if sign < 0.0 { -f64::NAN } else { f64::NAN };
    }
    let x = if e == 0 {
        crate::mathmodule::libm::ldexp(m / 1024.0, -14)
    } else {
        crate::mathmodule::libm::ldexp(1.0 + m / 1024.0, e - 15)
    };
    sign * x
}

/// Pack one value of a code into `out` (the item's bytes).
fn pack_item(code: &FormatCode, out: &mut [u8], v: &PyObject) -> PyResult<()> {
    let table = code.table;
    let native = table == Table::Native;
    let c = code.format;
    match c {
        b'c' => match v.downcast_ref::<PyBytesObject>() {
            Some(b) if b.as_bytes().len() == 1 => out[0] = b.as_bytes()[0],
            _ => {
                return Err(struct_error(
                    "char format requires a bytes object of length 1",
                ))
            }
        },
        b'b' | b'B' | b'h' | b'H' => {
            let x = get_long(v)?;
            let (lo, hi, msg) = match c {
                b'b' => (-128, 127, "byte format requires -128 <= number <= 127"),
                b'B' => (0, 255, "ubyte format requires 0 <= number <= 255"),
                b'h' => (
                    -32768,
                    32767,
                    "short format requires -32768 <= number <= 32767",
                ),
                _ => (0, 65535, "ushort format requires 0 <= number <= 65535"),
            };
            if x < lo || x > hi {
                return Err(struct_error(msg));
            }
            put_bytes(table, out, x as u64);
        }
        b'?' => out[0] = u8::from(PyObject_IsTrue(v)?),
        b'i' | b'l' | b'q' | b'n' => {
            let x = get_long(v)?;
            if code.size == 4 && (x < i64::from(i32::MIN) || x > i64::from(i32::MAX)) {
                return Err(range_error(c, 4, false));
            }
            put_bytes(table, out, x as u64);
        }
        b'I' | b'L' | b'Q' | b'N' => {
            let x = get_ulong(v)?;
            if code.size == 4 && x > u64::from(u32::MAX) {
                return Err(range_error(c, 4, true));
            }
            put_bytes(table, out, x);
        }
        b'P' => {
            // PyLong_AsVoidPtr: negative values as signed, others as unsigned.
            let b = get_pylong(v)?;
            let x = if b.is_negative() {
                b.to_i64().map(|x| x as u64)
            } else {
                b.to_u64()
            };
            let Some(x) = x else {
                return Err(overflow_error("Python int too large to convert to C long"));
            };
            put_bytes(table, out, x);
        }
        b'e' => {
            let x = get_double(v)?;
            put_bytes(table, out, u64::from(pack_half(x)?));
        }
        b'f' => {
            let x = get_double(v)?;
            let y = x as f32;
            if !native && y.is_infinite() && !x.is_infinite() {
                return Err(overflow_error("float too large to pack with f format"));
            }
            put_bytes(table, out, u64::from(y.to_bits()));
        }
        b'd' => {
            let x = get_double(v)?;
            put_bytes(table, out, x.to_bits());
        }
        b's' | b'p' => {
            let data: &[u8] = if let Some(b) = v.downcast_ref::<PyBytesObject>() {
                b.as_bytes()
            } else if let Some(b) = v.downcast_ref::<PyByteArrayObject>() {
                return pack_string(c, out, &b.to_vec());
            } else {
                return Err(struct_error(format!(
                    "argument for '{}' must be a bytes object",
                    c as char
                )));
            };
            return pack_string(c, out, data);
        }
        _ => {}
    }
    Ok(())
}

/// Pack an `s` or `p` field (`out` is the whole field, already zeroed).
fn pack_string(c: u8, out: &mut [u8], data: &[u8]) -> PyResult<()> {
    if c == b's' {
        let n = data.len().min(out.len());
        out[..n].copy_from_slice(&data[..n]);
    } else if !out.is_empty() {
        // A Pascal string: a length byte (at most 255), then the bytes.
        let n = data.len().min(out.len() - 1);
        out[1..1 + n].copy_from_slice(&data[..n]);
        out[0] = n.min(255) as u8;
    }
    Ok(())
}

/// Unpack one item.
fn unpack_item(code: &FormatCode, data: &[u8]) -> PyObjectRef {
    let table = code.table;
    match code.format {
        b'c' => PyBytes_FromSlice(&data[..1]),
        b's' => PyBytes_FromSlice(data),
        b'p' => {
            let n = if data.is_empty() {
                0
            } else {
                usize::from(data[0]).min(data.len() - 1)
            };
            PyBytes_FromSlice(&data[1.min(data.len())..1.min(data.len()) + n])
        }
        b'?' => PyBool_FromLong(data[0] != 0),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let raw = get_bytes(table, data);
            let shift = 64 - 8 * data.len() as u32;
            PyLong_FromLong(((raw << shift) as i64) >> shift)
        }
        b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => PyLong_FromU64(get_bytes(table, data)),
        b'e' => PyFloat_FromDouble(unpack_half(get_bytes(table, data) as u16)),
        b'f' => PyFloat_FromDouble(f64::from(f32::from_bits(get_bytes(table, data) as u32))),
        b'd' => PyFloat_FromDouble(f64::from_bits(get_bytes(table, data))),
        _ => none(),
    }
}

/// `PyStructObject`.
#[repr(C)]
pub struct PyStructObject {
    pub ob_base: PyObject,
    s_size: Cell<usize>,
    s_len: Cell<usize>,
    s_codes: PyCell<Vec<FormatCode>>,
    /// The format as bytes.
    s_format: PyCell<Option<PyObjectRef>>,
    weakreflist: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyStructObject {}

fn as_struct(obj: &PyObject) -> &PyStructObject {
    // SAFETY: the methods are only called on Struct instances (or subclasses).
    unsafe { &*(obj as *const PyObject as *const PyStructObject) }
}

impl PyStructObject {
    fn codes(&self) -> Vec<FormatCode> {
        // SAFETY: the borrow ends within the expression.
        unsafe { self.s_codes.get_ref() }.clone()
    }

    /// `s_pack_internal`: pack `args` into `buf` (zeroed, `s_size` bytes).
    fn pack_internal(&self, args: &[PyObjectRef], buf: &mut [u8]) -> PyResult<()> {
        let mut i = 0;
        for code in self.codes() {
            for j in 0..code.repeat {
                let start = code.offset + j * code.size;
                let v = &args[i];
                i += 1;
                if let Err(e) = pack_item(&code, &mut buf[start..start + code.size], v) {
                    if v.downcast_ref::<PyLongObject>().is_some()
                        && PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_OverflowError)
                    {
                        return Err(struct_error("int too large to convert"));
                    }
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// `s_unpack_internal`.
    fn unpack_internal(&self, data: &[u8]) -> PyObjectRef {
        let mut items = Vec::with_capacity(self.s_len.get());
        for code in self.codes() {
            for j in 0..code.repeat {
                let start = code.offset + j * code.size;
                items.push(unpack_item(&code, &data[start..start + code.size]));
            }
        }
        PyTuple_New(items).into_object()
    }
}

fn s_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    // SAFETY: `tp` is Struct or a subclass; the rest of a subclass instance is zeroed.
    let obj = unsafe {
        alloc_object(
            tp,
            PyStructObject {
                ob_base: PyObject_HEAD_INIT,
                s_size: Cell::new(0),
                s_len: Cell::new(0),
                s_codes: PyCell::new(Vec::new()),
                s_format: PyCell::new(None),
                weakreflist: PyCell::new(None),
            },
        )
    };
    Ok(obj.into_object())
}

/// `Struct.__init__(format)`: compile the format (str or bytes).
fn Struct___init__(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "Struct",
            names: &["format"],
            posonly: 0,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let format = a[0].clone().unwrap_or_else(none);
    let fmt_bytes: Vec<u8> = if let Some(u) = format.downcast_ref::<PyUnicodeObject>() {
        let s = objects::unicodeobject::as_str_lossy(u.as_object());
        if !s.is_ascii() {
            let encoded = objects::codecs::encode_str(
                u.as_object(),
                Some(&PyUnicode_FromString("ascii")),
                None,
            )?;
            buffer_arg(&encoded)?.into_owned()
        } else {
            s.as_bytes().to_vec()
        }
    } else if let Some(b) = format.downcast_ref::<PyBytesObject>() {
        b.as_bytes().to_vec()
    } else {
        return Err(type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            format.ob_type().name()
        )));
    };
    let (codes, size, len) = prepare_s(&fmt_bytes)?;
    let s = as_struct(obj);
    s.s_format.set(Some(PyBytes_FromSlice(&fmt_bytes)));
    s.s_codes.set(codes);
    s.s_size.set(size);
    s.s_len.set(len);
    Ok(())
}

unsafe fn s_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead Struct.
    unsafe {
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PyStructObject>(op)
    }
}

/// `Struct.pack(*values)`.
fn s_pack(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let s = as_struct(obj);
    if args.len() != s.s_len.get() {
        return Err(struct_error(format!(
            "pack expected {} items for packing (got {})",
            s.s_len.get(),
            args.len()
        )));
    }
    let mut buf = vec![0u8; s.s_size.get()];
    s.pack_internal(args, &mut buf)?;
    Ok(PyBytes_FromSlice(&buf))
}

/// `Struct.pack_into(buffer, offset, *values)`.
fn s_pack_into(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let s = as_struct(obj);
    let size = s.s_size.get() as isize;
    if args.len() != s.s_len.get() + 2 {
        return Err(match args.len() {
            0 => struct_error("pack_into expected buffer argument"),
            1 => struct_error("pack_into expected offset argument"),
            n => struct_error(format!(
                "pack_into expected {} items for packing (got {})",
                s.s_len.get(),
                n - 2
            )),
        });
    }
    let mut view = Py_buffer::new();
    if PyObject_GetBuffer(&args[0], &mut view, PyBUF_WRITABLE).is_err() {
        return Err(type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            args[0].ob_type().name()
        )));
    }
    let result = (|| -> PyResult {
        let len = view.len;
        let mut offset =
            PyNumber_AsSsize_t(&args[1], Some(&objects::exceptions::PyExc_IndexError))?;
        if offset < 0 {
            if offset + size > 0 {
                return Err(struct_error(format!(
                    "no space to pack {size} bytes at offset {offset}"
                )));
            }
            if offset + len < 0 {
                return Err(struct_error(format!(
                    "offset {offset} out of range for {len}-byte buffer"
                )));
            }
            offset += len;
        }
        if len - offset < size {
            return Err(struct_error(format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {len})",
                // `%zu` of `(size_t)s_size + (size_t)offset`: no overflow at a large offset.
                size as usize + offset as usize
            )));
        }
        let mut tmp = vec![0u8; size as usize];
        s.pack_internal(&args[2..], &mut tmp)?;
        // SAFETY: the view is a live, writable, contiguous buffer of `len` bytes and
        // `offset + size <= len`; packing ran before the copy, so no Python code runs
        // while the memory is written.
        unsafe {
            std::ptr::copy_nonoverlapping(tmp.as_ptr(), view.buf.add(offset as usize), tmp.len());
        }
        Ok(none())
    })();
    PyBuffer_Release(&mut view);
    result
}

/// `Struct.unpack(buffer, /)`.
fn s_unpack(obj: &PyObject, buffer: &PyObject) -> PyResult {
    let s = as_struct(obj);
    let data = buffer_arg(buffer)?;
    if data.len() != s.s_size.get() {
        return Err(struct_error(format!(
            "unpack requires a buffer of {} bytes",
            s.s_size.get()
        )));
    }
    Ok(s.unpack_internal(&data))
}

/// `Struct.unpack_from(buffer, offset=0)`.
fn s_unpack_from(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "unpack_from",
            names: &["buffer", "offset"],
            posonly: 0,
            maxpos: 2,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    unpack_from_impl(
        as_struct(obj),
        a[0].as_ref().unwrap_or(&args[0]),
        a[1].as_deref(),
    )
}

fn unpack_from_impl(s: &PyStructObject, buffer: &PyObject, offset: Option<&PyObject>) -> PyResult {
    let data = buffer_arg(buffer)?;
    let len = data.len() as isize;
    let size = s.s_size.get() as isize;
    let mut offset = match offset {
        Some(o) => PyNumber_AsSsize_t(o, Some(&objects::exceptions::PyExc_OverflowError))?,
        None => 0,
    };
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(format!(
                "not enough data to unpack {size} bytes at offset {offset}"
            )));
        }
        if offset + len < 0 {
            return Err(struct_error(format!(
                "offset {offset} out of range for {len}-byte buffer"
            )));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {len})",
            size as usize + offset as usize
        )));
    }
    let start = offset as usize;
    Ok(s.unpack_internal(&data[start..start + size as usize]))
}

/// `Struct.iter_unpack(buffer, /)`.
fn s_iter_unpack(obj: &PyObject, buffer: &PyObject) -> PyResult {
    let s = as_struct(obj);
    let size = s.s_size.get();
    if size == 0 {
        return Err(struct_error(
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = buffer_arg(buffer)?.into_owned();
    if data.len() % size != 0 {
        return Err(struct_error(format!(
            "iterative unpacking requires a buffer of a multiple of {size} bytes"
        )));
    }
    // SAFETY: the unpack iterator type's basic size is `unpackiterobject`'s.
    let it = unsafe {
        alloc_object(
            &unpackiter_type,
            unpackiterobject {
                ob_base: PyObject_HEAD_INIT,
                so: obj.to_owned(),
                buf: PyCell::new(Some(data)),
                index: Cell::new(0),
            },
        )
    };
    Ok(it.into_object())
}

/// `Struct.__sizeof__()`.
fn s_sizeof(obj: &PyObject) -> PyResult {
    let s = as_struct(obj);
    // SAFETY: the borrow ends within the expression.
    let ncodes = unsafe { s.s_codes.get_ref() }.len();
    Ok(PyLong_FromLong(
        (obj.ob_type().tp_basicsize.get() + (ncodes + 1) * size_of::<FormatCode>()) as i64,
    ))
}

fn s_get_format(obj: &PyObject) -> PyResult {
    // SAFETY: the borrow ends within the expression.
    let f = unsafe { as_struct(obj).s_format.get_ref() }.clone();
    match f {
        Some(b) => {
            let bytes = buffer_arg(&b)?.into_owned();
            Ok(PyUnicode_FromString(&String::from_utf8_lossy(&bytes)))
        }
        None => Ok(none()),
    }
}

fn s_get_size(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(as_struct(obj).s_size.get() as i64))
}

static S_METHODS: [PyMethodDef; 6] = [
    PyMethodDef::new(
        "iter_unpack",
        PyCFunction::O(s_iter_unpack),
        "iter_unpack($self, buffer, /)\n--\n\nReturn an iterator yielding tuples.\n\nTuples are unpacked from the given bytes source, like a repeated\ninvocation of unpack_from().\n\nRequires that the bytes length be a multiple of the struct size.",
    ),
    PyMethodDef::new(
        "pack",
        PyCFunction::Fast(s_pack),
        "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... packed according\nto the format string S.format.  See help(struct) for more on format\nstrings.",
    ),
    PyMethodDef::new(
        "pack_into",
        PyCFunction::Fast(s_pack_into),
        "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string S.format\nand write the packed bytes into the writable buffer buf starting at\noffset.  Note that the offset is a required argument.  See\nhelp(struct) for more on format strings.",
    ),
    PyMethodDef::new(
        "unpack",
        PyCFunction::O(s_unpack),
        "unpack($self, buffer, /)\n--\n\nReturn a tuple containing unpacked values.\n\nUnpack according to the format string Struct.format. The buffer's size\nin bytes must be Struct.size.\n\nSee help(struct) for more on format strings.",
    ),
    PyMethodDef::new(
        "unpack_from",
        PyCFunction::FastKw(s_unpack_from),
        "unpack_from($self, /, buffer, offset=0)\n--\n\nReturn a tuple containing unpacked values.\n\nValues are unpacked according to the format string Struct.format.\n\nThe buffer's size in bytes, starting at position offset, must be\nat least Struct.size.\n\nSee help(struct) for more on format strings.",
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(s_sizeof),
        "S.__sizeof__() -> size of S in memory, in bytes",
    ),
];

static S_GETSET: [include::descrobject::PyGetSetDef; 2] = [
    include::descrobject::PyGetSetDef::getter("format", s_get_format),
    include::descrobject::PyGetSetDef::getter("size", s_get_size),
];

pub static PyStructType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_struct.Struct",
    tp_basicsize: Cell::new(size_of::<PyStructObject>()),
    tp_dealloc: slot(s_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_BASETYPE),
    tp_doc: Some("Struct(fmt) --> compiled struct object\n\n"),
    tp_weaklistoffset: Cell::new(offset_of!(PyStructObject, weakreflist)),
    tp_methods: &S_METHODS,
    tp_getset: &S_GETSET,
    tp_init: slot(Struct___init__),
    tp_new: slot(s_new),
    ..PyTypeObject::DEFAULT
};

/// `unpackiterobject`: the iterator of `iter_unpack`.
#[repr(C)]
pub struct unpackiterobject {
    pub ob_base: PyObject,
    so: PyObjectRef,
    /// The data; `None` once exhausted.
    buf: PyCell<Option<Vec<u8>>>,
    index: Cell<usize>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for unpackiterobject {}

fn as_unpackiter(obj: &PyObject) -> &unpackiterobject {
    // SAFETY: only called on unpack iterators.
    unsafe { &*(obj as *const PyObject as *const unpackiterobject) }
}

unsafe fn unpackiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead unpack iterator.
    unsafe { dealloc_object::<unpackiterobject>(op) }
}

fn unpackiter_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_unpackiter(obj);
    let s = as_struct(&it.so);
    let size = s.s_size.get();
    // SAFETY: the borrow ends before the result is returned; unpacking runs no
    // Python code.
    let buf = unsafe { it.buf.get_ref() };
    let Some(data) = buf.as_ref() else {
        return Ok(None);
    };
    let i = it.index.get();
    if i + size > data.len() {
        it.buf.set(None);
        return Ok(None);
    }
    let r = s.unpack_internal(&data[i..i + size]);
    it.index.set(i + size);
    Ok(Some(r))
}

fn unpackiter_len(obj: &PyObject) -> PyResult {
    let it = as_unpackiter(obj);
    let size = as_struct(&it.so).s_size.get();
    // SAFETY: the borrow ends within the expression.
    let remaining = match unsafe { it.buf.get_ref() } {
        Some(d) => (d.len() - it.index.get()) / size,
        None => 0,
    };
    Ok(PyLong_FromLong(remaining as i64))
}

fn unpackiter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit(&as_unpackiter(obj).so);
}

static UNPACKITER_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__length_hint__",
    PyCFunction::NoArgs(unpackiter_len),
    "",
)];

pub static unpackiter_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_struct.unpack_iterator",
    tp_basicsize: Cell::new(size_of::<unpackiterobject>()),
    tp_dealloc: slot(unpackiter_dealloc),
    tp_flags: Cell::new(include::cpython::object::flags::Py_TPFLAGS_DISALLOW_INSTANTIATION),
    tp_traverse: slot(unpackiter_traverse),
    tp_iter: slot(objects::tupleobject::PyObject_SelfIter),
    tp_iternext: slot(unpackiter_iternext),
    tp_methods: &UNPACKITER_METHODS,
    ..PyTypeObject::DEFAULT
};

// --- The module functions, through a cache of compiled formats ---------------------

/// Compiled formats by format object; emptied when it reaches `MAXCACHE`.
static CACHE: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);
const MAXCACHE: usize = 100;

/// `cache_struct_converter`: the Struct for a format, compiled once.
fn cache_struct(fmt: &PyObject) -> PyResult<PyObjectRef> {
    // SAFETY: single-threaded; the borrow ends within the statement.
    let cache = match unsafe { CACHE.get_ref() }.clone() {
        Some(c) => c,
        None => {
            let d = PyDict_New().into_object();
            // SAFETY: single-threaded; set once.
            unsafe { *CACHE.get_mut() = Some(d.clone()) };
            d
        }
    };
    let Some(d) = cache.downcast_ref::<objects::dictobject::PyDictObject>() else {
        return Err(type_error("struct cache is not a dict"));
    };
    if let Some(s) = PyDict_GetItemWithError(d, fmt)? {
        return Ok(s);
    }
    let s = objects::call::PyObject_Vectorcall(PyStructType.as_object(), &[fmt.to_owned()], None)?;
    if PyDict_Size(d) >= MAXCACHE {
        PyDict_Clear(d);
    }
    PyDict_SetItem(d, fmt, &s)?;
    Ok(s)
}

/// `_struct._clearcache()`.
fn _clearcache(_m: &PyObject) -> PyResult {
    // SAFETY: single-threaded; the borrow ends within the statement.
    if let Some(c) = unsafe { CACHE.get_ref() }.clone() {
        if let Some(d) = c.downcast_ref::<objects::dictobject::PyDictObject>() {
            PyDict_Clear(d);
        }
    }
    Ok(none())
}

/// `_struct.calcsize(format, /)`.
fn calcsize(_m: &PyObject, fmt: &PyObject) -> PyResult {
    let s = cache_struct(fmt)?;
    Ok(PyLong_FromLong(as_struct(&s).s_size.get() as i64))
}

/// `_struct.pack(format, /, *values)`.
fn pack(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    if args.is_empty() {
        return Err(type_error("missing format argument"));
    }
    let s = cache_struct(&args[0])?;
    s_pack(&s, &args[1..])
}

/// `_struct.pack_into(format, buffer, offset, /, *values)`.
fn pack_into(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    if args.is_empty() {
        return Err(type_error("missing format argument"));
    }
    let s = cache_struct(&args[0])?;
    s_pack_into(&s, &args[1..])
}

/// `_struct.unpack(format, buffer, /)`.
fn unpack(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("unpack", args.len(), 2, 2)?;
    let s = cache_struct(&args[0])?;
    s_unpack(&s, &args[1])
}

/// `_struct.unpack_from(format, /, buffer, offset=0)`.
fn unpack_from(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "unpack_from",
            names: &["", "buffer", "offset"],
            posonly: 1,
            maxpos: 3,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let (Some(fmt), Some(buffer)) = (&a[0], &a[1]) else {
        return Err(type_error(
            "unpack_from() missing required argument 'buffer' (pos 2)",
        ));
    };
    let s = cache_struct(fmt)?;
    unpack_from_impl(as_struct(&s), buffer, a[2].as_deref())
}

/// `_struct.iter_unpack(format, buffer, /)`.
fn iter_unpack(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("iter_unpack", args.len(), 2, 2)?;
    let s = cache_struct(&args[0])?;
    s_iter_unpack(&s, &args[1])
}

static MODULE_FUNCTIONS: [PyMethodDef; 7] = [
    PyMethodDef::new(
        "_clearcache",
        PyCFunction::NoArgs(_clearcache),
        "_clearcache($module, /)\n--\n\nClear the internal cache.",
    ),
    PyMethodDef::new(
        "calcsize",
        PyCFunction::O(calcsize),
        "calcsize($module, format, /)\n--\n\nReturn size in bytes of the struct described by the format string.",
    ),
    PyMethodDef::new(
        "iter_unpack",
        PyCFunction::Fast(iter_unpack),
        "iter_unpack($module, format, buffer, /)\n--\n\nReturn an iterator yielding tuples unpacked from the given bytes.\n\nThe bytes are unpacked according to the format string, like\na repeated invocation of unpack_from().\n\nRequires that the bytes length be a multiple of the format struct size.",
    ),
    PyMethodDef::new(
        "pack",
        PyCFunction::Fast(pack),
        "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, v2, ... packed according\nto the format string.  See help(struct) for more on format strings.",
    ),
    PyMethodDef::new(
        "pack_into",
        PyCFunction::Fast(pack_into),
        "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string and write\nthe packed bytes into the writable buffer buf starting at offset.  Note\nthat the offset is a required argument.  See help(struct) for more\non format strings.",
    ),
    PyMethodDef::new(
        "unpack",
        PyCFunction::Fast(unpack),
        "unpack($module, format, buffer, /)\n--\n\nReturn a tuple containing values unpacked according to the format string.\n\nThe buffer's size in bytes must be calcsize(format).\n\nSee help(struct) for more on format strings.",
    ),
    PyMethodDef::new(
        "unpack_from",
        PyCFunction::FastKw(unpack_from),
        "unpack_from($module, format, /, buffer, offset=0)\n--\n\nReturn a tuple containing values unpacked according to the format string.\n\nThe buffer's size, minus offset, must be at least calcsize(format).\n\nSee help(struct) for more on format strings.",
    ),
];

const MODULE_DOC: &str = "Functions to convert between Python values and C structs.\nPython bytes objects are used to hold the data representing the C struct\nand also as format strings (explained below) to describe the layout of data\nin the C struct.\n\nThe optional first format char indicates byte order, size and alignment:\n  @: native order, size & alignment (default)\n  =: native order, std. size & alignment\n  <: little-endian, std. size & alignment\n  >: big-endian, std. size & alignment\n  !: same as >\n\nThe remaining chars indicate types of args and must match exactly;\nthese can be preceded by a decimal repeat count:\n  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n  ?: _Bool (requires C99; if not available, char is used instead)\n  h:short; H:unsigned short; i:int; I:unsigned int;\n  l:long; L:unsigned long; f:float; d:double; e:half-float.\nSpecial cases (preceding decimal count indicates length):\n  s:string (array of char); p: pascal string (with count byte).\nSpecial cases (only available in native format):\n  n:ssize_t; N:size_t;\n  P:an integer type that is wide enough to hold a pointer.\nSpecial case (not in native mode unless 'long long' in platform C):\n  q:long long; Q:unsigned long long\nWhitespace between formats is ignored.\n\nThe variable struct.error is an exception raised on errors.\n";

/// Make the `_struct` module (`PyInit__struct`).
pub fn PyInit__struct() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&PyStructType)?;
    PyType_Ready(&unpackiter_type)?;
    let m = PyModule_New("_struct")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(MODULE_DOC))?;
    PyModule_AddFunctions(&m, &MODULE_FUNCTIONS)?;
    PyModule_AddObject(&m, "Struct", PyStructType.as_object())?;
    PyModule_AddObject(&m, "error", struct_error_type()?.as_object())?;
    Ok(m)
}
