"""Heap queue algorithm (a.k.a. priority queue).

pyrs's heapq (CPython 3.11's Lib/heapq.py), written for pyrs: the heap primitives
are here in Python and replaced by the native `_heapq` (modules/src/_heapq.rs) when it
can be imported; merge, nsmallest and nlargest are here. nsmallest(n, it, key) gives sorted(it, key=key)[:n] and nlargest gives
sorted(it, key=key, reverse=True)[:n], keeping at most n items at a time.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


# The heap primitives in Python, used when the native _heapq is unavailable (CPython's
# tests import heapq with _heapq blocked to test these). The heap is a list with
# heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2]; the native module replaces them
# below and must give the same layouts, so the algorithms are CPython's: _siftup
# moves the hole at pos down to a leaf along the smaller children, then _siftdown
# bubbles the new item back up (fewer comparisons than stopping early).

def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    lastelt = heap.pop()    # raises IndexError if heap is empty
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item."""
    returnitem = heap[0]    # raises IndexError if heap is empty
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Fast version of a heappush followed by a heappop."""
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup(x, i)


def _heappop_max(heap):
    """Maxheap version of a heappop."""
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item):
    """Maxheap version of a heappop followed by a heappush."""
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


def _heapify_max(x):
    """Transform list into a maxheap, in-place, in O(len(x)) time."""
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup_max(x, i)


def _siftdown(heap, startpos, pos):
    # Move the item at pos up towards startpos while it is smaller than its parent.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    # Move the hole at pos down to a leaf, always along the smaller child, then put
    # the item back there and bubble it up.
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    """Maxheap variant of _siftdown."""
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    """Maxheap variant of _siftup."""
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)



def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output.

    Similar to sorted(itertools.chain(*iterables)) but returns a generator,
    does not pull the data into memory all at once, and assumes that each of
    the input streams is already sorted (smallest to largest).

    >>> list(merge([1,3,5,7], [0,2,4,8], [5,10,15,20], [], [25]))
    [0, 1, 2, 3, 4, 5, 5, 7, 8, 10, 15, 20, 25]

    If *key* is not None, applies a key function to each element to determine
    its sort order.

    >>> list(merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len))
    ['dog', 'cat', 'fish', 'horse', 'kangaroo']

    """
    # Each heap entry is [key, order, value, next]: `order` (the input's position,
    # negated for reverse) breaks ties so that equal items keep their input order
    # and values themselves are never compared.
    if reverse:
        push_down, replace, pop = _heapify_max, _heapreplace_max, _heappop_max
        sign = -1
    else:
        push_down, replace, pop = heapify, heapreplace, heappop
        sign = 1
    h = []
    for order, it in enumerate(map(iter, iterables)):
        next_ = it.__next__
        try:
            value = next_()
        except StopIteration:
            continue
        h.append([value if key is None else key(value), order * sign, value, next_])
    push_down(h)
    while len(h) > 1:
        try:
            while True:
                entry = h[0]
                yield entry[2]
                value = entry[3]()
                entry[0] = value if key is None else key(value)
                entry[2] = value
                replace(h, entry)
        except StopIteration:
            pop(h)
    if h:
        # One input is left: copy the rest of it straight through.
        entry = h[0]
        yield entry[2]
        yield from entry[3].__self__


def _select(n, iterable, key, largest):
    """The n best items (smallest or largest by key) in sorted order, stable."""
    it = iter(iterable)
    # A bounded heap of [key, order, value]; for the smallest items it is a max-heap
    # (the worst kept item on top), for the largest a min-heap.
    if largest:
        heapify_, replace, sign = heapify, heapreplace, -1
    else:
        heapify_, replace, sign = _heapify_max, _heapreplace_max, 1
    result = []
    for order, value in zip(range(0, n * sign, sign), it):
        result.append((value if key is None else key(value), order, value))
    if not result:
        return []
    heapify_(result)
    top = result[0][0]
    order = n * sign
    for value in it:
        k = value if key is None else key(value)
        if (k > top) if largest else (k < top):
            replace(result, (k, order, value))
            top = result[0][0]
            order += sign
    result.sort(reverse=largest)
    return [entry[2] for entry in result]


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]
    """
    if n == 1:
        sentinel = object()
        result = min(iterable, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if n <= 0:
        return []
    return _select(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]
    """
    if n == 1:
        sentinel = object()
        result = max(iterable, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    return _select(n, iterable, key, True)


# The native primitives replace the Python ones when they exist.
try:
    from _heapq import *
    from _heapq import __doc__
except ImportError:
    pass
try:
    from _heapq import _heapreplace_max
except ImportError:
    pass
try:
    from _heapq import _heapify_max
except ImportError:
    pass
try:
    from _heapq import _heappop_max
except ImportError:
    pass
