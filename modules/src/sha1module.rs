//! The `_sha1` module: the SHA-1 hash object that `hashlib.sha1` falls back to when
//! there is no OpenSSL. Mirrors Modules/sha1module.c (CPython 3.11).
//!
//! The compression function follows FIPS 180-4.
//!
//! Differences from CPython: the state is a Rust struct inside the object, the block
//! buffering is shared with `_md5` and `_sha256` (`hashlib::Block64`); there is no
//! lock (pyrs runs one thread).

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::Py_TPFLAGS_DISALLOW_INSTANTIATION;
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::bytesobject::PyBytes_FromSlice;
use objects::getargs::{unpack_keywords, ArgSpec};
use objects::longobject::PyLong_FromLong;
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::none;
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::PyUnicode_FromString;

use crate::hashlib::{hash_buffer, hexdigest, Block64};

const SHA1_BLOCKSIZE: i64 = 64;
const SHA1_DIGESTSIZE: i64 = 20;

/// `struct sha1_state`: the chaining value and the buffered block.
#[derive(Clone)]
struct Sha1State {
    state: [u32; 5],
    block: Block64,
}

impl Sha1State {
    fn new() -> Sha1State {
        Sha1State {
            state: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0],
            block: Block64::default(),
        }
    }

    /// `sha1_compress`: eighty steps over one block.
    fn compress(state: &mut [u32; 5], buf: &[u8]) {
        let mut w = [0u32; 80];
        for (v, chunk) in w.iter_mut().zip(buf.chunks_exact(4)) {
            *v = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = *state;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a827999),
                1 => (b ^ c ^ d, 0x6ed9eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1bbcdc),
                _ => (b ^ c ^ d, 0xca62c1d6u32),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (s, v) in state.iter_mut().zip([a, b, c, d, e]) {
            *s = s.wrapping_add(v);
        }
    }

    /// `sha1_process`.
    fn process(&mut self, data: &[u8]) {
        let state = &mut self.state;
        self.block.update(data, |b| Self::compress(state, b));
    }

    /// `sha1_done` on a copy: the 20-byte digest.
    fn done(&self) -> [u8; 20] {
        let mut st = self.clone();
        let state = &mut st.state;
        st.block.finish(true, |b| Self::compress(state, b));
        let mut out = [0u8; 20];
        for (chunk, v) in out.chunks_exact_mut(4).zip(st.state) {
            chunk.copy_from_slice(&v.to_be_bytes());
        }
        out
    }
}

/// `SHA1object`: a SHA-1 hash in progress.
#[repr(C)]
pub struct SHA1object {
    pub ob_base: PyObject,
    hash_state: PyCell<Sha1State>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for SHA1object {}

fn as_sha1(obj: &PyObject) -> &SHA1object {
    // SAFETY: the methods and getters are only called on instances of `SHA1type`.
    unsafe { &*(obj as *const PyObject as *const SHA1object) }
}

fn newSHA1object(state: Sha1State) -> PyObjectRef {
    // SAFETY: `SHA1type`'s basic size is `SHA1object`'s.
    unsafe {
        alloc_object(
            &SHA1type,
            SHA1object {
                ob_base: PyObject_HEAD_INIT,
                hash_state: PyCell::new(state),
            },
        )
    }
    .into_object()
}

unsafe fn SHA1_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead SHA-1 object.
    unsafe { dealloc_object::<SHA1object>(op) }
}

fn state_of(obj: &PyObject) -> Sha1State {
    // SAFETY: no Python code runs while the state is borrowed.
    unsafe { as_sha1(obj).hash_state.get_ref() }.clone()
}

/// `SHA1Type.copy()`.
fn SHA1Type_copy(obj: &PyObject) -> PyResult {
    Ok(newSHA1object(state_of(obj)))
}

/// `SHA1Type.digest()`.
fn SHA1Type_digest(obj: &PyObject) -> PyResult {
    // SAFETY: no Python code runs while the state is borrowed.
    let digest = unsafe { as_sha1(obj).hash_state.get_ref() }.done();
    Ok(PyBytes_FromSlice(&digest))
}

/// `SHA1Type.hexdigest()`.
fn SHA1Type_hexdigest(obj: &PyObject) -> PyResult {
    // SAFETY: no Python code runs while the state is borrowed.
    let digest = unsafe { as_sha1(obj).hash_state.get_ref() }.done();
    Ok(hexdigest(&digest))
}

/// `SHA1Type.update(obj, /)`.
fn SHA1Type_update(obj: &PyObject, data: &PyObject) -> PyResult {
    let buf = hash_buffer(data)?;
    // SAFETY: no Python code runs while the state is borrowed.
    unsafe { as_sha1(obj).hash_state.get_mut() }.process(&buf);
    Ok(none())
}

fn SHA1_get_block_size(_obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(SHA1_BLOCKSIZE))
}

fn SHA1_get_name(_obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("sha1"))
}

fn sha1_get_digest_size(_obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(SHA1_DIGESTSIZE))
}

static SHA1_methods: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "copy",
        PyCFunction::NoArgs(SHA1Type_copy),
        "copy($self, /)\n--\n\nReturn a copy of the hash object.",
    ),
    PyMethodDef::new(
        "digest",
        PyCFunction::NoArgs(SHA1Type_digest),
        "digest($self, /)\n--\n\nReturn the digest value as a bytes object.",
    ),
    PyMethodDef::new(
        "hexdigest",
        PyCFunction::NoArgs(SHA1Type_hexdigest),
        "hexdigest($self, /)\n--\n\nReturn the digest value as a string of hexadecimal digits.",
    ),
    PyMethodDef::new(
        "update",
        PyCFunction::O(SHA1Type_update),
        "update($self, obj, /)\n--\n\nUpdate this hash object's state with the provided string.",
    ),
];

static SHA1_getseters: [PyGetSetDef; 3] = [
    PyGetSetDef::getter("block_size", SHA1_get_block_size),
    PyGetSetDef::getter("name", SHA1_get_name),
    PyGetSetDef::getter("digest_size", sha1_get_digest_size),
];

pub static SHA1type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_sha1.sha1",
    tp_basicsize: Cell::new(size_of::<SHA1object>()),
    tp_dealloc: slot(SHA1_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DISALLOW_INSTANTIATION),
    tp_methods: &SHA1_methods,
    tp_getset: &SHA1_getseters,
    ..PyTypeObject::DEFAULT
};

/// `_sha1.sha1(string=b'', *, usedforsecurity=True)`.
fn _sha1_sha1(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "sha1",
            names: &["string", "usedforsecurity"],
            posonly: 0,
            maxpos: 1,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let mut state = Sha1State::new();
    if let Some(data) = &a[0] {
        state.process(&hash_buffer(data)?);
    }
    Ok(newSHA1object(state))
}

static SHA1_functions: [PyMethodDef; 1] = [PyMethodDef::new(
    "sha1",
    PyCFunction::FastKw(_sha1_sha1),
    "sha1($module, /, string=b'', *, usedforsecurity=True)\n--\n\nReturn a new SHA1 hash object; optionally initialized with a string.",
)];

/// Make the `_sha1` module (`PyInit__sha1`).
pub fn PyInit__sha1() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&SHA1type)?;
    let m = PyModule_New("_sha1")?;
    PyModule_AddFunctions(&m, &SHA1_functions)?;
    PyModule_AddObject(&m, "SHA1Type", SHA1type.as_object())?;
    Ok(m)
}
