# Constructing exception groups: validation and the ExceptionGroup/BaseExceptionGroup choice.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

eg = ExceptionGroup('msg', [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), '|', str(eg), '|', eg.message, eg.exceptions, eg.args)
print(type(BaseExceptionGroup('m', [ValueError()])).__name__, type(BaseExceptionGroup('m', [KeyboardInterrupt()])).__name__)
attempt(lambda: ExceptionGroup('m', [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup('m', []))
attempt(lambda: ExceptionGroup('m', 5))
attempt(lambda: ExceptionGroup(5, [ValueError()]))
attempt(lambda: ExceptionGroup('m', [5]))
attempt(lambda: ExceptionGroup('m', [ValueError(), 'x']))
attempt(lambda: ExceptionGroup('m'))
attempt(lambda: ExceptionGroup())
attempt(lambda: ExceptionGroup('m', [ValueError()], 3))
attempt(lambda: ExceptionGroup('m', [ValueError()], x=3))
attempt(lambda: ExceptionGroup('m', {ValueError()}))
attempt(lambda: ExceptionGroup('m', (ValueError(),)).exceptions)
attempt(lambda: ExceptionGroup('m', iter([ValueError()])))
attempt(lambda: BaseExceptionGroup('m', [ValueError]))
attempt(lambda: BaseExceptionGroup.__new__(BaseExceptionGroup, 'm', [ValueError()]))
attempt(lambda: BaseExceptionGroup.__new__(ExceptionGroup, 'm', [KeyboardInterrupt()]))
class MyEG(ExceptionGroup):
    pass
print(repr(MyEG('m', [ValueError()])), type(MyEG('m', [ValueError()])).__name__)
class MyBEG(BaseExceptionGroup):
    pass
print(type(MyBEG('m', [ValueError()])).__name__, type(MyBEG('m', [KeyboardInterrupt()])).__name__)
attempt(lambda: MyEG('m', [KeyboardInterrupt()]))
attempt(lambda: MyEG('m', [ValueError()], k=1))
class X(ValueError, BaseExceptionGroup):
    pass
attempt(lambda: X('m', [KeyboardInterrupt()]))
print(str(ExceptionGroup('m', [ValueError()])), str(ExceptionGroup('m', [ValueError()] * 3)))
print(str(BaseExceptionGroup('x', [KeyboardInterrupt(), SystemExit()])))
eg = ExceptionGroup('m', [ValueError()])
print(eg.__reduce__())
attempt(lambda: setattr(eg, 'message', 'x'))
attempt(lambda: setattr(eg, 'exceptions', ()))
print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(BaseExceptionGroup.__class_getitem__(int), ExceptionGroup[int], ExceptionGroup[int].__origin__)
print(ExceptionGroup('é', [ValueError()]).message)
