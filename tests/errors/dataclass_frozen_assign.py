# Assigning to a frozen dataclass's field raises FrozenInstanceError from the
# generated __setattr__ (File "<string>").
from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    x: int
    y: int


p = Point(1, 2)
print(p)
p.x = 3
