//! The object header and references to objects. Mirrors Include/object.h (CPython 3.11).
//!
//! Every Python object is a `#[repr(C)]` struct whose first field is a [`PyObject`]
//! header: a reference count and a pointer to the object's type. A pointer to any
//! object can therefore be viewed as a pointer to its header, exactly as in C.
//!
//! References come in two shapes, as in CPython:
//! - `&PyObject` is a *borrowed* reference (`PyObject *` you do not own). It is valid as
//!   long as somebody else holds a strong reference: do not keep one across a call that
//!   can run Python code and drop the last owner (take an owned reference first).
//! - [`PyObjectRef`] is an *owned* (strong) reference: creating one increments the
//!   count (`Py_INCREF`), dropping it decrements (`Py_DECREF`), and the object is
//!   deallocated the moment the count reaches zero, so `__del__`, weakref callbacks
//!   and file closing happen when CPython's do. [`PyRef<T>`] is the same, typed.
//!
//! Differences from CPython: counting is done by Rust's `Clone`/`Drop` rather than by
//! hand; `_Py_Dealloc` applies the "trashcan" depth limit to every deallocation (CPython
//! applies it per container type), so freeing a million-deep chain never recurses more
//! than [`TRASHCAN_DEPTH`] deep on the native stack.

use std::cell::{Cell, UnsafeCell};
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use crate::cpython::object::PyTypeObject;

/// `Py_ssize_t`: sizes and indexes as Python sees them.
#[allow(non_camel_case_types)]
pub type Py_ssize_t = isize;
/// `Py_hash_t`: the result of `hash()`. Never -1 for a successful hash.
#[allow(non_camel_case_types)]
pub type Py_hash_t = isize;

/// The header every object starts with (`PyObject` / `PyObject_HEAD`).
#[repr(C)]
pub struct PyObject {
    /// The number of strong references (`ob_refcnt`).
    pub ob_refcnt: Cell<Py_ssize_t>,
    /// The object's type (`ob_type`). A `Cell` because `__class__` can be assigned.
    pub ob_type: Cell<NonNull<PyTypeObject>>,
}

// SAFETY: the pyrs runtime runs Python code on one thread at a time (a GIL-style design
// for threads may come later); objects are shared between threads only under that rule.
unsafe impl Sync for PyObject {}

/// The count given to statically allocated objects (built-in types, `None`, ...). It
/// is never reached from below by real references, so such objects are never freed.
pub const IMMORTAL_REFCNT: Py_ssize_t = 1 << 40;

impl PyObject {
    /// A header for a statically allocated object of type `tp` (`PyObject_HEAD_INIT`).
    pub const fn new_static(tp: &'static PyTypeObject) -> PyObject {
        PyObject {
            ob_refcnt: Cell::new(IMMORTAL_REFCNT),
            // SAFETY: a reference is never null.
            ob_type: Cell::new(unsafe {
                NonNull::new_unchecked(tp as *const PyTypeObject as *mut PyTypeObject)
            }),
        }
    }

    /// A header for a freshly allocated object with one reference. The caller owns the
    /// new reference and, for heap types, must hold a reference to the type on the
    /// object's behalf (see `PyObject_Init` in objects).
    pub fn new_header(tp: &PyTypeObject) -> PyObject {
        PyObject {
            ob_refcnt: Cell::new(1),
            ob_type: Cell::new(NonNull::from(tp)),
        }
    }

    /// The object's type (`Py_TYPE`).
    #[inline(always)]
    pub fn ob_type(&self) -> &PyTypeObject {
        // SAFETY: every live object's type outlives it: static types are immortal and
        // instances of heap types hold a strong reference to their type.
        unsafe { self.ob_type.get().as_ref() }
    }

    /// Whether the object's type is exactly `tp` (`Py_IS_TYPE`).
    #[inline(always)]
    pub fn is_type(&self, tp: &PyTypeObject) -> bool {
        std::ptr::eq(self.ob_type.get().as_ptr(), tp)
    }

    /// The current reference count (`Py_REFCNT`).
    #[inline(always)]
    pub fn refcnt(&self) -> Py_ssize_t {
        self.ob_refcnt.get()
    }

    /// `Py_INCREF`.
    #[inline(always)]
    pub fn incref(&self) {
        self.ob_refcnt.set(self.ob_refcnt.get() + 1);
    }

    /// A new owned reference to this object (`Py_NewRef`).
    #[inline(always)]
    #[allow(clippy::wrong_self_convention)]
    pub fn to_owned(&self) -> PyObjectRef {
        self.incref();
        PyObjectRef(NonNull::from(self))
    }

    /// The object's address, as `id()` reports it.
    #[inline(always)]
    pub fn as_ptr(&self) -> *mut PyObject {
        self as *const PyObject as *mut PyObject
    }

    /// Identity comparison (`is`).
    #[inline(always)]
    pub fn is(&self, other: &PyObject) -> bool {
        std::ptr::eq(self, other)
    }
}

impl fmt::Debug for PyObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:p}>", self.ob_type().name(), self)
    }
}

/// `Py_DECREF` on a raw pointer: drop one reference and deallocate at zero.
///
/// # Safety
/// `op` must point to a live object and the caller must own the reference it drops.
#[inline(always)]
pub unsafe fn Py_DECREF(op: NonNull<PyObject>) {
    // SAFETY: the caller guarantees `op` is live.
    let obj = unsafe { op.as_ref() };
    let n = obj.ob_refcnt.get() - 1;
    obj.ob_refcnt.set(n);
    if n == 0 {
        // SAFETY: the count just reached zero, so nobody else can reach the object.
        unsafe { _Py_Dealloc(op.as_ptr()) };
    }
}

/// How deep deallocations may nest on the native stack before the trashcan defers
/// further ones (CPython's `_PyTrash_UNWIND_LEVEL` is 50).
pub const TRASHCAN_DEPTH: usize = 50;

struct Trashcan {
    depth: Cell<usize>,
    /// Objects whose count reached zero while `depth` was at the limit; freed by the
    /// outermost deallocation, iteratively.
    later: UnsafeCell<Vec<*mut PyObject>>,
}

// SAFETY: see `PyObject`: one thread runs Python code at a time.
unsafe impl Sync for Trashcan {}

static TRASHCAN: Trashcan = Trashcan {
    depth: Cell::new(0),
    later: UnsafeCell::new(Vec::new()),
};

/// Deallocate an object whose count reached zero: calls its type's `tp_dealloc`.
/// Mirrors `_Py_Dealloc` (Objects/object.c) plus the trashcan of
/// `Py_TRASHCAN_BEGIN`/`_PyTrash_thread_destroy_chain`.
///
/// # Safety
/// `op` must point to an object with a reference count of zero that is not reachable
/// from anywhere else.
pub unsafe fn _Py_Dealloc(op: *mut PyObject) {
    let tc = &TRASHCAN;
    let depth = tc.depth.get();
    if depth >= TRASHCAN_DEPTH {
        // A deferred object is dead but its deallocator has not run yet, so it would
        // still be in a generation list. The cycle collector must never see it (with
        // a count of zero it would look like garbage and be freed twice), so it is
        // untracked now, as CPython's deallocators do before `Py_TRASHCAN_BEGIN`.
        // SAFETY: `op` is dead (the caller's contract); `_PyObject_IS_GC` says it has
        // a GC header; single-threaded access to `later`, no other borrow is live.
        unsafe {
            if crate::gc::_PyObject_IS_GC(&*op) {
                crate::gc::gc_untrack(op);
            }
            (*tc.later.get()).push(op);
        }
        return;
    }
    tc.depth.set(depth + 1);
    // SAFETY: the caller guarantees `op` is a dead object with a valid type.
    unsafe { dealloc_now(op) };
    if depth == 0 {
        // The outermost deallocation drains what deeper ones deferred. Each freed
        // object may defer more; the loop runs until nothing is left.
        loop {
            // SAFETY: single-threaded; the borrow ends before `dealloc_now` runs.
            let next = unsafe { (*tc.later.get()).pop() };
            match next {
                // SAFETY: deferred objects are dead objects, as above.
                Some(op) => unsafe { dealloc_now(op) },
                None => break,
            }
        }
    }
    tc.depth.set(depth);
}

unsafe fn dealloc_now(op: *mut PyObject) {
    // SAFETY: `op` is a dead object (see `_Py_Dealloc`); its type is still alive.
    let tp = unsafe { (*op).ob_type() };
    match tp.tp_dealloc.get() {
        // SAFETY: the type's deallocator is written for objects of this type.
        Some(dealloc) => unsafe { dealloc(op) },
        None => {
            // A type without a deallocator would leak its objects; every type gets one
            // from `PyType_Ready`, so this is unreachable for readied types.
            debug_assert!(false, "type {} has no tp_dealloc", tp.name());
        }
    }
}

/// An owned (strong) reference to any Python object.
#[repr(transparent)]
pub struct PyObjectRef(NonNull<PyObject>);

impl PyObjectRef {
    /// Take ownership of a reference the caller already counted (the C idiom of
    /// "stealing" a reference).
    ///
    /// # Safety
    /// `ptr` must point to a live object and the caller must own one reference to it,
    /// which passes to the result.
    #[inline(always)]
    pub unsafe fn from_raw(ptr: NonNull<PyObject>) -> PyObjectRef {
        PyObjectRef(ptr)
    }

    /// Give up ownership without decrementing; the caller becomes responsible for the
    /// reference.
    #[inline(always)]
    pub fn into_raw(self) -> NonNull<PyObject> {
        let p = self.0;
        std::mem::forget(self);
        p
    }

    /// The raw pointer, without touching the count.
    #[inline(always)]
    pub fn as_raw(&self) -> NonNull<PyObject> {
        self.0
    }

    /// View as a typed reference without checking the type.
    ///
    /// # Safety
    /// The object's layout must start with `T` (its type is `T`'s type or a subtype).
    #[inline(always)]
    pub unsafe fn downcast_unchecked<T: PyObjectLayout>(self) -> PyRef<T> {
        PyRef {
            ptr: self.into_raw().cast(),
            _marker: PhantomData,
        }
    }

    /// Borrow as a typed reference without checking the type.
    ///
    /// # Safety
    /// As for [`PyObjectRef::downcast_unchecked`].
    #[inline(always)]
    pub unsafe fn downcast_ref_unchecked<T: PyObjectLayout>(&self) -> &T {
        // SAFETY: the caller guarantees the layout.
        unsafe { self.0.cast::<T>().as_ref() }
    }
}

impl Deref for PyObjectRef {
    type Target = PyObject;
    #[inline(always)]
    fn deref(&self) -> &PyObject {
        // SAFETY: an owned reference keeps its object alive.
        unsafe { self.0.as_ref() }
    }
}

impl AsRef<PyObject> for PyObjectRef {
    #[inline(always)]
    fn as_ref(&self) -> &PyObject {
        self
    }
}

impl std::borrow::Borrow<PyObject> for PyObjectRef {
    fn borrow(&self) -> &PyObject {
        self
    }
}

impl Clone for PyObjectRef {
    #[inline(always)]
    fn clone(&self) -> PyObjectRef {
        self.incref();
        PyObjectRef(self.0)
    }
}

impl Drop for PyObjectRef {
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: we own one reference to a live object.
        unsafe { Py_DECREF(self.0) }
    }
}

impl fmt::Debug for PyObjectRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

/// Marks a `#[repr(C)]` struct whose first field is a `PyObject` header (directly or
/// through its base type's struct), so that a pointer to it is a pointer to an object.
///
/// # Safety
/// Implementors must be `#[repr(C)]` with the header at offset 0.
pub unsafe trait PyObjectLayout {
    /// View as the object header.
    #[inline(always)]
    fn as_object(&self) -> &PyObject {
        // SAFETY: the header is at offset 0 (trait contract).
        unsafe { &*(self as *const Self as *const PyObject) }
    }
}

// SAFETY: `PyObject` is its own header.
unsafe impl PyObjectLayout for PyObject {}

/// An owned reference to an object known to have layout `T` (its type is `T`'s type or
/// a subtype of it). Derefs to `T`.
#[repr(transparent)]
pub struct PyRef<T: PyObjectLayout> {
    ptr: NonNull<T>,
    _marker: PhantomData<T>,
}

impl<T: PyObjectLayout> PyRef<T> {
    /// Take ownership of a counted reference to a `T`.
    ///
    /// # Safety
    /// `ptr` must point to a live `T` and the caller must own one reference to it.
    #[inline(always)]
    pub unsafe fn from_raw(ptr: NonNull<T>) -> PyRef<T> {
        PyRef {
            ptr,
            _marker: PhantomData,
        }
    }

    /// Forget the static type.
    #[inline(always)]
    pub fn into_object(self) -> PyObjectRef {
        let p = self.ptr.cast::<PyObject>();
        std::mem::forget(self);
        PyObjectRef(p)
    }

    /// Borrow the header.
    #[inline(always)]
    pub fn as_object(&self) -> &PyObject {
        (**self).as_object()
    }

    /// A new owned reference from a borrowed `&T`.
    #[inline(always)]
    pub fn from_borrowed(obj: &T) -> PyRef<T> {
        obj.as_object().incref();
        PyRef {
            ptr: NonNull::from(obj),
            _marker: PhantomData,
        }
    }

    /// Give up ownership without decrementing.
    #[inline(always)]
    pub fn into_raw(self) -> NonNull<T> {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }
}

impl<T: PyObjectLayout> Deref for PyRef<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: an owned reference keeps its object alive.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T: PyObjectLayout> Clone for PyRef<T> {
    #[inline(always)]
    fn clone(&self) -> PyRef<T> {
        self.as_object().incref();
        PyRef {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl<T: PyObjectLayout> Drop for PyRef<T> {
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: we own one reference to a live object.
        unsafe { Py_DECREF(self.ptr.cast()) }
    }
}

impl<T: PyObjectLayout> From<PyRef<T>> for PyObjectRef {
    #[inline(always)]
    fn from(r: PyRef<T>) -> PyObjectRef {
        r.into_object()
    }
}

impl<T: PyObjectLayout> fmt::Debug for PyRef<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_object().fmt(f)
    }
}

/// A field of an object that Python code may change while other code reads it: the
/// `PyObject *` members of C structs. Reads clone (incref); writes put the new value in
/// place *before* dropping the old one (`Py_SETREF`), because dropping can run
/// arbitrary Python code (`__del__`) that may look at the field.
///
/// Borrowing the contents (`get_ref`) is `unsafe`: the caller promises not to run code
/// that could replace the value while the borrow lives.
#[repr(transparent)]
pub struct PyCell<T>(UnsafeCell<T>);

// SAFETY: see `PyObject`: one thread runs Python code at a time.
unsafe impl<T> Sync for PyCell<T> {}

impl<T> PyCell<T> {
    pub const fn new(value: T) -> PyCell<T> {
        PyCell(UnsafeCell::new(value))
    }

    /// Put `value` in place and return the previous contents.
    #[inline]
    pub fn replace(&self, value: T) -> T {
        // SAFETY: no reference into the cell outlives a method call (see `get_ref`).
        unsafe { std::mem::replace(&mut *self.0.get(), value) }
    }

    /// Put `value` in place, then drop the previous contents.
    #[inline]
    pub fn set(&self, value: T) {
        drop(self.replace(value));
    }

    /// Borrow the contents.
    ///
    /// # Safety
    /// Nothing may call `set`/`replace`/`get_mut` on this cell while the borrow lives.
    #[inline(always)]
    pub unsafe fn get_ref(&self) -> &T {
        // SAFETY: upheld by the caller.
        unsafe { &*self.0.get() }
    }

    /// Mutably borrow the contents.
    ///
    /// # Safety
    /// No other borrow of the contents may be live, and the caller must not run code
    /// that could reach this cell while the borrow lives.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    pub unsafe fn get_mut(&self) -> &mut T {
        // SAFETY: upheld by the caller.
        unsafe { &mut *self.0.get() }
    }

    /// A raw pointer to the contents.
    pub fn as_ptr(&self) -> *mut T {
        self.0.get()
    }
}

impl<T: Clone> PyCell<T> {
    /// A copy of the contents (for references: a new strong reference).
    #[inline]
    pub fn get(&self) -> T {
        // SAFETY: the borrow ends before anything else can run.
        unsafe { (*self.0.get()).clone() }
    }
}

impl<T: Default> PyCell<T> {
    /// Take the contents, leaving the default (e.g. `None`) behind.
    #[inline]
    pub fn take(&self) -> T {
        self.replace(T::default())
    }
}

impl<T: Default> Default for PyCell<T> {
    fn default() -> Self {
        PyCell::new(T::default())
    }
}

/// Process-wide runtime state that is not an object: free lists, caches, the thread
/// state. Like `PyCell` but without the reference-counting helpers.
pub struct GlobalCell<T>(UnsafeCell<T>);

// SAFETY: see `PyObject`: one thread runs Python code at a time.
unsafe impl<T> Sync for GlobalCell<T> {}

impl<T> GlobalCell<T> {
    pub const fn new(value: T) -> GlobalCell<T> {
        GlobalCell(UnsafeCell::new(value))
    }

    /// # Safety
    /// No other borrow of the contents may be live while the result is used.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    pub unsafe fn get_mut(&self) -> &mut T {
        // SAFETY: upheld by the caller.
        unsafe { &mut *self.0.get() }
    }

    /// # Safety
    /// No mutable borrow of the contents may be live while the result is used.
    #[inline(always)]
    pub unsafe fn get_ref(&self) -> &T {
        // SAFETY: upheld by the caller.
        unsafe { &*self.0.get() }
    }
}

/// Rich comparison operators, numbered as `Py_LT` ... `Py_GE` (and as `COMPARE_OP`'s
/// argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_u32(n: u32) -> Option<CompareOp> {
        Some(match n {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    /// The operator with its operands swapped (`_Py_SwappedOp`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    /// The operator's symbol, as error messages print it.
    pub fn symbol(self) -> &'static str {
        crate::opcode::CMP_OP[self as usize]
    }

    /// Apply the operator to the result of a three-way comparison.
    pub fn from_ordering(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
        }
    }
}
