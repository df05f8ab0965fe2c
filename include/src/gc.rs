//! The cycle collector's per-object header and generation lists. Mirrors
//! Include/internal/pycore_gc.h and the tracking helpers of pycore_object.h
//! (CPython 3.11); the collector itself is `modules::gcmodule` (Modules/gcmodule.c).
//!
//! Objects of types with `Py_TPFLAGS_HAVE_GC` are allocated with a [`PyGC_Head`] just
//! before their `PyObject` header. A tracked object is linked into the list of its
//! generation; allocation counts toward generation 0's threshold and, once it is
//! crossed, calls the collector hook that the `gc` module installs.

use std::cell::Cell;

use crate::object::{GlobalCell, PyObject};

/// The two words in front of every GC object (`PyGC_Head`). `gc_next` and `gc_prev`
/// link the object into its generation's circular list; both are zero when the object
/// is untracked. The collector may borrow the upper bits of `gc_prev` during a
/// collection, as CPython's does.
#[repr(C)]
pub struct PyGC_Head {
    pub gc_next: Cell<usize>,
    pub gc_prev: Cell<usize>,
}

/// The size of the GC header, and so of the offset from the start of a GC object's
/// allocation to its `PyObject` header.
pub const GC_HEAD_SIZE: usize = std::mem::size_of::<PyGC_Head>();

/// The GC header of an object (`_Py_AS_GC`).
///
/// # Safety
/// `op` must be an object of a GC type (allocated with a GC header).
#[inline(always)]
pub unsafe fn as_gc(op: *const PyObject) -> *mut PyGC_Head {
    // SAFETY: GC objects are allocated with the header immediately before them.
    unsafe { (op as *mut u8).sub(GC_HEAD_SIZE) as *mut PyGC_Head }
}

/// The object behind a GC header (`FROM_GC`).
///
/// # Safety
/// `g` must be the GC header of a live object.
#[inline(always)]
pub unsafe fn from_gc(g: *mut PyGC_Head) -> *mut PyObject {
    // SAFETY: the object follows its header.
    unsafe { (g as *mut u8).add(GC_HEAD_SIZE) as *mut PyObject }
}

/// One generation: the list head, the collection threshold and the count that is
/// compared with it (allocations for generation 0, collections of the younger
/// generation for the others).
pub struct GcGeneration {
    pub head: PyGC_Head,
    pub threshold: Cell<usize>,
    pub count: Cell<usize>,
}

/// The number of generations (`NUM_GENERATIONS`).
pub const NUM_GENERATIONS: usize = 3;

/// The collector's state (`struct _gc_runtime_state`).
pub struct GcState {
    pub generations: [GcGeneration; NUM_GENERATIONS],
    /// Objects moved out of collection by `gc.freeze()`.
    pub permanent_generation: GcGeneration,
    pub enabled: Cell<bool>,
    /// A collection is running: do not start another.
    pub collecting: Cell<bool>,
    /// Called when generation 0's count passes its threshold (installed by the `gc`
    /// module at start-up).
    pub collect_hook: Cell<Option<fn()>>,
}

const fn generation(threshold: usize) -> GcGeneration {
    GcGeneration {
        head: PyGC_Head {
            gc_next: Cell::new(0),
            gc_prev: Cell::new(0),
        },
        threshold: Cell::new(threshold),
        count: Cell::new(0),
    }
}

/// The one collector state of the process. The list heads are linked to themselves on
/// first use (their addresses are not known at compile time).
pub static GC_STATE: GlobalCell<GcState> = GlobalCell::new(GcState {
    generations: [generation(700), generation(10), generation(10)],
    permanent_generation: generation(0),
    enabled: Cell::new(true),
    collecting: Cell::new(false),
    collect_hook: Cell::new(None),
});

/// The collector state.
#[inline(always)]
pub fn gc_state() -> &'static GcState {
    // SAFETY: the state is only ever borrowed shared; its fields are `Cell`s.
    unsafe { GC_STATE.get_ref() }
}

impl GcGeneration {
    /// The list head, made into an empty circular list on first use.
    #[inline(always)]
    pub fn head(&self) -> *mut PyGC_Head {
        let h = &self.head as *const PyGC_Head as *mut PyGC_Head;
        if self.head.gc_next.get() == 0 {
            self.head.gc_next.set(h as usize);
            self.head.gc_prev.set(h as usize);
        }
        h
    }
}

/// Whether the object is tracked (`_PyObject_GC_IS_TRACKED`).
///
/// # Safety
/// `op` must be an object of a GC type.
#[inline(always)]
pub unsafe fn is_tracked(op: *const PyObject) -> bool {
    // SAFETY: the caller guarantees `op` has a GC header.
    unsafe { (*as_gc(op)).gc_next.get() != 0 }
}

/// Link the object into generation 0 (`_PyObject_GC_TRACK`). Does nothing if it is
/// already tracked.
///
/// # Safety
/// `op` must be a live object of a GC type whose fields are all initialised (the
/// collector may traverse it from now on).
#[inline]
pub unsafe fn gc_track(op: *const PyObject) {
    // SAFETY: the caller guarantees `op` has a GC header; list heads are live statics.
    unsafe {
        let g = as_gc(op);
        if (*g).gc_next.get() != 0 {
            return;
        }
        let head = gc_state().generations[0].head();
        let last = ((*head).gc_prev.get() & !3) as *mut PyGC_Head;
        (*last).gc_next.set(g as usize);
        (*g).gc_prev.set(last as usize | ((*g).gc_prev.get() & PREV_MASK_FINALIZED));
        (*g).gc_next.set(head as usize);
        (*head).gc_prev.set(g as usize);
    }
}

/// Unlink the object from its generation (`_PyObject_GC_UNTRACK`). Does nothing if it
/// is not tracked.
///
/// # Safety
/// `op` must be a live object of a GC type.
#[inline]
pub unsafe fn gc_untrack(op: *const PyObject) {
    // SAFETY: the caller guarantees `op` has a GC header; its neighbours are live.
    unsafe {
        let g = as_gc(op);
        let next = (*g).gc_next.get() as *mut PyGC_Head;
        if next.is_null() {
            return;
        }
        // The low bits of gc_prev may carry collector flags; mask them off.
        let prev = ((*g).gc_prev.get() & !3) as *mut PyGC_Head;
        (*prev).gc_next.set(next as usize);
        (*next).gc_prev.set(((*next).gc_prev.get() & 3) | prev as usize);
        // Keep the "finalized" bit (PEP 442: `__del__` runs at most once).
        (*g).gc_next.set(0);
        (*g).gc_prev.set((*g).gc_prev.get() & PREV_MASK_FINALIZED);
    }
}

/// Bit 0 of `gc_prev`: the object's finalizer has run (`_PyGC_PREV_MASK_FINALIZED`).
pub const PREV_MASK_FINALIZED: usize = 1;

/// Whether the object's `tp_finalize` has already run (`_PyGC_FINALIZED`).
///
/// # Safety
/// `op` must be an object of a GC type.
#[inline]
pub unsafe fn gc_finalized(op: *const PyObject) -> bool {
    // SAFETY: the caller guarantees `op` has a GC header.
    unsafe { (*as_gc(op)).gc_prev.get() & PREV_MASK_FINALIZED != 0 }
}

/// Record that the object's `tp_finalize` has run (`_PyGC_SET_FINALIZED`).
///
/// # Safety
/// `op` must be an object of a GC type.
#[inline]
pub unsafe fn gc_set_finalized(op: *const PyObject) {
    // SAFETY: the caller guarantees `op` has a GC header.
    unsafe {
        let g = as_gc(op);
        (*g).gc_prev.set((*g).gc_prev.get() | PREV_MASK_FINALIZED);
    }
}

/// Count an allocation of a GC object and run the collector if generation 0 is full
/// (`_PyObject_GC_Link`'s accounting).
#[inline]
pub fn gc_note_allocation() {
    let st = gc_state();
    let gen0 = &st.generations[0];
    let count = gen0.count.get() + 1;
    gen0.count.set(count);
    if count > gen0.threshold.get()
        && gen0.threshold.get() != 0
        && st.enabled.get()
        && !st.collecting.get()
    {
        if let Some(hook) = st.collect_hook.get() {
            hook();
        }
    }
}

/// Count a deallocation of a GC object (`PyObject_GC_Del`'s accounting).
#[inline]
pub fn gc_note_deallocation() {
    let gen0 = &gc_state().generations[0];
    let count = gen0.count.get();
    if count > 0 {
        gen0.count.set(count - 1);
    }
}
