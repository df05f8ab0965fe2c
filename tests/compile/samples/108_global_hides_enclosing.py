def g():
    x = 1
    def h():
        global x
        return {x for b in a}
    return h
