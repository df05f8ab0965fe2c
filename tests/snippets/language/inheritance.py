"""Inheritance: overriding, multiple inheritance MRO, attribute lookup order, isinstance/issubclass."""
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog, an " + super().kind()
class Puppy(Dog):
    def speak(self):
        return Animal.speak(self) + "!"
p = Puppy("rex")
print(p.speak(), p.kind(), [c.__name__ for c in Puppy.__mro__])
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.mro()])
print(isinstance(D(), A), issubclass(D, C), issubclass(A, D), issubclass(D, (int, B)), isinstance(1, (str, int)))
print(issubclass(bool, int), isinstance(True, int), issubclass(int, object), isinstance(type, type), isinstance(object, type))
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
class MyInt(int):
    def double(self):
        return self * 2
m = MyInt(21)
print(m.double(), m + 1, type(m + 1).__name__, repr(m), isinstance(m, int))
class MyList(list):
    def first(self):
        return self[0]
ml = MyList([5, 6])
ml.append(7)
print(ml, ml.first(), len(ml), type(ml).__name__)
class Base:
    def template(self):
        return self.hook()
    def hook(self):
        return "base hook"
class Derived(Base):
    def hook(self):
        return "derived hook"
print(Derived().template(), Base().template())
print(D.__bases__ == (B, C), Puppy.__base__.__name__, object.__bases__)
