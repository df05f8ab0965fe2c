"""A gc callback that raises is reported as unraisable; the other callbacks still run
and the collection completes."""
import gc


def bad(phase, info):
    raise RuntimeError('callback failed in ' + phase)


def good(phase, info):
    print('good', phase, info['generation'])


gc.callbacks.append(bad)
gc.callbacks.append(good)
l = []
l.append(l)
del l
print('collected', gc.collect())
gc.callbacks.clear()
