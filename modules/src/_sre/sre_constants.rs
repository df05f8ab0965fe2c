//! The numbers of the compiled SRE code: opcodes, position codes, category codes and
//! flags. Mirrors Modules/_sre/sre_constants.h (CPython 3.11), which
//! Lib/re/_constants.py generates; a unit test in `sre_lib.rs`' neighbour
//! (`mod.rs`) checks them against the host python3's `re._constants`.

#![allow(dead_code)]

/// `SRE_MAGIC`: the version of the code format (`re._constants.MAGIC`).
pub const SRE_MAGIC: u32 = 20220615;

pub const SRE_OP_FAILURE: u32 = 0;
pub const SRE_OP_SUCCESS: u32 = 1;
pub const SRE_OP_ANY: u32 = 2;
pub const SRE_OP_ANY_ALL: u32 = 3;
pub const SRE_OP_ASSERT: u32 = 4;
pub const SRE_OP_ASSERT_NOT: u32 = 5;
pub const SRE_OP_AT: u32 = 6;
pub const SRE_OP_BRANCH: u32 = 7;
pub const SRE_OP_CATEGORY: u32 = 8;
pub const SRE_OP_CHARSET: u32 = 9;
pub const SRE_OP_BIGCHARSET: u32 = 10;
pub const SRE_OP_GROUPREF: u32 = 11;
pub const SRE_OP_GROUPREF_EXISTS: u32 = 12;
pub const SRE_OP_IN: u32 = 13;
pub const SRE_OP_INFO: u32 = 14;
pub const SRE_OP_JUMP: u32 = 15;
pub const SRE_OP_LITERAL: u32 = 16;
pub const SRE_OP_MARK: u32 = 17;
pub const SRE_OP_MAX_UNTIL: u32 = 18;
pub const SRE_OP_MIN_UNTIL: u32 = 19;
pub const SRE_OP_NOT_LITERAL: u32 = 20;
pub const SRE_OP_NEGATE: u32 = 21;
pub const SRE_OP_RANGE: u32 = 22;
pub const SRE_OP_REPEAT: u32 = 23;
pub const SRE_OP_REPEAT_ONE: u32 = 24;
pub const SRE_OP_SUBPATTERN: u32 = 25;
pub const SRE_OP_MIN_REPEAT_ONE: u32 = 26;
pub const SRE_OP_ATOMIC_GROUP: u32 = 27;
pub const SRE_OP_POSSESSIVE_REPEAT: u32 = 28;
pub const SRE_OP_POSSESSIVE_REPEAT_ONE: u32 = 29;
pub const SRE_OP_GROUPREF_IGNORE: u32 = 30;
pub const SRE_OP_IN_IGNORE: u32 = 31;
pub const SRE_OP_LITERAL_IGNORE: u32 = 32;
pub const SRE_OP_NOT_LITERAL_IGNORE: u32 = 33;
pub const SRE_OP_GROUPREF_LOC_IGNORE: u32 = 34;
pub const SRE_OP_IN_LOC_IGNORE: u32 = 35;
pub const SRE_OP_LITERAL_LOC_IGNORE: u32 = 36;
pub const SRE_OP_NOT_LITERAL_LOC_IGNORE: u32 = 37;
pub const SRE_OP_GROUPREF_UNI_IGNORE: u32 = 38;
pub const SRE_OP_IN_UNI_IGNORE: u32 = 39;
pub const SRE_OP_LITERAL_UNI_IGNORE: u32 = 40;
pub const SRE_OP_NOT_LITERAL_UNI_IGNORE: u32 = 41;
pub const SRE_OP_RANGE_UNI_IGNORE: u32 = 42;

pub const SRE_AT_BEGINNING: u32 = 0;
pub const SRE_AT_BEGINNING_LINE: u32 = 1;
pub const SRE_AT_BEGINNING_STRING: u32 = 2;
pub const SRE_AT_BOUNDARY: u32 = 3;
pub const SRE_AT_NON_BOUNDARY: u32 = 4;
pub const SRE_AT_END: u32 = 5;
pub const SRE_AT_END_LINE: u32 = 6;
pub const SRE_AT_END_STRING: u32 = 7;
pub const SRE_AT_LOC_BOUNDARY: u32 = 8;
pub const SRE_AT_LOC_NON_BOUNDARY: u32 = 9;
pub const SRE_AT_UNI_BOUNDARY: u32 = 10;
pub const SRE_AT_UNI_NON_BOUNDARY: u32 = 11;

pub const SRE_CATEGORY_DIGIT: u32 = 0;
pub const SRE_CATEGORY_NOT_DIGIT: u32 = 1;
pub const SRE_CATEGORY_SPACE: u32 = 2;
pub const SRE_CATEGORY_NOT_SPACE: u32 = 3;
pub const SRE_CATEGORY_WORD: u32 = 4;
pub const SRE_CATEGORY_NOT_WORD: u32 = 5;
pub const SRE_CATEGORY_LINEBREAK: u32 = 6;
pub const SRE_CATEGORY_NOT_LINEBREAK: u32 = 7;
pub const SRE_CATEGORY_LOC_WORD: u32 = 8;
pub const SRE_CATEGORY_LOC_NOT_WORD: u32 = 9;
pub const SRE_CATEGORY_UNI_DIGIT: u32 = 10;
pub const SRE_CATEGORY_UNI_NOT_DIGIT: u32 = 11;
pub const SRE_CATEGORY_UNI_SPACE: u32 = 12;
pub const SRE_CATEGORY_UNI_NOT_SPACE: u32 = 13;
pub const SRE_CATEGORY_UNI_WORD: u32 = 14;
pub const SRE_CATEGORY_UNI_NOT_WORD: u32 = 15;
pub const SRE_CATEGORY_UNI_LINEBREAK: u32 = 16;
pub const SRE_CATEGORY_UNI_NOT_LINEBREAK: u32 = 17;

pub const SRE_FLAG_TEMPLATE: u32 = 1;
pub const SRE_FLAG_IGNORECASE: u32 = 2;
pub const SRE_FLAG_LOCALE: u32 = 4;
pub const SRE_FLAG_MULTILINE: u32 = 8;
pub const SRE_FLAG_DOTALL: u32 = 16;
pub const SRE_FLAG_UNICODE: u32 = 32;
pub const SRE_FLAG_VERBOSE: u32 = 64;
pub const SRE_FLAG_DEBUG: u32 = 128;
pub const SRE_FLAG_ASCII: u32 = 256;

pub const SRE_INFO_PREFIX: u32 = 1;
pub const SRE_INFO_LITERAL: u32 = 2;
pub const SRE_INFO_CHARSET: u32 = 4;

/// `SRE_MAXREPEAT`: "no upper bound" in a repeat (`_sre.MAXREPEAT`).
pub const SRE_MAXREPEAT: u32 = u32::MAX;
/// `SRE_MAXGROUPS`: the most groups a pattern may have (`_sre.MAXGROUPS`).
pub const SRE_MAXGROUPS: usize = (i32::MAX / 2) as usize;

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbering must be the host CPython's (`re._constants`), which the code
    /// words of `re._compiler` use.
    #[test]
    fn numbering_matches_host_python() {
        let script = "import re._constants as c\n\
            print(c.MAGIC)\n\
            for seq in (c.OPCODES, c.ATCODES, c.CHCODES):\n    print(' '.join(f'{x.name}={int(x)}' for x in seq))\n\
            print(' '.join(f'{n}={getattr(c, n)}' for n in dir(c) if n.startswith(('SRE_FLAG_', 'SRE_INFO_'))))\n\
            import _sre; print(_sre.MAXREPEAT, _sre.MAXGROUPS, _sre.CODESIZE)\n";
        let Ok(out) = std::process::Command::new("python3")
            .args(["-c", script])
            .output()
        else {
            // No oracle on this machine.
            return;
        };
        let text = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], SRE_MAGIC.to_string());
        let ours: [(&str, &[(&str, u32)]); 3] = [
            ("opcodes", OPCODE_TABLE),
            ("atcodes", ATCODE_TABLE),
            ("chcodes", CHCODE_TABLE),
        ];
        for (i, (what, table)) in ours.iter().enumerate() {
            let expected: Vec<String> = table.iter().map(|(n, v)| format!("{n}={v}")).collect();
            assert_eq!(lines[i + 1], expected.join(" "), "{what}");
        }
        for item in lines[4].split(' ') {
            let (name, value) = item.split_once('=').unwrap();
            let ours = FLAG_TABLE.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
            assert_eq!(ours, value.parse().ok(), "{name}");
        }
        assert_eq!(
            lines[5],
            format!("{SRE_MAXREPEAT} {SRE_MAXGROUPS} 4"),
            "MAXREPEAT MAXGROUPS CODESIZE"
        );
    }

    const OPCODE_TABLE: &[(&str, u32)] = &[
        ("FAILURE", SRE_OP_FAILURE),
        ("SUCCESS", SRE_OP_SUCCESS),
        ("ANY", SRE_OP_ANY),
        ("ANY_ALL", SRE_OP_ANY_ALL),
        ("ASSERT", SRE_OP_ASSERT),
        ("ASSERT_NOT", SRE_OP_ASSERT_NOT),
        ("AT", SRE_OP_AT),
        ("BRANCH", SRE_OP_BRANCH),
        ("CATEGORY", SRE_OP_CATEGORY),
        ("CHARSET", SRE_OP_CHARSET),
        ("BIGCHARSET", SRE_OP_BIGCHARSET),
        ("GROUPREF", SRE_OP_GROUPREF),
        ("GROUPREF_EXISTS", SRE_OP_GROUPREF_EXISTS),
        ("IN", SRE_OP_IN),
        ("INFO", SRE_OP_INFO),
        ("JUMP", SRE_OP_JUMP),
        ("LITERAL", SRE_OP_LITERAL),
        ("MARK", SRE_OP_MARK),
        ("MAX_UNTIL", SRE_OP_MAX_UNTIL),
        ("MIN_UNTIL", SRE_OP_MIN_UNTIL),
        ("NOT_LITERAL", SRE_OP_NOT_LITERAL),
        ("NEGATE", SRE_OP_NEGATE),
        ("RANGE", SRE_OP_RANGE),
        ("REPEAT", SRE_OP_REPEAT),
        ("REPEAT_ONE", SRE_OP_REPEAT_ONE),
        ("SUBPATTERN", SRE_OP_SUBPATTERN),
        ("MIN_REPEAT_ONE", SRE_OP_MIN_REPEAT_ONE),
        ("ATOMIC_GROUP", SRE_OP_ATOMIC_GROUP),
        ("POSSESSIVE_REPEAT", SRE_OP_POSSESSIVE_REPEAT),
        ("POSSESSIVE_REPEAT_ONE", SRE_OP_POSSESSIVE_REPEAT_ONE),
        ("GROUPREF_IGNORE", SRE_OP_GROUPREF_IGNORE),
        ("IN_IGNORE", SRE_OP_IN_IGNORE),
        ("LITERAL_IGNORE", SRE_OP_LITERAL_IGNORE),
        ("NOT_LITERAL_IGNORE", SRE_OP_NOT_LITERAL_IGNORE),
        ("GROUPREF_LOC_IGNORE", SRE_OP_GROUPREF_LOC_IGNORE),
        ("IN_LOC_IGNORE", SRE_OP_IN_LOC_IGNORE),
        ("LITERAL_LOC_IGNORE", SRE_OP_LITERAL_LOC_IGNORE),
        ("NOT_LITERAL_LOC_IGNORE", SRE_OP_NOT_LITERAL_LOC_IGNORE),
        ("GROUPREF_UNI_IGNORE", SRE_OP_GROUPREF_UNI_IGNORE),
        ("IN_UNI_IGNORE", SRE_OP_IN_UNI_IGNORE),
        ("LITERAL_UNI_IGNORE", SRE_OP_LITERAL_UNI_IGNORE),
        ("NOT_LITERAL_UNI_IGNORE", SRE_OP_NOT_LITERAL_UNI_IGNORE),
        ("RANGE_UNI_IGNORE", SRE_OP_RANGE_UNI_IGNORE),
    ];

    const ATCODE_TABLE: &[(&str, u32)] = &[
        ("AT_BEGINNING", SRE_AT_BEGINNING),
        ("AT_BEGINNING_LINE", SRE_AT_BEGINNING_LINE),
        ("AT_BEGINNING_STRING", SRE_AT_BEGINNING_STRING),
        ("AT_BOUNDARY", SRE_AT_BOUNDARY),
        ("AT_NON_BOUNDARY", SRE_AT_NON_BOUNDARY),
        ("AT_END", SRE_AT_END),
        ("AT_END_LINE", SRE_AT_END_LINE),
        ("AT_END_STRING", SRE_AT_END_STRING),
        ("AT_LOC_BOUNDARY", SRE_AT_LOC_BOUNDARY),
        ("AT_LOC_NON_BOUNDARY", SRE_AT_LOC_NON_BOUNDARY),
        ("AT_UNI_BOUNDARY", SRE_AT_UNI_BOUNDARY),
        ("AT_UNI_NON_BOUNDARY", SRE_AT_UNI_NON_BOUNDARY),
    ];

    const CHCODE_TABLE: &[(&str, u32)] = &[
        ("CATEGORY_DIGIT", SRE_CATEGORY_DIGIT),
        ("CATEGORY_NOT_DIGIT", SRE_CATEGORY_NOT_DIGIT),
        ("CATEGORY_SPACE", SRE_CATEGORY_SPACE),
        ("CATEGORY_NOT_SPACE", SRE_CATEGORY_NOT_SPACE),
        ("CATEGORY_WORD", SRE_CATEGORY_WORD),
        ("CATEGORY_NOT_WORD", SRE_CATEGORY_NOT_WORD),
        ("CATEGORY_LINEBREAK", SRE_CATEGORY_LINEBREAK),
        ("CATEGORY_NOT_LINEBREAK", SRE_CATEGORY_NOT_LINEBREAK),
        ("CATEGORY_LOC_WORD", SRE_CATEGORY_LOC_WORD),
        ("CATEGORY_LOC_NOT_WORD", SRE_CATEGORY_LOC_NOT_WORD),
        ("CATEGORY_UNI_DIGIT", SRE_CATEGORY_UNI_DIGIT),
        ("CATEGORY_UNI_NOT_DIGIT", SRE_CATEGORY_UNI_NOT_DIGIT),
        ("CATEGORY_UNI_SPACE", SRE_CATEGORY_UNI_SPACE),
        ("CATEGORY_UNI_NOT_SPACE", SRE_CATEGORY_UNI_NOT_SPACE),
        ("CATEGORY_UNI_WORD", SRE_CATEGORY_UNI_WORD),
        ("CATEGORY_UNI_NOT_WORD", SRE_CATEGORY_UNI_NOT_WORD),
        ("CATEGORY_UNI_LINEBREAK", SRE_CATEGORY_UNI_LINEBREAK),
        ("CATEGORY_UNI_NOT_LINEBREAK", SRE_CATEGORY_UNI_NOT_LINEBREAK),
    ];

    const FLAG_TABLE: &[(&str, u32)] = &[
        ("SRE_FLAG_TEMPLATE", SRE_FLAG_TEMPLATE),
        ("SRE_FLAG_IGNORECASE", SRE_FLAG_IGNORECASE),
        ("SRE_FLAG_LOCALE", SRE_FLAG_LOCALE),
        ("SRE_FLAG_MULTILINE", SRE_FLAG_MULTILINE),
        ("SRE_FLAG_DOTALL", SRE_FLAG_DOTALL),
        ("SRE_FLAG_UNICODE", SRE_FLAG_UNICODE),
        ("SRE_FLAG_VERBOSE", SRE_FLAG_VERBOSE),
        ("SRE_FLAG_DEBUG", SRE_FLAG_DEBUG),
        ("SRE_FLAG_ASCII", SRE_FLAG_ASCII),
        ("SRE_INFO_PREFIX", SRE_INFO_PREFIX),
        ("SRE_INFO_LITERAL", SRE_INFO_LITERAL),
        ("SRE_INFO_CHARSET", SRE_INFO_CHARSET),
    ];
}
