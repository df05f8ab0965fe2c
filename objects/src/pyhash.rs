//! Hash functions. Mirrors Python/pyhash.c and Include/pyhash.h (CPython 3.11).
//!
//! Numbers hash so that equal numbers of different types hash equal: an integer `n`
//! hashes to `n mod P` with `P = 2**61 - 1` (keeping the sign), and a float hashes to
//! the same residue of its exact rational value. Strings and bytes hash with
//! SipHash-1-3 under a per-process random key, as CPython 3.11 does; `PYTHONHASHSEED`
//! fixes the key (0 disables randomisation).
//!
//! Differences from CPython: this lives in `objects` rather than `python` because the
//! types that hash are here.

use std::cell::Cell;

use include::object::GlobalCell;
use include::Py_hash_t;

/// Bits of the hash modulus (`_PyHASH_BITS`).
pub const PyHASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS`: 2**61 - 1, a Mersenne prime.
pub const PyHASH_MODULUS: u64 = (1u64 << PyHASH_BITS) - 1;
/// `_PyHASH_INF`: the hash of `inf` (and `-inf` is its negation).
pub const PyHASH_INF: Py_hash_t = 314159;
/// `_PyHASH_IMAG`: the multiplier for the imaginary part of complex numbers.
pub const PyHASH_IMAG: Py_hash_t = 1000003;

/// The 24 bytes of hash secret (`_Py_HashSecret_t`); SipHash uses the first 16.
struct HashSecret {
    k0: Cell<u64>,
    k1: Cell<u64>,
    ready: Cell<bool>,
}

static SECRET: GlobalCell<HashSecret> = GlobalCell::new(HashSecret {
    k0: Cell::new(0),
    k1: Cell::new(0),
    ready: Cell::new(false),
});

/// `lcg_urandom`: the deterministic byte stream CPython derives from a nonzero
/// `PYTHONHASHSEED`.
fn lcg_urandom(seed: u32, buf: &mut [u8]) {
    let mut x = seed;
    for b in buf.iter_mut() {
        x = x.wrapping_mul(214013).wrapping_add(2531011);
        *b = ((x >> 16) & 0xff) as u8;
    }
}

/// Fill the secret from `PYTHONHASHSEED` or the OS (`_Py_HashRandomization_Init`).
fn init_secret(s: &HashSecret) {
    let mut buf = [0u8; 24];
    match std::env::var("PYTHONHASHSEED") {
        Ok(v) if v != "random" && !v.is_empty() => {
            // An invalid value is reported by the command line; here it means 0.
            let seed: u32 = v.trim().parse().unwrap_or(0);
            if seed != 0 {
                lcg_urandom(seed, &mut buf);
            }
        }
        _ => {
            use std::io::Read;
            let filled = std::fs::File::open("/dev/urandom")
                .and_then(|mut f| f.read_exact(&mut buf))
                .is_ok();
            if !filled {
                // No OS randomness: fall back to the clock and the address space.
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(0);
                let a = &buf as *const _ as u64;
                buf[..8].copy_from_slice(&t.to_le_bytes());
                buf[8..16].copy_from_slice(&(a ^ t.rotate_left(17)).to_le_bytes());
            }
        }
    }
    s.k0.set(u64::from_le_bytes(buf[0..8].try_into().unwrap_or([0; 8])));
    s.k1.set(u64::from_le_bytes(buf[8..16].try_into().unwrap_or([0; 8])));
    s.ready.set(true);
}

fn secret() -> (u64, u64) {
    // SAFETY: only ever borrowed shared; fields are cells.
    let s = unsafe { SECRET.get_ref() };
    if !s.ready.get() {
        init_secret(s);
    }
    (s.k0.get(), s.k1.get())
}

/// Whether `PYTHONHASHSEED` asks for a fixed seed (for `sys.flags.hash_randomization`).
pub fn hash_randomization_enabled() -> bool {
    !matches!(std::env::var("PYTHONHASHSEED"), Ok(v) if v != "random" && !v.is_empty() && v.trim() == "0")
}

#[inline(always)]
fn sipround(v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64) {
    *v0 = v0.wrapping_add(*v1);
    *v1 = v1.rotate_left(13);
    *v1 ^= *v0;
    *v0 = v0.rotate_left(32);
    *v2 = v2.wrapping_add(*v3);
    *v3 = v3.rotate_left(16);
    *v3 ^= *v2;
    *v0 = v0.wrapping_add(*v3);
    *v3 = v3.rotate_left(21);
    *v3 ^= *v0;
    *v2 = v2.wrapping_add(*v1);
    *v1 = v1.rotate_left(17);
    *v1 ^= *v2;
    *v2 = v2.rotate_left(32);
}

/// SipHash-1-3 of `data` with key `(k0, k1)`: one compression round per 8-byte
/// block, three finalisation rounds.
fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    let len = data.len();
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let m = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        v3 ^= m;
        sipround(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let rest = chunks.remainder();
    let mut last = (len as u64 & 0xff) << 56;
    for (i, b) in rest.iter().enumerate() {
        last |= (*b as u64) << (8 * i);
    }
    v3 ^= last;
    sipround(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= last;
    v2 ^= 0xff;
    for _ in 0..3 {
        sipround(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

/// `_Py_KeyedHash`: SipHash-1-3 of `data` under the key `(key, 0)`, independent of
/// the hash secret (`importlib.util.source_hash` of hash-based .pyc files).
pub fn _Py_KeyedHash(key: u64, data: &[u8]) -> u64 {
    siphash13(key, 0, data)
}

/// `_Py_HashBytes`: the hash of a byte buffer (str hashes its PEP 393 buffer, bytes
/// its contents). Empty buffers hash to 0.
pub fn _Py_HashBytes(data: &[u8]) -> Py_hash_t {
    if data.is_empty() {
        return 0;
    }
    let (k0, k1) = secret();
    let h = siphash13(k0, k1, data) as Py_hash_t;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `_Py_HashPointer`: the hash of an address (`id()`-based hashes): rotated by 4 bits
/// so that the always-zero low bits of aligned pointers carry information.
pub fn _Py_HashPointer(p: usize) -> Py_hash_t {
    let y = p.rotate_right(4) as Py_hash_t;
    if y == -1 {
        -2
    } else {
        y
    }
}

/// `_Py_HashDouble`: the hash of a float, equal to the hash of any int or fraction of
/// the same value. NaNs hash by identity (`obj_addr`), as in 3.10+.
pub fn _Py_HashDouble(v: f64, obj_addr: usize) -> Py_hash_t {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { PyHASH_INF } else { -PyHASH_INF };
        }
        return _Py_HashPointer(obj_addr);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    // Process 28 bits of the mantissa at a time, reducing modulo P.
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & PyHASH_MODULUS) | (x >> (PyHASH_BITS - 28));
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= PyHASH_MODULUS {
            x -= PyHASH_MODULUS;
        }
    }
    // Multiply by 2**e modulo P.
    let e = if e >= 0 {
        e % PyHASH_BITS as i32
    } else {
        PyHASH_BITS as i32 - 1 - ((-1 - e) % PyHASH_BITS as i32)
    };
    x = ((x << e) & PyHASH_MODULUS) | (x >> (PyHASH_BITS as i32 - e));
    let mut h = x as i64 * sign;
    if h == -1 {
        h = -2;
    }
    h as Py_hash_t
}

/// `frexp`: `v = m * 2**e` with `0.5 <= |m| < 1` (or `m == 0`).
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m_bits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    (f64::from_bits(m_bits), e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SipHash-1-3 with the zero key, as CPython uses for `PYTHONHASHSEED=0`:
    /// `hash(b'abc')` and `hash('abc')` there are -4594863902769663758.
    #[test]
    fn siphash13_zero_key_matches_cpython() {
        assert_eq!(siphash13(0, 0, b"abc") as i64, -4594863902769663758);
    }

    #[test]
    fn double_hash_matches_int_hash() {
        assert_eq!(_Py_HashDouble(1.0, 0), 1);
        assert_eq!(_Py_HashDouble(-1.0, 0), -2);
        assert_eq!(_Py_HashDouble(0.5, 0), 1 << 60);
        assert_eq!(_Py_HashDouble(1e300, 0), 1224995262755759164);
    }

    #[test]
    fn lcg_matches_cpython_stream() {
        let mut b = [0u8; 4];
        lcg_urandom(1, &mut b);
        // x1 = 214013 + 2531011 = 2745024 -> (x >> 16) & 0xff = 41
        assert_eq!(b[0], 41);
    }
}
