//! The `_blake2` module. Mirrors Modules/_blake2/ (CPython 3.11): `blake2module.rs`
//! makes the module, `blake2b_impl.rs` and `blake2s_impl.rs` hold the two types
//! and their hash functions.

pub mod blake2b_impl;
pub mod blake2module;
pub mod blake2s_impl;
