# Exceptions that reference themselves (through their traceback or attributes) are
# collected by the cycle collector.
import gc

class Tracked(Exception):
    pass

def make_cycle():
    try:
        raise Tracked('x')
    except Tracked as e:
        e.me = e
        return e

gc.collect()
before = sum(1 for o in gc.get_objects() if isinstance(o, Tracked))
for _ in range(50):
    make_cycle()
collected = gc.collect()
after = sum(1 for o in gc.get_objects() if isinstance(o, Tracked))
print(before, after, collected > 0)
e = ValueError('a')
e2 = ValueError('b')
e.__context__ = e2
e2.__context__ = e
del e, e2
print(gc.collect() >= 2)
print(gc.is_tracked(ValueError()), gc.is_tracked(int | str), gc.is_tracked(list[int]))
