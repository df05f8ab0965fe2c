match point:
    case (0, 0):
        print("origin")
    case (0, y):
        print(y)
    case [x, 0]:
        print(x)
    case [x, y, *rest]:
        print(x, y, rest)
    case [*_]:
        pass
    case (a, (b, c)):
        pass
    case []:
        pass
