"""An inventory simulation: dataclass-like classes, properties, sorting with keys, dict/set operations, formatting."""
class Item:
    __slots__ = ("name", "price", "qty", "tags")
    def __init__(self, name, price, qty=0, tags=()):
        self.name, self.price, self.qty, self.tags = name, price, qty, frozenset(tags)
    @property
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return f"Item({self.name!r}, {self.price}, qty={self.qty})"
    def __eq__(self, other):
        return isinstance(other, Item) and self.name == other.name
    def __hash__(self):
        return hash(self.name)
    def __lt__(self, other):
        return (self.value, self.name) < (other.value, other.name)
class OutOfStock(Exception):
    def __init__(self, item, wanted):
        super().__init__(f"only {item.qty} of {item.name} left, wanted {wanted}")
        self.item = item
class Inventory:
    def __init__(self):
        self._items = {}
        self.log = []
    def add(self, item):
        if item.name in self._items:
            self._items[item.name].qty += item.qty
        else:
            self._items[item.name] = item
        self.log.append(("add", item.name, item.qty))
        return self
    def take(self, name, n):
        item = self._items[name]
        if item.qty < n:
            raise OutOfStock(item, n)
        item.qty -= n
        self.log.append(("take", name, n))
    def __iter__(self):
        return iter(sorted(self._items.values()))
    def __len__(self):
        return len(self._items)
    def __contains__(self, name):
        return name in self._items
    def by_tag(self):
        tags = {}
        for item in self._items.values():
            for t in sorted(item.tags):
                tags.setdefault(t, []).append(item.name)
        return {t: sorted(v) for t, v in sorted(tags.items())}
    def report(self):
        lines = [f"{'name':<10}{'price':>8}{'qty':>5}{'value':>10}"]
        for it in self:
            lines.append(f"{it.name:<10}{it.price:>8.2f}{it.qty:>5d}{it.value:>10,.2f}")
        total = sum(i.value for i in self._items.values())
        lines.append(f"{'total':<23}{total:>10,.2f}")
        return "\n".join(lines)
inv = Inventory()
inv.add(Item("apple", 0.5, 100, ["fruit", "red"])).add(Item("pear", 0.75, 30, ["fruit"]))
inv.add(Item("hammer", 12.99, 3, ["tool"])).add(Item("apple", 0.5, 20))
inv.add(Item("saw", 24.5, 1, ["tool", "sharp"]))
print(len(inv), "apple" in inv, "kiwi" in inv)
print(inv.report())
for name, n in [("apple", 50), ("saw", 2), ("kiwi", 1), ("hammer", 3)]:
    try:
        inv.take(name, n)
    except OutOfStock as e:
        print("OutOfStock:", e, e.item)
    except KeyError as e:
        print("KeyError:", e)
print(inv.report())
print(inv.by_tag())
print([repr(i) for i in inv], max(inv), min(inv, key=lambda i: i.price))
print(inv.log)
counts = {}
for action, name, n in inv.log:
    counts[action] = counts.get(action, 0) + n
print(sorted(counts.items()), {i.name for i in inv} - {"apple"}, Item("apple", 0) in set(inv))
try:
    Item("x", 1).color = "red"
except AttributeError as e:
    print("AttributeError:", e)
