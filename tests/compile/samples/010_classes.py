class A:
    x = 1

    def method(self):
        return self.x

    @staticmethod
    def s():
        return 2

    @classmethod
    def c(cls):
        return cls


class B(A, metaclass=type):
    def method(self):
        return super().method() + 1

    def uses_class(self):
        return __class__


class C(A, B):
    pass
