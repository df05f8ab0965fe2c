# Generators (pyperformance's bm_generators): a binary tree walked by recursive
# generators with `yield from`, plus generator pipelines and generator expressions.
class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right


def tree(input):
    n = len(input)
    if n == 0:
        return None
    i = n // 2
    return Tree(tree(input[:i]), input[i], tree(input[i + 1:]))


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


t = tree(range(5000))
total = 0
for _ in range(80):
    for x in t:
        total += x
pipe = sum(evens(squares(count_up(400000))))
gen = sum(x * 3 for x in range(400000) if x & 1)
print(total, pipe, gen)
