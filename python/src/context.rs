//! Context variables: `Context`, `ContextVar`, `Token` and the `_contextvars` module.
//! Mirrors Python/context.c and Modules/_contextvarsmodule.c (CPython 3.11).
//!
//! Differences from CPython:
//! - A context's variables are not a HAMT (Python/hamt.c) but a dict that is never
//!   changed once a context holds it (copy-on-write): `ContextVar.set` and `reset`
//!   build a new dict and install it in the current context, and `Context.copy()`
//!   shares the dict. The semantics are CPython's (a copy does not see later sets in
//!   the original; `run()` isolates), but a set costs O(n) in the number of
//!   variables, and iteration (`iter`, `keys`, `values`, `items`) follows insertion
//!   order rather than the HAMT's hash order. `keys()`, `values()` and `items()` are
//!   dict views over that private dict (read-only: a view's `mapping` is a
//!   mappingproxy), not `hamt_keys`/`hamt_values`/`hamt_items` objects.
//! - The current context lives in a thread-local here, not in the thread state
//!   (`ts->context`); pyrs runs Python code on one thread.
//! - `ContextVar` uses the default identity hash (CPython mixes the name's hash with
//!   the address); the dict lookup only needs identity, as the HAMT's does.
//! - There is no per-variable lookup cache (`var_cached`, `var_cached_tsid`, ...).

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::*;
use include::cpython::object::{PyMappingMethods, PySequenceMethods};
use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::call::{kwnames_len, PyObject_Vectorcall};
use objects::dictobject::{
    PyDictObject, PyDict_Contains, PyDict_Copy, PyDict_DelItem, PyDict_GetItemWithError,
    PyDict_New, PyDict_SetItem, PyDict_Size,
};
use objects::exceptions::PyExc_LookupError;
use objects::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM;
use objects::getargs::{check_positional, unpack_keywords, ArgSpec};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, PyObject_GenericGetAttr, PyObject_Repr, PyObject_RichCompare};
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::r#abstract::PyObject_GetIter;
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::{as_str_lossy, PyUnicodeObject, PyUnicode_FromString};

// --- the current context ----------------------------------------------------------------

/// `ts->context`: the current thread's context (created on first use; a new thread
/// starts without one, so it gets a fresh empty context).
fn current_context() -> &'static PyCell<Option<PyObjectRef>> {
    &include::pystate::_PyThreadState_GET().context
}

/// `context_get`: the current context, creating an empty one the first time.
fn context_get() -> PyObjectRef {
    if let Some(ctx) = current_context().get() {
        return ctx;
    }
    let ctx = context_new_empty();
    current_context().set(Some(ctx.clone()));
    ctx
}

// --- Context ----------------------------------------------------------------------------

/// `PyContext`: the variables (a dict never changed in place), the context that
/// was current when this one was entered, and whether it is entered.
#[repr(C)]
pub struct PyContext {
    pub ob_base: PyObject,
    ctx_prev: PyCell<Option<PyObjectRef>>,
    ctx_vars: PyCell<PyObjectRef>,
    ctx_entered: Cell<bool>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyContext {}

fn as_context(obj: &PyObject) -> &PyContext {
    // SAFETY: only called on instances of `Context` (the type is final).
    unsafe { &*(obj as *const PyObject as *const PyContext) }
}

fn is_context(obj: &PyObject) -> bool {
    std::ptr::eq(obj.ob_type(), &PyContext_Type)
}

/// The variables of a context, as a dict.
fn ctx_vars(ctx: &PyContext) -> PyObjectRef {
    ctx.ctx_vars.get()
}

fn vars_dict(vars: &PyObject) -> &PyDictObject {
    // SAFETY: `ctx_vars` always holds a dict.
    unsafe { &*(vars as *const PyObject as *const PyDictObject) }
}

/// `_context_alloc` with the given variables.
fn context_alloc(vars: PyObjectRef) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyContext_Type,
            PyContext {
                ob_base: PyObject_HEAD_INIT,
                ctx_prev: PyCell::new(None),
                ctx_vars: PyCell::new(vars),
                ctx_entered: Cell::new(false),
            },
        )
    }
    .into_object()
}

/// `context_new_empty`.
fn context_new_empty() -> PyObjectRef {
    context_alloc(PyDict_New().into_object())
}

/// `context_new_from_vars`.
fn context_new_from_vars(vars: PyObjectRef) -> PyObjectRef {
    context_alloc(vars)
}

/// `PyContext_CopyCurrent` (`copy_context()`).
pub fn PyContext_CopyCurrent() -> PyObjectRef {
    let ctx = context_get();
    context_new_from_vars(ctx_vars(as_context(&ctx)))
}

/// `_PyContext_Enter`.
fn context_enter(ctx_obj: &PyObject) -> PyResult<()> {
    let ctx = as_context(ctx_obj);
    if ctx.ctx_entered.get() {
        let r = PyObject_Repr(ctx_obj)?;
        return Err(runtime_error(format!(
            "cannot enter context: {} is already entered",
            as_str_lossy(&r)
        )));
    }
    ctx.ctx_prev.set(Some(context_get()));
    ctx.ctx_entered.set(true);
    current_context().set(Some(ctx_obj.to_owned()));
    Ok(())
}

/// `_PyContext_Exit`.
fn context_exit(ctx_obj: &PyObject) -> PyResult<()> {
    let ctx = as_context(ctx_obj);
    if !ctx.ctx_entered.get() {
        let r = PyObject_Repr(ctx_obj)?;
        return Err(runtime_error(format!(
            "cannot exit context: {} has not been entered",
            as_str_lossy(&r)
        )));
    }
    let current = current_context().get();
    if !current.as_ref().is_some_and(|c| c.is(ctx_obj)) {
        return Err(runtime_error(
            "cannot exit context: thread state references a different context object",
        ));
    }
    let prev = ctx.ctx_prev.take();
    current_context().set(prev);
    ctx.ctx_entered.set(false);
    Ok(())
}

/// `context_tp_new`: `Context()` takes no arguments.
fn context_tp_new(
    _tp: &PyTypeObject,
    args: &[PyObjectRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    if !args.is_empty() {
        return Err(type_error("Context() does not accept any arguments"));
    }
    Ok(context_new_empty())
}

unsafe fn context_tp_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead Context.
    unsafe { dealloc_object::<PyContext>(op) }
}

fn context_tp_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let ctx = as_context(obj);
    // SAFETY: traversal runs no Python code.
    unsafe {
        if let Some(p) = ctx.ctx_prev.get_ref() {
            visit(p);
        }
        visit(ctx.ctx_vars.get_ref());
    }
}

fn context_tp_clear(obj: &PyObject) {
    let ctx = as_context(obj);
    let old = (
        ctx.ctx_prev.take(),
        ctx.ctx_vars.replace(PyDict_New().into_object()),
    );
    drop(old);
}

fn context_tp_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !is_context(a) || !is_context(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(objects::object::not_implemented());
    }
    let va = ctx_vars(as_context(a));
    let vb = ctx_vars(as_context(b));
    PyObject_RichCompare(&va, &vb, op)
}

/// The `a ContextVar key was expected` check of the mapping methods.
fn check_var_key(key: &PyObject) -> PyResult<()> {
    if !is_contextvar(key) {
        let r = PyObject_Repr(key)?;
        return Err(type_error(format!(
            "a ContextVar key was expected, got {}",
            as_str_lossy(&r)
        )));
    }
    Ok(())
}

fn context_tp_subscript(obj: &PyObject, key: &PyObject) -> PyResult {
    check_var_key(key)?;
    let vars = ctx_vars(as_context(obj));
    match PyDict_GetItemWithError(vars_dict(&vars), key)? {
        Some(v) => Ok(v),
        None => Err(key_error(key)),
    }
}

fn context_tp_contains(obj: &PyObject, key: &PyObject) -> PyResult<bool> {
    check_var_key(key)?;
    let vars = ctx_vars(as_context(obj));
    PyDict_Contains(vars_dict(&vars), key)
}

fn context_tp_len(obj: &PyObject) -> PyResult<Py_ssize_t> {
    let vars = ctx_vars(as_context(obj));
    Ok(PyDict_Size(vars_dict(&vars)) as Py_ssize_t)
}

fn context_tp_iter(obj: &PyObject) -> PyResult {
    PyObject_GetIter(&ctx_vars(as_context(obj)))
}

/// `Context.get(key, default=None, /)`.
fn _contextvars_Context_get(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("get", args.len(), 1, 2)?;
    check_var_key(&args[0])?;
    let vars = ctx_vars(as_context(obj));
    match PyDict_GetItemWithError(vars_dict(&vars), &args[0])? {
        Some(v) => Ok(v),
        None => Ok(args.get(1).cloned().unwrap_or_else(none)),
    }
}

fn dict_view(obj: &PyObject, name: &str) -> PyResult {
    let vars = ctx_vars(as_context(obj));
    objects::call::PyObject_CallMethod(
        &vars,
        &objects::unicodeobject::PyUnicode_InternFromString(name),
        &[],
    )
}

/// `Context.items()`.
fn _contextvars_Context_items(obj: &PyObject) -> PyResult {
    dict_view(obj, "items")
}

/// `Context.keys()`.
fn _contextvars_Context_keys(obj: &PyObject) -> PyResult {
    dict_view(obj, "keys")
}

/// `Context.values()`.
fn _contextvars_Context_values(obj: &PyObject) -> PyResult {
    dict_view(obj, "values")
}

/// `Context.copy()`.
fn _contextvars_Context_copy(obj: &PyObject) -> PyResult {
    Ok(context_new_from_vars(ctx_vars(as_context(obj))))
}

/// `Context.run(callable, *args, **kwargs)`: call `callable` with this context
/// entered.
fn context_run(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let nkw = kwnames.map_or(0, kwnames_len);
    if args.len() - nkw < 1 {
        return Err(type_error("run() missing 1 required positional argument"));
    }
    context_enter(obj)?;
    let result = PyObject_Vectorcall(&args[0], &args[1..], kwnames);
    context_exit(obj)?;
    result
}

static PyContext_methods: [PyMethodDef; 6] = [
    PyMethodDef::new(
        "run",
        PyCFunction::FastKw(context_run),
        "run($self, callable, /, *args, **kwargs)\n--\n\n",
    ),
    PyMethodDef::new(
        "get",
        PyCFunction::Fast(_contextvars_Context_get),
        "get($self, key, default=None, /)\n--\n\nReturn the value for `key` if `key` has the value in the context object.\n\nIf `key` does not exist, return `default`. If `default` is not given,\nreturn None.",
    ),
    PyMethodDef::new(
        "items",
        PyCFunction::NoArgs(_contextvars_Context_items),
        "items($self, /)\n--\n\nReturn all variables and their values in the context object.\n\nThe result is returned as a list of 2-tuples (variable, value).",
    ),
    PyMethodDef::new(
        "keys",
        PyCFunction::NoArgs(_contextvars_Context_keys),
        "keys($self, /)\n--\n\nReturn a list of all variables in the context object.",
    ),
    PyMethodDef::new(
        "values",
        PyCFunction::NoArgs(_contextvars_Context_values),
        "values($self, /)\n--\n\nReturn a list of all variables' values in the context object.",
    ),
    PyMethodDef::new(
        "copy",
        PyCFunction::NoArgs(_contextvars_Context_copy),
        "copy($self, /)\n--\n\nReturn a shallow copy of the context object.",
    ),
];

/// `PyContext_Type`.
pub static PyContext_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_contextvars.Context",
    tp_basicsize: Cell::new(size_of::<PyContext>()),
    tp_dealloc: slot(context_tp_dealloc),
    tp_as_mapping: PyMappingMethods {
        mp_length: slot(context_tp_len),
        mp_subscript: slot(context_tp_subscript),
        mp_ass_subscript: no_slot(),
    },
    tp_as_sequence: PySequenceMethods {
        sq_contains: slot(context_tp_contains),
        ..PySequenceMethods::EMPTY
    },
    tp_hash: slot(objects::typeslots::PyObject_HashNotImplemented_slot),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(context_tp_traverse),
    tp_clear: slot(context_tp_clear),
    tp_richcompare: slot(context_tp_richcompare),
    tp_iter: slot(context_tp_iter),
    tp_methods: &PyContext_methods,
    tp_new: slot(context_tp_new),
    ..PyTypeObject::DEFAULT
};

// --- ContextVar -------------------------------------------------------------------------

/// `PyContextVar`: the name and the default (if any).
#[repr(C)]
pub struct PyContextVar {
    pub ob_base: PyObject,
    /// Always set (a `PyCell<Option<..>>` for the `name` member descriptor).
    var_name: PyCell<Option<PyObjectRef>>,
    var_default: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyContextVar {}

fn as_contextvar(obj: &PyObject) -> &PyContextVar {
    // SAFETY: only called on instances of `ContextVar` (the type is final).
    unsafe { &*(obj as *const PyObject as *const PyContextVar) }
}

fn is_contextvar(obj: &PyObject) -> bool {
    std::ptr::eq(obj.ob_type(), &PyContextVar_Type)
}

/// `contextvar_tp_new`: `ContextVar(name, /, *, default=<missing>)`.
fn contextvar_tp_new(
    _tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    // `PyArg_ParseTupleAndKeywords(args, kwds, "O|$O:ContextVar", ...)` checks the
    // positional-only `name` before any keyword, and too many positional arguments
    // say "at most" because of the `|`.
    let nkw = kwnames.map_or(0, kwnames_len);
    let nargs = args.len() - nkw;
    if args.len() <= 2 && nargs != 1 {
        return Err(type_error(format!(
            "ContextVar() takes {} 1 positional argument ({nargs} given)",
            if nargs == 0 { "exactly" } else { "at most" }
        )));
    }
    let a = unpack_keywords(
        &ArgSpec {
            fname: "ContextVar",
            names: &["", "default"],
            posonly: 1,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let name = a[0].clone().unwrap_or_else(none);
    if name.downcast_ref::<PyUnicodeObject>().is_none() {
        return Err(type_error("context variable name must be a str"));
    }
    // SAFETY: the fields are complete.
    let var = unsafe {
        alloc_object(
            &PyContextVar_Type,
            PyContextVar {
                ob_base: PyObject_HEAD_INIT,
                var_name: PyCell::new(Some(name)),
                var_default: PyCell::new(a[1].clone()),
            },
        )
    };
    Ok(var.into_object())
}

unsafe fn contextvar_tp_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead ContextVar.
    unsafe { dealloc_object::<PyContextVar>(op) }
}

fn contextvar_tp_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let var = as_contextvar(obj);
    // SAFETY: traversal runs no Python code.
    unsafe {
        if let Some(n) = var.var_name.get_ref() {
            visit(n);
        }
        if let Some(d) = var.var_default.get_ref() {
            visit(d);
        }
    }
}

fn contextvar_tp_clear(obj: &PyObject) {
    drop(as_contextvar(obj).var_default.take());
}

fn contextvar_tp_repr(obj: &PyObject) -> PyResult {
    let var = as_contextvar(obj);
    let name = var.var_name.get().unwrap_or_else(none);
    let mut s = format!("<ContextVar name={}", as_str_lossy(&*PyObject_Repr(&name)?));
    if let Some(d) = var.var_default.get() {
        s.push_str(&format!(" default={}", as_str_lossy(&*PyObject_Repr(&d)?)));
    }
    s.push_str(&format!(" at {:p}>", obj.as_ptr()));
    Ok(PyUnicode_FromString(&s))
}

/// `PyContextVar_Get`: the value in the current context, else `default`, else the
/// variable's default, else `None` (the caller raises `LookupError`).
fn contextvar_get_value(
    obj: &PyObject,
    default: Option<&PyObject>,
) -> PyResult<Option<PyObjectRef>> {
    let ctx = context_get();
    let vars = ctx_vars(as_context(&ctx));
    if let Some(v) = PyDict_GetItemWithError(vars_dict(&vars), obj)? {
        return Ok(Some(v));
    }
    if let Some(d) = default {
        return Ok(Some(d.to_owned()));
    }
    Ok(as_contextvar(obj).var_default.get())
}

/// `contextvar_set`: install a new dict with `var` set in the current context.
fn contextvar_set(obj: &PyObject, value: &PyObject) -> PyResult<()> {
    let ctx = context_get();
    let c = as_context(&ctx);
    let new_vars = PyDict_Copy(vars_dict(&ctx_vars(c)))?;
    PyDict_SetItem(&new_vars, obj, value)?;
    c.ctx_vars.set(new_vars.into_object());
    Ok(())
}

/// `contextvar_del`: install a new dict without `var` in the current context.
fn contextvar_del(obj: &PyObject) -> PyResult<()> {
    let ctx = context_get();
    let c = as_context(&ctx);
    let vars = ctx_vars(c);
    if !PyDict_Contains(vars_dict(&vars), obj)? {
        return Err(PyErr_FromArgs(&PyExc_LookupError, &[obj.to_owned()]));
    }
    let new_vars = PyDict_Copy(vars_dict(&vars))?;
    PyDict_DelItem(&new_vars, obj)?;
    c.ctx_vars.set(new_vars.into_object());
    Ok(())
}

/// `ContextVar.get(default=<unrepresentable>, /)`.
fn _contextvars_ContextVar_get(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("get", args.len(), 0, 1)?;
    match contextvar_get_value(obj, args.first().map(|a| &**a))? {
        Some(v) => Ok(v),
        None => Err(PyErr_FromArgs(&PyExc_LookupError, &[obj.to_owned()])),
    }
}

/// `ContextVar.set(value, /)`: set the value in the current context and return a
/// `Token` that `reset` can use to restore the previous value.
fn _contextvars_ContextVar_set(obj: &PyObject, value: &PyObject) -> PyResult {
    let ctx = context_get();
    let vars = ctx_vars(as_context(&ctx));
    let old = PyDict_GetItemWithError(vars_dict(&vars), obj)?;
    let tok = token_new(ctx, obj.to_owned(), old);
    contextvar_set(obj, value)?;
    Ok(tok)
}

/// `ContextVar.reset(token, /)`: `PyContextVar_Reset`.
fn _contextvars_ContextVar_reset(obj: &PyObject, token: &PyObject) -> PyResult {
    if !std::ptr::eq(token.ob_type(), &PyContextToken_Type) {
        let r = PyObject_Repr(token)?;
        return Err(type_error(format!(
            "expected an instance of Token, got {}",
            as_str_lossy(&r)
        )));
    }
    let tok = as_token(token);
    if tok.tok_used.get() {
        let r = PyObject_Repr(token)?;
        return Err(runtime_error(format!(
            "{} has already been used once",
            as_str_lossy(&r)
        )));
    }
    if !tok.tok_var.is(obj) {
        let r = PyObject_Repr(token)?;
        return Err(value_error(format!(
            "{} was created by a different ContextVar",
            as_str_lossy(&r)
        )));
    }
    let ctx = context_get();
    if !tok.tok_ctx.is(&ctx) {
        let r = PyObject_Repr(token)?;
        return Err(value_error(format!(
            "{} was created in a different Context",
            as_str_lossy(&r)
        )));
    }
    tok.tok_used.set(true);
    match tok.tok_oldval.get() {
        None => contextvar_del(obj)?,
        Some(old) => contextvar_set(obj, &old)?,
    }
    Ok(none())
}

static PyContextVar_methods: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "get",
        PyCFunction::Fast(_contextvars_ContextVar_get),
        "get($self, default=<unrepresentable>, /)\n--\n\nReturn a value for the context variable for the current context.\n\nIf there is no value for the variable in the current context, the method will:\n * return the value of the default argument of the method, if provided; or\n * return the default value for the context variable, if it was created\n   with one; or\n * raise a LookupError.",
    ),
    PyMethodDef::new(
        "set",
        PyCFunction::O(_contextvars_ContextVar_set),
        "set($self, value, /)\n--\n\nCall to set a new value for the context variable in the current context.\n\nThe required value argument is the new value for the context variable.\n\nReturns a Token object that can be used to restore the variable to its previous\nvalue via the `ContextVar.reset()` method.",
    ),
    PyMethodDef::new(
        "reset",
        PyCFunction::O(_contextvars_ContextVar_reset),
        "reset($self, token, /)\n--\n\nReset the context variable.\n\nThe variable is reset to the value it had before the `ContextVar.set()` that\ncreated the token was used.",
    ),
    GENERIC_ALIAS_CLASS_GETITEM,
];

static PyContextVar_members: [PyMemberDef; 1] = [PyMemberDef::new(
    "name",
    MemberType::Object,
    offset_of!(PyContextVar, var_name),
    READONLY,
)];

/// `PyContextVar_Type`.
pub static PyContextVar_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_contextvars.ContextVar",
    tp_basicsize: Cell::new(size_of::<PyContextVar>()),
    tp_dealloc: slot(contextvar_tp_dealloc),
    tp_repr: slot(contextvar_tp_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(contextvar_tp_traverse),
    tp_clear: slot(contextvar_tp_clear),
    tp_methods: &PyContextVar_methods,
    tp_members: &PyContextVar_members,
    tp_new: slot(contextvar_tp_new),
    ..PyTypeObject::DEFAULT
};

// --- Token ------------------------------------------------------------------------------

/// `PyContextToken`: the context and variable of a `set`, the value it replaced
/// (`None` for none), and whether `reset` has used it.
#[repr(C)]
pub struct PyContextToken {
    pub ob_base: PyObject,
    tok_ctx: PyObjectRef,
    tok_var: PyObjectRef,
    tok_oldval: PyCell<Option<PyObjectRef>>,
    tok_used: Cell<bool>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyContextToken {}

fn as_token(obj: &PyObject) -> &PyContextToken {
    // SAFETY: only called on instances of `Token` (the type is final).
    unsafe { &*(obj as *const PyObject as *const PyContextToken) }
}

/// `token_new`.
fn token_new(ctx: PyObjectRef, var: PyObjectRef, oldval: Option<PyObjectRef>) -> PyObjectRef {
    // SAFETY: the fields are complete.
    unsafe {
        alloc_object(
            &PyContextToken_Type,
            PyContextToken {
                ob_base: PyObject_HEAD_INIT,
                tok_ctx: ctx,
                tok_var: var,
                tok_oldval: PyCell::new(oldval),
                tok_used: Cell::new(false),
            },
        )
    }
    .into_object()
}

fn token_tp_new(
    _tp: &PyTypeObject,
    _args: &[PyObjectRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    Err(runtime_error("Tokens can only be created by ContextVars"))
}

unsafe fn token_tp_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead Token.
    unsafe { dealloc_object::<PyContextToken>(op) }
}

fn token_tp_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let tok = as_token(obj);
    visit(&tok.tok_ctx);
    visit(&tok.tok_var);
    // SAFETY: traversal runs no Python code.
    if let Some(o) = unsafe { tok.tok_oldval.get_ref() } {
        visit(o);
    }
}

fn token_tp_clear(obj: &PyObject) {
    drop(as_token(obj).tok_oldval.take());
}

fn token_tp_repr(obj: &PyObject) -> PyResult {
    let tok = as_token(obj);
    let var = PyObject_Repr(&tok.tok_var)?;
    Ok(PyUnicode_FromString(&format!(
        "<Token{} var={} at {:p}>",
        if tok.tok_used.get() { " used" } else { "" },
        as_str_lossy(&var),
        obj.as_ptr()
    )))
}

fn token_get_var(obj: &PyObject) -> PyResult {
    Ok(as_token(obj).tok_var.clone())
}

fn token_get_old_value(obj: &PyObject) -> PyResult {
    Ok(as_token(obj)
        .tok_oldval
        .get()
        .unwrap_or_else(|| _ContextTokenMissing.to_owned()))
}

static PyContextToken_getset: [PyGetSetDef; 2] = [
    PyGetSetDef::getter("var", token_get_var),
    PyGetSetDef::getter("old_value", token_get_old_value),
];

static PyContextToken_methods: [PyMethodDef; 1] = [GENERIC_ALIAS_CLASS_GETITEM];

/// `PyContextToken_Type`.
pub static PyContextToken_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_contextvars.Token",
    tp_basicsize: Cell::new(size_of::<PyContextToken>()),
    tp_dealloc: slot(token_tp_dealloc),
    tp_repr: slot(token_tp_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(token_tp_traverse),
    tp_clear: slot(token_tp_clear),
    tp_methods: &PyContextToken_methods,
    tp_getset: &PyContextToken_getset,
    tp_new: slot(token_tp_new),
    ..PyTypeObject::DEFAULT
};

// --- Token.MISSING ----------------------------------------------------------------------

fn context_token_missing_tp_repr(_obj: &PyObject) -> PyResult {
    Ok(PyUnicode_FromString("<Token.MISSING>"))
}

/// `PyContextTokenMissing_Type`.
pub static PyContextTokenMissing_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "Token.MISSING",
    tp_basicsize: Cell::new(size_of::<PyObject>()),
    tp_repr: slot(context_token_missing_tp_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
    ..PyTypeObject::DEFAULT
};

/// `_Py_SINGLETON(context_token_missing)`: `Token.MISSING`.
pub static _ContextTokenMissing: PyObject = PyObject::new_static(&PyContextTokenMissing_Type);

// --- the _contextvars module ------------------------------------------------------------

/// `copy_context()`.
fn _contextvars_copy_context(_m: &PyObject) -> PyResult {
    Ok(PyContext_CopyCurrent())
}

static _contextvars_methods: [PyMethodDef; 1] = [PyMethodDef::new(
    "copy_context",
    PyCFunction::NoArgs(_contextvars_copy_context),
    "copy_context($module, /)\n--\n\n",
)];

/// `_PyContext_Init`: ready the types and put `Token.MISSING` in `Token`'s dict.
fn _PyContext_Init() -> PyResult<()> {
    PyType_Ready(&PyContextTokenMissing_Type)?;
    PyType_Ready(&PyContext_Type)?;
    PyType_Ready(&PyContextVar_Type)?;
    PyType_Ready(&PyContextToken_Type)?;
    if let Some(dict) = PyContextToken_Type.tp_dict.get() {
        let key = PyUnicode_FromString("MISSING");
        if let Some(d) = dict.downcast_ref::<PyDictObject>() {
            if PyDict_GetItemWithError(d, &key)?.is_none() {
                PyDict_SetItem(d, &key, &_ContextTokenMissing)?;
            }
        }
    }
    Ok(())
}

/// Make the `_contextvars` module (`PyInit__contextvars`).
pub fn PyInit__contextvars() -> PyResult<PyRef<PyModuleObject>> {
    _PyContext_Init()?;
    let m = PyModule_New("_contextvars")?;
    PyModule_AddFunctions(&m, &_contextvars_methods)?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString("Context Variables"))?;
    PyModule_AddObject(&m, "Context", PyContext_Type.as_object())?;
    PyModule_AddObject(&m, "ContextVar", PyContextVar_Type.as_object())?;
    PyModule_AddObject(&m, "Token", PyContextToken_Type.as_object())?;
    Ok(m)
}
