"""Regression: close() of a generator that never started cleared its frame, and its
deallocation cleared the frame again, releasing the references to the function and
code twice. The function's count was then one too low, and the next collection found
gc_refs going below zero (the "gc_refs underflow"). Reference counts must not change
across creating and closing generators in any state."""
import gc
import sys


def gen(x):
    y = [x]
    yield y
    yield 2


def counts():
    return sys.getrefcount(gen), sys.getrefcount(gen.__code__)


gc.collect()
before = counts()
for state in ('unstarted', 'suspended', 'finished', 'unstarted, no close'):
    for _ in range(100):
        g = gen([])
        if state == 'suspended':
            next(g)
        elif state == 'finished':
            list(g)
        if state != 'unstarted, no close':
            g.close()
        del g
    print(state, counts() == before, gc.collect())

# Closed generators in cycles are collected.
for _ in range(10):
    g = gen(None)
    g.gi_frame.f_locals  # a frame object
    holder = [g]
    holder.append(holder)
    g.close()
    del g, holder
print('cycles', gc.collect() >= 10, counts() == before)
g = gen(1)
g.close()
print(g.gi_frame, g.gi_running, list(g))
