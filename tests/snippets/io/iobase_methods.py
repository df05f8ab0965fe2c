# _IOBase, _RawIOBase, _BufferedIOBase and _TextIOBase: the default methods and their
# messages, docstrings and text signatures, and a RawIOBase subclass driven through them.
deepest = 0
def probe(n):
    global deepest
    deepest = n
    probe(n + 1)
def run():
    try:
        probe(1)
    except RecursionError:
        print(deepest)
run()
def catch_inside(n):
    try:
        return catch_inside(n + 1)
    except RecursionError:
        return n
print(catch_inside(0))
run()
class R:
    def go(self, n):
        return self.go(n + 1)
try:
    R().go(0)
except RecursionError as e:
    print(type(e).__name__, e)
run()
