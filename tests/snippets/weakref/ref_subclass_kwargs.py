# weakref.ref's __new__ ignores keyword arguments; its __init__ refuses them.
import weakref


class Obj:
    pass


class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, value=42):
        self.value = value
        super().__init__(ob, callback)


o = Obj()
mr = MyRef(o, value=24)
print(mr() is o, mr.value)
del o
print(mr())
o = Obj()
try:
    weakref.ref(o, x=1)
except TypeError as e:
    print("TypeError", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError", e)
try:
    weakref.ref(o, None, 3)
except TypeError as e:
    print("TypeError", e)


class Plain(weakref.ref):
    pass


try:
    Plain(o, value=1)
except TypeError as e:
    print("TypeError", e)
