"""yield from: delegation, return value, send/throw/close forwarding, nested delegation."""
def inner():
    x = yield "i1"
    print("inner got", x)
    y = yield "i2"
    print("inner got", y)
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "o1"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
print(list(yield_from_iter := (lambda: (yield from [1, 2, 3]))()))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", range(3), [None])))
def sub():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("sub caught", e)
        yield "recovered"
    finally:
        print("sub finally")
def deleg():
    yield from sub()
    yield "after"
d = deleg()
print(next(d), d.throw(ValueError("v")), next(d))
d2 = deleg()
next(d2)
d2.close()
print("closed")
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def ret_only():
    return 5
    yield
def get():
    v = yield from ret_only()
    yield v
print(list(get()))
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print(type(e).__name__, e)
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
def from_iter():
    r = yield from It()
    yield ("ret", r)
g = from_iter()
print(list(g))
def sends_to_iter():
    yield from iter([1, 2])
s = sends_to_iter()
next(s)
try:
    s.send("x")
except AttributeError as e:
    print(type(e).__name__, e)
