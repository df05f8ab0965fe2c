//! Criterion micro-benchmarks of core operations: each benchmark compiles a small
//! Python function whose loop body repeats one operation, then times calls of it
//! through the interpreter (compile once, call many times, as pyperf's timeit does).
//!
//! Run with `cargo bench -p modules --bench core_ops` (add a name to filter, e.g.
//! `-- attr_load`). The figure is the time of one call, i.e. of `LOOPS` iterations of
//! the body plus the loop's own `FOR_ITER`/`STORE_FAST`/`JUMP_BACKWARD`; the `empty`
//! benchmark measures that overhead alone.

use criterion::{criterion_group, criterion_main, Criterion};

use objects::prelude::*;

/// Iterations of the loop body per timed call.
const LOOPS: i64 = 1000;

/// Set-up shared by every snippet: a class, a generator function, a few globals.
const PRELUDE: &str = r#"
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return self.x + self.y

def add(a, b):
    return a + b

def count(n):
    i = 0
    while True:
        yield i
        i += 1

class Boom(Exception):
    pass
"#;

/// (name, set-up lines inside the function, loop body).
const SNIPPETS: &[(&str, &str, &str)] = &[
    ("empty", "", "pass"),
    ("int_add", "a = 12345; b = 678", "c = a + b"),
    ("float_mul", "a = 1.5; b = 2.25", "c = a * b"),
    ("attr_load", "p = Point(1, 2)", "v = p.x"),
    ("attr_store", "p = Point(1, 2)", "p.x = 3"),
    ("method_call", "p = Point(1, 2)", "v = p.norm1()"),
    ("function_call", "", "v = add(1, 2)"),
    ("builtin_call", "s = 'abc'", "v = len(s)"),
    ("dict_get", "d = {'k': 1, 'j': 2}", "v = d['k']"),
    ("dict_set", "d = {'k': 1, 'j': 2}", "d['k'] = 3"),
    ("list_append", "xs = []", "xs.append(1)"),
    ("list_index", "xs = [1, 2, 3, 4]", "v = xs[2]"),
    ("str_concat", "a = 'spam'; b = 'eggs'", "v = a + b"),
    ("str_format", "a = 42; b = 'x'", "v = f'{a}-{b}'"),
    ("generator_step", "g = count(0)", "v = next(g)"),
    (
        "exception_raise_catch",
        "",
        "try:\n        raise Boom\n    except Boom:\n        pass",
    ),
    ("compare_int", "a = 1; b = 2", "v = a < b"),
    ("global_load", "", "v = Point"),
    ("unpack_tuple", "t = (1, 2)", "a, b = t"),
];

/// Initialise the interpreter once, on the benchmark thread.
fn init() {
    modules::config::register_builtin_modules();
    let ts = include::pystate::_PyThreadState_GET();
    // The main thread's default stack is 8 MiB; keep 1 MiB of margin.
    ts.set_native_stack(8 << 20, 1 << 20);
    let cfg = python::sysmodule::SysConfig {
        executable: std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
        ..Default::default()
    };
    python::pylifecycle::Py_InitializeFromConfig(&cfg).expect("interpreter start-up");
}

/// Compile `def bench_<name>(n): <setup>; for _ in range(n): <body>` and return it.
fn make_function(name: &str, setup: &str, body: &str) -> PyObjectRef {
    let source = format!(
        "{PRELUDE}\ndef bench_{name}(n):\n    {setup}\n    for _ in range(n):\n        {}\n",
        body.replace("\n    ", "\n        ")
    );
    let d = python::pythonrun::main_dict().expect("__main__");
    let code =
        python::pythonrun::compile_source(&source, "<bench>", python::compile::Mode::Exec, 0)
            .unwrap_or_else(|e| panic!("snippet {name} does not compile: {e:?}"));
    python::ceval::PyEval_EvalCode(code, d.as_object(), d.as_object())
        .unwrap_or_else(|e| panic!("snippet {name} failed: {e:?}"));
    let key = objects::unicodeobject::PyUnicode_FromString(&format!("bench_{name}"));
    objects::dictobject::PyDict_GetItemWithError(&d, &key)
        .ok()
        .flatten()
        .expect("the bench function is defined")
}

fn core_ops(c: &mut Criterion) {
    init();
    let n = objects::longobject::PyLong_FromLong(LOOPS);
    let mut group = c.benchmark_group("core_ops");
    for (name, setup, body) in SNIPPETS {
        let f = make_function(name, setup, body);
        // One untimed call checks that the snippet runs.
        objects::call::PyObject_CallOneArg(&f, &n)
            .unwrap_or_else(|e| panic!("snippet {name} raised: {e:?}"));
        group.bench_function(*name, |b| {
            b.iter(|| objects::call::PyObject_CallOneArg(&f, &n).is_ok())
        });
    }
    group.finish();
}

criterion_group!(benches, core_ops);
criterion_main!(benches);
