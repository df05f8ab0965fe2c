//! Signal delivery to Python code. Mirrors the core of Modules/signalmodule.c
//! (CPython 3.11): the C-level handler only records that a signal arrived and asks
//! the eval loop for attention; the loop then raises `KeyboardInterrupt` (for SIGINT)
//! between instructions (`PyErr_CheckSignals`).
//!
//! Differences from CPython: only SIGINT's default behaviour is implemented here; the
//! `signal` module (custom handlers) lives with the other native modules.

use std::sync::atomic::{AtomicBool, Ordering};

use objects::exceptions::PyExc_KeyboardInterrupt;
use objects::pyerrors::PyErr_FromArgs;
use objects::PyResult;

static SIGINT_TRIPPED: AtomicBool = AtomicBool::new(false);

extern "C" fn sigint_handler(_sig: libc::c_int) {
    // Only async-signal-safe work here: set two flags.
    SIGINT_TRIPPED.store(true, Ordering::SeqCst);
    crate::ceval::EVAL_BREAKER.store(true, Ordering::SeqCst);
}

/// Install the SIGINT handler (`PyOS_InitInterrupts`).
pub fn init_signals() {
    // SAFETY: installing a handler that only touches atomics is async-signal-safe.
    unsafe {
        libc::signal(
            libc::SIGINT,
            sigint_handler as extern "C" fn(libc::c_int) as libc::sighandler_t,
        );
    }
}

/// `PyErr_CheckSignals`: raise `KeyboardInterrupt` if Ctrl-C was pressed.
pub fn check_signals() -> PyResult<()> {
    if SIGINT_TRIPPED.swap(false, Ordering::SeqCst) {
        return Err(PyErr_FromArgs(&PyExc_KeyboardInterrupt, &[]));
    }
    Ok(())
}
