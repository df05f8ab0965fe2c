# A PEP 263 cookie naming any codec of the registry (latin9, cp437, koi8-r...)
# decodes the source, in compile() of bytes and in an imported file.
import os
import sys
import tempfile

for enc, text in [('latin9', '\u20ac\u0160'), ('cp437', '\u2591\u00e7'),
                  ('koi8-r', '\u0416\u0418'), ('iso8859-15', '\u20ac')]:
    src = f'# -*- coding: {enc} -*-\nx = {text!r}\n'.encode(enc)
    ns = {}
    exec(compile(src, 'cookie', 'exec'), ns)
    print(enc, ascii(ns['x']), ns['x'] == text)

for bad in [b'# coding: no_such_codec\nx = 1\n', b'# coding: hex\nx = 1\n']:
    try:
        compile(bad, 'bad', 'exec')
    except SyntaxError as e:
        print('SyntaxError', e.msg)

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'latin9_mod.py'), 'wb') as f:
        f.write('# coding: latin9\nvalue = "\u20ac"\n'.encode('latin9'))
    sys.path.insert(0, d)
    sys.dont_write_bytecode = True
    import latin9_mod
    print(ascii(latin9_mod.value))
