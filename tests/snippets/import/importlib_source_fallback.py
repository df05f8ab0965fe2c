# With _frozen_importlib blocked, importlib loads its _bootstrap and
# _bootstrap_external from source, as CPython's importlib/__init__.py does
# (test.support.import_helper.import_fresh_module(..., blocked=[...])).
import sys
import importlib
import importlib.machinery

frozen = importlib
saved = {name: sys.modules.pop(name) for name in list(sys.modules)
         if name == 'importlib' or name.startswith('importlib.')
         or name.startswith('_frozen_importlib')}
sys.modules['_frozen_importlib'] = None
sys.modules['_frozen_importlib_external'] = None
try:
    import importlib as source
    import importlib.machinery as source_machinery
    import importlib.util as source_util
finally:
    import _imp
    for name in list(sys.modules):
        if (name == 'importlib' or name.startswith('importlib.')
                or name.startswith('_frozen_importlib')):
            del sys.modules[name]
    sys.modules.update(saved)

import _frozen_importlib
print(source is frozen, source._bootstrap is _frozen_importlib)
print(source._bootstrap.__name__, source._bootstrap_external.__name__)
print(source._bootstrap._bootstrap_external is source._bootstrap_external)
print(source._bootstrap_external._bootstrap is source._bootstrap)
print(source._bootstrap.sys is sys, source._bootstrap._imp is _imp)
print(source_machinery.ModuleSpec is frozen.machinery.ModuleSpec)
print(source_machinery.SOURCE_SUFFIXES, source_machinery.BYTECODE_SUFFIXES)

# The source copies work: specs, finders and the loaders' name checks.
spec = source_machinery.ModuleSpec('x', None, origin='here')
print(spec, spec.parent, spec.has_location)
print(source_machinery.BuiltinImporter.find_spec('sys'))
print(source_machinery.BuiltinImporter.find_spec('nope'))
m = source_machinery.BuiltinImporter.create_module(
    source_machinery.BuiltinImporter.find_spec('itertools'))
source_machinery.BuiltinImporter.exec_module(m)
print(m.__name__, list(m.repeat(1, 2)))
loader = source_machinery.SourceFileLoader('mod', '/no/such/mod.py')
print(loader.get_filename('mod'))
try:
    loader.get_filename('other')
except ImportError as e:
    print('ImportError', e, e.name)
print(source_util.resolve_name('.b', 'a'), source_util.find_spec('json').name)
print(source.import_module('json') is sys.modules['json'])
