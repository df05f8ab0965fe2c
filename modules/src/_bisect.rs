//! The `_bisect` module: bisection on sorted sequences. Mirrors Modules/_bisectmodule.c
//! (CPython 3.11).

use objects::call::{PyObject_CallMethod, PyObject_CallOneArg};
use objects::exceptions::*;
use objects::getargs::{unpack_keywords, ArgSpec};
use objects::listobject::{PyListObject, PyList_Insert};
use objects::longobject::PyLong_FromSsize_t;
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::prelude::*;
use objects::r#abstract::{
    PyIndex_Check, PyNumber_AsSsize_t, PyNumber_Index, PyObject_Size, PySequence_GetItem,
};
use objects::unicodeobject::{PyUnicode_FromString, PyUnicode_InternFromString};

use include::methodobject::{PyCFunction, PyMethodDef};

/// The arguments `(a, x, lo=0, hi=None, *, key=None)` after conversion.
struct BisectArgs {
    a: PyObjectRef,
    x: PyObjectRef,
    lo: Py_ssize_t,
    hi: Py_ssize_t,
    key: Option<PyObjectRef>,
}

/// Argument Clinic's parsing: `lo` is a `Py_ssize_t`, `hi` an optional one
/// (`_Py_convert_optional_to_ssize_t`, where `None` leaves the default -1).
fn parse(fname: &str, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<BisectArgs> {
    let v = unpack_keywords(
        &ArgSpec {
            fname,
            names: &["a", "x", "lo", "hi", "key"],
            posonly: 0,
            maxpos: 4,
            minpos: 2,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let lo = match &v[2] {
        Some(o) => {
            let i = PyNumber_Index(o)?;
            PyNumber_AsSsize_t(&i, Some(&PyExc_OverflowError))?
        }
        None => 0,
    };
    let hi = match &v[3] {
        Some(o) if !o.is(Py_None()) => {
            if !PyIndex_Check(o) {
                return Err(type_error(format!(
                    "argument should be integer or None, not '{}'",
                    o.ob_type().name()
                )));
            }
            PyNumber_AsSsize_t(o, Some(&PyExc_OverflowError))?
        }
        _ => -1,
    };
    let key = v[4].clone().filter(|k| !k.is(Py_None()));
    Ok(BisectArgs {
        a: v[0].clone().expect("required"),
        x: v[1].clone().expect("required"),
        lo,
        hi,
        key,
    })
}

/// `internal_bisect_right` (`right`) and `internal_bisect_left`: the key function is
/// applied to the list's items only; `item` is already a key.
fn internal_bisect(
    list: &PyObject,
    item: &PyObject,
    mut lo: Py_ssize_t,
    mut hi: Py_ssize_t,
    key: Option<&PyObject>,
    right: bool,
) -> PyResult<Py_ssize_t> {
    if lo < 0 {
        return Err(value_error("lo must be non-negative"));
    }
    if hi == -1 {
        hi = PyObject_Size(list)?;
    }
    while lo < hi {
        // The addition cannot overflow: both are non-negative `Py_ssize_t`s.
        let mid = ((lo as usize + hi as usize) / 2) as Py_ssize_t;
        let mut litem = PySequence_GetItem(list, mid)?;
        if let Some(k) = key {
            litem = PyObject_CallOneArg(k, &litem)?;
        }
        if right {
            if PyObject_RichCompareBool(item, &litem, CompareOp::Lt)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if PyObject_RichCompareBool(&litem, item, CompareOp::Lt)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect(fname: &str, args: &[PyObjectRef], kwnames: Option<&PyObject>, right: bool) -> PyResult {
    let p = parse(fname, args, kwnames)?;
    let i = internal_bisect(&p.a, &p.x, p.lo, p.hi, p.key.as_deref(), right)?;
    Ok(PyLong_FromSsize_t(i))
}

/// `insort_right`/`insort_left`: the key of `x` locates the place; `x` itself goes in,
/// by `PyList_Insert` for an exact list and the `insert` method otherwise.
fn insort(fname: &str, args: &[PyObjectRef], kwnames: Option<&PyObject>, right: bool) -> PyResult {
    let p = parse(fname, args, kwnames)?;
    let index = match &p.key {
        None => internal_bisect(&p.a, &p.x, p.lo, p.hi, None, right)?,
        Some(k) => {
            let key_x = PyObject_CallOneArg(k, &p.x)?;
            internal_bisect(&p.a, &key_x, p.lo, p.hi, Some(k), right)?
        }
    };
    if let Some(l) = p.a.downcast_ref_exact::<PyListObject>() {
        PyList_Insert(l, index, p.x.clone())?;
    } else {
        PyObject_CallMethod(
            &p.a,
            &PyUnicode_InternFromString("insert"),
            &[PyLong_FromSsize_t(index), p.x.clone()],
        )?;
    }
    Ok(none())
}

fn _bisect_bisect_right(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    bisect("bisect_right", args, kw, true)
}

fn _bisect_bisect_left(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    bisect("bisect_left", args, kw, false)
}

fn _bisect_insort_right(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    insort("insort_right", args, kw, true)
}

fn _bisect_insort_left(_m: &PyObject, args: &[PyObjectRef], kw: Option<&PyObject>) -> PyResult {
    insort("insort_left", args, kw, false)
}

static BISECT_METHODS: [PyMethodDef; 4] = [
    PyMethodDef::new(
        "bisect_right",
        PyCFunction::FastKw(_bisect_bisect_right),
        "bisect_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nReturn the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such that all e in a[:i] have e <= x, and all e in\na[i:] have e > x.  So if x already appears in the list, a.insert(i, x) will\ninsert just after the rightmost x already there.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched.",
    ),
    PyMethodDef::new(
        "insort_right",
        PyCFunction::FastKw(_bisect_insort_right),
        "insort_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nInsert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it to the right of the rightmost x.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched.",
    ),
    PyMethodDef::new(
        "bisect_left",
        PyCFunction::FastKw(_bisect_bisect_left),
        "bisect_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nReturn the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such that all e in a[:i] have e < x, and all e in\na[i:] have e >= x.  So if x already appears in the list, a.insert(i, x) will\ninsert just before the leftmost x already there.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched.",
    ),
    PyMethodDef::new(
        "insort_left",
        PyCFunction::FastKw(_bisect_insort_left),
        "insort_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\nInsert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it to the left of the leftmost x.\n\nOptional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched.",
    ),
];

const MODULE_DOC: &str = "Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach.\n";

/// Make the `_bisect` module (`PyInit__bisect`).
pub fn PyInit__bisect() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_bisect")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(MODULE_DOC))?;
    PyModule_AddFunctions(&m, &BISECT_METHODS)?;
    Ok(m)
}
