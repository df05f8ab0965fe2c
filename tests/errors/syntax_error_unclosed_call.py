"""SyntaxError in the main file: a call whose parenthesis is never closed."""
print("a",
      "b"
