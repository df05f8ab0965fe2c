//! The `_opcode` module: `stack_effect`. Mirrors Modules/_opcode.c (CPython 3.11).

use include::methodobject::{PyCFunction, PyMethodDef};
use include::opcode::{Opcode, HAVE_ARGUMENT};

use objects::getargs::{unpack_keywords, ArgSpec};
use objects::moduleobject::{PyModuleObject, PyModule_AddFunctions, PyModule_New};
use objects::prelude::*;

/// `_opcode.stack_effect(opcode, oparg=None, /, *, jump=None)`.
fn stack_effect(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let spec = ArgSpec {
        fname: "stack_effect",
        names: &["", "", "jump"],
        posonly: 2,
        maxpos: 2,
        minpos: 1,
        required_kwonly: &[],
    };
    let a = unpack_keywords(&spec, args, kwnames)?;
    let op =
        objects::longobject::PyLong_AsLong(&a[0].clone().unwrap_or_else(objects::object::none))?;
    let oparg = a[1].clone().filter(|o| !o.is(objects::object::Py_None()));
    if op >= HAVE_ARGUMENT as i64 {
        if oparg.is_none() {
            return Err(value_error(
                "stack_effect: opcode requires oparg but oparg was not specified",
            ));
        }
    } else if oparg.is_some() {
        return Err(value_error(
            "stack_effect: opcode does not permit oparg but oparg was specified",
        ));
    }
    let oparg_v = match &oparg {
        Some(o) => objects::longobject::PyLong_AsLong(o)? as i32,
        None => 0,
    };
    let jump = match &a[2] {
        None => None,
        Some(j) if j.is(objects::object::Py_None()) => None,
        Some(j) if j.is(objects::boolobject::Py_True()) => Some(true),
        Some(j) if j.is(objects::boolobject::Py_False()) => Some(false),
        Some(_) => {
            return Err(value_error(
                "stack_effect: jump must be False, True or None",
            ))
        }
    };
    let effect = u8::try_from(op)
        .ok()
        .and_then(Opcode::from_u8)
        .filter(|o| !o.is_specialized())
        .and_then(|o| {
            python::flowgraph::stack_effect(python::flowgraph::Op::Real(o), oparg_v, jump)
        });
    match effect {
        Some(e) => Ok(objects::longobject::PyLong_FromLong(e as i64)),
        None => Err(value_error("invalid opcode or oparg")),
    }
}

static OPCODE_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "stack_effect",
    PyCFunction::FastKw(stack_effect),
    "stack_effect($module, opcode, oparg=None, /, *, jump=None)\n--\n\nCompute the stack effect of the opcode.",
)];

/// Make the `_opcode` module (`PyInit__opcode`).
pub fn PyInit__opcode() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_opcode")?;
    PyModule_AddFunctions(&m, &OPCODE_METHODS)?;
    Ok(m)
}
