# UnicodeEncodeError: attributes and __str__.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

e = UnicodeEncodeError('ascii', 'h\xe9', 1, 2, 'ordinal not in range(128)')
print(repr(e), '|', str(e), '|', e.encoding, repr(e.object), e.start, e.end, e.reason, e.args)
for obj, s, t in [('h\u1234', 1, 2), ('h\U00012345', 1, 2), ('hab', 1, 3), ('h', 1, 3), ('hab', 2, 1),
                  ('hab', -5, 2), ('hab', 0, 100), ('', 0, 1), ('abc', 0, 0)]:
    print(str(UnicodeEncodeError('ascii', obj, s, t, 'why')))
e = UnicodeEncodeError('ascii', 'hab', 1, 3, 'x')
e.start = 5
print(e.start, str(e))
e.reason = 5
print(str(e))
e = UnicodeEncodeError('ascii', 'hab', 1, 3, 'x')
e.encoding = 5
print(str(e))
e = UnicodeEncodeError('ascii', 'hab', 1, 3, 'x')
e.end = -5
print(str(e), e.end)
e.start = True
print(e.start)
attempt(lambda: delattr(e, 'start'))
attempt(lambda: setattr(e, 'start', 10**30))
print(UnicodeEncodeError('ascii', 'hab', 1, 3, 'x').__reduce__())
class U(UnicodeEncodeError):
    pass
print(repr(U('ascii', 'hab', 1, 3, 'x')), str(U('ascii', 'hab', 1, 3, 'x')))
try:
    'h\xe9llo'.encode('ascii')
except UnicodeEncodeError as err:
    print(str(err), err.start, err.end, err.reason)
