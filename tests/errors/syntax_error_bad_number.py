"""SyntaxError in the main file: a number run into a name."""
x = 12abc
