# bytes and bytearray slicing and indexing.
for T in (bytes, bytearray):
    s = T(b'0123456789')
    print(s[::2], s[1::3], s[::-1], s[-2::-2], s[8:2:-2], s[2:8], s[100:], s[:-100], s[5:5], s[-3:], s[slice(1, None, 4)])
    print(s[0], s[-1], s[True], type(s[2:4]).__name__, type(s[::2]).__name__)
    for bad in ['a', 1.5, None, 2**100]:
        try:
            s[bad]
        except (TypeError, IndexError) as e:
            print(type(e).__name__, e)
    try:
        s[::0]
    except ValueError as e:
        print('ValueError', e)
