//! The `array` module: `array.array`, its iterator and `_array_reconstructor`.
//! Mirrors Modules/arraymodule.c (CPython 3.11).
//!
//! An array is a sequence of machine values of one C type, chosen by a one-letter
//! type code. Each type code has a descriptor ([`arraydescr`]) with its item size and
//! the functions that turn one stored item into a Python object (`getitem`) and a
//! Python object into the bytes of one item (`setitem`), with CPython's conversion
//! errors ("signed char is greater than maximum", ...).
//!
//! Sizes are those of CPython on x86-64 Linux: `'u'` is a 4-byte `wchar_t` (a signed
//! `int`), `'l'`/`'L'` are 8 bytes. An array exports its memory through the buffer
//! protocol (`memoryview(a)`, `bytes(a)`); while any view is exported the array
//! refuses to change size with CPython's `BufferError`, so the view's pointer stays
//! valid.
//!
//! Differences from CPython: the items live in a `Vec<u8>` (Py_SIZE * itemsize
//! bytes); CPython's over-allocation (`allocated`) is *modelled* with the rules of
//! `array_resize`, so `__sizeof__` and `sys.getsizeof` report CPython's figures. A
//! `setitem` converts its argument to bytes before anything is stored, so Python code
//! run by the conversion (`__index__`) never sees a half-resized array; CPython's
//! `ins1` converts twice (once to check, once to store), pyrs once. The types are
//! static types rather than heap types made from a spec. `__setstate__` on an
//! exhausted iterator does nothing (CPython 3.11 dereferences a NULL array there).

use std::cell::Cell;
use std::cmp::Ordering;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::*;
use include::cpython::object::{PyBufferProcs, PyMappingMethods, PySequenceMethods};
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};

use num_bigint::BigInt;

use objects::boolobject::PyBool_FromLong;
use objects::bytearrayobject::PyByteArrayObject;
use objects::bytesobject::{PyBytesObject, PyBytes_FromSlice, PyBytes_FromVec};
use objects::exceptions::*;
use objects::floatobject::{PyFloat_AsDouble, PyFloat_FromDouble};
use objects::getargs::{check_positional, unpack_keywords, ArgSpec};
use objects::listobject::{PyListObject, PyList_New};
use objects::longobject::{
    long_to_bigint, PyLongObject, PyLong_AsLong, PyLong_FromLong, PyLong_FromSsize_t,
    PyLong_FromU64,
};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::r#abstract::{
    PyBUF_FORMAT, PyBUF_SIMPLE, PyBuffer_FillInfo, PyBuffer_IsContiguous, PyBuffer_Release,
    PyIndex_Check, PyIter_Next, PyNumber_AsSsize_t, PyNumber_Index, PyObject_GetBuffer,
    PyObject_GetIter, PySequence_GetItem, Py_buffer,
};
use objects::sliceobject::PySliceObject;
use objects::tupleobject::{PyObject_SelfIter, PyTupleObject, PyTuple_New};
use objects::typeobject::{PyType_IsSubtype, PyType_Ready, PyType_Type};
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString, PyUnicode_FromUCS4};

/// `sizeof(arrayobject)` in CPython 3.11 on 64-bit: the variable-size header (24),
/// `ob_item`, `allocated`, `ob_descr`, `weakreflist` and `ob_exports` (8 each).
const CPYTHON_ARRAY_BASICSIZE: usize = 64;

/// The bytes of one item as `setitem` produces them (the first `itemsize` are used).
type Item = [u8; 8];

// --- Type descriptors ---------------------------------------------------------------------

/// `struct arraydescr`: everything an array needs to know about its item type.
pub struct arraydescr {
    pub typecode: u8,
    pub itemsize: usize,
    /// The stored item (its `itemsize` native-endian bytes) as a Python object.
    getitem: fn(&[u8]) -> PyResult,
    /// A Python object as the bytes of one item, or CPython's conversion error.
    setitem: fn(&PyObject) -> PyResult<Item>,
    /// Compare two runs of items of this type without making objects (integer and
    /// character types; floats compare through objects because of NaN).
    compareitems: Option<fn(&[u8], &[u8]) -> Ordering>,
    /// The struct-module format of a buffer export.
    formats: &'static str,
    is_integer_type: bool,
    is_signed: bool,
}

/// The first `N` bytes of `p` as an array (for `from_ne_bytes`).
#[inline]
fn rd<const N: usize>(p: &[u8]) -> [u8; N] {
    let mut a = [0u8; N];
    a.copy_from_slice(&p[..N]);
    a
}

/// Store a value's native-endian bytes at the front of an [`Item`].
#[inline]
fn item_of<const N: usize>(b: [u8; N]) -> Item {
    let mut it = [0u8; 8];
    it[..N].copy_from_slice(&b);
    it
}

/// `compareitems` for a C type: the first differing item decides, as `memcmp` of
/// values would.
macro_rules! compareitems {
    ($name:ident, $t:ty) => {
        fn $name(a: &[u8], b: &[u8]) -> Ordering {
            const N: usize = size_of::<$t>();
            for (x, y) in a.chunks_exact(N).zip(b.chunks_exact(N)) {
                let x = <$t>::from_ne_bytes(rd::<N>(x));
                let y = <$t>::from_ne_bytes(rd::<N>(y));
                if x != y {
                    return if x < y {
                        Ordering::Less
                    } else {
                        Ordering::Greater
                    };
                }
            }
            Ordering::Equal
        }
    };
}

compareitems!(b_compareitems, i8);
compareitems!(BB_compareitems, u8);
compareitems!(u_compareitems, i32);
compareitems!(h_compareitems, i16);
compareitems!(HH_compareitems, u16);
compareitems!(i_compareitems, i32);
compareitems!(II_compareitems, u32);
compareitems!(l_compareitems, i64);
compareitems!(LL_compareitems, u64);

/// `PyArg_Parse(v, "h")`: a C `short` (through `long`), with getargs.c's messages.
fn parse_short(v: &PyObject) -> PyResult<i16> {
    let x = PyLong_AsLong(v)?;
    if x < i16::MIN as i64 {
        return Err(overflow_error("signed short integer is less than minimum"));
    }
    if x > i16::MAX as i64 {
        return Err(overflow_error(
            "signed short integer is greater than maximum",
        ));
    }
    Ok(x as i16)
}

/// `PyArg_Parse(v, "i")`: a C `int` (through `long`).
fn parse_int(v: &PyObject) -> PyResult<i32> {
    let x = PyLong_AsLong(v)?;
    if x < i32::MIN as i64 {
        return Err(overflow_error("signed integer is less than minimum"));
    }
    if x > i32::MAX as i64 {
        return Err(overflow_error("signed integer is greater than maximum"));
    }
    Ok(x as i32)
}

/// An int, or the result of `__index__` for anything else (`_PyNumber_Index`), as the
/// unsigned setters take it.
fn index_value(v: &PyObject) -> PyResult<BigInt> {
    if PyLongObject::check(v) {
        return Ok(long_to_bigint(v));
    }
    let i = PyNumber_Index(v)?;
    Ok(long_to_bigint(&i))
}

/// `PyLong_AsUnsignedLong`.
fn as_unsigned_long(v: &PyObject) -> PyResult<u64> {
    let b = index_value(v)?;
    if b.sign() == num_bigint::Sign::Minus {
        return Err(overflow_error(
            "can't convert negative value to unsigned int",
        ));
    }
    u64::try_from(&b)
        .map_err(|_| overflow_error("Python int too large to convert to C unsigned long"))
}

fn b_getitem(p: &[u8]) -> PyResult {
    Ok(PyLong_FromLong(i8::from_ne_bytes(rd(p)) as i64))
}

fn b_setitem(v: &PyObject) -> PyResult<Item> {
    // getargs' "b" is unsigned, so CPython parses a short and checks the range.
    let x = parse_short(v)?;
    if x < -128 {
        return Err(overflow_error("signed char is less than minimum"));
    }
    if x > 127 {
        return Err(overflow_error("signed char is greater than maximum"));
    }
    Ok(item_of((x as i8).to_ne_bytes()))
}

fn BB_getitem(p: &[u8]) -> PyResult {
    Ok(PyLong_FromLong(p[0] as i64))
}

fn BB_setitem(v: &PyObject) -> PyResult<Item> {
    let x = PyLong_AsLong(v)?;
    if x < 0 {
        return Err(overflow_error("unsigned byte integer is less than minimum"));
    }
    if x > u8::MAX as i64 {
        return Err(overflow_error(
            "unsigned byte integer is greater than maximum",
        ));
    }
    Ok(item_of([x as u8]))
}

/// `PyUnicode_FromOrdinal` of a stored `wchar_t`.
fn u_getitem(p: &[u8]) -> PyResult {
    let c = i32::from_ne_bytes(rd(p));
    if !(0..=0x10ffff).contains(&c) {
        return Err(value_error("chr() arg not in range(0x110000)"));
    }
    Ok(PyUnicode_FromUCS4(vec![c as u32]))
}

fn u_setitem(v: &PyObject) -> PyResult<Item> {
    let msg = "array item must be unicode character";
    let Some(u) = v.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(msg));
    };
    if u.len() != 1 {
        return Err(type_error(msg));
    }
    Ok(item_of((u.char_at(0) as i32).to_ne_bytes()))
}

fn h_getitem(p: &[u8]) -> PyResult {
    Ok(PyLong_FromLong(i16::from_ne_bytes(rd(p)) as i64))
}

fn h_setitem(v: &PyObject) -> PyResult<Item> {
    Ok(item_of(parse_short(v)?.to_ne_bytes()))
}

fn HH_getitem(p: &[u8]) -> PyResult {
    Ok(PyLong_FromLong(u16::from_ne_bytes(rd(p)) as i64))
}

fn HH_setitem(v: &PyObject) -> PyResult<Item> {
    // getargs' "H" does not check the range, so CPython parses an int and checks.
    let x = parse_int(v)?;
    if x < 0 {
        return Err(overflow_error("unsigned short is less than minimum"));
    }
    if x > u16::MAX as i32 {
        return Err(overflow_error("unsigned short is greater than maximum"));
    }
    Ok(item_of((x as u16).to_ne_bytes()))
}

fn i_getitem(p: &[u8]) -> PyResult {
    Ok(PyLong_FromLong(i32::from_ne_bytes(rd(p)) as i64))
}

fn i_setitem(v: &PyObject) -> PyResult<Item> {
    Ok(item_of(parse_int(v)?.to_ne_bytes()))
}

fn II_getitem(p: &[u8]) -> PyResult {
    Ok(PyLong_FromLong(u32::from_ne_bytes(rd(p)) as i64))
}

fn II_setitem(v: &PyObject) -> PyResult<Item> {
    let x = as_unsigned_long(v)?;
    if x > u32::MAX as u64 {
        return Err(overflow_error("unsigned int is greater than maximum"));
    }
    Ok(item_of((x as u32).to_ne_bytes()))
}

fn l_getitem(p: &[u8]) -> PyResult {
    Ok(PyLong_FromLong(i64::from_ne_bytes(rd(p))))
}

fn l_setitem(v: &PyObject) -> PyResult<Item> {
    Ok(item_of(PyLong_AsLong(v)?.to_ne_bytes()))
}

fn LL_getitem(p: &[u8]) -> PyResult {
    Ok(PyLong_FromU64(u64::from_ne_bytes(rd(p))))
}

fn LL_setitem(v: &PyObject) -> PyResult<Item> {
    Ok(item_of(as_unsigned_long(v)?.to_ne_bytes()))
}

/// `PyArg_Parse(v, "L")`: `PyLong_AsLongLong`, whose overflow comes from
/// `_PyLong_AsByteArray`.
fn q_setitem(v: &PyObject) -> PyResult<Item> {
    let i = PyNumber_Index(v)?;
    let b = long_to_bigint(&i);
    let x = i64::try_from(&b).map_err(|_| overflow_error("int too big to convert"))?;
    Ok(item_of(x.to_ne_bytes()))
}

/// `PyLong_AsUnsignedLongLong`.
fn QQ_setitem(v: &PyObject) -> PyResult<Item> {
    let b = index_value(v)?;
    if b.sign() == num_bigint::Sign::Minus {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let x = u64::try_from(&b).map_err(|_| overflow_error("int too big to convert"))?;
    Ok(item_of(x.to_ne_bytes()))
}

fn f_getitem(p: &[u8]) -> PyResult {
    Ok(PyFloat_FromDouble(f32::from_ne_bytes(rd(p)) as f64))
}

fn f_setitem(v: &PyObject) -> PyResult<Item> {
    // getargs' "f" narrows the double with a plain C cast (large values become inf).
    Ok(item_of((PyFloat_AsDouble(v)? as f32).to_ne_bytes()))
}

fn d_getitem(p: &[u8]) -> PyResult {
    Ok(PyFloat_FromDouble(f64::from_ne_bytes(rd(p))))
}

fn d_setitem(v: &PyObject) -> PyResult<Item> {
    Ok(item_of(PyFloat_AsDouble(v)?.to_ne_bytes()))
}

/// `descriptors`: one entry per type code, in the order of `array.typecodes`.
static descriptors: [arraydescr; 13] = [
    arraydescr {
        typecode: b'b',
        itemsize: 1,
        getitem: b_getitem,
        setitem: b_setitem,
        compareitems: Some(b_compareitems),
        formats: "b",
        is_integer_type: true,
        is_signed: true,
    },
    arraydescr {
        typecode: b'B',
        itemsize: 1,
        getitem: BB_getitem,
        setitem: BB_setitem,
        compareitems: Some(BB_compareitems),
        formats: "B",
        is_integer_type: true,
        is_signed: false,
    },
    arraydescr {
        typecode: b'u',
        itemsize: 4,
        getitem: u_getitem,
        setitem: u_setitem,
        compareitems: Some(u_compareitems),
        formats: "u",
        is_integer_type: false,
        is_signed: false,
    },
    arraydescr {
        typecode: b'h',
        itemsize: 2,
        getitem: h_getitem,
        setitem: h_setitem,
        compareitems: Some(h_compareitems),
        formats: "h",
        is_integer_type: true,
        is_signed: true,
    },
    arraydescr {
        typecode: b'H',
        itemsize: 2,
        getitem: HH_getitem,
        setitem: HH_setitem,
        compareitems: Some(HH_compareitems),
        formats: "H",
        is_integer_type: true,
        is_signed: false,
    },
    arraydescr {
        typecode: b'i',
        itemsize: 4,
        getitem: i_getitem,
        setitem: i_setitem,
        compareitems: Some(i_compareitems),
        formats: "i",
        is_integer_type: true,
        is_signed: true,
    },
    arraydescr {
        typecode: b'I',
        itemsize: 4,
        getitem: II_getitem,
        setitem: II_setitem,
        compareitems: Some(II_compareitems),
        formats: "I",
        is_integer_type: true,
        is_signed: false,
    },
    arraydescr {
        typecode: b'l',
        itemsize: 8,
        getitem: l_getitem,
        setitem: l_setitem,
        compareitems: Some(l_compareitems),
        formats: "l",
        is_integer_type: true,
        is_signed: true,
    },
    arraydescr {
        typecode: b'L',
        itemsize: 8,
        getitem: LL_getitem,
        setitem: LL_setitem,
        compareitems: Some(LL_compareitems),
        formats: "L",
        is_integer_type: true,
        is_signed: false,
    },
    arraydescr {
        typecode: b'q',
        itemsize: 8,
        getitem: l_getitem,
        setitem: q_setitem,
        compareitems: Some(l_compareitems),
        formats: "q",
        is_integer_type: true,
        is_signed: true,
    },
    arraydescr {
        typecode: b'Q',
        itemsize: 8,
        getitem: LL_getitem,
        setitem: QQ_setitem,
        compareitems: Some(LL_compareitems),
        formats: "Q",
        is_integer_type: true,
        is_signed: false,
    },
    arraydescr {
        typecode: b'f',
        itemsize: 4,
        getitem: f_getitem,
        setitem: f_setitem,
        compareitems: None,
        formats: "f",
        is_integer_type: false,
        is_signed: false,
    },
    arraydescr {
        typecode: b'd',
        itemsize: 8,
        getitem: d_getitem,
        setitem: d_setitem,
        compareitems: None,
        formats: "d",
        is_integer_type: false,
        is_signed: false,
    },
];

fn find_descr(c: u32) -> Option<&'static arraydescr> {
    descriptors.iter().find(|d| d.typecode as u32 == c)
}

// --- The array object -----------------------------------------------------------------------

/// `arrayobject`.
#[repr(C)]
pub struct arrayobject {
    pub ob_base: PyObject,
    /// The items, `Py_SIZE * itemsize` bytes (`ob_item`).
    ob_item: PyCell<Vec<u8>>,
    /// CPython's allocated length in items, modelled (`allocated`).
    allocated: Cell<usize>,
    ob_descr: &'static arraydescr,
    weakreflist: PyCell<Option<PyObjectRef>>,
    /// Number of exported buffers; the size is frozen while it is positive.
    ob_exports: Cell<isize>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for arrayobject {}

impl PyTypeInfo for arrayobject {
    fn type_object() -> &'static PyTypeObject {
        &ArrayType
    }
}

#[inline(always)]
fn as_array(obj: &PyObject) -> &arrayobject {
    debug_assert!(arrayobject::check(obj));
    // SAFETY: only called from slots and methods of array (and after `check`).
    unsafe { &*(obj as *const PyObject as *const arrayobject) }
}

impl arrayobject {
    #[inline]
    fn itemsize(&self) -> usize {
        self.ob_descr.itemsize
    }

    /// `Py_SIZE(self)`: the number of items.
    #[inline]
    fn len(&self) -> usize {
        // SAFETY: the borrow ends within the expression.
        unsafe { self.ob_item.get_ref() }.len() / self.itemsize()
    }

    /// Borrow the item bytes.
    ///
    /// # Safety
    /// No Python code may run while the borrow lives.
    #[inline]
    unsafe fn bytes(&self) -> &[u8] {
        // SAFETY: upheld by the caller.
        unsafe { self.ob_item.get_ref() }
    }

    /// Borrow the item bytes mutably.
    ///
    /// # Safety
    /// As for [`arrayobject::bytes`], and no other borrow may be live.
    #[inline]
    #[allow(clippy::mut_from_ref)]
    unsafe fn bytes_mut(&self) -> &mut Vec<u8> {
        // SAFETY: upheld by the caller.
        unsafe { self.ob_item.get_mut() }
    }

    /// A copy of the item bytes.
    fn to_vec(&self) -> Vec<u8> {
        // SAFETY: the borrow ends within the expression.
        unsafe { self.bytes() }.to_vec()
    }

    /// `getarrayitem`: item `i` as an object, `None` when out of range.
    fn getarrayitem(&self, i: usize) -> Option<PyResult> {
        let sz = self.itemsize();
        // SAFETY: `getitem` only builds an int, float or str; no Python code runs.
        let b = unsafe { self.bytes() };
        b.get(i * sz..(i + 1) * sz).map(self.ob_descr.getitem)
    }

    /// Store converted bytes at item `i` (which the caller checked).
    fn store(&self, i: usize, item: &Item) {
        let sz = self.itemsize();
        // SAFETY: no Python code runs while the vector is borrowed.
        let b = unsafe { self.bytes_mut() };
        if let Some(dst) = b.get_mut(i * sz..(i + 1) * sz) {
            dst.copy_from_slice(&item[..sz]);
        }
    }

    fn exports_error() -> PyErr {
        PyErr_SetString(
            &PyExc_BufferError,
            "cannot resize an array that is exporting buffers",
        )
    }

    /// `array_resize`: new length in items (new items are zero), with CPython's
    /// over-allocation modelled in `allocated`.
    fn array_resize(&self, newsize: usize) -> PyResult<()> {
        let size = self.len();
        if self.ob_exports.get() > 0 && newsize != size {
            return Err(Self::exports_error());
        }
        let sz = self.itemsize();
        let grow_to = |b: &mut Vec<u8>| -> PyResult<()> {
            let want = newsize.checked_mul(sz).ok_or_else(PyErr_NoMemory)?;
            if want > b.len() {
                b.try_reserve(want - b.len())
                    .map_err(|_| PyErr_NoMemory())?;
            }
            b.resize(want, 0);
            Ok(())
        };
        // Bypass the reallocation when the earlier over-allocation is large enough
        // and the array does not shrink by 16 items or more.
        let allocated = self.allocated.get();
        if allocated >= newsize && size < newsize + 16 && allocated > 0 {
            // SAFETY: no Python code runs while the vector is borrowed.
            return grow_to(unsafe { self.bytes_mut() });
        }
        if newsize == 0 {
            // SAFETY: as above.
            let b = unsafe { self.bytes_mut() };
            *b = Vec::new();
            self.allocated.set(0);
            return Ok(());
        }
        // Over-allocate a little in proportion to the size: the growth pattern is
        // 0, 4, 8, 16, 25, 34, 46, 56, 67, 79, ... (only about 1/16th for large
        // arrays, which are presumed to be memory critical).
        let new_allocated = (newsize >> 4) + if size < 8 { 3 } else { 7 } + newsize;
        if new_allocated
            .checked_mul(sz)
            .is_none_or(|n| n > isize::MAX as usize)
        {
            return Err(PyErr_NoMemory());
        }
        // SAFETY: as above.
        grow_to(unsafe { self.bytes_mut() })?;
        self.allocated.set(new_allocated);
        Ok(())
    }

    /// `ins1`: insert a (converted) item before `where_`.
    fn ins1(&self, where_: isize, v: &PyObject) -> PyResult<()> {
        let item = (self.ob_descr.setitem)(v)?;
        let n = self.len() as isize;
        self.array_resize(n as usize + 1)?;
        let mut w = where_;
        if w < 0 {
            w = (w + n).max(0);
        }
        if w > n {
            w = n;
        }
        let sz = self.itemsize();
        let w = w as usize;
        // SAFETY: no Python code runs while the vector is borrowed.
        let b = unsafe { self.bytes_mut() };
        b.copy_within(w * sz..n as usize * sz, (w + 1) * sz);
        b[w * sz..(w + 1) * sz].copy_from_slice(&item[..sz]);
        Ok(())
    }

    /// `array_del_slice`: remove items `[ilow, ihigh)` (clamped).
    fn del_slice(&self, ilow: isize, ihigh: isize) -> PyResult<()> {
        let size = self.len() as isize;
        let ilow = ilow.clamp(0, size);
        let ihigh = ihigh.clamp(ilow, size);
        let d = ihigh - ilow;
        if d != 0 && self.ob_exports.get() > 0 {
            return Err(Self::exports_error());
        }
        if d > 0 {
            let sz = self.itemsize();
            // SAFETY: no Python code runs while the vector is borrowed.
            let b = unsafe { self.bytes_mut() };
            b.copy_within(ihigh as usize * sz.., ilow as usize * sz);
            // The tail is now garbage; shrinking drops it.
            self.array_resize((size - d) as usize)?;
        }
        Ok(())
    }
}

/// `newarrayobject`: a zero-filled array of `size` items.
fn newarrayobject(
    tp: &PyTypeObject,
    size: usize,
    descr: &'static arraydescr,
) -> PyResult<PyRef<arrayobject>> {
    let nbytes = size
        .checked_mul(descr.itemsize)
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(PyErr_NoMemory)?;
    let mut v = Vec::new();
    v.try_reserve_exact(nbytes).map_err(|_| PyErr_NoMemory())?;
    v.resize(nbytes, 0);
    // SAFETY: `tp` is array or a subtype, whose instances start with this layout.
    Ok(unsafe {
        alloc_object(
            tp,
            arrayobject {
                ob_base: PyObject_HEAD_INIT,
                ob_item: PyCell::new(v),
                allocated: Cell::new(size),
                ob_descr: descr,
                weakreflist: PyCell::new(None),
                ob_exports: Cell::new(0),
            },
        )
    })
}

/// A new `array.array` holding a copy of `bytes` (`array_slice` and friends).
fn array_from_bytes(descr: &'static arraydescr, bytes: &[u8]) -> PyResult {
    let a = newarrayobject(&ArrayType, bytes.len() / descr.itemsize, descr)?;
    // SAFETY: the new array is not shared yet.
    unsafe { a.bytes_mut() }.copy_from_slice(bytes);
    Ok(a.into_object())
}

fn array_check(obj: &PyObject) -> bool {
    arrayobject::check(obj)
}

/// `PyErr_BadArgument`.
fn bad_argument() -> PyErr {
    type_error("bad argument type for built-in operation")
}

// --- Slots ------------------------------------------------------------------------------------

unsafe fn array_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead array: untrack, clear weak references, then release.
    unsafe {
        include::gc::gc_untrack(op);
        if as_array(&*op).weakreflist.get().is_some() {
            objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        }
        dealloc_object::<arrayobject>(op)
    }
}

/// The items are machine values; an array references no objects.
fn array_tp_traverse(_obj: &PyObject, _visit: &mut dyn FnMut(&PyObject)) {}

fn array_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    if !array_check(v) || !array_check(w) {
        return Ok(not_implemented());
    }
    let (va, wa) = (as_array(v), as_array(w));
    if va.len() != wa.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        // Arrays of different lengths differ.
        return Ok(PyBool_FromLong(op == CompareOp::Ne));
    }
    if std::ptr::eq(va.ob_descr, wa.ob_descr) {
        if let Some(cmp) = va.ob_descr.compareitems {
            // Fast path: the same type of items compares the machine values.
            let n = va.len().min(wa.len()) * va.itemsize();
            // SAFETY: comparing machine values runs no Python code.
            let r = cmp(unsafe { &va.bytes()[..n] }, unsafe { &wa.bytes()[..n] });
            let r = if r == Ordering::Equal {
                va.len().cmp(&wa.len())
            } else {
                r
            };
            return Ok(PyBool_FromLong(op.from_ordering(r)));
        }
    }
    // Search for the first index where the items differ.
    let mut i = 0;
    loop {
        let (Some(vi), Some(wi)) = (va.getarrayitem(i), wa.getarrayitem(i)) else {
            // No more items to compare: compare the sizes.
            return Ok(PyBool_FromLong(op.from_ordering(va.len().cmp(&wa.len()))));
        };
        let (vi, wi) = (vi?, wi?);
        if !objects::object::PyObject_RichCompareBool(&vi, &wi, CompareOp::Eq)? {
            return match op {
                CompareOp::Eq => Ok(PyBool_FromLong(false)),
                CompareOp::Ne => Ok(PyBool_FromLong(true)),
                // Compare the differing items again with the requested operator.
                _ => objects::object::PyObject_RichCompare(&vi, &wi, op),
            };
        }
        i += 1;
    }
}

fn array_length(obj: &PyObject) -> PyResult<Py_ssize_t> {
    Ok(as_array(obj).len() as Py_ssize_t)
}

/// `array_item` (`sq_item`).
fn array_item(obj: &PyObject, i: Py_ssize_t) -> PyResult {
    let a = as_array(obj);
    if i < 0 {
        return Err(index_error("array index out of range"));
    }
    match a.getarrayitem(i as usize) {
        Some(r) => r,
        None => Err(index_error("array index out of range")),
    }
}

/// `array_slice`: a new `array.array` with items `[ilow, ihigh)` (clamped).
fn array_slice(a: &arrayobject, ilow: isize, ihigh: isize) -> PyResult {
    let size = a.len() as isize;
    let ilow = ilow.clamp(0, size);
    let ihigh = ihigh.clamp(ilow, size);
    let sz = a.itemsize();
    let bytes = a.to_vec();
    array_from_bytes(a.ob_descr, &bytes[ilow as usize * sz..ihigh as usize * sz])
}

/// `array_concat` (`sq_concat`).
fn array_concat(a: &PyObject, bb: &PyObject) -> PyResult {
    if !array_check(bb) {
        return Err(type_error(format!(
            "can only append array (not \"{}\") to array",
            bb.ob_type().name()
        )));
    }
    let (x, y) = (as_array(a), as_array(bb));
    if !std::ptr::eq(x.ob_descr, y.ob_descr) {
        return Err(bad_argument());
    }
    let mut v = Vec::new();
    v.try_reserve_exact(x.to_vec().len() + y.to_vec().len())
        .map_err(|_| PyErr_NoMemory())?;
    v.extend_from_slice(&x.to_vec());
    v.extend_from_slice(&y.to_vec());
    array_from_bytes(x.ob_descr, &v)
}

/// `n` copies of `bytes`, or `MemoryError` past `PY_SSIZE_T_MAX`.
fn repeat_bytes(bytes: &[u8], n: usize) -> PyResult<Vec<u8>> {
    let total = bytes
        .len()
        .checked_mul(n)
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(PyErr_NoMemory)?;
    let mut v = Vec::new();
    v.try_reserve_exact(total).map_err(|_| PyErr_NoMemory())?;
    for _ in 0..n {
        v.extend_from_slice(bytes);
    }
    Ok(v)
}

/// `array_repeat` (`sq_repeat`).
fn array_repeat(obj: &PyObject, n: Py_ssize_t) -> PyResult {
    let a = as_array(obj);
    let n = n.max(0) as usize;
    let len = a.len();
    if len != 0 && n > isize::MAX as usize / len {
        return Err(PyErr_NoMemory());
    }
    if (len * n) > isize::MAX as usize / a.itemsize() {
        return Err(PyErr_NoMemory());
    }
    let v = repeat_bytes(&a.to_vec(), n)?;
    array_from_bytes(a.ob_descr, &v)
}

/// `array_ass_item` (`sq_ass_item`).
fn array_ass_item(obj: &PyObject, i: Py_ssize_t, v: Option<&PyObject>) -> PyResult<()> {
    let a = as_array(obj);
    let out_of_range = || index_error("array assignment index out of range");
    if i < 0 || i as usize >= a.len() {
        return Err(out_of_range());
    }
    match v {
        None => a.del_slice(i, i + 1),
        Some(v) => {
            let item = (a.ob_descr.setitem)(v)?;
            // The conversion may have run Python code that resized the array.
            if i as usize >= a.len() {
                return Err(out_of_range());
            }
            a.store(i as usize, &item);
            Ok(())
        }
    }
}

/// `array_iter_extend`: append the items of an iterable one by one.
fn array_iter_extend(a: &arrayobject, bb: &PyObject) -> PyResult<()> {
    let it = PyObject_GetIter(bb)?;
    while let Some(v) = PyIter_Next(&it)? {
        a.ins1(a.len() as isize, &v)?;
    }
    Ok(())
}

/// `array_do_extend`: another array of the same kind, or any iterable.
fn array_do_extend(a: &arrayobject, bb: &PyObject) -> PyResult<()> {
    if !array_check(bb) {
        return array_iter_extend(a, bb);
    }
    let b = as_array(bb);
    if !std::ptr::eq(a.ob_descr, b.ob_descr) {
        return Err(type_error("can only extend with array of same kind"));
    }
    let oldsize = a.len();
    // Copy first: `bb` may be `a` itself.
    let extra = b.to_vec();
    let bbsize = b.len();
    if oldsize > isize::MAX as usize - bbsize
        || oldsize + bbsize > isize::MAX as usize / a.itemsize()
    {
        return Err(PyErr_NoMemory());
    }
    a.array_resize(oldsize + bbsize)?;
    let sz = a.itemsize();
    // SAFETY: no Python code runs while the vector is borrowed.
    (unsafe { a.bytes_mut() })[oldsize * sz..].copy_from_slice(&extra);
    Ok(())
}

/// `array_inplace_concat` (`sq_inplace_concat`).
fn array_inplace_concat(obj: &PyObject, bb: &PyObject) -> PyResult {
    if !array_check(bb) {
        return Err(type_error(format!(
            "can only extend array with array (not \"{}\")",
            bb.ob_type().name()
        )));
    }
    array_do_extend(as_array(obj), bb)?;
    Ok(obj.to_owned())
}

/// `array_inplace_repeat` (`sq_inplace_repeat`).
fn array_inplace_repeat(obj: &PyObject, n: Py_ssize_t) -> PyResult {
    let a = as_array(obj);
    let len = a.len();
    if len > 0 {
        let n = n.max(0) as usize;
        if len > isize::MAX as usize / a.itemsize() {
            return Err(PyErr_NoMemory());
        }
        let size = len * a.itemsize();
        if n > 0 && size > isize::MAX as usize / n {
            return Err(PyErr_NoMemory());
        }
        let v = repeat_bytes(&a.to_vec(), n)?;
        a.array_resize(n * len)?;
        // SAFETY: no Python code runs while the vector is borrowed.
        unsafe { a.bytes_mut() }.copy_from_slice(&v);
    }
    Ok(obj.to_owned())
}

/// `array_contains` (`sq_contains`).
fn array_contains(obj: &PyObject, v: &PyObject) -> PyResult<bool> {
    let a = as_array(obj);
    let mut i = 0;
    // The length is read again each time: a comparison may change the array.
    while let Some(item) = a.getarrayitem(i) {
        if objects::object::PyObject_RichCompareBool(&*item?, v, CompareOp::Eq)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

/// `array_repr`.
fn array_repr(obj: &PyObject) -> PyResult {
    let a = as_array(obj);
    let name = _PyType_Name(obj.ob_type()).to_string();
    let typecode = a.ob_descr.typecode as char;
    if a.len() == 0 {
        return Ok(PyUnicode_FromString(&format!("{name}('{typecode}')")));
    }
    let v = if typecode == 'u' {
        array_array_tounicode(obj)?
    } else {
        array_array_tolist(obj)?
    };
    let r = objects::object::PyObject_Repr(&v)?;
    let r = objects::unicodeobject::as_str_lossy(&r).into_owned();
    Ok(PyUnicode_FromString(&format!("{name}('{typecode}', {r})")))
}

/// `_PyType_Name`: the part of a static type's name after the last dot.
fn _PyType_Name(tp: &PyTypeObject) -> &str {
    let name = tp.name();
    if tp.is_heap_type() {
        return name;
    }
    match name.rfind('.') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// `array_subscr` (`mp_subscript`).
fn array_subscr(obj: &PyObject, item: &PyObject) -> PyResult {
    let a = as_array(obj);
    if PyIndex_Check(item) {
        let mut i = PyNumber_AsSsize_t(item, Some(&PyExc_IndexError))?;
        if i < 0 {
            i += a.len() as isize;
        }
        return array_item(obj, i);
    }
    let Some(s) = item.downcast_ref::<PySliceObject>() else {
        return Err(type_error("array indices must be integers"));
    };
    let (start, _stop, step, slicelength) = s.adjust_indices(a.len() as Py_ssize_t)?;
    if slicelength <= 0 {
        return array_from_bytes(a.ob_descr, &[]);
    }
    let sz = a.itemsize();
    let bytes = a.to_vec();
    if step == 1 {
        return array_from_bytes(
            a.ob_descr,
            &bytes[start as usize * sz..(start + slicelength) as usize * sz],
        );
    }
    let mut v = Vec::with_capacity(slicelength as usize * sz);
    for k in 0..slicelength {
        let cur = (start + k * step) as usize;
        v.extend_from_slice(&bytes[cur * sz..(cur + 1) * sz]);
    }
    array_from_bytes(a.ob_descr, &v)
}

/// `array_ass_subscr` (`mp_ass_subscript`): `a[i] = x`, `a[i:j:k] = array`, `del`.
fn array_ass_subscr(obj: &PyObject, item: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let a = as_array(obj);
    let (start, mut stop, step, slicelength);
    if PyIndex_Check(item) {
        let mut i = PyNumber_AsSsize_t(item, Some(&PyExc_IndexError))?;
        if i < 0 {
            i += a.len() as isize;
        }
        if i < 0 || i as usize >= a.len() {
            return Err(index_error("array assignment index out of range"));
        }
        match value {
            None => {
                start = i;
                stop = i + 1;
                step = 1;
                slicelength = 1;
            }
            Some(v) => return array_ass_item(obj, i, Some(v)),
        }
    } else if let Some(s) = item.downcast_ref::<PySliceObject>() {
        let (b, e, st, n) = s.adjust_indices(a.len() as Py_ssize_t)?;
        start = b;
        stop = e;
        step = st;
        slicelength = n;
    } else {
        return Err(type_error("array indices must be integers"));
    }
    let other: Vec<u8> = match value {
        None => Vec::new(),
        Some(v) if array_check(v) => {
            let o = as_array(v);
            if !v.is(obj) && !std::ptr::eq(o.ob_descr, a.ob_descr) {
                return Err(bad_argument());
            }
            // `a[i:j] = a` copies `a` first, as CPython does.
            o.to_vec()
        }
        Some(v) => {
            return Err(type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                v.ob_type().name()
            )));
        }
    };
    let sz = a.itemsize();
    let needed = (other.len() / sz) as isize;
    // For `a[2:1] = ...` the insertion point is `start`, not `stop`.
    if (step > 0 && stop < start) || (step < 0 && stop > start) {
        stop = start;
    }
    // Fail before changing anything when the size would change under an export.
    if (needed == 0 || slicelength != needed) && a.ob_exports.get() > 0 {
        return Err(arrayobject::exports_error());
    }
    let size = a.len() as isize;
    if step == 1 {
        let (lo, hi) = (start as usize * sz, stop as usize * sz);
        if slicelength == needed {
            // SAFETY: no Python code runs while the vector is borrowed.
            (unsafe { a.bytes_mut() })[lo..hi].copy_from_slice(&other);
            return Ok(());
        }
        let mut b = a.to_vec();
        b.splice(lo..hi, other.iter().copied());
        a.array_resize((size + needed - slicelength) as usize)?;
        // SAFETY: as above.
        unsafe { a.bytes_mut() }.copy_from_slice(&b);
        return Ok(());
    }
    if needed == 0 {
        // Delete an extended slice.
        let b = a.to_vec();
        let mut drop = vec![false; size as usize];
        for k in 0..slicelength {
            drop[(start + k * step) as usize] = true;
        }
        let kept: Vec<u8> = b
            .chunks_exact(sz)
            .zip(&drop)
            .filter(|(_, &d)| !d)
            .flat_map(|(c, _)| c.iter().copied())
            .collect();
        a.array_resize((size - slicelength) as usize)?;
        // SAFETY: as above.
        unsafe { a.bytes_mut() }.copy_from_slice(&kept);
        return Ok(());
    }
    if needed != slicelength {
        return Err(value_error(format!(
            "attempt to assign array of size {needed} to extended slice of size {slicelength}"
        )));
    }
    // SAFETY: as above.
    let b = unsafe { a.bytes_mut() };
    for k in 0..slicelength as usize {
        let cur = (start + k as isize * step) as usize;
        b[cur * sz..(cur + 1) * sz].copy_from_slice(&other[k * sz..(k + 1) * sz]);
    }
    Ok(())
}

/// `array_buffer_getbuf`: a writable one-dimensional view of the items. While any
/// view is exported the array refuses to change size, so the pointer stays valid.
fn array_buffer_getbuf(obj: &PyObject, view: &mut Py_buffer, flags: i32) -> PyResult<()> {
    let a = as_array(obj);
    // SAFETY: only the pointer and length are taken; no borrow outlives this call.
    let b = unsafe { a.bytes_mut() };
    PyBuffer_FillInfo(
        view,
        Some(obj),
        b.as_mut_ptr(),
        b.len() as Py_ssize_t,
        false,
        flags,
    )?;
    let sz = a.itemsize() as Py_ssize_t;
    view.itemsize = sz;
    view.shape = vec![a.len() as Py_ssize_t];
    view.strides = vec![sz];
    view.format = if flags & PyBUF_FORMAT == PyBUF_FORMAT {
        // A 4-byte `wchar_t` is exported as 'w' (UCS-4), as CPython does.
        Some(if a.ob_descr.typecode == b'u' {
            "w"
        } else {
            a.ob_descr.formats
        })
    } else {
        None
    };
    a.ob_exports.set(a.ob_exports.get() + 1);
    Ok(())
}

/// `array_buffer_relbuf`.
fn array_buffer_relbuf(obj: &PyObject, _view: &mut Py_buffer) {
    let a = as_array(obj);
    a.ob_exports.set(a.ob_exports.get() - 1);
}

/// `array_new`: `array(typecode[, initializer])`.
fn array_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let nkw = objects::call::kwnames_slice(kwnames).len();
    let same_init = match (tp.tp_init.get(), ArrayType.tp_init.get()) {
        (Some(f), Some(g)) => std::ptr::fn_addr_eq(f, g),
        (None, None) => true,
        _ => false,
    };
    if (std::ptr::eq(tp, &ArrayType) || same_init) && nkw > 0 {
        return Err(type_error("array.array() takes no keyword arguments"));
    }
    let args = &args[..args.len() - nkw];
    if args.is_empty() {
        return Err(type_error("array() takes at least 1 argument (0 given)"));
    }
    if args.len() > 2 {
        return Err(type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let c = unicode_char_arg(&args[0], "array() argument 1")?;
    let initial = args.get(1).cloned();
    python::sysmodule::PySys_Audit(
        "array.__new__",
        vec![
            PyUnicode_FromUCS4(vec![c]),
            initial.clone().unwrap_or_else(none),
        ],
    )?;
    array_new_internal(tp, c, initial)
}

/// The body of `array_new` after the arguments are parsed (also `make_array`).
fn array_new_internal(tp: &PyTypeObject, c: u32, mut initial: Option<PyObjectRef>) -> PyResult {
    if let Some(init) = &initial {
        if c != 'u' as u32 {
            if PyUnicodeObject::check(init) {
                return Err(type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    char::from_u32(c).unwrap_or('?')
                )));
            }
            if array_check(init) && as_array(init).ob_descr.typecode == b'u' {
                return Err(type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{}'",
                    char::from_u32(c).unwrap_or('?')
                )));
            }
        }
    }
    let mut it = None;
    if let Some(init) = &initial {
        let direct = PyListObject::check(init)
            || PyByteArrayObject::check(init)
            || PyBytesObject::check(init)
            || PyTupleObject::check(init)
            || (c == 'u' as u32 && PyUnicodeObject::check(init))
            || (array_check(init) && c == as_array(init).ob_descr.typecode as u32);
        if !direct {
            it = Some(PyObject_GetIter(init)?);
            // The array is made empty and filled from the iterator afterwards.
            initial = None;
        }
    }
    let Some(descr) = find_descr(c) else {
        return Err(value_error(
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        ));
    };
    let len = match &initial {
        Some(init) if PyListObject::check(init) => {
            objects::r#abstract::PyObject_Size(init)? as usize
        }
        Some(init) if PyTupleObject::check(init) || array_check(init) => {
            objects::r#abstract::PyObject_Size(init)? as usize
        }
        _ => 0,
    };
    let a = newarrayobject(tp, len, descr)?;
    if let Some(init) = &initial {
        if len > 0 && !array_check(init) {
            for i in 0..len {
                let v = PySequence_GetItem(init, i as isize)?;
                let item = (descr.setitem)(&v)?;
                a.store(i, &item);
            }
        } else if PyByteArrayObject::check(init) || PyBytesObject::check(init) {
            array_array_frombytes(a.as_object(), init)?;
        } else if PyUnicodeObject::check(init) {
            // Only for 'u': the string's code points become `wchar_t`s.
            if let Some(u) = init.downcast_ref::<PyUnicodeObject>() {
                let cps = u.code_points();
                if !cps.is_empty() {
                    // SAFETY: the new array is not shared yet.
                    let b = unsafe { a.bytes_mut() };
                    *b = cps.iter().flat_map(|&c| (c as i32).to_ne_bytes()).collect();
                    a.allocated.set(cps.len());
                }
            }
        } else if array_check(init) && len > 0 {
            let src = as_array(init).to_vec();
            // SAFETY: the new array is not shared yet.
            unsafe { a.bytes_mut() }.copy_from_slice(&src[..len * descr.itemsize]);
        }
    }
    if let Some(it) = it {
        array_iter_extend(&a, &it)?;
    }
    Ok(a.into_object())
}

/// getargs' `C` converter: a str of exactly one character.
fn unicode_char_arg(v: &PyObject, what: &str) -> PyResult<u32> {
    if let Some(u) = v.downcast_ref::<PyUnicodeObject>() {
        if u.len() == 1 {
            return Ok(u.char_at(0));
        }
    }
    Err(type_error(format!(
        "{what} must be a unicode character, not {}",
        clinic_type_name(v)
    )))
}

fn clinic_type_name(obj: &PyObject) -> &str {
    if obj.is(Py_None()) {
        "None"
    } else {
        obj.ob_type().name()
    }
}

/// Argument Clinic's `Py_ssize_t` converter.
fn ssize_arg(obj: &PyObject) -> PyResult<isize> {
    let i = PyNumber_Index(obj)?;
    match i64::try_from(&long_to_bigint(&i)) {
        Ok(v) => Ok(v as isize),
        Err(_) => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// Argument Clinic's `slice_index(accept={int})` converter
/// (`_PyEval_SliceIndexNotNone`): clamped to the `Py_ssize_t` range.
fn slice_index_arg(obj: &PyObject) -> PyResult<isize> {
    if !PyIndex_Check(obj) {
        return Err(type_error(
            "slice indices must be integers or have an __index__ method",
        ));
    }
    PyNumber_AsSsize_t(obj, None)
}

/// Positional-only parameters parsed by `_PyArg_UnpackKeywords` (the methods that
/// take the defining class).
fn posonly_args(
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    n: usize,
) -> PyResult<Vec<PyObjectRef>> {
    const NAMES: [&str; 2] = ["", ""];
    let a = unpack_keywords(
        &ArgSpec {
            fname,
            names: &NAMES[..n],
            posonly: n,
            maxpos: n,
            minpos: n,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    Ok(a.into_iter().flatten().collect())
}

// --- Methods ------------------------------------------------------------------------------

fn array_array_append(obj: &PyObject, v: &PyObject) -> PyResult {
    let a = as_array(obj);
    a.ins1(a.len() as isize, v)?;
    Ok(none())
}

fn array_array_buffer_info(obj: &PyObject) -> PyResult {
    let a = as_array(obj);
    // CPython's `ob_item` is NULL until something is allocated.
    let addr = if a.allocated.get() == 0 {
        0
    } else {
        // SAFETY: only the address is taken.
        unsafe { a.bytes() }.as_ptr() as u64
    };
    Ok(PyTuple_New(vec![
        PyLong_FromU64(addr),
        PyLong_FromSsize_t(a.len() as isize),
    ])
    .into_object())
}

fn array_array_byteswap(obj: &PyObject) -> PyResult {
    let a = as_array(obj);
    let sz = a.itemsize();
    // SAFETY: no Python code runs while the vector is borrowed.
    for item in unsafe { a.bytes_mut() }.chunks_exact_mut(sz) {
        item.reverse();
    }
    Ok(none())
}

fn array_array___copy__(obj: &PyObject) -> PyResult {
    let a = as_array(obj);
    array_slice(a, 0, a.len() as isize)
}

fn array_array___deepcopy__(obj: &PyObject, _unused: &PyObject) -> PyResult {
    array_array___copy__(obj)
}

fn array_array_count(obj: &PyObject, v: &PyObject) -> PyResult {
    let a = as_array(obj);
    let mut count = 0;
    let mut i = 0;
    while let Some(item) = a.getarrayitem(i) {
        if objects::object::PyObject_RichCompareBool(&*item?, v, CompareOp::Eq)? {
            count += 1;
        }
        i += 1;
    }
    Ok(PyLong_FromSsize_t(count))
}

fn array_array_extend(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = posonly_args("extend", args, kwnames, 1)?;
    array_do_extend(as_array(obj), &a[0])?;
    Ok(none())
}

/// `fromfile(f, n)`: read `n` items' worth of bytes with `f.read()`.
fn array_array_fromfile(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let args = posonly_args("fromfile", args, kwnames, 2)?;
    let f = &args[0];
    let n = ssize_arg(&args[1])?;
    let a = as_array(obj);
    let itemsize = a.itemsize() as isize;
    if n < 0 {
        return Err(value_error("negative count"));
    }
    if n > isize::MAX / itemsize {
        return Err(PyErr_NoMemory());
    }
    let nbytes = n * itemsize;
    let b = objects::call::PyObject_CallMethod(
        f,
        objects::intern!("read"),
        &[PyLong_FromSsize_t(nbytes)],
    )?;
    if !PyBytesObject::check(&b) {
        return Err(type_error("read() didn't return bytes"));
    }
    let not_enough_bytes = objects::r#abstract::PyObject_Size(&b)? != nbytes;
    array_array_frombytes(obj, &b)?;
    if not_enough_bytes {
        return Err(PyErr_SetString(
            &PyExc_EOFError,
            "read() didn't return enough bytes",
        ));
    }
    Ok(none())
}

/// `fromlist(list)`: all items are converted or none is appended.
fn array_array_fromlist(obj: &PyObject, list: &PyObject) -> PyResult {
    let Some(l) = list.downcast_ref::<PyListObject>() else {
        return Err(type_error("arg must be list"));
    };
    let a = as_array(obj);
    let n = l.to_vec().len();
    if n == 0 {
        return Ok(none());
    }
    let sz = a.itemsize();
    let mut bytes = Vec::with_capacity(n * sz);
    for i in 0..n {
        let Some(v) = l.to_vec().get(i).cloned() else {
            return Err(PyErr_SetString(
                &PyExc_RuntimeError,
                "list changed size during iteration",
            ));
        };
        bytes.extend_from_slice(&(a.ob_descr.setitem)(&v)?[..sz]);
        if l.to_vec().len() != n {
            return Err(PyErr_SetString(
                &PyExc_RuntimeError,
                "list changed size during iteration",
            ));
        }
    }
    let old_size = a.len();
    a.array_resize(old_size + n)?;
    // SAFETY: no Python code runs while the vector is borrowed.
    (unsafe { a.bytes_mut() })[old_size * sz..].copy_from_slice(&bytes);
    Ok(none())
}

/// `frombytes(buffer)`: append the machine values of a bytes-like object.
fn array_array_frombytes(obj: &PyObject, arg: &PyObject) -> PyResult {
    let mut view = Py_buffer::new();
    PyObject_GetBuffer(arg, &mut view, PyBUF_SIMPLE)?;
    let res = frombytes_view(obj, arg, &view);
    PyBuffer_Release(&mut view);
    res
}

fn frombytes_view(obj: &PyObject, arg: &PyObject, view: &Py_buffer) -> PyResult {
    if !PyBuffer_IsContiguous(view, 'C') {
        return Err(type_error(format!(
            "frombytes() argument must be contiguous buffer, not {}",
            clinic_type_name(arg)
        )));
    }
    if view.itemsize != 1 {
        return Err(type_error("a bytes-like object is required"));
    }
    let a = as_array(obj);
    let itemsize = a.itemsize();
    let len = view.len as usize;
    if len % itemsize != 0 {
        return Err(value_error("bytes length not a multiple of item size"));
    }
    let n = len / itemsize;
    if n > 0 {
        // SAFETY: the exporter keeps `len` bytes at `buf` while the view is held.
        let data = unsafe { std::slice::from_raw_parts(view.buf as *const u8, len) }.to_vec();
        let old_size = a.len();
        if n > isize::MAX as usize - old_size || old_size + n > isize::MAX as usize / itemsize {
            return Err(PyErr_NoMemory());
        }
        a.array_resize(old_size + n)?;
        // SAFETY: no Python code runs while the vector is borrowed.
        (unsafe { a.bytes_mut() })[old_size * itemsize..].copy_from_slice(&data);
    }
    Ok(none())
}

fn array_array_fromunicode(obj: &PyObject, ustr: &PyObject) -> PyResult {
    let Some(u) = ustr.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "fromunicode() argument must be str, not {}",
            clinic_type_name(ustr)
        )));
    };
    let a = as_array(obj);
    if a.ob_descr.typecode != b'u' {
        return Err(value_error(
            "fromunicode() may only be called on unicode type arrays",
        ));
    }
    let cps = u.code_points();
    if !cps.is_empty() {
        let old_size = a.len();
        a.array_resize(old_size + cps.len())?;
        // SAFETY: no Python code runs while the vector is borrowed.
        let b = unsafe { a.bytes_mut() };
        for (k, &c) in cps.iter().enumerate() {
            let at = (old_size + k) * 4;
            b[at..at + 4].copy_from_slice(&(c as i32).to_ne_bytes());
        }
    }
    Ok(none())
}

/// `index(v, start=0, stop=sys.maxsize)`.
fn array_array_index(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("index", args.len(), 1, 3)?;
    let v = &args[0];
    let mut start = match args.get(1) {
        Some(s) => slice_index_arg(s)?,
        None => 0,
    };
    let mut stop = match args.get(2) {
        Some(s) => slice_index_arg(s)?,
        None => isize::MAX,
    };
    let a = as_array(obj);
    if start < 0 {
        start = (start + a.len() as isize).max(0);
    }
    if stop < 0 {
        stop += a.len() as isize;
    }
    let mut i = start;
    // The size is read again each time: a comparison may change the array.
    while i < stop {
        let Some(item) = a.getarrayitem(i as usize) else {
            break;
        };
        if objects::object::PyObject_RichCompareBool(&*item?, v, CompareOp::Eq)? {
            return Ok(PyLong_FromSsize_t(i));
        }
        i += 1;
    }
    Err(value_error("array.index(x): x not in array"))
}

fn array_array_insert(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("insert", args.len(), 2, 2)?;
    let i = ssize_arg(&args[0])?;
    as_array(obj).ins1(i, &args[1])?;
    Ok(none())
}

fn array_array_pop(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("pop", args.len(), 0, 1)?;
    let mut i = match args.first() {
        Some(i) => ssize_arg(i)?,
        None => -1,
    };
    let a = as_array(obj);
    let n = a.len() as isize;
    if n == 0 {
        return Err(index_error("pop from empty array"));
    }
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(index_error("pop index out of range"));
    }
    let v = array_item(obj, i)?;
    a.del_slice(i, i + 1)?;
    Ok(v)
}

/// `__reduce_ex__(protocol)`: `_array_reconstructor` with the machine values for
/// protocol 3 and above, `array(typecode, list)` below.
fn array_array___reduce_ex__(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let args = posonly_args("__reduce_ex__", args, kwnames, 1)?;
    let array_module = python::import::PyImport_ImportModule("array")?;
    let array_reconstructor =
        PyObject_GetAttr(&array_module, objects::intern!("_array_reconstructor"))?;
    let value = &args[0];
    if !PyLongObject::check(value) {
        return Err(type_error("__reduce_ex__ argument should be an integer"));
    }
    let protocol = PyLong_AsLong(value)?;
    let dict = _PyObject_LookupAttr(obj, objects::intern!("__dict__"))?.unwrap_or_else(none);
    let a = as_array(obj);
    let typecode = PyUnicode_FromUCS4(vec![a.ob_descr.typecode as u32]);
    let tp = obj.ob_type().as_object().to_owned();
    let mformat_code = typecode_to_mformat_code(a.ob_descr.typecode);
    if protocol < 3 {
        // Python 2's str would unpickle as str in Python 3, so the older protocols
        // carry a list of the items instead of their bytes.
        let list = array_array_tolist(obj)?;
        let args = PyTuple_New(vec![typecode, list]).into_object();
        return Ok(PyTuple_New(vec![tp, args, dict]).into_object());
    }
    let array_str = PyBytes_FromVec(a.to_vec());
    let args = PyTuple_New(vec![
        tp,
        typecode,
        PyLong_FromLong(mformat_code as i64),
        array_str,
    ])
    .into_object();
    Ok(PyTuple_New(vec![array_reconstructor, args, dict]).into_object())
}

fn array_array_remove(obj: &PyObject, v: &PyObject) -> PyResult {
    let a = as_array(obj);
    let mut i = 0;
    while let Some(item) = a.getarrayitem(i) {
        if objects::object::PyObject_RichCompareBool(&*item?, v, CompareOp::Eq)? {
            a.del_slice(i as isize, i as isize + 1)?;
            return Ok(none());
        }
        i += 1;
    }
    Err(value_error("array.remove(x): x not in array"))
}

fn array_array_reverse(obj: &PyObject) -> PyResult {
    let a = as_array(obj);
    let sz = a.itemsize();
    // SAFETY: no Python code runs while the vector is borrowed.
    let b = unsafe { a.bytes_mut() };
    let n = b.len() / sz;
    for k in 0..n / 2 {
        let (lo, hi) = (k * sz, (n - 1 - k) * sz);
        for j in 0..sz {
            b.swap(lo + j, hi + j);
        }
    }
    Ok(none())
}

/// `tofile(f)`: write the machine values with `f.write()`, 64 KiB at a time.
fn array_array_tofile(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let args = posonly_args("tofile", args, kwnames, 1)?;
    const BLOCKSIZE: usize = 64 * 1024;
    let data = as_array(obj).to_vec();
    for block in data.chunks(BLOCKSIZE) {
        objects::call::PyObject_CallMethodOneArg(
            &args[0],
            objects::intern!("write"),
            &PyBytes_FromSlice(block),
        )?;
    }
    Ok(none())
}

fn array_array_tolist(obj: &PyObject) -> PyResult {
    let a = as_array(obj);
    let mut items = Vec::with_capacity(a.len());
    let mut i = 0;
    while let Some(v) = a.getarrayitem(i) {
        items.push(v?);
        i += 1;
    }
    Ok(PyList_New(items).into_object())
}

fn array_array_tobytes(obj: &PyObject) -> PyResult {
    Ok(PyBytes_FromVec(as_array(obj).to_vec()))
}

/// `tounicode()`: the `wchar_t`s as a str (`PyUnicode_FromWideChar`).
fn array_array_tounicode(obj: &PyObject) -> PyResult {
    let a = as_array(obj);
    if a.ob_descr.typecode != b'u' {
        return Err(value_error(
            "tounicode() may only be called on unicode type arrays",
        ));
    }
    let b = a.to_vec();
    let mut cps = Vec::with_capacity(b.len() / 4);
    for c in b.chunks_exact(4) {
        let c = u32::from_ne_bytes(rd(c));
        if c > 0x10ffff {
            return Err(value_error(format!(
                "character U+{c:x} is not in range [U+0000; U+10ffff]"
            )));
        }
        cps.push(c);
    }
    Ok(PyUnicode_FromUCS4(cps))
}

fn array_array___sizeof__(obj: &PyObject) -> PyResult {
    let a = as_array(obj);
    // CPython counts `tp_basicsize`: its own struct plus what a subclass adds.
    let basicsize =
        CPYTHON_ARRAY_BASICSIZE + obj.ob_type().tp_basicsize.get() - size_of::<arrayobject>();
    Ok(PyLong_FromSsize_t(
        (basicsize + a.allocated.get() * a.itemsize()) as isize,
    ))
}

fn array_get_typecode(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromUCS4(vec![
        as_array(obj).ob_descr.typecode as u32,
    ]))
}

fn array_get_itemsize(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(as_array(obj).itemsize() as i64))
}

// --- Pickling support -----------------------------------------------------------------------

/// `enum machine_format_code`: how the items of a pickled array are laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
enum machine_format_code {
    UNSIGNED_INT8 = 0,
    SIGNED_INT8 = 1,
    UNSIGNED_INT16_LE = 2,
    UNSIGNED_INT32_LE = 6,
    UNSIGNED_INT64_LE = 10,
    IEEE_754_FLOAT_LE = 14,
    IEEE_754_FLOAT_BE = 15,
    IEEE_754_DOUBLE_LE = 16,
    IEEE_754_DOUBLE_BE = 17,
    UTF16_LE = 18,
    UTF16_BE = 19,
    UTF32_LE = 20,
    UTF32_BE = 21,
}

const MACHINE_FORMAT_CODE_MIN: i32 = 0;
const MACHINE_FORMAT_CODE_MAX: i32 = 21;

/// `mformat_descriptors`: (size, is_signed, is_big_endian) per machine format code.
const mformat_descriptors: [(usize, bool, bool); 22] = [
    (1, false, false),
    (1, true, false),
    (2, false, false),
    (2, false, true),
    (2, true, false),
    (2, true, true),
    (4, false, false),
    (4, false, true),
    (4, true, false),
    (4, true, true),
    (8, false, false),
    (8, false, true),
    (8, true, false),
    (8, true, true),
    (4, false, false),
    (4, false, true),
    (8, false, false),
    (8, false, true),
    (4, false, false),
    (4, false, true),
    (8, false, false),
    (8, false, true),
];

/// `typecode_to_mformat_code` for this (little-endian, LP64, 4-byte `wchar_t`)
/// machine.
fn typecode_to_mformat_code(typecode: u8) -> i32 {
    use machine_format_code::*;
    let big = cfg!(target_endian = "big") as i32;
    let (intsize, is_signed) = match typecode {
        b'b' => return SIGNED_INT8 as i32,
        b'B' => return UNSIGNED_INT8 as i32,
        b'u' => return UTF32_LE as i32 + big,
        b'f' => return IEEE_754_FLOAT_LE as i32 + big,
        b'd' => return IEEE_754_DOUBLE_LE as i32 + big,
        b'h' => (2, 1),
        b'H' => (2, 0),
        b'i' => (4, 1),
        b'I' => (4, 0),
        b'l' | b'q' => (8, 1),
        b'L' | b'Q' => (8, 0),
        _ => return -1,
    };
    let base = match intsize {
        2 => UNSIGNED_INT16_LE,
        4 => UNSIGNED_INT32_LE,
        _ => UNSIGNED_INT64_LE,
    };
    base as i32 + big + 2 * is_signed
}

/// `make_array`: call `array_new` for `arraytype` with `(typecode, items)`.
fn make_array(arraytype: &PyTypeObject, typecode: u32, items: PyObjectRef) -> PyResult {
    array_new_internal(arraytype, typecode, Some(items))
}

/// `_array_reconstructor(arraytype, typecode, mformat_code, items, /)`: rebuild a
/// pickled array from its machine values, converting them when this machine lays
/// them out differently.
fn array__array_reconstructor(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("_array_reconstructor", args.len(), 4, 4)?;
    let arraytype = &args[0];
    let typecode = unicode_char_arg(&args[1], "_array_reconstructor() argument 2")?;
    let mformat_code = {
        let i = PyNumber_Index(&args[2])?;
        i32::try_from(&long_to_bigint(&i))
            .map_err(|_| overflow_error("Python int too large to convert to C int"))?
    };
    let items = &args[3];
    let Some(tp) = arraytype.downcast_ref::<PyTypeObject>() else {
        return Err(type_error(format!(
            "first argument must be a type object, not {}",
            arraytype.ob_type().name()
        )));
    };
    if !PyType_IsSubtype(tp, &ArrayType) {
        return Err(type_error(format!(
            "{} is not a subtype of {}",
            tp.name(),
            ArrayType.name()
        )));
    }
    let Some(descr) = find_descr(typecode) else {
        return Err(value_error("second argument must be a valid type code"));
    };
    if !(MACHINE_FORMAT_CODE_MIN..=MACHINE_FORMAT_CODE_MAX).contains(&mformat_code) {
        return Err(value_error(
            "third argument must be a valid machine format code.",
        ));
    }
    if !PyBytesObject::check(items) {
        return Err(type_error(format!(
            "fourth argument should be bytes, not {}",
            items.ob_type().name()
        )));
    }
    // Fast path: the bytes are already in this machine's format.
    if mformat_code == typecode_to_mformat_code(descr.typecode) {
        return make_array(tp, typecode, items.to_owned());
    }
    let memstr = objects::bytesobject::bytes_like_data(items).unwrap_or_default();
    let (size, is_signed, is_big_endian) = mformat_descriptors[mformat_code as usize];
    if memstr.len() % size != 0 {
        return Err(value_error("string length not a multiple of item size"));
    }
    use machine_format_code::*;
    let mut typecode = typecode;
    let converted_items = match mformat_code {
        c if c == IEEE_754_FLOAT_LE as i32 || c == IEEE_754_FLOAT_BE as i32 => {
            let le = c == IEEE_754_FLOAT_LE as i32;
            let items: Vec<PyObjectRef> = memstr
                .chunks_exact(4)
                .map(|b| {
                    let b = rd::<4>(b);
                    PyFloat_FromDouble(if le {
                        f32::from_le_bytes(b)
                    } else {
                        f32::from_be_bytes(b)
                    } as f64)
                })
                .collect();
            PyList_New(items).into_object()
        }
        c if c == IEEE_754_DOUBLE_LE as i32 || c == IEEE_754_DOUBLE_BE as i32 => {
            let le = c == IEEE_754_DOUBLE_LE as i32;
            let items: Vec<PyObjectRef> = memstr
                .chunks_exact(8)
                .map(|b| {
                    let b = rd::<8>(b);
                    PyFloat_FromDouble(if le {
                        f64::from_le_bytes(b)
                    } else {
                        f64::from_be_bytes(b)
                    })
                })
                .collect();
            PyList_New(items).into_object()
        }
        c if c == UTF16_LE as i32 || c == UTF16_BE as i32 => {
            let enc = if c == UTF16_LE as i32 {
                "utf-16-le"
            } else {
                "utf-16-be"
            };
            objects::codecs::PyUnicode_Decode(&memstr, None, enc, None)?
        }
        c if c == UTF32_LE as i32 || c == UTF32_BE as i32 => {
            let enc = if c == UTF32_LE as i32 {
                "utf-32-le"
            } else {
                "utf-32-be"
            };
            objects::codecs::PyUnicode_Decode(&memstr, None, enc, None)?
        }
        _ => {
            // Integers: pack them into the type that fits this machine best (the
            // last integer type of the same size and signedness), which may be
            // narrower or wider than the pickling machine's.
            for d in descriptors.iter() {
                if d.is_integer_type && d.itemsize == size && d.is_signed == is_signed {
                    typecode = d.typecode as u32;
                }
            }
            let items: Vec<PyObjectRef> = memstr
                .chunks_exact(size)
                .map(|b| objects::longobject::_PyLong_FromByteArray(b, is_big_endian, is_signed))
                .collect();
            PyList_New(items).into_object()
        }
    };
    make_array(tp, typecode, converted_items)
}

// --- The iterator -----------------------------------------------------------------------------

/// `arrayiterobject`.
#[repr(C)]
pub struct arrayiterobject {
    pub ob_base: PyObject,
    index: Cell<usize>,
    /// The array, until the iterator is exhausted.
    ao: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for arrayiterobject {}

fn as_arrayiter(obj: &PyObject) -> &arrayiterobject {
    // SAFETY: only installed on `array.arrayiterator`, whose layout this is.
    unsafe { &*(obj as *const PyObject as *const arrayiterobject) }
}

fn array_iter(obj: &PyObject) -> PyResult {
    // SAFETY: the layout is `arrayiterator`'s.
    let it = unsafe {
        alloc_object(
            &ArrayIterType,
            arrayiterobject {
                ob_base: PyObject_HEAD_INIT,
                index: Cell::new(0),
                ao: PyCell::new(Some(obj.to_owned())),
            },
        )
    };
    Ok(it.into_object())
}

fn arrayiter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_arrayiter(obj);
    let Some(ao) = it.ao.get() else {
        return Ok(None);
    };
    let i = it.index.get();
    if let Some(v) = as_array(&ao).getarrayitem(i) {
        it.index.set(i + 1);
        return v.map(Some);
    }
    it.ao.set(None);
    Ok(None)
}

fn arrayiter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(ao) = unsafe { as_arrayiter(obj).ao.get_ref() } {
        visit(ao);
    }
}

fn arrayiter_clear(obj: &PyObject) {
    drop(as_arrayiter(obj).ao.take());
}

unsafe fn arrayiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead iterator.
    unsafe { dealloc_object::<arrayiterobject>(op) }
}

/// `__reduce__`: `(iter, (array,), index)`, or `(iter, ((),))` once exhausted.
fn array_arrayiterator___reduce__(obj: &PyObject) -> PyResult {
    let it = as_arrayiter(obj);
    let func = objects::iterobject::_PyEval_GetBuiltin(objects::intern!("iter"))?;
    let t = match it.ao.get() {
        Some(ao) => vec![
            func,
            PyTuple_New(vec![ao]).into_object(),
            PyLong_FromSsize_t(it.index.get() as isize),
        ],
        None => vec![
            func,
            PyTuple_New(vec![PyTuple_New(Vec::new()).into_object()]).into_object(),
        ],
    };
    Ok(PyTuple_New(t).into_object())
}

/// `__setstate__(index)`: clamped to the array; `PyLong_AsSsize_t` takes only ints.
fn array_arrayiterator___setstate__(obj: &PyObject, state: &PyObject) -> PyResult {
    if !PyLongObject::check(state) {
        return Err(type_error("an integer is required"));
    }
    let index = objects::longobject::PyLong_AsSsize_t(state)?;
    let it = as_arrayiter(obj);
    if let Some(ao) = it.ao.get() {
        it.index
            .set(index.clamp(0, as_array(&ao).len() as isize) as usize);
    }
    Ok(none())
}

static ARRAYITER_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(array_arrayiterator___reduce__),
        "__reduce__($self, /)\n--\n\nReturn state information for pickling.",
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(array_arrayiterator___setstate__),
        "__setstate__($self, state, /)\n--\n\nSet state information for unpickling.",
    ),
];

/// `array.arrayiterator`.
pub static ArrayIterType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "array.arrayiterator",
    tp_basicsize: Cell::new(size_of::<arrayiterobject>()),
    tp_dealloc: slot(arrayiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_traverse: slot(arrayiter_traverse),
    tp_clear: slot(arrayiter_clear),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(arrayiter_next),
    tp_methods: &ARRAYITER_METHODS,
    ..PyTypeObject::DEFAULT
};

// --- The type and the module ------------------------------------------------------------------

static ARRAY_METHODS: [PyMethodDef; 22] = [
    PyMethodDef::new("append", PyCFunction::O(array_array_append), doc::APPEND),
    PyMethodDef::new(
        "buffer_info",
        PyCFunction::NoArgs(array_array_buffer_info),
        doc::BUFFER_INFO,
    ),
    PyMethodDef::new(
        "byteswap",
        PyCFunction::NoArgs(array_array_byteswap),
        doc::BYTESWAP,
    ),
    PyMethodDef::new(
        "__copy__",
        PyCFunction::NoArgs(array_array___copy__),
        doc::COPY,
    ),
    PyMethodDef::new("count", PyCFunction::O(array_array_count), doc::COUNT),
    PyMethodDef::new(
        "__deepcopy__",
        PyCFunction::O(array_array___deepcopy__),
        doc::DEEPCOPY,
    ),
    PyMethodDef::new(
        "extend",
        PyCFunction::FastKw(array_array_extend),
        doc::EXTEND,
    ),
    PyMethodDef::new(
        "fromfile",
        PyCFunction::FastKw(array_array_fromfile),
        doc::FROMFILE,
    ),
    PyMethodDef::new(
        "fromlist",
        PyCFunction::O(array_array_fromlist),
        doc::FROMLIST,
    ),
    PyMethodDef::new(
        "frombytes",
        PyCFunction::O(array_array_frombytes),
        doc::FROMBYTES,
    ),
    PyMethodDef::new(
        "fromunicode",
        PyCFunction::O(array_array_fromunicode),
        doc::FROMUNICODE,
    ),
    PyMethodDef::new("index", PyCFunction::Fast(array_array_index), doc::INDEX),
    PyMethodDef::new("insert", PyCFunction::Fast(array_array_insert), doc::INSERT),
    PyMethodDef::new("pop", PyCFunction::Fast(array_array_pop), doc::POP),
    PyMethodDef::new(
        "__reduce_ex__",
        PyCFunction::FastKw(array_array___reduce_ex__),
        doc::REDUCE_EX,
    ),
    PyMethodDef::new("remove", PyCFunction::O(array_array_remove), doc::REMOVE),
    PyMethodDef::new(
        "reverse",
        PyCFunction::NoArgs(array_array_reverse),
        doc::REVERSE,
    ),
    PyMethodDef::new(
        "tofile",
        PyCFunction::FastKw(array_array_tofile),
        doc::TOFILE,
    ),
    PyMethodDef::new(
        "tolist",
        PyCFunction::NoArgs(array_array_tolist),
        doc::TOLIST,
    ),
    PyMethodDef::new(
        "tobytes",
        PyCFunction::NoArgs(array_array_tobytes),
        doc::TOBYTES,
    ),
    PyMethodDef::new(
        "tounicode",
        PyCFunction::NoArgs(array_array_tounicode),
        doc::TOUNICODE,
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(array_array___sizeof__),
        doc::SIZEOF,
    ),
];

static ARRAY_GETSETS: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: "typecode",
        get: Some(array_get_typecode),
        set: None,
        doc: Some("the typecode character used to create the array"),
    },
    PyGetSetDef {
        name: "itemsize",
        get: Some(array_get_itemsize),
        set: None,
        doc: Some("the size, in bytes, of one array item"),
    },
];

/// `array.array`.
pub static ArrayType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "array.array",
    tp_basicsize: Cell::new(size_of::<arrayobject>()),
    tp_dealloc: slot(array_dealloc),
    tp_repr: slot(array_repr),
    tp_as_sequence: PySequenceMethods {
        sq_length: slot(array_length),
        sq_concat: slot(array_concat),
        sq_repeat: slot(array_repeat),
        sq_item: slot(array_item),
        sq_ass_item: slot(array_ass_item),
        sq_contains: slot(array_contains),
        sq_inplace_concat: slot(array_inplace_concat),
        sq_inplace_repeat: slot(array_inplace_repeat),
    },
    tp_as_mapping: PyMappingMethods {
        mp_length: slot(array_length),
        mp_subscript: slot(array_subscr),
        mp_ass_subscript: slot(array_ass_subscr),
    },
    tp_hash: slot(objects::typeslots::PyObject_HashNotImplemented_slot),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_as_buffer: PyBufferProcs {
        bf_getbuffer: slot(array_buffer_getbuf),
        bf_releasebuffer: slot(array_buffer_relbuf),
    },
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT
            | Py_TPFLAGS_BASETYPE
            | Py_TPFLAGS_IMMUTABLETYPE
            | Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_SEQUENCE,
    ),
    tp_doc: Some(doc::ARRAYTYPE),
    tp_traverse: slot(array_tp_traverse),
    tp_richcompare: slot(array_richcompare),
    tp_weaklistoffset: Cell::new(offset_of!(arrayobject, weakreflist)),
    tp_iter: slot(array_iter),
    tp_methods: &ARRAY_METHODS,
    tp_getset: &ARRAY_GETSETS,
    tp_new: slot(array_new),
    ..PyTypeObject::DEFAULT
};

static ARRAY_FUNCTIONS: [PyMethodDef; 1] = [PyMethodDef::new(
    "_array_reconstructor",
    PyCFunction::Fast(array__array_reconstructor),
    "_array_reconstructor($module, arraytype, typecode, mformat_code, items,\n                     /)\n--\n\nInternal. Used for pickling support.",
)];

/// Make the `array` module (`PyInit_array` and `array_modexec`).
pub fn PyInit_array() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("array")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(doc::MODULE))?;
    PyModule_AddFunctions(&m, &ARRAY_FUNCTIONS)?;
    PyType_Ready(&ArrayType)?;
    PyType_Ready(&ArrayIterType)?;
    PyModule_AddObject(&m, "ArrayType", ArrayType.as_object())?;
    // Register array.array as a MutableSequence.
    let abc = python::import::PyImport_ImportModule("collections.abc")?;
    let mutablesequence = PyObject_GetAttr(&abc, objects::intern!("MutableSequence"))?;
    objects::call::PyObject_CallMethodOneArg(
        &mutablesequence,
        objects::intern!("register"),
        ArrayType.as_object(),
    )?;
    PyModule_AddObject(&m, "array", ArrayType.as_object())?;
    let typecodes: String = descriptors.iter().map(|d| d.typecode as char).collect();
    PyModule_AddObject(&m, "typecodes", &PyUnicode_FromString(&typecodes))?;
    Ok(m)
}

/// The docstrings, as CPython 3.11 gives them.
mod doc {
    pub const MODULE: &str = "This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that the type of objects stored in them is constrained.\n";
    pub const ARRAYTYPE: &str = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\nstring or iterable over elements of the appropriate type.\n\nArrays represent basic values and behave very much like lists, except\nthe type of objects stored in them is constrained. The type is specified\nat object creation time by using a type code, which is a single character.\nThe following type codes are defined:\n\n    Type code   C Type             Minimum size in bytes\n    'b'         signed integer     1\n    'B'         unsigned integer   1\n    'u'         Unicode character  2 (see note)\n    'h'         signed integer     2\n    'H'         unsigned integer   2\n    'i'         signed integer     2\n    'I'         unsigned integer   2\n    'l'         signed integer     4\n    'L'         unsigned integer   4\n    'q'         signed integer     8 (see note)\n    'Q'         unsigned integer   8 (see note)\n    'f'         floating point     4\n    'd'         floating point     8\n\nNOTE: The 'u' typecode corresponds to Python's unicode character. On\nnarrow builds this is 2-bytes on wide builds this is 4-bytes.\n\nNOTE: The 'q' and 'Q' type codes are only available if the platform\nC compiler used to build Python supports 'long long', or, on Windows,\n'__int64'.\n\nMethods:\n\nappend() -- append a new item to the end of the array\nbuffer_info() -- return information giving the current memory info\nbyteswap() -- byteswap all the items of the array\ncount() -- return number of occurrences of an object\nextend() -- extend array by appending multiple elements from an iterable\nfromfile() -- read items from a file object\nfromlist() -- append items from the list\nfrombytes() -- append items from the string\nindex() -- return index of first occurrence of an object\ninsert() -- insert a new item into the array at a provided position\npop() -- remove and return item (default last)\nremove() -- remove first occurrence of an object\nreverse() -- reverse the order of the items in the array\ntofile() -- write all items to a file object\ntolist() -- return the array converted to an ordinary list\ntobytes() -- return the array converted to a string\n\nAttributes:\n\ntypecode -- the typecode character used to create the array\nitemsize -- the length in bytes of one array item\n";
    pub const APPEND: &str =
        "append($self, v, /)\n--\n\nAppend new value v to the end of the array.";
    pub const BUFFER_INFO: &str = "buffer_info($self, /)\n--\n\nReturn a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents.\n\nThe length should be multiplied by the itemsize attribute to calculate\nthe buffer length in bytes.";
    pub const BYTESWAP: &str = "byteswap($self, /)\n--\n\nByteswap all items of the array.\n\nIf the items in the array are not 1, 2, 4, or 8 bytes in size, RuntimeError is\nraised.";
    pub const COPY: &str = "__copy__($self, /)\n--\n\nReturn a copy of the array.";
    pub const COUNT: &str =
        "count($self, v, /)\n--\n\nReturn number of occurrences of v in the array.";
    pub const DEEPCOPY: &str = "__deepcopy__($self, unused, /)\n--\n\nReturn a copy of the array.";
    pub const EXTEND: &str = "extend($self, bb, /)\n--\n\nAppend items to the end of the array.";
    pub const FROMFILE: &str = "fromfile($self, f, n, /)\n--\n\nRead n objects from the file object f and append them to the end of the array.";
    pub const FROMLIST: &str = "fromlist($self, list, /)\n--\n\nAppend items to array from list.";
    pub const FROMBYTES: &str = "frombytes($self, buffer, /)\n--\n\nAppends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method.";
    pub const FROMUNICODE: &str = "fromunicode($self, ustr, /)\n--\n\nExtends this array with data from the unicode string ustr.\n\nThe array must be a unicode type array; otherwise a ValueError is raised.\nUse array.frombytes(ustr.encode(...)) to append Unicode data to an array of\nsome other type.";
    pub const INDEX: &str = "index($self, v, start=0, stop=sys.maxsize, /)\n--\n\nReturn index of first occurrence of v in the array.\n\nRaise ValueError if the value is not present.";
    pub const INSERT: &str =
        "insert($self, i, v, /)\n--\n\nInsert a new item v into the array before position i.";
    pub const POP: &str = "pop($self, i=-1, /)\n--\n\nReturn the i-th element and delete it from the array.\n\ni defaults to -1.";
    pub const REDUCE_EX: &str =
        "__reduce_ex__($self, value, /)\n--\n\nReturn state information for pickling.";
    pub const REMOVE: &str =
        "remove($self, v, /)\n--\n\nRemove the first occurrence of v in the array.";
    pub const REVERSE: &str =
        "reverse($self, /)\n--\n\nReverse the order of the items in the array.";
    pub const TOFILE: &str =
        "tofile($self, f, /)\n--\n\nWrite all items (as machine values) to the file object f.";
    pub const TOLIST: &str =
        "tolist($self, /)\n--\n\nConvert array to an ordinary list with the same items.";
    pub const TOBYTES: &str = "tobytes($self, /)\n--\n\nConvert the array to an array of machine values and return the bytes representation.";
    pub const TOUNICODE: &str = "tounicode($self, /)\n--\n\nExtends this array with data from the unicode string ustr.\n\nConvert the array to a unicode string.  The array must be a unicode type array;\notherwise a ValueError is raised.  Use array.tobytes().decode() to obtain a\nunicode string from an array of some other type.";
    pub const SIZEOF: &str = "__sizeof__($self, /)\n--\n\nSize of the array in memory, in bytes.";
}
