"""finally with return/break/continue: overriding returns, swallowing exceptions, order of effects."""
def f1():
    try:
        return 1
    finally:
        return 2
print(f1())
def f2():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(f2())
def f3():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(f3())
def f4():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append(-i)
    return out
print(f4())
def f5():
    x = 1
    try:
        return x
    finally:
        x = 100
print(f5())
def f6():
    l = []
    try:
        return l
    finally:
        l.append("mutated")
print(f6())
def f7():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(f7())
def f8():
    while True:
        try:
            return "from loop"
        finally:
            print("cleanup")
print(f8())
def f9():
    try:
        1 / 0
    except ZeroDivisionError:
        return "except return"
    finally:
        print("finally after except return")
print(f9())
def f10():
    for i in range(3):
        try:
            continue
        finally:
            print("f10", i)
    return "done"
print(f10())
def f11():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        finally:
            return "finally in handler"
print(f11())
def f12():
    count = 0
    while count < 5:
        count += 1
        try:
            if count == 3:
                break
        finally:
            if count == 2:
                continue
    return count
print(f12())
