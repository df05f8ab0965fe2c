# set and frozenset basics; element order follows CPython's hash table exactly.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = {3, 1, 2}
print(s, len(s), 1 in s, 5 in s, set(), frozenset(), set([1, 1, 2]), frozenset(range(5)))
s.add(4); s.add(1); s.discard(3); s.discard(99); s.remove(2)
print(s)
attempt(lambda: s.remove(99))
attempt(lambda: s.remove([]))
attempt(lambda: s.add([]))
attempt(lambda: s.discard({}))
attempt(lambda: set().pop())
attempt(lambda: set(1))
attempt(lambda: set(1, 2))
attempt(lambda: set(x=1))
attempt(lambda: frozenset(1, 2))
attempt(lambda: frozenset(x=1))
attempt(lambda: {[1]})
attempt(lambda: hash(set()))
print(set(range(20)), set(range(0, 100, 7)), set(range(-5, 5)), {10 ** 20, -1, 2 ** 63, 7})
print(set([100, 200, 300, 8, 16, 64, 1000]), set([32, 64, 96, 128, 160, 192]))
s = set(range(10))
print(s.pop(), s.pop(), s)
s = set()
for i in range(30):
    s.add(i * 37 % 101)
print(s)
for i in range(0, 30, 2):
    s.discard(i * 37 % 101)
print(s)
s.clear()
print(s, len(s))
f = frozenset([1, 2, 3])
print(f, f.copy() is f, frozenset(f) is f, set(f), type(f.copy()).__name__)
s = {1, 2}
t = s.copy()
t.add(3)
print(s, t, s is t)
print({frozenset({1, 2}), frozenset({1, 2})}, frozenset({frozenset()}))
print(set('abc') == {'a', 'b', 'c'}, sorted(set('hello')))
x = {1, 2, 3}
print(set.__contains__(x, 1), x.__contains__(5), {1, 2} == frozenset({1, 2}))
print({2, 1} | {3}, {1.0, 1, True}, {0, False, 0.0}, len({-1, -2}))
