"""SyntaxError in the main file: Python 2 print statement (Missing parentheses)."""
print "hello"
