# cmath: every function over a grid of special and ordinary values (C99 Annex G
# special values, overflow and domain errors), rect/polar/phase/isclose/log base.
import cmath, math
vals = [-math.inf, -1e308, -2.5, -1.0, -1e-310, -0.0, 0.0, 0.5, 1.0, 710.0, 1e308, math.inf, math.nan]
for name in ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']:
    f = getattr(cmath, name)
    out = []
    for x in vals:
        for y in vals:
            try:
                r = f(complex(x, y))
                if isinstance(r, complex):
                    out.append('(%r,%r)' % (r.real, r.imag) if not (math.isnan(r.real) or math.isnan(r.imag)) else repr(r))
                else:
                    out.append(repr(r))
            except Exception as e:
                out.append(type(e).__name__)
    print(name, ' '.join(out))
for x in vals:
    print('rect', ' '.join(repr(cmath.rect(x, y)) if True else '' for y in [0.0, -0.0, 1.0, math.pi] ), end=' ')
    for y in vals:
        try:
            print(repr(cmath.rect(x, y)), end=' ')
        except Exception as e:
            print(type(e).__name__, end=' ')
    print()
print(cmath.log(8, 2), cmath.log(1j, 1j), cmath.log(-1, 10), cmath.log(0, 2), cmath.log(10, 10+0j))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(complex(math.inf, 0), complex(math.inf, 0)), cmath.isclose(0, 1e-12, abs_tol=1e-9))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
class C:
    def __complex__(self): return 3+4j
class F:
    def __float__(self): return 2.25
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(-4), cmath.sqrt(True), cmath.phase(-1), cmath.polar(-2j))
for t in ['cmath.sqrt("a")','cmath.sqrt()','cmath.log(1,2,3)','cmath.log()','cmath.log(0)','cmath.rect(1)','cmath.phase(1j, 2)','cmath.isclose(1)','cmath.polar(complex(1.5e308,1.5e308))','cmath.exp(1000)','cmath.log(1, 0)','cmath.sqrt(None)', 'cmath.isclose(1, 2, rel_tol=-1)', 'cmath.rect(1, math.inf)', 'cmath.cosh(complex(1000, 1))', 'cmath.atanh(1)', 'cmath.log(2, 1)', 'cmath.log(0, 0)']:
    try: print(t, repr(eval(t)))
    except Exception as e: print(t, type(e).__name__, e)
print(sorted(n for n in dir(cmath) if not n.startswith('__')), cmath.sqrt.__doc__, cmath.log.__doc__.splitlines()[0])
