"""SyntaxError in the main file: except after except* on the same try."""
try:
    pass
except* ValueError:
    pass
except TypeError:
    pass
