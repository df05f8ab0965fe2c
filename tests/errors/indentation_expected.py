"""An IndentationError: expected an indented block after a function definition."""
def g():
return 5
