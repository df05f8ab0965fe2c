# compile() of trees whose positions are valid but odd (huge, zero, negative,
# spanning lines): the code's positions and line table equal CPython's.
import ast
import hashlib
import random
random.seed(12345)
SRC = '''
def f(a, b=2, *c, d, **e):
    x = [i for i in range(a) if i]
    try:
        return "{a!r:>{b}}" + x[0]
    except (ValueError, TypeError) as err:
        raise RuntimeError('no') from err
    finally:
        pass
class C(object):
    y: int = 3
    def m(self): return super().m()
for q in range(3):
    if q: continue
    else: break
while 0: pass
with open('/dev/null') as fh: pass
match [1, 2]:
    case [1, *rest] if rest: pass
    case {'a': 1}: pass
lambda x: x
a = b = (1, 2)
a += 1
assert a, 'm'
print({1: 2}, {1, 2}, -a, a < 2 <= 3, not a)
'''
out = []
for trial in range(80):
    tree = ast.parse(SRC)
    for node in ast.walk(tree):
        if 'lineno' in node._attributes and random.random() < 0.3:
            r = random.random()
            if r < 0.15:
                l = c = random.choice([-1, -5])
                node.lineno = node.end_lineno = l
                node.col_offset = node.end_col_offset = random.choice([c, 0, 5])
                if node.col_offset >= 0:
                    node.end_col_offset = node.col_offset + random.choice([0, 3])
            else:
                l = random.choice([0, 1, 2, 3, 100, 70000, 2**31 - 10])
                el = l + random.choice([0, 0, 1, 5])
                c = random.choice([0, 1, 100, 255, 256, 1000, 2**31 - 10, -1])
                ec = c + random.choice([0, 1, 300]) if c >= 0 else -1
                if el != l and random.random() < 0.5:
                    ec = random.choice([0, 7, -1])
                node.lineno, node.end_lineno = l, el
                node.col_offset, node.end_col_offset = c, min(ec, 2**31 - 1)
    try:
        c = compile(tree, '<fuzz>', 'exec')

        def allpos(c):
            r = [(tuple(c.co_positions()), c.co_linetable)]
            for k in c.co_consts:
                if hasattr(k, 'co_positions'):
                    r += allpos(k)
            return r
        r = 'ok ' + hashlib.md5(repr(allpos(c)).encode()).hexdigest()[:12]
    except Exception as e:
        r = type(e).__name__ + ' ' + str(e)
    out.append(r)
for i, r in enumerate(out):
    print(i, r)
