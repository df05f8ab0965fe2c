# Sizes no memory can satisfy give MemoryError or OverflowError, never an abort.
P = '/tmp/pyrs-io-huge_sizes'
open(P, 'w').close()
import io
for f in [lambda: open(P,'rb',buffering=0).read(2**63-1), lambda: open(P,'rb').read(2**62), lambda: open(P,'rb').read1(2**62), lambda: io.BufferedReader(io.FileIO(P), 2**62), lambda: io.RawIOBase().read(2**62), lambda: open(P,'rb').peek(2**62), lambda: io.BytesIO().seek(2**62) and io.BytesIO().write(b'x')]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
b = io.BytesIO(); b.seek(2**62)
try: b.write(b'x')
except Exception as e: print(type(e).__name__, e)
s = io.StringIO(); s.seek(2**61)
try: s.write('x')
except Exception as e: print(type(e).__name__, e)
t = open(P); t._CHUNK_SIZE = 2**62
try: print(t.read(5))
except Exception as e: print(type(e).__name__, e)
