"""Uncaught UnboundLocalError: local referenced before assignment."""
total = 0
def bump():
    total += 1
    return total
bump()
