# isinstance and issubclass with unions.
def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

print(isinstance(1, int | str), isinstance('a', int | str), isinstance(1.0, int | str))
print(isinstance(None, int | None), isinstance(0, int | None), isinstance(None, int | str))
print(issubclass(bool, int | str), issubclass(float, int | str), issubclass(type(None), int | None))
print(isinstance(True, (str, int | float)), isinstance([], (str, int | float)))
print(isinstance(1, int | list[int]))
attempt(lambda: isinstance('a', int | list[int]))
attempt(lambda: issubclass(str, int | list[int]))
print(issubclass(int, int | list[int]))
attempt(lambda: isinstance(1, list[int]))
attempt(lambda: issubclass(5, int | str))
class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == 'magic'
class Magic(metaclass=Meta):
    pass
print(isinstance('magic', int | Magic), isinstance('plain', int | Magic))
print(isinstance(int | str, type), isinstance(int, int | str))
