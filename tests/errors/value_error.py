"""Uncaught ValueError from int() of a bad string."""
raw = ["1", "2", "three"]
nums = [int(r) for r in raw]
print(nums)
