# OSErrors raised by the runtime map errno to the subclass and carry the file name.
try:
    open('/definitely/not/a/real/path/anywhere.txt')
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
try:
    open('/')
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
