#!/usr/bin/env python3
"""Run CPython's own test files (the host CPython 3.11's Lib/test) under pyrs.

For each test file (a module of the `test` package: test_int, test_dict, ...) this
starts `pyrs` on a small driver that imports `unittest`, loads the module's tests
(honouring `load_tests`) and runs them with a result class that reports every outcome
on its own line as it happens. So a file that crashes pyrs (a signal, a Rust panic)
or hangs (past the time limit) still shows how far it got. Per file the runner
reports tests run / passed / failed / errors / skipped, or why it could not run:

    import failed: <exception>   the test module (or unittest) did not import
    crashed: <signal or panic>   pyrs died
    hung                         the time limit ran out

The table goes to tests/conformance/RESULTS.md (regenerated on every full run) and
the totals are printed. The table is the work list: each row says what to fix next.

Usage:
    python3 tools/conformance.py                 # the core list and the further files, writes RESULTS.md
    python3 tools/conformance.py test_int test_bool   # some files (RESULTS.md untouched)
    python3 tools/conformance.py --smoke         # the quick check run by tests/run
Options: --pyrs PATH, --timeout SECONDS (per file), --jobs N, --verbose (show each
failing test's first error line), --write (write RESULTS.md for an explicit list too).
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "tests", "conformance", "RESULTS.md")
SMOKE_FILE = os.path.join(ROOT, "tests", "conformance", "smoke.txt")

DEFAULT_TESTS = """
test_grammar test_int test_long test_float test_bool test_list test_tuple test_dict
test_set test_string test_unicode test_bytes test_range test_slice test_exceptions
test_scope test_class test_descr test_generators test_with test_contextlib
test_functools test_itertools test_collections test_math test_json test_re
test_dataclasses test_enum test_operator test_heapq test_bisect test_random
test_string_literals test_fstring test_unittest
""".split()

# Further files a full run also reports, in a second table: the modules pyrs
# implements itself and language areas beyond the list above.
FURTHER_TESTS = """
test_array test_unicodedata test_ucn test_codecs test_marshal test_warnings
test_sys_settrace test_sys_setprofile test_linecache test_textwrap test_timeit
test_faulthandler test_select test_selectors test_subprocess test_types test_dictviews
test_iter test_weakref test_gc test_memoryview test_struct test_os test_sys
test_abc test_copy test_keyword test_opcodes test_raise test_augassign test_unpack
test_pow test_genexps test_listcomps test_setcomps test_deque test_defaultdict
test_ordered_dict test_userdict test_userlist test_userstring test_format test_complex
test_binascii test_csv test_statistics test_fractions test_decimal test_datetime
test_pprint test_difflib test_argparse test_shlex test_glob test_fnmatch test_tempfile
test_shutil test_pathlib test_logging test_typing test_contextlib_async test_coroutines
test_asyncgen test_patma test_positional_only_arg test_keywordonlyarg test_print
test_builtin test_compile test_property test_super test_isinstance test_richcmp
test_hash test_sort test_int_literal test_exception_group test_except_star
test_ast test_hashlib test_hmac test_zlib test_gzip test_dis test_code test_traceback
""".split()

# The driver runs under pyrs. It must itself depend on as little as possible: it
# prints plain lines (no json), and reports an import failure of unittest as such.
DRIVER = r'''
import sys
name = sys.argv[1]
def emit(*parts):
    sys.__stdout__.write("@@CONF@@ " + " ".join(parts) + "\n")
    sys.__stdout__.flush()
def first_line(text):
    lines = [l for l in str(text).strip().splitlines() if l.strip()]
    return lines[-1].strip()[:200] if lines else ""
try:
    import unittest
except BaseException as e:
    emit("IMPORTFAIL", "unittest:", type(e).__name__ + ":", first_line(e))
    raise SystemExit(0)
try:
    module = __import__("test." + name, fromlist=["*"])
except unittest.SkipTest as e:
    emit("MODULESKIP", first_line(e))
    raise SystemExit(0)
except BaseException as e:
    emit("IMPORTFAIL", type(e).__name__ + ":", first_line(e))
    raise SystemExit(0)

class Result(unittest.TestResult):
    def addSuccess(self, test):
        super().addSuccess(test)
        emit("PASS", test.id())
    def addFailure(self, test, err):
        super().addFailure(test, err)
        emit("FAIL", test.id(), "|", first_line(self.failures[-1][1]))
    def addError(self, test, err):
        super().addError(test, err)
        emit("ERROR", str(test), "|", first_line(self.errors[-1][1]))
    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        emit("SKIP", test.id())
    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        emit("XFAIL", test.id())
    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        emit("XPASS", test.id())
    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            kind = "FAIL" if issubclass(err[0], test.failureException) else "ERROR"
            entries = self.failures if kind == "FAIL" else self.errors
            emit(kind, str(subtest), "|", first_line(entries[-1][1]))

try:
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
except BaseException as e:
    emit("IMPORTFAIL", "loading tests:", type(e).__name__ + ":", first_line(e))
    raise SystemExit(0)
result = Result()
suite.run(result)
emit("DONE", str(result.testsRun))
'''


class FileResult:
    def __init__(self, name):
        self.name = name
        self.run = self.passed = self.failed = self.errors = self.skipped = 0
        self.status = ""  # "" (ran to the end), or why not
        self.notes = []  # first lines of failures, for --verbose and the table
        self.seconds = 0.0

    @property
    def ok(self):
        return not self.status and self.failed == 0 and self.errors == 0 and self.run > 0


def parse(res, stdout):
    done = False
    for line in stdout.splitlines():
        if not line.startswith("@@CONF@@ "):
            continue
        kind, _, rest = line[len("@@CONF@@ "):].partition(" ")
        if kind == "PASS" or kind == "XFAIL":
            res.run += 1
            res.passed += 1
        elif kind == "FAIL":
            res.run += 1
            res.failed += 1
            res.notes.append(rest)
        elif kind == "ERROR":
            # Class- and module-level fixtures report errors without a test run.
            if "(" in rest.split("|")[0] or "." in rest.split("|")[0]:
                res.run += 1
            res.errors += 1
            res.notes.append(rest)
        elif kind == "SKIP":
            res.run += 1
            res.skipped += 1
        elif kind == "XPASS":
            res.run += 1
            res.failed += 1
            res.notes.append(rest + " | unexpected success")
        elif kind == "IMPORTFAIL":
            res.status = "import failed: " + rest
            done = True
        elif kind == "MODULESKIP":
            res.status = "module skipped: " + rest
            done = True
        elif kind == "DONE":
            done = True
    return done


def run_file(pyrs, name, timeout):
    res = FileResult(name)
    start = time.monotonic()
    env = dict(os.environ)
    env.pop("PYRSPATH", None)
    try:
        proc = subprocess.run(
            [pyrs, "-c", DRIVER, name],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            env=env,
            cwd=ROOT,
        )
        stdout, stderr, rc = proc.stdout, proc.stderr, proc.returncode
        hung = False
    except subprocess.TimeoutExpired as e:
        stdout = e.stdout.decode("utf-8", "replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        stderr, rc, hung = "", None, True
    res.seconds = time.monotonic() - start
    done = parse(res, stdout)
    if hung:
        res.status = f"hung (no end after {timeout:g} s)"
    elif rc is not None and rc < 0:
        try:
            signame = signal.Signals(-rc).name
        except ValueError:
            signame = f"signal {-rc}"
        res.status = f"crashed: {signame}"
    elif "panicked" in stderr or "internal error" in stderr:
        line = next((l for l in stderr.splitlines() if "panicked" in l), "Rust panic")
        res.status = "crashed: " + line.strip()[:160]
    elif not done:
        tail = [l for l in stderr.strip().splitlines() if l.strip()]
        res.status = f"died (exit {rc}): " + (tail[-1].strip()[:160] if tail else "no output")
    return res


def table(results, pyrs, timeout):
    out = []
    tot = FileResult("total")
    out.append("| file | run | passed | failed | errors | skipped | status / first problem |")
    out.append("|---|---:|---:|---:|---:|---:|---|")
    for r in results:
        for f in ("run", "passed", "failed", "errors", "skipped"):
            setattr(tot, f, getattr(tot, f) + getattr(r, f))
        if r.status:
            note = r.status
        elif r.ok:
            note = "all pass"
        else:
            note = r.notes[0] if r.notes else ""
        note = note.replace("|", "\\|")
        out.append(
            f"| {r.name} | {r.run} | {r.passed} | {r.failed} | {r.errors} | {r.skipped} | {note} |"
        )
    out.append(
        f"| **total** | {tot.run} | {tot.passed} | {tot.failed} | {tot.errors} | {tot.skipped} | "
        f"{sum(r.ok for r in results)} of {len(results)} files pass entirely |"
    )
    return "\n".join(out) + "\n", tot


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tests", nargs="*")
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "release", "pyrs"))
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    pyrs = os.path.abspath(args.pyrs)
    smoke_min = {}
    if args.smoke:
        # tests/conformance/smoke.txt: "test_name minimum_passed" per line. The smoke
        # run fails if pyrs crashes or hangs on one, or passes fewer than the minimum.
        with open(SMOKE_FILE) as f:
            for line in f:
                line = line.split("#")[0].split()
                if line:
                    smoke_min[line[0]] = int(line[1])
        names = list(smoke_min)
        args.timeout = min(args.timeout, 30.0)
    else:
        names = [n.removesuffix(".py") for n in args.tests] or DEFAULT_TESTS + FURTHER_TESTS
    write = args.write or (not args.tests and not args.smoke)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(run_file, pyrs, n, args.timeout) for n in names]
        results = []
        for fut in futures:
            r = fut.result()
            results.append(r)
            summary = r.status or ("all pass" if r.ok else f"{r.failed} failed, {r.errors} errors")
            print(
                f"{r.name:28} run {r.run:5} passed {r.passed:5} failed {r.failed:4} "
                f"errors {r.errors:4} skipped {r.skipped:4}  {r.seconds:5.1f}s  {summary}",
                flush=True,
            )
            if args.verbose:
                for n in r.notes:
                    print("    " + n)
    head = [r for r in results if r.name not in FURTHER_TESTS or args.tests]
    further = [r for r in results if all(r is not h for h in head)]
    text, tot = table(head, pyrs, args.timeout)
    text = (
        "# CPython conformance: Lib/test files under pyrs\n\n"
        "Regenerated by `python3 tools/conformance.py` (do not edit by hand). Each row is "
        "one test file of the host CPython 3.11's `Lib/test`, run under pyrs with "
        f"CPython's unittest and a limit of {args.timeout:g} s. *passed* counts expected "
        "failures too; *errors* include class- and module-level fixture errors.\n\n" + text
    )
    if further:
        more, _ = table(further, pyrs, args.timeout)
        text += "\n## Further files\n\n" + more
        for f in ("run", "passed", "failed", "errors", "skipped"):
            setattr(tot, f, sum(getattr(r, f) for r in results))
    if write:
        os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
        with open(RESULTS, "w") as f:
            f.write(text)
    print(
        f"files: {len(results)}, passing entirely: {sum(r.ok for r in results)}; tests run "
        f"{tot.run}, passed {tot.passed}, failed {tot.failed}, errors {tot.errors}, "
        f"skipped {tot.skipped}"
    )
    if args.smoke:
        bad = [
            r.name
            for r in results
            if r.status.startswith(("crashed", "hung")) or r.passed < smoke_min[r.name]
        ]
        if bad:
            print("conformance smoke run FAILED: " + ", ".join(bad))
            return 1
        print("conformance smoke run ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
