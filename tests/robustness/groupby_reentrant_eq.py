# groupby with a key whose __eq__ advances the current group: no crash.
from itertools import groupby
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, other):
        if state["grouper"] is not None:
            next(state["grouper"], None)
        return self.v == other.v
    __hash__ = None
state = {"grouper": None}
g = groupby([1, 1, 2, 2, 3], key=K)
out = []
for k, grp in g:
    state["grouper"] = grp
    out.append(k.v)
print(out[:3])
print([(k, list(v)) for k, v in groupby("aabbbc")])
