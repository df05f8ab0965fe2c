match x:
    case (a, b) | [b, a]:
        pass
    case {"k": v} | Point(v):
        pass
    case [1, *rest] | [2, *rest]:
        pass
    case (1 | 2 | 3) as n if n > 1:
        pass
    case [[a, b], c] | [c, [a, b]]:
        pass
