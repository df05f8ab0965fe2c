"""sys.excepthook raising: "Error in sys.excepthook" then the original exception."""
import sys
def hook(t, v, tb):
    raise RuntimeError("hook failed")
sys.excepthook = hook
raise KeyError("x")
