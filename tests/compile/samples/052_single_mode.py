# mode: single
x = 1; y = x + 2; y
