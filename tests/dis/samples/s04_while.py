"""while loops with else, break and continue."""


def count_down(n):
    total = 0
    while n > 0:
        total += n
        n -= 1
    return total


def find(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            break
        i += 1
    else:
        return -1
    return i


def skip_odd(n):
    out = []
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        out.append(i)
    return out


def forever():
    x = 0
    while True:
        x += 1
        if x > 5:
            return x


def warmup():
    count_down(20)
    find([1, 2, 3], 3)
    skip_odd(10)
    forever()
