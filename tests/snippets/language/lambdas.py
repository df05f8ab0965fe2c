"""lambda: defaults, closures, immediately invoked, in sort keys, names and reprs."""
sq = lambda x: x * x
print(sq(7), sq.__name__, (lambda: None)())
print((lambda a, b=2, *c, d=4, **e: (a, b, c, d, e))(1, 3, 5, d=6, f=7))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1], reverse=True))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print(list(map(lambda x: x % 3, range(7))))
print((lambda *a: sum(a))(1, 2, 3), (lambda **k: k)(z=1))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
print((lambda x: (lambda y: x + y))(10)(5))
print((lambda: (yield))().__class__.__name__)
