"""except* handling of exception groups (PEP 654)."""


def handle(group):
    try:
        raise group
    except* ValueError as eg:
        print("values", eg.exceptions)
    except* (TypeError, KeyError):
        print("types or keys")


def with_finally(group):
    try:
        raise group
    except* OSError:
        pass
    finally:
        print("finally")


def raise_inside():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise TypeError("converted")
