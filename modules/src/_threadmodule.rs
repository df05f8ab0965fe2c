//! The `_thread` module: threads, locks and thread identity. Mirrors
//! Modules/_threadmodule.c (CPython 3.11).
//!
//! `start_new_thread` starts an OS thread (`std::thread`) with its own thread state;
//! the thread takes the GIL (python/src/ceval_gil.rs), calls the function, reports an
//! exception other than `SystemExit` through `sys.unraisablehook` ("Exception ignored
//! in thread started by"), releases its `_set_sentinel` lock, clears its state and
//! gives the GIL up for good (`thread_run`). Locks wait with the GIL released
//! (python/src/thread.rs).
//!
//! Differences from CPython:
//! - A new thread's native stack is at least [`THREAD_STACK_MIN_PYRS`] even when
//!   `stack_size()` asks for less: pyrs's native stack guard keeps a margin for
//!   raising and unwinding that a 32 KiB stack cannot hold.
//! - A new thread blocks the asynchronous signals, so that signals sent to the
//!   process wake the main thread, the only one that handles them (CPython leaves
//!   the choice of thread to the kernel).
//! - `_local` keeps a weak reference to itself in each thread's
//!   `PyThreadState_GetDict()` where CPython keeps a "dummy" object whose death (a
//!   weakref callback) tells the `_local` that the thread is gone; pyrs's thread end
//!   walks its dict and removes its attribute dict from each `_local` directly.
//! - `_excepthook` and `_ExceptHookArgs` are left out: `threading` falls back to its
//!   own Python `excepthook`, as CPython's does when they are missing.

use std::cell::Cell;
use std::mem::{offset_of, size_of};
use std::sync::atomic::{AtomicUsize, Ordering};

use include::cpython::object::flags::*;
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::boolobject::PyBool_FromLong;
use objects::dictobject::{
    PyDictObject, PyDict_DelItem, PyDict_GetItemWithError, PyDict_New, PyDict_SetItem,
};
use objects::exceptions::*;
use objects::floatobject::PyFloat_FromDouble;
use objects::longobject::{PyLong_FromLong, PyLong_FromU64};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::tupleobject::PyTuple_New;
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::PyUnicode_FromString;

use python::thread::{
    acquire_timed, PyThread_get_thread_ident as thread_ident, PyThread_type_lock,
};

/// `PY_TIMEOUT_MAX` in seconds, as CPython computes it on Linux.
const TIMEOUT_MAX: f64 = python::thread::PY_TIMEOUT_MAX;

/// The stack of a new thread when `stack_size()` was not set (the main thread
/// reserves 1 GiB; only the pages used are touched).
const THREAD_STACK_DEFAULT: usize = 256 << 20;
/// The smallest stack pyrs gives a thread, whatever `stack_size()` says.
const THREAD_STACK_MIN_PYRS: usize = 16 << 20;
/// Room kept below a thread's native stack guard for raising and unwinding.
const THREAD_STACK_MARGIN: usize = 2 << 20;

/// Parse `acquire(blocking=True, timeout=-1)` (`lock_acquire_parse_args`): the wait in
/// seconds, `None` for forever, `Some(0.0)` for a non-blocking try.
fn acquire_parse_args(args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<Option<f64>> {
    let a = objects::getargs::parse_args("acquire", args, kwnames, &["blocking", "timeout"], 0)?;
    let blocking = match &a[0] {
        Some(b) => PyObject_IsTrue(b)?,
        None => true,
    };
    let timeout = match &a[1] {
        Some(t) => objects::floatobject::PyFloat_AsDouble(t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(value_error(
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(value_error("timeout value must be a non-negative number"));
    }
    if !blocking {
        return Ok(Some(0.0));
    }
    if timeout == -1.0 {
        return Ok(None);
    }
    if timeout > TIMEOUT_MAX {
        return Err(PyErr_SetString(
            &PyExc_OverflowError,
            "timeout value is too large",
        ));
    }
    Ok(Some(timeout))
}

/// The name a lock's repr shows: `tp_name` (qualified for the static types).
fn type_name(obj: &PyObject) -> &str {
    let tp = obj.ob_type();
    if tp.is_heap_type() {
        tp.name()
    } else {
        tp.tp_name
    }
}

fn as_u64(obj: &PyObject) -> PyResult<u64> {
    let v = objects::longobject::PyLong_AsLong(obj)?;
    u64::try_from(v).map_err(|_| {
        PyErr_SetString(
            &PyExc_OverflowError,
            "can't convert negative int to unsigned",
        )
    })
}

// --- lock ------------------------------------------------------------------------------

#[repr(C)]
pub struct lockobject {
    pub ob_base: PyObject,
    lock_lock: PyThread_type_lock,
    in_weakreflist: PyCell<Option<PyObjectRef>>,
}

unsafe impl PyObjectLayout for lockobject {}

fn as_lock(obj: &PyObject) -> &lockobject {
    // SAFETY: the methods of `lock` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const lockobject) }
}

/// `newlockobject`.
fn newlockobject() -> PyObjectRef {
    // SAFETY: `Locktype` is ready (done in `PyInit__thread`).
    unsafe {
        alloc_object(
            &Locktype,
            lockobject {
                ob_base: PyObject_HEAD_INIT,
                lock_lock: PyThread_type_lock::new(),
                in_weakreflist: PyCell::new(None),
            },
        )
    }
    .into_object()
}

fn lock_PyThread_acquire_lock(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let timeout = acquire_parse_args(args, kwnames)?;
    let got = acquire_timed(&as_lock(obj).lock_lock, timeout)?;
    Ok(PyBool_FromLong(got))
}

fn lock_PyThread_release_lock(obj: &PyObject) -> PyResult {
    if !as_lock(obj).lock_lock.release() {
        return Err(runtime_error("release unlocked lock"));
    }
    Ok(none())
}

fn lock_exit(obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    lock_PyThread_release_lock(obj)
}

fn lock_locked_lock(obj: &PyObject) -> PyResult {
    Ok(PyBool_FromLong(as_lock(obj).lock_lock.is_locked()))
}

fn lock__at_fork_reinit(obj: &PyObject) -> PyResult {
    as_lock(obj).lock_lock.reinit();
    Ok(none())
}

fn lock_repr(obj: &PyObject) -> PyResult {
    let l = as_lock(obj);
    Ok(PyUnicode_FromString(&format!(
        "<{} {} object at {:#x}>",
        if l.lock_lock.is_locked() {
            "locked"
        } else {
            "unlocked"
        },
        type_name(obj),
        obj.as_ptr() as usize
    )))
}

unsafe fn lock_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead lock object.
    unsafe {
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<lockobject>(op)
    }
}

const ACQUIRE_DOC: &str = "acquire($self, /, blocking=True, timeout=-1)\n--\n\nLock the lock.  Without argument, this blocks if the lock is already\nlocked (even by the same thread), waiting for another thread to release\nthe lock, and return True once the lock is acquired.\nWith an argument, this will only block if the argument is true,\nand the return value reflects whether the lock is acquired.\nThe blocking operation is interruptible.";
const RELEASE_DOC: &str = "release($self, /)\n--\n\nRelease the lock, allowing another thread that is blocked waiting for\nthe lock to acquire the lock.  The lock must be in the locked state,\nbut it needn't be locked by the same thread that unlocks it.";
const LOCKED_DOC: &str = "locked($self, /)\n--\n\nReturn whether the lock is in the locked state.";

static LOCK_METHODS: [PyMethodDef; 9] = [
    PyMethodDef::new(
        "acquire_lock",
        PyCFunction::FastKw(lock_PyThread_acquire_lock),
        ACQUIRE_DOC,
    ),
    PyMethodDef::new(
        "acquire",
        PyCFunction::FastKw(lock_PyThread_acquire_lock),
        ACQUIRE_DOC,
    ),
    PyMethodDef::new(
        "release_lock",
        PyCFunction::NoArgs(lock_PyThread_release_lock),
        RELEASE_DOC,
    ),
    PyMethodDef::new(
        "release",
        PyCFunction::NoArgs(lock_PyThread_release_lock),
        RELEASE_DOC,
    ),
    PyMethodDef::new(
        "locked_lock",
        PyCFunction::NoArgs(lock_locked_lock),
        LOCKED_DOC,
    ),
    PyMethodDef::new("locked", PyCFunction::NoArgs(lock_locked_lock), LOCKED_DOC),
    PyMethodDef::new(
        "__enter__",
        PyCFunction::FastKw(lock_PyThread_acquire_lock),
        ACQUIRE_DOC,
    ),
    PyMethodDef::new("__exit__", PyCFunction::Fast(lock_exit), RELEASE_DOC),
    PyMethodDef::new(
        "_at_fork_reinit",
        PyCFunction::NoArgs(lock__at_fork_reinit),
        "_at_fork_reinit($self, /)\n--\n\n",
    ),
];

pub static Locktype: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_thread.lock",
    tp_basicsize: Cell::new(size_of::<lockobject>()),
    tp_dealloc: slot(lock_dealloc),
    tp_repr: slot(lock_repr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION),
    tp_doc: Some("A lock object is a synchronization primitive.  To create a lock,\ncall threading.Lock().  Methods are:\n\nacquire() -- lock the lock, possibly blocking until it can be obtained\nrelease() -- unlock of the lock\nlocked() -- test whether the lock is currently locked\n\nA lock is not owned by the thread that locked it; another thread may\nunlock it.  A thread attempting to lock a lock that it has already locked\nwill block until another thread unlocks it.  Deadlocks may ensue."),
    tp_weaklistoffset: Cell::new(offset_of!(lockobject, in_weakreflist)),
    tp_methods: &LOCK_METHODS,
    ..PyTypeObject::DEFAULT
};

// --- RLock -----------------------------------------------------------------------------

#[repr(C)]
pub struct rlockobject {
    pub ob_base: PyObject,
    rlock_lock: PyThread_type_lock,
    /// The owner and the count change only under the GIL.
    rlock_owner: Cell<u64>,
    rlock_count: Cell<u64>,
    in_weakreflist: PyCell<Option<PyObjectRef>>,
}

unsafe impl PyObjectLayout for rlockobject {}

fn as_rlock(obj: &PyObject) -> &rlockobject {
    // SAFETY: the methods of `RLock` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const rlockobject) }
}

fn rlock_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    // SAFETY: `tp` is RLock or a subclass; the rest of a subclass instance is zeroed.
    let obj = unsafe {
        alloc_object(
            tp,
            rlockobject {
                ob_base: PyObject_HEAD_INIT,
                rlock_lock: PyThread_type_lock::new(),
                rlock_owner: Cell::new(0),
                rlock_count: Cell::new(0),
                in_weakreflist: PyCell::new(None),
            },
        )
    };
    Ok(obj.into_object())
}

fn rlock_acquire(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let timeout = acquire_parse_args(args, kwnames)?;
    let r = as_rlock(obj);
    let tid = thread_ident();
    if r.rlock_count.get() > 0 && r.rlock_owner.get() == tid {
        let Some(count) = r.rlock_count.get().checked_add(1) else {
            return Err(PyErr_SetString(
                &PyExc_OverflowError,
                "Internal lock count overflowed",
            ));
        };
        r.rlock_count.set(count);
        return Ok(PyBool_FromLong(true));
    }
    if !acquire_timed(&r.rlock_lock, timeout)? {
        return Ok(PyBool_FromLong(false));
    }
    r.rlock_owner.set(tid);
    r.rlock_count.set(1);
    Ok(PyBool_FromLong(true))
}

fn rlock_release(obj: &PyObject) -> PyResult {
    let r = as_rlock(obj);
    if r.rlock_count.get() == 0 || r.rlock_owner.get() != thread_ident() {
        return Err(runtime_error("cannot release un-acquired lock"));
    }
    let count = r.rlock_count.get() - 1;
    r.rlock_count.set(count);
    if count == 0 {
        r.rlock_owner.set(0);
        r.rlock_lock.release();
    }
    Ok(none())
}

fn rlock_exit(obj: &PyObject, _args: &[PyObjectRef]) -> PyResult {
    rlock_release(obj)
}

fn rlock_acquire_restore(obj: &PyObject, state: &PyObject) -> PyResult {
    let items = objects::r#abstract::PySequence_Fast(state, "")?;
    let [count, owner] = items.as_slice() else {
        return Err(type_error(
            "_acquire_restore() argument must be a tuple of 2 items",
        ));
    };
    let count = as_u64(count)?;
    let owner = as_u64(owner)?;
    let r = as_rlock(obj);
    if !acquire_timed(&r.rlock_lock, None)? {
        return Err(runtime_error("couldn't acquire lock"));
    }
    r.rlock_owner.set(owner);
    r.rlock_count.set(count);
    Ok(none())
}

fn rlock_release_save(obj: &PyObject) -> PyResult {
    let r = as_rlock(obj);
    if r.rlock_count.get() == 0 {
        return Err(runtime_error("cannot release un-acquired lock"));
    }
    let state = PyTuple_New(vec![
        PyLong_FromU64(r.rlock_count.get()),
        PyLong_FromU64(r.rlock_owner.get()),
    ]);
    r.rlock_count.set(0);
    r.rlock_owner.set(0);
    r.rlock_lock.release();
    Ok(state.into_object())
}

fn rlock_is_owned(obj: &PyObject) -> PyResult {
    let r = as_rlock(obj);
    Ok(PyBool_FromLong(
        r.rlock_count.get() > 0 && r.rlock_owner.get() == thread_ident(),
    ))
}

fn rlock__at_fork_reinit(obj: &PyObject) -> PyResult {
    let r = as_rlock(obj);
    r.rlock_lock.reinit();
    r.rlock_owner.set(0);
    r.rlock_count.set(0);
    Ok(none())
}

fn rlock_repr(obj: &PyObject) -> PyResult {
    let r = as_rlock(obj);
    Ok(PyUnicode_FromString(&format!(
        "<{} {} object owner={} count={} at {:#x}>",
        if r.rlock_count.get() > 0 {
            "locked"
        } else {
            "unlocked"
        },
        type_name(obj),
        r.rlock_owner.get(),
        r.rlock_count.get(),
        obj.as_ptr() as usize
    )))
}

unsafe fn rlock_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead RLock.
    unsafe {
        objects::weakrefobject::PyObject_ClearWeakRefs(&*op);
        dealloc_object::<rlockobject>(op)
    }
}

const RLOCK_ACQUIRE_DOC: &str = "acquire($self, /, blocking=True, timeout=-1)\n--\n\nLock the lock.  `blocking` indicates whether we should wait\nfor the lock to be available or not.  If `blocking` is False\nand another thread holds the lock, the method will return False\nimmediately.  If `blocking` is True and another thread holds\nthe lock, the method will wait for the lock to be released,\ntake it and then return True.\n(note: the blocking operation is interruptible.)\n\nIn all other cases, the method will return True immediately.\nPrecisely, if the current thread already holds the lock, its\ninternal counter is simply incremented. If nobody holds the lock,\nthe lock is taken and its internal counter initialized to 1.";
const RLOCK_RELEASE_DOC: &str = "release($self, /)\n--\n\nRelease the lock, allowing another thread that is blocked waiting for\nthe lock to acquire the lock.  The lock must be in the locked state,\nand must be locked by the same thread that unlocks it; otherwise a\n`RuntimeError` is raised.\n\nDo note that if the lock was acquire()d several times in a row by the\ncurrent thread, release() needs to be called as many times for the lock\nto be available for other threads.";

static RLOCK_METHODS: [PyMethodDef; 8] = [
    PyMethodDef::new(
        "acquire",
        PyCFunction::FastKw(rlock_acquire),
        RLOCK_ACQUIRE_DOC,
    ),
    PyMethodDef::new(
        "release",
        PyCFunction::NoArgs(rlock_release),
        RLOCK_RELEASE_DOC,
    ),
    PyMethodDef::new(
        "_is_owned",
        PyCFunction::NoArgs(rlock_is_owned),
        "_is_owned($self, /)\n--\n\nFor internal use by `threading.Condition`.",
    ),
    PyMethodDef::new(
        "_acquire_restore",
        PyCFunction::O(rlock_acquire_restore),
        "_acquire_restore($self, state, /)\n--\n\nFor internal use by `threading.Condition`.",
    ),
    PyMethodDef::new(
        "_release_save",
        PyCFunction::NoArgs(rlock_release_save),
        "_release_save($self, /)\n--\n\nFor internal use by `threading.Condition`.",
    ),
    PyMethodDef::new(
        "__enter__",
        PyCFunction::FastKw(rlock_acquire),
        RLOCK_ACQUIRE_DOC,
    ),
    PyMethodDef::new("__exit__", PyCFunction::Fast(rlock_exit), RLOCK_RELEASE_DOC),
    PyMethodDef::new(
        "_at_fork_reinit",
        PyCFunction::NoArgs(rlock__at_fork_reinit),
        "_at_fork_reinit($self, /)\n--\n\n",
    ),
];

pub static RLocktype: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_thread.RLock",
    tp_basicsize: Cell::new(size_of::<rlockobject>()),
    tp_dealloc: slot(rlock_dealloc),
    tp_repr: slot(rlock_repr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE),
    tp_weaklistoffset: Cell::new(offset_of!(rlockobject, in_weakreflist)),
    tp_methods: &RLOCK_METHODS,
    tp_new: slot(rlock_new),
    ..PyTypeObject::DEFAULT
};

// --- _local ----------------------------------------------------------------------------

/// `localobject`: thread-local data. The object owns each thread's attribute dict
/// (`dicts`, keyed by the thread state's `id`, traversed by the collector, so a
/// cycle through a thread's attributes can be collected); each thread's
/// `PyThreadState_GetDict()` holds a weak reference to the object under its `key`,
/// so that a dying thread can take its dict out of every `_local` it used.
#[repr(C)]
pub struct localobject {
    pub ob_base: PyObject,
    /// `"_thread._local.<address>"`, the key in every thread's dict.
    key: PyCell<Option<PyObjectRef>>,
    /// The arguments `__init__` gets in each new thread (vectorcall form).
    args: PyCell<Vec<PyObjectRef>>,
    kwnames: PyCell<Option<PyObjectRef>>,
    /// `{thread state id: attribute dict}` (CPython's `dummies`).
    dicts: PyCell<Option<PyObjectRef>>,
    weakreflist: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for localobject {}

fn as_local(obj: &PyObject) -> &localobject {
    // SAFETY: the slots of `_local` are only called on its instances.
    unsafe { &*(obj as *const PyObject as *const localobject) }
}

/// Whether `tp` keeps `object.__init__` (then `_local` takes no arguments).
fn has_object_init(tp: &PyTypeObject) -> bool {
    let base = objects::typeobject::PyBaseObject_Type.tp_init.get();
    match (tp.tp_init.get(), base) {
        (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn local_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    if has_object_init(tp) && !args.is_empty() {
        return Err(type_error("Initialization arguments are not supported"));
    }
    // SAFETY: `tp` is `_local` or a subclass; the rest of a subclass instance is
    // zeroed.
    let obj = unsafe {
        alloc_object(
            tp,
            localobject {
                ob_base: PyObject_HEAD_INIT,
                key: PyCell::new(None),
                args: PyCell::new(args.to_vec()),
                kwnames: PyCell::new(kwnames.map(|k| k.to_owned())),
                dicts: PyCell::new(Some(PyDict_New().into_object())),
                weakreflist: PyCell::new(None),
            },
        )
    }
    .into_object();
    let key = PyUnicode_FromString(&format!("_thread._local.{:#x}", obj.as_ptr() as usize));
    as_local(&obj).key.set(Some(key));
    // The creating thread's dict is made now; `__init__` runs for it through the
    // type call.
    local_create_dict(&obj)?;
    Ok(obj)
}

/// The running thread's `PyThreadState_GetDict()`, made on first use.
fn thread_dict() -> PyObjectRef {
    let ts = include::pystate::_PyThreadState_GET();
    if let Some(d) = ts.dict.get() {
        return d;
    }
    let d = PyDict_New().into_object();
    ts.dict.set(Some(d.clone()));
    d
}

fn as_dict(d: &PyObject) -> &PyDictObject {
    // SAFETY: only called on the dicts this module makes.
    unsafe { &*(d as *const PyObject as *const PyDictObject) }
}

fn local_field(cell: &PyCell<Option<PyObjectRef>>) -> PyResult<PyObjectRef> {
    cell.get()
        .ok_or_else(|| system_error("_local object was cleared"))
}

/// The running thread's key in `dicts`.
fn thread_state_id() -> PyObjectRef {
    PyLong_FromU64(include::pystate::_PyThreadState_GET().id)
}

/// `_local_create_dummy`: a new attribute dict for this thread.
fn local_create_dict(obj: &PyObject) -> PyResult<PyObjectRef> {
    let l = as_local(obj);
    let (key, dicts) = (local_field(&l.key)?, local_field(&l.dicts)?);
    let ldict = PyDict_New().into_object();
    let wr = objects::weakrefobject::PyWeakref_NewRef(obj, None)?;
    PyDict_SetItem(as_dict(&thread_dict()), &key, &wr)?;
    PyDict_SetItem(as_dict(&dicts), &thread_state_id(), &ldict)?;
    Ok(ldict)
}

/// `_ldict`: this thread's attribute dict; in a thread that has none yet, make it
/// and run `__init__` with the arguments the object was made with.
fn local_ldict(obj: &PyObject) -> PyResult<PyObjectRef> {
    let dicts = local_field(&as_local(obj).dicts)?;
    if let Some(d) = PyDict_GetItemWithError(as_dict(&dicts), &thread_state_id())? {
        return Ok(d);
    }
    let ldict = local_create_dict(obj)?;
    let tp = obj.ob_type();
    if !has_object_init(tp) {
        if let Some(init) = tp.tp_init.get() {
            let l = as_local(obj);
            let args = l.args.get();
            let kwnames = l.kwnames.get();
            if let Err(e) = init(obj, &args, kwnames.as_deref()) {
                // The dict is dropped: the next access tries `__init__` again.
                let _ = PyDict_DelItem(as_dict(&dicts), &thread_state_id());
                return Err(e);
            }
        }
    }
    Ok(ldict)
}

/// A thread is ending (`PyThreadState_Clear` clearing the thread's dict, whose
/// dummies' weakref callbacks do this in CPython): every `_local` it used forgets the
/// thread's attribute dict.
fn local_thread_exit(ts: &include::pystate::PyThreadState) {
    let Some(tdict) = ts.dict.get() else {
        return;
    };
    let id = PyLong_FromU64(ts.id);
    for (_, wr) in objects::dictobject::PyDict_Items_vec(as_dict(&tdict)) {
        if !objects::weakrefobject::PyWeakref_Check(&wr) {
            continue;
        }
        let Ok(local) = objects::weakrefobject::PyWeakref_GetObject(&wr) else {
            continue;
        };
        if !objects::typeobject::PyObject_TypeCheck(&local, &localtype) {
            continue;
        }
        if let Some(dicts) = as_local(&local).dicts.get() {
            if let Err(e) = PyDict_DelItem(as_dict(&dicts), &id) {
                if !PyErr_ExceptionMatches(&e, &PyExc_KeyError) {
                    python::pythonrun::write_unraisable(e, None);
                }
            }
        }
    }
}

fn is_dunder_dict(name: &PyObject) -> PyResult<bool> {
    PyObject_RichCompareBool(name, objects::intern!("__dict__"), CompareOp::Eq)
}

fn local_getattro(obj: &PyObject, name: &PyObject) -> PyResult {
    let ldict = local_ldict(obj)?;
    if is_dunder_dict(name)? {
        return Ok(ldict);
    }
    match objects::object::_PyObject_GenericGetAttrWithDict(obj, name, Some(&ldict), false)? {
        Some(v) => Ok(v),
        None => Err(attribute_error(format!(
            "'{}' object has no attribute '{}'",
            type_name(obj),
            objects::unicodeobject::as_str_lossy(name)
        ))),
    }
}

/// `local_setattro`: `_PyObject_GenericSetAttrWithDict` with this thread's dict.
fn local_setattro(obj: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let ldict = local_ldict(obj)?;
    if is_dunder_dict(name)? {
        return Err(attribute_error(format!(
            "'{}' object attribute '__dict__' is read-only",
            type_name(obj)
        )));
    }
    if !objects::unicodeobject::PyUnicodeObject::check(name) {
        return Err(type_error(format!(
            "attribute name must be string, not '{}'",
            name.ob_type().name()
        )));
    }
    let tp = obj.ob_type();
    if let Some(d) = objects::typeobject::_PyType_Lookup(tp, name) {
        if d.ob_type().tp_descr_set.get().is_some() {
            return objects::descrobject::descr_set(&d, obj, value);
        }
    }
    let ldict = as_dict(&ldict);
    match value {
        Some(v) => PyDict_SetItem(ldict, name, v),
        None => match PyDict_DelItem(ldict, name) {
            Ok(()) => Ok(()),
            Err(e) if PyErr_ExceptionMatches(&e, &PyExc_KeyError) => Err(attribute_error(format!(
                "'{}' object has no attribute '{}'",
                type_name(obj),
                objects::unicodeobject::as_str_lossy(name)
            ))),
            Err(e) => Err(e),
        },
    }
}

fn local_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let l = as_local(obj);
    // SAFETY: traversal runs no Python code.
    unsafe {
        for a in l.args.get_ref() {
            visit(a);
        }
        for cell in [&l.kwnames, &l.dicts] {
            if let Some(o) = cell.get_ref() {
                visit(o);
            }
        }
    }
}

fn local_clear(obj: &PyObject) {
    let l = as_local(obj);
    drop(l.args.replace(Vec::new()));
    drop(l.kwnames.replace(None));
    drop(l.dicts.replace(None));
}

unsafe fn local_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead `_local`.
    let obj = unsafe { &*op };
    // SAFETY: as above.
    unsafe { include::gc::gc_untrack(op) };
    objects::weakrefobject::PyObject_ClearWeakRefs(obj);
    // `local_clear`: forget this object's entry in every thread's dict.
    if let Some(key) = as_local(obj).key.replace(None) {
        for ts in include::pystate::interp_threads() {
            // SAFETY: the list holds live states; under the GIL.
            if let Some(d) = unsafe { (*ts).dict.get() } {
                if let Err(e) = PyDict_DelItem(as_dict(&d), &key) {
                    if !PyErr_ExceptionMatches(&e, &PyExc_KeyError) {
                        python::pythonrun::write_unraisable(e, None);
                    }
                }
            }
        }
    }
    local_clear(obj);
    // SAFETY: as above.
    unsafe { dealloc_object::<localobject>(op) }
}

pub static localtype: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_thread._local",
    tp_basicsize: Cell::new(size_of::<localobject>()),
    tp_dealloc: slot(local_dealloc),
    tp_getattro: slot(local_getattro),
    tp_setattro: slot(local_setattro),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC),
    tp_doc: Some("Thread-local data"),
    tp_traverse: slot(local_traverse),
    tp_clear: slot(local_clear),
    tp_weaklistoffset: Cell::new(offset_of!(localobject, weakreflist)),
    tp_new: slot(local_new),
    ..PyTypeObject::DEFAULT
};

// --- module functions ------------------------------------------------------------------

fn thread_PyThread_start_new_thread(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("start_new_thread", args.len(), 2, 3)?;
    if args[0].ob_type().tp_call.get().is_none() {
        return Err(type_error("first arg must be callable"));
    }
    if !objects::tupleobject::PyTupleObject::check(&args[1]) {
        return Err(type_error("2nd arg must be a tuple"));
    }
    if let Some(kw) = args.get(2) {
        if !objects::dictobject::PyDictObject::check(kw) {
            return Err(type_error("optional 3rd arg must be a dictionary"));
        }
    }
    let boot = bootstate {
        func: args[0].clone(),
        args: args[1].clone(),
        kwargs: args.get(2).cloned(),
        tstate: include::pystate::PyThreadState_New(),
    };
    let tstate = boot.tstate;
    // SAFETY: under the GIL; not borrowed across calls.
    let requested = unsafe { *STACK_SIZE.get_ref() };
    let size = if requested == 0 {
        THREAD_STACK_DEFAULT
    } else {
        requested.max(THREAD_STACK_MIN_PYRS)
    };
    THREAD_COUNT.fetch_add(1, Ordering::SeqCst);
    let spawned = std::thread::Builder::new().stack_size(size).spawn(move || {
        // A panic is a bug in pyrs; unwinding out of the thread would leave the
        // GIL held and every other thread waiting for ever, so the process ends
        // as it does when the main thread panics.
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| thread_run(boot, size)))
            .is_err()
        {
            eprintln!("pyrs: internal error (a thread panicked)");
            std::process::exit(70);
        }
    });
    match spawned {
        Ok(handle) => {
            use std::os::unix::thread::JoinHandleExt;
            let ident = handle.as_pthread_t();
            // SAFETY: the new thread cannot use its state before it takes the GIL,
            // which this thread holds.
            unsafe { (*tstate).thread_id.set(ident) };
            // Detached: nobody joins an OS thread (`threading` joins through locks).
            drop(handle);
            Ok(PyLong_FromU64(ident))
        }
        Err(_) => {
            THREAD_COUNT.fetch_sub(1, Ordering::SeqCst);
            // The closure, with the boot state, was dropped by the failed spawn; the
            // thread state was never used.
            // SAFETY: made above, never current, not used again.
            unsafe { include::pystate::PyThreadState_Delete(tstate) };
            Err(runtime_error("can't start new thread"))
        }
    }
}

/// `struct bootstate`: what a new thread needs to run its function.
struct bootstate {
    func: PyObjectRef,
    args: PyObjectRef,
    kwargs: Option<PyObjectRef>,
    tstate: *mut include::pystate::PyThreadState,
}

// SAFETY: the boot state moves to the new thread, which touches it only once it
// holds the GIL (the references are released there, under the GIL). Should the spawn
// fail, the closure holding it is dropped by the starting thread, which holds the GIL.
unsafe impl Send for bootstate {}

/// `interp->threads.count`: threads started by `start_new_thread` still running.
static THREAD_COUNT: AtomicUsize = AtomicUsize::new(0);

/// `thread_run`: the body of a new thread.
fn thread_run(boot: bootstate, stack_size: usize) {
    block_async_signals();
    let tstate = boot.tstate;
    python::ceval_gil::PyEval_AcquireThread(tstate);
    // SAFETY: this thread's own state, current now that it holds the GIL.
    let ts = unsafe { &*tstate };
    ts.thread_id.set(thread_ident());
    ts.set_native_stack(stack_size, THREAD_STACK_MARGIN.min(stack_size / 4));
    let bootstate {
        func, args, kwargs, ..
    } = boot;
    let result = objects::call::PyObject_Call(&func, &args, kwargs.as_deref());
    if let Err(e) = result {
        if !PyErr_ExceptionMatches(&e, &PyExc_SystemExit) {
            python::pythonrun::write_unraisable_msg(e, Some("in thread started by"), Some(&func));
        }
    }
    drop((func, args, kwargs));
    local_thread_exit(ts);
    release_sentinel(ts);
    ts.clear();
    THREAD_COUNT.fetch_sub(1, Ordering::SeqCst);
    // SAFETY: the current state, cleared above and not used again.
    unsafe { python::ceval_gil::_PyThreadState_DeleteCurrent(tstate) };
}

/// Block the asynchronous signals on a new thread, so that the kernel delivers them
/// to the main thread (see the module header). The signals a fault raises on the
/// faulting thread stay unblocked.
fn block_async_signals() {
    // SAFETY: a set filled, then emptied of the synchronous signals, and applied to
    // this thread's own mask.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for sig in [
            libc::SIGSEGV,
            libc::SIGBUS,
            libc::SIGFPE,
            libc::SIGILL,
            libc::SIGTRAP,
            libc::SIGABRT,
            libc::SIGSYS,
        ] {
            libc::sigdelset(&mut set, sig);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// `release_sentinel`: release the lock `_set_sentinel` made for this thread, if it is
/// still alive and locked (`threading` waits on it to join the thread).
fn release_sentinel(ts: &include::pystate::PyThreadState) {
    let Some(wr) = ts.on_delete_data.replace(None) else {
        return;
    };
    if let Ok(lock) = objects::weakrefobject::PyWeakref_GetObject(&wr) {
        if std::ptr::eq(lock.ob_type(), &Locktype) {
            as_lock(&lock).lock_lock.release();
        }
    }
}

fn thread_PyThread_allocate_lock(_m: &PyObject) -> PyResult {
    Ok(newlockobject())
}

fn thread__set_sentinel(_m: &PyObject) -> PyResult {
    let ts = include::pystate::_PyThreadState_GET();
    // A second call (in a child after `fork`) replaces the first lock.
    drop(ts.on_delete_data.replace(None));
    let lock = newlockobject();
    let wr = objects::weakrefobject::PyWeakref_NewRef(&lock, None)?;
    drop(ts.on_delete_data.replace(Some(wr)));
    Ok(lock)
}

fn thread_get_ident(_m: &PyObject) -> PyResult {
    Ok(PyLong_FromU64(thread_ident()))
}

fn thread_get_native_id(_m: &PyObject) -> PyResult {
    // SAFETY: gettid has no preconditions.
    Ok(PyLong_FromLong(unsafe { libc::gettid() } as i64))
}

fn thread__count(_m: &PyObject) -> PyResult {
    Ok(PyLong_FromLong(THREAD_COUNT.load(Ordering::SeqCst) as i64))
}

static STACK_SIZE: include::object::GlobalCell<usize> = include::object::GlobalCell::new(0);

fn thread_stack_size(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("stack_size", args.len(), 0, 1)?;
    // SAFETY: under the GIL; not borrowed across calls.
    let old = unsafe { *STACK_SIZE.get_ref() };
    if let Some(size) = args.first() {
        let new = objects::r#abstract::PyNumber_AsSsize_t(size, Some(&PyExc_OverflowError))?;
        if new < 0 {
            return Err(value_error("size must be 0 or a positive value"));
        }
        // THREAD_STACK_MIN on Linux is 32 KiB (PTHREAD_STACK_MIN rounded).
        if new != 0 && new < 0x8000 {
            return Err(value_error(format!("size not valid: {new} bytes")));
        }
        // SAFETY: as above.
        unsafe { *STACK_SIZE.get_mut() = new as usize };
    }
    Ok(objects::longobject::PyLong_FromSsize_t(old as isize))
}

fn thread_PyThread_exit_thread(_m: &PyObject) -> PyResult {
    Err(PyErr_FromArgs(&PyExc_SystemExit, &[]))
}

fn thread_interrupt_main(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("interrupt_main", args.len(), 0, 1)?;
    let signum = match args.first() {
        Some(s) => objects::longobject::PyLong_AsLong(s)?,
        None => libc::SIGINT as i64,
    };
    if signum < 1 || signum >= python::signals::NSIG as i64 {
        return Err(value_error("signal number out of range"));
    }
    // `PyErr_SetInterruptEx`: the signal is tripped as if it had arrived; the main
    // thread runs its handler at its next check.
    python::signals::PyErr_SetInterruptEx(signum as usize);
    Ok(none())
}

static THREAD_METHODS: [PyMethodDef; 12] = [
    PyMethodDef::new("start_new_thread", PyCFunction::Fast(thread_PyThread_start_new_thread), "start_new_thread(function, args[, kwargs])\n(start_new() is an obsolete synonym)\n\nStart a new thread and return its identifier.  The thread will call the\nfunction with positional arguments from the tuple args and keyword arguments\ntaken from the optional dictionary kwargs.  The thread exits when the\nfunction returns; the return value is ignored.  The thread will also exit\nwhen the function raises an unhandled exception; a stack trace will be\nprinted unless the exception is SystemExit.\n"),
    PyMethodDef::new("start_new", PyCFunction::Fast(thread_PyThread_start_new_thread), "start_new(function, args[, kwargs])\n(PyThread_start_new_thread() is an obsolete synonym)\n"),
    PyMethodDef::new("allocate_lock", PyCFunction::NoArgs(thread_PyThread_allocate_lock), "allocate_lock() -> lock object\n(allocate() is an obsolete synonym)\n\nCreate a new lock object. See help(type(threading.Lock())) for\ninformation about locks."),
    PyMethodDef::new("allocate", PyCFunction::NoArgs(thread_PyThread_allocate_lock), "allocate_lock() -> lock object\n(allocate() is an obsolete synonym)\n"),
    PyMethodDef::new("exit_thread", PyCFunction::NoArgs(thread_PyThread_exit_thread), "exit()\n(exit_thread() is an obsolete synonym)\n\nThis is synonymous to ``raise SystemExit''.  It will cause the current\nthread to exit silently unless the exception is caught."),
    PyMethodDef::new("exit", PyCFunction::NoArgs(thread_PyThread_exit_thread), "exit()\n(exit_thread() is an obsolete synonym)\n\nThis is synonymous to ``raise SystemExit''.  It will cause the current\nthread to exit silently unless the exception is caught."),
    PyMethodDef::new("interrupt_main", PyCFunction::Fast(thread_interrupt_main), "interrupt_main(signum=signal.SIGINT, /)\n\nSimulate the arrival of the given signal in the main thread,\nwhere the corresponding signal handler will be executed.\nIf *signum* is omitted, SIGINT is assumed.\nA subthread can use this function to interrupt the main thread.\n\nNote: the default signal handler for SIGINT raises ``KeyboardInterrupt``."),
    PyMethodDef::new("get_ident", PyCFunction::NoArgs(thread_get_ident), "get_ident() -> integer\n\nReturn a non-zero integer that uniquely identifies the current thread\namongst other threads that exist simultaneously.\nThis may be used to identify per-thread resources.\nEven though on some platforms threads identities may appear to be\nallocated consecutive numbers starting at 1, this behavior should not\nbe relied upon, and the number should be seen purely as a magic cookie.\nA thread's identity may be reused for another thread after it exits."),
    PyMethodDef::new("get_native_id", PyCFunction::NoArgs(thread_get_native_id), "get_native_id() -> integer\n\nReturn a non-negative integer identifying the thread as reported\nby the OS (kernel). This may be used to uniquely identify a\nparticular thread within a system."),
    PyMethodDef::new("_count", PyCFunction::NoArgs(thread__count), "_count() -> integer\n\nReturn the number of currently running Python threads, excluding\nthe main thread. The returned number comprises all threads created\nthrough `start_new_thread()` as well as `threading.Thread`, and not\nyet finished.\n\nThis function is meant for internal and specialized purposes only.\nIn most applications `threading.enumerate()` should be used instead."),
    PyMethodDef::new("stack_size", PyCFunction::Fast(thread_stack_size), "stack_size([size]) -> size\n\nReturn the thread stack size used when creating new threads.  The\noptional size argument specifies the stack size (in bytes) to be used\nfor subsequently created threads, and must be 0 (use platform or\nconfigured default) or a positive integer value of at least 32,768 (32k).\nIf changing the thread stack size is unsupported, a ThreadError\nexception is raised.  If the specified size is invalid, a ValueError\nexception is raised, and the stack size is unmodified.  32k bytes\n currently the minimum supported stack size value to guarantee\nsufficient stack space for the interpreter itself.\n\nNote that some platforms may have particular restrictions on values for\nthe stack size, such as requiring a minimum stack size larger than 32 KiB or\nrequiring allocation in multiples of the system memory page size\n- platform documentation should be referred to for more information\n(4 KiB pages are common; using multiples of 4096 for the stack size is\nthe suggested approach in the absence of more specific information)."),
    PyMethodDef::new("_set_sentinel", PyCFunction::NoArgs(thread__set_sentinel), "_set_sentinel() -> lock\n\nSet a sentinel lock that will be released when the current thread\nstate is finalized (even if it is the main thread)."),
];

/// `PyInit__thread`.
pub fn PyInit__thread() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&Locktype)?;
    PyType_Ready(&RLocktype)?;
    PyType_Ready(&localtype)?;
    let m = PyModule_New("_thread")?;
    PyModule_AddFunctions(&m, &THREAD_METHODS)?;
    PyModule_AddObject(&m, "error", PyExc_RuntimeError.as_object())?;
    PyModule_AddObject(&m, "LockType", Locktype.as_object())?;
    PyModule_AddObject(&m, "RLock", RLocktype.as_object())?;
    PyModule_AddObject(&m, "_local", localtype.as_object())?;
    PyModule_AddObject(&m, "TIMEOUT_MAX", &PyFloat_FromDouble(TIMEOUT_MAX))?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface."),
    )?;
    Ok(m)
}
