# dict table growth, visible through __sizeof__.
import sys
d = {}
out = []
for i in range(45):
    out.append(d.__sizeof__())
    d[i] = i
print(out)
d = {}
out = []
for i in range(25):
    out.append(d.__sizeof__())
    d['k%d' % i] = i
print(out)
d = {}
d['a'] = 1
print(d.__sizeof__())
d[1] = 2
print(d.__sizeof__())
for i in range(100):
    d[i] = i
for i in range(100):
    del d[i]
print(len(d), d.__sizeof__(), d.copy().__sizeof__(), dict(d).__sizeof__())
d.clear()
print(d.__sizeof__(), {}.__sizeof__(), dict().__sizeof__())
print({i: i for i in range(6)}.__sizeof__(), {str(i): i for i in range(6)}.__sizeof__())
print(dict.fromkeys(range(10)).__sizeof__(), dict.fromkeys('abcdefghij').__sizeof__())
print(dict(a=1, b=2).__sizeof__(), dict(zip(range(30), range(30))).__sizeof__())
big = dict.fromkeys(range(50))
print(big.__sizeof__(), big.copy().__sizeof__(), dict(big).__sizeof__(), {**big}.__sizeof__())
for i in range(45):
    del big[i]
print(big.__sizeof__(), big.copy().__sizeof__())
x = {}
x.update(dict.fromkeys(range(20)))
print(x.__sizeof__())
class D(dict):
    pass
print(D().__sizeof__() - {}.__sizeof__())
