# Popen with pipes, communicate, timeouts, wait/poll, preexec_fn, pass_fds.
import os
import subprocess

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"hello through cat\n" * 3)
print(out, err, p.returncode)

p = subprocess.Popen(["sh", "-c", "read x; echo got $x; exit 7"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, text=True)
print(p.communicate("line\n"), p.returncode, p.poll(), p.wait())

p = subprocess.Popen(["sleep", "5"])
try:
    p.wait(timeout=0.02)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.timeout)
print(p.poll())
p.kill()
print(p.wait())

try:
    subprocess.run(["sleep", "5"], timeout=0.05)
except subprocess.TimeoutExpired as e:
    print("run TimeoutExpired", e.cmd)

p = subprocess.Popen(["sh", "-c", "echo partial; exec sleep 5"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.1)
except subprocess.TimeoutExpired:
    print("communicate TimeoutExpired")
p.terminate()
out, _ = p.communicate()
print(out, p.returncode)

with subprocess.Popen(["echo", "ctx"], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode)

# A big output goes through the pipe without deadlock.
out = subprocess.check_output(["sh", "-c", "head -c 200000 /dev/zero"])
print(len(out))

r, w = os.pipe()
p = subprocess.Popen(["sh", "-c", "echo via fd >&%d" % w], pass_fds=(w,))
p.wait()
os.close(w)
print(os.read(r, 100))
os.close(r)

def pre():
    os.environ["FROM_PREEXEC"] = "set"

print(subprocess.check_output(["sh", "-c", "echo ${FROM_PREEXEC:-unset}"], preexec_fn=pre))

def bad():
    raise ValueError("boom")

try:
    subprocess.run(["true"], preexec_fn=bad)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

p = subprocess.Popen(["sh", "-c", "echo $$; sleep 0"], stdout=subprocess.PIPE,
                     start_new_session=True)
pid = int(p.stdout.read())
p.wait()
print(pid == p.pid, p.args)
