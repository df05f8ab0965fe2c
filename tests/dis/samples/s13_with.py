"""with statements: single, multiple items, nested, inside loops."""


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def single(path):
    with open(path) as f:
        return f.read()


def multiple(a, b):
    with a as x, b as y:
        return x, y


def nested(m):
    with m:
        with m as inner:
            inner.value = 1


def in_loop(managers):
    for m in managers:
        with m:
            if m is None:
                break
            continue


def no_target(lock):
    with lock:
        pass


def warmup():
    m = Manager()
    multiple(m, m)
    no_target(m)
