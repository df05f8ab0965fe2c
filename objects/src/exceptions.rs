//! The built-in exception types. Mirrors Objects/exceptions.c (CPython 3.11).
//!
//! Every exception instance starts with [`PyBaseExceptionObject`]: `args` (always a
//! tuple), the instance `__dict__`, the traceback and the two chaining links
//! (`__context__`, `__cause__`). The exceptions that carry more state (`OSError`'s
//! errno, `SyntaxError`'s location, ...) extend that layout, and their subclasses share
//! it, exactly as CPython's `PyException_HEAD` structs do.
//!
//! Differences from CPython:
//! - Each extended layout embeds `PyBaseExceptionObject` as its first field instead of
//!   repeating the header fields.
//! - `ExceptionGroup` is a static type whose `tp_bases` is set to
//!   `(BaseExceptionGroup, Exception)` before it is readied; CPython makes it a heap
//!   type at start-up, so there its `__dict__` also has `__module__` and `__weakref__`.
//! - pyrs's `PyType_Ready` does not let a static type inherit `tp_new`, so the types
//!   that inherit it in CPython (`StopIteration`, the `OSError` subclasses, ...) name it
//!   themselves, and `__new__` appears in their `__dict__`.
//! - The traceback type lives in the `python` crate, above this one: `__traceback__`
//!   accepts `None` or any object whose type is named `traceback`.
//! - The errno-to-subclass map of `OSError.__new__` is a `match` on the value instead
//!   of a dict; there is no `winerror` (no Windows target yet).
//! - `__notes__` lives in the instance `__dict__` as in 3.11; the `notes` field is kept
//!   for layout parity and stays empty.

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::*;
use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef, METH_CLASS};
use include::object::GlobalCell;

use crate::call::{kwnames_slice, PyObject_CallMethod, PyObject_CallOneArg, PyObject_Vectorcall};
use crate::dictobject::{
    PyDictObject, PyDict_Items_vec, PyDict_New, PyDict_SetItem, PyDict_Update,
};
use crate::getargs::{check_no_kwargs, check_positional};
use crate::longobject::{PyLongObject, PyLong_AsSsize_t_opt, PyLong_FromSsize_t};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::{PyTupleObject, PyTuple_New, ReprWriter};
use crate::typeobject::{PyBaseObject_Type, PyType_IsSubtype, PyType_Type};
use crate::typeslots::positional;
use crate::unicodeobject::{as_str_lossy, unicode_eq_str, PyUnicodeObject, PyUnicode_FromString};

// --- Layouts --------------------------------------------------------------------------

/// `PyBaseExceptionObject`: the state every exception has.
#[repr(C)]
pub struct PyBaseExceptionObject {
    pub ob_base: PyObject,
    /// The instance `__dict__` (created on first use); `tp_dictoffset` points here.
    pub dict: PyCell<Option<PyObjectRef>>,
    /// `args`: always a tuple once the object is built.
    pub args: PyCell<Option<PyObjectRef>>,
    /// Kept for layout parity with 3.11; `__notes__` is stored in `dict`.
    pub notes: PyCell<Option<PyObjectRef>>,
    /// `__traceback__`: a traceback object, or empty for `None`.
    pub traceback: PyCell<Option<PyObjectRef>>,
    /// `__context__`: an exception, or empty for `None`.
    pub context: PyCell<Option<PyObjectRef>>,
    /// `__cause__`: an exception, or empty for `None`.
    pub cause: PyCell<Option<PyObjectRef>>,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
}

impl PyBaseExceptionObject {
    /// The header fields of a fresh exception with `args` (a tuple).
    fn new(args: PyObjectRef) -> PyBaseExceptionObject {
        PyBaseExceptionObject {
            ob_base: PyObject_HEAD_INIT,
            dict: PyCell::new(None),
            args: PyCell::new(Some(args)),
            notes: PyCell::new(None),
            traceback: PyCell::new(None),
            context: PyCell::new(None),
            cause: PyCell::new(None),
            suppress_context: Cell::new(false),
        }
    }

    /// `args` as a tuple (empty if it was cleared by the collector).
    pub fn args_tuple(&self) -> PyRef<PyTupleObject> {
        match self.args.get() {
            // SAFETY: `args` only ever holds tuples (see `BaseException_set_args`).
            Some(a) => unsafe { a.downcast_unchecked::<PyTupleObject>() },
            None => PyTuple_New(Vec::new()),
        }
    }
}

/// `PyStopIterationObject`.
#[repr(C)]
pub struct PyStopIterationObject {
    pub base: PyBaseExceptionObject,
    /// `value`: the generator's return value.
    pub value: PyCell<Option<PyObjectRef>>,
}

/// `PySystemExitObject`.
#[repr(C)]
pub struct PySystemExitObject {
    pub base: PyBaseExceptionObject,
    /// `code`: the exit status or message.
    pub code: PyCell<Option<PyObjectRef>>,
}

/// `PyImportErrorObject` (also `ModuleNotFoundError`).
#[repr(C)]
pub struct PyImportErrorObject {
    pub base: PyBaseExceptionObject,
    pub msg: PyCell<Option<PyObjectRef>>,
    pub name: PyCell<Option<PyObjectRef>>,
    pub path: PyCell<Option<PyObjectRef>>,
}

/// `PySyntaxErrorObject` (also `IndentationError`, `TabError`).
#[repr(C)]
pub struct PySyntaxErrorObject {
    pub base: PyBaseExceptionObject,
    pub msg: PyCell<Option<PyObjectRef>>,
    pub filename: PyCell<Option<PyObjectRef>>,
    pub lineno: PyCell<Option<PyObjectRef>>,
    pub offset: PyCell<Option<PyObjectRef>>,
    pub end_lineno: PyCell<Option<PyObjectRef>>,
    pub end_offset: PyCell<Option<PyObjectRef>>,
    pub text: PyCell<Option<PyObjectRef>>,
    pub print_file_and_line: PyCell<Option<PyObjectRef>>,
}

/// `PyNameErrorObject` (also `UnboundLocalError`).
#[repr(C)]
pub struct PyNameErrorObject {
    pub base: PyBaseExceptionObject,
    pub name: PyCell<Option<PyObjectRef>>,
}

/// `PyAttributeErrorObject`.
#[repr(C)]
pub struct PyAttributeErrorObject {
    pub base: PyBaseExceptionObject,
    pub obj: PyCell<Option<PyObjectRef>>,
    pub name: PyCell<Option<PyObjectRef>>,
}

/// `PyOSErrorObject` (and every `OSError` subclass).
#[repr(C)]
pub struct PyOSErrorObject {
    pub base: PyBaseExceptionObject,
    /// `errno`.
    pub myerrno: PyCell<Option<PyObjectRef>>,
    pub strerror: PyCell<Option<PyObjectRef>>,
    pub filename: PyCell<Option<PyObjectRef>>,
    pub filename2: PyCell<Option<PyObjectRef>>,
    /// `characters_written` of `BlockingIOError`; -1 when unset. (Zero in an object
    /// made by another type's `__new__`, as in CPython.)
    pub written: Cell<Py_ssize_t>,
}

/// `PyUnicodeErrorObject` (`UnicodeEncodeError`, `UnicodeDecodeError`,
/// `UnicodeTranslateError`).
#[repr(C)]
pub struct PyUnicodeErrorObject {
    pub base: PyBaseExceptionObject,
    pub encoding: PyCell<Option<PyObjectRef>>,
    /// The str being encoded or translated, or the bytes being decoded.
    pub object: PyCell<Option<PyObjectRef>>,
    pub start: Cell<Py_ssize_t>,
    pub end: Cell<Py_ssize_t>,
    pub reason: PyCell<Option<PyObjectRef>>,
}

/// `PyBaseExceptionGroupObject`.
#[repr(C)]
pub struct PyBaseExceptionGroupObject {
    pub base: PyBaseExceptionObject,
    /// `message`, a str.
    pub msg: PyCell<Option<PyObjectRef>>,
    /// `exceptions`, a non-empty tuple of exceptions.
    pub excs: PyCell<Option<PyObjectRef>>,
}

/// `ExceptionGroup`'s instances: a group plus a weak-reference list. CPython creates
/// `ExceptionGroup` as a class at start-up, which gives it `__weakref__`; pyrs keeps
/// the same layout (`__basicsize__` 96, `__weakrefoffset__` 88).
#[repr(C)]
pub struct PyExceptionGroupObject {
    pub base: PyBaseExceptionGroupObject,
    pub weakreflist: PyCell<Option<PyObjectRef>>,
}

/// The references an exception layout holds, for `tp_traverse` and `tp_clear`.
pub trait ExcLayout: PyObjectLayout {
    fn exc_base(&self) -> &PyBaseExceptionObject;
    /// Call `f` on each field beyond the base header that holds a reference.
    fn for_each_field(&self, _f: &mut dyn FnMut(&PyCell<Option<PyObjectRef>>)) {}
    /// Does the layout carry a weak-reference list (cleared before deallocation)?
    const HAS_WEAKREFS: bool = false;
}

macro_rules! layout {
    ($t:ty, $tp:ident, |$s:ident| [$($field:expr),*]) => {
        // SAFETY: `#[repr(C)]` with the exception header (and so the object header)
        // first.
        unsafe impl PyObjectLayout for $t {}

        impl PyTypeInfo for $t {
            fn type_object() -> &'static PyTypeObject {
                &$tp
            }
        }

        impl ExcLayout for $t {
            fn exc_base(&self) -> &PyBaseExceptionObject {
                &self.base
            }
            fn for_each_field(&self, f: &mut dyn FnMut(&PyCell<Option<PyObjectRef>>)) {
                let $s = self;
                $(f($field);)*
            }
        }
    };
}

// SAFETY: `#[repr(C)]` with the object header first.
unsafe impl PyObjectLayout for PyBaseExceptionObject {}

impl PyTypeInfo for PyBaseExceptionObject {
    fn type_object() -> &'static PyTypeObject {
        &PyExc_BaseException
    }
    /// `PyExceptionInstance_Check`: one flag test.
    #[inline(always)]
    fn check(obj: &PyObject) -> bool {
        obj.ob_type().has_feature(Py_TPFLAGS_BASE_EXC_SUBCLASS)
    }
}

impl ExcLayout for PyBaseExceptionObject {
    fn exc_base(&self) -> &PyBaseExceptionObject {
        self
    }
}

layout!(PyStopIterationObject, PyExc_StopIteration, |s| [&s.value]);
layout!(PySystemExitObject, PyExc_SystemExit, |s| [&s.code]);
layout!(PyImportErrorObject, PyExc_ImportError, |s| [
    &s.msg, &s.name, &s.path
]);
layout!(PySyntaxErrorObject, PyExc_SyntaxError, |s| [
    &s.msg,
    &s.filename,
    &s.lineno,
    &s.offset,
    &s.end_lineno,
    &s.end_offset,
    &s.text,
    &s.print_file_and_line
]);
layout!(PyNameErrorObject, PyExc_NameError, |s| [&s.name]);
layout!(PyAttributeErrorObject, PyExc_AttributeError, |s| [
    &s.obj, &s.name
]);
layout!(PyOSErrorObject, PyExc_OSError, |s| [
    &s.myerrno,
    &s.strerror,
    &s.filename,
    &s.filename2
]);
// SAFETY: `#[repr(C)]` with the exception header first.
unsafe impl PyObjectLayout for PyUnicodeErrorObject {}

/// `UnicodeError` itself has the plain layout; only its three concrete subclasses
/// (and their subclasses) carry the encoding information.
impl PyTypeInfo for PyUnicodeErrorObject {
    fn type_object() -> &'static PyTypeObject {
        &PyExc_UnicodeEncodeError
    }
    fn check(obj: &PyObject) -> bool {
        let t = obj.ob_type();
        PyType_IsSubtype(t, &PyExc_UnicodeEncodeError)
            || PyType_IsSubtype(t, &PyExc_UnicodeDecodeError)
            || PyType_IsSubtype(t, &PyExc_UnicodeTranslateError)
    }
}

impl ExcLayout for PyUnicodeErrorObject {
    fn exc_base(&self) -> &PyBaseExceptionObject {
        &self.base
    }
    fn for_each_field(&self, f: &mut dyn FnMut(&PyCell<Option<PyObjectRef>>)) {
        f(&self.encoding);
        f(&self.object);
        f(&self.reason);
    }
}
layout!(PyBaseExceptionGroupObject, PyExc_BaseExceptionGroup, |s| [
    &s.msg, &s.excs
]);

// SAFETY: `#[repr(C)]` with the exception header first.
unsafe impl PyObjectLayout for PyExceptionGroupObject {}

impl PyTypeInfo for PyExceptionGroupObject {
    fn type_object() -> &'static PyTypeObject {
        &PyExc_ExceptionGroup
    }
}

impl ExcLayout for PyExceptionGroupObject {
    fn exc_base(&self) -> &PyBaseExceptionObject {
        &self.base.base
    }
    fn for_each_field(&self, f: &mut dyn FnMut(&PyCell<Option<PyObjectRef>>)) {
        f(&self.base.msg);
        f(&self.base.excs);
    }
    const HAS_WEAKREFS: bool = true;
}

/// View an exception as its header. Only for objects known to be exceptions (the
/// slots and methods below are installed on exception types only).
#[inline(always)]
fn as_exc(obj: &PyObject) -> &PyBaseExceptionObject {
    // SAFETY: every exception type's instances start with this layout.
    unsafe { &*(obj as *const PyObject as *const PyBaseExceptionObject) }
}

/// View an object whose type installs a slot of layout `T` as `&T`.
#[inline(always)]
fn as_layout<T: PyObjectLayout>(obj: &PyObject) -> &T {
    // SAFETY: callers are slots/methods of the types whose instances have layout `T`
    // (method descriptors check the receiver's type before calling).
    unsafe { &*(obj as *const PyObject as *const T) }
}

// --- Allocation and the GC ------------------------------------------------------------

/// Allocate an instance of exception type `tp` whose header gets `args`; the fields of
/// an extended layout start empty (zero), as `tp_alloc` leaves them in CPython.
fn exc_alloc(tp: &PyTypeObject, args: PyObjectRef) -> PyObjectRef {
    // SAFETY: `tp` is an exception type: its instances begin with the base layout and
    // every field beyond it (in this file's layouts and in class instances) is valid
    // when zeroed (empty references, zero integers).
    unsafe { alloc_object(tp, PyBaseExceptionObject::new(args)) }.into_object()
}

unsafe fn exc_dealloc<T: ExcLayout>(op: *mut PyObject) {
    // SAFETY: `op` is a dead instance whose type's layout is `T`; weak references are
    // cleared while its fields are still intact.
    unsafe {
        if T::HAS_WEAKREFS {
            crate::weakrefobject::PyObject_ClearWeakRefs(&*op);
        }
        dealloc_object::<T>(op)
    }
}

#[inline]
fn visit_cell(cell: &PyCell<Option<PyObjectRef>>, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code, so the cell cannot change meanwhile.
    if let Some(o) = unsafe { cell.get_ref() } {
        visit(o);
    }
}

fn exc_traverse<T: ExcLayout>(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let e = as_layout::<T>(obj);
    let b = e.exc_base();
    for c in [
        &b.dict,
        &b.args,
        &b.notes,
        &b.traceback,
        &b.context,
        &b.cause,
    ] {
        visit_cell(c, visit);
    }
    e.for_each_field(&mut |c| visit_cell(c, visit));
}

fn exc_clear<T: ExcLayout>(obj: &PyObject) {
    let e = as_layout::<T>(obj);
    let b = e.exc_base();
    for c in [
        &b.dict,
        &b.args,
        &b.notes,
        &b.traceback,
        &b.context,
        &b.cause,
    ] {
        c.set(None);
    }
    e.for_each_field(&mut |c| c.set(None));
}

// --- Small helpers ------------------------------------------------------------------------

/// `_PyType_Name`: the part of `tp_name` after the last dot.
fn short_type_name(tp: &PyTypeObject) -> &str {
    let name = tp.name();
    match name.rfind('.') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// A message built from text and the `str()`/`repr()` of objects, keeping lone
/// surrogates intact (CPython's `PyUnicode_FromFormat` with `%S`/`%R`/`%U`).
struct Msg(ReprWriter);

impl Msg {
    fn new() -> Msg {
        Msg(ReprWriter::new())
    }
    fn text(&mut self, s: &str) -> &mut Msg {
        self.0.push_str(s);
        self
    }
    /// `%U`/`%S` of something that is already a str.
    fn obj(&mut self, s: &PyObject) -> &mut Msg {
        self.0.push_obj(s);
        self
    }
    /// `%S`.
    fn str_of(&mut self, o: &PyObject) -> PyResult<&mut Msg> {
        let s = PyObject_Str(o)?;
        self.0.push_obj(&s);
        Ok(self)
    }
    /// `%R`.
    fn repr_of(&mut self, o: &PyObject) -> PyResult<&mut Msg> {
        let s = PyObject_Repr(o)?;
        self.0.push_obj(&s);
        Ok(self)
    }
    fn finish(self) -> PyObjectRef {
        self.0.finish()
    }
}

/// A field that reads as `None` when empty (`T_OBJECT` semantics).
#[inline]
fn or_none(v: Option<PyObjectRef>) -> PyObjectRef {
    v.unwrap_or_else(none)
}

/// Store `value`, treating Python `None` as "empty" (how CPython keeps `NULL` for the
/// traceback and chaining links).
#[inline]
fn none_to_empty(value: Option<PyObjectRef>) -> Option<PyObjectRef> {
    value.filter(|v| !v.is(Py_None()))
}

/// The `'x' is an invalid keyword argument for F()` / `F() takes at most N keyword
/// arguments (M given)` checks of `PyArg_ParseTupleAndKeywords(empty, kwds, "|$O..")`.
fn parse_kwonly(
    fname: &str,
    kwlist: &[&str],
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<Vec<Option<PyObjectRef>>> {
    let names = kwnames_slice(kwnames);
    let values = &args[args.len() - names.len()..];
    if names.len() > kwlist.len() {
        return Err(type_error(format!(
            "{fname}() takes at most {} keyword argument{} ({} given)",
            kwlist.len(),
            if kwlist.len() == 1 { "" } else { "s" },
            names.len()
        )));
    }
    let mut out = vec![None; kwlist.len()];
    for (k, v) in names.iter().zip(values) {
        match kwlist.iter().position(|n| unicode_eq_str(k, n)) {
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for {fname}()",
                    as_str_lossy(k)
                )))
            }
        }
    }
    Ok(out)
}

/// `PyArg_ParseTuple`'s count check for an unnamed function
/// (`function takes exactly 5 arguments (4 given)`).
fn check_arg_count(nargs: usize, min: usize, max: usize) -> PyResult<()> {
    if nargs >= min && nargs <= max {
        return Ok(());
    }
    let (how, n) = if min == max {
        ("exactly", min)
    } else if nargs < min {
        ("at least", min)
    } else {
        ("at most", max)
    };
    Err(type_error(format!(
        "function takes {how} {n} argument{} ({nargs} given)",
        if n == 1 { "" } else { "s" }
    )))
}

/// The `U` converter of `PyArg_ParseTuple`: a str (or subclass).
fn getarg_str(arg: &PyObjectRef, index: usize) -> PyResult<PyObjectRef> {
    if PyUnicodeObject::check(arg) {
        Ok(arg.clone())
    } else {
        Err(type_error(format!(
            "argument {index} must be str, not {}",
            arg.ob_type().name()
        )))
    }
}

/// The `n` converter of `PyArg_ParseTuple`: an index as `Py_ssize_t`.
fn getarg_ssize(arg: &PyObject) -> PyResult<Py_ssize_t> {
    let i = crate::r#abstract::PyNumber_Index(arg)?;
    match PyLong_AsSsize_t_opt(&i) {
        Some(n) => Ok(n),
        None => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// Is `obj` a traceback object? The traceback type belongs to the interpreter crate,
/// so it is recognised by name here (see the module note).
fn is_traceback(obj: &PyObject) -> bool {
    obj.ob_type().name() == "traceback"
}

// --- BaseException ------------------------------------------------------------------------

/// `BaseException.__new__`: a new exception whose `args` are the positional arguments.
/// Keyword arguments are left for `__init__` to judge.
pub fn BaseException_new(
    tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let pos = positional(args, kwnames);
    Ok(exc_alloc(tp, PyTuple_New(pos.to_vec()).into_object()))
}

/// `BaseException.__init__`: replaces `args`; refuses keyword arguments.
pub fn BaseException_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    check_no_kwargs(obj.ob_type().name(), kwnames)?;
    set_args_from_slice(as_exc(obj), positional(args, kwnames));
    Ok(())
}

/// Store `pos` as `args`, reusing the current tuple when it already holds exactly
/// these objects (the common `type_call` path: `__new__` just built it).
fn set_args_from_slice(e: &PyBaseExceptionObject, pos: &[PyObjectRef]) {
    // SAFETY: the borrow ends before the cell is written.
    let same = match unsafe { e.args.get_ref() } {
        Some(a) => {
            // SAFETY: `args` only ever holds tuples.
            let t = unsafe { a.downcast_ref_unchecked::<PyTupleObject>() };
            t.len() == pos.len() && t.as_slice().iter().zip(pos).all(|(x, y)| x.is(y))
        }
        None => false,
    };
    if !same {
        e.args.set(Some(PyTuple_New(pos.to_vec()).into_object()));
    }
}

/// `BaseException.__repr__`: `ValueError('x')`, `ValueError()`, `ValueError(1, 2)`.
fn BaseException_repr(obj: &PyObject) -> PyResult {
    let args = as_exc(obj).args_tuple();
    let mut m = Msg::new();
    m.text(short_type_name(obj.ob_type()));
    if args.len() == 1 {
        m.text("(");
        m.repr_of(&args.as_slice()[0])?;
        m.text(")");
    } else {
        m.repr_of(args.as_object())?;
    }
    Ok(m.finish())
}

/// `BaseException.__str__`: '' for no arguments, `str(arg)` for one, else the tuple.
pub fn BaseException_str(obj: &PyObject) -> PyResult {
    let args = as_exc(obj).args_tuple();
    match args.as_slice() {
        [] => Ok(PyUnicode_FromString("")),
        [one] => PyObject_Str(one),
        _ => PyObject_Str(args.as_object()),
    }
}

fn BaseException_reduce(obj: &PyObject) -> PyResult {
    let e = as_exc(obj);
    let tp = obj.ob_type().as_object().to_owned();
    let args = or_none(e.args.get());
    Ok(match e.dict.get() {
        Some(d) => PyTuple_New(vec![tp, args, d]),
        None => PyTuple_New(vec![tp, args]),
    }
    .into_object())
}

/// `BaseException.__setstate__`: set every item of a state dict as an attribute.
fn BaseException_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    if !state.is(Py_None()) {
        let Some(d) = state.downcast_ref::<PyDictObject>() else {
            return Err(type_error("state is not a dictionary"));
        };
        for (k, v) in PyDict_Items_vec(d) {
            PyObject_SetAttr(obj, &k, Some(&v))?;
        }
    }
    Ok(none())
}

fn BaseException_with_traceback(obj: &PyObject, tb: &PyObject) -> PyResult {
    BaseException_set_tb(obj, Some(tb))?;
    Ok(obj.to_owned())
}

/// `BaseException.add_note`: append to the `__notes__` list, creating it if needed.
fn BaseException_add_note(obj: &PyObject, note: &PyObject) -> PyResult {
    if !PyUnicodeObject::check(note) {
        return Err(type_error(format!(
            "note must be a str, not '{}'",
            note.ob_type().name()
        )));
    }
    let key = crate::intern!("__notes__");
    if !PyObject_HasAttrWithError(obj, key)? {
        let new_notes = crate::listobject::PyList_New(Vec::new()).into_object();
        PyObject_SetAttr(obj, key, Some(&new_notes))?;
    }
    let notes = PyObject_GetAttr(obj, key)?;
    let Some(list) = notes.downcast_ref::<crate::listobject::PyListObject>() else {
        return Err(type_error("Cannot add note: __notes__ is not a list"));
    };
    crate::listobject::PyList_Append(list, note.to_owned())?;
    Ok(none())
}

fn BaseException_get_args(obj: &PyObject) -> PyResult {
    Ok(or_none(as_exc(obj).args.get()))
}

fn BaseException_set_args(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(type_error("args may not be deleted"));
    };
    let seq = crate::r#abstract::PySequence_Tuple(v)?;
    as_exc(obj).args.set(Some(seq));
    Ok(())
}

fn BaseException_get_tb(obj: &PyObject) -> PyResult {
    Ok(or_none(as_exc(obj).traceback.get()))
}

fn BaseException_set_tb(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(tb) = value else {
        return Err(type_error("__traceback__ may not be deleted"));
    };
    if !(tb.is(Py_None()) || is_traceback(tb)) {
        return Err(type_error("__traceback__ must be a traceback or None"));
    }
    as_exc(obj)
        .traceback
        .set(none_to_empty(Some(tb.to_owned())));
    Ok(())
}

fn BaseException_get_context(obj: &PyObject) -> PyResult {
    Ok(or_none(as_exc(obj).context.get()))
}

fn BaseException_set_context(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(type_error("__context__ may not be deleted"));
    };
    if !v.is(Py_None()) && !PyExceptionInstance_Check(v) {
        return Err(type_error(
            "exception context must be None or derive from BaseException",
        ));
    }
    exc_set_context(obj, Some(v.to_owned()));
    Ok(())
}

fn BaseException_get_cause(obj: &PyObject) -> PyResult {
    Ok(or_none(as_exc(obj).cause.get()))
}

fn BaseException_set_cause(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(type_error("__cause__ may not be deleted"));
    };
    if !v.is(Py_None()) && !PyExceptionInstance_Check(v) {
        return Err(type_error(
            "exception cause must be None or derive from BaseException",
        ));
    }
    exc_set_cause(obj, Some(v.to_owned()));
    Ok(())
}

/// `__dict__` of an exception (`PyObject_GenericGetDict`).
fn BaseException_get_dict(obj: &PyObject) -> PyResult {
    Ok(match _PyObject_GetOrCreateDict(obj) {
        Some(d) => d,
        None => none(),
    })
}

/// `PyObject_GenericSetDict`.
fn BaseException_set_dict(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(type_error("cannot delete __dict__"));
    };
    if !PyDictObject::check(v) {
        return Err(type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.ob_type().name()
        )));
    }
    as_exc(obj).dict.set(Some(v.to_owned()));
    Ok(())
}

static BASE_EXC_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(BaseException_reduce), ""),
    PyMethodDef::new("__setstate__", PyCFunction::O(BaseException_setstate), ""),
    PyMethodDef::new(
        "with_traceback",
        PyCFunction::O(BaseException_with_traceback),
        "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self.",
    ),
    PyMethodDef::new(
        "add_note",
        PyCFunction::O(BaseException_add_note),
        "Exception.add_note(note) --\n    add a note to the exception",
    ),
];

static BASE_EXC_MEMBERS: [PyMemberDef; 1] = [PyMemberDef::new(
    "__suppress_context__",
    MemberType::Bool,
    offset_of!(PyBaseExceptionObject, suppress_context),
    0,
)];

static BASE_EXC_GETSET: [PyGetSetDef; 5] = [
    PyGetSetDef::getset("__dict__", BaseException_get_dict, BaseException_set_dict),
    PyGetSetDef::getset("args", BaseException_get_args, BaseException_set_args),
    PyGetSetDef::getset("__traceback__", BaseException_get_tb, BaseException_set_tb),
    PyGetSetDef {
        name: "__context__",
        get: Some(BaseException_get_context),
        set: Some(BaseException_set_context),
        doc: Some("exception context"),
    },
    PyGetSetDef {
        name: "__cause__",
        get: Some(BaseException_get_cause),
        set: Some(BaseException_set_cause),
        doc: Some("exception cause"),
    },
];

/// A `T_OBJECT` member with a docstring.
const fn member(name: &'static str, offset: usize, flags: u32, doc: &'static str) -> PyMemberDef {
    PyMemberDef {
        name,
        type_code: MemberType::Object,
        offset,
        flags,
        doc: Some(doc),
    }
}

/// The flags of every built-in exception type.
const EXC_FLAGS: u64 =
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASE_EXC_SUBCLASS;

/// Declare a static exception type: name, solid base, instance layout, docstring,
/// `tp_new` and `tp_init`, plus any other fields.
macro_rules! exc_type {
    (
        $static:ident: $name:literal($base:expr), $layout:ty, $doc:expr,
        new: $new:expr, init: $init:expr
        $(, $field:ident: $value:expr)* $(,)?
    ) => {
        #[doc = concat!("`", $name, "`.")]
        pub static $static: PyTypeObject = PyTypeObject {
            ob_base: PyObject::new_static(&PyType_Type),
            tp_name: $name,
            tp_basicsize: Cell::new(size_of::<$layout>()),
            tp_dealloc: slot(exc_dealloc::<$layout>),
            tp_flags: Cell::new(EXC_FLAGS),
            tp_doc: $doc,
            tp_traverse: slot(exc_traverse::<$layout>),
            tp_clear: slot(exc_clear::<$layout>),
            tp_base: type_ptr($base),
            tp_dictoffset: Cell::new(offset_of!(PyBaseExceptionObject, dict)),
            tp_init: slot($init),
            tp_new: slot($new),
            $($field: $value,)*
            ..PyTypeObject::DEFAULT
        };
    };
}

/// `SimpleExtendsException`: a type that only adds a name and a docstring.
macro_rules! simple_exc {
    ($static:ident: $name:literal($base:ident), $doc:literal) => {
        exc_type!(
            $static: $name(&$base), PyBaseExceptionObject, Some($doc),
            new: BaseException_new, init: BaseException_init
        );
    };
}

exc_type!(
    PyExc_BaseException: "BaseException"(&PyBaseObject_Type), PyBaseExceptionObject,
    Some("Common base class for all exceptions"),
    new: BaseException_new, init: BaseException_init,
    tp_repr: slot(BaseException_repr),
    tp_str: slot(BaseException_str),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_methods: &BASE_EXC_METHODS,
    tp_members: &BASE_EXC_MEMBERS,
    tp_getset: &BASE_EXC_GETSET,
);

simple_exc!(PyExc_Exception: "Exception"(PyExc_BaseException), "Common base class for all non-exit exceptions.");
simple_exc!(PyExc_TypeError: "TypeError"(PyExc_Exception), "Inappropriate argument type.");
simple_exc!(PyExc_StopAsyncIteration: "StopAsyncIteration"(PyExc_Exception), "Signal the end from iterator.__anext__().");
simple_exc!(PyExc_GeneratorExit: "GeneratorExit"(PyExc_BaseException), "Request that a generator exit.");
simple_exc!(PyExc_KeyboardInterrupt: "KeyboardInterrupt"(PyExc_BaseException), "Program interrupted by user.");
simple_exc!(PyExc_EOFError: "EOFError"(PyExc_Exception), "Read beyond end of file.");
simple_exc!(PyExc_RuntimeError: "RuntimeError"(PyExc_Exception), "Unspecified run-time error.");
simple_exc!(PyExc_RecursionError: "RecursionError"(PyExc_RuntimeError), "Recursion limit exceeded.");
simple_exc!(PyExc_NotImplementedError: "NotImplementedError"(PyExc_RuntimeError), "Method or function hasn't been implemented yet.");
simple_exc!(PyExc_AssertionError: "AssertionError"(PyExc_Exception), "Assertion failed.");
simple_exc!(PyExc_LookupError: "LookupError"(PyExc_Exception), "Base class for lookup errors.");
simple_exc!(PyExc_IndexError: "IndexError"(PyExc_LookupError), "Sequence index out of range.");
simple_exc!(PyExc_ValueError: "ValueError"(PyExc_Exception), "Inappropriate argument value (of correct type).");
simple_exc!(PyExc_UnicodeError: "UnicodeError"(PyExc_ValueError), "Unicode related error.");
simple_exc!(PyExc_ArithmeticError: "ArithmeticError"(PyExc_Exception), "Base class for arithmetic errors.");
simple_exc!(PyExc_FloatingPointError: "FloatingPointError"(PyExc_ArithmeticError), "Floating point operation failed.");
simple_exc!(PyExc_OverflowError: "OverflowError"(PyExc_ArithmeticError), "Result too large to be represented.");
simple_exc!(PyExc_ZeroDivisionError: "ZeroDivisionError"(PyExc_ArithmeticError), "Second argument to a division or modulo operation was zero.");
simple_exc!(PyExc_SystemError: "SystemError"(PyExc_Exception), "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version.");
simple_exc!(PyExc_ReferenceError: "ReferenceError"(PyExc_Exception), "Weak ref proxy used after referent went away.");
simple_exc!(PyExc_BufferError: "BufferError"(PyExc_Exception), "Buffer error.");
simple_exc!(PyExc_Warning: "Warning"(PyExc_Exception), "Base class for warning categories.");
simple_exc!(PyExc_UserWarning: "UserWarning"(PyExc_Warning), "Base class for warnings generated by user code.");
simple_exc!(PyExc_EncodingWarning: "EncodingWarning"(PyExc_Warning), "Base class for warnings about encodings.");
simple_exc!(PyExc_DeprecationWarning: "DeprecationWarning"(PyExc_Warning), "Base class for warnings about deprecated features.");
simple_exc!(PyExc_PendingDeprecationWarning: "PendingDeprecationWarning"(PyExc_Warning), "Base class for warnings about features which will be deprecated\nin the future.");
simple_exc!(PyExc_SyntaxWarning: "SyntaxWarning"(PyExc_Warning), "Base class for warnings about dubious syntax.");
simple_exc!(PyExc_RuntimeWarning: "RuntimeWarning"(PyExc_Warning), "Base class for warnings about dubious runtime behavior.");
simple_exc!(PyExc_FutureWarning: "FutureWarning"(PyExc_Warning), "Base class for warnings about constructs that will change semantically\nin the future.");
simple_exc!(PyExc_ImportWarning: "ImportWarning"(PyExc_Warning), "Base class for warnings about probable mistakes in module imports");
simple_exc!(PyExc_UnicodeWarning: "UnicodeWarning"(PyExc_Warning), "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.");
simple_exc!(PyExc_BytesWarning: "BytesWarning"(PyExc_Warning), "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.");
simple_exc!(PyExc_ResourceWarning: "ResourceWarning"(PyExc_Warning), "Base class for warnings about resource usage.");

// --- MemoryError ---------------------------------------------------------------------------

simple_exc!(PyExc_MemoryError: "MemoryError"(PyExc_Exception), "Out of memory.");

/// One `MemoryError` kept ready, so that running out of memory or of native stack does
/// not need the normal call path to report itself (CPython keeps a free list of them).
static MEMORY_ERROR_INSTANCE: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);

/// A `MemoryError` instance made without calling the type: the cached one when nobody
/// else holds it (reset to a fresh state), else a newly allocated one.
pub fn memory_error_instance() -> PyObjectRef {
    // SAFETY: single-threaded; the borrow of the global ends before anything that
    // could run Python code (dropping the old traceback, below) happens.
    let cached = unsafe { MEMORY_ERROR_INSTANCE.get_mut() }.clone();
    if let Some(e) = cached {
        // One reference in the cache, one in `e`: nobody else sees the object.
        if e.refcnt() == 2 {
            let b = as_exc(&e);
            b.traceback.set(None);
            b.context.set(None);
            b.cause.set(None);
            b.dict.set(None);
            b.suppress_context.set(false);
            set_args_from_slice(b, &[]);
            return e;
        }
        return exc_alloc(&PyExc_MemoryError, PyTuple_New(Vec::new()).into_object());
    }
    let e = exc_alloc(&PyExc_MemoryError, PyTuple_New(Vec::new()).into_object());
    // SAFETY: as above.
    unsafe { *MEMORY_ERROR_INSTANCE.get_mut() = Some(e.clone()) };
    e
}

// --- StopIteration, SystemExit --------------------------------------------------------------

fn StopIteration_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    BaseException_init(obj, args, kwnames)?;
    let value = positional(args, kwnames).first().cloned();
    as_layout::<PyStopIterationObject>(obj).value.set(value);
    Ok(())
}

static STOPITERATION_MEMBERS: [PyMemberDef; 1] = [member(
    "value",
    offset_of!(PyStopIterationObject, value),
    0,
    "generator return value",
)];

exc_type!(
    PyExc_StopIteration: "StopIteration"(&PyExc_Exception), PyStopIterationObject,
    Some("Signal the end from iterator.__next__()."),
    new: BaseException_new, init: StopIteration_init,
    tp_members: &STOPITERATION_MEMBERS,
);

fn SystemExit_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    BaseException_init(obj, args, kwnames)?;
    let pos = positional(args, kwnames);
    let code = match pos {
        [] => None,
        [one] => Some(one.clone()),
        _ => Some(PyTuple_New(pos.to_vec()).into_object()),
    };
    as_layout::<PySystemExitObject>(obj).code.set(code);
    Ok(())
}

static SYSTEMEXIT_MEMBERS: [PyMemberDef; 1] = [member(
    "code",
    offset_of!(PySystemExitObject, code),
    0,
    "exception code",
)];

exc_type!(
    PyExc_SystemExit: "SystemExit"(&PyExc_BaseException), PySystemExitObject,
    Some("Request to exit from the interpreter."),
    new: BaseException_new, init: SystemExit_init,
    tp_members: &SYSTEMEXIT_MEMBERS,
);

// --- ImportError -------------------------------------------------------------------------------

fn ImportError_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let pos = positional(args, kwnames);
    set_args_from_slice(as_exc(obj), pos);
    let kw = parse_kwonly("ImportError", &["name", "path"], args, kwnames)?;
    let e = as_layout::<PyImportErrorObject>(obj);
    let mut kw = kw.into_iter();
    e.name.set(kw.next().flatten());
    e.path.set(kw.next().flatten());
    e.msg.set(match pos {
        [one] => Some(one.clone()),
        _ => None,
    });
    Ok(())
}

fn ImportError_str(obj: &PyObject) -> PyResult {
    match as_layout::<PyImportErrorObject>(obj).msg.get() {
        Some(m) if PyUnicodeObject::check_exact(&m) => Ok(m),
        _ => BaseException_str(obj),
    }
}

/// The state `ImportError.__reduce__` pickles: the dict plus `name` and `path`.
fn ImportError_getstate(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let e = as_layout::<PyImportErrorObject>(obj);
    let dict = e.base.dict.get();
    let (name, path) = (e.name.get(), e.path.get());
    if name.is_none() && path.is_none() {
        return Ok(dict);
    }
    let d = PyDict_New();
    if let Some(old) = &dict {
        PyDict_Update(&d, old)?;
    }
    if let Some(n) = name {
        PyDict_SetItem(&d, crate::intern!("name"), &n)?;
    }
    if let Some(p) = path {
        PyDict_SetItem(&d, crate::intern!("path"), &p)?;
    }
    Ok(Some(d.into_object()))
}

fn ImportError_reduce(obj: &PyObject) -> PyResult {
    let state = ImportError_getstate(obj)?;
    let tp = obj.ob_type().as_object().to_owned();
    let args = or_none(as_exc(obj).args.get());
    Ok(match state {
        Some(s) => PyTuple_New(vec![tp, args, s]),
        None => PyTuple_New(vec![tp, args]),
    }
    .into_object())
}

static IMPORTERROR_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(ImportError_reduce),
    "",
)];

static IMPORTERROR_MEMBERS: [PyMemberDef; 3] = [
    member(
        "msg",
        offset_of!(PyImportErrorObject, msg),
        0,
        "exception message",
    ),
    member(
        "name",
        offset_of!(PyImportErrorObject, name),
        0,
        "module name",
    ),
    member(
        "path",
        offset_of!(PyImportErrorObject, path),
        0,
        "module path",
    ),
];

exc_type!(
    PyExc_ImportError: "ImportError"(&PyExc_Exception), PyImportErrorObject,
    Some("Import can't find module, or can't find name in module."),
    new: BaseException_new, init: ImportError_init,
    tp_str: slot(ImportError_str),
    tp_methods: &IMPORTERROR_METHODS,
    tp_members: &IMPORTERROR_MEMBERS,
);

exc_type!(
    PyExc_ModuleNotFoundError: "ModuleNotFoundError"(&PyExc_ImportError), PyImportErrorObject,
    Some("Module not found."),
    new: BaseException_new, init: ImportError_init,
);

// --- OSError -------------------------------------------------------------------------------------

/// The arguments `OSError(errno, strerror[, filename[, winerror[, filename2]]])`
/// unpacks; all empty unless two to five arguments were given.
#[derive(Default)]
struct OSErrorArgs {
    myerrno: Option<PyObjectRef>,
    strerror: Option<PyObjectRef>,
    filename: Option<PyObjectRef>,
    filename2: Option<PyObjectRef>,
}

/// `oserror_parse_args`.
fn oserror_parse_args(pos: &[PyObjectRef]) -> OSErrorArgs {
    if !(2..=5).contains(&pos.len()) {
        return OSErrorArgs::default();
    }
    OSErrorArgs {
        myerrno: pos.first().cloned(),
        strerror: pos.get(1).cloned(),
        filename: pos.get(2).cloned(),
        // pos[3] is `winerror`, which only Windows uses.
        filename2: pos.get(4).cloned(),
    }
}

/// `oserror_init`: store the parsed fields; when a file name is given, `args` keeps
/// only `(errno, strerror)` (as CPython does for compatibility).
fn oserror_init(e: &PyOSErrorObject, pos: &[PyObjectRef], p: OSErrorArgs) -> PyResult<()> {
    let mut args = pos;
    if let Some(filename) = p.filename.as_ref().filter(|f| !f.is(Py_None())) {
        let obj = e.base.ob_base.ob_type();
        if std::ptr::eq(obj, &PyExc_BlockingIOError) && crate::r#abstract::PyNumber_Check(filename)
        {
            // BlockingIOError's third argument is the number of characters written.
            let n = crate::r#abstract::PyNumber_AsSsize_t(filename, Some(&PyExc_ValueError))?;
            e.written.set(n);
        } else {
            e.filename.set(Some(filename.clone()));
            if let Some(f2) = p.filename2.as_ref().filter(|f| !f.is(Py_None())) {
                e.filename2.set(Some(f2.clone()));
            }
            if (2..=5).contains(&pos.len()) {
                args = &pos[..2];
            }
        }
    }
    e.myerrno.set(p.myerrno);
    e.strerror.set(p.strerror);
    set_args_from_slice(&e.base, args);
    Ok(())
}

/// `oserror_use_init`: a subclass that defines `__init__` (but keeps our `__new__`)
/// gets its arguments parsed by `__init__`, so `__new__` ignores extra ones.
fn oserror_use_init(tp: &PyTypeObject) -> bool {
    use include::cpython::object::slots::{initproc, newfunc};
    // Slot functions are compared by address, as CPython compares the pointers.
    let init_is_ours =
        tp.tp_init.get().map(|f| f as usize) == Some(OSError_init as initproc as usize);
    let new_is_ours = tp.tp_new.get().map(|f| f as usize) == Some(OSError_new as newfunc as usize);
    !init_is_ours && new_is_ours
}

/// The errno values that `OSError(errno, ...)` turns into a subclass. Values are the
/// platform's `<errno.h>` constants.
#[cfg(not(any(target_os = "macos", target_os = "ios", target_os = "freebsd")))]
mod errno_values {
    pub const EAGAIN: i64 = 11;
    pub const EALREADY: i64 = 114;
    pub const EINPROGRESS: i64 = 115;
    pub const EWOULDBLOCK: i64 = 11;
    pub const EPIPE: i64 = 32;
    pub const ESHUTDOWN: i64 = 108;
    pub const ECHILD: i64 = 10;
    pub const ECONNABORTED: i64 = 103;
    pub const ECONNREFUSED: i64 = 111;
    pub const ECONNRESET: i64 = 104;
    pub const EEXIST: i64 = 17;
    pub const ENOENT: i64 = 2;
    pub const EISDIR: i64 = 21;
    pub const ENOTDIR: i64 = 20;
    pub const EINTR: i64 = 4;
    pub const EACCES: i64 = 13;
    pub const EPERM: i64 = 1;
    pub const ESRCH: i64 = 3;
    pub const ETIMEDOUT: i64 = 110;
}

#[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
mod errno_values {
    pub const EAGAIN: i64 = 35;
    pub const EALREADY: i64 = 37;
    pub const EINPROGRESS: i64 = 36;
    pub const EWOULDBLOCK: i64 = 35;
    pub const EPIPE: i64 = 32;
    pub const ESHUTDOWN: i64 = 58;
    pub const ECHILD: i64 = 10;
    pub const ECONNABORTED: i64 = 53;
    pub const ECONNREFUSED: i64 = 61;
    pub const ECONNRESET: i64 = 54;
    pub const EEXIST: i64 = 17;
    pub const ENOENT: i64 = 2;
    pub const EISDIR: i64 = 21;
    pub const ENOTDIR: i64 = 20;
    pub const EINTR: i64 = 4;
    pub const EACCES: i64 = 13;
    pub const EPERM: i64 = 1;
    pub const ESRCH: i64 = 3;
    pub const ETIMEDOUT: i64 = 60;
}

/// The `OSError` subclass for an errno value (CPython's `errnomap`, filled by
/// `ADD_ERRNO` in `_PyExc_InitState`).
pub fn errno_to_subclass(errno: i64) -> Option<&'static PyTypeObject> {
    use errno_values::*;
    Some(match errno {
        e if e == EAGAIN || e == EALREADY || e == EINPROGRESS || e == EWOULDBLOCK => {
            &PyExc_BlockingIOError
        }
        e if e == EPIPE || e == ESHUTDOWN => &PyExc_BrokenPipeError,
        e if e == ECHILD => &PyExc_ChildProcessError,
        e if e == ECONNABORTED => &PyExc_ConnectionAbortedError,
        e if e == ECONNREFUSED => &PyExc_ConnectionRefusedError,
        e if e == ECONNRESET => &PyExc_ConnectionResetError,
        e if e == EEXIST => &PyExc_FileExistsError,
        e if e == ENOENT => &PyExc_FileNotFoundError,
        e if e == EISDIR => &PyExc_IsADirectoryError,
        e if e == ENOTDIR => &PyExc_NotADirectoryError,
        e if e == EINTR => &PyExc_InterruptedError,
        e if e == EACCES || e == EPERM => &PyExc_PermissionError,
        e if e == ESRCH => &PyExc_ProcessLookupError,
        e if e == ETIMEDOUT => &PyExc_TimeoutError,
        _ => return None,
    })
}

/// `OSError.__new__`: parses the arguments (unless a subclass's `__init__` will) and,
/// for `OSError` itself, picks the subclass matching the errno.
fn OSError_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let pos = positional(args, kwnames);
    let mut tp = tp;
    let mut parsed = None;
    if !oserror_use_init(tp) {
        check_no_kwargs(tp.name(), kwnames)?;
        let p = oserror_parse_args(pos);
        if std::ptr::eq(tp, &PyExc_OSError) {
            if let Some(n) = p.myerrno.as_ref().filter(|n| PyLongObject::check(n)) {
                if let Some(sub) = PyLong_AsSsize_t_opt(n).and_then(|v| errno_to_subclass(v as i64))
                {
                    tp = sub;
                }
            }
        }
        parsed = Some(p);
    }
    // SAFETY: `tp` is OSError or a subtype, whose instances extend this layout with
    // zero-initialisable fields.
    let obj = unsafe {
        alloc_object(
            tp,
            PyOSErrorObject {
                base: PyBaseExceptionObject::new(PyTuple_New(Vec::new()).into_object()),
                myerrno: PyCell::new(None),
                strerror: PyCell::new(None),
                filename: PyCell::new(None),
                filename2: PyCell::new(None),
                written: Cell::new(-1),
            },
        )
    };
    if let Some(p) = parsed {
        oserror_init(&obj, pos, p)?;
    }
    Ok(obj.into_object())
}

fn OSError_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    if !oserror_use_init(obj.ob_type()) {
        // Everything was done by `__new__`.
        return Ok(());
    }
    check_no_kwargs(obj.ob_type().name(), kwnames)?;
    let pos = positional(args, kwnames);
    let p = oserror_parse_args(pos);
    oserror_init(as_layout::<PyOSErrorObject>(obj), pos, p)
}

/// `OSError.__str__`: `[Errno 2] No such file or directory: 'f'`.
fn OSError_str(obj: &PyObject) -> PyResult {
    let e = as_layout::<PyOSErrorObject>(obj);
    let errno = or_none(e.myerrno.get());
    let strerror = or_none(e.strerror.get());
    if let Some(filename) = e.filename.get() {
        let mut m = Msg::new();
        m.text("[Errno ");
        m.str_of(&errno)?.text("] ");
        m.str_of(&strerror)?.text(": ");
        m.repr_of(&filename)?;
        if let Some(f2) = e.filename2.get() {
            m.text(" -> ");
            m.repr_of(&f2)?;
        }
        return Ok(m.finish());
    }
    if let (Some(n), Some(s)) = (e.myerrno.get(), e.strerror.get()) {
        let mut m = Msg::new();
        m.text("[Errno ");
        m.str_of(&n)?.text("] ");
        m.str_of(&s)?;
        return Ok(m.finish());
    }
    BaseException_str(obj)
}

/// `OSError.__reduce__`: puts the file names back into the arguments.
fn OSError_reduce(obj: &PyObject) -> PyResult {
    let e = as_layout::<PyOSErrorObject>(obj);
    let mut args = or_none(e.base.args.get());
    if let (Some(filename), Some(t)) = (e.filename.get(), args.downcast_ref::<PyTupleObject>()) {
        if t.len() == 2 {
            let mut items = t.as_slice().to_vec();
            items.push(filename);
            if let Some(f2) = e.filename2.get() {
                items.push(none());
                items.push(f2);
            }
            args = PyTuple_New(items).into_object();
        }
    }
    let tp = obj.ob_type().as_object().to_owned();
    Ok(match e.base.dict.get() {
        Some(d) => PyTuple_New(vec![tp, args, d]),
        None => PyTuple_New(vec![tp, args]),
    }
    .into_object())
}

fn OSError_written_get(obj: &PyObject) -> PyResult {
    let w = as_layout::<PyOSErrorObject>(obj).written.get();
    if w == -1 {
        return Err(attribute_error("characters_written"));
    }
    Ok(PyLong_FromSsize_t(w))
}

fn OSError_written_set(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let e = as_layout::<PyOSErrorObject>(obj);
    match value {
        None => {
            if e.written.get() == -1 {
                return Err(attribute_error("characters_written"));
            }
            e.written.set(-1);
        }
        Some(v) => {
            let n = crate::r#abstract::PyNumber_AsSsize_t(v, Some(&PyExc_ValueError))?;
            e.written.set(n);
        }
    }
    Ok(())
}

static OSERROR_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(OSError_reduce),
    "",
)];

static OSERROR_MEMBERS: [PyMemberDef; 4] = [
    member(
        "errno",
        offset_of!(PyOSErrorObject, myerrno),
        0,
        "POSIX exception code",
    ),
    member(
        "strerror",
        offset_of!(PyOSErrorObject, strerror),
        0,
        "exception strerror",
    ),
    member(
        "filename",
        offset_of!(PyOSErrorObject, filename),
        0,
        "exception filename",
    ),
    member(
        "filename2",
        offset_of!(PyOSErrorObject, filename2),
        0,
        "second exception filename",
    ),
];

static OSERROR_GETSET: [PyGetSetDef; 1] = [PyGetSetDef::getset(
    "characters_written",
    OSError_written_get,
    OSError_written_set,
)];

exc_type!(
    PyExc_OSError: "OSError"(&PyExc_Exception), PyOSErrorObject,
    Some("Base class for I/O related errors."),
    new: OSError_new, init: OSError_init,
    tp_str: slot(OSError_str),
    tp_methods: &OSERROR_METHODS,
    tp_members: &OSERROR_MEMBERS,
    tp_getset: &OSERROR_GETSET,
);

pub use self::PyExc_OSError as PyExc_EnvironmentError;
pub use self::PyExc_OSError as PyExc_IOError;

/// `MiddlingExtendsException(PyExc_OSError, ...)`: an OSError subclass.
macro_rules! oserror_sub {
    ($static:ident: $name:literal($base:ident), $doc:literal) => {
        exc_type!(
            $static: $name(&$base), PyOSErrorObject, Some($doc),
            new: OSError_new, init: OSError_init
        );
    };
}

oserror_sub!(PyExc_BlockingIOError: "BlockingIOError"(PyExc_OSError), "I/O operation would block.");
oserror_sub!(PyExc_ConnectionError: "ConnectionError"(PyExc_OSError), "Connection error.");
oserror_sub!(PyExc_ChildProcessError: "ChildProcessError"(PyExc_OSError), "Child process error.");
oserror_sub!(PyExc_BrokenPipeError: "BrokenPipeError"(PyExc_ConnectionError), "Broken pipe.");
oserror_sub!(PyExc_ConnectionAbortedError: "ConnectionAbortedError"(PyExc_ConnectionError), "Connection aborted.");
oserror_sub!(PyExc_ConnectionRefusedError: "ConnectionRefusedError"(PyExc_ConnectionError), "Connection refused.");
oserror_sub!(PyExc_ConnectionResetError: "ConnectionResetError"(PyExc_ConnectionError), "Connection reset.");
oserror_sub!(PyExc_FileExistsError: "FileExistsError"(PyExc_OSError), "File already exists.");
oserror_sub!(PyExc_FileNotFoundError: "FileNotFoundError"(PyExc_OSError), "File not found.");
oserror_sub!(PyExc_IsADirectoryError: "IsADirectoryError"(PyExc_OSError), "Operation doesn't work on directories.");
oserror_sub!(PyExc_NotADirectoryError: "NotADirectoryError"(PyExc_OSError), "Operation only works on directories.");
oserror_sub!(PyExc_InterruptedError: "InterruptedError"(PyExc_OSError), "Interrupted by signal.");
oserror_sub!(PyExc_PermissionError: "PermissionError"(PyExc_OSError), "Not enough permissions.");
oserror_sub!(PyExc_ProcessLookupError: "ProcessLookupError"(PyExc_OSError), "Process not found.");
oserror_sub!(PyExc_TimeoutError: "TimeoutError"(PyExc_OSError), "Timeout expired.");

// --- NameError, AttributeError -------------------------------------------------------------------

fn NameError_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    set_args_from_slice(as_exc(obj), positional(args, kwnames));
    let kw = parse_kwonly("NameError", &["name"], args, kwnames)?;
    as_layout::<PyNameErrorObject>(obj)
        .name
        .set(kw.into_iter().next().flatten());
    Ok(())
}

static NAMEERROR_MEMBERS: [PyMemberDef; 1] = [member(
    "name",
    offset_of!(PyNameErrorObject, name),
    0,
    "name",
)];

exc_type!(
    PyExc_NameError: "NameError"(&PyExc_Exception), PyNameErrorObject,
    Some("Name not found globally."),
    new: BaseException_new, init: NameError_init,
    tp_str: slot(BaseException_str),
    tp_members: &NAMEERROR_MEMBERS,
);

exc_type!(
    PyExc_UnboundLocalError: "UnboundLocalError"(&PyExc_NameError), PyNameErrorObject,
    Some("Local name referenced but not bound to a value."),
    new: BaseException_new, init: NameError_init,
);

fn AttributeError_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    set_args_from_slice(as_exc(obj), positional(args, kwnames));
    let kw = parse_kwonly("AttributeError", &["name", "obj"], args, kwnames)?;
    let e = as_layout::<PyAttributeErrorObject>(obj);
    let mut kw = kw.into_iter();
    e.name.set(kw.next().flatten());
    e.obj.set(kw.next().flatten());
    Ok(())
}

static ATTRIBUTEERROR_MEMBERS: [PyMemberDef; 2] = [
    member(
        "name",
        offset_of!(PyAttributeErrorObject, name),
        0,
        "attribute name",
    ),
    member("obj", offset_of!(PyAttributeErrorObject, obj), 0, "object"),
];

exc_type!(
    PyExc_AttributeError: "AttributeError"(&PyExc_Exception), PyAttributeErrorObject,
    Some("Attribute not found."),
    new: BaseException_new, init: AttributeError_init,
    tp_str: slot(BaseException_str),
    tp_members: &ATTRIBUTEERROR_MEMBERS,
);

/// Record on an `AttributeError` the object and attribute name the lookup failed for
/// (3.11's `set_attribute_error_context`), so that tracebacks can offer "Did you
/// mean" suggestions. Errors of other types, and ones already carrying a name or
/// object, are left alone.
pub fn set_attribute_error_context(err: &PyErr, obj: &PyObject, name: &PyObject) {
    let Some(e) = err.value().downcast_ref::<PyAttributeErrorObject>() else {
        return;
    };
    // SAFETY: the borrows end at once.
    let already = unsafe { e.name.get_ref().is_some() || e.obj.get_ref().is_some() };
    if already {
        return;
    }
    e.name.set(Some(name.to_owned()));
    e.obj.set(Some(obj.to_owned()));
}

// --- SyntaxError -----------------------------------------------------------------------------------

fn SyntaxError_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    BaseException_init(obj, args, kwnames)?;
    let pos = positional(args, kwnames);
    let e = as_layout::<PySyntaxErrorObject>(obj);
    if let Some(msg) = pos.first() {
        e.msg.set(Some(msg.clone()));
    }
    if pos.len() == 2 {
        let info = crate::r#abstract::PySequence_Tuple(&pos[1])?;
        // SAFETY: `PySequence_Tuple` returns a tuple.
        let info = unsafe { info.downcast_ref_unchecked::<PyTupleObject>() };
        let items = info.as_slice();
        e.end_lineno.set(None);
        e.end_offset.set(None);
        check_arg_count(items.len(), 4, 6)?;
        e.filename.set(Some(items[0].clone()));
        e.lineno.set(Some(items[1].clone()));
        e.offset.set(Some(items[2].clone()));
        e.text.set(Some(items[3].clone()));
        e.end_lineno.set(items.get(4).cloned());
        e.end_offset.set(items.get(5).cloned());
        if items.len() == 5 {
            return Err(type_error(
                "end_offset must be provided when end_lineno is provided",
            ));
        }
    }
    Ok(())
}

/// The last path component of a file name (`my_basename`), as a str.
fn my_basename(name: &PyUnicodeObject) -> PyObjectRef {
    let n = name.len();
    let start = (0..n)
        .rev()
        .find(|&i| name.char_at(i) == '/' as u32)
        .map_or(0, |i| i + 1);
    if start == 0 {
        return name.as_object().to_owned();
    }
    crate::unicodeobject::unicode_substring(name, start, n)
}

/// `SyntaxError.__str__`: `invalid syntax (file.py, line 3)`.
fn SyntaxError_str(obj: &PyObject) -> PyResult {
    let e = as_layout::<PySyntaxErrorObject>(obj);
    let filename = e
        .filename
        .get()
        .and_then(|f| f.downcast_ref::<PyUnicodeObject>().map(my_basename));
    let lineno = e.lineno.get().filter(|l| PyLongObject::check_exact(l));
    let msg = or_none(e.msg.get());
    if filename.is_none() && lineno.is_none() {
        return PyObject_Str(&msg);
    }
    let mut m = Msg::new();
    m.str_of(&msg)?;
    m.text(" (");
    if let Some(f) = &filename {
        m.obj(f);
    }
    if let Some(l) = &lineno {
        if filename.is_some() {
            m.text(", ");
        }
        // `%ld` of `PyLong_AsLongAndOverflow`: -1 when it does not fit.
        let n = crate::longobject::PyLong_AsLong(l).unwrap_or(-1);
        m.text(&format!("line {n}"));
    }
    m.text(")");
    Ok(m.finish())
}

static SYNTAXERROR_MEMBERS: [PyMemberDef; 8] = [
    member(
        "msg",
        offset_of!(PySyntaxErrorObject, msg),
        0,
        "exception msg",
    ),
    member(
        "filename",
        offset_of!(PySyntaxErrorObject, filename),
        0,
        "exception filename",
    ),
    member(
        "lineno",
        offset_of!(PySyntaxErrorObject, lineno),
        0,
        "exception lineno",
    ),
    member(
        "offset",
        offset_of!(PySyntaxErrorObject, offset),
        0,
        "exception offset",
    ),
    member(
        "text",
        offset_of!(PySyntaxErrorObject, text),
        0,
        "exception text",
    ),
    member(
        "end_lineno",
        offset_of!(PySyntaxErrorObject, end_lineno),
        0,
        "exception end lineno",
    ),
    member(
        "end_offset",
        offset_of!(PySyntaxErrorObject, end_offset),
        0,
        "exception end offset",
    ),
    member(
        "print_file_and_line",
        offset_of!(PySyntaxErrorObject, print_file_and_line),
        0,
        "exception print_file_and_line",
    ),
];

exc_type!(
    PyExc_SyntaxError: "SyntaxError"(&PyExc_Exception), PySyntaxErrorObject,
    Some("Invalid syntax."),
    new: BaseException_new, init: SyntaxError_init,
    tp_str: slot(SyntaxError_str),
    tp_members: &SYNTAXERROR_MEMBERS,
);

exc_type!(
    PyExc_IndentationError: "IndentationError"(&PyExc_SyntaxError), PySyntaxErrorObject,
    Some("Improper indentation."),
    new: BaseException_new, init: SyntaxError_init,
);

exc_type!(
    PyExc_TabError: "TabError"(&PyExc_IndentationError), PySyntaxErrorObject,
    Some("Improper mixture of spaces and tabs."),
    new: BaseException_new, init: SyntaxError_init,
);

/// Build a `SyntaxError` as the compiler reports one:
/// `SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
/// `offset`s are 1-based columns; a missing `text` or end position is `None`.
pub fn syntax_error_new(
    msg: &str,
    filename: &str,
    lineno: isize,
    offset: isize,
    text: Option<&str>,
    end_lineno: Option<isize>,
    end_offset: Option<isize>,
) -> PyErr {
    syntax_error_new_with_type(
        &PyExc_SyntaxError,
        msg,
        filename,
        lineno,
        offset,
        text,
        end_lineno,
        end_offset,
    )
}

/// [`syntax_error_new`] for `IndentationError`/`TabError` (or any `SyntaxError`
/// subclass).
#[allow(clippy::too_many_arguments)]
pub fn syntax_error_new_with_type(
    tp: &PyTypeObject,
    msg: &str,
    filename: &str,
    lineno: isize,
    offset: isize,
    text: Option<&str>,
    end_lineno: Option<isize>,
    end_offset: Option<isize>,
) -> PyErr {
    let opt_int = |v: Option<isize>| v.map_or_else(none, PyLong_FromSsize_t);
    let info = PyTuple_New(vec![
        PyUnicode_FromString(filename),
        PyLong_FromSsize_t(lineno),
        PyLong_FromSsize_t(offset),
        text.map_or_else(none, PyUnicode_FromString),
        opt_int(end_lineno),
        opt_int(end_offset),
    ]);
    PyErr_FromArgs(tp, &[PyUnicode_FromString(msg), info.into_object()])
}

/// The location fields of a `SyntaxError`, for printing it (`print_exception`'s
/// special case). Empty fields read as `None`.
pub struct SyntaxErrorInfo {
    pub msg: PyObjectRef,
    pub filename: PyObjectRef,
    pub lineno: PyObjectRef,
    pub offset: PyObjectRef,
    pub text: PyObjectRef,
    pub end_lineno: PyObjectRef,
    pub end_offset: PyObjectRef,
    pub print_file_and_line: PyObjectRef,
}

/// The fields of a `SyntaxError` (or subclass) instance; `None` for other objects.
pub fn syntax_error_info(exc: &PyObject) -> Option<SyntaxErrorInfo> {
    let e = exc.downcast_ref::<PySyntaxErrorObject>()?;
    Some(SyntaxErrorInfo {
        msg: or_none(e.msg.get()),
        filename: or_none(e.filename.get()),
        lineno: or_none(e.lineno.get()),
        offset: or_none(e.offset.get()),
        text: or_none(e.text.get()),
        end_lineno: or_none(e.end_lineno.get()),
        end_offset: or_none(e.end_offset.get()),
        print_file_and_line: or_none(e.print_file_and_line.get()),
    })
}

// --- KeyError ------------------------------------------------------------------------------------

/// `KeyError.__str__`: the repr of a single argument, so `KeyError('')` shows `''`.
fn KeyError_str(obj: &PyObject) -> PyResult {
    let args = as_exc(obj).args_tuple();
    match args.as_slice() {
        [one] => PyObject_Repr(one),
        _ => BaseException_str(obj),
    }
}

exc_type!(
    PyExc_KeyError: "KeyError"(&PyExc_LookupError), PyBaseExceptionObject,
    Some("Mapping key not found."),
    new: BaseException_new, init: BaseException_init,
    tp_str: slot(KeyError_str),
);

// --- Unicode errors --------------------------------------------------------------------------------

fn UnicodeEncodeError_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    BaseException_init(obj, args, kwnames)?;
    let e = as_layout::<PyUnicodeErrorObject>(obj);
    e.encoding.set(None);
    e.object.set(None);
    e.reason.set(None);
    let pos = positional(args, kwnames);
    check_arg_count(pos.len(), 5, 5)?;
    let encoding = getarg_str(&pos[0], 1)?;
    let object = getarg_str(&pos[1], 2)?;
    e.start.set(getarg_ssize(&pos[2])?);
    e.end.set(getarg_ssize(&pos[3])?);
    let reason = getarg_str(&pos[4], 5)?;
    e.encoding.set(Some(encoding));
    e.object.set(Some(object));
    e.reason.set(Some(reason));
    Ok(())
}

/// The bytes a `UnicodeDecodeError` holds: a bytes object as is, any other object
/// with the buffer protocol copied into one.
fn decode_error_object(obj: &PyObject) -> PyResult<PyObjectRef> {
    if crate::bytesobject::PyBytesObject::check(obj) {
        return Ok(obj.to_owned());
    }
    match crate::bytesobject::bytes_like_data(obj) {
        Some(data) => Ok(crate::bytesobject::PyBytes_FromSlice(&data)),
        None => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            obj.ob_type().name()
        ))),
    }
}

fn UnicodeDecodeError_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    BaseException_init(obj, args, kwnames)?;
    let e = as_layout::<PyUnicodeErrorObject>(obj);
    e.encoding.set(None);
    e.object.set(None);
    e.reason.set(None);
    let pos = positional(args, kwnames);
    check_arg_count(pos.len(), 5, 5)?;
    let encoding = getarg_str(&pos[0], 1)?;
    e.start.set(getarg_ssize(&pos[2])?);
    e.end.set(getarg_ssize(&pos[3])?);
    let reason = getarg_str(&pos[4], 5)?;
    let object = decode_error_object(&pos[1])?;
    e.encoding.set(Some(encoding));
    e.object.set(Some(object));
    e.reason.set(Some(reason));
    Ok(())
}

fn UnicodeTranslateError_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    BaseException_init(obj, args, kwnames)?;
    let e = as_layout::<PyUnicodeErrorObject>(obj);
    e.object.set(None);
    e.reason.set(None);
    let pos = positional(args, kwnames);
    check_arg_count(pos.len(), 4, 4)?;
    let object = getarg_str(&pos[0], 1)?;
    e.start.set(getarg_ssize(&pos[1])?);
    e.end.set(getarg_ssize(&pos[2])?);
    let reason = getarg_str(&pos[3], 4)?;
    e.object.set(Some(object));
    e.reason.set(Some(reason));
    Ok(())
}

/// The `\xNN`, `\uNNNN` or `\UNNNNNNNN` form of a code point in error messages.
fn escaped_char(c: u32) -> String {
    if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// The single bad position, if the error covers exactly one item of a sequence of
/// `len` (the test shared by the three `__str__`s).
fn single_position(e: &PyUnicodeErrorObject, len: usize) -> Option<usize> {
    let (start, end) = (e.start.get(), e.end.get());
    let len = len as isize;
    if start >= 0 && start < len && end >= 0 && end <= len && end == start + 1 {
        Some(start as usize)
    } else {
        None
    }
}

/// `UnicodeEncodeError.__str__`.
fn UnicodeEncodeError_str(obj: &PyObject) -> PyResult {
    let e = as_layout::<PyUnicodeErrorObject>(obj);
    let Some(object) = e.object.get() else {
        // Not initialised (made by `__new__` alone).
        return Ok(PyUnicode_FromString(""));
    };
    let reason = PyObject_Str(&or_none(e.reason.get()))?;
    let encoding = PyObject_Str(&or_none(e.encoding.get()))?;
    let u = object.downcast_ref::<PyUnicodeObject>();
    let mut m = Msg::new();
    m.text("'").obj(&encoding).text("' codec can't encode ");
    match (u, u.and_then(|u| single_position(e, u.len()))) {
        (Some(u), Some(i)) => {
            m.text(&format!(
                "character '{}' in position {i}: ",
                escaped_char(u.char_at(i))
            ));
        }
        _ => {
            m.text(&format!(
                "characters in position {}-{}: ",
                e.start.get(),
                e.end.get().wrapping_sub(1)
            ));
        }
    }
    m.obj(&reason);
    Ok(m.finish())
}

/// `UnicodeDecodeError.__str__`.
fn UnicodeDecodeError_str(obj: &PyObject) -> PyResult {
    let e = as_layout::<PyUnicodeErrorObject>(obj);
    let Some(object) = e.object.get() else {
        return Ok(PyUnicode_FromString(""));
    };
    let reason = PyObject_Str(&or_none(e.reason.get()))?;
    let encoding = PyObject_Str(&or_none(e.encoding.get()))?;
    // (len, the byte at `start` if in range); an object that is not bytes-like
    // (only by assignment) counts as empty.
    let start = e.start.get();
    let (len, byte) = crate::bytesobject::with_bytes_like(&object, |d| {
        let b = usize::try_from(start).ok().and_then(|i| d.get(i).copied());
        (d.len(), b)
    })
    .unwrap_or((0, None));
    let mut m = Msg::new();
    m.text("'").obj(&encoding).text("' codec can't decode ");
    match (single_position(e, len), byte) {
        (Some(i), Some(b)) => {
            m.text(&format!("byte 0x{b:02x} in position {i}: "));
        }
        _ => {
            m.text(&format!(
                "bytes in position {}-{}: ",
                e.start.get(),
                e.end.get().wrapping_sub(1)
            ));
        }
    }
    m.obj(&reason);
    Ok(m.finish())
}

/// `UnicodeTranslateError.__str__`.
fn UnicodeTranslateError_str(obj: &PyObject) -> PyResult {
    let e = as_layout::<PyUnicodeErrorObject>(obj);
    let Some(object) = e.object.get() else {
        return Ok(PyUnicode_FromString(""));
    };
    let reason = PyObject_Str(&or_none(e.reason.get()))?;
    let u = object.downcast_ref::<PyUnicodeObject>();
    let mut m = Msg::new();
    m.text("can't translate ");
    match (u, u.and_then(|u| single_position(e, u.len()))) {
        (Some(u), Some(i)) => {
            m.text(&format!(
                "character '{}' in position {i}: ",
                escaped_char(u.char_at(i))
            ));
        }
        _ => {
            m.text(&format!(
                "characters in position {}-{}: ",
                e.start.get(),
                e.end.get().wrapping_sub(1)
            ));
        }
    }
    m.obj(&reason);
    Ok(m.finish())
}

static UNICODEERROR_MEMBERS: [PyMemberDef; 5] = [
    member(
        "encoding",
        offset_of!(PyUnicodeErrorObject, encoding),
        0,
        "exception encoding",
    ),
    member(
        "object",
        offset_of!(PyUnicodeErrorObject, object),
        0,
        "exception object",
    ),
    PyMemberDef {
        name: "start",
        type_code: MemberType::PySsizeT,
        offset: offset_of!(PyUnicodeErrorObject, start),
        flags: 0,
        doc: Some("exception start"),
    },
    PyMemberDef {
        name: "end",
        type_code: MemberType::PySsizeT,
        offset: offset_of!(PyUnicodeErrorObject, end),
        flags: 0,
        doc: Some("exception end"),
    },
    member(
        "reason",
        offset_of!(PyUnicodeErrorObject, reason),
        0,
        "exception reason",
    ),
];

exc_type!(
    PyExc_UnicodeEncodeError: "UnicodeEncodeError"(&PyExc_UnicodeError), PyUnicodeErrorObject,
    Some("Unicode encoding error."),
    new: BaseException_new, init: UnicodeEncodeError_init,
    tp_str: slot(UnicodeEncodeError_str),
    tp_members: &UNICODEERROR_MEMBERS,
);

exc_type!(
    PyExc_UnicodeDecodeError: "UnicodeDecodeError"(&PyExc_UnicodeError), PyUnicodeErrorObject,
    Some("Unicode decoding error."),
    new: BaseException_new, init: UnicodeDecodeError_init,
    tp_str: slot(UnicodeDecodeError_str),
    tp_members: &UNICODEERROR_MEMBERS,
);

exc_type!(
    PyExc_UnicodeTranslateError: "UnicodeTranslateError"(&PyExc_UnicodeError), PyUnicodeErrorObject,
    Some("Unicode translation error."),
    new: BaseException_new, init: UnicodeTranslateError_init,
    tp_str: slot(UnicodeTranslateError_str),
    tp_members: &UNICODEERROR_MEMBERS,
);

/// `PyUnicodeEncodeError_Create`: `UnicodeEncodeError(encoding, object, start, end,
/// reason)`, as the codecs raise it.
pub fn PyUnicodeEncodeError_Create(
    encoding: &str,
    object: &PyObject,
    start: isize,
    end: isize,
    reason: &str,
) -> PyErr {
    PyErr_FromArgs(
        &PyExc_UnicodeEncodeError,
        &[
            PyUnicode_FromString(encoding),
            object.to_owned(),
            PyLong_FromSsize_t(start),
            PyLong_FromSsize_t(end),
            PyUnicode_FromString(reason),
        ],
    )
}

/// `PyUnicodeDecodeError_Create`; `object` is the bytes being decoded.
pub fn PyUnicodeDecodeError_Create(
    encoding: &str,
    object: &PyObject,
    start: isize,
    end: isize,
    reason: &str,
) -> PyErr {
    PyErr_FromArgs(
        &PyExc_UnicodeDecodeError,
        &[
            PyUnicode_FromString(encoding),
            object.to_owned(),
            PyLong_FromSsize_t(start),
            PyLong_FromSsize_t(end),
            PyUnicode_FromString(reason),
        ],
    )
}

/// `PyUnicodeTranslateError_Create`.
pub fn PyUnicodeTranslateError_Create(
    object: &PyObject,
    start: isize,
    end: isize,
    reason: &str,
) -> PyErr {
    PyErr_FromArgs(
        &PyExc_UnicodeTranslateError,
        &[
            object.to_owned(),
            PyLong_FromSsize_t(start),
            PyLong_FromSsize_t(end),
            PyUnicode_FromString(reason),
        ],
    )
}

fn unicode_error_fields(exc: &PyObject) -> PyResult<&PyUnicodeErrorObject> {
    exc.downcast_ref::<PyUnicodeErrorObject>()
        .ok_or_else(|| type_error("expected a UnicodeError with encoding information"))
}

/// `PyUnicode{Encode,Decode,Translate}Error_GetObject`.
pub fn PyUnicodeError_GetObject(exc: &PyObject) -> PyResult {
    let e = unicode_error_fields(exc)?;
    e.object
        .get()
        .ok_or_else(|| type_error("object attribute not set"))
}

/// `PyUnicode{Encode,Decode}Error_GetEncoding`.
pub fn PyUnicodeError_GetEncoding(exc: &PyObject) -> PyResult {
    let e = unicode_error_fields(exc)?;
    e.encoding
        .get()
        .ok_or_else(|| type_error("encoding attribute not set"))
}

/// `PyUnicode{Encode,Decode,Translate}Error_GetReason`.
pub fn PyUnicodeError_GetReason(exc: &PyObject) -> PyResult {
    let e = unicode_error_fields(exc)?;
    e.reason
        .get()
        .ok_or_else(|| type_error("reason attribute not set"))
}

/// The length of the error's object (code points or bytes), for clamping.
fn unicode_error_object_len(obj: &PyObject) -> usize {
    match obj.downcast_ref::<PyUnicodeObject>() {
        Some(u) => u.len(),
        None => crate::bytesobject::with_bytes_like(obj, |d| d.len()).unwrap_or(0),
    }
}

/// `PyUnicode{Encode,Decode,Translate}Error_GetStart`: `start` clamped to the object.
pub fn PyUnicodeError_GetStart(exc: &PyObject) -> PyResult<isize> {
    let e = unicode_error_fields(exc)?;
    let obj = PyUnicodeError_GetObject(exc)?;
    let len = unicode_error_object_len(&obj) as isize;
    let start = e.start.get().max(0);
    Ok(if start >= len {
        (len - 1).max(0)
    } else {
        start
    })
}

/// `PyUnicode{Encode,Decode,Translate}Error_GetEnd`: `end` clamped to the object.
pub fn PyUnicodeError_GetEnd(exc: &PyObject) -> PyResult<isize> {
    let e = unicode_error_fields(exc)?;
    let obj = PyUnicodeError_GetObject(exc)?;
    let len = unicode_error_object_len(&obj) as isize;
    Ok(e.end.get().clamp(1, len.max(1)))
}

/// `PyUnicode*Error_SetStart`.
pub fn PyUnicodeError_SetStart(exc: &PyObject, start: isize) -> PyResult<()> {
    unicode_error_fields(exc)?.start.set(start);
    Ok(())
}

/// `PyUnicode*Error_SetEnd`.
pub fn PyUnicodeError_SetEnd(exc: &PyObject, end: isize) -> PyResult<()> {
    unicode_error_fields(exc)?.end.set(end);
    Ok(())
}

/// `PyUnicode*Error_SetReason`.
pub fn PyUnicodeError_SetReason(exc: &PyObject, reason: &str) -> PyResult<()> {
    unicode_error_fields(exc)?
        .reason
        .set(Some(PyUnicode_FromString(reason)));
    Ok(())
}

// --- BaseExceptionGroup, ExceptionGroup ------------------------------------------------------------

fn is_exception_group(obj: &PyObject) -> bool {
    PyBaseExceptionGroupObject::check(obj)
}

/// The `exceptions` tuple of a group (empty if cleared).
fn group_excs(eg: &PyBaseExceptionGroupObject) -> PyRef<PyTupleObject> {
    match eg.excs.get() {
        // SAFETY: `excs` only ever holds a tuple (set by `BaseExceptionGroup_new`).
        Some(t) => unsafe { t.downcast_unchecked::<PyTupleObject>() },
        None => PyTuple_New(Vec::new()),
    }
}

/// `BaseExceptionGroup.__new__(message, exceptions)`: checks the arguments and picks
/// `ExceptionGroup` when `BaseExceptionGroup` is asked to wrap only `Exception`s.
fn BaseExceptionGroup_new(
    tp: &PyTypeObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let pos = positional(args, kwnames);
    if pos.len() != 2 {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        )));
    }
    let message = &pos[0];
    if !PyUnicodeObject::check(message) {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.ob_type().name()
        )));
    }
    let exceptions = &pos[1];
    if !crate::r#abstract::PySequence_Check(exceptions) {
        return Err(type_error(
            "second argument (exceptions) must be a sequence",
        ));
    }
    let excs = crate::r#abstract::PySequence_Tuple(exceptions)?;
    // SAFETY: `PySequence_Tuple` returns a tuple.
    let items = unsafe { excs.downcast_ref_unchecked::<PyTupleObject>() }.as_slice();
    if items.is_empty() {
        return Err(value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut nested_base_exceptions = false;
    for (i, exc) in items.iter().enumerate() {
        if !PyExceptionInstance_Check(exc) {
            return Err(value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !crate::r#abstract::PyObject_IsInstance(exc, PyExc_Exception.as_object())? {
            nested_base_exceptions = true;
        }
    }
    let mut cls = tp;
    if std::ptr::eq(cls, &PyExc_ExceptionGroup) {
        if nested_base_exceptions {
            return Err(type_error(
                "Cannot nest BaseExceptions in an ExceptionGroup",
            ));
        }
    } else if std::ptr::eq(cls, &PyExc_BaseExceptionGroup) {
        if !nested_base_exceptions {
            // Only `Exception`s inside: the group is an `ExceptionGroup`.
            cls = &PyExc_ExceptionGroup;
        }
    } else if nested_base_exceptions
        && crate::r#abstract::PyObject_IsSubclass(cls.as_object(), PyExc_Exception.as_object())?
    {
        return Err(type_error(format!(
            "Cannot nest BaseExceptions in '{}'",
            cls.name()
        )));
    }
    let obj = exc_alloc(cls, PyTuple_New(pos.to_vec()).into_object());
    let eg = as_layout::<PyBaseExceptionGroupObject>(&obj);
    eg.msg.set(Some(message.clone()));
    eg.excs.set(Some(excs.clone()));
    Ok(obj)
}

fn BaseExceptionGroup_init(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    BaseException_init(obj, args, kwnames)
}

/// `BaseExceptionGroup.__str__`: `msg (3 sub-exceptions)`.
fn BaseExceptionGroup_str(obj: &PyObject) -> PyResult {
    let eg = as_layout::<PyBaseExceptionGroupObject>(obj);
    let n = group_excs(eg).len();
    let mut m = Msg::new();
    m.str_of(&or_none(eg.msg.get()))?;
    m.text(&format!(
        " ({n} sub-exception{})",
        if n > 1 { "s" } else { "" }
    ));
    Ok(m.finish())
}

/// `BaseExceptionGroup.derive(excs)`: a group like this one (same message) holding
/// `excs`; subclasses override it so `split` and `subgroup` keep their type.
fn BaseExceptionGroup_derive(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_arg_count(args.len(), 1, 1)?;
    let eg = as_layout::<PyBaseExceptionGroupObject>(obj);
    PyObject_Vectorcall(
        PyExc_BaseExceptionGroup.as_object(),
        &[or_none(eg.msg.get()), args[0].clone()],
        None,
    )
}

/// How `split`/`subgroup` decide which leaf exceptions match.
enum Matcher<'a> {
    /// An exception type or a tuple of them (`PyErr_GivenExceptionMatches`).
    ByType(&'a PyObject),
    /// A Python function called on each exception.
    ByPredicate(&'a PyObject),
    /// The identities of leaf exceptions to keep (used for `except*` re-raising).
    InstanceIds(&'a [*const PyObject]),
}

/// `get_matcher_type`.
fn get_matcher(value: &PyObject) -> PyResult<Matcher<'_>> {
    if crate::funcobject::PyFunctionObject::check(value) {
        return Ok(Matcher::ByPredicate(value));
    }
    if PyExceptionClass_Check(value) {
        return Ok(Matcher::ByType(value));
    }
    if let Some(t) = value.downcast_ref_exact::<PyTupleObject>() {
        if t.as_slice().iter().all(|c| PyExceptionClass_Check(c)) {
            return Ok(Matcher::ByType(value));
        }
    }
    Err(type_error(
        "expected a function, exception type or tuple of exception types",
    ))
}

/// `exceptiongroup_split_check_match`.
fn split_check_match(exc: &PyObject, matcher: &Matcher) -> PyResult<bool> {
    match matcher {
        Matcher::ByType(t) => Ok(PyErr_GivenExceptionMatches(exc, t)),
        Matcher::ByPredicate(f) => {
            let r = PyObject_CallOneArg(f, exc)?;
            PyObject_IsTrue(&r)
        }
        Matcher::InstanceIds(ids) => {
            Ok(!is_exception_group(exc) && ids.contains(&(exc as *const PyObject)))
        }
    }
}

/// `exceptiongroup_subset`: a group derived from `orig` holding `excs`, carrying over
/// the traceback, chaining links and a copy of the notes; `None` if `excs` is empty.
fn exceptiongroup_subset(orig: &PyObject, excs: Vec<PyObjectRef>) -> PyResult<Option<PyObjectRef>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let list = crate::listobject::PyList_New(excs).into_object();
    let eg = PyObject_CallMethod(orig, crate::intern!("derive"), &[list])?;
    if !is_exception_group(&eg) {
        return Err(type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    }
    if let Some(tb) = exc_traceback(orig) {
        exc_set_traceback(&eg, Some(tb));
    }
    exc_set_context(&eg, exc_context(orig));
    exc_set_cause(&eg, exc_cause(orig));
    if let Some(notes) = _PyObject_LookupAttr(orig, crate::intern!("__notes__"))? {
        // Notes that are not a sequence were a user's mistake; split() ignores them.
        if crate::r#abstract::PySequence_Check(&notes) {
            let copy = crate::r#abstract::PySequence_List(&notes)?.into_object();
            PyObject_SetAttr(&eg, crate::intern!("__notes__"), Some(&copy))?;
        }
    }
    Ok(Some(eg))
}

/// `exceptiongroup_split_recursive`: `(match, rest)` of `exc`; `rest` is only built
/// when `construct_rest`.
fn split_recursive(
    exc: &PyObject,
    matcher: &Matcher,
    construct_rest: bool,
) -> PyResult<(Option<PyObjectRef>, Option<PyObjectRef>)> {
    if split_check_match(exc, matcher)? {
        return Ok((Some(exc.to_owned()), None));
    }
    let Some(eg) = exc.downcast_ref::<PyBaseExceptionGroupObject>() else {
        // A leaf that does not match.
        return Ok((None, construct_rest.then(|| exc.to_owned())));
    };
    let mut match_list = Vec::new();
    let mut rest_list = Vec::new();
    for e in group_excs(eg).as_slice() {
        let _guard = Py_EnterRecursiveCall(" in exceptiongroup_split_recursive")?;
        let (m, r) = split_recursive(e, matcher, construct_rest)?;
        match_list.extend(m);
        rest_list.extend(r);
    }
    let m = exceptiongroup_subset(exc, match_list)?;
    let r = if construct_rest {
        exceptiongroup_subset(exc, rest_list)?
    } else {
        None
    };
    Ok((m, r))
}

/// `BaseExceptionGroup.split(matcher)`: `(match, rest)`.
fn BaseExceptionGroup_split(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("split", args.len(), 1, 1)?;
    let matcher = get_matcher(&args[0])?;
    let (m, r) = split_recursive(obj, &matcher, true)?;
    Ok(PyTuple_New(vec![or_none(m), or_none(r)]).into_object())
}

/// `BaseExceptionGroup.subgroup(matcher)`: the matching part, or `None`.
fn BaseExceptionGroup_subgroup(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("subgroup", args.len(), 1, 1)?;
    let matcher = get_matcher(&args[0])?;
    let (m, _) = split_recursive(obj, &matcher, false)?;
    Ok(or_none(m))
}

/// `collect_exception_group_leaf_ids`.
fn collect_leaf_ids(exc: &PyObject, ids: &mut Vec<*const PyObject>) -> PyResult<()> {
    if exc.is(Py_None()) {
        return Ok(());
    }
    match exc.downcast_ref::<PyBaseExceptionGroupObject>() {
        None => ids.push(exc as *const PyObject),
        Some(eg) => {
            for e in group_excs(eg).as_slice() {
                let _guard = Py_EnterRecursiveCall(" in collect_exception_group_leaf_ids")?;
                collect_leaf_ids(e, ids)?;
            }
        }
    }
    Ok(())
}

/// `exception_group_projection`: the part of `eg` holding every leaf that appears in
/// one of the groups in `keep`, with `eg`'s nesting; `None` if there is none.
fn exception_group_projection(eg: &PyObject, keep: &[PyObjectRef]) -> PyResult<PyObjectRef> {
    let mut ids = Vec::new();
    for e in keep {
        collect_leaf_ids(e, &mut ids)?;
    }
    let (m, _) = split_recursive(eg, &Matcher::InstanceIds(&ids), false)?;
    Ok(or_none(m))
}

/// Do two exceptions share traceback, chaining links and notes (i.e. is `e1` the
/// original re-raised, or a part split from it)?
fn is_same_exception_metadata(e1: &PyObject, e2: &PyObject) -> bool {
    let (a, b) = (as_exc(e1), as_exc(e2));
    let same = |x: &PyCell<Option<PyObjectRef>>, y: &PyCell<Option<PyObjectRef>>| {
        // SAFETY: the borrows end at once; nothing runs meanwhile.
        match unsafe { (x.get_ref(), y.get_ref()) } {
            (None, None) => true,
            (Some(p), Some(q)) => p.is(q),
            _ => false,
        }
    };
    same(&a.notes, &b.notes)
        && same(&a.traceback, &b.traceback)
        && same(&a.cause, &b.cause)
        && same(&a.context, &b.context)
}

/// `_PyExc_CreateExceptionGroup`: `BaseExceptionGroup(msg, excs)`, which is an
/// `ExceptionGroup` when every item is an `Exception`. The eval loop uses it to wrap
/// a naked exception caught by `except*` (with `excs` a one-item tuple).
pub fn _PyExc_CreateExceptionGroup(msg: &str, excs: PyObjectRef) -> PyResult {
    PyObject_Vectorcall(
        PyExc_BaseExceptionGroup.as_object(),
        &[PyUnicode_FromString(msg), excs],
        None,
    )
}

/// `_PyExc_PrepReraiseStar`: the exception to raise at the end of a `try`/`except*`.
/// `orig` is the exception that was caught; `excs` (a list) what the `except*`
/// clauses raised or re-raised (`None` entries for clauses that raised nothing).
/// Re-raised parts keep their place in `orig`'s nesting; newly raised ones become
/// siblings in a new group. Returns `None` when there is nothing to raise.
pub fn _PyExc_PrepReraiseStar(orig: &PyObject, excs: &PyObject) -> PyResult {
    let excs = crate::r#abstract::PySequence_Fast(excs, "")?;
    if excs.is_empty() {
        return Ok(none());
    }
    if !is_exception_group(orig) {
        // A naked exception was caught and wrapped: at most one clause ran.
        return Ok(excs[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs.iter().filter(|e| !e.is(Py_None())) {
        if PyExceptionInstance_Check(e) && is_same_exception_metadata(e, orig) {
            reraised.push(e.clone());
        } else {
            raised.push(e.clone());
        }
    }
    let reraised_eg = exception_group_projection(orig, &reraised)?;
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is(Py_None()) {
        raised.push(reraised_eg);
    }
    if raised.len() > 1 {
        let list = crate::listobject::PyList_New(raised).into_object();
        return _PyExc_CreateExceptionGroup("", list);
    }
    Ok(raised.swap_remove(0))
}

static BASEEXCEPTIONGROUP_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "__class_getitem__",
        PyCFunction::O(crate::genericaliasobject::generic_alias_class_getitem),
        "See PEP 585",
    )
    .with_flags(METH_CLASS),
    PyMethodDef::new("derive", PyCFunction::Fast(BaseExceptionGroup_derive), ""),
    PyMethodDef::new("split", PyCFunction::Fast(BaseExceptionGroup_split), ""),
    PyMethodDef::new(
        "subgroup",
        PyCFunction::Fast(BaseExceptionGroup_subgroup),
        "",
    ),
];

static BASEEXCEPTIONGROUP_MEMBERS: [PyMemberDef; 2] = [
    member(
        "message",
        offset_of!(PyBaseExceptionGroupObject, msg),
        READONLY,
        "exception message",
    ),
    member(
        "exceptions",
        offset_of!(PyBaseExceptionGroupObject, excs),
        READONLY,
        "nested exceptions",
    ),
];

exc_type!(
    PyExc_BaseExceptionGroup: "BaseExceptionGroup"(&PyExc_BaseException), PyBaseExceptionGroupObject,
    Some("A combination of multiple unrelated exceptions."),
    new: BaseExceptionGroup_new, init: BaseExceptionGroup_init,
    tp_str: slot(BaseExceptionGroup_str),
    tp_methods: &BASEEXCEPTIONGROUP_METHODS,
    tp_members: &BASEEXCEPTIONGROUP_MEMBERS,
);

/// `ExceptionGroup.__weakref__`.
fn ExceptionGroup_weakref(obj: &PyObject) -> PyResult {
    let e = as_layout::<PyExceptionGroupObject>(obj);
    Ok(crate::weakrefobject::first_weakref(&e.weakreflist).unwrap_or_else(none))
}

static EXCEPTIONGROUP_GETSET: [PyGetSetDef; 1] = [PyGetSetDef {
    name: "__weakref__",
    get: Some(ExceptionGroup_weakref),
    set: None,
    doc: Some("list of weak references to the object"),
}];

exc_type!(
    PyExc_ExceptionGroup: "ExceptionGroup"(&PyExc_BaseExceptionGroup), PyExceptionGroupObject,
    None,
    new: BaseExceptionGroup_new, init: BaseExceptionGroup_init,
    tp_getset: &EXCEPTIONGROUP_GETSET,
    tp_weaklistoffset: Cell::new(offset_of!(PyExceptionGroupObject, weakreflist)),
);

// --- Accessors for the interpreter ------------------------------------------------------------

/// `PyException_GetTraceback`.
#[doc(alias = "PyException_GetTraceback")]
pub fn exc_traceback(exc: &PyObject) -> Option<PyObjectRef> {
    exc.downcast_ref::<PyBaseExceptionObject>()?.traceback.get()
}

/// `PyException_SetTraceback` (no type check: the interpreter only stores tracebacks).
#[doc(alias = "PyException_SetTraceback")]
pub fn exc_set_traceback(exc: &PyObject, tb: Option<PyObjectRef>) {
    if let Some(e) = exc.downcast_ref::<PyBaseExceptionObject>() {
        e.traceback.set(none_to_empty(tb));
    }
}

/// `PyException_GetContext`.
#[doc(alias = "PyException_GetContext")]
pub fn exc_context(exc: &PyObject) -> Option<PyObjectRef> {
    exc.downcast_ref::<PyBaseExceptionObject>()?.context.get()
}

/// `PyException_SetContext`.
#[doc(alias = "PyException_SetContext")]
pub fn exc_set_context(exc: &PyObject, context: Option<PyObjectRef>) {
    if let Some(e) = exc.downcast_ref::<PyBaseExceptionObject>() {
        e.context.set(none_to_empty(context));
    }
}

/// `PyException_GetCause`.
#[doc(alias = "PyException_GetCause")]
pub fn exc_cause(exc: &PyObject) -> Option<PyObjectRef> {
    exc.downcast_ref::<PyBaseExceptionObject>()?.cause.get()
}

/// `PyException_SetCause`: also sets `__suppress_context__`, as `raise ... from ...`
/// does.
#[doc(alias = "PyException_SetCause")]
pub fn exc_set_cause(exc: &PyObject, cause: Option<PyObjectRef>) {
    if let Some(e) = exc.downcast_ref::<PyBaseExceptionObject>() {
        e.suppress_context.set(true);
        e.cause.set(none_to_empty(cause));
    }
}

/// `PyException_SetCause` on a raised error.
pub fn set_cause(err: &PyErr, cause: Option<PyObjectRef>) {
    exc_set_cause(err.value(), cause);
}

/// `__suppress_context__`.
pub fn exc_suppress_context(exc: &PyObject) -> bool {
    exc.downcast_ref::<PyBaseExceptionObject>()
        .is_some_and(|e| e.suppress_context.get())
}

/// Set `__suppress_context__`.
pub fn exc_set_suppress_context(exc: &PyObject, value: bool) {
    if let Some(e) = exc.downcast_ref::<PyBaseExceptionObject>() {
        e.suppress_context.set(value);
    }
}

/// `PyException_GetArgs`: the `args` tuple (`None` if cleared).
#[doc(alias = "PyException_GetArgs")]
pub fn exc_args(exc: &PyObject) -> PyObjectRef {
    match exc.downcast_ref::<PyBaseExceptionObject>() {
        Some(e) => or_none(e.args.get()),
        None => none(),
    }
}

/// The `value` of a `StopIteration` (`None` for other exceptions), as
/// `_PyGen_FetchStopIterationValue` reads it.
pub fn stop_iteration_value(exc: &PyObject) -> PyObjectRef {
    match exc.downcast_ref::<PyStopIterationObject>() {
        Some(e) => or_none(e.value.get()),
        None => none(),
    }
}

/// The `code` of a `SystemExit` (empty for `None` or for other exceptions).
pub fn system_exit_code(exc: &PyObject) -> Option<PyObjectRef> {
    exc.downcast_ref::<PySystemExitObject>()?
        .code
        .get()
        .filter(|c| !c.is(Py_None()))
}

/// `_PyBaseExceptionGroup_Check`.
pub fn is_base_exception_group(obj: &PyObject) -> bool {
    is_exception_group(obj)
}

// --- Start-up ---------------------------------------------------------------------------------------

/// The exception names the `builtins` module binds (`_PyBuiltins_AddExceptions`),
/// including the `EnvironmentError` and `IOError` aliases of `OSError`.
pub fn builtin_exceptions() -> Vec<(&'static str, &'static PyTypeObject)> {
    let mut v: Vec<(&'static str, &'static PyTypeObject)> =
        static_types().into_iter().map(|t| (t.tp_name, t)).collect();
    v.push(("EnvironmentError", &PyExc_OSError));
    v.push(("IOError", &PyExc_OSError));
    v
}

/// Every exception type, bases before subclasses; siblings in alphabetical order,
/// which is the order `__subclasses__()` lists them in CPython. `ExceptionGroup`
/// comes last (CPython creates it after the static types).
pub fn static_types() -> Vec<&'static PyTypeObject> {
    // ExceptionGroup derives from both BaseExceptionGroup and Exception; its bases
    // tuple must exist before it is readied (PyType_Ready only derives a one-base
    // tuple from `tp_base`).
    if PyExc_ExceptionGroup.tp_bases.get().is_none() {
        let bases = PyTuple_New(vec![
            PyExc_BaseExceptionGroup.as_object().to_owned(),
            PyExc_Exception.as_object().to_owned(),
        ]);
        PyExc_ExceptionGroup.tp_bases.set(Some(bases.into_object()));
    }
    vec![
        // Level 1.
        &PyExc_BaseException,
        // Level 2.
        &PyExc_BaseExceptionGroup,
        &PyExc_Exception,
        &PyExc_GeneratorExit,
        &PyExc_KeyboardInterrupt,
        &PyExc_SystemExit,
        // Level 3.
        &PyExc_ArithmeticError,
        &PyExc_AssertionError,
        &PyExc_AttributeError,
        &PyExc_BufferError,
        &PyExc_EOFError,
        &PyExc_ImportError,
        &PyExc_LookupError,
        &PyExc_MemoryError,
        &PyExc_NameError,
        &PyExc_OSError,
        &PyExc_ReferenceError,
        &PyExc_RuntimeError,
        &PyExc_StopAsyncIteration,
        &PyExc_StopIteration,
        &PyExc_SyntaxError,
        &PyExc_SystemError,
        &PyExc_TypeError,
        &PyExc_ValueError,
        &PyExc_Warning,
        // Level 4.
        &PyExc_BlockingIOError,
        &PyExc_BytesWarning,
        &PyExc_ChildProcessError,
        &PyExc_ConnectionError,
        &PyExc_DeprecationWarning,
        &PyExc_EncodingWarning,
        &PyExc_FileExistsError,
        &PyExc_FileNotFoundError,
        &PyExc_FloatingPointError,
        &PyExc_FutureWarning,
        &PyExc_ImportWarning,
        &PyExc_IndentationError,
        &PyExc_IndexError,
        &PyExc_InterruptedError,
        &PyExc_IsADirectoryError,
        &PyExc_KeyError,
        &PyExc_ModuleNotFoundError,
        &PyExc_NotADirectoryError,
        &PyExc_NotImplementedError,
        &PyExc_OverflowError,
        &PyExc_PendingDeprecationWarning,
        &PyExc_PermissionError,
        &PyExc_ProcessLookupError,
        &PyExc_RecursionError,
        &PyExc_ResourceWarning,
        &PyExc_RuntimeWarning,
        &PyExc_SyntaxWarning,
        &PyExc_TimeoutError,
        &PyExc_UnboundLocalError,
        &PyExc_UnicodeError,
        &PyExc_UnicodeWarning,
        &PyExc_UserWarning,
        &PyExc_ZeroDivisionError,
        // Level 5.
        &PyExc_BrokenPipeError,
        &PyExc_ConnectionAbortedError,
        &PyExc_ConnectionRefusedError,
        &PyExc_ConnectionResetError,
        &PyExc_TabError,
        &PyExc_UnicodeDecodeError,
        &PyExc_UnicodeEncodeError,
        &PyExc_UnicodeTranslateError,
        // Created after the others in CPython.
        &PyExc_ExceptionGroup,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_match_cpython_sizes() {
        // `__basicsize__` of the exception types on a 64-bit CPython 3.11.
        assert_eq!(size_of::<PyBaseExceptionObject>(), 72);
        assert_eq!(size_of::<PyStopIterationObject>(), 80);
        assert_eq!(size_of::<PyImportErrorObject>(), 96);
        assert_eq!(size_of::<PySyntaxErrorObject>(), 136);
        assert_eq!(size_of::<PyAttributeErrorObject>(), 88);
        assert_eq!(size_of::<PyOSErrorObject>(), 112);
        assert_eq!(size_of::<PyUnicodeErrorObject>(), 112);
        assert_eq!(size_of::<PyBaseExceptionGroupObject>(), 88);
        assert_eq!(size_of::<PyExceptionGroupObject>(), 96);
        assert_eq!(offset_of!(PyExceptionGroupObject, weakreflist), 88);
        assert_eq!(offset_of!(PyBaseExceptionObject, dict), 16);
    }

    #[test]
    fn errno_map() {
        assert!(std::ptr::eq(
            errno_to_subclass(errno_values::ENOENT).unwrap_or(&PyExc_OSError),
            &PyExc_FileNotFoundError
        ));
        assert!(errno_to_subclass(999).is_none());
    }

    /// Readies every type and exercises the exception, union and alias types from Rust,
    /// without the interpreter. One test, so that the runtime's global state is only
    /// ever touched from one test thread.
    #[test]
    fn runtime_behaviour() {
        use crate::longobject::PyLong_FromLong;
        crate::init_types().expect("types ready");
        let s = |v: &str| PyUnicode_FromString(v);
        let i = |v: i64| PyLong_FromLong(v);
        let call = |tp: &PyTypeObject, args: &[PyObjectRef]| {
            PyObject_Vectorcall(tp.as_object(), args, None)
        };
        let text = |o: &PyObject| as_str_lossy(o).into_owned();
        let repr = |o: &PyObject| text(&PyObject_Repr(o).expect("repr"));
        let str_ = |o: &PyObject| text(&PyObject_Str(o).expect("str"));
        let msg = |r: PyResult| match r {
            Ok(v) => format!("ok {}", repr(&v)),
            Err(e) => format!("{}: {}", e.value().ob_type().name(), str_(e.value())),
        };

        let e = call(&PyExc_ValueError, &[s("x")]).expect("ValueError");
        assert_eq!(repr(&e), "ValueError('x')");
        let e = call(&PyExc_ValueError, &[i(1), i(2)]).expect("ValueError");
        assert_eq!(
            (repr(&e), str_(&e)),
            ("ValueError(1, 2)".into(), "(1, 2)".into())
        );
        assert_eq!(
            repr(&call(&PyExc_ValueError, &[]).expect("ValueError")),
            "ValueError()"
        );
        let kw = PyTuple_New(vec![s("x")]).into_object();
        assert_eq!(
            msg(PyObject_Vectorcall(
                PyExc_ValueError.as_object(),
                &[i(1)],
                Some(&kw)
            )),
            "TypeError: ValueError() takes no keyword arguments"
        );
        assert_eq!(
            str_(&call(&PyExc_KeyError, &[s("k")]).expect("KeyError")),
            "'k'"
        );

        let e = call(
            &PyExc_OSError,
            &[i(2), s("No such file or directory"), s("f")],
        )
        .expect("OSError");
        assert_eq!(e.ob_type().name(), "FileNotFoundError");
        assert_eq!(str_(&e), "[Errno 2] No such file or directory: 'f'");
        assert_eq!(
            repr(&e),
            "FileNotFoundError(2, 'No such file or directory')"
        );

        let e = call(
            &PyExc_UnicodeDecodeError,
            &[
                s("utf-8"),
                crate::bytesobject::PyBytes_FromSlice(b"\xff"),
                i(0),
                i(1),
                s("invalid start byte"),
            ],
        )
        .expect("UnicodeDecodeError");
        assert_eq!(
            str_(&e),
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        let e = call(
            &PyExc_UnicodeEncodeError,
            &[
                s("ascii"),
                s("h\u{e9}"),
                i(1),
                i(2),
                s("ordinal not in range(128)"),
            ],
        )
        .expect("UnicodeEncodeError");
        assert_eq!(
            str_(&e),
            "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)"
        );

        let info = PyTuple_New(vec![s("a/file.py"), i(3), i(1), s("x"), i(3), i(2)]).into_object();
        let e = call(&PyExc_SyntaxError, &[s("invalid syntax"), info]).expect("SyntaxError");
        assert_eq!(str_(&e), "invalid syntax (file.py, line 3)");
        let err = syntax_error_new("bad", "f.py", 2, 1, None, None, None);
        assert_eq!(str_(err.value()), "bad (f.py, line 2)");
        assert!(syntax_error_info(err.value()).is_some_and(|f| f.text.is(Py_None())));

        let excs = crate::listobject::PyList_New(vec![
            call(&PyExc_ValueError, &[i(1)]).expect("v"),
            call(&PyExc_TypeError, &[i(2)]).expect("t"),
        ])
        .into_object();
        let eg = call(&PyExc_BaseExceptionGroup, &[s("msg"), excs]).expect("group");
        assert_eq!(eg.ob_type().name(), "ExceptionGroup");
        assert_eq!(str_(&eg), "msg (2 sub-exceptions)");
        let parts = BaseExceptionGroup_split(&eg, &[PyExc_ValueError.as_object().to_owned()])
            .expect("split");
        assert_eq!(
            repr(&parts),
            "(ExceptionGroup('msg', [ValueError(1)]), ExceptionGroup('msg', [TypeError(2)]))"
        );
        let empty = crate::listobject::PyList_New(vec![]).into_object();
        assert_eq!(
            msg(call(&PyExc_ExceptionGroup, &[s("m"), empty])),
            "ValueError: second argument (exceptions) must be a non-empty sequence"
        );
        let mro = PyExc_ExceptionGroup.tp_mro.get().expect("mro");
        assert_eq!(
            repr(&mro),
            "(<class 'ExceptionGroup'>, <class 'BaseExceptionGroup'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)"
        );

        let u = crate::unionobject::_Py_union_type_or(
            crate::longobject::PyLong_Type.as_object(),
            Py_None(),
        )
        .expect("|");
        assert_eq!(repr(&u), "int | None");
        assert!(crate::unionobject::union_instancecheck(&i(5), &u).expect("isinstance"));
        let ga = crate::genericaliasobject::Py_GenericAlias(
            crate::dictobject::PyDict_Type.as_object(),
            &PyTuple_New(vec![
                crate::unicodeobject::PyUnicode_Type.as_object().to_owned(),
                i(1),
            ])
            .into_object(),
        );
        assert_eq!(repr(&ga), "dict[str, 1]");
        let tga = crate::genericaliasobject::Py_GenericAlias(
            crate::tupleobject::PyTuple_Type.as_object(),
            &PyTuple_New(vec![]).into_object(),
        );
        assert_eq!(repr(&tga), "tuple[()]");

        let m = memory_error_instance();
        assert_eq!(repr(&m), "MemoryError()");
    }

    #[test]
    fn escapes() {
        assert_eq!(escaped_char(0xe9), "\\xe9");
        assert_eq!(escaped_char(0x1234), "\\u1234");
        assert_eq!(escaped_char(0x12345), "\\U00012345");
    }
}
