# The eval breaker is checked where CPython checks it: a `while not flag: pass` loop
# (POP_JUMP_BACKWARD_IF_*) gives the GIL to a waiting thread, and
# _thread.interrupt_main() raises KeyboardInterrupt right after the call returns.
import _thread, threading

started = [False]
stop = [False]
def worker():
    started[0] = True
    while not stop[0]:
        pass
t = threading.Thread(target=worker)
t.start()
while not started[0]:
    pass
stop[0] = True
t.join()
print("tight loops switched", started, stop)

try:
    _thread.interrupt_main()
    print("not reached")
except KeyboardInterrupt:
    print("KeyboardInterrupt at the call")

def call_interrupt():
    _thread.interrupt_main()
t = threading.Thread(target=call_interrupt)
try:
    t.start()
    t.join()
except KeyboardInterrupt:
    print("KeyboardInterrupt from a thread")
t.join()
