# A UTF-8 BOM with a PEP 263 cookie: the cookie must spell UTF-8 as CPython's
# tokenizer normalises it ("utf-8", "UTF_8", "utf-8-sig"...); "utf8" or a Latin-1
# cookie is an "encoding problem".
for cookie in (b"utf-8", b"UTF_8", b"utf-8-sig", b"utf8", b"latin-1", b"iso_8859_1"):
    src = b"\xef\xbb\xbf# coding: " + cookie + b"\nx = '\xc3\xa9'\n"
    try:
        ns = {}
        exec(compile(src, "f", "exec"), ns)
        print(cookie, "ok", ascii(ns["x"]))
    except SyntaxError as e:
        print(cookie, type(e).__name__, e.msg, e.lineno, e.text)
