"""if/elif/else with all truthiness kinds, nested branches and walrus in conditions."""
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        if n % 2:
            return "small odd"
        else:
            return "small even"
    else:
        return "large"
for n in (-5, 0, 3, 4, 10, 99):
    print(n, classify(n))
for v in (0, 1, "", "a", [], [0], {}, {0: 0}, None, 0.0, set(), range(0), range(1)):
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
data = [1, 2, 3, 4]
if (n := len(data)) > 3:
    print("long list", n)
if not data:
    print("empty")
elif data[0] == 1 and data[-1] == 4:
    print("bookends")
if True: print("one-liner")
x = 0
if x: pass
else: print("else one-liner")
