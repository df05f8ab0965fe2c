# A tight integer loop: the cost of the eval loop's dispatch, LOAD_FAST/STORE_FAST,
# BINARY_OP on small ints, COMPARE_OP and the backward jump.
def loop(n):
    total = 0
    i = 0
    while i < n:
        total += i * 2 % 7
        i += 1
    return total

print(loop(10_000_000))
