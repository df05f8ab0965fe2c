"""SyntaxError in the main file: a Python 2 print statement with a call."""
print len("abc"), 2
