//! The `str` type. Mirrors Objects/unicodeobject.c (CPython 3.11), with the generic
//! algorithms of Objects/stringlib/ in the [`stringlib`] module below.
//!
//! Storage follows PEP 393: a string keeps its code points in the narrowest array
//! that fits them all: one byte each (Latin-1), two (UCS-2) or four (UCS-4). Indexing
//! and `len()` are therefore O(1). Every string is stored in its narrowest kind, so
//! two equal strings always have the same kind (equality compares raw arrays). ASCII
//! strings' bytes are also valid UTF-8, so they lend themselves to Rust as `&str` for
//! free; other strings make a UTF-8 copy on first request and keep it (CPython's
//! `utf8` member does the same). Lone surrogates are allowed, as in Python; such
//! strings have no UTF-8 form.
//!
//! Most methods have a fast path for one-byte strings (ASCII and Latin-1), which is
//! what nearly all programs manipulate: searching uses SIMD `memchr`/`memmem`,
//! case mapping of ASCII works on bytes, and results are built with the
//! [`_PyUnicodeWriter`], which widens only when a wider character arrives.
//!
//! Differences from CPython: the character array is a separate allocation rather than
//! trailing the object; interned strings are never freed; `__sizeof__` reports
//! CPython's compact-layout sizes (what `sys.getsizeof` shows there) rather than
//! Rust's.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::mem::size_of;
use std::ops::Range;

use hashbrown::HashTable;
use include::cpython::object::flags::*;
use include::cpython::object::{PyMappingMethods, PyNumberMethods, PySequenceMethods};
use include::methodobject::{PyCFunction, PyMethodDef, METH_STATIC};
use include::object::GlobalCell;

use crate::exceptions::{PyExc_LookupError, PyExc_UnicodeEncodeError};
use crate::getargs::check_positional;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::PyType_Type;
use crate::unicodectype as uc;

/// A byte array stored inside its owner when it is short (up to
/// [`CompactBytes::INLINE`] bytes) and on the heap otherwise. Short strings and
/// bytes objects are the common case (words, keys, single characters), and keeping
/// their bytes inline saves an allocation and a free for each one, which dominates
/// the cost of `split()` and friends.
#[derive(Clone)]
pub struct CompactBytes(CompactRepr);

#[derive(Clone)]
enum CompactRepr {
    Inline {
        len: u8,
        buf: [u8; CompactBytes::INLINE],
    },
    Heap(Box<[u8]>),
}

impl CompactBytes {
    /// The most bytes kept inline (the inline form is then as large as the heap
    /// form's pointer and length plus one byte).
    pub const INLINE: usize = 22;

    pub fn new(b: &[u8]) -> CompactBytes {
        if b.len() <= Self::INLINE {
            let mut buf = [0u8; Self::INLINE];
            buf[..b.len()].copy_from_slice(b);
            CompactBytes(CompactRepr::Inline {
                len: b.len() as u8,
                buf,
            })
        } else {
            CompactBytes(CompactRepr::Heap(b.into()))
        }
    }
}

impl std::fmt::Debug for CompactBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &**self)
    }
}

impl PartialEq for CompactBytes {
    #[inline]
    fn eq(&self, other: &CompactBytes) -> bool {
        **self == **other
    }
}

impl Eq for CompactBytes {}

impl CompactBytes {
    /// Append `extra` (used by in-place concatenation). A heap array grows with one
    /// exact-size reallocation, as CPython's `resize_compact` does: the allocator
    /// usually extends the block in place, which keeps repeated appends linear.
    pub fn extend_from_slice(
        &mut self,
        extra: &[u8],
    ) -> Result<(), std::collections::TryReserveError> {
        let total = self.len() + extra.len();
        if let CompactRepr::Inline { len, buf } = &mut self.0 {
            if total <= Self::INLINE {
                buf[*len as usize..total].copy_from_slice(extra);
                *len = total as u8;
                return Ok(());
            }
        }
        let old = std::mem::take(self);
        let mut v = match old.0 {
            CompactRepr::Heap(b) => b.into_vec(),
            CompactRepr::Inline { len, buf } => buf[..len as usize].to_vec(),
        };
        let grown = v.try_reserve_exact(extra.len());
        if grown.is_ok() {
            v.extend_from_slice(extra);
        }
        self.0 = CompactRepr::Heap(v.into_boxed_slice());
        grown
    }
}

impl Default for CompactBytes {
    fn default() -> Self {
        CompactBytes::new(&[])
    }
}

impl std::ops::Deref for CompactBytes {
    type Target = [u8];
    #[inline(always)]
    fn deref(&self) -> &[u8] {
        match &self.0 {
            CompactRepr::Inline { len, buf } => &buf[..*len as usize],
            CompactRepr::Heap(b) => b,
        }
    }
}

impl From<&[u8]> for CompactBytes {
    #[inline]
    fn from(b: &[u8]) -> CompactBytes {
        CompactBytes::new(b)
    }
}

impl From<Vec<u8>> for CompactBytes {
    #[inline]
    fn from(v: Vec<u8>) -> CompactBytes {
        if v.len() <= Self::INLINE {
            CompactBytes::new(&v)
        } else {
            CompactBytes(CompactRepr::Heap(v.into_boxed_slice()))
        }
    }
}

impl From<Box<[u8]>> for CompactBytes {
    #[inline]
    fn from(v: Box<[u8]>) -> CompactBytes {
        if v.len() <= Self::INLINE {
            CompactBytes::new(&v)
        } else {
            CompactBytes(CompactRepr::Heap(v))
        }
    }
}

impl FromIterator<u8> for CompactBytes {
    fn from_iter<I: IntoIterator<Item = u8>>(it: I) -> CompactBytes {
        CompactBytes::from(it.into_iter().collect::<Vec<u8>>())
    }
}

/// The code points of a string, in the narrowest width that holds them.
#[derive(Clone)]
pub enum StrData {
    /// Every code point < 256 (short strings keep their bytes inline).
    Latin1(CompactBytes),
    /// Every code point < 65536, some >= 256.
    Ucs2(Box<[u16]>),
    /// Some code point >= 65536.
    Ucs4(Box<[u32]>),
}

/// `PyUnicodeObject` (the compact form of PEP 393).
#[repr(C)]
pub struct PyUnicodeObject {
    pub ob_base: PyObject,
    /// The cached hash, -1 until computed.
    pub hash: Cell<Py_hash_t>,
    /// Whether the string is in the interned table.
    pub interned: Cell<bool>,
    /// Every code point < 128.
    pub ascii: bool,
    pub data: StrData,
    /// The UTF-8 form of a non-ASCII string, made on first use; `None` inside if the
    /// string holds lone surrogates. Boxed so that the field is one word: most
    /// strings never need it, and the word keeps a str object at 64 bytes (a 64-byte
    /// pymalloc block, as CPython's short strings take) instead of 80.
    pub utf8: OnceCell<Box<Option<Box<str>>>>,
}

/// CPython's `sizeof(PyUnicodeObject)`, i.e. `str.__basicsize__`. An exact str is
/// allocated at its own size, smaller than this, as CPython's `PyUnicode_New`
/// allocates a compact string at `sizeof(PyASCIIObject)` plus its characters rather
/// than at `tp_basicsize`; subclass instances are laid out after the full 80 bytes.
const CPYTHON_UNICODE_BASICSIZE: usize = 80;
const _: () = assert!(size_of::<PyUnicodeObject>() <= CPYTHON_UNICODE_BASICSIZE);

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyUnicodeObject {}

impl PyTypeInfo for PyUnicodeObject {
    fn type_object() -> &'static PyTypeObject {
        &PyUnicode_Type
    }
    #[inline]
    fn check(obj: &PyObject) -> bool {
        obj.ob_type().has_feature(Py_TPFLAGS_UNICODE_SUBCLASS)
    }
}

/// A borrowed view of a string's array, for code that works per width.
#[derive(Clone, Copy)]
pub enum StrView<'a> {
    Latin1(&'a [u8]),
    Ucs2(&'a [u16]),
    Ucs4(&'a [u32]),
}

impl PyUnicodeObject {
    /// Length in code points.
    #[inline]
    pub fn len(&self) -> usize {
        match &self.data {
            StrData::Latin1(d) => d.len(),
            StrData::Ucs2(d) => d.len(),
            StrData::Ucs4(d) => d.len(),
        }
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes per code point: 1, 2 or 4 (`PyUnicode_KIND`).
    #[inline]
    pub fn kind(&self) -> usize {
        match &self.data {
            StrData::Latin1(_) => 1,
            StrData::Ucs2(_) => 2,
            StrData::Ucs4(_) => 4,
        }
    }

    /// The array, by width.
    #[inline]
    pub fn view(&self) -> StrView<'_> {
        match &self.data {
            StrData::Latin1(d) => StrView::Latin1(d),
            StrData::Ucs2(d) => StrView::Ucs2(d),
            StrData::Ucs4(d) => StrView::Ucs4(d),
        }
    }

    /// The one-byte array of a Latin-1 string.
    #[inline]
    pub fn latin1(&self) -> Option<&[u8]> {
        match &self.data {
            StrData::Latin1(d) => Some(d),
            _ => None,
        }
    }

    /// The code point at `i` (`PyUnicode_READ`); `i < len()`.
    #[inline]
    pub fn char_at(&self, i: usize) -> u32 {
        match &self.data {
            StrData::Latin1(d) => d[i] as u32,
            StrData::Ucs2(d) => d[i] as u32,
            StrData::Ucs4(d) => d[i],
        }
    }

    /// All code points.
    pub fn code_points(&self) -> Vec<u32> {
        match &self.data {
            StrData::Latin1(d) => d.iter().map(|&c| c as u32).collect(),
            StrData::Ucs2(d) => d.iter().map(|&c| c as u32).collect(),
            StrData::Ucs4(d) => d.to_vec(),
        }
    }

    /// All code points, borrowed when the string is UCS-4 already.
    pub fn code_points_cow(&self) -> Cow<'_, [u32]> {
        match &self.data {
            StrData::Ucs4(d) => Cow::Borrowed(d),
            _ => Cow::Owned(self.code_points()),
        }
    }

    /// Does the string consist of exactly these code points?
    pub fn eq_code_points(&self, cps: &[u32]) -> bool {
        self.len() == cps.len() && self.iter().zip(cps).all(|(a, &b)| a == b)
    }

    /// Iterate over the code points without allocating.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len()).map(move |i| self.char_at(i))
    }

    /// The text as UTF-8, or `None` if it holds lone surrogates.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        if self.ascii {
            if let StrData::Latin1(d) = &self.data {
                // SAFETY: ASCII bytes are valid UTF-8.
                return Some(unsafe { std::str::from_utf8_unchecked(d) });
            }
        }
        let utf8: &Option<Box<str>> = self.utf8.get_or_init(|| {
            let mut s = String::with_capacity(self.len() * 2);
            for cp in self.iter() {
                match char::from_u32(cp) {
                    Some(c) => s.push(c),
                    None => return Box::new(None),
                }
            }
            Box::new(Some(s.into_boxed_str()))
        });
        utf8.as_deref()
    }

    /// The text as UTF-8 with lone surrogates replaced by U+FFFD (for messages).
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        match self.as_str() {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(
                self.iter()
                    .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                    .collect(),
            ),
        }
    }

    /// The PEP 393 buffer as bytes, in native order: what `hash()` digests, so that
    /// hashes equal CPython's on the same machine.
    fn raw_bytes(&self) -> &[u8] {
        match &self.data {
            StrData::Latin1(d) => d,
            // SAFETY: `u16`/`u32` arrays have no padding and every byte pattern is a
            // valid `u8`; the length is scaled to the same memory.
            StrData::Ucs2(d) => unsafe {
                std::slice::from_raw_parts(d.as_ptr() as *const u8, d.len() * 2)
            },
            // SAFETY: as above.
            StrData::Ucs4(d) => unsafe {
                std::slice::from_raw_parts(d.as_ptr() as *const u8, d.len() * 4)
            },
        }
    }

    /// `hash(self)`, cached.
    #[inline]
    pub fn hash_value(&self) -> Py_hash_t {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::pyhash::_Py_HashBytes(self.raw_bytes());
        self.hash.set(h);
        h
    }

    /// The largest code point (`PyUnicode_MAX_CHAR_VALUE` is a bound; this is exact).
    pub fn max_char(&self) -> u32 {
        match &self.data {
            StrData::Latin1(d) => d.iter().copied().max().unwrap_or(0) as u32,
            StrData::Ucs2(d) => d.iter().copied().max().unwrap_or(0) as u32,
            StrData::Ucs4(d) => d.iter().copied().max().unwrap_or(0),
        }
    }
}

/// Content equality of two strings (`unicode_eq`).
#[inline]
pub fn _PyUnicode_EQ(a: &PyUnicodeObject, b: &PyUnicodeObject) -> bool {
    if std::ptr::eq(a, b) {
        return true;
    }
    if a.len() != b.len() {
        return false;
    }
    let (ha, hb) = (a.hash.get(), b.hash.get());
    if ha != -1 && hb != -1 && ha != hb {
        return false;
    }
    match (&a.data, &b.data) {
        (StrData::Latin1(x), StrData::Latin1(y)) => x == y,
        (StrData::Ucs2(x), StrData::Ucs2(y)) => x == y,
        (StrData::Ucs4(x), StrData::Ucs4(y)) => x == y,
        // Strings are always stored in their narrowest kind, so different kinds
        // mean different contents.
        _ => false,
    }
}

/// Code point order (`unicode_compare`): same-width arrays compare directly (memcmp
/// for one-byte strings), mixed widths element by element.
fn compare_code_points(a: &PyUnicodeObject, b: &PyUnicodeObject) -> std::cmp::Ordering {
    match (&a.data, &b.data) {
        (StrData::Latin1(x), StrData::Latin1(y)) => x.cmp(y),
        (StrData::Ucs2(x), StrData::Ucs2(y)) => x.cmp(y),
        (StrData::Ucs4(x), StrData::Ucs4(y)) => x.cmp(y),
        _ => a.iter().cmp(b.iter()),
    }
}

// --- Creation ----------------------------------------------------------------------

fn new_unicode(data: StrData, ascii: bool) -> PyObjectRef {
    // SAFETY: the fields are complete and `PyUnicode_Type` is str's layout; an exact
    // str is freed at the same size by `unicode_dealloc`.
    unsafe {
        alloc_object_own_size(
            &PyUnicode_Type,
            PyUnicodeObject {
                ob_base: PyObject_HEAD_INIT,
                hash: Cell::new(-1),
                interned: Cell::new(false),
                ascii,
                data,
                utf8: OnceCell::new(),
            },
        )
    }
    .into_object()
}

/// A string from a one-byte array (`_PyUnicode_FromUCS1`).
pub fn PyUnicode_FromUCS1(v: Vec<u8>) -> PyObjectRef {
    if v.len() <= 1 {
        if let Some(s) = small_string(v.first().map(|&b| b as u32)) {
            return s;
        }
    }
    let ascii = v.is_ascii();
    new_unicode(StrData::Latin1(v.into()), ascii)
}

/// A string from a two-byte array, narrowed to Latin-1 if it fits
/// (`_PyUnicode_FromUCS2`).
pub fn PyUnicode_FromUCS2(v: Vec<u16>) -> PyObjectRef {
    let max = v.iter().copied().max().unwrap_or(0);
    if max < 0x100 {
        return PyUnicode_FromUCS1(v.iter().map(|&c| c as u8).collect());
    }
    new_unicode(StrData::Ucs2(v.into_boxed_slice()), false)
}

/// A string from a four-byte array, narrowed if it fits (`_PyUnicode_FromUCS4`).
pub fn PyUnicode_FromUCS4(v: Vec<u32>) -> PyObjectRef {
    let max = v.iter().copied().max().unwrap_or(0);
    if max < 0x100 {
        return PyUnicode_FromUCS1(v.iter().map(|&c| c as u8).collect());
    }
    if max < 0x10000 {
        return new_unicode(StrData::Ucs2(v.iter().map(|&c| c as u16).collect()), false);
    }
    new_unicode(StrData::Ucs4(v.into_boxed_slice()), false)
}

/// A string from code points, stored in the narrowest kind.
pub fn PyUnicode_FromCodePoints(cps: &[u32]) -> PyObjectRef {
    let max = cps.iter().copied().max().unwrap_or(0);
    if max < 0x100 {
        if cps.len() <= 1 {
            if let Some(s) = small_string(cps.first().copied()) {
                return s;
            }
        }
        return new_unicode(
            StrData::Latin1(cps.iter().map(|&c| c as u8).collect()),
            max < 0x80,
        );
    }
    if max < 0x10000 {
        return new_unicode(
            StrData::Ucs2(cps.iter().map(|&c| c as u16).collect()),
            false,
        );
    }
    new_unicode(StrData::Ucs4(cps.into()), false)
}

/// A one-character string (`unicode_char`); Latin-1 characters are shared.
#[inline]
pub fn unicode_char(c: u32) -> PyObjectRef {
    if c < 0x100 {
        if let Some(s) = small_string(Some(c)) {
            return s;
        }
    }
    PyUnicode_FromCodePoints(&[c])
}

/// `PyUnicode_FromString`: a string from Rust text.
pub fn PyUnicode_FromString(s: &str) -> PyObjectRef {
    if s.is_ascii() {
        if s.len() <= 1 {
            if let Some(o) = small_string(s.bytes().next().map(|b| b as u32)) {
                return o;
            }
        }
        return new_unicode(StrData::Latin1(s.as_bytes().into()), true);
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let obj = if max < 0x100 {
        let v: Vec<u8> = s.chars().map(|c| c as u8).collect();
        if v.len() == 1 {
            return unicode_char(v[0] as u32);
        }
        new_unicode(StrData::Latin1(v.into()), false)
    } else if max < 0x10000 {
        new_unicode(StrData::Ucs2(s.chars().map(|c| c as u16).collect()), false)
    } else {
        new_unicode(StrData::Ucs4(s.chars().map(|c| c as u32).collect()), false)
    };
    // The UTF-8 form is already at hand: keep it for short strings (names, keys,
    // messages), which are likely to be printed or hashed as text again. A long
    // decoded text keeps only its code points, as in CPython, rather than doubling
    // its memory.
    if s.len() <= 4096 {
        if let Some(u) = obj.downcast_ref_exact::<PyUnicodeObject>() {
            let _ = u.utf8.set(Box::new(Some(s.into())));
        }
    }
    obj
}

/// A string from Latin-1 bytes.
pub fn PyUnicode_FromLatin1(bytes: &[u8]) -> PyObjectRef {
    if bytes.len() <= 1 {
        if let Some(o) = small_string(bytes.first().map(|&b| b as u32)) {
            return o;
        }
    }
    new_unicode(StrData::Latin1(bytes.into()), bytes.is_ascii())
}

/// The empty string and the 256 one-character Latin-1 strings are shared, as
/// CPython's `unicode_empty` and `unicode_latin1` singletons are (index 256 is the
/// empty string).
static SMALL_STRINGS: GlobalCell<Vec<Option<PyObjectRef>>> = GlobalCell::new(Vec::new());

#[inline]
fn small_string(cp: Option<u32>) -> Option<PyObjectRef> {
    let idx = match cp {
        None => 256,
        Some(c) if c < 256 => c as usize,
        Some(_) => return None,
    };
    // SAFETY: single-threaded; the table is not borrowed across calls.
    let table = unsafe { SMALL_STRINGS.get_mut() };
    if let Some(Some(s)) = table.get(idx) {
        return Some(s.clone());
    }
    if table.is_empty() {
        table.resize(257, None);
    }
    let data: Box<[u8]> = match cp {
        None => Box::new([]),
        Some(c) => Box::new([c as u8]),
    };
    let s = new_unicode(
        StrData::Latin1(data.into()),
        !matches!(cp, Some(c) if c >= 0x80),
    );
    table[idx] = Some(s.clone());
    Some(s)
}

/// The shared empty string.
#[inline]
pub fn unicode_empty() -> PyObjectRef {
    small_string(None)
        .unwrap_or_else(|| new_unicode(StrData::Latin1(CompactBytes::default()), true))
}

/// Builds a string of unknown final width (`_PyUnicodeWriter`): characters go into a
/// one-byte buffer until a wider one arrives, which widens the buffer once.
pub struct _PyUnicodeWriter {
    buf: WriterBuf,
}

enum WriterBuf {
    Latin1(Vec<u8>),
    Ucs2(Vec<u16>),
    Ucs4(Vec<u32>),
}

impl Default for _PyUnicodeWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl _PyUnicodeWriter {
    pub fn new() -> _PyUnicodeWriter {
        _PyUnicodeWriter {
            buf: WriterBuf::Latin1(Vec::new()),
        }
    }

    /// A writer expecting about `n` characters (a hint: large requests are not
    /// reserved up front, so a huge user-supplied size cannot abort the process).
    pub fn with_capacity(n: usize) -> _PyUnicodeWriter {
        _PyUnicodeWriter {
            buf: WriterBuf::Latin1(Vec::with_capacity(n.min(1 << 20))),
        }
    }

    /// Characters written so far.
    pub fn len(&self) -> usize {
        match &self.buf {
            WriterBuf::Latin1(v) => v.len(),
            WriterBuf::Ucs2(v) => v.len(),
            WriterBuf::Ucs4(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Drop the characters after the first `n` (setting `writer.pos` back, as the
    /// UTF-7 decoder does with an unfinished shift sequence).
    pub fn truncate(&mut self, n: usize) {
        match &mut self.buf {
            WriterBuf::Latin1(v) => v.truncate(n),
            WriterBuf::Ucs2(v) => v.truncate(n),
            WriterBuf::Ucs4(v) => v.truncate(n),
        }
    }

    /// Make room for code points up to `max` (`_PyUnicodeWriter_Prepare`).
    #[cold]
    fn widen(&mut self, max: u32) {
        let buf = std::mem::replace(&mut self.buf, WriterBuf::Latin1(Vec::new()));
        self.buf = match buf {
            WriterBuf::Latin1(v) if max >= 0x10000 => {
                WriterBuf::Ucs4(v.iter().map(|&c| c as u32).collect())
            }
            WriterBuf::Latin1(v) if max >= 0x100 => {
                WriterBuf::Ucs2(v.iter().map(|&c| c as u16).collect())
            }
            WriterBuf::Ucs2(v) if max >= 0x10000 => {
                WriterBuf::Ucs4(v.iter().map(|&c| c as u32).collect())
            }
            other => other,
        };
    }

    #[inline]
    fn fits(&self, max: u32) -> bool {
        match &self.buf {
            WriterBuf::Latin1(_) => max < 0x100,
            WriterBuf::Ucs2(_) => max < 0x10000,
            WriterBuf::Ucs4(_) => true,
        }
    }

    /// Append one code point.
    #[inline]
    pub fn push_char(&mut self, c: u32) {
        if !self.fits(c) {
            self.widen(c);
        }
        match &mut self.buf {
            WriterBuf::Latin1(v) => v.push(c as u8),
            WriterBuf::Ucs2(v) => v.push(c as u16),
            WriterBuf::Ucs4(v) => v.push(c),
        }
    }

    /// Append `c` `n` times; `MemoryError` if that much memory cannot be had (`n`
    /// often comes from a user's width).
    pub fn push_repeat(&mut self, c: u32, n: usize) -> PyResult<()> {
        if !self.fits(c) {
            self.widen(c);
        }
        match &mut self.buf {
            WriterBuf::Latin1(v) => {
                v.try_reserve(n).map_err(|_| PyErr_NoMemory())?;
                v.resize(v.len() + n, c as u8)
            }
            WriterBuf::Ucs2(v) => {
                v.try_reserve(n).map_err(|_| PyErr_NoMemory())?;
                v.resize(v.len() + n, c as u16)
            }
            WriterBuf::Ucs4(v) => {
                v.try_reserve(n).map_err(|_| PyErr_NoMemory())?;
                v.resize(v.len() + n, c)
            }
        }
        Ok(())
    }

    /// Append Rust text.
    pub fn push_str(&mut self, s: &str) {
        if s.is_ascii() {
            self.push_latin1(s.as_bytes());
        } else {
            for c in s.chars() {
                self.push_char(c as u32);
            }
        }
    }

    /// Append Latin-1 (or ASCII) bytes.
    pub fn push_latin1(&mut self, b: &[u8]) {
        match &mut self.buf {
            WriterBuf::Latin1(v) => v.extend_from_slice(b),
            WriterBuf::Ucs2(v) => v.extend(b.iter().map(|&c| c as u16)),
            WriterBuf::Ucs4(v) => v.extend(b.iter().map(|&c| c as u32)),
        }
    }

    /// Append two-byte code units.
    pub fn push_ucs2(&mut self, b: &[u16]) {
        let max = b.iter().copied().max().unwrap_or(0) as u32;
        if !self.fits(max) {
            self.widen(max);
        }
        match &mut self.buf {
            WriterBuf::Latin1(v) => v.extend(b.iter().map(|&c| c as u8)),
            WriterBuf::Ucs2(v) => v.extend_from_slice(b),
            WriterBuf::Ucs4(v) => v.extend(b.iter().map(|&c| c as u32)),
        }
    }

    /// Append code points.
    pub fn push_code_points(&mut self, b: &[u32]) {
        let max = b.iter().copied().max().unwrap_or(0);
        if !self.fits(max) {
            self.widen(max);
        }
        match &mut self.buf {
            WriterBuf::Latin1(v) => v.extend(b.iter().map(|&c| c as u8)),
            WriterBuf::Ucs2(v) => v.extend(b.iter().map(|&c| c as u16)),
            WriterBuf::Ucs4(v) => v.extend_from_slice(b),
        }
    }

    /// Append a whole string (`_PyUnicodeWriter_WriteStr`).
    #[inline]
    pub fn push_unicode(&mut self, u: &PyUnicodeObject) {
        self.push_substring(u, 0, u.len());
    }

    /// Append `u[start..end]` (`_PyUnicodeWriter_WriteSubstring`).
    pub fn push_substring(&mut self, u: &PyUnicodeObject, start: usize, end: usize) {
        if start >= end {
            return;
        }
        match u.view() {
            StrView::Latin1(d) => self.push_latin1(&d[start..end]),
            StrView::Ucs2(d) => self.push_ucs2(&d[start..end]),
            StrView::Ucs4(d) => self.push_code_points(&d[start..end]),
        }
    }

    /// The finished string, stored in its narrowest kind
    /// (`_PyUnicodeWriter_Finish`).
    pub fn finish(self) -> PyObjectRef {
        match self.buf {
            WriterBuf::Latin1(v) => PyUnicode_FromUCS1(v),
            WriterBuf::Ucs2(v) => PyUnicode_FromUCS2(v),
            WriterBuf::Ucs4(v) => PyUnicode_FromUCS4(v),
        }
    }
}

/// The string as Rust text with lone surrogates replaced (for messages); for a non-str
/// object, its type's name in angle brackets.
pub fn as_str_lossy(obj: &PyObject) -> Cow<'_, str> {
    match obj.downcast_ref::<PyUnicodeObject>() {
        Some(u) => u.to_string_lossy(),
        None => Cow::Owned(format!("<{}>", obj.ob_type().name())),
    }
}

/// The string as Rust text, raising `UnicodeEncodeError` for lone surrogates
/// (`PyUnicode_AsUTF8`), or `TypeError` if `obj` is not a str.
pub fn as_str_strict(obj: &PyObject) -> PyResult<&str> {
    let Some(u) = obj.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "expected str, got {}",
            obj.ob_type().name()
        )));
    };
    match u.as_str() {
        Some(s) => Ok(s),
        None => {
            // Let the codec machinery build the exception, with its attributes.
            match crate::codecs::encode_str(obj, None, None) {
                Err(e) => Err(e),
                Ok(_) => Err(crate::pyerrors::PyErr_SetString(
                    &PyExc_UnicodeEncodeError,
                    "'utf-8' codec can't encode characters: surrogates not allowed",
                )),
            }
        }
    }
}

/// `hash(obj)` if `obj` is a str (the fast path of dict lookups).
#[inline]
pub fn unicode_hash(obj: &PyObject) -> Option<Py_hash_t> {
    obj.downcast_ref::<PyUnicodeObject>()
        .map(|u| u.hash_value())
}

/// Is `obj` a str equal to `s`?
pub fn unicode_eq_str(obj: &PyObject, s: &str) -> bool {
    match obj.downcast_ref::<PyUnicodeObject>() {
        Some(u) => {
            if u.ascii {
                return u.latin1() == Some(s.as_bytes());
            }
            u.as_str() == Some(s)
        }
        None => false,
    }
}

/// `str.isidentifier()` for Rust text.
pub fn is_identifier_str(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if uc::is_xid_start(c as u32) => chars.all(|c| uc::is_xid_continue(c as u32)),
        _ => false,
    }
}

// --- Interning -------------------------------------------------------------------------

static INTERNED: GlobalCell<Option<HashTable<PyObjectRef>>> = GlobalCell::new(None);

/// `PyUnicode_InternInPlace`: the interned string equal to `s` (which becomes the
/// interned one if there was none). Interned strings compare by identity in dicts.
pub fn PyUnicode_InternInPlace(s: PyObjectRef) -> PyObjectRef {
    let Some(u) = s.downcast_ref_exact::<PyUnicodeObject>() else {
        return s;
    };
    if u.interned.get() {
        return s;
    }
    let h = u.hash_value() as u64;
    // SAFETY: single-threaded; the table is not borrowed across calls (string
    // equality and hashing run no Python code).
    let table = unsafe { INTERNED.get_mut() }.get_or_insert_with(HashTable::new);
    let found = table.find(h, |e| {
        // SAFETY: the table only holds exact str objects.
        _PyUnicode_EQ(unsafe { e.downcast_ref_unchecked::<PyUnicodeObject>() }, u)
    });
    if let Some(e) = found {
        return e.clone();
    }
    u.interned.set(true);
    table.insert_unique(h, s.clone(), |e| {
        // SAFETY: as above.
        unsafe { e.downcast_ref_unchecked::<PyUnicodeObject>() }.hash_value() as u64
    });
    s
}

/// `PyUnicode_InternFromString`.
pub fn PyUnicode_InternFromString(s: &str) -> PyObjectRef {
    PyUnicode_InternInPlace(PyUnicode_FromString(s))
}

/// A string interned once and kept for the life of the process (`_Py_ID`): the
/// `intern!("__add__")` macro expands to one of these.
pub struct _Py_Identifier {
    text: &'static str,
    obj: Cell<*const PyObject>,
}

// SAFETY: one thread runs Python code at a time.
unsafe impl Sync for _Py_Identifier {}

impl _Py_Identifier {
    pub const fn new(text: &'static str) -> _Py_Identifier {
        _Py_Identifier {
            text,
            obj: Cell::new(std::ptr::null()),
        }
    }

    /// The interned string.
    #[inline]
    pub fn get(&self) -> &'static PyObject {
        let p = self.obj.get();
        if !p.is_null() {
            // SAFETY: interned strings are never freed.
            return unsafe { &*p };
        }
        let s = PyUnicode_InternFromString(self.text);
        let p = s.into_raw().as_ptr() as *const PyObject;
        self.obj.set(p);
        // SAFETY: the reference just leaked keeps the string alive forever.
        unsafe { &*p }
    }
}

/// An interned `&'static PyObject` for a string literal, made once:
/// `intern!("__name__")`.
#[macro_export]
macro_rules! intern {
    ($s:literal) => {{
        static ID: $crate::unicodeobject::_Py_Identifier =
            $crate::unicodeobject::_Py_Identifier::new($s);
        ID.get()
    }};
}

// --- repr -------------------------------------------------------------------------------

const HEXDIGITS: &[u8; 16] = b"0123456789abcdef";

/// Append the `repr()` escape of one code point (not a quote or backslash).
fn push_escaped(out: &mut String, c: u32, ascii_only: bool) {
    match c {
        0x09 => out.push_str("\\t"),
        0x0A => out.push_str("\\n"),
        0x0D => out.push_str("\\r"),
        _ if c < 0x20 || c == 0x7F => push_hex_escape(out, 'x', c, 2),
        _ if c < 0x7F => out.push(c as u8 as char),
        _ if !ascii_only && uc::is_printable(c) => {
            out.push(char::from_u32(c).unwrap_or('\u{FFFD}'))
        }
        _ if c < 0x100 => push_hex_escape(out, 'x', c, 2),
        _ if c < 0x10000 => push_hex_escape(out, 'u', c, 4),
        _ => push_hex_escape(out, 'U', c, 8),
    }
}

fn push_hex_escape(out: &mut String, tag: char, c: u32, digits: u32) {
    out.push('\\');
    out.push(tag);
    for k in (0..digits).rev() {
        out.push(HEXDIGITS[((c >> (4 * k)) & 0xF) as usize] as char);
    }
}

/// `unicode_repr`: quotes chosen as CPython does (single unless the string has single
/// quotes and no double quotes), non-printable characters escaped.
pub fn unicode_repr_string(u: &PyUnicodeObject) -> String {
    let (has_single, has_double) = match u.latin1() {
        Some(d) => (
            memchr::memchr(b'\'', d).is_some(),
            memchr::memchr(b'"', d).is_some(),
        ),
        None => (
            u.iter().any(|c| c == '\'' as u32),
            u.iter().any(|c| c == '"' as u32),
        ),
    };
    let quote = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::with_capacity(u.len() + 2);
    out.push(quote);
    if let (true, Some(d)) = (u.ascii, u.latin1()) {
        // ASCII: copy runs of plain characters at once.
        let mut start = 0;
        for (i, &b) in d.iter().enumerate() {
            if b < 0x20 || b == 0x7F || b == b'\\' || b as char == quote {
                // ASCII bytes are valid UTF-8, so the run converts.
                out.push_str(std::str::from_utf8(&d[start..i]).unwrap_or(""));
                if b == b'\\' || b as char == quote {
                    out.push('\\');
                    out.push(b as char);
                } else {
                    push_escaped(&mut out, b as u32, false);
                }
                start = i + 1;
            }
        }
        out.push_str(std::str::from_utf8(&d[start..]).unwrap_or(""));
    } else {
        for c in u.iter() {
            if c == quote as u32 || c == '\\' as u32 {
                out.push('\\');
                out.push(char::from_u32(c).unwrap_or('?'));
            } else {
                push_escaped(&mut out, c, false);
            }
        }
    }
    out.push(quote);
    out
}

fn unicode_repr(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(&unicode_repr_string(as_unicode(obj))))
}

/// `ascii()`'s escaping applied to a repr: every non-ASCII code point escaped.
pub fn ascii_escape(repr: &PyObject) -> PyResult {
    let Some(u) = repr.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error("expected str"));
    };
    if u.ascii {
        return Ok(repr.to_owned());
    }
    let mut out = String::with_capacity(u.len() + 8);
    for c in u.iter() {
        if c < 0x80 {
            out.push(c as u8 as char);
        } else {
            push_escaped(&mut out, c, true);
        }
    }
    Ok(PyUnicode_FromString(&out))
}

// --- stringlib ----------------------------------------------------------------------

/// Searching, splitting and replacing over arrays of code units, shared by `str` (in
/// each of its three widths), `bytes` and `bytearray`. Mirrors Objects/stringlib/
/// (`fastsearch.h`, `split.h`, `partition.h`, `count.h`), which CPython compiles once
/// per character width by including the headers several times; here the functions are
/// generic over the element type instead.
///
/// Substring search: one-byte arrays use the `memchr` crate's SIMD `memmem`; wider
/// arrays use a single-character scan for one-element needles, a direct comparison
/// loop when the haystack is short, and the Crochemore-Perrin two-way algorithm
/// otherwise (CPython 3.10+ switches to two-way for long needles too), so no search
/// is quadratic.
pub mod stringlib {
    use std::ops::Range;

    /// A code unit: `u8` (bytes, Latin-1 strings), `u16` (UCS-2) or `u32` (UCS-4).
    pub trait Elem: Copy + Eq + Ord + Into<u32> + 'static {
        /// The first occurrence of `needle` (non-empty) in `hay`.
        fn find_slice(hay: &[Self], needle: &[Self]) -> Option<usize>;
        /// The last occurrence of `needle` (non-empty) in `hay`.
        fn rfind_slice(hay: &[Self], needle: &[Self]) -> Option<usize>;
        /// The first occurrence of one element.
        #[inline]
        fn find_elem(hay: &[Self], c: Self) -> Option<usize> {
            hay.iter().position(|&x| x == c)
        }
        /// The last occurrence of one element.
        #[inline]
        fn rfind_elem(hay: &[Self], c: Self) -> Option<usize> {
            hay.iter().rposition(|&x| x == c)
        }
        /// A searcher prepared once for repeated forward searches of `needle`
        /// (`count`, `split`, `replace`).
        type Finder<'n>: Searcher<Self>;
        fn finder(needle: &[Self]) -> Self::Finder<'_>;
        /// The same for backward searches (`rsplit`).
        type RFinder<'n>: Searcher<Self>;
        fn rfinder(needle: &[Self]) -> Self::RFinder<'_>;
    }

    /// A prepared substring search: the first (or, for reverse finders, last)
    /// match of its needle in `hay`.
    pub trait Searcher<T> {
        fn search(&self, hay: &[T]) -> Option<usize>;
    }

    impl Searcher<u8> for memchr::memmem::Finder<'_> {
        #[inline]
        fn search(&self, hay: &[u8]) -> Option<usize> {
            self.find(hay)
        }
    }

    impl Searcher<u8> for memchr::memmem::FinderRev<'_> {
        #[inline]
        fn search(&self, hay: &[u8]) -> Option<usize> {
            self.rfind(hay)
        }
    }

    /// The prepared searcher of two- and four-byte arrays: the two-way tables are
    /// computed once per needle.
    pub struct WideFinder<'n, T> {
        needle: &'n [T],
        two_way: Option<TwoWay<'n, T>>,
        reverse: bool,
    }

    impl<'n, T: Elem> WideFinder<'n, T> {
        fn new(needle: &'n [T], reverse: bool) -> WideFinder<'n, T> {
            let two_way = (needle.len() > 2 && !reverse).then(|| TwoWay::new(needle));
            WideFinder {
                needle,
                two_way,
                reverse,
            }
        }
    }

    impl<T: Elem> Searcher<T> for WideFinder<'_, T> {
        fn search(&self, hay: &[T]) -> Option<usize> {
            let m = self.needle.len();
            if m > hay.len() {
                return None;
            }
            if self.reverse {
                return wide_rfind(hay, self.needle);
            }
            if m == 1 {
                return T::find_elem(hay, self.needle[0]);
            }
            match &self.two_way {
                Some(tw) if (hay.len() - m + 1).saturating_mul(m) > DIRECT_LIMIT => tw.find(hay),
                _ => direct_find(hay, self.needle),
            }
        }
    }

    impl Elem for u8 {
        #[inline]
        fn find_slice(hay: &[u8], needle: &[u8]) -> Option<usize> {
            if needle.len() == 1 {
                return memchr::memchr(needle[0], hay);
            }
            memchr::memmem::find(hay, needle)
        }
        #[inline]
        fn rfind_slice(hay: &[u8], needle: &[u8]) -> Option<usize> {
            if needle.len() == 1 {
                return memchr::memrchr(needle[0], hay);
            }
            memchr::memmem::rfind(hay, needle)
        }
        #[inline]
        fn find_elem(hay: &[u8], c: u8) -> Option<usize> {
            memchr::memchr(c, hay)
        }
        #[inline]
        fn rfind_elem(hay: &[u8], c: u8) -> Option<usize> {
            memchr::memrchr(c, hay)
        }
        type Finder<'n> = memchr::memmem::Finder<'n>;
        fn finder(needle: &[u8]) -> memchr::memmem::Finder<'_> {
            memchr::memmem::Finder::new(needle)
        }
        type RFinder<'n> = memchr::memmem::FinderRev<'n>;
        fn rfinder(needle: &[u8]) -> memchr::memmem::FinderRev<'_> {
            memchr::memmem::FinderRev::new(needle)
        }
    }

    impl Elem for u16 {
        fn find_slice(hay: &[u16], needle: &[u16]) -> Option<usize> {
            wide_find(hay, needle)
        }
        fn rfind_slice(hay: &[u16], needle: &[u16]) -> Option<usize> {
            wide_rfind(hay, needle)
        }
        type Finder<'n> = WideFinder<'n, u16>;
        fn finder(needle: &[u16]) -> WideFinder<'_, u16> {
            WideFinder::new(needle, false)
        }
        type RFinder<'n> = WideFinder<'n, u16>;
        fn rfinder(needle: &[u16]) -> WideFinder<'_, u16> {
            WideFinder::new(needle, true)
        }
    }

    impl Elem for u32 {
        fn find_slice(hay: &[u32], needle: &[u32]) -> Option<usize> {
            wide_find(hay, needle)
        }
        fn rfind_slice(hay: &[u32], needle: &[u32]) -> Option<usize> {
            wide_rfind(hay, needle)
        }
        type Finder<'n> = WideFinder<'n, u32>;
        fn finder(needle: &[u32]) -> WideFinder<'_, u32> {
            WideFinder::new(needle, false)
        }
        type RFinder<'n> = WideFinder<'n, u32>;
        fn rfinder(needle: &[u32]) -> WideFinder<'_, u32> {
            WideFinder::new(needle, true)
        }
    }

    /// Below this many candidate positions times needle length, a direct scan beats
    /// the set-up cost of two-way (CPython uses a similar cut-off in `fastsearch`).
    const DIRECT_LIMIT: usize = 4096;

    fn direct_find<T: Eq + Copy>(hay: &[T], needle: &[T]) -> Option<usize> {
        let first = needle[0];
        let last = hay.len() - needle.len();
        (0..=last).find(|&i| hay[i] == first && &hay[i..i + needle.len()] == needle)
    }

    fn wide_find<T: Elem>(hay: &[T], needle: &[T]) -> Option<usize> {
        let m = needle.len();
        if m > hay.len() {
            return None;
        }
        if m == 1 {
            return T::find_elem(hay, needle[0]);
        }
        if (hay.len() - m + 1).saturating_mul(m) <= DIRECT_LIMIT || m <= 2 {
            return direct_find(hay, needle);
        }
        TwoWay::new(needle).find(hay)
    }

    fn wide_rfind<T: Elem>(hay: &[T], needle: &[T]) -> Option<usize> {
        let m = needle.len();
        if m > hay.len() {
            return None;
        }
        if m == 1 {
            return T::rfind_elem(hay, needle[0]);
        }
        if (hay.len() - m + 1).saturating_mul(m) <= DIRECT_LIMIT || m <= 2 {
            let first = needle[0];
            return (0..=hay.len() - m)
                .rev()
                .find(|&i| hay[i] == first && &hay[i..i + m] == needle);
        }
        // Two-way on the reversed sequences finds the last match.
        let rh: Vec<T> = hay.iter().rev().copied().collect();
        let rn: Vec<T> = needle.iter().rev().copied().collect();
        TwoWay::new(&rn).find(&rh).map(|p| hay.len() - p - m)
    }

    /// The Crochemore-Perrin two-way string matcher: O(n + m) time, O(1) extra space.
    /// The needle is split at a "critical factorisation" `needle[..ell] +
    /// needle[ell..]`; the right part is matched left to right, then the left part
    /// right to left, and the shift after a mismatch never loses a match.
    struct TwoWay<'a, T> {
        needle: &'a [T],
        /// Length of the left part of the factorisation.
        ell: usize,
        /// The period used for shifts.
        period: usize,
        /// Whether the needle is periodic with `period` (then a memory of the matched
        /// prefix avoids re-scanning it).
        periodic: bool,
    }

    /// The maximal suffix of `x` under the order `<` (or `>` if `reversed`): returns
    /// (start of the suffix, its period).
    fn maximal_suffix<T: Ord + Copy>(x: &[T], reversed: bool) -> (usize, usize) {
        let n = x.len();
        // `ms` is the suffix start minus one, kept as a signed offset.
        let mut ms: isize = -1;
        let mut j: usize = 0;
        let mut k: usize = 1;
        let mut p: usize = 1;
        while j + k < n {
            let a = x[j + k];
            let b = x[(ms + k as isize) as usize];
            let less = if reversed { a > b } else { a < b };
            if less {
                j += k;
                k = 1;
                p = (j as isize - ms) as usize;
            } else if a == b {
                if k != p {
                    k += 1;
                } else {
                    j += p;
                    k = 1;
                }
            } else {
                ms = j as isize;
                j = (ms + 1) as usize;
                k = 1;
                p = 1;
            }
        }
        ((ms + 1) as usize, p)
    }

    impl<'a, T: Ord + Copy> TwoWay<'a, T> {
        fn new(needle: &'a [T]) -> TwoWay<'a, T> {
            let (s1, p1) = maximal_suffix(needle, false);
            let (s2, p2) = maximal_suffix(needle, true);
            let (ell, period) = if s1 > s2 { (s1, p1) } else { (s2, p2) };
            let m = needle.len();
            let periodic = period + ell <= m && needle[..ell] == needle[period..period + ell];
            let period = if periodic {
                period
            } else {
                ell.max(m - ell) + 1
            };
            TwoWay {
                needle,
                ell,
                period,
                periodic,
            }
        }

        fn find(&self, hay: &[T]) -> Option<usize> {
            let x = self.needle;
            let m = x.len();
            let n = hay.len();
            if m > n {
                return None;
            }
            let ell = self.ell;
            let mut j = 0usize;
            // How much of the needle's prefix is known to match (periodic case).
            let mut memory = 0usize;
            while j <= n - m {
                // Right part, left to right.
                let mut i = ell.max(memory);
                while i < m && x[i] == hay[i + j] {
                    i += 1;
                }
                if i < m {
                    j += i + 1 - ell.min(i);
                    memory = 0;
                    continue;
                }
                // Left part, right to left.
                let mut i = ell;
                while i > memory && x[i - 1] == hay[i - 1 + j] {
                    i -= 1;
                }
                if i <= memory {
                    return Some(j);
                }
                j += self.period;
                memory = if self.periodic { m - self.period } else { 0 };
            }
            None
        }
    }

    /// `find` on a range of `hay`; the result is an index into `hay`.
    #[inline]
    pub fn find<T: Elem>(hay: &[T], needle: &[T], start: usize, end: usize) -> Option<usize> {
        if end < start || end > hay.len() || end - start < needle.len() {
            return None;
        }
        if needle.is_empty() {
            return Some(start);
        }
        T::find_slice(&hay[start..end], needle).map(|p| p + start)
    }

    /// `rfind` on a range of `hay`.
    #[inline]
    pub fn rfind<T: Elem>(hay: &[T], needle: &[T], start: usize, end: usize) -> Option<usize> {
        if end < start || end > hay.len() || end - start < needle.len() {
            return None;
        }
        if needle.is_empty() {
            return Some(end);
        }
        T::rfind_slice(&hay[start..end], needle).map(|p| p + start)
    }

    /// Non-overlapping occurrences of `needle` in `hay`, at most `maxcount`
    /// (`stringlib_count`). An empty needle matches between every element.
    pub fn count<T: Elem>(hay: &[T], needle: &[T], maxcount: usize) -> usize {
        if needle.is_empty() {
            return (hay.len() + 1).min(maxcount);
        }
        if needle.len() == 1 {
            let c = needle[0];
            let mut n = 0;
            for &x in hay {
                if x == c {
                    n += 1;
                    if n == maxcount {
                        break;
                    }
                }
            }
            return n;
        }
        let finder = T::finder(needle);
        let mut n = 0;
        let mut pos = 0;
        while n < maxcount {
            match finder.search(&hay[pos..]) {
                Some(i) => {
                    n += 1;
                    pos += i + needle.len();
                }
                None => break,
            }
        }
        n
    }

    /// `split(sep, maxsplit)` as ranges of `hay` (`stringlib_split`). `sep` is
    /// non-empty; a negative `maxsplit` means no limit.
    pub fn split<T: Elem>(hay: &[T], sep: &[T], maxsplit: isize) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut pos = 0;
        let mut left = if maxsplit < 0 {
            usize::MAX
        } else {
            maxsplit as usize
        };
        let finder = (sep.len() > 1).then(|| T::finder(sep));
        while left > 0 {
            let found = match &finder {
                None => T::find_elem(&hay[pos..], sep[0]),
                Some(f) => f.search(&hay[pos..]),
            };
            match found {
                Some(i) => {
                    out.push(pos..pos + i);
                    pos += i + sep.len();
                    left -= 1;
                }
                None => break,
            }
        }
        out.push(pos..hay.len());
        out
    }

    /// `rsplit(sep, maxsplit)` as ranges, in left-to-right order (`stringlib_rsplit`).
    pub fn rsplit<T: Elem>(hay: &[T], sep: &[T], maxsplit: isize) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut end = hay.len();
        let mut left = if maxsplit < 0 {
            usize::MAX
        } else {
            maxsplit as usize
        };
        let finder = (sep.len() > 1).then(|| T::rfinder(sep));
        while left > 0 {
            let found = match &finder {
                None => T::rfind_elem(&hay[..end], sep[0]),
                Some(f) => f.search(&hay[..end]),
            };
            match found {
                Some(i) => {
                    out.push(i + sep.len()..end);
                    end = i;
                    left -= 1;
                }
                None => break,
            }
        }
        out.push(0..end);
        out.reverse();
        out
    }

    /// `split()` with no separator: runs of whitespace separate, leading and trailing
    /// whitespace is dropped (`stringlib_split_whitespace`).
    pub fn split_whitespace<T: Elem>(
        hay: &[T],
        is_space: impl Fn(T) -> bool,
        maxsplit: isize,
    ) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        split_whitespace_each(hay, is_space, maxsplit, |r| out.push(r));
        out
    }

    /// [`split_whitespace`] handing each piece to `emit` as it is found, so that a
    /// caller building the pieces' strings needs no array of ranges beside them (for
    /// a long text that array is as large as the list itself, twice over).
    pub fn split_whitespace_each<T: Elem>(
        hay: &[T],
        is_space: impl Fn(T) -> bool,
        maxsplit: isize,
        mut emit: impl FnMut(Range<usize>),
    ) {
        let n = hay.len();
        let mut left = if maxsplit < 0 {
            usize::MAX
        } else {
            maxsplit as usize
        };
        let mut i = 0;
        while i < n {
            while i < n && is_space(hay[i]) {
                i += 1;
            }
            if i == n {
                break;
            }
            if left == 0 {
                // The rest, as it is (its trailing whitespace stays).
                emit(i..n);
                return;
            }
            let s = i;
            while i < n && !is_space(hay[i]) {
                i += 1;
            }
            emit(s..i);
            left -= 1;
        }
    }

    /// `rsplit()` with no separator (`stringlib_rsplit_whitespace`).
    pub fn rsplit_whitespace<T: Elem>(
        hay: &[T],
        is_space: impl Fn(T) -> bool,
        maxsplit: isize,
    ) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut left = if maxsplit < 0 {
            usize::MAX
        } else {
            maxsplit as usize
        };
        let mut j = hay.len();
        while j > 0 {
            while j > 0 && is_space(hay[j - 1]) {
                j -= 1;
            }
            if j == 0 {
                break;
            }
            if left == 0 {
                // The rest, as it is (its leading whitespace stays).
                out.push(0..j);
                break;
            }
            let e = j;
            while j > 0 && !is_space(hay[j - 1]) {
                j -= 1;
            }
            out.push(j..e);
            left -= 1;
        }
        out.reverse();
        out
    }

    /// `splitlines(keepends)` (`stringlib_splitlines`): `is_break` says whether an
    /// element ends a line; "\r\n" counts as one break.
    pub fn splitlines<T: Elem>(
        hay: &[T],
        is_break: impl Fn(T) -> bool,
        keepends: bool,
    ) -> Vec<Range<usize>> {
        let n = hay.len();
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            let start = i;
            while i < n && !is_break(hay[i]) {
                i += 1;
            }
            let mut eol = i;
            if i < n {
                if hay[i].into() == 0x0D && i + 1 < n && hay[i + 1].into() == 0x0A {
                    i += 2;
                } else {
                    i += 1;
                }
                if keepends {
                    eol = i;
                }
            }
            out.push(start..eol);
        }
        out
    }

    /// `replace(old, new, count)` into a new array (`replace` in unicodeobject.c and
    /// bytesobject.c). Returns `None` when nothing was replaced, so callers can return
    /// the original object.
    pub fn replace<T: Elem>(hay: &[T], old: &[T], new: &[T], maxcount: isize) -> Option<Vec<T>> {
        let maxcount = if maxcount < 0 {
            usize::MAX
        } else {
            maxcount as usize
        };
        if maxcount == 0 {
            return None;
        }
        if old.is_empty() {
            // Insert `new` before every element and at the end, up to `maxcount`
            // times.
            let mut out = Vec::with_capacity(hay.len() + new.len() * (hay.len() + 1).min(maxcount));
            let mut done = 0;
            for &c in hay {
                if done < maxcount {
                    out.extend_from_slice(new);
                    done += 1;
                }
                out.push(c);
            }
            if done < maxcount {
                out.extend_from_slice(new);
            }
            return Some(out);
        }
        let finder = T::finder(old);
        let find_from = |pos: usize| finder.search(&hay[pos..]).map(|p| p + pos);
        if old.len() == new.len() {
            // Same length: copy once and overwrite in place.
            let first = find_from(0)?;
            let mut out = hay.to_vec();
            let mut pos = first;
            let mut done = 0;
            loop {
                out[pos..pos + old.len()].copy_from_slice(new);
                done += 1;
                pos += old.len();
                if done == maxcount {
                    break;
                }
                match find_from(pos) {
                    Some(i) => pos = i,
                    None => break,
                }
            }
            return Some(out);
        }
        let mut out: Vec<T> = Vec::new();
        let mut pos = 0;
        let mut done = 0;
        while done < maxcount {
            match find_from(pos) {
                Some(i) => {
                    if done == 0 {
                        out.reserve(hay.len());
                    }
                    out.extend_from_slice(&hay[pos..i]);
                    out.extend_from_slice(new);
                    pos = i + old.len();
                    done += 1;
                }
                None => break,
            }
        }
        if done == 0 {
            return None;
        }
        out.extend_from_slice(&hay[pos..]);
        Some(out)
    }

    /// `expandtabs(tabsize)`: tabs become spaces up to the next multiple of
    /// `tabsize`; the column restarts after "\n" and "\r". `None` on overflow.
    pub fn expandtabs<T: Elem>(s: &[T], tabsize: isize, space: T) -> Option<Vec<T>> {
        let mut out: Vec<T> = Vec::with_capacity(s.len());
        let mut col: usize = 0;
        for &c in s {
            match c.into() {
                0x09 => {
                    if tabsize > 0 {
                        let incr = tabsize as usize - col % tabsize as usize;
                        col = col.checked_add(incr)?;
                        if out.len().checked_add(incr)? > isize::MAX as usize / 4 {
                            return None;
                        }
                        out.try_reserve(incr).ok()?;
                        out.extend(std::iter::repeat_n(space, incr));
                    }
                }
                0x0A | 0x0D => {
                    out.push(c);
                    col = 0;
                }
                _ => {
                    out.push(c);
                    col += 1;
                }
            }
        }
        Some(out)
    }

    /// Does `hay[start..end]` start (or end, with `at_end`) with `needle`
    /// (`tailmatch`)? Indexes are already clamped to `0..=len` but `start` may
    /// exceed `end`.
    pub fn tailmatch<T: Elem>(
        hay: &[T],
        needle: &[T],
        start: usize,
        end: usize,
        at_end: bool,
    ) -> bool {
        let end = end.min(hay.len());
        if start > hay.len() {
            return false;
        }
        if end < start || end - start < needle.len() {
            return false;
        }
        if at_end {
            &hay[end - needle.len()..end] == needle
        } else {
            &hay[start..start + needle.len()] == needle
        }
    }

    /// `ADJUST_INDICES`: clamp `start`/`end` the way slices do, for a sequence of
    /// length `len`.
    #[inline]
    pub fn adjust_indices(start: isize, end: isize, len: usize) -> (usize, usize) {
        let n = len as isize;
        let end = if end > n {
            n
        } else if end < 0 {
            (end + n).max(0)
        } else {
            end
        };
        let start = if start < 0 { (start + n).max(0) } else { start };
        (start as usize, end as usize)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn naive<T: Eq>(h: &[T], n: &[T]) -> Option<usize> {
            if n.len() > h.len() {
                return None;
            }
            (0..=h.len() - n.len()).find(|&i| &h[i..i + n.len()] == n)
        }

        fn naive_r<T: Eq>(h: &[T], n: &[T]) -> Option<usize> {
            if n.len() > h.len() {
                return None;
            }
            (0..=h.len() - n.len())
                .rev()
                .find(|&i| &h[i..i + n.len()] == n)
        }

        #[test]
        fn two_way_agrees_with_naive() {
            // Small alphabets stress the periodic cases.
            let mut seed = 12345u32;
            let mut rnd = || {
                seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
                (seed >> 16) as u32
            };
            for _ in 0..3000 {
                let hl = (rnd() % 60) as usize;
                let nl = 1 + (rnd() % 8) as usize;
                let alpha = 1 + rnd() % 3;
                let h: Vec<u32> = (0..hl).map(|_| rnd() % alpha).collect();
                let n: Vec<u32> = (0..nl).map(|_| rnd() % alpha).collect();
                let tw = if n.len() <= h.len() {
                    TwoWay::new(&n).find(&h)
                } else {
                    None
                };
                assert_eq!(tw, naive(&h, &n), "{h:?} {n:?}");
                assert_eq!(wide_rfind(&h, &n), naive_r(&h, &n), "{h:?} {n:?}");
            }
        }

        #[test]
        fn long_inputs_use_two_way() {
            let mut h: Vec<u16> = vec![0x3b1; 10000];
            h.extend_from_slice(&[0x3b2, 0x3b1]);
            let n: Vec<u16> = vec![0x3b1, 0x3b1, 0x3b1, 0x3b2];
            assert_eq!(find(&h, &n, 0, h.len()), Some(9997));
            assert_eq!(rfind(&h, &n, 0, h.len()), Some(9997));
            assert_eq!(count(&h, &[0x3b1], usize::MAX), 10001);
        }

        #[test]
        fn split_and_replace() {
            let s = b"a,b,,c";
            assert_eq!(split(s, b",", -1), vec![0..1, 2..3, 4..4, 5..6]);
            assert_eq!(rsplit(s, b",", 1), vec![0..4, 5..6]);
            assert_eq!(
                split_whitespace(b"  a b  c ", |c: u8| c == b' ', 1),
                vec![2..3, 4..9]
            );
            assert_eq!(
                rsplit_whitespace(b"  a b  c ", |c: u8| c == b' ', 1),
                vec![0..5, 7..8]
            );
            assert_eq!(replace(b"aaa", b"a", b"bb", 2), Some(b"bbbba".to_vec()));
            assert_eq!(replace(b"abc", b"", b"-", -1), Some(b"-a-b-c-".to_vec()));
            assert_eq!(replace(b"abc", b"x", b"-", -1), None);
            assert_eq!(count(b"aaaa", b"aa", usize::MAX), 2);
            assert_eq!(
                expandtabs(b"a\tb\n\tc", 4, b' '),
                Some(b"a   b\n    c".to_vec())
            );
            assert_eq!(
                splitlines(b"a\r\nb\rc\n", |c: u8| c == b'\n' || c == b'\r', true),
                vec![0..3, 3..5, 5..7]
            );
        }
    }
}

// --- Slots ---------------------------------------------------------------------------

fn unicode_str(obj: &PyObject) -> PyResult {
    if obj.is_type(&PyUnicode_Type) {
        return Ok(obj.to_owned());
    }
    // A subclass instance: str() gives a plain str copy.
    let u = as_unicode(obj);
    Ok(unicode_substring(u, 0, u.len()))
}

/// `self` of a str slot or method as the str layout.
#[inline(always)]
fn as_unicode(obj: &PyObject) -> &PyUnicodeObject {
    debug_assert!(PyUnicodeObject::check(obj));
    // SAFETY: only called from slots and methods of str, whose self is a str (the
    // method descriptors check the type of `self` before calling).
    unsafe { &*(obj as *const PyObject as *const PyUnicodeObject) }
}

fn unicode_hash_slot(obj: &PyObject) -> PyResult<Py_hash_t> {
    Ok(as_unicode(obj).hash_value())
}

fn unicode_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(au), Some(bu)) = (
        a.downcast_ref::<PyUnicodeObject>(),
        b.downcast_ref::<PyUnicodeObject>(),
    ) else {
        return Ok(not_implemented());
    };
    let res = match op {
        CompareOp::Eq => _PyUnicode_EQ(au, bu),
        CompareOp::Ne => !_PyUnicode_EQ(au, bu),
        _ => op.from_ordering(compare_code_points(au, bu)),
    };
    Ok(crate::boolobject::PyBool_FromLong(res))
}

fn unicode_length(obj: &PyObject) -> PyResult<Py_ssize_t> {
    Ok(as_unicode(obj).len() as Py_ssize_t)
}

/// The code points `[start, stop)` of `u` as a new string (`PyUnicode_Substring`),
/// stored in its narrowest kind.
pub fn unicode_substring(u: &PyUnicodeObject, start: usize, stop: usize) -> PyObjectRef {
    let stop = stop.min(u.len());
    if start >= stop {
        return unicode_empty();
    }
    if start == 0 && stop == u.len() {
        // The whole string (a subclass instance yields a plain copy).
        let obj = u.as_object();
        if obj.is_type(&PyUnicode_Type) {
            return obj.to_owned();
        }
    }
    match &u.data {
        StrData::Latin1(d) => {
            let part = &d[start..stop];
            if part.len() == 1 {
                return unicode_char(part[0] as u32);
            }
            new_unicode(StrData::Latin1(part.into()), u.ascii || part.is_ascii())
        }
        StrData::Ucs2(d) => PyUnicode_FromUCS2(d[start..stop].to_vec()),
        StrData::Ucs4(d) => PyUnicode_FromUCS4(d[start..stop].to_vec()),
    }
}

fn unicode_item(obj: &PyObject, i: Py_ssize_t) -> PyResult {
    let u = as_unicode(obj);
    if i < 0 || i as usize >= u.len() {
        return Err(index_error("string index out of range"));
    }
    Ok(unicode_char(u.char_at(i as usize)))
}

fn unicode_subscript(obj: &PyObject, key: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    if let Some(l) = key.downcast_ref::<crate::longobject::PyLongObject>() {
        // The common case, s[i] with an int.
        let mut i = match l.as_i64() {
            Some(v) => v as isize,
            None => crate::r#abstract::PyNumber_AsSsize_t(
                key,
                Some(&crate::exceptions::PyExc_IndexError),
            )?,
        };
        if i < 0 {
            i += u.len() as Py_ssize_t;
        }
        return unicode_item(obj, i);
    }
    if let Some(s) = key.downcast_ref::<crate::sliceobject::PySliceObject>() {
        let (start, _stop, step, n) = s.adjust_indices(u.len() as Py_ssize_t)?;
        if n <= 0 {
            return Ok(unicode_empty());
        }
        if step == 1 {
            return Ok(unicode_substring(u, start as usize, (start + n) as usize));
        }
        let idx = (0..n).map(|k| (start + k * step) as usize);
        return Ok(match u.view() {
            StrView::Latin1(d) => PyUnicode_FromUCS1(idx.map(|i| d[i]).collect()),
            StrView::Ucs2(d) => PyUnicode_FromUCS2(idx.map(|i| d[i]).collect()),
            StrView::Ucs4(d) => PyUnicode_FromUCS4(idx.map(|i| d[i]).collect()),
        });
    }
    if crate::r#abstract::PyIndex_Check(key) {
        let mut i =
            crate::r#abstract::PyNumber_AsSsize_t(key, Some(&crate::exceptions::PyExc_IndexError))?;
        if i < 0 {
            i += u.len() as Py_ssize_t;
        }
        return unicode_item(obj, i);
    }
    Err(type_error(format!(
        "string indices must be integers, not '{}'",
        key.ob_type().name()
    )))
}

/// Reserve room for `n` elements or raise `MemoryError` (never abort the process on
/// a huge request such as `'a' * 2**62`).
fn try_vec<T>(n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| PyErr_NoMemory())?;
    Ok(v)
}

/// Grow a boxed array by `extra` with one exact reallocation (see
/// [`CompactBytes::extend_from_slice`]).
fn box_extend<T: Copy>(b: &mut Box<[T]>, extra: impl ExactSizeIterator<Item = T>) -> PyResult<()> {
    let mut v = std::mem::take(b).into_vec();
    let r = v.try_reserve_exact(extra.len());
    if r.is_ok() {
        v.extend(extra);
    }
    *b = v.into_boxed_slice();
    r.map_err(|_| PyErr_NoMemory())
}

/// `PyUnicode_Append`: `*left += right`. When `left` holds the only reference to an
/// exact str (not interned, not a shared singleton), the string grows in place, so
/// that building a string with `s += piece` in a loop takes linear time, as in
/// CPython (whose eval loop arranges for the local variable to hold that only
/// reference before calling it). Otherwise a new string replaces `*left`.
pub fn PyUnicode_Append(left: &mut PyObjectRef, right: &PyObject) -> PyResult<()> {
    let Some(ru) = right.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            right.ob_type().name()
        )));
    };
    if ru.is_empty() && left.is_type(&PyUnicode_Type) {
        return Ok(());
    }
    let in_place = left.refcnt() == 1
        && left.is_type(&PyUnicode_Type)
        && !right.is(left)
        && !left
            .downcast_ref_exact::<PyUnicodeObject>()
            .is_some_and(|u| u.interned.get());
    if in_place {
        // SAFETY: `left` is the only reference to this string (its count is 1 and
        // the caller lends it to us mutably), so nothing else can observe the
        // contents while they change; `right` is a different object.
        let lu = unsafe { &mut *(left.as_raw().as_ptr() as *mut PyUnicodeObject) };
        let grown = match (&mut lu.data, &ru.data) {
            (StrData::Latin1(l), StrData::Latin1(r)) => {
                Some(l.extend_from_slice(r).map_err(|_| PyErr_NoMemory()))
            }
            (StrData::Ucs2(l), StrData::Latin1(r)) => {
                Some(box_extend(l, r.iter().map(|&c| c as u16)))
            }
            (StrData::Ucs2(l), StrData::Ucs2(r)) => Some(box_extend(l, r.iter().copied())),
            (StrData::Ucs4(l), StrData::Latin1(r)) => {
                Some(box_extend(l, r.iter().map(|&c| c as u32)))
            }
            (StrData::Ucs4(l), StrData::Ucs2(r)) => {
                Some(box_extend(l, r.iter().map(|&c| c as u32)))
            }
            (StrData::Ucs4(l), StrData::Ucs4(r)) => Some(box_extend(l, r.iter().copied())),
            // A wider right operand: the result needs a wider array.
            _ => None,
        };
        if let Some(r) = grown {
            lu.ascii &= ru.ascii;
            lu.hash.set(-1);
            lu.utf8 = OnceCell::new();
            return r;
        }
    }
    *left = PyUnicode_Concat(left, right)?;
    Ok(())
}

/// `PyUnicode_Concat`.
pub fn PyUnicode_Concat(a: &PyObject, b: &PyObject) -> PyResult {
    let Some(bu) = b.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            b.ob_type().name()
        )));
    };
    let Some(au) = a.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            a.ob_type().name()
        )));
    };
    if bu.is_empty() && a.is_type(&PyUnicode_Type) {
        return Ok(a.to_owned());
    }
    if au.is_empty() && b.is_type(&PyUnicode_Type) {
        return Ok(b.to_owned());
    }
    let total = au
        .len()
        .checked_add(bu.len())
        .ok_or_else(|| overflow_error("strings are too large to concat"))?;
    if let (StrData::Latin1(x), StrData::Latin1(y)) = (&au.data, &bu.data) {
        let mut v = try_vec(total)?;
        v.extend_from_slice(x);
        v.extend_from_slice(y);
        return Ok(new_unicode(StrData::Latin1(v.into()), au.ascii && bu.ascii));
    }
    let mut w = _PyUnicodeWriter::with_capacity(total);
    w.push_unicode(au);
    w.push_unicode(bu);
    Ok(w.finish())
}

fn unicode_repeat(obj: &PyObject, n: Py_ssize_t) -> PyResult {
    let u = as_unicode(obj);
    if n <= 0 || u.is_empty() {
        return Ok(unicode_empty());
    }
    if n == 1 && obj.is_type(&PyUnicode_Type) {
        return Ok(obj.to_owned());
    }
    let total = u
        .len()
        .checked_mul(n as usize)
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(|| overflow_error("repeated string is too long"))?;
    Ok(match &u.data {
        StrData::Latin1(d) => {
            let mut v: Vec<u8> = try_vec(total)?;
            if d.len() == 1 {
                v.resize(total, d[0]);
            } else {
                for _ in 0..n {
                    v.extend_from_slice(d);
                }
            }
            new_unicode(StrData::Latin1(v.into()), u.ascii)
        }
        StrData::Ucs2(d) => {
            let mut v: Vec<u16> = try_vec(total)?;
            for _ in 0..n {
                v.extend_from_slice(d);
            }
            new_unicode(StrData::Ucs2(v.into_boxed_slice()), false)
        }
        StrData::Ucs4(d) => {
            let mut v: Vec<u32> = try_vec(total)?;
            for _ in 0..n {
                v.extend_from_slice(d);
            }
            new_unicode(StrData::Ucs4(v.into_boxed_slice()), false)
        }
    })
}

/// Run `$body` with `$h` and `$n` bound to slices of one element type: the haystack's
/// array and the needle converted to the haystack's width. A needle wider than the
/// haystack cannot occur in it (strings are stored narrowest), which gives `$none`.
macro_rules! same_kind {
    ($hay:expr, $needle:expr, |$h:ident, $n:ident| $body:expr, $none:expr) => {
        match (&$hay.data, &$needle.data) {
            (StrData::Latin1(x), StrData::Latin1(y)) => {
                let ($h, $n): (&[u8], &[u8]) = (x, y);
                $body
            }
            (StrData::Ucs2(x), StrData::Ucs2(y)) => {
                let ($h, $n): (&[u16], &[u16]) = (x, y);
                $body
            }
            (StrData::Ucs4(x), StrData::Ucs4(y)) => {
                let ($h, $n): (&[u32], &[u32]) = (x, y);
                $body
            }
            (StrData::Ucs2(x), StrData::Latin1(y)) => {
                let wide: Vec<u16> = y.iter().map(|&c| c as u16).collect();
                let ($h, $n): (&[u16], &[u16]) = (x, &wide);
                $body
            }
            (StrData::Ucs4(x), StrData::Latin1(y)) => {
                let wide: Vec<u32> = y.iter().map(|&c| c as u32).collect();
                let ($h, $n): (&[u32], &[u32]) = (x, &wide);
                $body
            }
            (StrData::Ucs4(x), StrData::Ucs2(y)) => {
                let wide: Vec<u32> = y.iter().map(|&c| c as u32).collect();
                let ($h, $n): (&[u32], &[u32]) = (x, &wide);
                $body
            }
            _ => $none,
        }
    };
}

/// Find `needle` in `hay[start..end]` (code point indexes), from the left.
pub fn find_sub(
    hay: &PyUnicodeObject,
    needle: &PyUnicodeObject,
    start: usize,
    end: usize,
) -> Option<usize> {
    let end = end.min(hay.len());
    if needle.is_empty() {
        return if start <= end { Some(start) } else { None };
    }
    same_kind!(hay, needle, |h, n| stringlib::find(h, n, start, end), None)
}

/// Find `needle` in `hay[start..end]`, from the right.
pub fn rfind_sub(
    hay: &PyUnicodeObject,
    needle: &PyUnicodeObject,
    start: usize,
    end: usize,
) -> Option<usize> {
    let end = end.min(hay.len());
    if needle.is_empty() {
        return if start <= end { Some(end) } else { None };
    }
    same_kind!(hay, needle, |h, n| stringlib::rfind(h, n, start, end), None)
}

fn unicode_contains(obj: &PyObject, item: &PyObject) -> PyResult<bool> {
    let Some(needle) = item.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            item.ob_type().name()
        )));
    };
    let hay = as_unicode(obj);
    Ok(find_sub(hay, needle, 0, hay.len()).is_some())
}

/// `str % args` (`unicode_mod`); `NotImplemented` for `x % str` with a non-str `x`.
fn unicode_mod(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyUnicodeObject::check(a) {
        return Ok(not_implemented());
    }
    crate::unicode_format::PyUnicode_Format(a, b)
}

/// `str(object='')`, `str(object=b'', encoding='utf-8', errors='strict')`.
fn unicode_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    // `str()` parses with the old-style `PyArg_ParseTupleAndKeywords`, whose message
    // counts every argument.
    if args.len() > 3 {
        return Err(type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            args.len()
        )));
    }
    let a = crate::getargs::parse_args("str", args, kwnames, &["object", "encoding", "errors"], 0)?;
    for (i, name) in [(1, "encoding"), (2, "errors")] {
        if let Some(v) = &a[i] {
            if !PyUnicodeObject::check(v) {
                return Err(type_error(format!(
                    "str() argument '{name}' must be str, not {}",
                    clinic_type_name(v)
                )));
            }
        }
    }
    let s = match (&a[0], &a[1], &a[2]) {
        (None, _, _) => unicode_empty(),
        (Some(o), None, None) => PyObject_Str(o)?,
        (Some(o), enc, err) => crate::codecs::decode_object(o, enc.as_deref(), err.as_deref())?,
    };
    if std::ptr::eq(tp, &PyUnicode_Type) {
        return Ok(s);
    }
    unicode_subtype_new(tp, as_unicode(&s))
}

/// An instance of a str subclass with the contents of `u` (`unicode_subtype_new`).
fn unicode_subtype_new(tp: &PyTypeObject, u: &PyUnicodeObject) -> PyResult {
    let data = match &u.data {
        StrData::Latin1(d) => StrData::Latin1(d.clone()),
        StrData::Ucs2(d) => StrData::Ucs2(d.clone()),
        StrData::Ucs4(d) => StrData::Ucs4(d.clone()),
    };
    // SAFETY: `tp` is a subclass of str, whose instances start with this layout.
    let obj = unsafe {
        alloc_object(
            tp,
            PyUnicodeObject {
                ob_base: PyObject_HEAD_INIT,
                hash: Cell::new(-1),
                interned: Cell::new(false),
                ascii: u.ascii,
                data,
                utf8: OnceCell::new(),
            },
        )
    };
    Ok(obj.into_object())
}

unsafe fn unicode_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead str; an exact str was allocated at its own size by
    // `new_unicode`, a subclass instance at its type's size.
    unsafe {
        if (*op).is_type(&PyUnicode_Type) {
            dealloc_object_own_size::<PyUnicodeObject>(op)
        } else {
            dealloc_object::<PyUnicodeObject>(op)
        }
    }
}

// --- Iterators -----------------------------------------------------------------------

/// `unicodeiterobject`: the iterator of a str. ASCII strings get the
/// `str_ascii_iterator` type, others `str_iterator`, as in CPython 3.11; both yield
/// one-character strings, shared singletons for Latin-1 characters.
#[repr(C)]
pub struct PyUnicodeIterObject {
    pub ob_base: PyObject,
    it_index: Cell<usize>,
    /// The string, dropped when the iterator is exhausted.
    it_seq: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyUnicodeIterObject {}

fn as_unicode_iter(obj: &PyObject) -> &PyUnicodeIterObject {
    // SAFETY: only installed on the two iterator types, whose layout this is.
    unsafe { &*(obj as *const PyObject as *const PyUnicodeIterObject) }
}

fn unicode_iter(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    let tp = if u.ascii {
        &PyUnicodeASCIIIter_Type
    } else {
        &PyUnicodeIter_Type
    };
    // SAFETY: the layout is the iterator types' layout.
    let it = unsafe {
        alloc_object(
            tp,
            PyUnicodeIterObject {
                ob_base: PyObject_HEAD_INIT,
                it_index: Cell::new(0),
                it_seq: PyCell::new(Some(obj.to_owned())),
            },
        )
    };
    Ok(it.into_object())
}

fn unicodeiter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_unicode_iter(obj);
    // SAFETY: the borrow ends before anything can replace the field.
    let Some(seq) = (unsafe { it.it_seq.get_ref() }) else {
        return Ok(None);
    };
    let u = as_unicode(seq);
    let i = it.it_index.get();
    if i < u.len() {
        it.it_index.set(i + 1);
        return Ok(Some(unicode_char(u.char_at(i))));
    }
    it.it_seq.set(None);
    Ok(None)
}

fn unicodeiter_iter(obj: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

fn unicodeiter_len(obj: &PyObject) -> PyResult {
    let it = as_unicode_iter(obj);
    // SAFETY: the borrow ends before anything can replace the field.
    let n = match unsafe { it.it_seq.get_ref() } {
        Some(seq) => as_unicode(seq).len().saturating_sub(it.it_index.get()),
        None => 0,
    };
    Ok(crate::longobject::PyLong_FromSsize_t(n as isize))
}

fn unicodeiter_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let it = as_unicode_iter(obj);
    let index = crate::listobject::setstate_index(state)?;
    // SAFETY: the borrow ends before anything can replace the field.
    if let Some(seq) = unsafe { it.it_seq.get_ref() } {
        let len = as_unicode(seq).len() as isize;
        it.it_index.set(index.clamp(0, len) as usize);
    }
    Ok(none())
}

/// `__reduce__`: `(iter, (s,), index)`, or `(iter, ('',))` once exhausted.
fn unicodeiter_reduce(obj: &PyObject) -> PyResult {
    let it = as_unicode_iter(obj);
    let iter = crate::iterobject::_PyEval_GetBuiltin(crate::intern!("iter"))?;
    let t = match it.it_seq.get() {
        Some(seq) => vec![
            iter,
            crate::tupleobject::PyTuple_New(vec![seq]).into_object(),
            crate::longobject::PyLong_FromSsize_t(it.it_index.get() as isize),
        ],
        None => vec![
            iter,
            crate::tupleobject::PyTuple_New(vec![unicode_empty()]).into_object(),
        ],
    };
    Ok(crate::tupleobject::PyTuple_New(t).into_object())
}

/// The iterator references the sequence until it is exhausted.
fn unicodeiter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: only installed on iterator types with this layout.
    let it = unsafe { &*(obj as *const PyObject as *const PyUnicodeIterObject) };
    // SAFETY: traversal runs no Python code.
    if let Some(seq) = unsafe { it.it_seq.get_ref() } {
        visit(seq);
    }
}

unsafe fn unicodeiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead iterator.
    unsafe { dealloc_object::<PyUnicodeIterObject>(op) }
}

static UNICODEITER_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(unicodeiter_reduce),
        "Return state information for pickling.",
    ),
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(unicodeiter_len),
        "Private method returning an estimate of len(list(it)).",
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(unicodeiter_setstate),
        "Set state information for unpickling.",
    ),
];

/// `str_iterator`.
pub static PyUnicodeIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "str_iterator",
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_traverse: slot(unicodeiter_traverse),
    tp_basicsize: Cell::new(size_of::<PyUnicodeIterObject>()),
    tp_dealloc: slot(unicodeiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_iter: slot(unicodeiter_iter),
    tp_iternext: slot(unicodeiter_next),
    tp_methods: &UNICODEITER_METHODS,
    ..PyTypeObject::DEFAULT
};

/// `str_ascii_iterator`.
pub static PyUnicodeASCIIIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "str_ascii_iterator",
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_traverse: slot(unicodeiter_traverse),
    tp_basicsize: Cell::new(size_of::<PyUnicodeIterObject>()),
    tp_dealloc: slot(unicodeiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_iter: slot(unicodeiter_iter),
    tp_iternext: slot(unicodeiter_next),
    tp_methods: &UNICODEITER_METHODS,
    ..PyTypeObject::DEFAULT
};

/// The helper types of this file, for start-up (`str` itself is listed in lib.rs).
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyUnicodeIter_Type, &PyUnicodeASCIIIter_Type]
}

// --- Methods --------------------------------------------------------------------------

#[inline]
fn py_bool(b: bool) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(b))
}

#[inline]
fn py_int(n: usize) -> PyObjectRef {
    crate::longobject::PyLong_FromSsize_t(n as isize)
}

/// The arity check of the methods that still parse with `PyArg_ParseTuple`
/// (`find`, `count`, `startswith`, ...): "find() takes at least 1 argument (0 given)".
pub(crate) fn check_old_style_args(
    fname: &str,
    nargs: usize,
    min: usize,
    max: usize,
) -> PyResult<()> {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if nargs < min {
        return Err(type_error(format!(
            "{fname}() takes at least {min} argument{} ({nargs} given)",
            plural(min)
        )));
    }
    if nargs > max {
        return Err(type_error(format!(
            "{fname}() takes at most {max} argument{} ({nargs} given)",
            plural(max)
        )));
    }
    Ok(())
}

/// The type name in Argument Clinic's conversion errors (`_PyArg_BadArgument`):
/// "None" for `None`, the type's name otherwise.
pub(crate) fn clinic_type_name(obj: &PyObject) -> &str {
    if obj.is(Py_None()) {
        "None"
    } else {
        obj.ob_type().name()
    }
}

/// Argument Clinic's `Py_ssize_t` converter: `__index__`, then
/// "Python int too large to convert to C ssize_t" on overflow.
pub(crate) fn ssize_arg(obj: &PyObject) -> PyResult<isize> {
    if let Some(l) = obj.downcast_ref::<crate::longobject::PyLongObject>() {
        if let Some(v) = l.as_i64() {
            return Ok(v as isize);
        }
    }
    let i = crate::r#abstract::PyNumber_Index(obj)?;
    crate::longobject::PyLong_AsSsize_t(&i)
}

/// Argument Clinic's `int` converter (`_PyLong_AsInt`).
pub(crate) fn int_arg(obj: &PyObject) -> PyResult<i32> {
    let i = crate::r#abstract::PyNumber_Index(obj)?;
    match crate::longobject::PyLong_AsSsize_t_opt(&i).and_then(|v| i32::try_from(v).ok()) {
        Some(v) => Ok(v),
        None => Err(overflow_error("Python int too large to convert to C int")),
    }
}

/// The optional `start`/`end` of `find`-like methods (`stringlib_parse_args_finds`),
/// clamped like slice indexes to `0..=len` (`start` may exceed `end`).
pub(crate) fn parse_start_end(args: &[PyObjectRef], len: usize) -> PyResult<(usize, usize)> {
    let (start, end) = parse_start_end_raw(args)?;
    Ok(stringlib::adjust_indices(start, end, len))
}

/// The optional `start`/`end` as given (not yet clamped); CPython converts them
/// before it looks at the `sub` argument, so their errors come first.
pub(crate) fn parse_start_end_raw(args: &[PyObjectRef]) -> PyResult<(isize, isize)> {
    let conv = |o: Option<&PyObjectRef>, default: isize| -> PyResult<isize> {
        match o {
            Some(o) if !o.is(Py_None()) => crate::sliceobject::_PyEval_SliceIndex(o),
            _ => Ok(default),
        }
    };
    Ok((conv(args.get(1), 0)?, conv(args.get(2), isize::MAX)?))
}

/// `self` unchanged: the object itself for an exact str, a plain copy for a
/// subclass instance (`unicode_result_unchanged`).
fn unicode_result_unchanged(obj: &PyObject) -> PyObjectRef {
    let u = as_unicode(obj);
    unicode_substring(u, 0, u.len())
}

fn str_arg(obj: &PyObject, msg: impl FnOnce() -> String) -> PyResult<&PyUnicodeObject> {
    obj.downcast_ref::<PyUnicodeObject>()
        .ok_or_else(|| type_error(msg()))
}

/// `str.join(iterable)` (`PyUnicode_Join`).
pub fn PyUnicode_Join(sep: &PyObject, iterable: &PyObject) -> PyResult {
    str_arg(sep, || {
        format!(
            "separator: expected str instance, {} found",
            sep.ob_type().name()
        )
    })?;
    let items = crate::r#abstract::PySequence_Fast(iterable, "can only join an iterable")?;
    _PyUnicode_JoinArray(sep, &items)
}

/// `_PyUnicode_JoinArray`: join strings already in hand (what `BUILD_STRING` and
/// `str.join` need, without building a tuple first).
pub fn _PyUnicode_JoinArray(sep: &PyObject, items: &[PyObjectRef]) -> PyResult {
    let sepu = str_arg(sep, || {
        format!(
            "separator: expected str instance, {} found",
            sep.ob_type().name()
        )
    })?;
    if items.is_empty() {
        return Ok(unicode_empty());
    }
    if items.len() == 1 && items[0].is_type(&PyUnicode_Type) {
        return Ok(items[0].clone());
    }
    let mut total: usize = sepu.len().saturating_mul(items.len() - 1);
    let mut all_latin1 = sepu.kind() == 1;
    let mut ascii = sepu.ascii;
    for (i, it) in items.iter().enumerate() {
        let Some(u) = it.downcast_ref::<PyUnicodeObject>() else {
            return Err(type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                it.ob_type().name()
            )));
        };
        all_latin1 &= u.kind() == 1;
        ascii &= u.ascii;
        total = total
            .checked_add(u.len())
            .ok_or_else(|| overflow_error("join() result is too long for a Python string"))?;
    }
    if all_latin1 {
        let sepb = sepu.latin1().unwrap_or(&[]);
        let mut out: Vec<u8> = try_vec(total)?;
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(sepb);
            }
            out.extend_from_slice(as_unicode(it).latin1().unwrap_or(&[]));
        }
        return Ok(new_unicode(StrData::Latin1(out.into()), ascii));
    }
    let mut w = _PyUnicodeWriter::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            w.push_unicode(sepu);
        }
        w.push_unicode(as_unicode(it));
    }
    Ok(w.finish())
}

fn str_join(obj: &PyObject, iterable: &PyObject) -> PyResult {
    PyUnicode_Join(obj, iterable)
}

// startswith / endswith / find / index / count

fn tailmatch(
    hay: &PyUnicodeObject,
    needle: &PyUnicodeObject,
    start: usize,
    end: usize,
    at_end: bool,
) -> bool {
    if needle.is_empty() {
        return start <= end.min(hay.len()) && start <= hay.len();
    }
    same_kind!(
        hay,
        needle,
        |h, n| stringlib::tailmatch(h, n, start, end, at_end),
        false
    )
}

fn starts_or_ends(obj: &PyObject, args: &[PyObjectRef], at_end: bool) -> PyResult {
    let fname = if at_end { "endswith" } else { "startswith" };
    check_old_style_args(fname, args.len(), 1, 3)?;
    let u = as_unicode(obj);
    let (start, end) = parse_start_end(args, u.len())?;
    if let Some(t) = args[0].downcast_ref::<crate::tupleobject::PyTupleObject>() {
        for item in t.as_slice() {
            let needle = str_arg(item, || {
                format!(
                    "tuple for {fname} must only contain str, not {}",
                    item.ob_type().name()
                )
            })?;
            if tailmatch(u, needle, start, end, at_end) {
                return py_bool(true);
            }
        }
        return py_bool(false);
    }
    let needle = str_arg(&args[0], || {
        format!(
            "{fname} first arg must be str or a tuple of str, not {}",
            args[0].ob_type().name()
        )
    })?;
    py_bool(tailmatch(u, needle, start, end, at_end))
}

fn str_startswith(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    starts_or_ends(obj, args, false)
}

fn str_endswith(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    starts_or_ends(obj, args, true)
}

fn find_impl(
    obj: &PyObject,
    args: &[PyObjectRef],
    fname: &str,
    right: bool,
) -> PyResult<Option<usize>> {
    check_old_style_args(fname, args.len(), 1, 3)?;
    let u = as_unicode(obj);
    let (start, end) = parse_start_end(args, u.len())?;
    let needle = str_arg(&args[0], || {
        format!("must be str, not {}", args[0].ob_type().name())
    })?;
    if start > u.len() {
        return Ok(None);
    }
    Ok(if right {
        rfind_sub(u, needle, start, end)
    } else {
        find_sub(u, needle, start, end)
    })
}

fn str_find(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    Ok(match find_impl(obj, args, "find", false)? {
        Some(i) => py_int(i),
        None => crate::longobject::PyLong_FromLong(-1),
    })
}

fn str_rfind(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    Ok(match find_impl(obj, args, "rfind", true)? {
        Some(i) => py_int(i),
        None => crate::longobject::PyLong_FromLong(-1),
    })
}

fn str_index(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    match find_impl(obj, args, "index", false)? {
        Some(i) => Ok(py_int(i)),
        None => Err(value_error("substring not found")),
    }
}

fn str_rindex(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    match find_impl(obj, args, "rindex", true)? {
        Some(i) => Ok(py_int(i)),
        None => Err(value_error("substring not found")),
    }
}

fn str_count(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_old_style_args("count", args.len(), 1, 3)?;
    let u = as_unicode(obj);
    let (start, end) = parse_start_end(args, u.len())?;
    let needle = str_arg(&args[0], || {
        format!("must be str, not {}", args[0].ob_type().name())
    })?;
    if start > u.len() || end < start {
        return Ok(py_int(0));
    }
    if needle.is_empty() {
        return Ok(py_int(end - start + 1));
    }
    let n = same_kind!(
        u,
        needle,
        |h, nd| stringlib::count(&h[start..end], nd, usize::MAX),
        0
    );
    Ok(py_int(n))
}

// split / rsplit / splitlines / partition

/// Substrings of `u` for a list of ranges (an exact str yields itself for the
/// whole-string range).
fn ranges_to_list(u: &PyUnicodeObject, ranges: Vec<Range<usize>>) -> PyResult {
    let items: Vec<PyObjectRef> = ranges
        .into_iter()
        .map(|r| unicode_substring(u, r.start, r.end))
        .collect();
    Ok(crate::listobject::PyList_New(items).into_object())
}

fn whitespace_ranges(u: &PyUnicodeObject, maxsplit: isize, right: bool) -> Vec<Range<usize>> {
    macro_rules! go {
        ($d:expr) => {
            if right {
                stringlib::rsplit_whitespace($d, |c| uc::is_space(c.into()), maxsplit)
            } else {
                stringlib::split_whitespace($d, |c| uc::is_space(c.into()), maxsplit)
            }
        };
    }
    match u.view() {
        StrView::Latin1(d) => go!(d),
        StrView::Ucs2(d) => go!(d),
        StrView::Ucs4(d) => go!(d),
    }
}

fn split_impl(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    right: bool,
) -> PyResult {
    let fname = if right { "rsplit" } else { "split" };
    let a = crate::getargs::parse_args(fname, args, kwnames, &["sep", "maxsplit"], 0)?;
    let maxsplit = match &a[1] {
        Some(m) => ssize_arg(m)?,
        None => -1,
    };
    let u = as_unicode(obj);
    let ranges = match a[0].as_ref().filter(|s| !s.is(Py_None())) {
        None if !right => {
            // The pieces go straight into the list (`stringlib_split_whitespace`).
            let mut items = Vec::new();
            macro_rules! go {
                ($d:expr) => {
                    stringlib::split_whitespace_each(
                        $d,
                        |c| uc::is_space(c.into()),
                        maxsplit,
                        |r| items.push(unicode_substring(u, r.start, r.end)),
                    )
                };
            }
            match u.view() {
                StrView::Latin1(d) => go!(d),
                StrView::Ucs2(d) => go!(d),
                StrView::Ucs4(d) => go!(d),
            }
            return Ok(crate::listobject::PyList_New(items).into_object());
        }
        None => whitespace_ranges(u, maxsplit, right),
        Some(sep) => {
            let sepu = str_arg(sep, || {
                format!("must be str or None, not {}", sep.ob_type().name())
            })?;
            if sepu.is_empty() {
                return Err(value_error("empty separator"));
            }
            same_kind!(
                u,
                sepu,
                |h, n| if right {
                    stringlib::rsplit(h, n, maxsplit)
                } else {
                    stringlib::split(h, n, maxsplit)
                },
                vec![0..u.len()]
            )
        }
    };
    ranges_to_list(u, ranges)
}

fn str_split(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    split_impl(obj, args, kwnames, false)
}

fn str_rsplit(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    split_impl(obj, args, kwnames, true)
}

fn str_splitlines(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = crate::getargs::parse_args("splitlines", args, kwnames, &["keepends"], 0)?;
    let keep = match &a[0] {
        Some(k) => int_arg(k)? != 0,
        None => false,
    };
    let u = as_unicode(obj);
    let ranges = match u.view() {
        StrView::Latin1(d) => stringlib::splitlines(d, |c| uc::is_linebreak(c as u32), keep),
        StrView::Ucs2(d) => stringlib::splitlines(d, |c| uc::is_linebreak(c as u32), keep),
        StrView::Ucs4(d) => stringlib::splitlines(d, uc::is_linebreak, keep),
    };
    ranges_to_list(u, ranges)
}

fn str_partition_impl(obj: &PyObject, sep: &PyObject, right: bool) -> PyResult {
    let u = as_unicode(obj);
    let sepu = str_arg(sep, || format!("must be str, not {}", sep.ob_type().name()))?;
    if sepu.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if right {
        rfind_sub(u, sepu, 0, u.len())
    } else {
        find_sub(u, sepu, 0, u.len())
    };
    // Not found: CPython returns `self` itself, even for a subclass instance.
    let parts = match found {
        Some(i) => vec![
            unicode_substring(u, 0, i),
            sep.to_owned(),
            unicode_substring(u, i + sepu.len(), u.len()),
        ],
        None if right => vec![unicode_empty(), unicode_empty(), obj.to_owned()],
        None => vec![obj.to_owned(), unicode_empty(), unicode_empty()],
    };
    Ok(crate::tupleobject::PyTuple_New(parts).into_object())
}

fn str_partition(obj: &PyObject, sep: &PyObject) -> PyResult {
    str_partition_impl(obj, sep, false)
}

fn str_rpartition(obj: &PyObject, sep: &PyObject) -> PyResult {
    str_partition_impl(obj, sep, true)
}

// strip / removeprefix / removesuffix

/// The characters to strip: whitespace for `None`, else the argument's characters
/// (`do_argstrip`).
fn strip_impl(
    obj: &PyObject,
    args: &[PyObjectRef],
    fname: &str,
    left: bool,
    right: bool,
) -> PyResult {
    check_positional(fname, args.len(), 0, 1)?;
    let u = as_unicode(obj);
    let chars = match args.first() {
        Some(a) if !a.is(Py_None()) => {
            Some(str_arg(a, || format!("{fname} arg must be None or str"))?)
        }
        _ => None,
    };
    let n = u.len();
    let (mut i, mut j) = (0, n);
    match (chars, u.latin1()) {
        (None, Some(d)) => {
            // One-byte string, whitespace: the common `line.strip()`.
            if left {
                while i < j && uc::is_space(d[i] as u32) {
                    i += 1;
                }
            }
            if right {
                while j > i && uc::is_space(d[j - 1] as u32) {
                    j -= 1;
                }
            }
        }
        (None, None) => {
            if left {
                while i < j && uc::is_space(u.char_at(i)) {
                    i += 1;
                }
            }
            if right {
                while j > i && uc::is_space(u.char_at(j - 1)) {
                    j -= 1;
                }
            }
        }
        (Some(set), _) => {
            // A 256-entry table answers for Latin-1 characters; wider ones search
            // the (short) argument.
            let mut table = [false; 256];
            let mut wide: Vec<u32> = Vec::new();
            for c in set.iter() {
                if c < 256 {
                    table[c as usize] = true;
                } else {
                    wide.push(c);
                }
            }
            let strip = |c: u32| {
                if c < 256 {
                    table[c as usize]
                } else {
                    wide.contains(&c)
                }
            };
            if left {
                while i < j && strip(u.char_at(i)) {
                    i += 1;
                }
            }
            if right {
                while j > i && strip(u.char_at(j - 1)) {
                    j -= 1;
                }
            }
        }
    }
    Ok(unicode_substring(u, i, j))
}

fn str_strip(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    strip_impl(obj, args, "strip", true, true)
}

fn str_lstrip(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    strip_impl(obj, args, "lstrip", true, false)
}

fn str_rstrip(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    strip_impl(obj, args, "rstrip", false, true)
}

fn str_removeprefix(obj: &PyObject, prefix: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    let p = str_arg(prefix, || {
        format!(
            "removeprefix() argument must be str, not {}",
            clinic_type_name(prefix)
        )
    })?;
    if !p.is_empty() && tailmatch(u, p, 0, u.len(), false) {
        return Ok(unicode_substring(u, p.len(), u.len()));
    }
    Ok(unicode_result_unchanged(obj))
}

fn str_removesuffix(obj: &PyObject, suffix: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    let s = str_arg(suffix, || {
        format!(
            "removesuffix() argument must be str, not {}",
            clinic_type_name(suffix)
        )
    })?;
    if !s.is_empty() && tailmatch(u, s, 0, u.len(), true) {
        return Ok(unicode_substring(u, 0, u.len() - s.len()));
    }
    Ok(unicode_result_unchanged(obj))
}

// replace

fn str_replace(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("replace", args.len(), 2, 3)?;
    let old = str_arg(&args[0], || {
        format!(
            "replace() argument 1 must be str, not {}",
            clinic_type_name(&args[0])
        )
    })?;
    let new = str_arg(&args[1], || {
        format!(
            "replace() argument 2 must be str, not {}",
            clinic_type_name(&args[1])
        )
    })?;
    let count = match args.get(2) {
        Some(c) => ssize_arg(c)?,
        None => -1,
    };
    let u = as_unicode(obj);
    PyUnicode_Replace(obj, u, old, new, count)
}

/// `replace()` in unicodeobject.c.
fn PyUnicode_Replace(
    obj: &PyObject,
    u: &PyUnicodeObject,
    old: &PyUnicodeObject,
    new: &PyUnicodeObject,
    count: isize,
) -> PyResult {
    if count == 0 || (old.len() > u.len()) {
        return Ok(unicode_result_unchanged(obj));
    }
    if let (StrData::Latin1(h), StrData::Latin1(o), StrData::Latin1(n)) =
        (&u.data, &old.data, &new.data)
    {
        return Ok(match stringlib::replace(h, o, n, count) {
            Some(v) => PyUnicode_FromUCS1(v),
            None => unicode_result_unchanged(obj),
        });
    }
    let maxcount = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut w = _PyUnicodeWriter::with_capacity(u.len());
    if old.is_empty() {
        let mut done = 0;
        for i in 0..u.len() {
            if done < maxcount {
                w.push_unicode(new);
                done += 1;
            }
            w.push_char(u.char_at(i));
        }
        if done < maxcount {
            w.push_unicode(new);
        }
        return Ok(w.finish());
    }
    // The match positions, then the pieces between them.
    let positions: Vec<usize> = same_kind!(
        u,
        old,
        |h, o| {
            use stringlib::{Elem, Searcher};
            let finder = Elem::finder(o);
            let mut v = Vec::new();
            let mut pos = 0;
            while v.len() < maxcount {
                match finder.search(&h[pos..]) {
                    Some(i) => {
                        v.push(pos + i);
                        pos += i + o.len();
                    }
                    None => break,
                }
            }
            v
        },
        Vec::new()
    );
    if positions.is_empty() {
        return Ok(unicode_result_unchanged(obj));
    }
    let mut pos = 0;
    for i in positions {
        w.push_substring(u, pos, i);
        w.push_unicode(new);
        pos = i + old.len();
    }
    w.push_substring(u, pos, u.len());
    Ok(w.finish())
}

// Case mapping

/// `lower_ucs4`: the lower-case mapping of `u[i]`, with the final-sigma rule.
fn lower_ucs4(u: &PyUnicodeObject, i: usize, c: u32, out: &mut Vec<u32>) {
    if c == 0x3A3 {
        out.push(handle_capital_sigma(u, i));
    } else {
        uc::to_lower_full(c, out);
    }
}

/// Capital sigma lowers to final sigma at the end of a word: after a cased letter
/// (skipping case-ignorable characters) and not before one (`handle_capital_sigma`).
fn handle_capital_sigma(u: &PyUnicodeObject, i: usize) -> u32 {
    let mut j = i;
    while j > 0 && uc::is_case_ignorable(u.char_at(j - 1)) {
        j -= 1;
    }
    let mut final_sigma = j > 0 && uc::is_cased(u.char_at(j - 1));
    if final_sigma {
        let mut k = i + 1;
        while k < u.len() && uc::is_case_ignorable(u.char_at(k)) {
            k += 1;
        }
        final_sigma = k == u.len() || !uc::is_cased(u.char_at(k));
    }
    if final_sigma {
        0x3C2
    } else {
        0x3C3
    }
}

/// Apply a per-character mapping that may depend on the position (for sigma and
/// title case), collecting the result with a writer.
fn case_map(u: &PyUnicodeObject, f: impl FnMut(usize, u32, &mut Vec<u32>)) -> PyObjectRef {
    case_map_ascii(u, None, f)
}

/// `case_map` with a byte-level mapping for ASCII characters, which need no table
/// lookup (most characters of most non-ASCII text are still ASCII).
fn case_map_ascii(
    u: &PyUnicodeObject,
    ascii: Option<fn(&u8) -> u8>,
    mut f: impl FnMut(usize, u32, &mut Vec<u32>),
) -> PyObjectRef {
    let mut w = _PyUnicodeWriter::with_capacity(u.len());
    let mut tmp: Vec<u32> = Vec::with_capacity(3);
    for i in 0..u.len() {
        let c = u.char_at(i);
        if let (Some(a), true) = (ascii, c < 0x80) {
            w.push_char(a(&(c as u8)) as u32);
            continue;
        }
        tmp.clear();
        f(i, c, &mut tmp);
        if tmp.len() == 1 {
            w.push_char(tmp[0]);
        } else {
            w.push_code_points(&tmp);
        }
    }
    w.finish()
}

/// An ASCII string's bytes, for the byte-level fast paths.
#[inline]
fn ascii_bytes(u: &PyUnicodeObject) -> Option<&[u8]> {
    if u.ascii {
        u.latin1()
    } else {
        None
    }
}

fn str_lower(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    if let Some(d) = ascii_bytes(u) {
        return Ok(new_unicode(
            StrData::Latin1(d.to_ascii_lowercase().into()),
            true,
        ));
    }
    Ok(case_map_ascii(
        u,
        Some(u8::to_ascii_lowercase),
        |i, c, out| lower_ucs4(u, i, c, out),
    ))
}

fn str_upper(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    if let Some(d) = ascii_bytes(u) {
        return Ok(new_unicode(
            StrData::Latin1(d.to_ascii_uppercase().into()),
            true,
        ));
    }
    Ok(case_map_ascii(
        u,
        Some(u8::to_ascii_uppercase),
        |_, c, out| uc::to_upper_full(c, out),
    ))
}

fn str_casefold(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    if let Some(d) = ascii_bytes(u) {
        return Ok(new_unicode(
            StrData::Latin1(d.to_ascii_lowercase().into()),
            true,
        ));
    }
    Ok(case_map_ascii(
        u,
        Some(u8::to_ascii_lowercase),
        |_, c, out| uc::to_fold_full(c, out),
    ))
}

fn str_swapcase(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    if let Some(d) = ascii_bytes(u) {
        let v: Vec<u8> = d
            .iter()
            .map(|&b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            })
            .collect();
        return Ok(new_unicode(StrData::Latin1(v.into()), true));
    }
    Ok(case_map(u, |i, c, out| {
        if uc::is_upper(c) {
            lower_ucs4(u, i, c, out)
        } else if uc::is_lower(c) {
            uc::to_upper_full(c, out)
        } else {
            out.push(c)
        }
    }))
}

fn str_capitalize(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    if u.is_empty() {
        return Ok(unicode_result_unchanged(obj));
    }
    if let Some(d) = ascii_bytes(u) {
        let mut v = d.to_ascii_lowercase();
        v[0] = v[0].to_ascii_uppercase();
        return Ok(new_unicode(StrData::Latin1(v.into()), true));
    }
    // The first character goes to title case (since 3.8), the rest to lower case.
    Ok(case_map(u, |i, c, out| {
        if i == 0 {
            uc::to_title_full(c, out)
        } else {
            lower_ucs4(u, i, c, out)
        }
    }))
}

fn str_title(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    if let Some(d) = ascii_bytes(u) {
        let mut prev_cased = false;
        let v: Vec<u8> = d
            .iter()
            .map(|&b| {
                let r = if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev_cased = b.is_ascii_alphabetic();
                r
            })
            .collect();
        return Ok(new_unicode(StrData::Latin1(v.into()), true));
    }
    let mut prev_cased = false;
    Ok(case_map(u, |i, c, out| {
        if prev_cased {
            lower_ucs4(u, i, c, out)
        } else {
            uc::to_title_full(c, out)
        }
        prev_cased = uc::is_cased(c);
    }))
}

// Predicates

fn pred_all(obj: &PyObject, ascii: fn(&u8) -> bool, f: fn(u32) -> bool) -> PyResult {
    let u = as_unicode(obj);
    if let Some(d) = ascii_bytes(u) {
        return py_bool(!d.is_empty() && d.iter().all(ascii));
    }
    py_bool(!u.is_empty() && u.iter().all(f))
}

fn str_isdigit(obj: &PyObject) -> PyResult {
    pred_all(obj, u8::is_ascii_digit, uc::is_digit)
}
fn str_isdecimal(obj: &PyObject) -> PyResult {
    pred_all(obj, u8::is_ascii_digit, uc::is_decimal)
}
fn str_isnumeric(obj: &PyObject) -> PyResult {
    pred_all(obj, u8::is_ascii_digit, uc::is_numeric)
}
fn str_isalpha(obj: &PyObject) -> PyResult {
    pred_all(obj, u8::is_ascii_alphabetic, uc::is_alpha)
}
fn str_isalnum(obj: &PyObject) -> PyResult {
    pred_all(obj, u8::is_ascii_alphanumeric, uc::is_alnum)
}
fn str_isspace(obj: &PyObject) -> PyResult {
    pred_all(obj, |&b| uc::is_space(b as u32), uc::is_space)
}
fn str_isascii(obj: &PyObject) -> PyResult {
    py_bool(as_unicode(obj).ascii)
}
fn str_isidentifier(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    let ok = !u.is_empty()
        && uc::is_xid_start(u.char_at(0))
        && u.iter().skip(1).all(uc::is_xid_continue);
    py_bool(ok)
}
fn str_isprintable(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    if let Some(d) = ascii_bytes(u) {
        return py_bool(d.iter().all(|&b| (0x20..0x7F).contains(&b)));
    }
    py_bool(u.iter().all(uc::is_printable))
}
fn str_islower(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    let mut cased = false;
    for c in u.iter() {
        if uc::is_upper(c) || uc::is_title(c) {
            return py_bool(false);
        }
        cased |= uc::is_lower(c);
    }
    py_bool(cased)
}
fn str_isupper(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    let mut cased = false;
    for c in u.iter() {
        if uc::is_lower(c) || uc::is_title(c) {
            return py_bool(false);
        }
        cased |= uc::is_upper(c);
    }
    py_bool(cased)
}
fn str_istitle(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    let mut cased = false;
    let mut prev_cased = false;
    for c in u.iter() {
        if uc::is_upper(c) || uc::is_title(c) {
            if prev_cased {
                return py_bool(false);
            }
            prev_cased = true;
            cased = true;
        } else if uc::is_lower(c) {
            if !prev_cased {
                return py_bool(false);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    py_bool(cased)
}

// Padding

/// Argument Clinic's `Py_UCS4` converter for `fillchar`.
fn fillchar_arg(f: &PyObject) -> PyResult<u32> {
    let fu = str_arg(f, || {
        format!(
            "The fill character must be a unicode character, not {}",
            f.ob_type().name()
        )
    })?;
    if fu.len() != 1 {
        return Err(type_error(
            "The fill character must be exactly one character long",
        ));
    }
    Ok(fu.char_at(0))
}

/// `pad(self, left, right, fill)`.
fn pad(u: &PyUnicodeObject, left: usize, right: usize, fill: u32) -> PyResult {
    let total = u.len() + left + right;
    if let (Some(d), true) = (u.latin1(), fill < 256) {
        let mut v: Vec<u8> = try_vec(total)?;
        v.resize(left, fill as u8);
        v.extend_from_slice(d);
        v.resize(total, fill as u8);
        return Ok(PyUnicode_FromUCS1(v));
    }
    let mut w = _PyUnicodeWriter::with_capacity(total);
    w.push_repeat(fill, left)?;
    w.push_unicode(u);
    w.push_repeat(fill, right)?;
    Ok(w.finish())
}

/// `ljust`/`rjust`/`center`: pad to `width` with `fillchar`.
fn justify(obj: &PyObject, args: &[PyObjectRef], fname: &str, how: char) -> PyResult {
    check_positional(fname, args.len(), 1, 2)?;
    let width = ssize_arg(&args[0])?;
    let fill = match args.get(1) {
        None => ' ' as u32,
        Some(f) => fillchar_arg(f)?,
    };
    let u = as_unicode(obj);
    let len = u.len() as isize;
    if width <= len {
        return Ok(unicode_result_unchanged(obj));
    }
    let marg = (width - len) as usize;
    let (l, r) = match how {
        'l' => (0, marg),
        'r' => (marg, 0),
        _ => {
            // CPython's centring puts the odd character on the left when the
            // width is odd too.
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    pad(u, l, r, fill)
}

fn str_ljust(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    justify(obj, args, "ljust", 'l')
}
fn str_rjust(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    justify(obj, args, "rjust", 'r')
}
fn str_center(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    justify(obj, args, "center", 'c')
}

fn str_zfill(obj: &PyObject, width: &PyObject) -> PyResult {
    let width = ssize_arg(width)?;
    let u = as_unicode(obj);
    let len = u.len() as isize;
    if width <= len {
        return Ok(unicode_result_unchanged(obj));
    }
    let fill = (width - len) as usize;
    let mut w = _PyUnicodeWriter::with_capacity(width as usize);
    let sign = !u.is_empty() && (u.char_at(0) == '+' as u32 || u.char_at(0) == '-' as u32);
    if sign {
        w.push_char(u.char_at(0));
    }
    w.push_repeat('0' as u32, fill)?;
    w.push_substring(u, sign as usize, u.len());
    Ok(w.finish())
}

fn str_expandtabs(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = crate::getargs::parse_args("expandtabs", args, kwnames, &["tabsize"], 0)?;
    let tabsize = match &a[0] {
        Some(t) => int_arg(t)? as isize,
        None => 8,
    };
    let u = as_unicode(obj);
    let too_long = || overflow_error("new string is too long");
    Ok(match u.view() {
        StrView::Latin1(d) => {
            if memchr::memchr(b'\t', d).is_none() {
                return Ok(unicode_result_unchanged(obj));
            }
            PyUnicode_FromUCS1(stringlib::expandtabs(d, tabsize, b' ').ok_or_else(too_long)?)
        }
        StrView::Ucs2(d) => {
            PyUnicode_FromUCS2(stringlib::expandtabs(d, tabsize, b' ' as u16).ok_or_else(too_long)?)
        }
        StrView::Ucs4(d) => {
            PyUnicode_FromUCS4(stringlib::expandtabs(d, tabsize, b' ' as u32).ok_or_else(too_long)?)
        }
    })
}

// translate / maketrans

/// What a translation table says about one character.
#[derive(Clone)]
enum Mapped {
    Keep,
    Delete,
    Char(u32),
    Text(PyObjectRef),
}

/// `charmaptranslate_lookup`: `table[ord(c)]`, a missing key meaning "unchanged".
fn translate_lookup(table: &PyObject, c: u32) -> PyResult<Mapped> {
    let key = crate::longobject::PyLong_FromLong(c as i64);
    let v = match crate::r#abstract::PyObject_GetItem(table, &key) {
        Ok(v) => v,
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_LookupError) => return Ok(Mapped::Keep),
        Err(e) => return Err(e),
    };
    if v.is(Py_None()) {
        return Ok(Mapped::Delete);
    }
    if let Some(l) = v.downcast_ref::<crate::longobject::PyLongObject>() {
        return match l.as_i64() {
            Some(n) if (0..=0x10FFFF).contains(&n) => Ok(Mapped::Char(n as u32)),
            _ => Err(value_error("character mapping must be in range(0x110000)")),
        };
    }
    if PyUnicodeObject::check(&v) {
        return Ok(Mapped::Text(v));
    }
    Err(type_error(
        "character mapping must return integer, None or str",
    ))
}

fn str_translate(obj: &PyObject, table: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    // Each distinct character is looked up once; Latin-1 ones in an array.
    let mut small: Vec<Option<Mapped>> = vec![None; 256];
    let mut big: hashbrown::HashMap<u32, Mapped> = hashbrown::HashMap::new();
    let mut w = _PyUnicodeWriter::with_capacity(u.len());
    for i in 0..u.len() {
        let c = u.char_at(i);
        let cached = if c < 256 {
            small[c as usize].clone()
        } else {
            big.get(&c).cloned()
        };
        let m = match cached {
            Some(m) => m,
            None => {
                let m = translate_lookup(table, c)?;
                if c < 256 {
                    small[c as usize] = Some(m.clone());
                } else {
                    big.insert(c, m.clone());
                }
                m
            }
        };
        match m {
            Mapped::Keep => w.push_char(c),
            Mapped::Delete => {}
            Mapped::Char(d) => w.push_char(d),
            Mapped::Text(t) => w.push_unicode(as_unicode(&t)),
        }
    }
    // Like CPython, the result is always a new string (even if nothing changed).
    Ok(w.finish())
}

/// `str.maketrans(x[, y[, z]])`.
fn str_maketrans(_: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("maketrans", args.len(), 1, 3)?;
    for (i, a) in args.iter().enumerate().skip(1) {
        if !PyUnicodeObject::check(a) {
            return Err(type_error(format!(
                "maketrans() argument {} must be str, not {}",
                i + 1,
                clinic_type_name(a)
            )));
        }
    }
    let new = crate::dictobject::PyDict_New();
    let x = &args[0];
    if let Some(y) = args.get(1) {
        let Some(xu) = x.downcast_ref::<PyUnicodeObject>() else {
            return Err(type_error(
                "first maketrans argument must be a string if there is a second argument",
            ));
        };
        let yu = as_unicode(y);
        if xu.len() != yu.len() {
            return Err(value_error(
                "the first two maketrans arguments must have equal length",
            ));
        }
        for i in 0..xu.len() {
            let k = crate::longobject::PyLong_FromLong(xu.char_at(i) as i64);
            let v = crate::longobject::PyLong_FromLong(yu.char_at(i) as i64);
            crate::dictobject::PyDict_SetItem(&new, &k, &v)?;
        }
        if let Some(z) = args.get(2) {
            for c in as_unicode(z).iter() {
                let k = crate::longobject::PyLong_FromLong(c as i64);
                crate::dictobject::PyDict_SetItem(&new, &k, Py_None())?;
            }
        }
    } else {
        let Some(d) = x.downcast_ref::<crate::dictobject::PyDictObject>() else {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        for (k, v) in crate::dictobject::PyDict_Items_vec(d) {
            if let Some(ku) = k.downcast_ref::<PyUnicodeObject>() {
                if ku.len() != 1 {
                    return Err(value_error(
                        "string keys in translate table must be of length 1",
                    ));
                }
                let nk = crate::longobject::PyLong_FromLong(ku.char_at(0) as i64);
                crate::dictobject::PyDict_SetItem(&new, &nk, &v)?;
            } else if crate::longobject::PyLongObject::check(&k) {
                crate::dictobject::PyDict_SetItem(&new, &k, &v)?;
            } else {
                return Err(type_error(
                    "keys in translate table must be strings or integers",
                ));
            }
        }
    }
    Ok(new.into_object())
}

// encode / format / misc

/// The `encoding`/`errors` arguments of `encode`/`decode`, type-checked as
/// Argument Clinic's `str` converter does.
pub(crate) fn parse_encoding_args(
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<(Option<PyObjectRef>, Option<PyObjectRef>)> {
    let a = crate::getargs::parse_args(fname, args, kwnames, &["encoding", "errors"], 0)?;
    for (i, name) in [(0, "encoding"), (1, "errors")] {
        if let Some(v) = &a[i] {
            let Some(u) = v.downcast_ref::<PyUnicodeObject>() else {
                return Err(type_error(format!(
                    "{fname}() argument '{name}' must be str, not {}",
                    clinic_type_name(v)
                )));
            };
            if u.iter().any(|c| c == 0) {
                return Err(crate::pyerrors::PyErr_SetString(
                    &crate::exceptions::PyExc_ValueError,
                    "embedded null character",
                ));
            }
            as_str_strict(v)?;
        }
    }
    let mut it = a.into_iter();
    let enc = it.next().flatten();
    let err = it.next().flatten();
    Ok((enc, err))
}

fn str_encode(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let (enc, err) = parse_encoding_args("encode", args, kwnames)?;
    crate::codecs::encode_str(obj, enc.as_deref(), err.as_deref())
}

fn str_format(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    crate::unicode_format::do_string_format(obj, args, kwnames)
}

fn str_format_map(obj: &PyObject, mapping: &PyObject) -> PyResult {
    crate::unicode_format::do_string_format_map(obj, mapping)
}

/// `str.__format__(format_spec)`.
fn str___format__(obj: &PyObject, spec: &PyObject) -> PyResult {
    let Some(su) = spec.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            clinic_type_name(spec)
        )));
    };
    if su.is_empty() {
        // An empty spec means str(self): a subclass's own __str__ applies.
        if obj.is_type(&PyUnicode_Type) {
            return Ok(obj.to_owned());
        }
        return PyObject_Str(obj);
    }
    crate::formatter_unicode::_PyUnicode_FormatAdvanced(obj, spec)
}

fn str_sizeof(obj: &PyObject) -> PyResult {
    let u = as_unicode(obj);
    // CPython's compact layouts: a 48-byte header for ASCII strings (`PyASCIIObject`),
    // 72 bytes for others (`PyCompactUnicodeObject`), then the characters and a
    // terminating NUL in the string's width.
    let header = if u.ascii { 48 } else { 72 };
    let size = header + (u.len() + 1) * u.kind();
    Ok(py_int(size))
}

/// `_PyUnicode_Copy`: a new exact `str` with `u`'s characters (the empty string
/// is the singleton, as `PyUnicode_New(0, ...)` gives).
pub fn _PyUnicode_Copy(u: &PyUnicodeObject) -> PyObjectRef {
    if u.is_empty() {
        return unicode_empty();
    }
    new_unicode(u.data.clone(), u.ascii)
}

/// `unicode_getnewargs`: `(copy,)`, always a new string as CPython's.
fn str_getnewargs(obj: &PyObject) -> PyResult {
    let copy = _PyUnicode_Copy(as_unicode(obj));
    Ok(crate::tupleobject::PyTuple_New(vec![copy]).into_object())
}

static UNICODE_METHODS: [PyMethodDef; 50] = [
    PyMethodDef::new("encode", PyCFunction::FastKw(str_encode), doc::ENCODE),
    PyMethodDef::new("replace", PyCFunction::Fast(str_replace), doc::REPLACE),
    PyMethodDef::new("split", PyCFunction::FastKw(str_split), doc::SPLIT),
    PyMethodDef::new("rsplit", PyCFunction::FastKw(str_rsplit), doc::RSPLIT),
    PyMethodDef::new("join", PyCFunction::O(str_join), doc::JOIN),
    PyMethodDef::new(
        "capitalize",
        PyCFunction::NoArgs(str_capitalize),
        doc::CAPITALIZE,
    ),
    PyMethodDef::new("casefold", PyCFunction::NoArgs(str_casefold), doc::CASEFOLD),
    PyMethodDef::new("title", PyCFunction::NoArgs(str_title), doc::TITLE),
    PyMethodDef::new("center", PyCFunction::Fast(str_center), doc::CENTER),
    PyMethodDef::new("count", PyCFunction::Fast(str_count), doc::COUNT),
    PyMethodDef::new(
        "expandtabs",
        PyCFunction::FastKw(str_expandtabs),
        doc::EXPANDTABS,
    ),
    PyMethodDef::new("find", PyCFunction::Fast(str_find), doc::FIND),
    PyMethodDef::new("partition", PyCFunction::O(str_partition), doc::PARTITION),
    PyMethodDef::new("index", PyCFunction::Fast(str_index), doc::INDEX),
    PyMethodDef::new("ljust", PyCFunction::Fast(str_ljust), doc::LJUST),
    PyMethodDef::new("lower", PyCFunction::NoArgs(str_lower), doc::LOWER),
    PyMethodDef::new("lstrip", PyCFunction::Fast(str_lstrip), doc::LSTRIP),
    PyMethodDef::new("rfind", PyCFunction::Fast(str_rfind), doc::RFIND),
    PyMethodDef::new("rindex", PyCFunction::Fast(str_rindex), doc::RINDEX),
    PyMethodDef::new("rjust", PyCFunction::Fast(str_rjust), doc::RJUST),
    PyMethodDef::new("rstrip", PyCFunction::Fast(str_rstrip), doc::RSTRIP),
    PyMethodDef::new(
        "rpartition",
        PyCFunction::O(str_rpartition),
        doc::RPARTITION,
    ),
    PyMethodDef::new(
        "splitlines",
        PyCFunction::FastKw(str_splitlines),
        doc::SPLITLINES,
    ),
    PyMethodDef::new("strip", PyCFunction::Fast(str_strip), doc::STRIP),
    PyMethodDef::new("swapcase", PyCFunction::NoArgs(str_swapcase), doc::SWAPCASE),
    PyMethodDef::new("translate", PyCFunction::O(str_translate), doc::TRANSLATE),
    PyMethodDef::new("upper", PyCFunction::NoArgs(str_upper), doc::UPPER),
    PyMethodDef::new(
        "startswith",
        PyCFunction::Fast(str_startswith),
        doc::STARTSWITH,
    ),
    PyMethodDef::new("endswith", PyCFunction::Fast(str_endswith), doc::ENDSWITH),
    PyMethodDef::new(
        "removeprefix",
        PyCFunction::O(str_removeprefix),
        doc::REMOVEPREFIX,
    ),
    PyMethodDef::new(
        "removesuffix",
        PyCFunction::O(str_removesuffix),
        doc::REMOVESUFFIX,
    ),
    PyMethodDef::new("isascii", PyCFunction::NoArgs(str_isascii), doc::ISASCII),
    PyMethodDef::new("islower", PyCFunction::NoArgs(str_islower), doc::ISLOWER),
    PyMethodDef::new("isupper", PyCFunction::NoArgs(str_isupper), doc::ISUPPER),
    PyMethodDef::new("istitle", PyCFunction::NoArgs(str_istitle), doc::ISTITLE),
    PyMethodDef::new("isspace", PyCFunction::NoArgs(str_isspace), doc::ISSPACE),
    PyMethodDef::new(
        "isdecimal",
        PyCFunction::NoArgs(str_isdecimal),
        doc::ISDECIMAL,
    ),
    PyMethodDef::new("isdigit", PyCFunction::NoArgs(str_isdigit), doc::ISDIGIT),
    PyMethodDef::new(
        "isnumeric",
        PyCFunction::NoArgs(str_isnumeric),
        doc::ISNUMERIC,
    ),
    PyMethodDef::new("isalpha", PyCFunction::NoArgs(str_isalpha), doc::ISALPHA),
    PyMethodDef::new("isalnum", PyCFunction::NoArgs(str_isalnum), doc::ISALNUM),
    PyMethodDef::new(
        "isidentifier",
        PyCFunction::NoArgs(str_isidentifier),
        doc::ISIDENTIFIER,
    ),
    PyMethodDef::new(
        "isprintable",
        PyCFunction::NoArgs(str_isprintable),
        doc::ISPRINTABLE,
    ),
    PyMethodDef::new("zfill", PyCFunction::O(str_zfill), doc::ZFILL),
    PyMethodDef::new("format", PyCFunction::FastKw(str_format), doc::FORMAT),
    PyMethodDef::new(
        "format_map",
        PyCFunction::O(str_format_map),
        doc::FORMAT_MAP,
    ),
    PyMethodDef::new(
        "__format__",
        PyCFunction::O(str___format__),
        doc::DUNDER_FORMAT,
    ),
    PyMethodDef::new(
        "maketrans",
        PyCFunction::Fast(str_maketrans),
        doc::MAKETRANS,
    )
    .with_flags(METH_STATIC),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(str_sizeof),
        doc::DUNDER_SIZEOF,
    ),
    PyMethodDef::new(
        "__getnewargs__",
        PyCFunction::NoArgs(str_getnewargs),
        doc::DUNDER_GETNEWARGS,
    ),
];

/// `str`.
pub static PyUnicode_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "str",
    tp_basicsize: Cell::new(CPYTHON_UNICODE_BASICSIZE),
    tp_dealloc: slot(unicode_dealloc),
    tp_repr: slot(unicode_repr),
    tp_as_number: PyNumberMethods {
        nb_remainder: slot(unicode_mod),
        ..PyNumberMethods::EMPTY
    },
    tp_as_sequence: PySequenceMethods {
        sq_length: slot(unicode_length),
        sq_concat: slot(PyUnicode_Concat),
        sq_repeat: slot(unicode_repeat),
        sq_item: slot(unicode_item),
        sq_contains: slot(unicode_contains),
        ..PySequenceMethods::EMPTY
    },
    tp_as_mapping: PyMappingMethods {
        mp_length: slot(unicode_length),
        mp_subscript: slot(unicode_subscript),
        mp_ass_subscript: include::cpython::object::no_slot(),
    },
    tp_hash: slot(unicode_hash_slot),
    tp_str: slot(unicode_str),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_MATCH_SELF),
    tp_doc: Some("str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if defined)\nor repr(object).\nencoding defaults to sys.getdefaultencoding().\nerrors defaults to 'strict'."),
    tp_richcompare: slot(unicode_richcompare),
    tp_iter: slot(unicode_iter),
    tp_methods: &UNICODE_METHODS,
    tp_new: slot(unicode_new),
    ..PyTypeObject::DEFAULT
};

/// Docstrings of the methods, as CPython 3.11 gives them (`__doc__` and
/// `__text_signature__`).
mod doc {
    pub const ENCODE: &str = "encode($self, /, encoding='utf-8', errors='strict')\n--\n\nEncode the string using the codec registered for encoding.\n\n  encoding\n    The encoding in which to encode the string.\n  errors\n    The error handling scheme to use for encoding errors.\n    The default is 'strict' meaning that encoding errors raise a\n    UnicodeEncodeError.  Other possible values are 'ignore', 'replace' and\n    'xmlcharrefreplace' as well as any other name registered with\n    codecs.register_error that can handle UnicodeEncodeErrors.";
    pub const REPLACE: &str = "replace($self, old, new, count=-1, /)\n--\n\nReturn a copy with all occurrences of substring old replaced by new.\n\n  count\n    Maximum number of occurrences to replace.\n    -1 (the default value) means replace all occurrences.\n\nIf the optional argument count is given, only the first count occurrences are\nreplaced.";
    pub const SPLIT: &str = "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string.\n\n  sep\n    The separator used to split the string.\n\n    When set to None (the default value), will split on any whitespace\n    character (including \\n \\r \\t \\f and spaces) and will discard\n    empty strings from the result.\n  maxsplit\n    Maximum number of splits (starting from the left).\n    -1 (the default value) means no limit.\n\nNote, str.split() is mainly useful for data that has been intentionally\ndelimited.  With natural text that includes punctuation, consider using\nthe regular expression module.";
    pub const RSPLIT: &str = "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string.\n\n  sep\n    The separator used to split the string.\n\n    When set to None (the default value), will split on any whitespace\n    character (including \\n \\r \\t \\f and spaces) and will discard\n    empty strings from the result.\n  maxsplit\n    Maximum number of splits (starting from the left).\n    -1 (the default value) means no limit.\n\nSplitting starts at the end of the string and works to the front.";
    pub const JOIN: &str = "join($self, iterable, /)\n--\n\nConcatenate any number of strings.\n\nThe string whose method is called is inserted in between each given string.\nThe result is returned as a new string.\n\nExample: '.'.join(['ab', 'pq', 'rs']) -> 'ab.pq.rs'";
    pub const CAPITALIZE: &str = "capitalize($self, /)\n--\n\nReturn a capitalized version of the string.\n\nMore specifically, make the first character have upper case and the rest lower\ncase.";
    pub const CASEFOLD: &str = "casefold($self, /)\n--\n\nReturn a version of the string suitable for caseless comparisons.";
    pub const TITLE: &str = "title($self, /)\n--\n\nReturn a version of the string where each word is titlecased.\n\nMore specifically, words start with uppercased characters and all remaining\ncased characters have lower case.";
    pub const CENTER: &str = "center($self, width, fillchar=' ', /)\n--\n\nReturn a centered string of length width.\n\nPadding is done using the specified fill character (default is a space).";
    pub const COUNT: &str = "S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of substring sub in\nstring S[start:end].  Optional arguments start and end are\ninterpreted as in slice notation.";
    pub const EXPANDTABS: &str = "expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces.\n\nIf tabsize is not given, a tab size of 8 characters is assumed.";
    pub const FIND: &str = "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure.";
    pub const PARTITION: &str = "partition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator.\n\nThis will search for the separator in the string.  If the separator is found,\nreturns a 3-tuple containing the part before the separator, the separator\nitself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing the original string\nand two empty strings.";
    pub const INDEX: &str = "S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the substring is not found.";
    pub const LJUST: &str = "ljust($self, width, fillchar=' ', /)\n--\n\nReturn a left-justified string of length width.\n\nPadding is done using the specified fill character (default is a space).";
    pub const LOWER: &str =
        "lower($self, /)\n--\n\nReturn a copy of the string converted to lowercase.";
    pub const LSTRIP: &str = "lstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead.";
    pub const RFIND: &str = "S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure.";
    pub const RINDEX: &str = "S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nRaises ValueError when the substring is not found.";
    pub const RJUST: &str = "rjust($self, width, fillchar=' ', /)\n--\n\nReturn a right-justified string of length width.\n\nPadding is done using the specified fill character (default is a space).";
    pub const RSTRIP: &str = "rstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with trailing whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead.";
    pub const RPARTITION: &str = "rpartition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator.\n\nThis will search for the separator in the string, starting at the end. If\nthe separator is found, returns a 3-tuple containing the part before the\nseparator, the separator itself, and the part after it.\n\nIf the separator is not found, returns a 3-tuple containing two empty strings\nand the original string.";
    pub const SPLITLINES: &str = "splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the string, breaking at line boundaries.\n\nLine breaks are not included in the resulting list unless keepends is given and\ntrue.";
    pub const STRIP: &str = "strip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading and trailing whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead.";
    pub const SWAPCASE: &str = "swapcase($self, /)\n--\n\nConvert uppercase characters to lowercase and lowercase characters to uppercase.";
    pub const TRANSLATE: &str = "translate($self, table, /)\n--\n\nReplace each character in the string using the given translation table.\n\n  table\n    Translation table, which must be a mapping of Unicode ordinals to\n    Unicode ordinals, strings, or None.\n\nThe table must implement lookup/indexing via __getitem__, for instance a\ndictionary or list.  If this operation raises LookupError, the character is\nleft untouched.  Characters mapped to None are deleted.";
    pub const UPPER: &str =
        "upper($self, /)\n--\n\nReturn a copy of the string converted to uppercase.";
    pub const STARTSWITH: &str = "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if S starts with the specified prefix, False otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\nprefix can also be a tuple of strings to try.";
    pub const ENDSWITH: &str = "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if S ends with the specified suffix, False otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\nsuffix can also be a tuple of strings to try.";
    pub const REMOVEPREFIX: &str = "removeprefix($self, prefix, /)\n--\n\nReturn a str with the given prefix string removed if present.\n\nIf the string starts with the prefix string, return string[len(prefix):].\nOtherwise, return a copy of the original string.";
    pub const REMOVESUFFIX: &str = "removesuffix($self, suffix, /)\n--\n\nReturn a str with the given suffix string removed if present.\n\nIf the string ends with the suffix string and that suffix is not empty,\nreturn string[:-len(suffix)]. Otherwise, return a copy of the original\nstring.";
    pub const ISASCII: &str = "isascii($self, /)\n--\n\nReturn True if all characters in the string are ASCII, False otherwise.\n\nASCII characters have code points in the range U+0000-U+007F.\nEmpty string is ASCII too.";
    pub const ISLOWER: &str = "islower($self, /)\n--\n\nReturn True if the string is a lowercase string, False otherwise.\n\nA string is lowercase if all cased characters in the string are lowercase and\nthere is at least one cased character in the string.";
    pub const ISUPPER: &str = "isupper($self, /)\n--\n\nReturn True if the string is an uppercase string, False otherwise.\n\nA string is uppercase if all cased characters in the string are uppercase and\nthere is at least one cased character in the string.";
    pub const ISTITLE: &str = "istitle($self, /)\n--\n\nReturn True if the string is a title-cased string, False otherwise.\n\nIn a title-cased string, upper- and title-case characters may only\nfollow uncased characters and lowercase characters only cased ones.";
    pub const ISSPACE: &str = "isspace($self, /)\n--\n\nReturn True if the string is a whitespace string, False otherwise.\n\nA string is whitespace if all characters in the string are whitespace and there\nis at least one character in the string.";
    pub const ISDECIMAL: &str = "isdecimal($self, /)\n--\n\nReturn True if the string is a decimal string, False otherwise.\n\nA string is a decimal string if all characters in the string are decimal and\nthere is at least one character in the string.";
    pub const ISDIGIT: &str = "isdigit($self, /)\n--\n\nReturn True if the string is a digit string, False otherwise.\n\nA string is a digit string if all characters in the string are digits and there\nis at least one character in the string.";
    pub const ISNUMERIC: &str = "isnumeric($self, /)\n--\n\nReturn True if the string is a numeric string, False otherwise.\n\nA string is numeric if all characters in the string are numeric and there is at\nleast one character in the string.";
    pub const ISALPHA: &str = "isalpha($self, /)\n--\n\nReturn True if the string is an alphabetic string, False otherwise.\n\nA string is alphabetic if all characters in the string are alphabetic and there\nis at least one character in the string.";
    pub const ISALNUM: &str = "isalnum($self, /)\n--\n\nReturn True if the string is an alpha-numeric string, False otherwise.\n\nA string is alpha-numeric if all characters in the string are alpha-numeric and\nthere is at least one character in the string.";
    pub const ISIDENTIFIER: &str = "isidentifier($self, /)\n--\n\nReturn True if the string is a valid Python identifier, False otherwise.\n\nCall keyword.iskeyword(s) to test whether string s is a reserved identifier,\nsuch as \"def\" or \"class\".";
    pub const ISPRINTABLE: &str = "isprintable($self, /)\n--\n\nReturn True if the string is printable, False otherwise.\n\nA string is printable if all of its characters are considered printable in\nrepr() or if it is empty.";
    pub const ZFILL: &str = "zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width.\n\nThe string is never truncated.";
    pub const FORMAT: &str = "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using substitutions from args and kwargs.\nThe substitutions are identified by braces ('{' and '}').";
    pub const FORMAT_MAP: &str = "S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions from mapping.\nThe substitutions are identified by braces ('{' and '}').";
    pub const DUNDER_FORMAT: &str = "__format__($self, format_spec, /)\n--\n\nReturn a formatted version of the string as described by format_spec.";
    pub const MAKETRANS: &str = "maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)\n--\n\nReturn a translation table usable for str.translate().\n\nIf there is only one argument, it must be a dictionary mapping Unicode\nordinals (integers) or characters to Unicode ordinals, strings or None.\nCharacter keys will be then converted to ordinals.\nIf there are two arguments, they must be strings of equal length, and\nin the resulting dictionary, each character in x will be mapped to the\ncharacter at the same position in y. If there is a third argument, it\nmust be a string, whose characters will be mapped to None in the result.";
    pub const DUNDER_SIZEOF: &str =
        "__sizeof__($self, /)\n--\n\nReturn the size of the string in memory, in bytes.";
    pub const DUNDER_GETNEWARGS: &str = "";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_bytes_inline_and_heap() {
        let short = CompactBytes::from(&b"hello"[..]);
        assert!(matches!(short.0, CompactRepr::Inline { .. }));
        assert_eq!(&*short, b"hello");
        let edge = CompactBytes::from(vec![7u8; CompactBytes::INLINE]);
        assert!(matches!(edge.0, CompactRepr::Inline { .. }));
        let long = CompactBytes::from(vec![7u8; CompactBytes::INLINE + 1]);
        assert!(matches!(long.0, CompactRepr::Heap(_)));
        assert_eq!(long.len(), CompactBytes::INLINE + 1);
        assert_eq!(long.clone(), long);
        assert!(short != long);
        assert_eq!(&*CompactBytes::default(), b"");
        let collected: CompactBytes = (0..5u8).collect();
        assert_eq!(&*collected, &[0, 1, 2, 3, 4]);
        // The inline form costs no more room than the heap form's pointer and length.
        assert!(std::mem::size_of::<CompactBytes>() <= 24);
    }

    #[test]
    fn append_grows_in_place_when_unshared() {
        let text = |o: &PyObjectRef| {
            o.downcast_ref::<PyUnicodeObject>()
                .map(|u| u.code_points())
                .unwrap_or_default()
        };
        let mut s = PyUnicode_FromString("abc");
        let before = s.as_ptr();
        for piece in ["de", "fghijklmnopqrstuvwxyz0123456789", "\u{e9}"] {
            PyUnicode_Append(&mut s, &PyUnicode_FromString(piece)).unwrap_or(());
        }
        assert_eq!(s.as_ptr(), before);
        let want: Vec<u32> = "abcdefghijklmnopqrstuvwxyz0123456789\u{e9}"
            .chars()
            .map(|c| c as u32)
            .collect();
        assert_eq!(text(&s), want);
        assert!(!s.downcast_ref::<PyUnicodeObject>().is_some_and(|u| u.ascii));
        // A wider piece needs a new, wider string.
        PyUnicode_Append(&mut s, &PyUnicode_FromString("\u{20ac}")).unwrap_or(());
        assert_ne!(s.as_ptr(), before);
        assert_eq!(
            s.downcast_ref::<PyUnicodeObject>().map(|u| u.kind()),
            Some(2)
        );
        // A shared string is never changed.
        let shared = PyUnicode_FromString("xyz");
        let mut other = shared.clone();
        PyUnicode_Append(&mut other, &PyUnicode_FromString("!")).unwrap_or(());
        assert_eq!(text(&shared), vec![0x78, 0x79, 0x7a]);
        assert_eq!(text(&other), vec![0x78, 0x79, 0x7a, 0x21]);
    }

    #[test]
    fn repr_escapes_like_cpython() {
        let mut s = String::new();
        push_escaped(&mut s, 0x7f, false);
        push_escaped(&mut s, 0xad, false);
        push_escaped(&mut s, 0xe9, false);
        push_escaped(&mut s, 0x20ac, true);
        push_escaped(&mut s, 0x1f600, true);
        assert_eq!(s, "\\x7f\\xad\u{e9}\\u20ac\\U0001f600");
    }
}
