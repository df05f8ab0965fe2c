# Differential test: pseudo-random list operations, including slice assignment and
# deletion with steps, insertions and sorts; the state is printed as it goes.
state = [987654]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % (2 ** 31)
    return state[0] % n

l = []
for step in range(5000):
    op = rnd(14)
    n = len(l)
    if op < 4:
        l.append(rnd(1000))
    elif op == 4:
        l.insert(rnd(n + 5) - 2, rnd(1000))
    elif op == 5 and l:
        l.pop(rnd(n) - n // 2)
    elif op == 6:
        a, b = rnd(n + 3) - 1, rnd(n + 3) - 1
        l[a:b] = [rnd(50) for _ in range(rnd(4))]
    elif op == 7:
        st = rnd(5) - 2 or 1
        del l[rnd(n + 1)::st]
    elif op == 8 and l:
        st = rnd(7) - 3 or 2
        k = len(l[::st])
        l[::st] = [rnd(9) for _ in range(k)]
    elif op == 9:
        l.extend(range(rnd(5)))
    elif op == 10:
        if rnd(20) == 0:
            l.sort(key=lambda v: v % 7, reverse=rnd(2) == 1)
    elif op == 11:
        if l and rnd(3) == 0:
            l.remove(l[rnd(len(l))])
    elif op == 12:
        l *= 1 + (rnd(30) == 0)
    else:
        if rnd(50) == 0:
            l = l[rnd(n + 1):]
    if step % 400 == 0:
        print(step, len(l), l.__sizeof__(), l[:10], l[-5:])
print(len(l), sum(l), sorted(l)[:20], l.count(3), l.index(l[-1]) if l else None)
