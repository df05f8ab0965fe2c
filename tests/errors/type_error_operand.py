"""Uncaught TypeError: unsupported operand types, with carets under the binary operation."""
def add_all(items):
    total = 0
    for item in items:
        total = total + item
    return total
print(add_all([1, 2]))
print(add_all([1, "two", 3]))
