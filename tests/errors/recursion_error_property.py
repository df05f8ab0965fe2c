"""Uncaught RecursionError from a property getter reading itself."""
class Account:
    @property
    def balance(self):
        return self.balance + 0
print(Account().balance)
