//! The `_signal` module: installing Python signal handlers, signal masks, timers.
//! Mirrors Modules/signalmodule.c (CPython 3.11); the handler table and the
//! C-level handler live in python/src/signals.rs, where the eval loop runs the
//! Python handlers.
//!
//! Differences from CPython: `sigwait`, `sigwaitinfo`, `sigtimedwait`,
//! `pidfd_send_signal` and `struct_siginfo` are not implemented yet; `signal()` does
//! not check that it is called from the main thread.

use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::exceptions::{PyExc_KeyboardInterrupt, PyExc_OSError};
use objects::floatobject::{PyFloat_AsDouble, PyFloat_FromDouble};
use objects::getargs::check_positional;
use objects::longobject::{PyLongObject, PyLong_AsLong, PyLong_FromSsize_t};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::Py_None;
use objects::prelude::*;
use objects::pyerrors::{PyErr_FromArgs, PyErr_SetFromErrno};
use objects::r#abstract::{PyIter_Next, PyNumber_Index, PyObject_GetIter};
use objects::tupleobject::PyTuple_New;
use objects::unicodeobject::PyUnicode_FromString;

use python::signals::{get_handler, set_handler, signal_handler, NSIG};

/// `SIG_DFL` and `SIG_IGN` as the module exposes them (`DefaultHandler`,
/// `IgnoreHandler`).
const DEFAULT_HANDLER: i64 = 0;
const IGNORE_HANDLER: i64 = 1;

static ITIMER_ERROR: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn none() -> PyObjectRef {
    Py_None().to_owned()
}

fn int_arg(obj: &PyObject) -> PyResult<i64> {
    PyLong_AsLong(&*PyNumber_Index(obj)?)
}

/// A signal number argument, checked against `1..NSIG`.
fn signum_arg(obj: &PyObject) -> PyResult<libc::c_int> {
    let n = int_arg(obj)?;
    if n < 1 || n >= NSIG as i64 {
        return Err(value_error("signal number out of range"));
    }
    Ok(n as libc::c_int)
}

/// Is `obj` an int equal to `value` (`compare_handler`)?
fn is_handler(obj: &PyObject, value: i64) -> bool {
    PyLongObject::check(obj) && PyLong_AsLong(obj).ok() == Some(value)
}

/// `default_int_handler(signalnum, frame, /)`: raise `KeyboardInterrupt`.
fn signal_default_int_handler(_m: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    Err(PyErr_FromArgs(&PyExc_KeyboardInterrupt, &[]))
}

/// `signal.signal(signalnum, handler, /)`.
fn signal_signal(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("signal", args.len(), 2, 2)?;
    let n = int_arg(&args[0])?;
    if !python::ceval_gil::_Py_ThreadCanHandleSignals() {
        return Err(value_error(
            "signal only works in main thread of the main interpreter",
        ));
    }
    if n < 1 || n >= NSIG as i64 {
        return Err(value_error("signal number out of range"));
    }
    let signum = n as libc::c_int;
    let handler = &args[1];
    let func: libc::sighandler_t = if is_handler(handler, IGNORE_HANDLER) {
        libc::SIG_IGN
    } else if is_handler(handler, DEFAULT_HANDLER) {
        libc::SIG_DFL
    } else if handler.ob_type().tp_call.get().is_none() {
        return Err(type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    } else {
        signal_handler as extern "C" fn(libc::c_int) as libc::sighandler_t
    };
    // Handle pending signals before replacing their handler (as CPython does).
    python::signals::check_signals()?;
    // SAFETY: a zeroed sigaction is valid; the handler only touches atomics and write(2).
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = func;
        libc::sigemptyset(&mut act.sa_mask);
        act.sa_flags = libc::SA_ONSTACK;
        if libc::sigaction(signum, &act, std::ptr::null_mut()) != 0 {
            return Err(PyErr_SetFromErrno(errno()));
        }
    }
    let old = set_handler(signum as usize, Some(handler.clone()));
    Ok(old.unwrap_or_else(none))
}

/// `signal.getsignal(signalnum, /)`.
fn signal_getsignal(_m: &PyObject, signalnum: &PyObject) -> PyResult {
    let signum = signum_arg(signalnum)?;
    Ok(get_handler(signum as usize).unwrap_or_else(none))
}

/// `signal.raise_signal(signalnum, /)`.
fn signal_raise_signal(_m: &PyObject, signalnum: &PyObject) -> PyResult {
    let signum = signum_arg(signalnum)?;
    // SAFETY: raise(3) with a valid signal number.
    if unsafe { libc::raise(signum) } != 0 {
        return Err(PyErr_SetFromErrno(errno()));
    }
    python::signals::check_signals()?;
    Ok(none())
}

/// `signal.strsignal(signalnum, /)`.
fn signal_strsignal(_m: &PyObject, signalnum: &PyObject) -> PyResult {
    let signum = signum_arg(signalnum)?;
    // SAFETY: strsignal returns a static or thread-local string, or NULL.
    let p = unsafe { libc::strsignal(signum) };
    if p.is_null() {
        return Ok(none());
    }
    // SAFETY: a NUL-terminated C string from libc.
    let s = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy();
    // glibc names signals it does not know "Unknown signal N"; CPython returns None.
    if s.contains("Unknown signal") {
        return Ok(none());
    }
    Ok(PyUnicode_FromString(&s))
}

/// `signal.alarm(seconds, /)`.
fn signal_alarm(_m: &PyObject, seconds: &PyObject) -> PyResult {
    let secs = int_arg(seconds)?;
    // SAFETY: alarm(2) has no preconditions.
    let left = unsafe { libc::alarm(secs as libc::c_uint) };
    Ok(PyLong_FromSsize_t(left as isize))
}

/// `signal.pause()`.
fn signal_pause(_m: &PyObject) -> PyResult {
    // SAFETY: pause(2) returns when a signal is caught.
    unsafe { libc::pause() };
    python::signals::check_signals()?;
    Ok(none())
}

/// `signal.siginterrupt(signalnum, flag, /)`.
fn signal_siginterrupt(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("siginterrupt", args.len(), 2, 2)?;
    let signum = signum_arg(&args[0])?;
    let flag = int_arg(&args[1])? != 0;
    // SAFETY: query then update the current action of a valid signal.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(signum, std::ptr::null(), &mut act) != 0 {
            return Err(PyErr_SetFromErrno(errno()));
        }
        if flag {
            act.sa_flags &= !libc::SA_RESTART;
        } else {
            act.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(signum, &act, std::ptr::null_mut()) != 0 {
            return Err(PyErr_SetFromErrno(errno()));
        }
    }
    Ok(none())
}

/// `signal.set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)`.
fn signal_set_wakeup_fd(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = objects::getargs::unpack_keywords(
        &objects::getargs::ArgSpec {
            fname: "set_wakeup_fd",
            names: &["", "warn_on_full_buffer"],
            posonly: 1,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let fd = int_arg(a[0].as_ref().unwrap_or(&args[0]))? as i32;
    let warn = match &a[1] {
        Some(w) => objects::object::PyObject_IsTrue(w)?,
        None => true,
    };
    if !python::ceval_gil::_Py_ThreadCanHandleSignals() {
        return Err(value_error(
            "set_wakeup_fd only works in main thread of the main interpreter",
        ));
    }
    if fd != -1 {
        // SAFETY: fstat on any int; `st` is written only on success.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(PyErr_SetFromErrno(errno()));
        }
        // SAFETY: fcntl(F_GETFL) on a valid descriptor.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if flags & libc::O_NONBLOCK == 0 {
            return Err(value_error(format!(
                "the fd {fd} must be in non-blocking mode"
            )));
        }
    }
    python::signals::WAKEUP_WARN.store(warn, std::sync::atomic::Ordering::SeqCst);
    let old = python::signals::WAKEUP_FD.swap(fd, std::sync::atomic::Ordering::SeqCst);
    Ok(PyLong_FromSsize_t(old as isize))
}

/// A `sigset_t` from an iterable of signal numbers (`_Py_Sigset_Converter`).
fn sigset_arg(obj: &PyObject) -> PyResult<libc::sigset_t> {
    // SAFETY: sigemptyset initialises the set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigemptyset(&mut set) };
    let it = PyObject_GetIter(obj)?;
    while let Some(item) = PyIter_Next(&it)? {
        let n = int_arg(&item)?;
        if n < 1 || n >= NSIG as i64 {
            return Err(value_error(format!(
                "signal number {n} out of range [1; {}]",
                NSIG - 1
            )));
        }
        // SAFETY: a valid signal number into an initialised set.
        unsafe { libc::sigaddset(&mut set, n as libc::c_int) };
    }
    Ok(set)
}

/// A Python set of the signals in `set` (`sigset_to_set`).
fn sigset_to_set(set: &libc::sigset_t) -> PyResult {
    let out = objects::setobject::PySet_New(None)?;
    for sig in 1..NSIG as libc::c_int {
        // SAFETY: an initialised set and a valid signal number.
        if unsafe { libc::sigismember(set, sig) } == 1 {
            objects::setobject::PySet_Add(&out, &*signal_number(sig)?)?;
        }
    }
    Ok(out)
}

/// A signal number as `signal.Signals` would see it: a plain int here; the
/// `signal` module converts it.
fn signal_number(sig: libc::c_int) -> PyResult {
    Ok(PyLong_FromSsize_t(sig as isize))
}

/// `signal.valid_signals()`.
fn signal_valid_signals(_m: &PyObject) -> PyResult {
    // SAFETY: sigfillset initialises the set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigfillset(&mut set) } != 0 {
        return Err(PyErr_SetFromErrno(errno()));
    }
    sigset_to_set(&set)
}

/// `signal.pthread_sigmask(how, mask, /)`.
fn signal_pthread_sigmask(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("pthread_sigmask", args.len(), 2, 2)?;
    let how = int_arg(&args[0])? as libc::c_int;
    let mask = sigset_arg(&args[1])?;
    // SAFETY: zeroed sigset_t is written by pthread_sigmask.
    let mut previous: libc::sigset_t = unsafe { std::mem::zeroed() };
    let err = unsafe { libc::pthread_sigmask(how, &mask, &mut previous) };
    if err != 0 {
        return Err(PyErr_SetFromErrno(err));
    }
    // A signal unblocked here may be pending: run its handler now.
    python::signals::check_signals()?;
    sigset_to_set(&previous)
}

/// `signal.sigpending()`.
fn signal_sigpending(_m: &PyObject) -> PyResult {
    // SAFETY: sigpending writes the set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigpending(&mut set) } != 0 {
        return Err(PyErr_SetFromErrno(errno()));
    }
    sigset_to_set(&set)
}

/// `signal.pthread_kill(thread_id, signalnum, /)`.
fn signal_pthread_kill(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("pthread_kill", args.len(), 2, 2)?;
    // `unsigned long` conversion: a negative id is an OverflowError.
    let tid = PyLong_AsLong(&*PyNumber_Index(&args[0])?)?;
    if tid < 0 {
        return Err(objects::pyerrors::PyErr_SetString(
            &objects::exceptions::PyExc_OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let signum = int_arg(&args[1])? as libc::c_int;
    // SAFETY: pthread_kill reports a bad thread id or signal as an error code.
    let err = unsafe { libc::pthread_kill(tid as libc::pthread_t, signum) };
    if err != 0 {
        return Err(PyErr_SetFromErrno(err));
    }
    python::signals::check_signals()?;
    Ok(none())
}

fn timeval_from_double(d: f64) -> libc::timeval {
    let sec = d.floor();
    libc::timeval {
        tv_sec: sec as libc::time_t,
        tv_usec: ((d - sec) * 1e6).round() as libc::suseconds_t,
    }
}

fn double_from_timeval(tv: &libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6
}

fn itimer_tuple(v: &libc::itimerval) -> PyResult {
    Ok(PyTuple_New(vec![
        PyFloat_FromDouble(double_from_timeval(&v.it_value)),
        PyFloat_FromDouble(double_from_timeval(&v.it_interval)),
    ])
    .into_object())
}

fn itimer_error() -> PyErr {
    let e = errno();
    // SAFETY: single-threaded; set once at module init.
    match unsafe { ITIMER_ERROR.get_ref() }
        .as_ref()
        .and_then(|t| objects::typeobject::as_type(t))
    {
        Some(tp) => {
            let msg = std::io::Error::from_raw_os_error(e).to_string();
            let msg = msg.split(" (os error").next().unwrap_or("").to_string();
            PyErr_FromArgs(
                tp,
                &[PyLong_FromSsize_t(e as isize), PyUnicode_FromString(&msg)],
            )
        }
        None => PyErr_SetFromErrno(e),
    }
}

/// Make `signal.itimer_error`, a subclass of OSError.
fn make_itimer_error() -> PyResult {
    objects::pyerrors::PyErr_NewException("signal.itimer_error", &[&PyExc_OSError])
}

/// `signal.setitimer(which, seconds, interval=0.0, /)`.
fn signal_setitimer(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("setitimer", args.len(), 2, 3)?;
    let which = int_arg(&args[0])? as libc::c_int;
    let seconds = PyFloat_AsDouble(&args[1])?;
    let interval = match args.get(2) {
        Some(i) => PyFloat_AsDouble(i)?,
        None => 0.0,
    };
    let new = libc::itimerval {
        it_value: timeval_from_double(seconds),
        it_interval: timeval_from_double(interval),
    };
    // SAFETY: zeroed itimerval is written by setitimer.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::setitimer(which, &new, &mut old) } != 0 {
        return Err(itimer_error());
    }
    itimer_tuple(&old)
}

/// `signal.getitimer(which, /)`.
fn signal_getitimer(_m: &PyObject, which: &PyObject) -> PyResult {
    let which = int_arg(which)? as libc::c_int;
    // SAFETY: zeroed itimerval is written by getitimer.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::getitimer(which, &mut cur) } != 0 {
        return Err(itimer_error());
    }
    itimer_tuple(&cur)
}

static SIGNAL_METHODS: [PyMethodDef; 15] = [
    PyMethodDef::new("default_int_handler", PyCFunction::Fast(signal_default_int_handler), "default_int_handler($module, signalnum, frame, /)\n--\n\nThe default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."),
    PyMethodDef::new("alarm", PyCFunction::O(signal_alarm), "alarm($module, seconds, /)\n--\n\nArrange for SIGALRM to arrive after the given number of seconds."),
    PyMethodDef::new("setitimer", PyCFunction::Fast(signal_setitimer), "setitimer($module, which, seconds, interval=0.0, /)\n--\n\nSets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF).\n\nThe timer will fire after value seconds and after that every interval seconds.\nThe itimer can be cleared by setting seconds to zero.\n\nReturns old values as a tuple: (delay, interval)."),
    PyMethodDef::new("getitimer", PyCFunction::O(signal_getitimer), "getitimer($module, which, /)\n--\n\nReturns current value of given itimer."),
    PyMethodDef::new("signal", PyCFunction::Fast(signal_signal), "signal($module, signalnum, handler, /)\n--\n\nSet the action for the given signal.\n\nThe action can be SIG_DFL, SIG_IGN, or a callable Python object.\nThe previous action is returned.  See getsignal() for possible return values.\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame."),
    PyMethodDef::new("raise_signal", PyCFunction::O(signal_raise_signal), "raise_signal($module, signalnum, /)\n--\n\nSend a signal to the executing process."),
    PyMethodDef::new("strsignal", PyCFunction::O(signal_strsignal), "strsignal($module, signalnum, /)\n--\n\nReturn the system description of the given signal.\n\nReturns the description of signal *signalnum*, such as \"Interrupt\"\nfor :const:`SIGINT`. Returns :const:`None` if *signalnum* has no\ndescription. Raises :exc:`ValueError` if *signalnum* is invalid."),
    PyMethodDef::new("getsignal", PyCFunction::O(signal_getsignal), "getsignal($module, signalnum, /)\n--\n\nReturn the current action for the given signal.\n\nThe return value can be:\n  SIG_IGN -- if the signal is being ignored\n  SIG_DFL -- if the default action for the signal is in effect\n  None    -- if an unknown handler is in effect\n  anything else -- the callable Python object used as a handler"),
    PyMethodDef::new("set_wakeup_fd", PyCFunction::FastKw(signal_set_wakeup_fd), "set_wakeup_fd(fd, *, warn_on_full_buffer=True)\n\nSets the fd to be written to (with the signal number) when a signal\ncomes in.  A library can use this to wakeup select or poll.\nThe previous fd or -1 is returned.\n\nThe fd must be non-blocking."),
    PyMethodDef::new("siginterrupt", PyCFunction::Fast(signal_siginterrupt), "siginterrupt($module, signalnum, flag, /)\n--\n\nChange system call restart behaviour.\n\nIf flag is False, system calls will be restarted when interrupted by\nsignal sig, else system calls will be interrupted."),
    PyMethodDef::new("pause", PyCFunction::NoArgs(signal_pause), "pause($module, /)\n--\n\nWait until a signal arrives."),
    PyMethodDef::new("pthread_kill", PyCFunction::Fast(signal_pthread_kill), "pthread_kill($module, thread_id, signalnum, /)\n--\n\nSend a signal to a thread."),
    PyMethodDef::new("pthread_sigmask", PyCFunction::Fast(signal_pthread_sigmask), "pthread_sigmask($module, how, mask, /)\n--\n\nFetch and/or change the signal mask of the calling thread."),
    PyMethodDef::new("sigpending", PyCFunction::NoArgs(signal_sigpending), "sigpending($module, /)\n--\n\nExamine pending signals.\n\nReturns a set of signal numbers that are pending for delivery to\nthe calling thread."),
    PyMethodDef::new("valid_signals", PyCFunction::NoArgs(signal_valid_signals), "valid_signals($module, /)\n--\n\nReturn a set of valid signal numbers on this platform.\n\nThe signal numbers returned by this function can be safely passed to\nfunctions like `pthread_sigmask`."),
];

/// The `SIG*` constants of Linux, in CPython's order.
const SIGNALS: &[(&str, libc::c_int)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGIOT", libc::SIGIOT),
    ("SIGABRT", libc::SIGABRT),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGBUS", libc::SIGBUS),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGSYS", libc::SIGSYS),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGPWR", libc::SIGPWR),
    ("SIGIO", libc::SIGIO),
    ("SIGURG", libc::SIGURG),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGCONT", libc::SIGCONT),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGSTKFLT", libc::SIGSTKFLT),
];

/// Make the `_signal` module (`signal_module_exec`).
pub fn PyInit__signal() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_signal")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString("This module provides mechanisms to use signal handlers in Python.\n\nFunctions:\n\nalarm() -- cause SIGALRM after a specified time [Unix only]\nsetitimer() -- cause a signal (described below) after a specified\n               float time and the timer may restart then [Unix only]\ngetitimer() -- get current value of timer [Unix only]\nsignal() -- set the action for a given signal\ngetsignal() -- get the signal action for a given signal\npause() -- wait until a signal arrives [Unix only]\ndefault_int_handler() -- default SIGINT handler\n\nsignal constants:\nSIG_DFL -- used to refer to the system default handler\nSIG_IGN -- used to ignore the signal\nNSIG -- number of defined signals\nSIGINT, SIGTERM, etc. -- signal numbers\n\nitimer constants:\nITIMER_REAL -- decrements in real time, and delivers SIGALRM upon\n               expiration\nITIMER_VIRTUAL -- decrements only when the process is executing,\n               and delivers SIGVTALRM upon expiration\nITIMER_PROF -- decrements both when the process is executing and\n               when the system is executing on behalf of the process.\n               Coupled with ITIMER_VIRTUAL, this timer is usually\n               used to profile the time spent by the application\n               in user and kernel space. SIGPROF is delivered upon\n               expiration.\n\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame."))?;
    PyModule_AddFunctions(&m, &SIGNAL_METHODS)?;
    let int = |v: i64| PyLong_FromSsize_t(v as isize);
    PyModule_AddObject(&m, "SIG_DFL", &int(DEFAULT_HANDLER))?;
    PyModule_AddObject(&m, "SIG_IGN", &int(IGNORE_HANDLER))?;
    PyModule_AddObject(&m, "NSIG", &int(NSIG as i64))?;
    PyModule_AddObject(&m, "SIG_BLOCK", &int(libc::SIG_BLOCK as i64))?;
    PyModule_AddObject(&m, "SIG_UNBLOCK", &int(libc::SIG_UNBLOCK as i64))?;
    PyModule_AddObject(&m, "SIG_SETMASK", &int(libc::SIG_SETMASK as i64))?;
    for (name, v) in SIGNALS {
        PyModule_AddObject(&m, name, &int(*v as i64))?;
    }
    PyModule_AddObject(&m, "SIGRTMIN", &int(libc::SIGRTMIN() as i64))?;
    PyModule_AddObject(&m, "SIGRTMAX", &int(libc::SIGRTMAX() as i64))?;
    PyModule_AddObject(&m, "ITIMER_REAL", &int(libc::ITIMER_REAL as i64))?;
    PyModule_AddObject(&m, "ITIMER_VIRTUAL", &int(libc::ITIMER_VIRTUAL as i64))?;
    PyModule_AddObject(&m, "ITIMER_PROF", &int(libc::ITIMER_PROF as i64))?;
    // SAFETY: single-threaded; the borrow ends before any Python code runs.
    let itimer = match unsafe { ITIMER_ERROR.get_ref() }.clone() {
        Some(t) => t,
        None => {
            let t = make_itimer_error()?;
            // SAFETY: single-threaded; set once.
            unsafe { *ITIMER_ERROR.get_mut() = Some(t.clone()) };
            t
        }
    };
    PyModule_AddObject(&m, "ItimerError", &itimer)?;
    let dih = objects::object::PyObject_GetAttrString(m.as_object(), "default_int_handler")?;
    // Record what each signal's handler is now: SIG_DFL, SIG_IGN, or (for SIGINT,
    // whose handler pyrs installed at start-up) `default_int_handler`.
    for sig in 1..NSIG as libc::c_int {
        if get_handler(sig as usize).is_some() {
            continue;
        }
        // SAFETY: querying the action of a signal number; `old` is written on success.
        let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
        if unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) } != 0 {
            continue;
        }
        let func = if sig == libc::SIGINT
            && old.sa_sigaction
                == signal_handler as extern "C" fn(libc::c_int) as libc::sighandler_t
        {
            Some(dih.clone())
        } else if old.sa_sigaction == libc::SIG_DFL {
            Some(int(DEFAULT_HANDLER))
        } else if old.sa_sigaction == libc::SIG_IGN {
            Some(int(IGNORE_HANDLER))
        } else {
            None
        };
        drop(set_handler(sig as usize, func));
    }
    Ok(m)
}
