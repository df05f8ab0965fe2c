//! The `_sha3` module. Mirrors Modules/_sha3/ (CPython 3.11): `sha3.rs` is the
//! Keccak permutation and sponge (Modules/_sha3/tiny_sha3/sha3.c), `sha3module.rs`
//! the Python types (Modules/_sha3/sha3module.c).

pub mod sha3;
pub mod sha3module;
