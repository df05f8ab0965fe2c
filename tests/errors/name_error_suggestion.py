"""Uncaught NameError with a "Did you mean" suggestion for a misspelled local."""
def compute():
    counter_value = 10
    return counter_valeu + 1
compute()
