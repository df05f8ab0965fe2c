"""Create many short-lived reference cycles without calling gc.collect().

The automatic collector (thresholds 700, 10, 10) must free them as the program goes,
so the peak memory stays flat however many cycles are made. Run by tools/memtest.py,
which measures the peak RSS of python3 and pyrs on this program.

Usage: cycles.py [COUNT]   (default 10,000,000)
"""
import gc
import sys


class Node:
    __slots__ = ('other', 'payload')


def make_cycles(count):
    for i in range(count):
        a = Node()
        b = Node()
        a.other = b
        b.other = a
        a.payload = [i, a]


count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
print('gc enabled:', gc.isenabled(), 'thresholds:', gc.get_threshold())
make_cycles(count)
stats = gc.get_stats()
print('cycles made:', count)
print('collections per generation:', [s['collections'] for s in stats])
print('objects collected:', sum(s['collected'] for s in stats))
