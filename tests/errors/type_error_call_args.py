"""Uncaught TypeError from a call with a missing argument, through a method call."""
class Greeter:
    def greet(self, name, punctuation):
        return f"Hello {name}{punctuation}"
g = Greeter()
print(g.greet("a", "!"))
print(g.greet("b"))
