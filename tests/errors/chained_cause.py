"""Uncaught exception with an explicit cause: "The above exception was the direct cause"."""
class ConfigError(Exception):
    pass
def load(cfg):
    try:
        return cfg["port"]
    except KeyError as e:
        raise ConfigError("port missing") from e
load({})
