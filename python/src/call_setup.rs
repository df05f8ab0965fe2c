//! Binding a call's arguments to a new frame. Mirrors the frame-setup part of
//! Python/ceval.c (CPython 3.11): `_PyEvalFramePushAndInit`, `initialize_locals` and
//! their error messages (`missing_arguments`, `too_many_positional`,
//! `positional_only_passed_as_keyword`), and `format_kwargs_error`.

use std::ptr::{self, NonNull};

use include::code::*;
use include::frame::{_PyInterpreterFrame, fill_empty, move_slots};
use include::pystate::PyThreadState;

use objects::dictobject::{PyDictObject, PyDict_GetItemWithError, PyDict_New, PyDict_SetItem};
use objects::exceptions::*;
use objects::frameobject::_PyFrame_Clear;
use objects::funcobject::PyFunctionObject;
use objects::object::*;
use objects::prelude::*;
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::unicodeobject::{_PyUnicode_EQ, as_str_lossy, PyUnicodeObject};

type Slot = Option<PyObjectRef>;

/// Push a frame for `func` and bind the arguments (`_PyEvalFramePushAndInit`). The
/// `argcount` positional arguments and then one value per name in `kwnames` are moved
/// out of `args`; on error they have all been released and the frame popped.
///
/// # Safety
/// `args` must point to `argcount + len(kwnames)` initialised slots, which the callee
/// takes over (the caller must not drop them).
pub unsafe fn _PyEvalFramePushAndInit(
    tstate: &PyThreadState,
    func: &PyFunctionObject,
    locals: Option<PyObjectRef>,
    args: *mut Slot,
    argcount: usize,
    kwnames: Option<&PyObject>,
) -> PyResult<*mut _PyInterpreterFrame> {
    let code = func.code();
    let words = _PyInterpreterFrame::size_for(&code);
    let frame = tstate.push_frame(words);
    let globals = NonNull::from(&*func.func_globals);
    let builtins = NonNull::from(&*func.func_builtins);
    // SAFETY: `push_frame` returned room for `words` words.
    unsafe {
        _PyInterpreterFrame::init(
            frame,
            func.as_object().to_owned(),
            globals,
            builtins,
            locals,
            code,
        );
        let nkw = kwnames.map_or(0, objects::call::kwnames_len);
        match initialize_locals(func, (*frame).localsplus(), args, argcount, kwnames, nkw) {
            Ok(()) => Ok(frame),
            Err(e) => {
                let f = &mut *frame;
                f.stacktop = f.f_code.co_nlocalsplus;
                _PyEvalFrameClearAndPop(tstate, frame);
                Err(e)
            }
        }
    }
}

/// Push a frame for a simple function called with `argcount` positional arguments and
/// no keywords (`_PyFrame_PushUnchecked` and the argument copy of
/// `CALL_PY_EXACT_ARGS` / `CALL_PY_WITH_DEFAULTS`): the specialiser has checked that
/// no binding work is needed beyond filling parameters `argcount..co_argcount` from
/// the last defaults (`min_args` is `co_argcount - len(__defaults__)`). The frame
/// takes over `function` and the arguments.
///
/// # Safety
/// `function` must be a `PyFunctionObject` whose code takes exactly `co_argcount`
/// positional parameters and nothing else, with `min_args <= argcount <= co_argcount`
/// and at least `co_argcount - min_args` defaults when `argcount < co_argcount`; `args`
/// must point to `argcount` initialised slots, which the callee takes over.
#[inline]
pub unsafe fn _PyFrame_PushUnchecked(
    tstate: &PyThreadState,
    function: PyObjectRef,
    args: *mut Slot,
    argcount: usize,
    min_args: usize,
) -> *mut _PyInterpreterFrame {
    // SAFETY: the caller guarantees `function` is a function.
    let func = unsafe { function.downcast_ref_unchecked::<PyFunctionObject>() };
    let code = func.code();
    let words = _PyInterpreterFrame::size_for(&code);
    let co_argcount = code.co_argcount as usize;
    let nlocalsplus = code.co_nlocalsplus as usize;
    let frame = tstate.push_frame(words);
    let globals = NonNull::from(&*func.func_globals);
    let builtins = NonNull::from(&*func.func_builtins);
    // SAFETY: `push_frame` returned room for `words` words; the first `argcount`
    // locals take over the arguments, the next ones take defaults, the rest start
    // empty. `func` stays valid: the frame now owns `function`.
    unsafe {
        // The slots follow the header, which is written last.
        let localsplus = frame.add(1).cast::<Slot>();
        move_slots(args, localsplus, argcount);
        if argcount < co_argcount {
            let defaults = func.func_defaults.get_ref().as_ref();
            let defaults = defaults
                .map(|d| d.downcast_ref_unchecked::<PyTupleObject>().as_slice())
                .unwrap_or(&[]);
            for i in argcount..co_argcount {
                localsplus
                    .add(i)
                    .write(Some(defaults.get_unchecked(i - min_args).clone()));
            }
        }
        let filled = argcount.max(co_argcount);
        fill_empty(localsplus.add(filled), nlocalsplus - filled);
        _PyInterpreterFrame::initialize_specials(frame, function, globals, builtins, None, code);
    }
    frame
}

/// Clear a frame and release its data-stack words (`_PyEvalFrameClearAndPop`).
///
/// # Safety
/// `frame` must be the most recently pushed frame, idle, with `stacktop` set.
#[inline]
pub unsafe fn _PyEvalFrameClearAndPop(tstate: &PyThreadState, frame: *mut _PyInterpreterFrame) {
    // SAFETY: forwarded from the caller.
    unsafe {
        _PyFrame_Clear(frame);
        tstate.pop_frame(frame);
    }
}

/// Moves the arguments out of the caller's slots. Positional arguments and keyword
/// values are each consumed in order, so two counters say what is left for `Drop` to
/// release after an early error (no allocation per call).
struct ArgSource {
    args: *mut Slot,
    argcount: usize,
    nkw: usize,
    pos_taken: usize,
    kw_taken: usize,
}

impl ArgSource {
    /// Take the next positional argument.
    unsafe fn take_pos(&mut self) -> Slot {
        debug_assert!(self.pos_taken < self.argcount);
        // SAFETY: each positional slot is read once, in order.
        let v = unsafe { self.args.add(self.pos_taken).read() };
        self.pos_taken += 1;
        v
    }

    /// Take the next keyword value.
    unsafe fn take_kw(&mut self) -> Slot {
        debug_assert!(self.kw_taken < self.nkw);
        // SAFETY: each keyword slot is read once, in order.
        let v = unsafe { self.args.add(self.argcount + self.kw_taken).read() };
        self.kw_taken += 1;
        v
    }
}

impl Drop for ArgSource {
    fn drop(&mut self) {
        for i in self.pos_taken..self.argcount {
            // SAFETY: untaken slots are still initialised and owned by us.
            unsafe { drop(self.args.add(i).read()) };
        }
        for i in self.kw_taken..self.nkw {
            // SAFETY: as above.
            unsafe { drop(self.args.add(self.argcount + i).read()) };
        }
    }
}

/// The function's `__qualname__` for messages.
fn func_qualname(func: &PyFunctionObject) -> String {
    as_str_lossy(&func.func_qualname.get()).into_owned()
}

/// `initialize_locals`: positional arguments, `*args`, keywords, `**kwargs`, defaults
/// and keyword-only defaults, with CPython's checks.
unsafe fn initialize_locals(
    func: &PyFunctionObject,
    localsplus: *mut Slot,
    args: *mut Slot,
    argcount: usize,
    kwnames: Option<&PyObject>,
    nkw: usize,
) -> PyResult<()> {
    let co = func.code();
    let co_argcount = co.co_argcount as usize;
    let total_args = co_argcount + co.co_kwonlyargcount as usize;
    let varargs = co.co_flags & CO_VARARGS != 0;
    let varkw = co.co_flags & CO_VARKEYWORDS != 0;
    let mut src = ArgSource {
        args,
        argcount,
        nkw,
        pos_taken: 0,
        kw_taken: 0,
    };
    // SAFETY: `localsplus` has `co_nlocalsplus` slots, all None after frame init, and
    // the indexes below are all less than `total_args + varargs + varkw`, which is at
    // most `co_nlocalsplus`.
    unsafe {
        let set = |i: usize, v: Slot| {
            let old = ptr::replace(localsplus.add(i), v);
            drop(old);
        };
        let get = |i: usize| -> bool { (*localsplus.add(i)).is_some() };

        // The **kwargs dict, created first so keyword arguments can land in it.
        let kwdict = if varkw {
            let d = PyDict_New();
            let idx = total_args + varargs as usize;
            set(idx, Some(d.clone().into_object()));
            Some(d)
        } else {
            None
        };

        // Positional arguments.
        let n = argcount.min(co_argcount);
        for j in 0..n {
            set(j, src.take_pos());
        }
        // The rest go into *args.
        if varargs {
            let mut extra = Vec::with_capacity(argcount.saturating_sub(n));
            for _ in n..argcount {
                if let Some(v) = src.take_pos() {
                    extra.push(v);
                }
            }
            set(total_args, Some(PyTuple_New(extra).into_object()));
        }

        // Keyword arguments.
        if nkw > 0 {
            let names = objects::call::kwnames_slice(kwnames);
            let varnames = co
                .co_localsplusnames
                .downcast_ref_unchecked::<PyTupleObject>()
                .as_slice();
            let posonly = co.co_posonlyargcount as usize;
            let mut posonly_conflicts: Vec<PyObjectRef> = Vec::new();
            for keyword in names.iter() {
                let value = src.take_kw();
                let Some(kw) = keyword.downcast_ref::<PyUnicodeObject>() else {
                    return Err(type_error(format!(
                        "{}() keywords must be strings",
                        func_qualname(func)
                    )));
                };
                // Look among the parameters that can be passed by keyword: identity
                // first (names are interned), then equality.
                let mut found = None;
                for (j, name) in varnames.iter().enumerate().take(total_args).skip(posonly) {
                    if name.is(keyword) {
                        found = Some(j);
                        break;
                    }
                }
                if found.is_none() {
                    for (j, name) in varnames.iter().enumerate().take(total_args).skip(posonly) {
                        if let Some(nu) = name.downcast_ref::<PyUnicodeObject>() {
                            if _PyUnicode_EQ(nu, kw) {
                                found = Some(j);
                                break;
                            }
                        }
                    }
                }
                match found {
                    Some(j) => {
                        if get(j) {
                            return Err(type_error(format!(
                                "{}() got multiple values for argument '{}'",
                                func_qualname(func),
                                kw.to_string_lossy()
                            )));
                        }
                        set(j, value);
                    }
                    None => {
                        let Some(d) = &kwdict else {
                            // Is it a positional-only parameter passed by keyword?
                            let is_posonly = varnames.iter().take(posonly).any(|n| {
                                n.downcast_ref::<PyUnicodeObject>()
                                    .is_some_and(|nu| _PyUnicode_EQ(nu, kw))
                            });
                            if is_posonly {
                                posonly_conflicts.push(keyword.clone());
                                continue;
                            }
                            return Err(type_error(format!(
                                "{}() got an unexpected keyword argument '{}'",
                                func_qualname(func),
                                kw.to_string_lossy()
                            )));
                        };
                        if let Some(v) = value {
                            PyDict_SetItem(d, keyword, &v)?;
                        }
                    }
                }
            }
            if !posonly_conflicts.is_empty() {
                let names: Vec<String> = posonly_conflicts
                    .iter()
                    .map(|n| as_str_lossy(n).into_owned())
                    .collect();
                return Err(type_error(format!(
                    "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                    func_qualname(func),
                    names.join(", ")
                )));
            }
        }

        // Too many positional arguments?
        if argcount > co_argcount && !varargs {
            return Err(too_many_positional(func, &co, argcount, localsplus));
        }

        // Defaults for missing positional arguments.
        if argcount < co_argcount {
            let defaults: Vec<PyObjectRef> = match func.func_defaults.get() {
                Some(d) => d
                    .downcast_ref_unchecked::<PyTupleObject>()
                    .as_slice()
                    .to_vec(),
                None => Vec::new(),
            };
            let defcount = defaults.len();
            let m = co_argcount.saturating_sub(defcount);
            let missing: Vec<usize> = (argcount..m).filter(|&j| !get(j)).collect();
            if !missing.is_empty() {
                return Err(missing_arguments(func, &co, &missing, "positional"));
            }
            let start = n.saturating_sub(m);
            for (i, default) in defaults.iter().enumerate().skip(start) {
                if !get(m + i) {
                    set(m + i, Some(default.clone()));
                }
            }
        }

        // Keyword-only defaults.
        if co.co_kwonlyargcount > 0 {
            let kwdefs = func.func_kwdefaults.get();
            let mut missing = Vec::new();
            for i in co_argcount..total_args {
                if get(i) {
                    continue;
                }
                let name = objects::codeobject::localsplusname(&co, i).unwrap_or_else(none);
                if let Some(kd) = kwdefs
                    .as_ref()
                    .and_then(|k| k.downcast_ref::<PyDictObject>())
                {
                    if let Some(def) = PyDict_GetItemWithError(kd, &name)? {
                        set(i, Some(def));
                        continue;
                    }
                }
                missing.push(i);
            }
            if !missing.is_empty() {
                return Err(missing_arguments(func, &co, &missing, "keyword-only"));
            }
        }
    }
    Ok(())
}

/// "f() missing 2 required positional arguments: 'a' and 'b'" (`missing_arguments`).
fn missing_arguments(
    func: &PyFunctionObject,
    co: &PyCodeObject,
    missing: &[usize],
    kind: &str,
) -> PyErr {
    let names: Vec<String> = missing
        .iter()
        .map(|&i| {
            let n = objects::codeobject::localsplusname(co, i).unwrap_or_else(none);
            PyObject_Repr(&n)
                .map(|r| as_str_lossy(&r).into_owned())
                .unwrap_or_default()
        })
        .collect();
    let list = match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        _ => {
            let (last, rest) = names
                .split_last()
                .map(|(l, r)| (l.clone(), r.to_vec()))
                .unwrap_or_default();
            format!("{}, and {}", rest.join(", "), last)
        }
    };
    type_error(format!(
        "{}() missing {} required {} argument{}: {}",
        func_qualname(func),
        names.len(),
        kind,
        if names.len() == 1 { "" } else { "s" },
        list
    ))
}

/// "f() takes 2 positional arguments but 3 were given" (`too_many_positional`).
unsafe fn too_many_positional(
    func: &PyFunctionObject,
    co: &PyCodeObject,
    given: usize,
    localsplus: *mut Slot,
) -> PyErr {
    let co_argcount = co.co_argcount as usize;
    let defcount = func
        .func_defaults
        .get()
        // SAFETY: `__defaults__` is always a tuple.
        .map_or(0, |d| {
            unsafe { d.downcast_ref_unchecked::<PyTupleObject>() }.len()
        });
    // Keyword-only arguments that were given.
    let mut kwonly_given = 0;
    for i in co_argcount..co_argcount + co.co_kwonlyargcount as usize {
        // SAFETY: the index is below `co_nlocalsplus`.
        if unsafe { (*localsplus.add(i)).is_some() } {
            kwonly_given += 1;
        }
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let sig = if defcount > 0 {
        let atleast = co_argcount - defcount;
        // A range is always plural: "from 0 to 1 positional arguments".
        format!("from {} to {} positional arguments", atleast, co_argcount)
    } else {
        format!("{} positional argument{}", co_argcount, plural(co_argcount))
    };
    let kwonly_sig = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {} keyword-only argument{})",
            plural(given),
            kwonly_given,
            plural(kwonly_given)
        )
    } else {
        String::new()
    };
    let verb = if given == 1 && kwonly_given == 0 {
        "was"
    } else {
        "were"
    };
    type_error(format!(
        "{}() takes {} but {}{} {} given",
        func_qualname(func),
        sig,
        given,
        kwonly_sig,
        verb
    ))
}

/// The function name used in call errors: `qualname()` or `module.qualname()`
/// (`_PyObject_FunctionStr`).
pub fn function_str(func: &PyObject) -> String {
    let qualname = match _PyObject_LookupAttr(func, objects::intern!("__qualname__")) {
        Ok(Some(q)) => q,
        _ => {
            return PyObject_Str(func)
                .map(|s| as_str_lossy(&s).into_owned())
                .unwrap_or_default();
        }
    };
    let q = PyObject_Str(&qualname)
        .map(|s| as_str_lossy(&s).into_owned())
        .unwrap_or_default();
    match _PyObject_LookupAttr(func, objects::intern!("__module__")) {
        Ok(Some(m))
            if !m.is(Py_None()) && !objects::unicodeobject::unicode_eq_str(&m, "builtins") =>
        {
            let ms = PyObject_Str(&m)
                .map(|s| as_str_lossy(&s).into_owned())
                .unwrap_or_default();
            format!("{ms}.{q}()")
        }
        _ => format!("{q}()"),
    }
}

/// The errors of `f(**x)` (`format_kwargs_error`): a non-mapping, or a repeated key.
pub fn format_kwargs_error(func: &PyObject, kwargs: &PyObject, err: PyErr) -> PyErr {
    if PyErr_ExceptionMatches(&err, &PyExc_AttributeError) {
        return type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            function_str(func),
            kwargs.ob_type().name()
        ));
    }
    if PyErr_ExceptionMatches(&err, &PyExc_KeyError) {
        let args = exc_args(err.value());
        if let Some(t) = args.downcast_ref::<PyTupleObject>() {
            if t.len() == 1 {
                let key = &t.as_slice()[0];
                if !PyUnicodeObject::check(key) {
                    return type_error(format!("{} keywords must be strings", function_str(func)));
                }
                return type_error(format!(
                    "{} got multiple values for keyword argument '{}'",
                    function_str(func),
                    as_str_lossy(key)
                ));
            }
        }
    }
    err
}
