//! The `invalid_*` rules of Grammar/python.gram (CPython 3.11): the second pass
//! of the parser, which looks for the specific SyntaxErrors ("cannot assign to
//! literal", "expected ':'", "Perhaps you forgot a comma?", ...) once the first pass
//! has failed.
//!
//! Differences from CPython: there is no PEG grammar to run a second time. The
//! rules are reproduced over what pyrs has: the AST when rustpython's parser
//! accepted the source (assignment targets, parameters, 3.11's restrictions that
//! rustpython's grammar does not make), and CPython's tokens around the token the
//! first pass stopped at when it did not.

use crate::compile::ErrorKind;
use crate::pegen::{Parsed, Parser};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::ParseError;

/// An error a rule found, located by a byte range of the source; the parser
/// raises it (`RAISE_SYNTAX_ERROR_KNOWN_LOCATION`) with CPython's columns and text.
#[derive(Clone, Debug)]
pub struct RuleError {
    pub kind: ErrorKind,
    pub msg: String,
    pub start: usize,
    pub end: usize,
}

fn rule_error(msg: String, range: ast::text_size::TextRange) -> RuleError {
    RuleError {
        kind: ErrorKind::SyntaxError,
        msg,
        start: range.start().to_usize(),
        end: range.end().to_usize(),
    }
}

/// Lines that hold only a backslash continuation are blank to CPython's tokenizer
/// but not to rustpython's lexer: the source for rustpython has their backslash
/// replaced by a space (same length, so every offset stays valid).
pub fn blank_continuation_lines(source: &str) -> Option<String> {
    let positions = crate::tokenizer::continuation_only_lines(source.as_bytes());
    if positions.is_empty() {
        return None;
    }
    let mut bytes = source.as_bytes().to_vec();
    for p in positions {
        bytes[p] = b' ';
    }
    String::from_utf8(bytes).ok()
}

/// The rules that apply to an AST rustpython accepted: 3.11 rejects some of it.
pub fn check_ast(p: &mut Parser, parsed: &Parsed, source: &str) -> Result<(), RuleError> {
    match parsed {
        Parsed::Module(body) => {
            reject_newer_syntax(body)?;
            check_targets(body, source)?;
            if p.start_rule == crate::pegen::StartRule::Single {
                check_single_statement(body, source)?;
            }
        }
        Parsed::Expression(e) => TargetChecker { source, depth: 0 }.expr(e)?,
    }
    Ok(())
}

/// The second pass after rustpython's parser failed with `e`, the first pass
/// having stopped at token `last`: raise a specific error if a rule matches.
pub fn second_pass(p: &mut Parser, last: usize, e: &ParseError, source: &str) {
    let _ = (p, last, e, source);
}

/// Interactive input is one statement (or one line of `;`-separated simple ones).
fn check_single_statement(body: &[ast::Stmt], source: &str) -> Result<(), RuleError> {
    let lines = crate::compile::LineIndex::new(source);
    let Some(first) = body.first() else {
        return Err(RuleError {
            kind: ErrorKind::SyntaxError,
            msg: "invalid syntax".into(),
            start: 0,
            end: 0,
        });
    };
    let first_end = lines.line_col(first.range().end().to_usize()).0;
    let Some(second) = body
        .iter()
        .find(|s| lines.line_col(s.range().start().to_usize()).0 > first_end)
    else {
        return Ok(());
    };
    let simple = matches!(
        first,
        ast::Stmt::Expr(_)
            | ast::Stmt::Assign(_)
            | ast::Stmt::AugAssign(_)
            | ast::Stmt::AnnAssign(_)
            | ast::Stmt::Pass(_)
            | ast::Stmt::Delete(_)
            | ast::Stmt::Import(_)
            | ast::Stmt::ImportFrom(_)
            | ast::Stmt::Global(_)
            | ast::Stmt::Nonlocal(_)
            | ast::Stmt::Assert(_)
            | ast::Stmt::Raise(_)
            | ast::Stmt::Return(_)
            | ast::Stmt::Break(_)
            | ast::Stmt::Continue(_)
    );
    if !simple {
        // After a compound statement the parser wants the end of the input.
        let start = second.range().start().to_usize();
        return Err(RuleError {
            kind: ErrorKind::SyntaxError,
            msg: "invalid syntax".into(),
            start,
            end: start,
        });
    }
    let end = first.range().end().to_usize();
    Err(RuleError {
        kind: ErrorKind::SyntaxError,
        msg: "multiple statements found while compiling a single statement".into(),
        start: end,
        end,
    })
}

/// 3.11 has no `type` statement and no type parameters; report them where 3.11's
/// parser stops: at the name after `type`, at the `[` after a function name
/// ("expected '('"), at the `[` after a class name.
fn reject_newer_syntax(body: &[ast::Stmt]) -> Result<(), RuleError> {
    for s in body {
        let bad = match s {
            ast::Stmt::TypeAlias(t) => Some((t.name.range().start().to_usize(), "invalid syntax")),
            ast::Stmt::FunctionDef(f) if !f.type_params.is_empty() => {
                Some((bracket_before(&f.type_params), "expected '('"))
            }
            ast::Stmt::AsyncFunctionDef(f) if !f.type_params.is_empty() => {
                Some((bracket_before(&f.type_params), "expected '('"))
            }
            ast::Stmt::ClassDef(c) if !c.type_params.is_empty() => {
                Some((bracket_before(&c.type_params), "invalid syntax"))
            }
            _ => None,
        };
        if let Some((offset, msg)) = bad {
            return Err(RuleError {
                kind: ErrorKind::SyntaxError,
                msg: msg.into(),
                start: offset,
                end: offset + 1,
            });
        }
        let nested: Vec<&[ast::Stmt]> = match s {
            ast::Stmt::FunctionDef(f) => vec![&f.body],
            ast::Stmt::AsyncFunctionDef(f) => vec![&f.body],
            ast::Stmt::ClassDef(c) => vec![&c.body],
            ast::Stmt::For(f) => vec![&f.body, &f.orelse],
            ast::Stmt::AsyncFor(f) => vec![&f.body, &f.orelse],
            ast::Stmt::While(w) => vec![&w.body, &w.orelse],
            ast::Stmt::If(i) => vec![&i.body, &i.orelse],
            ast::Stmt::With(w) => vec![&w.body],
            ast::Stmt::AsyncWith(w) => vec![&w.body],
            ast::Stmt::Try(t) => vec![&t.body, &t.orelse, &t.finalbody],
            ast::Stmt::TryStar(t) => vec![&t.body, &t.orelse, &t.finalbody],
            ast::Stmt::Match(m) => m.cases.iter().map(|c| c.body.as_slice()).collect(),
            _ => vec![],
        };
        for b in nested {
            reject_newer_syntax(b)?;
        }
        let handlers = match s {
            ast::Stmt::Try(t) => Some(&t.handlers),
            ast::Stmt::TryStar(t) => Some(&t.handlers),
            _ => None,
        };
        for h in handlers.into_iter().flatten() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            reject_newer_syntax(&h.body)?;
        }
    }
    Ok(())
}

/// The offset of the `[` that opens a type parameter list.
fn bracket_before(params: &[ast::TypeParam]) -> usize {
    params[0].range().start().to_usize().saturating_sub(1)
}

/// Code points of bytes 0x80..0x9F in Windows-1252 (0: undefined); the rest of

// ---- Invalid targets (pegen's `invalid_*` rules) ----

/// Which construct a target belongs to (`TARGETS_TYPE`), which picks the message.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Targets {
    /// `x = ...`: "cannot assign to X here. Maybe you meant '==' instead of '='?"
    Star,
    /// `for`, comprehensions, `with ... as`: "cannot assign to X"
    For,
    /// `del`: "cannot delete X"
    Del,
}

/// Mirrors `_PyPegen_get_expr_name`.
fn expr_name(e: &ast::Expr) -> &'static str {
    use ast::Expr::*;
    match e {
        Attribute(_) => "attribute",
        Subscript(_) => "subscript",
        Starred(_) => "starred",
        Name(_) => "name",
        List(_) => "list",
        Tuple(_) => "tuple",
        Lambda(_) => "lambda",
        Call(_) => "function call",
        BoolOp(_) | BinOp(_) | UnaryOp(_) => "expression",
        GeneratorExp(_) => "generator expression",
        Yield(_) | YieldFrom(_) => "yield expression",
        Await(_) => "await expression",
        ListComp(_) => "list comprehension",
        SetComp(_) => "set comprehension",
        DictComp(_) => "dict comprehension",
        Dict(_) => "dict literal",
        Set(_) => "set display",
        JoinedStr(_) | FormattedValue(_) => "f-string expression",
        Constant(c) => match c.value {
            ast::Constant::None => "None",
            ast::Constant::Bool(true) => "True",
            ast::Constant::Bool(false) => "False",
            ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Compare(_) => "comparison",
        IfExp(_) => "conditional expression",
        NamedExpr(_) => "named expression",
        Slice(_) => "slice",
    }
}

/// Mirrors `_PyPegen_get_invalid_target`: the first part of a target that cannot
/// be assigned to (or deleted).
fn invalid_target(e: &ast::Expr, t: Targets) -> Option<&ast::Expr> {
    use ast::Expr::*;
    match e {
        List(l) => l.elts.iter().find_map(|x| invalid_target(x, t)),
        Tuple(tu) => tu.elts.iter().find_map(|x| invalid_target(x, t)),
        Starred(s) => {
            if t == Targets::Del {
                Some(e)
            } else {
                invalid_target(&s.value, t)
            }
        }
        Name(_) | Subscript(_) | Attribute(_) => None,
        _ => Some(e),
    }
}

struct TargetChecker<'l> {
    source: &'l str,
    depth: usize,
}

impl TargetChecker<'_> {
    fn error_at(&self, msg: String, range: ast::text_size::TextRange) -> RuleError {
        rule_error(msg, range)
    }

    fn check_target(&self, e: &ast::Expr, t: Targets) -> Result<(), RuleError> {
        let Some(bad) = invalid_target(e, t) else {
            return Ok(());
        };
        let name = expr_name(bad);
        let msg = match t {
            Targets::Del => format!("cannot delete {name}"),
            Targets::For => format!("cannot assign to {name}"),
            Targets::Star => {
                // An unparenthesised yield in a chain of targets has its own message.
                if matches!(bad, ast::Expr::Yield(_) | ast::Expr::YieldFrom(_))
                    && !self.parenthesised(bad)
                {
                    "assignment to yield expression not possible".to_string()
                } else {
                    format!("cannot assign to {name}")
                }
            }
        };
        Err(self.error_at(msg, bad.range()))
    }

    /// Whether a range starts with '(' that closes at its end.
    fn is_self_parenthesised(&self, range: ast::text_size::TextRange) -> bool {
        let bytes = self.source.as_bytes();
        let start = range.start().to_usize();
        bytes.get(start) == Some(&b'(')
            && crate::ast_opt::matching_paren(bytes, start)
                == Some(range.end().to_usize().saturating_sub(1))
    }

    /// `def f(a, *, **k)`: a bare `*` must be followed by keyword-only parameters.
    /// `from` and `to` delimit the parameter list in the source.
    fn check_bare_star(
        &self,
        args: &ast::Arguments,
        from: usize,
        to: usize,
    ) -> Result<(), RuleError> {
        if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
            return Ok(());
        }
        let bytes = self.source.as_bytes();
        let mut depth = 0i32;
        let mut i = from;
        while i < to.min(bytes.len()) {
            match bytes[i] {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b'\'' | b'"' => {
                    // Skip a string default value.
                    let q = bytes[i];
                    i += 1;
                    while i < bytes.len() && bytes[i] != q {
                        if bytes[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                }
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'*' if depth == 0
                    && bytes.get(i + 1) != Some(&b'*')
                    && (i == 0 || bytes[i - 1] != b'*') =>
                {
                    let mut j = i + 1;
                    while j < bytes.len()
                        && matches!(bytes[j], b' ' | b'\t' | b'\n' | b'\r' | b'\\')
                    {
                        j += 1;
                    }
                    if matches!(bytes.get(j), Some(b',' | b')' | b':')) {
                        let at = ast::text_size::TextSize::from(i as u32);
                        return Err(self.error_at(
                            "named arguments must follow bare *".into(),
                            ast::text_size::TextRange::new(
                                at,
                                at + ast::text_size::TextSize::from(1),
                            ),
                        ));
                    }
                }
                _ => {}
            }
            i += 1;
        }
        Ok(())
    }

    /// Whether an expression is directly inside parentheses of its own.
    fn parenthesised(&self, e: &ast::Expr) -> bool {
        let bytes = self.source.as_bytes();
        let mut i = e.range().start().to_usize();
        while i > 0 && matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r') {
            i -= 1;
        }
        let mut j = e.range().end().to_usize();
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\n' | b'\r') {
            j += 1;
        }
        i > 0 && bytes[i - 1] == b'(' && bytes.get(j) == Some(&b')')
    }

    /// Mirrors `invalid_named_expression` for a statement `t = v` whose target is
    /// invalid: pegen's second pass first meets the target's last item followed by
    /// `=`, and reports it as a mistyped `==` when it is an operand-level
    /// expression (a name gets "invalid syntax. Maybe you meant '==' or ':='").
    fn check_single_assignment(
        &self,
        target: &ast::Expr,
        value: &ast::Expr,
    ) -> Result<(), RuleError> {
        if invalid_target(target, Targets::Star).is_none() {
            return Ok(());
        }
        let last = match target {
            ast::Expr::Tuple(t)
                if !self.parenthesised(target) && t.range.start() == t.elts[0].range().start() =>
            {
                t.elts.last().unwrap_or(target)
            }
            _ => target,
        };
        let first_value = match value {
            ast::Expr::Tuple(t)
                if !t.elts.is_empty() && t.range.start() == t.elts[0].range().start() =>
            {
                &t.elts[0]
            }
            _ => value,
        };
        if let ast::Expr::Name(_) = last {
            let range =
                ast::text_size::TextRange::new(last.range().start(), first_value.range().end());
            return Err(self.error_at(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(),
                range,
            ));
        }
        let operand_level = match last {
            ast::Expr::Lambda(_)
            | ast::Expr::IfExp(_)
            | ast::Expr::BoolOp(_)
            | ast::Expr::Compare(_)
            | ast::Expr::NamedExpr(_)
            | ast::Expr::Starred(_)
            | ast::Expr::Yield(_)
            | ast::Expr::YieldFrom(_) => self.parenthesised(last),
            ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => self.parenthesised(last),
            ast::Expr::List(_) | ast::Expr::Tuple(_) | ast::Expr::GeneratorExp(_) => false,
            ast::Expr::Constant(c) => {
                !matches!(c.value, ast::Constant::None | ast::Constant::Bool(_))
            }
            _ => true,
        };
        if operand_level {
            return Err(self.error_at(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(last)
                ),
                last.range(),
            ));
        }
        self.check_target(target, Targets::Star)
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> Result<(), RuleError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<(), RuleError> {
        self.depth += 1;
        if self.depth > 3000 {
            return Ok(());
        }
        use ast::Stmt::*;
        match s {
            FunctionDef(f) => {
                self.check_def_bare_star(s, &f.name, &f.args)?;
                self.arguments(&f.args)?;
                self.exprs(&f.decorator_list)?;
                self.stmts(&f.body)?;
            }
            AsyncFunctionDef(f) => {
                self.check_def_bare_star(s, &f.name, &f.args)?;
                self.arguments(&f.args)?;
                self.exprs(&f.decorator_list)?;
                self.stmts(&f.body)?;
            }
            ClassDef(c) => {
                self.exprs(&c.bases)?;
                self.stmts(&c.body)?;
            }
            Return(r) => self.opt(r.value.as_deref())?,
            Delete(d) => {
                for t in &d.targets {
                    self.check_target(t, Targets::Del)?;
                }
            }
            Assign(a) => {
                if a.targets.len() == 1 {
                    self.check_single_assignment(&a.targets[0], &a.value)?;
                }
                for t in &a.targets {
                    self.check_target(t, Targets::Star)?;
                    self.expr(t)?;
                }
                self.expr(&a.value)?;
            }
            AugAssign(a) => {
                if !matches!(
                    &*a.target,
                    ast::Expr::Name(_) | ast::Expr::Attribute(_) | ast::Expr::Subscript(_)
                ) {
                    return Err(self.error_at(
                        format!(
                            "'{}' is an illegal expression for augmented assignment",
                            expr_name(&a.target)
                        ),
                        a.target.range(),
                    ));
                }
                self.expr(&a.value)?;
            }
            AnnAssign(a) => {
                match &*a.target {
                    ast::Expr::Name(_) | ast::Expr::Attribute(_) | ast::Expr::Subscript(_) => {}
                    t @ (ast::Expr::Tuple(_) | ast::Expr::List(_)) => {
                        return Err(self.error_at(
                            format!("only single target (not {}) can be annotated", expr_name(t)),
                            t.range(),
                        ))
                    }
                    t => {
                        return Err(self.error_at("illegal target for annotation".into(), t.range()))
                    }
                }
                self.opt(a.value.as_deref())?;
            }
            For(f) => {
                self.check_target(&f.target, Targets::For)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            AsyncFor(f) => {
                self.check_target(&f.target, Targets::For)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)?;
            }
            With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.check_target(v, Targets::For)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            AsyncWith(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.check_target(v, Targets::For)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    if let ast::Pattern::MatchStar(st) = &c.pattern {
                        // A star pattern only makes sense inside a sequence.
                        let end = st.range.end();
                        return Err(self.error_at(
                            "invalid syntax".into(),
                            ast::text_size::TextRange::new(
                                end,
                                end + ast::text_size::TextSize::from(1),
                            ),
                        ));
                    }
                    self.pattern(&c.pattern)?;
                    self.opt(c.guard.as_deref())?;
                    self.stmts(&c.body)?;
                }
            }
            Try(t) => self.try_(&t.body, &t.handlers, &t.orelse, &t.finalbody)?,
            TryStar(t) => self.try_(&t.body, &t.handlers, &t.orelse, &t.finalbody)?,
            Expr(e) => self.expr(&e.value)?,
            Raise(r) => {
                self.opt(r.exc.as_deref())?;
                self.opt(r.cause.as_deref())?;
            }
            Assert(a) => {
                self.expr(&a.test)?;
                self.opt(a.msg.as_deref())?;
            }
            _ => {}
        }
        self.depth -= 1;
        Ok(())
    }

    /// The parameter list of a `def` runs from the '(' after its name to the
    /// body (annotations and the return annotation included, which never hold a
    /// top-level bare `*`).
    fn check_def_bare_star(
        &self,
        s: &ast::Stmt,
        name: &str,
        args: &ast::Arguments,
    ) -> Result<(), RuleError> {
        let start = s.range().start().to_usize();
        let text = self.source.get(start..).unwrap_or("");
        let Some(open) = text
            .find(name)
            .and_then(|n| text[n..].find('(').map(|p| n + p))
        else {
            return Ok(());
        };
        let open = start + open;
        let close = crate::ast_opt::matching_paren(self.source.as_bytes(), open).unwrap_or(open);
        self.check_bare_star(args, open + 1, close + 1)
    }

    fn try_(
        &mut self,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
    ) -> Result<(), RuleError> {
        self.stmts(body)?;
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.opt(h.type_.as_deref())?;
            self.stmts(&h.body)?;
        }
        self.stmts(orelse)?;
        self.stmts(finalbody)
    }

    fn arguments(&mut self, a: &ast::Arguments) -> Result<(), RuleError> {
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            self.opt(arg.default.as_deref())?;
        }
        Ok(())
    }

    /// Checks the value patterns that rustpython's grammar lets through: a
    /// complex literal must be `real +/- imaginary`.
    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), RuleError> {
        self.depth += 1;
        if self.depth > 3000 {
            return Ok(());
        }
        use ast::Pattern::*;
        match p {
            MatchValue(v) => {
                if let ast::Expr::BinOp(b) = &*v.value {
                    let real = |e: &ast::Expr| match e {
                        ast::Expr::Constant(c) => {
                            matches!(c.value, ast::Constant::Int(_) | ast::Constant::Float(_))
                        }
                        ast::Expr::UnaryOp(u) => matches!(&*u.operand, ast::Expr::Constant(c)
                            if matches!(c.value, ast::Constant::Int(_) | ast::Constant::Float(_))),
                        _ => false,
                    };
                    let imaginary = |e: &ast::Expr| matches!(e, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Complex { .. }));
                    if !real(&b.left) {
                        return Err(self.error_at(
                            "real number required in complex literal".into(),
                            b.left.range(),
                        ));
                    }
                    if !imaginary(&b.right) {
                        return Err(self.error_at(
                            "imaginary number required in complex literal".into(),
                            b.right.range(),
                        ));
                    }
                }
            }
            MatchSequence(sq) => {
                for x in &sq.patterns {
                    self.pattern(x)?;
                }
            }
            MatchMapping(mm) => {
                for x in &mm.patterns {
                    self.pattern(x)?;
                }
            }
            MatchClass(mc) => {
                for x in mc.patterns.iter().chain(&mc.kwd_patterns) {
                    self.pattern(x)?;
                }
            }
            MatchAs(a) => {
                if let Some(x) = &a.pattern {
                    self.pattern(x)?;
                }
            }
            MatchOr(o) => {
                for x in &o.patterns {
                    self.pattern(x)?;
                }
            }
            MatchSingleton(_) | MatchStar(_) => {}
        }
        self.depth -= 1;
        Ok(())
    }

    fn opt(&mut self, e: Option<&ast::Expr>) -> Result<(), RuleError> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn exprs(&mut self, es: &[ast::Expr]) -> Result<(), RuleError> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn comprehensions(&mut self, gens: &[ast::Comprehension]) -> Result<(), RuleError> {
        for g in gens {
            self.check_target(&g.target, Targets::For)?;
            self.expr(&g.iter)?;
            self.exprs(&g.ifs)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &ast::Expr) -> Result<(), RuleError> {
        self.depth += 1;
        if self.depth > 3000 {
            return Ok(());
        }
        use ast::Expr::*;
        match e {
            NamedExpr(n) => {
                if !matches!(&*n.target, ast::Expr::Name(_)) {
                    return Err(self.error_at(
                        format!(
                            "cannot use assignment expressions with {}",
                            expr_name(&n.target)
                        ),
                        n.target.range(),
                    ));
                }
                self.expr(&n.value)?;
            }
            BoolOp(b) => self.exprs(&b.values)?,
            BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            UnaryOp(u) => self.expr(&u.operand)?,
            Lambda(l) => {
                let from = l.range.start().to_usize() + "lambda".len();
                self.check_bare_star(&l.args, from, l.body.range().start().to_usize())?;
                self.arguments(&l.args)?;
                self.expr(&l.body)?;
            }
            IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(&d.values)?;
            }
            Set(s) => self.exprs(&s.elts)?,
            ListComp(c) => {
                self.comprehensions(&c.generators)?;
                self.expr(&c.elt)?;
            }
            SetComp(c) => {
                self.comprehensions(&c.generators)?;
                self.expr(&c.elt)?;
            }
            GeneratorExp(c) => {
                self.comprehensions(&c.generators)?;
                self.expr(&c.elt)?;
            }
            DictComp(c) => {
                self.comprehensions(&c.generators)?;
                self.expr(&c.key)?;
                self.expr(&c.value)?;
            }
            Await(a) => self.expr(&a.value)?,
            Yield(y) => self.opt(y.value.as_deref())?,
            YieldFrom(y) => self.expr(&y.value)?,
            Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)?;
            }
            Call(c) => {
                // `f(x for x in y, z)`: only a sole argument may be a bare generator
                // expression.
                if c.args.len() + c.keywords.len() > 1 {
                    for a in &c.args {
                        if let ast::Expr::GeneratorExp(g) = a {
                            if !self.is_self_parenthesised(g.range) {
                                return Err(self.error_at(
                                    "Generator expression must be parenthesized".into(),
                                    g.range,
                                ));
                            }
                        }
                    }
                }
                self.expr(&c.func)?;
                self.exprs(&c.args)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
            }
            FormattedValue(f) => {
                self.expr(&f.value)?;
                self.opt(f.format_spec.as_deref())?;
            }
            JoinedStr(j) => self.exprs(&j.values)?,
            Attribute(a) => self.expr(&a.value)?,
            Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Starred(s) => self.expr(&s.value)?,
            List(l) => self.exprs(&l.elts)?,
            Tuple(t) => self.exprs(&t.elts)?,
            Slice(s) => {
                self.opt(s.lower.as_deref())?;
                self.opt(s.upper.as_deref())?;
                self.opt(s.step.as_deref())?;
            }
            Name(_) | Constant(_) => {}
        }
        self.depth -= 1;
        Ok(())
    }
}

/// Reports the assignment, deletion and loop targets that CPython's grammar
/// rejects but rustpython's accepts (`f() = 1`, `del 1`, `for x + 1 in y`, ...),
/// with pegen's messages.
pub fn check_targets(body: &[ast::Stmt], source: &str) -> Result<(), RuleError> {
    TargetChecker { source, depth: 0 }.stmts(body)
}
