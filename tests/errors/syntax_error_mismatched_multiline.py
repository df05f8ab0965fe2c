"""SyntaxError in the main file: a closing bracket of the wrong kind, lines later."""
values = {
    "a": 1,
    "b": 2,
)
