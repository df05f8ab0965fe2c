"""SyntaxError in the main file: Python 2 exec statement."""
exec "x = 1"
