//! Mirrors Include/cpython/: the non-limited-API headers.

pub mod object;
