"""Control flow through finally blocks: return, break and continue."""


def return_in_finally():
    try:
        return 1
    finally:
        return 2


def break_in_finally(items):
    for x in items:
        try:
            if x:
                break
        finally:
            print("cleanup")
    return x


def continue_through_finally(n):
    total = 0
    for i in range(n):
        try:
            if i % 2:
                continue
            total += i
        finally:
            total += 1
    return total


def nested_finally():
    try:
        try:
            pass
        finally:
            x = 1
    finally:
        y = 2
    return x + y
