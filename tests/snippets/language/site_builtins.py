# What the site module adds to builtins: exit, quit, copyright, credits, license, help.
import builtins
import sys
print(repr(exit), repr(quit), sep="\n")
print(type(exit).__name__, type(exit).__module__, exit.name, exit.eof)
try:
    exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
try:
    quit()
except SystemExit as e:
    print("SystemExit", e.code)
print(sys.stdin.closed)
print(repr(credits))
print(repr(copyright).splitlines()[0])
print(type(license).__name__, repr(help))
print(all(hasattr(builtins, n) for n in ("exit", "quit", "copyright", "credits", "license", "help")))
print(callable(sys.__interactivehook__), sys.flags.no_site)
import site
print(site.getuserbase() == site.USER_BASE, site.makepath("a", "..", "b")[0].endswith("/b"))
