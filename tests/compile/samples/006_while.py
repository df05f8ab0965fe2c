i = 0
while i < 10:
    i += 1
    if i == 5:
        continue
    if i == 8:
        break
else:
    print("done")
while True:
    i -= 1
    if i < 0:
        break
