# importlib.abc: the ABCs, their registrations, their default methods.
import importlib.abc as abc_mod
import importlib.machinery as machinery
import importlib.util
import sys
import warnings

print(sorted(n for n in abc_mod.__all__
             if n not in ('ResourceReader', 'Traversable', 'TraversableResources')))
print(abc_mod.Loader is __import__('importlib._abc').__dict__['_abc'].Loader)

# Virtual subclasses registered as in CPython.
checks = [
    ('BuiltinImporter', 'MetaPathFinder'), ('FrozenImporter', 'MetaPathFinder'),
    ('PathFinder', 'MetaPathFinder'), ('FileFinder', 'PathEntryFinder'),
    ('FileFinder', 'MetaPathFinder'), ('BuiltinImporter', 'InspectLoader'),
    ('FrozenImporter', 'InspectLoader'), ('NamespaceLoader', 'InspectLoader'),
    ('NamespaceLoader', 'ExecutionLoader'), ('SourceFileLoader', 'FileLoader'),
    ('SourceFileLoader', 'SourceLoader'), ('SourceFileLoader', 'ResourceLoader'),
    ('SourceFileLoader', 'Loader'), ('PathFinder', 'Loader'),
    ('BuiltinImporter', 'Loader'),
]
for cls_name, abc_name in checks:
    print(cls_name, abc_name,
          issubclass(getattr(machinery, cls_name), getattr(abc_mod, abc_name)))
for sub, sup in [('SourceLoader', 'ExecutionLoader'), ('FileLoader', 'ResourceLoader'),
                 ('ExecutionLoader', 'InspectLoader'), ('InspectLoader', 'Loader'),
                 ('ResourceLoader', 'Loader'), ('MetaPathFinder', 'Loader'),
                 ('Finder', 'MetaPathFinder')]:
    print(sub, sup, issubclass(getattr(abc_mod, sub), getattr(abc_mod, sup)))
print(isinstance(sys.meta_path[-1], abc_mod.MetaPathFinder))
print(isinstance(importlib.util.find_spec('textwrap').loader, abc_mod.SourceLoader))

# Abstract methods: classes missing them cannot be instantiated.
for name in ['ResourceLoader', 'InspectLoader', 'ExecutionLoader', 'FileLoader',
             'SourceLoader', 'Finder']:
    sub = type('My' + name, (getattr(abc_mod, name),), {})
    print(name, sorted(sub.__abstractmethods__))
    try:
        sub()
    except TypeError as e:
        print('TypeError', e)


# The defaults of the abstract methods, called through a concrete subclass.
class Everything(abc_mod.SourceLoader):
    def get_data(self, path):
        return super().get_data(path)

    def get_filename(self, fullname):
        return super().get_filename(fullname)

    def get_source(self, fullname):
        return abc_mod.InspectLoader.get_source(self, fullname)


e = Everything()
for call in [lambda: e.get_data('p'), lambda: e.get_filename('m'),
             lambda: e.get_source('m'), lambda: abc_mod.InspectLoader.is_package(e, 'm'),
             lambda: e.path_mtime('p'), lambda: e.path_stats('p'),
             lambda: e.set_data('p', b''), lambda: e.create_module(None),
             lambda: type('Old', (abc_mod.Loader,), {})().load_module('m'),
             lambda: e.get_code('m')]:
    try:
        print('returned', call())
    except Exception as exc:
        print(type(exc).__name__, exc.args)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    try:
        abc_mod.Loader.module_repr(e, sys)
    except NotImplementedError as exc:
        print('NotImplementedError', exc.args)
    print([(x.category.__name__, str(x.message)) for x in w])


# path_mtime and path_stats fall back on each other.
class WithMtime(Everything):
    def path_mtime(self, path):
        return 12.5


class WithStats(Everything):
    def path_stats(self, path):
        return {'mtime': 7.9, 'size': 3}


print(WithMtime().path_stats('p'), WithStats().path_mtime('p'))

# InspectLoader.source_to_code is a static method.
code = abc_mod.InspectLoader.source_to_code('x = 6 * 7\n')
ns = {}
exec(code, ns)
print(type(code).__name__, code.co_filename, ns['x'])
code = abc_mod.InspectLoader.source_to_code(b'y = 1', 'here.py')
print(code.co_filename, code.co_name)

# A SourceLoader subclass loading modules from strings.
SOURCES = {
    'strmod': 'VALUE = 40 + 2\ndef f():\n    return __name__, __file__\n',
    'strpkg/__init__': 'PKG = True\n',
}


class StringLoader(abc_mod.SourceLoader):
    def get_filename(self, fullname):
        key = fullname.replace('.', '/')
        if key in SOURCES:
            return '/virtual/' + key + '.py'
        if key + '/__init__' in SOURCES:
            return '/virtual/' + key + '/__init__.py'
        raise ImportError(fullname, name=fullname)

    def get_data(self, path):
        key = path[len('/virtual/'):-len('.py')]
        if key not in SOURCES:
            raise OSError(path)
        return SOURCES[key].encode('utf-8')


loader = StringLoader()
print(isinstance(loader, abc_mod.ExecutionLoader), loader.is_package('strmod'),
      loader.is_package('strpkg'))
print(repr(loader.get_source('strmod')))
print(loader.get_code('strmod').co_filename)
spec = importlib.util.spec_from_loader('strmod', loader)
print(spec.name, spec.origin, spec.loader is loader)
mod = importlib.util.module_from_spec(spec)
loader.exec_module(mod)
print(mod.VALUE, mod.f())
spec = importlib.util.spec_from_file_location('strpkg', loader.get_filename('strpkg'),
                                              loader=loader)
pkg = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pkg)
print(pkg.PKG, pkg.__file__, pkg.__path__)
try:
    loader.get_source('missing')
except ImportError as exc:
    print('ImportError', exc.args, exc.name)


# A meta path finder: import through the string loader.
class StringFinder(abc_mod.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        try:
            filename = loader.get_filename(fullname)
        except ImportError:
            return None
        return importlib.util.spec_from_file_location(fullname, filename, loader=loader)


sys.meta_path.insert(0, StringFinder())
try:
    import strmod
    print(strmod.VALUE, strmod.__loader__ is loader, strmod.__spec__.origin)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        print(sys.meta_path[0].find_module('strmod', None) is loader,
              sys.meta_path[0].find_module('nothing', None))
        print([x.category.__name__ for x in w])
finally:
    del sys.meta_path[0]
    sys.modules.pop('strmod', None)


# PathEntryFinder.find_loader on top of find_spec.
class EntryFinder(abc_mod.PathEntryFinder):
    def find_spec(self, fullname, target=None):
        if fullname == 'ns':
            return machinery.ModuleSpec('ns', None, is_package=True)
        if fullname == 'strmod':
            return importlib.util.spec_from_loader('strmod', loader)
        return None


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    f = EntryFinder()
    print(f.find_loader('strmod')[0] is loader, f.find_loader('ns'), f.find_loader('x'))
    print(f.find_module('strmod') is loader, f.find_module('x'))
    print([x.category.__name__ for x in w])
    abc_mod.MetaPathFinder.invalidate_caches(f)
    print(abc_mod.PathEntryFinder.invalidate_caches(f))
