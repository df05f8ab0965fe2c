def f1():
    try:
        return g()
    finally:
        cleanup()


def f2():
    for x in y:
        try:
            continue
        finally:
            print(x)


def f3():
    while True:
        try:
            break
        finally:
            pass


def f4():
    try:
        try:
            return 1
        finally:
            a()
    finally:
        b()


def f5():
    try:
        pass
    finally:
        return 2


def f6(x):
    for i in x:
        try:
            if i:
                return i
        except ValueError:
            continue
        finally:
            del i
