"""At exit, before the modules are torn down, a full collection runs if collection
is enabled: gc.callbacks hear of it, and the finalizers of garbage cycles still see
every module. With collection disabled, the cycle is freed later, at teardown."""
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
print('end')
