# Method calls and attribute access on instances: the cost of LOAD_ATTR/LOAD_METHOD
# (type lookups through the method cache, instance dicts) and of calling methods.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


def run(n):
    acc = Vec(0, 0)
    step = Vec(1, 2)
    total = 0
    for _ in range(n):
        acc = acc.add(step)
        total += acc.dot(step)
    return total, acc.x, acc.y


print(run(1_000_000))
