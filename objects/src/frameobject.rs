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

use include::code::PyCodeObject;
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
pub unsafe fn _PyFrame_Clear(frame: *mut _PyInterpreterFrame) {
    // SAFETY: the caller guarantees the frame is initialised and idle.
    unsafe {
        if let Some(fobj) = (*frame).frame_obj.take() {
            if fobj.refcnt() > 1 {
                let f = &*(fobj.as_ptr() as *const PyFrameObject);
                take_ownership(f, frame);
                // The moved frame's references now belong to the frame object; only
                // the header memory is left to release.
                drop(fobj);
                return;
            }
            drop(fobj);
        }
        _PyInterpreterFrame::clear(frame);
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
pub fn PyFrame_GetLocals(frame: &_PyInterpreterFrame) -> PyResult {
    let co: &PyCodeObject = &frame.f_code;
    let is_function = co.co_flags & include::code::CO_OPTIMIZED != 0;
    if !is_function {
        if let Some(l) = &frame.f_locals {
            return Ok(l.clone());
        }
    }
    let d = PyDict_New();
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
            Some(v) => PyDict_SetItem(&d, &name, &v)?,
            None => {
                let _ = PyDict_DelItem(&d, &name);
            }
        }
    }
    Ok(d.into_object())
}

fn frame_get_locals(obj: &PyObject) -> PyResult {
    PyFrame_GetLocals(as_frame(obj).iframe())
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

static FRAME_GETSET: [PyGetSetDef; 8] = [
    PyGetSetDef::getter("f_back", frame_get_back),
    PyGetSetDef::getter("f_code", frame_get_code),
    PyGetSetDef::getter("f_globals", frame_get_globals),
    PyGetSetDef::getter("f_builtins", frame_get_builtins),
    PyGetSetDef::getter("f_lineno", frame_get_lineno),
    PyGetSetDef::getter("f_lasti", frame_get_lasti),
    PyGetSetDef::getter("f_locals", frame_get_locals),
    PyGetSetDef::getset("f_trace", frame_get_trace, frame_set_trace),
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

/// `frame`.
pub static PyFrame_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "frame",
    tp_basicsize: Cell::new(size_of::<PyFrameObject>()),
    tp_dealloc: slot(frame_dealloc),
    tp_repr: slot(frame_repr),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC),
    tp_traverse: slot(frame_traverse),
    tp_methods: &FRAME_METHODS,
    tp_getset: &FRAME_GETSET,
    ..PyTypeObject::DEFAULT
};

/// This file's static types.
pub fn static_types() -> Vec<&'static PyTypeObject> {
    vec![&PyFrame_Type]
}
