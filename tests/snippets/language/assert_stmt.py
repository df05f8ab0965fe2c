"""assert: passing, failing with and without message, message evaluated lazily, AssertionError args."""
assert True
assert 1 == 1, "not shown"
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print(type(e).__name__, e)
def msg():
    print("message computed")
    return "computed"
assert True, msg()
try:
    assert [], msg()
except AssertionError as e:
    print(e)
try:
    assert 0, {"detail": [1, 2]}
except AssertionError as e:
    print(e.args)
print(__debug__)
