"""Uncaught KeyError from a dict lookup in a nested function."""
def lookup(table, key):
    return table[key]
def main():
    prices = {"apple": 1, "pear": 2}
    print(lookup(prices, "apple"))
    print(lookup(prices, "banana"))
main()
