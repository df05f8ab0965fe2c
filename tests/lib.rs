//! Test harnesses for pyrs (CPython: Lib/test). See `tests/README.md`.
