//! The `_sha3` module: the SHA3-224/256/384/512 and SHAKE128/256 hash types.
//! Mirrors Modules/_sha3/sha3module.c (CPython 3.11, which uses tiny_sha3).
//!
//! Differences from CPython: the state is a Rust struct inside the object; there is
//! no lock (pyrs runs one thread).

use std::cell::Cell;
use std::mem::size_of;

use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::bytesobject::PyBytes_FromVec;
use objects::getargs::{unpack_keywords, ArgSpec};
use objects::longobject::PyLong_FromLong;
use objects::moduleobject::{PyModuleObject, PyModule_AddObject, PyModule_New};
use objects::object::none;
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::PyUnicode_FromString;

use super::sha3::sha3_ctx_t;
use crate::hashlib::{hash_buffer, hexdigest, unsigned_long_arg};

/// `SHA3object`: a SHA-3 or SHAKE hash in progress.
#[repr(C)]
pub struct SHA3object {
    pub ob_base: PyObject,
    hash_state: PyCell<sha3_ctx_t>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for SHA3object {}

fn as_sha3(obj: &PyObject) -> &SHA3object {
    // SAFETY: the methods and getters are only called on instances of the six types.
    unsafe { &*(obj as *const PyObject as *const SHA3object) }
}

fn state_of(obj: &PyObject) -> sha3_ctx_t {
    // SAFETY: no Python code runs while the state is borrowed.
    unsafe { as_sha3(obj).hash_state.get_ref() }.clone()
}

fn newSHA3object(tp: &PyTypeObject, state: sha3_ctx_t) -> PyObjectRef {
    // SAFETY: `tp` is one of the six types, whose basic size is `SHA3object`'s (none
    // of them can be subclassed).
    unsafe {
        alloc_object(
            tp,
            SHA3object {
                ob_base: PyObject_HEAD_INIT,
                hash_state: PyCell::new(state),
            },
        )
    }
    .into_object()
}

fn is_shake(obj: &PyObject) -> bool {
    obj.is_type(&SHAKE128type) || obj.is_type(&SHAKE256type)
}

/// `py_sha3_new`: `sha3_224([data], *, usedforsecurity=True)` and its five
/// siblings. Argument Clinic names the function after the first type in every
/// message.
fn py_sha3_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "sha3_224",
            names: &["", "usedforsecurity"],
            posonly: 1,
            maxpos: 1,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let mdlen = if std::ptr::eq(tp, &SHA3_224type) {
        28
    } else if std::ptr::eq(tp, &SHA3_256type) || std::ptr::eq(tp, &SHAKE256type) {
        32
    } else if std::ptr::eq(tp, &SHA3_384type) {
        48
    } else if std::ptr::eq(tp, &SHA3_512type) {
        64
    } else if std::ptr::eq(tp, &SHAKE128type) {
        16
    } else {
        return Err(type_error("unsupported hash type"));
    };
    let mut state = sha3_ctx_t::sha3_init(mdlen);
    if let Some(data) = &a[0] {
        state.sha3_update(&hash_buffer(data)?);
    }
    Ok(newSHA3object(tp, state))
}

unsafe fn SHA3_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead SHA-3 object.
    unsafe { dealloc_object::<SHA3object>(op) }
}

/// `_sha3.sha3_224.copy()`.
fn _sha3_sha3_224_copy(obj: &PyObject) -> PyResult {
    Ok(newSHA3object(obj.ob_type(), state_of(obj)))
}

/// `_sha3.sha3_224.digest()`.
fn _sha3_sha3_224_digest(obj: &PyObject) -> PyResult {
    Ok(PyBytes_FromVec(state_of(obj).sha3_final()))
}

/// `_sha3.sha3_224.hexdigest()`.
fn _sha3_sha3_224_hexdigest(obj: &PyObject) -> PyResult {
    Ok(hexdigest(&state_of(obj).sha3_final()))
}

/// `_sha3.sha3_224.update(data, /)`.
fn _sha3_sha3_224_update(obj: &PyObject, data: &PyObject) -> PyResult {
    let buf = hash_buffer(data)?;
    // SAFETY: no Python code runs while the state is borrowed.
    unsafe { as_sha3(obj).hash_state.get_mut() }.sha3_update(&buf);
    Ok(none())
}

fn SHA3_get_block_size(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(state_of(obj).rsiz as i64))
}

fn SHA3_get_name(obj: &PyObject) -> PyResult {
    let tp = obj.ob_type();
    let name = if std::ptr::eq(tp, &SHA3_224type) {
        "sha3_224"
    } else if std::ptr::eq(tp, &SHA3_256type) {
        "sha3_256"
    } else if std::ptr::eq(tp, &SHA3_384type) {
        "sha3_384"
    } else if std::ptr::eq(tp, &SHA3_512type) {
        "sha3_512"
    } else if std::ptr::eq(tp, &SHAKE128type) {
        "shake_128"
    } else {
        "shake_256"
    };
    Ok(PyUnicode_FromString(name))
}

fn SHA3_get_digest_size(obj: &PyObject) -> PyResult {
    // SHAKE's digest has no fixed size (`_SHAKE_digest_size` returns 0).
    let size = if is_shake(obj) {
        0
    } else {
        state_of(obj).mdlen
    };
    Ok(PyLong_FromLong(size as i64))
}

fn SHA3_get_capacity_bits(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(1600 - state_of(obj).rsiz as i64 * 8))
}

fn SHA3_get_rate_bits(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(state_of(obj).rsiz as i64 * 8))
}

fn SHA3_get_suffix(obj: &PyObject) -> PyResult {
    let suffix = if is_shake(obj) { 0x1f } else { 0x06 };
    Ok(PyBytes_FromVec(vec![suffix]))
}

/// `_SHAKE_digest`: squeeze `length` bytes (fewer than 2**29).
fn shake_digest(obj: &PyObject, length: &PyObject) -> PyResult<Vec<u8>> {
    let digestlen = unsigned_long_arg(length)?;
    if digestlen >= 1 << 29 {
        return Err(value_error("length is too large"));
    }
    Ok(state_of(obj).shake_out(digestlen as usize))
}

/// `_sha3.shake_128.digest(length, /)`.
fn _sha3_shake_128_digest(obj: &PyObject, length: &PyObject) -> PyResult {
    Ok(PyBytes_FromVec(shake_digest(obj, length)?))
}

/// `_sha3.shake_128.hexdigest(length, /)`.
fn _sha3_shake_128_hexdigest(obj: &PyObject, length: &PyObject) -> PyResult {
    Ok(hexdigest(&shake_digest(obj, length)?))
}

static SHA3_methods: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "copy",
        PyCFunction::NoArgs(_sha3_sha3_224_copy),
        "copy($self, /)\n--\n\nReturn a copy of the hash object.",
    ),
    PyMethodDef::new(
        "digest",
        PyCFunction::NoArgs(_sha3_sha3_224_digest),
        "digest($self, /)\n--\n\nReturn the digest value as a bytes object.",
    ),
    PyMethodDef::new(
        "hexdigest",
        PyCFunction::NoArgs(_sha3_sha3_224_hexdigest),
        "hexdigest($self, /)\n--\n\nReturn the digest value as a string of hexadecimal digits.",
    ),
    PyMethodDef::new(
        "update",
        PyCFunction::O(_sha3_sha3_224_update),
        "update($self, data, /)\n--\n\nUpdate this hash object's state with the provided bytes-like object.",
    ),
];

static SHAKE_methods: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "copy",
        PyCFunction::NoArgs(_sha3_sha3_224_copy),
        "copy($self, /)\n--\n\nReturn a copy of the hash object.",
    ),
    PyMethodDef::new(
        "digest",
        PyCFunction::O(_sha3_shake_128_digest),
        "digest($self, length, /)\n--\n\nReturn the digest value as a bytes object.",
    ),
    PyMethodDef::new(
        "hexdigest",
        PyCFunction::O(_sha3_shake_128_hexdigest),
        "hexdigest($self, length, /)\n--\n\nReturn the digest value as a string of hexadecimal digits.",
    ),
    PyMethodDef::new(
        "update",
        PyCFunction::O(_sha3_sha3_224_update),
        "update($self, data, /)\n--\n\nUpdate this hash object's state with the provided bytes-like object.",
    ),
];

static SHA3_getseters: [PyGetSetDef; 6] = [
    PyGetSetDef::getter("block_size", SHA3_get_block_size),
    PyGetSetDef::getter("name", SHA3_get_name),
    PyGetSetDef::getter("digest_size", SHA3_get_digest_size),
    PyGetSetDef::getter("_capacity_bits", SHA3_get_capacity_bits),
    PyGetSetDef::getter("_rate_bits", SHA3_get_rate_bits),
    PyGetSetDef::getter("_suffix", SHA3_get_suffix),
];

macro_rules! sha3_type {
    ($name:ident, $tp_name:literal, $methods:ident, $doc:literal) => {
        pub static $name: PyTypeObject = PyTypeObject {
            ob_base: PyObject::new_static(&PyType_Type),
            tp_name: $tp_name,
            tp_basicsize: Cell::new(size_of::<SHA3object>()),
            tp_dealloc: slot(SHA3_dealloc),
            tp_doc: Some($doc),
            tp_methods: &$methods,
            tp_getset: &SHA3_getseters,
            tp_new: slot(py_sha3_new),
            ..PyTypeObject::DEFAULT
        };
    };
}

sha3_type!(
    SHA3_224type,
    "_sha3.sha3_224",
    SHA3_methods,
    "sha3_224([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 28 bytes."
);
sha3_type!(
    SHA3_256type,
    "_sha3.sha3_256",
    SHA3_methods,
    "sha3_256([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 32 bytes."
);
sha3_type!(
    SHA3_384type,
    "_sha3.sha3_384",
    SHA3_methods,
    "sha3_384([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 48 bytes."
);
sha3_type!(
    SHA3_512type,
    "_sha3.sha3_512",
    SHA3_methods,
    "sha3_512([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 64 bytes."
);
sha3_type!(
    SHAKE128type,
    "_sha3.shake_128",
    SHAKE_methods,
    "shake_128([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object."
);
sha3_type!(
    SHAKE256type,
    "_sha3.shake_256",
    SHAKE_methods,
    "shake_256([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object."
);

/// Make the `_sha3` module (`_sha3_exec`).
pub fn PyInit__sha3() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_sha3")?;
    for (name, tp) in [
        ("sha3_224", &SHA3_224type),
        ("sha3_256", &SHA3_256type),
        ("sha3_384", &SHA3_384type),
        ("sha3_512", &SHA3_512type),
        ("shake_128", &SHAKE128type),
        ("shake_256", &SHAKE256type),
    ] {
        PyType_Ready(tp)?;
        PyModule_AddObject(&m, name, tp.as_object())?;
    }
    // tiny_sha3 has no optimised variants: CPython reports `keccakopt` 0.
    PyModule_AddObject(&m, "keccakopt", &PyLong_FromLong(0))?;
    PyModule_AddObject(&m, "implementation", &PyUnicode_FromString("tiny_sha3"))?;
    Ok(m)
}
