"""At exit, module globals are released with the namespace intact while their __del__ runs, and files left open are flushed."""
import sys


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('del', self.n, g.__name__, type(sys).__name__)


def g():
    pass


a = A(1)
_b = A(2)
c = A(3)
last = A(4)
print('end of program')
