"""gc.callbacks (phases "start"/"stop" and the info dict), gc.garbage with
DEBUG_SAVEALL, gc.get_stats()."""
import gc

gc.disable()
gc.collect()

events = []


def cb(phase, info):
    events.append((phase, sorted(info.items())))


def make_cycles(n):
    for _ in range(n):
        l = []
        l.append(l)


print(type(gc.callbacks).__name__, gc.callbacks)
gc.callbacks.append(cb)
make_cycles(3)
print('returned', gc.collect())
for e in events:
    print(e)
events.clear()
make_cycles(2)
gc.collect(0)
make_cycles(1)
gc.collect(1)
for e in events:
    print(e)
events.clear()


# Two callbacks, called in order; a failing callback is reported as unraisable and
# the others still run.
def cb2(phase, info):
    events.append(('cb2', phase))


def bad(phase, info):
    raise RuntimeError('callback failed')


gc.callbacks.append(cb2)
gc.collect()
print(events)
events.clear()
gc.callbacks.remove(cb)
gc.callbacks.remove(cb2)
gc.collect()
print(events)


# A callback that collects: the nested collect does nothing.
def nested(phase, info):
    if phase == 'start':
        events.append(('nested collect', gc.collect()))


gc.callbacks.append(nested)
make_cycles(1)
print('outer', gc.collect())
print(events)
gc.callbacks.remove(nested)
events.clear()

# gc.garbage and DEBUG_SAVEALL: unreachable objects are saved instead of freed.
print('garbage', gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
a = []
b = [a]
a.append(b)
del a, b
print('found', gc.collect())
print('saved', len(gc.garbage), sorted(len(x) for x in gc.garbage))
print('are the cycle', gc.garbage[0][0] is gc.garbage[1], gc.garbage[1][0] is gc.garbage[0])
gc.set_debug(0)
g = gc.garbage[:]
gc.garbage.clear()
del g
print('freed when dropped', gc.collect())
print('garbage', gc.garbage)
# The collector keeps using the original list if gc.garbage is rebound.
saved = gc.garbage
gc.garbage = []
gc.set_debug(gc.DEBUG_SAVEALL)
make_cycles(1)
gc.collect()
gc.set_debug(0)
print('original list', len(saved), 'rebound list', len(gc.garbage))
saved.clear()
gc.garbage = saved

# get_stats: one dict per generation.
stats = gc.get_stats()
print(type(stats).__name__, len(stats), [sorted(s) for s in stats])
before = gc.get_stats()
make_cycles(4)
gc.collect(0)
after = gc.get_stats()
print('gen0 collections +', after[0]['collections'] - before[0]['collections'])
print('gen0 collected +', after[0]['collected'] - before[0]['collected'])
print('gen2 collections +', after[2]['collections'] - before[2]['collections'])
make_cycles(3)
gc.collect()
after2 = gc.get_stats()
print('gen2 collections +', after2[2]['collections'] - after[2]['collections'])
print('gen2 collected +', after2[2]['collected'] - after[2]['collected'])
print('uncollectable', [s['uncollectable'] for s in after2])
gc.enable()
