"""The objects that the site module adds to builtins: exit and quit, copyright,
credits and license, and help.

Written for pyrs after the behaviour of CPython 3.11's Lib/_sitebuiltins.py.
"""

import sys


class Quitter(object):
    """exit() and quit(): leave the interpreter by raising SystemExit."""

    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return f"Use {self.name}() or {self.eof} to exit"

    def __call__(self, code=None):
        # Closing stdin tells a shell that wraps it (and catches SystemExit) to stop.
        try:
            sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)


class _Printer(object):
    """copyright, credits and license: print a text, a screenful at a time."""

    MAXLINES = 23

    def __init__(self, name, data, files=(), dirs=()):
        self.__name = name
        self.__data = data
        self.__lines = None
        # `dirs` may be a function giving them: the site module computes them only
        # when the text is first shown.
        self.__files = files
        self.__dirs = dirs

    def __setup(self):
        if self.__lines is not None:
            return
        import os
        dirs = self.__dirs() if callable(self.__dirs) else self.__dirs
        data = None
        for filename in [os.path.join(d, f) for d in dirs for f in self.__files]:
            try:
                with open(filename, encoding="utf-8") as fp:
                    data = fp.read()
                break
            except OSError:
                pass
        if data is None:
            data = self.__data
        self.__lines = data.split("\n")
        self.__linecnt = len(self.__lines)

    def __repr__(self):
        self.__setup()
        if len(self.__lines) <= self.MAXLINES:
            return "\n".join(self.__lines)
        return "Type %s() to see the full %s text" % ((self.__name,) * 2)

    def __call__(self):
        self.__setup()
        prompt = "Hit Return for more, or q (and Return) to quit: "
        lineno = 0
        while True:
            try:
                for i in range(lineno, lineno + self.MAXLINES):
                    print(self.__lines[i])
            except IndexError:
                break
            lineno += self.MAXLINES
            key = None
            while key is None:
                key = input(prompt)
                if key not in ("", "q"):
                    key = None
            if key == "q":
                break


class _Helper(object):
    """help(): the interactive help of the pydoc module."""

    def __repr__(self):
        return ("Type help() for interactive help, "
                "or help(object) for help about object.")

    def __call__(self, *args, **kwds):
        import pydoc
        return pydoc.help(*args, **kwds)
