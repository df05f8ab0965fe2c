if (n := len(a)) > 10:
    print(n)
while (line := f.readline()):
    pass
data = [y for x in z if (y := f(x))]


def g():
    return [last := v for v in range(3)], last
