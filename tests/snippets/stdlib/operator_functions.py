import operator
import _operator

def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

for name in ['add', 'sub', 'mul', 'floordiv', 'truediv', 'mod', 'lshift', 'rshift',
             'and_', 'or_', 'xor', 'pow', 'lt', 'le', 'eq', 'ne', 'gt', 'ge']:
    f = getattr(operator, name)
    show(f, 7, 3)
    show(f, 7)
    show(f, 'a', 3)
print(operator.add([1], [2]), operator.mul('ab', 3), operator.mod('%s!', 5))
for name in ['neg', 'pos', 'abs', 'inv', 'invert', 'not_', 'truth', 'index']:
    f = getattr(operator, name)
    show(f, -5)
    show(f, 'x')
    show(f)
show(operator.index, True)
show(operator.matmul, 1, 2)
show(operator.is_, None, None)
show(operator.is_not, None, 1)
show(operator.contains, [1, 2], 2)
show(operator.contains, 5, 2)
show(operator.countOf, [1, 2, 1, 1.0, True], 1)
show(operator.countOf, 5, 1)
show(operator.indexOf, [4, 5, 6], 6)
show(operator.indexOf, [4, 5, 6], 7)
show(operator.indexOf, 3, 7)
d = {'a': 1}
show(operator.getitem, d, 'a')
show(operator.getitem, d, 'b')
show(operator.setitem, d, 'b', 2)
show(operator.delitem, d, 'a')
print(d)
show(operator.delitem, d, 'zz')
show(operator.setitem, d, 1)
show(operator.length_hint, [1, 2, 3])
show(operator.length_hint, iter(range(10)))
show(operator.length_hint, 5, 7)
show(operator.length_hint, 5, 'x')
show(operator.length_hint, 5)
class LH:
    def __length_hint__(self): return -1
show(operator.length_hint, LH())
show(operator.concat, [1], [2])
show(operator.concat, 'a', 'b')
show(operator.concat, 1, 2)
show(operator.concat, [1], (2,))
l = [1]
r = operator.iconcat(l, [2])
print(r is l, l)
show(operator.iconcat, (1,), (2,))
show(operator.iconcat, 1, 2)
x = [1]
print(operator.iadd(x, [3]) is x, x)
for name in ['iadd', 'isub', 'imul', 'ifloordiv', 'itruediv', 'imod', 'ilshift', 'irshift',
             'iand', 'ior', 'ixor', 'ipow']:
    show(getattr(operator, name), 6, 4)
    show(getattr(operator, name), 'a', None)
show(operator.imatmul, 1, 2)
show(operator.call, max, 1, 2, key=lambda v: -v)
show(operator.call)
show(_operator._compare_digest, 'abc', 'abc')
show(_operator._compare_digest, 'abc', 'abd')
show(_operator._compare_digest, b'abc', bytearray(b'abc'))
show(_operator._compare_digest, b'abc', b'ab')
show(_operator._compare_digest, 'a', b'a')
show(_operator._compare_digest, 1, 2)
show(_operator._compare_digest, 'é', 'a')
show(_operator._compare_digest, b'a', memoryview(b'a'))
print(operator.__lt__ is operator.lt, operator.__add__ is operator.add, operator.__iconcat__ is operator.iconcat)
print(operator.__call__ is operator.call, operator.__not__ is operator.not_)
print(sorted(operator.__all__) == sorted(n for n in operator.__all__ if hasattr(operator, n)))
print(operator.add.__module__, operator.add.__name__, operator.add.__doc__)
print(operator.add.__text_signature__, operator.neg.__text_signature__, operator.length_hint.__text_signature__)
print(operator.__doc__ == _operator.__doc__, hasattr(operator, '_compare_digest'))
print(operator.countOf.__doc__)
show(_operator._compare_digest, b'ab', 'ab')
show(_operator._compare_digest, b'ab', 1)
