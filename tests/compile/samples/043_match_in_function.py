def f(x):
    match x:
        case [a, b]:
            return a + b
        case {"k": v}:
            return v
        case C.CONST:
            return 0
        case (1 | 2) as n:
            return n
        case _:
            return None


def g(cmd):
    match cmd.split():
        case [action]:
            pass
        case [action, obj]:
            pass
