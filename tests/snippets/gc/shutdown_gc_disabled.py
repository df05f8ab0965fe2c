"""At exit, the full collection that precedes the teardown of the modules runs only if
collection is enabled. This program disables it: gc.callbacks hear nothing, and the
garbage cycle is freed later, at teardown, when sys.modules is already empty."""
import gc
import sys


class C:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print('del', self.name, 'modules intact:', len(sys.modules) > 3)


C('garbage cycle')
gc.callbacks.append(lambda phase, info: print('callback', phase, info['generation']))
gc.disable()
print("end")
