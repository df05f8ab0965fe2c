# Set displays of constants are built from a frozenset constant that the compiler
# rebuilds while merging constants; the element order shows it.
print({100, 200, 300, 8, 16, 64, 1000})
print({1000, 64, 16, 8, 300, 200, 100})
print({5, 37, 69, 101}, {7, 15, 23, 31, 39, 47})
print(frozenset({100, 200, 300, 8, 16, 64, 1000}))
x = 3
print({100, 200, x, 8, 16, 64, 1000})
print({*[100, 200, 300, 8, 16, 64, 1000]})
s = {100, 200, 300, 8, 16, 64, 1000}
s.add(2000)
print(s)
print(1000 in {100, 200, 300, 8, 16, 64, 1000}, 5 in {1, 2, 3})
