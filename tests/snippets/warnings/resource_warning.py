# ResourceWarning for files left open (FileIO._dealloc_warn through the buffered and
# text layers) and the RuntimeWarning of open() with buffering=1 in binary mode.
import gc
import os
import warnings
import tempfile

path = os.path.join(tempfile.gettempdir(), "pyrs_rw_test.txt")
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    f = open(path, "w")
    f = None
    f = open(path, "rb")
    del f
    f = open(path, "rb", buffering=0)
    del f
    f = open(path, "w")
    f.close()
    del f
    fd = os.open(path, os.O_RDONLY)
    f = open(fd, "rb", closefd=False)
    del f
    os.close(fd)
    f = open(path, "wb", buffering=1)
    f.close()
    gc.collect()
for w in log:
    print(w.category.__name__, str(w.message).replace(path, "PATH"), type(w.source).__name__, w.lineno)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        open(path, "wb", buffering=1)
    except RuntimeWarning as e:
        print("RuntimeWarning:", e)
os.remove(path)
