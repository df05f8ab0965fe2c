#!/usr/bin/env python3
"""Write python/src/stdlib_module_names.rs: the names of the standard library's
modules (`sys.stdlib_module_names`), taken from the host CPython 3.11, as CPython
generates Python/stdlib_module_names.h with Tools/scripts/generate_stdlib_module_names.py.

Usage: python3 tools/gen_stdlib_module_names.py
"""
import os
import sys

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "python", "src", "stdlib_module_names.rs")

names = sorted(sys.stdlib_module_names)
with open(OUT, "w") as f:
    f.write("//! The names of the standard library's modules (`sys.stdlib_module_names`).\n")
    f.write("//! Mirrors Python/stdlib_module_names.h (CPython 3.11), generated the same way:\n")
    f.write("//! by tools/gen_stdlib_module_names.py from CPython 3.11 itself. Do not edit.\n\n")
    f.write("/// Every top-level module name of CPython 3.11's standard library, sorted.\n")
    f.write(f"pub static STDLIB_MODULE_NAMES: [&str; {len(names)}] = [\n")
    for n in names:
        f.write(f"    {n!r},\n".replace("'", '"'))
    f.write("];\n")
print(f"wrote {len(names)} names to {os.path.relpath(OUT, ROOT)}")
