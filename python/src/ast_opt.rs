//! Constant folding on the AST. Mirrors Python/ast_opt.c (CPython 3.11): the same
//! folds (unary and binary operators on constants, tuples of constants, subscripts of
//! constants, `in` over list/set displays, `__debug__`, `'%s' % (...)` to an
//! f-string) with the same size limits (`safe_multiply`, `safe_power`,
//! `safe_lshift`, `safe_mod`), so that the constants in `co_consts` match.
//!
//! Differences from CPython: rustpython's AST has no frozenset constant, so a folded
//! frozenset is an `ExprConstant` holding a tuple with `kind` set to
//! `FROZENSET_KIND`. Float `**`, complex `**` and true division of integers too large
//! for an `f64` are folded only where the result is certain to match CPython's
//! (see `KNOWN_GAPS.md`); elsewhere the expression is left to run time.

use crate::compile::{get_docstring, CompileError};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use rustpython_parser::ast::{self, Ranged};

/// Marks an `ExprConstant` whose tuple value stands for a frozenset.
pub const FROZENSET_KIND: &str = "pyrs:frozenset";

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;
/// `recursion_limit * COMPILER_STACK_FRAME_SCALE` with the default limit of 1000.
const MAX_DEPTH: usize = 3000;

struct State<'s> {
    /// The source text, for the ranges rustpython gets differently from CPython's
    /// parser (below); None for an AST made from `ast` node objects, whose
    /// positions are CPython's already.
    source: Option<&'s str>,
    optimize: i32,
    future_annotations: bool,
    /// False for `ast.parse`: only the ranges and shapes rustpython gets
    /// differently from CPython's parser are corrected, nothing is folded.
    fold: bool,
    depth: usize,
}

type Res = Result<(), CompileError>;

pub fn optimize_module(
    source: Option<&str>,
    body: &mut [ast::Stmt],
    optimize: i32,
    future_annotations: bool,
) -> Res {
    let mut st = State {
        source,
        optimize,
        future_annotations,
        fold: true,
        depth: 0,
    };
    st.fold_body(body)
}

pub fn optimize_expr(
    source: Option<&str>,
    e: &mut ast::Expr,
    optimize: i32,
    future_annotations: bool,
) -> Res {
    let mut st = State {
        source,
        optimize,
        future_annotations,
        fold: true,
        depth: 0,
    };
    st.fold_expr(e)
}

/// The corrections of rustpython's AST to CPython parser's (ranges, the shape of
/// `match x,:` and `x[*a]`, lone surrogates) without the folding, for
/// `ast.parse` (`compile(..., PyCF_ONLY_AST)`).
pub fn fix_parsed_module(source: &str, body: &mut [ast::Stmt]) -> Res {
    let mut st = State {
        source: Some(source),
        optimize: 0,
        future_annotations: false,
        fold: false,
        depth: 0,
    };
    st.fold_stmts(body)
}

/// `fix_parsed_module` for an expression (`eval` mode).
pub fn fix_parsed_expr(source: &str, e: &mut ast::Expr) -> Res {
    let mut st = State {
        source: Some(source),
        optimize: 0,
        future_annotations: false,
        fold: false,
        depth: 0,
    };
    st.fold_expr(e)
}

// ---- Values: constants as the folder computes with them ----

#[derive(Clone, Debug)]
enum Value {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Value>),
    FrozenSet(Vec<Value>),
}

fn to_value(c: &ast::ExprConstant) -> Value {
    fn conv(c: &ast::Constant) -> Value {
        match c {
            ast::Constant::None => Value::None,
            ast::Constant::Ellipsis => Value::Ellipsis,
            ast::Constant::Bool(b) => Value::Bool(*b),
            ast::Constant::Int(i) => Value::Int(i.clone()),
            ast::Constant::Float(f) => Value::Float(*f),
            ast::Constant::Complex { real, imag } => Value::Complex(*real, *imag),
            ast::Constant::Str(s) => Value::Str(s.clone()),
            ast::Constant::Bytes(b) => Value::Bytes(b.clone()),
            ast::Constant::Tuple(t) => Value::Tuple(t.iter().map(conv).collect()),
        }
    }
    let v = conv(&c.value);
    match (v, c.kind.as_deref()) {
        (Value::Tuple(t), Some(FROZENSET_KIND)) => Value::FrozenSet(t),
        (v, _) => v,
    }
}

fn to_ast(v: Value) -> (ast::Constant, Option<String>) {
    fn conv(v: Value) -> ast::Constant {
        match v {
            Value::None => ast::Constant::None,
            Value::Ellipsis => ast::Constant::Ellipsis,
            Value::Bool(b) => ast::Constant::Bool(b),
            Value::Int(i) => ast::Constant::Int(i),
            Value::Float(f) => ast::Constant::Float(f),
            Value::Complex(r, i) => ast::Constant::Complex { real: r, imag: i },
            Value::Str(s) => ast::Constant::Str(s),
            Value::Bytes(b) => ast::Constant::Bytes(b),
            Value::Tuple(t) | Value::FrozenSet(t) => {
                ast::Constant::Tuple(t.into_iter().map(conv).collect())
            }
        }
    }
    match v {
        Value::FrozenSet(t) => (conv(Value::Tuple(t)), Some(FROZENSET_KIND.to_string())),
        v => (conv(v), None),
    }
}

/// Replaces an expression by a constant, keeping its location (`make_const`).
fn make_const(node: &mut ast::Expr, v: Option<Value>) {
    if let Some(v) = v {
        let range = node.range();
        let (value, kind) = to_ast(v);
        *node = ast::Expr::Constant(ast::ExprConstant { range, value, kind });
    }
}

fn as_int(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(i.clone()),
        Value::Bool(b) => Some(BigInt::from(*b as u8)),
        _ => None,
    }
}

fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        _ => as_int(v).and_then(|i| int_to_f64(&i)),
    }
}

fn as_complex(v: &Value) -> Option<(f64, f64)> {
    match v {
        Value::Complex(r, i) => Some((*r, *i)),
        _ => as_float(v).map(|f| (f, 0.0)),
    }
}

/// `int.__float__`: correctly rounded, OverflowError (None) past the float range.
fn int_to_f64(i: &BigInt) -> Option<f64> {
    let f = i.to_f64()?;
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

fn num_bits(i: &BigInt) -> u64 {
    i.bits()
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::Complex(..)
    )
}

fn seq_len(v: &Value) -> Option<usize> {
    match v {
        Value::Str(s) => Some(s.chars().count()),
        Value::Bytes(b) => Some(b.len()),
        Value::Tuple(t) | Value::FrozenSet(t) => Some(t.len()),
        _ => None,
    }
}

/// Mirrors `check_complexity`: the total number of items in nested tuples.
fn check_complexity(v: &Value, mut limit: isize) -> isize {
    if let Value::Tuple(t) | Value::FrozenSet(t) = v {
        limit -= t.len() as isize;
        for x in t {
            if limit < 0 {
                break;
            }
            limit = check_complexity(x, limit);
        }
    }
    limit
}

fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

/// Integer true division, correctly rounded (as `long_true_divide`): the quotient
/// is computed with two spare bits and a sticky bit, then rounded half-to-even.
/// Results that would be subnormal are left to run time (None).
fn int_true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    let negative = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    if a.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    let limit = BigInt::from(1u64 << 53);
    let q = if a <= limit && b <= limit {
        a.to_f64()? / b.to_f64()?
    } else {
        let shift = 55 - (a.bits() as i64 - b.bits() as i64);
        let (num, den) = if shift >= 0 {
            (a << shift as usize, b)
        } else {
            (a, b << (-shift) as usize)
        };
        let (q, r) = num.div_rem(&den);
        let extra = q.bits() as i64 - 53;
        let mut m: BigInt = &q >> extra as usize;
        let low: BigInt = &q - (&m << extra as usize);
        let half = BigInt::one() << (extra - 1) as usize;
        let odd = (&m & BigInt::one()).is_one();
        if low > half || (low == half && (!r.is_zero() || odd)) {
            m += 1;
        }
        let exp = extra - shift;
        if exp + 53 > 1024 || exp + 53 < -1021 {
            return None;
        }
        m.to_f64()? * 2f64.powi(exp as i32)
    };
    if q.is_infinite() {
        return None;
    }
    Some(if negative { -q } else { q })
}

fn complex_div(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    // Mirrors _Py_c_quot (Smith's method).
    let (ar, ai) = a;
    let (br, bi) = b;
    let abs_breal = br.abs();
    let abs_bimag = bi.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn repeat(seq: &Value, n: &BigInt) -> Option<Value> {
    let n = n.to_i64()?;
    let n = if n < 0 { 0 } else { n as usize };
    Some(match seq {
        Value::Str(s) => Value::Str(s.repeat(n)),
        Value::Bytes(b) => Value::Bytes(b.repeat(n)),
        Value::Tuple(t) => {
            let mut out = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            Value::Tuple(out)
        }
        _ => return None,
    })
}

/// Mirrors `safe_multiply`.
fn safe_multiply(v: &Value, w: &Value) -> Option<Value> {
    if let (Some(a), Some(b)) = (as_int(v), as_int(w)) {
        if !a.is_zero() && !b.is_zero() && num_bits(&a) + num_bits(&b) > MAX_INT_SIZE {
            return None;
        }
        return Some(Value::Int(a * b));
    }
    if let (Some(n), Some(size)) = (as_int(v), seq_len(w)) {
        if matches!(w, Value::FrozenSet(_)) {
            return None;
        }
        if size > 0 {
            let nn = n.to_i64()?;
            let limit = if matches!(w, Value::Tuple(_)) {
                MAX_COLLECTION_SIZE
            } else {
                MAX_STR_SIZE
            };
            if nn < 0 || limit.checked_div(size).is_some_and(|m| nn as usize > m) {
                return None;
            }
            if matches!(w, Value::Tuple(_))
                && nn > 0
                && check_complexity(w, (MAX_TOTAL_ITEMS / nn as usize) as isize) < 0
            {
                return None;
            }
        }
        return repeat(w, &n);
    }
    if as_int(w).is_some() && seq_len(v).is_some() {
        return safe_multiply(w, v);
    }
    number_op(v, w, ast::Operator::Mult)
}

/// Mirrors `safe_power`.
fn safe_power(v: &Value, w: &Value) -> Option<Value> {
    if let (Some(a), Some(b)) = (as_int(v), as_int(w)) {
        if b.is_negative() {
            // int ** negative int is a float power.
            let fa = int_to_f64(&a)?;
            let fb = int_to_f64(&b)?;
            return float_pow_value(fa, fb);
        }
        if !a.is_zero() && b.is_positive() {
            let wbits = b.to_u64()?;
            if num_bits(&a) > MAX_INT_SIZE / wbits {
                return None;
            }
        }
        let e = b.to_u32()?;
        return Some(Value::Int(num_traits::pow(a, e as usize)));
    }
    if matches!(v, Value::Complex(..)) || matches!(w, Value::Complex(..)) {
        let (a, b) = (as_complex(v)?, as_complex(w)?);
        return complex_pow(a, b).map(|(r, i)| Value::Complex(r, i));
    }
    if let (Some(a), Some(b)) = (as_float(v), as_float(w)) {
        return float_pow_value(a, b);
    }
    None
}

fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Mirrors `c_powu`: binary exponentiation.
fn c_powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// Mirrors `complex_pow` (Objects/complexobject.c): small integral exponents by
/// repeated multiplication, others through polar form; None where CPython raises.
fn complex_pow(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            c_powu(a, n)
        } else {
            complex_div((1.0, 0.0), c_powu(a, -n))?
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return None;
    }
    Some(r)
}

/// Mirrors `float_pow` (Objects/floatobject.c) for finite operands: None where
/// CPython raises, a complex for a negative base with a fractional exponent.
fn float_pow_value(a: f64, b: f64) -> Option<Value> {
    if !a.is_finite() || !b.is_finite() {
        return None;
    }
    if b == 0.0 {
        return Some(Value::Float(1.0));
    }
    let is_odd_integer = |x: f64| x == x.floor() && (x % 2.0).abs() == 1.0;
    if a == 0.0 {
        if b < 0.0 {
            return None;
        }
        return Some(Value::Float(if is_odd_integer(b) { a } else { 0.0 }));
    }
    let mut iv = a;
    let mut negate = false;
    if iv < 0.0 {
        if b != b.floor() {
            return complex_pow((a, 0.0), (b, 0.0)).map(|(r, i)| Value::Complex(r, i));
        }
        iv = -iv;
        negate = is_odd_integer(b);
    }
    if iv == 1.0 {
        return Some(Value::Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = iv.powf(b);
    if r.is_infinite() {
        return None;
    }
    Some(Value::Float(if negate { -r } else { r }))
}

/// Mirrors `safe_lshift`.
fn safe_lshift(v: &Value, w: &Value) -> Option<Value> {
    let (a, b) = (as_int(v)?, as_int(w)?);
    if b.is_negative() {
        return None;
    }
    if !a.is_zero() && !b.is_zero() {
        let wbits = b.to_u64()?;
        let vbits = num_bits(&a);
        if wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits {
            return None;
        }
    }
    let shift = b.to_usize()?;
    Some(Value::Int(a << shift))
}

fn python_int_mod(a: &BigInt, b: &BigInt) -> Option<BigInt> {
    if b.is_zero() {
        return None;
    }
    Some(a.mod_floor(b))
}

/// Arithmetic on numbers, as `PyNumber_*` does it for int, bool, float and complex.
fn number_op(v: &Value, w: &Value, op: ast::Operator) -> Option<Value> {
    use ast::Operator::*;
    if !is_number(v) || !is_number(w) {
        return None;
    }
    if let (Some(a), Some(b)) = (as_int(v), as_int(w)) {
        let both_bool = matches!(v, Value::Bool(_)) && matches!(w, Value::Bool(_));
        return Some(match op {
            Add => Value::Int(a + b),
            Sub => Value::Int(a - b),
            Mult => Value::Int(a * b),
            Div => Value::Float(int_true_divide(&a, &b)?),
            FloorDiv => {
                if b.is_zero() {
                    return None;
                }
                Value::Int(a.div_floor(&b))
            }
            Mod => Value::Int(python_int_mod(&a, &b)?),
            RShift => {
                if b.is_negative() {
                    return None;
                }
                match b.to_usize() {
                    Some(s) => Value::Int(a >> s),
                    None => Value::Int(if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }),
                }
            }
            BitOr if both_bool => Value::Bool(!a.is_zero() || !b.is_zero()),
            BitAnd if both_bool => Value::Bool(!a.is_zero() && !b.is_zero()),
            BitXor if both_bool => Value::Bool(a.is_zero() != b.is_zero()),
            BitOr => Value::Int(a | b),
            BitAnd => Value::Int(a & b),
            BitXor => Value::Int(a ^ b),
            _ => return None,
        });
    }
    if matches!(v, Value::Complex(..)) || matches!(w, Value::Complex(..)) {
        let (ar, ai) = as_complex(v)?;
        let (br, bi) = as_complex(w)?;
        return Some(match op {
            Add => Value::Complex(ar + br, ai + bi),
            Sub => Value::Complex(ar - br, ai - bi),
            Mult => Value::Complex(ar * br - ai * bi, ar * bi + ai * br),
            Div => {
                let (r, i) = complex_div((ar, ai), (br, bi))?;
                Value::Complex(r, i)
            }
            _ => return None,
        });
    }
    let a = as_float(v)?;
    let b = as_float(w)?;
    Some(Value::Float(match op {
        Add => a + b,
        Sub => a - b,
        Mult => a * b,
        Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        FloorDiv => float_divmod(a, b)?.0,
        Mod => float_divmod(a, b)?.1,
        _ => return None,
    }))
}

/// Mirrors the operator table of `fold_binop`.
fn binop_value(v: &Value, w: &Value, op: ast::Operator) -> Option<Value> {
    use ast::Operator::*;
    match op {
        Add => match (v, w) {
            (Value::Str(a), Value::Str(b)) => Some(Value::Str(format!("{a}{b}"))),
            (Value::Bytes(a), Value::Bytes(b)) => {
                Some(Value::Bytes([a.as_slice(), b.as_slice()].concat()))
            }
            (Value::Tuple(a), Value::Tuple(b)) => {
                Some(Value::Tuple(a.iter().chain(b).cloned().collect()))
            }
            _ => number_op(v, w, op),
        },
        Mult => safe_multiply(v, w),
        Mod => {
            if matches!(v, Value::Str(_) | Value::Bytes(_)) {
                return None;
            }
            number_op(v, w, op)
        }
        Pow => safe_power(v, w),
        LShift => safe_lshift(v, w),
        MatMult => None,
        _ => number_op(v, w, op),
    }
}

fn unary_value(v: &Value, op: ast::UnaryOp) -> Option<Value> {
    use ast::UnaryOp::*;
    match op {
        Not => Some(Value::Bool(!truthy(v))),
        Invert => as_int(v).map(|i| Value::Int(-i - BigInt::one())),
        UAdd => match v {
            Value::Bool(b) => Some(Value::Int(BigInt::from(*b as u8))),
            Value::Int(_) | Value::Float(_) | Value::Complex(..) => Some(v.clone()),
            _ => None,
        },
        USub => match v {
            Value::Bool(b) => Some(Value::Int(-BigInt::from(*b as u8))),
            Value::Int(i) => Some(Value::Int(-i)),
            Value::Float(f) => Some(Value::Float(-f)),
            Value::Complex(r, i) => Some(Value::Complex(-r, -i)),
            _ => None,
        },
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::None => false,
        Value::Ellipsis => true,
        Value::Bool(b) => *b,
        Value::Int(i) => !i.is_zero(),
        Value::Float(f) => *f != 0.0,
        Value::Complex(r, i) => *r != 0.0 || *i != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::Tuple(t) | Value::FrozenSet(t) => !t.is_empty(),
    }
}

/// `PyObject_GetItem` on constants with an integer index.
fn subscript_value(v: &Value, idx: &Value) -> Option<Value> {
    let i = as_int(idx)?;
    let len = seq_len(v)? as i64;
    let mut i = i.to_i64()?;
    if i < 0 {
        i += len;
    }
    if i < 0 || i >= len {
        return None;
    }
    let i = i as usize;
    match v {
        Value::Str(s) if s.contains(crate::string_parser::SURROGATE_MARK) => None,
        Value::Str(s) => s.chars().nth(i).map(|c| Value::Str(c.to_string())),
        Value::Bytes(b) => Some(Value::Int(BigInt::from(b[i]))),
        Value::Tuple(t) => Some(t[i].clone()),
        _ => None,
    }
}

fn const_value(e: &ast::Expr) -> Option<Value> {
    match e {
        ast::Expr::Constant(c) => Some(to_value(c)),
        _ => None,
    }
}

/// Mirrors `make_const_tuple`.
fn make_const_tuple(elts: &[ast::Expr]) -> Option<Vec<Value>> {
    elts.iter().map(const_value).collect()
}

fn has_starred(elts: &[ast::Expr]) -> bool {
    elts.iter().any(|e| matches!(e, ast::Expr::Starred(_)))
}

impl State<'_> {
    fn enter(&mut self) -> Res {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::recursion());
        }
        Ok(())
    }

    /// Mirrors `astfold_body`: a body whose first statement only became a string by
    /// folding must not gain a docstring, so the string is wrapped in an f-string.
    fn fold_body(&mut self, body: &mut [ast::Stmt]) -> Res {
        let had_doc = get_docstring(body).is_some();
        for s in body.iter_mut() {
            self.fold_stmt(s)?;
        }
        if self.fold && !had_doc && get_docstring(body).is_some() {
            if let Some(ast::Stmt::Expr(e)) = body.first_mut() {
                let value = std::mem::replace(
                    &mut *e.value,
                    ast::Expr::Constant(ast::ExprConstant {
                        range: e.range,
                        value: ast::Constant::None,
                        kind: None,
                    }),
                );
                *e.value = ast::Expr::JoinedStr(ast::ExprJoinedStr {
                    range: e.range,
                    values: vec![value],
                });
            }
        }
        Ok(())
    }

    fn fold_stmts(&mut self, body: &mut [ast::Stmt]) -> Res {
        for s in body.iter_mut() {
            self.fold_stmt(s)?;
        }
        Ok(())
    }

    fn fold_exprs(&mut self, es: &mut [ast::Expr]) -> Res {
        for e in es.iter_mut() {
            self.fold_expr(e)?;
        }
        Ok(())
    }

    fn fold_annotation(&mut self, e: &mut ast::Expr) -> Res {
        if !self.future_annotations {
            self.fold_expr(e)?;
        }
        Ok(())
    }

    fn fold_arguments(&mut self, a: &mut ast::Arguments) -> Res {
        for arg in a
            .posonlyargs
            .iter_mut()
            .chain(a.args.iter_mut())
            .chain(a.kwonlyargs.iter_mut())
        {
            if let Some(ann) = &mut arg.def.annotation {
                self.fold_annotation(ann)?;
            }
        }
        for arg in a.vararg.iter_mut().chain(a.kwarg.iter_mut()) {
            if let Some(ann) = &mut arg.annotation {
                self.fold_annotation(ann)?;
            }
        }
        for arg in a.posonlyargs.iter_mut().chain(a.args.iter_mut()) {
            if let Some(d) = &mut arg.default {
                self.fold_expr(d)?;
            }
        }
        for arg in a.kwonlyargs.iter_mut() {
            if let Some(d) = &mut arg.default {
                self.fold_expr(d)?;
            }
        }
        Ok(())
    }

    fn fold_stmt(&mut self, s: &mut ast::Stmt) -> Res {
        self.enter()?;
        self.fold_stmt1(s)?;
        self.extend_compound_over_semicolon(s);
        self.depth -= 1;
        Ok(())
    }

    /// A compound statement whose block ends with `stmt;` ends, in CPython, after
    /// that ';' (the block's last token); rustpython stops at the statement.
    fn extend_compound_over_semicolon(&self, s: &mut ast::Stmt) {
        use ast::Stmt::*;
        let range = match s {
            FunctionDef(x) => &mut x.range,
            AsyncFunctionDef(x) => &mut x.range,
            ClassDef(x) => &mut x.range,
            For(x) => &mut x.range,
            AsyncFor(x) => &mut x.range,
            While(x) => &mut x.range,
            If(x) => &mut x.range,
            With(x) => &mut x.range,
            AsyncWith(x) => &mut x.range,
            Match(x) => &mut x.range,
            Try(x) => &mut x.range,
            TryStar(x) => &mut x.range,
            _ => return,
        };
        let Some(source) = self.source else {
            return;
        };
        let bytes = source.as_bytes();
        let mut i = range.end().to_usize();
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
            i += 1;
        }
        if bytes.get(i) == Some(&b';') {
            *range = ast::text_size::TextRange::new(
                range.start(),
                ast::text_size::TextSize::from((i + 1) as u32),
            );
        }
    }

    fn fold_stmt1(&mut self, s: &mut ast::Stmt) -> Res {
        use ast::Stmt::*;
        match s {
            FunctionDef(f) => {
                self.fold_arguments(&mut f.args)?;
                self.fold_body(&mut f.body)?;
                self.fold_exprs(&mut f.decorator_list)?;
                if let Some(r) = &mut f.returns {
                    self.fold_annotation(r)?;
                }
            }
            AsyncFunctionDef(f) => {
                self.fold_arguments(&mut f.args)?;
                self.fold_body(&mut f.body)?;
                self.fold_exprs(&mut f.decorator_list)?;
                if let Some(r) = &mut f.returns {
                    self.fold_annotation(r)?;
                }
            }
            ClassDef(c) => {
                self.fold_exprs(&mut c.bases)?;
                for k in &mut c.keywords {
                    self.fold_expr(&mut k.value)?;
                }
                self.fold_body(&mut c.body)?;
                self.fold_exprs(&mut c.decorator_list)?;
            }
            Return(r) => {
                if let Some(v) = &mut r.value {
                    self.fold_expr(v)?;
                }
            }
            Delete(d) => self.fold_exprs(&mut d.targets)?,
            Assign(a) => {
                self.fold_exprs(&mut a.targets)?;
                self.fold_expr(&mut a.value)?;
            }
            AugAssign(a) => {
                self.fold_expr(&mut a.target)?;
                self.fold_expr(&mut a.value)?;
            }
            AnnAssign(a) => {
                // rustpython calls `(x): int` simple; CPython's parser does not: a
                // parenthesised target starts after the statement.
                if self.source.is_some() && a.target.range().start() != a.range.start() {
                    a.simple = false;
                }
                self.fold_expr(&mut a.target)?;
                self.fold_annotation(&mut a.annotation)?;
                if let Some(v) = &mut a.value {
                    self.fold_expr(v)?;
                }
            }
            For(f) => {
                self.fold_expr(&mut f.target)?;
                self.fold_expr(&mut f.iter)?;
                self.fold_stmts(&mut f.body)?;
                self.fold_stmts(&mut f.orelse)?;
                if self.fold {
                    fold_iter(&mut f.iter);
                }
            }
            AsyncFor(f) => {
                self.fold_expr(&mut f.target)?;
                self.fold_expr(&mut f.iter)?;
                self.fold_stmts(&mut f.body)?;
                self.fold_stmts(&mut f.orelse)?;
            }
            While(w) => {
                self.fold_expr(&mut w.test)?;
                self.fold_stmts(&mut w.body)?;
                self.fold_stmts(&mut w.orelse)?;
            }
            If(i) => {
                self.fold_expr(&mut i.test)?;
                self.fold_stmts(&mut i.body)?;
                self.fold_stmts(&mut i.orelse)?;
            }
            With(w) => {
                for item in &mut w.items {
                    self.fold_expr(&mut item.context_expr)?;
                    if let Some(v) = &mut item.optional_vars {
                        self.fold_expr(v)?;
                    }
                }
                self.fold_stmts(&mut w.body)?;
            }
            AsyncWith(w) => {
                for item in &mut w.items {
                    self.fold_expr(&mut item.context_expr)?;
                    if let Some(v) = &mut item.optional_vars {
                        self.fold_expr(v)?;
                    }
                }
                self.fold_stmts(&mut w.body)?;
            }
            Match(m) => {
                // rustpython reads `match x,:` as `match x:`; CPython's subject is
                // the one-item tuple, ending after the comma.
                let end = m.subject.range().end().to_usize();
                let bytes = self.source.unwrap_or("").as_bytes();
                let mut i = end;
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
                    i += 1;
                }
                if bytes.get(i) == Some(&b',') && !matches!(&*m.subject, ast::Expr::Tuple(_)) {
                    let range = ast::text_size::TextRange::new(
                        m.subject.range().start(),
                        ast::text_size::TextSize::from((i + 1) as u32),
                    );
                    let item = std::mem::replace(
                        &mut *m.subject,
                        ast::Expr::Tuple(ast::ExprTuple {
                            range,
                            elts: vec![],
                            ctx: ast::ExprContext::Load,
                        }),
                    );
                    if let ast::Expr::Tuple(t) = &mut *m.subject {
                        t.elts.push(item);
                    }
                }
                // An unparenthesised subject tuple gets the whole statement's range
                // from rustpython; CPython's spans its items (and a trailing comma).
                if let ast::Expr::Tuple(t) = &mut *m.subject {
                    if self.source.is_some() && t.range.start() == m.range.start() {
                        if let (Some(first), Some(last)) = (t.elts.first(), t.elts.last()) {
                            let mut end = last.range().end().to_usize();
                            let mut i = end;
                            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
                                i += 1;
                            }
                            if bytes.get(i) == Some(&b',') {
                                end = i + 1;
                            }
                            t.range = ast::text_size::TextRange::new(
                                first.range().start(),
                                ast::text_size::TextSize::from(end as u32),
                            );
                        }
                    }
                }
                self.fold_expr(&mut m.subject)?;
                for case in &mut m.cases {
                    self.fold_pattern(&mut case.pattern)?;
                    if let Some(g) = &mut case.guard {
                        self.fold_expr(g)?;
                    }
                    self.fold_stmts(&mut case.body)?;
                }
            }
            Raise(r) => {
                if let Some(e) = &mut r.exc {
                    self.fold_expr(e)?;
                }
                if let Some(c) = &mut r.cause {
                    self.fold_expr(c)?;
                }
            }
            Try(t) => {
                self.fold_stmts(&mut t.body)?;
                self.fold_handlers(&mut t.handlers)?;
                self.fold_stmts(&mut t.orelse)?;
                self.fold_stmts(&mut t.finalbody)?;
            }
            TryStar(t) => {
                self.fold_stmts(&mut t.body)?;
                self.fold_handlers(&mut t.handlers)?;
                self.fold_stmts(&mut t.orelse)?;
                self.fold_stmts(&mut t.finalbody)?;
            }
            Assert(a) => {
                self.fold_expr(&mut a.test)?;
                if let Some(m) = &mut a.msg {
                    self.fold_expr(m)?;
                }
            }
            Expr(e) => self.fold_expr(&mut e.value)?,
            _ => {}
        }
        Ok(())
    }

    /// In `f(x for x in y)` CPython's generator expression spans the call's
    /// parentheses (they are its own); rustpython's stops inside them.
    fn fix_genexp_argument_range(&self, c: &mut ast::ExprCall) {
        if c.args.len() != 1 || !c.keywords.is_empty() {
            return;
        }
        let func_end = c.func.range().end().to_usize();
        let ast::Expr::GeneratorExp(g) = &mut c.args[0] else {
            return;
        };
        let Some(source) = self.source else {
            return;
        };
        let bytes = source.as_bytes();
        let start = g.range.start().to_usize();
        // A parenthesised generator expression's own '(' closes at its end.
        if bytes.get(start) == Some(&b'(')
            && matching_paren(bytes, start) == Some(g.range.end().to_usize() - 1)
        {
            return;
        }
        // The call's '(' follows the callee, and only blanks and comments separate
        // it from the generator expression.
        let skip_blank = |mut i: usize| loop {
            match bytes.get(i) {
                Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') => i += 1,
                Some(b'\\') if matches!(bytes.get(i + 1), Some(b'\n' | b'\r')) => i += 2,
                Some(b'#') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => return i,
            }
        };
        let open = skip_blank(func_end);
        if bytes.get(open) == Some(&b'(') && skip_blank(open + 1) == start {
            let open = ast::text_size::TextSize::from(open as u32);
            g.range = ast::text_size::TextRange::new(open, c.range.end());
        }
    }

    fn fold_handlers(&mut self, hs: &mut [ast::ExceptHandler]) -> Res {
        for h in hs {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if let Some(t) = &mut h.type_ {
                self.fold_expr(t)?;
            }
            self.fold_stmts(&mut h.body)?;
        }
        Ok(())
    }

    fn fold_pattern(&mut self, p: &mut ast::Pattern) -> Res {
        self.enter()?;
        use ast::Pattern::*;
        match p {
            MatchValue(v) => self.fold_expr(&mut v.value)?,
            MatchSingleton(_) | MatchStar(_) => {}
            MatchSequence(s) => {
                for x in &mut s.patterns {
                    self.fold_pattern(x)?;
                }
            }
            MatchMapping(m) => {
                self.fold_exprs(&mut m.keys)?;
                for x in &mut m.patterns {
                    self.fold_pattern(x)?;
                }
            }
            MatchClass(c) => {
                self.fold_expr(&mut c.cls)?;
                for x in c.patterns.iter_mut().chain(c.kwd_patterns.iter_mut()) {
                    self.fold_pattern(x)?;
                }
            }
            MatchAs(a) => {
                if let Some(x) = &mut a.pattern {
                    self.fold_pattern(x)?;
                }
            }
            MatchOr(o) => {
                for x in &mut o.patterns {
                    self.fold_pattern(x)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn fold_comprehensions(&mut self, gens: &mut [ast::Comprehension]) -> Res {
        for g in gens {
            self.fold_expr(&mut g.target)?;
            self.fold_expr(&mut g.iter)?;
            self.fold_exprs(&mut g.ifs)?;
            if self.fold {
                fold_iter(&mut g.iter);
            }
        }
        Ok(())
    }

    fn fold_expr(&mut self, e: &mut ast::Expr) -> Res {
        self.enter()?;
        self.fold_expr1(e)?;
        self.depth -= 1;
        Ok(())
    }

    fn fold_expr1(&mut self, e: &mut ast::Expr) -> Res {
        use ast::Expr::*;
        match e {
            BoolOp(b) => self.fold_exprs(&mut b.values)?,
            BinOp(b) => {
                self.fold_expr(&mut b.left)?;
                self.fold_expr(&mut b.right)?;
                if self.fold {
                    fold_binop(e);
                }
            }
            UnaryOp(u) => {
                self.fold_expr(&mut u.operand)?;
                if self.fold {
                    fold_unaryop(e);
                }
            }
            Lambda(l) => {
                self.fold_arguments(&mut l.args)?;
                self.fold_expr(&mut l.body)?;
            }
            IfExp(i) => {
                self.fold_expr(&mut i.test)?;
                self.fold_expr(&mut i.body)?;
                self.fold_expr(&mut i.orelse)?;
            }
            Dict(d) => {
                for k in d.keys.iter_mut().flatten() {
                    self.fold_expr(k)?;
                }
                self.fold_exprs(&mut d.values)?;
            }
            Set(s) => self.fold_exprs(&mut s.elts)?,
            ListComp(c) => {
                self.fold_expr(&mut c.elt)?;
                self.fold_comprehensions(&mut c.generators)?;
            }
            SetComp(c) => {
                self.fold_expr(&mut c.elt)?;
                self.fold_comprehensions(&mut c.generators)?;
            }
            DictComp(c) => {
                self.fold_expr(&mut c.key)?;
                self.fold_expr(&mut c.value)?;
                self.fold_comprehensions(&mut c.generators)?;
            }
            GeneratorExp(c) => {
                self.fold_expr(&mut c.elt)?;
                self.fold_comprehensions(&mut c.generators)?;
            }
            Await(a) => self.fold_expr(&mut a.value)?,
            Yield(y) => {
                if let Some(v) = &mut y.value {
                    self.fold_expr(v)?;
                }
            }
            YieldFrom(y) => self.fold_expr(&mut y.value)?,
            Compare(c) => {
                self.fold_expr(&mut c.left)?;
                self.fold_exprs(&mut c.comparators)?;
                // `x in [a, b]` / `x in {a, b}`: the last comparator becomes a
                // tuple or frozenset.
                if let (Some(op), Some(last)) = (c.ops.last(), c.comparators.last_mut()) {
                    if self.fold && matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                        fold_iter(last);
                    }
                }
            }
            Call(c) => {
                self.fix_genexp_argument_range(c);
                self.fold_expr(&mut c.func)?;
                self.fold_exprs(&mut c.args)?;
                for k in &mut c.keywords {
                    self.fold_expr(&mut k.value)?;
                }
            }
            FormattedValue(f) => {
                self.fold_expr(&mut f.value)?;
                if let Some(s) = &mut f.format_spec {
                    self.fold_expr(s)?;
                }
            }
            JoinedStr(j) => self.fold_exprs(&mut j.values)?,
            Attribute(a) => self.fold_expr(&mut a.value)?,
            Subscript(s) => {
                // `x[*a]`: CPython's slice is a one-item tuple (PEP 646).
                if let ast::Expr::Starred(st) = &*s.slice {
                    let range = st.range;
                    let starred = std::mem::replace(
                        &mut *s.slice,
                        ast::Expr::Tuple(ast::ExprTuple {
                            range,
                            elts: vec![],
                            ctx: ast::ExprContext::Load,
                        }),
                    );
                    if let ast::Expr::Tuple(t) = &mut *s.slice {
                        t.elts.push(starred);
                    }
                }
                self.fold_expr(&mut s.value)?;
                self.fold_expr(&mut s.slice)?;
                if self.fold && matches!(s.ctx, ast::ExprContext::Load) {
                    if let (Some(v), Some(i)) = (const_value(&s.value), const_value(&s.slice)) {
                        let r = subscript_value(&v, &i);
                        make_const(e, r);
                    }
                }
            }
            Starred(s) => self.fold_expr(&mut s.value)?,
            Slice(s) => {
                for x in [&mut s.lower, &mut s.upper, &mut s.step]
                    .into_iter()
                    .flatten()
                {
                    self.fold_expr(x)?;
                }
            }
            List(l) => self.fold_exprs(&mut l.elts)?,
            Tuple(t) => {
                self.fold_exprs(&mut t.elts)?;
                if self.fold && matches!(t.ctx, ast::ExprContext::Load) {
                    let v = make_const_tuple(&t.elts).map(Value::Tuple);
                    make_const(e, v);
                }
            }
            Name(n) => {
                if self.fold && matches!(n.ctx, ast::ExprContext::Load) && &*n.id == "__debug__" {
                    let v = Value::Bool(self.optimize == 0);
                    make_const(e, Some(v));
                }
            }
            NamedExpr(n) => {
                self.fold_expr(&mut n.target)?;
                self.fold_expr(&mut n.value)?;
                // CPython's `x := (v)` ends after the parenthesis; rustpython's
                // ends with v.
                let end = n.value.range().end().to_usize();
                let start = n.value.range().start().to_usize();
                let bytes = self.source.unwrap_or("").as_bytes();
                let mut i = start.min(bytes.len());
                while i > 0 && matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r' | b'\\') {
                    i -= 1;
                }
                if i > 0 && bytes[i - 1] == b'(' {
                    if let Some(close) = matching_paren(bytes, i - 1) {
                        if close >= end && close + 1 > n.range.end().to_usize() {
                            let new_end = ast::text_size::TextSize::from((close + 1) as u32);
                            n.range = ast::text_size::TextRange::new(n.range.start(), new_end);
                        }
                    }
                }
            }
            Constant(c) => {
                // Lone surrogates: rustpython turned them into U+FFFD; decode the
                // literal again from the source (see string_parser.rs).
                if let ast::Constant::Str(_) = c.value {
                    let text = self
                        .source
                        .unwrap_or("")
                        .get(c.range.start().to_usize()..c.range.end().to_usize())
                        .unwrap_or("");
                    if crate::string_parser::has_surrogate_escape(text) {
                        if let Some(cps) = crate::string_parser::decode_literals(text) {
                            c.value = ast::Constant::Str(crate::string_parser::encode_marked(&cps));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// Mirrors `fold_iter`: a list display being iterated becomes a tuple (a constant
/// one when it can), a set display of constants a frozenset.
fn fold_iter(e: &mut ast::Expr) {
    match e {
        ast::Expr::List(l) => {
            if has_starred(&l.elts) {
                return;
            }
            let elts = std::mem::take(&mut l.elts);
            let range = l.range;
            let v = make_const_tuple(&elts).map(Value::Tuple);
            *e = ast::Expr::Tuple(ast::ExprTuple {
                range,
                elts,
                ctx: ast::ExprContext::Load,
            });
            make_const(e, v);
        }
        ast::Expr::Set(s) => {
            let v = make_const_tuple(&s.elts).map(Value::FrozenSet);
            make_const(e, v);
        }
        _ => {}
    }
}

/// Mirrors `fold_unaryop`, including turning `not (a is b)` into `a is not b`.
fn fold_unaryop(e: &mut ast::Expr) {
    let ast::Expr::UnaryOp(u) = e else { return };
    match &mut *u.operand {
        ast::Expr::Constant(c) => {
            let v = unary_value(&to_value(c), u.op);
            make_const(e, v);
        }
        ast::Expr::Compare(c) if matches!(u.op, ast::UnaryOp::Not) && c.ops.len() == 1 => {
            let new = match c.ops[0] {
                ast::CmpOp::Is => ast::CmpOp::IsNot,
                ast::CmpOp::IsNot => ast::CmpOp::Is,
                ast::CmpOp::In => ast::CmpOp::NotIn,
                ast::CmpOp::NotIn => ast::CmpOp::In,
                _ => return,
            };
            c.ops[0] = new;
            let range = c.range;
            let operand = std::mem::replace(
                &mut *u.operand,
                ast::Expr::Constant(ast::ExprConstant {
                    range,
                    value: ast::Constant::None,
                    kind: None,
                }),
            );
            *e = operand;
        }
        _ => {}
    }
}

/// Mirrors `fold_binop`.
fn fold_binop(e: &mut ast::Expr) {
    let ast::Expr::BinOp(b) = e else { return };
    let Some(lv) = const_value(&b.left) else {
        return;
    };
    if let (ast::Operator::Mod, Value::Str(fmt), ast::Expr::Tuple(t)) = (b.op, &lv, &*b.right) {
        if !has_starred(&t.elts) {
            if let Some(joined) = optimize_format(fmt, &t.elts, b.range) {
                *e = joined;
            }
            return;
        }
    }
    let Some(rv) = const_value(&b.right) else {
        return;
    };
    let v = binop_value(&lv, &rv, b.op);
    make_const(e, v);
}

/// The index of the bracket closing the one at `open` (strings skipped roughly:
/// quotes toggle, backslashes escape).
pub(crate) fn matching_paren(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = open;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'\'' | b'"' => quote = Some(b),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    None
}

fn located_none() -> ast::text_size::TextRange {
    ast::text_size::TextRange::default()
}

/// Mirrors `optimize_format`: `'%s and %r' % (a, b)` becomes `f'{a!s} and {b!r}'`
/// when every conversion is a simple `%s`, `%r` or `%a`.
fn optimize_format(
    fmt: &str,
    elts: &[ast::Expr],
    range: ast::text_size::TextRange,
) -> Option<ast::Expr> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    let mut cnt = 0;
    let mut seq = Vec::new();
    loop {
        if let Some(lit) = parse_literal(&chars, &mut pos) {
            seq.push(lit);
        }
        if pos >= chars.len() {
            break;
        }
        if cnt >= elts.len() {
            return None;
        }
        pos += 1;
        let expr = parse_format(&chars, &mut pos, &elts[cnt])?;
        cnt += 1;
        seq.push(expr);
    }
    if cnt < elts.len() {
        return None;
    }
    Some(ast::Expr::JoinedStr(ast::ExprJoinedStr {
        range,
        values: seq,
    }))
}

/// A constant without a location (CPython gives these -1 positions); the code
/// generator recognises the empty range.
fn unlocated_str(s: String) -> ast::Expr {
    ast::Expr::Constant(ast::ExprConstant {
        range: located_none(),
        value: ast::Constant::Str(s),
        kind: None,
    })
}

fn parse_literal(chars: &[char], ppos: &mut usize) -> Option<ast::Expr> {
    let start = *ppos;
    let mut pos = start;
    let mut has_percents = false;
    while pos < chars.len() {
        if chars[pos] != '%' {
            pos += 1;
        } else if pos + 1 < chars.len() && chars[pos + 1] == '%' {
            has_percents = true;
            pos += 2;
        } else {
            break;
        }
    }
    *ppos = pos;
    if pos == start {
        return None;
    }
    let mut s: String = chars[start..pos].iter().collect();
    if has_percents {
        s = s.replace("%%", "%");
    }
    Some(unlocated_str(s))
}

const MAXDIGITS: u32 = 3;

fn parse_format(chars: &[char], ppos: &mut usize, arg: &ast::Expr) -> Option<ast::Expr> {
    let mut pos = *ppos;
    let mut next = || -> Option<char> {
        let c = chars.get(pos).copied();
        pos += 1;
        c
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match ch {
            '-' => ljust = true,
            '+' | ' ' | '#' | '0' => {}
            _ => break,
        }
    }
    let mut width: i32 = -1;
    let mut prec: i32 = -1;
    if ch.is_ascii_digit() {
        width = 0;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            width = width * 10 + ch.to_digit(10)? as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if ch == '.' {
        ch = next()?;
        prec = 0;
        if ch.is_ascii_digit() {
            let mut digits = 0;
            while ch.is_ascii_digit() {
                prec = prec * 10 + ch.to_digit(10)? as i32;
                ch = next()?;
                digits += 1;
                if digits >= MAXDIGITS {
                    return None;
                }
            }
        }
    }
    *ppos = pos;
    let conversion = match ch {
        's' => ast::ConversionFlag::Str,
        'r' => ast::ConversionFlag::Repr,
        'a' => ast::ConversionFlag::Ascii,
        _ => return None,
    };
    let mut spec = String::new();
    if !ljust && width > 0 {
        spec.push('>');
    }
    if width >= 0 {
        spec += &width.to_string();
    }
    if prec >= 0 {
        spec += &format!(".{prec}");
    }
    let format_spec = if spec.is_empty() {
        None
    } else {
        Some(Box::new(unlocated_str(spec)))
    };
    Some(ast::Expr::FormattedValue(ast::ExprFormattedValue {
        range: arg.range(),
        value: Box::new(arg.clone()),
        conversion,
        format_spec,
    }))
}

#[allow(dead_code)]
fn sign_of(i: &BigInt) -> Sign {
    i.sign()
}
