# BaseExceptionGroup.subgroup.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

eg = ExceptionGroup('msg', [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg.subgroup(ValueError)))
print(eg.subgroup(KeyError))
print(eg.subgroup(Exception) is eg, eg.subgroup(BaseException) is eg)
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] == 3)))
print(repr(eg.subgroup(lambda e: e is eg)) == repr(eg), eg.subgroup(lambda e: e is eg) is eg)
print(repr(eg.subgroup((TypeError,))))
attempt(lambda: eg.subgroup())
attempt(lambda: eg.subgroup('x'))
nested = ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2), ValueError(3)])])
print(repr(nested.subgroup(TypeError)))
print(repr(nested.subgroup(ValueError)))
print(repr(nested.subgroup(ExceptionGroup)))
print(repr(nested.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == 'inner')))
