"""Builtins and operators fed absurd sizes, indices, precisions and types: each gives a Python exception or a result, never a crash."""
import sys
tests = [
    "format(1, '.10000000000f')", "'a'.center(10**12)",
    "'x' * (2**63)", "[0] * (2**62)", "bytearray(10**15)", "range(10**30)[10**29]", "list(range(10**20))",
    "'abc'[10**30]", "'abc'[-10**30:10**30]", "[1,2,3][::10**30]", "[1][::-(10**30)]", "(1,) * -5",
    "int('9' * 100000)", "float('9' * 400)", "10 ** -400", "2 ** 10000 / 3", "(2**10000) * 1.0",
    "round(1e308, -400)", "round(5, 10**10)", "divmod(10**400, 1e-300)",
    "chr(sys.maxunicode + 1)", "'\\ud800'.encode()", "b'\\xff'.decode()", "str(b'x', 'nope')",
    "'%c' % -1", "f'{1:{\"x\" * 10}}'",
    "int.from_bytes(b'\\xff' * 100000, 'big') % 7", "hash(float('nan')) is not None", "pow(10, 10**10, 0)",
    "pow(0, -1, 5)", "pow(2, -1, 4)", "sum([1e308, 1e308])", "max([], default=1)", "sorted([3, 2, 1], key=lambda x: 1/0)",
    "[].pop(10**30)", "[1].insert(10**30, 2)", "'a'.join([1])", "''.join(str(i) for i in range(10))",
    "slice(1, 2, 0).indices(5)", "range(0, 10, 0)", "complex(1e308, 1e308) * 10",
    "abs(complex(1e308, 1e308))", "(1j) ** 1e10", "0j ** -1", "1 / 0j", "int('1' * 5000)",
    "'{0:{0:{0}}}'.format(1)", "'{:{}{}}'.format(1, 2, 3)", "'{!}'.format(1)", "'{0!r:}'.format(1)",
    "compile('x' * 100000, 's', 'eval')", "eval('1' + '+1' * 5000)", "dict.fromkeys(range(100000)).__len__()",
    "set(range(100000)) == set(range(100000))", "tuple(range(10**6))[-1]", "'%s' % ((1,) * 100)",
    "list(zip(*[range(3)] * 1000))[0][:3]", "getattr(1, 'x' * 100000, None)", "type('x' * 10000, (), {}).__name__[:3]",
    "isinstance(1, (int,) * 100000)", "issubclass(int, ((int,),) * 10)", "ord(chr(0x10FFFF))",
    "bytes(range(256)).decode('latin-1')[-1]", "'x'.encode('utf-32')[:4]", "float.fromhex('0x1p99999')",
    "(0.1).as_integer_ratio()", "int(1e308)", "int(float('inf'))", "int(float('nan'))", "float(10**309)",
    "1e308 * 10 == float('inf')", "[*range(5)][::-2]", "list(reversed(range(-5, 5, 3)))", "next(iter([]), 1)",
    "print.__call__.__call__.__call__('deep call chain')", "exec('def f(): return f\\nf()()()')",
]
for t in tests:
    try:
        r = eval(t)
        s = repr(r)
        print(t[:40], "->", s[:60])
    except BaseException as e:
        print(t[:40], "->", type(e).__name__, str(e)[:80])
