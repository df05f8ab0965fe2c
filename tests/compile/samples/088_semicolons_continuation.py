a = 1; b = 2; c = a + \
    b
if a: b = 3; c = 4
x = [1,
2,
     3]
def f(): return 1
class K: pass
