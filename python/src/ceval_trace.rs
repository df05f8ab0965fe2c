//! Tracing and profiling (`sys.settrace`, `sys.setprofile`) in the eval loop.
//! Mirrors the tracing half of Python/ceval.c (CPython 3.11): the `DO_TRACING`
//! instruction, `TRACE_FUNCTION_ENTRY`/`EXIT`/`UNWIND` (`trace_function_entry`,
//! `trace_function_exit`), `maybe_call_line_trace`, `call_trace`, `call_exc_trace`,
//! `trace_call_function` with its `C_TRACE` macro, `_PyEval_SetTrace`,
//! `_PyEval_SetProfile` and `_PyEval_CallTracing`.
//!
//! The eval loop looks at `tstate.use_tracing` once per instruction, where it fetches
//! it (CPython ORs `cframe.use_tracing`, 0 or 255, into the opcode so that every
//! instruction dispatches to `DO_TRACING`). While it is zero nothing in this file
//! runs; while it is set, [`do_tracing`] reports the `call`, `line` and `opcode`
//! events and hands the loop the instruction with its specialisation undone
//! (`_PyOpcode_Deopt`), so quickened code behaves as the base instructions do.
//!
//! Differences from CPython: errors are `Err(PyErr)` values rather than the thread's
//! current exception, so `call_trace_protected` has nothing to save and restore and is
//! [`call_trace`] itself; the line array of a code object holds `i32`s.

use include::code::{_Py_CODEUNIT, _Py_OPARG, _Py_OPCODE};
use std::cell::Cell;

use include::frame::_PyInterpreterFrame;
use include::object::{GlobalCell, PyCell};
use include::opcode::op;
use include::pystate::*;

use objects::codeobject::_PyCode_LineNumberFromArray;
use objects::exceptions::exc_traceback;
use objects::frameobject::{_PyFrame_GetFrameObject, PyFrameObject};
use objects::object::{none, Py_None};
use objects::prelude::*;
use objects::tupleobject::PyTuple_New;

use crate::specialize::deopt_opcode;

/// The trace function and its object, or the profile function and its object, with
/// the object's reference held for the call (the function may unset itself).
type Tracer = (Py_tracefunc, PyObjectRef);

fn tracer(func: Option<Py_tracefunc>, obj: Option<PyObjectRef>) -> Option<Tracer> {
    Some((func?, obj?))
}

fn c_trace_func(tstate: &PyThreadState) -> Option<Tracer> {
    tracer(tstate.c_tracefunc.get(), tstate.c_traceobj.get())
}

fn c_profile_func(tstate: &PyThreadState) -> Option<Tracer> {
    tracer(tstate.c_profilefunc.get(), tstate.c_profileobj.get())
}

/// Call a trace or profile function for an event of `frame` (`call_trace`). Nothing
/// happens while a trace function is already running; during the call tracing is
/// off, `tracing_what` names the event (the `f_lineno` setter checks it) and the frame
/// object's `f_lineno` shows the line of its current instruction.
///
/// # Safety
/// `frame` must be a live frame that has started (`prev_instr` at or after its first
/// instruction).
pub unsafe fn call_trace(
    (func, obj): &Tracer,
    tstate: &PyThreadState,
    frame: *mut _PyInterpreterFrame,
    what: i32,
    arg: Option<&PyObject>,
) -> PyResult<()> {
    if tstate.tracing.get() != 0 {
        return Ok(());
    }
    // SAFETY: the caller passes a live frame.
    unsafe {
        let f = _PyFrame_GetFrameObject(frame);
        let fo = f.downcast_ref_unchecked::<PyFrameObject>();
        let old_what = tstate.tracing_what.replace(what);
        tstate.enter_tracing();
        let lasti = (*frame).lasti().max(0) as usize;
        fo.f_lineno
            .set(_PyCode_LineNumberFromArray(&(*frame).f_code, lasti));
        let result = func(obj, &f, what, arg);
        fo.f_lineno.set(0);
        tstate.leave_tracing();
        tstate.tracing_what.set(old_what);
        result
    }
}

/// `trace_function_entry`: the `call` event, for the trace function and then the
/// profile function, at a frame's `RESUME` (a call, or a generator resuming).
///
/// # Safety
/// As [`call_trace`].
pub unsafe fn trace_function_entry(
    tstate: &PyThreadState,
    frame: *mut _PyInterpreterFrame,
) -> PyResult<()> {
    // SAFETY: forwarded from the caller.
    unsafe {
        if let Some(t) = c_trace_func(tstate) {
            call_trace(&t, tstate, frame, PyTrace_CALL, Some(Py_None()))?;
        }
        if let Some(p) = c_profile_func(tstate) {
            call_trace(&p, tstate, frame, PyTrace_CALL, Some(Py_None()))?;
        }
    }
    Ok(())
}

/// `trace_function_exit`: the `return` event, with the value returned or yielded,
/// or `None` when the frame is left by an exception (`TRACE_FUNCTION_UNWIND`).
///
/// # Safety
/// As [`call_trace`].
pub unsafe fn trace_function_exit(
    tstate: &PyThreadState,
    frame: *mut _PyInterpreterFrame,
    retval: Option<&PyObject>,
) -> PyResult<()> {
    // SAFETY: forwarded from the caller.
    unsafe {
        if let Some(t) = c_trace_func(tstate) {
            call_trace(&t, tstate, frame, PyTrace_RETURN, retval)?;
        }
        if let Some(p) = c_profile_func(tstate) {
            call_trace(&p, tstate, frame, PyTrace_RETURN, retval)?;
        }
    }
    Ok(())
}

/// `call_exc_trace`: the `exception` event, with `(type, value, traceback)`, each
/// time an exception reaches a frame (where its traceback entry is added). Returns
/// the exception to go on with: the trace function's own, if it raised one.
///
/// # Safety
/// As [`call_trace`].
#[cold]
pub unsafe fn call_exc_trace(
    tstate: &PyThreadState,
    frame: *mut _PyInterpreterFrame,
    err: PyErr,
) -> PyErr {
    let Some(t) = c_trace_func(tstate) else {
        return err;
    };
    let value = err.value().to_owned();
    let tb = exc_traceback(&value).unwrap_or_else(none);
    let arg = PyTuple_New(vec![value.ob_type().as_object().to_owned(), value, tb]);
    // SAFETY: forwarded from the caller.
    match unsafe { call_trace(&t, tstate, frame, PyTrace_EXCEPTION, Some(arg.as_object())) } {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// `FOR_ITER` when the iterator raised `StopIteration`: the `exception` event
/// before the loop ends. An error means the trace function raised.
///
/// # Safety
/// As [`call_trace`].
#[cold]
pub unsafe fn trace_stop_iteration(
    tstate: &PyThreadState,
    frame: *mut _PyInterpreterFrame,
    err: PyErr,
) -> PyResult<()> {
    // SAFETY: forwarded from the caller.
    let after = unsafe { call_exc_trace(tstate, frame, err) };
    if PyErr_ExceptionMatches(&after, &objects::exceptions::PyExc_StopIteration) {
        Ok(())
    } else {
        Err(after)
    }
}

/// `SEND` while tracing, when the receiver returned: CPython calls the receiver's
/// `__next__` (when sending None into an iterator) or its `send` method, and the
/// `StopIteration` they raise gets an `exception` event. `__next__` raises none
/// for a None result.
///
/// # Safety
/// As [`call_trace`].
#[cold]
pub unsafe fn trace_send_return(
    tstate: &PyThreadState,
    frame: *mut _PyInterpreterFrame,
    receiver: &PyObject,
    sent: &PyObject,
    value: &PyObject,
) -> PyResult<()> {
    let by_next = sent.is(Py_None()) && receiver.ob_type().tp_iternext.get().is_some();
    if by_next && value.is(Py_None()) {
        return Ok(());
    }
    let exc = objects::pyerrors::stop_iteration(Some(value.to_owned()));
    // SAFETY: forwarded from the caller.
    unsafe { trace_stop_iteration(tstate, frame, exc) }
}

/// `maybe_call_line_trace`: the `line` event when the instruction about to run starts
/// a new line, or jumps backwards (a loop's next iteration; not the jump back of
/// `yield from`'s `SEND` loop), and the `opcode` event when the frame asks for them.
/// `instr_prev` is the index of the instruction that ran before.
///
/// # Safety
/// As [`call_trace`]; `prev_instr` must point at the instruction about to run.
unsafe fn maybe_call_line_trace(
    t: &Tracer,
    tstate: &PyThreadState,
    frame: *mut _PyInterpreterFrame,
    instr_prev: isize,
) -> PyResult<()> {
    // SAFETY: forwarded from the caller.
    unsafe {
        let co = &*(*frame).f_code;
        let code = co.code_ptr();
        // The first RESUME: an instruction before it has no previous line.
        let mut entry_point = 0usize;
        while entry_point + 1 < co.code_len()
            && deopt_opcode(_Py_OPCODE(*code.add(entry_point))) != op::RESUME
        {
            entry_point += 1;
        }
        let lastline = if instr_prev <= entry_point as isize {
            -1
        } else {
            _PyCode_LineNumberFromArray(co, instr_prev as usize)
        };
        let lasti = (*frame).lasti();
        let line = _PyCode_LineNumberFromArray(co, lasti as usize);
        let f = _PyFrame_GetFrameObject(frame);
        let fo = f.downcast_ref_unchecked::<PyFrameObject>();
        let mut result = Ok(());
        if line != -1 && fo.f_trace_lines.get() {
            let trace = line != lastline
                || (lasti < instr_prev && _Py_OPCODE(*(*frame).prev_instr) != op::SEND);
            if trace {
                result = call_trace(t, tstate, frame, PyTrace_LINE, None);
            }
        }
        if fo.f_trace_opcodes.get() && result.is_ok() {
            result = call_trace(t, tstate, frame, PyTrace_OPCODE, None);
        }
        result
    }
}

/// `DO_TRACING`: run before every instruction while `use_tracing` is set. Reports the
/// `call` event at a `RESUME` and the `line`/`opcode` events elsewhere (from the
/// first traceable instruction on), then returns the instruction to run, read at
/// `prev_instr` (a trace function may have moved it by setting `f_lineno`), with
/// its specialisation undone. Before the call `prev_instr` is the instruction that
/// ran last and `next_instr` the one about to run; afterwards `prev_instr` is the
/// one to run, also when a trace function raised.
///
/// # Safety
/// `frame` must be the running frame with `stacktop` saved; `next_instr` must point
/// into its code.
#[cold]
#[inline(never)]
pub unsafe fn do_tracing(
    tstate: &PyThreadState,
    frame: *mut _PyInterpreterFrame,
    next_instr: *mut _Py_CODEUNIT,
) -> PyResult<(u8, u32)> {
    // SAFETY: the caller passes the running frame and an instruction of its code.
    unsafe {
        let sys = tstate.use_tracing.get() & USE_TRACING_SYS != 0;
        let co = &*(*frame).f_code;
        let offset = next_instr.offset_from(co.code_ptr());
        let instr_prev = (*frame).lasti();
        (*frame).prev_instr = next_instr;
        if sys && offset >= co._co_firsttraceable as isize {
            if deopt_opcode(_Py_OPCODE(*next_instr)) == op::RESUME {
                trace_function_entry(tstate, frame)?;
            } else if tstate.tracing.get() == 0 {
                if let Some(t) = c_trace_func(tstate) {
                    maybe_call_line_trace(&t, tstate, frame, instr_prev)?;
                }
            }
        }
        let word = *(*frame).prev_instr;
        let opcode = if sys {
            deopt_opcode(_Py_OPCODE(word))
        } else {
            _Py_OPCODE(word)
        };
        Ok((opcode, _Py_OPARG(word)))
    }
}

/// `C_TRACE`: call a built-in function with the `c_call` event before and the
/// `c_return` (or `c_exception`) event after, for the profile function.
fn c_trace(tstate: &PyThreadState, func: &PyObject, call: impl FnOnce() -> PyResult) -> PyResult {
    let Some(p) = c_profile_func(tstate) else {
        return call();
    };
    let frame = tstate.current_frame.get();
    // SAFETY: the current frame is live and running the CALL.
    unsafe { call_trace(&p, tstate, frame, PyTrace_C_CALL, Some(func))? };
    // The call may replace the profile function: its object is not kept alive
    // across it (its `__del__` runs inside `sys.setprofile`, as in CPython).
    drop(p);
    let x = call();
    // The call may have unset the profile function.
    let Some(p) = c_profile_func(tstate) else {
        return x;
    };
    // SAFETY: as above.
    unsafe {
        match x {
            Err(e) => match call_trace(&p, tstate, frame, PyTrace_C_EXCEPTION, Some(func)) {
                Ok(()) => Err(e),
                Err(e2) => Err(e2),
            },
            Ok(v) => {
                call_trace(&p, tstate, frame, PyTrace_C_RETURN, Some(func))?;
                Ok(v)
            }
        }
    }
}

/// `trace_call_function` (and the traced half of `do_call_core`): a call from `CALL`
/// or `CALL_FUNCTION_EX` while tracing. Built-in functions get the profile's `c_*`
/// events; a method descriptor called with its `self` first is bound first, so the
/// events name the bound built-in method.
pub fn trace_call_function(
    tstate: &PyThreadState,
    func: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    use objects::call::PyObject_Vectorcall;
    let nkw = kwnames.map_or(0, objects::call::kwnames_len);
    if func.is_type(&objects::methodobject::PyCFunction_Type) {
        return c_trace(tstate, func, || PyObject_Vectorcall(func, args, kwnames));
    }
    if func.is_type(&objects::descrobject::PyMethodDescr_Type) && args.len() > nkw {
        let self_ = &args[0];
        let bound =
            objects::descrobject::descr_get(func, Some(self_), Some(self_.ob_type().as_object()))?;
        return c_trace(tstate, &bound, || {
            PyObject_Vectorcall(&bound, &args[1..], kwnames)
        });
    }
    PyObject_Vectorcall(func, args, kwnames)
}

/// Set while `_PyEval_SetTrace` or `_PyEval_SetProfile` releases the old function's
/// object, whose `__del__` could try to install another (`reentrant`).
static SETTRACE_REENTRANT: GlobalCell<Cell<bool>> = GlobalCell::new(Cell::new(false));
static SETPROFILE_REENTRANT: GlobalCell<Cell<bool>> = GlobalCell::new(Cell::new(false));

/// Install `func` with `arg` in one of the thread's two slots, releasing the old
/// object with neither slot half-set. A call made while the old object is being
/// released fails (and, as in CPython, clears the flag).
fn set_tracer(
    tstate: &PyThreadState,
    reentrant: &GlobalCell<Cell<bool>>,
    what: &str,
    slots: (&Cell<Option<Py_tracefunc>>, &PyCell<Option<PyObjectRef>>),
    func: Option<Py_tracefunc>,
    arg: Option<PyObjectRef>,
) -> PyResult<()> {
    // SAFETY: a Cell in a global.
    let reentrant = unsafe { reentrant.get_ref() };
    if reentrant.get() {
        reentrant.set(false);
        return Err(runtime_error(format!(
            "Cannot install a {what} function while another {what} function is being installed"
        )));
    }
    reentrant.set(true);
    let (func_slot, obj_slot) = slots;
    func_slot.set(None);
    let old = obj_slot.take();
    // Tracing must not stop for the other slot while the old object is released.
    tstate.update_tracing_state();
    drop(old);
    func_slot.set(func.filter(|_| arg.is_some()));
    obj_slot.set(arg);
    tstate.update_tracing_state();
    reentrant.set(false);
    Ok(())
}

/// `_PyEval_SetTrace`: install (or with `None`, remove) the trace function.
pub fn _PyEval_SetTrace(
    tstate: &PyThreadState,
    func: Option<Py_tracefunc>,
    arg: Option<PyObjectRef>,
) -> PyResult<()> {
    let slots = (&tstate.c_tracefunc, &tstate.c_traceobj);
    set_tracer(tstate, &SETTRACE_REENTRANT, "trace", slots, func, arg)
}

/// `_PyEval_SetProfile`: install (or with `None`, remove) the profile function.
pub fn _PyEval_SetProfile(
    tstate: &PyThreadState,
    func: Option<Py_tracefunc>,
    arg: Option<PyObjectRef>,
) -> PyResult<()> {
    let slots = (&tstate.c_profilefunc, &tstate.c_profileobj);
    set_tracer(tstate, &SETPROFILE_REENTRANT, "profile", slots, func, arg)
}

/// `_PyEval_CallTracing` (`sys.call_tracing`): call `func(*args)` with tracing on
/// again, from inside a trace function (a debugger debugging its own command).
pub fn _PyEval_CallTracing(func: &PyObject, args: &PyObject) -> PyResult {
    let tstate = _PyThreadState_GET();
    let save_tracing = tstate.tracing.get();
    let save_use_tracing = tstate.use_tracing.get();
    tstate.tracing.set(0);
    tstate.update_tracing_state();
    let result = objects::call::PyObject_Call(func, args, None);
    tstate.tracing.set(save_tracing);
    tstate.use_tracing.set(save_use_tracing);
    result
}

/// `PyCompile_OpcodeStackEffect`: the larger stack effect of an instruction (taken
/// or not), for the `f_lineno` setter's stack model in objects/src/frameobject.rs.
pub fn PyCompile_OpcodeStackEffect(opcode: u8, oparg: i32) -> Option<i32> {
    let op = include::opcode::Opcode::from_u8(opcode)?;
    crate::flowgraph::stack_effect(crate::flowgraph::Op::Real(op), oparg, None)
}
