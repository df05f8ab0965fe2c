"""SyntaxError in the main file: call arguments without a comma."""
name = "x"
print("hello" name)
