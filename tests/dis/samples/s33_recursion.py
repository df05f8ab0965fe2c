"""Recursive functions, good for warming up the specialising interpreter."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n, acc=1):
    if n <= 1:
        return acc
    return fact(n - 1, acc * n)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def warmup():
    fib(8)
    fact(10)
    ackermann(1, 2)
