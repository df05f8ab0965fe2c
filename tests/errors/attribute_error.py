"""Uncaught AttributeError on an instance with a close-match suggestion."""
class Account:
    def __init__(self):
        self.balance = 100
acct = Account()
print(acct.balance)
print(acct.balanse)
