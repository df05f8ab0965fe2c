"""Code at module level: loops, try/except, with, conditionals, prints."""
import sys

TABLE = {}
for i in range(3):
    TABLE[i] = i * i

try:
    VALUE = TABLE[5]
except KeyError:
    VALUE = None
finally:
    DONE = True

if sys.version_info >= (3, 11):
    MODERN = True
else:
    MODERN = False

while False:
    pass

COMP = [k for k in TABLE if k]
GEN = (k for k in TABLE)
del i
