counter = 0


def incr():
    global counter
    counter += 1


def outer():
    x = 0

    def middle():
        nonlocal x
        x += 1

        def inner():
            nonlocal x
            x *= 2
        return inner
    return middle


class K:
    global gv
    gv = 1

    def m(self):
        global counter
        return counter
