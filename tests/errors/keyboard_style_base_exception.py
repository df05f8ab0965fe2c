"""Uncaught BaseException subclass (not Exception) still gets a traceback and status 1."""
class Stop(BaseException):
    pass
def run():
    raise Stop("halt")
run()
