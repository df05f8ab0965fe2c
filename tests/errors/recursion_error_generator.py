"""Uncaught RecursionError from a generator delegating to itself with yield from."""
def walk():
    yield from walk()
for item in walk():
    print(item)
