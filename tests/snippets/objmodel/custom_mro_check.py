# A metaclass mro() is checked (mro_check): only classes, with a layout the instances have.
for ret in ("[self, dict, object]", "[1]", "1", "[self, int, object]", "[self, object]"):
    try:
        exec(f"""
class _metaclass(type):
    def mro(self):
        return {ret}
class X(object, metaclass=_metaclass):
    pass
print(X.__mro__)
""")
    except TypeError as e:
        print("TypeError", e)
