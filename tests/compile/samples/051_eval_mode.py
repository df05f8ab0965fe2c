# mode: eval
[x * 2 for x in range(10) if x % 3] + list(map(lambda y: y + 1, (a, b)))
