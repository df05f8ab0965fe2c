//! Parsing, and turning parse errors into CPython's SyntaxErrors. Mirrors the error
//! reporting of Parser/pegen_errors.c and Parser/tokenizer.c (CPython 3.11).
//!
//! Differences from CPython: the grammar is rustpython-parser's LALR one, whose
//! errors are far less specific than pegen's. So a light scan of the source runs
//! first and reports, in source order, what CPython's tokenizer and its first
//! parser pass catch with their own messages: unterminated strings, brackets that
//! are unmatched, mismatched, never closed or nested more than 200 deep, unexpected
//! indents, dedents that match no outer level and missing indented blocks. The rest
//! of the parser's errors map to "invalid syntax" (or a few specific messages the
//! rustpython parser can tell apart). Syntax newer than 3.11 that rustpython accepts
//! (PEP 695 `type` statements and type parameters) is rejected here.

use crate::compile::{CompileError, ErrorKind, LineIndex};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::{Parse, ParseError, ParseErrorType};

/// The tokenizer's limit on open brackets (`MAXLEVEL`).
const MAXLEVEL: usize = 200;

fn err(
    kind: ErrorKind,
    msg: String,
    lineno: u32,
    offset: u32,
    end_lineno: u32,
    end_offset: u32,
) -> CompileError {
    CompileError {
        kind,
        msg,
        lineno,
        offset,
        end_lineno,
        end_offset,
        text: None,
    }
}

fn syntax(msg: &str, lineno: u32, offset: u32) -> CompileError {
    err(
        ErrorKind::SyntaxError,
        msg.to_string(),
        lineno,
        offset,
        lineno,
        offset,
    )
}

/// Which compound statement a header line opens, for "expected an indented block".
fn block_kind(first_word: &str, rest: &str) -> Option<String> {
    Some(match first_word {
        "if" | "elif" | "else" | "for" | "while" | "with" | "try" | "finally" => {
            format!("'{first_word}' statement")
        }
        "except" => {
            if rest.trim_start().starts_with('*') {
                "'except*' statement".into()
            } else {
                "'except' statement".into()
            }
        }
        "def" => "function definition".into(),
        "class" => "class definition".into(),
        "async" => {
            let w = rest.split_whitespace().next().unwrap_or("");
            match w {
                "def" => "function definition".into(),
                "for" | "with" => format!("'{w}' statement"),
                _ => return None,
            }
        }
        "match" => "'match' statement".into(),
        "case" => "'case' statement".into(),
        _ => return None,
    })
}

struct Line {
    lineno: u32,
    indent: String,
    /// Character offset of the first token.
    first_col: u32,
    text: String,
    /// Whether the logical line ended with a ':' outside brackets.
    ends_with_colon: bool,
    /// Character offset just past the colon.
    end_col: u32,
    /// Character offset just past the last token.
    content_end: u32,
}

/// Scans the source as CPython's tokenizer would for the errors it reports itself.
/// Returns the source to hand to rustpython: the same text, except that lines
/// made of a lone continuation backslash are blanked (same length, so every offset
/// stays valid).
pub fn check_source(source: &str, _lines: &LineIndex) -> Result<Option<String>, CompileError> {
    if source.contains('\0') {
        // 3.11 reports this before tokenizing, without a location.
        return Err(err(
            ErrorKind::SyntaxError,
            "source code string cannot contain null bytes".into(),
            0,
            0,
            0,
            0,
        ));
    }
    let chars: Vec<char> = source.chars().collect();
    let mut blank_continuations: Vec<usize> = Vec::new();
    let mut i = 0;
    let mut lineno: u32 = 1;
    let mut col: u32 = 0;
    let mut stack: Vec<(char, u32, u32)> = Vec::new();
    let mut logical: Vec<Line> = Vec::new();
    let mut at_line_start = true;
    let mut cur: Option<Line> = None;
    let advance = |c: char, lineno: &mut u32, col: &mut u32| {
        if c == '\n' {
            *lineno += 1;
            *col = 0;
        } else {
            *col += 1;
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if at_line_start && stack.is_empty() {
            // Measure the indentation of a new logical line.
            let start = i;
            let line_no = lineno;
            while i < chars.len() && matches!(chars[i], ' ' | '\t' | '\x0c') {
                i += 1;
                col += 1;
            }
            let indent: String = chars[start..i].iter().collect();
            if i >= chars.len() {
                break;
            }
            if chars[i] == '\\' && matches!(chars.get(i + 1), Some('\n' | '\r')) {
                // A line that is only a continuation: CPython treats it as blank,
                // rustpython's lexer does not (so it is blanked before parsing).
                blank_continuations.push(i);
            }
            if matches!(chars[i], '\n' | '#' | '\r')
                || (chars[i] == '\\' && matches!(chars.get(i + 1), Some('\n' | '\r')))
            {
                // Blank or comment-only line: skip to its end.
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                if i < chars.len() {
                    i += 1;
                }
                lineno += 1;
                col = 0;
                continue;
            }
            at_line_start = false;
            cur = Some(Line {
                lineno: line_no,
                indent,
                first_col: col,
                text: String::new(),
                ends_with_colon: false,
                end_col: 0,
                content_end: col,
            });
            continue;
        }
        match c {
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                    col += 1;
                }
            }
            '\\' if chars.get(i + 1) == Some(&'\n') => {
                i += 2;
                lineno += 1;
                col = 0;
            }
            '\\' if chars.get(i + 1) == Some(&'\r') && chars.get(i + 2) == Some(&'\n') => {
                i += 3;
                lineno += 1;
                col = 0;
            }
            '\\' if i + 1 < chars.len() => {
                return Err(syntax(
                    "unexpected character after line continuation character",
                    lineno,
                    col + 2,
                ));
            }
            '\n' => {
                i += 1;
                lineno += 1;
                col = 0;
                if stack.is_empty() {
                    if let Some(l) = cur.take() {
                        logical.push(l);
                    }
                    at_line_start = true;
                }
            }
            '\'' | '"' => {
                // A string literal (its prefix letters were consumed as a word).
                let (start_line, start_col) = (lineno, col);
                let i0 = i;
                let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                let qlen = if triple { 3 } else { 1 };
                for _ in 0..qlen {
                    advance(chars[i], &mut lineno, &mut col);
                    i += 1;
                }
                let mut closed = false;
                while i < chars.len() {
                    let d = chars[i];
                    if d == '\\' && i + 1 < chars.len() {
                        advance(d, &mut lineno, &mut col);
                        advance(chars[i + 1], &mut lineno, &mut col);
                        i += 2;
                        continue;
                    }
                    if !triple && d == '\n' {
                        break;
                    }
                    if d == c
                        && (!triple
                            || (chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c)))
                    {
                        for _ in 0..qlen {
                            advance(chars[i], &mut lineno, &mut col);
                            i += 1;
                        }
                        closed = true;
                        break;
                    }
                    advance(d, &mut lineno, &mut col);
                    i += 1;
                }
                if !closed {
                    // The literal starts at its prefix letters (`rb"`, `f'`).
                    let mut p = i0;
                    while p > 0
                        && p + 3 > i0
                        && matches!(chars[p - 1], 'r' | 'R' | 'b' | 'B' | 'u' | 'U' | 'f' | 'F')
                    {
                        p -= 1;
                    }
                    let word_before =
                        p > 0 && (chars[p - 1].is_alphanumeric() || chars[p - 1] == '_');
                    let prefix = if word_before { 0 } else { (i0 - p) as u32 };
                    let msg = if triple {
                        // A final newline does not start another line.
                        let last = if chars.last() == Some(&'\n') {
                            lineno - 1
                        } else {
                            lineno
                        };
                        format!(
                            "unterminated triple-quoted string literal (detected at line {last})"
                        )
                    } else {
                        format!("unterminated string literal (detected at line {start_line})")
                    };
                    return Err(syntax(&msg, start_line, start_col - prefix + 1));
                }
                if let Some(l) = cur.as_mut() {
                    l.text.push('s');
                    l.ends_with_colon = false;
                    l.content_end = col;
                }
            }
            '(' | '[' | '{' => {
                if stack.len() >= MAXLEVEL {
                    return Err(syntax("too many nested parentheses", lineno, col + 1));
                }
                stack.push((c, lineno, col));
                i += 1;
                col += 1;
                if let Some(l) = cur.as_mut() {
                    l.text.push(c);
                    l.ends_with_colon = false;
                    l.content_end = col;
                }
            }
            ')' | ']' | '}' => {
                let Some((open, oline, _ocol)) = stack.pop() else {
                    return Err(syntax(&format!("unmatched '{c}'"), lineno, col + 1));
                };
                let expected = match open {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                if expected != c {
                    let msg = if oline != lineno {
                        format!("closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {oline}")
                    } else {
                        format!(
                            "closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                        )
                    };
                    return Err(syntax(&msg, lineno, col + 1));
                }
                i += 1;
                col += 1;
                if let Some(l) = cur.as_mut() {
                    l.text.push(c);
                    l.ends_with_colon = false;
                    l.content_end = col;
                }
            }
            _ => {
                i += 1;
                col += 1;
                if let Some(l) = cur.as_mut() {
                    if c == ':' && stack.is_empty() {
                        l.ends_with_colon = true;
                        l.end_col = col;
                    } else if !c.is_whitespace() {
                        l.ends_with_colon = false;
                    }
                    if !c.is_whitespace() {
                        l.content_end = col;
                    }
                    l.text.push(c);
                }
            }
        }
    }
    if let Some((open, oline, ocol)) = stack.last() {
        return Err(err(
            ErrorKind::SyntaxError,
            format!("'{open}' was never closed"),
            *oline,
            ocol + 1,
            *oline,
            0,
        ));
    }
    if let Some(l) = cur.take() {
        logical.push(l);
    }
    let physical: Vec<&str> = source.split('\n').collect();
    check_indentation(&logical, &physical)?;
    if blank_continuations.is_empty() {
        return Ok(None);
    }
    let mut patched: Vec<char> = chars;
    for k in blank_continuations {
        patched[k] = ' ';
    }
    Ok(Some(patched.into_iter().collect()))
}

/// The indentation errors of the tokenizer (dedent to no outer level) and of the
/// parser's first pass (unexpected indent, missing block), in source order.
fn check_indentation(lines: &[Line], physical: &[&str]) -> Result<(), CompileError> {
    let mut levels: Vec<usize> = vec![0];
    let width = |s: &str| -> usize {
        let mut w = 0;
        for ch in s.chars() {
            match ch {
                '\t' => w = (w / 8 + 1) * 8,
                '\x0c' => w = 0,
                _ => w += 1,
            }
        }
        w
    };
    let physical_len = |lineno: u32| -> u32 {
        physical
            .get(lineno as usize - 1)
            .map_or(0, |l| l.trim_end_matches('\r').chars().count() as u32)
    };
    let end_of_input = || -> (u32, u32) {
        // The end of the file's last line (a final newline does not start another).
        let n = if physical.len() > 1 && physical.last() == Some(&"") {
            physical.len() - 1
        } else {
            physical.len()
        };
        let tail = physical.get(n.saturating_sub(1)).copied().unwrap_or("");
        (
            n.max(1) as u32,
            tail.trim_end_matches('\r').chars().count() as u32 + 1,
        )
    };
    // Indentation of each `try:` still waiting for its `except`/`finally`.
    let mut pending_try: Vec<usize> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let w = width(&line.indent);
        let top = *levels.last().unwrap_or(&0);
        let prev_opens_block = k > 0 && is_block_header(&lines[k - 1]);
        let (word, rest) = split_first_word(&line.text);
        // Only the innermost waiting `try` can be answered (or failed) here.
        if let Some(&t) = pending_try.last() {
            let answered = w == t && (word == "finally" || word == "except");
            if answered {
                pending_try.pop();
            } else if w <= t && !prev_opens_block && (w >= top || levels.contains(&w)) {
                return Err(err(
                    ErrorKind::SyntaxError,
                    "expected 'except' or 'finally' block".into(),
                    line.lineno,
                    line.first_col + 1,
                    line.lineno,
                    line.first_col + 1,
                ));
            }
        }
        if word == "try" && rest.trim_start().starts_with(':') {
            pending_try.push(w);
        }
        // The tokenizer's dedent check comes before the parser's block check.
        if w < top && !levels.contains(&w) {
            return Err(err(
                ErrorKind::IndentationError,
                "unindent does not match any outer indentation level".into(),
                line.lineno,
                physical_len(line.lineno) + 1,
                line.lineno,
                0,
            ));
        }
        if prev_opens_block && w <= top {
            let prev = &lines[k - 1];
            let (word, rest) = split_first_word(&prev.text);
            let what = block_kind(word, rest).unwrap_or_else(|| "statement".into());
            // At a dedent the parser stops on the DEDENT token, one column
            // before the first token.
            let col = if w < top {
                line.first_col
            } else {
                line.first_col + 1
            };
            return Err(err(
                ErrorKind::IndentationError,
                format!(
                    "expected an indented block after {what} on line {}",
                    prev.lineno
                ),
                line.lineno,
                col,
                line.lineno,
                line.first_col + 1 + first_token_len(&line.text) as u32,
            ));
        }
        if w > top {
            if k > 0 && !prev_opens_block && opens_compound(&lines[k - 1]) {
                // `if x` followed by an indented block: the parser stops at the
                // missing colon first.
                let prev = &lines[k - 1];
                return Err(err(
                    ErrorKind::SyntaxError,
                    "expected ':'".into(),
                    prev.lineno,
                    prev.content_end + 1,
                    prev.lineno,
                    prev.content_end + 1,
                ));
            }
            if !prev_opens_block {
                return Err(err(
                    ErrorKind::IndentationError,
                    "unexpected indent".into(),
                    line.lineno,
                    line.first_col,
                    line.lineno,
                    0,
                ));
            }
            levels.push(w);
        } else if w < top {
            while levels.last().is_some_and(|&l| l > w) {
                levels.pop();
            }
        }
    }
    if let Some(last) = lines.last() {
        if is_block_header(last) {
            let (word, rest) = split_first_word(&last.text);
            let what = block_kind(word, rest).unwrap_or_else(|| "statement".into());
            let (line, col) = end_of_input();
            return Err(err(
                ErrorKind::IndentationError,
                format!(
                    "expected an indented block after {what} on line {}",
                    last.lineno
                ),
                line,
                col,
                line,
                0,
            ));
        }
    }
    if !pending_try.is_empty() {
        let (line, col) = end_of_input();
        return Err(err(
            ErrorKind::SyntaxError,
            "expected 'except' or 'finally' block".into(),
            line,
            col,
            line,
            col,
        ));
    }
    Ok(())
}

fn first_token_len(text: &str) -> usize {
    let n = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .count();
    n.max(1)
}

fn split_first_word(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    (&text[..end], &text[end..])
}

/// A logical line that starts with a compound keyword (other than the soft ones).
fn opens_compound(line: &Line) -> bool {
    let (word, rest) = split_first_word(&line.text);
    !matches!(word, "match" | "case") && block_kind(word, rest).is_some()
}

/// A logical line that ends with ':' and starts with a compound keyword, with
/// nothing after the colon (so its block must follow, indented).
fn is_block_header(line: &Line) -> bool {
    if !line.ends_with_colon {
        return false;
    }
    let (word, rest) = split_first_word(&line.text);
    if matches!(word, "match" | "case") {
        // Soft keywords: only a header if what follows is not an operator or '='.
        let r = rest.trim_start();
        let attribute =
            r.starts_with('.') && r[1..].starts_with(|c: char| c.is_alphabetic() || c == '_');
        if r.is_empty() || r.starts_with('=') || attribute || r.starts_with(':') {
            return false;
        }
    }
    block_kind(word, rest).is_some()
}

/// Maps a rustpython parse error to CPython's SyntaxError.
fn map_parse_error(e: ParseError, lines: &LineIndex) -> CompileError {
    let offset = e.offset.to_usize();
    let (line, _) = lines.line_col(offset);
    let col = lines.char_col(offset) + 1;
    use rustpython_parser::lexer::LexicalErrorType as L;
    let (kind, msg) = match &e.error {
        ParseErrorType::Eof => (
            ErrorKind::SyntaxError,
            "unexpected EOF while parsing".to_string(),
        ),
        ParseErrorType::Lexical(l) => match l {
            L::IndentationError => (
                ErrorKind::IndentationError,
                "unindent does not match any outer indentation level".into(),
            ),
            L::TabError | L::TabsAfterSpaces => (
                ErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation".into(),
            ),
            L::DefaultArgumentError => (
                ErrorKind::SyntaxError,
                "non-default argument follows default argument".into(),
            ),
            L::DuplicateArgumentError(name) => (
                ErrorKind::SyntaxError,
                format!("duplicate argument '{name}' in function definition"),
            ),
            L::PositionalArgumentError => (
                ErrorKind::SyntaxError,
                "positional argument follows keyword argument".into(),
            ),
            L::UnpackedArgumentError => (
                ErrorKind::SyntaxError,
                "iterable argument unpacking follows keyword argument unpacking".into(),
            ),
            L::DuplicateKeywordArgumentError(name) => (
                ErrorKind::SyntaxError,
                format!("keyword argument repeated: {name}"),
            ),
            L::LineContinuationError => (
                ErrorKind::SyntaxError,
                "unexpected character after line continuation character".into(),
            ),
            L::UnicodeError => (
                ErrorKind::SyntaxError,
                "(unicode error) invalid escape sequence".into(),
            ),
            L::FStringError(f) => (ErrorKind::SyntaxError, format!("f-string: {f}")),
            _ => (ErrorKind::SyntaxError, "invalid syntax".into()),
        },
        ParseErrorType::UnrecognizedToken(tok, expected) => {
            use rustpython_parser::Tok;
            if let Some(err) = legacy_statement(lines, line) {
                return err;
            }
            match tok {
                Tok::Indent => (ErrorKind::IndentationError, "unexpected indent".into()),
                _ if expected.as_deref() == Some("':'") => {
                    (ErrorKind::SyntaxError, "expected ':'".into())
                }
                _ => (ErrorKind::SyntaxError, "invalid syntax".into()),
            }
        }
        _ => (ErrorKind::SyntaxError, "invalid syntax".into()),
    };
    err(kind, msg, line, col, line, col)
}

/// Mirrors `invalid_legacy_expression`: `print "x"` and `exec "x"` are Python 2.
fn legacy_statement(lines: &LineIndex, line: u32) -> Option<CompileError> {
    let text = lines.line_text(line)?;
    let trimmed = text.trim_start();
    let indent = text.chars().count() - trimmed.chars().count();
    for name in ["print", "exec"] {
        if let Some(rest) = trimmed.strip_prefix(name) {
            let next = rest.chars().next()?;
            let after = rest.trim_start();
            let starts_expr = after.starts_with(|c: char| {
                c.is_alphanumeric() || matches!(c, '"' | '\'' | '_' | '[' | '{' | '-' | '+' | '~')
            });
            if (next == ' ' || next == '\t') && starts_expr {
                let end = text.trim_end().chars().count() as u32 + 1;
                return Some(err(
                    ErrorKind::SyntaxError,
                    format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                    line,
                    indent as u32 + 1,
                    line,
                    end,
                ));
            }
        }
    }
    None
}

/// Parses a module (exec mode) or an interactive statement (single mode).
pub fn parse_module(
    source: &str,
    filename: &str,
    lines: &LineIndex,
    single: bool,
) -> Result<Vec<ast::Stmt>, CompileError> {
    let body = ast::Suite::parse(source, filename).map_err(|e| map_parse_error(e, lines))?;
    reject_newer_syntax(&body, lines)?;
    check_targets(&body, lines, source)?;
    if single {
        check_single_statement(&body, lines)?;
    }
    Ok(body)
}

/// Interactive input is one statement (or one line of `;`-separated simple ones).
fn check_single_statement(body: &[ast::Stmt], lines: &LineIndex) -> Result<(), CompileError> {
    let Some(first) = body.first() else {
        return Err(err(
            ErrorKind::SyntaxError,
            "invalid syntax".into(),
            0,
            0,
            0,
            0,
        ));
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
        let (l, _) = lines.line_col(second.range().start().to_usize());
        let c = lines.char_col(second.range().start().to_usize()) + 1;
        return Err(err(
            ErrorKind::SyntaxError,
            "invalid syntax".into(),
            l,
            c,
            l,
            c,
        ));
    }
    let end = first.range().end().to_usize();
    let (l, _) = lines.line_col(end);
    let c = lines.char_col(end) + 1;
    Err(err(
        ErrorKind::SyntaxError,
        "multiple statements found while compiling a single statement".into(),
        l,
        c,
        l,
        c,
    ))
}

/// Parses an expression (eval mode).
pub fn parse_expression(
    source: &str,
    filename: &str,
    lines: &LineIndex,
) -> Result<ast::Expr, CompileError> {
    ast::Expr::parse(source, filename).map_err(|e| map_parse_error(e, lines))
}

/// 3.11 has no `type` statement and no type parameters; report them where 3.11's
/// parser stops: at the name after `type`, at the `[` after a function name
/// ("expected '('"), at the `[` after a class name.
fn reject_newer_syntax(body: &[ast::Stmt], lines: &LineIndex) -> Result<(), CompileError> {
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
            let (line, _) = lines.line_col(offset);
            let col = lines.char_col(offset) + 1;
            return Err(err(
                ErrorKind::SyntaxError,
                msg.into(),
                line,
                col,
                line,
                col + 1,
            ));
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
            reject_newer_syntax(b, lines)?;
        }
        let handlers = match s {
            ast::Stmt::Try(t) => Some(&t.handlers),
            ast::Stmt::TryStar(t) => Some(&t.handlers),
            _ => None,
        };
        for h in handlers.into_iter().flatten() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            reject_newer_syntax(&h.body, lines)?;
        }
    }
    Ok(())
}

/// The offset of the `[` that opens a type parameter list.
fn bracket_before(params: &[ast::TypeParam]) -> usize {
    params[0].range().start().to_usize().saturating_sub(1)
}

/// Code points of bytes 0x80..0x9F in Windows-1252 (0: undefined); the rest of
/// the code page is Latin-1. Read off python3's `cp1252` codec.
const CP1252_HIGH: [u32; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// Mirrors `get_normal_name` (Parser/tokenizer.c), extended with the aliases that
/// Python's codec registry resolves to the codecs decoded here.
fn normal_encoding_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    if lower == "utf-8"
        || lower.starts_with("utf-8-")
        || matches!(lower.as_str(), "utf8" | "u8" | "utf" | "cp65001")
    {
        return "utf-8".into();
    }
    for latin in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if lower == latin || lower.starts_with(&format!("{latin}-")) {
            return "iso-8859-1".into();
        }
    }
    match lower.as_str() {
        "latin1" | "latin" | "l1" | "iso8859-1" | "iso8859" | "8859" | "cp819" | "iso-ir-100"
        | "csisolatin1" => "iso-8859-1".into(),
        "cp1252" | "windows-1252" => "cp1252".into(),
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" => "ascii".into(),
        _ => name.to_string(),
    }
}

/// The encoding named by a PEP 263 coding cookie on this line, if any.
fn coding_cookie(line: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(line);
    let t = text.trim_start_matches([' ', '\t', '\x0c']);
    if !t.starts_with('#') {
        return None;
    }
    let idx = t.find("coding")?;
    let rest = &t[idx + 6..];
    let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    if name.is_empty() {
        None
    } else {
        Some(name)
    }
}

/// Decodes source bytes as CPython's tokenizer does: a UTF-8 BOM, or a PEP 263
/// coding cookie on the first or second line, else UTF-8.
///
/// Differences from CPython: only UTF-8, Latin-1, Windows-1252 and ASCII are
/// decoded (CPython accepts every codec it has); other cookies give "unknown
/// encoding". Invalid UTF-8
/// is reported on the right line but not with CPython's exact byte position.
pub fn decode_source(source: &[u8]) -> Result<String, CompileError> {
    let (bom, body) = match source.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, source),
    };
    let mut lines = body.split(|&b| b == b'\n');
    let first = lines.next().unwrap_or(&[]);
    let mut cookie = coding_cookie(first);
    if cookie.is_none() {
        let blank_or_comment = {
            let t = String::from_utf8_lossy(first);
            let t = t.trim();
            t.is_empty() || t.starts_with('#')
        };
        if blank_or_comment {
            cookie = lines.next().and_then(coding_cookie);
        }
    }
    let encoding = cookie
        .map(|c| normal_encoding_name(&c))
        .unwrap_or_else(|| "utf-8".into());
    if bom && encoding != "utf-8" {
        return Err(err(
            ErrorKind::SyntaxError,
            format!("encoding problem: {encoding} with BOM"),
            0,
            0,
            0,
            0,
        ));
    }
    match encoding.as_str() {
        "utf-8" => std::str::from_utf8(body).map(|s| s.to_string()).map_err(|e| {
            let upto = &body[..e.valid_up_to()];
            let line = upto.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let bad = body[e.valid_up_to()];
            let why = if e.error_len().is_none() { "unexpected end of data" } else { "invalid start byte" };
            err(
                ErrorKind::SyntaxError,
                format!("(unicode error) 'utf-8' codec can't decode byte 0x{bad:02x} in position 0: {why}"),
                line,
                0,
                line,
                0,
            )
        }),
        "iso-8859-1" => Ok(body.iter().map(|&b| b as char).collect()),
        "cp1252" => {
            let mut out = String::with_capacity(body.len());
            for (k, &b) in body.iter().enumerate() {
                let c = if (0x80..0xa0).contains(&b) { CP1252_HIGH[(b - 0x80) as usize] } else { b as u32 };
                match char::from_u32(c).filter(|_| c != 0 || b == 0) {
                    Some(ch) => out.push(ch),
                    None => {
                        let line = body[..k].iter().filter(|&&x| x == b'\n').count() as u32 + 1;
                        return Err(err(
                            ErrorKind::SyntaxError,
                            format!("(unicode error) 'charmap' codec can't decode byte 0x{b:02x} in position 0: character maps to <undefined>"),
                            line,
                            0,
                            line,
                            0,
                        ));
                    }
                }
            }
            Ok(out)
        }
        "ascii" => {
            if let Some(p) = body.iter().position(|&b| b >= 0x80) {
                let line = body[..p].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
                return Err(err(
                    ErrorKind::SyntaxError,
                    format!("(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position 0: ordinal not in range(128)", body[p]),
                    line,
                    0,
                    line,
                    0,
                ));
            }
            Ok(String::from_utf8_lossy(body).into_owned())
        }
        other => Err(err(ErrorKind::SyntaxError, format!("unknown encoding: {other}"), 0, 0, 0, 0)),
    }
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
    lines: &'l LineIndex,
    source: &'l str,
    depth: usize,
}

impl TargetChecker<'_> {
    fn error_at(&self, msg: String, range: ast::text_size::TextRange) -> CompileError {
        let (l, _) = self.lines.line_col(range.start().to_usize());
        let (el, _) = self.lines.line_col(range.end().to_usize());
        let c = self.lines.char_col(range.start().to_usize()) + 1;
        let ec = self.lines.char_col(range.end().to_usize()) + 1;
        err(ErrorKind::SyntaxError, msg, l, c, el, ec)
    }

    fn check_target(&self, e: &ast::Expr, t: Targets) -> Result<(), CompileError> {
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
    ) -> Result<(), CompileError> {
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
    ) -> Result<(), CompileError> {
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

    fn stmts(&mut self, body: &[ast::Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<(), CompileError> {
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
    ) -> Result<(), CompileError> {
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
    ) -> Result<(), CompileError> {
        self.stmts(body)?;
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.opt(h.type_.as_deref())?;
            self.stmts(&h.body)?;
        }
        self.stmts(orelse)?;
        self.stmts(finalbody)
    }

    fn arguments(&mut self, a: &ast::Arguments) -> Result<(), CompileError> {
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            self.opt(arg.default.as_deref())?;
        }
        Ok(())
    }

    /// Checks the value patterns that rustpython's grammar lets through: a
    /// complex literal must be `real +/- imaginary`.
    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), CompileError> {
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

    fn opt(&mut self, e: Option<&ast::Expr>) -> Result<(), CompileError> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn exprs(&mut self, es: &[ast::Expr]) -> Result<(), CompileError> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn comprehensions(&mut self, gens: &[ast::Comprehension]) -> Result<(), CompileError> {
        for g in gens {
            self.check_target(&g.target, Targets::For)?;
            self.expr(&g.iter)?;
            self.exprs(&g.ifs)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &ast::Expr) -> Result<(), CompileError> {
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
pub fn check_targets(
    body: &[ast::Stmt],
    lines: &LineIndex,
    source: &str,
) -> Result<(), CompileError> {
    TargetChecker {
        lines,
        source,
        depth: 0,
    }
    .stmts(body)
}
