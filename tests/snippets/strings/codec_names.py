# Encoding names: normalisation and aliases of the built-in codecs.
def attempt(f):
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for name in ['utf-8', 'UTF-8', 'utf8', 'UTF8', 'utf_8', 'U8', 'utf', ' utf-8 ', 'utf 8', 'Utf--8', 'cp65001', 'utf8-ucs4',
             'latin-1', 'latin1', 'LATIN_1', 'iso-8859-1', 'ISO8859-1', 'iso_8859_1', 'l1', 'latin', 'cp819', '8859', 'iso_ir_100',
             'ascii', 'ASCII', 'us-ascii', 'US_ASCII', '646', 'us', 'cp367', 'ansi_x3.4_1968', 'iso646-us', 'csASCII',
             'utf-16', 'utf16', 'u16', 'utf-16-le', 'utf_16le', 'UTF-16BE', 'unicodelittleunmarked', 'unicodebigunmarked',
             'utf-32', 'u32', 'utf-32-le', 'utf_32be', 'utf-8-sig', 'UTF-8-SIG', 'utf_8_sig']:
    attempt(lambda: 'aé'.encode(name))
    attempt(lambda: 'aé'.encode(name).decode(name))
for name in ['bogus', '', 'utf-9', 'hex', 'rot13', 'base64', 'zlib', 'hex_codec', 'quopri', 'uu']:
    attempt(lambda: 'a'.encode(name))
    attempt(lambda: b'a'.decode(name))
