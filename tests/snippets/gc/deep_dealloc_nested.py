"""Deallocating containers nested a million deep must not overflow the native stack:
CPython's trashcan defers the nested deallocations. Each structure is really freed (a
weak reference to its innermost object is dead afterwards)."""
import gc
import weakref


class Node:
    __slots__ = ('next', '__weakref__')

    def __init__(self, next):
        self.next = next


class Leaf:
    pass


def check(name, build):
    leaf = Leaf()
    w = weakref.ref(leaf)
    top = build(leaf)
    del leaf
    print(name, 'alive before drop:', w() is not None)
    del top
    print(name, 'freed after drop:', w() is None)


N = 1_000_000


def lists(leaf):
    x = [leaf]
    for _ in range(N):
        x = [x]
    return x


def tuples(leaf):
    x = (leaf,)
    for _ in range(N):
        x = (x,)
    return x


def dicts(leaf):
    x = {'v': leaf}
    for _ in range(N):
        x = {'v': x}
    return x


gc.disable()
for name, build in [('lists', lists), ('tuples', tuples), ('dicts', dicts)]:
    check(name, build)
gc.enable()
