# KeyError.__str__ shows the repr of a single argument.
for args in [(), ('k',), ('',), (1,), (('a', 1),), (None,), (1, 2), ("quote'd",), (KeyError('x'),)]:
    e = KeyError(*args)
    print(repr(e), '|', str(e))
try:
    {}['missing']
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print(repr(e), str(e), e.args)
print(str(IndexError('i')), str(LookupError('l')))
class K(KeyError):
    pass
print(str(K('sub')))
