# __index__ that releases the memoryview and resizes its bytearray while an item or
# slice is being assigned or read: a ValueError, never a write into freed memory.
class Evil:
    def __init__(self, m, ba, value=0):
        self.m, self.ba, self.value = m, ba, value
    def __index__(self):
        self.m.release()
        self.ba.extend(b"x" * 100000)
        return self.value

for action in ("item", "slice", "tuple", "value"):
    ba = bytearray(b"abcdefgh")
    m = memoryview(ba)
    try:
        if action == "item":
            m[0] = Evil(m, ba, 65)
        elif action == "slice":
            m[Evil(m, ba):2] = b"zz"
        elif action == "tuple":
            m.cast("B", [2, 4])[Evil(m, ba), 0]
        else:
            m[Evil(m, ba, 1)] = 66
        print(action, "no error", bytes(ba[:8]))
    except (ValueError, BufferError, TypeError) as e:
        print(action, type(e).__name__, e)
    print(len(ba))
