"""SyntaxError in the main file: a conditional expression without else."""
x = 1 if True
