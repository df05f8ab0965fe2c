"""Module-level and class-level annotations (SETUP_ANNOTATIONS)."""
x: int = 1
y: "list[str]"
z: dict[str, int] = {}


class Record:
    name: str
    age: int = 0
    tags: list = []

    def method(self, a: int) -> "Record":
        local: int = a
        other: str
        return self


def annotated_locals():
    v: float = 1.0
    w: int
    return v
