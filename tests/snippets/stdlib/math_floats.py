# math's float functions: results, special values and error messages.
import math

print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
print(type(math.pi), math.isnan(math.nan), math.isinf(-math.inf))

values = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 3.5, -7.25, 10.0, 100.0, 1e-10,
          1e10, 1e300, -1e300, 5e-324, 0.1, 0.7, 27.0, -27.0, 171.5, -171.5,
          math.inf, -math.inf, math.nan, 7, -3, True, 10**20, 2**1023]
funcs = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh",
         "erf", "erfc", "exp", "exp2", "expm1", "fabs", "gamma", "lgamma", "log",
         "log10", "log1p", "log2", "sin", "sinh", "sqrt", "tan", "tanh", "degrees",
         "radians", "ulp", "frexp", "modf", "isfinite", "isinf", "isnan", "ceil",
         "floor", "trunc"]
for name in funcs:
    f = getattr(math, name)
    row = []
    for v in values:
        try:
            row.append(repr(f(v)))
        except Exception as e:
            row.append("%s(%s)" % (type(e).__name__, e))
    print(name, " ".join(row))

pairs = [(0.0, 0.0), (-0.0, 0.0), (0.0, -0.0), (1.0, 0.0), (0.0, -1.0), (2.0, 3.0),
         (-2.0, 3.0), (-2.0, 0.5), (10.0, -2.5), (7.5, 2.0), (-7.5, 2.0), (5.0, 2.0),
         (3.0, 2.0), (1e308, 10.0), (math.inf, 2.0), (2.0, math.inf), (math.inf, math.inf),
         (-math.inf, 3.0), (-math.inf, -3.0), (-math.inf, 2.0), (0.5, -math.inf),
         (1.0, math.nan), (math.nan, 0.0), (math.nan, 1.0), (-1.0, math.inf),
         (-0.0, -3.0), (0.0, -2.0), (-8.0, 1 / 3), (5e-324, 2.0), (4, 2), (-1.0, -math.inf)]
for name in ["atan2", "copysign", "remainder", "fmod", "pow", "hypot", "nextafter",
             "isclose", "ldexp", "log", "dist"]:
    f = getattr(math, name)
    row = []
    for x, y in pairs:
        try:
            if name == "ldexp":
                r = f(x, int(y) if math.isfinite(y) else 10**30)
            elif name == "dist":
                r = f((x, y), (y, x))
            else:
                r = f(x, y)
            row.append(repr(r))
        except Exception as e:
            row.append("%s(%s)" % (type(e).__name__, e))
    print(name, " ".join(row))

print(math.hypot(), math.hypot(3), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12))
print(math.hypot(*[0.1] * 20), math.hypot(1e-320, 1e-320), math.hypot(1e308, 1e308, 1))
print(math.hypot(1.5, math.nan, math.inf), math.hypot(1.5, math.nan))
print(math.dist([1, 2, 3], [4, 6, 8]), math.dist(iter([1.0]), (5,)), math.dist((), ()))
print(math.fsum([]), math.fsum([0.1] * 10), math.fsum([1e-16, 1, 1e16]),
      math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]),
      math.fsum(range(10)), math.fsum([math.inf, 1.0]), math.fsum([math.nan, 1.0]),
      math.fsum([-0.0]), math.fsum(x / 7 for x in range(100)))
print(math.log(8, 2), math.log(100, 10), math.log(2**1000), math.log(10**500, 10),
      math.log2(2**5000), math.log10(10**400), math.log(3**900), math.log2(2**1100 + 1))
print(math.ldexp(1.0, -1080), math.ldexp(-1.0, -10**30), math.ldexp(3, 5), math.ldexp(0.0, 10**30))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1, 1.05, rel_tol=0.1),
      math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9),
      math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf),
      math.isclose(math.nan, math.nan), math.isclose(a=1, b=2, abs_tol=1))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 1.0),
      math.ulp(1.0), math.ulp(1e308), math.ulp(1.7976931348623157e308))


class WithDunders:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"


class AsFloat:
    def __float__(self):
        return 2.5


print(math.floor(WithDunders()), math.ceil(WithDunders()), math.trunc(WithDunders()))
print(math.floor(AsFloat()), math.ceil(AsFloat()), math.sqrt(AsFloat()))
print(math.floor(10**30), math.ceil(-10**30), math.trunc(10**30), math.floor(-3.5),
      math.ceil(-3.5), math.trunc(-3.5), math.floor(True), math.floor(1e20))

tests = [
    "math.sin()", "math.sin(1, 2)", "math.sin('x')", "math.sqrt(-1)", "math.sqrt(10**400)",
    "math.atan2(1)", "math.copysign(1, 2, 3)", "math.fmod(1)", "math.pow(1)",
    "math.log()", "math.log(1, 2, 3)", "math.log(0)", "math.log(-5)", "math.log(-2**2000)",
    "math.log(10, 1)", "math.log(10, 0)", "math.log('x')", "math.log2(0)", "math.log10(-1)",
    "math.ldexp(1.0, 1.5)", "math.ldexp(1.0, 2000)", "math.ldexp(1.0, 10**30)",
    "math.ldexp('a', 1)", "math.isclose(1)", "math.isclose(1, 2, 3)",
    "math.isclose(1, 2, rel_tol=-1)", "math.isclose(1, 2, abs_tol=-1)", "math.isclose(1, 2, foo=1)",
    "math.isclose(1, 'a')", "math.dist(1)", "math.dist((1, 2), (1,))", "math.dist(1, 2)",
    "math.dist((1, 'a'), (1, 2))", "math.hypot('a')", "math.hypot(1, 10**400)",
    "math.nextafter(1)", "math.fsum([1e308, 1e308])", "math.fsum([math.inf, -math.inf])",
    "math.fsum(['a'])", "math.fsum(1)", "math.trunc('a')", "math.floor('a')", "math.ceil(None)",
    "math.floor(math.inf)", "math.ceil(math.nan)", "math.gamma(0)", "math.gamma(-2)",
    "math.gamma(-math.inf)", "math.gamma(200)", "math.lgamma(-1)", "math.lgamma(1e308)",
    "math.exp(1000)", "math.exp2(2000)", "math.expm1(1000)", "math.cosh(1000)", "math.sinh(-1000)",
    "math.acosh(0)", "math.atanh(1)", "math.log1p(-1)", "math.log1p(-2)", "math.pow(0, -1)",
    "math.pow(-1, 0.5)", "math.pow(10, 400)", "math.pow(-0.0, -3)", "math.fmod(1, 0)",
    "math.fmod(math.inf, 1)", "math.remainder(1, 0)", "math.remainder(math.inf, 1)",
    "math.atan2(1, 'a')", "math.frexp('a')", "math.modf(None)", "math.ulp('a')",
    "math.cos(math.inf)", "math.tan(-math.inf)", "math.asin(2)", "math.acos(-1.5)",
]
for t in tests:
    try:
        print(t, "->", repr(eval(t)))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)

print(sorted(n for n in dir(math) if not n.startswith("_")))
print(math.__name__, math.__doc__)
print(math.sin.__doc__)
print(math.sin.__name__, math.hypot.__doc__.splitlines()[0], math.log.__doc__.splitlines()[0])
print(math.isclose.__text_signature__, math.prod.__text_signature__)
