"""Calls of builtins that the PRECALL specialisations make directly (len, isinstance,
str/type/tuple of one argument, list.append, methods of built-in types, builtin
classes), warmed up and then given other callables, receivers and failing operands."""


class L:
    def __len__(self):
        return 7


class BadLen:
    def __len__(self):
        raise RuntimeError("no length")


class MyList(list):
    pass


def calls(x, y, items):
    a = len(x)
    b = isinstance(y, int)
    c = str(y)
    d = type(y)
    e = tuple(items)
    items.append(a)
    f = "-".join(["a", "b"])
    g = x.count(1) if hasattr(x, "count") else None
    h = int("12", base=8)
    i = sorted(items, reverse=True)[:2]
    j = "abc".upper()
    k = range(3)
    return a, b, c, d, e, f, g, h, i, j, k


for n in range(60):
    calls([1, 2, 1], n, [1])
print(calls((1, 1), 5, [2]))
print(calls(L(), "s", MyList([3])))
print(calls(b"a\x01", 2.5, [9]))
for bad in ((BadLen(), 1, []), (5, 1, []), ([1], 1, 5)):
    try:
        calls(*bad)
    except Exception as e:
        print(type(e).__name__, e)


def shadowed(x):
    return len(x), isinstance(x, str)


for _ in range(60):
    shadowed("ab")
len = lambda x: "shadowed len"
print(shadowed("ab"))
del len
isinstance = lambda a, b: "shadowed isinstance"
print(shadowed("ab"))
del isinstance
print(shadowed("abc"))


def method_calls(s, lst):
    lst.append(s.strip())
    return s.upper(), s.replace("a", "b"), lst.pop(), s.startswith("a")


for _ in range(60):
    method_calls(" abc ", [])
print(method_calls(" xyz ", []))
try:
    method_calls(b" abc ", [])
except TypeError as e:
    print("TypeError", e)


class S(str):
    def strip(self):
        return "custom strip"


print(method_calls(S(" abc "), MyList()))


def append_many(lst, n):
    for i in range(n):
        lst.append(i)
    return lst


print(append_many([], 30)[-3:], append_many(MyList(), 30)[-3:])


class NoAppend:
    def append(self, v):
        print("NoAppend.append", v)


append_many(NoAppend(), 2)


def rec(n):
    return n if n == 0 else len([rec(n - 1)])


print(rec(50))
