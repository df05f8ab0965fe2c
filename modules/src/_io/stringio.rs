//! `_io.StringIO`: a text stream over an in-memory buffer of code points. Mirrors
//! Modules/_io/stringio.c (CPython 3.11).
//!
//! Differences from CPython: the buffer is always a `Vec<u32>` of code points; CPython
//! additionally keeps an "accumulating" state in which appended text goes to a
//! `_PyUnicodeWriter`, a speed-up with the same results.

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::boolobject::PyBool_FromLong;
use objects::longobject::{PyLongObject, PyLong_FromSsize_t};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::PyType_Type;
use objects::unicodeobject::{
    PyUnicodeObject, PyUnicode_FromCodePoints, PyUnicode_FromString, StrView,
};

use super::docs;
use super::iobase::IO_FLAGS;
use super::optional_ssize;
use super::textio::{find_line_ending, NlState, PyTextIOBase_Type};

/// `stringio`.
#[repr(C)]
pub struct PyStringIOObject {
    pub ob_base: PyObject,
    /// The text; positions past `string_size` are slack.
    buf: PyCell<Vec<u32>>,
    pos: Cell<usize>,
    string_size: Cell<usize>,
    /// `__init__` has completed (`ok`).
    ok: Cell<bool>,
    closed: Cell<bool>,
    readuniversal: Cell<bool>,
    readtranslate: Cell<bool>,
    /// Universal-newline translation of written text (CPython's
    /// `IncrementalNewlineDecoder(None, translate)`), when `readuniversal`.
    decoder: PyCell<Option<NlState>>,
    /// `newline` as given (None for universal newlines).
    readnl: PyCell<Option<Vec<u32>>>,
    /// What "\n" becomes on writing ("\r" or "\r\n"), if anything.
    writenl: PyCell<Option<Vec<u32>>>,
    pub dict: PyCell<Option<PyObjectRef>>,
    pub weakreflist: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyStringIOObject {}

impl PyTypeInfo for PyStringIOObject {
    fn type_object() -> &'static PyTypeObject {
        &PyStringIO_Type
    }
}

fn as_stringio(obj: &PyObject) -> &PyStringIOObject {
    // SAFETY: the methods of `StringIO` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const PyStringIOObject) }
}

/// The code points of a str.
fn code_points(u: &PyUnicodeObject) -> Vec<u32> {
    match u.view() {
        StrView::Latin1(b) => b.iter().map(|&c| c as u32).collect(),
        StrView::Ucs2(b) => b.iter().map(|&c| c as u32).collect(),
        StrView::Ucs4(b) => b.to_vec(),
    }
}

impl PyStringIOObject {
    /// `CHECK_INITIALIZED` then `CHECK_CLOSED`.
    fn check(&self) -> PyResult<()> {
        self.check_initialized()?;
        if self.closed.get() {
            return Err(value_error("I/O operation on closed file"));
        }
        Ok(())
    }

    fn check_initialized(&self) -> PyResult<()> {
        if !self.ok.get() {
            return Err(value_error("I/O operation on uninitialized object"));
        }
        Ok(())
    }

    /// `write_str`: translate newlines as configured and write at the position,
    /// padding a gap past the end with NULs.
    fn write_str(&self, u: &PyUnicodeObject) -> PyResult<usize> {
        let mut text = code_points(u);
        // SAFETY: no Python code runs while the decoder state is borrowed.
        if let Some(dec) = unsafe { self.decoder.get_mut() }.as_mut() {
            text = dec.translate(&text, true);
        }
        // SAFETY: as above.
        if let Some(nl) = unsafe { self.writenl.get_ref() } {
            let mut out = Vec::with_capacity(text.len());
            for &c in &text {
                if c == '\n' as u32 {
                    out.extend_from_slice(nl);
                } else {
                    out.push(c);
                }
            }
            text = out;
        }
        let len = text.len();
        if len == 0 {
            return Ok(0);
        }
        let pos = self.pos.get();
        if pos > isize::MAX as usize - len {
            return Err(overflow_error("new position too large"));
        }
        let size = self.string_size.get();
        // SAFETY: no Python code runs while the buffer is borrowed.
        let buf = unsafe { self.buf.get_mut() };
        if pos + len > buf.len() {
            super::grow_zeroed(buf, pos + len)?;
        }
        if pos > size {
            buf[size..pos].fill(0);
        }
        buf[pos..pos + len].copy_from_slice(&text);
        self.pos.set(pos + len);
        if self.string_size.get() < pos + len {
            self.string_size.set(pos + len);
        }
        Ok(len)
    }

    /// `_stringio_readline`.
    fn readline(&self, limit: isize) -> PyObjectRef {
        let pos = self.pos.get();
        let size = self.string_size.get();
        if pos >= size {
            return PyUnicode_FromString("");
        }
        let avail = size - pos;
        let limit = if limit < 0 || limit as usize > avail {
            avail
        } else {
            limit as usize
        };
        // SAFETY: no Python code runs while the buffers are borrowed.
        let (buf, readnl) = unsafe { (self.buf.get_ref(), self.readnl.get_ref()) };
        let line = buf.get(pos..pos + limit).unwrap_or(&[]);
        let (found, _consumed) = find_line_ending(
            self.readtranslate.get(),
            self.readuniversal.get(),
            readnl.as_deref(),
            line,
        );
        // Without a line ending, the whole rest is the line.
        let len = found.unwrap_or(limit);
        let out = PyUnicode_FromCodePoints(&line[..len]);
        self.pos.set(pos + len);
        out
    }

    fn getvalue(&self) -> PyObjectRef {
        // SAFETY: the borrow ends within the expression.
        let buf = unsafe { self.buf.get_ref() };
        PyUnicode_FromCodePoints(buf.get(..self.string_size.get()).unwrap_or(&[]))
    }
}

// --- Construction ------------------------------------------------------------------------

fn stringio_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    // SAFETY: `tp` is `StringIO` or a subclass; the rest of a subclass instance is zeroed.
    let obj = unsafe {
        alloc_object(
            tp,
            PyStringIOObject {
                ob_base: PyObject_HEAD_INIT,
                buf: PyCell::new(Vec::new()),
                pos: Cell::new(0),
                string_size: Cell::new(0),
                ok: Cell::new(false),
                closed: Cell::new(false),
                readuniversal: Cell::new(false),
                readtranslate: Cell::new(false),
                decoder: PyCell::new(None),
                readnl: PyCell::new(None),
                writenl: PyCell::new(None),
                dict: PyCell::new(None),
                weakreflist: PyCell::new(None),
            },
        )
    };
    Ok(obj.into_object())
}

/// Set up newline handling and the initial value (`_io_StringIO___init___impl`).
fn stringio_setup(
    s: &PyStringIOObject,
    value: Option<&PyObject>,
    newline: Option<&str>,
) -> PyResult<()> {
    if let Some(nl) = newline {
        if !matches!(nl, "" | "\n" | "\r" | "\r\n") {
            return Err(value_error(format!(
                "illegal newline value: {}",
                objects::unicodeobject::as_str_lossy(&*PyObject_Repr(&PyUnicode_FromString(nl))?)
            )));
        }
    }
    if let Some(v) = value {
        if !v.is(Py_None()) && !PyUnicodeObject::check(v) {
            return Err(type_error(format!(
                "initial_value must be str or None, not {}",
                v.ob_type().name()
            )));
        }
    }
    s.ok.set(false);
    s.readnl
        .set(newline.map(|n| n.chars().map(|c| c as u32).collect()));
    s.readuniversal.set(newline.is_none_or(|n| n.is_empty()));
    s.readtranslate.set(newline.is_none());
    // "" writes text unchanged, "\n" and None write "\n" (no change either: StringIO
    // does not use os.linesep); "\r" and "\r\n" translate on writing.
    s.writenl.set(match newline {
        Some(n) if n.starts_with('\r') => Some(n.chars().map(|c| c as u32).collect()),
        _ => None,
    });
    s.decoder.set(if s.readuniversal.get() {
        Some(NlState::new(s.readtranslate.get()))
    } else {
        None
    });
    s.string_size.set(0);
    s.buf.set(Vec::new());
    s.pos.set(0);
    if let Some(u) = value.and_then(|v| v.downcast_ref::<PyUnicodeObject>()) {
        if !u.is_empty() {
            s.write_str(u)?;
        }
    }
    s.pos.set(0);
    s.closed.set(false);
    s.ok.set(true);
    Ok(())
}

/// `StringIO.__init__(initial_value='', newline='\n')`.
fn stringio_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let a = objects::getargs::unpack_keywords(
        &objects::getargs::ArgSpec {
            fname: "StringIO",
            names: &["initial_value", "newline"],
            posonly: 0,
            maxpos: 2,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let newline = match &a[1] {
        None => Some("\n"),
        Some(n) if n.is(Py_None()) => None,
        Some(n) => {
            if !PyUnicodeObject::check(n) {
                return Err(type_error(format!(
                    "newline must be str or None, not {}",
                    n.ob_type().name()
                )));
            }
            Some(objects::unicodeobject::as_str_strict(n)?)
        }
    };
    stringio_setup(as_stringio(obj), a[0].as_deref(), newline)
}

// --- Methods ---------------------------------------------------------------------------------

fn stringio_getvalue(obj: &PyObject) -> PyResult {
    let s = as_stringio(obj);
    s.check()?;
    Ok(s.getvalue())
}

fn stringio_tell(obj: &PyObject) -> PyResult {
    let s = as_stringio(obj);
    s.check()?;
    Ok(PyLong_FromSsize_t(s.pos.get() as isize))
}

/// `StringIO.read(size=-1, /)`.
fn stringio_read(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("read", args.len(), 0, 1)?;
    let size = optional_ssize(args.first().map(|a| &**a))?;
    let s = as_stringio(obj);
    s.check()?;
    let pos = s.pos.get();
    let avail = s.string_size.get().saturating_sub(pos);
    let n = if size < 0 || size as usize > avail {
        avail
    } else {
        size as usize
    };
    if n == 0 {
        return Ok(PyUnicode_FromString(""));
    }
    // SAFETY: the borrow ends within the expression.
    let out = PyUnicode_FromCodePoints(&unsafe { s.buf.get_ref() }[pos..pos + n]);
    s.pos.set(pos + n);
    Ok(out)
}

/// `StringIO.readline(size=-1, /)`.
fn stringio_readline(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("readline", args.len(), 0, 1)?;
    let size = optional_ssize(args.first().map(|a| &**a))?;
    let s = as_stringio(obj);
    s.check()?;
    Ok(s.readline(size))
}

/// `tp_iternext`: the next line; a subclass's own `readline` is honoured.
fn stringio_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    let s = as_stringio(obj);
    s.check()?;
    let line = if obj.is_type(&PyStringIO_Type) {
        s.readline(-1)
    } else {
        let line = super::call_method(obj, objects::intern!("readline"), &[])?;
        if !PyUnicodeObject::check(&line) {
            return Err(os_error(format!(
                "readline() should have returned a str object, not '{}'",
                line.ob_type().name()
            )));
        }
        line
    };
    match line.downcast_ref::<PyUnicodeObject>() {
        Some(u) if u.is_empty() => Ok(None),
        _ => Ok(Some(line)),
    }
}

/// `StringIO.truncate(pos=None, /)`.
fn stringio_truncate(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("truncate", args.len(), 0, 1)?;
    let s = as_stringio(obj);
    let size = match args.first().filter(|a| !a.is(Py_None())) {
        Some(a) => optional_ssize(Some(a))?,
        None => s.pos.get() as isize,
    };
    s.check()?;
    if size < 0 {
        return Err(value_error(format!("Negative size value {size}")));
    }
    let size = size as usize;
    if size < s.string_size.get() {
        s.string_size.set(size);
        // SAFETY: no Python code runs while the buffer is borrowed.
        let buf = unsafe { s.buf.get_mut() };
        buf.truncate(size);
        buf.shrink_to_fit();
    }
    Ok(PyLong_FromSsize_t(size as isize))
}

/// `StringIO.seek(pos, whence=0, /)`.
fn stringio_seek(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("seek", args.len(), 1, 2)?;
    let mut pos = super::ssize_arg(&args[0])?;
    let whence = match args.get(1) {
        Some(w) => super::int_arg(w)?,
        None => 0,
    };
    let s = as_stringio(obj);
    s.check()?;
    if !(0..=2).contains(&whence) {
        return Err(value_error(format!(
            "Invalid whence ({whence}, should be 0, 1 or 2)"
        )));
    } else if pos < 0 && whence == 0 {
        return Err(value_error(format!("Negative seek position {pos}")));
    } else if whence != 0 && pos != 0 {
        return Err(os_error("Can't do nonzero cur-relative seeks"));
    }
    // whence 1 keeps the position (offset 0); whence 2 goes to the end.
    if whence == 1 {
        pos = s.pos.get() as isize;
    } else if whence == 2 {
        pos = s.string_size.get() as isize;
    }
    s.pos.set(pos as usize);
    Ok(PyLong_FromSsize_t(pos))
}

/// `StringIO.write(s, /)`: returns the length of the argument.
fn stringio_write(obj: &PyObject, arg: &PyObject) -> PyResult {
    let s = as_stringio(obj);
    s.check_initialized()?;
    let Some(u) = arg.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "string argument expected, got '{}'",
            arg.ob_type().name()
        )));
    };
    s.check()?;
    let size = u.len();
    if size > 0 {
        s.write_str(u)?;
    }
    Ok(PyLong_FromSsize_t(size as isize))
}

fn stringio_close(obj: &PyObject) -> PyResult {
    let s = as_stringio(obj);
    s.closed.set(true);
    // Free the memory.
    s.buf.set(Vec::new());
    s.string_size.set(0);
    Ok(none())
}

fn stringio_true(obj: &PyObject) -> PyResult {
    as_stringio(obj).check()?;
    Ok(PyBool_FromLong(true))
}

/// `StringIO.__getstate__()`: `(value, newline, position, dict)`.
fn stringio_getstate(obj: &PyObject) -> PyResult {
    let s = as_stringio(obj);
    s.check()?;
    let value = s.getvalue();
    // SAFETY: the borrow ends within the expression.
    let readnl = match unsafe { s.readnl.get_ref() } {
        Some(nl) => PyUnicode_FromCodePoints(nl),
        None => none(),
    };
    let dict = match s.dict.get() {
        Some(d) => match d.downcast_ref::<objects::dictobject::PyDictObject>() {
            Some(d) => objects::dictobject::PyDict_Copy(d)?.into_object(),
            None => none(),
        },
        None => none(),
    };
    Ok(PyTuple_New(vec![
        value,
        readnl,
        PyLong_FromSsize_t(s.pos.get() as isize),
        dict,
    ])
    .into_object())
}

/// `StringIO.__setstate__(state)`.
fn stringio_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let s = as_stringio(obj);
    // Only a closed object is refused: unpickling calls this on an object made by
    // `__new__` alone, which `stringio_setup` below initialises.
    if s.closed.get() {
        return Err(value_error("I/O operation on closed file"));
    }
    let items = match state.downcast_ref::<PyTupleObject>() {
        Some(t) if t.len() >= 4 => t.as_slice().to_vec(),
        _ => {
            return Err(type_error(format!(
                "{}.__setstate__ argument should be 4-tuple, got {}",
                obj.ob_type().name(),
                state.ob_type().name()
            )))
        }
    };
    let newline = if items[1].is(Py_None()) {
        None
    } else {
        Some(objects::unicodeobject::as_str_strict(&items[1])?.to_string())
    };
    // `__init__(value, newline)` first (it records the newlines it sees), then the
    // buffer is replaced: the value was translated when the state was taken.
    stringio_setup(s, Some(&items[0]), newline.as_deref())?;
    let Some(u) = items[0].downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error("initial_value must be str or None"));
    };
    let cps = code_points(u);
    s.string_size.set(cps.len());
    s.buf.set(cps);
    if !PyLongObject::check(&items[2]) {
        return Err(type_error(format!(
            "third item of state must be an integer, got {}",
            items[2].ob_type().name()
        )));
    }
    let pos = objects::longobject::PyLong_AsSsize_t(&items[2])?;
    if pos < 0 {
        return Err(value_error("position value cannot be negative"));
    }
    s.pos.set(pos as usize);
    let dict = &items[3];
    if !dict.is(Py_None()) {
        let Some(d) = dict.downcast_ref::<objects::dictobject::PyDictObject>() else {
            return Err(type_error(format!(
                "fourth item of state should be a dict, got a {}",
                dict.ob_type().name()
            )));
        };
        match s.dict.get() {
            Some(own) => objects::dictobject::PyDict_Update(
                own.downcast_ref::<objects::dictobject::PyDictObject>()
                    .ok_or_else(|| system_error("instance dict is not a dict"))?,
                d.as_object(),
            )?,
            None => s
                .dict
                .set(Some(objects::dictobject::PyDict_Copy(d)?.into_object())),
        }
    }
    Ok(none())
}

fn stringio_get_closed(obj: &PyObject) -> PyResult {
    let s = as_stringio(obj);
    s.check_initialized()?;
    Ok(PyBool_FromLong(s.closed.get()))
}

fn stringio_get_line_buffering(obj: &PyObject) -> PyResult {
    as_stringio(obj).check()?;
    Ok(PyBool_FromLong(false))
}

fn stringio_get_newlines(obj: &PyObject) -> PyResult {
    let s = as_stringio(obj);
    s.check()?;
    // SAFETY: the borrow ends within the expression.
    match unsafe { s.decoder.get_ref() } {
        Some(d) => Ok(d.newlines()),
        None => Ok(none()),
    }
}

fn stringio_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: traversal runs no Python code.
    if let Some(d) = unsafe { as_stringio(obj).dict.get_ref() } {
        visit(d);
    }
}

fn stringio_clear(obj: &PyObject) {
    as_stringio(obj).dict.set(None);
}

/// `stringio_dealloc`: no `close()` on death, as in CPython (see `bytesio_dealloc`).
unsafe fn stringio_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead StringIO.
    unsafe {
        include::gc::gc_untrack(op);
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PyStringIOObject>(op)
    }
}

static STRINGIO_METHODS: [PyMethodDef; 13] = [
    PyMethodDef::new(
        "close",
        PyCFunction::NoArgs(stringio_close),
        docs::STRINGIO_CLOSE,
    ),
    PyMethodDef::new(
        "getvalue",
        PyCFunction::NoArgs(stringio_getvalue),
        docs::STRINGIO_GETVALUE,
    ),
    PyMethodDef::new(
        "read",
        PyCFunction::Fast(stringio_read),
        docs::STRINGIO_READ,
    ),
    PyMethodDef::new(
        "readline",
        PyCFunction::Fast(stringio_readline),
        docs::STRINGIO_READLINE,
    ),
    PyMethodDef::new(
        "tell",
        PyCFunction::NoArgs(stringio_tell),
        docs::STRINGIO_TELL,
    ),
    PyMethodDef::new(
        "truncate",
        PyCFunction::Fast(stringio_truncate),
        docs::STRINGIO_TRUNCATE,
    ),
    PyMethodDef::new(
        "seek",
        PyCFunction::Fast(stringio_seek),
        docs::STRINGIO_SEEK,
    ),
    PyMethodDef::new(
        "write",
        PyCFunction::O(stringio_write),
        docs::STRINGIO_WRITE,
    ),
    PyMethodDef::new(
        "seekable",
        PyCFunction::NoArgs(stringio_true),
        docs::STRINGIO_SEEKABLE,
    ),
    PyMethodDef::new(
        "readable",
        PyCFunction::NoArgs(stringio_true),
        docs::STRINGIO_READABLE,
    ),
    PyMethodDef::new(
        "writable",
        PyCFunction::NoArgs(stringio_true),
        docs::STRINGIO_WRITABLE,
    ),
    PyMethodDef::new(
        "__getstate__",
        PyCFunction::NoArgs(stringio_getstate),
        docs::STRINGIO_GETSTATE,
    ),
    PyMethodDef::new(
        "__setstate__",
        PyCFunction::O(stringio_setstate),
        docs::STRINGIO_SETSTATE,
    ),
];

static STRINGIO_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef::getter("closed", stringio_get_closed),
    PyGetSetDef::getter("newlines", stringio_get_newlines),
    PyGetSetDef::getter("line_buffering", stringio_get_line_buffering),
];

/// `_io.StringIO`.
pub static PyStringIO_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_io.StringIO",
    tp_basicsize: Cell::new(size_of::<PyStringIOObject>()),
    tp_dealloc: slot(stringio_dealloc),
    tp_flags: Cell::new(IO_FLAGS),
    tp_doc: Some(docs::STRINGIO_DOC),
    tp_traverse: slot(stringio_traverse),
    tp_clear: slot(stringio_clear),
    tp_weaklistoffset: Cell::new(offset_of!(PyStringIOObject, weakreflist)),
    tp_iternext: slot(stringio_iternext),
    tp_methods: &STRINGIO_METHODS,
    tp_getset: &STRINGIO_GETSET,
    tp_base: objects::object::type_ptr(&PyTextIOBase_Type),
    tp_dictoffset: Cell::new(offset_of!(PyStringIOObject, dict)),
    tp_init: slot(stringio_init),
    tp_new: slot(stringio_new),
    ..PyTypeObject::DEFAULT
};
