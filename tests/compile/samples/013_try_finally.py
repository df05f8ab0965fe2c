try:
    a()
finally:
    b()
try:
    a()
except E:
    pass
finally:
    c()


def f():
    try:
        return 1
    finally:
        print("x")


def g():
    for i in range(3):
        try:
            if i:
                break
            continue
        finally:
            print(i)
