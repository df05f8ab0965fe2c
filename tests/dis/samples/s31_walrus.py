"""Assignment expressions (the walrus operator)."""


def first_long(words):
    for w in words:
        if (n := len(w)) > 3:
            return w, n
    return None


def in_comprehension(data):
    return [y for x in data if (y := x * 2) > 4], y if data else None


def in_while(stream):
    out = []
    while (chunk := stream.pop()) != 0:
        out.append(chunk)
    return out


def warmup():
    first_long(["a", "abcd"])
    in_while([0, 1, 2])
