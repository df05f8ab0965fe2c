# A codec function's failure is re-raised naming the codec, when that is safe;
# invalid escapes in the escape codecs give a DeprecationWarning.
import codecs
import warnings

state = {}


def search(name):
    if name == 'wrap_test':
        return codecs.CodecInfo(raiser, raiser, name='wrap_test')
    return None


def raiser(*args, **kwds):
    raise state['exc']


codecs.register(search)


class MySlots(RuntimeError):
    __slots__ = ()


class MyWeak(RuntimeError):
    pass


class CustomInit(RuntimeError):
    def __init__(self):
        pass


with_attr = RuntimeError("has attr")
with_attr.attr = 1
for exc in [RuntimeError, RuntimeError("msg"), MySlots("slots"), MyWeak("weak"),
            CustomInit, with_attr, RuntimeError(1), RuntimeError('a', 'b'),
            ValueError("v")]:
    state['exc'] = exc
    for call in (lambda: "x".encode('wrap_test'), lambda: codecs.encode("x", 'wrap_test'),
                 lambda: b"x".decode('wrap_test'), lambda: codecs.decode(b"x", 'wrap_test')):
        try:
            call()
        except Exception as e:
            cause = e.__cause__
            print(type(e).__name__, repr(str(e)), type(cause).__name__,
                  cause is not None and cause.__traceback__ is not None,
                  e.__suppress_context__)
codecs.unregister(search)
try:
    codecs.decode(b"zz", "hex")
except Exception as e:
    print(type(e).__module__, type(e).__name__, e, type(e.__cause__).__name__)

for f in (codecs.unicode_escape_decode, codecs.escape_decode,
          lambda b: b.decode('unicode_escape')):
    for b in (b"\\c", b"\\8", b"\\Q", b"\\400", b"ok\\x41", b"\\c\\d", b"\\777\\q"):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = f(b)
        print(b, r, [(x.category.__name__, str(x.message)) for x in w])

# An incremental UTF-8 decoder waits for the rest of a split surrogate.
for enc in ('utf-8', 'utf-8-sig'):
    for ch in ('\ud901', '\udc02'):
        data = ch.encode('utf-8', 'surrogatepass')
        for i in range(1, len(data)):
            dec = codecs.getincrementaldecoder(enc)('surrogatepass')
            print(enc, ascii(dec.decode(data[:i])), ascii(dec.decode(data[i:], True)))
    dec = codecs.getincrementaldecoder(enc)('strict')
    try:
        print(ascii(dec.decode(b'\xed\xa0', True)))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
    dec = codecs.getincrementaldecoder(enc)('replace')
    print(ascii(dec.decode(b'a\xed\xa0')), ascii(dec.decode(b'', True)))
