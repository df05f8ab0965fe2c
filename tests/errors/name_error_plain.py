"""Uncaught NameError with no close match."""
x = 1
print(x)
print(qqqqqqqqqqqq)
