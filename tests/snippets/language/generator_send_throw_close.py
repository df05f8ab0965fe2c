"""Generator send/throw/close: sending before start, throw handling, close semantics, GeneratorExit."""
def echo():
    received = []
    try:
        while True:
            try:
                v = yield len(received)
                received.append(v)
            except KeyError as e:
                print("handled KeyError", e)
                received.append("K")
    finally:
        print("echo closing with", received)
g = echo()
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)
print(g.send(None), g.send("a"), g.send("b"))
print(g.throw(KeyError("oops")))
try:
    g.throw(ValueError("fatal"))
except ValueError as e:
    print("propagated", e)
print(next(g, "exhausted"))
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
c = closer()
next(c)
print(c.close())
print(c.close())
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def not_started():
    print("never printed")
    yield
ns = not_started()
ns.close()
print(next(ns, "closed before start"))
def thrower():
    yield 1
t = thrower()
try:
    t.throw(IndexError, "type and value")
except IndexError as e:
    print(type(e).__name__, e)
t2 = thrower()
try:
    t2.throw(5)
except TypeError as e:
    print(type(e).__name__, e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
r = returns_on_exit()
next(r)
print(r.close())
def catch_and_yield():
    while True:
        try:
            yield "normal"
        except ValueError:
            yield "caught"
cy = catch_and_yield()
next(cy)
print(cy.throw(ValueError), next(cy), cy.throw(ValueError("again")))
def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
acc = accumulate()
next(acc)
for v in (1, 2, 3):
    acc.send(v)
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
