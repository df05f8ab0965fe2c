class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    pairs = {k: v for k, v in zip(vals, vals)}
    x = 10
    shifted = [x + v for v in vals]


def outer():
    class D:
        y = 5
        ys = [y for _ in range(3)]
    return D
