"""enable/disable/isenabled, get_threshold/set_threshold, get_count, debug flags."""
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(500, 20, 30)
print(gc.get_threshold())
gc.set_threshold(0, 0, 0)
print(gc.get_threshold())
gc.set_threshold(-5, 3, 2)
print(gc.get_threshold())
for args in [(), (1, 2, 3, 4)]:
    try:
        gc.set_threshold(*args)
    except TypeError as e:
        print('TypeError', e)
for args in [('a',), (1.5,), (2**31,), (-2**31 - 1,), (1, None)]:
    try:
        gc.set_threshold(*args)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
    print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())

# get_count: generation 0 counts allocations of tracked objects minus deallocations;
# a collection resets the counts of the collected generations and counts one for the
# next generation.
# (Instances of a __slots__ class: CPython keeps freed lists in a free list, which
# does not count as a deallocation.)
class S:
    __slots__ = ('a',)


gc.disable()
gc.collect()
print(gc.get_count())
before = gc.get_count()[0]
keep = [S() for _ in range(50)]
after = gc.get_count()[0]
del keep
dropped = gc.get_count()[0]
print('grew by at least 50:', after - before >= 50)
print('dropped by at least 50:', after - dropped >= 50)
gc.collect(0)
c = gc.get_count()
print(c[0], c[1] >= 1)
gc.collect(1)
c = gc.get_count()
print(c[0], c[1], c[2] >= 1)
gc.collect(2)
print(gc.get_count())
gc.enable()

# Debug flags.
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)
print(gc.get_debug())
try:
    gc.set_debug('x')
except TypeError as e:
    print('TypeError', e)
try:
    gc.set_debug()
except TypeError as e:
    print('TypeError', e)
for name in ('enable', 'disable', 'isenabled', 'get_count', 'get_threshold'):
    try:
        getattr(gc, name)(1)
    except TypeError as e:
        print('TypeError', e)
