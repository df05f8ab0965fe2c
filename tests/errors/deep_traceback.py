"""Traceback through several functions with 3.11 caret markers on subscripts, calls and attributes."""
class Store:
    def __init__(self):
        self.data = {"a": [1, 2]}
def level3(store, key):
    return store.data[key][5] * 2
def level2(store):
    x = level3(store, "a")
    return x
def level1():
    s = Store()
    return level2(s) + 1
level1()
