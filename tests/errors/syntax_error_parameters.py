"""SyntaxError in the main file: a second '/' in a parameter list."""
def f(a, /, b=1, /, c):
    pass
