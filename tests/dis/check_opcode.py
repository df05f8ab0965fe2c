"""Compare pyrs's lib/opcode.py with the host CPython's opcode module.

Run with the host interpreter: python3 tests/dis/check_opcode.py
Every name CPython 3.11's opcode module defines must exist in ours with an
equal value (and, for ordered containers, the same order).
"""
import importlib.util
import opcode as host
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.join(HERE, "..", "..", "lib")

NAMES = [
    "__all__", "cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
    "haslocal", "hascompare", "hasfree", "hasnargs", "opname", "opmap",
    "HAVE_ARGUMENT", "EXTENDED_ARG", "stack_effect", "_nb_ops",
    "_inline_cache_entries", "_specializations", "_specialized_instructions",
    "_specialization_stats", "_cache_format",
]


def load_ours():
    spec = importlib.util.spec_from_file_location(
        "pyrs_opcode", os.path.join(LIB, "opcode.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def same(a, b):
    """Equal values, and equal iteration order for dicts (dis walks them)."""
    if a != b or type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return True


def main():
    ours = load_ours()
    failures = []
    for name in NAMES:
        if not hasattr(ours, name):
            failures.append(f"{name}: missing")
        elif not same(getattr(ours, name), getattr(host, name)):
            failures.append(f"{name}: differs from host")
    # Nothing public in the host module may be absent from ours.
    for name in dir(host):
        if not name.startswith("__") and not hasattr(ours, name):
            failures.append(f"{name}: host has it, ours does not")
    for line in failures:
        print("FAIL", line)
    print(f"opcode: {len(NAMES) - len(failures)}/{len(NAMES)} names match"
          if not failures else f"opcode: {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
