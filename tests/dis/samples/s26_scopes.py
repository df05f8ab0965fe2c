"""global and nonlocal statements, deleting names, module globals."""

counter = 0
temp = "x"


def bump():
    global counter
    counter += 1
    return counter


def rebind():
    global temp, newname
    newname = temp
    del temp
    temp = newname


def read_global():
    return counter + len(temp)


def outer():
    x = 1

    def inner():
        nonlocal x
        x = 2
        del x
    inner()


def delete_local(a):
    b = a
    del a
    del b


def warmup():
    bump()
    read_global()
