# int.to_bytes: lengths, byte orders, signedness, defaults (3.11: length=1, 'big').
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for v in [0, 1, 127, 128, 255, 256, 65535, -1, -128, -129, 2 ** 64 - 1, -(2 ** 63), 2 ** 70]:
    attempt(lambda: v.to_bytes(10, 'big'))
    attempt(lambda: v.to_bytes(10, 'little', signed=True))
    attempt(lambda: v.to_bytes(2, byteorder='little'))
    attempt(lambda: v.to_bytes(1, signed=True))
attempt(lambda: (255).to_bytes())
attempt(lambda: (256).to_bytes())
attempt(lambda: (0).to_bytes(0))
attempt(lambda: (0).to_bytes(0, signed=True))
attempt(lambda: (1).to_bytes(0))
attempt(lambda: (1).to_bytes(-1))
attempt(lambda: (1).to_bytes(1, 'middle'))
attempt(lambda: (1).to_bytes(1, byteorder=1))
attempt(lambda: (1).to_bytes(1, 'big', True))
attempt(lambda: (1).to_bytes(2 ** 70))
attempt(lambda: (1).to_bytes(1.0))
attempt(lambda: (1).to_bytes(length=3, byteorder='little', signed=False))
attempt(lambda: True.to_bytes(2, 'big'))
attempt(lambda: (-1).to_bytes(2))
attempt(lambda: (1).to_bytes(1, 'big', sign=True))
