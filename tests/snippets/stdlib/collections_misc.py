from collections import OrderedDict, ChainMap, UserDict, UserList, UserString, deque, defaultdict
import collections, collections.abc
od = OrderedDict(a=1, b=2)
od['c'] = 3
print(od, list(od), list(reversed(od)), od.keys(), od.values(), od.items())
od.move_to_end('a'); print(od)
od.move_to_end('a', last=False); print(od)
print(od.popitem(), od.popitem(last=False), od)
od.update([('x', 9), ('y', 8)]); print(od)
print(od.pop('x'), od.pop('nope', 'dflt'), od.setdefault('z', 0), od)
try:
    od.pop('nope')
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    od.move_to_end('missing')
except KeyError as e:
    print('KeyError', e)
o1 = OrderedDict([(1, 1), (2, 2)]); o2 = OrderedDict([(2, 2), (1, 1)])
print(o1 == o2, o1 != o2, o1 == dict(o2), dict(o2) == o1, o1 == o1.copy())
print(OrderedDict.fromkeys('abc', 0), OrderedDict(), od | {'q': 1}, {'q': 1} | od)
r = OrderedDict(); r['self'] = r; print(r)
print(list(reversed(od.items())), list(reversed(od.keys())), list(reversed(od.values())))
print(isinstance(od, dict), issubclass(OrderedDict, collections.abc.MutableMapping))
od.clear(); print(od, len(od))
d = OrderedDict(a=1); del d['a']; print(d)
print(OrderedDict(b=1, a=2).__reduce__()[:3])

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm, cm['a'], cm['b'], len(cm), list(cm), cm.get('z'), 'b' in cm, dict(cm))
cm['c'] = 4; print(cm.maps)
print(cm.new_child(), cm.new_child({'n': 1}), cm.parents)
try:
    del cm['b']
except KeyError as e:
    print('KeyError', e)
print(cm.pop('c'), bool(ChainMap()), ChainMap())
try:
    ChainMap().popitem()
except KeyError as e:
    print('KeyError', e)
print(cm | {'z': 0}, {'z': 0} | cm)

ud = UserDict({'a': 1}, b=2)
print(ud, ud['a'], len(ud), list(ud), ud.get('q', 5), 'a' in ud, ud.data)
ud['c'] = 3; del ud['a']; print(ud, ud.copy(), ud | {'z': 1}, isinstance(ud, collections.abc.MutableMapping))
class Missing(UserDict):
    def __missing__(self, key):
        return key * 2
print(Missing()['ab'])
ul = UserList([3, 1, 2])
ul.append(0); ul.sort(); print(ul, ul[1:3], type(ul[1:3]).__name__, ul + [9], [9] + ul, ul * 2, len(ul), ul == [0, 1, 2, 3])
ul.extend(ul); ul.reverse(); print(ul, ul.pop(), ul.count(1), ul.index(2))
us = UserString('hello')
print(us, repr(us), us.upper(), us[1:], us + ' there', 'x' + us, us * 2, 'ell' in us, len(us), us.split('l'), us == 'hello', us < 'help')
print(us.replace('l', 'L'), us.center(9, '*'), us.find('l'), us.title(), us.encode(), int(UserString('42')))
print(collections.__all__)
print(sorted(collections.abc.__all__))
dq = deque([1]); print(isinstance(dq, collections.abc.MutableSequence), isinstance(defaultdict(), collections.abc.Mapping))
print(collections.abc.Sequence.__module__, collections.abc.Mapping.__name__)
