"""A SyntaxError in the main file: message, line, caret."""
x = 1
if x == 1
    print("yes")
