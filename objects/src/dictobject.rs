//! The `dict` type, its views and iterators. Mirrors Objects/dictobject.c (CPython
//! 3.11); the design is explained in `dictnotes.md` beside this file.
//!
//! A dict is CPython's compact ordered table: an index array of 2**k slots (1, 2, 4 or
//! 8 bytes each) pointing into a dense array of `(hash, key, value)` entries kept in
//! insertion order. Probing is `i = (5*i + perturb + 1) & mask; perturb >>= 5`, at most
//! two thirds of the slots are used, and a full table is rebuilt for `used * 3`
//! entries. Tables of exact-`str` keys take a lookup path that never runs Python code.
//!
//! Differences from CPython:
//! - The keys table is stored inline in the dict object, not behind a pointer, so the
//!   "did the table change during `__eq__`?" check compares a serial number (`dk_id`)
//!   instead of a pointer.
//! - Every entry stores its hash, also in unicode tables; `__sizeof__` reports
//!   CPython's sizes regardless.
//! - Instances of classes with shared keys keep their attributes in a values block
//!   (PEP 412 with 3.11's inline values, see `dictnotes.md`); but a materialised
//!   `__dict__` is a combined dict, not a split table sharing the class's keys.
//! - No free lists.

use std::cell::Cell;
use std::mem::size_of;
use std::ptr::NonNull;

use include::cpython::object::flags::*;
use include::cpython::object::{PyMappingMethods, PyNumberMethods, PySequenceMethods};
use include::descrobject::PyGetSetDef;
use include::gc;
use include::methodobject::{PyCFunction, PyMethodDef, METH_CLASS, METH_COEXIST};
use include::object::GlobalCell;

use crate::exceptions::*;
use crate::listobject::{PyListObject, PyList_New};
use crate::longobject::PyLong_FromSsize_t;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::{
    _PyObject_GC_MAY_BE_TRACKED, PyObject_SelfIter, PyTupleObject, PyTuple_New, ReprGuard,
    ReprWriter, LENGTH_HINT_DOC, REDUCE_DOC,
};
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{_PyUnicode_EQ, PyUnicodeObject, PyUnicode_FromString, PyUnicode_Type};

// --- Constants ----------------------------------------------------------------------------

/// `PyDict_LOG_MINSIZE`: a new table has 2**3 = 8 slots, room for 5 entries.
const PyDict_LOG_MINSIZE: u8 = 3;
/// `PyDict_MINSIZE`.
const PyDict_MINSIZE: usize = 1 << PyDict_LOG_MINSIZE;
/// `PERTURB_SHIFT`: how many more hash bits each probe step brings in.
const PERTURB_SHIFT: u32 = 5;

/// Index-array values (`DKIX_*`).
pub const DKIX_EMPTY: Py_ssize_t = -1;
pub const DKIX_DUMMY: Py_ssize_t = -2;
/// Internal: a comparison changed the table; the lookup must start over.
const DKIX_KEY_CHANGED: Py_ssize_t = -4;

/// `USABLE_FRACTION`: the most entries a table of `n` slots may hold (two thirds).
#[inline(always)]
const fn USABLE_FRACTION(n: usize) -> usize {
    (n << 1) / 3
}

/// `calculate_log2_keysize`: the smallest power of two >= `minsize`, at least 8.
#[inline]
fn calculate_log2_keysize(minsize: usize) -> u8 {
    let m = (minsize | PyDict_MINSIZE) - 1;
    (usize::BITS - (m | (PyDict_MINSIZE - 1)).leading_zeros()) as u8
}

/// `estimate_log2_keysize`: a table large enough to take `n` entries without resizing.
#[inline]
fn estimate_log2_keysize(n: usize) -> u8 {
    calculate_log2_keysize(n.saturating_mul(3).saturating_add(1) / 2)
}

/// `GROWTH_RATE`: a full table is rebuilt for `used * 3` entries, which doubles it when
/// there were no deletions and leaves room when there were many.
#[inline(always)]
fn GROWTH_RATE(used: Py_ssize_t) -> usize {
    (used.max(0) as usize).saturating_mul(3)
}

/// CPython's entry sizes, for `__sizeof__`.
const SIZEOF_PYDICTKEYENTRY: usize = 24;
const SIZEOF_PYDICTUNICODEENTRY: usize = 16;
/// CPython's `sizeof(PyDictKeysObject)` and `sizeof(PyDictObject)`.
const SIZEOF_PYDICTKEYSOBJECT: usize = 32;
const CPYTHON_DICT_BASICSIZE: usize = 48;

/// `DICT_NEXT_VERSION`: the global counter behind `ma_version_tag` (PEP 509).
static DICT_VERSION: GlobalCell<Cell<u64>> = GlobalCell::new(Cell::new(0));

#[inline(always)]
fn DICT_NEXT_VERSION() -> u64 {
    // SAFETY: a Cell in a global.
    let c = unsafe { DICT_VERSION.get_ref() };
    let v = c.get().wrapping_add(1);
    c.set(v);
    v
}

/// Serial numbers of keys tables (see `dk_id`).
static KEYS_ID: GlobalCell<Cell<u64>> = GlobalCell::new(Cell::new(0));

fn next_keys_id() -> u64 {
    // SAFETY: a Cell in a global.
    let c = unsafe { KEYS_ID.get_ref() };
    let v = c.get().wrapping_add(1);
    c.set(v);
    v
}

// --- The keys table -----------------------------------------------------------------------

/// `DictKeysKind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictKeysKind {
    /// `DICT_KEYS_GENERAL`: any keys.
    General,
    /// `DICT_KEYS_UNICODE`: exact `str` keys only.
    Unicode,
}

/// `PyDictKeyEntry`: one `(hash, key, value)` entry. Both references are `None` in a
/// deleted entry.
pub struct PyDictKeyEntry {
    pub me_hash: Py_hash_t,
    pub me_key: Option<PyObjectRef>,
    pub me_value: Option<PyObjectRef>,
}

/// `dk_indices`, in the narrowest signed integer width that can hold every entry
/// index (negative values are `DKIX_EMPTY` and `DKIX_DUMMY`).
enum DictIndices {
    /// The indices of `Py_EMPTY_KEYS`: every slot empty, never written.
    Empty,
    I8(PyMemVec<i8>),
    I16(PyMemVec<i16>),
    I32(PyMemVec<i32>),
    I64(PyMemVec<i64>),
}

impl DictIndices {
    #[inline(always)]
    fn get(&self, i: usize) -> Py_ssize_t {
        match self {
            DictIndices::Empty => DKIX_EMPTY,
            DictIndices::I8(v) => v.get(i).map_or(DKIX_EMPTY, |&x| x as Py_ssize_t),
            DictIndices::I16(v) => v.get(i).map_or(DKIX_EMPTY, |&x| x as Py_ssize_t),
            DictIndices::I32(v) => v.get(i).map_or(DKIX_EMPTY, |&x| x as Py_ssize_t),
            DictIndices::I64(v) => v.get(i).map_or(DKIX_EMPTY, |&x| x as Py_ssize_t),
        }
    }

    #[inline(always)]
    fn set(&mut self, i: usize, ix: Py_ssize_t) {
        match self {
            DictIndices::Empty => {}
            DictIndices::I8(v) => {
                if let Some(s) = v.get_mut(i) {
                    *s = ix as i8;
                }
            }
            DictIndices::I16(v) => {
                if let Some(s) = v.get_mut(i) {
                    *s = ix as i16;
                }
            }
            DictIndices::I32(v) => {
                if let Some(s) = v.get_mut(i) {
                    *s = ix as i32;
                }
            }
            DictIndices::I64(v) => {
                if let Some(s) = v.get_mut(i) {
                    *s = ix as i64;
                }
            }
        }
    }
}

/// An array of `n` copies of -1 (in pymalloc memory, as CPython's tables), or
/// `MemoryError`.
fn filled_indices<T: Copy + From<i8>>(n: usize) -> PyResult<PyMemVec<T>> {
    PyMemVec::try_from_elem(T::from(-1), n).ok_or_else(PyErr_NoMemory)
}

/// `PyDictKeysObject`: the hash table proper.
pub struct PyDictKeysObject {
    dk_log2_size: u8,
    /// log2 of the index array's size in bytes.
    dk_log2_index_bytes: u8,
    dk_kind: DictKeysKind,
    /// How many more entries fit before a resize.
    dk_usable: Py_ssize_t,
    dk_indices: DictIndices,
    /// The entries; `len()` is `dk_nentries` (deleted ones included).
    dk_entries: PyMemVec<PyDictKeyEntry>,
    /// A serial number identifying this table (see the module notes).
    dk_id: u64,
    /// `dk_version`: 0, or a number the specialising interpreter's caches hold to mean
    /// "this table with these keys at these indices" (see
    /// `_PyDictKeys_GetVersionForCurrentState`). Adding or removing a key resets it.
    dk_version: Cell<u32>,
}

impl PyDictKeysObject {
    /// `Py_EMPTY_KEYS`: the table of every empty dict. It allocates nothing and has no
    /// usable slot, so the first insertion replaces it.
    ///
    /// Like CPython's `empty_keys_struct` it has a single slot (`dk_log2_size` 0):
    /// `dict_merge` sizes its up-front resize from that, which shows in
    /// `__sizeof__` of copies.
    const fn empty() -> PyDictKeysObject {
        PyDictKeysObject {
            dk_log2_size: 0,
            dk_log2_index_bytes: 0,
            dk_kind: DictKeysKind::Unicode,
            dk_usable: 0,
            dk_indices: DictIndices::Empty,
            dk_entries: PyMemVec::new(),
            dk_id: 0,
            dk_version: Cell::new(0),
        }
    }

    #[inline(always)]
    fn is_empty_keys(&self) -> bool {
        matches!(self.dk_indices, DictIndices::Empty)
    }

    #[inline(always)]
    fn size(&self) -> usize {
        1usize << self.dk_log2_size
    }

    #[inline(always)]
    fn mask(&self) -> usize {
        self.size() - 1
    }

    #[inline(always)]
    fn nentries(&self) -> usize {
        self.dk_entries.len()
    }

    #[inline(always)]
    fn is_unicode(&self) -> bool {
        self.dk_kind == DictKeysKind::Unicode
    }

    /// `new_keys_object`.
    fn new(log2_size: u8, unicode: bool) -> PyResult<PyDictKeysObject> {
        if log2_size as u32 >= usize::BITS - 4 {
            return Err(PyErr_NoMemory());
        }
        let size = 1usize << log2_size;
        let usable = USABLE_FRACTION(size);
        let (indices, log2_bytes) = if log2_size < 8 {
            (DictIndices::I8(filled_indices(size)?), log2_size)
        } else if log2_size < 16 {
            (DictIndices::I16(filled_indices(size)?), log2_size + 1)
        } else if log2_size >= 32 {
            (DictIndices::I64(filled_indices(size)?), log2_size + 3)
        } else {
            (DictIndices::I32(filled_indices(size)?), log2_size + 2)
        };
        let Some(entries) = PyMemVec::try_with_capacity(usable) else {
            return Err(PyErr_NoMemory());
        };
        Ok(PyDictKeysObject {
            dk_log2_size: log2_size,
            dk_log2_index_bytes: log2_bytes,
            dk_kind: if unicode {
                DictKeysKind::Unicode
            } else {
                DictKeysKind::General
            },
            dk_usable: usable as Py_ssize_t,
            dk_indices: indices,
            dk_entries: entries,
            dk_id: next_keys_id(),
            dk_version: Cell::new(0),
        })
    }

    /// `_PyDict_KeysSize`: what CPython would allocate for this table.
    fn keys_size(&self) -> usize {
        let es = match self.dk_kind {
            DictKeysKind::General => SIZEOF_PYDICTKEYENTRY,
            DictKeysKind::Unicode => SIZEOF_PYDICTUNICODEENTRY,
        };
        SIZEOF_PYDICTKEYSOBJECT
            + (1usize << self.dk_log2_index_bytes)
            + USABLE_FRACTION(self.size()) * es
    }

    /// `find_empty_slot`: the first empty slot along `hash`'s probe sequence (the key
    /// is known to be absent).
    #[inline]
    fn find_empty_slot(&self, hash: Py_hash_t) -> usize {
        let mask = self.mask();
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as usize;
        while self.dk_indices.get(i) >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
        i
    }

    /// `lookdict_index`: the slot that holds entry index `index`.
    fn lookdict_index(&self, hash: Py_hash_t, index: Py_ssize_t) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        loop {
            let ix = self.dk_indices.get(i);
            if ix == index {
                return Some(i);
            }
            if ix == DKIX_EMPTY {
                return None;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }

    /// `build_indices_*`: index every entry (all live) of a fresh table.
    fn build_indices(&mut self) {
        let mask = self.mask();
        for ix in 0..self.dk_entries.len() {
            let hash = self.dk_entries[ix].me_hash;
            let mut i = (hash as usize) & mask;
            let mut perturb = hash as usize;
            while self.dk_indices.get(i) != DKIX_EMPTY {
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
            }
            self.dk_indices.set(i, ix as Py_ssize_t);
        }
    }

    /// `unicodekeys_lookup_unicode`: find an exact-str key in a unicode table. Runs no
    /// Python code.
    #[inline]
    fn lookup_unicode(&self, key: &PyUnicodeObject, hash: Py_hash_t) -> Py_ssize_t {
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        loop {
            let ix = self.dk_indices.get(i);
            if ix >= 0 {
                if let Some(ep) = self.dk_entries.get(ix as usize) {
                    if let Some(k) = &ep.me_key {
                        if k.is(key.as_object()) {
                            return ix;
                        }
                        if ep.me_hash == hash {
                            if let Some(ku) = k.downcast_ref::<PyUnicodeObject>() {
                                if _PyUnicode_EQ(ku, key) {
                                    return ix;
                                }
                            }
                        }
                    }
                }
            } else if ix == DKIX_EMPTY {
                return DKIX_EMPTY;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }
}

// --- The dict object ------------------------------------------------------------------------

/// `PyDictObject`.
#[repr(C)]
pub struct PyDictObject {
    pub ob_base: PyObject,
    /// The number of items (`ma_used`).
    pub ma_used: Cell<Py_ssize_t>,
    /// Changes on every mutation (PEP 509); see `DICT_NEXT_VERSION`.
    pub ma_version_tag: Cell<u64>,
    /// The hash table (`ma_keys`; values are stored in it: a "combined" table).
    ma_keys: PyCell<PyDictKeysObject>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyDictObject {}

impl PyTypeInfo for PyDictObject {
    fn type_object() -> &'static PyTypeObject {
        &PyDict_Type
    }
    /// `PyDict_Check`: one flag test.
    #[inline(always)]
    fn check(obj: &PyObject) -> bool {
        obj.ob_type().has_feature(Py_TPFLAGS_DICT_SUBCLASS)
    }
}

impl PyDictObject {
    /// Borrow the table.
    ///
    /// # Safety
    /// No Python code may run, and the table may not be replaced or mutated, while
    /// the borrow lives.
    #[inline(always)]
    unsafe fn keys(&self) -> &PyDictKeysObject {
        // SAFETY: upheld by the caller.
        unsafe { self.ma_keys.get_ref() }
    }

    /// Mutably borrow the table.
    ///
    /// # Safety
    /// As for `keys`, and no reference may be dropped while the borrow lives.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    unsafe fn keys_mut(&self) -> &mut PyDictKeysObject {
        // SAFETY: upheld by the caller.
        unsafe { self.ma_keys.get_mut() }
    }

    /// `len(d)`.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.ma_used.get().max(0) as usize
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.ma_used.get() == 0
    }

    #[inline(always)]
    fn bump_version(&self) {
        self.ma_version_tag.set(DICT_NEXT_VERSION());
    }
}

#[inline(always)]
fn as_dict(obj: &PyObject) -> &PyDictObject {
    // SAFETY: the dict slots and methods are only installed on dict types (method
    // descriptors check the type of `self`).
    unsafe { &*(obj as *const PyObject as *const PyDictObject) }
}

/// Is `key` an exact `str` (the unicode fast path applies)?
#[inline(always)]
fn is_exact_str(key: &PyObject) -> Option<&PyUnicodeObject> {
    if key.is_type(&PyUnicode_Type) {
        // SAFETY: checked to be exactly `str`.
        Some(unsafe { &*(key as *const PyObject as *const PyUnicodeObject) })
    } else {
        None
    }
}

/// The hash of a key: a str's cached hash, else `hash(key)`.
#[inline(always)]
pub fn dict_key_hash(key: &PyObject) -> PyResult<Py_hash_t> {
    match is_exact_str(key) {
        Some(u) => Ok(u.hash_value()),
        None => PyObject_Hash(key),
    }
}

/// `MAINTAIN_TRACKING`: start tracking an untracked dict when it receives something
/// that could be part of a cycle.
#[inline]
fn maintain_tracking(mp: &PyDictObject, key: &PyObject, value: &PyObject) {
    let op = mp.as_object();
    // SAFETY: dicts are GC objects with a GC header.
    if unsafe { gc::is_tracked(op) } {
        return;
    }
    if _PyObject_GC_MAY_BE_TRACKED(key) || _PyObject_GC_MAY_BE_TRACKED(value) {
        // SAFETY: the dict is live and fully initialised.
        unsafe { gc::gc_track(op) };
    }
}

/// `_PyDict_MaybeUntrack`: untrack an exact dict whose keys and values are all atomic
/// (for the collector).
pub fn _PyDict_MaybeUntrack(op: &PyObject) {
    if !op.is_type(&PyDict_Type) {
        return;
    }
    // SAFETY: dicts are GC objects.
    if !unsafe { gc::is_tracked(op) } {
        return;
    }
    let mp = as_dict(op);
    // SAFETY: the check runs no Python code.
    let dk = unsafe { mp.keys() };
    for ep in &dk.dk_entries {
        if let Some(v) = &ep.me_value {
            if _PyObject_GC_MAY_BE_TRACKED(v) {
                return;
            }
            if !dk.is_unicode() {
                if let Some(k) = &ep.me_key {
                    if _PyObject_GC_MAY_BE_TRACKED(k) {
                        return;
                    }
                }
            }
        }
    }
    // SAFETY: as above.
    unsafe { gc::gc_untrack(op) };
}

fn new_dict_of_type(
    tp: &PyTypeObject,
    keys: PyDictKeysObject,
    used: Py_ssize_t,
) -> PyRef<PyDictObject> {
    // SAFETY: `tp` is `dict` or a subtype; the struct is complete.
    let d = unsafe {
        alloc_object(
            tp,
            PyDictObject {
                ob_base: PyObject_HEAD_INIT,
                ma_used: Cell::new(used),
                ma_version_tag: Cell::new(DICT_NEXT_VERSION()),
                ma_keys: PyCell::new(keys),
            },
        )
    };
    if std::ptr::eq(tp, &PyDict_Type) {
        // An exact dict starts untracked; `maintain_tracking` tracks it when needed.
        // SAFETY: dicts are GC objects.
        unsafe { gc::gc_untrack(d.as_object()) };
    }
    d
}

/// `PyDict_New`: a new empty dict (no table is allocated until the first insertion).
#[inline]
pub fn PyDict_New() -> PyRef<PyDictObject> {
    new_dict_of_type(&PyDict_Type, PyDictKeysObject::empty(), 0)
}

/// `dict_new_presized`.
fn dict_new_presized(minused: usize, unicode: bool) -> PyResult<PyRef<PyDictObject>> {
    const LOG2_MAX_PRESIZE: u8 = 17;
    if minused <= USABLE_FRACTION(PyDict_MINSIZE) {
        return Ok(PyDict_New());
    }
    // No guarantee is made for very large requests: a medium table instead.
    let log2_newsize = if minused > USABLE_FRACTION(1 << LOG2_MAX_PRESIZE) {
        LOG2_MAX_PRESIZE
    } else {
        estimate_log2_keysize(minused)
    };
    let keys = PyDictKeysObject::new(log2_newsize, unicode)?;
    Ok(new_dict_of_type(&PyDict_Type, keys, 0))
}

/// `_PyDict_NewPresized`: a dict that can take `minused` items without resizing
/// (`BUILD_MAP`).
pub fn _PyDict_NewPresized(minused: usize) -> PyResult<PyRef<PyDictObject>> {
    dict_new_presized(minused, false)
}

/// `_PyDict_FromItems`: `{k0: v0, k1: v1, ...}` (`BUILD_MAP`, `BUILD_CONST_KEY_MAP`).
pub fn _PyDict_FromItems(
    keys: &[PyObjectRef],
    values: &[PyObjectRef],
) -> PyResult<PyRef<PyDictObject>> {
    let unicode = keys.iter().all(|k| k.is_type(&PyUnicode_Type));
    let d = dict_new_presized(keys.len(), unicode)?;
    for (k, v) in keys.iter().zip(values) {
        PyDict_SetItem(&d, k, v)?;
    }
    Ok(d)
}

// --- Lookup -----------------------------------------------------------------------------------

/// The probe loop that may call `__eq__` (`dictkeys_generic_lookup` and
/// `unicodekeys_lookup_generic`). Returns an entry index, `DKIX_EMPTY`, or
/// `DKIX_KEY_CHANGED` when a comparison changed the table or the entry it was comparing.
fn lookup_generic(mp: &PyDictObject, key: &PyObject, hash: Py_hash_t) -> PyResult<Py_ssize_t> {
    // SAFETY: the borrow ends at once.
    let (mask, id) = {
        let dk = unsafe { mp.keys() };
        (dk.mask(), dk.dk_id)
    };
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    loop {
        let (ix, startkey) = {
            // SAFETY: no Python code runs while this borrow lives; the table is the
            // one we started with (checked after every comparison).
            let dk = unsafe { mp.keys() };
            let ix = dk.dk_indices.get(i);
            if ix >= 0 {
                match dk.dk_entries.get(ix as usize) {
                    Some(PyDictKeyEntry {
                        me_key: Some(k),
                        me_hash,
                        ..
                    }) => {
                        if k.is(key) {
                            return Ok(ix);
                        }
                        (
                            ix,
                            if *me_hash == hash {
                                Some(k.clone())
                            } else {
                                None
                            },
                        )
                    }
                    _ => (ix, None),
                }
            } else if ix == DKIX_EMPTY {
                return Ok(DKIX_EMPTY);
            } else {
                (ix, None)
            }
        };
        if let Some(startkey) = startkey {
            let cmp = PyObject_RichCompareBool(&startkey, key, CompareOp::Eq)?;
            // SAFETY: the borrow ends before `startkey` is released.
            let unchanged = {
                let dk = unsafe { mp.keys() };
                dk.dk_id == id
                    && dk
                        .dk_entries
                        .get(ix as usize)
                        .and_then(|e| e.me_key.as_ref())
                        .is_some_and(|k| k.is(&startkey))
            };
            if !unchanged {
                // The dict was mutated by the comparison: start over.
                return Ok(DKIX_KEY_CHANGED);
            }
            if cmp {
                return Ok(ix);
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
}

/// `_Py_dict_lookup`: the entry index of `key` (or `DKIX_EMPTY`) and its value.
pub fn _Py_dict_lookup(
    mp: &PyDictObject,
    key: &PyObject,
    hash: Py_hash_t,
) -> PyResult<(Py_ssize_t, Option<PyObjectRef>)> {
    loop {
        let ix = {
            // SAFETY: the borrow ends before any comparison (`lookup_generic`
            // borrows again by itself).
            let dk = unsafe { mp.keys() };
            match (dk.dk_kind, is_exact_str(key)) {
                (DictKeysKind::Unicode, Some(u)) => Some(dk.lookup_unicode(u, hash)),
                _ => None,
            }
        };
        let ix = match ix {
            Some(ix) => ix,
            None => {
                let ix = lookup_generic(mp, key, hash)?;
                if ix == DKIX_KEY_CHANGED {
                    continue;
                }
                ix
            }
        };
        if ix >= 0 {
            // SAFETY: the borrow ends at once.
            let value = unsafe { mp.keys() }
                .dk_entries
                .get(ix as usize)
                .and_then(|e| e.me_value.clone());
            return Ok((ix, value));
        }
        return Ok((ix, None));
    }
}

/// `PyDict_GetItemWithError`: `d.get(key)` with errors from hashing and comparison
/// propagated.
#[inline]
pub fn PyDict_GetItemWithError(mp: &PyDictObject, key: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let hash = dict_key_hash(key)?;
    Ok(_Py_dict_lookup(mp, key, hash)?.1)
}

/// `PyDict_GetItem`: like `PyDict_GetItemWithError` with every error ignored.
pub fn PyDict_GetItem(mp: &PyDictObject, key: &PyObject) -> Option<PyObjectRef> {
    PyDict_GetItemWithError(mp, key).ok().flatten()
}

/// `PyDict_GetItemString`.
pub fn PyDict_GetItemString(mp: &PyDictObject, key: &str) -> Option<PyObjectRef> {
    PyDict_GetItem(mp, &PyUnicode_FromString(key))
}

/// `_PyDict_GetItem_KnownHash`: `d.get(key)` for a key whose hash is known (attribute
/// and global lookups). A table of `str` keys looked up with an exact `str` runs no
/// Python code; any other table may hold a key whose `__eq__` must be called (a `str`
/// subclass, or an object hashing like the name), as in CPython's generic lookup.
#[inline]
pub fn _PyDict_GetItem_KnownHash(
    mp: &PyDictObject,
    key: &PyObject,
    hash: Py_hash_t,
) -> PyResult<Option<PyObjectRef>> {
    {
        // SAFETY: the borrow ends before any comparison; the unicode lookup runs no
        // Python code.
        let dk = unsafe { mp.keys() };
        if let (DictKeysKind::Unicode, Some(u)) = (dk.dk_kind, is_exact_str(key)) {
            let ix = dk.lookup_unicode(u, hash);
            if ix < 0 {
                return Ok(None);
            }
            return Ok(dk
                .dk_entries
                .get(ix as usize)
                .and_then(|e| e.me_value.clone()));
        }
    }
    Ok(_Py_dict_lookup(mp, key, hash)?.1)
}

/// `_PyDict_LoadGlobal`: `key` in `globals`, else in `builtins` (`LOAD_GLOBAL`).
pub fn _PyDict_LoadGlobal(
    globals: &PyDictObject,
    builtins: &PyDictObject,
    key: &PyObject,
) -> PyResult<Option<PyObjectRef>> {
    let hash = dict_key_hash(key)?;
    if let (_, Some(v)) = _Py_dict_lookup(globals, key, hash)? {
        return Ok(Some(v));
    }
    Ok(_Py_dict_lookup(builtins, key, hash)?.1)
}

/// `PyDict_Contains`: `key in d`.
#[inline]
pub fn PyDict_Contains(mp: &PyDictObject, key: &PyObject) -> PyResult<bool> {
    let hash = dict_key_hash(key)?;
    Ok(_Py_dict_lookup(mp, key, hash)?.1.is_some())
}

/// `_PyDict_Contains_KnownHash`.
pub fn _PyDict_Contains_KnownHash(
    mp: &PyDictObject,
    key: &PyObject,
    hash: Py_hash_t,
) -> PyResult<bool> {
    Ok(_Py_dict_lookup(mp, key, hash)?.1.is_some())
}

// --- Insertion and resizing -----------------------------------------------------------------

/// `dictresize`: rebuild the table with 2**`log2_newsize` slots, dropping the holes
/// left by deletions. A unicode table stays unicode only if `unicode` is set. Runs no
/// Python code (entries are moved, not copied).
fn dictresize(mp: &PyDictObject, log2_newsize: u8, unicode: bool) -> PyResult<()> {
    if log2_newsize as u32 >= usize::BITS {
        return Err(PyErr_NoMemory());
    }
    // SAFETY: the borrow ends at once.
    let unicode = unicode && unsafe { mp.keys() }.is_unicode();
    // Allocate first: a failure raises MemoryError, which must not happen while the
    // table is borrowed.
    let mut newkeys = PyDictKeysObject::new(log2_newsize, unicode)?;
    // SAFETY: no Python code runs and no reference is dropped while the old table is
    // borrowed: the live entries move to the new table, leaving empty entries behind.
    let old = unsafe { mp.keys_mut() };
    for ep in old.dk_entries.iter_mut() {
        if ep.me_value.is_some() {
            newkeys.dk_entries.push(PyDictKeyEntry {
                me_hash: ep.me_hash,
                me_key: ep.me_key.take(),
                me_value: ep.me_value.take(),
            });
        }
    }
    newkeys.build_indices();
    newkeys.dk_usable -= newkeys.dk_entries.len() as Py_ssize_t;
    // The old table holds only empty entries now: dropping it runs nothing.
    *old = newkeys;
    Ok(())
}

/// `insertion_resize`.
#[inline]
fn insertion_resize(mp: &PyDictObject, unicode: bool) -> PyResult<()> {
    dictresize(
        mp,
        calculate_log2_keysize(GROWTH_RATE(mp.ma_used.get())),
        unicode,
    )
}

/// `insert_to_emptydict`: the first insertion into a dict with the shared empty
/// table.
fn insert_to_emptydict(
    mp: &PyDictObject,
    key: PyObjectRef,
    hash: Py_hash_t,
    value: PyObjectRef,
) -> PyResult<()> {
    let unicode = is_exact_str(&key).is_some();
    let mut newkeys = PyDictKeysObject::new(PyDict_LOG_MINSIZE, unicode)?;
    maintain_tracking(mp, &key, &value);
    let hashpos = (hash as usize) & (PyDict_MINSIZE - 1);
    newkeys.dk_indices.set(hashpos, 0);
    newkeys.dk_entries.push(PyDictKeyEntry {
        me_hash: hash,
        me_key: Some(key),
        me_value: Some(value),
    });
    newkeys.dk_usable -= 1;
    // The old table is the empty one: replacing it releases nothing.
    mp.ma_keys.set(newkeys);
    mp.ma_used.set(mp.ma_used.get() + 1);
    mp.bump_version();
    Ok(())
}

/// Append a new entry for a key known to be absent (after any needed resize).
#[inline]
fn insert_new_entry(
    mp: &PyDictObject,
    key: PyObjectRef,
    hash: Py_hash_t,
    value: PyObjectRef,
) -> PyResult<()> {
    // SAFETY: the borrow ends before anything could run Python code.
    let needs_resize = unsafe { mp.keys() }.dk_usable <= 0;
    if needs_resize {
        insertion_resize(mp, true)?;
    }
    // SAFETY: no Python code runs and nothing is dropped while the table is borrowed.
    let dk = unsafe { mp.keys_mut() };
    let hashpos = dk.find_empty_slot(hash);
    let ix = dk.nentries() as Py_ssize_t;
    dk.dk_version.set(0);
    dk.dk_indices.set(hashpos, ix);
    dk.dk_entries.push(PyDictKeyEntry {
        me_hash: hash,
        me_key: Some(key),
        me_value: Some(value),
    });
    dk.dk_usable -= 1;
    mp.ma_used.set(mp.ma_used.get() + 1);
    mp.bump_version();
    Ok(())
}

/// `insertdict`: insert or replace, taking ownership of `key` and `value`.
fn insertdict(
    mp: &PyDictObject,
    key: PyObjectRef,
    hash: Py_hash_t,
    value: PyObjectRef,
) -> PyResult<()> {
    // SAFETY: the borrow ends at once.
    let unicode_table = unsafe { mp.keys() }.is_unicode();
    if unicode_table && is_exact_str(&key).is_none() {
        // A non-str key turns the table into a general one.
        insertion_resize(mp, false)?;
    }
    let (ix, old_value) = _Py_dict_lookup(mp, &key, hash)?;
    maintain_tracking(mp, &key, &value);
    if ix == DKIX_EMPTY {
        return insert_new_entry(mp, key, hash, value);
    }
    if old_value.as_ref().is_some_and(|o| o.is(&value)) {
        return Ok(());
    }
    let old = {
        // SAFETY: no Python code ran since the lookup found `ix` in this table;
        // nothing is dropped while the borrow lives.
        let dk = unsafe { mp.keys_mut() };
        match dk.dk_entries.get_mut(ix as usize) {
            Some(ep) => ep.me_value.replace(value),
            None => None,
        }
    };
    mp.bump_version();
    // Releasing the old value can run `__del__`, which may use the dict: it is
    // consistent by now.
    drop(old);
    drop(old_value);
    drop(key);
    Ok(())
}

/// `_PyDict_SetItem_KnownHash`.
pub fn _PyDict_SetItem_KnownHash(
    mp: &PyDictObject,
    key: &PyObject,
    value: &PyObject,
    hash: Py_hash_t,
) -> PyResult<()> {
    // SAFETY: the borrow ends at once.
    if unsafe { mp.keys() }.is_empty_keys() {
        return insert_to_emptydict(mp, key.to_owned(), hash, value.to_owned());
    }
    insertdict(mp, key.to_owned(), hash, value.to_owned())
}

/// `PyDict_SetItem`: `d[key] = value`. Never resizes when only replacing a value.
#[inline]
pub fn PyDict_SetItem(mp: &PyDictObject, key: &PyObject, value: &PyObject) -> PyResult<()> {
    let hash = dict_key_hash(key)?;
    _PyDict_SetItem_KnownHash(mp, key, value, hash)
}

/// `PyDict_SetItemString`.
pub fn PyDict_SetItemString(mp: &PyDictObject, key: &str, value: &PyObject) -> PyResult<()> {
    let k = crate::unicodeobject::PyUnicode_InternFromString(key);
    PyDict_SetItem(mp, &k, value)
}

// --- Support for the specialising interpreter ----------------------------------------------

/// `next_keys_version`: versions handed out to keys tables; 0 means "none left".
static NEXT_KEYS_VERSION: GlobalCell<Cell<u32>> = GlobalCell::new(Cell::new(2));

/// `_PyDictKeys_GetVersionForCurrentState`: a number that stays with the dict's table
/// until a key is added or removed (or the table is rebuilt), so an inline cache that
/// recorded it may trust the index of a key it found. 0 when the versions ran out.
pub fn _PyDictKeys_GetVersionForCurrentState(mp: &PyDictObject) -> u32 {
    // SAFETY: the borrow ends at once; no Python code runs.
    keys_version_for_current_state(unsafe { mp.keys() })
}

/// `_PyDictKeys_GetVersionForCurrentState` on a keys table itself.
fn keys_version_for_current_state(dk: &PyDictKeysObject) -> u32 {
    if dk.dk_version.get() != 0 {
        return dk.dk_version.get();
    }
    // SAFETY: a Cell in a global.
    let next = unsafe { NEXT_KEYS_VERSION.get_ref() };
    let v = next.get();
    if v == 0 {
        return 0;
    }
    next.set(v.wrapping_add(1));
    dk.dk_version.set(v);
    v
}

/// The table's current `dk_version` (0 if it has none), for cache checks.
#[inline(always)]
pub fn _PyDict_KeysVersion(mp: &PyDictObject) -> u32 {
    // SAFETY: a plain read of the table.
    unsafe { mp.keys() }.dk_version.get()
}

/// `_PyDictKeys_StringLookup`: the entry index of an exact-`str` key in a table of
/// `str` keys, `DKIX_EMPTY` if absent, or `DKIX_ERROR` (-3) for a general table.
pub fn _PyDictKeys_StringLookup(mp: &PyDictObject, key: &PyObject) -> Py_ssize_t {
    // SAFETY: the borrow ends at once; the unicode lookup runs no Python code.
    let dk = unsafe { mp.keys() };
    let Some(k) = is_exact_str(key) else {
        return -3;
    };
    if !dk.is_unicode() {
        return -3;
    }
    match crate::unicodeobject::unicode_hash(key) {
        Some(h) => dk.lookup_unicode(k, h),
        None => -3,
    }
}

/// The value of entry `ix` (`DK_ENTRIES(keys)[ix].me_value`), if the entry exists and
/// is live.
#[inline(always)]
pub fn _PyDict_EntryValue(mp: &PyDictObject, ix: usize) -> Option<PyObjectRef> {
    // SAFETY: a plain read of the table; cloning runs no Python code.
    unsafe { mp.keys() }
        .dk_entries
        .get(ix)
        .and_then(|ep| ep.me_value.clone())
}

/// `_PyDict_GetItemHint`'s use by LOAD_ATTR_WITH_HINT: the value of entry `hint` if that
/// entry's key is `name` (the same object) and it is live.
#[inline(always)]
pub fn _PyDict_HintValue(mp: &PyDictObject, hint: usize, name: &PyObject) -> Option<PyObjectRef> {
    // SAFETY: a plain read of the table; cloning runs no Python code.
    let ep = unsafe { mp.keys() }.dk_entries.get(hint)?;
    if ep.me_key.as_ref().is_some_and(|k| k.is(name)) {
        ep.me_value.clone()
    } else {
        None
    }
}

/// `_PyDict_GetItemHint`: the entry index of `name` in the dict (an exact `str`), or
/// -1 when it is not there or the table is not a `str` table.
pub fn _PyDict_GetItemHint(mp: &PyDictObject, name: &PyObject) -> Py_ssize_t {
    let ix = _PyDictKeys_StringLookup(mp, name);
    if ix < 0 {
        return -1;
    }
    match _PyDict_EntryValue(mp, ix as usize) {
        Some(_) => ix,
        None => -1,
    }
}

/// STORE_ATTR_WITH_HINT's store: replace the value of entry `hint` if its key is
/// `name` and it is live. Returns the old value for the caller to release (releasing
/// it can run `__del__`), or gives `value` back when the hint does not apply.
#[inline]
pub fn _PyDict_StoreHint(
    mp: &PyDictObject,
    hint: usize,
    name: &PyObject,
    value: PyObjectRef,
) -> Result<Option<PyObjectRef>, PyObjectRef> {
    let key = {
        // SAFETY: a read of the table that ends at once; cloning runs no Python code.
        let dk = unsafe { mp.keys() };
        match dk.dk_entries.get(hint) {
            Some(ep) if ep.me_value.is_some() => match &ep.me_key {
                Some(k) if k.is(name) => k.clone(),
                _ => return Err(value),
            },
            _ => return Err(value),
        }
    };
    maintain_tracking(mp, &key, &value);
    // SAFETY: nothing is dropped and no Python code runs while the table is borrowed;
    // the entry was checked above and nothing ran since.
    let old = unsafe { mp.keys_mut() }.dk_entries[hint]
        .me_value
        .replace(value);
    mp.bump_version();
    Ok(old)
}

// --- Shared keys and inline values (PEP 412, CPython 3.11) ---------------------------------

/// `SHARED_KEYS_MAX_SIZE`: at most this many attribute names are shared by the
/// instances of one class; one more moves an instance's attributes into a dict.
pub const SHARED_KEYS_MAX_SIZE: usize = 30;
/// `NEXT_LOG2_SHARED_KEYS_MAX_SIZE`: the shared table has 2**6 slots.
const NEXT_LOG2_SHARED_KEYS_MAX_SIZE: u8 = 6;

/// `_PyDict_NewKeysForClass`: the keys table a class shares among its instances
/// (`ht_cached_keys`), as a raw pointer for the type to own (null if there is no
/// memory; the class then keeps attributes in ordinary dicts). Free it with
/// [`_PyDictKeys_FreeCached`].
///
/// Its `dk_usable` starts at `SHARED_KEYS_MAX_SIZE` and shrinks by one for every new
/// instance (`init_inline_values`) as well as for every key added, so a class whose
/// instances keep getting new attribute names stops sharing early.
pub fn _PyDict_NewKeysForClass() -> *mut std::ffi::c_void {
    match PyDictKeysObject::new(NEXT_LOG2_SHARED_KEYS_MAX_SIZE, true) {
        Ok(mut keys) => {
            keys.dk_usable = SHARED_KEYS_MAX_SIZE as Py_ssize_t;
            Box::into_raw(Box::new(keys)) as *mut std::ffi::c_void
        }
        Err(_) => std::ptr::null_mut(),
    }
}

/// Free a table made by [`_PyDict_NewKeysForClass`] (the class is being freed).
///
/// # Safety
/// `p` is null or came from `_PyDict_NewKeysForClass`, and nothing uses it afterwards.
pub unsafe fn _PyDictKeys_FreeCached(p: *mut std::ffi::c_void) {
    if !p.is_null() {
        // SAFETY: per the contract; dropping the keys (strs) runs no Python code.
        drop(unsafe { Box::from_raw(p as *mut PyDictKeysObject) });
    }
}

/// `CACHED_KEYS(tp)`.
///
/// # Safety
/// The table must not be mutated while the borrow lives (every mutation is in this
/// file and runs no Python code).
#[inline(always)]
unsafe fn CACHED_KEYS<'a>(tp: &PyTypeObject) -> Option<&'a PyDictKeysObject> {
    // SAFETY: `ht_cached_keys` is null or a live table owned by the type, which
    // outlives its instances.
    unsafe { (tp.ht_cached_keys.get() as *const PyDictKeysObject).as_ref() }
}

/// The `dk_version` of a class's shared keys (0 if it has none), for
/// LOAD_METHOD_WITH_VALUES.
#[inline(always)]
pub fn _PyType_CachedKeysVersion(tp: &PyTypeObject) -> u32 {
    // SAFETY: a plain read.
    unsafe { CACHED_KEYS(tp) }.map_or(0, |k| k.dk_version.get())
}

/// `_PyDictKeys_GetVersionForCurrentState` of a class's shared keys (0 if none).
pub fn _PyType_CachedKeysVersionForCurrentState(tp: &PyTypeObject) -> u32 {
    // SAFETY: the borrow ends at once; no Python code runs.
    unsafe { CACHED_KEYS(tp) }.map_or(0, keys_version_for_current_state)
}

/// `_PyDictKeys_StringLookup(CACHED_KEYS(tp), name)`: the index of `name` (an exact
/// `str`) in the class's shared keys, or `DKIX_EMPTY`.
pub fn _PyType_CachedKeysLookup(tp: &PyTypeObject, name: &PyObject) -> Py_ssize_t {
    // SAFETY: the borrow ends at once; the unicode lookup runs no Python code.
    let Some(dk) = (unsafe { CACHED_KEYS(tp) }) else {
        return DKIX_EMPTY;
    };
    match (is_exact_str(name), crate::unicodeobject::unicode_hash(name)) {
        (Some(k), Some(h)) => dk.lookup_unicode(k, h),
        _ => DKIX_EMPTY,
    }
}

/// `PyDictValues`: the attribute values of an instance whose `__dict__` has not been
/// materialised, one per entry of its class's shared keys (`values[ix]` belongs to key
/// `ix`), with the instance's own insertion order beside them.
///
/// CPython packs the order bytes in front of the values array (`values[-1]` the prefix
/// size, `values[-2]` the count, then one byte per index). pyrs keeps the same bytes in
/// a fixed 32-byte header, which is enough since at most `SHARED_KEYS_MAX_SIZE` keys are
/// shared; the block is one pymalloc allocation of `32 + 8 * capacity` bytes.
#[repr(C)]
pub struct PyDictValues {
    /// How many values the block has room for (`shared_keys_usable_size` at creation).
    capacity: u8,
    /// How many indices `order` holds.
    used: u8,
    /// The indices of the live values, oldest first (`_PyDictValues_AddToInsertionOrder`).
    order: [u8; SHARED_KEYS_MAX_SIZE],
    values: [PyCell<Option<PyObjectRef>>; 0],
}

impl PyDictValues {
    /// The value cells.
    #[inline(always)]
    pub fn values(&self) -> &[PyCell<Option<PyObjectRef>>] {
        // SAFETY: the block was allocated with `capacity` initialised cells after the
        // header (`new_values`).
        unsafe { std::slice::from_raw_parts(self.values.as_ptr(), self.capacity as usize) }
    }

    /// `_PyDictValues_AddToInsertionOrder`.
    ///
    /// # Safety
    /// No other borrow of the header is live.
    #[inline]
    unsafe fn add_to_insertion_order(this: NonNull<PyDictValues>, ix: usize) {
        // SAFETY: per the contract; `used < SHARED_KEYS_MAX_SIZE` since every index
        // appears at most once.
        unsafe {
            let v = &mut *this.as_ptr();
            v.order[v.used as usize] = ix as u8;
            v.used += 1;
        }
    }

    /// `delete_index_from_values`: take `ix` out of the insertion order.
    ///
    /// # Safety
    /// As for `add_to_insertion_order`.
    unsafe fn delete_index_from_values(this: NonNull<PyDictValues>, ix: usize) {
        // SAFETY: per the contract.
        unsafe {
            let v = &mut *this.as_ptr();
            let used = v.used as usize;
            if let Some(pos) = v.order[..used].iter().position(|&i| i as usize == ix) {
                v.order.copy_within(pos + 1..used, pos);
                v.used -= 1;
            }
        }
    }

    /// The live indices in insertion order.
    fn order(&self) -> &[u8] {
        &self.order[..self.used as usize]
    }
}

/// `new_values`: a block for `size` values, all absent; `None` if there is no memory.
fn new_values(size: usize) -> Option<NonNull<PyDictValues>> {
    let size = size.min(u8::MAX as usize);
    let nbytes = size_of::<PyDictValues>() + size * size_of::<PyCell<Option<PyObjectRef>>>();
    let p = NonNull::new(PyObject_Malloc(nbytes) as *mut PyDictValues)?;
    // SAFETY: the block has room for the header and `size` cells; each is written
    // before use.
    unsafe {
        p.as_ptr().write(PyDictValues {
            capacity: size as u8,
            used: 0,
            order: [0; SHARED_KEYS_MAX_SIZE],
            values: [],
        });
        let cells = (*p.as_ptr()).values.as_mut_ptr();
        for i in 0..size {
            cells.add(i).write(PyCell::new(None));
        }
    }
    Some(p)
}

/// `free_values`: release the values left in the block, then the block.
///
/// # Safety
/// Nothing else refers to the block any more.
unsafe fn free_values(p: NonNull<PyDictValues>) {
    // SAFETY: per the contract. Each value is taken out before it is released, so a
    // `__del__` it runs sees an empty cell.
    unsafe {
        let cap = (*p.as_ptr()).capacity as usize;
        for cell in (*p.as_ptr()).values() {
            drop(cell.take());
        }
        let nbytes = size_of::<PyDictValues>() + cap * size_of::<PyCell<Option<PyObjectRef>>>();
        PyObject_FreeSized(p.as_ptr() as *mut u8, nbytes);
    }
}

/// `_PyObject_ValuesPointer`: where an instance of a `Py_TPFLAGS_MANAGED_DICT` class
/// keeps its values block.
///
/// CPython keeps the managed `__dict__` pointer and the values pointer in a pre-header
/// in front of the object (`_PyObject_ManagedDictPointer` at -3 words,
/// `_PyObject_ValuesPointer` at -4). pyrs keeps the two words inside the object, at
/// `tp_dictoffset` (the `__dict__` slot every pyrs instance dict uses) and the word
/// right after it, which `type_new` reserves for such classes.
///
/// # Safety
/// `obj`'s type has `Py_TPFLAGS_MANAGED_DICT`.
#[inline(always)]
pub unsafe fn _PyObject_ValuesPointer(obj: &PyObject) -> &Cell<Option<NonNull<PyDictValues>>> {
    let off = obj.ob_type().tp_dictoffset.get() + size_of::<usize>();
    // SAFETY: per the contract, the word after the dict slot is the values pointer.
    unsafe {
        &*((obj.as_ptr() as *const u8).add(off) as *const Cell<Option<NonNull<PyDictValues>>>)
    }
}

/// `_PyObject_InitializeDict`: a new instance of a class with shared keys starts with an
/// empty values block instead of a dict (called by `object.__new__`).
pub fn _PyObject_InitializeDict(obj: &PyObject) -> PyResult<()> {
    let tp = obj.ob_type();
    if !tp.has_feature(Py_TPFLAGS_MANAGED_DICT) || tp.ht_cached_keys.get().is_null() {
        return Ok(());
    }
    init_inline_values(obj, tp)
}

/// `init_inline_values`.
fn init_inline_values(obj: &PyObject, tp: &PyTypeObject) -> PyResult<()> {
    // SAFETY: the class owns its keys; the update runs no Python code.
    let keys = unsafe { &mut *(tp.ht_cached_keys.get() as *mut PyDictKeysObject) };
    if keys.dk_usable > 1 {
        keys.dk_usable -= 1;
    }
    let size = keys.nentries() + keys.dk_usable.max(0) as usize;
    let values = new_values(size).ok_or_else(PyErr_NoMemory)?;
    // SAFETY: the type is managed (checked by the caller); a new instance has none.
    unsafe { _PyObject_ValuesPointer(obj) }.set(Some(values));
    Ok(())
}

/// `insert_into_dictkeys`: the index of `name` in the shared keys, adding it if there
/// is room; `DKIX_EMPTY` if it is not an exact `str` or there is no room.
fn insert_into_dictkeys(keys: &mut PyDictKeysObject, name: &PyObject) -> Py_ssize_t {
    let Some(k) = is_exact_str(name) else {
        return DKIX_EMPTY;
    };
    let hash = k.hash_value();
    let ix = keys.lookup_unicode(k, hash);
    if ix != DKIX_EMPTY {
        return ix;
    }
    if keys.dk_usable <= 0 {
        return DKIX_EMPTY;
    }
    keys.dk_version.set(0);
    let hashpos = keys.find_empty_slot(hash);
    let ix = keys.nentries();
    keys.dk_indices.set(hashpos, ix as Py_ssize_t);
    keys.dk_entries.push(PyDictKeyEntry {
        me_hash: hash,
        me_key: Some(name.to_owned()),
        me_value: None,
    });
    keys.dk_usable -= 1;
    ix as Py_ssize_t
}

/// `_PyObject_GetInstanceAttribute`: the value of attribute `name` (an exact `str`) in
/// the instance's values block, if it has one.
#[inline]
pub fn _PyObject_GetInstanceAttribute(
    obj: &PyObject,
    values: NonNull<PyDictValues>,
    name: &PyObject,
) -> Option<PyObjectRef> {
    let ix = _PyType_CachedKeysLookup(obj.ob_type(), name);
    if ix < 0 {
        return None;
    }
    // SAFETY: the block is live while the instance holds it; reading a cell runs no
    // Python code.
    unsafe { (*values.as_ptr()).values().get(ix as usize)?.get() }
}

/// STORE_ATTR_INSTANCE_VALUE's store: put `value` in cell `ix` of the block (recording
/// the index in the insertion order if the cell was empty). Returns the old value for
/// the caller to release, or gives `value` back if the block has no cell `ix`.
#[inline]
pub fn _PyDictValues_StoreAt(
    values: NonNull<PyDictValues>,
    ix: usize,
    value: PyObjectRef,
) -> Result<Option<PyObjectRef>, PyObjectRef> {
    // SAFETY: the caller holds the instance that owns the block, so it is live.
    let Some(cell) = (unsafe { (*values.as_ptr()).values().get(ix) }) else {
        return Err(value);
    };
    let old = cell.replace(Some(value));
    if old.is_none() {
        // SAFETY: no other borrow of the header is live.
        unsafe { PyDictValues::add_to_insertion_order(values, ix) };
    }
    Ok(old)
}

/// `_PyObject_StoreInstanceAttribute`: set (or with `None` delete) attribute `name` in
/// the instance's values block. A name that cannot be shared (not an exact `str`, or
/// the shared keys are full) moves the attributes into a dict first.
pub fn _PyObject_StoreInstanceAttribute(
    obj: &PyObject,
    values: NonNull<PyDictValues>,
    name: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let tp = obj.ob_type();
    let ix = {
        // SAFETY: the class owns its keys (the type is managed and has them, or the
        // instance would have no values); the insertion runs no Python code.
        let keys = unsafe { &mut *(tp.ht_cached_keys.get() as *mut PyDictKeysObject) };
        insert_into_dictkeys(keys, name)
    };
    if ix == DKIX_EMPTY {
        let dict = _PyObject_MakeDictFromInstanceAttributes(obj)?;
        // SAFETY: instance dict slots only ever hold dicts.
        let d = unsafe { dict.downcast_ref_unchecked::<PyDictObject>() };
        return match value {
            Some(v) => PyDict_SetItem(d, name, v),
            None => match PyDict_DelItem(d, name) {
                Err(e) if PyErr_ExceptionMatches(&e, &PyExc_KeyError) => {
                    Err(crate::object::no_attribute_error(obj, name))
                }
                r => r,
            },
        };
    }
    let ix = ix as usize;
    // SAFETY: the block is live while the instance holds it, and has room for every
    // index of the shared keys (they only grow while the room `init_inline_values`
    // sized blocks by lasts).
    let cell = unsafe { &(*values.as_ptr()).values()[ix] };
    let old = cell.replace(value.map(|v| v.to_owned()));
    match (&old, value) {
        (None, None) => return Err(crate::object::no_attribute_error(obj, name)),
        // SAFETY: no other borrow of the header is live.
        (None, Some(_)) => unsafe { PyDictValues::add_to_insertion_order(values, ix) },
        // SAFETY: as above.
        (Some(_), None) => unsafe { PyDictValues::delete_index_from_values(values, ix) },
        (Some(_), Some(_)) => {}
    }
    // Releasing the old value can run `__del__`: only now that the store is complete.
    drop(old);
    Ok(())
}

/// `_PyObject_MakeDictFromInstanceAttributes` (with the bookkeeping of
/// `_PyObject_GetDictPtr`): move the instance's values into a new dict, in the
/// instance's insertion order, which becomes its `__dict__`; the values block is freed.
/// Returns the dict.
///
/// FIXME(pyrs): CPython makes a *split* dict that keeps sharing the class's keys (and
/// reports a split table's `__sizeof__`); pyrs builds an ordinary combined dict with
/// the same items in the same order.
pub fn _PyObject_MakeDictFromInstanceAttributes(obj: &PyObject) -> PyResult<PyObjectRef> {
    // SAFETY: only called for managed types.
    let vp = unsafe { _PyObject_ValuesPointer(obj) };
    let Some(values) = vp.get() else {
        return Err(PyErr_NoMemory());
    };
    let tp = obj.ob_type();
    let d = {
        // SAFETY: the block is live; the keys outlive the instance. Building the dict
        // runs no Python code (exact-`str` keys).
        let v = unsafe { &*values.as_ptr() };
        let keys = unsafe { CACHED_KEYS(tp) };
        let d = PyDict_New();
        if let Some(keys) = keys {
            for &ix in v.order() {
                let ix = ix as usize;
                let (Some(ep), Some(val)) = (keys.dk_entries.get(ix), v.values()[ix].get()) else {
                    continue;
                };
                if let Some(k) = &ep.me_key {
                    _PyDict_SetItem_KnownHash(&d, k, &val, ep.me_hash)?;
                }
            }
        }
        d.into_object()
    };
    let slot = crate::object::_PyObject_DictPointer(obj);
    vp.set(None);
    let old = slot.map(|s| s.replace(Some(d.clone())));
    // SAFETY: the block is no longer reachable from the instance; its values are
    // also in the dict now, so releasing them here runs no `__del__`.
    unsafe { free_values(values) };
    drop(old);
    Ok(d)
}

/// `_PyObject_VisitInstanceAttributes`: visit the values of an instance's block, in
/// index order.
pub fn _PyObject_VisitInstanceAttributes(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: only called for managed types.
    let Some(values) = (unsafe { _PyObject_ValuesPointer(obj) }).get() else {
        return;
    };
    // SAFETY: the block is live; traversal runs no Python code.
    for cell in unsafe { (*values.as_ptr()).values() } {
        if let Some(v) = unsafe { cell.get_ref() } {
            visit(v);
        }
    }
}

/// `_PyObject_ClearInstanceAttributes` (`tp_clear`): release the values.
///
/// CPython clears the cells and keeps the block; pyrs detaches the block first and
/// frees it, so a `__del__` run by a released value can never see a half-cleared block
/// (the instance is left with neither values nor a dict, as after `del obj.__dict__`).
pub fn _PyObject_ClearInstanceAttributes(obj: &PyObject) {
    _PyObject_FreeInstanceAttributes(obj)
}

/// `_PyObject_FreeInstanceAttributes` (`tp_dealloc`): release the values and the block.
pub fn _PyObject_FreeInstanceAttributes(obj: &PyObject) {
    // SAFETY: only called for managed types.
    let vp = unsafe { _PyObject_ValuesPointer(obj) };
    if let Some(values) = vp.take() {
        // SAFETY: the block is no longer reachable from the instance.
        unsafe { free_values(values) };
    }
}

// --- Deletion ---------------------------------------------------------------------------------

/// `delitem_common`: remove entry `ix` (found for `hash`), returning its key and value
/// for the caller to release once the dict is consistent.
fn delitem_common(
    mp: &PyDictObject,
    hash: Py_hash_t,
    ix: Py_ssize_t,
) -> (Option<PyObjectRef>, Option<PyObjectRef>) {
    // SAFETY: no Python code runs and nothing is dropped while the table is borrowed.
    let dk = unsafe { mp.keys_mut() };
    let Some(hashpos) = dk.lookdict_index(hash, ix) else {
        return (None, None);
    };
    mp.ma_used.set(mp.ma_used.get() - 1);
    mp.bump_version();
    dk.dk_version.set(0);
    dk.dk_indices.set(hashpos, DKIX_DUMMY);
    match dk.dk_entries.get_mut(ix as usize) {
        Some(ep) => (ep.me_key.take(), ep.me_value.take()),
        None => (None, None),
    }
}

/// `_PyDict_DelItem_KnownHash`.
pub fn _PyDict_DelItem_KnownHash(
    mp: &PyDictObject,
    key: &PyObject,
    hash: Py_hash_t,
) -> PyResult<()> {
    let (ix, old_value) = _Py_dict_lookup(mp, key, hash)?;
    if ix == DKIX_EMPTY || old_value.is_none() {
        return Err(key_error(key));
    }
    let (old_key, old_val) = delitem_common(mp, hash, ix);
    drop(old_value);
    drop(old_key);
    drop(old_val);
    Ok(())
}

/// `PyDict_DelItem`: `del d[key]`; `KeyError(key)` if absent.
pub fn PyDict_DelItem(mp: &PyDictObject, key: &PyObject) -> PyResult<()> {
    let hash = dict_key_hash(key)?;
    _PyDict_DelItem_KnownHash(mp, key, hash)
}

/// `PyDict_DelItemString`.
pub fn PyDict_DelItemString(mp: &PyDictObject, key: &str) -> PyResult<()> {
    PyDict_DelItem(mp, &PyUnicode_FromString(key))
}

/// `PyDict_Clear`: empty the dict first, then release the old entries (their
/// `__del__` may use the dict).
pub fn PyDict_Clear(mp: &PyDictObject) {
    // SAFETY: the borrow ends at once.
    if unsafe { mp.keys() }.is_empty_keys() {
        return;
    }
    let old = mp.ma_keys.replace(PyDictKeysObject::empty());
    mp.ma_used.set(0);
    mp.bump_version();
    drop(old);
}

/// `_PyDict_Pop_KnownHash`: remove `key` and return its value, or `deflt`, or raise
/// `KeyError(key)`.
pub fn _PyDict_Pop_KnownHash(
    mp: &PyDictObject,
    key: &PyObject,
    hash: Py_hash_t,
    deflt: Option<&PyObject>,
) -> PyResult {
    let missing = || match deflt {
        Some(d) => Ok(d.to_owned()),
        None => Err(key_error(key)),
    };
    if mp.ma_used.get() == 0 {
        return missing();
    }
    let (ix, old_value) = _Py_dict_lookup(mp, key, hash)?;
    let Some(old_value) = old_value.filter(|_| ix >= 0) else {
        return missing();
    };
    let (old_key, old_val) = delitem_common(mp, hash, ix);
    drop(old_key);
    drop(old_val);
    Ok(old_value)
}

/// `_PyDict_Pop`: `d.pop(key[, deflt])`. An empty dict answers before hashing, as in
/// CPython (so `{}.pop([])` raises `KeyError`, not `TypeError`).
pub fn _PyDict_Pop(mp: &PyDictObject, key: &PyObject, deflt: Option<&PyObject>) -> PyResult {
    if mp.ma_used.get() == 0 {
        return match deflt {
            Some(d) => Ok(d.to_owned()),
            None => Err(key_error(key)),
        };
    }
    let hash = dict_key_hash(key)?;
    _PyDict_Pop_KnownHash(mp, key, hash, deflt)
}

// --- Iteration helpers ------------------------------------------------------------------------

/// `_PyDict_Next`: the next live item at or after `*pos` with its hash; advances
/// `*pos` past it.
pub fn _PyDict_Next(
    mp: &PyDictObject,
    pos: &mut usize,
) -> Option<(PyObjectRef, PyObjectRef, Py_hash_t)> {
    // SAFETY: cloning runs no Python code.
    let dk = unsafe { mp.keys() };
    let mut i = *pos;
    while let Some(ep) = dk.dk_entries.get(i) {
        if let (Some(k), Some(v)) = (&ep.me_key, &ep.me_value) {
            *pos = i + 1;
            return Some((k.clone(), v.clone(), ep.me_hash));
        }
        i += 1;
    }
    *pos = i;
    None
}

/// `PyDict_Next`: iterate the items; safe against value replacement, not against
/// insertion or deletion.
#[inline]
pub fn PyDict_Next(mp: &PyDictObject, pos: &mut usize) -> Option<(PyObjectRef, PyObjectRef)> {
    _PyDict_Next(mp, pos).map(|(k, v, _)| (k, v))
}

/// `PyDict_Size`.
#[inline]
pub fn PyDict_Size(mp: &PyDictObject) -> usize {
    mp.len()
}

/// The items as `(key, value)` pairs (new references), in order.
pub fn PyDict_Items_vec(mp: &PyDictObject) -> Vec<(PyObjectRef, PyObjectRef)> {
    // SAFETY: cloning runs no Python code.
    let dk = unsafe { mp.keys() };
    let mut out = Vec::with_capacity(mp.len());
    for ep in &dk.dk_entries {
        if let (Some(k), Some(v)) = (&ep.me_key, &ep.me_value) {
            out.push((k.clone(), v.clone()));
        }
    }
    out
}

fn collect_entries<T>(mp: &PyDictObject, f: impl Fn(&PyDictKeyEntry) -> Option<T>) -> Vec<T> {
    // SAFETY: `f` only clones references; no Python code runs.
    let dk = unsafe { mp.keys() };
    let mut out = Vec::with_capacity(mp.len());
    for ep in &dk.dk_entries {
        if ep.me_value.is_some() {
            if let Some(x) = f(ep) {
                out.push(x);
            }
        }
    }
    out
}

/// `PyDict_Keys`: a new list of the keys.
pub fn PyDict_Keys(mp: &PyDictObject) -> PyRef<PyListObject> {
    PyList_New(collect_entries(mp, |e| e.me_key.clone()))
}

/// `PyDict_Values`: a new list of the values.
pub fn PyDict_Values(mp: &PyDictObject) -> PyRef<PyListObject> {
    PyList_New(collect_entries(mp, |e| e.me_value.clone()))
}

/// `PyDict_Items`: a new list of `(key, value)` tuples.
pub fn PyDict_Items(mp: &PyDictObject) -> PyRef<PyListObject> {
    let pairs = PyDict_Items_vec(mp);
    // The tuples are made after the snapshot: making them allocates, and an
    // allocation can start a collection that changes the dict.
    PyList_New(
        pairs
            .into_iter()
            .map(|(k, v)| PyTuple_New(vec![k, v]).into_object())
            .collect(),
    )
}

/// `_PyDict_HasOnlyStringKeys`.
pub fn _PyDict_HasOnlyStringKeys(mp: &PyDictObject) -> bool {
    // SAFETY: the check runs no Python code.
    let dk = unsafe { mp.keys() };
    if dk.is_unicode() {
        return true;
    }
    dk.dk_entries
        .iter()
        .filter(|e| e.me_value.is_some())
        .all(|e| e.me_key.as_ref().is_some_and(|k| PyUnicodeObject::check(k)))
}

// --- Merging and copying ------------------------------------------------------------------------

/// `clone_combined_dict_keys`: a copy of `orig`'s table with new references.
fn clone_combined_dict_keys(orig: &PyDictObject) -> PyResult<PyDictKeysObject> {
    // SAFETY: the borrow ends at once.
    let (log2, unicode) = {
        let dk = unsafe { orig.keys() };
        (dk.dk_log2_size, dk.is_unicode())
    };
    let mut newkeys = PyDictKeysObject::new(log2, unicode)?;
    // SAFETY: cloning runs no Python code.
    let dk = unsafe { orig.keys() };
    for ep in &dk.dk_entries {
        newkeys.dk_entries.push(PyDictKeyEntry {
            me_hash: ep.me_hash,
            me_key: ep.me_key.clone(),
            me_value: ep.me_value.clone(),
        });
    }
    newkeys.dk_indices = match &dk.dk_indices {
        DictIndices::Empty => DictIndices::Empty,
        DictIndices::I8(v) => DictIndices::I8(v.clone()),
        DictIndices::I16(v) => DictIndices::I16(v.clone()),
        DictIndices::I32(v) => DictIndices::I32(v.clone()),
        DictIndices::I64(v) => DictIndices::I64(v.clone()),
    };
    newkeys.dk_usable = dk.dk_usable;
    Ok(newkeys)
}

/// Whether `b` is a dict whose iteration is the built-in one (the fast paths of
/// `dict_merge` apply).
fn is_plain_dict_iter(b: &PyObject) -> Option<&PyDictObject> {
    let d = b.downcast_ref::<PyDictObject>()?;
    let own = b.ob_type().tp_iter.get().map(|f| f as usize);
    if own == Some(dict_iter as include::cpython::object::slots::getiterfunc as usize) {
        Some(d)
    } else {
        None
    }
}

/// `PyMapping_Keys`: `list(o.keys())`, with CPython's message for a `keys()` that
/// returns a non-iterable.
pub fn PyMapping_Keys(o: &PyObject) -> PyResult<Vec<PyObjectRef>> {
    if o.is_type(&PyDict_Type) {
        return Ok(collect_entries(as_dict(o), |e| e.me_key.clone()));
    }
    let out = crate::call::PyObject_CallMethodNoArgs(o, crate::intern!("keys"))?;
    if let Some(l) = out.downcast_ref_exact::<PyListObject>() {
        return Ok(l.to_vec());
    }
    let it = match crate::r#abstract::PyObject_GetIter(&out) {
        Ok(it) => it,
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_TypeError) => {
            return Err(type_error(format!(
                "{}.keys() returned a non-iterable (type {})",
                o.ob_type().name(),
                out.ob_type().name()
            )));
        }
        Err(e) => return Err(e),
    };
    crate::r#abstract::iterate_to_vec(&it)
}

/// `dict_merge`: update `a` from the mapping `b`. `override_` 1 replaces existing
/// keys, 0 keeps them, 2 raises `KeyError(key)` for a duplicate (the caller turns it
/// into "got multiple values for keyword argument").
fn dict_merge(a: &PyDictObject, b: &PyObject, override_: i32) -> PyResult<()> {
    if let Some(other) = is_plain_dict_iter(b) {
        if other.as_object().is(a.as_object()) || other.ma_used.get() == 0 {
            return Ok(());
        }
        let mut override_ = override_;
        if a.ma_used.get() == 0 {
            // Nothing to collide with.
            override_ = 1;
            // A clean, compact source table can simply be copied.
            // SAFETY: the borrow ends at once.
            let clean = {
                let ok = unsafe { other.keys() };
                other.ma_used.get() as usize == ok.nentries()
                    && (ok.dk_log2_size == PyDict_LOG_MINSIZE
                        || USABLE_FRACTION(ok.size() / 2) < other.ma_used.get() as usize)
            };
            if clean {
                let keys = clone_combined_dict_keys(other)?;
                let old = a.ma_keys.replace(keys);
                a.ma_used.set(other.ma_used.get());
                a.bump_version();
                // SAFETY: both are live GC objects.
                unsafe {
                    if gc::is_tracked(other.as_object()) && !gc::is_tracked(a.as_object()) {
                        gc::gc_track(a.as_object());
                    }
                }
                drop(old);
                return Ok(());
            }
        }
        // One big resize up front rather than several along the way.
        // SAFETY: the borrow ends at once.
        let (a_size, other_unicode) = unsafe { (a.keys().size(), other.keys().is_unicode()) };
        if USABLE_FRACTION(a_size) < other.ma_used.get() as usize {
            let need = (a.ma_used.get() + other.ma_used.get()) as usize;
            dictresize(a, estimate_log2_keysize(need), other_unicode)?;
        }
        // SAFETY: the borrow ends at once.
        let orig_size = unsafe { other.keys() }.nentries();
        let mut pos = 0;
        while let Some((key, value, hash)) = _PyDict_Next(other, &mut pos) {
            if override_ == 1 || !_PyDict_Contains_KnownHash(a, &key, hash)? {
                insertdict(a, key, hash, value)?;
            } else if override_ != 0 {
                return Err(key_error(&key));
            }
            // SAFETY: the borrow ends at once.
            if orig_size != unsafe { other.keys() }.nentries() {
                return Err(runtime_error("dict mutated during update"));
            }
        }
        return Ok(());
    }
    // The generic way: `for k in b.keys(): a[k] = b[k]`.
    let keys = PyMapping_Keys(b)?;
    for key in keys {
        if override_ != 1 && PyDict_Contains(a, &key)? {
            if override_ == 0 {
                continue;
            }
            return Err(key_error(&key));
        }
        let value = crate::r#abstract::PyObject_GetItem(b, &key)?;
        PyDict_SetItem(a, &key, &value)?;
    }
    Ok(())
}

/// `PyDict_Update`: `a.update(b)` for a mapping `b`.
pub fn PyDict_Update(a: &PyDictObject, b: &PyObject) -> PyResult<()> {
    dict_merge(a, b, 1)
}

/// `PyDict_Merge`: like `PyDict_Update`, keeping existing keys unless `override_`.
pub fn PyDict_Merge(a: &PyDictObject, b: &PyObject, override_: bool) -> PyResult<()> {
    dict_merge(a, b, override_ as i32)
}

/// `_PyDict_MergeEx`: `override_` 2 raises `KeyError(key)` on a duplicate key.
pub fn _PyDict_MergeEx(a: &PyDictObject, b: &PyObject, override_: i32) -> PyResult<()> {
    dict_merge(a, b, override_)
}

/// `PyDict_MergeFromSeq2`: update from an iterable of key/value pairs.
pub fn PyDict_MergeFromSeq2(d: &PyDictObject, seq2: &PyObject, override_: bool) -> PyResult<()> {
    let it = crate::r#abstract::PyObject_GetIter(seq2)?;
    let mut i: usize = 0;
    while let Some(item) = crate::r#abstract::PyIter_Next(&it)? {
        let fast = match crate::r#abstract::PySequence_Fast(&item, "") {
            Ok(f) => f,
            Err(e) if PyErr_ExceptionMatches(&e, &PyExc_TypeError) => {
                return Err(type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )));
            }
            Err(e) => return Err(e),
        };
        if fast.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                fast.len()
            )));
        }
        if override_ {
            PyDict_SetItem(d, &fast[0], &fast[1])?;
        } else {
            PyDict_SetDefault(d, &fast[0], &fast[1])?;
        }
        i += 1;
    }
    Ok(())
}

/// `dict_update_arg`: one positional argument of `update()` / `dict()`: a mapping
/// (anything with `keys`) or an iterable of pairs.
fn dict_update_arg(d: &PyDictObject, arg: &PyObject) -> PyResult<()> {
    if arg.is_type(&PyDict_Type) {
        return dict_merge(d, arg, 1);
    }
    if _PyObject_LookupAttr(arg, crate::intern!("keys"))?.is_some() {
        return dict_merge(d, arg, 1);
    }
    PyDict_MergeFromSeq2(d, arg, true)
}

/// `dict_update_common` in the vectorcall layout.
fn dict_update_common(
    d: &PyDictObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    methname: &str,
) -> PyResult<()> {
    let kw = crate::call::kwnames_slice(kwnames);
    let nargs = args.len() - kw.len();
    crate::getargs::check_positional(methname, nargs, 0, 1)?;
    if nargs == 1 {
        dict_update_arg(d, &args[0])?;
    }
    for (k, v) in kw.iter().zip(&args[nargs..]) {
        PyDict_SetItem(d, k, v)?;
    }
    Ok(())
}

/// `PyDict_Copy`: a shallow copy (always an exact dict).
pub fn PyDict_Copy(mp: &PyDictObject) -> PyResult<PyRef<PyDictObject>> {
    if mp.ma_used.get() == 0 {
        return Ok(PyDict_New());
    }
    // SAFETY: the borrow ends at once.
    let nentries = unsafe { mp.keys() }.nentries() as Py_ssize_t;
    if is_plain_dict_iter(mp.as_object()).is_some() && mp.ma_used.get() >= (nentries * 2) / 3 {
        // Fast copy of a table without many holes.
        let keys = clone_combined_dict_keys(mp)?;
        let new = new_dict_of_type(&PyDict_Type, keys, mp.ma_used.get());
        // SAFETY: both are live GC objects.
        unsafe {
            if gc::is_tracked(mp.as_object()) {
                gc::gc_track(new.as_object());
            }
        }
        return Ok(new);
    }
    let copy = PyDict_New();
    dict_merge(&copy, mp.as_object(), 1)?;
    Ok(copy)
}

/// `PyDict_SetDefault`: `d.setdefault(key, default)`.
pub fn PyDict_SetDefault(
    mp: &PyDictObject,
    key: &PyObject,
    defaultobj: &PyObject,
) -> PyResult<PyObjectRef> {
    let hash = dict_key_hash(key)?;
    // SAFETY: the borrow ends at once.
    let (empty, unicode) = unsafe { (mp.keys().is_empty_keys(), mp.keys().is_unicode()) };
    if empty {
        insert_to_emptydict(mp, key.to_owned(), hash, defaultobj.to_owned())?;
        return Ok(defaultobj.to_owned());
    }
    if unicode && is_exact_str(key).is_none() {
        insertion_resize(mp, false)?;
    }
    let (ix, value) = _Py_dict_lookup(mp, key, hash)?;
    if ix == DKIX_EMPTY {
        maintain_tracking(mp, key, defaultobj);
        insert_new_entry(mp, key.to_owned(), hash, defaultobj.to_owned())?;
        return Ok(defaultobj.to_owned());
    }
    Ok(value.unwrap_or_else(|| defaultobj.to_owned()))
}

/// `_PyDict_FromKeys`: `cls.fromkeys(iterable, value)`, subclass-friendly.
pub fn _PyDict_FromKeys(cls: &PyObject, iterable: &PyObject, value: &PyObject) -> PyResult {
    let d = crate::call::PyObject_CallNoArgs(cls)?;
    if d.is_type(&PyDict_Type) && as_dict(&d).ma_used.get() == 0 {
        let mp = as_dict(&d);
        if iterable.is_type(&PyDict_Type) {
            let src = as_dict(iterable);
            // SAFETY: the borrow ends at once.
            let unicode = unsafe { src.keys() }.is_unicode();
            dictresize(mp, estimate_log2_keysize(src.len()), unicode)?;
            let mut pos = 0;
            while let Some((key, _, hash)) = _PyDict_Next(src, &mut pos) {
                insertdict(mp, key, hash, value.to_owned())?;
            }
            return Ok(d);
        }
        if crate::setobject::PyAnySet_CheckExact(iterable) {
            dictresize(
                mp,
                estimate_log2_keysize(crate::setobject::PySet_Size(iterable)),
                false,
            )?;
            let mut pos = 0;
            while let Some((key, hash)) = crate::setobject::_PySet_NextEntry(iterable, &mut pos) {
                insertdict(mp, key, hash, value.to_owned())?;
            }
            return Ok(d);
        }
    }
    let it = crate::r#abstract::PyObject_GetIter(iterable)?;
    if let Some(mp) = d.downcast_ref_exact::<PyDictObject>() {
        while let Some(key) = crate::r#abstract::PyIter_Next(&it)? {
            PyDict_SetItem(mp, &key, value)?;
        }
    } else {
        while let Some(key) = crate::r#abstract::PyIter_Next(&it)? {
            crate::r#abstract::PyObject_SetItem(&d, &key, value)?;
        }
    }
    Ok(d)
}

// --- Slots ------------------------------------------------------------------------------------

unsafe fn dict_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead dict: untrack it, then release the entries in order (key
    // then value, entry by entry, as CPython's `free_keys_object`).
    unsafe {
        if (*op).ob_type().is_gc() {
            gc::gc_untrack(op);
        }
        let mp = &*(op as *const PyDictObject);
        drop(mp.ma_keys.replace(PyDictKeysObject::empty()));
        dealloc_object::<PyDictObject>(op);
    }
}

fn dict_repr(obj: &PyObject) -> PyResult {
    let mp = as_dict(obj);
    if Py_ReprEnter(obj)? {
        return Ok(PyUnicode_FromString("{...}"));
    }
    let _guard = ReprGuard(obj);
    if mp.ma_used.get() == 0 {
        return Ok(PyUnicode_FromString("{}"));
    }
    let mut w = ReprWriter::new();
    w.push_str("{");
    let mut pos = 0;
    let mut first = true;
    // The reprs may mutate the dict: `PyDict_Next` rereads it at every step.
    while let Some((key, value)) = PyDict_Next(mp, &mut pos) {
        if !first {
            w.push_str(", ");
        }
        first = false;
        w.push_obj(&*PyObject_Repr(&key)?);
        w.push_str(": ");
        w.push_obj(&*PyObject_Repr(&value)?);
    }
    w.push_str("}");
    Ok(w.finish())
}

fn dict_length(obj: &PyObject) -> PyResult<Py_ssize_t> {
    Ok(as_dict(obj).ma_used.get())
}

/// `dict_subscript`: `d[key]`, with `__missing__` for subclasses.
fn dict_subscript(obj: &PyObject, key: &PyObject) -> PyResult {
    let mp = as_dict(obj);
    let hash = dict_key_hash(key)?;
    if let (_, Some(v)) = _Py_dict_lookup(mp, key, hash)? {
        return Ok(v);
    }
    if !obj.is_type(&PyDict_Type) {
        if let Some(missing) =
            crate::typeobject::_PyObject_LookupSpecial(obj, crate::intern!("__missing__"))?
        {
            return crate::call::PyObject_CallOneArg(&missing, key);
        }
    }
    Err(key_error(key))
}

fn dict_ass_sub(obj: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        None => PyDict_DelItem(as_dict(obj), key),
        Some(v) => PyDict_SetItem(as_dict(obj), key, v),
    }
}

/// `dict_equal`: same length and every key of `a` maps to an equal value in `b`.
fn dict_equal(a: &PyDictObject, b: &PyDictObject) -> PyResult<bool> {
    if a.ma_used.get() != b.ma_used.get() {
        return Ok(false);
    }
    let mut i = 0;
    loop {
        // Reread `a` at every step: the comparisons may change it.
        let entry = {
            // SAFETY: cloning runs no Python code.
            let dk = unsafe { a.keys() };
            match dk.dk_entries.get(i) {
                None => break,
                Some(ep) => match (&ep.me_key, &ep.me_value) {
                    (Some(k), Some(v)) => Some((k.clone(), v.clone(), ep.me_hash)),
                    _ => None,
                },
            }
        };
        i += 1;
        let Some((key, aval, hash)) = entry else {
            continue;
        };
        let Some(bval) = _Py_dict_lookup(b, &key, hash)?.1 else {
            return Ok(false);
        };
        if !PyObject_RichCompareBool(&aval, &bval, CompareOp::Eq)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    let (Some(a), Some(b)) = (
        v.downcast_ref::<PyDictObject>(),
        w.downcast_ref::<PyDictObject>(),
    ) else {
        return Ok(not_implemented());
    };
    match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = dict_equal(a, b)?;
            Ok(crate::boolobject::PyBool_FromLong(
                eq == (op == CompareOp::Eq),
            ))
        }
        _ => Ok(not_implemented()),
    }
}

fn dict_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    let dk = unsafe { as_dict(obj).keys() };
    for ep in &dk.dk_entries {
        if let Some(v) = &ep.me_value {
            visit(v);
            if !dk.is_unicode() {
                if let Some(k) = &ep.me_key {
                    visit(k);
                }
            }
        }
    }
}

fn dict_tp_clear(obj: &PyObject) {
    PyDict_Clear(as_dict(obj));
}

fn dict_contains_slot(obj: &PyObject, key: &PyObject) -> PyResult<bool> {
    PyDict_Contains(as_dict(obj), key)
}

fn dict_or(a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(ad), true) = (a.downcast_ref::<PyDictObject>(), PyDictObject::check(b)) else {
        return Ok(not_implemented());
    };
    let new = PyDict_Copy(ad)?;
    dict_update_arg(&new, b)?;
    Ok(new.into_object())
}

fn dict_ior(a: &PyObject, b: &PyObject) -> PyResult {
    dict_update_arg(as_dict(a), b)?;
    Ok(a.to_owned())
}

fn dict_iter(obj: &PyObject) -> PyResult {
    Ok(dictiter_new(as_dict(obj), &PyDictIterKey_Type))
}

fn dict_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    Ok(new_dict_of_type(tp, PyDictKeysObject::empty(), 0).into_object())
}

fn dict_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    dict_update_common(as_dict(obj), args, kwnames, "dict")
}

fn dict_vectorcall(tp: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let kw = crate::call::kwnames_slice(kwnames);
    let nargs = args.len() - kw.len();
    crate::getargs::check_positional("dict", nargs, 0, 1)?;
    let tp = crate::typeobject::as_type(tp).unwrap_or(&PyDict_Type);
    let d = new_dict_of_type(tp, PyDictKeysObject::empty(), 0);
    if nargs == 1 {
        dict_update_arg(&d, &args[0])?;
    }
    for (k, v) in kw.iter().zip(&args[nargs..]) {
        PyDict_SetItem(&d, k, v)?;
    }
    Ok(d.into_object())
}

// --- Methods ----------------------------------------------------------------------------------

fn dict___contains__(obj: &PyObject, key: &PyObject) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(PyDict_Contains(
        as_dict(obj),
        key,
    )?))
}

fn dict_getitem_meth(obj: &PyObject, key: &PyObject) -> PyResult {
    dict_subscript(obj, key)
}

fn dict_sizeof(obj: &PyObject) -> PyResult {
    let mp = as_dict(obj);
    let extra = crate::tupleobject::subclass_extra_size(obj.ob_type(), size_of::<PyDictObject>());
    // SAFETY: the borrow ends at once.
    let dk = unsafe { mp.keys() };
    let mut res = CPYTHON_DICT_BASICSIZE + extra;
    // The shared empty table is not counted.
    if !dk.is_empty_keys() {
        res += dk.keys_size();
    }
    Ok(PyLong_FromSsize_t(res as Py_ssize_t))
}

fn dict_get(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("get", args.len(), 1, 2)?;
    match PyDict_GetItemWithError(as_dict(obj), &args[0])? {
        Some(v) => Ok(v),
        None => Ok(args.get(1).cloned().unwrap_or_else(none)),
    }
}

fn dict_setdefault(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("setdefault", args.len(), 1, 2)?;
    let default = args.get(1).cloned().unwrap_or_else(none);
    PyDict_SetDefault(as_dict(obj), &args[0], &default)
}

fn dict_pop(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("pop", args.len(), 1, 2)?;
    _PyDict_Pop(as_dict(obj), &args[0], args.get(1).map(|d| &**d))
}

fn dict_popitem(obj: &PyObject) -> PyResult {
    let mp = as_dict(obj);
    if mp.ma_used.get() == 0 {
        return Err(PyErr_SetString(
            &PyExc_KeyError,
            "popitem(): dictionary is empty",
        ));
    }
    let (key, value) = {
        // SAFETY: no Python code runs and nothing is dropped while the table is
        // borrowed; the popped key and value are returned.
        let dk = unsafe { mp.keys_mut() };
        let mut i = dk.nentries();
        let found = loop {
            if i == 0 {
                break None;
            }
            i -= 1;
            if dk.dk_entries[i].me_value.is_some() {
                break Some(i);
            }
        };
        let Some(i) = found else {
            return Err(PyErr_SetString(
                &PyExc_KeyError,
                "popitem(): dictionary is empty",
            ));
        };
        let ep = &mut dk.dk_entries[i];
        let hash = ep.me_hash;
        let (key, value) = (ep.me_key.take(), ep.me_value.take());
        if let Some(j) = dk.lookdict_index(hash, i as Py_ssize_t) {
            dk.dk_indices.set(j, DKIX_DUMMY);
        }
        // The popped entry and any holes after it go; `dk_usable` stays, since the
        // index array keeps a dummy for it.
        dk.dk_entries.truncate(i);
        dk.dk_version.set(0);
        mp.ma_used.set(mp.ma_used.get() - 1);
        mp.bump_version();
        (key, value)
    };
    match (key, value) {
        (Some(k), Some(v)) => Ok(PyTuple_New(vec![k, v]).into_object()),
        _ => Err(PyErr_SetString(
            &PyExc_KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn dict_keys_meth(obj: &PyObject) -> PyResult {
    _PyDictView_New(obj, &PyDictKeys_Type)
}

fn dict_items_meth(obj: &PyObject) -> PyResult {
    _PyDictView_New(obj, &PyDictItems_Type)
}

fn dict_values_meth(obj: &PyObject) -> PyResult {
    _PyDictView_New(obj, &PyDictValues_Type)
}

fn dict_update(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    dict_update_common(as_dict(obj), args, kwnames, "update")?;
    Ok(none())
}

fn dict_fromkeys(cls: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("fromkeys", args.len(), 1, 2)?;
    let value = args.get(1).cloned().unwrap_or_else(none);
    _PyDict_FromKeys(cls, &args[0], &value)
}

fn dict_clear(obj: &PyObject) -> PyResult {
    PyDict_Clear(as_dict(obj));
    Ok(none())
}

fn dict_copy(obj: &PyObject) -> PyResult {
    Ok(PyDict_Copy(as_dict(obj))?.into_object())
}

fn dict___reversed__(obj: &PyObject) -> PyResult {
    Ok(dictiter_new(as_dict(obj), &PyDictRevIterKey_Type))
}

static DICT_METHODS: [PyMethodDef; 16] = [
    PyMethodDef::new(
        "__contains__",
        PyCFunction::O(dict___contains__),
        "__contains__($self, key, /)\n--\n\nTrue if the dictionary has the specified key, else False.",
    )
    .with_flags(METH_COEXIST),
    PyMethodDef::new("__getitem__", PyCFunction::O(dict_getitem_meth), "x.__getitem__(y) <==> x[y]").with_flags(METH_COEXIST),
    PyMethodDef::new("__sizeof__", PyCFunction::NoArgs(dict_sizeof), "D.__sizeof__() -> size of D in memory, in bytes"),
    PyMethodDef::new(
        "get",
        PyCFunction::Fast(dict_get),
        "get($self, key, default=None, /)\n--\n\nReturn the value for key if key is in the dictionary, else default.",
    ),
    PyMethodDef::new(
        "setdefault",
        PyCFunction::Fast(dict_setdefault),
        "setdefault($self, key, default=None, /)\n--\n\nInsert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default.",
    ),
    PyMethodDef::new(
        "pop",
        PyCFunction::Fast(dict_pop),
        "pop($self, key, default=<unrepresentable>, /)\n--\n\nD.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError.",
    ),
    PyMethodDef::new(
        "popitem",
        PyCFunction::NoArgs(dict_popitem),
        "popitem($self, /)\n--\n\nRemove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\nRaises KeyError if the dict is empty.",
    ),
    PyMethodDef::new("keys", PyCFunction::NoArgs(dict_keys_meth), "D.keys() -> a set-like object providing a view on D's keys"),
    PyMethodDef::new("items", PyCFunction::NoArgs(dict_items_meth), "D.items() -> a set-like object providing a view on D's items"),
    PyMethodDef::new("values", PyCFunction::NoArgs(dict_values_meth), "D.values() -> an object providing a view on D's values"),
    PyMethodDef::new(
        "update",
        PyCFunction::FastKw(dict_update),
        "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in F:  D[k] = F[k]",
    ),
    PyMethodDef::new(
        "fromkeys",
        PyCFunction::Fast(dict_fromkeys),
        "fromkeys($type, iterable, value=None, /)\n--\n\nCreate a new dictionary with keys from iterable and values set to value.",
    )
    .with_flags(METH_CLASS),
    PyMethodDef::new("clear", PyCFunction::NoArgs(dict_clear), "D.clear() -> None.  Remove all items from D."),
    PyMethodDef::new("copy", PyCFunction::NoArgs(dict_copy), "D.copy() -> a shallow copy of D"),
    PyMethodDef::new(
        "__reversed__",
        PyCFunction::NoArgs(dict___reversed__),
        "__reversed__($self, /)\n--\n\nReturn a reverse iterator over the dict keys.",
    ),
    crate::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
];

/// `dict`.
pub static PyDict_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "dict",
    tp_basicsize: Cell::new(size_of::<PyDictObject>()),
    tp_dealloc: slot(dict_dealloc),
    tp_repr: slot(dict_repr),
    tp_as_number: PyNumberMethods {
        nb_or: slot(dict_or),
        nb_inplace_or: slot(dict_ior),
        ..PyNumberMethods::EMPTY
    },
    tp_as_sequence: PySequenceMethods {
        sq_contains: slot(dict_contains_slot),
        ..PySequenceMethods::EMPTY
    },
    tp_as_mapping: PyMappingMethods {
        mp_length: slot(dict_length),
        mp_subscript: slot(dict_subscript),
        mp_ass_subscript: slot(dict_ass_sub),
    },
    tp_hash: slot(crate::typeslots::PyObject_HashNotImplemented_slot),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT
            | Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_BASETYPE
            | Py_TPFLAGS_DICT_SUBCLASS
            | Py_TPFLAGS_MATCH_SELF
            | Py_TPFLAGS_MAPPING,
    ),
    tp_doc: Some("dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)"),
    tp_traverse: slot(dict_traverse),
    tp_clear: slot(dict_tp_clear),
    tp_richcompare: slot(dict_richcompare),
    tp_iter: slot(dict_iter),
    tp_methods: &DICT_METHODS,
    tp_init: slot(dict_init),
    tp_new: slot(dict_new),
    tp_vectorcall: slot(dict_vectorcall),
    ..PyTypeObject::DEFAULT
};

// --- Iterators --------------------------------------------------------------------------------

/// `dictiterobject`: the iterators over keys, values and items, forwards and
/// backwards (the type says which).
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct dictiterobject {
    pub ob_base: PyObject,
    /// `None` once exhausted.
    di_dict: PyCell<Option<PyRef<PyDictObject>>>,
    /// `ma_used` when the iteration started; -1 after a size change (sticky).
    di_used: Cell<Py_ssize_t>,
    /// The next entry index to look at.
    di_pos: Cell<Py_ssize_t>,
    /// How many items are still expected.
    len: Cell<Py_ssize_t>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for dictiterobject {}

fn as_dictiter(obj: &PyObject) -> &dictiterobject {
    // SAFETY: installed on the dict iterator types only.
    unsafe { &*(obj as *const PyObject as *const dictiterobject) }
}

fn is_reverse_iter_type(tp: &PyTypeObject) -> bool {
    std::ptr::eq(tp, &PyDictRevIterKey_Type)
        || std::ptr::eq(tp, &PyDictRevIterItem_Type)
        || std::ptr::eq(tp, &PyDictRevIterValue_Type)
}

/// `dictiter_new`.
fn dictiter_new(dict: &PyDictObject, itertype: &'static PyTypeObject) -> PyObjectRef {
    let used = dict.ma_used.get();
    let pos = if is_reverse_iter_type(itertype) {
        // SAFETY: the borrow ends at once.
        unsafe { dict.keys() }.nentries() as Py_ssize_t - 1
    } else {
        0
    };
    // SAFETY: the struct is complete.
    unsafe {
        alloc_object(
            itertype,
            dictiterobject {
                ob_base: PyObject_HEAD_INIT,
                di_dict: PyCell::new(Some(PyRef::from_borrowed(dict))),
                di_used: Cell::new(used),
                di_pos: Cell::new(pos),
                len: Cell::new(used),
            },
        )
    }
    .into_object()
}

unsafe fn dictiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead dict iterator.
    unsafe { dealloc_object::<dictiterobject>(op) }
}

fn dictiter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(d) = unsafe { as_dictiter(obj).di_dict.get_ref() } {
        visit(d.as_object());
    }
}

fn dictiter_len(obj: &PyObject) -> PyResult {
    let di = as_dictiter(obj);
    // SAFETY: the borrow ends at once.
    let len = match unsafe { di.di_dict.get_ref() } {
        Some(d) if di.di_used.get() == d.ma_used.get() => di.len.get(),
        _ => 0,
    };
    Ok(PyLong_FromSsize_t(len))
}

/// What an iterator yields from an entry.
#[derive(Clone, Copy)]
enum IterKind {
    Keys,
    Values,
    Items,
}

fn entry_result(kind: IterKind, key: PyObjectRef, value: PyObjectRef) -> PyObjectRef {
    match kind {
        IterKind::Keys => key,
        IterKind::Values => value,
        IterKind::Items => PyTuple_New(vec![key, value]).into_object(),
    }
}

/// The forward `dictiter_iternext*` functions.
fn dictiter_iternext(obj: &PyObject, kind: IterKind) -> PyResult<Option<PyObjectRef>> {
    let di = as_dictiter(obj);
    let Some(d) = di.di_dict.get() else {
        return Ok(None);
    };
    if di.di_used.get() != d.ma_used.get() {
        di.di_used.set(-1);
        return Err(runtime_error("dictionary changed size during iteration"));
    }
    let found = {
        // SAFETY: cloning runs no Python code.
        let dk = unsafe { d.keys() };
        let mut i = di.di_pos.get().max(0) as usize;
        let mut found = None;
        while let Some(ep) = dk.dk_entries.get(i) {
            if let (Some(k), Some(v)) = (&ep.me_key, &ep.me_value) {
                found = Some((i, k.clone(), v.clone()));
                break;
            }
            i += 1;
        }
        found
    };
    let Some((i, key, value)) = found else {
        di.di_dict.set(None);
        return Ok(None);
    };
    // An item where none is expected: keys were deleted and others added.
    if di.len.get() == 0 {
        di.di_dict.set(None);
        return Err(runtime_error("dictionary keys changed during iteration"));
    }
    di.di_pos.set(i as Py_ssize_t + 1);
    di.len.set(di.len.get() - 1);
    Ok(Some(entry_result(kind, key, value)))
}

fn dictiter_iternextkey(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    dictiter_iternext(obj, IterKind::Keys)
}

fn dictiter_iternextvalue(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    dictiter_iternext(obj, IterKind::Values)
}

fn dictiter_iternextitem(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    dictiter_iternext(obj, IterKind::Items)
}

/// `dictreviter_iternext`.
fn dictreviter_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let di = as_dictiter(obj);
    let Some(d) = di.di_dict.get() else {
        return Ok(None);
    };
    if di.di_used.get() != d.ma_used.get() {
        di.di_used.set(-1);
        return Err(runtime_error("dictionary changed size during iteration"));
    }
    let found = {
        // SAFETY: cloning runs no Python code.
        let dk = unsafe { d.keys() };
        let mut i = di.di_pos.get();
        let mut found = None;
        while i >= 0 {
            if let Some(PyDictKeyEntry {
                me_key: Some(k),
                me_value: Some(v),
                ..
            }) = dk.dk_entries.get(i as usize)
            {
                found = Some((i, k.clone(), v.clone()));
                break;
            }
            i -= 1;
        }
        found
    };
    let Some((i, key, value)) = found else {
        di.di_dict.set(None);
        return Ok(None);
    };
    di.di_pos.set(i - 1);
    di.len.set(di.len.get() - 1);
    let tp = obj.ob_type();
    let kind = if std::ptr::eq(tp, &PyDictRevIterKey_Type) {
        IterKind::Keys
    } else if std::ptr::eq(tp, &PyDictRevIterValue_Type) {
        IterKind::Values
    } else {
        IterKind::Items
    };
    Ok(Some(entry_result(kind, key, value)))
}

/// `dictiter_reduce`: `(iter, (list_of_remaining_items,))`, computed on a copy of the
/// iterator so this one is not advanced.
fn dictiter_reduce(obj: &PyObject) -> PyResult {
    let di = as_dictiter(obj);
    // SAFETY: the struct is complete; the copy shares the dict.
    let copy = unsafe {
        alloc_object(
            obj.ob_type(),
            dictiterobject {
                ob_base: PyObject_HEAD_INIT,
                di_dict: PyCell::new(di.di_dict.get()),
                di_used: Cell::new(di.di_used.get()),
                di_pos: Cell::new(di.di_pos.get()),
                len: Cell::new(di.len.get()),
            },
        )
    };
    let items = crate::r#abstract::PySequence_List(copy.as_object())?;
    let iter = crate::iterobject::_PyEval_GetBuiltin(crate::intern!("iter"))?;
    Ok(PyTuple_New(vec![
        iter,
        PyTuple_New(vec![items.into_object()]).into_object(),
    ])
    .into_object())
}

static DICTITER_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(dictiter_len),
        LENGTH_HINT_DOC,
    ),
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(dictiter_reduce),
        REDUCE_DOC,
    ),
];

/// CPython's `sizeof(dictiterobject)` (it also holds a recycled result tuple); the
/// iterator types report it as their instance size, which `sys.getsizeof` shows.
const DICTITER_BASICSIZE: usize = if size_of::<dictiterobject>() > 56 {
    size_of::<dictiterobject>()
} else {
    56
};

macro_rules! dictiter_type {
    ($name:ident, $tp_name:literal, $next:ident, $getattro:expr) => {
        #[doc = concat!("`", $tp_name, "`.")]
        pub static $name: PyTypeObject = PyTypeObject {
            ob_base: PyObject::new_static(&PyType_Type),
            tp_name: $tp_name,
            tp_basicsize: Cell::new(DICTITER_BASICSIZE),
            tp_dealloc: slot(dictiter_dealloc),
            tp_getattro: $getattro,
            tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
            tp_traverse: slot(dictiter_traverse),
            tp_iter: slot(PyObject_SelfIter),
            tp_iternext: slot($next),
            tp_methods: &DICTITER_METHODS,
            ..PyTypeObject::DEFAULT
        };
    };
}

dictiter_type!(
    PyDictIterKey_Type,
    "dict_keyiterator",
    dictiter_iternextkey,
    slot(PyObject_GenericGetAttr)
);
dictiter_type!(
    PyDictIterValue_Type,
    "dict_valueiterator",
    dictiter_iternextvalue,
    slot(PyObject_GenericGetAttr)
);
dictiter_type!(
    PyDictIterItem_Type,
    "dict_itemiterator",
    dictiter_iternextitem,
    slot(PyObject_GenericGetAttr)
);
// CPython leaves `tp_getattro` of the reverse iterators to inheritance.
dictiter_type!(
    PyDictRevIterKey_Type,
    "dict_reversekeyiterator",
    dictreviter_iternext,
    no_slot()
);
dictiter_type!(
    PyDictRevIterValue_Type,
    "dict_reversevalueiterator",
    dictreviter_iternext,
    no_slot()
);
dictiter_type!(
    PyDictRevIterItem_Type,
    "dict_reverseitemiterator",
    dictreviter_iternext,
    no_slot()
);

// --- Views ------------------------------------------------------------------------------------

/// `_PyDictViewObject`: `d.keys()`, `d.values()`, `d.items()`.
#[repr(C)]
pub struct _PyDictViewObject {
    pub ob_base: PyObject,
    pub dv_dict: PyRef<PyDictObject>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for _PyDictViewObject {}

fn as_view(obj: &PyObject) -> &_PyDictViewObject {
    // SAFETY: installed on the view types only.
    unsafe { &*(obj as *const PyObject as *const _PyDictViewObject) }
}

/// `PyDictKeys_Check` and friends.
fn is_view_of(obj: &PyObject, tp: &PyTypeObject) -> bool {
    crate::typeobject::PyObject_TypeCheck(obj, tp)
}

/// `PyDictViewSet_Check`: a keys or items view (the set-like ones).
fn is_view_set(obj: &PyObject) -> bool {
    is_view_of(obj, &PyDictKeys_Type) || is_view_of(obj, &PyDictItems_Type)
}

/// `_PyDictView_New`.
pub fn _PyDictView_New(dict: &PyObject, tp: &'static PyTypeObject) -> PyResult {
    let Some(d) = dict.downcast_ref::<PyDictObject>() else {
        return Err(type_error(format!(
            "{}() requires a dict argument, not '{}'",
            tp.name(),
            dict.ob_type().name()
        )));
    };
    // SAFETY: the struct is complete.
    let dv = unsafe {
        alloc_object(
            tp,
            _PyDictViewObject {
                ob_base: PyObject_HEAD_INIT,
                dv_dict: PyRef::from_borrowed(d),
            },
        )
    };
    Ok(dv.into_object())
}

unsafe fn dictview_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead view.
    unsafe { dealloc_object::<_PyDictViewObject>(op) }
}

fn dictview_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit(as_view(obj).dv_dict.as_object());
}

fn dictview_len(obj: &PyObject) -> PyResult<Py_ssize_t> {
    Ok(as_view(obj).dv_dict.ma_used.get())
}

fn dictview_mapping(obj: &PyObject) -> PyResult {
    Ok(crate::descrobject::PyDictProxy_New(
        as_view(obj).dv_dict.as_object().to_owned(),
    ))
}

static DICTVIEW_GETSET: [PyGetSetDef; 1] = [PyGetSetDef {
    name: "mapping",
    get: Some(dictview_mapping),
    set: None,
    doc: Some("dictionary that this view refers to"),
}];

/// `all_contained_in`: is every item of `a` in `b`?
fn all_contained_in(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    let it = crate::r#abstract::PyObject_GetIter(a)?;
    while let Some(next) = crate::r#abstract::PyIter_Next(&it)? {
        if !crate::r#abstract::PySequence_Contains(b, &next)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dictview_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    if !crate::setobject::PyAnySet_Check(w) && !is_view_set(w) {
        return Ok(not_implemented());
    }
    let len_self = crate::r#abstract::PyObject_Size(v)?;
    let len_other = crate::r#abstract::PyObject_Size(w)?;
    let ok = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = len_self == len_other && all_contained_in(v, w)?;
            if op == CompareOp::Eq {
                eq
            } else {
                !eq
            }
        }
        CompareOp::Lt => len_self < len_other && all_contained_in(v, w)?,
        CompareOp::Le => len_self <= len_other && all_contained_in(v, w)?,
        CompareOp::Gt => len_self > len_other && all_contained_in(w, v)?,
        CompareOp::Ge => len_self >= len_other && all_contained_in(w, v)?,
    };
    Ok(crate::boolobject::PyBool_FromLong(ok))
}

fn dictview_repr(obj: &PyObject) -> PyResult {
    if Py_ReprEnter(obj)? {
        return Ok(PyUnicode_FromString("..."));
    }
    let _guard = ReprGuard(obj);
    let seq = crate::r#abstract::PySequence_List(obj)?;
    let r = PyObject_Repr(seq.as_object())?;
    let mut w = ReprWriter::new();
    w.push_str(obj.ob_type().name());
    w.push_str("(");
    w.push_obj(&r);
    w.push_str(")");
    Ok(w.finish())
}

fn dictkeys_iter(obj: &PyObject) -> PyResult {
    Ok(dictiter_new(&as_view(obj).dv_dict, &PyDictIterKey_Type))
}

fn dictvalues_iter(obj: &PyObject) -> PyResult {
    Ok(dictiter_new(&as_view(obj).dv_dict, &PyDictIterValue_Type))
}

fn dictitems_iter(obj: &PyObject) -> PyResult {
    Ok(dictiter_new(&as_view(obj).dv_dict, &PyDictIterItem_Type))
}

fn dictkeys_contains(obj: &PyObject, key: &PyObject) -> PyResult<bool> {
    PyDict_Contains(&as_view(obj).dv_dict, key)
}

/// `dictitems_contains`: `(k, v) in d.items()`.
fn dictitems_contains(obj: &PyObject, item: &PyObject) -> PyResult<bool> {
    let Some(t) = item.downcast_ref::<PyTupleObject>() else {
        return Ok(false);
    };
    let [key, value] = t.as_slice() else {
        return Ok(false);
    };
    let Some(found) = PyDict_GetItemWithError(&as_view(obj).dv_dict, key)? else {
        return Ok(false);
    };
    PyObject_RichCompareBool(&found, value, CompareOp::Eq)
}

fn dictkeys_reversed(obj: &PyObject) -> PyResult {
    Ok(dictiter_new(&as_view(obj).dv_dict, &PyDictRevIterKey_Type))
}

fn dictvalues_reversed(obj: &PyObject) -> PyResult {
    Ok(dictiter_new(
        &as_view(obj).dv_dict,
        &PyDictRevIterValue_Type,
    ))
}

fn dictitems_reversed(obj: &PyObject) -> PyResult {
    Ok(dictiter_new(&as_view(obj).dv_dict, &PyDictRevIterItem_Type))
}

/// `dictviews_to_set`: a new set of the view's elements (a keys view of an exact dict
/// goes through the set's fast path for dicts).
fn dictviews_to_set(obj: &PyObject) -> PyResult {
    if is_view_of(obj, &PyDictKeys_Type) {
        let d = &as_view(obj).dv_dict;
        if d.as_object().is_type(&PyDict_Type) {
            return crate::setobject::PySet_New(Some(d.as_object()));
        }
    }
    crate::setobject::PySet_New(Some(obj))
}

fn dictviews_sub(a: &PyObject, b: &PyObject) -> PyResult {
    let result = dictviews_to_set(a)?;
    crate::call::PyObject_CallMethodOneArg(&result, crate::intern!("difference_update"), b)?;
    Ok(result)
}

/// `_PyDictView_Intersect`: `view & other` (either operand may be the view).
pub fn _PyDictView_Intersect(a: &PyObject, b: &PyObject) -> PyResult {
    // The interpreter swaps the operands when the view is on the right.
    let (mut slf, mut other) = if is_view_set(a) { (a, b) } else { (b, a) };
    let len_self = dictview_len(slf)?;
    // A set at least as large: reuse the set's intersection.
    if crate::setobject::PySet_CheckExact(other)
        && len_self <= crate::r#abstract::PyObject_Size(other)?
    {
        return crate::call::PyObject_CallMethodOneArg(other, crate::intern!("intersection"), slf);
    }
    // Iterate over the smaller of two views.
    if is_view_set(other) && dictview_len(other)? > len_self {
        std::mem::swap(&mut slf, &mut other);
    }
    let result = crate::setobject::PySet_New(None)?;
    let it = crate::r#abstract::PyObject_GetIter(other)?;
    let keys = is_view_of(slf, &PyDictKeys_Type);
    while let Some(key) = crate::r#abstract::PyIter_Next(&it)? {
        let found = if keys {
            dictkeys_contains(slf, &key)?
        } else {
            dictitems_contains(slf, &key)?
        };
        if found {
            crate::setobject::PySet_Add(&result, &key)?;
        }
    }
    Ok(result)
}

fn dictviews_or(a: &PyObject, b: &PyObject) -> PyResult {
    let result = dictviews_to_set(a)?;
    crate::setobject::_PySet_Update(&result, b)?;
    Ok(result)
}

/// `dictitems_xor`: `d1.items() ^ d2.items()` without hashing the values.
fn dictitems_xor(a: &PyObject, b: &PyObject) -> PyResult {
    let d1 = &as_view(a).dv_dict;
    let d2 = &as_view(b).dv_dict;
    let temp = PyDict_Copy(d1)?;
    let result_set = crate::setobject::PySet_New(None)?;
    let mut pos = 0;
    while let Some((key, val2, hash)) = _PyDict_Next(d2, &mut pos) {
        let val1 = _Py_dict_lookup(&temp, &key, hash)?.1;
        let to_delete = match &val1 {
            None => false,
            Some(v1) => PyObject_RichCompareBool(v1, &val2, CompareOp::Eq)?,
        };
        if to_delete {
            _PyDict_DelItem_KnownHash(&temp, &key, hash)?;
        } else {
            let pair = PyTuple_New(vec![key, val2]).into_object();
            crate::setobject::PySet_Add(&result_set, &pair)?;
        }
    }
    let remaining =
        crate::call::PyObject_CallMethodNoArgs(temp.as_object(), crate::intern!("items"))?;
    crate::setobject::_PySet_Update(&result_set, &remaining)?;
    Ok(result_set)
}

fn dictviews_xor(a: &PyObject, b: &PyObject) -> PyResult {
    if is_view_of(a, &PyDictItems_Type) && is_view_of(b, &PyDictItems_Type) {
        return dictitems_xor(a, b);
    }
    let result = dictviews_to_set(a)?;
    crate::call::PyObject_CallMethodOneArg(
        &result,
        crate::intern!("symmetric_difference_update"),
        b,
    )?;
    Ok(result)
}

fn dictviews_isdisjoint(obj: &PyObject, other: &PyObject) -> PyResult {
    if obj.is(other) {
        return Ok(crate::boolobject::PyBool_FromLong(dictview_len(obj)? == 0));
    }
    let (mut slf, mut other) = (obj, other);
    // Iterate over the shorter one, when the other is a set (a containment test in
    // anything else might be slow).
    if crate::setobject::PyAnySet_Check(other) || is_view_set(other) {
        let len_self = dictview_len(slf)?;
        let len_other = crate::r#abstract::PyObject_Size(other)?;
        if len_other > len_self {
            std::mem::swap(&mut slf, &mut other);
        }
    }
    let it = crate::r#abstract::PyObject_GetIter(other)?;
    while let Some(item) = crate::r#abstract::PyIter_Next(&it)? {
        if crate::r#abstract::PySequence_Contains(slf, &item)? {
            return Ok(crate::boolobject::PyBool_FromLong(false));
        }
    }
    Ok(crate::boolobject::PyBool_FromLong(true))
}

const ISDISJOINT_DOC: &str =
    "Return True if the view and the given iterable have a null intersection.";

static DICTKEYS_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "isdisjoint",
        PyCFunction::O(dictviews_isdisjoint),
        ISDISJOINT_DOC,
    ),
    PyMethodDef::new(
        "__reversed__",
        PyCFunction::NoArgs(dictkeys_reversed),
        "Return a reverse iterator over the dict keys.",
    ),
];

static DICTITEMS_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "isdisjoint",
        PyCFunction::O(dictviews_isdisjoint),
        ISDISJOINT_DOC,
    ),
    PyMethodDef::new(
        "__reversed__",
        PyCFunction::NoArgs(dictitems_reversed),
        "Return a reverse iterator over the dict items.",
    ),
];

static DICTVALUES_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reversed__",
    PyCFunction::NoArgs(dictvalues_reversed),
    "Return a reverse iterator over the dict values.",
)];

// A template: each dict view type gets its own copy (of `Cell` slots) from it.
#[allow(clippy::declare_interior_mutable_const)]
const DICTVIEWS_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_subtract: slot(dictviews_sub),
    nb_and: slot(_PyDictView_Intersect),
    nb_xor: slot(dictviews_xor),
    nb_or: slot(dictviews_or),
    ..PyNumberMethods::EMPTY
};

/// `dict_keys`.
pub static PyDictKeys_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "dict_keys",
    tp_basicsize: Cell::new(size_of::<_PyDictViewObject>()),
    tp_dealloc: slot(dictview_dealloc),
    tp_repr: slot(dictview_repr),
    tp_as_number: DICTVIEWS_AS_NUMBER,
    tp_as_sequence: PySequenceMethods {
        sq_length: slot(dictview_len),
        sq_contains: slot(dictkeys_contains),
        ..PySequenceMethods::EMPTY
    },
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(dictview_traverse),
    tp_richcompare: slot(dictview_richcompare),
    tp_iter: slot(dictkeys_iter),
    tp_methods: &DICTKEYS_METHODS,
    tp_getset: &DICTVIEW_GETSET,
    ..PyTypeObject::DEFAULT
};

/// `dict_items`.
pub static PyDictItems_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "dict_items",
    tp_basicsize: Cell::new(size_of::<_PyDictViewObject>()),
    tp_dealloc: slot(dictview_dealloc),
    tp_repr: slot(dictview_repr),
    tp_as_number: DICTVIEWS_AS_NUMBER,
    tp_as_sequence: PySequenceMethods {
        sq_length: slot(dictview_len),
        sq_contains: slot(dictitems_contains),
        ..PySequenceMethods::EMPTY
    },
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(dictview_traverse),
    tp_richcompare: slot(dictview_richcompare),
    tp_iter: slot(dictitems_iter),
    tp_methods: &DICTITEMS_METHODS,
    tp_getset: &DICTVIEW_GETSET,
    ..PyTypeObject::DEFAULT
};

/// `dict_values`.
pub static PyDictValues_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "dict_values",
    tp_basicsize: Cell::new(size_of::<_PyDictViewObject>()),
    tp_dealloc: slot(dictview_dealloc),
    tp_repr: slot(dictview_repr),
    tp_as_sequence: PySequenceMethods {
        sq_length: slot(dictview_len),
        ..PySequenceMethods::EMPTY
    },
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(dictview_traverse),
    tp_iter: slot(dictvalues_iter),
    tp_methods: &DICTVALUES_METHODS,
    tp_getset: &DICTVIEW_GETSET,
    ..PyTypeObject::DEFAULT
};

/// The static types of this file.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![
        &PyDict_Type,
        &PyDictIterKey_Type,
        &PyDictIterValue_Type,
        &PyDictIterItem_Type,
        &PyDictRevIterKey_Type,
        &PyDictRevIterValue_Type,
        &PyDictRevIterItem_Type,
        &PyDictKeys_Type,
        &PyDictItems_Type,
        &PyDictValues_Type,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slots visited for `hash` in a table of 2**log2 slots, following CPython's
    /// recurrence.
    fn probe_sequence(hash: Py_hash_t, log2: u8, n: usize) -> Vec<usize> {
        let mask = (1usize << log2) - 1;
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        let mut out = vec![i];
        for _ in 1..n {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
            out.push(i);
        }
        out
    }

    #[test]
    fn probe_order_small_hash() {
        // With perturb already 0 the recurrence is 5*i + 1 (mod 8):
        // 0 -> 1 -> 6 -> 7 -> 4 -> 5 -> 2 -> 3 -> 0, as described in dictobject.c.
        assert_eq!(probe_sequence(0, 3, 9), vec![0, 1, 6, 7, 4, 5, 2, 3, 0]);
    }

    #[test]
    fn probe_order_uses_high_bits() {
        // 1 << 16 starts at slot 0 of an 8-slot table, like 0, but its perturbation
        // soon sends it elsewhere (values checked against CPython's recurrence).
        assert_eq!(probe_sequence(1 << 16, 3, 6), vec![0, 1, 6, 1, 6, 7]);
        assert_eq!(
            probe_sequence(12345678901234, 5, 8),
            vec![18, 26, 14, 3, 12, 22, 24, 0]
        );
    }

    #[test]
    fn probe_order_negative_hash() {
        // Hashes are used as unsigned: -2 starts at the top slot, and its perturbation
        // (all ones) keeps it there for a while.
        assert_eq!(probe_sequence(-2, 3, 4), vec![6, 6, 6, 6]);
    }

    #[test]
    fn keysize_rules() {
        assert_eq!(calculate_log2_keysize(0), 3);
        // CPython's bit trick gives 16 slots for 1..=7 (seen in `{'a': 1}` growing to
        // 16 slots when an int key turns it into a general table).
        assert_eq!(calculate_log2_keysize(1), 4);
        assert_eq!(calculate_log2_keysize(3), 4);
        assert_eq!(calculate_log2_keysize(7), 4);
        assert_eq!(calculate_log2_keysize(8), 3);
        assert_eq!(calculate_log2_keysize(9), 4);
        assert_eq!(calculate_log2_keysize(15), 4);
        // ... and a power of two from 16 up is doubled (the `| 8` adds a bit).
        assert_eq!(calculate_log2_keysize(16), 5);
        assert_eq!(calculate_log2_keysize(17), 5);
        assert_eq!(calculate_log2_keysize(31), 5);
        // estimate_log2_keysize(n) leaves room for n entries.
        for n in 0..2000usize {
            let log2 = estimate_log2_keysize(n);
            assert!(USABLE_FRACTION(1 << log2) >= n, "n = {n}");
        }
    }

    #[test]
    fn growth_matches_cpython_sizes() {
        // Inserting 1..=20 int keys one by one: the table sizes CPython goes through
        // (8 until the 6th insertion, 16 until the 11th, then 32).
        let mut log2 = 0u8; // the shared empty table
        let mut usable = 0usize;
        let mut used = 0usize;
        let mut sizes = Vec::new();
        for _ in 0..20 {
            if log2 == 0 {
                log2 = PyDict_LOG_MINSIZE;
                usable = USABLE_FRACTION(1 << log2);
            } else if usable == 0 {
                log2 = calculate_log2_keysize(GROWTH_RATE(used as Py_ssize_t));
                usable = USABLE_FRACTION(1 << log2) - used;
            }
            usable -= 1;
            used += 1;
            sizes.push(1usize << log2);
        }
        assert_eq!(sizes[..5], [8; 5]);
        assert_eq!(sizes[5..10], [16; 5]);
        assert_eq!(sizes[10..20], [32; 10]);
    }

    #[test]
    fn sizeof_formula() {
        // {1: 1}.__sizeof__() == 208 and {'a': 1}.__sizeof__() == 168 in CPython 3.11.
        let general = SIZEOF_PYDICTKEYSOBJECT + 8 + USABLE_FRACTION(8) * SIZEOF_PYDICTKEYENTRY;
        let unicode = SIZEOF_PYDICTKEYSOBJECT + 8 + USABLE_FRACTION(8) * SIZEOF_PYDICTUNICODEENTRY;
        assert_eq!(CPYTHON_DICT_BASICSIZE + general, 208);
        assert_eq!(CPYTHON_DICT_BASICSIZE + unicode, 168);
    }
}
