"""SyntaxError in the main file: a triple-quoted string that never ends."""
text = """abc

def
x = 1
