//! `set` and `frozenset`. Mirrors Objects/setobject.c (CPython 3.11).
//!
//! A set is an open-addressing hash table of `(key, hash)` entries. A probe first
//! looks at up to `LINEAR_PROBES + 1` consecutive slots (cheap, cache-friendly), then
//! jumps with the same perturbed recurrence as dicts, `i = (5*i + 1 + perturb) &
//! mask`. Deleted entries become *dummies* that keep probe chains intact until the
//! next resize. A table is resized when it is 3/5 full (counting dummies), to four
//! times the number of live entries (twice beyond 50,000). Because iteration walks the
//! table, following these rules exactly is what makes `print({...})` and `set.pop()`
//! agree with python3.
//!
//! Differences from CPython:
//! - No 8-entry table inside the object: the smallest table is a separate allocation.
//!   `__sizeof__` reports CPython's figure regardless.
//! - Since the table is not addressed by pointer, "the table changed under a
//!   comparison" is detected with a serial number (`table_id`).

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::*;
use include::cpython::object::{PyNumberMethods, PySequenceMethods};
use include::methodobject::{PyCFunction, PyMethodDef, METH_COEXIST};
use include::object::GlobalCell;

use crate::dictobject::{_PyDict_Contains_KnownHash, _PyDict_Next, PyDictObject, PyDict_Type};
use crate::exceptions::*;
use crate::longobject::PyLong_FromSsize_t;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::{
    PyObject_SelfIter, PyTuple_New, ReprGuard, ReprWriter, LENGTH_HINT_DOC, REDUCE_DOC,
};
use crate::typeobject::{PyType_IsSubtype, PyType_Type};
use crate::unicodeobject::{_PyUnicode_EQ, PyUnicodeObject, PyUnicode_FromString, PyUnicode_Type};

/// `PySet_MINSIZE`.
const PySet_MINSIZE: usize = 8;
/// `LINEAR_PROBES`: consecutive slots examined before jumping.
const LINEAR_PROBES: usize = 9;
/// `PERTURB_SHIFT`.
const PERTURB_SHIFT: u32 = 5;
/// CPython's `sizeof(PySetObject)` and `sizeof(setentry)`, for `__sizeof__`.
const CPYTHON_SET_BASICSIZE: usize = 200;
const SIZEOF_SETENTRY: usize = 16;

/// `setentry`. Unused: no key, hash 0. Dummy (deleted): no key, hash -1. Active: a
/// key and its hash (never -1).
#[derive(Default)]
struct setentry {
    key: Option<PyObjectRef>,
    hash: Py_hash_t,
}

impl setentry {
    #[inline(always)]
    fn is_unused(&self) -> bool {
        self.key.is_none() && self.hash == 0
    }

    #[inline(always)]
    fn is_dummy(&self) -> bool {
        self.key.is_none() && self.hash == -1
    }
}

/// `PySetObject`, the layout of both `set` and `frozenset`.
#[repr(C)]
pub struct PySetObject {
    pub ob_base: PyObject,
    /// Active plus dummy entries.
    fill: Cell<Py_ssize_t>,
    /// Active entries.
    used: Cell<Py_ssize_t>,
    /// The table; its length (a power of two) is `mask + 1`.
    table: PyCell<PyMemVec<setentry>>,
    /// A new number whenever `table` is replaced.
    table_id: Cell<u64>,
    /// The cached hash of a frozenset, -1 until computed.
    hash: Cell<Py_hash_t>,
    /// Where `pop()` resumes its search.
    finger: Cell<usize>,
    /// `__weakref__`.
    weakreflist: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PySetObject {}

impl PyTypeInfo for PySetObject {
    fn type_object() -> &'static PyTypeObject {
        &PySet_Type
    }
    /// `PyAnySet_Check`: set and frozenset share this layout.
    #[inline]
    fn check(obj: &PyObject) -> bool {
        PyAnySet_Check(obj)
    }
}

impl PySetObject {
    /// `len(s)`.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.used.get().max(0) as usize
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.used.get() == 0
    }

    /// Borrow the table.
    ///
    /// # Safety
    /// No Python code may run and the table may not change while the borrow lives.
    #[inline(always)]
    unsafe fn table(&self) -> &[setentry] {
        // SAFETY: upheld by the caller.
        unsafe { self.table.get_ref() }
    }

    /// Mutably borrow the table.
    ///
    /// # Safety
    /// As for `table`, and no reference may be dropped while the borrow lives.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    unsafe fn table_mut(&self) -> &mut [setentry] {
        // SAFETY: upheld by the caller.
        unsafe { self.table.get_mut() }
    }

    #[inline(always)]
    fn mask(&self) -> usize {
        // SAFETY: the borrow ends at once.
        unsafe { self.table() }.len() - 1
    }

    /// Put a new table in place (bumping `table_id`) and return the old one.
    fn replace_table(&self, new: PyMemVec<setentry>) -> PyMemVec<setentry> {
        self.table_id.set(next_table_id());
        self.table.replace(new)
    }
}

static TABLE_ID: GlobalCell<Cell<u64>> = GlobalCell::new(Cell::new(0));

fn next_table_id() -> u64 {
    // SAFETY: a Cell in a global.
    let c = unsafe { TABLE_ID.get_ref() };
    let v = c.get().wrapping_add(1);
    c.set(v);
    v
}

/// A table of `size` unused entries, in pymalloc memory as CPython's tables.
fn new_table(size: usize) -> PyResult<PyMemVec<setentry>> {
    let mut v = PyMemVec::try_with_capacity(size).ok_or_else(PyErr_NoMemory)?;
    for _ in 0..size {
        v.push(setentry::default());
    }
    Ok(v)
}

/// `PyAnySet_Check`.
#[inline]
pub fn PyAnySet_Check(obj: &PyObject) -> bool {
    let tp = obj.ob_type();
    std::ptr::eq(tp, &PySet_Type)
        || std::ptr::eq(tp, &PyFrozenSet_Type)
        || PyType_IsSubtype(tp, &PySet_Type)
        || PyType_IsSubtype(tp, &PyFrozenSet_Type)
}

/// `PyAnySet_CheckExact`.
#[inline]
pub fn PyAnySet_CheckExact(obj: &PyObject) -> bool {
    obj.is_type(&PySet_Type) || obj.is_type(&PyFrozenSet_Type)
}

/// `PySet_Check`: a set or set subclass (not a frozenset).
#[inline]
pub fn PySet_Check(obj: &PyObject) -> bool {
    obj.is_type(&PySet_Type) || PyType_IsSubtype(obj.ob_type(), &PySet_Type)
}

/// `PySet_CheckExact`.
#[inline]
pub fn PySet_CheckExact(obj: &PyObject) -> bool {
    obj.is_type(&PySet_Type)
}

/// `PyFrozenSet_Check`.
#[inline]
pub fn PyFrozenSet_Check(obj: &PyObject) -> bool {
    obj.is_type(&PyFrozenSet_Type) || PyType_IsSubtype(obj.ob_type(), &PyFrozenSet_Type)
}

/// `PyFrozenSet_CheckExact`.
#[inline]
pub fn PyFrozenSet_CheckExact(obj: &PyObject) -> bool {
    obj.is_type(&PyFrozenSet_Type)
}

#[inline(always)]
fn as_set(obj: &PyObject) -> &PySetObject {
    // SAFETY: the set slots and methods are installed on set and frozenset types only
    // (method descriptors check the type of `self`).
    unsafe { &*(obj as *const PyObject as *const PySetObject) }
}

/// An exact `str` (whose cached hash and content comparison need no Python code).
#[inline(always)]
fn exact_str(obj: &PyObject) -> Option<&PyUnicodeObject> {
    if obj.is_type(&PyUnicode_Type) {
        // SAFETY: checked to be exactly `str`.
        Some(unsafe { &*(obj as *const PyObject as *const PyUnicodeObject) })
    } else {
        None
    }
}

#[inline]
fn key_hash(key: &PyObject) -> PyResult<Py_hash_t> {
    match exact_str(key) {
        Some(u) => Ok(u.hash_value()),
        None => PyObject_Hash(key),
    }
}

/// Do two str keys match without running Python code?
#[inline(always)]
fn unicode_match(startkey: &PyObject, key: &PyObject) -> bool {
    match (exact_str(startkey), exact_str(key)) {
        (Some(a), Some(b)) => _PyUnicode_EQ(a, b),
        _ => false,
    }
}

// --- Probing -------------------------------------------------------------------------------

/// How many slots after `i` the linear part of a probe may look at.
#[inline(always)]
fn linear_probes(i: usize, mask: usize) -> usize {
    if i + LINEAR_PROBES <= mask {
        LINEAR_PROBES
    } else {
        0
    }
}

/// `set_lookkey`: the index of the active entry equal to `key`, or `None`.
fn set_lookkey(so: &PySetObject, key: &PyObject, hash: Py_hash_t) -> PyResult<Option<usize>> {
    'restart: loop {
        let mut mask = so.mask();
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        loop {
            let probes = linear_probes(i, mask);
            let mut j = i;
            for _ in 0..=probes {
                // What the entry holds, copied out so the borrow ends before `__eq__`.
                let candidate = {
                    // SAFETY: the borrow ends before any Python code runs.
                    let table = unsafe { so.table() };
                    let Some(entry) = table.get(j) else { break };
                    if entry.is_unused() {
                        return Ok(None);
                    }
                    match &entry.key {
                        Some(k) if entry.hash == hash => {
                            if k.is(key) || unicode_match(k, key) {
                                return Ok(Some(j));
                            }
                            Some(k.clone())
                        }
                        _ => None,
                    }
                };
                if let Some(startkey) = candidate {
                    let id = so.table_id.get();
                    let cmp = PyObject_RichCompareBool(&startkey, key, CompareOp::Eq)?;
                    // SAFETY: the borrow ends at once.
                    let same = so.table_id.get() == id
                        && unsafe { so.table() }
                            .get(j)
                            .and_then(|e| e.key.as_ref())
                            .is_some_and(|k| k.is(&startkey));
                    if !same {
                        continue 'restart;
                    }
                    if cmp {
                        return Ok(Some(j));
                    }
                    mask = so.mask();
                }
                j += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
}

/// `set_add_entry`: add `key` (taking the reference) unless an equal key is there.
fn set_add_entry(so: &PySetObject, key: PyObjectRef, hash: Py_hash_t) -> PyResult<()> {
    'restart: loop {
        let mask = so.mask();
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let slot = 'search: loop {
            let probes = linear_probes(i, mask);
            let mut j = i;
            for _ in 0..=probes {
                let candidate = {
                    // SAFETY: the borrow ends before any Python code runs.
                    let table = unsafe { so.table() };
                    let Some(entry) = table.get(j) else { break };
                    if entry.is_unused() {
                        break 'search j;
                    }
                    if entry.hash == hash {
                        match &entry.key {
                            Some(k) => {
                                if k.is(&key) || unicode_match(k, &key) {
                                    // Already present.
                                    return Ok(());
                                }
                                Some(k.clone())
                            }
                            None => None,
                        }
                    } else {
                        if entry.is_dummy() {
                            freeslot = Some(j);
                        }
                        None
                    }
                };
                if let Some(startkey) = candidate {
                    let id = so.table_id.get();
                    let cmp = PyObject_RichCompareBool(&startkey, &key, CompareOp::Eq)?;
                    if cmp {
                        return Ok(());
                    }
                    // SAFETY: the borrow ends at once.
                    let same = so.table_id.get() == id
                        && unsafe { so.table() }
                            .get(j)
                            .and_then(|e| e.key.as_ref())
                            .is_some_and(|k| k.is(&startkey));
                    if !same {
                        continue 'restart;
                    }
                }
                j += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        };
        // SAFETY: no Python code runs and nothing is dropped while the table is
        // borrowed (the slot is unused or a dummy: it holds no reference).
        let table = unsafe { so.table_mut() };
        if let Some(f) = freeslot {
            // Reuse a dummy: `fill` does not change.
            so.used.set(so.used.get() + 1);
            table[f] = setentry {
                key: Some(key),
                hash,
            };
            return Ok(());
        }
        so.fill.set(so.fill.get() + 1);
        so.used.set(so.used.get() + 1);
        table[slot] = setentry {
            key: Some(key),
            hash,
        };
        if (so.fill.get() as usize) * 5 < mask * 3 {
            return Ok(());
        }
        let used = so.used.get();
        return set_table_resize(so, if used > 50000 { used * 2 } else { used * 4 });
    }
}

/// `set_insert_clean`: put a key known to be absent into a table without dummies.
fn set_insert_clean(table: &mut [setentry], mask: usize, key: PyObjectRef, hash: Py_hash_t) {
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    loop {
        if table[i].key.is_none() {
            table[i] = setentry {
                key: Some(key),
                hash,
            };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for entry in &mut table[i + 1..=i + LINEAR_PROBES] {
                if entry.key.is_none() {
                    *entry = setentry {
                        key: Some(key),
                        hash,
                    };
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

/// `set_table_resize`: a table of the smallest power of two above `minused` (at
/// least 8), with every live key reinserted in table order and no dummies.
fn set_table_resize(so: &PySetObject, minused: Py_ssize_t) -> PyResult<()> {
    let mut newsize = PySet_MINSIZE;
    while newsize as Py_ssize_t <= minused {
        newsize = match newsize.checked_mul(2) {
            Some(n) if n <= (isize::MAX as usize) / SIZEOF_SETENTRY => n,
            _ => return Err(PyErr_NoMemory()),
        };
    }
    if newsize == PySet_MINSIZE && so.mask() + 1 == PySet_MINSIZE && so.fill.get() == so.used.get()
    {
        // Already minimal and without dummies: nothing to gain.
        return Ok(());
    }
    let mut newtable = new_table(newsize)?;
    let newmask = newsize - 1;
    // SAFETY: no Python code runs and nothing is dropped while the old table is
    // borrowed: its keys move into the new table.
    let old = unsafe { so.table_mut() };
    for entry in old.iter_mut() {
        if let Some(k) = entry.key.take() {
            set_insert_clean(&mut newtable, newmask, k, entry.hash);
        }
    }
    so.fill.set(so.used.get());
    // The old table holds no references any more.
    drop(so.replace_table(newtable));
    Ok(())
}

/// `set_discard_entry`: `Ok(true)` if the key was found and removed.
fn set_discard_entry(so: &PySetObject, key: &PyObject, hash: Py_hash_t) -> PyResult<bool> {
    let Some(j) = set_lookkey(so, key, hash)? else {
        return Ok(false);
    };
    let old = {
        // SAFETY: nothing is dropped while the table is borrowed.
        let table = unsafe { so.table_mut() };
        let e = &mut table[j];
        e.hash = -1;
        e.key.take()
    };
    so.used.set(so.used.get() - 1);
    drop(old);
    Ok(true)
}

fn set_add_key(so: &PySetObject, key: &PyObject) -> PyResult<()> {
    let hash = key_hash(key)?;
    set_add_entry(so, key.to_owned(), hash)
}

fn set_contains_key(so: &PySetObject, key: &PyObject) -> PyResult<bool> {
    let hash = key_hash(key)?;
    Ok(set_lookkey(so, key, hash)?.is_some())
}

fn set_discard_key(so: &PySetObject, key: &PyObject) -> PyResult<bool> {
    let hash = key_hash(key)?;
    set_discard_entry(so, key, hash)
}

/// `set_clear_internal`: empty the set first, then release the keys (their `__del__`
/// may use the set).
fn set_clear_internal(so: &PySetObject) {
    // SAFETY: the borrow ends at once.
    if so.fill.get() == 0 && unsafe { so.table() }.len() == PySet_MINSIZE {
        return;
    }
    let Ok(fresh) = new_table(PySet_MINSIZE) else {
        return;
    };
    let old = so.replace_table(fresh);
    so.fill.set(0);
    so.used.set(0);
    so.hash.set(-1);
    drop(old);
}

/// `set_next`: the next active entry at or after `*pos`.
fn set_next(so: &PySetObject, pos: &mut usize) -> Option<(PyObjectRef, Py_hash_t)> {
    // SAFETY: cloning runs no Python code.
    let table = unsafe { so.table() };
    let mut i = *pos;
    while let Some(e) = table.get(i) {
        if let Some(k) = &e.key {
            *pos = i + 1;
            return Some((k.clone(), e.hash));
        }
        i += 1;
    }
    *pos = i + 1;
    None
}

/// `_PySet_NextEntry`: iterate a set or frozenset with the stored hashes.
pub fn _PySet_NextEntry(set: &PyObject, pos: &mut usize) -> Option<(PyObjectRef, Py_hash_t)> {
    if !PyAnySet_Check(set) {
        return None;
    }
    set_next(as_set(set), pos)
}

/// A snapshot of the active entries, in table order.
fn entries(so: &PySetObject) -> Vec<(PyObjectRef, Py_hash_t)> {
    // SAFETY: cloning runs no Python code.
    let table = unsafe { so.table() };
    let mut out = Vec::with_capacity(so.len());
    for e in table.iter() {
        if let Some(k) = &e.key {
            out.push((k.clone(), e.hash));
        }
    }
    out
}

/// `set_merge`: add every key of the set or frozenset `other`.
fn set_merge(so: &PySetObject, other: &PySetObject) -> PyResult<()> {
    if std::ptr::eq(so, other) || other.used.get() == 0 {
        return Ok(());
    }
    // One big resize up front.
    if ((so.fill.get() + other.used.get()) as usize) * 5 >= so.mask() * 3 {
        set_table_resize(so, (so.used.get() + other.used.get()) * 2)?;
    }
    let other_entries = entries(other);
    if so.fill.get() == 0 {
        // An empty table: copy slot for slot if the sizes match and `other` has no
        // dummies, else insert without comparisons.
        // SAFETY: no Python code runs and nothing is dropped while both tables are
        // borrowed (the target is empty).
        let same_shape = so.mask() == other.mask() && other.fill.get() == other.used.get();
        if same_shape {
            let src = unsafe { other.table() };
            let dst = unsafe { so.table_mut() };
            for (d, s) in dst.iter_mut().zip(src.iter()) {
                if let Some(k) = &s.key {
                    *d = setentry {
                        key: Some(k.clone()),
                        hash: s.hash,
                    };
                }
            }
            so.fill.set(other.fill.get());
            so.used.set(other.used.get());
            return Ok(());
        }
        let mask = so.mask();
        // SAFETY: as above.
        let dst = unsafe { so.table_mut() };
        so.fill.set(other.used.get());
        so.used.set(other.used.get());
        for (k, h) in other_entries {
            set_insert_clean(dst, mask, k, h);
        }
        return Ok(());
    }
    // Duplicates are possible: normal insertions.
    for (k, h) in other_entries {
        set_add_entry(so, k, h)?;
    }
    Ok(())
}

/// `set_update_internal`: add every element of `other`.
fn set_update_internal(so: &PySetObject, other: &PyObject) -> PyResult<()> {
    if PyAnySet_Check(other) {
        return set_merge(so, as_set(other));
    }
    if other.is_type(&PyDict_Type) {
        // SAFETY: checked to be a dict.
        let d = unsafe { &*(other as *const PyObject as *const PyDictObject) };
        let dictsize = d.len() as Py_ssize_t;
        if ((so.fill.get() + dictsize) as usize) * 5 >= so.mask() * 3 {
            set_table_resize(so, (so.used.get() + dictsize) * 2)?;
        }
        let mut pos = 0;
        while let Some((key, _, hash)) = _PyDict_Next(d, &mut pos) {
            set_add_entry(so, key, hash)?;
        }
        return Ok(());
    }
    let it = crate::r#abstract::PyObject_GetIter(other)?;
    while let Some(key) = crate::r#abstract::PyIter_Next(&it)? {
        set_add_key(so, &key)?;
    }
    Ok(())
}

// --- Construction -------------------------------------------------------------------------

fn alloc_set(tp: &PyTypeObject) -> PyResult<PyRef<PySetObject>> {
    let table = new_table(PySet_MINSIZE)?;
    // SAFETY: `tp` is set, frozenset or a subtype; the struct is complete.
    Ok(unsafe {
        alloc_object(
            tp,
            PySetObject {
                ob_base: PyObject_HEAD_INIT,
                fill: Cell::new(0),
                used: Cell::new(0),
                table: PyCell::new(table),
                table_id: Cell::new(next_table_id()),
                hash: Cell::new(-1),
                finger: Cell::new(0),
                weakreflist: PyCell::new(None),
            },
        )
    })
}

/// `make_new_set`.
fn make_new_set(tp: &PyTypeObject, iterable: Option<&PyObject>) -> PyResult<PyRef<PySetObject>> {
    let so = alloc_set(tp)?;
    if let Some(it) = iterable {
        set_update_internal(&so, it)?;
    }
    Ok(so)
}

/// `make_new_set_basetype`: results of set operations on subclasses are plain sets
/// or frozensets.
fn make_new_set_basetype(
    tp: &PyTypeObject,
    iterable: Option<&PyObject>,
) -> PyResult<PyRef<PySetObject>> {
    let base: &PyTypeObject =
        if std::ptr::eq(tp, &PySet_Type) || std::ptr::eq(tp, &PyFrozenSet_Type) {
            tp
        } else if PyType_IsSubtype(tp, &PySet_Type) {
            &PySet_Type
        } else {
            &PyFrozenSet_Type
        };
    make_new_set(base, iterable)
}

/// `make_new_frozenset`: `frozenset(f)` of an exact frozenset is `f` itself.
fn make_new_frozenset(tp: &PyTypeObject, iterable: Option<&PyObject>) -> PyResult {
    if !std::ptr::eq(tp, &PyFrozenSet_Type) {
        return Ok(make_new_set(tp, iterable)?.into_object());
    }
    if let Some(it) = iterable {
        if PyFrozenSet_CheckExact(it) {
            return Ok(it.to_owned());
        }
    }
    Ok(make_new_set(tp, iterable)?.into_object())
}

/// `PySet_New`.
pub fn PySet_New(iterable: Option<&PyObject>) -> PyResult<PyObjectRef> {
    Ok(make_new_set(&PySet_Type, iterable)?.into_object())
}

/// `PyFrozenSet_New`.
pub fn PyFrozenSet_New(iterable: Option<&PyObject>) -> PyResult<PyObjectRef> {
    Ok(make_new_set(&PyFrozenSet_Type, iterable)?.into_object())
}

/// `PySet_Size`.
pub fn PySet_Size(anyset: &PyObject) -> usize {
    if PyAnySet_Check(anyset) {
        as_set(anyset).len()
    } else {
        0
    }
}

fn bad_internal_call() -> PyErr {
    system_error("bad argument to internal function")
}

/// `PySet_Add`: add to a set (or to a frozenset nobody else holds yet, while it is
/// being built).
pub fn PySet_Add(anyset: &PyObject, key: &PyObject) -> PyResult<()> {
    if !PySet_Check(anyset) && (!PyFrozenSet_Check(anyset) || anyset.refcnt() != 1) {
        return Err(bad_internal_call());
    }
    set_add_key(as_set(anyset), key)
}

/// `PySet_Contains`.
pub fn PySet_Contains(anyset: &PyObject, key: &PyObject) -> PyResult<bool> {
    if !PyAnySet_Check(anyset) {
        return Err(bad_internal_call());
    }
    set_contains_key(as_set(anyset), key)
}

/// `PySet_Discard`.
pub fn PySet_Discard(set: &PyObject, key: &PyObject) -> PyResult<bool> {
    if !PySet_Check(set) {
        return Err(bad_internal_call());
    }
    set_discard_key(as_set(set), key)
}

/// `PySet_Clear`.
pub fn PySet_Clear(set: &PyObject) -> PyResult<()> {
    if !PySet_Check(set) {
        return Err(bad_internal_call());
    }
    set_clear_internal(as_set(set));
    Ok(())
}

/// `PySet_Pop`.
pub fn PySet_Pop(set: &PyObject) -> PyResult {
    if !PySet_Check(set) {
        return Err(bad_internal_call());
    }
    set_pop(set)
}

/// `_PySet_Update`: `set.update(iterable)` for `SET_UPDATE` and friends.
pub fn _PySet_Update(set: &PyObject, iterable: &PyObject) -> PyResult<()> {
    if !PySet_Check(set) {
        return Err(bad_internal_call());
    }
    set_update_internal(as_set(set), iterable)
}

// --- Slots --------------------------------------------------------------------------------

unsafe fn set_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead set or frozenset: untrack, clear weak references, then
    // release the keys in table order.
    unsafe {
        if (*op).ob_type().is_gc() {
            include::gc::gc_untrack(op);
        }
        let so = &*(op as *const PySetObject);
        if so.weakreflist.get().is_some() {
            crate::weakrefobject::PyObject_ClearWeakRefs(&*op);
        }
        drop(so.table.replace(PyMemVec::new()));
        dealloc_object::<PySetObject>(op);
    }
}

fn set_repr(obj: &PyObject) -> PyResult {
    let so = as_set(obj);
    let name = obj.ob_type().name();
    if Py_ReprEnter(obj)? {
        return Ok(PyUnicode_FromString(&format!("{name}(...)")));
    }
    let _guard = ReprGuard(obj);
    if so.used.get() == 0 {
        return Ok(PyUnicode_FromString(&format!("{name}()")));
    }
    let keys = crate::r#abstract::PySequence_List(obj)?;
    let listrepr = PyObject_Repr(keys.as_object())?;
    let Some(u) = listrepr.downcast_ref::<PyUnicodeObject>() else {
        return Ok(listrepr);
    };
    // repr(keys)[1:-1]
    let inner = crate::unicodeobject::unicode_substring(u, 1, u.len().saturating_sub(1).max(1));
    let mut w = ReprWriter::new();
    if obj.is_type(&PySet_Type) {
        w.push_str("{");
        w.push_obj(&inner);
        w.push_str("}");
    } else {
        w.push_str(name);
        w.push_str("({");
        w.push_obj(&inner);
        w.push_str("})");
    }
    Ok(w.finish())
}

fn set_len(obj: &PyObject) -> PyResult<Py_ssize_t> {
    Ok(as_set(obj).used.get())
}

fn set_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    for e in unsafe { as_set(obj).table() }.iter() {
        if let Some(k) = &e.key {
            visit(k);
        }
    }
}

fn set_tp_clear(obj: &PyObject) {
    set_clear_internal(as_set(obj));
}

/// `_shuffle_bits`: spread the bits of nearby hashes.
#[inline(always)]
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// `frozenset_hash`: an order-independent combination of the entries' hashes,
/// exactly CPython's, cached in the object.
fn frozenset_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    let so = as_set(obj);
    if so.hash.get() != -1 {
        return Ok(so.hash.get());
    }
    let mut hash: u64 = 0;
    // SAFETY: the loop runs no Python code.
    for e in unsafe { so.table() }.iter() {
        if e.key.is_some() {
            hash ^= shuffle_bits(e.hash as u64);
        }
    }
    // Factor in the number of active entries.
    hash ^= (so.used.get() as u64 + 1).wrapping_mul(1927868237);
    // Disperse patterns arising in nested frozensets.
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    so.hash.set(hash as Py_hash_t);
    Ok(hash as Py_hash_t)
}

/// `set_contains`: `key in s`; an unhashable set is looked up as a frozenset.
fn set_contains(obj: &PyObject, key: &PyObject) -> PyResult<bool> {
    let so = as_set(obj);
    match set_contains_key(so, key) {
        Err(e) if PySet_Check(key) && PyErr_ExceptionMatches(&e, &PyExc_TypeError) => {
            let tmp = make_new_set(&PyFrozenSet_Type, Some(key))?;
            set_contains_key(so, tmp.as_object())
        }
        r => r,
    }
}

fn set_iter(obj: &PyObject) -> PyResult {
    let so = as_set(obj);
    // SAFETY: the struct is complete.
    let it = unsafe {
        alloc_object(
            &PySetIter_Type,
            setiterobject {
                ob_base: PyObject_HEAD_INIT,
                si_set: PyCell::new(Some(PyRef::from_borrowed(so))),
                si_used: Cell::new(so.used.get()),
                si_pos: Cell::new(0),
                len: Cell::new(so.used.get()),
            },
        )
    };
    Ok(it.into_object())
}

/// `set_swap_bodies`: exchange the contents of two sets (used to update in place from
/// a computed result).
fn set_swap_bodies(a: &PySetObject, b: &PySetObject) {
    a.fill.swap(&b.fill);
    a.used.swap(&b.used);
    let ta = a.table.replace(PyMemVec::new());
    let tb = b.table.replace(ta);
    a.table.set(tb);
    a.table_id.set(next_table_id());
    b.table_id.set(next_table_id());
    if PyType_IsSubtype(a.as_object().ob_type(), &PyFrozenSet_Type)
        && PyType_IsSubtype(b.as_object().ob_type(), &PyFrozenSet_Type)
    {
        a.hash.swap(&b.hash);
    } else {
        a.hash.set(-1);
        b.hash.set(-1);
    }
}

// --- Set algebra --------------------------------------------------------------------------

fn set_copy_impl(so: &PyObject) -> PyResult<PyRef<PySetObject>> {
    make_new_set_basetype(so.ob_type(), Some(so))
}

fn set_copy(obj: &PyObject) -> PyResult {
    Ok(set_copy_impl(obj)?.into_object())
}

fn frozenset_copy(obj: &PyObject) -> PyResult {
    if PyFrozenSet_CheckExact(obj) {
        return Ok(obj.to_owned());
    }
    set_copy(obj)
}

fn set_clear(obj: &PyObject) -> PyResult {
    set_clear_internal(as_set(obj));
    Ok(none())
}

fn set_union(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let result = set_copy_impl(obj)?;
    for other in args {
        if other.is(obj) {
            continue;
        }
        set_update_internal(&result, other)?;
    }
    Ok(result.into_object())
}

fn set_or(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyAnySet_Check(a) || !PyAnySet_Check(b) {
        return Ok(not_implemented());
    }
    let result = set_copy_impl(a)?;
    if a.is(b) {
        return Ok(result.into_object());
    }
    set_update_internal(&result, b)?;
    Ok(result.into_object())
}

fn set_ior(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyAnySet_Check(b) {
        return Ok(not_implemented());
    }
    set_update_internal(as_set(a), b)?;
    Ok(a.to_owned())
}

/// `set_intersection`.
fn set_intersection(so_obj: &PyObject, other: &PyObject) -> PyResult<PyRef<PySetObject>> {
    if so_obj.is(other) {
        return set_copy_impl(so_obj);
    }
    let result = make_new_set_basetype(so_obj.ob_type(), None)?;
    if PyAnySet_Check(other) {
        // Iterate over the smaller set, probing the larger.
        let (mut so, mut oth) = (as_set(so_obj), as_set(other));
        if oth.len() > so.len() {
            std::mem::swap(&mut so, &mut oth);
        }
        let mut pos = 0;
        while let Some((key, hash)) = set_next(oth, &mut pos) {
            if set_lookkey(so, &key, hash)?.is_some() {
                set_add_entry(&result, key, hash)?;
            }
        }
        return Ok(result);
    }
    let so = as_set(so_obj);
    let it = crate::r#abstract::PyObject_GetIter(other)?;
    while let Some(key) = crate::r#abstract::PyIter_Next(&it)? {
        let hash = PyObject_Hash(&key)?;
        if set_lookkey(so, &key, hash)?.is_some() {
            set_add_entry(&result, key, hash)?;
            if result.len() >= so.len() {
                break;
            }
        }
    }
    Ok(result)
}

fn set_intersection_multi_impl(
    obj: &PyObject,
    args: &[PyObjectRef],
) -> PyResult<PyRef<PySetObject>> {
    if args.is_empty() {
        return set_copy_impl(obj);
    }
    let mut result: PyObjectRef = obj.to_owned();
    for other in args {
        let newresult = set_intersection(&result, other)?;
        result = newresult.into_object();
    }
    // SAFETY: every intermediate result is a set or frozenset.
    Ok(unsafe { result.downcast_unchecked::<PySetObject>() })
}

fn set_intersection_multi(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    Ok(set_intersection_multi_impl(obj, args)?.into_object())
}

fn set_intersection_update(obj: &PyObject, other: &PyObject) -> PyResult<()> {
    let tmp = set_intersection(obj, other)?;
    set_swap_bodies(as_set(obj), &tmp);
    Ok(())
}

fn set_intersection_update_multi(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let tmp = set_intersection_multi_impl(obj, args)?;
    set_swap_bodies(as_set(obj), &tmp);
    Ok(none())
}

fn set_and(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyAnySet_Check(a) || !PyAnySet_Check(b) {
        return Ok(not_implemented());
    }
    Ok(set_intersection(a, b)?.into_object())
}

fn set_iand(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyAnySet_Check(b) {
        return Ok(not_implemented());
    }
    set_intersection_update(a, b)?;
    Ok(a.to_owned())
}

fn set_isdisjoint(obj: &PyObject, other: &PyObject) -> PyResult {
    let truth = crate::boolobject::PyBool_FromLong;
    if obj.is(other) {
        return Ok(truth(as_set(obj).is_empty()));
    }
    if PyAnySet_CheckExact(other) {
        let (mut so, mut oth) = (as_set(obj), as_set(other));
        if oth.len() > so.len() {
            std::mem::swap(&mut so, &mut oth);
        }
        let mut pos = 0;
        while let Some((key, hash)) = set_next(oth, &mut pos) {
            if set_lookkey(so, &key, hash)?.is_some() {
                return Ok(truth(false));
            }
        }
        return Ok(truth(true));
    }
    let so = as_set(obj);
    let it = crate::r#abstract::PyObject_GetIter(other)?;
    while let Some(key) = crate::r#abstract::PyIter_Next(&it)? {
        if set_contains_key(so, &key)? {
            return Ok(truth(false));
        }
    }
    Ok(truth(true))
}

/// `set_difference_update_internal`.
fn set_difference_update_internal(so_obj: &PyObject, other: &PyObject) -> PyResult<()> {
    let so = as_set(so_obj);
    if so_obj.is(other) {
        set_clear_internal(so);
        return Ok(());
    }
    if PyAnySet_Check(other) {
        // When `other` is more than 8 times larger, discard its intersection with
        // `so` instead.
        let other: PyObjectRef = if (as_set(other).len() >> 3) > so.len() {
            set_intersection(so_obj, other)?.into_object()
        } else {
            other.to_owned()
        };
        let mut pos = 0;
        while let Some((key, hash)) = set_next(as_set(&other), &mut pos) {
            set_discard_entry(so, &key, hash)?;
        }
    } else {
        let it = crate::r#abstract::PyObject_GetIter(other)?;
        while let Some(key) = crate::r#abstract::PyIter_Next(&it)? {
            set_discard_key(so, &key)?;
        }
    }
    // Squeeze out the dummies when more than a quarter of the table is dummies.
    if ((so.fill.get() - so.used.get()) as usize) <= so.mask() / 4 {
        return Ok(());
    }
    let used = so.used.get();
    set_table_resize(so, if used > 50000 { used * 2 } else { used * 4 })
}

fn set_difference_update(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    for other in args {
        set_difference_update_internal(obj, other)?;
    }
    Ok(none())
}

fn set_copy_and_difference(obj: &PyObject, other: &PyObject) -> PyResult<PyRef<PySetObject>> {
    let result = set_copy_impl(obj)?;
    set_difference_update_internal(result.as_object(), other)?;
    Ok(result)
}

/// `set_difference`.
fn set_difference(obj: &PyObject, other: &PyObject) -> PyResult<PyRef<PySetObject>> {
    let so = as_set(obj);
    let other_size = if PyAnySet_Check(other) {
        as_set(other).len()
    } else if other.is_type(&PyDict_Type) {
        // SAFETY: checked to be a dict.
        unsafe { &*(other as *const PyObject as *const PyDictObject) }.len()
    } else {
        return set_copy_and_difference(obj, other);
    };
    // Much larger than `other`: copy and remove its elements.
    if (so.len() >> 2) > other_size {
        return set_copy_and_difference(obj, other);
    }
    let result = make_new_set_basetype(obj.ob_type(), None)?;
    let mut pos = 0;
    if other.is_type(&PyDict_Type) {
        // SAFETY: checked to be a dict.
        let d = unsafe { &*(other as *const PyObject as *const PyDictObject) };
        while let Some((key, hash)) = set_next(so, &mut pos) {
            if !_PyDict_Contains_KnownHash(d, &key, hash)? {
                set_add_entry(&result, key, hash)?;
            }
        }
        return Ok(result);
    }
    let oth = as_set(other);
    while let Some((key, hash)) = set_next(so, &mut pos) {
        if set_lookkey(oth, &key, hash)?.is_none() {
            set_add_entry(&result, key, hash)?;
        }
    }
    Ok(result)
}

fn set_difference_multi(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let Some((first, rest)) = args.split_first() else {
        return set_copy(obj);
    };
    let result = set_difference(obj, first)?;
    for other in rest {
        set_difference_update_internal(result.as_object(), other)?;
    }
    Ok(result.into_object())
}

fn set_sub(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyAnySet_Check(a) || !PyAnySet_Check(b) {
        return Ok(not_implemented());
    }
    Ok(set_difference(a, b)?.into_object())
}

fn set_isub(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyAnySet_Check(b) {
        return Ok(not_implemented());
    }
    set_difference_update_internal(a, b)?;
    Ok(a.to_owned())
}

/// `set_symmetric_difference_update`.
fn set_symmetric_difference_update(obj: &PyObject, other: &PyObject) -> PyResult {
    let so = as_set(obj);
    if obj.is(other) {
        set_clear_internal(so);
        return Ok(none());
    }
    if other.is_type(&PyDict_Type) {
        // SAFETY: checked to be a dict.
        let d = unsafe { &*(other as *const PyObject as *const PyDictObject) };
        let mut pos = 0;
        while let Some((key, _, hash)) = _PyDict_Next(d, &mut pos) {
            if !set_discard_entry(so, &key, hash)? {
                set_add_entry(so, key, hash)?;
            }
        }
        return Ok(none());
    }
    let otherset: PyObjectRef = if PyAnySet_Check(other) {
        other.to_owned()
    } else {
        make_new_set_basetype(obj.ob_type(), Some(other))?.into_object()
    };
    let mut pos = 0;
    while let Some((key, hash)) = set_next(as_set(&otherset), &mut pos) {
        if !set_discard_entry(so, &key, hash)? {
            set_add_entry(so, key, hash)?;
        }
    }
    Ok(none())
}

fn set_symmetric_difference(obj: &PyObject, other: &PyObject) -> PyResult {
    let otherset = make_new_set_basetype(obj.ob_type(), Some(other))?;
    set_symmetric_difference_update(otherset.as_object(), obj)?;
    Ok(otherset.into_object())
}

fn set_xor(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyAnySet_Check(a) || !PyAnySet_Check(b) {
        return Ok(not_implemented());
    }
    set_symmetric_difference(a, b)
}

fn set_ixor(a: &PyObject, b: &PyObject) -> PyResult {
    if !PyAnySet_Check(b) {
        return Ok(not_implemented());
    }
    set_symmetric_difference_update(a, b)?;
    Ok(a.to_owned())
}

fn set_issubset_impl(obj: &PyObject, other: &PyObject) -> PyResult<bool> {
    if !PyAnySet_Check(other) {
        let tmp = set_intersection(obj, other)?;
        return Ok(tmp.len() == as_set(obj).len());
    }
    let (so, oth) = (as_set(obj), as_set(other));
    if so.len() > oth.len() {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((key, hash)) = set_next(so, &mut pos) {
        if set_lookkey(oth, &key, hash)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issubset(obj: &PyObject, other: &PyObject) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(set_issubset_impl(
        obj, other,
    )?))
}

fn set_issuperset_impl(obj: &PyObject, other: &PyObject) -> PyResult<bool> {
    if PyAnySet_Check(other) {
        return set_issubset_impl(other, obj);
    }
    let so = as_set(obj);
    let it = crate::r#abstract::PyObject_GetIter(other)?;
    while let Some(key) = crate::r#abstract::PyIter_Next(&it)? {
        if !set_contains_key(so, &key)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issuperset(obj: &PyObject, other: &PyObject) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(set_issuperset_impl(
        obj, other,
    )?))
}

fn set_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    if !PyAnySet_Check(w) {
        return Ok(not_implemented());
    }
    let (a, b) = (as_set(v), as_set(w));
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            // Different sizes, or two known and different frozenset hashes, settle it.
            let differ = a.len() != b.len()
                || (a.hash.get() != -1 && b.hash.get() != -1 && a.hash.get() != b.hash.get());
            let eq = !differ && set_issubset_impl(v, w)?;
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Le => set_issubset_impl(v, w)?,
        CompareOp::Ge => set_issuperset_impl(v, w)?,
        CompareOp::Lt => a.len() < b.len() && set_issubset_impl(v, w)?,
        CompareOp::Gt => a.len() > b.len() && set_issuperset_impl(v, w)?,
    };
    Ok(crate::boolobject::PyBool_FromLong(r))
}

fn set_add(obj: &PyObject, key: &PyObject) -> PyResult {
    set_add_key(as_set(obj), key)?;
    Ok(none())
}

fn set_direct_contains(obj: &PyObject, key: &PyObject) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(set_contains(obj, key)?))
}

/// Discard `key`, retrying an unhashable set as a frozenset.
fn discard_with_frozen_retry(so: &PySetObject, key: &PyObject) -> PyResult<bool> {
    match set_discard_key(so, key) {
        Err(e) if PySet_Check(key) && PyErr_ExceptionMatches(&e, &PyExc_TypeError) => {
            let tmp = make_new_set(&PyFrozenSet_Type, Some(key))?;
            set_discard_key(so, tmp.as_object())
        }
        r => r,
    }
}

fn set_remove(obj: &PyObject, key: &PyObject) -> PyResult {
    if !discard_with_frozen_retry(as_set(obj), key)? {
        return Err(key_error(key));
    }
    Ok(none())
}

fn set_discard(obj: &PyObject, key: &PyObject) -> PyResult {
    discard_with_frozen_retry(as_set(obj), key)?;
    Ok(none())
}

/// `set_pop`: remove the first active entry at or after the finger.
fn set_pop(obj: &PyObject) -> PyResult {
    let so = as_set(obj);
    if so.used.get() == 0 {
        return Err(PyErr_SetString(&PyExc_KeyError, "pop from an empty set"));
    }
    // SAFETY: nothing is dropped while the table is borrowed; the key is returned.
    let table = unsafe { so.table_mut() };
    let mask = table.len() - 1;
    let mut i = so.finger.get() & mask;
    while table[i].key.is_none() {
        i += 1;
        if i > mask {
            i = 0;
        }
    }
    let e = &mut table[i];
    let key = e.key.take();
    e.hash = -1;
    so.used.set(so.used.get() - 1);
    so.finger.set(i + 1);
    key.ok_or_else(|| PyErr_SetString(&PyExc_KeyError, "pop from an empty set"))
}

fn set_reduce(obj: &PyObject) -> PyResult {
    let keys = crate::r#abstract::PySequence_List(obj)?;
    let args = PyTuple_New(vec![keys.into_object()]).into_object();
    let state = crate::typeobject::_PyObject_GetState(obj)?;
    Ok(PyTuple_New(vec![obj.ob_type().as_object().to_owned(), args, state]).into_object())
}

fn set_sizeof(obj: &PyObject) -> PyResult {
    let so = as_set(obj);
    let extra = crate::tupleobject::subclass_extra_size(obj.ob_type(), size_of::<PySetObject>());
    let mut res = CPYTHON_SET_BASICSIZE + extra;
    let size = so.mask() + 1;
    // CPython's 8-entry table lives inside the object.
    if size > PySet_MINSIZE {
        res += size * SIZEOF_SETENTRY;
    }
    Ok(PyLong_FromSsize_t(res as Py_ssize_t))
}

fn set_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    Ok(make_new_set(tp, None)?.into_object())
}

fn set_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    crate::getargs::check_no_kwargs("set", kwnames)?;
    let nargs = args.len() - kwnames.map_or(0, crate::call::kwnames_len);
    crate::getargs::check_positional(obj.ob_type().name(), nargs, 0, 1)?;
    let so = as_set(obj);
    if so.fill.get() > 0 {
        set_clear_internal(so);
    }
    so.hash.set(-1);
    match args.first().filter(|_| nargs > 0) {
        Some(it) => set_update_internal(so, it),
        None => Ok(()),
    }
}

fn set_vectorcall(tp: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    crate::getargs::check_no_kwargs("set", kwnames)?;
    crate::getargs::check_positional("set", args.len(), 0, 1)?;
    let tp = crate::typeobject::as_type(tp).unwrap_or(&PySet_Type);
    Ok(make_new_set(tp, args.first().map(|a| &**a))?.into_object())
}

fn frozenset_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    if std::ptr::eq(tp, &PyFrozenSet_Type)
        || tp.tp_init.get().map(|f| f as usize)
            == PyFrozenSet_Type.tp_init.get().map(|f| f as usize)
    {
        crate::getargs::check_no_kwargs("frozenset", kwnames)?;
    }
    let nargs = args.len() - kwnames.map_or(0, crate::call::kwnames_len);
    crate::getargs::check_positional(tp.name(), nargs, 0, 1)?;
    make_new_frozenset(tp, args.first().filter(|_| nargs > 0).map(|a| &**a))
}

fn frozenset_vectorcall(
    tp: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::getargs::check_no_kwargs("frozenset", kwnames)?;
    crate::getargs::check_positional("frozenset", args.len(), 0, 1)?;
    let tp = crate::typeobject::as_type(tp).unwrap_or(&PyFrozenSet_Type);
    make_new_frozenset(tp, args.first().map(|a| &**a))
}

const CONTAINS_DOC: &str = "x.__contains__(y) <==> y in x.";
const COPY_DOC: &str = "Return a shallow copy of a set.";
const DIFFERENCE_DOC: &str =
    "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)";
const INTERSECTION_DOC: &str = "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)";
const ISDISJOINT_DOC: &str = "Return True if two sets have a null intersection.";
const ISSUBSET_DOC: &str = "Report whether another set contains this set.";
const ISSUPERSET_DOC: &str = "Report whether this set contains another set.";
const SIZEOF_DOC: &str = "S.__sizeof__() -> size of S in memory, in bytes";
const SYMMETRIC_DIFFERENCE_DOC: &str =
    "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)";
const UNION_DOC: &str =
    "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)";

static SET_METHODS: [PyMethodDef; 21] = [
    PyMethodDef::new("add", PyCFunction::O(set_add), "Add an element to a set.\n\nThis has no effect if the element is already present."),
    PyMethodDef::new("clear", PyCFunction::NoArgs(set_clear), "Remove all elements from this set."),
    PyMethodDef::new("__contains__", PyCFunction::O(set_direct_contains), CONTAINS_DOC).with_flags(METH_COEXIST),
    PyMethodDef::new("copy", PyCFunction::NoArgs(set_copy), COPY_DOC),
    PyMethodDef::new(
        "discard",
        PyCFunction::O(set_discard),
        "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set.",
    ),
    PyMethodDef::new("difference", PyCFunction::Fast(set_difference_multi), DIFFERENCE_DOC),
    PyMethodDef::new("difference_update", PyCFunction::Fast(set_difference_update), "Remove all elements of another set from this set."),
    PyMethodDef::new("intersection", PyCFunction::Fast(set_intersection_multi), INTERSECTION_DOC),
    PyMethodDef::new(
        "intersection_update",
        PyCFunction::Fast(set_intersection_update_multi),
        "Update a set with the intersection of itself and another.",
    ),
    PyMethodDef::new("isdisjoint", PyCFunction::O(set_isdisjoint), ISDISJOINT_DOC),
    PyMethodDef::new("issubset", PyCFunction::O(set_issubset), ISSUBSET_DOC),
    PyMethodDef::new("issuperset", PyCFunction::O(set_issuperset), ISSUPERSET_DOC),
    PyMethodDef::new("pop", PyCFunction::NoArgs(set_pop), "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(set_reduce), REDUCE_DOC),
    PyMethodDef::new(
        "remove",
        PyCFunction::O(set_remove),
        "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError.",
    ),
    PyMethodDef::new("__sizeof__", PyCFunction::NoArgs(set_sizeof), SIZEOF_DOC),
    PyMethodDef::new("symmetric_difference", PyCFunction::O(set_symmetric_difference), SYMMETRIC_DIFFERENCE_DOC),
    PyMethodDef::new(
        "symmetric_difference_update",
        PyCFunction::O(set_symmetric_difference_update),
        "Update a set with the symmetric difference of itself and another.",
    ),
    PyMethodDef::new("union", PyCFunction::Fast(set_union), UNION_DOC),
    PyMethodDef::new("update", PyCFunction::Fast(set_update), "Update a set with the union of itself and others."),
    crate::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
];

fn set_update(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    for other in args {
        set_update_internal(as_set(obj), other)?;
    }
    Ok(none())
}

// A template: copied by value into the type object (its own `Cell` slots).
#[allow(clippy::declare_interior_mutable_const)]
const SET_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_subtract: slot(set_sub),
    nb_and: slot(set_and),
    nb_xor: slot(set_xor),
    nb_or: slot(set_or),
    nb_inplace_subtract: slot(set_isub),
    nb_inplace_and: slot(set_iand),
    nb_inplace_xor: slot(set_ixor),
    nb_inplace_or: slot(set_ior),
    ..PyNumberMethods::EMPTY
};

// A template: set and frozenset each get their own copy (of `Cell` slots) from it.
#[allow(clippy::declare_interior_mutable_const)]
const SET_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: slot(set_len),
    sq_contains: slot(set_contains),
    ..PySequenceMethods::EMPTY
};

/// `set`.
pub static PySet_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "set",
    tp_basicsize: Cell::new(size_of::<PySetObject>()),
    tp_dealloc: slot(set_dealloc),
    tp_repr: slot(set_repr),
    tp_as_number: SET_AS_NUMBER,
    tp_as_sequence: SET_AS_SEQUENCE,
    tp_hash: slot(crate::typeslots::PyObject_HashNotImplemented_slot),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MATCH_SELF),
    tp_doc: Some("set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements."),
    tp_traverse: slot(set_traverse),
    tp_clear: slot(set_tp_clear),
    tp_richcompare: slot(set_richcompare),
    tp_weaklistoffset: Cell::new(offset_of!(PySetObject, weakreflist)),
    tp_iter: slot(set_iter),
    tp_methods: &SET_METHODS,
    tp_init: slot(set_init),
    tp_new: slot(set_new),
    tp_vectorcall: slot(set_vectorcall),
    ..PyTypeObject::DEFAULT
};

static FROZENSET_METHODS: [PyMethodDef; 12] = [
    PyMethodDef::new(
        "__contains__",
        PyCFunction::O(set_direct_contains),
        CONTAINS_DOC,
    )
    .with_flags(METH_COEXIST),
    PyMethodDef::new("copy", PyCFunction::NoArgs(frozenset_copy), COPY_DOC),
    PyMethodDef::new(
        "difference",
        PyCFunction::Fast(set_difference_multi),
        DIFFERENCE_DOC,
    ),
    PyMethodDef::new(
        "intersection",
        PyCFunction::Fast(set_intersection_multi),
        INTERSECTION_DOC,
    ),
    PyMethodDef::new("isdisjoint", PyCFunction::O(set_isdisjoint), ISDISJOINT_DOC),
    PyMethodDef::new("issubset", PyCFunction::O(set_issubset), ISSUBSET_DOC),
    PyMethodDef::new("issuperset", PyCFunction::O(set_issuperset), ISSUPERSET_DOC),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(set_reduce), REDUCE_DOC),
    PyMethodDef::new("__sizeof__", PyCFunction::NoArgs(set_sizeof), SIZEOF_DOC),
    PyMethodDef::new(
        "symmetric_difference",
        PyCFunction::O(set_symmetric_difference),
        SYMMETRIC_DIFFERENCE_DOC,
    ),
    PyMethodDef::new("union", PyCFunction::Fast(set_union), UNION_DOC),
    crate::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
];

// A template: copied by value into the type object (its own `Cell` slots).
#[allow(clippy::declare_interior_mutable_const)]
const FROZENSET_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_subtract: slot(set_sub),
    nb_and: slot(set_and),
    nb_xor: slot(set_xor),
    nb_or: slot(set_or),
    ..PyNumberMethods::EMPTY
};

/// `frozenset`.
pub static PyFrozenSet_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "frozenset",
    tp_basicsize: Cell::new(size_of::<PySetObject>()),
    tp_dealloc: slot(set_dealloc),
    tp_repr: slot(set_repr),
    tp_as_number: FROZENSET_AS_NUMBER,
    tp_as_sequence: SET_AS_SEQUENCE,
    tp_hash: slot(frozenset_hash),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MATCH_SELF),
    tp_doc: Some("frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements."),
    tp_traverse: slot(set_traverse),
    tp_clear: slot(set_tp_clear),
    tp_richcompare: slot(set_richcompare),
    tp_weaklistoffset: Cell::new(offset_of!(PySetObject, weakreflist)),
    tp_iter: slot(set_iter),
    tp_methods: &FROZENSET_METHODS,
    tp_new: slot(frozenset_new),
    tp_vectorcall: slot(frozenset_vectorcall),
    ..PyTypeObject::DEFAULT
};

// --- set_iterator ---------------------------------------------------------------------------

/// `setiterobject`.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct setiterobject {
    pub ob_base: PyObject,
    /// `None` once exhausted.
    si_set: PyCell<Option<PyRef<PySetObject>>>,
    si_used: Cell<Py_ssize_t>,
    si_pos: Cell<usize>,
    len: Cell<Py_ssize_t>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for setiterobject {}

fn as_setiter(obj: &PyObject) -> &setiterobject {
    // SAFETY: installed on `set_iterator` only.
    unsafe { &*(obj as *const PyObject as *const setiterobject) }
}

unsafe fn setiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead set iterator.
    unsafe { dealloc_object::<setiterobject>(op) }
}

fn setiter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(s) = unsafe { as_setiter(obj).si_set.get_ref() } {
        visit(s.as_object());
    }
}

fn setiter_len(obj: &PyObject) -> PyResult {
    let si = as_setiter(obj);
    // SAFETY: the borrow ends at once.
    let len = match unsafe { si.si_set.get_ref() } {
        Some(s) if si.si_used.get() == s.used.get() => si.len.get(),
        _ => 0,
    };
    Ok(PyLong_FromSsize_t(len))
}

fn setiter_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let si = as_setiter(obj);
    let Some(so) = si.si_set.get() else {
        return Ok(None);
    };
    if si.si_used.get() != so.used.get() {
        si.si_used.set(-1);
        return Err(runtime_error("Set changed size during iteration"));
    }
    let mut pos = si.si_pos.get();
    match set_next(&so, &mut pos) {
        Some((key, _)) => {
            si.si_pos.set(pos);
            si.len.set(si.len.get() - 1);
            Ok(Some(key))
        }
        None => {
            si.si_pos.set(pos);
            si.si_set.set(None);
            Ok(None)
        }
    }
}

fn setiter_reduce(obj: &PyObject) -> PyResult {
    let si = as_setiter(obj);
    // Iterate a copy of the iterator so this one is not advanced.
    // SAFETY: the struct is complete.
    let copy = unsafe {
        alloc_object(
            &PySetIter_Type,
            setiterobject {
                ob_base: PyObject_HEAD_INIT,
                si_set: PyCell::new(si.si_set.get()),
                si_used: Cell::new(si.si_used.get()),
                si_pos: Cell::new(si.si_pos.get()),
                len: Cell::new(si.len.get()),
            },
        )
    };
    let list = crate::r#abstract::PySequence_List(copy.as_object())?;
    let iter = crate::iterobject::_PyEval_GetBuiltin(crate::intern!("iter"))?;
    Ok(PyTuple_New(vec![
        iter,
        PyTuple_New(vec![list.into_object()]).into_object(),
    ])
    .into_object())
}

static SETITER_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(setiter_len),
        LENGTH_HINT_DOC,
    ),
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(setiter_reduce),
        REDUCE_DOC,
    ),
];

/// `set_iterator`.
pub static PySetIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "set_iterator",
    tp_basicsize: Cell::new(size_of::<setiterobject>()),
    tp_dealloc: slot(setiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(setiter_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(setiter_iternext),
    tp_methods: &SETITER_METHODS,
    ..PyTypeObject::DEFAULT
};

/// The static types of this file.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PySet_Type, &PyFrozenSet_Type, &PySetIter_Type]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_bits_matches_cpython() {
        // _shuffle_bits(0) and _shuffle_bits(1) computed with CPython's formula on
        // 64-bit unsigned arithmetic.
        assert_eq!(shuffle_bits(0), 89869747u64.wrapping_mul(3644798167));
        assert_eq!(
            shuffle_bits(1),
            ((1u64 ^ 89869747) ^ (1 << 16)).wrapping_mul(3644798167)
        );
    }

    #[test]
    fn linear_probe_window() {
        assert_eq!(linear_probes(0, 7), 0);
        assert_eq!(linear_probes(0, 15), LINEAR_PROBES);
        assert_eq!(linear_probes(7, 15), 0);
    }
}
