"""Deallocating very long chains must not overflow the native stack: CPython's
trashcan defers the nested deallocations. The chain is really freed
(a weak reference to its innermost object is dead afterwards)."""
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


def linked(leaf):
    head = leaf
    for _ in range(N):
        head = Node(head)
    return head


gc.disable()
check('linked list', linked)

# A long chain closed into a cycle: freed by the collector.
first = Node(None)
w = weakref.ref(first)
head = first
for _ in range(N):
    head = Node(head)
first.next = head
del first, head
print('cycle alive before collect:', w() is not None)
print('collected', gc.collect())
print('cycle freed after collect:', w() is None)
gc.enable()
