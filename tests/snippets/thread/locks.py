# _thread's locks on the one thread pyrs runs: acquire/release, timeouts, RLock
# recursion and ownership, the error messages.
import _thread
l=_thread.allocate_lock(); print(l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01)); l.release(); print(repr(l)[:25])
r=_thread.RLock(); print(r.acquire(), r.acquire(), repr(r).split(' owner')[0]); r.release(); r.release()
try: r.release()
except RuntimeError as e: print(e)
try: l.acquire(False, 1)
except ValueError as e: print(e)
try: l.release()
except RuntimeError as e: print(e)
with l: print(l.locked())
print(l.locked(), _thread.TIMEOUT_MAX, _thread.error, _thread._count(), _thread.stack_size())
print(type(l), _thread.LockType, r._is_owned(), type(_thread.get_ident()))
