match event:
    case {"type": "click", "pos": (x, y)}:
        click(x, y)
    case {"type": "key", **rest}:
        key(rest)
    case {}:
        pass
    case Point(x=0, y=0):
        origin()
    case Point(x, y=yy) if x > yy:
        above(x)
    case Point():
        pass
    case str() as s:
        text(s)
    case [Point(x=1) | Point(y=1), *others]:
        pass
    case int(n) | float(n) if n:
        pass
