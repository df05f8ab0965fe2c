"""while loops with else, break, continue, nested loops and flags."""
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("while else ran")
i = 0
while True:
    i += 1
    if i > 3:
        break
else:
    print("never")
print("after break", i)
n = 10
while n:
    n -= 3
    if n < 0:
        print("went negative", n)
        break
else:
    print("no break")
found = None
a = 0
while a < 4:
    b = 0
    while b < 4:
        if a * b == 6:
            found = (a, b)
            break
        b += 1
    else:
        a += 1
        continue
    break
print("found", found)
count = 0
while count < 3:
    count += 1
else:
    print("else after natural end", count)
x = 100
while x > 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    print(x, end=" ")
print()
