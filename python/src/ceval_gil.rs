//! The global interpreter lock. Mirrors Python/ceval_gil.c (CPython 3.11).
//!
//! One thread at a time runs Python code: the one holding the GIL. Reference counts,
//! the `GlobalCell` statics and every object's `Cell` fields are plain memory that
//! only the holder touches. The GIL is a flag (`locked`) behind a mutex with a
//! condition variable, as CPython's `struct _gil_runtime_state`:
//!
//! - A thread that wants the GIL waits on `cond` for at most the switch interval
//!   (`sys.setswitchinterval`, 5 ms by default). If nobody released it meanwhile (the
//!   `switch_number` did not move), it sets `gil_drop_request` and the eval breaker,
//!   then waits again.
//! - The holder sees the eval breaker at its next backward jump or `RESUME` (the eval
//!   loop's only check, `handle_pending` in ceval.rs), drops the GIL and, with
//!   `FORCE_SWITCHING`, waits on `switch_cond` until another thread has taken it, so
//!   that the requester really runs before the holder takes it back.
//! - Blocking calls (sleeping, waiting for a lock, I/O, `select`, `waitpid`) release
//!   the GIL around the wait: [`AllowThreads`] is `Py_BEGIN_ALLOW_THREADS` ..
//!   `Py_END_ALLOW_THREADS`. Inside, no Python object may be touched.
//! - The state of the thread holding the GIL is `_PyRuntime.tstate_current`
//!   (include/src/pystate.rs), set by `take_gil` and cleared by `drop_gil`'s callers.
//! - Signal handlers run only on the main thread (`_Py_ThreadCanHandleSignals`): when
//!   the main thread takes the GIL back, the eval breaker is set again if a signal
//!   arrived while another thread held it (`COMPUTE_EVAL_BREAKER`).
//! - At exit (`Py_FinalizeEx`), once the finalizing thread is recorded, any other
//!   thread that takes the GIL gives it back and never returns (`tstate_must_exit`),
//!   so daemon threads cannot run Python code while the interpreter is torn down.
//!
//! Differences from CPython: the GIL exists from start-up, held by the main thread (3.11
//! also creates it in `_PyEval_InitGIL` at start-up); `gil_drop_request` is one
//! process-wide flag (pyrs has one interpreter); a thread that must exit at
//! finalization parks forever instead of calling `pthread_exit`, which would unwind
//! Rust frames without running their destructors.

use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use include::pystate::{_PyThreadState_Swap, PyThreadState};

use crate::ceval::EVAL_BREAKER;

/// The part of `struct _gil_runtime_state` behind the mutex.
struct GilState {
    /// Whether some thread holds the GIL (`locked`).
    locked: bool,
    /// The last thread state to take it (`last_holder`), as an address.
    last_holder: usize,
    /// How many times the GIL was taken (`switch_number`).
    switch_number: u64,
}

/// `struct _gil_runtime_state`: `mutex` with `cond` (the GIL is released) and
/// `switch_cond` (a forced switch happened).
struct Gil {
    mutex: Mutex<GilState>,
    cond: Condvar,
    switch_cond: Condvar,
}

/// The GIL, held by the main thread from start-up.
static GIL: Gil = Gil {
    mutex: Mutex::new(GilState {
        locked: true,
        last_holder: 0,
        switch_number: 0,
    }),
    cond: Condvar::new(),
    switch_cond: Condvar::new(),
};

/// `gil->interval`: the switch interval in microseconds (`DEFAULT_INTERVAL`, 5000).
static INTERVAL: AtomicU64 = AtomicU64::new(5000);

/// `ceval2->gil_drop_request`: a waiting thread asks the holder to let go.
static GIL_DROP_REQUEST: AtomicBool = AtomicBool::new(false);

/// `_PyRuntime._finalizing`: the thread state running `Py_FinalizeEx`, once it has
/// waited for the non-daemon threads (null before).
static FINALIZING: AtomicPtr<PyThreadState> = AtomicPtr::new(std::ptr::null_mut());

fn lock_gil() -> MutexGuard<'static, GilState> {
    // The mutex guards plain flags that are always consistent: a panic on another
    // thread while holding it cannot leave them half-updated.
    GIL.mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// `_PyEval_SetSwitchInterval`: `microseconds` of the switch interval (at least 1).
pub fn _PyEval_SetSwitchInterval(microseconds: u64) {
    INTERVAL.store(microseconds.max(1), Ordering::Relaxed);
}

/// `_PyEval_GetSwitchInterval`.
pub fn _PyEval_GetSwitchInterval() -> u64 {
    INTERVAL.load(Ordering::Relaxed)
}

/// `_Py_ThreadCanHandleSignals`: whether the current thread is the main thread, the
/// only one that runs signal handlers.
#[inline]
pub fn _Py_ThreadCanHandleSignals() -> bool {
    let cur = include::pystate::_PyThreadState_UncheckedGet();
    !cur.is_null() && std::ptr::eq(cur, include::pystate::main_tstate())
}

/// `take_gil`: wait until the GIL is free, take it and make `tstate` current.
fn take_gil(tstate: *mut PyThreadState) {
    let mut g = lock_gil();
    while g.locked {
        let saved = g.switch_number;
        let interval = Duration::from_micros(INTERVAL.load(Ordering::Relaxed));
        let (ng, res) = GIL
            .cond
            .wait_timeout(g, interval)
            .unwrap_or_else(|e| e.into_inner());
        g = ng;
        // Nobody let go during a whole interval: ask the holder to
        // (`SET_GIL_DROP_REQUEST`).
        if res.timed_out() && g.locked && g.switch_number == saved {
            GIL_DROP_REQUEST.store(true, Ordering::Relaxed);
            EVAL_BREAKER.store(true, Ordering::Relaxed);
        }
    }
    g.locked = true;
    g.last_holder = tstate as usize;
    g.switch_number = g.switch_number.wrapping_add(1);
    // `FORCE_SWITCHING`: the thread that dropped the GIL on request may go on.
    GIL.switch_cond.notify_all();
    // The request, if any, is answered (`RESET_GIL_DROP_REQUEST`).
    GIL_DROP_REQUEST.store(false, Ordering::Relaxed);
    drop(g);
    _PyThreadState_Swap(tstate);
    // `COMPUTE_EVAL_BREAKER`: signals that arrived while another thread ran.
    if crate::signals::is_tripped() && _Py_ThreadCanHandleSignals() {
        EVAL_BREAKER.store(true, Ordering::Relaxed);
    }
    // `tstate_must_exit`: the interpreter is being torn down by another thread.
    let fin = FINALIZING.load(Ordering::Acquire);
    if !fin.is_null() && fin != tstate {
        _PyThreadState_Swap(std::ptr::null_mut());
        drop_gil(tstate, false);
        loop {
            std::thread::park();
        }
    }
}

/// `drop_gil`: let go of the GIL. With `force_switch` (the holder answers a drop
/// request) wait until another thread has taken it.
fn drop_gil(tstate: *mut PyThreadState, force_switch: bool) {
    let mut g = lock_gil();
    g.locked = false;
    GIL.cond.notify_one();
    // A set request under the mutex means a thread is waiting for the GIL and has not
    // got it yet (taking it resets the request), so the wait below ends.
    if force_switch && GIL_DROP_REQUEST.load(Ordering::Relaxed) && g.last_holder == tstate as usize
    {
        GIL_DROP_REQUEST.store(false, Ordering::Relaxed);
        let n = g.switch_number;
        while g.switch_number == n {
            g = GIL.switch_cond.wait(g).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// Answer a drop request at the eval breaker (the `gil_drop_request` part of
/// `_Py_HandlePending`): give the GIL to the waiting thread, then wait to get it back.
#[inline]
pub fn handle_drop_request() {
    if !GIL_DROP_REQUEST.load(Ordering::Relaxed) {
        return;
    }
    let tstate = _PyThreadState_Swap(std::ptr::null_mut());
    if tstate.is_null() {
        return;
    }
    drop_gil(tstate, true);
    take_gil(tstate);
}

/// `PyEval_SaveThread`: release the GIL; returns the thread's state, to hand to
/// [`PyEval_RestoreThread`].
pub fn PyEval_SaveThread() -> *mut PyThreadState {
    let tstate = _PyThreadState_Swap(std::ptr::null_mut());
    drop_gil(tstate, false);
    tstate
}

/// `PyEval_RestoreThread`: take the GIL back for `tstate`. `errno` is kept, so
/// that the caller can still read the error of the call it made without the GIL.
pub fn PyEval_RestoreThread(tstate: *mut PyThreadState) {
    // SAFETY: errno is thread-local; reading and writing it has no preconditions.
    let saved = unsafe { *libc::__errno_location() };
    take_gil(tstate);
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved };
}

/// `PyEval_AcquireThread`: take the GIL for a thread's new state (a thread's start).
pub fn PyEval_AcquireThread(tstate: *mut PyThreadState) {
    take_gil(tstate);
}

/// `PyThreadState_DeleteCurrent` (`_PyThreadState_DeleteCurrent`): free the current
/// thread's state, which was cleared, and release the GIL for good.
///
/// # Safety
/// `tstate` is the current state, made by `PyThreadState_New`, cleared, and not used
/// again by anyone.
pub unsafe fn _PyThreadState_DeleteCurrent(tstate: *mut PyThreadState) {
    _PyThreadState_Swap(std::ptr::null_mut());
    // SAFETY: per the contract; the GIL is still held, which the list needs.
    unsafe { include::pystate::PyThreadState_Delete(tstate) };
    drop_gil(tstate, false);
}

/// `_PyRuntimeState_SetFinalizing`: from now on only the current thread may run
/// Python code.
pub fn _PyRuntimeState_SetFinalizing() {
    FINALIZING.store(
        include::pystate::_PyThreadState_UncheckedGet(),
        Ordering::Release,
    );
}

/// `Py_BEGIN_ALLOW_THREADS` .. `Py_END_ALLOW_THREADS`: the GIL is released while the
/// guard lives, and taken back when it is dropped. Nothing that holds the guard may
/// touch a Python object (read a `bytes` buffer, change a reference count): copy what
/// the blocking call needs into plain Rust values first.
pub struct AllowThreads {
    tstate: *mut PyThreadState,
}

impl AllowThreads {
    /// Release the GIL (`Py_BEGIN_ALLOW_THREADS`).
    #[must_use = "the GIL is taken back when the guard is dropped"]
    pub fn new() -> AllowThreads {
        AllowThreads {
            tstate: PyEval_SaveThread(),
        }
    }
}

impl Default for AllowThreads {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for AllowThreads {
    fn drop(&mut self) {
        PyEval_RestoreThread(self.tstate);
    }
}

/// Run `f` with the GIL released (`Py_BEGIN_ALLOW_THREADS f() Py_END_ALLOW_THREADS`).
/// `f` must not touch Python objects.
#[inline]
pub fn allow_threads<R>(f: impl FnOnce() -> R) -> R {
    let _g = AllowThreads::new();
    f()
}
