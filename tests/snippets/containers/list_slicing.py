# list slicing: get, set and delete, with steps and the extended-slice errors.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::3], a[::-1], a[8:2:-2], a[-3:], a[-100:100], a[5:2], a[::-3])
print(a[2 ** 70:], a[:-2 ** 70], a[::2 ** 70], a[::-2 ** 70])
attempt(lambda: a[::0])
attempt(lambda: a['a':])
attempt(lambda: a[:1.5])
attempt(lambda: a[::[]])

b = list(range(10))
b[2:4] = ['x', 'y', 'z']
print(b)
b[:0] = [-1]
print(b)
b[len(b):] = [100]
print(b)
b[1:3] = []
print(b)
b[::2] = range(len(b[::2]))
print(b)
b[::-3] = 'abcd'
print(b)
b[5:2] = ['ins']
print(b)
attempt(lambda: b.__setitem__(slice(7, 1, -1), []))
b[7:1:-1] = 'abcdef'
print(b)
attempt(lambda: b.__setitem__(slice(None, None, 2), [1]))
attempt(lambda: b.__setitem__(slice(0, 2), 5))
attempt(lambda: b.__setitem__(slice(None, None, 3), 5))
attempt(lambda: b.__setitem__(slice(0, 5, 2), []))
c = list(range(10))
del c[::2]
print(c)
del c[::-2]
print(c)
c = list(range(20))
del c[3:15:4]
print(c)
del c[-1:-8:-3]
print(c)
del c[:]
print(c)
d = [1, 2, 3]
d[:] = d
print(d)
d[1:] = d
print(d)
d[::-1] = d
print(d)
e = [1, 2, 3, 4]
e[1:3] = iter([7, 8, 9])
print(e)
e[100:200] = [5]
print(e)
e[-100:-50] = [0]
print(e)
del e[100:200]
print(e)
f = list(range(6))
f[1::2] = f[::2]
print(f)
print([][:], [][::-1], [1][5:0:-1])
