"""Uncaught ZeroDivisionError from float true division."""
rate = 3.5
count = 0.0
print(rate / count)
