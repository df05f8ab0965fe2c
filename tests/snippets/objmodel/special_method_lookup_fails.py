# A special method whose lookup fails (a property whose getter raises) is treated
# as CPython's slot functions do: __eq__ gives NotImplemented, __hash__ makes the
# object unhashable, __repr__ falls back to <Name object at ...>, __len__ raises.


def booh(self):
    raise AttributeError("booh")


class A:
    a = property(booh)


try:
    A().a
except AttributeError as x:
    print("A().a:", x)


class E:
    __eq__ = property(booh)
    __lt__ = property(booh)


print(E() == E(), E() != E())
try:
    E() < E()
except TypeError as e:
    print("TypeError:", e)


class H:
    __hash__ = property(booh)


try:
    hash(H())
except TypeError as e:
    print("TypeError:", e)


class R:
    __repr__ = property(booh)


print(repr(R()).split(" at ")[0])


class L:
    __len__ = property(booh)


try:
    len(L())
except AttributeError as e:
    print("AttributeError:", e)


class I:
    __init__ = property(booh)


try:
    I()
except AttributeError as e:
    print("AttributeError:", e)
