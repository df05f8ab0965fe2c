# _string (the format-string parser behind string.Formatter) and string on top of it.
import _string
print(list(_string.formatter_parser("a{0!r:>10}b{x.y[1]}c{{}}")))
first, rest = _string.formatter_field_name_split("obj.attr[2][key]")
print(first, list(rest))
first, rest = _string.formatter_field_name_split("3")
print(repr(first), list(rest))
for bad in ["{", "a}b", "{0!}"]:
    try:
        print(list(_string.formatter_parser(bad)))
    except ValueError as e:
        print("ValueError", e)
try:
    _string.formatter_parser(1)
except TypeError as e:
    print("TypeError", e)
import string
print(string.Formatter().format("{0}-{name!r}", 1, name="n"), string.Template("$a and ${b}").substitute(a=1, b=2))
print(string.capwords("hello  world"), string.ascii_letters[:5])
