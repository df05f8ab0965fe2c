# property subclasses keep a doc on the instance; with no room for it (__slots__)
# a doc taken from the getter is an AttributeError, an explicit one is dropped.
class P(property):
    pass


class S(property):
    __slots__ = ()


def g(self):
    'gdoc'


p = P(lambda s: 1, doc='D')
q = p.setter(lambda s, v: None)
print(repr(p.__doc__), repr(q.__doc__), 'D' in vars(p).values(), sorted(vars(p)))
s = S(lambda s: 1, doc='D')
print(repr(s.__doc__))
try:
    S(g)
except AttributeError as e:
    print('AttributeError', e)
p2 = P(g)
print(p2.__doc__, p2.getter(g).__doc__, P(None).__doc__, vars(p2))
print(property(g).__doc__, property(g, doc='x').__doc__, property().__doc__)
pr = property(g)
pr.__doc__ = 'new'
print(pr.__doc__)
try:
    property(g).__dict__
except AttributeError as e:
    print('AttributeError', e)
