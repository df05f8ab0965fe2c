"""Uncaught ExceptionGroup raised while handling another, with a chained member inside."""
try:
    raise ExceptionGroup("first", [OSError(2, "missing")])
except ExceptionGroup:
    try:
        try:
            {}["x"]
        except KeyError as k:
            raise RuntimeError("lookup failed") from k
    except RuntimeError as r:
        raise ExceptionGroup("second", [r, ValueError("plain")])
