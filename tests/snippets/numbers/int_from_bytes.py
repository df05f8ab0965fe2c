# int.from_bytes: byte orders, signedness, iterables, subclasses.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
data = [b'', b'\x00', b'\x01', b'\xff', b'\x80', b'\x7f', b'\x01\x00', b'\xff\xff',
        b'\x00\x80', b'\x12\x34\x56\x78\x9a\xbc\xde\xf0\x11', bytes(range(20))]
for d in data:
    print(d, int.from_bytes(d), int.from_bytes(d, 'little'), int.from_bytes(d, signed=True),
          int.from_bytes(d, 'little', signed=True))
attempt(lambda: int.from_bytes([1, 2]))
attempt(lambda: int.from_bytes((255, 0), 'little'))
attempt(lambda: int.from_bytes(bytearray(b'\x01\x02')))
attempt(lambda: int.from_bytes(iter([1, 2, 3])))
attempt(lambda: int.from_bytes([256]))
attempt(lambda: int.from_bytes([-1]))
attempt(lambda: int.from_bytes(1))
attempt(lambda: int.from_bytes('ab'))
attempt(lambda: int.from_bytes(b'a', 'mid'))
attempt(lambda: int.from_bytes(b'a', 5))
attempt(lambda: int.from_bytes())
attempt(lambda: int.from_bytes(bytes=b'\x01', byteorder='little', signed=1))
class MyInt(int):
    pass
r = MyInt.from_bytes(b'\x01\x00')
print(type(r).__name__, r)
print(bool.from_bytes(b'\x01'), bool.from_bytes(b'\x00'), type(bool.from_bytes(b'\x00')).__name__)
for n in [0, 1, -1, 2 ** 100 + 7, -(2 ** 100) - 7]:
    b = n.to_bytes(20, 'little', signed=True)
    print(int.from_bytes(b, 'little', signed=True) == n)
