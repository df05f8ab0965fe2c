"""SyntaxError in the main file: a def header without its colon."""
def greet(name)
    print("hello", name)
