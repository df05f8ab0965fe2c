# enumerate: start values (also past sys.maxsize), errors, pickling state.
import sys
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(list(enumerate('abc')), list(enumerate('abc', 5)), list(enumerate('ab', -3)), list(enumerate([], 2)))
print(list(enumerate('xy', start=10)), list(enumerate(iterable='pq')), list(enumerate(start=1, iterable='z')))
e = enumerate('abcd', sys.maxsize - 1)
print(next(e), next(e), next(e), next(e))
print(list(enumerate('ab', 2 ** 100)), list(enumerate('ab', -2 ** 100)))
class I:
    def __index__(self):
        return 7
print(list(enumerate('a', I())), list(enumerate('ab', True)))
attempt(lambda: enumerate())
attempt(lambda: enumerate([], 1, 2))
attempt(lambda: enumerate(x=1))
attempt(lambda: enumerate([], 'a'))
attempt(lambda: enumerate([], start=1.5))
attempt(lambda: enumerate(5))
attempt(lambda: enumerate(5, 'a'))
attempt(lambda: enumerate(start=1))
attempt(lambda: enumerate([], foo=1))
attempt(lambda: enumerate(iterable=[], stop=1))
attempt(lambda: enumerate([], start=1, iterable=[]))
e = enumerate('abc', 3)
next(e)
r = e.__reduce__()
print(r[0], r[1][1], list(r[1][0]))
e = enumerate('ab', sys.maxsize)
next(e)
print(e.__reduce__()[1][1])
print(iter(e) is e, type(e).__name__)
class E(enumerate):
    pass
print(list(E('ab', 1)), type(E('x')).__name__)
attempt(lambda: E())
attempt(lambda: E([], 1, 2))
attempt(lambda: E(bogus=1))
def gen():
    yield 1
    raise RuntimeError('inside generator')
try:
    list(enumerate(gen()))
except RuntimeError as ex:
    print('RuntimeError', ex)
print(dict(enumerate('ab')), [i for i, _ in enumerate(range(3))])
