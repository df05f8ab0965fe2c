# memoryview's method and attribute docstrings and signatures, and the hex
# docstrings of bytes/bytearray (doctest examples counted by test_doctest).
for t in (memoryview, bytes, bytearray):
    print(t.__name__, repr(t.hex.__doc__), t.hex.__text_signature__)
for n in sorted(dir(memoryview)):
    if not n.startswith('_'):
        f = getattr(memoryview, n)
        print(n, repr(f.__doc__), getattr(f, '__text_signature__', None))
