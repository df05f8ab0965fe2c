//! The `builtins` module. Mirrors Python/bltinmodule.c (CPython 3.11), including the
//! `filter`, `map` and `zip` types that CPython defines there.

use std::cell::Cell;
use std::mem::size_of;

use include::cpython::object::flags::*;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::boolobject::{PyBool_FromLong, Py_False, Py_True};
use objects::call::{kwnames_len, PyObject_CallNoArgs, PyObject_CallOneArg, PyObject_Vectorcall};
use objects::dictobject::*;
use objects::exceptions::*;
use objects::funcobject::PyFunctionObject;
use objects::getargs::{check_positional, parse_args, unpack_keywords, ArgSpec};
use objects::listobject::PyList_New;
use objects::longobject::{PyLong_FromLong, PyLong_FromSsize_t};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::r#abstract::*;
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::{as_type, PyType_Type};
use objects::unicodeobject::{
    as_str_lossy, PyUnicodeObject, PyUnicode_FromCodePoints, PyUnicode_FromString,
};

static BUILTINS: GlobalCell<Option<PyRef<PyModuleObject>>> = GlobalCell::new(None);

/// The `builtins` module.
pub fn builtins_module() -> Option<&'static PyModuleObject> {
    // SAFETY: set once at start-up and never replaced.
    unsafe { BUILTINS.get_ref() }.as_deref()
}

/// The builtins namespace (`builtins.__dict__`).
pub fn builtins_dict() -> PyRef<PyDictObject> {
    match builtins_module() {
        Some(m) => PyRef::from_borrowed(m.dict()),
        None => PyDict_New(),
    }
}

/// The builtins a code object run in `globals` sees (`_PyEval_BuiltinsFromGlobals`).
pub fn builtins_for_globals(globals: &PyDictObject) -> PyResult<PyObjectRef> {
    let default = builtins_dict().into_object();
    objects::funcobject::builtins_from_globals(globals, &default)
}

/// `file.write(text)` for any file-like object (`PyFile_WriteString`), with a fast
/// path for the built-in standard streams.
pub fn file_write_string(file: &PyObject, text: &str) -> PyResult<()> {
    let s = PyUnicode_FromString(text);
    file_write_object(file, &s)
}

fn file_write_object(file: &PyObject, s: &PyObject) -> PyResult<()> {
    if let Some(p) = file.downcast_ref_exact::<objects::fileobject::PyStdPrinterObject>() {
        if let Some(u) = s.downcast_ref::<PyUnicodeObject>() {
            return p.write_str(u);
        }
    }
    objects::call::PyObject_CallMethodOneArg(file, objects::intern!("write"), s)?;
    Ok(())
}

// --- functions -------------------------------------------------------------------------------

fn builtin_abs(_m: &PyObject, x: &PyObject) -> PyResult {
    PyNumber_Absolute(x)
}

fn builtin_all(_m: &PyObject, iterable: &PyObject) -> PyResult {
    let it = PyObject_GetIter(iterable)?;
    while let Some(item) = PyIter_Next(&it)? {
        if !PyObject_IsTrue(&item)? {
            return Ok(PyBool_FromLong(false));
        }
    }
    Ok(PyBool_FromLong(true))
}

fn builtin_any(_m: &PyObject, iterable: &PyObject) -> PyResult {
    let it = PyObject_GetIter(iterable)?;
    while let Some(item) = PyIter_Next(&it)? {
        if PyObject_IsTrue(&item)? {
            return Ok(PyBool_FromLong(true));
        }
    }
    Ok(PyBool_FromLong(false))
}

fn builtin_ascii(_m: &PyObject, x: &PyObject) -> PyResult {
    PyObject_ASCII(x)
}

/// `bin()`, `oct()`, `hex()`: `format(int(x), '#b')` and friends.
fn number_to_base(x: &PyObject, spec: &str) -> PyResult {
    let i = PyNumber_Index(x)?;
    PyObject_Format(&i, Some(&PyUnicode_FromString(spec)))
}

fn builtin_bin(_m: &PyObject, x: &PyObject) -> PyResult {
    number_to_base(x, "#b")
}

fn builtin_oct(_m: &PyObject, x: &PyObject) -> PyResult {
    number_to_base(x, "#o")
}

fn builtin_hex(_m: &PyObject, x: &PyObject) -> PyResult {
    number_to_base(x, "#x")
}

fn builtin_callable(_m: &PyObject, x: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(x.ob_type().tp_call.get().is_some()))
}

fn builtin_chr(_m: &PyObject, x: &PyObject) -> PyResult {
    let v = match objects::longobject::PyLong_AsLong(x) {
        Ok(v) => v,
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_OverflowError) => {
            return Err(overflow_error("Python int too large to convert to C int"));
        }
        Err(e) => return Err(e),
    };
    if !(0..=0x10FFFF).contains(&v) {
        if v > i32::MAX as i64 || v < i32::MIN as i64 {
            return Err(overflow_error("Python int too large to convert to C int"));
        }
        return Err(value_error("chr() arg not in range(0x110000)"));
    }
    Ok(PyUnicode_FromCodePoints(&[v as u32]))
}

fn builtin_ord(_m: &PyObject, c: &PyObject) -> PyResult {
    if let Some(u) = c.downcast_ref::<PyUnicodeObject>() {
        if u.len() == 1 {
            return Ok(PyLong_FromLong(u.char_at(0) as i64));
        }
        return Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            u.len()
        )));
    }
    if let Some(b) = objects::bytesobject::bytes_like_data(c) {
        if b.len() == 1 {
            return Ok(PyLong_FromLong(b[0] as i64));
        }
        return Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    Err(type_error(format!(
        "ord() expected string of length 1, but {} found",
        c.ob_type().name()
    )))
}

fn builtin_delattr(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("delattr", args.len(), 2, 2)?;
    PyObject_SetAttr(&args[0], &args[1], None)?;
    Ok(none())
}

fn builtin_setattr(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("setattr", args.len(), 3, 3)?;
    PyObject_SetAttr(&args[0], &args[1], Some(&args[2]))?;
    Ok(none())
}

fn builtin_getattr(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    if args.len() < 2 {
        return Err(type_error(format!(
            "getattr expected at least 2 arguments, got {}",
            args.len()
        )));
    }
    if args.len() > 3 {
        return Err(type_error(format!(
            "getattr expected at most 3 arguments, got {}",
            args.len()
        )));
    }
    if !PyUnicodeObject::check(&args[1]) {
        return Err(type_error(format!(
            "attribute name must be string, not '{}'",
            args[1].ob_type().name()
        )));
    }
    match args.get(2) {
        Some(default) => {
            Ok(_PyObject_LookupAttr(&args[0], &args[1])?.unwrap_or_else(|| default.clone()))
        }
        None => PyObject_GetAttr(&args[0], &args[1]),
    }
}

fn builtin_hasattr(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("hasattr", args.len(), 2, 2)?;
    if !PyUnicodeObject::check(&args[1]) {
        return Err(type_error(format!(
            "attribute name must be string, not '{}'",
            args[1].ob_type().name()
        )));
    }
    Ok(PyBool_FromLong(
        _PyObject_LookupAttr(&args[0], &args[1])?.is_some(),
    ))
}

/// `_dir_object` (Objects/object.c): `sorted(obj.__dir__())`, as `dir(obj)` and the
/// suggestions for an `AttributeError` see it.
pub fn builtin_dir_of(obj: &PyObject) -> PyResult {
    let Some(dirfunc) =
        objects::typeobject::_PyObject_LookupSpecial(obj, objects::intern!("__dir__"))?
    else {
        return Err(type_error("object does not provide __dir__"));
    };
    let res = PyObject_CallNoArgs(&dirfunc)?;
    let list = PyList_New(PySequence_List_items(&res)?);
    objects::listobject::list_sort(&list, None, false)?;
    Ok(list.into_object())
}

fn builtin_dir(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("dir", args.len(), 0, 1)?;
    let Some(obj) = args.first() else {
        let locals =
            crate::ceval::PyEval_GetLocals()?.unwrap_or_else(|| PyDict_New().into_object());
        let keys = objects::call::PyObject_CallMethod(&locals, objects::intern!("keys"), &[])?;
        let list = PyList_New(PySequence_List_items(&keys)?);
        objects::listobject::list_sort(&list, None, false)?;
        return Ok(list.into_object());
    };
    builtin_dir_of(obj)
}

fn builtin_divmod(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("divmod", args.len(), 2, 2)?;
    binary_divmod(&args[0], &args[1])
}

fn binary_divmod(a: &PyObject, b: &PyObject) -> PyResult {
    let sa = a.ob_type().tp_as_number.nb_divmod.get();
    let sb = b.ob_type().tp_as_number.nb_divmod.get();
    let try_slot =
        |f: Option<include::cpython::object::slots::binaryfunc>| -> PyResult<Option<PyObjectRef>> {
            if let Some(f) = f {
                let r = f(a, b)?;
                if !r.is(Py_NotImplemented()) {
                    return Ok(Some(r));
                }
            }
            Ok(None)
        };
    let reversed_first = !std::ptr::eq(a.ob_type(), b.ob_type())
        && objects::typeobject::PyType_IsSubtype(b.ob_type(), a.ob_type())
        && sb.map(|f| f as usize) != sa.map(|f| f as usize);
    if reversed_first {
        if let Some(r) = try_slot(sb)? {
            return Ok(r);
        }
    }
    if let Some(r) = try_slot(sa)? {
        return Ok(r);
    }
    if !reversed_first && sb.map(|f| f as usize) != sa.map(|f| f as usize) {
        if let Some(r) = try_slot(sb)? {
            return Ok(r);
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.ob_type().name(),
        b.ob_type().name()
    )))
}

fn builtin_format(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("format", args.len(), 1, 2)?;
    if let Some(spec) = args.get(1) {
        if !PyUnicodeObject::check(spec) {
            return Err(type_error(format!(
                "format() argument 2 must be str, not {}",
                spec.ob_type().name()
            )));
        }
    }
    PyObject_Format(&args[0], args.get(1).map(|s| &**s))
}

fn builtin_globals(_m: &PyObject) -> PyResult {
    Ok(crate::ceval::PyEval_GetGlobals().unwrap_or_else(none))
}

fn builtin_locals(_m: &PyObject) -> PyResult {
    Ok(crate::ceval::PyEval_GetLocals()?.unwrap_or_else(none))
}

fn builtin_hash(_m: &PyObject, x: &PyObject) -> PyResult {
    Ok(PyLong_FromSsize_t(PyObject_Hash(x)?))
}

fn builtin_id(_m: &PyObject, x: &PyObject) -> PyResult {
    Ok(objects::longobject::PyLong_FromU64(
        x.as_ptr() as usize as u64
    ))
}

pub(crate) fn builtin_isinstance(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("isinstance", args.len(), 2, 2)?;
    Ok(PyBool_FromLong(PyObject_IsInstance(&args[0], &args[1])?))
}

fn builtin_issubclass(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("issubclass", args.len(), 2, 2)?;
    Ok(PyBool_FromLong(PyObject_IsSubclass(&args[0], &args[1])?))
}

fn builtin_iter(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("iter", args.len(), 1, 2)?;
    match args.get(1) {
        None => PyObject_GetIter(&args[0]),
        Some(sentinel) => {
            if args[0].ob_type().tp_call.get().is_none() {
                return Err(type_error("iter(v, w): v must be callable"));
            }
            Ok(objects::iterobject::PyCallIter_New(
                args[0].clone(),
                sentinel.clone(),
            ))
        }
    }
}

pub(crate) fn builtin_len(_m: &PyObject, x: &PyObject) -> PyResult {
    Ok(PyLong_FromSsize_t(PyObject_Size(x)?))
}

fn builtin_next(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("next", args.len(), 1, 2)?;
    let it = &args[0];
    let Some(next) = it.ob_type().tp_iternext.get() else {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            it.ob_type().name()
        )));
    };
    match next(it) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(stop_iteration(None)),
        },
        Err(e) if args.len() == 2 && PyErr_ExceptionMatches(&e, &PyExc_StopIteration) => {
            Ok(args[1].clone())
        }
        Err(e) => Err(e),
    }
}

fn builtin_pow(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = parse_args("pow", args, kwnames, &["base", "exp", "mod"], 2)?;
    let base = a[0].clone().unwrap_or_else(none);
    let exp = a[1].clone().unwrap_or_else(none);
    let m = a[2].clone().unwrap_or_else(none);
    PyNumber_Power(&base, &exp, &m)
}

fn builtin_repr(_m: &PyObject, x: &PyObject) -> PyResult {
    PyObject_Repr(x)
}

fn builtin_round(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = parse_args("round", args, kwnames, &["number", "ndigits"], 1)?;
    let number = a[0].clone().unwrap_or_else(none);
    let Some(round) =
        objects::typeobject::_PyObject_LookupSpecial(&number, objects::intern!("__round__"))?
    else {
        return Err(type_error(format!(
            "type {} doesn't define __round__ method",
            number.ob_type().name()
        )));
    };
    match a[1].clone().filter(|n| !n.is(Py_None())) {
        Some(nd) => PyObject_CallOneArg(&round, &nd),
        None => PyObject_CallNoArgs(&round),
    }
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
fn builtin_print(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let nkw = kwnames.map_or(0, kwnames_len);
    let (objs, kwvals) = args.split_at(args.len() - nkw);
    let (mut sep, mut end, mut file, mut flush) = (None, None, None, None);
    for (k, v) in objects::call::kwnames_slice(kwnames).iter().zip(kwvals) {
        match as_str_lossy(k).as_ref() {
            "sep" => sep = Some(v.clone()),
            "end" => end = Some(v.clone()),
            "file" => file = Some(v.clone()),
            "flush" => flush = Some(v.clone()),
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    let file = match file.filter(|f| !f.is(Py_None())) {
        Some(f) => f,
        None => match crate::sysmodule::PySys_GetObject("stdout") {
            Some(f) if !f.is(Py_None()) => f,
            Some(_) => return Ok(none()),
            None => return Err(runtime_error("lost sys.stdout")),
        },
    };
    let check_str = |v: &Option<PyObjectRef>, what: &str| -> PyResult<Option<PyObjectRef>> {
        match v {
            None => Ok(None),
            Some(x) if x.is(Py_None()) => Ok(None),
            Some(x) if PyUnicodeObject::check(x) => Ok(Some(x.clone())),
            Some(x) => Err(type_error(format!(
                "{what} must be None or a string, not {}",
                x.ob_type().name()
            ))),
        }
    };
    let sep = check_str(&sep, "sep")?;
    let end = check_str(&end, "end")?;
    for (i, o) in objs.iter().enumerate() {
        if i > 0 {
            match &sep {
                Some(s) => file_write_object(&file, s)?,
                None => file_write_string(&file, " ")?,
            }
        }
        let s = PyObject_Str(o)?;
        file_write_object(&file, &s)?;
    }
    match &end {
        Some(e) => file_write_object(&file, e)?,
        None => file_write_string(&file, "\n")?,
    }
    if let Some(f) = flush {
        if PyObject_IsTrue(&f)? {
            objects::call::PyObject_CallMethod(&file, objects::intern!("flush"), &[])?;
        }
    }
    Ok(none())
}

/// `input([prompt])` (`builtin_input_impl`) without the interactive readline path:
/// the prompt goes to `sys.stdout`, the line comes from `sys.stdin.readline()`.
fn builtin_input(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("input", args.len(), 0, 1)?;
    let stream = |name: &str| crate::sysmodule::PySys_GetObject(name).filter(|f| !f.is(Py_None()));
    let (fin, fout, ferr) = (stream("stdin"), stream("stdout"), stream("stderr"));
    crate::sysmodule::PySys_Audit(
        "builtins.input",
        vec![args.first().cloned().unwrap_or_else(none)],
    )?;
    let Some(fin) = fin else {
        return Err(runtime_error("input(): lost sys.stdin"));
    };
    let Some(fout) = fout else {
        return Err(runtime_error("input(): lost sys.stdout"));
    };
    let Some(ferr) = ferr else {
        return Err(runtime_error("input(): lost sys.stderr"));
    };
    // Flushing is best effort: a stream without `flush` does not stop input().
    let flush = |f: &PyObject| {
        let _ = objects::call::PyObject_CallMethod(f, objects::intern!("flush"), &[]);
    };
    flush(&ferr);
    if let Some(p) = args.first() {
        let s = PyObject_Str(p)?;
        file_write_object(&fout, &s)?;
    }
    flush(&fout);
    // `PyFile_GetLine(fin, -1)`: the line without its newline, EOFError at the end.
    let line = objects::call::PyObject_CallMethod(&fin, objects::intern!("readline"), &[])?;
    if let Some(u) = line.downcast_ref::<PyUnicodeObject>() {
        let n = u.len();
        if n == 0 {
            return Err(PyErr_FromArgs(
                &PyExc_EOFError,
                &[PyUnicode_FromString("EOF when reading a line")],
            ));
        }
        let end = if u.char_at(n - 1) == '\n' as u32 {
            n - 1
        } else {
            n
        };
        return Ok(objects::unicodeobject::unicode_substring(u, 0, end));
    }
    if let Some(b) = line.downcast_ref::<objects::bytesobject::PyBytesObject>() {
        let data = b.as_bytes();
        if data.is_empty() {
            return Err(PyErr_FromArgs(
                &PyExc_EOFError,
                &[PyUnicode_FromString("EOF when reading a line")],
            ));
        }
        let end = data.len() - usize::from(data.ends_with(b"\n"));
        return Ok(objects::bytesobject::PyBytes_FromVec(data[..end].to_vec()));
    }
    Err(type_error("object.readline() returned non-string"))
}

/// `min()` and `max()` (`min_max`).
fn min_max(
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    op: CompareOp,
    name: &str,
) -> PyResult {
    let nkw = kwnames.map_or(0, kwnames_len);
    let (pos, kwvals) = args.split_at(args.len() - nkw);
    if nkw > 2 {
        return Err(type_error(format!(
            "{name}() takes at most 2 keyword arguments ({nkw} given)"
        )));
    }
    let mut key = None;
    let mut default = None;
    for (k, v) in objects::call::kwnames_slice(kwnames).iter().zip(kwvals) {
        match as_str_lossy(k).as_ref() {
            "key" => key = Some(v.clone()).filter(|k| !k.is(Py_None())),
            "default" => default = Some(v.clone()),
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    if pos.is_empty() {
        return Err(type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    }
    let single = pos.len() == 1;
    if !single && default.is_some() {
        return Err(type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let mut best: Option<(PyObjectRef, PyObjectRef)> = None;
    let mut consider = |item: PyObjectRef| -> PyResult<()> {
        let k = match &key {
            Some(f) => PyObject_CallOneArg(f, &item)?,
            None => item.clone(),
        };
        match &best {
            None => best = Some((item, k)),
            Some((_, bk)) => {
                if PyObject_RichCompareBool(&k, bk, op)? {
                    best = Some((item, k));
                }
            }
        }
        Ok(())
    };
    if single {
        let it = PyObject_GetIter(&pos[0])?;
        while let Some(item) = PyIter_Next(&it)? {
            consider(item)?;
        }
    } else {
        // CPython iterates the argument tuple; the arguments are read in place here,
        // with no tuple or iterator made for `min(a, b)`.
        for item in pos {
            consider(item.clone())?;
        }
    }
    match best {
        Some((v, _)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn builtin_min(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    min_max(args, kwnames, CompareOp::Lt, "min")
}

fn builtin_max(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    min_max(args, kwnames, CompareOp::Gt, "max")
}

fn builtin_sorted(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let nkw = kwnames.map_or(0, kwnames_len);
    let npos = args.len() - nkw;
    if npos != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {npos}"
        )));
    }
    // As CPython: copy the iterable into a list first, then hand the keywords to
    // `list.sort`, whose parsing and messages apply (`reverse=None` is an error).
    let list = PyList_New(PySequence_List_items(&args[0])?);
    objects::listobject::list_sort_vectorcall(&list, &args[1..], kwnames)?;
    Ok(list.into_object())
}

/// `sum(iterable, /, start=0)`, with the exact-int and float fast paths.
fn builtin_sum(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let spec = ArgSpec {
        fname: "sum",
        names: &["", "start"],
        posonly: 1,
        maxpos: 2,
        minpos: 1,
        required_kwonly: &[],
    };
    let a = unpack_keywords(&spec, args, kwnames)?;
    let iterable = a[0].clone().unwrap_or_else(none);
    let mut result = match &a[1] {
        Some(s) => {
            if PyUnicodeObject::check(s) {
                return Err(type_error(
                    "sum() can't sum strings [use ''.join(seq) instead]",
                ));
            }
            if objects::bytesobject::PyBytesObject::check(s) {
                return Err(type_error(
                    "sum() can't sum bytes [use b''.join(seq) instead]",
                ));
            }
            if s.is_type(&objects::bytearrayobject::PyByteArray_Type) {
                return Err(type_error(
                    "sum() can't sum bytearray [use b''.join(seq) instead]",
                ));
            }
            s.clone()
        }
        None => PyLong_FromLong(0),
    };
    let it = PyObject_GetIter(&iterable)?;
    // CPython's fast paths (absent under `SLOW_SUM`): while the sum and the items are
    // exact ints (or bools) that fit in a machine word, the running total stays a C
    // `long`; while it is a float and the items floats or word-sized ints, a C
    // `double`. Only a value that leaves that range or type goes back to
    // `PyNumber_Add`, so no intermediate object is made for the common sums.
    if result.is_type(&objects::longobject::PyLong_Type) {
        if let Some(mut i_result) = long_as_word(&result) {
            loop {
                let Some(item) = PyIter_Next(&it)? else {
                    return Ok(PyLong_FromLong(i_result));
                };
                if item.is_type(&objects::longobject::PyLong_Type)
                    || item.is_type(&objects::boolobject::PyBool_Type)
                {
                    if let Some(b) = long_as_word(&item).and_then(|b| i_result.checked_add(b)) {
                        i_result = b;
                        continue;
                    }
                }
                // Overflow, or not an int: carry on with real objects.
                result =
                    PyNumber_BinaryOp(&PyLong_FromLong(i_result), &item, include::opcode::nb::ADD)?;
                break;
            }
        }
    }
    if let Some(f) = result.downcast_ref_exact::<objects::floatobject::PyFloatObject>() {
        let mut f_result = f.ob_fval;
        loop {
            let Some(item) = PyIter_Next(&it)? else {
                return Ok(objects::floatobject::PyFloat_FromDouble(f_result));
            };
            if let Some(x) = item.downcast_ref_exact::<objects::floatobject::PyFloatObject>() {
                f_result += x.ob_fval;
                continue;
            }
            if item
                .downcast_ref::<objects::longobject::PyLongObject>()
                .is_some()
            {
                if let Some(v) = long_as_word(&item) {
                    f_result += v as f64;
                    continue;
                }
            }
            result = PyNumber_BinaryOp(
                &objects::floatobject::PyFloat_FromDouble(f_result),
                &item,
                include::opcode::nb::ADD,
            )?;
            break;
        }
    }
    while let Some(item) = PyIter_Next(&it)? {
        result = PyNumber_BinaryOp(&result, &item, include::opcode::nb::ADD)?;
    }
    Ok(result)
}

/// `PyLong_AsLongAndOverflow` for `sum()`'s fast paths: the value of an int (or int
/// subclass) if it fits in a C `long`, `None` on overflow.
fn long_as_word(obj: &PyObject) -> Option<i64> {
    obj.downcast_ref::<objects::longobject::PyLongObject>()?
        .as_i64()
}

fn builtin_vars(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("vars", args.len(), 0, 1)?;
    match args.first() {
        None => builtin_locals(_m),
        Some(obj) => match _PyObject_LookupAttr(obj, objects::intern!("__dict__"))? {
            Some(d) => Ok(d),
            None => Err(type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

fn builtin_aiter(_m: &PyObject, x: &PyObject) -> PyResult {
    crate::ceval_support::get_aiter(x)
}

fn builtin_anext(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("anext", args.len(), 1, 2)?;
    if args.len() == 2 {
        return Err(not_implemented_error(
            "anext() with a default is not supported yet",
        ));
    }
    let aiter = &args[0];
    let Some(anext) = aiter.ob_type().tp_as_async.am_anext.get() else {
        return Err(type_error(format!(
            "'{}' object is not an async iterator",
            aiter.ob_type().name()
        )));
    };
    anext(aiter)
}

// --- compile, exec, eval ---------------------------------------------------------------------

/// The text of a source argument: str, or bytes decoded as UTF-8 (with a BOM or
/// coding cookie honoured later by the tokenizer work).
fn source_text(source: &PyObject, fname: &str) -> PyResult<String> {
    if let Some(u) = source.downcast_ref::<PyUnicodeObject>() {
        return Ok(objects::unicodeobject::as_str_strict(u.as_object())?.to_string());
    }
    if let Some(b) = objects::bytesobject::bytes_like_data(source) {
        let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&b).to_vec();
        return String::from_utf8(b).map_err(|e| {
            let pos = e.utf8_error().valid_up_to();
            PyErr_FromArgs(
                &PyExc_SyntaxError,
                &[PyUnicode_FromString(&format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                    e.as_bytes().get(pos).copied().unwrap_or(0),
                    pos
                ))],
            )
        });
    }
    // compile() also takes an AST; exec() and eval() take a code object instead.
    let (what, other) = if fname == "compile" {
        ("compile() arg 1", "AST")
    } else {
        (fname, "code")
    };
    Err(type_error(format!(
        "{what} must be a string, bytes or {other} object"
    )))
}

/// `PyCF_MASK`: the `CO_FUTURE_*` flags `compile()` accepts.
const PyCF_MASK: i64 = crate::compile::PyCF_MASK as i64;
/// `PyCF_MASK_OBSOLETE`: `CO_NESTED`.
const PyCF_MASK_OBSOLETE: i64 = 0x0010;
/// `PyCF_COMPILE_MASK`: `PyCF_ONLY_AST`, `PyCF_ALLOW_TOP_LEVEL_AWAIT`,
/// `PyCF_TYPE_COMMENTS`, `PyCF_DONT_IMPLY_DEDENT`, `PyCF_ALLOW_INCOMPLETE_INPUT`.
const PyCF_COMPILE_MASK: i64 = 0x0400 | 0x2000 | 0x1000 | 0x0200 | 0x4000;

/// `PyUnicode_FSDecoder` (Objects/unicodeobject.c): a file name given as str, bytes,
/// an os.PathLike, or (deprecated) another bytes-like object, as a string.
fn PyUnicode_FSDecoder(arg: &PyObject) -> PyResult<String> {
    let is_buffer = objects::r#abstract::PyObject_CheckBuffer(arg);
    let path = if is_buffer {
        arg.to_owned()
    } else {
        crate::import::PyOS_FSPath(arg)?
    };
    let out = if let Some(u) = path.downcast_ref::<objects::unicodeobject::PyUnicodeObject>() {
        objects::unicodeobject::as_str_lossy(u.as_object()).into_owned()
    } else {
        if !objects::bytesobject::PyBytesObject::check(&path) {
            objects::pyhooks::PyErr_WarnEx(
                &objects::exceptions::PyExc_DeprecationWarning,
                &format!(
                    "path should be string, bytes, or os.PathLike, not {}",
                    arg.ob_type().name()
                ),
                1,
            )?;
        }
        let b = objects::bytesobject::buffer_arg(&path)?;
        String::from_utf8_lossy(&b).into_owned()
    };
    if out.contains('\0') {
        return Err(value_error("embedded null character"));
    }
    Ok(out)
}

fn builtin_compile(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = parse_args(
        "compile",
        args,
        kwnames,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
    )?;
    let source = a[0].clone().unwrap_or_else(none);
    let filename = a[1].clone().unwrap_or_else(none);
    let filename = PyUnicode_FSDecoder(&filename)?;
    let mode_obj = a[2].clone().unwrap_or_else(none);
    let mode = objects::unicodeobject::as_str_strict(&mode_obj)?.to_string();
    let flags = match &a[3] {
        Some(f) => objects::longobject::PyLong_AsLong(f)?,
        None => 0,
    };
    if flags & !(PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK) != 0 {
        return Err(value_error("compile(): unrecognised flags"));
    }
    let dont_inherit = match &a[4] {
        Some(d) => objects::object::PyObject_IsTrue(d)?,
        None => false,
    };
    let mut cf = crate::compile::PyCompilerFlags {
        cf_flags: flags as u32,
    };
    if !dont_inherit {
        PyEval_MergeCompilerFlags(&mut cf);
    }
    let optimize = match &a[5] {
        Some(o) => objects::longobject::PyLong_AsLong(o)?,
        None => -1,
    };
    if !(-1..=2).contains(&optimize) {
        return Err(value_error("compile(): invalid optimize value"));
    }
    let optimize = optimize as i32;
    let only_ast = flags & crate::python_ast::PyCF_ONLY_AST != 0;
    // `cf_feature_version`: only an AST is parsed as an older version.
    let feature_version = match &a[6] {
        Some(v) => objects::longobject::PyLong_AsLong(v)?,
        None => -1,
    };
    let feature_version = if feature_version >= 0 && only_ast {
        feature_version.min(11) as i32
    } else {
        11
    };
    let mode = match mode.as_str() {
        "exec" => Some(crate::compile::Mode::Exec),
        "eval" => Some(crate::compile::Mode::Eval),
        "single" => Some(crate::compile::Mode::Single),
        "func_type" if !only_ast => {
            return Err(value_error(
                "compile() mode 'func_type' requires flag PyCF_ONLY_AST",
            ))
        }
        "func_type" => None,
        _ if only_ast => {
            return Err(value_error(
                "compile() mode must be 'exec', 'eval', 'single' or 'func_type'",
            ))
        }
        _ => {
            return Err(value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ))
        }
    };
    if objects::r#abstract::PyObject_IsInstance(&source, crate::python_ast::AST_type.as_object())? {
        if only_ast {
            return Ok(source);
        }
        let Some(mode) = mode else {
            return Err(system_error("func_type mode without PyCF_ONLY_AST"));
        };
        let co =
            crate::python_ast_obj2ast::compile_ast_object(&source, &filename, mode, cf, optimize)?;
        return Ok(co.into_object());
    }
    if only_ast {
        let text = match objects::bytesobject::bytes_like_data(&source) {
            Some(b) => {
                if b.contains(&0) {
                    return Err(PyErr_SetString(
                        &PyExc_SyntaxError,
                        "source code string cannot contain null bytes",
                    ));
                }
                crate::tokenizer::decode_source(&b)
                    .map_err(|e| crate::pythonrun::compile_error_to_exception(&e, &filename))?
                    .text
            }
            None => source_text(&source, "compile")?,
        };
        if text.contains('\0') {
            return Err(PyErr_SetString(
                &PyExc_SyntaxError,
                "source code string cannot contain null bytes",
            ));
        }
        return match mode {
            Some(mode) => crate::python_ast::parse_to_object(
                &text,
                &filename,
                mode,
                flags & crate::python_ast::PyCF_TYPE_COMMENTS != 0,
                feature_version,
            ),
            None => crate::python_ast::parse_func_type_to_object(&text, &filename),
        };
    }
    let Some(mode) = mode else {
        return Err(system_error("func_type mode without PyCF_ONLY_AST"));
    };
    if let Some(b) = objects::bytesobject::bytes_like_data(&source) {
        if b.contains(&0) {
            return Err(PyErr_SetString(
                &PyExc_SyntaxError,
                "source code string cannot contain null bytes",
            ));
        }
        let co = crate::pythonrun::compile_source_bytes_flags(&b, &filename, mode, cf, optimize)?;
        return Ok(co.into_object());
    }
    let text = source_text(&source, "compile")?;
    if text.contains('\0') {
        return Err(PyErr_SetString(
            &PyExc_SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    let co = crate::pythonrun::compile_source_flags(&text, &filename, mode, cf, optimize)?;
    Ok(co.into_object())
}

/// `PyEval_MergeCompilerFlags` (Python/ceval.c): the future features of the
/// running code (`co_flags & PyCF_MASK`) join `cf`, so that `compile()`, `exec()`
/// and `eval()` of source inherit their caller's `from __future__` imports.
fn PyEval_MergeCompilerFlags(cf: &mut crate::compile::PyCompilerFlags) -> bool {
    let f = include::pystate::_PyThreadState_GET().current_frame.get();
    if f.is_null() {
        return false;
    }
    // SAFETY: the current frame is live while the built-in runs.
    let code = unsafe { &(*f).f_code };
    let codeflags = code.co_flags as u32;
    let compilerflags = codeflags & crate::compile::PyCF_MASK;
    cf.cf_flags |= compilerflags;
    compilerflags != 0
}

/// The flags `exec()` and `eval()` compile a string with: the caller's future
/// features (`PyEval_MergeCompilerFlags` on empty flags).
fn inherited_flags() -> crate::compile::PyCompilerFlags {
    let mut cf = crate::compile::PyCompilerFlags::default();
    PyEval_MergeCompilerFlags(&mut cf);
    cf
}

/// Check and default the `globals`/`locals` of `exec`/`eval`.
fn exec_namespaces(
    fname: &str,
    globals: Option<PyObjectRef>,
    locals: Option<PyObjectRef>,
) -> PyResult<(PyObjectRef, PyObjectRef)> {
    let globals = globals.filter(|g| !g.is(Py_None()));
    let locals = locals.filter(|l| !l.is(Py_None()));
    let (g, l) = match (globals, locals) {
        (None, l) => {
            let g = crate::ceval::PyEval_GetGlobals().unwrap_or_else(|| PyDict_New().into_object());
            let l = match l {
                Some(l) => l,
                None => crate::ceval::PyEval_GetLocals()?.unwrap_or_else(|| g.clone()),
            };
            (g, l)
        }
        (Some(g), None) => (g.clone(), g),
        (Some(g), Some(l)) => (g, l),
    };
    if !PyDictObject::check(&g) {
        let msg = if fname == "exec" {
            format!("exec() globals must be a dict, not {}", g.ob_type().name())
        } else {
            "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
        };
        return Err(type_error(msg));
    }
    if !PyMapping_Check(&l) {
        return Err(type_error("locals must be a mapping"));
    }
    // SAFETY: checked to be a dict above.
    let gd = unsafe { g.downcast_ref_unchecked::<PyDictObject>() };
    // The running frame's builtins, a dict (`PyEval_GetBuiltins`); with no frame
    // running, the `builtins` module's dict (`interp->builtins`).
    if !PyDict_Contains(gd, objects::intern!("__builtins__"))? {
        let builtins = match crate::ceval::PyEval_GetBuiltins() {
            Some(b) => b,
            None => match builtins_module() {
                Some(m) => m.dict().as_object().to_owned(),
                None => objects::object::none(),
            },
        };
        PyDict_SetItem(gd, objects::intern!("__builtins__"), &builtins)?;
    }
    Ok((g, l))
}

fn builtin_exec(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let spec = ArgSpec {
        fname: "exec",
        names: &["", "", "", "closure"],
        posonly: 3,
        maxpos: 3,
        minpos: 1,
        required_kwonly: &[],
    };
    let a = unpack_keywords(&spec, args, kwnames)?;
    let source = a[0].clone().unwrap_or_else(none);
    let (g, l) = exec_namespaces("exec", a[1].clone(), a[2].clone())?;
    let closure = a[3].clone().filter(|c| !c.is(Py_None()));
    let code = if let Ok(co) =
        objects::PyObjectRefExt::downcast::<include::code::PyCodeObject>(source.clone())
    {
        let num_free = co.co_nfreevars as usize;
        if num_free == 0 {
            if closure.is_some() {
                return Err(type_error("cannot use a closure with this code object"));
            }
        } else {
            let closure_is_ok = closure.as_ref().is_some_and(|c| {
                c.downcast_ref_exact::<objects::tupleobject::PyTupleObject>()
                    .is_some_and(|t| {
                        t.len() == num_free
                            && t.as_slice()
                                .iter()
                                .all(|cell| objects::cellobject::PyCellObject::check(cell))
                    })
            });
            if !closure_is_ok {
                return Err(type_error(format!(
                    "code object requires a closure of exactly length {num_free}"
                )));
            }
        }
        co
    } else {
        match objects::bytesobject::bytes_like_data(&source) {
            // Bytes are decoded by the tokenizer (a BOM or a coding cookie).
            Some(b) if !b.contains(&0) => crate::pythonrun::compile_source_bytes_flags(
                &b,
                "<string>",
                crate::compile::Mode::Exec,
                inherited_flags(),
                -1,
            )?,
            _ => {
                let text = source_text(&source, "exec() arg 1")?;
                crate::pythonrun::compile_source_flags(
                    &text,
                    "<string>",
                    crate::compile::Mode::Exec,
                    inherited_flags(),
                    -1,
                )?
            }
        }
    };
    crate::ceval::PyEval_EvalCodeEx(code, &g, &l, closure)?;
    Ok(none())
}

fn builtin_eval(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let spec = ArgSpec {
        fname: "eval",
        names: &["", "globals", "locals"],
        posonly: 1,
        maxpos: 3,
        minpos: 1,
        required_kwonly: &[],
    };
    let a = unpack_keywords(&spec, args, kwnames)?;
    let source = a[0].clone().unwrap_or_else(none);
    let (g, l) = exec_namespaces("eval", a[1].clone(), a[2].clone())?;
    let code = if let Ok(co) =
        objects::PyObjectRefExt::downcast::<include::code::PyCodeObject>(source.clone())
    {
        if co.co_nfreevars > 0 {
            return Err(type_error(
                "code object passed to eval() may not contain free variables",
            ));
        }
        co
    } else {
        match objects::bytesobject::bytes_like_data(&source) {
            // Bytes are decoded by the tokenizer; leading spaces and tabs are
            // ignored by eval (CPython strips them).
            Some(b) if !b.contains(&0) => {
                let start = b
                    .iter()
                    .position(|&c| c != b' ' && c != b'\t')
                    .unwrap_or(b.len());
                crate::pythonrun::compile_source_bytes_flags(
                    &b[start..],
                    "<string>",
                    crate::compile::Mode::Eval,
                    inherited_flags(),
                    -1,
                )?
            }
            _ => {
                let text = source_text(&source, "eval() arg 1")?;
                let text = text.trim_start_matches([' ', '\t']);
                crate::pythonrun::compile_source_flags(
                    text,
                    "<string>",
                    crate::compile::Mode::Eval,
                    inherited_flags(),
                    -1,
                )?
            }
        }
    };
    crate::ceval::PyEval_EvalCode(code, &g, &l)
}

// --- __build_class__ and __import__ ---------------------------------------------------------

/// `update_bases`: replace bases that are not classes by their `__mro_entries__`.
fn update_bases(bases: &[PyObjectRef]) -> PyResult<Option<Vec<PyObjectRef>>> {
    let mut changed = false;
    let mut out = Vec::with_capacity(bases.len());
    for b in bases {
        if as_type(b).is_some() {
            out.push(b.clone());
            continue;
        }
        match _PyObject_LookupAttr(b, objects::intern!("__mro_entries__"))? {
            Some(meth) => {
                let new = PyObject_CallOneArg(&meth, &PyTuple_New(bases.to_vec()).into_object())?;
                let Some(t) = new.downcast_ref::<PyTupleObject>() else {
                    return Err(type_error("__mro_entries__ must return a tuple"));
                };
                out.extend_from_slice(t.as_slice());
                changed = true;
            }
            None => out.push(b.clone()),
        }
    }
    Ok(if changed { Some(out) } else { None })
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`: the class statement.
fn builtin_build_class(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let nkw = kwnames.map_or(0, kwnames_len);
    let npos = args.len() - nkw;
    if npos < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let func = &args[0];
    let Some(f) = func.downcast_ref::<PyFunctionObject>() else {
        return Err(type_error("__build_class__: func must be a function"));
    };
    let name = &args[1];
    if !PyUnicodeObject::check(name) {
        return Err(type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<PyObjectRef> = args[2..npos].to_vec();
    let bases = update_bases(&orig_bases)?;
    let bases_v = bases.clone().unwrap_or_else(|| orig_bases.clone());
    // Split off `metaclass=`; the other keywords go to the metaclass.
    let mut meta: Option<PyObjectRef> = None;
    let mut kw_names: Vec<PyObjectRef> = Vec::new();
    let mut kw_vals: Vec<PyObjectRef> = Vec::new();
    for (k, v) in objects::call::kwnames_slice(kwnames)
        .iter()
        .zip(&args[npos..])
    {
        if objects::unicodeobject::unicode_eq_str(k, "metaclass") {
            meta = Some(v.clone());
        } else {
            kw_names.push(k.clone());
            kw_vals.push(v.clone());
        }
    }
    let mut meta = match meta {
        Some(m) => m,
        None => match bases_v.first() {
            Some(b) => b.ob_type().as_object().to_owned(),
            None => PyType_Type.as_object().to_owned(),
        },
    };
    if let Some(mt) = as_type(&meta) {
        let winner = objects::typeobject::_PyType_CalculateMetaclass(mt, &bases_v)?;
        meta = winner.into_object();
    }
    let bases_tuple = PyTuple_New(bases_v.clone()).into_object();
    let kwnames_tuple = if kw_names.is_empty() {
        None
    } else {
        Some(PyTuple_New(kw_names).into_object())
    };
    // The namespace from __prepare__.
    let ns = match _PyObject_LookupAttr(&meta, objects::intern!("__prepare__"))? {
        Some(prep) => {
            let mut pargs = vec![name.clone(), bases_tuple.clone()];
            pargs.extend(kw_vals.iter().cloned());
            PyObject_Vectorcall(&prep, &pargs, kwnames_tuple.as_deref())?
        }
        None => PyDict_New().into_object(),
    };
    if !PyMapping_Check(&ns) {
        let who = if as_type(&meta).is_some() {
            as_type(&meta)
                .map(|t| t.name().to_string())
                .unwrap_or_default()
        } else {
            "<metaclass>".to_string()
        };
        return Err(type_error(format!(
            "{}.__prepare__() must return a mapping, not {}",
            who,
            ns.ob_type().name()
        )));
    }
    // Run the class body with the namespace as its locals.
    let cell = crate::ceval::PyEval_EvalClassBody(f, &ns)?;
    if bases.is_some() {
        PyObject_SetItem(
            &ns,
            objects::intern!("__orig_bases__"),
            &PyTuple_New(orig_bases).into_object(),
        )?;
    }
    let mut margs = vec![name.clone(), bases_tuple, ns];
    margs.extend(kw_vals);
    let cls = PyObject_Vectorcall(&meta, &margs, kwnames_tuple.as_deref())?;
    if let Some(c) = cell.downcast_ref::<objects::cellobject::PyCellObject>() {
        if as_type(&cls).is_some() {
            let content = c.get();
            if !content.as_ref().is_some_and(|v| v.is(&cls)) {
                // A cell left unset is a RuntimeError, one set to another class
                // a TypeError.
                return Err(match content {
                    None => runtime_error(format!(
                        "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                        as_str_lossy(&*PyObject_Repr(name)?),
                        as_str_lossy(&*PyObject_Repr(&cls)?)
                    )),
                    Some(v) => type_error(format!(
                        "__class__ set to {} defining {} as {}",
                        as_str_lossy(&*PyObject_Repr(&v)?),
                        as_str_lossy(&*PyObject_Repr(name)?),
                        as_str_lossy(&*PyObject_Repr(&cls)?)
                    )),
                });
            }
        }
    }
    Ok(cls)
}

fn builtin_import(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = parse_args(
        "__import__",
        args,
        kwnames,
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name = a[0].clone().unwrap_or_else(none);
    let globals = a[1].clone().filter(|g| !g.is(Py_None()));
    let fromlist = a[3]
        .clone()
        .unwrap_or_else(|| PyTuple_New(vec![]).into_object());
    let level = match &a[4] {
        Some(l) => objects::longobject::PyLong_AsLong(l)?,
        None => 0,
    };
    crate::import::PyImport_ImportModuleLevelObject(&name, globals.as_deref(), &fromlist, level)
}

// --- map, filter, zip ---------------------------------------------------------------------------

/// `mapobject`.
#[repr(C)]
struct MapObject {
    ob_base: PyObject,
    func: PyObjectRef,
    iters: Vec<PyObjectRef>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for MapObject {}

fn map_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    if objects::getargs::takes_no_kwargs(tp, &PyMap_Type) {
        objects::getargs::check_no_kwargs("map", kwnames)?;
    }
    let args = objects::getargs::positional_args(args, kwnames);
    if args.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        iters.push(PyObject_GetIter(a)?);
    }
    // SAFETY: `tp` is map or a subclass; the fields are complete.
    let m = unsafe {
        alloc_object(
            tp,
            MapObject {
                ob_base: PyObject_HEAD_INIT,
                func: args[0].clone(),
                iters,
            },
        )
    };
    Ok(m.into_object())
}

fn map_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    // SAFETY: installed on map.
    let m = unsafe { &*(obj as *const PyObject as *const MapObject) };
    let mut args = Vec::with_capacity(m.iters.len());
    for it in &m.iters {
        match PyIter_Next(it)? {
            Some(v) => args.push(v),
            None => return Ok(None),
        }
    }
    PyObject_Vectorcall(&m.func, &args, None).map(Some)
}

unsafe fn map_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead map object.
    unsafe { dealloc_object::<MapObject>(op) }
}

fn map_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: installed on map.
    let m = unsafe { &*(obj as *const PyObject as *const MapObject) };
    visit(&m.func);
    for it in &m.iters {
        visit(it);
    }
}

/// `map.__reduce__`: `(type, (func, *iterators))`.
fn map_reduce(obj: &PyObject) -> PyResult {
    // SAFETY: installed on map and its subclasses.
    let m = unsafe { &*(obj as *const PyObject as *const MapObject) };
    let mut args = Vec::with_capacity(m.iters.len() + 1);
    args.push(m.func.clone());
    args.extend(m.iters.iter().cloned());
    Ok(PyTuple_New(vec![
        obj.ob_type().as_object().to_owned(),
        PyTuple_New(args).into_object(),
    ])
    .into_object())
}

static MAP_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(map_reduce),
    "Return state information for pickling.",
)];

/// `map`.
pub static PyMap_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "map",
    tp_basicsize: Cell::new(size_of::<MapObject>()),
    tp_dealloc: slot(map_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("map(func, *iterables) --> map object\n\nMake an iterator that computes the function using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted."),
    tp_traverse: slot(map_traverse),
    tp_iter: slot(objects::tupleobject::PyObject_SelfIter),
    tp_iternext: slot(map_next),
    tp_methods: &MAP_METHODS,
    tp_new: slot(map_new),
    ..PyTypeObject::DEFAULT
};

/// `filterobject`.
#[repr(C)]
struct FilterObject {
    ob_base: PyObject,
    func: PyObjectRef,
    it: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for FilterObject {}

fn filter_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    if objects::getargs::takes_no_kwargs(tp, &PyFilter_Type) {
        objects::getargs::check_no_kwargs("filter", kwnames)?;
    }
    let args = objects::getargs::positional_args(args, kwnames);
    check_positional("filter", args.len(), 2, 2)?;
    let it = PyObject_GetIter(&args[1])?;
    // SAFETY: `tp` is filter or a subclass; the fields are complete.
    let f = unsafe {
        alloc_object(
            tp,
            FilterObject {
                ob_base: PyObject_HEAD_INIT,
                func: args[0].clone(),
                it,
            },
        )
    };
    Ok(f.into_object())
}

fn filter_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    // SAFETY: installed on filter.
    let f = unsafe { &*(obj as *const PyObject as *const FilterObject) };
    let use_truth = f.func.is(Py_None()) || f.func.is(objects::boolobject::PyBool_Type.as_object());
    while let Some(item) = PyIter_Next(&f.it)? {
        let ok = if use_truth {
            PyObject_IsTrue(&item)?
        } else {
            let r = PyObject_CallOneArg(&f.func, &item)?;
            PyObject_IsTrue(&r)?
        };
        if ok {
            return Ok(Some(item));
        }
    }
    Ok(None)
}

unsafe fn filter_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead filter object.
    unsafe { dealloc_object::<FilterObject>(op) }
}

fn filter_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: installed on filter.
    let f = unsafe { &*(obj as *const PyObject as *const FilterObject) };
    visit(&f.func);
    visit(&f.it);
}

/// `filter.__reduce__`: `(type, (func, iterator))`.
fn filter_reduce(obj: &PyObject) -> PyResult {
    // SAFETY: installed on filter and its subclasses.
    let f = unsafe { &*(obj as *const PyObject as *const FilterObject) };
    Ok(PyTuple_New(vec![
        obj.ob_type().as_object().to_owned(),
        PyTuple_New(vec![f.func.clone(), f.it.clone()]).into_object(),
    ])
    .into_object())
}

static FILTER_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(filter_reduce),
    "Return state information for pickling.",
)];

/// `filter`.
pub static PyFilter_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "filter",
    tp_basicsize: Cell::new(size_of::<FilterObject>()),
    tp_dealloc: slot(filter_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those items of iterable for which function(item)\nis true. If function is None, return the items that are true."),
    tp_traverse: slot(filter_traverse),
    tp_iter: slot(objects::tupleobject::PyObject_SelfIter),
    tp_iternext: slot(filter_next),
    tp_methods: &FILTER_METHODS,
    tp_new: slot(filter_new),
    ..PyTypeObject::DEFAULT
};

/// `zipobject`.
#[repr(C)]
struct ZipObject {
    ob_base: PyObject,
    iters: Vec<PyObjectRef>,
    /// `zip(..., strict=True)`; `__setstate__` can set it (unpickling).
    strict: Cell<bool>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for ZipObject {}

fn zip_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let nkw = kwnames.map_or(0, kwnames_len);
    let (pos, kwvals) = args.split_at(args.len() - nkw);
    // The keywords are parsed as `PyArg_ParseTupleAndKeywords(..., "|$p:zip")`.
    let mut strict = false;
    if nkw > 1 {
        return Err(type_error(format!(
            "zip() takes at most 1 keyword argument ({nkw} given)"
        )));
    }
    for (k, v) in objects::call::kwnames_slice(kwnames).iter().zip(kwvals) {
        if objects::unicodeobject::unicode_eq_str(k, "strict") {
            strict = PyObject_IsTrue(v)?;
        } else {
            return Err(type_error(format!(
                "'{}' is an invalid keyword argument for zip()",
                as_str_lossy(k)
            )));
        }
    }
    // An argument that is not iterable fails with `iter()`'s own error.
    let mut iters = Vec::with_capacity(pos.len());
    for a in pos {
        iters.push(PyObject_GetIter(a)?);
    }
    // SAFETY: `tp` is zip or a subclass; the fields are complete.
    let z = unsafe {
        alloc_object(
            tp,
            ZipObject {
                ob_base: PyObject_HEAD_INIT,
                iters,
                strict: Cell::new(strict),
            },
        )
    };
    Ok(z.into_object())
}

fn zip_next(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    // SAFETY: installed on zip.
    let z = unsafe { &*(obj as *const PyObject as *const ZipObject) };
    if z.iters.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(z.iters.len());
    for (i, it) in z.iters.iter().enumerate() {
        match PyIter_Next(it)? {
            Some(v) => items.push(v),
            None => {
                if z.strict.get() {
                    if i > 0 {
                        let plural = if i == 1 { " " } else { "s 1-" };
                        return Err(value_error(format!(
                            "zip() argument {} is shorter than argument{}{}",
                            i + 1,
                            plural,
                            i
                        )));
                    }
                    for (j, other) in z.iters.iter().enumerate().skip(1) {
                        if PyIter_Next(other)?.is_some() {
                            let plural = if j == 1 { " " } else { "s 1-" };
                            return Err(value_error(format!(
                                "zip() argument {} is longer than argument{}{}",
                                j + 1,
                                plural,
                                j
                            )));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(PyTuple_New(items).into_object()))
}

unsafe fn zip_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead zip object.
    unsafe { dealloc_object::<ZipObject>(op) }
}

fn zip_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: installed on zip.
    let z = unsafe { &*(obj as *const PyObject as *const ZipObject) };
    for it in &z.iters {
        visit(it);
    }
}

fn as_zip(obj: &PyObject) -> &ZipObject {
    // SAFETY: only installed on zip and its subclasses.
    unsafe { &*(obj as *const PyObject as *const ZipObject) }
}

/// `zip.__reduce__`: `(type, iterators)`, plus the state `True` when strict.
fn zip_reduce(obj: &PyObject) -> PyResult {
    let z = as_zip(obj);
    let args = PyTuple_New(z.iters.clone()).into_object();
    let mut parts = vec![obj.ob_type().as_object().to_owned(), args];
    if z.strict.get() {
        parts.push(Py_True().to_owned());
    }
    Ok(PyTuple_New(parts).into_object())
}

/// `zip.__setstate__`: the strict flag.
fn zip_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    as_zip(obj).strict.set(PyObject_IsTrue(state)?);
    Ok(none())
}

static ZIP_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "__reduce__",
        PyCFunction::NoArgs(zip_reduce),
        "Return state information for pickling.",
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(zip_setstate),
        "Set state information for unpickling.",
    ),
];

/// `zip`.
pub static PyZip_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "zip",
    tp_basicsize: Cell::new(size_of::<ZipObject>()),
    tp_dealloc: slot(zip_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE),
    tp_doc: Some("zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n   >>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\nThe zip object yields n-length tuples, where n is the number of iterables\npassed as positional arguments to zip().  The i-th element in every tuple\ncomes from the i-th iterable argument to zip().  This continues until the\nshortest argument is exhausted.\n\nIf strict is true and one of the arguments is exhausted before the others,\nraise a ValueError."),
    tp_traverse: slot(zip_traverse),
    tp_iter: slot(objects::tupleobject::PyObject_SelfIter),
    tp_iternext: slot(zip_next),
    tp_methods: &ZIP_METHODS,
    tp_new: slot(zip_new),
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyMap_Type, &PyFilter_Type, &PyZip_Type]
}

/// `breakpoint(*args, **kws)`: call `sys.breakpointhook`.
fn builtin_breakpoint(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let Some(hook) = crate::sysmodule::PySys_GetObject("breakpointhook") else {
        return Err(runtime_error("lost sys.breakpointhook"));
    };
    crate::sysmodule::PySys_Audit("builtins.breakpoint", vec![hook.clone()])?;
    objects::call::PyObject_Vectorcall(&hook, args, kwnames)
}

static BUILTIN_METHODS: [PyMethodDef; 43] = [
    PyMethodDef::new("breakpoint", PyCFunction::FastKw(builtin_breakpoint), "breakpoint(*args, **kws)\n\nCall sys.breakpointhook(*args, **kws).  sys.breakpointhook() must accept\nwhatever arguments are passed.\n\nBy default, this drops you into the pdb debugger."),
    PyMethodDef::new("__build_class__", PyCFunction::FastKw(builtin_build_class), "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used by the class statement."),
    PyMethodDef::new("__import__", PyCFunction::FastKw(builtin_import), "__import__(name, globals=None, locals=None, fromlist=(), level=0) -> module\n\nImport a module."),
    PyMethodDef::new("abs", PyCFunction::O(builtin_abs), "abs($module, x, /)\n--\n\nReturn the absolute value of the argument."),
    PyMethodDef::new("all", PyCFunction::O(builtin_all), "all($module, iterable, /)\n--\n\nReturn True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return True."),
    PyMethodDef::new("any", PyCFunction::O(builtin_any), "any($module, iterable, /)\n--\n\nReturn True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False."),
    PyMethodDef::new("ascii", PyCFunction::O(builtin_ascii), "ascii($module, obj, /)\n--\n\nReturn an ASCII-only representation of an object."),
    PyMethodDef::new("bin", PyCFunction::O(builtin_bin), "bin($module, number, /)\n--\n\nReturn the binary representation of an integer.\n\n   >>> bin(2796202)\n   '0b1010101010101010101010'"),
    PyMethodDef::new("callable", PyCFunction::O(builtin_callable), "callable($module, obj, /)\n--\n\nReturn whether the object is callable (i.e., some kind of function).\n\nNote that classes are callable, as are instances of classes with a\n__call__() method."),
    PyMethodDef::new("chr", PyCFunction::O(builtin_chr), "chr($module, i, /)\n--\n\nReturn a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."),
    PyMethodDef::new("compile", PyCFunction::FastKw(builtin_compile), "compile($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, optimize=-1, *, _feature_version=-1)\n--\n\nCompile source into a code object that can be executed by exec() or eval()."),
    PyMethodDef::new("delattr", PyCFunction::Fast(builtin_delattr), "delattr($module, obj, name, /)\n--\n\nDeletes the named attribute from the given object.\n\ndelattr(x, 'y') is equivalent to ``del x.y``"),
    PyMethodDef::new("dir", PyCFunction::Fast(builtin_dir), "dir([object]) -> list of strings\n\nIf called without an argument, return the names in the current scope."),
    PyMethodDef::new("divmod", PyCFunction::Fast(builtin_divmod), "divmod($module, x, y, /)\n--\n\nReturn the tuple (x//y, x%y).  Invariant: div*y + mod == x."),
    PyMethodDef::new("eval", PyCFunction::FastKw(builtin_eval), "eval($module, source, globals=None, locals=None, /)\n--\n\nEvaluate the given source in the context of globals and locals."),
    PyMethodDef::new("exec", PyCFunction::FastKw(builtin_exec), "exec($module, source, globals=None, locals=None, /, *, closure=None)\n--\n\nExecute the given source in the context of globals and locals."),
    PyMethodDef::new("format", PyCFunction::Fast(builtin_format), "format($module, value, format_spec='', /)\n--\n\nReturn value.__format__(format_spec)"),
    PyMethodDef::new("getattr", PyCFunction::Fast(builtin_getattr), "getattr(object, name[, default]) -> value\n\nGet a named attribute from an object; getattr(x, 'y') is equivalent to x.y."),
    PyMethodDef::new("globals", PyCFunction::NoArgs(builtin_globals), "globals($module, /)\n--\n\nReturn the dictionary containing the current scope's global variables."),
    PyMethodDef::new("hasattr", PyCFunction::Fast(builtin_hasattr), "hasattr($module, obj, name, /)\n--\n\nReturn whether the object has an attribute with the given name."),
    PyMethodDef::new("hash", PyCFunction::O(builtin_hash), "hash($module, obj, /)\n--\n\nReturn the hash value for the given object."),
    PyMethodDef::new("hex", PyCFunction::O(builtin_hex), "hex($module, number, /)\n--\n\nReturn the hexadecimal representation of an integer.\n\n   >>> hex(12648430)\n   '0xc0ffee'"),
    PyMethodDef::new("id", PyCFunction::O(builtin_id), "id($module, obj, /)\n--\n\nReturn the identity of an object."),
    PyMethodDef::new("input", PyCFunction::Fast(builtin_input), "input($module, prompt='', /)\n--\n\nRead a string from standard input.  The trailing newline is stripped."),
    PyMethodDef::new("isinstance", PyCFunction::Fast(builtin_isinstance), "isinstance($module, obj, class_or_tuple, /)\n--\n\nReturn whether an object is an instance of a class or of a subclass thereof."),
    PyMethodDef::new("issubclass", PyCFunction::Fast(builtin_issubclass), "issubclass($module, cls, class_or_tuple, /)\n--\n\nReturn whether 'cls' is derived from another class or is the same class."),
    PyMethodDef::new("iter", PyCFunction::Fast(builtin_iter), "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\nGet an iterator from an object."),
    PyMethodDef::new("aiter", PyCFunction::O(builtin_aiter), "aiter($module, async_iterable, /)\n--\n\nReturn an AsyncIterator for an AsyncIterable object."),
    PyMethodDef::new("anext", PyCFunction::Fast(builtin_anext), "anext(aiterator[, default])\n\nReturn the next item from the async iterator."),
    PyMethodDef::new("len", PyCFunction::O(builtin_len), "len($module, obj, /)\n--\n\nReturn the number of items in a container."),
    PyMethodDef::new("locals", PyCFunction::NoArgs(builtin_locals), "locals($module, /)\n--\n\nReturn a dictionary containing the current scope's local variables."),
    PyMethodDef::new("max", PyCFunction::FastKw(builtin_max), "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its biggest item."),
    PyMethodDef::new("min", PyCFunction::FastKw(builtin_min), "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its smallest item."),
    PyMethodDef::new("next", PyCFunction::Fast(builtin_next), "next(iterator[, default])\n\nReturn the next item from the iterator."),
    PyMethodDef::new("oct", PyCFunction::O(builtin_oct), "oct($module, number, /)\n--\n\nReturn the octal representation of an integer.\n\n   >>> oct(342391)\n   '0o1234567'"),
    PyMethodDef::new("ord", PyCFunction::O(builtin_ord), "ord($module, c, /)\n--\n\nReturn the Unicode code point for a one-character string."),
    PyMethodDef::new("pow", PyCFunction::FastKw(builtin_pow), "pow($module, /, base, exp, mod=None)\n--\n\nEquivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"),
    PyMethodDef::new("print", PyCFunction::FastKw(builtin_print), "print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n--\n\nPrints the values to a stream, or to sys.stdout by default.\n\n  sep\n    string inserted between values, default a space.\n  end\n    string appended after the last value, default a newline.\n  file\n    a file-like object (stream); defaults to the current sys.stdout.\n  flush\n    whether to forcibly flush the stream."),
    PyMethodDef::new("repr", PyCFunction::O(builtin_repr), "repr($module, obj, /)\n--\n\nReturn the canonical string representation of the object."),
    PyMethodDef::new("round", PyCFunction::FastKw(builtin_round), "round($module, /, number, ndigits=None)\n--\n\nRound a number to a given precision in decimal digits."),
    PyMethodDef::new("setattr", PyCFunction::Fast(builtin_setattr), "setattr($module, obj, name, value, /)\n--\n\nSets the named attribute on the given object to the specified value."),
    PyMethodDef::new("sorted", PyCFunction::FastKw(builtin_sorted), "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\nReturn a new list containing all items from the iterable in ascending order."),
    PyMethodDef::new("sum", PyCFunction::FastKw(builtin_sum), "sum($module, iterable, /, start=0)\n--\n\nReturn the sum of a 'start' value (default: 0) plus an iterable of numbers"),
];

static BUILTIN_METHODS_2: [PyMethodDef; 1] = [PyMethodDef::new(
    "vars",
    PyCFunction::Fast(builtin_vars),
    "vars([object]) -> dictionary\n\nWithout arguments, equivalent to locals().\nWith an argument, equivalent to object.__dict__.",
)];

/// Make the `builtins` module (`_PyBuiltin_Init`).
pub fn _PyBuiltin_Init() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("builtins")?;
    m.md_builtin.set(true);
    PyModule_AddFunctions(&m, &BUILTIN_METHODS)?;
    PyModule_AddFunctions(&m, &BUILTIN_METHODS_2)?;
    let add = |name: &str, v: &PyObject| PyModule_AddObject(&m, name, v);
    add("None", Py_None())?;
    add("Ellipsis", objects::sliceobject::Py_Ellipsis())?;
    add("NotImplemented", Py_NotImplemented())?;
    add("False", Py_False())?;
    add("True", Py_True())?;
    add("__debug__", Py_True())?;
    let types: Vec<(&str, &PyTypeObject)> = vec![
        ("bool", &objects::boolobject::PyBool_Type),
        ("bytearray", &objects::bytearrayobject::PyByteArray_Type),
        ("bytes", &objects::bytesobject::PyBytes_Type),
        ("classmethod", &objects::funcobject::PyClassMethod_Type),
        ("complex", &objects::complexobject::PyComplex_Type),
        ("dict", &objects::dictobject::PyDict_Type),
        ("enumerate", &objects::enumobject::PyEnum_Type),
        ("filter", &PyFilter_Type),
        ("float", &objects::floatobject::PyFloat_Type),
        ("frozenset", &objects::setobject::PyFrozenSet_Type),
        ("property", &objects::descrobject::PyProperty_Type),
        ("int", &objects::longobject::PyLong_Type),
        ("list", &objects::listobject::PyList_Type),
        ("map", &PyMap_Type),
        ("memoryview", &objects::memoryobject::PyMemoryView_Type),
        ("object", &objects::typeobject::PyBaseObject_Type),
        ("range", &objects::rangeobject::PyRange_Type),
        ("reversed", &objects::enumobject::PyReversed_Type),
        ("set", &objects::setobject::PySet_Type),
        ("slice", &objects::sliceobject::PySlice_Type),
        ("staticmethod", &objects::funcobject::PyStaticMethod_Type),
        ("str", &objects::unicodeobject::PyUnicode_Type),
        ("super", &objects::typeobject::PySuper_Type),
        ("tuple", &objects::tupleobject::PyTuple_Type),
        ("type", &PyType_Type),
        ("zip", &PyZip_Type),
    ];
    for (name, tp) in types {
        add(name, tp.as_object())?;
    }
    for tp in objects::exceptions::static_types() {
        if tp.tp_name.contains('.') {
            continue;
        }
        add(tp.tp_name, tp.as_object())?;
    }
    add("EnvironmentError", PyExc_OSError.as_object())?;
    add("IOError", PyExc_OSError.as_object())?;
    // SAFETY: start-up, single-threaded; set once.
    unsafe { *BUILTINS.get_mut() = Some(m.clone()) };
    Ok(m)
}
