//! The `_stat` module: the constants and tests of `<sys/stat.h>`. Mirrors
//! Modules/_stat.c (CPython 3.11); Lib/stat.py imports it.
//!
//! Differences from CPython: none; the file types Linux lacks (doors, event ports,
//! whiteouts) have the value 0 and their tests are always false, as there.

use include::methodobject::{PyCFunction, PyMethodDef};

use objects::boolobject::PyBool_FromLong;
use objects::longobject::{PyLongObject, PyLong_FromLong};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::prelude::*;
use objects::unicodeobject::PyUnicode_FromString;

const S_IFMT: u32 = 0o170000;
const S_IFDIR: u32 = 0o040000;
const S_IFCHR: u32 = 0o020000;
const S_IFBLK: u32 = 0o060000;
const S_IFREG: u32 = 0o100000;
const S_IFIFO: u32 = 0o010000;
const S_IFLNK: u32 = 0o120000;
const S_IFSOCK: u32 = 0o140000;
const S_ISUID: u32 = 0o4000;
const S_ISGID: u32 = 0o2000;
const S_ISVTX: u32 = 0o1000;

/// The module's int constants, in CPython's order.
static STAT_CONSTANTS: [(&str, i64); 51] = [
    ("S_IFDIR", 16384),
    ("S_IFCHR", 8192),
    ("S_IFBLK", 24576),
    ("S_IFREG", 32768),
    ("S_IFIFO", 4096),
    ("S_IFLNK", 40960),
    ("S_IFSOCK", 49152),
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", 2048),
    ("S_ISGID", 1024),
    ("S_ISVTX", 512),
    ("S_ENFMT", 1024),
    ("S_IREAD", 256),
    ("S_IWRITE", 128),
    ("S_IEXEC", 64),
    ("S_IRWXU", 448),
    ("S_IRUSR", 256),
    ("S_IWUSR", 128),
    ("S_IXUSR", 64),
    ("S_IRWXG", 56),
    ("S_IRGRP", 32),
    ("S_IWGRP", 16),
    ("S_IXGRP", 8),
    ("S_IRWXO", 7),
    ("S_IROTH", 4),
    ("S_IWOTH", 2),
    ("S_IXOTH", 1),
    ("UF_NODUMP", 1),
    ("UF_IMMUTABLE", 2),
    ("UF_APPEND", 4),
    ("UF_OPAQUE", 8),
    ("UF_NOUNLINK", 16),
    ("UF_COMPRESSED", 32),
    ("UF_HIDDEN", 32768),
    ("SF_ARCHIVED", 65536),
    ("SF_IMMUTABLE", 131072),
    ("SF_APPEND", 262144),
    ("SF_NOUNLINK", 1048576),
    ("SF_SNAPSHOT", 2097152),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

/// `_PyLong_AsMode_t`: a mode argument, which must be an int fitting `mode_t`.
fn _PyLong_AsMode_t(op: &PyObject) -> PyResult<u32> {
    let Some(l) = op.downcast_ref::<PyLongObject>() else {
        return Err(type_error("an integer is required"));
    };
    if l.is_negative() {
        return Err(overflow_error(
            "can't convert negative value to unsigned int",
        ));
    }
    match l.as_i64().and_then(|v| u32::try_from(v).ok()) {
        Some(m) => Ok(m),
        None => Err(overflow_error("mode out of range")),
    }
}

/// `S_ISDIR(mode)`.
fn stat_S_ISDIR(_m: &PyObject, mode: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(_PyLong_AsMode_t(mode)? & S_IFMT == S_IFDIR))
}

/// `S_ISCHR(mode)`.
fn stat_S_ISCHR(_m: &PyObject, mode: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(_PyLong_AsMode_t(mode)? & S_IFMT == S_IFCHR))
}

/// `S_ISBLK(mode)`.
fn stat_S_ISBLK(_m: &PyObject, mode: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(_PyLong_AsMode_t(mode)? & S_IFMT == S_IFBLK))
}

/// `S_ISREG(mode)`.
fn stat_S_ISREG(_m: &PyObject, mode: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(_PyLong_AsMode_t(mode)? & S_IFMT == S_IFREG))
}

/// `S_ISFIFO(mode)`.
fn stat_S_ISFIFO(_m: &PyObject, mode: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(_PyLong_AsMode_t(mode)? & S_IFMT == S_IFIFO))
}

/// `S_ISLNK(mode)`.
fn stat_S_ISLNK(_m: &PyObject, mode: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(_PyLong_AsMode_t(mode)? & S_IFMT == S_IFLNK))
}

/// `S_ISSOCK(mode)`.
fn stat_S_ISSOCK(_m: &PyObject, mode: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(
        _PyLong_AsMode_t(mode)? & S_IFMT == S_IFSOCK,
    ))
}

/// `S_ISDOOR(mode)`.
fn stat_S_ISDOOR(_m: &PyObject, mode: &PyObject) -> PyResult {
    // No such file type on Linux: always False (after checking the mode).
    _PyLong_AsMode_t(mode)?;
    Ok(PyBool_FromLong(false))
}

/// `S_ISPORT(mode)`.
fn stat_S_ISPORT(_m: &PyObject, mode: &PyObject) -> PyResult {
    // No such file type on Linux: always False (after checking the mode).
    _PyLong_AsMode_t(mode)?;
    Ok(PyBool_FromLong(false))
}

/// `S_ISWHT(mode)`.
fn stat_S_ISWHT(_m: &PyObject, mode: &PyObject) -> PyResult {
    // No such file type on Linux: always False (after checking the mode).
    _PyLong_AsMode_t(mode)?;
    Ok(PyBool_FromLong(false))
}

/// `S_IMODE(mode)`: the permission bits.
fn stat_S_IMODE(_m: &PyObject, mode: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(i64::from(_PyLong_AsMode_t(mode)? & 0o7777)))
}

/// `S_IFMT(mode)`: the file type bits.
fn stat_S_IFMT(_m: &PyObject, mode: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(i64::from(_PyLong_AsMode_t(mode)? & S_IFMT)))
}

/// `filetype`: the first character of `ls -l`'s mode column.
fn filetype(mode: u32) -> char {
    match mode & S_IFMT {
        S_IFREG => '-',
        S_IFDIR => 'd',
        S_IFLNK => 'l',
        S_IFBLK => 'b',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        S_IFSOCK => 's',
        _ => '?',
    }
}

/// `filemode(mode)`: the mode as `ls -l` shows it (`-rwxr-xr-x`).
fn stat_filemode(_m: &PyObject, mode: &PyObject) -> PyResult {
    let mode = _PyLong_AsMode_t(mode)?;
    let bit = |mask: u32, c: char| if mode & mask != 0 { c } else { '-' };
    let special = |exec: u32, flag: u32, set: char| match (mode & exec != 0, mode & flag != 0) {
        (true, true) => set,
        (false, true) => set.to_ascii_uppercase(),
        (true, false) => 'x',
        (false, false) => '-',
    };
    let s: String = [
        filetype(mode),
        bit(0o400, 'r'),
        bit(0o200, 'w'),
        special(0o100, S_ISUID, 's'),
        bit(0o040, 'r'),
        bit(0o020, 'w'),
        special(0o010, S_ISGID, 's'),
        bit(0o004, 'r'),
        bit(0o002, 'w'),
        special(0o001, S_ISVTX, 't'),
    ]
    .iter()
    .collect();
    Ok(PyUnicode_FromString(&s))
}

static STAT_METHODS: [PyMethodDef; 13] = [
    PyMethodDef::new(
        "S_ISDIR",
        PyCFunction::O(stat_S_ISDIR),
        "S_ISDIR(mode) -> bool\n\nReturn True if mode is from a directory.",
    ),
    PyMethodDef::new(
        "S_ISCHR",
        PyCFunction::O(stat_S_ISCHR),
        "S_ISCHR(mode) -> bool\n\nReturn True if mode is from a character special device file.",
    ),
    PyMethodDef::new(
        "S_ISBLK",
        PyCFunction::O(stat_S_ISBLK),
        "S_ISBLK(mode) -> bool\n\nReturn True if mode is from a block special device file.",
    ),
    PyMethodDef::new(
        "S_ISREG",
        PyCFunction::O(stat_S_ISREG),
        "S_ISREG(mode) -> bool\n\nReturn True if mode is from a regular file.",
    ),
    PyMethodDef::new(
        "S_ISFIFO",
        PyCFunction::O(stat_S_ISFIFO),
        "S_ISFIFO(mode) -> bool\n\nReturn True if mode is from a FIFO (named pipe).",
    ),
    PyMethodDef::new(
        "S_ISLNK",
        PyCFunction::O(stat_S_ISLNK),
        "S_ISLNK(mode) -> bool\n\nReturn True if mode is from a symbolic link.",
    ),
    PyMethodDef::new(
        "S_ISSOCK",
        PyCFunction::O(stat_S_ISSOCK),
        "S_ISSOCK(mode) -> bool\n\nReturn True if mode is from a socket.",
    ),
    PyMethodDef::new(
        "S_ISDOOR",
        PyCFunction::O(stat_S_ISDOOR),
        "S_ISDOOR(mode) -> bool\n\nReturn True if mode is from a door.",
    ),
    PyMethodDef::new(
        "S_ISPORT",
        PyCFunction::O(stat_S_ISPORT),
        "S_ISPORT(mode) -> bool\n\nReturn True if mode is from an event port.",
    ),
    PyMethodDef::new(
        "S_ISWHT",
        PyCFunction::O(stat_S_ISWHT),
        "S_ISWHT(mode) -> bool\n\nReturn True if mode is from a whiteout.",
    ),
    PyMethodDef::new(
        "S_IMODE",
        PyCFunction::O(stat_S_IMODE),
        "Return the portion of the file's mode that can be set by os.chmod().",
    ),
    PyMethodDef::new(
        "S_IFMT",
        PyCFunction::O(stat_S_IFMT),
        "Return the portion of the file's mode that describes the file type.",
    ),
    PyMethodDef::new(
        "filemode",
        PyCFunction::O(stat_filemode),
        "Convert a file's mode to a string of the form '-rwxrwxrwx'",
    ),
];

const MODULE_DOC: &str = "S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\nS_IFBLK: block device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\nS_IFLNK: symbolic link\nS_IFSOCK: socket file\nS_IFDOOR: door\nS_IFPORT: event port\nS_IFWHT: whiteout\n\nS_ISUID: set UID bit\nS_ISGID: set GID bit\nS_ENFMT: file locking enforcement\nS_ISVTX: sticky bit\nS_IREAD: Unix V7 synonym for S_IRUSR\nS_IWRITE: Unix V7 synonym for S_IWUSR\nS_IEXEC: Unix V7 synonym for S_IXUSR\nS_IRWXU: mask for owner permissions\nS_IRUSR: read by owner\nS_IWUSR: write by owner\nS_IXUSR: execute by owner\nS_IRWXG: mask for group permissions\nS_IRGRP: read by group\nS_IWGRP: write by group\nS_IXGRP: execute by group\nS_IRWXO: mask for others (not in group) permissions\nS_IROTH: read by others\nS_IWOTH: write by others\nS_IXOTH: execute by others\n\nUF_NODUMP: do not dump file\nUF_IMMUTABLE: file may not be changed\nUF_APPEND: file may only be appended to\nUF_OPAQUE: directory is opaque when viewed through a union stack\nUF_NOUNLINK: file may not be renamed or deleted\nUF_COMPRESSED: OS X: file is hfs-compressed\nUF_HIDDEN: OS X: file should not be displayed\nSF_ARCHIVED: file may be archived\nSF_IMMUTABLE: file may not be changed\nSF_APPEND: file may only be appended to\nSF_NOUNLINK: file may not be renamed or deleted\nSF_SNAPSHOT: file is a snapshot file\n\nST_MODE\nST_INO\nST_DEV\nST_NLINK\nST_UID\nST_GID\nST_SIZE\nST_ATIME\nST_MTIME\nST_CTIME\n\nFILE_ATTRIBUTE_*: Windows file attribute constants\n                   (only present on Windows)\n";

/// Make the `_stat` module (`PyInit__stat`, `stat_exec`).
pub fn PyInit__stat() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_stat")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(MODULE_DOC))?;
    PyModule_AddFunctions(&m, &STAT_METHODS)?;
    for &(name, value) in STAT_CONSTANTS.iter() {
        PyModule_AddObject(&m, name, &PyLong_FromLong(value))?;
    }
    Ok(m)
}
