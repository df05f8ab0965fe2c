//! The tokenizer. Mirrors Parser/tokenizer.c (CPython 3.11) for source held in
//! memory (`_PyTokenizer_FromUTF8` / `_PyTokenizer_FromString`), and the source
//! decoding of the same file (`decode_str`: BOM and PEP 263 coding cookies).
//!
//! The state is CPython's `struct tok_state`, with byte offsets into one buffer
//! instead of pointers: `buf` (start of the first line of the token being read),
//! `cur` (next byte), `inp` (end of the data read so far: the end of the current
//! line), `line_start`, `multi_line_start`. The parser reads these after every token
//! (`initialize_token`) and when it reports an error, so that each SyntaxError gets
//! CPython's line, columns and text: for example the text of an error on a line
//! continued with a backslash is every physical line from the first one, because
//! `buf` only moves when no token is being read.
//!
//! Differences from CPython: no file or interactive input (the REPL hands whole
//! statements to `compile`), no type comments, no `async_hacks` (feature versions
//! before 3.7), and invalid-escape warnings are not emitted (no warnings channel).

use crate::compile::{CompileError, ErrorKind};

/// The tokenizer's limit on indentation levels (`MAXINDENT`).
pub const MAXINDENT: usize = 100;
/// The tokenizer's limit on open brackets (`MAXLEVEL`).
pub const MAXLEVEL: usize = 200;
/// Tab stops for the indentation check with tabs counted as one column
/// (`ALTTABSIZE`), which catches inconsistent mixes of tabs and spaces.
const ALTTABSIZE: i32 = 1;
/// `tok_nextc`'s end of input.
const EOF: i32 = -1;

/// Token types (Include/token.h, Grammar/Tokens), followed by the keywords of the
/// 3.11 grammar, which the parser gives their own types (`_get_keyword_or_name_type`).
/// The order of `NEWLINE`, `INDENT`, `DEDENT` matters: `_PyPegen_get_last_nonnwhitespace_token`
/// skips that range.
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum TokType {
    ENDMARKER,
    NAME,
    NUMBER,
    STRING,
    NEWLINE,
    INDENT,
    DEDENT,
    LPAR,
    RPAR,
    LSQB,
    RSQB,
    COLON,
    COMMA,
    SEMI,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    VBAR,
    AMPER,
    LESS,
    GREATER,
    EQUAL,
    DOT,
    PERCENT,
    LBRACE,
    RBRACE,
    EQEQUAL,
    NOTEQUAL,
    LESSEQUAL,
    GREATEREQUAL,
    TILDE,
    CIRCUMFLEX,
    LEFTSHIFT,
    RIGHTSHIFT,
    DOUBLESTAR,
    PLUSEQUAL,
    MINEQUAL,
    STAREQUAL,
    SLASHEQUAL,
    PERCENTEQUAL,
    AMPEREQUAL,
    VBAREQUAL,
    CIRCUMFLEXEQUAL,
    LEFTSHIFTEQUAL,
    RIGHTSHIFTEQUAL,
    DOUBLESTAREQUAL,
    DOUBLESLASH,
    DOUBLESLASHEQUAL,
    AT,
    ATEQUAL,
    RARROW,
    ELLIPSIS,
    COLONEQUAL,
    OP,
    /// `# type: ...`, produced only when `type_comments` is set (`ast.parse(...,
    /// type_comments=True)`); its text is what follows the prefix.
    TYPE_COMMENT,
    /// `# type: ignore...`, likewise; its text is the tag after "ignore".
    TYPE_IGNORE,
    ERRORTOKEN,
    // Keywords (their own token types in the generated parser).
    KwFalse,
    KwNone,
    KwTrue,
    KwAnd,
    KwAs,
    KwAssert,
    KwAsync,
    KwAwait,
    KwBreak,
    KwClass,
    KwContinue,
    KwDef,
    KwDel,
    KwElif,
    KwElse,
    KwExcept,
    KwFinally,
    KwFor,
    KwFrom,
    KwGlobal,
    KwIf,
    KwImport,
    KwIn,
    KwIs,
    KwLambda,
    KwNonlocal,
    KwNot,
    KwOr,
    KwPass,
    KwRaise,
    KwReturn,
    KwTry,
    KwWhile,
    KwWith,
    KwYield,
}

/// The reserved keywords of 3.11 and their token types (`reserved_keywords` in
/// Parser/parser.c).
pub fn keyword_type(name: &[u8]) -> Option<TokType> {
    use TokType::*;
    Some(match name {
        b"False" => KwFalse,
        b"None" => KwNone,
        b"True" => KwTrue,
        b"and" => KwAnd,
        b"as" => KwAs,
        b"assert" => KwAssert,
        b"async" => KwAsync,
        b"await" => KwAwait,
        b"break" => KwBreak,
        b"class" => KwClass,
        b"continue" => KwContinue,
        b"def" => KwDef,
        b"del" => KwDel,
        b"elif" => KwElif,
        b"else" => KwElse,
        b"except" => KwExcept,
        b"finally" => KwFinally,
        b"for" => KwFor,
        b"from" => KwFrom,
        b"global" => KwGlobal,
        b"if" => KwIf,
        b"import" => KwImport,
        b"in" => KwIn,
        b"is" => KwIs,
        b"lambda" => KwLambda,
        b"nonlocal" => KwNonlocal,
        b"not" => KwNot,
        b"or" => KwOr,
        b"pass" => KwPass,
        b"raise" => KwRaise,
        b"return" => KwReturn,
        b"try" => KwTry,
        b"while" => KwWhile,
        b"with" => KwWith,
        b"yield" => KwYield,
        _ => return None,
    })
}

/// The soft keywords of 3.11 (`soft_keywords` in Parser/parser.c).
pub const SOFT_KEYWORDS: [&[u8]; 3] = [b"_", b"case", b"match"];

/// `tok->done`: why the tokenizer stopped (Include/errcode.h).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ErrCode {
    E_OK,
    E_EOF,
    E_TOKEN,
    E_TABSPACE,
    E_TOODEEP,
    E_DEDENT,
    E_LINECONT,
    E_ERROR,
    E_EOFS,
    E_EOLS,
}

/// `PyToken_OneChar`.
fn one_char(c: i32) -> TokType {
    use TokType::*;
    match c as u8 {
        b'%' => PERCENT,
        b'&' => AMPER,
        b'(' => LPAR,
        b')' => RPAR,
        b'*' => STAR,
        b'+' => PLUS,
        b',' => COMMA,
        b'-' => MINUS,
        b'.' => DOT,
        b'/' => SLASH,
        b':' => COLON,
        b';' => SEMI,
        b'<' => LESS,
        b'=' => EQUAL,
        b'>' => GREATER,
        b'@' => AT,
        b'[' => LSQB,
        b']' => RSQB,
        b'^' => CIRCUMFLEX,
        b'{' => LBRACE,
        b'|' => VBAR,
        b'}' => RBRACE,
        b'~' => TILDE,
        _ => OP,
    }
}

/// `PyToken_TwoChars`.
fn two_chars(c1: i32, c2: i32) -> TokType {
    use TokType::*;
    if !(0..128).contains(&c1) || !(0..128).contains(&c2) {
        return OP;
    }
    match (c1 as u8, c2 as u8) {
        (b'!', b'=') => NOTEQUAL,
        (b'%', b'=') => PERCENTEQUAL,
        (b'&', b'=') => AMPEREQUAL,
        (b'*', b'*') => DOUBLESTAR,
        (b'*', b'=') => STAREQUAL,
        (b'+', b'=') => PLUSEQUAL,
        (b'-', b'=') => MINEQUAL,
        (b'-', b'>') => RARROW,
        (b'/', b'/') => DOUBLESLASH,
        (b'/', b'=') => SLASHEQUAL,
        (b':', b'=') => COLONEQUAL,
        (b'<', b'<') => LEFTSHIFT,
        (b'<', b'=') => LESSEQUAL,
        (b'<', b'>') => NOTEQUAL,
        (b'=', b'=') => EQEQUAL,
        (b'>', b'=') => GREATEREQUAL,
        (b'>', b'>') => RIGHTSHIFT,
        (b'@', b'=') => ATEQUAL,
        (b'^', b'=') => CIRCUMFLEXEQUAL,
        (b'|', b'=') => VBAREQUAL,
        _ => OP,
    }
}

/// `PyToken_ThreeChars`.
fn three_chars(c1: i32, c2: i32, c3: i32) -> TokType {
    use TokType::*;
    if !(0..128).contains(&c1) || !(0..128).contains(&c2) || !(0..128).contains(&c3) {
        return OP;
    }
    match (c1 as u8, c2 as u8, c3 as u8) {
        (b'*', b'*', b'=') => DOUBLESTAREQUAL,
        (b'.', b'.', b'.') => ELLIPSIS,
        (b'/', b'/', b'=') => DOUBLESLASHEQUAL,
        (b'<', b'<', b'=') => LEFTSHIFTEQUAL,
        (b'>', b'>', b'=') => RIGHTSHIFTEQUAL,
        _ => OP,
    }
}

fn is_potential_identifier_start(c: i32) -> bool {
    (b'a' as i32..=b'z' as i32).contains(&c)
        || (b'A' as i32..=b'Z' as i32).contains(&c)
        || c == b'_' as i32
        || c >= 128
}

fn is_potential_identifier_char(c: i32) -> bool {
    is_potential_identifier_start(c) || (b'0' as i32..=b'9' as i32).contains(&c)
}

fn isdigit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

fn isxdigit(c: i32) -> bool {
    isdigit(c)
        || (b'a' as i32..=b'f' as i32).contains(&c)
        || (b'A' as i32..=b'F' as i32).contains(&c)
}

/// `translate_newlines`: `\r\n` and lone `\r` become `\n`, and exec input gets a
/// final newline if it has none.
pub fn translate_newlines(s: &[u8], exec_input: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + 1);
    let mut i = 0;
    let mut last = 0u8;
    while i < s.len() {
        let mut c = s[i];
        if c == 0 {
            break;
        }
        if c == b'\r' {
            c = b'\n';
            if s.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        }
        out.push(c);
        last = c;
        i += 1;
    }
    if exec_input && last != b'\n' {
        out.push(b'\n');
    }
    out
}

/// `struct tok_state` for input held in memory.
#[derive(Clone)]
pub struct TokState {
    /// The whole input after newline translation (`tok->str`).
    pub input: Vec<u8>,
    /// Start of the buffered text: the first line of the token being read.
    pub buf: usize,
    /// Next byte to read.
    pub cur: usize,
    /// End of the data read so far (after the current line's newline).
    pub inp: usize,
    /// Start of the current token, while one is being read.
    pub start: Option<usize>,
    pub done: ErrCode,
    /// Indentation stack with tabs to multiples of 8 (`indstack`) and of 1
    /// (`altindstack`).
    indent: usize,
    indstack: [i32; MAXINDENT],
    altindstack: [i32; MAXINDENT],
    atbol: bool,
    pendin: i32,
    pub lineno: i32,
    /// Line where the current (possibly multi-line) string started.
    pub first_lineno: i32,
    /// Bracket nesting level and, per open bracket, its character, line and column.
    pub level: usize,
    pub parenstack: [u8; MAXLEVEL],
    pub parenlinenostack: [i32; MAXLEVEL],
    pub parencolstack: [i32; MAXLEVEL],
    pub line_start: usize,
    pub multi_line_start: usize,
    /// The exception raised by `syntaxerror()` (`PyErr_Occurred()` for the tokenizer).
    pub error: Option<CompileError>,
    /// Where the backslashes of continuation lines met in the indentation are
    /// (a line of only `\\` is blank to this tokenizer), and the tabs in the
    /// whitespace of blank and comment-only lines: bytes rustpython's lexer is
    /// given as spaces (see `rustpython_blanks`).
    pub indent_continuations: Vec<usize>,
    /// The input is a file read line by line (`tok->fp`): `buf` then moves to
    /// each new line even at the end of the input (`tok_underflow_file`).
    pub fp_input: bool,
    /// `tok->type_comments`: comments of the form `# type: ...` are tokens.
    pub type_comments: bool,
}

/// A token as `tok_get` returns it: its type and, when it has text, the byte
/// range of that text.
#[derive(Clone, Copy, Debug)]
pub struct RawToken {
    pub typ: TokType,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

impl TokState {
    /// `_PyTokenizer_FromUTF8` / `_PyTokenizer_FromString` on decoded text.
    pub fn from_source(source: &[u8], exec_input: bool) -> TokState {
        TokState {
            input: translate_newlines(source, exec_input),
            buf: 0,
            cur: 0,
            inp: 0,
            start: None,
            done: ErrCode::E_OK,
            indent: 0,
            indstack: [0; MAXINDENT],
            altindstack: [0; MAXINDENT],
            atbol: true,
            pendin: 0,
            lineno: 0,
            first_lineno: 0,
            level: 0,
            parenstack: [0; MAXLEVEL],
            parenlinenostack: [0; MAXLEVEL],
            parencolstack: [0; MAXLEVEL],
            line_start: 0,
            multi_line_start: 0,
            error: None,
            indent_continuations: Vec::new(),
            fp_input: false,
            type_comments: false,
        }
    }

    /// The byte at `i`, or 0 past the end (C's terminating NUL).
    pub fn byte(&self, i: usize) -> u8 {
        self.input.get(i).copied().unwrap_or(0)
    }

    /// The DEDENTs that the end of interactive input implies (`_PyPegen_fill_token`
    /// without `PyPARSE_DONT_IMPLY_DEDENT`).
    pub fn imply_dedents(&mut self) {
        if self.indent > 0 {
            self.pendin = -(self.indent as i32);
            self.indent = 0;
        }
    }

    /// `tok_underflow_string` (and `tok_underflow_file`): make the next line
    /// available.
    fn tok_underflow_string(&mut self) -> bool {
        if self.fp_input && self.start.is_none() {
            self.buf = self.cur;
        }
        let end = match self.input[self.inp..].iter().position(|&b| b == b'\n') {
            Some(k) => self.inp + k + 1,
            None => {
                if self.inp >= self.input.len() {
                    self.done = ErrCode::E_EOF;
                    return false;
                }
                self.input.len()
            }
        };
        if self.start.is_none() {
            self.buf = self.cur;
        }
        self.line_start = self.cur;
        self.lineno += 1;
        self.inp = end;
        true
    }

    /// `tok_nextc`: the next byte, or `EOF`.
    fn tok_nextc(&mut self) -> i32 {
        loop {
            if self.cur != self.inp {
                let c = self.input[self.cur];
                self.cur += 1;
                return c as i32;
            }
            if self.done != ErrCode::E_OK {
                return EOF;
            }
            if !self.tok_underflow_string() {
                self.cur = self.inp;
                return EOF;
            }
            self.line_start = self.cur;
        }
    }

    /// `tok_backup`: step back over `c` (nothing for `EOF`).
    fn tok_backup(&mut self, c: i32) {
        if c != EOF {
            self.cur = self.cur.saturating_sub(1);
        }
    }

    /// Decode `input[from..to]` as `PyUnicode_DecodeUTF8(..., "replace")` does.
    pub fn decode(&self, from: usize, to: usize) -> String {
        let to = to.min(self.input.len());
        let from = from.min(to);
        String::from_utf8_lossy(&self.input[from..to]).into_owned()
    }

    /// `_syntaxerror_range`: a SyntaxError on the current line; a column of -1
    /// means "where the tokenizer is".
    fn syntaxerror_range(&mut self, msg: String, col_offset: i32, end_col_offset: i32) -> TokType {
        let errtext = self.decode(self.line_start, self.cur);
        let col_offset = if col_offset == -1 {
            errtext.chars().count() as i32
        } else {
            col_offset
        };
        let end_col_offset = if end_col_offset == -1 {
            col_offset
        } else {
            end_col_offset
        };
        let line_end = self.input[self.line_start.min(self.input.len())..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.input.len(), |k| self.line_start + k);
        let text = self.decode(self.line_start, line_end);
        self.error = Some(CompileError {
            kind: ErrorKind::SyntaxError,
            msg,
            lineno: self.lineno,
            offset: col_offset,
            end_lineno: self.lineno,
            end_offset: end_col_offset,
            text: Some(text),
            program_text: false,
        });
        self.done = ErrCode::E_ERROR;
        TokType::ERRORTOKEN
    }

    /// `syntaxerror`.
    fn syntaxerror(&mut self, msg: String) -> TokType {
        self.syntaxerror_range(msg, -1, -1)
    }

    /// `indenterror`: inconsistent tabs and spaces.
    fn indenterror(&mut self) -> TokType {
        self.done = ErrCode::E_TABSPACE;
        self.cur = self.inp;
        TokType::ERRORTOKEN
    }

    /// `verify_identifier`: an identifier with non-ASCII characters must be made of
    /// XID_Start / XID_Continue characters (`_PyUnicode_ScanIdentifier`).
    fn verify_identifier(&mut self) -> bool {
        let start = self.start.unwrap_or(self.cur);
        let s = self.decode(start, self.cur);
        let chars: Vec<char> = s.chars().collect();
        let valid = |i: usize, c: char| {
            let cp = c as u32;
            if i == 0 {
                c == '_' || objects::unicodectype::is_xid_start(cp)
            } else {
                objects::unicodectype::is_xid_continue(cp)
            }
        };
        let Some(invalid) = chars.iter().enumerate().position(|(i, &c)| !valid(i, c)) else {
            return true;
        };
        let ch = chars[invalid];
        if invalid + 1 < chars.len() {
            let upto: String = chars[..=invalid].iter().collect();
            self.cur = start + upto.len();
        }
        let cp = ch as u32;
        if objects::unicodectype::is_printable(cp) {
            self.syntaxerror(format!("invalid character '{ch}' (U+{cp:04X})"));
        } else {
            self.syntaxerror(format!("invalid non-printable character U+{cp:04X}"));
        }
        false
    }

    /// `tok_decimal_tail`: digits with single underscores between them; returns
    /// the first byte after them, or 0 after an error.
    fn tok_decimal_tail(&mut self) -> i32 {
        loop {
            let mut c;
            loop {
                c = self.tok_nextc();
                if !isdigit(c) {
                    break;
                }
            }
            if c != b'_' as i32 {
                return c;
            }
            c = self.tok_nextc();
            if !isdigit(c) {
                self.tok_backup(c);
                self.syntaxerror("invalid decimal literal".into());
                return 0;
            }
        }
    }

    /// `lookahead`: whether the input continues with `test` and then a character
    /// that cannot continue an identifier. Reads nothing in the end.
    fn lookahead(&mut self, test: &[u8]) -> bool {
        let mut k = 0;
        loop {
            let c = self.tok_nextc();
            let res;
            if k == test.len() {
                res = !is_potential_identifier_char(c);
            } else if c == test[k] as i32 {
                k += 1;
                continue;
            } else {
                res = false;
            }
            self.tok_backup(c);
            while k > 0 {
                k -= 1;
                self.tok_backup(test[k] as i32);
            }
            return res;
        }
    }

    /// `verify_end_of_number`: a number directly followed by a name is an error
    /// ("invalid decimal literal"), except before the keywords that may follow a
    /// number in valid code (`1if x else y`), where 3.11 only warns.
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> bool {
        let r = match c as u8 {
            _ if c < 0 => false,
            b'a' => self.lookahead(b"nd"),
            b'e' => self.lookahead(b"lse"),
            b'f' => self.lookahead(b"or"),
            b'i' => {
                let c2 = self.tok_nextc();
                let r = c2 == b'f' as i32 || c2 == b'n' as i32 || c2 == b's' as i32;
                self.tok_backup(c2);
                r
            }
            b'o' => self.lookahead(b"r"),
            b'n' => self.lookahead(b"ot"),
            _ => false,
        };
        if r {
            // CPython's SyntaxWarning here is issued from the token array once the
            // parse succeeded (`pegen::warn_number_followed_by_keyword`).
            return true;
        }
        if is_potential_identifier_char(c) {
            self.tok_backup(c);
            self.syntaxerror(format!("invalid {kind} literal"));
            return false;
        }
        true
    }

    /// `tok_continuation_line`: after a backslash, the line must end; returns the
    /// first byte of the next line, or -1 after an error.
    fn tok_continuation_line(&mut self) -> i32 {
        let mut c = self.tok_nextc();
        if c != b'\n' as i32 {
            self.done = ErrCode::E_LINECONT;
            return -1;
        }
        c = self.tok_nextc();
        if c == EOF {
            self.done = ErrCode::E_EOF;
            self.cur = self.inp;
            return -1;
        }
        self.tok_backup(c);
        c
    }

    fn token(&self, typ: TokType, start: Option<usize>, end: Option<usize>) -> RawToken {
        RawToken { typ, start, end }
    }

    /// The comment just read (from `start` to `cur`, `c` the character after it)
    /// as a type comment: it matches `# type: ` where each space stands for any
    /// run of spaces and tabs. `type: ignore` followed by nothing or by an ASCII
    /// character that is not alphanumeric is a TYPE_IGNORE (whose text is the tag
    /// after "ignore"; on a line of its own it takes the newline too), anything
    /// else a TYPE_COMMENT (whose text follows the prefix).
    fn type_comment(&mut self, c: i32, blankline: bool) -> Option<RawToken> {
        let start = self.start?;
        let end = self.cur - usize::from(c != EOF);
        let mut p = start;
        for &want in b"# type: " {
            if p >= end {
                return None;
            }
            if want == b' ' {
                while p < end && matches!(self.input[p], b' ' | b'\t') {
                    p += 1;
                }
            } else if self.input[p] == want {
                p += 1;
            } else {
                return None;
            }
        }
        // Don't eat the newline or the end of the input.
        self.tok_backup(c);
        let ignore_end = p + 6;
        let is_type_ignore = end >= ignore_end
            && &self.input[p..ignore_end] == b"ignore"
            && !(end > ignore_end
                && (self.input[ignore_end] >= 128
                    || self.input[ignore_end].is_ascii_alphanumeric()));
        if is_type_ignore {
            if blankline {
                self.tok_nextc();
                self.atbol = true;
            }
            Some(self.token(TokType::TYPE_IGNORE, Some(ignore_end), Some(end)))
        } else {
            Some(self.token(TokType::TYPE_COMMENT, Some(p), Some(end)))
        }
    }

    /// `_PyTokenizer_Get` (`tok_get`): the next token.
    pub fn get(&mut self) -> RawToken {
        let typ = self.tok_get();
        match typ {
            Ok(t) => t,
            Err(typ) => RawToken {
                typ,
                start: None,
                end: None,
            },
        }
    }

    fn tok_get(&mut self) -> Result<RawToken, TokType> {
        use TokType::*;
        let mut blankline;
        'nextline: loop {
            self.start = None;
            blankline = false;
            // Get indentation level.
            if self.atbol {
                let indent_start = self.cur;
                let mut col: i32 = 0;
                let mut altcol: i32 = 0;
                self.atbol = false;
                let mut cont_line_col = 0;
                let mut c;
                loop {
                    c = self.tok_nextc();
                    if c == b' ' as i32 {
                        col += 1;
                        altcol += 1;
                    } else if c == b'\t' as i32 {
                        col = (col / 8 + 1) * 8;
                        altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
                    } else if c == 0x0c {
                        // Control-L (formfeed) resets the column, for Emacs users.
                        col = 0;
                        altcol = 0;
                    } else if c == b'\\' as i32 {
                        // Indentation cannot be split over physical lines: the
                        // first backslash found decides the level.
                        if cont_line_col == 0 {
                            cont_line_col = col;
                        }
                        self.indent_continuations.push(self.cur - 1);
                        c = self.tok_continuation_line();
                        if c == -1 {
                            return Err(ERRORTOKEN);
                        }
                    } else {
                        break;
                    }
                }
                self.tok_backup(c);
                if c == b'#' as i32 || c == b'\n' as i32 {
                    // Lines with only whitespace and comments do not count.
                    blankline = true;
                    let blank = indent_start..self.cur;
                    let tabs = blank.filter(|&i| self.input[i] == b'\t');
                    self.indent_continuations.extend(tabs);
                }
                if !blankline && self.level == 0 {
                    if cont_line_col != 0 {
                        col = cont_line_col;
                        altcol = cont_line_col;
                    }
                    let top = self.indstack[self.indent];
                    if col == top {
                        if altcol != self.altindstack[self.indent] {
                            return Err(self.indenterror());
                        }
                    } else if col > top {
                        // Indent: always one level.
                        if self.indent + 1 >= MAXINDENT {
                            self.done = ErrCode::E_TOODEEP;
                            self.cur = self.inp;
                            return Err(ERRORTOKEN);
                        }
                        if altcol <= self.altindstack[self.indent] {
                            return Err(self.indenterror());
                        }
                        self.pendin += 1;
                        self.indent += 1;
                        self.indstack[self.indent] = col;
                        self.altindstack[self.indent] = altcol;
                    } else {
                        // Dedent: any number of levels, to one that exists.
                        while self.indent > 0 && col < self.indstack[self.indent] {
                            self.pendin -= 1;
                            self.indent -= 1;
                        }
                        if col != self.indstack[self.indent] {
                            self.done = ErrCode::E_DEDENT;
                            self.cur = self.inp;
                            return Err(ERRORTOKEN);
                        }
                        if altcol != self.altindstack[self.indent] {
                            return Err(self.indenterror());
                        }
                    }
                }
            }

            self.start = Some(self.cur);

            // Return pending indents and dedents.
            if self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    return Err(DEDENT);
                } else {
                    self.pendin -= 1;
                    return Err(INDENT);
                }
            }

            // Peek ahead at the next character.
            let c = self.tok_nextc();
            self.tok_backup(c);

            'again: loop {
                self.start = None;
                // Skip spaces.
                let mut c;
                loop {
                    c = self.tok_nextc();
                    if !(c == b' ' as i32 || c == b'\t' as i32 || c == 0x0c) {
                        break;
                    }
                }
                // Set the start of the current token.
                self.start = Some(self.cur.saturating_sub(1));

                // Skip a comment, unless it is a type comment.
                if c == b'#' as i32 {
                    while c != EOF && c != b'\n' as i32 {
                        c = self.tok_nextc();
                    }
                    if self.type_comments {
                        if let Some(t) = self.type_comment(c, blankline) {
                            return Ok(t);
                        }
                    }
                }

                // Check for EOF and errors now.
                if c == EOF {
                    if self.level > 0 {
                        return Err(ERRORTOKEN);
                    }
                    return Err(if self.done == ErrCode::E_EOF {
                        ENDMARKER
                    } else {
                        ERRORTOKEN
                    });
                }

                // Identifier (most frequent token!).
                let mut letter_quote = false;
                if is_potential_identifier_start(c) {
                    // Process the legal combinations of b"", r"", u"" and f"".
                    let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
                    loop {
                        let ch = c as u8;
                        if !(saw_b || saw_u || saw_f) && (ch == b'b' || ch == b'B') {
                            saw_b = true;
                        } else if !(saw_b || saw_u || saw_r || saw_f) && (ch == b'u' || ch == b'U')
                        {
                            // u"" exists for backward compatibility; no other order.
                            saw_u = true;
                        } else if !(saw_r || saw_u) && (ch == b'r' || ch == b'R') {
                            // ur"" and ru"" are not supported.
                            saw_r = true;
                        } else if !(saw_f || saw_b || saw_u) && (ch == b'f' || ch == b'F') {
                            saw_f = true;
                        } else {
                            break;
                        }
                        c = self.tok_nextc();
                        if c == b'"' as i32 || c == b'\'' as i32 {
                            letter_quote = true;
                            break;
                        }
                    }
                    if !letter_quote {
                        let mut nonascii = false;
                        while is_potential_identifier_char(c) {
                            if c >= 128 {
                                nonascii = true;
                            }
                            c = self.tok_nextc();
                        }
                        self.tok_backup(c);
                        if nonascii && !self.verify_identifier() {
                            return Err(ERRORTOKEN);
                        }
                        return Ok(self.token(NAME, self.start, Some(self.cur)));
                    }
                }

                if !letter_quote {
                    // Newline.
                    if c == b'\n' as i32 {
                        self.atbol = true;
                        if blankline || self.level > 0 {
                            continue 'nextline;
                        }
                        // The '\n' itself is not part of the token's text.
                        return Ok(self.token(NEWLINE, self.start, Some(self.cur - 1)));
                    }

                    // Period or number starting with a period?
                    if c == b'.' as i32 {
                        c = self.tok_nextc();
                        if isdigit(c) {
                            return self.number_fraction(c);
                        } else if c == b'.' as i32 {
                            c = self.tok_nextc();
                            if c == b'.' as i32 {
                                return Ok(self.token(ELLIPSIS, self.start, Some(self.cur)));
                            } else {
                                self.tok_backup(c);
                            }
                            self.tok_backup(b'.' as i32);
                        } else {
                            self.tok_backup(c);
                        }
                        return Ok(self.token(DOT, self.start, Some(self.cur)));
                    }

                    // Number.
                    if isdigit(c) {
                        return self.number(c);
                    }
                }

                // String.
                if c == b'\'' as i32 || c == b'"' as i32 {
                    return self.string(c);
                }

                // Line continuation.
                if c == b'\\' as i32 {
                    if self.tok_continuation_line() == -1 {
                        return Err(ERRORTOKEN);
                    }
                    continue 'again;
                }

                // Two- and three-character operators.
                let c2 = self.tok_nextc();
                let token = two_chars(c, c2);
                if token != OP {
                    let c3 = self.tok_nextc();
                    let token3 = three_chars(c, c2, c3);
                    let token = if token3 != OP {
                        token3
                    } else {
                        self.tok_backup(c3);
                        token
                    };
                    return Ok(self.token(token, self.start, Some(self.cur)));
                }
                self.tok_backup(c2);

                // Keep track of the bracket nesting level.
                match c as u8 {
                    b'(' | b'[' | b'{' => {
                        if self.level >= MAXLEVEL {
                            return Err(self.syntaxerror("too many nested parentheses".into()));
                        }
                        self.parenstack[self.level] = c as u8;
                        self.parenlinenostack[self.level] = self.lineno;
                        self.parencolstack[self.level] =
                            (self.start.unwrap_or(self.cur) - self.line_start) as i32;
                        self.level += 1;
                    }
                    b')' | b']' | b'}' => {
                        if self.level == 0 {
                            return Err(
                                self.syntaxerror(format!("unmatched '{}'", c as u8 as char))
                            );
                        }
                        self.level -= 1;
                        let opening = self.parenstack[self.level];
                        let ok = matches!(
                            (opening, c as u8),
                            (b'(', b')') | (b'[', b']') | (b'{', b'}')
                        );
                        if !ok {
                            let (close, open) = (c as u8 as char, opening as char);
                            let msg = if self.parenlinenostack[self.level] != self.lineno {
                                format!(
                                    "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {}",
                                    self.parenlinenostack[self.level]
                                )
                            } else {
                                format!(
                                    "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
                                )
                            };
                            return Err(self.syntaxerror(msg));
                        }
                    }
                    _ => {}
                }

                if !objects::unicodectype::is_printable(c as u32) {
                    return Err(
                        self.syntaxerror(format!("invalid non-printable character U+{c:04X}"))
                    );
                }

                // Punctuation character.
                return Ok(self.token(one_char(c), self.start, Some(self.cur)));
            }
        }
    }

    /// The number branch of `tok_get`, from its first digit `c`.
    fn number(&mut self, mut c: i32) -> Result<RawToken, TokType> {
        use TokType::*;
        if c == b'0' as i32 {
            // Hex, octal or binary, maybe.
            c = self.tok_nextc();
            if c == b'x' as i32 || c == b'X' as i32 {
                c = self.tok_nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.tok_nextc();
                    }
                    if !isxdigit(c) {
                        self.tok_backup(c);
                        return Err(self.syntaxerror("invalid hexadecimal literal".into()));
                    }
                    loop {
                        c = self.tok_nextc();
                        if !isxdigit(c) {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                if !self.verify_end_of_number(c, "hexadecimal") {
                    return Err(ERRORTOKEN);
                }
            } else if c == b'o' as i32 || c == b'O' as i32 {
                c = self.tok_nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.tok_nextc();
                    }
                    if !(b'0' as i32..b'8' as i32).contains(&c) {
                        if isdigit(c) {
                            return Err(self.syntaxerror(format!(
                                "invalid digit '{}' in octal literal",
                                c as u8 as char
                            )));
                        }
                        self.tok_backup(c);
                        return Err(self.syntaxerror("invalid octal literal".into()));
                    }
                    loop {
                        c = self.tok_nextc();
                        if !(b'0' as i32..b'8' as i32).contains(&c) {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                if isdigit(c) {
                    return Err(self.syntaxerror(format!(
                        "invalid digit '{}' in octal literal",
                        c as u8 as char
                    )));
                }
                if !self.verify_end_of_number(c, "octal") {
                    return Err(ERRORTOKEN);
                }
            } else if c == b'b' as i32 || c == b'B' as i32 {
                c = self.tok_nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.tok_nextc();
                    }
                    if c != b'0' as i32 && c != b'1' as i32 {
                        if isdigit(c) {
                            return Err(self.syntaxerror(format!(
                                "invalid digit '{}' in binary literal",
                                c as u8 as char
                            )));
                        }
                        self.tok_backup(c);
                        return Err(self.syntaxerror("invalid binary literal".into()));
                    }
                    loop {
                        c = self.tok_nextc();
                        if c != b'0' as i32 && c != b'1' as i32 {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                if isdigit(c) {
                    return Err(self.syntaxerror(format!(
                        "invalid digit '{}' in binary literal",
                        c as u8 as char
                    )));
                }
                if !self.verify_end_of_number(c, "binary") {
                    return Err(ERRORTOKEN);
                }
            } else {
                let mut nonzero = false;
                // Maybe an old-style octal; in any case '0' is a literal.
                loop {
                    if c == b'_' as i32 {
                        c = self.tok_nextc();
                        if !isdigit(c) {
                            self.tok_backup(c);
                            return Err(self.syntaxerror("invalid decimal literal".into()));
                        }
                    }
                    if c != b'0' as i32 {
                        break;
                    }
                    c = self.tok_nextc();
                }
                let zeros_end = self.cur;
                if isdigit(c) {
                    nonzero = true;
                    c = self.tok_decimal_tail();
                    if c == 0 {
                        return Err(ERRORTOKEN);
                    }
                }
                if c == b'.' as i32 {
                    c = self.tok_nextc();
                    return self.number_fraction(c);
                } else if c == b'e' as i32 || c == b'E' as i32 {
                    return self.number_exponent(c);
                } else if c == b'j' as i32 || c == b'J' as i32 {
                    return self.number_imaginary();
                } else if nonzero {
                    // Old-style octal: now disallowed.
                    self.tok_backup(c);
                    let start = self.start.unwrap_or(self.cur);
                    let from = (start + 1 - self.line_start) as i32;
                    let to = zeros_end as i32 - self.line_start as i32;
                    return Err(self.syntaxerror_range(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                        from,
                        to,
                    ));
                }
                if !self.verify_end_of_number(c, "decimal") {
                    return Err(ERRORTOKEN);
                }
            }
        } else {
            // Decimal.
            c = self.tok_decimal_tail();
            if c == 0 {
                return Err(ERRORTOKEN);
            }
            if c == b'.' as i32 {
                c = self.tok_nextc();
                return self.number_fraction(c);
            }
            return self.number_after_fraction(c);
        }
        self.tok_backup(c);
        Ok(self.token(NUMBER, self.start, Some(self.cur)))
    }

    /// The `fraction:` label: after the '.' of a number, `c` is the next byte.
    fn number_fraction(&mut self, mut c: i32) -> Result<RawToken, TokType> {
        if isdigit(c) {
            c = self.tok_decimal_tail();
            if c == 0 {
                return Err(TokType::ERRORTOKEN);
            }
        }
        self.number_after_fraction(c)
    }

    fn number_after_fraction(&mut self, c: i32) -> Result<RawToken, TokType> {
        if c == b'e' as i32 || c == b'E' as i32 {
            return self.number_exponent(c);
        }
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.number_imaginary();
        }
        if !self.verify_end_of_number(c, "decimal") {
            return Err(TokType::ERRORTOKEN);
        }
        self.tok_backup(c);
        Ok(self.token(TokType::NUMBER, self.start, Some(self.cur)))
    }

    /// The `exponent:` label: `e` is the 'e' or 'E' just read.
    fn number_exponent(&mut self, e: i32) -> Result<RawToken, TokType> {
        let mut c = self.tok_nextc();
        if c == b'+' as i32 || c == b'-' as i32 {
            c = self.tok_nextc();
            if !isdigit(c) {
                self.tok_backup(c);
                return Err(self.syntaxerror("invalid decimal literal".into()));
            }
        } else if !isdigit(c) {
            self.tok_backup(c);
            if !self.verify_end_of_number(e, "decimal") {
                return Err(TokType::ERRORTOKEN);
            }
            self.tok_backup(e);
            return Ok(self.token(TokType::NUMBER, self.start, Some(self.cur)));
        }
        c = self.tok_decimal_tail();
        if c == 0 {
            return Err(TokType::ERRORTOKEN);
        }
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.number_imaginary();
        }
        if !self.verify_end_of_number(c, "decimal") {
            return Err(TokType::ERRORTOKEN);
        }
        self.tok_backup(c);
        Ok(self.token(TokType::NUMBER, self.start, Some(self.cur)))
    }

    /// The `imaginary:` label: after the 'j'.
    fn number_imaginary(&mut self) -> Result<RawToken, TokType> {
        let c = self.tok_nextc();
        if !self.verify_end_of_number(c, "imaginary") {
            return Err(TokType::ERRORTOKEN);
        }
        self.tok_backup(c);
        Ok(self.token(TokType::NUMBER, self.start, Some(self.cur)))
    }

    /// The string branch of `tok_get` (`letter_quote:`), at the opening quote `quote`.
    fn string(&mut self, quote: i32) -> Result<RawToken, TokType> {
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        // Multi-line strings keep the line and column of their first line.
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        // Find the quote size and the start of the string.
        let mut c = self.tok_nextc();
        if c == quote {
            c = self.tok_nextc();
            if c == quote {
                quote_size = 3;
            } else {
                end_quote_size = 1; // An empty string.
            }
        }
        if c != quote {
            self.tok_backup(c);
        }
        // The rest of the string.
        while end_quote_size != quote_size {
            c = self.tok_nextc();
            if c == EOF || (quote_size == 1 && c == b'\n' as i32) {
                // Report the error from the opening quote.
                self.cur = self.start.unwrap_or(self.cur) + 1;
                self.line_start = self.multi_line_start;
                let start = self.lineno;
                self.lineno = self.first_lineno;
                if quote_size == 3 {
                    self.syntaxerror(format!(
                        "unterminated triple-quoted string literal (detected at line {start})"
                    ));
                    if c != b'\n' as i32 {
                        self.done = ErrCode::E_EOFS;
                    }
                } else {
                    self.syntaxerror(format!(
                        "unterminated string literal (detected at line {start})"
                    ));
                    if c != b'\n' as i32 {
                        self.done = ErrCode::E_EOLS;
                    }
                }
                return Err(TokType::ERRORTOKEN);
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' as i32 {
                    self.tok_nextc(); // Skip the escaped character.
                }
            }
        }
        Ok(self.token(TokType::STRING, self.start, Some(self.cur)))
    }
}

/// The bytes of `source` that rustpython's lexer must see as spaces: the
/// backslashes that continue lines made only of indentation, and the tabs in
/// the whitespace of blank lines (rustpython refuses a tab after a space in any
/// indentation; CPython ignores blank lines). The whole source is tokenized
/// (until an error, if any).
pub fn rustpython_blanks(source: &[u8]) -> Vec<usize> {
    if !source.contains(&b'\\') && !source.windows(2).any(|w| w == b" \t") {
        return Vec::new();
    }
    let mut tok = TokState::from_source(source, true);
    loop {
        let t = tok.get();
        if matches!(t.typ, TokType::ENDMARKER | TokType::ERRORTOKEN) {
            break;
        }
    }
    // The tokenizer's input has `\r\n` turned into `\n`: map back. The `\r`
    // removed k-th (0-based) at source offset r leaves its `\n` at input offset
    // r - k.
    let removed: Vec<usize> = (0..source.len())
        .filter(|&i| source[i] == b'\r' && source.get(i + 1) == Some(&b'\n'))
        .collect();
    tok.indent_continuations
        .iter()
        .map(|&p| {
            let before = removed
                .iter()
                .enumerate()
                .take_while(|&(k, &r)| r - k <= p)
                .count();
            p + before
        })
        .collect()
}

// ---- Source decoding (`decode_str`, `check_bom`, `check_coding_spec`) ----

/// Code points of bytes 0x80..0x9F in Windows-1252 (0: undefined); the rest of
/// the code page is Latin-1. Read off python3's `cp1252` codec.
const CP1252_HIGH: [u32; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// `get_normal_name` itself: "utf-8" and "iso-8859-1" for their spellings that
/// CPython's tokenizer recognises (lowercase, `_` as `-`, a `-suffix` allowed), any
/// other name unchanged.
fn cookie_normal_name(name: &str) -> String {
    let lower: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if lower == "utf-8" || lower.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for latin in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if lower == latin || lower.starts_with(&format!("{latin}-")) {
            return "iso-8859-1".into();
        }
    }
    name.to_string()
}

/// Mirrors `get_normal_name`, extended with the aliases that Python's codec
/// registry resolves to the codecs decoded here.
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

/// The encoding named by a PEP 263 coding cookie on this line, if any
/// (`get_coding_spec`).
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

fn decode_error(msg: String, lineno: i32) -> CompileError {
    CompileError {
        kind: ErrorKind::SyntaxError,
        msg,
        lineno,
        offset: 0,
        end_lineno: lineno,
        end_offset: 0,
        text: None,
        program_text: false,
    }
}

/// Source bytes decoded as CPython's tokenizer decodes them (`decode_str`): a UTF-8
/// BOM, or a PEP 263 coding cookie on the first or second line, else UTF-8.
pub struct DecodedSource {
    pub text: String,
    /// `tok->encoding`: set when a BOM or a cookie named the encoding. Parser error
    /// columns are converted from bytes to characters only then.
    pub encoding: Option<String>,
}

/// Decode source whose cookie names a codec this file does not decode itself
/// (`latin9`, `cp437`, `koi8-r`...) through the codec registry, as CPython's
/// `fp_setreadl` opens the codec's reader. An encoding the registry does not know
/// is "unknown encoding: NAME".
fn decode_with_registry(body: &[u8], encoding: &str) -> Result<String, CompileError> {
    match objects::codecs::PyUnicode_Decode(body, None, encoding, None) {
        Ok(s) => Ok(objects::unicodeobject::as_str_lossy(&s).into_owned()),
        Err(e) => {
            let why = objects::object::PyObject_Str(e.value())
                .map(|s| objects::unicodeobject::as_str_lossy(&s).into_owned())
                .unwrap_or_default();
            // A LookupError says "unknown encoding: NAME", or that the codec is not
            // a text encoding.
            let lookup = objects::pyerrors::PyErr_ExceptionMatches(
                &e,
                &objects::exceptions::PyExc_LookupError,
            );
            Err(decode_error(
                if lookup {
                    why
                } else {
                    format!("(unicode error) {why}")
                },
                0,
            ))
        }
    }
}

/// Decodes source bytes (`decode_str`).
///
/// Differences from CPython: UTF-8, Latin-1, Windows-1252 and ASCII are decoded
/// here, any other codec through the codec registry (all at once, not line by line,
/// so a decoding error is not placed on its line). Invalid UTF-8 is reported on the
/// right line but not with CPython's exact byte position.
pub fn decode_source(source: &[u8]) -> Result<DecodedSource, CompileError> {
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
    let declared = cookie.is_some();
    // With a BOM the cookie must name UTF-8 as `get_normal_name` spells it: "utf8",
    // which the codec registry accepts, is still "utf8 with BOM" to CPython.
    let cookie_name = cookie_normal_name(cookie.as_deref().unwrap_or("utf-8"));
    let encoding = cookie
        .map(|c| normal_encoding_name(&c))
        .unwrap_or_else(|| "utf-8".into());
    if bom && cookie_name != "utf-8" {
        return Err(decode_error(
            format!("encoding problem: {cookie_name} with BOM"),
            0,
        ));
    }
    let text = match encoding.as_str() {
        "utf-8" => std::str::from_utf8(body).map(|s| s.to_string()).map_err(|e| {
            let upto = &body[..e.valid_up_to()];
            let line = upto.iter().filter(|&&b| b == b'\n').count() as i32 + 1;
            let bad = body[e.valid_up_to()];
            let why = if e.error_len().is_none() { "unexpected end of data" } else { "invalid start byte" };
            decode_error(
                format!("(unicode error) 'utf-8' codec can't decode byte 0x{bad:02x} in position 0: {why}"),
                line,
            )
        })?,
        "iso-8859-1" => body.iter().map(|&b| b as char).collect(),
        "cp1252" => {
            let mut out = String::with_capacity(body.len());
            for (k, &b) in body.iter().enumerate() {
                let c = if (0x80..0xa0).contains(&b) { CP1252_HIGH[(b - 0x80) as usize] } else { b as u32 };
                match char::from_u32(c).filter(|_| c != 0 || b == 0) {
                    Some(ch) => out.push(ch),
                    None => {
                        let line = body[..k].iter().filter(|&&x| x == b'\n').count() as i32 + 1;
                        return Err(decode_error(
                            format!("(unicode error) 'charmap' codec can't decode byte 0x{b:02x} in position 0: character maps to <undefined>"),
                            line,
                        ));
                    }
                }
            }
            out
        }
        "ascii" => {
            if let Some(p) = body.iter().position(|&b| b >= 0x80) {
                let line = body[..p].iter().filter(|&&b| b == b'\n').count() as i32 + 1;
                return Err(decode_error(
                    format!("(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position 0: ordinal not in range(128)", body[p]),
                    line,
                ));
            }
            String::from_utf8_lossy(body).into_owned()
        }
        other => decode_with_registry(body, other)?,
    };
    Ok(DecodedSource {
        text,
        encoding: (bom || declared).then_some(encoding),
    })
}
