"""match statement: sequence patterns with star, nested, length mismatch, str not a sequence."""
def m(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y] if x == y:
            return f"pair same {x}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *rest] if len(rest) > 3:
            return f"long first={first} rest={rest}"
        case [first, *_, last]:
            return f"ends {first} {last}"
for v in [[], [1], (2,), [3, 3], [1, 2], (1, 2, 3), list(range(6)), "ab", range(2), {1, 2}, iter([1])]:
    print(repr(v) if not hasattr(v, "__next__") else "iterator", m(v))
def nested(v):
    match v:
        case [(a, b), [c, *d]]:
            return (a, b, c, d)
        case [[[deep]]]:
            return deep
        case (1, *mid, 9):
            return mid
    return "no match"
print(nested([(1, 2), [3, 4, 5]]), nested([[[7]]]), nested([1, 5, 6, 9]), nested((1, 9)), nested("x"))
match [1, [2, 3]]:
    case [a, [b, c] as inner]:
        print(a, b, c, inner)
match (1, 2, 3):
    case (*all_,):
        print(all_)
