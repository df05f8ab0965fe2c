# Specialised Python-to-Python calls (CALL_PY_EXACT_ARGS, CALL_PY_WITH_DEFAULTS,
# bound methods): results, defaults, changed defaults, recursion and errors after the
# call sites have warmed up.


def f3(a, b=10, c=20):
    return (a, b, c)


def exact(a, b):
    return a * 100 + b


class C:
    def __init__(self, x):
        self.x = x

    def m(self, y, z=5):
        return self.x + y + z

    def n(self, y):
        return self.x * y


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


out = []
for i in range(30):
    out.append(f3(i))
    out.append(f3(i, i))
    out.append(f3(i, i, i))
    out.append(exact(i, i + 1))
print(out[:8], out[-4:], len(out))

# Defaults changed after the call sites specialised: the version guard misses.
for i in range(20):
    if i == 10:
        f3.__defaults__ = (7, 8)
    if i == 15:
        f3.__defaults__ = (1,)
    try:
        print(i, f3(i), f3(i, 2))
    except TypeError as e:
        print(i, "TypeError:", e)

c = C(3)
tot = 0
for i in range(40):
    tot += c.m(i) + c.m(i, 1) + c.n(i)
    bm = c.n
    tot += bm(2)
print(tot)

print(fib(18))

# Wrong argument counts at a warmed-up exact site.
g = exact
for i in range(20):
    try:
        if i == 12:
            g = lambda a: a
        print(g(i, 1))
    except TypeError as e:
        print("TypeError:", e)


# Locals beyond the parameters start unbound.
def locals_start_empty(a, b=2):
    if a > 100:
        x = 1
    try:
        return x
    except UnboundLocalError as e:
        return str(e)


for i in range(10):
    r = locals_start_empty(i)
print(r)


# Deep recursion through the specialised call still raises RecursionError.
def deep(n):
    return deep(n + 1)


for _ in range(3):
    try:
        deep(0)
    except RecursionError as e:
        print("RecursionError:", e)
