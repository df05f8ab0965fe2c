//! Special methods and slots, both ways. Mirrors the `slotdefs` half of
//! Objects/typeobject.c (CPython 3.11).
//!
//! Every special method name is tied to a slot by the [`SLOTDEFS`] table:
//! - For a built-in type, each filled slot appears in the type's `__dict__` as a
//!   *slot wrapper* (`wrapper_descriptor`): `int.__add__` calls `int`'s `nb_add`
//!   ([`add_operators`]).
//! - For a class, each special method defined in Python fills the slot with a generic
//!   function (`slot_nb_add`, `slot_tp_repr`, ...) that looks the method up on the type
//!   and calls it ([`fixup_slot_dispatchers`], [`update_slot`]). When a class only
//!   inherits a built-in's slot wrapper, the slot gets the built-in function itself, so
//!   a `list` subclass that does not override `__len__` is as fast as `list`.
//!
//! Differences from CPython: a slot is named by [`SlotId`] and read or written through
//! it, instead of by a byte offset into the type object; a wrapper descriptor finds the
//! function it wraps by reading its type's slot rather than storing the pointer.

use include::cpython::object::slots::*;
use include::cpython::object::PyTypeObject;
use include::methodobject::{PyCFunction, PyMethodDef};

use crate::call::{kwnames_len, PyObject_Vectorcall};
use crate::descrobject::{descr_get, PyDescr_NewWrapper, PyWrapperDescrObject};
use crate::dictobject::{PyDictObject, PyDict_GetItemWithError, PyDict_SetItem};
use crate::exceptions::*;
use crate::longobject::PyLong_FromSsize_t;
use crate::object::*;
use crate::prelude::*;
use crate::typeobject::{_PyType_Lookup, as_type, PyType_IsSubtype};
use crate::unicodeobject::{PyUnicodeObject, PyUnicode_FromString, PyUnicode_InternFromString};

/// A slot function of any signature, as found in (or put into) a slot.
#[derive(Clone, Copy)]
pub enum SlotValue {
    /// `reprfunc`, `unaryfunc`, `getiterfunc`.
    Unary(unaryfunc),
    /// `binaryfunc`, `getattrofunc`.
    Binary(binaryfunc),
    Ternary(ternaryfunc),
    Inquiry(inquiry),
    Len(lenfunc),
    SsizeArg(ssizeargfunc),
    SsizeObjArg(ssizeobjargproc),
    ObjObj(objobjproc),
    /// `objobjargproc`, `setattrofunc`, `descrsetfunc`.
    ObjObjArg(objobjargproc),
    Hash(hashfunc),
    RichCmp(richcmpfunc),
    IterNext(iternextfunc),
    DescrGet(descrgetfunc),
    Call(vectorcallfunc),
    Init(initproc),
    New(newfunc),
    Finalize(finalizefunc),
}

impl SlotValue {
    /// The function's address, to compare slot functions by identity.
    fn addr(self) -> usize {
        match self {
            SlotValue::Unary(f) => f as usize,
            SlotValue::Binary(f) => f as usize,
            SlotValue::Ternary(f) => f as usize,
            SlotValue::Inquiry(f) => f as usize,
            SlotValue::Len(f) => f as usize,
            SlotValue::SsizeArg(f) => f as usize,
            SlotValue::SsizeObjArg(f) => f as usize,
            SlotValue::ObjObj(f) => f as usize,
            SlotValue::ObjObjArg(f) => f as usize,
            SlotValue::Hash(f) => f as usize,
            SlotValue::RichCmp(f) => f as usize,
            SlotValue::IterNext(f) => f as usize,
            SlotValue::DescrGet(f) => f as usize,
            SlotValue::Call(f) => f as usize,
            SlotValue::Init(f) => f as usize,
            SlotValue::New(f) => f as usize,
            SlotValue::Finalize(f) => f as usize,
        }
    }
}

macro_rules! slot_ids {
    ($( $id:ident : $variant:ident = $($path:ident).+ ;)*) => {
        /// A slot of the type object.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum SlotId { $($id,)* }

        impl SlotId {
            /// The function in this slot of `tp`.
            pub fn get(self, tp: &PyTypeObject) -> Option<SlotValue> {
                match self {
                    $( SlotId::$id => tp.$($path).+.get().map(SlotValue::$variant), )*
                }
            }

            /// Put `value` into this slot of `tp` (a value of the wrong signature
            /// empties the slot; the tables below never produce one).
            pub fn set(self, tp: &PyTypeObject, value: Option<SlotValue>) {
                match self {
                    $( SlotId::$id => tp.$($path).+.set(match value {
                        Some(SlotValue::$variant(f)) => Some(f),
                        _ => None,
                    }), )*
                }
            }
        }
    };
}

slot_ids! {
    TpGetattro: Binary = tp_getattro;
    TpSetattro: ObjObjArg = tp_setattro;
    TpRepr: Unary = tp_repr;
    TpHash: Hash = tp_hash;
    TpCall: Call = tp_call;
    TpStr: Unary = tp_str;
    TpRichcompare: RichCmp = tp_richcompare;
    TpIter: Unary = tp_iter;
    TpIternext: IterNext = tp_iternext;
    TpDescrGet: DescrGet = tp_descr_get;
    TpDescrSet: ObjObjArg = tp_descr_set;
    TpInit: Init = tp_init;
    TpNew: New = tp_new;
    TpFinalize: Finalize = tp_finalize;
    AmAwait: Unary = tp_as_async.am_await;
    AmAiter: Unary = tp_as_async.am_aiter;
    AmAnext: Unary = tp_as_async.am_anext;
    NbAdd: Binary = tp_as_number.nb_add;
    NbSubtract: Binary = tp_as_number.nb_subtract;
    NbMultiply: Binary = tp_as_number.nb_multiply;
    NbRemainder: Binary = tp_as_number.nb_remainder;
    NbDivmod: Binary = tp_as_number.nb_divmod;
    NbPower: Ternary = tp_as_number.nb_power;
    NbNegative: Unary = tp_as_number.nb_negative;
    NbPositive: Unary = tp_as_number.nb_positive;
    NbAbsolute: Unary = tp_as_number.nb_absolute;
    NbBool: Inquiry = tp_as_number.nb_bool;
    NbInvert: Unary = tp_as_number.nb_invert;
    NbLshift: Binary = tp_as_number.nb_lshift;
    NbRshift: Binary = tp_as_number.nb_rshift;
    NbAnd: Binary = tp_as_number.nb_and;
    NbXor: Binary = tp_as_number.nb_xor;
    NbOr: Binary = tp_as_number.nb_or;
    NbInt: Unary = tp_as_number.nb_int;
    NbFloat: Unary = tp_as_number.nb_float;
    NbInplaceAdd: Binary = tp_as_number.nb_inplace_add;
    NbInplaceSubtract: Binary = tp_as_number.nb_inplace_subtract;
    NbInplaceMultiply: Binary = tp_as_number.nb_inplace_multiply;
    NbInplaceRemainder: Binary = tp_as_number.nb_inplace_remainder;
    NbInplacePower: Ternary = tp_as_number.nb_inplace_power;
    NbInplaceLshift: Binary = tp_as_number.nb_inplace_lshift;
    NbInplaceRshift: Binary = tp_as_number.nb_inplace_rshift;
    NbInplaceAnd: Binary = tp_as_number.nb_inplace_and;
    NbInplaceXor: Binary = tp_as_number.nb_inplace_xor;
    NbInplaceOr: Binary = tp_as_number.nb_inplace_or;
    NbFloorDivide: Binary = tp_as_number.nb_floor_divide;
    NbTrueDivide: Binary = tp_as_number.nb_true_divide;
    NbInplaceFloorDivide: Binary = tp_as_number.nb_inplace_floor_divide;
    NbInplaceTrueDivide: Binary = tp_as_number.nb_inplace_true_divide;
    NbIndex: Unary = tp_as_number.nb_index;
    NbMatrixMultiply: Binary = tp_as_number.nb_matrix_multiply;
    NbInplaceMatrixMultiply: Binary = tp_as_number.nb_inplace_matrix_multiply;
    MpLength: Len = tp_as_mapping.mp_length;
    MpSubscript: Binary = tp_as_mapping.mp_subscript;
    MpAssSubscript: ObjObjArg = tp_as_mapping.mp_ass_subscript;
    SqLength: Len = tp_as_sequence.sq_length;
    SqConcat: Binary = tp_as_sequence.sq_concat;
    SqRepeat: SsizeArg = tp_as_sequence.sq_repeat;
    SqItem: SsizeArg = tp_as_sequence.sq_item;
    SqAssItem: SsizeObjArg = tp_as_sequence.sq_ass_item;
    SqContains: ObjObj = tp_as_sequence.sq_contains;
    SqInplaceConcat: Binary = tp_as_sequence.sq_inplace_concat;
    SqInplaceRepeat: SsizeArg = tp_as_sequence.sq_inplace_repeat;
}

/// How a slot wrapper passes Python arguments to the slot function it wraps
/// (`wrapperfunc`). `args` excludes `self`.
pub type WrapperFn =
    fn(&PyObject, &[PyObjectRef], Option<&PyObject>, SlotValue, &SlotDef) -> PyResult;

/// One row of the table (`struct wrapperbase`).
pub struct SlotDef {
    /// The special method's name.
    pub name: &'static str,
    pub slot: SlotId,
    /// The generic function a class gets in the slot when it defines `name`
    /// (`None`: defining `name` does not fill this slot, e.g. `sq_concat`).
    pub function: Option<SlotValue>,
    /// How `name` calls the slot of a built-in type (`None`: no wrapper).
    pub wrapper: Option<WrapperFn>,
    /// The wrapper's docstring, with its signature in Argument Clinic form.
    pub doc: &'static str,
    /// The comparison operator, for the six rich-comparison rows.
    pub op: Option<CompareOp>,
    /// The wrapper accepts keyword arguments (`PyWrapperFlag_KEYWORDS`).
    pub keywords: bool,
}

macro_rules! sd {
    ($name:literal, $slot:ident, $func:expr, $wrapper:expr, $doc:literal) => {
        SlotDef {
            name: $name,
            slot: SlotId::$slot,
            function: $func,
            wrapper: $wrapper,
            doc: $doc,
            op: None,
            keywords: false,
        }
    };
    ($name:literal, $slot:ident, $func:expr, $wrapper:expr, $doc:literal, op $op:ident) => {
        SlotDef {
            name: $name,
            slot: SlotId::$slot,
            function: $func,
            wrapper: $wrapper,
            doc: $doc,
            op: Some(CompareOp::$op),
            keywords: false,
        }
    };
    ($name:literal, $slot:ident, $func:expr, $wrapper:expr, $doc:literal, keywords) => {
        SlotDef {
            name: $name,
            slot: SlotId::$slot,
            function: $func,
            wrapper: $wrapper,
            doc: $doc,
            op: None,
            keywords: true,
        }
    };
}

use SlotValue as V;

/// Every special method, in CPython's order (which decides, for a built-in type with
/// both `nb_add` and `sq_concat`, that `__add__` wraps `nb_add`).
pub static SLOTDEFS: &[SlotDef] = &[
    sd!("__getattribute__", TpGetattro, Some(V::Binary(slot_tp_getattr_hook)), Some(wrap_binaryfunc),
        "__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name)."),
    sd!("__getattr__", TpGetattro, Some(V::Binary(slot_tp_getattr_hook)), None, ""),
    sd!("__setattr__", TpSetattro, Some(V::ObjObjArg(slot_tp_setattro)), Some(wrap_setattr),
        "__setattr__($self, name, value, /)\n--\n\nImplement setattr(self, name, value)."),
    sd!("__delattr__", TpSetattro, Some(V::ObjObjArg(slot_tp_setattro)), Some(wrap_delattr),
        "__delattr__($self, name, /)\n--\n\nImplement delattr(self, name)."),
    sd!("__repr__", TpRepr, Some(V::Unary(slot_tp_repr)), Some(wrap_unaryfunc),
        "__repr__($self, /)\n--\n\nReturn repr(self)."),
    sd!("__hash__", TpHash, Some(V::Hash(slot_tp_hash)), Some(wrap_hashfunc),
        "__hash__($self, /)\n--\n\nReturn hash(self)."),
    sd!("__call__", TpCall, Some(V::Call(slot_tp_call)), Some(wrap_call),
        "__call__($self, /, *args, **kwargs)\n--\n\nCall self as a function.", keywords),
    sd!("__str__", TpStr, Some(V::Unary(slot_tp_str)), Some(wrap_unaryfunc),
        "__str__($self, /)\n--\n\nReturn str(self)."),
    sd!("__lt__", TpRichcompare, Some(V::RichCmp(slot_tp_richcompare)), Some(wrap_richcmpfunc),
        "__lt__($self, value, /)\n--\n\nReturn self<value.", op Lt),
    sd!("__le__", TpRichcompare, Some(V::RichCmp(slot_tp_richcompare)), Some(wrap_richcmpfunc),
        "__le__($self, value, /)\n--\n\nReturn self<=value.", op Le),
    sd!("__eq__", TpRichcompare, Some(V::RichCmp(slot_tp_richcompare)), Some(wrap_richcmpfunc),
        "__eq__($self, value, /)\n--\n\nReturn self==value.", op Eq),
    sd!("__ne__", TpRichcompare, Some(V::RichCmp(slot_tp_richcompare)), Some(wrap_richcmpfunc),
        "__ne__($self, value, /)\n--\n\nReturn self!=value.", op Ne),
    sd!("__gt__", TpRichcompare, Some(V::RichCmp(slot_tp_richcompare)), Some(wrap_richcmpfunc),
        "__gt__($self, value, /)\n--\n\nReturn self>value.", op Gt),
    sd!("__ge__", TpRichcompare, Some(V::RichCmp(slot_tp_richcompare)), Some(wrap_richcmpfunc),
        "__ge__($self, value, /)\n--\n\nReturn self>=value.", op Ge),
    sd!("__iter__", TpIter, Some(V::Unary(slot_tp_iter)), Some(wrap_unaryfunc),
        "__iter__($self, /)\n--\n\nImplement iter(self)."),
    sd!("__next__", TpIternext, Some(V::IterNext(slot_tp_iternext)), Some(wrap_next),
        "__next__($self, /)\n--\n\nImplement next(self)."),
    sd!("__get__", TpDescrGet, Some(V::DescrGet(slot_tp_descr_get)), Some(wrap_descr_get),
        "__get__($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner."),
    sd!("__set__", TpDescrSet, Some(V::ObjObjArg(slot_tp_descr_set)), Some(wrap_descr_set),
        "__set__($self, instance, value, /)\n--\n\nSet an attribute of instance to value."),
    sd!("__delete__", TpDescrSet, Some(V::ObjObjArg(slot_tp_descr_set)), Some(wrap_descr_delete),
        "__delete__($self, instance, /)\n--\n\nDelete an attribute of instance."),
    sd!("__init__", TpInit, Some(V::Init(slot_tp_init)), Some(wrap_init),
        "__init__($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature.", keywords),
    sd!("__new__", TpNew, Some(V::New(slot_tp_new)), None,
        "__new__(type, /, *args, **kwargs)\n--\n\nCreate and return new object.  See help(type) for accurate signature."),
    // CPython 3.11 gives this slot wrapper no docstring (`_io._IOBase.__del__.__doc__`
    // is None).
    sd!("__del__", TpFinalize, Some(V::Finalize(slot_tp_finalize)), Some(wrap_del),
        ""),
    sd!("__await__", AmAwait, Some(V::Unary(slot_am_await)), Some(wrap_unaryfunc),
        "__await__($self, /)\n--\n\nReturn an iterator to be used in await expression."),
    sd!("__aiter__", AmAiter, Some(V::Unary(slot_am_aiter)), Some(wrap_unaryfunc),
        "__aiter__($self, /)\n--\n\nReturn an awaitable, that resolves in asynchronous iterator."),
    sd!("__anext__", AmAnext, Some(V::Unary(slot_am_anext)), Some(wrap_unaryfunc),
        "__anext__($self, /)\n--\n\nReturn a value or raise StopAsyncIteration."),
    sd!("__add__", NbAdd, Some(V::Binary(slot_nb_add)), Some(wrap_binaryfunc_l),
        "__add__($self, value, /)\n--\n\nReturn self+value."),
    sd!("__radd__", NbAdd, Some(V::Binary(slot_nb_add)), Some(wrap_binaryfunc_r),
        "__radd__($self, value, /)\n--\n\nReturn value+self."),
    sd!("__sub__", NbSubtract, Some(V::Binary(slot_nb_subtract)), Some(wrap_binaryfunc_l),
        "__sub__($self, value, /)\n--\n\nReturn self-value."),
    sd!("__rsub__", NbSubtract, Some(V::Binary(slot_nb_subtract)), Some(wrap_binaryfunc_r),
        "__rsub__($self, value, /)\n--\n\nReturn value-self."),
    sd!("__mul__", NbMultiply, Some(V::Binary(slot_nb_multiply)), Some(wrap_binaryfunc_l),
        "__mul__($self, value, /)\n--\n\nReturn self*value."),
    sd!("__rmul__", NbMultiply, Some(V::Binary(slot_nb_multiply)), Some(wrap_binaryfunc_r),
        "__rmul__($self, value, /)\n--\n\nReturn value*self."),
    sd!("__mod__", NbRemainder, Some(V::Binary(slot_nb_remainder)), Some(wrap_binaryfunc_l),
        "__mod__($self, value, /)\n--\n\nReturn self%value."),
    sd!("__rmod__", NbRemainder, Some(V::Binary(slot_nb_remainder)), Some(wrap_binaryfunc_r),
        "__rmod__($self, value, /)\n--\n\nReturn value%self."),
    sd!("__divmod__", NbDivmod, Some(V::Binary(slot_nb_divmod)), Some(wrap_binaryfunc_l),
        "__divmod__($self, value, /)\n--\n\nReturn divmod(self, value)."),
    sd!("__rdivmod__", NbDivmod, Some(V::Binary(slot_nb_divmod)), Some(wrap_binaryfunc_r),
        "__rdivmod__($self, value, /)\n--\n\nReturn divmod(value, self)."),
    sd!("__pow__", NbPower, Some(V::Ternary(slot_nb_power)), Some(wrap_ternaryfunc),
        "__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."),
    sd!("__rpow__", NbPower, Some(V::Ternary(slot_nb_power)), Some(wrap_ternaryfunc_r),
        "__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."),
    sd!("__neg__", NbNegative, Some(V::Unary(slot_nb_negative)), Some(wrap_unaryfunc),
        "__neg__($self, /)\n--\n\n-self"),
    sd!("__pos__", NbPositive, Some(V::Unary(slot_nb_positive)), Some(wrap_unaryfunc),
        "__pos__($self, /)\n--\n\n+self"),
    sd!("__abs__", NbAbsolute, Some(V::Unary(slot_nb_absolute)), Some(wrap_unaryfunc),
        "__abs__($self, /)\n--\n\nabs(self)"),
    sd!("__bool__", NbBool, Some(V::Inquiry(slot_nb_bool)), Some(wrap_inquirypred),
        "__bool__($self, /)\n--\n\nTrue if self else False"),
    sd!("__invert__", NbInvert, Some(V::Unary(slot_nb_invert)), Some(wrap_unaryfunc),
        "__invert__($self, /)\n--\n\n~self"),
    sd!("__lshift__", NbLshift, Some(V::Binary(slot_nb_lshift)), Some(wrap_binaryfunc_l),
        "__lshift__($self, value, /)\n--\n\nReturn self<<value."),
    sd!("__rlshift__", NbLshift, Some(V::Binary(slot_nb_lshift)), Some(wrap_binaryfunc_r),
        "__rlshift__($self, value, /)\n--\n\nReturn value<<self."),
    sd!("__rshift__", NbRshift, Some(V::Binary(slot_nb_rshift)), Some(wrap_binaryfunc_l),
        "__rshift__($self, value, /)\n--\n\nReturn self>>value."),
    sd!("__rrshift__", NbRshift, Some(V::Binary(slot_nb_rshift)), Some(wrap_binaryfunc_r),
        "__rrshift__($self, value, /)\n--\n\nReturn value>>self."),
    sd!("__and__", NbAnd, Some(V::Binary(slot_nb_and)), Some(wrap_binaryfunc_l),
        "__and__($self, value, /)\n--\n\nReturn self&value."),
    sd!("__rand__", NbAnd, Some(V::Binary(slot_nb_and)), Some(wrap_binaryfunc_r),
        "__rand__($self, value, /)\n--\n\nReturn value&self."),
    sd!("__xor__", NbXor, Some(V::Binary(slot_nb_xor)), Some(wrap_binaryfunc_l),
        "__xor__($self, value, /)\n--\n\nReturn self^value."),
    sd!("__rxor__", NbXor, Some(V::Binary(slot_nb_xor)), Some(wrap_binaryfunc_r),
        "__rxor__($self, value, /)\n--\n\nReturn value^self."),
    sd!("__or__", NbOr, Some(V::Binary(slot_nb_or)), Some(wrap_binaryfunc_l),
        "__or__($self, value, /)\n--\n\nReturn self|value."),
    sd!("__ror__", NbOr, Some(V::Binary(slot_nb_or)), Some(wrap_binaryfunc_r),
        "__ror__($self, value, /)\n--\n\nReturn value|self."),
    sd!("__int__", NbInt, Some(V::Unary(slot_nb_int)), Some(wrap_unaryfunc),
        "__int__($self, /)\n--\n\nint(self)"),
    sd!("__float__", NbFloat, Some(V::Unary(slot_nb_float)), Some(wrap_unaryfunc),
        "__float__($self, /)\n--\n\nfloat(self)"),
    sd!("__iadd__", NbInplaceAdd, Some(V::Binary(slot_nb_inplace_add)), Some(wrap_binaryfunc),
        "__iadd__($self, value, /)\n--\n\nReturn self+=value."),
    sd!("__isub__", NbInplaceSubtract, Some(V::Binary(slot_nb_inplace_subtract)), Some(wrap_binaryfunc),
        "__isub__($self, value, /)\n--\n\nReturn self-=value."),
    sd!("__imul__", NbInplaceMultiply, Some(V::Binary(slot_nb_inplace_multiply)), Some(wrap_binaryfunc),
        "__imul__($self, value, /)\n--\n\nReturn self*=value."),
    sd!("__imod__", NbInplaceRemainder, Some(V::Binary(slot_nb_inplace_remainder)), Some(wrap_binaryfunc),
        "__imod__($self, value, /)\n--\n\nReturn self%=value."),
    sd!("__ipow__", NbInplacePower, Some(V::Ternary(slot_nb_inplace_power)), Some(wrap_ternaryfunc),
        "__ipow__($self, value, /)\n--\n\nReturn self**=value."),
    sd!("__ilshift__", NbInplaceLshift, Some(V::Binary(slot_nb_inplace_lshift)), Some(wrap_binaryfunc),
        "__ilshift__($self, value, /)\n--\n\nReturn self<<=value."),
    sd!("__irshift__", NbInplaceRshift, Some(V::Binary(slot_nb_inplace_rshift)), Some(wrap_binaryfunc),
        "__irshift__($self, value, /)\n--\n\nReturn self>>=value."),
    sd!("__iand__", NbInplaceAnd, Some(V::Binary(slot_nb_inplace_and)), Some(wrap_binaryfunc),
        "__iand__($self, value, /)\n--\n\nReturn self&=value."),
    sd!("__ixor__", NbInplaceXor, Some(V::Binary(slot_nb_inplace_xor)), Some(wrap_binaryfunc),
        "__ixor__($self, value, /)\n--\n\nReturn self^=value."),
    sd!("__ior__", NbInplaceOr, Some(V::Binary(slot_nb_inplace_or)), Some(wrap_binaryfunc),
        "__ior__($self, value, /)\n--\n\nReturn self|=value."),
    sd!("__floordiv__", NbFloorDivide, Some(V::Binary(slot_nb_floor_divide)), Some(wrap_binaryfunc_l),
        "__floordiv__($self, value, /)\n--\n\nReturn self//value."),
    sd!("__rfloordiv__", NbFloorDivide, Some(V::Binary(slot_nb_floor_divide)), Some(wrap_binaryfunc_r),
        "__rfloordiv__($self, value, /)\n--\n\nReturn value//self."),
    sd!("__truediv__", NbTrueDivide, Some(V::Binary(slot_nb_true_divide)), Some(wrap_binaryfunc_l),
        "__truediv__($self, value, /)\n--\n\nReturn self/value."),
    sd!("__rtruediv__", NbTrueDivide, Some(V::Binary(slot_nb_true_divide)), Some(wrap_binaryfunc_r),
        "__rtruediv__($self, value, /)\n--\n\nReturn value/self."),
    sd!("__ifloordiv__", NbInplaceFloorDivide, Some(V::Binary(slot_nb_inplace_floor_divide)), Some(wrap_binaryfunc),
        "__ifloordiv__($self, value, /)\n--\n\nReturn self//=value."),
    sd!("__itruediv__", NbInplaceTrueDivide, Some(V::Binary(slot_nb_inplace_true_divide)), Some(wrap_binaryfunc),
        "__itruediv__($self, value, /)\n--\n\nReturn self/=value."),
    sd!("__index__", NbIndex, Some(V::Unary(slot_nb_index)), Some(wrap_unaryfunc),
        "__index__($self, /)\n--\n\nReturn self converted to an integer, if self is suitable for use as an index into a list."),
    sd!("__matmul__", NbMatrixMultiply, Some(V::Binary(slot_nb_matrix_multiply)), Some(wrap_binaryfunc_l),
        "__matmul__($self, value, /)\n--\n\nReturn self@value."),
    sd!("__rmatmul__", NbMatrixMultiply, Some(V::Binary(slot_nb_matrix_multiply)), Some(wrap_binaryfunc_r),
        "__rmatmul__($self, value, /)\n--\n\nReturn value@self."),
    sd!("__imatmul__", NbInplaceMatrixMultiply, Some(V::Binary(slot_nb_inplace_matrix_multiply)), Some(wrap_binaryfunc),
        "__imatmul__($self, value, /)\n--\n\nReturn self@=value."),
    sd!("__len__", MpLength, Some(V::Len(slot_mp_length)), Some(wrap_lenfunc),
        "__len__($self, /)\n--\n\nReturn len(self)."),
    sd!("__getitem__", MpSubscript, Some(V::Binary(slot_mp_subscript)), Some(wrap_binaryfunc),
        "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
    sd!("__setitem__", MpAssSubscript, Some(V::ObjObjArg(slot_mp_ass_subscript)), Some(wrap_objobjargproc),
        "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
    sd!("__delitem__", MpAssSubscript, Some(V::ObjObjArg(slot_mp_ass_subscript)), Some(wrap_delitem),
        "__delitem__($self, key, /)\n--\n\nDelete self[key]."),
    sd!("__len__", SqLength, Some(V::Len(slot_sq_length)), Some(wrap_lenfunc),
        "__len__($self, /)\n--\n\nReturn len(self)."),
    sd!("__add__", SqConcat, None, Some(wrap_binaryfunc),
        "__add__($self, value, /)\n--\n\nReturn self+value."),
    sd!("__mul__", SqRepeat, None, Some(wrap_indexargfunc),
        "__mul__($self, value, /)\n--\n\nReturn self*value."),
    sd!("__rmul__", SqRepeat, None, Some(wrap_indexargfunc),
        "__rmul__($self, value, /)\n--\n\nReturn value*self."),
    sd!("__getitem__", SqItem, Some(V::SsizeArg(slot_sq_item)), Some(wrap_sq_item),
        "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
    sd!("__setitem__", SqAssItem, Some(V::SsizeObjArg(slot_sq_ass_item)), Some(wrap_sq_setitem),
        "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
    sd!("__delitem__", SqAssItem, Some(V::SsizeObjArg(slot_sq_ass_item)), Some(wrap_sq_delitem),
        "__delitem__($self, key, /)\n--\n\nDelete self[key]."),
    sd!("__contains__", SqContains, Some(V::ObjObj(slot_sq_contains)), Some(wrap_objobjproc),
        "__contains__($self, key, /)\n--\n\nReturn key in self."),
    sd!("__iadd__", SqInplaceConcat, None, Some(wrap_binaryfunc),
        "__iadd__($self, value, /)\n--\n\nImplement self+=value."),
    sd!("__imul__", SqInplaceRepeat, None, Some(wrap_indexargfunc),
        "__imul__($self, value, /)\n--\n\nImplement self*=value."),
];

/// The `tp_hash` of unhashable types (`PyObject_HashNotImplemented` used as a slot).
pub fn PyObject_HashNotImplemented_slot(obj: &PyObject) -> PyResult<Py_hash_t> {
    Err(crate::object::PyObject_HashNotImplemented(obj))
}

fn is_hash_not_implemented(v: SlotValue) -> bool {
    v.addr() == PyObject_HashNotImplemented_slot as hashfunc as usize
}

// --- Built-in types: wrappers in __dict__ ---------------------------------------------

/// Add a slot wrapper to `dict` for each slot the type itself fills
/// (`add_operators`), and `__new__` for a type with its own `tp_new`.
pub fn add_operators(tp: &PyTypeObject, dict: &PyDictObject) -> PyResult<()> {
    for (i, def) in SLOTDEFS.iter().enumerate() {
        if def.wrapper.is_none() {
            continue;
        }
        let Some(value) = def.slot.get(tp) else {
            continue;
        };
        let key = PyUnicode_InternFromString(def.name);
        if PyDict_GetItemWithError(dict, &key)?.is_some() {
            continue;
        }
        if is_hash_not_implemented(value) {
            PyDict_SetItem(dict, &key, Py_None())?;
        } else {
            PyDict_SetItem(dict, &key, &PyDescr_NewWrapper(tp, i))?;
        }
    }
    if tp.tp_new.get().is_some() && !tp.is_heap_type() {
        let key = crate::intern!("__new__");
        if PyDict_GetItemWithError(dict, key)?.is_none() {
            let f = crate::methodobject::PyCFunction_New(
                &TP_NEW_METHODDEF,
                Some(tp.as_object().to_owned()),
            );
            PyDict_SetItem(dict, key, &f)?;
        }
    }
    Ok(())
}

/// The `__new__` of built-in types: `T.__new__(S, ...)` checks that `S` is a subtype of
/// `T` whose instances `T` can make, then calls `T`'s `tp_new` (`tp_new_wrapper`).
pub static TP_NEW_METHODDEF: PyMethodDef = PyMethodDef::new(
    "__new__",
    PyCFunction::FastKw(tp_new_wrapper),
    "__new__($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See help(type) for accurate signature.",
);

fn tp_new_wrapper(self_: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let Some(tp) = as_type(self_) else {
        return Err(system_error("__new__() called with non-type 'self'"));
    };
    let nargs = args.len() - kwnames.map_or(0, kwnames_len);
    if nargs < 1 {
        return Err(type_error(format!(
            "{}.__new__(): not enough arguments",
            tp.name()
        )));
    }
    let arg0 = &args[0];
    let Some(subtype) = as_type(arg0) else {
        return Err(type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            tp.name(),
            arg0.ob_type().name()
        )));
    };
    if !PyType_IsSubtype(subtype, tp) {
        return Err(type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            tp.name(),
            subtype.name(),
            subtype.name(),
            tp.name()
        )));
    }
    // The most derived static base of `subtype` must use this `tp_new` (or one
    // compatible with it): `object.__new__(int)` is not safe.
    let mut staticbase = subtype;
    while staticbase.is_heap_type()
        || staticbase.tp_new.get().map(|f| f as usize) == Some(slot_tp_new as newfunc as usize)
    {
        match staticbase.base() {
            Some(b) => staticbase = b,
            None => break,
        }
    }
    // A static base without `tp_new` (`types.UnionType`) cannot be made by anyone's
    // `__new__` either.
    let sb_new = staticbase.tp_new.get().map(|f| f as usize);
    let tp_new = tp.tp_new.get().map(|f| f as usize);
    if sb_new != tp_new {
        return Err(type_error(format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            tp.name(),
            subtype.name(),
            staticbase.name()
        )));
    }
    match tp.tp_new.get() {
        Some(new) => new(subtype, &args[1..], kwnames),
        None => Err(type_error(format!(
            "cannot create '{}' instances",
            tp.name()
        ))),
    }
}

fn check_num_args(args: &[PyObjectRef], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    Err(type_error(format!(
        "expected {} argument{}, got {}",
        n,
        if n == 1 { "" } else { "s" },
        args.len()
    )))
}

fn wrapped_mismatch() -> PyErr {
    system_error("slot wrapper called with a slot of the wrong kind")
}

fn wrap_unaryfunc(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 0)?;
    match f {
        V::Unary(f) => f(s),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_binaryfunc(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 1)?;
    match f {
        V::Binary(f) => f(s, &args[0]),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_binaryfunc_l(
    s: &PyObject,
    args: &[PyObjectRef],
    k: Option<&PyObject>,
    f: SlotValue,
    d: &SlotDef,
) -> PyResult {
    wrap_binaryfunc(s, args, k, f, d)
}

fn wrap_binaryfunc_r(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 1)?;
    match f {
        V::Binary(f) => f(&args[0], s),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_ternaryfunc(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    d: &SlotDef,
) -> PyResult {
    crate::getargs::check_positional(d.name, args.len(), 1, 2)?;
    let third = args.get(1).map(|a| &**a).unwrap_or(Py_None());
    match f {
        V::Ternary(f) => f(s, &args[0], third),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_ternaryfunc_r(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    d: &SlotDef,
) -> PyResult {
    crate::getargs::check_positional(d.name, args.len(), 1, 2)?;
    let third = args.get(1).map(|a| &**a).unwrap_or(Py_None());
    match f {
        V::Ternary(f) => f(&args[0], s, third),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_inquirypred(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 0)?;
    match f {
        V::Inquiry(f) => Ok(crate::boolobject::PyBool_FromLong(f(s)?)),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_lenfunc(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 0)?;
    match f {
        V::Len(f) => Ok(PyLong_FromSsize_t(f(s)?)),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_indexargfunc(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 1)?;
    let i = crate::r#abstract::PyNumber_AsSsize_t(&args[0], Some(&PyExc_OverflowError))?;
    match f {
        V::SsizeArg(f) => f(s, i),
        _ => Err(wrapped_mismatch()),
    }
}

/// An index argument for `sq_item` and friends: negative indexes count from the end
/// when the sequence has a length (`getindex`).
fn getindex(s: &PyObject, arg: &PyObject) -> PyResult<Py_ssize_t> {
    let mut i = crate::r#abstract::PyNumber_AsSsize_t(arg, Some(&PyExc_OverflowError))?;
    if i < 0 {
        if let Some(len) = s.ob_type().tp_as_sequence.sq_length.get() {
            let n = len(s)?;
            i += n;
        }
    }
    Ok(i)
}

fn wrap_sq_item(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 1)?;
    let i = getindex(s, &args[0])?;
    match f {
        V::SsizeArg(f) => f(s, i),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_sq_setitem(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 2)?;
    let i = getindex(s, &args[0])?;
    match f {
        V::SsizeObjArg(f) => f(s, i, Some(&args[1])).map(|()| none()),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_sq_delitem(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 1)?;
    let i = getindex(s, &args[0])?;
    match f {
        V::SsizeObjArg(f) => f(s, i, None).map(|()| none()),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_objobjproc(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 1)?;
    match f {
        V::ObjObj(f) => Ok(crate::boolobject::PyBool_FromLong(f(s, &args[0])?)),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_objobjargproc(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 2)?;
    match f {
        V::ObjObjArg(f) => f(s, &args[0], Some(&args[1])).map(|()| none()),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_delitem(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 1)?;
    match f {
        V::ObjObjArg(f) => f(s, &args[0], None).map(|()| none()),
        _ => Err(wrapped_mismatch()),
    }
}

/// `object.__setattr__(x, name, v)` may only be applied to objects whose type's
/// `__setattr__` is the same C function (`hackcheck`): stops `object.__setattr__`
/// from bypassing a built-in type's own setattr.
fn hackcheck(s: &PyObject, f: setattrofunc, what: &str) -> PyResult<()> {
    let tp = s.ob_type();
    let mut defining = tp;
    while defining.is_heap_type() {
        match defining.base() {
            Some(b) => defining = b,
            None => break,
        }
    }
    if let Some(own) = defining.tp_setattro.get() {
        if own as usize != f as usize {
            return Err(type_error(format!(
                "can't apply this {what} to {} object",
                defining.name()
            )));
        }
    }
    Ok(())
}

fn wrap_setattr(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 2)?;
    let V::ObjObjArg(f) = f else {
        return Err(wrapped_mismatch());
    };
    hackcheck(s, f, "__setattr__")?;
    if !PyUnicodeObject::check(&args[0]) {
        return Err(type_error(format!(
            "attribute name must be string, not '{}'",
            args[0].ob_type().name()
        )));
    }
    f(s, &args[0], Some(&args[1]))?;
    Ok(none())
}

fn wrap_delattr(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 1)?;
    let V::ObjObjArg(f) = f else {
        return Err(wrapped_mismatch());
    };
    hackcheck(s, f, "__delattr__")?;
    if !PyUnicodeObject::check(&args[0]) {
        return Err(type_error(format!(
            "attribute name must be string, not '{}'",
            args[0].ob_type().name()
        )));
    }
    f(s, &args[0], None)?;
    Ok(none())
}

fn wrap_hashfunc(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 0)?;
    match f {
        V::Hash(f) => Ok(PyLong_FromSsize_t(f(s)?)),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_call(
    s: &PyObject,
    args: &[PyObjectRef],
    kw: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    match f {
        V::Call(f) => f(s, args, kw),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_richcmpfunc(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    d: &SlotDef,
) -> PyResult {
    check_num_args(args, 1)?;
    match (f, d.op) {
        (V::RichCmp(f), Some(op)) => f(s, &args[0], op),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_next(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 0)?;
    match f {
        V::IterNext(f) => match f(s)? {
            Some(v) => Ok(v),
            None => Err(stop_iteration(None)),
        },
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_descr_get(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    crate::getargs::check_positional("__get__", args.len(), 1, 2)?;
    let obj = Some(&*args[0]).filter(|o| !o.is(Py_None()));
    let tp = args.get(1).map(|a| &**a).filter(|o| !o.is(Py_None()));
    if obj.is_none() && tp.is_none() {
        return Err(type_error("__get__(None, None) is invalid"));
    }
    match f {
        V::DescrGet(f) => f(s, obj, tp),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_descr_set(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 2)?;
    match f {
        V::ObjObjArg(f) => f(s, &args[0], Some(&args[1])).map(|()| none()),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_descr_delete(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 1)?;
    match f {
        V::ObjObjArg(f) => f(s, &args[0], None).map(|()| none()),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_init(
    s: &PyObject,
    args: &[PyObjectRef],
    kw: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    match f {
        V::Init(f) => f(s, args, kw).map(|()| none()),
        _ => Err(wrapped_mismatch()),
    }
}

fn wrap_del(
    s: &PyObject,
    args: &[PyObjectRef],
    _: Option<&PyObject>,
    f: SlotValue,
    _: &SlotDef,
) -> PyResult {
    check_num_args(args, 0)?;
    match f {
        V::Finalize(f) => {
            f(s);
            Ok(none())
        }
        _ => Err(wrapped_mismatch()),
    }
}

/// Call a wrapper descriptor: `int.__add__(1, 2)` (`wrapperdescr_call` and
/// `wrapper_call`).
pub fn call_wrapper(
    descr: &PyWrapperDescrObject,
    self_: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let def = &SLOTDEFS[descr.d_slotdef];
    if kwnames.is_some_and(|k| kwnames_len(k) > 0) && !def.keywords {
        return Err(type_error(format!(
            "wrapper {}() takes no keyword arguments",
            def.name
        )));
    }
    let Some(wrapper) = def.wrapper else {
        return Err(system_error("slot wrapper without a wrapper function"));
    };
    let Some(f) = def.slot.get(descr.d_type()) else {
        return Err(system_error(format!(
            "slot of '{}' for {} is empty",
            descr.d_type().name(),
            def.name
        )));
    };
    wrapper(self_, args, kwnames, f, def)
}

// --- Classes: generic slot functions ----------------------------------------------------

/// Look a special method up on the object's type and call it with `self` first
/// (`vectorcall_method`); `Ok(None)` when the type does not have it.
fn call_method_maybe(
    s: &PyObject,
    name: &str,
    args: &[PyObjectRef],
) -> PyResult<Option<PyObjectRef>> {
    let key = PyUnicode_InternFromString(name);
    crate::typeobject::call_special_method(s, &key, args)
}

/// Like [`call_method_maybe`] but a missing method is an `AttributeError`.
fn call_method(s: &PyObject, name: &str, args: &[PyObjectRef]) -> PyResult {
    match call_method_maybe(s, name, args)? {
        Some(r) => Ok(r),
        None => Err(attribute_error(name)),
    }
}

/// `lookup_maybe_method`: the special method `name` of the object's type, bound to
/// the object through its `__get__` unless it is a method descriptor (then `unbound`
/// is true and `self` goes first in the call). `Ok(None)` if the type lacks it; an
/// error raised by `__get__` (a property that raises, say) is returned.
fn lookup_maybe_method(s: &PyObject, name: &str) -> PyResult<Option<(PyObjectRef, bool)>> {
    let key = PyUnicode_InternFromString(name);
    let Some(func) = _PyType_Lookup(s.ob_type(), &key) else {
        return Ok(None);
    };
    if func
        .ob_type()
        .has_feature(include::cpython::object::flags::Py_TPFLAGS_METHOD_DESCRIPTOR)
    {
        return Ok(Some((func, true)));
    }
    if func.ob_type().tp_descr_get.get().is_some() {
        let bound = descr_get(&func, Some(s), Some(s.ob_type().as_object()))?;
        return Ok(Some((bound, false)));
    }
    Ok(Some((func, false)))
}

/// `vectorcall_unbound`: call what [`lookup_maybe_method`] found.
fn call_unbound(unbound: bool, func: &PyObject, s: &PyObject, args: &[PyObjectRef]) -> PyResult {
    if unbound {
        crate::call::_PyObject_VectorcallPrepend(func, s, args, None)
    } else {
        PyObject_Vectorcall(func, args, None)
    }
}

/// A `__repr__` that cannot be looked up (its `__get__` raised) gives the plain
/// `<Name object at 0x...>` with the type's bare name, as `slot_tp_repr` does.
fn slot_tp_repr(s: &PyObject) -> PyResult {
    if let Ok(Some((func, unbound))) = lookup_maybe_method(s, "__repr__") {
        return call_unbound(unbound, &func, s, &[]);
    }
    Ok(PyUnicode_FromString(&format!(
        "<{} object at {:p}>",
        s.ob_type().name(),
        s.as_ptr()
    )))
}

fn slot_tp_str(s: &PyObject) -> PyResult {
    call_method(s, "__str__", &[])
}

/// `__hash__ = None`, and a `__hash__` whose lookup fails, make the object
/// unhashable (the lookup's error is replaced).
fn slot_tp_hash(s: &PyObject) -> PyResult<Py_hash_t> {
    let (func, unbound) = match lookup_maybe_method(s, "__hash__") {
        Ok(Some((f, unbound))) if !f.is(Py_None()) => (f, unbound),
        _ => return Err(crate::object::PyObject_HashNotImplemented(s)),
    };
    let res = call_unbound(unbound, &func, s, &[])?;
    if !crate::longobject::PyLongObject::check(&res) {
        return Err(type_error("__hash__ method should return an integer"));
    }
    // A big hash is reduced the way hash() of that int would be.
    let h = match crate::longobject::PyLong_AsSsize_t_opt(&res) {
        Some(h) => h,
        None => crate::object::PyObject_Hash(&res)?,
    };
    Ok(if h == -1 { -2 } else { h })
}

fn slot_tp_call(s: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let key = crate::intern!("__call__");
    let Some(func) = _PyType_Lookup(s.ob_type(), key) else {
        return Err(type_error(format!(
            "'{}' object is not callable",
            s.ob_type().name()
        )));
    };
    if func
        .ob_type()
        .has_feature(include::cpython::object::flags::Py_TPFLAGS_METHOD_DESCRIPTOR)
    {
        return crate::call::_PyObject_VectorcallPrepend(&func, s, args, kwnames);
    }
    let bound = if func.ob_type().tp_descr_get.get().is_some() {
        descr_get(&func, Some(s), Some(s.ob_type().as_object()))?
    } else {
        func
    };
    PyObject_Vectorcall(&bound, args, kwnames)
}

/// Call `attr(self, name)` where `attr` came from the type (`call_attribute`).
fn call_attribute(s: &PyObject, attr: PyObjectRef, name: &PyObject) -> PyResult {
    if attr
        .ob_type()
        .has_feature(include::cpython::object::flags::Py_TPFLAGS_METHOD_DESCRIPTOR)
    {
        return PyObject_Vectorcall(&attr, &[s.to_owned(), name.to_owned()], None);
    }
    let bound = if attr.ob_type().tp_descr_get.get().is_some() {
        descr_get(&attr, Some(s), Some(s.ob_type().as_object()))?
    } else {
        attr
    };
    PyObject_Vectorcall(&bound, &[name.to_owned()], None)
}

/// `tp_getattro` of classes with `__getattribute__` or `__getattr__`
/// (`slot_tp_getattr_hook`): `__getattribute__` first, then `__getattr__` on
/// `AttributeError`.
fn slot_tp_getattr_hook(s: &PyObject, name: &PyObject) -> PyResult {
    let tp = s.ob_type();
    let getattr = _PyType_Lookup(tp, crate::intern!("__getattr__"));
    let getattribute = _PyType_Lookup(tp, crate::intern!("__getattribute__"));
    let generic = getattribute.as_ref().is_none_or(|g| {
        g.downcast_ref::<PyWrapperDescrObject>().is_some_and(|w| {
            matches!(SLOTDEFS[w.d_slotdef].slot.get(w.d_type()), Some(V::Binary(f)) if f as usize == PyObject_GenericGetAttr as binaryfunc as usize)
        })
    });
    let res = if generic {
        PyObject_GenericGetAttr(s, name)
    } else {
        // `getattribute` is Some when not generic.
        match getattribute {
            Some(g) => call_attribute(s, g, name),
            None => PyObject_GenericGetAttr(s, name),
        }
    };
    match (res, getattr) {
        (Err(e), Some(ga)) if PyErr_ExceptionMatches(&e, &PyExc_AttributeError) => {
            call_attribute(s, ga, name)
        }
        (res, _) => res,
    }
}

fn slot_tp_setattro(s: &PyObject, name: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(v) => call_method(s, "__setattr__", &[name.to_owned(), v.to_owned()])?,
        None => call_method(s, "__delattr__", &[name.to_owned()])?,
    };
    Ok(())
}

const RICHCMP_NAMES: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

/// A comparison method that is missing or cannot be looked up gives `NotImplemented`.
fn slot_tp_richcompare(s: &PyObject, other: &PyObject, op: CompareOp) -> PyResult {
    match lookup_maybe_method(s, RICHCMP_NAMES[op as usize]) {
        Ok(Some((func, unbound))) => call_unbound(unbound, &func, s, &[other.to_owned()]),
        _ => Ok(not_implemented()),
    }
}

fn slot_tp_iter(s: &PyObject) -> PyResult {
    let key = crate::intern!("__iter__");
    match _PyType_Lookup(s.ob_type(), key) {
        Some(f) if f.is(Py_None()) => Err(type_error(format!(
            "'{}' object is not iterable",
            s.ob_type().name()
        ))),
        Some(_) => call_method(s, "__iter__", &[]),
        None => {
            let gi = crate::intern!("__getitem__");
            if _PyType_Lookup(s.ob_type(), gi).is_none() {
                return Err(type_error(format!(
                    "'{}' object is not iterable",
                    s.ob_type().name()
                )));
            }
            Ok(crate::iterobject::PySeqIter_New(s.to_owned()))
        }
    }
}

/// `__next__` of a class; a `StopIteration` stays an error so that its value reaches
/// `yield from` (`PyIter_Next` and `FOR_ITER` treat it as exhaustion).
fn slot_tp_iternext(s: &PyObject) -> PyResult<Option<PyObjectRef>> {
    call_method(s, "__next__", &[]).map(Some)
}

fn slot_tp_descr_get(s: &PyObject, obj: Option<&PyObject>, tp: Option<&PyObject>) -> PyResult {
    let key = crate::intern!("__get__");
    let Some(get) = _PyType_Lookup(s.ob_type(), key) else {
        return Ok(s.to_owned());
    };
    let obj = obj.map(|o| o.to_owned()).unwrap_or_else(none);
    let tp = tp.map(|t| t.to_owned()).unwrap_or_else(none);
    PyObject_Vectorcall(&get, &[s.to_owned(), obj, tp], None)
}

fn slot_tp_descr_set(s: &PyObject, obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(v) => call_method(s, "__set__", &[obj.to_owned(), v.to_owned()])?,
        None => call_method(s, "__delete__", &[obj.to_owned()])?,
    };
    Ok(())
}

fn slot_tp_init(s: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let key = crate::intern!("__init__");
    let Some(func) = _PyType_Lookup(s.ob_type(), key) else {
        return Err(attribute_error("__init__"));
    };
    let res = if func
        .ob_type()
        .has_feature(include::cpython::object::flags::Py_TPFLAGS_METHOD_DESCRIPTOR)
    {
        crate::call::_PyObject_VectorcallPrepend(&func, s, args, kwnames)?
    } else {
        let bound = descr_get(&func, Some(s), Some(s.ob_type().as_object()))?;
        PyObject_Vectorcall(&bound, args, kwnames)?
    };
    if !res.is(Py_None()) {
        return Err(type_error(format!(
            "__init__() should return None, not '{}'",
            res.ob_type().name()
        )));
    }
    Ok(())
}

fn slot_tp_new(tp: &PyTypeObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let func = PyObject_GetAttr(tp.as_object(), crate::intern!("__new__"))?;
    let mut stack = Vec::with_capacity(args.len() + 1);
    stack.push(tp.as_object().to_owned());
    stack.extend_from_slice(args);
    PyObject_Vectorcall(&func, &stack, kwnames)
}

fn slot_tp_finalize(s: &PyObject) {
    let key = crate::intern!("__del__");
    let Some(del) = _PyType_Lookup(s.ob_type(), key) else {
        return;
    };
    let res = if del
        .ob_type()
        .has_feature(include::cpython::object::flags::Py_TPFLAGS_METHOD_DESCRIPTOR)
    {
        PyObject_Vectorcall(&del, &[s.to_owned()], None)
    } else {
        descr_get(&del, Some(s), Some(s.ob_type().as_object()))
            .and_then(|b| PyObject_Vectorcall(&b, &[], None))
    };
    if let Err(e) = res {
        crate::pyhooks::write_unraisable(e, Some(&del));
    }
}

fn slot_am_await(s: &PyObject) -> PyResult {
    call_method(s, "__await__", &[])
}

fn slot_am_aiter(s: &PyObject) -> PyResult {
    call_method(s, "__aiter__", &[])
}

fn slot_am_anext(s: &PyObject) -> PyResult {
    call_method(s, "__anext__", &[])
}

/// Does `tp` (a subclass of the left operand's type) define the reflected method
/// differently from `left` (`method_is_overloaded`)?
fn method_is_overloaded(left: &PyTypeObject, right: &PyTypeObject, name: &str) -> bool {
    let key = PyUnicode_InternFromString(name);
    let Some(b) = _PyType_Lookup(right, &key) else {
        return false;
    };
    match _PyType_Lookup(left, &key) {
        Some(a) => !a.is(&b),
        None => true,
    }
}

/// The shared body of the binary slot functions (CPython's `SLOT1BINFULL` macro):
/// `self.__op__(other)`, with `other.__rop__(self)` tried first when `other`'s class
/// is a subclass that overrides it, and as the fallback otherwise.
///
/// `this` is the address of the slot function itself, so that a type whose slot
/// holds it is known to dispatch to Python methods (the power slot is ternary, so
/// the address rather than a `binaryfunc` is what both kinds share).
fn slot_binary(
    s: &PyObject,
    other: &PyObject,
    slot: SlotId,
    this: usize,
    op: &str,
    rop: &str,
) -> PyResult {
    let is_this = |tp: &PyTypeObject| matches!(slot.get(tp), Some(v) if v.addr() == this);
    let st = s.ob_type();
    let ot = other.ob_type();
    let mut do_other = !std::ptr::eq(st, ot) && is_this(ot);
    if is_this(st) {
        if do_other && PyType_IsSubtype(ot, st) && method_is_overloaded(st, ot, rop) {
            if let Some(r) = call_method_maybe(other, rop, &[s.to_owned()])? {
                if !r.is(Py_NotImplemented()) {
                    return Ok(r);
                }
            }
            do_other = false;
        }
        if let Some(r) = call_method_maybe(s, op, &[other.to_owned()])? {
            if !r.is(Py_NotImplemented()) || std::ptr::eq(st, ot) {
                return Ok(r);
            }
        }
    }
    if do_other {
        if let Some(r) = call_method_maybe(other, rop, &[s.to_owned()])? {
            return Ok(r);
        }
    }
    Ok(not_implemented())
}

macro_rules! binary_slots {
    ($( $fname:ident, $slot:ident, $op:literal, $rop:literal; )*) => {
        $(
            fn $fname(s: &PyObject, other: &PyObject) -> PyResult {
                slot_binary(s, other, SlotId::$slot, $fname as binaryfunc as usize, $op, $rop)
            }
        )*
    };
}

binary_slots! {
    slot_nb_add, NbAdd, "__add__", "__radd__";
    slot_nb_subtract, NbSubtract, "__sub__", "__rsub__";
    slot_nb_multiply, NbMultiply, "__mul__", "__rmul__";
    slot_nb_remainder, NbRemainder, "__mod__", "__rmod__";
    slot_nb_divmod, NbDivmod, "__divmod__", "__rdivmod__";
    slot_nb_lshift, NbLshift, "__lshift__", "__rlshift__";
    slot_nb_rshift, NbRshift, "__rshift__", "__rrshift__";
    slot_nb_and, NbAnd, "__and__", "__rand__";
    slot_nb_xor, NbXor, "__xor__", "__rxor__";
    slot_nb_or, NbOr, "__or__", "__ror__";
    slot_nb_floor_divide, NbFloorDivide, "__floordiv__", "__rfloordiv__";
    slot_nb_true_divide, NbTrueDivide, "__truediv__", "__rtruediv__";
    slot_nb_matrix_multiply, NbMatrixMultiply, "__matmul__", "__rmatmul__";
}

/// `pow(self, other, mod)`: with no modulus it dispatches like the other binary
/// operators; a three-argument `pow` only ever calls `self.__pow__`.
fn slot_nb_power(s: &PyObject, other: &PyObject, modulus: &PyObject) -> PyResult {
    if modulus.is(Py_None()) {
        return slot_binary(
            s,
            other,
            SlotId::NbPower,
            slot_nb_power as ternaryfunc as usize,
            "__pow__",
            "__rpow__",
        );
    }
    if matches!(s.ob_type().tp_as_number.nb_power.get(), Some(f) if f as usize == slot_nb_power as ternaryfunc as usize)
    {
        if let Some(r) = call_method_maybe(s, "__pow__", &[other.to_owned(), modulus.to_owned()])? {
            return Ok(r);
        }
    }
    Ok(not_implemented())
}

macro_rules! unary_slots {
    ($( $fname:ident, $name:literal; )*) => {
        $(
            fn $fname(s: &PyObject) -> PyResult {
                call_method(s, $name, &[])
            }
        )*
    };
}

unary_slots! {
    slot_nb_negative, "__neg__";
    slot_nb_positive, "__pos__";
    slot_nb_absolute, "__abs__";
    slot_nb_invert, "__invert__";
    slot_nb_int, "__int__";
    slot_nb_float, "__float__";
    slot_nb_index, "__index__";
}

macro_rules! inplace_slots {
    ($( $fname:ident, $name:literal; )*) => {
        $(
            fn $fname(s: &PyObject, other: &PyObject) -> PyResult {
                Ok(call_method_maybe(s, $name, &[other.to_owned()])?.unwrap_or_else(not_implemented))
            }
        )*
    };
}

inplace_slots! {
    slot_nb_inplace_add, "__iadd__";
    slot_nb_inplace_subtract, "__isub__";
    slot_nb_inplace_multiply, "__imul__";
    slot_nb_inplace_remainder, "__imod__";
    slot_nb_inplace_lshift, "__ilshift__";
    slot_nb_inplace_rshift, "__irshift__";
    slot_nb_inplace_and, "__iand__";
    slot_nb_inplace_xor, "__ixor__";
    slot_nb_inplace_or, "__ior__";
    slot_nb_inplace_floor_divide, "__ifloordiv__";
    slot_nb_inplace_true_divide, "__itruediv__";
    slot_nb_inplace_matrix_multiply, "__imatmul__";
}

fn slot_nb_inplace_power(s: &PyObject, other: &PyObject, _modulus: &PyObject) -> PyResult {
    Ok(call_method_maybe(s, "__ipow__", &[other.to_owned()])?.unwrap_or_else(not_implemented))
}

fn slot_nb_bool(s: &PyObject) -> PyResult<bool> {
    if let Some(r) = call_method_maybe(s, "__bool__", &[])? {
        if !crate::boolobject::PyBoolObject_Check(&r) {
            return Err(type_error(format!(
                "__bool__ should return bool, returned {}",
                r.ob_type().name()
            )));
        }
        return Ok(r.is(crate::boolobject::Py_True()));
    }
    if let Some(r) = call_method_maybe(s, "__len__", &[])? {
        return Ok(len_result(&r)? != 0);
    }
    Ok(true)
}

/// Check and convert the result of `__len__`.
fn len_result(r: &PyObject) -> PyResult<Py_ssize_t> {
    // The sign is checked before the size, so a huge negative length is a
    // ValueError, not an OverflowError.
    let r = crate::r#abstract::_PyNumber_Index(r)?;
    if r.downcast_ref::<crate::longobject::PyLongObject>()
        .is_some_and(|l| l.is_negative())
    {
        return Err(value_error("__len__() should return >= 0"));
    }
    crate::r#abstract::PyNumber_AsSsize_t(&r, Some(&PyExc_OverflowError))
}

fn slot_sq_length(s: &PyObject) -> PyResult<Py_ssize_t> {
    let r = call_method(s, "__len__", &[])?;
    // A non-integer result: "'float' object cannot be interpreted as an integer".
    len_result(&r)
}

fn slot_mp_length(s: &PyObject) -> PyResult<Py_ssize_t> {
    slot_sq_length(s)
}

fn slot_sq_item(s: &PyObject, i: Py_ssize_t) -> PyResult {
    call_method(s, "__getitem__", &[PyLong_FromSsize_t(i)])
}

fn slot_sq_ass_item(s: &PyObject, i: Py_ssize_t, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(v) => call_method(s, "__setitem__", &[PyLong_FromSsize_t(i), v.to_owned()])?,
        None => call_method(s, "__delitem__", &[PyLong_FromSsize_t(i)])?,
    };
    Ok(())
}

fn slot_sq_contains(s: &PyObject, value: &PyObject) -> PyResult<bool> {
    let key = crate::intern!("__contains__");
    match _PyType_Lookup(s.ob_type(), key) {
        Some(f) if f.is(Py_None()) => Err(type_error(format!(
            "'{}' object is not a container",
            s.ob_type().name()
        ))),
        Some(_) => {
            let r = call_method(s, "__contains__", &[value.to_owned()])?;
            PyObject_IsTrue(&r)
        }
        None => crate::r#abstract::_PySequence_IterSearch_Contains(s, value),
    }
}

fn slot_mp_subscript(s: &PyObject, key: &PyObject) -> PyResult {
    call_method(s, "__getitem__", &[key.to_owned()])
}

fn slot_mp_ass_subscript(s: &PyObject, key: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(v) => call_method(s, "__setitem__", &[key.to_owned(), v.to_owned()])?,
        None => call_method(s, "__delitem__", &[key.to_owned()])?,
    };
    Ok(())
}

// --- Keeping class slots in step with class dicts -------------------------------------

/// `resolve_slotdups`: of the slots that special method `name` feeds, the one the
/// class fills, if exactly one is filled.
fn resolve_slotdups(tp: &PyTypeObject, name: &str) -> Option<SlotId> {
    let mut res = None;
    for def in SLOTDEFS.iter().filter(|d| d.name == name) {
        if def.slot.get(tp).is_none() || res == Some(def.slot) {
            continue;
        }
        if res.is_some() {
            return None;
        }
        res = Some(def.slot);
    }
    res
}

/// Set one slot of a class from what its MRO defines for the slot's names
/// (`update_one_slot`). `first` indexes the first `SLOTDEFS` row of the slot; the
/// rows of one slot are adjacent.
fn update_one_slot(tp: &PyTypeObject, slot: SlotId) {
    let mut specific: Option<SlotValue> = None;
    let mut generic: Option<SlotValue> = None;
    let mut use_generic = false;
    for (idx, def) in SLOTDEFS.iter().enumerate() {
        if def.slot != slot {
            continue;
        }
        let key = PyUnicode_InternFromString(def.name);
        let Some(descr) = _PyType_Lookup(tp, &key) else {
            continue;
        };
        if let Some(w) = descr.downcast_ref_exact::<PyWrapperDescrObject>() {
            let wdef = &SLOTDEFS[w.d_slotdef];
            if wdef.name == def.name {
                // A name that maps to several slots (`__getitem__` -> mp_subscript and
                // sq_item) uses the generic function for this slot when it is the
                // only one of them the class fills, or when several are filled
                // (`resolve_slotdups`): a subclass of `bytearray` is a sequence, a
                // subclass of `dict` is not.
                let dup = resolve_slotdups(tp, def.name);
                if dup.is_none() || dup == Some(slot) {
                    generic = def.function;
                }
                let wrapped = wdef.slot.get(w.d_type());
                let same_wrapper =
                    wdef.wrapper.map(|f| f as usize) == def.wrapper.map(|f| f as usize);
                if wdef.slot == slot
                    && same_wrapper
                    && PyType_IsSubtype(tp, w.d_type())
                    && (specific.is_none()
                        || specific.map(|s| s.addr()) == wrapped.map(|s| s.addr()))
                {
                    specific = wrapped;
                } else {
                    use_generic = true;
                }
                let _ = idx;
                continue;
            }
        }
        if slot == SlotId::TpNew {
            if let Some(f) = descr.downcast_ref::<crate::methodobject::PyCFunctionObject>() {
                if std::ptr::eq(f.m_ml, &TP_NEW_METHODDEF) {
                    // The inherited built-in `__new__`: use the base's tp_new directly.
                    specific = tp.tp_new.get().map(V::New).or_else(|| {
                        f.m_self
                            .get()
                            .and_then(|t| as_type(&t).and_then(|t| t.tp_new.get()))
                            .map(V::New)
                    });
                    continue;
                }
            }
        }
        if descr.is(Py_None()) && slot == SlotId::TpHash {
            specific = Some(V::Hash(PyObject_HashNotImplemented_slot));
            continue;
        }
        use_generic = true;
        if def.function.is_some() {
            generic = def.function;
        }
    }
    let value = if specific.is_some() && !use_generic {
        specific
    } else {
        generic
    };
    slot.set(tp, value);
}

/// Fill every slot of a new class (`fixup_slot_dispatchers`).
pub fn fixup_slot_dispatchers(tp: &PyTypeObject) {
    let mut done: Vec<SlotId> = Vec::new();
    for def in SLOTDEFS {
        if !done.contains(&def.slot) {
            done.push(def.slot);
            update_one_slot(tp, def.slot);
        }
    }
}

/// A special method was set or deleted on a class: refresh the slots it feeds in the
/// class and in every subclass that does not define it itself (`update_slot`).
pub fn update_slot(tp: &PyTypeObject, name: &str) {
    let slots: Vec<SlotId> = SLOTDEFS
        .iter()
        .filter(|d| d.name == name)
        .map(|d| d.slot)
        .collect();
    if slots.is_empty() {
        return;
    }
    update_subclasses(tp, name, &slots);
}

/// Refresh every slot of a class and of its subclasses from their MROs, after
/// `__bases__` assignment changed them (`update_all_slots`).
pub fn update_all_slots(tp: &PyTypeObject) {
    crate::typeobject::PyType_Modified(tp);
    let mut done: Vec<&str> = Vec::new();
    for def in SLOTDEFS {
        if !done.contains(&def.name) {
            done.push(def.name);
            update_slot(tp, def.name);
        }
    }
}

fn update_subclasses(tp: &PyTypeObject, name: &str, slots: &[SlotId]) {
    for s in slots {
        update_one_slot(tp, *s);
    }
    // SAFETY: the subclass list is copied before any slot update runs.
    let subs = unsafe { tp.tp_subclasses.get_ref() }.clone();
    for sub in subs {
        // SAFETY: subclasses remove themselves before they die.
        let sub = unsafe { sub.as_ref() };
        let d = crate::typeobject::type_dict(sub);
        if PyDict_GetItemWithError(&d, &PyUnicode_InternFromString(name))
            .ok()
            .flatten()
            .is_some()
        {
            continue;
        }
        update_subclasses(sub, name, slots);
    }
}

/// The `SLOTDEFS` row index of a wrapper, for `__doc__` and `__name__`.
pub fn slotdef(index: usize) -> &'static SlotDef {
    &SLOTDEFS[index]
}

/// Helper for `tp_new` slots written in Rust: the positional part of a vectorcall.
pub fn positional<'a>(args: &'a [PyObjectRef], kwnames: Option<&PyObject>) -> &'a [PyObjectRef] {
    &args[..args.len() - kwnames.map_or(0, kwnames_len)]
}
