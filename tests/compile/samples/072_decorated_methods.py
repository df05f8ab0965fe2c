def deco(*args, **kwargs):
    def wrap(f):
        return f
    return wrap


@deco(1, key="v")
class A:
    @deco()
    @property
    def p(self):
        return 1

    @p.setter
    def p(self, v):
        pass

    @deco
    async def am(self):
        pass
