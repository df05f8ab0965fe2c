"""Calls: keywords, star arguments, double-star, method calls."""


def target(*args, **kwargs):
    return args, kwargs


def keywords():
    return target(1, 2, a=3, b=4)


def star_args(xs, kw):
    return target(*xs, **kw)


def mixed(xs, kw):
    return target(0, *xs, 5, *xs, key=1, **kw, other=2)


def method_calls(items):
    items.append(1)
    items.extend([2, 3])
    return items.count(1), "x".join(["a", "b"]), items.index(2, 0)


def nested_calls():
    return len(str(abs(max(1, 2, key=None))))


def call_result():
    return target()(1)


def warmup():
    keywords()
    star_args([1], {"a": 2})
    method_calls([])
    nested_calls()
