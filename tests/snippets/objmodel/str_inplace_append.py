"""str += in a loop appends in place (linear); aliases keep their old value."""
def build(n):
    s = ''
    for i in range(n):
        s += 'ab'
        s += str(i % 10)
    return s
r = build(200000); print(len(r), r[:20], r[-10:])
def alias():
    s = 'x'; t = s
    s += 'y'; print(s, t)
    u = 'é'; u += 'ü' * 3; u += '😀'; print(u, len(u))
alias()
