//! The `_sre` module: compiled patterns (`re.Pattern`), match objects (`re.Match`)
//! and scanners, over the engine in `sre_lib.rs`. Mirrors Modules/_sre/sre.c
//! (CPython 3.11); the numbers of the code are in `sre_constants.rs`
//! (Modules/_sre/sre_constants.h).
//!
//! Differences from CPython: a bytes-like subject other than `bytes` (a `bytearray`,
//! say) is copied for the duration of a call instead of being read in place; its
//! buffer is still exported for that time (`state->buffer`), so that resizing a
//! `bytearray` while a scanner or a `sub()` callable uses it raises `BufferError`.
//! `_validate` (the check of the code at compile time) is in `validate.rs`; the
//! engine also reads the code with bounds checks. `LOCALE` patterns use the C
//! locale's (ASCII) character classes, as CPython does under the C or C.UTF-8
//! locale.

pub mod sre_constants;
pub mod sre_lib;
mod validate;

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::*;
use include::cpython::object::PyMappingMethods;
use include::descrobject::{MemberType, PyGetSetDef, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::bytesobject::{PyBytesObject, PyBytes_FromSlice};
use objects::dictobject::{PyDictObject, PyDict_GetItemWithError, PyDict_New, PyDict_Next};
use objects::getargs::{unpack_keywords, ArgSpec};
use objects::listobject::{PyListObject, PyList_Append, PyList_New};
use objects::longobject::{PyLongObject, PyLong_AsSsize_t, PyLong_FromLong, PyLong_FromSsize_t};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, not_implemented, PyObject_Repr, PyObject_RichCompareBool, Py_None};
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::r#abstract::{
    PyBUF_SIMPLE, PyBuffer_Release, PyBuffer_ToContiguous, PyIndex_Check, PyNumber_AsSsize_t,
    PyNumber_Index, PyObject_CheckBuffer, PyObject_GetBuffer, Py_buffer,
};
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::{unicode_substring, PyUnicodeObject, PyUnicode_FromString, StrView};

use sre_constants::*;
use sre_lib::{SreError, SreState, SreStr};

// --- Subjects ---------------------------------------------------------------------------

/// The characters a pattern runs over (`getstring`): a `str` or `bytes` object is
/// read in place (both are immutable); any other bytes-like object is copied, and
/// its buffer stays exported while the subject lives.
enum Subject {
    Str(PyObjectRef),
    Bytes(PyObjectRef),
    /// The copy, and the export that pins the object while the subject lives.
    Copied {
        data: Vec<u8>,
        _pin: Pinned,
    },
}

/// A buffer export held for as long as a subject is in use (`state->buffer`,
/// released by `state_fini`).
struct Pinned(Py_buffer);

impl Drop for Pinned {
    fn drop(&mut self) {
        PyBuffer_Release(&mut self.0);
    }
}

impl Subject {
    /// `getstring`: the subject behind `string`, or the `TypeError` CPython raises.
    fn get(string: &PyObject) -> PyResult<Subject> {
        if string.downcast_ref::<PyUnicodeObject>().is_some() {
            return Ok(Subject::Str(string.to_owned()));
        }
        if string.downcast_ref::<PyBytesObject>().is_some() {
            return Ok(Subject::Bytes(string.to_owned()));
        }
        let mut view = Py_buffer::new();
        if !PyObject_CheckBuffer(string)
            || PyObject_GetBuffer(string, &mut view, PyBUF_SIMPLE).is_err()
        {
            return Err(type_error(format!(
                "expected string or bytes-like object, got '{:.200}'",
                string.ob_type().name()
            )));
        }
        let pinned = Pinned(view);
        let data = PyBuffer_ToContiguous(&pinned.0, 'C');
        Ok(Subject::Copied { data, _pin: pinned })
    }

    fn isbytes(&self) -> bool {
        !matches!(self, Subject::Str(_))
    }

    fn view(&self) -> SreStr<'_> {
        match self {
            Subject::Str(s) => {
                // `get` checked the type.
                let u = s.downcast_ref::<PyUnicodeObject>().expect("str subject");
                match u.view() {
                    StrView::Latin1(b) => SreStr::U8(b),
                    StrView::Ucs2(b) => SreStr::U16(b),
                    StrView::Ucs4(b) => SreStr::U32(b),
                }
            }
            Subject::Bytes(b) => SreStr::U8(
                b.downcast_ref::<PyBytesObject>()
                    .expect("bytes subject")
                    .as_bytes(),
            ),
            Subject::Copied { data, .. } => SreStr::U8(data),
        }
    }

    fn len(&self) -> usize {
        self.view().len()
    }
}

/// `getslice`: `string[start:end]` as `str` or `bytes` (a whole `bytes` object is
/// returned itself).
fn getslice(subject: &Subject, string: &PyObject, start: usize, end: usize) -> PyObjectRef {
    match subject {
        Subject::Str(s) => {
            let u = s.downcast_ref::<PyUnicodeObject>().expect("str subject");
            unicode_substring(u, start, end)
        }
        _ => {
            let SreStr::U8(b) = subject.view() else {
                return PyBytes_FromSlice(&[]);
            };
            if string.downcast_ref_exact::<PyBytesObject>().is_some()
                && start == 0
                && end == b.len()
            {
                return string.to_owned();
            }
            let end = end.min(b.len());
            PyBytes_FromSlice(b.get(start.min(end)..end).unwrap_or(&[]))
        }
    }
}

/// `pattern_error`: the exception for an engine error.
fn pattern_error(e: SreError) -> PyErr {
    match e {
        SreError::Interrupted(err) => err,
        SreError::RecursionLimit => recursion_error("maximum recursion limit exceeded"),
        SreError::Illegal | SreError::State => {
            runtime_error("internal error in regular expression engine")
        }
    }
}

// --- Pattern ----------------------------------------------------------------------------

/// `PatternObject`: a compiled regular expression.
#[repr(C)]
pub struct PatternObject {
    pub ob_base: PyObject,
    /// Number of capturing groups.
    groups: isize,
    /// Group names to numbers, when there are named groups.
    groupindex: Option<PyObjectRef>,
    /// Group numbers to names (a tuple), when there are named groups.
    indexgroup: Option<PyObjectRef>,
    /// The source, `str` or `bytes` (`None` for a pattern built from a parse tree);
    /// a member, so always set.
    pattern: PyCell<Option<PyObjectRef>>,
    flags: isize,
    isbytes: bool,
    weakreflist: PyCell<Option<PyObjectRef>>,
    code: Vec<u32>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PatternObject {}

impl PatternObject {
    fn pattern(&self) -> PyObjectRef {
        self.pattern.get().unwrap_or_else(none)
    }
}

impl PyTypeInfo for PatternObject {
    fn type_object() -> &'static PyTypeObject {
        &Pattern_Type
    }
}

fn as_pattern(obj: &PyObject) -> &PatternObject {
    // SAFETY: the slots and methods of `re.Pattern` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const PatternObject) }
}

/// `state_init`: the subject of a call and the state positioned at `[pos, endpos)`.
fn state_init(
    pattern: &PatternObject,
    string: &PyObject,
    pos: isize,
    endpos: isize,
) -> PyResult<(Subject, SreState)> {
    let subject = Subject::get(string)?;
    if subject.isbytes() && !pattern.isbytes {
        return Err(type_error(
            "cannot use a string pattern on a bytes-like object",
        ));
    }
    if !subject.isbytes() && pattern.isbytes {
        return Err(type_error(
            "cannot use a bytes pattern on a string-like object",
        ));
    }
    let length = subject.len() as isize;
    let start = pos.clamp(0, length) as usize;
    let end = endpos.clamp(0, length) as usize;
    Ok((subject, SreState::new(start, end)))
}

/// `pattern_new_match`: a match object for a successful run, `None` otherwise.
fn pattern_new_match(
    pattern: &PyObject,
    state: &SreState,
    string: &PyObject,
    matched: bool,
) -> PyResult {
    if !matched {
        return Ok(none());
    }
    let p = as_pattern(pattern);
    let groups = p.groups as usize + 1;
    let mut mark = vec![-1isize; 2 * groups];
    mark[0] = state.start as isize;
    mark[1] = state.ptr as isize;
    for i in 0..groups - 1 {
        let j = 2 * i;
        let (a, b) = (state.get_mark(j), state.get_mark(j + 1));
        if (j + 1) as isize <= state.lastmark && a >= 0 && b >= 0 {
            if a > b {
                return Err(system_error(
                    "The span of capturing group is wrong, please report a bug for the re module.",
                ));
            }
            mark[j + 2] = a;
            mark[j + 3] = b;
        }
    }
    // SAFETY: `Match_Type` is ready and `MatchObject` is its layout.
    let m = unsafe {
        alloc_object(
            &Match_Type,
            MatchObject {
                ob_base: PyObject_HEAD_INIT,
                string: PyCell::new(Some(string.to_owned())),
                regs: PyCell::new(None),
                pattern: PyCell::new(Some(pattern.to_owned())),
                pos: state.pos as isize,
                endpos: state.endpos as isize,
                lastindex: state.lastindex,
                groups: groups as isize,
                mark,
            },
        )
    };
    Ok(m.into_object())
}

/// The `(string, pos=0, endpos=sys.maxsize)` arguments of `match` and friends.
fn string_pos_endpos(
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<(PyObjectRef, isize, isize)> {
    let a = unpack_keywords(
        &ArgSpec {
            fname,
            names: &["string", "pos", "endpos"],
            posonly: 0,
            maxpos: 3,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let string = a[0].clone().unwrap_or_else(none);
    let pos = match &a[1] {
        Some(p) => ssize_arg(p)?,
        None => 0,
    };
    let endpos = match &a[2] {
        Some(p) => ssize_arg(p)?,
        None => isize::MAX,
    };
    Ok((string, pos, endpos))
}

/// Argument Clinic's `Py_ssize_t` converter.
fn ssize_arg(o: &PyObject) -> PyResult<isize> {
    let v = PyNumber_Index(o)?;
    PyNumber_AsSsize_t(&v, Some(&objects::exceptions::PyExc_OverflowError))
}

/// `Pattern.match(string, pos=0, endpos=sys.maxsize)`.
fn pattern_match(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos("match", args, kwnames)?;
    let p = as_pattern(obj);
    let (subject, mut state) = state_init(p, &string, pos, endpos)?;
    state.ptr = state.start;
    let status = state
        .do_match(subject.view(), &p.code, true)
        .map_err(pattern_error)?;
    pattern_new_match(obj, &state, &string, status)
}

/// `Pattern.fullmatch(string, pos=0, endpos=sys.maxsize)`.
fn pattern_fullmatch(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos("fullmatch", args, kwnames)?;
    let p = as_pattern(obj);
    let (subject, mut state) = state_init(p, &string, pos, endpos)?;
    state.ptr = state.start;
    state.match_all = true;
    let status = state
        .do_match(subject.view(), &p.code, true)
        .map_err(pattern_error)?;
    pattern_new_match(obj, &state, &string, status)
}

/// `Pattern.search(string, pos=0, endpos=sys.maxsize)`.
fn pattern_search(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos("search", args, kwnames)?;
    let p = as_pattern(obj);
    let (subject, mut state) = state_init(p, &string, pos, endpos)?;
    let status = state
        .do_search(subject.view(), &p.code)
        .map_err(pattern_error)?;
    pattern_new_match(obj, &state, &string, status)
}

/// `state_getslice`: group `index` of the current match (`empty`: `""` instead of
/// `None` when it did not participate).
fn state_getslice(
    state: &SreState,
    subject: &Subject,
    string: &PyObject,
    index: usize,
    empty: bool,
) -> PyResult {
    let j = (index - 1) * 2;
    let (a, b) = (state.get_mark(j), state.get_mark(j + 1));
    if j as isize >= state.lastmark || a < 0 || b < 0 {
        if empty {
            return Ok(getslice(subject, string, 0, 0));
        }
        return Ok(none());
    }
    if a > b {
        return Err(system_error(
            "The span of capturing group is wrong, please report a bug for the re module.",
        ));
    }
    Ok(getslice(subject, string, a as usize, b as usize))
}

/// `Pattern.findall(string, pos=0, endpos=sys.maxsize)`.
fn pattern_findall(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos("findall", args, kwnames)?;
    let p = as_pattern(obj);
    let (subject, mut state) = state_init(p, &string, pos, endpos)?;
    let list = PyList_New(Vec::new());
    while state.start <= state.end {
        state.reset();
        state.ptr = state.start;
        if !state
            .do_search(subject.view(), &p.code)
            .map_err(pattern_error)?
        {
            break;
        }
        let item = match p.groups {
            0 => getslice(&subject, &string, state.start, state.ptr),
            1 => state_getslice(&state, &subject, &string, 1, true)?,
            n => {
                let mut items = Vec::with_capacity(n as usize);
                for i in 0..n as usize {
                    items.push(state_getslice(&state, &subject, &string, i + 1, true)?);
                }
                PyTuple_New(items).into_object()
            }
        };
        PyList_Append(&list, item)?;
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
    }
    Ok(list.into_object())
}

/// `Pattern.scanner(string, pos=0, endpos=sys.maxsize)`.
fn pattern_scanner(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos("scanner", args, kwnames)?;
    new_scanner(obj, &string, pos, endpos)
}

fn new_scanner(obj: &PyObject, string: &PyObject, pos: isize, endpos: isize) -> PyResult {
    let (subject, state) = state_init(as_pattern(obj), string, pos, endpos)?;
    // SAFETY: `Scanner_Type` is ready and `ScannerObject` is its layout.
    let s = unsafe {
        alloc_object(
            &Scanner_Type,
            ScannerObject {
                ob_base: PyObject_HEAD_INIT,
                pattern: obj.to_owned(),
                string: string.to_owned(),
                scan: PyCell::new(Some(ScanState { subject, state })),
                executing: Cell::new(false),
            },
        )
    };
    Ok(s.into_object())
}

/// `Pattern.finditer(string, pos=0, endpos=sys.maxsize)`: an iterator calling the
/// scanner's `search` until it returns `None`.
fn pattern_finditer(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos("finditer", args, kwnames)?;
    let scanner = new_scanner(obj, &string, pos, endpos)?;
    let search = objects::object::PyObject_GetAttrString(&scanner, "search")?;
    Ok(objects::iterobject::PyCallIter_New(search, none()))
}

/// `Pattern.split(string, maxsplit=0)`.
fn pattern_split(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "split",
            names: &["string", "maxsplit"],
            posonly: 0,
            maxpos: 2,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let string = a[0].clone().unwrap_or_else(none);
    let maxsplit = match &a[1] {
        Some(m) => ssize_arg(m)?,
        None => 0,
    };
    let p = as_pattern(obj);
    let (subject, mut state) = state_init(p, &string, 0, isize::MAX)?;
    let list = PyList_New(Vec::new());
    let mut n = 0isize;
    let mut last = state.start;
    while maxsplit == 0 || n < maxsplit {
        state.reset();
        state.ptr = state.start;
        if !state
            .do_search(subject.view(), &p.code)
            .map_err(pattern_error)?
        {
            break;
        }
        // The segment before this match.
        PyList_Append(&list, getslice(&subject, &string, last, state.start))?;
        // Then the groups, if any.
        for i in 0..p.groups as usize {
            PyList_Append(
                &list,
                state_getslice(&state, &subject, &string, i + 1, false)?,
            )?;
        }
        n += 1;
        state.must_advance = state.ptr == state.start;
        last = state.ptr;
        state.start = state.ptr;
    }
    // The segment after the last match (even if empty).
    PyList_Append(&list, getslice(&subject, &string, last, state.endpos))?;
    Ok(list.into_object())
}

/// `call`: `module.function(*args)`.
fn call(module: &str, function: &str, args: &[PyObjectRef]) -> PyResult {
    let m = python::import::PyImport_ImportModule(module)?;
    let f = objects::object::PyObject_GetAttrString(&m, function)?;
    objects::call::PyObject_Vectorcall(&f, args, None)
}

fn is_callable(o: &PyObject) -> bool {
    o.ob_type().tp_call.get().is_some()
}

/// `pattern_subx`: the work of `sub` and `subn`.
fn pattern_subx(
    obj: &PyObject,
    ptemplate: &PyObject,
    string: &PyObject,
    count: isize,
    subn: bool,
) -> PyResult {
    let p = as_pattern(obj);
    let (filter, filter_is_callable) = if is_callable(ptemplate) {
        (ptemplate.to_owned(), true)
    } else {
        // A template without backslashes is used as it is.
        let literal = match Subject::get(ptemplate) {
            Ok(t) => match t.view() {
                SreStr::U8(b) => !b.contains(&b'\\'),
                SreStr::U16(b) => !b.contains(&(b'\\' as u16)),
                SreStr::U32(b) => !b.contains(&(b'\\' as u32)),
            },
            Err(_) => false,
        };
        if literal {
            (ptemplate.to_owned(), false)
        } else {
            // Hand it to the template compiler in Lib/re.
            let f = call("re", "_subx", &[obj.to_owned(), ptemplate.to_owned()])?;
            let c = is_callable(&f);
            (f, c)
        }
    };
    let (subject, mut state) = state_init(p, string, 0, isize::MAX)?;
    let list = PyList_New(Vec::new());
    let mut n = 0isize;
    let mut i = 0usize;
    while count == 0 || n < count {
        state.reset();
        state.ptr = state.start;
        if !state
            .do_search(subject.view(), &p.code)
            .map_err(pattern_error)?
        {
            break;
        }
        let (b, e) = (state.start, state.ptr);
        if i < b {
            // The segment before this match.
            PyList_Append(&list, getslice(&subject, string, i, b))?;
        }
        let item = if filter_is_callable {
            let m = pattern_new_match(obj, &state, string, true)?;
            objects::call::PyObject_CallOneArg(&filter, &m)?
        } else {
            filter.clone()
        };
        if !item.is(Py_None()) {
            PyList_Append(&list, item)?;
        }
        i = e;
        n += 1;
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
    }
    if i < state.endpos {
        PyList_Append(&list, getslice(&subject, string, i, state.endpos))?;
    }
    let joiner = getslice(&subject, string, 0, 0);
    let item = if list.is_empty() {
        joiner
    } else if subject.isbytes() {
        objects::bytesobject::_Py_bytes_join(
            &objects::bytesobject::BYTES_KIND,
            &joiner,
            list.as_object(),
        )?
    } else {
        objects::unicodeobject::PyUnicode_Join(&joiner, list.as_object())?
    };
    if subn {
        return Ok(PyTuple_New(vec![item, PyLong_FromSsize_t(n)]).into_object());
    }
    Ok(item)
}

fn sub_args(
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<(PyObjectRef, PyObjectRef, isize)> {
    let a = unpack_keywords(
        &ArgSpec {
            fname,
            names: &["repl", "string", "count"],
            posonly: 0,
            maxpos: 3,
            minpos: 2,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let count = match &a[2] {
        Some(c) => ssize_arg(c)?,
        None => 0,
    };
    Ok((
        a[0].clone().unwrap_or_else(none),
        a[1].clone().unwrap_or_else(none),
        count,
    ))
}

/// `Pattern.sub(repl, string, count=0)`.
fn pattern_sub(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let (repl, string, count) = sub_args("sub", args, kwnames)?;
    pattern_subx(obj, &repl, &string, count, false)
}

/// `Pattern.subn(repl, string, count=0)`.
fn pattern_subn(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let (repl, string, count) = sub_args("subn", args, kwnames)?;
    pattern_subx(obj, &repl, &string, count, true)
}

fn pattern_copy(obj: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

fn pattern_deepcopy(obj: &PyObject, _memo: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

/// The flag names `repr()` shows, in CPython's order.
static FLAG_NAMES: [(&str, u32); 9] = [
    ("re.TEMPLATE", SRE_FLAG_TEMPLATE),
    ("re.IGNORECASE", SRE_FLAG_IGNORECASE),
    ("re.LOCALE", SRE_FLAG_LOCALE),
    ("re.MULTILINE", SRE_FLAG_MULTILINE),
    ("re.DOTALL", SRE_FLAG_DOTALL),
    ("re.UNICODE", SRE_FLAG_UNICODE),
    ("re.VERBOSE", SRE_FLAG_VERBOSE),
    ("re.DEBUG", SRE_FLAG_DEBUG),
    ("re.ASCII", SRE_FLAG_ASCII),
];

/// The repr of `obj`, cut to `n` characters (`%.<n>R`).
fn repr_truncated(obj: &PyObject, n: usize) -> PyResult<String> {
    let r = PyObject_Repr(obj)?;
    let s = objects::unicodeobject::as_str_lossy(&r);
    Ok(s.chars().take(n).collect())
}

/// `pattern_repr`: `re.compile('...', re.IGNORECASE|...)`.
fn pattern_repr(obj: &PyObject) -> PyResult {
    let p = as_pattern(obj);
    let mut flags = p.flags as u32;
    // Omit re.UNICODE for valid string patterns.
    if !p.isbytes
        && flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII) == SRE_FLAG_UNICODE
    {
        flags &= !SRE_FLAG_UNICODE;
    }
    let pat = repr_truncated(&p.pattern(), 200)?;
    if flags == 0 {
        return Ok(PyUnicode_FromString(&format!("re.compile({pat})")));
    }
    let mut names: Vec<String> = Vec::new();
    for (name, value) in FLAG_NAMES {
        if flags & value != 0 {
            names.push(name.to_string());
            flags &= !value;
        }
    }
    if flags != 0 {
        names.push(format!("0x{flags:x}"));
    }
    Ok(PyUnicode_FromString(&format!(
        "re.compile({pat}, {})",
        names.join("|")
    )))
}

/// `pattern_richcompare`: patterns are equal when their flags, code and source are.
fn pattern_richcompare(left: &PyObject, right: &PyObject, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne)
        || right.downcast_ref::<PatternObject>().is_none()
    {
        return Ok(not_implemented());
    }
    let (l, r) = (as_pattern(left), as_pattern(right));
    let mut cmp = left.is(right)
        || (l.flags == r.flags
            && l.isbytes == r.isbytes
            && l.code == r.code
            && PyObject_RichCompareBool(&l.pattern(), &r.pattern(), CompareOp::Eq)?);
    if op == CompareOp::Ne {
        cmp = !cmp;
    }
    Ok(objects::boolobject::PyBool_FromLong(cmp))
}

/// `pattern_hash`.
fn pattern_hash(obj: &PyObject) -> PyResult<Py_hash_t> {
    let p = as_pattern(obj);
    let mut hash = objects::object::PyObject_Hash(&p.pattern())?;
    let bytes: Vec<u8> = p.code.iter().flat_map(|c| c.to_ne_bytes()).collect();
    hash ^= objects::pyhash::_Py_HashBytes(&bytes);
    hash ^= p.flags as Py_hash_t;
    hash ^= p.isbytes as Py_hash_t;
    hash ^= p.code.len() as Py_hash_t;
    if hash == -1 {
        hash = -2;
    }
    Ok(hash)
}

/// `Pattern.groupindex`: a read-only view of the name-to-number mapping.
fn pattern_get_groupindex(obj: &PyObject) -> PyResult {
    match &as_pattern(obj).groupindex {
        Some(g) => Ok(objects::descrobject::PyDictProxy_New(g.clone())),
        None => Ok(objects::descrobject::PyDictProxy_New(
            PyDict_New().into_object(),
        )),
    }
}

fn pattern_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let p = as_pattern(obj);
    if let Some(g) = &p.groupindex {
        visit(g);
    }
    if let Some(g) = &p.indexgroup {
        visit(g);
    }
    // SAFETY: traversal runs no Python code.
    if let Some(o) = unsafe { p.pattern.get_ref() } {
        visit(o);
    }
}

/// `pattern_dealloc`.
unsafe fn pattern_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead pattern.
    unsafe {
        include::gc::gc_untrack(op);
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<PatternObject>(op)
    }
}

static PATTERN_METHODS: [PyMethodDef; 12] = [
    PyMethodDef::new(
        "match",
        PyCFunction::FastKw(pattern_match),
        "match($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\nMatches zero or more characters at the beginning of the string.",
    ),
    PyMethodDef::new(
        "fullmatch",
        PyCFunction::FastKw(pattern_fullmatch),
        "fullmatch($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\nMatches against all of the string.",
    ),
    PyMethodDef::new(
        "search",
        PyCFunction::FastKw(pattern_search),
        "search($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\nScan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches.",
    ),
    PyMethodDef::new(
        "sub",
        PyCFunction::FastKw(pattern_sub),
        "sub($self, /, repl, string, count=0)\n--\n\nReturn the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl.",
    ),
    PyMethodDef::new(
        "subn",
        PyCFunction::FastKw(pattern_subn),
        "subn($self, /, repl, string, count=0)\n--\n\nReturn the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl.",
    ),
    PyMethodDef::new(
        "findall",
        PyCFunction::FastKw(pattern_findall),
        "findall($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\nReturn a list of all non-overlapping matches of pattern in string.",
    ),
    PyMethodDef::new(
        "split",
        PyCFunction::FastKw(pattern_split),
        "split($self, /, string, maxsplit=0)\n--\n\nSplit string by the occurrences of pattern.",
    ),
    PyMethodDef::new(
        "finditer",
        PyCFunction::FastKw(pattern_finditer),
        "finditer($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\nReturn an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object.",
    ),
    PyMethodDef::new(
        "scanner",
        PyCFunction::FastKw(pattern_scanner),
        "scanner($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\n",
    ),
    PyMethodDef::new("__copy__", PyCFunction::NoArgs(pattern_copy), "__copy__($self, /)\n--\n\n"),
    PyMethodDef::new(
        "__deepcopy__",
        PyCFunction::O(pattern_deepcopy),
        "__deepcopy__($self, memo, /)\n--\n\n",
    ),
    objects::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
];

static PATTERN_GETSET: [PyGetSetDef; 1] = [PyGetSetDef {
    name: "groupindex",
    get: Some(pattern_get_groupindex),
    set: None,
    doc: Some("A dictionary mapping group names to group numbers."),
}];

static PATTERN_MEMBERS: [PyMemberDef; 3] = [
    member(
        "pattern",
        MemberType::Object,
        offset_of!(PatternObject, pattern),
        "The pattern string from which the RE object was compiled.",
    ),
    member(
        "flags",
        MemberType::PySsizeT,
        offset_of!(PatternObject, flags),
        "The regex matching flags.",
    ),
    member(
        "groups",
        MemberType::PySsizeT,
        offset_of!(PatternObject, groups),
        "The number of capturing groups in the pattern.",
    ),
];

/// A read-only member with a docstring.
const fn member(
    name: &'static str,
    t: MemberType,
    offset: usize,
    doc: &'static str,
) -> PyMemberDef {
    let mut m = PyMemberDef::new(name, t, offset, READONLY);
    m.doc = Some(doc);
    m
}

/// `re.Pattern`.
pub static Pattern_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "re.Pattern",
    tp_basicsize: Cell::new(size_of::<PatternObject>()),
    tp_dealloc: slot(pattern_dealloc),
    tp_repr: slot(pattern_repr),
    tp_hash: slot(pattern_hash),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT
            | Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_IMMUTABLETYPE
            | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_doc: Some("Compiled regular expression object."),
    tp_traverse: slot(pattern_traverse),
    tp_richcompare: slot(pattern_richcompare),
    tp_weaklistoffset: Cell::new(offset_of!(PatternObject, weakreflist)),
    tp_methods: &PATTERN_METHODS,
    tp_members: &PATTERN_MEMBERS,
    tp_getset: &PATTERN_GETSET,
    ..PyTypeObject::DEFAULT
};

// --- Match ------------------------------------------------------------------------------

/// `MatchObject`: the result of a successful match.
#[repr(C)]
pub struct MatchObject {
    pub ob_base: PyObject,
    /// The subject searched (a member, so always set).
    string: PyCell<Option<PyObjectRef>>,
    /// `regs`, made on first use.
    regs: PyCell<Option<PyObjectRef>>,
    /// The `re.Pattern` that matched (a member, so always set).
    pattern: PyCell<Option<PyObjectRef>>,
    pos: isize,
    endpos: isize,
    lastindex: isize,
    /// Number of groups, counting group 0.
    groups: isize,
    /// Start and end of each group, -1 when the group did not participate.
    mark: Vec<isize>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for MatchObject {}

impl PyTypeInfo for MatchObject {
    fn type_object() -> &'static PyTypeObject {
        &Match_Type
    }
}

fn as_match(obj: &PyObject) -> &MatchObject {
    // SAFETY: the slots and methods of `re.Match` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const MatchObject) }
}

impl MatchObject {
    fn string(&self) -> PyObjectRef {
        self.string.get().unwrap_or_else(none)
    }

    fn pattern(&self) -> PyObjectRef {
        self.pattern.get().unwrap_or_else(none)
    }

    /// `match_getslice_by_index`.
    fn getslice_by_index(&self, index: usize, def: &PyObject) -> PyResult {
        let (a, b) = (self.mark[2 * index], self.mark[2 * index + 1]);
        if a < 0 || b < 0 {
            return Ok(def.to_owned());
        }
        let string = self.string();
        let subject = Subject::get(&string)?;
        let length = subject.len();
        let i = (a as usize).min(length);
        let j = (b as usize).min(length);
        Ok(getslice(&subject, &string, i, j))
    }

    /// `match_getindex`: a group number from a number or a name.
    fn getindex(&self, index: &PyObject) -> PyResult<usize> {
        let i = if PyIndex_Check(index) {
            PyNumber_AsSsize_t(index, None)?
        } else {
            let mut i = -1;
            let pattern = self.pattern();
            let p = as_pattern(&pattern);
            if let Some(gi) = &p.groupindex {
                if let Some(d) = gi.downcast_ref::<PyDictObject>() {
                    if let Some(v) = PyDict_GetItemWithError(d, index)? {
                        if v.downcast_ref::<PyLongObject>().is_some() {
                            i = PyLong_AsSsize_t(&v)?;
                        }
                    }
                }
            }
            i
        };
        if i < 0 || i >= self.groups {
            return Err(index_error("no such group"));
        }
        Ok(i as usize)
    }

    fn getslice(&self, index: &PyObject, def: &PyObject) -> PyResult {
        let i = self.getindex(index)?;
        self.getslice_by_index(i, def)
    }
}

/// `Match.group([group1, ...])`.
fn match_group(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let m = as_match(obj);
    match args.len() {
        0 => m.getslice_by_index(0, Py_None()),
        1 => m.getslice(&args[0], Py_None()),
        _ => {
            let mut items = Vec::with_capacity(args.len());
            for a in args {
                items.push(m.getslice(a, Py_None())?);
            }
            Ok(PyTuple_New(items).into_object())
        }
    }
}

/// `Match.__getitem__(group)`.
fn match_getitem(obj: &PyObject, name: &PyObject) -> PyResult {
    as_match(obj).getslice(name, Py_None())
}

fn default_arg(
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<PyObjectRef> {
    let a = unpack_keywords(
        &ArgSpec {
            fname,
            names: &["default"],
            posonly: 0,
            maxpos: 1,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    Ok(a[0].clone().unwrap_or_else(none))
}

/// `Match.groups(default=None)`.
fn match_groups(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let def = default_arg("groups", args, kwnames)?;
    let m = as_match(obj);
    let mut items = Vec::new();
    for i in 1..m.groups as usize {
        items.push(m.getslice_by_index(i, &def)?);
    }
    Ok(PyTuple_New(items).into_object())
}

/// `Match.groupdict(default=None)`.
fn match_groupdict(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let def = default_arg("groupdict", args, kwnames)?;
    let m = as_match(obj);
    let result = PyDict_New();
    let pattern = m.pattern();
    let p = as_pattern(&pattern);
    if let Some(gi) = p
        .groupindex
        .as_ref()
        .and_then(|g| g.downcast_ref::<PyDictObject>())
    {
        let mut pos = 0;
        while let Some((key, _)) = PyDict_Next(gi, &mut pos) {
            let value = m.getslice(&key, &def)?;
            objects::dictobject::PyDict_SetItem(&result, &key, &value)?;
        }
    }
    Ok(result.into_object())
}

/// The optional positional `group` argument of `start`, `end` and `span`.
fn group_arg(fname: &str, m: &MatchObject, args: &[PyObjectRef]) -> PyResult<usize> {
    objects::getargs::check_positional(fname, args.len(), 0, 1)?;
    match args.first() {
        Some(g) => m.getindex(g),
        None => Ok(0),
    }
}

/// `Match.start(group=0, /)`.
fn match_start(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let m = as_match(obj);
    let i = group_arg("start", m, args)?;
    Ok(PyLong_FromSsize_t(m.mark[2 * i]))
}

/// `Match.end(group=0, /)`.
fn match_end(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let m = as_match(obj);
    let i = group_arg("end", m, args)?;
    Ok(PyLong_FromSsize_t(m.mark[2 * i + 1]))
}

fn span_tuple(a: isize, b: isize) -> PyObjectRef {
    PyTuple_New(vec![PyLong_FromSsize_t(a), PyLong_FromSsize_t(b)]).into_object()
}

/// `Match.span(group=0, /)`.
fn match_span(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let m = as_match(obj);
    let i = group_arg("span", m, args)?;
    Ok(span_tuple(m.mark[2 * i], m.mark[2 * i + 1]))
}

/// `Match.expand(template)`: `re._expand(pattern, match, template)`.
fn match_expand(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "expand",
            names: &["template"],
            posonly: 0,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let template = a[0].clone().unwrap_or_else(none);
    let m = as_match(obj);
    call("re", "_expand", &[m.pattern(), obj.to_owned(), template])
}

fn match_copy(obj: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

fn match_deepcopy(obj: &PyObject, _memo: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

fn match_get_lastindex(obj: &PyObject) -> PyResult {
    let m = as_match(obj);
    if m.lastindex >= 0 {
        return Ok(PyLong_FromSsize_t(m.lastindex));
    }
    Ok(none())
}

fn match_get_lastgroup(obj: &PyObject) -> PyResult {
    let m = as_match(obj);
    let pattern = m.pattern();
    let p = as_pattern(&pattern);
    if let (Some(ig), true) = (&p.indexgroup, m.lastindex >= 0) {
        if let Some(t) = ig.downcast_ref::<PyTupleObject>() {
            if let Some(v) = t.as_slice().get(m.lastindex as usize) {
                return Ok(v.clone());
            }
        }
    }
    Ok(none())
}

fn match_get_regs(obj: &PyObject) -> PyResult {
    let m = as_match(obj);
    if let Some(r) = m.regs.get() {
        return Ok(r);
    }
    let items = (0..m.groups as usize)
        .map(|i| span_tuple(m.mark[2 * i], m.mark[2 * i + 1]))
        .collect();
    let regs = PyTuple_New(items).into_object();
    m.regs.set(Some(regs.clone()));
    Ok(regs)
}

/// `match_repr`: `<re.Match object; span=(0, 3), match='abc'>`.
fn match_repr(obj: &PyObject) -> PyResult {
    let m = as_match(obj);
    let group0 = m.getslice_by_index(0, Py_None())?;
    let r = repr_truncated(&group0, 50)?;
    Ok(PyUnicode_FromString(&format!(
        "<re.Match object; span=({}, {}), match={r}>",
        m.mark[0], m.mark[1]
    )))
}

fn match_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let m = as_match(obj);
    // SAFETY: traversal runs no Python code.
    unsafe {
        if let Some(o) = m.string.get_ref() {
            visit(o);
        }
        if let Some(o) = m.pattern.get_ref() {
            visit(o);
        }
    }
    // SAFETY: traversal runs no Python code.
    if let Some(r) = unsafe { m.regs.get_ref() } {
        visit(r);
    }
}

fn match_clear(obj: &PyObject) {
    as_match(obj).regs.set(None);
}

unsafe fn match_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead match object.
    unsafe { dealloc_object::<MatchObject>(op) }
}

static MATCH_METHODS: [PyMethodDef; 11] = [
    PyMethodDef::new(
        "group",
        PyCFunction::Fast(match_group),
        "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match.",
    ),
    PyMethodDef::new(
        "start",
        PyCFunction::Fast(match_start),
        "start($self, group=0, /)\n--\n\nReturn index of the start of the substring matched by group.",
    ),
    PyMethodDef::new(
        "end",
        PyCFunction::Fast(match_end),
        "end($self, group=0, /)\n--\n\nReturn index of the end of the substring matched by group.",
    ),
    PyMethodDef::new(
        "span",
        PyCFunction::Fast(match_span),
        "span($self, group=0, /)\n--\n\nFor match object m, return the 2-tuple (m.start(group), m.end(group)).",
    ),
    PyMethodDef::new(
        "groups",
        PyCFunction::FastKw(match_groups),
        "groups($self, /, default=None)\n--\n\nReturn a tuple containing all the subgroups of the match, from 1.\n\n  default\n    Is used for groups that did not participate in the match.",
    ),
    PyMethodDef::new(
        "groupdict",
        PyCFunction::FastKw(match_groupdict),
        "groupdict($self, /, default=None)\n--\n\nReturn a dictionary containing all the named subgroups of the match, keyed by the subgroup name.\n\n  default\n    Is used for groups that did not participate in the match.",
    ),
    PyMethodDef::new(
        "expand",
        PyCFunction::FastKw(match_expand),
        "expand($self, /, template)\n--\n\nReturn the string obtained by doing backslash substitution on the string template, as done by the sub() method.",
    ),
    PyMethodDef::new("__copy__", PyCFunction::NoArgs(match_copy), "__copy__($self, /)\n--\n\n"),
    PyMethodDef::new(
        "__deepcopy__",
        PyCFunction::O(match_deepcopy),
        "__deepcopy__($self, memo, /)\n--\n\n",
    ),
    objects::genericaliasobject::GENERIC_ALIAS_CLASS_GETITEM,
    PyMethodDef::new("__getitem__", PyCFunction::O(match_getitem), "Return self[key]."),
];

static MATCH_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef {
        name: "lastindex",
        get: Some(match_get_lastindex),
        set: None,
        doc: Some("The integer index of the last matched capturing group."),
    },
    PyGetSetDef {
        name: "lastgroup",
        get: Some(match_get_lastgroup),
        set: None,
        doc: Some("The name of the last matched capturing group."),
    },
    PyGetSetDef::getter("regs", match_get_regs),
];

static MATCH_MEMBERS: [PyMemberDef; 4] = [
    member(
        "string",
        MemberType::Object,
        offset_of!(MatchObject, string),
        "The string passed to match() or search().",
    ),
    member(
        "re",
        MemberType::Object,
        offset_of!(MatchObject, pattern),
        "The regular expression object.",
    ),
    member(
        "pos",
        MemberType::PySsizeT,
        offset_of!(MatchObject, pos),
        "The index into the string at which the RE engine started looking for a match.",
    ),
    member(
        "endpos",
        MemberType::PySsizeT,
        offset_of!(MatchObject, endpos),
        "The index into the string beyond which the RE engine will not go.",
    ),
];

/// `re.Match`.
pub static Match_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "re.Match",
    tp_basicsize: Cell::new(size_of::<MatchObject>()),
    tp_dealloc: slot(match_dealloc),
    tp_repr: slot(match_repr),
    tp_as_mapping: PyMappingMethods {
        mp_length: no_slot(),
        mp_subscript: slot(match_getitem),
        mp_ass_subscript: no_slot(),
    },
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT
            | Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_IMMUTABLETYPE
            | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_doc: Some("The result of re.match() and re.search().\nMatch objects always have a boolean value of True."),
    tp_traverse: slot(match_traverse),
    tp_clear: slot(match_clear),
    tp_methods: &MATCH_METHODS,
    tp_members: &MATCH_MEMBERS,
    tp_getset: &MATCH_GETSET,
    ..PyTypeObject::DEFAULT
};

// --- Scanner ----------------------------------------------------------------------------

/// The subject and state of a scanner; `None` once it is exhausted (CPython sets
/// `state->start` to `NULL`).
struct ScanState {
    subject: Subject,
    state: SreState,
}

/// `ScannerObject`: steps through the matches of a pattern in a string.
#[repr(C)]
pub struct ScannerObject {
    pub ob_base: PyObject,
    pattern: PyObjectRef,
    string: PyObjectRef,
    scan: PyCell<Option<ScanState>>,
    executing: Cell<bool>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for ScannerObject {}

fn as_scanner(obj: &PyObject) -> &ScannerObject {
    // SAFETY: the methods of `SRE_Scanner` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const ScannerObject) }
}

/// `scanner_match` and `scanner_search`.
fn scanner_step(obj: &PyObject, search: bool) -> PyResult {
    let sc = as_scanner(obj);
    if sc.executing.get() {
        return Err(value_error("regular expression scanner already executing"));
    }
    // Take the state out while the engine runs (it runs no Python code, but the
    // state must not stay borrowed across `pattern_new_match`).
    let Some(mut scan) = sc.scan.take() else {
        return Ok(none());
    };
    let p = as_pattern(&sc.pattern);
    sc.executing.set(true);
    scan.state.reset();
    scan.state.ptr = scan.state.start;
    let status = if search {
        scan.state.do_search(scan.subject.view(), &p.code)
    } else {
        scan.state.do_match(scan.subject.view(), &p.code, true)
    };
    sc.executing.set(false);
    let status = match status {
        Ok(s) => s,
        Err(e) => {
            sc.scan.set(Some(scan));
            return Err(pattern_error(e));
        }
    };
    let m = pattern_new_match(&sc.pattern, &scan.state, &sc.string, status)?;
    if status {
        scan.state.must_advance = scan.state.ptr == scan.state.start;
        scan.state.start = scan.state.ptr;
        sc.scan.set(Some(scan));
    }
    Ok(m)
}

/// The argument check of the scanner's methods, which take nothing: Argument
/// Clinic's code for a `defining_class` method without parameters refuses
/// positional arguments and (in 3.11) ignores keyword ones.
fn no_arguments(fname: &str, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let nkw = kwnames.map_or(0, |k| {
        k.downcast_ref::<PyTupleObject>().map_or(0, |t| t.len())
    });
    if args.len() > nkw {
        return Err(type_error(format!("{fname}() takes no arguments")));
    }
    Ok(())
}

/// `SRE_Scanner.match()`.
fn scanner_match(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    no_arguments("match", args, kwnames)?;
    scanner_step(obj, false)
}

/// `SRE_Scanner.search()`.
fn scanner_search(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    no_arguments("search", args, kwnames)?;
    scanner_step(obj, true)
}

fn scanner_get_pattern(obj: &PyObject) -> PyResult {
    Ok(as_scanner(obj).pattern.clone())
}

fn scanner_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let sc = as_scanner(obj);
    visit(&sc.pattern);
    visit(&sc.string);
}

unsafe fn scanner_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead scanner.
    unsafe { dealloc_object::<ScannerObject>(op) }
}

static SCANNER_METHODS: [PyMethodDef; 2] = [
    PyMethodDef::new(
        "match",
        PyCFunction::FastKw(scanner_match),
        "match($self, /)\n--\n\n",
    ),
    PyMethodDef::new(
        "search",
        PyCFunction::FastKw(scanner_search),
        "search($self, /)\n--\n\n",
    ),
];

static SCANNER_GETSET: [PyGetSetDef; 1] = [PyGetSetDef::getter("pattern", scanner_get_pattern)];

/// `_sre.SRE_Scanner`.
pub static Scanner_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_sre.SRE_Scanner",
    tp_basicsize: Cell::new(size_of::<ScannerObject>()),
    tp_dealloc: slot(scanner_dealloc),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT
            | Py_TPFLAGS_HAVE_GC
            | Py_TPFLAGS_IMMUTABLETYPE
            | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_traverse: slot(scanner_traverse),
    tp_methods: &SCANNER_METHODS,
    tp_getset: &SCANNER_GETSET,
    ..PyTypeObject::DEFAULT
};

// --- Module functions -------------------------------------------------------------------

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn _sre_compile(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "compile",
            names: &[
                "pattern",
                "flags",
                "code",
                "groups",
                "groupindex",
                "indexgroup",
            ],
            posonly: 0,
            maxpos: 6,
            minpos: 6,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let arg = |i: usize| a[i].clone().unwrap_or_else(none);
    let pattern = arg(0);
    let flags = objects::longobject::PyLong_AsLong(&*PyNumber_Index(&arg(1))?)
        .map_err(|_| overflow_error("Python int too large to convert to C int"))?;
    let code_obj = arg(2);
    let Some(code_list) = code_obj.downcast_ref::<PyListObject>() else {
        return Err(type_error(format!(
            "compile() argument 'code' must be list, not {}",
            code_obj.ob_type().name()
        )));
    };
    let groups = ssize_arg(&arg(3))?;
    let groupindex = arg(4);
    let Some(gi) = groupindex.downcast_ref::<PyDictObject>() else {
        return Err(type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            groupindex.ob_type().name()
        )));
    };
    let indexgroup = arg(5);
    let Some(ig) = indexgroup.downcast_ref::<PyTupleObject>() else {
        return Err(type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            indexgroup.ob_type().name()
        )));
    };
    let items = code_list.to_vec();
    let mut code = Vec::with_capacity(items.len());
    for item in &items {
        code.push(code_word(item)?);
    }
    if !validate::_validate(&code, groups) {
        return Err(runtime_error("invalid SRE code"));
    }
    let isbytes = if pattern.is(Py_None()) {
        false
    } else {
        match Subject::get(&pattern) {
            Ok(s) => s.isbytes(),
            Err(e) => return Err(e),
        }
    };
    let named = objects::dictobject::PyDict_Size(gi) > 0;
    // SAFETY: `Pattern_Type` is ready and `PatternObject` is its layout.
    let p = unsafe {
        alloc_object(
            &Pattern_Type,
            PatternObject {
                ob_base: PyObject_HEAD_INIT,
                groups,
                groupindex: named.then(|| groupindex.clone()),
                indexgroup: (named && !ig.is_empty()).then(|| indexgroup.clone()),
                pattern: PyCell::new(Some(pattern)),
                flags: flags as isize,
                isbytes,
                weakreflist: PyCell::new(None),
                code,
            },
        )
    };
    Ok(p.into_object())
}

/// One word of the code list: `PyLong_AsUnsignedLong`, then the check that it fits
/// in a code word.
fn code_word(item: &PyObject) -> PyResult<u32> {
    if item.downcast_ref::<PyLongObject>().is_none() {
        return Err(type_error("an integer is required"));
    }
    let v = objects::longobject::long_to_bigint(item);
    if v.sign() == num_bigint::Sign::Minus {
        return Err(overflow_error(
            "can't convert negative value to unsigned int",
        ));
    }
    match u64::try_from(&v) {
        Err(_) => Err(overflow_error(
            "Python int too large to convert to C unsigned long",
        )),
        Ok(w) => u32::try_from(w)
            .map_err(|_| overflow_error("regular expression code size limit exceeded")),
    }
}

/// `_sre.getcodesize()`: bytes per code word.
fn _sre_getcodesize(_m: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(4))
}

fn char_arg(fname: &str, o: &PyObject) -> PyResult<u32> {
    let _ = fname;
    let v = PyNumber_Index(o)?;
    let n = objects::longobject::PyLong_AsLong(&v)
        .map_err(|_| overflow_error("Python int too large to convert to C int"))?;
    i32::try_from(n).map_err(|_| overflow_error("Python int too large to convert to C int"))?;
    Ok(n as u32)
}

fn _sre_ascii_iscased(_m: &PyObject, c: &PyObject) -> PyResult {
    let ch = char_arg("ascii_iscased", c)?;
    Ok(objects::boolobject::PyBool_FromLong(
        ch < 128 && (ch as u8).is_ascii_alphabetic(),
    ))
}

fn _sre_unicode_iscased(_m: &PyObject, c: &PyObject) -> PyResult {
    let ch = char_arg("unicode_iscased", c)?;
    Ok(objects::boolobject::PyBool_FromLong(
        ch != sre_lib::sre_lower_unicode(ch) || ch != sre_lib::sre_upper_unicode(ch),
    ))
}

fn _sre_ascii_tolower(_m: &PyObject, c: &PyObject) -> PyResult {
    let ch = char_arg("ascii_tolower", c)?;
    Ok(PyLong_FromLong(sre_lib::sre_lower_ascii(ch) as i32 as i64))
}

fn _sre_unicode_tolower(_m: &PyObject, c: &PyObject) -> PyResult {
    let ch = char_arg("unicode_tolower", c)?;
    Ok(PyLong_FromLong(sre_lib::sre_lower_unicode(ch) as i32 as i64))
}

static SRE_METHODS: [PyMethodDef; 6] = [
    PyMethodDef::new(
        "compile",
        PyCFunction::FastKw(_sre_compile),
        "compile($module, /, pattern, flags, code, groups, groupindex, indexgroup)\n--\n\n",
    ),
    PyMethodDef::new(
        "getcodesize",
        PyCFunction::NoArgs(_sre_getcodesize),
        "getcodesize($module, /)\n--\n\n",
    ),
    PyMethodDef::new(
        "ascii_iscased",
        PyCFunction::O(_sre_ascii_iscased),
        "ascii_iscased($module, character, /)\n--\n\n",
    ),
    PyMethodDef::new(
        "unicode_iscased",
        PyCFunction::O(_sre_unicode_iscased),
        "unicode_iscased($module, character, /)\n--\n\n",
    ),
    PyMethodDef::new(
        "ascii_tolower",
        PyCFunction::O(_sre_ascii_tolower),
        "ascii_tolower($module, character, /)\n--\n\n",
    ),
    PyMethodDef::new(
        "unicode_tolower",
        PyCFunction::O(_sre_unicode_tolower),
        "unicode_tolower($module, character, /)\n--\n\n",
    ),
];

/// Make the `_sre` module (`PyInit__sre`).
pub fn PyInit__sre() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&Pattern_Type)?;
    PyType_Ready(&Match_Type)?;
    PyType_Ready(&Scanner_Type)?;
    let m = PyModule_New("_sre")?;
    PyModule_AddFunctions(&m, &SRE_METHODS)?;
    PyModule_AddObject(&m, "MAGIC", &PyLong_FromLong(SRE_MAGIC as i64))?;
    PyModule_AddObject(&m, "CODESIZE", &PyLong_FromLong(4))?;
    PyModule_AddObject(
        &m,
        "MAXREPEAT",
        &objects::longobject::PyLong_FromU64(SRE_MAXREPEAT as u64),
    )?;
    PyModule_AddObject(&m, "MAXGROUPS", &PyLong_FromSsize_t(SRE_MAXGROUPS as isize))?;
    PyModule_AddObject(
        &m,
        "copyright",
        &PyUnicode_FromString(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
    )?;
    Ok(m)
}
