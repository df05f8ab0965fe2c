msg = (f'UTC{sign}{hours:02d}:{minutes:02d}'
       f'.{micro:06d}')
other = f"{a!r:>{w}}" f" and {b:{'x'}^{n}}"
x = f"{'''nested'''}"
y = f"{x!r}" "plain" f"{y:>4}"
