# SyntaxError's arguments: (msg, (filename, lineno, offset, text[, end_lineno, end_offset])).
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

cases = [(), ('m',), ('m', ('f', 1, 2, 't')), ('m', ('f', 1, 2, 't', 3, 4)),
         ('m', ['f', 1, 2, 't']), ('m', ('f', 1, 2, 't'), 5), (1, 2, 3), ('m', 'abcd')]
for args in cases:
    e = SyntaxError(*args)
    print(repr(e), '|', e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset,
          e.print_file_and_line, e.args)
attempt(lambda: SyntaxError('m', ('f', 1, 2, 't', 3, 4, 5)))
attempt(lambda: SyntaxError('m', ('f', 1)))
attempt(lambda: SyntaxError('m', 'x'))
attempt(lambda: SyntaxError('m', 5))
attempt(lambda: SyntaxError('m', ('f', 1, 2, 't', 3)))
attempt(lambda: SyntaxError('m', ('f', 1, 2, 't'), x=1))
e = IndentationError('bad', ('f.py', 2, 3, 'x'))
print(repr(e), str(e), e.lineno)
e = TabError('tabs', ('g.py', 9, 1, '\tx\n'))
print(repr(e), str(e), [c.__name__ for c in TabError.__mro__])
e = SyntaxError('m')
e.lineno = 7
e.filename = 'x.py'
e.print_file_and_line = 1
print(e.lineno, e.filename, e.print_file_and_line, str(e))
