# UnicodeTranslateError and the base UnicodeError.
for obj, s, t in [('h\xe9', 1, 2), ('hxy', 1, 3), ('h\u1234', 1, 2), ('h\U00012345', 1, 2), ('', 0, 1)]:
    e = UnicodeTranslateError(obj, s, t, 'x')
    print(repr(e), '|', str(e), '|', e.encoding, repr(e.object), e.start, e.end, e.reason)
print(str(UnicodeError('x')), repr(UnicodeError(1, 2)), UnicodeError.__mro__[1].__name__)
print('encoding' in UnicodeError.__dict__, 'encoding' in UnicodeTranslateError.__dict__)
print(isinstance(UnicodeTranslateError('a', 0, 1, 'r'), ValueError))
