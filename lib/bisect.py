"""Bisection algorithms.

pyrs's bisect (CPython 3.11's Lib/bisect.py), written for pyrs: the functions are
the native `_bisect` ones (modules/src/_bisect.rs); `bisect` and `insort` are the
`_right` forms, as in CPython.
"""

from _bisect import bisect_right, bisect_left, insort_left, insort_right

bisect = bisect_right
insort = insort_right
