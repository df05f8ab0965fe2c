//! The state of a thread running Python code. Mirrors Include/cpython/pystate.h
//! (CPython 3.11).
//!
//! A thread state owns the *data stack* on which call frames are pushed and popped
//! (chunks of words that never move, so frame pointers stay valid), the chain of
//! currently executing frames, the recursion budget, and the stack of exceptions being
//! handled (`sys.exc_info()`).
//!
//! Differences from CPython: there is no "current exception" field (errors travel as
//! `Err(PyErr)`), and there is a native stack guard: besides the Python recursion
//! limit, every nested entry into the eval loop from Rust checks how much of the Rust
//! stack is left, so no input can overflow it.
//!
//! Threads (Python/pystate.c): every OS thread that runs Python code has its own
//! `PyThreadState`, listed in the interpreter's list ([`interp_threads`], CPython's
//! `interp->threads.head`). The state of the thread holding the GIL is in one global
//! pointer, `_PyRuntime.tstate_current`, which python/src/ceval_gil.rs swaps when the
//! GIL changes hands; `_PyThreadState_GET` is one load of it. A thread without the GIL
//! never calls it (the pointer is then another thread's state, or null).

use std::cell::Cell;
use std::ptr;
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering};

use crate::frame::{_PyInterpreterFrame, Slot};
use crate::object::{GlobalCell, PyCell, PyObject, PyObjectRef};

/// An entry of the handled-exception stack (`_PyErr_StackItem`). Each running
/// generator pushes its own item, so `sys.exc_info()` inside it sees its exception.
pub struct _PyErr_StackItem {
    /// The exception being handled, if any (`exc_value`).
    pub exc_value: PyCell<Option<PyObjectRef>>,
    /// The item below this one.
    pub previous_item: Cell<*mut _PyErr_StackItem>,
}

impl _PyErr_StackItem {
    pub const fn new() -> _PyErr_StackItem {
        _PyErr_StackItem {
            exc_value: PyCell::new(None),
            previous_item: Cell::new(ptr::null_mut()),
        }
    }
}

impl Default for _PyErr_StackItem {
    fn default() -> Self {
        Self::new()
    }
}

/// One block of the data stack (`_PyStackChunk`).
struct StackChunk {
    previous: *mut StackChunk,
    /// The words; never reallocated.
    data: Box<[usize]>,
    /// Index of the first free word when this chunk is not the top one.
    saved_top: usize,
}

/// Words in a data stack chunk (CPython uses 16 KiB chunks).
const DATA_STACK_CHUNK_WORDS: usize = 16 * 1024 / std::mem::size_of::<usize>() * 4;

/// The default recursion limit (`Py_DEFAULT_RECURSION_LIMIT`).
pub const DEFAULT_RECURSION_LIMIT: i32 = 1000;

/// `PyThreadState`.
pub struct PyThreadState {
    /// The innermost executing frame (`cframe->current_frame`).
    pub current_frame: Cell<*mut _PyInterpreterFrame>,
    /// Python frames still allowed before `RecursionError` (`recursion_remaining`).
    pub recursion_remaining: Cell<i32>,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: Cell<i32>,
    /// Extra frames granted while a `RecursionError` is being handled
    /// (`recursion_headroom`).
    pub recursion_headroom: Cell<i32>,
    /// The top of the handled-exception stack (`exc_info`).
    pub exc_info: Cell<*mut _PyErr_StackItem>,
    /// The bottom item of that stack (`exc_state`).
    pub exc_state: Box<_PyErr_StackItem>,
    /// Lowest address the Rust stack may grow to before we raise instead of calling
    /// deeper (0: no guard). Set by the thread's entry point.
    pub native_stack_limit: Cell<usize>,
    chunk: Cell<*mut StackChunk>,
    /// Next free word in the top chunk, and one past its last word.
    datastack_top: Cell<*mut usize>,
    datastack_limit: Cell<*mut usize>,
    /// Non-zero when the eval loop must take its tracing path at every instruction
    /// (`cframe->use_tracing`): [`USE_TRACING_SYS`] while a trace or profile function
    /// is set and none is running, [`USE_TRACING_INSTR`] for `-X trace`.
    pub use_tracing: UseTracing,
    /// How deep we are inside trace or profile functions (`tracing`).
    pub tracing: Cell<i32>,
    /// The event being traced (`tracing_what`, a `PyTrace_*`), read by the
    /// `f_lineno` setter.
    pub tracing_what: Cell<i32>,
    /// `sys.settrace`'s function (`c_tracefunc`) and its argument (`c_traceobj`).
    pub c_tracefunc: Cell<Option<Py_tracefunc>>,
    pub c_traceobj: PyCell<Option<PyObjectRef>>,
    /// `sys.setprofile`'s function and argument.
    pub c_profilefunc: Cell<Option<Py_tracefunc>>,
    pub c_profileobj: PyCell<Option<PyObjectRef>>,
    /// A number unique to this thread state for the life of the process (`id`).
    pub id: u64,
    /// `PyThread_get_thread_ident()` of the OS thread that owns this state
    /// (`thread_id`), set by the code that binds the state to its thread (0: not
    /// yet).
    pub thread_id: Cell<u64>,
    /// `PyThreadState_GetDict`: per-thread storage for extension modules (`dict`);
    /// `_thread._local` keeps each thread's attribute dict in it.
    pub dict: PyCell<Option<PyObjectRef>>,
    /// The current `contextvars` context (`context`); a new thread starts with none.
    pub context: PyCell<Option<PyObjectRef>>,
    /// A weak reference to the lock `_thread._set_sentinel` made, released when the
    /// state is cleared (`on_delete_data`).
    pub on_delete_data: PyCell<Option<PyObjectRef>>,
}

/// `_PyCFrame`: state of one activation of the eval loop, on the Rust stack. The loop
/// tests `use_tracing` at every instruction; a local of the loop's own stack frame
/// needs no register to reach (the thread state's pointer is spilled in the big
/// loop). The thread state points at the innermost one, so setting a trace function
/// reaches the running loop at once; a nested loop starts with its caller's value
/// and hands its own back when it exits ([`CFrameGuard`]).
pub struct _PyCFrame {
    pub use_tracing: Cell<u8>,
    pub previous: *const _PyCFrame,
}

/// `tstate->cframe->use_tracing`: the innermost loop's flag, or the thread's own
/// (`root_cframe`) outside any loop.
pub struct UseTracing {
    cframe: Cell<*const _PyCFrame>,
    /// Owns the thread's own cframe, which `cframe` points at outside any loop.
    _root: Box<_PyCFrame>,
}

impl UseTracing {
    fn new() -> UseTracing {
        let root = Box::new(_PyCFrame {
            use_tracing: Cell::new(0),
            previous: ptr::null(),
        });
        UseTracing {
            cframe: Cell::new(&*root),
            _root: root,
        }
    }

    #[inline(always)]
    pub fn get(&self) -> u8 {
        // SAFETY: `cframe` is the root or a live loop's frame (see `CFrameGuard`).
        unsafe { (*self.cframe.get()).use_tracing.get() }
    }

    #[inline(always)]
    pub fn set(&self, value: u8) {
        // SAFETY: as in `get`.
        unsafe { (*self.cframe.get()).use_tracing.set(value) }
    }

    /// The innermost `_PyCFrame`.
    pub fn current(&self) -> *const _PyCFrame {
        self.cframe.get()
    }
}

/// Makes a loop's `_PyCFrame` the thread's current one for as long as it lives, then
/// gives its `use_tracing` back to the previous one (`tstate->cframe = &cframe` at the
/// loop's entry, `cframe.previous->use_tracing = cframe.use_tracing` at its exit).
pub struct CFrameGuard<'a> {
    tstate: &'a PyThreadState,
    cframe: &'a _PyCFrame,
}

impl<'a> CFrameGuard<'a> {
    pub fn enter(tstate: &'a PyThreadState, cframe: &'a _PyCFrame) -> CFrameGuard<'a> {
        tstate.use_tracing.cframe.set(cframe);
        CFrameGuard { tstate, cframe }
    }
}

impl Drop for CFrameGuard<'_> {
    fn drop(&mut self) {
        let prev = self.cframe.previous;
        // SAFETY: the previous cframe outlives this one (loops nest on the stack).
        unsafe { (*prev).use_tracing.set(self.cframe.use_tracing.get()) };
        self.tstate.use_tracing.cframe.set(prev);
    }
}

/// A trace or profile function (`Py_tracefunc`): `(obj, frame, what, arg)`, where
/// `frame` is a frame object and `what` a `PyTrace_*` event.
pub type Py_tracefunc = fn(&PyObject, &PyObject, i32, Option<&PyObject>) -> crate::PyResult<()>;

/// The events of a trace or profile function (`PyTrace_*`, Include/cpython/pystate.h).
pub const PyTrace_CALL: i32 = 0;
pub const PyTrace_EXCEPTION: i32 = 1;
pub const PyTrace_LINE: i32 = 2;
pub const PyTrace_RETURN: i32 = 3;
pub const PyTrace_C_CALL: i32 = 4;
pub const PyTrace_C_EXCEPTION: i32 = 5;
pub const PyTrace_C_RETURN: i32 = 6;
pub const PyTrace_OPCODE: i32 = 7;

/// The bit of `use_tracing` for `sys.settrace`/`sys.setprofile` (CPython's 255).
pub const USE_TRACING_SYS: u8 = 1;
/// The bit of `use_tracing` for pyrs's `-X trace` instruction printer.
pub const USE_TRACING_INSTR: u8 = 2;

impl PyThreadState {
    fn new() -> PyThreadState {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        PyThreadState {
            current_frame: Cell::new(ptr::null_mut()),
            recursion_remaining: Cell::new(DEFAULT_RECURSION_LIMIT),
            recursion_limit: Cell::new(DEFAULT_RECURSION_LIMIT),
            recursion_headroom: Cell::new(0),
            exc_info: Cell::new(ptr::null_mut()),
            exc_state: Box::new(_PyErr_StackItem::new()),
            native_stack_limit: Cell::new(0),
            chunk: Cell::new(ptr::null_mut()),
            datastack_top: Cell::new(ptr::null_mut()),
            datastack_limit: Cell::new(ptr::null_mut()),
            use_tracing: UseTracing::new(),
            tracing: Cell::new(0),
            tracing_what: Cell::new(0),
            c_tracefunc: Cell::new(None),
            c_traceobj: PyCell::new(None),
            c_profilefunc: Cell::new(None),
            c_profileobj: PyCell::new(None),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            thread_id: Cell::new(0),
            dict: PyCell::new(None),
            context: PyCell::new(None),
            on_delete_data: PyCell::new(None),
        }
    }

    /// `PyThreadState_Clear`: let go of every object the state holds. Needs the GIL
    /// (releasing a reference can run any Python code).
    pub fn clear(&self) {
        // Take each value out before dropping it: a finalizer may look at the state.
        drop(self.exc_state.exc_value.replace(None));
        drop(self.dict.replace(None));
        drop(self.context.replace(None));
        drop(self.on_delete_data.replace(None));
        self.c_tracefunc.set(None);
        self.c_profilefunc.set(None);
        drop(self.c_traceobj.replace(None));
        drop(self.c_profileobj.replace(None));
    }

    /// Recompute `use_tracing` after a trace or profile function was set or one
    /// started or finished running (`_PyThreadState_UpdateTracingState`).
    #[inline]
    pub fn update_tracing_state(&self) {
        let sys = self.tracing.get() == 0
            && (self.c_tracefunc.get().is_some() || self.c_profilefunc.get().is_some());
        let instr = self.use_tracing.get() & USE_TRACING_INSTR;
        self.use_tracing
            .set(instr | if sys { USE_TRACING_SYS } else { 0 });
    }

    /// `PyThreadState_EnterTracing`: no tracing while a trace function runs.
    #[inline]
    pub fn enter_tracing(&self) {
        self.tracing.set(self.tracing.get() + 1);
        self.use_tracing
            .set(self.use_tracing.get() & !USE_TRACING_SYS);
    }

    /// `PyThreadState_LeaveTracing`.
    #[inline]
    pub fn leave_tracing(&self) {
        self.tracing.set(self.tracing.get() - 1);
        self.update_tracing_state();
    }

    /// The handled-exception stack's top item.
    #[inline]
    pub fn exc_info(&self) -> &_PyErr_StackItem {
        let p = self.exc_info.get();
        if p.is_null() {
            &self.exc_state
        } else {
            // SAFETY: items on the stack outlive their time on it.
            unsafe { &*p }
        }
    }

    /// Reserve `words` words for a new frame on the data stack
    /// (`_PyThreadState_BumpFramePointer`). The memory is uninitialised.
    #[inline]
    pub fn push_frame(&self, words: usize) -> *mut _PyInterpreterFrame {
        let top = self.datastack_top.get();
        // Compare as addresses: the chunk's end is one past its last word.
        if !top.is_null() && (self.datastack_limit.get() as usize - top as usize) / 8 >= words {
            // SAFETY: there are at least `words` free words after `top` in this chunk.
            self.datastack_top.set(unsafe { top.add(words) });
            return top as *mut _PyInterpreterFrame;
        }
        self.push_chunk(words)
    }

    #[cold]
    fn push_chunk(&self, words: usize) -> *mut _PyInterpreterFrame {
        let size = words.max(DATA_STACK_CHUNK_WORDS);
        let old = self.chunk.get();
        if !old.is_null() {
            // SAFETY: `old` is the live top chunk; `top` points into its data.
            unsafe {
                (*old).saved_top =
                    self.datastack_top.get().offset_from((*old).data.as_ptr()) as usize;
            }
        }
        let chunk = Box::into_raw(Box::new(StackChunk {
            previous: old,
            data: vec![0usize; size].into_boxed_slice(),
            saved_top: 0,
        }));
        // SAFETY: the chunk was just allocated with `size >= words` words.
        unsafe {
            let base = (*chunk).data.as_mut_ptr();
            self.chunk.set(chunk);
            self.datastack_top.set(base.add(words));
            self.datastack_limit.set(base.add(size));
            base as *mut _PyInterpreterFrame
        }
    }

    /// Release the most recently pushed frame's words (`_PyThreadState_PopFrame`).
    ///
    /// # Safety
    /// `frame` must be the most recent frame pushed and already cleared.
    #[inline]
    pub unsafe fn pop_frame(&self, frame: *mut _PyInterpreterFrame) {
        let chunk = self.chunk.get();
        // SAFETY: `chunk` is the live top chunk holding `frame`.
        unsafe {
            if frame as *mut usize == (*chunk).data.as_mut_ptr() && !(*chunk).previous.is_null() {
                // The frame was the first in its chunk: free the chunk and go back to
                // the previous one.
                let prev = (*chunk).previous;
                drop(Box::from_raw(chunk));
                self.chunk.set(prev);
                let data = &mut (*prev).data;
                let base = data.as_mut_ptr();
                self.datastack_top.set(base.add((*prev).saved_top));
                self.datastack_limit.set(base.add(data.len()));
            } else {
                self.datastack_top.set(frame as *mut usize);
            }
        }
    }

    /// Whether the Rust stack is close to its limit: callers raise `RecursionError`
    /// (or `MemoryError`) instead of going deeper.
    #[inline]
    pub fn native_stack_exhausted(&self) -> bool {
        let limit = self.native_stack_limit.get();
        let here = 0u8;
        limit != 0 && (&here as *const u8 as usize) < limit
    }

    /// Set the native stack guard: `margin` bytes above the lowest usable address of a
    /// stack of `size` bytes whose top is near the caller's frame.
    pub fn set_native_stack(&self, size: usize, margin: usize) {
        let here = 0u8;
        let top = &here as *const u8 as usize;
        self.native_stack_limit
            .set(top.saturating_sub(size.saturating_sub(margin)));
    }
}

impl Drop for PyThreadState {
    fn drop(&mut self) {
        let mut c = self.chunk.get();
        while !c.is_null() {
            // SAFETY: chunks were made by `Box::into_raw` and are owned by the state.
            let b = unsafe { Box::from_raw(c) };
            c = b.previous;
        }
    }
}

/// `_PyRuntime.tstate_current`: the state of the thread holding the GIL.
static TSTATE_CURRENT: AtomicPtr<PyThreadState> = AtomicPtr::new(ptr::null_mut());

/// The main thread's state (`interp->threads.main`... CPython keeps it first in the
/// list), made by the first `_PyThreadState_GET` before any other thread exists.
static MAIN_TSTATE: AtomicPtr<PyThreadState> = AtomicPtr::new(ptr::null_mut());

/// `interp->threads.head`: every live thread state, in creation order. Changed only
/// by the thread holding the GIL.
static INTERP_THREADS: GlobalCell<Vec<*const PyThreadState>> = GlobalCell::new(Vec::new());

/// The current thread state (`_PyThreadState_GET`): one load of the global pointer
/// the GIL keeps. The first call (start-up, on the thread that becomes the main
/// thread) makes the main thread's state.
#[inline(always)]
pub fn _PyThreadState_GET() -> &'static PyThreadState {
    let p = TSTATE_CURRENT.load(Ordering::Relaxed);
    if p.is_null() {
        return make_main_tstate();
    }
    // SAFETY: the pointer is the live state of the thread holding the GIL, which is
    // the caller's thread; states are freed only by their own thread after it gave
    // up the GIL, so the state outlives every use the caller can make of it.
    unsafe { &*p }
}

#[cold]
#[inline(never)]
fn make_main_tstate() -> &'static PyThreadState {
    if !MAIN_TSTATE.load(Ordering::Relaxed).is_null() {
        // Only a thread without the GIL sees a null pointer once the main thread
        // exists: a broken invariant that must not turn into memory corruption.
        eprintln!("Fatal Python error: _PyThreadState_GET: the GIL is not held");
        std::process::abort();
    }
    let ts = PyThreadState_New();
    MAIN_TSTATE.store(ts, Ordering::Relaxed);
    TSTATE_CURRENT.store(ts, Ordering::Relaxed);
    // SAFETY: just made; the main thread's state is never freed.
    unsafe { &*ts }
}

/// `_PyThreadState_Swap`: make `ts` (or nobody) the current thread state; returns
/// the previous one. Called by the GIL code only.
#[inline]
pub fn _PyThreadState_Swap(ts: *mut PyThreadState) -> *mut PyThreadState {
    TSTATE_CURRENT.swap(ts, Ordering::Relaxed)
}

/// The current thread state as a raw pointer, null when no thread holds the GIL
/// (`_PyThreadState_UncheckedGet`).
#[inline]
pub fn _PyThreadState_UncheckedGet() -> *mut PyThreadState {
    TSTATE_CURRENT.load(Ordering::Relaxed)
}

/// The main thread's state (null before start-up).
#[inline]
pub fn main_tstate() -> *const PyThreadState {
    MAIN_TSTATE.load(Ordering::Relaxed)
}

/// `PyThreadState_New`: a fresh state for a thread about to run Python code, added
/// to the interpreter's list. The caller must hold the GIL (or be the first thread).
pub fn PyThreadState_New() -> *mut PyThreadState {
    let ts = Box::into_raw(Box::new(PyThreadState::new()));
    // SAFETY: the list is changed only under the GIL, and not borrowed across calls.
    unsafe { INTERP_THREADS.get_mut().push(ts) };
    ts
}

/// `PyThreadState_Delete`: take `ts` off the interpreter's list and free it. The
/// caller holds the GIL, has cleared the state ([`PyThreadState::clear`]) and will
/// not use it again; `ts` is not the current state.
///
/// # Safety
/// `ts` was made by [`PyThreadState_New`] and is not used after this call.
pub unsafe fn PyThreadState_Delete(ts: *mut PyThreadState) {
    // SAFETY: as in `PyThreadState_New`.
    unsafe { INTERP_THREADS.get_mut().retain(|&t| !std::ptr::eq(t, ts)) };
    // SAFETY: made by `Box::into_raw` in `PyThreadState_New`; see the contract.
    drop(unsafe { Box::from_raw(ts) });
}

/// `interp->threads.head`: a snapshot of the live thread states (under the GIL).
pub fn interp_threads() -> Vec<*const PyThreadState> {
    // SAFETY: as in `PyThreadState_New`.
    unsafe { INTERP_THREADS.get_ref().clone() }
}

/// The slot type, re-exported for users of the data stack.
pub type StackSlot = Slot;
