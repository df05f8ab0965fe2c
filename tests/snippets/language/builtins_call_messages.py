"""TypeError messages from calling builtins and methods with bad arguments (counts, keywords, types)."""
import sys
calls = [
    lambda: sys.getrecursionlimit(1), lambda: [].sort(1), lambda: sorted(),
    lambda: sorted([], key=None, reverse=False, x=1), lambda: "abc".startswith(), lambda: range(),
    lambda: range(1, 2, 3, 4), lambda: int(1, 2, 3), lambda: getattr(), lambda: setattr(1),
    lambda: enumerate(), lambda: zip(1), lambda: zip([], x=1), lambda: zip([], strict=1, x=2),
    lambda: map(len), lambda: map(len, 1), lambda: iter(), lambda: next(), lambda: super(1, 2),
    lambda: object.__init__(object(), 1), lambda: object(1), lambda: type("X", (), {})(1),
    lambda: print(**{"sep": 1}), lambda: dict(**{"a": 1}, a=2), lambda: filter(None),
    lambda: reversed(), lambda: len([], []), lambda: abs("x"), lambda: round("x"),
    lambda: divmod("a", 1), lambda: pow("a", 2), lambda: sum(1), lambda: min(1, key=1, default=2),
    lambda: chr("a"), lambda: ord(1), lambda: hex("1"), lambda: isinstance(1, "int"),
    lambda: issubclass(int, 1), lambda: hasattr(1, 2), lambda: callable(), lambda: vars(1, 2),
    lambda: repr(), lambda: format(1, 2), lambda: list(1),
    lambda: tuple(1, 2), lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: set(1),
    lambda: frozenset([[]]), lambda: str(1, 2), lambda: bytes("x"), lambda: float([]),
    lambda: complex("x", 1), lambda: bool(1, 2), lambda: slice(), lambda: property(1, 2, 3, 4, 5),
]
for c in calls:
    try:
        c()
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
