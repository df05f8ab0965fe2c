//! The assembler: from an optimised CFG to the bytes of a code object. In CPython 3.11
//! this is the tail of Python/compile.c (`assemble`, `assemble_jump_offsets`,
//! `assemble_emit`, `write_location_info_entry`, `assemble_exception_table`,
//! `makecode`); 3.12 moved it to Python/assemble.c.
//!
//! Formats (Objects/locations.md and Objects/exception_handling_notes.txt in CPython):
//! - code: 16-bit units, `EXTENDED_ARG` prefixes for arguments over 8 bits, then the
//!   opcode's inline `CACHE` units, zeroed.
//! - exception table: per covered range, varints of start, length, handler offset
//!   (all in code units) and `depth << 1 | lasti`; 6 bits per byte, bit 6 says more
//!   follow, bit 7 marks an entry's first byte.
//! - location table: entries of up to 8 code units; the first byte is
//!   `0x80 | code << 3 | (units - 1)` and the code picks a short, one-line, no-column,
//!   long or no-location form.

use crate::code_unit::{kinds, CodeUnit, Constant};
use crate::flowgraph::{Cfg, Instr, Location, Op};
use include::opcode::Opcode;

/// Everything about a code object that the code generator knows besides its CFG.
pub struct AssemblyInput {
    pub cfg: Cfg,
    pub consts: Vec<Constant>,
    pub names: Vec<String>,
    /// Parameters first, then locals in order of first use.
    pub varnames: Vec<String>,
    /// Cell variables (sorted by name, `__class__` last when added for a class).
    pub cellvars: Vec<String>,
    /// Free variables, sorted by name.
    pub freevars: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// 0 when the code generator did not fix it (the first instruction's line is used).
    pub firstlineno: i32,
    pub filename: String,
    pub name: String,
    pub qualname: String,
}

/// Mirrors `instr_size`: code units for an instruction, its `EXTENDED_ARG`s and caches.
fn instr_size(instr: &Instr) -> i32 {
    let op = real_op(instr);
    let oparg = if op.has_arg() { instr.oparg } else { 0 };
    let extended = (oparg > 0xFFFFFF) as i32 + (oparg > 0xFFFF) as i32 + (oparg > 0xFF) as i32;
    extended + 1 + op.cache_entries() as i32
}

fn real_op(instr: &Instr) -> Opcode {
    // Every pseudo-instruction is gone by the time the assembler runs.
    instr.op.real().unwrap_or(Opcode::NOP)
}

/// Mirrors `assemble_jump_offsets`: give every block its offset and every jump its
/// relative argument, repeating while an argument grows an `EXTENDED_ARG`.
fn assemble_jump_offsets(cfg: &mut Cfg, order: &[usize]) {
    loop {
        let mut totsize = 0;
        for &b in order {
            cfg.blocks[b].offset = totsize;
            totsize += cfg.blocks[b].instrs.iter().map(instr_size).sum::<i32>();
        }
        let mut recompile = false;
        for &b in order {
            let mut bsize = cfg.blocks[b].offset;
            for i in 0..cfg.blocks[b].instrs.len() {
                let isize = instr_size(&cfg.blocks[b].instrs[i]);
                bsize += isize;
                let instr = &cfg.blocks[b].instrs[i];
                if instr.op.is_jump() {
                    let target_offset = cfg.blocks[instr.target.unwrap_or(0)].offset;
                    let oparg = if target_offset < bsize {
                        bsize - target_offset
                    } else {
                        target_offset - bsize
                    };
                    let instr = &mut cfg.blocks[b].instrs[i];
                    instr.oparg = oparg;
                    if instr_size(instr) != isize {
                        recompile = true;
                    }
                }
            }
        }
        if !recompile {
            break;
        }
    }
}

/// Mirrors `write_instr`: the instruction with its `EXTENDED_ARG` prefixes and caches.
fn write_instr(code: &mut Vec<u8>, instr: &Instr) {
    let op = real_op(instr);
    let oparg = instr.oparg as u32;
    if op.has_arg() {
        for shift in [24, 16, 8] {
            if oparg >> shift != 0 {
                code.push(Opcode::EXTENDED_ARG as u8);
                code.push((oparg >> shift) as u8);
            }
        }
    }
    code.push(op as u8);
    // Instructions without an argument write 0 whatever their (stale) argument.
    code.push(if op.has_arg() { oparg as u8 } else { 0 });
    for _ in 0..op.cache_entries() {
        code.push(0);
        code.push(0);
    }
}

/// The location-table codes (`_PyCodeLocationInfoKind`).
const LOC_SHORT0: u8 = 0;
const LOC_ONE_LINE0: u8 = 10;
const LOC_NO_COLUMNS: u8 = 13;
const LOC_LONG: u8 = 14;
const LOC_NONE: u8 = 15;

struct LineTableWriter {
    table: Vec<u8>,
    lineno: i32,
}

impl LineTableWriter {
    fn write_first_byte(&mut self, code: u8, length: i32) {
        self.table.push(0x80 | (code << 3) | (length - 1) as u8);
    }

    fn write_varint(&mut self, mut val: u32) {
        while val >= 64 {
            self.table.push(0x40 | (val & 63) as u8);
            val >>= 6;
        }
        self.table.push(val as u8);
    }

    fn write_signed_varint(&mut self, val: i32) {
        let v = if val < 0 {
            ((-(val as i64)) << 1 | 1) as u32
        } else {
            (val as u32) << 1
        };
        self.write_varint(v);
    }

    /// Mirrors `write_location_info_entry`.
    fn write_entry(&mut self, loc: Location, mut isize: i32) {
        if isize == 0 {
            return;
        }
        while isize > 8 {
            self.write_entry(loc, 8);
            isize -= 8;
        }
        if loc.lineno < 0 {
            self.write_first_byte(LOC_NONE, isize);
            return;
        }
        let line_delta = loc.lineno - self.lineno;
        let column = loc.col_offset;
        let end_column = loc.end_col_offset;
        if column < 0 || end_column < 0 {
            if loc.end_lineno == loc.lineno || loc.end_lineno == -1 {
                self.write_first_byte(LOC_NO_COLUMNS, isize);
                self.write_signed_varint(line_delta);
                self.lineno = loc.lineno;
                return;
            }
        } else if loc.end_lineno == loc.lineno {
            if line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column {
                let column_group = (column >> 3) as u8;
                self.write_first_byte(LOC_SHORT0 + column_group, isize);
                self.table
                    .push((((column & 7) << 4) | (end_column - column)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && column < 128 && end_column < 128 {
                self.write_first_byte(LOC_ONE_LINE0 + line_delta as u8, isize);
                self.table.push(column as u8);
                self.table.push(end_column as u8);
                self.lineno = loc.lineno;
                return;
            }
        }
        self.write_first_byte(LOC_LONG, isize);
        self.write_signed_varint(line_delta);
        self.write_varint((loc.end_lineno - loc.lineno) as u32);
        self.write_varint((column + 1) as u32);
        self.write_varint((end_column + 1) as u32);
        self.lineno = loc.lineno;
    }
}

/// One exception-table number: 6 bits per byte, most significant first.
fn write_exception_item(table: &mut Vec<u8>, value: i32, mut msb: u8) {
    const CONTINUATION: u8 = 64;
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            table.push(((value >> shift) & 0x3f) as u8 | CONTINUATION | msb);
            msb = 0;
        }
    }
    table.push((value & 0x3f) as u8 | msb);
}

/// Mirrors `assemble_emit_exception_table_entry`.
fn write_exception_entry(table: &mut Vec<u8>, cfg: &Cfg, start: i32, end: i32, handler: usize) {
    let h = &cfg.blocks[handler];
    let mut depth = h.startdepth - 1;
    if h.preserve_lasti {
        depth -= 1;
    }
    let depth_lasti = (depth << 1) | h.preserve_lasti as i32;
    write_exception_item(table, start, 0x80);
    write_exception_item(table, end - start, 0);
    write_exception_item(table, h.offset, 0);
    write_exception_item(table, depth_lasti, 0);
}

/// Mirrors `assemble_exception_table`: one entry per run of instructions that share
/// a handler.
fn assemble_exception_table(cfg: &Cfg, order: &[usize]) -> Vec<u8> {
    let mut table = Vec::new();
    let mut handler: Option<usize> = None;
    let mut start = -1;
    let mut ioffset = 0;
    for &b in order {
        ioffset = cfg.blocks[b].offset;
        for instr in &cfg.blocks[b].instrs {
            if instr.except != handler {
                if let Some(h) = handler {
                    write_exception_entry(&mut table, cfg, start, ioffset, h);
                }
                start = ioffset;
                handler = instr.except;
            }
            ioffset += instr_size(instr);
        }
    }
    if let Some(h) = handler {
        write_exception_entry(&mut table, cfg, start, ioffset, h);
    }
    table
}

/// Mirrors `insert_prefix_instructions`: `COPY_FREE_VARS`, the `MAKE_CELL`s (in
/// slot order) and, for generators, `RETURN_GENERATOR` + `POP_TOP`, before `RESUME`.
fn insert_prefix_instructions(input: &mut AssemblyInput, fixed: &[i32]) {
    let flags = input.flags;
    let entry = &mut input.cfg.blocks[0].instrs;
    use crate::code_unit::flags::*;
    if flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0 {
        let line = input.firstlineno;
        let gen_loc = Location {
            lineno: line,
            end_lineno: line,
            col_offset: -1,
            end_col_offset: -1,
        };
        entry.insert(
            0,
            Instr::new(Op::Real(Opcode::RETURN_GENERATOR), 0, gen_loc),
        );
        entry.insert(
            1,
            Instr::new(Op::Real(Opcode::POP_TOP), 0, crate::flowgraph::NO_LOCATION),
        );
    }
    let ncellvars = input.cellvars.len();
    if ncellvars > 0 {
        let nvars = ncellvars + input.varnames.len();
        let mut sorted = vec![0usize; nvars];
        for (i, &f) in fixed.iter().take(ncellvars).enumerate() {
            sorted[f as usize] = i + 1;
        }
        let mut used = 0;
        for s in sorted {
            if s == 0 {
                continue;
            }
            let instr = Instr::new(
                Op::Real(Opcode::MAKE_CELL),
                (s - 1) as i32,
                crate::flowgraph::NO_LOCATION,
            );
            entry.insert(used, instr);
            used += 1;
        }
    }
    if !input.freevars.is_empty() {
        let n = input.freevars.len() as i32;
        entry.insert(
            0,
            Instr::new(
                Op::Real(Opcode::COPY_FREE_VARS),
                n,
                crate::flowgraph::NO_LOCATION,
            ),
        );
    }
}

/// Mirrors `build_cellfixedoffsets`: where each cell and free variable lives in the
/// frame (a cell that is also an argument shares the argument's slot).
fn build_cellfixedoffsets(input: &AssemblyInput) -> Vec<i32> {
    let nlocals = input.varnames.len() as i32;
    let mut fixed: Vec<i32> = (0..(input.cellvars.len() + input.freevars.len()) as i32)
        .map(|i| nlocals + i)
        .collect();
    for (cellindex, name) in input.cellvars.iter().enumerate() {
        if let Some(varindex) = input.varnames.iter().position(|v| v == name) {
            fixed[cellindex] = varindex as i32;
        }
    }
    fixed
}

/// Mirrors `fix_cell_offsets`: renumber the cell instructions' arguments to frame
/// slots; returns how many cells were merged into argument slots.
fn fix_cell_offsets(input: &mut AssemblyInput, fixed: &mut [i32]) -> usize {
    let nlocals = input.varnames.len() as i32;
    let mut numdropped = 0;
    for (i, f) in fixed.iter_mut().enumerate() {
        if *f == i as i32 + nlocals {
            *f -= numdropped;
        } else {
            numdropped += 1;
        }
    }
    for b in &mut input.cfg.blocks {
        for instr in &mut b.instrs {
            use Opcode::*;
            if matches!(
                instr.op,
                Op::Real(
                    MAKE_CELL
                        | LOAD_CLOSURE
                        | LOAD_DEREF
                        | STORE_DEREF
                        | DELETE_DEREF
                        | LOAD_CLASSDEREF
                )
            ) {
                if let Some(&f) = fixed.get(instr.oparg as usize) {
                    instr.oparg = f;
                }
            }
        }
    }
    numdropped as usize
}

/// Mirrors `trim_unused_consts` (3.11 only drops the unused constants at the end;
/// the first constant, a possible docstring, always stays).
fn trim_unused_consts(cfg: &Cfg, consts: &mut Vec<Constant>) {
    let mut max_index = 0;
    for id in cfg.layout() {
        for instr in &cfg.blocks[id].instrs {
            if instr.op.has_const() && instr.oparg > max_index {
                max_index = instr.oparg;
            }
        }
    }
    consts.truncate(max_index as usize + 1);
}

/// Mirrors `compute_localsplus_info`.
fn compute_localsplus_info(input: &AssemblyInput) -> (Vec<String>, Vec<u8>) {
    let mut names: Vec<String> = input.varnames.clone();
    let mut kinds_: Vec<u8> = vec![kinds::CO_FAST_LOCAL; names.len()];
    for cell in &input.cellvars {
        if let Some(i) = input.varnames.iter().position(|v| v == cell) {
            kinds_[i] |= kinds::CO_FAST_CELL;
        } else {
            names.push(cell.clone());
            kinds_.push(kinds::CO_FAST_CELL);
        }
    }
    for free in &input.freevars {
        names.push(free.clone());
        kinds_.push(kinds::CO_FAST_FREE);
    }
    (names, kinds_)
}

/// Mirrors the second half of `assemble` (3.11): prefix instructions, CFG
/// optimisation, line numbers, stack depth, exception labels, jump resolution and
/// the final bytes. The caller has already appended the implicit `return None`.
pub fn assemble(mut input: AssemblyInput) -> Result<CodeUnit, String> {
    // b_list order is newest block first.
    for b in (0..input.cfg.blocks.len()).rev() {
        input.cfg.normalize_basic_block(b);
    }
    for b in (0..input.cfg.blocks.len()).rev() {
        input.cfg.extend_block(b);
    }
    if input.firstlineno == 0 {
        input.firstlineno = match input.cfg.blocks[0].instrs.first() {
            Some(i) if i.loc.lineno > 0 => i.loc.lineno,
            _ => 1,
        };
    }
    let mut fixed = build_cellfixedoffsets(&input);
    insert_prefix_instructions(&mut input, &fixed);
    fix_cell_offsets(&mut input, &mut fixed);

    let mut consts = std::mem::take(&mut input.consts);
    let debug = std::env::var_os("PYRS_DUMP_CFG").is_some();
    if debug {
        eprintln!(
            "== {} before optimize_cfg\n{}",
            input.qualname,
            input.cfg.dump()
        );
    }
    input.cfg.optimize_cfg(&mut consts);
    if debug {
        eprintln!(
            "== {} after optimize_cfg\n{}",
            input.qualname,
            input.cfg.dump()
        );
    }
    input.cfg.duplicate_exits_without_lineno();
    trim_unused_consts(&input.cfg, &mut consts);
    input.cfg.propagate_line_numbers();
    input.cfg.guarantee_lineno_for_exits(input.firstlineno);

    use crate::code_unit::flags::*;
    let is_gen = input.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0;
    let maxdepth = input.cfg.stackdepth(is_gen)?;

    input.cfg.label_exception_targets();
    input.cfg.convert_exception_handlers_to_nops();
    for b in input.cfg.layout() {
        input.cfg.clean_basic_block(b);
    }
    input.cfg.normalize_jumps();
    let order = input.cfg.layout();
    assemble_jump_offsets(&mut input.cfg, &order);

    let mut code = Vec::new();
    for &b in &order {
        for instr in &input.cfg.blocks[b].instrs {
            write_instr(&mut code, instr);
        }
    }

    // 3.11 writes one entry per instruction (`assemble_emit_location`), even when
    // neighbours share a location.
    let mut lt = LineTableWriter {
        table: Vec::new(),
        lineno: input.firstlineno,
    };
    for &b in &order {
        for instr in &input.cfg.blocks[b].instrs {
            lt.write_entry(instr.loc, instr_size(instr));
        }
    }

    let exceptiontable = assemble_exception_table(&input.cfg, &order);
    let (localsplusnames, localspluskinds) = compute_localsplus_info(&input);

    Ok(CodeUnit {
        co_argcount: input.argcount,
        co_posonlyargcount: input.posonlyargcount,
        co_kwonlyargcount: input.kwonlyargcount,
        co_stacksize: maxdepth.max(0) as u32,
        co_flags: input.flags,
        co_firstlineno: input.firstlineno as u32,
        co_code: code,
        co_consts: consts,
        co_names: input.names,
        co_localsplusnames: localsplusnames,
        co_localspluskinds: localspluskinds,
        co_filename: input.filename,
        co_name: input.name,
        co_qualname: input.qualname,
        co_linetable: lt.table,
        co_exceptiontable: exceptiontable,
    })
}
