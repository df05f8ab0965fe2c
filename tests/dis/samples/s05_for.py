"""for loops: else clauses, nesting, enumerate and zip."""


def total(items):
    s = 0
    for x in items:
        s += x
    return s


def search(matrix, target):
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value == target:
                return i, j
    else:
        return None


def pairs(a, b):
    out = []
    for x, y in zip(a, b):
        if x == y:
            continue
        out.append((x, y))
    return out


def loop_else(n):
    for i in range(n):
        if i == 100:
            break
    else:
        i = -1
    return i


def warmup():
    total(range(30))
    search([[1, 2], [3, 4]], 4)
    pairs([1, 2, 3], [1, 5, 3])
    loop_else(10)
