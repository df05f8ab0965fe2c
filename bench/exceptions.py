# Exception-heavy code: raising and catching built-in and user exceptions through
# several frames, try/finally, exception chaining, `with` blocks and re-raising.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


class Guard:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log[0] += 1
        return self

    def __exit__(self, tp, val, tb):
        self.log[1] += 1
        return tp is KeyError


def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1


def deep(n, code):
    if n == 0:
        raise AppError(code, "bad %d" % code)
    return deep(n - 1, code) + 1


def lookup(d, k, log):
    with Guard(log):
        return d[k]


def chain(i):
    try:
        try:
            raise ValueError(i)
        except ValueError as e:
            raise AppError(i, "wrapped") from e
    except AppError as e:
        return e.__cause__.args[0] + e.code


def run(n):
    total = 0
    log = [0, 0]
    d = {i: i for i in range(0, 100, 3)}
    words = ["12", "x", "7", "", "40", "1e3"]
    for i in range(n):
        total += parse(words[i % 6])
        try:
            deep(i % 5, i)
        except AppError as e:
            total += e.code % 7
        finally:
            total += 1
        r = lookup(d, i % 100, log)
        if r is not None:
            total += r
        total += chain(i % 11)
        try:
            [][i]
        except IndexError:
            total -= 1
        try:
            None.attr
        except AttributeError as e:
            total += len(e.args)
    return total, log


print(run(120000))
