//! Signal delivery to Python code. Mirrors the core of Modules/signalmodule.c
//! (CPython 3.11): the C-level handler only records that a signal arrived (and
//! writes its number to the wakeup fd) and asks the eval loop for attention; the
//! loop then runs the Python handler of each tripped signal on the main thread
//! between instructions (`PyErr_CheckSignals`). SIGINT with no Python handler
//! installed raises `KeyboardInterrupt`, as `default_int_handler` does.
//!
//! Differences from CPython: the handler table (`Handlers`) lives here so that the
//! eval loop can reach it; the `_signal` module's functions live in
//! modules/src/signalmodule.rs. Handlers are called with `None` as their frame.
//! Handlers run on the main thread only: another thread leaves them pending, and the
//! main thread sets the eval breaker again when it next takes the GIL
//! (python/src/ceval_gil.rs).

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use include::object::GlobalCell;
use objects::exceptions::PyExc_KeyboardInterrupt;
use objects::prelude::*;
use objects::pyerrors::PyErr_FromArgs;

/// `Py_NSIG`: one more than the largest signal number (Linux: 64 real-time included).
pub const NSIG: usize = 65;

/// `Handlers[signum].tripped` and `is_tripped`.
static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static IS_TRIPPED: AtomicBool = AtomicBool::new(false);

/// `wakeup.fd`: where the C handler writes the signal number (-1: nowhere).
pub static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
/// `wakeup.warn_on_full_buffer`.
pub static WAKEUP_WARN: AtomicBool = AtomicBool::new(true);

/// `Handlers[signum].func`: the Python-level handler (`SIG_DFL`, `SIG_IGN`, a
/// callable), or `None` when the handler was not installed from Python.
static HANDLERS: GlobalCell<Vec<Option<PyObjectRef>>> = GlobalCell::new(Vec::new());

/// `signal_handler`: the C-level handler for every signal with a Python handler.
pub extern "C" fn signal_handler(sig: libc::c_int) {
    // Only async-signal-safe work here: atomics and write(2).
    // SAFETY: errno is thread-local; saving and restoring it is what CPython does.
    let saved = unsafe { *libc::__errno_location() };
    if let Some(t) = TRIPPED.get(sig as usize) {
        t.store(true, Ordering::SeqCst);
        IS_TRIPPED.store(true, Ordering::SeqCst);
        crate::ceval::EVAL_BREAKER.store(true, Ordering::SeqCst);
    }
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: writing one byte from a local to a descriptor is async-signal-safe.
        unsafe { libc::write(fd, &byte as *const u8 as *const libc::c_void, 1) };
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved };
}

/// `PyErr_SetInterruptEx`: act as if `signum` had arrived (`_thread.interrupt_main`).
/// A signal whose Python handler is `SIG_IGN` or `SIG_DFL` is ignored; SIGINT before
/// the `signal` module installed a handler raises `KeyboardInterrupt`.
pub fn PyErr_SetInterruptEx(signum: usize) {
    if signum == 0 || signum >= NSIG {
        return;
    }
    let handler = get_handler(signum);
    let installed = match &handler {
        Some(h) => h.ob_type().tp_call.get().is_some(),
        None => signum == libc::SIGINT as usize,
    };
    if !installed {
        return;
    }
    TRIPPED[signum].store(true, Ordering::SeqCst);
    IS_TRIPPED.store(true, Ordering::SeqCst);
    crate::ceval::EVAL_BREAKER.store(true, Ordering::SeqCst);
}

/// Whether a signal arrived whose Python handler has not run yet (`is_tripped`).
pub fn is_tripped() -> bool {
    IS_TRIPPED.load(Ordering::Relaxed)
}

/// Install the SIGINT handler (`signal_install_handlers`), only where SIGINT still has
/// its default action: a process started with SIGINT ignored (a background job of a
/// non-interactive shell, `nohup`) keeps ignoring it, as under CPython.
pub fn init_signals() {
    // SAFETY: querying SIGINT's current action; `old` is written on success.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old) } != 0
        || old.sa_sigaction != libc::SIG_DFL
    {
        return;
    }
    // SAFETY: installing a handler that only touches atomics is async-signal-safe.
    unsafe {
        libc::signal(
            libc::SIGINT,
            signal_handler as extern "C" fn(libc::c_int) as libc::sighandler_t,
        );
    }
}

/// The Python-level handler of `signum`.
pub fn get_handler(signum: usize) -> Option<PyObjectRef> {
    // SAFETY: single-threaded; the clone is taken before any Python code runs.
    unsafe { HANDLERS.get_ref() }.get(signum).cloned().flatten()
}

/// Set the Python-level handler of `signum`; returns the previous one.
pub fn set_handler(signum: usize, func: Option<PyObjectRef>) -> Option<PyObjectRef> {
    // SAFETY: single-threaded; no Python code runs while the table is borrowed
    // (the old handler is dropped by the caller, after the borrow ends).
    let table = unsafe { HANDLERS.get_mut() };
    if table.len() < NSIG {
        table.resize(NSIG, None);
    }
    std::mem::replace(&mut table[signum], func)
}

/// `PyErr_CheckSignals` / `_PyErr_CheckSignalsTstate`: call the Python handler of
/// every signal that arrived. If a handler raises, the remaining ones stay pending.
///
/// Only the main thread runs handlers (`_Py_ThreadCanHandleSignals`); on any other
/// thread the signals stay pending for it.
pub fn check_signals() -> PyResult<()> {
    if !IS_TRIPPED.load(Ordering::SeqCst) || !crate::ceval_gil::_Py_ThreadCanHandleSignals() {
        return Ok(());
    }
    if !IS_TRIPPED.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    for (signum, tripped) in TRIPPED.iter().enumerate().skip(1) {
        if !tripped.swap(false, Ordering::SeqCst) {
            continue;
        }
        let result = match get_handler(signum) {
            Some(func) if func.ob_type().tp_call.get().is_some() => {
                let args = [
                    objects::longobject::PyLong_FromSsize_t(signum as isize),
                    objects::object::Py_None().to_owned(),
                ];
                objects::call::PyObject_Vectorcall(&func, &args, None).map(drop)
            }
            // SIGINT before the `signal` module is imported: `default_int_handler`.
            None if signum == libc::SIGINT as usize => {
                Err(PyErr_FromArgs(&PyExc_KeyboardInterrupt, &[]))
            }
            _ => Ok(()),
        };
        if let Err(e) = result {
            IS_TRIPPED.store(true, Ordering::SeqCst);
            crate::ceval::EVAL_BREAKER.store(true, Ordering::SeqCst);
            return Err(e);
        }
    }
    Ok(())
}
