# The deprecated parts of importlib 3.11 still has: find_loader, the finders'
# find_module/find_loader, load_module, util's decorators, and LazyLoader (with a
# module's __class__ changing between ModuleType and a subclass).
import importlib
import importlib.machinery as machinery
import importlib.util as util
import sys
import types
import warnings

def warned(f, *args):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            r = f(*args)
        except Exception as e:
            r = f'{type(e).__name__}: {e}'
    return r, [(x.category.__name__, str(x.message)) for x in w]

print(type(warned(importlib.find_loader, 'json')[0]).__name__)
print(warned(importlib.find_loader, 'no_such_module_xyz'))
print(warned(importlib.find_loader, 'sys')[0])
m = types.ModuleType('no_loader')
m.__loader__ = None
sys.modules['no_loader'] = m
print(warned(importlib.find_loader, 'no_loader'))
del m.__loader__
print(warned(importlib.find_loader, 'no_loader'))
del sys.modules['no_loader']

print(warned(machinery.PathFinder.find_module, 'json')[0].__class__.__name__)
print(warned(machinery.PathFinder.find_module, 'no_such_module_xyz'))
print(warned(machinery.BuiltinImporter.find_module, 'sys'))
print(warned(machinery.BuiltinImporter.find_module, 'sys', ['x']))
print(warned(machinery.FrozenImporter.find_module, 'json'))
finder = machinery.FileFinder(
    __import__('os').path.dirname(__import__('json').__file__.rsplit('/', 1)[0]),
    (machinery.SourceFileLoader, machinery.SOURCE_SUFFIXES))
loader, portions = warned(finder.find_loader, 'json')[0]
print(type(loader).__name__, len(portions))
print(warned(finder.find_loader, 'no_such_module_xyz'))
print(type(warned(finder.find_module, 'json')[0]).__name__)
print(warned(machinery.BuiltinImporter.load_module, 'itertools')[0] is sys.modules['itertools'])
print(warned(machinery.BuiltinImporter.load_module, 'no_such_module_xyz'))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')

    class Loader:
        def is_package(self, name):
            return False

        @util.module_for_loader
        def load_module(self, module):
            return module.__name__, module.__package__, type(module.__loader__).__name__

        @util.set_loader
        def other(self, name):
            return types.ModuleType(name)

    print(Loader().load_module('a.b.c'))
    print('a.b.c' in sys.modules)
    print(type(Loader().other('q').__loader__).__name__)

    @util.set_package
    def make(name, path=False):
        m = types.ModuleType(name)
        if path:
            m.__path__ = []
        return m

    print(make('a.b').__package__, make('a.b', True).__package__)
    print(sorted({str(x.message) for x in w}))

spec = util.find_spec('textwrap')
sys.modules.pop('textwrap', None)
spec.loader = util.LazyLoader(spec.loader)
mod = util.module_from_spec(spec)
sys.modules['textwrap'] = mod
spec.loader.exec_module(mod)
print(type(mod).__name__, type(spec.loader).__name__)
mod.extra = 1
print(mod.dedent('   x'), type(mod).__name__, mod.extra)
try:
    util.LazyLoader(object())
except TypeError as e:
    print('TypeError', e)
print(util.LazyLoader.factory(machinery.SourceFileLoader)('n', 'p').loader.path)

class M(types.ModuleType):
    pass

m = types.ModuleType('z')
m.__class__ = M
print(type(m).__name__)
m.__class__ = types.ModuleType
print(type(m).__name__)
for target in (int, type('C', (), {})):
    try:
        m.__class__ = target
    except TypeError as e:
        print('TypeError', e)
