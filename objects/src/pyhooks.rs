//! Hooks through which `objects` calls up into the interpreter (`python` crate).
//!
//! CPython's Objects/ can call Python/ceval.c directly; in pyrs the crate order is
//! `include` <- `objects` <- `python`, so a function object's `tp_call`, a generator's
//! `send`, or `repr()` of a frame reach the eval loop through these function pointers,
//! which `python::pylifecycle` fills in at start-up before any Python code runs.

use std::cell::Cell;

use include::frame::_PyInterpreterFrame;
use include::object::GlobalCell;
use include::{PyObject, PyObjectRef, PyResult};

/// The type of [`Hooks::function_call`].
pub type FunctionCallHook = fn(&PyObject, &[PyObjectRef], Option<&PyObject>) -> PyResult;
/// The type of [`Hooks::eval_frame`].
pub type EvalFrameHook = unsafe fn(*mut _PyInterpreterFrame, Option<PyObjectRef>) -> PyResult;
/// The type of [`Hooks::import_module`].
pub type ImportModuleHook = fn(&str) -> PyResult;
/// The unraisable-exception reporter installed by [`set_unraisable_hook`].
pub type UnraisableHook = fn(include::PyErr, Option<&PyObject>);
/// The pending-signal check installed by [`set_signal_check`].
pub type SignalCheckHook = fn() -> include::PyResult<()>;
/// The stack-effect function installed by [`set_stack_effect`].
pub type StackEffectHook = fn(u8, i32) -> Option<i32>;

/// The interpreter entry points `objects` needs.
pub struct Hooks {
    /// Call a Python function object (`_PyFunction_Vectorcall` -> `_PyEval_Vector`).
    pub function_call: Cell<Option<FunctionCallHook>>,
    /// Run a frame that is already set up, e.g. a generator's (`_PyEval_EvalFrame`).
    /// `throwflag` makes the frame raise the pending exception at its current
    /// instruction. Returns the value yielded or returned.
    pub eval_frame: Cell<Option<EvalFrameHook>>,
    /// Import a module by its absolute name, or find it in `sys.modules`
    /// (`PyImport_ImportModule`).
    pub import_module: Cell<Option<ImportModuleHook>>,
}

static HOOKS: GlobalCell<Hooks> = GlobalCell::new(Hooks {
    function_call: Cell::new(None),
    eval_frame: Cell::new(None),
    import_module: Cell::new(None),
});

/// The hooks (fields are `Cell`s: set them once at start-up).
#[inline(always)]
pub fn hooks() -> &'static Hooks {
    // SAFETY: the struct is only ever borrowed shared; its fields are `Cell`s.
    unsafe { HOOKS.get_ref() }
}

/// `PyImport_ImportModule(name)` through the interpreter's import system.
pub fn import_module(name: &str) -> PyResult {
    match hooks().import_module.get() {
        Some(f) => f(name),
        None => Err(crate::pyerrors::PyErr_SetString(
            &crate::exceptions::PyExc_ImportError,
            format!("cannot import {name}: the import system is not initialised"),
        )),
    }
}

static UNRAISABLE: GlobalCell<Cell<Option<UnraisableHook>>> = GlobalCell::new(Cell::new(None));

/// Install the reporter for exceptions that cannot be raised (`sys.unraisablehook`'s
/// caller, Python/errors.c `_PyErr_WriteUnraisableMsg`).
pub fn set_unraisable_hook(f: UnraisableHook) {
    // SAFETY: a Cell in a global.
    unsafe { UNRAISABLE.get_ref() }.set(Some(f));
}

/// Report an exception raised where nobody can catch it (in `__del__`, a weakref
/// callback): "Exception ignored in: <obj>" and the traceback, on stderr.
pub fn write_unraisable(err: include::PyErr, obj: Option<&PyObject>) {
    // SAFETY: a Cell in a global.
    match unsafe { UNRAISABLE.get_ref() }.get() {
        Some(f) => f(err, obj),
        None => eprintln!("Exception ignored: {err:?}"),
    }
}

static SIGNAL_CHECK: GlobalCell<Cell<Option<SignalCheckHook>>> = GlobalCell::new(Cell::new(None));

/// Install the interpreter's pending-signal check (Modules/signalmodule.c's
/// `PyErr_CheckSignals`).
pub fn set_signal_check(f: SignalCheckHook) {
    // SAFETY: a Cell in a global.
    unsafe { SIGNAL_CHECK.get_ref() }.set(Some(f));
}

/// `PyErr_CheckSignals`: run pending signal handlers (Ctrl-C raises
/// `KeyboardInterrupt`). Blocking calls use it when interrupted.
pub fn check_signals() -> include::PyResult<()> {
    // SAFETY: a Cell in a global.
    match unsafe { SIGNAL_CHECK.get_ref() }.get() {
        Some(f) => f(),
        None => Ok(()),
    }
}

/// `PyErr_WarnExplicitObject`'s signature.
pub type WarnExplicitFn = fn(
    &include::PyTypeObject,
    &PyObject,
    &PyObject,
    i64,
    Option<&PyObject>,
    Option<&PyObject>,
) -> include::PyResult<()>;

/// The warning functions of Python/_warnings.c, which `python` installs
/// (`python::_warnings::install_hooks`).
#[derive(Clone, Copy)]
pub struct WarningHooks {
    /// `PyErr_WarnEx(category, text, stack_level)`.
    pub warn_ex: fn(&include::PyTypeObject, &str, isize) -> include::PyResult<()>,
    /// `PyErr_WarnExplicitObject(category, message, filename, lineno, module, registry)`.
    pub warn_explicit: WarnExplicitFn,
    /// `PyErr_ResourceWarning(source, stack_level, text)`.
    pub resource_warning: fn(&PyObject, isize, &str) -> include::PyResult<()>,
    /// `_PyErr_WarnUnawaitedCoroutine(coro)`.
    pub unawaited_coroutine: fn(&PyObject),
}

static WARNINGS: GlobalCell<Cell<Option<WarningHooks>>> = GlobalCell::new(Cell::new(None));

/// Install the warning functions.
pub fn set_warning_hooks(h: WarningHooks) {
    // SAFETY: a Cell in a global.
    unsafe { WARNINGS.get_ref() }.set(Some(h));
}

/// Whether the warning functions are installed (the interpreter is running).
pub fn warnings_ready() -> bool {
    warning_hooks().is_some()
}

fn warning_hooks() -> Option<WarningHooks> {
    // SAFETY: a Cell in a global.
    unsafe { WARNINGS.get_ref() }.get()
}

/// `PyErr_WarnEx` (Python/_warnings.c): issue a warning of `category`, attributed
/// to the Python frame `stack_level` levels up (1: the caller of the built-in).
/// `Err` when a filter turns the warning into an exception.
pub fn PyErr_WarnEx(
    category: &include::PyTypeObject,
    text: &str,
    stack_level: isize,
) -> include::PyResult<()> {
    match warning_hooks() {
        Some(h) => (h.warn_ex)(category, text, stack_level),
        None => Ok(()),
    }
}

/// `PyErr_WarnExplicitObject` (Python/_warnings.c): a warning at a given place.
pub fn PyErr_WarnExplicitObject(
    category: &include::PyTypeObject,
    message: &PyObject,
    filename: &PyObject,
    lineno: i64,
    module: Option<&PyObject>,
    registry: Option<&PyObject>,
) -> include::PyResult<()> {
    match warning_hooks() {
        Some(h) => (h.warn_explicit)(category, message, filename, lineno, module, registry),
        None => Ok(()),
    }
}

/// `PyErr_ResourceWarning` (Python/_warnings.c): a ResourceWarning about `source`
/// (an unclosed file, ...).
pub fn PyErr_ResourceWarning(
    source: &PyObject,
    stack_level: isize,
    text: &str,
) -> include::PyResult<()> {
    match warning_hooks() {
        Some(h) => (h.resource_warning)(source, stack_level, text),
        None => Ok(()),
    }
}

/// `_PyErr_WarnUnawaitedCoroutine` (Python/_warnings.c): "coroutine '...' was never
/// awaited"; its own errors are reported as unraisable.
pub fn _PyErr_WarnUnawaitedCoroutine(coro: &PyObject) {
    if let Some(h) = warning_hooks() {
        (h.unawaited_coroutine)(coro)
    }
}

static STACK_EFFECT: GlobalCell<Cell<Option<StackEffectHook>>> = GlobalCell::new(Cell::new(None));

/// Install the compiler's stack effect of an instruction
/// (`PyCompile_OpcodeStackEffect`), which the `f_lineno` setter's stack model uses.
pub fn set_stack_effect(f: StackEffectHook) {
    // SAFETY: a Cell in a global.
    unsafe { STACK_EFFECT.get_ref() }.set(Some(f));
}

/// `PyCompile_OpcodeStackEffect(opcode, oparg)`: `None` for an unknown opcode.
pub fn opcode_stack_effect(opcode: u8, oparg: i32) -> Option<i32> {
    // SAFETY: a Cell in a global.
    unsafe { STACK_EFFECT.get_ref() }.get()?(opcode, oparg)
}
