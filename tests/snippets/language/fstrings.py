"""f-strings: conversions, format specs, nested fields, = specifier, escapes, expressions."""
name, n, pi = "world", 42, 3.14159265
print(f"hello {name}!", f"{n}", f"{n!r}", f"{name!r}", f"{name!s}", f"{'é'!a}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{-n:+}|{n: }")
print(f"{pi:.2f}|{pi:10.3f}|{pi:e}|{pi:.3g}|{pi:%}|{1234567.891:,.2f}|{1234567:_}")
print(f"{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}|{n:#o}|{n:#b}|{n:08b}|{255:#06x}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|{name:*^{width}}|{n:{'>'}{width}}")
print(f"{n=}", f"{n = }", f"{pi=:.2f}", f"{name=!r}", f"{n + 1=}", f"{name.upper()=}")
print(f"{{literal}}", f"{{{n}}}", f"a{'{'}b", f"{'}'}")
d = {"key": "value", 1: "one"}
print(f"{d['key']}", f"{d[1]}", f"{[1, 2][0]}", f"{(lambda x: x * 2)(4)}", f"{n if n else 0}")
print(f"{'nested ' + f'{n}'}", f"{f'{n:>{4}}'}")
print(f"{3 + 4}", f"{'abc'[1:]}", f"{len('xyz')}", f"{n:{'x'}}")
multi = f"""line1 {n}
line2 {name}"""
print(multi)
print(f"{n!r:>6}", f"{name!r:^12}", f"{3.0!s:>5}")
class F:
    def __format__(self, spec):
        return f"<F {spec!r}>"
    def __repr__(self):
        return "F()"
print(f"{F()}", f"{F():abc}", f"{F()!r}", f"{F()!r:>6}")
for bad in ('f"{n:q}"', 'f"{name:d}"', 'f"{pi:x}"', 'f"{n:.2s}"'):
    try:
        print(eval(bad))
    except ValueError as e:
        print(bad, "->", type(e).__name__, e)
print(f"{None}", f"{True:>6}", f"{True:d}", f"{[1, 'a']}", f"{(1,)}", f"{1e20}", f"{1e-7}")
print(f"{-0.0:.1f}", f"{0.5:.0f}", f"{1.5:.0f}", f"{2.5:.0f}", f"{1/3:.15f}")
print(rf"\n{n}", fr"{name}\t")
