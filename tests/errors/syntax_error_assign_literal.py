"""SyntaxError in the main file: assignment to a literal."""
x = 1
1 = x
