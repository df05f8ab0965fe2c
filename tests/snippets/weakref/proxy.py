"""weakref.proxy: attribute access, operators, calls, ReferenceError once the referent
is gone, getweakrefcount with proxies."""
import weakref


def mask(text):
    """Replace the addresses in a repr."""
    words = text.split(' ')
    return ' '.join('ADDR' + w[-1] * w.endswith('>') if w.startswith('0x') else w
                    for w in words)


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return 'Vec%r' % (tuple(self.xs),)

    def __str__(self):
        return 'vec of %d' % len(self.xs)

    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])

    def __radd__(self, other):
        return Vec(*[other + a for a in self.xs])

    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])

    def __iadd__(self, other):
        self.xs = [a + b for a, b in zip(self.xs, other.xs)]
        return self

    def __neg__(self):
        return Vec(*[-a for a in self.xs])

    def __abs__(self):
        return sum(a * a for a in self.xs)

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __delitem__(self, i):
        del self.xs[i]

    def __contains__(self, v):
        return v in self.xs

    def __iter__(self):
        return iter(self.xs)

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __lt__(self, other):
        return self.xs < other.xs

    def __bool__(self):
        return bool(self.xs)

    def __index__(self):
        return len(self.xs)

    def __int__(self):
        return 42

    def __float__(self):
        return 4.5

    def __hash__(self):
        return 7

    def norm(self):
        return abs(self)


v = Vec(1, 2, 3)
p = weakref.proxy(v)
print(type(p).__name__, type(p) is weakref.ProxyType)
print('attr', p.xs, p.norm())
p.extra = 'set through proxy'
print(v.extra)
del p.extra
print(hasattr(v, 'extra'))
print('str', str(p))
print('repr', mask(repr(p)))
print('arith', p + Vec(1, 1, 1), 10 + p, p * 2, -p, abs(p))
print('seq', len(p), p[0], p[-1], 2 in p, 9 in p, list(p), [x for x in p])
p[0] = 100
print(v.xs)
del p[0]
print(v.xs)
print('cmp', p == Vec(2, 3), p == v, p < Vec(5), p != v)
print('bool', bool(p), 'index', [10, 20, 30][p] if len(p) < 3 else None, int(p), float(p))
try:
    hash(p)
except TypeError as e:
    print('TypeError', e)
q = p
q += Vec(1, 1)
print('iadd', type(q).__name__, v.xs)
print('same proxy reused', weakref.proxy(v) is p)
print('count', weakref.getweakrefcount(v))
r = weakref.ref(v)
print('count with a ref', weakref.getweakrefcount(v))

# Callable proxies.
class Fn:
    def __call__(self, *args, **kw):
        return ('called', args, sorted(kw.items()))


fn = Fn()
cp = weakref.proxy(fn)
print(type(cp).__name__, type(cp) is weakref.CallableProxyType, cp(1, a=2))
print(weakref.ProxyTypes)

# After the referent dies: ReferenceError.
events = []
w = Vec(5)
pw = weakref.proxy(w, lambda pr: events.append(('callback', type(pr).__name__)))
del w
print(events)
for action in [lambda: pw.xs, lambda: pw + pw, lambda: len(pw), lambda: str(pw),
               lambda: pw[0], lambda: bool(pw), lambda: 1 in pw, lambda: iter(pw),
               lambda: pw == 1]:
    try:
        action()
        print('no error')
    except ReferenceError as e:
        print('ReferenceError', e)
print('repr', mask(repr(pw)))
del fn
try:
    cp()
except ReferenceError as e:
    print('ReferenceError', e)

# Proxies to objects that refuse weak references; proxy arguments.
try:
    weakref.proxy(1)
except TypeError as e:
    print('TypeError', e)
try:
    weakref.proxy()
except TypeError as e:
    print('TypeError', e)

# A proxy of an iterator is an iterator.
class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


it = It()
pi = weakref.proxy(it)
print(next(pi), list(pi))
keep = Vec()
try:
    next(weakref.proxy(keep))
except TypeError as e:
    print('TypeError', e)
