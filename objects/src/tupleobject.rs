//! The `tuple` type and its iterator. Mirrors Objects/tupleobject.c (CPython 3.11).
//!
//! A tuple is an immutable array of references. The empty tuple is a shared singleton,
//! as in CPython (`tuple_get_empty`), so `() is ()` and `tuple() is ()`.
//!
//! Differences from CPython:
//! - The items live in a separate boxed slice rather than trailing the object header
//!   (`ob_item[1]` in C): pyrs's class machinery lays out subclass instances at fixed
//!   offsets and has no variable-sized objects. `tp_itemsize` is still CPython's (8),
//!   since it decides what a subclass may add (no `__weakref__`, no `__slots__`). So that `sys.getsizeof` still agrees
//!   with python3 (24 bytes plus 8 per item), `tuple` has a `__sizeof__` method of its
//!   own, which CPython's tuple inherits from `object` instead.
//! - There is no free list of small tuples; the system allocator serves them.
//! - `_PyTuple_MaybeUntrack` is offered for the collector, which calls it as CPython's
//!   does during a collection.

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::cpython::object::{PyMappingMethods, PySequenceMethods};
use include::gc;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use crate::exceptions::*;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{PyUnicodeObject, PyUnicode_FromCodePoints, PyUnicode_FromString};

/// `PyTupleObject`.
#[repr(C)]
pub struct PyTupleObject {
    pub ob_base: PyObject,
    /// The items (`ob_item`). Never changed after creation, except by the tuple
    /// constructor itself before the tuple escapes.
    ob_item: Box<[PyObjectRef]>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyTupleObject {}

impl PyTypeInfo for PyTupleObject {
    fn type_object() -> &'static PyTypeObject {
        &PyTuple_Type
    }
    /// `PyTuple_Check`: one flag test, as in CPython.
    #[inline(always)]
    fn check(obj: &PyObject) -> bool {
        obj.ob_type().has_feature(Py_TPFLAGS_TUPLE_SUBCLASS)
    }
}

impl PyTupleObject {
    /// The items (`PySequence_Fast_ITEMS`).
    #[inline(always)]
    pub fn as_slice(&self) -> &[PyObjectRef] {
        &self.ob_item
    }

    /// `PyTuple_GET_SIZE`.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.ob_item.len()
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.ob_item.is_empty()
    }

    /// `PyTuple_GET_ITEM` with a bounds check.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<&PyObjectRef> {
        self.ob_item.get(i)
    }
}

/// CPython's `sizeof(PyTupleObject)` minus the one-item array, i.e. `tuple.__basicsize__`.
const CPYTHON_TUPLE_BASICSIZE: usize = 24;

#[inline(always)]
fn as_tuple(obj: &PyObject) -> &PyTupleObject {
    // SAFETY: the tuple slots are only installed on tuple types, so `obj` has the
    // tuple layout.
    unsafe { &*(obj as *const PyObject as *const PyTupleObject) }
}

// --- Creation ---------------------------------------------------------------------------

/// The shared empty tuple, made on first use and kept for the life of the process.
static EMPTY_TUPLE: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);

fn alloc_tuple(tp: &PyTypeObject, items: Box<[PyObjectRef]>) -> PyRef<PyTupleObject> {
    // SAFETY: `tp` is `tuple` or a subtype (whose instances extend this layout with
    // zero-initialisable fields), and the struct is complete.
    unsafe {
        alloc_object(
            tp,
            PyTupleObject {
                ob_base: PyObject_HEAD_INIT,
                ob_item: items,
            },
        )
    }
}

/// `tuple_get_empty`: the empty tuple singleton.
#[inline]
pub fn tuple_get_empty() -> PyRef<PyTupleObject> {
    // SAFETY: single-threaded; the borrow ends before anything else runs (creating the
    // tuple runs no Python code: tuples are created tracked but the collector cannot
    // free a referenced object).
    let slot = unsafe { EMPTY_TUPLE.get_mut() };
    let obj = match slot {
        Some(t) => t.clone(),
        None => {
            let t = alloc_tuple(&PyTuple_Type, Box::new([])).into_object();
            // Like CPython's static singleton, the empty tuple is not tracked by
            // the collector: it can never be part of a cycle.
            // SAFETY: tuples are GC objects.
            unsafe { gc::gc_untrack(t.as_ptr()) };
            *slot = Some(t.clone());
            t
        }
    };
    // SAFETY: the singleton is a tuple.
    unsafe { obj.downcast_unchecked::<PyTupleObject>() }
}

/// `PyTuple_New` filled with `items` (CPython fills a new tuple with
/// `PyTuple_SET_ITEM`; in Rust the items come first). The empty tuple is shared.
#[inline]
pub fn PyTuple_New(items: Vec<PyObjectRef>) -> PyRef<PyTupleObject> {
    if items.is_empty() {
        return tuple_get_empty();
    }
    alloc_tuple(&PyTuple_Type, items.into_boxed_slice())
}

/// `_PyTuple_FromArray`: a new tuple holding new references to `items`.
pub fn _PyTuple_FromArray(items: &[PyObjectRef]) -> PyRef<PyTupleObject> {
    if items.is_empty() {
        return tuple_get_empty();
    }
    alloc_tuple(&PyTuple_Type, items.into())
}

/// `PyTuple_Pack(2, a, b)`, the common pair.
pub fn PyTuple_Pack2(a: &PyObject, b: &PyObject) -> PyObjectRef {
    alloc_tuple(&PyTuple_Type, Box::new([a.to_owned(), b.to_owned()])).into_object()
}

/// `PyTuple_Size`.
pub fn PyTuple_Size(obj: &PyObject) -> PyResult<usize> {
    match obj.downcast_ref::<PyTupleObject>() {
        Some(t) => Ok(t.len()),
        None => Err(system_error("bad argument to internal function")),
    }
}

/// `PyTuple_GetItem`, returning a new reference.
pub fn PyTuple_GetItem(obj: &PyObject, i: Py_ssize_t) -> PyResult {
    let Some(t) = obj.downcast_ref::<PyTupleObject>() else {
        return Err(system_error("bad argument to internal function"));
    };
    match usize::try_from(i).ok().and_then(|i| t.get(i)) {
        Some(v) => Ok(v.clone()),
        None => Err(index_error("tuple index out of range")),
    }
}

/// `PyTuple_GetSlice`: `t[low:high]` with the bounds clamped.
pub fn PyTuple_GetSlice(obj: &PyObject, low: Py_ssize_t, high: Py_ssize_t) -> PyResult {
    let Some(t) = obj.downcast_ref::<PyTupleObject>() else {
        return Err(system_error("bad argument to internal function"));
    };
    let n = t.len() as Py_ssize_t;
    let low = low.clamp(0, n);
    let high = high.clamp(low, n);
    if low == 0 && high == n && obj.is_type(&PyTuple_Type) {
        return Ok(obj.to_owned());
    }
    Ok(_PyTuple_FromArray(&t.as_slice()[low as usize..high as usize]).into_object())
}

/// `_PyObject_GC_MAY_BE_TRACKED`: could `obj` be part of a reference cycle? A tuple
/// that the collector has untracked counts as atomic.
#[inline]
pub fn _PyObject_GC_MAY_BE_TRACKED(obj: &PyObject) -> bool {
    let tp = obj.ob_type();
    if !tp.is_gc() {
        return false;
    }
    if obj.is_type(&PyTuple_Type) {
        // SAFETY: a GC type's objects have a GC header.
        return unsafe { gc::is_tracked(obj) };
    }
    true
}

/// `_PyTuple_MaybeUntrack`: stop tracking a tuple that can never be part of a cycle
/// (all its items are atomic). The collector calls this for the tuples it visits.
pub fn _PyTuple_MaybeUntrack(obj: &PyObject) {
    if !obj.is_type(&PyTuple_Type) {
        return;
    }
    // SAFETY: tuples are GC objects.
    if !unsafe { gc::is_tracked(obj) } {
        return;
    }
    let t = as_tuple(obj);
    if t.as_slice()
        .iter()
        .any(|item| _PyObject_GC_MAY_BE_TRACKED(item))
    {
        return;
    }
    // SAFETY: as above.
    unsafe { gc::gc_untrack(obj) };
}

// --- repr helper shared by the containers ------------------------------------------------

/// Builds the text of a container's repr from ASCII punctuation and the reprs of the
/// items. Stays in UTF-8 while every piece has a UTF-8 form and falls back to code
/// points when a piece holds a lone surrogate (CPython's `_PyUnicodeWriter` role).
pub(crate) struct ReprWriter {
    text: String,
    cps: Option<Vec<u32>>,
}

impl ReprWriter {
    pub(crate) fn new() -> ReprWriter {
        ReprWriter {
            text: String::new(),
            cps: None,
        }
    }

    pub(crate) fn push_str(&mut self, s: &str) {
        match &mut self.cps {
            Some(cps) => cps.extend(s.chars().map(|c| c as u32)),
            None => self.text.push_str(s),
        }
    }

    /// Append a str object (the result of `repr()` of an item).
    pub(crate) fn push_obj(&mut self, s: &PyObject) {
        let Some(u) = s.downcast_ref::<PyUnicodeObject>() else {
            return;
        };
        if self.cps.is_none() {
            if let Some(t) = u.as_str() {
                self.text.push_str(t);
                return;
            }
            self.cps = Some(self.text.chars().map(|c| c as u32).collect());
        }
        if let Some(cps) = &mut self.cps {
            cps.extend(u.iter());
        }
    }

    pub(crate) fn finish(self) -> PyObjectRef {
        match self.cps {
            Some(cps) => PyUnicode_FromCodePoints(&cps),
            None => PyUnicode_FromString(&self.text),
        }
    }
}

/// Leaves the `Py_ReprEnter` state when dropped, so every exit path (including `?`)
/// calls `Py_ReprLeave`.
pub(crate) struct ReprGuard<'a>(pub(crate) &'a PyObject);

impl Drop for ReprGuard<'_> {
    fn drop(&mut self) {
        Py_ReprLeave(self.0);
    }
}

// --- Slots ------------------------------------------------------------------------------

unsafe fn tupledealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead tuple that nobody else can reach. The items are released
    // last to first, as CPython does (the order of `__del__` calls); deep nesting is
    // bounded by the trashcan in `_Py_Dealloc`.
    unsafe {
        if (*op).ob_type().is_gc() {
            gc::gc_untrack(op);
        }
        let t = &mut *(op as *mut PyTupleObject);
        let items = std::mem::take(&mut t.ob_item);
        crate::listobject::drop_reversed(items.into_vec());
        dealloc_object::<PyTupleObject>(op);
    }
}

fn tuplerepr(obj: &PyObject) -> PyResult {
    let t = as_tuple(obj);
    let n = t.len();
    if n == 0 {
        return Ok(PyUnicode_FromString("()"));
    }
    // A tuple can only be part of a cycle through a mutable container, but repr of
    // such a cycle must still terminate.
    if Py_ReprEnter(obj)? {
        return Ok(PyUnicode_FromString("(...)"));
    }
    let _guard = ReprGuard(obj);
    let mut w = ReprWriter::new();
    w.push_str("(");
    for (i, item) in t.as_slice().iter().enumerate() {
        if i > 0 {
            w.push_str(", ");
        }
        let s = PyObject_Repr(item)?;
        w.push_obj(&s);
    }
    if n == 1 {
        w.push_str(",");
    }
    w.push_str(")");
    Ok(w.finish())
}

// The xxHash-derived constants of `tuplehash` (64-bit build).
const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

#[inline(always)]
fn xxrotate(x: u64) -> u64 {
    x.rotate_left(31)
}

/// `tuplehash`: an xxHash-style accumulation of the items' hashes, exactly CPython
/// 3.11's, so `hash((1, 2))` agrees with python3.
pub fn tuplehash_items(items: &[PyObjectRef]) -> PyResult<Py_hash_t> {
    let mut acc = XXPRIME_5;
    for item in items {
        let lane = PyObject_Hash(item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = xxrotate(acc);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    // Mix in the length so that (), (0,) and ((),) differ.
    acc = acc.wrapping_add((items.len() as u64) ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as Py_hash_t)
}

fn tuplehash(obj: &PyObject) -> PyResult<Py_hash_t> {
    tuplehash_items(as_tuple(obj).as_slice())
}

fn tuplelength(obj: &PyObject) -> PyResult<Py_ssize_t> {
    Ok(as_tuple(obj).len() as Py_ssize_t)
}

fn tuplecontains(obj: &PyObject, el: &PyObject) -> PyResult<bool> {
    for item in as_tuple(obj).as_slice() {
        if PyObject_RichCompareBool(item, el, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tupleitem(obj: &PyObject, i: Py_ssize_t) -> PyResult {
    let t = as_tuple(obj);
    match usize::try_from(i).ok().and_then(|i| t.get(i)) {
        Some(v) => Ok(v.clone()),
        None => Err(index_error("tuple index out of range")),
    }
}

fn tupleconcat(obj: &PyObject, bb: &PyObject) -> PyResult {
    let Some(b) = bb.downcast_ref::<PyTupleObject>() else {
        return Err(type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            bb.ob_type().name()
        )));
    };
    let a = as_tuple(obj);
    if b.is_empty() && obj.is_type(&PyTuple_Type) {
        return Ok(obj.to_owned());
    }
    if a.is_empty() && bb.is_type(&PyTuple_Type) {
        return Ok(bb.to_owned());
    }
    let mut items = Vec::new();
    if items.try_reserve_exact(a.len() + b.len()).is_err() {
        return Err(PyErr_NoMemory());
    }
    items.extend_from_slice(a.as_slice());
    items.extend_from_slice(b.as_slice());
    Ok(PyTuple_New(items).into_object())
}

/// A vector able to hold `n` references, or `MemoryError` (the checks of
/// `tuple_alloc` and `list_new_prealloc`).
pub(crate) fn vec_with_capacity(n: usize) -> PyResult<Vec<PyObjectRef>> {
    if n > (isize::MAX as usize) / size_of::<PyObjectRef>() {
        return Err(PyErr_NoMemory());
    }
    let mut v = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        return Err(PyErr_NoMemory());
    }
    Ok(v)
}

/// Repeat `items` `n` times into a new vector (`n >= 1`, `items` non-empty).
pub(crate) fn repeat_items(items: &[PyObjectRef], n: usize) -> PyResult<Vec<PyObjectRef>> {
    let Some(size) = items.len().checked_mul(n) else {
        return Err(PyErr_NoMemory());
    };
    let mut v = vec_with_capacity(size)?;
    for _ in 0..n {
        v.extend_from_slice(items);
    }
    Ok(v)
}

fn tuplerepeat(obj: &PyObject, n: Py_ssize_t) -> PyResult {
    let a = as_tuple(obj);
    if (a.is_empty() || n == 1) && obj.is_type(&PyTuple_Type) {
        // Tuples are immutable, so the same object serves.
        return Ok(obj.to_owned());
    }
    if a.is_empty() || n <= 0 {
        return Ok(tuple_get_empty().into_object());
    }
    if n > Py_ssize_t::MAX / a.len() as Py_ssize_t {
        return Err(PyErr_NoMemory());
    }
    let items = repeat_items(a.as_slice(), n as usize)?;
    Ok(PyTuple_New(items).into_object())
}

fn tuplesubscript(obj: &PyObject, item: &PyObject) -> PyResult {
    let t = as_tuple(obj);
    if crate::r#abstract::PyIndex_Check(item) {
        let mut i = crate::r#abstract::PyNumber_AsSsize_t(item, Some(&PyExc_IndexError))?;
        if i < 0 {
            i += t.len() as Py_ssize_t;
        }
        return tupleitem(obj, i);
    }
    if let Some(s) = item.downcast_ref::<crate::sliceobject::PySliceObject>() {
        let (start, _stop, step, slicelength) = s.adjust_indices(t.len() as Py_ssize_t)?;
        if slicelength <= 0 {
            return Ok(tuple_get_empty().into_object());
        }
        if start == 0 && step == 1 && slicelength as usize == t.len() && obj.is_type(&PyTuple_Type)
        {
            return Ok(obj.to_owned());
        }
        let items = t.as_slice();
        if step == 1 {
            return Ok(
                _PyTuple_FromArray(&items[start as usize..(start + slicelength) as usize])
                    .into_object(),
            );
        }
        let mut out = Vec::with_capacity(slicelength as usize);
        let mut cur = start;
        for _ in 0..slicelength {
            out.push(items[cur as usize].clone());
            cur += step;
        }
        return Ok(PyTuple_New(out).into_object());
    }
    Err(type_error(format!(
        "tuple indices must be integers or slices, not {}",
        item.ob_type().name()
    )))
}

/// `tuplerichcompare`: lexicographic, with `==` on the items to find the first
/// difference and the requested operator on that pair.
fn tuplerichcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    if !PyTupleObject::check(v) || !PyTupleObject::check(w) {
        return Ok(not_implemented());
    }
    let vt = as_tuple(v).as_slice();
    let wt = as_tuple(w).as_slice();
    let mut i = 0;
    while i < vt.len() && i < wt.len() {
        if !PyObject_RichCompareBool(&vt[i], &wt[i], CompareOp::Eq)? {
            break;
        }
        i += 1;
    }
    if i >= vt.len() || i >= wt.len() {
        return Ok(crate::boolobject::PyBool_FromLong(
            op.from_ordering(vt.len().cmp(&wt.len())),
        ));
    }
    match op {
        CompareOp::Eq => Ok(crate::boolobject::PyBool_FromLong(false)),
        CompareOp::Ne => Ok(crate::boolobject::PyBool_FromLong(true)),
        _ => PyObject_RichCompare(&vt[i], &wt[i], op),
    }
}

/// `tupletraverse`: the items, last first, as CPython visits them (the order shows in
/// `gc.get_referents`).
fn tuple_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    for item in as_tuple(obj).as_slice().iter().rev() {
        visit(item);
    }
}

fn tuple_iter(obj: &PyObject) -> PyResult {
    // SAFETY: `tuple_iter` is installed on tuple types only.
    let seq = PyRef::from_borrowed(as_tuple(obj));
    // SAFETY: the struct is complete.
    let it = unsafe {
        alloc_object(
            &PyTupleIter_Type,
            tupleiterobject {
                ob_base: PyObject_HEAD_INIT,
                it_index: Cell::new(0),
                it_seq: PyCell::new(Some(seq)),
            },
        )
    };
    Ok(it.into_object())
}

// --- Construction from Python -------------------------------------------------------------

/// `tuple_new_impl`: `tuple()` or `tuple(iterable)` for `type`.
fn tuple_new_impl(tp: &PyTypeObject, iterable: Option<&PyObject>) -> PyResult {
    if !std::ptr::eq(tp, &PyTuple_Type) {
        return tuple_subtype_new(tp, iterable);
    }
    match iterable {
        None => Ok(tuple_get_empty().into_object()),
        Some(it) => crate::r#abstract::PySequence_Tuple(it),
    }
}

/// `tuple_subtype_new`: build an exact tuple, then copy its items into an instance of
/// the subclass.
fn tuple_subtype_new(tp: &PyTypeObject, iterable: Option<&PyObject>) -> PyResult {
    let tmp = tuple_new_impl(&PyTuple_Type, iterable)?;
    let items: Box<[PyObjectRef]> = as_tuple(&tmp).as_slice().into();
    Ok(alloc_tuple(tp, items).into_object())
}

fn tuple_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let nkw = kwnames.map_or(0, crate::call::kwnames_len);
    let nargs = args.len() - nkw;
    // Keywords are refused unless a subclass's own `__init__` wants them.
    if std::ptr::eq(tp, &PyTuple_Type)
        || tp.tp_init.get().map(|f| f as usize) == PyTuple_Type.tp_init.get().map(|f| f as usize)
    {
        crate::getargs::check_no_kwargs("tuple", kwnames)?;
    }
    crate::getargs::check_positional("tuple", nargs, 0, 1)?;
    tuple_new_impl(tp, args.first().filter(|_| nargs > 0).map(|a| &**a))
}

fn tuple_vectorcall(tp: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    crate::getargs::check_no_kwargs("tuple", kwnames)?;
    crate::getargs::check_positional("tuple", args.len(), 0, 1)?;
    let tp = crate::typeobject::as_type(tp).unwrap_or(&PyTuple_Type);
    tuple_new_impl(tp, args.first().map(|a| &**a))
}

// --- Methods ----------------------------------------------------------------------------

/// The `slice_index` converter of Argument Clinic for `index()`'s `start`/`stop`
/// (`_PyEval_SliceIndexNotNone`): `None` is not accepted.
pub(crate) fn slice_index_not_none(obj: &PyObject) -> PyResult<Py_ssize_t> {
    if crate::r#abstract::PyIndex_Check(obj) {
        crate::r#abstract::PyNumber_AsSsize_t(obj, None)
    } else {
        Err(type_error(
            "slice indices must be integers or have an __index__ method",
        ))
    }
}

/// Parse `(value, start=0, stop=sys.maxsize, /)` for `index` methods.
pub(crate) fn parse_index_args(
    args: &[PyObjectRef],
) -> PyResult<(&PyObject, Py_ssize_t, Py_ssize_t)> {
    crate::getargs::check_positional("index", args.len(), 1, 3)?;
    let start = match args.get(1) {
        Some(s) => slice_index_not_none(s)?,
        None => 0,
    };
    let stop = match args.get(2) {
        Some(s) => slice_index_not_none(s)?,
        None => Py_ssize_t::MAX,
    };
    Ok((&args[0], start, stop))
}

fn tuple_index(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let (value, mut start, mut stop) = parse_index_args(args)?;
    let items = as_tuple(obj).as_slice();
    let n = items.len() as Py_ssize_t;
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop += n;
    } else if stop > n {
        stop = n;
    }
    let mut i = start;
    while i < stop {
        if PyObject_RichCompareBool(&items[i as usize], value, CompareOp::Eq)? {
            return Ok(crate::longobject::PyLong_FromSsize_t(i));
        }
        i += 1;
    }
    Err(value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(obj: &PyObject, value: &PyObject) -> PyResult {
    let mut count: Py_ssize_t = 0;
    for item in as_tuple(obj).as_slice() {
        if PyObject_RichCompareBool(item, value, CompareOp::Eq)? {
            count += 1;
        }
    }
    Ok(crate::longobject::PyLong_FromSsize_t(count))
}

fn tuple_getnewargs(obj: &PyObject) -> PyResult {
    let copy = _PyTuple_FromArray(as_tuple(obj).as_slice()).into_object();
    Ok(PyTuple_New(vec![copy]).into_object())
}

/// The bytes a subclass adds to a built-in type's instances, as CPython 3.11 counts
/// them: pyrs lays out `__slots__` and `__weakref__` like CPython but also keeps the
/// instance `__dict__` pointer inside the object, where CPython keeps it in front of
/// the object (a "managed dict") and does not count it in `__sizeof__`.
pub(crate) fn subclass_extra_size(tp: &PyTypeObject, own: usize) -> usize {
    let mut extra = tp.tp_basicsize.get().saturating_sub(own);
    if tp.tp_dictoffset.get() != 0 {
        extra = extra.saturating_sub(size_of::<usize>());
        if tp.has_feature(include::cpython::object::flags::Py_TPFLAGS_MANAGED_DICT) {
            // The values pointer beside a managed dict (CPython's pre-header).
            extra = extra.saturating_sub(size_of::<usize>());
        }
    }
    extra
}

/// pyrs addition: `tuple.__sizeof__`, reporting CPython's layout (24-byte header plus
/// one pointer per item) rather than pyrs's, so `sys.getsizeof` matches python3.
fn tuple_sizeof(obj: &PyObject) -> PyResult {
    let tp = obj.ob_type();
    let extra = tp
        .tp_basicsize
        .get()
        .saturating_sub(size_of::<PyTupleObject>());
    let res = CPYTHON_TUPLE_BASICSIZE + extra + size_of::<usize>() * as_tuple(obj).len();
    Ok(crate::longobject::PyLong_FromSsize_t(res as Py_ssize_t))
}

static TUPLE_METHODS: [PyMethodDef; 5] = [
    PyMethodDef::new("__getnewargs__", PyCFunction::NoArgs(tuple_getnewargs), "__getnewargs__($self, /)\n--\n\n"),
    PyMethodDef::new(
        "index",
        PyCFunction::Fast(tuple_index),
        "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present.",
    ),
    PyMethodDef::new(
        "count",
        PyCFunction::O(tuple_count),
        "count($self, value, /)\n--\n\nReturn number of occurrences of value.",
    ),
    PyMethodDef::new(
        "__sizeof__",
        PyCFunction::NoArgs(tuple_sizeof),
        "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes.",
    ),
    crate::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
];

/// `tuple`.
pub static PyTuple_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "tuple",
    tp_basicsize: Cell::new(size_of::<PyTupleObject>()),
    // A pointer per item, as in CPython, although the items are boxed: the item size
    // decides what subclasses may add (`type_new`) and is `tuple.__itemsize__`.
    tp_itemsize: Cell::new(size_of::<PyObjectRef>()),
    tp_dealloc: slot(tupledealloc),
    tp_repr: slot(tuplerepr),
    tp_as_sequence: PySequenceMethods {
        sq_length: slot(tuplelength),
        sq_concat: slot(tupleconcat),
        sq_repeat: slot(tuplerepeat),
        sq_item: slot(tupleitem),
        sq_contains: slot(tuplecontains),
        ..PySequenceMethods::EMPTY
    },
    tp_as_mapping: PyMappingMethods {
        mp_length: slot(tuplelength),
        mp_subscript: slot(tuplesubscript),
        mp_ass_subscript: no_slot(),
    },
    tp_hash: slot(tuplehash),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT
            | Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_BASETYPE
            | Py_TPFLAGS_TUPLE_SUBCLASS
            | Py_TPFLAGS_MATCH_SELF
            | Py_TPFLAGS_SEQUENCE,
    ),
    tp_doc: Some("tuple(iterable=(), /)\n--\n\nBuilt-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object."),
    tp_traverse: slot(tuple_traverse),
    tp_richcompare: slot(tuplerichcompare),
    tp_iter: slot(tuple_iter),
    tp_methods: &TUPLE_METHODS,
    tp_new: slot(tuple_new),
    tp_vectorcall: slot(tuple_vectorcall),
    ..PyTypeObject::DEFAULT
};

// --- tuple_iterator -----------------------------------------------------------------------

/// `tupleiterobject`.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct tupleiterobject {
    pub ob_base: PyObject,
    it_index: Cell<usize>,
    /// `None` once exhausted.
    it_seq: PyCell<Option<PyRef<PyTupleObject>>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for tupleiterobject {}

impl PyTypeInfo for tupleiterobject {
    fn type_object() -> &'static PyTypeObject {
        &PyTupleIter_Type
    }
}

fn as_tupleiter(obj: &PyObject) -> &tupleiterobject {
    // SAFETY: installed on `tuple_iterator` only.
    unsafe { &*(obj as *const PyObject as *const tupleiterobject) }
}

unsafe fn tupleiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead tuple iterator.
    unsafe { dealloc_object::<tupleiterobject>(op) }
}

fn tupleiter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(s) = unsafe { as_tupleiter(obj).it_seq.get_ref() } {
        visit(s.as_object());
    }
}

fn tupleiter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_tupleiter(obj);
    // SAFETY: the borrow ends before anything that could run Python code.
    let item = match unsafe { it.it_seq.get_ref() } {
        Some(seq) => seq.get(it.it_index.get()).cloned(),
        None => return Ok(None),
    };
    match item {
        Some(v) => {
            it.it_index.set(it.it_index.get() + 1);
            Ok(Some(v))
        }
        None => {
            // Dropping the tuple may run `__del__` of its items; the field is
            // already cleared when that happens.
            it.it_seq.set(None);
            Ok(None)
        }
    }
}

fn tupleiter_len(obj: &PyObject) -> PyResult {
    let it = as_tupleiter(obj);
    // SAFETY: the borrow ends at once.
    let len = match unsafe { it.it_seq.get_ref() } {
        Some(seq) => seq.len().saturating_sub(it.it_index.get()),
        None => 0,
    };
    Ok(crate::longobject::PyLong_FromSsize_t(len as Py_ssize_t))
}

fn tupleiter_reduce(obj: &PyObject) -> PyResult {
    let it = as_tupleiter(obj);
    let iter = crate::iterobject::_PyEval_GetBuiltin(crate::intern!("iter"))?;
    match it.it_seq.get() {
        Some(seq) => Ok(PyTuple_New(vec![
            iter,
            PyTuple_New(vec![seq.into_object()]).into_object(),
            crate::longobject::PyLong_FromSsize_t(it.it_index.get() as Py_ssize_t),
        ])
        .into_object()),
        None => Ok(PyTuple_New(vec![
            iter,
            PyTuple_New(vec![tuple_get_empty().into_object()]).into_object(),
        ])
        .into_object()),
    }
}

fn tupleiter_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let it = as_tupleiter(obj);
    let index = crate::listobject::setstate_index(state)?;
    // SAFETY: the borrow ends at once.
    if let Some(seq) = unsafe { it.it_seq.get_ref() } {
        let index = index.clamp(0, seq.len() as Py_ssize_t);
        it.it_index.set(index as usize);
    }
    Ok(none())
}

pub(crate) const LENGTH_HINT_DOC: &str = "Private method returning an estimate of len(list(it)).";
pub(crate) const REDUCE_DOC: &str = "Return state information for pickling.";
pub(crate) const SETSTATE_DOC: &str = "Set state information for unpickling.";

static TUPLEITER_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(tupleiter_len),
        LENGTH_HINT_DOC,
    ),
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(tupleiter_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(tupleiter_setstate),
        SETSTATE_DOC,
    ),
];

/// `PyObject_SelfIter`: an iterator's `__iter__` returns itself.
pub fn PyObject_SelfIter(obj: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

/// `tuple_iterator`.
pub static PyTupleIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "tuple_iterator",
    tp_basicsize: Cell::new(size_of::<tupleiterobject>()),
    tp_dealloc: slot(tupleiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(tupleiter_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(tupleiter_next),
    tp_methods: &TUPLEITER_METHODS,
    ..PyTypeObject::DEFAULT
};

/// The static types of this file, bases before subclasses.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyTuple_Type, &PyTupleIter_Type]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xxrotate_is_a_31_bit_left_rotation() {
        assert_eq!(xxrotate(1), 1 << 31);
        assert_eq!(xxrotate(1 << 33), 1);
    }

    #[test]
    fn empty_tuple_hash_constant() {
        // hash(()) in CPython 3.11 on 64-bit builds.
        let acc = XXPRIME_5.wrapping_add(XXPRIME_5 ^ 3527539);
        assert_eq!(acc as i64, 5740354900026072187);
    }
}
