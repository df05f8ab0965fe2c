"""SyntaxError in the main file: two list items without a comma."""
items = [1, 2 3, 4]
