"""with statements: __enter__/__exit__ order, as-targets, multiple managers, exit on return/break."""
class CM:
    def __init__(self, name, value=None):
        self.name = name
        self.value = value
    def __enter__(self):
        print("enter", self.name)
        return self.value if self.value is not None else self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return False
with CM("a") as a:
    print("body", a.name)
with CM("x", 1) as x, CM("y", 2) as y:
    print("body", x, y)
with CM("outer"):
    with CM("inner"):
        print("nested body")
def ret():
    with CM("r"):
        return "returned"
print(ret())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 1:
            break
        continue
with CM("tuple", (1, 2)) as (p, q):
    print(p, q)
class Holder:
    pass
h = Holder()
with CM("attr", 5) as h.v:
    pass
print(h.v)
with (CM("p1") as one,
      CM("p2") as two):
    print("parenthesized", one.name, two.name)
try:
    with 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class EnterFails:
    def __enter__(self):
        raise ValueError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with EnterFails():
        print("never body")
except ValueError as e:
    print(type(e).__name__, e)
