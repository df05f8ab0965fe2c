"""Uncaught RecursionError through __repr__ calling repr(self): native levels count too."""
class Node:
    def __repr__(self):
        return "Node(" + repr(self) + ")"
print(repr(Node()))
