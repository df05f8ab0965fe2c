# Pickling and copying: __reduce_ex__, array._array_reconstructor (including the
# conversions between machine formats), copy, deepcopy and the iterator's state.
import array
import copy
import pickle


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


for code in array.typecodes:
    a = array.array(code, "ab" if code == "u" else [1, 2])
    for proto in (0, 2, 3, 5):
        r = a.__reduce_ex__(proto)
        print(code, proto, r[0].__name__, r[1], r[2])
        print("  roundtrip", pickle.loads(pickle.dumps(a, proto)) == a)
t("reduce_ex str", lambda: array.array("b").__reduce_ex__("a"))
t("reduce_ex bool", lambda: array.array("b", [1]).__reduce_ex__(True))
t("reduce_ex huge", lambda: array.array("b").__reduce_ex__(2**100))
t("reduce_ex none", lambda: array.array("b").__reduce_ex__())
t("reduce_ex two", lambda: array.array("b").__reduce_ex__(1, 2))
t("reduce", lambda: array.array("b", [1]).__reduce__())


class Sub(array.array):
    pass


s = Sub("d", [1.5])
s.attr = 42
r = s.__reduce_ex__(3)
print(r[1][0].__name__, r[1][1:], r[2])
s2 = pickle.loads(pickle.dumps(s))
print(type(s2).__name__, s2, s2.attr)
s3 = copy.deepcopy(s)
print(type(s3).__name__, s3)

rc = array._array_reconstructor
t("rc fast", lambda: rc(array.array, "i", 8, b"\x01\x00\x00\x00"))
t("rc sub", lambda: type(rc(Sub, "b", 1, b"\x01")).__name__)
t("rc int32 BE", lambda: rc(array.array, "i", 9, b"\x00\x00\x00\x01"))
t("rc uint16 to H", lambda: rc(array.array, "h", 2, b"\x01\x00\xff\xff"))
t("rc int16 BE", lambda: rc(array.array, "h", 5, b"\xff\xfe"))
t("rc int32 to i", lambda: rc(array.array, "l", 8, b"\x00\x41\x00\x00"))
t("rc int64 to q", lambda: rc(array.array, "i", 12, b"\x01" + b"\x00" * 7))
t("rc uint64 BE", lambda: rc(array.array, "Q", 11, b"\x00" * 7 + b"\x02"))
t("rc int8", lambda: rc(array.array, "B", 1, b"\xff"))
t("rc float BE", lambda: rc(array.array, "f", 15, b"\x3f\xc0\x00\x00"))
t("rc float LE from d", lambda: rc(array.array, "d", 14, b"\x00\x00\xc0\x3f"))
t("rc double BE", lambda: rc(array.array, "d", 17, b"\x3f\xf8" + b"\x00" * 6))
t("rc utf16 LE", lambda: rc(array.array, "u", 18, "hi".encode("utf-16-le")))
t("rc utf16 BE", lambda: rc(array.array, "u", 19, "hi".encode("utf-16-be")))
t("rc utf32 BE", lambda: rc(array.array, "u", 21, "hé".encode("utf-32-be")))
t("rc bad len", lambda: rc(array.array, "h", 2, b"abc"))
t("rc bad utf16", lambda: rc(array.array, "u", 18, b"\x00\xd8"))
t("rc not type", lambda: rc(1, "b", 1, b""))
t("rc not subtype", lambda: rc(int, "b", 1, b""))
t("rc bad code", lambda: rc(array.array, "x", 1, b""))
t("rc long code", lambda: rc(array.array, "bb", 1, b""))
t("rc int code", lambda: rc(array.array, 1, 1, b""))
t("rc bad mformat", lambda: rc(array.array, "b", 22, b""))
t("rc neg mformat", lambda: rc(array.array, "b", -1, b""))
t("rc str mformat", lambda: rc(array.array, "b", "x", b""))
t("rc list items", lambda: rc(array.array, "b", 1, []))
t("rc no args", lambda: rc())
print(rc.__doc__)

a = array.array("i", [1, 2])
c = copy.copy(a)
d = copy.deepcopy(a)
c[0] = 9
print(a, c, d, c is a, type(a.__copy__()).__name__)
t("deepcopy no arg", lambda: a.__deepcopy__())
t("copy sub", lambda: type(copy.copy(Sub("i", [1]))).__name__)

it = iter(array.array("b", [1, 2, 3]))
print(type(it).__name__, type(it).__module__, type(it).__qualname__)
t("iter new", lambda: type(it)())
print(next(it), it.__reduce__())
it.__setstate__(0)
print(list(it), it.__reduce__())
it = iter(array.array("b", [1, 2, 3]))
it.__setstate__(10)
print(list(it))
it = iter(array.array("b", [1, 2, 3]))
it.__setstate__(-10)
print(list(it))
t("setstate str", lambda: it.__setstate__("a"))
t("setstate huge", lambda: it.__setstate__(2**100))
t("length_hint", lambda: iter(array.array("b")).__length_hint__())
it = iter(array.array("d", [1.5, 2.5, 3.5]))
next(it)
it2 = pickle.loads(pickle.dumps(it))
print(list(it2), list(it))
grow = array.array("i", [1])
gi = iter(grow)
print(next(gi))
grow.append(2)
print(list(gi))
grow.append(3)
print(list(gi))
