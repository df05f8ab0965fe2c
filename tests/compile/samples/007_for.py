for i in range(10):
    print(i)
for i in [1, 2, 3]:
    pass
for k, v in d.items():
    print(k, v)
else:
    print("no break")
for x in {1, 2}:
    if x:
        break
