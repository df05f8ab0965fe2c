def f(x):
    try:
        r = g(x)
    except KeyError as e:
        return e
    except (ValueError, TypeError):
        r = None
    else:
        r += 1
    finally:
        log(x)
    return r


try:
    import fast
except ImportError:
    fast = None
