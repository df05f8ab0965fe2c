"""SyntaxError in the main file: typographic quotes pasted from a document."""
print(“hello”)
