if x:
    y = 1;
for i in r:
    pass;
z = (a := (b := 0))
w = [(v := (f(x))) for x in y]
total = sum((x * 2) for x in values)
dict((k, v) for k, v in items)
match p,:
    case q,:
        pass
match a, b:
    case c, d:
        pass


def g(x, y):
    a, a = x, y
    return a
