"""Uncaught ExceptionGroup wider than 15 and deeper than 10 levels: the display is truncated."""
deep = ValueError("leaf")
for i in range(12):
    deep = ExceptionGroup(f"level {i}", [deep])
raise ExceptionGroup("wide", [IndexError(i) for i in range(17)] + [deep])
