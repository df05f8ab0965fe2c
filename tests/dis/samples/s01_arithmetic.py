"""Binary, in-place and unary operators on numbers."""


def binary(a, b):
    return (a + b, a - b, a * b, a / b, a // b, a % b, a ** 2,
            a << 1, a >> 1, a & b, a | b, a ^ b)


def matmul(m, n):
    return m @ n


def inplace(a, b):
    a += b
    a -= 1
    a *= b
    a //= 2
    a %= 7
    a **= 2
    a <<= 1
    a >>= 1
    a &= 255
    a |= 1
    a ^= 3
    a /= 2
    return a


def unary(x):
    return -x, +x, ~x, not x


def floats(a, b):
    return a + b, a - b, a * b, a / b


def folded():
    # The compiler folds these constants away.
    return 2 ** 10 + 3 * 4 - (1 << 5)


def warmup():
    binary(7, 3)
    floats(7.5, 3.25)
    inplace(9, 4)
    unary(5)
