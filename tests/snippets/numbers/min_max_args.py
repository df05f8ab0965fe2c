# min() and max() over several positional arguments (read in place) and over one
# iterable, with key=, default= and the errors, as CPython.
class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v

    def __gt__(self, other):
        print("gt", self.v, other.v)
        return self.v > other.v

    def __repr__(self):
        return f"K({self.v})"


print(min(3, 1, 2), max(3, 1, 2), min(1, 1.0), max(1.0, 1), min("b", "a"))
print(min(K(2), K(1), K(3)), max(K(2), K(1), K(3)))
print(min(5, 2, key=lambda x: -x), max([4, 9, 1], key=str), min([], default="d"))
print(max((1, 2), (1, 3)), min([[2], [1, 5]]))
print(min(0, max(255, int(3.7 * 255))), max(0, min(255, -4)))
for call in (lambda: min(), lambda: max(1, 2, default=0), lambda: min([]),
             lambda: max(1, "a"), lambda: min(1, 2, key=len), lambda: max(5),
             lambda: min(1, 2, foo=1), lambda: max(iter([])),
             lambda: max([1], key=None, foo=2), lambda: min([1], key=len, default=3, x=1)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
