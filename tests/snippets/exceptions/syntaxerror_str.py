# SyntaxError.__str__: "msg (file, line N)" with the base name of the file.
for fn, ln in [('a/b/file.py', 3), ('file.py', None), (None, 3), (5, 3), ('f.py', 'x'), ('/x/', 3),
               ('', 4), ('dir/', None), ('f.py', True), ('f.py', 0), ('f.py', -2), ('f.py', 10**30)]:
    e = SyntaxError('invalid syntax')
    e.filename = fn
    e.lineno = ln
    print(repr(str(e)))
print(repr(str(SyntaxError(5))), repr(str(SyntaxError())), repr(str(SyntaxError(None))))
e = SyntaxError([1, 2], ('p/q.py', 4, 1, None))
print(str(e))
