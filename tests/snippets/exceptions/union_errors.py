# Operands a union refuses, and what a union does not support.
# The types module's names, without importing it.
GenericAlias = type(list[int])
UnionType = type(int | str)

def attempt(f):
    try:
        r = f()
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: int | 5)
attempt(lambda: 5 | int)
attempt(lambda: int | 'str')
attempt(lambda: (int | str) | 5)
attempt(lambda: None | None)
attempt(lambda: (int | str)[int])
attempt(lambda: (int | str).__origin__)
attempt(lambda: (int | str).__name__)
attempt(lambda: UnionType())
attempt(lambda: (int | str) < (int | str))
attempt(lambda: setattr(int | str, 'x', 1))
attempt(lambda: setattr(int | str, '__args__', ()))
def class_with_union_base():
    class C(int | str):
        pass
attempt(class_with_union_base)
attempt(lambda: UnionType.__new__(UnionType))
attempt(lambda: object.__new__(UnionType))
attempt(lambda: object.__new__(type(list[int])))
attempt(lambda: type('Sub', (UnionType,), {}))
