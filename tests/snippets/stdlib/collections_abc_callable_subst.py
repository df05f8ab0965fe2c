# collections.abc.Callable[...] substitution: TypeVars, a ParamSpec replaced by a
# list of types (or, per PEP 612, by the types themselves), Concatenate.
import collections.abc as cabc
from typing import TypeVar, ParamSpec, Concatenate

T = TypeVar("T")
P = ParamSpec("P")
P2 = ParamSpec("P2")

C1 = cabc.Callable[P, T]
print(C1, C1.__parameters__, C1.__args__)
for alias in (C1[[int, str], float], C1[[], bytes], C1[..., int],
              C1[P2, int], C1[Concatenate[int, P2], str]):
    print(alias, alias.__args__, alias.__parameters__)

C2 = cabc.Callable[P, str]
print(C2[int], C2[int, str, float], C2[[int]], C2[[list[int], bytes]])
C3 = cabc.Callable[[int, T], T]
print(C3[str], C3[str].__args__, type(C3[str]).__name__)
C4 = cabc.Callable[Concatenate[int, P], T]
print(C4[[str], bool], C4[[str], bool].__args__)
print(cabc.Callable[[int], str] == C2[[int]], cabc.Callable[..., T][int])
print(C1[[int], str].__reduce__())
