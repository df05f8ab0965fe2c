a = 10**18 / 8
b = 2**60 / 3
c = -(10**30) / 7
d = 10**400 // 3
e = 1 / 3
f = 12345678901234567890123 / 98765432109876543
g = all(
    # a comment before the element
    x > 0
    for x in values
)
