"""Custom exception classes: hierarchies, extra attributes, __str__, catching by base."""
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key
class Invalid(AppError):
    def __init__(self, field, reason):
        self.field = field
        self.reason = reason
    def __str__(self):
        return f"{self.field}: {self.reason}"
for exc in (NotFound("k1"), Invalid("age", "negative"), AppError("generic")):
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.key, e.args)
    except AppError as e:
        print(type(e).__name__, e, e.args, repr(e))
class WithRepr(Exception):
    def __repr__(self):
        return "<custom repr>"
print(repr(WithRepr("x")), str(WithRepr("x")))
class Multi(ValueError, KeyError):
    pass
try:
    raise Multi("both")
except KeyError as e:
    print("caught as KeyError", type(e).__name__, str(e))
class NoArgsInit(Exception):
    def __init__(self):
        pass
print(repr(NoArgsInit()), NoArgsInit().args)
class KwExc(Exception):
    def __init__(self, *, code):
        super().__init__(code)
        self.code = code
try:
    raise KwExc(code=404)
except KwExc as e:
    print(e.code, e)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise AppError
    except NotExc:
        pass
except TypeError as e:
    print(type(e).__name__, e)
class BE(BaseException):
    pass
try:
    try:
        raise BE("base")
    except Exception:
        print("not here")
except BaseException as e:
    print("BaseException subclass", e)
