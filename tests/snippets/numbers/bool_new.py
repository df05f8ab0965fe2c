# bool(): truth of any object; bool cannot be subclassed.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for v in [0, 1, -1, 0.0, -0.0, 0.5, float('nan'), 0j, 1j, '', 'a', [], [0], (), {}, None,
          2 ** 100, range(0), range(3)]:
    print(repr(v), bool(v))
print(bool(), bool(bool))
class T:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class Bad:
    def __bool__(self):
        return 1
class BadLen:
    def __len__(self):
        return -1
print(bool(T()), bool(L()))
attempt(lambda: bool(Bad()))
attempt(lambda: bool(BadLen()))
attempt(lambda: bool(x=1))
attempt(lambda: bool(1, 2))
try:
    class B(bool):
        pass
except TypeError as e:
    print('TypeError', e)
print(type(True).__name__, bool.__name__, bool.__base__.__name__, bool.__mro__)
print(bool.__doc__.splitlines()[0])
