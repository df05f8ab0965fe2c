# SyntaxErrors raised by the compiler carry their location.
try:
    compile('x = = 1', 'snippet.py', 'exec')
except SyntaxError as err:
    print(type(err).__name__, str(err), err.filename, err.lineno, err.offset, repr(err.text), err.end_lineno, err.end_offset)
try:
    compile('def f():\n  x = 1\n    y = 2\n', 'ind.py', 'exec')
except SyntaxError as err:
    print(type(err).__name__, str(err), err.lineno)
try:
    eval('1 +')
except SyntaxError as err:
    print(type(err).__name__, str(err), err.filename, err.lineno)
