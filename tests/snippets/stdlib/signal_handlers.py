import signal, os
print(signal.SIGINT, signal.SIGTERM, signal.NSIG, signal.SIG_DFL, signal.SIG_IGN)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1))
got = []
def handler(signum, frame):
    got.append(signal.Signals(signum).name)
old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(1000):
    pass
print(got)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print('KeyboardInterrupt', repr(e))
def boom(signum, frame):
    raise ValueError('from handler %d' % signum)
signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except ValueError as e:
    print('ValueError', e)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
print(signal.strsignal(signal.SIGHUP), signal.strsignal(signal.SIGSEGV))
print(signal.SIGUSR1 in signal.valid_signals(), len(signal.valid_signals()) > 30)
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print(signal.SIGUSR1 in old)
signal.signal(signal.SIGUSR1, handler)
signal.raise_signal(signal.SIGUSR1)
print(signal.sigpending(), got)
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])
print(got)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print(signal.alarm(0), signal.getitimer(signal.ITIMER_REAL))
print(signal.setitimer(signal.ITIMER_REAL, 0))
print(signal.ItimerError, issubclass(signal.ItimerError, OSError))
for f in [lambda: signal.signal(0, signal.SIG_DFL), lambda: signal.signal(signal.NSIG, signal.SIG_DFL), lambda: signal.signal(signal.SIGUSR1, 5), lambda: signal.signal(signal.SIGKILL, handler), lambda: signal.getsignal(-1), lambda: signal.strsignal(1000), lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [0]), lambda: signal.signal('x', handler), lambda: signal.setitimer(99, 1.0)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
