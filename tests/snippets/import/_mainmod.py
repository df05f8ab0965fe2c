# Run with -m by main_module_attrs.py.
import __main__

print(type(__main__.__loader__).__name__, __main__.__spec__.name, __name__)
print(__spec__.loader is __loader__, __package__ == "", type(__builtins__).__name__)
