//! The `_sha256` module: SHA-256 and SHA-224 hash objects, which `hashlib` falls
//! back to when there is no OpenSSL. Mirrors Modules/sha256module.c (CPython 3.11).
//!
//! The compression function follows FIPS 180-4; the round constants and initial
//! values are the standard's.
//!
//! Differences from CPython: the state is a Rust struct inside the object, the block
//! buffering is shared with `_md5` and `_sha1` (`hashlib::Block64`); there is no
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

const SHA_BLOCKSIZE: i64 = 64;

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// `sha_init`'s initial value.
const H256: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// `sha224_init`'s initial value.
const H224: [u32; 8] = [
    0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
];

/// `SHA_INFO` without its digest size (kept on the object): the chaining value and
/// the buffered block.
#[derive(Clone)]
struct Sha256State {
    digest: [u32; 8],
    block: Block64,
}

impl Sha256State {
    fn new(init: &[u32; 8]) -> Sha256State {
        Sha256State {
            digest: *init,
            block: Block64::default(),
        }
    }

    /// `sha_transform`: compress one 64-byte block into the chaining value.
    fn transform(digest: &mut [u32; 8], block: &[u8]) {
        let mut w = [0u32; 64];
        for (v, chunk) in w.iter_mut().zip(block.chunks_exact(4)) {
            *v = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *digest;
        for (k, wi) in K.iter().zip(w) {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(*k)
                .wrapping_add(wi);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            h = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (slot, v) in digest.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *slot = slot.wrapping_add(v);
        }
    }

    /// `sha_update`.
    fn update(&mut self, data: &[u8]) {
        let digest = &mut self.digest;
        self.block.update(data, |b| Self::transform(digest, b));
    }

    /// `sha_final` on a copy: the full 32-byte digest.
    fn finish(&self) -> [u8; 32] {
        let mut st = self.clone();
        let digest = &mut st.digest;
        st.block.finish(true, |b| Self::transform(digest, b));
        let mut out = [0u8; 32];
        for (chunk, v) in out.chunks_exact_mut(4).zip(st.digest) {
            chunk.copy_from_slice(&v.to_be_bytes());
        }
        out
    }
}

/// `SHAobject`: a SHA-256 or SHA-224 hash in progress.
#[repr(C)]
pub struct SHAobject {
    pub ob_base: PyObject,
    state: PyCell<Sha256State>,
    /// 32 for SHA-256, 28 for SHA-224.
    digestsize: Cell<usize>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for SHAobject {}

fn as_sha(obj: &PyObject) -> &SHAobject {
    // SAFETY: the methods and getters are only called on instances of the two types.
    unsafe { &*(obj as *const PyObject as *const SHAobject) }
}

fn new_sha_object(tp: &PyTypeObject, state: Sha256State, digestsize: usize) -> PyObjectRef {
    // SAFETY: `tp` is one of the two hash types, whose basic size is `SHAobject`'s.
    unsafe {
        alloc_object(
            tp,
            SHAobject {
                ob_base: PyObject_HEAD_INIT,
                state: PyCell::new(state),
                digestsize: Cell::new(digestsize),
            },
        )
    }
    .into_object()
}

impl SHAobject {
    fn digest_bytes(&self) -> Vec<u8> {
        // SAFETY: no Python code runs while the state is borrowed.
        let full = unsafe { self.state.get_ref() }.finish();
        full[..self.digestsize.get()].to_vec()
    }
}

unsafe fn SHA_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead hash object.
    unsafe { dealloc_object::<SHAobject>(op) }
}

/// `SHA256Type.copy()`.
fn SHA256Type_copy(obj: &PyObject) -> PyResult {
    let s = as_sha(obj);
    // SAFETY: no Python code runs while the state is borrowed.
    let state = unsafe { s.state.get_ref() }.clone();
    Ok(new_sha_object(obj.ob_type(), state, s.digestsize.get()))
}

/// `SHA256Type.digest()`.
fn SHA256Type_digest(obj: &PyObject) -> PyResult {
    Ok(PyBytes_FromSlice(&as_sha(obj).digest_bytes()))
}

/// `SHA256Type.hexdigest()`.
fn SHA256Type_hexdigest(obj: &PyObject) -> PyResult {
    Ok(hexdigest(&as_sha(obj).digest_bytes()))
}

/// `SHA256Type.update(obj, /)`.
fn SHA256Type_update(obj: &PyObject, data: &PyObject) -> PyResult {
    let buf = hash_buffer(data)?;
    // SAFETY: no Python code runs while the state is borrowed.
    unsafe { as_sha(obj).state.get_mut() }.update(&buf);
    Ok(none())
}

fn SHA256_get_block_size(_obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(SHA_BLOCKSIZE))
}

fn SHA256_get_name(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(
        if as_sha(obj).digestsize.get() == 32 {
            "sha256"
        } else {
            "sha224"
        },
    ))
}

fn SHA256_get_digest_size(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(as_sha(obj).digestsize.get() as i64))
}

static SHA_methods: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "copy",
        PyCFunction::NoArgs(SHA256Type_copy),
        "copy($self, /)\n--\n\nReturn a copy of the hash object.",
    ),
    PyMethodDef::new(
        "digest",
        PyCFunction::NoArgs(SHA256Type_digest),
        "digest($self, /)\n--\n\nReturn the digest value as a bytes object.",
    ),
    PyMethodDef::new(
        "hexdigest",
        PyCFunction::NoArgs(SHA256Type_hexdigest),
        "hexdigest($self, /)\n--\n\nReturn the digest value as a string of hexadecimal digits.",
    ),
    PyMethodDef::new(
        "update",
        PyCFunction::O(SHA256Type_update),
        "update($self, obj, /)\n--\n\nUpdate this hash object's state with the provided string.",
    ),
];

static SHA_getseters: [PyGetSetDef; 3] = [
    PyGetSetDef::getter("block_size", SHA256_get_block_size),
    PyGetSetDef::getter("name", SHA256_get_name),
    PyGetSetDef::getter("digest_size", SHA256_get_digest_size),
];

pub static SHA224type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_sha256.sha224",
    tp_basicsize: Cell::new(size_of::<SHAobject>()),
    tp_dealloc: slot(SHA_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DISALLOW_INSTANTIATION),
    tp_methods: &SHA_methods,
    tp_getset: &SHA_getseters,
    ..PyTypeObject::DEFAULT
};

pub static SHA256type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_sha256.sha256",
    tp_basicsize: Cell::new(size_of::<SHAobject>()),
    tp_dealloc: slot(SHA_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DISALLOW_INSTANTIATION),
    tp_methods: &SHA_methods,
    tp_getset: &SHA_getseters,
    ..PyTypeObject::DEFAULT
};

/// The shared argument parsing of `sha256()` and `sha224()`:
/// `(string=b'', *, usedforsecurity=True)`.
fn new_hash(
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    tp: &PyTypeObject,
    init: &[u32; 8],
    digestsize: usize,
) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname,
            names: &["string", "usedforsecurity"],
            posonly: 0,
            maxpos: 1,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let mut state = Sha256State::new(init);
    if let Some(data) = &a[0] {
        state.update(&hash_buffer(data)?);
    }
    Ok(new_sha_object(tp, state, digestsize))
}

/// `_sha256.sha256(string=b'', *, usedforsecurity=True)`.
fn _sha256_sha256(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    new_hash("sha256", args, kwnames, &SHA256type, &H256, 32)
}

/// `_sha256.sha224(string=b'', *, usedforsecurity=True)`.
fn _sha256_sha224(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    new_hash("sha224", args, kwnames, &SHA224type, &H224, 28)
}

static SHA_functions: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "sha256",
        PyCFunction::FastKw(_sha256_sha256),
        "sha256($module, /, string=b'', *, usedforsecurity=True)\n--\n\nReturn a new SHA-256 hash object; optionally initialized with a string.",
    ),
    PyMethodDef::new(
        "sha224",
        PyCFunction::FastKw(_sha256_sha224),
        "sha224($module, /, string=b'', *, usedforsecurity=True)\n--\n\nReturn a new SHA-224 hash object; optionally initialized with a string.",
    ),
];

/// Make the `_sha256` module (`PyInit__sha256`).
pub fn PyInit__sha256() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&SHA224type)?;
    PyType_Ready(&SHA256type)?;
    let m = PyModule_New("_sha256")?;
    PyModule_AddFunctions(&m, &SHA_functions)?;
    PyModule_AddObject(&m, "SHA224Type", SHA224type.as_object())?;
    PyModule_AddObject(&m, "SHA256Type", SHA256type.as_object())?;
    Ok(m)
}
