if 0:
    never()
if 1:
    always()
if True:
    a = 1
else:
    a = 2
if False:
    b = 1
elif x:
    b = 2
while 0:
    loop()
x = 1 if True else 2
y = 0 and f()
z = 1 or f()


def f():
    while True:
        if g():
            return 1
    return 2


def h():
    return 1
    unreachable()
