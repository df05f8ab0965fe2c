"""Structural pattern matching on literals, captures, guards, or-patterns."""


def http_status(status):
    match status:
        case 200:
            return "OK"
        case 301 | 302:
            return "Redirect"
        case 404:
            return "Not found"
        case int(code) if code >= 500:
            return "Server error"
        case None:
            return "Nothing"
        case True:
            return "True?"
        case "teapot":
            return "I'm a teapot"
        case _:
            return "Unknown"


def capture(value):
    match value:
        case x if x > 0:
            return x
        case other:
            return -other


def warmup():
    for s in (200, 302, 404, 503, None, "teapot", 1.5):
        http_status(s)
