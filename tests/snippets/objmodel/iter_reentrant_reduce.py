# Iterators whose own callback or builtins lookup exhausts them.
import builtins
import contextlib


def spam():
    if spam.recursive:
        return 'no more'
    spam.recursive = True
    list(spam.iterator)
    return 'has more'


spam.recursive = False
spam.iterator = iter(spam, 'no more')
try:
    print(next(spam.iterator))
except StopIteration:
    print("StopIteration")
print(spam.iterator.__reduce__()[1])

builtins_dict = builtins.__dict__
orig = {"iter": iter, "reversed": reversed}


class EmptyIterClass:
    def __len__(self):
        return 0

    def __getitem__(self, i):
        raise StopIteration


def run(builtin_name, item, sentinel=None):
    it = iter(item) if sentinel is None else iter(item, sentinel)

    class CustomStr:
        def __init__(self, name, iterator):
            self.name = name
            self.iterator = iterator

        def __hash__(self):
            return hash(self.name)

        def __eq__(self, other):
            list(self.iterator)
            return other == self.name

    del builtins_dict[builtin_name]
    builtins_dict[CustomStr(builtin_name, it)] = orig[builtin_name]
    return it.__reduce__()


results = []
try:
    results.append(run("iter", "xyz"))
    results.append(run("iter", [1, 2, 3]))
    results.append(run("reversed", orig["reversed"](list(range(8)))))
    for case in [(EmptyIterClass(),), (bytes(8),), (bytearray(8),), ((1, 2, 3),),
                 (lambda: 0, 0), (tuple[int],)]:
        results.append(run("iter", *case))
finally:
    for key, func in orig.items():
        with contextlib.suppress(KeyError):
            del builtins_dict[key]
        builtins_dict[key] = func
for r in results:
    print(r[0] is iter, r[1:])
