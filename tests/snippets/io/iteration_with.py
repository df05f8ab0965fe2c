# Iteration, readlines hints, writelines, with-blocks and exceptions in them.
P = '/tmp/pyrs-io-iteration_with'

with open(P, 'w') as f:
    f.writelines(['alpha\n', 'beta\n', 'gamma\n', 'delta'])
    f.writelines(('\n', 'last\n'))
with open(P) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
    print(repr(f.readline()), list(f))
with open(P) as f:
    print(f.readlines(7))
    print(f.readlines(1))
    print(f.readlines())
with open(P, 'rb') as f:
    print([l for l in f])
with open(P, 'rb') as f:
    print(f.readlines(8), f.readlines())
with open(P, 'rb', buffering=0) as f:
    print(list(f))
try:
    with open(P) as f:
        f.readline()
        raise KeyError('inside')
except KeyError as e:
    print('KeyError', e, f.closed)
with open(P) as f:
    it = iter(f)
    print(it is f, next(it), next(f))
f.close()
try:
    iter(f)
except ValueError as e:
    print('ValueError', e)
try:
    with f:
        pass
except ValueError as e:
    print('ValueError', e)
print(sum(1 for _ in open(P)), [len(l) for l in open(P, 'rb')])
print(max(open(P), key=len))
print(''.join(sorted(open(P))))
