"""SyntaxError in the main file: duplicate argument in a function definition."""
def f(a, a):
    pass
