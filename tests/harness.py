#!/usr/bin/env python3
"""Run pyrs against the oracle (the host python3) on every test program.

Each program is run by python3 and by pyrs; the outputs must be identical. Expected
output is never written by hand: python3 produces it on every run.

Kinds of tests (by directory under tests/):
  snippets/**/*.py     stdout and exit status must match; python3 must exit 0
                       (a snippet python3 rejects is a broken test).
  errors/**/*.py       stdout, stderr and exit status must match (uncaught exceptions,
                       tracebacks, SyntaxErrors). Memory addresses are masked.
  robustness/**/*.py   like snippets, with a time limit: hostile input must give a
                       Python exception, never a crash or a hang.
  dis/samples/*.py     `pyrs -m dis FILE` must print exactly what `python3 -m dis FILE`
                       prints (code object addresses masked).

Usage: python3 tests/harness.py [--pyrs PATH] [--jobs N] [--filter SUBSTR] [--verbose]
Tests listed in tests/known_failures.txt (with the reason and owning issue) are run and
reported but do not fail the run; one of them passing does, so the list only shrinks.
Exit status 0 if every other test passed.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests")
ADDRESS = re.compile(r"0x[0-9a-f]{4,}")
TIME_LIMIT = 60


def real_python3():
    """The real interpreter binary (the pyenv shim costs ~100 ms per run)."""
    out = subprocess.run(
        ["python3", "-c", "import sys; print(sys.executable)"],
        capture_output=True, text=True, check=True,
    )
    return out.stdout.strip()


def run(cmd, cwd, stdin_data=None):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONPATH", None)
    # Neither interpreter writes a bytecode cache during a run (the tests of the cache
    # turn writing on in their own temporary directories): a module imported by two
    # tests would otherwise be compiled by the first and loaded by the second, and
    # compile-time warnings (shown only when a module is compiled, in CPython as in
    # pyrs) would depend on which test, and which interpreter, ran first. pyrs's
    # cache is also invalidated by every compiler change, python3's is not.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONPYCACHEPREFIX", None)
    start = time.monotonic()
    try:
        p = subprocess.run(
            cmd, cwd=cwd, capture_output=True, timeout=TIME_LIMIT, env=env,
            input=stdin_data,
        )
        return p.returncode, p.stdout, p.stderr, time.monotonic() - start
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b"", TIME_LIMIT


def mask(data):
    return ADDRESS.sub("0xADDR", data.decode("utf-8", "backslashreplace"))


def diff(a, b, name_a, name_b):
    lines = difflib.unified_diff(
        a.splitlines(keepends=True), b.splitlines(keepends=True), name_a, name_b, n=2,
    )
    text = "".join(lines)
    return text if len(text) < 4000 else text[:4000] + "\n... (diff truncated)\n"


def check(kind, path, python, pyrs):
    """Return (ok, message)."""
    cwd = os.path.dirname(path)
    if kind == "dis":
        a = run([python, "-m", "dis", path], cwd)
        b = run([pyrs, "-m", "dis", path], cwd)
    else:
        a = run([python, path], cwd)
        b = run([pyrs, path], cwd)
    if a[0] == "timeout":
        return False, "python3 timed out (broken test)"
    if kind in ("snippets", "robustness") and a[0] != 0:
        return False, f"python3 exited with {a[0]} (broken test):\n{mask(a[2])[-2000:]}"
    if b[0] == "timeout":
        return False, f"pyrs hung (no exit within {TIME_LIMIT}s)"
    problems = []
    if a[0] != b[0]:
        problems.append(f"exit status: python3 {a[0]}, pyrs {b[0]}")
        if b[0] not in (0, 1, 2) and b[0] != a[0]:
            problems.append("pyrs stderr:\n" + mask(b[2])[-3000:])
    out_a, out_b = mask(a[1]), mask(b[1])
    if out_a != out_b:
        problems.append("stdout differs:\n" + diff(out_a, out_b, "python3", "pyrs"))
    if kind in ("errors", "dis"):
        err_a, err_b = mask(a[2]), mask(b[2])
        if err_a != err_b:
            problems.append("stderr differs:\n" + diff(err_a, err_b, "python3", "pyrs"))
    elif a[0] == 0 and b[0] != 0 and "pyrs stderr" not in "".join(problems):
        problems.append("pyrs stderr:\n" + mask(b[2])[-3000:])
    return (not problems), "\n".join(problems)


def known_failures():
    """tests/known_failures.txt: {path relative to tests/: reason}."""
    known = {}
    path = os.path.join(TESTS, "known_failures.txt")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            entry, _, reason = line.partition("#")
            if entry.strip():
                known[os.path.normpath(entry.strip())] = reason.strip()
    return known


def collect(filter_text):
    tests = []
    for kind in ("snippets", "errors", "robustness"):
        base = os.path.join(TESTS, kind)
        for dirpath, _, files in os.walk(base):
            for f in sorted(files):
                if f.endswith(".py") and not f.startswith("_"):
                    tests.append((kind, os.path.join(dirpath, f)))
    dis_dir = os.path.join(TESTS, "dis", "samples")
    if os.path.isdir(dis_dir):
        for f in sorted(os.listdir(dis_dir)):
            if f.endswith(".py"):
                tests.append(("dis", os.path.join(dis_dir, f)))
    if filter_text:
        tests = [t for t in tests if filter_text in t[1]]
    return sorted(tests)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "release", "pyrs"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--filter", default="")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    args.pyrs = os.path.abspath(args.pyrs)
    if not os.path.exists(args.pyrs):
        print(f"pyrs binary not found at {args.pyrs}; build it with cargo build --release")
        return 2
    python = real_python3()
    tests = collect(args.filter)
    known = known_failures()
    failures = []
    expected = []
    fixed = []
    counts = {}
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(check, k, p, python, args.pyrs): (k, p) for k, p in tests}
        for fut in concurrent.futures.as_completed(futures):
            kind, path = futures[fut]
            try:
                ok, msg = fut.result()
            except Exception as e:  # a harness bug must not hide as a pass
                ok, msg = False, f"harness error: {e!r}"
            c = counts.setdefault(kind, [0, 0])
            c[0] += 1
            reason = known.get(os.path.relpath(path, TESTS))
            if ok:
                c[1] += 1
                if reason is not None:
                    fixed.append(path)
                if args.verbose:
                    print(f"PASS {os.path.relpath(path, ROOT)}")
            elif reason is not None:
                expected.append((kind, path, f"(known failure: {reason})\n{msg}"))
            else:
                failures.append((kind, path, msg))
    for label, items in (("KNOWN FAILURE", expected), ("FAIL", failures)):
        for kind, path, msg in sorted(items):
            print(f"{label} {os.path.relpath(path, ROOT)}")
            if args.verbose or label == "FAIL":
                for line in msg.splitlines():
                    print("    " + line)
            else:
                print("    " + msg.splitlines()[0])
    for path in sorted(fixed):
        print(f"FIXED {os.path.relpath(path, ROOT)}: passes now; remove it from "
              "tests/known_failures.txt")
    elapsed = time.monotonic() - start
    total = sum(c[0] for c in counts.values())
    passed = sum(c[1] for c in counts.values())
    parts = ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(counts.items()))
    print(f"\n{passed}/{total} passed ({parts}), {len(expected)} known failures, "
          f"in {elapsed:.1f}s")
    return 0 if not failures and not fixed and total > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
