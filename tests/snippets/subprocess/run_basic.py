# subprocess.run / check_output / Popen over pipes, exit codes, errors.
import subprocess
import sys

r = subprocess.run(["echo", "hi"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(repr(r)[:40])

print(subprocess.check_output(["printf", "a\\nb\\n"]))
print(subprocess.check_output("echo $((6*7))", shell=True))
print(subprocess.check_output(["cat"], input=b"fed through stdin"))
print(subprocess.run(["sh", "-c", "exit 3"]).returncode)
print(subprocess.call(["true"]), subprocess.call(["false"]))

try:
    subprocess.check_call(["sh", "-c", "exit 5"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e.cmd)

try:
    subprocess.run(["/nonexistent/program"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)

try:
    subprocess.run(["true"], cwd="/nonexistent/dir")
except FileNotFoundError as e:
    print("FileNotFoundError cwd", e.errno, e.filename)

try:
    subprocess.run(["/etc/passwd"])
except PermissionError as e:
    print("PermissionError", e.errno)

r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr))
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT)
print(sorted(r.stdout.split()))
r = subprocess.run(["sh", "-c", "echo $FOO"], capture_output=True, env={"FOO": "bar"})
print(r.stdout)
r = subprocess.run(["pwd"], capture_output=True, cwd="/tmp")
print(r.stdout)
r = subprocess.run(["echo", "gone"], stdout=subprocess.DEVNULL)
print(r.stdout, r.returncode)
print(subprocess.getoutput("echo getoutput"))
print(subprocess.getstatusoutput("exit 2"))
r = subprocess.run(["sh", "-c", "kill -9 $$"])
print(r.returncode)
