# OSError's arguments, attributes and __str__.
cases = [(), (1,), (2, 'x'), (2, 'No such file or directory', 'f'), (2, 'x', 'f', 'g'),
         (2, 'x', 'f', None, 'g'), (2, 'x', None, None, 'g'), (1, 2, 3, 4, 5, 6), ('a', 'b'),
         (None, 'b'), (2, None), (999, 'odd', b'bytes.txt'), (13, 'denied', 'p', 0, 'q')]
for args in cases:
    e = OSError(*args)
    print(type(e).__name__, repr(e), '|', str(e), '|', e.args, e.errno, e.strerror, e.filename, e.filename2)
e = OSError(1, 'x')
e.errno = 'q'
print(e.errno, str(e))
e.filename = 'later'
print(str(e))
e.filename2 = 'two'
print(str(e))
e.filename = None
print(str(e))
print(str(OSError(2, 'x', "f'g")), str(OSError(2, 'x', 'é')))
print(TimeoutError(5).errno, str(TimeoutError(5)), repr(TimeoutError('a', 'b')))
print(OSError.__new__(OSError, 2, 'x'), type(OSError.__new__(OSError, 2, 'x')).__name__)
