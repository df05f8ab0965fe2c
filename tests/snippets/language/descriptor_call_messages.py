"""Errors and results of calling methods and descriptors directly: unbound methods on wrong types, __get__, argument parsing of builtins."""
cases = [
    "list.append(1, 2)", "list.append()", "str.upper(5)", "dict.get({}, )", "int.__add__('a', 1)",
    "object.__setattr__(1, 'x', 2)", "type.__call__(5)", "list.__init__(5)", "(1).__class__.__name__",
    "object.__new__(5)", "object.__new__(list)", "int.__new__(str)", "str.__new__(int)",
    "super(int, 'x')", "classmethod(1)(2)", "staticmethod(len)(1, 2)", "property().fget",
    "len.__self__", "[].append.__self__", "list.append.__objclass__", "str.join.__qualname__",
    "(lambda: 0).__get__(None, int)", "list.__dict__['append'].__get__(None, list)",
    "list.__dict__['append'].__get__([1])", "int.__dict__['real'].__get__(5)", "int.real.__get__('x')",
    "type.__dict__['__name__'].__get__(int)", "object.__init_subclass__()", "object.__subclasshook__()",
    "int.__subclasses__()[:0]", "type.mro(int)", "type.__prepare__('x', ())", "type('X', (), {}).__mro__",
    "vars(type('X', (), {'a': 1}))['a']", "getattr(list, 'append')([], 1)", "str.maketrans()", "bytes.fromhex('zz')",
    "dict.fromkeys()", "int.from_bytes()", "(1).to_bytes(1, 'middle')", "min(key=len)", "print(end=5)",
    "iter(1, 2)", "next(iter([]))", "sorted([1], reverse=None)", "round(1.5, None)", "round(1.5, 'x')",
    "isinstance(1, [int])", "hash([])", "hash({})", "setattr(object(), 'x', 1)", "delattr(1, 'real')",
    "getattr(1, 'real', 1, 2)", "slice(1, 2, 3, 4)", "range(1.5)", "range('a')", "bytearray('a')"
    "complex('1+2j', 1)", "float('1e')", "int('1', base=37)", "int(base=10)", "str(b'a', encoding='bad')",
    "'abc'.encode('nope')", "'x'.center()", "'x'.center(5, 'ab')", "'{0}'.format()", "'{a}'.format_map(1)",
    "[].index()", "().count()", "{}.pop()", "{}.popitem()", "set().pop()", "[].pop()", "dict(a=1).setdefault()",
    "{1}.remove(2)", "frozenset().add", "[1, 2].sort(key=1)", "list(range(3)).sort(cmp=None)",
]
for c in cases:
    try:
        r = eval(c)
        print(c, "->", repr(r)[:60] if not callable(r) or isinstance(r, type) else type(r).__name__)
    except Exception as e:
        print(c, "->", type(e).__name__, e)
