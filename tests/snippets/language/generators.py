"""Generators: yield, return values, StopIteration value, state, gi_running, exhaustion."""
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
g = countdown(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(countdown(5)), list(countdown(0)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def states():
    yield 1
g = states()
print(g.gi_frame is not None, g.gi_running)
list(g)
print(g.gi_frame)
def raising():
    yield 1
    raise ValueError("inside")
r = raising()
print(next(r))
try:
    next(r)
except ValueError as e:
    print(type(e).__name__, e)
print(next(r, "done"))
def stop_inside():
    yield 1
    raise StopIteration("bad")
try:
    list(stop_inside())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
def pipeline():
    nums = (i for i in range(10))
    evens = (n for n in nums if n % 2 == 0)
    squares = (n * n for n in evens)
    return list(squares)
print(pipeline())
def empty():
    return
    yield
print(list(empty()))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in gen_with_finally():
    print("got", v)
def yield_expr():
    x = yield
    print("received", x)
    y = yield x * 2
    print("received", y)
ye = yield_expr()
next(ye)
print(ye.send(5))
try:
    ye.send(6)
except StopIteration:
    print("finished")
