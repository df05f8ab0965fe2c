value = compute(
    first_argument,
    second_argument
).attribute.method(
    third
)[
    index
]
other = (a
         .b
         .c())
result = func(arg)(
    more
)
d = dict(
    a=1,
    **kw
)
x = (
    yield_value
    if condition
    else other_value
)
