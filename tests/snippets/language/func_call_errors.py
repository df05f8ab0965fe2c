"""TypeError messages for bad calls: missing, extra, duplicate, unexpected keyword arguments."""
def f0():
    pass
def f1(a):
    pass
def f2(a, b):
    pass
def f3(a, b, c=1):
    pass
def fk(*, x, y):
    pass
def fv(a, *args):
    pass
class K:
    def m(self, a):
        pass
    @staticmethod
    def s(a):
        pass
    @classmethod
    def c(cls, a):
        pass
    def __init__(self, q):
        pass
calls = [
    "f0(1)", "f0(1, 2)", "f0(a=1)",
    "f1()", "f1(1, 2)", "f1(b=1)", "f1(1, a=1)",
    "f2()", "f2(1)", "f2(b=1)", "f2(1, 2, 3)",
    "f3()", "f3(1)", "f3(1, 2, 3, 4)", "f3(1, 2, d=4)",
    "fk()", "fk(x=1)", "fk(1, 2)", "fk(1, x=1, y=2)",
    "fv()", "fv(1, a=2)",
    "K(1).m()", "K(1).m(1, 2)", "K.m(1)", "K.s()", "K.c()", "K()", "K(1, 2)", "K(q=1, r=2)",
    "(lambda: 0)(1)", "(lambda x, y: 0)(1)",
    "len()", "len(1, 2)", "len(x=1)", "abs()", "isinstance(1)", "divmod(1)",
    "int(x=1)", "[].append()", "[].append(1, 2)", "{}.get()", "'a'.split(1, 2, 3)",
]
for src in calls:
    try:
        eval(src)
        print("ok", src)
    except TypeError as e:
        print(src, "->", e)
