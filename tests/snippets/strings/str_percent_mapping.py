# str % mapping: keys, nesting, reuse, non-dict mappings.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = {'name': 'Ada', 'n': 3, 'x': 2.5, 'w': 6, 'é': 'accent'}
print('%(name)s has %(n)d items costing %(x).2f' % d)
print('%(name)10s|%(name)-10s|%(n)05d|%(x)+.1e|%(é)s' % d)
print('%(n)s %(n)r %(n)x %(n)o %(n)c' % {'n': 65})
print('%(a)s%%' % {'a': 50}, '%%(a)s' % {}, '%s' % {'k': 'v'}, '%r' % ({'a': 1},))
class M:
    def __getitem__(self, k):
        return k.upper()
    def keys(self):
        return []
print('%(abc)s %(xyz)s' % M())
class Seq(list):
    pass
print('%s' % Seq([1, 2]), '%s' % [1], '%(0)s' % {'0': 'zero'})
attempt(lambda: '%(missing)s' % d)
attempt(lambda: '%(name)d' % d)
attempt(lambda: '%(n)s %s' % d)
attempt(lambda: '%(name)*d' % d)
attempt(lambda: '%(n' % d)
attempt(lambda: '%(a)s' % [1])
attempt(lambda: '%(a)s' % 'str')
