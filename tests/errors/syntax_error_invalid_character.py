"""SyntaxError in the main file: a character that is not Python."""
price = 10 € 2
