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
use crate::pegen::Loc;
use crate::pegen::{Parsed, Parser};
use crate::tokenizer::TokType;
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::lexer::LexicalErrorType;
use rustpython_parser::FStringErrorType;
use rustpython_parser::{Parse, ParseError, ParseErrorType};

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

/// Lines that hold only a backslash continuation, or whitespace with a tab after
/// a space, are blank to CPython's tokenizer but not to rustpython's lexer: the
/// source for rustpython has those backslashes and tabs replaced by spaces (same
/// length, so every offset stays valid).
pub fn blank_continuation_lines(source: &str) -> Option<String> {
    let positions = crate::tokenizer::rustpython_blanks(source.as_bytes());
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
pub fn second_pass(p: &mut Parser, last: usize, e: &ParseError) {
    if p.error.is_some() {
        return;
    }
    let mut sp = SecondPass {
        p,
        last,
        tokenizer_error: None,
    };
    if let ParseErrorType::Lexical(l) = &e.error {
        if sp.argument_error(l) {
            return;
        }
    }
    let _ = sp.parameter_rules()
        || sp.except_rules()
        || sp.block_rules()
        || sp.legacy_expression()
        || sp.forgot_comma()
        || sp.dict_rules()
        || sp.assignment_in_expression()
        || sp.if_without_else()
        || sp.star_rules()
        || sp.invalid_group()
        || sp.import_from_trailing_comma();
    // A tokenizer error met while reading ahead is the error: the rule that read
    // that far could not have matched in CPython's parser.
    if let Some(e) = sp.tokenizer_error.take() {
        sp.p.error = Some(e);
    }
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
        lambda: bool,
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
                        // A def's error is at the `*`; a lambda's
                        // (`RAISE_SYNTAX_ERROR`) at the last token read: the
                        // `:` or the `**` after `*,`.
                        let (mut at, mut len) = (i, 1);
                        if lambda {
                            at = j;
                            if bytes[j] == b',' {
                                at = j + 1;
                                while at < bytes.len()
                                    && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r' | b'\\')
                                {
                                    at += 1;
                                }
                                if bytes.get(at + 1) == Some(&b'*') {
                                    len = 2;
                                }
                            }
                        }
                        let at = ast::text_size::TextSize::from(at as u32);
                        return Err(self.error_at(
                            "named arguments must follow bare *".into(),
                            ast::text_size::TextRange::new(
                                at,
                                at + ast::text_size::TextSize::from(len),
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
        self.check_bare_star(args, open + 1, close + 1, false)
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
            MatchValue(v) => self.complex_literal(&v.value)?,
            MatchSequence(sq) => {
                for x in &sq.patterns {
                    self.pattern(x)?;
                }
            }
            MatchMapping(mm) => {
                // The grammar reads each key before its pattern.
                for (k, x) in mm.keys.iter().zip(&mm.patterns) {
                    self.complex_literal(k)?;
                    self.pattern(x)?;
                }
                // `double_star_pattern` takes a `pattern_capture_target`, which
                // is not `_`: the parser fails at the name.
                if mm.rest.as_ref().is_some_and(|r| r.as_str() == "_") {
                    let from = mm
                        .patterns
                        .last()
                        .map_or(mm.range.start(), |x| x.range().end());
                    let text = &self.source[from.to_usize()..mm.range.end().to_usize()];
                    if let Some(stars) = text.rfind("**") {
                        let after = &text[stars + 2..];
                        if let Some(u) = after.find('_') {
                            let at = from.to_usize() + stars + 2 + u;
                            return Err(RuleError {
                                kind: ErrorKind::SyntaxError,
                                msg: "invalid syntax".into(),
                                start: at,
                                end: at + 1,
                            });
                        }
                    }
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

    /// `complex_number` in a value pattern or a mapping key: `real +/- imaginary`
    /// (`_PyPegen_ensure_real`, `_PyPegen_ensure_imaginary`).
    fn complex_literal(&self, e: &ast::Expr) -> Result<(), RuleError> {
        let ast::Expr::BinOp(b) = e else {
            return Ok(());
        };
        let number = |e: &ast::Expr| {
            matches!(e, ast::Expr::Constant(c)
                if matches!(c.value, ast::Constant::Int(_) | ast::Constant::Float(_)))
        };
        let real = |e: &ast::Expr| match e {
            ast::Expr::UnaryOp(u) => number(&u.operand),
            e => number(e),
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
                self.check_bare_star(&l.args, from, l.body.range().start().to_usize(), true)?;
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

// ---- The second pass over tokens ----

/// The longest token range the second pass hands to rustpython's parser: the
/// rules look at one statement; a bigger range is not tried (the generic error
/// stays).
const MAX_RULE_TOKENS: usize = 400;

/// What an expression parsed from a token range is, for the rules that want a
/// `disjunction`, an `expression` or a `bitwise_or`.
struct Parsed1 {
    expr: ast::Expr,
}

impl Parsed1 {
    /// `disjunction`: not a conditional expression, lambda, named expression,
    /// starred expression, yield or bare tuple.
    fn is_disjunction(&self) -> bool {
        !matches!(
            self.expr,
            ast::Expr::IfExp(_)
                | ast::Expr::Lambda(_)
                | ast::Expr::NamedExpr(_)
                | ast::Expr::Starred(_)
                | ast::Expr::Yield(_)
                | ast::Expr::YieldFrom(_)
        )
    }

    /// `expression` (`expression_without_invalid`): a disjunction, a conditional
    /// expression or a lambda.
    fn is_expression(&self) -> bool {
        self.is_disjunction() || matches!(self.expr, ast::Expr::IfExp(_) | ast::Expr::Lambda(_))
    }

    /// `bitwise_or`: no boolean operator, `not` or comparison either.
    fn is_bitwise_or(&self) -> bool {
        self.is_disjunction()
            && !matches!(
                &self.expr,
                ast::Expr::BoolOp(_)
                    | ast::Expr::Compare(_)
                    | ast::Expr::UnaryOp(ast::ExprUnaryOp {
                        op: ast::UnaryOp::Not,
                        ..
                    })
            )
    }
}

struct SecondPass<'s, 'p> {
    p: &'s mut Parser<'p>,
    /// The token the first pass stopped at.
    last: usize,
    /// The error of the tokenizer, if it failed while a rule read ahead.
    tokenizer_error: Option<crate::compile::CompileError>,
}

impl SecondPass<'_, '_> {
    fn typ(&self, i: usize) -> TokType {
        self.p.tokens[i].typ
    }

    fn loc(&self, i: usize) -> Loc {
        self.p.tokens[i].loc
    }

    /// The bracket depth a token sits at: an opening bracket and its closing one
    /// sit at the depth outside them.
    fn depth(&self, i: usize) -> usize {
        let t = &self.p.tokens[i];
        match t.typ {
            TokType::LPAR | TokType::LSQB | TokType::LBRACE => t.level.saturating_sub(1),
            _ => t.level,
        }
    }

    fn is_name(&self, i: usize, name: &str) -> bool {
        self.typ(i) == TokType::NAME && self.p.token_str(i) == name
    }

    /// Makes token `i` exist; false if the input ends (or fails) before it.
    fn has(&mut self, i: usize) -> bool {
        if i < self.p.fill() {
            return true;
        }
        if self.tokenizer_error.is_some() {
            return false;
        }
        let saved = self.p.error.take();
        let ok = self.p.fill_to(i);
        if self.p.error.is_some() {
            // A tokenizer error further on: the rules do not see past it.
            self.tokenizer_error = self.p.error.take();
            self.p.error = saved;
            return false;
        }
        self.p.error = saved;
        ok
    }

    /// Tokens `from..to` parsed as one expression by rustpython (in parentheses,
    /// so that it may span lines), or None.
    fn parse(&self, from: usize, to: usize) -> Option<Parsed1> {
        if from >= to || to - from > MAX_RULE_TOKENS || to > self.p.fill() {
            return None;
        }
        let (Some(start), Some(end)) = (self.p.tokens[from].start, self.p.tokens[to - 1].end)
        else {
            return None;
        };
        if (from..to).any(|i| {
            matches!(
                self.typ(i),
                TokType::NEWLINE | TokType::INDENT | TokType::DEDENT | TokType::ENDMARKER
            )
        }) {
            return None;
        }
        // A top-level comma would make a tuple, which none of the rules want.
        let d = self.depth(from);
        if (from..to).any(|i| self.typ(i) == TokType::COMMA && self.depth(i) == d) {
            return None;
        }
        let text = std::str::from_utf8(self.p.tok.input.get(start..end)?).ok()?;
        let expr = ast::Expr::parse(&format!("({text}\n)"), "<rule>").ok()?;
        Some(Parsed1 { expr })
    }

    /// The end (exclusive) of the longest expression of kind `want` starting at
    /// token `from` and ending before a separator at its depth.
    fn longest(&mut self, from: usize, want: fn(&Parsed1) -> bool) -> Option<(usize, Parsed1)> {
        // The span ends at a separator outside the brackets it opens itself, or
        // at a bracket closing one opened before it.
        let mut open = 0usize;
        let mut end = from;
        loop {
            if !self.has(end) || end - from > MAX_RULE_TOKENS {
                break;
            }
            let t = self.typ(end);
            match t {
                TokType::LPAR | TokType::LSQB | TokType::LBRACE => open += 1,
                TokType::RPAR | TokType::RSQB | TokType::RBRACE => {
                    if open == 0 {
                        break;
                    }
                    open -= 1;
                }
                TokType::COMMA
                | TokType::COLON
                | TokType::EQUAL
                | TokType::SEMI
                | TokType::COLONEQUAL
                    if open == 0 =>
                {
                    break
                }
                TokType::NEWLINE | TokType::ENDMARKER | TokType::INDENT | TokType::DEDENT => break,
                _ => {}
            }
            end += 1;
        }
        let mut to = end;
        while to > from {
            if let Some(parsed) = self.parse(from, to) {
                if want(&parsed) {
                    return Some((to, parsed));
                }
            }
            to -= 1;
        }
        None
    }

    /// The location spanning tokens `from..=to`.
    fn span(&self, from: usize, to: usize) -> Loc {
        let (a, b) = (self.loc(from), self.loc(to));
        Loc {
            lineno: a.lineno,
            col_offset: a.col_offset,
            end_lineno: b.end_lineno,
            end_col_offset: b.end_col_offset,
        }
    }

    /// The first token of the logical line holding token `i`.
    fn line_start(&self, i: usize) -> usize {
        let mut s = i;
        while s > 0
            && !matches!(
                self.typ(s - 1),
                TokType::NEWLINE | TokType::INDENT | TokType::DEDENT
            )
        {
            s -= 1;
        }
        s
    }

    /// The index of the token that closes the bracket opened at `open`.
    fn matching(&mut self, open: usize) -> Option<usize> {
        let d = self.depth(open);
        let mut i = open + 1;
        while self.has(i) && i - open < 10 * MAX_RULE_TOKENS {
            match self.typ(i) {
                TokType::RPAR | TokType::RSQB | TokType::RBRACE if self.depth(i) == d => {
                    return Some(i)
                }
                TokType::NEWLINE | TokType::ENDMARKER => return None,
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// The innermost bracket open at token `i` (not counting `i` itself).
    fn enclosing_open(&self, i: usize) -> Option<usize> {
        let d = self.depth(i);
        if d == 0 {
            return None;
        }
        (0..i).rev().take(10 * MAX_RULE_TOKENS).find(|&k| {
            matches!(self.typ(k), TokType::LPAR | TokType::LSQB | TokType::LBRACE)
                && self.depth(k) == d - 1
        })
    }

    // ---- rustpython's argument checks ----

    /// The end (exclusive) of the argument or parameter starting at token `i`: up
    /// to the next ',' or closing bracket at its depth.
    fn item_end(&mut self, i: usize, stop_at_equal: bool) -> usize {
        let d = self.depth(i);
        let mut k = i;
        while self.has(k) && k - i < 10 * MAX_RULE_TOKENS {
            let t = self.typ(k);
            if matches!(t, TokType::NEWLINE | TokType::ENDMARKER)
                || self.depth(k) < d
                || (self.depth(k) == d
                    && (matches!(t, TokType::COMMA | TokType::RPAR | TokType::COLON)
                        || (stop_at_equal && t == TokType::EQUAL)))
            {
                break;
            }
            k += 1;
        }
        k.max(i + 1)
    }

    /// rustpython checks parameters and call arguments while parsing; report its
    /// findings as CPython does, from the grammar's `invalid_arguments` and
    /// `invalid_parameters` rules. (Duplicate names are left to the symbol table
    /// and the compiler, as in CPython: the vendored parser no longer checks them.)
    fn argument_error(&mut self, l: &LexicalErrorType) -> bool {
        let at = self.last;
        match l {
            LexicalErrorType::DefaultArgumentError => {
                let end = self.item_end(at, true);
                let loc = self.span(at, end - 1);
                self.p.raise_syntax_error_known_location(
                    loc,
                    "non-default argument follows default argument".into(),
                );
            }
            LexicalErrorType::PositionalArgumentError => {
                // `_PyPegen_arguments_parsing_error`: at the last token read, the
                // one after the argument.
                let end = self.item_end(at, false);
                let keyword_unpacking = self.keyword_unpacking_before(at);
                if !self.has(end) {
                    return false;
                }
                let msg = if keyword_unpacking {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                };
                self.p
                    .raise_error(ErrorKind::SyntaxError, Some(end), msg.into());
            }
            LexicalErrorType::UnpackedArgumentError => {
                let loc = self.loc(at);
                self.p.raise_syntax_error_known_location(
                    loc,
                    "iterable argument unpacking follows keyword argument unpacking".into(),
                );
            }
            LexicalErrorType::FStringError(fe) => return self.fstring_error(fe),
            // `parsestr` (Parser/string_parser.c), raised while the `strings`
            // rule joins the tokens: at the string token that holds the character.
            LexicalErrorType::OtherError(msg)
                if msg == "bytes can only contain ASCII literal characters" =>
            {
                let loc = self.loc(at);
                self.p.raise_syntax_error_known_location(loc, msg.clone());
            }
            _ => return false,
        }
        true
    }

    /// An error raised while the string tokens of an atom are joined (the
    /// messages of Parser/string_parser.c's `fstring_find_expr` and friends,
    /// and "cannot mix bytes and nonbytes literals"): `RAISE_SYNTAX_ERROR` in
    /// the parser's action, so at the last token read, the one after the
    /// strings. rustpython reports it at the first string.
    fn fstring_error(&mut self, fe: &FStringErrorType) -> bool {
        let FStringErrorType::Message(msg) = fe else {
            return false;
        };
        let mut after = self.last;
        while self.has(after) && self.typ(after) == TokType::STRING {
            after += 1;
        }
        if !self.has(after) {
            return false;
        }
        self.p
            .raise_error(ErrorKind::SyntaxError, Some(after), msg.clone());
        true
    }

    /// Whether a `**` argument comes before token `at` in its call.
    fn keyword_unpacking_before(&self, at: usize) -> bool {
        let Some(open) = self.enclosing_open(at) else {
            return false;
        };
        let d = self.depth(at);
        (open + 1..at).any(|k| {
            self.typ(k) == TokType::DOUBLESTAR
                && self.depth(k) == d
                && matches!(self.typ(k - 1), TokType::LPAR | TokType::COMMA)
        })
    }

    // ---- Compound statements ----

    /// What "expected an indented block after ..." calls the statement opened by
    /// token `s` (after `async`).
    fn block_name(&mut self, s: usize) -> Option<String> {
        let t = self.typ(s);
        Some(match t {
            TokType::KwIf => "'if' statement".into(),
            TokType::KwElif => "'elif' statement".into(),
            TokType::KwElse => "'else' statement".into(),
            TokType::KwWhile => "'while' statement".into(),
            TokType::KwFor => "'for' statement".into(),
            TokType::KwWith => "'with' statement".into(),
            TokType::KwTry => "'try' statement".into(),
            TokType::KwFinally => "'finally' statement".into(),
            TokType::KwExcept => {
                if self.has(s + 1) && self.typ(s + 1) == TokType::STAR {
                    "'except*' statement".into()
                } else {
                    "'except' statement".into()
                }
            }
            TokType::KwDef => "function definition".into(),
            TokType::KwClass => "class definition".into(),
            TokType::NAME if self.is_name(s, "match") => "'match' statement".into(),
            TokType::NAME if self.is_name(s, "case") => "'case' statement".into(),
            _ => return None,
        })
    }

    /// The first token of the compound statement whose header line is the
    /// logical line starting at `s`, `async` skipped.
    fn header_keyword(&self, s: usize) -> usize {
        if self.typ(s) == TokType::KwAsync {
            s + 1
        } else {
            s
        }
    }

    /// The first ':' at depth 0 of the logical line starting at `s`, and the
    /// line's NEWLINE (or where it stops: the first token that ends the line).
    fn header_colon(&mut self, s: usize) -> (Option<usize>, usize) {
        let mut k = s;
        let mut colon = None;
        let lambdas = std::cell::Cell::new(0usize);
        while self.has(k) && k - s < 10 * MAX_RULE_TOKENS {
            let t = self.typ(k);
            if matches!(t, TokType::NEWLINE | TokType::ENDMARKER) {
                return (colon, k);
            }
            if self.depth(k) == 0 {
                if t == TokType::KwLambda {
                    lambdas.set(lambdas.get() + 1);
                } else if t == TokType::COLON {
                    if lambdas.get() > 0 {
                        lambdas.set(lambdas.get() - 1);
                    } else if colon.is_none() {
                        colon = Some(k);
                    }
                }
            }
            k += 1;
        }
        (colon, k)
    }

    /// The rules of compound statements: a header without its ':'
    /// ("expected ':'"), a block that is not indented ("expected an indented
    /// block after ..."), a `try` block with no `except` or `finally`.
    fn block_rules(&mut self) -> bool {
        let mut last = self.last;
        // rustpython may stop at the NEWLINE after a header's ':' where CPython's
        // parser stops at the token after it (at the end of input without a
        // final newline).
        if self.typ(last) == TokType::NEWLINE
            && last > 0
            && self.typ(last - 1) == TokType::COLON
            && self.has(last + 1)
            && self.typ(last + 1) != TokType::INDENT
        {
            last += 1;
        }
        // The token after a header's NEWLINE, where a block should start.
        if last > 0 && self.typ(last - 1) == TokType::NEWLINE && self.typ(last) != TokType::INDENT {
            let s = self.line_start(last - 1);
            let kw = self.header_keyword(s);
            let (colon, nl) = self.header_colon(s);
            if let (Some(c), Some(what)) = (colon, self.block_name(kw)) {
                if c + 1 == nl {
                    let line = self.loc(kw).lineno;
                    self.p.raise_indentation_error(format!(
                        "expected an indented block after {what} on line {line}"
                    ));
                    return true;
                }
            }
        }
        if self.try_without_handlers() || self.mixed_except() {
            return true;
        }
        let last = self.last;
        let s = self.line_start(last);
        let kw = self.header_keyword(s);
        let (colon, nl) = self.header_colon(s);
        if colon.is_some_and(|c| c < last) {
            return false;
        }
        let t = self.typ(kw);
        match t {
            // `'else' &&':'`: the token after the keyword must be ':'.
            TokType::KwElse | TokType::KwTry | TokType::KwFinally => {
                if kw + 1 == last && t != TokType::COLON {
                    let loc = self.loc(last);
                    self.p
                        .raise_syntax_error_known_location(loc, "expected ':'".into());
                    return true;
                }
                false
            }
            TokType::KwDef => self.def_header(kw, last),
            TokType::KwClass => {
                // `'class' NAME ['(' [arguments] ')'] &&':'`.
                let mut k = kw + 2;
                if self.has(k) && self.typ(k) == TokType::LPAR {
                    match self.matching(k) {
                        Some(close) => k = close + 1,
                        None => return false,
                    }
                }
                if k == last && self.typ(kw + 1) == TokType::NAME {
                    let loc = self.loc(last);
                    self.p
                        .raise_syntax_error_known_location(loc, "expected ':'".into());
                    return true;
                }
                false
            }
            _ => {
                if last != nl || self.typ(nl) != TokType::NEWLINE {
                    return false;
                }
                let ok = match t {
                    TokType::KwIf | TokType::KwElif | TokType::KwWhile => {
                        self.parse(kw + 1, nl).is_some()
                    }
                    TokType::KwFor => self.for_header(kw, nl),
                    TokType::KwWith => self.with_header(kw, nl),
                    TokType::KwExcept => {
                        let mut from = kw + 1;
                        if self.typ(from) == TokType::STAR {
                            from += 1;
                        }
                        from == nl || self.except_header(from, nl)
                    }
                    TokType::NAME if self.is_name(kw, "match") || self.is_name(kw, "case") => {
                        kw + 1 < nl
                    }
                    _ => false,
                };
                if ok {
                    self.p.raise_syntax_error("expected ':'".into());
                }
                ok
            }
        }
    }

    /// `'def' NAME &&'(' [params] ')' ['->' expression] &&':'`.
    fn def_header(&mut self, kw: usize, last: usize) -> bool {
        if self.typ(kw + 1) != TokType::NAME || kw + 2 > last {
            return false;
        }
        if kw + 2 == last && self.typ(last) != TokType::LPAR {
            let loc = self.loc(last);
            self.p
                .raise_syntax_error_known_location(loc, "expected '('".into());
            return true;
        }
        let Some(close) = self.matching(kw + 2) else {
            return false;
        };
        let mut k = close + 1;
        if k < last && self.typ(k) == TokType::RARROW {
            match self.longest(k + 1, Parsed1::is_expression) {
                Some((end, _)) => k = end,
                None => return false,
            }
        }
        if k == last && self.typ(last) != TokType::COLON {
            let loc = self.loc(last);
            self.p
                .raise_syntax_error_known_location(loc, "expected ':'".into());
            return true;
        }
        false
    }

    /// `'for' star_targets 'in' star_expressions` between `kw` and `nl`.
    fn for_header(&mut self, kw: usize, nl: usize) -> bool {
        let Some(inn) = (kw + 1..nl).find(|&k| self.typ(k) == TokType::KwIn && self.depth(k) == 0)
        else {
            return false;
        };
        inn > kw + 1 && inn + 1 < nl && self.tuple_parses(inn + 1, nl)
    }

    /// Tokens `from..to` are expressions separated by commas at their depth.
    fn tuple_parses(&self, from: usize, to: usize) -> bool {
        let d = self.depth(from);
        let mut start = from;
        for k in from..=to {
            if k == to || (self.typ(k) == TokType::COMMA && self.depth(k) == d) {
                if k == start {
                    // A trailing comma is allowed, an empty item is not.
                    if k != to {
                        return false;
                    }
                } else if self.parse(start, k).is_none() {
                    return false;
                }
                start = k + 1;
            }
        }
        true
    }

    /// `'with' ','.(expression ['as' star_target])+`.
    fn with_header(&mut self, kw: usize, nl: usize) -> bool {
        let (mut from, mut to) = (kw + 1, nl);
        if self.typ(from) == TokType::LPAR && self.matching(from) == Some(nl - 1) {
            from += 1;
            to -= 1;
        }
        let d = self.depth(from);
        let mut start = from;
        for k in from..=to {
            if k == to || (self.typ(k) == TokType::COMMA && self.depth(k) == d) {
                let item_end = k;
                let as_at = (start..item_end)
                    .find(|&a| self.typ(a) == TokType::KwAs && self.depth(a) == d)
                    .unwrap_or(item_end);
                if as_at == start || self.parse(start, as_at).is_none() {
                    return false;
                }
                if as_at < item_end && self.parse(as_at + 1, item_end).is_none() {
                    return false;
                }
                start = k + 1;
            }
        }
        true
    }

    /// `expression ['as' NAME]` of an `except` clause.
    fn except_header(&mut self, from: usize, nl: usize) -> bool {
        let as_at = (from..nl)
            .find(|&a| self.typ(a) == TokType::KwAs && self.depth(a) == 0)
            .unwrap_or(nl);
        if as_at == from || self.parse(from, as_at).is_none() {
            return false;
        }
        as_at == nl || (as_at + 2 == nl && self.typ(as_at + 1) == TokType::NAME)
    }

    /// `'try' ':' block !('except' | 'finally')`: the first pass stopped after
    /// the DEDENTs that close a `try` block.
    fn try_without_handlers(&mut self) -> bool {
        let mut k = self.last;
        while self.has(k) && self.typ(k) == TokType::DEDENT {
            k += 1;
        }
        if !self.has(k) || matches!(self.typ(k), TokType::KwExcept | TokType::KwFinally) {
            return false;
        }
        if k == 0 || self.typ(k - 1) != TokType::DEDENT {
            return false;
        }
        // The block that just closed: the statement at the level of token k.
        // Walk back over the blocks to the header whose INDENT matches the
        // DEDENT right before k.
        let mut depth = 0i32;
        let mut i = k - 1;
        loop {
            match self.typ(i) {
                TokType::DEDENT => depth += 1,
                TokType::INDENT => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            if i == 0 {
                return false;
            }
            i -= 1;
        }
        // Token i is the INDENT of the block; its header ends with ':' NEWLINE.
        if i < 2 || self.typ(i - 1) != TokType::NEWLINE {
            return false;
        }
        let s = self.line_start(i - 1);
        if self.typ(s) == TokType::KwTry && self.typ(s + 1) == TokType::COLON {
            // The lookahead read token k.
            let _ = self.has(k);
            self.p.raise_error(
                ErrorKind::SyntaxError,
                Some(k),
                "expected 'except' or 'finally' block".into(),
            );
            return true;
        }
        false
    }

    /// The INDENT of the block that the DEDENT at token `k` closes (with the
    /// blocks nested in it).
    fn block_indent(&self, k: usize) -> Option<usize> {
        let mut depth = 0i32;
        let mut i = k;
        loop {
            match self.typ(i) {
                TokType::DEDENT => depth += 1,
                TokType::INDENT => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
            i = i.checked_sub(1)?;
        }
    }

    /// `invalid_try_stmt`'s last alternatives: an `except` handler after
    /// `except*` ones of the same `try`, or an `except*` after `except` ones.
    fn mixed_except(&mut self) -> bool {
        let a = self.line_start(self.last);
        if self.typ(a) != TokType::KwExcept || a == 0 {
            return false;
        }
        let star = self.typ(a + 1) == TokType::STAR;
        if self.header_colon(a).0.is_none() {
            return false;
        }
        // The handlers before it, back to the `try`.
        let mut k = a - 1;
        let mut other_kind = false;
        loop {
            let h = match self.typ(k) {
                // A clause whose block is indented.
                TokType::DEDENT => {
                    let Some(indent) = self.block_indent(k) else {
                        return false;
                    };
                    if indent < 2 || self.typ(indent - 1) != TokType::NEWLINE {
                        return false;
                    }
                    self.line_start(indent - 1)
                }
                // A clause with its block on the header's line.
                TokType::NEWLINE => self.line_start(k),
                _ => return false,
            };
            match self.typ(h) {
                TokType::KwTry => break,
                TokType::KwExcept => {
                    if (self.typ(h + 1) == TokType::STAR) != star {
                        other_kind = true;
                    }
                }
                _ => return false,
            }
            let Some(prev) = h.checked_sub(1) else {
                return false;
            };
            k = prev;
        }
        if !other_kind {
            return false;
        }
        let msg = "cannot have both 'except' and 'except*' on the same 'try'".to_string();
        if star {
            let (from, to) = (self.loc(a), self.loc(a + 1));
            self.p.raise_syntax_error_known_range(from, to, msg);
        } else {
            let loc = self.loc(a);
            self.p.raise_syntax_error_known_location(loc, msg);
        }
        true
    }

    /// `invalid_except_stmt`: several exception types without parentheses,
    /// `except*` without one.
    fn except_rules(&mut self) -> bool {
        let a = self.line_start(self.last);
        if self.typ(a) != TokType::KwExcept || !self.has(a + 1) {
            return false;
        }
        let star = self.typ(a + 1) == TokType::STAR;
        let first = if star { a + 2 } else { a + 1 };
        if star && self.has(first) && matches!(self.typ(first), TokType::NEWLINE | TokType::COLON) {
            self.p.raise_error(
                ErrorKind::SyntaxError,
                Some(first),
                "expected one or more exception types".into(),
            );
            return true;
        }
        let Some((end, _)) = self.longest(first, Parsed1::is_expression) else {
            return false;
        };
        if !self.tok_is(end, TokType::COMMA) {
            return false;
        }
        let (Some(colon), _) = self.header_colon(a) else {
            return false;
        };
        let as_at = (end + 1..colon)
            .find(|&k| self.typ(k) == TokType::KwAs && self.depth(k) == 0)
            .unwrap_or(colon);
        let name_ok =
            as_at == colon || (as_at + 2 == colon && self.typ(as_at + 1) == TokType::NAME);
        if !name_ok || as_at == end + 1 || !self.tuple_parses(end + 1, as_at) {
            return false;
        }
        // `RAISE_SYNTAX_ERROR_STARTING_FROM` the expression (inside its
        // parentheses), to where the tokenizer stands, after the ':'.
        let (mut start, mut stop) = (first, end);
        while self.typ(start) == TokType::LPAR && self.matching(start) == Some(stop - 1) {
            start += 1;
            stop -= 1;
        }
        let (from, to) = (self.loc(start), self.loc(colon));
        self.p.raise_error_known_location(
            ErrorKind::SyntaxError,
            from.lineno,
            from.col_offset,
            to.end_lineno,
            to.end_col_offset - 1,
            "multiple exception types must be parenthesized".into(),
        );
        true
    }

    // ---- Expressions ----

    /// `invalid_legacy_expression`: `print x` and `exec x`.
    fn legacy_expression(&mut self) -> bool {
        let last = self.last;
        if last == 0 || self.typ(last) == TokType::LPAR {
            return false;
        }
        let a = last - 1;
        if !(self.is_name(a, "print") || self.is_name(a, "exec")) {
            return false;
        }
        // `b=star_expressions`: expressions separated by commas.
        let mut end = last;
        let d = self.depth(last);
        loop {
            let item = if self.has(end) && self.typ(end) == TokType::STAR {
                self.longest(end + 1, Parsed1::is_bitwise_or)
            } else {
                self.longest(end, Parsed1::is_expression)
            };
            let Some((e, _)) = item else { break };
            end = e;
            if self.has(end + 1) && self.typ(end) == TokType::COMMA && self.depth(end) == d {
                end += 1;
                let t = self.typ(end);
                if matches!(
                    t,
                    TokType::NEWLINE | TokType::SEMI | TokType::RPAR | TokType::ENDMARKER
                ) {
                    break;
                }
                continue;
            }
            break;
        }
        if end == last {
            return false;
        }
        let name = self.p.token_str(a).to_string();
        let loc = self.span(a, end - 1);
        self.p.raise_syntax_error_known_location(
            loc,
            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
        );
        true
    }

    /// Where the operand that ends at token `end - 1` starts, if the token before
    /// it is one after which the grammar parses an `expression` inside brackets
    /// (so that `invalid_expression` runs there): an opening bracket, ',', ':' or
    /// '='. None after anything else (`else`, `for`, `in`, `*`, ...).
    fn operand_start(&self, end: usize) -> Option<usize> {
        let d = self.depth(end - 1);
        let mut k = end - 1;
        loop {
            if k == 0 || end - k > MAX_RULE_TOKENS {
                return None;
            }
            let prev = k - 1;
            let dp = self.depth(prev);
            if dp < d {
                return matches!(
                    self.typ(prev),
                    TokType::LPAR | TokType::LSQB | TokType::LBRACE
                )
                .then_some(k);
            }
            if dp == d {
                match self.typ(prev) {
                    TokType::COMMA | TokType::COLON | TokType::EQUAL => return Some(k),
                    TokType::KwElse
                    | TokType::KwFor
                    | TokType::KwIf
                    | TokType::KwLambda
                    | TokType::KwYield
                    | TokType::KwAsync
                    | TokType::KwAwait
                    | TokType::KwFrom
                    | TokType::COLONEQUAL
                    | TokType::NEWLINE
                    | TokType::SEMI => return None,
                    _ => {}
                }
            }
            k = prev;
        }
    }

    /// `invalid_expression`'s first alternative: two expressions side by side
    /// inside brackets ("Perhaps you forgot a comma?").
    fn forgot_comma(&mut self) -> bool {
        let last = self.last;
        if last == 0 || self.depth(last) == 0 {
            return false;
        }
        let Some(a_start) = self.operand_start(last) else {
            return false;
        };
        // `!(NAME STRING | SOFT_KEYWORD)`.
        if self.typ(a_start) == TokType::NAME {
            let s = self.p.token_str(a_start);
            if matches!(s, "match" | "case" | "_")
                || (a_start + 1 < self.p.fill() && self.typ(a_start + 1) == TokType::STRING)
            {
                return false;
            }
        }
        let Some(a) = self.parse(a_start, last) else {
            return false;
        };
        if !a.is_disjunction() {
            return false;
        }
        // `_PyPegen_check_legacy_stmt`.
        if let ast::Expr::Name(n) = &a.expr {
            if n.id.as_str() == "print" || n.id.as_str() == "exec" {
                return false;
            }
        }
        let Some((b_end, _)) = self.longest(last, Parsed1::is_expression) else {
            return false;
        };
        if self.p.tokens[b_end - 1].level == 0 {
            return false;
        }
        let loc = self.span(a_start, b_end - 1);
        self.p.raise_syntax_error_known_range(
            loc,
            loc,
            "invalid syntax. Perhaps you forgot a comma?".into(),
        );
        true
    }

    /// `invalid_double_starred_kvpairs` and `invalid_kvpair`, in the dict display
    /// the first pass stopped in.
    fn dict_rules(&mut self) -> bool {
        let last = self.last;
        let Some(open) = self.enclosing_open(last).or_else(|| {
            // Stopped at the closing brace itself.
            (self.typ(last) == TokType::RBRACE)
                .then(|| self.enclosing_open(last.saturating_sub(1)))
                .flatten()
        }) else {
            return false;
        };
        if self.typ(open) != TokType::LBRACE {
            return false;
        }
        let d = self.depth(open) + 1;
        let mut k = open + 1;
        let mut pairs = 0;
        loop {
            if !self.has(k) || k > last + 1 {
                return false;
            }
            // One item: `'**' bitwise_or` or `expression ':' expression`.
            if self.typ(k) == TokType::DOUBLESTAR {
                match self.longest(k + 1, Parsed1::is_bitwise_or) {
                    Some((e, _)) => k = e,
                    None => return false,
                }
            } else {
                let Some((key_end, _)) = self.longest(k, Parsed1::is_expression) else {
                    return false;
                };
                if !self.has(key_end) {
                    return false;
                }
                if self.typ(key_end) != TokType::COLON {
                    if pairs > 0 {
                        // `a=expression !(':')`.
                        let a = self.span(k, key_end - 1);
                        self.p.raise_error_known_location(
                            ErrorKind::SyntaxError,
                            a.lineno,
                            a.end_col_offset - 1,
                            a.end_lineno,
                            -1,
                            "':' expected after dictionary key".into(),
                        );
                        return true;
                    }
                    return false;
                }
                let colon = key_end;
                if !self.has(colon + 1) {
                    return false;
                }
                let next = self.typ(colon + 1);
                if matches!(next, TokType::RBRACE | TokType::COMMA) && self.depth(colon + 1) <= d {
                    let loc = self.loc(colon);
                    self.p.raise_syntax_error_known_location(
                        loc,
                        "expression expected after dictionary key and ':'".into(),
                    );
                    return true;
                }
                if next == TokType::STAR {
                    let loc = self.loc(colon + 1);
                    self.p.raise_syntax_error_starting_from(
                        loc,
                        "cannot use a starred expression in a dictionary value".into(),
                    );
                    return true;
                }
                match self.longest(colon + 1, Parsed1::is_expression) {
                    Some((e, _)) => k = e,
                    None => return false,
                }
            }
            pairs += 1;
            if !self.has(k) || self.typ(k) != TokType::COMMA || self.depth(k) != d {
                return false;
            }
            k += 1;
            if !self.has(k) || self.typ(k) == TokType::RBRACE {
                return false;
            }
        }
    }

    /// `'='` where an expression was wanted: `invalid_kwarg` in a call,
    /// `invalid_named_expression` elsewhere (an `if`/`while` condition, ...).
    fn assignment_in_expression(&mut self) -> bool {
        let last = self.last;
        if self.typ(last) != TokType::EQUAL || last == 0 {
            return false;
        }
        let d = self.depth(last);
        let in_call = self.enclosing_open(last).is_some_and(|o| {
            self.typ(o) == TokType::LPAR
                && o > 0
                && matches!(
                    self.typ(o - 1),
                    TokType::NAME | TokType::RPAR | TokType::RSQB | TokType::STRING
                )
        });
        // Where the operand before '=' starts.
        let mut a_start = last;
        while a_start > 0 {
            let prev = a_start - 1;
            if self.depth(prev) < d {
                break;
            }
            if self.depth(prev) == d
                && matches!(
                    self.typ(prev),
                    TokType::COMMA
                        | TokType::COLON
                        | TokType::KwIf
                        | TokType::KwElif
                        | TokType::KwWhile
                        | TokType::KwAssert
                        | TokType::KwReturn
                        | TokType::NEWLINE
                        | TokType::INDENT
                        | TokType::DEDENT
                        | TokType::SEMI
                        | TokType::KwElse
                        | TokType::KwIn
                        | TokType::EQUAL
                )
            {
                break;
            }
            a_start -= 1;
        }
        if a_start == last {
            return false;
        }
        if in_call {
            let first = self.typ(a_start);
            if a_start + 1 == last
                && matches!(first, TokType::KwTrue | TokType::KwFalse | TokType::KwNone)
            {
                let name = self.p.token_str(a_start).to_string();
                let loc = self.span(a_start, last);
                self.p
                    .raise_syntax_error_known_location(loc, format!("cannot assign to {name}"));
                return true;
            }
            if a_start + 1 == last && first == TokType::NAME {
                return false;
            }
            if self.parse(a_start, last).is_some_and(|a| a.is_expression()) {
                let loc = self.span(a_start, last);
                self.p.raise_syntax_error_known_location(
                    loc,
                    "expression cannot contain assignment, perhaps you meant \"==\"?".into(),
                );
                return true;
            }
            return false;
        }
        // Only where a named expression is parsed: after a statement keyword
        // other than an assignment's start, or inside brackets.
        if a_start == 0 {
            return false;
        }
        let before = self.typ(a_start - 1);
        if matches!(
            before,
            TokType::NEWLINE | TokType::INDENT | TokType::DEDENT | TokType::SEMI | TokType::EQUAL
        ) {
            return false;
        }
        let Some((b_end, _)) = self.longest(last + 1, Parsed1::is_bitwise_or) else {
            return false;
        };
        if self.has(b_end) && matches!(self.typ(b_end), TokType::EQUAL | TokType::COLONEQUAL) {
            return false;
        }
        if a_start + 1 == last && self.typ(a_start) == TokType::NAME {
            let loc = self.span(a_start, b_end - 1);
            self.p.raise_syntax_error_known_location(
                loc,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(),
            );
            return true;
        }
        if matches!(
            self.typ(a_start),
            TokType::KwTrue | TokType::KwFalse | TokType::KwNone
        ) {
            return false;
        }
        let Some(a) = self.parse(a_start, last) else {
            return false;
        };
        if !a.is_bitwise_or()
            || matches!(
                a.expr,
                ast::Expr::List(_) | ast::Expr::Tuple(_) | ast::Expr::GeneratorExp(_)
            )
        {
            return false;
        }
        let loc = self.span(a_start, last - 1);
        self.p.raise_syntax_error_known_location(
            loc,
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(&a.expr)
            ),
        );
        true
    }

    /// `a=disjunction 'if' b=disjunction !('else'|':')`.
    fn if_without_else(&mut self) -> bool {
        let last = self.last;
        if matches!(self.typ(last), TokType::KwElse | TokType::COLON) {
            return false;
        }
        let d = self.depth(last.saturating_sub(1));
        let mut k = last;
        let kw_if = loop {
            if k == 0 || last - k > MAX_RULE_TOKENS {
                return false;
            }
            k -= 1;
            if self.depth(k) < d {
                return false;
            }
            if self.depth(k) == d {
                match self.typ(k) {
                    TokType::KwIf => break k,
                    TokType::COMMA
                    | TokType::NEWLINE
                    | TokType::INDENT
                    | TokType::DEDENT
                    | TokType::SEMI
                    | TokType::EQUAL
                    | TokType::KwElse
                    | TokType::KwFor
                    | TokType::COLON => return false,
                    _ => {}
                }
            }
        };
        if kw_if == 0 || kw_if + 1 >= last {
            return false;
        }
        let Some(b) = self.parse(kw_if + 1, last) else {
            return false;
        };
        if !b.is_disjunction() {
            return false;
        }
        // The start of `a`: back to a separator.
        let mut a_start = kw_if;
        while a_start > 0 {
            let prev = a_start - 1;
            if self.depth(prev) < d
                || (self.depth(prev) == d
                    && matches!(
                        self.typ(prev),
                        TokType::COMMA
                            | TokType::NEWLINE
                            | TokType::INDENT
                            | TokType::DEDENT
                            | TokType::SEMI
                            | TokType::EQUAL
                            | TokType::COLON
                            | TokType::KwReturn
                            | TokType::KwElse
                            | TokType::KwIn
                            | TokType::KwAssert
                            | TokType::KwYield
                            | TokType::KwIf
                            | TokType::KwElif
                            | TokType::KwWhile
                            | TokType::KwLambda
                    ))
            {
                break;
            }
            a_start -= 1;
        }
        if a_start == kw_if
            || !self
                .parse(a_start, kw_if)
                .is_some_and(|a| a.is_disjunction())
        {
            return false;
        }
        let loc = self.span(a_start, last - 1);
        self.p
            .raise_syntax_error_known_location(loc, "expected 'else' after 'if' expression".into());
        true
    }
    /// `invalid_group`: a parenthesised starred expression, `(*x)` or `(**x)`,
    /// where a group is expected (not a call's arguments, not a tuple or a
    /// generator expression). Looked for up to where the first pass stopped.
    fn invalid_group(&mut self) -> bool {
        let s = self.line_start(self.last);
        for k in s..=self.last {
            if self.typ(k) != TokType::LPAR || !self.has(k + 1) {
                continue;
            }
            let star = self.typ(k + 1);
            if !matches!(star, TokType::STAR | TokType::DOUBLESTAR) {
                continue;
            }
            let after_operand = k > s
                && matches!(
                    self.typ(k - 1),
                    TokType::NAME
                        | TokType::NUMBER
                        | TokType::STRING
                        | TokType::RPAR
                        | TokType::RSQB
                        | TokType::RBRACE
                );
            if after_operand {
                continue;
            }
            let Some(close) = self.matching(k) else {
                continue;
            };
            let d = self.depth(k) + 1;
            let plain = close > k + 2
                && (k + 2..close).all(|m| {
                    self.depth(m) != d
                        || !matches!(
                            self.typ(m),
                            TokType::COMMA
                                | TokType::KwFor
                                | TokType::KwAsync
                                | TokType::COLONEQUAL
                        )
                });
            if !plain {
                continue;
            }
            if star == TokType::STAR {
                let loc = self.span(k + 1, close - 1);
                self.p.raise_syntax_error_known_location(
                    loc,
                    "cannot use starred expression here".into(),
                );
            } else {
                let loc = self.loc(k + 1);
                self.p.raise_syntax_error_known_location(
                    loc,
                    "cannot use double starred expression here".into(),
                );
            }
            return true;
        }
        false
    }

    /// `invalid_star_etc` / `invalid_lambda_star_etc`: a bare `*` with nothing
    /// after it.
    fn star_rules(&mut self) -> bool {
        let mut last = self.last;
        if self.typ(last) == TokType::STAR && self.has(last + 1) {
            last += 1;
        }
        if last == 0 || self.typ(last - 1) != TokType::STAR {
            return false;
        }
        let star = last - 1;
        if star == 0
            || !matches!(
                self.typ(star - 1),
                TokType::LPAR | TokType::COMMA | TokType::KwLambda
            )
        {
            return false;
        }
        // In a def's parameter list, or a lambda's.
        let in_def = self
            .enclosing_open(star)
            .is_some_and(|o| o >= 2 && self.typ(o - 2) == TokType::KwDef);
        let lambda = !in_def && {
            let s = self.line_start(star);
            (s..star)
                .rev()
                .find(|&k| self.typ(k) == TokType::KwLambda)
                .is_some_and(|l| (l + 1..star).all(|k| self.typ(k) != TokType::COLON))
        };
        let next = self.typ(last);
        if in_def {
            let bare = next == TokType::RPAR
                || (next == TokType::COMMA
                    && self.has(last + 1)
                    && matches!(self.typ(last + 1), TokType::RPAR | TokType::DOUBLESTAR));
            if bare {
                let loc = self.loc(star);
                self.p.raise_syntax_error_known_location(
                    loc,
                    "named arguments must follow bare *".into(),
                );
                return true;
            }
        } else if lambda {
            let bare = next == TokType::COLON
                || (next == TokType::COMMA
                    && self.has(last + 1)
                    && matches!(self.typ(last + 1), TokType::COLON | TokType::DOUBLESTAR));
            if bare {
                if next == TokType::COMMA {
                    let _ = self.has(last + 1);
                }
                self.p
                    .raise_syntax_error("named arguments must follow bare *".into());
                return true;
            }
        }
        false
    }

    /// `invalid_import_from_targets`: `from x import a,` without parentheses.
    fn import_from_trailing_comma(&mut self) -> bool {
        let last = self.last;
        if self.typ(last) != TokType::NEWLINE || last == 0 || self.typ(last - 1) != TokType::COMMA {
            return false;
        }
        let s = self.line_start(last);
        if self.typ(s) != TokType::KwFrom
            || !(s..last).any(|k| self.typ(k) == TokType::KwImport)
            || (s..last).any(|k| self.typ(k) == TokType::LPAR)
        {
            return false;
        }
        self.p.raise_syntax_error(
            "trailing comma not allowed without surrounding parentheses".into(),
        );
        true
    }
}

/// A parameter list for the `invalid_parameters` family of rules: a `def`'s
/// (ended by its `)`) or a `lambda`'s (ended by its `:`), its items at depth `d`.
struct ParamList {
    lambda: bool,
    d: usize,
}

/// What a parameter rule found: CPython's error at a location.
struct ParamError(Loc, &'static str);

/// A step of the parameter rules: `Ok(Some(next))` matched up to token `next`,
/// `Ok(None)` did not match, `Err` raised.
type Step = Result<Option<usize>, ParamError>;

impl SecondPass<'_, '_> {
    /// Whether token `i` ends the parameter list (not consumed: `&')'`, `&':'`).
    fn param_end(&mut self, l: &ParamList, i: usize) -> bool {
        if !self.has(i) {
            return false;
        }
        // A closing bracket sits at the depth outside it.
        if l.lambda {
            self.typ(i) == TokType::COLON && self.depth(i) == l.d
        } else {
            self.typ(i) == TokType::RPAR && self.depth(i) + 1 == l.d
        }
    }

    fn tok_is(&mut self, i: usize, t: TokType) -> bool {
        self.has(i) && self.typ(i) == t
    }

    /// `param`: `NAME annotation?` (`lambda_param`: `NAME`); the end of it.
    fn param(&mut self, l: &ParamList, i: usize) -> Option<usize> {
        if !self.tok_is(i, TokType::NAME) {
            return None;
        }
        if !l.lambda && self.tok_is(i + 1, TokType::COLON) {
            return self
                .longest(i + 2, Parsed1::is_expression)
                .map(|(end, _)| end);
        }
        Some(i + 1)
    }

    /// `default`: `'=' expression | invalid_default`.
    fn param_default(&mut self, i: usize) -> Step {
        if !self.tok_is(i, TokType::EQUAL) {
            return Ok(None);
        }
        if self.has(i + 1) && matches!(self.typ(i + 1), TokType::RPAR | TokType::COMMA) {
            return Err(ParamError(self.loc(i), "expected default value expression"));
        }
        Ok(self
            .longest(i + 1, Parsed1::is_expression)
            .map(|(end, _)| end))
    }

    /// The `','` after a parameter, or the end of the list ahead.
    fn param_sep(&mut self, l: &ParamList, i: usize) -> Option<usize> {
        if self.tok_is(i, TokType::COMMA) {
            Some(i + 1)
        } else if self.param_end(l, i) {
            Some(i)
        } else {
            None
        }
    }

    /// `param_no_default` (0), `param_with_default` (1), `param_maybe_default`
    /// (2).
    fn param_item(&mut self, l: &ParamList, i: usize, default: u8) -> Step {
        let Some(mut k) = self.param(l, i) else {
            return Ok(None);
        };
        if default != 0 {
            match self.param_default(k)? {
                Some(end) => k = end,
                None if default == 1 => return Ok(None),
                None => {}
            }
        }
        Ok(self.param_sep(l, k))
    }

    /// `item*` (or `item+` with `plus`) of `param_item` kind `default`.
    fn param_items(&mut self, l: &ParamList, mut i: usize, default: u8, plus: bool) -> Step {
        let start = i;
        while let Some(next) = self.param_item(l, i, default)? {
            i = next;
        }
        Ok((!plus || i > start).then_some(i))
    }

    /// `'/' ','` or `'/' &')'` after the parameters of a slash rule.
    fn slash_sep(&mut self, l: &ParamList, i: usize) -> Option<usize> {
        if self.tok_is(i, TokType::SLASH) {
            self.param_sep(l, i + 1)
        } else {
            None
        }
    }

    /// `slash_no_default | slash_with_default`.
    fn slash_any(&mut self, l: &ParamList, i: usize) -> Step {
        if let Some(k) = self.param_items(l, i, 0, true)? {
            if let Some(k) = self.slash_sep(l, k) {
                return Ok(Some(k));
            }
        }
        self.slash_with_default(l, i)
    }

    fn slash_with_default(&mut self, l: &ParamList, i: usize) -> Step {
        let Some(k) = self.param_items(l, i, 0, false)? else {
            return Ok(None);
        };
        let Some(k) = self.param_items(l, k, 1, true)? else {
            return Ok(None);
        };
        Ok(self.slash_sep(l, k))
    }

    /// `invalid_parameters` / `invalid_lambda_parameters`, tried at the start
    /// of the list, then the `invalid_default`, `invalid_star_etc` and
    /// `invalid_kwds` rules met while `parameters` reads it.
    fn invalid_parameters(&mut self, l: &ParamList, start: usize) -> Result<(), ParamError> {
        let d = start;
        // param_no_default* invalid_parameters_helper a=param_no_default
        let k = self.param_items(l, d, 0, false)?.unwrap_or(d);
        let helper = match self.slash_with_default(l, k)? {
            Some(h) => Some(h),
            None => self.param_items(l, k, 1, true)?,
        };
        if let Some(h) = helper {
            if let Some(a) = self.param(l, h) {
                if self.param_sep(l, a).is_some() {
                    return Err(ParamError(
                        self.span(h, a - 1),
                        "non-default argument follows default argument",
                    ));
                }
            }
        }
        // param_no_default* a='(' ... b=')'
        if self.tok_is(k, TokType::LPAR) {
            let mut m = k + 1;
            let mut names = 0;
            if l.lambda {
                while self.tok_is(m, TokType::NAME) {
                    names += 1;
                    m += 1;
                    if !self.tok_is(m, TokType::COMMA) {
                        break;
                    }
                    m += 1;
                }
            } else {
                let inner = ParamList {
                    lambda: false,
                    d: l.d + 1,
                };
                while let Some(next) = self.param_item(&inner, m, 0)? {
                    names += 1;
                    m = next;
                }
                if self.tok_is(m, TokType::COMMA) {
                    m += 1;
                }
            }
            if names > 0 && self.tok_is(m, TokType::RPAR) {
                let msg = if l.lambda {
                    "Lambda expression parameters cannot be parenthesized"
                } else {
                    "Function parameters cannot be parenthesized"
                };
                return Err(ParamError(self.span(k, m), msg));
            }
        }
        // a="/" ','
        if self.tok_is(d, TokType::SLASH) && self.tok_is(d + 1, TokType::COMMA) {
            return Err(ParamError(
                self.loc(d),
                "at least one argument must precede /",
            ));
        }
        // (slash_no_default | slash_with_default) param_maybe_default* a='/'
        let slash = self.slash_any(l, d)?;
        if let Some(s) = slash {
            let k = self.param_items(l, s, 2, false)?.unwrap_or(s);
            if self.tok_is(k, TokType::SLASH) {
                return Err(ParamError(self.loc(k), "/ may appear only once"));
            }
        }
        // (slash...)? param_maybe_default* '*' (',' | param_no_default)
        //     param_maybe_default* a='/'
        let s = slash.unwrap_or(d);
        let k = self.param_items(l, s, 2, false)?.unwrap_or(s);
        if self.tok_is(k, TokType::STAR) {
            let after = if self.tok_is(k + 1, TokType::COMMA) {
                Some(k + 2)
            } else {
                self.param_item(l, k + 1, 0)?
            };
            if let Some(a) = after {
                let m = self.param_items(l, a, 2, false)?.unwrap_or(a);
                if self.tok_is(m, TokType::SLASH) {
                    return Err(ParamError(self.loc(m), "/ must be ahead of *"));
                }
            }
        }
        // param_maybe_default+ '/' a='*'
        if let Some(k) = self.param_items(l, d, 2, true)? {
            if self.tok_is(k, TokType::SLASH) && self.tok_is(k + 1, TokType::STAR) {
                return Err(ParamError(
                    self.loc(k + 1),
                    "expected comma between / and *",
                ));
            }
        }
        // `parameters`: the positional parameters and their '/', then
        // `star_etc`.
        let mut k = d;
        loop {
            if let Some(next) = self.param_item(l, k, 2)? {
                k = next;
            } else if let Some(next) = self.slash_sep(l, k) {
                k = next;
            } else {
                break;
            }
        }
        if self.tok_is(k, TokType::STAR) {
            self.invalid_star_etc(l, k)?;
        } else if self.tok_is(k, TokType::DOUBLESTAR) {
            self.invalid_kwds(l, k)?;
        }
        Ok(())
    }

    /// `invalid_star_etc` at the `*` at `star`, then `star_etc` up to its `kwds`.
    fn invalid_star_etc(&mut self, l: &ParamList, star: usize) -> Result<(), ParamError> {
        // A bare `*`: `'*' (')' | ',' (')' | '**'))`, for a lambda
        // `'*' (':' | ',' (':' | '**'))` raised at the last token read.
        let end = if l.lambda {
            TokType::COLON
        } else {
            TokType::RPAR
        };
        let bare = if self.tok_is(star + 1, end) {
            Some(star + 1)
        } else if self.tok_is(star + 1, TokType::COMMA)
            && self.has(star + 2)
            && matches!(self.typ(star + 2), t if t == end || t == TokType::DOUBLESTAR)
        {
            Some(star + 2)
        } else {
            None
        };
        if let Some(b) = bare {
            let at = if l.lambda { b } else { star };
            return Err(ParamError(
                self.loc(at),
                "named arguments must follow bare *",
            ));
        }
        if let Some(p) = self.param(l, star + 1) {
            if self.tok_is(p, TokType::EQUAL) {
                return Err(ParamError(
                    self.loc(p),
                    "var-positional argument cannot have default value",
                ));
            }
        }
        let after = if self.tok_is(star + 1, TokType::COMMA) {
            Some(star + 2)
        } else {
            self.param_item(l, star + 1, 0)?
        };
        let Some(a) = after else {
            return Ok(());
        };
        let m = self.param_items(l, a, 2, false)?.unwrap_or(a);
        if self.tok_is(m, TokType::STAR) {
            let second = if self.tok_is(m + 1, TokType::COMMA) {
                Some(m + 2)
            } else {
                self.param_item(l, m + 1, 0)?
            };
            if second.is_some() {
                return Err(ParamError(self.loc(m), "* argument may appear only once"));
            }
        }
        if self.tok_is(m, TokType::DOUBLESTAR) {
            self.invalid_kwds(l, m)?;
        }
        Ok(())
    }

    /// `invalid_kwds` at the `**` at `stars`.
    fn invalid_kwds(&mut self, l: &ParamList, stars: usize) -> Result<(), ParamError> {
        let Some(p) = self.param(l, stars + 1) else {
            return Ok(());
        };
        if self.tok_is(p, TokType::EQUAL) {
            return Err(ParamError(
                self.loc(p),
                "var-keyword argument cannot have default value",
            ));
        }
        if !self.tok_is(p, TokType::COMMA) {
            return Ok(());
        }
        if let Some(a) = self.param(l, p + 1) {
            return Err(ParamError(
                self.span(p + 1, a - 1),
                "arguments cannot follow var-keyword argument",
            ));
        }
        if self.has(p + 1)
            && matches!(
                self.typ(p + 1),
                TokType::STAR | TokType::DOUBLESTAR | TokType::SLASH
            )
        {
            return Err(ParamError(
                self.loc(p + 1),
                "arguments cannot follow var-keyword argument",
            ));
        }
        Ok(())
    }

    /// The parameter list the first pass stopped in: the first token of a
    /// `def`'s (after its `(`) or a `lambda`'s.
    fn parameter_list_at(&mut self, last: usize) -> Option<(ParamList, usize)> {
        // A def: an enclosing '(' after `def NAME`.
        let mut open = if self.typ(last) == TokType::LPAR {
            Some(last)
        } else {
            self.enclosing_open(last)
        };
        while let Some(o) = open {
            if o >= 2 && self.typ(o - 2) == TokType::KwDef && self.typ(o - 1) == TokType::NAME {
                let d = self.depth(o) + 1;
                return Some((ParamList { lambda: false, d }, o + 1));
            }
            open = self.enclosing_open(o);
        }
        // A lambda whose ':' is not before `last`.
        let s = self.line_start(last);
        let l = (s..=last)
            .rev()
            .find(|&k| self.typ(k) == TokType::KwLambda)?;
        let d = self.depth(l);
        let colon_before =
            (l + 1..last).any(|k| self.typ(k) == TokType::COLON && self.depth(k) == d);
        if colon_before {
            return None;
        }
        Some((ParamList { lambda: true, d }, l + 1))
    }

    /// The `invalid_parameters` family of rules for the parameter list the
    /// first pass stopped in.
    fn parameter_rules(&mut self) -> bool {
        let Some((l, start)) = self.parameter_list_at(self.last) else {
            return false;
        };
        match self.invalid_parameters(&l, start) {
            Ok(()) => false,
            Err(ParamError(loc, msg)) => {
                if self.tokenizer_error.is_some() {
                    return false;
                }
                self.p.raise_syntax_error_known_location(loc, msg.into());
                true
            }
        }
    }
}
