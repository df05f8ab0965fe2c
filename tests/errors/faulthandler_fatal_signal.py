# faulthandler.enable() installs handlers for the fatal signals: on SIGFPE the handler
# writes "Fatal Python error: Floating point exception" and the traceback of the
# current thread to the file (here sys.stderr), then re-raises the signal with the
# previous handler restored, so the process dies of SIGFPE.
import faulthandler, os, signal, sys

print("enabled before:", faulthandler.is_enabled())
faulthandler.enable(all_threads=False)
print("enabled after:", faulthandler.is_enabled(), flush=True)


def crash(sig):
    os.kill(os.getpid(), sig)


def outer():
    crash(signal.SIGFPE)


outer()
print("not reached")
