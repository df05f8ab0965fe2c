import types
import sys

names = ['FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType', 'SimpleNamespace',
         'CellType', 'GeneratorType', 'CoroutineType', 'AsyncGeneratorType', 'MethodType',
         'BuiltinFunctionType', 'BuiltinMethodType', 'WrapperDescriptorType',
         'MethodWrapperType', 'MethodDescriptorType', 'ClassMethodDescriptorType',
         'ModuleType', 'TracebackType', 'FrameType', 'GetSetDescriptorType',
         'MemberDescriptorType', 'GenericAlias', 'UnionType', 'EllipsisType', 'NoneType',
         'NotImplementedType']
for n in names:
    t = getattr(types, n)
    print(n, t.__name__, t.__module__)
print(sorted(n for n in types.__all__ if n != 'coroutine'))
print(types.ModuleType('m', 'doc'), types.ModuleType('m').__doc__)
ns = types.SimpleNamespace(a=1, b=[2])
print(ns, ns.a, ns == types.SimpleNamespace(b=[2], a=1))
mp = types.MappingProxyType({'x': 1})
print(mp['x'], list(mp), type(mp).__name__)
print(types.MethodType(lambda self: self, 5)())
print(isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.FunctionType))
print(types.GenericAlias(list, (int,)), types.NoneType(), types.EllipsisType())

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, bases, kw)
        return {'prepared': True}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

def body(ns):
    ns['x'] = 42
C = types.new_class('C', (), {'metaclass': Meta, 'flag': 1}, body)
print(C.__name__, C.x, C.prepared, type(C).__name__)
print(types.prepare_class('D', (C,)))
class Entry:
    def __mro_entries__(self, bases):
        return (int, )
print(types.resolve_bases((Entry(), str)), types.resolve_bases((str,)))
E = types.new_class('E', (Entry(),))
print(E.__mro__, E.__orig_bases__[0].__class__.__name__)
class BadEntry:
    def __mro_entries__(self, bases):
        return [int]
try:
    types.resolve_bases((BadEntry(),))
except TypeError as e:
    print(e)
class M1(type): pass
class M2(type): pass
try:
    types.new_class('F', (M1('A', (), {}), M2('B', (), {})))
except TypeError as e:
    print(e)

class Z:
    @types.DynamicClassAttribute
    def name(self):
        "the name"
        return 'zz'
    def __getattr__(self, n):
        return 'class-level'
print(Z().name, Z.__dict__['name'].__doc__)
try:
    Z.name
except AttributeError as e:
    print('AttributeError', repr(e))

