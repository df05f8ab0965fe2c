"""IndentationError in the main file: a dedent to no outer level."""
if True:
        x = 1
    y = 2
