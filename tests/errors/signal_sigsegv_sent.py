# A SIGSEGV sent to the process ends it with the default action, as in CPython
# (no handler swallows it); with faulthandler enabled the report comes first.
import faulthandler
import os
import signal
import sys

print("before", flush=True)
faulthandler.enable(all_threads=False)
os.kill(os.getpid(), signal.SIGSEGV)
print("not reached")
