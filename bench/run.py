#!/usr/bin/env python3
"""Time pyrs against python3 on the programs in bench/, side by side.

Each program's output is first checked to be identical under both interpreters (a
wrong answer is not a result). Then the two interpreters are run alternately, N
rounds, and for each program the runner prints the median wall-clock time of each,
the ratio pyrs/python3 (below 1.0: pyrs is faster), and the ratio of their peak
memory (maximum resident set size, from os.wait4). The last line gives the geometric
mean of the ratios.

python3 is the real interpreter binary (sys.executable of `python3`), not a shim
script in front of it, so that start-up is compared fairly.

Usage: python3 bench/run.py [--pyrs PATH] [--rounds N] [programs...]
  programs are names (nbody) or paths (bench/nbody.py); default: all of bench/*.py.
"""

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")


def real_python3():
    out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


# Peak memory. A child forked from this runner starts with the runner's own peak RSS
# (Linux keeps ru_maxrss across fork and exec), so os.wait4 alone would report at least
# the runner's ~15 MiB for any program. GNU time forks the program from its own small
# process and reports the program's peak; without it the runner falls back to wait4.
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def timed(cmd):
    """Wall time (s), peak RSS (KiB) and stdout of one run of cmd."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        full = [GNU_TIME, "-f", "%M", "-o", rss.name] + cmd if GNU_TIME else cmd
        start = time.perf_counter()
        p = subprocess.Popen(full, stdout=out, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        p.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if code != 0:
            raise RuntimeError(f"{cmd} failed ({code}): {err.read().decode()[-500:]}")
        maxrss = int(rss.read().split()[-1]) if GNU_TIME else usage.ru_maxrss
        return elapsed, maxrss, out.read()


def resolve(prog):
    if os.path.exists(prog):
        return prog
    return os.path.join(BENCH, prog if prog.endswith(".py") else prog + ".py")


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "release", "pyrs"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    python = real_python3()
    progs = [resolve(p) for p in args.programs] or sorted(
        os.path.join(BENCH, f) for f in os.listdir(BENCH)
        if f.endswith(".py") and f != "run.py")
    print(f"{'program':<16} {'python3 (s)':>11} {'pyrs (s)':>9} {'ratio':>6}"
          f" {'py3 RSS MiB':>11} {'pyrs RSS MiB':>12} {'RSS ratio':>9}")
    ratios, mem_ratios, failures = [], [], 0
    for prog in progs:
        name = os.path.splitext(os.path.basename(prog))[0]
        a = subprocess.run([python, prog], capture_output=True)
        b = subprocess.run([args.pyrs, prog], capture_output=True)
        if a.returncode != 0:
            print(f"{name:<16} python3 FAILED: {a.stderr.decode()[-300:]}")
            failures += 1
            continue
        if a.stdout != b.stdout or b.returncode != 0:
            print(f"{name:<16} WRONG OUTPUT (pyrs status {b.returncode})")
            failures += 1
            continue
        tp, tr, mp, mr = [], [], [], []
        for _ in range(args.rounds):
            t, m, _ = timed([python, prog])
            tp.append(t)
            mp.append(m)
            t, m, _ = timed([args.pyrs, prog])
            tr.append(t)
            mr.append(m)
        p_time, r_time = statistics.median(tp), statistics.median(tr)
        p_mem, r_mem = max(mp), max(mr)
        ratio, mem_ratio = r_time / p_time, r_mem / p_mem
        ratios.append(ratio)
        mem_ratios.append(mem_ratio)
        print(f"{name:<16} {p_time:>11.3f} {r_time:>9.3f} {ratio:>6.2f}"
              f" {p_mem / 1024:>11.1f} {r_mem / 1024:>12.1f} {mem_ratio:>9.2f}", flush=True)
    if ratios:
        print(f"{'geometric mean':<16} {'':>11} {'':>9} {geomean(ratios):>6.2f}"
              f" {'':>11} {'':>12} {geomean(mem_ratios):>9.2f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
