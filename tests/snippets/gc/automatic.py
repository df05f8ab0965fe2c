"""Automatic collection: cycles made in a loop are freed without gc.collect() once
generation 0 passes its threshold; gc.disable() stops that, gc.enable() resumes it,
and a threshold of 0 disables automatic collection too."""
import gc
import weakref


class Node:
    __slots__ = ('other', '__weakref__')


freed = 0


def on_free(_):
    global freed
    freed += 1


refs = []


def make_cycles(n):
    for _ in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a
        refs.append(weakref.ref(a, on_free))


gc.collect()
make_cycles(5000)
print('freed automatically:', freed > 4000)
print('generation 0 count below threshold:', gc.get_count()[0] <= gc.get_threshold()[0])
print('collected the rest:', gc.collect() > 0, freed == 5000)

# Disabled: nothing is freed until an explicit collection.
freed = 0
refs.clear()
gc.disable()
make_cycles(5000)
print('disabled, freed:', freed)
gc.collect()
print('after an explicit collection:', freed)
gc.enable()

# A threshold of 0 disables automatic collection as well.
freed = 0
refs.clear()
gc.set_threshold(0)
make_cycles(3000)
print('threshold 0, freed:', freed)
gc.set_threshold(700, 10, 10)
make_cycles(3000)
print('threshold restored, freed some:', freed > 2000)
gc.collect()
print('all freed:', freed == 6000)

# Collections of older generations happen too.
before = gc.get_stats()
freed = 0
refs.clear()
make_cycles(20000)
after = gc.get_stats()
print('generation 1 collected automatically:',
      after[1]['collections'] > before[1]['collections'])
