"""SyntaxError in the main file: the same keyword argument twice."""
print(sep="", sep=" ")
