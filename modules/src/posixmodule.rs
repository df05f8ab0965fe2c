//! The `posix` module: the operating system interface under `os`. Mirrors
//! Modules/posixmodule.c (CPython 3.11), Linux part.
//!
//! Paths are converted as `path_converter` does: str (encoded UTF-8 with
//! `surrogateescape`), bytes, or an object with `__fspath__`; functions that return
//! names return str for str arguments and bytes for bytes ones. Errors are
//! `OSError(errno, strerror, filename[, None, filename2])`, which the OSError
//! constructor turns into the matching subclass.
//!
//! Differences from CPython: a subset of the functions (the file system, descriptors,
//! the process basics, `waitpid` and its macros, `abort`); no `fork`/`exec*`/`spawn*`,
//! scheduling, extended attributes, `sendfile`, or user and group databases.
//! `_have_functions` lists only what is here.

use std::cell::Cell;
use std::ffi::CString;
use std::mem::size_of;

use include::cpython::object::flags::Py_TPFLAGS_DEFAULT;
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::boolobject::PyBool_FromLong;
use objects::bytesobject::{PyBytesObject, PyBytes_FromSlice, PyBytes_FromVec};
use objects::dictobject::{PyDict_New, PyDict_SetItem};
use objects::fileobject::decode_surrogateescape;
use objects::floatobject::{PyFloatObject, PyFloat_FromDouble};
use objects::getargs::{check_positional, unpack_keywords, ArgSpec};
use objects::listobject::PyList_New;
use objects::longobject::{
    PyLongObject, PyLong_AsLong, PyLong_FromBigInt, PyLong_FromLong, PyLong_FromU64,
};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, PyObject_GenericGetAttr, PyObject_IsTrue, Py_None};
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::pyerrors::strerror;
use objects::structseq::{
    PyStructSequence_Desc, PyStructSequence_New, PyStructSequence_NewType,
    PyStructSequence_UnnamedField,
};
use objects::tupleobject::{PyObject_SelfIter, PyTupleObject, PyTuple_New};
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

fn exc_matches(e: &PyErr, tp: &PyTypeObject) -> bool {
    objects::pyerrors::PyErr_GivenExceptionMatches(e.value(), tp.as_object())
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `posix_error`: `OSError` from `errno`.
fn posix_error() -> PyErr {
    objects::pyerrors::PyErr_SetFromErrno(errno())
}

/// `path_error`: `OSError` from `errno`, naming the path argument.
fn path_error(path: &Path) -> PyErr {
    objects::pyerrors::PyErr_SetFromErrnoWithFilename(errno(), path.object.clone())
}

/// `path_error2`: `OSError` from `errno`, naming both paths (`rename`, `link`).
fn path_error2(p1: &Path, p2: &Path) -> PyErr {
    let e = errno();
    objects::pyerrors::PyErr_FromArgs(
        &objects::exceptions::PyExc_OSError,
        &[
            PyLong_FromLong(i64::from(e)),
            PyUnicode_FromString(&strerror(e)),
            p1.object.clone(),
            none(),
            p2.object.clone(),
        ],
    )
}

/// `path_t`: a converted path argument.
struct Path {
    /// The argument as given (for error messages and the result type).
    object: PyObjectRef,
    /// The path, NUL-terminated for the system; empty with `fd` set.
    narrow: CString,
    /// A descriptor given instead of a path (`allow_fd`).
    fd: Option<i32>,
    /// Whether results should be bytes.
    is_bytes: bool,
}

/// `path_converter`: str, bytes, os.PathLike, or an int when `allow_fd`.
fn path_converter(
    fname: &str,
    argname: &str,
    obj: &PyObject,
    allow_fd: bool,
    nullable: bool,
) -> PyResult<Path> {
    let what = match (allow_fd, nullable) {
        (true, true) => "string, bytes, os.PathLike, integer or None",
        (true, false) => "string, bytes, os.PathLike or integer",
        (false, true) => "string, bytes, os.PathLike or None",
        (false, false) => "string, bytes or os.PathLike",
    };
    if allow_fd && obj.downcast_ref::<PyLongObject>().is_some() {
        let fd = _fd_converter(obj)?;
        return Ok(Path {
            object: obj.to_owned(),
            narrow: CString::default(),
            fd: Some(fd),
            is_bytes: false,
        });
    }
    let is_pathlike = obj.downcast_ref::<PyUnicodeObject>().is_some()
        || obj.downcast_ref::<PyBytesObject>().is_some()
        || objects::typeobject::_PyObject_LookupSpecial(obj, objects::intern!("__fspath__"))?
            .is_some();
    if !is_pathlike {
        return Err(type_error(format!(
            "{fname}: {argname} should be {what}, not {}",
            obj.ob_type().name()
        )));
    }
    let path = crate::_io::fspath(obj)?;
    let (bytes, is_bytes) = if let Some(b) = path.downcast_ref::<PyBytesObject>() {
        (b.as_bytes().to_vec(), true)
    } else {
        (
            objects::codecs::encode_with_codec(
                objects::codecs::Codec::Utf8,
                &path,
                &objects::codecs::ErrorHandler::SurrogateEscape,
            )?,
            false,
        )
    };
    let Ok(narrow) = CString::new(bytes) else {
        // A str fails in `PyUnicode_FSConverter` first, with its own message.
        return Err(value_error(if is_bytes {
            format!("{fname}: embedded null character in {argname}")
        } else {
            "embedded null byte".to_owned()
        }));
    };
    Ok(Path {
        object: obj.to_owned(),
        narrow,
        fd: None,
        is_bytes,
    })
}

/// An optional path argument defaulting to ".".
fn path_or_dot(fname: &str, obj: Option<&PyObjectRef>, allow_fd: bool) -> PyResult<Path> {
    match obj {
        Some(o) if !o.is(Py_None()) => path_converter(fname, "path", o, allow_fd, true),
        _ => Ok(Path {
            object: none(),
            narrow: CString::from(c"."),
            fd: None,
            is_bytes: false,
        }),
    }
}

/// A name from the system as str or bytes, matching the argument.
fn name_result(bytes: &[u8], as_bytes: bool) -> PyObjectRef {
    if as_bytes {
        PyBytes_FromSlice(bytes)
    } else {
        decode_surrogateescape(bytes)
    }
}

/// `_PyLong_AsInt` with CPython's messages for a C int argument.
pub(crate) fn int_arg(obj: &PyObject) -> PyResult<i32> {
    if obj.downcast_ref::<PyFloatObject>().is_some() {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let v = PyLong_AsLong(obj)?;
    i32::try_from(v).map_err(|_| {
        overflow_error(if v > 0 {
            "signed integer is greater than maximum"
        } else {
            "signed integer is less than minimum"
        })
    })
}

/// `_PyLong_FileDescriptor_Converter`.
fn _fd_converter(obj: &PyObject) -> PyResult<i32> {
    let fd = int_arg(obj)?;
    if fd < 0 {
        return Err(value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

/// `dir_fd_converter`: None means the current directory.
fn dir_fd_arg(obj: Option<&PyObjectRef>) -> PyResult<i32> {
    match obj {
        Some(o) if !o.is(Py_None()) => int_arg(o),
        _ => Ok(libc::AT_FDCWD),
    }
}

fn bool_arg(obj: Option<&PyObjectRef>, default: bool) -> PyResult<bool> {
    match obj {
        Some(o) => PyObject_IsTrue(o),
        None => Ok(default),
    }
}

fn mode_arg(obj: Option<&PyObjectRef>, default: i64) -> PyResult<libc::mode_t> {
    match obj {
        Some(o) => Ok(int_arg(o)? as libc::mode_t),
        None => Ok(default as libc::mode_t),
    }
}

fn parse<'a>(
    fname: &'a str,
    names: &'a [&'a str],
    npos: usize,
    required: usize,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<Vec<Option<PyObjectRef>>> {
    unpack_keywords(
        &ArgSpec {
            fname,
            names,
            posonly: 0,
            maxpos: npos,
            minpos: required,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )
}

// ---------------------------------------------------------------------------
// stat_result and friends

static STAT_RESULT_FIELDS: [&str; 19] = [
    "st_mode",
    "st_ino",
    "st_dev",
    "st_nlink",
    "st_uid",
    "st_gid",
    "st_size",
    PyStructSequence_UnnamedField,
    PyStructSequence_UnnamedField,
    PyStructSequence_UnnamedField,
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

static STAT_RESULT_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "os.stat_result",
    doc: "stat_result: Result from stat, fstat, or lstat.",
    fields: &STAT_RESULT_FIELDS,
    n_in_sequence: 10,
};

static TERMINAL_SIZE_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "os.terminal_size",
    doc: "A tuple of (columns, lines) for holding terminal window size",
    fields: &["columns", "lines"],
    n_in_sequence: 2,
};

static UNAME_RESULT_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "posix.uname_result",
    doc: "uname_result: Result from os.uname().",
    fields: &["sysname", "nodename", "release", "version", "machine"],
    n_in_sequence: 5,
};

static TIMES_RESULT_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "posix.times_result",
    doc: "times_result: Result from os.times().",
    fields: &[
        "user",
        "system",
        "children_user",
        "children_system",
        "elapsed",
    ],
    n_in_sequence: 5,
};

struct Types {
    stat_result: &'static PyTypeObject,
    terminal_size: &'static PyTypeObject,
    uname_result: &'static PyTypeObject,
    times_result: &'static PyTypeObject,
}

static TYPES: GlobalCell<Option<Types>> = GlobalCell::new(None);

fn types() -> PyResult<&'static Types> {
    // SAFETY: single-threaded; the cell is filled once and never replaced.
    unsafe {
        if TYPES.get_ref().is_none() {
            let t = Types {
                stat_result: {
                    let tp = PyStructSequence_NewType(&STAT_RESULT_DESC)?;
                    *STRUCTSEQ_NEW.get_mut() = tp.tp_new.get();
                    tp.tp_new.set(Some(statresult_new));
                    tp
                },
                terminal_size: PyStructSequence_NewType(&TERMINAL_SIZE_DESC)?,
                uname_result: PyStructSequence_NewType(&UNAME_RESULT_DESC)?,
                times_result: PyStructSequence_NewType(&TIMES_RESULT_DESC)?,
            };
            *TYPES.get_mut() = Some(t);
        }
        Ok(TYPES.get_ref().as_ref().expect("filled above"))
    }
}

/// The struct sequence constructor that `statresult_new` wraps.
static STRUCTSEQ_NEW: GlobalCell<Option<include::cpython::object::slots::newfunc>> =
    GlobalCell::new(None);

/// `statresult_new`: as the struct sequence constructor, but float times left
/// unset (a 10-tuple) are taken from the integer ones, as CPython does.
fn statresult_new(tp: &PyTypeObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    // SAFETY: single-threaded; set once before the type is used.
    let Some(new) = (unsafe { *STRUCTSEQ_NEW.get_ref() }) else {
        return Err(system_error("stat_result has no constructor"));
    };
    let result = new(tp, args, kw)?;
    let items = match result.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice().to_vec(),
        None => return Ok(result),
    };
    for (i, name) in ["st_atime", "st_mtime", "st_ctime"].iter().enumerate() {
        let key = PyUnicode_FromString(name);
        let v = objects::object::PyObject_GetAttr(&result, &key)?;
        if v.is(Py_None()) {
            objects::object::PyObject_GenericSetAttr(&result, &key, Some(&items[7 + i]))?;
        }
    }
    Ok(result)
}

/// `_pystat_fromstructstat`.
fn _pystat_fromstructstat(st: &libc::stat) -> PyResult {
    let ns = |s: i64, n: i64| PyLong_FromBigInt(num_bigint::BigInt::from(s) * 1_000_000_000 + n);
    let f = |s: i64, n: i64| PyFloat_FromDouble(s as f64 + n as f64 * 1e-9);
    let items = vec![
        PyLong_FromLong(i64::from(st.st_mode)),
        PyLong_FromU64(st.st_ino),
        PyLong_FromU64(st.st_dev),
        PyLong_FromU64(st.st_nlink),
        PyLong_FromLong(i64::from(st.st_uid)),
        PyLong_FromLong(i64::from(st.st_gid)),
        PyLong_FromLong(st.st_size),
        PyLong_FromLong(st.st_atime),
        PyLong_FromLong(st.st_mtime),
        PyLong_FromLong(st.st_ctime),
        f(st.st_atime, st.st_atime_nsec),
        f(st.st_mtime, st.st_mtime_nsec),
        f(st.st_ctime, st.st_ctime_nsec),
        ns(st.st_atime, st.st_atime_nsec),
        ns(st.st_mtime, st.st_mtime_nsec),
        ns(st.st_ctime, st.st_ctime_nsec),
        PyLong_FromLong(st.st_blksize),
        PyLong_FromLong(st.st_blocks),
        PyLong_FromU64(st.st_rdev),
    ];
    PyStructSequence_New(types()?.stat_result, items)
}

/// `posix_do_stat`: stat a path (or descriptor) relative to `dir_fd`.
fn posix_do_stat(path: &Path, dir_fd: i32, follow_symlinks: bool) -> PyResult {
    // SAFETY: `libc::stat` is plain data; zeroed is a valid value.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is writable and the path is NUL-terminated.
    let r = unsafe {
        match path.fd {
            Some(fd) => libc::fstat(fd, &mut st),
            None => libc::fstatat(
                dir_fd,
                path.narrow.as_ptr(),
                &mut st,
                if follow_symlinks {
                    0
                } else {
                    libc::AT_SYMLINK_NOFOLLOW
                },
            ),
        }
    };
    if r != 0 {
        return Err(path_error(path));
    }
    _pystat_fromstructstat(&st)
}

/// `os.stat(path, *, dir_fd=None, follow_symlinks=True)`.
fn os_stat(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse(
        "stat",
        &["path", "dir_fd", "follow_symlinks"],
        1,
        1,
        args,
        kw,
    )?;
    let path = path_converter(
        "stat",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        true,
        false,
    )?;
    posix_do_stat(
        &path,
        dir_fd_arg(a[1].as_ref())?,
        bool_arg(a[2].as_ref(), true)?,
    )
}

/// `os.lstat(path, *, dir_fd=None)`.
fn os_lstat(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("lstat", &["path", "dir_fd"], 1, 1, args, kw)?;
    let path = path_converter(
        "lstat",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    posix_do_stat(&path, dir_fd_arg(a[1].as_ref())?, false)
}

/// `os.fstat(fd)`.
fn os_fstat(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("fstat", &["fd"], 1, 1, args, kw)?;
    let fd = int_arg(a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: `libc::stat` is plain data.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is writable.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(posix_error());
    }
    _pystat_fromstructstat(&st)
}

// ---------------------------------------------------------------------------
// Directories

/// `os.getcwd()`.
fn os_getcwd(_m: &PyObject) -> PyResult {
    getcwd_impl(false)
}

/// `os.getcwdb()`.
fn os_getcwdb(_m: &PyObject) -> PyResult {
    getcwd_impl(true)
}

fn getcwd_impl(as_bytes: bool) -> PyResult {
    match std::env::current_dir() {
        Ok(p) => {
            use std::os::unix::ffi::OsStrExt;
            Ok(name_result(p.as_os_str().as_bytes(), as_bytes))
        }
        Err(e) => Err(objects::pyerrors::os_error_from_io(&e)),
    }
}

/// `os.chdir(path)`.
fn os_chdir(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("chdir", &["path"], 1, 1, args, kw)?;
    let path = path_converter(
        "chdir",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        true,
        false,
    )?;
    // SAFETY: the path is NUL-terminated.
    let r = unsafe {
        match path.fd {
            Some(fd) => libc::fchdir(fd),
            None => libc::chdir(path.narrow.as_ptr()),
        }
    };
    if r != 0 {
        return Err(path_error(&path));
    }
    Ok(none())
}

/// `os.mkdir(path, mode=0o777, *, dir_fd=None)`.
fn os_mkdir(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("mkdir", &["path", "mode", "dir_fd"], 2, 1, args, kw)?;
    let path = path_converter(
        "mkdir",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let mode = mode_arg(a[1].as_ref(), 0o777)?;
    let dir_fd = dir_fd_arg(a[2].as_ref())?;
    // SAFETY: the path is NUL-terminated.
    if unsafe { libc::mkdirat(dir_fd, path.narrow.as_ptr(), mode) } != 0 {
        return Err(path_error(&path));
    }
    Ok(none())
}

/// `os.rmdir(path, *, dir_fd=None)`.
fn os_rmdir(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("rmdir", &["path", "dir_fd"], 1, 1, args, kw)?;
    let path = path_converter(
        "rmdir",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let dir_fd = dir_fd_arg(a[1].as_ref())?;
    // SAFETY: the path is NUL-terminated.
    if unsafe { libc::unlinkat(dir_fd, path.narrow.as_ptr(), libc::AT_REMOVEDIR) } != 0 {
        return Err(path_error(&path));
    }
    Ok(none())
}

fn unlink_impl(fname: &str, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse(fname, &["path", "dir_fd"], 1, 1, args, kw)?;
    let path = path_converter(
        fname,
        "path",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let dir_fd = dir_fd_arg(a[1].as_ref())?;
    // SAFETY: the path is NUL-terminated.
    if unsafe { libc::unlinkat(dir_fd, path.narrow.as_ptr(), 0) } != 0 {
        return Err(path_error(&path));
    }
    Ok(none())
}

/// `os.unlink(path, *, dir_fd=None)`.
fn os_unlink(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    unlink_impl("unlink", args, kw)
}

/// `os.remove(path, *, dir_fd=None)`.
fn os_remove(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    unlink_impl("remove", args, kw)
}

fn rename_impl(fname: &str, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse(
        fname,
        &["src", "dst", "src_dir_fd", "dst_dir_fd"],
        2,
        2,
        args,
        kw,
    )?;
    let src = path_converter(fname, "src", a[0].as_ref().unwrap_or(&none()), false, false)?;
    let dst = path_converter(fname, "dst", a[1].as_ref().unwrap_or(&none()), false, false)?;
    let sfd = dir_fd_arg(a[2].as_ref())?;
    let dfd = dir_fd_arg(a[3].as_ref())?;
    // SAFETY: both paths are NUL-terminated.
    if unsafe { libc::renameat(sfd, src.narrow.as_ptr(), dfd, dst.narrow.as_ptr()) } != 0 {
        return Err(path_error2(&src, &dst));
    }
    Ok(none())
}

/// `os.rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
fn os_rename(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    rename_impl("rename", args, kw)
}

/// `os.replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
fn os_replace(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    rename_impl("replace", args, kw)
}

/// Read every name of an open directory stream except "." and "..", with its
/// `d_type` and `d_ino`, then close it.
fn read_dir_stream(dirp: *mut libc::DIR) -> Result<Vec<(Vec<u8>, u8, u64)>, i32> {
    let mut out = Vec::new();
    loop {
        // SAFETY: `errno` is thread-local; clearing it tells the end from an error.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `dirp` is an open directory stream.
        let ent = unsafe { libc::readdir(dirp) };
        if ent.is_null() {
            let e = errno();
            // SAFETY: as above; the stream is closed once.
            unsafe { libc::closedir(dirp) };
            if e != 0 {
                return Err(e);
            }
            return Ok(out);
        }
        // SAFETY: `ent` points at a valid dirent until the next readdir.
        let (name, d_type, d_ino) = unsafe {
            let e = &*ent;
            let name = std::ffi::CStr::from_ptr(e.d_name.as_ptr())
                .to_bytes()
                .to_vec();
            (name, e.d_type, e.d_ino)
        };
        if name == b"." || name == b".." {
            continue;
        }
        out.push((name, d_type, d_ino));
    }
}

/// Open a directory given as a path or a descriptor (which is duplicated, as
/// CPython does, so the caller's stays open).
fn open_dir(path: &Path) -> PyResult<*mut libc::DIR> {
    // SAFETY: the path is NUL-terminated; `dup` and `fdopendir` take plain ints.
    let dirp = unsafe {
        match path.fd {
            Some(fd) => {
                let fd2 = libc::dup(fd);
                if fd2 < 0 {
                    return Err(posix_error());
                }
                let d = libc::fdopendir(fd2);
                if d.is_null() {
                    libc::close(fd2);
                } else {
                    libc::rewinddir(d);
                }
                d
            }
            None => libc::opendir(path.narrow.as_ptr()),
        }
    };
    if dirp.is_null() {
        return Err(path_error(path));
    }
    Ok(dirp)
}

/// `os.listdir(path=None)`.
fn os_listdir(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("listdir", &["path"], 1, 0, args, kw)?;
    let path = path_or_dot("listdir", a[0].as_ref(), true)?;
    let dirp = open_dir(&path)?;
    let names = read_dir_stream(dirp)
        .map_err(|e| objects::pyerrors::PyErr_SetFromErrnoWithFilename(e, path.object.clone()))?;
    let items = names
        .into_iter()
        .map(|(n, _, _)| name_result(&n, path.is_bytes))
        .collect();
    Ok(PyList_New(items).into_object())
}

// ---------------------------------------------------------------------------
// DirEntry and scandir

/// `DirEntry`: one entry of `scandir`, with the type from `readdir` and the stat
/// results fetched on demand and cached.
#[repr(C)]
pub struct DirEntry {
    ob_base: PyObject,
    name: PyObjectRef,
    path: PyObjectRef,
    stat: PyCell<Option<PyObjectRef>>,
    lstat: PyCell<Option<PyObjectRef>>,
    d_type: u8,
    d_ino: u64,
    /// The directory descriptor when scanning one (names are relative to it).
    dir_fd: i32,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for DirEntry {}

fn as_direntry(obj: &PyObject) -> &DirEntry {
    // SAFETY: the methods are installed on `DirEntry` only.
    unsafe { &*(obj as *const PyObject as *const DirEntry) }
}

unsafe fn direntry_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead DirEntry.
    unsafe { dealloc_object::<DirEntry>(op) }
}

fn direntry_repr(obj: &PyObject) -> PyResult {
    let r = objects::object::PyObject_Repr(&as_direntry(obj).name)?;
    Ok(PyUnicode_FromString(&format!(
        "<DirEntry {}>",
        objects::unicodeobject::as_str_lossy(&r)
    )))
}

fn direntry_fetch_stat(e: &DirEntry, follow_symlinks: bool) -> PyResult {
    let p = if e.dir_fd != libc::AT_FDCWD {
        path_converter("DirEntry.stat", "path", &e.name, false, false)?
    } else {
        path_converter("DirEntry.stat", "path", &e.path, false, false)?
    };
    let p = Path {
        object: e.path.clone(),
        ..p
    };
    posix_do_stat(&p, e.dir_fd, follow_symlinks)
}

fn direntry_get_lstat(e: &DirEntry) -> PyResult {
    if let Some(s) = e.lstat.get() {
        return Ok(s);
    }
    let s = direntry_fetch_stat(e, false)?;
    e.lstat.set(Some(s.clone()));
    Ok(s)
}

fn direntry_is_symlink_impl(e: &DirEntry) -> PyResult<bool> {
    if e.d_type != libc::DT_UNKNOWN {
        return Ok(e.d_type == libc::DT_LNK);
    }
    let st = direntry_get_lstat(e)?;
    Ok(st_mode_of(&st)? & libc::S_IFMT == libc::S_IFLNK)
}

fn st_mode_of(st: &PyObject) -> PyResult<u32> {
    let t = st
        .downcast_ref::<PyTupleObject>()
        .ok_or_else(|| type_error("stat result expected"))?;
    Ok(PyLong_AsLong(&t.as_slice()[0])? as u32)
}

/// `DirEntry.stat(*, follow_symlinks=True)`.
fn direntry_stat_impl(e: &DirEntry, follow_symlinks: bool) -> PyResult {
    if !follow_symlinks {
        return direntry_get_lstat(e);
    }
    if let Some(s) = e.stat.get() {
        return Ok(s);
    }
    let s = if direntry_is_symlink_impl(e)? {
        direntry_fetch_stat(e, true)?
    } else {
        direntry_get_lstat(e)?
    };
    e.stat.set(Some(s.clone()));
    Ok(s)
}

/// `DirEntry_test_mode`: is the entry of file type `mode_bits`?
fn direntry_test_mode(e: &DirEntry, follow_symlinks: bool, mode_bits: u32) -> PyResult<bool> {
    let need_stat =
        e.d_type == libc::DT_UNKNOWN || (follow_symlinks && direntry_is_symlink_impl(e)?);
    if need_stat {
        match direntry_stat_impl(e, follow_symlinks) {
            Ok(st) => Ok(st_mode_of(&st)? & libc::S_IFMT == mode_bits),
            Err(err) => {
                if exc_matches(&err, &objects::exceptions::PyExc_FileNotFoundError) {
                    Ok(false)
                } else {
                    Err(err)
                }
            }
        }
    } else if mode_bits == libc::S_IFDIR {
        Ok(e.d_type == libc::DT_DIR)
    } else if mode_bits == libc::S_IFREG {
        Ok(e.d_type == libc::DT_REG)
    } else {
        Ok(e.d_type == libc::DT_LNK)
    }
}

fn follow_kw(fname: &str, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult<bool> {
    let a = unpack_keywords(
        &ArgSpec {
            fname,
            names: &["follow_symlinks"],
            posonly: 0,
            maxpos: 0,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kw,
    )?;
    bool_arg(a[0].as_ref(), true)
}

fn DirEntry_is_dir(obj: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let f = follow_kw("is_dir", args, kw)?;
    Ok(PyBool_FromLong(direntry_test_mode(
        as_direntry(obj),
        f,
        libc::S_IFDIR,
    )?))
}

fn DirEntry_is_file(obj: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let f = follow_kw("is_file", args, kw)?;
    Ok(PyBool_FromLong(direntry_test_mode(
        as_direntry(obj),
        f,
        libc::S_IFREG,
    )?))
}

fn DirEntry_is_symlink(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(direntry_is_symlink_impl(as_direntry(obj))?))
}

fn DirEntry_stat(obj: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let f = follow_kw("stat", args, kw)?;
    direntry_stat_impl(as_direntry(obj), f)
}

fn DirEntry_inode(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromU64(as_direntry(obj).d_ino))
}

fn DirEntry_fspath(obj: &PyObject) -> PyResult {
    Ok(as_direntry(obj).path.clone())
}

fn DirEntry_get_name(obj: &PyObject) -> PyResult {
    Ok(as_direntry(obj).name.clone())
}

fn DirEntry_get_path(obj: &PyObject) -> PyResult {
    Ok(as_direntry(obj).path.clone())
}

fn DirEntry_class_getitem(cls: &PyObject, arg: &PyObject) -> PyResult {
    Ok(objects::genericaliasobject::Py_GenericAlias(cls, arg))
}

static DIRENTRY_METHODS: [PyMethodDef; 7] = [
    PyMethodDef::new(
        "is_dir",
        PyCFunction::FastKw(DirEntry_is_dir),
        "is_dir($self, /, *, follow_symlinks=True)\n--\n\nReturn True if the entry is a directory; cached per entry.",
    ),
    PyMethodDef::new(
        "is_file",
        PyCFunction::FastKw(DirEntry_is_file),
        "is_file($self, /, *, follow_symlinks=True)\n--\n\nReturn True if the entry is a file; cached per entry.",
    ),
    PyMethodDef::new(
        "is_symlink",
        PyCFunction::NoArgs(DirEntry_is_symlink),
        "is_symlink($self, /)\n--\n\nReturn True if the entry is a symbolic link; cached per entry.",
    ),
    PyMethodDef::new(
        "stat",
        PyCFunction::FastKw(DirEntry_stat),
        "stat($self, /, *, follow_symlinks=True)\n--\n\nReturn stat_result object for the entry; cached per entry.",
    ),
    PyMethodDef::new(
        "inode",
        PyCFunction::NoArgs(DirEntry_inode),
        "inode($self, /)\n--\n\nReturn inode of the entry; cached per entry.",
    ),
    PyMethodDef::new(
        "__fspath__",
        PyCFunction::NoArgs(DirEntry_fspath),
        "__fspath__($self, /)\n--\n\nReturns the path for the entry.",
    ),
    PyMethodDef::new(
        "__class_getitem__",
        PyCFunction::O(DirEntry_class_getitem),
        "See PEP 585",
    )
    .with_flags(include::methodobject::METH_CLASS),
];

static DIRENTRY_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef::getter("name", DirEntry_get_name),
    PyGetSetDef::getter("path", DirEntry_get_path),
];

/// `posix.DirEntry`.
pub static DirEntryType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "posix.DirEntry",
    tp_basicsize: Cell::new(size_of::<DirEntry>()),
    tp_dealloc: slot(direntry_dealloc),
    tp_repr: slot(direntry_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
    tp_methods: &DIRENTRY_METHODS,
    tp_getset: &DIRENTRY_GETSET,
    ..PyTypeObject::DEFAULT
};

/// `ScandirIterator`: reads the directory stream one entry at a time.
#[repr(C)]
pub struct ScandirIterator {
    ob_base: PyObject,
    dirp: Cell<*mut libc::DIR>,
    path: Path,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for ScandirIterator {}

fn as_scandir(obj: &PyObject) -> &ScandirIterator {
    // SAFETY: the slots and methods are installed on `ScandirIterator` only.
    unsafe { &*(obj as *const PyObject as *const ScandirIterator) }
}

fn scandir_closedir(it: &ScandirIterator) {
    let d = it.dirp.replace(std::ptr::null_mut());
    if !d.is_null() {
        // SAFETY: `d` is an open stream, closed once (the cell is now null).
        unsafe { libc::closedir(d) };
    }
}

unsafe fn scandir_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead ScandirIterator; its stream is closed before freeing.
    unsafe {
        scandir_closedir(as_scandir(&*op));
        dealloc_object::<ScandirIterator>(op)
    }
}

fn scandir_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let it = as_scandir(obj);
    loop {
        let d = it.dirp.get();
        if d.is_null() {
            return Ok(None);
        }
        // SAFETY: clearing the thread-local errno tells the end from an error.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `d` is an open directory stream.
        let ent = unsafe { libc::readdir(d) };
        if ent.is_null() {
            let e = errno();
            scandir_closedir(it);
            if e != 0 {
                return Err(objects::pyerrors::PyErr_SetFromErrnoWithFilename(
                    e,
                    it.path.object.clone(),
                ));
            }
            return Ok(None);
        }
        // SAFETY: `ent` is valid until the next readdir.
        let (name, d_type, d_ino) = unsafe {
            let e = &*ent;
            (
                std::ffi::CStr::from_ptr(e.d_name.as_ptr())
                    .to_bytes()
                    .to_vec(),
                e.d_type,
                e.d_ino,
            )
        };
        if name == b"." || name == b".." {
            continue;
        }
        let is_bytes = it.path.is_bytes;
        let nameobj = name_result(&name, is_bytes);
        let (pathobj, dir_fd) = match it.path.fd {
            Some(fd) => (nameobj.clone(), fd),
            None => {
                let mut full = it.path.narrow.as_bytes().to_vec();
                if it.path.object.is(Py_None()) {
                    full.clear();
                } else if !full.ends_with(b"/") {
                    full.push(b'/');
                }
                full.extend_from_slice(&name);
                (name_result(&full, is_bytes), libc::AT_FDCWD)
            }
        };
        // SAFETY: the struct is complete.
        let entry = unsafe {
            alloc_object(
                &DirEntryType,
                DirEntry {
                    ob_base: PyObject_HEAD_INIT,
                    name: nameobj,
                    path: pathobj,
                    stat: PyCell::new(None),
                    lstat: PyCell::new(None),
                    d_type,
                    d_ino,
                    dir_fd,
                },
            )
        };
        return Ok(Some(entry.into_object()));
    }
}

fn ScandirIterator_close(obj: &PyObject) -> PyResult {
    scandir_closedir(as_scandir(obj));
    Ok(none())
}

fn ScandirIterator_enter(obj: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

fn ScandirIterator_exit(obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    scandir_closedir(as_scandir(obj));
    Ok(none())
}

static SCANDIR_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new("__enter__", PyCFunction::NoArgs(ScandirIterator_enter), ""),
    PyMethodDef::new("__exit__", PyCFunction::Fast(ScandirIterator_exit), ""),
    PyMethodDef::new("close", PyCFunction::NoArgs(ScandirIterator_close), ""),
];

/// `posix.ScandirIterator`.
pub static ScandirIteratorType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "posix.ScandirIterator",
    tp_basicsize: Cell::new(size_of::<ScandirIterator>()),
    tp_dealloc: slot(scandir_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
    tp_iter: slot(PyObject_SelfIter),
    tp_iternext: slot(scandir_next),
    tp_methods: &SCANDIR_METHODS,
    ..PyTypeObject::DEFAULT
};

/// `os.scandir(path=None)`.
fn os_scandir(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("scandir", &["path"], 1, 0, args, kw)?;
    let path = path_or_dot("scandir", a[0].as_ref(), true)?;
    let dirp = open_dir(&path)?;
    // SAFETY: the struct is complete; the stream is owned by the iterator.
    let it = unsafe {
        alloc_object(
            &ScandirIteratorType,
            ScandirIterator {
                ob_base: PyObject_HEAD_INIT,
                dirp: Cell::new(dirp),
                path,
            },
        )
    };
    Ok(it.into_object())
}

// ---------------------------------------------------------------------------
// Files and links

/// `os.access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`.
fn os_access(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse(
        "access",
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        2,
        args,
        kw,
    )?;
    let path = path_converter(
        "access",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let mode = int_arg(a[1].as_ref().unwrap_or(&none()))?;
    let dir_fd = dir_fd_arg(a[2].as_ref())?;
    let mut flags = 0;
    if bool_arg(a[3].as_ref(), false)? {
        flags |= libc::AT_EACCESS;
    }
    if !bool_arg(a[4].as_ref(), true)? {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    // SAFETY: the path is NUL-terminated.
    let r = unsafe { libc::faccessat(dir_fd, path.narrow.as_ptr(), mode, flags) };
    Ok(PyBool_FromLong(r == 0))
}

/// `os.chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`.
fn os_chmod(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse(
        "chmod",
        &["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        2,
        args,
        kw,
    )?;
    let path = path_converter(
        "chmod",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        true,
        false,
    )?;
    let mode = int_arg(a[1].as_ref().unwrap_or(&none()))? as libc::mode_t;
    let dir_fd = dir_fd_arg(a[2].as_ref())?;
    let follow = bool_arg(a[3].as_ref(), true)?;
    // SAFETY: the path is NUL-terminated.
    let r = unsafe {
        match path.fd {
            Some(fd) => libc::fchmod(fd, mode),
            None => libc::fchmodat(
                dir_fd,
                path.narrow.as_ptr(),
                mode,
                if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW },
            ),
        }
    };
    if r != 0 {
        // Linux's fchmodat cannot change a symbolic link's mode: CPython reports
        // that follow_symlinks=False is unavailable rather than the ENOTSUP.
        let e = errno();
        if !follow && path.fd.is_none() && (e == libc::ENOTSUP || e == libc::EOPNOTSUPP) {
            return Err(if dir_fd != libc::AT_FDCWD {
                value_error("chmod: cannot use dir_fd and follow_symlinks together")
            } else {
                PyErr_SetString(
                    &objects::exceptions::PyExc_NotImplementedError,
                    "chmod: follow_symlinks unavailable on this platform",
                )
            });
        }
        return Err(path_error(&path));
    }
    Ok(none())
}

/// A time in seconds (int or float) as a `timespec`.
fn timespec_from_object(obj: &PyObject) -> PyResult<libc::timespec> {
    if let Some(f) = obj.downcast_ref::<PyFloatObject>() {
        let v = f.ob_fval;
        if v.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let s = v.floor();
        let mut ns = ((v - s) * 1e9).round();
        let mut s = s;
        if ns >= 1e9 {
            ns -= 1e9;
            s += 1.0;
        }
        return Ok(libc::timespec {
            tv_sec: s as libc::time_t,
            tv_nsec: ns as libc::c_long,
        });
    }
    let v = PyLong_AsLong(obj)?;
    Ok(libc::timespec {
        tv_sec: v as libc::time_t,
        tv_nsec: 0,
    })
}

/// `os.utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
fn os_utime(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse(
        "utime",
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        2,
        1,
        args,
        kw,
    )?;
    let path = path_converter(
        "utime",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        true,
        false,
    )?;
    let times = a[1].clone().filter(|t| !t.is(Py_None()));
    let ns = a[2].clone();
    let dir_fd = dir_fd_arg(a[3].as_ref())?;
    let follow = bool_arg(a[4].as_ref(), true)?;
    let pair = |o: &PyObject, what: &str| -> PyResult<(PyObjectRef, PyObjectRef)> {
        match o.downcast_ref::<PyTupleObject>() {
            Some(t) if t.len() == 2 => Ok((t.as_slice()[0].clone(), t.as_slice()[1].clone())),
            _ => Err(type_error(format!(
                "utime: '{what}' must be a tuple of two ints"
            ))),
        }
    };
    let ts: Option<[libc::timespec; 2]> = match (&times, &ns) {
        (Some(_), Some(_)) => {
            return Err(value_error(
                "utime: you may specify either 'times' or 'ns' but not both",
            ))
        }
        (Some(t), None) => {
            let Some(tt) = t.downcast_ref::<PyTupleObject>().filter(|t| t.len() == 2) else {
                return Err(type_error(
                    "utime: 'times' must be either a tuple of two ints or None",
                ));
            };
            Some([
                timespec_from_object(&tt.as_slice()[0])?,
                timespec_from_object(&tt.as_slice()[1])?,
            ])
        }
        (None, Some(n)) => {
            let (x, y) = pair(n, "ns")?;
            let conv = |o: &PyObject| -> PyResult<libc::timespec> {
                let v = PyLong_AsLong(o)?;
                Ok(libc::timespec {
                    tv_sec: v.div_euclid(1_000_000_000) as libc::time_t,
                    tv_nsec: v.rem_euclid(1_000_000_000) as libc::c_long,
                })
            };
            Some([conv(&x)?, conv(&y)?])
        }
        (None, None) => None,
    };
    let ptr = ts.as_ref().map_or(std::ptr::null(), |t| t.as_ptr());
    // SAFETY: the path is NUL-terminated; `ptr` is null or two timespecs.
    let r = unsafe {
        match path.fd {
            Some(fd) => libc::futimens(fd, ptr),
            None => libc::utimensat(
                dir_fd,
                path.narrow.as_ptr(),
                ptr,
                if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW },
            ),
        }
    };
    if r != 0 {
        return Err(path_error(&path));
    }
    Ok(none())
}

/// `os.symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
fn os_symlink(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse(
        "symlink",
        &["src", "dst", "target_is_directory", "dir_fd"],
        3,
        2,
        args,
        kw,
    )?;
    let src = path_converter(
        "symlink",
        "src",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let dst = path_converter(
        "symlink",
        "dst",
        a[1].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let dir_fd = dir_fd_arg(a[3].as_ref())?;
    // SAFETY: both paths are NUL-terminated.
    if unsafe { libc::symlinkat(src.narrow.as_ptr(), dir_fd, dst.narrow.as_ptr()) } != 0 {
        return Err(path_error2(&src, &dst));
    }
    Ok(none())
}

/// `os.link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)`.
fn os_link(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse(
        "link",
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
        2,
        2,
        args,
        kw,
    )?;
    let src = path_converter(
        "link",
        "src",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let dst = path_converter(
        "link",
        "dst",
        a[1].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let sfd = dir_fd_arg(a[2].as_ref())?;
    let dfd = dir_fd_arg(a[3].as_ref())?;
    let follow = bool_arg(a[4].as_ref(), true)?;
    // SAFETY: both paths are NUL-terminated.
    let r = unsafe {
        libc::linkat(
            sfd,
            src.narrow.as_ptr(),
            dfd,
            dst.narrow.as_ptr(),
            if follow { libc::AT_SYMLINK_FOLLOW } else { 0 },
        )
    };
    if r != 0 {
        return Err(path_error2(&src, &dst));
    }
    Ok(none())
}

/// `os.readlink(path, *, dir_fd=None)`.
fn os_readlink(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("readlink", &["path", "dir_fd"], 1, 1, args, kw)?;
    let path = path_converter(
        "readlink",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let dir_fd = dir_fd_arg(a[1].as_ref())?;
    let mut buf = vec![0u8; libc::PATH_MAX as usize + 1];
    // SAFETY: the path is NUL-terminated; `buf` is writable for its length.
    let n = unsafe {
        libc::readlinkat(
            dir_fd,
            path.narrow.as_ptr(),
            buf.as_mut_ptr() as *mut libc::c_char,
            buf.len(),
        )
    };
    if n < 0 {
        return Err(path_error(&path));
    }
    buf.truncate(n as usize);
    Ok(name_result(&buf, path.is_bytes))
}

/// `os.truncate(path, length)`.
fn os_truncate(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("truncate", &["path", "length"], 2, 2, args, kw)?;
    let path = path_converter(
        "truncate",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        true,
        false,
    )?;
    let length = PyLong_AsLong(a[1].as_ref().unwrap_or(&none()))?;
    // SAFETY: the path is NUL-terminated.
    let r = unsafe {
        match path.fd {
            Some(fd) => libc::ftruncate(fd, length),
            None => libc::truncate(path.narrow.as_ptr(), length),
        }
    };
    if r != 0 {
        return Err(path_error(&path));
    }
    Ok(none())
}

// ---------------------------------------------------------------------------
// File descriptors

fn fd_positional(fname: &str, args: &[PyObjectRef], n: usize) -> PyResult<()> {
    check_positional(fname, args.len(), n, n)
}

/// `os.open(path, flags, mode=0o777, *, dir_fd=None)`.
fn os_open(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("open", &["path", "flags", "mode", "dir_fd"], 3, 2, args, kw)?;
    let path = path_converter(
        "open",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let flags = int_arg(a[1].as_ref().unwrap_or(&none()))? | libc::O_CLOEXEC;
    let mode = mode_arg(a[2].as_ref(), 0o777)?;
    let dir_fd = dir_fd_arg(a[3].as_ref())?;
    loop {
        // SAFETY: the path is NUL-terminated.
        let fd = unsafe { libc::openat(dir_fd, path.narrow.as_ptr(), flags, mode as libc::c_uint) };
        if fd < 0 {
            if errno() == libc::EINTR {
                objects::pyhooks::check_signals()?;
                continue;
            }
            return Err(path_error(&path));
        }
        return Ok(PyLong_FromLong(i64::from(fd)));
    }
}

/// `os.close(fd)`.
fn os_close(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("close", &["fd"], 1, 1, args, kw)?;
    let fd = int_arg(a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: closing a descriptor number; a bad one gives EBADF.
    if unsafe { libc::close(fd) } != 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// `os.closerange(fd_low, fd_high, /)`.
fn os_closerange(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("closerange", args, 2)?;
    let lo = int_arg(&args[0])?.max(0);
    let hi = int_arg(&args[1])?;
    for fd in lo..hi {
        // SAFETY: errors (EBADF) are ignored, as CPython does.
        unsafe { libc::close(fd) };
    }
    Ok(none())
}

/// `os.read(fd, length, /)`.
fn os_read(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("read", args, 2)?;
    let fd = int_arg(&args[0])?;
    let n = PyLong_AsLong(&args[1])?;
    if n < 0 {
        return Err(PyErr_SetFromErrno_(libc::EINVAL));
    }
    let mut buf = vec![0u8; n as usize];
    loop {
        let (ptr, len) = (buf.as_mut_ptr() as *mut libc::c_void, buf.len());
        // The GIL is released around the call; `buf` is a local of this call.
        // SAFETY: `buf` is writable for `len` bytes.
        let r = python::ceval_gil::allow_threads(|| unsafe { libc::read(fd, ptr, len) });
        if r < 0 {
            if errno() == libc::EINTR {
                objects::pyhooks::check_signals()?;
                continue;
            }
            return Err(posix_error());
        }
        buf.truncate(r as usize);
        return Ok(PyBytes_FromVec(buf));
    }
}

#[allow(non_snake_case)]
fn PyErr_SetFromErrno_(e: i32) -> PyErr {
    objects::pyerrors::PyErr_SetFromErrno(e)
}

/// `os.write(fd, data, /)`.
fn os_write(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("write", args, 2)?;
    let fd = int_arg(&args[0])?;
    let data = objects::bytesobject::buffer_arg(&args[1])?;
    loop {
        let (ptr, len) = (data.as_ptr() as *const libc::c_void, data.len());
        // The GIL is released around the call; `data` is a copy or the contents of
        // an immutable `bytes` that the arguments keep alive.
        // SAFETY: `data` is readable for `len` bytes.
        let r = python::ceval_gil::allow_threads(|| unsafe { libc::write(fd, ptr, len) });
        if r < 0 {
            if errno() == libc::EINTR {
                objects::pyhooks::check_signals()?;
                continue;
            }
            return Err(posix_error());
        }
        return Ok(PyLong_FromLong(r as i64));
    }
}

/// `os.lseek(fd, position, whence, /)`.
fn os_lseek(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("lseek", args, 3)?;
    let fd = int_arg(&args[0])?;
    let pos = PyLong_AsLong(&args[1])?;
    let how = int_arg(&args[2])?;
    // SAFETY: plain system call on integers.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(posix_error());
    }
    Ok(PyLong_FromLong(r))
}

/// `os.pipe()`.
fn os_pipe(_m: &PyObject) -> PyResult {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(posix_error());
    }
    Ok(PyTuple_New(vec![
        PyLong_FromLong(i64::from(fds[0])),
        PyLong_FromLong(i64::from(fds[1])),
    ])
    .into_object())
}

/// `os.dup(fd, /)`.
fn os_dup(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("dup", args, 1)?;
    let fd = int_arg(&args[0])?;
    // SAFETY: plain system call on integers.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(posix_error());
    }
    Ok(PyLong_FromLong(i64::from(r)))
}

/// `os.dup2(fd, fd2, inheritable=True)`.
fn os_dup2(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("dup2", &["fd", "fd2", "inheritable"], 3, 2, args, kw)?;
    let fd = int_arg(a[0].as_ref().unwrap_or(&none()))?;
    let fd2 = int_arg(a[1].as_ref().unwrap_or(&none()))?;
    let inheritable = bool_arg(a[2].as_ref(), true)?;
    // SAFETY: plain system calls on integers.
    let r = unsafe {
        if inheritable {
            libc::dup2(fd, fd2)
        } else {
            libc::dup3(fd, fd2, libc::O_CLOEXEC)
        }
    };
    if r < 0 {
        return Err(posix_error());
    }
    Ok(PyLong_FromLong(i64::from(r)))
}

/// `os.isatty(fd, /)`.
fn os_isatty(_m: &PyObject, arg: &PyObject) -> PyResult {
    let fd = int_arg(arg)?;
    // SAFETY: plain call on an integer.
    Ok(PyBool_FromLong(unsafe { libc::isatty(fd) } == 1))
}

/// `os.ftruncate(fd, length, /)`.
fn os_ftruncate(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("ftruncate", args, 2)?;
    let fd = int_arg(&args[0])?;
    let length = PyLong_AsLong(&args[1])?;
    // SAFETY: plain system call on integers.
    if unsafe { libc::ftruncate(fd, length) } != 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// A descriptor argument that may also be an object with `fileno()`
/// (`PyObject_AsFileDescriptor`).
pub(crate) fn PyObject_AsFileDescriptor(obj: &PyObject) -> PyResult<i32> {
    if obj.downcast_ref::<PyLongObject>().is_some() {
        return int_arg(obj);
    }
    let fileno = objects::object::PyObject_GetAttr(obj, objects::intern!("fileno"))
        .map_err(|_| type_error("argument must be an int, or have a fileno() method."))?;
    let r = objects::call::PyObject_CallNoArgs(&fileno)?;
    if r.downcast_ref::<PyLongObject>().is_none() {
        return Err(type_error("fileno() returned a non-integer"));
    }
    let fd = int_arg(&r)?;
    if fd < 0 {
        return Err(value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    Ok(fd)
}

/// `_Py_Uid_Converter` / `_Py_Gid_Converter`: an id for `chown` and friends; -1
/// means "unchanged" and is passed through as `(uid_t)-1`.
fn id_converter(obj: &PyObject, what: &str) -> PyResult<u32> {
    let index = objects::r#abstract::PyNumber_Index(obj).map_err(|_| {
        type_error(format!(
            "{what} should be integer, not {}",
            obj.ob_type().name()
        ))
    })?;
    let Some(l) = index.downcast_ref::<PyLongObject>() else {
        return Err(type_error(format!(
            "{what} should be integer, not {}",
            obj.ob_type().name()
        )));
    };
    let underflow = || overflow_error(format!("{what} is less than minimum"));
    let overflow = || overflow_error(format!("{what} is greater than maximum"));
    match l.as_i64() {
        Some(-1) => Ok(u32::MAX),
        // CPython checks the C long first: a negative value, or one that does not
        // survive the cast to uid_t, is "less than minimum".
        Some(v) => u32::try_from(v).map_err(|_| underflow()),
        None if l.is_negative() => Err(underflow()),
        None => Err(overflow()),
    }
}

/// `_Py_Dev_Converter`: a `dev_t` (C `unsigned long long`).
fn dev_converter(obj: &PyObject) -> PyResult<libc::dev_t> {
    let Some(l) = obj.downcast_ref::<PyLongObject>() else {
        return Err(type_error("an integer is required"));
    };
    if l.is_negative() {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    u64::try_from(&*l.big()).map_err(|_| overflow_error("int too big to convert"))
}

/// `os.chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)`.
fn os_chown(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse(
        "chown",
        &["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        3,
        3,
        args,
        kw,
    )?;
    let path = path_converter(
        "chown",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        true,
        false,
    )?;
    let uid = id_converter(a[1].as_ref().unwrap_or(&none()), "uid")?;
    let gid = id_converter(a[2].as_ref().unwrap_or(&none()), "gid")?;
    let dir_fd = dir_fd_arg(a[3].as_ref())?;
    let follow = bool_arg(a[4].as_ref(), true)?;
    if path.fd.is_some() && dir_fd != libc::AT_FDCWD {
        return Err(value_error("chown: can't specify both dir_fd and fd"));
    }
    if path.fd.is_some() && !follow {
        return Err(value_error(
            "chown: cannot use fd and follow_symlinks together",
        ));
    }
    // SAFETY: the path is NUL-terminated; the rest are integers.
    let r = unsafe {
        match path.fd {
            Some(fd) => libc::fchown(fd, uid, gid),
            None if !follow && dir_fd == libc::AT_FDCWD => {
                libc::lchown(path.narrow.as_ptr(), uid, gid)
            }
            None => libc::fchownat(
                dir_fd,
                path.narrow.as_ptr(),
                uid,
                gid,
                if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW },
            ),
        }
    };
    if r != 0 {
        return Err(path_error(&path));
    }
    Ok(none())
}

/// `os.lchown(path, uid, gid)`: chown without following a final symbolic link.
fn os_lchown(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("lchown", &["path", "uid", "gid"], 3, 3, args, kw)?;
    let path = path_converter(
        "lchown",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let uid = id_converter(a[1].as_ref().unwrap_or(&none()), "uid")?;
    let gid = id_converter(a[2].as_ref().unwrap_or(&none()), "gid")?;
    // SAFETY: the path is NUL-terminated.
    if unsafe { libc::lchown(path.narrow.as_ptr(), uid, gid) } != 0 {
        return Err(path_error(&path));
    }
    Ok(none())
}

/// `os.fchown(fd, uid, gid)`.
fn os_fchown(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("fchown", &["fd", "uid", "gid"], 3, 3, args, kw)?;
    let fd = int_arg(a[0].as_ref().unwrap_or(&none()))?;
    let uid = id_converter(a[1].as_ref().unwrap_or(&none()), "uid")?;
    let gid = id_converter(a[2].as_ref().unwrap_or(&none()), "gid")?;
    // SAFETY: plain system call on integers.
    if unsafe { libc::fchown(fd, uid, gid) } != 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// `os.fchmod(fd, mode)`.
fn os_fchmod(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("fchmod", &["fd", "mode"], 2, 2, args, kw)?;
    let fd = int_arg(a[0].as_ref().unwrap_or(&none()))?;
    let mode = int_arg(a[1].as_ref().unwrap_or(&none()))? as libc::mode_t;
    // SAFETY: plain system call on integers.
    if unsafe { libc::fchmod(fd, mode) } != 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// `os.fchdir(fd)`.
fn os_fchdir(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("fchdir", &["fd"], 1, 1, args, kw)?;
    let fd = PyObject_AsFileDescriptor(a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: plain system call on an integer.
    if unsafe { libc::fchdir(fd) } != 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// `os.fdatasync(fd)`.
fn os_fdatasync(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("fdatasync", &["fd"], 1, 1, args, kw)?;
    let fd = PyObject_AsFileDescriptor(a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: plain system call on an integer.
    if unsafe { libc::fdatasync(fd) } != 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// `os.mkfifo(path, mode=0o666, *, dir_fd=None)`.
fn os_mkfifo(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("mkfifo", &["path", "mode", "dir_fd"], 2, 1, args, kw)?;
    let path = path_converter(
        "mkfifo",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let mode = mode_arg(a[1].as_ref(), 0o666)?;
    let dir_fd = dir_fd_arg(a[2].as_ref())?;
    // SAFETY: the path is NUL-terminated.
    if unsafe { libc::mkfifoat(dir_fd, path.narrow.as_ptr(), mode) } != 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// `os.mknod(path, mode=0o600, device=0, *, dir_fd=None)`.
fn os_mknod(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse(
        "mknod",
        &["path", "mode", "device", "dir_fd"],
        3,
        1,
        args,
        kw,
    )?;
    let path = path_converter(
        "mknod",
        "path",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    let mode = mode_arg(a[1].as_ref(), 0o600)?;
    let device = match a[2].as_ref() {
        Some(d) => dev_converter(d)?,
        None => 0,
    };
    let dir_fd = dir_fd_arg(a[3].as_ref())?;
    // SAFETY: the path is NUL-terminated.
    if unsafe { libc::mknodat(dir_fd, path.narrow.as_ptr(), mode, device) } != 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// `os.major(device, /)`.
fn os_major(_m: &PyObject, arg: &PyObject) -> PyResult {
    let dev = dev_converter(arg)?;
    Ok(PyLong_FromLong(i64::from(libc::major(dev))))
}

/// `os.minor(device, /)`.
fn os_minor(_m: &PyObject, arg: &PyObject) -> PyResult {
    let dev = dev_converter(arg)?;
    Ok(PyLong_FromLong(i64::from(libc::minor(dev))))
}

/// `os.makedev(major, minor, /)`: the arguments are C ints (`_PyLong_AsInt`), cast
/// to unsigned as C does; the result is a `dev_t` made signed (`_PyLong_FromDev`).
fn os_makedev(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("makedev", args.len(), 2, 2)?;
    let c_int = |o: &PyObject| -> PyResult<u32> {
        let v = PyLong_AsLong(o)?;
        i32::try_from(v)
            .map(|v| v as u32)
            .map_err(|_| overflow_error("Python int too large to convert to C int"))
    };
    let (major, minor) = (c_int(&args[0])?, c_int(&args[1])?);
    Ok(PyLong_FromLong(libc::makedev(major, minor) as i64))
}

/// `os.fsync(fd)`.
fn os_fsync(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("fsync", &["fd"], 1, 1, args, kw)?;
    let fd = PyObject_AsFileDescriptor(a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: plain system call on an integer.
    if unsafe { libc::fsync(fd) } != 0 {
        return Err(posix_error());
    }
    Ok(none())
}

fn get_flag(fd: i32, cmd: i32) -> PyResult<i32> {
    // SAFETY: plain system call on integers.
    let r = unsafe { libc::fcntl(fd, cmd) };
    if r < 0 {
        return Err(posix_error());
    }
    Ok(r)
}

/// `os.get_blocking(fd, /)`.
fn os_get_blocking(_m: &PyObject, arg: &PyObject) -> PyResult {
    let fl = get_flag(int_arg(arg)?, libc::F_GETFL)?;
    Ok(PyBool_FromLong(fl & libc::O_NONBLOCK == 0))
}

/// `os.set_blocking(fd, blocking, /)`.
fn os_set_blocking(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("set_blocking", args, 2)?;
    let fd = int_arg(&args[0])?;
    let blocking = PyObject_IsTrue(&args[1])?;
    let fl = get_flag(fd, libc::F_GETFL)?;
    let new = if blocking {
        fl & !libc::O_NONBLOCK
    } else {
        fl | libc::O_NONBLOCK
    };
    // SAFETY: plain system call on integers.
    if new != fl && unsafe { libc::fcntl(fd, libc::F_SETFL, new) } < 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// `os.get_inheritable(fd, /)`.
fn os_get_inheritable(_m: &PyObject, arg: &PyObject) -> PyResult {
    let fl = get_flag(int_arg(arg)?, libc::F_GETFD)?;
    Ok(PyBool_FromLong(fl & libc::FD_CLOEXEC == 0))
}

/// `os.set_inheritable(fd, inheritable, /)`.
fn os_set_inheritable(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("set_inheritable", args, 2)?;
    let fd = int_arg(&args[0])?;
    let inh = PyObject_IsTrue(&args[1])?;
    let fl = get_flag(fd, libc::F_GETFD)?;
    let new = if inh {
        fl & !libc::FD_CLOEXEC
    } else {
        fl | libc::FD_CLOEXEC
    };
    // SAFETY: plain system call on integers.
    if unsafe { libc::fcntl(fd, libc::F_SETFD, new) } < 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// `os.device_encoding(fd)`: the locale's encoding for a terminal, else None.
fn os_device_encoding(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("device_encoding", &["fd"], 1, 1, args, kw)?;
    let fd = int_arg(a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: plain call on an integer.
    if unsafe { libc::isatty(fd) } != 1 {
        return Ok(none());
    }
    Ok(PyUnicode_FromString(&crate::_io::locale_encoding()))
}

// ---------------------------------------------------------------------------
// Processes and the system

fn os_getpid(_m: &PyObject) -> PyResult {
    // SAFETY: always succeeds.
    Ok(PyLong_FromLong(i64::from(unsafe { libc::getpid() })))
}

fn os_getppid(_m: &PyObject) -> PyResult {
    // SAFETY: always succeeds.
    Ok(PyLong_FromLong(i64::from(unsafe { libc::getppid() })))
}

fn os_getuid(_m: &PyObject) -> PyResult {
    // SAFETY: always succeeds.
    Ok(PyLong_FromLong(i64::from(unsafe { libc::getuid() })))
}

fn os_geteuid(_m: &PyObject) -> PyResult {
    // SAFETY: always succeeds.
    Ok(PyLong_FromLong(i64::from(unsafe { libc::geteuid() })))
}

fn os_getgid(_m: &PyObject) -> PyResult {
    // SAFETY: always succeeds.
    Ok(PyLong_FromLong(i64::from(unsafe { libc::getgid() })))
}

fn os_getegid(_m: &PyObject) -> PyResult {
    // SAFETY: always succeeds.
    Ok(PyLong_FromLong(i64::from(unsafe { libc::getegid() })))
}

/// `os.kill(pid, signal, /)`.
fn os_kill(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("kill", args, 2)?;
    let pid = int_arg(&args[0])?;
    let sig = int_arg(&args[1])?;
    // SAFETY: plain system call on integers.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(posix_error());
    }
    objects::pyhooks::check_signals()?;
    Ok(none())
}

/// `os._exit(status)`.
fn os__exit(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("_exit", &["status"], 1, 1, args, kw)?;
    let status = int_arg(a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: ends the process without running anything else, as intended.
    unsafe { libc::_exit(status) }
}

/// `os.abort()`: raise SIGABRT, ending the process with a core dump where enabled.
fn os_abort(_m: &PyObject) -> PyResult {
    // SAFETY: `abort` never returns.
    unsafe { libc::abort() }
}

/// `os.system(command)`.
fn os_system(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("system", &["command"], 1, 1, args, kw)?;
    let cmd = path_converter(
        "system",
        "command",
        a[0].as_ref().unwrap_or(&none()),
        false,
        false,
    )?;
    // SAFETY: the command is NUL-terminated.
    let r = unsafe { libc::system(cmd.narrow.as_ptr()) };
    Ok(PyLong_FromLong(i64::from(r)))
}

/// `os.strerror(code, /)`.
fn os_strerror(_m: &PyObject, arg: &PyObject) -> PyResult {
    let code = int_arg(arg)?;
    Ok(PyUnicode_FromString(&strerror(code)))
}

/// `os.umask(mask, /)`.
fn os_umask(_m: &PyObject, arg: &PyObject) -> PyResult {
    let mask = int_arg(arg)?;
    // SAFETY: always succeeds.
    let old = unsafe { libc::umask(mask as libc::mode_t) };
    Ok(PyLong_FromLong(i64::from(old)))
}

/// `os.urandom(size, /)`.
fn os_urandom(_m: &PyObject, arg: &PyObject) -> PyResult {
    let n = PyLong_AsLong(arg)?;
    if n < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the rest of `buf` is writable.
        let r = unsafe {
            libc::getrandom(
                buf[filled..].as_mut_ptr() as *mut libc::c_void,
                buf.len() - filled,
                0,
            )
        };
        if r < 0 {
            if errno() == libc::EINTR {
                objects::pyhooks::check_signals()?;
                continue;
            }
            return Err(posix_error());
        }
        filled += r as usize;
    }
    Ok(PyBytes_FromVec(buf))
}

/// `os.cpu_count()`.
fn os_cpu_count(_m: &PyObject) -> PyResult {
    // SAFETY: plain query.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { none() } else { PyLong_FromLong(n) })
}

/// `os.uname()`.
fn os_uname(_m: &PyObject) -> PyResult {
    // SAFETY: `utsname` is plain data.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is writable.
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(posix_error());
    }
    let s = |f: &[libc::c_char]| {
        // SAFETY: uname fills NUL-terminated fields.
        let b = unsafe { std::ffi::CStr::from_ptr(f.as_ptr()) }.to_bytes();
        decode_surrogateescape(b)
    };
    PyStructSequence_New(
        types()?.uname_result,
        vec![
            s(&u.sysname),
            s(&u.nodename),
            s(&u.release),
            s(&u.version),
            s(&u.machine),
        ],
    )
}

/// `os.times()`.
fn os_times(_m: &PyObject) -> PyResult {
    // SAFETY: `tms` is plain data.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is writable.
    let c = unsafe { libc::times(&mut t) };
    if c == (-1i64) as libc::clock_t {
        return Err(posix_error());
    }
    // SAFETY: plain query.
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let f = |v: libc::clock_t| PyFloat_FromDouble(v as f64 / tick);
    PyStructSequence_New(
        types()?.times_result,
        vec![
            f(t.tms_utime),
            f(t.tms_stime),
            f(t.tms_cutime),
            f(t.tms_cstime),
            f(c),
        ],
    )
}

/// `os.get_terminal_size(fd=STDOUT_FILENO, /)`.
fn os_get_terminal_size(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("get_terminal_size", args.len(), 0, 1)?;
    let fd = match args.first() {
        Some(a) => int_arg(a)?,
        None => libc::STDOUT_FILENO,
    };
    // SAFETY: `winsize` is plain data.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ fills `w`.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } != 0 {
        return Err(posix_error());
    }
    PyStructSequence_New(
        types()?.terminal_size,
        vec![
            PyLong_FromLong(i64::from(w.ws_col)),
            PyLong_FromLong(i64::from(w.ws_row)),
        ],
    )
}

/// `os.waitpid(pid, options, /)`.
fn os_waitpid(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("waitpid", args, 2)?;
    let pid = int_arg(&args[0])?;
    let options = int_arg(&args[1])?;
    let mut status = 0;
    loop {
        // The GIL is released while waiting.
        // SAFETY: `status` is writable.
        let r = python::ceval_gil::allow_threads(|| unsafe {
            libc::waitpid(pid, &mut status, options)
        });
        if r < 0 {
            if errno() == libc::EINTR {
                objects::pyhooks::check_signals()?;
                continue;
            }
            return Err(posix_error());
        }
        return Ok(PyTuple_New(vec![
            PyLong_FromLong(i64::from(r)),
            PyLong_FromLong(i64::from(status)),
        ])
        .into_object());
    }
}

fn status_arg(fname: &str, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult<i32> {
    let a = parse(fname, &["status"], 1, 1, args, kw)?;
    int_arg(a[0].as_ref().unwrap_or(&none()))
}

macro_rules! wait_macro {
    ($name:ident, $pyname:literal, $f:expr, $conv:expr) => {
        fn $name(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
            let s = status_arg($pyname, args, kw)?;
            Ok($conv($f(s)))
        }
    };
}

wait_macro!(os_WIFEXITED, "WIFEXITED", libc::WIFEXITED, PyBool_FromLong);
wait_macro!(
    os_WIFSIGNALED,
    "WIFSIGNALED",
    libc::WIFSIGNALED,
    PyBool_FromLong
);
wait_macro!(
    os_WIFSTOPPED,
    "WIFSTOPPED",
    libc::WIFSTOPPED,
    PyBool_FromLong
);
wait_macro!(
    os_WIFCONTINUED,
    "WIFCONTINUED",
    libc::WIFCONTINUED,
    PyBool_FromLong
);
wait_macro!(os_WCOREDUMP, "WCOREDUMP", libc::WCOREDUMP, PyBool_FromLong);
wait_macro!(
    os_WEXITSTATUS,
    "WEXITSTATUS",
    libc::WEXITSTATUS,
    |v: i32| PyLong_FromLong(i64::from(v))
);
wait_macro!(os_WTERMSIG, "WTERMSIG", libc::WTERMSIG, |v: i32| {
    PyLong_FromLong(i64::from(v))
});
wait_macro!(os_WSTOPSIG, "WSTOPSIG", libc::WSTOPSIG, |v: i32| {
    PyLong_FromLong(i64::from(v))
});

/// `os.waitstatus_to_exitcode(status)`.
fn os_waitstatus_to_exitcode(
    _m: &PyObject,
    args: &[PyObjectRef],
    kw: Option<&PyObject>,
) -> PyResult {
    let s = status_arg("waitstatus_to_exitcode", args, kw)?;
    if libc::WIFEXITED(s) {
        return Ok(PyLong_FromLong(i64::from(libc::WEXITSTATUS(s))));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(PyLong_FromLong(-i64::from(libc::WTERMSIG(s))));
    }
    Err(value_error(format!("invalid wait status: {s}")))
}

/// An environment variable name or value as bytes (`PyUnicode_FSConverter`).
fn env_bytes(fname: &str, obj: &PyObject) -> PyResult<CString> {
    Ok(path_converter(fname, "argument", obj, false, false)
        .map_err(|e| {
            if exc_matches(&e, &objects::exceptions::PyExc_ValueError) {
                value_error("embedded null byte")
            } else {
                e
            }
        })?
        .narrow)
}

/// `os.putenv(name, value, /)`.
fn os_putenv(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("putenv", args, 2)?;
    let name = env_bytes("putenv", &args[0])?;
    let value = env_bytes("putenv", &args[1])?;
    if name.as_bytes().is_empty() || name.as_bytes().contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    // SAFETY: both strings are NUL-terminated; pyrs runs Python code on one thread.
    if unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) } != 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// `os.unsetenv(name, /)`.
fn os_unsetenv(_m: &PyObject, arg: &PyObject) -> PyResult {
    let name = env_bytes("unsetenv", arg)?;
    if name.as_bytes().is_empty() || name.as_bytes().contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    // SAFETY: the name is NUL-terminated; pyrs runs Python code on one thread.
    if unsafe { libc::unsetenv(name.as_ptr()) } != 0 {
        return Err(posix_error());
    }
    Ok(none())
}

/// `os.fspath(path)`.
fn os_fspath(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    let a = parse("fspath", &["path"], 1, 1, args, kw)?;
    crate::_io::fspath(a[0].as_ref().unwrap_or(&none()))
}

/// `convertenviron`: the environment as a dict of bytes.
fn convertenviron() -> PyResult<PyObjectRef> {
    use std::os::unix::ffi::OsStrExt;
    let d = PyDict_New();
    for (k, v) in std::env::vars_os() {
        let k = PyBytes_FromSlice(k.as_bytes());
        // CPython keeps the first of duplicate names.
        if objects::dictobject::PyDict_GetItemWithError(&d, &k)?.is_none() {
            PyDict_SetItem(&d, &k, &PyBytes_FromSlice(v.as_bytes()))?;
        }
    }
    Ok(d.into_object())
}

macro_rules! fkw {
    ($name:literal, $f:ident, $doc:literal) => {
        PyMethodDef::new($name, PyCFunction::FastKw($f), $doc)
    };
}

static POSIX_METHODS: [PyMethodDef; 85] = [
    fkw!("chown", os_chown, "chown($module, /, path, uid, gid, *, dir_fd=None, follow_symlinks=True)\n--\n\nChange the owner and group id of path to the numeric uid and gid."),
    fkw!("lchown", os_lchown, "lchown($module, /, path, uid, gid)\n--\n\nChange the owner and group id of path to the numeric uid and gid.\n\nThis function will not follow symbolic links.\nEquivalent to os.chown(path, uid, gid, follow_symlinks=False)."),
    fkw!("fchown", os_fchown, "fchown($module, /, fd, uid, gid)\n--\n\nChange the owner and group id of the file specified by file descriptor.\n\nEquivalent to os.chown(fd, uid, gid)."),
    fkw!("fchmod", os_fchmod, "fchmod($module, /, fd, mode)\n--\n\nChange the access permissions of the file given by file descriptor fd."),
    fkw!("fchdir", os_fchdir, "fchdir($module, /, fd)\n--\n\nChange to the directory of the given file descriptor.\n\nfd must be opened on a directory, not a file.\nEquivalent to os.chdir(fd)."),
    fkw!("fdatasync", os_fdatasync, "fdatasync($module, /, fd)\n--\n\nForce write of fd to disk without forcing update of metadata."),
    fkw!("mkfifo", os_mkfifo, "mkfifo($module, /, path, mode=438, *, dir_fd=None)\n--\n\nCreate a \"fifo\" (a POSIX named pipe)."),
    fkw!("mknod", os_mknod, "mknod($module, /, path, mode=384, device=0, *, dir_fd=None)\n--\n\nCreate a node in the file system."),
    PyMethodDef::new("major", PyCFunction::O(os_major), "major($module, device, /)\n--\n\nExtracts a device major number from a raw device number."),
    PyMethodDef::new("minor", PyCFunction::O(os_minor), "minor($module, device, /)\n--\n\nExtracts a device minor number from a raw device number."),
    PyMethodDef::new("makedev", PyCFunction::Fast(os_makedev), "makedev($module, major, minor, /)\n--\n\nComposes a raw device number from the major and minor device numbers."),
    fkw!("stat", os_stat, "stat($module, /, path, *, dir_fd=None, follow_symlinks=True)\n--\n\nPerform a stat system call on the given path."),
    fkw!("lstat", os_lstat, "lstat($module, /, path, *, dir_fd=None)\n--\n\nPerform a stat system call on the given path, without following symbolic links."),
    fkw!("fstat", os_fstat, "fstat($module, /, fd)\n--\n\nPerform a stat system call on the given file descriptor."),
    PyMethodDef::new("getcwd", PyCFunction::NoArgs(os_getcwd), "getcwd($module, /)\n--\n\nReturn a unicode string representing the current working directory."),
    PyMethodDef::new("getcwdb", PyCFunction::NoArgs(os_getcwdb), "getcwdb($module, /)\n--\n\nReturn a bytes string representing the current working directory."),
    fkw!("chdir", os_chdir, "chdir($module, /, path)\n--\n\nChange the current working directory to the specified path."),
    fkw!("mkdir", os_mkdir, "mkdir($module, /, path, mode=511, *, dir_fd=None)\n--\n\nCreate a directory."),
    fkw!("rmdir", os_rmdir, "rmdir($module, /, path, *, dir_fd=None)\n--\n\nRemove a directory."),
    fkw!("unlink", os_unlink, "unlink($module, /, path, *, dir_fd=None)\n--\n\nRemove a file (same as remove())."),
    fkw!("remove", os_remove, "remove($module, /, path, *, dir_fd=None)\n--\n\nRemove a file (same as unlink())."),
    fkw!("rename", os_rename, "rename($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)\n--\n\nRename a file or directory."),
    fkw!("replace", os_replace, "replace($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)\n--\n\nRename a file or directory, overwriting the destination."),
    fkw!("listdir", os_listdir, "listdir($module, /, path=None)\n--\n\nReturn a list containing the names of the files in the directory."),
    fkw!("scandir", os_scandir, "scandir($module, /, path=None)\n--\n\nReturn an iterator of DirEntry objects for given path."),
    fkw!("access", os_access, "access($module, /, path, mode, *, dir_fd=None, effective_ids=False,\n       follow_symlinks=True)\n--\n\nUse the real uid/gid to test for access to a path."),
    fkw!("chmod", os_chmod, "chmod($module, /, path, mode, *, dir_fd=None, follow_symlinks=True)\n--\n\nChange the access permissions of a file."),
    fkw!("utime", os_utime, "utime($module, /, path, times=None, *, ns=<unrepresentable>,\n      dir_fd=None, follow_symlinks=True)\n--\n\nSet the access and modified time of path."),
    fkw!("symlink", os_symlink, "symlink($module, /, src, dst, target_is_directory=False, *, dir_fd=None)\n--\n\nCreate a symbolic link pointing to src named dst."),
    fkw!("link", os_link, "link($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None,\n     follow_symlinks=True)\n--\n\nCreate a hard link to a file."),
    fkw!("readlink", os_readlink, "readlink($module, /, path, *, dir_fd=None)\n--\n\nReturn a string representing the path to which the symbolic link points."),
    fkw!("truncate", os_truncate, "truncate($module, /, path, length)\n--\n\nTruncate a file, specified by path, to a specific length."),
    fkw!("open", os_open, "open($module, /, path, flags, mode=511, *, dir_fd=None)\n--\n\nOpen a file for low level IO.  Returns a file descriptor (integer)."),
    fkw!("close", os_close, "close($module, /, fd)\n--\n\nClose a file descriptor."),
    PyMethodDef::new("closerange", PyCFunction::Fast(os_closerange), "closerange($module, fd_low, fd_high, /)\n--\n\nCloses all file descriptors in [fd_low, fd_high), ignoring errors."),
    PyMethodDef::new("read", PyCFunction::Fast(os_read), "read($module, fd, length, /)\n--\n\nRead from a file descriptor.  Returns a bytes object."),
    PyMethodDef::new("write", PyCFunction::Fast(os_write), "write($module, fd, data, /)\n--\n\nWrite a bytes object to a file descriptor."),
    PyMethodDef::new("lseek", PyCFunction::Fast(os_lseek), "lseek($module, fd, position, whence, /)\n--\n\nSet the position of a file descriptor.  Return the new position."),
    PyMethodDef::new("pipe", PyCFunction::NoArgs(os_pipe), "pipe($module, /)\n--\n\nCreate a pipe."),
    PyMethodDef::new("dup", PyCFunction::Fast(os_dup), "dup($module, fd, /)\n--\n\nReturn a duplicate of a file descriptor."),
    fkw!("dup2", os_dup2, "dup2($module, /, fd, fd2, inheritable=True)\n--\n\nDuplicate file descriptor."),
    PyMethodDef::new("isatty", PyCFunction::O(os_isatty), "isatty($module, fd, /)\n--\n\nReturn True if the fd is connected to a terminal."),
    PyMethodDef::new("ftruncate", PyCFunction::Fast(os_ftruncate), "ftruncate($module, fd, length, /)\n--\n\nTruncate a file, specified by file descriptor, to a specific length."),
    fkw!("fsync", os_fsync, "fsync($module, /, fd)\n--\n\nForce write of fd to disk."),
    PyMethodDef::new("get_blocking", PyCFunction::O(os_get_blocking), "get_blocking($module, fd, /)\n--\n\nGet the blocking mode of the file descriptor."),
    PyMethodDef::new("set_blocking", PyCFunction::Fast(os_set_blocking), "set_blocking($module, fd, blocking, /)\n--\n\nSet the blocking mode of the specified file descriptor."),
    PyMethodDef::new("get_inheritable", PyCFunction::O(os_get_inheritable), "get_inheritable($module, fd, /)\n--\n\nGet the close-on-exe flag of the specified file descriptor."),
    PyMethodDef::new("set_inheritable", PyCFunction::Fast(os_set_inheritable), "set_inheritable($module, fd, inheritable, /)\n--\n\nSet the inheritable flag of the specified file descriptor."),
    fkw!("device_encoding", os_device_encoding, "device_encoding($module, /, fd)\n--\n\nReturn a string describing the encoding of a terminal's file descriptor."),
    PyMethodDef::new("getpid", PyCFunction::NoArgs(os_getpid), "getpid($module, /)\n--\n\nReturn the current process id."),
    PyMethodDef::new("getppid", PyCFunction::NoArgs(os_getppid), "getppid($module, /)\n--\n\nReturn the parent's process id."),
    PyMethodDef::new("getuid", PyCFunction::NoArgs(os_getuid), "getuid($module, /)\n--\n\nReturn the current process's user id."),
    PyMethodDef::new("geteuid", PyCFunction::NoArgs(os_geteuid), "geteuid($module, /)\n--\n\nReturn the current process's effective user id."),
    PyMethodDef::new("getgid", PyCFunction::NoArgs(os_getgid), "getgid($module, /)\n--\n\nReturn the current process's group id."),
    PyMethodDef::new("getegid", PyCFunction::NoArgs(os_getegid), "getegid($module, /)\n--\n\nReturn the current process's effective group id."),
    PyMethodDef::new("kill", PyCFunction::Fast(os_kill), "kill($module, pid, signal, /)\n--\n\nKill a process with a signal."),
    PyMethodDef::new("abort", PyCFunction::NoArgs(os_abort), "abort($module, /)\n--\n\nAbort the interpreter immediately.\n\nThis function 'dumps core' or otherwise fails in the hardest way possible\non the hosting operating system.  This function never returns."),
    fkw!("_exit", os__exit, "_exit($module, /, status)\n--\n\nExit to the system with specified status, without normal exit processing."),
    fkw!("system", os_system, "system($module, /, command)\n--\n\nExecute the command in a subshell."),
    PyMethodDef::new("strerror", PyCFunction::O(os_strerror), "strerror($module, code, /)\n--\n\nTranslate an error code to a message string."),
    PyMethodDef::new("umask", PyCFunction::O(os_umask), "umask($module, mask, /)\n--\n\nSet the current numeric umask and return the previous umask."),
    PyMethodDef::new("urandom", PyCFunction::O(os_urandom), "urandom($module, size, /)\n--\n\nReturn a bytes object containing random bytes suitable for cryptographic use."),
    PyMethodDef::new("cpu_count", PyCFunction::NoArgs(os_cpu_count), "cpu_count($module, /)\n--\n\nReturn the number of CPUs in the system; return None if indeterminable."),
    PyMethodDef::new("uname", PyCFunction::NoArgs(os_uname), "uname($module, /)\n--\n\nReturn an object identifying the current operating system."),
    PyMethodDef::new("times", PyCFunction::NoArgs(os_times), "times($module, /)\n--\n\nReturn a collection containing process timing information."),
    PyMethodDef::new("get_terminal_size", PyCFunction::Fast(os_get_terminal_size), "get_terminal_size($module, fd=<unrepresentable>, /)\n--\n\nReturn the size of the terminal window as (columns, lines)."),
    PyMethodDef::new("waitpid", PyCFunction::Fast(os_waitpid), "waitpid($module, pid, options, /)\n--\n\nWait for completion of a given child process."),
    fkw!("WIFEXITED", os_WIFEXITED, "WIFEXITED($module, /, status)\n--\n\nReturn True if the process returning status exited via the exit() system call."),
    fkw!("WIFSIGNALED", os_WIFSIGNALED, "WIFSIGNALED($module, /, status)\n--\n\nReturn True if the process returning status was terminated by a signal."),
    fkw!("WIFSTOPPED", os_WIFSTOPPED, "WIFSTOPPED($module, /, status)\n--\n\nReturn True if the process returning status was stopped."),
    fkw!("WIFCONTINUED", os_WIFCONTINUED, "WIFCONTINUED($module, /, status)\n--\n\nReturn True if a particular process was continued from a job control stop."),
    fkw!("WCOREDUMP", os_WCOREDUMP, "WCOREDUMP($module, /, status)\n--\n\nReturn True if the process returning status was dumped to a core file."),
    fkw!("WEXITSTATUS", os_WEXITSTATUS, "WEXITSTATUS($module, /, status)\n--\n\nReturn the process return code from status."),
    fkw!("WTERMSIG", os_WTERMSIG, "WTERMSIG($module, /, status)\n--\n\nReturn the signal that terminated the process that provided the status value."),
    fkw!("WSTOPSIG", os_WSTOPSIG, "WSTOPSIG($module, /, status)\n--\n\nReturn the signal that stopped the process that provided the status value."),
    fkw!("waitstatus_to_exitcode", os_waitstatus_to_exitcode, "waitstatus_to_exitcode($module, /, status)\n--\n\nConvert a wait status to an exit code."),
    PyMethodDef::new("putenv", PyCFunction::Fast(os_putenv), "putenv($module, name, value, /)\n--\n\nChange or add an environment variable."),
    PyMethodDef::new("unsetenv", PyCFunction::O(os_unsetenv), "unsetenv($module, name, /)\n--\n\nDelete an environment variable."),
    fkw!("fspath", os_fspath, "fspath($module, /, path)\n--\n\nReturn the file system path representation of the object."),
    PyMethodDef::new("getpgrp", PyCFunction::NoArgs(os_getpgrp), "getpgrp($module, /)\n--\n\nReturn the current process group id."),
    PyMethodDef::new("getsid", PyCFunction::Fast(os_getsid), "getsid($module, pid, /)\n--\n\nCall the system call getsid(pid) and return the result."),
    PyMethodDef::new("getloadavg", PyCFunction::NoArgs(os_getloadavg), "getloadavg($module, /)\n--\n\nReturn average recent system load information."),
    PyMethodDef::new("ttyname", PyCFunction::O(os_ttyname), "ttyname($module, fd, /)\n--\n\nReturn the name of the terminal device connected to 'fd'."),
    PyMethodDef::new("sync", PyCFunction::NoArgs(os_sync), "sync($module, /)\n--\n\nForce write of everything to disk."),
    PyMethodDef::new("nice", PyCFunction::O(os_nice), "nice($module, increment, /)\n--\n\nAdd increment to the priority of process and return the new priority."),
];

fn os_getpgrp(_m: &PyObject) -> PyResult {
    // SAFETY: always succeeds.
    Ok(PyLong_FromLong(i64::from(unsafe { libc::getpgrp() })))
}

fn os_getsid(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    fd_positional("getsid", args, 1)?;
    let pid = int_arg(&args[0])?;
    // SAFETY: plain system call.
    let r = unsafe { libc::getsid(pid) };
    if r < 0 {
        return Err(posix_error());
    }
    Ok(PyLong_FromLong(i64::from(r)))
}

fn os_getloadavg(_m: &PyObject) -> PyResult {
    let mut l = [0f64; 3];
    // SAFETY: `l` has room for three values.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(objects::pyerrors::os_error(
            "Load averages are unobtainable",
        ));
    }
    Ok(PyTuple_New(l.iter().map(|&v| PyFloat_FromDouble(v)).collect()).into_object())
}

fn os_ttyname(_m: &PyObject, arg: &PyObject) -> PyResult {
    let fd = int_arg(arg)?;
    let mut buf = vec![0u8; 256];
    // SAFETY: `buf` is writable for its length.
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r != 0 {
        return Err(PyErr_SetFromErrno_(r));
    }
    let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(decode_surrogateescape(&buf[..n]))
}

fn os_sync(_m: &PyObject) -> PyResult {
    // SAFETY: always succeeds.
    unsafe { libc::sync() };
    Ok(none())
}

fn os_nice(_m: &PyObject, arg: &PyObject) -> PyResult {
    let inc = int_arg(arg)?;
    // SAFETY: errno is cleared to tell -1 (a valid priority) from an error.
    let r = unsafe {
        *libc::__errno_location() = 0;
        libc::nice(inc)
    };
    if r == -1 && errno() != 0 {
        return Err(posix_error());
    }
    Ok(PyLong_FromLong(i64::from(r)))
}

/// The int constants (`all_ins`), Linux values from the C library.
fn int_constants() -> Vec<(&'static str, i64)> {
    let c = |n: &'static str, v: i32| (n, i64::from(v));
    vec![
        c("F_OK", libc::F_OK),
        c("R_OK", libc::R_OK),
        c("W_OK", libc::W_OK),
        c("X_OK", libc::X_OK),
        c("NGROUPS_MAX", 65536),
        c("TMP_MAX", 238328),
        c("WCONTINUED", libc::WCONTINUED),
        c("WNOHANG", libc::WNOHANG),
        c("WUNTRACED", libc::WUNTRACED),
        c("O_RDONLY", libc::O_RDONLY),
        c("O_WRONLY", libc::O_WRONLY),
        c("O_RDWR", libc::O_RDWR),
        c("O_NDELAY", libc::O_NDELAY),
        c("O_NONBLOCK", libc::O_NONBLOCK),
        c("O_APPEND", libc::O_APPEND),
        c("O_DSYNC", libc::O_DSYNC),
        c("O_RSYNC", libc::O_RSYNC),
        c("O_SYNC", libc::O_SYNC),
        c("O_NOCTTY", libc::O_NOCTTY),
        c("O_CREAT", libc::O_CREAT),
        c("O_EXCL", libc::O_EXCL),
        c("O_TRUNC", libc::O_TRUNC),
        c("O_LARGEFILE", libc::O_LARGEFILE),
        c("O_PATH", libc::O_PATH),
        c("O_TMPFILE", libc::O_TMPFILE),
        c("O_ACCMODE", libc::O_ACCMODE),
        c("O_ASYNC", libc::O_ASYNC),
        c("O_DIRECT", libc::O_DIRECT),
        c("O_DIRECTORY", libc::O_DIRECTORY),
        c("O_NOFOLLOW", libc::O_NOFOLLOW),
        c("O_NOATIME", libc::O_NOATIME),
        c("O_CLOEXEC", libc::O_CLOEXEC),
        c("PRIO_PROCESS", libc::PRIO_PROCESS as i32),
        c("PRIO_PGRP", libc::PRIO_PGRP as i32),
        c("PRIO_USER", libc::PRIO_USER as i32),
        c("F_LOCK", libc::F_LOCK),
        c("F_TLOCK", libc::F_TLOCK),
        c("F_ULOCK", libc::F_ULOCK),
        c("F_TEST", libc::F_TEST),
        c("SEEK_SET", libc::SEEK_SET),
        c("SEEK_CUR", libc::SEEK_CUR),
        c("SEEK_END", libc::SEEK_END),
        c("SEEK_DATA", libc::SEEK_DATA),
        c("SEEK_HOLE", libc::SEEK_HOLE),
        c("EX_OK", 0),
        c("EX_USAGE", 64),
        c("EX_DATAERR", 65),
        c("EX_NOINPUT", 66),
        c("EX_NOUSER", 67),
        c("EX_NOHOST", 68),
        c("EX_UNAVAILABLE", 69),
        c("EX_SOFTWARE", 70),
        c("EX_OSERR", 71),
        c("EX_OSFILE", 72),
        c("EX_CANTCREAT", 73),
        c("EX_IOERR", 74),
        c("EX_TEMPFAIL", 75),
        c("EX_PROTOCOL", 76),
        c("EX_NOPERM", 77),
        c("EX_CONFIG", 78),
        c("ST_RDONLY", libc::ST_RDONLY as i32),
        c("ST_NOSUID", libc::ST_NOSUID as i32),
        c("P_PID", libc::P_PID as i32),
        c("P_PGID", libc::P_PGID as i32),
        c("P_ALL", libc::P_ALL as i32),
        c("WEXITED", libc::WEXITED),
        c("WNOWAIT", libc::WNOWAIT),
        c("WSTOPPED", libc::WSTOPPED),
        c("CLD_EXITED", libc::CLD_EXITED),
        c("CLD_KILLED", libc::CLD_KILLED),
        c("CLD_DUMPED", libc::CLD_DUMPED),
        c("CLD_TRAPPED", libc::CLD_TRAPPED),
        c("CLD_STOPPED", libc::CLD_STOPPED),
        c("CLD_CONTINUED", libc::CLD_CONTINUED),
        c("RTLD_LAZY", libc::RTLD_LAZY),
        c("RTLD_NOW", libc::RTLD_NOW),
        c("RTLD_GLOBAL", libc::RTLD_GLOBAL),
        c("RTLD_LOCAL", libc::RTLD_LOCAL),
        c("RTLD_NODELETE", libc::RTLD_NODELETE),
        c("RTLD_NOLOAD", libc::RTLD_NOLOAD),
        c("RTLD_DEEPBIND", libc::RTLD_DEEPBIND),
    ]
}

/// Make the `posix` module (`PyInit_posix`).
pub fn PyInit_posix() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&DirEntryType)?;
    PyType_Ready(&ScandirIteratorType)?;
    let t = types()?;
    let m = PyModule_New("posix")?;
    PyModule_AddFunctions(&m, &POSIX_METHODS)?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls."),
    )?;
    for (name, v) in int_constants() {
        PyModule_AddObject(&m, name, &PyLong_FromLong(v))?;
    }
    let environ = convertenviron()?;
    PyModule_AddObject(&m, "environ", &environ)?;
    PyModule_AddObject(&m, "error", objects::exceptions::PyExc_OSError.as_object())?;
    PyModule_AddObject(&m, "stat_result", t.stat_result.as_object())?;
    PyModule_AddObject(&m, "terminal_size", t.terminal_size.as_object())?;
    PyModule_AddObject(&m, "uname_result", t.uname_result.as_object())?;
    PyModule_AddObject(&m, "times_result", t.times_result.as_object())?;
    PyModule_AddObject(&m, "DirEntry", DirEntryType.as_object())?;
    let have: Vec<PyObjectRef> = [
        "HAVE_FACCESSAT",
        "HAVE_FCHDIR",
        "HAVE_FCHMOD",
        "HAVE_FCHMODAT",
        "HAVE_FCHOWN",
        "HAVE_FCHOWNAT",
        "HAVE_FDOPENDIR",
        "HAVE_FSTATAT",
        "HAVE_FTRUNCATE",
        "HAVE_FUTIMENS",
        "HAVE_LINKAT",
        "HAVE_LCHOWN",
        "HAVE_MKDIRAT",
        "HAVE_MKFIFOAT",
        "HAVE_MKNODAT",
        "HAVE_OPENAT",
        "HAVE_READLINKAT",
        "HAVE_RENAMEAT",
        "HAVE_SYMLINKAT",
        "HAVE_UNLINKAT",
        "HAVE_UTIMENSAT",
    ]
    .iter()
    .map(|s| PyUnicode_FromString(s))
    .collect();
    PyModule_AddObject(&m, "_have_functions", &PyList_New(have).into_object())?;
    Ok(m)
}
