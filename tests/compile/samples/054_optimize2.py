# optimize: 2
"""Module doc removed."""


def f():
    """Function doc removed."""
    return 1


class C:
    """Class doc removed."""

    def m(self):
        "also removed"
