//! The `list` type, its iterators and `list.sort`. Mirrors Objects/listobject.c
//! (CPython 3.11) and the algorithm described in Objects/listsort.txt.
//!
//! A list is a vector of references that over-allocates as it grows. The growth rule is
//! CPython's `list_resize` (capacity `newsize + newsize/8 + 6`, rounded down to a
//! multiple of 4, giving 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...), and the logical
//! capacity is kept in `allocated` exactly as CPython keeps it, so that
//! `sys.getsizeof([...])` reports the same number after the same operations.
//!
//! Python code can run in the middle of almost any list operation (an item's `__eq__`,
//! `__del__` of an item being removed, an iterator feeding `extend`). The rule followed
//! throughout: never keep a borrow of the item vector across such code. Items that
//! leave the list are moved out first and released after the list is consistent
//! again, as CPython's `recycle` arrays do.
//!
//! `list.sort` is CPython's timsort: natural runs extended to `minrun` by binary
//! insertion, the 3.11 "powersort" merge policy, galloping with `MIN_GALLOP = 7`, and
//! the same pre-sort type check, so a key or `__lt__` with side effects sees the same
//! sequence of comparisons. While sorting the list appears empty, and a mutation is
//! reported as `ValueError: list modified during sort`.
//!
//! Differences from CPython:
//! - The sort rearranges a permutation of indices and applies it at the end, instead
//!   of moving the object pointers (and a parallel `values` array) in place; the
//!   comparisons made, and the order left behind by a failed sort, are the same.
//! - `__sizeof__` reports CPython's figure (40 bytes plus 8 per allocated slot), not
//!   the size of pyrs's struct.
//! - The free list (`PyList_MAXFREELIST`, 80) keeps dead lists without their item
//!   arrays, as CPython's does; a full collection empties it.

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::cpython::object::{PyMappingMethods, PySequenceMethods};
use include::methodobject::{PyCFunction, PyMethodDef, METH_COEXIST};

use crate::exceptions::*;
use crate::getargs::{check_no_kwargs, check_positional, unpack_keywords, ArgSpec};
use crate::longobject::{PyLongObject, PyLong_FromSsize_t};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::r#abstract::{PyIndex_Check, PyNumber_AsSsize_t, PyNumber_Index};
use crate::sliceobject::{PySliceObject, PySlice_AdjustIndices};
use crate::tupleobject::{
    parse_index_args, vec_with_capacity, PyObject_SelfIter, PyTupleObject, PyTuple_New, ReprGuard,
    ReprWriter, LENGTH_HINT_DOC, REDUCE_DOC, SETSTATE_DOC,
};
use crate::typeobject::PyType_Type;
use crate::unicodeobject::PyUnicode_FromString;

/// `PyListObject`.
#[repr(C)]
pub struct PyListObject {
    pub ob_base: PyObject,
    /// The items (`ob_item` and `ob_size`).
    ob_item: PyCell<Vec<PyObjectRef>>,
    /// The number of slots CPython would have allocated (`allocated`); the vector's
    /// capacity is at least this. -1 while the list is being sorted, so that any
    /// mutation during the sort can be detected.
    allocated: Cell<Py_ssize_t>,
    /// Whether CPython's `ob_item` would be `NULL`: a list made empty by `clear()` or
    /// never filled takes a different path in `extend` than one emptied by `pop()`,
    /// which leaves a (zero-sized) allocation behind. It decides `allocated`.
    ob_item_null: Cell<bool>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyListObject {}

impl PyTypeInfo for PyListObject {
    fn type_object() -> &'static PyTypeObject {
        &PyList_Type
    }
    /// `PyList_Check`: one flag test.
    #[inline(always)]
    fn check(obj: &PyObject) -> bool {
        obj.ob_type().has_feature(Py_TPFLAGS_LIST_SUBCLASS)
    }
}

/// CPython's `sizeof(PyListObject)` (`list.__basicsize__`).
const CPYTHON_LIST_BASICSIZE: usize = 40;

impl PyListObject {
    /// `PyList_GET_SIZE`.
    #[inline(always)]
    pub fn len(&self) -> usize {
        // SAFETY: the borrow ends at once.
        unsafe { self.ob_item.get_ref() }.len()
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `PyList_GET_ITEM` as a new reference, `None` out of range.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<PyObjectRef> {
        // SAFETY: the borrow ends before the caller can run Python code.
        unsafe { self.ob_item.get_ref() }.get(i).cloned()
    }

    /// A snapshot of the items (new references).
    #[inline]
    pub fn to_vec(&self) -> Vec<PyObjectRef> {
        // SAFETY: cloning references runs no Python code.
        unsafe { self.ob_item.get_ref() }.clone()
    }

    /// Borrow the items.
    ///
    /// # Safety
    /// Nothing that can run Python code or mutate the list may happen while the
    /// borrow lives.
    #[inline(always)]
    pub unsafe fn items(&self) -> &Vec<PyObjectRef> {
        // SAFETY: upheld by the caller.
        unsafe { self.ob_item.get_ref() }
    }

    /// Mutably borrow the items.
    ///
    /// # Safety
    /// As for [`PyListObject::items`]; in particular no reference may be dropped while
    /// the borrow lives (dropping can run `__del__`).
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    unsafe fn items_mut(&self) -> &mut Vec<PyObjectRef> {
        // SAFETY: upheld by the caller.
        unsafe { self.ob_item.get_mut() }
    }

    /// `list_resize`: make the logical allocation fit `newsize` items, following
    /// CPython's growth pattern. `v` is this list's vector, currently holding
    /// `Py_SIZE(self)` items: the old size when growing (call before adding), the new
    /// size when shrinking (call after removing). Runs no Python code.
    fn list_resize(&self, v: &mut Vec<PyObjectRef>, newsize: usize) -> PyResult<()> {
        let allocated = self.allocated.get();
        let ns = newsize as Py_ssize_t;
        // No reallocation while the current block is large enough and not less than
        // half used.
        if allocated >= ns && ns >= (allocated >> 1) {
            self.ob_item_null.set(false);
            return Ok(());
        }
        // Over-allocate proportionally (about 12.5%) plus a little, rounded down to a
        // multiple of 4: 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...
        let mut new_allocated = (newsize + (newsize >> 3) + 6) & !3usize;
        // Do not over-allocate when the new size is closer to that than to the old
        // size (a big extend): allocate just enough, rounded up to 4.
        if ns - v.len() as Py_ssize_t > (new_allocated - newsize) as Py_ssize_t {
            new_allocated = (newsize + 3) & !3usize;
        }
        if newsize == 0 {
            new_allocated = 0;
        }
        if new_allocated > (Py_ssize_t::MAX as usize) / size_of::<PyObjectRef>() {
            return Err(PyErr_NoMemory());
        }
        if new_allocated > v.capacity() {
            if v.try_reserve_exact(new_allocated - v.len()).is_err() {
                return Err(PyErr_NoMemory());
            }
        } else if new_allocated < v.capacity() && v.len() <= new_allocated {
            v.shrink_to(new_allocated);
        }
        self.allocated.set(new_allocated as Py_ssize_t);
        self.ob_item_null.set(false);
        Ok(())
    }

    /// `list_preallocate_exact`: room for `size` items (rounded up to even) in a list
    /// whose storage was never allocated.
    fn list_preallocate_exact(&self, v: &mut Vec<PyObjectRef>, size: usize) -> PyResult<()> {
        let size = (size + 1) & !1usize;
        if size > (Py_ssize_t::MAX as usize) / size_of::<PyObjectRef>() {
            return Err(PyErr_NoMemory());
        }
        if size > v.capacity() && v.try_reserve_exact(size - v.len()).is_err() {
            return Err(PyErr_NoMemory());
        }
        self.allocated.set(size as Py_ssize_t);
        self.ob_item_null.set(false);
        Ok(())
    }
}

#[inline(always)]
fn as_list(obj: &PyObject) -> &PyListObject {
    // SAFETY: the list slots and methods are only installed on list types (method
    // descriptors check the type of `self`).
    unsafe { &*(obj as *const PyObject as *const PyListObject) }
}

/// Release references last to first, as CPython's `list_dealloc` and `_list_clear`
/// do (the order decides the order of `__del__` calls).
pub(crate) fn drop_reversed(mut v: Vec<PyObjectRef>) {
    while let Some(item) = v.pop() {
        drop(item);
    }
}

// --- Creation and the C-level API ----------------------------------------------------------

/// How many dead lists are kept for reuse (`PyList_MAXFREELIST`).
const PyList_MAXFREELIST: usize = 80;

/// Dead exact lists (their items already released), reused by `PyList_New` as
/// CPython's `_Py_list_state.free_list`. A reused list keeps its GC header and skips
/// the allocator and the collector's allocation count both ways, as in CPython.
struct ListFreeList {
    items: [*mut PyObject; PyList_MAXFREELIST],
    numfree: usize,
}

static LIST_FREELIST: include::object::GlobalCell<ListFreeList> =
    include::object::GlobalCell::new(ListFreeList {
        items: [std::ptr::null_mut(); PyList_MAXFREELIST],
        numfree: 0,
    });

/// `_PyList_ClearFreeList`: give the kept lists back to the allocator (a full
/// collection does this, as `clear_freelists` in Modules/gcmodule.c).
pub fn _PyList_ClearFreeList() {
    loop {
        // SAFETY: single-threaded; the borrow ends before the memory is freed.
        let op = unsafe {
            let fl = LIST_FREELIST.get_mut();
            if fl.numfree == 0 {
                return;
            }
            fl.numfree -= 1;
            fl.items[fl.numfree]
        };
        // SAFETY: every pointer on the free list is the memory of a dead exact list
        // whose fields were dropped; its header still names `list`.
        unsafe { PyObject_Free(op) };
    }
}

fn new_list(tp: &PyTypeObject, items: Vec<PyObjectRef>) -> PyRef<PyListObject> {
    let n = items.len();
    if std::ptr::eq(tp, &PyList_Type) {
        // SAFETY: single-threaded; the borrow ends within this block and nothing in
        // it can reach the free list again.
        let fl = unsafe { LIST_FREELIST.get_mut() };
        if fl.numfree > 0 {
            fl.numfree -= 1;
            let op = fl.items[fl.numfree] as *mut PyListObject;
            // SAFETY: the memory of a dead exact list (see `list_dealloc`), untracked,
            // with its GC header in place; writing a complete struct revives it with
            // one reference, and it is tracked as a new list is.
            unsafe {
                op.write(PyListObject {
                    ob_base: PyObject::new_header(&PyList_Type),
                    ob_item: PyCell::new(items),
                    allocated: Cell::new(n as Py_ssize_t),
                    ob_item_null: Cell::new(n == 0),
                });
                include::gc::gc_track(op as *mut PyObject);
                return PyRef::from_raw(std::ptr::NonNull::new_unchecked(op));
            }
        }
    }
    // SAFETY: `tp` is `list` or a subtype; the struct is complete.
    unsafe {
        alloc_object(
            tp,
            PyListObject {
                ob_base: PyObject_HEAD_INIT,
                ob_item: PyCell::new(items),
                allocated: Cell::new(n as Py_ssize_t),
                ob_item_null: Cell::new(n == 0),
            },
        )
    }
}

/// `PyList_New` filled with `items`: the allocation is exactly `len(items)`, as for a
/// list made with `PyList_New(n)` and `PyList_SET_ITEM`.
#[inline]
pub fn PyList_New(items: Vec<PyObjectRef>) -> PyRef<PyListObject> {
    new_list(&PyList_Type, items)
}

/// `PyList_Size`.
pub fn PyList_Size(list: &PyListObject) -> usize {
    list.len()
}

/// The logical allocation, for `list.__sizeof__` and `sys.getsizeof`.
pub fn list_allocated(list: &PyListObject) -> usize {
    list.allocated.get().max(0) as usize
}

/// `PyList_GetItem`, returning a new reference.
pub fn PyList_GetItem(list: &PyListObject, i: Py_ssize_t) -> PyResult {
    match usize::try_from(i).ok().and_then(|i| list.get(i)) {
        Some(v) => Ok(v),
        None => Err(index_error("list index out of range")),
    }
}

/// `PyList_SetItem`: replace item `i` (no negative indexes).
pub fn PyList_SetItem(list: &PyListObject, i: Py_ssize_t, newitem: PyObjectRef) -> PyResult<()> {
    let old = {
        // SAFETY: the borrow ends before the old item is released.
        let items = unsafe { list.items_mut() };
        match usize::try_from(i).ok().and_then(|i| items.get_mut(i)) {
            Some(slot) => std::mem::replace(slot, newitem),
            None => return Err(index_error("list assignment index out of range")),
        }
    };
    drop(old);
    Ok(())
}

/// `_PyList_AppendTakeRef`: append, growing by `list_resize` when full.
#[inline]
fn append_take_ref(list: &PyListObject, newitem: PyObjectRef) -> PyResult<()> {
    // SAFETY: no Python code runs while the vector is borrowed.
    let v = unsafe { list.items_mut() };
    let len = v.len();
    if (len as Py_ssize_t) < list.allocated.get() && len < v.capacity() {
        v.push(newitem);
        return Ok(());
    }
    list.list_resize(v, len + 1)?;
    v.push(newitem);
    Ok(())
}

/// `PyList_Append`.
#[inline]
pub fn PyList_Append(list: &PyListObject, newitem: PyObjectRef) -> PyResult<()> {
    append_take_ref(list, newitem)
}

/// `ins1` / `PyList_Insert`: insert before `where_` (clamped; negative counts from the
/// end).
pub fn PyList_Insert(list: &PyListObject, where_: Py_ssize_t, v: PyObjectRef) -> PyResult<()> {
    // SAFETY: no Python code runs while the vector is borrowed.
    let items = unsafe { list.items_mut() };
    let n = items.len() as Py_ssize_t;
    list.list_resize(items, n as usize + 1)?;
    let mut w = where_;
    if w < 0 {
        w += n;
        if w < 0 {
            w = 0;
        }
    }
    if w > n {
        w = n;
    }
    items.insert(w as usize, v);
    Ok(())
}

/// `PyList_AsTuple`.
pub fn PyList_AsTuple(list: &PyListObject) -> PyObjectRef {
    // SAFETY: cloning runs no Python code.
    crate::tupleobject::_PyTuple_FromArray(unsafe { list.items() }).into_object()
}

/// `_PyList_Extend`: `list.extend(iterable)` (and the `LIST_EXTEND` instruction).
pub fn _PyList_Extend(list: &PyListObject, iterable: &PyObject) -> PyResult<()> {
    list_extend_impl(list, iterable)
}

/// `PyList_GetSlice`: `list[low:high]` with the bounds clamped.
pub fn PyList_GetSlice(
    list: &PyListObject,
    low: Py_ssize_t,
    high: Py_ssize_t,
) -> PyRef<PyListObject> {
    let n = list.len() as Py_ssize_t;
    let low = low.clamp(0, n);
    let high = high.clamp(low, n);
    list_slice(list, low as usize, high as usize)
}

/// `PyList_SetSlice`: `list[low:high] = v`, or `del list[low:high]` for `None`.
pub fn PyList_SetSlice(
    list: &PyListObject,
    low: Py_ssize_t,
    high: Py_ssize_t,
    v: Option<&PyObject>,
) -> PyResult<()> {
    list_ass_slice(list, low, high, v)
}

/// `PyList_Sort`.
pub fn PyList_Sort(list: &PyListObject) -> PyResult<()> {
    list_sort_impl(list, None, false)
}

/// `PyList_Reverse`.
pub fn PyList_Reverse(list: &PyListObject) {
    // SAFETY: reversing runs no Python code.
    unsafe { list.items_mut() }.reverse();
}

/// `list_slice`: a new list of `a[ilow:ihigh]` (bounds already valid).
fn list_slice(a: &PyListObject, ilow: usize, ihigh: usize) -> PyRef<PyListObject> {
    if ihigh <= ilow {
        return PyList_New(Vec::new());
    }
    // SAFETY: cloning runs no Python code.
    let items = unsafe { a.items() };
    let ihigh = ihigh.min(items.len());
    let ilow = ilow.min(ihigh);
    PyList_New(items[ilow..ihigh].to_vec())
}

// --- Slots --------------------------------------------------------------------------------

unsafe fn list_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead list; nobody else can reach it.
    unsafe {
        let l = &*(op as *const PyListObject);
        if (*op).ob_type().is_gc() {
            include::gc::gc_untrack(op);
        }
        drop_reversed(l.ob_item.replace(Vec::new()));
        if (*op).is_type(&PyList_Type) {
            let fl = LIST_FREELIST.get_mut();
            if fl.numfree < PyList_MAXFREELIST {
                std::ptr::drop_in_place(op as *mut PyListObject);
                fl.items[fl.numfree] = op;
                fl.numfree += 1;
                return;
            }
        }
        dealloc_object::<PyListObject>(op);
    }
}

fn list_repr(obj: &PyObject) -> PyResult {
    let l = as_list(obj);
    if l.is_empty() {
        return Ok(PyUnicode_FromString("[]"));
    }
    if Py_ReprEnter(obj)? {
        return Ok(PyUnicode_FromString("[...]"));
    }
    let _guard = ReprGuard(obj);
    let mut w = ReprWriter::new();
    w.push_str("[");
    // The repr of an item may mutate the list: refetch the size every time.
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if i > 0 {
            w.push_str(", ");
        }
        let s = PyObject_Repr(&item)?;
        w.push_obj(&s);
        i += 1;
    }
    w.push_str("]");
    Ok(w.finish())
}

fn list_length(obj: &PyObject) -> PyResult<Py_ssize_t> {
    Ok(as_list(obj).len() as Py_ssize_t)
}

fn list_contains(obj: &PyObject, el: &PyObject) -> PyResult<bool> {
    let l = as_list(obj);
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if PyObject_RichCompareBool(&item, el, CompareOp::Eq)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_item(obj: &PyObject, i: Py_ssize_t) -> PyResult {
    match usize::try_from(i).ok().and_then(|i| as_list(obj).get(i)) {
        Some(v) => Ok(v),
        None => Err(index_error("list index out of range")),
    }
}

fn list_concat(obj: &PyObject, bb: &PyObject) -> PyResult {
    let Some(b) = bb.downcast_ref::<PyListObject>() else {
        return Err(type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            bb.ob_type().name()
        )));
    };
    let a = as_list(obj);
    // SAFETY: cloning runs no Python code.
    let (ai, bi) = unsafe { (a.items(), b.items()) };
    let mut v = vec_with_capacity(ai.len() + bi.len())?;
    v.extend_from_slice(ai);
    v.extend_from_slice(bi);
    Ok(PyList_New(v).into_object())
}

fn list_repeat(obj: &PyObject, n: Py_ssize_t) -> PyResult {
    let a = as_list(obj);
    let n = n.max(0);
    let len = a.len() as Py_ssize_t;
    if n > 0 && len > Py_ssize_t::MAX / n {
        return Err(PyErr_NoMemory());
    }
    if len == 0 || n == 0 {
        return Ok(PyList_New(Vec::new()).into_object());
    }
    let items = a.to_vec();
    Ok(PyList_New(crate::tupleobject::repeat_items(&items, n as usize)?).into_object())
}

/// `_list_clear`: empty the list first, then release the old items (their `__del__`
/// may refill the list, which is allowed).
fn _list_clear(l: &PyListObject) {
    let old = l.ob_item.replace(Vec::new());
    l.allocated.set(0);
    l.ob_item_null.set(true);
    drop_reversed(old);
}

/// `list_ass_slice`: `a[ilow:ihigh] = v`, or `del a[ilow:ihigh]` when `v` is `None`.
fn list_ass_slice(
    a: &PyListObject,
    ilow: Py_ssize_t,
    ihigh: Py_ssize_t,
    v: Option<&PyObject>,
) -> PyResult<()> {
    // CPython's `PySequence_Fast` hands back an exact list or tuple itself, whose
    // items are then copied straight into place; only other iterables (and `a[i:j] =
    // a`) are gathered into a vector first.
    let owned: Vec<PyObjectRef>;
    let src: &[PyObjectRef] = match v {
        None => &[],
        Some(v) if v.is(a.as_object()) => {
            owned = a.to_vec();
            &owned
        }
        Some(v) => {
            if let Some(t) = v.downcast_ref_exact::<crate::tupleobject::PyTupleObject>() {
                t.as_slice()
            } else if let Some(l) = v.downcast_ref_exact::<PyListObject>() {
                // SAFETY: `l` is not `a`, and nothing below runs Python code before the
                // borrow ends (cloning and resizing do not).
                unsafe { l.items() }.as_slice()
            } else {
                owned = crate::r#abstract::PySequence_Fast(v, "can only assign an iterable")?;
                &owned
            }
        }
    };
    // The replaced items are released only once the list is consistent again, as
    // CPython's `recycle` array (on the stack for up to 8 items).
    let mut recycle = Recycle::new();
    {
        // SAFETY: from here to the end of the block no Python code runs and no
        // reference is dropped.
        let items = unsafe { a.items_mut() };
        let len = items.len() as Py_ssize_t;
        let ilow = ilow.clamp(0, len);
        let ihigh = ihigh.clamp(ilow, len);
        let n = src.len() as Py_ssize_t;
        let d = n - (ihigh - ilow);
        if len + d == 0 {
            // Everything goes: the `_list_clear` path leaves no allocation behind.
            let old = a.ob_item.replace(Vec::new());
            a.allocated.set(0);
            a.ob_item_null.set(true);
            drop_reversed(old);
            return Ok(());
        }
        if d == 0 {
            // Same length: overwrite in place, nothing moves.
            for (slot, new) in items[ilow as usize..ihigh as usize].iter_mut().zip(src) {
                recycle.push(std::mem::replace(slot, new.clone()));
            }
        } else {
            if d > 0 {
                a.list_resize(items, (len + d) as usize)?;
            }
            for old in items.splice(ilow as usize..ihigh as usize, src.iter().cloned()) {
                recycle.push(old);
            }
            if d < 0 {
                a.list_resize(items, (len + d) as usize)?;
            }
        }
    }
    drop(recycle);
    Ok(())
}

/// Items taken out of a list, held until it is consistent again and then released
/// last to first (CPython's `recycle_on_stack` in `list_ass_slice`): the first 8
/// on the stack, any more in a vector.
struct Recycle {
    /// The first `n` slots are initialised.
    small: [std::mem::MaybeUninit<PyObjectRef>; 8],
    n: usize,
    big: Vec<PyObjectRef>,
}

impl Recycle {
    #[inline]
    fn new() -> Recycle {
        Recycle {
            small: [const { std::mem::MaybeUninit::uninit() }; 8],
            n: 0,
            big: Vec::new(),
        }
    }

    #[inline]
    fn push(&mut self, v: PyObjectRef) {
        match self.small.get_mut(self.n) {
            Some(slot) => {
                slot.write(v);
                self.n += 1;
            }
            None => self.big.push(v),
        }
    }
}

impl Drop for Recycle {
    fn drop(&mut self) {
        drop_reversed(std::mem::take(&mut self.big));
        while self.n > 0 {
            self.n -= 1;
            // SAFETY: slot `n` was written by `push` and is read once, as the count
            // drops below it.
            drop(unsafe { self.small[self.n].assume_init_read() });
        }
    }
}

fn list_inplace_repeat(obj: &PyObject, n: Py_ssize_t) -> PyResult {
    let l = as_list(obj);
    let size = l.len();
    if size == 0 || n == 1 {
        return Ok(obj.to_owned());
    }
    if n < 1 {
        _list_clear(l);
        return Ok(obj.to_owned());
    }
    if size as Py_ssize_t > Py_ssize_t::MAX / n {
        return Err(PyErr_NoMemory());
    }
    {
        // SAFETY: cloning and resizing run no Python code.
        let items = unsafe { l.items_mut() };
        l.list_resize(items, size * n as usize)?;
        for _ in 1..n {
            items.extend_from_within(0..size);
        }
    }
    Ok(obj.to_owned())
}

fn list_ass_item(obj: &PyObject, i: Py_ssize_t, v: Option<&PyObject>) -> PyResult<()> {
    let l = as_list(obj);
    if i < 0 || i as usize >= l.len() {
        return Err(index_error("list assignment index out of range"));
    }
    match v {
        None => list_ass_slice(l, i, i + 1, None),
        Some(v) => PyList_SetItem(l, i, v.to_owned()),
    }
}

fn list_subscript(obj: &PyObject, item: &PyObject) -> PyResult {
    let l = as_list(obj);
    if PyIndex_Check(item) {
        let mut i = PyNumber_AsSsize_t(item, Some(&PyExc_IndexError))?;
        if i < 0 {
            i += l.len() as Py_ssize_t;
        }
        return list_item(obj, i);
    }
    if let Some(s) = item.downcast_ref::<PySliceObject>() {
        let (start, stop, step, slicelength) = s.adjust_indices(l.len() as Py_ssize_t)?;
        if slicelength <= 0 {
            return Ok(PyList_New(Vec::new()).into_object());
        }
        if step == 1 {
            return Ok(list_slice(l, start as usize, stop as usize).into_object());
        }
        // SAFETY: cloning runs no Python code.
        let items = unsafe { l.items() };
        let mut out = vec_with_capacity(slicelength as usize)?;
        let mut cur = start;
        for _ in 0..slicelength {
            match items.get(cur as usize) {
                Some(v) => out.push(v.clone()),
                None => break,
            }
            cur += step;
        }
        return Ok(PyList_New(out).into_object());
    }
    Err(type_error(format!(
        "list indices must be integers or slices, not {}",
        item.ob_type().name()
    )))
}

/// `list.__getitem__` as a method (`METH_COEXIST`, faster than the slot wrapper).
fn list_subscript_meth(obj: &PyObject, item: &PyObject) -> PyResult {
    list_subscript(obj, item)
}

fn list_ass_subscript(obj: &PyObject, item: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let l = as_list(obj);
    if PyIndex_Check(item) {
        let mut i = PyNumber_AsSsize_t(item, Some(&PyExc_IndexError))?;
        if i < 0 {
            i += l.len() as Py_ssize_t;
        }
        return list_ass_item(obj, i, value);
    }
    let Some(s) = item.downcast_ref::<PySliceObject>() else {
        return Err(type_error(format!(
            "list indices must be integers or slices, not {}",
            item.ob_type().name()
        )));
    };
    let (ustart, ustop, step) = s.unpack()?;
    let (mut start, mut stop) = (ustart, ustop);
    let slicelength = PySlice_AdjustIndices(l.len() as Py_ssize_t, &mut start, &mut stop, step);
    if step == 1 {
        return list_ass_slice(l, start, stop, value);
    }
    // `a[5:2] = [...]` inserts before 5, not before 2.
    if (step < 0 && start < stop) || (step > 0 && start > stop) {
        stop = start;
    }
    let _ = stop;
    match value {
        None => list_del_extended(l, start, step, slicelength),
        Some(value) => {
            let seq: Vec<PyObjectRef> = if value.is(obj) {
                l.to_vec()
            } else {
                crate::r#abstract::PySequence_Fast(value, "must assign iterable to extended slice")?
            };
            // Iterating `value` may have changed the list: redo the arithmetic (which
            // runs no Python code) against its current length.
            let (mut start, mut stop) = (ustart, ustop);
            let slicelength =
                PySlice_AdjustIndices(l.len() as Py_ssize_t, &mut start, &mut stop, step);
            if seq.len() as Py_ssize_t != slicelength {
                return Err(value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    seq.len(),
                    slicelength
                )));
            }
            if slicelength == 0 {
                return Ok(());
            }
            let garbage = {
                // SAFETY: no Python code runs and nothing is dropped in this block.
                let items = unsafe { l.items_mut() };
                let mut garbage = Vec::with_capacity(seq.len());
                let mut cur = start;
                for ins in seq {
                    match items.get_mut(cur as usize) {
                        Some(slot) => garbage.push(std::mem::replace(slot, ins)),
                        None => garbage.push(ins),
                    }
                    cur += step;
                }
                garbage
            };
            drop(garbage);
            Ok(())
        }
    }
}

/// Delete an extended slice (`del a[start::step]` with `slicelength` items).
fn list_del_extended(
    l: &PyListObject,
    start: Py_ssize_t,
    step: Py_ssize_t,
    slicelength: Py_ssize_t,
) -> PyResult<()> {
    if slicelength <= 0 {
        return Ok(());
    }
    // Walk a negative step from the other end, so the loop below only goes up.
    let (start, step) = if step < 0 {
        (start + step * (slicelength - 1), -step)
    } else {
        (start, step)
    };
    let garbage = {
        // SAFETY: no Python code runs and nothing is dropped in this block.
        let items = unsafe { l.items_mut() };
        let (start, step, slicelength) = (start as usize, step as usize, slicelength as usize);
        if start > items.len() {
            return Ok(());
        }
        let mut garbage = Vec::with_capacity(slicelength);
        let mut kept = Vec::with_capacity(items.len() - start);
        for (k, x) in items.drain(start..).enumerate() {
            if k % step == 0 && k / step < slicelength {
                garbage.push(x);
            } else {
                kept.push(x);
            }
        }
        items.extend(kept);
        let newsize = items.len();
        l.list_resize(items, newsize)?;
        garbage
    };
    drop(garbage);
    Ok(())
}

/// `list_richcompare`: `==` shortcut on lengths, then lexicographic.
fn list_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    let (Some(vl), Some(wl)) = (
        v.downcast_ref::<PyListObject>(),
        w.downcast_ref::<PyListObject>(),
    ) else {
        return Ok(not_implemented());
    };
    if vl.len() != wl.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(crate::boolobject::PyBool_FromLong(op == CompareOp::Ne));
    }
    // Find the first index where the items differ. The comparisons can mutate either
    // list, so the lengths are reread and the items held by new references.
    let mut i = 0;
    let mut differing = None;
    loop {
        let (Some(vi), Some(wi)) = (vl.get(i), wl.get(i)) else {
            break;
        };
        if vi.is(&wi) {
            i += 1;
            continue;
        }
        if !PyObject_RichCompareBool(&vi, &wi, CompareOp::Eq)? {
            differing = Some((vi, wi));
            break;
        }
        i += 1;
    }
    let (vlen, wlen) = (vl.len(), wl.len());
    if i >= vlen || i >= wlen {
        return Ok(crate::boolobject::PyBool_FromLong(
            op.from_ordering(vlen.cmp(&wlen)),
        ));
    }
    match op {
        CompareOp::Eq => Ok(crate::boolobject::PyBool_FromLong(false)),
        CompareOp::Ne => Ok(crate::boolobject::PyBool_FromLong(true)),
        _ => {
            // Compare the final items again, with the requested operator.
            let (a, b) = match (vl.get(i), wl.get(i)) {
                (Some(a), Some(b)) => (a, b),
                _ => match differing {
                    Some(pair) => pair,
                    None => {
                        return Ok(crate::boolobject::PyBool_FromLong(
                            op.from_ordering(vlen.cmp(&wlen)),
                        ))
                    }
                },
            };
            PyObject_RichCompare(&a, &b, op)
        }
    }
}

fn list_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    for item in unsafe { as_list(obj).items() }.iter().rev() {
        visit(item);
    }
}

fn list_tp_clear(obj: &PyObject) {
    _list_clear(as_list(obj));
}

fn list_inplace_concat(obj: &PyObject, other: &PyObject) -> PyResult {
    list_extend_impl(as_list(obj), other)?;
    Ok(obj.to_owned())
}

// --- Construction ---------------------------------------------------------------------------

/// `PyType_GenericNew` for lists: an empty list of type `tp`; `__init__` fills it.
fn list_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    Ok(new_list(tp, Vec::new()).into_object())
}

/// `list___init___impl`: empty the list, then extend it from `iterable`.
fn list___init___impl(l: &PyListObject, iterable: Option<&PyObject>) -> PyResult<()> {
    // SAFETY: the borrow ends at once.
    if !l.ob_item_null.get() || !unsafe { l.items() }.is_empty() {
        _list_clear(l);
    }
    if let Some(it) = iterable {
        list_extend_impl(l, it)?;
    }
    Ok(())
}

fn list_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let tp = obj.ob_type();
    if std::ptr::eq(tp, &PyList_Type)
        || tp.tp_new.get().map(|f| f as usize) == PyList_Type.tp_new.get().map(|f| f as usize)
    {
        check_no_kwargs("list", kwnames)?;
    }
    let nargs = args.len() - kwnames.map_or(0, crate::call::kwnames_len);
    check_positional("list", nargs, 0, 1)?;
    list___init___impl(
        as_list(obj),
        args.first().filter(|_| nargs > 0).map(|a| &**a),
    )
}

fn list_vectorcall(tp: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    check_no_kwargs("list", kwnames)?;
    check_positional("list", args.len(), 0, 1)?;
    let tp = crate::typeobject::as_type(tp).unwrap_or(&PyList_Type);
    let l = new_list(tp, Vec::new());
    if let Some(it) = args.first() {
        list___init___impl(&l, Some(it))?;
    }
    Ok(l.into_object())
}

// --- Methods --------------------------------------------------------------------------------

/// `list_extend`: the fast path for exact lists and tuples (and `a.extend(a)`),
/// otherwise an iterator with the length hint used to preallocate.
fn list_extend_impl(l: &PyListObject, iterable: &PyObject) -> PyResult<()> {
    if iterable.is_type(&PyList_Type)
        || iterable.is_type(&crate::tupleobject::PyTuple_Type)
        || iterable.is(l.as_object())
    {
        let src: Vec<PyObjectRef> = match iterable.downcast_ref::<PyTupleObject>() {
            Some(t) => t.as_slice().to_vec(),
            None => as_list(iterable).to_vec(),
        };
        if src.is_empty() {
            return Ok(());
        }
        // SAFETY: no Python code runs while the vector is borrowed.
        let items = unsafe { l.items_mut() };
        let m = items.len();
        if l.ob_item_null.get() && items.is_empty() {
            l.list_preallocate_exact(items, src.len())?;
        } else {
            l.list_resize(items, m + src.len())?;
        }
        items.extend(src);
        return Ok(());
    }

    let it = crate::r#abstract::PyObject_GetIter(iterable)?;
    // Guess the final size to allocate once.
    let n = crate::r#abstract::PyObject_LengthHint(iterable, 8)? as usize;
    {
        // SAFETY: no Python code runs while the vector is borrowed.
        let items = unsafe { l.items_mut() };
        let m = items.len();
        if m > Py_ssize_t::MAX as usize - n {
            // The hint is implausible; just append one at a time.
        } else if l.ob_item_null.get() && items.is_empty() {
            if n > 0 {
                l.list_preallocate_exact(items, n)?;
            }
        } else {
            l.list_resize(items, m + n)?;
        }
    }
    while let Some(item) = crate::r#abstract::PyIter_Next(&it)? {
        append_take_ref(l, item)?;
    }
    // Give back what the guess over-allocated.
    // SAFETY: no Python code runs while the vector is borrowed.
    let items = unsafe { l.items_mut() };
    if (items.len() as Py_ssize_t) < l.allocated.get() {
        let len = items.len();
        l.list_resize(items, len)?;
    }
    Ok(())
}

fn list_extend(obj: &PyObject, iterable: &PyObject) -> PyResult {
    list_extend_impl(as_list(obj), iterable)?;
    Ok(none())
}

fn list_append(obj: &PyObject, object: &PyObject) -> PyResult {
    append_take_ref(as_list(obj), object.to_owned())?;
    Ok(none())
}

/// The `Py_ssize_t` converter of Argument Clinic: `__index__`, then a range check
/// with "Python int too large to convert to C ssize_t".
pub(crate) fn ssize_t_converter(obj: &PyObject) -> PyResult<Py_ssize_t> {
    if let Some(v) = obj.downcast_ref::<PyLongObject>().and_then(|l| l.as_i64()) {
        return Ok(v as Py_ssize_t);
    }
    let idx = PyNumber_Index(obj)?;
    crate::longobject::PyLong_AsSsize_t(&idx)
}

fn list_insert(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("insert", args.len(), 2, 2)?;
    let index = ssize_t_converter(&args[0])?;
    PyList_Insert(as_list(obj), index, args[1].clone())?;
    Ok(none())
}

fn list_clear(obj: &PyObject) -> PyResult {
    _list_clear(as_list(obj));
    Ok(none())
}

fn list_copy(obj: &PyObject) -> PyResult {
    let l = as_list(obj);
    Ok(list_slice(l, 0, l.len()).into_object())
}

fn list_pop(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("pop", args.len(), 0, 1)?;
    let mut index = match args.first() {
        Some(a) => ssize_t_converter(a)?,
        None => -1,
    };
    let l = as_list(obj);
    // SAFETY: no Python code runs while the vector is borrowed; the popped item is
    // returned, not dropped.
    let items = unsafe { l.items_mut() };
    let n = items.len() as Py_ssize_t;
    if n == 0 {
        return Err(index_error("pop from empty list"));
    }
    if index < 0 {
        index += n;
    }
    if index < 0 || index >= n {
        return Err(index_error("pop index out of range"));
    }
    let v = items.remove(index as usize);
    l.list_resize(items, (n - 1) as usize)?;
    Ok(v)
}

fn list_index(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let (value, mut start, mut stop) = parse_index_args(args)?;
    let l = as_list(obj);
    let n = l.len() as Py_ssize_t;
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    let mut i = start;
    while i < stop {
        let Some(item) = l.get(i as usize) else { break };
        if PyObject_RichCompareBool(&item, value, CompareOp::Eq)? {
            return Ok(PyLong_FromSsize_t(i));
        }
        i += 1;
    }
    let r = PyObject_Repr(value)?;
    let mut w = ReprWriter::new();
    w.push_obj(&r);
    w.push_str(" is not in list");
    Err(crate::pyerrors::PyErr_FromArgs(
        &PyExc_ValueError,
        &[w.finish()],
    ))
}

fn list_count(obj: &PyObject, value: &PyObject) -> PyResult {
    let l = as_list(obj);
    let mut count: Py_ssize_t = 0;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if item.is(value) || PyObject_RichCompareBool(&item, value, CompareOp::Eq)? {
            count += 1;
        }
        i += 1;
    }
    Ok(PyLong_FromSsize_t(count))
}

fn list_remove(obj: &PyObject, value: &PyObject) -> PyResult {
    let l = as_list(obj);
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if PyObject_RichCompareBool(&item, value, CompareOp::Eq)? {
            list_ass_slice(l, i as Py_ssize_t, i as Py_ssize_t + 1, None)?;
            return Ok(none());
        }
        i += 1;
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn list_reverse(obj: &PyObject) -> PyResult {
    PyList_Reverse(as_list(obj));
    Ok(none())
}

fn list_sizeof(obj: &PyObject) -> PyResult {
    let l = as_list(obj);
    let extra = crate::tupleobject::subclass_extra_size(obj.ob_type(), size_of::<PyListObject>());
    let res = CPYTHON_LIST_BASICSIZE + extra + list_allocated(l) * size_of::<usize>();
    Ok(PyLong_FromSsize_t(res as Py_ssize_t))
}

fn list___reversed__(obj: &PyObject) -> PyResult {
    let l = as_list(obj);
    // SAFETY: the struct is complete.
    let it = unsafe {
        alloc_object(
            &PyListRevIter_Type,
            listreviterobject {
                ob_base: PyObject_HEAD_INIT,
                it_index: Cell::new(l.len() as Py_ssize_t - 1),
                it_seq: PyCell::new(Some(PyRef::from_borrowed(l))),
            },
        )
    };
    Ok(it.into_object())
}

/// `_PyLong_AsInt` for a bool-like argument (`reverse=`).
pub fn int_converter(obj: &PyObject) -> PyResult<i32> {
    let idx = PyNumber_Index(obj)?;
    let v = crate::longobject::PyLong_AsSsize_t_opt(&idx).and_then(|v| i32::try_from(v).ok());
    v.ok_or_else(|| overflow_error("Python int too large to convert to C int"))
}

/// `list.sort(*, key=None, reverse=False)` with the method's argument parsing and
/// messages, for callers holding a vectorcall (`sorted()` passes its keywords on).
pub fn list_sort_vectorcall(
    l: &PyListObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "sort",
            names: &["key", "reverse"],
            posonly: 0,
            maxpos: 0,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let key = a[0].as_ref().filter(|k| !k.is(Py_None()));
    let reverse = match &a[1] {
        Some(r) => int_converter(r)? != 0,
        None => false,
    };
    list_sort_impl(l, key.map(|k| &**k), reverse)
}

/// `list.sort(key=key, reverse=reverse)` from Rust (`PyList_Sort` with a key).
pub fn list_sort(l: &PyListObject, key: Option<&PyObject>, reverse: bool) -> PyResult<()> {
    list_sort_impl(l, key, reverse)
}

fn list_sort_meth(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    list_sort_vectorcall(as_list(obj), args, kwnames)?;
    Ok(none())
}

static LIST_METHODS: [PyMethodDef; 15] = [
    PyMethodDef::new("__getitem__", PyCFunction::O(list_subscript_meth), "x.__getitem__(y) <==> x[y]").with_flags(METH_COEXIST),
    PyMethodDef::new("__reversed__", PyCFunction::NoArgs(list___reversed__), "__reversed__($self, /)\n--\n\nReturn a reverse iterator over the list."),
    PyMethodDef::new("__sizeof__", PyCFunction::NoArgs(list_sizeof), "__sizeof__($self, /)\n--\n\nReturn the size of the list in memory, in bytes."),
    PyMethodDef::new("clear", PyCFunction::NoArgs(list_clear), "clear($self, /)\n--\n\nRemove all items from list."),
    PyMethodDef::new("copy", PyCFunction::NoArgs(list_copy), "copy($self, /)\n--\n\nReturn a shallow copy of the list."),
    PyMethodDef::new("append", PyCFunction::O(list_append), "append($self, object, /)\n--\n\nAppend object to the end of the list."),
    PyMethodDef::new("insert", PyCFunction::Fast(list_insert), "insert($self, index, object, /)\n--\n\nInsert object before index."),
    PyMethodDef::new("extend", PyCFunction::O(list_extend), "extend($self, iterable, /)\n--\n\nExtend list by appending elements from the iterable."),
    PyMethodDef::new("pop", PyCFunction::Fast(list_pop), "pop($self, index=-1, /)\n--\n\nRemove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."),
    PyMethodDef::new("remove", PyCFunction::O(list_remove), "remove($self, value, /)\n--\n\nRemove first occurrence of value.\n\nRaises ValueError if the value is not present."),
    PyMethodDef::new("index", PyCFunction::Fast(list_index), "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present."),
    PyMethodDef::new("count", PyCFunction::O(list_count), "count($self, value, /)\n--\n\nReturn number of occurrences of value."),
    PyMethodDef::new("reverse", PyCFunction::NoArgs(list_reverse), "reverse($self, /)\n--\n\nReverse *IN PLACE*."),
    PyMethodDef::new("sort", PyCFunction::FastKw(list_sort_meth), "sort($self, /, *, key=None, reverse=False)\n--\n\nSort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\nIf a key function is given, apply it once to each list item and sort them,\nascending or descending, according to their function values.\n\nThe reverse flag can be set to sort in descending order."),
    crate::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
];

/// `list`.
pub static PyList_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "list",
    tp_basicsize: Cell::new(size_of::<PyListObject>()),
    tp_dealloc: slot(list_dealloc),
    tp_repr: slot(list_repr),
    tp_as_sequence: PySequenceMethods {
        sq_length: slot(list_length),
        sq_concat: slot(list_concat),
        sq_repeat: slot(list_repeat),
        sq_item: slot(list_item),
        sq_ass_item: slot(list_ass_item),
        sq_contains: slot(list_contains),
        sq_inplace_concat: slot(list_inplace_concat),
        sq_inplace_repeat: slot(list_inplace_repeat),
    },
    tp_as_mapping: PyMappingMethods {
        mp_length: slot(list_length),
        mp_subscript: slot(list_subscript),
        mp_ass_subscript: slot(list_ass_subscript),
    },
    tp_hash: slot(crate::typeslots::PyObject_HashNotImplemented_slot),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT
            | Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_BASETYPE
            | Py_TPFLAGS_LIST_SUBCLASS
            | Py_TPFLAGS_MATCH_SELF
            | Py_TPFLAGS_SEQUENCE,
    ),
    tp_doc: Some("list(iterable=(), /)\n--\n\nBuilt-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified."),
    tp_traverse: slot(list_traverse),
    tp_clear: slot(list_tp_clear),
    tp_richcompare: slot(list_richcompare),
    tp_iter: slot(list_iter),
    tp_methods: &LIST_METHODS,
    tp_init: slot(list_init),
    tp_new: slot(list_new),
    tp_vectorcall: slot(list_vectorcall),
    ..PyTypeObject::DEFAULT
};

// --- list_iterator and list_reverseiterator -------------------------------------------------

/// `listiterobject`.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct listiterobject {
    pub ob_base: PyObject,
    it_index: Cell<usize>,
    /// `None` once exhausted.
    it_seq: PyCell<Option<PyRef<PyListObject>>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for listiterobject {}

impl PyTypeInfo for listiterobject {
    fn type_object() -> &'static PyTypeObject {
        &PyListIter_Type
    }
}

fn as_listiter(obj: &PyObject) -> &listiterobject {
    // SAFETY: installed on `list_iterator` only.
    unsafe { &*(obj as *const PyObject as *const listiterobject) }
}

fn list_iter(obj: &PyObject) -> PyResult {
    // SAFETY: the struct is complete.
    let it = unsafe {
        alloc_object(
            &PyListIter_Type,
            listiterobject {
                ob_base: PyObject_HEAD_INIT,
                it_index: Cell::new(0),
                it_seq: PyCell::new(Some(PyRef::from_borrowed(as_list(obj)))),
            },
        )
    };
    Ok(it.into_object())
}

unsafe fn listiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead list iterator.
    unsafe { dealloc_object::<listiterobject>(op) }
}

fn listiter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(s) = unsafe { as_listiter(obj).it_seq.get_ref() } {
        visit(s.as_object());
    }
}

fn listiter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_listiter(obj);
    // SAFETY: the borrow ends before anything that could run Python code.
    let item = match unsafe { it.it_seq.get_ref() } {
        Some(seq) => seq.get(it.it_index.get()),
        None => return Ok(None),
    };
    match item {
        Some(v) => {
            it.it_index.set(it.it_index.get() + 1);
            Ok(Some(v))
        }
        None => {
            it.it_seq.set(None);
            Ok(None)
        }
    }
}

fn listiter_len(obj: &PyObject) -> PyResult {
    let it = as_listiter(obj);
    // SAFETY: the borrow ends at once.
    let len = match unsafe { it.it_seq.get_ref() } {
        Some(seq) => seq.len().saturating_sub(it.it_index.get()),
        None => 0,
    };
    Ok(PyLong_FromSsize_t(len as Py_ssize_t))
}

fn empty_iter_reduce() -> PyResult {
    let iter = crate::iterobject::_PyEval_GetBuiltin(crate::intern!("iter"))?;
    Ok(PyTuple_New(vec![
        iter,
        PyTuple_New(vec![PyList_New(Vec::new()).into_object()]).into_object(),
    ])
    .into_object())
}

fn listiter_reduce(obj: &PyObject) -> PyResult {
    // The builtin is looked up first: that can run code (a builtins key's `__eq__`)
    // which exhausts this iterator (gh-101765).
    let iter = crate::iterobject::_PyEval_GetBuiltin(crate::intern!("iter"))?;
    let it = as_listiter(obj);
    match it.it_seq.get() {
        Some(seq) => Ok(PyTuple_New(vec![
            iter,
            PyTuple_New(vec![seq.into_object()]).into_object(),
            PyLong_FromSsize_t(it.it_index.get() as Py_ssize_t),
        ])
        .into_object()),
        None => empty_iter_reduce(),
    }
}

/// `PyLong_AsSsize_t` on a `__setstate__` argument: ints only.
pub(crate) fn setstate_index(state: &PyObject) -> PyResult<Py_ssize_t> {
    if !PyLongObject::check(state) {
        return Err(type_error("an integer is required"));
    }
    crate::longobject::PyLong_AsSsize_t(state)
}

fn listiter_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let it = as_listiter(obj);
    let index = setstate_index(state)?;
    // SAFETY: the borrow ends at once.
    if let Some(seq) = unsafe { it.it_seq.get_ref() } {
        it.it_index
            .set(index.clamp(0, seq.len() as Py_ssize_t) as usize);
    }
    Ok(none())
}

static LISTITER_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(listiter_len),
        LENGTH_HINT_DOC,
    ),
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(listiter_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(listiter_setstate),
        SETSTATE_DOC,
    ),
];

/// `list_iterator`.
pub static PyListIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "list_iterator",
    tp_basicsize: Cell::new(size_of::<listiterobject>()),
    tp_dealloc: slot(listiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(listiter_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(listiter_next),
    tp_methods: &LISTITER_METHODS,
    ..PyTypeObject::DEFAULT
};

/// `listreviterobject`.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct listreviterobject {
    pub ob_base: PyObject,
    it_index: Cell<Py_ssize_t>,
    /// `None` once exhausted.
    it_seq: PyCell<Option<PyRef<PyListObject>>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for listreviterobject {}

fn as_listreviter(obj: &PyObject) -> &listreviterobject {
    // SAFETY: installed on `list_reverseiterator` only.
    unsafe { &*(obj as *const PyObject as *const listreviterobject) }
}

unsafe fn listreviter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead reverse iterator.
    unsafe { dealloc_object::<listreviterobject>(op) }
}

fn listreviter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(s) = unsafe { as_listreviter(obj).it_seq.get_ref() } {
        visit(s.as_object());
    }
}

fn listreviter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_listreviter(obj);
    let index = it.it_index.get();
    // SAFETY: the borrow ends before anything that could run Python code.
    let item = match unsafe { it.it_seq.get_ref() } {
        Some(seq) if index >= 0 => seq.get(index as usize),
        Some(_) => None,
        None => return Ok(None),
    };
    match item {
        Some(v) => {
            it.it_index.set(index - 1);
            Ok(Some(v))
        }
        None => {
            it.it_index.set(-1);
            it.it_seq.set(None);
            Ok(None)
        }
    }
}

fn listreviter_len(obj: &PyObject) -> PyResult {
    let it = as_listreviter(obj);
    let mut len = it.it_index.get() + 1;
    // SAFETY: the borrow ends at once.
    match unsafe { it.it_seq.get_ref() } {
        Some(seq) if (seq.len() as Py_ssize_t) >= len => {}
        _ => len = 0,
    }
    Ok(PyLong_FromSsize_t(len))
}

fn listreviter_reduce(obj: &PyObject) -> PyResult {
    // As `listiter_reduce`: the lookup first.
    let reversed = crate::iterobject::_PyEval_GetBuiltin(crate::intern!("reversed"))?;
    let it = as_listreviter(obj);
    match it.it_seq.get() {
        Some(seq) => Ok(PyTuple_New(vec![
            reversed,
            PyTuple_New(vec![seq.into_object()]).into_object(),
            PyLong_FromSsize_t(it.it_index.get()),
        ])
        .into_object()),
        None => empty_iter_reduce(),
    }
}

fn listreviter_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let it = as_listreviter(obj);
    let index = setstate_index(state)?;
    // SAFETY: the borrow ends at once.
    if let Some(seq) = unsafe { it.it_seq.get_ref() } {
        let n = seq.len() as Py_ssize_t;
        it.it_index.set(if index < -1 {
            -1
        } else if index > n - 1 {
            n - 1
        } else {
            index
        });
    }
    Ok(none())
}

static LISTREVITER_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(listreviter_len),
        LENGTH_HINT_DOC,
    ),
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(listreviter_reduce),
        REDUCE_DOC,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(listreviter_setstate),
        SETSTATE_DOC,
    ),
];

/// `list_reverseiterator`.
pub static PyListRevIter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "list_reverseiterator",
    tp_basicsize: Cell::new(size_of::<listreviterobject>()),
    tp_dealloc: slot(listreviter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(listreviter_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(listreviter_next),
    tp_methods: &LISTREVITER_METHODS,
    ..PyTypeObject::DEFAULT
};

// --- list.sort: timsort -------------------------------------------------------------------
//
// The algorithm sorts `perm`, a permutation of `0..n`, comparing `keys[perm[i]]`; the
// sorted permutation is applied to the items at the end. Everything else follows
// listsort.txt: runs are found left to right (`count_run`), short ones are extended to
// `minrun` with a stable binary insertion sort, the run stack is kept balanced with
// the "powersort" rule (3.11), and merges gallop when one run keeps winning.

/// When galloping, stay there while either run wins at least this often in a row.
const MIN_GALLOP: Py_ssize_t = 7;

/// `ms->key_compare` for plain keys (and `tuple_elem_compare` for the first items of
/// tuple keys), chosen by the pre-sort check.
#[derive(Clone, Copy)]
enum KeyCompare {
    /// `safe_object_compare`: `PyObject_RichCompareBool(v, w, Py_LT)`.
    Safe,
    /// `unsafe_object_compare`: every key has the same type, whose `tp_richcompare`
    /// is called directly. `int_fast` adds `unsafe_long_compare`'s machine-word path.
    Unsafe {
        rich: include::cpython::object::slots::richcmpfunc,
        int_fast: bool,
    },
}

/// "Is element `x` less than element `y`?" (`ISLT`), where elements are indexes of
/// keys. The sort is written against this trait so that its unit tests can count
/// the comparisons it makes on plain integers.
trait Islt {
    fn islt(&self, x: usize, y: usize) -> PyResult<bool>;
}

/// The comparison of two keys, by their index in `keys`.
struct SortCompare<'a> {
    keys: &'a [PyObjectRef],
    compare: KeyCompare,
    /// `unsafe_tuple_compare`: every key is a non-empty exact tuple; `compare` then
    /// applies to their first items.
    tuples: bool,
}

impl Islt for SortCompare<'_> {
    /// `ISLT(keys[x], keys[y])`.
    #[inline]
    fn islt(&self, x: usize, y: usize) -> PyResult<bool> {
        self.islt_keys(x, y)
    }
}

impl SortCompare<'_> {
    #[inline]
    fn islt_keys(&self, x: usize, y: usize) -> PyResult<bool> {
        let (v, w) = (&self.keys[x], &self.keys[y]);
        if self.tuples {
            self.tuple_lt(v, w)
        } else {
            key_lt(self.compare, v, w)
        }
    }

    /// `unsafe_tuple_compare`.
    fn tuple_lt(&self, v: &PyObject, w: &PyObject) -> PyResult<bool> {
        // SAFETY: the pre-sort check proved every key an exact, non-empty tuple, and
        // the keys cannot change during the sort.
        let (vt, wt) = unsafe { (tuple_unchecked(v), tuple_unchecked(w)) };
        let (vt, wt) = (vt.as_slice(), wt.as_slice());
        let mut i = 0;
        while i < vt.len() && i < wt.len() {
            if !PyObject_RichCompareBool(&vt[i], &wt[i], CompareOp::Eq)? {
                break;
            }
            i += 1;
        }
        if i >= vt.len() || i >= wt.len() {
            return Ok(vt.len() < wt.len());
        }
        if i == 0 {
            key_lt(self.compare, &vt[0], &wt[0])
        } else {
            PyObject_RichCompareBool(&vt[i], &wt[i], CompareOp::Lt)
        }
    }
}

/// View an object known to be a tuple.
///
/// # Safety
/// `obj` must be a tuple (or tuple subclass instance).
unsafe fn tuple_unchecked(obj: &PyObject) -> &PyTupleObject {
    // SAFETY: upheld by the caller.
    unsafe { &*(obj as *const PyObject as *const PyTupleObject) }
}

/// `ms->key_compare(v, w)`.
#[inline]
fn key_lt(compare: KeyCompare, v: &PyObject, w: &PyObject) -> PyResult<bool> {
    match compare {
        KeyCompare::Safe => PyObject_RichCompareBool(v, w, CompareOp::Lt),
        KeyCompare::Unsafe { rich, int_fast } => {
            if int_fast {
                if let (Some(a), Some(b)) = (
                    v.downcast_ref::<PyLongObject>(),
                    w.downcast_ref::<PyLongObject>(),
                ) {
                    if let (Some(a), Some(b)) = (a.as_i64(), b.as_i64()) {
                        return Ok(a < b);
                    }
                }
            }
            // The type may have changed under us (`__class__` assignment).
            if v.ob_type().tp_richcompare.get().map(|f| f as usize) != Some(rich as usize) {
                return PyObject_RichCompareBool(v, w, CompareOp::Lt);
            }
            let res = rich(v, w, CompareOp::Lt)?;
            if res.is(Py_NotImplemented()) {
                return PyObject_RichCompareBool(v, w, CompareOp::Lt);
            }
            if res.is(crate::boolobject::Py_True()) {
                return Ok(true);
            }
            if res.is(crate::boolobject::Py_False()) {
                return Ok(false);
            }
            PyObject_IsTrue(&res)
        }
    }
}

/// The pre-sort check: decide how to compare from the keys' types.
fn choose_compare(keys: &[PyObjectRef]) -> (KeyCompare, bool) {
    if keys.len() < 2 {
        return (KeyCompare::Safe, false);
    }
    let tuple_first = |k: &PyObject| -> Option<PyObjectRef> {
        if k.is_type(&crate::tupleobject::PyTuple_Type) {
            // SAFETY: checked to be a tuple.
            unsafe { tuple_unchecked(k) }.get(0).cloned()
        } else {
            None
        }
    };
    let first_item = tuple_first(&keys[0]);
    let mut keys_are_in_tuples = first_item.is_some();
    let key_type: &PyTypeObject = match &first_item {
        Some(f) => f.ob_type(),
        None => keys[0].ob_type(),
    };
    let mut keys_are_all_same_type = true;
    for k in keys {
        let key_tp: *const PyTypeObject = if keys_are_in_tuples {
            match tuple_first(k) {
                Some(f) => f.ob_type(),
                None => {
                    keys_are_in_tuples = false;
                    keys_are_all_same_type = false;
                    break;
                }
            }
        } else {
            k.ob_type()
        };
        if !std::ptr::eq(key_tp, key_type) {
            keys_are_all_same_type = false;
            // With tuple keys, keep looking: every key must be checked to be a tuple.
            if !keys_are_in_tuples {
                break;
            }
        }
    }
    let compare = if keys_are_all_same_type {
        match key_type.tp_richcompare.get() {
            Some(rich) => KeyCompare::Unsafe {
                rich,
                int_fast: std::ptr::eq(key_type, &crate::longobject::PyLong_Type),
            },
            None => KeyCompare::Safe,
        }
    } else {
        KeyCompare::Safe
    };
    if keys_are_in_tuples {
        // Tuples of tuples compare their first items the safe way.
        let elem = if std::ptr::eq(key_type, &crate::tupleobject::PyTuple_Type) {
            KeyCompare::Safe
        } else {
            compare
        };
        return (elem, true);
    }
    (compare, false)
}

/// One pending run (`struct s_slice`): `perm[base..base + len]`.
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    /// The node level in the powersort merge tree.
    power: i32,
}

/// `MergeState`.
struct MergeState<C: Islt> {
    cmp: C,
    /// `min_gallop`: adapts to how structured the data is.
    min_gallop: Py_ssize_t,
    /// `listlen`, for the powersort computation.
    listlen: usize,
    /// Temporary storage for merges (`ms->a`).
    tmp: Vec<usize>,
    /// The stack of pending runs (`ms->pending`).
    pending: Vec<Run>,
}

/// `binarysort`: sort `p[lo..hi]` stably by binary insertion, given `p[lo..start]`
/// already sorted. On error the slice is still a permutation of its input.
fn binarysort<C: Islt>(
    cmp: &C,
    p: &mut [usize],
    lo: usize,
    hi: usize,
    mut start: usize,
) -> PyResult<()> {
    if lo == start {
        start += 1;
    }
    while start < hi {
        let pivot = p[start];
        let (mut l, mut r) = (lo, start);
        // Invariants: pivot >= everything in p[lo..l], pivot < everything in p[r..start].
        loop {
            let m = l + ((r - l) >> 1);
            if cmp.islt(pivot, p[m])? {
                r = m;
            } else {
                l = m + 1;
            }
            if l >= r {
                break;
            }
        }
        // Equal elements stay before the pivot: that is the stability.
        p.copy_within(l..start, l + 1);
        p[l] = pivot;
        start += 1;
    }
    Ok(())
}

/// `count_run`: the length of the run starting at `lo` (ascending `a0 <= a1 <= ...` or
/// strictly descending `a0 > a1 > ...`) and whether it descends.
fn count_run<C: Islt>(cmp: &C, p: &[usize], lo: usize, hi: usize) -> PyResult<(usize, bool)> {
    let mut i = lo + 1;
    if i == hi {
        return Ok((1, false));
    }
    let mut n = 2;
    if cmp.islt(p[i], p[i - 1])? {
        i += 1;
        while i < hi {
            if cmp.islt(p[i], p[i - 1])? {
                i += 1;
                n += 1;
            } else {
                break;
            }
        }
        Ok((n, true))
    } else {
        i += 1;
        while i < hi {
            if cmp.islt(p[i], p[i - 1])? {
                break;
            }
            i += 1;
            n += 1;
        }
        Ok((n, false))
    }
}

/// `gallop_left`: the position `k` in sorted `a` with `a[k-1] < key <= a[k]`,
/// searching outward from `hint`.
fn gallop_left<C: Islt>(cmp: &C, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
    let n = a.len() as Py_ssize_t;
    let hint = hint as Py_ssize_t;
    let mut lastofs: Py_ssize_t = 0;
    let mut ofs: Py_ssize_t = 1;
    if cmp.islt(a[hint as usize], key)? {
        // a[hint] < key: gallop right until a[hint + lastofs] < key <= a[hint + ofs].
        let maxofs = n - hint;
        while ofs < maxofs {
            if cmp.islt(a[(hint + ofs) as usize], key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    } else {
        // key <= a[hint]: gallop left until a[hint - ofs] < key <= a[hint - lastofs].
        let maxofs = hint + 1;
        while ofs < maxofs {
            if cmp.islt(a[(hint - ofs) as usize], key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    // Now a[lastofs] < key <= a[ofs]: binary search in between.
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if cmp.islt(a[m as usize], key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// `gallop_right`: like `gallop_left` but past any equal elements: `a[k-1] <= key <
/// a[k]`.
fn gallop_right<C: Islt>(cmp: &C, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
    let n = a.len() as Py_ssize_t;
    let hint = hint as Py_ssize_t;
    let mut lastofs: Py_ssize_t = 0;
    let mut ofs: Py_ssize_t = 1;
    if cmp.islt(key, a[hint as usize])? {
        // key < a[hint]: gallop left until a[hint - ofs] <= key < a[hint - lastofs].
        let maxofs = hint + 1;
        while ofs < maxofs {
            if cmp.islt(key, a[(hint - ofs) as usize])? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        // a[hint] <= key: gallop right until a[hint + lastofs] <= key < a[hint + ofs].
        let maxofs = n - hint;
        while ofs < maxofs {
            if cmp.islt(key, a[(hint + ofs) as usize])? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if cmp.islt(key, a[m as usize])? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}

/// `powerloop`: the powersort "power" of the boundary between the run at `s1` (length
/// `n1`) and the next one (length `n2`), in a list of length `n`.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> i32 {
    let mut result = 0;
    // Twice the midpoints of the two runs, to stay in integers.
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    // Compare the binary expansions of a/n and b/n bit by bit until they differ.
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// `merge_compute_minrun`: `n` itself below 64, else a value in 32..=64 such that
/// `n / minrun` is a power of two or just below one.
fn merge_compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

impl<C: Islt> MergeState<C> {
    /// `merge_lo`: merge `p[a0..a0+na]` with the following `p[b0..b0+nb]` (na <= nb),
    /// copying the first run out. `p[a0+na-1]` belongs at the end of the merge.
    fn merge_lo(
        &mut self,
        p: &mut [usize],
        a0: usize,
        mut na: usize,
        b0: usize,
        mut nb: usize,
    ) -> PyResult<()> {
        let MergeState {
            cmp,
            tmp,
            min_gallop: ms_min_gallop,
            ..
        } = self;
        tmp.clear();
        tmp.extend_from_slice(&p[a0..a0 + na]);
        let mut dest = a0;
        let mut pa = 0usize; // into tmp
        let mut pb = b0; // into p
        p[dest] = p[pb];
        dest += 1;
        pb += 1;
        nb -= 1;
        let result: PyResult<()> = 'merge: {
            if nb == 0 {
                break 'merge Ok(());
            }
            if na == 1 {
                // The last element of A belongs at the end.
                p.copy_within(pb..pb + nb, dest);
                p[dest + nb] = tmp[pa];
                return Ok(());
            }
            let mut min_gallop = *ms_min_gallop;
            loop {
                let mut acount: Py_ssize_t = 0;
                let mut bcount: Py_ssize_t = 0;
                // Straightforward merging until one run wins consistently.
                loop {
                    let k = match cmp.islt(p[pb], tmp[pa]) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    if k {
                        p[dest] = p[pb];
                        dest += 1;
                        pb += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            break 'merge Ok(());
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        p[dest] = tmp[pa];
                        dest += 1;
                        pa += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            p.copy_within(pb..pb + nb, dest);
                            p[dest + nb] = tmp[pa];
                            return Ok(());
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                // Galloping until neither run wins consistently any more.
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as Py_ssize_t;
                    *ms_min_gallop = min_gallop;
                    let k = match gallop_right(cmp, p[pb], &tmp[pa..pa + na], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    acount = k as Py_ssize_t;
                    if k > 0 {
                        p[dest..dest + k].copy_from_slice(&tmp[pa..pa + k]);
                        dest += k;
                        pa += k;
                        na -= k;
                        if na == 1 {
                            p.copy_within(pb..pb + nb, dest);
                            p[dest + nb] = tmp[pa];
                            return Ok(());
                        }
                        // na == 0 only happens with an inconsistent comparison.
                        if na == 0 {
                            break 'merge Ok(());
                        }
                    }
                    p[dest] = p[pb];
                    dest += 1;
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'merge Ok(());
                    }
                    let k = match gallop_left(cmp, tmp[pa], &p[pb..pb + nb], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    bcount = k as Py_ssize_t;
                    if k > 0 {
                        p.copy_within(pb..pb + k, dest);
                        dest += k;
                        pb += k;
                        nb -= k;
                        if nb == 0 {
                            break 'merge Ok(());
                        }
                    }
                    p[dest] = tmp[pa];
                    dest += 1;
                    pa += 1;
                    na -= 1;
                    if na == 1 {
                        p.copy_within(pb..pb + nb, dest);
                        p[dest + nb] = tmp[pa];
                        return Ok(());
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                // Penalise leaving galloping mode.
                min_gallop += 1;
                *ms_min_gallop = min_gallop;
            }
        };
        // Succeed and Fail: what is left of A goes into the gap, which is exactly its
        // size, so `p` stays a permutation.
        if na > 0 {
            p[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
        }
        result
    }

    /// `merge_hi`: like `merge_lo` for na >= nb, copying the second run out and
    /// merging from the right.
    fn merge_hi(
        &mut self,
        p: &mut [usize],
        a0: usize,
        mut na: usize,
        b0: usize,
        mut nb: usize,
    ) -> PyResult<()> {
        let MergeState {
            cmp,
            tmp,
            min_gallop: ms_min_gallop,
            ..
        } = self;
        tmp.clear();
        tmp.extend_from_slice(&p[b0..b0 + nb]);
        // Cursors move right to left and may pass below 0: signed.
        let mut dest = (b0 + nb - 1) as Py_ssize_t;
        let mut pa = (a0 + na - 1) as Py_ssize_t; // into p
        let mut pb = nb as Py_ssize_t - 1; // into tmp
        let basea = a0;
        let at = |i: Py_ssize_t| i as usize;
        p[at(dest)] = p[at(pa)];
        dest -= 1;
        pa -= 1;
        na -= 1;
        // CopyA: the first element of B belongs at the front of the merge.
        macro_rules! copy_a {
            () => {{
                let (src, dst) = (
                    at(pa + 1 - na as Py_ssize_t),
                    at(dest + 1 - na as Py_ssize_t),
                );
                p.copy_within(src..src + na, dst);
                dest -= na as Py_ssize_t;
                p[at(dest)] = tmp[at(pb)];
                return Ok(());
            }};
        }
        let result: PyResult<()> = 'merge: {
            if na == 0 {
                break 'merge Ok(());
            }
            if nb == 1 {
                copy_a!();
            }
            let mut min_gallop = *ms_min_gallop;
            loop {
                let mut acount: Py_ssize_t = 0;
                let mut bcount: Py_ssize_t = 0;
                loop {
                    let k = match cmp.islt(tmp[at(pb)], p[at(pa)]) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    if k {
                        p[at(dest)] = p[at(pa)];
                        dest -= 1;
                        pa -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            break 'merge Ok(());
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        p[at(dest)] = tmp[at(pb)];
                        dest -= 1;
                        pb -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            copy_a!();
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as Py_ssize_t;
                    *ms_min_gallop = min_gallop;
                    let k = match gallop_right(cmp, tmp[at(pb)], &p[basea..basea + na], na - 1) {
                        Ok(k) => na - k,
                        Err(e) => break 'merge Err(e),
                    };
                    acount = k as Py_ssize_t;
                    if k > 0 {
                        dest -= k as Py_ssize_t;
                        pa -= k as Py_ssize_t;
                        p.copy_within(at(pa + 1)..at(pa + 1) + k, at(dest + 1));
                        na -= k;
                        if na == 0 {
                            break 'merge Ok(());
                        }
                    }
                    p[at(dest)] = tmp[at(pb)];
                    dest -= 1;
                    pb -= 1;
                    nb -= 1;
                    if nb == 1 {
                        copy_a!();
                    }
                    let k = match gallop_left(cmp, p[at(pa)], &tmp[..nb], nb - 1) {
                        Ok(k) => nb - k,
                        Err(e) => break 'merge Err(e),
                    };
                    bcount = k as Py_ssize_t;
                    if k > 0 {
                        dest -= k as Py_ssize_t;
                        pb -= k as Py_ssize_t;
                        p[at(dest + 1)..at(dest + 1) + k]
                            .copy_from_slice(&tmp[at(pb + 1)..at(pb + 1) + k]);
                        nb -= k;
                        if nb == 1 {
                            copy_a!();
                        }
                        // nb == 0 only happens with an inconsistent comparison.
                        if nb == 0 {
                            break 'merge Ok(());
                        }
                    }
                    p[at(dest)] = p[at(pa)];
                    dest -= 1;
                    pa -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'merge Ok(());
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                *ms_min_gallop = min_gallop;
            }
        };
        // What is left of B fills the gap below `dest`.
        if nb > 0 {
            let start = at(dest + 1 - nb as Py_ssize_t);
            p[start..start + nb].copy_from_slice(&tmp[..nb]);
        }
        result
    }

    /// `merge_at`: merge the runs at stack positions `i` and `i + 1`.
    fn merge_at(&mut self, p: &mut [usize], i: usize) -> PyResult<()> {
        let Run {
            base: mut a0,
            len: mut na,
            ..
        } = self.pending[i];
        let Run {
            base: b0, len: nb, ..
        } = self.pending[i + 1];
        self.pending[i].len = na + nb;
        // The run at i + 1 goes away; a third-last run slides down.
        self.pending.remove(i + 1);
        // Elements of A before the first of B are already in place.
        let k = gallop_right(&self.cmp, p[b0], &p[a0..a0 + na], 0)?;
        a0 += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        // Elements of B after the last of A are already in place.
        let nb = gallop_left(&self.cmp, p[a0 + na - 1], &p[b0..b0 + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(p, a0, na, b0, nb)
        } else {
            self.merge_hi(p, a0, na, b0, nb)
        }
    }

    /// `found_new_run`: before pushing a run of length `n2`, merge the runs whose
    /// power exceeds that of the new boundary (powersort).
    fn found_new_run(&mut self, p: &mut [usize], n2: usize) -> PyResult<()> {
        if let Some(top) = self.pending.last().copied() {
            let power = powerloop(top.base, top.len, n2, self.listlen);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                let i = self.pending.len() - 2;
                self.merge_at(p, i)?;
            }
            if let Some(top) = self.pending.last_mut() {
                top.power = power;
            }
        }
        Ok(())
    }

    /// `merge_force_collapse`: merge everything left on the stack.
    fn merge_force_collapse(&mut self, p: &mut [usize]) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(p, n)?;
        }
        Ok(())
    }
}

/// Timsort `perm` by `cmp`. On error `perm` is still a permutation.
fn timsort<C: Islt>(cmp: C, perm: &mut [usize]) -> PyResult<()> {
    let n = perm.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        cmp,
        min_gallop: MIN_GALLOP,
        listlen: n,
        tmp: Vec::new(),
        pending: Vec::with_capacity(64),
    };
    if ms.tmp.try_reserve(n.div_ceil(2)).is_err() {
        return Err(PyErr_NoMemory());
    }
    let minrun = merge_compute_minrun(n);
    let mut lo = 0;
    let mut nremaining = n;
    while nremaining > 0 {
        let (mut run, descending) = count_run(&ms.cmp, perm, lo, lo + nremaining)?;
        if descending {
            perm[lo..lo + run].reverse();
        }
        // Extend a short run to min(minrun, nremaining).
        if run < minrun {
            let force = nremaining.min(minrun);
            binarysort(&ms.cmp, perm, lo, lo + force, lo + run)?;
            run = force;
        }
        ms.found_new_run(perm, run)?;
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        nremaining -= run;
    }
    ms.merge_force_collapse(perm)
}

/// `list_sort_impl`: `list.sort(key=keyfunc, reverse=reverse)`.
pub fn list_sort_impl(l: &PyListObject, keyfunc: Option<&PyObject>, reverse: bool) -> PyResult<()> {
    // The list appears empty while it is sorted, so comparisons that mutate it cannot
    // disturb the items being sorted; `allocated == -1` marks "untouched".
    let saved_items = l.ob_item.replace(Vec::new());
    let saved_allocated = l.allocated.replace(-1);
    let saved_null = l.ob_item_null.replace(true);
    let n = saved_items.len();

    // Restore the list from `items`, releasing whatever was put in it meanwhile.
    let restore = |items: Vec<PyObjectRef>| {
        let final_items = l.ob_item.replace(items);
        l.allocated.set(saved_allocated);
        l.ob_item_null.set(saved_null);
        drop_reversed(final_items);
    };

    let keys: Option<Vec<PyObjectRef>> = match keyfunc {
        None => None,
        Some(f) => {
            let mut keys = Vec::with_capacity(n);
            for item in &saved_items {
                match crate::call::PyObject_CallOneArg(f, item) {
                    Ok(k) => keys.push(k),
                    Err(e) => {
                        drop_reversed(keys);
                        restore(saved_items);
                        return Err(e);
                    }
                }
            }
            Some(keys)
        }
    };

    let mut perm: Vec<usize> = Vec::new();
    if perm.try_reserve_exact(n).is_err() {
        drop(keys);
        restore(saved_items);
        return Err(PyErr_NoMemory());
    }
    perm.extend(0..n);
    // Reversed stability: reverse the input, sort forwards, reverse the result.
    if reverse {
        perm.reverse();
    }
    let mut result = {
        let key_slice: &[PyObjectRef] = keys.as_deref().unwrap_or(&saved_items);
        let (compare, tuples) = choose_compare(key_slice);
        timsort(
            SortCompare {
                keys: key_slice,
                compare,
                tuples,
            },
            &mut perm,
        )
    };
    if let Some(keys) = keys {
        drop(keys);
    }
    if l.allocated.get() != -1 && result.is_ok() {
        // The list was changed during the sort and no other error is pending.
        result = Err(value_error("list modified during sort"));
    }
    if reverse && n > 1 {
        perm.reverse();
    }
    // Apply the permutation.
    let mut slots: Vec<Option<PyObjectRef>> = saved_items.into_iter().map(Some).collect();
    let mut sorted = Vec::with_capacity(n);
    for &i in &perm {
        if let Some(item) = slots.get_mut(i).and_then(Option::take) {
            sorted.push(item);
        }
    }
    drop(slots);
    restore(sorted);
    result
}

/// The static types of this file.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyList_Type, &PyListIter_Type, &PyListRevIter_Type]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The growth pattern documented in CPython: 0, 4, 8, 16, 24, 32, 40, 52, 64, 76.
    #[test]
    fn growth_pattern_of_appends() {
        let mut allocated: usize = 0;
        let mut seen = vec![0usize];
        for size in 0..80usize {
            let newsize = size + 1;
            if !(allocated >= newsize && newsize >= allocated >> 1) {
                let mut na = (newsize + (newsize >> 3) + 6) & !3;
                if newsize - size > na - newsize {
                    na = (newsize + 3) & !3;
                }
                allocated = na;
                seen.push(allocated);
            }
        }
        assert_eq!(&seen[..10], &[0, 4, 8, 16, 24, 32, 40, 52, 64, 76]);
    }

    #[test]
    fn minrun() {
        assert_eq!(merge_compute_minrun(63), 63);
        assert_eq!(merge_compute_minrun(64), 32);
        assert_eq!(merge_compute_minrun(65), 33);
        assert_eq!(merge_compute_minrun(2112), 33);
    }

    /// Plain integers compared with a counter, to check the sort against CPython.
    struct Counting<'a> {
        keys: &'a [i64],
        n: std::cell::Cell<usize>,
    }

    impl Islt for Counting<'_> {
        fn islt(&self, x: usize, y: usize) -> PyResult<bool> {
            self.n.set(self.n.get() + 1);
            Ok(self.keys[x] < self.keys[y])
        }
    }

    fn lcg(seed: i64, n: usize, m: i64) -> Vec<i64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = (x * 1103515245 + 12345) % (1 << 31);
                x % m
            })
            .collect()
    }

    /// Lets a test keep the counter after the sort consumed its comparator.
    struct ByRef<'b, 'a>(&'b Counting<'a>);

    impl Islt for ByRef<'_, '_> {
        fn islt(&self, x: usize, y: usize) -> PyResult<bool> {
            self.0.islt(x, y)
        }
    }

    /// Sort (reversed input for `reverse`, as `list.sort` does), check the result is
    /// sorted and stable, and return the number of comparisons made.
    fn sort_count(keys: &[i64], reverse: bool) -> usize {
        let counter = Counting {
            keys,
            n: std::cell::Cell::new(0),
        };
        let mut perm: Vec<usize> = (0..keys.len()).collect();
        if reverse {
            perm.reverse();
        }
        assert!(timsort(ByRef(&counter), &mut perm).is_ok());
        for w in perm.windows(2) {
            assert!(keys[w[0]] <= keys[w[1]]);
            if keys[w[0]] == keys[w[1]] {
                // Equal keys keep their input order.
                assert!(if reverse { w[0] > w[1] } else { w[0] < w[1] }, "stability");
            }
        }
        counter.n.get()
    }

    /// The comparison counts CPython 3.11 makes on the same data (measured with a
    /// counting `__lt__`, see tests/snippets/containers/list_sort_comparisons.py).
    #[test]
    fn comparison_counts_match_cpython() {
        let cases: Vec<(Vec<i64>, usize, usize)> = vec![
            (lcg(1, 200, 1000), 1266, 1264),
            (lcg(7, 1000, 50), 8385, 8350),
            ((0..300).collect(), 299, 299),
            ((1..=300).rev().collect(), 299, 299),
            ((0..500).map(|i| i % 17).collect(), 3456, 3454),
            ([1, 0].repeat(100), 883, 899),
            (vec![3, 1, 2], 4, 3),
        ];
        for (keys, forward, backward) in cases {
            assert_eq!(sort_count(&keys, false), forward);
            assert_eq!(sort_count(&keys, true), backward);
        }
    }

    /// Fails at the `fail_at`-th comparison. (The error carries `None`: unit tests
    /// run without the runtime, so no exception instance can be made.)
    struct FailAt<'a> {
        keys: &'a [i64],
        n: std::cell::Cell<usize>,
        fail_at: usize,
    }

    impl Islt for FailAt<'_> {
        fn islt(&self, x: usize, y: usize) -> PyResult<bool> {
            self.n.set(self.n.get() + 1);
            if self.n.get() == self.fail_at {
                return Err(PyErr::from_instance(Py_None().to_owned()));
            }
            Ok(self.keys[x] < self.keys[y])
        }
    }

    /// A comparison that raises in the middle of any merge leaves a permutation of the
    /// input behind, as CPython promises.
    #[test]
    fn failed_sort_leaves_a_permutation() {
        let keys: Vec<i64> = lcg(5, 300, 40)
            .into_iter()
            .chain(0..100)
            .chain((0..80).rev())
            .collect();
        for fail_at in (1..3000).step_by(7) {
            let mut perm: Vec<usize> = (0..keys.len()).collect();
            let cmp = FailAt {
                keys: &keys,
                n: std::cell::Cell::new(0),
                fail_at,
            };
            let _ = timsort(cmp, &mut perm);
            let mut seen = perm.clone();
            seen.sort_unstable();
            assert!(
                seen.iter().copied().eq(0..keys.len()),
                "fail_at = {fail_at}"
            );
        }
    }

    #[test]
    fn powerloop_values() {
        // Two runs of 32 in a list of 64 meet in the middle: power 1.
        assert_eq!(powerloop(0, 32, 32, 64), 1);
        // The first boundary of four equal runs is one level deeper.
        assert_eq!(powerloop(0, 16, 16, 64), 2);
    }
}
