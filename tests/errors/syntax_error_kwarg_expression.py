"""SyntaxError in the main file: an expression as a keyword argument name."""
print(x + 1 = 2)
