# csv over the _csv native module: reader, writer, dialects, errors.
import csv
import io
import _csv

print(_csv.__version__, csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
print(csv.Error.__module__, csv.Error.__name__, issubclass(csv.Error, Exception))
print(sorted(csv.list_dialects()))


def read(text, **kw):
    try:
        r = csv.reader(io.StringIO(text, newline=""), **kw)
        rows = list(r)
        print(repr(text), kw, "->", rows, r.line_num)
    except Exception as e:
        print(repr(text), kw, "->", type(e).__name__, e)


def readlines(lines, **kw):
    try:
        print(lines, kw, "->", list(csv.reader(lines, **kw)))
    except Exception as e:
        print(lines, kw, "->", type(e).__name__, e)


read("a,b,c\r\n1,2,3\r\n")
read('a,"b,c",d\n"x""y",z\n')
read('"multi\nline",x\nnext,row\n')
read("a, b,  c\n", skipinitialspace=True)
read("a;b;c\n", delimiter=";")
read("a\\,b,c\n", escapechar="\\")
read('"a\\"b",c\n', escapechar="\\", doublequote=False)
read("a,'b,c'\n", quotechar="'")
read('a,"b\n')
read('a,"b\n', strict=True)
read('"a"b,c\n')
read('"a"b,c\n', strict=True)
read("1,2.5,x\n", quoting=csv.QUOTE_NONNUMERIC)
read("1,\"2\",3\n", quoting=csv.QUOTE_NONNUMERIC)
read('a,"b",c\n', quoting=csv.QUOTE_NONE)
read("\n\na,b\n\n")
read("a,b\r\rc\n")
read(",,\n")
read("a\\\nb,c\n", escapechar="\\")
read("a,b\n", delimiter="ab")
read("a,b\n", delimiter=1)
read("a,b\n", quotechar=None)
read("a,b\n", quotechar=None, quoting=csv.QUOTE_ALL)
read("a,b\n", quoting=7)
read("a,b\n", quoting="x")
read("a,b\n", lineterminator=None)
read("a,b\n", lineterminator=5)
read("a,b\n", escapechar=5)
readlines(["a,b", "c,d"])
readlines([b"a,b"])
readlines(["a,b\nc,d"])
readlines(['a,"b', 'c",d'])

old = csv.field_size_limit(5)
print("old limit", old)
readlines(["abcdef,x"])
readlines(["abcde,x"])
print(csv.field_size_limit(old))
try:
    csv.field_size_limit("x")
except TypeError as e:
    print("TypeError", e)


def write(rows, **kw):
    s = io.StringIO()
    try:
        w = csv.writer(s, **kw)
        w.writerows(rows)
        print(rows, kw, "->", repr(s.getvalue()))
    except Exception as e:
        print(rows, kw, "->", type(e).__name__, e, repr(s.getvalue()))


write([["a", "b,c", 'd"e', "f\ng", None, 1, 2.5, ""]])
write([["a", 1, 2.5, None]], quoting=csv.QUOTE_ALL)
write([["a", 1, 2.5, True]], quoting=csv.QUOTE_NONNUMERIC)
write([["a,b", "c"]], quoting=csv.QUOTE_NONE)
write([["a,b", "c"]], quoting=csv.QUOTE_NONE, escapechar="\\")
write([['a"b']], doublequote=False)
write([['a"b']], doublequote=False, escapechar="\\")
write([["a\\b"]], escapechar="\\")
write([[""]])
write([[None]])
write([[""]], quoting=csv.QUOTE_NONE)
write([[]])
write([["a", "b"]], lineterminator="\n", delimiter="\t")
write([["a\rb"]], lineterminator="\n")
write([1])
write([["x"]], quotechar="'", quoting=csv.QUOTE_ALL)

try:
    csv.writer(42)
except TypeError as e:
    print("TypeError", e)
try:
    csv.reader()
except TypeError as e:
    print("TypeError", e)

# dialects
csv.register_dialect("semi", delimiter=";", quoting=csv.QUOTE_ALL)
d = csv.get_dialect("semi")
print(type(d).__name__, d.delimiter, d.quotechar, d.escapechar, repr(d.lineterminator), d.quoting,
      d.doublequote, d.skipinitialspace, d.strict)
s = io.StringIO()
csv.writer(s, "semi").writerow(["a", 1])
print(repr(s.getvalue()))
print(list(csv.reader(['"a";"1"'], "semi")))
print("semi" in csv.list_dialects())
csv.unregister_dialect("semi")
for f, a in [(csv.get_dialect, "semi"), (csv.unregister_dialect, "semi"), (csv.reader, [])]:
    try:
        f(a, "nope") if f is csv.reader else f(a)
    except csv.Error as e:
        print("Error", e)
try:
    csv.register_dialect(1)
except TypeError as e:
    print("TypeError", e)

x = csv.get_dialect("excel")
print(x.delimiter, repr(x.lineterminator), x.quoting, csv.get_dialect("excel-tab").delimiter)
d2 = _csv.Dialect(x, delimiter="|")
print(d2.delimiter, d2.quotechar, _csv.Dialect(x) is x)
try:
    x.delimiter = ";"
except AttributeError as e:
    print("AttributeError")


class My(csv.Dialect):
    delimiter = ":"
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


s = io.StringIO()
csv.writer(s, My).writerow(["a:b", "c'd"])
print(repr(s.getvalue()))


class Bad(csv.Dialect):
    delimiter = "::"


try:
    Bad()
except csv.Error as e:
    print("Error", e)

# DictReader / DictWriter
text = "name,age\r\nann,3\r\nbob,4,extra\r\ncy\r\n"
for row in csv.DictReader(io.StringIO(text)):
    print(row)
s = io.StringIO()
dw = csv.DictWriter(s, fieldnames=["x", "y"], restval="?")
dw.writeheader()
dw.writerow({"x": 1})
dw.writerows([{"x": "a,b", "y": None}])
print(repr(s.getvalue()))
try:
    dw.writerow({"z": 1})
except ValueError as e:
    print("ValueError", e)

# Sniffer
sample = "a;b;c\n1;2;3\n4;5;6\n"
sn = csv.Sniffer().sniff(sample)
print(sn.delimiter, csv.Sniffer().has_header("name,age\nann,3\nbob,4\n"))

r = csv.reader(["a,b"])
print(type(r).__name__, r.dialect.delimiter, r.line_num, iter(r) is r)
w = csv.writer(io.StringIO())
print(type(w).__name__, w.dialect.delimiter, w.writerow(["q"]))
