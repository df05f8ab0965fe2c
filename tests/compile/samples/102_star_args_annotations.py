def f(*args: *Ts, **kw: int) -> tuple[*Ts]:
    return args


x: tuple[*Ts]
y = Alias[*Ts, int]
