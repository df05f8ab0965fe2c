"""Uncaught ExceptionGroup: the boxed display with nested groups, tracebacks and notes."""
def fail(n):
    raise ValueError(f"task {n} failed")
errors = []
for i in range(3):
    try:
        fail(i)
    except ValueError as e:
        e.add_note(f"while running task {i}")
        errors.append(e)
inner = ExceptionGroup("inner batch", [KeyError("k"), TypeError("t")])
raise ExceptionGroup("batch failed", errors + [inner])
