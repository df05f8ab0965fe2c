# Differential test: a long pseudo-random sequence of dict and set operations
# (insertions, deletions, pops, updates, copies), printing the state as it goes.
# Orders, sizes and results must match CPython step by step.
state = [12345]
def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % (2 ** 31)
    return state[0] % n

d = {}
s = set()
log = []
for step in range(6000):
    op = rnd(12)
    k = rnd(60) - 10
    if rnd(5) == 0:
        k = 'k%d' % k
    ik = k if isinstance(k, int) else len(k) * 1000 + rnd(7)
    if op < 4:
        d[k] = step
        s.add(ik)
    elif op < 6:
        d.pop(k, None)
        s.discard(ik)
    elif op == 6 and d:
        log.append(d.popitem())
    elif op == 7 and s:
        log.append(s.pop())
    elif op == 8:
        d.setdefault(k, -step)
    elif op == 9:
        d.update({k: 0, rnd(100): 1})
        s.update([ik, rnd(100)])
    elif op == 10:
        if rnd(10) == 0:
            d = d.copy()
            s = s.copy()
    else:
        if rnd(40) == 0:
            d.clear()
            s.clear()
    if step % 500 == 0:
        print(step, len(d), len(s), d.__sizeof__(), s.__sizeof__())
        print(list(d.items())[:8])
        print(list(s)[:12])
print(log[:20], len(log))
print(sorted(d.items(), key=repr)[:10])
print(list(s)[-10:])
