"""Trivial bodies: pass, ellipsis, docstrings, bare returns."""


def empty():
    pass


def ellipsis():
    ...


def doc():
    "Docstring."
    return


def returns_none():
    return None


def only_docstring_and_pass():
    """Doc."""
    pass


class EmptyClass:
    pass


class DocClass:
    "Doc."
