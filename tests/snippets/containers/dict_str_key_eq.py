# A dict whose keys are all exact str uses the str-only lookup; once another key
# is in it, every lookup goes through the general one and calls __eq__ on keys
# with a matching hash. Attribute and global lookups (type dicts, module globals)
# must do the same.


class K:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, o):
        print("K eq", self.n, repr(o))
        return self.n == o

    def __repr__(self):
        return "K(%r)" % self.n


class S(str):
    def __eq__(self, o):
        print("S eq", str(self), repr(o))
        return str.__eq__(self, o)

    __hash__ = str.__hash__


d = {"a": 1}
print(d[K("a")], K("a") in d, d.get(K("a")), d.get(K("b")))
d = {"a": 1, "b": 2}
print(d[S("a")], S("b") in d, S("c") in d)
d2 = {S("a"): 5}
print(d2["a"], "a" in d2)
d3 = {"x": 1}
d3[K("x")] = 2
print(d3, len(d3))

# Class attributes: the lookup through the MRO calls the key's __eq__.
A = type("A", (), {K("x"): 1, S("y"): 2})
print(A.x)
print(A().y)
B = type("B", (A,), {})
print(B.x, B().y)


class Raises:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, o):
        raise ValueError("eq failed")


C = type("C", (), {Raises("z"): 1})
try:
    C.z
except AttributeError as e:
    print("AttributeError", e)


# Globals: LOAD_GLOBAL in a function uses the general lookup too.
def f():
    return glob


g = {"__builtins__": __builtins__, S("glob"): 3}
f2 = type(f)(f.__code__, g)
print(f2(), f2())
g2 = {"__builtins__": __builtins__, K("glob"): 4}
print(type(f)(f.__code__, g2)())


def h():
    return missing


g3 = {"__builtins__": __builtins__, Raises("missing"): 0}
try:
    print(type(h)(h.__code__, g3)())
except ValueError as e:
    print("ValueError", e)

# Instance and module dicts.
class O:
    pass


o = O()
o.__dict__[K("attr")] = 3
print(o.attr)
import sys

m = type(sys)("m")
m.__dict__[K("q")] = 9
print(m.q, getattr(m, "q"))
