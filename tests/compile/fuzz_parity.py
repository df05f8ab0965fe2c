"""Random-program parity check: generate Python programs, compile each with python3
and with pyrs, report the ones whose code objects differ.

Usage: python3 fuzz_parity.py PYRS_CODEDUMP [COUNT] [FIRST_SEED]
  PYRS_CODEDUMP  path to target/debug/pyrs-codedump
Failing programs are written to ./fuzz-fail-SEED.py. Programs python3 rejects are
skipped. Not part of `cargo test` (it is slow and random); a finding becomes a
sample under samples/ once reduced.
"""
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = ['a', 'b', 'c', 'x', 'y']


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def name(self):
        return self.r.choice(NAMES)

    def expr(self, d=0, aw=False):
        r = self.r
        if d > 3:
            return r.choice(NAMES + ['1', '2.5', "'s'", 'None', 'True'])
        e = lambda: self.expr(d + 1, aw)
        k = r.randrange(22)
        forms = [
            lambda: f'({e()} {r.choice(["+", "-", "*", "/", "//", "%", "**", "<<", "&", "|", "^", "@"])} {e()})',
            lambda: f'({e()} {r.choice(["<", "==", "!=", "is", "is not", "in", "not in", ">="])} {e()})',
            lambda: f'({e()} < {e()} < {e()})',
            lambda: f'({e()} {r.choice(["and", "or"])} {e()})',
            lambda: f'(not {e()})',
            lambda: f'{self.name()}({", ".join(e() for _ in range(r.randrange(3)))})',
            lambda: f'{self.name()}.m({e()}, k={e()})',
            lambda: f'{self.name()}(*{self.name()}, **{self.name()})',
            lambda: f'{self.name()}.attr',
            lambda: f'{self.name()}[{e()}]',
            lambda: f'{self.name()}[1:{e()}]',
            lambda: f'[{e()} for {self.name()} in {e()} if {e()}]',
            lambda: f'{{{self.name()} for {self.name()} in {e()}}}',
            lambda: f'({e()} if {e()} else {e()})',
            lambda: f'lambda {self.name()}: {e()}',
            lambda: f'f"{{{self.name()}.attr!r}} x {{{self.name()}:>{{{self.name()}}}}}"',
            lambda: f'({e()}, {e()})',
            lambda: f'{{{e()}: {e()}}}',
            lambda: f'[*{self.name()}, {e()}]',
            lambda: f'(-{e()})',
            lambda: f'(await {e()})' if aw else self.name(),
            lambda: f'({self.name()} := {self.name()})',
        ]
        return forms[k]()

    def block(self, ind, d, ctx):
        return [l for _ in range(self.r.randrange(1, 4)) for l in self.stmt(ind, d, ctx)]

    def stmt(self, ind, d, ctx):
        r = self.r
        p = '    ' * ind
        loop, func, aw, gen = ctx
        e = lambda: self.expr(0, aw)
        b = lambda c=ctx: self.block(ind + 1, d + 1, c)
        in_loop = (True, func, aw, gen)
        k = r.randrange(24 if d < 3 else 8)
        if k == 0:
            return [f'{p}{self.name()} = {e()}']
        if k == 1:
            return [f'{p}{e()}']
        if k == 2:
            return [f'{p}{self.name()}.attr[{e()}] += {e()}']
        if k == 3 and loop:
            return [f'{p}{r.choice(["break", "continue"])}']
        if k == 4 and func:
            return [f'{p}return {e()}' if r.random() < .7 else f'{p}return']
        if k == 5 and gen:
            return [f'{p}{self.name()} = yield {e()}']
        if k == 6:
            return [f'{p}{self.name()}, *{self.name()} = {e()}']
        if k == 7:
            return [f'{p}assert {e()}, {e()}']
        if k == 8:
            return [f'{p}if {e()}:'] + b() + ([f'{p}else:'] + b() if r.random() < .5 else [])
        if k == 9:
            return [f'{p}while {e()}:'] + b(in_loop) + ([f'{p}else:'] + b() if r.random() < .3 else [])
        if k == 10:
            return [f'{p}for {self.name()}, {self.name()} in {e()}:'] + b(in_loop)
        if k == 11:
            return ([f'{p}try:'] + b() + [f'{p}except {r.choice(["E", "(E, F)", "E as e"])}:'] + b()
                    + ([f'{p}else:'] + b() if r.random() < .3 else [])
                    + ([f'{p}finally:'] + b() if r.random() < .5 else []))
        if k == 12:
            return [f'{p}try:'] + b() + [f'{p}finally:'] + b()
        if k == 13 and not (loop or func):
            return [f'{p}try:'] + b() + [f'{p}except* E as eg:'] + b()
        if k == 14:
            return [f'{p}with {e()} as {self.name()}, {e()}:'] + b()
        if k == 15 and aw:
            return [f'{p}async with {e()} as {self.name()}:'] + b()
        if k == 16 and aw:
            return [f'{p}async for {self.name()} in {e()}:'] + b(in_loop)
        if k == 17:
            return [f'{p}def f{r.randrange(9)}({self.name()}, *args, k={e()}):'] + self.block(ind + 1, d + 1, (False, True, False, True))
        if k == 18:
            return [f'{p}async def af{r.randrange(9)}({self.name()}):'] + self.block(ind + 1, d + 1, (False, True, True, False))
        if k == 19:
            return [f'{p}class K{r.randrange(9)}({self.name()}):'] + self.block(ind + 1, d + 1, (False, False, False, False))
        if k == 20:
            return ([f'{p}match {e()}:', f'{p}    case [{self.name()}, *rest] if {e()}:'] + self.block(ind + 2, d + 1, ctx)
                    + [f'{p}    case {{"k": {self.name()}}} | (1 | 2):' if False else f'{p}    case (1 | 2) as q:'] + self.block(ind + 2, d + 1, ctx)
                    + ([f'{p}    case _:'] + self.block(ind + 2, d + 1, ctx) if r.random() < .5 else []))
        if k == 21:
            return [f'{p}del {self.name()}']
        if k == 22:
            return [f'{p}global {self.name()}'] if func else [f'{p}import os.path as {self.name()}']
        return [f'{p}pass']

    def program(self):
        return '\n'.join(self.block(0, 0, (False, False, False, False))) + '\n'


def main():
    pyrs = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    tmp = f'fuzz-{os.getpid()}.py'
    compiled = failed = 0
    for seed in range(first, first + count):
        src = Gen(seed).program()
        with open(tmp, 'w') as f:
            f.write(src)
        want = subprocess.run([sys.executable, os.path.join(HERE, 'codedump.py'), tmp], capture_output=True, text=True)
        if want.returncode != 0:
            continue
        compiled += 1
        got = subprocess.run([pyrs, tmp], capture_output=True, text=True)
        if got.stdout != want.stdout:
            failed += 1
            with open(f'fuzz-fail-{seed}.py', 'w') as f:
                f.write(src)
    os.remove(tmp)
    print(f'fuzz parity: {compiled - failed} passed, {failed} failed')


if __name__ == '__main__':
    main()
