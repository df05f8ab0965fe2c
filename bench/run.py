#!/usr/bin/env python3
"""Time pyrs against python3 on the programs in bench/, side by side.

Each program's output is first checked to be identical under both interpreters (a
wrong answer is not a result). Then the two interpreters are run alternately, N
rounds, and the median wall-clock time of each is reported with the ratio
pyrs/python3 (below 1.0: pyrs is faster) and the geometric mean of the ratios.

Usage: python3 bench/run.py [--pyrs PATH] [--rounds N] [programs...]
"""

import argparse
import math
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def real_python3():
    out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def timed(cmd):
    """Wall time and peak RSS (KiB) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise RuntimeError(f"{cmd} failed: {p.stderr.decode()[-500:]}")
    return elapsed, max(after.ru_maxrss, before.ru_maxrss), p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "release", "pyrs"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    python = real_python3()
    progs = args.programs or sorted(
        os.path.join(ROOT, "bench", f) for f in os.listdir(os.path.join(ROOT, "bench"))
        if f.endswith(".py") and f != "run.py")
    print(f"{'program':<20} {'python3 (s)':>12} {'pyrs (s)':>10} {'ratio':>7}")
    ratios = []
    for prog in progs:
        name = os.path.splitext(os.path.basename(prog))[0]
        a = subprocess.run([python, prog], capture_output=True)
        b = subprocess.run([args.pyrs, prog], capture_output=True)
        if a.stdout != b.stdout or b.returncode != 0:
            print(f"{name:<20} WRONG OUTPUT (pyrs status {b.returncode})")
            ratios.append(float("nan"))
            continue
        tp, tr = [], []
        for _ in range(args.rounds):
            tp.append(timed([python, prog])[0])
            tr.append(timed([args.pyrs, prog])[0])
        mp, mr = statistics.median(tp), statistics.median(tr)
        ratio = mr / mp
        ratios.append(ratio)
        print(f"{name:<20} {mp:>12.3f} {mr:>10.3f} {ratio:>7.2f}")
    good = [r for r in ratios if not math.isnan(r)]
    if good:
        geo = math.exp(sum(math.log(r) for r in good) / len(good))
        print(f"{'geometric mean':<20} {'':>12} {'':>10} {geo:>7.2f}")
    return 0 if len(good) == len(ratios) else 1


if __name__ == "__main__":
    sys.exit(main())
