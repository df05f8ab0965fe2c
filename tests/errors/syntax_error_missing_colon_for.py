"""SyntaxError in the main file: a for header without its colon."""
for i in range(3)
    print(i)
