"""Recursion limit: depth ~900 works, past the limit raises a catchable RecursionError."""
import sys
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(depth(900))
class R:
    def go(self, n):
        return self.go(n + 1)
try:
    R().go(0)
except RecursionError as e:
    print(type(e).__name__, e)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print(type(e).__name__, e)
def catch_inside(n):
    try:
        return catch_inside(n + 1)
    except RecursionError:
        return n
print(catch_inside(0) > 500)
deepest = 0
def probe(n):
    global deepest
    deepest = n
    probe(n + 1)
try:
    probe(1)
except RecursionError:
    print("probe stopped near limit", 950 < deepest <= 1000)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit(), depth(1800))
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
def lam_rec():
    f = lambda n: f(n + 1)
    try:
        f(0)
    except RecursionError as e:
        print("lambda", type(e).__name__)
lam_rec()
