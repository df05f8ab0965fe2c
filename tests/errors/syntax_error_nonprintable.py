"""SyntaxError in the main file: a no-break space between tokens."""
x = 1
