NAME = __name__
PACKAGE = __package__
