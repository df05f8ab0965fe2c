"""At exit, sys.modules is emptied, builtins gets its start-up namespace back, and a
full collection frees the dead modules' namespaces: a cycle of module globals is
finalized with the namespace still intact (its functions and globals visible), and
values a program stored in builtins are released before that."""
import builtins
import sys


class Cyclic:
    def __init__(self, tag):
        self.tag = tag
        self.me = self

    def __del__(self):
        print('Cyclic.__del__', self.tag, helper(), len(sys.modules),
              hasattr(builtins, 'user_value'), 'open' in vars(builtins),
              'len' in vars(builtins))


class Stored:
    def __del__(self):
        print('Stored.__del__ (released with builtins)')


def helper():
    return 'helper visible'


builtins.user_value = Stored()
x = Cyclic('x')
print('end of program', helper())
