def f():
    for i in range(3):
        try:
            pass
        finally:
            return i


def g():
    try:
        return 1
    except:
        return 2
    else:
        return 3
    finally:
        print("fin")


def h(x):
    try:
        return x
    finally:
        x = None
