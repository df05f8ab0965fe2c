//! Contains the logic for parsing string literals (mostly concerned with f-strings.)
//!
//! The lexer doesn't do any special handling of f-strings, it just treats them as
//! regular strings. Since the parser has no definition of f-string formats (Pending PEP 701)
//! we have to do the parsing here, manually.
//!
//! pyrs: the joining of string tokens and the f-string parser below the
//! `StringParser` are rewritten to follow CPython 3.11's Parser/string_parser.c
//! (`_PyPegen_concatenate_strings`, `fstring_find_literal`, `fstring_find_expr`,
//! `fstring_compile_expr`, `fstring_parse`): its scanning, its AST (node kinds and
//! locations) and its error messages. See PYRS-PATCHES.md.
use crate::text_size::TextRange;
use crate::{
    ast::{self, Constant, Expr},
    lexer::{LexicalError, LexicalErrorType},
    parser::{Parse, ParseErrorType},
    token::StringKind,
};
use rustpython_parser_core::{
    text_size::{TextLen, TextSize},
    ConversionFlag,
};

// unicode_name2 does not expose `MAX_NAME_LENGTH`, so we replicate that constant here, fix #3798
const MAX_UNICODE_NAME: usize = 88;

struct StringParser<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    kind: StringKind,
    start: TextSize,
    end: TextSize,
    location: TextSize,
    /// pyrs: where the decoder is in CPython's terms, for the positions its
    /// decode errors report: `decode_unicode_with_escapes` first rewrites each
    /// non-ASCII character as a 10-byte `\U%08x` escape.
    buf_pos: usize,
}

impl<'a> StringParser<'a> {
    fn new(
        source: &'a str,
        kind: StringKind,
        triple_quoted: bool,
        start: TextSize,
        end: TextSize,
    ) -> Self {
        let offset = kind.prefix_len()
            + if triple_quoted {
                TextSize::from(3)
            } else {
                TextSize::from(1)
            };
        Self {
            chars: source.chars().peekable(),
            kind,
            start,
            end,
            location: start + offset,
            buf_pos: 0,
        }
    }

    #[inline]
    fn next_char(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        self.location += c.text_len();
        self.buf_pos += if c.is_ascii() { 1 } else { 10 };
        Some(c)
    }

    #[inline]
    fn peek(&mut self) -> Option<&char> {
        self.chars.peek()
    }

    #[inline]
    fn get_pos(&self) -> TextSize {
        self.location
    }

    #[inline]
    fn expr(&self, node: Expr) -> Expr {
        node
    }

    fn range(&self) -> TextRange {
        TextRange::new(self.start, self.end)
    }

    /// pyrs: a decode error as CPython words it (`RAISE_SYNTAX_ERROR("(%s) %U",
    /// "unicode error", ...)` around the UnicodeDecodeError of the
    /// `unicodeescape` codec), for the escape from `start` to the decoder's
    /// position.
    fn unicode_error(&self, start: usize, msg: &str) -> LexicalError {
        let end = self.buf_pos;
        let reason = if end == start + 1 {
            format!("'unicodeescape' codec can't decode byte 0x5c in position {start}: {msg}")
        } else {
            format!(
                "'unicodeescape' codec can't decode bytes in position {start}-{}: {msg}",
                end - 1
            )
        };
        LexicalError::new(
            LexicalErrorType::FStringError(FStringErrorType::Message(format!(
                "(unicode error) {reason}"
            ))),
            self.get_pos(),
        )
    }

    /// `\xXX`, `\uXXXX`, `\UXXXXXXXX` (pyrs: with CPython's errors; `\x` of a
    /// bytes literal is `_PyBytes_DecodeEscape`'s).
    fn parse_unicode_literal(&mut self, literal_number: usize) -> Result<char, LexicalError> {
        // The backslash and the letter are read.
        let start = self.buf_pos - 2;
        let mut p: u32 = 0u32;
        for _ in 0..literal_number {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    self.next_char();
                    p = (p << 4) | d;
                }
                None if self.kind.is_any_bytes() => {
                    return Err(LexicalError::new(
                        LexicalErrorType::FStringError(FStringErrorType::Message(format!(
                            "(value error) invalid \\x escape at position {start}"
                        ))),
                        self.get_pos(),
                    ))
                }
                None => {
                    let msg = match literal_number {
                        2 => "truncated \\xXX escape",
                        4 => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    return Err(self.unicode_error(start, msg));
                }
            }
        }
        match p {
            0xD800..=0xDFFF => Ok(std::char::REPLACEMENT_CHARACTER),
            _ => std::char::from_u32(p)
                .ok_or_else(|| self.unicode_error(start, "illegal Unicode character")),
        }
    }

    fn parse_octet(&mut self, first: char) -> char {
        let mut octet_content = String::new();
        octet_content.push(first);
        while octet_content.len() < 3 {
            if let Some('0'..='7') = self.peek() {
                octet_content.push(self.next_char().unwrap())
            } else {
                break;
            }
        }
        let value = u32::from_str_radix(&octet_content, 8).unwrap();
        char::from_u32(value).unwrap()
    }

    /// `\N{name}` (pyrs: with CPython's errors).
    fn parse_unicode_name(&mut self) -> Result<char, LexicalError> {
        let start = self.buf_pos - 2;
        let malformed = "malformed \\N character escape";
        if self.peek() != Some(&'{') {
            return Err(self.unicode_error(start, malformed));
        }
        self.next_char();
        let mut name = String::new();
        loop {
            match self.peek() {
                Some('}') => break,
                Some(_) => name.extend(self.next_char()),
                None => return Err(self.unicode_error(start, malformed)),
            }
        }
        if name.is_empty() {
            return Err(self.unicode_error(start, malformed));
        }
        self.next_char();
        if name.len() > MAX_UNICODE_NAME {
            return Err(self.unicode_error(start, "unknown Unicode character name"));
        }
        unicode_names2::character(&name)
            .ok_or_else(|| self.unicode_error(start, "unknown Unicode character name"))
    }

    fn parse_escaped_char(&mut self) -> Result<String, LexicalError> {
        match self.next_char() {
            Some(c) => {
                let char = match c {
                    '\\' => '\\',
                    '\'' => '\'',
                    '\"' => '"',
                    'a' => '\x07',
                    'b' => '\x08',
                    'f' => '\x0c',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'v' => '\x0b',
                    o @ '0'..='7' => self.parse_octet(o),
                    'x' => self.parse_unicode_literal(2)?,
                    'u' if !self.kind.is_any_bytes() => self.parse_unicode_literal(4)?,
                    'U' if !self.kind.is_any_bytes() => self.parse_unicode_literal(8)?,
                    'N' if !self.kind.is_any_bytes() => self.parse_unicode_name()?,
                    // Special cases where the escape sequence is not a single character
                    '\n' => return Ok("".to_string()),
                    c => {
                        if self.kind.is_any_bytes() && !c.is_ascii() {
                            return Err(LexicalError {
                                error: LexicalErrorType::OtherError(
                                    "bytes can only contain ASCII literal characters".to_owned(),
                                ),
                                location: self.get_pos(),
                            });
                        }
                        return Ok(format!("\\{c}"));
                    }
                };
                Ok(char.to_string())
            }
            None => Err(LexicalError {
                error: LexicalErrorType::StringError,
                location: self.get_pos(),
            }),
        }
    }

    fn parse_bytes(&mut self) -> Result<Expr, LexicalError> {
        let mut content = String::new();
        while let Some(ch) = self.next_char() {
            match ch {
                '\\' if !self.kind.is_raw() => {
                    content.push_str(&self.parse_escaped_char()?);
                }
                ch => {
                    if !ch.is_ascii() {
                        return Err(LexicalError::new(
                            LexicalErrorType::OtherError(
                                "bytes can only contain ASCII literal characters".to_string(),
                            ),
                            self.get_pos(),
                        ));
                    }
                    content.push(ch);
                }
            }
        }

        Ok(self.expr(
            ast::ExprConstant {
                value: Constant::Bytes(content.chars().map(|c| c as u8).collect()),
                kind: None,
                range: self.range(),
            }
            .into(),
        ))
    }

    fn parse_string(&mut self) -> Result<Expr, LexicalError> {
        let mut content = String::new();
        while let Some(ch) = self.next_char() {
            match ch {
                '\\' if !self.kind.is_raw() => {
                    content.push_str(&self.parse_escaped_char()?);
                }
                ch => content.push(ch),
            }
        }
        Ok(self.expr(
            ast::ExprConstant {
                value: Constant::Str(content),
                kind: self.kind.is_unicode().then(|| "u".to_string()),
                range: self.range(),
            }
            .into(),
        ))
    }

    /// Decodes one literal piece of an f-string (`decode_unicode_with_escapes`):
    /// as a plain string, except that a backslash ending the piece (the one of
    /// `\{`, whose brace starts a replacement field) stands for itself.
    fn decode_fragment(&mut self) -> Result<String, LexicalError> {
        let mut content = String::new();
        while let Some(ch) = self.next_char() {
            match ch {
                '\\' if self.peek().is_none() => content.push('\\'),
                '\\' => content.push_str(&self.parse_escaped_char()?),
                ch => content.push(ch),
            }
        }
        Ok(content)
    }

    fn parse(&mut self) -> Result<Vec<Expr>, LexicalError> {
        if self.kind.is_any_bytes() {
            self.parse_bytes().map(|expr| vec![expr])
        } else {
            self.parse_string().map(|expr| vec![expr])
        }
    }
}

fn parse_string(
    source: &str,
    kind: StringKind,
    triple_quoted: bool,
    start: TextSize,
    end: TextSize,
) -> Result<Vec<Expr>, LexicalError> {
    StringParser::new(source, kind, triple_quoted, start, end).parse()
}

// ---------------------------------------------------------------------------
// pyrs: string concatenation and f-strings as CPython 3.11 parses them
// (`_PyPegen_concatenate_strings` and the f-string half of
// Parser/string_parser.c). See PYRS-PATCHES.md.
// ---------------------------------------------------------------------------

/// The deepest bracket nesting an f-string expression may have (`MAXLEVEL` of
/// Parser/tokenizer.h).
const MAXLEVEL: usize = 200;

/// One string token of a concatenation (a `Token` of the pegen parser): its range
/// in the source and where its body (the text between the quotes) starts.
#[derive(Clone, Copy)]
struct StrToken {
    start: TextSize,
    end: TextSize,
    body_start: TextSize,
}

/// `FstringParser` of Parser/string_parser.h: the literal text not yet turned
/// into a node, the nodes made so far, and whether an f-string was seen.
struct FstringParser {
    last_str: Option<String>,
    fmode: bool,
    expr_list: Vec<Expr>,
}

/// What one f-string is parsed against: its body, the tokens of the
/// concatenation it is part of (`first_token`, `t`, `last_token`) and whether it
/// is raw. Positions (`*str`, `end`) are byte indices into `body`.
struct Fstring<'a> {
    body: &'a str,
    raw: bool,
    first: StrToken,
    t: StrToken,
    last: StrToken,
    /// The unicode kind of the concatenation's Constant nodes.
    kind: Option<String>,
}

/// `RAISE_SYNTAX_ERROR(msg)` while the strings are joined: the error is
/// reported at the token after them, so it carries where they start.
fn raise_syntax_error(first: &StrToken, msg: impl Into<String>) -> LexicalError {
    LexicalError {
        error: LexicalErrorType::FStringError(FStringErrorType::Message(msg.into())),
        location: first.start,
    }
}

impl FstringParser {
    /// `_PyPegen_FstringParser_Init`.
    fn new() -> FstringParser {
        FstringParser {
            last_str: None,
            fmode: false,
            expr_list: Vec::new(),
        }
    }

    /// `_PyPegen_FstringParser_ConcatAndDel`: add literal text.
    fn concat(&mut self, s: String) {
        if s.is_empty() {
            return;
        }
        match &mut self.last_str {
            Some(last) => last.push_str(&s),
            None => self.last_str = Some(s),
        }
    }

    /// `make_str_node_and_del`: the pending literal text as a Constant node.
    fn make_str_node(&mut self, kind: &Option<String>, range: TextRange) -> Expr {
        ast::ExprConstant {
            value: Constant::Str(self.last_str.take().unwrap_or_default()),
            kind: kind.clone(),
            range,
        }
        .into()
    }

    /// `_PyPegen_FstringParser_ConcatFstring`: parse the f-string `f.body` from
    /// `*pos`, adding its pieces. At `recurse_lvl` 0 it runs to the end of the
    /// body; in a format spec (1) it stops at the `}` that closes the field.
    fn concat_fstring(
        &mut self,
        f: &Fstring,
        pos: &mut usize,
        end: usize,
        recurse_lvl: u8,
    ) -> Result<(), LexicalError> {
        self.fmode = true;
        loop {
            let (literal, expr_text, expression, more) =
                fstring_find_literal_and_expr(f, pos, end, recurse_lvl)?;
            if let Some(literal) = literal {
                self.concat(literal);
            }
            if let Some(expr_text) = expr_text {
                self.concat(expr_text);
            }
            if more {
                continue;
            }
            let Some(expression) = expression else {
                break;
            };
            if self.last_str.is_some() {
                let node = self.make_str_node(&f.kind, TextRange::new(f.first.start, f.last.end));
                self.expr_list.push(node);
            }
            self.expr_list.push(expression);
        }
        let b = f.body.as_bytes();
        if recurse_lvl == 0 && *pos + 1 < end {
            return Err(raise_syntax_error(
                &f.first,
                "f-string: unexpected end of string",
            ));
        }
        if recurse_lvl != 0 && b.get(*pos) != Some(&b'}') {
            return Err(raise_syntax_error(&f.first, "f-string: expecting '}'"));
        }
        Ok(())
    }

    /// `_PyPegen_FstringParser_Finish`: a Constant if no f-string was seen, else
    /// a JoinedStr, spanning `first` to `last`.
    fn finish(mut self, kind: &Option<String>, first: StrToken, last: StrToken) -> Expr {
        let range = TextRange::new(first.start, last.end);
        if !self.fmode {
            return self.make_str_node(kind, range);
        }
        if self.last_str.is_some() {
            let node = self.make_str_node(kind, range);
            self.expr_list.push(node);
        }
        ast::ExprJoinedStr {
            values: self.expr_list,
            range,
        }
        .into()
    }
}

/// `fstring_find_literal`: the literal text from `*pos` up to the next `{`
/// that starts a field (or `}` that ends a format spec), decoded. Returns the
/// literal and whether the caller should call again without looking for an
/// expression (after a doubled brace).
fn fstring_find_literal(
    f: &Fstring,
    pos: &mut usize,
    end: usize,
    recurse_lvl: u8,
) -> Result<(Option<String>, bool), LexicalError> {
    let b = f.body.as_bytes();
    let literal_start = *pos;
    let mut s = *pos;
    let mut result = false;
    let mut next = None;
    while s < end {
        let mut ch = b[s];
        s += 1;
        if !f.raw && ch == b'\\' && s < end {
            ch = b[s];
            s += 1;
            if ch == b'N' {
                // A `\N{...}` escape: its braces are not fields.
                if s < end {
                    let open = b[s];
                    s += 1;
                    if open == b'{' {
                        while s < end {
                            let c = b[s];
                            s += 1;
                            if c == b'}' {
                                break;
                            }
                        }
                        continue;
                    }
                }
                break;
            }
        }
        if ch == b'{' || ch == b'}' {
            // Doubled braces are checked for at the top level only, so that
            // `f'{0:{3}}'` ends with two closing braces.
            if recurse_lvl == 0 {
                if s < end && b[s] == ch {
                    // The literal ends after the first brace; scanning resumes
                    // after the second.
                    next = Some(s + 1);
                    result = true;
                    break;
                }
                if ch == b'}' {
                    *pos = s - 1;
                    return Err(raise_syntax_error(
                        &f.first,
                        "f-string: single '}' is not allowed",
                    ));
                }
            }
            s -= 1;
            break;
        }
    }
    *pos = next.unwrap_or(s);
    if literal_start == s {
        return Ok((None, result));
    }
    let text = &f.body[literal_start..s];
    let literal = if f.raw {
        text.to_owned()
    } else {
        let at = f.t.body_start + TextSize::try_from(literal_start).unwrap_or_default();
        let mut parser = StringParser {
            chars: text.chars().peekable(),
            kind: StringKind::String,
            start: f.t.start,
            end: f.t.end,
            location: at,
            buf_pos: 0,
        };
        parser.decode_fragment().map_err(|mut e| {
            e.location = f.first.start;
            e
        })?
    };
    Ok((Some(literal), result))
}

/// `fstring_find_literal_and_expr`: a literal, then (unless the literal ended
/// at a doubled brace, or the body or format spec ended) one replacement field.
/// Returns the literal, the text of a `=` field, the field and whether to call
/// again for more.
#[allow(clippy::type_complexity)]
fn fstring_find_literal_and_expr(
    f: &Fstring,
    pos: &mut usize,
    end: usize,
    recurse_lvl: u8,
) -> Result<(Option<String>, Option<String>, Option<Expr>, bool), LexicalError> {
    let (literal, more) = fstring_find_literal(f, pos, end, recurse_lvl)?;
    if more {
        return Ok((literal, None, None, true));
    }
    if *pos >= end || f.body.as_bytes()[*pos] == b'}' {
        return Ok((literal, None, None, false));
    }
    let (expr_text, expression) = fstring_find_expr(f, pos, end, recurse_lvl)?;
    Ok((literal, expr_text, Some(expression), false))
}

/// `fstring_find_expr`: the replacement field at `*pos` (on its `{`): finds the
/// end of the expression as the tokenizer would (strings, brackets), compiles
/// it, then reads the `=`, the conversion and the format spec.
fn fstring_find_expr(
    f: &Fstring,
    pos: &mut usize,
    end: usize,
    recurse_lvl: u8,
) -> Result<(Option<String>, Expr), LexicalError> {
    let b = f.body.as_bytes();
    let err = |msg: String| raise_syntax_error(&f.first, msg);
    if recurse_lvl >= 2 {
        return Err(err("f-string: expressions nested too deeply".into()));
    }
    *pos += 1;
    let expr_start = *pos;
    // The quote of the string the scan is in (0 outside strings), and whether
    // that string is triple-quoted.
    let mut quote_char = 0u8;
    let mut triple = false;
    let mut parenstack: Vec<u8> = Vec::new();
    let mut i = expr_start;
    while i < end {
        let ch = b[i];
        if ch == b'\\' {
            return Err(err(
                "f-string expression part cannot include a backslash".into()
            ));
        }
        if quote_char != 0 {
            // Inside a string: only its end matters (the tokenizer reports the
            // rest when the expression is compiled).
            if ch == quote_char {
                if triple {
                    if i + 2 < end && b[i + 1] == ch && b[i + 2] == ch {
                        i += 2;
                        quote_char = 0;
                        triple = false;
                    }
                } else {
                    quote_char = 0;
                }
            }
        } else if ch == b'\'' || ch == b'"' {
            if i + 2 < end && b[i + 1] == ch && b[i + 2] == ch {
                triple = true;
                i += 2;
            } else {
                triple = false;
            }
            quote_char = ch;
        } else if ch == b'[' || ch == b'{' || ch == b'(' {
            if parenstack.len() >= MAXLEVEL {
                return Err(err("f-string: too many nested parenthesis".into()));
            }
            parenstack.push(ch);
        } else if ch == b'#' {
            return Err(err("f-string expression part cannot include '#'".into()));
        } else if parenstack.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
            // `!=`, `==`, `<=` and `>=` are operators (`=` is no conversion
            // character, so `!=` loses nothing); so are a lone `<` or `>`.
            if i + 1 < end && b[i + 1] == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                i += 2;
                continue;
            }
            if ch == b'>' || ch == b'<' {
                i += 1;
                continue;
            }
            break;
        } else if ch == b']' || ch == b'}' || ch == b')' {
            let Some(opening) = parenstack.pop() else {
                return Err(err(format!("f-string: unmatched '{}'", ch as char)));
            };
            let matching = matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
            if !matching {
                return Err(err(format!(
                    "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                    ch as char, opening as char
                )));
            }
        }
        i += 1;
    }
    let expr_end = i;
    *pos = i;
    if quote_char != 0 {
        return Err(err("f-string: unterminated string".into()));
    }
    if let Some(&opening) = parenstack.last() {
        return Err(err(format!("f-string: unmatched '{}'", opening as char)));
    }
    let unexpected_end = || err("f-string: expecting '}'".into());
    if *pos >= end {
        return Err(unexpected_end());
    }
    // The expression is compiled first, so that its errors come before those
    // of the conversion or the format spec.
    let simple_expression = fstring_compile_expr(f, expr_start, expr_end)?;

    // `=`: the text of the expression, with the `=` and the whitespace after
    // it, goes before the value.
    let mut expr_text = None;
    if b[*pos] == b'=' {
        *pos += 1;
        while *pos < end && matches!(b[*pos], b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
            *pos += 1;
        }
        if *pos >= end {
            return Err(unexpected_end());
        }
        expr_text = Some(f.body[expr_start..*pos].to_owned());
    }

    let mut conversion = ConversionFlag::None;
    if b[*pos] == b'!' {
        *pos += 1;
        if *pos >= end {
            return Err(unexpected_end());
        }
        let c = b[*pos];
        *pos += 1;
        conversion = match c {
            b's' => ConversionFlag::Str,
            b'r' => ConversionFlag::Repr,
            b'a' => ConversionFlag::Ascii,
            _ => {
                return Err(err(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'".into(),
                ))
            }
        };
    }

    if *pos >= end {
        return Err(unexpected_end());
    }
    let mut format_spec = None;
    if b[*pos] == b':' {
        *pos += 1;
        if *pos >= end {
            return Err(unexpected_end());
        }
        format_spec = Some(Box::new(fstring_parse(f, pos, end, recurse_lvl + 1)?));
    }

    if *pos >= end || b[*pos] != b'}' {
        return Err(unexpected_end());
    }
    *pos += 1;

    // A `=` field without conversion or format spec shows the repr.
    if expr_text.is_some() && format_spec.is_none() && conversion == ConversionFlag::None {
        conversion = ConversionFlag::Repr;
    }
    let expression = ast::ExprFormattedValue {
        value: Box::new(simple_expression),
        conversion,
        format_spec,
        range: TextRange::new(f.first.start, f.last.end),
    }
    .into();
    Ok((expr_text, expression))
}

/// `fstring_compile_expr`: parse the expression text `body[start..end]` inside
/// parentheses (which allow leading whitespace). The text is the source's own,
/// so parsing it from the source offset of the `{` gives every node its place
/// in the source, which is where CPython's `fstring_find_expr_location` puts it.
fn fstring_compile_expr(f: &Fstring, start: usize, end: usize) -> Result<Expr, LexicalError> {
    let text = &f.body[start..end];
    if text
        .bytes()
        .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c'))
    {
        let msg = match f.body.as_bytes().get(end) {
            Some(&c @ (b'!' | b':' | b'=')) => {
                format!("f-string: expression required before '{}'", c as char)
            }
            _ => "f-string: empty expression not allowed".to_owned(),
        };
        return Err(raise_syntax_error(&f.first, msg));
    }
    let to_offset = |k: usize| f.t.body_start + TextSize::try_from(k).unwrap_or_default();
    let open_paren = to_offset(start) - TextSize::from(1);
    ast::Expr::parse_starts_at(&format!("({text})"), "<fstring>", open_paren).map_err(|e| {
        LexicalError {
            error: LexicalErrorType::FStringError(FStringErrorType::InvalidExpression {
                error: Box::new(e.error),
                token_start: f.t.start,
                start: to_offset(start),
                end: to_offset(end),
            }),
            location: f.first.start,
        }
    })
}

/// `fstring_parse`: a format spec, as a JoinedStr at the token it is in.
fn fstring_parse(
    f: &Fstring,
    pos: &mut usize,
    end: usize,
    recurse_lvl: u8,
) -> Result<Expr, LexicalError> {
    let mut state = FstringParser::new();
    state.concat_fstring(f, pos, end, recurse_lvl)?;
    Ok(state.finish(&f.kind, f.t, f.t))
}

/// `_PyPegen_concatenate_strings`: join the string tokens of one `strings` atom
/// into a Constant (str or bytes) or, if any is an f-string, a JoinedStr.
pub(crate) fn parse_strings(
    values: Vec<(TextSize, (String, StringKind, bool), TextSize)>,
) -> Result<Expr, LexicalError> {
    let quote_len = |triple: bool| TextSize::from(if triple { 3 } else { 1 });
    let tokens: Vec<StrToken> = values
        .iter()
        .map(|(start, (_, kind, triple), end)| StrToken {
            start: *start,
            end: *end,
            body_start: *start + kind.prefix_len() + quote_len(*triple),
        })
        .collect();
    let first = tokens[0];
    let last = tokens[tokens.len() - 1];
    let kind = (values[0].1 .1 == StringKind::Unicode).then(|| "u".to_owned());

    let mut bytesmode = false;
    let mut bytes: Vec<u8> = Vec::new();
    let mut state = FstringParser::new();
    for (i, (start, (source, string_kind, triple_quoted), end)) in values.into_iter().enumerate() {
        let this_bytesmode = string_kind.is_any_bytes();
        if i != 0 && bytesmode != this_bytesmode {
            return Err(raise_syntax_error(
                &first,
                "cannot mix bytes and nonbytes literals",
            ));
        }
        bytesmode = this_bytesmode;
        if string_kind.is_any_fstring() {
            let f = Fstring {
                body: &source,
                raw: string_kind.is_raw(),
                first,
                t: tokens[i],
                last,
                kind: kind.clone(),
            };
            let mut pos = 0;
            state.concat_fstring(&f, &mut pos, source.len(), 0)?;
            continue;
        }
        let values =
            parse_string(&source, string_kind, triple_quoted, start, end).map_err(|mut e| {
                if matches!(e.error, LexicalErrorType::FStringError(_)) {
                    e.location = first.start;
                }
                e
            })?;
        for value in values {
            match value {
                Expr::Constant(ast::ExprConstant {
                    value: Constant::Bytes(value),
                    ..
                }) => bytes.extend(value),
                Expr::Constant(ast::ExprConstant {
                    value: Constant::Str(value),
                    ..
                }) => state.concat(value),
                _ => unreachable!("a plain string or bytes literal is a Constant"),
            }
        }
    }
    if bytesmode {
        return Ok(ast::ExprConstant {
            value: Constant::Bytes(bytes),
            kind: None,
            range: TextRange::new(first.start, last.end),
        }
        .into());
    }
    Ok(state.finish(&kind, first, last))
}

/// An error found while joining string tokens (pyrs: CPython's errors).
#[derive(Debug, PartialEq)]
pub enum FStringErrorType {
    /// `RAISE_SYNTAX_ERROR` of Parser/string_parser.c (or of the concatenation):
    /// CPython's whole message, reported at the token after the strings.
    Message(String),
    /// The expression of a replacement field did not parse: rustpython's error,
    /// where the string token holding it starts, and the source range of the
    /// expression's text (between the `{` and the `}`, `!`, `:` or `=` that ends
    /// it), for pyrs to parse it again and report CPython's error.
    InvalidExpression {
        error: Box<ParseErrorType>,
        token_start: TextSize,
        start: TextSize,
        end: TextSize,
    },
}

impl std::fmt::Display for FStringErrorType {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            FStringErrorType::Message(msg) => write!(f, "{msg}"),
            FStringErrorType::InvalidExpression { error, .. } => write!(f, "f-string: {error}"),
        }
    }
}
