//! `_PyAST_Validate`: the checks `compile()` makes of an AST built from `ast` node
//! objects before compiling it. Mirrors Python/ast.c (CPython 3.11).
//!
//! Differences from CPython: the tree checked is rustpython's AST as
//! python_ast_obj2ast.rs made it, with the nodes' positions and the errors for
//! what that AST cannot hold (a Constant of a rejected type, a negative
//! ImportFrom level, ...) beside it, both indexed by the node's provisional
//! offset. Those errors are raised where CPython's checks would find them.

use std::collections::HashMap;

use objects::prelude::*;
use rustpython_parser::ast::{self, text_size::TextRange, Ranged};

use crate::python_ast_obj2ast::{node_id, Loc, Obj2Ast};

/// `struct validator`: the recursion budget, and what obj2ast recorded.
struct Validator<'a> {
    locs: &'a [Option<Loc>],
    deferred: &'a mut HashMap<u32, PyErr>,
    deferred_args: &'a mut HashMap<u32, PyErr>,
    /// `recursion_limit - recursion_depth`, both scaled by
    /// `COMPILER_STACK_FRAME_SCALE` (3) as in CPython.
    budget: i64,
}

type VResult = PyResult<()>;

fn recursion() -> PyErr {
    PyErr_SetString(
        &objects::exceptions::PyExc_RecursionError,
        "maximum recursion depth exceeded during compilation",
    )
}

fn ctx_name(ctx: ast::ExprContext) -> &'static str {
    match ctx {
        ast::ExprContext::Load => "Load",
        ast::ExprContext::Store => "Store",
        ast::ExprContext::Del => "Del",
    }
}

/// `validate_name`.
fn validate_name(name: &str) -> VResult {
    for forbidden in ["None", "True", "False"] {
        if name == forbidden {
            return Err(value_error(format!(
                "identifier field can't represent '{forbidden}' constant"
            )));
        }
    }
    Ok(())
}

/// `validate_capture`.
fn validate_capture(name: &str) -> VResult {
    if name == "_" {
        return Err(value_error("can't capture name '_' in patterns"));
    }
    validate_name(name)
}

fn nonempty<T>(seq: &[T], what: &str, owner: &str) -> VResult {
    if seq.is_empty() {
        return Err(value_error(format!("empty {what} on {owner}")));
    }
    Ok(())
}

impl Validator<'_> {
    fn enter(&mut self) -> VResult {
        self.budget -= 1;
        if self.budget < 0 || include::pystate::_PyThreadState_GET().native_stack_exhausted() {
            return Err(recursion());
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.budget += 1;
    }

    /// `VALIDATE_POSITIONS`.
    fn positions(&self, range: TextRange) -> VResult {
        let Some(Some([lineno, col, end_lineno, end_col])) =
            self.locs.get(node_id(range) as usize).copied()
        else {
            return Ok(());
        };
        if lineno > end_lineno {
            return Err(value_error(format!(
                "AST node line range ({lineno}, {end_lineno}) is not valid"
            )));
        }
        if (lineno < 0 && end_lineno != lineno) || (col < 0 && col != end_col) {
            return Err(value_error(format!(
                "AST node column range ({col}, {end_col}) for line range ({lineno}, {end_lineno}) is not valid"
            )));
        }
        if lineno == end_lineno && col > end_col {
            return Err(value_error(format!(
                "line {lineno}, column {col}-{end_col} is not a valid range"
            )));
        }
        Ok(())
    }

    /// The error obj2ast kept for this node, if any.
    fn deferred(&mut self, range: TextRange) -> VResult {
        match self.deferred.remove(&node_id(range)) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn stmts(&mut self, seq: &[ast::Stmt]) -> VResult {
        seq.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, seq: &[ast::Expr], ctx: ast::ExprContext) -> VResult {
        seq.iter().try_for_each(|e| self.expr(e, ctx))
    }

    fn opt_expr(&mut self, e: &Option<Box<ast::Expr>>) -> VResult {
        match e {
            Some(e) => self.expr(e, ast::ExprContext::Load),
            None => Ok(()),
        }
    }

    fn body(&mut self, body: &[ast::Stmt], owner: &str) -> VResult {
        nonempty(body, "body", owner)?;
        self.stmts(body)
    }

    fn keywords(&mut self, keywords: &[ast::Keyword]) -> VResult {
        keywords
            .iter()
            .try_for_each(|k| self.expr(&k.value, ast::ExprContext::Load))
    }

    fn comprehension(&mut self, gens: &[ast::Comprehension]) -> VResult {
        if gens.is_empty() {
            return Err(value_error("comprehension with no generators"));
        }
        for comp in gens {
            self.expr(&comp.target, ast::ExprContext::Store)?;
            self.expr(&comp.iter, ast::ExprContext::Load)?;
            self.exprs(&comp.ifs, ast::ExprContext::Load)?;
        }
        Ok(())
    }

    fn arg(&mut self, a: &ast::Arg) -> VResult {
        self.positions(a.range)?;
        self.opt_expr(&a.annotation)
    }

    /// `validate_arguments`; `owner` is the function or lambda, where obj2ast
    /// kept the errors of the default counts.
    fn arguments(&mut self, args: &ast::Arguments, owner: TextRange) -> VResult {
        for a in args.posonlyargs.iter().chain(&args.args) {
            self.arg(&a.def)?;
        }
        if let Some(v) = &args.vararg {
            self.opt_expr(&v.annotation)?;
        }
        for a in &args.kwonlyargs {
            self.arg(&a.def)?;
        }
        if let Some(k) = &args.kwarg {
            self.opt_expr(&k.annotation)?;
        }
        if let Some(e) = self.deferred_args.remove(&node_id(owner)) {
            return Err(e);
        }
        for a in args.posonlyargs.iter().chain(&args.args) {
            self.opt_expr(&a.default)?;
        }
        for a in &args.kwonlyargs {
            self.opt_expr(&a.default)?;
        }
        Ok(())
    }

    fn withitems(&mut self, items: &[ast::WithItem], owner: &str) -> VResult {
        nonempty(items, "items", owner)?;
        for item in items {
            self.expr(&item.context_expr, ast::ExprContext::Load)?;
            if let Some(v) = &item.optional_vars {
                self.expr(v, ast::ExprContext::Store)?;
            }
        }
        Ok(())
    }

    fn try_(
        &mut self,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
        owner: &str,
    ) -> VResult {
        self.body(body, owner)?;
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(value_error(format!(
                "{owner} has neither except handlers nor finalbody"
            )));
        }
        if handlers.is_empty() && !orelse.is_empty() {
            return Err(value_error(format!(
                "{owner} has orelse but no except handlers"
            )));
        }
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            // CPython 3.11 checks the handlers' positions in Try only.
            if owner == "Try" {
                self.positions(h.range)?;
            }
            self.deferred(h.range)?;
            self.opt_expr(&h.type_)?;
            self.body(&h.body, "ExceptHandler")?;
        }
        self.stmts(finalbody)?;
        self.stmts(orelse)
    }

    /// `validate_stmt`.
    fn stmt(&mut self, s: &ast::Stmt) -> VResult {
        use ast::ExprContext::{Del, Load, Store};
        use ast::Stmt as S;
        self.positions(s.range())?;
        self.enter()?;
        self.deferred(s.range())?;
        match s {
            S::FunctionDef(f) => {
                self.body(&f.body, "FunctionDef")?;
                self.arguments(&f.args, f.range)?;
                self.exprs(&f.decorator_list, Load)?;
                self.opt_expr(&f.returns)?;
            }
            S::AsyncFunctionDef(f) => {
                self.body(&f.body, "AsyncFunctionDef")?;
                self.arguments(&f.args, f.range)?;
                self.exprs(&f.decorator_list, Load)?;
                self.opt_expr(&f.returns)?;
            }
            S::ClassDef(c) => {
                self.body(&c.body, "ClassDef")?;
                self.exprs(&c.bases, Load)?;
                self.keywords(&c.keywords)?;
                self.exprs(&c.decorator_list, Load)?;
            }
            S::Return(r) => self.opt_expr(&r.value)?,
            S::Delete(d) => {
                nonempty(&d.targets, "targets", "Delete")?;
                self.exprs(&d.targets, Del)?;
            }
            S::Assign(a) => {
                nonempty(&a.targets, "targets", "Assign")?;
                self.exprs(&a.targets, Store)?;
                self.expr(&a.value, Load)?;
            }
            S::AugAssign(a) => {
                self.expr(&a.target, Store)?;
                self.expr(&a.value, Load)?;
            }
            S::AnnAssign(a) => {
                if a.simple && !matches!(&*a.target, ast::Expr::Name(_)) {
                    return Err(type_error("AnnAssign with simple non-Name target"));
                }
                self.expr(&a.target, Store)?;
                self.opt_expr(&a.value)?;
                self.expr(&a.annotation, Load)?;
            }
            S::For(f) => {
                self.expr(&f.target, Store)?;
                self.expr(&f.iter, Load)?;
                self.body(&f.body, "For")?;
                self.stmts(&f.orelse)?;
            }
            S::AsyncFor(f) => {
                self.expr(&f.target, Store)?;
                self.expr(&f.iter, Load)?;
                self.body(&f.body, "AsyncFor")?;
                self.stmts(&f.orelse)?;
            }
            S::While(w) => {
                self.expr(&w.test, Load)?;
                self.body(&w.body, "While")?;
                self.stmts(&w.orelse)?;
            }
            S::If(i) => {
                self.expr(&i.test, Load)?;
                self.body(&i.body, "If")?;
                self.stmts(&i.orelse)?;
            }
            S::With(w) => {
                self.withitems(&w.items, "With")?;
                self.body(&w.body, "With")?;
            }
            S::AsyncWith(w) => {
                self.withitems(&w.items, "AsyncWith")?;
                self.body(&w.body, "AsyncWith")?;
            }
            S::Match(m) => {
                self.expr(&m.subject, Load)?;
                nonempty(&m.cases, "cases", "Match")?;
                for case in &m.cases {
                    self.pattern(&case.pattern, false)?;
                    self.opt_expr(&case.guard)?;
                    self.body(&case.body, "match_case")?;
                }
            }
            S::Raise(r) => match (&r.exc, &r.cause) {
                (Some(exc), cause) => {
                    self.expr(exc, Load)?;
                    self.opt_expr(cause)?;
                }
                (None, Some(_)) => {
                    return Err(value_error("Raise with cause but no exception"));
                }
                (None, None) => {}
            },
            S::Try(t) => self.try_(&t.body, &t.handlers, &t.orelse, &t.finalbody, "Try")?,
            S::TryStar(t) => self.try_(&t.body, &t.handlers, &t.orelse, &t.finalbody, "TryStar")?,
            S::Assert(a) => {
                self.expr(&a.test, Load)?;
                self.opt_expr(&a.msg)?;
            }
            S::Import(i) => nonempty(&i.names, "names", "Import")?,
            S::ImportFrom(i) => nonempty(&i.names, "names", "ImportFrom")?,
            S::Global(g) => nonempty(&g.names, "names", "Global")?,
            S::Nonlocal(n) => nonempty(&n.names, "names", "Nonlocal")?,
            S::Expr(e) => self.expr(&e.value, Load)?,
            S::Pass(_) | S::Break(_) | S::Continue(_) => {}
            S::TypeAlias(_) => return Err(system_error("unexpected statement")),
        }
        self.leave();
        Ok(())
    }

    /// `validate_expr`.
    fn expr(&mut self, e: &ast::Expr, ctx: ast::ExprContext) -> VResult {
        use ast::Expr as E;
        use ast::ExprContext::Load;
        self.positions(e.range())?;
        self.enter()?;
        let actual = match e {
            E::Attribute(x) => Some(x.ctx),
            E::Subscript(x) => Some(x.ctx),
            E::Starred(x) => Some(x.ctx),
            E::Name(x) => {
                validate_name(&x.id)?;
                Some(x.ctx)
            }
            E::List(x) => Some(x.ctx),
            E::Tuple(x) => Some(x.ctx),
            _ => None,
        };
        match actual {
            Some(actual) if actual != ctx => {
                return Err(value_error(format!(
                    "expression must have {} context but has {} instead",
                    ctx_name(ctx),
                    ctx_name(actual)
                )));
            }
            None if ctx != Load => {
                return Err(value_error(format!(
                    "expression which can't be assigned to in {} context",
                    ctx_name(ctx)
                )));
            }
            _ => {}
        }
        self.deferred(e.range())?;
        match e {
            E::BoolOp(b) => {
                if b.values.len() < 2 {
                    return Err(value_error("BoolOp with less than 2 values"));
                }
                self.exprs(&b.values, Load)?;
            }
            E::BinOp(b) => {
                self.expr(&b.left, Load)?;
                self.expr(&b.right, Load)?;
            }
            E::UnaryOp(u) => self.expr(&u.operand, Load)?,
            E::Lambda(l) => {
                self.arguments(&l.args, l.range)?;
                self.expr(&l.body, Load)?;
            }
            E::IfExp(i) => {
                self.expr(&i.test, Load)?;
                self.expr(&i.body, Load)?;
                self.expr(&i.orelse, Load)?;
            }
            E::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k, Load)?;
                }
                self.exprs(&d.values, Load)?;
            }
            E::Set(s) => self.exprs(&s.elts, Load)?,
            E::ListComp(c) => {
                self.comprehension(&c.generators)?;
                self.expr(&c.elt, Load)?;
            }
            E::SetComp(c) => {
                self.comprehension(&c.generators)?;
                self.expr(&c.elt, Load)?;
            }
            E::GeneratorExp(c) => {
                self.comprehension(&c.generators)?;
                self.expr(&c.elt, Load)?;
            }
            E::DictComp(c) => {
                self.comprehension(&c.generators)?;
                self.expr(&c.key, Load)?;
                self.expr(&c.value, Load)?;
            }
            E::Yield(y) => self.opt_expr(&y.value)?,
            E::YieldFrom(y) => self.expr(&y.value, Load)?,
            E::Await(a) => self.expr(&a.value, Load)?,
            E::Compare(c) => {
                self.exprs(&c.comparators, Load)?;
                self.expr(&c.left, Load)?;
            }
            E::Call(c) => {
                self.expr(&c.func, Load)?;
                self.exprs(&c.args, Load)?;
                self.keywords(&c.keywords)?;
            }
            E::Constant(_) => {}
            E::JoinedStr(j) => self.exprs(&j.values, Load)?,
            E::FormattedValue(f) => {
                self.expr(&f.value, Load)?;
                self.opt_expr(&f.format_spec)?;
            }
            E::Attribute(a) => self.expr(&a.value, Load)?,
            E::Subscript(s) => {
                self.expr(&s.slice, Load)?;
                self.expr(&s.value, Load)?;
            }
            E::Starred(s) => self.expr(&s.value, ctx)?,
            E::Slice(s) => {
                self.opt_expr(&s.lower)?;
                self.opt_expr(&s.upper)?;
                self.opt_expr(&s.step)?;
            }
            E::List(l) => self.exprs(&l.elts, ctx)?,
            E::Tuple(t) => self.exprs(&t.elts, ctx)?,
            E::NamedExpr(n) => {
                if !matches!(&*n.target, E::Name(_)) {
                    return Err(type_error("NamedExpr target must be a Name"));
                }
                self.expr(&n.value, Load)?;
            }
            E::Name(_) => {}
        }
        self.leave();
        Ok(())
    }

    /// `validate_pattern_match_value`.
    fn pattern_match_value(&mut self, e: &ast::Expr) -> VResult {
        use ast::Expr as E;
        self.expr(e, ast::ExprContext::Load)?;
        let ok = match e {
            E::Constant(c) => {
                if matches!(
                    c.value,
                    ast::Constant::Int(_)
                        | ast::Constant::Float(_)
                        | ast::Constant::Bytes(_)
                        | ast::Constant::Complex { .. }
                        | ast::Constant::Str(_)
                ) {
                    return Ok(());
                }
                return Err(value_error(
                    "unexpected constant inside of a literal pattern",
                ));
            }
            E::Attribute(_) | E::JoinedStr(_) => true,
            E::UnaryOp(u) => literal_negative(u, true, true),
            E::BinOp(b) => literal_complex(b),
            _ => false,
        };
        if ok {
            return Ok(());
        }
        Err(value_error(
            "patterns may only match literals and attribute lookups",
        ))
    }

    fn patterns(&mut self, ps: &[ast::Pattern], star_ok: bool) -> VResult {
        ps.iter().try_for_each(|p| self.pattern(p, star_ok))
    }

    /// `validate_pattern`.
    fn pattern(&mut self, p: &ast::Pattern, star_ok: bool) -> VResult {
        use ast::Pattern as P;
        self.positions(p.range())?;
        self.enter()?;
        self.deferred(p.range())?;
        match p {
            P::MatchValue(v) => self.pattern_match_value(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => self.patterns(&s.patterns, true)?,
            P::MatchMapping(m) => {
                if m.keys.len() != m.patterns.len() {
                    return Err(value_error(
                        "MatchMapping doesn't have the same number of keys as patterns",
                    ));
                }
                if let Some(rest) = &m.rest {
                    validate_capture(rest)?;
                }
                for key in &m.keys {
                    if let ast::Expr::Constant(c) = key {
                        if matches!(c.value, ast::Constant::None | ast::Constant::Bool(_)) {
                            continue;
                        }
                    }
                    self.pattern_match_value(key)?;
                }
                self.patterns(&m.patterns, false)?;
            }
            P::MatchClass(c) => {
                if c.kwd_attrs.len() != c.kwd_patterns.len() {
                    return Err(value_error(
                        "MatchClass doesn't have the same number of keyword attributes as patterns",
                    ));
                }
                self.expr(&c.cls, ast::ExprContext::Load)?;
                let mut cls = &*c.cls;
                loop {
                    match cls {
                        ast::Expr::Name(_) => break,
                        ast::Expr::Attribute(a) => cls = &a.value,
                        _ => {
                            return Err(value_error(
                                "MatchClass cls field can only contain Name or Attribute nodes.",
                            ))
                        }
                    }
                }
                for attr in &c.kwd_attrs {
                    validate_name(attr)?;
                }
                self.patterns(&c.patterns, false)?;
                self.patterns(&c.kwd_patterns, false)?;
            }
            P::MatchStar(s) => {
                if !star_ok {
                    return Err(value_error("can't use MatchStar here"));
                }
                if let Some(name) = &s.name {
                    validate_capture(name)?;
                }
            }
            P::MatchAs(a) => {
                if let Some(name) = &a.name {
                    validate_capture(name)?;
                }
                match (&a.pattern, &a.name) {
                    (None, _) => {}
                    (Some(_), None) => {
                        return Err(value_error(
                            "MatchAs must specify a target name if a pattern is given",
                        ))
                    }
                    (Some(p), Some(_)) => self.pattern(p, false)?,
                }
            }
            P::MatchOr(o) => {
                if o.patterns.len() < 2 {
                    return Err(value_error("MatchOr requires at least 2 patterns"));
                }
                self.patterns(&o.patterns, false)?;
            }
        }
        self.leave();
        Ok(())
    }
}

/// `ensure_literal_number`.
fn literal_number(e: &ast::Expr, allow_real: bool, allow_imaginary: bool) -> bool {
    match e {
        ast::Expr::Constant(c) => match c.value {
            ast::Constant::Int(_) | ast::Constant::Float(_) => allow_real,
            ast::Constant::Complex { .. } => allow_imaginary,
            _ => false,
        },
        _ => false,
    }
}

/// `ensure_literal_negative`.
fn literal_negative(u: &ast::ExprUnaryOp, allow_real: bool, allow_imaginary: bool) -> bool {
    u.op == ast::UnaryOp::USub && literal_number(&u.operand, allow_real, allow_imaginary)
}

/// `ensure_literal_complex`.
fn literal_complex(b: &ast::ExprBinOp) -> bool {
    if !matches!(b.op, ast::Operator::Add | ast::Operator::Sub) {
        return false;
    }
    let left_ok = match &*b.left {
        ast::Expr::Constant(_) => literal_number(&b.left, true, false),
        ast::Expr::UnaryOp(u) => literal_negative(u, true, false),
        _ => false,
    };
    left_ok && literal_number(&b.right, false, true)
}

/// `_PyAST_Validate` of the tree `cv` made (module-level errors are at id 0).
pub fn validate(parsed: &crate::pegen::Parsed, cv: &mut Obj2Ast) -> VResult {
    let remaining = include::pystate::_PyThreadState_GET()
        .recursion_remaining
        .get();
    let mut v = Validator {
        locs: &cv.locs,
        deferred: &mut cv.deferred,
        deferred_args: &mut cv.deferred_args,
        budget: 3 * remaining.max(0) as i64,
    };
    match parsed {
        crate::pegen::Parsed::Module(body) => {
            v.stmts(body)?;
            v.deferred(TextRange::default())
        }
        crate::pegen::Parsed::Expression(e) => v.expr(e, ast::ExprContext::Load),
    }
}
