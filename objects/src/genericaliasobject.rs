//! `types.GenericAlias`, the object `list[int]` makes (PEP 585). Mirrors
//! Objects/genericaliasobject.c (CPython 3.11).
//!
//! A generic alias remembers an origin class and a tuple of arguments. It prints as
//! `list[int]`, compares and hashes by both, calls its origin when called, and forwards
//! every other attribute to the origin. Substituting type variables
//! (`dict[T, list[S]][str, int]`) is done by `_Py_make_parameters` and
//! `_Py_subs_parameters`, shared with `types.UnionType`; the type variables themselves
//! come from the `typing` module, which is written in Python, so they are recognised by
//! their `__typing_subst__` attribute as in CPython.
//!
//! Built-in generic classes get `__class_getitem__` by listing
//! [`GENERIC_ALIAS_CLASS_GETITEM`] in their method table.
//!
//! Differences from CPython: no vectorcall shortcut for calling an alias (`tp_call`
//! forwards to the origin, which pyrs calls with the same vectorcall convention).

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::*;
use include::cpython::object::{PyMappingMethods, PyNumberMethods};
use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef, METH_CLASS};

use crate::call::{PyObject_CallOneArg, PyObject_Vectorcall};
use crate::getargs::{check_no_kwargs, check_positional};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::{PyTupleObject, PyTuple_New, ReprWriter};
use crate::typeobject::{_PyObject_LookupSpecial, as_type, PyType_Type};
use crate::typeslots::positional;
use crate::unicodeobject::{unicode_eq_str, PyUnicodeObject, PyUnicode_FromString};

/// `gaobject`: the instance layout of `types.GenericAlias`.
#[repr(C)]
pub struct gaobject {
    pub ob_base: PyObject,
    /// `__origin__`, e.g. `list`.
    pub origin: PyCell<Option<PyObjectRef>>,
    /// `__args__`, always a tuple.
    pub args: PyCell<Option<PyObjectRef>>,
    /// `__parameters__`, computed on first use.
    pub parameters: PyCell<Option<PyObjectRef>>,
    pub weakreflist: PyCell<Option<PyObjectRef>>,
    /// A starred alias (`*tuple[int]`), made by iterating over an alias.
    pub starred: Cell<bool>,
    /// CPython keeps a vectorcall pointer here; pyrs calls through `tp_call`, and keeps
    /// the word so that `__basicsize__` agrees.
    pub vectorcall: Option<include::cpython::object::slots::vectorcallfunc>,
}

// SAFETY: `#[repr(C)]` with the object header first.
unsafe impl PyObjectLayout for gaobject {}

impl PyTypeInfo for gaobject {
    fn type_object() -> &'static PyTypeObject {
        &Py_GenericAliasType
    }
}

#[inline(always)]
fn as_ga(obj: &PyObject) -> &gaobject {
    // SAFETY: the slots and methods below are installed on `types.GenericAlias` (and
    // reached only through its instances or subclass instances).
    unsafe { &*(obj as *const PyObject as *const gaobject) }
}

impl gaobject {
    fn origin(&self) -> PyObjectRef {
        self.origin.get().unwrap_or_else(none)
    }

    fn args_tuple(&self) -> PyRef<PyTupleObject> {
        match self.args.get() {
            // SAFETY: `args` only ever holds a tuple (see `setup_ga`).
            Some(a) => unsafe { a.downcast_unchecked::<PyTupleObject>() },
            None => PyTuple_New(Vec::new()),
        }
    }
}

/// `_PyGenericAlias_Check`.
pub fn is_generic_alias(obj: &PyObject) -> bool {
    gaobject::check(obj)
}

/// Allocate an alias of type `tp` (`types.GenericAlias` or a subclass); `args` that is
/// not a tuple becomes a one-item tuple (`setup_ga`).
fn setup_ga(tp: &PyTypeObject, origin: &PyObject, args: &PyObject) -> PyObjectRef {
    let args = if PyTupleObject::check(args) {
        args.to_owned()
    } else {
        PyTuple_New(vec![args.to_owned()]).into_object()
    };
    // SAFETY: `tp` is `types.GenericAlias` or a subclass, whose instances extend this
    // layout with zero-initialisable fields; the struct is complete.
    unsafe {
        alloc_object(
            tp,
            gaobject {
                ob_base: PyObject_HEAD_INIT,
                origin: PyCell::new(Some(origin.to_owned())),
                args: PyCell::new(Some(args)),
                parameters: PyCell::new(None),
                weakreflist: PyCell::new(None),
                starred: Cell::new(false),
                vectorcall: None,
            },
        )
    }
    .into_object()
}

/// `Py_GenericAlias(origin, args)`: `origin[args]` for a built-in generic class.
pub fn Py_GenericAlias(origin: &PyObject, args: &PyObject) -> PyObjectRef {
    setup_ga(&Py_GenericAliasType, origin, args)
}

/// `__class_getitem__` of the built-in generic classes: `list[int]`.
pub fn generic_alias_class_getitem(cls: &PyObject, item: &PyObject) -> PyResult {
    Ok(Py_GenericAlias(cls, item))
}

/// The `__class_getitem__` entry that `list`, `dict`, `tuple`, ... put in their method
/// tables (a `const` so it can be copied into each table).
pub const GENERIC_ALIAS_CLASS_GETITEM: PyMethodDef = PyMethodDef::new(
    "__class_getitem__",
    PyCFunction::O(generic_alias_class_getitem),
    "See PEP 585",
)
.with_flags(METH_CLASS);

// --- repr ---------------------------------------------------------------------------------

/// `ga_repr_item` (and `union_repr_item`): a class prints as its qualified name
/// (`int`, `collections.OrderedDict`), an alias or anything else as its repr.
pub(crate) fn repr_item(w: &mut ReprWriter, p: &PyObject) -> PyResult<()> {
    if p.is(crate::sliceobject::Py_Ellipsis()) {
        w.push_str("...");
        return Ok(());
    }
    if _PyObject_LookupAttr(p, crate::intern!("__origin__"))?.is_some()
        && _PyObject_LookupAttr(p, crate::intern!("__args__"))?.is_some()
    {
        // It looks like a generic alias.
        let r = PyObject_Repr(p)?;
        w.push_obj(&r);
        return Ok(());
    }
    let Some(qualname) = _PyObject_LookupAttr(p, crate::intern!("__qualname__"))? else {
        let r = PyObject_Repr(p)?;
        w.push_obj(&r);
        return Ok(());
    };
    let module = match _PyObject_LookupAttr(p, crate::intern!("__module__"))? {
        Some(m) if !m.is(Py_None()) => m,
        _ => {
            let r = PyObject_Repr(p)?;
            w.push_obj(&r);
            return Ok(());
        }
    };
    // It looks like a class; built-in ones need no module name.
    if PyUnicodeObject::check(&module) && unicode_eq_str(&module, "builtins") {
        let s = PyObject_Str(&qualname)?;
        w.push_obj(&s);
    } else {
        let m = PyObject_Str(&module)?;
        let q = PyObject_Str(&qualname)?;
        w.push_obj(&m);
        w.push_str(".");
        w.push_obj(&q);
    }
    Ok(())
}

/// `list[int]`, `dict[str, list[int]]`, `tuple[()]`, `*tuple[int]`.
fn ga_repr(obj: &PyObject) -> PyResult {
    let ga = as_ga(obj);
    let args = ga.args_tuple();
    let mut w = ReprWriter::new();
    if ga.starred.get() {
        w.push_str("*");
    }
    repr_item(&mut w, &ga.origin())?;
    w.push_str("[");
    for (i, p) in args.as_slice().iter().enumerate() {
        if i > 0 {
            w.push_str(", ");
        }
        repr_item(&mut w, p)?;
    }
    if args.is_empty() {
        // `tuple[()]`.
        w.push_str("()");
    }
    w.push_str("]");
    Ok(w.finish())
}

// --- Type-variable substitution -------------------------------------------------------------

/// Append `t` unless an identical object is already there (`tuple_add`).
fn add_unique(v: &mut Vec<PyObjectRef>, t: &PyObject) {
    if !v.iter().any(|x| x.is(t)) {
        v.push(t.to_owned());
    }
}

/// `_Py_make_parameters`: the type variables among `args` (a tuple), in order of
/// first appearance: the arguments that can be substituted (`__typing_subst__`) and
/// the `__parameters__` of nested generics.
pub fn _Py_make_parameters(args: &PyObject) -> PyResult {
    let items: &[PyObjectRef] = match args.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice(),
        None => &[],
    };
    let mut params = Vec::new();
    for t in items {
        // A bare class's `__parameters__` is a descriptor, not its parameters.
        if as_type(t).is_some() {
            continue;
        }
        if _PyObject_LookupAttr(t, crate::intern!("__typing_subst__"))?.is_some() {
            add_unique(&mut params, t);
        } else if let Some(sub) = _PyObject_LookupAttr(t, crate::intern!("__parameters__"))? {
            if let Some(st) = sub.downcast_ref::<PyTupleObject>() {
                for t2 in st.as_slice() {
                    add_unique(&mut params, t2);
                }
            }
        }
    }
    Ok(PyTuple_New(params).into_object())
}

/// `_unpacked_tuple_args`: the arguments of an unpacked tuple type (`*tuple[int,
/// str]`), if `arg` is one.
fn unpacked_tuple_args(arg: &PyObject) -> PyResult<Option<PyObjectRef>> {
    if let Some(ga) = arg.downcast_ref::<gaobject>() {
        if ga.starred.get() && ga.origin().is(crate::tupleobject::PyTuple_Type.as_object()) {
            return Ok(ga.args.get());
        }
    }
    match _PyObject_LookupAttr(arg, crate::intern!("__typing_unpacked_tuple_args__"))? {
        Some(r) if !r.is(Py_None()) => Ok(Some(r)),
        _ => Ok(None),
    }
}

/// `_unpack_args`: the substitution items, with unpacked fixed-length tuple types
/// spliced in.
fn unpack_args(item: &PyObject) -> PyResult<Vec<PyObjectRef>> {
    let items: Vec<PyObjectRef> = match item.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice().to_vec(),
        None => vec![item.to_owned()],
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if as_type(&it).is_none() {
            if let Some(sub) = unpacked_tuple_args(&it)? {
                if let Some(st) = sub.downcast_ref::<PyTupleObject>() {
                    let variadic = st
                        .as_slice()
                        .last()
                        .is_some_and(|l| l.is(crate::sliceobject::Py_Ellipsis()));
                    if !variadic {
                        out.extend_from_slice(st.as_slice());
                        continue;
                    }
                }
            }
        }
        out.push(it);
    }
    Ok(out)
}

/// `_is_unpacked_typevartuple`: `*Ts` for a `TypeVarTuple` `Ts`.
fn is_unpacked_typevartuple(arg: &PyObject) -> PyResult<bool> {
    if as_type(arg).is_some() {
        return Ok(false);
    }
    match _PyObject_LookupAttr(arg, crate::intern!("__typing_is_unpacked_typevartuple__"))? {
        Some(v) => PyObject_IsTrue(&v),
        None => Ok(false),
    }
}

fn tuple_index(params: &[PyObjectRef], item: &PyObject) -> Option<usize> {
    params.iter().position(|p| p.is(item))
}

/// `subs_tvars`: substitute inside a nested generic (`list[T]` within `dict[S,
/// list[T]]`) by subscripting it with its own parameters' replacements.
fn subs_tvars(obj: &PyObject, params: &[PyObjectRef], argitems: &[PyObjectRef]) -> PyResult {
    let Some(sub) = _PyObject_LookupAttr(obj, crate::intern!("__parameters__"))? else {
        return Ok(obj.to_owned());
    };
    let Some(subparams) = sub
        .downcast_ref::<PyTupleObject>()
        .filter(|t| !t.is_empty())
    else {
        return Ok(obj.to_owned());
    };
    let mut subargs = Vec::with_capacity(subparams.len());
    for arg in subparams.as_slice() {
        if let Some(i) = tuple_index(params, arg) {
            let param = &params[i];
            let replacement = &argitems[i];
            // A TypeVarTuple (iterable parameter) replaced by a tuple is spliced in.
            if param.ob_type().tp_iter.get().is_some() {
                if let Some(t) = replacement.downcast_ref::<PyTupleObject>() {
                    subargs.extend_from_slice(t.as_slice());
                    continue;
                }
            }
            subargs.push(replacement.clone());
        } else {
            subargs.push(arg.clone());
        }
    }
    let key = PyTuple_New(subargs).into_object();
    crate::r#abstract::PyObject_GetItem(obj, &key)
}

/// `_Py_subs_parameters`: the new `__args__` after substituting `item` for the
/// parameters of `self` (whose arguments are `args`).
pub fn _Py_subs_parameters(
    slf: &PyObject,
    args: &PyObject,
    parameters: &PyObject,
    item: &PyObject,
) -> PyResult {
    let params: Vec<PyObjectRef> = match parameters.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice().to_vec(),
        None => Vec::new(),
    };
    if params.is_empty() {
        let r = PyObject_Repr(slf)?;
        let mut w = ReprWriter::new();
        w.push_obj(&r);
        w.push_str(" is not a generic class");
        return Err(PyErr_SetObject(
            &crate::exceptions::PyExc_TypeError,
            w.finish(),
        ));
    }
    let mut item: PyObjectRef = PyTuple_New(unpack_args(item)?).into_object();
    for param in &params {
        if let Some(prepare) =
            _PyObject_LookupAttr(param, crate::intern!("__typing_prepare_subst__"))?
        {
            if !prepare.is(Py_None()) {
                let arg = if PyTupleObject::check(&item) {
                    item.clone()
                } else {
                    PyTuple_New(vec![item.clone()]).into_object()
                };
                item = PyObject_Vectorcall(&prepare, &[slf.to_owned(), arg], None)?;
            }
        }
    }
    let argitems: Vec<PyObjectRef> = match item.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice().to_vec(),
        None => vec![item.clone()],
    };
    if argitems.len() != params.len() {
        let r = PyObject_Repr(slf)?;
        let mut w = ReprWriter::new();
        w.push_str(if argitems.len() > params.len() {
            "Too many arguments for "
        } else {
            "Too few arguments for "
        });
        w.push_obj(&r);
        w.push_str(&format!(
            "; actual {}, expected {}",
            argitems.len(),
            params.len()
        ));
        return Err(PyErr_SetObject(
            &crate::exceptions::PyExc_TypeError,
            w.finish(),
        ));
    }
    let old: Vec<PyObjectRef> = match args.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice().to_vec(),
        None => Vec::new(),
    };
    let mut newargs = Vec::with_capacity(old.len());
    for arg in &old {
        if as_type(arg).is_some() {
            newargs.push(arg.clone());
            continue;
        }
        let unpack = is_unpacked_typevartuple(arg)?;
        let new = match _PyObject_LookupAttr(arg, crate::intern!("__typing_subst__"))? {
            Some(subst) => match tuple_index(&params, arg) {
                Some(i) => PyObject_CallOneArg(&subst, &argitems[i])?,
                None => arg.clone(),
            },
            None => subs_tvars(arg, &params, &argitems)?,
        };
        if unpack {
            match new.downcast_ref::<PyTupleObject>() {
                Some(t) => newargs.extend_from_slice(t.as_slice()),
                None => newargs.push(new.clone()),
            }
        } else {
            newargs.push(new);
        }
    }
    Ok(PyTuple_New(newargs).into_object())
}

/// `__parameters__`, computed once.
fn ga_parameters(obj: &PyObject) -> PyResult {
    let ga = as_ga(obj);
    if let Some(p) = ga.parameters.get() {
        return Ok(p);
    }
    // Nested aliases compute their parameters recursively.
    let _guard = Py_EnterRecursiveCall(" while getting __parameters__")?;
    let p = _Py_make_parameters(ga.args_tuple().as_object())?;
    ga.parameters.set(Some(p.clone()));
    Ok(p)
}

/// `alias[item]`: substitute type variables (`list[T][int]` is `list[int]`).
fn ga_getitem(obj: &PyObject, item: &PyObject) -> PyResult {
    // Substitution recurses into nested aliases.
    let _guard = Py_EnterRecursiveCall(" in type variable substitution")?;
    let ga = as_ga(obj);
    let params = ga_parameters(obj)?;
    let args = ga.args_tuple();
    let newargs = _Py_subs_parameters(obj, args.as_object(), &params, item)?;
    let res = Py_GenericAlias(&ga.origin(), &newargs);
    as_ga(&res).starred.set(ga.starred.get());
    Ok(res)
}

// --- Attributes -----------------------------------------------------------------------------

/// Attributes an alias answers itself; every other name is looked up on the origin.
const ATTR_EXCEPTIONS: [&str; 11] = [
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    // Needed so that pickling does not find `object.__reduce_ex__` on the origin.
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn ga_getattro(obj: &PyObject, name: &PyObject) -> PyResult {
    if let Some(u) = name.downcast_ref::<PyUnicodeObject>() {
        let own = match u.as_str() {
            Some(s) => ATTR_EXCEPTIONS.contains(&s),
            None => false,
        };
        if !own {
            return PyObject_GetAttr(&as_ga(obj).origin(), name);
        }
    }
    PyObject_GenericGetAttr(obj, name)
}

fn ga_unpacked(obj: &PyObject) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(as_ga(obj).starred.get()))
}

fn ga_unpacked_tuple_args(obj: &PyObject) -> PyResult {
    let ga = as_ga(obj);
    if ga.starred.get() && ga.origin().is(crate::tupleobject::PyTuple_Type.as_object()) {
        return Ok(ga.args_tuple().into_object());
    }
    Ok(none())
}

// --- Comparison, hashing, calling ------------------------------------------------------------

fn ga_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !is_generic_alias(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    if op == CompareOp::Ne {
        let eq = ga_richcompare(a, b, CompareOp::Eq)?;
        return Ok(crate::boolobject::PyBool_FromLong(
            !eq.is(crate::boolobject::Py_True()),
        ));
    }
    let (aa, bb) = (as_ga(a), as_ga(b));
    if aa.starred.get() != bb.starred.get() {
        return Ok(crate::boolobject::PyBool_FromLong(false));
    }
    if !PyObject_RichCompareBool(&aa.origin(), &bb.origin(), CompareOp::Eq)? {
        return Ok(crate::boolobject::PyBool_FromLong(false));
    }
    PyObject_RichCompare(
        aa.args_tuple().as_object(),
        bb.args_tuple().as_object(),
        CompareOp::Eq,
    )
}

fn ga_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    // `list[list[...]]` nests without bound; hashing it must not exhaust the stack.
    let _guard = Py_EnterRecursiveCall(" while hashing")?;
    let ga = as_ga(obj);
    let h0 = PyObject_Hash(&ga.origin())?;
    let h1 = PyObject_Hash(ga.args_tuple().as_object())?;
    let h = h0 ^ h1;
    // -1 is never a valid hash.
    Ok(if h == -1 { -2 } else { h })
}

/// `alias(...)` creates an instance of the origin and records the alias on it as
/// `__orig_class__` (when the instance accepts attributes).
fn ga_call(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let res = PyObject_Vectorcall(&as_ga(obj).origin(), args, kwnames)?;
    if let Err(e) = PyObject_SetAttr(&res, crate::intern!("__orig_class__"), Some(obj)) {
        if !PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_AttributeError)
            && !PyErr_ExceptionMatches(&e, &crate::exceptions::PyExc_TypeError)
        {
            return Err(e);
        }
    }
    Ok(res)
}

// --- Methods -------------------------------------------------------------------------------

/// `__mro_entries__`: `class A(list[int])` derives from `list`.
fn ga_mro_entries(obj: &PyObject, _bases: &PyObject) -> PyResult {
    Ok(PyTuple_New(vec![as_ga(obj).origin()]).into_object())
}

fn ga_instancecheck(_obj: &PyObject, _inst: &PyObject) -> PyResult {
    Err(type_error(
        "isinstance() argument 2 cannot be a parameterized generic",
    ))
}

fn ga_subclasscheck(_obj: &PyObject, _cls: &PyObject) -> PyResult {
    Err(type_error(
        "issubclass() argument 2 cannot be a parameterized generic",
    ))
}

/// A name from the builtins of the running code (`_PyEval_GetBuiltin`).
fn eval_get_builtin(name: &PyObject) -> PyResult {
    let ts = include::pystate::_PyThreadState_GET();
    let f = ts.current_frame.get();
    if !f.is_null() {
        // SAFETY: the current frame and its builtins dict live while it runs.
        let builtins = unsafe { (*f).f_builtins.as_ref() };
        return crate::r#abstract::PyObject_GetItem(builtins, name);
    }
    Err(PyErr_SetObject(
        &crate::exceptions::PyExc_AttributeError,
        name.to_owned(),
    ))
}

/// `__reduce__`: `(GenericAlias, (origin, args))`; a starred alias pickles as
/// `next(iter(alias))`.
fn ga_reduce(obj: &PyObject) -> PyResult {
    let ga = as_ga(obj);
    let args = ga.args_tuple().into_object();
    if ga.starred.get() {
        let plain = Py_GenericAlias(&ga.origin(), &args);
        let it = crate::r#abstract::PyObject_GetIter(&plain)?;
        let next = eval_get_builtin(crate::intern!("next"))?;
        return Ok(PyTuple_New(vec![next, PyTuple_New(vec![it]).into_object()]).into_object());
    }
    let tp = obj.ob_type().as_object().to_owned();
    Ok(PyTuple_New(vec![tp, PyTuple_New(vec![ga.origin(), args]).into_object()]).into_object())
}

/// `dir(origin)`: sorted names from the origin's `__dir__`.
fn object_dir(obj: &PyObject) -> PyResult<PyRef<crate::listobject::PyListObject>> {
    let Some(dirfunc) = _PyObject_LookupSpecial(obj, crate::intern!("__dir__"))? else {
        return Err(type_error("object does not provide __dir__"));
    };
    let res = crate::call::PyObject_CallNoArgs(&dirfunc)?;
    let list = crate::r#abstract::PySequence_List(&res)?;
    crate::listobject::PyList_Sort(&list)?;
    Ok(list)
}

/// `__dir__`: the origin's attributes plus the alias's own.
fn ga_dir(obj: &PyObject) -> PyResult {
    let list = object_dir(&as_ga(obj).origin())?;
    for name in ATTR_EXCEPTIONS {
        let entry = PyUnicode_FromString(name);
        if !crate::r#abstract::PySequence_Contains(list.as_object(), &entry)? {
            crate::listobject::PyList_Append(&list, entry)?;
        }
    }
    Ok(list.into_object())
}

/// `iter(alias)` yields the starred alias once (`*list[int]` in a subscript).
fn ga_iter(obj: &PyObject) -> PyResult {
    // SAFETY: the struct is complete.
    Ok(unsafe {
        alloc_object(
            &Py_GenericAliasIterType,
            gaiterobject {
                ob_base: PyObject_HEAD_INIT,
                obj: PyCell::new(Some(obj.to_owned())),
            },
        )
    }
    .into_object())
}

/// `GenericAlias(origin, args)`.
fn ga_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    check_no_kwargs("GenericAlias", kwnames)?;
    let pos = positional(args, kwnames);
    check_positional("GenericAlias", pos.len(), 2, 2)?;
    Ok(setup_ga(tp, &pos[0], &pos[1]))
}

unsafe fn ga_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead alias; weak references go before the fields.
    unsafe {
        crate::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<gaobject>(op);
    }
}

fn ga_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let ga = as_ga(obj);
    for c in [&ga.origin, &ga.args, &ga.parameters] {
        // SAFETY: traversal runs no Python code.
        if let Some(o) = unsafe { c.get_ref() } {
            visit(o);
        }
    }
}

fn ga_clear(obj: &PyObject) {
    let ga = as_ga(obj);
    ga.origin.set(None);
    ga.args.set(None);
    ga.parameters.set(None);
}

static GA_METHODS: [PyMethodDef; 5] = [
    PyMethodDef::new("__mro_entries__", PyCFunction::O(ga_mro_entries), ""),
    PyMethodDef::new("__instancecheck__", PyCFunction::O(ga_instancecheck), ""),
    PyMethodDef::new("__subclasscheck__", PyCFunction::O(ga_subclasscheck), ""),
    PyMethodDef::new("__reduce__", PyCFunction::NoArgs(ga_reduce), ""),
    PyMethodDef::new("__dir__", PyCFunction::NoArgs(ga_dir), ""),
];

static GA_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef::new(
        "__origin__",
        MemberType::Object,
        offset_of!(gaobject, origin),
        READONLY,
    ),
    PyMemberDef::new(
        "__args__",
        MemberType::Object,
        offset_of!(gaobject, args),
        READONLY,
    ),
];

static GA_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef {
        name: "__parameters__",
        get: Some(ga_parameters),
        set: None,
        doc: Some("Type variables in the GenericAlias."),
    },
    PyGetSetDef::getter("__unpacked__", ga_unpacked),
    PyGetSetDef::getter("__typing_unpacked_tuple_args__", ga_unpacked_tuple_args),
];

/// `types.GenericAlias` (`Py_GenericAliasType`).
pub static Py_GenericAliasType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "types.GenericAlias",
    tp_basicsize: Cell::new(size_of::<gaobject>()),
    tp_dealloc: slot(ga_dealloc),
    tp_repr: slot(ga_repr),
    tp_as_number: PyNumberMethods {
        nb_or: slot(crate::unionobject::_Py_union_type_or),
        ..PyNumberMethods::EMPTY
    },
    tp_as_mapping: PyMappingMethods {
        mp_subscript: slot(ga_getitem),
        ..PyMappingMethods::EMPTY
    },
    tp_hash: slot(ga_hash),
    tp_call: slot(ga_call),
    tp_getattro: slot(ga_getattro),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_VECTORCALL,
    ),
    tp_doc: Some(
        "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
    ),
    tp_traverse: slot(ga_traverse),
    tp_clear: slot(ga_clear),
    tp_richcompare: slot(ga_richcompare),
    tp_weaklistoffset: Cell::new(offset_of!(gaobject, weakreflist)),
    tp_iter: slot(ga_iter),
    tp_methods: &GA_METHODS,
    tp_members: &GA_MEMBERS,
    tp_getset: &GA_GETSET,
    tp_new: slot(ga_new),
    ..PyTypeObject::DEFAULT
};

// --- The iterator -----------------------------------------------------------------------------

/// `gaiterobject`: iterating over an alias gives its starred form once.
#[repr(C)]
pub struct gaiterobject {
    pub ob_base: PyObject,
    /// The alias, until the iterator is exhausted.
    pub obj: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the object header first.
unsafe impl PyObjectLayout for gaiterobject {}

impl PyTypeInfo for gaiterobject {
    fn type_object() -> &'static PyTypeObject {
        &Py_GenericAliasIterType
    }
}

#[inline(always)]
fn as_gaiter(obj: &PyObject) -> &gaiterobject {
    // SAFETY: only installed on `generic_alias_iterator`.
    unsafe { &*(obj as *const PyObject as *const gaiterobject) }
}

fn ga_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let gi = as_gaiter(obj);
    let Some(alias) = gi.obj.take() else {
        return Ok(None);
    };
    let Some(ga) = alias.downcast_ref::<gaobject>() else {
        return Ok(None);
    };
    let starred = Py_GenericAlias(&ga.origin(), ga.args_tuple().as_object());
    as_ga(&starred).starred.set(true);
    Ok(Some(starred))
}

fn ga_iter_reduce(obj: &PyObject) -> PyResult {
    let iter = eval_get_builtin(crate::intern!("iter"))?;
    let arg = match as_gaiter(obj).obj.get() {
        Some(o) => o,
        None => PyTuple_New(Vec::new()).into_object(),
    };
    Ok(PyTuple_New(vec![iter, PyTuple_New(vec![arg]).into_object()]).into_object())
}

fn ga_iter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(o) = unsafe { as_gaiter(obj).obj.get_ref() } {
        visit(o);
    }
}

fn ga_iter_clear(obj: &PyObject) {
    as_gaiter(obj).obj.set(None);
}

unsafe fn ga_iter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead iterator.
    unsafe { dealloc_object::<gaiterobject>(op) }
}

static GA_ITER_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(ga_iter_reduce),
    "",
)];

/// `generic_alias_iterator`.
pub static Py_GenericAliasIterType: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "generic_alias_iterator",
    tp_basicsize: Cell::new(size_of::<gaiterobject>()),
    tp_dealloc: slot(ga_iter_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(ga_iter_traverse),
    tp_clear: slot(ga_iter_clear),
    tp_iter: slot(crate::tupleobject::PyObject_SelfIter),
    tp_iternext: slot(ga_iternext),
    tp_methods: &GA_ITER_METHODS,
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&Py_GenericAliasType, &Py_GenericAliasIterType]
}
