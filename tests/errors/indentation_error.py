"""An IndentationError (unexpected indent / expected an indented block) in the main file."""
def f():
    return 1
  x = 2
