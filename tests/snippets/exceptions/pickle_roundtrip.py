# Exceptions survive pickling (through __reduce__ and __setstate__).
import pickle

for obj in [ValueError('p'), KeyError('k'), OSError(2, 'x', 'f'), ImportError('m', name='n'), StopIteration(5)]:
    back = pickle.loads(pickle.dumps(obj))
    print(type(back).__name__, repr(back), back.args)
e = ValueError('with state')
e.note = 'kept'
back = pickle.loads(pickle.dumps(e))
print(repr(back), back.note)
eg = ExceptionGroup('eg', [ValueError(1), TypeError(2)])
back = pickle.loads(pickle.dumps(eg))
print(repr(back), back.exceptions)
