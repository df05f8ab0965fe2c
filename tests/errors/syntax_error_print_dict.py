"""SyntaxError in the main file: a Python 2 print statement with a dict."""
if True:
    print {1: "a", 2: "b"}
