//! The cycle collector's per-object header and generation lists. Mirrors
//! Include/internal/pycore_gc.h and the tracking helpers of pycore_object.h
//! (CPython 3.11); the collector itself is `modules::gcmodule` (Modules/gcmodule.c).
//!
//! Objects of types with `Py_TPFLAGS_HAVE_GC` are allocated with a [`PyGC_Head`] just
//! before their `PyObject` header. A tracked object is linked into the list of its
//! generation; allocation counts toward generation 0's threshold and, once it is
//! crossed, schedules a collection.
//!
//! Differences from CPython 3.11: a collection is not run inside the allocation that
//! crosses the threshold. The allocation only *schedules* it (as CPython 3.12 does,
//! `_Py_ScheduleGC`), and the eval loop runs it at its next check of the eval breaker
//! (a `RESUME` or a backward jump, `_Py_RunGC`). Rust code all over the object layer
//! allocates while it holds borrows of container interiors; running finalizers and
//! `tp_clear` there could mutate what is borrowed. At the eval breaker nothing is
//! borrowed. The thresholds and counts are CPython's, so collections happen after the
//! same number of allocations, only a few instructions later.

use std::cell::Cell;

use crate::cpython::object::flags::Py_TPFLAGS_TYPE_SUBCLASS;
use crate::cpython::object::PyTypeObject;
use crate::object::{GlobalCell, PyObject, Py_ssize_t};

/// The two words in front of every GC object (`PyGC_Head`). `gc_next` and `gc_prev`
/// link the object into its generation's circular list; `gc_next` is zero when the
/// object is untracked.
///
/// The low bits carry flags, as in CPython 3.8+: bit 0 of `gc_prev` says the
/// finalizer ran ([`PREV_MASK_FINALIZED`]) and bit 1 that the object is in the
/// generation being collected ([`PREV_MASK_COLLECTING`]). During a collection the
/// upper bits of `gc_prev` hold the object's `gc_refs` count instead of a pointer
/// (shifted by [`PREV_SHIFT`]), and bit 0 of `gc_next` marks the objects that were
/// moved to the tentatively unreachable list ([`NEXT_MASK_UNREACHABLE`]).
#[repr(C)]
pub struct PyGC_Head {
    pub gc_next: Cell<usize>,
    pub gc_prev: Cell<usize>,
}

/// The size of the GC header, and so of the offset from the start of a GC object's
/// allocation to its `PyObject` header.
pub const GC_HEAD_SIZE: usize = std::mem::size_of::<PyGC_Head>();

/// Bit 0 of `gc_prev`: the object's finalizer has run (`_PyGC_PREV_MASK_FINALIZED`).
pub const PREV_MASK_FINALIZED: usize = 1;
/// Bit 1 of `gc_prev`: the object is in the generation being collected
/// (`_PyGC_PREV_MASK_COLLECTING`).
pub const PREV_MASK_COLLECTING: usize = 2;
/// How far `gc_refs` is shifted up in `gc_prev` (`_PyGC_PREV_SHIFT`).
pub const PREV_SHIFT: u32 = 2;
/// The pointer bits of `gc_prev` (`_PyGC_PREV_MASK`).
pub const PREV_MASK: usize = !((1 << PREV_SHIFT) - 1);
/// Bit 0 of `gc_next`, only during a collection: the object is in the tentatively
/// unreachable list (`NEXT_MASK_UNREACHABLE`).
pub const NEXT_MASK_UNREACHABLE: usize = 1;

impl PyGC_Head {
    /// A header whose list links point at itself (`gc_list_init`), for list heads.
    pub const fn unlinked() -> PyGC_Head {
        PyGC_Head {
            gc_next: Cell::new(0),
            gc_prev: Cell::new(0),
        }
    }

    /// The next header (`_PyGCHead_NEXT`).
    #[inline(always)]
    pub fn next(&self) -> *mut PyGC_Head {
        self.gc_next.get() as *mut PyGC_Head
    }

    /// Set the next header (`_PyGCHead_SET_NEXT`); overwrites the whole word.
    #[inline(always)]
    pub fn set_next(&self, next: *mut PyGC_Head) {
        self.gc_next.set(next as usize);
    }

    /// The previous header (`_PyGCHead_PREV`), flags masked off.
    #[inline(always)]
    pub fn prev(&self) -> *mut PyGC_Head {
        (self.gc_prev.get() & PREV_MASK) as *mut PyGC_Head
    }

    /// Set the previous header, keeping the flag bits (`_PyGCHead_SET_PREV`).
    #[inline(always)]
    pub fn set_prev(&self, prev: *mut PyGC_Head) {
        self.gc_prev
            .set((self.gc_prev.get() & !PREV_MASK) | (prev as usize & PREV_MASK));
    }
}

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

/// Does `op` carry a GC header (`_PyObject_IS_GC`)? Instances of GC types do, except
/// type objects that are not heap types: `type` is a GC type, but `int`, `list` and
/// the other built-in types are statics without a header (CPython asks
/// `type->tp_is_gc`, which for `type` is `type_is_gc`: "is it a heap type?").
#[inline]
pub fn _PyObject_IS_GC(op: &PyObject) -> bool {
    let tp = op.ob_type();
    if !tp.is_gc() {
        return false;
    }
    if tp.has_feature(Py_TPFLAGS_TYPE_SUBCLASS) {
        // SAFETY: instances of `type` and its subclasses have `PyTypeObject`'s layout.
        let as_type = unsafe { &*(op as *const PyObject as *const PyTypeObject) };
        return as_type.is_heap_type();
    }
    true
}

/// Per-generation statistics, as `gc.get_stats()` reports them
/// (`struct gc_generation_stats`).
pub struct GcGenerationStats {
    /// Collections of this generation.
    pub collections: Cell<Py_ssize_t>,
    /// Objects collected (freed) by them.
    pub collected: Cell<Py_ssize_t>,
    /// Objects found unreachable but not freed (`gc.garbage`).
    pub uncollectable: Cell<Py_ssize_t>,
}

/// One generation: the list head, the collection threshold and the count that is
/// compared with it (allocations minus deallocations for generation 0, collections of
/// the younger generation for the others). Both are C `int`s in CPython; a negative
/// threshold is accepted and means "collect every time".
pub struct GcGeneration {
    pub head: PyGC_Head,
    pub threshold: Cell<isize>,
    pub count: Cell<isize>,
}

/// The number of generations (`NUM_GENERATIONS`).
pub const NUM_GENERATIONS: usize = 3;

/// `gc.DEBUG_*` flags.
pub const DEBUG_STATS: i32 = 1 << 0;
pub const DEBUG_COLLECTABLE: i32 = 1 << 1;
pub const DEBUG_UNCOLLECTABLE: i32 = 1 << 2;
pub const DEBUG_SAVEALL: i32 = 1 << 5;
pub const DEBUG_LEAK: i32 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/// The collector's state (`struct _gc_runtime_state`). The Python lists `gc.garbage`
/// and `gc.callbacks` live with the `gc` module.
pub struct GcState {
    pub generations: [GcGeneration; NUM_GENERATIONS],
    /// Objects moved out of collection by `gc.freeze()`.
    pub permanent_generation: GcGeneration,
    pub generation_stats: [GcGenerationStats; NUM_GENERATIONS],
    /// Automatic collection is enabled (`gc.enable()`).
    pub enabled: Cell<bool>,
    /// `gc.set_debug()` flags.
    pub debug: Cell<i32>,
    /// A collection is running: do not start another.
    pub collecting: Cell<bool>,
    /// Objects in the oldest generation after its last full collection, and objects
    /// that have entered it since; a full collection waits until the second is a
    /// quarter of the first (see `gc_collect_generations`).
    pub long_lived_total: Cell<Py_ssize_t>,
    pub long_lived_pending: Cell<Py_ssize_t>,
    /// Generation 0 passed its threshold: the eval loop runs a collection at its next
    /// eval-breaker check (3.12's `_PY_GC_SCHEDULED_BIT`).
    pub collection_scheduled: Cell<bool>,
    /// Asks the eval loop for attention (sets its eval breaker); installed at start-up.
    pub schedule_hook: Cell<Option<fn()>>,
    /// Runs the collection of the generations whose thresholds are exceeded
    /// (`gc_collect_generations`); installed by the `gc` module at start-up.
    pub collect_hook: Cell<Option<fn()>>,
    /// Runs a full collection without callbacks (`_PyGC_CollectNoFail`); installed by
    /// the `gc` module at start-up.
    pub collect_nofail_hook: Cell<Option<fn() -> Py_ssize_t>>,
}

const fn generation(threshold: isize) -> GcGeneration {
    GcGeneration {
        head: PyGC_Head::unlinked(),
        threshold: Cell::new(threshold),
        count: Cell::new(0),
    }
}

const fn stats() -> GcGenerationStats {
    GcGenerationStats {
        collections: Cell::new(0),
        collected: Cell::new(0),
        uncollectable: Cell::new(0),
    }
}

/// The one collector state of the process, with CPython's default thresholds
/// (700, 10, 10). The list heads are linked to themselves on first use (their
/// addresses are not known at compile time).
pub static GC_STATE: GlobalCell<GcState> = GlobalCell::new(GcState {
    generations: [generation(700), generation(10), generation(10)],
    permanent_generation: generation(0),
    generation_stats: [stats(), stats(), stats()],
    enabled: Cell::new(true),
    debug: Cell::new(0),
    collecting: Cell::new(false),
    long_lived_total: Cell::new(0),
    long_lived_pending: Cell::new(0),
    collection_scheduled: Cell::new(false),
    schedule_hook: Cell::new(None),
    collect_hook: Cell::new(None),
    collect_nofail_hook: Cell::new(None),
});

/// The collector state.
#[inline(always)]
pub fn gc_state() -> &'static GcState {
    // SAFETY: the state is only ever borrowed shared; its fields are `Cell`s.
    unsafe { GC_STATE.get_ref() }
}

impl GcGeneration {
    /// The list head (`GEN_HEAD`), made into an empty circular list on first use.
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
        let last = (*head).prev();
        (*last).set_next(g);
        (*g).set_prev(last);
        (*g).set_next(head);
        (*head).gc_prev.set(g as usize);
    }
}

/// Unlink the object from its generation (`_PyObject_GC_UNTRACK`). Does nothing if it
/// is not tracked. Clears the "collecting" flag and keeps the "finalized" one (PEP
/// 442: `__del__` runs at most once).
///
/// # Safety
/// `op` must be a live object of a GC type.
#[inline]
pub unsafe fn gc_untrack(op: *const PyObject) {
    // SAFETY: the caller guarantees `op` has a GC header; its neighbours are live.
    unsafe {
        let g = as_gc(op);
        let next = (*g).next();
        if next.is_null() {
            return;
        }
        let prev = (*g).prev();
        (*prev).set_next(next);
        (*next).set_prev(prev);
        (*g).gc_next.set(0);
        (*g).gc_prev.set((*g).gc_prev.get() & PREV_MASK_FINALIZED);
    }
}

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

/// Count an allocation of a GC object and schedule a collection if generation 0 is
/// full (`_PyObject_GC_Link`'s accounting; see the module note on scheduling).
#[inline]
pub fn gc_note_allocation() {
    let st = gc_state();
    let gen0 = &st.generations[0];
    let count = gen0.count.get() + 1;
    gen0.count.set(count);
    let threshold = gen0.threshold.get();
    if count > threshold
        && threshold != 0
        && st.enabled.get()
        && !st.collecting.get()
        && !st.collection_scheduled.get()
    {
        _Py_ScheduleGC();
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

/// Ask the eval loop to run a collection at its next eval-breaker check
/// (`_Py_ScheduleGC`, CPython 3.12).
#[cold]
pub fn _Py_ScheduleGC() {
    let st = gc_state();
    st.collection_scheduled.set(true);
    if let Some(hook) = st.schedule_hook.get() {
        hook();
    }
}

/// Run the collection that [`_Py_ScheduleGC`] asked for, if any (`_Py_RunGC`). The
/// eval loop calls this from its pending-work handler, where no borrow of any object
/// interior is live.
#[inline]
pub fn _Py_RunGC() {
    let st = gc_state();
    if !st.collection_scheduled.replace(false) {
        return;
    }
    if !st.enabled.get() || st.collecting.get() {
        return;
    }
    if let Some(collect) = st.collect_hook.get() {
        collect();
    }
}

/// `_PyGC_CollectNoFail`: a full collection that runs no `gc.callbacks` and reports
/// nothing, for interpreter shutdown (`finalize_modules`). Returns the number of
/// unreachable objects found; does nothing if a collection is already running.
pub fn _PyGC_CollectNoFail() -> Py_ssize_t {
    match gc_state().collect_nofail_hook.get() {
        Some(collect) => collect(),
        None => 0,
    }
}
