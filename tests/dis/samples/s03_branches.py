"""if/elif/else, boolean operators and conditional expressions."""


def classify(n):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n < 10 and n % 2 == 0:
        kind = "small even"
    elif n < 10 or n > 1000:
        kind = "small odd or huge"
    else:
        kind = "other"
    return kind


def ternary(a, b):
    return a if a > b else b


def short_circuit(a, b, c):
    x = a and b
    y = a or b
    z = a and b or c
    return x, y, z, not (a or b)


def nested_if(a, b):
    if a:
        if b:
            return 1
        else:
            return 2
    return 3


def warmup():
    for n in (-1, 0, 4, 5, 2000, 50):
        classify(n)
    ternary(1, 2)
