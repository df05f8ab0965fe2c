//! Decoding string literals from source text, for the one thing rustpython-parser
//! cannot represent: lone surrogates (`"\udc80"`), which CPython's str allows and
//! Rust's `String` does not. Mirrors `decode_unicode_with_escapes` in
//! Parser/string_parser.c (CPython 3.11).
//!
//! Differences from CPython: only plain (non-f, non-bytes) literals are decoded, and
//! a literal using `\N{...}` is left to rustpython (no name table here); both are
//! noted in KNOWN_GAPS.md. Inside the AST, such a string travels as a Rust `String`
//! in which each surrogate is written as `SURROGATE_MARK` followed by a character of
//! the Supplementary Private Use Area-A; `const_from_ast` turns it into
//! `Constant::SurrogateStr`.

/// The message of the first invalid escape sequence in the source text of a
/// string or bytes literal (the `first_invalid_escape` that
/// `_PyUnicode_DecodeUnicodeEscapeInternal` and `_PyBytes_DecodeEscape` report),
/// as `warn_invalid_escape_sequence` words it: an unknown escape, or an octal
/// escape above 0o377. Raw literals have none.
pub fn first_invalid_escape(token: &[u8]) -> Option<String> {
    let prefix_len = token.iter().position(|&b| b == b'\'' || b == b'"')?;
    let prefix = token[..prefix_len].to_ascii_lowercase();
    if prefix.contains(&b'r') {
        return None;
    }
    let is_bytes = prefix.contains(&b'b');
    let q = token[prefix_len];
    let triple =
        token.len() >= prefix_len + 6 && token[prefix_len + 1] == q && token[prefix_len + 2] == q;
    let qlen = if triple { 3 } else { 1 };
    let body = token.get(prefix_len + qlen..token.len().saturating_sub(qlen))?;
    let mut i = 0;
    while i < body.len() {
        if body[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(&c) = body.get(i + 1) else {
            break;
        };
        i += 2;
        match c {
            b'\n' | b'\\' | b'\'' | b'"' | b'b' | b'f' | b't' | b'n' | b'r' | b'v' | b'a'
            | b'x' => {}
            b'N' | b'u' | b'U' if !is_bytes => {}
            // A non-ASCII character after a backslash is kept with the backslash
            // (`decode_unicode_with_escapes` escapes the backslash itself).
            0x80.. if !is_bytes => {}
            b'0'..=b'7' => {
                let start = i - 1;
                let mut value = (c - b'0') as u32;
                while i < body.len() && i - start < 3 && (b'0'..=b'7').contains(&body[i]) {
                    value = value * 8 + (body[i] - b'0') as u32;
                    i += 1;
                }
                if value > 0o377 {
                    return Some(format!(
                        "invalid octal escape sequence '\\{}'",
                        String::from_utf8_lossy(&body[start..i])
                    ));
                }
            }
            // `%c` of the byte: a non-ASCII character shows as its first byte.
            _ => return Some(format!("invalid escape sequence '\\{}'", c as char)),
        }
    }
    None
}

/// `warn_invalid_escape_sequence` for every string token of a parsed source: a
/// DeprecationWarning at the token's line, which becomes a SyntaxError at the token
/// when a filter makes it an error.
pub fn warn_invalid_escapes(p: &mut crate::pegen::Parser) {
    for i in 0..p.tokens.len() {
        let t = p.tokens[i];
        if t.typ != crate::tokenizer::TokType::STRING {
            continue;
        }
        let (Some(start), Some(end)) = (t.start, t.end) else {
            continue;
        };
        let Some(msg) = p.tok.input.get(start..end).and_then(first_invalid_escape) else {
            continue;
        };
        p.raise_error(crate::compile::ErrorKind::SyntaxError, Some(i), msg.clone());
        let error = p.take_error();
        crate::compile::push_warning(crate::compile::CompileWarning {
            deprecation: true,
            msg,
            lineno: t.loc.lineno,
            error,
        });
    }
}

/// Introduces an encoded surrogate inside an AST string. U+10FFFE is a
/// noncharacter, which no real source text uses.
pub const SURROGATE_MARK: char = '\u{10FFFE}';
const SURROGATE_BASE: u32 = 0xF0000;

/// Whether the source text of a literal contains a `\u`/`\U` escape of a surrogate.
pub fn has_surrogate_escape(src: &str) -> bool {
    let b = src.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'\\' {
            let digits = match b[i + 1] {
                b'u' => 4,
                b'U' => 8,
                _ => {
                    i += 2;
                    continue;
                }
            };
            if let Some(hex) = src.get(i + 2..i + 2 + digits) {
                if let Ok(v) = u32::from_str_radix(hex, 16) {
                    if (0xD800..0xE000).contains(&v) {
                        return true;
                    }
                }
            }
            i += 2;
            continue;
        }
        i += 1;
    }
    false
}

/// Decodes one or more implicitly concatenated plain string literals (the source
/// text of a Constant node) to code points. None if a piece is a bytes literal or
/// an f-string, or uses `\N{...}`.
pub fn decode_literals(src: &str) -> Option<Vec<u32>> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == '(' || c == ')' {
            i += 1;
            continue;
        }
        if c == '\\' && chars.get(i + 1) == Some(&'\n') {
            i += 2;
            continue;
        }
        if c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        let mut raw = false;
        while i < chars.len() && chars[i].is_ascii_alphabetic() {
            match chars[i] {
                'r' | 'R' => raw = true,
                'u' | 'U' => {}
                _ => return None,
            }
            i += 1;
        }
        let q = *chars.get(i)?;
        if q != '\'' && q != '"' {
            return None;
        }
        let triple = chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q);
        let qlen = if triple { 3 } else { 1 };
        i += qlen;
        let start = i;
        loop {
            let d = *chars.get(i)?;
            if d == '\\' {
                i += 2;
                continue;
            }
            if d == q && (!triple || (chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q)))
            {
                break;
            }
            i += 1;
        }
        let body: String = chars[start..i].iter().collect();
        i += qlen;
        let body = body.replace("\r\n", "\n").replace('\r', "\n");
        if raw {
            out.extend(body.chars().map(|c| c as u32));
        } else {
            decode_escapes(&body, &mut out)?;
        }
    }
    Some(out)
}

fn decode_escapes(body: &str, out: &mut Vec<u32>) -> Option<()> {
    let chars: Vec<char> = body.chars().collect();
    let mut i = 0;
    let hex = |from: usize, n: usize| -> Option<u32> {
        let s: String = chars.get(from..from + n)?.iter().collect();
        u32::from_str_radix(&s, 16).ok()
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' || i + 1 >= chars.len() {
            out.push(c as u32);
            i += 1;
            continue;
        }
        let e = chars[i + 1];
        i += 2;
        match e {
            '\n' => {}
            '\\' => out.push('\\' as u32),
            '\'' => out.push('\'' as u32),
            '"' => out.push('"' as u32),
            'a' => out.push(7),
            'b' => out.push(8),
            'f' => out.push(12),
            'n' => out.push(10),
            'r' => out.push(13),
            't' => out.push(9),
            'v' => out.push(11),
            '0'..='7' => {
                let mut v = e.to_digit(8)?;
                let mut n = 1;
                while n < 3 && i < chars.len() && chars[i].is_digit(8) {
                    v = v * 8 + chars[i].to_digit(8)?;
                    i += 1;
                    n += 1;
                }
                out.push(v);
            }
            'x' => {
                out.push(hex(i, 2)?);
                i += 2;
            }
            'u' => {
                out.push(hex(i, 4)?);
                i += 4;
            }
            'U' => {
                let v = hex(i, 8)?;
                if v > 0x10FFFF {
                    return None;
                }
                out.push(v);
                i += 8;
            }
            'N' => return None,
            other => {
                out.push('\\' as u32);
                out.push(other as u32);
            }
        }
    }
    Some(())
}

/// Writes code points (surrogates included) as an AST string, marking surrogates.
pub fn encode_marked(cps: &[u32]) -> String {
    let mut s = String::new();
    for &cp in cps {
        match char::from_u32(cp) {
            Some(c) => s.push(c),
            None => {
                s.push(SURROGATE_MARK);
                s.push(char::from_u32(SURROGATE_BASE + (cp - 0xD800)).unwrap_or('\u{FFFD}'));
            }
        }
    }
    s
}

/// The code points of a marked AST string, or None if it has no surrogates.
pub fn decode_marked(s: &str) -> Option<Vec<u32>> {
    if !s.contains(SURROGATE_MARK) {
        return None;
    }
    let mut out = Vec::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == SURROGATE_MARK {
            let m = it.next()? as u32;
            out.push(m - SURROGATE_BASE + 0xD800);
        } else {
            out.push(c as u32);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_surrogates_and_escapes() {
        assert!(has_surrogate_escape(r#""\udc80""#));
        assert!(!has_surrogate_escape(r#""\u00e9""#));
        let cps = decode_literals(r#""a\udc80" 'b\x41\101\n'"#).unwrap();
        assert_eq!(cps, vec![97, 0xDC80, 98, 0x41, 0x41, 10]);
        let marked = encode_marked(&cps);
        assert_eq!(decode_marked(&marked).unwrap(), cps);
        assert!(decode_literals(r#"f"{x}""#).is_none());
    }
}
