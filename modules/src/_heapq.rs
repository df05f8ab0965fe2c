//! The `_heapq` module: the heap queue algorithm on lists. Mirrors
//! Modules/_heapqmodule.c (CPython 3.11).
//!
//! Differences from CPython: items are swapped through `PyList_SetItem` rather than
//! by writing the item array in place; the order of comparisons and the checks that
//! the list did not change size under a comparison are CPython's.

use objects::exceptions::*;
use objects::getargs::check_positional;
use objects::listobject::{PyListObject, PyList_Append, PyList_SetItem, PyList_SetSlice};
use objects::longobject::_PyArg_BadArgument;
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::prelude::*;
use objects::pyerrors::PyErr_SetString;
use objects::unicodeobject::PyUnicode_FromString;

use include::methodobject::{PyCFunction, PyMethodDef};

/// A sift function: `siftup` or `siftup_max`.
type SiftFn = fn(&PyListObject, usize) -> PyResult<()>;

fn index_out_of_range() -> PyErr {
    index_error("index out of range")
}

fn changed_size() -> PyErr {
    PyErr_SetString(&PyExc_RuntimeError, "list changed size during iteration")
}

/// `heap[i]`; the callers have checked `i` against the size.
fn item(heap: &PyListObject, i: usize) -> PyResult {
    heap.get(i).ok_or_else(index_out_of_range)
}

/// Swap `heap[i]` and `heap[j]`.
fn swap(heap: &PyListObject, i: usize, j: usize) -> PyResult<()> {
    let a = item(heap, i)?;
    let b = item(heap, j)?;
    PyList_SetItem(heap, i as isize, b)?;
    PyList_SetItem(heap, j as isize, a)
}

/// `siftdown` (or `siftdown_max` with `max`): move the item at `pos` up towards
/// `startpos` while it is smaller (larger) than its parent.
fn siftdown_impl(heap: &PyListObject, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = heap.len();
    if pos >= size {
        return Err(index_out_of_range());
    }
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let newitem = item(heap, pos)?;
        let parent = item(heap, parentpos)?;
        let cmp = if max {
            PyObject_RichCompareBool(&parent, &newitem, CompareOp::Lt)?
        } else {
            PyObject_RichCompareBool(&newitem, &parent, CompareOp::Lt)?
        };
        if size != heap.len() {
            return Err(changed_size());
        }
        if !cmp {
            break;
        }
        swap(heap, parentpos, pos)?;
        pos = parentpos;
    }
    Ok(())
}

/// `siftup` (or `siftup_max`): bubble the smaller (larger) child up until hitting a
/// leaf, then sift the item at `pos` into place.
fn siftup_impl(heap: &PyListObject, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = heap.len();
    let startpos = pos;
    if pos >= endpos {
        return Err(index_out_of_range());
    }
    // The smallest position that has no child.
    let limit = endpos >> 1;
    while pos < limit {
        // The leftmost child; move to the right one if it is smaller.
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let a = item(heap, childpos)?;
            let b = item(heap, childpos + 1)?;
            let cmp = if max {
                PyObject_RichCompareBool(&b, &a, CompareOp::Lt)?
            } else {
                PyObject_RichCompareBool(&a, &b, CompareOp::Lt)?
            };
            if !cmp {
                childpos += 1;
            }
            if endpos != heap.len() {
                return Err(changed_size());
            }
        }
        swap(heap, childpos, pos)?;
        pos = childpos;
    }
    siftdown_impl(heap, startpos, pos, max)
}

fn siftup(heap: &PyListObject, pos: usize) -> PyResult<()> {
    siftup_impl(heap, pos, false)
}

fn siftup_max(heap: &PyListObject, pos: usize) -> PyResult<()> {
    siftup_impl(heap, pos, true)
}

/// The `list` argument check of Argument Clinic.
fn list_arg<'a>(fname: &str, displayname: &str, obj: &'a PyObject) -> PyResult<&'a PyListObject> {
    obj.downcast_ref::<PyListObject>()
        .ok_or_else(|| _PyArg_BadArgument(fname, displayname, "list", obj))
}

/// The two arguments `(heap, item)` of `heappush` and friends.
fn heap_and_item<'a>(
    fname: &str,
    args: &'a [PyObjectRef],
) -> PyResult<(&'a PyListObject, &'a PyObjectRef)> {
    check_positional(fname, args.len(), 2, 2)?;
    Ok((list_arg(fname, "argument 1", &args[0])?, &args[1]))
}

fn _heapq_heappush(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let (heap, item) = heap_and_item("heappush", args)?;
    PyList_Append(heap, item.clone())?;
    siftdown_impl(heap, 0, heap.len() - 1, false)?;
    Ok(none())
}

/// `heappop_internal`.
fn heappop_internal(heap: &PyListObject, siftup_func: SiftFn) -> PyResult {
    let n = heap.len();
    if n == 0 {
        return Err(index_out_of_range());
    }
    let lastelt = item(heap, n - 1)?;
    PyList_SetSlice(heap, (n - 1) as isize, n as isize, None)?;
    if n == 1 {
        return Ok(lastelt);
    }
    let returnitem = item(heap, 0)?;
    PyList_SetItem(heap, 0, lastelt)?;
    siftup_func(heap, 0)?;
    Ok(returnitem)
}

fn _heapq_heappop(_m: &PyObject, heap: &PyObject) -> PyResult {
    heappop_internal(list_arg("heappop", "argument", heap)?, siftup)
}

fn _heapq__heappop_max(_m: &PyObject, heap: &PyObject) -> PyResult {
    heappop_internal(list_arg("_heappop_max", "argument", heap)?, siftup_max)
}

/// `heapreplace_internal`.
fn heapreplace_internal(heap: &PyListObject, newitem: &PyObject, siftup_func: SiftFn) -> PyResult {
    if heap.is_empty() {
        return Err(index_out_of_range());
    }
    let returnitem = item(heap, 0)?;
    PyList_SetItem(heap, 0, newitem.to_owned())?;
    siftup_func(heap, 0)?;
    Ok(returnitem)
}

fn _heapq_heapreplace(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let (heap, item) = heap_and_item("heapreplace", args)?;
    heapreplace_internal(heap, item, siftup)
}

fn _heapq__heapreplace_max(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let (heap, item) = heap_and_item("_heapreplace_max", args)?;
    heapreplace_internal(heap, item, siftup_max)
}

fn _heapq_heappushpop(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let (heap, newitem) = heap_and_item("heappushpop", args)?;
    let Some(top) = heap.get(0) else {
        return Ok(newitem.clone());
    };
    if !PyObject_RichCompareBool(&top, newitem, CompareOp::Lt)? {
        return Ok(newitem.clone());
    }
    if heap.is_empty() {
        return Err(index_out_of_range());
    }
    let returnitem = item(heap, 0)?;
    PyList_SetItem(heap, 0, newitem.clone())?;
    siftup(heap, 0)?;
    Ok(returnitem)
}

/// `keep_top_bit`: `n` with only its highest set bit kept.
fn keep_top_bit(mut n: usize) -> usize {
    let mut i = 0;
    while n > 1 {
        n >>= 1;
        i += 1;
    }
    n << i
}

/// `cache_friendly_heapify`: for large heaps CPython sifts the subtrees in an order
/// that keeps the working set in cache; the resulting arrangement is part of the
/// behaviour, so pyrs follows it.
fn cache_friendly_heapify(heap: &PyListObject, siftup_func: SiftFn) -> PyResult<()> {
    // The first childless node, the leftmost node in its row, and its parent.
    let m = heap.len() >> 1;
    let leftmost = keep_top_bit(m + 1) - 1;
    let mhalf = m >> 1;
    let sift_chain = |i: usize| -> PyResult<()> {
        let mut j = i;
        loop {
            siftup_func(heap, j)?;
            if j & 1 == 0 {
                break;
            }
            j >>= 1;
        }
        Ok(())
    };
    for i in (mhalf..leftmost).rev() {
        sift_chain(i)?;
    }
    for i in (leftmost..m).rev() {
        sift_chain(i)?;
    }
    Ok(())
}

/// `heapify_internal`.
fn heapify_internal(heap: &PyListObject, siftup_func: SiftFn) -> PyResult {
    let n = heap.len();
    if n > 2500 {
        cache_friendly_heapify(heap, siftup_func)?;
        return Ok(none());
    }
    // Only the first half of the positions have children.
    for i in (0..n >> 1).rev() {
        siftup_func(heap, i)?;
    }
    Ok(none())
}

fn _heapq_heapify(_m: &PyObject, heap: &PyObject) -> PyResult {
    heapify_internal(list_arg("heapify", "argument", heap)?, siftup)
}

fn _heapq__heapify_max(_m: &PyObject, heap: &PyObject) -> PyResult {
    heapify_internal(list_arg("_heapify_max", "argument", heap)?, siftup_max)
}

static HEAPQ_METHODS: [PyMethodDef; 8] = [
    PyMethodDef::new(
        "heappush",
        PyCFunction::Fast(_heapq_heappush),
        "heappush($module, heap, item, /)\n--\n\nPush item onto heap, maintaining the heap invariant.",
    ),
    PyMethodDef::new(
        "heappushpop",
        PyCFunction::Fast(_heapq_heappushpop),
        "heappushpop($module, heap, item, /)\n--\n\nPush item on the heap, then pop and return the smallest item from the heap.\n\nThe combined action runs more efficiently than heappush() followed by\na separate call to heappop().",
    ),
    PyMethodDef::new(
        "heappop",
        PyCFunction::O(_heapq_heappop),
        "heappop($module, heap, /)\n--\n\nPop the smallest item off the heap, maintaining the heap invariant.",
    ),
    PyMethodDef::new(
        "heapreplace",
        PyCFunction::Fast(_heapq_heapreplace),
        "heapreplace($module, heap, item, /)\n--\n\nPop and return the current smallest value, and add the new item.\n\nThis is more efficient than heappop() followed by heappush(), and can be\nmore appropriate when using a fixed-size heap.  Note that the value\nreturned may be larger than item!  That constrains reasonable uses of\nthis routine unless written as part of a conditional replacement:\n\n    if item > heap[0]:\n        item = heapreplace(heap, item)",
    ),
    PyMethodDef::new(
        "heapify",
        PyCFunction::O(_heapq_heapify),
        "heapify($module, heap, /)\n--\n\nTransform list into a heap, in-place, in O(len(heap)) time.",
    ),
    PyMethodDef::new(
        "_heappop_max",
        PyCFunction::O(_heapq__heappop_max),
        "_heappop_max($module, heap, /)\n--\n\nMaxheap variant of heappop.",
    ),
    PyMethodDef::new(
        "_heapreplace_max",
        PyCFunction::Fast(_heapq__heapreplace_max),
        "_heapreplace_max($module, heap, item, /)\n--\n\nMaxheap variant of heapreplace.",
    ),
    PyMethodDef::new(
        "_heapify_max",
        PyCFunction::O(_heapq__heapify_max),
        "_heapify_max($module, heap, /)\n--\n\nMaxheap variant of heapify.",
    ),
];

const MODULE_DOC: &str = "Heap queue algorithm (a.k.a. priority queue).\n\nHeaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\nall k, counting elements from 0.  For the sake of comparison,\nnon-existing elements are considered to be infinite.  The interesting\nproperty of a heap is that a[0] is always its smallest element.\n\nUsage:\n\nheap = []            # creates an empty heap\nheappush(heap, item) # pushes a new item on the heap\nitem = heappop(heap) # pops the smallest item from the heap\nitem = heap[0]       # smallest item on the heap without popping it\nheapify(x)           # transforms list into a heap, in-place, in linear time\nitem = heapreplace(heap, item) # pops and returns smallest item, and adds\n                               # new item; the heap size is unchanged\n\nOur API differs from textbook heap algorithms as follows:\n\n- We use 0-based indexing.  This makes the relationship between the\n  index for a node and the indexes for its children slightly less\n  obvious, but is more suitable since Python uses 0-based indexing.\n\n- Our heappop() method returns the smallest item, not the largest.\n\nThese two make it possible to view the heap as a regular Python list\nwithout surprises: heap[0] is the smallest item, and heap.sort()\nmaintains the heap invariant!\n";

/// Make the `_heapq` module (`PyInit__heapq`).
pub fn PyInit__heapq() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_heapq")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(MODULE_DOC))?;
    PyModule_AddFunctions(&m, &HEAPQ_METHODS)?;
    Ok(m)
}
