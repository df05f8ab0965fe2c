//! Mirrors CPython's Objects/ directory: the built-in types.
