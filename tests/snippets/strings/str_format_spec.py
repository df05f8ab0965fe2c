# format() / str.__format__ on strings: fill, align, width, precision; errors.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for spec in ['', '5', '<5', '>5', '^5', '*^6', '.2', '5.2', '-<4', '0<3', 's', '>10s', 'é^5', '\U0001f600>3']:
    print(repr(spec), repr(format('ab', spec)), repr(format('αβγ', spec)), repr('{:{}}'.format('x', spec)))
print(repr('abc'.__format__('')), repr('abc'.__format__('>4')))
attempt(lambda: format('a', 'd'))
attempt(lambda: format('a', '+'))
attempt(lambda: format('a', '='))
attempt(lambda: format('a', ','))
attempt(lambda: format('a', '#'))
attempt(lambda: 'a'.__format__(1))
attempt(lambda: format('a', 'xx'))
class S(str):
    pass
print(repr(format(S('q'), '')), type(format(S('q'), '')).__name__, repr(format(S('q'), '>3')))
