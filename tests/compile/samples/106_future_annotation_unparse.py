from __future__ import annotations
a: 1.5
b: 1e16
c: 1e-5
d: 1j
e: (1+2j)
f: b'x\n\'y'
g: 1e400
h: -0.0
i: 3.0 + 4j
j: (1, 2.5, 'x')
k: x[1:2]
l: x[::2]
m: x[a, b]
n: (a, b)
o: [*a]
p: {**a}
q: a if b else c
r: lambda x, *y, z=1, **w: x
t: not a and b or c
u: a is not b
v: -a ** -b
w: (-a) ** b
x_: a[b](c).d
y: {a: b for a, b in c if a}
z: 0.1 + 0.2
aa: 123456789012345678901234567890
bb: "it's"
cc: 'say "hi"'
dd: '\t\x00\u00e9'
ee: ...
ff: None | int
gg: a @ b
hh: ~a
ii: +a
jj: a < b < c
mm: x.y.z
a: f"x{y}z"
b: f"{y!r:>{w}} {{lit}}"
c: f"{'q'}"
d: f"{ {1: 2} }"
e: f"plain"
