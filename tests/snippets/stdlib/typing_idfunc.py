# The _typing module (its one function, _idfunc) and NewType, whose __call__ it is.
import _typing
import typing

print(_typing.__doc__, sorted(n for n in dir(_typing) if not n.startswith("__")))
f = _typing._idfunc
print(f.__name__, f.__doc__, f.__text_signature__, f(5), f(None), f is _typing._idfunc)
obj = object()
print(f(obj) is obj)
for call in (lambda: f(), lambda: f(1, 2), lambda: f(x=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

UserId = typing.NewType("UserId", int)
print(UserId(7), type(UserId(7)).__name__, UserId.__call__ is f, repr(UserId))
print(UserId.__supertype__, UserId | None)
try:
    UserId()
except TypeError as e:
    print("TypeError:", e)
