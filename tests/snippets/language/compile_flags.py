# compile() flags: CO_FUTURE_* features, PyCF_ALLOW_TOP_LEVEL_AWAIT (as asyncio's REPL
# uses it), the unrecognised-flags error, str/bytes/PathLike file names.
import ast, __future__
import asyncio
def tryit(f):
    try: print(f())
    except BaseException as e: print(type(e).__name__, e, getattr(e,'lineno',None), getattr(e,'offset',None))
fl = __future__.annotations.compiler_flag
tryit(lambda: compile("x", "f", "exec", 0x8000000))
tryit(lambda: compile("def f(x: int): pass", "f", "exec", fl).co_flags)
tryit(lambda: compile("1", "f", "eval", fl).co_flags)
tryit(lambda: compile("def f(x: int): pass", "f", "exec", fl).co_consts[0].co_flags)
ns = {}
exec(compile("def f(x: int, *, y: list[str]) -> None: pass", "f", "exec", fl), ns)
print(ns['f'].__annotations__)
exec(compile("def f(x: int): pass", "f", "exec"), ns)
print(ns['f'].__annotations__)
tryit(lambda: compile("x = 1", "f", "exec", __future__.division.compiler_flag).co_flags)
tryit(lambda: compile("x = 1", "f", "exec", __future__.generator_stop.compiler_flag | fl).co_flags)
T = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
tryit(lambda: compile("await x", "f", "exec").co_flags)
tryit(lambda: compile("await x", "f", "exec", T).co_flags)
tryit(lambda: compile("x = 1", "f", "exec", T).co_flags)
tryit(lambda: compile("await x", "f", "eval", T).co_flags)
tryit(lambda: compile("async for x in y: pass", "f", "exec", T).co_flags)
tryit(lambda: compile("async with y as x: pass", "f", "exec", T).co_flags)
tryit(lambda: compile("[x async for x in y]", "f", "exec", T).co_flags)
tryit(lambda: compile("[x async for x in y]", "f", "exec").co_flags)
tryit(lambda: compile("def f():\n  await x", "f", "exec", T).co_flags)
tryit(lambda: compile("(x async for x in y)", "f", "exec", T).co_flags)
async def agen():
    for i in range(3):
        yield i
async def sq(v):
    await asyncio.sleep(0)
    return v * v
src = """
r = await sq(7)
out = [v async for v in agen()]
async for v in agen():
    out.append(v * 10)
"""
co = compile(src, "<aw>", "exec", T)
g = {'sq': sq, 'agen': agen, 'asyncio': asyncio}
coro = eval(co, g)
print(type(coro).__name__)
asyncio.run(coro)
print(g['r'], g['out'])
print(asyncio.run(eval(compile("await sq(5)", "<e>", "eval", T), g)))
tryit(lambda: compile("x = 1", b"bytesname", "exec").co_filename)
import pathlib
tryit(lambda: compile("x = 1", pathlib.Path("p/q.py"), "exec").co_filename)
tryit(lambda: compile("x = 1", 3, "exec").co_filename)
class P:
    def __fspath__(self): return 3
tryit(lambda: compile("x = 1", P(), "exec").co_filename)
tryit(lambda: compile("x", "f", "exec", -1))
tryit(lambda: compile("x", "f", "exec", 0x10).co_flags)
