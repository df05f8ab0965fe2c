with open("f") as f:
    data = f.read()
with a, b as c:
    pass
with a as (x, y):
    print(x)


def f():
    with lock:
        return 1
