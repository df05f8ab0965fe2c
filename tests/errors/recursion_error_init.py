"""Uncaught RecursionError from a class whose __init__ instantiates the class."""
class Tree:
    def __init__(self, depth):
        self.child = Tree(depth + 1)
Tree(0)
