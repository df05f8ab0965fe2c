//! Turning an expression back into source text, for annotations under
//! `from __future__ import annotations`. Mirrors Python/ast_unparse.c (CPython 3.11).
//!
//! Differences from CPython: only what annotations need is guaranteed to match;
//! see `KNOWN_GAPS.md`.

use rustpython_parser::ast;

/// Recursion guard failure.
#[derive(Debug)]
pub struct TooDeep;

pub fn unparse_annotation(e: &ast::Expr) -> Result<String, TooDeep> {
    let mut out = String::new();
    Unparser {
        out: &mut out,
        depth: 0,
    }
    .expr(e, PR_TEST)?;
    Ok(out)
}

// Precedence levels of ast_unparse.c.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
/// `PR_EXPR` in ast_unparse.c: what may follow `*` in an expression list.
const PR_EXPR: u8 = 6;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

struct Unparser<'o> {
    out: &'o mut String,
    depth: usize,
}

impl<'o> Unparser<'o> {
    fn w(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn expr(&mut self, e: &ast::Expr, level: u8) -> Result<(), TooDeep> {
        self.depth += 1;
        if self.depth > 3000 {
            return Err(TooDeep);
        }
        self.expr1(e, level)?;
        self.depth -= 1;
        Ok(())
    }

    fn seq(&mut self, es: &[ast::Expr], level: u8) -> Result<(), TooDeep> {
        for (i, x) in es.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.expr(x, level)?;
        }
        Ok(())
    }

    fn expr1(&mut self, e: &ast::Expr, level: u8) -> Result<(), TooDeep> {
        use ast::Expr::*;
        match e {
            BoolOp(b) => {
                let (op, pr) = match b.op {
                    ast::BoolOp::And => (" and ", PR_AND),
                    ast::BoolOp::Or => (" or ", PR_OR),
                };
                let paren = level > pr;
                if paren {
                    self.w("(");
                }
                for (i, v) in b.values.iter().enumerate() {
                    if i > 0 {
                        self.w(op);
                    }
                    self.expr(v, pr + 1)?;
                }
                if paren {
                    self.w(")");
                }
            }
            BinOp(b) => {
                use ast::Operator::*;
                let (op, pr) = match b.op {
                    Add => (" + ", PR_ARITH),
                    Sub => (" - ", PR_ARITH),
                    Mult => (" * ", PR_TERM),
                    MatMult => (" @ ", PR_TERM),
                    Div => (" / ", PR_TERM),
                    Mod => (" % ", PR_TERM),
                    LShift => (" << ", PR_SHIFT),
                    RShift => (" >> ", PR_SHIFT),
                    BitOr => (" | ", PR_BOR),
                    BitXor => (" ^ ", PR_BXOR),
                    BitAnd => (" & ", PR_BAND),
                    FloorDiv => (" // ", PR_TERM),
                    Pow => (" ** ", PR_POWER),
                };
                let rassoc = matches!(b.op, Pow);
                let paren = level > pr;
                if paren {
                    self.w("(");
                }
                self.expr(&b.left, pr + rassoc as u8)?;
                self.w(op);
                self.expr(&b.right, pr + !rassoc as u8)?;
                if paren {
                    self.w(")");
                }
            }
            UnaryOp(u) => {
                let (op, pr) = match u.op {
                    ast::UnaryOp::Invert => ("~", PR_FACTOR),
                    ast::UnaryOp::Not => ("not ", PR_NOT),
                    ast::UnaryOp::UAdd => ("+", PR_FACTOR),
                    ast::UnaryOp::USub => ("-", PR_FACTOR),
                };
                let paren = level > pr;
                if paren {
                    self.w("(");
                }
                self.w(op);
                self.expr(&u.operand, pr)?;
                if paren {
                    self.w(")");
                }
            }
            Name(n) => self.w(&n.id),
            Constant(c) => self.constant(&c.value),
            Attribute(a) => {
                self.expr(&a.value, PR_ATOM)?;
                if let ast::Expr::Constant(c) = &*a.value {
                    if matches!(c.value, ast::Constant::Int(_)) {
                        self.w(" ");
                    }
                }
                self.w(".");
                self.w(&a.attr);
            }
            Subscript(s) => {
                self.expr(&s.value, PR_ATOM)?;
                self.w("[");
                match &*s.slice {
                    ast::Expr::Tuple(t) if !t.elts.is_empty() => {
                        self.seq(&t.elts, PR_TEST)?;
                        if t.elts.len() == 1 {
                            self.w(",");
                        }
                    }
                    other => self.expr(other, PR_TUPLE)?,
                }
                self.w("]");
            }
            Tuple(t) => {
                if t.elts.is_empty() {
                    self.w("()");
                } else {
                    let paren = level > PR_TUPLE;
                    if paren {
                        self.w("(");
                    }
                    self.seq(&t.elts, PR_TEST)?;
                    if t.elts.len() == 1 {
                        self.w(",");
                    }
                    if paren {
                        self.w(")");
                    }
                }
            }
            List(l) => {
                self.w("[");
                self.seq(&l.elts, PR_TEST)?;
                self.w("]");
            }
            Set(s) => {
                self.w("{");
                self.seq(&s.elts, PR_TEST)?;
                self.w("}");
            }
            Dict(d) => {
                self.w("{");
                for (i, (k, v)) in d.keys.iter().zip(&d.values).enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    match k {
                        Some(k) => {
                            self.expr(k, PR_TEST)?;
                            self.w(": ");
                            self.expr(v, PR_TEST)?;
                        }
                        None => {
                            self.w("**");
                            self.expr(v, PR_BOR)?;
                        }
                    }
                }
                self.w("}");
            }
            Call(c) => {
                self.expr(&c.func, PR_ATOM)?;
                self.w("(");
                let mut first = true;
                for a in &c.args {
                    if !first {
                        self.w(", ");
                    }
                    first = false;
                    self.expr(a, PR_TEST)?;
                }
                for k in &c.keywords {
                    if !first {
                        self.w(", ");
                    }
                    first = false;
                    match &k.arg {
                        Some(n) => {
                            self.w(n);
                            self.w("=");
                        }
                        None => self.w("**"),
                    }
                    self.expr(&k.value, PR_TEST)?;
                }
                self.w(")");
            }
            Starred(s) => {
                self.w("*");
                self.expr(&s.value, PR_EXPR)?;
            }
            Compare(c) => {
                let paren = level > PR_CMP;
                if paren {
                    self.w("(");
                }
                self.expr(&c.left, PR_CMP + 1)?;
                for (op, right) in c.ops.iter().zip(&c.comparators) {
                    use ast::CmpOp::*;
                    self.w(match op {
                        Eq => " == ",
                        NotEq => " != ",
                        Lt => " < ",
                        LtE => " <= ",
                        Gt => " > ",
                        GtE => " >= ",
                        Is => " is ",
                        IsNot => " is not ",
                        In => " in ",
                        NotIn => " not in ",
                    });
                    self.expr(right, PR_CMP + 1)?;
                }
                if paren {
                    self.w(")");
                }
            }
            IfExp(i) => {
                let paren = level > PR_TEST;
                if paren {
                    self.w("(");
                }
                self.expr(&i.body, PR_TEST + 1)?;
                self.w(" if ");
                self.expr(&i.test, PR_TEST + 1)?;
                self.w(" else ");
                self.expr(&i.orelse, PR_TEST)?;
                if paren {
                    self.w(")");
                }
            }
            Slice(s) => {
                if let Some(l) = &s.lower {
                    self.expr(l, PR_TEST)?;
                }
                self.w(":");
                if let Some(u) = &s.upper {
                    self.expr(u, PR_TEST)?;
                }
                if let Some(st) = &s.step {
                    self.w(":");
                    self.expr(st, PR_TEST)?;
                }
            }
            Await(a) => {
                let paren = level > PR_AWAIT;
                if paren {
                    self.w("(");
                }
                self.w("await ");
                self.expr(&a.value, PR_ATOM)?;
                if paren {
                    self.w(")");
                }
            }
            Lambda(l) => {
                let paren = level > PR_TEST;
                if paren {
                    self.w("(");
                }
                let a = &l.args;
                let has_args = !(a.posonlyargs.is_empty()
                    && a.args.is_empty()
                    && a.vararg.is_none()
                    && a.kwonlyargs.is_empty()
                    && a.kwarg.is_none());
                self.w(if has_args { "lambda " } else { "lambda" });
                self.arguments(a)?;
                self.w(": ");
                self.expr(&l.body, PR_TEST)?;
                if paren {
                    self.w(")");
                }
            }
            NamedExpr(n) => {
                let paren = level > PR_TUPLE;
                if paren {
                    self.w("(");
                }
                self.expr(&n.target, PR_ATOM)?;
                self.w(" := ");
                self.expr(&n.value, PR_ATOM)?;
                if paren {
                    self.w(")");
                }
            }
            ListComp(c) => {
                self.w("[");
                self.expr(&c.elt, PR_TEST)?;
                self.comprehensions(&c.generators)?;
                self.w("]");
            }
            SetComp(c) => {
                self.w("{");
                self.expr(&c.elt, PR_TEST)?;
                self.comprehensions(&c.generators)?;
                self.w("}");
            }
            DictComp(c) => {
                self.w("{");
                self.expr(&c.key, PR_TEST)?;
                self.w(": ");
                self.expr(&c.value, PR_TEST)?;
                self.comprehensions(&c.generators)?;
                self.w("}");
            }
            GeneratorExp(c) => {
                self.w("(");
                self.expr(&c.elt, PR_TEST)?;
                self.comprehensions(&c.generators)?;
                self.w(")");
            }
            JoinedStr(j) => {
                let body = self.fstring_body(&j.values)?;
                self.w("f");
                self.w(&str_repr(&body));
            }
            FormattedValue(_) => {
                let body = self.fstring_body(std::slice::from_ref(e))?;
                self.w("f");
                self.w(&str_repr(&body));
            }
            _ => self.w("..."),
        }
        Ok(())
    }

    /// Mirrors `build_fstring_body`: the text between the quotes of an f-string.
    fn fstring_body(&mut self, values: &[ast::Expr]) -> Result<String, TooDeep> {
        let mut body = String::new();
        for v in values {
            match v {
                ast::Expr::Constant(c) => {
                    if let ast::Constant::Str(t) = &c.value {
                        body.push_str(&t.replace('{', "{{").replace('}', "}}"));
                    }
                }
                ast::Expr::FormattedValue(f) => {
                    let mut inner = String::new();
                    Unparser {
                        out: &mut inner,
                        depth: self.depth,
                    }
                    .expr(&f.value, PR_TEST + 1)?;
                    body.push('{');
                    if inner.starts_with('{') {
                        body.push(' ');
                    }
                    body.push_str(&inner);
                    body.push_str(match f.conversion {
                        ast::ConversionFlag::None => "",
                        ast::ConversionFlag::Str => "!s",
                        ast::ConversionFlag::Repr => "!r",
                        ast::ConversionFlag::Ascii => "!a",
                    });
                    if let Some(spec) = &f.format_spec {
                        body.push(':');
                        match &**spec {
                            ast::Expr::JoinedStr(js) => {
                                let s = self.fstring_body(&js.values)?;
                                body.push_str(&s);
                            }
                            other => {
                                let s = self.fstring_body(std::slice::from_ref(other))?;
                                body.push_str(&s);
                            }
                        }
                    }
                    body.push('}');
                }
                _ => {}
            }
        }
        Ok(body)
    }

    fn comprehensions(&mut self, gens: &[ast::Comprehension]) -> Result<(), TooDeep> {
        for g in gens {
            self.w(if g.is_async { " async for " } else { " for " });
            self.expr(&g.target, PR_TUPLE)?;
            self.w(" in ");
            self.expr(&g.iter, PR_TEST + 1)?;
            for cond in &g.ifs {
                self.w(" if ");
                self.expr(cond, PR_TEST + 1)?;
            }
        }
        Ok(())
    }

    /// Mirrors `append_ast_args`.
    fn arguments(&mut self, a: &ast::Arguments) -> Result<(), TooDeep> {
        let mut first = true;
        let mut sep = |u: &mut Self| {
            if !first {
                u.w(", ");
            }
            first = false;
        };
        let npos = a.posonlyargs.len();
        for (i, arg) in a.posonlyargs.iter().chain(&a.args).enumerate() {
            sep(self);
            self.w(&arg.def.arg);
            if let Some(d) = &arg.default {
                self.w("=");
                self.expr(d, PR_TEST)?;
            }
            if i + 1 == npos {
                self.w(", /");
            }
        }
        if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
            sep(self);
            self.w("*");
            if let Some(v) = &a.vararg {
                self.w(&v.arg);
            }
        }
        for arg in &a.kwonlyargs {
            sep(self);
            self.w(&arg.def.arg);
            if let Some(d) = &arg.default {
                self.w("=");
                self.expr(d, PR_TEST)?;
            }
        }
        if let Some(k) = &a.kwarg {
            sep(self);
            self.w("**");
            self.w(&k.arg);
        }
        Ok(())
    }

    fn constant(&mut self, c: &ast::Constant) {
        match c {
            ast::Constant::None => self.w("None"),
            ast::Constant::Ellipsis => self.w("..."),
            ast::Constant::Bool(b) => self.w(if *b { "True" } else { "False" }),
            ast::Constant::Int(i) => self.w(&i.to_string()),
            ast::Constant::Str(s) => {
                let r = str_repr(s);
                self.w(&r);
            }
            ast::Constant::Float(f) => {
                let r = if f.is_infinite() {
                    INF_TEXT.to_string()
                } else {
                    float_repr(*f)
                };
                self.w(&r);
            }
            ast::Constant::Complex { real, imag } => {
                let r = complex_repr(*real, *imag);
                self.w(&r);
            }
            ast::Constant::Bytes(b) => {
                let r = bytes_repr(b);
                self.w(&r);
            }
            ast::Constant::Tuple(items) => {
                self.w("(");
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.constant(x);
                }
                if items.len() == 1 {
                    self.w(",");
                }
                self.w(")");
            }
        }
    }
}

/// `repr()` of a str: single quotes unless the text has a single quote and no
/// double quote.
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `repr()` of a constant, for error messages.
pub fn constant_repr(c: &ast::Constant) -> String {
    let mut out = String::new();
    Unparser {
        out: &mut out,
        depth: 0,
    }
    .constant(c);
    out
}

/// How ast_unparse.c writes an infinite float: a literal that overflows to it.
const INF_TEXT: &str = "1e309";

/// The shortest decimal digits of a finite, non-zero |x| and its decimal exponent
/// (x = 0.d1d2... * 10^decpt), from Rust's shortest round-trip formatting.
fn shortest_digits(x: f64) -> (String, i32) {
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0').to_string();
    let exp: i32 = exp.parse().unwrap_or(0);
    (
        if digits.is_empty() {
            "0".into()
        } else {
            digits
        },
        exp + 1,
    )
}

/// `repr(float)`: shortest round-trip digits, fixed notation for exponents from
/// -4 to 16, `.0` on integral values (`float_repr_style == 'short'`).
pub fn float_repr(x: f64) -> String {
    float_format(x, true)
}

fn float_format(x: f64, add_dot_0: bool) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0{}", if add_dot_0 { ".0" } else { "" });
    }
    let (digits, decpt) = shortest_digits(x);
    let n = digits.len() as i32;
    if decpt <= -4 || decpt > 16 {
        let exp = decpt - 1;
        let mant = if n == 1 {
            digits.clone()
        } else {
            format!("{}.{}", &digits[..1], &digits[1..])
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{mant}e{esign}{:02}", exp.abs());
    }
    let body = if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt >= n {
        let int = format!("{}{}", digits, "0".repeat((decpt - n) as usize));
        if add_dot_0 {
            format!("{int}.0")
        } else {
            int
        }
    } else {
        format!(
            "{}.{}",
            &digits[..decpt as usize],
            &digits[decpt as usize..]
        )
    };
    format!("{sign}{body}")
}

/// `repr(complex)` as ast_unparse.c writes it (infinities as `1e309`).
fn complex_repr(real: f64, imag: f64) -> String {
    let part = |x: f64| {
        if x.is_infinite() {
            format!("{}{INF_TEXT}", if x < 0.0 { "-" } else { "" })
        } else {
            float_format(x, false)
        }
    };
    if real == 0.0 && !real.is_sign_negative() {
        return format!("{}j", part(imag));
    }
    let im = part(imag);
    let im = if im.starts_with('-') {
        im
    } else {
        format!("+{im}")
    };
    format!("({}{}j)", part(real), im)
}

/// `repr(bytes)`.
fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (123.456, "123.456"),
            (-0.0, "-0.0"),
            (1e300, "1e+300"),
            (2.5e-300, "2.5e-300"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want);
        }
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(1.0, -2.5), "(1-2.5j)");
        assert_eq!(bytes_repr(b"a'\x00"), "b\"a'\\x00\"");
    }
}
