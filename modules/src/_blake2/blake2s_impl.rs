//! The `_blake2.blake2s` type and the BLAKE2s compression it runs. Mirrors
//! Modules/_blake2/blake2s_impl.c (CPython 3.11) and the reference BLAKE2s of
//! Modules/_blake2/impl/blake2s-ref.c (RFC 7693).
//!
//! Like CPython's, this file is blake2b_impl.rs with "2b" turned into "2s" and the
//! constants block swapped for BLAKE2s's; keep the two in step.
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
use objects::object::{none, PyObject_IsTrue};
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::r#abstract::buffer_simple_to_vec;
use objects::typeobject::PyType_Type;
use objects::unicodeobject::PyUnicode_FromString;

use crate::_io::int_arg;
use crate::hashlib::{hash_buffer, hexdigest, unsigned_long_arg, unsigned_long_long_arg};

// --- BLAKE2s's constants (blake2.h, blake2s-ref.c) ----------------------------------

/// The state's word.
type Word = u32;
pub const BLAKE2S_BLOCKBYTES: usize = 64;
pub const BLAKE2S_OUTBYTES: usize = 32;
pub const BLAKE2S_KEYBYTES: usize = 32;
pub const BLAKE2S_SALTBYTES: usize = 8;
pub const BLAKE2S_PERSONALBYTES: usize = 8;
/// The G function's rotations.
const R: [u32; 4] = [16, 12, 8, 7];
const ROUNDS: usize = 10;
/// `blake2s_IV`: SHA-256's initial value.
const BLAKE2S_IV: [Word; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];
/// The parameter block's `node_offset` field: 6 bytes in BLAKE2s (2**48 - 1 at most).
const NODE_OFFSET_BYTES: usize = 6;
/// Where the salt starts in the parameter block.
const SALT_OFFSET: usize = 16;

// --- The hash (blake2s-ref.c) ---------------------------------------------------------

const WORD_BYTES: usize = size_of::<Word>();

/// The message schedule's permutations; rounds past ten reuse the first rows.
const BLAKE2_SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

fn load_word(b: &[u8]) -> Word {
    let mut w = [0u8; WORD_BYTES];
    w.copy_from_slice(&b[..WORD_BYTES]);
    Word::from_le_bytes(w)
}

/// `blake2s_param`: the tree-hashing parameters, serialised into the parameter
/// block that is XORed into the initial value.
#[derive(Clone, Default)]
struct blake2s_param {
    digest_length: u8,
    key_length: u8,
    fanout: u8,
    depth: u8,
    leaf_length: u32,
    node_offset: u64,
    node_depth: u8,
    inner_length: u8,
    salt: [u8; BLAKE2S_SALTBYTES],
    personal: [u8; BLAKE2S_PERSONALBYTES],
}

impl blake2s_param {
    fn block(&self) -> [u8; 8 * WORD_BYTES] {
        let mut p = [0u8; 8 * WORD_BYTES];
        p[0] = self.digest_length;
        p[1] = self.key_length;
        p[2] = self.fanout;
        p[3] = self.depth;
        p[4..8].copy_from_slice(&self.leaf_length.to_le_bytes());
        p[8..8 + NODE_OFFSET_BYTES]
            .copy_from_slice(&self.node_offset.to_le_bytes()[..NODE_OFFSET_BYTES]);
        p[8 + NODE_OFFSET_BYTES] = self.node_depth;
        p[9 + NODE_OFFSET_BYTES] = self.inner_length;
        p[SALT_OFFSET..SALT_OFFSET + BLAKE2S_SALTBYTES].copy_from_slice(&self.salt);
        p[SALT_OFFSET + BLAKE2S_SALTBYTES..].copy_from_slice(&self.personal);
        p
    }
}

/// `blake2s_state`: chaining value, byte counter, finalisation flags and the block
/// held back until more data (or the end) arrives.
#[derive(Clone)]
struct blake2s_state {
    h: [Word; 8],
    t: [Word; 2],
    f: [Word; 2],
    buf: [u8; BLAKE2S_BLOCKBYTES],
    buflen: usize,
    outlen: usize,
    last_node: bool,
}

impl blake2s_state {
    /// `blake2s_init_param`.
    fn init_param(p: &blake2s_param) -> blake2s_state {
        let block = p.block();
        let mut h = BLAKE2S_IV;
        for (i, v) in h.iter_mut().enumerate() {
            *v ^= load_word(&block[i * WORD_BYTES..]);
        }
        blake2s_state {
            h,
            t: [0; 2],
            f: [0; 2],
            buf: [0; BLAKE2S_BLOCKBYTES],
            buflen: 0,
            outlen: usize::from(p.digest_length),
            last_node: false,
        }
    }

    fn increment_counter(&mut self, inc: usize) {
        self.t[0] = self.t[0].wrapping_add(inc as Word);
        if self.t[0] < inc as Word {
            self.t[1] = self.t[1].wrapping_add(1);
        }
    }

    /// `blake2s_compress`: mix one block into the chaining value.
    fn compress(&mut self, block: &[u8]) {
        let mut m: [Word; 16] = [0; 16];
        for (i, w) in m.iter_mut().enumerate() {
            *w = load_word(&block[i * WORD_BYTES..]);
        }
        let mut v: [Word; 16] = [0; 16];
        v[..8].copy_from_slice(&self.h);
        v[8..].copy_from_slice(&BLAKE2S_IV);
        v[12] ^= self.t[0];
        v[13] ^= self.t[1];
        v[14] ^= self.f[0];
        v[15] ^= self.f[1];
        let g = |v: &mut [Word; 16], a: usize, b: usize, c: usize, d: usize, x: Word, y: Word| {
            v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
            v[d] = (v[d] ^ v[a]).rotate_right(R[0]);
            v[c] = v[c].wrapping_add(v[d]);
            v[b] = (v[b] ^ v[c]).rotate_right(R[1]);
            v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
            v[d] = (v[d] ^ v[a]).rotate_right(R[2]);
            v[c] = v[c].wrapping_add(v[d]);
            v[b] = (v[b] ^ v[c]).rotate_right(R[3]);
        };
        for r in 0..ROUNDS {
            let s = &BLAKE2_SIGMA[r % 10];
            g(&mut v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            g(&mut v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            g(&mut v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            g(&mut v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            g(&mut v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            g(&mut v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            g(&mut v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            g(&mut v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for i in 0..8 {
            self.h[i] ^= v[i] ^ v[i + 8];
        }
    }

    /// `blake2s_update`: a full buffer is compressed only once more input arrives,
    /// since the last block is compressed with the finalisation flag.
    fn update(&mut self, mut input: &[u8]) {
        if input.is_empty() {
            return;
        }
        let fill = BLAKE2S_BLOCKBYTES - self.buflen;
        if input.len() > fill {
            self.buf[self.buflen..].copy_from_slice(&input[..fill]);
            self.buflen = 0;
            self.increment_counter(BLAKE2S_BLOCKBYTES);
            let block = self.buf;
            self.compress(&block);
            input = &input[fill..];
            while input.len() > BLAKE2S_BLOCKBYTES {
                self.increment_counter(BLAKE2S_BLOCKBYTES);
                self.compress(&input[..BLAKE2S_BLOCKBYTES]);
                input = &input[BLAKE2S_BLOCKBYTES..];
            }
        }
        self.buf[self.buflen..self.buflen + input.len()].copy_from_slice(input);
        self.buflen += input.len();
    }

    /// `blake2s_final` on a copy: the digest.
    fn finish(&self) -> Vec<u8> {
        let mut s = self.clone();
        s.increment_counter(s.buflen);
        s.f[0] = Word::MAX;
        if s.last_node {
            s.f[1] = Word::MAX;
        }
        s.buf[s.buflen..].fill(0);
        let block = s.buf;
        s.compress(&block);
        let mut out: Vec<u8> = s.h.iter().flat_map(|w| w.to_le_bytes()).collect();
        out.truncate(s.outlen);
        out
    }
}

// --- The Python type (blake2s_impl.c) ---------------------------------------------------

/// `BLAKE2sObject`.
#[repr(C)]
pub struct BLAKE2sObject {
    pub ob_base: PyObject,
    param: PyCell<blake2s_param>,
    state: PyCell<blake2s_state>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for BLAKE2sObject {}

fn as_blake2s(obj: &PyObject) -> &BLAKE2sObject {
    // SAFETY: the methods and getters are only called on `blake2s` instances.
    unsafe { &*(obj as *const PyObject as *const BLAKE2sObject) }
}

fn new_BLAKE2sObject(param: blake2s_param, state: blake2s_state) -> PyObjectRef {
    // SAFETY: the type's basic size is `BLAKE2sObject`'s; it cannot be subclassed.
    unsafe {
        alloc_object(
            &PyBlake2_BLAKE2sType,
            BLAKE2sObject {
                ob_base: PyObject_HEAD_INIT,
                param: PyCell::new(param),
                state: PyCell::new(state),
            },
        )
    }
    .into_object()
}

/// A `Py_buffer` argument (`key`, `salt`, `person`), empty when not given.
fn small_buffer(obj: &Option<PyObjectRef>) -> PyResult<Vec<u8>> {
    match obj {
        Some(o) => buffer_simple_to_vec(o),
        None => Ok(Vec::new()),
    }
}

/// `blake2s(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'',
/// fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0,
/// last_node=False, usedforsecurity=True)`: `py_blake2s_new_impl`.
fn py_blake2s_new(
    _tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "blake2s",
            names: &[
                "",
                "digest_size",
                "key",
                "salt",
                "person",
                "fanout",
                "depth",
                "leaf_size",
                "node_offset",
                "node_depth",
                "inner_size",
                "last_node",
                "usedforsecurity",
            ],
            posonly: 1,
            maxpos: 1,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    // Argument Clinic converts every argument, in order, before the checks.
    let int_or = |i: usize, default: i32| a[i].as_deref().map_or(Ok(default), int_arg);
    let digest_size = int_or(1, BLAKE2S_OUTBYTES as i32)?;
    let key = small_buffer(&a[2])?;
    let salt = small_buffer(&a[3])?;
    let person = small_buffer(&a[4])?;
    let fanout = int_or(5, 1)?;
    let depth = int_or(6, 1)?;
    let leaf_size = a[7].as_deref().map_or(Ok(0), unsigned_long_arg)?;
    let node_offset = a[8].as_deref().map_or(Ok(0), unsigned_long_long_arg)?;
    let node_depth = int_or(9, 0)?;
    let inner_size = int_or(10, 0)?;
    let last_node = a[11].as_deref().map_or(Ok(false), PyObject_IsTrue)?;

    let mut param = blake2s_param::default();
    if digest_size <= 0 || digest_size as usize > BLAKE2S_OUTBYTES {
        return Err(value_error(format!(
            "digest_size must be between 1 and {BLAKE2S_OUTBYTES} bytes"
        )));
    }
    param.digest_length = digest_size as u8;
    if salt.len() > BLAKE2S_SALTBYTES {
        return Err(value_error(format!(
            "maximum salt length is {BLAKE2S_SALTBYTES} bytes"
        )));
    }
    param.salt[..salt.len()].copy_from_slice(&salt);
    if person.len() > BLAKE2S_PERSONALBYTES {
        return Err(value_error(format!(
            "maximum person length is {BLAKE2S_PERSONALBYTES} bytes"
        )));
    }
    param.personal[..person.len()].copy_from_slice(&person);
    if !(0..=255).contains(&fanout) {
        return Err(value_error("fanout must be between 0 and 255"));
    }
    param.fanout = fanout as u8;
    if !(1..=255).contains(&depth) {
        return Err(value_error("depth must be between 1 and 255"));
    }
    param.depth = depth as u8;
    param.leaf_length =
        u32::try_from(leaf_size).map_err(|_| overflow_error("leaf_size is too large"))?;
    if NODE_OFFSET_BYTES < 8 && node_offset >> (8 * NODE_OFFSET_BYTES) != 0 {
        return Err(overflow_error("node_offset is too large"));
    }
    param.node_offset = node_offset;
    if !(0..=255).contains(&node_depth) {
        return Err(value_error("node_depth must be between 0 and 255"));
    }
    param.node_depth = node_depth as u8;
    if inner_size < 0 || inner_size as usize > BLAKE2S_OUTBYTES {
        return Err(value_error(format!(
            "inner_size must be between 0 and is {BLAKE2S_OUTBYTES}"
        )));
    }
    param.inner_length = inner_size as u8;
    if key.len() > BLAKE2S_KEYBYTES {
        return Err(value_error(format!(
            "maximum key length is {BLAKE2S_KEYBYTES} bytes"
        )));
    }
    param.key_length = key.len() as u8;

    let mut state = blake2s_state::init_param(&param);
    // The last-node flag is set after initialisation, as CPython does.
    state.last_node = last_node;
    if !key.is_empty() {
        let mut block = [0u8; BLAKE2S_BLOCKBYTES];
        block[..key.len()].copy_from_slice(&key);
        state.update(&block);
    }
    if let Some(data) = &a[0] {
        state.update(&hash_buffer(data)?);
    }
    Ok(new_BLAKE2sObject(param, state))
}

fn digest_of(obj: &PyObject) -> Vec<u8> {
    // SAFETY: no Python code runs while the state is borrowed.
    unsafe { as_blake2s(obj).state.get_ref() }.finish()
}

/// `_blake2.blake2s.copy()`.
fn _blake2_blake2s_copy(obj: &PyObject) -> PyResult {
    let s = as_blake2s(obj);
    // SAFETY: no Python code runs while the state is borrowed.
    let (param, state) = unsafe { (s.param.get_ref().clone(), s.state.get_ref().clone()) };
    Ok(new_BLAKE2sObject(param, state))
}

/// `_blake2.blake2s.update(data, /)`.
fn _blake2_blake2s_update(obj: &PyObject, data: &PyObject) -> PyResult {
    let buf = hash_buffer(data)?;
    // SAFETY: no Python code runs while the state is borrowed.
    unsafe { as_blake2s(obj).state.get_mut() }.update(&buf);
    Ok(none())
}

/// `_blake2.blake2s.digest()`.
fn _blake2_blake2s_digest(obj: &PyObject) -> PyResult {
    Ok(PyBytes_FromVec(digest_of(obj)))
}

/// `_blake2.blake2s.hexdigest()`.
fn _blake2_blake2s_hexdigest(obj: &PyObject) -> PyResult {
    Ok(hexdigest(&digest_of(obj)))
}

fn py_blake2s_get_name(_obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("blake2s"))
}

fn py_blake2s_get_block_size(_obj: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(BLAKE2S_BLOCKBYTES as i64))
}

fn py_blake2s_get_digest_size(obj: &PyObject) -> PyResult {
    // SAFETY: no Python code runs while the parameters are borrowed.
    let p = unsafe { as_blake2s(obj).param.get_ref() };
    Ok(PyLong_FromLong(i64::from(p.digest_length)))
}

unsafe fn py_blake2s_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead `blake2s` object.
    unsafe { dealloc_object::<BLAKE2sObject>(op) }
}

static py_blake2s_methods: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "copy",
        PyCFunction::NoArgs(_blake2_blake2s_copy),
        "copy($self, /)\n--\n\nReturn a copy of the hash object.",
    ),
    PyMethodDef::new(
        "digest",
        PyCFunction::NoArgs(_blake2_blake2s_digest),
        "digest($self, /)\n--\n\nReturn the digest value as a bytes object.",
    ),
    PyMethodDef::new(
        "hexdigest",
        PyCFunction::NoArgs(_blake2_blake2s_hexdigest),
        "hexdigest($self, /)\n--\n\nReturn the digest value as a string of hexadecimal digits.",
    ),
    PyMethodDef::new(
        "update",
        PyCFunction::O(_blake2_blake2s_update),
        "update($self, data, /)\n--\n\nUpdate this hash object's state with the provided bytes-like object.",
    ),
];

static py_blake2s_getsetters: [PyGetSetDef; 3] = [
    PyGetSetDef::getter("name", py_blake2s_get_name),
    PyGetSetDef::getter("block_size", py_blake2s_get_block_size),
    PyGetSetDef::getter("digest_size", py_blake2s_get_digest_size),
];

pub static PyBlake2_BLAKE2sType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_blake2.blake2s",
    tp_basicsize: Cell::new(size_of::<BLAKE2sObject>()),
    tp_dealloc: slot(py_blake2s_dealloc),
    tp_doc: Some("blake2s(data=b'', /, *, digest_size=_blake2.blake2s.MAX_DIGEST_SIZE,\n        key=b'', salt=b'', person=b'', fanout=1, depth=1, leaf_size=0,\n        node_offset=0, node_depth=0, inner_size=0, last_node=False,\n        usedforsecurity=True)\n--\n\nReturn a new BLAKE2s hash object."),
    tp_methods: &py_blake2s_methods,
    tp_getset: &py_blake2s_getsetters,
    tp_new: slot(py_blake2s_new),
    ..PyTypeObject::DEFAULT
};
