"""raise, raise from, raise from None: __cause__, __context__, __suppress_context__."""
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("converted") from z
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}["x"]
    except KeyError:
        raise RuntimeError("implicit")
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        [][0]
    except IndexError:
        raise TypeError("hidden") from None
except TypeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("cls") from KeyError
except ValueError as e:
    print(repr(e.__cause__))
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise int
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    raise KeyError
except KeyError as e:
    print(repr(e), e.args)
e = ValueError("manual")
e.__cause__ = KeyError("k")
print(e.__suppress_context__)
try:
    e.__cause__ = 5
except TypeError as te:
    print(type(te).__name__, te)
def ctx_chain():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError:
            raise KeyError(3)
try:
    ctx_chain()
except KeyError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
