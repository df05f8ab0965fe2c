"""IndentationError in the main file: a class body at the end of the file."""
class Empty:
