//! The `errno` module: the C library's error numbers by name. Mirrors
//! Modules/errnomodule.c (CPython 3.11).
//!
//! The table lists Linux's codes in CPython's order of `add_errcode` calls, so that
//! `errno.errorcode` maps a code shared by two names (EAGAIN and EWOULDBLOCK) to the
//! one CPython keeps: the last added.

use objects::dictobject::{PyDict_New, PyDict_SetItem};
use objects::longobject::PyLong_FromLong;
use objects::moduleobject::{PyModuleObject, PyModule_AddObject, PyModule_New};
use objects::prelude::*;
use objects::unicodeobject::PyUnicode_FromString;

/// Every error name and its number on Linux, in CPython's order.
static ERRNO_CODES: [(&str, i64); 133] = [
    ("ENODEV", 19),
    ("ENOCSI", 50),
    ("EHOSTUNREACH", 113),
    ("ENOMSG", 42),
    ("EUCLEAN", 117),
    ("EL2NSYNC", 45),
    ("EL2HLT", 51),
    ("ENODATA", 61),
    ("ENOTBLK", 15),
    ("ENOSYS", 38),
    ("EPIPE", 32),
    ("EINVAL", 22),
    ("EOVERFLOW", 75),
    ("EADV", 68),
    ("EINTR", 4),
    ("EUSERS", 87),
    ("ENOTEMPTY", 39),
    ("ENOBUFS", 105),
    ("EPROTO", 71),
    ("EREMOTE", 66),
    ("ENAVAIL", 119),
    ("ECHILD", 10),
    ("ELOOP", 40),
    ("EXDEV", 18),
    ("E2BIG", 7),
    ("ESRCH", 3),
    ("EMSGSIZE", 90),
    ("EAFNOSUPPORT", 97),
    ("EBADR", 53),
    ("EHOSTDOWN", 112),
    ("EPFNOSUPPORT", 96),
    ("ENOPROTOOPT", 92),
    ("EBUSY", 16),
    ("EWOULDBLOCK", 11),
    ("EBADFD", 77),
    ("EDOTDOT", 73),
    ("EISCONN", 106),
    ("ENOANO", 55),
    ("ESHUTDOWN", 108),
    ("ECHRNG", 44),
    ("ELIBBAD", 80),
    ("ENONET", 64),
    ("EBADE", 52),
    ("EBADF", 9),
    ("EMULTIHOP", 72),
    ("EIO", 5),
    ("EUNATCH", 49),
    ("EPROTOTYPE", 91),
    ("ENOSPC", 28),
    ("ENOEXEC", 8),
    ("EALREADY", 114),
    ("ENETDOWN", 100),
    ("ENOTNAM", 118),
    ("EACCES", 13),
    ("ELNRNG", 48),
    ("EILSEQ", 84),
    ("ENOTDIR", 20),
    ("ENOTUNIQ", 76),
    ("EPERM", 1),
    ("EDOM", 33),
    ("EXFULL", 54),
    ("ECONNREFUSED", 111),
    ("EISDIR", 21),
    ("EPROTONOSUPPORT", 93),
    ("EROFS", 30),
    ("EADDRNOTAVAIL", 99),
    ("EIDRM", 43),
    ("ECOMM", 70),
    ("ESRMNT", 69),
    ("EREMOTEIO", 121),
    ("EL3RST", 47),
    ("EBADMSG", 74),
    ("ENFILE", 23),
    ("ELIBMAX", 82),
    ("ESPIPE", 29),
    ("ENOLINK", 67),
    ("ENETRESET", 102),
    ("ETIMEDOUT", 110),
    ("ENOENT", 2),
    ("EEXIST", 17),
    ("EDQUOT", 122),
    ("ENOSTR", 60),
    ("EBADSLT", 57),
    ("EBADRQC", 56),
    ("ELIBACC", 79),
    ("EFAULT", 14),
    ("EFBIG", 27),
    ("EDEADLK", 35),
    ("ENOTCONN", 107),
    ("EDESTADDRREQ", 89),
    ("ELIBSCN", 81),
    ("ENOLCK", 37),
    ("EISNAM", 120),
    ("ECONNABORTED", 103),
    ("ENETUNREACH", 101),
    ("ESTALE", 116),
    ("ENOSR", 63),
    ("ENOMEM", 12),
    ("ENOTSOCK", 88),
    ("ESTRPIPE", 86),
    ("EMLINK", 31),
    ("ERANGE", 34),
    ("ELIBEXEC", 83),
    ("EL3HLT", 46),
    ("ECONNRESET", 104),
    ("EADDRINUSE", 98),
    ("EOPNOTSUPP", 95),
    ("EREMCHG", 78),
    ("EAGAIN", 11),
    ("ENAMETOOLONG", 36),
    ("ENOTTY", 25),
    ("ERESTART", 85),
    ("ESOCKTNOSUPPORT", 94),
    ("ETIME", 62),
    ("EBFONT", 59),
    ("EDEADLOCK", 35),
    ("ETOOMANYREFS", 109),
    ("EMFILE", 24),
    ("ETXTBSY", 26),
    ("EINPROGRESS", 115),
    ("ENXIO", 6),
    ("ENOPKG", 65),
    ("ENOMEDIUM", 123),
    ("EMEDIUMTYPE", 124),
    ("ECANCELED", 125),
    ("ENOKEY", 126),
    ("EKEYEXPIRED", 127),
    ("EKEYREVOKED", 128),
    ("EKEYREJECTED", 129),
    ("EOWNERDEAD", 130),
    ("ENOTRECOVERABLE", 131),
    ("ERFKILL", 132),
    ("ENOTSUP", 95),
];

const ERRNO_DOC: &str = "This module makes available standard errno system symbols.\n\nThe value of each symbol is the corresponding integer value,\ne.g., on most systems, errno.ENOENT equals the integer 2.\n\nThe dictionary errno.errorcode maps numeric codes to symbol names,\ne.g., errno.errorcode[2] could be the string 'ENOENT'.\n\nSymbols that are not relevant to the underlying system are not defined.\n\nTo map error codes to error messages, use the function os.strerror(),\ne.g. os.strerror(2) could return 'No such file or directory'.";

/// Make the `errno` module (`PyInit_errno`, `errno_exec`): one int per name, and
/// `errorcode` from numbers back to names.
pub fn PyInit_errno() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("errno")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(ERRNO_DOC))?;
    let errorcode = PyDict_New();
    PyModule_AddObject(&m, "errorcode", errorcode.as_object())?;
    for &(name, code) in ERRNO_CODES.iter() {
        let name_obj = PyUnicode_FromString(name);
        let code_obj = PyLong_FromLong(code);
        PyModule_AddObject(&m, name, &code_obj)?;
        PyDict_SetItem(&errorcode, &code_obj, &name_obj)?;
    }
    Ok(m)
}
