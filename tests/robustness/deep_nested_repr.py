"""repr/str/== of very deeply nested lists, dicts and tuples raise RecursionError, never crash."""
def nest_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x
def nest_dict(n):
    x = {}
    for _ in range(n):
        x = {"k": x}
    return x
def nest_tuple(n):
    x = ()
    for _ in range(n):
        x = (x,)
    return x
print(len(repr(nest_list(100))), len(str(nest_dict(100))), len(repr(nest_tuple(100))))
for name, builder in [("list", nest_list), ("dict", nest_dict), ("tuple", nest_tuple)]:
    deep = builder(100000)
    for op_name, op in [("repr", repr), ("str", str), ("eq", lambda v: v == builder(100000))]:
        try:
            op(deep)
            print(name, op_name, "ok")
        except RecursionError as e:
            print(name, op_name, type(e).__name__)
    del deep
a = nest_list(50000)
b = nest_list(50000)
try:
    print(a < b)
except RecursionError as e:
    print("compare", type(e).__name__)
try:
    hash(nest_tuple(100000))
except RecursionError as e:
    print("hash", type(e).__name__)
print("survived")
