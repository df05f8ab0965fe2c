"""SyntaxError in the main file: else without its colon."""
x = 1
if x > 0:
    print("pos")
else
    print("neg")
