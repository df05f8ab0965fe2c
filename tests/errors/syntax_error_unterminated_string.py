"""SyntaxError in the main file: unterminated string literal."""
s = "unterminated
print(s)
