"""SyntaxError in the main file: nonlocal declaration of a local name."""
def f():
    x = 1
    nonlocal x
