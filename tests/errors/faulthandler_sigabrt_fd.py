# The fatal handler writes to the file descriptor given to enable() (an int here),
# with write(2) only: "Fatal Python error: Aborted" then the traceback, and the
# process dies of SIGABRT once the previous handler is back.
import faulthandler, os, signal

faulthandler.enable(1, False)
print("before", flush=True)
exec(compile("os.kill(os.getpid(), signal.SIGABRT)", "<caf\xe9>", "exec"))
print("not reached")
