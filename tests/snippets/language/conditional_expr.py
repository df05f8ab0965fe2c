"""Conditional expressions: evaluation order, nesting, in lambdas and comprehensions."""
def side(x):
    print("side", x)
    return x
print(side(1) if side(True) else side(2))
print(side(1) if side(0) else side(2))
x = 5
print("big" if x > 10 else "mid" if x > 3 else "small")
print(["even" if i % 2 == 0 else "odd" for i in range(5)])
f = lambda n: "neg" if n < 0 else ("zero" if n == 0 else "pos")
print([f(n) for n in (-1, 0, 1)])
print((1 if True else 2) + 10, 1 if False else 2 + 10)
y = [] if x else None
print(y)
