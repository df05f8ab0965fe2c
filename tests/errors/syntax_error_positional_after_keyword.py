"""SyntaxError in the main file: a positional argument after a keyword one."""
print(sep="", "x")
