//! Turning the compiler's output into a code object: the `makecode` step at the end of
//! Python/compile.c (CPython 3.11), where the assembler's tables and the constants
//! become a `PyCodeObject`.
//!
//! Differences from CPython: the compiler (`compile.rs` and friends) produces plain
//! data (`CodeUnit`, `Constant`) so it can be tested on its own; this file makes the
//! runtime objects, interning names as CPython's `intern_strings` does.
//!
//! Which strings are shared and which interned follows CPython, because `marshal`
//! shows it: every code object of one compilation shares one filename object; a
//! `co_name` that is an identifier is interned, one of the compiler's own names
//! (`<module>`, `<lambda>`, ...) is a shared string that is not interned (CPython's
//! statically allocated `_Py_STR` strings); a `co_qualname` equal to the name is the
//! name object itself, any other is a string of its own.

use objects::codeobject::{CodeParts, PyCode_New};
use objects::prelude::*;
use objects::tupleobject::PyTuple_New;
use objects::unicodeobject::{PyUnicode_FromString, PyUnicode_InternFromString};

use include::code::PyCodeObject;

use crate::code_unit::{CodeUnit, Constant};

/// A constant as a runtime object.
pub fn make_constant(c: &Constant) -> PyResult<PyObjectRef> {
    make_constant_in(c, None)
}

/// `make_constant`, with the filename shared by the code objects of one compilation.
fn make_constant_in(c: &Constant, filename: Option<&PyObjectRef>) -> PyResult<PyObjectRef> {
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
            let v: PyResult<Vec<PyObjectRef>> = items
                .iter()
                .map(|c| make_constant_in(c, filename))
                .collect();
            PyTuple_New(v?).into_object()
        }
        Constant::FrozenSet(items) => {
            let v: PyResult<Vec<PyObjectRef>> = items
                .iter()
                .map(|c| make_constant_in(c, filename))
                .collect();
            let t = PyTuple_New(v?).into_object();
            let first = objects::setobject::PyFrozenSet_New(Some(&t))?;
            // CPython's constant merging (`merge_consts_recursive`) rebuilds a frozenset
            // from the iteration order of the one the compiler made, which can change
            // the order of colliding members: do the same so sets print alike.
            let again = objects::r#abstract::PySequence_Tuple(&first)?;
            objects::setobject::PyFrozenSet_New(Some(&again))?
        }
        Constant::Ellipsis => objects::sliceobject::Py_Ellipsis().to_owned(),
        Constant::Code(cu) => make_code_in(cu, filename)?.into_object(),
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

/// The compiler's own names that are not identifiers (CPython's `_Py_STR(...)`
/// statics): one string object each for the life of the process, not interned.
static COMPILER_NAMES: include::object::GlobalCell<Vec<(String, PyObjectRef)>> =
    include::object::GlobalCell::new(Vec::new());

/// `co_name`: interned if it is an identifier, else the shared compiler name.
fn code_name(name: &str) -> PyObjectRef {
    let identifier = !name.is_empty()
        && !name.as_bytes()[0].is_ascii_digit()
        && name.chars().all(|c| c == '_' || c.is_alphanumeric());
    if identifier {
        return PyUnicode_InternFromString(name);
    }
    // SAFETY: single-threaded; nothing in the borrow runs Python code.
    let names = unsafe { COMPILER_NAMES.get_mut() };
    if let Some((_, o)) = names.iter().find(|(n, _)| n == name) {
        return o.clone();
    }
    let o = PyUnicode_FromString(name);
    names.push((name.to_string(), o.clone()));
    o
}

/// Make the code object for a compiled unit (and, recursively, its nested ones).
pub fn make_code(cu: &CodeUnit) -> PyResult<PyRef<PyCodeObject>> {
    make_code_in(cu, None)
}

fn make_code_in(cu: &CodeUnit, filename: Option<&PyObjectRef>) -> PyResult<PyRef<PyCodeObject>> {
    let filename = match filename {
        Some(f) => f.clone(),
        None => PyUnicode_FromString(&cu.co_filename),
    };
    let consts: PyResult<Vec<PyObjectRef>> = cu
        .co_consts
        .iter()
        .map(|c| make_constant_in(c, Some(&filename)))
        .collect();
    let name = code_name(&cu.co_name);
    let qualname = if cu.co_qualname == cu.co_name {
        name.clone()
    } else {
        PyUnicode_FromString(&cu.co_qualname)
    };
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
        filename,
        name,
        qualname,
        linetable: cu.co_linetable.clone(),
        exceptiontable: cu.co_exceptiontable.clone(),
    })
}
