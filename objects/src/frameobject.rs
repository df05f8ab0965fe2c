//! Frame objects, the Python-visible face of interpreter frames. Mirrors
//! Objects/frameobject.c and the frame-object half of Python/frame.c (CPython 3.11).
//!
//! An interpreter frame (`include::frame::_PyInterpreterFrame`) lives on the thread's
//! data stack while its function runs. A `PyFrameObject` is made for it only when
//! asked (`sys._getframe()`, a traceback, a generator's `gi_frame`). If the frame
//! object outlives the call, the interpreter frame's contents are moved into the
//! frame object when the call ends ([`_PyFrame_Clear`] -> `take_ownership`).
//!
//! Differences from CPython: the moved frame lives in a boxed slice of words owned by
//! the frame object rather than trailing the object; `_PyFrame_Clear` and
//! `_PyFrame_GetFrameObject` are here rather than in the `python` crate because
//! generators (in this crate) need them.

use std::cell::Cell;
use std::mem::size_of;
use std::ptr;

use include::code::{_Py_CODEUNIT, _Py_OPARG, _Py_OPCODE, PyCodeObject};
use include::cpython::object::flags::*;
use include::descrobject::PyGetSetDef;
use include::frame::*;
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::codeobject::{localspluskinds, localsplusname, PyCode_Addr2Line};
use crate::dictobject::{PyDict_DelItem, PyDict_New, PyDict_SetItem};
use crate::longobject::PyLong_FromLong;
use crate::object::*;
use crate::obmalloc::*;
use crate::prelude::*;
use crate::typeobject::PyType_Type;
use crate::unicodeobject::{as_str_lossy, PyUnicode_FromString};

/// `PyFrameObject`.
#[repr(C)]
pub struct PyFrameObject {
    pub ob_base: PyObject,
    /// The calling frame's object, set when this frame's data moved into the object.
    pub f_back: PyCell<Option<PyObjectRef>>,
    /// The interpreter frame: on the data stack, in a generator, or in `owned`.
    pub f_frame: Cell<*mut _PyInterpreterFrame>,
    pub f_trace: PyCell<Option<PyObjectRef>>,
    /// The line, when set by a tracer (0 otherwise).
    pub f_lineno: Cell<i32>,
    pub f_trace_lines: Cell<bool>,
    pub f_trace_opcodes: Cell<bool>,
    /// The frame's words once it has left the data stack (`_f_frame_data`).
    pub owned: PyCell<Option<Box<[usize]>>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for PyFrameObject {}

impl PyTypeInfo for PyFrameObject {
    fn type_object() -> &'static PyTypeObject {
        &PyFrame_Type
    }
}

impl PyFrameObject {
    /// The interpreter frame this object shows.
    pub fn iframe(&self) -> &_PyInterpreterFrame {
        // SAFETY: `f_frame` always points at a live, initialised frame: while the
        // call runs, the frame holds a reference to this object; afterwards the frame
        // lives in `owned`.
        unsafe { &*self.f_frame.get() }
    }
}

fn as_frame(obj: &PyObject) -> &PyFrameObject {
    // SAFETY: only installed on `frame`.
    unsafe { &*(obj as *const PyObject as *const PyFrameObject) }
}

/// `_PyFrame_GetFrameObject`: the frame object of an interpreter frame, made on first
/// request.
///
/// # Safety
/// `frame` must be a live, initialised interpreter frame.
pub unsafe fn _PyFrame_GetFrameObject(frame: *mut _PyInterpreterFrame) -> PyObjectRef {
    // SAFETY: the caller guarantees `frame` is live.
    unsafe {
        if let Some(f) = &(*frame).frame_obj {
            return f.clone();
        }
        let f = alloc_object(
            &PyFrame_Type,
            PyFrameObject {
                ob_base: PyObject_HEAD_INIT,
                f_back: PyCell::new(None),
                f_frame: Cell::new(frame),
                f_trace: PyCell::new(None),
                f_lineno: Cell::new(0),
                f_trace_lines: Cell::new(true),
                f_trace_opcodes: Cell::new(false),
                owned: PyCell::new(None),
            },
        )
        .into_object();
        (*frame).frame_obj = Some(f.clone());
        f
    }
}

/// Move a frame's contents into its frame object (`take_ownership`).
///
/// # Safety
/// `frame` must be live and about to be released by its owner; `f` must be its frame
/// object (already detached from `frame.frame_obj`).
unsafe fn take_ownership(f: &PyFrameObject, frame: *mut _PyInterpreterFrame) {
    // SAFETY: the caller guarantees `frame` is live; the copy gets room for the
    // header plus every slot up to `stacktop`.
    unsafe {
        let words = FRAME_SPECIALS_SIZE + (*frame).stacktop as usize;
        let mut buf = vec![0usize; words.max(FRAME_SPECIALS_SIZE)].into_boxed_slice();
        let dest = buf.as_mut_ptr() as *mut _PyInterpreterFrame;
        _PyInterpreterFrame::copy(frame, dest);
        (*dest).owner = FRAME_OWNED_BY_FRAME_OBJECT;
        // Link the frame objects instead of the interpreter frames.
        let prev = (*dest).previous;
        (*dest).previous = ptr::null_mut();
        if !prev.is_null() {
            let back = _PyFrame_GetFrameObject(prev);
            f.f_back.set(Some(back));
        }
        f.owned.set(Some(buf));
        // The box's contents do not move when the box itself is moved into the cell.
        let data = f
            .owned
            .get_ref()
            .as_ref()
            .map_or(ptr::null_mut(), |b| b.as_ptr() as *mut _PyInterpreterFrame);
        f.f_frame.set(data);
    }
}

/// `_PyFrame_Clear`: release everything an interpreter frame holds. If its frame
/// object is still referenced elsewhere, the frame's contents move into it instead.
/// The frame's memory is left for its owner to release.
///
/// # Safety
/// `frame` must be an initialised frame that is not running, with `stacktop` set.
#[inline]
pub unsafe fn _PyFrame_Clear(frame: *mut _PyInterpreterFrame) {
    // SAFETY: the caller guarantees the frame is initialised and idle.
    unsafe {
        if (*frame).frame_obj.is_some() && frame_clear_frame_object(frame) {
            return;
        }
        _PyInterpreterFrame::clear(frame);
    }
}

/// The frame-object part of [`_PyFrame_Clear`], off the hot path of a return: drop
/// the frame's reference to its frame object, or, if the object is still referenced
/// elsewhere, move the frame's contents into it. Returns true when they moved.
///
/// # Safety
/// As for [`_PyFrame_Clear`].
#[cold]
#[inline(never)]
unsafe fn frame_clear_frame_object(frame: *mut _PyInterpreterFrame) -> bool {
    // SAFETY: the caller guarantees the frame is initialised and idle.
    unsafe {
        if let Some(fobj) = (*frame).frame_obj.take() {
            if fobj.refcnt() > 1 {
                let f = &*(fobj.as_ptr() as *const PyFrameObject);
                take_ownership(f, frame);
                // The moved frame's references now belong to the frame object; only
                // the header memory is left to release.
                drop(fobj);
                return true;
            }
            drop(fobj);
        }
        false
    }
}

/// The current line of a frame (`PyFrame_GetLineNumber`).
pub fn frame_lineno(frame: &_PyInterpreterFrame) -> i32 {
    let lasti = frame.lasti();
    PyCode_Addr2Line(&frame.f_code, (lasti.max(0) * 2) as i32)
}

fn frame_get_back(obj: &PyObject) -> PyResult {
    let f = as_frame(obj);
    if let Some(b) = f.f_back.get() {
        return Ok(b);
    }
    let frame = f.iframe();
    let mut prev = frame.previous;
    // Skip frames that have not started (a generator being created).
    while !prev.is_null() {
        // SAFETY: `previous` links live frames.
        unsafe {
            if (*prev).owner != FRAME_OWNED_BY_THREAD || (*prev).lasti() >= 0 {
                break;
            }
            prev = (*prev).previous;
        }
    }
    if prev.is_null() {
        return Ok(none());
    }
    // SAFETY: `prev` is a live frame.
    Ok(unsafe { _PyFrame_GetFrameObject(prev) })
}

fn frame_get_code(obj: &PyObject) -> PyResult {
    Ok(as_frame(obj).iframe().f_code.clone().into_object())
}

fn frame_get_globals(obj: &PyObject) -> PyResult {
    // SAFETY: `f_globals` is kept alive by the frame's function.
    Ok(unsafe { as_frame(obj).iframe().f_globals.as_ref() }.to_owned())
}

fn frame_get_builtins(obj: &PyObject) -> PyResult {
    // SAFETY: `f_builtins` is kept alive by the frame's function.
    Ok(unsafe { as_frame(obj).iframe().f_builtins.as_ref() }.to_owned())
}

fn frame_get_lineno(obj: &PyObject) -> PyResult {
    let f = as_frame(obj);
    let n = if f.f_lineno.get() != 0 {
        f.f_lineno.get()
    } else {
        frame_lineno(f.iframe())
    };
    Ok(if n < 0 {
        none()
    } else {
        PyLong_FromLong(n as i64)
    })
}

fn frame_get_lasti(obj: &PyObject) -> PyResult {
    let lasti = as_frame(obj).iframe().lasti();
    Ok(PyLong_FromLong(if lasti < 0 {
        -1
    } else {
        lasti as i64 * 2
    }))
}

/// `PyFrame_FastToLocalsWithError` + `f_locals`: a dict of the frame's variables
/// (for function frames), or the frame's locals mapping (module and class bodies).
///
/// # Safety
/// `frame` must be a live frame (its `f_locals` slot is written).
pub unsafe fn PyFrame_GetLocals(fp: *mut _PyInterpreterFrame) -> PyResult {
    // SAFETY: the caller passes a live frame; the only write below goes through `fp`.
    let frame = unsafe { &*fp };
    let co: &PyCodeObject = &frame.f_code;
    let is_function = co.co_flags & include::code::CO_OPTIMIZED != 0;
    if !is_function {
        if let Some(l) = &frame.f_locals {
            return Ok(l.clone());
        }
    }
    // The dict is the frame's own and lasts (`frame->f_locals`): each request updates
    // it, keeping keys that are not variables (pdb stores `__return__` there).
    let d = match &frame.f_locals {
        Some(d) => d.clone(),
        None => {
            let d = PyDict_New().into_object();
            // SAFETY: the slot is unused in a function's frame; the frame is live.
            unsafe { (*fp).f_locals = Some(d.clone()) };
            d
        }
    };
    let Some(dict) = d.downcast_ref::<crate::dictobject::PyDictObject>() else {
        return Ok(d);
    };
    let kinds = localspluskinds(co);
    let slots = frame.localsplus();
    for (i, &kind) in kinds.iter().enumerate() {
        let Some(name) = localsplusname(co, i) else {
            continue;
        };
        // SAFETY: a frame has `co_nlocalsplus` initialised local slots.
        let mut value = unsafe { (*slots.add(i)).clone() };
        // Cells (and free variables) hold the value indirectly, once the frame has
        // run its MAKE_CELL/COPY_FREE_VARS prologue.
        if kind & (include::code::CO_FAST_CELL | include::code::CO_FAST_FREE) != 0
            && frame.lasti() >= 0
        {
            if let Some(v) = &value {
                if let Some(c) = v.downcast_ref::<crate::cellobject::PyCellObject>() {
                    value = c.get();
                }
            }
        }
        match value {
            Some(v) => PyDict_SetItem(dict, &name, &v)?,
            None => {
                let _ = PyDict_DelItem(dict, &name);
            }
        }
    }
    Ok(d)
}

fn frame_get_locals(obj: &PyObject) -> PyResult {
    // SAFETY: `f_frame` always points at a live frame (see `iframe`).
    unsafe { PyFrame_GetLocals(as_frame(obj).f_frame.get()) }
}

fn frame_get_trace(obj: &PyObject) -> PyResult {
    Ok(as_frame(obj).f_trace.get().unwrap_or_else(none))
}

fn frame_set_trace(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    as_frame(obj)
        .f_trace
        .set(value.filter(|v| !v.is(Py_None())).map(|v| v.to_owned()));
    Ok(())
}

// --- Setting `f_lineno`: the jump of a debugger (`frame_setlineno`). ---
//
// The value stack is modelled as a 64-bit integer, three bits per entry (the kind of
// value), to tell which jumps are safe and how many values the jump pops. A stack
// that does not fit is "overflowed".

/// The kinds of stack entries (`Kind`).
const ITERATOR: i64 = 1;
const EXCEPT: i64 = 2;
const OBJECT: i64 = 3;
const NULL: i64 = 4;
const LASTI: i64 = 5;

const BITS_PER_BLOCK: u32 = 3;
const UNINITIALIZED: i64 = -2;
const OVERFLOWED: i64 = -1;
const MAX_STACK_ENTRIES: u32 = 63 / BITS_PER_BLOCK;
const WILL_OVERFLOW: u64 = 1u64 << ((MAX_STACK_ENTRIES - 1) * BITS_PER_BLOCK);

fn compatible_kind(from: i64, to: i64) -> bool {
    match to {
        0 => false,
        OBJECT => from != NULL,
        NULL => true,
        _ => from == to,
    }
}

fn push_value(stack: i64, kind: i64) -> i64 {
    if (stack as u64) >= WILL_OVERFLOW {
        OVERFLOWED
    } else {
        (stack << BITS_PER_BLOCK) | kind
    }
}

fn pop_value(stack: i64) -> i64 {
    stack >> BITS_PER_BLOCK
}

fn top_of_stack(stack: i64) -> i64 {
    stack & ((1 << BITS_PER_BLOCK) - 1)
}

/// The stack cut down to `level` entries (`pop_to_level`).
fn pop_to_level(mut stack: i64, level: i32) -> i64 {
    if level == 0 {
        return 0;
    }
    let max_item: i64 = (1 << BITS_PER_BLOCK) - 1;
    let level_max_stack = max_item << ((level - 1) as u32 * BITS_PER_BLOCK);
    while stack > level_max_stack {
        stack = pop_value(stack);
    }
    stack
}

/// The argument of the instruction at `i`, with its `EXTENDED_ARG` prefixes
/// (`get_arg`); `code` is unquickened.
fn get_arg(code: &[_Py_CODEUNIT], i: usize) -> usize {
    use include::opcode::op::EXTENDED_ARG;
    let mut oparg = _Py_OPARG(code[i]) as usize;
    for k in 1..=3 {
        if i < k || _Py_OPCODE(code[i - k]) != EXTENDED_ARG {
            break;
        }
        oparg |= (_Py_OPARG(code[i - k]) as usize) << (8 * k);
    }
    oparg
}

/// The modelled stack before every instruction (`mark_stacks`), following jumps and
/// the exception table until nothing changes.
fn mark_stacks(co: &PyCodeObject) -> Vec<i64> {
    use include::opcode::op::*;
    use include::opcode::Opcode;
    let len = co.code_len();
    // SAFETY: the code units are only read here.
    let adaptive = unsafe { std::slice::from_raw_parts(co.code_ptr(), len) };
    let code: Vec<_Py_CODEUNIT> = adaptive
        .iter()
        .map(|&w| {
            let opc = _Py_OPCODE(w);
            let base = Opcode::from_u8(opc).map_or(opc, |o| o.deopt() as u8);
            (w & 0xff00) | base as _Py_CODEUNIT
        })
        .collect();
    let mut stacks = vec![UNINITIALIZED; len + 1];
    stacks[0] = 0;
    if co.co_flags
        & (include::code::CO_GENERATOR
            | include::code::CO_COROUTINE
            | include::code::CO_ASYNC_GENERATOR)
        != 0
    {
        // Generators get sent None while starting.
        stacks[0] = push_value(stacks[0], OBJECT);
    }
    let table = co
        .co_exceptiontable
        .downcast_ref::<crate::bytesobject::PyBytesObject>()
        .map(|b| b.as_bytes().to_vec())
        .unwrap_or_default();
    let mut todo = true;
    while todo {
        todo = false;
        for i in 0..len {
            let mut next_stack = stacks[i];
            if next_stack == UNINITIALIZED {
                continue;
            }
            let opcode = _Py_OPCODE(code[i]);
            let mut set_target = |stacks: &mut Vec<i64>, j: usize, value: i64| {
                if j < len {
                    if stacks[j] == UNINITIALIZED && j < i {
                        todo = true;
                    }
                    stacks[j] = value;
                }
            };
            match opcode {
                JUMP_IF_FALSE_OR_POP
                | JUMP_IF_TRUE_OR_POP
                | POP_JUMP_FORWARD_IF_FALSE
                | POP_JUMP_BACKWARD_IF_FALSE
                | POP_JUMP_FORWARD_IF_TRUE
                | POP_JUMP_BACKWARD_IF_TRUE
                | POP_JUMP_FORWARD_IF_NONE
                | POP_JUMP_BACKWARD_IF_NONE
                | POP_JUMP_FORWARD_IF_NOT_NONE
                | POP_JUMP_BACKWARD_IF_NOT_NONE => {
                    let arg = get_arg(&code, i);
                    let j = match opcode {
                        POP_JUMP_FORWARD_IF_FALSE
                        | POP_JUMP_FORWARD_IF_TRUE
                        | POP_JUMP_FORWARD_IF_NONE
                        | POP_JUMP_FORWARD_IF_NOT_NONE
                        | JUMP_IF_FALSE_OR_POP
                        | JUMP_IF_TRUE_OR_POP => i + 1 + arg,
                        _ => (i + 1).wrapping_sub(arg),
                    };
                    let target_stack;
                    if opcode == JUMP_IF_FALSE_OR_POP || opcode == JUMP_IF_TRUE_OR_POP {
                        target_stack = next_stack;
                        next_stack = pop_value(next_stack);
                    } else {
                        next_stack = pop_value(next_stack);
                        target_stack = next_stack;
                    }
                    set_target(&mut stacks, j, target_stack);
                    stacks[i + 1] = next_stack;
                }
                SEND => {
                    let j = get_arg(&code, i) + i + 1;
                    set_target(&mut stacks, j, pop_value(next_stack));
                    stacks[i + 1] = next_stack;
                }
                JUMP_FORWARD => {
                    let j = get_arg(&code, i) + i + 1;
                    set_target(&mut stacks, j, next_stack);
                }
                JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => {
                    let j = (i + 1).wrapping_sub(get_arg(&code, i));
                    set_target(&mut stacks, j, next_stack);
                }
                GET_ITER | GET_AITER => {
                    stacks[i + 1] = push_value(pop_value(next_stack), ITERATOR);
                }
                FOR_ITER => {
                    let target_stack = pop_value(next_stack);
                    stacks[i + 1] = push_value(next_stack, OBJECT);
                    let j = get_arg(&code, i) + i + 1;
                    set_target(&mut stacks, j, target_stack);
                }
                END_ASYNC_FOR => {
                    stacks[i + 1] = pop_value(pop_value(next_stack));
                }
                PUSH_EXC_INFO => {
                    stacks[i + 1] = push_value(next_stack, EXCEPT);
                }
                POP_EXCEPT => {
                    stacks[i + 1] = pop_value(next_stack);
                }
                RETURN_VALUE | RAISE_VARARGS | RERAISE => {
                    // End of a block.
                }
                PUSH_NULL => {
                    stacks[i + 1] = push_value(next_stack, NULL);
                }
                LOAD_GLOBAL => {
                    if _Py_OPARG(code[i]) & 1 != 0 {
                        next_stack = push_value(next_stack, NULL);
                    }
                    stacks[i + 1] = push_value(next_stack, OBJECT);
                }
                LOAD_METHOD => {
                    next_stack = pop_value(next_stack);
                    next_stack = push_value(next_stack, NULL);
                    stacks[i + 1] = push_value(next_stack, OBJECT);
                }
                _ => {
                    let mut delta =
                        crate::pyhooks::opcode_stack_effect(opcode, get_arg(&code, i) as i32)
                            .unwrap_or(0);
                    while delta < 0 {
                        next_stack = pop_value(next_stack);
                        delta += 1;
                    }
                    while delta > 0 {
                        next_stack = push_value(next_stack, OBJECT);
                        delta -= 1;
                    }
                    stacks[i + 1] = next_stack;
                }
            }
        }
        // The exception table: a handler starts with the stack of its protected
        // range cut to its level, plus the offending instruction and the exception.
        let mut pos = 0;
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
            let (Some(start), Some(_size), Some(handler), Some(dl)) = (
                read(&mut pos),
                read(&mut pos),
                read(&mut pos),
                read(&mut pos),
            ) else {
                break;
            };
            if start >= len || handler >= len {
                break;
            }
            if stacks[start] != UNINITIALIZED && stacks[handler] == UNINITIALIZED {
                todo = true;
                let mut target_stack = pop_to_level(stacks[start], (dl >> 1) as i32);
                if dl & 1 != 0 {
                    target_stack = push_value(target_stack, LASTI);
                }
                stacks[handler] = push_value(target_stack, EXCEPT);
            }
        }
    }
    stacks
}

fn compatible_stack(mut from_stack: i64, mut to_stack: i64) -> bool {
    if from_stack < 0 || to_stack < 0 {
        return false;
    }
    while from_stack > to_stack {
        from_stack = pop_value(from_stack);
    }
    while from_stack != 0 {
        if !compatible_kind(top_of_stack(from_stack), top_of_stack(to_stack)) {
            return false;
        }
        from_stack = pop_value(from_stack);
        to_stack = pop_value(to_stack);
    }
    to_stack == 0
}

fn explain_incompatible_stack(to_stack: i64) -> &'static str {
    match to_stack {
        OVERFLOWED => "stack is too deep to analyze",
        UNINITIALIZED => "can't jump into an exception handler, or code may be unreachable",
        _ => match top_of_stack(to_stack) {
            EXCEPT => "can't jump into an 'except' block as there's no exception",
            LASTI => "can't jump into a re-raising block as there's no location",
            ITERATOR => "can't jump into the body of a for loop",
            _ => "incompatible stacks",
        },
    }
}

/// The line each instruction starts, or -1 where no new line starts (`marklines`).
fn marklines(co: &PyCodeObject) -> Vec<i32> {
    let mut linestarts = vec![-1; co.code_len()];
    let mut last_line = -1;
    for e in crate::codeobject::decode_locations(co) {
        if e.line != last_line && e.line != -1 && e.start < linestarts.len() {
            linestarts[e.start] = e.line;
            last_line = e.line;
        }
    }
    linestarts
}

/// The state of the frame's execution as the setter sees it (`_PyFrame_GetState`).
fn frame_state(f: &PyFrameObject) -> i8 {
    let frame = f.iframe();
    match frame.owner {
        FRAME_OWNED_BY_GENERATOR => frame.f_state,
        FRAME_OWNED_BY_FRAME_OBJECT => FRAME_COMPLETED,
        _ => FRAME_EXECUTING,
    }
}

/// `frame_setlineno`: a trace function's jump to another line of the frame, on a
/// `line` event (or the `return` event of a yield). The target must exist and be
/// reachable with a stack that the current one can be cut down to; the values in
/// between are popped.
fn frame_set_lineno(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    use include::pystate::*;
    let Some(value) = value else {
        return Err(attribute_error("cannot delete attribute"));
    };
    if !value.is_type(&crate::longobject::PyLong_Type) {
        return Err(value_error("lineno must be an integer"));
    }
    let f = as_frame(obj);
    let state = frame_state(f);
    let tstate = _PyThreadState_GET();
    match tstate.tracing_what.get() {
        PyTrace_EXCEPTION => return Err(value_error("can only jump from a 'line' trace event")),
        PyTrace_CALL => {
            return Err(value_error(
                "can't jump from the 'call' trace event of a new frame",
            ))
        }
        PyTrace_LINE => {}
        PyTrace_RETURN if state == FRAME_SUSPENDED => {}
        _ => return Err(value_error("can only jump from a 'line' trace event")),
    }
    // SAFETY: a plain read of the trace function slot.
    if unsafe { f.f_trace.get_ref() }.is_none() {
        return Err(value_error("f_lineno can only be set by a trace function"));
    }
    let l_new_lineno = match crate::longobject::PyLong_AsLong(value) {
        Ok(v) if i32::try_from(v).is_ok() => v,
        _ => return Err(value_error("lineno out of range")),
    };
    let co: &PyCodeObject = &f.iframe().f_code;
    if (l_new_lineno as i32) < co.co_firstlineno {
        return Err(value_error(format!(
            "line {l_new_lineno} comes before the current code block"
        )));
    }
    let lines = marklines(co);
    let Some(new_lineno) = lines
        .iter()
        .copied()
        .filter(|&l| l >= l_new_lineno as i32)
        .min()
    else {
        return Err(value_error(format!(
            "line {l_new_lineno} comes after the current code block"
        )));
    };
    let stacks = mark_stacks(co);
    let lasti = f.iframe().lasti().max(0) as usize;
    let mut start_stack = stacks[lasti];
    let mut best_stack = OVERFLOWED;
    let mut best_addr = None;
    let mut err: i32 = -1;
    let mut msg = "cannot find bytecode for specified line";
    for (i, &line) in lines.iter().enumerate() {
        if line != new_lineno {
            continue;
        }
        let target_stack = stacks[i];
        if compatible_stack(start_stack, target_stack) {
            err = 0;
            if target_stack > best_stack {
                best_stack = target_stack;
                best_addr = Some(i);
            }
        } else if err < 0 {
            if start_stack == OVERFLOWED {
                msg = "stack to deep to analyze";
            } else if start_stack == UNINITIALIZED {
                msg = "can't jump from unreachable code";
            } else {
                msg = explain_incompatible_stack(target_stack);
                err = 1;
            }
        }
    }
    let Some(best_addr) = best_addr.filter(|_| err == 0) else {
        return Err(value_error(msg));
    };
    if state == FRAME_SUSPENDED {
        // The value the yield popped.
        start_stack = pop_value(start_stack);
    }
    let frame = f.f_frame.get();
    let nlocalsplus = co.co_nlocalsplus;
    // The model never asks for more values than the frame holds; the check keeps a
    // wrong model from reaching below the stack into the locals.
    // SAFETY: reads the frame's saved stack depth.
    while start_stack > best_stack && unsafe { (*frame).stacktop } > nlocalsplus {
        // SAFETY: the model says the frame's stack holds at least this many values;
        // the frame is paused in its trace function.
        let v = unsafe {
            (*frame).stacktop -= 1;
            (*(*frame).localsplus().add((*frame).stacktop as usize)).take()
        };
        if top_of_stack(start_stack) == EXCEPT {
            // An exception being handled: it also leaves the handled-exception stack.
            let old = tstate.exc_info().exc_value.replace(v);
            drop(old);
        } else {
            drop(v);
        }
        start_stack = pop_value(start_stack);
    }
    f.f_lineno.set(0);
    // SAFETY: `best_addr` is an instruction of the frame's code.
    unsafe { (*frame).prev_instr = co.code_ptr().add(best_addr) };
    Ok(())
}

fn frame_get_trace_lines(obj: &PyObject) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(
        as_frame(obj).f_trace_lines.get(),
    ))
}

/// A `T_BOOL` member's setter: only a bool, never deleted.
fn bool_member(value: Option<&PyObject>) -> PyResult<bool> {
    match value {
        None => Err(type_error("can't delete numeric/char attribute")),
        Some(v) if v.is(crate::boolobject::Py_True()) => Ok(true),
        Some(v) if v.is(crate::boolobject::Py_False()) => Ok(false),
        Some(_) => Err(type_error("attribute value type must be bool")),
    }
}

fn frame_set_trace_lines(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    as_frame(obj).f_trace_lines.set(bool_member(value)?);
    Ok(())
}

fn frame_get_trace_opcodes(obj: &PyObject) -> PyResult {
    Ok(crate::boolobject::PyBool_FromLong(
        as_frame(obj).f_trace_opcodes.get(),
    ))
}

fn frame_set_trace_opcodes(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    as_frame(obj).f_trace_opcodes.set(bool_member(value)?);
    Ok(())
}

static FRAME_GETSET: [PyGetSetDef; 10] = [
    PyGetSetDef::getter("f_back", frame_get_back),
    PyGetSetDef::getter("f_code", frame_get_code),
    PyGetSetDef::getter("f_globals", frame_get_globals),
    PyGetSetDef::getter("f_builtins", frame_get_builtins),
    PyGetSetDef::getset("f_lineno", frame_get_lineno, frame_set_lineno),
    PyGetSetDef::getter("f_lasti", frame_get_lasti),
    PyGetSetDef::getter("f_locals", frame_get_locals),
    PyGetSetDef::getset("f_trace", frame_get_trace, frame_set_trace),
    PyGetSetDef::getset(
        "f_trace_lines",
        frame_get_trace_lines,
        frame_set_trace_lines,
    ),
    PyGetSetDef::getset(
        "f_trace_opcodes",
        frame_get_trace_opcodes,
        frame_set_trace_opcodes,
    ),
];

/// `frame.clear()`: drop the local variables of a frame that has finished.
fn frame_clear_method(obj: &PyObject) -> PyResult {
    let f = as_frame(obj);
    // SAFETY: only the owned copy is touched, and only between Python operations.
    if unsafe { f.owned.get_ref() }.is_none() {
        return Err(runtime_error("cannot clear an executing frame"));
    }
    let frame = f.iframe();
    let slots = frame.localsplus();
    for i in 0..frame.stacktop as usize {
        // SAFETY: slots below `stacktop` are initialised; the old values are dropped
        // after the slot is emptied.
        let old = unsafe { (*slots.add(i)).take() };
        drop(old);
    }
    Ok(none())
}

static FRAME_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "clear",
    PyCFunction::NoArgs(frame_clear_method),
    "F.clear(): clear most references held by the frame",
)];

fn frame_repr(obj: &PyObject) -> PyResult {
    let f = as_frame(obj);
    let frame = f.iframe();
    let co = &frame.f_code;
    Ok(PyUnicode_FromString(&format!(
        "<frame at {:p}, file {}, line {}, code {}>",
        obj.as_ptr(),
        as_str_lossy(&*PyObject_Repr(&co.co_filename)?),
        frame_lineno(frame),
        as_str_lossy(&co.co_name)
    )))
}

unsafe fn frame_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead frame object. If it owns its frame's data, that data's
    // references are released first.
    unsafe {
        include::gc::gc_untrack(op);
        let f = &*(op as *const PyFrameObject);
        if let Some(mut buf) = f.owned.take() {
            _PyInterpreterFrame::clear(buf.as_mut_ptr() as *mut _PyInterpreterFrame);
        }
        dealloc_object::<PyFrameObject>(op)
    }
}

fn frame_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let f = as_frame(obj);
    // SAFETY: traversal runs no Python code.
    unsafe {
        if let Some(b) = f.f_back.get_ref() {
            visit(b);
        }
        if let Some(t) = f.f_trace.get_ref() {
            visit(t);
        }
        if f.owned.get_ref().is_some() {
            let frame = f.iframe();
            visit(&frame.f_func);
            visit(frame.f_code.as_object());
            if let Some(l) = &frame.f_locals {
                visit(l);
            }
            let slots = frame.localsplus();
            for i in 0..frame.stacktop as usize {
                if let Some(v) = &*slots.add(i) {
                    visit(v);
                }
            }
        }
    }
}

/// `frame_tp_clear`: break a cycle through a finished frame (a traceback stored in one
/// of its own locals, say) by dropping its trace function and its locals and stack.
/// A frame still on the data stack or in a generator shows none of those to the
/// collector (see `frame_traverse`), so only the owned copy is cleared.
fn frame_tp_clear(obj: &PyObject) {
    let f = as_frame(obj);
    let trace = f.f_trace.take();
    drop(trace);
    // SAFETY: the collector calls this between Python operations; the owned frame is
    // not running.
    if unsafe { f.owned.get_ref() }.is_none() {
        return;
    }
    let frame = f.iframe();
    let slots = frame.localsplus();
    for i in 0..frame.stacktop as usize {
        // SAFETY: slots below `stacktop` are initialised; each old value is dropped
        // after its slot is emptied, so a finalizer it runs sees a consistent frame.
        let old = unsafe { (*slots.add(i)).take() };
        drop(old);
    }
}

/// `frame`.
pub static PyFrame_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "frame",
    tp_basicsize: Cell::new(size_of::<PyFrameObject>()),
    // CPython's `__itemsize__`; pyrs keeps the variable part out of line.
    tp_itemsize: Cell::new(8),
    tp_dealloc: slot(frame_dealloc),
    tp_repr: slot(frame_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(frame_traverse),
    tp_clear: slot(frame_tp_clear),
    tp_methods: &FRAME_METHODS,
    tp_getset: &FRAME_GETSET,
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyFrame_Type]
}
