//! The `marshal` module: Python values to and from CPython's internal serialisation
//! format (the format of .pyc files). Mirrors Python/marshal.c (CPython 3.11).
//!
//! The bytes written are CPython's for the same values, including its reference
//! scheme (version 3 and later): an object is registered for back-references
//! (`FLAG_REF`) when something else also holds it (its reference count is not 1) or
//! it is an interned str, so the output depends on reference counts exactly as
//! CPython's does.
//!
//! Differences from CPython:
//! - A tuple or frozenset being read is registered for back-references only once
//!   its items are read (CPython registers the tuple first and fills it in): data in
//!   which a tuple's own items refer back to it, which `dumps` never writes, gives
//!   "bad marshal data (invalid reference)" instead of a self-containing tuple.
//! - The writer counts the references it takes itself while walking a dict or list
//!   (pyrs hands out new references where CPython's `PyDict_Next` and
//!   `PyList_GET_ITEM` lend theirs) and subtracts them in the reference-count test.
//! - `load` reads through `readinto` with a memoryview of a bytearray, where
//!   CPython's memoryview wraps its own buffer.

use std::collections::HashMap;

use include::code::PyCodeObject;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::pybuffer::{PyBUF_SIMPLE, Py_buffer};

use objects::bytearrayobject::{PyByteArrayObject, PyByteArray_FromVec};
use objects::bytesobject::{PyBytesObject, PyBytes_FromVec};
use objects::call::PyObject_CallMethodOneArg;
use objects::codeobject::{_PyCode_New, _PyCode_Validate, PyCodeConstructor, PyCode_GetCode};
use objects::complexobject::{PyComplexObject, PyComplex_FromDoubles};
use objects::dictobject::{PyDictObject, PyDict_New, PyDict_Next, PyDict_SetItem};
use objects::exceptions::*;
use objects::floatobject::{
    PyFloatObject, PyFloat_FromDouble, PyOS_double_to_string, PyOS_string_to_double,
};
use objects::getargs::check_positional;
use objects::listobject::{PyListObject, PyList_Append, PyList_New};
use objects::longobject::{
    _PyLong_FromByteArray, PyLongObject, PyLong_FromBigInt, PyLong_FromLong,
};
use objects::memoryobject::PyMemoryView_FromObject;
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::prelude::*;
use objects::pyerrors::PyErr_ExceptionMatches;
use objects::r#abstract::{
    PyBuffer_Release, PyBuffer_ToContiguous, PyNumber_AsSsize_t, PyObject_CheckBuffer,
    PyObject_GetBuffer,
};
use objects::setobject::{
    _PySet_NextEntry, PyFrozenSet_New, PyFrozenSet_Type, PySet_Add, PySet_New, PySet_Type,
};
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString, PyUnicode_InternInPlace};

/// `Py_MARSHAL_VERSION`.
pub const Py_MARSHAL_VERSION: i32 = 4;

const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
/// Only read: `TYPE_INT64` is no longer written.
const TYPE_INT64: u8 = b'I';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_UNKNOWN: u8 = b'?';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const FLAG_REF: u8 = 0x80;
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';

/// `MAX_MARSHAL_STACK_DEPTH`: the nesting limit of both directions.
const MAX_MARSHAL_STACK_DEPTH: i32 = 2000;
const SIZE32_MAX: i64 = 0x7FFF_FFFF;

/// Longs are written in base 2**15 digits (`PyLong_MARSHAL_SHIFT`).
const PyLong_MARSHAL_SHIFT: u32 = 15;
const PyLong_MARSHAL_BASE: i32 = 1 << PyLong_MARSHAL_SHIFT;

// --- Writing --------------------------------------------------------------------------------

/// `WFERR_*`: the first error met while writing (the writer carries on, as CPython's).
#[derive(Clone, Copy, PartialEq, Eq)]
enum WFErr {
    Ok,
    Unmarshallable,
    NestedTooDeep,
}

/// `WFILE`: the output buffer and the state of one `dumps`.
#[allow(clippy::upper_case_acronyms)]
struct WFILE {
    buf: Vec<u8>,
    error: WFErr,
    depth: i32,
    version: i32,
    /// The objects registered for back-references (version 3 and later), by
    /// address, with their index; the table holds a reference to each, as CPython's.
    hashtable: Option<HashMap<usize, (i32, PyObjectRef)>>,
}

impl WFILE {
    fn new(version: i32) -> WFILE {
        WFILE {
            buf: Vec::with_capacity(50),
            error: WFErr::Ok,
            depth: 0,
            version,
            hashtable: (version >= 3).then(HashMap::new),
        }
    }

    fn w_byte(&mut self, b: u8) {
        self.buf.push(b);
    }

    fn w_string(&mut self, s: &[u8]) {
        self.buf.extend_from_slice(s);
    }

    fn w_short(&mut self, x: i32) {
        self.buf.extend_from_slice(&(x as u16).to_le_bytes());
    }

    fn w_long(&mut self, x: i64) {
        self.buf.extend_from_slice(&(x as i32).to_le_bytes());
    }

    /// `W_SIZE`: a 32-bit length, or the unmarshallable error beyond it.
    fn w_size(&mut self, n: usize) -> bool {
        if n as i64 > SIZE32_MAX {
            self.depth -= 1;
            self.error = WFErr::Unmarshallable;
            return false;
        }
        self.w_long(n as i64);
        true
    }

    fn w_pstring(&mut self, s: &[u8]) {
        if self.w_size(s.len()) {
            self.w_string(s);
        } else {
            // `W_SIZE` returned early from `w_complex_object`; balance the depth its
            // caller decrements again.
            self.depth += 1;
        }
    }

    fn w_short_pstring(&mut self, s: &[u8]) {
        self.w_byte(s.len() as u8);
        self.w_string(s);
    }

    /// `w_float_bin`: the IEEE bytes, little-endian.
    fn w_float_bin(&mut self, v: f64) {
        self.w_string(&v.to_le_bytes());
    }

    /// `w_float_str`: `repr`-like text with 17 significant digits, length first.
    fn w_float_str(&mut self, v: f64) {
        let (s, _) = PyOS_double_to_string(v, 'g', 17, 0);
        self.w_byte(s.len() as u8);
        self.w_string(s.as_bytes());
    }

    /// `w_object`. `extra` is the number of references to `v` the writer itself
    /// holds (see the module header).
    fn w_object(&mut self, v: Option<&PyObject>, extra: isize) {
        self.depth += 1;
        if self.depth > MAX_MARSHAL_STACK_DEPTH {
            self.error = WFErr::NestedTooDeep;
        } else {
            match v {
                None => self.w_byte(TYPE_NULL),
                Some(v) if v.is(Py_None()) => self.w_byte(TYPE_NONE),
                Some(v) if v.is(PyExc_StopIteration.as_object()) => self.w_byte(TYPE_STOPITER),
                Some(v) if v.is(objects::sliceobject::Py_Ellipsis()) => self.w_byte(TYPE_ELLIPSIS),
                Some(v) if v.is(objects::boolobject::Py_False()) => self.w_byte(TYPE_FALSE),
                Some(v) if v.is(objects::boolobject::Py_True()) => self.w_byte(TYPE_TRUE),
                Some(v) => {
                    let mut flag = 0;
                    if !self.w_ref(v, extra, &mut flag) {
                        self.w_complex_object(v, flag);
                    }
                }
            }
        }
        self.depth -= 1;
    }

    /// `w_ref`: write a back-reference if `v` was written before; otherwise register
    /// it (setting `FLAG_REF`) when it may be met again. True if a reference was
    /// written.
    fn w_ref(&mut self, v: &PyObject, extra: isize, flag: &mut u8) -> bool {
        let Some(table) = self.hashtable.as_mut() else {
            return false;
        };
        // Held once only, it cannot be met again; interned strings are always
        // registered, which keeps .pyc files stable.
        let interned = v
            .downcast_ref_exact::<PyUnicodeObject>()
            .is_some_and(|u| u.interned.get());
        if v.refcnt() - extra == 1 && !interned {
            return false;
        }
        let key = v.as_ptr() as usize;
        if let Some((w, _)) = table.get(&key) {
            let w = *w;
            self.w_byte(TYPE_REF);
            self.w_long(i64::from(w));
            return true;
        }
        let s = table.len();
        if s as i64 >= SIZE32_MAX {
            // "too many objects": CPython reports it as unmarshallable.
            self.error = WFErr::Unmarshallable;
            return true;
        }
        table.insert(key, (s as i32, v.to_owned()));
        *flag |= FLAG_REF;
        false
    }

    /// `w_PyLong`: sign and count of base 2**15 digits, then the digits, least
    /// significant first.
    fn w_PyLong(&mut self, v: &PyLongObject, flag: u8) {
        self.w_byte(TYPE_LONG | flag);
        let big = v.to_bigint();
        let mut mag = big.magnitude().clone();
        let mut digits = Vec::new();
        let mask = num_bigint::BigUint::from((PyLong_MARSHAL_BASE - 1) as u32);
        while mag != num_bigint::BigUint::from(0u32) {
            let d = &mag & &mask;
            digits.push(d.iter_u32_digits().next().unwrap_or(0) as i32);
            mag >>= PyLong_MARSHAL_SHIFT;
        }
        if digits.len() as i64 > SIZE32_MAX {
            self.depth -= 1;
            self.error = WFErr::Unmarshallable;
            return;
        }
        let l = digits.len() as i64;
        self.w_long(if big.sign() == num_bigint::Sign::Minus {
            -l
        } else {
            l
        });
        for d in digits {
            self.w_short(d);
        }
    }

    /// `w_complex_object`: everything that is not a singleton or a back-reference.
    fn w_complex_object(&mut self, v: &PyObject, flag: u8) {
        if let Some(l) = v.downcast_ref_exact::<PyLongObject>() {
            match l.as_i64() {
                // Values that need more than 32 bits are written as longs.
                Some(x) if (x >> 31) == 0 || (x >> 31) == -1 => {
                    self.w_byte(TYPE_INT | flag);
                    self.w_long(x);
                }
                _ => self.w_PyLong(l, flag),
            }
        } else if let Some(f) = v.downcast_ref_exact::<PyFloatObject>() {
            if self.version > 1 {
                self.w_byte(TYPE_BINARY_FLOAT | flag);
                self.w_float_bin(f.ob_fval);
            } else {
                self.w_byte(TYPE_FLOAT | flag);
                self.w_float_str(f.ob_fval);
            }
        } else if let Some(c) = v.downcast_ref_exact::<PyComplexObject>() {
            if self.version > 1 {
                self.w_byte(TYPE_BINARY_COMPLEX | flag);
                self.w_float_bin(c.cval.re);
                self.w_float_bin(c.cval.im);
            } else {
                self.w_byte(TYPE_COMPLEX | flag);
                self.w_float_str(c.cval.re);
                self.w_float_str(c.cval.im);
            }
        } else if let Some(b) = v.downcast_ref_exact::<PyBytesObject>() {
            self.w_byte(TYPE_STRING | flag);
            self.w_pstring(b.as_bytes());
        } else if let Some(u) = v.downcast_ref_exact::<PyUnicodeObject>() {
            self.w_unicode(v, u, flag);
        } else if let Some(t) = v.downcast_ref_exact::<PyTupleObject>() {
            let items = t.as_slice();
            let n = items.len();
            if self.version >= 4 && n < 256 {
                self.w_byte(TYPE_SMALL_TUPLE | flag);
                self.w_byte(n as u8);
            } else {
                self.w_byte(TYPE_TUPLE | flag);
                if !self.w_size(n) {
                    return;
                }
            }
            for item in items {
                self.w_object(Some(item), 0);
            }
        } else if let Some(l) = v.downcast_ref_exact::<PyListObject>() {
            self.w_byte(TYPE_LIST | flag);
            let items = l.to_vec();
            if !self.w_size(items.len()) {
                return;
            }
            for item in &items {
                self.w_object(Some(item), 1);
            }
        } else if let Some(d) = v.downcast_ref_exact::<PyDictObject>() {
            self.w_byte(TYPE_DICT | flag);
            // The items, then a NULL to end them.
            let mut pos = 0;
            while let Some((key, value)) = PyDict_Next(d, &mut pos) {
                self.w_object(Some(&key), 1);
                self.w_object(Some(&value), 1);
            }
            self.w_object(None, 0);
        } else if v.is_type(&PySet_Type) || v.is_type(&PyFrozenSet_Type) {
            self.w_set(v, flag);
        } else if let Some(co) = v.downcast_ref_exact::<PyCodeObject>() {
            self.w_code(co, flag);
        } else if PyObject_CheckBuffer(v) {
            // Any other bytes-like object is written as bytes.
            let mut view = Py_buffer::new();
            if PyObject_GetBuffer(v, &mut view, PyBUF_SIMPLE).is_err() {
                self.w_byte(TYPE_UNKNOWN);
                self.depth -= 1;
                self.error = WFErr::Unmarshallable;
                // Balance the decrement of `w_object`'s own.
                self.depth += 1;
                return;
            }
            let data = PyBuffer_ToContiguous(&view, 'C');
            PyBuffer_Release(&mut view);
            self.w_byte(TYPE_STRING | flag);
            self.w_pstring(&data);
        } else {
            self.w_byte(TYPE_UNKNOWN | flag);
            self.error = WFErr::Unmarshallable;
        }
    }

    fn w_unicode(&mut self, v: &PyObject, u: &PyUnicodeObject, flag: u8) {
        let interned = u.interned.get();
        if self.version >= 4 {
            if let Some(latin1) = u.latin1().filter(|d| d.is_ascii()) {
                if latin1.len() < 256 {
                    let t = if interned {
                        TYPE_SHORT_ASCII_INTERNED
                    } else {
                        TYPE_SHORT_ASCII
                    };
                    self.w_byte(t | flag);
                    self.w_short_pstring(latin1);
                } else {
                    let t = if interned {
                        TYPE_ASCII_INTERNED
                    } else {
                        TYPE_ASCII
                    };
                    self.w_byte(t | flag);
                    self.w_pstring(latin1);
                }
                return;
            }
        }
        let utf8 = match objects::codecs::encode_with_codec(
            objects::codecs::Codec::Utf8,
            v,
            &objects::codecs::ErrorHandler::SurrogatePass,
        ) {
            Ok(b) => b,
            Err(_) => {
                self.w_byte(TYPE_UNKNOWN);
                self.error = WFErr::Unmarshallable;
                return;
            }
        };
        let t = if self.version >= 3 && interned {
            TYPE_INTERNED
        } else {
            TYPE_UNICODE
        };
        self.w_byte(t | flag);
        self.w_pstring(&utf8);
    }

    /// Sets and frozensets are written in the order of their items' own marshal
    /// bytes (`sorted(v, key=marshal.dumps)`), so that the output does not depend on
    /// hash randomisation (bpo-37596).
    fn w_set(&mut self, v: &PyObject, flag: u8) {
        let t = if v.is_type(&PySet_Type) {
            TYPE_SET
        } else {
            TYPE_FROZENSET
        };
        self.w_byte(t | flag);
        let mut pairs: Vec<(Vec<u8>, PyObjectRef)> = Vec::new();
        let mut pos = 0;
        while let Some((item, _)) = _PySet_NextEntry(v, &mut pos) {
            match write_object_to_vec(&item, self.version, 1) {
                Ok(dump) => pairs.push((dump, item)),
                Err(_) => {
                    self.error = WFErr::Unmarshallable;
                    return;
                }
            }
        }
        if !self.w_size(pairs.len()) {
            return;
        }
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        // The pairs keep a reference to each item while it is written, as CPython's
        // do: the item is held twice, so it is registered for back-references.
        for (_, item) in &pairs {
            self.w_object(Some(item), 0);
        }
    }

    fn w_code(&mut self, co: &PyCodeObject, flag: u8) {
        let co_code = PyCode_GetCode(co);
        self.w_byte(TYPE_CODE | flag);
        self.w_long(i64::from(co.co_argcount));
        self.w_long(i64::from(co.co_posonlyargcount));
        self.w_long(i64::from(co.co_kwonlyargcount));
        self.w_long(i64::from(co.co_stacksize));
        self.w_long(i64::from(co.co_flags));
        self.w_object(Some(&co_code), 0);
        self.w_object(Some(&co.co_consts), 0);
        self.w_object(Some(&co.co_names), 0);
        self.w_object(Some(&co.co_localsplusnames), 0);
        self.w_object(Some(&co.co_localspluskinds), 0);
        self.w_object(Some(&co.co_filename), 0);
        self.w_object(Some(&co.co_name), 0);
        self.w_object(Some(&co.co_qualname), 0);
        self.w_long(i64::from(co.co_firstlineno));
        self.w_object(Some(&co.co_linetable), 0);
        self.w_object(Some(&co.co_exceptiontable), 0);
    }
}

/// `PyMarshal_WriteObjectToString`, as a vector of bytes; `extra` references to
/// `x` are the writer's own.
fn write_object_to_vec(x: &PyObject, version: i32, extra: isize) -> PyResult<Vec<u8>> {
    let mut wf = WFILE::new(version);
    wf.w_object(Some(x), extra);
    match wf.error {
        WFErr::Ok => Ok(wf.buf),
        WFErr::Unmarshallable => Err(value_error("unmarshallable object")),
        WFErr::NestedTooDeep => Err(value_error("object too deeply nested to marshal")),
    }
}

/// `PyMarshal_WriteObjectToString`, as a vector of bytes (the body of a .pyc that
/// the import system writes).
pub fn PyMarshal_WriteObjectToVec(x: &PyObject, version: i32) -> PyResult<Vec<u8>> {
    write_object_to_vec(x, version, 0)
}

/// `PyMarshal_WriteObjectToString`.
pub fn PyMarshal_WriteObjectToString(x: &PyObject, version: i32) -> PyResult {
    Ok(PyBytes_FromVec(write_object_to_vec(x, version, 0)?))
}

// --- Reading --------------------------------------------------------------------------------

/// Where `RFILE` reads from: a buffer (`loads`) or a file object's `readinto`
/// (`load`).
enum Source<'a> {
    Buffer { data: &'a [u8], pos: usize },
    Readable(&'a PyObject),
}

/// `RFILE`: the input and the state of one `loads`/`load`.
#[allow(clippy::upper_case_acronyms)]
struct RFILE<'a> {
    src: Source<'a>,
    depth: i32,
    /// The objects read so far that may be referred back to; `None` for a slot
    /// reserved for an object still being read (CPython's `Py_None` placeholder).
    refs: Vec<Option<PyObjectRef>>,
    /// The filename every code object read gets instead of its own (the source path
    /// of a module loaded from a .pyc; see [`read_code_for_source`]).
    filename: Option<PyObjectRef>,
}

fn bad_data(what: &str) -> PyErr {
    value_error(format!("bad marshal data ({what})"))
}

impl RFILE<'_> {
    /// `r_string`: the next `n` bytes.
    fn r_string(&mut self, n: usize) -> PyResult<Vec<u8>> {
        match &mut self.src {
            Source::Buffer { data, pos } => {
                let left = data.len() - *pos;
                if left < n {
                    return Err(objects::pyerrors::PyErr_SetString(
                        &PyExc_EOFError,
                        "marshal data too short",
                    ));
                }
                let out = data[*pos..*pos + n].to_vec();
                *pos += n;
                Ok(out)
            }
            Source::Readable(file) => {
                // The buffer is as large as the data claims to be, as CPython's is; a
                // claim too large for memory is a MemoryError, not an abort.
                let mut data = Vec::new();
                if data.try_reserve_exact(n).is_err() {
                    return Err(objects::pyerrors::PyErr_NoMemory());
                }
                data.resize(n, 0);
                let buf = PyByteArray_FromVec(data);
                let mview = PyMemoryView_FromObject(&buf)?;
                let res = PyObject_CallMethodOneArg(file, objects::intern!("readinto"), &mview)?;
                let read = PyNumber_AsSsize_t(&res, Some(&PyExc_ValueError))?;
                // The view is let go of before the bytearray is read.
                drop(mview);
                if read != n as isize {
                    if read > n as isize {
                        return Err(value_error(format!(
                            "read() returned too much data: {n} bytes requested, {read} returned"
                        )));
                    }
                    return Err(objects::pyerrors::PyErr_SetString(
                        &PyExc_EOFError,
                        "EOF read where not expected",
                    ));
                }
                let bytes = buf
                    .downcast_ref::<PyByteArrayObject>()
                    .map(|b| b.to_vec())
                    .unwrap_or_default();
                Ok(bytes)
            }
        }
    }

    /// `r_byte`: the next byte; at the end of the data, `EOFError("EOF read where not
    /// expected")`, which `r_object` rewords when it wanted a type code.
    fn r_byte(&mut self) -> PyResult<u8> {
        match &mut self.src {
            Source::Buffer { data, pos } => {
                if *pos < data.len() {
                    *pos += 1;
                    Ok(data[*pos - 1])
                } else {
                    Err(objects::pyerrors::PyErr_SetString(
                        &PyExc_EOFError,
                        "EOF read where not expected",
                    ))
                }
            }
            Source::Readable(_) => Ok(self.r_string(1)?[0]),
        }
    }

    /// `r_short`: a signed 16-bit little-endian number.
    fn r_short(&mut self) -> PyResult<i32> {
        let b = self.r_string(2)?;
        Ok(i32::from(i16::from_le_bytes([b[0], b[1]])))
    }

    /// `r_long`: a signed 32-bit little-endian number.
    fn r_long(&mut self) -> PyResult<i64> {
        let b = self.r_string(4)?;
        Ok(i64::from(i32::from_le_bytes([b[0], b[1], b[2], b[3]])))
    }

    /// `r_long64`: `TYPE_INT64`, a signed 64-bit little-endian number.
    fn r_long64(&mut self) -> PyResult<PyObjectRef> {
        let b = self.r_string(8)?;
        Ok(_PyLong_FromByteArray(&b, false, true))
    }

    /// `r_PyLong`.
    fn r_PyLong(&mut self) -> PyResult<PyObjectRef> {
        let n = self.r_long()?;
        if !(-SIZE32_MAX..=SIZE32_MAX).contains(&n) {
            return Err(bad_data("long size out of range"));
        }
        let count = n.unsigned_abs();
        let mut digits: Vec<u32> = Vec::with_capacity(count as usize);
        for i in 0..count {
            let md = self.r_short()?;
            if !(0..=PyLong_MARSHAL_BASE).contains(&md) {
                return Err(bad_data("digit out of range in long"));
            }
            if md == 0 && i == count - 1 {
                return Err(bad_data("unnormalized long data"));
            }
            digits.push(md as u32);
        }
        let mut mag = num_bigint::BigUint::from(0u32);
        for d in digits.iter().rev() {
            mag <<= PyLong_MARSHAL_SHIFT;
            mag += *d;
        }
        let sign = if n < 0 {
            num_bigint::Sign::Minus
        } else {
            num_bigint::Sign::Plus
        };
        Ok(PyLong_FromBigInt(num_bigint::BigInt::from_biguint(
            sign, mag,
        )))
    }

    /// `r_float_str`: a length byte and the float's text.
    fn r_float_str(&mut self) -> PyResult<f64> {
        let n = self.r_byte()?;
        let text = self.r_string(usize::from(n))?;
        PyOS_string_to_double(&text).ok_or_else(|| {
            let shown = PyUnicode_FromString(&String::from_utf8_lossy(&text));
            let r = PyObject_Repr(&shown)
                .map(|r| objects::unicodeobject::as_str_lossy(&r).into_owned())
                .unwrap_or_default();
            value_error(format!("could not convert string to float: {r}"))
        })
    }

    fn r_float_bin(&mut self) -> PyResult<f64> {
        let b = self.r_string(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(f64::from_le_bytes(a))
    }

    /// A 32-bit size, checked against `SIZE32_MAX` (`what` names the kind).
    fn r_size(&mut self, what: &str) -> PyResult<usize> {
        let n = self.r_long()?;
        if !(0..=SIZE32_MAX).contains(&n) {
            return Err(bad_data(&format!("{what} size out of range")));
        }
        Ok(n as usize)
    }

    /// `r_ref`: register a finished object when its flag asks for it.
    fn r_ref(&mut self, o: PyObjectRef, flag: bool) -> PyObjectRef {
        if flag {
            self.refs.push(Some(o.clone()));
        }
        o
    }

    /// `r_ref_reserve`: a slot for an object registered once it is complete.
    fn r_ref_reserve(&mut self, flag: bool) -> Option<usize> {
        if flag {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        }
    }

    fn r_ref_insert(&mut self, o: PyObjectRef, idx: Option<usize>) -> PyObjectRef {
        if let Some(i) = idx {
            self.refs[i] = Some(o.clone());
        }
        o
    }

    /// `r_object`: `Ok(None)` for `TYPE_NULL` (the end of a dict).
    fn r_object(&mut self) -> PyResult<Option<PyObjectRef>> {
        let code = match self.r_byte() {
            Ok(c) => c,
            Err(e) if PyErr_ExceptionMatches(&e, &PyExc_EOFError) => {
                return Err(objects::pyerrors::PyErr_SetString(
                    &PyExc_EOFError,
                    "EOF read where object expected",
                ))
            }
            Err(e) => return Err(e),
        };
        self.depth += 1;
        if self.depth > MAX_MARSHAL_STACK_DEPTH {
            self.depth -= 1;
            return Err(value_error("recursion limit exceeded"));
        }
        let r = self.r_object_body(code);
        self.depth -= 1;
        r
    }

    fn r_object_body(&mut self, code: u8) -> PyResult<Option<PyObjectRef>> {
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        let v = match ty {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => none(),
            TYPE_STOPITER => PyExc_StopIteration.as_object().to_owned(),
            TYPE_ELLIPSIS => objects::sliceobject::Py_Ellipsis().to_owned(),
            TYPE_FALSE => objects::boolobject::Py_False().to_owned(),
            TYPE_TRUE => objects::boolobject::Py_True().to_owned(),
            TYPE_INT => {
                let n = self.r_long()?;
                self.r_ref(PyLong_FromLong(n), flag)
            }
            TYPE_INT64 => {
                let v = self.r_long64()?;
                self.r_ref(v, flag)
            }
            TYPE_LONG => {
                let v = self.r_PyLong()?;
                self.r_ref(v, flag)
            }
            TYPE_FLOAT => {
                let x = self.r_float_str()?;
                self.r_ref(PyFloat_FromDouble(x), flag)
            }
            TYPE_BINARY_FLOAT => {
                let x = self.r_float_bin()?;
                self.r_ref(PyFloat_FromDouble(x), flag)
            }
            TYPE_COMPLEX => {
                let re = self.r_float_str()?;
                let im = self.r_float_str()?;
                self.r_ref(PyComplex_FromDoubles(re, im), flag)
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.r_float_bin()?;
                let im = self.r_float_bin()?;
                self.r_ref(PyComplex_FromDoubles(re, im), flag)
            }
            TYPE_STRING => {
                let n = self.r_size("bytes object")?;
                let data = self.r_string(n)?;
                self.r_ref(objects::bytesobject::PyBytes_FromVecUnshared(data), flag)
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED => {
                let n = self.r_size("string")?;
                self.r_ascii(n, ty == TYPE_ASCII_INTERNED, flag)?
            }
            TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = self.r_byte()?;
                self.r_ascii(usize::from(n), ty == TYPE_SHORT_ASCII_INTERNED, flag)?
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.r_size("string")?;
                let v = if n != 0 {
                    let data = self.r_string(n)?;
                    objects::codecs::decode_with_codec(
                        objects::codecs::Codec::Utf8,
                        &data,
                        &objects::codecs::ErrorHandler::SurrogatePass,
                        true,
                    )?
                    .0
                } else {
                    PyUnicode_FromString("")
                };
                let v = if ty == TYPE_INTERNED {
                    PyUnicode_InternInPlace(v)
                } else {
                    v
                };
                self.r_ref(v, flag)
            }
            TYPE_SMALL_TUPLE | TYPE_TUPLE => {
                let n = if ty == TYPE_SMALL_TUPLE {
                    usize::from(self.r_byte()?)
                } else {
                    self.r_size("tuple")?
                };
                let idx = self.r_ref_reserve(flag);
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    match self.r_object()? {
                        Some(o) => items.push(o),
                        None => return Err(type_error("NULL object in marshal data for tuple")),
                    }
                }
                let t = PyTuple_New(items).into_object();
                self.r_ref_insert(t, idx)
            }
            TYPE_LIST => {
                let n = self.r_size("list")?;
                let l = PyList_New(Vec::with_capacity(n.min(1 << 16)));
                let v = self.r_ref(l.clone().into_object(), flag);
                for _ in 0..n {
                    match self.r_object()? {
                        Some(o) => PyList_Append(&l, o)?,
                        None => return Err(type_error("NULL object in marshal data for list")),
                    }
                }
                v
            }
            TYPE_DICT => {
                let d = PyDict_New();
                let v = self.r_ref(d.clone().into_object(), flag);
                // Pairs up to a NULL key (or value).
                while let Some(key) = self.r_object()? {
                    let Some(val) = self.r_object()? else {
                        break;
                    };
                    PyDict_SetItem(&d, &key, &val)?;
                }
                v
            }
            TYPE_SET | TYPE_FROZENSET => {
                let n = self.r_size("set")?;
                if n == 0 && ty == TYPE_FROZENSET {
                    // The empty frozenset, as `frozenset()` makes it.
                    let v = PyFrozenSet_New(None)?;
                    self.r_ref(v, flag)
                } else {
                    let (v, idx) = if ty == TYPE_SET {
                        let s = PySet_New(None)?;
                        (self.r_ref(s, flag), None)
                    } else {
                        (PyFrozenSet_New(None)?, self.r_ref_reserve(flag))
                    };
                    for _ in 0..n {
                        match self.r_object()? {
                            Some(o) => PySet_Add(&v, &o)?,
                            None => return Err(type_error("NULL object in marshal data for set")),
                        }
                    }
                    self.r_ref_insert(v, idx)
                }
            }
            TYPE_CODE => {
                let idx = self.r_ref_reserve(flag);
                let co = self.r_code()?;
                self.r_ref_insert(co, idx)
            }
            TYPE_REF => {
                let n = self.r_long()?;
                match usize::try_from(n).ok().and_then(|i| self.refs.get(i)) {
                    Some(Some(v)) => v.clone(),
                    _ => return Err(bad_data("invalid reference")),
                }
            }
            _ => return Err(bad_data("unknown type code")),
        };
        Ok(Some(v))
    }

    fn r_ascii(&mut self, n: usize, interned: bool, flag: bool) -> PyResult<PyObjectRef> {
        let data = self.r_string(n)?;
        // Read as Latin-1, as CPython does (the writer only uses ASCII).
        let v = objects::unicodeobject::PyUnicode_FromLatin1(&data);
        let v = if interned {
            PyUnicode_InternInPlace(v)
        } else {
            v
        };
        Ok(self.r_ref(v, flag))
    }

    fn r_required(&mut self) -> PyResult<PyObjectRef> {
        self.r_object()?
            .ok_or_else(|| type_error("NULL object in marshal data for object"))
    }

    /// The fields of a code object, in `w_code`'s order, checked as
    /// `_PyCode_Validate` does.
    fn r_code(&mut self) -> PyResult<PyObjectRef> {
        let argcount = self.r_long()? as i32;
        let posonlyargcount = self.r_long()? as i32;
        let kwonlyargcount = self.r_long()? as i32;
        let stacksize = self.r_long()? as i32;
        let flags = self.r_long()? as i32;
        let code = self.r_required()?;
        let consts = self.r_required()?;
        let names = self.r_required()?;
        let localsplusnames = self.r_required()?;
        let localspluskinds = self.r_required()?;
        let filename = self.r_required()?;
        let filename = self.filename.clone().unwrap_or(filename);
        let name = self.r_required()?;
        let qualname = self.r_required()?;
        let firstlineno = self.r_long()? as i32;
        let linetable = self.r_required()?;
        let exceptiontable = self.r_required()?;
        let con = PyCodeConstructor {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            firstlineno,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            linetable,
            exceptiontable,
        };
        _PyCode_Validate(&con)?;
        Ok(_PyCode_New(con)?.into_object())
    }
}

/// `read_object`: one object, with the audit event and the error for a bare NULL.
fn read_object(p: &mut RFILE) -> PyResult {
    match &p.src {
        Source::Buffer { data, pos } => {
            crate::sysmodule::PySys_Audit(
                "marshal.loads",
                vec![objects::bytesobject::PyBytes_FromSlice(&data[*pos..])],
            )?;
        }
        Source::Readable(_) => {
            crate::sysmodule::PySys_Audit("marshal.load", vec![])?;
        }
    }
    p.r_object()?
        .ok_or_else(|| type_error("NULL object in marshal data for object"))
}

/// `PyMarshal_ReadObjectFromString`.
pub fn PyMarshal_ReadObjectFromString(data: &[u8]) -> PyResult {
    let mut rf = RFILE {
        src: Source::Buffer { data, pos: 0 },
        depth: 0,
        refs: Vec::new(),
        filename: None,
    };
    read_object(&mut rf)
}

/// Read the code of a .pyc (the marshalled data after its header) for the module whose
/// source is `source_path`: `PyMarshal_ReadObjectFromString` followed by what
/// `_imp._fix_co_filename` does in CPython (`update_compiled_module` of
/// Python/import.c). pyrs's code objects are immutable, so instead of rewriting
/// `co_filename` afterwards, every code object read is made with `source_path` as its
/// filename. (CPython rewrites only the code objects whose filename equals the
/// outermost one's; a module's .pyc has no others.)
pub fn read_code_for_source(data: &[u8], source_path: Option<&PyObject>) -> PyResult {
    let mut rf = RFILE {
        src: Source::Buffer { data, pos: 0 },
        depth: 0,
        refs: Vec::new(),
        filename: source_path.map(|p| p.to_owned()),
    };
    read_object(&mut rf)
}

// --- The module -----------------------------------------------------------------------------

/// The optional `version` argument (an `int`, as Argument Clinic's `i` converter).
fn version_arg(arg: Option<&PyObjectRef>) -> PyResult<i32> {
    match arg {
        None => Ok(Py_MARSHAL_VERSION),
        Some(v) => objects::listobject::int_converter(v),
    }
}

/// `marshal.dump(value, file, version=version, /)`.
fn marshal_dump(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("dump", args.len(), 2, 3)?;
    let version = version_arg(args.get(2))?;
    let s = PyMarshal_WriteObjectToString(&args[0], version)?;
    PyObject_CallMethodOneArg(&args[1], objects::intern!("write"), &s)?;
    Ok(none())
}

/// `marshal.load(file, /)`.
fn marshal_load(_m: &PyObject, file: &PyObject) -> PyResult {
    // A zero-byte read first, so that an object without a `read` returning bytes is
    // refused before anything is consumed.
    let data =
        objects::call::PyObject_CallMethod(file, objects::intern!("read"), &[PyLong_FromLong(0)])?;
    if !PyBytesObject::check(&data) {
        return Err(type_error(format!(
            "file.read() returned not bytes but {}",
            data.ob_type().name()
        )));
    }
    let mut rf = RFILE {
        src: Source::Readable(file),
        depth: 0,
        refs: Vec::new(),
        filename: None,
    };
    read_object(&mut rf)
}

/// `marshal.dumps(value, version=version, /)`.
fn marshal_dumps(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("dumps", args.len(), 1, 2)?;
    let version = version_arg(args.get(1))?;
    PyMarshal_WriteObjectToString(&args[0], version)
}

/// `marshal.loads(bytes, /)`: any bytes-like object.
fn marshal_loads(_m: &PyObject, arg: &PyObject) -> PyResult {
    if !PyObject_CheckBuffer(arg) {
        return Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            arg.ob_type().name()
        )));
    }
    let mut view = Py_buffer::new();
    PyObject_GetBuffer(arg, &mut view, PyBUF_SIMPLE)?;
    let data = PyBuffer_ToContiguous(&view, 'C');
    PyBuffer_Release(&mut view);
    PyMarshal_ReadObjectFromString(&data)
}

static MARSHAL_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "dump",
        PyCFunction::Fast(marshal_dump),
        "dump($module, value, file, version=version, /)\n--\n\nWrite the value on the open file.\n\n  value\n    Must be a supported type.\n  file\n    Must be a writeable binary file.\n  version\n    Indicates the data format that dump should use.\n\nIf the value has (or contains an object that has) an unsupported type, a\nValueError exception is raised - but garbage data will also be written\nto the file. The object will not be properly read back by load().",
    ),
    PyMethodDef::new(
        "load",
        PyCFunction::O(marshal_load),
        "load($module, file, /)\n--\n\nRead one value from the open file and return it.\n\n  file\n    Must be readable binary file.\n\nIf no valid value is read (e.g. because the data has a different Python\nversion's incompatible marshal format), raise EOFError, ValueError or\nTypeError.\n\nNote: If an object containing an unsupported type was marshalled with\ndump(), load() will substitute None for the unmarshallable type.",
    ),
    PyMethodDef::new(
        "dumps",
        PyCFunction::Fast(marshal_dumps),
        "dumps($module, value, version=version, /)\n--\n\nReturn the bytes object that would be written to a file by dump(value, file).\n\n  value\n    Must be a supported type.\n  version\n    Indicates the data format that dumps should use.\n\nRaise a ValueError exception if value has (or contains an object that has) an\nunsupported type.",
    ),
    PyMethodDef::new(
        "loads",
        PyCFunction::O(marshal_loads),
        "loads($module, bytes, /)\n--\n\nConvert the bytes-like object to a value.\n\nIf no valid value is found, raise EOFError, ValueError or TypeError.  Extra\nbytes in the input are ignored.",
    ),
];

const MODULE_DOC: &str = "This module contains functions that can read and write Python values in\na binary format. The format is specific to Python, but independent of\nmachine architecture issues.\n\nNot all Python object types are supported; in general, only objects\nwhose value is independent from a particular invocation of Python can be\nwritten and read by this module. The following types are supported:\nNone, integers, floating point numbers, strings, bytes, bytearrays,\ntuples, lists, sets, dictionaries, and code objects, where it\nshould be understood that tuples, lists and dictionaries are only\nsupported as long as the values contained therein are themselves\nsupported; and recursive lists and dictionaries should not be written\n(they will cause infinite loops).\n\nVariables:\n\nversion -- indicates the format that the module uses. Version 0 is the\n    historical format, version 1 shares interned strings and version 2\n    uses a binary format for floating point numbers.\n    Version 3 shares common object references (New in version 3.4).\n\nFunctions:\n\ndump() -- write value to a file\nload() -- read value from a file\ndumps() -- marshal value as a bytes object\nloads() -- read value from a bytes-like object";

/// Make the `marshal` module (`PyMarshal_Init`).
pub fn PyMarshal_Init() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("marshal")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(MODULE_DOC))?;
    PyModule_AddFunctions(&m, &MARSHAL_METHODS)?;
    PyModule_AddObject(
        &m,
        "version",
        &PyLong_FromLong(i64::from(Py_MARSHAL_VERSION)),
    )?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_are_little_endian() {
        let mut w = WFILE::new(4);
        w.w_short(0x1234);
        w.w_long(-2);
        assert_eq!(w.buf, vec![0x34, 0x12, 0xfe, 0xff, 0xff, 0xff]);
    }
}
