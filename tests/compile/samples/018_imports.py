import os
import os.path
import a.b.c as d
import x as y, z
from os import path, sep as s
from . import sibling
from .. import parent
from .mod import thing
from ...pkg.mod import other as o
from m import *


def f():
    import json
    from collections import OrderedDict
    return json, OrderedDict
