"""A SyntaxError for an unclosed bracket in the main file."""
values = [1, 2, 3
print(values)
