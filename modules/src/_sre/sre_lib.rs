//! The matching engine: `SRE(at)`, `SRE(charset)`, `SRE(count)`, `SRE(match)` and
//! `SRE(search)`. Mirrors Modules/_sre/sre_lib.h (CPython 3.11), which C includes
//! three times for 1-, 2- and 4-byte characters; here the functions are generic over
//! [`SreChar`].
//!
//! Differences from CPython: positions are indices into the subject instead of
//! pointers (`NULL` marks are -1, the one `NULL` pointer used as a sentinel in
//! `POSSESSIVE_REPEAT` is `usize::MAX`); the data stack of C is split in two Rust
//! vectors, one of match contexts and one of saved words (marks and `last_ptr`s),
//! which are pushed and popped in the same order as there; repeat contexts live in a
//! vector used as a stack (they are freed in the reverse order of their allocation,
//! as in CPython) instead of being `malloc`ed. Code words are read through a
//! bounds-checked accessor, so malformed code fails instead of reading out of
//! bounds. Like CPython's, the engine never recurses on the native stack for
//! backtracking: every "call" pushes a context and jumps back to the top of the loop.

use super::sre_constants::*;
use objects::unicodectype;

/// A character of the subject: `u8` (bytes and Latin-1 strings), `u16` or `u32`.
pub trait SreChar: Copy {
    fn code(self) -> u32;
}
impl SreChar for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }
}
impl SreChar for u16 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }
}
impl SreChar for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
}

/// Why a match stopped without an answer (`SRE_ERROR_*`).
#[derive(Debug)]
pub enum SreError {
    /// `SRE_ERROR_ILLEGAL`: an opcode that cannot appear where it was found.
    Illegal,
    /// `SRE_ERROR_STATE`: an `UNTIL` without a `REPEAT`.
    State,
    /// `SRE_ERROR_RECURSION_LIMIT`: too deeply nested single-character repeats.
    RecursionLimit,
    /// `SRE_ERROR_INTERRUPTED`: a signal handler raised.
    Interrupted(objects::prelude::PyErr),
}

pub type SreResult<T> = Result<T, SreError>;

// --- Character predicates (sre.c) -----------------------------------------------------

#[inline]
fn py_isspace(ch: u32) -> bool {
    matches!(ch, 0x09..=0x0D | 0x20)
}
#[inline]
fn py_isalnum(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphanumeric()
}
#[inline]
pub fn sre_is_digit(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_digit()
}
#[inline]
pub fn sre_is_space(ch: u32) -> bool {
    ch < 128 && py_isspace(ch)
}
#[inline]
pub fn sre_is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}
#[inline]
pub fn sre_is_word(ch: u32) -> bool {
    ch < 128 && (py_isalnum(ch) || ch == b'_' as u32)
}
/// `SRE_LOC_IS_WORD`. pyrs runs in the C locale's character classes, where the
/// locale's `isalnum` is ASCII's.
#[inline]
pub fn sre_loc_is_word(ch: u32) -> bool {
    sre_is_word(ch)
}
#[inline]
pub fn sre_uni_is_word(ch: u32) -> bool {
    unicodectype::is_alnum(ch) || ch == b'_' as u32
}

/// `sre_lower_ascii`.
#[inline]
pub fn sre_lower_ascii(ch: u32) -> u32 {
    if ch < 128 {
        (ch as u8).to_ascii_lowercase() as u32
    } else {
        ch
    }
}
/// `sre_upper_ascii`.
#[inline]
pub fn sre_upper_ascii(ch: u32) -> u32 {
    if ch < 128 {
        (ch as u8).to_ascii_uppercase() as u32
    } else {
        ch
    }
}
/// `sre_lower_locale` (the C locale: ASCII).
#[inline]
pub fn sre_lower_locale(ch: u32) -> u32 {
    sre_lower_ascii(ch)
}
/// `sre_upper_locale` (the C locale: ASCII).
#[inline]
pub fn sre_upper_locale(ch: u32) -> u32 {
    sre_upper_ascii(ch)
}

/// The first code point of `cp`'s entry in a full case-mapping table, `cp` itself
/// when it has none.
fn first_of_mapping(table: &[(u32, &'static [u32])], cp: u32) -> u32 {
    match table.binary_search_by_key(&cp, |&(c, _)| c) {
        Ok(i) => table[i].1.first().copied().unwrap_or(cp),
        Err(_) => cp,
    }
}

/// `_PyUnicode_ToLowercase`: the simple lower-case mapping, which is the first code
/// point of the full mapping (a unit test checks every code point against the host
/// CPython).
pub fn sre_lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return sre_lower_ascii(ch);
    }
    first_of_mapping(objects::unicodetype_db::LOWER_MAP, ch)
}
/// `_PyUnicode_ToUppercase`: the simple upper-case mapping.
pub fn sre_upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return sre_upper_ascii(ch);
    }
    first_of_mapping(objects::unicodetype_db::UPPER_MAP, ch)
}

/// `char_loc_ignore`: does `ch` equal `pattern` ignoring case in the locale?
#[inline]
fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || sre_lower_locale(ch) == pattern || sre_upper_locale(ch) == pattern
}

/// `sre_category`.
pub fn sre_category(category: u32, ch: u32) -> bool {
    match category {
        SRE_CATEGORY_DIGIT => sre_is_digit(ch),
        SRE_CATEGORY_NOT_DIGIT => !sre_is_digit(ch),
        SRE_CATEGORY_SPACE => sre_is_space(ch),
        SRE_CATEGORY_NOT_SPACE => !sre_is_space(ch),
        SRE_CATEGORY_WORD => sre_is_word(ch),
        SRE_CATEGORY_NOT_WORD => !sre_is_word(ch),
        SRE_CATEGORY_LINEBREAK => sre_is_linebreak(ch),
        SRE_CATEGORY_NOT_LINEBREAK => !sre_is_linebreak(ch),
        SRE_CATEGORY_LOC_WORD => sre_loc_is_word(ch),
        SRE_CATEGORY_LOC_NOT_WORD => !sre_loc_is_word(ch),
        SRE_CATEGORY_UNI_DIGIT => unicodectype::is_decimal(ch),
        SRE_CATEGORY_UNI_NOT_DIGIT => !unicodectype::is_decimal(ch),
        SRE_CATEGORY_UNI_SPACE => unicodectype::is_space(ch),
        SRE_CATEGORY_UNI_NOT_SPACE => !unicodectype::is_space(ch),
        SRE_CATEGORY_UNI_WORD => sre_uni_is_word(ch),
        SRE_CATEGORY_UNI_NOT_WORD => !sre_uni_is_word(ch),
        SRE_CATEGORY_UNI_LINEBREAK => unicodectype::is_linebreak(ch),
        SRE_CATEGORY_UNI_NOT_LINEBREAK => !unicodectype::is_linebreak(ch),
        _ => false,
    }
}

// --- State ------------------------------------------------------------------------------

/// `SRE_REPEAT`: the context of a `REPEAT` ... `MAX_UNTIL`/`MIN_UNTIL` loop.
struct SreRepeat {
    count: isize,
    /// Index of the `REPEAT` operator's arguments (`<skip> <min> <max> item`).
    pattern: usize,
    /// Where the last iteration started (zero-width match protection).
    last_ptr: isize,
    prev: Option<usize>,
}

/// `SRE(match_context)`: one frame of the explicit backtracking stack.
#[derive(Clone, Copy)]
struct MatchContext {
    count: isize,
    /// `u.chr` or `u.rep`.
    u: usize,
    lastmark: isize,
    lastindex: isize,
    pattern: usize,
    ptr: usize,
    toplevel: bool,
    jump: u8,
}

const JUMP_NONE: u8 = 0;
const JUMP_MAX_UNTIL_1: u8 = 1;
const JUMP_MAX_UNTIL_2: u8 = 2;
const JUMP_MAX_UNTIL_3: u8 = 3;
const JUMP_MIN_UNTIL_1: u8 = 4;
const JUMP_MIN_UNTIL_2: u8 = 5;
const JUMP_MIN_UNTIL_3: u8 = 6;
const JUMP_REPEAT: u8 = 7;
const JUMP_REPEAT_ONE_1: u8 = 8;
const JUMP_REPEAT_ONE_2: u8 = 9;
const JUMP_MIN_REPEAT_ONE: u8 = 10;
const JUMP_BRANCH: u8 = 11;
const JUMP_ASSERT: u8 = 12;
const JUMP_ASSERT_NOT: u8 = 13;
const JUMP_POSS_REPEAT_1: u8 = 14;
const JUMP_POSS_REPEAT_2: u8 = 15;
const JUMP_ATOMIC_GROUP: u8 = 16;

/// The null pointer `POSSESSIVE_REPEAT` compares positions against.
const NULL_PTR: usize = usize::MAX;

/// `SRE_STATE`: everything one match or search works on, apart from the characters.
pub struct SreState {
    /// Start and end of the slice searched (`state->start`, `state->end`); the
    /// subject's beginning is index 0.
    pub start: usize,
    pub end: usize,
    /// The `pos` and `endpos` arguments, clamped.
    pub pos: usize,
    pub endpos: usize,
    /// The current position (`state->ptr`).
    pub ptr: usize,
    pub match_all: bool,
    pub must_advance: bool,
    /// Marks: pairs of group start/end positions, -1 where not set.
    pub lastindex: isize,
    pub lastmark: isize,
    pub mark: Vec<isize>,
    repeat: Option<usize>,
    repeats: Vec<SreRepeat>,
    ctx_stack: Vec<MatchContext>,
    data_stack: Vec<isize>,
    sigcount: u32,
    /// Nesting of `sre_count`'s general case (see [`MAX_COUNT_DEPTH`]).
    count_depth: usize,
}

/// How deeply `sre_count` may nest runs of the matcher: compiled patterns never
/// nest at all; hand-written code is stopped here instead of exhausting the native
/// stack.
const MAX_COUNT_DEPTH: usize = 1000;

/// The characters of a subject, by width.
#[derive(Clone, Copy)]
pub enum SreStr<'a> {
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
}

impl SreStr<'_> {
    pub fn len(&self) -> usize {
        match self {
            SreStr::U8(s) => s.len(),
            SreStr::U16(s) => s.len(),
            SreStr::U32(s) => s.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl SreState {
    /// `state_init` once the subject is known: `start` and `end` are already clamped.
    pub fn new(start: usize, end: usize) -> SreState {
        SreState {
            start,
            end,
            pos: start,
            endpos: end,
            ptr: start,
            match_all: false,
            must_advance: false,
            lastindex: -1,
            lastmark: -1,
            mark: Vec::new(),
            repeat: None,
            repeats: Vec::new(),
            ctx_stack: Vec::new(),
            data_stack: Vec::new(),
            sigcount: 0,
            count_depth: 0,
        }
    }

    /// `state_reset`.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.repeats.clear();
        self.ctx_stack.clear();
        self.data_stack.clear();
    }

    /// The mark `i`, -1 when unset.
    pub fn get_mark(&self, i: usize) -> isize {
        if (i as isize) > self.lastmark {
            return -1;
        }
        self.mark.get(i).copied().unwrap_or(-1)
    }

    /// `sre_match` on a subject of any width.
    pub fn do_match(&mut self, s: SreStr, code: &[u32], toplevel: bool) -> SreResult<bool> {
        match s {
            SreStr::U8(s) => sre_match(self, s, code, 0, toplevel),
            SreStr::U16(s) => sre_match(self, s, code, 0, toplevel),
            SreStr::U32(s) => sre_match(self, s, code, 0, toplevel),
        }
    }

    /// `sre_search` on a subject of any width.
    pub fn do_search(&mut self, s: SreStr, code: &[u32]) -> SreResult<bool> {
        match s {
            SreStr::U8(s) => sre_search(self, s, code),
            SreStr::U16(s) => sre_search(self, s, code),
            SreStr::U32(s) => sre_search(self, s, code),
        }
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = (lastmark + 1) as usize;
            self.ensure_marks(n);
            self.data_stack.extend_from_slice(&self.mark[..n]);
        }
    }

    fn mark_pop(&mut self, lastmark: isize, discard: bool) {
        if lastmark >= 0 {
            let n = (lastmark + 1) as usize;
            self.ensure_marks(n);
            let base = self.data_stack.len().saturating_sub(n);
            let saved = &self.data_stack[base..];
            self.mark[..saved.len()].copy_from_slice(saved);
            if discard {
                self.data_stack.truncate(base);
            }
        }
    }

    fn mark_pop_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = (lastmark + 1) as usize;
            let base = self.data_stack.len().saturating_sub(n);
            self.data_stack.truncate(base);
        }
    }

    fn ensure_marks(&mut self, n: usize) {
        if self.mark.len() < n {
            self.mark.resize(n, -1);
        }
    }
}

// --- SRE(at), SRE(charset), SRE(count) --------------------------------------------------

/// `SRE(at)`: is `ptr` at the position `at` describes?
fn sre_at<C: SreChar>(state: &SreState, s: &[C], ptr: usize, at: u32) -> bool {
    let end = state.end;
    let prev = |word: fn(u32) -> bool| ptr > 0 && word(s[ptr - 1].code());
    let this = |word: fn(u32) -> bool| ptr < end && word(s[ptr].code());
    match at {
        SRE_AT_BEGINNING | SRE_AT_BEGINNING_STRING => ptr == 0,
        SRE_AT_BEGINNING_LINE => ptr == 0 || sre_is_linebreak(s[ptr - 1].code()),
        SRE_AT_END => (end.wrapping_sub(ptr) == 1 && sre_is_linebreak(s[ptr].code())) || ptr == end,
        SRE_AT_END_LINE => ptr == end || sre_is_linebreak(s[ptr].code()),
        SRE_AT_END_STRING => ptr == end,
        SRE_AT_BOUNDARY => end != 0 && prev(sre_is_word) != this(sre_is_word),
        SRE_AT_NON_BOUNDARY => end != 0 && prev(sre_is_word) == this(sre_is_word),
        SRE_AT_LOC_BOUNDARY => end != 0 && prev(sre_loc_is_word) != this(sre_loc_is_word),
        SRE_AT_LOC_NON_BOUNDARY => end != 0 && prev(sre_loc_is_word) == this(sre_loc_is_word),
        SRE_AT_UNI_BOUNDARY => end != 0 && prev(sre_uni_is_word) != this(sre_uni_is_word),
        SRE_AT_UNI_NON_BOUNDARY => end != 0 && prev(sre_uni_is_word) == this(sre_uni_is_word),
        _ => false,
    }
}

/// A code word, 0 (`FAILURE`) past the end of malformed code.
#[inline(always)]
fn cw(code: &[u32], i: usize) -> u32 {
    match code.get(i) {
        Some(&c) => c,
        None => SRE_OP_FAILURE,
    }
}

/// `SRE(charset)`: is `ch` in the set that starts at `set`?
pub fn sre_charset(code: &[u32], mut set: usize, ch: u32) -> bool {
    let mut ok = true;
    loop {
        let op = cw(code, set);
        set += 1;
        match op {
            SRE_OP_FAILURE => return !ok,
            SRE_OP_LITERAL => {
                if ch == cw(code, set) {
                    return ok;
                }
                set += 1;
            }
            SRE_OP_CATEGORY => {
                if sre_category(cw(code, set), ch) {
                    return ok;
                }
                set += 1;
            }
            SRE_OP_CHARSET => {
                // <CHARSET> <bitmap>: 256 bits in 8 words.
                if ch < 256 && cw(code, set + (ch / 32) as usize) & (1u32 << (ch & 31)) != 0 {
                    return ok;
                }
                set += 8;
            }
            SRE_OP_RANGE => {
                if cw(code, set) <= ch && ch <= cw(code, set + 1) {
                    return ok;
                }
                set += 2;
            }
            SRE_OP_RANGE_UNI_IGNORE => {
                // `ch` is already lower-cased.
                if cw(code, set) <= ch && ch <= cw(code, set + 1) {
                    return ok;
                }
                let uch = sre_upper_unicode(ch);
                if cw(code, set) <= uch && uch <= cw(code, set + 1) {
                    return ok;
                }
                set += 2;
            }
            SRE_OP_NEGATE => ok = !ok,
            SRE_OP_BIGCHARSET => {
                // <BIGCHARSET> <blockcount> <256 block indices as bytes> <blocks>
                let count = cw(code, set) as usize;
                set += 1;
                let block: isize = if ch < 0x10000 {
                    let byte = (ch >> 8) as usize;
                    // The indices are bytes packed little-endian into 64 words.
                    let word = cw(code, set + byte / 4);
                    ((word >> ((byte % 4) * 8)) & 0xff) as isize
                } else {
                    -1
                };
                set += 64;
                if block >= 0 {
                    let bit = block as usize * 256 + (ch & 255) as usize;
                    if cw(code, set + bit / 32) & (1u32 << (ch & 31)) != 0 {
                        return ok;
                    }
                }
                set += count * 8;
            }
            // Internal error: pretend the character did not match.
            _ => return false,
        }
    }
}

/// `SRE(charset_loc_ignore)`.
fn sre_charset_loc_ignore(code: &[u32], set: usize, ch: u32) -> bool {
    let lo = sre_lower_locale(ch);
    if sre_charset(code, set, lo) {
        return true;
    }
    let up = sre_upper_locale(ch);
    up != lo && sre_charset(code, set, up)
}

/// `SRE(count)`: how many times (up to `maxcount`) the single-width item at
/// `pattern` matches from `state.ptr`.
fn sre_count<C: SreChar>(
    state: &mut SreState,
    s: &[C],
    code: &[u32],
    pattern: usize,
    maxcount: u32,
) -> SreResult<usize> {
    let start = state.ptr;
    let mut ptr = start;
    let mut end = state.end;
    if maxcount != SRE_MAXREPEAT && (maxcount as usize) < end - ptr {
        end = ptr + maxcount as usize;
    }
    let chr = cw(code, pattern + 1);
    match cw(code, pattern) {
        SRE_OP_IN => {
            while ptr < end && sre_charset(code, pattern + 2, s[ptr].code()) {
                ptr += 1;
            }
        }
        SRE_OP_ANY => {
            while ptr < end && !sre_is_linebreak(s[ptr].code()) {
                ptr += 1;
            }
        }
        SRE_OP_ANY_ALL => ptr = end,
        SRE_OP_LITERAL => {
            while ptr < end && s[ptr].code() == chr {
                ptr += 1;
            }
        }
        SRE_OP_LITERAL_IGNORE => {
            while ptr < end && sre_lower_ascii(s[ptr].code()) == chr {
                ptr += 1;
            }
        }
        SRE_OP_LITERAL_UNI_IGNORE => {
            while ptr < end && sre_lower_unicode(s[ptr].code()) == chr {
                ptr += 1;
            }
        }
        SRE_OP_LITERAL_LOC_IGNORE => {
            while ptr < end && char_loc_ignore(chr, s[ptr].code()) {
                ptr += 1;
            }
        }
        SRE_OP_NOT_LITERAL => {
            while ptr < end && s[ptr].code() != chr {
                ptr += 1;
            }
        }
        SRE_OP_NOT_LITERAL_IGNORE => {
            while ptr < end && sre_lower_ascii(s[ptr].code()) != chr {
                ptr += 1;
            }
        }
        SRE_OP_NOT_LITERAL_UNI_IGNORE => {
            while ptr < end && sre_lower_unicode(s[ptr].code()) != chr {
                ptr += 1;
            }
        }
        SRE_OP_NOT_LITERAL_LOC_IGNORE => {
            while ptr < end && !char_loc_ignore(chr, s[ptr].code()) {
                ptr += 1;
            }
        }
        _ => {
            // A single-character subpattern: run the matcher once per character.
            // The compiler only puts single-character items here, but code given
            // to `_sre.compile` by hand may nest repeats: bound that recursion.
            if state.count_depth >= MAX_COUNT_DEPTH {
                return Err(SreError::RecursionLimit);
            }
            state.count_depth += 1;
            let mut result = Ok(());
            while state.ptr < end {
                match sre_match(state, s, code, pattern, false) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
            state.count_depth -= 1;
            result?;
            return Ok(state.ptr - start);
        }
    }
    Ok(ptr - start)
}

// --- SRE(match) -------------------------------------------------------------------------

/// Where the loop goes next: into a freshly pushed context, on with the current
/// one's opcodes, or back to the parent with `ret`.
enum Next {
    Entrance,
    Dispatch,
    Exit,
}

/// The registers of `SRE(match)` and the operations its macros perform.
struct Machine<'s, 'a, C: SreChar> {
    state: &'s mut SreState,
    s: &'a [C],
    code: &'a [u32],
    pattern: usize,
    ptr: usize,
    ret: bool,
}

impl<C: SreChar> Machine<'_, '_, C> {
    #[inline(always)]
    fn op(&self, i: usize) -> u32 {
        cw(self.code, i)
    }
    #[inline(always)]
    fn ch(&self, i: usize) -> u32 {
        self.s[i].code()
    }
    #[inline(always)]
    fn ctx(&mut self) -> &mut MatchContext {
        // The stack holds at least this invocation's first context while it runs.
        let n = self.state.ctx_stack.len();
        &mut self.state.ctx_stack[n - 1]
    }
    #[inline(always)]
    fn fail(&mut self) -> Next {
        self.ret = false;
        Next::Exit
    }
    #[inline(always)]
    fn success(&mut self) -> Next {
        self.ret = true;
        Next::Exit
    }
    fn lastmark_save(&mut self) {
        let (lm, li) = (self.state.lastmark, self.state.lastindex);
        let c = self.ctx();
        c.lastmark = lm;
        c.lastindex = li;
    }
    fn lastmark_restore(&mut self) {
        let c = *self.ctx();
        self.state.lastmark = c.lastmark;
        self.state.lastindex = c.lastindex;
    }
    /// `DO_JUMPX`: save the registers in the current context and enter `next`.
    fn do_jump(&mut self, jump: u8, next: usize, toplevel: bool) -> Next {
        let (pattern, ptr) = (self.pattern, self.ptr);
        let c = self.ctx();
        c.pattern = pattern;
        c.ptr = ptr;
        self.state.ctx_stack.push(MatchContext {
            count: 0,
            u: 0,
            lastmark: 0,
            lastindex: 0,
            pattern: next,
            ptr: 0,
            toplevel,
            jump,
        });
        self.pattern = next;
        Next::Entrance
    }
    /// `DO_JUMP`: the callee inherits `toplevel`.
    fn jump(&mut self, jump: u8, next: usize) -> Next {
        let toplevel = self.ctx().toplevel;
        self.do_jump(jump, next, toplevel)
    }
    fn repeat_active(&self) -> bool {
        self.state.repeat.is_some()
    }

    // The loops of the operators that backtrack: each runs from its first test and
    // either jumps into a new context or finishes.

    fn branch_loop(&mut self) -> Next {
        let end = self.state.end;
        while self.op(self.pattern) != 0 {
            let p = self.pattern;
            let skip = self.op(p) as usize;
            if self.op(p + 1) == SRE_OP_LITERAL
                && (self.ptr >= end || self.ch(self.ptr) != self.op(p + 2))
            {
                self.pattern += skip;
                continue;
            }
            if self.op(p + 1) == SRE_OP_IN
                && (self.ptr >= end || !sre_charset(self.code, p + 3, self.ch(self.ptr)))
            {
                self.pattern += skip;
                continue;
            }
            self.state.ptr = self.ptr;
            return self.jump(JUMP_BRANCH, p + 1);
        }
        if self.repeat_active() {
            let lm = self.ctx().lastmark;
            self.state.mark_pop_discard(lm);
        }
        self.fail()
    }

    fn repeat_one_literal_loop(&mut self) -> Next {
        let min = self.op(self.pattern + 1) as isize;
        let end = self.state.end;
        let chr = self.ctx().u as u32;
        while self.ctx().count >= min && (self.ptr >= end || self.ch(self.ptr) != chr) {
            self.ptr = self.ptr.wrapping_sub(1);
            self.ctx().count -= 1;
        }
        if self.ctx().count >= min {
            self.state.ptr = self.ptr;
            let next = self.pattern + self.op(self.pattern) as usize;
            return self.jump(JUMP_REPEAT_ONE_1, next);
        }
        if self.repeat_active() {
            let lm = self.ctx().lastmark;
            self.state.mark_pop_discard(lm);
        }
        self.fail()
    }

    fn repeat_one_general_loop(&mut self) -> Next {
        let min = self.op(self.pattern + 1) as isize;
        if self.ctx().count >= min {
            self.state.ptr = self.ptr;
            let next = self.pattern + self.op(self.pattern) as usize;
            return self.jump(JUMP_REPEAT_ONE_2, next);
        }
        if self.repeat_active() {
            let lm = self.ctx().lastmark;
            self.state.mark_pop_discard(lm);
        }
        self.fail()
    }

    fn min_repeat_one_loop(&mut self) -> Next {
        let max = self.op(self.pattern + 2);
        if max == SRE_MAXREPEAT || self.ctx().count <= max as isize {
            self.state.ptr = self.ptr;
            let next = self.pattern + self.op(self.pattern) as usize;
            return self.jump(JUMP_MIN_REPEAT_ONE, next);
        }
        if self.repeat_active() {
            let lm = self.ctx().lastmark;
            self.state.mark_pop_discard(lm);
        }
        self.fail()
    }

    /// The second half of `MAX_UNTIL`: try one more item if allowed.
    fn max_until_more(&mut self) -> Next {
        let rep = self.ctx().u;
        let count = self.ctx().count;
        let rpat = self.state.repeats[rep].pattern;
        let max = self.op(rpat + 2);
        if (count < max as isize || max == SRE_MAXREPEAT)
            && self.state.ptr as isize != self.state.repeats[rep].last_ptr
        {
            self.state.repeats[rep].count = count;
            self.lastmark_save();
            let lm = self.ctx().lastmark;
            self.state.mark_push(lm);
            // Zero-width match protection.
            let last = self.state.repeats[rep].last_ptr;
            self.state.data_stack.push(last);
            self.state.repeats[rep].last_ptr = self.state.ptr as isize;
            return self.jump(JUMP_MAX_UNTIL_2, rpat + 3);
        }
        self.max_until_tail()
    }

    /// The end of `MAX_UNTIL`: no more items here, so the tail must match.
    fn max_until_tail(&mut self) -> Next {
        let rep = self.ctx().u;
        self.state.repeat = self.state.repeats[rep].prev;
        let p = self.pattern;
        self.jump(JUMP_MAX_UNTIL_3, p)
    }

    fn poss_repeat_min_loop(&mut self) -> Next {
        let min = self.op(self.pattern + 1) as isize;
        if self.ctx().count < min {
            let p = self.pattern + 3;
            return self.do_jump(JUMP_POSS_REPEAT_1, p, false);
        }
        // Clear the previous position so that the next loop is entered.
        self.ptr = NULL_PTR;
        self.poss_repeat_more_loop()
    }

    fn poss_repeat_more_loop(&mut self) -> Next {
        let max = self.op(self.pattern + 2);
        if (self.ctx().count < max as isize || max == SRE_MAXREPEAT) && self.state.ptr != self.ptr {
            self.lastmark_save();
            let lm = self.ctx().lastmark;
            self.state.mark_push(lm);
            // Zero-width match protection: remember where this iteration starts.
            self.ptr = self.state.ptr;
            let p = self.pattern + 3;
            return self.do_jump(JUMP_POSS_REPEAT_2, p, false);
        }
        self.poss_repeat_tail()
    }

    fn poss_repeat_tail(&mut self) -> Next {
        // Skip the body and the SUCCESS that ends it.
        self.pattern += self.op(self.pattern) as usize + 1;
        self.ptr = self.state.ptr;
        Next::Dispatch
    }

    /// The code after `DO_JUMP` returned to the context it was made from.
    fn resume(&mut self, jump: u8) -> SreResult<Next> {
        let ret = self.ret;
        Ok(match jump {
            JUMP_BRANCH => {
                let repeat = self.repeat_active();
                let lm = self.ctx().lastmark;
                if ret {
                    if repeat {
                        self.state.mark_pop_discard(lm);
                    }
                    return Ok(self.success());
                }
                if repeat {
                    self.state.mark_pop(lm, false);
                }
                self.lastmark_restore();
                self.pattern += self.op(self.pattern) as usize;
                self.branch_loop()
            }
            JUMP_REPEAT_ONE_1 | JUMP_REPEAT_ONE_2 => {
                let repeat = self.repeat_active();
                let lm = self.ctx().lastmark;
                if ret {
                    if repeat {
                        self.state.mark_pop_discard(lm);
                    }
                    return Ok(self.success());
                }
                if repeat {
                    self.state.mark_pop(lm, false);
                }
                self.lastmark_restore();
                self.ptr = self.ptr.wrapping_sub(1);
                self.ctx().count -= 1;
                if jump == JUMP_REPEAT_ONE_1 {
                    self.repeat_one_literal_loop()
                } else {
                    self.repeat_one_general_loop()
                }
            }
            JUMP_MIN_REPEAT_ONE => {
                let repeat = self.repeat_active();
                let lm = self.ctx().lastmark;
                if ret {
                    if repeat {
                        self.state.mark_pop_discard(lm);
                    }
                    return Ok(self.success());
                }
                if repeat {
                    self.state.mark_pop(lm, false);
                }
                self.lastmark_restore();
                self.state.ptr = self.ptr;
                let n = sre_count(self.state, self.s, self.code, self.pattern + 3, 1)?;
                if n == 0 {
                    if repeat {
                        self.state.mark_pop_discard(lm);
                    }
                    return Ok(self.fail());
                }
                self.ptr += 1;
                self.ctx().count += 1;
                self.min_repeat_one_loop()
            }
            JUMP_REPEAT => {
                let rep = self.ctx().u;
                self.state.repeat = self.state.repeats[rep].prev;
                self.state.repeats.truncate(rep);
                if ret {
                    self.success()
                } else {
                    self.fail()
                }
            }
            JUMP_MAX_UNTIL_1 | JUMP_MIN_UNTIL_1 => {
                if ret {
                    return Ok(self.success());
                }
                let rep = self.ctx().u;
                self.state.repeats[rep].count = self.ctx().count - 1;
                self.state.ptr = self.ptr;
                self.fail()
            }
            JUMP_MAX_UNTIL_2 => {
                let rep = self.ctx().u;
                let last = self.state.data_stack.pop().unwrap_or(-1);
                self.state.repeats[rep].last_ptr = last;
                let lm = self.ctx().lastmark;
                if ret {
                    self.state.mark_pop_discard(lm);
                    return Ok(self.success());
                }
                self.state.mark_pop(lm, true);
                self.lastmark_restore();
                self.state.repeats[rep].count = self.ctx().count - 1;
                self.state.ptr = self.ptr;
                self.max_until_tail()
            }
            JUMP_MAX_UNTIL_3 => {
                self.state.repeat = Some(self.ctx().u);
                if ret {
                    return Ok(self.success());
                }
                self.state.ptr = self.ptr;
                self.fail()
            }
            JUMP_MIN_UNTIL_2 => {
                let rep = self.ctx().u;
                let repeat_of_tail = self.state.repeat;
                self.state.repeat = Some(rep);
                let lm = self.ctx().lastmark;
                if ret {
                    if repeat_of_tail.is_some() {
                        self.state.mark_pop_discard(lm);
                    }
                    return Ok(self.success());
                }
                if repeat_of_tail.is_some() {
                    self.state.mark_pop(lm, true);
                }
                self.lastmark_restore();
                self.state.ptr = self.ptr;
                let count = self.ctx().count;
                let rpat = self.state.repeats[rep].pattern;
                let max = self.op(rpat + 2);
                if (count >= max as isize && max != SRE_MAXREPEAT)
                    || self.state.ptr as isize == self.state.repeats[rep].last_ptr
                {
                    return Ok(self.fail());
                }
                self.state.repeats[rep].count = count;
                let last = self.state.repeats[rep].last_ptr;
                self.state.data_stack.push(last);
                self.state.repeats[rep].last_ptr = self.state.ptr as isize;
                self.jump(JUMP_MIN_UNTIL_3, rpat + 3)
            }
            JUMP_MIN_UNTIL_3 => {
                let rep = self.ctx().u;
                let last = self.state.data_stack.pop().unwrap_or(-1);
                self.state.repeats[rep].last_ptr = last;
                if ret {
                    return Ok(self.success());
                }
                self.state.repeats[rep].count = self.ctx().count - 1;
                self.state.ptr = self.ptr;
                self.fail()
            }
            JUMP_POSS_REPEAT_1 => {
                if ret {
                    self.ctx().count += 1;
                    self.poss_repeat_min_loop()
                } else {
                    self.state.ptr = self.ptr;
                    self.fail()
                }
            }
            JUMP_POSS_REPEAT_2 => {
                let lm = self.ctx().lastmark;
                if ret {
                    self.state.mark_pop_discard(lm);
                    self.ctx().count += 1;
                    self.poss_repeat_more_loop()
                } else {
                    self.state.mark_pop(lm, true);
                    self.lastmark_restore();
                    // Back to where the failed iteration started.
                    self.state.ptr = self.ptr;
                    self.poss_repeat_tail()
                }
            }
            JUMP_ATOMIC_GROUP => {
                if !ret {
                    self.state.ptr = self.ptr;
                    return Ok(self.fail());
                }
                self.pattern += self.op(self.pattern) as usize;
                self.ptr = self.state.ptr;
                Next::Dispatch
            }
            JUMP_ASSERT => {
                if !ret {
                    return Ok(self.fail());
                }
                self.pattern += self.op(self.pattern) as usize;
                Next::Dispatch
            }
            JUMP_ASSERT_NOT => {
                let repeat = self.repeat_active();
                let lm = self.ctx().lastmark;
                if ret {
                    if repeat {
                        self.state.mark_pop_discard(lm);
                    }
                    return Ok(self.fail());
                }
                if repeat {
                    self.state.mark_pop(lm, true);
                }
                self.lastmark_restore();
                self.pattern += self.op(self.pattern) as usize;
                Next::Dispatch
            }
            _ => return Err(SreError::Illegal),
        })
    }

    /// Compare a backreference with the text at `ptr`; `fold` maps both sides.
    fn groupref(&mut self, fold: fn(u32) -> u32) -> bool {
        let groupref = self.op(self.pattern) as usize * 2;
        if groupref as isize >= self.state.lastmark {
            return false;
        }
        let p = self.state.get_mark(groupref);
        let e = self.state.get_mark(groupref + 1);
        if p < 0 || e < 0 || e < p {
            return false;
        }
        let end = self.state.end;
        for i in p as usize..e as usize {
            if self.ptr >= end || fold(self.ch(self.ptr)) != fold(self.ch(i)) {
                return false;
            }
            self.ptr += 1;
        }
        self.pattern += 1;
        true
    }

    /// Run the opcodes of the current context until it finishes or jumps.
    fn dispatch(&mut self) -> SreResult<Next> {
        let end = self.state.end;
        loop {
            self.state.sigcount = self.state.sigcount.wrapping_add(1);
            if self.state.sigcount & 0xfff == 0 {
                if let Err(e) = python::signals::check_signals() {
                    return Err(SreError::Interrupted(e));
                }
            }
            let op = self.op(self.pattern);
            self.pattern += 1;
            let p = self.pattern;
            match op {
                SRE_OP_MARK => {
                    // <MARK> <gid>
                    let i = self.op(p) as isize;
                    if i & 1 != 0 {
                        self.state.lastindex = i / 2 + 1;
                    }
                    self.state.ensure_marks(i as usize + 1);
                    if i > self.state.lastmark {
                        // Marks between the old highest and this one were never set.
                        for j in (self.state.lastmark + 1)..i {
                            self.state.mark[j as usize] = -1;
                        }
                        self.state.lastmark = i;
                    }
                    self.state.mark[i as usize] = self.ptr as isize;
                    self.pattern += 1;
                }
                SRE_OP_LITERAL => {
                    if self.ptr >= end || self.ch(self.ptr) != self.op(p) {
                        return Ok(self.fail());
                    }
                    self.pattern += 1;
                    self.ptr += 1;
                }
                SRE_OP_NOT_LITERAL => {
                    if self.ptr >= end || self.ch(self.ptr) == self.op(p) {
                        return Ok(self.fail());
                    }
                    self.pattern += 1;
                    self.ptr += 1;
                }
                SRE_OP_SUCCESS => {
                    let c = *self.ctx();
                    if c.toplevel
                        && ((self.state.match_all && self.ptr != self.state.end)
                            || (self.state.must_advance && self.ptr == self.state.start))
                    {
                        return Ok(self.fail());
                    }
                    self.state.ptr = self.ptr;
                    return Ok(self.success());
                }
                SRE_OP_AT => {
                    if !sre_at(self.state, self.s, self.ptr, self.op(p)) {
                        return Ok(self.fail());
                    }
                    self.pattern += 1;
                }
                SRE_OP_CATEGORY => {
                    if self.ptr >= end || !sre_category(self.op(p), self.ch(self.ptr)) {
                        return Ok(self.fail());
                    }
                    self.pattern += 1;
                    self.ptr += 1;
                }
                SRE_OP_ANY => {
                    if self.ptr >= end || sre_is_linebreak(self.ch(self.ptr)) {
                        return Ok(self.fail());
                    }
                    self.ptr += 1;
                }
                SRE_OP_ANY_ALL => {
                    if self.ptr >= end {
                        return Ok(self.fail());
                    }
                    self.ptr += 1;
                }
                SRE_OP_IN => {
                    if self.ptr >= end || !sre_charset(self.code, p + 1, self.ch(self.ptr)) {
                        return Ok(self.fail());
                    }
                    self.pattern += self.op(p) as usize;
                    self.ptr += 1;
                }
                SRE_OP_LITERAL_IGNORE => {
                    if self.ptr >= end || sre_lower_ascii(self.ch(self.ptr)) != self.op(p) {
                        return Ok(self.fail());
                    }
                    self.pattern += 1;
                    self.ptr += 1;
                }
                SRE_OP_LITERAL_UNI_IGNORE => {
                    if self.ptr >= end || sre_lower_unicode(self.ch(self.ptr)) != self.op(p) {
                        return Ok(self.fail());
                    }
                    self.pattern += 1;
                    self.ptr += 1;
                }
                SRE_OP_LITERAL_LOC_IGNORE => {
                    if self.ptr >= end || !char_loc_ignore(self.op(p), self.ch(self.ptr)) {
                        return Ok(self.fail());
                    }
                    self.pattern += 1;
                    self.ptr += 1;
                }
                SRE_OP_NOT_LITERAL_IGNORE => {
                    if self.ptr >= end || sre_lower_ascii(self.ch(self.ptr)) == self.op(p) {
                        return Ok(self.fail());
                    }
                    self.pattern += 1;
                    self.ptr += 1;
                }
                SRE_OP_NOT_LITERAL_UNI_IGNORE => {
                    if self.ptr >= end || sre_lower_unicode(self.ch(self.ptr)) == self.op(p) {
                        return Ok(self.fail());
                    }
                    self.pattern += 1;
                    self.ptr += 1;
                }
                SRE_OP_NOT_LITERAL_LOC_IGNORE => {
                    if self.ptr >= end || char_loc_ignore(self.op(p), self.ch(self.ptr)) {
                        return Ok(self.fail());
                    }
                    self.pattern += 1;
                    self.ptr += 1;
                }
                SRE_OP_IN_IGNORE => {
                    if self.ptr >= end
                        || !sre_charset(self.code, p + 1, sre_lower_ascii(self.ch(self.ptr)))
                    {
                        return Ok(self.fail());
                    }
                    self.pattern += self.op(p) as usize;
                    self.ptr += 1;
                }
                SRE_OP_IN_UNI_IGNORE => {
                    if self.ptr >= end
                        || !sre_charset(self.code, p + 1, sre_lower_unicode(self.ch(self.ptr)))
                    {
                        return Ok(self.fail());
                    }
                    self.pattern += self.op(p) as usize;
                    self.ptr += 1;
                }
                SRE_OP_IN_LOC_IGNORE => {
                    if self.ptr >= end
                        || !sre_charset_loc_ignore(self.code, p + 1, self.ch(self.ptr))
                    {
                        return Ok(self.fail());
                    }
                    self.pattern += self.op(p) as usize;
                    self.ptr += 1;
                }
                SRE_OP_JUMP | SRE_OP_INFO => {
                    // <JUMP> <offset>
                    self.pattern += self.op(p) as usize;
                }
                SRE_OP_BRANCH => {
                    // <BRANCH> <0=skip> code <JUMP> ... <NULL>
                    self.lastmark_save();
                    if self.repeat_active() {
                        let lm = self.ctx().lastmark;
                        self.state.mark_push(lm);
                    }
                    return Ok(self.branch_loop());
                }
                SRE_OP_REPEAT_ONE => {
                    // <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = self.op(p + 1) as usize;
                    if min > end - self.ptr {
                        return Ok(self.fail());
                    }
                    self.state.ptr = self.ptr;
                    let n = sre_count(self.state, self.s, self.code, p + 3, self.op(p + 2))?;
                    self.ctx().count = n as isize;
                    self.ptr += n;
                    if n < min {
                        return Ok(self.fail());
                    }
                    let tail = p + self.op(p) as usize;
                    let toplevel = self.ctx().toplevel;
                    if self.op(tail) == SRE_OP_SUCCESS
                        && self.ptr == self.state.end
                        && !(toplevel && self.state.must_advance && self.ptr == self.state.start)
                    {
                        // The tail is empty: done.
                        self.state.ptr = self.ptr;
                        return Ok(self.success());
                    }
                    self.lastmark_save();
                    if self.repeat_active() {
                        let lm = self.ctx().lastmark;
                        self.state.mark_push(lm);
                    }
                    if self.op(tail) == SRE_OP_LITERAL {
                        // The tail starts with a literal: skip positions where it
                        // cannot match.
                        let chr = self.op(tail + 1) as usize;
                        self.ctx().u = chr;
                        return Ok(self.repeat_one_literal_loop());
                    }
                    return Ok(self.repeat_one_general_loop());
                }
                SRE_OP_MIN_REPEAT_ONE => {
                    // <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = self.op(p + 1) as usize;
                    if min > end - self.ptr {
                        return Ok(self.fail());
                    }
                    self.state.ptr = self.ptr;
                    if min == 0 {
                        self.ctx().count = 0;
                    } else {
                        let n = sre_count(self.state, self.s, self.code, p + 3, min as u32)?;
                        if n < min {
                            return Ok(self.fail());
                        }
                        self.ctx().count = n as isize;
                        self.ptr += n;
                    }
                    let tail = p + self.op(p) as usize;
                    let toplevel = self.ctx().toplevel;
                    if self.op(tail) == SRE_OP_SUCCESS
                        && !(toplevel
                            && ((self.state.match_all && self.ptr != self.state.end)
                                || (self.state.must_advance && self.ptr == self.state.start)))
                    {
                        self.state.ptr = self.ptr;
                        return Ok(self.success());
                    }
                    self.lastmark_save();
                    if self.repeat_active() {
                        let lm = self.ctx().lastmark;
                        self.state.mark_push(lm);
                    }
                    return Ok(self.min_repeat_one_loop());
                }
                SRE_OP_POSSESSIVE_REPEAT_ONE => {
                    // <POSSESSIVE_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                    let min = self.op(p + 1) as usize;
                    if min > end - self.ptr {
                        return Ok(self.fail());
                    }
                    self.state.ptr = self.ptr;
                    let n = sre_count(self.state, self.s, self.code, p + 3, self.op(p + 2))?;
                    self.ctx().count = n as isize;
                    self.ptr += n;
                    if n < min {
                        return Ok(self.fail());
                    }
                    self.pattern += self.op(p) as usize;
                }
                SRE_OP_REPEAT => {
                    // <REPEAT> <skip> <1=min> <2=max> item <UNTIL> tail
                    let prev = self.state.repeat;
                    self.state.repeats.push(SreRepeat {
                        count: -1,
                        pattern: p,
                        last_ptr: -1,
                        prev,
                    });
                    let rep = self.state.repeats.len() - 1;
                    self.ctx().u = rep;
                    self.state.repeat = Some(rep);
                    self.state.ptr = self.ptr;
                    let next = p + self.op(p) as usize;
                    return Ok(self.jump(JUMP_REPEAT, next));
                }
                SRE_OP_MAX_UNTIL | SRE_OP_MIN_UNTIL => {
                    // <REPEAT> <skip> <1=min> <2=max> item <MAX_UNTIL> tail
                    let Some(rep) = self.state.repeat else {
                        return Err(SreError::State);
                    };
                    self.state.ptr = self.ptr;
                    let count = self.state.repeats[rep].count + 1;
                    self.ctx().u = rep;
                    self.ctx().count = count;
                    let rpat = self.state.repeats[rep].pattern;
                    if count < self.op(rpat + 1) as isize {
                        // Not enough items yet.
                        self.state.repeats[rep].count = count;
                        let j = if op == SRE_OP_MAX_UNTIL {
                            JUMP_MAX_UNTIL_1
                        } else {
                            JUMP_MIN_UNTIL_1
                        };
                        return Ok(self.jump(j, rpat + 3));
                    }
                    if op == SRE_OP_MAX_UNTIL {
                        return Ok(self.max_until_more());
                    }
                    // Minimizing: see if the tail matches first.
                    self.state.repeat = self.state.repeats[rep].prev;
                    self.lastmark_save();
                    if self.repeat_active() {
                        let lm = self.ctx().lastmark;
                        self.state.mark_push(lm);
                    }
                    return Ok(self.jump(JUMP_MIN_UNTIL_2, p));
                }
                SRE_OP_POSSESSIVE_REPEAT => {
                    // <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
                    self.pattern = p;
                    self.state.ptr = self.ptr;
                    self.ctx().count = 0;
                    return Ok(self.poss_repeat_min_loop());
                }
                SRE_OP_ATOMIC_GROUP => {
                    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                    self.state.ptr = self.ptr;
                    return Ok(self.do_jump(JUMP_ATOMIC_GROUP, p + 1, false));
                }
                SRE_OP_GROUPREF => {
                    if !self.groupref(|c| c) {
                        return Ok(self.fail());
                    }
                }
                SRE_OP_GROUPREF_IGNORE => {
                    if !self.groupref(sre_lower_ascii) {
                        return Ok(self.fail());
                    }
                }
                SRE_OP_GROUPREF_UNI_IGNORE => {
                    if !self.groupref(sre_lower_unicode) {
                        return Ok(self.fail());
                    }
                }
                SRE_OP_GROUPREF_LOC_IGNORE => {
                    if !self.groupref(sre_lower_locale) {
                        return Ok(self.fail());
                    }
                }
                SRE_OP_GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ...
                    let groupref = self.op(p) as usize * 2;
                    let exists = (groupref as isize) < self.state.lastmark && {
                        let a = self.state.get_mark(groupref);
                        let b = self.state.get_mark(groupref + 1);
                        a >= 0 && b >= 0 && a <= b
                    };
                    if exists {
                        self.pattern += 2;
                    } else {
                        self.pattern += self.op(p + 1) as usize;
                    }
                }
                SRE_OP_ASSERT => {
                    // <ASSERT> <skip> <back> <pattern>
                    let back = self.op(p + 1) as usize;
                    if self.ptr < back {
                        return Ok(self.fail());
                    }
                    self.state.ptr = self.ptr - back;
                    return Ok(self.do_jump(JUMP_ASSERT, p + 2, false));
                }
                SRE_OP_ASSERT_NOT => {
                    // <ASSERT_NOT> <skip> <back> <pattern>
                    let back = self.op(p + 1) as usize;
                    if self.ptr >= back {
                        self.state.ptr = self.ptr - back;
                        self.lastmark_save();
                        if self.repeat_active() {
                            let lm = self.ctx().lastmark;
                            self.state.mark_push(lm);
                        }
                        return Ok(self.do_jump(JUMP_ASSERT_NOT, p + 2, false));
                    }
                    self.pattern += self.op(p) as usize;
                }
                SRE_OP_FAILURE => return Ok(self.fail()),
                _ => return Err(SreError::Illegal),
            }
        }
    }
}

/// `SRE(match)`: does the code at `start_pattern` match at `state.ptr`? On success
/// `state.ptr` is the end of the match.
pub fn sre_match<C: SreChar>(
    state: &mut SreState,
    s: &[C],
    code: &[u32],
    start_pattern: usize,
    toplevel: bool,
) -> SreResult<bool> {
    let base = state.ctx_stack.len();
    state.ctx_stack.push(MatchContext {
        count: 0,
        u: 0,
        lastmark: 0,
        lastindex: 0,
        pattern: start_pattern,
        ptr: 0,
        toplevel,
        jump: JUMP_NONE,
    });
    let mut m = Machine {
        state,
        s,
        code,
        pattern: start_pattern,
        ptr: 0,
        ret: false,
    };
    let mut next = Next::Entrance;
    loop {
        next = match next {
            Next::Entrance => {
                m.ptr = m.state.ptr;
                if m.op(m.pattern) == SRE_OP_INFO {
                    // <INFO> <1=skip> <2=flags> <3=min> ...
                    let min = m.op(m.pattern + 3) as usize;
                    if min != 0 && m.state.end - m.ptr < min {
                        m.fail()
                    } else {
                        m.pattern += m.op(m.pattern + 1) as usize + 1;
                        Next::Dispatch
                    }
                } else {
                    Next::Dispatch
                }
            }
            Next::Dispatch => m.dispatch()?,
            Next::Exit => {
                let done = m.state.ctx_stack.pop().map(|c| c.jump).unwrap_or(JUMP_NONE);
                if done == JUMP_NONE || m.state.ctx_stack.len() <= base {
                    return Ok(m.ret);
                }
                let parent = *m.ctx();
                m.pattern = parent.pattern;
                m.ptr = parent.ptr;
                m.resume(done)?
            }
        };
    }
}

/// `SRE(search)`: find the first position from `state.start` where the code
/// matches; on success `state.start`/`state.ptr` delimit the match.
pub fn sre_search<C: SreChar>(state: &mut SreState, s: &[C], code: &[u32]) -> SreResult<bool> {
    let mut ptr = state.start;
    let mut end = state.end;
    let mut prefix_len = 0usize;
    let mut prefix_skip = 0usize;
    let mut prefix = 0usize;
    let mut overlap = 0usize;
    let mut charset: Option<usize> = None;
    let mut flags = 0;
    let mut pattern = 0usize;

    if ptr > end {
        return Ok(false);
    }
    if cw(code, 0) == SRE_OP_INFO {
        // <INFO> <1=skip> <2=flags> <3=min> <4=max> <5=prefix info>
        flags = cw(code, 2);
        let min = cw(code, 3) as usize;
        if min != 0 && end - ptr < min {
            return Ok(false);
        }
        if min > 1 {
            // Leave at least one character so that the literal search works.
            end -= min - 1;
            if end <= ptr {
                end = ptr;
            }
        }
        if flags & SRE_INFO_PREFIX != 0 {
            // <length> <skip> <prefix data> <overlap data>
            prefix_len = cw(code, 5) as usize;
            prefix_skip = cw(code, 6) as usize;
            prefix = 7;
            overlap = prefix + prefix_len - 1;
        } else if flags & SRE_INFO_CHARSET != 0 {
            charset = Some(5);
        }
        pattern = 1 + cw(code, 1) as usize;
    }

    if prefix_len == 1 {
        // The pattern starts with a literal character.
        let c = cw(code, prefix);
        let end = state.end;
        state.must_advance = false;
        while ptr < end {
            while s[ptr].code() != c {
                ptr += 1;
                if ptr >= end {
                    return Ok(false);
                }
            }
            state.start = ptr;
            state.ptr = ptr + prefix_skip;
            if flags & SRE_INFO_LITERAL != 0 {
                return Ok(true);
            }
            if sre_match(state, s, code, pattern + 2 * prefix_skip, false)? {
                return Ok(true);
            }
            ptr += 1;
            state.lastmark = -1;
            state.lastindex = -1;
        }
        return Ok(false);
    }

    if prefix_len > 1 {
        // A known prefix: use the overlap table to skip ahead.
        let end = state.end;
        if prefix_len > end - ptr {
            return Ok(false);
        }
        while ptr < end {
            let c = cw(code, prefix);
            loop {
                let here = s[ptr].code();
                ptr += 1;
                if here == c {
                    break;
                }
                if ptr >= end {
                    return Ok(false);
                }
            }
            if ptr >= end {
                return Ok(false);
            }
            let mut i = 1usize;
            state.must_advance = false;
            loop {
                if s[ptr].code() == cw(code, prefix + i) {
                    i += 1;
                    if i != prefix_len {
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        continue;
                    }
                    // A potential match.
                    state.start = ptr - (prefix_len - 1);
                    state.ptr = ptr - (prefix_len - prefix_skip - 1);
                    if flags & SRE_INFO_LITERAL != 0 {
                        return Ok(true);
                    }
                    if sre_match(state, s, code, pattern + 2 * prefix_skip, false)? {
                        return Ok(true);
                    }
                    // Close but no cigar: try again.
                    ptr += 1;
                    if ptr >= end {
                        return Ok(false);
                    }
                    state.lastmark = -1;
                    state.lastindex = -1;
                }
                i = cw(code, overlap + i) as usize;
                if i == 0 {
                    break;
                }
            }
        }
        return Ok(false);
    }

    if let Some(set) = charset {
        // The pattern starts with a character from a known set.
        let end = state.end;
        state.must_advance = false;
        loop {
            while ptr < end && !sre_charset(code, set, s[ptr].code()) {
                ptr += 1;
            }
            if ptr >= end {
                return Ok(false);
            }
            state.start = ptr;
            state.ptr = ptr;
            if sre_match(state, s, code, pattern, false)? {
                return Ok(true);
            }
            ptr += 1;
            state.lastmark = -1;
            state.lastindex = -1;
        }
    }

    // The general case.
    state.start = ptr;
    state.ptr = ptr;
    let mut status = sre_match(state, s, code, pattern, true)?;
    state.must_advance = false;
    if !status
        && cw(code, pattern) == SRE_OP_AT
        && (cw(code, pattern + 1) == SRE_AT_BEGINNING
            || cw(code, pattern + 1) == SRE_AT_BEGINNING_STRING)
    {
        state.start = end;
        state.ptr = end;
        return Ok(false);
    }
    while !status && ptr < end {
        ptr += 1;
        state.lastmark = -1;
        state.lastindex = -1;
        state.start = ptr;
        state.ptr = ptr;
        status = sre_match(state, s, code, pattern, false)?;
    }
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The simple case mappings agree with the host CPython's `_sre` on every
    /// code point (checked by sampling a hash of the whole range).
    #[test]
    fn case_tables_match_host_python() {
        let script = "import _sre\n\
            h = 0\n\
            for c in range(0x110000):\n    h = (h * 31 + _sre.unicode_tolower(c) + 7 * _sre.unicode_iscased(c)) % (1 << 61)\n\
            print(h)\n";
        let Ok(out) = std::process::Command::new("python3")
            .args(["-c", script])
            .output()
        else {
            return;
        };
        let expected: u64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        let mut h: u64 = 0;
        for c in 0..0x110000u32 {
            let cased = c != sre_lower_unicode(c) || c != sre_upper_unicode(c);
            let v =
                (h as u128 * 31 + sre_lower_unicode(c) as u128 + 7 * cased as u128) % (1u128 << 61);
            h = v as u64;
        }
        assert_eq!(h, expected);
    }

    #[test]
    fn search_and_match_literal_code() {
        // INFO 4 0 1 1, LITERAL 'b', SUCCESS: the code of re.compile('b').
        let code = [SRE_OP_INFO, 4, 0, 1, 1, SRE_OP_LITERAL, 98, SRE_OP_SUCCESS];
        let s = b"aab";
        let mut state = SreState::new(0, s.len());
        assert!(sre_search(&mut state, &s[..], &code).unwrap());
        assert_eq!((state.start, state.ptr), (2, 3));
        let mut state = SreState::new(0, s.len());
        assert!(!sre_match(&mut state, &s[..], &code, 0, true).unwrap());
    }
}
