"""Objects are freed the moment their last reference goes: __del__ and weak reference
callbacks run in CPython's order; sys.getrefcount reports true counts."""
import sys
import weakref


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('  del', self.name)


print('rebinding a name')
x = T('first')
x = T('second')
print('after rebinding')
del x
print('after del')

print('function locals die at return')


def f():
    a = T('local a')
    b = T('local b')
    print('  returning')


f()
print('after call')

print('list items die in order when the list dies')
l = [T('item0'), T('item1'), T('item2')]
del l
print('after list')

print('dict values')
d = {'k1': T('v1'), 'k2': T('v2')}
d['k1'] = None
print('after replacing k1')
d.clear()
print('after clear')

print('a temporary dies at once')
T('temp').name
print('after temp')

print('an exception keeps its frame locals until it is gone')


def g():
    t = T('in g')
    raise ValueError


try:
    g()
except ValueError:
    print('  handling')
print('after except')

print('weakref callbacks, newest first')
class W:
    pass


o = W()
r1 = weakref.ref(o, lambda r: print('  callback 1'))
r2 = weakref.ref(o, lambda r: print('  callback 2'))
del o
print('after del o')

print('attribute deletion')
holder = W()
holder.t = T('attr')
del holder.t
print('after del holder.t')

print('getrefcount')
obj = object()
print(sys.getrefcount(obj))
alias = obj
print(sys.getrefcount(obj))
container = [obj, obj, obj]
print(sys.getrefcount(obj))
del container
print(sys.getrefcount(obj))
del alias
print(sys.getrefcount(obj))
t = (obj,)
print(sys.getrefcount(obj))
dd = {1: obj}
print(sys.getrefcount(obj))
del t, dd
print(sys.getrefcount(obj))


def takes(arg):
    return sys.getrefcount(arg)


print(takes(obj))
print(sys.getrefcount(W()))
lst = []
print(sys.getrefcount(lst))
lst.append(lst)
print(sys.getrefcount(lst))
