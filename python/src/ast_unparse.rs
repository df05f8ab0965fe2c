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
            _ => self.w("..."),
        }
        Ok(())
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
            _ => self.w("..."),
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
