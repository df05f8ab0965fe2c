//! The interpreter's frames. Mirrors Include/internal/pycore_frame.h (CPython 3.11).
//!
//! A frame (`_PyInterpreterFrame`) is a header followed by `co_nlocalsplus` local
//! slots (fast locals, cells, free variables) and then the value stack, all in one
//! block of words. Frames of ordinary calls live on the thread's data stack
//! ([`crate::pystate::PyThreadState::push_frame`]), so a Python-to-Python call costs a
//! pointer bump and never recurses on the Rust stack; generators and coroutines keep
//! their frame inside the generator object instead. A Python-visible frame object
//! (`PyFrameObject`, `objects::frameobject`) is only made when somebody asks for one
//! (`sys._getframe`, a traceback).

use std::ptr::NonNull;

use crate::code::{_Py_CODEUNIT, PyCodeObject};
use crate::object::{PyObject, PyObjectRef, PyRef};

/// Who owns a frame's memory (`enum _frameowner`).
pub const FRAME_OWNED_BY_THREAD: u8 = 0;
pub const FRAME_OWNED_BY_GENERATOR: u8 = 1;
pub const FRAME_OWNED_BY_FRAME_OBJECT: u8 = 2;

/// `_PyInterpreterFrame`.
#[repr(C)]
pub struct _PyInterpreterFrame {
    /// The function being run (strong). Module and class bodies run in a function too.
    pub f_func: PyObjectRef,
    /// `f_func.__globals__` (borrowed from `f_func`).
    pub f_globals: NonNull<PyObject>,
    /// `f_func`'s builtins dict (borrowed from `f_func`).
    pub f_builtins: NonNull<PyObject>,
    /// The locals mapping of module and class bodies (strong), `None` for functions.
    pub f_locals: Option<PyObjectRef>,
    /// The code being run (strong).
    pub f_code: PyRef<PyCodeObject>,
    /// The frame object, once one has been made (strong).
    pub frame_obj: Option<PyObjectRef>,
    /// The calling frame.
    pub previous: *mut _PyInterpreterFrame,
    /// The instruction being executed, or the one before the first (`prev_instr`).
    pub prev_instr: *mut _Py_CODEUNIT,
    /// Index in `localsplus` one past the top of the value stack, while the frame is
    /// not running.
    pub stacktop: i32,
    /// The eval loop must return to its Rust caller when this frame returns.
    pub is_entry: bool,
    /// `FRAME_OWNED_BY_*`.
    pub owner: u8,
    /// For a generator's frame, its state (`gi_frame_state` in CPython, which keeps it
    /// in the generator): `FRAME_CREATED`, `FRAME_SUSPENDED`, ...
    pub f_state: i8,
}

/// Generator frame states (`gi_frame_state`), Include/internal/pycore_frame.h.
pub const FRAME_CREATED: i8 = -2;
pub const FRAME_SUSPENDED: i8 = -1;
pub const FRAME_EXECUTING: i8 = 0;
pub const FRAME_COMPLETED: i8 = 1;
pub const FRAME_CLEARED: i8 = 4;

/// Words taken by the frame header (`FRAME_SPECIALS_SIZE`).
pub const FRAME_SPECIALS_SIZE: usize =
    std::mem::size_of::<_PyInterpreterFrame>() / std::mem::size_of::<usize>();

const _: () = assert!(
    std::mem::size_of::<_PyInterpreterFrame>().is_multiple_of(std::mem::size_of::<usize>())
);

/// One local or stack slot.
pub type Slot = Option<PyObjectRef>;

impl _PyInterpreterFrame {
    /// The first local slot (`localsplus`), just after the header.
    #[inline(always)]
    pub fn localsplus(&self) -> *mut Slot {
        // SAFETY: a frame is always allocated with its slots right after the header.
        unsafe { (self as *const Self as *mut Self).add(1) as *mut Slot }
    }

    /// The base of the value stack (`_PyFrame_Stackbase`).
    #[inline(always)]
    pub fn stackbase(&self) -> *mut Slot {
        // SAFETY: the value stack follows the `co_nlocalsplus` local slots.
        unsafe { self.localsplus().add(self.f_code.co_nlocalsplus as usize) }
    }

    /// The index of the current instruction (`_PyInterpreterFrame_LASTI`), in code
    /// units; -1 before the first instruction.
    #[inline]
    pub fn lasti(&self) -> isize {
        // SAFETY: `prev_instr` points into (or one before) this frame's code.
        unsafe { self.prev_instr.offset_from(self.f_code.code_ptr()) }
    }

    /// Words a frame for `code` needs: header, locals and stack.
    #[inline(always)]
    pub fn size_for(code: &PyCodeObject) -> usize {
        FRAME_SPECIALS_SIZE + code.co_framesize as usize
    }

    /// Initialise a frame's header in place (`_PyFrame_InitializeSpecials`); the
    /// caller fills the `co_nlocalsplus` local slots.
    ///
    /// # Safety
    /// `frame` must point to at least `size_for(code)` writable, uninitialised words.
    #[inline(always)]
    pub unsafe fn initialize_specials(
        frame: *mut _PyInterpreterFrame,
        func: PyObjectRef,
        globals: NonNull<PyObject>,
        builtins: NonNull<PyObject>,
        locals: Option<PyObjectRef>,
        code: PyRef<PyCodeObject>,
    ) {
        let nlocalsplus = code.co_nlocalsplus;
        let prev_instr = code.code_ptr().wrapping_sub(1);
        // SAFETY: the caller provides enough room.
        unsafe {
            frame.write(_PyInterpreterFrame {
                f_func: func,
                f_globals: globals,
                f_builtins: builtins,
                f_locals: locals,
                f_code: code,
                frame_obj: None,
                previous: std::ptr::null_mut(),
                prev_instr,
                stacktop: nlocalsplus,
                is_entry: false,
                owner: FRAME_OWNED_BY_THREAD,
                f_state: FRAME_EXECUTING,
            });
        }
    }

    /// Initialise a frame in place (`_PyFrame_InitializeSpecials` plus clearing the
    /// locals): all local slots empty, stack empty.
    ///
    /// # Safety
    /// `frame` must point to at least `size_for(code)` writable, uninitialised words.
    pub unsafe fn init(
        frame: *mut _PyInterpreterFrame,
        func: PyObjectRef,
        globals: NonNull<PyObject>,
        builtins: NonNull<PyObject>,
        locals: Option<PyObjectRef>,
        code: PyRef<PyCodeObject>,
    ) {
        let nlocalsplus = code.co_nlocalsplus as usize;
        // SAFETY: the caller provides enough room; slots are written before use.
        unsafe {
            Self::initialize_specials(frame, func, globals, builtins, locals, code);
            fill_empty((*frame).localsplus(), nlocalsplus);
        }
    }

    /// Drop every reference the frame holds: locals, the live part of the value stack,
    /// and the header's references (`_PyFrame_Clear`, minus the frame object hand-over
    /// that `objects::frameobject` does first). The memory is left for the owner to
    /// release.
    ///
    /// # Safety
    /// `frame` must be an initialised frame that is not running, with `stacktop` set;
    /// it must not be used again except to release its memory.
    #[inline]
    pub unsafe fn clear(frame: *mut _PyInterpreterFrame) {
        // SAFETY: the slots below `stacktop` are initialised; the header is valid.
        unsafe {
            let top = (*frame).stacktop as usize;
            let slots = (*frame).localsplus();
            for i in 0..top {
                std::ptr::drop_in_place(slots.add(i));
            }
            std::ptr::drop_in_place(frame);
        }
    }

    /// Move a frame's contents to new memory (`_PyFrame_Copy`): the header and the
    /// slots up to `stacktop`. The source must not be cleared afterwards.
    ///
    /// # Safety
    /// `src` must be initialised with `stacktop` set; `dest` must have room for
    /// `size_for(code)` words.
    pub unsafe fn copy(src: *const _PyInterpreterFrame, dest: *mut _PyInterpreterFrame) {
        // SAFETY: bitwise move of initialised words into room the caller provides.
        unsafe {
            let words = FRAME_SPECIALS_SIZE + (*src).stacktop as usize;
            std::ptr::copy_nonoverlapping(src as *const usize, dest as *mut usize, words);
        }
    }
}

/// Empty `n` slots from `slots` on (the `NULL` stores of `_PyFrame_InitializeSpecials`'
/// callers). The stores are volatile so that LLVM keeps them as the one or two plain
/// stores most frames need instead of turning the loop into a call to `memset`, whose
/// call and size dispatch cost more than the stores (callgrind, fib(22)).
///
/// # Safety
/// `slots` must point to `n` writable slots holding no references.
#[inline(always)]
pub unsafe fn fill_empty(slots: *mut Slot, n: usize) {
    for i in 0..n {
        // SAFETY: forwarded from the caller.
        unsafe { slots.add(i).write_volatile(None) };
    }
}

/// Move `n` slots from `src` to `dest` (the argument copy of `CALL_PY_EXACT_ARGS`),
/// with volatile stores for the reason given at [`fill_empty`].
///
/// # Safety
/// `src` must hold `n` initialised slots that the caller gives up; `dest` must point
/// to `n` writable slots holding no references; the two must not overlap.
#[inline(always)]
pub unsafe fn move_slots(src: *const Slot, dest: *mut Slot, n: usize) {
    for i in 0..n {
        // SAFETY: forwarded from the caller.
        unsafe { dest.add(i).write_volatile(src.add(i).read()) };
    }
}
