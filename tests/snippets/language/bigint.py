"""Big integer arithmetic: growth, division, modulo signs, shifts, comparisons."""
a = 2 ** 200 + 12345
b = -(3 ** 90)
print(a, b)
print(a + b, a - b, a * b)
print(a // b, a % b, divmod(a, b))
print(b // 7, b % 7, -b // -7, a // -3, a % -3)
print(a >> 100, a << 50, b >> 3, b << 3, -1 >> 1000)
print(a & b, a | b, a ^ b, ~a)
print(a > b, a == 2 ** 200 + 12345, a != b, b < 0)
f = 1
for i in range(1, 60):
    f *= i
print(f, len(str(f)))
print(f // (f // 3), f % 1000007, pow(3, 200, 1000000007), pow(2, 100))
print(10 ** 30 / 10 ** 10, (10 ** 50 + 1) / 10 ** 25)
print(int("1" * 50) * int("9" * 40))
print((2 ** 64) ** 2 == 2 ** 128, 2 ** 64 - 1, -(2 ** 63), hex(2 ** 100), bin(-(2 ** 70)))
print(abs(-(10 ** 40)), -(-(10 ** 40)), +(10 ** 40))
print(sum(range(10 ** 6, 10 ** 6 + 100)) * 10 ** 20)
x = 1
for _ in range(200):
    x = x * 3 + 1
print(x % 10 ** 12, x.bit_length())
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
