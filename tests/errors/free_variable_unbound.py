"""NameError for a free variable referenced before assignment in the enclosing scope."""
def outer():
    def inner():
        return y
    inner()
    y = 1
outer()
