a = "\ud800"
b = "x\udc80y" "z"
c = ("\ud83d\ude00", "\U0001F600")
d = '\udfff' * 2
e = r"\ud800"


def f():
    """doc \udc80"""
    return "\ud800" + "ok"
