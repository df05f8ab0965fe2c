"""SyntaxError in the main file: a closing parenthesis with no opening one."""
total = (1 + 2))
