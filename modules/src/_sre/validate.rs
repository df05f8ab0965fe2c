//! `_validate`: the check `_sre.compile` runs on the code before accepting it, so
//! that the engine never meets a jump out of the code, an unterminated set, a group
//! number beyond the pattern's groups or a malformed repeat. Mirrors the
//! `_validate_*` functions of Modules/_sre/sre.c (CPython 3.11).

use super::sre_constants::*;

/// A cursor over the code words of one stretch, `code[pos..end]`.
struct Reader<'a> {
    code: &'a [u32],
    pos: usize,
    end: usize,
}

type V<T> = Result<T, ()>;

impl Reader<'_> {
    /// `GET_OP` / `GET_ARG`.
    fn get(&mut self) -> V<u32> {
        if self.pos >= self.end {
            return Err(());
        }
        let v = self.code[self.pos];
        self.pos += 1;
        Ok(v)
    }

    /// `GET_SKIP_ADJ(adj)`: a skip that may reach at most `adj` words past the end.
    fn skip_adj(&mut self, adj: usize) -> V<usize> {
        if self.pos >= self.end {
            return Err(());
        }
        let skip = self.code[self.pos] as usize;
        if skip.wrapping_sub(adj) > self.end - self.pos {
            return Err(());
        }
        self.pos += 1;
        Ok(skip)
    }

    fn skip(&mut self) -> V<usize> {
        self.skip_adj(0)
    }
}

/// `start + skip - back` as an index, failing if it would be before the start of
/// the code.
fn offset(start: usize, skip: usize, back: usize) -> V<usize> {
    (start + skip).checked_sub(back).ok_or(())
}

/// `_validate_charset`: the members of a set, `code[pos..end]`.
fn validate_charset(code: &[u32], pos: usize, end: usize) -> V<()> {
    if pos > end || end > code.len() {
        return Err(());
    }
    let mut r = Reader { code, pos, end };
    while r.pos < r.end {
        match r.get()? {
            SRE_OP_NEGATE => {}
            SRE_OP_LITERAL => {
                r.get()?;
            }
            SRE_OP_RANGE | SRE_OP_RANGE_UNI_IGNORE => {
                r.get()?;
                r.get()?;
            }
            SRE_OP_CHARSET => {
                // A 256-bit bitmap.
                if 8 > r.end - r.pos {
                    return Err(());
                }
                r.pos += 8;
            }
            SRE_OP_BIGCHARSET => {
                let blocks = r.get()?;
                // 256 block numbers, one byte each, then the blocks.
                if 64 > r.end - r.pos {
                    return Err(());
                }
                for i in 0..256 {
                    let word = code[r.pos + i / 4];
                    if (word >> ((i % 4) * 8)) & 0xff >= blocks {
                        return Err(());
                    }
                }
                r.pos += 64;
                let size = (blocks as usize).checked_mul(8).ok_or(())?;
                if size > r.end - r.pos {
                    return Err(());
                }
                r.pos += size;
            }
            SRE_OP_CATEGORY => {
                if r.get()? > SRE_CATEGORY_UNI_NOT_LINEBREAK {
                    return Err(());
                }
            }
            _ => return Err(()),
        }
    }
    Ok(())
}

/// `_validate_inner`: the code in `code[pos..end]`; `Ok(true)` if it ends with a
/// `JUMP` (the "then" part of a conditional with an "else" part).
fn validate_inner(code: &[u32], pos: usize, end: usize, groups: usize) -> V<bool> {
    if pos > end || end > code.len() {
        return Err(());
    }
    let mut r = Reader { code, pos, end };
    while r.pos < r.end {
        let op = r.get()?;
        match op {
            SRE_OP_MARK => {
                // Marks need not nest properly: the engine copes.
                if r.get()? as usize > 2 * groups + 1 {
                    return Err(());
                }
            }
            SRE_OP_LITERAL
            | SRE_OP_NOT_LITERAL
            | SRE_OP_LITERAL_IGNORE
            | SRE_OP_NOT_LITERAL_IGNORE
            | SRE_OP_LITERAL_UNI_IGNORE
            | SRE_OP_NOT_LITERAL_UNI_IGNORE
            | SRE_OP_LITERAL_LOC_IGNORE
            | SRE_OP_NOT_LITERAL_LOC_IGNORE => {
                r.get()?;
            }
            SRE_OP_SUCCESS | SRE_OP_FAILURE | SRE_OP_ANY | SRE_OP_ANY_ALL => {}
            SRE_OP_AT => {
                if r.get()? > SRE_AT_UNI_NON_BOUNDARY {
                    return Err(());
                }
            }
            SRE_OP_IN | SRE_OP_IN_IGNORE | SRE_OP_IN_UNI_IGNORE | SRE_OP_IN_LOC_IGNORE => {
                let skip = r.skip()?;
                // The members, then FAILURE.
                let last = offset(r.pos, skip, 2)?;
                validate_charset(code, r.pos, last)?;
                if code.get(last) != Some(&SRE_OP_FAILURE) {
                    return Err(());
                }
                r.pos = offset(r.pos, skip, 1)?;
            }
            SRE_OP_INFO => {
                // <INFO> <skip> <flags> <min> <max> [prefix or charset]
                let skip = r.skip()?;
                let newcode = offset(r.pos, skip, 1)?;
                let flags = r.get()?;
                r.get()?;
                r.get()?;
                if flags & !(SRE_INFO_PREFIX | SRE_INFO_LITERAL | SRE_INFO_CHARSET) != 0 {
                    return Err(());
                }
                if flags & SRE_INFO_PREFIX != 0 && flags & SRE_INFO_CHARSET != 0 {
                    return Err(());
                }
                if flags & SRE_INFO_LITERAL != 0 && flags & SRE_INFO_PREFIX == 0 {
                    return Err(());
                }
                if newcode < r.pos {
                    return Err(());
                }
                if flags & SRE_INFO_PREFIX != 0 {
                    let prefix_len = r.get()? as usize;
                    r.get()?;
                    // The prefix, then its overlap table.
                    if newcode < r.pos || prefix_len > newcode - r.pos {
                        return Err(());
                    }
                    r.pos += prefix_len;
                    if prefix_len > newcode - r.pos {
                        return Err(());
                    }
                    if code[r.pos..r.pos + prefix_len]
                        .iter()
                        .any(|&o| o as usize >= prefix_len)
                    {
                        return Err(());
                    }
                    r.pos += prefix_len;
                }
                if flags & SRE_INFO_CHARSET != 0 {
                    let last = newcode.checked_sub(1).ok_or(())?;
                    validate_charset(code, r.pos, last)?;
                    if code.get(last) != Some(&SRE_OP_FAILURE) {
                        return Err(());
                    }
                    r.pos = newcode;
                } else if r.pos != newcode {
                    return Err(());
                }
            }
            SRE_OP_BRANCH => {
                let mut target: Option<usize> = None;
                loop {
                    let skip = r.skip()?;
                    if skip == 0 {
                        break;
                    }
                    // The alternative, then a JUMP to the common target.
                    let alt_end = offset(r.pos, skip, 3)?;
                    validate_inner(code, r.pos, alt_end, groups)?;
                    r.pos = alt_end;
                    if r.get()? != SRE_OP_JUMP {
                        return Err(());
                    }
                    let skip = r.skip()?;
                    let t = offset(r.pos, skip, 1)?;
                    match target {
                        None => target = Some(t),
                        Some(x) if x != t => return Err(()),
                        _ => {}
                    }
                }
                if Some(r.pos) != target {
                    return Err(());
                }
            }
            SRE_OP_REPEAT_ONE | SRE_OP_MIN_REPEAT_ONE | SRE_OP_POSSESSIVE_REPEAT_ONE => {
                let skip = r.skip()?;
                let min = r.get()?;
                let max = r.get()?;
                if min > max {
                    return Err(());
                }
                let item_end = offset(r.pos, skip, 4)?;
                validate_inner(code, r.pos, item_end, groups)?;
                r.pos = item_end;
                if r.get()? != SRE_OP_SUCCESS {
                    return Err(());
                }
            }
            SRE_OP_REPEAT | SRE_OP_POSSESSIVE_REPEAT => {
                let skip = r.skip()?;
                let min = r.get()?;
                let max = r.get()?;
                if min > max {
                    return Err(());
                }
                let item_end = offset(r.pos, skip, 3)?;
                validate_inner(code, r.pos, item_end, groups)?;
                r.pos = item_end;
                let close = r.get()?;
                let ok = if op == SRE_OP_POSSESSIVE_REPEAT {
                    close == SRE_OP_SUCCESS
                } else {
                    close == SRE_OP_MAX_UNTIL || close == SRE_OP_MIN_UNTIL
                };
                if !ok {
                    return Err(());
                }
            }
            SRE_OP_ATOMIC_GROUP => {
                let skip = r.skip()?;
                let body_end = offset(r.pos, skip, 2)?;
                validate_inner(code, r.pos, body_end, groups)?;
                r.pos = body_end;
                if r.get()? != SRE_OP_SUCCESS {
                    return Err(());
                }
            }
            SRE_OP_GROUPREF
            | SRE_OP_GROUPREF_IGNORE
            | SRE_OP_GROUPREF_UNI_IGNORE
            | SRE_OP_GROUPREF_LOC_IGNORE => {
                if r.get()? as usize >= groups {
                    return Err(());
                }
            }
            SRE_OP_GROUPREF_EXISTS => {
                // <GROUPREF_EXISTS> <group> <skip> then [JUMP <skipno> else]
                if r.get()? as usize >= groups {
                    return Err(());
                }
                let skip = r.skip_adj(1)?;
                // The skip counts from the group argument.
                let base = r.pos - 1;
                let then_end = offset(base, skip, 1)?;
                let mut ends_with_jump = validate_inner(code, base + 1, then_end, groups)?;
                let mut after = then_end;
                if ends_with_jump {
                    // The "else" part follows the JUMP's skip.
                    let mut r2 = Reader {
                        code,
                        pos: offset(base, skip, 2)?,
                        end: r.end,
                    };
                    let skipno = r2.skip()?;
                    let else_end = offset(r2.pos, skipno, 1)?;
                    ends_with_jump = validate_inner(code, r2.pos, else_end, groups)?;
                    after = else_end;
                }
                if ends_with_jump {
                    return Err(());
                }
                r.pos = after;
            }
            SRE_OP_ASSERT | SRE_OP_ASSERT_NOT => {
                let skip = r.skip()?;
                r.get()?; // 0 for lookahead, the width for lookbehind
                let base = r.pos - 1;
                let body_end = offset(base, skip, 2)?;
                validate_inner(code, base + 1, body_end, groups)?;
                r.pos = body_end;
                if r.get()? != SRE_OP_SUCCESS {
                    return Err(());
                }
            }
            SRE_OP_JUMP => {
                // Only as the last item of a conditional's "then" part; the skip
                // word after it is checked by the GROUPREF_EXISTS case.
                if r.pos + 1 != r.end {
                    return Err(());
                }
                return Ok(true);
            }
            _ => return Err(()),
        }
    }
    Ok(false)
}

/// `_validate`: is `code` well-formed code for a pattern with `groups` groups?
pub fn _validate(code: &[u32], groups: isize) -> bool {
    if groups < 0 || groups as usize > SRE_MAXGROUPS || code.last() != Some(&SRE_OP_SUCCESS) {
        return false;
    }
    // A JUMP may end a conditional's "then" part, not the whole pattern.
    matches!(
        validate_inner(code, 0, code.len() - 1, groups as usize),
        Ok(false)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_compiled_code_and_rejects_bad_jumps() {
        // The code of re.compile('a|b(c)'), as CPython 3.11 compiles it.
        let good = [
            14, 8, 4, 1, 2, 22, 97, 98, 0, 7, 5, 16, 97, 15, 13, 11, 16, 98, 17, 0, 16, 99, 17, 1,
            15, 2, 0, 1,
        ];
        assert!(_validate(&good, 1));
        assert!(
            !_validate(&[SRE_OP_MARK, 4, SRE_OP_SUCCESS], 1),
            "MARK 4 needs 2 groups"
        );
        assert!(_validate(&[SRE_OP_MARK, 3, SRE_OP_SUCCESS], 1));
        assert!(!_validate(&[SRE_OP_JUMP, 0, SRE_OP_SUCCESS], 0));
        assert!(!_validate(&[SRE_OP_MARK, 0xffff_ffff, SRE_OP_SUCCESS], 1));
        assert!(!_validate(&[SRE_OP_IN, 100, SRE_OP_SUCCESS], 0));
        assert!(!_validate(&[], 0));
    }
}
