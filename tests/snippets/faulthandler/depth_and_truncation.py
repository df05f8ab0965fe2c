import faulthandler, sys
def r(n):
    if n == 0:
        sys.stdout.flush()
        faulthandler.dump_traceback(sys.stdout, False)
        return
    r(n - 1)
r(120)  # more than MAX_FRAME_DEPTH (100) frames: the dump ends with "  ..."
print("long name")
exec(compile("faulthandler.dump_traceback(sys.stdout, False)", "x" * 600, "exec"))
