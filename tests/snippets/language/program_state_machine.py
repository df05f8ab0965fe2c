"""A vending-machine state machine: enums by classes, dispatch dicts, generators as coroutines, exceptions for bad transitions."""
class State:
    name = "?"
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.name = cls.__name__.lower()
    def __repr__(self):
        return f"<{self.name}>"
class Idle(State): pass
class HasMoney(State): pass
class Vending(State): pass
class InvalidTransition(Exception):
    pass
class Machine:
    prices = {"cola": 150, "chips": 100, "candy": 65}
    def __init__(self):
        self.state = Idle()
        self.balance = 0
        self.stock = dict.fromkeys(self.prices, 2)
        self.history = []
    def _go(self, new):
        self.history.append((self.state.name, new.name))
        self.state = new
    def insert(self, coins):
        if isinstance(self.state, Vending):
            raise InvalidTransition("busy vending")
        self.balance += coins
        self._go(HasMoney())
    def choose(self, product):
        if not isinstance(self.state, HasMoney):
            raise InvalidTransition(f"cannot choose in state {self.state!r}")
        price = self.prices.get(product)
        if price is None:
            raise KeyError(product)
        if self.stock[product] == 0:
            return f"{product} sold out"
        if self.balance < price:
            return f"need {price - self.balance} more"
        self._go(Vending())
        self.stock[product] -= 1
        self.balance -= price
        change, self.balance = self.balance, 0
        self._go(Idle())
        return f"vend {product}, change {change}"
def driver(machine):
    results = []
    while True:
        cmd = yield results[-1] if results else None
        if cmd is None:
            return results
        action, arg = cmd
        try:
            results.append(getattr(machine, action)(arg))
        except (InvalidTransition, KeyError) as e:
            results.append(f"{type(e).__name__}: {e}")
m = Machine()
d = driver(m)
next(d)
commands = [("choose", "cola"), ("insert", 100), ("choose", "cola"), ("insert", 100), ("choose", "cola"),
            ("insert", 500), ("choose", "water"), ("choose", "candy"), ("insert", 200), ("choose", "cola"),
            ("insert", 200), ("choose", "cola"), ("choose", "chips")]
for c in commands:
    print(c, "->", d.send(c))
try:
    d.send(None)
except StopIteration as stop:
    print(len(stop.value), "results")
print(m.stock, m.balance, m.state, len(m.history))
print(sorted(set(m.history)))
