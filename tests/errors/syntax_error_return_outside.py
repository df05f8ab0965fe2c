"""SyntaxError in the main file: 'return' outside function."""
x = 1
return x
