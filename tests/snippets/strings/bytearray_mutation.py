# bytearray mutation: item and slice assignment, deletion, in-place operators, methods.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = bytearray(b'hello')
b[0] = 72
b[-1] = ord('O')
print(b, b[0], b[1:3], type(b[1:3]).__name__)
b[1:3] = b'EYY'
print(b)
b[1:4] = b''
print(b)
b[2:2] = [120, 121]
print(b)
b[::2] = b'abc'
print(b)
del b[0]
print(b)
del b[::2]
print(b)
del b[:]
print(b, len(b))
b += b'abc'
b += bytearray(b'd')
print(b)
b *= 2
print(b)
b.append(33)
b.extend(b'xy')
b.extend([1, 2])
b.extend(range(65, 68))
b.extend(x for x in b'!')
print(b)
b.insert(0, 48)
b.insert(-1, 49)
b.insert(100, 50)
b.insert(-100, 51)
print(b)
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(ord('a'))
print(b)
b.reverse()
print(b)
c = b.copy()
c[0] = 0
print(b[0] != c[0], c is not b, type(c).__name__)
b.clear()
print(b, len(b))
b[:] = range(5)
print(b)
b[1:4] = bytearray(b'xyz')
print(b)
b[1:2] = b
print(b)
b[5:2] = b'Q'
print(b)
b[::-1] = bytes(range(48, 48 + len(b)))
print(b)
attempt(lambda: bytearray(b'a').append(300))
attempt(lambda: bytearray(b'a').append('a'))
attempt(lambda: bytearray(b'a').append(-1))
attempt(lambda: bytearray().pop())
attempt(lambda: bytearray(b'a').pop(5))
attempt(lambda: bytearray(b'a').pop('x'))
attempt(lambda: bytearray(b'a').remove(5))
attempt(lambda: bytearray(b'a').remove(b'a'))
attempt(lambda: bytearray(b'a').insert(0, 'x'))
attempt(lambda: bytearray(b'a').insert('x', 1))
attempt(lambda: bytearray(b'a').extend(1))
attempt(lambda: bytearray(b'a').extend([1, 'a']))
attempt(lambda: bytearray(b'a').extend('abc'))
def setitem(i, v):
    x = bytearray(b'abc')
    x[i] = v
    return x
def delitem(i):
    x = bytearray(b'abc')
    del x[i]
    return x
attempt(lambda: setitem(0, 300))
attempt(lambda: setitem(0, 'a'))
attempt(lambda: setitem(5, 1))
attempt(lambda: setitem(-4, 1))
attempt(lambda: setitem('x', 1))
attempt(lambda: setitem(slice(0, 1), 5))
attempt(lambda: setitem(slice(0, 1), 'ab'))
attempt(lambda: setitem(slice(0, 1), [120, 'a']))
attempt(lambda: setitem(slice(0, 1), [300]))
attempt(lambda: setitem(slice(None, None, 2), b'x'))
attempt(lambda: setitem(slice(None, None, 2), b'xy'))
attempt(lambda: setitem(slice(None, None, 2), b''))
attempt(lambda: setitem(slice(0, 1), (x for x in b'gen')))
attempt(lambda: delitem(5))
attempt(lambda: delitem(-1))
attempt(lambda: delitem(slice(None, None, -1)))
attempt(lambda: delitem('x'))
def iadd(v):
    x = bytearray(b'a')
    x += v
    return x
attempt(lambda: iadd('b'))
attempt(lambda: iadd(1))
attempt(lambda: iadd(b'b'))
attempt(lambda: bytearray(b'ab') + 'c')
attempt(lambda: bytearray(b'ab') * 'c')
attempt(lambda: hash(bytearray(b'ab')))
x = bytearray(b'ab')
y = x
x += b'c'
x *= 2
print(x is y, y)
print(bytearray(b'abc') == b'abc', bytearray(b'a') < b'b', bytearray(b'b') > bytearray(b'a'), bytearray() == bytearray(), bytearray(b'a') == 'a')
it = iter(bytearray(b'abc'))
print(type(it).__name__, next(it), it.__length_hint__(), list(it), list(bytearray(b'xyz')))
m = bytearray(b'abc')
it = iter(m)
next(m for m in [0])
m.append(100)
print(list(it))
