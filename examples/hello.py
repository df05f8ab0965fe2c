"""A tour of what pyrs runs today: run it with `pyrs examples/hello.py`."""


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__(f"{w}x{h}")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        super().__init__(f"r={r}")
        self.r = r

    def area(self):
        return 3.141592653589793 * self.r**2


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def main():
    print("Hello from pyrs!")
    shapes = [Rect(3, 4), Circle(1.5), Rect(2, 2)]
    for s in sorted(shapes, key=lambda s: s.area()):
        print(" ", s)
    gen = fib()
    print("fib:", [next(gen) for _ in range(15)])
    print("2**100 =", 2**100)
    words = "the quick brown fox jumps over the lazy dog".split()
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    print("counts:", {w: n for w, n in counts.items() if n > 1})
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("caught:", type(e).__name__, "-", e)


if __name__ == "__main__":
    main()
