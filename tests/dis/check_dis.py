"""Check pyrs's lib/dis.py against the host CPython 3.11 dis, byte for byte.

Run with the host interpreter from anywhere:

    python3 tests/dis/check_dis.py            # every sample plus API checks
    python3 tests/dis/check_dis.py s07 s21    # only samples whose name has these
    python3 tests/dis/check_dis.py --stdlib   # also every module of the host stdlib

Our dis.py runs under python3 here, loaded from its path with our opcode.py
standing in for `opcode`; the host's own dis is the oracle. For each sample
in samples/ it compares:
  * `python3 -m dis sample.py` with our dis.py run as __main__ (file and stdin);
  * dis(), show_caches=True, depth=0/1, code_info(), get_instructions(),
    Bytecode (iteration, dis(), info(), first_line), findlabels, findlinestarts,
    the exception table and the raw co_code listing, for every function,
    method, class and generator object in the imported sample;
  * dis(..., adaptive=True) with and without caches after calling the
    sample's warmup() 1000 times, so the code has specialised.
Memory addresses are normalised only inside "<code object NAME at 0x...",
where two processes legitimately differ.
"""
import contextlib
import difflib
import dis as host
import importlib.util
import io
import os
import re
import subprocess
import sys
import sysconfig
import types
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.normpath(os.path.join(HERE, "..", "..", "lib"))
SAMPLES = os.path.join(HERE, "samples")
WARMUP_CALLS = 1000
sys.dont_write_bytecode = True   # keep samples/ free of __pycache__

# Run our dis.py as a script, with our opcode.py installed as `opcode` first.
DRIVER = r"""
import importlib.util, runpy, sys
lib = sys.argv.pop(1)
spec = importlib.util.spec_from_file_location("opcode", lib + "/opcode.py")
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
sys.modules["opcode"] = mod
sys.argv[0] = lib + "/dis.py"
runpy.run_path(lib + "/dis.py", run_name="__main__")
"""

CODE_ADDR = re.compile(r"(<code object \S+ at )0x[0-9a-f]+")


def load_ours():
    """Import lib/dis.py as `pyrs_dis`, bound to lib/opcode.py."""
    saved = sys.modules.get("opcode")
    spec = importlib.util.spec_from_file_location(
        "opcode", os.path.join(LIB, "opcode.py"))
    our_opcode = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(our_opcode)
    sys.modules["opcode"] = our_opcode
    try:
        spec = importlib.util.spec_from_file_location(
            "pyrs_dis", os.path.join(LIB, "dis.py"))
        ours = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(ours)
    finally:
        if saved is None:
            del sys.modules["opcode"]
        else:
            sys.modules["opcode"] = saved
    return ours


ours = load_ours()


class Checker:
    """Counts comparisons and records the failing ones with a short diff."""

    def __init__(self):
        self.count = 0
        self.failures = []

    def same(self, label, expected, actual):
        self.count += 1
        # Source strings compile afresh on each call, so code objects shown
        # in a listing may sit at different addresses: mask that one spot.
        if isinstance(expected, str) and isinstance(actual, str):
            expected = CODE_ADDR.sub(r"\g<1>0xADDR", expected)
            actual = CODE_ADDR.sub(r"\g<1>0xADDR", actual)
        if expected == actual:
            return True
        if isinstance(expected, str) and isinstance(actual, str):
            diff = difflib.unified_diff(expected.splitlines(),
                                        actual.splitlines(),
                                        "host", "pyrs", lineterm="", n=1)
            detail = "\n".join(list(diff)[:24])
        else:
            detail = f"host: {expected!r:.600}\npyrs: {actual!r:.600}"
        self.failures.append(f"{label}\n{detail}")
        return False


def capture(module, func, *args, **kwargs):
    """Run module.func writing to a StringIO; return text or the exception."""
    buf = io.StringIO()
    try:
        getattr(module, func)(*args, file=buf, **kwargs)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return buf.getvalue()


def call(module, func, *args, **kwargs):
    """Call module.func; return its result or a description of its error."""
    try:
        return getattr(module, func)(*args, **kwargs)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


def unknown_free(value, module):
    # Each dis has its own UNKNOWN sentinel object; compare them by role.
    if value is module.UNKNOWN:
        return "<UNKNOWN>"
    return value


def instr_tuples(module, instructions):
    if isinstance(instructions, str):
        return instructions
    rows = []
    for i in instructions:
        rows.append((i.opname, i.opcode, i.arg, unknown_free(i.argval, module),
                     i.argrepr, i.offset, i.starts_line, i.is_jump_target,
                     tuple(i.positions) if i.positions is not None else None))
    return rows


def instr_reprs(module, instructions):
    if isinstance(instructions, str):
        return instructions
    return [repr(i) for i in instructions]


def run_cli(args, stdin_path=None, ours_too=True):
    """Return ((out, err, rc) from python3 -m dis, same from our dis.py)."""
    results = []
    commands = [[sys.executable, "-m", "dis"] + args]
    if ours_too:
        commands.append([sys.executable, "-c", DRIVER, LIB] + args)
    for command in commands:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            proc = subprocess.run(command, cwd=HERE, stdin=stdin,
                                  capture_output=True, text=True)
        finally:
            if stdin_path:
                stdin.close()
        out = CODE_ADDR.sub(r"\g<1>0xADDR", proc.stdout)
        results.append(f"rc={proc.returncode}\n--stdout--\n{out}"
                       f"--stderr--\n{proc.stderr}")
    return results


def import_sample(path):
    name = "sample_" + os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def collect_targets(module):
    """(label, object) for every function, method and class in a sample."""
    targets = []
    seen = set()

    def add(label, obj):
        if id(obj) not in seen:
            seen.add(id(obj))
            targets.append((label, obj))

    def walk_class(prefix, cls):
        add(prefix, cls)
        for name, member in sorted(vars(cls).items()):
            label = prefix + "." + name
            if isinstance(member, (staticmethod, classmethod)):
                add(label, member)
                add(label + ".__func__", member.__func__)
            elif isinstance(member, property):
                for part in ("fget", "fset", "fdel"):
                    if getattr(member, part) is not None:
                        add(label + "." + part, getattr(member, part))
            elif isinstance(member, types.FunctionType):
                add(label, member)
            elif isinstance(member, type) and member.__module__ == module.__name__:
                walk_class(label, member)

    for name, obj in sorted(vars(module).items()):
        if isinstance(obj, types.FunctionType) and obj.__module__ == module.__name__:
            add(name, obj)
            # A bound method reaches its function through __func__.
            add(name + " (bound)", types.MethodType(obj, object()))
        elif isinstance(obj, type) and obj.__module__ == module.__name__:
            walk_class(name, obj)
        elif isinstance(obj, types.GeneratorType):
            add(name + " (generator object)", obj)
    return targets


def code_of(obj):
    """The code object behind a target, or None for classes."""
    obj = getattr(obj, "__func__", obj)
    obj = getattr(obj, "__code__", obj)
    return obj if isinstance(obj, types.CodeType) else None


def all_code(co):
    found = [co]
    for const in co.co_consts:
        if isinstance(const, types.CodeType):
            found.extend(all_code(const))
    return found


def generator_objects(targets):
    """Generator, coroutine and async generator objects from zero-arg functions."""
    made = []
    for label, obj in targets:
        if not isinstance(obj, types.FunctionType):
            continue
        co = obj.__code__
        kind_flags = co.co_flags & (0x20 | 0x80 | 0x200)
        no_args = co.co_argcount == 0 and co.co_kwonlyargcount == 0
        if kind_flags and no_args:
            made.append((label + "()", obj()))
    return made


def close_all(objects):
    for _, obj in objects:
        closer = getattr(obj, "close", None) or getattr(obj, "aclose", None)
        result = closer() if closer else None
        if hasattr(result, "close"):
            result.close()


def check_static(check, label, obj):
    """Everything that does not depend on specialisation."""
    for kwargs in ({}, {"show_caches": True}, {"depth": 0}, {"depth": 1}):
        check.same(f"{label}: dis {kwargs}",
                   capture(host, "dis", obj, **kwargs),
                   capture(ours, "dis", obj, **kwargs))
    co = code_of(obj)
    if co is None:
        return
    check.same(f"{label}: code_info", call(host, "code_info", obj),
               call(ours, "code_info", obj))
    for kwargs in ({}, {"show_caches": True}, {"first_line": 5000}):
        check.same(f"{label}: get_instructions {kwargs}",
                   instr_tuples(host, call(host, "get_instructions", obj, **kwargs)),
                   instr_tuples(ours, call(ours, "get_instructions", obj, **kwargs)))
    check.same(f"{label}: Instruction reprs",
               instr_reprs(host, host.get_instructions(obj)),
               instr_reprs(ours, ours.get_instructions(obj)))
    for kwargs in ({}, {"first_line": 1}, {"show_caches": True},
                   {"current_offset": 6}):
        hb = host.Bytecode(obj, **kwargs)
        ob = ours.Bytecode(obj, **kwargs)
        check.same(f"{label}: Bytecode({kwargs}).dis()", hb.dis(), ob.dis())
        check.same(f"{label}: Bytecode({kwargs}) iteration",
                   instr_tuples(host, list(hb)), instr_tuples(ours, list(ob)))
    check.same(f"{label}: Bytecode.info()", host.Bytecode(obj).info(),
               ours.Bytecode(obj).info())
    check.same(f"{label}: Bytecode repr", repr(host.Bytecode(obj)),
               repr(ours.Bytecode(obj)))
    for code in all_code(co):
        where = f"{label}: {code.co_name}"
        check.same(f"{where}: findlabels", host.findlabels(code.co_code),
                   ours.findlabels(code.co_code))
        check.same(f"{where}: findlinestarts", list(host.findlinestarts(code)),
                   list(ours.findlinestarts(code)))
        check.same(f"{where}: exception table",
                   [tuple(e) for e in host._parse_exception_table(code)],
                   [tuple(e) for e in ours._parse_exception_table(code)])
        size = len(code.co_varnames) + len(code.co_cellvars) + len(code.co_freevars)
        expected, actual = [], []
        lookup = ours._varname_from_oparg(code)
        for index in range(size):
            try:
                expected.append(code._varname_from_oparg(index))
            except IndexError:
                break
            actual.append(lookup(index))
        check.same(f"{where}: local names", expected, actual)
    check.same(f"{label}: raw co_code", capture(host, "dis", co.co_code),
               capture(ours, "dis", co.co_code))


def check_adaptive(check, label, obj):
    for kwargs in ({"adaptive": True}, {"adaptive": True, "show_caches": True}):
        check.same(f"{label}: dis {kwargs}",
                   capture(host, "dis", obj, **kwargs),
                   capture(ours, "dis", obj, **kwargs))
    if code_of(obj) is None:
        return
    kwargs = {"adaptive": True, "show_caches": True}
    check.same(f"{label}: get_instructions {kwargs}",
               instr_tuples(host, call(host, "get_instructions", obj, **kwargs)),
               instr_tuples(ours, call(ours, "get_instructions", obj, **kwargs)))
    check.same(f"{label}: Bytecode(adaptive).dis()",
               host.Bytecode(obj, adaptive=True).dis(),
               ours.Bytecode(obj, adaptive=True).dis())


def check_sample(path):
    check = Checker()
    name = os.path.basename(path)
    rel = os.path.relpath(path, HERE)
    host_out, our_out = run_cli([rel])
    check.same("python -m dis FILE", host_out, our_out)
    host_out, our_out = run_cli([], stdin_path=path)
    check.same("python -m dis < FILE", host_out, our_out)

    module = import_sample(path)
    source = open(path).read()
    for kwargs in ({}, {"depth": 0}):
        check.same(f"dis(source string) {kwargs}",
                   capture(host, "dis", source, **kwargs),
                   capture(ours, "dis", source, **kwargs))
    check.same("code_info(source)", call(host, "code_info", source),
               call(ours, "code_info", source))
    check.same("dis(module)", capture(host, "dis", module),
               capture(ours, "dis", module))
    # With file=None both must write to whatever sys.stdout is at call time.
    outputs = []
    for module_dis in (host, ours):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            module_dis.dis(compile(source, path, "exec"))
        outputs.append(buf.getvalue())
    check.same("dis(module code) to sys.stdout", outputs[0], outputs[1])
    module_code = compile(source, path, "exec")
    check.same("_find_imports", list(host._find_imports(module_code)),
               list(ours._find_imports(module_code)))
    check.same("_find_store_names", list(host._find_store_names(module_code)),
               list(ours._find_store_names(module_code)))

    targets = collect_targets(module)
    objects = generator_objects(targets)
    for label, obj in targets + objects:
        check_static(check, label, obj)

    warmup = getattr(module, "warmup", None)
    specialised = False
    if warmup is not None:
        with contextlib.redirect_stdout(io.StringIO()):
            for _ in range(WARMUP_CALLS):
                warmup()
        for label, obj in targets + objects:
            check_adaptive(check, label, obj)
            co = code_of(obj)
            if co is not None and co._co_code_adaptive != co.co_code:
                specialised = True
        check.same("dis(module, adaptive=True)",
                   capture(host, "dis", module, adaptive=True),
                   capture(ours, "dis", module, adaptive=True))
    close_all(objects)
    note = " (specialised)" if specialised else ""
    return name, check, note


def check_api():
    """Module-level API, error paths, tracebacks, raw bytes and the CLI."""
    check = Checker()
    check.same("__all__", host.__all__, ours.__all__)
    # Ours imports only sys and opcode, recognises code holders by duck typing
    # instead of the _have_code type tuple, and leaves no loop variables
    # (spec_op, specialized) behind at module level.
    skipped = {"collections", "io", "types", "_have_code", "spec_op",
               "specialized"}
    host_public = sorted(n for n in dir(host)
                         if not n.startswith("__") and n not in skipped)
    check.same("names defined", host_public,
               sorted(n for n in host_public if hasattr(ours, n)))
    for name in ("_all_opname", "_all_opmap", "deoptmap", "COMPILER_FLAG_NAMES",
                 "FORMAT_VALUE_CONVERTERS", "MAKE_FUNCTION_FLAGS", "_empty_slot"):
        check.same(f"value of {name}", getattr(host, name), getattr(ours, name))
    for flags in (0, 1, 3, 0x20 | 0x200, 0x400, 0x20000000 | 1, 1 << 40,
                  (1 << 40) | 2, 0x4000000, -1):
        check.same(f"pretty_flags({flags})", host.pretty_flags(flags),
                   ours.pretty_flags(flags))

    # Unsupported objects and missing tracebacks raise the same errors.
    for obj in (42, None.__class__, 1.5):
        check.same(f"dis({obj!r})", capture(host, "dis", obj),
                   capture(ours, "dis", obj))
        check.same(f"code_info({obj!r})", call(host, "code_info", obj),
                   call(ours, "code_info", obj))
    saved_tb = getattr(sys, "last_traceback", None)
    if hasattr(sys, "last_traceback"):
        del sys.last_traceback
    check.same("distb() without traceback", capture(host, "distb"),
               capture(ours, "distb"))

    # Tracebacks: the raising instruction is marked with -->.
    def failing(x):
        y = [x]
        return y[5]
    try:
        failing(1)
    except IndexError:
        tb = sys.exc_info()[2]
    check.same("distb(tb)", capture(host, "distb", tb), capture(ours, "distb", tb))
    check.same("Bytecode.from_traceback(tb).dis()",
               host.Bytecode.from_traceback(tb).dis(),
               ours.Bytecode.from_traceback(tb).dis())
    sys.last_traceback = tb
    check.same("dis() of last traceback", capture(host, "dis"), capture(ours, "dis"))
    check.same("distb() of last traceback", capture(host, "distb"),
               capture(ours, "distb"))
    if saved_tb is None:
        del sys.last_traceback
    else:
        sys.last_traceback = saved_tb

    # Raw bytes: unknown opcodes, EXTENDED_ARG chains that overflow a C int,
    # jumps, and bytes that end mid-cache.
    raw_cases = [
        bytes([144, 255, 144, 255, 144, 255, 144, 255, 100, 1, 83, 0]),
        bytes([144, 1, 110, 2, 9, 0, 140, 1, 3, 0, 250, 7]),
        bytes([116, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 124, 0, 137, 1, 155, 5]),
        bytearray([122, 0, 0, 0, 107, 2, 0, 0]),
        bytes([151, 0, 106, 1]),
    ]
    for raw in raw_cases:
        check.same(f"dis(raw {bytes(raw)!r})", capture(host, "dis", raw),
                   capture(ours, "dis", raw))
        check.same(f"_get_instructions_bytes(raw {bytes(raw)!r})",
                   instr_tuples(host, list(host._get_instructions_bytes(raw))),
                   instr_tuples(ours, list(ours._get_instructions_bytes(raw))))
        check.same(f"findlabels(raw {bytes(raw)!r})", host.findlabels(raw),
                   ours.findlabels(raw))

    # Short sources, both as expressions and as statements.
    for src in ("a + b", "x = 1", "lambda: 0", "f(*a, **k)", "1 if x else 2",
                "for i in x: pass", "[x async for x in y]"):
        check.same(f"dis({src!r})", capture(host, "dis", src),
                   capture(ours, "dis", src))
        check.same(f"code_info({src!r})", call(host, "code_info", src),
                   call(ours, "code_info", src))
    check.same("show_code", capture(host, "show_code", check_api),
               capture(ours, "show_code", check_api))

    # The named-tuple stand-ins behave like CPython's.
    hi = next(iter(host.get_instructions(check_api)))
    oi = next(iter(ours.get_instructions(check_api)))
    check.same("Instruction fields", hi._fields, oi._fields)
    check.same("Instruction._replace", tuple(hi._replace(arg=7, offset=9)),
               tuple(oi._replace(arg=7, offset=9)))
    check.same("Instruction._asdict keys", list(hi._asdict()), list(oi._asdict()))
    check.same("Instruction indexing", (hi[0], hi[-1], len(hi)),
               (oi[0], oi[-1], len(oi)))
    check.same("Instruction == tuple", hi == tuple(hi), oi == tuple(oi))
    check.same("Positions()", repr(host.Positions()), repr(ours.Positions()))
    check.same("Positions defaults", tuple(host.Positions(1)),
               tuple(ours.Positions(1)))
    check.same("Instruction default positions",
               repr(host.Instruction("NOP", 9, None, None, "", 0, None, False)),
               repr(ours.Instruction("NOP", 9, None, None, "", 0, None, False)))
    check.same("_disassemble(mark, widths)",
               hi._disassemble(5, True, 7), oi._disassemble(5, True, 7))
    check.same("_disassemble(no lineno)", hi._disassemble(0), oi._disassemble(0))

    # Real modules hold classes, builtins, descriptors and imported modules:
    # only code holders are disassembled, and the rest skipped, as on the host.
    for name in ("json", "textwrap", "string", "functools", "collections",
                 "enum"):
        module = importlib.import_module(name)
        check.same(f"dis({name} module)", capture(host, "dis", module),
                   capture(ours, "dis", module))

    # Command-line errors and help match argparse's.
    samples = sorted(os.listdir(SAMPLES))
    first = os.path.join("samples", samples[0])
    for args in (["-h"], ["--help"], ["does/not/exist.py"], [first, "extra"],
                 ["-x", first], [first, "-q"]):
        host_out, our_out = run_cli(args)
        check.same(f"python -m dis {' '.join(args)}", host_out, our_out)
    host_out, our_out = run_cli(["-"], stdin_path=os.path.join(SAMPLES, samples[0]))
    check.same("python -m dis - < FILE", host_out, our_out)
    return "api", check, ""


def check_stdlib():
    """Disassemble every module of the host stdlib (bar site-packages) with both."""
    check = Checker()
    stdlib = sysconfig.get_paths()["stdlib"]
    paths = []
    for folder, subdirs, files in os.walk(stdlib):
        subdirs[:] = sorted(d for d in subdirs if d != "site-packages")
        paths.extend(os.path.join(folder, f) for f in sorted(files)
                     if f.endswith(".py"))
    for path in paths:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                code = compile(open(path, "rb").read(), path, "exec")
        except (SyntaxError, ValueError):
            continue   # test data files that are deliberately broken
        check.same(f"stdlib {os.path.relpath(path, stdlib)}",
                   capture(host, "dis", code), capture(ours, "dis", code))
    return "stdlib", check, ""


def main(argv):
    want_stdlib = "--stdlib" in argv
    filters = [a for a in argv if not a.startswith("--")]
    paths = [os.path.join(SAMPLES, n) for n in sorted(os.listdir(SAMPLES))
             if n.endswith(".py") and (not filters or any(f in n for f in filters))]
    results = [check_sample(p) for p in paths]
    if not filters:
        results.append(check_api())
    if want_stdlib:
        results.append(check_stdlib())
    failed = 0
    for name, check, note in results:
        status = "FAIL" if check.failures else "PASS"
        print(f"{status} {name}: {check.count - len(check.failures)}/"
              f"{check.count} checks{note}")
        for failure in check.failures[:5]:
            print("    " + failure.replace("\n", "\n    "))
        failed += bool(check.failures)
    print(f"{len(results) - failed}/{len(results)} passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
