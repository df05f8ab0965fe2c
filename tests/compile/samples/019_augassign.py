x += 1
x -= 2
x *= 3
x /= 4
x //= 5
x %= 6
x **= 7
x <<= 1
x >>= 1
x &= 1
x |= 1
x ^= 1
x @= y
obj.attr += 1
obj.a.b -= 2
d[k] += 1
d[i][j] *= 2


def f(a):
    a += 1
    return a
