# An exception from __post_init__ passes through the generated __init__, whose
# frame is reported as File "<string>" at the line of the exec'd source.
from dataclasses import dataclass, field


@dataclass
class Account:
    owner: str
    balance: int = 0
    history: list = field(default_factory=list)

    def __post_init__(self):
        if self.balance < 0:
            raise ValueError(f"negative balance for {self.owner}: {self.balance}")


print(Account("ann", 5))
Account("bob", -1)
