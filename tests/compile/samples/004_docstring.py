"""Module docstring."""
import sys


def f():
    """Function docstring."""
    return 1


class C:
    """Class doc."""
    x = 1
