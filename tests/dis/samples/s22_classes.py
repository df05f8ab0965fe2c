"""Classes: methods, properties, class/static methods, super, nested classes."""


class Base:
    """A base class."""
    count = 0
    names = ["a", "b"]

    def __init__(self, value):
        self.value = value
        Base.count += 1

    def method(self):
        return self.value

    @property
    def doubled(self):
        return self.value * 2

    @doubled.setter
    def doubled(self, v):
        self.value = v // 2

    @classmethod
    def create(cls, v):
        return cls(v)

    @staticmethod
    def helper(x):
        return x + 1

    def __repr__(self):
        return f"Base({self.value!r})"


class Derived(Base):
    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra

    def method(self):
        return super().method() + self.extra

    class Inner:
        def inner_method(self):
            return __class__


def make_class(n):
    class Local(Base):
        size = n

        def get(self):
            return self.size
    return Local


def warmup():
    d = Derived(1, 2)
    d.method()
    d.doubled
    Base.create(3).helper(4)
