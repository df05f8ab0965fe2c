import faulthandler
for c in [lambda: faulthandler._sigsegv(1,2), lambda: faulthandler._sigsegv('a'), lambda: faulthandler._sigabrt(1), lambda: faulthandler._sigsegv(x=1)]:
    try: c()
    except Exception as e: print(type(e).__name__, e)
