"""Uncaught AttributeError on None returned from a function (method chain carets)."""
def find(items, key):
    for i in items:
        if i == key:
            return i
found = find(["a", "b"], "c")
print(found.upper())
