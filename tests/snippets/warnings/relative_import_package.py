# Relative imports resolve their package from __package__, else __spec__.parent,
# else (with an ImportWarning) from __name__ and __path__.
import types
import warnings

spec = types.SimpleNamespace(parent="json")
cases = [
    {"__name__": "json.decoder"},
    {"__name__": "json", "__path__": []},
    {"__name__": "x", "__package__": "json"},
    {"__name__": "x", "__package__": "json", "__spec__": types.SimpleNamespace(parent="json")},
    {"__name__": "x", "__package__": "json", "__spec__": types.SimpleNamespace(parent="other")},
    {"__name__": "x", "__spec__": spec},
    {"__name__": "x", "__spec__": types.SimpleNamespace(parent=3)},
    {"__name__": "x", "__package__": 3},
    {"__name__": "x"},
    {"__name__": "x", "__package__": None, "__spec__": None},
]
for g in cases:
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        try:
            exec("from . import scanner", g)
            print(sorted(k for k in g if k != "__builtins__"), g["scanner"].__name__)
        except (ImportError, TypeError) as e:
            print(sorted(k for k in g if k != "__builtins__"), type(e).__name__, e)
    for w in log:
        print("  ", w.category.__name__, w.message)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        exec("from . import scanner", {"__name__": "json.decoder"})
    except ImportWarning as e:
        print("ImportWarning:", e)
