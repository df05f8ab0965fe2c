# A finished frame that holds its own traceback in a local is a cycle
# (traceback -> frame -> local -> traceback). The collector must break it with the
# frame's tp_clear, so the objects are freed by the first collection and a second
# collection finds nothing.
import gc
import weakref


class Marker:
    pass


def make_cycle():
    m = Marker()
    try:
        raise TypeError("boom")
    except TypeError as exc:
        tb = exc.__traceback__
    return weakref.ref(m)


gc.collect()
gc.disable()
r = make_cycle()
print("alive before collect:", r() is not None)
print("first collect:", gc.collect())
print("alive after collect:", r() is not None)
print("second collect:", gc.collect())


# A frame whose only reference is a traceback in a list that the frame holds.
def keep_self():
    holder = []
    try:
        1 / 0
    except ZeroDivisionError as e:
        holder.append(e)
    m = Marker()
    return weakref.ref(m)


r = keep_self()
print(r() is not None, gc.collect() > 0, r(), gc.collect())


# gh-91636: a finalizer that reaches a function while the collector clears it sees
# an empty name, not a broken function.
class LateFin:
    __slots__ = ("ref",)

    def __del__(self):
        global func
        func = self.ref()


class Cyclic(tuple):
    __slots__ = ()

    def __del__(self):
        self[1].ref = weakref.ref(self[0])
        global latefin
        del latefin


latefin = LateFin()


def func():
    pass


cyc = tuple.__new__(Cyclic, (func, latefin))
func.__module__ = cyc
del func, cyc
gc.collect()
print(repr(func.__name__), repr(func.__qualname__), func.__module__, func.__defaults__)
gc.enable()
