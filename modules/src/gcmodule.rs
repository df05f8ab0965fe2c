//! The cycle collector and the `gc` module. Mirrors Modules/gcmodule.c (CPython 3.11).
//!
//! Reference counting frees an object the moment its count reaches zero, but a group
//! of objects that refer to each other keeps every count above zero after the program
//! has dropped them all. The collector finds such groups among the *tracked* objects
//! (containers, which list their references through `tp_traverse`):
//!
//! 1. `update_refs` copies each object's reference count into its `gc_refs`;
//! 2. `subtract_refs` traverses every object of the generation and subtracts one from
//!    the `gc_refs` of each referent in the generation. What is left is the number
//!    of references from *outside* the generation: from older objects, from the
//!    running frames, from Rust locals.
//! 3. `move_unreachable` keeps the objects with `gc_refs > 0` and everything they
//!    reach; the rest is unreachable: garbage, unless a finalizer brings it back.
//! 4. PEP 442: weak references to the garbage are cleared (`handle_weakrefs`),
//!    finalizers (`__del__`) run once (`finalize_garbage`), and the garbage is
//!    examined again, because a finalizer may have stored a reference to some of it
//!    (`handle_resurrected_objects`).
//! 5. `delete_garbage` calls `tp_clear` on what is still unreachable, which breaks the
//!    cycles; reference counting then frees the objects.
//!
//! Objects live in three generations. New objects enter generation 0; the survivors
//! of a collection move to the next generation. Generation 0 is collected when the
//! allocations minus deallocations since its last collection exceed its threshold
//! (700), generation 1 after 10 collections of generation 0, generation 2 after 10
//! of generation 1, and then only if the objects that entered it since its last
//! collection are a quarter of those that survived that collection (so that the
//! total cost of full collections stays linear in the number of objects).
//!
//! The low bits of the two header words carry the collector's flags, and during a
//! collection `gc_prev` holds `gc_refs` instead of a pointer (see `include::gc`): the
//! generation being collected is a singly linked list from `update_refs` to the end of
//! `move_unreachable`, and no Python code may run in between.
//!
//! Differences from CPython: automatic collections run at the eval loop's next
//! eval-breaker check rather than inside the allocation (see `include::gc`); pyrs has
//! no `tp_del` slot, so no object has a legacy finalizer and `gc.garbage` fills only
//! under `DEBUG_SAVEALL`; there are no free lists to clear after a full collection.

use std::sync::atomic::Ordering;

use include::gc::*;
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::dictobject::{_PyDict_MaybeUntrack, PyDict_New, PyDict_SetItemString};
use objects::getargs::{unpack_keywords, ArgSpec};
use objects::listobject::{PyListObject, PyList_Append, PyList_New};
use objects::longobject::{PyLong_FromLong, PyLong_FromSsize_t};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, Py_None};
use objects::prelude::*;
use objects::tupleobject::{_PyTuple_MaybeUntrack, PyTuple_New};
use objects::unicodeobject::PyUnicode_FromString;
use objects::weakrefobject::{
    _PyType_SUPPORTS_WEAKREFS, _PyWeakref_ClearRef, weakrefs_listptr, PyWeakReference,
    PyWeakref_Check,
};

use include::object::GlobalCell;

// --- the lists of `gc.garbage` and `gc.callbacks` -----------------------------------------

/// `gcstate->garbage` and `gcstate->callbacks`: made once; the `gc` module exposes
/// the same lists, so rebinding `gc.garbage` does not change what the collector uses.
struct GcLists {
    garbage: PyCell<Option<PyObjectRef>>,
    callbacks: PyCell<Option<PyObjectRef>>,
}

static GC_LISTS: GlobalCell<GcLists> = GlobalCell::new(GcLists {
    garbage: PyCell::new(None),
    callbacks: PyCell::new(None),
});

fn gc_lists() -> &'static GcLists {
    // SAFETY: only borrowed shared; the fields are `PyCell`s.
    unsafe { GC_LISTS.get_ref() }
}

fn list_of(cell: &PyCell<Option<PyObjectRef>>) -> PyObjectRef {
    if let Some(l) = cell.get() {
        return l;
    }
    let l = PyList_New(Vec::new()).into_object();
    cell.set(Some(l.clone()));
    l
}

fn garbage_list() -> PyObjectRef {
    list_of(&gc_lists().garbage)
}

fn callbacks_list() -> PyObjectRef {
    list_of(&gc_lists().callbacks)
}

fn as_list(obj: &PyObject) -> &PyListObject {
    // SAFETY: the collector's own lists are exact lists.
    unsafe { &*(obj as *const PyObject as *const PyListObject) }
}

// --- list functions -----------------------------------------------------------------------
//
// Every function here takes raw header pointers. The heads are statics (generations)
// or locals of `gc_collect_main` that do not move while linked; members are the
// headers of live tracked objects.

/// `GEN_HEAD(n)`.
fn gen_head(n: usize) -> *mut PyGC_Head {
    gc_state().generations[n].head()
}

/// `gc_list_init`: an empty circular list.
unsafe fn gc_list_init(list: *mut PyGC_Head) {
    // SAFETY: `list` is a live head (function contract).
    unsafe {
        (*list).gc_prev.set(list as usize);
        (*list).gc_next.set(list as usize);
    }
}

unsafe fn gc_list_is_empty(list: *mut PyGC_Head) -> bool {
    // SAFETY: `list` is a live head.
    unsafe { (*list).next() == list }
}

/// `gc_list_append`: link `node` at the end of `list`. Works on the singly linked
/// young list of `move_unreachable` too: it reads only the head's `gc_prev`.
unsafe fn gc_list_append(node: *mut PyGC_Head, list: *mut PyGC_Head) {
    // SAFETY: `node` and `list` are live headers.
    unsafe {
        let last = (*list).gc_prev.get() as *mut PyGC_Head;
        (*node).set_prev(last);
        (*last).set_next(node);
        (*node).set_next(list);
        (*list).gc_prev.set(node as usize);
    }
}

/// `gc_list_move`: unlink `node` from its list and append it to `list`. The flag
/// bits of `node`'s `gc_prev` are kept.
unsafe fn gc_list_move(node: *mut PyGC_Head, list: *mut PyGC_Head) {
    // SAFETY: `node` is in a doubly linked list; `list` is a live head.
    unsafe {
        let from_prev = (*node).prev();
        let from_next = (*node).next();
        (*from_prev).set_next(from_next);
        (*from_next).set_prev(from_prev);
        let to_prev = (*list).gc_prev.get() as *mut PyGC_Head;
        (*node).set_prev(to_prev);
        (*to_prev).set_next(node);
        (*list).gc_prev.set(node as usize);
        (*node).set_next(list);
    }
}

/// `gc_list_merge`: append `from`'s members to `to`; `from` becomes empty.
unsafe fn gc_list_merge(from: *mut PyGC_Head, to: *mut PyGC_Head) {
    debug_assert!(from != to);
    // SAFETY: both are live heads of doubly linked lists.
    unsafe {
        if !gc_list_is_empty(from) {
            let to_tail = (*to).prev();
            let from_head = (*from).next();
            let from_tail = (*from).prev();
            (*to_tail).set_next(from_head);
            (*from_head).set_prev(to_tail);
            (*to).set_prev(from_tail);
            (*from_tail).set_next(to);
        }
        gc_list_init(from);
    }
}

unsafe fn gc_list_size(list: *mut PyGC_Head) -> Py_ssize_t {
    let mut n = 0;
    // SAFETY: `list` is a live head; members are live.
    unsafe {
        let mut gc = (*list).next();
        while gc != list {
            n += 1;
            gc = (*gc).next();
        }
    }
    n
}

/// The object behind a header, borrowed.
///
/// # Safety
/// `g` must be the header of a live object, which must outlive the borrow.
unsafe fn obj_of<'a>(g: *mut PyGC_Head) -> &'a PyObject {
    // SAFETY: see the contract.
    unsafe { &*from_gc(g) }
}

/// `append_objects`: append every object of the list (except `py_list` itself) to
/// the Python list `py_list`.
unsafe fn append_objects(py_list: &PyObject, gc_list: *mut PyGC_Head) -> PyResult<()> {
    // SAFETY: `gc_list` is a live head. Appending allocates no GC object, so the
    // list is not changed under the walk.
    unsafe {
        let mut gc = (*gc_list).next();
        while gc != gc_list {
            let op = obj_of(gc);
            if !op.is(py_list) {
                PyList_Append(as_list(py_list), op.to_owned())?;
            }
            gc = (*gc).next();
        }
    }
    Ok(())
}

// --- gc_refs ------------------------------------------------------------------------------

#[inline]
unsafe fn gc_get_refs(g: *mut PyGC_Head) -> Py_ssize_t {
    // SAFETY: `g` is a live header.
    unsafe { ((*g).gc_prev.get() >> PREV_SHIFT) as Py_ssize_t }
}

#[inline]
unsafe fn gc_set_refs(g: *mut PyGC_Head, refs: Py_ssize_t) {
    // SAFETY: `g` is a live header.
    unsafe {
        (*g).gc_prev
            .set(((*g).gc_prev.get() & !PREV_MASK) | ((refs as usize) << PREV_SHIFT));
    }
}

/// `gc_reset_refs`: set `gc_refs`, keep the finalized flag, set the collecting flag.
#[inline]
unsafe fn gc_reset_refs(g: *mut PyGC_Head, refs: Py_ssize_t) {
    // SAFETY: `g` is a live header.
    unsafe {
        (*g).gc_prev.set(
            ((*g).gc_prev.get() & PREV_MASK_FINALIZED)
                | PREV_MASK_COLLECTING
                | ((refs as usize) << PREV_SHIFT),
        );
    }
}

#[inline]
unsafe fn gc_decref(g: *mut PyGC_Head) {
    // SAFETY: `g` is a live header.
    unsafe {
        // A traversal that visits more references than the object holds would make
        // the count go below zero. That is a bug in a `tp_traverse`; it must not turn
        // the count into a huge number (which would keep garbage forever) nor into
        // flag bits. Release builds stop at zero; debug builds stop the program.
        debug_assert!(
            gc_get_refs(g) > 0,
            "gc_refs underflow: a tp_traverse visits a reference it does not own"
        );
        if gc_get_refs(g) > 0 {
            (*g).gc_prev.set((*g).gc_prev.get() - (1 << PREV_SHIFT));
        }
    }
}

#[inline]
unsafe fn gc_is_collecting(g: *mut PyGC_Head) -> bool {
    // SAFETY: `g` is a live header.
    unsafe { (*g).gc_prev.get() & PREV_MASK_COLLECTING != 0 }
}

#[inline]
unsafe fn gc_clear_collecting(g: *mut PyGC_Head) {
    // SAFETY: `g` is a live header.
    unsafe { (*g).gc_prev.set((*g).gc_prev.get() & !PREV_MASK_COLLECTING) }
}

/// Call the object's `tp_traverse`, if it has one.
#[inline]
fn traverse(op: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(t) = op.ob_type().tp_traverse.get() {
        t(op, visit);
    }
}

// --- finding the unreachable objects ------------------------------------------------------

/// `update_refs`: `gc_refs = ob_refcnt` for every object of `containers`, and mark them
/// as being collected.
unsafe fn update_refs(containers: *mut PyGC_Head) {
    // SAFETY: `containers` is a live list of tracked objects.
    unsafe {
        let mut gc = (*containers).next();
        while gc != containers {
            let refcnt = obj_of(gc).refcnt();
            // A tracked object with a count of zero would be a dead object still in a
            // list (freed twice if collected); deallocators untrack first.
            debug_assert!(refcnt > 0, "a dead object is still tracked");
            gc_reset_refs(gc, refcnt);
            gc = (*gc).next();
        }
    }
}

/// `visit_decref`: a reference from inside the generation.
fn visit_decref(op: &PyObject) {
    if _PyObject_IS_GC(op) {
        // SAFETY: GC objects have a header.
        unsafe {
            let gc = as_gc(op);
            // Only the generation being collected has the collecting flag.
            if gc_is_collecting(gc) {
                gc_decref(gc);
            }
        }
    }
}

/// `subtract_refs`: subtract the references the objects of `containers` hold to each
/// other. What is left in `gc_refs` comes from outside.
unsafe fn subtract_refs(containers: *mut PyGC_Head) {
    // SAFETY: `containers` is a live list; traversal runs no Python code, so the list
    // does not change.
    unsafe {
        let mut gc = (*containers).next();
        while gc != containers {
            traverse(obj_of(gc), &mut visit_decref);
            gc = (*gc).next();
        }
    }
}

/// `visit_reachable`: `op` is reachable from an object `move_unreachable` has shown
/// reachable.
unsafe fn visit_reachable(op: &PyObject, reachable: *mut PyGC_Head) {
    if !_PyObject_IS_GC(op) {
        return;
    }
    // SAFETY: GC objects have a header; the lists are as `move_unreachable` describes.
    unsafe {
        let gc = as_gc(op);
        // Objects of other generations, and those already scanned, have no
        // collecting flag.
        if !gc_is_collecting(gc) {
            return;
        }
        debug_assert!((*gc).gc_next.get() != 0);
        if (*gc).gc_next.get() & NEXT_MASK_UNREACHABLE != 0 {
            // It was moved to the unreachable list (its count was 0 when the scan got
            // to it) but is reachable after all: back to the young list, where the
            // scan will get to it again. The list functions cannot be used on the
            // unreachable list while its `gc_next` words carry the flag.
            let prev = (*gc).prev();
            let next = ((*gc).gc_next.get() & !NEXT_MASK_UNREACHABLE) as *mut PyGC_Head;
            (*prev).gc_next.set((*gc).gc_next.get());
            (*next).set_prev(prev);
            gc_list_append(gc, reachable);
            gc_set_refs(gc, 1);
        } else if gc_get_refs(gc) == 0 {
            // In the young list, not scanned yet: tell the scan it is reachable.
            gc_set_refs(gc, 1);
        }
        // Otherwise gc_refs > 0: in the young list, and the scan will get to it.
    }
}

/// `move_unreachable`: move the objects of `young` that are not reachable from
/// outside it to `unreachable`. Afterwards `young` holds exactly the reachable ones,
/// doubly linked again and without the collecting flag; the unreachable ones keep the
/// flag and have `NEXT_MASK_UNREACHABLE` in their `gc_next`.
unsafe fn move_unreachable(young: *mut PyGC_Head, unreachable: *mut PyGC_Head) {
    // SAFETY: `young` has been through `update_refs`/`subtract_refs`; its `gc_prev`
    // words hold counts, so only `gc_next` links it (and its head's `gc_prev` still
    // points at its last member). Nothing here runs Python code.
    unsafe {
        // The previous member of the young list, to restore the `gc_prev` links.
        let mut prev = young;
        let mut gc = (*young).next();
        // Invariant: everything to the left of `gc` in young is reachable and has
        // been scanned; the objects of the original young list to its left that are
        // not in young are in unreachable.
        while gc != young {
            if gc_get_refs(gc) != 0 {
                // Reachable from outside: scan it. The traversal may append objects
                // to young (which can change `gc`'s `gc_next` when it is the last), so
                // the next object is read afterwards.
                let op = obj_of(gc);
                traverse(op, &mut |child| visit_reachable(child, young));
                (*gc).set_prev(prev);
                gc_clear_collecting(gc);
                prev = gc;
            } else {
                // Perhaps unreachable: move it to unreachable for now; if an object
                // scanned later reaches it, `visit_reachable` brings it back.
                (*prev).gc_next.set((*gc).gc_next.get());
                let last = (*unreachable).prev();
                // Every member of unreachable carries the flag; setting it on the head's
                // `gc_next` as well is harmless and repaired below.
                (*last).gc_next.set(NEXT_MASK_UNREACHABLE | gc as usize);
                (*gc).set_prev(last);
                (*gc)
                    .gc_next
                    .set(NEXT_MASK_UNREACHABLE | unreachable as usize);
                (*unreachable).gc_prev.set(gc as usize);
            }
            gc = (*prev).next();
        }
        (*young).gc_prev.set(prev as usize);
        (*unreachable)
            .gc_next
            .set((*unreachable).gc_next.get() & !NEXT_MASK_UNREACHABLE);
    }
}

/// `untrack_tuples`: tuples that hold only untracked objects cannot be in a cycle.
unsafe fn untrack_tuples(head: *mut PyGC_Head) {
    // SAFETY: `head` is a live doubly linked list; untracking unlinks the current
    // member only, after its successor has been read.
    unsafe {
        let mut gc = (*head).next();
        while gc != head {
            let next = (*gc).next();
            _PyTuple_MaybeUntrack(obj_of(gc));
            gc = next;
        }
    }
}

/// `untrack_dicts`: the same for dicts, in full collections only (a dict is
/// re-tracked as soon as it receives a container, so doing it in every collection
/// would make building a big dict quadratic, bpo-14775).
unsafe fn untrack_dicts(head: *mut PyGC_Head) {
    // SAFETY: as in `untrack_tuples`.
    unsafe {
        let mut gc = (*head).next();
        while gc != head {
            let next = (*gc).next();
            _PyDict_MaybeUntrack(obj_of(gc));
            gc = next;
        }
    }
}

/// `has_legacy_finalizer`: a pre-PEP 442 `tp_del`. pyrs has no such slot.
fn has_legacy_finalizer(_op: &PyObject) -> bool {
    false
}

/// `move_legacy_finalizers`: clear the unreachable flag of every object in
/// `unreachable`, and move those with a legacy finalizer to `finalizers`.
unsafe fn move_legacy_finalizers(unreachable: *mut PyGC_Head, finalizers: *mut PyGC_Head) {
    // SAFETY: `unreachable` is as `move_unreachable` left it.
    unsafe {
        debug_assert!((*unreachable).gc_next.get() & NEXT_MASK_UNREACHABLE == 0);
        let mut gc = (*unreachable).next();
        while gc != unreachable {
            debug_assert!((*gc).gc_next.get() & NEXT_MASK_UNREACHABLE != 0);
            (*gc)
                .gc_next
                .set((*gc).gc_next.get() & !NEXT_MASK_UNREACHABLE);
            let next = (*gc).next();
            if has_legacy_finalizer(obj_of(gc)) {
                gc_clear_collecting(gc);
                gc_list_move(gc, finalizers);
            }
            gc = next;
        }
    }
}

/// `clear_unreachable_mask`.
unsafe fn clear_unreachable_mask(unreachable: *mut PyGC_Head) {
    // SAFETY: as in `move_legacy_finalizers`.
    unsafe {
        let mut gc = (*unreachable).next();
        while gc != unreachable {
            (*gc)
                .gc_next
                .set((*gc).gc_next.get() & !NEXT_MASK_UNREACHABLE);
            gc = (*gc).next();
        }
    }
}

/// `visit_move`: move a still-collecting object to `tolist`.
unsafe fn visit_move(op: &PyObject, tolist: *mut PyGC_Head) {
    if _PyObject_IS_GC(op) {
        // SAFETY: GC objects have a header; collecting ones are in a doubly linked
        // list at this point.
        unsafe {
            let gc = as_gc(op);
            if gc_is_collecting(gc) {
                gc_list_move(gc, tolist);
                gc_clear_collecting(gc);
            }
        }
    }
}

/// `move_legacy_finalizer_reachable`: what an object with a legacy finalizer reaches
/// cannot be collected either.
unsafe fn move_legacy_finalizer_reachable(finalizers: *mut PyGC_Head) {
    // SAFETY: `finalizers` is a live list; it may grow during the walk.
    unsafe {
        let mut gc = (*finalizers).next();
        while gc != finalizers {
            traverse(obj_of(gc), &mut |child| visit_move(child, finalizers));
            gc = (*gc).next();
        }
    }
}

/// `handle_weakrefs`: clear every weak reference to the garbage before any finalizer
/// or `tp_clear` runs, and call the callbacks of those weak references that are not
/// garbage themselves. Returns the number of such weak references freed by their
/// callback's completion.
unsafe fn handle_weakrefs(unreachable: *mut PyGC_Head, old: *mut PyGC_Head) -> Py_ssize_t {
    // SAFETY: `unreachable` is a doubly linked list of tracked objects with the
    // collecting flag. No Python code runs until the second loop.
    unsafe {
        let wrcb_to_call_head = PyGC_Head::unlinked();
        let wrcb_to_call = &wrcb_to_call_head as *const PyGC_Head as *mut PyGC_Head;
        gc_list_init(wrcb_to_call);
        let mut num_freed = 0;

        // Clear every weak reference to an unreachable object first: no callback may
        // run while one of them could still reach the garbage.
        let mut gc = (*unreachable).next();
        while gc != unreachable {
            let op = obj_of(gc);
            let next = (*gc).next();
            if PyWeakref_Check(op) {
                // A weak reference that is garbage itself is cleared so that its
                // callback cannot run later (from `delete_garbage`) and see objects
                // already cleared (bpo-38006).
                _PyWeakref_ClearRef(&*(op as *const PyObject as *const PyWeakReference));
            }
            if _PyType_SUPPORTS_WEAKREFS(op.ob_type()) {
                let wrlist = weakrefs_listptr(op);
                loop {
                    let wr = *wrlist;
                    if wr.is_null() {
                        break;
                    }
                    let wr = &*wr;
                    // Clearing unlinks it, which changes `*wrlist`.
                    _PyWeakref_ClearRef(wr);
                    if wr.wr_callback.get_ref().is_none() {
                        continue;
                    }
                    let wrobj = &wr.ob_base;
                    // A weak reference that is garbage too does not get its callback
                    // (it was cleared above or will be); nor does one whose own count
                    // is zero (deferred by the trashcan, so already untracked).
                    if wrobj.refcnt() == 0
                        || !include::gc::is_tracked(wrobj)
                        || gc_is_collecting(as_gc(wrobj))
                    {
                        continue;
                    }
                    // Keep it alive until its callback has run, in its own list.
                    wrobj.incref();
                    gc_list_move(as_gc(wrobj), wrcb_to_call);
                }
            }
            gc = next;
        }

        // The callbacks cannot reach the garbage now.
        while !gc_list_is_empty(wrcb_to_call) {
            let gc = (*wrcb_to_call).next();
            let op = PyObjectRef::from_raw(std::ptr::NonNull::new_unchecked(from_gc(gc)));
            let wr = &*(op.as_ptr() as *const PyWeakReference);
            if let Some(callback) = wr.wr_callback.get() {
                objects::weakrefobject::handle_callback(&op, &callback);
            }
            // Give up the reference taken above. If that frees the weak reference, its
            // deallocator unlinks it from `wrcb_to_call`.
            drop(op);
            if (*wrcb_to_call).next() == gc {
                gc_list_move(gc, old);
            } else {
                num_freed += 1;
            }
        }
        num_freed
    }
}

/// `finalize_garbage`: run `tp_finalize` (`__del__`) once on each object of
/// `collectable` (PEP 442). Finalizers can free any object of the list or resurrect
/// them; each object is moved to a `seen` list before its finalizer runs.
unsafe fn finalize_garbage(collectable: *mut PyGC_Head) {
    // SAFETY: `collectable` is a doubly linked list; objects that die during a
    // finalizer unlink themselves from whichever list they are in.
    unsafe {
        let seen_head = PyGC_Head::unlinked();
        let seen = &seen_head as *const PyGC_Head as *mut PyGC_Head;
        gc_list_init(seen);
        while !gc_list_is_empty(collectable) {
            let gc = (*collectable).next();
            let op = obj_of(gc);
            gc_list_move(gc, seen);
            if (*gc).gc_prev.get() & PREV_MASK_FINALIZED == 0 {
                if let Some(finalize) = op.ob_type().tp_finalize.get() {
                    (*gc).gc_prev.set((*gc).gc_prev.get() | PREV_MASK_FINALIZED);
                    let keep = op.to_owned();
                    finalize(&keep);
                    drop(keep);
                }
            }
        }
        gc_list_merge(seen, collectable);
    }
}

/// `deduce_unreachable`: steps 1 to 3 of the module note on `base`.
unsafe fn deduce_unreachable(base: *mut PyGC_Head, unreachable: *mut PyGC_Head) {
    // SAFETY: `base` is a list of tracked objects; no Python code runs here.
    unsafe {
        update_refs(base);
        subtract_refs(base);
        move_unreachable(base, unreachable);
    }
}

/// `gc_list_clear_collecting`.
unsafe fn gc_list_clear_collecting(collectable: *mut PyGC_Head) {
    // SAFETY: `collectable` is a live doubly linked list.
    unsafe {
        let mut gc = (*collectable).next();
        while gc != collectable {
            gc_clear_collecting(gc);
            gc = (*gc).next();
        }
    }
}

/// `handle_resurrected_objects`: after the finalizers ran, compute again which of
/// the garbage is still unreachable (a finalizer may have stored a reference to some
/// of it). The resurrected objects go to the old generation; the rest, with the
/// collecting flag, to `still_unreachable`.
unsafe fn handle_resurrected_objects(
    unreachable: *mut PyGC_Head,
    still_unreachable: *mut PyGC_Head,
    old_generation: *mut PyGC_Head,
) {
    // SAFETY: `unreachable` is a doubly linked list of tracked objects.
    unsafe {
        gc_list_clear_collecting(unreachable);
        let resurrected = unreachable;
        deduce_unreachable(resurrected, still_unreachable);
        clear_unreachable_mask(still_unreachable);
        gc_list_merge(resurrected, old_generation);
    }
}

/// `delete_garbage`: break the cycles by calling `tp_clear` on each object (or, with
/// `DEBUG_SAVEALL`, keep them all in `gc.garbage`). Objects that survive their
/// `tp_clear` go to the old generation; they may die later.
unsafe fn delete_garbage(collectable: *mut PyGC_Head, old: *mut PyGC_Head) {
    let st = gc_state();
    // SAFETY: `collectable` is a doubly linked list; an object freed by a `tp_clear`
    // unlinks itself.
    unsafe {
        while !gc_list_is_empty(collectable) {
            let gc = (*collectable).next();
            let op = obj_of(gc);
            debug_assert!(op.refcnt() > 0);
            if st.debug.get() & DEBUG_SAVEALL != 0 {
                let _ = PyList_Append(as_list(&garbage_list()), op.to_owned());
            } else if let Some(clear) = op.ob_type().tp_clear.get() {
                let keep = op.to_owned();
                clear(&keep);
                drop(keep);
            }
            if (*collectable).next() == gc {
                // Still alive: move it on.
                gc_clear_collecting(gc);
                gc_list_move(gc, old);
            }
        }
    }
}

/// `handle_legacy_finalizers`: objects with legacy finalizers (and, with
/// `DEBUG_SAVEALL`, everything in `finalizers`) go to `gc.garbage`.
unsafe fn handle_legacy_finalizers(finalizers: *mut PyGC_Head, old: *mut PyGC_Head) {
    let st = gc_state();
    // SAFETY: `finalizers` is a live doubly linked list; appending allocates no GC
    // object.
    unsafe {
        let garbage = garbage_list();
        let mut gc = (*finalizers).next();
        while gc != finalizers {
            let op = obj_of(gc);
            if (st.debug.get() & DEBUG_SAVEALL != 0 || has_legacy_finalizer(op))
                && PyList_Append(as_list(&garbage), op.to_owned()).is_err()
            {
                break;
            }
            gc = (*gc).next();
        }
        gc_list_merge(finalizers, old);
    }
}

/// `debug_cycle`: `gc: collectable <list 0x...>` on stderr.
fn debug_cycle(msg: &str, op: &PyObject) {
    python::sysmodule::write_stderr(&format!(
        "gc: {} <{} {:p}>\n",
        msg,
        op.ob_type().name(),
        op.as_ptr()
    ));
}

/// `show_stats_each_generations`.
fn show_stats_each_generations() {
    let st = gc_state();
    let mut sizes = String::new();
    for i in 0..NUM_GENERATIONS {
        // SAFETY: generation heads are live statics.
        sizes.push_str(&format!(" {}", unsafe { gc_list_size(gen_head(i)) }));
    }
    // SAFETY: as above.
    let permanent = unsafe { gc_list_size(st.permanent_generation.head()) };
    python::sysmodule::write_stderr(&format!(
        "gc: objects in each generation:{sizes}\ngc: objects in permanent generation: {permanent}\n"
    ));
}

/// `gc_collect_main`: collect `generation` and the younger ones. Returns the number
/// of unreachable objects found, as (collected, uncollectable).
fn gc_collect_main(generation: usize) -> (Py_ssize_t, Py_ssize_t) {
    let st = gc_state();
    let debug = st.debug.get();
    let t1 = if debug & DEBUG_STATS != 0 {
        python::sysmodule::write_stderr(&format!("gc: collecting generation {generation}...\n"));
        show_stats_each_generations();
        Some(std::time::Instant::now())
    } else {
        None
    };

    // The collection and allocation counters.
    if generation + 1 < NUM_GENERATIONS {
        let g = &st.generations[generation + 1];
        g.count.set(g.count.get() + 1);
    }
    for g in &st.generations[..=generation] {
        g.count.set(0);
    }

    let unreachable_head = PyGC_Head::unlinked();
    let unreachable = &unreachable_head as *const PyGC_Head as *mut PyGC_Head;
    let finalizers_head = PyGC_Head::unlinked();
    let finalizers = &finalizers_head as *const PyGC_Head as *mut PyGC_Head;
    let final_unreachable_head = PyGC_Head::unlinked();
    let final_unreachable = &final_unreachable_head as *const PyGC_Head as *mut PyGC_Head;

    let mut m: Py_ssize_t = 0;
    let mut n: Py_ssize_t = 0;
    // SAFETY: the list heads above live until the end of this function and are
    // emptied before it returns (their members merged into generation lists).
    // Python code runs only from `handle_weakrefs` on, when every list is doubly
    // linked again.
    unsafe {
        gc_list_init(unreachable);
        gc_list_init(finalizers);
        gc_list_init(final_unreachable);

        // Merge the younger generations into the one being collected.
        for i in 0..generation {
            gc_list_merge(gen_head(i), gen_head(generation));
        }
        let young = gen_head(generation);
        let old = if generation < NUM_GENERATIONS - 1 {
            gen_head(generation + 1)
        } else {
            young
        };

        deduce_unreachable(young, unreachable);
        untrack_tuples(young);

        // The survivors move to the next generation.
        if young != old {
            if generation == NUM_GENERATIONS - 2 {
                st.long_lived_pending
                    .set(st.long_lived_pending.get() + gc_list_size(young));
            }
            gc_list_merge(young, old);
        } else {
            untrack_dicts(young);
            st.long_lived_pending.set(0);
            st.long_lived_total.set(gc_list_size(young));
        }

        // What a legacy finalizer reaches cannot be freed.
        move_legacy_finalizers(unreachable, finalizers);
        move_legacy_finalizer_reachable(finalizers);

        if debug & DEBUG_COLLECTABLE != 0 {
            let mut gc = (*unreachable).next();
            while gc != unreachable {
                debug_cycle("collectable", obj_of(gc));
                gc = (*gc).next();
            }
        }

        // Weak references first, then finalizers, then whatever is still garbage.
        m += handle_weakrefs(unreachable, old);
        finalize_garbage(unreachable);
        handle_resurrected_objects(unreachable, final_unreachable, old);
        m += gc_list_size(final_unreachable);
        delete_garbage(final_unreachable, old);

        let mut gc = (*finalizers).next();
        while gc != finalizers {
            n += 1;
            if debug & DEBUG_UNCOLLECTABLE != 0 {
                debug_cycle("uncollectable", obj_of(gc));
            }
            gc = (*gc).next();
        }
        if let Some(t1) = t1 {
            let d = t1.elapsed().as_secs_f64();
            python::sysmodule::write_stderr(&format!(
                "gc: done, {} unreachable, {} uncollectable, {:.4}s elapsed\n",
                n + m,
                n,
                d
            ));
        }
        handle_legacy_finalizers(finalizers, old);
    }

    // The free lists are emptied only by a collection of the oldest generation.
    if generation == NUM_GENERATIONS - 1 {
        clear_freelists();
    }

    let stats = &st.generation_stats[generation];
    stats.collections.set(stats.collections.get() + 1);
    stats.collected.set(stats.collected.get() + m);
    stats.uncollectable.set(stats.uncollectable.get() + n);
    (m, n)
}

/// `clear_freelists`: give the objects kept on the free lists back to the allocator.
fn clear_freelists() {
    objects::floatobject::_PyFloat_ClearFreeList();
    objects::listobject::_PyList_ClearFreeList();
    objects::sliceobject::_PySlice_ClearCache();
}

/// `invoke_gc_callback`: call every function in `gc.callbacks` with the phase
/// (`"start"` or `"stop"`) and a dict of information.
fn invoke_gc_callback(
    phase: &str,
    generation: usize,
    collected: Py_ssize_t,
    uncollectable: Py_ssize_t,
) {
    let callbacks = callbacks_list();
    let list = as_list(&callbacks);
    if list.is_empty() {
        return;
    }
    let info = PyDict_New();
    let filled = PyDict_SetItemString(&info, "generation", &PyLong_FromLong(generation as i64))
        .and_then(|_| PyDict_SetItemString(&info, "collected", &PyLong_FromSsize_t(collected)))
        .and_then(|_| {
            PyDict_SetItemString(&info, "uncollectable", &PyLong_FromSsize_t(uncollectable))
        });
    if let Err(e) = filled {
        objects::pyhooks::write_unraisable(e, None);
        return;
    }
    let phase = PyUnicode_FromString(phase);
    let mut i = 0;
    // The list may change under the callbacks: its length is read again each time.
    while i < list.len() {
        let Some(cb) = list.get(i) else { break };
        let args = [phase.clone(), info.clone().into_object()];
        if let Err(e) = objects::call::PyObject_Vectorcall(&cb, &args, None) {
            objects::pyhooks::write_unraisable(e, Some(&cb));
        }
        i += 1;
    }
}

/// `gc_collect_with_callback`: a collection announced to `gc.callbacks`.
fn gc_collect_with_callback(generation: usize) -> Py_ssize_t {
    invoke_gc_callback("start", generation, 0, 0);
    let (collected, uncollectable) = gc_collect_main(generation);
    invoke_gc_callback("stop", generation, collected, uncollectable);
    collected + uncollectable
}

/// `gc_collect_generations`: collect the oldest generation whose count exceeds its
/// threshold (and the younger ones with it).
fn gc_collect_generations() -> Py_ssize_t {
    let st = gc_state();
    for i in (0..NUM_GENERATIONS).rev() {
        let g = &st.generations[i];
        if g.count.get() > g.threshold.get() {
            // Full collections are expensive: wait until the objects that entered the
            // oldest generation since the last full collection are a quarter of those
            // that survived it, so that the cost of full collections stays linear in
            // the number of long-lived objects (issue #4074).
            if i == NUM_GENERATIONS - 1
                && st.long_lived_pending.get() < st.long_lived_total.get() / 4
            {
                continue;
            }
            return gc_collect_with_callback(i);
        }
    }
    0
}

/// The scheduled automatic collection (`_Py_RunGC`'s body, CPython 3.12).
fn run_scheduled_collection() {
    let st = gc_state();
    st.collecting.set(true);
    gc_collect_generations();
    st.collecting.set(false);
}

/// Ask the eval loop for attention; it then calls `include::gc::_Py_RunGC`.
fn schedule_collection() {
    python::ceval::EVAL_BREAKER.store(true, Ordering::Relaxed);
}

/// `_PyGC_Init`: install the collector's hooks. Called once at start-up, before any
/// Python code runs.
pub fn _PyGC_Init() {
    let st = gc_state();
    st.schedule_hook.set(Some(schedule_collection));
    st.collect_hook.set(Some(run_scheduled_collection));
    st.collect_nofail_hook.set(Some(gc_collect_nofail));
    st.collect_public_hook.set(Some(gc_collect_public));
}

/// `PyGC_Collect`'s body (the function itself is `include::gc`'s): a full collection
/// with callbacks, if collection is enabled and none is running.
fn gc_collect_public() -> Py_ssize_t {
    let st = gc_state();
    if !st.enabled.get() || st.collecting.get() {
        return 0;
    }
    st.collecting.set(true);
    let n = gc_collect_with_callback(NUM_GENERATIONS - 1);
    st.collecting.set(false);
    n
}

/// `_PyGC_CollectNoFail`'s body (the function itself is `include::gc`'s, so that
/// `Python/pylifecycle.rs` can call it): a full collection without callbacks, for
/// interpreter shutdown. Does nothing if a collection is already running.
fn gc_collect_nofail() -> Py_ssize_t {
    let st = gc_state();
    if st.collecting.get() {
        return 0;
    }
    st.collecting.set(true);
    let (m, n) = gc_collect_main(NUM_GENERATIONS - 1);
    st.collecting.set(false);
    m + n
}

// --- the `gc` module ----------------------------------------------------------------------

/// `_PyLong_AsInt` as Argument Clinic's `int` converter uses it.
fn as_c_int(obj: &PyObject) -> PyResult<i32> {
    objects::listobject::int_converter(obj)
}

/// `gc.enable()`.
fn gc_enable(_m: &PyObject) -> PyResult {
    gc_state().enabled.set(true);
    Ok(none())
}

/// `gc.disable()`.
fn gc_disable(_m: &PyObject) -> PyResult {
    gc_state().enabled.set(false);
    Ok(none())
}

/// `gc.isenabled()`.
fn gc_isenabled(_m: &PyObject) -> PyResult {
    Ok(objects::boolobject::PyBool_FromLong(
        gc_state().enabled.get(),
    ))
}

/// `gc.collect(generation=2)`.
fn gc_collect(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let spec = ArgSpec {
        fname: "collect",
        names: &["generation"],
        posonly: 0,
        maxpos: 1,
        minpos: 0,
        required_kwonly: &[],
    };
    let a = unpack_keywords(&spec, args, kwnames)?;
    let generation = match &a[0] {
        Some(g) => as_c_int(g)?,
        None => (NUM_GENERATIONS - 1) as i32,
    };
    if generation < 0 || generation as usize >= NUM_GENERATIONS {
        return Err(value_error("invalid generation"));
    }
    let st = gc_state();
    let n = if st.collecting.get() {
        // Already collecting (a finalizer called gc.collect()): do nothing.
        0
    } else {
        st.collecting.set(true);
        let n = gc_collect_with_callback(generation as usize);
        st.collecting.set(false);
        n
    };
    Ok(PyLong_FromSsize_t(n))
}

/// `gc.set_debug(flags)`.
fn gc_set_debug(_m: &PyObject, flags: &PyObject) -> PyResult {
    gc_state().debug.set(as_c_int(flags)?);
    Ok(none())
}

/// `gc.get_debug()`.
fn gc_get_debug(_m: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(gc_state().debug.get() as i64))
}

/// `PyArg_ParseTuple`'s `i` format: a C `int`, with its overflow messages.
fn parse_tuple_int(obj: &PyObject) -> PyResult<i32> {
    let v = objects::r#abstract::PyNumber_Index(obj)?;
    match objects::longobject::PyLong_AsSsize_t_opt(&v) {
        Some(n) if n > i32::MAX as isize => {
            Err(overflow_error("signed integer is greater than maximum"))
        }
        Some(n) if n < i32::MIN as isize => {
            Err(overflow_error("signed integer is less than minimum"))
        }
        Some(n) => Ok(n as i32),
        None if objects::longobject::long_sign(&v) < 0 => {
            Err(overflow_error("signed integer is less than minimum"))
        }
        None => Err(overflow_error("signed integer is greater than maximum")),
    }
}

/// `gc.set_threshold(threshold0[, threshold1[, threshold2]])`.
fn gc_set_threshold(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    if args.is_empty() {
        return Err(type_error(format!(
            "set_threshold() takes at least 1 argument ({} given)",
            args.len()
        )));
    }
    if args.len() > 3 {
        return Err(type_error(format!(
            "set_threshold() takes at most 3 arguments ({} given)",
            args.len()
        )));
    }
    // Each value is stored as it is parsed, as `PyArg_ParseTuple` writes through its
    // pointers: a bad third argument leaves the first two set.
    let st = gc_state();
    for (i, a) in args.iter().enumerate() {
        let v = parse_tuple_int(a)?;
        st.generations[i].threshold.set(v as isize);
    }
    Ok(none())
}

/// `gc.get_threshold()`.
fn gc_get_threshold(_m: &PyObject) -> PyResult {
    let st = gc_state();
    let items = st
        .generations
        .iter()
        .map(|g| PyLong_FromSsize_t(g.threshold.get()))
        .collect();
    Ok(PyTuple_New(items).into_object())
}

/// `gc.get_count()`.
fn gc_get_count(_m: &PyObject) -> PyResult {
    let st = gc_state();
    let items = st
        .generations
        .iter()
        .map(|g| PyLong_FromSsize_t(g.count.get()))
        .collect();
    Ok(PyTuple_New(items).into_object())
}

/// `gc.get_referrers(*objs)`: the tracked objects whose `tp_traverse` visits one of
/// `objs`.
fn gc_get_referrers(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let result = PyList_New(Vec::new()).into_object();
    for i in 0..NUM_GENERATIONS {
        // SAFETY: generation heads are live; appending allocates no GC object, and
        // traversal runs no Python code.
        unsafe {
            let list = gen_head(i);
            let mut gc = (*list).next();
            while gc != list {
                let obj = obj_of(gc);
                if !obj.is(&result) {
                    let mut found = false;
                    traverse(obj, &mut |child| {
                        if !found && args.iter().any(|a| a.is(child)) {
                            found = true;
                        }
                    });
                    if found {
                        PyList_Append(as_list(&result), obj.to_owned())?;
                    }
                }
                gc = (*gc).next();
            }
        }
    }
    Ok(result)
}

/// `gc.get_referents(*objs)`: what the `tp_traverse` of each GC object in `objs`
/// visits.
fn gc_get_referents(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let mut items: Vec<PyObjectRef> = Vec::new();
    for obj in args {
        if !_PyObject_IS_GC(obj) {
            continue;
        }
        traverse(obj, &mut |child| items.push(child.to_owned()));
    }
    Ok(PyList_New(items).into_object())
}

/// `Py_ssize_t(accept={int, NoneType})`: an optional index, `None` meaning absent.
fn optional_ssize(obj: &PyObject) -> PyResult<Option<Py_ssize_t>> {
    if obj.is(Py_None()) {
        return Ok(None);
    }
    if !objects::r#abstract::PyIndex_Check(obj) {
        return Err(type_error(format!(
            "argument should be integer or None, not '{}'",
            obj.ob_type().name()
        )));
    }
    objects::r#abstract::PyNumber_AsSsize_t(obj, Some(&objects::exceptions::PyExc_OverflowError))
        .map(Some)
}

/// `gc.get_objects(generation=None)`.
fn gc_get_objects(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let spec = ArgSpec {
        fname: "get_objects",
        names: &["generation"],
        posonly: 0,
        maxpos: 1,
        minpos: 0,
        required_kwonly: &[],
    };
    let a = unpack_keywords(&spec, args, kwnames)?;
    let generation = match &a[0] {
        Some(g) => optional_ssize(g)?.unwrap_or(-1),
        None => -1,
    };
    let result = PyList_New(Vec::new()).into_object();
    if generation != -1 {
        if generation >= NUM_GENERATIONS as Py_ssize_t {
            return Err(value_error(format!(
                "generation parameter must be less than the number of available generations ({NUM_GENERATIONS})"
            )));
        }
        if generation < 0 {
            return Err(value_error("generation parameter cannot be negative"));
        }
        // SAFETY: generation heads are live.
        unsafe { append_objects(&result, gen_head(generation as usize))? };
        return Ok(result);
    }
    for i in 0..NUM_GENERATIONS {
        // SAFETY: as above.
        unsafe { append_objects(&result, gen_head(i))? };
    }
    Ok(result)
}

/// `gc.get_stats()`.
fn gc_get_stats(_m: &PyObject) -> PyResult {
    let st = gc_state();
    let mut items = Vec::with_capacity(NUM_GENERATIONS);
    for s in &st.generation_stats {
        let d = PyDict_New();
        PyDict_SetItemString(&d, "collections", &PyLong_FromSsize_t(s.collections.get()))?;
        PyDict_SetItemString(&d, "collected", &PyLong_FromSsize_t(s.collected.get()))?;
        PyDict_SetItemString(
            &d,
            "uncollectable",
            &PyLong_FromSsize_t(s.uncollectable.get()),
        )?;
        items.push(d.into_object());
    }
    Ok(PyList_New(items).into_object())
}

/// `gc.is_tracked(obj)`.
fn gc_is_tracked(_m: &PyObject, obj: &PyObject) -> PyResult {
    // SAFETY: `_PyObject_IS_GC` says the object has a header.
    let tracked = _PyObject_IS_GC(obj) && unsafe { is_tracked(obj) };
    Ok(objects::boolobject::PyBool_FromLong(tracked))
}

/// `gc.is_finalized(obj)`.
fn gc_is_finalized(_m: &PyObject, obj: &PyObject) -> PyResult {
    // SAFETY: `_PyObject_IS_GC` says the object has a header.
    let finalized = _PyObject_IS_GC(obj) && unsafe { gc_finalized(obj) };
    Ok(objects::boolobject::PyBool_FromLong(finalized))
}

/// `gc.freeze()`: move every tracked object to the permanent generation, which is
/// never collected.
fn gc_freeze(_m: &PyObject) -> PyResult {
    let st = gc_state();
    for i in 0..NUM_GENERATIONS {
        // SAFETY: generation heads are live statics.
        unsafe { gc_list_merge(gen_head(i), st.permanent_generation.head()) };
        st.generations[0].count.set(0);
    }
    Ok(none())
}

/// `gc.unfreeze()`: the permanent generation goes back into the oldest one.
fn gc_unfreeze(_m: &PyObject) -> PyResult {
    let st = gc_state();
    // SAFETY: generation heads are live statics.
    unsafe {
        gc_list_merge(
            st.permanent_generation.head(),
            gen_head(NUM_GENERATIONS - 1),
        )
    };
    Ok(none())
}

/// `gc.get_freeze_count()`.
fn gc_get_freeze_count(_m: &PyObject) -> PyResult {
    // SAFETY: the head is a live static.
    Ok(PyLong_FromSsize_t(unsafe {
        gc_list_size(gc_state().permanent_generation.head())
    }))
}

static GC_METHODS: [PyMethodDef; 18] = [
    PyMethodDef::new(
        "enable",
        PyCFunction::NoArgs(gc_enable),
        "enable($module, /)\n--\n\nEnable automatic garbage collection.",
    ),
    PyMethodDef::new(
        "disable",
        PyCFunction::NoArgs(gc_disable),
        "disable($module, /)\n--\n\nDisable automatic garbage collection.",
    ),
    PyMethodDef::new(
        "isenabled",
        PyCFunction::NoArgs(gc_isenabled),
        "isenabled($module, /)\n--\n\nReturns true if automatic garbage collection is enabled.",
    ),
    PyMethodDef::new(
        "set_debug",
        PyCFunction::O(gc_set_debug),
        "set_debug($module, flags, /)\n--\n\nSet the garbage collection debugging flags.\n\n  flags\n    An integer that can have the following bits turned on:\n      DEBUG_STATS - Print statistics during collection.\n      DEBUG_COLLECTABLE - Print collectable objects found.\n      DEBUG_UNCOLLECTABLE - Print unreachable but uncollectable objects\n        found.\n      DEBUG_SAVEALL - Save objects to gc.garbage rather than freeing them.\n      DEBUG_LEAK - Debug leaking programs (everything but STATS).\n\nDebugging information is written to sys.stderr.",
    ),
    PyMethodDef::new(
        "get_debug",
        PyCFunction::NoArgs(gc_get_debug),
        "get_debug($module, /)\n--\n\nGet the garbage collection debugging flags.",
    ),
    PyMethodDef::new(
        "get_count",
        PyCFunction::NoArgs(gc_get_count),
        "get_count($module, /)\n--\n\nReturn a three-tuple of the current collection counts.",
    ),
    PyMethodDef::new(
        "set_threshold",
        PyCFunction::Fast(gc_set_threshold),
        "set_threshold(threshold0, [threshold1, threshold2]) -> None\n\nSets the collection thresholds.  Setting threshold0 to zero disables\ncollection.\n",
    ),
    PyMethodDef::new(
        "get_threshold",
        PyCFunction::NoArgs(gc_get_threshold),
        "get_threshold($module, /)\n--\n\nReturn the current collection thresholds.",
    ),
    PyMethodDef::new(
        "collect",
        PyCFunction::FastKw(gc_collect),
        "collect($module, /, generation=2)\n--\n\nRun the garbage collector.\n\nWith no arguments, run a full collection.  The optional argument\nmay be an integer specifying which generation to collect.  A ValueError\nis raised if the generation number is invalid.\n\nThe number of unreachable objects is returned.",
    ),
    PyMethodDef::new(
        "get_objects",
        PyCFunction::FastKw(gc_get_objects),
        "get_objects($module, /, generation=None)\n--\n\nReturn a list of objects tracked by the collector (excluding the list returned).\n\n  generation\n    Generation to extract the objects from.\n\nIf generation is not None, return only the objects tracked by the collector\nthat are in that generation.",
    ),
    PyMethodDef::new(
        "get_stats",
        PyCFunction::NoArgs(gc_get_stats),
        "get_stats($module, /)\n--\n\nReturn a list of dictionaries containing per-generation statistics.",
    ),
    PyMethodDef::new(
        "is_tracked",
        PyCFunction::O(gc_is_tracked),
        "is_tracked($module, obj, /)\n--\n\nReturns true if the object is tracked by the garbage collector.\n\nSimple atomic objects will return false.",
    ),
    PyMethodDef::new(
        "is_finalized",
        PyCFunction::O(gc_is_finalized),
        "is_finalized($module, obj, /)\n--\n\nReturns true if the object has been already finalized by the GC.",
    ),
    PyMethodDef::new(
        "get_referrers",
        PyCFunction::Fast(gc_get_referrers),
        "get_referrers(*objs) -> list\nReturn the list of objects that directly refer to any of objs.",
    ),
    PyMethodDef::new(
        "get_referents",
        PyCFunction::Fast(gc_get_referents),
        "get_referents(*objs) -> list\nReturn the list of objects that are directly referred to by objs.",
    ),
    PyMethodDef::new(
        "freeze",
        PyCFunction::NoArgs(gc_freeze),
        "freeze($module, /)\n--\n\nFreeze all current tracked objects and ignore them for future collections.\n\nThis can be used before a POSIX fork() call to make the gc copy-on-write friendly.\nNote: collection before a POSIX fork() call may free pages for future allocation\nwhich can cause copy-on-write.",
    ),
    PyMethodDef::new(
        "unfreeze",
        PyCFunction::NoArgs(gc_unfreeze),
        "unfreeze($module, /)\n--\n\nUnfreeze all objects in the permanent generation.\n\nPut all objects in the permanent generation back into oldest generation.",
    ),
    PyMethodDef::new(
        "get_freeze_count",
        PyCFunction::NoArgs(gc_get_freeze_count),
        "get_freeze_count($module, /)\n--\n\nReturn the number of objects in the permanent generation.",
    ),
];

const GC_DOC: &str = "This module provides access to the garbage collector for reference cycles.\n\nenable() -- Enable automatic garbage collection.\ndisable() -- Disable automatic garbage collection.\nisenabled() -- Returns true if automatic collection is enabled.\ncollect() -- Do a full collection right now.\nget_count() -- Return the current collection counts.\nget_stats() -- Return list of dictionaries containing per-generation stats.\nset_debug() -- Set debugging flags.\nget_debug() -- Get debugging flags.\nset_threshold() -- Set the collection thresholds.\nget_threshold() -- Return the current the collection thresholds.\nget_objects() -- Return a list of all objects tracked by the collector.\nis_tracked() -- Returns true if a given object is tracked.\nis_finalized() -- Returns true if a given object has been already finalized.\nget_referrers() -- Return the list of objects that refer to an object.\nget_referents() -- Return the list of objects that an object refers to.\nfreeze() -- Freeze all tracked objects and ignore them for future collections.\nunfreeze() -- Unfreeze all objects in the permanent generation.\nget_freeze_count() -- Return the number of objects in the permanent generation.\n";

/// Make the `gc` module (`PyInit_gc`).
pub fn PyInit_gc() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("gc")?;
    PyModule_AddFunctions(&m, &GC_METHODS)?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(GC_DOC))?;
    PyModule_AddObject(&m, "garbage", &garbage_list())?;
    PyModule_AddObject(&m, "callbacks", &callbacks_list())?;
    for (name, value) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", DEBUG_LEAK),
    ] {
        PyModule_AddObject(&m, name, &PyLong_FromLong(value as i64))?;
    }
    Ok(m)
}
