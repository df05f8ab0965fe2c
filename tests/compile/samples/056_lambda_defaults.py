f = lambda a, b=1, *, c, d=2: (a, b, c, d)
g = lambda *args, **kwargs: (args, kwargs)
h = lambda a, /, b: a + b
k = [lambda x, i=i: x + i for i in range(3)]
m = lambda: (yield)
