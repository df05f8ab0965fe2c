"""Values of `and`/`or` chains (JUMP_IF_*_OR_POP) and not-chains."""


def first_truthy(a, b, c):
    return a or b or c


def all_truthy(a, b, c):
    return a and b and c


def mixed(a, b, c, d):
    return (a and b) or (c and not d)


def default(value=None):
    value = value or []
    return value


def in_condition(a, b):
    if not a and not b:
        return 0
    if a or not b:
        return 1
    return 2


def warmup():
    first_truthy(0, "", 3)
    all_truthy(1, 2, 3)
    default()
