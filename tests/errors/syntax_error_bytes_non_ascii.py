"""SyntaxError in the main file: non-ASCII characters in a bytes literal."""
data = [
    b"abc",
    b"café",
]
