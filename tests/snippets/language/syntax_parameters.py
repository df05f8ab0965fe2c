# The invalid_parameters / invalid_lambda_parameters family of pegen's rules:
# CPython's messages and positions for misplaced '/', '*', '**' and defaults.
def tryit(src):
    try:
        compile(src, "f", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

for params in [
    "/,a,b=,c", "a,/,/,b,c", "a,/,a1,/,b,c", "a=1,/,/,*b,/,c", "a,/,a1=1,/,b,c",
    "a,*b,c,/,d,e", "a=1,*b,c=3,/,d,e", "a,*b=3,c", "a,**b=3", "a,*a, b, **c, d",
    "a,*a, b, **c, d=4", "a,*a, b, **c, *d", "a,*a, b, **c, **d", "a=1,/,**b,/,c",
    "*b,*d", "a,*b,c,*d,*e,c", "a,b,/,c,*b,c,*d,*e,c", "a,b,/,c,*b,c,*d,**e",
    "a=1,/*,b,c", "a=1,d=,c", "a,d=,c", "a=1, b", "a, b=1, /, c", "*, **k", "a, *",
    "a, *,", "a, b=1, *, c, d=2, **e", "a, /, b, *c, d, **e",
]:
    tryit(f"def foo({params}):\n    pass")
    if ":" not in params:
        tryit(f"lambda {params}: None")

for params in ["a,*b: int=,c", "a,**b: int=3", "a,d: int=,c", "x, (y, z), w",
               "(x, y, z, w)", "x, (y, z, w)", "(x, y, z), w", "(x,)"]:
    tryit(f"def foo({params}):\n    pass")
for params in ["x, (y, z), w", "(x, y, z, w)", "x, (y, z, w)", "(x, y, z), w",
               "*, **k", "*", "a, *, **k", "*,"]:
    tryit(f"lambda {params}: None")
tryit("x = [lambda a, /, /: 0 for y in z]")
tryit("class C:\n    def m(self, *, **k):\n        pass\n")
