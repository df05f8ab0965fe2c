# A process started with SIGINT ignored keeps ignoring it (no default_int_handler).
import signal, subprocess, sys
code = "import signal; h = signal.getsignal(signal.SIGINT); print(h, h is signal.default_int_handler)"
signal.signal(signal.SIGINT, signal.SIG_IGN)
print(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout, end="")
signal.signal(signal.SIGINT, signal.default_int_handler)
print(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout, end="")
