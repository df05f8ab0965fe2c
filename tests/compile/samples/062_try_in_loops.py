def f(xs):
    for x in xs:
        try:
            g(x)
        except ValueError:
            continue
        except TypeError:
            break
        except Exception as e:
            return e
        else:
            h(x)
    while xs:
        try:
            xs.pop()
        finally:
            if not xs:
                break
