from _collections import deque
import sys

d = deque()
print(d, len(d), bool(d), d.maxlen)
d = deque('abc')
d.append('d'); d.appendleft('z')
print(d, d[0], d[-1], d[2], len(d))
print(d.pop(), d.popleft(), d)
d.extend(range(3)); d.extendleft('xy')
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(); print(d)
d.rotate(100); print(d)
d.reverse(); print(d)
print(d.count(1), d.count('q'), d.index('a'), d.index(0, 2), 'a' in d, 'q' in d)
d.insert(2, 'INS'); print(d)
d.insert(-1, 'NEG'); print(d)
d.insert(100, 'END'); d.insert(-100, 'START'); print(d)
d.remove('INS'); print(d)
del d[1]; print(d)
d[0] = 'first'; print(d)
d2 = d.copy(); print(d2 == d, d2 is d, d2)
d.clear(); print(d, d2)

# maxlen
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10); print(m)
m.appendleft(-1); print(m)
m.extend('ab'); print(m)
m.extendleft('xy'); print(m)
print(deque('abc', 0), deque('abc', maxlen=None))
z = deque(maxlen=0); z.append(1); z.extend([1, 2]); print(z)
try:
    m.insert(0, 'no')
except IndexError as e:
    print('IndexError', e)
for bad in (-1, 'x', 1.5):
    try:
        deque([], bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# errors
for f in (deque().pop, deque().popleft):
    try:
        f()
    except IndexError as e:
        print('IndexError', e)
for i in (3, -4, 100):
    try:
        deque('abc')[i]
    except IndexError as e:
        print('IndexError', e)
    try:
        deque('abc')[i] = 0
    except IndexError as e:
        print('IndexError', e)
try:
    deque('abc')[1:2]
except TypeError as e:
    print('TypeError', e)
try:
    deque('abc').index('q')
except ValueError as e:
    print('ValueError', e)
try:
    deque('abc').remove('q')
except ValueError as e:
    print('ValueError', e)
try:
    hash(deque())
except TypeError as e:
    print('TypeError', e)
try:
    deque() + [1]
except TypeError as e:
    print('TypeError', e)
try:
    deque(1, 2, 3)
except TypeError as e:
    print('TypeError', e)
try:
    deque(foo=1)
except TypeError as e:
    print('TypeError', e)
try:
    deque().rotate('x')
except TypeError as e:
    print('TypeError', e)
try:
    deque().insert(1)
except TypeError as e:
    print('TypeError', e)

# operators
a = deque([1, 2]); b = deque([1, 2, 3])
print(a + b, a * 3, 2 * a, a * 0, a * -1)
a += [9]; print(a)
a *= 2; print(a)
print(a < b, a > b, a == deque([1, 2, 9, 1, 2, 9]), a != b, deque() <= deque(), deque([1]) >= deque([1, 0]))
print(deque([1]) == [1], deque([2]) < deque([1, 5]))
try:
    deque([1]) < [1]
except TypeError as e:
    print('TypeError', e)
print(deque([1], maxlen=5) * 10)
print(deque('ab', maxlen=3) * 5)

# iteration and mutation
d = deque(range(5))
print(list(d), list(reversed(d)))
it = iter(d)
next(it)
d.append(5)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
it = iter(d)
print(it.__length_hint__(), type(it).__name__, type(reversed(d)).__name__)

class Evil:
    def __eq__(self, other):
        d.clear()
        return False
d = deque([1, 2, 3])
for meth in ('count', 'index', '__contains__', 'remove'):
    d.extend([1, 2, 3])
    try:
        getattr(d, meth)(Evil())
    except (RuntimeError, IndexError) as e:
        print(meth, type(e).__name__, e)

# recursion in repr
d = deque([1])
d.append(d)
print(d)
print(repr(deque([deque([1])])))

# sizes
print(deque().__sizeof__(), deque(range(63)).__sizeof__(), deque(range(64)).__sizeof__(), deque(range(200)).__sizeof__())
# big deques across blocks
d = deque(range(1000))
d.rotate(333)
print(d[0], d[500], d[-1], sum(d), len(d))
for _ in range(700):
    d.pop()
print(d[0], d[-1], len(d), d.__sizeof__())
d = deque()
for i in range(500):
    d.appendleft(i)
print(d[0], d[499], d.index(250), d.__sizeof__())
r = d.__reduce__()
print(r[0], r[1], r[2], type(r[3]).__name__)
print(deque('ab', 5).__reduce__()[1])

class Sub(deque):
    pass
s = Sub('abc', 2)
print(s, type(s.copy()).__name__, s.copy(), type(s + deque('x')).__name__)
s.attr = 1
print(s.__reduce__()[1:3])
print(deque[int], deque.__module__, deque.__name__)
import _collections
it = _collections._deque_iterator(deque('abcdef'), 2)
print(list(it))
it = _collections._deque_reverse_iterator(deque('abcdef'), 2)
print(list(it))
it = iter(deque('abcd')); next(it)
print(it.__reduce__()[1][1])
