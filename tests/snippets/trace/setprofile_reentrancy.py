# A profile object whose __del__ installs another profile function: the old object
# is released inside sys.setprofile, so the nested call fails with RuntimeError,
# reported through sys.unraisablehook (CPython's test_sys_setprofile test_reentrancy).
import sys, re

def mask(s):
    return re.sub(r"0x[0-9a-fA-F]+", "0x...", s)

seen = []
sys.unraisablehook = seen.append

class A:
    def __call__(self, *args):
        pass
    def __del__(self):
        sys.setprofile(print)

def foo(*args):
    pass

sys.setprofile(A())
sys.setprofile(foo)
sys.setprofile(None)
for a in seen:
    print(a.exc_type.__name__, a.exc_value, a.err_msg, mask(repr(a.object)), a.object is A.__del__)
print(sys.getprofile())

class T:
    def __call__(self, *args):
        return self
    def __del__(self):
        sys.settrace(print)

seen.clear()
sys.settrace(T())
sys.settrace(None)
for a in seen:
    print(a.exc_type.__name__, a.exc_value, a.err_msg, mask(repr(a.object)))
print(sys.gettrace())
