"""SyntaxError in the main file: several exception types without parentheses."""
try:
    pass
except ValueError, TypeError as e:
    pass
