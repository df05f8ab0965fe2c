# product(..., repeat=0): the arguments are not even iterated; one empty tuple.
from itertools import product
print(list(product()))
print(list(product(repeat=0)))
print(list(product([], repeat=0)))
print(list(product(range(2), repeat=0)))
print(list(product(1, None, repeat=0)), list(product('ab', repeat=2))[:3])
