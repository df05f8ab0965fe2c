//! The specialising adaptive interpreter's decisions (PEP 659). Mirrors
//! Python/specialize.c (CPython 3.11).
//!
//! A code object runs its base instructions until it is warm (`co_warmup` reaches 0
//! after 8 calls or loop iterations); then [`_PyCode_Quicken`] rewrites every
//! instruction that has a family into the family's `*_ADAPTIVE` form and fuses some
//! pairs into superinstructions. An adaptive instruction counts down in its first
//! inline cache entry; at zero it calls the family's `_Py_Specialize_*` function here,
//! which looks at the operands and rewrites the instruction into a specialised form
//! (`BINARY_OP_ADD_INT`, `LOAD_GLOBAL_MODULE`, ...) with what it learned in the
//! caches, or backs off exponentially. A specialised instruction checks its guess
//! each time and, on a miss, runs the base instruction instead; after 53 misses it
//! reverts to the adaptive form (`miss` in ceval.rs).
//!
//! Differences from CPython:
//! - Not specialised yet (it stays adaptive, backing off): `BINARY_SUBSCR_GETITEM`.
//! - No specialisation statistics (`Py_STATS`).

use include::code::*;
use include::cpython::object::flags::*;
use include::opcode::{nb, op, Opcode};

use include::methodobject::{PyCFunction, PyMethodDef};

use include::descrobject::MemberType;
use objects::classobject::PyMethod_Type;
use objects::descrobject::{PyMemberDescrObject, PyMethodDescrObject};
use objects::dictobject::*;
use objects::floatobject::PyFloat_Type;
use objects::funcobject::{PyFunctionObject, PyFunction_Type};
use objects::listobject::{PyListObject, PyList_Type};
use objects::longobject::{PyLongObject, PyLong_Type};
use objects::methodobject::PyCFunctionObject;
use objects::moduleobject::{PyModuleObject, PyModule_Type};
use objects::object::{_PyObject_DictPointer, PyObject_GenericGetAttr, PyObject_GenericSetAttr};
use objects::prelude::*;
use objects::tupleobject::{PyTupleObject, PyTuple_Type};
use objects::typeobject::_PyType_Lookup;
use objects::typeobject::{PyBaseObject_Type, PyType_Type};
use objects::unicodeobject::PyUnicode_Type;

/// Cache entry offsets of each family (the `_Py*Cache` structs of pycore_code.h), in
/// code units after the instruction. Entry 0 is always the adaptive counter.
pub mod cache {
    /// `_PyLoadGlobalCache`: counter, index, module_keys_version[2], builtin_keys_version.
    pub const GLOBAL_INDEX: usize = 1;
    pub const GLOBAL_MODULE_KEYS_VERSION: usize = 2;
    pub const GLOBAL_BUILTIN_KEYS_VERSION: usize = 4;
    /// `_PyAttrCache`: counter, version[2], index.
    pub const ATTR_VERSION: usize = 1;
    pub const ATTR_INDEX: usize = 3;
    /// `_PyLoadMethodCache`: counter, type_version[2], dict_offset, keys_version[2],
    /// descr[4].
    pub const METHOD_TYPE_VERSION: usize = 1;
    pub const METHOD_KEYS_VERSION: usize = 4;
    pub const METHOD_DESCR: usize = 6;
    /// `_PyCompareOpCache`: counter, mask.
    pub const COMPARE_MASK: usize = 1;
    /// `_PyCallCache`: counter, func_version[2], min_args.
    pub const CALL_FUNC_VERSION: usize = 1;
    pub const CALL_MIN_ARGS: usize = 3;
}

/// `_Py_SET_OPCODE`: rewrite an instruction's opcode, keeping its argument.
///
/// # Safety
/// `instr` must point into a code object's adaptive bytecode.
#[inline(always)]
pub unsafe fn set_opcode(instr: *mut _Py_CODEUNIT, opcode: Opcode) {
    // SAFETY: upheld by the caller.
    unsafe { *instr = (*instr & 0xff00) | opcode as u8 as u16 }
}

/// The cache entry `i` of the instruction at `instr`.
///
/// # Safety
/// `instr` must be an instruction with more than `i` cache entries.
#[inline(always)]
pub unsafe fn cache_entry(instr: *mut _Py_CODEUNIT, i: usize) -> *mut _Py_CODEUNIT {
    // SAFETY: upheld by the caller.
    unsafe { instr.add(1 + i) }
}

/// The end of a `_Py_Specialize_*` function: a specialised instruction starts with the
/// full miss budget, a failure backs the adaptive counter off.
///
/// # Safety
/// `instr` must be an instruction with inline caches.
unsafe fn finish(instr: *mut _Py_CODEUNIT, success: bool) {
    // SAFETY: upheld by the caller; entry 0 is the counter.
    unsafe {
        let counter = cache_entry(instr, 0);
        *counter = if success {
            miss_counter_start()
        } else {
            adaptive_counter_backoff(*counter)
        };
    }
}

/// `_PyCode_Quicken`: put every instruction of a warm code object into its adaptive
/// form (its counter, entry 0, is already zero, so it specialises when first run),
/// and fuse common pairs into superinstructions.
pub fn _PyCode_Quicken(co: &PyCodeObject) {
    let instructions = co.code_ptr();
    let n = co.code_len();
    let mut previous_opcode: Option<u8> = None;
    let mut i = 0;
    // SAFETY: every index below is checked against the code's length; the bytecode
    // is only rewritten in place (no instruction changes size).
    unsafe {
        while i < n {
            let opcode = _Py_OPCODE(*instructions.add(i));
            let base = Opcode::from_u8(opcode);
            if let Some(adaptive) = base.and_then(|b| b.adaptive()) {
                set_opcode(instructions.add(i), adaptive);
                previous_opcode = None;
                i += 1 + base.map_or(0, |b| b.cache_entries());
                continue;
            }
            match opcode {
                op::EXTENDED_ARG => set_opcode(instructions.add(i), Opcode::EXTENDED_ARG_QUICK),
                op::JUMP_BACKWARD => set_opcode(instructions.add(i), Opcode::JUMP_BACKWARD_QUICK),
                op::RESUME => set_opcode(instructions.add(i), Opcode::RESUME_QUICK),
                op::LOAD_FAST => match previous_opcode {
                    Some(op::LOAD_FAST) => {
                        set_opcode(instructions.add(i - 1), Opcode::LOAD_FAST__LOAD_FAST)
                    }
                    Some(op::STORE_FAST) => {
                        set_opcode(instructions.add(i - 1), Opcode::STORE_FAST__LOAD_FAST)
                    }
                    Some(op::LOAD_CONST) => {
                        set_opcode(instructions.add(i - 1), Opcode::LOAD_CONST__LOAD_FAST)
                    }
                    _ => {}
                },
                op::STORE_FAST if previous_opcode == Some(op::STORE_FAST) => {
                    set_opcode(instructions.add(i - 1), Opcode::STORE_FAST__STORE_FAST);
                }
                op::LOAD_CONST if previous_opcode == Some(op::LOAD_FAST) => {
                    set_opcode(instructions.add(i - 1), Opcode::LOAD_FAST__LOAD_CONST);
                }
                _ => {}
            }
            previous_opcode = Some(opcode);
            i += 1;
        }
    }
}

/// `_PyCode_Warmup`: count one call or loop iteration; quicken when warm.
#[inline(always)]
pub fn _PyCode_Warmup(co: &PyCodeObject) {
    let w = co.co_warmup.get();
    if w < 0 {
        co.co_warmup.set(w + 1);
        if w + 1 == 0 {
            _PyCode_Quicken(co);
        }
    }
}

/// Is `v` an exact int that fits in one 30-bit CPython digit (`Py_SIZE` of -1, 0 or
/// 1), the operands the int specialisations accept?
#[inline(always)]
pub fn is_medium_int(v: &PyObject) -> Option<i64> {
    let l = v.downcast_ref_exact::<PyLongObject>()?;
    let i = l.as_i64()?;
    (i.unsigned_abs() < (1 << 30)).then_some(i)
}

/// A non-negative exact int below 2**30 (`Py_SIZE(sub)` of 0 or 1): the subscripts of
/// `BINARY_SUBSCR_LIST_INT` and friends.
#[inline(always)]
pub fn small_index(v: &PyObject) -> Option<usize> {
    is_medium_int(v).and_then(|i| usize::try_from(i).ok())
}

// --- BINARY_OP ------------------------------------------------------------------------------

/// `_Py_Specialize_BinaryOp`.
///
/// # Safety
/// `instr` is the running `BINARY_OP_ADAPTIVE`, `locals` its frame's locals.
pub unsafe fn _Py_Specialize_BinaryOp(
    lhs: &PyObject,
    rhs: &PyObject,
    instr: *mut _Py_CODEUNIT,
    oparg: u32,
    locals: *mut Option<PyObjectRef>,
) {
    let same = std::ptr::eq(lhs.ob_type(), rhs.ob_type());
    let chosen = match oparg {
        nb::ADD | nb::INPLACE_ADD if same => {
            if lhs.is_type(&PyUnicode_Type) {
                // SAFETY: the unit after the caches exists (the code ends with RETURN).
                let next = unsafe { *instr.add(1 + Opcode::BINARY_OP.cache_entries()) };
                let to_store = matches!(
                    Opcode::from_u8(_Py_OPCODE(next)),
                    Some(Opcode::STORE_FAST | Opcode::STORE_FAST__LOAD_FAST)
                );
                // SAFETY: a STORE_FAST's argument is a local of this frame.
                if to_store
                    && unsafe { &*locals.add(_Py_OPARG(next) as usize) }
                        .as_ref()
                        .is_some_and(|l| l.is(lhs))
                {
                    Some(Opcode::BINARY_OP_INPLACE_ADD_UNICODE)
                } else {
                    Some(Opcode::BINARY_OP_ADD_UNICODE)
                }
            } else if lhs.is_type(&PyLong_Type) {
                Some(Opcode::BINARY_OP_ADD_INT)
            } else if lhs.is_type(&PyFloat_Type) {
                Some(Opcode::BINARY_OP_ADD_FLOAT)
            } else {
                None
            }
        }
        nb::MULTIPLY | nb::INPLACE_MULTIPLY if same => {
            if lhs.is_type(&PyLong_Type) {
                Some(Opcode::BINARY_OP_MULTIPLY_INT)
            } else if lhs.is_type(&PyFloat_Type) {
                Some(Opcode::BINARY_OP_MULTIPLY_FLOAT)
            } else {
                None
            }
        }
        nb::SUBTRACT | nb::INPLACE_SUBTRACT if same => {
            if lhs.is_type(&PyLong_Type) {
                Some(Opcode::BINARY_OP_SUBTRACT_INT)
            } else if lhs.is_type(&PyFloat_Type) {
                Some(Opcode::BINARY_OP_SUBTRACT_FLOAT)
            } else {
                None
            }
        }
        nb::ADD
        | nb::INPLACE_ADD
        | nb::MULTIPLY
        | nb::INPLACE_MULTIPLY
        | nb::SUBTRACT
        | nb::INPLACE_SUBTRACT => None,
        _ => {
            // No specialisation exists for the other operators: rather than trying
            // again and again, the instruction becomes a plain BINARY_OP for good (as
            // CPython does when built without `Py_STATS`).
            // SAFETY: upheld by the caller.
            unsafe { set_opcode(instr, Opcode::BINARY_OP) };
            return;
        }
    };
    // SAFETY: upheld by the caller.
    unsafe {
        if let Some(o) = chosen {
            set_opcode(instr, o);
        }
        finish(instr, chosen.is_some());
    }
}

// --- COMPARE_OP -----------------------------------------------------------------------------

/// `compare_masks`: which outcomes jump (1: less, 2: equal, 4: greater), by operator.
const COMPARE_MASKS: [u16; 6] = [
    1,     // <
    1 | 2, // <=
    2,     // ==
    1 | 4, // !=
    4,     // >
    2 | 4, // >=
];

/// `_Py_Specialize_CompareOp`: a comparison followed by a conditional jump becomes one
/// compare-and-jump on two ints, floats or strs (`COMPARE_OP_*_JUMP`); the cache's mask
/// says for which outcomes to jump (shifted left 3 for a backward jump).
///
/// # Safety
/// `instr` is the running `COMPARE_OP_ADAPTIVE`.
pub unsafe fn _Py_Specialize_CompareOp(
    lhs: &PyObject,
    rhs: &PyObject,
    instr: *mut _Py_CODEUNIT,
    oparg: u32,
) {
    // SAFETY: the unit after the caches exists (the code ends with RETURN).
    let next_opcode = unsafe { _Py_OPCODE(*instr.add(1 + Opcode::COMPARE_OP.cache_entries())) };
    let forward_false = next_opcode == op::POP_JUMP_FORWARD_IF_FALSE;
    let backward_false = next_opcode == op::POP_JUMP_BACKWARD_IF_FALSE;
    let forward_true = next_opcode == op::POP_JUMP_FORWARD_IF_TRUE;
    let backward_true = next_opcode == op::POP_JUMP_BACKWARD_IF_TRUE;
    if !(forward_false || backward_false || forward_true || backward_true) {
        // It can never combine: stop being adaptive.
        // SAFETY: upheld by the caller.
        unsafe { set_opcode(instr, Opcode::COMPARE_OP) };
        return;
    }
    let Some(&mask) = COMPARE_MASKS.get(oparg as usize) else {
        // SAFETY: upheld by the caller.
        unsafe { finish(instr, false) };
        return;
    };
    let mut when_to_jump_mask = mask;
    if forward_false || backward_false {
        when_to_jump_mask = (1 | 2 | 4) & !when_to_jump_mask;
    }
    if backward_true || backward_false {
        when_to_jump_mask <<= 3;
    }
    let chosen = if !std::ptr::eq(lhs.ob_type(), rhs.ob_type()) {
        None
    } else if lhs.is_type(&PyFloat_Type) {
        Some(Opcode::COMPARE_OP_FLOAT_JUMP)
    } else if lhs.is_type(&PyLong_Type) {
        (is_medium_int(lhs).is_some() && is_medium_int(rhs).is_some())
            .then_some(Opcode::COMPARE_OP_INT_JUMP)
    } else if lhs.is_type(&PyUnicode_Type) {
        (oparg == 2 || oparg == 3).then_some(Opcode::COMPARE_OP_STR_JUMP)
    } else {
        None
    };
    // SAFETY: upheld by the caller.
    unsafe {
        if let Some(o) = chosen {
            set_opcode(instr, o);
            *cache_entry(instr, cache::COMPARE_MASK) = when_to_jump_mask;
        }
        finish(instr, chosen.is_some());
    }
}

// --- LOAD_GLOBAL ----------------------------------------------------------------------------

/// `_Py_Specialize_LoadGlobal`: a name found in the module's dict becomes
/// `LOAD_GLOBAL_MODULE` (the entry index, guarded by the globals' keys version); one
/// found in builtins becomes `LOAD_GLOBAL_BUILTIN` (guarded by both keys versions).
///
/// # Safety
/// `instr` is the running `LOAD_GLOBAL_ADAPTIVE`.
pub unsafe fn _Py_Specialize_LoadGlobal(
    globals: &PyObject,
    builtins: &PyObject,
    instr: *mut _Py_CODEUNIT,
    name: &PyObject,
) {
    let chosen = (|| {
        let g = globals.downcast_ref_exact::<PyDictObject>()?;
        let index = _PyDictKeys_StringLookup(g, name);
        if index == -3 {
            return None;
        }
        if index != DKIX_EMPTY {
            let index = u16::try_from(index).ok()?;
            let keys_version = _PyDictKeys_GetVersionForCurrentState(g);
            if keys_version == 0 {
                return None;
            }
            // SAFETY: LOAD_GLOBAL has 5 cache entries.
            unsafe {
                *cache_entry(instr, cache::GLOBAL_INDEX) = index;
                write_u32(
                    cache_entry(instr, cache::GLOBAL_MODULE_KEYS_VERSION),
                    keys_version,
                );
            }
            return Some(Opcode::LOAD_GLOBAL_MODULE);
        }
        let b = builtins.downcast_ref_exact::<PyDictObject>()?;
        let index = u16::try_from(_PyDictKeys_StringLookup(b, name)).ok()?;
        let globals_version = _PyDictKeys_GetVersionForCurrentState(g);
        if globals_version == 0 || globals_version > u16::MAX as u32 {
            return None;
        }
        let builtins_version = _PyDictKeys_GetVersionForCurrentState(b);
        if builtins_version == 0 || builtins_version > u16::MAX as u32 {
            return None;
        }
        // SAFETY: LOAD_GLOBAL has 5 cache entries.
        unsafe {
            *cache_entry(instr, cache::GLOBAL_INDEX) = index;
            write_u32(
                cache_entry(instr, cache::GLOBAL_MODULE_KEYS_VERSION),
                globals_version,
            );
            *cache_entry(instr, cache::GLOBAL_BUILTIN_KEYS_VERSION) = builtins_version as u16;
        }
        Some(Opcode::LOAD_GLOBAL_BUILTIN)
    })();
    // SAFETY: upheld by the caller.
    unsafe {
        if let Some(o) = chosen {
            set_opcode(instr, o);
        }
        finish(instr, chosen.is_some());
    }
}

// --- LOAD_ATTR, STORE_ATTR, LOAD_METHOD -----------------------------------------------------

/// Does the type look attributes up with `PyObject_GenericGetAttr`?
fn generic_getattr(tp: &PyTypeObject) -> bool {
    tp.tp_getattro.get().is_some_and(|f| {
        std::ptr::fn_addr_eq(
            f,
            PyObject_GenericGetAttr as include::cpython::object::slots::getattrofunc,
        )
    })
}

/// Does the type store attributes with `PyObject_GenericSetAttr`?
fn generic_setattr(tp: &PyTypeObject) -> bool {
    tp.tp_setattro.get().is_some_and(|f| {
        std::ptr::fn_addr_eq(
            f,
            PyObject_GenericSetAttr as include::cpython::object::slots::setattrofunc,
        )
    })
}

/// `analyze_descriptor`'s verdicts that allow the instance dict to be read directly:
/// nothing on the type, or something that is not a data descriptor (the instance's
/// value shadows it). A data descriptor or a method wins over the dict.
fn dict_access_allowed(descr: Option<&PyObject>) -> bool {
    match descr {
        None => true,
        Some(d) => {
            let dt = d.ob_type();
            dt.tp_descr_set.get().is_none() && !dt.has_feature(Py_TPFLAGS_METHOD_DESCRIPTOR)
        }
    }
}

/// `specialize_module_load_attr`: `module.name` becomes an entry index in the module's
/// dict, guarded by its keys version.
///
/// # Safety
/// `instr` must be a LOAD_ATTR or LOAD_METHOD (both have the attribute cache layout at
/// their start).
unsafe fn specialize_module_load_attr(
    owner: &PyObject,
    instr: *mut _Py_CODEUNIT,
    name: &PyObject,
) -> bool {
    let Some(m) = owner.downcast_ref_exact::<PyModuleObject>() else {
        return false;
    };
    let dict = m.dict();
    if _PyDictKeys_StringLookup(dict, objects::intern!("__getattr__")) != DKIX_EMPTY {
        return false;
    }
    let Ok(index) = u16::try_from(_PyDictKeys_StringLookup(dict, name)) else {
        return false;
    };
    let keys_version = _PyDictKeys_GetVersionForCurrentState(dict);
    if keys_version == 0 {
        return false;
    }
    // SAFETY: upheld by the caller.
    unsafe {
        write_u32(cache_entry(instr, cache::ATTR_VERSION), keys_version);
        *cache_entry(instr, cache::ATTR_INDEX) = index;
    }
    true
}

/// `_Py_Specialize_LoadAttr`.
///
/// # Safety
/// `instr` is the running `LOAD_ATTR_ADAPTIVE`.
pub unsafe fn _Py_Specialize_LoadAttr(owner: &PyObject, instr: *mut _Py_CODEUNIT, name: &PyObject) {
    let chosen = if owner.is_type(&PyModule_Type) {
        // SAFETY: upheld by the caller.
        unsafe { specialize_module_load_attr(owner, instr, name) }
            .then_some(Opcode::LOAD_ATTR_MODULE)
    } else {
        // SAFETY: upheld by the caller.
        unsafe { specialize_dict_access(owner, instr, name, Opcode::LOAD_ATTR_WITH_HINT) }
    };
    // SAFETY: upheld by the caller.
    unsafe {
        if let Some(o) = chosen {
            set_opcode(instr, o);
        }
        finish(instr, chosen.is_some());
    }
}

/// `analyze_descriptor`'s `OBJECT_SLOT`: a `__slots__` member (`T_OBJECT_EX`) whose
/// offset fits the cache; the offset, or `None`.
fn object_slot_offset(descr: Option<&PyObject>, store: bool) -> Option<u16> {
    let m = descr?.downcast_ref_exact::<PyMemberDescrObject>()?;
    if m.spec.type_code != MemberType::ObjectEx || (store && m.spec.readonly) {
        return None;
    }
    u16::try_from(m.spec.offset).ok().filter(|&o| o > 0)
}

/// `analyze_descriptor`'s `DUNDER_CLASS`: the descriptor is `object.__class__` itself
/// (not a class's own `__class__`).
fn is_dunder_class(descr: Option<&PyObject>) -> bool {
    descr.is_some_and(|d| {
        _PyType_Lookup(&PyBaseObject_Type, objects::intern!("__class__")).is_some_and(|c| c.is(d))
    })
}

/// `specialize_dict_access` (with the `OBJECT_SLOT` case of `_Py_Specialize_LoadAttr`
/// and `_Py_Specialize_StoreAttr`): a `__slots__` member read or written at its offset
/// (`*_ATTR_SLOT`); for an instance of a class with a managed dict, an attribute in its
/// values block, found by its index in the class's shared keys (`*_ATTR_INSTANCE_VALUE`,
/// while the `__dict__` has not been materialised), or else in its own dict, found by an
/// entry index (the hint, `*_ATTR_WITH_HINT`); all guarded by the type's version tag.
///
/// # Safety
/// `instr` must be a LOAD_ATTR or STORE_ATTR.
unsafe fn specialize_dict_access(
    owner: &PyObject,
    instr: *mut _Py_CODEUNIT,
    name: &PyObject,
    hint_op: Opcode,
) -> Option<Opcode> {
    let tp = owner.ob_type();
    let generic = if hint_op == Opcode::STORE_ATTR_WITH_HINT {
        generic_setattr(tp)
    } else {
        generic_getattr(tp)
    };
    if !generic {
        return None;
    }
    let descr = _PyType_Lookup(tp, name);
    if !tp.has_feature(Py_TPFLAGS_VALID_VERSION_TAG) {
        return None;
    }
    let store = hint_op == Opcode::STORE_ATTR_WITH_HINT;
    let slot = if !store && is_dunder_class(descr.as_deref()) {
        // `DUNDER_CLASS`: `object.__class__` reads the header's `ob_type`, a reference
        // to the type at a fixed offset, so LOAD_ATTR_SLOT reads it as it reads a slot
        // member (CPython does the same with `offsetof(PyObject, ob_type)`).
        Some(std::mem::offset_of!(PyObject, ob_type) as u16)
    } else {
        object_slot_offset(descr.as_deref(), store)
    };
    if let Some(offset) = slot {
        // SAFETY: upheld by the caller.
        unsafe {
            write_u32(
                cache_entry(instr, cache::ATTR_VERSION),
                tp.tp_version_tag.get(),
            );
            *cache_entry(instr, cache::ATTR_INDEX) = offset;
        }
        return Some(if store {
            Opcode::STORE_ATTR_SLOT
        } else {
            Opcode::LOAD_ATTR_SLOT
        });
    }
    if !tp.has_feature(Py_TPFLAGS_MANAGED_DICT) || !dict_access_allowed(descr.as_deref()) {
        return None;
    }
    let (index, op) = match _PyObject_DictPointer(owner)?.get() {
        // A "virtual" dict: the attribute's index in the shared keys (it may be absent
        // from this instance's values; the instruction then misses).
        None => (
            u16::try_from(_PyType_CachedKeysLookup(tp, name)).ok()?,
            if store {
                Opcode::STORE_ATTR_INSTANCE_VALUE
            } else {
                Opcode::LOAD_ATTR_INSTANCE_VALUE
            },
        ),
        Some(dict) => {
            let dict = dict.downcast_ref_exact::<PyDictObject>()?;
            (
                u16::try_from(_PyDict_GetItemHint(dict, name)).ok()?,
                hint_op,
            )
        }
    };
    // SAFETY: upheld by the caller.
    unsafe {
        write_u32(
            cache_entry(instr, cache::ATTR_VERSION),
            tp.tp_version_tag.get(),
        );
        *cache_entry(instr, cache::ATTR_INDEX) = index;
    }
    Some(op)
}

/// `_Py_Specialize_StoreAttr`.
///
/// # Safety
/// `instr` is the running `STORE_ATTR_ADAPTIVE`.
pub unsafe fn _Py_Specialize_StoreAttr(
    owner: &PyObject,
    instr: *mut _Py_CODEUNIT,
    name: &PyObject,
) {
    // SAFETY: upheld by the caller.
    unsafe {
        let chosen = specialize_dict_access(owner, instr, name, Opcode::STORE_ATTR_WITH_HINT);
        if let Some(o) = chosen {
            set_opcode(instr, o);
        }
        finish(instr, chosen.is_some());
    }
}

/// `_Py_Specialize_LoadMethod`: a method of a module (`LOAD_METHOD_MODULE`), or a method
/// descriptor of a type whose instances have no `__dict__` (`LOAD_METHOD_NO_DICT`: the
/// descriptor is kept in the cache, guarded by the type's version tag), or of a class
/// whose instances keep their attributes in a values block and have no attribute of that
/// name (`LOAD_METHOD_WITH_VALUES`: also guarded by the shared keys' version, which
/// changes when a key is added).
///
/// # Safety
/// `instr` is the running `LOAD_METHOD_ADAPTIVE`.
pub unsafe fn _Py_Specialize_LoadMethod(
    owner: &PyObject,
    instr: *mut _Py_CODEUNIT,
    name: &PyObject,
) {
    let chosen = if owner.is_type(&PyModule_Type) {
        // SAFETY: upheld by the caller.
        unsafe { specialize_module_load_attr(owner, instr, name) }
            .then_some(Opcode::LOAD_METHOD_MODULE)
    } else if let Some(cls) = owner.downcast_ref::<PyTypeObject>() {
        // SAFETY: upheld by the caller.
        unsafe { specialize_class_load_method(owner, cls, instr, name) }
    } else {
        let tp = owner.ob_type();
        let descr = _PyType_Lookup(tp, name);
        match descr {
            Some(d)
                if generic_getattr(tp)
                    && d.ob_type().has_feature(Py_TPFLAGS_METHOD_DESCRIPTOR)
                    && tp.has_feature(Py_TPFLAGS_VALID_VERSION_TAG) =>
            {
                let dict = _PyObject_DictPointer(owner).and_then(|s| s.get());
                let chosen = if let Some(dict) = dict {
                    // `MANAGED_DICT` / `OFFSET_DICT`: the instance's own dict, which must
                    // not have the name; guarded by its keys' version.
                    let dict = dict.downcast_ref::<PyDictObject>();
                    dict.and_then(|d| {
                        let keys_version = _PyDictKeys_GetVersionForCurrentState(d);
                        if _PyDictKeys_StringLookup(d, name) != DKIX_EMPTY || keys_version == 0 {
                            return None;
                        }
                        // SAFETY: LOAD_METHOD has 10 cache entries.
                        unsafe {
                            write_u32(cache_entry(instr, cache::METHOD_KEYS_VERSION), keys_version)
                        };
                        Some(Opcode::LOAD_METHOD_WITH_DICT)
                    })
                } else if tp.has_feature(Py_TPFLAGS_MANAGED_DICT) {
                    let keys_version = _PyType_CachedKeysVersionForCurrentState(tp);
                    if _PyType_CachedKeysLookup(tp, name) != DKIX_EMPTY || keys_version == 0 {
                        None
                    } else {
                        // SAFETY: LOAD_METHOD has 10 cache entries.
                        unsafe {
                            write_u32(cache_entry(instr, cache::METHOD_KEYS_VERSION), keys_version)
                        };
                        Some(Opcode::LOAD_METHOD_WITH_VALUES)
                    }
                } else if tp.tp_dictoffset.get() == 0 {
                    Some(Opcode::LOAD_METHOD_NO_DICT)
                } else {
                    // An instance whose dict is not made yet (`SPEC_FAIL_NO_DICT`).
                    None
                };
                if chosen.is_some() {
                    // SAFETY: LOAD_METHOD has 10 cache entries. The descriptor is
                    // borrowed from the type's dict, which keeps it while the version
                    // tag holds.
                    unsafe {
                        write_u32(
                            cache_entry(instr, cache::METHOD_TYPE_VERSION),
                            tp.tp_version_tag.get(),
                        );
                        write_u64(cache_entry(instr, cache::METHOD_DESCR), d.as_ptr() as u64);
                    }
                }
                chosen
            }
            _ => None,
        }
    };
    // SAFETY: upheld by the caller.
    unsafe {
        if let Some(o) = chosen {
            set_opcode(instr, o);
        }
        finish(instr, chosen.is_some());
    }
}

/// `specialize_class_load_method`: `Class.name()` on a class whose metaclass is `type`
/// and has no attribute of that name, where the class has a method (a function or
/// method descriptor, which a class gives back as it is) or a plain value under it:
/// kept in the cache, guarded by the class's version tag (`LOAD_METHOD_CLASS`).
///
/// # Safety
/// `instr` is the running `LOAD_METHOD_ADAPTIVE`.
unsafe fn specialize_class_load_method(
    owner: &PyObject,
    cls: &PyTypeObject,
    instr: *mut _Py_CODEUNIT,
    name: &PyObject,
) -> Option<Opcode> {
    if !owner.is_type(&PyType_Type) || _PyType_Lookup(owner.ob_type(), name).is_some() {
        return None;
    }
    // `analyze_descriptor`: only its METHOD and NON_DESCRIPTOR kinds qualify.
    if !generic_getattr(cls) {
        return None;
    }
    let descr = _PyType_Lookup(cls, name)?;
    let dtp = descr.ob_type();
    if !dtp.has_feature(Py_TPFLAGS_IMMUTABLETYPE)
        || (dtp.tp_descr_get.get().is_some() && !dtp.has_feature(Py_TPFLAGS_METHOD_DESCRIPTOR))
        || !cls.has_feature(Py_TPFLAGS_VALID_VERSION_TAG)
    {
        return None;
    }
    // SAFETY: LOAD_METHOD has 10 cache entries. The value is borrowed from the class's
    // dict, which keeps it while the version tag holds.
    unsafe {
        write_u32(
            cache_entry(instr, cache::METHOD_TYPE_VERSION),
            cls.tp_version_tag.get(),
        );
        write_u64(
            cache_entry(instr, cache::METHOD_DESCR),
            descr.as_ptr() as u64,
        );
    }
    Some(Opcode::LOAD_METHOD_CLASS)
}

// --- Subscripts and unpacking ---------------------------------------------------------------

/// `_Py_Specialize_BinarySubscr`.
///
/// # Safety
/// `instr` is the running `BINARY_SUBSCR_ADAPTIVE`.
pub unsafe fn _Py_Specialize_BinarySubscr(
    container: &PyObject,
    sub: &PyObject,
    instr: *mut _Py_CODEUNIT,
) {
    // Any exact int index specialises (as CPython's): one that is negative or out of
    // range makes the instruction miss at run time.
    let chosen = if container.is_type(&PyList_Type) {
        sub.is_type(&PyLong_Type)
            .then_some(Opcode::BINARY_SUBSCR_LIST_INT)
    } else if container.is_type(&PyTuple_Type) {
        sub.is_type(&PyLong_Type)
            .then_some(Opcode::BINARY_SUBSCR_TUPLE_INT)
    } else if container.is_type(&PyDict_Type) {
        Some(Opcode::BINARY_SUBSCR_DICT)
    } else {
        None
    };
    // SAFETY: upheld by the caller.
    unsafe {
        if let Some(o) = chosen {
            set_opcode(instr, o);
        }
        finish(instr, chosen.is_some());
    }
}

/// `_Py_Specialize_StoreSubscr`.
///
/// # Safety
/// `instr` is the running `STORE_SUBSCR_ADAPTIVE`.
pub unsafe fn _Py_Specialize_StoreSubscr(
    container: &PyObject,
    sub: &PyObject,
    instr: *mut _Py_CODEUNIT,
) {
    let chosen = if let Some(l) = container.downcast_ref_exact::<PyListObject>() {
        small_index(sub)
            .is_some_and(|i| i < l.len())
            .then_some(Opcode::STORE_SUBSCR_LIST_INT)
    } else if container.is_type(&PyDict_Type) {
        Some(Opcode::STORE_SUBSCR_DICT)
    } else {
        None
    };
    // SAFETY: upheld by the caller.
    unsafe {
        if let Some(o) = chosen {
            set_opcode(instr, o);
        }
        finish(instr, chosen.is_some());
    }
}

/// `_Py_Specialize_UnpackSequence`.
///
/// # Safety
/// `instr` is the running `UNPACK_SEQUENCE_ADAPTIVE`.
pub unsafe fn _Py_Specialize_UnpackSequence(seq: &PyObject, instr: *mut _Py_CODEUNIT, oparg: u32) {
    let chosen = if let Some(t) = seq.downcast_ref_exact::<PyTupleObject>() {
        if t.len() != oparg as usize {
            None
        } else if t.len() == 2 {
            Some(Opcode::UNPACK_SEQUENCE_TWO_TUPLE)
        } else {
            Some(Opcode::UNPACK_SEQUENCE_TUPLE)
        }
    } else if let Some(l) = seq.downcast_ref_exact::<PyListObject>() {
        (l.len() == oparg as usize).then_some(Opcode::UNPACK_SEQUENCE_LIST)
    } else {
        None
    };
    // SAFETY: upheld by the caller.
    unsafe {
        if let Some(o) = chosen {
            set_opcode(instr, o);
        }
        finish(instr, chosen.is_some());
    }
}

// --- PRECALL and CALL -----------------------------------------------------------------------

/// How a builtin function or method descriptor takes its arguments (the
/// `METH_NOARGS`/`METH_O`/`METH_FASTCALL`/`METH_FASTCALL | METH_KEYWORDS` part of
/// `ml_flags`, which pyrs keeps as the kind of `ml_meth`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CallKind {
    NoArgs,
    O,
    Fast,
    FastKw,
}

/// The calling convention of a method definition.
#[inline(always)]
pub fn call_kind(def: &PyMethodDef) -> CallKind {
    match def.ml_meth {
        PyCFunction::NoArgs(_) => CallKind::NoArgs,
        PyCFunction::O(_) => CallKind::O,
        PyCFunction::Fast(_) => CallKind::Fast,
        PyCFunction::FastKw(_) => CallKind::FastKw,
    }
}

/// `callable_cache.len`: is `callable` the builtin `len`?
pub fn is_builtin_len(callable: &PyObject) -> bool {
    callable
        .downcast_ref_exact::<PyCFunctionObject>()
        .is_some_and(|f| match f.m_ml.ml_meth {
            PyCFunction::O(m) => std::ptr::fn_addr_eq(
                m,
                crate::bltinmodule::builtin_len as fn(&PyObject, &PyObject) -> PyResult,
            ),
            _ => false,
        })
}

/// `callable_cache.isinstance`: is `callable` the builtin `isinstance`?
pub fn is_builtin_isinstance(callable: &PyObject) -> bool {
    callable
        .downcast_ref_exact::<PyCFunctionObject>()
        .is_some_and(|f| match f.m_ml.ml_meth {
            PyCFunction::Fast(m) => std::ptr::fn_addr_eq(
                m,
                crate::bltinmodule::builtin_isinstance as fn(&PyObject, &[PyObjectRef]) -> PyResult,
            ),
            _ => false,
        })
}

/// `callable_cache.list_append`: is `callable` the `list.append` descriptor?
pub fn is_list_append(callable: &PyObject) -> bool {
    callable
        .downcast_ref_exact::<PyMethodDescrObject>()
        .is_some_and(|d| {
            std::ptr::eq(&*d.common.d_type, &PyList_Type) && d.d_method.ml_name == "append"
        })
}

/// `specialize_c_call`: a builtin function.
fn specialize_c_call(
    callable: &PyCFunctionObject,
    nargs: usize,
    has_kwnames: bool,
) -> Option<Opcode> {
    match call_kind(callable.m_ml) {
        CallKind::O if !has_kwnames && nargs == 1 => {
            Some(if is_builtin_len(callable.as_object()) {
                Opcode::PRECALL_NO_KW_LEN
            } else {
                Opcode::PRECALL_NO_KW_BUILTIN_O
            })
        }
        CallKind::Fast if !has_kwnames => Some(
            if nargs == 2 && is_builtin_isinstance(callable.as_object()) {
                Opcode::PRECALL_NO_KW_ISINSTANCE
            } else {
                Opcode::PRECALL_NO_KW_BUILTIN_FAST
            },
        ),
        CallKind::FastKw => Some(Opcode::PRECALL_BUILTIN_FAST_WITH_KEYWORDS),
        _ => None,
    }
}

/// `specialize_method_descriptor`: a method of a built-in type called through its
/// descriptor (`LOAD_METHOD` left it unbound), `self` first among the arguments.
///
/// # Safety
/// `instr` is the running `PRECALL_ADAPTIVE`.
unsafe fn specialize_method_descriptor(
    descr: &PyMethodDescrObject,
    instr: *mut _Py_CODEUNIT,
    nargs: usize,
    has_kwnames: bool,
) -> Option<Opcode> {
    if has_kwnames {
        return None;
    }
    match call_kind(descr.d_method) {
        CallKind::NoArgs => (nargs == 1).then_some(Opcode::PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS),
        CallKind::O => {
            if nargs != 2 {
                return None;
            }
            // SAFETY: the instruction after PRECALL's caches is its CALL, and after the
            // CALL's caches comes at least one more (the code ends with RETURN).
            let next = unsafe {
                *instr.add(Opcode::PRECALL.cache_entries() + 1 + Opcode::CALL.cache_entries() + 1)
            };
            // SAFETY: upheld by the caller.
            let oparg = _Py_OPARG(unsafe { *instr });
            Some(
                if is_list_append(descr.as_object())
                    && oparg == 1
                    && _Py_OPCODE(next) == op::POP_TOP
                {
                    Opcode::PRECALL_NO_KW_LIST_APPEND
                } else {
                    Opcode::PRECALL_NO_KW_METHOD_DESCRIPTOR_O
                },
            )
        }
        CallKind::Fast => Some(Opcode::PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST),
        CallKind::FastKw => Some(Opcode::PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS),
    }
}

/// `specialize_class_call`: calling a built-in class (`str(x)`, `type(x)`, `tuple(x)`,
/// or any immutable type with a vectorcall entry).
fn specialize_class_call(
    tp: &PyTypeObject,
    nargs: usize,
    has_kwnames: bool,
    oparg: u32,
) -> Option<Opcode> {
    let object_new = PyBaseObject_Type.tp_new.get();
    if tp.tp_new.get().map(|f| f as usize) == object_new.map(|f| f as usize) {
        return None;
    }
    if !tp.has_feature(Py_TPFLAGS_IMMUTABLETYPE) {
        return None;
    }
    if nargs == 1 && !has_kwnames && oparg == 1 {
        if std::ptr::eq(tp, &PyUnicode_Type) {
            return Some(Opcode::PRECALL_NO_KW_STR_1);
        } else if std::ptr::eq(tp, &PyType_Type) {
            return Some(Opcode::PRECALL_NO_KW_TYPE_1);
        } else if std::ptr::eq(tp, &PyTuple_Type) {
            return Some(Opcode::PRECALL_NO_KW_TUPLE_1);
        }
    }
    tp.tp_vectorcall
        .get()
        .is_some()
        .then_some(Opcode::PRECALL_BUILTIN_CLASS)
}

/// `_Py_Specialize_Precall`: builtin functions, method descriptors and built-in
/// classes are called by the PRECALL itself, which then skips the CALL; a Python
/// function needs no preparation (`PRECALL_PYFUNC`); a bound method is split into
/// function and self (`PRECALL_BOUND_METHOD`).
///
/// # Safety
/// `instr` is the running `PRECALL_ADAPTIVE`.
pub unsafe fn _Py_Specialize_Precall(
    callable: &PyObject,
    instr: *mut _Py_CODEUNIT,
    nargs: usize,
    has_kwnames: bool,
    oparg: u32,
) {
    let chosen = if let Some(f) = callable.downcast_ref_exact::<PyCFunctionObject>() {
        specialize_c_call(f, nargs, has_kwnames)
    } else if callable.is_type(&PyFunction_Type) {
        Some(Opcode::PRECALL_PYFUNC)
    } else if let Some(tp) = callable.downcast_ref::<PyTypeObject>() {
        specialize_class_call(tp, nargs, has_kwnames, oparg)
    } else if let Some(d) = callable.downcast_ref_exact::<PyMethodDescrObject>() {
        // SAFETY: upheld by the caller.
        unsafe { specialize_method_descriptor(d, instr, nargs, has_kwnames) }
    } else if callable.is_type(&PyMethod_Type) {
        Some(Opcode::PRECALL_BOUND_METHOD)
    } else {
        None
    };
    // SAFETY: upheld by the caller.
    unsafe {
        if let Some(o) = chosen {
            set_opcode(instr, o);
        }
        finish(instr, chosen.is_some());
    }
}

/// `function_kind` is `SIMPLE_FUNCTION`: positional parameters only, optimised locals.
fn is_simple_function(co: &PyCodeObject) -> bool {
    co.co_flags & (CO_VARKEYWORDS | CO_VARARGS) == 0
        && co.co_kwonlyargcount == 0
        && co.co_flags & CO_OPTIMIZED != 0
}

/// `_Py_Specialize_Call` (`specialize_py_call`): a call of a simple Python function
/// with no keywords becomes `CALL_PY_EXACT_ARGS` (every parameter given) or
/// `CALL_PY_WITH_DEFAULTS` (the rest from `__defaults__`), guarded by the function's
/// version.
///
/// # Safety
/// `instr` is the running `CALL_ADAPTIVE`.
pub unsafe fn _Py_Specialize_Call(
    callable: &PyObject,
    instr: *mut _Py_CODEUNIT,
    nargs: usize,
    has_kwnames: bool,
) {
    let chosen = (|| {
        let func = callable.downcast_ref_exact::<PyFunctionObject>()?;
        if has_kwnames {
            return None;
        }
        let code = func.code();
        if !is_simple_function(&code) {
            return None;
        }
        let argcount = code.co_argcount as usize;
        // SAFETY: the borrow ends at once.
        let defcount = unsafe { func.func_defaults.get_ref() }
            .as_ref()
            .and_then(|d| d.downcast_ref::<PyTupleObject>())
            .map_or(0, |t| t.len());
        let min_args = argcount.checked_sub(defcount)?;
        if nargs > argcount || nargs < min_args || argcount > 0xffff {
            return None;
        }
        let version = func.func_version.get();
        if version == 0 {
            return None;
        }
        // SAFETY: CALL has 4 cache entries.
        unsafe {
            write_u32(cache_entry(instr, cache::CALL_FUNC_VERSION), version);
            *cache_entry(instr, cache::CALL_MIN_ARGS) = min_args as u16;
        }
        Some(if argcount == nargs {
            Opcode::CALL_PY_EXACT_ARGS
        } else {
            Opcode::CALL_PY_WITH_DEFAULTS
        })
    })();
    // SAFETY: upheld by the caller.
    unsafe {
        if let Some(o) = chosen {
            set_opcode(instr, o);
        }
        finish(instr, chosen.is_some());
    }
}

/// Quickened code names the same base instruction as the original everywhere: used by
/// code that inspects instructions (`_PyGen_yf`, the tracer).
#[inline(always)]
pub fn deopt_opcode(opcode: u8) -> u8 {
    Opcode::from_u8(opcode).map_or(opcode, |o| o.deopt() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_follow_cpython() {
        // 31 executions, backoff 5: (31 << 4) | 5.
        assert_eq!(adaptive_counter_start(), 501);
        assert!(adaptive_counter_is_zero(adaptive_counter_start() & 0xf));
        // Each failure doubles the wait, up to 4095.
        assert_eq!(adaptive_counter_backoff(adaptive_counter_start()) >> 4, 63);
        let mut c = adaptive_counter_start();
        for _ in 0..20 {
            c = adaptive_counter_backoff(c);
        }
        assert_eq!(c >> 4, 4095);
        assert_eq!(c & 0xf, 12);
    }

    #[test]
    fn compare_masks_cover_every_operator() {
        // Each operator jumps for some outcome and not for all three.
        for m in COMPARE_MASKS {
            assert!(m != 0 && m != 7);
        }
    }
}
