# str.format: automatic and manual numbering, keywords, attributes, indexes, conversions.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print('{} {} {}'.format(1, 'a', None), '{0} {1} {0}'.format('x', 'y'), '{a} {b}'.format(a=1, b=2))
print('{0}{b}{1}'.format(1, 2, b='B'), '{{}} {{{0}}} }}{{'.format(5), '{}'.format('é\u20ac'))
class P:
    pass
p = P()
p.x, p.y, p.d = 1, [10, 20], {'k': 'v', 0: 'zero', '-1': 'neg'}
print('{0.x} {0.y[1]} {0.d[k]} {0.d[0]} {0.d[-1]}'.format(p), '{p.y[0]}'.format(p=p))
print('{0[0]}{0[1]}'.format('ab'), '{0[1][0]}'.format([[1], [2]]), '{.real}'.format(3), '{0.__class__.__name__}'.format(1.5))
print('{!r} {!s} {!a}'.format('é', 'é', 'é'), '{0!r:>8}|'.format('x'), '{!r:}'.format(1))
print('{:>5}|{:<5}|{:^5}|{:*^7}|'.format('a', 'b', 'c', 'd'), '{:{}}|'.format('x', 4), '{:{w}.{p}f}'.format(3.14159, w=8, p=2))
print('{0:{1}{2}}|'.format('ab', '>', 6), '{:{}{}}'.format(3, '0', 4), '{:}'.format(7), '{:s}'.format('q'))
print('{٣}'.format(0, 1, 2, 3), '{0[٠]}'.format(['zero']))
print('{0[a b]}'.format({'a b': 1}), '{0[ ]}'.format({' ': 'sp'}), '{0[:]}'.format({':': 'colon'}))
print('x'.format(), ''.format(1, 2), '{}'.format(*'a', **{}), 'no fields {{'.format())
print('{a}'.format_map({'a': 1}), '{a.real}'.format_map({'a': 2}), '{x}{y}'.format_map(dict(x='X', y='Y')))
class Missing(dict):
    def __missing__(self, k):
        return '<' + k + '>'
print('{name} {other}'.format_map(Missing(name='n')))
class Fmt:
    def __format__(self, spec):
        return 'Fmt(' + spec + ')'
print('{0:abc} {0} {0:{1}}'.format(Fmt(), 'nested'), format(Fmt(), 'q'), f'{Fmt():xy}')
attempt(lambda: '{'.format())
attempt(lambda: '}'.format())
attempt(lambda: 'a}b'.format())
attempt(lambda: '{0'.format(1))
attempt(lambda: '{0!'.format(1))
attempt(lambda: '{0!r'.format(1))
attempt(lambda: '{0!rx}'.format(1))
attempt(lambda: '{0!x}'.format(1))
attempt(lambda: '{0!}'.format(1))
attempt(lambda: '{0:{1}'.format(1, 2))
attempt(lambda: '{a{}'.format())
attempt(lambda: '{0[}'.format([1]))
attempt(lambda: '{0]}'.format([1]))
attempt(lambda: '{0.}'.format(1))
attempt(lambda: '{0[]}'.format([1]))
attempt(lambda: '{0[0]x}'.format([1]))
attempt(lambda: '{0..a}'.format(1))
attempt(lambda: '{}{0}'.format(1))
attempt(lambda: '{0}{}'.format(1))
attempt(lambda: '{5}'.format(1))
attempt(lambda: '{}{}'.format(1))
attempt(lambda: '{x}'.format(1))
attempt(lambda: '{0.nope}'.format(1))
attempt(lambda: '{0[5]}'.format([1]))
attempt(lambda: '{0[x]}'.format([1]))
attempt(lambda: '{0[0]}'.format(1))
attempt(lambda: '{0}'.format_map({}))
attempt(lambda: '{a}'.format_map(1))
attempt(lambda: '{a}'.format_map())
attempt(lambda: '{0:{1:{2}}}'.format(1, 2, 3))
attempt(lambda: '{99999999999999999999}'.format())
attempt(lambda: '{:d}'.format('x'))
attempt(lambda: '{:x}'.format(Fmt()) + '{:5}'.format(object()))
attempt(lambda: '{0!r:{1}}'.format('a', '^5'))
