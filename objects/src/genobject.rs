//! Generators and coroutines. Mirrors Objects/genobject.c (CPython 3.11).
//!
//! A generator owns its frame. `RETURN_GENERATOR` (the first instruction of a
//! generator function) moves the caller's new frame into a fresh generator object;
//! each `send()` links that frame under the current one and runs the eval loop on it
//! until `YIELD_VALUE` or a return. The frame's state (`f_state`, CPython's
//! `gi_frame_state`) says which.
//!
//! Differences from CPython: the frame lives in a block of words (from pymalloc) owned by the
//! generator rather than inline; the state is kept in the frame header.
//! Async generators share the layout; their `asend()`/`athrow()`/`aclose()` return
//! the awaitables `async_generator_asend` and `async_generator_athrow`, and a value
//! they yield travels wrapped (`ASYNC_GEN_WRAP`) so that it can be told apart from
//! what an `await` inside them passes through.
//!
//! FIXME(pyrs): `sys.set_asyncgen_hooks` is not here yet.

use std::cell::Cell;
use std::mem::size_of;

use include::code::{PyCodeObject, CO_ASYNC_GENERATOR, CO_COROUTINE, CO_ITERABLE_COROUTINE};
use include::cpython::object::flags::*;
use include::cpython::object::{PyAsyncMethods, PySendResult};
use include::descrobject::PyGetSetDef;
use include::frame::*;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::opcode::Opcode;
use include::pystate::{_PyErr_StackItem, _PyThreadState_GET};

use crate::exceptions::*;
use crate::frameobject::{_PyFrame_Clear, _PyFrame_GetFrameObject};
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{as_str_lossy, PyUnicode_FromString};

/// `PyGenObject` (also the layout of coroutines).
#[repr(C)]
pub struct PyGenObject {
    pub ob_base: PyObject,
    pub gi_weakreflist: PyCell<Option<PyObjectRef>>,
    pub gi_name: PyCell<PyObjectRef>,
    pub gi_qualname: PyCell<PyObjectRef>,
    /// The exception being handled inside the generator, saved across yields.
    pub gi_exc_state: _PyErr_StackItem,
    /// For coroutines: where they were created (`sys.set_coroutine_origin_tracking_depth`).
    pub gi_origin_or_finalizer: PyCell<Option<PyObjectRef>>,
    pub gi_code: PyRef<PyCodeObject>,
    /// The frame's words: header, locals, value stack (`gi_iframe`), from pymalloc
    /// as CPython's generator (frame included) is: most frames are a few dozen words.
    pub gi_iframe: PyMemVec<usize>,
    /// Async generators: an `asend()`/`athrow()` awaitable is running it.
    pub ag_running_async: Cell<bool>,
    /// Async generators: `aclose()` was called or it finished.
    pub ag_closed: Cell<bool>,
    /// Async generators: the `sys.set_asyncgen_hooks()` hooks were applied.
    pub ag_hooks_inited: Cell<bool>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyGenObject {}

impl PyTypeInfo for PyGenObject {
    fn type_object() -> &'static PyTypeObject {
        &PyGen_Type
    }
    fn check(obj: &PyObject) -> bool {
        obj.is_type(&PyGen_Type) || obj.is_type(&PyCoro_Type)
    }
}

impl PyGenObject {
    /// The generator's frame.
    #[inline]
    pub fn frame(&self) -> *mut _PyInterpreterFrame {
        self.gi_iframe.as_ptr() as *mut _PyInterpreterFrame
    }

    /// `gi_frame_state`.
    #[inline]
    pub fn state(&self) -> i8 {
        // SAFETY: the frame header is always initialised (see `_Py_MakeCoro`).
        unsafe { (*self.frame()).f_state }
    }

    fn set_state(&self, s: i8) {
        // SAFETY: as in `state`.
        unsafe { (*self.frame()).f_state = s };
    }

    fn is_coroutine(&self) -> bool {
        self.ob_base.is_type(&PyCoro_Type)
    }

    fn is_async_gen(&self) -> bool {
        self.ob_base.is_type(&PyAsyncGen_Type)
    }

    /// The word the error messages use for this kind of generator.
    fn kind(&self) -> &'static str {
        if self.is_coroutine() {
            "coroutine"
        } else if self.is_async_gen() {
            "async generator"
        } else {
            "generator"
        }
    }
}

fn as_gen(obj: &PyObject) -> &PyGenObject {
    // SAFETY: only installed on generator and coroutine types.
    unsafe { &*(obj as *const PyObject as *const PyGenObject) }
}

/// `_Py_MakeCoro` + the frame move of `RETURN_GENERATOR`: a generator (or coroutine)
/// that takes over `frame`, which the caller must then release without clearing.
///
/// # Safety
/// `frame` must be an initialised frame with `stacktop` set, owned by the thread, whose
/// code has the generator/coroutine flags.
pub unsafe fn _Py_MakeCoro(frame: *mut _PyInterpreterFrame) -> PyResult<PyObjectRef> {
    // SAFETY: the caller guarantees `frame` is initialised.
    unsafe {
        let code = (*frame).f_code.clone();
        let flags = code.co_flags;
        let tp: &PyTypeObject = if flags & CO_COROUTINE != 0 {
            &PyCoro_Type
        } else if flags & CO_ASYNC_GENERATOR != 0 {
            &PyAsyncGen_Type
        } else {
            &PyGen_Type
        };
        let words = _PyInterpreterFrame::size_for(&code);
        let Some(mut buf) = PyMemVec::<usize>::try_with_capacity(words) else {
            return Err(crate::pyerrors::PyErr_NoMemory());
        };
        let dest = buf.as_mut_ptr() as *mut _PyInterpreterFrame;
        _PyInterpreterFrame::copy(frame, dest);
        // The slots above the copied stack are empty (null), as the frame's own were;
        // only they are zeroed, not the words the copy has just written.
        let copied = FRAME_SPECIALS_SIZE + (*frame).stacktop as usize;
        std::ptr::write_bytes(buf.as_mut_ptr().add(copied), 0, words - copied);
        buf.set_len(words);
        (*dest).owner = FRAME_OWNED_BY_GENERATOR;
        (*dest).f_state = FRAME_CREATED;
        (*dest).is_entry = false;
        (*dest).previous = std::ptr::null_mut();
        // The frame object, if one was made, now follows the generator's frame.
        if let Some(f) = &(*dest).frame_obj {
            if let Some(fo) = f.downcast_ref::<crate::frameobject::PyFrameObject>() {
                fo.f_frame.set(dest);
            }
        }
        let func = (*dest).f_func.clone();
        // CPython reads `func_name` and `func_qualname` straight from the function;
        // a generic attribute lookup costs two method-cache probes per generator.
        let (name, qualname) =
            if let Some(f) = func.downcast_ref::<crate::funcobject::PyFunctionObject>() {
                (f.func_name.get(), f.func_qualname.get())
            } else {
                (
                    PyObject_GetAttr(&func, crate::intern!("__name__"))
                        .unwrap_or_else(|_| code.co_name.clone()),
                    PyObject_GetAttr(&func, crate::intern!("__qualname__"))
                        .unwrap_or_else(|_| code.co_qualname.clone()),
                )
            };
        let g = alloc_object(
            tp,
            PyGenObject {
                ob_base: PyObject_HEAD_INIT,
                gi_weakreflist: PyCell::new(None),
                gi_name: PyCell::new(name),
                gi_qualname: PyCell::new(qualname),
                gi_exc_state: _PyErr_StackItem::new(),
                gi_origin_or_finalizer: PyCell::new(None),
                gi_code: code,
                gi_iframe: buf,
                ag_running_async: Cell::new(false),
                ag_closed: Cell::new(false),
                ag_hooks_inited: Cell::new(false),
            },
        );
        let depth = coroutine_origin_tracking_depth();
        if flags & CO_COROUTINE != 0 && depth > 0 {
            // The frame that called the coroutine function: the thread's current
            // frame, unless that is the new coroutine's own.
            let mut caller = _PyThreadState_GET().current_frame.get();
            if caller == frame {
                caller = (*frame).previous;
            }
            g.gi_origin_or_finalizer
                .set(Some(compute_cr_origin(depth, caller)));
        }
        Ok(g.into_object())
    }
}

// --- Hooks of the sys module -------------------------------------------------------------
//
// CPython keeps these in the thread state; pyrs runs Python code on one thread, so
// they are interpreter-wide.

/// `tstate->async_gen_firstiter` and `tstate->async_gen_finalizer`.
static ASYNC_GEN_HOOKS: include::object::GlobalCell<(Option<PyObjectRef>, Option<PyObjectRef>)> =
    include::object::GlobalCell::new((None, None));

/// `tstate->coroutine_origin_tracking_depth`.
static COROUTINE_ORIGIN_TRACKING_DEPTH: include::object::GlobalCell<Cell<i32>> =
    include::object::GlobalCell::new(Cell::new(0));

/// `sys.get_asyncgen_hooks()`: (firstiter, finalizer).
pub fn get_async_gen_hooks() -> (Option<PyObjectRef>, Option<PyObjectRef>) {
    // SAFETY: only the thread running Python code touches the hooks.
    unsafe { ASYNC_GEN_HOOKS.get_ref() }.clone()
}

/// `sys.set_asyncgen_hooks()`: `None` for a hook leaves it unset.
pub fn set_async_gen_hooks(firstiter: Option<PyObjectRef>, finalizer: Option<PyObjectRef>) {
    // SAFETY: as above; the old hooks are dropped after the new ones are in place.
    let old = std::mem::replace(unsafe { ASYNC_GEN_HOOKS.get_mut() }, (firstiter, finalizer));
    drop(old);
}

/// `_PyEval_GetCoroutineOriginTrackingDepth`.
pub fn coroutine_origin_tracking_depth() -> i32 {
    // SAFETY: a Cell used by the interpreter's thread only.
    unsafe { COROUTINE_ORIGIN_TRACKING_DEPTH.get_ref() }.get()
}

/// `_PyEval_SetCoroutineOriginTrackingDepth`.
pub fn set_coroutine_origin_tracking_depth(depth: i32) {
    // SAFETY: as above.
    unsafe { COROUTINE_ORIGIN_TRACKING_DEPTH.get_ref() }.set(depth);
}

/// `compute_cr_origin`: `(filename, lineno, name)` of up to `depth` frames, starting
/// at `frame` and going outwards.
///
/// # Safety
/// `frame` must be null or a live frame whose `previous` chain is live.
unsafe fn compute_cr_origin(depth: i32, mut frame: *mut _PyInterpreterFrame) -> PyObjectRef {
    let mut items = Vec::new();
    // SAFETY: see the function's contract.
    unsafe {
        while !frame.is_null() && (items.len() as i32) < depth {
            let code = &(*frame).f_code;
            items.push(
                crate::tupleobject::PyTuple_New(vec![
                    code.co_filename.clone(),
                    crate::longobject::PyLong_FromLong(
                        crate::frameobject::frame_lineno(&*frame) as i64
                    ),
                    code.co_name.clone(),
                ])
                .into_object(),
            );
            frame = (*frame).previous;
        }
    }
    crate::tupleobject::PyTuple_New(items).into_object()
}

/// `async_gen_init_hooks`: on first use, remember the finalizer and call firstiter.
fn async_gen_init_hooks(obj: &PyObject) -> PyResult<()> {
    let gen = as_gen(obj);
    if gen.ag_hooks_inited.replace(true) {
        return Ok(());
    }
    let (firstiter, finalizer) = get_async_gen_hooks();
    if let Some(f) = finalizer {
        gen.gi_origin_or_finalizer.set(Some(f));
    }
    if let Some(f) = firstiter {
        crate::call::PyObject_CallOneArg(&f, obj)?;
    }
    Ok(())
}

/// What `send` produced.
pub enum GenResult {
    /// The generator yielded this value.
    Next(PyObjectRef),
    /// The generator returned this value.
    Return(PyObjectRef),
}

/// Run the generator until it yields or returns (`gen_send_ex2`). `exc` is thrown in
/// at the point where it is suspended.
pub fn gen_send_ex2(
    gen: &PyGenObject,
    arg: Option<PyObjectRef>,
    exc: Option<PyObjectRef>,
    closing: bool,
) -> PyResult<GenResult> {
    let state = gen.state();
    if state == FRAME_CREATED && arg.as_ref().is_some_and(|a| !a.is(Py_None())) && exc.is_none() {
        return Err(type_error(format!(
            "can't send non-None value to a just-started {}",
            gen.kind()
        )));
    }
    if state == FRAME_EXECUTING {
        return Err(value_error(format!("{} already executing", gen.kind())));
    }
    if state >= FRAME_COMPLETED {
        if gen.is_coroutine() && !closing {
            return Err(runtime_error("cannot reuse already awaited coroutine"));
        }
        if let Some(e) = exc {
            return Err(PyErr::from_instance(e));
        }
        return Ok(GenResult::Return(none()));
    }
    let frame = gen.frame();
    let ts = _PyThreadState_GET();
    // SAFETY: the generator's frame is initialised and not running; it is linked
    // under the current frame for the duration of the call.
    let result = unsafe {
        let top = (*frame).stacktop as usize;
        (*frame)
            .localsplus()
            .add(top)
            .write(Some(arg.unwrap_or_else(none)));
        (*frame).stacktop += 1;
        (*frame).previous = ts.current_frame.get();
        gen.gi_exc_state.previous_item.set(ts.exc_info.get());
        ts.exc_info
            .set(&gen.gi_exc_state as *const _PyErr_StackItem as *mut _PyErr_StackItem);
        gen.set_state(FRAME_EXECUTING);
        let eval = match crate::pyhooks::hooks().eval_frame.get() {
            Some(f) => f,
            None => return Err(system_error("the interpreter is not initialised")),
        };
        let r = eval(frame, exc);
        ts.exc_info.set(gen.gi_exc_state.previous_item.get());
        gen.gi_exc_state.previous_item.set(std::ptr::null_mut());
        (*frame).previous = std::ptr::null_mut();
        r
    };
    match result {
        Ok(v) if gen.state() == FRAME_SUSPENDED => Ok(GenResult::Next(v)),
        Ok(v) => {
            gen_finish(gen);
            Ok(GenResult::Return(v))
        }
        Err(e) => {
            gen_finish(gen);
            // PEP 479: a StopIteration escaping the generator becomes RuntimeError,
            // and so does a StopAsyncIteration escaping an async generator.
            let escaped = if PyErr_ExceptionMatches(&e, &PyExc_StopIteration) {
                Some("StopIteration")
            } else if gen.is_async_gen() && PyErr_ExceptionMatches(&e, &PyExc_StopAsyncIteration) {
                Some("StopAsyncIteration")
            } else {
                None
            };
            if let Some(what) = escaped {
                let err = runtime_error(format!("{} raised {what}", gen.kind()));
                crate::exceptions::set_cause(&err, Some(e.value().clone()));
                crate::exceptions::exc_set_context(err.value(), Some(e.into_value()));
                return Err(err);
            }
            Err(e)
        }
    }
}

/// The generator has finished: release its frame (`gen_clear_frame`).
fn gen_finish(gen: &PyGenObject) {
    gen.gi_exc_state.exc_value.set(None);
    let frame = gen.frame();
    // SAFETY: the frame is idle (it returned or raised) with `stacktop` set by the
    // eval loop; after clearing, only the state field is read again.
    unsafe {
        if (*frame).f_state != FRAME_CLEARED {
            _PyFrame_Clear(frame);
            // The header's references are gone; mark it so nothing uses them.
            std::ptr::write(&mut (*frame).f_state, FRAME_CLEARED);
        }
    }
}

/// `send()` semantics as a plain result: a yielded value, or `StopIteration(value)`.
fn gen_send_result(obj: &PyObject, arg: Option<PyObjectRef>) -> PyResult {
    match gen_send_ex2(as_gen(obj), arg, None, false)? {
        GenResult::Next(v) => Ok(v),
        GenResult::Return(v) => Err(stop_iteration(Some(v))),
    }
}

fn gen_send(obj: &PyObject, arg: &PyObject) -> PyResult {
    gen_send_result(obj, Some(arg.to_owned()))
}

/// `tp_iternext`: exhaustion without a return value is `Ok(None)`; a `return x`
/// surfaces as `StopIteration(x)` for `yield from`.
fn gen_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    match gen_send_ex2(as_gen(obj), None, None, false)? {
        GenResult::Next(v) => Ok(Some(v)),
        GenResult::Return(v) if v.is(Py_None()) => Ok(None),
        GenResult::Return(v) => Err(stop_iteration(Some(v))),
    }
}

/// `am_send`: the `SEND` instruction's fast path.
fn gen_am_send(obj: &PyObject, arg: &PyObject) -> PyResult<PySendResult> {
    match gen_send_ex2(as_gen(obj), Some(arg.to_owned()), None, false)? {
        GenResult::Next(v) => Ok(PySendResult::Next(v)),
        GenResult::Return(v) => Ok(PySendResult::Return(v)),
    }
}

/// The object a generator is delegating to with `yield from`/`await`, if it is
/// suspended in one (`_PyGen_yf`): the instruction after the suspension point is
/// `RESUME 2` or `RESUME 3`, and the sub-iterator is on top of the stack.
pub fn _PyGen_yf(gen: &PyGenObject) -> Option<PyObjectRef> {
    if gen.state() != FRAME_SUSPENDED {
        return None;
    }
    let frame = gen.frame();
    // SAFETY: a suspended frame has `prev_instr` inside its code and `stacktop` set.
    unsafe {
        let next = *(*frame).prev_instr.add(1);
        if Opcode::from_u8(include::code::_Py_OPCODE(next)).map(|o| o.deopt())
            != Some(Opcode::RESUME)
            || include::code::_Py_OPARG(next) < 2
        {
            return None;
        }
        let top = (*frame).stacktop as usize;
        if top == 0 {
            return None;
        }
        (*(*frame).localsplus().add(top - 1)).clone()
    }
}

/// Close a sub-iterator being delegated to (`gen_close_iter`).
fn gen_close_iter(yf: &PyObject) -> PyResult<()> {
    if PyGenObject::check(yf) {
        return gen_close_impl(as_gen(yf));
    }
    if let Some(meth) = _PyObject_LookupAttr(yf, crate::intern!("close"))? {
        crate::call::PyObject_CallNoArgs(&meth)?;
    }
    Ok(())
}

fn gen_close_impl(gen: &PyGenObject) -> PyResult<()> {
    let mut err: Option<PyErr> = None;
    if let Some(yf) = _PyGen_yf(gen) {
        gen.set_state(FRAME_EXECUTING);
        if let Err(e) = gen_close_iter(&yf) {
            err = Some(e);
        }
        gen.set_state(FRAME_SUSPENDED);
    }
    let exc = match err {
        Some(e) => e.into_value(),
        None => PyErr_FromArgs(&PyExc_GeneratorExit, &[]).into_value(),
    };
    if gen.state() == FRAME_CREATED {
        // Never started: just finish it. `gen_finish` leaves the state
        // FRAME_CLEARED (past FRAME_COMPLETED), which tells the deallocator that the
        // frame's references are already gone.
        gen_finish(gen);
        return Ok(());
    }
    if gen.state() >= FRAME_COMPLETED {
        return Ok(());
    }
    match gen_send_ex2(gen, None, Some(exc), true) {
        Ok(GenResult::Next(_)) => Err(runtime_error(format!(
            "{} ignored GeneratorExit",
            gen.kind()
        ))),
        Ok(GenResult::Return(_)) => Ok(()),
        Err(e)
            if PyErr_ExceptionMatches(&e, &PyExc_StopIteration)
                || PyErr_ExceptionMatches(&e, &PyExc_GeneratorExit) =>
        {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

fn gen_close(obj: &PyObject) -> PyResult {
    gen_close_impl(as_gen(obj))?;
    Ok(none())
}

/// `gen.throw(typ[, val[, tb]])` (`_gen_throw`): raise the exception where the
/// generator is suspended, delegating to a sub-iterator first.
///
/// `close_on_genexit` is false for an async generator's `athrow()`/`aclose()`, which
/// throw GeneratorExit into the awaitable it is suspended in rather than closing it.
fn gen_throw_impl(
    gen: &PyGenObject,
    close_on_genexit: bool,
    typ: &PyObject,
    val: Option<&PyObject>,
    tb: Option<&PyObject>,
) -> PyResult {
    if let Some(yf) = _PyGen_yf(gen) {
        if close_on_genexit && typ.is(PyExc_GeneratorExit.as_object()) {
            // Closing: close the sub-iterator, then throw into this generator.
            gen.set_state(FRAME_EXECUTING);
            let r = gen_close_iter(&yf);
            gen.set_state(FRAME_SUSPENDED);
            if let Err(e) = r {
                return throw_here(gen, e.into_value());
            }
        } else {
            gen.set_state(FRAME_EXECUTING);
            let r = if PyGenObject::check(&yf) {
                // The eval loop is skipped for this generator, so its frame is made
                // the current one by hand: the sub-generator's frame then has it
                // as `f_back`, as if it had resumed the sub-generator itself.
                let frame = gen.frame();
                let ts = _PyThreadState_GET();
                let prev = ts.current_frame.get();
                // SAFETY: the generator's frame is initialised and not running; it is
                // linked under the current frame only for the duration of the call.
                unsafe {
                    (*frame).previous = prev;
                }
                ts.current_frame.set(frame);
                let r = gen_throw_impl(as_gen(&yf), close_on_genexit, typ, val, tb);
                ts.current_frame.set(prev);
                // SAFETY: as above.
                unsafe {
                    (*frame).previous = std::ptr::null_mut();
                }
                r
            } else {
                match _PyObject_LookupAttr(&yf, crate::intern!("throw")) {
                    Ok(Some(meth)) => {
                        let mut args = vec![typ.to_owned()];
                        if let Some(v) = val {
                            args.push(v.to_owned());
                        }
                        if let Some(t) = tb {
                            args.push(t.to_owned());
                        }
                        crate::call::PyObject_Vectorcall(&meth, &args, None)
                    }
                    Ok(None) => {
                        gen.set_state(FRAME_SUSPENDED);
                        return throw_here(gen, make_exception(typ, val, tb)?);
                    }
                    Err(e) => Err(e),
                }
            };
            gen.set_state(FRAME_SUSPENDED);
            return match r {
                Ok(v) => Ok(v),
                Err(e) => {
                    // The sub-iterator finished or failed: leave the `yield from`
                    // loop, then send its result in, or raise its exception there.
                    pop_yf_and_leave_loop(gen);
                    if PyErr_ExceptionMatches(&e, &PyExc_StopIteration) {
                        let v = crate::exceptions::stop_iteration_value(e.value());
                        match gen_send_ex2(gen, Some(v), None, false)? {
                            GenResult::Next(x) => Ok(x),
                            GenResult::Return(x) => Err(stop_iteration(Some(x))),
                        }
                    } else {
                        throw_here(gen, e.into_value())
                    }
                }
            };
        }
    }
    throw_here(gen, make_exception(typ, val, tb)?)
}

/// The delegated-to iterator has finished while a value was thrown into it: pop it
/// and move the generator to just before the target of its `SEND` loop (the jump
/// `_gen_throw` performs), so the next resumption continues after the `yield from`.
fn pop_yf_and_leave_loop(gen: &PyGenObject) {
    let frame = gen.frame();
    // SAFETY: the frame is suspended at the YIELD_VALUE of a yield-from loop
    // (`_PyGen_yf` found it): the sub-iterator is on top of its stack and the
    // instruction before YIELD_VALUE is the loop's SEND.
    unsafe {
        let top = (*frame).stacktop as usize;
        if top > 0 {
            let slot = (*frame).localsplus().add(top - 1);
            drop((*slot).take());
            (*frame).stacktop -= 1;
        }
        let send = *(*frame).prev_instr.sub(1);
        if include::code::_Py_OPCODE(send) == Opcode::SEND as u8 {
            let jump = include::code::_Py_OPARG(send) as usize;
            (*frame).prev_instr = (*frame).prev_instr.add(jump).sub(1);
        }
    }
}

fn throw_here(gen: &PyGenObject, exc: PyObjectRef) -> PyResult {
    match gen_send_ex2(gen, None, Some(exc), false)? {
        GenResult::Next(v) => Ok(v),
        GenResult::Return(v) => Err(stop_iteration(Some(v))),
    }
}

/// Build the exception instance for `throw(typ, val, tb)` with CPython's checks.
fn make_exception(
    typ: &PyObject,
    val: Option<&PyObject>,
    tb: Option<&PyObject>,
) -> PyResult<PyObjectRef> {
    let tb = tb.filter(|t| !t.is(Py_None()));
    if let Some(t) = tb {
        if t.ob_type().name() != "traceback" {
            return Err(type_error(
                "throw() third argument must be a traceback object",
            ));
        }
    }
    let val = val.filter(|v| !v.is(Py_None()));
    let exc = if PyExceptionClass_Check(typ) {
        let tp =
            crate::typeobject::as_type(typ).ok_or_else(|| system_error("bad exception class"))?;
        match val {
            Some(v) => PyErr_SetObject(tp, v.to_owned()).into_value(),
            None => PyErr_FromArgs(tp, &[]).into_value(),
        }
    } else if PyExceptionInstance_Check(typ) {
        if val.is_some() {
            return Err(type_error(
                "instance exception may not have a separate value",
            ));
        }
        typ.to_owned()
    } else {
        return Err(type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            typ.ob_type().name()
        )));
    };
    if let Some(t) = tb {
        crate::exceptions::exc_set_traceback(&exc, Some(t.to_owned()));
    }
    Ok(exc)
}

fn gen_throw(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("throw", args.len(), 1, 3)?;
    gen_throw_impl(
        as_gen(obj),
        true,
        &args[0],
        args.get(1).map(|a| &**a),
        args.get(2).map(|a| &**a),
    )
}

fn gen_iter(obj: &PyObject) -> PyResult {
    Ok(obj.to_owned())
}

fn gen_repr(obj: &PyObject) -> PyResult {
    let g = as_gen(obj);
    Ok(PyUnicode_FromString(&format!(
        "<{} object {} at {:p}>",
        g.ob_base.ob_type().name(),
        as_str_lossy(&g.gi_qualname.get()),
        obj.as_ptr()
    )))
}

/// `tp_finalize`: an unfinished generator is closed when it is freed (PEP 442).
fn gen_finalize(obj: &PyObject) {
    let g = as_gen(obj);
    if g.state() >= FRAME_COMPLETED {
        return;
    }
    // An async generator with a finalizer hook (asyncio's) is handed to it.
    if obj.is_type(&PyAsyncGen_Type) && !g.ag_closed.get() {
        // SAFETY: the borrow ends before the finalizer runs.
        if let Some(f) = unsafe { g.gi_origin_or_finalizer.get_ref() }.clone() {
            if let Err(e) = crate::call::PyObject_CallOneArg(&f, obj) {
                crate::pyhooks::write_unraisable(e, Some(obj));
            }
            return;
        }
    }
    if g.state() == FRAME_CREATED {
        // A coroutine that was never awaited is not closed but warned about.
        if obj.is_type(&PyCoro_Type) {
            crate::pyhooks::_PyErr_WarnUnawaitedCoroutine(obj);
        }
        return;
    }
    if let Err(e) = gen_close_impl(g) {
        crate::pyhooks::write_unraisable(e, Some(obj));
    }
}

unsafe fn gen_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead generator; its frame is cleared before the memory goes.
    unsafe {
        include::gc::gc_untrack(op);
        let g = &*(op as *const PyGenObject);
        if !include::gc::gc_finalized(op) {
            (*op).ob_refcnt.set(1);
            include::gc::gc_set_finalized(op);
            gen_finalize(&*op);
            let n = (*op).ob_refcnt.get() - 1;
            (*op).ob_refcnt.set(n);
            if n > 0 {
                include::gc::gc_track(op);
                return;
            }
        }
        // As CPython, only a generator that has weak references pays for clearing them.
        if !(*(g.gi_weakreflist.as_ptr() as *const *const PyObject)).is_null() {
            crate::weakrefobject::PyObject_ClearWeakRefs(&*op);
        }
        if g.state() != FRAME_CLEARED {
            _PyFrame_Clear(g.frame());
        }
        dealloc_object::<PyGenObject>(op)
    }
}

fn gen_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let g = as_gen(obj);
    // `async_gen_traverse` visits the finalizer hook first.
    if obj.is_type(&PyAsyncGen_Type) {
        // SAFETY: traversal runs no Python code.
        if let Some(f) = unsafe { g.gi_origin_or_finalizer.get_ref() } {
            visit(f);
        }
    }
    visit(g.gi_code.as_object());
    // SAFETY: traversal runs no Python code.
    unsafe {
        visit(g.gi_name.get_ref());
        visit(g.gi_qualname.get_ref());
    }
    if g.state() == FRAME_CLEARED {
        // SAFETY: as above.
        if let Some(e) = unsafe { g.gi_exc_state.exc_value.get_ref() } {
            visit(e);
        }
        return;
    }
    // SAFETY: an uncleared generator frame is initialised up to `stacktop`.
    // `_PyFrame_Traverse`'s order: the frame object, locals, function, code, then the
    // slots.
    unsafe {
        let frame = &*g.frame();
        if let Some(f) = &frame.frame_obj {
            visit(f);
        }
        if let Some(l) = &frame.f_locals {
            visit(l);
        }
        visit(&frame.f_func);
        visit(frame.f_code.as_object());
        // While the generator runs, the eval loop keeps its stack pointer in a local
        // and `stacktop` is stale (slots above the real top may hold values already
        // popped). CPython marks a running frame's `stacktop` as -1 so that
        // `_PyFrame_Traverse` visits no slot; the running frame's references then
        // count as external ones, which is right: the frame is reachable.
        if g.state() != FRAME_EXECUTING {
            let slots = frame.localsplus();
            for i in 0..frame.stacktop as usize {
                if let Some(v) = &*slots.add(i) {
                    visit(v);
                }
            }
        }
        if let Some(e) = g.gi_exc_state.exc_value.get_ref() {
            visit(e);
        }
    }
}

fn gen_get_name(obj: &PyObject) -> PyResult {
    Ok(as_gen(obj).gi_name.get())
}

fn gen_set_name(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(v) if crate::unicodeobject::PyUnicodeObject::check(v) => {
            as_gen(obj).gi_name.set(v.to_owned());
            Ok(())
        }
        _ => Err(type_error("__name__ must be set to a string object")),
    }
}

fn gen_get_qualname(obj: &PyObject) -> PyResult {
    Ok(as_gen(obj).gi_qualname.get())
}

fn gen_set_qualname(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(v) if crate::unicodeobject::PyUnicodeObject::check(v) => {
            as_gen(obj).gi_qualname.set(v.to_owned());
            Ok(())
        }
        _ => Err(type_error("__qualname__ must be set to a string object")),
    }
}

fn gen_get_frame(obj: &PyObject) -> PyResult {
    let g = as_gen(obj);
    if g.state() >= FRAME_COMPLETED {
        return Ok(none());
    }
    // SAFETY: an unfinished generator's frame is initialised.
    Ok(unsafe { _PyFrame_GetFrameObject(g.frame()) })
}

fn gen_get_running(obj: &PyObject) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(
        as_gen(obj).state() == FRAME_EXECUTING,
    ))
}

fn gen_get_suspended(obj: &PyObject) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(
        as_gen(obj).state() == FRAME_SUSPENDED,
    ))
}

fn gen_get_code(obj: &PyObject) -> PyResult {
    Ok(as_gen(obj).gi_code.clone().into_object())
}

fn gen_get_yieldfrom(obj: &PyObject) -> PyResult {
    Ok(_PyGen_yf(as_gen(obj)).unwrap_or_else(none))
}

static GEN_GETSET: [PyGetSetDef; 7] = [
    PyGetSetDef::getset("__name__", gen_get_name, gen_set_name),
    PyGetSetDef::getset("__qualname__", gen_get_qualname, gen_set_qualname),
    PyGetSetDef::getter("gi_yieldfrom", gen_get_yieldfrom),
    PyGetSetDef::getter("gi_running", gen_get_running),
    PyGetSetDef::getter("gi_frame", gen_get_frame),
    PyGetSetDef::getter("gi_suspended", gen_get_suspended),
    PyGetSetDef::getter("gi_code", gen_get_code),
];

static GEN_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "send",
        PyCFunction::O(gen_send),
        "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration.",
    ),
    PyMethodDef::new(
        "throw",
        PyCFunction::Fast(gen_throw),
        "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.",
    ),
    PyMethodDef::new("close", PyCFunction::NoArgs(gen_close), "close() -> raise GeneratorExit inside generator."),
];

/// `generator`.
pub static PyGen_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "generator",
    tp_basicsize: Cell::new(size_of::<PyGenObject>()),
    // CPython's `__itemsize__`; pyrs keeps the variable part out of line.
    tp_itemsize: Cell::new(8),
    tp_dealloc: slot(gen_dealloc),
    tp_repr: slot(gen_repr),
    tp_as_async: PyAsyncMethods {
        am_send: slot(gen_am_send),
        ..PyAsyncMethods::EMPTY
    },
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_traverse: slot(gen_traverse),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyGenObject, gi_weakreflist)),
    tp_iter: slot(gen_iter),
    tp_iternext: slot(gen_iternext),
    tp_methods: &GEN_METHODS,
    tp_getset: &GEN_GETSET,
    tp_finalize: slot(gen_finalize),
    ..PyTypeObject::DEFAULT
};

// --- coroutines -----------------------------------------------------------------------------

fn coro_await(obj: &PyObject) -> PyResult {
    // SAFETY: fields are complete.
    let w = unsafe {
        alloc_object(
            &_PyCoroWrapper_Type,
            PyCoroWrapper {
                ob_base: PyObject_HEAD_INIT,
                cw_coroutine: obj.to_owned(),
            },
        )
    };
    Ok(w.into_object())
}

fn coro_get_cr_await(obj: &PyObject) -> PyResult {
    gen_get_yieldfrom(obj)
}

static CORO_GETSET: [PyGetSetDef; 7] = [
    PyGetSetDef::getset("__name__", gen_get_name, gen_set_name),
    PyGetSetDef::getset("__qualname__", gen_get_qualname, gen_set_qualname),
    PyGetSetDef::getter("cr_await", coro_get_cr_await),
    PyGetSetDef::getter("cr_running", gen_get_running),
    PyGetSetDef::getter("cr_frame", gen_get_frame),
    PyGetSetDef::getter("cr_code", gen_get_code),
    PyGetSetDef::getter("cr_suspended", gen_get_suspended),
];

// `cr_origin` reads the field that async generators use for their finalizer; the
// field is an `Option<PyObjectRef>` in a `PyCell`, the layout a T_OBJECT member reads.
static CORO_MEMBERS: [include::descrobject::PyMemberDef; 1] =
    [include::descrobject::PyMemberDef::new(
        "cr_origin",
        include::descrobject::MemberType::Object,
        std::mem::offset_of!(PyGenObject, gi_origin_or_finalizer),
        include::descrobject::READONLY,
    )];

static CORO_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "send",
        PyCFunction::O(gen_send),
        "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration.",
    ),
    PyMethodDef::new(
        "throw",
        PyCFunction::Fast(gen_throw),
        "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration.",
    ),
    PyMethodDef::new("close", PyCFunction::NoArgs(gen_close), "close() -> raise GeneratorExit inside coroutine."),
];

/// `coroutine`.
pub static PyCoro_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "coroutine",
    tp_basicsize: Cell::new(size_of::<PyGenObject>()),
    // CPython's `__itemsize__`; pyrs keeps the variable part out of line.
    tp_itemsize: Cell::new(8),
    tp_dealloc: slot(gen_dealloc),
    tp_repr: slot(gen_repr),
    tp_as_async: PyAsyncMethods {
        am_await: slot(coro_await),
        am_send: slot(gen_am_send),
        ..PyAsyncMethods::EMPTY
    },
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_traverse: slot(gen_traverse),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyGenObject, gi_weakreflist)),
    tp_methods: &CORO_METHODS,
    tp_members: &CORO_MEMBERS,
    tp_getset: &CORO_GETSET,
    tp_finalize: slot(gen_finalize),
    ..PyTypeObject::DEFAULT
};

/// `coroutine_wrapper`: what `coro.__await__()` returns, an iterator over the
/// coroutine.
#[repr(C)]
pub struct PyCoroWrapper {
    pub ob_base: PyObject,
    pub cw_coroutine: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyCoroWrapper {}

fn as_cw(obj: &PyObject) -> &PyCoroWrapper {
    // SAFETY: only installed on `coroutine_wrapper`.
    unsafe { &*(obj as *const PyObject as *const PyCoroWrapper) }
}

fn cw_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    gen_iternext(&as_cw(obj).cw_coroutine)
}

fn cw_send(obj: &PyObject, arg: &PyObject) -> PyResult {
    gen_send(&as_cw(obj).cw_coroutine, arg)
}

fn cw_throw(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    gen_throw(&as_cw(obj).cw_coroutine, args)
}

fn cw_close(obj: &PyObject) -> PyResult {
    gen_close(&as_cw(obj).cw_coroutine)
}

unsafe fn cw_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead coroutine wrapper.
    unsafe { dealloc_object::<PyCoroWrapper>(op) }
}

fn cw_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    visit(&as_cw(obj).cw_coroutine);
}

static CW_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new("send", PyCFunction::O(cw_send), ""),
    PyMethodDef::new("throw", PyCFunction::Fast(cw_throw), ""),
    PyMethodDef::new("close", PyCFunction::NoArgs(cw_close), ""),
];

/// `coroutine_wrapper`.
pub static _PyCoroWrapper_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "coroutine_wrapper",
    tp_basicsize: Cell::new(size_of::<PyCoroWrapper>()),
    tp_dealloc: slot(cw_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(cw_traverse),
    tp_iter: slot(gen_iter),
    tp_iternext: slot(cw_iternext),
    tp_methods: &CW_METHODS,
    ..PyTypeObject::DEFAULT
};

/// Whether the code makes a coroutine usable by `await` (`CO_COROUTINE` or a
/// generator marked `CO_ITERABLE_COROUTINE` by `types.coroutine`).
pub fn is_awaitable_code(co: &PyCodeObject) -> bool {
    co.co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE) != 0
}

// --- async generators -----------------------------------------------------------------------

/// `_PyAsyncGenWrappedValue`: a value an async generator yields, as opposed to one an
/// `await` inside it passes up to the event loop.
#[repr(C)]
pub struct PyAsyncGenWrappedValue {
    pub ob_base: PyObject,
    pub agw_val: PyObjectRef,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyAsyncGenWrappedValue {}

/// `_PyAsyncGenValueWrapperNew`: what `ASYNC_GEN_WRAP` makes of a yielded value.
pub fn _PyAsyncGenValueWrapperNew(val: PyObjectRef) -> PyObjectRef {
    // SAFETY: fields are complete.
    let w = unsafe {
        alloc_object(
            &_PyAsyncGenWrappedValue_Type,
            PyAsyncGenWrappedValue {
                ob_base: PyObject_HEAD_INIT,
                agw_val: val,
            },
        )
    };
    w.into_object()
}

unsafe fn agw_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead wrapped value.
    unsafe { dealloc_object::<PyAsyncGenWrappedValue>(op) }
}

fn agw_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: only installed on `async_generator_wrapped_value`.
    let w = unsafe { &*(obj as *const PyObject as *const PyAsyncGenWrappedValue) };
    visit(&w.agw_val);
}

/// `async_generator_wrapped_value`.
pub static _PyAsyncGenWrappedValue_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "async_generator_wrapped_value",
    tp_basicsize: Cell::new(size_of::<PyAsyncGenWrappedValue>()),
    tp_dealloc: slot(agw_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(agw_traverse),
    ..PyTypeObject::DEFAULT
};

/// The value inside a wrapped yield, if `obj` is one.
fn unwrap_yielded(obj: &PyObject) -> Option<PyObjectRef> {
    if obj.is_type(&_PyAsyncGenWrappedValue_Type) {
        // SAFETY: checked the exact type.
        Some(
            unsafe { &*(obj as *const PyObject as *const PyAsyncGenWrappedValue) }
                .agw_val
                .clone(),
        )
    } else {
        None
    }
}

/// `async_gen_unwrap_value`: turn one step of the generator into the awaitable's
/// result. A wrapped yield ends the awaitable with `StopIteration(value)`; anything
/// else passes through (it came from an `await`). The generator's end is
/// `StopAsyncIteration`.
fn async_gen_unwrap_value(gen: &PyGenObject, result: PyResult<GenResult>) -> PyResult {
    match result {
        Ok(GenResult::Next(v)) => match unwrap_yielded(&v) {
            Some(inner) => {
                gen.ag_running_async.set(false);
                Err(stop_iteration(Some(inner)))
            }
            None => Ok(v),
        },
        Ok(GenResult::Return(_)) => {
            gen.ag_closed.set(true);
            gen.ag_running_async.set(false);
            Err(PyErr_FromArgs(&PyExc_StopAsyncIteration, &[]))
        }
        Err(e) => {
            if PyErr_ExceptionMatches(&e, &PyExc_StopAsyncIteration)
                || PyErr_ExceptionMatches(&e, &PyExc_GeneratorExit)
            {
                gen.ag_closed.set(true);
            }
            gen.ag_running_async.set(false);
            Err(e)
        }
    }
}

/// `_gen_throw` as a step of the generator (a finished sub-iterator's value sent in
/// counts as a step, as in `gen_throw_impl`).
fn gen_throw_step(
    gen: &PyGenObject,
    typ: &PyObject,
    val: Option<&PyObject>,
    tb: Option<&PyObject>,
) -> PyResult<GenResult> {
    match gen_throw_impl(gen, false, typ, val, tb) {
        Ok(v) => Ok(GenResult::Next(v)),
        Err(e)
            if PyErr_ExceptionMatches(&e, &PyExc_StopIteration)
                && gen.state() >= FRAME_COMPLETED =>
        {
            Ok(GenResult::Return(crate::exceptions::stop_iteration_value(
                e.value(),
            )))
        }
        Err(e) => Err(e),
    }
}

/// An awaitable's progress (`AWAITABLE_STATE_INIT/ITER/CLOSED`).
const AWAITABLE_STATE_INIT: u8 = 0;
const AWAITABLE_STATE_ITER: u8 = 1;
const AWAITABLE_STATE_CLOSED: u8 = 2;

/// `PyAsyncGenASend`: the awaitable of `agen.asend(value)` and `agen.__anext__()`.
#[repr(C)]
pub struct PyAsyncGenASend {
    pub ob_base: PyObject,
    pub ags_gen: PyObjectRef,
    pub ags_sendval: PyObjectRef,
    pub ags_state: Cell<u8>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyAsyncGenASend {}

fn as_asend(obj: &PyObject) -> &PyAsyncGenASend {
    // SAFETY: only installed on `async_generator_asend`.
    unsafe { &*(obj as *const PyObject as *const PyAsyncGenASend) }
}

fn async_gen_asend_new(gen: &PyObject, sendval: PyObjectRef) -> PyObjectRef {
    // SAFETY: fields are complete.
    let o = unsafe {
        alloc_object(
            &_PyAsyncGenASend_Type,
            PyAsyncGenASend {
                ob_base: PyObject_HEAD_INIT,
                ags_gen: gen.to_owned(),
                ags_sendval: sendval,
                ags_state: Cell::new(AWAITABLE_STATE_INIT),
            },
        )
    };
    o.into_object()
}

fn asend_send_impl(obj: &PyObject, arg: Option<&PyObject>) -> PyResult {
    let o = as_asend(obj);
    let gen = as_gen(&o.ags_gen);
    if o.ags_state.get() == AWAITABLE_STATE_CLOSED {
        return Err(runtime_error(
            "cannot reuse already awaited __anext__()/asend()",
        ));
    }
    let mut arg = arg.map(|a| a.to_owned());
    if o.ags_state.get() == AWAITABLE_STATE_INIT {
        if gen.ag_running_async.get() {
            return Err(runtime_error(
                "anext(): asynchronous generator is already running",
            ));
        }
        if arg.as_ref().is_none_or(|a| a.is(Py_None())) {
            arg = Some(o.ags_sendval.clone());
        }
        o.ags_state.set(AWAITABLE_STATE_ITER);
    }
    gen.ag_running_async.set(true);
    let r = async_gen_unwrap_value(gen, gen_send_ex2(gen, arg, None, false));
    if r.is_err() {
        o.ags_state.set(AWAITABLE_STATE_CLOSED);
    }
    r
}

fn asend_send(obj: &PyObject, arg: &PyObject) -> PyResult {
    asend_send_impl(obj, Some(arg))
}

fn asend_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    asend_send_impl(obj, None).map(Some)
}

fn asend_throw(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("throw", args.len(), 1, 3)?;
    let o = as_asend(obj);
    if o.ags_state.get() == AWAITABLE_STATE_CLOSED {
        return Err(runtime_error(
            "cannot reuse already awaited __anext__()/asend()",
        ));
    }
    let gen = as_gen(&o.ags_gen);
    let step = gen_throw_step(
        gen,
        &args[0],
        args.get(1).map(|a| &**a),
        args.get(2).map(|a| &**a),
    );
    let r = async_gen_unwrap_value(gen, step);
    if r.is_err() {
        o.ags_state.set(AWAITABLE_STATE_CLOSED);
    }
    r
}

fn asend_close(obj: &PyObject) -> PyResult {
    as_asend(obj).ags_state.set(AWAITABLE_STATE_CLOSED);
    Ok(none())
}

unsafe fn asend_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead asend awaitable.
    unsafe { dealloc_object::<PyAsyncGenASend>(op) }
}

fn asend_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let o = as_asend(obj);
    visit(&o.ags_gen);
    visit(&o.ags_sendval);
}

static ASEND_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new("send", PyCFunction::O(asend_send), "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    PyMethodDef::new("throw", PyCFunction::Fast(asend_throw), "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    PyMethodDef::new("close", PyCFunction::NoArgs(asend_close), "close() -> raise GeneratorExit inside generator."),
];

/// `async_generator_asend`.
pub static _PyAsyncGenASend_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "async_generator_asend",
    tp_basicsize: Cell::new(size_of::<PyAsyncGenASend>()),
    tp_dealloc: slot(asend_dealloc),
    tp_as_async: PyAsyncMethods {
        am_await: slot(gen_iter),
        ..PyAsyncMethods::EMPTY
    },
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(asend_traverse),
    tp_iter: slot(gen_iter),
    tp_iternext: slot(asend_iternext),
    tp_methods: &ASEND_METHODS,
    ..PyTypeObject::DEFAULT
};

/// `PyAsyncGenAThrow`: the awaitable of `agen.athrow(...)`, and of `agen.aclose()`
/// when `agt_args` is `None`.
#[repr(C)]
pub struct PyAsyncGenAThrow {
    pub ob_base: PyObject,
    pub agt_gen: PyObjectRef,
    pub agt_args: Option<Vec<PyObjectRef>>,
    pub agt_state: Cell<u8>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyAsyncGenAThrow {}

fn as_athrow(obj: &PyObject) -> &PyAsyncGenAThrow {
    // SAFETY: only installed on `async_generator_athrow`.
    unsafe { &*(obj as *const PyObject as *const PyAsyncGenAThrow) }
}

fn async_gen_athrow_new(gen: &PyObject, args: Option<Vec<PyObjectRef>>) -> PyObjectRef {
    // SAFETY: fields are complete.
    let o = unsafe {
        alloc_object(
            &_PyAsyncGenAThrow_Type,
            PyAsyncGenAThrow {
                ob_base: PyObject_HEAD_INIT,
                agt_gen: gen.to_owned(),
                agt_args: args,
                agt_state: Cell::new(AWAITABLE_STATE_INIT),
            },
        )
    };
    o.into_object()
}

/// The end of an `athrow()`/`aclose()` step that failed or finished the generator
/// (`check_error`): `aclose()` completes with StopIteration when the generator
/// stopped or took the GeneratorExit.
fn athrow_check_error(o: &PyAsyncGenAThrow, e: PyErr) -> PyErr {
    let gen = as_gen(&o.agt_gen);
    gen.ag_running_async.set(false);
    o.agt_state.set(AWAITABLE_STATE_CLOSED);
    if o.agt_args.is_none()
        && (PyErr_ExceptionMatches(&e, &PyExc_StopAsyncIteration)
            || PyErr_ExceptionMatches(&e, &PyExc_GeneratorExit))
    {
        return stop_iteration(None);
    }
    e
}

/// `aclose()` saw the generator yield a value instead of closing (`yield_close`).
fn athrow_yield_close(o: &PyAsyncGenAThrow) -> PyErr {
    as_gen(&o.agt_gen).ag_running_async.set(false);
    o.agt_state.set(AWAITABLE_STATE_CLOSED);
    runtime_error("async generator ignored GeneratorExit")
}

/// One step of `aclose()`: a wrapped yield means the generator refused to close; an
/// await's value passes through; the end of the generator is the awaitable's end.
fn aclose_step(o: &PyAsyncGenAThrow, step: PyResult<GenResult>) -> PyResult {
    match step {
        Ok(GenResult::Next(v)) => {
            if unwrap_yielded(&v).is_some() {
                Err(athrow_yield_close(o))
            } else {
                Ok(v)
            }
        }
        Ok(GenResult::Return(_)) => Err(athrow_check_error(
            o,
            PyErr_FromArgs(&PyExc_StopAsyncIteration, &[]),
        )),
        Err(e) => Err(athrow_check_error(o, e)),
    }
}

fn athrow_send_impl(obj: &PyObject, arg: &PyObject) -> PyResult {
    let o = as_athrow(obj);
    let gen = as_gen(&o.agt_gen);
    if o.agt_state.get() == AWAITABLE_STATE_CLOSED {
        return Err(runtime_error(
            "cannot reuse already awaited aclose()/athrow()",
        ));
    }
    if gen.state() >= FRAME_COMPLETED {
        o.agt_state.set(AWAITABLE_STATE_CLOSED);
        return Err(stop_iteration(None));
    }
    if o.agt_state.get() == AWAITABLE_STATE_INIT {
        if gen.ag_running_async.get() {
            o.agt_state.set(AWAITABLE_STATE_CLOSED);
            let which = if o.agt_args.is_none() {
                "aclose"
            } else {
                "athrow"
            };
            return Err(runtime_error(format!(
                "{which}(): asynchronous generator is already running"
            )));
        }
        if gen.ag_closed.get() {
            o.agt_state.set(AWAITABLE_STATE_CLOSED);
            return Err(PyErr_FromArgs(&PyExc_StopAsyncIteration, &[]));
        }
        if !arg.is(Py_None()) {
            return Err(runtime_error(
                "can't send non-None value to a just-started coroutine",
            ));
        }
        o.agt_state.set(AWAITABLE_STATE_ITER);
        gen.ag_running_async.set(true);
        return match &o.agt_args {
            None => {
                gen.ag_closed.set(true);
                let step = gen_throw_step(gen, PyExc_GeneratorExit.as_object(), None, None);
                aclose_step(o, step)
            }
            Some(args) => {
                let step = gen_throw_step(
                    gen,
                    &args[0],
                    args.get(1).map(|a| &**a),
                    args.get(2).map(|a| &**a),
                );
                async_gen_unwrap_value(gen, step).map_err(|e| athrow_check_error(o, e))
            }
        };
    }
    let step = gen_send_ex2(gen, Some(arg.to_owned()), None, false);
    match &o.agt_args {
        Some(_) => async_gen_unwrap_value(gen, step),
        None => aclose_step(o, step),
    }
}

fn athrow_send(obj: &PyObject, arg: &PyObject) -> PyResult {
    athrow_send_impl(obj, arg)
}

fn athrow_iternext(obj: &PyObject) -> PyResult<Option<PyObjectRef>> {
    athrow_send_impl(obj, Py_None()).map(Some)
}

fn athrow_throw(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("throw", args.len(), 1, 3)?;
    let o = as_athrow(obj);
    if o.agt_state.get() == AWAITABLE_STATE_CLOSED {
        return Err(runtime_error(
            "cannot reuse already awaited aclose()/athrow()",
        ));
    }
    let gen = as_gen(&o.agt_gen);
    let step = gen_throw_step(
        gen,
        &args[0],
        args.get(1).map(|a| &**a),
        args.get(2).map(|a| &**a),
    );
    match &o.agt_args {
        Some(_) => async_gen_unwrap_value(gen, step),
        None => aclose_step(o, step),
    }
}

fn athrow_close(obj: &PyObject) -> PyResult {
    as_athrow(obj).agt_state.set(AWAITABLE_STATE_CLOSED);
    Ok(none())
}

unsafe fn athrow_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead athrow awaitable.
    unsafe { dealloc_object::<PyAsyncGenAThrow>(op) }
}

fn athrow_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let o = as_athrow(obj);
    visit(&o.agt_gen);
    for a in o.agt_args.iter().flatten() {
        visit(a);
    }
}

static ATHROW_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new("send", PyCFunction::O(athrow_send), "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    PyMethodDef::new("throw", PyCFunction::Fast(athrow_throw), "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    PyMethodDef::new("close", PyCFunction::NoArgs(athrow_close), "close() -> raise GeneratorExit inside generator."),
];

/// `async_generator_athrow`.
pub static _PyAsyncGenAThrow_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "async_generator_athrow",
    tp_basicsize: Cell::new(size_of::<PyAsyncGenAThrow>()),
    tp_dealloc: slot(athrow_dealloc),
    tp_as_async: PyAsyncMethods {
        am_await: slot(gen_iter),
        ..PyAsyncMethods::EMPTY
    },
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(athrow_traverse),
    tp_iter: slot(gen_iter),
    tp_iternext: slot(athrow_iternext),
    tp_methods: &ATHROW_METHODS,
    ..PyTypeObject::DEFAULT
};

fn async_gen_anext(obj: &PyObject) -> PyResult {
    async_gen_init_hooks(obj)?;
    Ok(async_gen_asend_new(obj, none()))
}

fn async_gen_asend(obj: &PyObject, arg: &PyObject) -> PyResult {
    async_gen_init_hooks(obj)?;
    Ok(async_gen_asend_new(obj, arg.to_owned()))
}

fn async_gen_athrow(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    crate::getargs::check_positional("athrow", args.len(), 1, 3)?;
    async_gen_init_hooks(obj)?;
    Ok(async_gen_athrow_new(obj, Some(args.to_vec())))
}

fn async_gen_aclose(obj: &PyObject) -> PyResult {
    async_gen_init_hooks(obj)?;
    Ok(async_gen_athrow_new(obj, None))
}

fn async_gen_get_running(obj: &PyObject) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(
        as_gen(obj).ag_running_async.get(),
    ))
}

static ASYNC_GEN_GETSET: [PyGetSetDef; 7] = [
    PyGetSetDef::getset("__name__", gen_get_name, gen_set_name),
    PyGetSetDef::getset("__qualname__", gen_get_qualname, gen_set_qualname),
    PyGetSetDef::getter("ag_await", gen_get_yieldfrom),
    PyGetSetDef::getter("ag_running", async_gen_get_running),
    PyGetSetDef::getter("ag_frame", gen_get_frame),
    PyGetSetDef::getter("ag_code", gen_get_code),
    PyGetSetDef::getter("ag_suspended", gen_get_suspended),
];

static ASYNC_GEN_METHODS: [PyMethodDef; 3] = [
    PyMethodDef::new(
        "asend",
        PyCFunction::O(async_gen_asend),
        "asend(v) -> send 'v' in generator.",
    ),
    PyMethodDef::new(
        "athrow",
        PyCFunction::Fast(async_gen_athrow),
        "athrow(typ[,val[,tb]]) -> raise exception in generator.",
    ),
    PyMethodDef::new(
        "aclose",
        PyCFunction::NoArgs(async_gen_aclose),
        "aclose() -> raise GeneratorExit inside generator.",
    ),
];

/// `async_generator`.
pub static PyAsyncGen_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "async_generator",
    tp_basicsize: Cell::new(size_of::<PyGenObject>()),
    // CPython's `__itemsize__`; pyrs keeps the variable part out of line.
    tp_itemsize: Cell::new(8),
    tp_dealloc: slot(gen_dealloc),
    tp_repr: slot(gen_repr),
    tp_as_async: PyAsyncMethods {
        am_aiter: slot(gen_iter),
        am_anext: slot(async_gen_anext),
        ..PyAsyncMethods::EMPTY
    },
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_flags: Cell::new(
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    ),
    tp_traverse: slot(gen_traverse),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyGenObject, gi_weakreflist)),
    tp_methods: &ASYNC_GEN_METHODS,
    tp_getset: &ASYNC_GEN_GETSET,
    tp_finalize: slot(gen_finalize),
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![
        &PyGen_Type,
        &PyCoro_Type,
        &_PyCoroWrapper_Type,
        &PyAsyncGen_Type,
        &_PyAsyncGenASend_Type,
        &_PyAsyncGenAThrow_Type,
        &_PyAsyncGenWrappedValue_Type,
    ]
}
