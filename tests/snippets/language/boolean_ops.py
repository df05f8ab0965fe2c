"""and/or/not return values and short-circuit evaluation, truthiness of objects."""
def t(x):
    print("t", repr(x))
    return x
print(t(0) and t(1))
print(t(2) and t(3))
print(t(0) or t(""))
print(t([]) or t([1]))
print(t(1) or t(2))
print(not 0, not [], not [0], not "", not None, not 0.0, not 0j)
print(1 and 2 and 3, 1 and 0 and 3, 0 or "" or None, 0 or "" or "x" or 1)
print(None or [] or {} or set() or 0 or False)
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
class Lenny:
    def __len__(self):
        return 0
print(bool(Truthy(True)), bool(Lenny()), bool(object()))
print(Truthy(False) or "fallback")
r = Truthy(True) and "second"
print(r)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
if Lenny() or 0:
    print("no")
else:
    print("falsy")
print(all([]), any([]), [] and 1, [0] and 1)
