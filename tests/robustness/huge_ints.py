"""Huge ints: the 4300-digit str() limit, set_int_max_str_digits, int() parse limit, huge shifts."""
import sys
print(sys.get_int_max_str_digits())
n = 10 ** 4299
print(len(str(n)))
big = 10 ** 5000
try:
    print(str(big))
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(big)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(len(hex(big)), big.bit_length(), big % 97, len(bin(2 ** 20000)))
sys.set_int_max_str_digits(0)
print(len(str(big)), len(str(3 ** 20000)))
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4999)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
sys.set_int_max_str_digits(4300)
x = 1 << 100000
print(x.bit_length(), (x >> 99990), (x - 1).bit_length())
try:
    1 << (1 << 64)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)
print(pow(2, 10 ** 20, 7), pow(10 ** 20, 10 ** 20, 1000))
print(pow(3, 10 ** 6, 10 ** 9 + 7), (-(10 ** 300)) // 7 % 1000)
print(f"{10 ** 100:,}"[:20], format(2 ** 200, "x")[:10])
print("survived")
