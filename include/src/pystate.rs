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

use std::cell::Cell;
use std::ptr;

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
        }
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

static MAIN_THREAD: GlobalCell<Option<Box<PyThreadState>>> = GlobalCell::new(None);

/// The current thread state (`_PyThreadState_GET`). Made on first use.
#[inline]
pub fn _PyThreadState_GET() -> &'static PyThreadState {
    // SAFETY: one thread runs Python code at a time; the box is never freed or
    // replaced once made, so the reference stays valid.
    unsafe {
        let slot = MAIN_THREAD.get_mut();
        if slot.is_none() {
            *slot = Some(Box::new(PyThreadState::new()));
        }
        match slot {
            Some(ts) => &*(ts as *const Box<PyThreadState>),
            None => std::hint::unreachable_unchecked(),
        }
    }
}

/// The slot type, re-exported for users of the data stack.
pub type StackSlot = Slot;
