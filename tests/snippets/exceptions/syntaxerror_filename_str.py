# sys.excepthook prints a SyntaxError's filename with str(), whatever its type.
import sys

for fn in (b"bytes_filename", None, 42, "s.py"):
    try:
        raise SyntaxError("msg", (fn, 123, 0, "text"))
    except SyntaxError:
        sys.stderr = sys.stdout
        sys.__excepthook__(*sys.exc_info())
        sys.stderr = sys.__stderr__
