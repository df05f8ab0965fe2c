# A daemon thread still running at exit does not stop the program; a non-daemon
# thread is joined before exit (threading._shutdown).
import threading, time

def forever():
    while True:
        time.sleep(0.01)
d = threading.Thread(target=forever, daemon=True)
d.start()

def spinner():
    x = 0
    while True:
        x += 1
d2 = threading.Thread(target=spinner, daemon=True)
d2.start()

def late():
    time.sleep(0.1)
    print("non-daemon thread finished")
threading.Thread(target=late).start()
print("main done", d.daemon, d.is_alive())
