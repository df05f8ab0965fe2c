//! The `_collections` module: `deque`, `defaultdict`, the deque iterators,
//! `_count_elements` and `_tuplegetter`. Mirrors Modules/_collectionsmodule.c
//! (CPython 3.11).
//!
//! A deque is CPython's: a sequence of blocks of `BLOCKLEN` (64) slots, the first item
//! at `leftindex` in the leftmost block and the last at `rightindex` in the rightmost,
//! a fresh deque starting in the middle of one block, a `state` counter bumped by
//! every mutation so that iterators and searches can detect one, and `maxlen`
//! trimming from the other end.
//!
//! Differences from CPython: the blocks are kept in a ring buffer of block pointers
//! (`VecDeque<Box<Block>>`) instead of a doubly-linked list, so indexing reaches a
//! block directly instead of walking links from the nearer end; there is no cache of
//! free blocks. `OrderedDict` is written in Python (lib/collections/__init__.py), as
//! CPython's own pure-Python fallback is.

use std::cell::Cell;
use std::collections::VecDeque;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::*;
use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef};
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::boolobject::PyBool_FromLong;
use objects::call::{kwnames_slice, PyObject_CallNoArgs, PyObject_CallOneArg, PyObject_Vectorcall};
use objects::dictobject::{
    PyDictObject, PyDict_GetItemWithError, PyDict_SetItem, PyDict_Type, PyDict_Update,
};
use objects::exceptions::*;
use objects::getargs::{check_no_kwargs, check_positional, unpack_keywords, ArgSpec};
use objects::listobject::PyList_New;
use objects::longobject::{PyLongObject, PyLong_AsSsize_t, PyLong_FromSsize_t};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::r#abstract::{
    PyIter_Next, PyNumber_BinaryOp, PyNumber_Index, PyObject_GetIter, PyObject_IsInstance,
    PySequence_List_items,
};
use objects::tupleobject::{tuple_get_empty, PyObject_SelfIter, PyTupleObject, PyTuple_New};
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::{as_str_lossy, PyUnicode_FromString};

/// Items per block. CPython chose 64 so that a block (64 pointers and two links)
/// is a multiple of the cache line size.
const BLOCKLEN: usize = 64;
/// Where a fresh deque starts, so that it can grow either way without a new block.
const CENTER: isize = ((BLOCKLEN - 1) / 2) as isize;
/// CPython's `sizeof(block)` (64 pointers plus the two links) for `__sizeof__`.
const CPYTHON_BLOCK_SIZE: usize = BLOCKLEN * 8 + 16;
/// CPython's `sizeof(dequeobject)` for `__sizeof__`.
const CPYTHON_DEQUE_BASICSIZE: usize = 216;

const REDUCE_DOC: &str = "Return state information for pickling.";
const LENGTH_HINT_DOC: &str = "Private method returning an estimate of len(list(it)).";

fn tuple(items: Vec<PyObjectRef>) -> PyObjectRef {
    PyTuple_New(items).into_object()
}

fn type_of(obj: &PyObject) -> PyObjectRef {
    obj.ob_type().as_object().to_owned()
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

fn repr_string(obj: &PyObject) -> PyResult<String> {
    Ok(as_str_lossy(&*PyObject_Repr(obj)?).into_owned())
}

// --- deque --------------------------------------------------------------------------------

/// One block of slots.
struct Block {
    data: [Option<PyObjectRef>; BLOCKLEN],
}

fn newblock() -> Box<Block> {
    Box::new(Block {
        data: std::array::from_fn(|_| None),
    })
}

/// The blocks and the two end indices. There is always at least one block; an empty
/// deque has `leftindex == rightindex + 1`.
struct DequeData {
    blocks: VecDeque<Box<Block>>,
    leftindex: isize,
    rightindex: isize,
    len: usize,
}

impl DequeData {
    fn new() -> DequeData {
        let mut blocks = VecDeque::new();
        blocks.push_back(newblock());
        DequeData {
            blocks,
            leftindex: CENTER + 1,
            rightindex: CENTER,
            len: 0,
        }
    }

    /// The slot of item `i` (0 is the leftmost).
    fn slot(&mut self, i: usize) -> &mut Option<PyObjectRef> {
        let k = i + self.leftindex as usize;
        &mut self.blocks[k / BLOCKLEN].data[k % BLOCKLEN]
    }

    fn get(&self, i: usize) -> Option<PyObjectRef> {
        if i >= self.len {
            return None;
        }
        let k = i + self.leftindex as usize;
        self.blocks[k / BLOCKLEN].data[k % BLOCKLEN].clone()
    }

    fn push_back(&mut self, item: PyObjectRef) {
        if self.rightindex == BLOCKLEN as isize - 1 {
            self.blocks.push_back(newblock());
            self.rightindex = -1;
        }
        self.len += 1;
        self.rightindex += 1;
        let r = self.rightindex as usize;
        if let Some(b) = self.blocks.back_mut() {
            b.data[r] = Some(item);
        }
    }

    fn push_front(&mut self, item: PyObjectRef) {
        if self.leftindex == 0 {
            self.blocks.push_front(newblock());
            self.leftindex = BLOCKLEN as isize;
        }
        self.len += 1;
        self.leftindex -= 1;
        let l = self.leftindex as usize;
        if let Some(b) = self.blocks.front_mut() {
            b.data[l] = Some(item);
        }
    }

    fn pop_back(&mut self) -> Option<PyObjectRef> {
        if self.len == 0 {
            return None;
        }
        let r = self.rightindex as usize;
        let item = self.blocks.back_mut().and_then(|b| b.data[r].take());
        self.rightindex -= 1;
        self.len -= 1;
        if self.rightindex < 0 {
            if self.len > 0 {
                self.blocks.pop_back();
                self.rightindex = BLOCKLEN as isize - 1;
            } else {
                // Re-center instead of freeing the only block.
                self.leftindex = CENTER + 1;
                self.rightindex = CENTER;
            }
        }
        item
    }

    fn pop_front(&mut self) -> Option<PyObjectRef> {
        if self.len == 0 {
            return None;
        }
        let l = self.leftindex as usize;
        let item = self.blocks.front_mut().and_then(|b| b.data[l].take());
        self.leftindex += 1;
        self.len -= 1;
        if self.leftindex == BLOCKLEN as isize {
            if self.len > 0 {
                self.blocks.pop_front();
                self.leftindex = 0;
            } else {
                self.leftindex = CENTER + 1;
                self.rightindex = CENTER;
            }
        }
        item
    }

    /// `_deque_rotate`: move the last `n` items to the front (the first `-n` to the
    /// back when `n` is negative). Moves references; runs no Python code.
    fn rotate(&mut self, mut n: isize) {
        let len = self.len as isize;
        let halflen = len >> 1;
        if len <= 1 {
            return;
        }
        if n > halflen || n < -halflen {
            n %= len;
            if n > halflen {
                n -= len;
            } else if n < -halflen {
                n += len;
            }
        }
        while n > 0 {
            if let Some(item) = self.pop_back() {
                self.push_front(item);
            }
            n -= 1;
        }
        while n < 0 {
            if let Some(item) = self.pop_front() {
                self.push_back(item);
            }
            n += 1;
        }
    }

    fn to_vec(&self) -> Vec<PyObjectRef> {
        (0..self.len).filter_map(|i| self.get(i)).collect()
    }
}

/// `dequeobject`.
#[repr(C)]
pub struct dequeobject {
    pub ob_base: PyObject,
    data: PyCell<DequeData>,
    /// Bumped by every mutation; iterators and searches compare it.
    state: Cell<usize>,
    /// -1 for an unbounded deque.
    maxlen: Cell<Py_ssize_t>,
    weakreflist: PyCell<Option<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for dequeobject {}

impl PyTypeInfo for dequeobject {
    fn type_object() -> &'static PyTypeObject {
        &deque_type
    }
}

fn as_deque(obj: &PyObject) -> &dequeobject {
    // SAFETY: the slots and methods of `deque` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const dequeobject) }
}

impl dequeobject {
    /// Run `f` on the blocks. `f` runs no Python code (items it removes are returned
    /// and released by the caller).
    fn with<R>(&self, f: impl FnOnce(&mut DequeData) -> R) -> R {
        // SAFETY: `f` runs no Python code, so nothing else touches the data meanwhile.
        f(unsafe { self.data.get_mut() })
    }

    fn len(&self) -> usize {
        self.with(|d| d.len)
    }

    fn get(&self, i: usize) -> Option<PyObjectRef> {
        self.with(|d| d.get(i))
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    /// `NEEDS_TRIM`.
    fn needs_trim(&self) -> bool {
        let maxlen = self.maxlen.get();
        maxlen >= 0 && self.len() > maxlen as usize
    }

    /// `deque_append_internal`: the popped item (if trimming) is returned for the
    /// caller to release.
    fn append_internal(&self, item: PyObjectRef) -> Option<PyObjectRef> {
        self.with(|d| d.push_back(item));
        if self.needs_trim() {
            self.popleft_internal()
        } else {
            self.bump();
            None
        }
    }

    fn appendleft_internal(&self, item: PyObjectRef) -> Option<PyObjectRef> {
        self.with(|d| d.push_front(item));
        if self.needs_trim() {
            self.pop_internal()
        } else {
            self.bump();
            None
        }
    }

    fn pop_internal(&self) -> Option<PyObjectRef> {
        let item = self.with(|d| d.pop_back());
        if item.is_some() {
            self.bump();
        }
        item
    }

    fn popleft_internal(&self) -> Option<PyObjectRef> {
        let item = self.with(|d| d.pop_front());
        if item.is_some() {
            self.bump();
        }
        item
    }

    fn rotate(&self, n: isize) {
        self.with(|d| d.rotate(n));
        self.bump();
    }

    /// `deque_clear`: the deque is reset before the old items are released, so
    /// their finalizers see an empty deque.
    fn clear(&self) {
        let old = self.with(|d| std::mem::replace(d, DequeData::new()));
        self.bump();
        drop(old);
    }
}

fn deque_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    Ok(deque_new_internal(tp).into_object())
}

fn deque_new_internal(tp: &PyTypeObject) -> PyRef<dequeobject> {
    // SAFETY: `tp` is `deque` or a subtype; the struct is complete.
    unsafe {
        alloc_object(
            tp,
            dequeobject {
                ob_base: PyObject_HEAD_INIT,
                data: PyCell::new(DequeData::new()),
                state: Cell::new(0),
                maxlen: Cell::new(-1),
                weakreflist: PyCell::new(None),
            },
        )
    }
}

fn deque_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let nargs = args.len();
    if nargs > 2 {
        return Err(type_error(format!(
            "deque() takes at most 2 arguments ({nargs} given)"
        )));
    }
    let a = unpack_keywords(
        &ArgSpec {
            fname: "deque",
            names: &["iterable", "maxlen"],
            posonly: 0,
            maxpos: 2,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let deque = as_deque(obj);
    let mut maxlen = -1;
    if let Some(m) = a[1].as_ref().filter(|m| !m.is(Py_None())) {
        if !PyLongObject::check(m) {
            return Err(type_error("an integer is required"));
        }
        maxlen = PyLong_AsSsize_t(m)?;
        if maxlen < 0 {
            return Err(value_error("maxlen must be non-negative"));
        }
    }
    deque.maxlen.set(maxlen);
    if deque.len() > 0 {
        deque.clear();
    }
    if let Some(iterable) = &a[0] {
        deque_extend(obj, iterable)?;
    }
    Ok(())
}

unsafe fn deque_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead deque: untrack, clear weak references, then release.
    unsafe {
        include::gc::gc_untrack(op);
        if as_deque(&*op).weakreflist.get().is_some() {
            objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        }
        dealloc_object::<dequeobject>(op)
    }
}

fn deque_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let deque = as_deque(obj);
    // SAFETY: traversal runs no Python code.
    let d = unsafe { deque.data.get_ref() };
    for i in 0..d.len {
        let k = i + d.leftindex as usize;
        if let Some(item) = &d.blocks[k / BLOCKLEN].data[k % BLOCKLEN] {
            visit(item);
        }
    }
}

fn deque_tp_clear(obj: &PyObject) {
    as_deque(obj).clear();
}

fn empty_error() -> PyErr {
    index_error("pop from an empty deque")
}

fn deque_pop(obj: &PyObject) -> PyResult {
    as_deque(obj).pop_internal().ok_or_else(empty_error)
}

fn deque_popleft(obj: &PyObject) -> PyResult {
    as_deque(obj).popleft_internal().ok_or_else(empty_error)
}

fn deque_append(obj: &PyObject, item: &PyObject) -> PyResult {
    let old = as_deque(obj).append_internal(item.to_owned());
    drop(old);
    Ok(none())
}

fn deque_appendleft(obj: &PyObject, item: &PyObject) -> PyResult {
    let old = as_deque(obj).appendleft_internal(item.to_owned());
    drop(old);
    Ok(none())
}

/// `consume_iterator`: exhaust `it` (for a deque with `maxlen == 0`).
fn consume_iterator(it: &PyObject) -> PyResult {
    while PyIter_Next(it)?.is_some() {}
    Ok(none())
}

fn deque_extend(obj: &PyObject, iterable: &PyObject) -> PyResult {
    let deque = as_deque(obj);
    if obj.is(iterable) {
        let s = PyList_New(PySequence_List_items(iterable)?).into_object();
        return deque_extend(obj, &s);
    }
    let it = PyObject_GetIter(iterable)?;
    if deque.maxlen.get() == 0 {
        return consume_iterator(&it);
    }
    // Space-saving heuristic: an empty deque fills its block from the left.
    deque.with(|d| {
        if d.len == 0 {
            d.leftindex = 1;
            d.rightindex = 0;
        }
    });
    while let Some(item) = PyIter_Next(&it)? {
        drop(deque.append_internal(item));
    }
    Ok(none())
}

fn deque_extendleft(obj: &PyObject, iterable: &PyObject) -> PyResult {
    let deque = as_deque(obj);
    if obj.is(iterable) {
        let s = PyList_New(PySequence_List_items(iterable)?).into_object();
        return deque_extendleft(obj, &s);
    }
    let it = PyObject_GetIter(iterable)?;
    if deque.maxlen.get() == 0 {
        return consume_iterator(&it);
    }
    deque.with(|d| {
        if d.len == 0 {
            d.leftindex = BLOCKLEN as isize - 1;
            d.rightindex = BLOCKLEN as isize - 2;
        }
    });
    while let Some(item) = PyIter_Next(&it)? {
        drop(deque.appendleft_internal(item));
    }
    Ok(none())
}

fn deque_inplace_concat(obj: &PyObject, other: &PyObject) -> PyResult {
    deque_extend(obj, other)?;
    Ok(obj.to_owned())
}

/// `deque_copy`: an exact deque is copied directly; a subclass is called with the
/// deque (and its maxlen).
fn deque_copy(obj: &PyObject) -> PyResult {
    let old = as_deque(obj);
    if obj.is_type(&deque_type) {
        let new = deque_new_internal(&deque_type);
        new.maxlen.set(old.maxlen.get());
        if old.len() == 1 {
            if let Some(item) = old.get(0) {
                drop(new.append_internal(item));
            }
        } else {
            deque_extend(new.as_object(), obj)?;
        }
        return Ok(new.into_object());
    }
    let tp = type_of(obj);
    let result = if old.maxlen.get() < 0 {
        PyObject_CallOneArg(&tp, obj)?
    } else {
        PyObject_Vectorcall(
            &tp,
            &[obj.to_owned(), PyLong_FromSsize_t(old.maxlen.get())],
            None,
        )?
    };
    if !dequeobject::check(&result) {
        return Err(type_error(format!(
            "{}() must return a deque, not {}",
            obj.ob_type().name(),
            result.ob_type().name()
        )));
    }
    Ok(result)
}

fn deque_concat(obj: &PyObject, other: &PyObject) -> PyResult {
    if !PyObject_IsInstance(other, deque_type.as_object())? {
        return Err(type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            other.ob_type().name()
        )));
    }
    let new = deque_copy(obj)?;
    deque_extend(&new, other)?;
    Ok(new)
}

fn deque_inplace_repeat(obj: &PyObject, mut n: Py_ssize_t) -> PyResult {
    let deque = as_deque(obj);
    let size = deque.len() as Py_ssize_t;
    if size == 0 || n == 1 {
        return Ok(obj.to_owned());
    }
    if n <= 0 {
        deque.clear();
        return Ok(obj.to_owned());
    }
    if size == 1 {
        // The common case: repeating one item.
        let Some(item) = deque.get(0) else {
            return Ok(obj.to_owned());
        };
        let maxlen = deque.maxlen.get();
        if maxlen >= 0 && n > maxlen {
            n = maxlen;
        }
        deque.bump();
        let mut released = Vec::new();
        for _ in 0..n - 1 {
            if let Some(old) = deque.append_internal(item.clone()) {
                released.push(old);
            }
        }
        drop(released);
        return Ok(obj.to_owned());
    }
    if size.checked_mul(n).is_none() {
        return Err(PyErr_NoMemory());
    }
    let maxlen = deque.maxlen.get();
    if maxlen >= 0 && n * size > maxlen {
        n = (maxlen + size - 1) / size;
    }
    let seq = PyList_New(deque.with(|d| d.to_vec())).into_object();
    for _ in 0..n - 1 {
        deque_extend(obj, &seq)?;
    }
    Ok(obj.to_owned())
}

fn deque_repeat(obj: &PyObject, n: Py_ssize_t) -> PyResult {
    let new = deque_copy(obj)?;
    deque_inplace_repeat(&new, n)
}

fn deque_clearmethod(obj: &PyObject) -> PyResult {
    as_deque(obj).clear();
    Ok(none())
}

fn deque_rotate(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("deque.rotate", args.len(), 0, 1)?;
    let n = match args.first() {
        Some(a) => PyLong_AsSsize_t(&*PyNumber_Index(a)?)?,
        None => 1,
    };
    as_deque(obj).rotate(n);
    Ok(none())
}

fn deque_reverse(obj: &PyObject) -> PyResult {
    let deque = as_deque(obj);
    deque.with(|d| {
        let n = d.len;
        for i in 0..n / 2 {
            let a = d.slot(i).take();
            let b = d.slot(n - 1 - i).take();
            *d.slot(i) = b;
            *d.slot(n - 1 - i) = a;
        }
    });
    deque.bump();
    Ok(none())
}

/// Compare item `i` with `v`; a mutation during the comparison raises `exc`.
fn deque_search(
    deque: &dequeobject,
    v: &PyObject,
    start: usize,
    stop: usize,
    mut found: impl FnMut(usize, bool) -> Option<PyResult>,
    mutated: impl Fn() -> PyErr,
) -> PyResult<Option<PyObjectRef>> {
    let start_state = deque.state.get();
    for i in start..stop {
        let Some(item) = deque.get(i) else {
            break;
        };
        let cmp = PyObject_RichCompareBool(&item, v, CompareOp::Eq)?;
        drop(item);
        if start_state != deque.state.get() {
            return Err(mutated());
        }
        if let Some(r) = found(i, cmp) {
            return r.map(Some);
        }
    }
    Ok(None)
}

fn mutated_iteration() -> PyErr {
    runtime_error("deque mutated during iteration")
}

fn deque_count(obj: &PyObject, v: &PyObject) -> PyResult {
    let deque = as_deque(obj);
    let mut count = 0;
    deque_search(
        deque,
        v,
        0,
        deque.len(),
        |_, cmp| {
            count += cmp as isize;
            None
        },
        mutated_iteration,
    )?;
    Ok(PyLong_FromSsize_t(count))
}

fn deque_contains(obj: &PyObject, v: &PyObject) -> PyResult<bool> {
    let deque = as_deque(obj);
    let r = deque_search(
        deque,
        v,
        0,
        deque.len(),
        |_, cmp| cmp.then(|| Ok(none())),
        mutated_iteration,
    )?;
    Ok(r.is_some())
}

fn deque_index(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let deque = as_deque(obj);
    if args.is_empty() || args.len() > 3 {
        return Err(type_error(format!(
            "index expected {} argument{}, got {}",
            if args.is_empty() {
                "at least 1"
            } else {
                "at most 3"
            },
            if args.is_empty() { "" } else { "s" },
            args.len()
        )));
    }
    let v = &args[0];
    let slice_index = |o: &PyObject| -> PyResult<Py_ssize_t> {
        if objects::r#abstract::PyIndex_Check(o) {
            objects::r#abstract::PyNumber_AsSsize_t(o, None)
        } else {
            Err(type_error(
                "slice indices must be integers or have an __index__ method",
            ))
        }
    };
    let mut start = match args.get(1) {
        Some(s) => slice_index(s)?,
        None => 0,
    };
    let mut stop = match args.get(2) {
        Some(s) => slice_index(s)?,
        None => Py_ssize_t::MAX,
    };
    let n = deque.len() as Py_ssize_t;
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    stop = stop.min(n);
    start = start.min(stop);
    let r = deque_search(
        deque,
        v,
        start as usize,
        stop as usize,
        |i, cmp| cmp.then(|| Ok(PyLong_FromSsize_t(i as isize))),
        mutated_iteration,
    )?;
    match r {
        Some(i) => Ok(i),
        None => Err(value_error(format!("{} is not in deque", repr_string(v)?))),
    }
}

/// `deque_del_item`: remove item `i` by rotating it to the front.
fn deque_del_item(deque: &dequeobject, i: usize) {
    deque.rotate(-(i as isize));
    let item = deque.popleft_internal();
    deque.rotate(i as isize);
    drop(item);
}

fn deque_remove(obj: &PyObject, value: &PyObject) -> PyResult {
    let deque = as_deque(obj);
    let r = deque_search(
        deque,
        value,
        0,
        deque.len(),
        |i, cmp| cmp.then(|| Ok(PyLong_FromSsize_t(i as isize))),
        || index_error("deque mutated during iteration"),
    )?;
    let Some(i) = r else {
        return Err(value_error(format!(
            "{} is not in deque",
            repr_string(value)?
        )));
    };
    let i = objects::longobject::PyLong_AsSsize_t_opt(&i).unwrap_or(0) as usize;
    if i < deque.len() {
        deque_del_item(deque, i);
    }
    Ok(none())
}

fn deque_insert(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let deque = as_deque(obj);
    if args.len() != 2 {
        return Err(type_error(format!(
            "insert() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    }
    let index = PyLong_AsSsize_t(&*PyNumber_Index(&args[0])?)?;
    let value = &args[1];
    let n = deque.len() as Py_ssize_t;
    if deque.maxlen.get() == n {
        return Err(index_error("deque already at its maximum size"));
    }
    if index >= n {
        return deque_append(obj, value);
    }
    if index <= -n || index == 0 {
        return deque_appendleft(obj, value);
    }
    deque.rotate(-index);
    let old = if index < 0 {
        deque.append_internal(value.to_owned())
    } else {
        deque.appendleft_internal(value.to_owned())
    };
    deque.rotate(index);
    drop(old);
    Ok(none())
}

fn valid_index(i: Py_ssize_t, limit: usize) -> bool {
    i >= 0 && (i as usize) < limit
}

fn deque_item(obj: &PyObject, i: Py_ssize_t) -> PyResult {
    let deque = as_deque(obj);
    if !valid_index(i, deque.len()) {
        return Err(index_error("deque index out of range"));
    }
    deque
        .get(i as usize)
        .ok_or_else(|| index_error("deque index out of range"))
}

fn deque_ass_item(obj: &PyObject, i: Py_ssize_t, v: Option<&PyObject>) -> PyResult<()> {
    let deque = as_deque(obj);
    let len = deque.len();
    if !valid_index(i, len) {
        return Err(index_error("deque index out of range"));
    }
    match v {
        None => {
            deque_del_item(deque, i as usize);
        }
        Some(v) => {
            let old = deque.with(|d| d.slot(i as usize).replace(v.to_owned()));
            drop(old);
        }
    }
    Ok(())
}

fn deque_len(obj: &PyObject) -> PyResult<Py_ssize_t> {
    Ok(as_deque(obj).len() as Py_ssize_t)
}

fn deque_repr(obj: &PyObject) -> PyResult {
    if Py_ReprEnter(obj)? {
        return Ok(PyUnicode_FromString("[...]"));
    }
    let result = (|| {
        let aslist = PyList_New(PySequence_List_items(obj)?).into_object();
        let list_repr = repr_string(&aslist)?;
        let name = _PyType_Name(obj.ob_type());
        let maxlen = as_deque(obj).maxlen.get();
        Ok(PyUnicode_FromString(&if maxlen >= 0 {
            format!("{name}({list_repr}, maxlen={maxlen})")
        } else {
            format!("{name}({list_repr})")
        }))
    })();
    Py_ReprLeave(obj);
    result
}

fn deque_richcompare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    if !dequeobject::check(v) || !dequeobject::check(w) {
        return Ok(not_implemented());
    }
    let vs = as_deque(v).len();
    let ws = as_deque(w).len();
    match op {
        CompareOp::Eq => {
            if v.is(w) {
                return Ok(PyBool_FromLong(true));
            }
            if vs != ws {
                return Ok(PyBool_FromLong(false));
            }
        }
        CompareOp::Ne => {
            if v.is(w) {
                return Ok(PyBool_FromLong(false));
            }
            if vs != ws {
                return Ok(PyBool_FromLong(true));
            }
        }
        _ => {}
    }
    let it1 = PyObject_GetIter(v)?;
    let it2 = PyObject_GetIter(w)?;
    let (x, y) = loop {
        let x = PyIter_Next(&it1)?;
        let y = PyIter_Next(&it2)?;
        let (Some(xv), Some(yv)) = (&x, &y) else {
            break (x, y);
        };
        if !PyObject_RichCompareBool(xv, yv, CompareOp::Eq)? {
            return PyObject_RichCompare(xv, yv, op);
        }
    };
    let cmp = match op {
        CompareOp::Lt => y.is_some(),
        CompareOp::Le => x.is_none(),
        CompareOp::Eq => x.is_none() && y.is_none(),
        CompareOp::Ne => x.is_some() != y.is_some(),
        CompareOp::Gt => x.is_some(),
        CompareOp::Ge => y.is_none(),
    };
    Ok(PyBool_FromLong(cmp))
}

fn deque_reduce(obj: &PyObject) -> PyResult {
    let deque = as_deque(obj);
    let dict = objects::typeobject::_PyObject_GetState(obj)?;
    let it = PyObject_GetIter(obj)?;
    let tp = type_of(obj);
    if deque.maxlen.get() < 0 {
        return Ok(tuple(vec![tp, tuple_get_empty().into_object(), dict, it]));
    }
    Ok(tuple(vec![
        tp,
        tuple(vec![
            tuple_get_empty().into_object(),
            PyLong_FromSsize_t(deque.maxlen.get()),
        ]),
        dict,
        it,
    ]))
}

fn deque_sizeof(obj: &PyObject) -> PyResult {
    let deque = as_deque(obj);
    let blocks = deque.with(|d| d.blocks.len());
    let base = if obj.is_type(&deque_type) {
        CPYTHON_DEQUE_BASICSIZE
    } else {
        // A subclass adds its own words (dict, weak reference list, slots) after
        // CPython's layout.
        CPYTHON_DEQUE_BASICSIZE + obj.ob_type().tp_basicsize.get() - size_of::<dequeobject>()
    };
    Ok(PyLong_FromSsize_t(
        (base + blocks * CPYTHON_BLOCK_SIZE) as isize,
    ))
}

fn deque_get_maxlen(obj: &PyObject) -> PyResult {
    let maxlen = as_deque(obj).maxlen.get();
    Ok(if maxlen < 0 {
        none()
    } else {
        PyLong_FromSsize_t(maxlen)
    })
}

fn deque_iter(obj: &PyObject) -> PyResult {
    Ok(dequeiter_create(&dequeiter_type, obj))
}

fn deque_reviter(obj: &PyObject) -> PyResult {
    Ok(dequeiter_create(&dequereviter_type, obj))
}

static DEQUE_METHODS: [PyMethodDef; 19] = [
    PyMethodDef::new("append", PyCFunction::O(deque_append), "Add an element to the right side of the deque."),
    PyMethodDef::new("appendleft", PyCFunction::O(deque_appendleft), "Add an element to the left side of the deque."),
    PyMethodDef::new("clear", PyCFunction::NoArgs(deque_clearmethod), "Remove all elements from the deque."),
    PyMethodDef::new("__copy__", PyCFunction::NoArgs(deque_copy), "Return a shallow copy of a deque."),
    PyMethodDef::new("copy", PyCFunction::NoArgs(deque_copy), "Return a shallow copy of a deque."),
    PyMethodDef::new("count", PyCFunction::O(deque_count), "D.count(value) -- return number of occurrences of value"),
    PyMethodDef::new("extend", PyCFunction::O(deque_extend), "Extend the right side of the deque with elements from the iterable"),
    PyMethodDef::new("extendleft", PyCFunction::O(deque_extendleft), "Extend the left side of the deque with elements from the iterable"),
    PyMethodDef::new("index", PyCFunction::Fast(deque_index), "D.index(value, [start, [stop]]) -- return first index of value.\nRaises ValueError if the value is not present."),
    PyMethodDef::new("insert", PyCFunction::Fast(deque_insert), "D.insert(index, object) -- insert object before index"),
    PyMethodDef::new("pop", PyCFunction::NoArgs(deque_pop), "Remove and return the rightmost element."),
    PyMethodDef::new("popleft", PyCFunction::NoArgs(deque_popleft), "Remove and return the leftmost element."),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(deque_reduce), REDUCE_DOC),
    PyMethodDef::new("remove", PyCFunction::O(deque_remove), "D.remove(value) -- remove first occurrence of value."),
    PyMethodDef::new("__reversed__", PyCFunction::NoArgs(deque_reviter), "D.__reversed__() -- return a reverse iterator over the deque"),
    PyMethodDef::new("reverse", PyCFunction::NoArgs(deque_reverse), "D.reverse() -- reverse *IN PLACE*"),
    PyMethodDef::new("rotate", PyCFunction::Fast(deque_rotate), "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."),
    PyMethodDef::new("__sizeof__", PyCFunction::NoArgs(deque_sizeof), "D.__sizeof__() -- size of D in memory, in bytes"),
    objects::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
];

static DEQUE_GETSET: [PyGetSetDef; 1] = [PyGetSetDef::getter("maxlen", deque_get_maxlen)];

/// `collections.deque`.
pub static deque_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "collections.deque",
    tp_basicsize: Cell::new(size_of::<dequeobject>()),
    tp_dealloc: slot(deque_dealloc),
    tp_repr: slot(deque_repr),
    tp_as_sequence: include::cpython::object::PySequenceMethods {
        sq_length: slot(deque_len),
        sq_concat: slot(deque_concat),
        sq_repeat: slot(deque_repeat),
        sq_item: slot(deque_item),
        sq_ass_item: slot(deque_ass_item),
        sq_contains: slot(deque_contains),
        sq_inplace_concat: slot(deque_inplace_concat),
        sq_inplace_repeat: slot(deque_inplace_repeat),
    },
    tp_hash: slot(objects::typeslots::PyObject_HashNotImplemented_slot),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE,
    ),
    tp_doc: Some("deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints."),
    tp_traverse: slot(deque_traverse),
    tp_clear: slot(deque_tp_clear),
    tp_richcompare: slot(deque_richcompare),
    tp_weaklistoffset: Cell::new(offset_of!(dequeobject, weakreflist)),
    tp_iter: slot(deque_iter),
    tp_methods: &DEQUE_METHODS,
    tp_getset: &DEQUE_GETSET,
    tp_init: slot(deque_init),
    tp_new: slot(deque_new),
    ..PyTypeObject::DEFAULT
};

// --- deque iterators ----------------------------------------------------------------------

/// `dequeiterobject`: the deque, the logical position of the next item, the deque's
/// `state` when the iterator was made, and how many items are left.
#[repr(C)]
pub struct dequeiterobject {
    pub ob_base: PyObject,
    deque: PyObjectRef,
    index: Cell<usize>,
    state: usize,
    counter: Cell<usize>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for dequeiterobject {}

fn as_dequeiter(obj: &PyObject) -> &dequeiterobject {
    // SAFETY: installed on the two deque iterator types only.
    unsafe { &*(obj as *const PyObject as *const dequeiterobject) }
}

fn dequeiter_create(tp: &PyTypeObject, deque: &PyObject) -> PyObjectRef {
    let d = as_deque(deque);
    let len = d.len();
    let reverse = std::ptr::eq(tp, &dequereviter_type)
        || objects::typeobject::PyType_IsSubtype(tp, &dequereviter_type);
    // SAFETY: `tp` is one of the iterator types; the struct is complete.
    unsafe {
        alloc_object(
            tp,
            dequeiterobject {
                ob_base: PyObject_HEAD_INIT,
                deque: deque.to_owned(),
                index: Cell::new(if reverse { len.wrapping_sub(1) } else { 0 }),
                state: d.state.get(),
                counter: Cell::new(len),
            },
        )
    }
    .into_object()
}

unsafe fn dequeiter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead deque iterator.
    unsafe { dealloc_object::<dequeiterobject>(op) }
}

fn dequeiter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit(&as_dequeiter(obj).deque);
}

fn dequeiter_step(obj: &PyObject, forward: bool) -> PyResult<Option<PyObjectRef>> {
    let it = as_dequeiter(obj);
    let deque = as_deque(&it.deque);
    if deque.state.get() != it.state {
        it.counter.set(0);
        return Err(mutated_iteration());
    }
    if it.counter.get() == 0 {
        return Ok(None);
    }
    let index = it.index.get();
    let item = deque.get(index);
    it.index.set(if forward {
        index + 1
    } else {
        index.wrapping_sub(1)
    });
    it.counter.set(it.counter.get() - 1);
    Ok(item)
}

fn dequeiter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    dequeiter_step(obj, true)
}

fn dequereviter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    dequeiter_step(obj, false)
}

/// `dequeiter_new` / `dequereviter_new`: `_deque_iterator(deque, index=0, /)`, which
/// skips `index` items.
fn dequeiter_new_common(
    tp: &PyTypeObject,
    name: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    check_no_kwargs(name, kwnames)?;
    let nargs = args.len();
    if !(1..=2).contains(&nargs) {
        return Err(type_error(format!(
            "function takes {} {} argument{} ({nargs} given)",
            if nargs < 1 { "at least" } else { "at most" },
            if nargs < 1 { 1 } else { 2 },
            if nargs < 1 { "" } else { "s" }
        )));
    }
    if !dequeobject::check(&args[0]) {
        return Err(type_error(format!(
            "argument 1 must be collections.deque, not {}",
            args[0].ob_type().name()
        )));
    }
    let index = match args.get(1) {
        Some(i) => PyLong_AsSsize_t(&*PyNumber_Index(i)?)?,
        None => 0,
    };
    let it = dequeiter_create(tp, &args[0]);
    let reverse = std::ptr::eq(tp, &dequereviter_type);
    for _ in 0..index.max(0) {
        if dequeiter_step(&it, !reverse)?.is_none() {
            break;
        }
    }
    Ok(it)
}

fn dequeiter_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    dequeiter_new_common(tp, "_deque_iterator", args, kwnames)
}

fn dequereviter_new(
    tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    dequeiter_new_common(tp, "_deque_reverse_iterator", args, kwnames)
}

fn dequeiter_len(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromSsize_t(as_dequeiter(obj).counter.get() as isize))
}

fn dequeiter_reduce(obj: &PyObject) -> PyResult {
    let it = as_dequeiter(obj);
    let len = as_deque(&it.deque).len() as isize;
    Ok(tuple(vec![
        type_of(obj),
        tuple(vec![
            it.deque.clone(),
            PyLong_FromSsize_t(len - it.counter.get() as isize),
        ]),
    ]))
}

static DEQUEITER_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "__length_hint__",
        PyCFunction::NoArgs(dequeiter_len),
        LENGTH_HINT_DOC,
    ),
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(dequeiter_reduce),
        REDUCE_DOC,
    ),
];

/// `_collections._deque_iterator`.
pub static dequeiter_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_collections._deque_iterator",
    tp_basicsize: Cell::new(size_of::<dequeiterobject>()),
    tp_dealloc: slot(dequeiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(dequeiter_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(dequeiter_next),
    tp_methods: &DEQUEITER_METHODS,
    tp_new: slot(dequeiter_new),
    ..PyTypeObject::DEFAULT
};

/// `_collections._deque_reverse_iterator`.
pub static dequereviter_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_collections._deque_reverse_iterator",
    tp_basicsize: Cell::new(size_of::<dequeiterobject>()),
    tp_dealloc: slot(dequeiter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(dequeiter_traverse),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(dequereviter_next),
    tp_methods: &DEQUEITER_METHODS,
    tp_new: slot(dequereviter_new),
    ..PyTypeObject::DEFAULT
};

// --- defaultdict --------------------------------------------------------------------------

/// `defdictobject`: a dict plus the factory `__missing__` calls.
#[repr(C)]
pub struct defdictobject {
    pub dict: PyDictObject,
    default_factory: PyCell<Option<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the dict (and so the header) first.
unsafe impl PyObjectLayout for defdictobject {}

impl PyTypeInfo for defdictobject {
    fn type_object() -> &'static PyTypeObject {
        &defdict_type
    }
}

fn as_defdict(obj: &PyObject) -> &defdictobject {
    // SAFETY: the slots and methods of `defaultdict` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const defdictobject) }
}

fn as_dict(obj: &PyObject) -> &PyDictObject {
    // SAFETY: a defaultdict is a dict.
    unsafe { &*(obj as *const PyObject as *const PyDictObject) }
}

fn defdict_missing(obj: &PyObject, key: &PyObject) -> PyResult {
    let Some(factory) = as_defdict(obj)
        .default_factory
        .get()
        .filter(|f| !f.is(Py_None()))
    else {
        return Err(PyErr_SetObject(
            &PyExc_KeyError,
            tuple(vec![key.to_owned()]),
        ));
    };
    let value = PyObject_CallNoArgs(&factory)?;
    objects::r#abstract::PyObject_SetItem(obj, key, &value)?;
    Ok(value)
}

/// `new_defdict`: `type(dd)(dd.default_factory, arg)`.
fn new_defdict(dd: &PyObject, arg: &PyObject) -> PyResult {
    let factory = as_defdict(dd).default_factory.get().unwrap_or_else(none);
    PyObject_Vectorcall(&type_of(dd), &[factory, arg.to_owned()], None)
}

fn defdict_copy(obj: &PyObject) -> PyResult {
    new_defdict(obj, obj)
}

fn defdict_reduce(obj: &PyObject) -> PyResult {
    let args = match as_defdict(obj)
        .default_factory
        .get()
        .filter(|f| !f.is(Py_None()))
    {
        Some(f) => tuple(vec![f]),
        None => tuple_get_empty().into_object(),
    };
    let items = objects::call::PyObject_CallMethodNoArgs(obj, objects::intern!("items"))?;
    let it = PyObject_GetIter(&items)?;
    Ok(tuple(vec![type_of(obj), args, none(), none(), it]))
}

fn defdict_repr(obj: &PyObject) -> PyResult {
    let baserepr = PyDict_Type
        .tp_repr
        .get()
        .map(|f| f(obj))
        .unwrap_or_else(|| PyObject_Repr(obj))?;
    let defrepr = match as_defdict(obj).default_factory.get() {
        None => "None".to_owned(),
        Some(f) => {
            if Py_ReprEnter(&f)? {
                "...".to_owned()
            } else {
                let r = repr_string(&f);
                Py_ReprLeave(&f);
                r?
            }
        }
    };
    Ok(PyUnicode_FromString(&format!(
        "{}({defrepr}, {})",
        _PyType_Name(obj.ob_type()),
        as_str_lossy(&baserepr)
    )))
}

fn defdict_or(left: &PyObject, right: &PyObject) -> PyResult {
    let (this, other) = if defdictobject::check(left) {
        (left, right)
    } else {
        (right, left)
    };
    if !PyDictObject::check(other) {
        return Ok(not_implemented());
    }
    let new = new_defdict(this, left)?;
    PyDict_Update(as_dict(&new), right)?;
    Ok(new)
}

fn defdict_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(f) = unsafe { as_defdict(obj).default_factory.get_ref() } {
        visit(f);
    }
    if let Some(t) = PyDict_Type.tp_traverse.get() {
        t(obj, visit);
    }
}

fn defdict_tp_clear(obj: &PyObject) {
    drop(as_defdict(obj).default_factory.take());
    if let Some(c) = PyDict_Type.tp_clear.get() {
        c(obj);
    }
}

unsafe fn defdict_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead defaultdict: drop the factory, then let the dict
    // deallocator release the table and free the memory.
    unsafe {
        include::gc::gc_untrack(op);
        drop(as_defdict(&*op).default_factory.take());
        if let Some(d) = PyDict_Type.tp_dealloc.get() {
            d(op);
        }
    }
}

fn defdict_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let nkw = kwnames_slice(kwnames).len();
    let nargs = args.len() - nkw;
    let mut newdefault = None;
    if nargs > 0 {
        let f = &args[0];
        if f.ob_type().tp_call.get().is_none() && !f.is(Py_None()) {
            return Err(type_error("first argument must be callable or None"));
        }
        newdefault = Some(f.clone());
    }
    let old = as_defdict(obj).default_factory.replace(newdefault);
    drop(old);
    let rest = if nargs > 0 { &args[1..] } else { args };
    match PyDict_Type.tp_init.get() {
        Some(init) => init(obj, rest, kwnames),
        None => Ok(()),
    }
}

static DEFDICT_METHODS: [PyMethodDef; 5] = [
    PyMethodDef::new(
        "__missing__",
        PyCFunction::O(defdict_missing),
        "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n  if self.default_factory is None: raise KeyError((key,))\n  self[key] = value = self.default_factory()\n  return value\n",
    ),
    PyMethodDef::new("copy", PyCFunction::NoArgs(defdict_copy), "D.copy() -> a shallow copy of D."),
    PyMethodDef::new("__copy__", PyCFunction::NoArgs(defdict_copy), "D.copy() -> a shallow copy of D."),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(defdict_reduce), REDUCE_DOC),
    objects::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
];

static DEFDICT_MEMBERS: [PyMemberDef; 1] = [PyMemberDef {
    name: "default_factory",
    type_code: MemberType::Object,
    offset: offset_of!(defdictobject, default_factory),
    flags: 0,
    doc: Some("Factory for default value called by __missing__()."),
}];

/// `collections.defaultdict`.
pub static defdict_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "collections.defaultdict",
    tp_basicsize: Cell::new(size_of::<defdictobject>()),
    tp_dealloc: slot(defdict_dealloc),
    tp_repr: slot(defdict_repr),
    tp_as_number: include::cpython::object::PyNumberMethods {
        nb_or: slot(defdict_or),
        ..include::cpython::object::PyNumberMethods::EMPTY
    },
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\nThe default factory is called without arguments to produce\na new value when a key is not present, in __getitem__ only.\nA defaultdict compares equal to a dict with the same items.\nAll remaining arguments are treated the same as if they were\npassed to the dict constructor, including keyword arguments.\n"),
    tp_traverse: slot(defdict_traverse),
    tp_clear: slot(defdict_tp_clear),
    tp_methods: &DEFDICT_METHODS,
    tp_members: &DEFDICT_MEMBERS,
    tp_base: objects::object::type_ptr(&PyDict_Type),
    tp_init: slot(defdict_init),
    ..PyTypeObject::DEFAULT
};

// --- _tuplegetter -------------------------------------------------------------------------

/// `_tuplegetterobject`: the descriptor namedtuple classes use for their fields.
#[repr(C)]
pub struct _tuplegetterobject {
    pub ob_base: PyObject,
    index: Py_ssize_t,
    doc: PyCell<Option<PyObjectRef>>,
}
// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for _tuplegetterobject {}

fn as_tuplegetter(obj: &PyObject) -> &_tuplegetterobject {
    // SAFETY: installed on `_tuplegetter` only.
    unsafe { &*(obj as *const PyObject as *const _tuplegetterobject) }
}

fn tuplegetter_new(
    tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if std::ptr::eq(tp, &tuplegetter_type) {
        check_no_kwargs("_tuplegetter", kwnames)?;
    }
    let nargs = args.len() - kwnames_slice(kwnames).len();
    check_positional("_tuplegetter", nargs, 2, 2)?;
    let index = PyLong_AsSsize_t(&*PyNumber_Index(&args[0])?)?;
    // SAFETY: `tp` is `_tuplegetter` or a subtype; the struct is complete.
    let tg = unsafe {
        alloc_object(
            tp,
            _tuplegetterobject {
                ob_base: PyObject_HEAD_INIT,
                index,
                doc: PyCell::new(Some(args[1].clone())),
            },
        )
    };
    Ok(tg.into_object())
}

fn tuplegetter_descr_get(
    obj: &PyObject,
    inst: Option<&PyObject>,
    _tp: Option<&PyObject>,
) -> PyResult {
    let index = as_tuplegetter(obj).index;
    let Some(inst) = inst.filter(|i| !i.is(Py_None())) else {
        return Ok(obj.to_owned());
    };
    let Some(t) = inst.downcast_ref::<PyTupleObject>() else {
        return Err(type_error(format!(
            "descriptor for index '{index}' for tuple subclasses doesn't apply to '{}' object",
            inst.ob_type().name()
        )));
    };
    if !valid_index(index, t.len()) {
        return Err(index_error("tuple index out of range"));
    }
    Ok(t.as_slice()[index as usize].clone())
}

fn tuplegetter_descr_set(
    _obj: &PyObject,
    _inst: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    Err(attribute_error(if value.is_none() {
        "can't delete attribute"
    } else {
        "can't set attribute"
    }))
}

fn tuplegetter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(d) = unsafe { as_tuplegetter(obj).doc.get_ref() } {
        visit(d);
    }
}

fn tuplegetter_clear(obj: &PyObject) {
    drop(as_tuplegetter(obj).doc.take());
}

unsafe fn tuplegetter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead `_tuplegetter`.
    unsafe { dealloc_object::<_tuplegetterobject>(op) }
}

fn tuplegetter_reduce(obj: &PyObject) -> PyResult {
    let tg = as_tuplegetter(obj);
    Ok(tuple(vec![
        type_of(obj),
        tuple(vec![
            PyLong_FromSsize_t(tg.index),
            tg.doc.get().unwrap_or_else(none),
        ]),
    ]))
}

static TUPLEGETTER_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(tuplegetter_reduce),
    "",
)];

static TUPLEGETTER_MEMBERS: [PyMemberDef; 1] = [PyMemberDef {
    name: "__doc__",
    type_code: MemberType::Object,
    offset: offset_of!(_tuplegetterobject, doc),
    flags: 0,
    doc: None,
}];

/// `_collections._tuplegetter`.
pub static tuplegetter_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_collections._tuplegetter",
    tp_basicsize: Cell::new(size_of::<_tuplegetterobject>()),
    tp_dealloc: slot(tuplegetter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(tuplegetter_traverse),
    tp_clear: slot(tuplegetter_clear),
    tp_methods: &TUPLEGETTER_METHODS,
    tp_members: &TUPLEGETTER_MEMBERS,
    tp_descr_get: slot(tuplegetter_descr_get),
    tp_descr_set: slot(tuplegetter_descr_set),
    tp_new: slot(tuplegetter_new),
    ..PyTypeObject::DEFAULT
};

// --- _count_elements ----------------------------------------------------------------------

/// `_count_elements(mapping, iterable, /)`: count the elements of `iterable` into
/// `mapping`, directly when it is a dict whose `get` and `__setitem__` are dict's.
fn _collections__count_elements(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("_count_elements", args.len(), 2, 2)?;
    let (mapping, iterable) = (&args[0], &args[1]);
    let it = PyObject_GetIter(iterable)?;
    let one = PyLong_FromSsize_t(1);
    let lookup = |tp: &PyTypeObject, name: &PyObject| objects::typeobject::_PyType_Lookup(tp, name);
    let get = objects::intern!("get");
    let setitem = objects::intern!("__setitem__");
    let mapping_get = lookup(mapping.ob_type(), get);
    let mapping_setitem = lookup(mapping.ob_type(), setitem);
    let fast = match (&mapping_get, &mapping_setitem) {
        (Some(g), Some(s)) => {
            lookup(&PyDict_Type, get).is_some_and(|d| d.is(g))
                && lookup(&PyDict_Type, setitem).is_some_and(|d| d.is(s))
                && PyDictObject::check(mapping)
        }
        _ => false,
    };
    if fast {
        let d = as_dict(mapping);
        while let Some(key) = PyIter_Next(&it)? {
            let newval = match PyDict_GetItemWithError(d, &key)? {
                None => one.clone(),
                Some(old) => PyNumber_BinaryOp(&old, &one, include::opcode::nb::ADD)?,
            };
            PyDict_SetItem(d, &key, &newval)?;
        }
    } else {
        let bound_get = PyObject_GetAttr(mapping, get)?;
        let zero = PyLong_FromSsize_t(0);
        while let Some(key) = PyIter_Next(&it)? {
            let oldval = PyObject_Vectorcall(&bound_get, &[key.clone(), zero.clone()], None)?;
            let newval = PyNumber_BinaryOp(&oldval, &one, include::opcode::nb::ADD)?;
            objects::r#abstract::PyObject_SetItem(mapping, &key, &newval)?;
        }
    }
    Ok(none())
}

static COLLECTIONS_FUNCTIONS: [PyMethodDef; 1] = [PyMethodDef::new(
    "_count_elements",
    PyCFunction::Fast(_collections__count_elements),
    "_count_elements($module, mapping, iterable, /)\n--\n\nCount elements in the iterable, updating the mapping",
)];

/// Make the `_collections` module (`PyInit__collections`).
pub fn PyInit__collections() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_collections")?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n"),
    )?;
    PyModule_AddFunctions(&m, &COLLECTIONS_FUNCTIONS)?;
    for (name, tp) in [
        ("deque", &deque_type),
        ("defaultdict", &defdict_type),
        ("_deque_iterator", &dequeiter_type),
        ("_deque_reverse_iterator", &dequereviter_type),
        ("_tuplegetter", &tuplegetter_type),
    ] {
        PyType_Ready(tp)?;
        PyModule_AddObject(&m, name, tp.as_object())?;
    }
    Ok(m)
}
