class Empty:
    pass


class OnlyDoc:
    """doc"""


def only_doc():
    """doc"""


def only_pass():
    pass


def only_ellipsis():
    ...
