"""Traceback position markers under a line with East Asian wide characters and accents."""
def lookup(table):
    return table["名前"]["年齢"] + table["café"]
lookup({"名前": {"年齢": "二十"}, "café": 1})
