naïve = "café"
ñ = 1
x = "日本語" + naïve
print(ñ, x, "é" * 2)
s = "\u2603 snowman"
