result = some_function(
    argument_one,
    argument_two,
    keyword=value,
)
total = (first_value
         + second_value
         * third_value)
obj \
    .method(
        1
    ) \
    .other()
x = [
    1,
    2,
]
y = {
    "a": 1,
    "b": [
        3,
    ],
}
