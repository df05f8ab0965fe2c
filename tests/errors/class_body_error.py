"""Uncaught exception raised while executing a class body."""
class Settings:
    name = "app"
    size = len(name)
    ratio = size / (size - 3)
print(Settings.ratio)
