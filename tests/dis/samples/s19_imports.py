"""Import statements of every shape, at module level and in functions."""
import os
import os.path
import collections.abc as cabc
from sys import argv, path as sys_path
from json import *


def local_imports():
    import math
    from itertools import chain, islice as take
    import xml.etree.ElementTree as ET
    return math, chain, take, ET


def relative_import():
    # Never run: a relative import needs a package.
    from . import sibling
    from ..parent import thing
    from .mod import a as b
    return sibling, thing, b


def warmup():
    local_imports()
