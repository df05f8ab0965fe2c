"""is None / is not None tests, which compile to dedicated jumps."""


def none_checks(a, b):
    if a is None:
        return 0
    if b is not None:
        return 1
    return 2


def loop_until_none(nodes):
    node = nodes
    while node is not None:
        node = node.get("next")
    while nodes is None:
        nodes = {}
    return node


def as_value(x):
    return x is None, x is not None


def warmup():
    none_checks(None, 1)
    none_checks(1, None)
    loop_until_none({"next": {"next": None}})
