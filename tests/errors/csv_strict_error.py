# An uncaught _csv.Error from a strict reader: the traceback names "_csv.Error".
import csv
print(list(csv.reader(['a,"b"c'], strict=True)))
