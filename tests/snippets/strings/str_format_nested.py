# str.format with nested replacement fields in format specs.
print('{:{}}|'.format('ab', 5), '{:>{}}|'.format('ab', 5), '{:{}{}}|'.format('ab', '^', 6))
print('{0:{1}.{2}}|'.format('abcdef', 5, 2), '{:{fill}{align}{width}}|'.format('x', fill='*', align='>', width=4))
print('{a:{b}}'.format(a='q', b=''), '{0:{0}}'.format(''), '{:{}}{}'.format('a', 3, 'b'))
print('{0[0]:{0[1]}}|'.format(['x', '>3']), '{x.real:{y}}'.format(x=5, y='') if False else '')
for bad in ['{:{}', '{:{{}}}', '{:{:{}}}', '{0:{a}}']:
    try:
        print(repr(bad.format('v', 'w', 'z', a='>2')))
    except Exception as e:
        print(type(e).__name__, e)
