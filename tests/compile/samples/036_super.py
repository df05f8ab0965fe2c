class Base:
    def __init__(self, a):
        self.a = a


class Derived(Base):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b

    def __repr__(self):
        return f"{__class__.__name__}({self.a}, {self.b})"

    @property
    def total(self):
        return super(Derived, self).total + 1
