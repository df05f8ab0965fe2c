//! Parsing source text into an AST. Mirrors Parser/pegen.c (CPython 3.11) around
//! the grammar: the token array filled from the tokenizer (`_PyPegen_fill_token`,
//! `initialize_token`) and the driver (`_PyPegen_run_parser`): a first pass and, when
//! it fails, a second pass that looks for the specific SyntaxErrors of the
//! `invalid_*` rules, then `_Pypegen_set_syntax_error`.
//!
//! Differences from CPython: the grammar is rustpython-parser's, which builds the
//! AST. CPython's tokenizer (`tokenizer.rs`) runs beside it and supplies what makes
//! CPython's SyntaxErrors what they are: the token the first pass stopped at (the
//! token at rustpython's error position), tokenizer errors reported in the order
//! CPython's parser would meet them, each token's exact span, and the tokenizer's
//! buffers that the error's text is cut from. The second pass is
//! `invalid_rules.rs`: the `invalid_*` rules reproduced over tokens and the AST.

use crate::compile::{CompileError, ErrorKind};
use crate::tokenizer::{keyword_type, TokState, TokType};
use rustpython_parser::ast;
use rustpython_parser::lexer::LexicalErrorType;
use rustpython_parser::{FStringErrorType, Parse, ParseError, ParseErrorType, Tok};

/// Which start rule the source is parsed with (`Py_file_input`, ...).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StartRule {
    File,
    Single,
    Eval,
    /// The expression of an f-string replacement field (`Py_fstring_input`).
    Fstring,
}

/// A source range with CPython's conventions: 1-based lines, 0-based UTF-8 byte
/// columns, -1 where a token has no text (INDENT, DEDENT, ENDMARKER).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    pub lineno: i32,
    pub col_offset: i32,
    pub end_lineno: i32,
    pub end_col_offset: i32,
}

/// A token of the token array (`Token` in Parser/pegen.h).
#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// The type, with keywords told apart from names.
    pub typ: TokType,
    /// The byte range of the token's text in the tokenizer's input, if it has text.
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// Where the token is in the input: its start, or for a token without text
    /// where the tokenizer stood when it made it (after the indentation for INDENT
    /// and DEDENT, the end of the input for ENDMARKER).
    pub pos: usize,
    /// The bracket nesting level after the token (`tok->level`).
    pub level: usize,
    pub loc: Loc,
}

/// The parser's state (`Parser` in Parser/pegen.h): the tokenizer and the tokens
/// read so far.
pub struct Parser<'a> {
    pub tok: TokState,
    pub tokens: Vec<Token>,
    /// The error raised, if any (`PyErr_Occurred()`).
    pub error: Option<CompileError>,
    pub start_rule: StartRule,
    parsing_started: bool,
    /// Where the parsed text starts in the enclosing source (an f-string
    /// expression's), else 0.
    pub starting_lineno: i32,
    pub starting_col_offset: i32,
    pub filename: &'a str,
    /// `tok->encoding`: known for `str` source and for bytes with a BOM or a coding
    /// cookie. When it is known, error columns are counted in characters.
    pub encoding: Option<String>,
    /// `p->feature_version`: the minor version whose grammar is accepted
    /// (`ast.parse(..., feature_version=...)`).
    pub feature_version: i32,
}

impl<'a> Parser<'a> {
    /// `_PyPegen_Parser_New`.
    pub fn new(
        tok: TokState,
        start_rule: StartRule,
        filename: &'a str,
        encoding: Option<String>,
    ) -> Parser<'a> {
        Parser {
            tok,
            tokens: Vec::new(),
            error: None,
            start_rule,
            parsing_started: false,
            starting_lineno: 0,
            starting_col_offset: 0,
            filename,
            encoding,
            feature_version: 11,
        }
    }

    /// `p->fill`.
    pub fn fill(&self) -> usize {
        self.tokens.len()
    }

    /// The text of token `t`.
    pub fn token_bytes(&self, t: usize) -> &[u8] {
        let tok = &self.tokens[t];
        match (tok.start, tok.end) {
            (Some(s), Some(e)) if s <= e && e <= self.tok.input.len() => &self.tok.input[s..e],
            _ => b"",
        }
    }

    /// The text of token `t` as a string.
    pub fn token_str(&self, t: usize) -> &str {
        std::str::from_utf8(self.token_bytes(t)).unwrap_or("")
    }

    /// `_PyPegen_fill_token`: read one more token. Returns false when the tokenizer
    /// failed (the error is then set).
    pub fn fill_token(&mut self) -> bool {
        if self.error.is_some() {
            return false;
        }
        if let Some(last) = self.tokens.last() {
            if last.typ == TokType::ENDMARKER {
                return false;
            }
        }
        let raw = self.tok.get();
        let mut typ = raw.typ;
        // Interactive input ends with an implied NEWLINE (and DEDENTs) so that a
        // compound statement can end.
        if self.start_rule == StartRule::Single && typ == TokType::ENDMARKER && self.parsing_started
        {
            typ = TokType::NEWLINE;
            self.parsing_started = false;
            self.tok.imply_dedents();
        } else {
            self.parsing_started = true;
        }
        self.initialize_token(typ, raw.typ, raw.start, raw.end)
    }

    /// `initialize_token`.
    fn initialize_token(
        &mut self,
        typ: TokType,
        raw_type: TokType,
        start: Option<usize>,
        end: Option<usize>,
    ) -> bool {
        let typ = match (typ, start, end) {
            (TokType::NAME, Some(s), Some(e)) => {
                keyword_type(&self.tok.input[s..e]).unwrap_or(TokType::NAME)
            }
            _ => typ,
        };
        let is_string = raw_type == TokType::STRING;
        let line_start = if is_string {
            self.tok.multi_line_start
        } else {
            self.tok.line_start
        };
        let lineno = if is_string {
            self.tok.first_lineno
        } else {
            self.tok.lineno
        };
        let col_offset = match start {
            Some(s) if s >= line_start => (s - line_start) as i32,
            _ => -1,
        };
        let end_col_offset = match end {
            Some(e) if e >= self.tok.line_start => (e - self.tok.line_start) as i32,
            _ => -1,
        };
        let on_start_line = self.tok.lineno == self.starting_lineno;
        let shift = |c: i32| {
            if on_start_line {
                self.starting_col_offset + c
            } else {
                c
            }
        };
        let loc = Loc {
            lineno,
            col_offset: shift(col_offset),
            end_lineno: self.tok.lineno,
            end_col_offset: shift(end_col_offset),
        };
        self.tokens.push(Token {
            typ,
            start,
            end,
            pos: start.unwrap_or(self.tok.cur),
            level: self.tok.level,
            loc,
        });
        if typ == TokType::ERRORTOKEN {
            if let Some(e) = self.tok.error.take() {
                self.error = Some(e);
            } else {
                self.tokenizer_error();
            }
            return false;
        }
        true
    }

    /// Reads tokens until token `i` exists. False if the tokenizer failed (or the
    /// input ended) first.
    pub fn fill_to(&mut self, i: usize) -> bool {
        while self.fill() <= i {
            if !self.fill_token() {
                return self.fill() > i;
            }
        }
        true
    }

    /// Reads every token to the end of the input. False if the tokenizer failed.
    pub fn fill_all(&mut self) -> bool {
        loop {
            if let Some(t) = self.tokens.last() {
                if t.typ == TokType::ENDMARKER {
                    return true;
                }
            }
            if !self.fill_token() {
                return self.error.is_none();
            }
        }
    }

    /// The index of the token the first pass stops at when rustpython's parser
    /// stops at byte `offset` of the input (on a token of kind `what`): the first
    /// token there or after it, or the token that spans it. Reads tokens as far as
    /// needed; `None` if the tokenizer fails first.
    fn token_at(&mut self, offset: usize, what: Failure) -> Option<usize> {
        let mut i = 0;
        loop {
            if !self.fill_to(i) {
                return None;
            }
            let t = self.tokens[i];
            // The expression start rules take no INDENT: CPython stops at one
            // wherever rustpython stops.
            if t.typ == TokType::INDENT
                && matches!(self.start_rule, StartRule::Eval | StartRule::Fstring)
            {
                return Some(i);
            }
            let here = match what {
                Failure::Indent => t.typ == TokType::INDENT && t.pos >= offset,
                Failure::Dedent => t.typ == TokType::DEDENT && t.pos >= offset,
                Failure::End => t.typ == TokType::ENDMARKER,
                Failure::Token => {
                    !matches!(t.typ, TokType::INDENT | TokType::DEDENT)
                        && (t.pos >= offset
                            || t.end.is_some_and(|e| e > offset)
                            || t.typ == TokType::ENDMARKER)
                }
            };
            if here {
                return Some(i);
            }
            i += 1;
        }
    }
}

/// What kind of token rustpython's parser stopped at.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Failure {
    Indent,
    Dedent,
    End,
    Token,
}

/// Maps byte offsets of the source to offsets of the tokenizer's input, in which
/// `\r\n` became `\n` (`translate_newlines`).
struct OffsetMap {
    /// Source offsets of the removed `\r` of each `\r\n`, in order.
    removed: Vec<usize>,
}

impl OffsetMap {
    fn new(source: &str) -> OffsetMap {
        let b = source.as_bytes();
        let removed = (0..b.len())
            .filter(|&i| b[i] == b'\r' && b.get(i + 1) == Some(&b'\n'))
            .collect();
        OffsetMap { removed }
    }

    fn to_input(&self, offset: usize) -> usize {
        offset - self.removed.partition_point(|&r| r < offset)
    }
}

/// The AST that parsing produced.
pub enum Parsed {
    Module(Vec<ast::Stmt>),
    Expression(ast::Expr),
}

/// `_PyPegen_run_parser_from_string` and `_PyPegen_run_parser`: parse `source` with
/// the given start rule. `encoding` is `tok->encoding` (None only for bytes source
/// without a BOM or coding cookie); `from_file`: the source is a file being run
/// (`_PyPegen_run_parser_from_file_pointer`).
pub fn run_parser_from_string(
    source: &str,
    filename: &str,
    start_rule: StartRule,
    encoding: Option<&str>,
    from_file: bool,
) -> Result<Parsed, CompileError> {
    run_parser_from_string_version(source, filename, start_rule, encoding, from_file, 11)
}

/// `run_parser_from_string` with `PyCompilerFlags.cf_feature_version`.
pub fn run_parser_from_string_version(
    source: &str,
    filename: &str,
    start_rule: StartRule,
    encoding: Option<&str>,
    from_file: bool,
    feature_version: i32,
) -> Result<Parsed, CompileError> {
    let exec_input = start_rule == StartRule::File;
    let mut tok = TokState::from_source(source.as_bytes(), exec_input);
    tok.fp_input = from_file;
    let mut p = Parser::new(tok, start_rule, filename, encoding.map(str::to_string));
    p.feature_version = feature_version;
    run_parser(p, source)
}

/// A `# type: ignore` comment: its line and tag (`TypeIgnore(lineno, tag)`).
pub type TypeIgnore = (i32, String);

/// Type comments (`ast.parse(..., type_comments=True)`, `PyCF_TYPE_COMMENTS`) for
/// a module parsed from `source`. CPython's tokenizer then makes `# type: ...`
/// comments TYPE_COMMENT tokens, which the grammar takes after an assignment,
/// after the `:` of a `def`, `for` or `with` header (for a `def` also alone on
/// the next line), and after a parameter of a `def` (followed by its comma, or
/// by the closing parenthesis); anywhere else one is a syntax error.
/// `# type: ignore` comments are TYPE_IGNORE tokens that `_PyPegen_fill_token`
/// records and skips, for the module's `type_ignores`.
///
/// rustpython's parser does not see comments, so the source is tokenized again
/// in type-comment mode and each TYPE_COMMENT is matched to the node the grammar
/// would give it; the `type_comment` fields of the tree are filled in place.
pub fn apply_type_comments(
    source: &str,
    filename: &str,
    body: &mut [ast::Stmt],
) -> Result<Vec<TypeIgnore>, CompileError> {
    let mut tok = TokState::from_source(source.as_bytes(), true);
    tok.type_comments = true;
    let mut p = Parser::new(tok, StartRule::File, filename, Some("utf-8".into()));
    if !p.fill_all() {
        return Err(p.take_error());
    }
    let mut ignores = Vec::new();
    let mut kept = Vec::with_capacity(p.tokens.len());
    for (i, t) in p.tokens.iter().enumerate() {
        if t.typ == TokType::TYPE_IGNORE {
            ignores.push((t.loc.lineno, p.token_str(i).to_string()));
        } else {
            kept.push(*t);
        }
    }
    p.tokens = kept;
    let mut tc = TypeComments {
        used: vec![false; p.tokens.len()],
        p: &mut p,
        offsets: OffsetMap::new(source),
        error: None,
    };
    tc.walk(body);
    let error = tc.error.take();
    let used = std::mem::take(&mut tc.used);
    if let Some((msg, loc)) = error {
        p.raise_error_known_location_raw(
            ErrorKind::SyntaxError,
            loc.lineno,
            loc.col_offset,
            loc.end_lineno,
            loc.end_col_offset,
            msg,
        );
        return Err(p.take_error());
    }
    let stray = (0..used.len()).find(|&i| !used[i] && p.tokens[i].typ == TokType::TYPE_COMMENT);
    if let Some(i) = stray {
        p.raise_error(ErrorKind::SyntaxError, Some(i), "invalid syntax".into());
        return Err(p.take_error());
    }
    Ok(ignores)
}

/// The matching of TYPE_COMMENT tokens to nodes for [`apply_type_comments`].
struct TypeComments<'p, 'a> {
    p: &'p mut Parser<'a>,
    /// Which tokens a node took.
    used: Vec<bool>,
    offsets: OffsetMap,
    /// "Cannot have two type comments on def", at the given 1-based position.
    error: Option<(String, Loc)>,
}

impl TypeComments<'_, '_> {
    fn typ(&self, i: usize) -> TokType {
        self.p.tokens.get(i).map_or(TokType::ENDMARKER, |t| t.typ)
    }

    /// The index of the last token that starts before source offset `off`.
    fn last_before(&self, off: ast::text_size::TextSize) -> Option<usize> {
        let off = self.offsets.to_input(off.to_usize());
        let n = self.p.tokens.partition_point(|t| t.pos < off);
        n.checked_sub(1)
    }

    /// The text of TYPE_COMMENT token `i`, taken.
    fn take(&mut self, i: usize) -> Option<String> {
        if self.typ(i) != TokType::TYPE_COMMENT || self.used[i] {
            return None;
        }
        self.used[i] = true;
        Some(self.p.token_str(i).to_string())
    }

    /// Token `i` and the closing parentheses after it that stay inside the
    /// brackets at `level` (those of the node ending at token `i`, which may be
    /// parenthesised): the node's last token.
    fn node_end(&self, mut i: usize, level: usize) -> usize {
        while self.typ(i + 1) == TokType::RPAR && self.p.tokens[i + 1].level >= level {
            i += 1;
        }
        i
    }

    fn walk(&mut self, body: &mut [ast::Stmt]) {
        use ast::Ranged;
        use ast::Stmt as S;
        for s in body {
            match s {
                S::FunctionDef(f) => {
                    self.params(&mut f.args);
                    f.type_comment = self.def_comment(&f.body);
                    self.walk(&mut f.body);
                }
                S::AsyncFunctionDef(f) => {
                    self.params(&mut f.args);
                    f.type_comment = self.def_comment(&f.body);
                    self.walk(&mut f.body);
                }
                S::ClassDef(c) => self.walk(&mut c.body),
                S::For(x) => {
                    x.type_comment = self.header_comment(&x.body);
                    self.walk(&mut x.body);
                    self.walk(&mut x.orelse);
                }
                S::AsyncFor(x) => {
                    x.type_comment = self.header_comment(&x.body);
                    self.walk(&mut x.body);
                    self.walk(&mut x.orelse);
                }
                S::While(x) => {
                    self.walk(&mut x.body);
                    self.walk(&mut x.orelse);
                }
                S::If(x) => {
                    self.walk(&mut x.body);
                    self.walk(&mut x.orelse);
                }
                S::With(x) => {
                    x.type_comment = self.header_comment(&x.body);
                    self.walk(&mut x.body);
                }
                S::AsyncWith(x) => {
                    x.type_comment = self.header_comment(&x.body);
                    self.walk(&mut x.body);
                }
                S::Match(m) => {
                    for case in &mut m.cases {
                        self.walk(&mut case.body);
                    }
                }
                S::Try(t) => self.walk_try(
                    &mut t.body,
                    &mut t.handlers,
                    &mut t.orelse,
                    &mut t.finalbody,
                ),
                S::TryStar(t) => self.walk_try(
                    &mut t.body,
                    &mut t.handlers,
                    &mut t.orelse,
                    &mut t.finalbody,
                ),
                S::Assign(a) => {
                    // `assignment: (star_targets '=')+ (yield_expr | star_expressions)
                    // !'=' TYPE_COMMENT?`
                    if let Some(last) = self.last_before(a.value.range().end()) {
                        // The comment comes after the whole statement, outside
                        // any bracket.
                        let end = self.node_end(last, 0);
                        if self.p.tokens.get(end + 1).is_some_and(|t| t.level == 0) {
                            a.type_comment = self.take(end + 1);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn walk_try(
        &mut self,
        body: &mut [ast::Stmt],
        handlers: &mut [ast::ExceptHandler],
        orelse: &mut [ast::Stmt],
        finalbody: &mut [ast::Stmt],
    ) {
        self.walk(body);
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.walk(&mut h.body);
        }
        self.walk(orelse);
        self.walk(finalbody);
    }

    /// The index of the `:` that ends the header of the block whose body is
    /// `body`.
    fn header_colon(&self, body: &[ast::Stmt]) -> Option<usize> {
        use ast::Ranged;
        let first = body.first()?;
        let mut i = self.last_before(first.range().start())?;
        loop {
            let t = &self.p.tokens[i];
            if t.typ == TokType::COLON && t.level == 0 {
                return Some(i);
            }
            i = i.checked_sub(1)?;
        }
    }

    /// `':' [TYPE_COMMENT] block` of `for` and `with`.
    fn header_comment(&mut self, body: &[ast::Stmt]) -> Option<String> {
        let colon = self.header_colon(body)?;
        self.take(colon + 1)
    }

    /// `func_type_comment`: `NEWLINE TYPE_COMMENT &(NEWLINE INDENT)` or a
    /// TYPE_COMMENT right after the `:`; both is an error
    /// (`invalid_double_type_comments`).
    fn def_comment(&mut self, body: &[ast::Stmt]) -> Option<String> {
        let colon = self.header_colon(body)?;
        let own_line = |tc: &Self, at: usize| {
            tc.typ(at) == TokType::NEWLINE
                && tc.typ(at + 1) == TokType::TYPE_COMMENT
                && tc.typ(at + 2) == TokType::NEWLINE
                && tc.typ(at + 3) == TokType::INDENT
        };
        if self.typ(colon + 1) == TokType::TYPE_COMMENT {
            if own_line(self, colon + 2) {
                let indent = &self.p.tokens[colon + 5];
                let line_start = self.p.tok.input[..indent.pos]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |k| k + 1);
                let col = (indent.pos - line_start) as i32;
                let lineno = indent.loc.lineno;
                self.error = Some((
                    "Cannot have two type comments on def".into(),
                    Loc {
                        lineno,
                        col_offset: col,
                        end_lineno: lineno,
                        end_col_offset: -1,
                    },
                ));
                return None;
            }
            return self.take(colon + 1);
        }
        if own_line(self, colon + 1) {
            return self.take(colon + 2);
        }
        None
    }

    /// The type comments of a `def`'s parameters: `param ',' TYPE_COMMENT?` or
    /// `param TYPE_COMMENT? &')'` (with the default, if any, after the param).
    fn params(&mut self, args: &mut ast::Arguments) {
        use ast::Ranged;
        let one = |tc: &mut Self, arg: &mut ast::Arg, default: Option<&ast::Expr>| {
            let end = default.map_or(arg.range.end(), |d| d.range().end());
            let (Some(name), Some(last)) = (
                tc.last_before(arg.range.start() + ast::text_size::TextSize::from(1)),
                tc.last_before(end),
            ) else {
                return;
            };
            let level = tc.p.tokens[name].level;
            let last = tc.node_end(last, level);
            if tc.typ(last + 1) == TokType::COMMA {
                arg.type_comment = tc.take(last + 2);
            } else if tc.typ(last + 2) == TokType::RPAR {
                arg.type_comment = tc.take(last + 1);
            }
        };
        for a in args
            .posonlyargs
            .iter_mut()
            .chain(args.args.iter_mut())
            .chain(args.kwonlyargs.iter_mut())
        {
            one(self, &mut a.def, a.default.as_deref());
        }
        if let Some(v) = args.vararg.as_deref_mut() {
            one(self, v, None);
        }
        if let Some(k) = args.kwarg.as_deref_mut() {
            one(self, k, None);
        }
    }
}

/// The `func_type` start rule (`Py_func_type_input`): the signature of a
/// function's type comment, `'(' [type_expressions] ')' '->' expression NEWLINE*
/// ENDMARKER`, where `type_expressions` is expressions separated by commas, then
/// optionally `*expression`, then optionally `**expression` (the stars are not
/// kept). Returns the text the nodes' ranges refer to (the tokenizer's input),
/// the argument types and the return type.
///
/// The grammar's tokens are read with CPython's tokenizer; each `expression`,
/// the tokens up to a comma or bracket that ends it, is parsed by rustpython's
/// expression parser. A failure is "invalid syntax" at the token where the rule
/// stopped, as `_PyPegen_set_syntax_error` reports it.
pub fn run_func_type_parser(
    source: &str,
    filename: &str,
) -> Result<(String, (Vec<ast::Expr>, ast::Expr)), CompileError> {
    // The parser state of an expression start rule: like `eval` input, a
    // signature is not file input and takes no INDENT.
    let tok = TokState::from_source(source.as_bytes(), false);
    let mut p = Parser::new(tok, StartRule::Eval, filename, Some("utf-8".into()));
    let text = String::from_utf8_lossy(&p.tok.input).into_owned();
    let mut fp = FuncTypeParser {
        p: &mut p,
        text: &text,
        filename,
        pos: 0,
        fail_at: 0,
    };
    let parsed = fp.func_type();
    let last = fp.fail_at;
    if p.error.is_some() {
        // The tokenizer failed.
        return Err(p.take_error());
    }
    match parsed {
        Some(parsed) => Ok((text, parsed)),
        None => {
            let last = last.min(p.fill().saturating_sub(1));
            p.set_syntax_error(Some(last));
            Err(p.take_error())
        }
    }
}

/// The `func_type` rule, reading tokens as it goes.
struct FuncTypeParser<'p, 'a> {
    p: &'p mut Parser<'a>,
    text: &'p str,
    filename: &'p str,
    /// The next token.
    pos: usize,
    /// The furthest token looked at, where a failure is reported.
    fail_at: usize,
}

impl FuncTypeParser<'_, '_> {
    /// The type of token `i`, read if need be, without counting it as looked at.
    fn raw_typ(&mut self, i: usize) -> TokType {
        if !self.p.fill_to(i) {
            return TokType::ERRORTOKEN;
        }
        self.p.tokens[i].typ
    }

    /// The type of token `i`, which the rule looks at.
    fn typ(&mut self, i: usize) -> TokType {
        let t = self.raw_typ(i);
        if t != TokType::ERRORTOKEN {
            self.fail_at = self.fail_at.max(i);
        }
        t
    }

    fn fail<T>(&mut self, at: usize) -> Option<T> {
        self.fail_at = self.fail_at.max(at);
        None
    }

    fn expect(&mut self, t: TokType) -> Option<()> {
        if self.typ(self.pos) == t {
            self.pos += 1;
            Some(())
        } else {
            self.fail(self.pos)
        }
    }

    fn func_type(&mut self) -> Option<(Vec<ast::Expr>, ast::Expr)> {
        self.expect(TokType::LPAR)?;
        let args = if self.typ(self.pos) == TokType::RPAR {
            Vec::new()
        } else {
            self.type_expressions()?
        };
        self.expect(TokType::RPAR)?;
        self.expect(TokType::RARROW)?;
        let returns = self.expression()?;
        while self.typ(self.pos) == TokType::NEWLINE {
            self.pos += 1;
        }
        self.expect(TokType::ENDMARKER)?;
        Some((args, returns))
    }

    /// `type_expressions`.
    fn type_expressions(&mut self) -> Option<Vec<ast::Expr>> {
        let is_star = |t| matches!(t, TokType::STAR | TokType::DOUBLESTAR);
        let mut out = Vec::new();
        if !is_star(self.typ(self.pos)) {
            out.push(self.expression()?);
            while self.typ(self.pos) == TokType::COMMA && !is_star(self.typ(self.pos + 1)) {
                self.pos += 1;
                out.push(self.expression()?);
            }
            if self.typ(self.pos) != TokType::COMMA {
                return Some(out);
            }
            self.pos += 1;
        }
        if self.typ(self.pos) == TokType::STAR {
            self.pos += 1;
            out.push(self.expression()?);
            if self.typ(self.pos) == TokType::COMMA && self.typ(self.pos + 1) == TokType::DOUBLESTAR
            {
                self.pos += 1;
            } else {
                return Some(out);
            }
        }
        self.expect(TokType::DOUBLESTAR)?;
        out.push(self.expression()?);
        Some(out)
    }

    /// `expression`: the tokens up to a comma, a closing bracket or the end of
    /// the line outside the brackets they open, parsed by rustpython's parser. Not
    /// a bare tuple, named expression, starred expression or `yield`.
    fn expression(&mut self) -> Option<ast::Expr> {
        let start = self.pos;
        let mut open = 0usize;
        let mut end = start;
        loop {
            match self.raw_typ(end) {
                TokType::LPAR | TokType::LSQB | TokType::LBRACE => open += 1,
                TokType::RPAR | TokType::RSQB | TokType::RBRACE if open == 0 => break,
                TokType::RPAR | TokType::RSQB | TokType::RBRACE => open -= 1,
                TokType::COMMA if open == 0 => break,
                TokType::NEWLINE | TokType::ENDMARKER | TokType::ERRORTOKEN => break,
                _ => {}
            }
            end += 1;
        }
        if end == start {
            return self.fail(start);
        }
        let tokens = &self.p.tokens;
        let (Some(from), Some(to)) = (tokens[start].start, tokens[end - 1].end) else {
            return self.fail(start);
        };
        let offset = ast::text_size::TextSize::from(from as u32);
        let expr = match ast::Expr::parse_starts_at(&self.text[from..to], self.filename, offset) {
            Ok(e) => e,
            Err(e) => {
                // The token where rustpython stopped.
                let at = e.offset.to_usize();
                let k = (start..end)
                    .find(|&k| tokens[k].end.is_some_and(|x| x > at))
                    .unwrap_or(end);
                return self.fail(k);
            }
        };
        let level = tokens[start].level;
        let parenthesized = tokens[start].typ == TokType::LPAR
            && tokens[end - 1].typ == TokType::RPAR
            && (start + 1..end - 1).all(|k| tokens[k].level >= level);
        let allowed = parenthesized
            || !matches!(
                expr,
                ast::Expr::Tuple(_)
                    | ast::Expr::NamedExpr(_)
                    | ast::Expr::Starred(_)
                    | ast::Expr::Yield(_)
                    | ast::Expr::YieldFrom(_)
            );
        if !allowed {
            let k = (start..end)
                .find(|&k| tokens[k].level == level && tokens[k].typ == TokType::COLONEQUAL)
                .unwrap_or(start);
            return self.fail(k);
        }
        self.pos = end;
        Some(expr)
    }
}

/// The second half of `fstring_compile_expr` (Parser/string_parser.c), for an
/// expression of a replacement field that rustpython's parser rejected: parse
/// `(expr)` with the f-string start rule, as if it stood where its `{` is (line
/// `lineno`, byte column `col_offset`), to report CPython's SyntaxError: the
/// message prefixed with "f-string: ", the parenthesised text as the error's
/// line.
pub fn fstring_compile_expr_error(
    expr: &str,
    filename: &str,
    lineno: i32,
    col_offset: i32,
) -> CompileError {
    let source = format!("({expr})");
    let mut tok = TokState::from_source(source.as_bytes(), true);
    tok.lineno = lineno - 1;
    let mut p = Parser::new(tok, StartRule::Fstring, filename, None);
    p.starting_lineno = lineno;
    p.starting_col_offset = col_offset;
    match run_parser(p, &source) {
        Err(e) => e,
        // Both parsers should reject the text; if CPython's grammar as pyrs
        // reproduces it accepts it, the error is the generic one.
        Ok(_) => CompileError {
            kind: ErrorKind::SyntaxError,
            msg: "f-string: invalid syntax".into(),
            lineno,
            offset: 0,
            end_lineno: lineno,
            end_offset: 0,
            text: Some(source),
            program_text: false,
        },
    }
}

/// `_PyPegen_run_parser`: parse `source` (the text of `p`'s tokenizer) into an
/// AST, reporting CPython's SyntaxError if it has none.
fn run_parser(mut p: Parser, source: &str) -> Result<Parsed, CompileError> {
    let start_rule = p.start_rule;
    let filename = p.filename;
    // rustpython parses the source itself; lines that hold only a backslash
    // continuation, blank to CPython's tokenizer, are blanked for it (same length,
    // so every offset stays valid).
    let patched = crate::invalid_rules::blank_continuation_lines(source);
    let text = patched.as_deref().unwrap_or(source);
    let result = match start_rule {
        StartRule::Eval | StartRule::Fstring => {
            ast::Expr::parse(text, filename).map(Parsed::Expression)
        }
        StartRule::File | StartRule::Single => {
            ast::Suite::parse(text, filename).map(Parsed::Module)
        }
    };
    // CPython's parser gives up (MemoryError) past `MAXSTACK` levels of
    // recursion; rustpython's does not recurse, so the depth CPython's would reach
    // is estimated from the tokens, up to where rustpython stopped.
    if may_nest_deeply(p.tok.input.as_slice()) {
        let limit = match &result {
            Ok(_) => usize::MAX,
            Err(e) => OffsetMap::new(source).to_input(e.offset.to_usize()),
        };
        if parser_stack_overflows(p.tok.clone(), limit) {
            return Err(CompileError::without_location(ErrorKind::MemoryError, ""));
        }
    }
    match result {
        Ok(parsed) => {
            if let Err(e) = crate::invalid_rules::check_ast(&mut p, &parsed, source) {
                p.raise_rule_error(e, source);
                p.set_syntax_error(None);
                return Err(p.take_error());
            }
            if check_feature_version(&mut p, &parsed, source) {
                return Err(p.take_error());
            }
            // The first pass read every token.
            if !p.fill_all() {
                return Err(p.take_error());
            }
            warn_tokens(&mut p);
            Ok(parsed)
        }
        Err(e) => {
            let error = first_pass_failed(&mut p, e, source);
            // The tokens read before the error were parsed (and warned about)
            // by CPython's first pass too.
            warn_tokens(&mut p);
            Err(error)
        }
    }
}

/// The warning of the tokenizer's `verify_end_of_number`: a number directly
/// followed by one of the keywords that may follow a number in valid code
/// (`1if x else 2`) is "invalid decimal literal" (hexadecimal, octal, binary,
/// imaginary), a SyntaxWarning at the keyword; as an error, the SyntaxError the
/// tokenizer raises there. Found on the token array once parsing succeeded, so
/// that re-tokenizing (the second pass) never repeats it.
fn warn_number_followed_by_keyword(p: &Parser, i: usize) {
    const FOLLOWERS: [&[u8]; 8] = [b"and", b"else", b"for", b"if", b"in", b"is", b"not", b"or"];
    let input = &p.tok.input;
    let (Some(t), Some(next)) = (p.tokens.get(i), p.tokens.get(i + 1)) else {
        return;
    };
    if t.typ != TokType::NUMBER {
        return;
    }
    let (Some(start), Some(end), Some(next_start), Some(next_end)) =
        (t.start, t.end, next.start, next.end)
    else {
        return;
    };
    let follower = &input[next_start..next_end.min(input.len())];
    if next_start != end || !FOLLOWERS.iter().any(|k| follower.starts_with(k)) {
        return;
    }
    let number = input[start..end].to_ascii_lowercase();
    let kind = if number.ends_with(b"j") {
        "imaginary"
    } else if number.starts_with(b"0x") {
        "hexadecimal"
    } else if number.starts_with(b"0o") {
        "octal"
    } else if number.starts_with(b"0b") {
        "binary"
    } else {
        "decimal"
    };
    let msg = format!("invalid {kind} literal");
    let line_start = input[..next_start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |k| k + 1);
    let line_end = input[next_start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(input.len(), |k| next_start + k);
    let col = p.tok.decode(line_start, next_start).chars().count() as i32;
    crate::compile::push_warning(crate::compile::CompileWarning {
        deprecation: false,
        lineno: t.loc.lineno,
        error: CompileError {
            kind: ErrorKind::SyntaxError,
            msg: msg.clone(),
            lineno: t.loc.lineno,
            offset: col,
            end_lineno: t.loc.lineno,
            end_offset: col,
            text: Some(p.tok.decode(line_start, line_end)),
            program_text: false,
        },
        msg,
    });
}

/// The warnings of the tokens read (the tokenizer's and the string parser's), in
/// the order of the tokens, as CPython's single pass issues them.
fn warn_tokens(p: &mut Parser) {
    for i in 0..p.tokens.len() {
        warn_number_followed_by_keyword(p, i);
        crate::string_parser::warn_invalid_escape(p, i);
    }
}

/// rustpython's parser failed: find the token CPython's first pass stops at, run
/// the second pass there and report as `_Pypegen_set_syntax_error` does.
fn first_pass_failed(p: &mut Parser, e: ParseError, source: &str) -> CompileError {
    if let ParseErrorType::Lexical(LexicalErrorType::FStringError(
        FStringErrorType::InvalidExpression {
            token_start,
            start,
            end,
            ..
        },
    )) = &e.error
    {
        let (token_start, start, end) = (token_start.to_usize(), start.to_usize(), end.to_usize());
        if let (Some(expr), Some(before)) = (source.get(start..end), source.get(..start)) {
            // The expression's text is the source's own; its `{` is just before
            // it. `fstring_find_expr_location`: the text parsed stands at the
            // `{`, except that when only whitespace follows the `{` on its line,
            // the column is the string token's if the `{` is on the token's
            // first line, else 0.
            let brace = start.saturating_sub(1);
            let before = &before[..brace];
            let mut lineno = before.matches('\n').count() as i32 + 1;
            let line_start = before.rfind('\n').map_or(0, |k| k + 1);
            let newline_after_brace = expr
                .trim_start_matches([' ', '\t', '\x0c'])
                .starts_with(['\n', '\r']);
            let mut col = if !newline_after_brace {
                (brace - line_start) as i32
            } else if line_start <= token_start {
                (token_start - line_start) as i32
            } else {
                0
            };
            // In an f-string nested in an f-string's expression, the text parsed
            // stands where the outer expression does.
            if p.starting_lineno != 0 {
                if lineno == 1 {
                    col += p.starting_col_offset;
                }
                lineno += p.starting_lineno - 1;
            }
            return fstring_compile_expr_error(expr, p.filename, lineno, col);
        }
    }
    let map = OffsetMap::new(source);
    let offset = map.to_input(e.offset.to_usize());
    let mut offset = offset;
    if let ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { tok }) = &e.error {
        // rustpython reports the position after the character (before a lone '!').
        if *tok != '!' {
            offset = offset.saturating_sub(tok.len_utf8());
        }
    }
    let what = match &e.error {
        ParseErrorType::Eof => Failure::End,
        ParseErrorType::UnrecognizedToken(Tok::Indent, _) => Failure::Indent,
        ParseErrorType::UnrecognizedToken(Tok::Dedent, _) => Failure::Dedent,
        ParseErrorType::UnrecognizedToken(Tok::EndOfFile, _) => Failure::End,
        _ => Failure::Token,
    };
    let Some(last) = p.token_at(offset, what) else {
        // The tokenizer failed before the parser could stop.
        return p.take_error();
    };
    // The rules read ahead as far as they need; when none matches, the generic
    // error is at the token the first pass stopped at, with the tokenizer where
    // the first pass left it.
    let saved = (p.tok.clone(), p.tokens.len());
    crate::invalid_rules::second_pass(p, last, &e);
    if p.error.is_none() {
        p.tok = saved.0;
        p.tokens.truncate(saved.1);
    }
    p.set_syntax_error(Some(last));
    p.take_error()
}

impl Parser<'_> {
    /// The 1-based line and 0-based byte column of offset `off` of the
    /// tokenizer's input.
    pub fn input_line_col(&self, off: usize) -> (i32, i32) {
        let input = &self.tok.input;
        let off = off.min(input.len());
        let line_start = input[..off]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |k| k + 1);
        let lineno = input[..off].iter().filter(|&&b| b == b'\n').count() as i32 + 1;
        (lineno, (off - line_start) as i32)
    }

    /// Raises an error a rule found at a byte range of the source, with the
    /// tokenizer where CPython's would be: just past the range.
    pub fn raise_rule_error(&mut self, e: crate::invalid_rules::RuleError, source: &str) {
        let map = OffsetMap::new(source);
        let (start, end) = (map.to_input(e.start), map.to_input(e.end));
        let mut i = 0;
        while self.fill_to(i) {
            let t = self.tokens[i];
            if t.pos >= end && !matches!(t.typ, TokType::INDENT | TokType::DEDENT) {
                break;
            }
            i += 1;
        }
        if self.error.is_some() {
            return;
        }
        let (l, c) = self.input_line_col(start);
        let (el, ec) = self.input_line_col(end);
        self.raise_error_known_location(e.kind, l, c, el, ec, e.msg);
    }

    /// The error set, or a generic one if (through a bug) none was.
    pub fn take_error(&mut self) -> CompileError {
        self.error.take().unwrap_or_else(|| CompileError {
            kind: ErrorKind::SyntaxError,
            msg: "invalid syntax".into(),
            lineno: self.tok.lineno,
            offset: 0,
            end_lineno: self.tok.lineno,
            end_offset: 0,
            text: None,
            program_text: false,
        })
    }
}

/// The generated parser's limit on its recursion (`MAXSTACK`).
const MAXSTACK: i32 = 6000;
/// Levels of CPython's parser between the start rule and an atom of the
/// outermost expression.
const ATOM_LEVELS: i32 = 24;

/// A cheap upper bound, line by line, of the levels `parser_stack_overflows`
/// could find: whether the estimate is worth making.
fn may_nest_deeply(input: &[u8]) -> bool {
    let mut weight: i64 = 0;
    let mut depth: i64 = 0;
    for &b in input {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                weight += 32;
            }
            b')' | b']' | b'}' => depth -= 1,
            b'\n' if depth <= 0 => {
                depth = 0;
                weight = 0;
            }
            b'-' | b'+' | b'~' | b'*' | b'<' | b'>' | b'=' | b'!' | b':' => weight += 3,
            b'a'..=b'z' => weight += 3,
            _ => {}
        }
        if weight >= i64::from(MAXSTACK - ATOM_LEVELS) {
            return true;
        }
    }
    false
}

/// One open bracket in `parser_stack_overflows`: the levels at its contents, and
/// the costs that hold until the next comma in it.
struct Frame {
    base: i32,
    /// Lambda bodies and `else` branches entered since the last comma.
    persist: i32,
    /// Pending `lambda`s, whose body starts at the next ':'.
    lambdas: i32,
    /// A parenthesised tuple's items are two levels deeper than a group's.
    extra: i32,
    opener: TokType,
}

/// Whether CPython's parser would pass `MAXSTACK` levels before byte `limit` of
/// the input: each bracket, unary operator, `not`, `lambda` body, `**` operand and
/// `else` branch costs the levels that the grammar's rules between them take
/// (measured on python3: 28 for a group, 29 for a list or dict, 24 for a call or
/// subscript, 1 for a unary operator or `not` or `else`, 2 for `**` or `lambda`).
///
/// Differences from CPython: an estimate, exact for chains of one construct;
/// around the limit, mixes of statements and operators may differ by some levels.
fn parser_stack_overflows(mut tok: TokState, limit: usize) -> bool {
    use TokType::*;
    let mut frames: Vec<Frame> = vec![Frame {
        base: ATOM_LEVELS,
        persist: 0,
        lambdas: 0,
        extra: 0,
        opener: NEWLINE,
    }];
    let mut chain = 0i32;
    let mut prev = NEWLINE;
    loop {
        let t = tok.get();
        if matches!(t.typ, ENDMARKER | ERRORTOKEN) || t.start.is_some_and(|s| s >= limit) {
            return false;
        }
        let typ = match (t.typ, t.start, t.end) {
            (NAME, Some(s), Some(e)) => keyword_type(&tok.input[s..e]).unwrap_or(NAME),
            (typ, _, _) => typ,
        };
        // Whether the previous token ends an operand (so `-` is binary after it).
        let operand_before = matches!(
            prev,
            NAME | NUMBER | STRING | RPAR | RSQB | RBRACE | ELLIPSIS | KwTrue | KwFalse | KwNone
        );
        let Some(frame) = frames.last_mut() else {
            return false;
        };
        let here = frame.base + frame.extra + frame.persist + chain;
        if here >= MAXSTACK {
            return true;
        }
        match typ {
            LPAR | LSQB | LBRACE => {
                let cost = match typ {
                    LPAR if operand_before => 24,
                    LSQB if operand_before => 24,
                    LPAR => 28,
                    _ => 29,
                };
                frames.push(Frame {
                    base: here + cost,
                    persist: 0,
                    lambdas: 0,
                    extra: 0,
                    opener: typ,
                });
                chain = 0;
            }
            RPAR | RSQB | RBRACE => {
                if frames.len() > 1 {
                    frames.pop();
                }
                chain = 0;
            }
            NEWLINE | SEMI | INDENT | DEDENT => {
                frames.truncate(1);
                frames[0].persist = 0;
                frames[0].lambdas = 0;
                chain = 0;
            }
            COMMA => {
                if frame.opener == LPAR && !matches!(prev, LPAR) {
                    frame.extra = 2;
                }
                frame.persist = 0;
                frame.lambdas = 0;
                chain = 0;
            }
            MINUS | PLUS | TILDE if !operand_before => chain += 1,
            KwNot if !operand_before && prev != KwIs => chain += 1,
            DOUBLESTAR if operand_before => chain += 2,
            KwLambda => frame.lambdas += 1,
            COLON if frame.lambdas > 0 => {
                frame.lambdas -= 1;
                frame.persist += 2 + chain;
                chain = 0;
            }
            KwElse => {
                frame.persist += 1;
                chain = 0;
            }
            LESS | GREATER | EQEQUAL | NOTEQUAL | LESSEQUAL | GREATEREQUAL | KwIn | KwIs => {
                chain = 3
            }
            KwAnd | KwOr => chain = 2,
            NAME | NUMBER | STRING | DOT | ELLIPSIS | KwTrue | KwFalse | KwNone | KwAwait => {}
            _ if operand_before => chain = 0,
            _ => {}
        }
        prev = typ;
    }
}

// ---- CHECK_VERSION (Parser/pegen.h) ----

/// Where the first pass stands when a grammar action that checks the feature
/// version runs: the error is at the last token read then.
#[derive(Clone, Copy)]
enum VersionAt {
    /// The token the construct ends before (the parser looked ahead to it).
    After(usize),
    /// The token that starts at this offset (the `@=` operator, a number).
    At(usize),
    /// The token that closes parameters ending at this offset (`)` or a
    /// lambda's `:`, after any `,` and `/`).
    Params(usize),
    /// A compound statement spanning `start..end`: its last token (the block's
    /// NEWLINE or DEDENT), or with `peek` the token after it, which the parser
    /// read looking for another clause (`else`, `except`, `finally`).
    Block {
        start: usize,
        end: usize,
        peek: bool,
    },
}

/// A construct newer than the feature version asked for.
struct TooNew {
    at: VersionAt,
    depth: usize,
    msg: String,
}

/// The AST walk of `check_feature_version`: every construct whose grammar
/// action is a `CHECK_VERSION`, with the version it needs.
struct VersionCheck<'s> {
    source: &'s str,
    version: i32,
    depth: usize,
    found: Vec<TooNew>,
}

impl VersionCheck<'_> {
    fn need(&mut self, version: i32, what: &str, at: VersionAt) {
        if self.version < version {
            self.found.push(TooNew {
                at,
                depth: self.depth,
                msg: format!("{what} only supported in Python 3.{version} and greater"),
            });
        }
    }

    fn stmts(&mut self, body: &[ast::Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn exprs(&mut self, es: &[ast::Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    fn opt(&mut self, e: Option<&ast::Expr>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn block(s: &ast::Stmt, peek: bool) -> VersionAt {
        use ast::Ranged;
        VersionAt::Block {
            start: s.start().to_usize(),
            end: s.end().to_usize(),
            peek,
        }
    }

    /// `params` with a `/`: the action runs with the token that closes the
    /// parameters read (`)` or a lambda's `:`).
    fn arguments(&mut self, a: &ast::Arguments) {
        use ast::Ranged;
        let mut end = 0;
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            end = end.max(arg.def.end().to_usize());
            if let Some(ann) = &arg.def.annotation {
                self.expr(ann);
            }
            if let Some(d) = &arg.default {
                end = end.max(d.end().to_usize());
                self.expr(d);
            }
        }
        for arg in a.vararg.iter().chain(&a.kwarg) {
            end = end.max(arg.end().to_usize());
            if let Some(ann) = &arg.annotation {
                self.expr(ann);
            }
        }
        if !a.posonlyargs.is_empty() {
            self.need(8, "Positional-only parameters are", VersionAt::Params(end));
        }
    }

    fn stmt(&mut self, s: &ast::Stmt) {
        use ast::Ranged;
        use ast::Stmt::*;
        if self.depth > 3000 {
            return;
        }
        self.depth += 1;
        match s {
            FunctionDef(f) => {
                self.exprs(&f.decorator_list);
                self.arguments(&f.args);
                self.opt(f.returns.as_deref());
                self.stmts(&f.body);
            }
            AsyncFunctionDef(f) => {
                self.exprs(&f.decorator_list);
                self.arguments(&f.args);
                self.opt(f.returns.as_deref());
                self.stmts(&f.body);
                self.need(5, "Async functions are", Self::block(s, false));
            }
            ClassDef(c) => {
                self.exprs(&c.decorator_list);
                self.exprs(&c.bases);
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                self.stmts(&c.body);
            }
            Return(r) => self.opt(r.value.as_deref()),
            Delete(d) => self.exprs(&d.targets),
            Assign(a) => {
                self.exprs(&a.targets);
                self.expr(&a.value);
            }
            AugAssign(a) => {
                self.expr(&a.target);
                if a.op == ast::Operator::MatMult {
                    self.need(
                        5,
                        "The '@' operator is",
                        VersionAt::At(a.target.end().to_usize()),
                    );
                }
                self.expr(&a.value);
            }
            AnnAssign(a) => {
                self.expr(&a.target);
                self.expr(&a.annotation);
                self.opt(a.value.as_deref());
                // A name in parentheses is not simple.
                let simple = a.simple && a.target.start() == s.start();
                let what = if simple {
                    "Variable annotation syntax is"
                } else {
                    "Variable annotations syntax is"
                };
                self.need(6, what, VersionAt::After(s.end().to_usize()));
            }
            For(f) => {
                self.expr(&f.target);
                self.expr(&f.iter);
                self.stmts(&f.body);
                self.stmts(&f.orelse);
            }
            AsyncFor(f) => {
                self.expr(&f.target);
                self.expr(&f.iter);
                self.stmts(&f.body);
                self.stmts(&f.orelse);
                let at = Self::block(s, f.orelse.is_empty());
                self.need(5, "Async for loops are", at);
            }
            While(w) => {
                self.expr(&w.test);
                self.stmts(&w.body);
                self.stmts(&w.orelse);
            }
            If(i) => {
                self.expr(&i.test);
                self.stmts(&i.body);
                self.stmts(&i.orelse);
            }
            With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr);
                    self.opt(item.optional_vars.as_deref());
                }
                self.stmts(&w.body);
                if self.parenthesized_items(s) {
                    let at = Self::block(s, false);
                    self.need(9, "Parenthesized context managers are", at);
                }
            }
            AsyncWith(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr);
                    self.opt(item.optional_vars.as_deref());
                }
                self.stmts(&w.body);
                self.need(5, "Async with statements are", Self::block(s, false));
            }
            Match(m) => {
                self.expr(&m.subject);
                for c in &m.cases {
                    self.opt(c.guard.as_deref());
                    self.stmts(&c.body);
                }
                self.need(10, "Pattern matching is", Self::block(s, false));
            }
            Raise(r) => {
                self.opt(r.exc.as_deref());
                self.opt(r.cause.as_deref());
            }
            Try(t) => {
                self.try_(&t.body, &t.handlers, &t.orelse, &t.finalbody);
            }
            TryStar(t) => {
                self.try_(&t.body, &t.handlers, &t.orelse, &t.finalbody);
                let at = Self::block(s, t.finalbody.is_empty());
                self.need(11, "Exception groups are", at);
            }
            Assert(a) => {
                self.expr(&a.test);
                self.opt(a.msg.as_deref());
            }
            Expr(e) => self.expr(&e.value),
            _ => {}
        }
        self.depth -= 1;
    }

    fn try_(
        &mut self,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
    ) {
        self.stmts(body);
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.opt(h.type_.as_deref());
            self.stmts(&h.body);
        }
        self.stmts(orelse);
        self.stmts(finalbody);
    }

    fn expr(&mut self, e: &ast::Expr) {
        use ast::Expr::*;
        use ast::Ranged;
        if self.depth > 3000 {
            return;
        }
        self.depth += 1;
        let after = VersionAt::After(e.end().to_usize());
        match e {
            NamedExpr(n) => {
                self.expr(&n.value);
                self.need(8, "Assignment expressions are", after);
            }
            BoolOp(b) => self.exprs(&b.values),
            BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
                if b.op == ast::Operator::MatMult {
                    self.need(5, "The '@' operator is", after);
                }
            }
            UnaryOp(u) => self.expr(&u.operand),
            Lambda(l) => {
                self.arguments(&l.args);
                self.expr(&l.body);
            }
            IfExp(i) => {
                self.expr(&i.body);
                self.expr(&i.test);
                self.expr(&i.orelse);
            }
            Dict(d) => {
                for (k, v) in d.keys.iter().zip(&d.values) {
                    self.opt(k.as_ref());
                    self.expr(v);
                }
            }
            Set(s) => self.exprs(&s.elts),
            ListComp(c) => {
                self.expr(&c.elt);
                self.comprehensions(&c.generators);
            }
            SetComp(c) => {
                self.expr(&c.elt);
                self.comprehensions(&c.generators);
            }
            GeneratorExp(c) => {
                self.expr(&c.elt);
                self.comprehensions(&c.generators);
            }
            DictComp(c) => {
                self.expr(&c.key);
                self.expr(&c.value);
                self.comprehensions(&c.generators);
            }
            Await(a) => {
                self.expr(&a.value);
                self.need(5, "Await expressions are", after);
            }
            Yield(y) => self.opt(y.value.as_deref()),
            YieldFrom(y) => self.expr(&y.value),
            Compare(c) => {
                self.expr(&c.left);
                self.exprs(&c.comparators);
            }
            Call(c) => {
                self.expr(&c.func);
                self.exprs(&c.args);
                for k in &c.keywords {
                    self.expr(&k.value);
                }
            }
            FormattedValue(f) => {
                self.expr(&f.value);
                self.opt(f.format_spec.as_deref());
            }
            JoinedStr(j) => self.exprs(&j.values),
            Attribute(a) => self.expr(&a.value),
            Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Starred(s) => self.expr(&s.value),
            List(l) => self.exprs(&l.elts),
            Tuple(t) => self.exprs(&t.elts),
            Slice(s) => {
                self.opt(s.lower.as_deref());
                self.opt(s.upper.as_deref());
                self.opt(s.step.as_deref());
            }
            Name(_) | Constant(_) => {}
        }
        self.depth -= 1;
    }

    fn comprehensions(&mut self, gens: &[ast::Comprehension]) {
        use ast::Ranged;
        for g in gens {
            self.expr(&g.target);
            self.expr(&g.iter);
            self.exprs(&g.ifs);
            if g.is_async {
                let end = g.ifs.last().unwrap_or(&g.iter).end().to_usize();
                self.need(6, "Async comprehensions are", VersionAt::After(end));
            }
        }
    }

    /// `'with' '(' ','.with_item+ ','? ')' ':'`: the items are in parentheses
    /// of their own (not the first item's).
    fn parenthesized_items(&self, s: &ast::Stmt) -> bool {
        use ast::Ranged;
        let bytes = self.source.as_bytes();
        let skip_blanks = |mut i: usize| {
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\x0c') {
                i += 1;
            }
            i
        };
        let open = skip_blanks(s.start().to_usize() + "with".len());
        if bytes.get(open) != Some(&b'(') {
            return false;
        }
        let Some(close) = crate::ast_opt::matching_paren(bytes, open) else {
            return false;
        };
        bytes.get(skip_blanks(close + 1)) == Some(&b':')
    }
}

/// The `CHECK_VERSION` errors of the first pass (Parser/pegen.h) for
/// `ast.parse(..., feature_version=(3, N))`, and the version checks of the
/// token actions (`_PyPegen_number_token`: underscores in numbers; the
/// `strings` action: f-strings). CPython raises the first one whose action runs,
/// at the last token read then; that is the construct whose token comes first,
/// the innermost of those at one token. Returns whether an error was raised.
///
/// Differences from CPython: the tokenizer's `async_hacks` for versions before
/// 3.7 (`async` and `await` as names outside `async def`) and the f-string
/// check for `=` (3.8) are not reproduced.
fn check_feature_version(p: &mut Parser, parsed: &Parsed, source: &str) -> bool {
    /// `PY_MINOR_VERSION`: every construct is allowed.
    const PY_MINOR_VERSION: i32 = 11;
    if p.feature_version >= PY_MINOR_VERSION {
        return false;
    }
    let mut v = VersionCheck {
        source,
        version: p.feature_version,
        depth: 0,
        found: Vec::new(),
    };
    match parsed {
        Parsed::Module(body) => v.stmts(body),
        Parsed::Expression(e) => v.expr(e),
    }
    // The token array, read by a copy of the tokenizer: `p`'s is to stand where
    // CPython's does when it raises.
    let mut q = Parser::new(p.tok.clone(), p.start_rule, p.filename, p.encoding.clone());
    if !q.fill_all() || q.tokens.is_empty() {
        return false;
    }
    let toks = &q.tokens;
    let last_tok = toks.len() - 1;
    let map = OffsetMap::new(source);
    let first_at = |off: usize| toks.iter().position(|t| t.pos >= off).unwrap_or(last_tok);
    // (token, innermost first, message)
    let mut errors: Vec<(usize, usize, String)> = Vec::new();
    for f in v.found {
        let at = match f.at {
            VersionAt::After(end) | VersionAt::At(end) => first_at(map.to_input(end)),
            VersionAt::Params(end) => {
                let mut i = first_at(map.to_input(end));
                while i < last_tok && matches!(toks[i].typ, TokType::COMMA | TokType::SLASH) {
                    i += 1;
                }
                i
            }
            VersionAt::Block { start, end, peek } => {
                // INDENT and DEDENT stand where the statement's first token does.
                let start = map.to_input(start);
                let Some(first) = toks.iter().position(|t| {
                    t.pos >= start && !matches!(t.typ, TokType::INDENT | TokType::DEDENT)
                }) else {
                    continue;
                };
                // The NEWLINE that ends the statement's last line (its range
                // may or may not hold the line break).
                let end = map.to_input(end);
                let Some(nl) = (first..toks.len())
                    .take_while(|&i| toks[i].pos <= end)
                    .filter(|&i| toks[i].typ == TokType::NEWLINE)
                    .last()
                else {
                    continue;
                };
                let count = |typ| (first..=nl).filter(|&i| toks[i].typ == typ).count();
                let open = count(TokType::INDENT).saturating_sub(count(TokType::DEDENT));
                let block_end = (nl + open).min(last_tok);
                if peek {
                    (block_end + 1).min(last_tok)
                } else {
                    block_end
                }
            }
        };
        errors.push((at, usize::MAX - f.depth, f.msg));
    }
    if p.feature_version < 6 {
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let text = q.token_bytes(i);
            if t.typ == TokType::NUMBER && text.contains(&b'_') {
                errors.push((
                    i,
                    0,
                    "Underscores in numeric literals are only supported in Python 3.6 and greater"
                        .into(),
                ));
            }
            if t.typ == TokType::STRING {
                // The `strings` action joins the tokens of one atom, having read
                // the token after them.
                let mut end = i;
                let mut fstring = false;
                while end < toks.len() && toks[end].typ == TokType::STRING {
                    let b = q.token_bytes(end);
                    let prefix = b.iter().take_while(|c| c.is_ascii_alphabetic());
                    fstring |= prefix.into_iter().any(|c| matches!(c, b'f' | b'F'));
                    end += 1;
                }
                if fstring {
                    errors.push((
                        end.min(last_tok),
                        0,
                        "Format strings are only supported in Python 3.6 and greater".into(),
                    ));
                }
                i = end;
                continue;
            }
            i += 1;
        }
    }
    let Some((at, _, msg)) = errors.into_iter().min_by_key(|e| (e.0, e.1)) else {
        return false;
    };
    if !p.fill_to(at) {
        return p.error.is_some();
    }
    p.raise_error(ErrorKind::SyntaxError, Some(at), msg);
    p.error.is_some()
}
