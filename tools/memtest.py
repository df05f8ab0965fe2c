#!/usr/bin/env python3
"""The memory test: peak RSS of python3 and pyrs on tests/memory/cycles.py.

tests/memory/cycles.py makes short-lived reference cycles and never calls
gc.collect(): only the automatic collector frees them. Each interpreter runs it twice,
with a small count and with the full count (ten million cycles by default), and the
peak resident set size of each run is read from the kernel's accounting of waited-for
children (resource.getrusage(RUSAGE_CHILDREN).ru_maxrss). Each run happens in its own
fresh python3 helper process, so that one figure is never the maximum of two runs.

The test passes when, for pyrs, the big run's peak RSS exceeds the small run's by less
than the allowed growth (default 16 MiB): memory stays flat however many cycles are
made. python3's figures are printed beside pyrs's for comparison (and checked the same
way, as a sanity check of the test itself).

Usage: python3 tools/memtest.py [--pyrs PATH] [--count N] [--small N] [--max-growth-mib M]
Exit status 0 if memory stayed flat.
"""

import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAM = os.path.join(ROOT, "tests", "memory", "cycles.py")

# Runs one command and prints the peak RSS (KiB on Linux) of its children.
HELPER = (
    "import resource, subprocess, sys\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)\n"
    "sys.stdout.write(p.stdout.decode('utf-8', 'replace'))\n"
    "print('RC', p.returncode)\n"
    "print('MAXRSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_rss(cmd):
    """Run `cmd` in a fresh helper; return (peak RSS in KiB, exit status, output)."""
    out = subprocess.run(
        [sys.executable, "-c", HELPER] + cmd, capture_output=True, text=True, check=True
    ).stdout
    lines = out.splitlines()
    rss = int(lines[-1].split()[1])
    rc = int(lines[-2].split()[1])
    return rss, rc, "\n".join(lines[:-2])


def measure(name, interpreter, small, count, max_growth_kib):
    small_rss, rc1, _ = peak_rss([interpreter, PROGRAM, str(small)])
    big_rss, rc2, output = peak_rss([interpreter, PROGRAM, str(count)])
    growth = big_rss - small_rss
    flat = rc1 == 0 and rc2 == 0 and growth < max_growth_kib
    print(f"{name}: peak RSS {small_rss / 1024:.1f} MiB for {small:,} cycles, "
          f"{big_rss / 1024:.1f} MiB for {count:,} cycles "
          f"(growth {growth / 1024:+.1f} MiB) {'flat' if flat else 'NOT FLAT'}")
    for line in output.splitlines():
        print("    " + line)
    if rc1 or rc2:
        print(f"    exit status {rc1}, {rc2}")
    return flat


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pyrs", default=os.path.join(ROOT, "target", "release", "pyrs"))
    ap.add_argument("--count", type=int, default=10_000_000)
    ap.add_argument("--small", type=int, default=100_000)
    ap.add_argument("--max-growth-mib", type=float, default=16.0)
    args = ap.parse_args()
    max_growth_kib = args.max_growth_mib * 1024
    python_flat = measure("python3", "python3", args.small, args.count, max_growth_kib)
    pyrs_flat = measure("pyrs", os.path.abspath(args.pyrs), args.small, args.count,
                        max_growth_kib)
    if not python_flat:
        print("python3's memory grew: the test itself is suspect")
    return 0 if pyrs_flat else 1


if __name__ == "__main__":
    sys.exit(main())
