"""SyntaxError in the main file: a dict key with a colon and no value."""
d = {"a": 1, "b":}
