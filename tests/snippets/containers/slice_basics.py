# slice objects and Ellipsis.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = slice(1, 10, 2)
print(s, slice(5), slice(None), slice(1, None), slice('a', [1], (2,)), s.start, s.stop, s.step)
print(s.indices(5), slice(None).indices(10), slice(None, None, -1).indices(10), slice(-100, 100, 3).indices(10))
print(slice(2 ** 100, -2 ** 100, -1).indices(5), slice(-5, None).indices(3), slice(0, 0).indices(0), slice(None, None, -2 ** 70).indices(4))
print(slice(3).indices(2 ** 70), slice(-1).indices(2 ** 70), slice(True, 5, 2).indices(False))
attempt(lambda: slice(1, 2, 0).indices(5))
attempt(lambda: slice(1).indices(-1))
attempt(lambda: slice(1).indices('a'))
attempt(lambda: slice('a').indices(3))
attempt(lambda: slice(None, None, 'x').indices(3))
attempt(lambda: slice())
attempt(lambda: slice(1, 2, 3, 4))
attempt(lambda: slice(x=1))
attempt(lambda: hash(slice(1)))
attempt(lambda: setattr(s, 'start', 0))
attempt(lambda: slice(1) < 3)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) < slice(1, 3), slice(2) > slice(1))
print(slice(1, 2) != slice(1, 2), slice(1, 2) == (1, 2, None), s == s, s <= s, s < s)
attempt(lambda: slice(1, 'a') < slice(1, 2))
print(s.__reduce__(), slice.__doc__.splitlines()[0])
print([0, 1, 2, 3, 4][s], 'abcdefghij'[s], (0, 1, 2, 3)[slice(None, None, -1)], range(20)[s])
print(Ellipsis, repr(...), ... is Ellipsis, type(...).__name__, type(...)() is Ellipsis, Ellipsis.__reduce__())
attempt(lambda: type(...)(1))
attempt(lambda: type(...)(x=1))
print(bool(...), ... == ..., str(...))
class C:
    def __getitem__(self, k):
        return k
c = C()
print(c[1:2], c[::], c[:, 1], c[..., 1:2:3], c[1:2, ::-1], c[:'a'])
class I:
    def __index__(self):
        return 2
print([0, 1, 2, 3][I():], slice(I(), I()).indices(5))
