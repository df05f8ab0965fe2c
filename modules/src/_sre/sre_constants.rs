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
