# Module specs and the import hooks: __spec__, __loader__, __file__, __package__,
# __path__ as CPython sets them, sys.meta_path / sys.path_hooks /
# sys.path_importer_cache honoured, and importlib on top.
import sys
import importlib
import importlib.util
import importlib.machinery


def base(p):
    return None if p is None else p.rpartition("/")[2]


print([f.__name__ for f in sys.meta_path if isinstance(f, type)])
print(sys.__spec__)
print(sys.__loader__ is importlib.machinery.BuiltinImporter)

import _specpkg
spec = _specpkg.__spec__
print(spec.name, repr(spec.parent), spec.has_location, base(spec.origin))
print(type(spec.loader).__name__, [base(p) for p in spec.submodule_search_locations])
print(base(_specpkg.__file__), _specpkg.__package__, [base(p) for p in _specpkg.__path__])
print(_specpkg._sub.NAME, _specpkg._sub.PACKAGE, _specpkg._sub.__spec__.parent)
print(_specpkg.__loader__ is spec.loader, spec.loader.is_package("_specpkg"))
print(spec.loader.get_source("_specpkg").splitlines())

import _nsdir._nsmod
print(_nsdir.__spec__.origin, _nsdir.__file__, type(_nsdir.__loader__).__name__)
print([base(p) for p in _nsdir.__path__], _nsdir._nsmod.X)

# importlib
m = importlib.import_module("_specmod")
print(m.counter, importlib.reload(m).counter, m is sys.modules["_specmod"])
print(importlib.import_module("._sub", "_specpkg") is _specpkg._sub)
print(importlib.util.find_spec("_specmod").name, importlib.util.find_spec("no_such_mod_xyz"))
print(importlib.util.resolve_name("..a", "p.q.r"))
s = importlib.util.spec_from_file_location("fresh", __file__.rpartition("/")[0] + "/_specmod.py")
fresh = importlib.util.module_from_spec(s)
print(fresh.__name__, "counter" in vars(fresh), "fresh" in sys.modules)
s.loader.exec_module(fresh)
print(fresh.counter, base(fresh.__file__))

# A finder of our own on sys.meta_path.
class Loader:
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.answer = len(module.__name__)

class Finder:
    def find_spec(self, name, path, target=None):
        if name.startswith("virtual_"):
            return importlib.util.spec_from_loader(name, Loader())
        return None

sys.meta_path.insert(0, Finder())
import virtual_abc
print(virtual_abc.answer, virtual_abc.__spec__.origin, type(virtual_abc.__loader__).__name__)
del sys.meta_path[0]
try:
    import virtual_def
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)

# A path hook of our own.
class EntryFinder:
    def __init__(self, path):
        if path != "<hooked>":
            raise ImportError("not mine")
    def find_spec(self, name, target=None):
        if name == "hooked_mod":
            return importlib.util.spec_from_loader(name, Loader(), origin="<hooked>")
        return None

sys.path_hooks.insert(0, EntryFinder)
sys.path.append("<hooked>")
import hooked_mod
print(hooked_mod.answer, hooked_mod.__spec__.origin, type(sys.path_importer_cache["<hooked>"]).__name__)

# sys.modules entries set to None stop an import.
sys.modules["blocked_mod"] = None
try:
    import blocked_mod
except ModuleNotFoundError as e:
    print(e)
