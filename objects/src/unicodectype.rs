//! Character classification and case mapping. Mirrors Objects/unicodectype.c
//! (CPython 3.11), over the tables generated into `unicodetype_db.rs`.

use crate::unicodetype_db as db;

fn in_ranges(table: &[(u32, u32)], cp: u32) -> bool {
    table
        .binary_search_by(|&(a, b)| {
            if cp < a {
                std::cmp::Ordering::Greater
            } else if cp > b {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn lookup<T: Copy>(table: &[(u32, T)], cp: u32) -> Option<T> {
    table
        .binary_search_by_key(&cp, |&(c, _)| c)
        .ok()
        .map(|i| table[i].1)
}

/// `_PyUnicode_IsPrintable`: what `repr()` prints without escaping.
pub fn is_printable(cp: u32) -> bool {
    in_ranges(db::PRINTABLE, cp)
}
pub fn is_alpha(cp: u32) -> bool {
    in_ranges(db::ALPHA, cp)
}
pub fn is_decimal(cp: u32) -> bool {
    in_ranges(db::DECIMAL, cp)
}
pub fn is_digit(cp: u32) -> bool {
    in_ranges(db::DIGIT, cp)
}
pub fn is_numeric(cp: u32) -> bool {
    in_ranges(db::NUMERIC, cp)
}
/// `Py_UNICODE_ISSPACE`: what `str.split()` and `strip()` treat as whitespace.
pub fn is_space(cp: u32) -> bool {
    if cp < 128 {
        return matches!(cp, 0x09..=0x0D | 0x1C..=0x20);
    }
    in_ranges(db::SPACE, cp)
}
pub fn is_lower(cp: u32) -> bool {
    in_ranges(db::LOWER, cp)
}
pub fn is_upper(cp: u32) -> bool {
    in_ranges(db::UPPER, cp)
}
pub fn is_title(cp: u32) -> bool {
    in_ranges(db::TITLE, cp)
}
pub fn is_linebreak(cp: u32) -> bool {
    in_ranges(db::LINEBREAK, cp)
}
pub fn is_xid_start(cp: u32) -> bool {
    in_ranges(db::XID_START, cp)
}
pub fn is_xid_continue(cp: u32) -> bool {
    in_ranges(db::XID_CONTINUE, cp)
}
pub fn is_cased(cp: u32) -> bool {
    in_ranges(db::CASED, cp)
}
pub fn is_case_ignorable(cp: u32) -> bool {
    in_ranges(db::CASE_IGNORABLE, cp)
}
/// Is the code point assigned in Unicode 14.0 (general category other than `Cn`)?
pub fn is_assigned(cp: u32) -> bool {
    in_ranges(db::ASSIGNED, cp)
}
pub fn is_alnum(cp: u32) -> bool {
    is_alpha(cp) || is_decimal(cp) || is_digit(cp) || is_numeric(cp)
}

fn map_with(table: &[(u32, &'static [u32])], cp: u32, out: &mut Vec<u32>) {
    match table.binary_search_by_key(&cp, |&(c, _)| c) {
        Ok(i) => out.extend_from_slice(table[i].1),
        Err(_) => out.push(cp),
    }
}

/// Full lower-case mapping (may produce several code points).
pub fn to_lower_full(cp: u32, out: &mut Vec<u32>) {
    map_with(db::LOWER_MAP, cp, out)
}
pub fn to_upper_full(cp: u32, out: &mut Vec<u32>) {
    map_with(db::UPPER_MAP, cp, out)
}
pub fn to_title_full(cp: u32, out: &mut Vec<u32>) {
    map_with(db::TITLE_MAP, cp, out)
}
pub fn to_fold_full(cp: u32, out: &mut Vec<u32>) {
    map_with(db::FOLD_MAP, cp, out)
}

/// `_PyUnicode_ToDecimalDigit`: the decimal value, if the character has one.
pub fn decimal_value(cp: u32) -> Option<u8> {
    if (0x30..=0x39).contains(&cp) {
        return Some((cp - 0x30) as u8);
    }
    lookup(db::DECIMAL_VALUE, cp)
}
pub fn digit_value(cp: u32) -> Option<u8> {
    lookup(db::DIGIT_VALUE, cp)
}
pub fn numeric_value(cp: u32) -> Option<f64> {
    lookup(db::NUMERIC_VALUE, cp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_properties() {
        assert!(is_printable('a' as u32));
        assert!(!is_printable(0x7f));
        assert!(!is_printable(0xad));
        assert!(is_xid_start('_' as u32));
        assert!(is_xid_continue('9' as u32));
        assert!(!is_xid_start('9' as u32));
        assert!(is_space(0x3000));
        assert_eq!(decimal_value(0x0663), Some(3));
        let mut v = Vec::new();
        to_upper_full(0xdf, &mut v);
        assert_eq!(v, vec!['S' as u32, 'S' as u32]);
    }
}
