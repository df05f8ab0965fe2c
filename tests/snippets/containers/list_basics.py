# list: construction, repr, indexing, methods.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

l = [3, 1, 2]
print(l, len(l), l[0], l[-1], list('ab'), list(range(3)), list((1, 2)), list({1: 2}), [])
l.append(4); l.insert(0, 0); l.insert(-1, 9); l.insert(100, 'end'); l.insert(-100, 'start')
print(l)
l.extend([5, 6]); l.extend((7,)); l.extend(x for x in 'xy'); l.extend(iter([]))
print(l, l.pop(), l.pop(0), l.pop(-2), l)
print(l, l.index(9), l.count(9), l.index(2, 2), l.index(4, -5, -1))
l.remove(9)
print(l, 9 in l, 2 in l)
c = l.copy()
c.reverse()
print(c, l, c is l)
c.clear()
print(c, len(c), bool(c), bool(l))
attempt(lambda: [].pop())
attempt(lambda: [1].pop(5))
attempt(lambda: [1].pop(-2))
attempt(lambda: [1].pop('a'))
attempt(lambda: [1].pop(2 ** 70))
attempt(lambda: [1].index(5))
attempt(lambda: [1].index('x'))
attempt(lambda: [1].index(1, 1))
attempt(lambda: [1].index(1, 'a'))
attempt(lambda: [1].index(1, None))
attempt(lambda: [].index())
attempt(lambda: [1].remove(5))
attempt(lambda: [1].insert(1))
attempt(lambda: [1].insert('a', 1))
attempt(lambda: [1].insert(2 ** 70, 1))
attempt(lambda: [].append())
attempt(lambda: [].append(1, 2))
attempt(lambda: [].extend(1))
attempt(lambda: [].extend())
one = [1]
attempt(lambda: one[1])
attempt(lambda: one[-2])
attempt(lambda: one['a'])
attempt(lambda: one[None])
attempt(lambda: list(1))
attempt(lambda: list(1, 2))
attempt(lambda: list(x=1))
attempt(lambda: [].count())
attempt(lambda: [1] + (1,))
attempt(lambda: [1] + None)
attempt(lambda: [1] * 'a')
attempt(lambda: [1] * 2.0)
attempt(lambda: [1] * (2 ** 70))
attempt(lambda: [1, 2] * (2 ** 62))
attempt(lambda: hash([]))
x = [1, 2]
x[0] = 'a'
x[-1] = 'b'
print(x)
try:
    x[2] = 1
except IndexError as e:
    print('IndexError', e)
try:
    del x[5]
except IndexError as e:
    print('IndexError', e)
del x[0]
print(x, [1, 2] + [3], [0] * 3, 3 * [1, 2], [1] * -1, [] * 5)
print([1, [2, [3, []]]], [None, True, 1.5, 'q', b'b'], repr(['a"', "b'"]))
print(list.__name__, list.__doc__.splitlines()[0], [].__class__ is list)
