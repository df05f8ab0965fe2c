# Splitting nested exception groups keeps the nesting.
nested = ExceptionGroup('outer', [
    ValueError(1),
    ExceptionGroup('inner', [TypeError(2), ValueError(3)]),
    ExceptionGroup('deep', [ExceptionGroup('deeper', [KeyError(4)]), ValueError(5)]),
])
for matcher in [ValueError, TypeError, KeyError, LookupError, (TypeError, KeyError), ExceptionGroup]:
    m, r = nested.split(matcher)
    print(getattr(matcher, '__name__', matcher), '->', repr(m), '||', repr(r))
print(str(nested), len(nested.exceptions))
def leaves(e):
    if isinstance(e, BaseExceptionGroup):
        for x in e.exceptions:
            yield from leaves(x)
    else:
        yield e
print([repr(x) for x in leaves(nested)])
inner = nested.exceptions[1]
m, r = nested.split(lambda e: e is inner)
print(m.exceptions[0] is inner, repr(r))
