"""try/except/else/finally: which clauses run, tuple handlers, bare except, order of matching."""
def run(f):
    try:
        r = f()
    except ZeroDivisionError as e:
        print("zde", e)
    except (KeyError, IndexError) as e:
        print("lookup", type(e).__name__, e)
    except Exception as e:
        print("other", type(e).__name__, e)
    else:
        print("else", r)
    finally:
        print("finally")
run(lambda: 1 / 0)
run(lambda: {}["k"])
run(lambda: [][1])
run(lambda: int("x"))
run(lambda: "fine")
try:
    raise ValueError
except:
    print("bare except caught")
try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("wrong")
except TypeError as e:
    print("outer caught", e)
try:
    raise KeyError("k")
except LookupError as e:
    print("base class matched", repr(e))
e = "before"
try:
    raise OSError("x")
except OSError as e:
    pass
try:
    print(e)
except NameError as ne:
    print(type(ne).__name__, ne)
def which():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(which())
try:
    pass
except Exception:
    print("no")
else:
    print("else without exception")
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as e:
    print("re-raised", e)
classes = (ValueError, TypeError)
try:
    raise TypeError("dynamic tuple")
except classes as e:
    print(e)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
