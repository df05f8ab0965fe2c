def f(items):
    for item in items:
        with lock:
            if item:
                continue
            if item is None:
                break
            return item
    with a:
        with b:
            pass
    with a() as x, b() as y, c():
        return x + y


def g():
    while True:
        with open("f") as fh:
            try:
                return fh.read()
            except OSError:
                continue
