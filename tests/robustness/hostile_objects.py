"""Objects with hostile special methods: wrong return types, raising in __del__/__hash__, huge __len__/__index__."""
class BadHash:
    def __hash__(self):
        return "nope"
class RaiseHash:
    def __hash__(self):
        raise ValueError("no hash")
class BigLen:
    def __len__(self):
        return 10 ** 30
class NegLen:
    def __len__(self):
        return -5
class BadIndex:
    def __index__(self):
        return "x"
class HugeIndex:
    def __index__(self):
        return 10 ** 30
class BadIter:
    def __iter__(self):
        return [1]
class BadNext:
    def __iter__(self):
        return self
    def __next__(self):
        raise TypeError("next exploded")
class DelRaises:
    def __del__(self):
        raise ValueError("in __del__")
cases = [
    ("hash str", lambda: hash(BadHash())), ("dict badhash", lambda: {BadHash(): 1}),
    ("set raisehash", lambda: {RaiseHash()}), ("len huge", lambda: len(BigLen())),
    ("len negative", lambda: len(NegLen())), ("bool huge len", lambda: bool(BigLen())),
    ("index str", lambda: [1][BadIndex()]), ("index huge", lambda: [1][HugeIndex()]),
    ("range huge", lambda: range(HugeIndex())[0]), ("list mult huge", lambda: [1] * HugeIndex()),
    ("iter list", lambda: iter(BadIter())), ("list badnext", lambda: list(BadNext())),
    ("sorted badnext", lambda: sorted(BadNext())), ("int str", lambda: int("x" * 100)),
    ("chr huge", lambda: chr(HugeIndex())), ("bytes neg", lambda: bytes(-1)),
    ("slice badindex", lambda: [1, 2][BadIndex():]), ("str mul badindex", lambda: "a" * BadIndex()),
]
for name, fn in cases:
    try:
        r = fn()
        print(name, "->", r if not isinstance(r, (list, dict, set)) else type(r).__name__)
    except Exception as e:
        print(name, type(e).__name__, e)
print("survived")
