//! The bytecode interpreter. Mirrors Python/ceval.c (CPython 3.11).
//!
//! [`_PyEval_EvalFrameDefault`] runs frames: one `match` arm per opcode, the fast path
//! inline and the slow paths in named functions (most of them in `objects::r#abstract`,
//! as CPython keeps them in Objects/abstract.c). Errors leave every arm the same way:
//! the arm breaks out of the dispatch loop with the exception, and one unwinding block
//! finds the handler in the code's exception table or pops the frame.
//!
//! A call from Python to a Python function does not recurse on the Rust stack: `CALL`
//! pushes the callee's frame on the thread's data stack and continues the same loop
//! with it; `RETURN_VALUE` pops it and continues with the caller. The loop only
//! returns to its Rust caller when the frame it was entered with (`is_entry`) returns,
//! yields, or raises.
//!
//! Differences from CPython: the current instruction pointer and stack pointer are
//! Rust locals written back to the frame (`prev_instr`, `stacktop`) whenever other code
//! may look at them, as CPython's macros do; errors are `Err(PyErr)` values instead of
//! the thread state's "current exception". The specialising interpreter (PEP 659) is
//! CPython 3.11's (decisions in specialize.rs), except `BINARY_SUBSCR_GETITEM`. One
//! `match` replaces the computed gotos: a specialised instruction whose guard fails
//! (`deopt!`) or an adaptive one (`adaptive!`) sets the base opcode and runs the match
//! again (`reswitch!`) where CPython jumps to the base instruction's label.

use std::ptr;

use include::code::*;
use include::frame::*;
use include::opcode::{nb, op, Opcode};
use include::pystate::{_PyThreadState_GET, PyThreadState};

use objects::boolobject::{PyBool_FromLong, Py_False, Py_True};
use objects::cellobject::{PyCellObject, PyCell_New};
use objects::dictobject::*;
use objects::exceptions::*;
use objects::floatobject::{PyFloatObject, PyFloat_FromDouble};
use objects::frameobject::_PyFrame_GetFrameObject;
use objects::funcobject::PyFunctionObject;
use objects::listobject::{_PyList_Extend, PyListObject, PyList_New};
use objects::longobject::PyLongObject;
use objects::object::_PyObject_DictPointer;
use objects::object::*;
use objects::prelude::*;
use objects::r#abstract::*;
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::unicodeobject::as_str_lossy;
use objects::unicodeobject::PyUnicode_Type;

use crate::call_setup::{_PyEvalFrameClearAndPop, _PyEvalFramePushAndInit};

type Slot = Option<PyObjectRef>;

/// Messages of unbound-variable errors (`UNBOUNDLOCAL_ERROR_MSG` and friends).
pub const NAME_ERROR_MSG: &str = "name '{}' is not defined";

fn name_error_for(name: &PyObject) -> PyErr {
    let err = name_error(format!("name '{}' is not defined", as_str_lossy(name)));
    set_name_error_name(&err, name);
    err
}

fn set_name_error_name(err: &PyErr, name: &PyObject) {
    // The traceback printer uses `name` for "Did you mean" suggestions.
    let _ = PyObject_SetAttr(err.value(), objects::intern!("name"), Some(name));
}

/// `format_exc_unbound`: reading an unbound local, cell or free variable.
fn unbound_error(co: &PyCodeObject, oparg: usize) -> PyErr {
    let name = objects::codeobject::localsplusname(co, oparg).unwrap_or_else(none);
    if (oparg as i32) < co.co_nplaincellvars + co.co_nlocals {
        // Only a plain NameError records the name (`format_exc_check_arg`).
        PyErr_SetString(
            &PyExc_UnboundLocalError,
            format!(
                "cannot access local variable '{}' where it is not associated with a value",
                as_str_lossy(&name)
            ),
        )
    } else {
        let err = name_error(format!(
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
            as_str_lossy(&name)
        ));
        set_name_error_name(&err, &name);
        err
    }
}

/// Print every instruction with the value stack before it runs (`-X trace` or
/// `PYRS_TRACE=1`): a learner's view of the eval loop, like clox's
/// `DEBUG_TRACE_EXECUTION`.
pub static TRACE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cold]
#[inline(never)]
unsafe fn trace_instruction(
    frame: *mut _PyInterpreterFrame,
    sp: *mut Slot,
    opcode: u8,
    oparg: u32,
) {
    // SAFETY: the caller passes the running frame and its stack pointer.
    unsafe {
        let co = &*(*frame).f_code;
        let base = (*frame).stackbase();
        let mut stack = Vec::new();
        let mut p = base;
        while p < sp {
            stack.push(match &*p {
                Some(v) => match PyObject_Repr(v) {
                    Ok(r) => {
                        let r = as_str_lossy(&r).into_owned();
                        if r.chars().count() > 40 {
                            format!("{}...", r.chars().take(37).collect::<String>())
                        } else {
                            r
                        }
                    }
                    Err(_) => format!("<{}>", v.ob_type().name()),
                },
                None => "NULL".to_string(),
            });
            p = p.add(1);
        }
        let name = Opcode::from_u8(opcode)
            .map(|o| o.name())
            .unwrap_or("<unknown>");
        eprintln!(
            "  {:<12} {:>4} {:<24} {:>4}   [{}]",
            as_str_lossy(&co.co_name),
            (*frame).lasti() * 2,
            name,
            oparg,
            stack.join(", ")
        );
    }
}

/// Set when something outside the loop (a signal, the GC, a thread waiting for the
/// GIL) needs the loop's attention
/// at the next `RESUME` or backward jump (`eval_breaker`).
pub static EVAL_BREAKER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Handle pending work flagged in [`EVAL_BREAKER`] (`_Py_HandlePending`).
#[cold]
fn handle_pending() -> PyResult<()> {
    EVAL_BREAKER.store(false, std::sync::atomic::Ordering::Relaxed);
    // Another thread waits for the GIL: let it run (`gil_drop_request`).
    crate::ceval_gil::handle_drop_request();
    include::gc::_Py_RunGC();
    crate::signals::check_signals()
}

/// Look up the handler of the instruction at code-unit index `index` in the 3.11
/// exception table (`get_exception_handler`): `(handler, depth, push_lasti)`.
pub fn get_exception_handler(table: &[u8], index: usize) -> Option<(usize, usize, bool)> {
    let mut pos = 0;
    // Each entry: start, length, target, depth<<1|lasti; each a varint of 6-bit
    // chunks, most significant first, bit 6 = more to come; an entry's first byte has
    // bit 7 set.
    let read = |pos: &mut usize| -> Option<usize> {
        let mut b = *table.get(*pos)? as usize;
        *pos += 1;
        let mut val = b & 63;
        while b & 64 != 0 {
            b = *table.get(*pos)? as usize;
            *pos += 1;
            val = (val << 6) | (b & 63);
        }
        Some(val)
    };
    while pos < table.len() {
        let start = read(&mut pos)?;
        let size = read(&mut pos)?;
        let target = read(&mut pos)?;
        let dl = read(&mut pos)?;
        if start <= index && index < start + size {
            return Some((target, dl >> 1, dl & 1 != 0));
        }
        if start > index {
            return None;
        }
    }
    None
}

/// Record the frame in the traceback of `err` (`PyTraceBack_Here`).
unsafe fn traceback_here(frame: *mut _PyInterpreterFrame, err: &PyErr) {
    // SAFETY: the caller passes the live current frame.
    unsafe {
        let fobj = _PyFrame_GetFrameObject(frame);
        let lasti = (*frame).lasti();
        crate::traceback::PyTraceBack_Here(err.value(), fobj, (lasti.max(0) * 2) as i32);
    }
}

/// Implicit exception chaining (`_PyErr_SetObject`): an exception raised while
/// another is being handled gets that one as its `__context__`, breaking any cycle
/// this would create in the context chain.
fn chain_context(tstate: &PyThreadState, err: &PyErr) {
    let _ = tstate;
    let Some(handled) = crate::sysmodule::topmost_exception() else {
        return;
    };
    let value = err.value();
    if handled.is(value) {
        return;
    }
    // Walk the handled exception's context chain; if it reaches `value`, cut it there.
    let mut o = handled.clone();
    let mut slow = handled.clone();
    let mut toggle = false;
    while let Some(ctx) = exc_context(&o) {
        if ctx.is(value) {
            exc_set_context(&o, None);
            break;
        }
        o = ctx;
        if o.is(&slow) {
            break;
        }
        if toggle {
            match exc_context(&slow) {
                Some(s) => slow = s,
                None => break,
            }
        }
        toggle = !toggle;
    }
    exc_set_context(value, Some(handled));
}

/// `PyIter_Send`: send `arg` into `receiver`, for `SEND` and `yield from`.
fn py_iter_send(
    receiver: &PyObject,
    arg: &PyObject,
) -> PyResult<include::cpython::object::PySendResult> {
    use include::cpython::object::PySendResult;
    if let Some(send) = receiver.ob_type().tp_as_async.am_send.get() {
        return send(receiver, arg);
    }
    let res = if arg.is(Py_None()) && receiver.ob_type().tp_iternext.get().is_some() {
        match receiver.ob_type().tp_iternext.get() {
            Some(next) => match next(receiver) {
                Ok(Some(v)) => return Ok(PySendResult::Next(v)),
                Ok(None) => return Ok(PySendResult::Return(none())),
                Err(e) => Err(e),
            },
            None => unreachable_send(),
        }
    } else {
        objects::call::PyObject_CallMethodOneArg(receiver, objects::intern!("send"), arg)
    };
    match res {
        Ok(v) => Ok(PySendResult::Next(v)),
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_StopIteration) => {
            Ok(PySendResult::Return(stop_iteration_value(e.value())))
        }
        Err(e) => Err(e),
    }
}

#[cold]
fn unreachable_send() -> PyResult {
    Err(system_error("receiver lost its __next__"))
}

/// The eval loop (`_PyEval_EvalFrameDefault`). Runs `frame` (and any frames it calls)
/// until it returns, yields, or raises. `throwflag` raises that exception in the frame
/// at its current instruction (generator `throw()`).
///
/// # Safety
/// `frame` must be an initialised frame owned by the thread's data stack or by a
/// generator, not running anywhere else.
pub unsafe fn _PyEval_EvalFrameDefault(
    tstate: &PyThreadState,
    entry: *mut _PyInterpreterFrame,
    throwflag: Option<PyObjectRef>,
) -> PyResult {
    // SAFETY: every raw pointer below points into the current frame (its code, its
    // locals and value stack), which the loop owns while running it; the compiler
    // guarantees the stack discipline of the bytecode (depth never exceeds
    // `co_stacksize`, pops never go below the stack base, NULLs appear only where
    // CALL/PRECALL expect them).
    unsafe {
        let mut frame = entry;
        (*frame).is_entry = true;
        (*frame).previous = tstate.current_frame.get();
        tstate.current_frame.set(frame);

        // Registers: the current frame's instruction and stack pointers. Everything
        // else is found from `frame` when needed (`localsplus!()`, `consts!()`,
        // `names!()`, `first_instr!()`), as CPython's `GETLOCAL` and `GETITEM` do: the
        // loop has only six callee-saved registers for what lives across calls, and
        // a variable that does not get one costs a store and a reload on every
        // instruction (with `next_instr` spilled, each dispatch waited on a
        // store-to-load forward).
        let mut next_instr: *mut _Py_CODEUNIT;
        let mut sp: *mut Slot;
        // The keyword names for the next CALL (`call_shape.kwnames`).
        let mut kwnames: Option<PyObjectRef> = None;

        macro_rules! load_registers {
            () => {{
                next_instr = (*frame).prev_instr.add(1);
                sp = (*frame).localsplus().add((*frame).stacktop as usize);
            }};
        }
        macro_rules! localsplus {
            () => {
                (*frame).localsplus()
            };
        }
        macro_rules! first_instr {
            () => {
                (&*(*frame).f_code).code_ptr()
            };
        }
        macro_rules! consts {
            () => {
                (&*(*frame).f_code)
                    .co_consts
                    .downcast_ref_unchecked::<PyTupleObject>()
                    .as_slice()
                    .as_ptr()
            };
        }
        macro_rules! names {
            () => {
                (&*(*frame).f_code)
                    .co_names
                    .downcast_ref_unchecked::<PyTupleObject>()
                    .as_slice()
                    .as_ptr()
            };
        }
        macro_rules! save_sp {
            () => {
                (*frame).stacktop = sp.offset_from(localsplus!()) as i32
            };
        }
        macro_rules! push {
            ($v:expr) => {{
                sp.write(Some($v));
                sp = sp.add(1);
            }};
        }
        macro_rules! push_slot {
            ($v:expr) => {{
                sp.write($v);
                sp = sp.add(1);
            }};
        }
        macro_rules! pop_slot {
            () => {{
                sp = sp.sub(1);
                sp.read()
            }};
        }
        macro_rules! pop {
            () => {{
                sp = sp.sub(1);
                match sp.read() {
                    Some(v) => v,
                    None => std::hint::unreachable_unchecked(),
                }
            }};
        }
        macro_rules! peek {
            ($n:expr) => {
                match &*sp.sub($n) {
                    Some(v) => v,
                    None => std::hint::unreachable_unchecked(),
                }
            };
        }
        macro_rules! set_peek {
            ($n:expr, $v:expr) => {
                *sp.sub($n) = Some($v)
            };
        }
        macro_rules! code {
            () => {
                &*(*frame).f_code
            };
        }
        macro_rules! skip_caches {
            ($op:ident) => {
                next_instr = next_instr.add(const { Opcode::$op.cache_entries() })
            };
        }
        // Pop the two operands of a specialised instruction and release them with
        // their exact type's deallocator (`_Py_DECREF_SPECIALIZED` on each).
        macro_rules! pop2_decref_specialized {
            ($dealloc:path) => {{
                let right = pop!();
                let left = pop!();
                _Py_DECREF_SPECIALIZED(right, $dealloc);
                _Py_DECREF_SPECIALIZED(left, $dealloc);
            }};
        }

        load_registers!();
        // This loop's `cframe`: `use_tracing` is tested at every instruction.
        let cframe = include::pystate::_PyCFrame {
            use_tracing: std::cell::Cell::new(tstate.use_tracing.get()),
            previous: tstate.use_tracing.current(),
        };
        let _cframe_guard = include::pystate::CFrameGuard::enter(tstate, &cframe);
        // `-X trace` is fixed at start-up; it takes the loop's tracing path.
        if TRACE.load(std::sync::atomic::Ordering::Relaxed) {
            cframe
                .use_tracing
                .set(cframe.use_tracing.get() | include::pystate::USE_TRACING_INSTR);
        }

        // A pending exception (generator throw) is raised at the current instruction.
        let mut pending: Option<PyErr> = throwflag.map(PyErr::from_instance);
        let mut skip_traceback = false;
        // Set when the error being unwound was chained already (by RAISE_VARARGS).
        let mut restored = false;
        // Set while the error is one thrown into a generator (`gen.throw()`).
        let mut thrown = pending.is_some();
        // Set when a frame must be popped without searching its handlers (it failed
        // before its first instruction, CPython's `goto exit_unwind`).
        let mut exit_unwind = false;

        // Entering a new frame counts against the recursion limit (`start_frame`,
        // `_Py_EnterRecursivePy`). Every entry takes one unit of budget and every
        // exit of the frame (return, yield, or the unwind of a frame that failed
        // this check) gives one back, so repeated RecursionErrors leave the budget
        // where it was.
        macro_rules! enter_frame {
            () => {{
                let remaining = tstate.recursion_remaining.get();
                tstate.recursion_remaining.set(remaining - 1);
                if remaining <= 0 || tstate.native_stack_exhausted() {
                    objects::object::_Py_CheckRecursiveCall("").err()
                } else {
                    None
                }
            }};
        }

        if let Some(e) = enter_frame!() {
            if pending.is_none() {
                pending = Some(e);
                exit_unwind = true;
                skip_traceback = true;
            }
        }
        if pending.is_some() && !exit_unwind && cframe.use_tracing.get() != 0 {
            // `TRACE_FUNCTION_THROW_ENTRY`: a throw into a generator is a `call` too.
            if let Err(e) = crate::ceval_trace::trace_function_entry(tstate, frame) {
                pending = Some(e);
                exit_unwind = true;
                skip_traceback = true;
            }
        }

        'main: loop {
            // --- The dispatch loop. Any error breaks out of it with the exception. ---
            let err: PyErr = 'dispatch: {
                if let Some(e) = pending.take() {
                    break 'dispatch e;
                }
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'dispatch e,
                        }
                    };
                }
                'fetch: loop {
                    let (mut opcode, mut oparg);
                    if cframe.use_tracing.get() == 0 {
                        // `INSTRUCTION_START`: remember where we are, fetch, advance.
                        (*frame).prev_instr = next_instr;
                        let word = *next_instr;
                        next_instr = next_instr.add(1);
                        opcode = _Py_OPCODE(word);
                        oparg = _Py_OPARG(word);
                    } else {
                        // `DO_TRACING`: events first; a trace function may move the
                        // frame to another line (popping its stack) or raise.
                        save_sp!();
                        let traced = crate::ceval_trace::do_tracing(tstate, frame, next_instr);
                        sp = localsplus!().add((*frame).stacktop as usize);
                        next_instr = (*frame).prev_instr.add(1);
                        (opcode, oparg) = tri!(traced);
                        if cframe.use_tracing.get() & include::pystate::USE_TRACING_INSTR != 0 {
                            trace_instruction(frame, sp, opcode, oparg);
                        }
                    }
                    'reswitch: loop {
                        // Run the match again for the `opcode` just set (CPython jumps to
                        // the base instruction's label). The registers pass through
                        // `black_box` on this rare edge: without it they are invariant in
                        // the `'reswitch` loop and LLVM hoists what the arms compute from
                        // them (`sp - 1`, `sp - 2`, ...) into the dispatch, where those
                        // values take registers and spill slots at every instruction.
                        macro_rules! reswitch {
                            () => {{
                                sp = std::hint::black_box(sp);
                                frame = std::hint::black_box(frame);
                                continue 'reswitch;
                            }};
                        }
                        // An adaptive instruction (`*_ADAPTIVE`): specialise when its
                        // counter runs out, else count down and run the base form.
                        macro_rules! adaptive {
                            ($base:ident, $instr:ident => $specialize:expr) => {{
                                if adaptive_counter_is_zero(*next_instr) {
                                    let $instr = next_instr.sub(1);
                                    $specialize;
                                    opcode = _Py_OPCODE(*$instr);
                                } else {
                                    *next_instr = adaptive_counter_decrement(*next_instr);
                                    opcode = op::$base;
                                }
                                reswitch!();
                            }};
                        }
                        // `DEOPT_IF` / `miss`: a specialised instruction's guess failed.
                        // Run the base instruction; after 53 misses go back to the
                        // adaptive form. Nothing may have been popped yet.
                        macro_rules! deopt {
                            ($base:ident) => {{
                                *next_instr = (*next_instr).wrapping_sub(1);
                                if *next_instr == 0 {
                                    crate::specialize::set_opcode(
                                        next_instr.sub(1),
                                        const {
                                            match Opcode::$base.adaptive() {
                                                Some(a) => a,
                                                None => panic!("no adaptive form"),
                                            }
                                        },
                                    );
                                    *next_instr = adaptive_counter_start();
                                }
                                opcode = op::$base;
                                reswitch!();
                            }};
                        }
                        // `goto start_frame` after a call pushed `new_frame`: the caller resumes after
                        // the CALL and its caches; the callee runs in this same loop.
                        macro_rules! start_frame {
                            ($new_frame:expr) => {{
                                let new_frame = $new_frame;
                                save_sp!();
                                (*frame).prev_instr = next_instr.sub(1);
                                (*new_frame).previous = frame;
                                frame = new_frame;
                                tstate.current_frame.set(frame);
                                load_registers!();
                                // `_Py_EnterRecursivePy`: the native stack is where it
                                // was when this loop was entered and checked it, so
                                // only the recursion budget needs a look here.
                                let remaining = tstate.recursion_remaining.get();
                                tstate.recursion_remaining.set(remaining - 1);
                                if remaining <= 0 {
                                    let e = match objects::object::_Py_CheckRecursiveCall("") {
                                        Err(e) => e,
                                        // Within the headroom given while a RecursionError
                                        // is being raised: the frame runs.
                                        Ok(()) => continue 'fetch,
                                    };
                                    // The frame never started: unwind it without a traceback entry
                                    // or handler search.
                                    skip_traceback = true;
                                    exit_unwind = true;
                                    break 'dispatch e;
                                }
                                continue 'fetch;
                            }};
                        }

                        // The end of a `LOAD_METHOD_*` on an instance whose guards
                        // held: the method kept in the cache, then the instance as `self`.
                        macro_rules! push_cached_method {
                            () => {{
                                let meth = cached_method(next_instr);
                                let owner = pop!();
                                push!(meth);
                                push!(owner);
                                skip_caches!(LOAD_METHOD);
                            }};
                        }
                        // The jump that ends a `COMPARE_OP_*_JUMP`: `sign` is -1, 0 or 1
                        // for less, equal, greater; the mask says which outcomes jump.
                        macro_rules! compare_jump {
                            ($sign:expr, $mask:expr) => {{
                                next_instr =
                                    next_instr.add(const { Opcode::COMPARE_OP.cache_entries() });
                                let jarg = _Py_OPARG(*next_instr) as usize;
                                // Bit sign+1 for a forward jump, bit sign+4 for a backward one.
                                let jump = (9u16 << ($sign + 1)) & $mask;
                                if jump == 0 {
                                    next_instr = next_instr.add(1);
                                } else if jump >= 8 {
                                    next_instr = next_instr.add(1).sub(jarg);
                                    if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                        (*frame).prev_instr = next_instr.sub(1);
                                        tri!(handle_pending());
                                    }
                                } else {
                                    next_instr = next_instr.add(1 + jarg);
                                }
                            }};
                        }
                        match opcode {
                            op::NOP => {}

                            op::RESUME => {
                                crate::specialize::_PyCode_Warmup(code!());
                                if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed)
                                    && oparg < 2
                                {
                                    tri!(handle_pending());
                                }
                            }

                            op::RESUME_QUICK => {
                                if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed)
                                    && oparg < 2
                                {
                                    tri!(handle_pending());
                                }
                            }

                            op::LOAD_FAST => {
                                let v = match &*localsplus!().add(oparg as usize) {
                                    Some(v) => v.clone(),
                                    None => break 'dispatch unbound_error(code!(), oparg as usize),
                                };
                                push!(v);
                            }

                            op::LOAD_CONST => {
                                push!((*consts!().add(oparg as usize)).clone());
                            }

                            op::STORE_FAST => {
                                let v = pop_slot!();
                                let slot = &mut *localsplus!().add(oparg as usize);
                                let old = std::mem::replace(slot, v);
                                drop(old);
                            }

                            op::DELETE_FAST => {
                                let slot = &mut *localsplus!().add(oparg as usize);
                                if slot.is_none() {
                                    break 'dispatch unbound_error(code!(), oparg as usize);
                                }
                                let old = slot.take();
                                drop(old);
                            }

                            op::POP_TOP => {
                                drop(pop_slot!());
                            }

                            op::PUSH_NULL => {
                                push_slot!(None);
                            }

                            op::COPY => {
                                let v = (*sp.sub(oparg as usize)).clone();
                                push_slot!(v);
                            }

                            op::SWAP => {
                                ptr::swap(sp.sub(1), sp.sub(oparg as usize));
                            }

                            op::UNARY_POSITIVE => {
                                let v = pop!();
                                push!(tri!(PyNumber_Positive(&v)));
                            }

                            op::UNARY_NEGATIVE => {
                                let v = pop!();
                                push!(tri!(PyNumber_Negative(&v)));
                            }

                            op::UNARY_NOT => {
                                let v = pop!();
                                let t = tri!(PyObject_IsTrue(&v));
                                push!(PyBool_FromLong(!t));
                            }

                            op::UNARY_INVERT => {
                                let v = pop!();
                                push!(tri!(PyNumber_Invert(&v)));
                            }

                            op::BINARY_OP => {
                                let rhs = pop!();
                                let lhs = pop!();
                                if oparg == nb::ADD || oparg == nb::ADD + nb::INPLACE_OFFSET {
                                    let next =
                                        next_instr.add(const { Opcode::BINARY_OP.cache_entries() });
                                    if let Some(target) =
                                        unicode_inplace_target(localsplus!(), *next, &lhs, &rhs)
                                    {
                                        // Only the local may hold the string for it to grow in place.
                                        drop(lhs);
                                        tri!(unicode_append_local(target, &rhs));
                                        // The append also did the STORE_FAST that follows.
                                        next_instr = next.add(1);
                                        continue 'fetch;
                                    }
                                }
                                let res = tri!(binary_op(&lhs, &rhs, oparg));
                                push!(res);
                                skip_caches!(BINARY_OP);
                            }

                            op::BINARY_SUBSCR => {
                                let sub = pop!();
                                let container = pop!();
                                push!(tri!(binary_subscr(&container, &sub)));
                                skip_caches!(BINARY_SUBSCR);
                            }

                            op::STORE_SUBSCR => {
                                let sub = pop!();
                                let container = pop!();
                                let v = pop!();
                                tri!(PyObject_SetItem(&container, &sub, &v));
                                skip_caches!(STORE_SUBSCR);
                            }

                            op::DELETE_SUBSCR => {
                                let sub = pop!();
                                let container = pop!();
                                tri!(PyObject_DelItem(&container, &sub));
                            }

                            op::COMPARE_OP => {
                                let right = pop!();
                                let left = pop!();
                                let res = tri!(compare_op(&left, &right, oparg));
                                push!(res);
                                skip_caches!(COMPARE_OP);
                            }

                            op::IS_OP => {
                                let right = pop!();
                                let left = pop!();
                                let res = left.is(&right) ^ (oparg == 1);
                                push!(PyBool_FromLong(res));
                            }

                            op::CONTAINS_OP => {
                                let right = pop!();
                                let left = pop!();
                                let res = tri!(PySequence_Contains(&right, &left));
                                push!(PyBool_FromLong(res ^ (oparg == 1)));
                            }

                            op::LOAD_GLOBAL => {
                                let name = &*names!().add((oparg >> 1) as usize);
                                let v = tri!(load_global(frame, name));
                                if oparg & 1 != 0 {
                                    push_slot!(None);
                                }
                                push!(v);
                                skip_caches!(LOAD_GLOBAL);
                            }

                            op::STORE_GLOBAL => {
                                let name = &*names!().add(oparg as usize);
                                let v = pop!();
                                tri!(store_global(frame, name, Some(&v)));
                            }

                            op::DELETE_GLOBAL => {
                                let name = &*names!().add(oparg as usize);
                                tri!(store_global(frame, name, None));
                            }

                            op::LOAD_NAME => {
                                let name = &*names!().add(oparg as usize);
                                push!(tri!(load_name(frame, name)));
                            }

                            op::STORE_NAME => {
                                let name = &*names!().add(oparg as usize);
                                let v = pop!();
                                tri!(store_name(frame, name, Some(&v)));
                            }

                            op::DELETE_NAME => {
                                let name = &*names!().add(oparg as usize);
                                tri!(store_name(frame, name, None));
                            }

                            op::LOAD_ATTR => {
                                let name = &*names!().add(oparg as usize);
                                let owner = pop!();
                                push!(tri!(PyObject_GetAttr(&owner, name)));
                                skip_caches!(LOAD_ATTR);
                            }

                            op::STORE_ATTR => {
                                let name = &*names!().add(oparg as usize);
                                let owner = pop!();
                                let v = pop!();
                                tri!(PyObject_SetAttr(&owner, name, Some(&v)));
                                skip_caches!(STORE_ATTR);
                            }

                            op::DELETE_ATTR => {
                                let name = &*names!().add(oparg as usize);
                                let owner = pop!();
                                tri!(PyObject_SetAttr(&owner, name, None));
                            }

                            op::LOAD_METHOD => {
                                let name = &*names!().add(oparg as usize);
                                let obj = pop!();
                                let (meth, unbound) = tri!(_PyObject_GetMethod(&obj, name));
                                if unbound {
                                    push!(meth);
                                    push!(obj);
                                } else {
                                    push_slot!(None);
                                    push!(meth);
                                }
                                skip_caches!(LOAD_METHOD);
                            }

                            op::PRECALL => {
                                // A bound method in the callable position is split into
                                // function and self, so CALL sees a method call.
                                let is_meth = (*sp.sub(oparg as usize + 2)).is_some();
                                if !is_meth {
                                    let callable = peek!(oparg as usize + 1);
                                    if let Some(m) = callable
                                        .downcast_ref_exact::<objects::classobject::PyMethodObject>(
                                        )
                                    {
                                        let (f, s) = (m.im_func.clone(), m.im_self.clone());
                                        set_peek!(oparg as usize + 1, s);
                                        set_peek!(oparg as usize + 2, f);
                                    }
                                }
                                skip_caches!(PRECALL);
                            }

                            op::KW_NAMES => {
                                kwnames = Some((*consts!().add(oparg as usize)).clone());
                            }

                            op::CALL => {
                                let mut is_meth = (*sp.sub(oparg as usize + 2)).is_some();
                                if !is_meth {
                                    let callable = peek!(oparg as usize + 1);
                                    if let Some(m) = callable
                                        .downcast_ref_exact::<objects::classobject::PyMethodObject>(
                                        )
                                    {
                                        let (f, s) = (m.im_func.clone(), m.im_self.clone());
                                        set_peek!(oparg as usize + 1, s);
                                        set_peek!(oparg as usize + 2, f);
                                        is_meth = true;
                                    }
                                }
                                let total_args = oparg as usize + is_meth as usize;
                                let kw = kwnames.take();
                                let nkw = kw.as_deref().map_or(0, objects::call::kwnames_len);
                                let function = peek!(total_args + 1).clone();
                                skip_caches!(CALL);
                                if let Some(func) =
                                    function.downcast_ref_exact::<PyFunctionObject>()
                                {
                                    // Inline the call: a new frame on the data stack.
                                    let args_base = sp.sub(total_args);
                                    let new_frame = _PyEvalFramePushAndInit(
                                        tstate,
                                        func,
                                        None,
                                        args_base,
                                        total_args - nkw,
                                        kw.as_deref(),
                                    );
                                    // The arguments were moved into the new frame.
                                    sp = args_base;
                                    // Drop the function (and the NULL) below them.
                                    for _ in 0..(2 - is_meth as usize) {
                                        drop(pop_slot!());
                                    }
                                    drop(function);
                                    start_frame!(tri!(new_frame));
                                }
                                // Any other callable: a vectorcall over the stack slots.
                                save_sp!();
                                let args_base = sp.sub(total_args);
                                let args: &[PyObjectRef] = std::slice::from_raw_parts(
                                    args_base as *const PyObjectRef,
                                    total_args,
                                );
                                let res = if cframe.use_tracing.get() == 0 {
                                    objects::call::PyObject_Vectorcall(
                                        &function,
                                        args,
                                        kw.as_deref(),
                                    )
                                } else {
                                    trace_call_function(tstate, &function, args, kw.as_deref())
                                };
                                // Clear the arguments, the callable and the NULL.
                                while sp > args_base {
                                    drop(pop_slot!());
                                }
                                for _ in 0..(2 - is_meth as usize) {
                                    drop(pop_slot!());
                                }
                                drop(function);
                                push!(tri!(res));
                                // As CPython's CALL of anything but a Python function:
                                // a signal or a thread switch the callee asked for is
                                // handled now (`CHECK_EVAL_BREAKER`).
                                if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                    tri!(handle_pending());
                                }
                            }

                            op::CALL_FUNCTION_EX => {
                                let kwargs = if oparg & 1 != 0 { Some(pop!()) } else { None };
                                let callargs = pop!();
                                let func = pop!();
                                let null = pop_slot!();
                                drop(null);
                                save_sp!();
                                let res = call_function_ex(&func, &callargs, kwargs.as_deref());
                                push!(tri!(res));
                            }

                            op::MAKE_FUNCTION => {
                                let code = pop!();
                                let closure = if oparg & 8 != 0 { Some(pop!()) } else { None };
                                let annotations = if oparg & 4 != 0 { Some(pop!()) } else { None };
                                let kwdefaults = if oparg & 2 != 0 { Some(pop!()) } else { None };
                                let defaults = if oparg & 1 != 0 { Some(pop!()) } else { None };
                                let f = tri!(make_function(
                                    frame,
                                    code,
                                    defaults,
                                    kwdefaults,
                                    annotations,
                                    closure
                                ));
                                push!(f);
                            }

                            op::RETURN_VALUE => {
                                let retval = pop!();
                                save_sp!();
                                if cframe.use_tracing.get() != 0 {
                                    // `TRACE_FUNCTION_EXIT`
                                    if let Err(e) = crate::ceval_trace::trace_function_exit(
                                        tstate,
                                        frame,
                                        Some(&retval),
                                    ) {
                                        exit_unwind = true;
                                        skip_traceback = true;
                                        break 'dispatch e;
                                    }
                                }
                                tstate
                                    .recursion_remaining
                                    .set(tstate.recursion_remaining.get() + 1);
                                if (*frame).is_entry {
                                    (*frame).f_state = FRAME_COMPLETED;
                                    tstate.current_frame.set((*frame).previous);
                                    return Ok(retval);
                                }
                                let prev = (*frame).previous;
                                _PyEvalFrameClearAndPop(tstate, frame);
                                frame = prev;
                                tstate.current_frame.set(frame);
                                load_registers!();
                                push!(retval);
                            }

                            op::RETURN_GENERATOR => {
                                save_sp!();
                                let gen = tri!(objects::genobject::_Py_MakeCoro(frame));
                                tstate
                                    .recursion_remaining
                                    .set(tstate.recursion_remaining.get() + 1);
                                // The frame's contents now belong to the generator:
                                // release the data-stack words without clearing them.
                                let prev = (*frame).previous;
                                if (*frame).is_entry {
                                    // The Rust caller releases the frame's words; the
                                    // state tells it not to clear them.
                                    (*frame).f_state = FRAME_CLEARED;
                                    tstate.current_frame.set(prev);
                                    return Ok(gen);
                                }
                                tstate.pop_frame(frame);
                                frame = prev;
                                tstate.current_frame.set(frame);
                                load_registers!();
                                push!(gen);
                            }

                            op::YIELD_VALUE => {
                                let retval = pop!();
                                save_sp!();
                                (*frame).f_state = FRAME_SUSPENDED;
                                if cframe.use_tracing.get() != 0 {
                                    // `TRACE_FUNCTION_EXIT`
                                    if let Err(e) = crate::ceval_trace::trace_function_exit(
                                        tstate,
                                        frame,
                                        Some(&retval),
                                    ) {
                                        exit_unwind = true;
                                        skip_traceback = true;
                                        break 'dispatch e;
                                    }
                                }
                                tstate
                                    .recursion_remaining
                                    .set(tstate.recursion_remaining.get() + 1);
                                tstate.current_frame.set((*frame).previous);
                                return Ok(retval);
                            }

                            op::SEND => {
                                let v = pop!();
                                let receiver = peek!(1).clone();
                                save_sp!();
                                match tri!(py_iter_send(&receiver, &v)) {
                                    include::cpython::object::PySendResult::Return(r) => {
                                        if tstate.c_tracefunc.get().is_some() {
                                            tri!(crate::ceval_trace::trace_send_return(
                                                tstate, frame, &receiver, &v, &r
                                            ));
                                        }
                                        set_peek!(1, r);
                                        next_instr = next_instr.add(oparg as usize);
                                    }
                                    include::cpython::object::PySendResult::Next(r) => push!(r),
                                }
                            }

                            op::GET_YIELD_FROM_ITER => {
                                let iterable = peek!(1).clone();
                                if iterable.is_type(&objects::genobject::PyCoro_Type) {
                                    // Only a coroutine-flagged code may `yield from` a coroutine.
                                    let co = code!();
                                    if co.co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE) == 0 {
                                        break 'dispatch type_error(
                                            "cannot 'yield from' a coroutine object in a non-coroutine generator",
                                        );
                                    }
                                } else if !objects::genobject::PyGenObject::check(&iterable) {
                                    let it = tri!(PyObject_GetIter(&iterable));
                                    set_peek!(1, it);
                                }
                            }

                            op::GET_AWAITABLE => {
                                let iterable = pop!();
                                let it =
                                    match crate::ceval_support::_PyCoro_GetAwaitableIter(&iterable)
                                    {
                                        Ok(it) => it,
                                        Err(e) => {
                                            break 'dispatch crate::ceval_support::awaitable_error(
                                                e, &iterable, oparg,
                                            )
                                        }
                                    };
                                push!(it);
                            }

                            op::GET_ITER => {
                                let iterable = pop!();
                                push!(tri!(PyObject_GetIter(&iterable)));
                            }

                            op::FOR_ITER => {
                                let it = peek!(1);
                                let next = match it.ob_type().tp_iternext.get() {
                                    Some(f) => f(it),
                                    None => Err(type_error(format!(
                                        "'{}' object is not an iterator",
                                        it.ob_type().name()
                                    ))),
                                };
                                match next {
                                    Ok(Some(v)) => push!(v),
                                    Ok(None) => {
                                        drop(pop_slot!());
                                        next_instr = next_instr.add(oparg as usize);
                                    }
                                    Err(e) if PyErr_ExceptionMatches(&e, &PyExc_StopIteration) => {
                                        if tstate.c_tracefunc.get().is_some() {
                                            save_sp!();
                                            tri!(crate::ceval_trace::trace_stop_iteration(
                                                tstate, frame, e
                                            ));
                                        }
                                        drop(pop_slot!());
                                        next_instr = next_instr.add(oparg as usize);
                                    }
                                    Err(e) => break 'dispatch e,
                                }
                            }

                            op::JUMP_FORWARD => {
                                next_instr = next_instr.add(oparg as usize);
                            }

                            op::JUMP_BACKWARD => {
                                crate::specialize::_PyCode_Warmup(code!());
                                next_instr = next_instr.sub(oparg as usize);
                                if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                    (*frame).prev_instr = next_instr.sub(1);
                                    tri!(handle_pending());
                                }
                            }

                            op::JUMP_BACKWARD_QUICK => {
                                next_instr = next_instr.sub(oparg as usize);
                                if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                    (*frame).prev_instr = next_instr.sub(1);
                                    tri!(handle_pending());
                                }
                            }

                            op::JUMP_BACKWARD_NO_INTERRUPT => {
                                next_instr = next_instr.sub(oparg as usize);
                            }

                            op::POP_JUMP_FORWARD_IF_FALSE => {
                                let cond = pop!();
                                if !tri!(is_true(&cond)) {
                                    next_instr = next_instr.add(oparg as usize);
                                }
                            }

                            op::POP_JUMP_BACKWARD_IF_FALSE => {
                                let cond = pop!();
                                if !tri!(is_true(&cond)) {
                                    next_instr = next_instr.sub(oparg as usize);
                                    if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                        (*frame).prev_instr = next_instr.sub(1);
                                        tri!(handle_pending());
                                    }
                                }
                            }

                            op::POP_JUMP_FORWARD_IF_TRUE => {
                                let cond = pop!();
                                if tri!(is_true(&cond)) {
                                    next_instr = next_instr.add(oparg as usize);
                                }
                            }

                            op::POP_JUMP_BACKWARD_IF_TRUE => {
                                let cond = pop!();
                                if tri!(is_true(&cond)) {
                                    next_instr = next_instr.sub(oparg as usize);
                                    if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                        (*frame).prev_instr = next_instr.sub(1);
                                        tri!(handle_pending());
                                    }
                                }
                            }

                            op::POP_JUMP_FORWARD_IF_NONE => {
                                if pop!().is(Py_None()) {
                                    next_instr = next_instr.add(oparg as usize);
                                }
                            }

                            op::POP_JUMP_BACKWARD_IF_NONE => {
                                if pop!().is(Py_None()) {
                                    next_instr = next_instr.sub(oparg as usize);
                                    if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                        (*frame).prev_instr = next_instr.sub(1);
                                        tri!(handle_pending());
                                    }
                                }
                            }

                            op::POP_JUMP_FORWARD_IF_NOT_NONE => {
                                if !pop!().is(Py_None()) {
                                    next_instr = next_instr.add(oparg as usize);
                                }
                            }

                            op::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                                if !pop!().is(Py_None()) {
                                    next_instr = next_instr.sub(oparg as usize);
                                    if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                        (*frame).prev_instr = next_instr.sub(1);
                                        tri!(handle_pending());
                                    }
                                }
                            }

                            op::JUMP_IF_FALSE_OR_POP => {
                                if tri!(is_true(peek!(1))) {
                                    drop(pop_slot!());
                                } else {
                                    next_instr = next_instr.add(oparg as usize);
                                }
                            }

                            op::JUMP_IF_TRUE_OR_POP => {
                                if tri!(is_true(peek!(1))) {
                                    next_instr = next_instr.add(oparg as usize);
                                } else {
                                    drop(pop_slot!());
                                }
                            }

                            op::BUILD_TUPLE => {
                                let n = oparg as usize;
                                sp = sp.sub(n);
                                let items = take_n(sp, n);
                                push!(PyTuple_New(items).into_object());
                            }

                            op::BUILD_LIST => {
                                let n = oparg as usize;
                                sp = sp.sub(n);
                                let items = take_n(sp, n);
                                push!(PyList_New(items).into_object());
                            }

                            op::BUILD_SET => {
                                let n = oparg as usize;
                                sp = sp.sub(n);
                                let items = take_n(sp, n);
                                let set = tri!(objects::setobject::PySet_New(None));
                                for item in &items {
                                    tri!(objects::setobject::PySet_Add(&set, item));
                                }
                                push!(set);
                            }

                            op::BUILD_MAP => {
                                let n = oparg as usize;
                                sp = sp.sub(2 * n);
                                let items = take_n(sp, 2 * n);
                                let d = PyDict_New();
                                for pair in items.chunks(2) {
                                    tri!(PyDict_SetItem(&d, &pair[0], &pair[1]));
                                }
                                push!(d.into_object());
                            }

                            op::BUILD_CONST_KEY_MAP => {
                                let keys = pop!();
                                sp = sp.sub(oparg as usize);
                                let values = take_n(sp, oparg as usize);
                                let d = PyDict_New();
                                if let Some(kt) = keys.downcast_ref::<PyTupleObject>() {
                                    for (k, v) in kt.as_slice().iter().zip(&values) {
                                        tri!(PyDict_SetItem(&d, k, v));
                                    }
                                }
                                push!(d.into_object());
                            }

                            op::BUILD_STRING => {
                                sp = sp.sub(oparg as usize);
                                let pieces = take_n(sp, oparg as usize);
                                let empty = objects::unicodeobject::PyUnicode_FromString("");
                                let joined = tri!(objects::unicodeobject::PyUnicode_Join(
                                    &empty,
                                    &PyTuple_New(pieces).into_object()
                                ));
                                push!(joined);
                            }

                            op::BUILD_SLICE => {
                                let step = if oparg == 3 { Some(pop!()) } else { None };
                                let stop = pop!();
                                let start = pop!();
                                push!(objects::sliceobject::PySlice_New(
                                    Some(start),
                                    Some(stop),
                                    step
                                ));
                            }

                            op::LIST_APPEND => {
                                let v = pop!();
                                let list = peek!(oparg as usize);
                                tri!(objects::listobject::PyList_Append(
                                    list.downcast_ref_unchecked::<PyListObject>(),
                                    v
                                ));
                            }

                            op::SET_ADD => {
                                let v = pop!();
                                let set = peek!(oparg as usize);
                                tri!(objects::setobject::PySet_Add(set, &v));
                            }

                            op::MAP_ADD => {
                                let value = pop!();
                                let key = pop!();
                                let d = peek!(oparg as usize);
                                tri!(PyDict_SetItem(
                                    d.downcast_ref_unchecked::<PyDictObject>(),
                                    &key,
                                    &value
                                ));
                            }

                            op::LIST_EXTEND => {
                                let iterable = pop!();
                                let list = peek!(oparg as usize);
                                if let Err(e) = _PyList_Extend(
                                    list.downcast_ref_unchecked::<PyListObject>(),
                                    &iterable,
                                ) {
                                    break 'dispatch star_error(e, &iterable);
                                }
                            }

                            op::SET_UPDATE => {
                                let iterable = pop!();
                                let set = peek!(oparg as usize);
                                tri!(objects::setobject::_PySet_Update(set, &iterable));
                            }

                            op::DICT_UPDATE => {
                                let update = pop!();
                                let d = peek!(oparg as usize);
                                if let Err(e) = PyDict_Update(
                                    d.downcast_ref_unchecked::<PyDictObject>(),
                                    &update,
                                ) {
                                    if PyErr_ExceptionMatches(&e, &PyExc_AttributeError) {
                                        break 'dispatch type_error(format!(
                                            "'{}' object is not a mapping",
                                            update.ob_type().name()
                                        ));
                                    }
                                    break 'dispatch e;
                                }
                            }

                            op::DICT_MERGE => {
                                let update = pop!();
                                let d = peek!(oparg as usize);
                                let func = peek!(oparg as usize + 2);
                                if let Err(e) = _PyDict_MergeEx(
                                    d.downcast_ref_unchecked::<PyDictObject>(),
                                    &update,
                                    2,
                                ) {
                                    break 'dispatch crate::call_setup::format_kwargs_error(
                                        func, &update, e,
                                    );
                                }
                            }

                            op::LIST_TO_TUPLE => {
                                let list = pop!();
                                push!(objects::listobject::PyList_AsTuple(
                                    list.downcast_ref_unchecked::<PyListObject>()
                                ));
                            }

                            op::UNPACK_SEQUENCE => {
                                let seq = pop!();
                                let n = oparg as usize;
                                sp = tri!(unpack_sequence(&seq, n, usize::MAX, sp));
                                skip_caches!(UNPACK_SEQUENCE);
                            }

                            op::UNPACK_EX => {
                                let seq = pop!();
                                let before = (oparg & 0xFF) as usize;
                                let after = (oparg >> 8) as usize;
                                sp = tri!(unpack_sequence(&seq, before, after, sp));
                            }

                            op::FORMAT_VALUE => {
                                let spec = if oparg & 4 != 0 { Some(pop!()) } else { None };
                                let value = pop!();
                                let converted = match oparg & 3 {
                                    1 => tri!(PyObject_Str(&value)),
                                    2 => tri!(PyObject_Repr(&value)),
                                    3 => tri!(PyObject_ASCII(&value)),
                                    _ => value,
                                };
                                let res = if spec.is_none()
                                    && converted.is_type(&objects::unicodeobject::PyUnicode_Type)
                                {
                                    converted
                                } else {
                                    tri!(PyObject_Format(&converted, spec.as_deref()))
                                };
                                push!(res);
                            }

                            op::MAKE_CELL => {
                                let slot = &mut *localsplus!().add(oparg as usize);
                                let initial = slot.take();
                                *slot = Some(PyCell_New(initial));
                            }

                            op::COPY_FREE_VARS => {
                                let func = &(*frame).f_func;
                                let closure = func
                                    .downcast_ref_unchecked::<PyFunctionObject>()
                                    .func_closure
                                    .get();
                                if let Some(closure) = closure {
                                    let cells = closure
                                        .downcast_ref_unchecked::<PyTupleObject>()
                                        .as_slice();
                                    let co = code!();
                                    let offset = (co.co_nlocalsplus as usize) - (oparg as usize);
                                    for (i, c) in cells.iter().take(oparg as usize).enumerate() {
                                        *localsplus!().add(offset + i) = Some(c.clone());
                                    }
                                }
                            }

                            op::LOAD_CLOSURE => {
                                let v = (*localsplus!().add(oparg as usize)).clone();
                                push_slot!(v);
                            }

                            op::LOAD_DEREF => {
                                let cell = match &*localsplus!().add(oparg as usize) {
                                    Some(c) => c,
                                    None => break 'dispatch unbound_error(code!(), oparg as usize),
                                };
                                match cell.downcast_ref_unchecked::<PyCellObject>().get() {
                                    Some(v) => push!(v),
                                    None => break 'dispatch unbound_error(code!(), oparg as usize),
                                }
                            }

                            op::STORE_DEREF => {
                                let v = pop!();
                                if let Some(cell) = &*localsplus!().add(oparg as usize) {
                                    cell.downcast_ref_unchecked::<PyCellObject>().set(Some(v));
                                }
                            }

                            op::DELETE_DEREF => {
                                let cell = match &*localsplus!().add(oparg as usize) {
                                    Some(c) => c.downcast_ref_unchecked::<PyCellObject>(),
                                    None => break 'dispatch unbound_error(code!(), oparg as usize),
                                };
                                if cell.get().is_none() {
                                    break 'dispatch unbound_error(code!(), oparg as usize);
                                }
                                cell.set(None);
                            }

                            op::LOAD_CLASSDEREF => {
                                let co = code!();
                                let name = objects::codeobject::localsplusname(co, oparg as usize)
                                    .unwrap_or_else(none);
                                let locals = (*frame).f_locals.clone();
                                let found = match &locals {
                                    Some(l) => tri!(mapping_get(l, &name)),
                                    None => None,
                                };
                                match found {
                                    Some(v) => push!(v),
                                    None => {
                                        let cell = match &*localsplus!().add(oparg as usize) {
                                            Some(c) => c.downcast_ref_unchecked::<PyCellObject>(),
                                            None => {
                                                break 'dispatch unbound_error(co, oparg as usize)
                                            }
                                        };
                                        match cell.get() {
                                            Some(v) => push!(v),
                                            None => {
                                                break 'dispatch unbound_error(co, oparg as usize)
                                            }
                                        }
                                    }
                                }
                            }

                            op::LOAD_BUILD_CLASS => {
                                let builtins = (*frame).f_builtins.as_ref();
                                let v = tri!(mapping_get(
                                    builtins,
                                    objects::intern!("__build_class__")
                                ));
                                match v {
                                    Some(v) => push!(v),
                                    None => {
                                        break 'dispatch name_error("__build_class__ not found")
                                    }
                                }
                            }

                            op::LOAD_ASSERTION_ERROR => {
                                push!(PyExc_AssertionError.as_object().to_owned());
                            }

                            op::SETUP_ANNOTATIONS => {
                                tri!(setup_annotations(frame));
                            }

                            op::PRINT_EXPR => {
                                let v = pop!();
                                tri!(crate::sysmodule::call_displayhook(&v));
                            }

                            op::IMPORT_NAME => {
                                let name = &*names!().add(oparg as usize);
                                let fromlist = pop!();
                                let level = pop!();
                                save_sp!();
                                let m = tri!(crate::import::import_name(
                                    frame, name, &fromlist, &level
                                ));
                                push!(m);
                            }

                            op::IMPORT_FROM => {
                                let name = &*names!().add(oparg as usize);
                                let from = peek!(1).clone();
                                push!(tri!(crate::import::import_from(&from, name)));
                            }

                            op::IMPORT_STAR => {
                                let from = pop!();
                                save_sp!();
                                tri!(crate::import::import_all_from(frame, &from));
                            }

                            op::RAISE_VARARGS => {
                                let (exc, cause) = match oparg {
                                    2 => {
                                        let cause = pop!();
                                        (Some(pop!()), Some(cause))
                                    }
                                    1 => (Some(pop!()), None),
                                    _ => (None, None),
                                };
                                let (e, reraise) = do_raise(exc, cause);
                                // A bare `raise` re-raises without a new traceback entry.
                                skip_traceback = reraise;
                                if !reraise {
                                    // `_PyErr_SetObject`, even for an exception raised
                                    // before (which has a traceback already).
                                    chain_context(tstate, &e);
                                    restored = true;
                                }
                                break 'dispatch e;
                            }

                            op::RERAISE => {
                                let val = pop!();
                                if oparg != 0 {
                                    if let Some(l) =
                                        peek!(oparg as usize).downcast_ref::<PyLongObject>()
                                    {
                                        let lasti = l.as_i64().unwrap_or(0) as usize;
                                        (*frame).prev_instr = first_instr!().add(lasti);
                                    }
                                }
                                skip_traceback = true;
                                break 'dispatch PyErr::from_instance(val);
                            }

                            op::PUSH_EXC_INFO => {
                                let value = pop!();
                                let exc_info = tstate.exc_info();
                                let prev = exc_info.exc_value.replace(Some(value.clone()));
                                push_slot!(Some(prev.unwrap_or_else(none)));
                                push!(value);
                            }

                            op::POP_EXCEPT => {
                                let value = pop!();
                                let v = if value.is(Py_None()) {
                                    None
                                } else {
                                    Some(value)
                                };
                                tstate.exc_info().exc_value.set(v);
                            }

                            op::CHECK_EXC_MATCH => {
                                let right = pop!();
                                tri!(check_except_type_valid(&right));
                                let left = peek!(1);
                                let res = PyErr_GivenExceptionMatches(left, &right);
                                push!(PyBool_FromLong(res));
                            }

                            op::CHECK_EG_MATCH => {
                                let match_type = pop!();
                                let exc_value = pop!();
                                tri!(check_except_star_type_valid(&match_type));
                                let (rest, matched) =
                                    tri!(crate::ceval_support::exception_group_match(
                                        &exc_value,
                                        &match_type
                                    ));
                                let has_match = !matched.is(Py_None());
                                push!(rest);
                                push!(matched.clone());
                                if has_match {
                                    // Make the match the handled exception (sys.exc_info).
                                    tstate.exc_info().exc_value.set(Some(matched));
                                }
                            }

                            op::PREP_RERAISE_STAR => {
                                let excs = pop!();
                                let orig = pop!();
                                push!(tri!(objects::exceptions::_PyExc_PrepReraiseStar(
                                    &orig, &excs
                                )));
                            }

                            op::WITH_EXCEPT_START => {
                                let val = peek!(1).clone();
                                let exit_func = peek!(4).clone();
                                let exc_type = val.ob_type().as_object().to_owned();
                                let tb = exc_traceback(&val).unwrap_or_else(none);
                                save_sp!();
                                let res = objects::call::PyObject_Vectorcall(
                                    &exit_func,
                                    &[exc_type, val, tb],
                                    None,
                                );
                                push!(tri!(res));
                            }

                            op::BEFORE_WITH => {
                                let mgr = pop!();
                                save_sp!();
                                let (exit, res) = tri!(before_with(&mgr, false));
                                push!(exit);
                                push!(res);
                            }

                            op::BEFORE_ASYNC_WITH => {
                                let mgr = pop!();
                                save_sp!();
                                let (exit, res) = tri!(before_with(&mgr, true));
                                push!(exit);
                                let it = match crate::ceval_support::_PyCoro_GetAwaitableIter(&res)
                                {
                                    Ok(it) => it,
                                    Err(e) => {
                                        break 'dispatch crate::ceval_support::awaitable_error(
                                            e, &res, 1,
                                        )
                                    }
                                };
                                push!(it);
                            }

                            op::GET_AITER => {
                                let obj = pop!();
                                push!(tri!(crate::ceval_support::get_aiter(&obj)));
                            }

                            op::GET_ANEXT => {
                                let aiter = peek!(1).clone();
                                push!(tri!(crate::ceval_support::get_anext(&aiter)));
                            }

                            op::END_ASYNC_FOR => {
                                let val = pop!();
                                if PyErr_GivenExceptionMatches(
                                    &val,
                                    PyExc_StopAsyncIteration.as_object(),
                                ) {
                                    drop(pop_slot!());
                                } else {
                                    skip_traceback = true;
                                    break 'dispatch PyErr::from_instance(val);
                                }
                            }

                            op::ASYNC_GEN_WRAP => {
                                let v = pop!();
                                push!(objects::genobject::_PyAsyncGenValueWrapperNew(v));
                            }

                            op::GET_LEN => {
                                let n = tri!(PyObject_Size(peek!(1)));
                                push!(objects::longobject::PyLong_FromSsize_t(n));
                            }

                            op::MATCH_MAPPING => {
                                let subject = peek!(1);
                                let res = subject.ob_type().has_feature(
                                    include::cpython::object::flags::Py_TPFLAGS_MAPPING,
                                );
                                push!(PyBool_FromLong(res));
                            }

                            op::MATCH_SEQUENCE => {
                                let subject = peek!(1);
                                let res = subject.ob_type().has_feature(
                                    include::cpython::object::flags::Py_TPFLAGS_SEQUENCE,
                                );
                                push!(PyBool_FromLong(res));
                            }

                            op::MATCH_KEYS => {
                                let keys = peek!(1).clone();
                                let subject = peek!(2).clone();
                                save_sp!();
                                push!(tri!(crate::ceval_support::match_keys(&subject, &keys)));
                            }

                            op::MATCH_CLASS => {
                                let names_tuple = pop!();
                                let tp = pop!();
                                let subject = pop!();
                                save_sp!();
                                let res = tri!(crate::ceval_support::match_class(
                                    &subject,
                                    &tp,
                                    oparg as usize,
                                    &names_tuple
                                ));
                                push!(res);
                            }

                            op::EXTENDED_ARG | op::EXTENDED_ARG_QUICK => {
                                let w = *next_instr;
                                next_instr = next_instr.add(1);
                                // As CPython, the next instruction runs unspecialised
                                // (tracing relies on it) and is not traced itself.
                                opcode = crate::specialize::deopt_opcode(_Py_OPCODE(w));
                                oparg = (oparg << 8) | _Py_OPARG(w);
                                reswitch!();
                            }

                            // --- Superinstructions (made by `_PyCode_Quicken`). ---
                            op::LOAD_FAST__LOAD_FAST => {
                                let v = match &*localsplus!().add(oparg as usize) {
                                    Some(v) => v.clone(),
                                    None => break 'dispatch unbound_error(code!(), oparg as usize),
                                };
                                let w = *next_instr;
                                next_instr = next_instr.add(1);
                                push!(v);
                                let arg2 = _Py_OPARG(w) as usize;
                                let v = match &*localsplus!().add(arg2) {
                                    Some(v) => v.clone(),
                                    None => break 'dispatch unbound_error(code!(), arg2),
                                };
                                push!(v);
                            }

                            op::LOAD_FAST__LOAD_CONST => {
                                let v = match &*localsplus!().add(oparg as usize) {
                                    Some(v) => v.clone(),
                                    None => break 'dispatch unbound_error(code!(), oparg as usize),
                                };
                                let w = *next_instr;
                                next_instr = next_instr.add(1);
                                push!(v);
                                push!((*consts!().add(_Py_OPARG(w) as usize)).clone());
                            }

                            op::STORE_FAST__LOAD_FAST => {
                                let v = pop_slot!();
                                drop(std::mem::replace(
                                    &mut *localsplus!().add(oparg as usize),
                                    v,
                                ));
                                let w = *next_instr;
                                next_instr = next_instr.add(1);
                                let arg2 = _Py_OPARG(w) as usize;
                                let v = match &*localsplus!().add(arg2) {
                                    Some(v) => v.clone(),
                                    None => break 'dispatch unbound_error(code!(), arg2),
                                };
                                push!(v);
                            }

                            op::STORE_FAST__STORE_FAST => {
                                let v = pop_slot!();
                                drop(std::mem::replace(
                                    &mut *localsplus!().add(oparg as usize),
                                    v,
                                ));
                                let w = *next_instr;
                                next_instr = next_instr.add(1);
                                let v = pop_slot!();
                                drop(std::mem::replace(
                                    &mut *localsplus!().add(_Py_OPARG(w) as usize),
                                    v,
                                ));
                            }

                            op::LOAD_CONST__LOAD_FAST => {
                                let c = (*consts!().add(oparg as usize)).clone();
                                let w = *next_instr;
                                next_instr = next_instr.add(1);
                                push!(c);
                                let arg2 = _Py_OPARG(w) as usize;
                                let v = match &*localsplus!().add(arg2) {
                                    Some(v) => v.clone(),
                                    None => break 'dispatch unbound_error(code!(), arg2),
                                };
                                push!(v);
                            }

                            // --- The BINARY_OP family. ---
                            op::BINARY_OP_ADAPTIVE => adaptive!(BINARY_OP, instr =>
                                crate::specialize::_Py_Specialize_BinaryOp(
                                    peek!(2), peek!(1), instr, oparg, localsplus!())),

                            op::BINARY_OP_ADD_INT
                            | op::BINARY_OP_SUBTRACT_INT
                            | op::BINARY_OP_MULTIPLY_INT => {
                                let (Some(a), Some(b)) = (
                                    peek!(2).downcast_ref_exact::<PyLongObject>(),
                                    peek!(1).downcast_ref_exact::<PyLongObject>(),
                                ) else {
                                    deopt!(BINARY_OP)
                                };
                                let res = match opcode {
                                    op::BINARY_OP_ADD_INT => {
                                        objects::longobject::long_add_values(a, b)
                                    }
                                    op::BINARY_OP_SUBTRACT_INT => {
                                        objects::longobject::long_sub_values(a, b)
                                    }
                                    _ => objects::longobject::long_mul_values(a, b),
                                };
                                pop2_decref_specialized!(objects::longobject::_PyLong_ExactDealloc);
                                push!(res);
                                skip_caches!(BINARY_OP);
                            }

                            op::BINARY_OP_ADD_FLOAT
                            | op::BINARY_OP_SUBTRACT_FLOAT
                            | op::BINARY_OP_MULTIPLY_FLOAT => {
                                let (Some(a), Some(b)) = (
                                    peek!(2).downcast_ref_exact::<PyFloatObject>(),
                                    peek!(1).downcast_ref_exact::<PyFloatObject>(),
                                ) else {
                                    deopt!(BINARY_OP)
                                };
                                let (a, b) = (a.ob_fval, b.ob_fval);
                                let res = PyFloat_FromDouble(match opcode {
                                    op::BINARY_OP_ADD_FLOAT => a + b,
                                    op::BINARY_OP_SUBTRACT_FLOAT => a - b,
                                    _ => a * b,
                                });
                                pop2_decref_specialized!(
                                    objects::floatobject::_PyFloat_ExactDealloc
                                );
                                push!(res);
                                skip_caches!(BINARY_OP);
                            }

                            op::BINARY_OP_ADD_UNICODE => {
                                let (l, r) = (peek!(2), peek!(1));
                                if !l.is_type(&PyUnicode_Type) || !r.is_type(&PyUnicode_Type) {
                                    deopt!(BINARY_OP)
                                }
                                let res = tri!(objects::unicodeobject::PyUnicode_Concat(l, r));
                                drop(pop_slot!());
                                set_peek!(1, res);
                                skip_caches!(BINARY_OP);
                            }

                            op::BINARY_OP_INPLACE_ADD_UNICODE => {
                                let (l, r) = (peek!(2), peek!(1));
                                if !l.is_type(&PyUnicode_Type) || !r.is_type(&PyUnicode_Type) {
                                    deopt!(BINARY_OP)
                                }
                                let true_next =
                                    *next_instr.add(const { Opcode::BINARY_OP.cache_entries() });
                                let target = &mut *localsplus!().add(_Py_OPARG(true_next) as usize);
                                if !target.as_ref().is_some_and(|t| t.is(l)) {
                                    deopt!(BINARY_OP)
                                }
                                let rhs = pop!();
                                // Only the local may hold the string for it to grow in place.
                                drop(pop!());
                                tri!(unicode_append_local(target, &rhs));
                                // The append also did the STORE_FAST that follows.
                                next_instr =
                                    next_instr.add(const { Opcode::BINARY_OP.cache_entries() } + 1);
                            }

                            // --- The COMPARE_OP family. ---
                            op::COMPARE_OP_ADAPTIVE => adaptive!(COMPARE_OP, instr =>
                                crate::specialize::_Py_Specialize_CompareOp(
                                    peek!(2), peek!(1), instr, oparg)),

                            op::COMPARE_OP_INT_JUMP => {
                                let mask = *next_instr.add(crate::specialize::cache::COMPARE_MASK);
                                let (Some(a), Some(b)) = (
                                    crate::specialize::is_medium_int(peek!(2)),
                                    crate::specialize::is_medium_int(peek!(1)),
                                ) else {
                                    deopt!(COMPARE_OP)
                                };
                                let sign = (a > b) as i32 - (a < b) as i32;
                                pop2_decref_specialized!(objects::longobject::_PyLong_ExactDealloc);
                                compare_jump!(sign, mask);
                            }

                            op::COMPARE_OP_FLOAT_JUMP => {
                                let mask = *next_instr.add(crate::specialize::cache::COMPARE_MASK);
                                let (Some(a), Some(b)) = (
                                    peek!(2).downcast_ref_exact::<PyFloatObject>(),
                                    peek!(1).downcast_ref_exact::<PyFloatObject>(),
                                ) else {
                                    deopt!(COMPARE_OP)
                                };
                                let (a, b) = (a.ob_fval, b.ob_fval);
                                if a.is_nan() || b.is_nan() {
                                    deopt!(COMPARE_OP)
                                }
                                let sign = (a > b) as i32 - (a < b) as i32;
                                pop2_decref_specialized!(
                                    objects::floatobject::_PyFloat_ExactDealloc
                                );
                                compare_jump!(sign, mask);
                            }

                            op::COMPARE_OP_STR_JUMP => {
                                let mask = *next_instr.add(crate::specialize::cache::COMPARE_MASK);
                                let (Some(a), Some(b)) = (
                                    peek!(2).downcast_ref_exact::<objects::unicodeobject::PyUnicodeObject>(),
                                    peek!(1).downcast_ref_exact::<objects::unicodeobject::PyUnicodeObject>(),
                                ) else {
                                    deopt!(COMPARE_OP)
                                };
                                // Equal strings count as "equal", others as "greater".
                                let sign = if objects::unicodeobject::_PyUnicode_EQ(a, b) {
                                    0
                                } else {
                                    1
                                };
                                drop(pop_slot!());
                                drop(pop_slot!());
                                compare_jump!(sign, mask);
                            }

                            // --- The LOAD_GLOBAL family. ---
                            op::LOAD_GLOBAL_ADAPTIVE => adaptive!(LOAD_GLOBAL, instr =>
                                crate::specialize::_Py_Specialize_LoadGlobal(
                                    (*frame).f_globals.as_ref(),
                                    (*frame).f_builtins.as_ref(),
                                    instr,
                                    &*names!().add((oparg >> 1) as usize))),

                            op::LOAD_GLOBAL_MODULE => {
                                use crate::specialize::cache::*;
                                let Some(g) = (*frame)
                                    .f_globals
                                    .as_ref()
                                    .downcast_ref_exact::<PyDictObject>()
                                else {
                                    deopt!(LOAD_GLOBAL)
                                };
                                if _PyDict_KeysVersion(g)
                                    != read_u32(next_instr.add(GLOBAL_MODULE_KEYS_VERSION))
                                {
                                    deopt!(LOAD_GLOBAL)
                                }
                                let Some(v) =
                                    _PyDict_EntryValue(g, *next_instr.add(GLOBAL_INDEX) as usize)
                                else {
                                    deopt!(LOAD_GLOBAL)
                                };
                                if oparg & 1 != 0 {
                                    push_slot!(None);
                                }
                                push!(v);
                                skip_caches!(LOAD_GLOBAL);
                            }

                            op::LOAD_GLOBAL_BUILTIN => {
                                use crate::specialize::cache::*;
                                let (Some(g), Some(b)) = (
                                    (*frame)
                                        .f_globals
                                        .as_ref()
                                        .downcast_ref_exact::<PyDictObject>(),
                                    (*frame)
                                        .f_builtins
                                        .as_ref()
                                        .downcast_ref_exact::<PyDictObject>(),
                                ) else {
                                    deopt!(LOAD_GLOBAL)
                                };
                                if _PyDict_KeysVersion(g)
                                    != read_u32(next_instr.add(GLOBAL_MODULE_KEYS_VERSION))
                                    || _PyDict_KeysVersion(b)
                                        != *next_instr.add(GLOBAL_BUILTIN_KEYS_VERSION) as u32
                                {
                                    deopt!(LOAD_GLOBAL)
                                }
                                let Some(v) =
                                    _PyDict_EntryValue(b, *next_instr.add(GLOBAL_INDEX) as usize)
                                else {
                                    deopt!(LOAD_GLOBAL)
                                };
                                if oparg & 1 != 0 {
                                    push_slot!(None);
                                }
                                push!(v);
                                skip_caches!(LOAD_GLOBAL);
                            }

                            // --- The LOAD_ATTR and STORE_ATTR families. ---
                            op::LOAD_ATTR_ADAPTIVE => adaptive!(LOAD_ATTR, instr =>
                                crate::specialize::_Py_Specialize_LoadAttr(
                                    peek!(1), instr, &*names!().add(oparg as usize))),

                            op::LOAD_ATTR_WITH_HINT => {
                                use crate::specialize::cache::*;
                                let owner = peek!(1);
                                if owner.ob_type().tp_version_tag.get()
                                    != read_u32(next_instr.add(ATTR_VERSION))
                                {
                                    deopt!(LOAD_ATTR)
                                }
                                let Some(d) = _PyObject_DictPointer(owner).and_then(|s| s.get())
                                else {
                                    deopt!(LOAD_ATTR)
                                };
                                let Some(v) = _PyDict_HintValue(
                                    d.downcast_ref_unchecked::<PyDictObject>(),
                                    *next_instr.add(ATTR_INDEX) as usize,
                                    &*names!().add(oparg as usize),
                                ) else {
                                    deopt!(LOAD_ATTR)
                                };
                                set_peek!(1, v);
                                drop(d);
                                skip_caches!(LOAD_ATTR);
                            }

                            op::LOAD_ATTR_INSTANCE_VALUE => {
                                use crate::specialize::cache::*;
                                let owner = peek!(1);
                                if owner.ob_type().tp_version_tag.get()
                                    != read_u32(next_instr.add(ATTR_VERSION))
                                {
                                    deopt!(LOAD_ATTR)
                                }
                                // The type (unchanged since) manages its instances' dicts.
                                let Some(values) = _PyObject_ValuesPointer(owner).get() else {
                                    deopt!(LOAD_ATTR)
                                };
                                let Some(v) = (*values.as_ptr())
                                    .values()
                                    .get(*next_instr.add(ATTR_INDEX) as usize)
                                    .and_then(|c| c.get())
                                else {
                                    deopt!(LOAD_ATTR)
                                };
                                set_peek!(1, v);
                                skip_caches!(LOAD_ATTR);
                            }

                            op::LOAD_ATTR_SLOT => {
                                use crate::specialize::cache::*;
                                let owner = peek!(1);
                                if owner.ob_type().tp_version_tag.get()
                                    != read_u32(next_instr.add(ATTR_VERSION))
                                {
                                    deopt!(LOAD_ATTR)
                                }
                                // The type (unchanged since) has a slot member there.
                                let cell = &*((owner.as_ptr() as *const u8)
                                    .add(*next_instr.add(ATTR_INDEX) as usize)
                                    as *const include::object::PyCell<Option<PyObjectRef>>);
                                let Some(v) = cell.get() else {
                                    deopt!(LOAD_ATTR)
                                };
                                set_peek!(1, v);
                                skip_caches!(LOAD_ATTR);
                            }

                            op::STORE_ATTR_SLOT => {
                                use crate::specialize::cache::*;
                                let owner = peek!(1);
                                if owner.ob_type().tp_version_tag.get()
                                    != read_u32(next_instr.add(ATTR_VERSION))
                                {
                                    deopt!(STORE_ATTR)
                                }
                                let owner = pop!();
                                let v = pop!();
                                let cell = &*((owner.as_ptr() as *const u8)
                                    .add(*next_instr.add(ATTR_INDEX) as usize)
                                    as *const include::object::PyCell<Option<PyObjectRef>>);
                                // Releasing the old value can run `__del__`: after the store.
                                let old = cell.replace(Some(v));
                                drop(owner);
                                drop(old);
                                skip_caches!(STORE_ATTR);
                            }

                            op::LOAD_ATTR_MODULE => {
                                use crate::specialize::cache::*;
                                let Some(m) = peek!(1)
                                    .downcast_ref_exact::<objects::moduleobject::PyModuleObject>()
                                else {
                                    deopt!(LOAD_ATTR)
                                };
                                let d = m.dict();
                                if _PyDict_KeysVersion(d) != read_u32(next_instr.add(ATTR_VERSION))
                                {
                                    deopt!(LOAD_ATTR)
                                }
                                let Some(v) =
                                    _PyDict_EntryValue(d, *next_instr.add(ATTR_INDEX) as usize)
                                else {
                                    deopt!(LOAD_ATTR)
                                };
                                set_peek!(1, v);
                                skip_caches!(LOAD_ATTR);
                            }

                            op::STORE_ATTR_ADAPTIVE => adaptive!(STORE_ATTR, instr =>
                                crate::specialize::_Py_Specialize_StoreAttr(
                                    peek!(1), instr, &*names!().add(oparg as usize))),

                            op::STORE_ATTR_INSTANCE_VALUE => {
                                use crate::specialize::cache::*;
                                let owner = peek!(1);
                                if owner.ob_type().tp_version_tag.get()
                                    != read_u32(next_instr.add(ATTR_VERSION))
                                {
                                    deopt!(STORE_ATTR)
                                }
                                // The type (unchanged since) manages its instances' dicts.
                                let Some(values) = _PyObject_ValuesPointer(owner).get() else {
                                    deopt!(STORE_ATTR)
                                };
                                match _PyDictValues_StoreAt(
                                    values,
                                    *next_instr.add(ATTR_INDEX) as usize,
                                    peek!(2).clone(),
                                ) {
                                    Ok(old) => {
                                        drop(pop_slot!());
                                        drop(pop_slot!());
                                        // Releasing the old value can run `__del__`:
                                        // after the store.
                                        drop(old);
                                        skip_caches!(STORE_ATTR);
                                    }
                                    Err(value) => {
                                        drop(value);
                                        deopt!(STORE_ATTR)
                                    }
                                }
                            }

                            op::STORE_ATTR_WITH_HINT => {
                                use crate::specialize::cache::*;
                                let owner = peek!(1);
                                if owner.ob_type().tp_version_tag.get()
                                    != read_u32(next_instr.add(ATTR_VERSION))
                                {
                                    deopt!(STORE_ATTR)
                                }
                                let Some(d) = _PyObject_DictPointer(owner).and_then(|s| s.get())
                                else {
                                    deopt!(STORE_ATTR)
                                };
                                match _PyDict_StoreHint(
                                    d.downcast_ref_unchecked::<PyDictObject>(),
                                    *next_instr.add(ATTR_INDEX) as usize,
                                    &*names!().add(oparg as usize),
                                    peek!(2).clone(),
                                ) {
                                    Ok(old) => {
                                        drop(pop_slot!());
                                        drop(pop_slot!());
                                        drop(d);
                                        drop(old);
                                        skip_caches!(STORE_ATTR);
                                    }
                                    Err(value) => {
                                        drop(value);
                                        drop(d);
                                        deopt!(STORE_ATTR)
                                    }
                                }
                            }

                            // --- The LOAD_METHOD family. ---
                            op::LOAD_METHOD_ADAPTIVE => adaptive!(LOAD_METHOD, instr =>
                                crate::specialize::_Py_Specialize_LoadMethod(
                                    peek!(1), instr, &*names!().add(oparg as usize))),

                            op::LOAD_METHOD_NO_DICT => {
                                use crate::specialize::cache::*;
                                if peek!(1).ob_type().tp_version_tag.get()
                                    != read_u32(next_instr.add(METHOD_TYPE_VERSION))
                                {
                                    deopt!(LOAD_METHOD)
                                }
                                push_cached_method!();
                            }

                            op::LOAD_METHOD_WITH_VALUES => {
                                use crate::specialize::cache::*;
                                let tp = peek!(1).ob_type();
                                if tp.tp_version_tag.get()
                                    != read_u32(next_instr.add(METHOD_TYPE_VERSION))
                                {
                                    deopt!(LOAD_METHOD)
                                }
                                // The type (unchanged since) manages its instances' dicts:
                                // no materialised dict, and no key added to the shared
                                // keys since (so the instance has no such attribute).
                                if _PyObject_DictPointer(peek!(1))
                                    .is_some_and(|s| s.get_ref().is_some())
                                    || _PyType_CachedKeysVersion(tp)
                                        != read_u32(next_instr.add(METHOD_KEYS_VERSION))
                                {
                                    deopt!(LOAD_METHOD)
                                }
                                push_cached_method!();
                            }

                            op::LOAD_METHOD_WITH_DICT => {
                                use crate::specialize::cache::*;
                                if peek!(1).ob_type().tp_version_tag.get()
                                    != read_u32(next_instr.add(METHOD_TYPE_VERSION))
                                {
                                    deopt!(LOAD_METHOD)
                                }
                                // The instance's own dict: its keys unchanged since, so it
                                // still lacks the name.
                                let Some(dict_slot) = _PyObject_DictPointer(peek!(1)) else {
                                    deopt!(LOAD_METHOD)
                                };
                                let keys_ok = dict_slot.get_ref().as_ref().is_some_and(|d| {
                                    d.downcast_ref::<PyDictObject>().is_some_and(|d| {
                                        _PyDict_KeysVersion(d)
                                            == read_u32(next_instr.add(METHOD_KEYS_VERSION))
                                    })
                                });
                                if !keys_ok {
                                    deopt!(LOAD_METHOD)
                                }
                                push_cached_method!();
                            }

                            op::LOAD_METHOD_CLASS => {
                                use crate::specialize::cache::*;
                                let Some(cls) = peek!(1).downcast_ref::<PyTypeObject>() else {
                                    deopt!(LOAD_METHOD)
                                };
                                if cls.tp_version_tag.get()
                                    != read_u32(next_instr.add(METHOD_TYPE_VERSION))
                                {
                                    deopt!(LOAD_METHOD)
                                }
                                let res = cached_method(next_instr);
                                let cls = pop!();
                                push_slot!(None);
                                push!(res);
                                drop(cls);
                                skip_caches!(LOAD_METHOD);
                            }

                            op::LOAD_METHOD_MODULE => {
                                use crate::specialize::cache::*;
                                let Some(m) = peek!(1)
                                    .downcast_ref_exact::<objects::moduleobject::PyModuleObject>()
                                else {
                                    deopt!(LOAD_METHOD)
                                };
                                let d = m.dict();
                                if _PyDict_KeysVersion(d) != read_u32(next_instr.add(ATTR_VERSION))
                                {
                                    deopt!(LOAD_METHOD)
                                }
                                let Some(v) =
                                    _PyDict_EntryValue(d, *next_instr.add(ATTR_INDEX) as usize)
                                else {
                                    deopt!(LOAD_METHOD)
                                };
                                drop(pop_slot!());
                                push_slot!(None);
                                push!(v);
                                skip_caches!(LOAD_METHOD);
                            }

                            // --- Subscripts and unpacking. ---
                            op::BINARY_SUBSCR_ADAPTIVE => adaptive!(BINARY_SUBSCR, instr =>
                                crate::specialize::_Py_Specialize_BinarySubscr(
                                    peek!(2), peek!(1), instr)),

                            op::BINARY_SUBSCR_LIST_INT => {
                                let (Some(i), Some(l)) = (
                                    crate::specialize::small_index(peek!(1)),
                                    peek!(2).downcast_ref_exact::<PyListObject>(),
                                ) else {
                                    deopt!(BINARY_SUBSCR)
                                };
                                let Some(v) = l.get(i) else {
                                    deopt!(BINARY_SUBSCR)
                                };
                                drop(pop_slot!());
                                set_peek!(1, v);
                                skip_caches!(BINARY_SUBSCR);
                            }

                            op::BINARY_SUBSCR_TUPLE_INT => {
                                let (Some(i), Some(t)) = (
                                    crate::specialize::small_index(peek!(1)),
                                    peek!(2).downcast_ref_exact::<PyTupleObject>(),
                                ) else {
                                    deopt!(BINARY_SUBSCR)
                                };
                                let Some(v) = t.as_slice().get(i).cloned() else {
                                    deopt!(BINARY_SUBSCR)
                                };
                                drop(pop_slot!());
                                set_peek!(1, v);
                                skip_caches!(BINARY_SUBSCR);
                            }

                            op::BINARY_SUBSCR_DICT => {
                                if !peek!(2).is_type(&PyDict_Type) {
                                    deopt!(BINARY_SUBSCR)
                                }
                                let sub = pop!();
                                let container = pop!();
                                let d = container.downcast_ref_unchecked::<PyDictObject>();
                                match tri!(PyDict_GetItemWithError(d, &sub)) {
                                    Some(v) => push!(v),
                                    None => break 'dispatch objects::pyerrors::key_error(&sub),
                                }
                                skip_caches!(BINARY_SUBSCR);
                            }

                            op::STORE_SUBSCR_ADAPTIVE => adaptive!(STORE_SUBSCR, instr =>
                                crate::specialize::_Py_Specialize_StoreSubscr(
                                    peek!(2), peek!(1), instr)),

                            op::STORE_SUBSCR_LIST_INT => {
                                let (Some(i), Some(l)) = (
                                    crate::specialize::small_index(peek!(1)),
                                    peek!(2).downcast_ref_exact::<PyListObject>(),
                                ) else {
                                    deopt!(STORE_SUBSCR)
                                };
                                if i >= l.len() {
                                    deopt!(STORE_SUBSCR)
                                }
                                drop(pop_slot!());
                                let container = pop!();
                                let v = pop!();
                                tri!(objects::listobject::PyList_SetItem(
                                    container.downcast_ref_unchecked::<PyListObject>(),
                                    i as isize,
                                    v
                                ));
                                skip_caches!(STORE_SUBSCR);
                            }

                            op::STORE_SUBSCR_DICT => {
                                if !peek!(2).is_type(&PyDict_Type) {
                                    deopt!(STORE_SUBSCR)
                                }
                                let sub = pop!();
                                let container = pop!();
                                let v = pop!();
                                tri!(PyDict_SetItem(
                                    container.downcast_ref_unchecked::<PyDictObject>(),
                                    &sub,
                                    &v
                                ));
                                skip_caches!(STORE_SUBSCR);
                            }

                            op::UNPACK_SEQUENCE_ADAPTIVE => adaptive!(UNPACK_SEQUENCE, instr =>
                                crate::specialize::_Py_Specialize_UnpackSequence(
                                    peek!(1), instr, oparg)),

                            op::UNPACK_SEQUENCE_TWO_TUPLE | op::UNPACK_SEQUENCE_TUPLE => {
                                let Some(t) = peek!(1).downcast_ref_exact::<PyTupleObject>() else {
                                    deopt!(UNPACK_SEQUENCE)
                                };
                                if t.len() != oparg as usize {
                                    deopt!(UNPACK_SEQUENCE)
                                }
                                let seq = pop!();
                                let items =
                                    seq.downcast_ref_unchecked::<PyTupleObject>().as_slice();
                                for item in items.iter().rev() {
                                    push!(item.clone());
                                }
                                drop(seq);
                                skip_caches!(UNPACK_SEQUENCE);
                            }

                            op::UNPACK_SEQUENCE_LIST => {
                                let Some(l) = peek!(1).downcast_ref_exact::<PyListObject>() else {
                                    deopt!(UNPACK_SEQUENCE)
                                };
                                if l.len() != oparg as usize {
                                    deopt!(UNPACK_SEQUENCE)
                                }
                                let seq = pop!();
                                {
                                    // SAFETY: cloning references runs no Python code, so
                                    // the list cannot change while it is borrowed.
                                    let items =
                                        seq.downcast_ref_unchecked::<PyListObject>().items();
                                    for item in items.iter().rev() {
                                        push!(item.clone());
                                    }
                                }
                                drop(seq);
                                skip_caches!(UNPACK_SEQUENCE);
                            }

                            // --- PRECALL and CALL. ---
                            op::PRECALL_ADAPTIVE => adaptive!(PRECALL, instr => {
                                let is_meth = (*sp.sub(oparg as usize + 2)).is_some();
                                let nargs = oparg as usize + is_meth as usize;
                                crate::specialize::_Py_Specialize_Precall(
                                    peek!(nargs + 1), instr, nargs, kwnames.is_some(), oparg)
                            }),

                            // The PRECALL forms that call a builtin themselves, then skip
                            // the CALL (`SKIP_CALL`).
                            op::PRECALL_NO_KW_BUILTIN_O
                            | op::PRECALL_NO_KW_BUILTIN_FAST
                            | op::PRECALL_BUILTIN_FAST_WITH_KEYWORDS
                            | op::PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS
                            | op::PRECALL_NO_KW_METHOD_DESCRIPTOR_O
                            | op::PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST
                            | op::PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS
                            | op::PRECALL_BUILTIN_CLASS => {
                                use crate::specialize::{call_kind, CallKind};
                                let is_meth = (*sp.sub(oparg as usize + 2)).is_some();
                                let total = oparg as usize + is_meth as usize;
                                let callable = peek!(total + 1);
                                let ok = match opcode {
                                    op::PRECALL_BUILTIN_CLASS => callable
                                        .downcast_ref::<PyTypeObject>()
                                        .is_some_and(|t| t.tp_vectorcall.get().is_some()),
                                    op::PRECALL_NO_KW_BUILTIN_O
                                    | op::PRECALL_NO_KW_BUILTIN_FAST
                                    | op::PRECALL_BUILTIN_FAST_WITH_KEYWORDS => callable
                                        .downcast_ref_exact::<objects::methodobject::PyCFunctionObject>()
                                        .is_some_and(|f| {
                                            let k = call_kind(f.m_ml);
                                            match opcode {
                                                op::PRECALL_NO_KW_BUILTIN_O => k == CallKind::O && total == 1,
                                                op::PRECALL_NO_KW_BUILTIN_FAST => k == CallKind::Fast,
                                                _ => k == CallKind::FastKw,
                                            }
                                        }),
                                    _ => callable
                                        .downcast_ref_exact::<objects::descrobject::PyMethodDescrObject>()
                                        .is_some_and(|d| {
                                            let k = call_kind(d.d_method);
                                            let self_ok = total >= 1
                                                && peek!(total).is_type(&d.common.d_type);
                                            self_ok
                                                && match opcode {
                                                    op::PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS => {
                                                        k == CallKind::NoArgs && total == 1
                                                    }
                                                    op::PRECALL_NO_KW_METHOD_DESCRIPTOR_O => {
                                                        k == CallKind::O && total == 2
                                                    }
                                                    op::PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST => {
                                                        k == CallKind::Fast
                                                    }
                                                    _ => k == CallKind::FastKw,
                                                }
                                        }),
                                };
                                if !ok {
                                    deopt!(PRECALL)
                                }
                                let kw = kwnames.take();
                                save_sp!();
                                let args_base = sp.sub(total);
                                let args: &[PyObjectRef] = std::slice::from_raw_parts(
                                    args_base as *const PyObjectRef,
                                    total,
                                );
                                let res = objects::call::PyObject_Vectorcall(
                                    callable,
                                    args,
                                    kw.as_deref(),
                                );
                                for _ in 0..(oparg as usize + 2) {
                                    drop(pop_slot!());
                                }
                                push!(tri!(res));
                                skip_caches!(PRECALL);
                                next_instr =
                                    next_instr.add(1 + const { Opcode::CALL.cache_entries() });
                                if EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed) {
                                    tri!(handle_pending());
                                }
                            }

                            op::PRECALL_NO_KW_LEN
                            | op::PRECALL_NO_KW_ISINSTANCE
                            | op::PRECALL_NO_KW_STR_1
                            | op::PRECALL_NO_KW_TYPE_1
                            | op::PRECALL_NO_KW_TUPLE_1 => {
                                let is_meth = (*sp.sub(oparg as usize + 2)).is_some();
                                let total = oparg as usize + is_meth as usize;
                                let callable = peek!(total + 1);
                                let ok = match opcode {
                                    op::PRECALL_NO_KW_LEN => {
                                        total == 1 && crate::specialize::is_builtin_len(callable)
                                    }
                                    op::PRECALL_NO_KW_ISINSTANCE => {
                                        total == 2
                                            && crate::specialize::is_builtin_isinstance(callable)
                                    }
                                    op::PRECALL_NO_KW_STR_1 => {
                                        !is_meth && callable.is(PyUnicode_Type.as_object())
                                    }
                                    op::PRECALL_NO_KW_TYPE_1 => {
                                        !is_meth
                                            && callable
                                                .is(objects::typeobject::PyType_Type.as_object())
                                    }
                                    _ => {
                                        !is_meth
                                            && callable
                                                .is(objects::tupleobject::PyTuple_Type.as_object())
                                    }
                                };
                                if !ok {
                                    deopt!(PRECALL)
                                }
                                save_sp!();
                                let res = match opcode {
                                    op::PRECALL_NO_KW_LEN => PyObject_Size(peek!(1))
                                        .map(objects::longobject::PyLong_FromSsize_t),
                                    op::PRECALL_NO_KW_ISINSTANCE => {
                                        PyObject_IsInstance(peek!(2), peek!(1)).map(PyBool_FromLong)
                                    }
                                    op::PRECALL_NO_KW_STR_1 => PyObject_Str(peek!(1)),
                                    op::PRECALL_NO_KW_TYPE_1 => {
                                        Ok(peek!(1).ob_type().as_object().to_owned())
                                    }
                                    _ => PySequence_Tuple(peek!(1)),
                                };
                                for _ in 0..(oparg as usize + 2) {
                                    drop(pop_slot!());
                                }
                                push!(tri!(res));
                                skip_caches!(PRECALL);
                                next_instr =
                                    next_instr.add(1 + const { Opcode::CALL.cache_entries() });
                            }

                            op::PRECALL_NO_KW_LIST_APPEND => {
                                let is_meth = (*sp.sub(oparg as usize + 2)).is_some();
                                let total = oparg as usize + is_meth as usize;
                                if !crate::specialize::is_list_append(peek!(total + 1))
                                    || peek!(2).downcast_ref::<PyListObject>().is_none()
                                {
                                    deopt!(PRECALL)
                                }
                                // PRECALL, CALL and the POP_TOP that drops its None.
                                skip_caches!(PRECALL);
                                next_instr =
                                    next_instr.add(1 + const { Opcode::CALL.cache_entries() } + 1);
                                let arg = pop!();
                                let list = pop!();
                                drop(pop_slot!());
                                tri!(objects::listobject::PyList_Append(
                                    list.downcast_ref_unchecked::<PyListObject>(),
                                    arg
                                ));
                                drop(list);
                            }

                            op::PRECALL_PYFUNC => {
                                let is_meth = (*sp.sub(oparg as usize + 2)).is_some();
                                if !peek!(oparg as usize + is_meth as usize + 1)
                                    .is_type(&objects::funcobject::PyFunction_Type)
                                {
                                    deopt!(PRECALL)
                                }
                                skip_caches!(PRECALL);
                            }

                            op::PRECALL_BOUND_METHOD => {
                                if (*sp.sub(oparg as usize + 2)).is_some() {
                                    deopt!(PRECALL)
                                }
                                let Some(m) = peek!(oparg as usize + 1)
                                    .downcast_ref_exact::<objects::classobject::PyMethodObject>(
                                ) else {
                                    deopt!(PRECALL)
                                };
                                let (f, s) = (m.im_func.clone(), m.im_self.clone());
                                set_peek!(oparg as usize + 1, s);
                                set_peek!(oparg as usize + 2, f);
                                skip_caches!(PRECALL);
                            }

                            op::CALL_ADAPTIVE => adaptive!(CALL, instr => {
                                let is_meth = (*sp.sub(oparg as usize + 2)).is_some();
                                let nargs = oparg as usize + is_meth as usize;
                                crate::specialize::_Py_Specialize_Call(
                                    peek!(nargs + 1), instr, nargs, kwnames.is_some())
                            }),

                            op::CALL_PY_EXACT_ARGS => {
                                use crate::specialize::cache::*;
                                let is_meth = (*sp.sub(oparg as usize + 2)).is_some();
                                let argcount = oparg as usize + is_meth as usize;
                                let Some(func) =
                                    peek!(argcount + 1).downcast_ref_exact::<PyFunctionObject>()
                                else {
                                    deopt!(CALL)
                                };
                                if kwnames.is_some()
                                    || func.func_version.get()
                                        != read_u32(next_instr.add(CALL_FUNC_VERSION))
                                    || (&*func.func_code.as_ptr()).co_argcount as usize != argcount
                                {
                                    deopt!(CALL)
                                }
                                skip_caches!(CALL);
                                // The function and the arguments move into the new frame;
                                // below the function is the NULL of a plain call.
                                let args_base = sp.sub(argcount);
                                let function = pop_function(args_base);
                                let new_frame = crate::call_setup::_PyFrame_PushUnchecked(
                                    tstate, function, args_base, argcount, argcount,
                                );
                                sp = args_base.sub(2 - is_meth as usize);
                                start_frame!(new_frame);
                            }

                            op::CALL_PY_WITH_DEFAULTS => {
                                use crate::specialize::cache::*;
                                let is_meth = (*sp.sub(oparg as usize + 2)).is_some();
                                let argcount = oparg as usize + is_meth as usize;
                                let Some(func) =
                                    peek!(argcount + 1).downcast_ref_exact::<PyFunctionObject>()
                                else {
                                    deopt!(CALL)
                                };
                                let min_args = *next_instr.add(CALL_MIN_ARGS) as usize;
                                if kwnames.is_some()
                                    || func.func_version.get()
                                        != read_u32(next_instr.add(CALL_FUNC_VERSION))
                                    || argcount > (&*func.func_code.as_ptr()).co_argcount as usize
                                    || argcount < min_args
                                {
                                    deopt!(CALL)
                                }
                                skip_caches!(CALL);
                                let args_base = sp.sub(argcount);
                                let function = pop_function(args_base);
                                let new_frame = crate::call_setup::_PyFrame_PushUnchecked(
                                    tstate, function, args_base, argcount, min_args,
                                );
                                sp = args_base.sub(2 - is_meth as usize);
                                start_frame!(new_frame);
                            }

                            _ => {
                                break 'dispatch system_error(format!("unknown opcode {opcode}"));
                            }
                        }
                        break 'reswitch;
                    }
                }
            };

            // --- Error handling (`error:` and `exception_unwind:`). ---
            let mut err = err;
            kwnames = None;
            loop {
                let restored = std::mem::take(&mut restored);
                let thrown = std::mem::take(&mut thrown);
                if !std::mem::take(&mut skip_traceback) {
                    // CPython chains an exception when it is raised (`_PyErr_SetObject`),
                    // not when it passes from a callee to its caller (whose finally
                    // blocks may have changed `__context__` on purpose). An error made
                    // by Rust code is chained when it first reaches an eval loop: it has
                    // no traceback until then. An exception thrown into a generator is
                    // chained only to one the generator itself is handling
                    // (`_PyErr_ChainStackItem` in `gen_send_ex2`).
                    let chain = if thrown {
                        tstate
                            .exc_info()
                            .exc_value
                            .get()
                            .is_some_and(|v| !v.is(Py_None()))
                    } else {
                        !restored && exc_traceback(err.value()).is_none()
                    };
                    if chain {
                        chain_context(tstate, &err);
                    }
                    traceback_here(frame, &err);
                    if tstate.c_tracefunc.get().is_some() {
                        err = crate::ceval_trace::call_exc_trace(tstate, frame, err);
                    }
                }
                // `exception_unwind`: find a handler in this frame.
                let co = &*(*frame).f_code;
                // The handler is looked up for the instruction that is executing, not
                // `prev_instr`: RERAISE may have moved that back to the original
                // failing instruction for the traceback's sake.
                let index = next_instr.offset_from(first_instr!()).max(1) as usize - 1;
                let table = co
                    .co_exceptiontable
                    .downcast_ref_unchecked::<objects::bytesobject::PyBytesObject>()
                    .as_bytes();
                let unwinding = !std::mem::take(&mut exit_unwind);
                let handler = if unwinding {
                    get_exception_handler(table, index)
                } else {
                    None
                };
                if let Some((handler, level, lasti)) = handler {
                    let stackbase = (*frame).stackbase();
                    let new_sp = stackbase.add(level);
                    while sp > new_sp {
                        drop(pop_slot!());
                    }
                    if lasti {
                        push!(objects::longobject::PyLong_FromSsize_t((*frame).lasti()));
                    }
                    push!(err.into_value());
                    next_instr = first_instr!().add(handler);
                    continue 'main;
                }
                // No handler: pop the frame's stack and the frame itself.
                let stackbase = (*frame).stackbase();
                while sp > stackbase {
                    drop(pop_slot!());
                }
                save_sp!();
                if unwinding && cframe.use_tracing.get() != 0 {
                    // `TRACE_FUNCTION_UNWIND`: the `return` event with None.
                    if let Err(e) = crate::ceval_trace::trace_function_exit(tstate, frame, None) {
                        err = e;
                    }
                }
                tstate
                    .recursion_remaining
                    .set(tstate.recursion_remaining.get() + 1);
                if (*frame).is_entry {
                    (*frame).f_state = FRAME_COMPLETED;
                    tstate.current_frame.set((*frame).previous);
                    return Err(err);
                }
                let prev = (*frame).previous;
                _PyEvalFrameClearAndPop(tstate, frame);
                frame = prev;
                tstate.current_frame.set(frame);
                load_registers!();
                // `resume_with_error`: the caller's frame sees the error next.
            }
        }
    }
}

/// Move the callable out of the slot just below a call's arguments at `args_base` (a
/// specialised Python call hands it to the new frame).
///
/// # Safety
/// That slot must hold a reference, which the caller takes over.
#[inline(always)]
unsafe fn pop_function(args_base: *mut Slot) -> PyObjectRef {
    // SAFETY: upheld by the caller.
    unsafe {
        match args_base.sub(1).read() {
            Some(f) => f,
            None => std::hint::unreachable_unchecked(),
        }
    }
}

/// Take the `n` stack items from `base` up (the caller has already lowered the stack
/// pointer to `base`), bottom first. The stack pointer is passed by value so that it
/// never escapes the eval loop and can stay in a register.
#[inline]
unsafe fn take_n(base: *mut Slot, n: usize) -> Vec<PyObjectRef> {
    // SAFETY: the compiler guarantees `n` items are on the stack.
    unsafe {
        let mut v = Vec::with_capacity(n);
        for i in 0..n {
            if let Some(x) = base.add(i).read() {
                v.push(x);
            }
        }
        v
    }
}

/// The object a specialised `LOAD_METHOD_*` keeps in its cache (a new reference).
///
/// # Safety
/// `caches` must be the caches of a LOAD_METHOD specialised by
/// `_Py_Specialize_LoadMethod` whose type-version guard has just held: the type's (or
/// class's) dict still holds the object.
unsafe fn cached_method(caches: *const _Py_CODEUNIT) -> PyObjectRef {
    use crate::specialize::cache::METHOD_DESCR;
    // SAFETY: upheld by the caller.
    unsafe { (*(read_u64(caches.add(METHOD_DESCR)) as usize as *const PyObject)).to_owned() }
}

/// `_Py_DECREF_SPECIALIZED`: drop a reference to an object whose exact type the
/// instruction has checked, freeing it with that type's deallocator directly instead of
/// through `_Py_Dealloc`.
///
/// # Safety
/// `dealloc` must be the deallocator of `v`'s type.
#[inline(always)]
unsafe fn _Py_DECREF_SPECIALIZED(v: PyObjectRef, dealloc: unsafe fn(*mut PyObject)) {
    let op = v.into_raw();
    // SAFETY: `v` owned one reference to a live object, given up above; at zero
    // nothing else can reach the object, and the caller names its deallocator.
    unsafe {
        let obj = op.as_ref();
        let n = obj.ob_refcnt.get() - 1;
        obj.ob_refcnt.set(n);
        if n == 0 {
            dealloc(op.as_ptr());
        }
    }
}

/// Truth for conditional jumps, with the `True`/`False` fast path.
#[inline(always)]
fn is_true(v: &PyObject) -> PyResult<bool> {
    if v.is(Py_True()) {
        return Ok(true);
    }
    if v.is(Py_False()) || v.is(Py_None()) {
        return Ok(false);
    }
    PyObject_IsTrue(v)
}

/// `BINARY_OP`: exact-int fast paths for the commonest operators, then the generic
/// dispatch of `PyNumber_*`.
#[inline]
/// `s += t` (or `s = s + t`) where `s` is a str in a local that the next instruction stores the result
/// back into: the local, which can then be appended to in place when nothing else
/// holds `s` (CPython's BINARY_OP_INPLACE_ADD_UNICODE; without it, building a string
/// piecewise is quadratic). `None` when the pattern does not apply.
///
/// # Safety
/// `localsplus` must be the running frame's locals, and `next` the code unit after
/// the BINARY_OP's caches.
unsafe fn unicode_inplace_target<'a>(
    localsplus: *mut Option<PyObjectRef>,
    next: _Py_CODEUNIT,
    lhs: &PyObject,
    rhs: &PyObject,
) -> Option<&'a mut Option<PyObjectRef>> {
    if crate::specialize::deopt_opcode(_Py_OPCODE(next)) != op::STORE_FAST
        || !lhs.is_type(&objects::unicodeobject::PyUnicode_Type)
        || !rhs.is_type(&objects::unicodeobject::PyUnicode_Type)
    {
        return None;
    }
    // SAFETY: STORE_FAST's argument is a valid local index of this frame.
    let target = unsafe { &mut *localsplus.add(_Py_OPARG(next) as usize) };
    target.as_ref().is_some_and(|t| t.is(lhs)).then_some(target)
}

/// Append `rhs` to the str held in a local (see [`unicode_inplace_target`]).
fn unicode_append_local(target: &mut Option<PyObjectRef>, rhs: &PyObject) -> PyResult<()> {
    let Some(mut s) = target.take() else {
        return Ok(());
    };
    let res = objects::unicodeobject::PyUnicode_Append(&mut s, rhs);
    *target = Some(s);
    res
}

fn binary_op(lhs: &PyObject, rhs: &PyObject, oparg: u32) -> PyResult {
    if let (Some(a), Some(b)) = (
        lhs.downcast_ref_exact::<PyLongObject>(),
        rhs.downcast_ref_exact::<PyLongObject>(),
    ) {
        match oparg {
            nb::ADD | 13 => return Ok(objects::longobject::long_add_values(a, b)),
            nb::SUBTRACT | 23 => return Ok(objects::longobject::long_sub_values(a, b)),
            nb::MULTIPLY | 18 => return Ok(objects::longobject::long_mul_values(a, b)),
            _ => {}
        }
    }
    if oparg < nb::INPLACE_OFFSET {
        PyNumber_BinaryOp(lhs, rhs, oparg)
    } else {
        PyNumber_InPlaceOp(lhs, rhs, oparg)
    }
}

/// `BINARY_SUBSCR`: list/tuple with an int index inline, else `PyObject_GetItem`.
#[inline]
fn binary_subscr(container: &PyObject, sub: &PyObject) -> PyResult {
    if let Some(i) = sub
        .downcast_ref_exact::<PyLongObject>()
        .and_then(|l| l.as_i64())
    {
        if let Some(l) = container.downcast_ref_exact::<PyListObject>() {
            let n = l.len() as i64;
            let idx = if i < 0 { i + n } else { i };
            if idx >= 0 && idx < n {
                if let Some(v) = l.get(idx as usize) {
                    return Ok(v);
                }
            }
        } else if let Some(t) = container.downcast_ref_exact::<PyTupleObject>() {
            let n = t.len() as i64;
            let idx = if i < 0 { i + n } else { i };
            if idx >= 0 && idx < n {
                return Ok(t.as_slice()[idx as usize].clone());
            }
        }
    }
    PyObject_GetItem(container, sub)
}

/// `COMPARE_OP` with an exact-int fast path.
#[inline]
fn compare_op(left: &PyObject, right: &PyObject, oparg: u32) -> PyResult {
    let Some(op) = CompareOp::from_u32(oparg) else {
        return Err(system_error("bad COMPARE_OP argument"));
    };
    if let (Some(a), Some(b)) = (
        left.downcast_ref_exact::<PyLongObject>()
            .and_then(|l| l.as_i64()),
        right
            .downcast_ref_exact::<PyLongObject>()
            .and_then(|l| l.as_i64()),
    ) {
        return Ok(PyBool_FromLong(op.from_ordering(a.cmp(&b))));
    }
    PyObject_RichCompare(left, right, op)
}

/// Get `key` from a mapping (`None` if absent), with the dict fast path.
fn mapping_get(mapping: &PyObject, key: &PyObject) -> PyResult<Option<PyObjectRef>> {
    if let Some(d) = mapping.downcast_ref_exact::<PyDictObject>() {
        return PyDict_GetItemWithError(d, key);
    }
    match PyObject_GetItem(mapping, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if PyErr_ExceptionMatches(&e, &PyExc_KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `LOAD_GLOBAL`: globals, then builtins.
#[inline]
unsafe fn load_global(frame: *mut _PyInterpreterFrame, name: &PyObject) -> PyResult {
    // SAFETY: the frame's globals and builtins are kept alive by its function.
    let (globals, builtins) =
        unsafe { ((*frame).f_globals.as_ref(), (*frame).f_builtins.as_ref()) };
    if let (Some(g), Some(b)) = (
        globals.downcast_ref_exact::<PyDictObject>(),
        builtins.downcast_ref_exact::<PyDictObject>(),
    ) {
        if let Some(h) = objects::unicodeobject::unicode_hash(name) {
            if let Some(v) = _PyDict_GetItem_KnownHash(g, name, h)? {
                return Ok(v);
            }
            if let Some(v) = _PyDict_GetItem_KnownHash(b, name, h)? {
                return Ok(v);
            }
            return Err(name_error_for(name));
        }
    }
    if let Some(v) = mapping_get(globals, name)? {
        return Ok(v);
    }
    match mapping_get(builtins, name)? {
        Some(v) => Ok(v),
        None => Err(name_error_for(name)),
    }
}

unsafe fn store_global(
    frame: *mut _PyInterpreterFrame,
    name: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    // SAFETY: the frame's globals are kept alive by its function.
    let globals = unsafe { (*frame).f_globals.as_ref() };
    let Some(g) = globals.downcast_ref::<PyDictObject>() else {
        return Err(system_error("globals is not a dict"));
    };
    match value {
        Some(v) => PyDict_SetItem(g, name, v),
        None => match PyDict_DelItem(g, name) {
            Ok(()) => Ok(()),
            Err(e) if PyErr_ExceptionMatches(&e, &PyExc_KeyError) => Err(name_error_for(name)),
            Err(e) => Err(e),
        },
    }
}

/// `LOAD_NAME`: the locals mapping, then globals, then builtins.
unsafe fn load_name(frame: *mut _PyInterpreterFrame, name: &PyObject) -> PyResult {
    // SAFETY: the frame is live.
    let locals = unsafe { (*frame).f_locals.clone() };
    let Some(locals) = locals else {
        return Err(system_error(format!(
            "no locals when loading {}",
            as_str_lossy(&*PyObject_Repr(name)?)
        )));
    };
    if let Some(v) = mapping_get(&locals, name)? {
        return Ok(v);
    }
    // SAFETY: as in `load_global`.
    unsafe { load_global(frame, name) }
}

unsafe fn store_name(
    frame: *mut _PyInterpreterFrame,
    name: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    // SAFETY: the frame is live.
    let locals = unsafe { (*frame).f_locals.clone() };
    let Some(locals) = locals else {
        let what = if value.is_some() {
            "storing"
        } else {
            "deleting"
        };
        return Err(system_error(format!(
            "no locals found when {} {}",
            what,
            as_str_lossy(&*PyObject_Repr(name)?)
        )));
    };
    match value {
        Some(v) => {
            if let Some(d) = locals.downcast_ref_exact::<PyDictObject>() {
                PyDict_SetItem(d, name, v)
            } else {
                PyObject_SetItem(&locals, name, v)
            }
        }
        None => match PyObject_DelItem(&locals, name) {
            Ok(()) => Ok(()),
            Err(e) if PyErr_ExceptionMatches(&e, &PyExc_KeyError) => Err(name_error_for(name)),
            Err(e) => Err(e),
        },
    }
}

unsafe fn setup_annotations(frame: *mut _PyInterpreterFrame) -> PyResult<()> {
    // SAFETY: the frame is live.
    let locals = unsafe { (*frame).f_locals.clone() };
    let Some(locals) = locals else {
        return Err(system_error("no locals found when setting up annotations"));
    };
    let key = objects::intern!("__annotations__");
    if mapping_get(&locals, key)?.is_none() {
        PyObject_SetItem(&locals, key, &PyDict_New().into_object())?;
    }
    Ok(())
}

/// `MAKE_FUNCTION`.
unsafe fn make_function(
    frame: *mut _PyInterpreterFrame,
    code: PyObjectRef,
    defaults: Option<PyObjectRef>,
    kwdefaults: Option<PyObjectRef>,
    annotations: Option<PyObjectRef>,
    closure: Option<PyObjectRef>,
) -> PyResult {
    let Ok(code) = objects::PyObjectRefExt::downcast::<PyCodeObject>(code) else {
        return Err(system_error("MAKE_FUNCTION expects a code object"));
    };
    // SAFETY: the frame is live; its globals and builtins outlive this call.
    let (globals, builtins) = unsafe {
        (
            (*frame).f_globals.as_ref().to_owned(),
            (*frame).f_builtins.as_ref().to_owned(),
        )
    };
    let f = objects::funcobject::PyFunction_New(code, globals, builtins)?;
    f.func_defaults.set(defaults);
    f.func_kwdefaults.set(kwdefaults);
    f.func_annotations.set(annotations);
    f.func_closure.set(closure);
    Ok(f.into_object())
}

/// `CALL_FUNCTION_EX`: `f(*args, **kwargs)`.
fn call_function_ex(func: &PyObject, callargs: &PyObject, kwargs: Option<&PyObject>) -> PyResult {
    let args: Vec<PyObjectRef> = if let Some(t) = callargs.downcast_ref_exact::<PyTupleObject>() {
        t.as_slice().to_vec()
    } else {
        match PySequence_List_items(callargs) {
            Ok(v) => v,
            Err(e) => {
                if PyErr_ExceptionMatches(&e, &PyExc_TypeError)
                    && callargs.ob_type().tp_iter.get().is_none()
                    && !PySequence_Check(callargs)
                {
                    return Err(type_error(format!(
                        "{} argument after * must be an iterable, not {}",
                        crate::call_setup::function_str(func),
                        callargs.ob_type().name()
                    )));
                }
                return Err(e);
            }
        }
    };
    match kwargs {
        Some(kw) if PyDictObject::check(kw) => {
            let (stack, names) = objects::call::_PyStack_UnpackDict(&args, kw)?;
            do_call_core(func, &stack, names.as_deref())
        }
        Some(kw) => {
            let d = PyDict_New();
            if let Err(e) = _PyDict_MergeEx(&d, kw, 2) {
                return Err(crate::call_setup::format_kwargs_error(func, kw, e));
            }
            let (stack, names) = objects::call::_PyStack_UnpackDict(&args, d.as_object())?;
            do_call_core(func, &stack, names.as_deref())
        }
        None => do_call_core(func, &args, None),
    }
}

/// `CALL` of anything but a Python function while tracing (`-X trace` alone does
/// not trace calls).
#[cold]
#[inline(never)]
fn trace_call_function(
    tstate: &PyThreadState,
    func: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if tstate.use_tracing.get() & include::pystate::USE_TRACING_SYS != 0 {
        return crate::ceval_trace::trace_call_function(tstate, func, args, kwnames);
    }
    objects::call::PyObject_Vectorcall(func, args, kwnames)
}

/// The call of `CALL_FUNCTION_EX` (`do_call_core`): traced while tracing is on.
fn do_call_core(func: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let tstate = _PyThreadState_GET();
    if tstate.use_tracing.get() & include::pystate::USE_TRACING_SYS != 0 {
        return crate::ceval_trace::trace_call_function(tstate, func, args, kwnames);
    }
    objects::call::PyObject_Vectorcall(func, args, kwnames)
}

/// The error for `[*x]`/`f(*x)` when `x` is not iterable.
fn star_error(e: PyErr, iterable: &PyObject) -> PyErr {
    if PyErr_ExceptionMatches(&e, &PyExc_TypeError)
        && iterable.ob_type().tp_iter.get().is_none()
        && !PySequence_Check(iterable)
    {
        return type_error(format!(
            "Value after * must be an iterable, not {}",
            iterable.ob_type().name()
        ));
    }
    e
}

/// `UNPACK_SEQUENCE` (with `after == usize::MAX`) and `UNPACK_EX`: push the items so
/// that the first ends up on top; returns the new stack pointer.
unsafe fn unpack_sequence(
    seq: &PyObject,
    before: usize,
    after: usize,
    mut sp: *mut Slot,
) -> PyResult<*mut Slot> {
    let star = after != usize::MAX;
    let items: Vec<PyObjectRef> = if let Some(t) = seq.downcast_ref_exact::<PyTupleObject>() {
        t.as_slice().to_vec()
    } else if let Some(l) = seq.downcast_ref_exact::<PyListObject>() {
        l.to_vec()
    } else {
        let it = match PyObject_GetIter(seq) {
            Ok(it) => it,
            Err(e) => {
                if PyErr_ExceptionMatches(&e, &PyExc_TypeError)
                    && seq.ob_type().tp_iter.get().is_none()
                    && !PySequence_Check(seq)
                {
                    return Err(type_error(format!(
                        "cannot unpack non-iterable {} object",
                        seq.ob_type().name()
                    )));
                }
                return Err(e);
            }
        };
        if star {
            iterate_to_vec(&it)?
        } else {
            // Read at most one more than needed, to report "too many values".
            let mut v = Vec::with_capacity(before);
            while let Some(x) = PyIter_Next(&it)? {
                v.push(x);
                if v.len() > before {
                    return Err(value_error(format!(
                        "too many values to unpack (expected {before})"
                    )));
                }
            }
            v
        }
    };
    let n = items.len();
    let mut out: Vec<PyObjectRef>;
    if star {
        if n < before + after {
            return Err(value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                n
            )));
        }
        out = Vec::with_capacity(before + after + 1);
        out.extend_from_slice(&items[..before]);
        out.push(PyList_New(items[before..n - after].to_vec()).into_object());
        out.extend_from_slice(&items[n - after..]);
    } else {
        if n < before {
            return Err(value_error(format!(
                "not enough values to unpack (expected {before}, got {n})"
            )));
        }
        if n > before {
            return Err(value_error(format!(
                "too many values to unpack (expected {before})"
            )));
        }
        out = items;
    }
    // SAFETY: the compiler reserved stack room for the unpacked items.
    unsafe {
        for v in out.into_iter().rev() {
            sp.write(Some(v));
            sp = sp.add(1);
        }
    }
    Ok(sp)
}

/// `do_raise`: `raise`, `raise exc`, `raise exc from cause`. Returns the exception to
/// raise and whether it is a re-raise of the exception being handled (bare `raise`).
fn do_raise(exc: Option<PyObjectRef>, cause: Option<PyObjectRef>) -> (PyErr, bool) {
    let Some(exc) = exc else {
        // The handled exception is the topmost one on the whole stack: a generator
        // resumed inside an `except` block re-raises its caller's exception.
        return match crate::sysmodule::topmost_exception() {
            Some(v) => (PyErr::from_instance(v), true),
            None => (runtime_error("No active exception to reraise"), false),
        };
    };
    match make_raised(exc, cause) {
        Ok(e) | Err(e) => (e, false),
    }
}

/// Instantiate the raised object and attach its cause; `Ok` is the exception to
/// raise, `Err` an error made while preparing it (which is raised instead).
fn make_raised(exc: PyObjectRef, cause: Option<PyObjectRef>) -> Result<PyErr, PyErr> {
    let instantiate = |cls: &PyObject| -> Result<PyObjectRef, PyErr> {
        let v = objects::call::PyObject_CallNoArgs(cls)?;
        if !PyExceptionInstance_Check(&v) {
            return Err(type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                as_str_lossy(&*PyObject_Repr(cls)?),
                v.ob_type().name()
            )));
        }
        Ok(v)
    };
    let value = if PyExceptionClass_Check(&exc) {
        instantiate(&exc)?
    } else if PyExceptionInstance_Check(&exc) {
        exc
    } else {
        return Err(type_error("exceptions must derive from BaseException"));
    };
    if let Some(cause) = cause {
        let fixed = if PyExceptionClass_Check(&cause) {
            Some(instantiate(&cause)?)
        } else if PyExceptionInstance_Check(&cause) {
            Some(cause)
        } else if cause.is(Py_None()) {
            None
        } else {
            return Err(type_error(
                "exception causes must derive from BaseException",
            ));
        };
        exc_set_cause(&value, fixed);
    }
    Ok(PyErr::from_instance(value))
}

fn check_except_type_valid(right: &PyObject) -> PyResult<()> {
    let ok = |t: &PyObject| PyExceptionClass_Check(t);
    if let Some(tup) = right.downcast_ref::<PyTupleObject>() {
        if !tup.as_slice().iter().all(|t| ok(t)) {
            return Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        return Ok(());
    }
    if !ok(right) {
        return Err(type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        ));
    }
    Ok(())
}

fn check_except_star_type_valid(right: &PyObject) -> PyResult<()> {
    check_except_type_valid(right)?;
    let is_group = |t: &PyObject| {
        objects::typeobject::as_type(t)
            .is_some_and(|tp| objects::typeobject::PyType_IsSubtype(tp, &PyExc_BaseExceptionGroup))
    };
    let bad = match right.downcast_ref::<PyTupleObject>() {
        Some(t) => t.as_slice().iter().any(|x| is_group(x)),
        None => is_group(right),
    };
    if bad {
        return Err(type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    Ok(())
}

/// `BEFORE_WITH` / `BEFORE_ASYNC_WITH`: look up `__exit__`/`__aexit__`, call
/// `__enter__`/`__aenter__`.
fn before_with(mgr: &PyObject, is_async: bool) -> PyResult<(PyObjectRef, PyObjectRef)> {
    let (enter_name, exit_name, what) = if is_async {
        (
            objects::intern!("__aenter__"),
            objects::intern!("__aexit__"),
            "asynchronous context manager",
        )
    } else {
        (
            objects::intern!("__enter__"),
            objects::intern!("__exit__"),
            "context manager",
        )
    };
    let Some(enter) = objects::typeobject::_PyObject_LookupSpecial(mgr, enter_name)? else {
        return Err(type_error(format!(
            "'{}' object does not support the {} protocol",
            mgr.ob_type().name(),
            what
        )));
    };
    let Some(exit) = objects::typeobject::_PyObject_LookupSpecial(mgr, exit_name)? else {
        let missed = if is_async { "__aexit__" } else { "__exit__" };
        return Err(type_error(format!(
            "'{}' object does not support the {} protocol (missed {} method)",
            mgr.ob_type().name(),
            what,
            missed
        )));
    };
    let res = objects::call::PyObject_CallNoArgs(&enter)?;
    Ok((exit, res))
}

// --- Entry points from Rust ------------------------------------------------------------

/// `_PyEval_EvalFrame`: run a prepared frame (a generator's) — the `eval_frame` hook.
///
/// # Safety
/// As for [`_PyEval_EvalFrameDefault`].
pub unsafe fn _PyEval_EvalFrame(
    frame: *mut _PyInterpreterFrame,
    throwflag: Option<PyObjectRef>,
) -> PyResult {
    let tstate = _PyThreadState_GET();
    if tstate.native_stack_exhausted() {
        return Err(recursion_error("maximum recursion depth exceeded"));
    }
    // SAFETY: forwarded from the caller.
    unsafe { _PyEval_EvalFrameDefault(tstate, frame, throwflag) }
}

/// `_PyFunction_Vectorcall`: call a Python function from Rust. Its frame is pushed on
/// the data stack, run by a nested eval loop, then cleared and popped.
pub fn _PyFunction_Vectorcall(
    func: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let tstate = _PyThreadState_GET();
    let Some(f) = func.downcast_ref::<PyFunctionObject>() else {
        return Err(system_error("not a function"));
    };
    if tstate.native_stack_exhausted() {
        return Err(recursion_error(
            "maximum recursion depth exceeded while calling a Python object",
        ));
    }
    let nkw = kwnames.map_or(0, objects::call::kwnames_len);
    // The frame setup moves arguments out of a slot array: give it owned copies, on
    // the Rust stack for a small call (CPython passes its caller's array).
    const SMALL: usize = 8;
    let mut small: std::mem::ManuallyDrop<[Slot; SMALL]> =
        std::mem::ManuallyDrop::new([const { None }; SMALL]);
    let mut big: Vec<Slot> = Vec::new();
    let slots: *mut Slot = if args.len() <= SMALL {
        for (slot, a) in small.iter_mut().zip(args) {
            *slot = Some(a.clone());
        }
        small.as_mut_ptr()
    } else {
        big.extend(args.iter().map(|a| Some(a.clone())));
        big.as_mut_ptr()
    };
    // SAFETY: `slots` holds `args.len()` initialised slots; the new frame takes them
    // all (moved out, or dropped on error), so neither array may drop them again:
    // `small` is never dropped and `big`'s length is reset.
    let frame = unsafe {
        let frame = _PyEvalFramePushAndInit(tstate, f, None, slots, args.len() - nkw, kwnames);
        big.set_len(0);
        frame?
    };
    // SAFETY: the frame was just pushed and initialised.
    unsafe {
        let res = _PyEval_EvalFrameDefault(tstate, frame, None);
        release_entry_frame(tstate, frame);
        res
    }
}

/// Release an entry frame after the eval loop returned: clear and pop it, or only pop
/// its words if a generator took its contents (`RETURN_GENERATOR`).
unsafe fn release_entry_frame(tstate: &PyThreadState, frame: *mut _PyInterpreterFrame) {
    // SAFETY: the caller passes the frame it pushed, now idle on top of the stack.
    unsafe {
        if (*frame).f_state == FRAME_CLEARED {
            tstate.pop_frame(frame);
        } else {
            _PyEvalFrameClearAndPop(tstate, frame);
        }
    }
}

/// `PyEval_EvalCode`: run a module-level code object with `globals` and `locals`.
pub fn PyEval_EvalCode(
    code: PyRef<PyCodeObject>,
    globals: &PyObject,
    locals: &PyObject,
) -> PyResult {
    PyEval_EvalCodeEx(code, globals, locals, None)
}

/// `PyEval_EvalCodeEx` with only a closure (what `exec(code, closure=...)` needs):
/// `closure`, a tuple of cells, fills the code's free variables.
pub fn PyEval_EvalCodeEx(
    code: PyRef<PyCodeObject>,
    globals: &PyObject,
    locals: &PyObject,
    closure: Option<PyObjectRef>,
) -> PyResult {
    let tstate = _PyThreadState_GET();
    let Some(g) = globals.downcast_ref::<PyDictObject>() else {
        return Err(type_error("globals must be a dict"));
    };
    let builtins = crate::bltinmodule::builtins_for_globals(g)?;
    let func = objects::funcobject::PyFunction_New(code, globals.to_owned(), builtins)?;
    if closure.is_some() {
        func.func_closure.set(closure);
    }
    let mut no_args: Vec<Slot> = Vec::new();
    // SAFETY: no arguments; the new frame is run and then released.
    unsafe {
        let frame = _PyEvalFramePushAndInit(
            tstate,
            &func,
            Some(locals.to_owned()),
            no_args.as_mut_ptr(),
            0,
            None,
        )?;
        let res = _PyEval_EvalFrameDefault(tstate, frame, None);
        release_entry_frame(tstate, frame);
        res
    }
}

/// Run a class body: the function's code with `ns` as its locals mapping (the
/// `_PyEval_Vector` call of `__build_class__`). Returns what the body returns (the
/// `__class__` cell, or None).
pub fn PyEval_EvalClassBody(func: &PyFunctionObject, ns: &PyObject) -> PyResult {
    let tstate = _PyThreadState_GET();
    let mut no_args: Vec<Slot> = Vec::new();
    // SAFETY: no arguments; the new frame is run and then released.
    unsafe {
        let frame = _PyEvalFramePushAndInit(
            tstate,
            func,
            Some(ns.to_owned()),
            no_args.as_mut_ptr(),
            0,
            None,
        )?;
        let res = _PyEval_EvalFrameDefault(tstate, frame, None);
        release_entry_frame(tstate, frame);
        res
    }
}

/// The innermost running frame's globals (`PyEval_GetGlobals`).
pub fn PyEval_GetGlobals() -> Option<PyObjectRef> {
    let f = _PyThreadState_GET().current_frame.get();
    if f.is_null() {
        return None;
    }
    // SAFETY: the current frame is live.
    Some(unsafe { (*f).f_globals.as_ref() }.to_owned())
}

/// The innermost running frame's builtins (`PyEval_GetBuiltins`).
pub fn PyEval_GetBuiltins() -> Option<PyObjectRef> {
    let f = _PyThreadState_GET().current_frame.get();
    if f.is_null() {
        return None;
    }
    // SAFETY: the current frame is live.
    Some(unsafe { (*f).f_builtins.as_ref() }.to_owned())
}

/// The innermost running frame's locals mapping (`PyEval_GetLocals`): for function
/// frames the frame's own dict, brought up to date.
pub fn PyEval_GetLocals() -> PyResult<Option<PyObjectRef>> {
    let f = _PyThreadState_GET().current_frame.get();
    if f.is_null() {
        return Ok(None);
    }
    // SAFETY: the current frame is live.
    unsafe { objects::frameobject::PyFrame_GetLocals(f).map(Some) }
}

/// Install the eval loop into the hooks `objects` calls through.
pub fn install_hooks() {
    let hooks = objects::pyhooks::hooks();
    hooks.function_call.set(Some(_PyFunction_Vectorcall));
    hooks.eval_frame.set(Some(_PyEval_EvalFrame));
    hooks
        .import_module
        .set(Some(crate::import::PyImport_ImportModule));
    objects::pyhooks::set_stack_effect(crate::ceval_trace::PyCompile_OpcodeStackEffect);
}
