"""Constants/functions for interpreting results of os.stat() and os.lstat().

pyrs's stat (CPython 3.11's Lib/stat.py), written for pyrs. Everything but the
Windows file attributes comes from the native _stat module (modules/src/_stat.rs):
the ST_* indexes, the S_IF* file types and S_I* permission bits, the UF_/SF_
flags, S_ISDIR() and the other file-type tests, S_IMODE, S_IFMT and filemode.
CPython writes them in Python first and replaces them with _stat's; pyrs's
_stat always exists, so only the import is left.

Suggested usage: from stat import *
"""

from _stat import *

# Windows' FILE_ATTRIBUTE_* bits (os.stat_result.st_file_attributes there), which
# _stat defines only on Windows.
FILE_ATTRIBUTE_ARCHIVE = 32
FILE_ATTRIBUTE_COMPRESSED = 2048
FILE_ATTRIBUTE_DEVICE = 64
FILE_ATTRIBUTE_DIRECTORY = 16
FILE_ATTRIBUTE_ENCRYPTED = 16384
FILE_ATTRIBUTE_HIDDEN = 2
FILE_ATTRIBUTE_INTEGRITY_STREAM = 32768
FILE_ATTRIBUTE_NORMAL = 128
FILE_ATTRIBUTE_NOT_CONTENT_INDEXED = 8192
FILE_ATTRIBUTE_NO_SCRUB_DATA = 131072
FILE_ATTRIBUTE_OFFLINE = 4096
FILE_ATTRIBUTE_READONLY = 1
FILE_ATTRIBUTE_REPARSE_POINT = 1024
FILE_ATTRIBUTE_SPARSE_FILE = 512
FILE_ATTRIBUTE_SYSTEM = 4
FILE_ATTRIBUTE_TEMPORARY = 256
FILE_ATTRIBUTE_VIRTUAL = 65536
