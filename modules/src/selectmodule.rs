//! The `select` module: waiting for I/O on descriptors. Mirrors
//! Modules/selectmodule.c (CPython 3.11), the Linux part: `select()`, `poll` and
//! `epoll`.
//!
//! Every wait retries after a signal (EINTR), running the Python signal handlers
//! first and recomputing the remaining timeout (PEP 475), as CPython does.
//!
//! Differences from CPython: no `devpoll` and `kqueue` (not on Linux); a `poll`
//! object keeps its registrations in an insertion-ordered vector instead of a dict,
//! which gives the same order of results.

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::{Py_TPFLAGS_BASETYPE, Py_TPFLAGS_DEFAULT};
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::boolobject::PyBool_FromLong;
use objects::floatobject::{PyFloatObject, PyFloat_AsDouble};
use objects::getargs::parse_args;
use objects::listobject::PyList_New;
use objects::longobject::{PyLong_AsLong, PyLong_FromLong};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, PyObject_GenericGetAttr, Py_None};
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::tupleobject::PyTuple_New;
use objects::typeobject::{PyType_Ready, PyType_Type};

use crate::posixmodule::PyObject_AsFileDescriptor;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Nanoseconds per unit of a timeout argument.
const SEC_TO_NS: i64 = 1_000_000_000;
const MS_TO_NS: i64 = 1_000_000;

/// `_PyTime_FromSecondsObject` / `_PyTime_FromMillisecondsObject` with
/// `_PyTime_ROUND_TIMEOUT` (away from zero): a number of `unit_ns` as nanoseconds.
/// `type_msg` replaces the TypeError of a non-number, as the callers do.
pub(crate) fn timeout_ns(obj: &PyObject, unit_ns: i64, type_msg: &str) -> PyResult<i64> {
    if obj.downcast_ref::<PyFloatObject>().is_some() {
        let d = PyFloat_AsDouble(obj)?;
        if d.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let ns = d * unit_ns as f64;
        let ns = if ns >= 0.0 { ns.ceil() } else { ns.floor() };
        if !(ns >= i64::MIN as f64 && ns < i64::MAX as f64) {
            return Err(overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(ns as i64);
    }
    let overflow = || overflow_error("timestamp too large to convert to C _PyTime_t");
    let v = match PyLong_AsLong(obj) {
        Ok(v) => v,
        Err(e) if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_TypeError) => {
            return Err(type_error(type_msg))
        }
        Err(e) if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_OverflowError) => {
            return Err(overflow())
        }
        Err(e) => return Err(e),
    };
    v.checked_mul(unit_ns).ok_or_else(overflow)
}

/// `_PyTime_GetMonotonicClock` in nanoseconds.
pub(crate) fn monotonic_ns() -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-parameter.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec * SEC_TO_NS + ts.tv_nsec
}

/// Nanoseconds to milliseconds, rounded up (`_PyTime_AsMilliseconds` with
/// `_PyTime_ROUND_CEILING`), clamped to an `int`.
pub(crate) fn ns_to_ms_ceil(ns: i64) -> i32 {
    let ms = ns / MS_TO_NS + i64::from(ns % MS_TO_NS > 0);
    ms.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

// ---------------------------------------------------------------------------
// select()

/// `seq2set`: the descriptors of a sequence, with the objects that gave them.
fn seq2set(seq: &PyObject, set: &mut libc::fd_set) -> PyResult<Vec<(i32, PyObjectRef)>> {
    // A list is read in place, as `PySequence_Fast` leaves it: a `fileno()` that
    // shortens the list ends the walk early, as in CPython.
    let copy = match seq.downcast_ref::<objects::listobject::PyListObject>() {
        Some(_) => None,
        None => Some(objects::r#abstract::PySequence_Fast(
            seq,
            "arguments 1-3 must be sequences",
        )?),
    };
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        let item = match (
            &copy,
            seq.downcast_ref::<objects::listobject::PyListObject>(),
        ) {
            (Some(v), _) => v.get(i).cloned(),
            (None, Some(list)) => list.get(i),
            (None, None) => None,
        };
        let Some(item) = item else { break };
        i += 1;
        let fd = PyObject_AsFileDescriptor(&item)?;
        if fd >= libc::FD_SETSIZE as i32 {
            return Err(value_error("filedescriptor out of range in select()"));
        }
        // SAFETY: `fd` is in 0..FD_SETSIZE.
        unsafe { libc::FD_SET(fd, set) };
        out.push((fd, item));
    }
    Ok(out)
}

/// `set2list`: the objects whose descriptors are ready.
fn set2list(set: &libc::fd_set, objs: &[(i32, PyObjectRef)]) -> PyObjectRef {
    let ready = objs
        .iter()
        // SAFETY: every fd here passed the FD_SETSIZE check in `seq2set`.
        .filter(|(fd, _)| unsafe { libc::FD_ISSET(*fd, set) })
        .map(|(_, o)| o.clone())
        .collect();
    PyList_New(ready).into_object()
}

fn empty_fd_set() -> libc::fd_set {
    // SAFETY: an all-zero `fd_set` is a valid value; FD_ZERO makes it explicit.
    let mut s: libc::fd_set = unsafe { std::mem::zeroed() };
    // SAFETY: `s` is a valid fd_set.
    unsafe { libc::FD_ZERO(&mut s) };
    s
}

/// `select.select(rlist, wlist, xlist, timeout=None, /)`.
fn select_select(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("select", args.len(), 3, 4)?;
    let timeout = match args.get(3) {
        Some(t) if !t.is(Py_None()) => {
            let ns = timeout_ns(t, SEC_TO_NS, "timeout must be a float or None")?;
            if ns < 0 {
                return Err(value_error("timeout must be non-negative"));
            }
            Some(ns)
        }
        _ => None,
    };
    let (mut ifds, mut ofds, mut efds) = (empty_fd_set(), empty_fd_set(), empty_fd_set());
    let rl = seq2set(&args[0], &mut ifds)?;
    let wl = seq2set(&args[1], &mut ofds)?;
    let xl = seq2set(&args[2], &mut efds)?;
    let max = rl
        .iter()
        .chain(&wl)
        .chain(&xl)
        .map(|(fd, _)| *fd)
        .max()
        .unwrap_or(-1);
    let deadline = timeout.map(|t| monotonic_ns().saturating_add(t));
    let mut remaining = timeout;
    loop {
        let (mut i, mut o, mut e) = (ifds, ofds, efds);
        let mut tv = remaining.map(|ns| libc::timeval {
            tv_sec: ns / SEC_TO_NS,
            tv_usec: (ns % SEC_TO_NS + 999) / 1000,
        });
        let tvp = tv
            .as_mut()
            .map_or(std::ptr::null_mut(), |t| t as *mut libc::timeval);
        // The GIL is released while waiting; the sets are locals of this call.
        // SAFETY: the sets and the timeval are valid for the call.
        let n = python::ceval_gil::allow_threads(|| unsafe {
            libc::select(max + 1, &mut i, &mut o, &mut e, tvp)
        });
        if n < 0 {
            let err = errno();
            if err != libc::EINTR {
                return Err(objects::pyerrors::PyErr_SetFromErrno(err));
            }
            objects::pyhooks::check_signals()?;
            if let Some(d) = deadline {
                remaining = Some((d - monotonic_ns()).max(0));
            }
            continue;
        }
        return Ok(PyTuple_New(vec![
            set2list(&i, &rl),
            set2list(&o, &wl),
            set2list(&e, &xl),
        ])
        .into_object());
    }
}

// ---------------------------------------------------------------------------
// poll

/// `pollObject`: the registered descriptors and their event masks.
#[repr(C)]
pub struct pollObject {
    ob_base: PyObject,
    fds: PyCell<Vec<(i32, i16)>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for pollObject {}

fn as_poll(obj: &PyObject) -> &pollObject {
    // SAFETY: the methods are installed on `select.poll` only.
    unsafe { &*(obj as *const PyObject as *const pollObject) }
}

unsafe fn poll_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead poll object.
    unsafe { dealloc_object::<pollObject>(op) }
}

/// `_PyLong_UnsignedShort_Converter` for an event mask.
fn ushort_arg(obj: &PyObject) -> PyResult<u16> {
    let v = PyLong_AsLong(obj).map_err(|e| {
        if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_OverflowError) {
            overflow_error("Python int too large for C unsigned short")
        } else {
            e
        }
    })?;
    if v < 0 {
        return Err(value_error("value must be positive"));
    }
    u16::try_from(v).map_err(|_| overflow_error("Python int too large for C unsigned short"))
}

/// Positional-only arguments (Argument Clinic's `/`).
fn positional<'a>(
    fname: &str,
    args: &'a [PyObjectRef],
    min: usize,
    max: usize,
) -> PyResult<&'a [PyObjectRef]> {
    objects::getargs::check_positional(fname, args.len(), min, max)?;
    Ok(args)
}

/// `poll.register(fd, eventmask=POLLIN|POLLPRI|POLLOUT, /)`.
fn select_poll_register(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let args = positional("register", args, 1, 2)?;
    let fd = PyObject_AsFileDescriptor(&args[0])?;
    let mask = match args.get(1) {
        Some(m) => ushort_arg(m)?,
        None => (libc::POLLIN | libc::POLLPRI | libc::POLLOUT) as u16,
    };
    // SAFETY: no Python code runs while the vector is borrowed.
    let fds = unsafe { as_poll(obj).fds.get_mut() };
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask as i16,
        None => fds.push((fd, mask as i16)),
    }
    Ok(none())
}

/// `poll.modify(fd, eventmask, /)`.
fn select_poll_modify(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let args = positional("modify", args, 2, 2)?;
    let fd = PyObject_AsFileDescriptor(&args[0])?;
    let mask = ushort_arg(&args[1])?;
    // SAFETY: no Python code runs while the vector is borrowed.
    let fds = unsafe { as_poll(obj).fds.get_mut() };
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask as i16,
        None => return Err(objects::pyerrors::PyErr_SetFromErrno(libc::ENOENT)),
    }
    Ok(none())
}

/// `poll.unregister(fd, /)`.
fn select_poll_unregister(obj: &PyObject, arg: &PyObject) -> PyResult {
    let fd = PyObject_AsFileDescriptor(arg)?;
    // SAFETY: no Python code runs while the vector is borrowed.
    let fds = unsafe { as_poll(obj).fds.get_mut() };
    match fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            fds.remove(i);
            Ok(none())
        }
        None => Err(key_error(&PyLong_FromLong(i64::from(fd)))),
    }
}

/// Run `poll(2)` on `fds`, retrying after signals with the remaining time
/// (`None`: wait for ever). Returns the descriptors with their returned events.
fn do_poll(fds: &mut [libc::pollfd], timeout: Option<i64>) -> PyResult<usize> {
    let deadline = timeout.map(|t| monotonic_ns().saturating_add(t));
    let mut ms = timeout.map_or(-1, ns_to_ms_ceil);
    loop {
        let (ptr, len) = (fds.as_mut_ptr(), fds.len() as libc::nfds_t);
        // The GIL is released while waiting; `fds` is the caller's own copy.
        // SAFETY: `fds` is a valid array of pollfd of the given length.
        let n = python::ceval_gil::allow_threads(|| unsafe { libc::poll(ptr, len, ms) });
        if n >= 0 {
            return Ok(n as usize);
        }
        let err = errno();
        if err != libc::EINTR {
            return Err(objects::pyerrors::PyErr_SetFromErrno(err));
        }
        objects::pyhooks::check_signals()?;
        if let Some(d) = deadline {
            ms = ns_to_ms_ceil((d - monotonic_ns()).max(0));
        }
    }
}

/// `poll.poll(timeout=None, /)`: the timeout is in milliseconds; negative or None
/// waits for ever.
fn select_poll_poll(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let args = positional("poll", args, 0, 1)?;
    let timeout = match args.first() {
        Some(t) if !t.is(Py_None()) => {
            let ns = timeout_ns(t, MS_TO_NS, "timeout must be an integer or None")?;
            (ns >= 0).then_some(ns)
        }
        _ => None,
    };
    // SAFETY: copied out; no Python code runs while the vector is borrowed.
    let mut fds: Vec<libc::pollfd> = unsafe { as_poll(obj).fds.get_ref() }
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    do_poll(&mut fds, timeout)?;
    let result = fds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| {
            PyTuple_New(vec![
                PyLong_FromLong(i64::from(p.fd)),
                PyLong_FromLong(i64::from(p.revents as u16)),
            ])
            .into_object()
        })
        .collect();
    Ok(PyList_New(result).into_object())
}

static POLL_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "register",
        PyCFunction::Fast(select_poll_register),
        "register($self, fd,\n         eventmask=select.POLLIN | select.POLLPRI | select.POLLOUT, /)\n--\n\nRegister a file descriptor with the polling object.\n\n  fd\n    either an integer, or an object with a fileno() method returning an int\n  eventmask\n    an optional bitmask describing the type of events to check for",
    ),
    PyMethodDef::new(
        "modify",
        PyCFunction::Fast(select_poll_modify),
        "modify($self, fd, eventmask, /)\n--\n\nModify an already registered file descriptor.\n\n  fd\n    either an integer, or an object with a fileno() method returning\n    an int\n  eventmask\n    a bitmask describing the type of events to check for",
    ),
    PyMethodDef::new(
        "unregister",
        PyCFunction::O(select_poll_unregister),
        "unregister($self, fd, /)\n--\n\nRemove a file descriptor being tracked by the polling object.",
    ),
    PyMethodDef::new(
        "poll",
        PyCFunction::Fast(select_poll_poll),
        "poll($self, timeout=None, /)\n--\n\nPolls the set of registered file descriptors.\n\n  timeout\n    The maximum time to wait in milliseconds, or else None (or a negative\n    value) to wait indefinitely.\n\nReturns a list containing any descriptors that have events or errors to\nreport, as a list of (fd, event) 2-tuples.",
    ),
];

/// `select.poll`, made by `select.poll()` only.
pub static poll_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "select.poll",
    tp_basicsize: Cell::new(size_of::<pollObject>()),
    tp_dealloc: slot(poll_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
    tp_methods: &POLL_METHODS,
    ..PyTypeObject::DEFAULT
};

/// `select.poll()`.
fn select_poll(_m: &PyObject) -> PyResult {
    // SAFETY: `poll_Type` is ready and its instances are `pollObject`s.
    let obj = unsafe {
        alloc_object(
            &poll_Type,
            pollObject {
                ob_base: PyObject_HEAD_INIT,
                fds: PyCell::new(Vec::new()),
            },
        )
    };
    Ok(obj.into_object())
}

// ---------------------------------------------------------------------------
// epoll

/// `pyEpoll_Object`: the epoll descriptor (-1 once closed).
#[repr(C)]
pub struct pyEpoll_Object {
    ob_base: PyObject,
    epfd: Cell<i32>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for pyEpoll_Object {}

fn as_epoll(obj: &PyObject) -> &pyEpoll_Object {
    // SAFETY: the methods are installed on `select.epoll` and its subclasses only.
    unsafe { &*(obj as *const PyObject as *const pyEpoll_Object) }
}

/// `pyepoll_internal_close`.
fn pyepoll_internal_close(ep: &pyEpoll_Object) -> i32 {
    let fd = ep.epfd.replace(-1);
    if fd < 0 {
        return 0;
    }
    // SAFETY: closing a descriptor this object owns.
    if unsafe { libc::close(fd) } < 0 {
        errno()
    } else {
        0
    }
}

unsafe fn pyepoll_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead epoll object.
    unsafe {
        pyepoll_internal_close(as_epoll(&*op));
        dealloc_object::<pyEpoll_Object>(op)
    }
}

fn epoll_fd(obj: &PyObject) -> PyResult<i32> {
    let fd = as_epoll(obj).epfd.get();
    if fd < 0 {
        return Err(value_error("I/O operation on closed epoll object"));
    }
    Ok(fd)
}

/// `newPyEpoll_Object`: wrap `fd`, or create a new epoll descriptor when it is -1.
fn newPyEpoll_Object(tp: &PyTypeObject, fd: i32) -> PyResult {
    let fd = if fd == -1 {
        // SAFETY: plain system call.
        let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
        if fd < 0 {
            return Err(objects::pyerrors::PyErr_SetFromErrno(errno()));
        }
        fd
    } else {
        fd
    };
    // SAFETY: `tp` is `select.epoll` or a subclass; the rest of a subclass instance
    // is zeroed.
    let obj = unsafe {
        alloc_object(
            tp,
            pyEpoll_Object {
                ob_base: PyObject_HEAD_INIT,
                epfd: Cell::new(fd),
            },
        )
    };
    Ok(obj.into_object())
}

/// `select.epoll(sizehint=-1, flags=0)`.
fn pyepoll_new(tp: &PyTypeObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse_args("epoll", args, kw, &["sizehint", "flags"], 0)?;
    let sizehint = match &a[0] {
        Some(s) => PyLong_AsLong(s)?,
        None => -1,
    };
    if sizehint == 0 || sizehint < -1 {
        return Err(value_error("negative sizehint"));
    }
    if let Some(f) = &a[1] {
        // The flags are checked as an int and otherwise ignored, as CPython does.
        PyLong_AsLong(f)?;
    }
    newPyEpoll_Object(tp, -1)
}

/// `epoll.close()`.
fn select_epoll_close(obj: &PyObject) -> PyResult {
    let e = pyepoll_internal_close(as_epoll(obj));
    if e != 0 {
        return Err(objects::pyerrors::PyErr_SetFromErrno(e));
    }
    Ok(none())
}

fn pyepoll_get_closed(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_epoll(obj).epfd.get() < 0))
}

/// `epoll.fileno()`.
fn select_epoll_fileno(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(i64::from(epoll_fd(obj)?)))
}

/// `epoll.fromfd(fd, /)` (a class method).
fn select_epoll_fromfd(cls: &PyObject, arg: &PyObject) -> PyResult {
    let fd = PyLong_AsLong(arg)?;
    let fd =
        i32::try_from(fd).map_err(|_| overflow_error("signed integer is greater than maximum"))?;
    let Some(tp) = objects::typeobject::as_type(cls) else {
        return Err(type_error("fromfd() requires a type"));
    };
    newPyEpoll_Object(tp, fd)
}

/// `pyepoll_internal_ctl`.
fn pyepoll_internal_ctl(epfd: i32, op: i32, fd: i32, events: u32) -> PyResult {
    let mut ev = libc::epoll_event {
        events,
        u64: fd as u32 as u64,
    };
    // SAFETY: `ev` is valid for the call; EPOLL_CTL_DEL ignores it.
    if unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) } < 0 {
        return Err(objects::pyerrors::PyErr_SetFromErrno(errno()));
    }
    Ok(none())
}

fn event_mask(obj: &PyObject) -> PyResult<u32> {
    // "I": an unsigned int, without overflow checking.
    if obj.downcast_ref::<PyFloatObject>().is_some() {
        return Err(type_error("integer argument expected, got float"));
    }
    let v = objects::r#abstract::PyNumber_Index(obj)?;
    let big = objects::longobject::long_to_bigint(&v);
    let low: u64 = (big & num_bigint::BigInt::from(u32::MAX))
        .try_into()
        .unwrap_or(0);
    Ok(low as u32)
}

/// `epoll.register(fd, eventmask=EPOLLIN|EPOLLPRI|EPOLLOUT)`.
fn select_epoll_register(obj: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse_args("register", args, kw, &["fd", "eventmask"], 1)?;
    let fd = PyObject_AsFileDescriptor(a[0].as_deref().unwrap_or(Py_None()))?;
    let mask = match &a[1] {
        Some(m) => event_mask(m)?,
        None => (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32,
    };
    pyepoll_internal_ctl(epoll_fd(obj)?, libc::EPOLL_CTL_ADD, fd, mask)
}

/// `epoll.modify(fd, eventmask)`.
fn select_epoll_modify(obj: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse_args("modify", args, kw, &["fd", "eventmask"], 2)?;
    let fd = PyObject_AsFileDescriptor(a[0].as_deref().unwrap_or(Py_None()))?;
    let mask = event_mask(a[1].as_deref().unwrap_or(Py_None()))?;
    pyepoll_internal_ctl(epoll_fd(obj)?, libc::EPOLL_CTL_MOD, fd, mask)
}

/// `epoll.unregister(fd)`.
fn select_epoll_unregister(
    obj: &PyObject,
    args: &[PyObjectRef],
    kw: Option<&PyObject>,
) -> PyResult {
    let a = parse_args("unregister", args, kw, &["fd"], 1)?;
    let fd = PyObject_AsFileDescriptor(a[0].as_deref().unwrap_or(Py_None()))?;
    pyepoll_internal_ctl(epoll_fd(obj)?, libc::EPOLL_CTL_DEL, fd, 0)
}

/// `epoll.poll(timeout=None, maxevents=-1)`: the timeout is in seconds.
fn select_epoll_poll(obj: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse_args("poll", args, kw, &["timeout", "maxevents"], 0)?;
    let timeout = match &a[0] {
        Some(t) if !t.is(Py_None()) => {
            let ns = timeout_ns(t, SEC_TO_NS, "timeout must be an integer or None")?;
            (ns >= 0).then_some(ns)
        }
        _ => None,
    };
    let mut maxevents = match &a[1] {
        Some(m) => PyLong_AsLong(m)?,
        None => -1,
    };
    if maxevents == -1 {
        maxevents = libc::FD_SETSIZE as i64 - 1;
    } else if maxevents < 1 {
        return Err(value_error(format!(
            "maxevents must be greater than 0, got {maxevents}"
        )));
    }
    let epfd = epoll_fd(obj)?;
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents as usize];
    let deadline = timeout.map(|t| monotonic_ns().saturating_add(t));
    let mut ms = timeout.map_or(-1, ns_to_ms_ceil);
    let n = loop {
        let ptr = evs.as_mut_ptr();
        // The GIL is released while waiting; `evs` is a local of this call.
        // SAFETY: `evs` has room for `maxevents` events.
        let n = python::ceval_gil::allow_threads(|| unsafe {
            libc::epoll_wait(epfd, ptr, maxevents as i32, ms)
        });
        if n >= 0 {
            break n as usize;
        }
        let err = errno();
        if err != libc::EINTR {
            return Err(objects::pyerrors::PyErr_SetFromErrno(err));
        }
        objects::pyhooks::check_signals()?;
        if let Some(d) = deadline {
            ms = ns_to_ms_ceil((d - monotonic_ns()).max(0));
        }
    };
    let result = evs[..n]
        .iter()
        .map(|e| {
            let (data, events) = (e.u64, e.events);
            PyTuple_New(vec![
                PyLong_FromLong(i64::from(data as u32 as i32)),
                PyLong_FromLong(i64::from(events)),
            ])
            .into_object()
        })
        .collect();
    Ok(PyList_New(result).into_object())
}

fn select_epoll_enter(obj: &PyObject) -> PyResult {
    epoll_fd(obj)?;
    Ok(obj.to_owned())
}

fn select_epoll_exit(obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    select_epoll_close(obj)
}

static EPOLL_METHODS: [PyMethodDef; 9] = [
    PyMethodDef::new(
        "fromfd",
        PyCFunction::O(select_epoll_fromfd),
        "fromfd($type, fd, /)\n--\n\nCreate an epoll object from a given control fd.",
    )
    .with_flags(include::methodobject::METH_CLASS),
    PyMethodDef::new(
        "close",
        PyCFunction::NoArgs(select_epoll_close),
        "close($self, /)\n--\n\nClose the epoll control file descriptor.\n\nFurther operations on the epoll object will raise an exception.",
    ),
    PyMethodDef::new(
        "fileno",
        PyCFunction::NoArgs(select_epoll_fileno),
        "fileno($self, /)\n--\n\nReturn the epoll control file descriptor.",
    ),
    PyMethodDef::new(
        "modify",
        PyCFunction::FastKw(select_epoll_modify),
        "modify($self, /, fd, eventmask)\n--\n\nModify event mask for a registered file descriptor.",
    ),
    PyMethodDef::new(
        "register",
        PyCFunction::FastKw(select_epoll_register),
        "register($self, /, fd,\n         eventmask=select.EPOLLIN | select.EPOLLPRI | select.EPOLLOUT)\n--\n\nRegisters a new fd or raises an OSError if the fd is already registered.",
    ),
    PyMethodDef::new(
        "unregister",
        PyCFunction::FastKw(select_epoll_unregister),
        "unregister($self, /, fd)\n--\n\nRemove a registered file descriptor from the epoll object.",
    ),
    PyMethodDef::new(
        "poll",
        PyCFunction::FastKw(select_epoll_poll),
        "poll($self, /, timeout=None, maxevents=-1)\n--\n\nWait for events on the epoll file descriptor.",
    ),
    PyMethodDef::new("__enter__", PyCFunction::NoArgs(select_epoll_enter), ""),
    PyMethodDef::new("__exit__", PyCFunction::Fast(select_epoll_exit), ""),
];

static EPOLL_GETSET: [PyGetSetDef; 1] = [PyGetSetDef::getter("closed", pyepoll_get_closed)];

/// `select.epoll`.
pub static pyEpoll_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "select.epoll",
    tp_basicsize: Cell::new(size_of::<pyEpoll_Object>()),
    tp_dealloc: slot(pyepoll_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object\n\nsizehint must be a positive integer or -1 for the default size. The\nsizehint is used to optimize internal data structures. It doesn't limit\nthe maximum number of monitored events."),
    tp_methods: &EPOLL_METHODS,
    tp_getset: &EPOLL_GETSET,
    tp_new: slot(pyepoll_new),
    ..PyTypeObject::DEFAULT
};

static SELECT_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "select",
        PyCFunction::Fast(select_select),
        "select($module, rlist, wlist, xlist, timeout=None, /)\n--\n\nWait until one or more file descriptors are ready for some kind of I/O.",
    ),
    PyMethodDef::new(
        "poll",
        PyCFunction::NoArgs(select_poll),
        "poll($module, /)\n--\n\nReturns a polling object.\n\nThis object supports registering and unregistering file descriptors, and then\npolling them for I/O events.",
    ),
];

/// Make the `select` module (`PyInit_select`).
pub fn PyInit_select() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&poll_Type)?;
    PyType_Ready(&pyEpoll_Type)?;
    let m = PyModule_New("select")?;
    PyModule_AddFunctions(&m, &SELECT_METHODS)?;
    PyModule_AddObject(&m, "error", objects::exceptions::PyExc_OSError.as_object())?;
    PyModule_AddObject(&m, "epoll", pyEpoll_Type.as_object())?;
    let consts: [(&str, i64); 28] = [
        ("PIPE_BUF", libc::PIPE_BUF as i64),
        ("POLLIN", libc::POLLIN.into()),
        ("POLLPRI", libc::POLLPRI.into()),
        ("POLLOUT", libc::POLLOUT.into()),
        ("POLLERR", libc::POLLERR.into()),
        ("POLLHUP", libc::POLLHUP.into()),
        ("POLLNVAL", libc::POLLNVAL.into()),
        ("POLLRDNORM", libc::POLLRDNORM.into()),
        ("POLLRDBAND", libc::POLLRDBAND.into()),
        ("POLLWRNORM", libc::POLLWRNORM.into()),
        ("POLLWRBAND", libc::POLLWRBAND.into()),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", libc::POLLRDHUP.into()),
        ("EPOLLIN", libc::EPOLLIN.into()),
        ("EPOLLOUT", libc::EPOLLOUT.into()),
        ("EPOLLPRI", libc::EPOLLPRI.into()),
        ("EPOLLERR", libc::EPOLLERR.into()),
        ("EPOLLHUP", libc::EPOLLHUP.into()),
        ("EPOLLET", libc::EPOLLET as u32 as i64),
        ("EPOLLONESHOT", libc::EPOLLONESHOT.into()),
        ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE.into()),
        ("EPOLLRDHUP", libc::EPOLLRDHUP.into()),
        ("EPOLLRDNORM", libc::EPOLLRDNORM.into()),
        ("EPOLLRDBAND", libc::EPOLLRDBAND.into()),
        ("EPOLLWRNORM", libc::EPOLLWRNORM.into()),
        ("EPOLLWRBAND", libc::EPOLLWRBAND.into()),
        ("EPOLLMSG", libc::EPOLLMSG.into()),
        ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC.into()),
    ];
    for (name, value) in consts {
        PyModule_AddObject(&m, name, &PyLong_FromLong(value))?;
    }
    Ok(m)
}
