"""Generator expressions and lazy pipelines, nested and with conditions."""


def pipeline(data):
    evens = (x for x in data if x % 2 == 0)
    squares = (x * x for x in evens)
    return list(squares)


def nested_genexp(n):
    return list((i, j) for i in range(n) for j in range(i))


def any_all(items):
    return any(x > 3 for x in items), all(x for x in items)


def warmup():
    pipeline(range(10))
    nested_genexp(4)
    any_all([1, 5])
