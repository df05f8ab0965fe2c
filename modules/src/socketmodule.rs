//! The `_socket` module: BSD sockets under Lib/socket.py. Mirrors
//! Modules/socketmodule.c (CPython 3.11), the Linux part.
//!
//! A socket object holds the descriptor, its family, type and protocol, and a timeout
//! in nanoseconds (-1: blocking, 0: non-blocking, more: wait at most that long). A
//! socket with a timeout is put in non-blocking mode and every call waits with
//! `poll()` first (`sock_call_ex`), retrying after signals (PEP 475).
//!
//! Differences from CPython: the families are AF_INET, AF_INET6 and AF_UNIX (other
//! addresses are returned as `(family, raw bytes)` and refused as arguments); no
//! `sendmsg`/`recvmsg`,
//! `if_nameindex` and friends, `sethostname`, `CMSG_LEN`, or the CAN, TIPC, ALG,
//! VSOCK and J1939 constants. An unclosed socket is closed when it is freed without
//! the ResourceWarning.

use objects::pyerrors::cached_exception_type;
use std::cell::Cell;
use std::ffi::{CStr, CString};
use std::mem::size_of;

use include::cpython::object::flags::{Py_TPFLAGS_BASETYPE, Py_TPFLAGS_DEFAULT};
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::boolobject::PyBool_FromLong;
use objects::bytearrayobject::PyByteArrayObject;
use objects::bytesobject::{buffer_arg, PyBytesObject, PyBytes_FromSlice};
use objects::floatobject::{PyFloatObject, PyFloat_FromDouble};
use objects::getargs::{check_positional, parse_args};
use objects::listobject::PyList_New;
use objects::longobject::{PyLongObject, PyLong_AsLong, PyLong_FromLong};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, PyObject_GenericGetAttr, Py_None};
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::pyerrors::PyErr_SetFromErrno;
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

use crate::selectmodule::{monotonic_ns, ns_to_ms_ceil, timeout_ns};

const SEC_TO_NS: i64 = 1_000_000_000;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn set_errno(e: i32) {
    // SAFETY: the thread's errno location is always valid.
    unsafe { *libc::__errno_location() = e };
}

/// `set_error`: `OSError` from `errno`.
fn set_error() -> PyErr {
    PyErr_SetFromErrno(errno())
}

/// `socket.timeout`, which is `TimeoutError` since 3.10: "timed out".
fn timeout_error() -> PyErr {
    PyErr_SetString(&objects::exceptions::PyExc_TimeoutError, "timed out")
}

/// The default timeout of new sockets, in nanoseconds (-1: none).
static DEFAULTTIMEOUT: GlobalCell<i64> = GlobalCell::new(-1);

fn defaulttimeout() -> i64 {
    // SAFETY: single-threaded; a plain copy.
    unsafe { *DEFAULTTIMEOUT.get_ref() }
}

// ---------------------------------------------------------------------------
// gaierror and herror

static GAIERROR: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);
static HERROR: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);

/// An OSError subclass of this module, made once.
fn exception_type(
    cell: &'static GlobalCell<Option<PyObjectRef>>,
    name: &str,
) -> PyResult<&'static PyTypeObject> {
    cached_exception_type(cell, name, &[&objects::exceptions::PyExc_OSError])
}

/// `set_gaierror`: `socket.gaierror(code, gai_strerror(code))`, or `OSError` from
/// `errno` for EAI_SYSTEM.
fn set_gaierror(code: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return set_error();
    }
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) };
    code_error(&GAIERROR, "socket.gaierror", code, msg)
}

/// `exc_type(code, message)` for one of this module's OSError subclasses.
fn code_error(
    cell: &'static GlobalCell<Option<PyObjectRef>>,
    name: &str,
    code: i32,
    msg: &CStr,
) -> PyErr {
    let tp = match exception_type(cell, name) {
        Ok(tp) => tp,
        Err(e) => return e,
    };
    objects::pyerrors::PyErr_FromArgs(
        tp,
        &[
            PyLong_FromLong(i64::from(code)),
            PyUnicode_FromString(&msg.to_string_lossy()),
        ],
    )
}

// ---------------------------------------------------------------------------
// The socket object

/// `PySocketSockObject`.
#[repr(C)]
pub struct PySocketSockObject {
    ob_base: PyObject,
    sock_fd: Cell<i32>,
    sock_family: Cell<i32>,
    sock_type: Cell<i32>,
    sock_proto: Cell<i32>,
    /// Nanoseconds; -1 means blocking without a timeout.
    sock_timeout: Cell<i64>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PySocketSockObject {}

fn as_sock(obj: &PyObject) -> &PySocketSockObject {
    // SAFETY: the methods are installed on `_socket.socket` and its subclasses only.
    unsafe { &*(obj as *const PyObject as *const PySocketSockObject) }
}

unsafe fn sock_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead socket; its descriptor (if any) is still ours.
    unsafe {
        let fd = as_sock(&*op).sock_fd.replace(-1);
        if fd >= 0 {
            libc::close(fd);
        }
        dealloc_object::<PySocketSockObject>(op)
    }
}

/// `internal_setblocking`: clear or set O_NONBLOCK.
fn internal_setblocking(s: &PySocketSockObject, block: bool) -> PyResult<()> {
    let fd = s.sock_fd.get();
    // SAFETY: plain system calls on an integer descriptor.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 {
            return Err(set_error());
        }
        let new = if block {
            flags & !libc::O_NONBLOCK
        } else {
            flags | libc::O_NONBLOCK
        };
        if new != flags && libc::fcntl(fd, libc::F_SETFL, new) < 0 {
            return Err(set_error());
        }
    }
    Ok(())
}

/// `init_sockobject`.
fn init_sockobject(
    s: &PySocketSockObject,
    fd: i32,
    family: i32,
    type_: i32,
    proto: i32,
) -> PyResult<()> {
    s.sock_fd.set(fd);
    s.sock_family.set(family);
    s.sock_type
        .set(type_ & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.sock_proto.set(proto);
    if type_ & libc::SOCK_NONBLOCK != 0 {
        s.sock_timeout.set(0);
    } else {
        s.sock_timeout.set(defaulttimeout());
        if defaulttimeout() >= 0 {
            internal_setblocking(s, false)?;
        }
    }
    Ok(())
}

fn new_raw(tp: &PyTypeObject) -> PyObjectRef {
    // SAFETY: `tp` is `_socket.socket` or a subclass; the rest of a subclass
    // instance is zeroed.
    let obj = unsafe {
        alloc_object(
            tp,
            PySocketSockObject {
                ob_base: PyObject_HEAD_INIT,
                sock_fd: Cell::new(-1),
                sock_family: Cell::new(0),
                sock_type: Cell::new(0),
                sock_proto: Cell::new(0),
                sock_timeout: Cell::new(-1),
            },
        )
    };
    obj.into_object()
}

/// `new_sockobject`: a `_socket.socket` around an open descriptor.
fn new_sockobject(fd: i32, family: i32, type_: i32, proto: i32) -> PyResult {
    let obj = new_raw(&sock_type);
    init_sockobject(as_sock(&obj), fd, family, type_, proto)?;
    Ok(obj)
}

fn sock_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kw: Option<&PyObject>) -> PyResult {
    Ok(new_raw(tp))
}

/// An "i" argument.
fn int_arg(obj: &PyObject) -> PyResult<i32> {
    if obj.downcast_ref::<PyFloatObject>().is_some() {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let v = PyLong_AsLong(obj).map_err(|e| {
        if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_OverflowError) {
            overflow_error("Python int too large to convert to C long")
        } else {
            e
        }
    })?;
    i32::try_from(v).map_err(|_| {
        overflow_error(if v < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })
}

fn opt_int(obj: &Option<PyObjectRef>, default: i32) -> PyResult<i32> {
    match obj {
        Some(o) => int_arg(o),
        None => Ok(default),
    }
}

/// `getsockopt(fd, SOL_SOCKET, opt)` as an int.
fn getsockopt_int(fd: i32, level: i32, opt: i32) -> Result<i32, i32> {
    let mut v: libc::c_int = 0;
    let mut len = size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `v` and `len` are valid out-parameters of the right size.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            opt,
            &mut v as *mut libc::c_int as *mut libc::c_void,
            &mut len,
        )
    };
    if r < 0 {
        Err(errno())
    } else {
        Ok(v)
    }
}

/// `socket.__init__(family=-1, type=-1, proto=-1, fileno=None)` (`sock_initobj`).
fn sock_initobj(obj: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult<()> {
    let a = parse_args(
        "socket",
        args,
        kw,
        &["family", "type", "proto", "fileno"],
        0,
    )?;
    let mut family = opt_int(&a[0], -1)?;
    let mut type_ = opt_int(&a[1], -1)?;
    let mut proto = opt_int(&a[2], -1)?;
    let s = as_sock(obj);
    let fd = match &a[3] {
        Some(f) if !f.is(Py_None()) => {
            if f.downcast_ref::<PyFloatObject>().is_some() {
                return Err(type_error(
                    "'float' object cannot be interpreted as an integer",
                ));
            }
            let fd = PyLong_AsLong(f)?;
            if fd < 0 {
                return Err(value_error("negative file descriptor"));
            }
            let fd = i32::try_from(fd)
                .map_err(|_| overflow_error("Python int too large to convert to C long"))?;
            if family == -1 {
                // SAFETY: an all-zero sockaddr_storage is valid; the call fills it.
                let mut addr: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
                let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
                // SAFETY: `addr` has room for `len` bytes.
                let r = unsafe {
                    libc::getsockname(fd, &mut addr as *mut _ as *mut libc::sockaddr, &mut len)
                };
                if r < 0 {
                    return Err(set_error());
                }
                family = i32::from(addr.ss_family);
            }
            if type_ == -1 {
                type_ = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE)
                    .map_err(PyErr_SetFromErrno)?;
            }
            if proto == -1 {
                proto = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL)
                    .map_err(PyErr_SetFromErrno)?;
            }
            fd
        }
        _ => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if type_ == -1 {
                type_ = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: plain system call.
            let fd = unsafe { libc::socket(family, type_ | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(set_error());
            }
            fd
        }
    };
    init_sockobject(s, fd, family, type_, proto)
}

// ---------------------------------------------------------------------------
// Waiting: internal_select and sock_call_ex

/// `internal_select`: wait until the socket is readable or writable. `Ok(true)` on
/// timeout.
fn internal_select(
    s: &PySocketSockObject,
    writing: bool,
    interval: i64,
    connect: bool,
) -> Result<bool, i32> {
    let fd = s.sock_fd.get();
    if fd < 0 {
        return Ok(false);
    }
    let mut events = if writing { libc::POLLOUT } else { libc::POLLIN };
    if connect {
        events |= libc::POLLERR;
    }
    let mut pfd = libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    let ms = if interval >= 0 {
        ns_to_ms_ceil(interval)
    } else {
        -1
    };
    // The GIL is released while waiting; `pfd` is a local.
    // SAFETY: one valid pollfd.
    let n = python::ceval_gil::allow_threads(|| unsafe { libc::poll(&mut pfd, 1, ms) });
    if n < 0 {
        return Err(errno());
    }
    Ok(n == 0)
}

/// How a `sock_call_ex` failed: a Python exception, or an errno for the caller
/// (`connect_ex`).
enum CallError {
    Py(PyErr),
    Errno(i32),
}

/// `sock_call_ex`: run `sock_func` until it succeeds, waiting for readiness first
/// when the socket has a timeout; retry after signals. `want_errno` returns the
/// error number instead of raising (`connect_ex`); a timeout is then EWOULDBLOCK.
fn sock_call_ex<T>(
    s: &PySocketSockObject,
    writing: bool,
    mut sock_func: impl FnMut(i32) -> Option<T>,
    connect: bool,
    want_errno: bool,
    timeout: i64,
) -> Result<T, CallError> {
    let has_timeout = timeout > 0;
    let mut deadline: Option<i64> = None;
    loop {
        if has_timeout || connect {
            let res = if has_timeout {
                let interval = match deadline {
                    Some(d) => d - monotonic_ns(),
                    None => {
                        deadline = Some(monotonic_ns() + timeout);
                        timeout
                    }
                };
                if interval >= 0 {
                    internal_select(s, writing, interval, connect)
                } else {
                    Ok(true)
                }
            } else {
                internal_select(s, writing, timeout, connect)
            };
            match res {
                Err(e) if e == libc::EINTR => {
                    objects::pyhooks::check_signals().map_err(CallError::Py)?;
                    continue;
                }
                Err(e) => {
                    return Err(if want_errno {
                        CallError::Errno(e)
                    } else {
                        CallError::Py(PyErr_SetFromErrno(e))
                    })
                }
                Ok(true) => {
                    return Err(if want_errno {
                        CallError::Errno(libc::EWOULDBLOCK)
                    } else {
                        CallError::Py(timeout_error())
                    })
                }
                Ok(false) => {}
            }
        }
        let err = loop {
            let fd = s.sock_fd.get();
            // The GIL is released around the system call (`Py_BEGIN_ALLOW_THREADS`
            // in `sock_call_ex`): every `sock_func` works on local buffers and
            // copies of its arguments only.
            if let Some(v) = python::ceval_gil::allow_threads(|| sock_func(fd)) {
                return Ok(v);
            }
            let e = errno();
            if e != libc::EINTR {
                break e;
            }
            objects::pyhooks::check_signals().map_err(CallError::Py)?;
        };
        if s.sock_timeout.get() > 0 && (err == libc::EWOULDBLOCK || err == libc::EAGAIN) {
            // A false positive of poll(): wait again.
            continue;
        }
        return Err(if want_errno {
            CallError::Errno(err)
        } else {
            CallError::Py(PyErr_SetFromErrno(err))
        });
    }
}

/// `sock_call`: `sock_call_ex` with the socket's timeout, raising on error.
fn sock_call<T>(
    s: &PySocketSockObject,
    writing: bool,
    sock_func: impl FnMut(i32) -> Option<T>,
) -> PyResult<T> {
    match sock_call_ex(s, writing, sock_func, false, false, s.sock_timeout.get()) {
        Ok(v) => Ok(v),
        Err(CallError::Py(e)) => Err(e),
        Err(CallError::Errno(e)) => Err(PyErr_SetFromErrno(e)),
    }
}

/// A `ssize_t` result: `Some(n)` on success.
fn ok_len(n: isize) -> Option<usize> {
    (n >= 0).then_some(n as usize)
}

// ---------------------------------------------------------------------------
// Addresses

/// A socket address ready for the system calls.
struct SockAddr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl SockAddr {
    fn new() -> SockAddr {
        SockAddr {
            // SAFETY: an all-zero sockaddr_storage is a valid value.
            storage: unsafe { std::mem::zeroed() },
            len: size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }
    fn as_ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const libc::sockaddr_storage as *const libc::sockaddr
    }
    fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut libc::sockaddr_storage as *mut libc::sockaddr
    }
}

/// `idna_converter`: a host name as bytes (str is IDNA-encoded; ASCII as is).
fn idna_converter(obj: &PyObject) -> PyResult<Vec<u8>> {
    let bytes = if let Some(b) = obj.downcast_ref::<PyBytesObject>() {
        b.as_bytes().to_vec()
    } else if let Some(b) = obj.downcast_ref::<PyByteArrayObject>() {
        b.to_vec()
    } else if let Some(u) = obj.downcast_ref::<PyUnicodeObject>() {
        let s = u.to_string_lossy();
        if s.is_ascii() {
            s.into_owned().into_bytes()
        } else {
            let enc = objects::call::PyObject_CallMethod(
                obj,
                objects::intern!("encode"),
                &[PyUnicode_FromString("idna")],
            )?;
            match enc.downcast_ref::<PyBytesObject>() {
                Some(b) => b.as_bytes().to_vec(),
                None => return Err(type_error("encoder did not return bytes")),
            }
        }
    } else {
        return Err(type_error(format!(
            "str, bytes or bytearray expected, not {}",
            obj.ob_type().name()
        )));
    };
    if bytes.contains(&0) {
        return Err(type_error("host name must not contain null character"));
    }
    Ok(bytes)
}

/// `setipaddr`: resolve a host name for family `af` into `out`.
fn setipaddr(name: &[u8], out: &mut SockAddr, af: i32) -> PyResult<()> {
    if name.is_empty() {
        // INADDR_ANY / in6addr_any.
        let family = if af == libc::AF_INET6 {
            libc::AF_INET6
        } else {
            libc::AF_INET
        };
        set_family_addr(out, family, None);
        return Ok(());
    }
    if name == b"<broadcast>" || name == b"255.255.255.255" {
        if af != libc::AF_INET && af != libc::AF_UNSPEC {
            return Err(os_error("address family mismatched"));
        }
        set_family_addr(out, libc::AF_INET, Some(&u32::MAX.to_ne_bytes()));
        return Ok(());
    }
    let text = String::from_utf8_lossy(name);
    if af == libc::AF_INET || af == libc::AF_UNSPEC {
        if let Ok(a) = text.parse::<std::net::Ipv4Addr>() {
            set_family_addr(out, libc::AF_INET, Some(&a.octets()));
            return Ok(());
        }
    }
    if af == libc::AF_INET6 || af == libc::AF_UNSPEC {
        if let Ok(a) = text.parse::<std::net::Ipv6Addr>() {
            set_family_addr(out, libc::AF_INET6, Some(&a.octets()));
            return Ok(());
        }
    }
    let cname = CString::new(name.to_vec()).map_err(|_| value_error("embedded null byte"))?;
    // SAFETY: an all-zero addrinfo is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = af;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: valid C string, hints and out-pointer.
    let error = unsafe { libc::getaddrinfo(cname.as_ptr(), std::ptr::null(), &hints, &mut res) };
    if error != 0 {
        return Err(set_gaierror(error));
    }
    // SAFETY: on success `res` points to at least one result, freed below.
    unsafe {
        let ai = &*res;
        let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
        std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, out.as_mut_ptr() as *mut u8, n);
        out.len = n as libc::socklen_t;
        libc::freeaddrinfo(res);
    }
    Ok(())
}

/// Fill `out` with a bare address of `family` (all zeros when `bytes` is None).
fn set_family_addr(out: &mut SockAddr, family: i32, bytes: Option<&[u8]>) {
    if family == libc::AF_INET {
        // SAFETY: sockaddr_storage is large and aligned enough for sockaddr_in.
        let sin = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_in) };
        sin.sin_family = libc::AF_INET as libc::sa_family_t;
        if let Some(b) = bytes {
            sin.sin_addr.s_addr = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
        }
        out.len = size_of::<libc::sockaddr_in>() as libc::socklen_t;
    } else {
        // SAFETY: sockaddr_storage is large and aligned enough for sockaddr_in6.
        let sin6 = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_in6) };
        sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
        if let Some(b) = bytes {
            sin6.sin6_addr.s6_addr.copy_from_slice(&b[..16]);
        }
        out.len = size_of::<libc::sockaddr_in6>() as libc::socklen_t;
    }
}

/// The port of an address tuple: "i", then 0-65535.
fn port_arg(obj: &PyObject, caller: &str) -> PyResult<u16> {
    let v = int_arg(obj).map_err(|e| {
        if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_OverflowError) {
            overflow_error(format!("{caller}(): port must be 0-65535."))
        } else {
            e
        }
    })?;
    u16::try_from(v).map_err(|_| overflow_error(format!("{caller}(): port must be 0-65535.")))
}

/// `getsockaddrarg`: a Python address for the socket's family.
fn getsockaddrarg(s: &PySocketSockObject, args: &PyObject, caller: &str) -> PyResult<SockAddr> {
    let mut out = SockAddr::new();
    match s.sock_family.get() {
        libc::AF_UNIX => {
            let path: Vec<u8> = if args.downcast_ref::<PyUnicodeObject>().is_some() {
                crate::_posixsubprocess::fs_converter(args)
                    .map(|c| c.into_bytes())
                    .or_else(|e| {
                        if PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_ValueError) {
                            // Embedded NULs are allowed in an AF_UNIX path.
                            objects::codecs::encode_with_codec(
                                objects::codecs::Codec::Utf8,
                                args,
                                &objects::codecs::ErrorHandler::SurrogateEscape,
                            )
                        } else {
                            Err(e)
                        }
                    })?
            } else {
                buffer_arg(args)?.into_owned()
            };
            // SAFETY: sockaddr_storage is large and aligned enough for sockaddr_un.
            let sun = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_un) };
            // Linux's abstract namespace: a name starting with NUL, or the empty
            // name, which binds to an automatically chosen abstract address.
            let abstract_ns = path.first().is_none_or(|&b| b == 0);
            if (abstract_ns && path.len() > sun.sun_path.len())
                || (!abstract_ns && path.len() >= sun.sun_path.len())
            {
                return Err(os_error("AF_UNIX path too long"));
            }
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, &b) in sun.sun_path.iter_mut().zip(&path) {
                *d = b as libc::c_char;
            }
            let base = size_of::<libc::sa_family_t>();
            out.len = (base + path.len() + usize::from(!abstract_ns)) as libc::socklen_t;
            Ok(out)
        }
        libc::AF_INET => {
            let Some(t) = args.downcast_ref::<PyTupleObject>() else {
                return Err(type_error(format!(
                    "{caller}(): AF_INET address must be tuple, not {}",
                    args.ob_type().name()
                )));
            };
            let items = t.as_slice();
            if items.len() != 2 {
                return Err(type_error("AF_INET address must be a pair (host, port)"));
            }
            let host = idna_converter(&items[0])?;
            let port = port_arg(&items[1], caller)?;
            setipaddr(&host, &mut out, libc::AF_INET)?;
            // SAFETY: `setipaddr` with AF_INET filled a sockaddr_in.
            let sin = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_in) };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_port = port.to_be();
            out.len = size_of::<libc::sockaddr_in>() as libc::socklen_t;
            Ok(out)
        }
        libc::AF_INET6 => {
            let Some(t) = args.downcast_ref::<PyTupleObject>() else {
                return Err(type_error(format!(
                    "{caller}(): AF_INET6 address must be tuple, not {}",
                    args.ob_type().name()
                )));
            };
            let items = t.as_slice();
            if !(2..=4).contains(&items.len()) {
                return Err(type_error(
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])",
                ));
            }
            let host = idna_converter(&items[0])?;
            let port = port_arg(&items[1], caller)?;
            let flowinfo = match items.get(2) {
                Some(f) => {
                    let v = PyLong_AsLong(f)?;
                    u32::try_from(v)
                        .ok()
                        .filter(|&v| v <= 0xfffff)
                        .ok_or_else(|| {
                            overflow_error(format!("{caller}(): flowinfo must be 0-1048575."))
                        })?
                }
                None => 0,
            };
            let scope_id = match items.get(3) {
                Some(sc) => PyLong_AsLong(sc)? as u32,
                None => 0,
            };
            setipaddr(&host, &mut out, libc::AF_INET6)?;
            // SAFETY: `setipaddr` with AF_INET6 filled a sockaddr_in6.
            let sin6 = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_in6) };
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin6.sin6_port = port.to_be();
            sin6.sin6_flowinfo = flowinfo.to_be();
            sin6.sin6_scope_id = scope_id;
            out.len = size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            Ok(out)
        }
        _ => Err(os_error(format!("{caller}(): bad family"))),
    }
}

/// `makesockaddr`: a system address as a Python value.
fn makesockaddr(addr: &SockAddr) -> PyResult {
    if addr.len == 0 {
        return Ok(none());
    }
    let family = i32::from(addr.storage.ss_family);
    match family {
        libc::AF_INET => {
            // SAFETY: the family says this is a sockaddr_in.
            let sin = unsafe { &*(addr.as_ptr() as *const libc::sockaddr_in) };
            let ip = std::net::Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
            Ok(PyTuple_New(vec![
                PyUnicode_FromString(&ip.to_string()),
                PyLong_FromLong(i64::from(u16::from_be(sin.sin_port))),
            ])
            .into_object())
        }
        libc::AF_INET6 => {
            // SAFETY: the family says this is a sockaddr_in6.
            let sin6 = unsafe { &*(addr.as_ptr() as *const libc::sockaddr_in6) };
            Ok(PyTuple_New(vec![
                PyUnicode_FromString(&ntop6(&sin6.sin6_addr.s6_addr)),
                PyLong_FromLong(i64::from(u16::from_be(sin6.sin6_port))),
                PyLong_FromLong(i64::from(u32::from_be(sin6.sin6_flowinfo))),
                PyLong_FromLong(i64::from(sin6.sin6_scope_id)),
            ])
            .into_object())
        }
        libc::AF_UNIX => {
            // SAFETY: the family says this is a sockaddr_un.
            let sun = unsafe { &*(addr.as_ptr() as *const libc::sockaddr_un) };
            let base = size_of::<libc::sa_family_t>();
            let n = (addr.len as usize)
                .saturating_sub(base)
                .min(sun.sun_path.len());
            let path: Vec<u8> = sun.sun_path[..n].iter().map(|&c| c as u8).collect();
            if path.first() == Some(&0) {
                // Linux's abstract namespace: the raw bytes.
                return Ok(PyBytes_FromSlice(&path));
            }
            let end = path.iter().position(|&b| b == 0).unwrap_or(path.len());
            Ok(objects::fileobject::decode_surrogateescape(&path[..end]))
        }
        _ => {
            // SAFETY: every sockaddr starts with the family and 14 bytes of data.
            let sa = unsafe { &*(addr.as_ptr()) };
            let data: Vec<u8> = sa.sa_data.iter().map(|&c| c as u8).collect();
            Ok(PyTuple_New(vec![
                PyLong_FromLong(i64::from(family)),
                PyBytes_FromSlice(&data),
            ])
            .into_object())
        }
    }
}

/// `inet_ntop(AF_INET6, ...)` in glibc's form (`::1`, `::ffff:1.2.3.4`).
fn ntop6(bytes: &[u8; 16]) -> String {
    let mut buf = [0 as libc::c_char; 64];
    // SAFETY: `bytes` is 16 bytes and `buf` has room for INET6_ADDRSTRLEN.
    let r = unsafe {
        inet_ntop(
            libc::AF_INET6,
            bytes.as_ptr() as *const libc::c_void,
            buf.as_mut_ptr(),
            buf.len() as libc::socklen_t,
        )
    };
    if r.is_null() {
        return std::net::Ipv6Addr::from(*bytes).to_string();
    }
    // SAFETY: inet_ntop wrote a NUL-terminated string into `buf`.
    unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned()
}

// ---------------------------------------------------------------------------
// Methods

/// `socket._accept()`: `(fd, address)` of a new connection.
fn sock_accept(obj: &PyObject) -> PyResult {
    let s = as_sock(obj);
    let mut addr = SockAddr::new();
    let fd = sock_call(s, false, |fd| {
        addr.len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: `addr` has room for `len` bytes.
        let r = unsafe { libc::accept4(fd, addr.as_mut_ptr(), &mut addr.len, libc::SOCK_CLOEXEC) };
        (r >= 0).then_some(r)
    })?;
    let address = match makesockaddr(&addr) {
        Ok(a) => a,
        Err(e) => {
            // SAFETY: the new descriptor is ours.
            unsafe { libc::close(fd) };
            return Err(e);
        }
    };
    Ok(PyTuple_New(vec![PyLong_FromLong(i64::from(fd)), address]).into_object())
}

/// `socket.bind(address)`.
fn sock_bind(obj: &PyObject, addro: &PyObject) -> PyResult {
    let s = as_sock(obj);
    let addr = getsockaddrarg(s, addro, "bind")?;
    // SAFETY: `addr` holds `len` valid bytes.
    if unsafe { libc::bind(s.sock_fd.get(), addr.as_ptr(), addr.len) } < 0 {
        return Err(set_error());
    }
    Ok(none())
}

/// `socket.close()`.
fn sock_close(obj: &PyObject) -> PyResult {
    let s = as_sock(obj);
    let fd = s.sock_fd.replace(-1);
    if fd != -1 {
        // SAFETY: closing the descriptor this socket owned.
        let r = unsafe { libc::close(fd) };
        // ECONNRESET means the connection was closed by the peer: not an error here.
        if r < 0 && errno() != libc::ECONNRESET {
            return Err(set_error());
        }
    }
    Ok(none())
}

/// `socket.detach()`: give up the descriptor without closing it.
fn sock_detach(obj: &PyObject) -> PyResult {
    let fd = as_sock(obj).sock_fd.replace(-1);
    Ok(PyLong_FromLong(i64::from(fd)))
}

/// `internal_connect`: `Ok(0)` or the error number (when `raise` is false).
fn internal_connect(s: &PySocketSockObject, addr: &SockAddr, raise: bool) -> PyResult<i32> {
    // SAFETY: `addr` holds `len` valid bytes.
    let res = unsafe { libc::connect(s.sock_fd.get(), addr.as_ptr(), addr.len) };
    if res == 0 {
        return Ok(0);
    }
    let err = errno();
    let wait_connect = if err == libc::EINTR {
        objects::pyhooks::check_signals()?;
        s.sock_timeout.get() != 0
    } else {
        s.sock_timeout.get() > 0 && err == libc::EINPROGRESS
    };
    if !wait_connect {
        if raise {
            return Err(PyErr_SetFromErrno(err));
        }
        return Ok(err);
    }
    let connect_impl = |fd: i32| -> Option<()> {
        match getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR) {
            Err(e) => {
                set_errno(e);
                None
            }
            Ok(0) => Some(()),
            Ok(e) if e == libc::EISCONN => Some(()),
            Ok(e) => {
                set_errno(e);
                None
            }
        }
    };
    match sock_call_ex(s, true, connect_impl, true, !raise, s.sock_timeout.get()) {
        Ok(()) => Ok(0),
        Err(CallError::Py(e)) => Err(e),
        Err(CallError::Errno(e)) => Ok(e),
    }
}

/// `socket.connect(address)`.
fn sock_connect(obj: &PyObject, addro: &PyObject) -> PyResult {
    let s = as_sock(obj);
    let addr = getsockaddrarg(s, addro, "connect")?;
    internal_connect(s, &addr, true)?;
    Ok(none())
}

/// `socket.connect_ex(address)`: the error number instead of an exception.
fn sock_connect_ex(obj: &PyObject, addro: &PyObject) -> PyResult {
    let s = as_sock(obj);
    let addr = getsockaddrarg(s, addro, "connect_ex")?;
    let r = internal_connect(s, &addr, false)?;
    Ok(PyLong_FromLong(i64::from(r)))
}

/// `socket.fileno()`.
fn sock_fileno(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(i64::from(as_sock(obj).sock_fd.get())))
}

fn name_impl(obj: &PyObject, peer: bool) -> PyResult {
    let s = as_sock(obj);
    let mut addr = SockAddr::new();
    // SAFETY: `addr` has room for `len` bytes.
    let r = unsafe {
        if peer {
            libc::getpeername(s.sock_fd.get(), addr.as_mut_ptr(), &mut addr.len)
        } else {
            libc::getsockname(s.sock_fd.get(), addr.as_mut_ptr(), &mut addr.len)
        }
    };
    if r < 0 {
        return Err(set_error());
    }
    makesockaddr(&addr)
}

/// `socket.getsockname()`.
fn sock_getsockname(obj: &PyObject) -> PyResult {
    name_impl(obj, false)
}

/// `socket.getpeername()`.
fn sock_getpeername(obj: &PyObject) -> PyResult {
    name_impl(obj, true)
}

/// `socket.getsockopt(level, option[, buffersize])`.
fn sock_getsockopt(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("getsockopt", args.len(), 2, 3)?;
    let s = as_sock(obj);
    let level = int_arg(&args[0])?;
    let optname = int_arg(&args[1])?;
    let Some(buflen) = args.get(2) else {
        let v = getsockopt_int(s.sock_fd.get(), level, optname).map_err(PyErr_SetFromErrno)?;
        return Ok(PyLong_FromLong(i64::from(v)));
    };
    let buflen = int_arg(buflen)?;
    if buflen <= 0 || buflen > 1024 {
        return Err(os_error("getsockopt buflen out of range"));
    }
    let mut buf = vec![0u8; buflen as usize];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: `buf` has room for `len` bytes.
    let r = unsafe {
        libc::getsockopt(
            s.sock_fd.get(),
            level,
            optname,
            buf.as_mut_ptr() as *mut libc::c_void,
            &mut len,
        )
    };
    if r < 0 {
        return Err(set_error());
    }
    buf.truncate(len as usize);
    Ok(PyBytes_FromSlice(&buf))
}

/// `socket.setsockopt(level, option, value: int | buffer)` or
/// `setsockopt(level, option, None, optlen: int)`.
fn sock_setsockopt(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("setsockopt", args.len(), 3, 4)?;
    let s = as_sock(obj);
    let level = int_arg(&args[0])?;
    let optname = int_arg(&args[1])?;
    let fd = s.sock_fd.get();
    // SAFETY (each call below): the option value points to `len` valid bytes, or is
    // NULL with the length given (the None form).
    let r = if args.len() == 4 {
        if !args[2].is(Py_None()) {
            return Err(type_error(format!(
                "setsockopt() argument 3 must be None, not {}",
                args[2].ob_type().name()
            )));
        }
        let optlen = int_arg(&args[3])?;
        unsafe {
            libc::setsockopt(
                fd,
                level,
                optname,
                std::ptr::null(),
                optlen as libc::socklen_t,
            )
        }
    } else if args[2].downcast_ref::<PyLongObject>().is_some() {
        let flag: libc::c_int = int_arg(&args[2])?;
        unsafe {
            libc::setsockopt(
                fd,
                level,
                optname,
                &flag as *const libc::c_int as *const libc::c_void,
                size_of::<libc::c_int>() as libc::socklen_t,
            )
        }
    } else {
        let data = buffer_arg(&args[2])?;
        unsafe {
            libc::setsockopt(
                fd,
                level,
                optname,
                data.as_ptr() as *const libc::c_void,
                data.len() as libc::socklen_t,
            )
        }
    };
    if r < 0 {
        return Err(set_error());
    }
    Ok(none())
}

/// `_PyTime_AsSecondsDouble`.
fn ns_to_seconds(ns: i64) -> f64 {
    if ns % SEC_TO_NS == 0 {
        (ns / SEC_TO_NS) as f64
    } else {
        ns as f64 / 1e9
    }
}

fn timeout_value(ns: i64) -> PyObjectRef {
    if ns < 0 {
        none()
    } else {
        PyFloat_FromDouble(ns_to_seconds(ns))
    }
}

/// `socket_parse_timeout`: None (-1) or a non-negative number of seconds.
fn socket_parse_timeout(obj: &PyObject) -> PyResult<i64> {
    if obj.is(Py_None()) {
        return Ok(-1);
    }
    let ns = timeout_ns(
        obj,
        SEC_TO_NS,
        &format!(
            "'{}' object cannot be interpreted as an integer",
            obj.ob_type().name()
        ),
    )?;
    if ns < 0 {
        return Err(value_error("Timeout value out of range"));
    }
    Ok(ns)
}

/// `socket.settimeout(value)`.
fn sock_settimeout(obj: &PyObject, arg: &PyObject) -> PyResult {
    let s = as_sock(obj);
    let t = socket_parse_timeout(arg)?;
    s.sock_timeout.set(t);
    internal_setblocking(s, t < 0)?;
    Ok(none())
}

/// `socket.gettimeout()`.
fn sock_gettimeout(obj: &PyObject) -> PyResult {
    Ok(timeout_value(as_sock(obj).sock_timeout.get()))
}

/// `socket.setblocking(flag)`.
fn sock_setblocking(obj: &PyObject, arg: &PyObject) -> PyResult {
    if arg.downcast_ref::<PyFloatObject>().is_some() {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let block = PyLong_AsLong(arg)? != 0;
    let s = as_sock(obj);
    s.sock_timeout.set(if block { -1 } else { 0 });
    internal_setblocking(s, block)?;
    Ok(none())
}

/// `socket.getblocking()`: False when the timeout is 0.
fn sock_getblocking(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_sock(obj).sock_timeout.get() != 0))
}

/// `socket.listen([backlog])`.
fn sock_listen(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("listen", args.len(), 0, 1)?;
    let backlog = match args.first() {
        Some(b) => int_arg(b)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    // SAFETY: plain system call.
    if unsafe { libc::listen(as_sock(obj).sock_fd.get(), backlog) } < 0 {
        return Err(set_error());
    }
    Ok(none())
}

/// `sock_recv_guts`: receive up to `len` bytes into `buf`.
fn sock_recv_guts(s: &PySocketSockObject, buf: &mut [u8], flags: i32) -> PyResult<usize> {
    sock_call(s, false, |fd| {
        // SAFETY: `buf` is valid for writing its length.
        ok_len(unsafe { libc::recv(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), flags) })
    })
}

/// `socket.recv(bufsize[, flags])`.
fn sock_recv(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("recv", args.len(), 1, 2)?;
    let recvlen = PyLong_AsLong(&args[0])?;
    let flags = match args.get(1) {
        Some(f) => int_arg(f)?,
        None => 0,
    };
    if recvlen < 0 {
        return Err(value_error("negative buffersize in recv"));
    }
    let mut buf = vec![0u8; recvlen as usize];
    let n = sock_recv_guts(as_sock(obj), &mut buf, flags)?;
    Ok(PyBytes_FromSlice(&buf[..n]))
}

/// The size of a writable buffer and how many bytes to read into it.
fn recv_into_len(fname: &str, buffer: &PyObject, nbytes: i64) -> PyResult<usize> {
    let buflen = crate::_io::iobase::writable_buffer_len(fname, buffer)?;
    if nbytes < 0 {
        return Err(value_error(format!("negative buffersize in {fname}")));
    }
    if nbytes == 0 {
        return Ok(buflen);
    }
    if buflen < nbytes as usize {
        return Err(value_error("buffer too small for requested bytes"));
    }
    Ok(nbytes as usize)
}

/// `socket.recv_into(buffer, nbytes=0, flags=0)`.
fn sock_recv_into(obj: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse_args("recv_into", args, kw, &["buffer", "nbytes", "flags"], 1)?;
    let buffer = a[0].clone().unwrap_or_else(none);
    let nbytes = match &a[1] {
        Some(n) => PyLong_AsLong(n)?,
        None => 0,
    };
    let flags = opt_int(&a[2], 0)?;
    let len = recv_into_len("recv_into", &buffer, nbytes)?;
    let mut tmp = vec![0u8; len];
    let n = sock_recv_guts(as_sock(obj), &mut tmp, flags)?;
    crate::_io::iobase::write_into_buffer(&buffer, &tmp[..n])?;
    Ok(PyLong_FromLong(n as i64))
}

/// `sock_recvfrom_guts`.
fn sock_recvfrom_guts(
    s: &PySocketSockObject,
    buf: &mut [u8],
    flags: i32,
) -> PyResult<(usize, PyObjectRef)> {
    let mut addr = SockAddr::new();
    let n = sock_call(s, false, |fd| {
        addr.len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: `buf` and `addr` are valid for writing their lengths.
        ok_len(unsafe {
            libc::recvfrom(
                fd,
                buf.as_mut_ptr() as *mut libc::c_void,
                buf.len(),
                flags,
                addr.as_mut_ptr(),
                &mut addr.len,
            )
        })
    })?;
    Ok((n, makesockaddr(&addr)?))
}

/// `socket.recvfrom(bufsize[, flags])`.
fn sock_recvfrom(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("recvfrom", args.len(), 1, 2)?;
    let recvlen = PyLong_AsLong(&args[0])?;
    let flags = match args.get(1) {
        Some(f) => int_arg(f)?,
        None => 0,
    };
    if recvlen < 0 {
        return Err(value_error("negative buffersize in recvfrom"));
    }
    let mut buf = vec![0u8; recvlen as usize];
    let (n, addr) = sock_recvfrom_guts(as_sock(obj), &mut buf, flags)?;
    Ok(PyTuple_New(vec![PyBytes_FromSlice(&buf[..n]), addr]).into_object())
}

/// `socket.recvfrom_into(buffer, nbytes=0, flags=0)`.
fn sock_recvfrom_into(obj: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse_args("recvfrom_into", args, kw, &["buffer", "nbytes", "flags"], 1)?;
    let buffer = a[0].clone().unwrap_or_else(none);
    let nbytes = match &a[1] {
        Some(n) => PyLong_AsLong(n)?,
        None => 0,
    };
    let flags = opt_int(&a[2], 0)?;
    let buflen = crate::_io::iobase::writable_buffer_len("recvfrom_into", &buffer)?;
    if nbytes < 0 {
        return Err(value_error("negative buffersize in recvfrom_into"));
    }
    let len = if nbytes == 0 {
        buflen
    } else if buflen < nbytes as usize {
        return Err(value_error(
            "nbytes is greater than the length of the buffer",
        ));
    } else {
        nbytes as usize
    };
    let mut tmp = vec![0u8; len];
    let (n, addr) = sock_recvfrom_guts(as_sock(obj), &mut tmp, flags)?;
    crate::_io::iobase::write_into_buffer(&buffer, &tmp[..n])?;
    Ok(PyTuple_New(vec![PyLong_FromLong(n as i64), addr]).into_object())
}

/// `send()` with MSG_NOSIGNAL so a closed peer gives EPIPE, never SIGPIPE's default.
fn send_once(fd: i32, data: &[u8], flags: i32) -> Option<usize> {
    // SAFETY: `data` is valid for reading its length.
    ok_len(unsafe { libc::send(fd, data.as_ptr() as *const libc::c_void, data.len(), flags) })
}

/// `socket.send(data[, flags])`.
fn sock_send(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("send", args.len(), 1, 2)?;
    let data = buffer_arg(&args[0])?;
    let flags = match args.get(1) {
        Some(f) => int_arg(f)?,
        None => 0,
    };
    let n = sock_call(as_sock(obj), true, |fd| send_once(fd, &data, flags))?;
    Ok(PyLong_FromLong(n as i64))
}

/// `socket.sendall(data[, flags])`: send everything, checking signals between
/// partial writes; the timeout covers the whole call.
fn sock_sendall(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("sendall", args.len(), 1, 2)?;
    let data = buffer_arg(&args[0])?;
    let flags = match args.get(1) {
        Some(f) => int_arg(f)?,
        None => 0,
    };
    let s = as_sock(obj);
    let timeout = s.sock_timeout.get();
    let has_timeout = timeout > 0;
    let deadline = monotonic_ns() + timeout.max(0);
    let mut off = 0;
    while off < data.len() {
        let mut interval = timeout;
        if has_timeout {
            interval = deadline - monotonic_ns();
            if interval <= 0 {
                return Err(timeout_error());
            }
        }
        let chunk = &data[off..];
        let n = match sock_call_ex(
            s,
            true,
            |fd| send_once(fd, chunk, flags),
            false,
            false,
            interval,
        ) {
            Ok(n) => n,
            Err(CallError::Py(e)) => return Err(e),
            Err(CallError::Errno(e)) => return Err(PyErr_SetFromErrno(e)),
        };
        off += n;
        objects::pyhooks::check_signals()?;
    }
    Ok(none())
}

/// `socket.sendto(data[, flags], address)`.
fn sock_sendto(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let (data_obj, flags, addro) = match args.len() {
        2 => (&args[0], 0, &args[1]),
        3 => (&args[0], int_arg(&args[1])?, &args[2]),
        n => {
            return Err(type_error(format!(
                "sendto() takes 2 or 3 arguments ({n} given)"
            )))
        }
    };
    let data = buffer_arg(data_obj)?;
    let s = as_sock(obj);
    let addr = getsockaddrarg(s, addro, "sendto")?;
    let n = sock_call(s, true, |fd| {
        // SAFETY: `data` and `addr` are valid for reading their lengths.
        ok_len(unsafe {
            libc::sendto(
                fd,
                data.as_ptr() as *const libc::c_void,
                data.len(),
                flags,
                addr.as_ptr(),
                addr.len,
            )
        })
    })?;
    Ok(PyLong_FromLong(n as i64))
}

/// `socket.shutdown(how)`.
fn sock_shutdown(obj: &PyObject, arg: &PyObject) -> PyResult {
    let how = int_arg(arg)?;
    // SAFETY: plain system call.
    if unsafe { libc::shutdown(as_sock(obj).sock_fd.get(), how) } < 0 {
        return Err(set_error());
    }
    Ok(none())
}

fn sock_repr(obj: &PyObject) -> PyResult {
    let s = as_sock(obj);
    Ok(PyUnicode_FromString(&format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.sock_fd.get(),
        s.sock_family.get(),
        s.sock_type.get(),
        s.sock_proto.get()
    )))
}

fn sock_get_family(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(i64::from(as_sock(obj).sock_family.get())))
}

fn sock_get_type(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(i64::from(as_sock(obj).sock_type.get())))
}

fn sock_get_proto(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(i64::from(as_sock(obj).sock_proto.get())))
}

static SOCK_METHODS: [PyMethodDef; 26] = [
    PyMethodDef::new("_accept", PyCFunction::NoArgs(sock_accept), "_accept() -> (integer, address info)\n\nWait for an incoming connection.  Return a new socket file descriptor\nrepresenting the connection, and the address of the client.\nFor IP sockets, the address info is a pair (hostaddr, port)."),
    PyMethodDef::new("bind", PyCFunction::O(sock_bind), "bind(address)\n\nBind the socket to a local address.  For IP sockets, the address is a\npair (host, port); the host must refer to the local host. For raw packet\nsockets the address is a tuple (ifname, proto [,pkttype [,hatype [,addr]]])"),
    PyMethodDef::new("close", PyCFunction::NoArgs(sock_close), "close()\n\nClose the socket.  It cannot be used after this call."),
    PyMethodDef::new("connect", PyCFunction::O(sock_connect), "connect(address)\n\nConnect the socket to a remote address.  For IP sockets, the address\nis a pair (host, port)."),
    PyMethodDef::new("connect_ex", PyCFunction::O(sock_connect_ex), "connect_ex(address) -> errno\n\nThis is like connect(address), but returns an error code (the errno value)\ninstead of raising an exception when an error occurs."),
    PyMethodDef::new("detach", PyCFunction::NoArgs(sock_detach), "detach()\n\nClose the socket object without closing the underlying file descriptor.\nThe object cannot be used after this call, but the file descriptor\ncan be reused for other purposes.  The file descriptor is returned."),
    PyMethodDef::new("fileno", PyCFunction::NoArgs(sock_fileno), "fileno() -> integer\n\nReturn the integer file descriptor of the socket."),
    PyMethodDef::new("getpeername", PyCFunction::NoArgs(sock_getpeername), "getpeername() -> address info\n\nReturn the address of the remote endpoint.  For IP sockets, the address\ninfo is a pair (hostaddr, port)."),
    PyMethodDef::new("getsockname", PyCFunction::NoArgs(sock_getsockname), "getsockname() -> address info\n\nReturn the address of the local endpoint. The format depends on the\naddress family. For IPv4 sockets, the address info is a pair\n(hostaddr, port)."),
    PyMethodDef::new("getsockopt", PyCFunction::Fast(sock_getsockopt), "getsockopt(level, option[, buffersize]) -> value\n\nGet a socket option.  See the Unix manual for level and option.\nIf a nonzero buffersize argument is given, the return value is a\nstring of that length; otherwise it is an integer."),
    PyMethodDef::new("setsockopt", PyCFunction::Fast(sock_setsockopt), "setsockopt(level, option, value: int)\nsetsockopt(level, option, value: buffer)\nsetsockopt(level, option, None, optlen: int)\n\nSet a socket option.  See the Unix manual for level and option.\nThe value argument can either be an integer, a string buffer, or\nNone, optlen."),
    PyMethodDef::new("gettimeout", PyCFunction::NoArgs(sock_gettimeout), "gettimeout() -> timeout\n\nReturns the timeout in seconds (float) associated with socket\noperations. A timeout of None indicates that timeouts on socket\noperations are disabled."),
    PyMethodDef::new("settimeout", PyCFunction::O(sock_settimeout), "settimeout(timeout)\n\nSet a timeout on socket operations.  'timeout' can be a float,\ngiving in seconds, or None.  Setting a timeout of None disables\nthe timeout feature and is equivalent to setblocking(1).\nSetting a timeout of zero is the same as setblocking(0)."),
    PyMethodDef::new("getblocking", PyCFunction::NoArgs(sock_getblocking), "getblocking()\n\nReturns True if socket is in blocking mode, or False if it\nis in non-blocking mode."),
    PyMethodDef::new("setblocking", PyCFunction::O(sock_setblocking), "setblocking(flag)\n\nSet the socket to blocking (flag is true) or non-blocking (false).\nsetblocking(True) is equivalent to settimeout(None);\nsetblocking(False) is equivalent to settimeout(0.0)."),
    PyMethodDef::new("listen", PyCFunction::Fast(sock_listen), "listen([backlog])\n\nEnable a server to accept connections.  If backlog is specified, it must be\nat least 0 (if it is lower, it is set to 0); it specifies the number of\nunaccepted connections that the system will allow before refusing new\nconnections. If not specified, a default reasonable value is chosen."),
    PyMethodDef::new("recv", PyCFunction::Fast(sock_recv), "recv(buffersize[, flags]) -> data\n\nReceive up to buffersize bytes from the socket.  For the optional flags\nargument, see the Unix manual.  When no data is available, block until\nat least one byte is available or until the remote end is closed.  When\nthe remote end is closed and all data is read, return the empty string."),
    PyMethodDef::new("recv_into", PyCFunction::FastKw(sock_recv_into), "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read\n\nA version of recv() that stores its data into a buffer rather than creating\na new string.  Receive up to buffersize bytes from the socket.  If buffersize\nis not specified (or 0), receive up to the size available in the given buffer.\n\nSee recv() for documentation about the flags."),
    PyMethodDef::new("recvfrom", PyCFunction::Fast(sock_recvfrom), "recvfrom(buffersize[, flags]) -> (data, address info)\n\nLike recv(buffersize, flags) but also return the sender's address info."),
    PyMethodDef::new("recvfrom_into", PyCFunction::FastKw(sock_recvfrom_into), "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)\n\nLike recv_into(buffer[, nbytes[, flags]]) but also return the sender's address info."),
    PyMethodDef::new("send", PyCFunction::Fast(sock_send), "send(data[, flags]) -> count\n\nSend a data string to the socket.  For the optional flags\nargument, see the Unix manual.  Return the number of bytes\nsent; this may be less than len(data) if the network is busy."),
    PyMethodDef::new("sendall", PyCFunction::Fast(sock_sendall), "sendall(data[, flags])\n\nSend a data string to the socket.  For the optional flags\nargument, see the Unix manual.  This calls send() repeatedly\nuntil all data is sent.  If an error occurs, it's impossible\nto tell how much data has been sent."),
    PyMethodDef::new("sendto", PyCFunction::Fast(sock_sendto), "sendto(data[, flags], address) -> count\n\nLike send(data, flags) but allows specifying the destination address.\nFor IP sockets, the address is a pair (hostaddr, port)."),
    PyMethodDef::new("shutdown", PyCFunction::O(sock_shutdown), "shutdown(flag)\n\nShut down the reading side of the socket (flag == SHUT_RD), the writing side\nof the socket (flag == SHUT_WR), or both ends (flag == SHUT_RDWR)."),
    PyMethodDef::new("__enter__", PyCFunction::NoArgs(sock_enter), ""),
    PyMethodDef::new("__exit__", PyCFunction::Fast(sock_exit), ""),
];

fn sock_enter(obj: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

fn sock_exit(obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    sock_close(obj)
}

static SOCK_GETSET: [PyGetSetDef; 4] = [
    PyGetSetDef::getter("family", sock_get_family),
    PyGetSetDef::getter("type", sock_get_type),
    PyGetSetDef::getter("proto", sock_get_proto),
    PyGetSetDef::getter("timeout", sock_gettimeout),
];

/// `_socket.socket` (also `SocketType`).
pub static sock_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_socket.socket",
    tp_basicsize: Cell::new(size_of::<PySocketSockObject>()),
    tp_dealloc: slot(sock_dealloc),
    tp_repr: slot(sock_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\nsocket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\nOpen a socket of the given type.  The family argument specifies the\naddress family; it defaults to AF_INET.  The type argument specifies\nwhether this is a stream (SOCK_STREAM, this is the default)\nor datagram (SOCK_DGRAM) socket.  The protocol argument defaults to 0,\nspecifying the default protocol.  Keyword arguments are accepted.\nThe socket is created as non-inheritable.\n\nWhen a fileno is passed in, family, type and proto are auto-detected,\nunless they are explicitly set."),
    tp_methods: &SOCK_METHODS,
    tp_getset: &SOCK_GETSET,
    tp_init: slot(sock_initobj),
    tp_new: slot(sock_new),
    ..PyTypeObject::DEFAULT
};

// ---------------------------------------------------------------------------
// Module functions

/// `socket.gethostname()`.
fn socket_gethostname(_m: &PyObject) -> PyResult {
    let mut buf = [0 as libc::c_char; 1024];
    // SAFETY: `buf` has room for the name; the last byte stays NUL.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) } < 0 {
        return Err(set_error());
    }
    // SAFETY: NUL-terminated by the call (or by the untouched last byte).
    let name = unsafe { CStr::from_ptr(buf.as_ptr()) };
    Ok(objects::fileobject::decode_surrogateescape(name.to_bytes()))
}

/// `socket.gethostbyname(host)`: the IPv4 address as a string.
fn socket_gethostbyname(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("gethostbyname", args.len(), 1, 1)?;
    let name = idna_converter(&args[0])?;
    let mut addr = SockAddr::new();
    setipaddr(&name, &mut addr, libc::AF_INET)?;
    makesockaddr(&addr).and_then(|t| {
        let t = t
            .downcast_ref::<PyTupleObject>()
            .map(|t| t.as_slice()[0].clone());
        t.ok_or_else(|| os_error("address family mismatched"))
    })
}

/// `set_herror`: `socket.herror(h_error, hstrerror(h_error))`.
fn set_herror(h_error: libc::c_int) -> PyErr {
    // SAFETY: hstrerror returns a static NUL-terminated string.
    let msg = unsafe { CStr::from_ptr(libc::hstrerror(h_error)) };
    code_error(&HERROR, "socket.herror", h_error, msg)
}

/// The strings of a NULL-terminated `char **` array of a host entry.
///
/// # Safety
/// `list` is null or a NULL-terminated array of NUL-terminated strings.
unsafe fn c_string_list(list: *mut *mut libc::c_char) -> Vec<PyObjectRef> {
    let mut out = Vec::new();
    if list.is_null() {
        return out;
    }
    let mut p = list;
    // SAFETY: upheld by the caller.
    unsafe {
        while !(*p).is_null() {
            out.push(PyUnicode_FromString(&CStr::from_ptr(*p).to_string_lossy()));
            p = p.add(1);
        }
    }
    out
}

/// `gethost_common`: `(hostname, aliaslist, ipaddrlist)` of a host entry, or
/// `socket.herror` when the lookup failed.
///
/// # Safety
/// `h` is null or a host entry filled by glibc whose buffer is still alive.
unsafe fn gethost_common(h: *const libc::hostent, h_error: libc::c_int, af: i32) -> PyResult {
    if h.is_null() {
        return Err(set_herror(h_error));
    }
    // SAFETY: upheld by the caller.
    let h = unsafe { &*h };
    if h.h_addrtype != af {
        // Let's get real error message to return.
        return Err(PyErr_SetFromErrno(libc::EAFNOSUPPORT));
    }
    // SAFETY: glibc's entry: NUL-terminated name, NULL-terminated lists.
    let (name, aliases) = unsafe {
        (
            PyUnicode_FromString(&CStr::from_ptr(h.h_name).to_string_lossy()),
            c_string_list(h.h_aliases),
        )
    };
    let mut addrs = Vec::new();
    if !h.h_addr_list.is_null() {
        let mut p = h.h_addr_list;
        // SAFETY: each entry holds h_length (4 or 16, by the family) bytes.
        unsafe {
            while !(*p).is_null() {
                let text = if af == libc::AF_INET6 {
                    let mut b = [0u8; 16];
                    std::ptr::copy_nonoverlapping(*p as *const u8, b.as_mut_ptr(), 16);
                    ntop6(&b)
                } else {
                    let mut b = [0u8; 4];
                    std::ptr::copy_nonoverlapping(*p as *const u8, b.as_mut_ptr(), 4);
                    std::net::Ipv4Addr::from(b).to_string()
                };
                addrs.push(PyUnicode_FromString(&text));
                p = p.add(1);
            }
        }
    }
    Ok(PyTuple_New(vec![
        name,
        PyList_New(aliases).into_object(),
        PyList_New(addrs).into_object(),
    ])
    .into_object())
}

/// The buffer glibc's reentrant resolver functions fill (CPython's 16384 bytes).
const HOSTENT_BUF_LEN: usize = 16384;

/// The `et` argument of `gethostbyname_ex`/`gethostbyaddr` (`PyArg_ParseTuple(args,
/// "et:NAME", "idna", ...)`): exactly one str (IDNA-encoded), bytes or bytearray.
fn host_et_arg(fname: &str, args: &[PyObjectRef]) -> PyResult<Vec<u8>> {
    if args.len() != 1 {
        return Err(type_error(format!(
            "{fname}() takes exactly 1 argument ({} given)",
            args.len()
        )));
    }
    let obj = &args[0];
    if obj.downcast_ref::<PyUnicodeObject>().is_none()
        && obj.downcast_ref::<PyBytesObject>().is_none()
        && obj.downcast_ref::<PyByteArrayObject>().is_none()
    {
        return Err(type_error(format!(
            "{fname}() argument 1 must be str, bytes or bytearray, not {}",
            obj.ob_type().name()
        )));
    }
    idna_converter(obj)
}

/// `socket.gethostbyname_ex(host)`: `(hostname, aliaslist, ipaddrlist)` for IPv4.
fn socket_gethostbyname_ex(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let name = host_et_arg("gethostbyname_ex", args)?;
    let mut addr = SockAddr::new();
    setipaddr(&name, &mut addr, libc::AF_INET)?;
    let cname = CString::new(name).map_err(|_| value_error("embedded null byte"))?;
    // SAFETY: an all-zero hostent is a valid value to be filled.
    let mut entry: libc::hostent = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; HOSTENT_BUF_LEN];
    let mut result: *mut libc::hostent = std::ptr::null_mut();
    let mut h_error: libc::c_int = 0;
    // SAFETY: valid name, entry, buffer of the given length and out-pointers.
    unsafe {
        gethostbyname_r(
            cname.as_ptr(),
            &mut entry,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
            &mut h_error,
        );
        gethost_common(result, h_error, i32::from(addr.storage.ss_family))
    }
}

/// `socket.gethostbyaddr(host)`: `(hostname, aliaslist, ipaddrlist)` of an address
/// (or of a name, resolved first).
fn socket_gethostbyaddr(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let name = host_et_arg("gethostbyaddr", args)?;
    let mut addr = SockAddr::new();
    setipaddr(&name, &mut addr, libc::AF_UNSPEC)?;
    let af = i32::from(addr.storage.ss_family);
    let (ap, al): (*const libc::c_void, libc::socklen_t) = match af {
        libc::AF_INET => {
            // SAFETY: the family says this is a sockaddr_in.
            let sin = unsafe { &*(addr.as_ptr() as *const libc::sockaddr_in) };
            (
                &sin.sin_addr as *const libc::in_addr as *const libc::c_void,
                4,
            )
        }
        libc::AF_INET6 => {
            // SAFETY: the family says this is a sockaddr_in6.
            let sin6 = unsafe { &*(addr.as_ptr() as *const libc::sockaddr_in6) };
            (
                &sin6.sin6_addr as *const libc::in6_addr as *const libc::c_void,
                16,
            )
        }
        _ => return Err(os_error("unsupported address family")),
    };
    // SAFETY: an all-zero hostent is a valid value to be filled.
    let mut entry: libc::hostent = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; HOSTENT_BUF_LEN];
    let mut result: *mut libc::hostent = std::ptr::null_mut();
    let mut h_error: libc::c_int = 0;
    // SAFETY: `ap` points at `al` bytes of `addr`, alive here; valid buffers.
    unsafe {
        gethostbyaddr_r(
            ap,
            al,
            af,
            &mut entry,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
            &mut h_error,
        );
        gethost_common(result, h_error, af)
    }
}

/// A `getaddrinfo` port: int, str, bytes or None.
fn port_string(obj: &PyObject) -> PyResult<Option<CString>> {
    if obj.is(Py_None()) {
        return Ok(None);
    }
    let bytes = if obj.downcast_ref::<PyLongObject>().is_some() {
        PyLong_AsLong(obj)?.to_string().into_bytes()
    } else if obj.downcast_ref::<PyUnicodeObject>().is_some() {
        objects::codecs::encode_with_codec(
            objects::codecs::Codec::Utf8,
            obj,
            &objects::codecs::ErrorHandler::Strict,
        )?
    } else if let Some(b) = obj.downcast_ref::<PyBytesObject>() {
        b.as_bytes().to_vec()
    } else {
        return Err(os_error("Int or String expected"));
    };
    CString::new(bytes)
        .map(Some)
        .map_err(|_| value_error("embedded null byte"))
}

/// `socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
fn socket_getaddrinfo(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse_args(
        "getaddrinfo",
        args,
        kw,
        &["host", "port", "family", "type", "proto", "flags"],
        2,
    )?;
    let hobj = a[0].clone().unwrap_or_else(none);
    let pobj = a[1].clone().unwrap_or_else(none);
    let host: Option<CString> = if hobj.is(Py_None()) {
        None
    } else if hobj.downcast_ref::<PyUnicodeObject>().is_some()
        || hobj.downcast_ref::<PyBytesObject>().is_some()
    {
        let h = idna_converter(&hobj)?;
        Some(CString::new(h).map_err(|_| value_error("embedded null byte"))?)
    } else {
        return Err(type_error(
            "getaddrinfo() argument 1 must be string or None",
        ));
    };
    let port = port_string(&pobj)?;
    // SAFETY: an all-zero addrinfo is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = opt_int(&a[2], 0)?;
    hints.ai_socktype = opt_int(&a[3], 0)?;
    hints.ai_protocol = opt_int(&a[4], 0)?;
    hints.ai_flags = opt_int(&a[5], 0)?;
    let mut res0: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the strings, hints and out-pointer are valid for the call.
    let error = unsafe {
        libc::getaddrinfo(
            host.as_ref().map_or(std::ptr::null(), |h| h.as_ptr()),
            port.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
            &hints,
            &mut res0,
        )
    };
    if error != 0 {
        return Err(set_gaierror(error));
    }
    let mut entries = Vec::new();
    let mut res = res0;
    let mut failure = None;
    while !res.is_null() {
        // SAFETY: `res` walks the list getaddrinfo returned, freed below.
        let ai = unsafe { &*res };
        let mut addr = SockAddr::new();
        let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
        // SAFETY: `ai_addr` holds `ai_addrlen` bytes; `addr` has room for them.
        unsafe {
            std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, addr.as_mut_ptr() as *mut u8, n)
        };
        addr.len = n as libc::socklen_t;
        let canon = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated string owned by the list.
            unsafe { CStr::from_ptr(ai.ai_canonname) }
                .to_string_lossy()
                .into_owned()
        };
        match makesockaddr(&addr) {
            Ok(sa) => entries.push(
                PyTuple_New(vec![
                    PyLong_FromLong(i64::from(ai.ai_family)),
                    PyLong_FromLong(i64::from(ai.ai_socktype)),
                    PyLong_FromLong(i64::from(ai.ai_protocol)),
                    PyUnicode_FromString(&canon),
                    sa,
                ])
                .into_object(),
            ),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
        res = ai.ai_next;
    }
    // SAFETY: the list came from getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(res0) };
    if let Some(e) = failure {
        return Err(e);
    }
    Ok(PyList_New(entries).into_object())
}

/// `socket.getnameinfo(sockaddr, flags)`: `(host, port)` as strings.
fn socket_getnameinfo(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("getnameinfo", args.len(), 2, 2)?;
    let Some(sa) = args[0].downcast_ref::<PyTupleObject>() else {
        return Err(type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let flags = int_arg(&args[1])?;
    let items = sa.as_slice();
    let illegal = || type_error("getnameinfo(): illegal sockaddr argument");
    if !(2..=4).contains(&items.len()) || items[0].downcast_ref::<PyUnicodeObject>().is_none() {
        return Err(illegal());
    }
    let host = str_arg("getnameinfo", 1, &items[0])?;
    let port = int_arg(&items[1])?;
    let unsigned = |o: Option<&PyObjectRef>| -> PyResult<u32> {
        match o {
            Some(v) => Ok(PyLong_AsLong(v)? as u32),
            None => Ok(0),
        }
    };
    let flowinfo = unsigned(items.get(2))?;
    let scope_id = unsigned(items.get(3))?;
    if flowinfo > 0xfffff {
        return Err(overflow_error("getnameinfo(): flowinfo must be 0-1048575."));
    }
    let pbuf = CString::new(port.to_string()).map_err(|_| value_error("embedded null byte"))?;
    // SAFETY: an all-zero addrinfo is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = libc::AF_UNSPEC;
    hints.ai_socktype = libc::SOCK_DGRAM;
    hints.ai_flags = libc::AI_NUMERICHOST;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: valid C strings, hints and out-pointer.
    let error = unsafe { libc::getaddrinfo(host.as_ptr(), pbuf.as_ptr(), &hints, &mut res) };
    if error != 0 {
        return Err(set_gaierror(error));
    }
    let mut addr = SockAddr::new();
    // SAFETY: on success `res` holds at least one result; it is freed here.
    let multiple = unsafe {
        let ai = &*res;
        let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
        std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, addr.as_mut_ptr() as *mut u8, n);
        addr.len = n as libc::socklen_t;
        let multiple = !ai.ai_next.is_null();
        libc::freeaddrinfo(res);
        multiple
    };
    if multiple {
        return Err(os_error("sockaddr resolved to multiple addresses"));
    }
    match i32::from(addr.storage.ss_family) {
        libc::AF_INET if items.len() != 2 => {
            return Err(os_error("IPv4 sockaddr must be 2 tuple"));
        }
        libc::AF_INET6 => {
            // SAFETY: the family says this is a sockaddr_in6.
            let sin6 = unsafe { &mut *(addr.as_mut_ptr() as *mut libc::sockaddr_in6) };
            sin6.sin6_flowinfo = flowinfo.to_be();
            sin6.sin6_scope_id = scope_id;
        }
        _ => {}
    }
    let mut hbuf = [0 as libc::c_char; 1025];
    let mut sbuf = [0 as libc::c_char; 32];
    // SAFETY: the buffers have the given sizes; `addr` holds `len` valid bytes.
    let error = unsafe {
        getnameinfo(
            addr.as_ptr(),
            addr.len,
            hbuf.as_mut_ptr(),
            hbuf.len() as libc::socklen_t,
            sbuf.as_mut_ptr(),
            sbuf.len() as libc::socklen_t,
            flags,
        )
    };
    if error != 0 {
        return Err(set_gaierror(error));
    }
    // SAFETY: getnameinfo wrote NUL-terminated strings.
    let (h, p) = unsafe { (CStr::from_ptr(hbuf.as_ptr()), CStr::from_ptr(sbuf.as_ptr())) };
    Ok(PyTuple_New(vec![
        PyUnicode_FromString(&h.to_string_lossy()),
        PyUnicode_FromString(&p.to_string_lossy()),
    ])
    .into_object())
}

/// A C string argument ("s"): str without NUL characters.
fn str_arg(fname: &str, n: usize, obj: &PyObject) -> PyResult<CString> {
    let Some(u) = obj.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            obj.ob_type().name()
        )));
    };
    CString::new(u.to_string_lossy().into_owned())
        .map_err(|_| value_error("embedded null character"))
}

/// `socket.getservbyname(servicename[, protocolname])`.
fn socket_getservbyname(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("getservbyname", args.len(), 1, 2)?;
    let name = str_arg("getservbyname", 1, &args[0])?;
    let proto = match args.get(1) {
        Some(p) => Some(str_arg("getservbyname", 2, p)?),
        None => None,
    };
    // SAFETY: valid C strings; the result points to static storage, read at once.
    let sp = unsafe {
        libc::getservbyname(
            name.as_ptr(),
            proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
        )
    };
    if sp.is_null() {
        return Err(os_error("service/proto not found"));
    }
    // SAFETY: non-null result of getservbyname.
    let port = unsafe { (*sp).s_port };
    Ok(PyLong_FromLong(i64::from(u16::from_be(port as u16))))
}

/// `socket.getservbyport(port[, protocolname])`.
fn socket_getservbyport(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("getservbyport", args.len(), 1, 2)?;
    let port = int_arg(&args[0])?;
    let proto = match args.get(1) {
        Some(p) => Some(str_arg("getservbyport", 2, p)?),
        None => None,
    };
    if !(0..=0xffff).contains(&port) {
        return Err(overflow_error("getservbyport: port must be 0-65535."));
    }
    // SAFETY: a valid C string or NULL; the result points to static storage.
    let sp = unsafe {
        libc::getservbyport(
            i32::from((port as u16).to_be()),
            proto.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
        )
    };
    if sp.is_null() {
        return Err(os_error("port/proto not found"));
    }
    // SAFETY: non-null result with a NUL-terminated name.
    let name = unsafe { CStr::from_ptr((*sp).s_name) };
    Ok(PyUnicode_FromString(&name.to_string_lossy()))
}

/// `socket.getprotobyname(name)`.
fn socket_getprotobyname(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("getprotobyname", args.len(), 1, 1)?;
    let name = str_arg("getprotobyname", 1, &args[0])?;
    // SAFETY: a valid C string; the result points to static storage.
    let sp = unsafe { libc::getprotobyname(name.as_ptr()) };
    if sp.is_null() {
        return Err(os_error("protocol not found"));
    }
    // SAFETY: non-null result.
    Ok(PyLong_FromLong(i64::from(unsafe { (*sp).p_proto })))
}

/// `socket.close(fd)`.
fn socket_close(_m: &PyObject, arg: &PyObject) -> PyResult {
    let fd = int_arg(arg)?;
    // SAFETY: closing a descriptor number given by the caller.
    if unsafe { libc::close(fd) } < 0 && errno() != libc::ECONNRESET {
        return Err(set_error());
    }
    Ok(none())
}

/// `socket.dup(fd)`: a non-inheritable duplicate.
fn socket_dup(_m: &PyObject, arg: &PyObject) -> PyResult {
    let fd = int_arg(arg)?;
    // SAFETY: plain system call.
    let newfd = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if newfd < 0 {
        return Err(set_error());
    }
    Ok(PyLong_FromLong(i64::from(newfd)))
}

/// `socket.socketpair([family[, type[, proto]]])`.
fn socket_socketpair(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("socketpair", args.len(), 0, 3)?;
    let family = match args.first() {
        Some(f) => int_arg(f)?,
        None => libc::AF_UNIX,
    };
    let type_ = match args.get(1) {
        Some(t) => int_arg(t)?,
        None => libc::SOCK_STREAM,
    };
    let proto = match args.get(2) {
        Some(p) => int_arg(p)?,
        None => 0,
    };
    let mut sv = [0i32; 2];
    // SAFETY: `sv` has room for two descriptors.
    if unsafe { libc::socketpair(family, type_ | libc::SOCK_CLOEXEC, proto, sv.as_mut_ptr()) } < 0 {
        return Err(set_error());
    }
    let s0 = match new_sockobject(sv[0], family, type_, proto) {
        Ok(s) => s,
        Err(e) => {
            // SAFETY: both descriptors are ours and unowned.
            unsafe {
                libc::close(sv[0]);
                libc::close(sv[1]);
            }
            return Err(e);
        }
    };
    let s1 = match new_sockobject(sv[1], family, type_, proto) {
        Ok(s) => s,
        Err(e) => {
            // SAFETY: the second descriptor is ours and unowned.
            unsafe { libc::close(sv[1]) };
            return Err(e);
        }
    };
    Ok(PyTuple_New(vec![s0, s1]).into_object())
}

/// `htons`/`ntohs`: "i", then a 16-bit unsigned range check.
fn short_arg(fname: &str, arg: &PyObject) -> PyResult<u16> {
    let x = int_arg(arg)?;
    if x < 0 {
        return Err(overflow_error(format!(
            "{fname}: can't convert negative Python int to C 16-bit unsigned integer"
        )));
    }
    u16::try_from(x).map_err(|_| {
        overflow_error(format!(
            "{fname}: Python int too large to convert to C 16-bit unsigned integer"
        ))
    })
}

fn socket_htons(_m: &PyObject, arg: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(i64::from(short_arg("htons", arg)?.to_be())))
}

fn socket_ntohs(_m: &PyObject, arg: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(i64::from(u16::from_be(short_arg(
        "ntohs", arg,
    )?))))
}

/// `htonl`/`ntohl`: an int of at most 32 bits.
fn long_arg(arg: &PyObject) -> PyResult<u32> {
    if arg.downcast_ref::<PyLongObject>().is_none() {
        return Err(type_error(format!(
            "expected int, {} found",
            arg.ob_type().name()
        )));
    }
    let big = objects::longobject::long_to_bigint(arg);
    if big.sign() == num_bigint::Sign::Minus {
        return Err(overflow_error(
            "can't convert negative value to unsigned int",
        ));
    }
    let v: u64 = big
        .try_into()
        .map_err(|_| overflow_error("Python int too large to convert to C unsigned long"))?;
    u32::try_from(v).map_err(|_| overflow_error("int larger than 32 bits"))
}

fn socket_htonl(_m: &PyObject, arg: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(i64::from(long_arg(arg)?.to_be())))
}

fn socket_ntohl(_m: &PyObject, arg: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(i64::from(u32::from_be(long_arg(arg)?))))
}

/// `socket.inet_aton(string)`: four bytes in network order.
fn socket_inet_aton(_m: &PyObject, arg: &PyObject) -> PyResult {
    let s = str_arg("inet_aton", 1, arg)?;
    let mut addr = libc::in_addr { s_addr: 0 };
    // SAFETY: a valid C string and out-parameter.
    if unsafe { inet_aton(s.as_ptr(), &mut addr) } == 0 {
        return Err(os_error("illegal IP address string passed to inet_aton"));
    }
    Ok(PyBytes_FromSlice(&addr.s_addr.to_ne_bytes()))
}

// glibc functions the libc crate does not declare.
extern "C" {
    fn gethostbyname_r(
        name: *const libc::c_char,
        ret: *mut libc::hostent,
        buf: *mut libc::c_char,
        buflen: usize,
        result: *mut *mut libc::hostent,
        h_errnop: *mut libc::c_int,
    ) -> libc::c_int;
    fn gethostbyaddr_r(
        addr: *const libc::c_void,
        len: libc::socklen_t,
        family: libc::c_int,
        ret: *mut libc::hostent,
        buf: *mut libc::c_char,
        buflen: usize,
        result: *mut *mut libc::hostent,
        h_errnop: *mut libc::c_int,
    ) -> libc::c_int;
    /// Accepts the historical forms `127.1` and `0x7f.1`, as CPython does.
    fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    fn inet_pton(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
    fn getnameinfo(
        sa: *const libc::sockaddr,
        salen: libc::socklen_t,
        host: *mut libc::c_char,
        hostlen: libc::socklen_t,
        serv: *mut libc::c_char,
        servlen: libc::socklen_t,
        flags: libc::c_int,
    ) -> libc::c_int;
    fn inet_ntop(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
}

/// `socket.inet_ntoa(packed_ip)`.
fn socket_inet_ntoa(_m: &PyObject, arg: &PyObject) -> PyResult {
    let data = buffer_arg(arg)?;
    if data.len() != 4 {
        return Err(os_error("packed IP wrong length for inet_ntoa"));
    }
    let ip = std::net::Ipv4Addr::new(data[0], data[1], data[2], data[3]);
    Ok(PyUnicode_FromString(&ip.to_string()))
}

/// `socket.inet_pton(af, ip)`.
fn socket_inet_pton(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("inet_pton", args.len(), 2, 2)?;
    let af = int_arg(&args[0])?;
    let ip = str_arg("inet_pton", 2, &args[1])?;
    let mut packed = [0u8; 16];
    // SAFETY: a valid C string; `packed` has room for an IPv6 address.
    let r = unsafe { inet_pton(af, ip.as_ptr(), packed.as_mut_ptr() as *mut libc::c_void) };
    if r < 0 {
        return Err(set_error());
    }
    if r == 0 {
        return Err(os_error("illegal IP address string passed to inet_pton"));
    }
    let n = if af == libc::AF_INET { 4 } else { 16 };
    Ok(PyBytes_FromSlice(&packed[..n]))
}

/// `socket.inet_ntop(af, packed_ip)`.
fn socket_inet_ntop(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("inet_ntop", args.len(), 2, 2)?;
    let af = int_arg(&args[0])?;
    let data = buffer_arg(&args[1])?;
    match af {
        libc::AF_INET => {
            if data.len() != 4 {
                return Err(value_error("invalid length of packed IP address string"));
            }
            let ip = std::net::Ipv4Addr::new(data[0], data[1], data[2], data[3]);
            Ok(PyUnicode_FromString(&ip.to_string()))
        }
        libc::AF_INET6 => {
            let Ok(bytes) = <[u8; 16]>::try_from(&data[..]) else {
                return Err(value_error("invalid length of packed IP address string"));
            };
            Ok(PyUnicode_FromString(&ntop6(&bytes)))
        }
        _ => Err(value_error(format!("unknown address family {af}"))),
    }
}

/// `socket.getdefaulttimeout()`.
fn socket_getdefaulttimeout(_m: &PyObject) -> PyResult {
    Ok(timeout_value(defaulttimeout()))
}

/// `socket.setdefaulttimeout(timeout)`.
fn socket_setdefaulttimeout(_m: &PyObject, arg: &PyObject) -> PyResult {
    let t = socket_parse_timeout(arg)?;
    // SAFETY: single-threaded; a plain store.
    unsafe { *DEFAULTTIMEOUT.get_mut() = t };
    Ok(none())
}

static SOCKET_FUNCTIONS: [PyMethodDef; 22] = [
    PyMethodDef::new(
        "getnameinfo",
        PyCFunction::Fast(socket_getnameinfo),
        "getnameinfo(sockaddr, flags) --> (host, port)\n\nGet host and port for a sockaddr.",
    ),
    PyMethodDef::new("gethostname", PyCFunction::NoArgs(socket_gethostname), "gethostname() -> string\n\nReturn the current host name."),
    PyMethodDef::new("gethostbyname_ex", PyCFunction::Fast(socket_gethostbyname_ex), "gethostbyname_ex(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number."),
    PyMethodDef::new("gethostbyaddr", PyCFunction::Fast(socket_gethostbyaddr), "gethostbyaddr(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number."),
    PyMethodDef::new("gethostbyname", PyCFunction::Fast(socket_gethostbyname), "gethostbyname(host) -> address\n\nReturn the IP address (a string of the form '255.255.255.255') for a host."),
    PyMethodDef::new("getaddrinfo", PyCFunction::FastKw(socket_getaddrinfo), "getaddrinfo(host, port [, family, type, proto, flags])\n    -> list of (family, type, proto, canonname, sockaddr)\n\nResolve host and port into addrinfo struct."),
    PyMethodDef::new("getservbyname", PyCFunction::Fast(socket_getservbyname), "getservbyname(servicename[, protocolname]) -> integer\n\nReturn a port number from a service name and protocol name.\nThe optional protocol name, if given, should be 'tcp' or 'udp',\notherwise any protocol will match."),
    PyMethodDef::new("getservbyport", PyCFunction::Fast(socket_getservbyport), "getservbyport(port[, protocolname]) -> string\n\nReturn the service name from a port number and protocol name.\nThe optional protocol name, if given, should be 'tcp' or 'udp',\notherwise any protocol will match."),
    PyMethodDef::new("getprotobyname", PyCFunction::Fast(socket_getprotobyname), "getprotobyname(name) -> integer\n\nReturn the protocol number for the named protocol.  (Rarely used.)"),
    PyMethodDef::new("close", PyCFunction::O(socket_close), "close(integer) -> None\n\nClose an integer socket file descriptor.  This is like os.close(), but for\nsockets; on some platforms os.close() won't work for socket file descriptors."),
    PyMethodDef::new("dup", PyCFunction::O(socket_dup), "dup(integer) -> integer\n\nDuplicate an integer socket file descriptor.  This is like os.dup(), but for\nsockets; on some platforms os.dup() won't work for socket file descriptors."),
    PyMethodDef::new("socketpair", PyCFunction::Fast(socket_socketpair), "socketpair([family[, type [, proto]]]) -> (socket object, socket object)\n\nCreate a pair of socket objects from the sockets returned by the platform\nsocketpair() function.\nThe arguments are the same as for socket() except the default family is\nAF_UNIX if defined on the platform; otherwise, the default is AF_INET."),
    PyMethodDef::new("ntohs", PyCFunction::O(socket_ntohs), "ntohs(integer) -> integer\n\nConvert a 16-bit unsigned integer from network to host byte order."),
    PyMethodDef::new("ntohl", PyCFunction::O(socket_ntohl), "ntohl(integer) -> integer\n\nConvert a 32-bit integer from network to host byte order."),
    PyMethodDef::new("htons", PyCFunction::O(socket_htons), "htons(integer) -> integer\n\nConvert a 16-bit unsigned integer from host to network byte order."),
    PyMethodDef::new("htonl", PyCFunction::O(socket_htonl), "htonl(integer) -> integer\n\nConvert a 32-bit integer from host to network byte order."),
    PyMethodDef::new("inet_aton", PyCFunction::O(socket_inet_aton), "inet_aton(string) -> bytes giving packed 32-bit IP representation\n\nConvert an IP address in string format (123.45.67.89) to the 32-bit packed\nbinary format used in low-level network functions."),
    PyMethodDef::new("inet_ntoa", PyCFunction::O(socket_inet_ntoa), "inet_ntoa($module, packed_ip, /)\n--\n\nConvert an IP address from 32-bit packed binary format to string format."),
    PyMethodDef::new("inet_pton", PyCFunction::Fast(socket_inet_pton), "inet_pton(af, ip) -> packed IP address string\n\nConvert an IP address from string format to a packed string suitable\nfor use with low-level network functions."),
    PyMethodDef::new("inet_ntop", PyCFunction::Fast(socket_inet_ntop), "inet_ntop(af, packed_ip) -> string formatted IP address\n\nConvert a packed IP address of the given family to string format."),
    PyMethodDef::new("getdefaulttimeout", PyCFunction::NoArgs(socket_getdefaulttimeout), "getdefaulttimeout() -> timeout\n\nReturns the default timeout in seconds (float) for new socket objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the socket module is first imported, the default is None."),
    PyMethodDef::new("setdefaulttimeout", PyCFunction::O(socket_setdefaulttimeout), "setdefaulttimeout(timeout)\n\nSet the default timeout in seconds (float) for new socket objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the socket module is first imported, the default is None."),
];

/// The integer constants, from the libc crate where it has them.
fn int_constants() -> Vec<(&'static str, i64)> {
    macro_rules! libc_consts {
        ($($name:ident),* $(,)?) => { vec![$((stringify!($name), libc::$name as i64)),*] };
    }
    let mut v = libc_consts![
        AF_APPLETALK,
        AF_ASH,
        AF_ATMPVC,
        AF_ATMSVC,
        AF_AX25,
        AF_BRIDGE,
        AF_CAN,
        AF_ECONET,
        AF_INET,
        AF_INET6,
        AF_IPX,
        AF_IRDA,
        AF_KEY,
        AF_LLC,
        AF_NETBEUI,
        AF_NETLINK,
        AF_NETROM,
        AF_PACKET,
        AF_PPPOX,
        AF_RDS,
        AF_ROSE,
        AF_ROUTE,
        AF_SECURITY,
        AF_SNA,
        AF_TIPC,
        AF_UNIX,
        AF_UNSPEC,
        AF_VSOCK,
        AF_WANPIPE,
        AF_X25,
        AF_ALG,
        AF_DECnet,
        AI_ADDRCONFIG,
        AI_ALL,
        AI_CANONNAME,
        AI_NUMERICHOST,
        AI_NUMERICSERV,
        AI_PASSIVE,
        AI_V4MAPPED,
        EAI_AGAIN,
        EAI_BADFLAGS,
        EAI_FAIL,
        EAI_FAMILY,
        EAI_MEMORY,
        EAI_NODATA,
        EAI_NONAME,
        EAI_OVERFLOW,
        EAI_SERVICE,
        EAI_SOCKTYPE,
        EAI_SYSTEM,
        INADDR_ANY,
        INADDR_BROADCAST,
        INADDR_LOOPBACK,
        INADDR_NONE,
        IPPROTO_AH,
        IPPROTO_DSTOPTS,
        IPPROTO_EGP,
        IPPROTO_ESP,
        IPPROTO_FRAGMENT,
        IPPROTO_GRE,
        IPPROTO_HOPOPTS,
        IPPROTO_ICMP,
        IPPROTO_ICMPV6,
        IPPROTO_IDP,
        IPPROTO_IGMP,
        IPPROTO_IP,
        IPPROTO_IPIP,
        IPPROTO_IPV6,
        IPPROTO_MPTCP,
        IPPROTO_NONE,
        IPPROTO_PIM,
        IPPROTO_PUP,
        IPPROTO_RAW,
        IPPROTO_ROUTING,
        IPPROTO_RSVP,
        IPPROTO_SCTP,
        IPPROTO_TCP,
        IPPROTO_TP,
        IPPROTO_UDP,
        IPPROTO_UDPLITE,
        IPV6_CHECKSUM,
        IPV6_DONTFRAG,
        IPV6_DSTOPTS,
        IPV6_HOPLIMIT,
        IPV6_HOPOPTS,
        IPV6_MULTICAST_HOPS,
        IPV6_MULTICAST_IF,
        IPV6_MULTICAST_LOOP,
        IPV6_NEXTHOP,
        IPV6_PATHMTU,
        IPV6_PKTINFO,
        IPV6_RECVDSTOPTS,
        IPV6_RECVHOPLIMIT,
        IPV6_RECVHOPOPTS,
        IPV6_RECVPATHMTU,
        IPV6_RECVPKTINFO,
        IPV6_RECVRTHDR,
        IPV6_RECVTCLASS,
        IPV6_RTHDR,
        IPV6_RTHDRDSTOPTS,
        IPV6_TCLASS,
        IPV6_UNICAST_HOPS,
        IPV6_V6ONLY,
        IP_ADD_MEMBERSHIP,
        IP_BIND_ADDRESS_NO_PORT,
        IP_DEFAULT_MULTICAST_LOOP,
        IP_DEFAULT_MULTICAST_TTL,
        IP_DROP_MEMBERSHIP,
        IP_HDRINCL,
        IP_MULTICAST_IF,
        IP_MULTICAST_LOOP,
        IP_MULTICAST_TTL,
        IP_OPTIONS,
        IP_RECVOPTS,
        IP_RECVTOS,
        IP_RETOPTS,
        IP_TOS,
        IP_TRANSPARENT,
        IP_TTL,
        MSG_CMSG_CLOEXEC,
        MSG_CONFIRM,
        MSG_CTRUNC,
        MSG_DONTROUTE,
        MSG_DONTWAIT,
        MSG_EOR,
        MSG_ERRQUEUE,
        MSG_FASTOPEN,
        MSG_MORE,
        MSG_NOSIGNAL,
        MSG_OOB,
        MSG_PEEK,
        MSG_TRUNC,
        MSG_WAITALL,
        NI_DGRAM,
        NI_MAXHOST,
        NI_NAMEREQD,
        NI_NOFQDN,
        NI_NUMERICHOST,
        NI_NUMERICSERV,
        PF_CAN,
        PF_PACKET,
        PF_RDS,
        SCM_CREDENTIALS,
        SCM_RIGHTS,
        SHUT_RD,
        SHUT_RDWR,
        SHUT_WR,
        SOCK_CLOEXEC,
        SOCK_DGRAM,
        SOCK_NONBLOCK,
        SOCK_RAW,
        SOCK_RDM,
        SOCK_SEQPACKET,
        SOCK_STREAM,
        SOL_IP,
        SOL_SOCKET,
        SOL_TCP,
        SOL_UDP,
        SOMAXCONN,
        SO_ACCEPTCONN,
        SO_BINDTODEVICE,
        SO_BROADCAST,
        SO_DEBUG,
        SO_DOMAIN,
        SO_DONTROUTE,
        SO_ERROR,
        SO_INCOMING_CPU,
        SO_KEEPALIVE,
        SO_LINGER,
        SO_MARK,
        SO_OOBINLINE,
        SO_PASSCRED,
        SO_PASSSEC,
        SO_PEERCRED,
        SO_PEERSEC,
        SO_PRIORITY,
        SO_PROTOCOL,
        SO_RCVBUF,
        SO_RCVLOWAT,
        SO_RCVTIMEO,
        SO_REUSEADDR,
        SO_REUSEPORT,
        SO_SNDBUF,
        SO_SNDLOWAT,
        SO_SNDTIMEO,
        SO_TYPE,
        TCP_CONGESTION,
        TCP_CORK,
        TCP_DEFER_ACCEPT,
        TCP_FASTOPEN,
        TCP_INFO,
        TCP_KEEPCNT,
        TCP_KEEPIDLE,
        TCP_KEEPINTVL,
        TCP_LINGER2,
        TCP_MAXSEG,
        TCP_NODELAY,
        TCP_NOTSENT_LOWAT,
        TCP_QUICKACK,
        TCP_SYNCNT,
        TCP_USER_TIMEOUT,
        TCP_WINDOW_CLAMP,
    ];
    // glibc's values of names the libc crate does not define.
    v.extend([
        ("AF_QIPCRTR", 42),
        ("EAI_ADDRFAMILY", -9),
        ("INADDR_ALLHOSTS_GROUP", 0xe000_0001),
        ("INADDR_MAX_LOCAL_GROUP", 0xe000_00ff),
        ("INADDR_UNSPEC_GROUP", 0xe000_0000),
        ("IPPORT_RESERVED", 1024),
        ("IPPORT_USERRESERVED", 5000),
        ("IPV6_JOIN_GROUP", 20),
        ("IPV6_LEAVE_GROUP", 21),
        ("IPV6_RTHDR_TYPE_0", 0),
        ("IP_MAX_MEMBERSHIPS", 20),
        ("IP_RECVRETOPTS", 7),
        ("NI_MAXSERV", 32),
    ]);
    v
}

/// Make the `_socket` module (`PyInit__socket`).
pub fn PyInit__socket() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&sock_type)?;
    let m = PyModule_New("_socket")?;
    PyModule_AddFunctions(&m, &SOCKET_FUNCTIONS)?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("Implementation module for socket operations.\n\nSee the socket module for documentation."),
    )?;
    let os_error_type = objects::exceptions::PyExc_OSError.as_object();
    PyModule_AddObject(&m, "error", os_error_type)?;
    PyModule_AddObject(
        &m,
        "timeout",
        objects::exceptions::PyExc_TimeoutError.as_object(),
    )?;
    PyModule_AddObject(
        &m,
        "herror",
        exception_type(&HERROR, "socket.herror")?.as_object(),
    )?;
    PyModule_AddObject(
        &m,
        "gaierror",
        exception_type(&GAIERROR, "socket.gaierror")?.as_object(),
    )?;
    PyModule_AddObject(&m, "SocketType", sock_type.as_object())?;
    PyModule_AddObject(&m, "socket", sock_type.as_object())?;
    PyModule_AddObject(&m, "has_ipv6", &PyBool_FromLong(true))?;
    for (name, value) in int_constants() {
        PyModule_AddObject(&m, name, &PyLong_FromLong(value))?;
    }
    Ok(m)
}
