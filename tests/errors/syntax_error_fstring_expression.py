"""An f-string expression that does not parse, on the second line of a
triple-quoted f-string: CPython reports it from the parenthesised expression."""
name = "x"
message = f"""hello
{name} and {name name}"""
print(message)
