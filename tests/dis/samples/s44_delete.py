"""del statements on every kind of target."""
module_level = 1
del module_level


def targets(obj, seq, d):
    x = 1
    y = 2
    del x, y
    del obj.attr
    del seq[0], d["k"]
    del (seq[1:2])
    del [seq[0]]


def in_loop(keys, d):
    for k in keys:
        del d[k]
