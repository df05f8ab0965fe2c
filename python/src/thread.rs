//! Native threads and locks. Mirrors Python/thread.c and Python/thread_pthread.h
//! (CPython 3.11): `PyThread_type_lock`, `PyThread_acquire_lock_timed`,
//! `PyThread_get_thread_ident`.
//!
//! Differences from CPython: the lock is a flag behind a `std::sync::Mutex` with a
//! `Condvar` (CPython uses a POSIX semaphore where it can, and a mutex with a
//! condition variable otherwise: the same design). A condition variable is not woken
//! by a signal, so [`acquire_timed`] waits in short slices on the main thread and
//! runs the signal handlers between them, as CPython does when `sem_clockwait`
//! returns `EINTR`.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use objects::prelude::*;

use crate::ceval_gil::AllowThreads;

/// `PY_TIMEOUT_MAX` in seconds, as CPython computes it on Linux.
pub const PY_TIMEOUT_MAX: f64 = 9223372036.0;

/// How long the main thread waits for a lock before looking for signals.
const SIGNAL_POLL: Duration = Duration::from_millis(20);

/// `PyThread_get_thread_ident`: the pthread handle of the running thread.
pub fn PyThread_get_thread_ident() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

/// `PyThread_type_lock`: a lock that any thread may release, whoever acquired it.
pub struct PyThread_type_lock {
    locked: Mutex<bool>,
    cond: Condvar,
}

impl Default for PyThread_type_lock {
    fn default() -> Self {
        Self::new()
    }
}

impl PyThread_type_lock {
    /// `PyThread_allocate_lock`: a new, unlocked lock.
    pub const fn new() -> PyThread_type_lock {
        PyThread_type_lock {
            locked: Mutex::new(false),
            cond: Condvar::new(),
        }
    }

    fn flag(&self) -> MutexGuard<'_, bool> {
        // The flag is always consistent, even after a panic elsewhere.
        self.locked.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the lock is held now.
    pub fn is_locked(&self) -> bool {
        *self.flag()
    }

    /// Take the lock if it is free (`PyThread_acquire_lock(lock, NOWAIT_LOCK)`).
    pub fn try_acquire(&self) -> bool {
        let mut l = self.flag();
        if *l {
            return false;
        }
        *l = true;
        true
    }

    /// Wait until the lock is free or `deadline` passes (`None`: no deadline), then
    /// take it if free. Call without the GIL.
    pub fn acquire_until(&self, deadline: Option<Instant>) -> bool {
        let mut l = self.flag();
        while *l {
            l = match deadline {
                None => self.cond.wait(l).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return false;
                    }
                    self.cond
                        .wait_timeout(l, d - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0
                }
            };
        }
        *l = true;
        true
    }

    /// `PyThread_release_lock`; false if the lock was not held.
    pub fn release(&self) -> bool {
        let mut l = self.flag();
        if !*l {
            return false;
        }
        *l = false;
        drop(l);
        self.cond.notify_one();
        true
    }

    /// `_PyThread_at_fork_reinit`: unlocked again (in a child after `fork`).
    pub fn reinit(&self) {
        *self.flag() = false;
    }
}

/// `acquire_timed` (Modules/_threadmodule.c): acquire `lock`, waiting at most
/// `timeout` seconds (`None`: forever) with the GIL released. On the main thread a
/// signal handler that raises ends the wait with its exception. Returns whether the
/// lock was acquired.
pub fn acquire_timed(lock: &PyThread_type_lock, timeout: Option<f64>) -> PyResult<bool> {
    if lock.try_acquire() {
        return Ok(true);
    }
    if timeout == Some(0.0) {
        return Ok(false);
    }
    let deadline = timeout.and_then(|t| Instant::now().checked_add(Duration::from_secs_f64(t)));
    loop {
        let main = crate::ceval_gil::_Py_ThreadCanHandleSignals();
        let got = {
            let _nogil = AllowThreads::new();
            if main {
                let slice = Instant::now() + SIGNAL_POLL;
                let until = match deadline {
                    Some(d) if d < slice => d,
                    _ => slice,
                };
                lock.acquire_until(Some(until))
            } else {
                lock.acquire_until(deadline)
            }
        };
        if got {
            return Ok(true);
        }
        if main {
            crate::signals::check_signals()?;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(false);
        }
    }
}
