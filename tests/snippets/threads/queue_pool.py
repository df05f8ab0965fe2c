# queue.Queue producer/consumer and concurrent.futures.ThreadPoolExecutor.
import queue, threading
from concurrent.futures import ThreadPoolExecutor, as_completed

q = queue.Queue(maxsize=3)
got = []
def producer():
    for i in range(20):
        q.put(i)
    q.put(None)
def consumer():
    while True:
        x = q.get()
        if x is None:
            break
        got.append(x * x)
        q.task_done()
p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start(); c.start(); p.join(); c.join()
print(got, q.empty())
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty")

def square(x):
    return x * x
with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    futs = [ex.submit(pow, 2, i) for i in range(8)]
    print(sorted(f.result() for f in as_completed(futs)))
    bad = ex.submit(int, "x")
    try:
        bad.result()
    except ValueError as e:
        print("ValueError", e)
    print(type(bad.exception()).__name__)
