# The mini-language's error messages.
def attempt(v, spec):
    try:
        print(repr(spec), 'ok', repr(format(v, spec)))
    except Exception as e:
        print(repr(spec), type(e).__name__, e)
for spec in ['abc', 'q', '.2', 'z', '+c', '#c', ',b', ',_', '_,', '.', ',c', ',n', '_n',
             '99999999999999999999', '.99999999999999999999', '\u20ac', '=', 'ss']:
    attempt(7, spec)
for spec in ['abc', 'q', 'd', 'x', 'c', '.', ',n', '.2147483648f', '_c', 'z']:
    attempt(1.5, spec)
for spec in ['d', ' ', '+', '-', 'z', '#', '=10', ',', '_', '.3x', '0', '010']:
    attempt('text', spec)
for spec in ['010', '0<10', '=10', 'd', '%', 'x', ',.2f', '_']:
    attempt(1 + 2j, spec)
try:
    (1).__format__(1)
except TypeError as e:
    print('TypeError', e)
try:
    (1.5).__format__(None)
except TypeError as e:
    print('TypeError', e)
try:
    (1j).__format__(b'')
except TypeError as e:
    print('TypeError', e)
