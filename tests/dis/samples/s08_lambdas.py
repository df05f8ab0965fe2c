"""Lambdas, including defaults, closures and nested lambdas."""

square = lambda x: x * x

make_adder = lambda n: (lambda x: x + n)

with_defaults = lambda a, b=2, *c, d=4, **e: (a, b, c, d, e)


def sort_by_second(pairs):
    return sorted(pairs, key=lambda p: (p[1], -p[0]))


def warmup():
    square(3)
    make_adder(1)(2)
    sort_by_second([(1, 2), (3, 1)])
