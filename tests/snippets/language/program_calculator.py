"""A small tokenizer + recursive-descent parser + evaluator: classes, recursion, exceptions, generators together."""
class Token:
    def __init__(self, kind, value):
        self.kind, self.value = kind, value
    def __repr__(self):
        return f"Token({self.kind!r}, {self.value!r})"
class ParseError(Exception):
    pass
def tokenize(text):
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            num = text[i:j]
            yield Token("num", float(num) if "." in num else int(num))
            i = j
        elif c.isalpha():
            j = i
            while j < len(text) and text[j].isalnum():
                j += 1
            yield Token("name", text[i:j])
            i = j
        elif c in "+-*/()^%,":
            yield Token("op", c)
            i += 1
        else:
            raise ParseError(f"bad character {c!r} at {i}")
    yield Token("end", None)
class Parser:
    def __init__(self, text):
        self.tokens = list(tokenize(text))
        self.pos = 0
    def peek(self):
        return self.tokens[self.pos]
    def take(self, kind=None, value=None):
        tok = self.peek()
        if kind and tok.kind != kind or value and tok.value != value:
            raise ParseError(f"expected {value or kind}, got {tok!r}")
        self.pos += 1
        return tok
    def expr(self):
        node = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            node = (op, node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            node = (op, node, self.factor())
        return node
    def factor(self):
        base = self.unary()
        if self.peek().value == "^":
            self.take()
            return ("^", base, self.factor())
        return base
    def unary(self):
        if self.peek().value == "-":
            self.take()
            return ("neg", self.unary())
        return self.atom()
    def atom(self):
        tok = self.peek()
        if tok.kind == "num":
            self.take()
            return tok.value
        if tok.kind == "name":
            self.take()
            if self.peek().value == "(":
                self.take()
                args = [self.expr()]
                while self.peek().value == ",":
                    self.take()
                    args.append(self.expr())
                self.take("op", ")")
                return ("call", tok.value, args)
            return ("var", tok.value)
        if tok.value == "(":
            self.take()
            node = self.expr()
            self.take("op", ")")
            return node
        raise ParseError(f"unexpected {tok!r}")
FUNCS = {"max": max, "min": min, "abs": abs, "sum": lambda *a: sum(a)}
def evaluate(node, env):
    match node:
        case int() | float():
            return node
        case ("var", name):
            try:
                return env[name]
            except KeyError:
                raise NameError(f"unknown variable {name}") from None
        case ("neg", x):
            return -evaluate(x, env)
        case ("call", name, args):
            return FUNCS[name](*(evaluate(a, env) for a in args))
        case (op, a, b):
            x, y = evaluate(a, env), evaluate(b, env)
            ops = {"+": lambda: x + y, "-": lambda: x - y, "*": lambda: x * y, "^": lambda: x ** y,
                   "/": lambda: x / y, "%": lambda: x % y}
            return ops[op]()
env = {"x": 3, "y": 4.5, "big": 10 ** 20}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x ^ 2", "max(x, y, 2) + min(1, 2)", "big * big + 1",
            "sum(1, 2, 3, x) / 4", "7 % 3 - 10 / 4", "1 / 0", "z + 1", "3 $ 4", "(1 + 2", "abs(-7.25) * 2", ""]:
    try:
        tree = Parser(src).expr()
        print(repr(src), "=", evaluate(tree, env))
    except (ParseError, NameError, ZeroDivisionError) as e:
        print(repr(src), "error:", type(e).__name__, e)
