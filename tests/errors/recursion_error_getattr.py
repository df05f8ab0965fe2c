"""Uncaught RecursionError from __getattr__ touching a missing attribute of self."""
class Config:
    def __getattr__(self, name):
        return self.defaults[name]
Config().port
