a = "simple"
b = 'single'
c = """triple
quoted"""
d = r"raw\n"
e = b"bytes\x00\xff"
f = "concat" "enated"
g = "tab\tnewline\n"
h = "\x00\x1f\x7f"
i = ""
j = b""
k = "emoji 🎉"
