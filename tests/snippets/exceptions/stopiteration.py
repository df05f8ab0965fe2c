# StopIteration.value and generator return values.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for args in [(), (None,), (1,), (1, 2), ('v',)]:
    e = StopIteration(*args)
    print(repr(e), repr(e.value), e.args, repr(str(e)))
e = StopIteration(1)
e.value = 2
print(e.value, e.args)
def gen():
    yield 1
    return 'done'
g = gen()
next(g)
try:
    next(g)
except StopIteration as s:
    print(repr(s), s.value, s.args)
attempt(lambda: StopIteration(value=1))
print(repr(StopAsyncIteration('a')), StopAsyncIteration.__mro__[1].__name__)
class MyStop(StopIteration):
    pass
print(MyStop(3).value)
