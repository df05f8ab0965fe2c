"""raise SystemExit(3): no traceback, exit status 3, output before it is flushed."""
print("before exit")
raise SystemExit(3)
print("never")
