# NameError and AttributeError raised by the interpreter record the name (and object).
try:
    undefined_name_here
except NameError as err:
    print(type(err).__name__, err, err.name)
def f():
    print(local_late)
    local_late = 1
try:
    f()
except UnboundLocalError as err:
    print(type(err).__name__, err, err.name)
class C:
    pass
c = C()
try:
    c.nothere
except AttributeError as err:
    print(type(err).__name__, err, err.name, err.obj is c)
try:
    (1).nothere
except AttributeError as err:
    print(type(err).__name__, err, err.name, err.obj)
try:
    C.nothere
except AttributeError as err:
    print(type(err).__name__, err, err.name, err.obj is C)
