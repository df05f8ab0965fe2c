# NameError.name, AttributeError.name/obj and their keyword-only arguments.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

print(NameError('x').name, NameError('x', name='y').name, repr(NameError('x', name='y')))
attempt(lambda: NameError('x', foo=1))
attempt(lambda: NameError('x', name=1, obj=2))
e = AttributeError('x', name='n', obj=3)
print(repr(e), str(e), e.name, e.obj)
print(AttributeError().name, AttributeError().obj, repr(str(AttributeError())))
attempt(lambda: AttributeError('x', foo=1))
attempt(lambda: AttributeError('x', name=1, obj=2, extra=3))
print(repr(UnboundLocalError('u', name='v')), UnboundLocalError('u', name='v').name)
e = AttributeError('preset', name='keep', obj='keep')
e.name = 'changed'
print(e.name, e.obj)
