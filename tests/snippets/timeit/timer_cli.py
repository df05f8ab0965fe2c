# timeit with a fake clock, so that every figure printed is deterministic.
import io
import sys
import contextlib
import re
import timeit

def mask(text):
    # timeit's own frames: the file and its line numbers are the host's.
    return re.sub(r'File "%s", line \d+' % re.escape(timeit.__file__), 'File "TIMEIT", line N', text)

class FakeTimer:
    """Each call advances by step seconds; the timed inner loop sees one
    call before and one after, so a timing is exactly step."""
    def __init__(self, step=1.0, steps=None):
        self.step = step
        self.steps = steps
        self.now = 0.0
        self.calls = 0
    def __call__(self):
        self.calls += 1
        if self.steps:
            self.now += self.steps[(self.calls // 2) % len(self.steps)]
        else:
            self.now += self.step
        return self.now

print(timeit.__all__, timeit.default_number, timeit.default_repeat, timeit.dummy_src_name)
print(timeit.default_timer is __import__("time").perf_counter)
print(repr(timeit.reindent("a\nb\n  c", 4)))
t = timeit.Timer("x += 1", "x = 0", timer=FakeTimer(0.5))
print(t.timeit(10), t.repeat(3, 5), t.timer.calls)
print(t.src)
print(timeit.timeit("pass", timer=FakeTimer(2.0), number=3), timeit.repeat(timer=FakeTimer(), repeat=2, number=1))
ns = {"value": 41}
print(timeit.Timer("value + 1", globals=ns, timer=FakeTimer()).timeit(1))
calls = []
t = timeit.Timer(lambda: calls.append("stmt"), lambda: calls.append("setup"), timer=FakeTimer())
t.timeit(3)
print(calls)
# autorange: the timed statement advances the clock, so time grows with the loops
class Clock:
    now = 0.0
    per_loop = 0.0
def tick():
    Clock.now += Clock.per_loop
def clock():
    return Clock.now
Clock.per_loop = 0.03
print(timeit.Timer("tick()", globals={"tick": tick}, timer=clock).autorange())
seen = []
Clock.per_loop = 0.007
print(timeit.Timer("tick()", globals={"tick": tick}, timer=clock).autorange(
    lambda n, tt: seen.append((n, round(tt, 4)))), seen)
for bad in [dict(stmt=1), dict(setup=None), dict(stmt="return"), dict(setup="return"),
            dict(stmt="x = (")]:
    try:
        timeit.Timer(**bad)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, e)

# the timed code raising: print_exc shows the template's lines
t = timeit.Timer("1 / 0", timer=FakeTimer())
try:
    t.timeit(1)
except ZeroDivisionError:
    out = io.StringIO()
    t.print_exc(out)
    print(mask(out.getvalue()))

def run(args, timer=None, steps=None, per_loop=None):
    out, err = io.StringIO(), io.StringIO()
    wrap = (lambda t: FakeTimer(timer, steps)) if (timer or steps) else None
    if per_loop is not None:
        Clock.per_loop = per_loop
        args = ["-s", "from __main__ import tick"] + args + ["tick()"]
        wrap = lambda t: clock
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = timeit.main(args, _wrap_timer=wrap)
    text = err.getvalue()
    print(args, "->", code)
    print(out.getvalue(), end="")
    if text:
        print("stderr:", mask(text), end="")

saved_path = list(sys.path)
run(["-n", "100", "-r", "3", "pass"], 1.0)
run(["-n100", "-r3", "-u", "msec", "x = 1"], 0.5)
run(["--number=7", "--repeat", "2", "--setup", "a = 1", "a + 1"], 2e-6)
run(["-n", "1", "-r", "0"], 3e-9)
run(["-n", "2", "-u", "nsec", "pass"], 1e-10)
run(["-u", "usec", "-n", "4", "pass"], 0.001)
run(["-v", "-n", "10", "pass"], 0.25)
run(["-vv", "-r", "2", "-n", "8", "pass"], 0.125)
run(["-v"], per_loop=0.0999)
run([], per_loop=0.3)
run(["-r", "2"], per_loop=0.0123)
run(["-vvv", "-u", "sec"], per_loop=1.5e-5)
run(["-s", "import os", "-s", "x = 2", "--num", "5", "-p", "-t", "-c", "--proc", "x * 2"], 1.0)
run(["-n", "3", "-r", "4", "--", "-1"], 1.0)
run(["-n", "3", "-r", "3", "pass"], steps=[1.0, 1.0, 5.0, 1.0, 1.0])
run(["-x"])
run(["-n"])
run(["--nosuch"])
run(["--r", "3", "-n", "2"], 1.0)
run(["--help=3"])
run(["--unit"])
run(["-u", "hours"])
run(["-n", "1", "1/0"], 1.0)
run(["1/0"])
run(["-h"])
sys.path[:] = saved_path
try:
    timeit.main(["-n", "abc"])
except ValueError as e:
    print("ValueError", e)
