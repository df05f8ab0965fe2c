//! Turning the compiler's output into a code object: the `makecode` step at the end of
//! Python/compile.c (CPython 3.11), where the assembler's tables and the constants
//! become a `PyCodeObject`.
//!
//! Differences from CPython: the compiler (`compile.rs` and friends) produces plain
//! data (`CodeUnit`, `Constant`) so it can be tested on its own; this file makes the
//! runtime objects, interning names as CPython's `intern_strings` does.

use objects::codeobject::{CodeParts, PyCode_New};
use objects::prelude::*;
use objects::tupleobject::PyTuple_New;
use objects::unicodeobject::{PyUnicode_FromString, PyUnicode_InternFromString};

use include::code::PyCodeObject;

use crate::code_unit::{CodeUnit, Constant};

/// A constant as a runtime object.
pub fn make_constant(c: &Constant) -> PyResult<PyObjectRef> {
    Ok(match c {
        Constant::None => objects::object::none(),
        Constant::Bool(b) => objects::boolobject::PyBool_FromLong(*b),
        Constant::Int(i) => objects::longobject::PyLong_FromBigInt(i.clone()),
        Constant::Float(f) => objects::floatobject::PyFloat_FromDouble(*f),
        Constant::Complex { real, imag } => {
            objects::complexobject::PyComplex_FromDoubles(*real, *imag)
        }
        // Short identifier-like string constants are interned, as CPython's
        // `intern_string_constants` does.
        Constant::Str(s) if is_name_like(s) => PyUnicode_InternFromString(s),
        Constant::Str(s) => PyUnicode_FromString(s),
        // A literal with lone surrogates, which a Rust `String` cannot hold.
        Constant::SurrogateStr(code_points) => {
            objects::unicodeobject::PyUnicode_FromUCS4(code_points.clone())
        }
        Constant::Bytes(b) => objects::bytesobject::PyBytes_FromSlice(b),
        Constant::Tuple(items) => {
            let v: PyResult<Vec<PyObjectRef>> = items.iter().map(make_constant).collect();
            PyTuple_New(v?).into_object()
        }
        Constant::FrozenSet(items) => {
            let v: PyResult<Vec<PyObjectRef>> = items.iter().map(make_constant).collect();
            let t = PyTuple_New(v?).into_object();
            let first = objects::setobject::PyFrozenSet_New(Some(&t))?;
            // CPython's constant merging (`merge_consts_recursive`) rebuilds a frozenset
            // from the iteration order of the one the compiler made, which can change
            // the order of colliding members: do the same so sets print alike.
            let again = objects::r#abstract::PySequence_Tuple(&first)?;
            objects::setobject::PyFrozenSet_New(Some(&again))?
        }
        Constant::Ellipsis => objects::sliceobject::Py_Ellipsis().to_owned(),
        Constant::Code(cu) => make_code(cu)?.into_object(),
    })
}

/// `all_name_chars`: a string made of ASCII letters, digits and `_` only.
fn is_name_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn interned_tuple(names: &[String]) -> PyObjectRef {
    PyTuple_New(
        names
            .iter()
            .map(|n| PyUnicode_InternFromString(n))
            .collect(),
    )
    .into_object()
}

/// Make the code object for a compiled unit (and, recursively, its nested ones).
pub fn make_code(cu: &CodeUnit) -> PyResult<PyRef<PyCodeObject>> {
    let consts: PyResult<Vec<PyObjectRef>> = cu.co_consts.iter().map(make_constant).collect();
    PyCode_New(CodeParts {
        argcount: cu.co_argcount as i32,
        posonlyargcount: cu.co_posonlyargcount as i32,
        kwonlyargcount: cu.co_kwonlyargcount as i32,
        stacksize: cu.co_stacksize as i32,
        flags: cu.co_flags as i32,
        firstlineno: cu.co_firstlineno as i32,
        code: cu.co_code.clone(),
        consts: PyTuple_New(consts?).into_object(),
        names: interned_tuple(&cu.co_names),
        localsplusnames: interned_tuple(&cu.co_localsplusnames),
        localspluskinds: cu.co_localspluskinds.clone(),
        filename: PyUnicode_FromString(&cu.co_filename),
        name: PyUnicode_InternFromString(&cu.co_name),
        qualname: PyUnicode_InternFromString(&cu.co_qualname),
        linetable: cu.co_linetable.clone(),
        exceptiontable: cu.co_exceptiontable.clone(),
    })
}
