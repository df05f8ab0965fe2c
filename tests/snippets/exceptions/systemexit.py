# SystemExit.code.
for args in [(), (0,), (1,), ('message',), (None,), (1, 2)]:
    e = SystemExit(*args)
    print(repr(e), repr(e.code), e.args, repr(str(e)))
e = SystemExit(3)
e.code = 4
print(e.code, e.args)
try:
    raise SystemExit('bye')
except SystemExit as s:
    print(repr(s), s.code)
try:
    import sys
    sys.exit(5)
except SystemExit as s:
    print(repr(s), s.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
