# atexit: callbacks still run after an uncaught exception (after its traceback).
import atexit
atexit.register(print, "bye")
print("start")
raise ValueError("x")
