//! The `_sha512` module: SHA-512 and SHA-384 hash objects. Mirrors
//! Modules/sha512module.c (CPython 3.11), which `hashlib` falls back to and which
//! `random.seed` uses to seed from a str or bytes.
//!
//! The compression function follows FIPS 180-4; the round constants and initial
//! values are the standard's.
//!
//! Differences from CPython: the state is a Rust struct inside the object; there is
//! no lock (pyrs runs one thread).

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

use crate::hashlib::{hash_buffer, hexdigest};
use objects::unicodeobject::PyUnicode_FromString;

const SHA_BLOCKSIZE: usize = 128;

const K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

const H512: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

const H384: [u64; 8] = [
    0xcbbb9d5dc1059ed8,
    0x629a292a367cd507,
    0x9159015a3070dd17,
    0x152fecd8f70e5939,
    0x67332667ffc00b31,
    0x8eb44a8768581511,
    0xdb0c2e0d64f98fa7,
    0x47b5481dbefa4fa4,
];

/// `SHA512state`: the chaining value, the bytes not yet compressed and the total
/// length in bytes.
#[derive(Clone)]
struct Sha512State {
    digest: [u64; 8],
    data: [u8; SHA_BLOCKSIZE],
    local: usize,
    count: u128,
}

impl Sha512State {
    fn new(init: &[u64; 8]) -> Sha512State {
        Sha512State {
            digest: *init,
            data: [0; SHA_BLOCKSIZE],
            local: 0,
            count: 0,
        }
    }

    /// `sha512_transform`: compress one 128-byte block into the chaining value.
    fn transform(digest: &mut [u64; 8], block: &[u8]) {
        let mut w = [0u64; 80];
        for (i, chunk) in block.chunks_exact(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            w[i] = u64::from_be_bytes(b);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *digest;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
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

    /// `sha512_update`.
    fn update(&mut self, mut buffer: &[u8]) {
        self.count = self.count.wrapping_add(buffer.len() as u128);
        if self.local > 0 {
            let take = (SHA_BLOCKSIZE - self.local).min(buffer.len());
            self.data[self.local..self.local + take].copy_from_slice(&buffer[..take]);
            self.local += take;
            buffer = &buffer[take..];
            if self.local < SHA_BLOCKSIZE {
                return;
            }
            let block = self.data;
            Self::transform(&mut self.digest, &block);
            self.local = 0;
        }
        let mut blocks = buffer.chunks_exact(SHA_BLOCKSIZE);
        for block in &mut blocks {
            Self::transform(&mut self.digest, block);
        }
        let rest = blocks.remainder();
        self.data[..rest.len()].copy_from_slice(rest);
        self.local = rest.len();
    }

    /// `sha512_final`: pad a copy of the state and return the full 64-byte digest.
    fn finish(&self) -> [u8; 64] {
        let mut st = self.clone();
        let bit_count = st.count.wrapping_mul(8);
        let mut pad = vec![0x80u8];
        let used = (st.local + 1) % SHA_BLOCKSIZE;
        let zeros = if used <= SHA_BLOCKSIZE - 16 {
            SHA_BLOCKSIZE - 16 - used
        } else {
            2 * SHA_BLOCKSIZE - 16 - used
        };
        pad.resize(1 + zeros, 0);
        pad.extend_from_slice(&bit_count.to_be_bytes());
        let count = st.count;
        st.update(&pad);
        st.count = count;
        let mut out = [0u8; 64];
        for (chunk, v) in out.chunks_exact_mut(8).zip(st.digest) {
            chunk.copy_from_slice(&v.to_be_bytes());
        }
        out
    }
}

/// `SHAobject`: a SHA-512 or SHA-384 hash in progress.
#[repr(C)]
pub struct SHAobject {
    pub ob_base: PyObject,
    state: PyCell<Sha512State>,
    /// 64 for SHA-512, 48 for SHA-384.
    digestsize: Cell<usize>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for SHAobject {}

fn as_sha(obj: &PyObject) -> &SHAobject {
    // SAFETY: the methods and getters are only called on instances of the two types.
    unsafe { &*(obj as *const PyObject as *const SHAobject) }
}

fn new_sha_object(tp: &PyTypeObject, state: Sha512State, digestsize: usize) -> PyObjectRef {
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

unsafe fn sha_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead hash object.
    unsafe { dealloc_object::<SHAobject>(op) }
}

/// `SHA512Type.copy()`: a copy of the hash object.
fn sha512_copy(obj: &PyObject) -> PyResult {
    let s = as_sha(obj);
    // SAFETY: no Python code runs while the state is borrowed.
    let state = unsafe { s.state.get_ref() }.clone();
    Ok(new_sha_object(obj.ob_type(), state, s.digestsize.get()))
}

/// `SHA512Type.digest()`: the digest as bytes.
fn sha512_digest(obj: &PyObject) -> PyResult {
    Ok(PyBytes_FromSlice(&as_sha(obj).digest_bytes()))
}

/// `SHA512Type.hexdigest()`: the digest as a string of hexadecimal digits.
fn sha512_hexdigest(obj: &PyObject) -> PyResult {
    Ok(hexdigest(&as_sha(obj).digest_bytes()))
}

/// `SHA512Type.update(obj, /)`.
fn sha512_update(obj: &PyObject, data: &PyObject) -> PyResult {
    let buf = hash_buffer(data)?;
    // SAFETY: no Python code runs while the state is borrowed.
    unsafe { as_sha(obj).state.get_mut() }.update(&buf);
    Ok(none())
}

fn sha512_get_block_size(_obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(SHA_BLOCKSIZE as i64))
}

fn sha512_get_name(obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString(
        if as_sha(obj).digestsize.get() == 64 {
            "sha512"
        } else {
            "sha384"
        },
    ))
}

fn sha512_get_digest_size(obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(as_sha(obj).digestsize.get() as i64))
}

static SHA_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "copy",
        PyCFunction::NoArgs(sha512_copy),
        "copy($self, /)\n--\n\nReturn a copy of the hash object.",
    ),
    PyMethodDef::new(
        "digest",
        PyCFunction::NoArgs(sha512_digest),
        "digest($self, /)\n--\n\nReturn the digest value as a bytes object.",
    ),
    PyMethodDef::new(
        "hexdigest",
        PyCFunction::NoArgs(sha512_hexdigest),
        "hexdigest($self, /)\n--\n\nReturn the digest value as a string of hexadecimal digits.",
    ),
    PyMethodDef::new(
        "update",
        PyCFunction::O(sha512_update),
        "update($self, obj, /)\n--\n\nUpdate this hash object's state with the provided string.",
    ),
];

static SHA_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef::getter("block_size", sha512_get_block_size),
    PyGetSetDef::getter("name", sha512_get_name),
    PyGetSetDef::getter("digest_size", sha512_get_digest_size),
];

pub static SHA512type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_sha512.sha512",
    tp_basicsize: Cell::new(size_of::<SHAobject>()),
    tp_dealloc: slot(sha_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DISALLOW_INSTANTIATION),
    tp_methods: &SHA_METHODS,
    tp_getset: &SHA_GETSET,
    ..PyTypeObject::DEFAULT
};

pub static SHA384type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_sha512.sha384",
    tp_basicsize: Cell::new(size_of::<SHAobject>()),
    tp_dealloc: slot(sha_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DISALLOW_INSTANTIATION),
    tp_methods: &SHA_METHODS,
    tp_getset: &SHA_GETSET,
    ..PyTypeObject::DEFAULT
};

/// The shared argument parsing of `sha512()` and `sha384()`:
/// `(string=b'', *, usedforsecurity=True)`.
fn new_hash(
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    tp: &PyTypeObject,
    init: &[u64; 8],
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
    let mut state = Sha512State::new(init);
    if let Some(data) = &a[0] {
        state.update(&hash_buffer(data)?);
    }
    Ok(new_sha_object(tp, state, digestsize))
}

/// `_sha512.sha512(string=b'', *, usedforsecurity=True)`.
fn _sha512_sha512(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    new_hash("sha512", args, kwnames, &SHA512type, &H512, 64)
}

/// `_sha512.sha384(string=b'', *, usedforsecurity=True)`.
fn _sha512_sha384(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    new_hash("sha384", args, kwnames, &SHA384type, &H384, 48)
}

static SHA512_FUNCTIONS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "sha512",
        PyCFunction::FastKw(_sha512_sha512),
        "sha512($module, /, string=b'', *, usedforsecurity=True)\n--\n\nReturn a new SHA-512 hash object; optionally initialized with a string.",
    ),
    PyMethodDef::new(
        "sha384",
        PyCFunction::FastKw(_sha512_sha384),
        "sha384($module, /, string=b'', *, usedforsecurity=True)\n--\n\nReturn a new SHA-384 hash object; optionally initialized with a string.",
    ),
];

/// Make the `_sha512` module (`PyInit__sha512`).
pub fn PyInit__sha512() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&SHA384type)?;
    PyType_Ready(&SHA512type)?;
    let m = PyModule_New("_sha512")?;
    PyModule_AddFunctions(&m, &SHA512_FUNCTIONS)?;
    // CPython 3.11 adds both types under the name "SHA384Type", the SHA-512 type
    // second, so that name ends up holding the SHA-512 type (and "SHA512Type" is
    // missing); kept as it is.
    PyModule_AddObject(&m, "SHA384Type", SHA512type.as_object())?;
    Ok(m)
}
