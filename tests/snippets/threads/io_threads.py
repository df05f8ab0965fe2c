# Threads doing I/O at once: a shared buffered file, os.pipe with select, a socket
# pair served by a thread, subprocesses started from threads.
import os, select, socket, subprocess, sys, tempfile, threading

path = os.path.join(tempfile.mkdtemp(), "shared.txt")
with open(path, "w") as f:
    def writer(i):
        for k in range(300):
            f.write(f"{i} {k}\n")
    ts = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    for t in ts: t.start()
    for t in ts: t.join()
with open(path) as f:
    lines = f.read().splitlines()
print(len(lines), sorted(set(l.split()[0] for l in lines)))
os.remove(path)

r, w = os.pipe()
def pipe_writer():
    threading.Event().wait(0.02)
    os.write(w, b"ping")
t = threading.Thread(target=pipe_writer); t.start()
print(select.select([r], [], [], 5)[0] == [r], os.read(r, 10))
t.join(); os.close(r); os.close(w)

srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen()
def serve():
    c, _ = srv.accept()
    with c:
        c.sendall(c.recv(100).upper())
t = threading.Thread(target=serve); t.start()
with socket.create_connection(srv.getsockname()) as cl:
    cl.sendall(b"hello")
    print(cl.recv(100))
t.join(); srv.close()

out = []
def run(i):
    out.append(subprocess.run([sys.executable, "-c", f"print({i} * 2)"],
                              capture_output=True, text=True).stdout.strip())
ts = [threading.Thread(target=run, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out))
