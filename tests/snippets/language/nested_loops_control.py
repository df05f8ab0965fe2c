"""Nested loops with break/continue/else interplay and try/finally inside loops."""
def search(grid, target):
    for r, row in enumerate(grid):
        for c, val in enumerate(row):
            if val == target:
                return r, c
    return None
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(search(grid, 5), search(grid, 10))
primes = []
for n in range(2, 30):
    for p in primes:
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
out = []
for i in range(3):
    try:
        if i == 1:
            continue
        out.append(("body", i))
    finally:
        out.append(("finally", i))
print(out)
out = []
for i in range(5):
    try:
        if i == 2:
            break
    finally:
        out.append(i)
print(out)
total = 0
i = 0
while i < 3:
    for j in range(3):
        if j == i:
            continue
        total += i * j
    i += 1
print(total)
for a in range(3):
    for b in range(3):
        for c in range(3):
            if a + b + c == 4 and a < b < c:
                print("triple", a, b, c)
