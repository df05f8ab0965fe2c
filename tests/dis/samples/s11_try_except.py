"""try/except/else/finally, exception matching, raise and re-raise."""


def safe_div(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        return None
    except (TypeError, ValueError) as exc:
        raise RuntimeError("bad operands") from exc
    else:
        return result
    finally:
        a = b = None


def bare():
    try:
        risky()
    except:
        raise


def nested():
    try:
        try:
            risky()
        except KeyError as e:
            print(e)
            raise ValueError
    except ValueError:
        pass


def in_loop(items):
    out = []
    for item in items:
        try:
            out.append(int(item))
        except ValueError:
            continue
    return out


def risky():
    raise KeyError("k")


def warmup():
    safe_div(1, 2)
    safe_div(1, 0)
    in_loop(["1", "x", "3"])
