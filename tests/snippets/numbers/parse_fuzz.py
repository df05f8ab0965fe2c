# Generated strings through int(), float() and complex(): values and error messages.
state = 99
def rand(n):
    global state
    state = (state * 1103515245 + 12345) % (1 << 31)
    return (state >> 8) % n
alphabet = ['0', '1', '7', '9', '5', '.', 'e', 'E', '_', '+', '-', ' ', 'j', 'J', 'x', 'b',
            'o', 'a', 'f', 'inf', 'nan', 'infinity', '(', ')', '\t', '\u0663', '\u00a0', 'z']
for i in range(3000):
    pool = alphabet if rand(2) else ['1', '2', '0', '9', '_', '.', 'e', '-', '5', '3']
    s = ''.join(pool[rand(len(pool))] for _ in range(rand(8) + 1))
    if rand(3) == 0:
        s = str(rand(100000)) + s
    outs = []
    for conv in (int, float, complex):
        try:
            outs.append(repr(conv(s)))
        except Exception as e:
            outs.append(type(e).__name__ + ': ' + str(e))
    base = [0, 2, 8, 16, 36][rand(5)]
    try:
        outs.append(repr(int(s, base)))
    except Exception as e:
        outs.append(type(e).__name__ + ': ' + str(e))
    print(repr(s), base, ' | '.join(outs))
