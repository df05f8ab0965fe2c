"""Class creation edge cases and their errors: bad bases, metaclass conflicts, __slots__, type() arguments, __class__ assignment, __classcell__, __set_name__."""
cases = [
    "class A(1): pass", "class A(object, object): pass", "class A(int, float): pass",
    "class A(type(None)): pass", "class A(bool): pass", "class A(metaclass=1): pass",
    "class A(metaclass=type, x=1): pass", "class A:\n    __slots__ = ('a', 'a')", "class A:\n    __slots__ = 1",
    "class A:\n    __slots__ = ('__dict__', '__dict__')", "class A:\n    __slots__ = ('x',)\n    x = 1",
    "type('A', (), {})(); type('B', 1, {})", "type('A', (), 1)", "type(1, (), {})", "type('A', (int, str), {})",
    "class A:\n    def __init_subclass__(cls): pass\nclass B(A, x=1): pass",
    "class A:\n    pass\nA.__name__ = 'a\\x00b'", "class A:\n    pass\nA.__qualname__ = 5", "class A:\n    pass\nA.__module__ = 5; print(A.__module__)",
    "class A:\n    pass\nA.__doc__ = 'x'; print(A.__doc__)", "class A:\n    pass\ndel A.__name__",
    "class A:\n    pass\nA().__class__ = list", "class A: pass\nclass B: __slots__=('x',)\nB().__class__ = A",
    "class A: pass\nclass B: pass\na = A(); a.__class__ = B; print(type(a).__name__)",
    "class M(type): pass\nclass N(type): pass\nclass A(metaclass=M): pass\nclass B(metaclass=N): pass\nclass C(A, B): pass",
    "class A:\n    def __new__(cls): return object.__new__(cls, 1)\nA()",
    "class A:\n    def __init__(self): super().__init__(1)\nA()",
    "class A(Exception):\n    __slots__ = ('x',)\nprint(A().args)",
    "class E(BaseException, ValueError): pass\nprint(E.__mro__)",
    "class A:\n    def __eq__(self, o): return True\nprint(hash(A()))",
    "class A:\n    __hash__ = None\nhash(A())",
    "class A(dict):\n    def __hash__(self): return 1\nprint(hash(A()))",
    "print(type.__new__(type, 'X', (), {}).__name__)", "type.__new__(int, 'X', (), {})", "type.__init__(int, 1, 2, 3, 4)",
    "class A:\n    @property\n    def p(self): return 1\nA.p = 5; print(A().p)",
    "class A:\n    x: int\nprint(A.__annotations__, hasattr(A, 'x'))",
    "class A:\n    def f(self): return __class__\nprint(A().f().__name__)",
    "class A:\n    __qualname__ = 'Custom'\nprint(A.__qualname__)",
    "class A:\n    __module__ = 'mymod'\nprint(A, repr(A()).split(' at ')[0])",
    "class A:\n    __classcell__ = 5",
    "class A:\n    def __set_name__(self, o, n): raise ValueError('boom')\nclass B:\n    a = A()",
]
for src in cases:
    try:
        exec(src, {})
        print("ok:", src.splitlines()[-1][:50])
    except Exception as e:
        print(src.splitlines()[-1][:50], "->", type(e).__name__, e)
