matrix = [[i * j for j in range(5)] for i in range(5)]
flat = [x for row in matrix for x in row if x % 2 if x]
gen = (sum(x for x in row) for row in matrix)
setc = {(a, b) for a in range(3) for b in range(a)}
f(x for x in y)
g(key=lambda v: [w for w in v])


def outer(n):
    return [[n + i + j for j in range(i)] for i in range(n)]
