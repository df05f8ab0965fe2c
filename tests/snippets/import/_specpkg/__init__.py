VALUE = 1
from . import _sub
