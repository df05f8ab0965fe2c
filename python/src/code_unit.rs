//! The compiler's output: a code object as plain data. Mirrors the fields of
//! `PyCodeObject` (Include/cpython/code.h, CPython 3.11) and the constant-key rules of
//! `_PyCode_ConstantKey` (Objects/codeobject.c).
//!
//! Differences from CPython: this is not a runtime object. `co_code` holds the
//! un-specialised bytes with zeroed inline caches (what `code.co_code` shows), and
//! constants are an enum rather than Python objects; the runtime turns a `CodeUnit`
//! into a real code object. `Constant::Str` holds a Rust `String`; a string literal
//! with lone surrogates (`"\udc80"`, legal in Python) becomes
//! `Constant::SurrogateStr` with its code points instead.

use num_bigint::BigInt;

/// `co_flags` bits set by the compiler (Include/cpython/code.h).
pub mod flags {
    pub const CO_OPTIMIZED: u32 = 0x0001;
    pub const CO_NEWLOCALS: u32 = 0x0002;
    pub const CO_VARARGS: u32 = 0x0004;
    pub const CO_VARKEYWORDS: u32 = 0x0008;
    pub const CO_NESTED: u32 = 0x0010;
    pub const CO_GENERATOR: u32 = 0x0020;
    pub const CO_COROUTINE: u32 = 0x0080;
    pub const CO_ITERABLE_COROUTINE: u32 = 0x0100;
    pub const CO_ASYNC_GENERATOR: u32 = 0x0200;
    pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x0040_0000;
    pub const CO_FUTURE_ANNOTATIONS: u32 = 0x0100_0000;
}

/// Kinds of the entries of `co_localsplusnames` (Include/internal/pycore_code.h).
pub mod kinds {
    pub const CO_FAST_LOCAL: u8 = 0x20;
    pub const CO_FAST_CELL: u8 = 0x40;
    pub const CO_FAST_FREE: u8 = 0x80;
}

/// A compile-time constant: what can appear in `co_consts`.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    /// A str with lone surrogates (which a Rust `String` cannot hold), as its code
    /// points. Only string literals with `\udXXX`-style escapes produce it.
    SurrogateStr(Vec<u32>),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// Members in source order; the runtime builds the set (its iteration order is
    /// the runtime's business, not the compiler's).
    FrozenSet(Vec<Constant>),
    Ellipsis,
    Code(Box<CodeUnit>),
}

/// A compiled code object, field for field as `types.CodeType` exposes it.
#[derive(Clone, Debug, Default)]
pub struct CodeUnit {
    pub co_argcount: u32,
    pub co_posonlyargcount: u32,
    pub co_kwonlyargcount: u32,
    pub co_stacksize: u32,
    pub co_flags: u32,
    pub co_firstlineno: u32,
    /// Instructions as 16-bit code units (opcode byte, argument byte), with the inline
    /// `CACHE` units present and zeroed.
    pub co_code: Vec<u8>,
    pub co_consts: Vec<Constant>,
    pub co_names: Vec<String>,
    /// Locals, then cells that are not arguments, then free variables.
    pub co_localsplusnames: Vec<String>,
    /// One `kinds::CO_FAST_*` mask per entry of `co_localsplusnames`.
    pub co_localspluskinds: Vec<u8>,
    pub co_filename: String,
    pub co_name: String,
    pub co_qualname: String,
    /// PEP 626/657 location table, 3.11 format.
    pub co_linetable: Vec<u8>,
    /// 3.11 exception table (varint entries: start, length, target, depth<<1|lasti).
    pub co_exceptiontable: Vec<u8>,
}

impl CodeUnit {
    /// `co_varnames`: the names whose kind includes `CO_FAST_LOCAL`.
    pub fn co_varnames(&self) -> Vec<&str> {
        self.names_of_kind(kinds::CO_FAST_LOCAL)
    }

    /// `co_cellvars`: the names whose kind includes `CO_FAST_CELL`.
    pub fn co_cellvars(&self) -> Vec<&str> {
        self.names_of_kind(kinds::CO_FAST_CELL)
    }

    /// `co_freevars`: the names whose kind includes `CO_FAST_FREE`.
    pub fn co_freevars(&self) -> Vec<&str> {
        self.names_of_kind(kinds::CO_FAST_FREE)
    }

    fn names_of_kind(&self, kind: u8) -> Vec<&str> {
        self.co_localsplusnames
            .iter()
            .zip(&self.co_localspluskinds)
            .filter(|(_, k)| *k & kind != 0)
            .map(|(n, _)| n.as_str())
            .collect()
    }
}

/// Whether a float is a zero with the sign bit set.
fn is_negative_zero(x: f64) -> bool {
    x == 0.0 && x.is_sign_negative()
}

impl Constant {
    /// Mirrors `_PyCode_ConstantKey` + equality of the keys: two constants share a
    /// `co_consts` slot exactly when this returns true. Values of different types never
    /// do (so `0`, `0.0`, `False` stay apart), and signed zeros are told apart.
    pub fn same_key(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a == b && is_negative_zero(*a) == is_negative_zero(*b),
            (Complex { real: r1, imag: i1 }, Complex { real: r2, imag: i2 }) => {
                r1 == r2
                    && i1 == i2
                    && is_negative_zero(*r1) == is_negative_zero(*r2)
                    && is_negative_zero(*i1) == is_negative_zero(*i2)
            }
            (Str(a), Str(b)) => a == b,
            (SurrogateStr(a), SurrogateStr(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_key(y))
            }
            (FrozenSet(a), FrozenSet(b)) => {
                a.iter().all(|x| b.iter().any(|y| x.same_key(y)))
                    && b.iter().all(|y| a.iter().any(|x| x.same_key(y)))
            }
            (Code(a), Code(b)) => code_equal(a, b),
            _ => false,
        }
    }

    /// A string that is equal for two constants exactly when `same_key` holds (up to
    /// NaNs, which CPython only merges when they are the same object), used to look
    /// constants up in a hash map. Code objects hash by their name and first line,
    /// which is enough to bucket them; `same_key` settles equality.
    pub fn key_string(&self) -> String {
        let mut s = String::new();
        self.write_key(&mut s);
        s
    }

    fn write_key(&self, s: &mut String) {
        use std::fmt::Write;
        match self {
            Constant::None => s.push('N'),
            Constant::Ellipsis => s.push('E'),
            Constant::Bool(b) => s.push(if *b { 'T' } else { 'F' }),
            Constant::Int(i) => {
                let _ = write!(s, "i{i};");
            }
            Constant::Float(f) => {
                let _ = write!(s, "f{:x};", canonical_bits(*f));
            }
            Constant::Complex { real, imag } => {
                let _ = write!(
                    s,
                    "c{:x},{:x};",
                    canonical_bits(*real),
                    canonical_bits(*imag)
                );
            }
            Constant::Str(t) => {
                let _ = write!(s, "s{}:{t}", t.len());
            }
            Constant::SurrogateStr(cps) => {
                let _ = write!(s, "u{}:", cps.len());
                for c in cps {
                    let _ = write!(s, "{c:x},");
                }
            }
            Constant::Bytes(b) => {
                let _ = write!(s, "b{}:", b.len());
                for x in b {
                    let _ = write!(s, "{x:02x}");
                }
            }
            Constant::Tuple(items) => {
                let _ = write!(s, "t{}(", items.len());
                for x in items {
                    x.write_key(s);
                }
                s.push(')');
            }
            Constant::FrozenSet(items) => {
                let mut keys: Vec<String> = items.iter().map(|x| x.key_string()).collect();
                keys.sort();
                keys.dedup();
                let _ = write!(s, "z{}(", keys.len());
                for k in keys {
                    s.push_str(&k);
                }
                s.push(')');
            }
            Constant::Code(c) => {
                let _ = write!(
                    s,
                    "C{}:{}:{};",
                    c.co_qualname.len(),
                    c.co_qualname,
                    c.co_firstlineno
                );
            }
        }
    }

    /// A frozenset of these items, keeping the first of any that are equal under
    /// Python's `==` (so `{1, True, 1.0}` has the single member `1`).
    pub fn frozenset(items: Vec<Constant>) -> Constant {
        let mut out: Vec<Constant> = Vec::new();
        for x in items {
            if !out.iter().any(|y| y.py_eq(&x)) {
                out.push(x);
            }
        }
        Constant::FrozenSet(out)
    }

    /// Python's `==` between two constants (numbers compare across int, bool,
    /// float and complex).
    pub fn py_eq(&self, other: &Constant) -> bool {
        use num_traits::ToPrimitive;
        use Constant::*;
        let as_int = |c: &Constant| match c {
            Bool(b) => Some(BigInt::from(*b as u8)),
            Int(i) => Some(i.clone()),
            _ => Option::None,
        };
        let as_complex = |c: &Constant| match c {
            Bool(b) => Some((*b as u8 as f64, 0.0)),
            Int(i) => i.to_f64().map(|f| (f, 0.0)),
            Float(f) => Some((*f, 0.0)),
            Complex { real, imag } => Some((*real, *imag)),
            _ => Option::None,
        };
        if let (Some(a), Some(b)) = (as_int(self), as_int(other)) {
            return a == b;
        }
        if let (Some(a), Some(b)) = (as_complex(self), as_complex(other)) {
            // An int too big for a float is equal to no float.
            let exact = |c: &Constant| match c {
                Int(i) => i
                    .to_f64()
                    .is_some_and(|f| BigInt::from(f as i128) == *i || f.fract() == 0.0),
                _ => true,
            };
            return exact(self) && exact(other) && a == b;
        }
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Str(a), Str(b)) => a == b,
            (SurrogateStr(a), SurrogateStr(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.py_eq(y)),
            (FrozenSet(a), FrozenSet(b)) => {
                a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| x.py_eq(y)))
            }
            (Code(_), Code(_)) => self.same_key(other),
            _ => false,
        }
    }

    /// Truth value, as `PyObject_IsTrue` gives it for a constant.
    pub fn is_true(&self) -> bool {
        use num_traits::Zero;
        match self {
            Constant::None => false,
            Constant::Ellipsis | Constant::Code(_) => true,
            Constant::Bool(b) => *b,
            Constant::Int(i) => !i.is_zero(),
            Constant::Float(f) => *f != 0.0,
            Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
            Constant::Str(s) => !s.is_empty(),
            Constant::SurrogateStr(s) => !s.is_empty(),
            Constant::Bytes(b) => !b.is_empty(),
            Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        }
    }
}

/// Float bits with every NaN folded together, so the key string is a function of
/// the value as `==` (plus the sign of zero) sees it.
fn canonical_bits(f: f64) -> u64 {
    if f.is_nan() {
        f64::NAN.to_bits()
    } else {
        f.to_bits()
    }
}

/// Mirrors `code_richcompare`: code objects compare by their contents, not identity.
fn code_equal(a: &CodeUnit, b: &CodeUnit) -> bool {
    a.co_name == b.co_name
        && a.co_argcount == b.co_argcount
        && a.co_posonlyargcount == b.co_posonlyargcount
        && a.co_kwonlyargcount == b.co_kwonlyargcount
        && a.co_flags == b.co_flags
        && a.co_firstlineno == b.co_firstlineno
        && a.co_code == b.co_code
        && a.co_consts.len() == b.co_consts.len()
        && a.co_consts
            .iter()
            .zip(&b.co_consts)
            .all(|(x, y)| x.same_key(y))
        && a.co_names == b.co_names
        && a.co_localsplusnames == b.co_localsplusnames
        && a.co_linetable == b.co_linetable
        && a.co_exceptiontable == b.co_exceptiontable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_types_and_signed_zeros_apart() {
        let zero = Constant::Int(BigInt::from(0));
        assert!(!zero.same_key(&Constant::Float(0.0)));
        assert!(!zero.same_key(&Constant::Bool(false)));
        assert!(!Constant::Float(0.0).same_key(&Constant::Float(-0.0)));
        assert!(Constant::Float(1.5).same_key(&Constant::Float(1.5)));
        let t1 = Constant::Tuple(vec![Constant::Int(BigInt::from(1))]);
        let t2 = Constant::Tuple(vec![Constant::Float(1.0)]);
        assert!(!t1.same_key(&t2));
        assert_ne!(t1.key_string(), t2.key_string());
        assert_ne!(
            Constant::Float(0.0).key_string(),
            Constant::Float(-0.0).key_string()
        );
    }
}
