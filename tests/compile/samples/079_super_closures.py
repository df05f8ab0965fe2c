class A:
    def f(self):
        def g():
            return super().f()
        return g()

    def h(self):
        return lambda: __class__

    def k(self):
        return [super() for _ in range(2)]


class B(A):
    class Inner:
        def m(self):
            return super().m()
