//! Mirrors CPython's Python/ directory: compiler, eval loop, import, builtins, sys.
