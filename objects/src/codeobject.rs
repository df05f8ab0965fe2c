//! The `code` type. Mirrors Objects/codeobject.c (CPython 3.11); the struct itself is
//! `include::code::PyCodeObject` (Include/cpython/code.h).
//!
//! Besides the `co_*` attributes this file decodes the 3.11 location table
//! (`co_lines()`, `co_positions()`, and [`PyCode_Addr2Line`] for tracebacks).

use std::cell::{Cell, UnsafeCell};
use std::mem::size_of;

use include::code::*;
use include::cpython::object::flags::*;
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::opcode::Opcode;

use crate::bytesobject::{PyBytesObject, PyBytes_FromVec};
use crate::longobject::PyLong_FromLong;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::tupleobject::{PyTupleObject, PyTuple_New};
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{as_str_lossy, PyUnicodeObject, PyUnicode_FromString};

impl PyTypeInfo for PyCodeObject {
    fn type_object() -> &'static PyTypeObject {
        &PyCode_Type
    }
}

/// Everything needed to make a code object (the arguments of `PyCode_NewWithPosOnlyArgs`).
pub struct CodeParts {
    pub argcount: i32,
    pub posonlyargcount: i32,
    pub kwonlyargcount: i32,
    pub stacksize: i32,
    pub flags: i32,
    pub firstlineno: i32,
    /// The bytecode (opcode and argument bytes, caches included).
    pub code: Vec<u8>,
    /// A tuple.
    pub consts: PyObjectRef,
    /// A tuple of str.
    pub names: PyObjectRef,
    /// A tuple of str.
    pub localsplusnames: PyObjectRef,
    pub localspluskinds: Vec<u8>,
    pub filename: PyObjectRef,
    pub name: PyObjectRef,
    pub qualname: PyObjectRef,
    pub linetable: Vec<u8>,
    pub exceptiontable: Vec<u8>,
}

/// Make a code object (`_PyCode_New`).
pub fn PyCode_New(p: CodeParts) -> PyResult<PyRef<PyCodeObject>> {
    if !p.code.len().is_multiple_of(2) {
        return Err(value_error("code: co_code is malformed"));
    }
    let nlocalsplus = p.localspluskinds.len() as i32;
    let mut nlocals = 0;
    let mut ncellvars = 0;
    let mut nfreevars = 0;
    let mut nplaincellvars = 0;
    for &k in &p.localspluskinds {
        if k & CO_FAST_LOCAL != 0 {
            nlocals += 1;
            if k & CO_FAST_CELL != 0 {
                ncellvars += 1;
            }
        } else if k & CO_FAST_CELL != 0 {
            ncellvars += 1;
            nplaincellvars += 1;
        } else if k & CO_FAST_FREE != 0 {
            nfreevars += 1;
        }
    }
    let units: Vec<_Py_CODEUNIT> = p
        .code
        .chunks_exact(2)
        .map(|c| _Py_MAKECODEUNIT(c[0], c[1]))
        .collect();
    // The first instruction a tracer sees is the first RESUME.
    let firsttraceable = units
        .iter()
        .position(|u| _Py_OPCODE(*u) == Opcode::RESUME as u8)
        .unwrap_or(0) as i32;
    // SAFETY: the fields are complete.
    let co = unsafe {
        alloc_object(
            &PyCode_Type,
            PyCodeObject {
                ob_base: PyObject_HEAD_INIT,
                co_consts: p.consts,
                co_names: p.names,
                co_exceptiontable: crate::bytesobject::PyBytes_FromVecUnshared(p.exceptiontable),
                co_flags: p.flags,
                co_warmup: Cell::new(include::code::QUICKENING_INITIAL_WARMUP_VALUE),
                co_argcount: p.argcount,
                co_posonlyargcount: p.posonlyargcount,
                co_kwonlyargcount: p.kwonlyargcount,
                co_stacksize: p.stacksize,
                co_firstlineno: p.firstlineno,
                co_nlocalsplus: nlocalsplus,
                co_nlocals: nlocals,
                co_nplaincellvars: nplaincellvars,
                co_ncellvars: ncellvars,
                co_nfreevars: nfreevars,
                co_localsplusnames: p.localsplusnames,
                co_localspluskinds: crate::bytesobject::PyBytes_FromVecUnshared(p.localspluskinds),
                co_filename: p.filename,
                co_name: p.name,
                co_qualname: p.qualname,
                co_linetable: crate::bytesobject::PyBytes_FromVecUnshared(p.linetable),
                co_weakreflist: PyCell::new(None),
                _co_code: PyCell::new(None),
                _co_firsttraceable: firsttraceable,
                _co_linearray: PyCell::new(None),
                co_framesize: nlocalsplus + p.stacksize,
                co_code_adaptive: UnsafeCell::new(units.into_boxed_slice()),
            },
        )
    };
    Ok(co)
}

fn as_code(obj: &PyObject) -> &PyCodeObject {
    // SAFETY: only installed on `code`.
    unsafe { &*(obj as *const PyObject as *const PyCodeObject) }
}

fn bytes_of(obj: &PyObject) -> &[u8] {
    match obj.downcast_ref::<PyBytesObject>() {
        Some(b) => b.as_bytes(),
        None => &[],
    }
}

/// The `CO_FAST_*` kind of each local slot.
pub fn localspluskinds(co: &PyCodeObject) -> &[u8] {
    bytes_of(&co.co_localspluskinds)
}

/// The names of the local slots, as Rust text.
pub fn localsplusnames(co: &PyCodeObject) -> Vec<String> {
    match co.co_localsplusnames.downcast_ref::<PyTupleObject>() {
        Some(t) => t
            .as_slice()
            .iter()
            .map(|n| as_str_lossy(n).into_owned())
            .collect(),
        None => Vec::new(),
    }
}

/// The name object of local slot `i`.
pub fn localsplusname(co: &PyCodeObject, i: usize) -> Option<PyObjectRef> {
    co.co_localsplusnames
        .downcast_ref::<PyTupleObject>()
        .and_then(|t| t.as_slice().get(i).cloned())
}

fn names_with_kind(co: &PyCodeObject, kind: u8) -> PyObjectRef {
    let kinds = localspluskinds(co);
    let names = match co.co_localsplusnames.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice(),
        None => &[],
    };
    let v: Vec<PyObjectRef> = names
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k & kind != 0)
        .map(|(n, _)| n.clone())
        .collect();
    PyTuple_New(v).into_object()
}

/// `co_code`: the bytecode with specialised instructions turned back into their base
/// forms and inline caches zeroed (`_PyCode_GetCode`).
pub fn PyCode_GetCode(co: &PyCodeObject) -> PyObjectRef {
    if let Some(c) = co._co_code.get() {
        return c;
    }
    let n = co.code_len();
    let mut out = Vec::with_capacity(n * 2);
    let mut i = 0;
    while i < n {
        let unit = co.code_unit(i);
        let (op, arg) = (_Py_OPCODE(unit), (unit >> 8) as u8);
        match Opcode::from_u8(op) {
            Some(o) => {
                let base = o.deopt();
                out.push(base as u8);
                out.push(arg);
                let caches = base.cache_entries();
                for _ in 0..caches {
                    out.push(0);
                    out.push(0);
                }
                i += 1 + caches;
            }
            None => {
                out.push(op);
                out.push(arg);
                i += 1;
            }
        }
    }
    out.truncate(n * 2);
    let b = PyBytes_FromVec(out);
    co._co_code.set(Some(b.clone()));
    b
}

// --- The location table -----------------------------------------------------------------

/// One decoded location-table entry: code units `[start, end)` and their position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocationEntry {
    pub start: usize,
    pub end: usize,
    /// -1 when the instructions have no line.
    pub line: i32,
    pub end_line: i32,
    /// -1 when unknown.
    pub col: i32,
    pub end_col: i32,
}

struct TableReader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl TableReader<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// An unsigned varint: 6-bit chunks, bit 6 set on all but the last.
    fn varint(&mut self) -> i32 {
        let mut b = self.byte() as u32;
        let mut val = b & 63;
        let mut shift = 0;
        while b & 64 != 0 && shift < 30 {
            b = self.byte() as u32;
            shift += 6;
            val |= (b & 63) << shift;
        }
        val as i32
    }

    /// A signed varint: the low bit is the sign.
    fn svarint(&mut self) -> i32 {
        let u = self.varint() as u32;
        if u & 1 != 0 {
            -((u >> 1) as i32)
        } else {
            (u >> 1) as i32
        }
    }
}

/// Decode the whole location table of a code object (PEP 657 format as written by
/// 3.11's assembler).
pub fn decode_locations(co: &PyCodeObject) -> Vec<LocationEntry> {
    let table = bytes_of(&co.co_linetable);
    let mut r = TableReader {
        data: table,
        pos: 0,
    };
    let mut line = co.co_firstlineno;
    let mut addr = 0usize;
    let mut out = Vec::new();
    while r.pos < table.len() {
        let first = r.byte();
        if first & 0x80 == 0 {
            // Not an entry start: the table is malformed; stop rather than guess.
            break;
        }
        let code = (first >> 3) & 15;
        let length = ((first & 7) + 1) as usize;
        let (l, el, c, ec) = match code {
            15 => (-1, -1, -1, -1),
            14 => {
                line += r.svarint();
                let end_line = line + r.varint();
                let col = r.varint() - 1;
                let end_col = r.varint() - 1;
                (line, end_line, col, end_col)
            }
            13 => {
                line += r.svarint();
                (line, line, -1, -1)
            }
            10..=12 => {
                line += (code - 10) as i32;
                let col = r.byte() as i32;
                let end_col = r.byte() as i32;
                (line, line, col, end_col)
            }
            _ => {
                let second = r.byte() as i32;
                let col = (code as i32) * 8 + ((second >> 4) & 7);
                (line, line, col, col + (second & 15))
            }
        };
        out.push(LocationEntry {
            start: addr,
            end: addr + length,
            line: l,
            end_line: el,
            col: c,
            end_col: ec,
        });
        addr += length;
    }
    out
}

/// `PyCode_Addr2Line`: the line of the instruction at byte offset `addrq`, or -1.
pub fn PyCode_Addr2Line(co: &PyCodeObject, addrq: i32) -> i32 {
    if addrq < 0 {
        return co.co_firstlineno;
    }
    let unit = (addrq / 2) as usize;
    for e in decode_locations(co) {
        if e.start <= unit && unit < e.end {
            return e.line;
        }
    }
    -1
}

/// The line of the instruction at code-unit index `index`, from the line array
/// that is made the first time it is needed (`_PyCode_InitLineArray` +
/// `_PyCode_LineNumberFromArray`): tracing asks at every instruction, and decoding
/// the location table each time would make line tracing quadratic.
pub fn _PyCode_LineNumberFromArray(co: &PyCodeObject, index: usize) -> i32 {
    // SAFETY: the array is made once and never replaced while borrowed; nothing in
    // this function runs Python code.
    unsafe {
        if co._co_linearray.get_ref().is_none() {
            let mut lines = vec![-1i32; co.code_len()];
            for e in decode_locations(co) {
                for slot in lines.iter_mut().take(e.end).skip(e.start) {
                    *slot = e.line;
                }
            }
            co._co_linearray.set(Some(lines.into_boxed_slice()));
        }
        match co._co_linearray.get_ref() {
            Some(a) => a.get(index).copied().unwrap_or(-1),
            None => -1,
        }
    }
}

/// The full position of the instruction at code-unit index `i`
/// (`PyCode_Addr2Location`): (line, end_line, col, end_col), -1 where unknown.
pub fn PyCode_Addr2Location(co: &PyCodeObject, i: usize) -> (i32, i32, i32, i32) {
    for e in decode_locations(co) {
        if e.start <= i && i < e.end {
            return (e.line, e.end_line, e.col, e.end_col);
        }
    }
    (-1, -1, -1, -1)
}

fn opt_int(v: i32) -> PyObjectRef {
    if v < 0 {
        none()
    } else {
        PyLong_FromLong(v as i64)
    }
}

fn code_co_lines(obj: &PyObject) -> PyResult {
    let co = as_code(obj);
    let items: Vec<PyObjectRef> = decode_locations(co)
        .into_iter()
        .map(|e| {
            PyTuple_New(vec![
                PyLong_FromLong((e.start * 2) as i64),
                PyLong_FromLong((e.end * 2) as i64),
                opt_int(e.line),
            ])
            .into_object()
        })
        .collect();
    crate::r#abstract::PyObject_GetIter(&crate::listobject::PyList_New(items).into_object())
}

fn code_co_positions(obj: &PyObject) -> PyResult {
    let co = as_code(obj);
    let mut items = Vec::with_capacity(co.code_len());
    for e in decode_locations(co) {
        for _ in e.start..e.end {
            items.push(
                PyTuple_New(vec![
                    opt_int(e.line),
                    opt_int(e.end_line),
                    opt_int(e.col),
                    opt_int(e.end_col),
                ])
                .into_object(),
            );
        }
    }
    crate::r#abstract::PyObject_GetIter(&crate::listobject::PyList_New(items).into_object())
}

/// `co_lnotab`: the pre-3.10 line table, derived from the new one (deprecated but
/// still present in 3.11).
fn code_get_lnotab(obj: &PyObject) -> PyResult {
    let co = as_code(obj);
    let mut out = Vec::new();
    let mut last_line = co.co_firstlineno;
    let mut last_addr = 0i32;
    for e in decode_locations(co) {
        if e.line < 0 || e.line == last_line {
            continue;
        }
        let mut addr_delta = (e.start * 2) as i32 - last_addr;
        let mut line_delta = e.line - last_line;
        while addr_delta > 255 {
            out.extend_from_slice(&[255, 0]);
            addr_delta -= 255;
        }
        while line_delta > 127 {
            out.extend_from_slice(&[addr_delta as u8, 127]);
            addr_delta = 0;
            line_delta -= 127;
        }
        while line_delta < -128 {
            out.extend_from_slice(&[addr_delta as u8, (-128i8) as u8]);
            addr_delta = 0;
            line_delta += 128;
        }
        out.extend_from_slice(&[addr_delta as u8, line_delta as i8 as u8]);
        last_addr = (e.start * 2) as i32;
        last_line = e.line;
    }
    Ok(PyBytes_FromVec(out))
}

// --- Attributes -----------------------------------------------------------------------

macro_rules! int_getter {
    ($name:ident, $field:ident) => {
        fn $name(obj: &PyObject) -> PyResult {
            Ok(PyLong_FromLong(as_code(obj).$field as i64))
        }
    };
}

int_getter!(code_argcount, co_argcount);
int_getter!(code_posonlyargcount, co_posonlyargcount);
int_getter!(code_kwonlyargcount, co_kwonlyargcount);
int_getter!(code_nlocals, co_nlocals);
int_getter!(code_stacksize, co_stacksize);
int_getter!(code_flags, co_flags);
int_getter!(code_firstlineno, co_firstlineno);

macro_rules! obj_getter {
    ($name:ident, $field:ident) => {
        fn $name(obj: &PyObject) -> PyResult {
            Ok(as_code(obj).$field.clone())
        }
    };
}

obj_getter!(code_consts, co_consts);
obj_getter!(code_names, co_names);
obj_getter!(code_filename, co_filename);
obj_getter!(code_name, co_name);
obj_getter!(code_qualname, co_qualname);
obj_getter!(code_linetable, co_linetable);
obj_getter!(code_exceptiontable, co_exceptiontable);

fn code_varnames(obj: &PyObject) -> PyResult {
    Ok(names_with_kind(as_code(obj), CO_FAST_LOCAL))
}

fn code_cellvars(obj: &PyObject) -> PyResult {
    Ok(names_with_kind(as_code(obj), CO_FAST_CELL))
}

fn code_freevars(obj: &PyObject) -> PyResult {
    Ok(names_with_kind(as_code(obj), CO_FAST_FREE))
}

fn code_code(obj: &PyObject) -> PyResult {
    Ok(PyCode_GetCode(as_code(obj)))
}

/// `_co_code_adaptive`: the bytecode as the interpreter currently runs it.
fn code_code_adaptive(obj: &PyObject) -> PyResult {
    let co = as_code(obj);
    let n = co.code_len();
    let mut out = Vec::with_capacity(n * 2);
    for i in 0..n {
        out.extend_from_slice(&co.code_unit(i).to_le_bytes());
    }
    Ok(PyBytes_FromVec(out))
}

static CODE_GETSET: [PyGetSetDef; 20] = [
    PyGetSetDef::getter("co_argcount", code_argcount),
    PyGetSetDef::getter("co_posonlyargcount", code_posonlyargcount),
    PyGetSetDef::getter("co_kwonlyargcount", code_kwonlyargcount),
    PyGetSetDef::getter("co_nlocals", code_nlocals),
    PyGetSetDef::getter("co_stacksize", code_stacksize),
    PyGetSetDef::getter("co_flags", code_flags),
    PyGetSetDef::getter("co_firstlineno", code_firstlineno),
    PyGetSetDef::getter("co_consts", code_consts),
    PyGetSetDef::getter("co_names", code_names),
    PyGetSetDef::getter("co_filename", code_filename),
    PyGetSetDef::getter("co_name", code_name),
    PyGetSetDef::getter("co_qualname", code_qualname),
    PyGetSetDef::getter("co_linetable", code_linetable),
    PyGetSetDef::getter("co_exceptiontable", code_exceptiontable),
    PyGetSetDef::getter("co_varnames", code_varnames),
    PyGetSetDef::getter("co_cellvars", code_cellvars),
    PyGetSetDef::getter("co_freevars", code_freevars),
    PyGetSetDef::getter("co_code", code_code),
    PyGetSetDef::getter("_co_code_adaptive", code_code_adaptive),
    PyGetSetDef::getter("co_lnotab", code_get_lnotab),
];

fn code_varname_from_oparg(obj: &PyObject, arg: &PyObject) -> PyResult {
    let co = as_code(obj);
    let i = crate::r#abstract::PyNumber_AsSsize_t(arg, None)?;
    match usize::try_from(i).ok().and_then(|i| localsplusname(co, i)) {
        Some(n) => Ok(n),
        None => Err(index_error("tuple index out of range")),
    }
}

fn code_sizeof(obj: &PyObject) -> PyResult {
    let co = as_code(obj);
    // CPython: the object header plus the inline adaptive bytecode.
    Ok(PyLong_FromLong(
        (size_of::<PyCodeObject>() + co.code_len() * 2) as i64,
    ))
}

static CODE_METHODS: [PyMethodDef; 5] = [
    PyMethodDef::new("co_lines", PyCFunction::NoArgs(code_co_lines), ""),
    PyMethodDef::new("co_positions", PyCFunction::NoArgs(code_co_positions), ""),
    PyMethodDef::new("_varname_from_oparg", PyCFunction::O(code_varname_from_oparg), "_varname_from_oparg($self, /, oparg)\n--\n\n(internal-only) Return the local variable name for the given oparg.\n\nWARNING: this method is for internal use only and may change or go away."),
    PyMethodDef::new("__sizeof__", PyCFunction::NoArgs(code_sizeof), ""),
    PyMethodDef::new(
        "replace",
        PyCFunction::FastKw(code_replace),
        "replace($self, /, **changes)\n--\n\nReturn a copy of the code object with new values for the specified fields.",
    ),
];

fn code_repr(obj: &PyObject) -> PyResult {
    let co = as_code(obj);
    let file = &co.co_filename;
    let text = if PyUnicodeObject::check(file) {
        format!(
            "<code object {} at {:p}, file \"{}\", line {}>",
            as_str_lossy(&co.co_name),
            obj.as_ptr(),
            as_str_lossy(file),
            co.co_firstlineno
        )
    } else {
        format!(
            "<code object {} at {:p}, file ???, line {}>",
            as_str_lossy(&co.co_name),
            obj.as_ptr(),
            co.co_firstlineno
        )
    };
    Ok(PyUnicode_FromString(&text))
}

/// Constants compare by type and value, so that `0`, `0.0` and `False` (equal as
/// values) do not make two code objects equal (`_PyCode_ConstantKey`).
fn consts_equal(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if !std::ptr::eq(a.ob_type(), b.ob_type()) {
        return Ok(false);
    }
    if let (Some(x), Some(y)) = (
        a.downcast_ref::<PyTupleObject>(),
        b.downcast_ref::<PyTupleObject>(),
    ) {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.as_slice().iter().zip(y.as_slice()) {
            if !consts_equal(p, q)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if let (Some(x), Some(y)) = (
        a.downcast_ref::<crate::floatobject::PyFloatObject>(),
        b.downcast_ref::<crate::floatobject::PyFloatObject>(),
    ) {
        // -0.0 and 0.0 differ; NaNs equal themselves bitwise.
        return Ok(x.ob_fval.to_bits() == y.ob_fval.to_bits());
    }
    PyObject_RichCompareBool(a, b, CompareOp::Eq)
}

fn code_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !b.is_type(&PyCode_Type) {
        return Ok(not_implemented());
    }
    let (x, y) = (as_code(a), as_code(b));
    let mut eq = x.co_argcount == y.co_argcount
        && x.co_posonlyargcount == y.co_posonlyargcount
        && x.co_kwonlyargcount == y.co_kwonlyargcount
        && x.co_flags == y.co_flags
        && x.co_firstlineno == y.co_firstlineno
        && bytes_of(&PyCode_GetCode(x)) == bytes_of(&PyCode_GetCode(y))
        && bytes_of(&x.co_linetable) == bytes_of(&y.co_linetable)
        && bytes_of(&x.co_exceptiontable) == bytes_of(&y.co_exceptiontable)
        && bytes_of(&x.co_localspluskinds) == bytes_of(&y.co_localspluskinds);
    if eq {
        eq = PyObject_RichCompareBool(&x.co_name, &y.co_name, CompareOp::Eq)?
            && PyObject_RichCompareBool(&x.co_names, &y.co_names, CompareOp::Eq)?
            && PyObject_RichCompareBool(
                &x.co_localsplusnames,
                &y.co_localsplusnames,
                CompareOp::Eq,
            )?
            && consts_equal(&x.co_consts, &y.co_consts)?;
    }
    Ok(crate::boolobject::PyBool_FromLong(if op == CompareOp::Eq {
        eq
    } else {
        !eq
    }))
}

fn code_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    let co = as_code(obj);
    let mut h = PyObject_Hash(&co.co_name)?;
    h ^= crate::pyhash::_Py_HashBytes(bytes_of(&PyCode_GetCode(co)));
    h ^= PyObject_Hash(&co.co_names)?;
    h = h
        .wrapping_add(co.co_argcount as Py_hash_t)
        .wrapping_add(co.co_kwonlyargcount as Py_hash_t)
        .wrapping_add(co.co_flags as Py_hash_t);
    Ok(if h == -1 { -2 } else { h })
}

unsafe fn code_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead code object.
    unsafe {
        crate::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PyCodeObject>(op)
    }
}

/// `code`.
pub static PyCode_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "code",
    tp_basicsize: Cell::new(size_of::<PyCodeObject>()),
    // CPython's `__itemsize__`; pyrs keeps the variable part out of line.
    tp_itemsize: Cell::new(2),
    tp_dealloc: slot(code_dealloc),
    tp_repr: slot(code_repr),
    tp_hash: slot(code_hash),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT),
    tp_doc: Some("Create a code object.  Not for the faint of heart."),
    tp_richcompare: slot(code_richcompare),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyCodeObject, co_weakreflist)),
    tp_methods: &CODE_METHODS,
    tp_getset: &CODE_GETSET,
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyCode_Type]
}

// --- Code objects from Python values: `code.replace` and `marshal` ---------------------------

/// `_PyCodeConstructor`: the parts of a code object as Python values, before they
/// are checked (`_PyCode_Validate`).
pub struct PyCodeConstructor {
    pub argcount: i32,
    pub posonlyargcount: i32,
    pub kwonlyargcount: i32,
    pub stacksize: i32,
    pub flags: i32,
    pub firstlineno: i32,
    pub code: PyObjectRef,
    pub consts: PyObjectRef,
    pub names: PyObjectRef,
    pub localsplusnames: PyObjectRef,
    pub localspluskinds: PyObjectRef,
    pub filename: PyObjectRef,
    pub name: PyObjectRef,
    pub qualname: PyObjectRef,
    pub linetable: PyObjectRef,
    pub exceptiontable: PyObjectRef,
}

/// `PyErr_BadInternalCall` as raised from `_PyCode_Validate` (CPython 3.11.7 names
/// its own source line).
fn bad_internal_call() -> PyErr {
    crate::pyerrors::PyErr_SetString(
        &crate::exceptions::PyExc_SystemError,
        "Objects/codeobject.c:250: bad argument to internal function",
    )
}

/// `_PyCode_Validate`: the types of the parts, the code's length, and enough local
/// names for the arguments.
pub fn _PyCode_Validate(con: &PyCodeConstructor) -> PyResult<()> {
    let is_bytes = |o: &PyObject| PyBytesObject::check(o);
    let is_tuple = |o: &PyObject| PyTupleObject::check(o);
    let is_str = |o: &PyObject| PyUnicodeObject::check(o);
    let nnames = con
        .localsplusnames
        .downcast_ref::<PyTupleObject>()
        .map(|t| t.len());
    let nkinds = con
        .localspluskinds
        .downcast_ref::<PyBytesObject>()
        .map(|b| b.as_bytes().len());
    if con.argcount < con.posonlyargcount
        || con.posonlyargcount < 0
        || con.kwonlyargcount < 0
        || con.stacksize < 0
        || con.flags < 0
        || !is_bytes(&con.code)
        || !is_tuple(&con.consts)
        || !is_tuple(&con.names)
        || nnames.is_none()
        || nkinds.is_none()
        || nnames != nkinds
        || !is_str(&con.name)
        || !is_str(&con.qualname)
        || !is_str(&con.filename)
        || !is_bytes(&con.linetable)
        || !is_bytes(&con.exceptiontable)
    {
        return Err(bad_internal_call());
    }
    let code_len = bytes_of(&con.code).len();
    if code_len > i32::MAX as usize {
        return Err(overflow_error("code: co_code larger than INT_MAX"));
    }
    if !code_len.is_multiple_of(2) {
        return Err(value_error("code: co_code is malformed"));
    }
    let nlocals = bytes_of(&con.localspluskinds)
        .iter()
        .filter(|&&k| k & CO_FAST_LOCAL != 0)
        .count() as i64;
    let nplainlocals = nlocals
        - i64::from(con.argcount)
        - i64::from(con.kwonlyargcount)
        - i64::from(con.flags & CO_VARARGS != 0)
        - i64::from(con.flags & CO_VARKEYWORDS != 0);
    if nplainlocals < 0 {
        return Err(value_error("code: co_varnames is too small"));
    }
    Ok(())
}

/// `intern_strings`: every item an exact str, interned (a new tuple).
fn intern_strings(tuple: &PyObject) -> PyResult<PyObjectRef> {
    let items = tuple_slice(tuple);
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        if !PyUnicodeObject::check_exact(v) {
            return Err(crate::pyerrors::PyErr_SetString(
                &crate::exceptions::PyExc_SystemError,
                "non-string found in code slot",
            ));
        }
        out.push(crate::unicodeobject::PyUnicode_InternInPlace(v.clone()));
    }
    Ok(PyTuple_New(out).into_object())
}

/// `all_name_chars`: only ASCII letters, digits and underscores.
fn all_name_chars(u: &PyUnicodeObject) -> bool {
    u.iter()
        .all(|c| c < 128 && (c as u8 == b'_' || (c as u8).is_ascii_alphanumeric()))
}

/// `intern_string_constants`: str constants that look like names are interned,
/// through nested tuples. The tuple is rebuilt only when something changed (CPython
/// changes it in place).
fn intern_string_constants(tuple: &PyObject) -> PyObjectRef {
    let items = tuple_slice(tuple);
    let mut changed = false;
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        let w = if let Some(u) = v.downcast_ref_exact::<PyUnicodeObject>() {
            if all_name_chars(u) {
                crate::unicodeobject::PyUnicode_InternInPlace(v.clone())
            } else {
                v.clone()
            }
        } else if PyTupleObject::check_exact(v) {
            intern_string_constants(v)
        } else {
            v.clone()
        };
        changed |= !w.is(v);
        out.push(w);
    }
    if changed {
        PyTuple_New(out).into_object()
    } else {
        tuple.to_owned()
    }
}

fn tuple_slice(obj: &PyObject) -> &[PyObjectRef] {
    match obj.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice(),
        None => &[],
    }
}

/// `_PyCode_New` for checked parts: the names are interned, and so are the str
/// constants that look like names.
pub fn _PyCode_New(con: PyCodeConstructor) -> PyResult<PyRef<PyCodeObject>> {
    let names = intern_strings(&con.names)?;
    let consts = intern_string_constants(&con.consts);
    let localsplusnames = intern_strings(&con.localsplusnames)?;
    PyCode_New(CodeParts {
        argcount: con.argcount,
        posonlyargcount: con.posonlyargcount,
        kwonlyargcount: con.kwonlyargcount,
        stacksize: con.stacksize,
        flags: con.flags,
        firstlineno: con.firstlineno,
        code: bytes_of(&con.code).to_vec(),
        consts,
        names,
        localsplusnames,
        localspluskinds: bytes_of(&con.localspluskinds).to_vec(),
        filename: con.filename,
        name: con.name,
        qualname: con.qualname,
        linetable: bytes_of(&con.linetable).to_vec(),
        exceptiontable: bytes_of(&con.exceptiontable).to_vec(),
    })
}

/// The arguments of `PyCode_NewWithPosOnlyArgs` that are objects.
pub struct CodeArgs {
    pub code: PyObjectRef,
    pub consts: PyObjectRef,
    pub names: PyObjectRef,
    pub varnames: PyObjectRef,
    pub freevars: PyObjectRef,
    pub cellvars: PyObjectRef,
    pub filename: PyObjectRef,
    pub name: PyObjectRef,
    pub qualname: PyObjectRef,
    pub linetable: PyObjectRef,
    pub exceptiontable: PyObjectRef,
}

/// `PyCode_NewWithPosOnlyArgs`: the local, cell and free names merged into the
/// "locals plus" table; a cell that is also an argument shares its slot.
#[allow(clippy::too_many_arguments)]
pub fn PyCode_NewWithPosOnlyArgs(
    argcount: i32,
    posonlyargcount: i32,
    kwonlyargcount: i32,
    nlocals: i32,
    stacksize: i32,
    flags: i32,
    firstlineno: i32,
    a: CodeArgs,
) -> PyResult<PyRef<PyCodeObject>> {
    let varnames = tuple_slice(&a.varnames);
    let mut names: Vec<PyObjectRef> = varnames.to_vec();
    let mut kinds: Vec<u8> = vec![CO_FAST_LOCAL; varnames.len()];
    for name in tuple_slice(&a.cellvars) {
        // A cell that is also an argument keeps the argument's slot.
        let argoffset = varnames.iter().position(|v| {
            match (
                v.downcast_ref::<PyUnicodeObject>(),
                name.downcast_ref::<PyUnicodeObject>(),
            ) {
                (Some(x), Some(y)) => x.code_points_cow() == y.code_points_cow(),
                _ => false,
            }
        });
        match argoffset {
            Some(j) => kinds[j] |= CO_FAST_CELL,
            None => {
                names.push(name.clone());
                kinds.push(CO_FAST_CELL);
            }
        }
    }
    for name in tuple_slice(&a.freevars) {
        names.push(name.clone());
        kinds.push(CO_FAST_FREE);
    }
    let con = PyCodeConstructor {
        argcount,
        posonlyargcount,
        kwonlyargcount,
        stacksize,
        flags,
        firstlineno,
        code: a.code,
        consts: a.consts,
        names: a.names,
        localsplusnames: PyTuple_New(names).into_object(),
        localspluskinds: PyBytes_FromVec(kinds),
        filename: a.filename,
        name: a.name,
        qualname: a.qualname,
        linetable: a.linetable,
        exceptiontable: a.exceptiontable,
    };
    _PyCode_Validate(&con)?;
    if nlocals as usize != varnames.len() {
        return Err(value_error("code: co_nlocals != len(co_varnames)"));
    }
    _PyCode_New(con)
}

/// The type check of an Argument Clinic object converter in `code.replace`.
fn replace_arg(
    v: Option<PyObjectRef>,
    name: &str,
    ok: fn(&PyObject) -> bool,
    expected: &str,
) -> PyResult<Option<PyObjectRef>> {
    match v {
        Some(v) if !ok(&v) => Err(type_error(format!(
            "replace() argument '{name}' must be {expected}, not {}",
            v.ob_type().name()
        ))),
        v => Ok(v),
    }
}

/// `code.replace(**changes)` (`code_replace_impl`): a copy with the given `co_*`
/// fields changed.
fn code_replace(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let co = as_code(obj);
    const NAMES: [&str; 18] = [
        "co_argcount",
        "co_posonlyargcount",
        "co_kwonlyargcount",
        "co_nlocals",
        "co_stacksize",
        "co_flags",
        "co_firstlineno",
        "co_code",
        "co_consts",
        "co_names",
        "co_varnames",
        "co_freevars",
        "co_cellvars",
        "co_filename",
        "co_name",
        "co_qualname",
        "co_linetable",
        "co_exceptiontable",
    ];
    let a = crate::getargs::unpack_keywords(
        &crate::getargs::ArgSpec {
            fname: "replace",
            names: &NAMES,
            posonly: 0,
            maxpos: 0,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let int_arg = |i: usize, default: i32| -> PyResult<i32> {
        match &a[i] {
            None => Ok(default),
            Some(v) => crate::listobject::int_converter(v),
        }
    };
    let ints = [
        int_arg(0, co.co_argcount)?,
        int_arg(1, co.co_posonlyargcount)?,
        int_arg(2, co.co_kwonlyargcount)?,
        int_arg(3, co.co_nlocals)?,
        int_arg(4, co.co_stacksize)?,
        int_arg(5, co.co_flags)?,
        int_arg(6, co.co_firstlineno)?,
    ];
    let is_bytes: fn(&PyObject) -> bool = |o| PyBytesObject::check(o);
    let is_tuple: fn(&PyObject) -> bool = |o| PyTupleObject::check(o);
    let is_str: fn(&PyObject) -> bool = |o| PyUnicodeObject::check(o);
    let objs: Vec<Option<PyObjectRef>> = (7..18)
        .map(|i| {
            let (ok, expected) = match i {
                7 | 16 | 17 => (is_bytes, "bytes"),
                13..=15 => (is_str, "str"),
                _ => (is_tuple, "tuple"),
            };
            replace_arg(a[i].clone(), NAMES[i], ok, expected)
        })
        .collect::<PyResult<_>>()?;
    for (i, v) in ints.iter().enumerate() {
        if *v < 0 {
            return Err(value_error(format!(
                "{} must be a positive integer",
                NAMES[i]
            )));
        }
    }
    let [argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags, firstlineno] = ints;
    let pick = |i: usize, default: PyObjectRef| objs[i - 7].clone().unwrap_or(default);
    let code = pick(7, PyCode_GetCode(co));
    let filename = pick(13, co.co_filename.clone());
    let name = pick(14, co.co_name.clone());
    // FIXME(pyrs): CPython raises the `code.__new__` audit event here; audit hooks
    // live in the `python` crate, out of reach of `objects`.
    let new = PyCode_NewWithPosOnlyArgs(
        argcount,
        posonlyargcount,
        kwonlyargcount,
        nlocals,
        stacksize,
        flags,
        firstlineno,
        CodeArgs {
            code,
            consts: pick(8, co.co_consts.clone()),
            names: pick(9, co.co_names.clone()),
            varnames: pick(10, names_with_kind(co, CO_FAST_LOCAL)),
            freevars: pick(11, names_with_kind(co, CO_FAST_FREE)),
            cellvars: pick(12, names_with_kind(co, CO_FAST_CELL)),
            filename,
            name,
            qualname: pick(15, co.co_qualname.clone()),
            linetable: pick(16, co.co_linetable.clone()),
            exceptiontable: pick(17, co.co_exceptiontable.clone()),
        },
    )?;
    Ok(new.into_object())
}
