//! The Keccak-f[1600] permutation and the SHA-3 / SHAKE sponge. Mirrors
//! Modules/_sha3/tiny_sha3/sha3.c (CPython 3.11), Markku-Juhani O. Saarinen's
//! compact implementation of FIPS 202.
//!
//! Differences from CPython: the state is kept as 25 lanes and bytes are XORed into
//! their lane (tiny_sha3 overlays a byte array on the lanes, which assumes a
//! little-endian machine or swaps).

/// The iota step's round constants.
const KECCAKF_RNDC: [u64; 24] = [
    0x0000000000000001,
    0x0000000000008082,
    0x800000000000808a,
    0x8000000080008000,
    0x000000000000808b,
    0x0000000080000001,
    0x8000000080008081,
    0x8000000000008009,
    0x000000000000008a,
    0x0000000000000088,
    0x0000000080008009,
    0x000000008000000a,
    0x000000008000808b,
    0x800000000000008b,
    0x8000000000008089,
    0x8000000000008003,
    0x8000000000008002,
    0x8000000000000080,
    0x000000000000800a,
    0x800000008000000a,
    0x8000000080008081,
    0x8000000000008080,
    0x0000000080000001,
    0x8000000080008008,
];

/// The rho step's rotation amounts, in the order the pi step visits the lanes.
const KECCAKF_ROTC: [u32; 24] = [
    1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
];

/// The pi step's lane order.
const KECCAKF_PILN: [usize; 24] = [
    10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1,
];

/// `sha3_keccakf`: the 24 rounds of Keccak-f[1600].
fn sha3_keccakf(st: &mut [u64; 25]) {
    let mut bc = [0u64; 5];
    for rndc in KECCAKF_RNDC {
        // Theta.
        for (i, b) in bc.iter_mut().enumerate() {
            *b = st[i] ^ st[i + 5] ^ st[i + 10] ^ st[i + 15] ^ st[i + 20];
        }
        for i in 0..5 {
            let t = bc[(i + 4) % 5] ^ bc[(i + 1) % 5].rotate_left(1);
            for j in (0..25).step_by(5) {
                st[j + i] ^= t;
            }
        }
        // Rho and pi.
        let mut t = st[1];
        for (j, r) in KECCAKF_PILN.iter().zip(KECCAKF_ROTC) {
            let next = st[*j];
            st[*j] = t.rotate_left(r);
            t = next;
        }
        // Chi.
        for j in (0..25).step_by(5) {
            bc.copy_from_slice(&st[j..j + 5]);
            for i in 0..5 {
                st[j + i] ^= !bc[(i + 1) % 5] & bc[(i + 2) % 5];
            }
        }
        // Iota.
        st[0] ^= rndc;
    }
}

/// `sha3_ctx_t`: the sponge state, the position in the current block, the rate
/// (`rsiz`, in bytes) and the digest length (`mdlen`, 0 for SHAKE).
#[derive(Clone)]
pub struct sha3_ctx_t {
    st: [u64; 25],
    pt: usize,
    pub rsiz: usize,
    pub mdlen: usize,
}

impl sha3_ctx_t {
    /// `sha3_init`: a fresh state for a digest of `mdlen` bytes; SHAKE128 and
    /// SHAKE256 are started as SHA3-256 and SHA3-512's rates with `mdlen` 0 kept by
    /// the caller.
    pub fn sha3_init(mdlen: usize) -> sha3_ctx_t {
        sha3_ctx_t {
            st: [0; 25],
            pt: 0,
            rsiz: 200 - 2 * mdlen,
            mdlen,
        }
    }

    fn xor_byte(&mut self, i: usize, b: u8) {
        self.st[i / 8] ^= u64::from(b) << (8 * (i % 8));
    }

    fn byte(&self, i: usize) -> u8 {
        (self.st[i / 8] >> (8 * (i % 8))) as u8
    }

    /// `sha3_update`: absorb `data`. Whole blocks at a block boundary are XORed in
    /// a lane at a time (the rate is a whole number of lanes); the rest a byte at a
    /// time, as tiny_sha3 does everything.
    pub fn sha3_update(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            if self.pt == 0 && data.len() >= self.rsiz {
                let (block, rest) = data.split_at(self.rsiz);
                for (lane, bytes) in self.st.iter_mut().zip(block.chunks_exact(8)) {
                    let mut b = [0u8; 8];
                    b.copy_from_slice(bytes);
                    *lane ^= u64::from_le_bytes(b);
                }
                sha3_keccakf(&mut self.st);
                data = rest;
                continue;
            }
            let take = (self.rsiz - self.pt).min(data.len());
            for (k, &b) in data[..take].iter().enumerate() {
                self.xor_byte(self.pt + k, b);
            }
            self.pt += take;
            data = &data[take..];
            if self.pt >= self.rsiz {
                sha3_keccakf(&mut self.st);
                self.pt = 0;
            }
        }
    }

    /// `sha3_final` on a copy: pad with the SHA-3 domain bits and squeeze `mdlen`
    /// bytes.
    pub fn sha3_final(&self) -> Vec<u8> {
        let mut c = self.clone();
        c.xor_byte(c.pt, 0x06);
        c.xor_byte(c.rsiz - 1, 0x80);
        sha3_keccakf(&mut c.st);
        (0..c.mdlen).map(|i| c.byte(i)).collect()
    }

    /// `shake_xof` then `shake_out` on a copy: pad with the SHAKE domain bits and
    /// squeeze `len` bytes.
    pub fn shake_out(&self, len: usize) -> Vec<u8> {
        let mut c = self.clone();
        c.xor_byte(c.pt, 0x1f);
        c.xor_byte(c.rsiz - 1, 0x80);
        sha3_keccakf(&mut c.st);
        let mut out = Vec::with_capacity(len);
        let mut j = 0;
        for _ in 0..len {
            if j >= c.rsiz {
                sha3_keccakf(&mut c.st);
                j = 0;
            }
            out.push(c.byte(j));
            j += 1;
        }
        out
    }
}
