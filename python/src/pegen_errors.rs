//! Raising SyntaxErrors from the parser. Mirrors Parser/pegen_errors.c (CPython
//! 3.11), the error macros of Parser/pegen.h (`RAISE_SYNTAX_ERROR`,
//! `RAISE_SYNTAX_ERROR_KNOWN_LOCATION`, ...) and `PyErr_ProgramTextObject` of
//! Python/errors.c.
//!
//! How CPython fills in a parser SyntaxError, which this file reproduces:
//! - the location is a token's or a node's (byte columns, +1), or "the last token
//!   read" (`p->tokens[p->fill-1]`) for the plain `RAISE_SYNTAX_ERROR`;
//! - the text is the line read back from the file named by `filename` when the
//!   start rule is `file` (so `compile(src, "x.py", "exec")` shows the line of the
//!   file x.py on disk, if there is one); otherwise the tokenizer's buffer, from
//!   the first line of the current token to the end of the current line, newline
//!   included, when the tokenizer is still on the error line; otherwise that line
//!   of the source, without its newline;
//! - columns become character offsets, counted in that text, only when the
//!   tokenizer knows its encoding (always for `str` source).

use crate::compile::{CompileError, ErrorKind};
use crate::pegen::{Loc, Parser, StartRule};
use crate::tokenizer::{ErrCode, TokType};

/// `CURRENT_POS`: "where the tokenizer is now", for an end position.
pub const CURRENT_POS: i32 = -5;

/// `_PyPegen_byte_offset_to_character_offset`: the character count of the first
/// `col_offset` bytes of `line` (a column of one past the end counts the C
/// string's terminating NUL).
pub fn byte_offset_to_character_offset(line: &str, col_offset: i32) -> i32 {
    if col_offset <= 0 {
        return col_offset;
    }
    let bytes = line.as_bytes();
    let len = bytes.len();
    let col = (col_offset as usize).min(len + 1);
    if col == len + 1 {
        return String::from_utf8_lossy(bytes).chars().count() as i32 + 1;
    }
    String::from_utf8_lossy(&bytes[..col]).chars().count() as i32
}

/// `PyErr_ProgramTextObject` / `_PyErr_ProgramDecodedTextObject`: line `lineno`
/// of the file `filename`, or `None` if there is no such file or line. Without an
/// encoding the line must be valid UTF-8; with one it is decoded with
/// replacement.
pub fn program_text(filename: &str, lineno: i32, encoding: Option<&str>) -> Option<String> {
    if lineno <= 0 || filename.is_empty() {
        return None;
    }
    let file = std::fs::File::open(filename).ok()?;
    let line = program_line(std::io::BufReader::new(file), lineno)?;
    match encoding {
        None => String::from_utf8(line).ok(),
        Some("iso-8859-1") => Some(line.iter().map(|&b| b as char).collect()),
        Some(_) => Some(String::from_utf8_lossy(&line).into_owned()),
    }
}

/// How much of a file `program_line` reads before giving up: CPython reads on
/// for ever (a device such as /dev/zero never ends its first line); pyrs stops.
const PROGRAM_TEXT_LIMIT: usize = 1 << 28;

/// The bytes `err_programtext` (Python/errors.c) leaves in its 1000-byte buffer
/// for line `lineno`: `Py_UniversalNewlineFgets` reads the line in pieces of at
/// most 999 bytes (`\r\n` and `\r` read as `\n`) and the last piece stays. `None`
/// if the file ends first.
fn program_line(mut r: impl std::io::BufRead, lineno: i32) -> Option<Vec<u8>> {
    const CHUNK: usize = 999;
    let mut total = 0usize;
    let mut next = |r: &mut dyn std::io::BufRead| -> Option<Option<u8>> {
        total += 1;
        if total > PROGRAM_TEXT_LIMIT {
            return None;
        }
        let b = match r.fill_buf() {
            Ok([]) => return Some(None),
            Ok(buf) => buf[0],
            Err(_) => return None,
        };
        r.consume(1);
        Some(Some(b))
    };
    let mut buf: Vec<u8> = Vec::new();
    for _ in 0..lineno {
        loop {
            // One `fgets` call: NULL (the line is not there) if nothing is left.
            buf.clear();
            while buf.len() < CHUNK {
                let Some(b) = next(&mut r)? else { break };
                if b == b'\r' {
                    if let Ok([b'\n', ..]) = r.fill_buf() {
                        r.consume(1);
                    }
                    buf.push(b'\n');
                    break;
                }
                buf.push(b);
                if b == b'\n' {
                    break;
                }
            }
            if buf.is_empty() {
                return None;
            }
            // A full buffer without a newline: the line goes on.
            if buf.len() == CHUNK && buf.last() != Some(&b'\n') {
                continue;
            }
            break;
        }
    }
    Some(buf)
}

impl Parser<'_> {
    /// `get_error_line_from_tokenizer_buffers`: line `lineno` of the source
    /// (relative to where this parser's input starts), without its newline.
    fn get_error_line_from_tokenizer_buffers(&self, lineno: i32) -> String {
        let input = &self.tok.input;
        let relative_lineno = if self.starting_lineno != 0 {
            lineno - self.starting_lineno + 1
        } else {
            lineno
        };
        let buf_end = self.tok.inp;
        let mut cur = 0usize;
        let mut i = 0;
        while i < relative_lineno - 1 {
            let Some(nl) = input[cur.min(input.len())..]
                .iter()
                .position(|&b| b == b'\n')
            else {
                break;
            };
            let new_line = cur + nl;
            if new_line + 1 > buf_end {
                break;
            }
            cur = new_line + 1;
            i += 1;
        }
        let end = input[cur.min(input.len())..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(input.len(), |k| cur + k);
        self.tok.decode(cur, end)
    }

    /// `_PyPegen_raise_error_known_location`: set the SyntaxError (or subclass)
    /// with its text and character columns, replacing any error already set.
    pub fn raise_error_known_location_raw(
        &mut self,
        kind: ErrorKind,
        lineno: i32,
        col_offset: i32,
        end_lineno: i32,
        end_col_offset: i32,
        msg: String,
    ) {
        let end_lineno = if end_lineno == CURRENT_POS {
            self.tok.lineno
        } else {
            end_lineno
        };
        let end_col_offset = if end_col_offset == CURRENT_POS {
            self.tok.cur as i32 - self.tok.line_start as i32
        } else {
            end_col_offset
        };
        let msg = if self.start_rule == StartRule::Fstring {
            format!("f-string: {msg}")
        } else {
            msg
        };
        let mut error_line = None;
        if self.start_rule == StartRule::File {
            error_line = program_text(self.filename, lineno, self.encoding.as_deref());
        }
        let error_line = match error_line {
            Some(l) => l,
            None => {
                if self.tok.lineno <= lineno && self.tok.inp > self.tok.buf {
                    self.tok.decode(self.tok.buf, self.tok.inp)
                } else {
                    self.get_error_line_from_tokenizer_buffers(lineno)
                }
            }
        };
        let (mut col_offset, mut end_col_offset) = (col_offset, end_col_offset);
        if self.start_rule == StartRule::Fstring {
            col_offset -= self.starting_col_offset;
            end_col_offset -= self.starting_col_offset;
        }
        let mut col_number = col_offset;
        let mut end_col_number = end_col_offset;
        if self.encoding.is_some() {
            col_number = byte_offset_to_character_offset(&error_line, col_offset);
            if end_col_number > 0 {
                end_col_number = byte_offset_to_character_offset(&error_line, end_col_number);
            }
        }
        self.error = Some(CompileError {
            kind,
            msg,
            lineno,
            offset: col_number,
            end_lineno,
            end_offset: end_col_number,
            text: Some(error_line),
            program_text: false,
        });
    }

    /// `RAISE_ERROR_KNOWN_LOCATION`: columns are 0-based here and become 1-based.
    pub fn raise_error_known_location(
        &mut self,
        kind: ErrorKind,
        lineno: i32,
        col_offset: i32,
        end_lineno: i32,
        end_col_offset: i32,
        msg: String,
    ) {
        let col = if col_offset == CURRENT_POS {
            CURRENT_POS
        } else {
            col_offset + 1
        };
        let end_col = if end_col_offset == CURRENT_POS {
            CURRENT_POS
        } else {
            end_col_offset + 1
        };
        self.raise_error_known_location_raw(kind, lineno, col, end_lineno, end_col, msg);
    }

    /// `_PyPegen_raise_error`: an error at the last token read, or at token
    /// `at` (`use_mark`: the token at the parser's mark, read if need be).
    pub fn raise_error(&mut self, kind: ErrorKind, at: Option<usize>, msg: String) {
        if self.error.is_some() {
            return;
        }
        if self.fill() == 0 {
            self.raise_error_known_location_raw(kind, 0, 0, 0, -1, msg);
            return;
        }
        if let Some(m) = at {
            if !self.fill_to(m) {
                return;
            }
        }
        let t = at.unwrap_or(self.fill() - 1);
        let loc = self.tokens[t].loc;
        let col_offset = if loc.col_offset == -1 {
            if self.tok.cur == self.tok.buf {
                0
            } else {
                self.tok.cur as i32 - self.tok.line_start as i32
            }
        } else {
            loc.col_offset + 1
        };
        let end_col_offset = if loc.end_col_offset != -1 {
            loc.end_col_offset + 1
        } else {
            -1
        };
        self.raise_error_known_location_raw(
            kind,
            loc.lineno,
            col_offset,
            loc.end_lineno,
            end_col_offset,
            msg,
        );
    }

    /// `RAISE_SYNTAX_ERROR`.
    pub fn raise_syntax_error(&mut self, msg: String) {
        self.raise_error(ErrorKind::SyntaxError, None, msg);
    }

    /// `RAISE_INDENTATION_ERROR`.
    pub fn raise_indentation_error(&mut self, msg: String) {
        self.raise_error(ErrorKind::IndentationError, None, msg);
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION`.
    pub fn raise_syntax_error_known_location(&mut self, a: Loc, msg: String) {
        self.raise_error_known_location(
            ErrorKind::SyntaxError,
            a.lineno,
            a.col_offset,
            a.end_lineno,
            a.end_col_offset,
            msg,
        );
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE`.
    pub fn raise_syntax_error_known_range(&mut self, a: Loc, b: Loc, msg: String) {
        self.raise_error_known_location(
            ErrorKind::SyntaxError,
            a.lineno,
            a.col_offset,
            b.end_lineno,
            b.end_col_offset,
            msg,
        );
    }

    /// `RAISE_SYNTAX_ERROR_STARTING_FROM`.
    pub fn raise_syntax_error_starting_from(&mut self, a: Loc, msg: String) {
        self.raise_error_known_location(
            ErrorKind::SyntaxError,
            a.lineno,
            a.col_offset,
            CURRENT_POS,
            CURRENT_POS,
            msg,
        );
    }

    /// `raise_unclosed_parentheses_error`.
    fn raise_unclosed_parentheses_error(&mut self) {
        let level = self.tok.level - 1;
        let error_lineno = self.tok.parenlinenostack[level];
        let error_col = self.tok.parencolstack[level];
        let open = self.tok.parenstack[level] as char;
        self.raise_error_known_location(
            ErrorKind::SyntaxError,
            error_lineno,
            error_col,
            error_lineno,
            -1,
            format!("'{open}' was never closed"),
        );
    }

    /// `tokenizer_error`: the SyntaxError for a tokenizer that stopped with an
    /// error code rather than raising one itself.
    pub fn tokenizer_error(&mut self) {
        if self.error.is_some() {
            return;
        }
        let mut kind = ErrorKind::SyntaxError;
        let mut col_offset = -1;
        let msg = match self.tok.done {
            ErrCode::E_TOKEN => "invalid token",
            ErrCode::E_EOF => {
                if self.tok.level > 0 {
                    self.raise_unclosed_parentheses_error();
                } else {
                    self.raise_syntax_error("unexpected EOF while parsing".into());
                }
                return;
            }
            ErrCode::E_DEDENT => {
                self.raise_indentation_error(
                    "unindent does not match any outer indentation level".into(),
                );
                return;
            }
            ErrCode::E_TABSPACE => {
                kind = ErrorKind::TabError;
                "inconsistent use of tabs and spaces in indentation"
            }
            ErrCode::E_TOODEEP => {
                kind = ErrorKind::IndentationError;
                "too many levels of indentation"
            }
            ErrCode::E_LINECONT => {
                col_offset = self.tok.cur as i32 - self.tok.buf as i32 - 1;
                "unexpected character after line continuation character"
            }
            _ => "unknown parsing error",
        };
        let lineno = self.tok.lineno;
        self.raise_error_known_location(kind, lineno, col_offset.max(0), lineno, -1, msg.into());
    }

    /// `_PyPegen_tokenize_full_source_to_check_for_errors`: after a parser error,
    /// read the rest of the source; a tokenizer error found there (an unterminated
    /// string, a stray bracket, ...) replaces the parser's error, and so does a
    /// bracket left open before the error's line.
    fn tokenize_full_source_to_check_for_errors(&mut self) {
        let saved = self.error.take();
        let current_err_line = self
            .fill()
            .checked_sub(1)
            .map_or(0, |t| self.tokens[t].loc.lineno);
        loop {
            let t = self.tok.get();
            if let Some(e) = self.tok.error.take() {
                self.error = Some(e);
            }
            match t.typ {
                TokType::ERRORTOKEN => {
                    if self.error.is_some() {
                        break;
                    }
                    if self.tok.level != 0 {
                        let error_lineno = self.tok.parenlinenostack[self.tok.level - 1];
                        if current_err_line > error_lineno {
                            self.raise_unclosed_parentheses_error();
                        }
                    }
                    break;
                }
                TokType::ENDMARKER => break,
                _ => continue,
            }
        }
        if self.error.is_none() {
            self.error = saved;
        }
    }

    /// `_Pypegen_set_syntax_error`: the error to report after the second pass.
    pub fn set_syntax_error(&mut self, last_token: Option<usize>) {
        if self.error.is_some() {
            // Tokenizer errors found later win over the parser's own errors.
            let is_tok_ok = self.tok.done == ErrCode::E_OK;
            let is_syntax_error = self.error.as_ref().is_some_and(|e| {
                matches!(
                    e.kind,
                    ErrorKind::SyntaxError | ErrorKind::IndentationError | ErrorKind::TabError
                )
            });
            if is_tok_ok && is_syntax_error {
                self.tokenize_full_source_to_check_for_errors();
            }
            return;
        }
        let Some(last_token) = last_token else {
            self.raise_syntax_error("error at start before reading any input".into());
            return;
        };
        let last_typ = self.tokens[last_token].typ;
        if last_typ == TokType::ERRORTOKEN && self.tok.done == ErrCode::E_EOF {
            if self.tok.level > 0 {
                self.raise_unclosed_parentheses_error();
            } else {
                self.raise_syntax_error("unexpected EOF while parsing".into());
            }
            return;
        }
        if last_typ == TokType::INDENT || last_typ == TokType::DEDENT {
            let msg = if last_typ == TokType::INDENT {
                "unexpected indent"
            } else {
                "unexpected unindent"
            };
            self.raise_indentation_error(msg.into());
            return;
        }
        // The generic case, at the last token the first pass read (the second
        // pass may have read further while looking for specific errors).
        let loc = self.tokens[last_token].loc;
        self.raise_syntax_error_known_location(loc, "invalid syntax".into());
        self.tokenize_full_source_to_check_for_errors();
    }
}
