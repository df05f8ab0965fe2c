//! The `_md5` module: the MD5 hash object that `hashlib.md5` falls back to when
//! there is no OpenSSL. Mirrors Modules/md5module.c (CPython 3.11).
//!
//! The compression function follows RFC 1321; the sine-derived constants are the
//! RFC's.
//!
//! Differences from CPython: the state is a Rust struct inside the object, the block
//! buffering is shared with `_sha1` and `_sha256` (`hashlib::Block64`); there is no
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

const MD5_BLOCKSIZE: i64 = 64;
const MD5_DIGESTSIZE: i64 = 16;

/// The per-round additive constants, `floor(abs(sin(i + 1)) * 2**32)`.
const T: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

/// The left-rotation amounts, four per round.
const S: [[u32; 4]; 4] = [
    [7, 12, 17, 22],
    [5, 9, 14, 20],
    [4, 11, 16, 23],
    [6, 10, 15, 21],
];

/// `struct md5_state`: the chaining value and the buffered block.
#[derive(Clone)]
struct Md5State {
    state: [u32; 4],
    block: Block64,
}

impl Md5State {
    fn new() -> Md5State {
        Md5State {
            state: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476],
            block: Block64::default(),
        }
    }

    /// `md5_compress`: the four rounds of sixteen steps over one block.
    fn compress(state: &mut [u32; 4], buf: &[u8]) {
        let mut x = [0u32; 16];
        for (w, chunk) in x.iter_mut().zip(buf.chunks_exact(4)) {
            *w = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        let [mut a, mut b, mut c, mut d] = *state;
        // One step: the round's function of b, c, d, a message word, a constant and
        // a rotation; then the registers shift along. The four rounds are separate
        // loops so that each one's function is fixed (about 3 times faster than
        // choosing it per step).
        macro_rules! round {
            ($range:expr, $f:expr, $g:expr) => {
                for i in $range {
                    let f: u32 = $f(b, c, d);
                    let t = a
                        .wrapping_add(f)
                        .wrapping_add(x[$g(i)])
                        .wrapping_add(T[i])
                        .rotate_left(S[i / 16][i % 4]);
                    a = d;
                    d = c;
                    c = b;
                    b = b.wrapping_add(t);
                }
            };
        }
        round!(
            0..16,
            |b: u32, c: u32, d: u32| (b & c) | (!b & d),
            |i: usize| i
        );
        round!(
            16..32,
            |b: u32, c: u32, d: u32| (d & b) | (!d & c),
            |i: usize| (5 * i + 1) % 16
        );
        round!(32..48, |b: u32, c: u32, d: u32| b ^ c ^ d, |i: usize| (3
            * i
            + 5)
            % 16);
        round!(48..64, |b: u32, c: u32, d: u32| c ^ (b | !d), |i: usize| (7
            * i)
            % 16);
        for (s, v) in state.iter_mut().zip([a, b, c, d]) {
            *s = s.wrapping_add(v);
        }
    }

    /// `md5_process`.
    fn process(&mut self, data: &[u8]) {
        let state = &mut self.state;
        self.block.update(data, |b| Self::compress(state, b));
    }

    /// `md5_done` on a copy: the 16-byte digest.
    fn done(&self) -> [u8; 16] {
        let mut st = self.clone();
        let state = &mut st.state;
        st.block.finish(false, |b| Self::compress(state, b));
        let mut out = [0u8; 16];
        for (chunk, v) in out.chunks_exact_mut(4).zip(st.state) {
            chunk.copy_from_slice(&v.to_le_bytes());
        }
        out
    }
}

/// `MD5object`: an MD5 hash in progress.
#[repr(C)]
pub struct MD5object {
    pub ob_base: PyObject,
    hash_state: PyCell<Md5State>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for MD5object {}

fn as_md5(obj: &PyObject) -> &MD5object {
    // SAFETY: the methods and getters are only called on instances of `MD5type`.
    unsafe { &*(obj as *const PyObject as *const MD5object) }
}

fn newMD5object(state: Md5State) -> PyObjectRef {
    // SAFETY: `MD5type`'s basic size is `MD5object`'s.
    unsafe {
        alloc_object(
            &MD5type,
            MD5object {
                ob_base: PyObject_HEAD_INIT,
                hash_state: PyCell::new(state),
            },
        )
    }
    .into_object()
}

unsafe fn MD5_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead MD5 object.
    unsafe { dealloc_object::<MD5object>(op) }
}

fn state_of(obj: &PyObject) -> Md5State {
    // SAFETY: no Python code runs while the state is borrowed.
    unsafe { as_md5(obj).hash_state.get_ref() }.clone()
}

/// `MD5Type.copy()`.
fn MD5Type_copy(obj: &PyObject) -> PyResult {
    Ok(newMD5object(state_of(obj)))
}

/// `MD5Type.digest()`.
fn MD5Type_digest(obj: &PyObject) -> PyResult {
    // SAFETY: no Python code runs while the state is borrowed.
    let digest = unsafe { as_md5(obj).hash_state.get_ref() }.done();
    Ok(PyBytes_FromSlice(&digest))
}

/// `MD5Type.hexdigest()`.
fn MD5Type_hexdigest(obj: &PyObject) -> PyResult {
    // SAFETY: no Python code runs while the state is borrowed.
    let digest = unsafe { as_md5(obj).hash_state.get_ref() }.done();
    Ok(hexdigest(&digest))
}

/// `MD5Type.update(obj, /)`.
fn MD5Type_update(obj: &PyObject, data: &PyObject) -> PyResult {
    let buf = hash_buffer(data)?;
    // SAFETY: no Python code runs while the state is borrowed.
    unsafe { as_md5(obj).hash_state.get_mut() }.process(&buf);
    Ok(none())
}

fn MD5_get_block_size(_obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(MD5_BLOCKSIZE))
}

fn MD5_get_name(_obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("md5"))
}

fn md5_get_digest_size(_obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(MD5_DIGESTSIZE))
}

static MD5_methods: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "copy",
        PyCFunction::NoArgs(MD5Type_copy),
        "copy($self, /)\n--\n\nReturn a copy of the hash object.",
    ),
    PyMethodDef::new(
        "digest",
        PyCFunction::NoArgs(MD5Type_digest),
        "digest($self, /)\n--\n\nReturn the digest value as a bytes object.",
    ),
    PyMethodDef::new(
        "hexdigest",
        PyCFunction::NoArgs(MD5Type_hexdigest),
        "hexdigest($self, /)\n--\n\nReturn the digest value as a string of hexadecimal digits.",
    ),
    PyMethodDef::new(
        "update",
        PyCFunction::O(MD5Type_update),
        "update($self, obj, /)\n--\n\nUpdate this hash object's state with the provided string.",
    ),
];

static MD5_getseters: [PyGetSetDef; 3] = [
    PyGetSetDef::getter("block_size", MD5_get_block_size),
    PyGetSetDef::getter("name", MD5_get_name),
    PyGetSetDef::getter("digest_size", md5_get_digest_size),
];

pub static MD5type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_md5.md5",
    tp_basicsize: Cell::new(size_of::<MD5object>()),
    tp_dealloc: slot(MD5_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DISALLOW_INSTANTIATION),
    tp_methods: &MD5_methods,
    tp_getset: &MD5_getseters,
    ..PyTypeObject::DEFAULT
};

/// `_md5.md5(string=b'', *, usedforsecurity=True)`.
fn _md5_md5(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "md5",
            names: &["string", "usedforsecurity"],
            posonly: 0,
            maxpos: 1,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let mut state = Md5State::new();
    if let Some(data) = &a[0] {
        state.process(&hash_buffer(data)?);
    }
    Ok(newMD5object(state))
}

static MD5_functions: [PyMethodDef; 1] = [PyMethodDef::new(
    "md5",
    PyCFunction::FastKw(_md5_md5),
    "md5($module, /, string=b'', *, usedforsecurity=True)\n--\n\nReturn a new MD5 hash object; optionally initialized with a string.",
)];

/// Make the `_md5` module (`PyInit__md5`).
pub fn PyInit__md5() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&MD5type)?;
    let m = PyModule_New("_md5")?;
    PyModule_AddFunctions(&m, &MD5_functions)?;
    PyModule_AddObject(&m, "MD5Type", MD5type.as_object())?;
    Ok(m)
}
