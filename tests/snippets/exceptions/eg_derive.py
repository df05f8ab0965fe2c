# derive() and the metadata split parts inherit (cause, context, notes, traceback).
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

eg = ExceptionGroup('msg', [ValueError(1), TypeError(2)])
print(repr(eg.derive([KeyError()])), type(eg.derive([KeyError()])).__name__)
print(type(eg.derive([KeyboardInterrupt()])).__name__)
attempt(lambda: eg.derive())
attempt(lambda: eg.derive([]))
attempt(lambda: eg.derive([1]))
eg.__cause__ = KeyError('c')
eg.__context__ = KeyError('x')
eg.add_note('note1')
m, r = eg.split(ValueError)
print(repr(m.__cause__), repr(m.__context__), m.__notes__, m.__notes__ is eg.__notes__, m.__traceback__)
print(m.__suppress_context__, r.__suppress_context__, eg.__suppress_context__)
eg2 = ExceptionGroup('plain', [ValueError(), TypeError()])
m2, _ = eg2.split(ValueError)
print(m2.__suppress_context__, hasattr(m2, '__notes__'), m2.__cause__)
eg2.__notes__ = 'not a list'
print(eg2.split(ValueError)[0].__dict__)

class EGD(ExceptionGroup):
    def derive(self, excs):
        return EGD(self.message + '!', excs)
e = EGD('m', [ValueError(), TypeError()])
print(repr(e.split(ValueError)), repr(e.subgroup(TypeError)))
class EGD2(ExceptionGroup):
    def derive(self, excs):
        return 5
attempt(lambda: EGD2('m', [ValueError(), TypeError()]).split(ValueError))
class NoDerive(ExceptionGroup):
    pass
print(type(NoDerive('n', [ValueError(), TypeError()]).split(ValueError)[0]).__name__)
try:
    raise ExceptionGroup('tb', [ValueError(1), TypeError(2)])
except ExceptionGroup as caught:
    m, r = caught.split(ValueError)
    print(m.__traceback__ is caught.__traceback__, r.__traceback__ is caught.__traceback__)
