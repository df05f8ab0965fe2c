# bytearray's allocation as __alloc__ and sys.getsizeof report it (CPython's growth rules).
import sys
def show(label, b):
    print(label, len(b), b.__alloc__(), sys.getsizeof(b), b.__sizeof__())
show('empty', bytearray())
show('abc', bytearray(b'abc'))
show('int', bytearray(10))
show('list', bytearray([1, 2, 3]))
show('range', bytearray(range(20)))
show('gen', bytearray(x for x in range(30)))
b = bytearray()
for i in range(40):
    b.append(i)
    if i % 5 == 0:
        show('append%d' % i, b)
b = bytearray(b'abcdefgh')
del b[:3]
show('delfront', b)
b += b'xyz'
show('iadd', b)
b = bytearray(b'abc')
b.clear()
show('clear', b)
b = bytearray(b'ab') * 3
show('mul', b)
b = bytearray(b'ab')
b *= 3
show('imul', b)
b = bytearray(b'abc')
b.pop()
show('pop', b)
show('copy', bytearray(b'abc').copy())
b = bytearray(b'abcdef')
del b[::2]
show('delext', b)
b = bytearray(b'abc')
b[1:2] = b'xyz'
show('slice', b)
b = bytearray()
b.extend(range(5))
show('extend', b)
b = bytearray(100)
del b[10:]
show('shrink', b)
print(sys.getsizeof(b''), sys.getsizeof(b'abc'), b'abc'.__sizeof__(), sys.getsizeof(bytes(100)))
print(bytearray(b'a').__reduce__(), bytearray(b'a').__reduce_ex__(3), bytearray().__reduce_ex__(4), bytearray(b'\xff').__reduce_ex__(2))
class BA(bytearray):
    pass
x = BA(b'q')
x.attr = 1
print(x.__reduce__(), repr(x), repr(BA()))
