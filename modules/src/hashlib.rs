//! Helpers shared by the hash modules (`_md5`, `_sha1`, `_sha256`, `_sha3`,
//! `_blake2`). Mirrors Modules/hashlib.h (CPython 3.11).
//!
//! Differences from CPython: there is no lock and no `HASHLIB_GIL_MINSIZE` (pyrs runs
//! one thread); the buffer's bytes are copied out before hashing.

use num_traits::ToPrimitive;
use objects::bytesobject::PyBytesObject;
use objects::longobject::PyLongObject;
use objects::prelude::*;
use objects::r#abstract::{buffer_simple_to_vec, PyObject_CheckBuffer};
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

/// `GET_BUFFER_VIEW_OR_ERROUT`: the bytes of an argument to a hash; a str must be
/// encoded first.
pub fn hash_buffer(obj: &PyObject) -> PyResult<Vec<u8>> {
    if obj.downcast_ref::<PyUnicodeObject>().is_some() {
        return Err(type_error("Strings must be encoded before hashing"));
    }
    if !PyObject_CheckBuffer(obj) {
        return Err(type_error("object supporting the buffer API required"));
    }
    if let Some(b) = obj.downcast_ref::<PyBytesObject>() {
        return Ok(b.as_bytes().to_vec());
    }
    buffer_simple_to_vec(obj)
}

/// `_Py_strhex`: a digest as a str of lowercase hexadecimal digits.
pub fn hexdigest(digest: &[u8]) -> PyObjectRef {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(digest.len() * 2);
    for b in digest {
        s.push(HEX[usize::from(b >> 4)] as char);
        s.push(HEX[usize::from(b & 15)] as char);
    }
    PyUnicode_FromString(&s)
}

/// The block buffering that MD5, SHA-1 and SHA-224/256 share (64-byte blocks, the
/// message length in bits appended after a 0x80 byte and zero padding). CPython's
/// three files each carry a copy of this (`md5_process`/`md5_done`,
/// `sha1_process`/`sha1_done`, `sha_update`/`sha_final`).
#[derive(Clone)]
pub struct Block64 {
    buf: [u8; 64],
    curlen: usize,
    /// The message length in bytes so far.
    length: u64,
}

impl Default for Block64 {
    fn default() -> Block64 {
        Block64 {
            buf: [0; 64],
            curlen: 0,
            length: 0,
        }
    }
}

impl Block64 {
    /// Add `data`, calling `compress` on every completed block.
    pub fn update(&mut self, mut data: &[u8], mut compress: impl FnMut(&[u8])) {
        self.length = self.length.wrapping_add(data.len() as u64);
        if self.curlen > 0 {
            let take = (64 - self.curlen).min(data.len());
            self.buf[self.curlen..self.curlen + take].copy_from_slice(&data[..take]);
            self.curlen += take;
            data = &data[take..];
            if self.curlen < 64 {
                return;
            }
            compress(&self.buf);
            self.curlen = 0;
        }
        let mut blocks = data.chunks_exact(64);
        for block in &mut blocks {
            compress(block);
        }
        let rest = blocks.remainder();
        self.buf[..rest.len()].copy_from_slice(rest);
        self.curlen = rest.len();
    }

    /// Pad the message (length big-endian for SHA, little-endian for MD5) and
    /// compress the last block or two.
    pub fn finish(&mut self, big_endian: bool, mut compress: impl FnMut(&[u8])) {
        let bits = self.length.wrapping_mul(8);
        self.buf[self.curlen] = 0x80;
        self.curlen += 1;
        if self.curlen > 56 {
            self.buf[self.curlen..].fill(0);
            compress(&self.buf);
            self.curlen = 0;
        }
        self.buf[self.curlen..56].fill(0);
        self.buf[56..].copy_from_slice(&if big_endian {
            bits.to_be_bytes()
        } else {
            bits.to_le_bytes()
        });
        compress(&self.buf);
        self.curlen = 0;
    }
}

/// Argument Clinic's `unsigned_long` converter (`_PyLong_UnsignedLong_Converter`):
/// an int, not negative, that fits 64 bits.
pub fn unsigned_long_arg(obj: &PyObject) -> PyResult<u64> {
    let Some(l) = obj.downcast_ref::<PyLongObject>() else {
        return Err(type_error("an integer is required"));
    };
    if l.is_negative() {
        return Err(value_error("value must be positive"));
    }
    l.big()
        .to_u64()
        .ok_or_else(|| overflow_error("Python int too large to convert to C unsigned long"))
}

/// Argument Clinic's `unsigned_long_long` converter
/// (`_PyLong_UnsignedLongLong_Converter`), whose overflow message differs.
pub fn unsigned_long_long_arg(obj: &PyObject) -> PyResult<u64> {
    let Some(l) = obj.downcast_ref::<PyLongObject>() else {
        return Err(type_error("an integer is required"));
    };
    if l.is_negative() {
        return Err(value_error("value must be positive"));
    }
    l.big()
        .to_u64()
        .ok_or_else(|| overflow_error("int too big to convert"))
}
