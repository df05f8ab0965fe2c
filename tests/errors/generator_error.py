"""Uncaught exception raised inside a generator while a for loop consumes it."""
def parse_lines(lines):
    for line in lines:
        key, value = line.split("=")
        yield key, value
for k, v in parse_lines(["a=1", "b=2", "broken", "c=3"]):
    print(k, v)
