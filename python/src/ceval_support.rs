//! Helpers of particular opcodes, kept out of the eval loop so each arm stays short.
//! Mirrors the static helpers of Python/ceval.c (CPython 3.11): `match_class`,
//! `match_keys`, `exception_group_match`, `format_awaitable_error`, and
//! `_PyCoro_GetAwaitableIter` and `_PyExc_PrepReraiseStar` (which CPython keeps in
//! Objects/genobject.c and Objects/exceptions.c).

use include::code::{CO_COROUTINE, CO_ITERABLE_COROUTINE};
use include::cpython::object::flags::Py_TPFLAGS_MATCH_SELF;

use objects::call::{PyObject_CallNoArgs, PyObject_Vectorcall};
use objects::exceptions::*;
use objects::genobject::{PyCoro_Type, PyGenObject, PyGen_Type};
use objects::object::*;
use objects::prelude::*;
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::{as_type, PyObject_TypeCheck};
use objects::unicodeobject::{as_str_lossy, PyUnicodeObject};

/// Is `o` a coroutine, or a generator marked as one by `types.coroutine`?
fn is_coroutine_like(o: &PyObject) -> bool {
    if o.is_type(&PyCoro_Type) {
        return true;
    }
    if o.is_type(&PyGen_Type) {
        if let Some(g) = o.downcast_ref::<PyGenObject>() {
            return g.gi_code.co_flags & CO_ITERABLE_COROUTINE != 0;
        }
    }
    false
}

/// `_PyCoro_GetAwaitableIter`: the iterator `await o` drives.
pub fn _PyCoro_GetAwaitableIter(o: &PyObject) -> PyResult {
    if is_coroutine_like(o) {
        return Ok(o.to_owned());
    }
    let Some(am_await) = o.ob_type().tp_as_async.am_await.get() else {
        return Err(type_error(format!(
            "object {} can't be used in 'await' expression",
            o.ob_type().name()
        )));
    };
    let res = am_await(o)?;
    if is_coroutine_like(&res) {
        return Err(type_error("__await__() returned a coroutine"));
    }
    if res.ob_type().tp_iternext.get().is_none() {
        return Err(type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            res.ob_type().name()
        )));
    }
    Ok(res)
}

/// `format_awaitable_error`: `async with` explains which method gave a non-awaitable.
pub fn awaitable_error(e: PyErr, obj: &PyObject, oparg: u32) -> PyErr {
    if PyErr_ExceptionMatches(&e, &PyExc_TypeError)
        && obj.ob_type().tp_as_async.am_await.get().is_none()
    {
        let which = match oparg {
            1 => Some("__aenter__"),
            2 => Some("__aexit__"),
            _ => None,
        };
        if let Some(which) = which {
            return type_error(format!(
                "'async with' received an object from {} that does not implement __await__: {}",
                which,
                obj.ob_type().name()
            ));
        }
    }
    // An awaited coroutine that is already being awaited.
    e
}

/// `GET_AITER`.
pub fn get_aiter(obj: &PyObject) -> PyResult {
    let Some(aiter) = obj.ob_type().tp_as_async.am_aiter.get() else {
        return Err(type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            obj.ob_type().name()
        )));
    };
    let it = aiter(obj)?;
    if it.ob_type().tp_as_async.am_anext.get().is_none() {
        return Err(type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            it.ob_type().name()
        )));
    }
    Ok(it)
}

/// `GET_ANEXT`.
pub fn get_anext(aiter: &PyObject) -> PyResult {
    let Some(anext) = aiter.ob_type().tp_as_async.am_anext.get() else {
        return Err(type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            aiter.ob_type().name()
        )));
    };
    let next = anext(aiter)?;
    match _PyCoro_GetAwaitableIter(&next) {
        Ok(it) => Ok(it),
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_TypeError) => Err(type_error(format!(
            "'async for' received an invalid object from __anext__: {}",
            next.ob_type().name()
        ))),
        Err(e) => Err(e),
    }
}

/// `match_keys`: the values of `keys` in the mapping `map`, or `None` if one is
/// missing.
pub fn match_keys(map: &PyObject, keys: &PyObject) -> PyResult {
    let keys: Vec<PyObjectRef> = match keys.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice().to_vec(),
        None => return Err(system_error("MATCH_KEYS expects a tuple of keys")),
    };
    if keys.is_empty() {
        return Ok(PyTuple_New(vec![]).into_object());
    }
    let get = PyObject_GetAttr(map, objects::intern!("get"))?;
    let seen = objects::setobject::PySet_New(None)?;
    let dummy = PyObject_CallNoArgs(objects::typeobject::PyBaseObject_Type.as_object())?;
    let mut values = Vec::with_capacity(keys.len());
    for k in &keys {
        if objects::r#abstract::PySequence_Contains(&seen, k)? {
            return Err(value_error(format!(
                "mapping pattern checks duplicate key ({})",
                as_str_lossy(&*PyObject_Repr(k)?)
            )));
        }
        objects::setobject::PySet_Add(&seen, k)?;
        let v = PyObject_Vectorcall(&get, &[k.clone(), dummy.clone()], None)?;
        if v.is(&dummy) {
            return Ok(none());
        }
        values.push(v);
    }
    Ok(PyTuple_New(values).into_object())
}

/// `match_class_attr`: one attribute for a class pattern; `None` means no match.
fn match_class_attr(
    subject: &PyObject,
    tp: &PyTypeObject,
    name: &PyObject,
    seen: &mut Vec<PyObjectRef>,
) -> PyResult<Option<PyObjectRef>> {
    for s in seen.iter() {
        if PyObject_RichCompareBool(s, name, CompareOp::Eq)? {
            return Err(type_error(format!(
                "{}() got multiple sub-patterns for attribute {}",
                tp.name(),
                as_str_lossy(&*PyObject_Repr(name)?)
            )));
        }
    }
    seen.push(name.to_owned());
    _PyObject_LookupAttr(subject, name)
}

/// `match_class`: the attributes a class pattern needs, or `None` for no match.
pub fn match_class(
    subject: &PyObject,
    tp_obj: &PyObject,
    nargs: usize,
    kwargs: &PyObject,
) -> PyResult {
    let Some(tp) = as_type(tp_obj) else {
        return Err(type_error("called match pattern must be a type"));
    };
    if !PyObject_TypeCheck(subject, tp) {
        return Ok(none());
    }
    let mut seen: Vec<PyObjectRef> = Vec::new();
    let mut attrs: Vec<PyObjectRef> = Vec::new();
    if nargs > 0 {
        let match_args = _PyObject_LookupAttr(tp_obj, objects::intern!("__match_args__"))?;
        let (match_args, match_self): (Vec<PyObjectRef>, bool) = match match_args {
            Some(m) => match m.downcast_ref_exact::<PyTupleObject>() {
                Some(t) => (t.as_slice().to_vec(), false),
                None => {
                    return Err(type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        tp.name(),
                        m.ob_type().name()
                    )))
                }
            },
            None => (Vec::new(), tp.has_feature(Py_TPFLAGS_MATCH_SELF)),
        };
        let allowed = if match_self { 1 } else { match_args.len() };
        if allowed < nargs {
            return Err(type_error(format!(
                "{}() accepts {} positional sub-pattern{} ({} given)",
                tp.name(),
                allowed,
                if allowed == 1 { "" } else { "s" },
                nargs
            )));
        }
        if match_self {
            attrs.push(subject.to_owned());
        } else {
            for name in match_args.iter().take(nargs) {
                if !PyUnicodeObject::check(name) {
                    return Err(type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        name.ob_type().name()
                    )));
                }
                match match_class_attr(subject, tp, name, &mut seen)? {
                    Some(a) => attrs.push(a),
                    None => return Ok(none()),
                }
            }
        }
    }
    if let Some(kw) = kwargs.downcast_ref::<PyTupleObject>() {
        for name in kw.as_slice() {
            match match_class_attr(subject, tp, name, &mut seen)? {
                Some(a) => attrs.push(a),
                None => return Ok(none()),
            }
        }
    }
    Ok(PyTuple_New(attrs).into_object())
}

fn is_exception_group(o: &PyObject) -> bool {
    objects::typeobject::PyObject_TypeCheck(o, &PyExc_BaseExceptionGroup)
}

/// `exception_group_match` for `except*`: `(rest, match)`; `match` is `None` when
/// nothing matched (the caller leaves the exception in place then).
pub fn exception_group_match(
    exc_value: &PyObject,
    match_type: &PyObject,
) -> PyResult<(PyObjectRef, PyObjectRef)> {
    if exc_value.is(Py_None()) {
        return Ok((none(), none()));
    }
    if PyErr_GivenExceptionMatches(exc_value, match_type) {
        let matched = if is_exception_group(exc_value) {
            exc_value.to_owned()
        } else {
            // A naked exception is wrapped in a group.
            let excs = objects::tupleobject::PyTuple_New(vec![exc_value.to_owned()]).into_object();
            let wrapped = objects::exceptions::_PyExc_CreateExceptionGroup("", excs)?;
            exc_set_traceback(&wrapped, exc_traceback(exc_value));
            wrapped
        };
        return Ok((none(), matched));
    }
    if is_exception_group(exc_value) {
        let pair = objects::call::PyObject_CallMethodOneArg(
            exc_value,
            objects::intern!("split"),
            match_type,
        )?;
        if let Some(t) = pair.downcast_ref::<PyTupleObject>() {
            if let [m, r] = t.as_slice() {
                return Ok((r.clone(), m.clone()));
            }
        }
        return Err(type_error("ExceptionGroup.split must return a 2-tuple"));
    }
    Ok((exc_value.to_owned(), none()))
}

/// Whether code may await (for `GET_YIELD_FROM_ITER`'s check).
pub fn code_can_await(flags: i32) -> bool {
    flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE) != 0
}
